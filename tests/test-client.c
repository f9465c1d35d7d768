/* test-client.c - SalvageClient against the stand-in server, a raw SoupServer and a faulty one, over 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include <libsoup/soup.h>

#include "salvage-client.h"
#include "salvage-parse.h"
#include "salvage-server.h"
#include "salvage-server-fault.h"
#include "salvage-workspace.h"

/* A key with characters that must be escaped in a query string. */
#define TEST_KEY       "rf+Key/Secret=42xQ"
#define TEST_KEY_QUERY "rf%2BKey%2FSecret%3D42xQ"
#define OTHER_KEY      "wrong-key-Zt81pQ"
#define TEST_WS        "acme"

/* Every log record of the whole run, to prove none of them holds the key. */
static GMutex     log_lock;
static GPtrArray *log_records;

static GLogWriterOutput
record_log_writer (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        g_ptr_array_add (log_records,
                         fields[i].length < 0 ?
                         g_strdup (fields[i].value) :
                         g_strndup (fields[i].value, fields[i].length));
    }
  g_mutex_unlock (&log_lock);

  /* Debug output would only clutter the TAP stream. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static GLogFunc default_log_handler;

/* Messages of g_log() reach this handler, not the writer, once GTest has
 * installed its own: record them too. */
static void
record_log_handler (const char     *log_domain,
                    GLogLevelFlags  log_level,
                    const char     *message,
                    gpointer        user_data)
{
  g_mutex_lock (&log_lock);
  g_ptr_array_add (log_records, g_strdup (message));
  g_mutex_unlock (&log_lock);

  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO))
    return;

  default_log_handler (log_domain, log_level, message, user_data);
}

static void
assert_no_key (const char *text)
{
  g_assert_null (strstr (text, TEST_KEY));
  g_assert_null (strstr (text, TEST_KEY_QUERY));
  g_assert_null (strstr (text, OTHER_KEY));
}

/* Checks the error and that its message never carries a key. */
static void
assert_error (const GError *error,
              GQuark        domain,
              int           code)
{
  g_assert_error (error, domain, code);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  assert_no_key (error->message);
}

/* Async plumbing */

static gboolean
test_deadline_cb (gpointer user_data)
{
  g_error ("an operation did not finish in time");
  return G_SOURCE_REMOVE;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Spins the main context until the callback has stored a result. */
static GAsyncResult *
await_result (GAsyncResult **slot)
{
  guint guard = g_timeout_add_seconds (30, test_deadline_cb, NULL);

  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (guard);
  return *slot;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

static void
iterate_briefly (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Spins the main context until a log record holds @words. */
static void
await_log (const char *words)
{
  guint guard = g_timeout_add_seconds (30, test_deadline_cb, NULL);
  gboolean found = FALSE;

  while (!found)
    {
      g_main_context_iteration (NULL, TRUE);

      g_mutex_lock (&log_lock);
      for (guint i = 0; i < log_records->len && !found; i++)
        found = strstr (g_ptr_array_index (log_records, i), words) != NULL;
      g_mutex_unlock (&log_lock);
    }

  g_source_remove (guard);
}

/* The stand-in server */

typedef struct
{
  SalvageServer *server;
  SalvageClient *client;
  const char    *project_id;
  const char    *training_id;
  const char    *workflow_id;
} Fixture;

static void
fixture_init (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  fx->server = salvage_server_new ();
  g_assert_true (salvage_server_listen (fx->server, 0, &error));
  g_assert_no_error (error);

  salvage_server_add_workspace (fx->server, TEST_WS, "Acme Vision");
  salvage_server_add_key (fx->server, TEST_KEY, TEST_WS);

  fx->project_id = salvage_server_add_project (fx->server, TEST_WS, "hard-hats", "Hard Hats",
                                               "object-detection", 120);
  g_assert_nonnull (fx->project_id);
  g_assert_nonnull (salvage_server_add_project (fx->server, TEST_WS, "forklifts", "Forklifts",
                                                "instance-segmentation", 45));
  g_assert_nonnull (salvage_server_add_version (fx->server, TEST_WS, "hard-hats", 1, "raw", 100));
  g_assert_nonnull (salvage_server_add_version (fx->server, TEST_WS, "hard-hats", 3, "augmented", 240));
  g_assert_nonnull (salvage_server_add_version (fx->server, TEST_WS, "hard-hats", 2, "resized", 100));
  g_assert_nonnull (salvage_server_add_version (fx->server, TEST_WS, "forklifts", 1, "raw", 45));
  fx->training_id = salvage_server_add_training (fx->server, TEST_WS, "hard-hats", 3,
                                                 "finished", "rfdetr-base");
  g_assert_nonnull (fx->training_id);
  g_assert_nonnull (salvage_server_add_training (fx->server, TEST_WS, "hard-hats", 3,
                                                 "finished", "yolov8n"));
  fx->workflow_id = salvage_server_add_workflow (fx->server, TEST_WS, "count-people", "Count People");
  g_assert_nonnull (fx->workflow_id);
  g_assert_nonnull (salvage_server_add_workflow (fx->server, TEST_WS, "slow-webhooks", "Slow Webhooks"));

  fx->client = salvage_client_new (salvage_server_get_url (fx->server), TEST_KEY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->client);
  salvage_client_set_workspace (fx->client, TEST_WS);
}

/* Drops the last reference to @object and checks it goes away. A task
 * that ran in a worker thread may let go of its source object a moment
 * after its callback ran, hence the wait. */
static void
assert_finalized (gpointer object)
{
  gpointer weak = object;
  gint64 end = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  g_object_add_weak_pointer (object, &weak);
  g_object_unref (object);

  while (weak != NULL && g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_assert_null (weak);
}

static void
fixture_clear (Fixture *fx)
{
  assert_finalized (fx->client);
  g_clear_object (&fx->server);
}

static GPtrArray *
list_trash (SalvageClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  salvage_client_list_trash_async (client, NULL, store_result_cb, &result);
  items = salvage_client_list_trash_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

static SalvageTrashItem *
find_trash_item (GPtrArray        *items,
                 SalvageTrashKind  kind,
                 const char       *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);

      if (salvage_trash_item_get_kind (item) == kind &&
          g_strcmp0 (salvage_trash_item_get_id (item), id) == 0)
        return item;
    }

  return NULL;
}

/* Masking and base URLs: no network */

static void
test_mask_key (void)
{
  static const struct {
    const char *key;
    const char *masked;
  } table[] = {
    { "", "****" },
    { "a", "****" },
    { "abcd", "****" },
    { "abcde", "ab*de" },
    { "abcdefgh", "ab****gh" },
    { "demo-key-7Hq2xK9mPz", "de***************Pz" },
    { "ééééé", "éé*éé" },
  };
  g_autoptr(SalvageClient) client = NULL;
  g_autofree char *masked = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autofree char *result = salvage_mask_key (table[i].key);

      g_assert_cmpstr (result, ==, table[i].masked);
    }

  client = salvage_client_new ("https://api.example.com", TEST_KEY, &error);
  g_assert_no_error (error);
  masked = salvage_client_dup_masked_key (client);
  g_assert_cmpstr (masked, ==, "rf**************xQ");
}

static void
test_base_url (void)
{
  static const struct {
    const char *url;
    gboolean    ok;
  } table[] = {
    { "https://api.roboflow.com", TRUE },
    { "https://localapi.roboflow.one/", TRUE },
    { "HTTPS://API.ROBOFLOW.COM", TRUE },
    { "http://127.0.0.1:8080", TRUE },
    { "http://127.1.2.3", TRUE },
    { "http://[::1]:9000", TRUE },
    { "http://localhost:3000", TRUE },
    { "http://LOCALHOST", TRUE },
    { "http://example.com", FALSE },
    { "http://api.roboflow.com", FALSE },
    { "http://128.0.0.1", FALSE },
    { "http://localhost.example.com", FALSE },
    { "ftp://127.0.0.1", FALSE },
    { "ftp://api.roboflow.com", FALSE },
    { "https://", FALSE },
    { "https:///path", FALSE },
    { "not a url", FALSE },
    { "api.roboflow.com", FALSE },
    { "https://api.roboflow.com/?x=1", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SalvageClient) client = NULL;
      gboolean ok;

      g_test_message ("base URL '%s'", table[i].url);

      ok = salvage_client_check_base_url (table[i].url, &error);
      g_assert_cmpint (ok, ==, table[i].ok);

      g_clear_error (&error);
      client = salvage_client_new (table[i].url, TEST_KEY, &error);
      if (table[i].ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (client);
          g_assert_false (g_str_has_suffix (salvage_client_get_base_url (client), "/"));
        }
      else
        {
          assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL);
          g_assert_null (client);
        }
    }
}

static void
test_base_url_normalised (void)
{
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GParamSpec *pspec;

  client = salvage_client_new ("https://api.example.com/v1///", TEST_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_client_get_base_url (client), ==, "https://api.example.com/v1");
  g_assert_cmpuint (salvage_client_get_timeout (client), ==, 30);
  g_assert_null (salvage_client_get_workspace (client));

  /* Nothing that reads properties can read the key back. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (client), "api-key");
  g_assert_nonnull (pspec);
  g_assert_false (pspec->flags & G_PARAM_READABLE);

  g_clear_object (&client);
  client = salvage_client_new ("https://api.example.com", "", &error);
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_null (client);
}

static void
test_api_url_env (void)
{
  Fixture fx = { 0 };
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;

  fixture_init (&fx);

  g_setenv ("API_URL", "", TRUE);
  g_assert_cmpstr (salvage_client_default_base_url (), ==, SALVAGE_DEFAULT_API_URL);
  g_unsetenv ("API_URL");
  g_assert_cmpstr (salvage_client_default_base_url (), ==, SALVAGE_DEFAULT_API_URL);

  g_setenv ("API_URL", salvage_server_get_url (fx.server), TRUE);
  g_assert_cmpstr (salvage_client_default_base_url (), ==, salvage_server_get_url (fx.server));

  /* A client made without a URL talks to the server from the environment. */
  client = salvage_client_new (NULL, TEST_KEY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_client_get_base_url (client), ==, salvage_server_get_url (fx.server));

  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  workspace = salvage_client_validate_key_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (workspace, ==, TEST_WS);

  /* A refused URL in the environment is refused by the client too. */
  g_clear_object (&client);
  g_setenv ("API_URL", "http://example.com", TRUE);
  client = salvage_client_new (NULL, TEST_KEY, &error);
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL);
  g_assert_null (client);

  g_setenv ("API_URL", "", TRUE);
  g_clear_object (&result);
  fixture_clear (&fx);
}

/* Endpoints against the stand-in server */

static void
workspace_notify_cb (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_validate_key (void)
{
  Fixture fx = { 0 };
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  guint notified = 0;

  fixture_init (&fx);

  client = salvage_client_new (salvage_server_get_url (fx.server), TEST_KEY, &error);
  g_assert_no_error (error);
  g_signal_connect (client, "notify::workspace", G_CALLBACK (workspace_notify_cb), &notified);

  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  workspace = salvage_client_validate_key_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (workspace, ==, TEST_WS);
  g_assert_cmpstr (salvage_client_get_workspace (client), ==, TEST_WS);
  g_assert_cmpuint (notified, ==, 1);

  g_clear_object (&result);
  assert_finalized (g_steal_pointer (&client));
  fixture_clear (&fx);
}

static void
test_invalid_key (void)
{
  Fixture fx = { 0 };
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;

  fixture_init (&fx);

  client = salvage_client_new (salvage_server_get_url (fx.server), OTHER_KEY, &error);
  g_assert_no_error (error);

  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  workspace = salvage_client_validate_key_finish (client, await_result (&result), &error);
  g_assert_null (workspace);
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 401);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, -1);
  /* The server's own words reach the user. */
  g_assert_nonnull (strstr (error->message, "This API key does not exist"));
  g_assert_null (salvage_client_get_workspace (client));

  /* The same with a workspace set, on another endpoint. */
  g_clear_object (&result);
  g_clear_error (&error);
  salvage_client_set_workspace (client, TEST_WS);
  salvage_client_list_trash_async (client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_list_trash_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 401);

  g_clear_object (&result);
  assert_finalized (g_steal_pointer (&client));
  fixture_clear (&fx);
}

