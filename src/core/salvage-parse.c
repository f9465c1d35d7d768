/* salvage-parse.c - pure functions from response bytes to model objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-json-scan-private.h"
#include "salvage-parse.h"

#define MAX_ERROR_MESSAGE_CHARS 300

/* GDateTime covers the years 1 to 9999. */
#define MIN_UNIX_SECONDS G_GINT64_CONSTANT (-62135596800)
#define MAX_UNIX_SECONDS G_GINT64_CONSTANT (253402300799)

static gboolean G_GNUC_PRINTF (2, 3)
bad_response (GError     **error,
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
static gboolean G_GNUC_PRINTF (2, 3)
bad_shape (GError     **error,
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
static const char *
body_data (GBytes  *body,
           gsize   *len,
           GError **error)
{
  const char *data;

  *len = 0;
  data = body != NULL ? g_bytes_get_data (body, len) : NULL;

  if (data == NULL || *len == 0 || is_blank (data, *len))
    {
      bad_response (error, _("The server’s answer is empty"));
      return NULL;
    }

  if (*len > G_MAXSSIZE)
    {
      bad_response (error, _("The server’s answer is too large"));
      return NULL;
    }

  return data;
}

/* Returns the root node (never NULL on success). The scanner decides what
 * is valid JSON for every parser; json-glib then only builds the tree of
 * the small answers, and never sees a body the scanner refused. */
static JsonNode *
load_json (GBytes  *body,
           GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *widened = NULL;
  gboolean long_integers;
  const char *data;
  gsize len;
  JsonNode *root;

  if (!(data = body_data (body, &len, error)))
    return NULL;

  if (!salvage_json_validate (data, len, &long_integers, error))
    return NULL;

  /* json-glib would wrap these around. */
  if (long_integers)
    data = widened = widen_long_integers (data, len, &len);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)len, NULL))
    {
      bad_response (error, _("The server’s answer is not valid JSON"));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    bad_response (error, _("The server’s answer is empty"));

  return root;
}

/*
 * Reading nodes: every accessor checks the node's type and treats a node of
 * the wrong type as absent.
 */

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
node_is_double (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_DOUBLE;
}

static gboolean
node_is_absent (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node_is_string (node) ? json_node_get_string (node) : NULL;
}

/* Like get_string(), but an empty string counts as absent too. */
static const char *
get_nonempty_string (JsonObject *object,
                     const char *member)
{
  const char *value = get_string (object, member);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* A count, or -1 when it is missing, not a number, negative or NaN. Counts
 * beyond the range of gint64 are clamped. */
static gint64
get_count (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node_is_int (node))
    {
      gint64 value = json_node_get_int (node);

      return value >= 0 ? value : -1;
    }

  if (node_is_double (node))
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
static gboolean
boolean_or_absent (JsonObject *object,
                   const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN);
}

static gboolean
get_boolean (JsonObject *object,
             const char *member,
             gboolean    default_value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);

  return default_value;
}

static const char *
last_segment (const char *text)
{
  const char *slash = strrchr (text, '/');

  return slash != NULL ? slash + 1 : text;
}

/* Ids are strings, but some answers carry numbers (version numbers in
 * particular); both are accepted, anything else is NULL. */
