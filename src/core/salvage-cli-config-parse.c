/* salvage-cli-config-parse.c - the Roboflow CLI's login file, made sense of as the CLI does
 *
 * Turns the file's contents and the CLI's environment variables into a
 * SalvageCliConfig: the JSON is checked as strictly as the CLI's own
 * reader checks it, every node's type before it is used, and whatever is
 * skipped is said in a sentence that never quotes a key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "salvage-cli-config-private.h"
#include "salvage-error.h"
#include "salvage-json-scan-private.h"

#define DEFAULT_API_URL "https://api.roboflow.com"

/* Workspace slugs longer than this are not repeated in messages. */
#define MAX_NAMED_LENGTH 64

/*
 * Messages
 */

typedef struct
{
  const SalvageCliEnvironment *env;
  char                        *display;   /* the file as messages name it */
  GPtrArray                   *secrets;   /* every key met, kept out of messages */
  GPtrArray                   *problems;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->display, g_free);
  g_clear_pointer (&reader->secrets, g_ptr_array_unref);
  g_clear_pointer (&reader->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static void
reader_init (Reader                      *reader,
             const SalvageCliEnvironment *env)
{
  reader->env = env;
  reader->display = salvage_cli_config_display_path (env->path);
  reader->secrets = g_ptr_array_new ();
  reader->problems = g_ptr_array_new_with_free_func (g_free);

  if (env->api_key != NULL)
    g_ptr_array_add (reader->secrets, env->api_key);
}

static char *
reader_redact (Reader     *reader,
               const char *text)
{
  char *redacted = g_strdup (text);

  for (guint i = 0; i < reader->secrets->len; i++)
    {
      char *next = salvage_redact (redacted, g_ptr_array_index (reader->secrets, i));

      g_free (redacted);
      redacted = next;
    }

  return redacted;
}

static void G_GNUC_PRINTF (2, 3)
add_problem (Reader     *reader,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (reader->problems, reader_redact (reader, message));
}

static void G_GNUC_PRINTF (4, 5)
set_error (Reader                 *reader,
           GError                **error,
           SalvageCliConfigError   code,
           const char             *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *redacted = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  redacted = reader_redact (reader, message);
  g_set_error_literal (error, SALVAGE_CLI_CONFIG_ERROR, code, redacted);
}

/* Whether a slug from the file may be repeated in a message: only a plain
 * word that holds no key, so that no message quotes arbitrary text. */
static gboolean
reader_can_name (Reader     *reader,
                 const char *text)
{
  gsize len = text != NULL ? strlen (text) : 0;

  if (len == 0 || len > MAX_NAMED_LENGTH)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (text[i]) && strchr ("-_.", text[i]) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < reader->secrets->len; i++)
    {
      if (strstr (text, g_ptr_array_index (reader->secrets, i)) != NULL)
        return FALSE;
    }

  return TRUE;
}

/*
 * Reading the JSON
 */

typedef enum
{
  MEMBER_ABSENT,
  MEMBER_STRING,      /* a non-empty string */
  MEMBER_EMPTY,       /* "" */
  MEMBER_WRONG_TYPE,  /* null, a number, an array, … */
} MemberKind;

static MemberKind
get_string_member (JsonObject  *object,
                   const char  *name,
                   const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;

  if (node == NULL)
    return MEMBER_ABSENT;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return MEMBER_WRONG_TYPE;

  *value = json_node_get_string (node);
  return *value != NULL && (*value)[0] != '\0' ? MEMBER_STRING : MEMBER_EMPTY;
}

static guint
line_of (const char *data,
         gsize       length,
         gsize       offset)
{
  const char *end = data + MIN (offset, length);
  guint line = 1;

  for (const char *p = data; (p = memchr (p, '\n', end - p)) != NULL; p++)
    line++;

  return line;
}

/* Whether @data is all whitespace, as the CLI's json.load() would refuse. */
static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/* salvage_json_scan_skip(), also refusing objects wider than
 * SALVAGE_CLI_CONFIG_MAX_MEMBERS. json-glib finds a repeated member name by
 * walking the object's list of names, so a wide object full of repeats
 * takes time that grows with the square of its width: 15 s for one of 1 MB,
 * 0.4 s at the limit. The scanner bounds the depth of the recursion. */
