/* salvage-parse-trash.c - the Trash listing, read straight from its bytes
 *
 * The listing comes in two parts that describe the same records: "items"
 * (with dates and who deleted them) and "sections" (with parent ids). Each
 * entry is read into a TrashRecord; records that name the same Trash entry
 * are merged field by field, and objects are built only at the end, since
 * their properties are construct-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-json-scan-private.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

/* Strings live in the parse's string chunk; the dates are owned. */
typedef SalvageTrashItemFields TrashRecord;

typedef struct
{
  SalvageJsonScan   scan;
  GArray           *records;  /* of TrashRecord, in the order first seen */
  GHashTable       *index;    /* owned key → record position + 1 */
  GStringChunk     *strings;
  SalvageJsonGuard *dates;    /* reads dates written as objects, once one is met */
} TrashParse;

static void
trash_record_clear (TrashRecord *record)
{
  g_clear_pointer (&record->deleted_at, g_date_time_unref);
  g_clear_pointer (&record->scheduled_cleanup_at, g_date_time_unref);
}

static void
trash_parse_clear (TrashParse *parse)
{
  salvage_json_scan_clear (&parse->scan);
  g_clear_pointer (&parse->records, g_array_unref);
  g_clear_pointer (&parse->index, g_hash_table_unref);
  g_clear_pointer (&parse->strings, g_string_chunk_free);
  g_clear_object (&parse->dates);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrashParse, trash_parse_clear)

static SalvageTrashKind
kind_from_type (const char *type)
{
  if (type == NULL)
    return SALVAGE_TRASH_KIND_OTHER;
  /* "dataset" is the name projects had before the API renamed them. */
  if (g_ascii_strcasecmp (type, "project") == 0 || g_ascii_strcasecmp (type, "dataset") == 0)
    return SALVAGE_TRASH_KIND_PROJECT;
  if (g_ascii_strcasecmp (type, "version") == 0)
    return SALVAGE_TRASH_KIND_VERSION;
  if (g_ascii_strcasecmp (type, "workflow") == 0)
    return SALVAGE_TRASH_KIND_WORKFLOW;
  if (g_ascii_strcasecmp (type, "training") == 0)
    return SALVAGE_TRASH_KIND_TRAINING;
  return SALVAGE_TRASH_KIND_OTHER;
}

/* "models" → "model", "galleries" → "gallery": the type an unknown section
 * most likely holds. */
static const char *
singular_of (TrashParse *parse,
             const char *section)
{
  gsize len = strlen (section);
  g_autofree char *singular = NULL;

  if (len > 3 && g_str_has_suffix (section, "ies"))
    {
      g_autofree char *stem = g_strndup (section, len - 3);

      singular = g_strconcat (stem, "y", NULL);
    }
  else if (len > 1 && section[len - 1] == 's')
    singular = g_strndup (section, len - 1);
  else
    return section;

  return g_string_chunk_insert_const (parse->strings, singular);
}

/*
 * Reading values with the scanner. The Trash is the one large answer, so it
 * is read straight from the bytes: each value is looked at once, and only
 * the strings a record keeps are copied.
 */

/* The string just read, in the chunk; NULL when empty. */
static const char *
chunk_string (TrashParse             *parse,
              const SalvageJsonValue *value)
{
  if (value->string_len == 0)
    return NULL;

  return g_string_chunk_insert_len (parse->strings, value->string, value->string_len);
}

/* The next value when it is a non-empty string; anything else is skipped. */
static const char *
read_nonempty_string (TrashParse *parse)
{
  SalvageJsonValue value;

  if (salvage_json_scan_peek (&parse->scan) != SALVAGE_JSON_STRING)
    {
      salvage_json_scan_skip (&parse->scan);
      return NULL;
    }

  if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_STRING)
    return NULL;

  return chunk_string (parse, &value);
}