static char *
dup_id (JsonObject *object,
        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node_is_string (node))
    {
      const char *value = json_node_get_string (node);

      return value[0] != '\0' ? g_strdup (value) : NULL;
    }

  if (node_is_int (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  return NULL;
}

/* The array under @member of @root, or @root itself when it is an array:
 * the "wrapped or bare" lists of the API. */
static JsonArray *
get_list (JsonNode    *root,
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
      bad_response (error, _("The server’s answer about “%s” is not an object or a list"), what);
      return NULL;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, member);

  if (node == NULL)
    {
      bad_response (error, _("The server’s answer has no “%s”"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      bad_shape (error, _("“%s” is not a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

/*
 * Dates
 */

static GDateTime *
date_from_unix_usec (gint64 seconds,
                     gint64 usec)
{
  g_autoptr(GDateTime) whole = NULL;

  if (seconds < MIN_UNIX_SECONDS || seconds > MAX_UNIX_SECONDS)
    return NULL;

  whole = g_date_time_new_from_unix_utc (seconds);
  if (whole == NULL || usec == 0)
    return g_steal_pointer (&whole);

  return g_date_time_add (whole, usec);
}

static GDateTime *
date_from_unix_double (double seconds)
{
  double whole;

  if (!isfinite (seconds) ||
      seconds < (double)MIN_UNIX_SECONDS || seconds > (double)MAX_UNIX_SECONDS)
    return NULL;

  whole = floor (seconds);

  /* Rounded, so that 1593802673.521 keeps its 521 ms despite binary
   * fractions; a fraction that rounds up to a whole second is added whole. */
  return date_from_unix_usec ((gint64)whole, (gint64)round ((seconds - whole) * G_USEC_PER_SEC));
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

GDateTime *
salvage_parse_date_string (const char *text)
{
  static GTimeZone *utc;
  int year, month, day;

  if (text == NULL)
    return NULL;

  /* The SDK's fixtures send bare dates, which GLib's ISO-8601 parser
   * refuses: read them as midnight UTC. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      if (!parse_digits (text, 4, &year) ||
          !parse_digits (text + 5, 2, &month) ||
          !parse_digits (text + 8, 2, &day) ||
          year < 1 || month < 1 || month > 12 || day < 1 ||
          day > g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year))
        return NULL;

      return g_date_time_new_utc (year, month, day, 0, 0, 0);
    }

  if (g_once_init_enter (&utc))
    g_once_init_leave (&utc, g_time_zone_new_utc ());

  /* A date-time without an offset is read as UTC: that is what servers
   * mean when they print a naive timestamp. */
  return g_date_time_new_from_iso8601 (text, utc);
}

/**
 * salvage_parse_date_node:
 * @node: (nullable): a node of any type
 *
 * Besides strings and numbers, accepts the object form in which Firestore
 * timestamps are serialised (`{"_seconds": N, "_nanoseconds": M}`).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL
 */
GDateTime *
salvage_parse_date_node (JsonNode *node)
{
  if (node == NULL)
    return NULL;

  if (node_is_string (node))
    return salvage_parse_date_string (json_node_get_string (node));

  if (node_is_int (node))
    return date_from_unix_usec (json_node_get_int (node), 0);

  if (node_is_double (node))
    return date_from_unix_double (json_node_get_double (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *seconds = json_object_get_member (object, "_seconds");
      JsonNode *nanos = json_object_get_member (object, "_nanoseconds");
      gint64 usec = 0;

      if (seconds == NULL)
        {
          seconds = json_object_get_member (object, "seconds");
          nanos = json_object_get_member (object, "nanoseconds");
        }

      if (!node_is_int (seconds))
        return NULL;

      if (node_is_int (nanos))
        {
          gint64 value = json_node_get_int (nanos);

          if (value > 0 && value < G_GINT64_CONSTANT (1000000000))
            usec = value / 1000;
        }

      return date_from_unix_usec (json_node_get_int (seconds), usec);
    }

  return NULL;
}

static GDateTime *
get_date (JsonObject *object,
          const char *member)
{
  return salvage_parse_date_node (json_object_get_member (object, member));
}

/*
 * Key check, workspace, project, trainings, workflows
 */

char *
salvage_parse_key_check (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *workspace;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = load_json (body, error)))
    return NULL;

  /* The CLI reads a JSON null as "this key is not valid". */
  if (JSON_NODE_HOLDS_NULL (root))
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY,
                   "The server does not know this API key");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      bad_response (error, _("The server’s answer to the key check is not an object"));
      return NULL;
    }

  workspace = json_object_get_member (json_node_get_object (root), "workspace");

  if (node_is_absent (workspace) ||
      (node_is_string (workspace) && json_node_get_string (workspace)[0] == '\0'))
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY,
                   "The server did not name a workspace for this API key");
      return NULL;
    }

  if (!node_is_string (workspace))
    {
      bad_shape (error, _("“workspace” is not a string"));
      return NULL;
    }

  return g_strdup (json_node_get_string (workspace));
}

/* A project entry of GET /{ws}, or the "project" object of GET /{ws}/{project}.
 * Returns NULL when it has neither "id" nor "url". */
static SalvageProject *
project_from_object (JsonObject *object,
                     const char *workspace_slug,
                     const char *fallback_slug)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *built_id = NULL;
  const char *id;
  const char *slug;
  JsonNode *versions;
  gint64 version_count;

  id = get_nonempty_string (object, "id");
  slug = id != NULL ? last_segment (id) : NULL;
  if (slug == NULL || slug[0] == '\0')
    slug = get_nonempty_string (object, "url");
  if (slug == NULL)
    slug = fallback_slug;
  if (slug == NULL || slug[0] == '\0')
    return NULL;

  if (id == NULL && workspace_slug != NULL)
    id = built_id = g_strconcat (workspace_slug, "/", slug, NULL);

  /* A count in listings, an array when a project is fetched on its own. */
  versions = json_object_get_member (object, "versions");
  if (versions != NULL && JSON_NODE_HOLDS_ARRAY (versions))
    version_count = json_array_get_length (json_node_get_array (versions));
  else
    version_count = get_count (object, "versions");

  created = get_date (object, "created");
  updated = get_date (object, "updated");

  return g_object_new (SALVAGE_TYPE_PROJECT,
                       "id", id,
                       "slug", slug,
                       "name", get_string (object, "name"),
                       "project-type", get_string (object, "type"),
                       "annotation", get_string (object, "annotation"),
                       "images", get_count (object, "images"),
                       "unannotated", get_count (object, "unannotated"),
                       "version-count", version_count,
                       "public", get_boolean (object, "public", FALSE),
                       "created", created,
                       "updated", updated,
                       NULL);
}

GPtrArray *
salvage_parse_workspace (GBytes  *body,
                         char   **name_out,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  JsonObject *workspace;
  JsonNode *list;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = load_json (body, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      bad_response (error, _("The server’s answer about the workspace is not an object"));
      return NULL;
    }

  /* The real API wraps the workspace; accept it bare as well. */
  workspace = get_object (json_node_get_object (root), "workspace");
  if (workspace == NULL)
    {
      if (json_object_has_member (json_node_get_object (root), "projects"))
        workspace = json_node_get_object (root);
      else
        {
          bad_response (error, _("The server’s answer has no “workspace” object"));
          return NULL;
        }
    }

  list = json_object_get_member (workspace, "projects");
  if (list == NULL)
    {
      bad_shape (error, _("The workspace has no “projects” list"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      bad_shape (error, _("“projects” is not a list"));
      return NULL;
    }

  array = json_node_get_array (list);
  n = json_array_get_length (array);
  projects = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      SalvageProject *project;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_shape (error, _("Project %u of “projects” is not an object"), i + 1);
          return NULL;
        }

      project = project_from_object (json_node_get_object (element),
                                     get_nonempty_string (workspace, "url"),
                                     NULL);
      if (project == NULL)
        {
          bad_shape (error, _("Project %u of “projects” has no “id” or “url”"), i + 1);
          return NULL;
        }

      g_ptr_array_add (projects, project);
    }

  if (name_out != NULL)
    {
      const char *name = get_nonempty_string (workspace, "name");

      if (name == NULL)
        name = get_nonempty_string (workspace, "url");
      *name_out = g_strdup (name);
    }

  return g_steal_pointer (&projects);
}

static int
version_compare_cb (gconstpointer a,
                    gconstpointer b)
{
  return salvage_version_compare (*(SalvageVersion **)a, *(SalvageVersion **)b);
}

GPtrArray *
salvage_parse_project (GBytes          *body,
                       const char      *project_slug,
                       SalvageProject **project_out,
                       GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) seen = NULL;
  JsonObject *object;
  JsonObject *project;
  JsonNode *list;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (project_out != NULL)
    *project_out = NULL;

  if (!(root = load_json (body, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      bad_response (error, _("The server’s answer about the project is not an object"));
      return NULL;
    }

  object = json_node_get_object (root);

  /* Only the top-level "versions" is the list; inside "project" it is a count. */
  list = json_object_get_member (object, "versions");
  if (list == NULL)
    {
      bad_shape (error, _("The project has no “versions” list"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      bad_shape (error, _("“versions” is not a list"));
      return NULL;
    }

  array = json_node_get_array (list);
  n = json_array_get_length (array);
  versions = g_ptr_array_new_full (n, g_object_unref);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) created = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *id = NULL;
      JsonObject *entry;
      const char *slash;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_shape (error, _("Version %u of “versions” is not an object"), i + 1);
          return NULL;
        }

      entry = json_node_get_object (element);
      if (!(id = dup_id (entry, "id")))
        {
          bad_shape (error, _("Version %u of “versions” has no usable “id”"), i + 1);
          return NULL;
        }

      /* The SDK's own fixture repeats an id; the first one wins. */
      if (g_hash_table_contains (seen, id))
        continue;

      /* "<ws>/<project>/<N>": the project is the segment before the number. */
      slash = strrchr (id, '/');
      if (slash != NULL && slash > id)
        {
          const char *start = slash;

          while (start > id && start[-1] != '/')
            start--;
          if (start > id && start < slash)
            slug = g_strndup (start, slash - start);
        }
      if (slug == NULL)
        slug = g_strdup (project_slug);

      created = get_date (entry, "created");

      g_ptr_array_add (versions,
                       g_object_new (SALVAGE_TYPE_VERSION,
                                     "id", id,
                                     "project-slug", slug,
                                     "name", get_string (entry, "name"),
                                     "images", get_count (entry, "images"),
                                     "created", created,
                                     NULL));
      g_hash_table_add (seen, g_steal_pointer (&id));
    }

  g_ptr_array_sort (versions, version_compare_cb);

  if (project_out != NULL && (project = get_object (object, "project")))
    {
      JsonObject *workspace = get_object (object, "workspace");

      *project_out = project_from_object (project,
                                          workspace ? get_nonempty_string (workspace, "url") : NULL,
                                          project_slug);
    }

  return g_steal_pointer (&versions);
}

GPtrArray *
salvage_parse_trainings (GBytes      *body,
                         const char  *project_slug,
                         const char  *version_number,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = load_json (body, error)))
    return NULL;

  if (!(array = get_list (root, "trainings", "trainings", error)))
    return NULL;

  n = json_array_get_length (array);
  trainings = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) started = NULL;
      g_autoptr(GDateTime) finished = NULL;
      g_autofree char *id = NULL;
      g_autofree char *entry_version = NULL;
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_shape (error, _("Training %u of “trainings” is not an object"), i + 1);
          return NULL;
        }

      entry = json_node_get_object (element);
      if (!(id = dup_id (entry, "id")))
        {
          bad_shape (error, _("Training %u of “trainings” has no usable “id”"), i + 1);
          return NULL;
        }

      if (version_number == NULL)
        entry_version = dup_id (entry, "versionId");

      started = get_date (entry, "start");
      finished = get_date (entry, "end");

      g_ptr_array_add (trainings,
                       g_object_new (SALVAGE_TYPE_TRAINING,
                                     "id", id,
                                     "project-slug", project_slug,
                                     "version-number",
                                     version_number ? version_number :
                                     entry_version ? last_segment (entry_version) : NULL,
                                     "status", get_string (entry, "status"),
                                     "model-type", get_string (entry, "modelType"),
                                     "job-type", get_string (entry, "jobType"),
                                     "started", started,
                                     "finished", finished,
                                     NULL));
    }

  return g_steal_pointer (&trainings);
}

