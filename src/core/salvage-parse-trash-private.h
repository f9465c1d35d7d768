/* salvage-parse-trash-private.h - what the Trash reader's files share
 *
 * The reader is in four files: salvage-parse-trash.c runs a parse and
 * reads in two passes; salvage-parse-trash-one-pass.c reads the listing in
 * one pass, from a whole body or while it arrives; both read entries with
 * salvage-parse-trash-entry.c and make records of them with
 * salvage-parse-trash-merge.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "salvage-body-feed.h"
#include "salvage-json-guard-private.h"
#include "salvage-json-scan-private.h"
#include "salvage-trash-item-private.h"
#include "salvage-trash-listing.h"

G_BEGIN_DECLS

/* A string of an entry as read: @len bytes at @str, which point into the
 * body, or into the parse's chunk for text that had escapes or that the
 * parse made; @str is NULL for none. A record keeps NUL-terminated copies
 * of its entries' strings, made as it takes them. */
typedef struct
{
  const char *str;
  guint32     len;
} Text;

#define NO_TEXT ((Text) { NULL, 0 })

/* Dates are µs since 1970 (UTC). */
#define NO_DATE SALVAGE_TRASH_NO_DATE

typedef SalvageTrashRecord TrashRecord;

/* An entry as read, before a record takes it. */
typedef struct
{
  SalvageTrashKind  kind;
  Text              type_name;
  Text              id;
  Text              name;
  Text              url;
  Text              parent_id;
  Text              parent_url;
  Text              parent_name;
  Text              version_number;
  Text              deleted_by;
  Text              deleted_by_name;
  /* A date written as text is read only when a record takes it: most
   * entries of a section repeat dates their record has already. */
  Text              deleted_at_text;
  Text              scheduled_cleanup_at_text;
  gint64            deleted_at;
  gint64            scheduled_cleanup_at;
} TrashEntry;

/* The merge index: which record a key names. A key is the record's kind
 * and id, and for versions and trainings a parent: its id (tag 'i'), its
 * url ('u'), or none ('-'); for other types, the type's name. Open
 * addressing over a power-of-two table; keys are added, never replaced or
 * removed, and hold no copies: the text they name is the record's. */
typedef struct
{
  guint32     hash;
  guint32     entry;        /* (position + 1) << 2 | tag's code; 0 = an empty slot */
} IndexSlot;

typedef struct
{
  SalvageJsonScan   scan;
  const char       *body;
  gsize             body_len;
  GArray           *records;  /* of TrashRecord, in the order first seen */
  IndexSlot        *slots;
  guint             n_slots;  /* a power of two */
  guint             n_used;
  guint64           seed;     /* of the index's hash, new for each parse */
  guint8           *owns;     /* for each record, the tags of the keys it holds in the index */
  gsize             n_owns;
  gboolean          guess;      /* whether sections are matched by guessing first */
  guint             next_guess; /* in a section: the record after the last one matched */
  GStringChunk     *strings;  /* texts read with escapes, or made */
  SalvageTrashStrings *kept;  /* the records' texts */
  SalvageJsonGuard *dates;    /* reads dates written as objects, once one is met */
} TrashParse;

/* The entries' strings the parse copies, and a few words. */
Text              _salvage_trash_chunk_text       (TrashParse        *parse,
                                                   const char        *str,
                                                   gsize              len);
Text              _salvage_trash_singular_of      (TrashParse        *parse,
                                                   Text               section);
SalvageTrashKind  _salvage_trash_kind_from_type   (Text               type);

/* Fails with the scanner's account of what is wrong with the body. */
gboolean          _salvage_trash_scan_failed      (TrashParse        *parse,
                                                   GError           **error);

/* The entry at the scan position, into @entry_out. @section is NULL for
 * entries of "items"; @section_kind is then unused. */
gboolean          _salvage_trash_read_entry       (TrashParse        *parse,
                                                   const char        *where,
                                                   guint              position,
                                                   const Text        *section,
                                                   SalvageTrashKind   section_kind,
                                                   TrashEntry        *entry_out,
                                                   GError           **error);

/* Makes a record of @entry, or merges it into the record of the same
 * entry (salvage-parse-trash-merge.c). @in_section: it comes from a
 * section, where a guess is tried first when the parse allows it. */
void              _salvage_trash_add_entry        (TrashParse        *parse,
                                                   const TrashEntry  *entry,
                                                   gboolean           in_section);

/* The Trash read in one pass (salvage-parse-trash-one-pass.c). */
gboolean          _salvage_trash_read_in_one_pass (TrashParse        *parse,
                                                   SalvageBodyFeed   *feed,
                                                   GError           **error);

G_END_DECLS