static gboolean
skip_value (SalvageJsonScan *scan,
            gboolean        *too_wide)
{
  SalvageJsonValue value;
  guint n_members = 0;

  switch (salvage_json_scan_read (scan, &value))
    {
    case SALVAGE_JSON_INVALID:
      return FALSE;

    case SALVAGE_JSON_OBJECT:
      while (salvage_json_scan_next_member (scan, &value))
        {
          if (++n_members > SALVAGE_CLI_CONFIG_MAX_MEMBERS)
            {
              *too_wide = TRUE;
              return FALSE;
            }
          if (!skip_value (scan, too_wide))
            return FALSE;
        }
      return !salvage_json_scan_failed (scan);

    case SALVAGE_JSON_ARRAY:
      while (salvage_json_scan_next_element (scan))
        {
          if (!skip_value (scan, too_wide))
            return FALSE;
        }
      return !salvage_json_scan_failed (scan);

    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_INTEGER:
    case SALVAGE_JSON_DOUBLE:
    case SALVAGE_JSON_STRING:
    default:
      return TRUE;
    }
}

/* Returns the top-level object, or NULL with *failure saying why the file
 * cannot be used.
 *
 * The strict scanner goes first: it takes exactly what the CLI's own
 * json.load() takes (no comments, no leading zeros, no trailing commas),
 * and it bounds the nesting before json-glib, which recurses once per
 * level, sees the text. */
static JsonObject *
read_root (Reader      *reader,
           JsonParser  *parser,
           const char  *data,
           gsize        length,
           char       **failure)
{
  g_auto(SalvageJsonScan) scan = { NULL, };
  gboolean too_wide = FALSE;
  JsonNode *root;

  if (length > SALVAGE_CLI_CONFIG_MAX_SIZE)
    {
      *failure = salvage_cli_config_too_large_message (reader->display);
      return NULL;
    }

  if (is_blank (data, length))
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is empty"), reader->display);
      return NULL;
    }

  salvage_json_scan_init (&scan, data, length);
  if (!skip_value (&scan, &too_wide) || !salvage_json_scan_end (&scan))
    {
      guint line = line_of (data, length, scan.problem_at);

      if (too_wide)
        *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is too large "
                                      "(it has an object of over %d members)"),
                                    reader->display, SALVAGE_CLI_CONFIG_MAX_MEMBERS);
      else if (scan.problem == SALVAGE_JSON_PROBLEM_TOO_DEEP)
        *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is nested too deeply"),
                                    reader->display);
      else if (scan.problem == SALVAGE_JSON_PROBLEM_UTF8)
        *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is not UTF-8 text "
                                      "(line %u)"),
                                    reader->display, line);
      else
        *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is not valid JSON "
                                      "(line %u)"),
                                    reader->display, line);
      return NULL;
    }

  /* What the scanner takes, json-glib takes; this only guards the unexpected. */
  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL)
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is not valid JSON"),
                                  reader->display);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is not a CLI login: "
                                    "it holds no JSON object"),
                                  reader->display);
      return NULL;
    }

  return json_node_get_object (root);
}

/* Keys are collected before anything is said, so that no message, not even
 * one about an earlier entry, can repeat a key found further on. */
static void
collect_secrets (Reader     *reader,
                 JsonObject *root)
{
  g_autoptr(GList) entries = NULL;
  JsonNode *workspaces;

  if (root == NULL ||
      (workspaces = json_object_get_member (root, "workspaces")) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (workspaces))
    return;

  entries = json_object_get_values (json_node_get_object (workspaces));

  for (const GList *l = entries; l != NULL; l = l->next)
    {
      const char *api_key;

      if (JSON_NODE_HOLDS_OBJECT (l->data) &&
          get_string_member (json_node_get_object (l->data), "apiKey", &api_key) == MEMBER_STRING)
        g_ptr_array_add (reader->secrets, (gpointer) api_key);
    }
}

static void
read_api_url (Reader           *reader,
              SalvageCliConfig *self,
              JsonObject       *root)
{
  const char *api_url = NULL;

  if (reader->env->api_url != NULL)
    {
      self->api_url = g_strdup (reader->env->api_url);
      return;
    }

  if (root != NULL)
    {
      switch (get_string_member (root, "API_URL", &api_url))
        {
        case MEMBER_STRING:
          self->api_url = g_strdup (api_url);
          return;

        case MEMBER_EMPTY:
        case MEMBER_WRONG_TYPE:
          add_problem (reader,
                       _("The server address (“API_URL”) in the CLI login is not a usable "
                         "address, so the default server is used"));
          break;

        case MEMBER_ABSENT:
        default:
          break;
        }
    }

  self->api_url = g_strdup (DEFAULT_API_URL);
}