static void
test_no_workspace (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  fixture_init (&fx);
  salvage_client_set_workspace (fx.client, NULL);
  before = salvage_server_get_request_count (fx.server);

  salvage_client_get_workspace_async (fx.client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_get_workspace_finish (fx.client, await_result (&result), NULL, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 0);
  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before);

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_get_workspace (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *name = NULL;
  gboolean seen_hard_hats = FALSE;
  gboolean seen_forklifts = FALSE;

  fixture_init (&fx);

  salvage_client_get_workspace_async (fx.client, NULL, store_result_cb, &result);
  projects = salvage_client_get_workspace_finish (fx.client, await_result (&result), &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (projects);
  g_assert_cmpstr (name, ==, "Acme Vision");
  g_assert_cmpuint (projects->len, ==, 2);

  for (guint i = 0; i < projects->len; i++)
    {
      SalvageProject *project = g_ptr_array_index (projects, i);

      g_assert_true (SALVAGE_IS_PROJECT (project));
      if (g_strcmp0 (salvage_project_get_slug (project), "hard-hats") == 0)
        {
          seen_hard_hats = TRUE;
          g_assert_cmpstr (salvage_project_get_name (project), ==, "Hard Hats");
          g_assert_cmpstr (salvage_project_get_project_type (project), ==, "object-detection");
          g_assert_cmpint (salvage_project_get_images (project), ==, 120);
          g_assert_cmpint (salvage_project_get_version_count (project), ==, 3);
        }
      else if (g_strcmp0 (salvage_project_get_slug (project), "forklifts") == 0)
        seen_forklifts = TRUE;
    }

  g_assert_true (seen_hard_hats);
  g_assert_true (seen_forklifts);

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_get_project (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  fixture_init (&fx);

  salvage_client_get_project_async (fx.client, "hard-hats", NULL, store_result_cb, &result);
  versions = salvage_client_get_project_finish (fx.client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (versions);
  g_assert_cmpuint (versions->len, ==, 3);

  for (guint i = 0; i < versions->len; i++)
    {
      SalvageVersion *version = g_ptr_array_index (versions, i);

      g_assert_true (SALVAGE_IS_VERSION (version));
      g_assert_cmpstr (salvage_version_get_project_slug (version), ==, "hard-hats");
      if (i > 0)
        g_assert_cmpint (salvage_version_compare (g_ptr_array_index (versions, i - 1), version), <, 0);
    }

  /* An unknown project is a 404 with the cautious wording. */
  g_clear_object (&result);
  g_clear_pointer (&versions, g_ptr_array_unref);
  salvage_client_get_project_async (fx.client, "no-such-project", NULL, store_result_cb, &result);
  versions = salvage_client_get_project_finish (fx.client, await_result (&result), &error);
  g_assert_null (versions);
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 404);
  g_assert_nonnull (strstr (error->message, "Trash"));

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_list_trainings (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  gboolean seen = FALSE;

  fixture_init (&fx);

  salvage_client_list_trainings_async (fx.client, "hard-hats", "3", NULL, store_result_cb, &result);
  trainings = salvage_client_list_trainings_finish (fx.client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (trainings);
  g_assert_cmpuint (trainings->len, ==, 2);

  for (guint i = 0; i < trainings->len; i++)
    {
      SalvageTraining *training = g_ptr_array_index (trainings, i);

      g_assert_true (SALVAGE_IS_TRAINING (training));
      g_assert_cmpstr (salvage_training_get_project_slug (training), ==, "hard-hats");
      g_assert_cmpstr (salvage_training_get_version_number (training), ==, "3");
      if (g_strcmp0 (salvage_training_get_id (training), fx.training_id) == 0)
        {
          seen = TRUE;
          g_assert_cmpstr (salvage_training_get_status (training), ==, "finished");
        }
    }
  g_assert_true (seen);

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_list_workflows (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) workflows = NULL;
  gboolean seen = FALSE;

  fixture_init (&fx);

  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  workflows = salvage_client_list_workflows_finish (fx.client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (workflows);
  g_assert_cmpuint (workflows->len, ==, 2);

  for (guint i = 0; i < workflows->len; i++)
    {
      SalvageWorkflow *workflow = g_ptr_array_index (workflows, i);

      g_assert_true (SALVAGE_IS_WORKFLOW (workflow));
      if (g_strcmp0 (salvage_workflow_get_url (workflow), "count-people") == 0)
        {
          seen = TRUE;
          g_assert_cmpstr (salvage_workflow_get_name (workflow), ==, "Count People");
        }
    }
  g_assert_true (seen);

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_list_trash (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  SalvageTrashItem *item;
  gint64 now = g_get_real_time ();

  fixture_init (&fx);

  items = list_trash (fx.client);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "project", "forklifts",
                                       now - 2 * G_TIME_SPAN_DAY, "Alice"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "version", "hard-hats/2",
                                       now - G_TIME_SPAN_DAY, "Bob"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "workflow", "slow-webhooks",
                                       now - G_TIME_SPAN_HOUR, "Carol"));

  items = list_trash (fx.client);
  g_assert_cmpuint (items->len, ==, 3);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_VERSION, "2");
  g_assert_nonnull (item);
  g_assert_cmpstr (salvage_trash_item_get_parent_url (item), ==, "hard-hats");
  g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, fx.project_id);
  g_assert_cmpstr (salvage_trash_item_get_deleter (item), ==, "Bob");
  g_assert_true (salvage_trash_item_get_restorable (item));
  g_assert_nonnull (salvage_trash_item_get_scheduled_cleanup_at (item));

  for (guint i = 0; i < items->len; i++)
    {
      item = g_ptr_array_index (items, i);
      if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_PROJECT)
        {
          g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "forklifts");
          g_assert_cmpstr (salvage_trash_item_get_deleter (item), ==, "Alice");
        }
      else if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_WORKFLOW)
        {
          g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "slow-webhooks");
        }
    }

  fixture_clear (&fx);
}

/* Deletes */

typedef enum
{
  DELETE_PROJECT,
  DELETE_VERSION,
  DELETE_TRAINING,
  DELETE_WORKFLOW,
} DeleteKind;

static gboolean
run_delete (SalvageClient  *client,
            DeleteKind      kind,
            const char     *a,
            const char     *b,
            const char     *c,
            SalvageDeleteReply *reply,
            GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  /* Not a boolean: proves the finish function wrote it. */
  reply->already_in_trash = 0xbad;
  reply->trash_id = reply->parent_id = NULL;

  switch (kind)
    {
    case DELETE_PROJECT:
      salvage_client_delete_project_async (client, a, NULL, store_result_cb, &result);
      return salvage_client_delete_project_finish (client, await_result (&result),
                                                   reply, error);

    case DELETE_VERSION:
      salvage_client_delete_version_async (client, a, b, NULL, store_result_cb, &result);
      return salvage_client_delete_version_finish (client, await_result (&result),
                                                   reply, error);

    case DELETE_TRAINING:
      salvage_client_delete_training_async (client, a, b, c, NULL, store_result_cb, &result);
      return salvage_client_delete_training_finish (client, await_result (&result),
                                                    reply, error);

    case DELETE_WORKFLOW:
      salvage_client_delete_workflow_async (client, a, NULL, store_result_cb, &result);
      return salvage_client_delete_workflow_finish (client, await_result (&result),
                                                    reply, error);

    default:
      g_assert_not_reached ();
    }
}

static void
test_delete_twice (void)
{
  Fixture fx = { 0 };
  struct {
    DeleteKind  kind;
    const char *server_kind;
    const char *a;
    const char *b;
    gboolean    with_training;
    const char *path;
  } table[] = {
    { DELETE_TRAINING, "training", "hard-hats", "3", TRUE, NULL },
    { DELETE_VERSION, "version", "hard-hats", "1", FALSE, "hard-hats/1" },
    { DELETE_WORKFLOW, "workflow", "count-people", NULL, FALSE, "count-people" },
    { DELETE_PROJECT, "project", "forklifts", NULL, FALSE, "forklifts" },
  };

  fixture_init (&fx);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *training_path = NULL;
      const char *path = table[i].path;
      const char *c = table[i].with_training ? fx.training_id : NULL;
      g_auto(SalvageDeleteReply) first = { 0, };
      g_auto(SalvageDeleteReply) second = { 0, };
      g_autoptr(GPtrArray) trash = NULL;
      SalvageTrashItem *entry = NULL;

      if (table[i].with_training)
        path = training_path = g_strdup_printf ("hard-hats/3/%s", fx.training_id);

      g_test_message ("delete %s %s", table[i].server_kind, path);
      g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, table[i].server_kind, path),
                       ==, SALVAGE_SERVER_ITEM_LIVE);

      g_assert_true (run_delete (fx.client, table[i].kind, table[i].a, table[i].b, c, &first, &error));
      g_assert_no_error (error);
      g_assert_false (first.already_in_trash);
      g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, table[i].server_kind, path),
                       ==, SALVAGE_SERVER_ITEM_TRASHED);

      /* The answer names the Trash entry it made (and a version's project). */
      trash = list_trash (fx.client);
      for (guint j = 0; j < trash->len; j++)
        {
          SalvageTrashItem *item = g_ptr_array_index (trash, j);
          const char *id = salvage_trash_item_get_id (item);

          if (g_strcmp0 (salvage_trash_item_get_type_name (item), table[i].server_kind) != 0)
            continue;
          if ((table[i].kind == DELETE_TRAINING && g_strcmp0 (id, c) == 0) ||
              (table[i].kind == DELETE_VERSION && g_strcmp0 (id, table[i].b) == 0 &&
               g_strcmp0 (salvage_trash_item_get_parent_url (item), table[i].a) == 0) ||
              ((table[i].kind == DELETE_PROJECT || table[i].kind == DELETE_WORKFLOW) &&
               g_strcmp0 (salvage_trash_item_get_url (item), table[i].a) == 0))
            entry = item;
        }
      g_assert_nonnull (entry);
      g_assert_cmpstr (first.trash_id, ==, salvage_trash_item_get_id (entry));
      if (table[i].kind == DELETE_VERSION)
        g_assert_cmpstr (first.parent_id, ==, salvage_trash_item_get_parent_id (entry));
      else
        g_assert_null (first.parent_id);

      /* The server answers 404 to the second delete; the client finds the
       * item in the Trash and reports success. */
      g_assert_true (run_delete (fx.client, table[i].kind, table[i].a, table[i].b, c, &second, &error));
      g_assert_no_error (error);
      g_assert_cmpint (second.already_in_trash, ==, TRUE);
      g_assert_cmpstr (second.trash_id, ==, salvage_trash_item_get_id (entry));
    }

  fixture_clear (&fx);
}

