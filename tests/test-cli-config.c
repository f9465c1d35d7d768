/* test-cli-config.c - reading the login the Roboflow CLI saved
 *
 * A table of files shaped like the ones the CLI writes (and like the ones
 * people break by hand), each with the accounts or the message a user
 * would get; then the loading itself: where the file is looked for, the
 * environment, the size limit, and the thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "salvage-cli-config.h"

/* Keys shaped like Roboflow's: twenty letters and digits. */
#define KEY_ACME   "Ak3mE9vQx2Lr7Tn4Wp8Z"
#define KEY_BETA   "bT5yH1uJ6kL0oP3sD7fG"
#define KEY_GAMMA  "gM4qW8eR2tY6uI0oP5aS"
#define KEY_SPACED " sP4cEdK3y9Qw2Er5Ty "
#define KEY_ENV    "eNv8Rk2Wq5Zt1Yx7Mc4B"

static const char * const all_keys[] = {
  KEY_ACME, KEY_BETA, KEY_GAMMA, KEY_SPACED, KEY_ENV, "sP4cEdK3y9Qw2Er5Ty",
};

#define DEFAULT_API_URL "https://api.roboflow.com"

/* The entry an API-key login writes, used by many cases. */
#define ACME_ENTRY \
  "'acme-vision': {'url': 'acme-vision', 'name': 'Acme Vision', 'apiKey': '" KEY_ACME "'}"

#define NO_ERROR (-1)

typedef struct
{
  const char *url;
  const char *name;
  const char *api_key;
} ExpectedWorkspace;

typedef struct
{
  const char        *what;
  /* In these files ' stands for ", so that they stay readable; NULL is no file. */
  const char        *file;
  const char        *env_api_key;
  const char        *env_workspace;
  const char        *env_api_url;

  int                error_code;       /* NO_ERROR when the login is read */
  const char        *message;          /* in the error, or in one problem; NULL: no problem */
  const char        *never_said;       /* in no message, when set */

  const char        *api_url;
  const char        *default_workspace;
  int                default_index;
  guint              n_workspaces;
  ExpectedWorkspace  workspaces[4];
} ConfigCase;

