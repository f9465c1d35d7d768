/* salvage-json-guard.c - json-glib's strict parser, with a guard on what it reads
 *
 * json-glib 1.10 in strict mode reads RFC 8259 JSON and nothing else, and
 * stops at JSON_PARSER_MAX_RECURSION_DEPTH levels. It does not look for
 * repeated member names, and keeps the last value of each: this parser
 * refuses them instead, so that no answer means two things. It also keeps
 * the cost of a repeated name bounded. json-glib finds the earlier member
 * of that name by walking the object's list of names, so an object of many
 * members that repeats them would take time growing with the square of its
 * size (10 s for 1 MB here); once a repeat is seen the object is emptied,
 * and every later repeat finds only what came after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-json-guard-private.h"
#include "salvage-parse.h"

struct _SalvageJsonGuard
{
  JsonParser  parent_instance;

  GArray     *widths;         /* members read so far of each object open, innermost last */
  guint       open;           /* objects and arrays open */
  gboolean    repeated;       /* some object named a member twice */

  /* Where json-glib stopped, when it refused the body. */
  guint       error_line;
  guint       error_column;
  guint       error_open;
};

G_DEFINE_FINAL_TYPE (SalvageJsonGuard, salvage_json_guard, JSON_TYPE_PARSER)

static void G_GNUC_PRINTF (2, 3)
bad_response (GError     **error,
              const char  *format,
              ...)
{
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  *error = g_error_new_valist (SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE, format, args);
  va_end (args);
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

static void
salvage_json_guard_object_start (JsonParser *parser)
{
  SalvageJsonGuard *self = SALVAGE_JSON_GUARD (parser);
  guint none = 0;

  g_array_append_val (self->widths, none);
  self->open++;
}

static void
salvage_json_guard_object_member (JsonParser *parser,
                                  JsonObject *object,
                                  const char *member_name)
{
  SalvageJsonGuard *self = SALVAGE_JSON_GUARD (parser);
  g_autoptr(GList) names = NULL;
  guint *width;

  if (self->widths->len == 0)
    return;

  width = &g_array_index (self->widths, guint, self->widths->len - 1);

  /* A repeated name replaces its member, so the object stops growing. */
  if (json_object_get_size (object) == ++(*width))
    return;

  self->repeated = TRUE;

  /* The body is refused anyway: empty the object, so that the next repeat
   * costs no more than the members read since. */
  names = json_object_get_members (object);
  for (GList *l = names; l != NULL; l = l->next)
    json_object_remove_member (object, l->data);
  *width = 0;
}

static void
salvage_json_guard_object_end (JsonParser *parser,
                               JsonObject *object)
{
  SalvageJsonGuard *self = SALVAGE_JSON_GUARD (parser);

  if (self->widths->len > 0)
    g_array_set_size (self->widths, self->widths->len - 1);
  self->open--;
}

static void
salvage_json_guard_array_start (JsonParser *parser)
{
  SALVAGE_JSON_GUARD (parser)->open++;
}

static void
salvage_json_guard_array_end (JsonParser *parser,
                              JsonArray  *array)
{
  SALVAGE_JSON_GUARD (parser)->open--;
}

static void
salvage_json_guard_error (JsonParser   *parser,
                          const GError *error)
{
  SalvageJsonGuard *self = SALVAGE_JSON_GUARD (parser);

  /* Only known while json-glib's scanner still exists, that is now. */
  self->error_line = json_parser_get_current_line (parser);
  self->error_column = json_parser_get_current_pos (parser);
  self->error_open = self->open;
}

static void
salvage_json_guard_finalize (GObject *object)
{
  SalvageJsonGuard *self = SALVAGE_JSON_GUARD (object);

  g_clear_pointer (&self->widths, g_array_unref);

  G_OBJECT_CLASS (salvage_json_guard_parent_class)->finalize (object);
}

static void
salvage_json_guard_class_init (SalvageJsonGuardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  JsonParserClass *parser_class = JSON_PARSER_CLASS (klass);

  object_class->finalize = salvage_json_guard_finalize;

  parser_class->object_start = salvage_json_guard_object_start;
  parser_class->object_member = salvage_json_guard_object_member;
  parser_class->object_end = salvage_json_guard_object_end;
  parser_class->array_start = salvage_json_guard_array_start;
  parser_class->array_end = salvage_json_guard_array_end;
  parser_class->error = salvage_json_guard_error;
}

static void
salvage_json_guard_init (SalvageJsonGuard *self)
{
  self->widths = g_array_new (FALSE, FALSE, sizeof (guint));
}

SalvageJsonGuard *
salvage_json_guard_new (void)
{
  return g_object_new (SALVAGE_TYPE_JSON_GUARD,
                       "immutable", TRUE,
                       "strict", TRUE,
                       NULL);
}

/* Where json-glib starts reading: after a byte order mark and, in strict
 * mode, after leading whitespace; its lines and columns count from there. */
static gsize
reading_start (const char *data,
               gsize       len)
{
  gsize start = 0;

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    start = 3;

  while (start < len &&
         (data[start] == ' ' || data[start] == '\t' || data[start] == '\r' || data[start] == '\n'))
    start++;

  return start;
}

/* The byte (counted from 1) at which json-glib gave up, from its line and
 * column: json-glib counts lines from 1, and a column is the number of
 * bytes of its line read so far. */
static gsize
error_byte (SalvageJsonGuard *self,
            const char       *data,
            gsize             len,
            gsize             start)
{
  gsize line_start = start;
  guint line = 1;

  for (gsize i = start; i < len && line < self->error_line; i++)
    {
      if (data[i] == '\n')
        {
          line++;
          line_start = i + 1;
        }
    }

  return MIN (line_start + self->error_column, len);
}

/* Whether all that follows byte @at (counted from 1) is one token that
 * the end of @data cut off, or nothing: json-glib gives the column of the
 * token before the one it could not read, and of a body cut short, that is
 * the last. */
static gboolean
ends_in_one_token (const char *data,
                   gsize       len,
                   gsize       at)
{
  gsize i = at;

  while (i < len && g_ascii_isspace (data[i]))
    i++;

  if (i < len && data[i] == '"')
    {
      for (i++; i < len && data[i] != '"'; i++)
        {
          if (data[i] == '\\')
            i++;
        }
      if (i >= len)
        return TRUE;
      i++;
    }
  else
    {
      /* A number, or true, false or null. */
      while (i < len && (g_ascii_isalnum (data[i]) || data[i] == '.' ||
                         data[i] == '+' || data[i] == '-'))
        i++;
    }

  return is_blank (data + i, len - i);
}

/* Has json-glib read @data from a clean state. */
static gboolean
load (SalvageJsonGuard  *self,
      const char        *data,
      gsize              len,
      GError           **cause)
{
  g_array_set_size (self->widths, 0);
  self->open = 0;
  self->repeated = FALSE;
  self->error_line = 0;
  self->error_column = 0;
  self->error_open = 0;

  return json_parser_load_from_data (JSON_PARSER (self), data, (gssize) len, cause);
}

/* Says why json-glib refused @data, in the words the Trash reader uses
 * for the same faults, and never quoting the body. Returns whether the
 * body was cut short. */
static gboolean
describe_refusal (SalvageJsonGuard  *self,
                  const char        *data,
                  gsize              len,
                  const GError      *cause,
                  GError           **error)
{
  gsize start = reading_start (data, len);
  const char *valid_end;
  gsize at;

  if (start < len && data[start] == '<')
    {
      bad_response (error, _("The server’s answer is not JSON (it looks like a web page)"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, len, &valid_end))
    {
      gsize valid_len = valid_end - data;
      g_autoptr(GError) prefix_cause = NULL;

      /* Cut in the middle of a character, and so perhaps in the middle of
       * the JSON: what comes before the character says which. */
      if (*valid_end != '\0' &&
          g_utf8_get_char_validated (valid_end, len - valid_len) == (gunichar) -2 &&
          !load (self, data, valid_len, &prefix_cause) &&
          describe_refusal (self, data, valid_len, prefix_cause, NULL))
        {
          bad_response (error, _("The server’s answer was cut short before its JSON ended"));
          return TRUE;
        }

      if (*valid_end == '\0')
        bad_response (error,
                      _("The server’s answer contains a NUL byte (at byte %lu)"),
                      (unsigned long) valid_len + 1);
      else
        bad_response (error,
                      _("The server’s answer is not valid JSON "
                        "(the text at byte %lu is not UTF-8)"),
                      (unsigned long) valid_len + 1);
      return FALSE;
    }

  if (g_error_matches (cause, JSON_PARSER_ERROR, JSON_PARSER_ERROR_NESTING))
    {
      bad_response (error,
                    _("The server’s answer is nested more than %d levels deep"),
                    JSON_PARSER_MAX_RECURSION_DEPTH);
      return FALSE;
    }

  if (g_error_matches (cause, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_STRUCTURE))
    {
      bad_response (error,
                    _("The server’s answer is not valid JSON "
                      "(it holds more than one value)"));
      return FALSE;
    }

  /* Stopped at the end, inside an object or a list: the rest is missing. */
  at = error_byte (self, data, len, start);
  if (self->error_open > 0 && ends_in_one_token (data, len, at))
    {
      bad_response (error, _("The server’s answer was cut short before its JSON ended"));
      return TRUE;
    }

  bad_response (error, _("The server’s answer is not valid JSON (at byte %lu)"),
                (unsigned long) MAX (at, 1));
  return FALSE;
}

/**
 * salvage_json_guard_read:
 * @self: a guard
 * @data: the text, not necessarily NUL-terminated
 * @len: its length in bytes
 * @error: return location for a SALVAGE_ERROR_BAD_RESPONSE error
 *
 * Reads @data as one JSON value. A guard can read many texts, one at a
 * time.
 *
 * Returns: (transfer full) (nullable): the root node, immutable, or %NULL
 */
JsonNode *
salvage_json_guard_read (SalvageJsonGuard  *self,
                         const char        *data,
                         gsize              len,
                         GError           **error)
{
  g_autoptr(GError) cause = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SALVAGE_IS_JSON_GUARD (self), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0 || is_blank (data, len))
    {
      bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  if (len > SALVAGE_PARSE_MAX_TREE_SIZE)
    {
      bad_response (error, _("The server’s answer is too large"));
      return NULL;
    }

  if (!load (self, data, len, &cause))
    {
      describe_refusal (self, data, len, cause, error);
      return NULL;
    }

  root = json_parser_steal_root (JSON_PARSER (self));

  if (self->repeated)
    {
      bad_response (error,
                    _("The server’s answer is ambiguous "
                      "(an object has two members of the same name)"));
      return NULL;
    }

  /* Strict mode refuses an empty text, so there is always a root. */
  if (root == NULL)
    {
      bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  return g_steal_pointer (&root);
}