static void
test_delete_missing (void)
{
  Fixture fx = { 0 };

  fixture_init (&fx);

  /* Something with the same number but another project is in the Trash:
   * it must not be taken for the version asked for. */
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "version", "forklifts/1",
                                       g_get_real_time (), "Alice"));

  for (DeleteKind kind = DELETE_PROJECT; kind <= DELETE_WORKFLOW; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(SalvageDeleteReply) reply = { 0, };

      g_assert_false (run_delete (fx.client, kind, "never-existed", "1", "t_never", &reply, &error));
      assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
      g_assert_cmpuint (salvage_error_get_status (error), ==, 404);
      g_assert_false (reply.already_in_trash);
      g_assert_null (reply.trash_id);
    }

  {
    g_autoptr(GError) error = NULL;
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_false (run_delete (fx.client, DELETE_VERSION, "hard-hats", "7", NULL, &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  }

  fixture_clear (&fx);
}

/* Settles the one rule that says which Trash entry a delete names, for
 * workflows (salvage_delete_target_matches(), used after a 404 and by the
 * workspace). ROBOFLOW_API.md §3.5 (step 3) has the CLI match a workflow by
 * url or id, because the CLI's argument may be either (§2.9; §5, quirk 27).
 * This client always deletes a workflow by url, and §2.10 makes the url the
 * lookup key for a re-delete: so the url decides, and a url that happens to
 * be another workflow's Trash id is not taken for that workflow. */
static void
test_delete_workflow_by_url (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) trash = NULL;
  SalvageTrashItem *entry;

  fixture_init (&fx);
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "workflow", "count-people",
                                       g_get_real_time (), "Alice"));

  /* Its url: the 404 means it is in the Trash already. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_true (run_delete (fx.client, DELETE_WORKFLOW, "count-people", NULL, NULL,
                               &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpint (reply.already_in_trash, ==, TRUE);
    g_assert_cmpstr (reply.trash_id, ==, fx.workflow_id);
  }

  /* Its Trash id, sent as a url, names no workflow: the 404 stands. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_false (run_delete (fx.client, DELETE_WORKFLOW, fx.workflow_id, NULL, NULL,
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
    g_assert_false (reply.already_in_trash);
    g_assert_null (reply.trash_id);
  }

  /* The same rule the workspace uses to find the entry a delete made. */
  trash = list_trash (fx.client);
  entry = find_trash_item (trash, SALVAGE_TRASH_KIND_WORKFLOW, fx.workflow_id);
  g_assert_nonnull (entry);
  g_assert_true (salvage_delete_target_matches (&(SalvageDeleteTarget) {
                                                  .kind = SALVAGE_TRASH_KIND_WORKFLOW,
                                                  .workflow_url = "count-people",
                                                },
                                                NULL, entry));
  g_assert_false (salvage_delete_target_matches (&(SalvageDeleteTarget) {
                                                   .kind = SALVAGE_TRASH_KIND_WORKFLOW,
                                                   .workflow_url = fx.workflow_id,
                                                 },
                                                 NULL, entry));

  fixture_clear (&fx);
}

static void
test_delete_refuses_segments (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { 0, };
  guint before;

  fixture_init (&fx);

  /* Empty and dot segments are refused before any request. */
  before = salvage_server_get_request_count (fx.server);
  g_assert_false (run_delete (fx.client, DELETE_PROJECT, "..", NULL, NULL, &reply, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_clear_error (&error);
  g_assert_false (run_delete (fx.client, DELETE_VERSION, "hard-hats", "", NULL, &reply, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before);

  fixture_clear (&fx);
}

/* Restores */

static gboolean
run_restore (SalvageClient     *client,
             SalvageTrashItem  *item,
             GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_client_restore_async (client, item, NULL, store_result_cb, &result);
  return salvage_client_restore_finish (client, await_result (&result), error);
}

static void
test_restore (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *training_path = NULL;
  SalvageTrashItem *item;
  gint64 now = g_get_real_time ();

  fixture_init (&fx);
  training_path = g_strdup_printf ("hard-hats/3/%s", fx.training_id);

  /* The training first: once its project is gone it cannot be reached. */
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "training", training_path, now, "Bob"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "project", "hard-hats", now, "Alice"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "workflow", "count-people", now, "Alice"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "version", "forklifts/1", now, "Bob"));
  items = list_trash (fx.client);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_PROJECT, fx.project_id);
  g_assert_nonnull (item);
  g_assert_true (run_restore (fx.client, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);

  /* Restoring it again: it is no longer in the Trash, and the message says
   * so, with the server's words, rather than that it may be there. */
  g_assert_false (run_restore (fx.client, item, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 404);
  g_assert_true (g_str_has_prefix (error->message, "It is no longer in the Trash"));
  g_assert_null (strstr (error->message, "may already be in the Trash"));
  g_assert_nonnull (salvage_error_get_reason (error));
  g_assert_nonnull (strstr (error->message, salvage_error_get_reason (error)));
  g_clear_error (&error);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_WORKFLOW, fx.workflow_id);
  g_assert_nonnull (item);
  g_assert_true (run_restore (fx.client, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "workflow", "count-people"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_VERSION, "1");
  g_assert_nonnull (item);
  g_assert_true (run_restore (fx.client, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "version", "forklifts/1"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_TRAINING, fx.training_id);
  g_assert_nonnull (item);
  g_assert_true (run_restore (fx.client, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "training", training_path),
                   ==, SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&fx);
}

static void
test_restore_version_conflict (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  SalvageTrashItem *item;
  gint64 now = g_get_real_time ();

  fixture_init (&fx);

  /* The version went first, then its project. */
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "version", "hard-hats/2",
                                       now - G_TIME_SPAN_HOUR, "Bob"));
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "project", "hard-hats", now, "Alice"));
  items = list_trash (fx.client);

  item = find_trash_item (items, SALVAGE_TRASH_KIND_VERSION, "2");
  g_assert_nonnull (item);
  g_assert_false (run_restore (fx.client, item, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 409);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "version", "hard-hats/2"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);
  g_clear_error (&error);

  /* Parent first, then the version comes back. */
  g_assert_true (run_restore (fx.client, find_trash_item (items, SALVAGE_TRASH_KIND_PROJECT, fx.project_id),
                              &error));
  g_assert_no_error (error);
  g_assert_true (run_restore (fx.client, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "version", "hard-hats/2"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&fx);
}

static void
test_restore_refused_locally (void)
{
  Fixture fx = { 0 };
  g_autoptr(SalvageTrashItem) orphan = NULL;
  g_autoptr(SalvageTrashItem) unknown = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  fixture_init (&fx);
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "version", "hard-hats/2",
                                       g_get_real_time (), "Bob"));
  before = salvage_server_get_request_count (fx.server);

  orphan = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                         "kind", SALVAGE_TRASH_KIND_VERSION,
                         "type-name", "version",
                         "id", "2",
                         "parent-url", "hard-hats",
                         NULL);
  g_assert_true (salvage_trash_item_get_restorable (orphan));
  g_assert_false (run_restore (fx.client, orphan, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  unknown = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                          "kind", SALVAGE_TRASH_KIND_OTHER,
                          "type-name", "deployment",
                          "id", "dep_1",
                          NULL);
  g_assert_false (salvage_trash_item_get_restorable (unknown));
  g_assert_false (run_restore (fx.client, unknown, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);

  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "version", "hard-hats/2"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);

  fixture_clear (&fx);
}

/* Training runs, in either design of their routes (ROBOFLOW_API.md §2.15). */

static char *
training_path (const char *id)
{
  return g_strdup_printf ("hard-hats/3/%s", id);
}

static SalvageServerItemState
training_state (Fixture    *fx,
                const char *id)
{
  g_autofree char *path = training_path (id);

  return salvage_server_get_item_state (fx->server, TEST_WS, "training", path);
}

/* The design the client tries first: one request per delete, and what
 * became of the version's alias comes with the answer. */
static void
test_training_delete_design (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  const char *newer;
  const char *running;
  guint before;

  fixture_init (&fx);
  salvage_server_set_time (fx.server, g_get_real_time () + G_TIME_SPAN_MINUTE);
  newer = salvage_server_add_training (fx.server, TEST_WS, "hard-hats", 3, "finished", "yolov8m");
  running = salvage_server_add_training (fx.server, TEST_WS, "hard-hats", 3, "running", "yolov8s");
  g_assert_true (salvage_server_set_version_alias (fx.server, TEST_WS, "hard-hats", 3,
                                                   fx.training_id));
  g_assert_true (salvage_server_set_registered_model (fx.server, TEST_WS, "hard-hats", 3, newer));

  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    before = salvage_server_get_request_count (fx.server);
    g_assert_true (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", fx.training_id,
                               &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before + 1);
    g_assert_cmpstr (reply.trash_id, ==, fx.training_id);
    g_assert_cmpstr (reply.version_alias_action, ==, "repointed");
    g_assert_cmpstr (reply.version_alias_target, ==, newer);
    g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_TRASHED);
  }

  /* The refusals say what to do. */
  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_false (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", running,
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
    g_assert_cmpstr (error->message, ==,
                     "The training run is still running: stop or cancel it before moving it to "
                     "the Trash");
    g_assert_null (reply.version_alias_action);
    g_clear_error (&error);

    g_assert_false (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", newer,
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "register another model"));
    g_clear_error (&error);
    g_assert_cmpint (training_state (&fx, newer), ==, SALVAGE_SERVER_ITEM_LIVE);
  }

  /* Back through the shared restore, in one request. */
  trash = list_trash (fx.client);
  before = salvage_server_get_request_count (fx.server);
  g_assert_true (run_restore (fx.client,
                              find_trash_item (trash, SALVAGE_TRASH_KIND_TRAINING, fx.training_id),
                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before + 1);
  g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&fx);
}

/* A server of the other design: the DELETE route does not exist and the
 * shared restore refuses the type, so the POST forms are tried, once. */
static void
test_training_post_design (void)
{
  Fixture fx = { 0 };
  g_autoptr(GPtrArray) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) unplaced = NULL;
  g_autofree char *path = NULL;
  SalvageTrashItem *entry;
  const char *running;
  guint before;

  fixture_init (&fx);
  g_object_set (fx.server, "training-routes", SALVAGE_SERVER_TRAINING_ROUTES_POST, NULL);
  running = salvage_server_add_training (fx.server, TEST_WS, "hard-hats", 3, "running", "yolov8s");

  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    before = salvage_server_get_request_count (fx.server);
    g_assert_true (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", fx.training_id,
                               &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before + 2);
    g_assert_false (reply.already_in_trash);
    /* The empty answer names nothing. */
    g_assert_null (reply.trash_id);
    g_assert_null (reply.version_alias_action);
    g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_TRASHED);
  }

  /* Again: both forms meet a 404, and the Trash shows it is there. */
  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_true (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", fx.training_id,
                               &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpint (reply.already_in_trash, ==, TRUE);
    g_assert_cmpstr (reply.trash_id, ==, fx.training_id);
  }

  /* A refusal of the other form says what to do as well. */
  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_false (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", running,
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "stop or cancel it"));
    g_clear_error (&error);
  }

  /* Restored by the route of its own, after the shared one's 400. */
  trash = list_trash (fx.client);
  entry = find_trash_item (trash, SALVAGE_TRASH_KIND_TRAINING, fx.training_id);
  g_assert_nonnull (entry);
  before = salvage_server_get_request_count (fx.server);
  g_assert_true (run_restore (fx.client, entry, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before + 2);
  g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_LIVE);

  /* Gone from the Trash: the other form's 404 is what the user sees. */
  g_assert_false (run_restore (fx.client, entry, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* An entry that does not say its project and version cannot take the
   * other route: the shared restore's refusal stands. */
  path = training_path (fx.training_id);
  g_assert_true (salvage_server_trash (fx.server, TEST_WS, "training", path,
                                       g_get_real_time (), "Bob"));
  unplaced = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                           "kind", SALVAGE_TRASH_KIND_TRAINING,
                           "type-name", "training",
                           "id", fx.training_id,
                           NULL);
  g_assert_false (run_restore (fx.client, unplaced, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 400);
  g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_TRASHED);

  fixture_clear (&fx);
}

/* A 405 names the route as well as a 404; and the version with several
 * runs, which only a server that ignored the id could answer, is said
 * plainly. */