/* An id that may be a string or an integer, as a string in the chunk. */
static const char *
read_id (TrashParse *parse)
{
  SalvageJsonValue value;

  switch (salvage_json_scan_peek (&parse->scan))
    {
    case SALVAGE_JSON_STRING:
      if (salvage_json_scan_read (&parse->scan, &value) == SALVAGE_JSON_STRING)
        return chunk_string (parse, &value);
      return NULL;

    case SALVAGE_JSON_INTEGER:
      if (salvage_json_scan_read (&parse->scan, &value) == SALVAGE_JSON_INTEGER)
        {
          char buffer[32];

          g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value.integer);
          return g_string_chunk_insert_const (parse->strings, buffer);
        }
      return NULL;

    case SALVAGE_JSON_INVALID:
    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_DOUBLE:
    case SALVAGE_JSON_ARRAY:
    case SALVAGE_JSON_OBJECT:
    default:
      salvage_json_scan_skip (&parse->scan);
      return NULL;
    }
}

/* A date written as an object: the form in which Firestore timestamps are
 * serialised. It is rare, so rather than knowing that form twice, the
 * Trash hands its text to the date reader of the other answers. Like every
 * object that reader reads, one that repeats a member makes no date. */
static GDateTime *
read_date_object (TrashParse *parse)
{
  g_autoptr(JsonNode) node = NULL;
  SalvageJsonMark start;
  gboolean inexact = FALSE;

  salvage_json_scan_mark (&parse->scan, &start);
  if (!salvage_json_scan_skip (&parse->scan))
    return NULL;

  if (parse->dates == NULL)
    parse->dates = salvage_json_guard_new ();

  node = salvage_json_guard_read (parse->dates, parse->scan.data + start.pos,
                                  parse->scan.pos - start.pos, NULL);

  /* A number beyond what json-glib holds is, as any unreadable date in the
   * Trash, an unknown date. */
  return salvage_parse_date_read_node (node, &inexact);
}

/* The next value as a date, in the forms salvage_parse_date_node() reads:
 * each form is read by the functions that read it for the other answers. */
static GDateTime *
read_date (TrashParse *parse)
{
  SalvageJsonValue value;

  switch (salvage_json_scan_peek (&parse->scan))
    {
    case SALVAGE_JSON_STRING:
      {
        char buffer[64];
        g_autofree char *copy = NULL;
        const char *text;

        if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_STRING)
          return NULL;

        if (value.string_len < sizeof buffer)
          {
            memcpy (buffer, value.string, value.string_len);
            buffer[value.string_len] = '\0';
            text = buffer;
          }
        else
          text = copy = g_strndup (value.string, value.string_len);

        return salvage_parse_date_string (text);
      }

    case SALVAGE_JSON_INTEGER:
      if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_INTEGER)
        return NULL;
      return salvage_parse_date_from_unix (value.integer, 0);

    case SALVAGE_JSON_DOUBLE:
      if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_DOUBLE)
        return NULL;
      return salvage_parse_date_from_double (value.number);

    case SALVAGE_JSON_OBJECT:
      return read_date_object (parse);

    case SALVAGE_JSON_INVALID:
    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_ARRAY:
    default:
      salvage_json_scan_skip (&parse->scan);
      return NULL;
    }
}

static char *
record_key (const TrashRecord *record,
            char               parent_tag,
            const char        *parent)
{
  switch (record->kind)
    {
    case SALVAGE_TRASH_KIND_VERSION:
    case SALVAGE_TRASH_KIND_TRAINING:
      {
        char tag[2] = { parent_tag, '\0' };

        return g_strconcat (record->kind == SALVAGE_TRASH_KIND_VERSION ? "v" : "t",
                            "\x1f", record->id, "\x1f", tag, parent ? parent : "", NULL);
      }

    case SALVAGE_TRASH_KIND_PROJECT:
      return g_strconcat ("p\x1f", record->id, NULL);

    case SALVAGE_TRASH_KIND_WORKFLOW:
      return g_strconcat ("w\x1f", record->id, NULL);

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return g_strconcat ("o\x1f", record->type_name ? record->type_name : "",
                          "\x1f", record->id, NULL);
    }
}