GPtrArray *
salvage_parse_workflows (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) workflows = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = load_json (body, error)))
    return NULL;

  if (!(array = get_list (root, "workflows", "workflows", error)))
    return NULL;

  n = json_array_get_length (array);
  workflows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) created = NULL;
      JsonObject *entry;
      const char *url;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          bad_shape (error, _("Workflow %u of “workflows” is not an object"), i + 1);
          return NULL;
        }

      entry = json_node_get_object (element);

      /* Workflows are deleted by url, so one without it is of no use. */
      if (!(url = get_nonempty_string (entry, "url")))
        {
          bad_shape (error, _("Workflow %u of “workflows” has no “url”"), i + 1);
          return NULL;
        }

      created = get_date (entry, "created");

      g_ptr_array_add (workflows,
                       g_object_new (SALVAGE_TYPE_WORKFLOW,
                                     "id", get_nonempty_string (entry, "id"),
                                     "url", url,
                                     "name", get_string (entry, "name"),
                                     "status", get_string (entry, "status"),
                                     "created", created,
                                     NULL));
    }

  return g_steal_pointer (&workflows);
}

/*
 * Trash
 *
 * The listing comes in two parts that describe the same records: "items"
 * (with dates and who deleted them) and "sections" (with parent ids). Each
 * entry is read into a TrashRecord; records that name the same Trash entry
 * are merged field by field, and objects are built only at the end, since
 * their properties are construct-only.
 */

