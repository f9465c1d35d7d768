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

/* A string as the parser read it: @len bytes at @str, not NUL-terminated;
 * @str is NULL for none. */
typedef struct
{
  const char *str;
  guint32     len;
} SalvageTrashText;

/* Whether two texts are the same; no text and an empty one are. */
static inline gboolean
salvage_trash_text_equal (const SalvageTrashText *a,
                          const SalvageTrashText *b)
{
  return a->len == b->len && (a->len == 0 || memcmp (a->str, b->str, a->len) == 0);
}

/* Whether @text is @value (NULL being empty). */
static inline gboolean
salvage_trash_text_is (const SalvageTrashText *text,
                       const char             *value)
{
  SalvageTrashText other = { value, value != NULL ? (guint32) strlen (value) : 0 };

  return salvage_trash_text_equal (text, &other);
}

/* One Trash entry as read, its dates in µs since 1970 (UTC) or
 * SALVAGE_TRASH_NO_DATE. */
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
  return record->kind != SALVAGE_TRASH_KIND_OTHER && record->id.len > 0;
}

/* The item for @record, as salvage_trash_item_new_from_fields() would
 * make it; its strings are copied into one block. */
SalvageTrashItem *_salvage_trash_item_new_from_record (const SalvageTrashRecord *record);
/* The same for a record of @listing, whose NUL-terminated strings it uses
 * rather than copies, holding a reference to the listing. */
SalvageTrashItem *_salvage_trash_item_new_in_listing  (const SalvageTrashRecord *record,
                                                       SalvageTrashListing      *listing);

G_END_DECLS
