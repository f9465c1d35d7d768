/* salvage-preferences-dialog.h - the workspaces added, and the few preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-application.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_PREFERENCES_DIALOG (salvage_preferences_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SalvagePreferencesDialog, salvage_preferences_dialog, SALVAGE, PREFERENCES_DIALOG, AdwPreferencesDialog)

/* Present it over a SalvageWindow with adw_dialog_present(): removing a
 * workspace goes through the window's "win.remove-account". */
SalvagePreferencesDialog *salvage_preferences_dialog_new (SalvageApplication *application);

/* Names the workspace shown when it is not one of those added (the demo):
 * it is listed, as shown but not kept. NULL when there is none. */
void                      salvage_preferences_dialog_set_unsaved_workspace (SalvagePreferencesDialog *self,
                                                                            const char               *name);

/* The number of workspace rows shown. */
guint                     salvage_preferences_dialog_get_n_accounts (SalvagePreferencesDialog *self);

G_END_DECLS
