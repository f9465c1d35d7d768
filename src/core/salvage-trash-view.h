/* salvage-trash-view.h - the Trash in the order and with the filter a page shows, from its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-trash-store.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRASH_VIEW (salvage_trash_view_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashView, salvage_trash_view, SALVAGE, TRASH_VIEW, GObject)

/* A number to sort a record by; ascending unless the view is told
 * otherwise. */
typedef gint64   (*SalvageTrashNumberKey) (const SalvageTrashRecord *record);
/* A text to sort a record by, compared as people expect (case folded,
 * then collated); NULL sorts first. */
typedef char *   (*SalvageTrashTextKey)   (const SalvageTrashRecord *record,
                                           gpointer                  user_data);
/* Whether the view shows a record. */
typedef gboolean (*SalvageTrashMatch)     (const SalvageTrashRecord *record,
                                           gpointer                  user_data);

/* A GListModel of SalvageTrashItem: the entries of @store (may be NULL)
 * that match the filter, sorted by a key computed once per record, entries
 * of equal keys in the store's order. Sorting and filtering read records
 * only: an item is made when the view is asked for it. By default, the
 * store's order and every entry. */
SalvageTrashView *salvage_trash_view_new             (SalvageTrashStore     *store);
SalvageTrashStore *salvage_trash_view_get_store      (SalvageTrashView      *self);
/* @store may be NULL: the view is then empty. */
void              salvage_trash_view_set_store       (SalvageTrashView      *self,
                                                      SalvageTrashStore     *store);

void              salvage_trash_view_sort_by_number  (SalvageTrashView      *self,
                                                      SalvageTrashNumberKey  key,
                                                      gboolean               descending);
void              salvage_trash_view_sort_by_text    (SalvageTrashView      *self,
                                                      SalvageTrashTextKey    key,
                                                      gpointer               user_data,
                                                      gboolean               descending);
/* By the part of a store of parts each entry is in, in the store's order
 * of parts (salvage_trash_store_new_of_parts()). */
void              salvage_trash_view_sort_by_part    (SalvageTrashView      *self,
                                                      gboolean               descending);
/* @match NULL shows every entry. Call salvage_trash_view_refilter() when
 * what @match says changes. */
void              salvage_trash_view_set_filter      (SalvageTrashView      *self,
                                                      SalvageTrashMatch      match,
                                                      gpointer               user_data);
void              salvage_trash_view_refilter        (SalvageTrashView      *self);

/* The store position of the entry at @position of the view. */
guint             salvage_trash_view_get_store_position (SalvageTrashView   *self,
                                                         guint               position);

/* Keys for the usual orders. Days left: the cleanup date, unknown last.
 * Deleted: most recent first, unknown first, as a "… ago" column reads
 * ascending. */
gint64            salvage_trash_record_cleanup_key   (const SalvageTrashRecord *record);
gint64            salvage_trash_record_deleted_key   (const SalvageTrashRecord *record);

G_END_DECLS