/* Keys are only added, never replaced: the first record seen under a key
 * keeps it. Takes @key. */
static void
index_key (TrashParse *parse,
           char       *key,
           gpointer    value)
{
  if (g_hash_table_contains (parse->index, key))
    g_free (key);
  else
    g_hash_table_insert (parse->index, key, value);
}

static void
index_record (TrashParse        *parse,
              const TrashRecord *record,
              guint              position)
{
  gpointer value = GUINT_TO_POINTER (position + 1);

  if (record->kind == SALVAGE_TRASH_KIND_VERSION || record->kind == SALVAGE_TRASH_KIND_TRAINING)
    {
      if (record->parent_id != NULL)
        index_key (parse, record_key (record, 'i', record->parent_id), value);
      if (record->parent_url != NULL)
        index_key (parse, record_key (record, 'u', record->parent_url), value);
      if (record->parent_id == NULL && record->parent_url == NULL)
        index_key (parse, record_key (record, '-', NULL), value);
    }
  else
    {
      index_key (parse, record_key (record, '-', NULL), value);
    }
}

static TrashRecord *
find_record (TrashParse        *parse,
             const TrashRecord *record)
{
  g_autofree char *key = NULL;
  guint position;

  if (record->kind == SALVAGE_TRASH_KIND_VERSION || record->kind == SALVAGE_TRASH_KIND_TRAINING)
    {
      if (record->parent_id != NULL)
        {
          key = record_key (record, 'i', record->parent_id);
          if ((position = GPOINTER_TO_UINT (g_hash_table_lookup (parse->index, key))))
            return &g_array_index (parse->records, TrashRecord, position - 1);
          g_clear_pointer (&key, g_free);
        }

      if (record->parent_url != NULL)
        {
          key = record_key (record, 'u', record->parent_url);
          if ((position = GPOINTER_TO_UINT (g_hash_table_lookup (parse->index, key))))
            {
              TrashRecord *found = &g_array_index (parse->records, TrashRecord, position - 1);

              /* Same number under the same slug but another project id: a
               * project that was trashed, recreated and trashed again. */
              if (found->parent_id == NULL || record->parent_id == NULL)
                return found;
            }
          return NULL;
        }

      if (record->parent_id != NULL)
        return NULL;
    }

  key = record_key (record, '-', NULL);
  if ((position = GPOINTER_TO_UINT (g_hash_table_lookup (parse->index, key))))
    return &g_array_index (parse->records, TrashRecord, position - 1);

  return NULL;
}

#define TAKE_IF_UNSET(field) G_STMT_START { \
    if (into->field == NULL) into->field = from->field; \
  } G_STMT_END
#define STEAL_IF_UNSET(field) G_STMT_START { \
    if (into->field == NULL) into->field = g_steal_pointer (&from->field); \
  } G_STMT_END

static void
merge_record (TrashRecord *into,
              TrashRecord *from)
{
  TAKE_IF_UNSET (type_name);
  TAKE_IF_UNSET (name);
  TAKE_IF_UNSET (url);
  TAKE_IF_UNSET (parent_id);
  TAKE_IF_UNSET (parent_url);
  TAKE_IF_UNSET (parent_name);
  TAKE_IF_UNSET (version_number);
  TAKE_IF_UNSET (deleted_by);
  TAKE_IF_UNSET (deleted_by_name);
  STEAL_IF_UNSET (deleted_at);
  STEAL_IF_UNSET (scheduled_cleanup_at);
}

#undef TAKE_IF_UNSET
#undef STEAL_IF_UNSET

