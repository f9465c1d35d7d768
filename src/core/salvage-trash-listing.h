/* salvage-trash-listing.h - one answer of the Trash, as compact records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-trash-item-private.h"

G_BEGIN_DECLS

/* SalvageTrashListing: the entries of one Trash listing, merged and in
 * the order first seen, as records whose strings live in one block the
 * listing owns. Nothing of the body it was read from is kept. Immutable
 * once made; reference counted, and safe to share between threads. */
#define SALVAGE_TYPE_TRASH_LISTING (salvage_trash_listing_get_type ())
GType                     salvage_trash_listing_get_type      (void) G_GNUC_CONST;

SalvageTrashListing      *salvage_trash_listing_ref           (SalvageTrashListing *self);
void                      salvage_trash_listing_unref         (SalvageTrashListing *self);

guint                     salvage_trash_listing_get_n_records (SalvageTrashListing *self);
/* The record at @position: its texts are NUL-terminated and stay valid
 * for as long as the listing. */
const SalvageTrashRecord *salvage_trash_listing_get_record    (SalvageTrashListing *self,
                                                               guint                position);
/* A new item for the record at @position. It holds a reference to the
 * listing, whose strings it uses. */
SalvageTrashItem         *salvage_trash_listing_make_item     (SalvageTrashListing *self,
                                                               guint                position);

/* For the parser: where the texts of a listing's records are kept as
 * they are read, NUL-terminated, in blocks that never move. Texts asked
 * to be shared are kept once when they repeat close together (the people
 * who deleted things, types, parents). */
typedef struct _SalvageTrashStrings SalvageTrashStrings;

SalvageTrashStrings      *_salvage_trash_strings_new          (gsize               size_hint);
void                      _salvage_trash_strings_free         (SalvageTrashStrings *strings);
/* A copy of the @len bytes at @str, which hold no NUL; NULL for NULL. */
const char               *_salvage_trash_strings_add          (SalvageTrashStrings *strings,
                                                               const char          *str,
                                                               gsize                len);
const char               *_salvage_trash_strings_add_shared   (SalvageTrashStrings *strings,
                                                               const char          *str,
                                                               gsize                len);

/* For the parser: a listing of the @n_records @records, which it takes
 * with @strings, where their texts are. */
SalvageTrashListing      *_salvage_trash_listing_new_take     (SalvageTrashRecord  *records,
                                                               gsize                n_records,
                                                               SalvageTrashStrings *strings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalvageTrashListing, salvage_trash_listing_unref)

G_END_DECLS
