/* salvage-parse-trash-merge.c - Trash entries into records, merged by the entry they name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-parse-private.h"
#include "salvage-parse-trash-private.h"

/* The text a record keeps, as an entry's. */
static inline Text
kept_text (const SalvageTrashText *kept)
{
  return (Text) { kept->str, kept->str != NULL ? (guint32) strlen (kept->str) : 0 };
}

/* Whether a text a record keeps is an entry's; none and empty are the same. */
static inline gboolean
kept_is (const SalvageTrashText *kept,
         Text                    text)
{
  Text other = kept_text (kept);

  return other.len == text.len && (text.len == 0 || memcmp (other.str, text.str, text.len) == 0);
}

/* The date of an entry that a record takes. */
static gint64
entry_date (Text   text,
            gint64 date)
{
  gint64 usec;

  if (text.str == NULL)
    return date;

  return salvage_parse_date_text_usec (text.str, text.len, &usec) ? usec : NO_DATE;
}

/*
 * Merging. Records that name the same Trash entry (the same key) are one
 * record; the first seen keeps its fields, and takes those it lacks.
 */

static inline guint
tag_code (char tag)
{
  return tag == 'i' ? 1 : tag == 'u' ? 2 : 3;
}

/* Bodies are at most SALVAGE_HTTP_MAX_BODY_SIZE bytes, and a record takes
 * at least ten of them: positions fit in the 30 bits left to them. */
#define SLOT_ENTRY(position, tag) ((((guint32) (position) + 1) << 2) | tag_code (tag))
#define SLOT_POSITION(entry)      (((entry) >> 2) - 1)

static inline guint64
hash_mix (guint64 hash,
          guint64 word)
{
  hash = (hash ^ word) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  return hash ^ (hash >> 32);
}

/* Eight bytes at a time. The length goes in with the last word, so that
 * an id and the text beside it cannot trade bytes and keep the hash. */
static inline guint64
hash_bytes (guint64     hash,
            const char *str,
            gsize       len)
{
  gsize i = 0;
  guint64 word;

  for (; i + 8 <= len; i += 8)
    {
      memcpy (&word, str + i, 8);
      hash = hash_mix (hash, word);
    }

  word = 0;
  if (len > i)
    memcpy (&word, str + i, len - i);
  return hash_mix (hash, word ^ ((guint64) len << 56));
}

/* Keyed with the parse's seed, so that a body cannot be written to make
 * every key collide. */
static guint32
key_hash (TrashParse       *parse,
          SalvageTrashKind  kind,
          Text              id,
          char              tag,
          Text              extra)
{
  guint64 hash = parse->seed;

  hash = hash_mix (hash, (guint64) kind << 8 | (guchar) tag);
  hash = hash_bytes (hash, id.str, id.len);
  hash = hash_bytes (hash, extra.str, extra.len);
  return (guint32) (hash ^ (hash >> 29));
}

/* The key's text beside the id: the parent for @tag 'i' and 'u', the
 * type's name for other types; of an entry, and of a record. */
static Text
entry_key_extra (const TrashEntry *entry,
                 char              tag)
{
  switch (tag)
    {
    case 'i':
      return entry->parent_id;
    case 'u':
      return entry->parent_url;
    default:
      return entry->kind == SALVAGE_TRASH_KIND_OTHER ? entry->type_name : NO_TEXT;
    }
}

static const SalvageTrashText *
record_key_extra (const TrashRecord *record,
                  char               tag)
{
  static const SalvageTrashText none = { NULL };

  switch (tag)
    {
    case 'i':
      return &record->parent_id;
    case 'u':
      return &record->parent_url;
    default:
      return record->kind == SALVAGE_TRASH_KIND_OTHER ? &record->type_name : &none;
    }
}

/* The position + 1 of the record under this key, or 0; @slot_out is where
 * the key is or would go. */
static guint
index_find (TrashParse       *parse,
            SalvageTrashKind  kind,
            Text              id,
            char              tag,
            Text              extra,
            guint32           hash,
            guint            *slot_out)
{
  guint mask = parse->n_slots - 1;

  for (guint i = hash & mask;; i = (i + 1) & mask)
    {
      const IndexSlot *slot = &parse->slots[i];
      const TrashRecord *record;

      if (slot->entry == 0)
        {
          *slot_out = i;
          return 0;
        }

      if (slot->hash != hash || (slot->entry & 3) != tag_code (tag))
        continue;

      /* The parts of a key a record was indexed under never change: a
       * merge only fills in what a record lacks. */
      record = &g_array_index (parse->records, TrashRecord, SLOT_POSITION (slot->entry));
      if (record->kind == kind &&
          kept_is (&record->id, id) &&
          kept_is (record_key_extra (record, tag), extra))
        {
          *slot_out = i;
          return SLOT_POSITION (slot->entry) + 1;
        }
    }
}