static void
test_training_refusals (void)
{
  Fixture fx = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  fixture_init (&fx);
  g_object_set (fx.server, "training-routes", SALVAGE_SERVER_TRAINING_ROUTES_POST, NULL);
  message = g_strdup_printf ("Cannot DELETE /%s/hard-hats/3/v2/trainings/%s",
                             TEST_WS, fx.training_id);
  salvage_server_add_fault_full (fx.server, "DELETE", "*/v2/trainings/*",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 405,
                                                   .message = message });

  {
    g_auto(SalvageDeleteReply) reply = { 0, };

    g_assert_true (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", fx.training_id,
                               &reply, &error));
    g_assert_no_error (error);
    g_assert_cmpint (training_state (&fx, fx.training_id), ==, SALVAGE_SERVER_ITEM_TRASHED);
  }

  /* A 405 that names no route is not taken for the other design. */
  salvage_server_clear_faults (fx.server);
  salvage_server_add_fault_full (fx.server, "DELETE", "*/v2/trainings/*",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 405 });
  {
    g_auto(SalvageDeleteReply) reply = { 0, };
    guint before = salvage_server_get_request_count (fx.server);

    g_assert_false (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", "t_other",
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
    g_assert_cmpuint (salvage_error_get_status (error), ==, 405);
    g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before + 1);
    g_clear_error (&error);
  }

  salvage_server_clear_faults (fx.server);
  salvage_server_add_fault_full (fx.server, "POST", "*/v2/trainings/delete",
                                 &(SalvageFault) {
                                   .kind = SALVAGE_FAULT_STATUS, .status = 409,
                                   .message = "MULTIPLE_TRAININGS: pass trainingId"
                                 });
  {
    g_auto(SalvageDeleteReply) reply = { 0, };
    g_autofree char *other = NULL;

    other = g_strdup (salvage_server_add_training (fx.server, TEST_WS, "hard-hats", 3,
                                                   "finished", "yolov8m"));
    g_assert_false (run_delete (fx.client, DELETE_TRAINING, "hard-hats", "3", other,
                                &reply, &error));
    assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
    g_assert_cmpstr (error->message, ==,
                     "The version has several training runs and the server could not tell which "
                     "one to move to the Trash");
    g_assert_cmpint (training_state (&fx, other), ==, SALVAGE_SERVER_ITEM_LIVE);
  }

  fixture_clear (&fx);
}

/* Transport failures, timeouts and cancellation */

static void
test_connection_refused (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* Take a free port, then close it: nothing listens there. */
  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error));
  g_assert_no_error (error);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));
  g_socket_listener_close (listener);

  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);

  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_validate_key_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NETWORK);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 0);
}

static void
test_timeout (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed;

  fixture_init (&fx);
  salvage_client_set_timeout (fx.client, 1);
  g_assert_cmpuint (salvage_client_get_timeout (fx.client), ==, 1);
  salvage_server_set_latency (fx.server, 6000);

  start = g_get_monotonic_time ();
  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_list_workflows_finish (fx.client, await_result (&result), &error));
  elapsed = g_get_monotonic_time () - start;

  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_TIMEOUT);
  g_assert_cmpint (elapsed, >=, 900 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (elapsed, <, 5500 * G_TIME_SPAN_MILLISECOND);

  g_clear_object (&result);
  fixture_clear (&fx);
}

static void
test_cancel (void)
{
  Fixture fx = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { 0, };
  guint before;

  fixture_init (&fx);
  salvage_server_set_latency (fx.server, 2000);

  salvage_client_list_trash_async (fx.client, cancellable, store_result_cb, &result);
  iterate_briefly (100);
  g_assert_null (result);
  g_cancellable_cancel (cancellable);
  g_assert_null (salvage_client_list_trash_finish (fx.client, await_result (&result), &error));
  assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_clear_error (&error);

  /* An already cancelled call sends nothing. */
  g_cancellable_cancel (cancelled);
  before = salvage_server_get_request_count (fx.server);
  salvage_client_delete_project_async (fx.client, "hard-hats", cancelled, store_result_cb, &result);
  g_assert_false (salvage_client_delete_project_finish (fx.client, await_result (&result), &reply, &error));
  assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (reply.already_in_trash);
  g_assert_cmpint (salvage_server_get_item_state (fx.server, TEST_WS, "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpuint (salvage_server_get_request_count (fx.server), ==, before);

  g_clear_object (&result);
  fixture_clear (&fx);
}

/* A raw SoupServer for answers the stand-in never gives. The first path
 * segment, which the client fills with the workspace, picks the answer. */

#define HUGE_LENGTH (100 * 1024 * 1024)

/* A self-signed certificate for 127.0.0.1, made for this test only. */
static const char self_signed_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBkTCCATagAwIBAgIUWM4yvapMxOYS/QeAV7K6m+uyJYgwCgYIKoZIzj0EAwIw\n"
  "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyNzE1NTUwMFoYDzIxMjYxMTAz\n"
  "MTU1NTAwWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
  "PQMBBwNCAARy3PONiyJOtL/H/w7xF08Yvf7tFAv8t0d8TJsvgcVXnObJ5FjroJkA\n"
  "2REMCK/y9yY3ToGnSsaO0UHeB+4rXqYUo2QwYjAdBgNVHQ4EFgQUvbjVdc9nkkU3\n"
  "llnLUmljXs2C7/4wHwYDVR0jBBgwFoAUvbjVdc9nkkU3llnLUmljXs2C7/4wDwYD\n"
  "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0kAMEYC\n"
  "IQCP6So6PvS+6sc4m+LRTLm24RT0VvOjlhy8BQLeTeQ48QIhANg5cRp1KLkLvHEq\n"
  "W+/3IpxMTQyboUHBUixNWaHVHov3\n"
  "-----END CERTIFICATE-----\n"
  "-----BEGIN PRIVATE KEY-----\n"
  "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgJX8HuzEyaXBjUWSP\n"
  "6bFJtbE/En9+e0Z6pmvKvx9xXvihRANCAARy3PONiyJOtL/H/w7xF08Yvf7tFAv8\n"
  "t0d8TJsvgcVXnObJ5FjroJkA2REMCK/y9yY3ToGnSsaO0UHeB+4rXqYU\n"
  "-----END PRIVATE KEY-----\n";

/* Requests that reached the handler, to prove some never did. */
static guint raw_requests;

typedef struct
{
  SoupServerMessage *message;
  gsize              sent;
} Stream;

static void
stream_wrote_chunk_cb (SoupServerMessage *message,
                       Stream            *stream)
{
  static const char block[1024 * 1024];

  /* Feed the next megabyte only when the last one left, so the server
   * side never holds more than one block. */
  soup_message_body_append (soup_server_message_get_response_body (message),
                            SOUP_MEMORY_STATIC, block, sizeof block);
  stream->sent += sizeof block;
}

/* A Trash of a few hundred entries, as the server writes it, for the
 * answers sent in other forms than one declared body. */
static GBytes *
raw_trash_body (void)
{
  static GBytes *body;

  if (g_once_init_enter_pointer (&body))
    {
      GString *out = g_string_new ("{\"items\":[");

      for (guint i = 0; i < 400; i++)
        g_string_append_printf (out, "%s{\"type\":\"version\",\"id\":\"%u\",\"name\":\"v%u \\u00e9t\u00e9\","
                                "\"parentId\":\"p%u\",\"parentUrl\":\"proj-%u\","
                                "\"deletedAt\":\"2026-11-%02uT10:00:00.000Z\"}",
                                i > 0 ? "," : "", i % 7 + 1, i, i / 7, i / 7, i % 28 + 1);
      g_string_append (out, "],\"sections\":{\"versions\":[");
      for (guint i = 0; i < 400; i++)
        g_string_append_printf (out, "%s{\"id\":%u,\"parentId\":\"p%u\",\"parentUrl\":\"proj-%u\"}",
                                i > 0 ? "," : "", i % 7 + 1, i / 7, i / 7);
      g_string_append (out, "]}}");

      g_once_init_leave_pointer (&body, g_string_free_to_bytes (out));
    }

  return body;
}

static GBytes *
gzip_bytes (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GInputStream) packed = g_converter_input_stream_new (plain, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, packed, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
raw_respond (SoupServerMessage *message,
             guint              status,
             const char        *content_type,
             const char        *body)
{
  if (body != NULL)
    soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
  soup_server_message_set_status (message, status, NULL);
}

static void
raw_handler_cb (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_auto(GStrv) parts = g_strsplit (path + 1, "/", 2);
  const char *scenario = parts[0] != NULL ? parts[0] : "";

  raw_requests++;

  /* The key reaches the server escaped and decodes back to itself. */
  g_assert_nonnull (query);
  g_assert_cmpstr (g_hash_table_lookup (query, "api_key"), ==, TEST_KEY);

  if (g_str_equal (path, "/"))
    {
      /* The key check as it answers for a key it does not know. */
      raw_respond (message, 200, "application/json", "null");
    }
  else if (g_str_equal (scenario, "rate-limit"))
    {
      /* Beyond what the client waits out: it reports it at once. */
      soup_message_headers_replace (headers, "Retry-After", "90");
      raw_respond (message, 429, "application/json", "{\"error\":\"Slow down\"}");
    }
  else if (g_str_equal (scenario, "rate-limit-date"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) later = g_date_time_add_seconds (now, 120);
      g_autofree char *date = soup_date_time_to_string (later, SOUP_DATE_HTTP);

      soup_message_headers_replace (headers, "Retry-After", date);
      raw_respond (message, 429, NULL, NULL);
    }
  else if (g_str_equal (scenario, "server-error"))
    {
      raw_respond (message, 500, "text/plain", "Server died\n");
    }
  else if (g_str_equal (scenario, "bad-gateway"))
    {
      raw_respond (message, 502, NULL, NULL);
    }
  else if (g_str_equal (scenario, "no-content"))
    {
      raw_respond (message, 204, NULL, NULL);
    }
  else if (g_str_equal (scenario, "created"))
    {
      raw_respond (message, 201, "application/json", "{\"restored\":true}");
    }
  else if (g_str_equal (scenario, "redirect"))
    {
      soup_server_message_set_redirect (message, 302, "http://127.0.0.1:1/elsewhere");
    }
  else if (g_str_equal (scenario, "probe-fails"))
    {
      /* Every delete is a 404, and the Trash cannot be read. */
      if (g_str_has_suffix (path, "/trash"))
        raw_respond (message, 500, NULL, NULL);
      else
        raw_respond (message, 404, "application/json", "{\"error\":\"Endpoint does not exist\"}");
    }
  else if (g_str_equal (scenario, "not-json"))
    {
      raw_respond (message, 200, "text/plain", "not json");
    }
  else if (g_str_equal (scenario, "nested-error"))
    {
      raw_respond (message, 400, "application/json",
                   "{\"error\":{\"message\":\"Unsupported request\",\"type\":\"GraphMethodException\","
                   "\"hint\":\"You can find the API docs at https://docs.roboflow.com\"}}");
    }
  else if (g_str_equal (scenario, "echo-key"))
    {
      /* A careless server that repeats the request line, key and all. */
      g_autofree char *body = g_strdup_printf ("{\"error\":\"GET /x?api_key=%s failed for key %s\"}",
                                               TEST_KEY_QUERY, TEST_KEY);

      raw_respond (message, 403, "application/json", body);
    }
  else if (g_str_equal (scenario, "huge"))
    {
      static const char start[] = "{\"workflows\":[";

      /* Promise 100 MB, send a few bytes, then nothing. */
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CONTENT_LENGTH);
      soup_message_headers_set_content_length (headers, HUGE_LENGTH);
      soup_message_body_append (soup_server_message_get_response_body (message),
                                SOUP_MEMORY_STATIC, start, sizeof start - 1);
      soup_server_message_set_status (message, 200, NULL);
    }
  else if (g_str_equal (scenario, "trash-chunked") && g_str_has_suffix (path, "/trash"))
    {
      GBytes *trash = raw_trash_body ();
      SoupMessageBody *body = soup_server_message_get_response_body (message);

      /* No length declared, in pieces of a few hundred bytes. */
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_message_headers_replace (headers, "Content-Type", "application/json");
      for (gsize at = 0; at < g_bytes_get_size (trash); at += 333)
        {
          g_autoptr(GBytes) piece = g_bytes_new_from_bytes (trash, at, MIN (333, g_bytes_get_size (trash) - at));

          soup_message_body_append_bytes (body, piece);
        }
      soup_message_body_complete (body);
      soup_server_message_set_status (message, 200, NULL);
    }
  else if (g_str_equal (scenario, "trash-gzip") && g_str_has_suffix (path, "/trash"))
    {
      g_autoptr(GBytes) packed = gzip_bytes (raw_trash_body ());

      /* The length declared is that of the compressed body. */
      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                        g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
      soup_server_message_set_status (message, 200, NULL);
    }
  else if (g_str_equal (scenario, "endless"))
    {
      Stream *stream = g_new0 (Stream, 1);

      stream->message = message;
      g_object_set_data_full (G_OBJECT (message), "stream", stream, g_free);
      soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (message, 200, NULL);
      soup_message_body_set_accumulate (soup_server_message_get_response_body (message), FALSE);
      g_signal_connect (message, "wrote-chunk", G_CALLBACK (stream_wrote_chunk_cb), stream);
      stream_wrote_chunk_cb (message, stream);
    }
  else
    {
      raw_respond (message, 418, NULL, NULL);
    }
}

static SoupServer *
raw_server_new_full (GTlsCertificate  *certificate,
                     char            **url_out)
{
  g_autoptr(GError) error = NULL;
  SoupServer *server;
  GSList *uris;

  server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (server, NULL, raw_handler_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0,
                                           SOUP_SERVER_LISTEN_IPV4_ONLY |
                                           (certificate != NULL ? SOUP_SERVER_LISTEN_HTTPS : 0),
                                           &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);
  *url_out = g_strdup_printf ("%s://127.0.0.1:%d",
                              certificate != NULL ? "https" : "http",
                              g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return server;
}

static SoupServer *
raw_server_new (char **url_out)
{
  return raw_server_new_full (NULL, url_out);
}

/* Lists the workflows of "workspace" @scenario on the raw server. */
static GPtrArray *
raw_list_workflows (SalvageClient  *client,
                    const char     *scenario,
                    GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_client_set_workspace (client, scenario);
  salvage_client_list_workflows_async (client, NULL, store_result_cb, &result);
  return salvage_client_list_workflows_finish (client, await_result (&result), error);
}

static gint64
read_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, "VmHWM:");
  g_assert_nonnull (line);

  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

static void
test_raw_statuses (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  gint64 retry_after;

  server = raw_server_new (&url);
  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);

  /* A JSON null from the key check is a refused key, as for the CLI. */
  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_validate_key_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_null (salvage_client_get_workspace (client));
  g_clear_object (&result);
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "rate-limit", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_RATE_LIMITED);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 429);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, 90);
  g_assert_nonnull (strstr (error->message, "Slow down"));
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "rate-limit-date", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_RATE_LIMITED);
  retry_after = salvage_error_get_retry_after (error);
  g_assert_cmpint (retry_after, >=, 110);
  g_assert_cmpint (retry_after, <=, 121);
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "server-error", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_SERVER);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 500);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, -1);
  g_assert_nonnull (strstr (error->message, "Server died"));
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "bad-gateway", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_SERVER);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 502);
  g_clear_error (&error);

  /* Only 200 is success, as for the real clients. */
  g_assert_null (raw_list_workflows (client, "no-content", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 204);
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "created", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 201);
  g_clear_error (&error);

  /* Redirects are not followed: the key would go along. */
  g_assert_null (raw_list_workflows (client, "redirect", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 302);
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "unknown-scenario", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 418);
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "nested-error", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 400);
  g_assert_nonnull (strstr (error->message, "Unsupported request"));
  g_assert_nonnull (strstr (error->message, "docs.roboflow.com"));
  g_clear_error (&error);

  /* Even when the server repeats the key, the message does not. */
  g_assert_null (raw_list_workflows (client, "echo-key", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_FORBIDDEN);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 403);
  g_assert_nonnull (strstr (error->message, "api_key=***"));
  g_clear_error (&error);

  g_assert_null (raw_list_workflows (client, "not-json", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);


  soup_server_disconnect (server);
}