static void
add_record (TrashParse  *parse,
            TrashRecord *record)
{
  TrashRecord *existing = find_record (parse, record);

  if (existing != NULL)
    {
      guint position = existing - &g_array_index (parse->records, TrashRecord, 0);

      merge_record (existing, record);
      trash_record_clear (record);
      /* The merged record may now be known under a parent it lacked before. */
      index_record (parse, existing, position);
    }
  else
    {
      g_array_append_val (parse->records, *record);
      index_record (parse, record, parse->records->len - 1);
    }
}

/* Fails with the scanner's account of what is wrong with the body. */
static gboolean
scan_failed (TrashParse  *parse,
             GError     **error)
{
  salvage_json_scan_propagate (&parse->scan, error);
  return FALSE;
}

/* The entry at the scan position. @section is NULL for entries of
 * "items"; @section_kind is then unused. */
static gboolean
read_trash_entry (TrashParse        *parse,
                  const char        *where,
                  guint              position,
                  const char        *section,
                  SalvageTrashKind   section_kind,
                  GError           **error)
{
  TrashRecord record = { 0, };
  SalvageJsonValue key;
  const char *id = NULL;
  const char *versions[3] = { NULL, };
  const char *type = NULL;

  if (salvage_json_scan_peek (&parse->scan) != SALVAGE_JSON_OBJECT)
    {
      if (salvage_json_scan_failed (&parse->scan))
        return scan_failed (parse, error);
      return salvage_parse_bad_shape (error,
                                      _("Entry %u of “%s” is not an object"), position + 1, where);
    }

  salvage_json_scan_read (&parse->scan, &key);

  /* Of duplicate members, the last wins, as in a JSON object. */
  while (salvage_json_scan_next_member (&parse->scan, &key))
    {
      if (SALVAGE_JSON_KEY_IS (&key, "id"))
        id = read_id (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "type"))
        type = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "name"))
        record.name = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "url"))
        record.url = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "parentId"))
        record.parent_id = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "parentUrl"))
        record.parent_url = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "parentName"))
        record.parent_name = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "deletedBy"))
        record.deleted_by = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "deletedByName"))
        record.deleted_by_name = read_nonempty_string (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "deletedAt"))
        {
          g_clear_pointer (&record.deleted_at, g_date_time_unref);
          record.deleted_at = read_date (parse);
        }
      else if (SALVAGE_JSON_KEY_IS (&key, "scheduledCleanupAt"))
        {
          g_clear_pointer (&record.scheduled_cleanup_at, g_date_time_unref);
          record.scheduled_cleanup_at = read_date (parse);
        }
      else if (SALVAGE_JSON_KEY_IS (&key, "versionNumber"))
        versions[0] = read_id (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "version"))
        versions[1] = read_id (parse);
      else if (SALVAGE_JSON_KEY_IS (&key, "versionId"))
        versions[2] = read_id (parse);
      else
        salvage_json_scan_skip (&parse->scan);
    }

  if (salvage_json_scan_failed (&parse->scan))
    {
      trash_record_clear (&record);
      return scan_failed (parse, error);
    }

  if (section == NULL)
    {
      record.kind = kind_from_type (type);
      record.type_name = type;
    }
  else
    {
      record.kind = section_kind;
      record.type_name = type != NULL ? type : singular_of (parse, section);
    }

  if (!(record.id = id))
    {
      trash_record_clear (&record);
      return salvage_parse_bad_shape (error,
                                      _("Entry %u of “%s” has no usable “id”"),
                                      position + 1, where);
    }

  /* A version is its own number; anything else may name the version it
   * belongs to, in one of the spellings the API uses. */
  for (guint i = 0; i < G_N_ELEMENTS (versions) && record.kind != SALVAGE_TRASH_KIND_VERSION; i++)
    {
      if (versions[i] != NULL && salvage_parse_last_segment (versions[i])[0] != '\0')
        {
          record.version_number = salvage_parse_last_segment (versions[i]);
          break;
        }
    }

  add_record (parse, &record);

  return TRUE;
}

