/* salvage-application.h - the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_APPLICATION (salvage_application_get_type ())

G_DECLARE_FINAL_TYPE (SalvageApplication, salvage_application, SALVAGE, APPLICATION, AdwApplication)

SalvageApplication *salvage_application_new (void);

G_END_DECLS