static void
test_raw_probe_fails (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_auto(SalvageDeleteReply) reply = { TRUE, NULL, NULL };
  guint before;

  server = raw_server_new (&url);
  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (client, "probe-fails");

  /* When the Trash cannot be read, the delete's own 404 is what the
   * user sees, not the failure of the probe. */
  before = raw_requests;
  salvage_client_delete_workflow_async (client, "my-wf", NULL, store_result_cb, &result);
  g_assert_false (salvage_client_delete_workflow_finish (client, await_result (&result), &reply, &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  g_assert_cmpuint (salvage_error_get_status (error), ==, 404);
  g_assert_nonnull (strstr (error->message, "Endpoint does not exist"));
  g_assert_false (reply.already_in_trash);
  g_assert_cmpuint (raw_requests - before, ==, 2);

  soup_server_disconnect (server);
}

/* The first message of a connection the raw server accepted. */
typedef struct
{
  SoupServerMessage *message;
  gboolean           disconnected;
} Handshake;

static void
handshake_disconnected_cb (SoupServerMessage *message,
                           Handshake         *handshake)
{
  handshake->disconnected = TRUE;
}

static void
handshake_request_started_cb (SoupServer        *server,
                              SoupServerMessage *message,
                              Handshake         *handshake)
{
  /* Only the first connection matters: the client makes no other. */
  if (handshake->message != NULL)
    return;

  /* The message holds its connection, so this reference keeps the
   * connection alive for as long as the test waits on it. */
  handshake->message = g_object_ref (message);
  g_signal_connect (message, "disconnected", G_CALLBACK (handshake_disconnected_cb), handshake);
}

static void
test_raw_untrusted_certificate (void)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Handshake handshake = { NULL, FALSE };
  guint before;
  guint guard;

  if (!g_tls_backend_supports_tls (g_tls_backend_get_default ()))
    {
      g_test_skip ("No TLS backend");
      return;
    }

  certificate = g_tls_certificate_new_from_pem (self_signed_pem, -1, &error);
  g_assert_no_error (error);
  server = raw_server_new_full (certificate, &url);
  g_signal_connect (server, "request-started", G_CALLBACK (handshake_request_started_cb),
                    &handshake);
  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);

  /* A certificate nobody vouches for ends the exchange before the
   * request, and with it the key, is sent. */
  before = raw_requests;
  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_validate_key_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NETWORK);
  g_assert_cmpuint (raw_requests, ==, before);

  /* libsoup 3.6.5 gives the server side's TLS handshake no reference to
   * its connection, nor a way to cancel it (3.6.6 cancels it), while
   * soup_server_disconnect() drops the last reference: a handshake still
   * under way would then end in freed memory, in whichever test runs next.
   * So the server is shut down only once its handshake has failed in turn,
   * which the connection reports through the message it started; the
   * reference held on that message keeps the connection alive until then. */
  g_assert_nonnull (handshake.message);
  guard = g_timeout_add_seconds (30, test_deadline_cb, NULL);
  while (!handshake.disconnected)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (guard);
  g_signal_handlers_disconnect_by_data (handshake.message, &handshake);
  g_clear_object (&handshake.message);

  soup_server_disconnect (server);
}

static void
test_raw_huge_declared (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  FILE *clear_refs;
  gint64 peak_before;
  gint64 peak_after;
  gint64 start;
  gint64 elapsed;

  server = raw_server_new (&url);
  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);

  /* "5" resets the peak to the current size, where the kernel allows it. */
  if ((clear_refs = fopen ("/proc/self/clear_refs", "w")) != NULL)
    {
      fputs ("5", clear_refs);
      fclose (clear_refs);
    }
  peak_before = read_peak_rss_kb ();

  start = g_get_monotonic_time ();
  g_assert_null (raw_list_workflows (client, "huge", &error));
  elapsed = g_get_monotonic_time () - start;
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "too large"));

  /* Refused on the header, not after a timeout, and never buffered. */
  g_assert_cmpint (elapsed, <, 900 * G_TIME_SPAN_MILLISECOND);
  peak_after = read_peak_rss_kb ();
  g_test_message ("peak RSS %" G_GINT64_FORMAT " kB, then %" G_GINT64_FORMAT " kB",
                  peak_before, peak_after);
  g_assert_cmpint (peak_after - peak_before, <, 16 * 1024);

  soup_server_disconnect (server);
}

static void
test_raw_huge_streamed (void)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  server = raw_server_new (&url);
  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);

  /* No Content-Length: the limit applies to what was read. */
  g_assert_null (raw_list_workflows (client, "endless", &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "too large"));

  soup_server_disconnect (server);
}

/* The fault matrix: a bare HTTP/1.1 server in a thread, which answers
 * well until it is told to fail in one way, so that every kind of
 * failure is seen by a client that worked before and must work after.
 * It keeps connections alive, as HTTP/1.1 servers do, so a connection
 * left in a bad state would show in the call that follows. */

#define HEALTHY_BODY "{\"workflows\":[{\"id\":\"w1\",\"url\":\"count-people\",\"name\":\"Count People\"}]}"

typedef enum
{
  FAULT_ANSWER,   /* write the status, headers and body as given */
  FAULT_HANG_UP,  /* send part of the promised body, then close */
  FAULT_RESET,    /* send part of the promised body, then reset the connection */
  FAULT_SILENT,   /* read the request and never answer */
  FAULT_TRICKLE,  /* a byte every 200 ms, for ever */
  FAULT_GATHER,   /* answer well once fault_gather requests are in at once */
} FaultAction;

typedef struct
{
  const char  *name;
  FaultAction  action;
  const char  *status_line;   /* "403 Forbidden" */
  const char  *headers;       /* extra header lines, each ending in CRLF */
  const char  *body;
  gsize        declared;      /* Content-Length, when not that of the body */

  /* What the client must report. */
  int          code;
  guint        status;
  const char  *words;         /* a specific part of the message */
  gint64       min_msec;
  gint64       max_msec;
} Fault;

static GMutex       fault_lock;
static GCond        fault_cond;
static guint        fault_gather;    /* requests that FAULT_GATHER waits for */
static guint        fault_gathered;
static const Fault *fault_current;
static guint        fault_left;      /* requests that still get the fault */
static GPtrArray   *fault_requests;  /* "METHOD /path body" of each request */

static void
fault_set (const Fault *fault,
           guint        times)
{
  g_mutex_lock (&fault_lock);
  fault_current = fault;
  fault_left = fault != NULL ? times : 0;
  g_mutex_unlock (&fault_lock);
}

static guint
fault_count_requests (void)
{
  guint n;

  g_mutex_lock (&fault_lock);
  n = fault_requests->len;
  g_mutex_unlock (&fault_lock);

  return n;
}

static char *
fault_dup_request (guint index)
{
  char *request;

  g_mutex_lock (&fault_lock);
  g_assert_cmpuint (index, <, fault_requests->len);
  request = g_strdup (g_ptr_array_index (fault_requests, index));
  g_mutex_unlock (&fault_lock);

  return request;
}

static gboolean
fault_write (GOutputStream *output,
             const char    *text,
             gsize          len)
{
  return g_output_stream_write_all (output, text, len, NULL, NULL, NULL);
}

