/* salvage-parse-trash.c - the Trash listing, read straight from its bytes
 *
 * The listing comes in two parts that describe the same records: "items"
 * (with dates and who deleted them) and "sections" (with parent ids). Each
 * entry is read into a TrashEntry, which becomes a record or is merged
 * field by field into the record of the same Trash entry
 * (salvage-parse-trash-merge.c). A body as the server writes it is read in
 * one pass (salvage-parse-trash-one-pass.c), any other in two, here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"
#include "salvage-parse-trash-private.h"

static void
trash_parse_clear (TrashParse *parse)
{
  salvage_json_scan_clear (&parse->scan);
  g_clear_pointer (&parse->records, g_array_unref);
  g_clear_pointer (&parse->slots, g_free);
  parse->n_slots = parse->n_used = 0;
  g_clear_pointer (&parse->owns, g_free);
  parse->n_owns = 0;
  parse->guess = FALSE;
  parse->next_guess = 0;
  g_clear_pointer (&parse->strings, g_string_chunk_free);
  g_clear_pointer (&parse->kept, _salvage_trash_strings_free);
  g_clear_object (&parse->dates);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TrashParse, trash_parse_clear)

static inline gboolean
text_is (Text        text,
         const char *literal)
{
  gsize len = strlen (literal);

  return text.str != NULL && text.len == len && g_ascii_strncasecmp (text.str, literal, len) == 0;
}

SalvageTrashKind
_salvage_trash_kind_from_type (Text type)
{
  if (type.str == NULL)
    return SALVAGE_TRASH_KIND_OTHER;
  /* "dataset" is the name projects had before the API renamed them. */
  if (text_is (type, "project") || text_is (type, "dataset"))
    return SALVAGE_TRASH_KIND_PROJECT;
  if (text_is (type, "version"))
    return SALVAGE_TRASH_KIND_VERSION;
  if (text_is (type, "workflow"))
    return SALVAGE_TRASH_KIND_WORKFLOW;
  if (text_is (type, "training"))
    return SALVAGE_TRASH_KIND_TRAINING;
  return SALVAGE_TRASH_KIND_OTHER;
}

/* Text the parse keeps a copy of. */
Text
_salvage_trash_chunk_text (TrashParse *parse,
            const char *str,
            gsize       len)
{
  return (Text) { g_string_chunk_insert_len (parse->strings, str, len), len };
}

/* "models" → "model", "galleries" → "gallery": the type an unknown section
 * most likely holds. */
Text
_salvage_trash_singular_of (TrashParse *parse,
             Text        section)
{
  if (section.len > 3 && memcmp (section.str + section.len - 3, "ies", 3) == 0)
    {
      g_autofree char *singular = g_strdup_printf ("%.*sy", (int) section.len - 3, section.str);

      return _salvage_trash_chunk_text (parse, singular, strlen (singular));
    }
  if (section.len > 1 && section.str[section.len - 1] == 's')
    return (Text) { section.str, section.len - 1 };

  return section;
}

/*
 * Reading values with the scanner. The Trash is the one large answer, so it
 * is read straight from the bytes: each value is looked at once, and a
 * string is copied only when it had escapes.
 */

/* The string just read; none when empty. */
static Text
value_text (TrashParse             *parse,
            const SalvageJsonValue *value)
{
  if (value->string_len == 0)
    return (Text) { NULL, 0 };

  /* Unescaped text is the scanner's, until its next read. */
  if ((guintptr) value->string - (guintptr) parse->body >= parse->body_len)
    return _salvage_trash_chunk_text (parse, value->string, value->string_len);

  return (Text) { value->string, value->string_len };
}

/* The next value when it is a non-empty string; anything else is skipped. */
static Text
read_nonempty_string (TrashParse *parse)
{
  SalvageJsonValue value;

  if (salvage_json_scan_peek (&parse->scan) != SALVAGE_JSON_STRING)
    {
      salvage_json_scan_skip (&parse->scan);
      return (Text) { NULL, 0 };
    }

  if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_STRING)
    return (Text) { NULL, 0 };

  return value_text (parse, &value);
}

