/* salvage-window-private.h - views into the window for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-projects-page.h"
#include "salvage-trash-page.h"
#include "salvage-welcome-page.h"
#include "salvage-window.h"
#include "salvage-workflows-page.h"

G_BEGIN_DECLS

SalvageProjectsPage  *salvage_window_get_projects_page  (SalvageWindow *self);
SalvageWorkflowsPage *salvage_window_get_workflows_page (SalvageWindow *self);
SalvageTrashPage     *salvage_window_get_trash_page     (SalvageWindow *self);

/* Shows the page named "projects", "workflows" or "trash". */
void                  salvage_window_show_page          (SalvageWindow *self,
                                                         const char    *name);

SalvageWelcomePage   *salvage_window_get_welcome_page   (SalvageWindow *self);

/* The rows of the workspace switcher's list. */
GtkListBox           *salvage_window_get_accounts_list  (SalvageWindow *self);

/* "welcome" or "workspace". */
const char           *salvage_window_get_view           (SalvageWindow *self);

/* The confirmation dialog waiting for an answer, or NULL. */
AdwAlertDialog       *salvage_window_get_dialog         (SalvageWindow *self);

/* The title of the most recent toast (with its markup), or NULL. */
const char           *salvage_window_get_last_toast     (SalvageWindow *self);

/* Whether the page switcher sits at the bottom, as on a narrow window. */
gboolean              salvage_window_get_bottom_switcher (SalvageWindow *self);

/* The number of the Trash page's badge. */
guint                 salvage_window_get_trash_badge    (SalvageWindow *self);

/* How long after a Trash load coming back to the window reloads it again
 * (5 s unless set). */
void                  salvage_window_set_trash_focus_interval (SalvageWindow *self,
                                                               GTimeSpan      interval);

/* How many times the Trash was reloaded because the window became active. */
guint                 salvage_window_get_n_focus_refreshes    (SalvageWindow *self);

G_END_DECLS