/* The list at the scan position, whose kind the caller has checked. */
static gboolean
read_trash_list (TrashParse        *parse,
                 const char        *where,
                 const char        *section,
                 SalvageTrashKind   section_kind,
                 GError           **error)
{
  SalvageJsonValue value;
  guint position = 0;

  if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_ARRAY)
    return scan_failed (parse, error);

  while (salvage_json_scan_next_element (&parse->scan))
    {
      if (!read_trash_entry (parse, where, position++, section, section_kind, error))
        return FALSE;
    }

  if (salvage_json_scan_failed (&parse->scan))
    return scan_failed (parse, error);

  return TRUE;
}

typedef struct
{
  const char      *name;
  SalvageJsonMark  value;
} TrashSection;

/* How messages name a section: by its key when that is a plain word, so
 * that no message repeats arbitrary text from the server. */
static char *
section_label (const char *name)
{
  gsize len = strlen (name);

  if (len == 0 || len > 40)
    return g_strdup ("sections");

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (name[i]) && name[i] != '_' && name[i] != '-')
        return g_strdup ("sections");
    }

  return g_strconcat ("sections.", name, NULL);
}

static gboolean
read_trash_sections (TrashParse  *parse,
                     GError     **error)
{
  g_autoptr(GArray) sections = g_array_new (FALSE, FALSE, sizeof (TrashSection));
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  SalvageJsonValue key;

  if (salvage_json_scan_read (&parse->scan, &key) != SALVAGE_JSON_OBJECT)
    return scan_failed (parse, error);

  /* Sections are read in the order their keys first appear, each with the
   * value of its last appearance, as a JSON object holds them. */
  while (salvage_json_scan_next_member (&parse->scan, &key))
    {
      TrashSection section;
      guint position;

      section.name = g_string_chunk_insert_len (parse->strings, key.string, key.string_len);
      salvage_json_scan_mark (&parse->scan, &section.value);

      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, section.name));
      if (position > 0)
        g_array_index (sections, TrashSection, position - 1).value = section.value;
      else
        {
          g_array_append_val (sections, section);
          g_hash_table_insert (positions, (gpointer)section.name,
                               GUINT_TO_POINTER (sections->len));
        }

      salvage_json_scan_skip (&parse->scan);
    }

  if (salvage_json_scan_failed (&parse->scan))
    return scan_failed (parse, error);

  for (guint i = 0; i < sections->len; i++)
    {
      const TrashSection *section = &g_array_index (sections, TrashSection, i);
      g_autofree char *where = section_label (section->name);
      SalvageTrashKind kind = kind_from_type (singular_of (parse, section->name));
      SalvageJsonKind found;

      salvage_json_scan_rewind (&parse->scan, &section->value);
      found = salvage_json_scan_peek (&parse->scan);

      if (found == SALVAGE_JSON_NULL)
        continue;

      if (found != SALVAGE_JSON_ARRAY)
        {
          if (salvage_json_scan_failed (&parse->scan))
            return scan_failed (parse, error);
          /* An unknown key that is not a list is not a list of items (a
           * count, say): there is nothing to lose by skipping it. */
          if (kind == SALVAGE_TRASH_KIND_OTHER)
            continue;
          return salvage_parse_bad_shape (error, _("“%s” is not a list"), where);
        }

      /* "datasets" is the old name of "projects"; when both are present
       * their entries are merged like any other duplicates. */
      if (!read_trash_list (parse, where, section->name, kind, error))
        return FALSE;
    }

  return TRUE;
}

static void
trash_parse_begin (TrashParse *parse,
                   const char *data,
                   gsize       len)
{
  trash_parse_clear (parse);
  salvage_json_scan_init (&parse->scan, data, len);
  parse->records = g_array_new (FALSE, FALSE, sizeof (TrashRecord));
  g_array_set_clear_func (parse->records, (GDestroyNotify)trash_record_clear);
  parse->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parse->strings = g_string_chunk_new (64 * 1024);
}

/* "sections" read where it stands, its lists in the order of their keys.
 * FALSE when it cannot be read so: a key repeats, or something is wrong. */
