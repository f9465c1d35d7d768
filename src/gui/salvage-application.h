/* salvage-application.h - the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-accounts.h"
#include "salvage-cleanup-watch.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_APPLICATION (salvage_application_get_type ())

G_DECLARE_FINAL_TYPE (SalvageApplication, salvage_application, SALVAGE, APPLICATION, AdwApplication)

SalvageApplication *salvage_application_new          (void);

/* The application's settings, or NULL when its schema is not installed
 * (an uninstalled build run without GSETTINGS_SCHEMA_DIR). */
GSettings          *salvage_application_get_settings (SalvageApplication *self);

/* The workspaces the user added. */
SalvageAccounts    *salvage_application_get_accounts (SalvageApplication *self);

/* The server given with --api-url, or NULL. */
const char         *salvage_application_get_api_url  (SalvageApplication *self);

/* The checks for entries near their cleanup, made if they were not yet. */
SalvageCleanupWatch *salvage_application_get_cleanup_watch (SalvageApplication *self);

G_END_DECLS