/* Strings live in the parse's string chunk; the dates are owned. */
typedef SalvageTrashItemFields TrashRecord;

typedef struct
{
  SalvageJsonScan  scan;
  GArray          *records;   /* of TrashRecord, in the order first seen */
  GHashTable      *index;     /* owned key → record position + 1 */
  GStringChunk    *strings;
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

/* A Firestore timestamp object, read as salvage_parse_date_node() does:
 * "_seconds" and "_nanoseconds", or else "seconds" and "nanoseconds". */
static GDateTime *
read_timestamp (TrashParse *parse)
{
  static const char * const names[] = { "_seconds", "_nanoseconds", "seconds", "nanoseconds" };
  gboolean present[G_N_ELEMENTS (names)] = { FALSE, };
  gboolean is_int[G_N_ELEMENTS (names)] = { FALSE, };
  gint64 values[G_N_ELEMENTS (names)] = { 0, };
  SalvageJsonValue key;
  SalvageJsonValue value;
  guint seconds;
  gint64 usec = 0;

  if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_OBJECT)
    return NULL;

  while (salvage_json_scan_next_member (&parse->scan, &key))
    {
      guint slot;

      for (slot = 0; slot < G_N_ELEMENTS (names); slot++)
        {
          if (salvage_json_key_is (&key, names[slot], strlen (names[slot])))
            break;
        }

      if (slot == G_N_ELEMENTS (names))
        {
          salvage_json_scan_skip (&parse->scan);
          continue;
        }

      /* The last of duplicate members wins. */
      present[slot] = TRUE;
      is_int[slot] = salvage_json_scan_peek (&parse->scan) == SALVAGE_JSON_INTEGER;
      if (is_int[slot])
        {
          salvage_json_scan_read (&parse->scan, &value);
          values[slot] = value.integer;
        }
      else
        salvage_json_scan_skip (&parse->scan);
    }

  seconds = present[0] ? 0 : 2;
  if (salvage_json_scan_failed (&parse->scan) || !is_int[seconds])
    return NULL;

  if (is_int[seconds + 1] &&
      values[seconds + 1] > 0 && values[seconds + 1] < G_GINT64_CONSTANT (1000000000))
    usec = values[seconds + 1] / 1000;

  return date_from_unix_usec (values[seconds], usec);
}

