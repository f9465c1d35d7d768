/* salvage-preferences-window.h - the workspaces added, and the few preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-window.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_PREFERENCES_WINDOW (salvage_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SalvagePreferencesWindow, salvage_preferences_window, SALVAGE, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Removing a workspace goes through @parent's win.remove-account. */
SalvagePreferencesWindow *salvage_preferences_window_new (SalvageWindow      *parent,
                                                          SalvageApplication *application);

/* The number of workspace rows shown. */
guint                     salvage_preferences_window_get_n_accounts (SalvagePreferencesWindow *self);

G_END_DECLS