static gboolean
fault_write_healthy (GOutputStream *output)
{
  g_autofree char *answer = NULL;

  answer = g_strdup_printf ("HTTP/1.1 200 OK\r\n"
                            "Content-Type: application/json\r\n"
                            "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                            "\r\n"
                            "%s", strlen (HEALTHY_BODY), HEALTHY_BODY);
  return fault_write (output, answer, strlen (answer));
}

/* Holds each request until fault_gather of them are in at once, for at
 * most 10 s, then answers them all. */
static gboolean
fault_gather_and_answer (GOutputStream *output)
{
  static const char unavailable[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n";
  gint64 end = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  gboolean gathered;

  g_mutex_lock (&fault_lock);
  fault_gathered++;
  g_cond_broadcast (&fault_cond);
  while (fault_gathered < fault_gather && g_cond_wait_until (&fault_cond, &fault_lock, end))
    ;
  gathered = fault_gathered >= fault_gather;
  g_mutex_unlock (&fault_lock);

  if (gathered)
    return fault_write_healthy (output);

  fault_write (output, unavailable, sizeof unavailable - 1);
  return FALSE;
}

/* Reads one request and answers it. Returns FALSE when the connection
 * is to be closed. Runs in a thread of the service. */
static gboolean
fault_serve_one (GSocketConnection *connection,
                 GDataInputStream  *input,
                 GOutputStream     *output)
{
  g_autofree char *request_line = NULL;
  g_autofree char *request_body = NULL;
  g_autofree char *answer = NULL;
  g_auto(GStrv) words = NULL;
  const Fault *fault = NULL;
  guint64 content_length = 0;
  gsize body_len;
  char *line;

  if (!(request_line = g_data_input_stream_read_line (input, NULL, NULL, NULL)))
    return FALSE;

  while ((line = g_data_input_stream_read_line (input, NULL, NULL, NULL)) != NULL && line[0] != '\0')
    {
      if (g_ascii_strncasecmp (line, "Content-Length:", strlen ("Content-Length:")) == 0)
        g_ascii_string_to_unsigned (g_strstrip (line + strlen ("Content-Length:")), 10,
                                    0, 1024 * 1024, &content_length, NULL);
      g_free (line);
    }
  if (line == NULL)
    return FALSE;
  g_free (line);

  request_body = g_malloc0 (content_length + 1);
  if (content_length > 0 &&
      !g_input_stream_read_all (G_INPUT_STREAM (input), request_body, content_length, NULL, NULL, NULL))
    return FALSE;

  /* Keep the method and the path, not the query with the key. */
  words = g_strsplit_set (request_line, " ?", 3);
  g_assert_cmpuint (g_strv_length (words), >=, 2);

  g_mutex_lock (&fault_lock);
  g_ptr_array_add (fault_requests, g_strdup_printf ("%s %s %s", words[0], words[1], request_body));
  if (fault_left > 0)
    {
      fault = fault_current;
      fault_left--;
    }
  g_mutex_unlock (&fault_lock);

  if (fault == NULL)
    return fault_write_healthy (output);

  switch (fault->action)
    {
    case FAULT_SILENT:
      {
        char byte;

        /* Until the client gives up and hangs up. */
        g_input_stream_read (G_INPUT_STREAM (input), &byte, 1, NULL, NULL);
        return FALSE;
      }

    case FAULT_TRICKLE:
      {
        static const char head[] = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n[";

        if (!fault_write (output, head, sizeof head - 1))
          return FALSE;

        /* Well within the per-read timeout each time; ends when the
         * client hangs up. */
        for (guint i = 0; i < 150; i++)
          {
            g_usleep (200 * G_TIME_SPAN_MILLISECOND);
            if (!fault_write (output, " ", 1))
              break;
          }
        return FALSE;
      }

    case FAULT_GATHER:
      return fault_gather_and_answer (output);

    case FAULT_ANSWER:
    case FAULT_HANG_UP:
    case FAULT_RESET:
    default:
      break;
    }

  body_len = fault->body != NULL ? strlen (fault->body) : 0;
  answer = g_strdup_printf ("HTTP/1.1 %s\r\n"
                            "%s"
                            "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                            "\r\n"
                            "%s",
                            fault->status_line,
                            fault->headers != NULL ? fault->headers : "",
                            fault->declared != 0 ? fault->declared : body_len,
                            fault->body != NULL ? fault->body : "");
  if (!fault_write (output, answer, strlen (answer)))
    return FALSE;

  if (fault->action == FAULT_RESET)
    {
      /* A zero linger time makes the close send RST instead of FIN. */
      struct linger linger = { .l_onoff = 1, .l_linger = 0 };

      setsockopt (g_socket_get_fd (g_socket_connection_get_socket (connection)),
                  SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }

  /* A body short of its length cannot be followed by another answer. */
  return fault->action == FAULT_ANSWER && fault->declared == 0;
}

static gboolean
fault_run_cb (GThreadedSocketService *service,
              GSocketConnection      *connection,
              GObject                *source_object,
              gpointer                user_data)
{
  g_autoptr(GDataInputStream) input = NULL;
  GOutputStream *output;

  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (input), FALSE);
  output = g_io_stream_get_output_stream (G_IO_STREAM (connection));

  while (fault_serve_one (connection, input, output))
    ;

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

typedef struct
{
  GSocketService *service;
  SalvageClient  *client;
} FaultFixture;

static void
fault_fixture_init (FaultFixture *fx,
                    guint         timeout)
{
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  fault_set (NULL, 0);
  g_mutex_lock (&fault_lock);
  g_clear_pointer (&fault_requests, g_ptr_array_unref);
  fault_requests = g_ptr_array_new_with_free_func (g_free);
  fault_gather = 0;
  fault_gathered = 0;
  g_mutex_unlock (&fault_lock);

  /* More threads than the client opens connections. */
  fx->service = g_threaded_socket_service_new (16);
  g_signal_connect (fx->service, "run", G_CALLBACK (fault_run_cb), NULL);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (fx->service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &effective, &error));
  g_assert_no_error (error);
  g_socket_service_start (fx->service);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  fx->client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);
  salvage_client_set_timeout (fx->client, timeout);
  salvage_client_set_workspace (fx->client, TEST_WS);
}

static void
fault_fixture_clear (FaultFixture *fx)
{
  fault_set (NULL, 0);
  /* Closing the client's connections lets the server's threads end. */
  assert_finalized (g_steal_pointer (&fx->client));
  g_socket_service_stop (fx->service);
  g_clear_object (&fx->service);
}

/* Lists the workflows and checks the one the healthy server sends. */
static void
assert_list_works (SalvageClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) workflows = NULL;
  g_autoptr(GError) error = NULL;

  salvage_client_list_workflows_async (client, NULL, store_result_cb, &result);
  workflows = salvage_client_list_workflows_finish (client, await_result (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (workflows);
  g_assert_cmpuint (workflows->len, ==, 1);
  g_assert_cmpstr (salvage_workflow_get_url (g_ptr_array_index (workflows, 0)), ==, "count-people");
}

/* A message for people: a sentence of some length, not a page of markup
 * or a dump of what the server sent. */
static void
assert_plain_message (const GError *error)
{
  g_autofree char *lower = NULL;

  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >=, 10);
  g_assert_cmpuint (strlen (error->message), <=, 300);
  g_assert_null (strchr (error->message, '{'));
  g_assert_null (strchr (error->message, '\n'));
  assert_no_key (error->message);

  lower = g_ascii_strdown (error->message, -1);
  g_assert_null (strstr (lower, "<html"));
  g_assert_null (strstr (lower, "<!doctype"));
  g_assert_null (strstr (lower, "</"));
  g_assert_null (strstr (lower, "<body"));
  g_assert_null (strstr (lower, "<form"));
}

static const Fault fault_matrix[] = {
  {
    /* A key that worked a moment ago is revoked. */
    "revoked-key", FAULT_ANSWER, "401 Unauthorized",
    "Content-Type: application/json\r\n",
    "{\"error\":{\"message\":\"This API key has been revoked\",\"type\":\"OAuthException\"}}", 0,
    SALVAGE_ERROR_INVALID_KEY, 401, "This API key has been revoked", 0, 2500,
  },
  {
    /* The server's words end in a bracket and a full stop of their own:
     * they follow the client's sentence as they are, with no bracket or
     * stop added around them. */
    "revoked-key-explained", FAULT_ANSWER, "401 Unauthorized",
    "Content-Type: application/json\r\n",
    "{\"error\":{\"message\":\"Unsupported request. `GET /acme/workflows` cannot be loaded "
    "due to missing permissions (API key revoked).\",\"type\":\"GraphMethodException\"}}", 0,
    SALVAGE_ERROR_INVALID_KEY, 401, "The API key was refused: Unsupported request.", 0, 2500,
  },
  {
    "forbidden", FAULT_ANSWER, "403 Forbidden",
    "Content-Type: application/json\r\n",
    "{\"error\":\"Your plan does not include this feature\"}", 0,
    SALVAGE_ERROR_FORBIDDEN, 403, "Your plan does not include this feature", 0, 2500,
  },
  {
    "not-found", FAULT_ANSWER, "404 Not Found",
    "Content-Type: application/json\r\n",
    "{\"error\":{\"message\":\"Unsupported get request.\"}}", 0,
    SALVAGE_ERROR_NOT_FOUND, 404, "Unsupported get request", 0, 2500,
  },
  {
    "conflict", FAULT_ANSWER, "409 Conflict",
    "Content-Type: application/json\r\n",
    "{\"error\":\"Restore the project first\"}", 0,
    SALVAGE_ERROR_CONFLICT, 409, "Restore the project first", 0, 2500,
  },
  {
    "server-error", FAULT_ANSWER, "500 Internal Server Error",
    "Content-Type: application/json\r\n",
    "{\"error\":\"Internal server error\"}", 0,
    SALVAGE_ERROR_SERVER, 500, "HTTP 500", 0, 2500,
  },
  {
    /* What a proxy in front of the API sends: a whole page of HTML. */
    "bad-gateway", FAULT_ANSWER, "502 Bad Gateway",
    "Content-Type: text/html\r\n",
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", 0,
    SALVAGE_ERROR_SERVER, 502, "502 Bad Gateway", 0, 2500,
  },
  {
    /* The per-read timeout ends it, well before the deadline of 4 s. */
    "no-answer", FAULT_SILENT, NULL, NULL, NULL, 0,
    SALVAGE_ERROR_TIMEOUT, 0, "in time", 900, 3500,
  },
  {
    "hang-up-mid-body", FAULT_HANG_UP, "200 OK",
    "Content-Type: application/json\r\n",
    "{\"workflows\":[{\"id\":\"w1\",", 400,
    SALVAGE_ERROR_NETWORK, 0, "Could not connect to the server", 0, 2500,
  },
  {
    "reset-mid-body", FAULT_RESET, "200 OK",
    "Content-Type: application/json\r\n",
    "{\"workflows\":[{\"id\":\"w1\",", 400,
    SALVAGE_ERROR_NETWORK, 0, "Could not connect to the server", 0, 2500,
  },
  {
    /* Complete as HTTP, cut short as JSON. */
    "truncated-json", FAULT_ANSWER, "200 OK",
    "Content-Type: application/json\r\n",
    "{\"workflows\":[{\"id\":\"w1\",\"url\":\"count-", 0,
    SALVAGE_ERROR_BAD_RESPONSE, 0, "JSON", 0, 2500,
  },
  {
    /* A captive portal or a login page instead of the API. */
    "not-json", FAULT_ANSWER, "200 OK",
    "Content-Type: text/html\r\n",
    "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>"
    "<body><form action=\"/login\"><input name=\"user\"></form></body></html>\n", 0,
    SALVAGE_ERROR_BAD_RESPONSE, 0, "JSON", 0, 2500,
  },
  {
    "wrong-shape", FAULT_ANSWER, "200 OK",
    "Content-Type: application/json\r\n",
    "{\"workflows\":{\"url\":\"count-people\"}}", 0,
    SALVAGE_ERROR_BAD_RESPONSE, 0, "workflows", 0, 2500,
  },
  {
    /* Refused on the header: the client hangs up before the body. */
    "too-large", FAULT_ANSWER, "200 OK",
    "Content-Type: application/json\r\n",
    "{\"workflows\":[", SALVAGE_CLIENT_MAX_BODY_SIZE + 1,
    SALVAGE_ERROR_BAD_RESPONSE, 0, "too large", 0, 2500,
  },
  {
    /* Never quiet long enough for the per-read timeout: the deadline of
     * the whole request, four times the timeout, ends it. */
    "trickle", FAULT_TRICKLE, NULL, NULL, NULL, 0,
    SALVAGE_ERROR_TIMEOUT, 0, "in time", 3500, 6000,
  },
};

static void
test_fault (gconstpointer data)
{
  const Fault *fault = data;
  FaultFixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) workflows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed;

  fault_fixture_init (&fx, 1);

  /* It works, then fails in this one way for as long as it is asked... */
  assert_list_works (fx.client);

  fault_set (fault, G_MAXUINT);
  start = g_get_monotonic_time ();
  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  workflows = salvage_client_list_workflows_finish (fx.client, await_result (&result), &error);
  elapsed = g_get_monotonic_time () - start;

  g_assert_null (workflows);
  assert_error (error, SALVAGE_ERROR, fault->code);
  assert_plain_message (error);
  g_assert_nonnull (strstr (error->message, fault->words));
  /* Never "… revoked).)": nothing is put around words that may hold
   * brackets and full stops of their own. */
  g_assert_null (strstr (error->message, ".)"));
  g_assert_false (g_str_has_suffix (error->message, "))"));
  g_assert_cmpuint (salvage_error_get_status (error), ==, fault->status);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, -1);
  g_assert_cmpint (elapsed, >=, fault->min_msec * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (elapsed, <, fault->max_msec * G_TIME_SPAN_MILLISECOND);

  /* ...and the same client works again once the server does. */
  fault_set (NULL, 0);
  assert_list_works (fx.client);
  assert_list_works (fx.client);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

/* A Trash sent without a declared length, or compressed, is read while it
 * arrives as it reads whole. */
static void
test_raw_trash_forms (void)
{
  g_autofree char *url = NULL;
  g_autoptr(SoupServer) server = raw_server_new (&url);
  const char *forms[] = { "trash-chunked", "trash-gzip" };
  g_autoptr(SalvageTrashListing) expected = NULL;
  g_autoptr(GError) error = NULL;

  expected = salvage_parse_trash_listing (raw_trash_body (), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_trash_listing_get_n_records (expected), ==, 400);

  for (guint f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_autoptr(SalvageClient) client = salvage_client_new (url, TEST_KEY, &error);
      g_autoptr(SalvageTrashListing) listing = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      g_assert_no_error (error);
      salvage_client_set_workspace (client, forms[f]);
      salvage_client_list_trash_listing_async (client, NULL, store_result_cb, &result);
      listing = salvage_client_list_trash_listing_finish (client, await_result (&result), &error);
      g_assert_no_error (error);
      g_assert_nonnull (listing);

      /* Read as it arrived, not whole and then read. */
      {
        g_autofree char *words = g_strdup_printf ("/%s/trash: HTTP 200", forms[f]);
        gboolean found = FALSE;

        g_mutex_lock (&log_lock);
        for (guint i = 0; i < log_records->len && !found; i++)
          found = strstr (g_ptr_array_index (log_records, i), words) != NULL &&
                  strstr (g_ptr_array_index (log_records, i), "read as they came") != NULL;
        g_mutex_unlock (&log_lock);
        g_assert_true (found);
      }

      g_assert_cmpuint (salvage_trash_listing_get_n_records (listing), ==,
                        salvage_trash_listing_get_n_records (expected));
      for (guint i = 0; i < salvage_trash_listing_get_n_records (expected); i++)
        {
          g_autoptr(SalvageTrashItem) got = salvage_trash_listing_make_item (listing, i);
          g_autoptr(SalvageTrashItem) want = salvage_trash_listing_make_item (expected, i);

          g_assert_true (salvage_trash_item_equal (got, want));
        }
    }
}

/* The Trash is read while it arrives (salvage_client_list_trash_listing_async)
 * and whole (salvage_client_list_trash_async): under each fault both fail
 * with the same error, or both list the same. */
static void
test_fault_streamed (gconstpointer data)
{
  const Fault *fault = data;
  FaultFixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(SalvageTrashListing) streamed = NULL;
  g_autoptr(GError) whole_error = NULL;
  g_autoptr(GError) streamed_error = NULL;

  fault_fixture_init (&fx, 1);
  fault_set (fault, G_MAXUINT);

  salvage_client_list_trash_async (fx.client, NULL, store_result_cb, &result);
  whole = salvage_client_list_trash_finish (fx.client, await_result (&result), &whole_error);
  g_clear_object (&result);

  salvage_client_list_trash_listing_async (fx.client, NULL, store_result_cb, &result);
  streamed = salvage_client_list_trash_listing_finish (fx.client, await_result (&result),
                                                       &streamed_error);
  g_clear_object (&result);

  if (whole == NULL)
    {
      g_assert_null (streamed);
      g_assert_nonnull (whole_error);
      assert_error (streamed_error, whole_error->domain, whole_error->code);
      g_assert_cmpstr (streamed_error->message, ==, whole_error->message);
      g_assert_cmpuint (salvage_error_get_status (streamed_error), ==,
                        salvage_error_get_status (whole_error));
    }
  else
    {
      g_assert_no_error (streamed_error);
      g_assert_cmpuint (salvage_trash_listing_get_n_records (streamed), ==, whole->len);
    }

  /* The same client reads the Trash again once the server is well. */
  fault_set (NULL, 0);
  g_clear_pointer (&streamed, salvage_trash_listing_unref);
  g_clear_error (&streamed_error);
  salvage_client_list_trash_listing_async (fx.client, NULL, store_result_cb, &result);
  streamed = salvage_client_list_trash_listing_finish (fx.client, await_result (&result),
                                                       &streamed_error);
  g_assert_no_error (streamed_error);
  g_assert_nonnull (streamed);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

/* Connections */

static const Fault fault_gather_all = {
  .name = "gather",
  .action = FAULT_GATHER,
};

static void
test_parallel_requests (void)
{
  FaultFixture fx = { 0 };
  /* The restores a workspace runs at once, and a reload of its Trash
   * beside them. */
  const guint n = SALVAGE_WORKSPACE_MAX_PARALLEL + 1;
  GAsyncResult *results[SALVAGE_WORKSPACE_MAX_PARALLEL + 1] = { NULL, };

  fault_fixture_init (&fx, 2);

  /* Each request is answered only once all of them have reached the
   * server: any that the client held back for want of a connection
   * would leave the others to time out. */
  g_mutex_lock (&fault_lock);
  fault_gather = n;
  g_mutex_unlock (&fault_lock);
  fault_set (&fault_gather_all, G_MAXUINT);

  for (guint i = 0; i < n; i++)
    salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &results[i]);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) workflows = NULL;
      g_autoptr(GError) error = NULL;

      workflows = salvage_client_list_workflows_finish (fx.client, await_result (&results[i]), &error);
      g_assert_no_error (error);
      g_assert_nonnull (workflows);
      g_assert_cmpuint (workflows->len, ==, 1);
      g_clear_object (&results[i]);
    }

  g_assert_cmpuint (fault_count_requests (), ==, n);

  fault_fixture_clear (&fx);
}