static const ConfigCase config_cases[] = {
  {
    "API-key login: the map key is the url",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 'acme-vision'}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "acme-vision", 0,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "token login: opaque map keys, the default from the first entry",
    "{\n"
    "  'workspaces': {\n"
    "    'Zq8LkP2vX9cJ4rT7yB1n': {'url': 'beta-labs', 'name': 'Beta Labs', "
    "'apiKey': '" KEY_BETA "'},\n"
    "    'aH3mW6eR0tY5uI8oP2sD': {'url': 'acme-vision', 'name': 'Acme Vision', "
    "'apiKey': '" KEY_ACME "'}\n"
    "  },\n"
    "  'RF_WORKSPACE': 'beta-labs'\n"
    "}\n",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "beta-labs", 0,
    2, {
      { "beta-labs", "Beta Labs", KEY_BETA },
      { "acme-vision", "Acme Vision", KEY_ACME },
    },
  },
  {
    "workspaces are found by their url, never by the map key",
    "{'workspaces': {'acme-vision': {'url': 'beta-labs', 'apiKey': '" KEY_BETA "'}}, "
    "'RF_WORKSPACE': 'acme-vision'}",
    NULL, NULL, NULL,
    NO_ERROR, "“acme-vision” (“RF_WORKSPACE”) is not in the CLI login", NULL,
    DEFAULT_API_URL, "acme-vision", -1,
    1, { { "beta-labs", "beta-labs", KEY_BETA } },
  },
  {
    "RF_WORKSPACE naming no entry is noted, not a failure",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 'gone-ws'}",
    NULL, NULL, NULL,
    NO_ERROR, "The default workspace “gone-ws” (“RF_WORKSPACE”) is not in the CLI login, "
    "so there is no key for it", NULL,
    DEFAULT_API_URL, "gone-ws", -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "RF_WORKSPACE holding a key by mistake is not repeated",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': '" KEY_ACME "'}",
    NULL, NULL, NULL,
    NO_ERROR, "The default workspace (“RF_WORKSPACE”) is not in the CLI login", NULL,
    DEFAULT_API_URL, KEY_ACME, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "ROBOFLOW_API_KEY overrides every key",
    "{'workspaces': {'Zq8LkP2vX9cJ4rT7yB1n': {'url': 'beta-labs', 'apiKey': '" KEY_BETA "'}, "
    "'aH3mW6eR0tY5uI8oP2sD': {'url': 'acme-vision', 'name': 'Acme Vision'}}, "
    "'RF_WORKSPACE': 'beta-labs'}",
    KEY_ENV, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "beta-labs", 0,
    2, {
      { "beta-labs", "beta-labs", KEY_ENV },
      { "acme-vision", "Acme Vision", KEY_ENV },
    },
  },
  {
    "ROBOFLOW_API_KEY serves an RF_WORKSPACE the file does not list",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 'other-ws'}",
    KEY_ENV, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "other-ws", 1,
    2, {
      { "acme-vision", "Acme Vision", KEY_ENV },
      { "other-ws", "other-ws", KEY_ENV },
    },
  },
  {
    "RF_WORKSPACE in the environment beats the file's",
    "{'workspaces': {'x1': {'url': 'beta-labs', 'apiKey': '" KEY_BETA "'}, " ACME_ENTRY "}, "
    "'RF_WORKSPACE': 'beta-labs'}",
    NULL, "acme-vision", NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "acme-vision", 1,
    2, {
      { "beta-labs", "beta-labs", KEY_BETA },
      { "acme-vision", "Acme Vision", KEY_ACME },
    },
  },
  {
    "API_URL in the environment beats the file's",
    "{'workspaces': {" ACME_ENTRY "}, 'API_URL': 'https://api.roboflow.one'}",
    NULL, NULL, "http://127.0.0.1:8080",
    NO_ERROR, NULL, NULL,
    "http://127.0.0.1:8080", NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "the file's API_URL",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 'acme-vision', "
    "'API_URL': 'https://localapi.roboflow.one', 'APP_URL': 'https://localapp.roboflow.one'}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    "https://localapi.roboflow.one", "acme-vision", 0,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "an API_URL that is a number falls back to the default",
    "{'workspaces': {" ACME_ENTRY "}, 'API_URL': 443}",
    NULL, NULL, NULL,
    NO_ERROR, "(“API_URL”) in the CLI login is not a usable address", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "an empty API_URL falls back to the default",
    "{'workspaces': {" ACME_ENTRY "}, 'API_URL': ''}",
    NULL, NULL, NULL,
    NO_ERROR, "(“API_URL”) in the CLI login is not a usable address", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "a null API_URL in the file does not matter when the environment has one",
    "{'workspaces': {" ACME_ENTRY "}, 'API_URL': null}",
    NULL, NULL, "https://api.roboflow.one",
    NO_ERROR, NULL, NULL,
    "https://api.roboflow.one", NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "empty environment variables count as unset",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 'acme-vision'}",
    "", "", "",
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, "acme-vision", 0,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "an RF_WORKSPACE that is a number is ignored",
    "{'workspaces': {" ACME_ENTRY "}, 'RF_WORKSPACE': 12}",
    NULL, NULL, NULL,
    NO_ERROR, "(“RF_WORKSPACE”) in the CLI login is not a workspace name", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "an entry without url is skipped",
    "{'workspaces': {'w1': {'name': 'No Url', 'apiKey': '" KEY_GAMMA "'}, " ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, "Workspace entry 1 of the CLI login has no workspace name (“url”)", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "an entry without apiKey is kept without a key",
    "{'workspaces': {'beta-labs': {'url': 'beta-labs', 'name': 'Beta Labs'}, " ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, "The workspace “beta-labs” has no API key in the CLI login", NULL,
    DEFAULT_API_URL, NULL, -1,
    2, {
      { "beta-labs", "Beta Labs", NULL },
      { "acme-vision", "Acme Vision", KEY_ACME },
    },
  },
  {
    "entries that are not objects are skipped",
    "{'workspaces': {'a': 'acme-vision', 'b': 42, 'c': null, 'd': ['" KEY_GAMMA "'], "
    "'e': true, " ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, "Workspace entry 4 of the CLI login is not a JSON object, so it was skipped", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "fields of the wrong type",
    "{'workspaces': {"
    "'w1': {'url': 7, 'apiKey': '" KEY_GAMMA "'}, "
    "'w2': {'url': null}, "
    "'w3': {'url': ['acme-vision']}, "
    "'w4': {'url': 'beta-labs', 'name': 5, 'apiKey': 12345}, "
    "'w5': {'url': 'gamma', 'name': null, 'apiKey': null}, "
    "'w6': {'url': 'delta', 'name': '', 'apiKey': ['" KEY_GAMMA "']}, "
    ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, "Workspace entry 3 of the CLI login has no workspace name (“url”)", NULL,
    DEFAULT_API_URL, NULL, -1,
    4, {
      { "beta-labs", "beta-labs", NULL },
      { "gamma", "gamma", NULL },
      { "delta", "delta", NULL },
      { "acme-vision", "Acme Vision", KEY_ACME },
    },
  },
  {
    "keys are kept as written, but an empty key is no key",
    "{'workspaces': {'spaced': {'url': 'spaced', 'apiKey': '" KEY_SPACED "'}, "
    "'empty': {'url': 'empty', 'apiKey': ''}}}",
    NULL, NULL, NULL,
    NO_ERROR, "The workspace “empty” has no API key in the CLI login", NULL,
    DEFAULT_API_URL, NULL, -1,
    2, {
      { "spaced", "spaced", KEY_SPACED },
      { "empty", "empty", NULL },
    },
  },
  {
    "duplicate urls: the last entry is used, in the first one's place, as the CLI does",
    "{'workspaces': {'x1': {'url': 'acme-vision', 'name': 'First', 'apiKey': '" KEY_ACME "'}, "
    "'x2': {'url': 'acme-vision', 'name': 'Second', 'apiKey': '" KEY_BETA "'}}}",
    NULL, NULL, NULL,
    NO_ERROR, "The workspace “acme-vision” is listed more than once in the CLI login", NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Second", KEY_BETA } },
  },
  {
    "a repeated map key: the last value wins, as in the CLI's json.load()",
    "{'workspaces': {'acme-vision': {'url': 'acme-vision', 'name': 'Old', "
    "'apiKey': '" KEY_BETA "'}, " ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "a url that is not a plain word is not repeated",
    "{'workspaces': {'w': {'url': '<b>Call 555-0100</b>'}, " ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, "Workspace entry 1 of the CLI login has no API key", "555-0100",
    DEFAULT_API_URL, NULL, -1,
    2, {
      { "<b>Call 555-0100</b>", "<b>Call 555-0100</b>", NULL },
      { "acme-vision", "Acme Vision", KEY_ACME },
    },
  },
  {
    "a url that is another entry's key is not repeated",
    "{'workspaces': {'w': {'url': '" KEY_BETA "'}, "
    "'b': {'url': 'beta-labs', 'apiKey': '" KEY_BETA "'}}}",
    NULL, NULL, NULL,
    NO_ERROR, "Workspace entry 1 of the CLI login has no API key", NULL,
    DEFAULT_API_URL, NULL, -1,
    2, {
      { KEY_BETA, KEY_BETA, NULL },
      { "beta-labs", "beta-labs", KEY_BETA },
    },
  },
  {
    "escaped and non-ASCII text",
    "{'workspaces': {'acme-vision': {'url': 'acme-vision', "
    "'name': 'Caf\\u00e9 \\ud83d\\udcf7 \\\"Vision\\\"', 'apiKey': '" KEY_ACME "'}}}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Café 📷 \"Vision\"", KEY_ACME } },
  },
  {
    "a byte order mark before the JSON",
    "\xef\xbb\xbf{'workspaces': {" ACME_ENTRY "}}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "brackets inside strings are no nesting",
    "{'workspaces': {" ACME_ENTRY "}, 'note': '"
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\\\\'}",
    NULL, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, NULL, -1,
    1, { { "acme-vision", "Acme Vision", KEY_ACME } },
  },
  {
    "“workspaces” that is a list",
    "{'workspaces': [{'url': 'acme-vision', 'apiKey': '" KEY_ACME "'}]}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_EMPTY, "The list of workspaces in the Roboflow CLI login file", NULL,
  },
  {
    "“workspaces” that is null",
    "{'workspaces': null, 'RF_WORKSPACE': 'acme-vision'}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_EMPTY, "” is not a JSON object", NULL,
  },
  {
    "“workspaces” that is a string, with ROBOFLOW_API_KEY",
    "{'workspaces': 'acme-vision'}",
    KEY_ENV, NULL, NULL,
    NO_ERROR, "The list of workspaces (“workspaces”) in the CLI login is not a JSON object", NULL,
    DEFAULT_API_URL, NULL, 0,
    1, { { NULL, NULL, KEY_ENV } },
  },
  {
    "a file that is a list",
    "[{'url': 'acme-vision', 'apiKey': '" KEY_ACME "'}]",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not a CLI login: it holds no JSON object", NULL,
  },
  {
    "a file that is a string",
    "'" KEY_ACME "'",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not a CLI login: it holds no JSON object", NULL,
  },
  {
    "a file that is a list, with ROBOFLOW_API_KEY and RF_WORKSPACE",
    "[]",
    KEY_ENV, "env-ws", NULL,
    NO_ERROR, "it holds no JSON object, so only the key in ROBOFLOW_API_KEY is used", NULL,
    DEFAULT_API_URL, "env-ws", 0,
    1, { { "env-ws", "env-ws", KEY_ENV } },
  },
  {
    "an empty file",
    "",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is empty", NULL,
  },
  {
    "a file of blank lines",
    "\n\n  \n",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is empty", NULL,
  },
  {
    "an empty object",
    "{}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_EMPTY, "lists no workspaces", NULL,
  },
  {
    "an empty object, with ROBOFLOW_API_KEY",
    "{}",
    KEY_ENV, NULL, NULL,
    NO_ERROR, NULL, NULL,
    DEFAULT_API_URL, NULL, 0,
    1, { { NULL, NULL, KEY_ENV } },
  },
  {
    "no file, with ROBOFLOW_API_KEY and RF_WORKSPACE",
    NULL,
    KEY_ENV, "env-ws", "http://127.0.0.1:9000",
    NO_ERROR, NULL, NULL,
    "http://127.0.0.1:9000", "env-ws", 0,
    1, { { "env-ws", "env-ws", KEY_ENV } },
  },
  {
    "no file and no ROBOFLOW_API_KEY",
    NULL,
    NULL, "env-ws", NULL,
    SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND, "No Roboflow CLI login was found at", NULL,
  },
  {
    "workspaces, none with a key",
    "{'workspaces': {'a': {'url': 'acme-vision'}, 'b': {'url': 'beta-labs', 'apiKey': ''}}}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_EMPTY, "lists 2 workspaces, but no API key for any of them", NULL,
  },
  {
    "entries, none with a url",
    "{'workspaces': {'acme-vision': {'name': 'Acme', 'apiKey': '" KEY_ACME "'}}}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_EMPTY, "has 1 workspace entry, but it names no workspace", NULL,
  },
  {
    "cut short",
    "{'workspaces': {'acme-vision': {'url': 'acme-vision', 'apiKey': '" KEY_ACME "',",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not valid JSON (line 1)", NULL,
  },
  {
    "a trailing comma, seen on the next line",
    "{\n  'workspaces': {\n    " ACME_ENTRY ",\n  }\n}\n",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not valid JSON (line 4)", NULL,
  },
  {
    "a comment, which the CLI's JSON reader refuses too",
    "{\n  // logged in on Monday\n  'workspaces': {" ACME_ENTRY "}\n}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not valid JSON (line 2)", NULL,
  },
  {
    "a file that is not JSON at all",
    "api_key=" KEY_ACME "\nworkspace=acme-vision\n",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not valid JSON (line 1)", NULL,
  },
  {
    "text that is not UTF-8",
    "{'workspaces': {\n'acme-vision': {'url': 'acme-vision', 'name': 'Caf\xe9', "
    "'apiKey': '" KEY_ACME "'}}}",
    NULL, NULL, NULL,
    SALVAGE_CLI_CONFIG_ERROR_INVALID, "is not UTF-8 text (line 2)", NULL,
  },
  {
    "text that is not UTF-8, with ROBOFLOW_API_KEY",
    "{'workspaces': {'acme-vision': {'url': 'acme-\xff', 'apiKey': '" KEY_ACME "'}}}",
    KEY_ENV, NULL, NULL,
    NO_ERROR, "is not UTF-8 text (line 1), so only the key in ROBOFLOW_API_KEY is used", NULL,
    DEFAULT_API_URL, NULL, 0,
    1, { { NULL, NULL, KEY_ENV } },
  },
};

