/* salvage-parse-trash-entry.c - one entry of the Trash listing, read from the bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "salvage-parse-private.h"
#include "salvage-parse-trash-private.h"

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

gboolean
_salvage_trash_scan_failed (TrashParse  *parse,
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
        return _salvage_trash_scan_failed (parse, error);
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
    return _salvage_trash_scan_failed (parse, error);

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
