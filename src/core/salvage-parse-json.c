/* salvage-parse-json.c - reading a server's answer as JSON, and the members of its objects
 *
 * The small answers (everything but the Trash) are read into a json-glib
 * tree; the accessors below check each node's type before reading it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

gboolean
salvage_parse_bad_response (GError     **error,
                            const char  *format,
                            ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  *error = g_error_new_valist (SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE, format, args);
  va_end (args);

  return FALSE;
}

/* A part of an answer of the wrong shape; says so in words a user can
 * place, with the part named. */
gboolean
salvage_parse_bad_shape (GError     **error,
                         const char  *format,
                         ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  if (error == NULL)
    return FALSE;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %s names the part of the answer that was wrong */
  *error = g_error_new (SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                        _("The server’s answer is not as expected: %s"), detail);

  return FALSE;
}

/*
 * Reading the body
 */

gboolean
salvage_parse_is_blank (const char *data,
                        gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/* The bytes of a body that holds something other than whitespace, or NULL
 * and an error saying it is empty. */
const char *
salvage_parse_body_data (GBytes  *body,
                         gsize   *len,
                         GError **error)
{
  const char *data;

  *len = 0;
  data = body != NULL ? g_bytes_get_data (body, len) : NULL;

  if (data == NULL || *len == 0 || salvage_parse_is_blank (data, *len))
    {
      salvage_parse_bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  if (*len > G_MAXSSIZE)
    {
      salvage_parse_bad_response (error, _("The server’s answer is too large"));
      return NULL;
    }

  return data;
}

/*
 * The guarded reader
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
 */

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

/* Says why json-glib refused @data, in the words the Trash reader uses
 * for the same faults; never quotes the body. */
static void
describe_refusal (SalvageJsonGuard *self,
                  const char       *data,
                  gsize             len,
                  const GError     *cause,
                  GError          **error)
{
  gsize start = reading_start (data, len);
  const char *valid_end;
  gsize at;

  if (start < len && data[start] == '<')
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer is not JSON (it looks like a web page)"));
      return;
    }

  if (!g_utf8_validate_len (data, len, &valid_end))
    {
      at = valid_end - data + 1;
      if (*valid_end == '\0')
        salvage_parse_bad_response (error,
                                    _("The server’s answer contains a NUL byte (at byte %lu)"),
                                    (unsigned long) at);
      else
        salvage_parse_bad_response (error,
                                    _("The server’s answer is not valid JSON "
                                      "(the text at byte %lu is not UTF-8)"),
                                    (unsigned long) at);
      return;
    }

  if (g_error_matches (cause, JSON_PARSER_ERROR, JSON_PARSER_ERROR_NESTING))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer is nested more than %d levels deep"),
                                  JSON_PARSER_MAX_RECURSION_DEPTH);
      return;
    }

  if (g_error_matches (cause, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_STRUCTURE))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer is not valid JSON "
                                    "(it holds more than one value)"));
      return;
    }

  /* Stopped at the end, inside an object or a list: the rest is missing. */
  at = error_byte (self, data, len, start);
  if (self->error_open > 0 && salvage_parse_is_blank (data + at, len - at))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer was cut short before its JSON ended"));
      return;
    }

  salvage_parse_bad_response (error, _("The server’s answer is not valid JSON (at byte %lu)"),
                              (unsigned long) MAX (at, 1));
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

  if (len == 0 || salvage_parse_is_blank (data, len))
    {
      salvage_parse_bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  if (len > SALVAGE_PARSE_MAX_TREE_SIZE)
    {
      salvage_parse_bad_response (error, _("The server’s answer is too large"));
      return NULL;
    }

  g_array_set_size (self->widths, 0);
  self->open = 0;
  self->repeated = FALSE;
  self->error_line = 0;
  self->error_column = 0;
  self->error_open = 0;

  if (!json_parser_load_from_data (JSON_PARSER (self), data, (gssize) len, &cause))
    {
      describe_refusal (self, data, len, cause, error);
      return NULL;
    }

  root = json_parser_steal_root (JSON_PARSER (self));

  if (self->repeated)
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer is ambiguous "
                                    "(an object has two members of the same name)"));
      return NULL;
    }

  /* Strict mode refuses an empty text, so there is always a root. */
  if (root == NULL)
    {
      salvage_parse_bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* Returns the root node of @body (never NULL on success). */
JsonNode *
salvage_parse_load_json (GBytes  *body,
                         GError **error)
{
  g_autoptr(SalvageJsonGuard) guard = NULL;
  const char *data;
  gsize len;

  if (!(data = salvage_parse_body_data (body, &len, error)))
    return NULL;

  guard = salvage_json_guard_new ();
  return salvage_json_guard_read (guard, data, len, error);
}

/*
 * Reading nodes: every accessor checks the node's type and treats a node of
 * the wrong type as absent.
 */

gboolean
salvage_node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
salvage_node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

gboolean
salvage_node_is_double (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

gboolean
salvage_node_is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

/* Doubles hold every integer up to 2⁵³; past it, neighbouring integers
 * read as the same double. */
#define EXACT_DOUBLE_LIMIT 9007199254740992.0

/**
 * salvage_node_is_inexact:
 * @node: (nullable): a node of any type
 *
 * Whether @node is a number json-glib could not hold exactly. json-glib
 * reads an integer beyond 64 bits as G_MININT64 or G_MAXINT64, without
 * saying so: both values are taken as such, since the exact ones cannot be
 * told apart from them. It reads a number beyond the range of a double as
 * infinite, and one written with a fraction or an exponent as a double,
 * which past 2⁵³ no longer holds every integer.
 *
 * Returns: %TRUE for such a number, %FALSE for anything else
 */
gboolean
salvage_node_is_inexact (JsonNode *node)
{
  if (salvage_node_is_int (node))
    {
      gint64 value = json_node_get_int (node);

      return value == G_MININT64 || value == G_MAXINT64;
    }

  if (salvage_node_is_double (node))
    return !(fabs (json_node_get_double (node)) < EXACT_DOUBLE_LIMIT);

  return FALSE;
}

void
salvage_fields_init (SalvageFields *fields,
                     JsonObject    *object)
{
  fields->object = object;
  fields->inexact = NULL;
}

/* The member's node, or NULL; a number json-glib could not hold exactly is
 * noted and reads as absent. */
static JsonNode *
get_member (SalvageFields *fields,
            const char    *member)
{
  JsonNode *node = json_object_get_member (fields->object, member);

  if (salvage_node_is_inexact (node))
    {
      if (fields->inexact == NULL)
        fields->inexact = member;
      return NULL;
    }

  return node;
}

/* Refuses the answer when a member read held a number json-glib could not
 * hold exactly: whatever was made of it could be wrong, and an id that is
 * wrong names another item. */
gboolean
salvage_fields_check (SalvageFields  *fields,
                      GError        **error)
{
  if (fields->inexact == NULL)
    return TRUE;

  /* Translators: %s is the name of a member of the answer, such as “images” */
  return salvage_parse_bad_shape (error, _("“%s” is a number too large to read exactly"),
                                  fields->inexact);
}

const char *
salvage_field_string (SalvageFields *fields,
                      const char    *member)
{
  JsonNode *node = get_member (fields, member);

  return salvage_node_is_string (node) ? json_node_get_string (node) : NULL;
}

/* Like salvage_field_string(), but an empty string counts as absent too. */
const char *
salvage_field_nonempty (SalvageFields *fields,
                        const char    *member)
{
  const char *value = salvage_field_string (fields, member);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

JsonObject *
salvage_field_object (SalvageFields *fields,
                      const char    *member)
{
  JsonNode *node = get_member (fields, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
salvage_field_array (SalvageFields *fields,
                     const char    *member)
{
  JsonNode *node = get_member (fields, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* A count, or -1 when it is missing, not a number, or negative. A count
 * with a fraction loses it. */
gint64
salvage_field_count (SalvageFields *fields,
                     const char    *member)
{
  JsonNode *node = get_member (fields, member);

  if (salvage_node_is_int (node))
    {
      gint64 value = json_node_get_int (node);

      return value >= 0 ? value : -1;
    }

  if (salvage_node_is_double (node))
    {
      double value = json_node_get_double (node);

      return value >= 0 ? (gint64)value : -1;
    }

  return -1;
}

/* Whether @member, when present, is a boolean: an answer that says
 * "deleted": "yes" says nothing for sure. */
gboolean
salvage_field_boolean_or_absent (SalvageFields *fields,
                                 const char    *member)
{
  JsonNode *node = json_object_get_member (fields->object, member);

  return node == NULL ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
}

gboolean
salvage_field_boolean (SalvageFields *fields,
                       const char    *member,
                       gboolean       default_value)
{
  JsonNode *node = get_member (fields, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);

  return default_value;
}

const char *
salvage_parse_last_segment (const char *text)
{
  const char *slash = strrchr (text, '/');

  return slash != NULL ? slash + 1 : text;
}

/* Ids are strings, but some answers carry numbers (version numbers in
 * particular); both are accepted, anything else is NULL. */
char *
salvage_field_dup_id (SalvageFields *fields,
                      const char    *member)
{
  JsonNode *node = get_member (fields, member);

  if (salvage_node_is_string (node))
    {
      const char *value = json_node_get_string (node);

      return value[0] != '\0' ? g_strdup (value) : NULL;
    }

  if (salvage_node_is_int (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

GDateTime *
salvage_field_date (SalvageFields *fields,
                    const char    *member)
{
  gboolean inexact = FALSE;
  GDateTime *date;

  date = salvage_parse_date_read_node (get_member (fields, member), &inexact);
  if (inexact && fields->inexact == NULL)
    fields->inexact = member;

  return date;
}

/* The array under @member of @root, or @root itself when it is an array:
 * the "wrapped or bare" lists of the API. */
JsonArray *
salvage_parse_get_list (JsonNode    *root,
                        const char  *member,
                        const char  *what,
                        GError     **error)
{
  JsonObject *object;
  JsonNode *node;

  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer about “%s” is not an object or a list"),
                                  what);
      return NULL;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, member);

  if (node == NULL)
    {
      salvage_parse_bad_response (error, _("The server’s answer has no “%s”"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      salvage_parse_bad_shape (error, _("“%s” is not a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}
