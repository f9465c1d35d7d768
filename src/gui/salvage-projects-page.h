/* salvage-projects-page.h - the Projects page: projects, their versions and trainings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-page.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_PROJECTS_PAGE (salvage_projects_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageProjectsPage, salvage_projects_page, SALVAGE, PROJECTS_PAGE, SalvagePage)

/*
 * Signals:
 *   "delete-requested" (GObject *item): the user asked to move a project,
 *                      version or training to the Trash; nothing is asked yet.
 *
 * Actions (group "projects"): "delete-selected", "context-menu",
 *   "expand-selected", "collapse-selected".
 */

/* Selects the row showing @item (which must be in a visible level) and
 * scrolls to it. Returns FALSE when no row shows it. */
gboolean    salvage_projects_page_select_item   (SalvageProjectsPage *self,
                                                 gpointer             item);
/* Expands the row showing @item, loading its children. */
gboolean    salvage_projects_page_expand_item   (SalvageProjectsPage *self,
                                                 gpointer             item);
/* The rows as shown (GtkTreeListRow): the filtered projects, sorted. */
GListModel *salvage_projects_page_get_rows      (SalvageProjectsPage *self);
/* The text of the row at @position of the rows when it stands for the
 * children of the row above while they load ("Loading…") or for why they
 * could not be loaded; NULL for a row that shows a project, version or
 * training. */
const char *salvage_projects_page_get_status_text (SalvageProjectsPage *self,
                                                   guint                position);

G_END_DECLS