/* ' stands for " in the table. */
static char *
file_from_table (const char *text)
{
  char *file = g_strdup (text);

  g_strdelimit (file, "'", '"');
  return file;
}

static void
assert_no_key (const char *text)
{
  for (gsize i = 0; i < G_N_ELEMENTS (all_keys); i++)
    g_assert_null (strstr (text, all_keys[i]));
}

static gboolean
problems_contain (SalvageCliConfig *config,
                  const char       *part)
{
  const char * const *problems = salvage_cli_config_get_problems (config);

  for (guint i = 0; problems[i] != NULL; i++)
    {
      if (strstr (problems[i], part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
check_case (const ConfigCase *c,
            SalvageCliConfig *config,
            GError           *error)
{
  const char * const *problems;

  if (c->error_code != NO_ERROR)
    {
      g_assert_null (config);
      g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, c->error_code);
      g_assert_nonnull (strstr (error->message, c->message));
      /* Every error says which file it is about. */
      g_assert_nonnull (strstr (error->message, "“~/.config/roboflow/config.json”"));
      assert_no_key (error->message);
      if (c->never_said != NULL)
        g_assert_null (strstr (error->message, c->never_said));
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (config);

  problems = salvage_cli_config_get_problems (config);
  g_assert_nonnull (problems);
  for (guint i = 0; problems[i] != NULL; i++)
    {
      g_test_message ("problem: %s", problems[i]);
      assert_no_key (problems[i]);
      if (c->never_said != NULL)
        g_assert_null (strstr (problems[i], c->never_said));
    }
  if (c->message == NULL)
    g_assert_null (problems[0]);
  else
    g_assert_true (problems_contain (config, c->message));

  g_assert_cmpstr (salvage_cli_config_get_api_url (config), ==, c->api_url);
  g_assert_cmpstr (salvage_cli_config_get_default_workspace (config), ==, c->default_workspace);
  g_assert_cmpint (salvage_cli_config_get_default_index (config), ==, c->default_index);
  g_assert_cmpint (salvage_cli_config_get_key_from_env (config), ==,
                   c->env_api_key != NULL && c->env_api_key[0] != '\0');

  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (config), ==, c->n_workspaces);
  for (guint i = 0; i < c->n_workspaces; i++)
    {
      g_assert_cmpstr (salvage_cli_config_get_workspace_url (config, i), ==,
                       c->workspaces[i].url);
      g_assert_cmpstr (salvage_cli_config_get_workspace_name (config, i), ==,
                       c->workspaces[i].name);
      g_assert_cmpstr (salvage_cli_config_get_api_key (config, i), ==,
                       c->workspaces[i].api_key);
    }
}

static void
test_parse_table (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (config_cases); i++)
    {
      const ConfigCase *c = &config_cases[i];
      g_autoptr(SalvageCliConfig) config = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;

      g_test_message ("case: %s", c->what);

      /* A copy of exactly the file's length: the reader must not look for
       * a terminating NUL. An empty file is still a file, not NULL. */
      if (c->file != NULL)
        {
          g_autofree char *file = file_from_table (c->file);

          length = strlen (file);
          data = g_malloc (MAX (length, 1));
          memcpy (data, file, length);
        }

      config = salvage_cli_config_parse (data, length, c->env_api_key, c->env_workspace,
                                         c->env_api_url, &error);
      check_case (c, config, error);
    }
}

static char *
nested (guint levels)
{
  GString *text = g_string_new ("{\"workspaces\": {\"acme-vision\": {\"url\": \"acme-vision\", "
                                "\"apiKey\": \"" KEY_ACME "\"}}, \"extra\": ");

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  return g_string_free (text, FALSE);
}

static void
test_parse_deep (void)
{
  /* The object around "extra" is one level already. */
  g_autofree char *fine = nested (63);
  g_autofree char *deep = nested (64);
  g_autofree char *very_deep = nested (100000);
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = salvage_cli_config_parse (fine, strlen (fine), NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);

  g_assert_null (salvage_cli_config_parse (deep, strlen (deep), NULL, NULL, NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is nested too deeply"));
  g_clear_error (&error);

  /* Deep enough to overflow the stack of a reader that recursed. */
  g_assert_null (salvage_cli_config_parse (very_deep, strlen (very_deep), NULL, NULL, NULL,
                                           &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is nested too deeply"));
}

/* A valid login of exactly @size bytes, padded with spaces. */
static char *
login_of_size (gsize size)
{
  static const char login[] = "{\"workspaces\": {\"acme-vision\": {\"url\": \"acme-vision\", "
                              "\"apiKey\": \"" KEY_ACME "\"}}}";
  char *data = g_malloc (size);

  g_assert_cmpuint (size, >=, sizeof login - 1);
  memcpy (data, login, sizeof login - 1);
  memset (data + sizeof login - 1, ' ', size - (sizeof login - 1));

  return data;
}

static void
test_parse_too_large (void)
{
  g_autofree char *limit = login_of_size (SALVAGE_CLI_CONFIG_MAX_SIZE);
  g_autofree char *large = login_of_size (2 * 1024 * 1024);
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(SalvageCliConfig) with_env = NULL;
  g_autoptr(GError) error = NULL;

  config = salvage_cli_config_parse (limit, SALVAGE_CLI_CONFIG_MAX_SIZE, NULL, NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);

  g_assert_null (salvage_cli_config_parse (large, 2 * 1024 * 1024, NULL, NULL, NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is too large"));

  /* ROBOFLOW_API_KEY still makes a login, and says why the file was not used. */
  with_env = salvage_cli_config_parse (large, 2 * 1024 * 1024, KEY_ENV, NULL, NULL, NULL);
  g_assert_nonnull (with_env);
  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (with_env), ==, 1);
  g_assert_cmpstr (salvage_cli_config_get_api_key (with_env, 0), ==, KEY_ENV);
  g_assert_true (problems_contain (with_env, "is too large"));
}

/* Names repeated in a wide object cost json-glib time that grows with the
 * square of the width; such a file is refused before json-glib reads it. */
static void
test_parse_too_wide (void)
{
  g_autoptr(GString) wide = g_string_new ("{\"workspaces\": {\"acme-vision\": "
                                          "{\"url\": \"acme-vision\", "
                                          "\"apiKey\": \"" KEY_ACME "\"}}");
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  /* 9,999 members and the workspaces make 10,000: still read. */
  for (guint i = 0; i < 9999; i++)
    g_string_append_printf (wide, ", \"k%u\": 0", MIN (i, 4999u));
  g_string_append_c (wide, '}');

  config = salvage_cli_config_parse (wide->str, wide->len, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);

  g_string_truncate (wide, wide->len - 1);
  g_string_append (wide, ", \"k4999\": 1}");
  g_assert_null (salvage_cli_config_parse (wide->str, wide->len, NULL, NULL, NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "has an object of over 10000 members"));
}

/*
 * Loading
 */

static const char * const variables[] = {
  "ROBOFLOW_CONFIG_DIR", "ROBOFLOW_API_KEY", "RF_WORKSPACE", "API_URL", "XDG_CONFIG_HOME",
};

static char **saved_environment;

/* Each loading test starts from no CLI variables and puts them back after. */
static void
environment_save (void)
{
  g_assert_null (saved_environment);
  saved_environment = g_get_environ ();

  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);
}

static void
environment_restore (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      const char *value = g_environ_getenv (saved_environment, variables[i]);

      if (value != NULL)
        g_setenv (variables[i], value, TRUE);
      else
        g_unsetenv (variables[i]);
    }

  g_clear_pointer (&saved_environment, g_strfreev);
}

static char *
write_login (const char *dir,
             const char *name,
             const char *contents,
             gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static const char acme_login[] =
  "{\n"
  "  \"workspaces\": {\n"
  "    \"acme-vision\": {\n"
  "      \"url\": \"acme-vision\",\n"
  "      \"name\": \"Acme Vision\",\n"
  "      \"apiKey\": \"" KEY_ACME "\"\n"
  "    }\n"
  "  },\n"
  "  \"RF_WORKSPACE\": \"acme-vision\"\n"
  "}\n";

static void
test_load_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "absent.json", NULL);
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  environment_save ();
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);

  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.json"));
  g_clear_error (&error);

  /* The key from the environment is a login of its own, without a file. */
  g_setenv ("ROBOFLOW_API_KEY", KEY_ENV, TRUE);
  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (salvage_cli_config_get_path (config));
  g_assert_true (salvage_cli_config_get_key_from_env (config));
  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (config), ==, 1);
  g_assert_null (salvage_cli_config_get_workspace_url (config, 0));
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ENV);
  g_assert_null (salvage_cli_config_get_problems (config)[0]);
  g_clear_object (&config);

  g_setenv ("RF_WORKSPACE", "env-ws", TRUE);
  g_setenv ("API_URL", "http://127.0.0.1:9000", TRUE);
  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_workspace_url (config, 0), ==, "env-ws");
  g_assert_cmpint (salvage_cli_config_get_default_index (config), ==, 0);
  g_assert_cmpstr (salvage_cli_config_get_api_url (config), ==, "http://127.0.0.1:9000");

  environment_restore ();
  g_rmdir (dir);
}