static void
read_default_workspace (Reader           *reader,
                        SalvageCliConfig *self,
                        JsonObject       *root)
{
  const char *workspace = NULL;

  if (reader->env->workspace != NULL)
    {
      self->default_workspace = g_strdup (reader->env->workspace);
      return;
    }

  if (root == NULL)
    return;

  /* An empty RF_WORKSPACE names nothing, in the CLI too; only a value of
   * the wrong type is worth a word. */
  if (get_string_member (root, "RF_WORKSPACE", &workspace) == MEMBER_WRONG_TYPE)
    add_problem (reader, _("The default workspace (“RF_WORKSPACE”) in the CLI login is not "
                           "a workspace name, so it was ignored"));
  else
    self->default_workspace = g_strdup (workspace);
}

/* Returns the number of entries the map has; *unusable is set when there
 * is something other than a map. */
static guint
read_workspaces (Reader           *reader,
                 SalvageCliConfig *self,
                 JsonObject       *root,
                 gboolean         *unusable)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GList) entries = NULL;
  JsonNode *node;
  guint number = 0;

  *unusable = FALSE;

  if (root == NULL || (node = json_object_get_member (root, "workspaces")) == NULL)
    return 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (reader, _("The list of workspaces (“workspaces”) in the CLI login is not "
                             "a JSON object, so it was ignored"));
      *unusable = TRUE;
      return 0;
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* In the file's order: json-glib keeps it, and the CLI's token login
   * takes its default from the first entry. */
  entries = json_object_get_values (json_node_get_object (node));

  for (const GList *l = entries; l != NULL; l = l->next)
    {
      JsonObject *entry;
      const char *url;
      const char *name;
      const char *api_key;
      SalvageCliWorkspace workspace = { NULL, };
      gpointer position = NULL;
      gboolean replaces;

      number++;

      if (!JSON_NODE_HOLDS_OBJECT (l->data))
        {
          add_problem (reader, _("Workspace entry %u of the CLI login is not a JSON object, "
                                 "so it was skipped"),
                       number);
          continue;
        }

      entry = json_node_get_object (l->data);

      /* The CLI looks workspaces up by "url" alone: the map's keys may be
       * opaque ids after a token login. */
      if (get_string_member (entry, "url", &url) != MEMBER_STRING)
        {
          add_problem (reader, _("Workspace entry %u of the CLI login has no workspace name "
                                 "(“url”), so it was skipped"),
                       number);
          continue;
        }

      /* The CLI builds a dictionary by "url": a later entry replaces an
       * earlier one, in the earlier one's place. */
      replaces = g_hash_table_lookup_extended (seen, url, NULL, &position);
      if (replaces)
        {
          if (reader_can_name (reader, url))
            add_problem (reader, _("The workspace “%s” is listed more than once in the CLI "
                                   "login; its last entry is used, as the CLI does"),
                         url);
          else
            add_problem (reader, _("Workspace entry %u of the CLI login repeats an earlier "
                                   "workspace and replaces it, as the CLI does"),
                         number);
        }
      else
        g_hash_table_insert (seen, (gpointer) url, GUINT_TO_POINTER (self->workspaces->len));

      workspace.url = g_strdup (url);
      if (get_string_member (entry, "name", &name) == MEMBER_STRING)
        workspace.name = g_strdup (name);

      /* A key is kept exactly as written, spaces and all, as the CLI sends it. */
      if (reader->env->api_key != NULL)
        workspace.api_key = g_strdup (reader->env->api_key);
      else if (get_string_member (entry, "apiKey", &api_key) == MEMBER_STRING)
        workspace.api_key = g_strdup (api_key);
      else if (reader_can_name (reader, url))
        add_problem (reader, _("The workspace “%s” has no API key in the CLI login"), url);
      else
        add_problem (reader, _("Workspace entry %u of the CLI login has no API key"), number);

      if (replaces)
        {
          SalvageCliWorkspace *earlier = &g_array_index (self->workspaces, SalvageCliWorkspace,
                                                         GPOINTER_TO_UINT (position));

          salvage_cli_workspace_clear (earlier);
          *earlier = workspace;
        }
      else
        g_array_append_val (self->workspaces, workspace);
    }

  return number;
}

static void
find_default (Reader           *reader,
              SalvageCliConfig *self)
{
  const char *wanted = self->default_workspace;

  for (guint i = 0; wanted != NULL && i < self->workspaces->len; i++)
    {
      if (g_strcmp0 (g_array_index (self->workspaces, SalvageCliWorkspace, i).url, wanted) == 0)
        {
          self->default_index = (int) i;
          return;
        }
    }

  /* The CLI uses ROBOFLOW_API_KEY for any workspace, listed or not; and
   * a bare key with no default names its workspace when it is checked. */
  if (reader->env->api_key != NULL && (wanted != NULL || self->workspaces->len == 0))
    {
      SalvageCliWorkspace workspace = {
        .url = g_strdup (wanted),
        .name = NULL,
        .api_key = g_strdup (reader->env->api_key),
      };

      g_array_append_val (self->workspaces, workspace);
      self->default_index = (int) self->workspaces->len - 1;
      return;
    }

  /* Where the CLI itself fails with an AttributeError. */
  if (wanted != NULL)
    {
      if (reader_can_name (reader, wanted))
        add_problem (reader, _("The default workspace “%s” (“RF_WORKSPACE”) is not in the CLI "
                               "login, so there is no key for it"),
                     wanted);
      else
        add_problem (reader, _("The default workspace (“RF_WORKSPACE”) is not in the CLI "
                               "login, so there is no key for it"));
    }
}

