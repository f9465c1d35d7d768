/* salvage-workspace-switcher.h - the header bar's menu of the workspaces added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-session.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_WORKSPACE_SWITCHER (salvage_workspace_switcher_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWorkspaceSwitcher, salvage_workspace_switcher, SALVAGE, WORKSPACE_SWITCHER, AdwBin)

/*
 * A button naming the workspace shown, and a menu of the session's
 * accounts with the shown one checked: picking one opens it, each has a
 * Remove button (the action "win.remove-account" with the account's
 * server and slug), and "Add Workspace…" is "win.add-account".
 *
 * Properties:
 *   "session"  SalvageSession
 *   "compact"  boolean  only the arrow, on a narrow window where the
 *              title already names the workspace
 */

void        salvage_workspace_switcher_set_session (SalvageWorkspaceSwitcher *self,
                                                    SalvageSession           *session);

/* For tests: the row of All Workspaces (hidden unless two are saved),
 * and the rows of the workspaces. */
GtkWidget  *salvage_workspace_switcher_get_all_row (SalvageWorkspaceSwitcher *self);
GtkListBox *salvage_workspace_switcher_get_list    (SalvageWorkspaceSwitcher *self);

/* Closes the menu. */
void        salvage_workspace_switcher_popdown     (SalvageWorkspaceSwitcher *self);

G_END_DECLS