static void
test_load_config_dir_names_the_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  /* As the CLI's own scripts set it: a file named ".config". */
  g_autofree char *path = write_login (dir, "data/.config", acme_login, -1);
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  environment_save ();
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);

  found = salvage_cli_config_dup_path ();
  g_assert_cmpstr (found, ==, path);

  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_path (config), ==, path);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);
  g_assert_cmpint (salvage_cli_config_get_default_index (config), ==, 0);
  g_assert_false (salvage_cli_config_get_key_from_env (config));
  g_clear_object (&config);

  /* The variable's name says folder; a folder there is refused plainly. */
  g_setenv ("ROBOFLOW_CONFIG_DIR", data_dir, TRUE);
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is a folder, not a file"));

  environment_restore ();
  g_unlink (path);
  g_rmdir (data_dir);
  g_rmdir (dir);
}

/* Removes the folders above @path up to HOME, as far as they are empty. */
static void
remove_empty_parents (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  while (g_strcmp0 (dir, g_get_home_dir ()) != 0 && g_rmdir (dir) == 0)
    {
      char *parent = g_path_get_dirname (dir);

      g_free (dir);
      dir = parent;
    }
}

static void
test_load_home (void)
{
  g_autofree char *xdg_dir = NULL;
  g_autofree char *xdg_path = NULL;
  g_autofree char *home_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  environment_save ();

  /* The CLI finds its file through HOME; main() set one for the tests. */
  g_assert_cmpstr (g_get_home_dir (), ==, g_getenv ("HOME"));
  expected = g_build_filename (g_getenv ("HOME"), ".config", "roboflow", "config.json", NULL);
  found = salvage_cli_config_dup_path ();
  g_assert_cmpstr (found, ==, expected);

  /* XDG_CONFIG_HOME is not where the CLI looks, so neither do we. */
  xdg_dir = g_build_filename (g_getenv ("HOME"), "xdg", NULL);
  xdg_path = write_login (xdg_dir, "roboflow/config.json",
                          "{\"workspaces\": {\"x\": {\"url\": \"xdg-ws\", "
                          "\"apiKey\": \"" KEY_GAMMA "\"}}}", -1);
  g_setenv ("XDG_CONFIG_HOME", xdg_dir, TRUE);

  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND);
  /* Messages name the file the way a user would type it. */
  g_assert_nonnull (strstr (error->message, "“~/.config/roboflow/config.json”"));
  g_clear_error (&error);

  home_path = write_login (g_getenv ("HOME"), ".config/roboflow/config.json", acme_login, -1);
  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_path (config), ==, expected);
  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (config), ==, 1);
  g_assert_cmpstr (salvage_cli_config_get_workspace_url (config, 0), ==, "acme-vision");

  /* An empty ROBOFLOW_CONFIG_DIR is unset. */
  g_setenv ("ROBOFLOW_CONFIG_DIR", "", TRUE);
  g_clear_pointer (&found, g_free);
  found = salvage_cli_config_dup_path ();
  g_assert_cmpstr (found, ==, expected);

  g_free (write_login (g_getenv ("HOME"), ".config/roboflow/config.json",
                      "{\"workspaces\": {", -1));
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The Roboflow CLI login file “~/.config/roboflow/config.json” "
                   "is not valid JSON (line 1)");

  environment_restore ();
  g_unlink (home_path);
  g_unlink (xdg_path);
  remove_empty_parents (home_path);
  remove_empty_parents (xdg_path);
}