/* 429: one retry after the wait the server asks for */

static const Fault fault_429_one_second = {
  .name = "rate-limited-1s",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
  .headers = "Content-Type: application/json\r\nRetry-After: 1\r\n",
  .body = "{\"error\":\"Rate limit exceeded\"}",
};

static const Fault fault_429_no_wait_given = {
  .name = "rate-limited",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
};

static const Fault fault_429_now = {
  .name = "rate-limited-0s",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
  .headers = "Retry-After: 0\r\n",
};

static const Fault fault_429_ten_seconds = {
  .name = "rate-limited-10s",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
  .headers = "Retry-After: 10\r\n",
};

static const Fault fault_429_half_a_minute = {
  .name = "rate-limited-30s",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
  .headers = "Retry-After: 30\r\n",
};

static const Fault fault_429_an_hour = {
  .name = "rate-limited-3600s",
  .action = FAULT_ANSWER,
  .status_line = "429 Too Many Requests",
  .headers = "Retry-After: 3600\r\n",
};

static void
test_rate_limit_retried (void)
{
  FaultFixture fx = { 0 };
  gint64 start;
  gint64 elapsed;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fault_fixture_init (&fx, 2);

  /* The first answer is a 429, the second a success: the caller sees
   * only the success, a second later. */
  fault_set (&fault_429_one_second, 1);
  start = g_get_monotonic_time ();
  assert_list_works (fx.client);
  elapsed = g_get_monotonic_time () - start;

  g_assert_cmpint (elapsed, >=, 950 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (elapsed, <, 6 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 2);
  first = fault_dup_request (0);
  second = fault_dup_request (1);
  g_assert_cmpstr (first, ==, "GET /" TEST_WS "/workflows ");
  g_assert_cmpstr (second, ==, first);

  fault_fixture_clear (&fx);
}

static void
test_rate_limit_twice (void)
{
  FaultFixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  gint64 elapsed;

  fault_fixture_init (&fx, 2);

  /* Retried once only: the second 429 is the caller's, with its wait. */
  fault_set (&fault_429_one_second, 2);
  start = g_get_monotonic_time ();
  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_list_workflows_finish (fx.client, await_result (&result), &error));
  elapsed = g_get_monotonic_time () - start;

  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_RATE_LIMITED);
  assert_plain_message (error);
  g_assert_nonnull (strstr (error->message, "Rate limit exceeded"));
  g_assert_cmpuint (salvage_error_get_status (error), ==, 429);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, 1);
  g_assert_cmpuint (fault_count_requests (), ==, 2);
  g_assert_cmpint (elapsed, >=, 950 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (elapsed, <, 6 * G_TIME_SPAN_SECOND);

  /* The client is not held back afterwards. */
  fault_set (NULL, 0);
  start = g_get_monotonic_time ();
  assert_list_works (fx.client);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2500 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 3);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

