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
#include "salvage-json-scan-private.h"
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

/* Whether the integer literal at @p (digits only, after any sign) is too
 * large for gint64. */
static gboolean
integer_overflows (const char *p,
                   gsize       n_digits,
                   gboolean    negative)
{
  static const char max_digits[] = "9223372036854775807";
  const gsize max_len = sizeof max_digits - 1;
  int order;

  while (n_digits > 1 && *p == '0')
    {
      p++;
      n_digits--;
    }

  if (n_digits != max_len)
    return n_digits > max_len;

  order = memcmp (p, max_digits, max_len);
  /* -9223372036854775808 still fits. */
  if (negative && order > 0 && memcmp (p, "9223372036854775808", max_len) == 0)
    return FALSE;

  return order > 0;
}

/* A copy of the body in which every integer too large for gint64 is written
 * as a fraction ("…0.0"), so json-glib reads the double it approximates and
 * counts clamp instead of wrapping around to nonsense. Only called for the
 * rare bodies that need it. */
static char *
widen_long_integers (const char *data,
                     gsize       len,
                     gsize      *new_len)
{
  GString *out = g_string_sized_new (len + 16);

  for (gsize i = 0; i < len; i++)
    {
      if (data[i] == '"')
        {
          gsize start = i;

          for (i++; i < len && data[i] != '"'; i++)
            {
              if (data[i] == '\\')
                i++;
            }
          g_string_append_len (out, data + start, MIN (i + 1, len) - start);
        }
      else if (data[i] == '-' || g_ascii_isdigit (data[i]))
        {
          gboolean negative = data[i] == '-';
          gsize start = negative ? i + 1 : i;
          gsize end = start;
          gboolean is_integer;

          while (end < len && g_ascii_isdigit (data[end]))
            end++;

          is_integer = end == len || (data[end] != '.' && data[end] != 'e' && data[end] != 'E');
          g_string_append_len (out, data + i, end - i);
          if (is_integer && integer_overflows (data + start, end - start, negative))
            g_string_append (out, ".0");
          i = end - 1;
        }
      else
        {
          g_string_append_c (out, data[i]);
        }
    }

  *new_len = out->len;
  return g_string_free (out, FALSE);
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

/* Returns the root node (never NULL on success). The scanner decides what
 * is valid JSON for every parser; json-glib then only builds the tree of
 * the small answers, and never sees a body the scanner refused. */
JsonNode *
salvage_parse_load_json (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *widened = NULL;
  gboolean long_integers;
  const char *data;
  gsize len;
  JsonNode *root;

  if (!(data = salvage_parse_body_data (body, &len, error)))
    return NULL;

  if (!salvage_json_validate (data, len, &long_integers, error))
    return NULL;

  /* json-glib would wrap these around. */
  if (long_integers)
    data = widened = widen_long_integers (data, len, &len);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)len, NULL))
    {
      salvage_parse_bad_response (error, _("The server’s answer is not valid JSON"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    salvage_parse_bad_response (error, _("The server’s answer is empty"));

  return root;
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

const char *
salvage_field_string (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return salvage_node_is_string (node) ? json_node_get_string (node) : NULL;
}

/* Like salvage_field_string(), but an empty string counts as absent too. */
const char *
salvage_field_nonempty (JsonObject *object,
                        const char *member)
{
  const char *value = salvage_field_string (object, member);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

JsonObject *
salvage_field_object (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A count, or -1 when it is missing, not a number, negative or NaN. Counts
 * beyond the range of gint64 are clamped. */
gint64
salvage_field_count (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (salvage_node_is_int (node))
    {
      gint64 value = json_node_get_int (node);

      return value >= 0 ? value : -1;
    }

  if (salvage_node_is_double (node))
    {
      double value = json_node_get_double (node);

      if (isnan (value) || value < 0)
        return -1;
      if (value >= 9223372036854775807.0)
        return G_MAXINT64;
      return (gint64)value;
    }

  return -1;
}

/* Whether @member, when present, is a boolean: an answer that says
 * "deleted": "yes" says nothing for sure. */
gboolean
salvage_field_boolean_or_absent (JsonObject *object,
                                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
}

gboolean
salvage_field_boolean (JsonObject *object,
                       const char *member,
                       gboolean    default_value)
{
  JsonNode *node = json_object_get_member (object, member);

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
salvage_field_dup_id (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (salvage_node_is_string (node))
    {
      const char *value = json_node_get_string (node);

      return value[0] != '\0' ? g_strdup (value) : NULL;
    }

  if (salvage_node_is_int (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
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
