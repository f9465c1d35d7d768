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
    return _salvage_trash_scan_failed (parse, error);

  while (salvage_json_scan_next_element (&parse->scan))
    {
      TrashEntry record;

      if (!_salvage_trash_read_entry (parse, where, position++, section, section_kind, &record, error))
        return FALSE;
      _salvage_trash_add_entry (parse, &record, section != NULL);
    }

  if (salvage_json_scan_failed (&parse->scan))
    return _salvage_trash_scan_failed (parse, error);

  return TRUE;
}

typedef struct
{
  Text             name;
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
    return _salvage_trash_scan_failed (parse, error);

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
    return _salvage_trash_scan_failed (parse, error);

  for (guint i = 0; i < sections->len; i++)
    {
      const TrashSection *section = &g_array_index (sections, TrashSection, i);
      g_autofree char *where = section_label (section->name.str);
      SalvageTrashKind kind = _salvage_trash_kind_from_type (_salvage_trash_singular_of (parse, section->name));
      SalvageJsonKind found;

      salvage_json_scan_rewind (&parse->scan, &section->value);
      found = salvage_json_scan_peek (&parse->scan);

      if (found == SALVAGE_JSON_NULL)
        continue;

      if (found != SALVAGE_JSON_ARRAY)
        {
          if (salvage_json_scan_failed (&parse->scan))
            return _salvage_trash_scan_failed (parse, error);
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

  /* The room made for as many records as the body could hold goes back:
   * the listing is kept for as long as the Trash is shown. */
  records = g_realloc (records, MAX (n_records, 1) * sizeof (SalvageTrashRecord));

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
      _salvage_trash_scan_failed (&parse, error);
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