static void
test_load_size_limit (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  g_autofree char *at_limit = login_of_size (SALVAGE_CLI_CONFIG_MAX_SIZE);
  g_autofree char *over_limit = login_of_size (SALVAGE_CLI_CONFIG_MAX_SIZE + 1);
  g_autofree char *large = login_of_size (2 * 1024 * 1024);
  g_autofree char *path = NULL;
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  environment_save ();

  path = write_login (dir, "config.json", at_limit, SALVAGE_CLI_CONFIG_MAX_SIZE);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);
  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);
  g_clear_object (&config);

  g_free (write_login (dir, "config.json", over_limit, SALVAGE_CLI_CONFIG_MAX_SIZE + 1));
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is too large"));
  g_clear_error (&error);

  g_free (write_login (dir, "config.json", large, 2 * 1024 * 1024));
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is too large"));
  g_clear_error (&error);

  g_setenv ("ROBOFLOW_API_KEY", KEY_ENV, TRUE);
  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_path (config), ==, path);
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ENV);
  g_assert_true (problems_contain (config, "is too large"));

  environment_restore ();
  g_unlink (path);
  g_rmdir (dir);
}

/* A FIFO in the file's place would block a plain open() forever. */
static void
test_load_not_a_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "config.json", NULL);
  g_autoptr(GError) error = NULL;

  environment_save ();

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a regular file"));
  g_clear_error (&error);

  g_setenv ("ROBOFLOW_CONFIG_DIR", "/dev/null", TRUE);
  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "is not a regular file"));

  environment_restore ();
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("Every file is readable to root");
      return;
    }

  environment_save ();

  dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  path = write_login (dir, "config.json", acme_login, -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);

  g_assert_null (salvage_cli_config_load (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "could not be read"));

  environment_restore ();
  g_unlink (path);
  g_rmdir (dir);
}

