/* fuzz-parse.c - libFuzzer targets for every parser of untrusted data
 *
 * One source, built once per target with FUZZ_TARGET naming the parser, so
 * that each target has its own corpus and coverage. The trash target runs
 * the Trash's own reader over the bytes, whole and while they arrive; the workspace, project, workflows,
 * trainings, error and small targets run json-glib behind its guard; the
 * cli-config target runs the reader of the CLI's login file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "salvage-cli-config.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_trash      1
#define FUZZ_workspace  2
#define FUZZ_project    3
#define FUZZ_workflows  4
#define FUZZ_trainings  5
#define FUZZ_error      6
#define FUZZ_small      7
#define FUZZ_cli_config 8

#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)
#define TARGET CONCAT(FUZZ_, FUZZ_TARGET)

G_GNUC_UNUSED static void
drop_array (GPtrArray *array)
{
  g_clear_pointer (&array, g_ptr_array_unref);
}

#if TARGET == FUZZ_trash

typedef struct
{
  const uint8_t   *data;
  size_t           size;
  SalvageBodyFeed *feed;
} FuzzWriter;

static gpointer
fuzz_writer_thread (gpointer user_data)
{
  FuzzWriter *writer = user_data;

  for (size_t at = 0; at < writer->size;)
    {
      gsize room;
      guint8 *into = salvage_body_feed_get_room (writer->feed, &room);
      size_t n = MIN (MIN ((size_t) 13, writer->size - at), room);

      memcpy (into, writer->data + at, n);
      salvage_body_feed_commit (writer->feed, n);
      at += n;
    }

  salvage_body_feed_finish (writer->feed);
  return NULL;
}

/* The listing read while the body arrives, shown to the reader a few
 * bytes more at each wait. */
static SalvageTrashListing *
parse_fed (const uint8_t  *data,
           size_t          size,
           GError        **error)
{
  g_autoptr(SalvageBodyFeed) feed = salvage_body_feed_new (size + 1);
  FuzzWriter writer = { data, size, feed };
  SalvageTrashListing *listing;
  GThread *thread;

  salvage_body_feed_set_step (feed, size > 0 ? 1 + data[size / 2] % 11 : 1);
  thread = g_thread_new ("fuzz-writer", fuzz_writer_thread, &writer);
  listing = salvage_parse_trash_listing_from_feed (feed, error);
  g_thread_join (thread);

  return listing;
}

#endif

#if TARGET == FUZZ_cli_config

#define FUZZ_ENV_KEY "fuzzKey7Qm2Xv9Lp4Rt8"

static gboolean
is_text (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL);
}

/* Whether @text repeats @key. Keys shorter than four bytes are too short to
 * keep out of words, and one with a star could be made by the redaction. */
static gboolean
repeats_key (const char *text,
             const char *key)
{
  return key != NULL && strlen (key) >= 4 && strchr (key, '*') == NULL &&
         strstr (text, key) != NULL;
}

static void
check_cli_config (SalvageCliConfig *config,
                  GError           *error,
                  const char       *env_api_key,
                  const char       *env_api_url)
{
  const char * const *problems;
  guint n;
  int default_index;
  guint n_keys = 0;

  if ((config == NULL) == (error == NULL))
    __builtin_trap ();

  if (config == NULL)
    {
      /* With ROBOFLOW_API_KEY there is always a login, whatever the file. */
      if (env_api_key != NULL || error->domain != SALVAGE_CLI_CONFIG_ERROR ||
          !is_text (error->message))
        __builtin_trap ();
      return;
    }

  if (!is_text (salvage_cli_config_get_api_url (config)) ||
      (env_api_url != NULL && strcmp (salvage_cli_config_get_api_url (config), env_api_url) != 0))
    __builtin_trap ();

  n = salvage_cli_config_get_n_workspaces (config);
  default_index = salvage_cli_config_get_default_index (config);
  if (n == 0 || default_index < -1 || default_index >= (int) n)
    __builtin_trap ();
  if (default_index >= 0 &&
      g_strcmp0 (salvage_cli_config_get_workspace_url (config, default_index),
                 salvage_cli_config_get_default_workspace (config)) != 0)
    __builtin_trap ();
  if (salvage_cli_config_get_key_from_env (config) != (env_api_key != NULL))
    __builtin_trap ();

  problems = salvage_cli_config_get_problems (config);
  if (problems == NULL)
    __builtin_trap ();
  for (guint j = 0; problems[j] != NULL; j++)
    {
      if (!is_text (problems[j]) || repeats_key (problems[j], env_api_key))
        __builtin_trap ();
    }

  for (guint i = 0; i < n; i++)
    {
      const char *url = salvage_cli_config_get_workspace_url (config, i);
      const char *name = salvage_cli_config_get_workspace_name (config, i);
      const char *key = salvage_cli_config_get_api_key (config, i);

      /* Only the workspace of a bare ROBOFLOW_API_KEY has no url. */
      if (url == NULL && (env_api_key == NULL || n != 1))
        __builtin_trap ();
      if ((url != NULL && (!is_text (url) || url[0] == '\0' || !is_text (name))) ||
          (url == NULL && name != NULL))
        __builtin_trap ();
      if (env_api_key != NULL && g_strcmp0 (key, env_api_key) != 0)
        __builtin_trap ();
      if (key == NULL)
        continue;

      n_keys++;
      if (!is_text (key) || key[0] == '\0')
        __builtin_trap ();
      for (guint j = 0; problems[j] != NULL; j++)
        {
          if (repeats_key (problems[j], key))
            __builtin_trap ();
        }
    }

  if (n_keys == 0)
    __builtin_trap ();
}