/* The next value as a date, in the forms salvage_parse_date_node() reads. */
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
      return date_from_unix_usec (value.integer, 0);

    case SALVAGE_JSON_DOUBLE:
      if (salvage_json_scan_read (&parse->scan, &value) != SALVAGE_JSON_DOUBLE)
        return NULL;
      return date_from_unix_double (value.number);

    case SALVAGE_JSON_OBJECT:
      return read_timestamp (parse);

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
      return bad_shape (error, _("Entry %u of “%s” is not an object"), position + 1, where);
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
      return bad_shape (error, _("Entry %u of “%s” has no usable “id”"), position + 1, where);
    }

  /* A version is its own number; anything else may name the version it
   * belongs to, in one of the spellings the API uses. */
  for (guint i = 0; i < G_N_ELEMENTS (versions) && record.kind != SALVAGE_TRASH_KIND_VERSION; i++)
    {
      if (versions[i] != NULL && last_segment (versions[i])[0] != '\0')
        {
          record.version_number = last_segment (versions[i]);
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
          return bad_shape (error, _("“%s” is not a list"), where);
        }

      /* "datasets" is the old name of "projects"; when both are present
       * their entries are merged like any other duplicates. */
      if (!read_trash_list (parse, where, section->name, kind, error))
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
salvage_parse_trash (GBytes  *body,
                     GError **error)
{
  g_auto(TrashParse) parse = { { NULL, }, };
  g_autoptr(GPtrArray) items = NULL;
  SalvageJsonMark items_mark = { 0, };
  SalvageJsonMark sections_mark = { 0, };
  gboolean has_items = FALSE;
  gboolean has_sections = FALSE;
  SalvageJsonValue key;
  SalvageJsonKind found;
  const char *data;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(data = body_data (body, &len, error)))
    return NULL;

  salvage_json_scan_init (&parse.scan, data, len);

  if (salvage_json_scan_peek (&parse.scan) != SALVAGE_JSON_OBJECT)
    {
      /* Whatever it is, a broken body is reported as broken first. */
      if (salvage_json_validate (data, len, NULL, error))
        bad_response (error, _("The server’s answer about the Trash is not an object"));
      return NULL;
    }

  /* One pass over the whole body checks it and finds the two parts; the
   * entries are read afterwards, "items" first, whatever their order. */
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

  parse.records = g_array_new (FALSE, FALSE, sizeof (TrashRecord));
  g_array_set_clear_func (parse.records, (GDestroyNotify)trash_record_clear);
  parse.index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parse.strings = g_string_chunk_new (64 * 1024);

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
          bad_shape (error, _("“items” is not a list"));
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
              bad_shape (error, _("“sections” is not an object"));
              return NULL;
            }
        }
      else if (found != SALVAGE_JSON_NULL)
        {
          bad_shape (error, _("“sections” is not an object"));
          return NULL;
        }
    }

  items = g_ptr_array_new_full (parse.records->len, g_object_unref);
  for (guint i = 0; i < parse.records->len; i++)
    g_ptr_array_add (items,
                     salvage_trash_item_new_from_fields (&g_array_index (parse.records,
                                                                         TrashRecord, i)));

  return g_steal_pointer (&items);
}

