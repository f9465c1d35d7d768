/* salvage-trash-page-private.h - what the Trash page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-trash-page.h"
#include "salvage-trash-selection.h"
#include "salvage-trash-view.h"

G_BEGIN_DECLS

struct _SalvageTrashPage
{
  SalvagePage          parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  AdwBanner           *banner;
  AdwBanner           *review_banner;
  GtkWidget           *info_box;
  GtkWidget           *info_separator;
  GtkWidget           *restore_all_button;
  GtkLabel            *restore_all_label;
  GtkLabel            *count_label;
  GtkDropDown         *type_dropdown;
  GtkStack            *layouts;
  GtkColumnView       *column_view;
  GtkListView         *list_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *workspace_column;
  GtkColumnViewColumn *type_column;
  GtkColumnViewColumn *deleter_column;
  GtkColumnViewColumn *deleted_column;
  GtkColumnViewColumn *days_left_column;
  GtkColumnViewColumn *actions_column;
  GtkActionBar        *action_bar;
  GtkLabel            *selection_label;
  GMenuModel          *context_menu;

  /* The workspace's Trash store, whose changes the page hears of first. */
  GListModel          *trash;
  /* The Trash as shown: filtered and sorted from its records. */
  SalvageTrashView    *rows;
  char                *folded_search;
  /* The entries a cleanup warning named, when the page shows only them:
   * their keys, and a buffer to make a record's key in. */
  GHashTable          *only_keys;
  GString             *key_buffer;
  GtkSliceListModel   *shown;
  /* What is selected, of all the rows; and the model of the view. */
  SalvageTrashSelection *selection;
  GtkSelectionModel   *view_model;
  guint                reveal_tick_id;
  guint                reveal_idle_id;
  guint                selection_idle_id;

  char                *restore_label;

  /* Where the sort, the type filter and the warning threshold are kept. */
  GSettings           *settings;
  int                  warning_days;
  /* The days-left cells that exist, to redo when the threshold changes. */
  GPtrArray           *days_cells;

};

/* salvage-trash-page.c */
void _salvage_trash_page_emit_restore        (SalvageTrashPage *self,
                                              GPtrArray        *items,
                                              gboolean          all);

/* salvage-trash-page-reveal.c: a Trash of more rows than this arriving
 * in an empty view is shown a few rows at a time. */
#define SALVAGE_TRASH_PAGE_REVEAL_FIRST 16

void _salvage_trash_page_reveal_gradually    (SalvageTrashPage *self);
void _salvage_trash_page_reveal_all          (SalvageTrashPage *self);
void _salvage_trash_page_reveal_stop         (SalvageTrashPage *self);

/* The name of the workspace that listed @item, when the page shows All
 * Workspaces; else NULL. */
const char *_salvage_trash_page_get_workspace_name (SalvageTrashPage *self,
                                                   SalvageTrashItem *item);

/* salvage-trash-page-cells.c */
void _salvage_trash_page_set_up_cells        (SalvageTrashPage *self);
void _salvage_trash_page_restyle_days_cells  (SalvageTrashPage *self);
void _salvage_trash_page_forget_days_cells   (SalvageTrashPage *self);

G_END_DECLS