/* An id that may be a string or an integer, as text. */
static Text
read_id (TrashParse *parse)
{
  SalvageJsonValue value;

  switch (salvage_json_scan_peek (&parse->scan))
    {
    case SALVAGE_JSON_STRING:
      if (salvage_json_scan_read (&parse->scan, &value) == SALVAGE_JSON_STRING)
        return value_text (parse, &value);
      return (Text) { NULL, 0 };

    case SALVAGE_JSON_INTEGER:
      if (salvage_json_scan_read (&parse->scan, &value) == SALVAGE_JSON_INTEGER)
        {
          char buffer[32];

          g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value.integer);
          return _salvage_trash_chunk_text (parse, buffer, strlen (buffer));
        }
      return (Text) { NULL, 0 };

    case SALVAGE_JSON_INVALID:
    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_DOUBLE:
    case SALVAGE_JSON_ARRAY:
    case SALVAGE_JSON_OBJECT:
    default:
      salvage_json_scan_skip (&parse->scan);
      return (Text) { NULL, 0 };
    }
}

static gint64
take_date (GDateTime *date)
{
  gint64 usec;

  if (date == NULL)
    return NO_DATE;

  usec = g_date_time_to_unix_usec (date);
  g_date_time_unref (date);
  return usec;
}

/* A date written as an object: the form in which Firestore timestamps are
 * serialised. It is rare, so rather than knowing that form twice, the
 * Trash hands its text to the date reader of the other answers. Like every
 * object that reader reads, one that repeats a member makes no date. */
static gint64
read_date_object (TrashParse *parse)
{
  g_autoptr(JsonNode) node = NULL;
  SalvageJsonMark start;
  gboolean inexact = FALSE;

  salvage_json_scan_mark (&parse->scan, &start);
  if (!salvage_json_scan_skip (&parse->scan))
    return NO_DATE;

  if (parse->dates == NULL)
    parse->dates = salvage_json_guard_new ();

  node = salvage_json_guard_read (parse->dates, parse->scan.data + start.pos,
                                  parse->scan.pos - start.pos, NULL);

  /* A number beyond what json-glib holds is, as any unreadable date in the
   * Trash, an unknown date. */
  return take_date (salvage_parse_date_read_node (node, &inexact));
}

/* The next value as a date, in the forms salvage_parse_date_node() reads:
 * each form is read by the functions that read it for the other answers. */
/* A date as text, or as a number or object read at once: either way,
 * the last of repeated members wins. */
static gint64
read_date_or_text (TrashParse *parse,
                   Text       *text)
{
  SalvageJsonValue value;

  *text = NO_TEXT;

  switch (salvage_json_scan_peek (&parse->scan))
    {
    case SALVAGE_JSON_STRING:
      if (salvage_json_scan_read (&parse->scan, &value) == SALVAGE_JSON_STRING)
        *text = value_text (parse, &value);
      return NO_DATE;

    case SALVAGE_JSON_INTEGER:
      if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_INTEGER)
        return NO_DATE;
      return take_date (salvage_parse_date_from_unix (value.integer, 0));

    case SALVAGE_JSON_DOUBLE:
      if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_DOUBLE)
        return NO_DATE;
      return take_date (salvage_parse_date_from_double (value.number));

    case SALVAGE_JSON_OBJECT:
      return read_date_object (parse);

    case SALVAGE_JSON_INVALID:
    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_ARRAY:
    default:
      salvage_json_scan_skip (&parse->scan);
      return NO_DATE;
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

/* The last segment of @text, after its last slash. */
static Text
last_segment (Text text)
{
  for (guint32 i = text.len; i > 0; i--)
    {
      if (text.str[i - 1] == '/')
        return (Text) { text.str + i, text.len - i };
    }

  return text;
}

/* The entry at the scan position, into @record_out. @section is NULL for
 * entries of "items"; @section_kind is then unused. */