/*
 * Delete, restore and error bodies
 */

/* The server's reason, when a refusal came with one. */
static const char *
get_reason (JsonObject *object)
{
  const char *reason = get_nonempty_string (object, "message");

  if (reason == NULL)
    reason = get_nonempty_string (object, "error");

  return reason;
}

gboolean
salvage_parse_delete (GBytes  *body,
                      char   **trash_id_out,
                      char   **parent_id_out,
                      char   **alias_action_out,
                      char   **alias_target_out,
                      GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *type;
  const char *member = NULL;
  char *trash_id = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (trash_id_out != NULL)
    *trash_id_out = NULL;
  if (parent_id_out != NULL)
    *parent_id_out = NULL;
  if (alias_action_out != NULL)
    *alias_action_out = NULL;
  if (alias_target_out != NULL)
    *alias_target_out = NULL;

  /* The SDK treats an empty answer to a training delete as success. */
  if (body == NULL || g_bytes_get_size (body) == 0 ||
      is_blank (g_bytes_get_data (body, NULL), g_bytes_get_size (body)))
    return TRUE;

  if (!(root = load_json (body, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return bad_response (error, _("The server’s answer to the delete is not an object"));

  object = json_node_get_object (root);

  if (!boolean_or_absent (object, "deleted"))
    return bad_shape (error, _("“deleted” is not true or false"));
  /* The other form of the training delete says "inTrash" instead. */
  if (!boolean_or_absent (object, "inTrash"))
    return bad_shape (error, _("“inTrash” is not true or false"));

  if (!get_boolean (object, "deleted", TRUE) || !get_boolean (object, "inTrash", TRUE))
    {
      const char *reason = get_reason (object);

      if (reason != NULL)
        return bad_response (error, _("The server did not move it to the Trash: %s"), reason);
      return bad_response (error, _("The server did not move it to the Trash"));
    }

  /* A version delete answers with "projectId" too, but that is its parent
   * project's id: the version's own Trash id is its number. */
  type = get_nonempty_string (object, "type");
  if (g_strcmp0 (type, "version") == 0)
    member = "version";
  else if (g_strcmp0 (type, "training") == 0)
    member = "trainingId";
  else if (g_strcmp0 (type, "workflow") == 0)
    member = "workflowId";
  else if (g_strcmp0 (type, "project") == 0)
    member = "projectId";
  else if (json_object_has_member (object, "trainingId"))
    member = "trainingId";
  else if (json_object_has_member (object, "workflowId"))
    member = "workflowId";
  else if (json_object_has_member (object, "version"))
    member = "version";
  else
    member = "projectId";

  trash_id = dup_id (object, member);
  if (trash_id != NULL && g_str_equal (member, "version"))
    {
      char *number = g_strdup (last_segment (trash_id));

      g_free (trash_id);
      trash_id = number;

      /* The version's entry in the Trash names this project as its parent. */
      if (parent_id_out != NULL)
        *parent_id_out = dup_id (object, "projectId");
    }

  if (trash_id_out != NULL)
    *trash_id_out = trash_id;
  else
    g_free (trash_id);

  /* Only shown to people: a member of another type counts as absent. */
  if (alias_action_out != NULL)
    *alias_action_out = g_strdup (get_nonempty_string (object, "versionAliasAction"));
  if (alias_target_out != NULL)
    *alias_target_out = g_strdup (get_nonempty_string (object, "versionAliasTarget"));

  return TRUE;
}

gboolean
salvage_parse_restore (GBytes  *body,
                       GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(root = load_json (body, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return bad_response (error, _("The server’s answer to the restore is not an object"));

  object = json_node_get_object (root);

  if (!boolean_or_absent (object, "restored"))
    return bad_shape (error, _("“restored” is not true or false"));

  if (!get_boolean (object, "restored", TRUE))
    {
      const char *reason = get_reason (object);

      if (reason != NULL)
        return bad_response (error, _("The server did not restore it: %s"), reason);
      return bad_response (error, _("The server did not restore it"));
    }

  return TRUE;
}

/* At most MAX_ERROR_MESSAGE_CHARS characters of valid UTF-8, trimmed, or
 * NULL when nothing is left. */
static char *
tidy_message (const char *text,
              gsize       len)
{
  g_autofree char *copy = NULL;
  const char *valid_end;
  char *stripped;

  /* Keep what comes before the first invalid byte, if anything. */
  g_utf8_validate_len (text, len, &valid_end);
  copy = g_strndup (text, valid_end - text);
  stripped = g_strstrip (copy);

  if (g_utf8_strlen (stripped, -1) > MAX_ERROR_MESSAGE_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (stripped, MAX_ERROR_MESSAGE_CHARS - 1);
      g_autofree char *head = g_strndup (stripped, end - stripped);

      g_strchomp (head);
      return g_strconcat (head, "…", NULL);
    }

  if (stripped[0] == '\0')
    return NULL;

  return g_strdup (stripped);
}

/* Proxies answer with HTML pages; their title is the only readable part. */
static char *
html_title (const char *text,
            gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  const char *start;
  const char *end;

  if (!(start = strstr (copy, "<title>")))
    return NULL;
  start += strlen ("<title>");
  if (!(end = strstr (start, "</title>")))
    return NULL;

  return tidy_message (start, end - start);
}

char *
salvage_parse_error_message (GBytes *body)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize len = 0;
  JsonNode *root;

  data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  if (data == NULL || len == 0)
    return NULL;

  parser = json_parser_new_immutable ();

  /* Numbers do not matter here, so long integers need no care. */
  if (len > G_MAXSSIZE ||
      !salvage_json_validate (data, len, NULL, NULL) ||
      !json_parser_load_from_data (parser, data, (gssize)len, NULL) ||
      (root = json_parser_get_root (parser)) == NULL)
    {
      gsize start = 0;

      while (start < len && g_ascii_isspace (data[start]))
        start++;

      if (start < len && data[start] == '<')
        {
          char *title = html_title (data + start, len - start);

          if (title != NULL)
            return title;
        }

      /* Stop at a NUL, which no message contains. */
      return tidy_message (data, strnlen (data, len));
    }

  if (node_is_string (root))
    return tidy_message (json_node_get_string (root), strlen (json_node_get_string (root)));

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonObject *nested = get_object (object, "error");
      const char *message;

      if (nested != NULL)
        {
          const char *hint = get_nonempty_string (nested, "hint");
          g_autofree char *joined = NULL;

          message = get_nonempty_string (nested, "message");
          if (message != NULL && hint != NULL)
            message = joined = g_strconcat (message, " — ", hint, NULL);
          else if (message == NULL)
            message = hint;

          if (message != NULL)
            return tidy_message (message, strlen (message));
          return NULL;
        }

      /* {"error": "<code>", "message": "…"}: the message is for people. */
      message = get_nonempty_string (object, "message");
      if (message == NULL)
        message = get_nonempty_string (object, "error");
      if (message != NULL)
        return tidy_message (message, strlen (message));
    }

  return NULL;
}