#endif

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  G_GNUC_UNUSED g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  G_GNUC_UNUSED g_autoptr(GError) error = NULL;

#if TARGET == FUZZ_trash
  {
    g_autoptr(GPtrArray) items = salvage_parse_trash (bytes, &error);

    /* Every object handed out must be complete enough to show and to key. */
    for (guint i = 0; items != NULL && i < items->len; i++)
      {
        SalvageTrashItem *item = g_ptr_array_index (items, i);
        g_autofree char *key = salvage_trash_item_dup_key (item);

        if (salvage_trash_item_get_name (item) == NULL || key == NULL)
          __builtin_trap ();
      }
    if ((items == NULL) == (error == NULL))
      __builtin_trap ();

    /* Read in one pass or in two, the same body gives the same items or
     * the same error. */
    {
      g_autoptr(GError) other_error = NULL;
      g_autoptr(GPtrArray) others = salvage_parse_trash_two_pass (bytes, &other_error);

      if ((items == NULL) != (others == NULL) ||
          (error != NULL && (!g_error_matches (other_error, error->domain, error->code) ||
                             g_strcmp0 (error->message, other_error->message) != 0)) ||
          (items != NULL && items->len != others->len))
        __builtin_trap ();
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          if (!salvage_trash_item_equal (g_ptr_array_index (items, i), g_ptr_array_index (others, i)))
            __builtin_trap ();
        }
    }

    /* Read while it arrives, it gives the same again. */
    {
      g_autoptr(GError) fed_error = NULL;
      g_autoptr(SalvageTrashListing) listing = parse_fed (data, size, &fed_error);

      if ((items == NULL) != (listing == NULL) ||
          (error != NULL && (!g_error_matches (fed_error, error->domain, error->code) ||
                             g_strcmp0 (error->message, fed_error->message) != 0)) ||
          (items != NULL && items->len != salvage_trash_listing_get_n_records (listing)))
        __builtin_trap ();
      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          g_autoptr(SalvageTrashItem) item = salvage_trash_listing_make_item (listing, i);

          if (!salvage_trash_item_equal (g_ptr_array_index (items, i), item))
            __builtin_trap ();
        }
    }
  }
#elif TARGET == FUZZ_workspace
  {
    g_autofree char *name = NULL;
    GPtrArray *projects = salvage_parse_workspace (bytes, &name, &error);

    if ((projects == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (projects);
  }
#elif TARGET == FUZZ_project
  {
    g_autoptr(SalvageProject) project = NULL;
    GPtrArray *versions = salvage_parse_project (bytes, "fuzz", &project, &error);

    if ((versions == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (versions);
  }
#elif TARGET == FUZZ_workflows
  {
    GPtrArray *workflows = salvage_parse_workflows (bytes, &error);

    if ((workflows == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (workflows);
  }
#elif TARGET == FUZZ_trainings
  {
    GPtrArray *trainings = salvage_parse_trainings (bytes, "fuzz", "1", &error);

    if ((trainings == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (trainings);
  }
#elif TARGET == FUZZ_error
  {
    g_autofree char *message = salvage_parse_error_message (bytes);

    if (message != NULL && !g_utf8_validate (message, -1, NULL))
      __builtin_trap ();
  }
#elif TARGET == FUZZ_small
  {
    /* The small answers: key check, delete, restore, and a date. */
    G_GNUC_UNUSED g_autofree char *workspace = salvage_parse_key_check (bytes, NULL);
    g_autofree char *trash_id = NULL;
    g_autofree char *parent_id = NULL;
    g_autofree char *alias_action = NULL;
    g_autofree char *alias_target = NULL;
    g_autofree char *text = g_strndup ((const char *) data, size);
    G_GNUC_UNUSED g_autoptr(GDateTime) date = salvage_parse_date_string (text);

    salvage_parse_delete (bytes, &trash_id, &parent_id, &alias_action, &alias_target, NULL);
    salvage_parse_restore (bytes, NULL);
  }
#elif TARGET == FUZZ_cli_config
  {
    /* The CLI's login file, read alone and then with the environment
     * variables that change how it is read. */
    g_autoptr(SalvageCliConfig) config = NULL;
    g_autoptr(SalvageCliConfig) with_env = NULL;
    g_autoptr(GError) env_error = NULL;

    config = salvage_cli_config_parse ((const char *) data, size, NULL, NULL, NULL, &error);
    check_cli_config (config, error, NULL, NULL);

    with_env = salvage_cli_config_parse ((const char *) data, size, FUZZ_ENV_KEY, "fuzz-ws",
                                         "http://127.0.0.1:1", &env_error);
    check_cli_config (with_env, env_error, FUZZ_ENV_KEY, "http://127.0.0.1:1");
  }
#else
# error "FUZZ_TARGET names no known parser"
#endif

  return 0;
}