gboolean
_salvage_trash_read_entry (TrashParse        *parse,
                  const char        *where,
                  guint              position,
                  const Text        *section,
                  SalvageTrashKind   section_kind,
                  TrashEntry        *record_out,
                  GError           **error)
{
  TrashEntry record = { .deleted_at = NO_DATE, .scheduled_cleanup_at = NO_DATE };
  SalvageJsonValue key;
  Text id = { NULL, 0 };
  Text versions[3] = { { NULL, 0 }, };
  Text type = { NULL, 0 };

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
        record.deleted_at = read_date_or_text (parse, &record.deleted_at_text);
      else if (SALVAGE_JSON_KEY_IS (&key, "scheduledCleanupAt"))
        record.scheduled_cleanup_at = read_date_or_text (parse, &record.scheduled_cleanup_at_text);
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
    return scan_failed (parse, error);

  if (section == NULL)
    {
      record.kind = _salvage_trash_kind_from_type (type);
      record.type_name = type;
    }
  else
    {
      record.kind = section_kind;
      record.type_name = type.str != NULL ? type : _salvage_trash_singular_of (parse, *section);
    }

  if ((record.id = id).str == NULL)
    return salvage_parse_bad_shape (error,
                                    _("Entry %u of “%s” has no usable “id”"),
                                    position + 1, where);

  /* A version is its own number; anything else may name the version it
   * belongs to, in one of the spellings the API uses. */
  for (guint i = 0; i < G_N_ELEMENTS (versions) && record.kind != SALVAGE_TRASH_KIND_VERSION; i++)
    {
      Text number = last_segment (versions[i]);

      if (versions[i].str != NULL && number.len > 0)
        {
          record.version_number = number;
          break;
        }
    }

  *record_out = record;

  return TRUE;
}

/* The list at the scan position, whose kind the caller has checked. */
static gboolean
read_trash_list (TrashParse        *parse,
                 const char        *where,
                 const Text        *section,
                 SalvageTrashKind   section_kind,
                 GError           **error)
{
  SalvageJsonValue value;
  guint position = 0;

  if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_ARRAY)
    return scan_failed (parse, error);

  while (salvage_json_scan_next_element (&parse->scan))
    {
      TrashEntry record;

      if (!_salvage_trash_read_entry (parse, where, position++, section, section_kind, &record, error))
        return FALSE;
      _salvage_trash_add_entry (parse, &record, section != NULL);
    }

  if (salvage_json_scan_failed (&parse->scan))
    return scan_failed (parse, error);

  return TRUE;
}

typedef struct
{
  Text             name;
  SalvageJsonMark  value;
} TrashSection;

/* How messages name a section: by its key when that is a plain word, so
 * that no message repeats arbitrary text from the server. */
char *
_salvage_trash_section_label (const char *name)
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

      section.name = _salvage_trash_chunk_text (parse, key.string, key.string_len);
      salvage_json_scan_mark (&parse->scan, &section.value);

      position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, section.name.str));
      if (position > 0)
        g_array_index (sections, TrashSection, position - 1).value = section.value;
      else
        {
          g_array_append_val (sections, section);
          g_hash_table_insert (positions, (gpointer)section.name.str,
                               GUINT_TO_POINTER (sections->len));
        }

      salvage_json_scan_skip (&parse->scan);
    }

  if (salvage_json_scan_failed (&parse->scan))
    return scan_failed (parse, error);

  for (guint i = 0; i < sections->len; i++)
    {
      const TrashSection *section = &g_array_index (sections, TrashSection, i);
      g_autofree char *where = _salvage_trash_section_label (section->name.str);
      SalvageTrashKind kind = _salvage_trash_kind_from_type (_salvage_trash_singular_of (parse, section->name));
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
      if (!read_trash_list (parse, where, &section->name, kind, error))
        return FALSE;
    }

  return TRUE;
}