static void
index_grow (TrashParse *parse)
{
  IndexSlot *old = parse->slots;
  guint n_old = parse->n_slots;

  parse->n_slots = MAX (n_old * 2, 1024);
  parse->slots = g_new0 (IndexSlot, parse->n_slots);

  for (guint i = 0; i < n_old; i++)
    {
      guint mask = parse->n_slots - 1;
      guint j;

      if (old[i].entry == 0)
        continue;
      for (j = old[i].hash & mask; parse->slots[j].entry != 0; j = (j + 1) & mask)
        ;
      parse->slots[j] = old[i];
    }

  g_free (old);
}

/* Keys are only added, never replaced: the first record seen under a key
 * keeps it. */
/* What looking a record's keys up found, by tag code: for a record then
 * added, the hash need not be computed again, nor the free slot sought,
 * when the index has not changed since. */
typedef struct
{
  guint32  hash;
  guint    slot;
  guint    n_slots;   /* of the index when looked up; 0 = not looked up */
} Probe;

typedef Probe Probes[4];

static void
index_key (TrashParse        *parse,
           const TrashRecord *record,
           char               tag,
           guint              position,
           const Probe       *probe)
{
  Text id = kept_text (&record->id);
  Text extra = kept_text (record_key_extra (record, tag));
  guint32 hash;
  guint slot;

  g_assert (position < (1u << 30) - 1);

  /* At most half full, so that probes stay short. */
  if ((parse->n_used + 1) * 2 > parse->n_slots)
    index_grow (parse);

  hash = probe != NULL && probe->n_slots != 0 ? probe->hash
                                               : key_hash (parse, record->kind, id, tag, extra);

  if (probe != NULL && probe->n_slots == parse->n_slots && parse->slots[probe->slot].entry == 0)
    slot = probe->slot;
  else if (index_find (parse, record->kind, id, tag, extra, hash, &slot) != 0)
    return;

  parse->slots[slot] = (IndexSlot) { hash, SLOT_ENTRY (position, tag) };
  parse->n_used++;

  if (position >= parse->n_owns)
    {
      gsize n_old = parse->n_owns;

      parse->n_owns = MAX (position + 1, n_old * 2);
      parse->owns = g_realloc (parse->owns, parse->n_owns);
      memset (parse->owns + n_old, 0, parse->n_owns - n_old);
    }
  parse->owns[position] |= 1u << tag_code (tag);
}

static inline gboolean
has_parent (SalvageTrashKind kind)
{
  return kind == SALVAGE_TRASH_KIND_VERSION || kind == SALVAGE_TRASH_KIND_TRAINING;
}

/* Indexes @record under each of its keys; @probes, when given, are what
 * find_record() found for the entry the record was made from, whose keys
 * are the record's. */
static void
index_record (TrashParse        *parse,
              const TrashRecord *record,
              guint              position,
              const Probe       *probes)
{
#define PROBE(tag) (probes != NULL ? &probes[tag_code (tag)] : NULL)
  if (has_parent (record->kind))
    {
      if (record->parent_id.str != NULL)
        index_key (parse, record, 'i', position, PROBE ('i'));
      if (record->parent_url.str != NULL)
        index_key (parse, record, 'u', position, PROBE ('u'));
      if (record->parent_id.str == NULL && record->parent_url.str == NULL)
        index_key (parse, record, '-', position, PROBE ('-'));
    }
  else
    {
      index_key (parse, record, '-', position, PROBE ('-'));
    }
#undef PROBE
}

static TrashRecord *
lookup (TrashParse       *parse,
        const TrashEntry *entry,
        char              tag,
        Probe            *probes)
{
  Text extra = entry_key_extra (entry, tag);
  Probe *probe = &probes[tag_code (tag)];
  guint position;

  probe->hash = key_hash (parse, entry->kind, entry->id, tag, extra);
  position = index_find (parse, entry->kind, entry->id, tag, extra, probe->hash, &probe->slot);
  probe->n_slots = parse->n_slots;

  return position != 0 ? &g_array_index (parse->records, TrashRecord, position - 1) : NULL;
}

/* Whether @guess holds, in the index, the key find_record() looks up
 * first for @record, which is then what it finds. A section lists its
 * entries in the order "items" does: checking the record after the last
 * one found spares the index's memory, which a large Trash makes slow. */
static gboolean
guess_is_found (TrashParse        *parse,
                const TrashRecord *guess,
                guint              position,
                const TrashEntry  *record)
{
  guint owns = position < parse->n_owns ? parse->owns[position] : 0;
  char tag;

  if (guess->kind != record->kind || record->kind == SALVAGE_TRASH_KIND_OTHER ||
      !kept_is (&guess->id, record->id))
    return FALSE;

  if (!has_parent (record->kind))
    tag = '-';
  else if (record->parent_id.str != NULL)
    tag = 'i';
  else if (record->parent_url.str != NULL)
    tag = 'u';
  else
    tag = '-';

  if (!(owns & (1u << tag_code (tag))))
    return FALSE;

  switch (tag)
    {
    case 'i':
      return kept_is (&guess->parent_id, record->parent_id);
    case 'u':
      return kept_is (&guess->parent_url, record->parent_url);
    default:
      /* Of a known type with no parent: the key is the type and id. */
      return TRUE;
    }
}