static void
test_rate_limit_delete_and_restore (void)
{
  FaultFixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) item = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_auto(SalvageDeleteReply) reply = { TRUE, NULL, NULL };
  gint64 start;

  fault_fixture_init (&fx, 2);

  /* A 429 means the delete was not done, so it is sent again; with no
   * Retry-After, after a second. */
  fault_set (&fault_429_no_wait_given, 1);
  start = g_get_monotonic_time ();
  salvage_client_delete_workflow_async (fx.client, "count-people", NULL, store_result_cb, &result);
  g_assert_true (salvage_client_delete_workflow_finish (fx.client, await_result (&result), &reply, &error));
  g_assert_no_error (error);
  g_assert_false (reply.already_in_trash);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 950 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 2);
  first = fault_dup_request (0);
  second = fault_dup_request (1);
  g_assert_cmpstr (first, ==, "DELETE /" TEST_WS "/workflows/count-people ");
  g_assert_cmpstr (second, ==, first);
  g_clear_pointer (&first, g_free);
  g_clear_pointer (&second, g_free);
  g_clear_object (&result);

  /* The same for a restore, which goes again with the same body; a wait
   * of 0 s retries at once. */
  item = salvage_trash_item_new_from_fields (&(SalvageTrashItemFields) {
                                               .kind = SALVAGE_TRASH_KIND_WORKFLOW,
                                               .type_name = "workflow",
                                               .id = "wf-7",
                                               .name = "Count People",
                                             });
  fault_set (&fault_429_now, 1);
  start = g_get_monotonic_time ();
  salvage_client_restore_async (fx.client, item, NULL, store_result_cb, &result);
  g_assert_true (salvage_client_restore_finish (fx.client, await_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 900 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 4);
  first = fault_dup_request (2);
  second = fault_dup_request (3);
  g_assert_true (g_str_has_prefix (first, "POST /" TEST_WS "/trash/restore {"));
  g_assert_nonnull (strstr (first, "\"wf-7\""));
  g_assert_cmpstr (second, ==, first);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

static void
test_rate_limit_not_waited (void)
{
  FaultFixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  fault_fixture_init (&fx, 1);

  /* A wait beyond the cap is the caller's to make, at once. */
  G_STATIC_ASSERT (3600 > SALVAGE_CLIENT_MAX_RETRY_WAIT);
  fault_set (&fault_429_an_hour, G_MAXUINT);
  start = g_get_monotonic_time ();
  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_list_workflows_finish (fx.client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_RATE_LIMITED);
  assert_plain_message (error);
  g_assert_nonnull (strstr (error->message, "3600 seconds"));
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, 3600);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 1);
  g_clear_object (&result);
  g_clear_error (&error);

  /* So is one under the cap that would end after the deadline of the
   * request (4 s here): failing now beats failing with a timeout later. */
  G_STATIC_ASSERT (10 < SALVAGE_CLIENT_MAX_RETRY_WAIT);
  fault_set (&fault_429_ten_seconds, G_MAXUINT);
  start = g_get_monotonic_time ();
  salvage_client_list_workflows_async (fx.client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_list_workflows_finish (fx.client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_RATE_LIMITED);
  g_assert_cmpint (salvage_error_get_retry_after (error), ==, 10);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 2);

  fault_set (NULL, 0);
  assert_list_works (fx.client);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

static void
test_rate_limit_cancel_wait (void)
{
  FaultFixture fx = { 0 };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* A timeout long enough for the 30 s wait to fit in the deadline. */
  fault_fixture_init (&fx, 30);

  /* The debug log says when the wait begins: cancel only then, so that
   * it is the wait that is cancelled and not the first request. */
  fault_set (&fault_429_half_a_minute, G_MAXUINT);
  g_log_set_debug_enabled (TRUE);
  salvage_client_list_workflows_async (fx.client, cancellable, store_result_cb, &result);
  await_log ("HTTP 429, retrying in 30 s");
  g_log_set_debug_enabled (FALSE);
  g_assert_null (result);

  /* Cancelling ends the wait at once, and nothing is sent again. */
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_assert_null (salvage_client_list_workflows_finish (fx.client, await_result (&result), &error));
  assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_TIME_SPAN_SECOND);
  g_assert_cmpuint (fault_count_requests (), ==, 1);

  fault_set (NULL, 0);
  assert_list_works (fx.client);
  g_assert_cmpuint (fault_count_requests (), ==, 2);

  g_clear_object (&result);
  fault_fixture_clear (&fx);
}

/* The request line as it goes over the wire. SoupServer hands handlers a
 * decoded path, so a bare socket service reads it instead. */

static GMutex  wire_lock;
static char   *wire_request_line;
static char   *wire_user_agent;

static gboolean
wire_run_cb (GThreadedSocketService *service,
             GSocketConnection      *connection,
             GObject                *source_object,
             gpointer                user_data)
{
  static const char answer[] = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  g_autoptr(GDataInputStream) input = NULL;
  GOutputStream *output;
  char *line;

  input = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  g_data_input_stream_set_newline_type (input, G_DATA_STREAM_NEWLINE_TYPE_CR_LF);

  line = g_data_input_stream_read_line (input, NULL, NULL, NULL);
  g_mutex_lock (&wire_lock);
  g_free (wire_request_line);
  wire_request_line = line;
  g_mutex_unlock (&wire_lock);

  /* Read the headers, then answer and hang up. */
  while ((line = g_data_input_stream_read_line (input, NULL, NULL, NULL)) != NULL && line[0] != '\0')
    {
      if (g_ascii_strncasecmp (line, "User-Agent: ", strlen ("User-Agent: ")) == 0)
        {
          g_mutex_lock (&wire_lock);
          g_free (wire_user_agent);
          wire_user_agent = g_strdup (line + strlen ("User-Agent: "));
          g_mutex_unlock (&wire_lock);
        }
      g_free (line);
    }
  g_free (line);

  output = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_output_stream_write_all (output, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);

  return TRUE;
}

static void
test_path_escaping (void)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (1);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  g_signal_connect (service, "run", G_CALLBACK (wire_run_cb), NULL);
  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &effective, &error));
  g_assert_no_error (error);
  g_socket_service_start (service);
  url = g_strdup_printf ("http://127.0.0.1:%u",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective)));

  client = salvage_client_new (url, TEST_KEY, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (client, "a/b c?d#e");

  /* Each name stays one path segment, whatever it holds, so it can never
   * reach another endpoint; the key is escaped in the query. */
  salvage_client_get_project_async (client, "p/1", NULL, store_result_cb, &result);
  g_assert_null (salvage_client_get_project_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);

  g_mutex_lock (&wire_lock);
  g_assert_cmpstr (wire_request_line, ==,
                   "GET /a%2Fb%20c%3Fd%23e/p%2F1?api_key=" TEST_KEY_QUERY " HTTP/1.1");
  g_clear_pointer (&wire_request_line, g_free);
  /* Our product token first, then libsoup's. */
  g_assert_nonnull (wire_user_agent);
  g_assert_true (g_str_has_prefix (wire_user_agent, "Salvage/" PACKAGE_VERSION " libsoup/"));
  g_clear_pointer (&wire_user_agent, g_free);
  g_mutex_unlock (&wire_lock);

  /* Stopping cancels the pending accept; closing the listener here too
   * would make the service warn about it. */
  g_socket_service_stop (service);
}

/* Logging */

static void
test_logs_redacted (void)
{
  Fixture fx = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageClient) client = NULL;
  guint first;
  guint last;

  fixture_init (&fx);
  g_log_set_debug_enabled (TRUE);

  g_mutex_lock (&log_lock);
  first = log_records->len;
  g_mutex_unlock (&log_lock);

  /* One failing call with a bad key, one with the good key. */
  client = salvage_client_new (salvage_server_get_url (fx.server), OTHER_KEY, &error);
  g_assert_no_error (error);
  salvage_client_validate_key_async (client, NULL, store_result_cb, &result);
  g_assert_null (salvage_client_validate_key_finish (client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_clear_object (&result);
  g_clear_error (&error);

  salvage_client_get_project_async (fx.client, "no-such-project", NULL, store_result_cb, &result);
  g_assert_null (salvage_client_get_project_finish (fx.client, await_result (&result), &error));
  assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);

  g_log_set_debug_enabled (FALSE);

  g_mutex_lock (&log_lock);
  last = log_records->len;
  /* The requests were logged, so the check below looked at something. */
  g_assert_cmpuint (last, >, first);
  for (guint i = 0; i < log_records->len; i++)
    assert_no_key (g_ptr_array_index (log_records, i));
  g_mutex_unlock (&log_lock);

  g_clear_object (&result);
  assert_finalized (g_steal_pointer (&client));
  fixture_clear (&fx);
}

/* Runs last: nothing logged during the whole run carried a key. */
static void
test_all_logs_redacted (void)
{
  g_mutex_lock (&log_lock);
  for (guint i = 0; i < log_records->len; i++)
    assert_no_key (g_ptr_array_index (log_records, i));
  g_mutex_unlock (&log_lock);
}

int
main (int   argc,
      char *argv[])
{
  log_records = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_log_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  default_log_handler = g_log_set_default_handler (record_log_handler, NULL);

  g_test_add_func ("/client/mask-key", test_mask_key);
  g_test_add_func ("/client/base-url/rules", test_base_url);
  g_test_add_func ("/client/base-url/normalised", test_base_url_normalised);
  g_test_add_func ("/client/base-url/api-url-env", test_api_url_env);
  g_test_add_func ("/client/validate-key", test_validate_key);
  g_test_add_func ("/client/invalid-key", test_invalid_key);
  g_test_add_func ("/client/no-workspace", test_no_workspace);
  g_test_add_func ("/client/get-workspace", test_get_workspace);
  g_test_add_func ("/client/get-project", test_get_project);
  g_test_add_func ("/client/list-trainings", test_list_trainings);
  g_test_add_func ("/client/list-workflows", test_list_workflows);
  g_test_add_func ("/client/list-trash", test_list_trash);
  g_test_add_func ("/client/delete/twice", test_delete_twice);
  g_test_add_func ("/client/delete/missing", test_delete_missing);
  g_test_add_func ("/client/delete/workflow-by-url", test_delete_workflow_by_url);
  g_test_add_func ("/client/delete/refuses-segments", test_delete_refuses_segments);
  g_test_add_func ("/client/trainings/delete-design", test_training_delete_design);
  g_test_add_func ("/client/trainings/post-design", test_training_post_design);
  g_test_add_func ("/client/trainings/refusals", test_training_refusals);
  g_test_add_func ("/client/restore/items", test_restore);
  g_test_add_func ("/client/restore/version-conflict", test_restore_version_conflict);
  g_test_add_func ("/client/restore/refused-locally", test_restore_refused_locally);
  g_test_add_func ("/client/transport/connection-refused", test_connection_refused);
  g_test_add_func ("/client/transport/timeout", test_timeout);
  g_test_add_func ("/client/transport/cancel", test_cancel);
  g_test_add_func ("/client/raw/statuses", test_raw_statuses);
  g_test_add_func ("/client/raw/path-escaping", test_path_escaping);
  g_test_add_func ("/client/raw/probe-fails", test_raw_probe_fails);
  g_test_add_func ("/client/raw/untrusted-certificate", test_raw_untrusted_certificate);
  /* Before the streamed test, whose 64 MB would raise the peak. */
  g_test_add_func ("/client/raw/huge-declared", test_raw_huge_declared);
  g_test_add_func ("/client/raw/huge-streamed", test_raw_huge_streamed);
  g_test_add_func ("/client/raw/trash-forms", test_raw_trash_forms);
  for (gsize i = 0; i < G_N_ELEMENTS (fault_matrix); i++)
    {
      g_autofree char *path = g_strconcat ("/client/fault/", fault_matrix[i].name, NULL);

      g_test_add_data_func (path, &fault_matrix[i], test_fault);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (fault_matrix); i++)
    {
      g_autofree char *path = NULL;

      /* Those two never send a status: the body is never read. */
      if (fault_matrix[i].action == FAULT_SILENT || fault_matrix[i].action == FAULT_TRICKLE)
        continue;
      path = g_strconcat ("/client/fault-streamed/", fault_matrix[i].name, NULL);
      g_test_add_data_func (path, &fault_matrix[i], test_fault_streamed);
    }
  g_test_add_func ("/client/connections/parallel", test_parallel_requests);
  g_test_add_func ("/client/rate-limit/retried", test_rate_limit_retried);
  g_test_add_func ("/client/rate-limit/twice", test_rate_limit_twice);
  g_test_add_func ("/client/rate-limit/delete-and-restore", test_rate_limit_delete_and_restore);
  g_test_add_func ("/client/rate-limit/not-waited", test_rate_limit_not_waited);
  g_test_add_func ("/client/rate-limit/cancel-wait", test_rate_limit_cancel_wait);
  g_test_add_func ("/client/logs/redacted", test_logs_redacted);
  g_test_add_func ("/client/logs/all-redacted", test_all_logs_redacted);

  return g_test_run ();
}
