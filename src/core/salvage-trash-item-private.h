/* salvage-trash-item-private.h - making Trash items from the Trash parser's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

/* A date that is not known, in µs since 1970. */
#define SALVAGE_TRASH_NO_DATE G_MININT64

/* A string of a record: NUL-terminated, never empty; @str is NULL for
 * none. A record keeps only the pointer, which halves its size: a large
 * Trash has a hundred thousand of them. */
typedef struct
{
  const char *str;
} SalvageTrashText;

/* Whether two texts are the same; no text and an empty one are. */
static inline gboolean
salvage_trash_text_equal (const SalvageTrashText *a,
                          const SalvageTrashText *b)
{
  return strcmp (a->str != NULL ? a->str : "", b->str != NULL ? b->str : "") == 0;
}

/* Whether @text is @value (NULL being empty). */
static inline gboolean
salvage_trash_text_is (const SalvageTrashText *text,
                       const char             *value)
{
  return strcmp (text->str != NULL ? text->str : "", value != NULL ? value : "") == 0;
}

/* Whether @text holds anything. */
static inline gboolean
salvage_trash_text_is_set (const SalvageTrashText *text)
{
  return text->str != NULL && text->str[0] != '\0';
}

/* One Trash entry as a listing keeps it, its dates in µs since 1970
 * (UTC) or SALVAGE_TRASH_NO_DATE. */
typedef struct
{
  SalvageTrashKind  kind;
  SalvageTrashText  type_name;
  SalvageTrashText  id;
  SalvageTrashText  name;
  SalvageTrashText  url;
  SalvageTrashText  parent_id;
  SalvageTrashText  parent_url;
  SalvageTrashText  parent_name;
  SalvageTrashText  version_number;
  SalvageTrashText  deleted_by;
  SalvageTrashText  deleted_by_name;
  gint64            deleted_at;
  gint64            scheduled_cleanup_at;
} SalvageTrashRecord;

/* salvage_trash_item_dup_display_name() for the item @record would make,
 * whose texts must be NUL-terminated (a listing's are). */
char             *salvage_trash_record_dup_display_name (const SalvageTrashRecord *record);

/* salvage_trash_item_dup_key() for the item @record would make; or
 * appended to @out. */
char             *salvage_trash_record_dup_key          (const SalvageTrashRecord *record);
void              salvage_trash_record_append_key       (const SalvageTrashRecord *record,
                                                         GString                  *out);

/* See salvage-trash-listing.h. */
typedef struct _SalvageTrashListing SalvageTrashListing;

/* salvage_trash_item_get_restorable() of the item @record would make. */
static inline gboolean
salvage_trash_record_get_restorable (const SalvageTrashRecord *record)
{
  return record->kind != SALVAGE_TRASH_KIND_OTHER && salvage_trash_text_is_set (&record->id);
}

/* The item for a record of @listing, as salvage_trash_item_new_from_fields()
 * would make it, but using the listing's NUL-terminated strings rather than
 * copies, and holding a reference to the listing. */
SalvageTrashItem *_salvage_trash_item_new_in_listing (const SalvageTrashRecord *record,
                                                      SalvageTrashListing      *listing);

/* Says which workspace's Trash listed @self; @origin is interned. */
void              _salvage_trash_item_set_origin     (SalvageTrashItem         *self,
                                                      const char               *origin);

G_END_DECLS