/* The file is the CLI's: reading it changes nothing in it. */
static void
test_load_leaves_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  g_autofree char *path = write_login (dir, "config.json", acme_login, -1);
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GStatBuf before_info;
  GStatBuf after_info;

  environment_save ();

  g_assert_cmpint (g_chmod (path, 0400), ==, 0);
  g_assert_cmpint (g_stat (path, &before_info), ==, 0);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);
  g_setenv ("ROBOFLOW_API_KEY", KEY_ENV, TRUE);
  g_setenv ("RF_WORKSPACE", "other-ws", TRUE);

  config = salvage_cli_config_load (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (config), ==, 2);

  g_file_get_contents (path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, acme_login);
  g_assert_cmpint (g_stat (path, &after_info), ==, 0);
  g_assert_cmpint (after_info.st_mode, ==, before_info.st_mode);
  g_assert_cmpint (after_info.st_mtime, ==, before_info.st_mtime);
  g_assert_cmpint (after_info.st_size, ==, before_info.st_size);

  environment_restore ();
  g_unlink (path);
  g_rmdir (dir);
}

static void
load_cb (GObject      *source_object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **result_out = user_data;

  g_assert_null (source_object);
  *result_out = g_object_ref (result);
}

static SalvageCliConfig *
load_and_wait (GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_cli_config_load_async (cancellable, load_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return salvage_cli_config_load_finish (result, error);
}

static void
test_load_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("salvage-cli-XXXXXX", NULL);
  g_autofree char *path = write_login (dir, "config.json", acme_login, -1);
  g_autofree char *absent = g_build_filename (dir, "absent.json", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  environment_save ();
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);
  g_setenv ("API_URL", "http://127.0.0.1:8080", TRUE);

  config = load_and_wait (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_cli_config_get_path (config), ==, path);
  g_assert_cmpstr (salvage_cli_config_get_api_url (config), ==, "http://127.0.0.1:8080");
  g_assert_cmpuint (salvage_cli_config_get_n_workspaces (config), ==, 1);
  g_assert_cmpstr (salvage_cli_config_get_workspace_name (config, 0), ==, "Acme Vision");
  g_assert_cmpstr (salvage_cli_config_get_api_key (config, 0), ==, KEY_ACME);
  g_assert_cmpint (salvage_cli_config_get_default_index (config), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&config));

  g_setenv ("ROBOFLOW_CONFIG_DIR", absent, TRUE);
  g_assert_null (load_and_wait (NULL, &error));
  g_assert_error (error, SALVAGE_CLI_CONFIG_ERROR, SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "absent.json"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_null (load_and_wait (cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  environment_restore ();
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("salvage-cli-home-XXXXXX", NULL);
  int status;

  /* A HOME of our own, set before anything asks GLib for it: the default
   * file is found through it, and nobody's real login is ever read. */
  g_assert_nonnull (home);
  g_setenv ("HOME", home, TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (variables); i++)
    g_unsetenv (variables[i]);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-config/parse/table", test_parse_table);
  g_test_add_func ("/cli-config/parse/deep", test_parse_deep);
  g_test_add_func ("/cli-config/parse/too-large", test_parse_too_large);
  g_test_add_func ("/cli-config/parse/too-wide", test_parse_too_wide);
  g_test_add_func ("/cli-config/load/missing", test_load_missing);
  g_test_add_func ("/cli-config/load/config-dir-names-the-file",
                   test_load_config_dir_names_the_file);
  g_test_add_func ("/cli-config/load/home", test_load_home);
  g_test_add_func ("/cli-config/load/size-limit", test_load_size_limit);
  g_test_add_func ("/cli-config/load/not-a-file", test_load_not_a_file);
  g_test_add_func ("/cli-config/load/unreadable", test_load_unreadable);
  g_test_add_func ("/cli-config/load/leaves-file", test_load_leaves_file);
  g_test_add_func ("/cli-config/load/async", test_load_async);

  status = g_test_run ();
  g_rmdir (home);

  return status;
}
