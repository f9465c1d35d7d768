/* salvage-trash-page.h - the Trash page: what was deleted, and restoring it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-page.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRASH_PAGE (salvage_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashPage, salvage_trash_page, SALVAGE, TRASH_PAGE, SalvagePage)

/*
 * Signals:
 *   "restore-requested" (GPtrArray *items, gboolean all): the user asked to
 *                       restore @items (SalvageTrashItem, all restorable);
 *                       @all when they asked for the whole Trash.
 *
 * Actions (group "trash"): "restore-selected", "restore-all", "open-web-app",
 *   "context-menu".
 */

/* Items with this many days left or fewer are shown as a warning. */
#define SALVAGE_TRASH_PAGE_DEFAULT_WARNING_DAYS 3

void        salvage_trash_page_set_warning_days (SalvageTrashPage *self,
                                                 int               days);

/* Takes the sort and the type filter from @settings ("trash-sort-column",
 * "trash-sort-descending", "trash-filter") and keeps them there as the
 * user changes them; follows "cleanup-warning-days". */
void        salvage_trash_page_set_settings  (SalvageTrashPage *self,
                                              GSettings        *settings);

/* Sorts by @column (as below); FALSE for a name it does not know. */
gboolean    salvage_trash_page_sort_by       (SalvageTrashPage *self,
                                              const char       *column,
                                              gboolean          descending);

/* The column the rows are sorted by ("name", "type", "deleted-by",
 * "deleted", "days-left"; NULL when unsorted) and whether descending. */
const char *salvage_trash_page_get_sort      (SalvageTrashPage *self,
                                              gboolean         *descending);

/* Picks the entry of the type drop-down that shows only @kind. */
void        salvage_trash_page_show_kind     (SalvageTrashPage *self,
                                              SalvageTrashKind  kind);
/* Picks "All Types". */
void        salvage_trash_page_show_all_kinds (SalvageTrashPage *self);

/* Adds the row of @item to the selection. */
gboolean    salvage_trash_page_select_item   (SalvageTrashPage *self,
                                              SalvageTrashItem *item);
/* The rows as shown: filtered and sorted. */
GListModel *salvage_trash_page_get_rows      (SalvageTrashPage *self);

/* Shows only the entries whose keys (salvage_trash_item_get_key()) are in
 * @keys, under a banner whose Show All shows them all again; NULL: all. */
void        salvage_trash_page_show_only     (SalvageTrashPage   *self,
                                              const char * const *keys);
gboolean    salvage_trash_page_get_showing_only (SalvageTrashPage *self);
/* The model of the view: the rows it has been given so far (a large Trash
 * reaches it over a few frames) and which of them are selected. */
GtkSelectionModel *salvage_trash_page_get_selection (SalvageTrashPage *self);

G_END_DECLS
