/* salvage-projects-page-private.h - what the Projects page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-expansion.h"
#include "salvage-projects-page.h"

G_BEGIN_DECLS

struct _SalvageProjectsPage
{
  SalvagePage         parent_instance;

  GtkStack           *stack;
  AdwStatusPage      *error_page;
  GtkStack           *layouts;
  GtkColumnView      *column_view;
  GtkListView        *list_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *images_column;
  GtkColumnViewColumn *versions_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *actions_column;
  GMenuModel         *context_menu;

  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
  GtkTreeListModel   *rows;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  /* Which rows are expanded, across reloads of the lists. */
  SalvageExpansion   *expansion;

  /* Child stores whose loading has been started, so that each level is
   * fetched once, on its first expansion. */
  GHashTable         *requested;
  /* Child stores loaded without an error since the last reload. */
  GHashTable         *loaded;
  /* Workspace store → Level: what the tree shows for it. */
  GHashTable         *levels;
  GCancellable       *cancellable;
};

/* A row standing in for the versions or trainings of a row while they
 * load, or for the reason they could not be loaded. */
#define SALVAGE_TYPE_LEVEL_STATUS (salvage_level_status_get_type ())
G_DECLARE_FINAL_TYPE (SalvageLevelStatus, salvage_level_status, SALVAGE, LEVEL_STATUS, GObject)

struct _SalvageLevelStatus
{
  GObject  parent_instance;

  char    *error_message;  /* NULL while loading */
  char    *note;           /* loaded, with nothing to show, and why */
};

/* salvage-projects-page.c */
void _salvage_projects_page_request_delete (SalvageProjectsPage *self,
                                            gpointer             item);
void _salvage_projects_page_row_expanded_cb (GtkTreeListRow      *row,
                                             GParamSpec          *pspec,
                                             SalvageProjectsPage *self);

/* salvage-projects-page-cells.c */
void _salvage_projects_page_set_up_cells   (SalvageProjectsPage *self);

G_END_DECLS