static void
trash_parse_begin (TrashParse *parse,
                   const char *data,
                   gsize       len,
                   gsize       size)
{
  trash_parse_clear (parse);
  salvage_json_scan_init (&parse->scan, data, len);
  parse->body = data;
  parse->body_len = len;
  /* The sizes below are for a body of @size bytes, of which @len have
   * arrived; they grow if need be. */
  len = MAX (len, size);
  /* Room for as many records as the body could hold, at a few hundred
   * bytes each: pages of it that are never written cost nothing, and the
   * array is not copied as it grows. */
  parse->records = g_array_sized_new (FALSE, FALSE, sizeof (TrashRecord), len / 256 + 16);
  parse->strings = g_string_chunk_new (64 * 1024);
  /* The texts kept are a part of the body: those of "items", once. */
  parse->kept = _salvage_trash_strings_new (len / 4);
  parse->seed = (guint64) g_random_int () << 32 | g_random_int ();
  /* An index that need not grow while the records are read: about two
   * slots for each record the body could hold. */
  parse->n_slots = 1024;
  while (parse->n_slots < len / 256 && parse->n_slots < (1u << 30))
    parse->n_slots *= 2;
  parse->slots = g_new0 (IndexSlot, parse->n_slots);
  parse->n_owns = len / 256 + 16;
  parse->owns = g_malloc0 (parse->n_owns);
}

static SalvageTrashListing *
make_listing (TrashParse *parse)
{
  gsize n_records = 0;
  SalvageTrashRecord *records = g_array_steal (parse->records, &n_records);

  return _salvage_trash_listing_new_take (records, n_records, g_steal_pointer (&parse->kept));
}

static GPtrArray *
make_items (SalvageTrashListing *listing)
{
  guint n_records;
  GPtrArray *items;

  if (listing == NULL)
    return NULL;

  n_records = salvage_trash_listing_get_n_records (listing);
  items = g_ptr_array_new_full (n_records, g_object_unref);
  for (guint i = 0; i < n_records; i++)
    g_ptr_array_add (items, salvage_trash_listing_make_item (listing, i));

  salvage_trash_listing_unref (listing);
  return items;
}

static SalvageTrashListing *
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

  trash_parse_begin (&parse, data, len, len);
  /* Reading in two passes is also the reference the tests hold guessing
   * to: it never guesses. */
  parse.guess = one_pass;

  if (salvage_json_scan_peek (&parse.scan) != SALVAGE_JSON_OBJECT)
    {
      /* Whatever it is, a broken body is reported as broken first. */
      if (salvage_json_validate (data, len, error))
        salvage_parse_bad_response (error,
                                    _("The server’s answer about the Trash is not an object"));
      return NULL;
    }

  if (one_pass && _salvage_trash_read_in_one_pass (&parse, NULL, NULL))
    return make_listing (&parse);

  /* One pass over the whole body checks it and finds the two parts; the
   * entries are read afterwards, "items" first, whatever their order. */
  trash_parse_begin (&parse, data, len, len);
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

  return make_listing (&parse);
}

GPtrArray *
salvage_parse_trash (GBytes  *body,
                     GError **error)
{
  return make_items (parse_trash (body, TRUE, error));
}

SalvageTrashListing *
salvage_parse_trash_listing (GBytes  *body,
                             GError **error)
{
  return parse_trash (body, TRUE, error);
}

SalvageTrashListing *
salvage_parse_trash_listing_from_feed (SalvageBodyFeed  *feed,
                                       GError          **error)
{
  g_auto(TrashParse) parse = { { NULL, }, };
  g_autoptr(GBytes) body = NULL;
  GError *local_error = NULL;
  gboolean complete;
  const char *data;
  gsize len;

  g_return_val_if_fail (feed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Enough for a byte order mark and the first byte after it. */
  if (!salvage_body_feed_wait (feed, 4, &data, &len, &complete, error))
    return NULL;

  if (complete)
    {
      body = salvage_body_feed_get_bytes (feed);
      return parse_trash (body, TRUE, error);
    }

  trash_parse_begin (&parse, data, len, salvage_body_feed_get_expected (feed));
  parse.guess = TRUE;

  if (_salvage_trash_read_in_one_pass (&parse, feed, &local_error))
    return make_listing (&parse);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  /* Not a body to read in one pass: it is all there now. */
  body = salvage_body_feed_get_bytes (feed);
  return parse_trash (body, FALSE, error);
}

GPtrArray *
salvage_parse_trash_two_pass (GBytes  *body,
                              GError **error)
{
  return make_items (parse_trash (body, FALSE, error));
}