static gboolean
read_sections_in_place (TrashParse *parse)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  SalvageJsonValue key;

  if (salvage_json_scan_read (&parse->scan, &key) != SALVAGE_JSON_OBJECT)
    return FALSE;

  while (salvage_json_scan_next_member (&parse->scan, &key))
    {
      const char *name = g_string_chunk_insert_len (parse->strings, key.string, key.string_len);
      SalvageTrashKind kind = kind_from_type (singular_of (parse, name));
      g_autoptr(GError) error = NULL;
      g_autofree char *where = NULL;

      if (!g_hash_table_add (seen, (gpointer) name))
        return FALSE;

      switch (salvage_json_scan_peek (&parse->scan))
        {
        case SALVAGE_JSON_ARRAY:
          where = section_label (name);
          if (!read_trash_list (parse, where, name, kind, &error))
            return FALSE;
          break;

        case SALVAGE_JSON_NULL:
          salvage_json_scan_skip (&parse->scan);
          break;

        case SALVAGE_JSON_INVALID:
          return FALSE;

        case SALVAGE_JSON_BOOLEAN:
        case SALVAGE_JSON_INTEGER:
        case SALVAGE_JSON_DOUBLE:
        case SALVAGE_JSON_STRING:
        case SALVAGE_JSON_OBJECT:
        default:
          /* Not a list: nothing to lose when the key is unknown, an error
           * otherwise, which the reading in two passes tells. */
          if (kind != SALVAGE_TRASH_KIND_OTHER)
            return FALSE;
          salvage_json_scan_skip (&parse->scan);
          break;
        }
    }

  return !salvage_json_scan_failed (&parse->scan);
}

/* The Trash read in one pass over the body, as the server writes it:
 * "items" before "sections", each once. FALSE for any other body, and
 * for any problem: reading in two passes then reads it, and tells what is
 * wrong the way it always does, a broken body before a bad shape. */
static gboolean
read_in_one_pass (TrashParse *parse)
{
  gboolean seen_items = FALSE;
  gboolean seen_sections = FALSE;
  SalvageJsonValue key;

  if (salvage_json_scan_read (&parse->scan, &key) != SALVAGE_JSON_OBJECT)
    return FALSE;

  while (salvage_json_scan_next_member (&parse->scan, &key))
    {
      if (SALVAGE_JSON_KEY_IS (&key, "items"))
        {
          g_autoptr(GError) error = NULL;

          if (seen_items || seen_sections)
            return FALSE;
          seen_items = TRUE;

          if (salvage_json_scan_peek (&parse->scan) == SALVAGE_JSON_NULL)
            salvage_json_scan_skip (&parse->scan);
          else if (salvage_json_scan_peek (&parse->scan) != SALVAGE_JSON_ARRAY ||
                   !read_trash_list (parse, "items", NULL, SALVAGE_TRASH_KIND_OTHER, &error))
            return FALSE;
        }
      else if (SALVAGE_JSON_KEY_IS (&key, "sections"))
        {
          if (seen_sections)
            return FALSE;
          seen_sections = TRUE;

          switch (salvage_json_scan_peek (&parse->scan))
            {
            case SALVAGE_JSON_OBJECT:
              if (!read_sections_in_place (parse))
                return FALSE;
              break;

            case SALVAGE_JSON_NULL:
              salvage_json_scan_skip (&parse->scan);
              break;

            case SALVAGE_JSON_INVALID:
            case SALVAGE_JSON_BOOLEAN:
            case SALVAGE_JSON_INTEGER:
            case SALVAGE_JSON_DOUBLE:
            case SALVAGE_JSON_STRING:
            case SALVAGE_JSON_ARRAY:
            default:
              return FALSE;
            }
        }
      else if (!salvage_json_scan_skip (&parse->scan))
        {
          return FALSE;
        }
    }

  return salvage_json_scan_end (&parse->scan);
}

