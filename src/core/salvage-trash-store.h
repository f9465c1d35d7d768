/* salvage-trash-store.h - a workspace's Trash, as a list model that makes items when asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-trash-listing.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRASH_STORE (salvage_trash_store_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashStore, salvage_trash_store, SALVAGE, TRASH_STORE, GObject)

/* A GListModel of SalvageTrashItem over the records of a listing. The
 * item of an entry is made the first time it is asked for, and then kept:
 * asking again gives the same object. The records can be read without any
 * item being made. */
SalvageTrashStore        *salvage_trash_store_new         (void);

/* A store whose entries are those of @parts (stores of one listing each),
 * one part after another, following their changes. Its items are the
 * parts' own: asking for one asks its part. It cannot be replaced or
 * removed from. */
SalvageTrashStore        *salvage_trash_store_new_of_parts (SalvageTrashStore **parts,
                                                            guint               n_parts);
/* How many parts a store of parts has; 0 for any other store. */
guint                     salvage_trash_store_get_n_parts  (SalvageTrashStore  *self);
/* The index of the part that holds the entry at @position; 0 for a store
 * that has no parts. */
guint                     salvage_trash_store_get_part_index (SalvageTrashStore *self,
                                                              guint              position);

/* What the items made from now on say they came from (see
 * salvage_trash_item_get_origin()). */
void                      salvage_trash_store_set_origin  (SalvageTrashStore   *self,
                                                           const char          *origin);

/* The records of @listing at @positions (all of them, in order, when
 * @positions is NULL) replace the contents, in one items-changed. An item
 * made before for an entry that is still there unchanged (the same key,
 * the same fields) stays that entry's item, wherever it now is. When the
 * new contents are the old ones, nothing changes and nothing is emitted:
 * returns FALSE. */
gboolean                  salvage_trash_store_replace     (SalvageTrashStore   *self,
                                                           SalvageTrashListing *listing,
                                                           const guint         *positions,
                                                           guint                n_positions);
void                      salvage_trash_store_remove      (SalvageTrashStore   *self,
                                                           guint                position);
void                      salvage_trash_store_remove_all  (SalvageTrashStore   *self);

const SalvageTrashRecord *salvage_trash_store_get_record  (SalvageTrashStore   *self,
                                                           guint                position);
/* The listing the records are in, or NULL when empty. (transfer none) */
SalvageTrashListing      *salvage_trash_store_get_listing (SalvageTrashStore   *self);
/* The item of the entry at @position if it has been made, else NULL;
 * makes none. (transfer none) */
SalvageTrashItem         *salvage_trash_store_peek_item   (SalvageTrashStore   *self,
                                                           guint                position);

/* Whether two records have every field the same. */
gboolean                  salvage_trash_record_equal      (const SalvageTrashRecord *a,
                                                           const SalvageTrashRecord *b);
/* Whether two records are the same Trash entry: the identity of
 * salvage_trash_item_dup_key(), without making it. */
gboolean                  salvage_trash_record_same_entry (const SalvageTrashRecord *a,
                                                           const SalvageTrashRecord *b);
guint                     salvage_trash_record_entry_hash (const SalvageTrashRecord *record);

G_END_DECLS
