/* salvage-trash-page.h - the Trash page: what was deleted, and restoring it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-page-util.h"
#include "salvage-workspace.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRASH_PAGE (salvage_trash_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashPage, salvage_trash_page, SALVAGE, TRASH_PAGE, AdwBin)

/*
 * Signals:
 *   "restore-requested" (GPtrArray *items, gboolean all): the user asked to
 *                       restore @items (SalvageTrashItem, all restorable);
 *                       @all when they asked for the whole Trash.
 *
 * Actions (group "trash"): "restore-selected", "restore-all", "open-web-app",
 *   "context-menu".
 */

void        salvage_trash_page_set_workspace (SalvageTrashPage *self,
                                              SalvageWorkspace *workspace);
void        salvage_trash_page_set_state     (SalvageTrashPage *self,
                                              SalvagePageState  state,
                                              const GError     *error);
void        salvage_trash_page_set_search    (SalvageTrashPage *self,
                                              const char       *text);

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
/* The model of the view: the rows it has been given so far (a large Trash
 * reaches it over a few frames) and which of them are selected. */
GtkSelectionModel *salvage_trash_page_get_selection (SalvageTrashPage *self);
/* "loading", "content", "no-results", "empty" or "error". */
const char *salvage_trash_page_get_view      (SalvageTrashPage *self);

G_END_DECLS
