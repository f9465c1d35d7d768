/* salvage-parse-json.c - reading a server's answer as JSON, and the members of its objects
 *
 * The small answers (everything but the Trash) are read into a json-glib
 * tree by SalvageJsonGuard; the accessors below check each node's type
 * before reading it, and note numbers json-glib could not hold exactly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
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