static guint
count_keys (SalvageCliConfig *self)
{
  guint n = 0;

  for (guint i = 0; i < self->workspaces->len; i++)
    {
      if (g_array_index (self->workspaces, SalvageCliWorkspace, i).api_key != NULL)
        n++;
    }

  return n;
}

SalvageCliConfig *
salvage_cli_config_read (const SalvageCliEnvironment  *env,
                         const char                   *path,
                         const char                   *data,
                         gsize                         length,
                         const char                   *failure,
                         GError                      **error)
{
  g_autoptr(SalvageCliConfig) self = g_object_new (SALVAGE_TYPE_CLI_CONFIG, NULL);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *own_failure = NULL;
  g_auto(Reader) reader = { NULL, };
  JsonObject *root = NULL;
  gboolean workspaces_unusable;
  guint n_entries;

  reader_init (&reader, env);
  self->path = g_strdup (path);

  if (failure == NULL && data != NULL)
    {
      root = read_root (&reader, parser, data, length, &own_failure);
      failure = own_failure;
    }

  if (data == NULL && failure == NULL && env->api_key == NULL)
    {
      set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND,
                 _("No Roboflow CLI login was found at “%s”"), reader.display);
      return NULL;
    }

  if (failure != NULL)
    {
      if (env->api_key == NULL)
        {
          set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_INVALID, "%s", failure);
          return NULL;
        }

      /* Translators: %s is one of the sentences about the login file, such as
       * "The Roboflow CLI login file “…” is not valid JSON (line 3)". */
      add_problem (&reader, _("%s, so only the key in ROBOFLOW_API_KEY is used"), failure);
    }

  collect_secrets (&reader, root);
  read_api_url (&reader, self, root);
  read_default_workspace (&reader, self, root);
  n_entries = read_workspaces (&reader, self, root, &workspaces_unusable);
  find_default (&reader, self);
  self->key_from_env = env->api_key != NULL;

  if (count_keys (self) == 0)
    {
      guint n = self->workspaces->len;

      if (n > 0)
        set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The Roboflow CLI login file “%s” lists %u workspace, "
                                "but no API key for it",
                                "The Roboflow CLI login file “%s” lists %u workspaces, "
                                "but no API key for any of them", n),
                   reader.display, n);
      else if (n_entries > 0)
        set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_EMPTY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The Roboflow CLI login file “%s” has %u workspace entry, "
                                "but it names no workspace",
                                "The Roboflow CLI login file “%s” has %u workspace entries, "
                                "but none of them names a workspace", n_entries),
                   reader.display, n_entries);
      else if (workspaces_unusable)
        set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_EMPTY,
                   _("The list of workspaces in the Roboflow CLI login file “%s” is not "
                     "a JSON object"),
                   reader.display);
      else
        set_error (&reader, error, SALVAGE_CLI_CONFIG_ERROR_EMPTY,
                   _("The Roboflow CLI login file “%s” lists no workspaces"), reader.display);
      return NULL;
    }

  g_ptr_array_add (reader.problems, NULL);
  self->problems = (char **) g_ptr_array_free (g_steal_pointer (&reader.problems), FALSE);

  return g_steal_pointer (&self);
}

/*
 * Public API
 */

SalvageCliConfig *
salvage_cli_config_parse (const char  *data,
                          gsize        length,
                          const char  *env_api_key,
                          const char  *env_workspace,
                          const char  *env_api_url,
                          GError     **error)
{
  SalvageCliEnvironment env = { NULL, };
  SalvageCliConfig *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Messages name the file the CLI would read. */
  env.path = salvage_cli_config_dup_path ();
  env.api_key = g_strdup (env_api_key != NULL && env_api_key[0] != '\0' ? env_api_key : NULL);
  env.workspace = g_strdup (env_workspace != NULL && env_workspace[0] != '\0' ?
                            env_workspace : NULL);
  env.api_url = g_strdup (env_api_url != NULL && env_api_url[0] != '\0' ? env_api_url : NULL);

  self = salvage_cli_config_read (&env, NULL, data, length, NULL, error);
  salvage_cli_environment_clear (&env);

  return self;
}