static GPtrArray *
make_items (TrashParse *parse)
{
  GPtrArray *items = g_ptr_array_new_full (parse->records->len, g_object_unref);

  for (guint i = 0; i < parse->records->len; i++)
    g_ptr_array_add (items,
                     salvage_trash_item_new_from_fields (&g_array_index (parse->records,
                                                                         TrashRecord, i)));

  return items;
}

static GPtrArray *
parse_trash (GBytes    *body,
             gboolean   one_pass,
             GError   **error)
{
  g_auto(TrashParse) parse = { { NULL, }, };
  SalvageJsonMark items_mark = { 0, };
  SalvageJsonMark sections_mark = { 0, };
  gboolean has_items = FALSE;
  gboolean has_sections = FALSE;
  SalvageJsonValue key;
  SalvageJsonKind found;
  const char *data;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(data = salvage_parse_body_data (body, &len, error)))
    return NULL;

  trash_parse_begin (&parse, data, len);

  if (salvage_json_scan_peek (&parse.scan) != SALVAGE_JSON_OBJECT)
    {
      /* Whatever it is, a broken body is reported as broken first. */
      if (salvage_json_validate (data, len, error))
        salvage_parse_bad_response (error,
                                    _("The server’s answer about the Trash is not an object"));
      return NULL;
    }

  if (one_pass && read_in_one_pass (&parse))
    return make_items (&parse);

  /* One pass over the whole body checks it and finds the two parts; the
   * entries are read afterwards, "items" first, whatever their order. */
  trash_parse_begin (&parse, data, len);
  salvage_json_scan_peek (&parse.scan);
  salvage_json_scan_read (&parse.scan, &key);
  while (salvage_json_scan_next_member (&parse.scan, &key))
    {
      if (SALVAGE_JSON_KEY_IS (&key, "items"))
        {
          salvage_json_scan_mark (&parse.scan, &items_mark);
          has_items = TRUE;
        }
      else if (SALVAGE_JSON_KEY_IS (&key, "sections"))
        {
          salvage_json_scan_mark (&parse.scan, &sections_mark);
          has_sections = TRUE;
        }

      salvage_json_scan_skip (&parse.scan);
    }

  if (!salvage_json_scan_end (&parse.scan))
    {
      scan_failed (&parse, error);
      return NULL;
    }

  if (has_items)
    {
      salvage_json_scan_rewind (&parse.scan, &items_mark);
      found = salvage_json_scan_peek (&parse.scan);

      if (found == SALVAGE_JSON_ARRAY)
        {
          if (!read_trash_list (&parse, "items", NULL, SALVAGE_TRASH_KIND_OTHER, error))
            return NULL;
        }
      else if (found != SALVAGE_JSON_NULL)
        {
          salvage_parse_bad_shape (error, _("“items” is not a list"));
          return NULL;
        }
    }

  if (has_sections)
    {
      salvage_json_scan_rewind (&parse.scan, &sections_mark);
      found = salvage_json_scan_peek (&parse.scan);

      if (found == SALVAGE_JSON_OBJECT)
        {
          if (!read_trash_sections (&parse, error))
            return NULL;
        }
      /* Some JSON encoders write an empty map as an empty list. */
      else if (found == SALVAGE_JSON_ARRAY)
        {
          salvage_json_scan_read (&parse.scan, &key);
          if (salvage_json_scan_next_element (&parse.scan))
            {
              salvage_parse_bad_shape (error, _("“sections” is not an object"));
              return NULL;
            }
        }
      else if (found != SALVAGE_JSON_NULL)
        {
          salvage_parse_bad_shape (error, _("“sections” is not an object"));
          return NULL;
        }
    }

  return make_items (&parse);
}

GPtrArray *
salvage_parse_trash (GBytes  *body,
                     GError **error)
{
  return parse_trash (body, TRUE, error);
}

GPtrArray *
salvage_parse_trash_two_pass (GBytes  *body,
                              GError **error)
{
  return parse_trash (body, FALSE, error);
}