static TrashRecord *
guess_record (TrashParse       *parse,
              const TrashEntry *record)
{
  guint end = MIN (parse->records->len, parse->next_guess + 4);

  for (guint i = parse->next_guess; i < end; i++)
    {
      TrashRecord *guess = &g_array_index (parse->records, TrashRecord, i);

      if (guess->kind == record->kind)
        return guess_is_found (parse, guess, i, record) ? guess : NULL;
    }

  return NULL;
}

static TrashRecord *
find_record (TrashParse       *parse,
             const TrashEntry *record,
             Probe            *probes)
{
  TrashRecord *found;

  if (has_parent (record->kind))
    {
      if (record->parent_id.str != NULL && (found = lookup (parse, record, 'i', probes)) != NULL)
        return found;

      if (record->parent_url.str != NULL)
        {
          found = lookup (parse, record, 'u', probes);

          /* Same number under the same slug but another project id: a
           * project that was trashed, recreated and trashed again. */
          if (found != NULL && (found->parent_id.str == NULL || record->parent_id.str == NULL))
            return found;
          return NULL;
        }

      if (record->parent_id.str != NULL)
        return NULL;
    }

  return lookup (parse, record, '-', probes);
}

/* Texts that repeat across records are kept once where they repeat
 * close together; the others are kept as they are. */
#define KEEP(field) \
  (into->field.str = _salvage_trash_strings_add (parse->kept, from->field.str, from->field.len))
#define KEEP_SHARED(field) \
  (into->field.str = _salvage_trash_strings_add_shared (parse->kept, from->field.str, from->field.len))

/* A record of its own for the entry @from, with its texts kept. */
static void
keep_record (TrashParse       *parse,
             TrashRecord      *into,
             const TrashEntry *from)
{
  into->kind = from->kind;
  into->deleted_at = entry_date (from->deleted_at_text, from->deleted_at);
  into->scheduled_cleanup_at = entry_date (from->scheduled_cleanup_at_text, from->scheduled_cleanup_at);
  KEEP_SHARED (type_name);
  KEEP (id);
  KEEP (name);
  KEEP (url);
  KEEP_SHARED (parent_id);
  KEEP_SHARED (parent_url);
  KEEP_SHARED (parent_name);
  KEEP_SHARED (version_number);
  KEEP_SHARED (deleted_by);
  KEEP_SHARED (deleted_by_name);
}

#define TAKE_IF_UNSET(field) G_STMT_START { \
    if (into->field.str == NULL) KEEP (field); \
  } G_STMT_END
#define TAKE_SHARED_IF_UNSET(field) G_STMT_START { \
    if (into->field.str == NULL) KEEP_SHARED (field); \
  } G_STMT_END
#define TAKE_DATE_IF_UNSET(field) G_STMT_START { \
    if (into->field == NO_DATE) into->field = entry_date (from->field##_text, from->field); \
  } G_STMT_END

static void
merge_record (TrashParse       *parse,
              TrashRecord      *into,
              const TrashEntry *from)
{
  TAKE_SHARED_IF_UNSET (type_name);
  TAKE_IF_UNSET (name);
  TAKE_IF_UNSET (url);
  TAKE_SHARED_IF_UNSET (parent_id);
  TAKE_SHARED_IF_UNSET (parent_url);
  TAKE_SHARED_IF_UNSET (parent_name);
  TAKE_SHARED_IF_UNSET (version_number);
  TAKE_SHARED_IF_UNSET (deleted_by);
  TAKE_SHARED_IF_UNSET (deleted_by_name);
  TAKE_DATE_IF_UNSET (deleted_at);
  TAKE_DATE_IF_UNSET (scheduled_cleanup_at);
}

#undef KEEP
#undef KEEP_SHARED
#undef TAKE_IF_UNSET
#undef TAKE_SHARED_IF_UNSET
#undef TAKE_DATE_IF_UNSET

void
_salvage_trash_add_entry (TrashParse       *parse,
                          const TrashEntry *record,
                          gboolean          in_section)
{
  TrashRecord *existing = NULL;
  Probes probes = { { 0, }, };

  if (in_section && parse->guess)
    existing = guess_record (parse, record);
  if (existing == NULL)
    existing = find_record (parse, record, probes);

  if (existing != NULL)
    {
      guint position = existing - &g_array_index (parse->records, TrashRecord, 0);

      parse->next_guess = position + 1;
      gboolean new_key = (existing->parent_id.str == NULL && record->parent_id.str != NULL) ||
                         (existing->parent_url.str == NULL && record->parent_url.str != NULL) ||
                         (existing->type_name.str == NULL && record->type_name.str != NULL);

      merge_record (parse, existing, record);
      /* The merged record may now be known under a parent it lacked before. */
      if (new_key)
        index_record (parse, existing, position, NULL);
    }
  else
    {
      guint position = parse->records->len;

      g_array_set_size (parse->records, position + 1);
      keep_record (parse, &g_array_index (parse->records, TrashRecord, position), record);
      index_record (parse, &g_array_index (parse->records, TrashRecord, position), position, probes);
    }
}
