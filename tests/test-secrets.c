/* test-secrets.c - API keys in a real gnome-keyring: stored, found, replaced, removed,
 * and the right error, soon, when the keyring is locked, absent or silent
 *
 * Run through run-with-keyring.sh, which gives the test a throwaway,
 * unlocked keyring. The tests of a locked, a missing and a silent keyring
 * run in subprocesses, each on a private bus of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsecret/secret.h>

#include "salvage-secrets.h"

#include "salvage-test-keyring.h"
#include "salvage-test-wait.h"

#define SERVER "https://api.roboflow.com"
#define OTHER_SERVER "http://127.0.0.1:8123"
#define KEY "rf_test_Zq4xW8pLm2Vt"
#define OTHER_KEY "rf_test_Yb7nK3sHc9Qd"

/* Not one test may take this long; the silent service ends sooner still. */
#define QUICK_USEC (15 * G_USEC_PER_SEC)

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static gboolean
store (const char    *server,
       const char    *workspace,
       const char    *key,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *label = g_strdup_printf ("Roboflow API key for %s", workspace);

  salvage_secrets_store_async (server, workspace, label, key, cancellable,
                               salvage_test_keep_result_cb, &result);
  return salvage_secrets_store_finish (wait_for (&result), error);
}

static char *
lookup (const char  *server,
        const char  *workspace,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_secrets_lookup_async (server, workspace, NULL, salvage_test_keep_result_cb, &result);
  return salvage_secrets_lookup_finish (wait_for (&result), error);
}

static char *
lookup_quietly (const char  *server,
                const char  *workspace,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_secrets_lookup_quietly_async (server, workspace, NULL, salvage_test_keep_result_cb, &result);
  return salvage_secrets_lookup_quietly_finish (wait_for (&result), error);
}

static gboolean
clear (const char  *server,
       const char  *workspace,
       GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_secrets_clear_async (server, workspace, NULL, salvage_test_keep_result_cb, &result);
  return salvage_secrets_clear_finish (wait_for (&result), error);
}

static void
assert_key (const char *server,
            const char *workspace,
            const char *expected)
{
  g_autoptr(GError) error = NULL;
  char *key;

  key = lookup (server, workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, expected);
  salvage_secrets_free (key);
}

static void
assert_no_key (const char *server,
               const char *workspace)
{
  g_autoptr(GError) error = NULL;
  char *key;

  key = lookup (server, workspace, &error);
  g_assert_error (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND);
  g_assert_null (key);
}

/* The items the keyring holds for an account, whatever their schema. */
static GList *
find_items (const char *server,
            const char *workspace)
{
  g_autoptr(GHashTable) attributes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  GList *items;

  service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error);
  g_assert_no_error (error);

  g_hash_table_insert (attributes, (gpointer) "server", (gpointer) server);
  g_hash_table_insert (attributes, (gpointer) "workspace", (gpointer) workspace);
  items = secret_service_search_sync (service, NULL, attributes, SECRET_SEARCH_ALL,
                                      NULL, &error);
  g_assert_no_error (error);
  return items;
}

static void
test_store_lookup (void)
{
  g_autoptr(GError) error = NULL;

  char *key;

  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  g_assert_no_error (error);
  assert_key (SERVER, "acme-vision", KEY);

  /* Read without prompting, from an unlocked keyring: the same key. */
  key = lookup_quietly (SERVER, "acme-vision", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, KEY);
  salvage_secrets_free (key);
  key = lookup_quietly (SERVER, "never-stored", &error);
  g_assert_error (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND);
  g_assert_null (key);
  g_clear_error (&error);

  g_assert_true (clear (SERVER, "acme-vision", &error));
  g_assert_no_error (error);
}

static void
test_store_replaces (void)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  g_assert_true (store (SERVER, "replaced", KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (SERVER, "replaced", OTHER_KEY, NULL, &error));
  g_assert_no_error (error);

  assert_key (SERVER, "replaced", OTHER_KEY);
  items = find_items (SERVER, "replaced");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  g_assert_true (clear (SERVER, "replaced", &error));
  g_assert_no_error (error);
}

static void
test_accounts_apart (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store (SERVER, "first", "rf_test_first", NULL, &error));
  g_assert_true (store (SERVER, "second", "rf_test_second", NULL, &error));
  g_assert_true (store (OTHER_SERVER, "first", "rf_test_local_first", NULL, &error));
  g_assert_no_error (error);

  assert_key (SERVER, "first", "rf_test_first");
  assert_key (SERVER, "second", "rf_test_second");
  assert_key (OTHER_SERVER, "first", "rf_test_local_first");
  assert_no_key (OTHER_SERVER, "second");
  /* A workspace whose slug begins like another's is still another. */
  assert_no_key (SERVER, "firs");

  g_assert_true (clear (SERVER, "first", &error));
  g_assert_no_error (error);
  assert_no_key (SERVER, "first");
  assert_key (SERVER, "second", "rf_test_second");
  assert_key (OTHER_SERVER, "first", "rf_test_local_first");

  g_assert_true (clear (SERVER, "second", &error));
  g_assert_true (clear (OTHER_SERVER, "first", &error));
  g_assert_no_error (error);
}

static void
test_clear (void)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  g_assert_true (store (SERVER, "cleared", KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (clear (SERVER, "cleared", &error));
  g_assert_no_error (error);

  assert_no_key (SERVER, "cleared");
  items = find_items (SERVER, "cleared");
  g_assert_null (items);

  /* Removing what is not there is no failure. */
  g_assert_true (clear (SERVER, "cleared", &error));
  g_assert_no_error (error);
  g_assert_true (clear (SERVER, "never-stored", &error));
  g_assert_no_error (error);
}

static void
test_unusual_keys (void)
{
  static const char unicode_key[] = "Schlüssel-ключ-鍵-🔑";
  g_autoptr(GString) long_key = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  /* 200 characters, most of them more than one byte. */
  for (guint i = 0; i < 50; i++)
    g_string_append (long_key, "aé€🔑");
  g_assert_cmpint (g_utf8_strlen (long_key->str, -1), ==, 200);

  g_assert_true (store (SERVER, "unicode", unicode_key, NULL, &error));
  g_assert_no_error (error);
  assert_key (SERVER, "unicode", unicode_key);

  g_assert_true (store (SERVER, "long", long_key->str, NULL, &error));
  g_assert_no_error (error);
  assert_key (SERVER, "long", long_key->str);

  /* Workspaces and servers are matched exactly, beyond ASCII too. */
  g_assert_true (store ("https://exämple.test", "café-vision", KEY, NULL, &error));
  g_assert_no_error (error);
  assert_key ("https://exämple.test", "café-vision", KEY);
  assert_no_key ("https://exämple.test", "cafe-vision");

  g_assert_true (clear (SERVER, "unicode", &error));
  g_assert_true (clear (SERVER, "long", &error));
  g_assert_true (clear ("https://exämple.test", "café-vision", &error));
  g_assert_no_error (error);
}

static void
test_stored_item (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  const char *collection_path;
  const char *item_path;
  GList *items;

  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  g_assert_no_error (error);

  items = find_items (SERVER, "acme-vision");
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_assert_true (SECRET_IS_ITEM (items->data));

  /* Our two attributes and libsecret's note of the schema, nothing else. */
  attributes = secret_item_get_attributes (items->data);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "server"), ==, SERVER);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "workspace"), ==, "acme-vision");
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, SALVAGE_SECRETS_SCHEMA_NAME);

  label = secret_item_get_label (items->data);
  g_assert_cmpstr (label, ==, "Roboflow API key for acme-vision");

  /* In the default collection, where keyring managers look first. */
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  collection_path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection));
  item_path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (items->data));
  g_assert_true (g_str_has_prefix (item_path, collection_path));
  g_assert_cmpint (item_path[strlen (collection_path)], ==, '/');

  g_list_free_full (items, g_object_unref);
  g_assert_true (clear (SERVER, "acme-vision", &error));
  g_assert_no_error (error);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (store (SERVER, "cancelled", KEY, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_key (SERVER, "cancelled");
}

/* Subprocesses: a private bus each, and checks of every error. */

static void
assert_secrets_error (const GError *error,
                      int           code,
                      const char   *message,
                      gint64        started)
{
  g_assert_error (error, SALVAGE_SECRETS_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (strstr (error->message, KEY));
  g_assert_cmpint (g_get_monotonic_time () - started, <, QUICK_USEC);
}

static void
assert_unusable (int         code,
                 const char *message)
{
  g_autoptr(GError) error = NULL;
  gint64 started;
  char *key;

  started = g_get_monotonic_time ();
  g_assert_false (store (SERVER, "acme-vision", KEY, NULL, &error));
  assert_secrets_error (error, code, message, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  key = lookup (SERVER, "acme-vision", &error);
  g_assert_null (key);
  assert_secrets_error (error, code, message, started);
  g_clear_error (&error);

  started = g_get_monotonic_time ();
  g_assert_false (clear (SERVER, "acme-vision", &error));
  assert_secrets_error (error, code, message, started);
}

/* The parent's side: the child must pass, and print nothing of the key
 * even with every debug message on. */
static void
run_in_subprocess (void)
{
  g_test_trap_subprocess (NULL, 40 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout_unmatched ("*" KEY "*");
  g_test_trap_assert_stderr_unmatched ("*" KEY "*");
}

static GTestDBus *
private_bus_up (void)
{
  GTestDBus *bus = g_test_dbus_new (G_TEST_DBUS_NONE);

  /* The bus has no services to start: no keyring, no prompter. */
  g_test_dbus_up (bus);
  g_log_set_debug_enabled (TRUE);
  return bus;
}

static void
test_no_service (void)
{
  GTestDBus *bus;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  bus = private_bus_up ();
  assert_unusable (SALVAGE_SECRETS_ERROR_UNAVAILABLE, "No keyring service is running.");
  g_test_dbus_stop (bus);
}

/* A Secret Service that asks, for every item it creates, a prompt which
 * someone answers only after PROMPT_MSEC: just enough of the protocol for
 * libsecret to store an item. */
#define PROMPT_MSEC 2500
#define PROMPT_PATH "/org/freedesktop/secrets/prompt/p1"
#define ITEM_PATH "/org/freedesktop/secrets/collection/login/1"

static gboolean
complete_prompt_cb (gpointer user_data)
{
  GDBusConnection *owner = user_data;
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (owner, NULL, PROMPT_PATH, "org.freedesktop.Secret.Prompt",
                                 "Completed",
                                 g_variant_new ("(bv)", FALSE,
                                                g_variant_new_object_path (ITEM_PATH)),
                                 &error);
  g_assert_no_error (error);
  return G_SOURCE_REMOVE;
}

static GDBusMessage *
answer_slowly_cb (GDBusConnection *connection,
                  GDBusMessage    *message,
                  gboolean         incoming,
                  gpointer         user_data)
{
  g_autoptr(GDBusMessage) reply = NULL;
  const char *member;

  if (!incoming || g_dbus_message_get_message_type (message) != G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    return message;

  member = g_dbus_message_get_member (message);
  if (g_strcmp0 (member, "GetAll") == 0)
    {
      reply = g_dbus_message_new_method_reply (message);
      g_dbus_message_set_body (reply, g_variant_new ("(a{sv})", NULL));
    }
  else if (g_strcmp0 (member, "OpenSession") == 0)
    {
      const char *algorithm = NULL;

      g_variant_get (g_dbus_message_get_body (message), "(&sv)", &algorithm, NULL);
      if (g_strcmp0 (algorithm, "plain") == 0)
        {
          reply = g_dbus_message_new_method_reply (message);
          g_dbus_message_set_body (reply, g_variant_new ("(vo)", g_variant_new_string (""),
                                                         "/org/freedesktop/secrets/session/s1"));
        }
      else
        reply = g_dbus_message_new_method_error (message, "org.freedesktop.DBus.Error.NotSupported",
                                                 "Only plain sessions");
    }
  else if (g_strcmp0 (member, "CreateItem") == 0)
    {
      reply = g_dbus_message_new_method_reply (message);
      g_dbus_message_set_body (reply, g_variant_new ("(oo)", "/", PROMPT_PATH));
    }
  else if (g_strcmp0 (member, "Prompt") == 0)
    {
      reply = g_dbus_message_new_method_reply (message);
      g_timeout_add_full (G_PRIORITY_DEFAULT, PROMPT_MSEC, complete_prompt_cb,
                          g_object_ref (connection), g_object_unref);
    }
  else
    reply = g_dbus_message_new_method_error (message, "org.freedesktop.DBus.Error.UnknownMethod",
                                             "Not in this test");

  g_dbus_connection_send_message (connection, reply, G_DBUS_SEND_MESSAGE_FLAGS_NONE, NULL, NULL);
  g_object_unref (message);
  return NULL;
}

static GDBusConnection *
own_secrets_name (GTestDBus                  *bus,
                  GDBusMessageFilterFunction  filter)
{
  g_autoptr(GDBusConnection) owner = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint32 request_reply;

  owner = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                  G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                  G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                  NULL, NULL, &error);
  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (owner, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.secrets", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &request_reply);
  g_assert_cmpuint (request_reply, ==, 1);
  g_dbus_connection_add_filter (owner, filter, NULL, NULL);

  return g_steal_pointer (&owner);
}

static void
test_no_bus (void)
{
  g_autofree char *address = NULL;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  /* No session bus at all, as in a bare login shell. */
  address = g_strdup_printf ("unix:path=%s/no-such-bus", g_get_home_dir ());
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_log_set_debug_enabled (TRUE);
  assert_unusable (SALVAGE_SECRETS_ERROR_UNAVAILABLE, "No keyring service is running.");
}

static GDBusMessage *
drop_calls_cb (GDBusConnection *connection,
               GDBusMessage    *message,
               gboolean         incoming,
               gpointer         user_data)
{
  if (incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      g_object_unref (message);
      return NULL;
    }
  return message;
}

static void
test_silent_service (void)
{
  g_autoptr(GDBusConnection) owner = NULL;
  g_autoptr(GError) error = NULL;
  GTestDBus *bus;
  gint64 started, elapsed;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  bus = private_bus_up ();

  /* A service that holds the name and never answers, like a frozen daemon. */
  owner = own_secrets_name (bus, drop_calls_cb);

  started = g_get_monotonic_time ();
  g_assert_false (store (SERVER, "acme-vision", KEY, NULL, &error));
  elapsed = g_get_monotonic_time () - started;
  assert_secrets_error (error, SALVAGE_SECRETS_ERROR_UNAVAILABLE,
                        "The keyring did not answer in time.", started);
  /* Ended by our own limit, well before D-Bus gives up after 25 s. */
  g_assert_cmpint (elapsed, >=, (SALVAGE_SECRETS_TIMEOUT_SECONDS - 1) * G_USEC_PER_SEC);

  g_dbus_connection_close_sync (owner, NULL, NULL);
  g_test_dbus_stop (bus);
}

static void
test_slow_prompt (void)
{
  g_autoptr(GDBusConnection) owner = NULL;
  g_autoptr(GError) error = NULL;
  GTestDBus *bus;
  gint64 started, elapsed;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  bus = private_bus_up ();
  owner = own_secrets_name (bus, answer_slowly_cb);

  /* Someone takes longer over the prompt than the service may take to
   * answer: that is no reason to give up. */
  salvage_secrets_set_timeout (PROMPT_MSEC / 3);
  started = g_get_monotonic_time ();
  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  elapsed = g_get_monotonic_time () - started;
  g_assert_no_error (error);
  g_assert_cmpint (elapsed, >=, PROMPT_MSEC * 1000);

  g_dbus_connection_close_sync (owner, NULL, NULL);
  g_test_dbus_stop (bus);
}

/* A gnome-keyring of the subprocess's own on its private bus, with a
 * throwaway home; unlocked with @password, or left locked when NULL. */
static GSubprocess *
keyring_start (const char *home,
               const char *password)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (home, "data", NULL);
  g_autofree char *runtime_dir = g_build_filename (home, "runtime", NULL);
  gint64 deadline;

  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime_dir, 0700), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime_dir, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon",
                                        "--foreground", "--components=secrets",
                                        password != NULL ? "--unlock" : NULL, NULL);
  g_assert_no_error (error);

  if (password != NULL)
    {
      g_output_stream_write_all (g_subprocess_get_stdin_pipe (daemon), password,
                                 strlen (password), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_output_stream_close (g_subprocess_get_stdin_pipe (daemon), NULL, &error);
  g_assert_no_error (error);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned;

      reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                           "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                           "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &owned);
      if (owned)
        break;

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 20);
    }

  return g_steal_pointer (&daemon);
}

static void
keyring_stop (GSubprocess *daemon)
{
  g_subprocess_send_signal (daemon, SIGTERM);
  g_subprocess_wait (daemon, NULL, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Under the throwaway HOME, which run-with-keyring.sh removes even when a
 * subprocess fails before it could. */
static char *
make_home (void)
{
  g_autofree char *template = g_build_filename (g_get_home_dir (), "keyring-XXXXXX", NULL);
  char *home = g_mkdtemp (g_steal_pointer (&template));

  g_assert_nonnull (home);
  return home;
}

static void
test_locked (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  GTestDBus *bus;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      g_test_trap_assert_stdout ("*API keys go to the Secret Service*");
      return;
    }

  bus = private_bus_up ();
  home = make_home ();
  daemon = keyring_start (home, "locked-test");

  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  g_assert_no_error (error);
  test_lock_default_collection ();

  /* Unlocking needs a prompt, which nobody can answer here: the same as
   * a person declining it. The key must not look missing, nor removed. */
  assert_unusable (SALVAGE_SECRETS_ERROR_LOCKED, "The keyring is locked.");
  /* Where there is nothing, locked or not, nothing is what we say. */
  assert_no_key (SERVER, "never-stored");

  keyring_stop (daemon);
  remove_tree (home);
  g_test_dbus_stop (bus);
}

/* A quiet lookup in a locked keyring says so at once, and never asks to
 * unlock it: nobody is there to answer a check in the background. */
static void
test_locked_quietly (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int n_unlocks = 0;
  guint filter_id;
  gint64 started;
  GTestDBus *bus;
  char *key;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  bus = private_bus_up ();
  home = make_home ();
  daemon = keyring_start (home, "locked-test");

  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  g_assert_no_error (error);
  test_lock_default_collection ();

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  filter_id = g_dbus_connection_add_filter (connection, test_count_unlocks_cb, &n_unlocks, NULL);

  started = g_get_monotonic_time ();
  key = lookup_quietly (SERVER, "acme-vision", &error);
  g_assert_null (key);
  assert_secrets_error (error, SALVAGE_SECRETS_ERROR_LOCKED, "The keyring is locked.", started);
  g_clear_error (&error);

  key = lookup_quietly (SERVER, "never-stored", &error);
  g_assert_null (key);
  g_assert_error (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (g_atomic_int_get (&n_unlocks), ==, 0);

  /* The check is sound: the ordinary lookup does ask. */
  key = lookup (SERVER, "acme-vision", &error);
  g_assert_null (key);
  g_assert_error (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_LOCKED);
  g_assert_cmpint (g_atomic_int_get (&n_unlocks), >, 0);

  g_dbus_connection_remove_filter (connection, filter_id);
  keyring_stop (daemon);
  remove_tree (home);
  g_test_dbus_stop (bus);
}

static void
test_no_default_keyring (void)
{
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  gint64 started;
  GTestDBus *bus;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  /* A keyring daemon never unlocked has no login keyring to store into. */
  bus = private_bus_up ();
  home = make_home ();
  daemon = keyring_start (home, NULL);

  started = g_get_monotonic_time ();
  g_assert_false (store (SERVER, "acme-vision", KEY, NULL, &error));
  assert_secrets_error (error, SALVAGE_SECRETS_ERROR_LOCKED,
                        "The default keyring is locked or has not been set up.", started);

  assert_no_key (SERVER, "acme-vision");

  keyring_stop (daemon);
  remove_tree (home);
  g_test_dbus_stop (bus);
}

/* The backend libsecret picks inside a Flatpak sandbox, there with its
 * master secret from the secret portal, here from the environment. */
static void
test_file_backend (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_test_subprocess ())
    {
      run_in_subprocess ();
      return;
    }

  home = make_home ();
  path = g_build_filename (home, "keyrings", "default.keyring", NULL);
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "file-backend-test", TRUE);

  assert_no_key (SERVER, "acme-vision");
  g_assert_true (store (SERVER, "acme-vision", KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (SERVER, "acme-vision", OTHER_KEY, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (store (SERVER, "other", KEY, NULL, &error));
  g_assert_no_error (error);
  assert_key (SERVER, "acme-vision", OTHER_KEY);
  assert_key (SERVER, "other", KEY);

  /* The file holds the keys encrypted, never as they are. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 0);
  g_assert_null (g_strstr_len (contents, length, KEY));
  g_assert_null (g_strstr_len (contents, length, OTHER_KEY));

  g_assert_true (clear (SERVER, "acme-vision", &error));
  g_assert_no_error (error);
  assert_no_key (SERVER, "acme-vision");
  assert_key (SERVER, "other", KEY);
  g_assert_true (clear (SERVER, "acme-vision", &error));
  g_assert_no_error (error);

  remove_tree (home);
}

static void
test_outside_keyring_session (void)
{
  g_test_skip ("Needs the throwaway keyring of tests/run-with-keyring.sh");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Never write test keys into someone's real keyring. */
  if (g_getenv ("SALVAGE_TEST_KEYRING") == NULL)
    {
      g_test_add_func ("/secrets/outside-keyring-session", test_outside_keyring_session);
      return g_test_run ();
    }

  g_test_add_func ("/secrets/store-lookup", test_store_lookup);
  g_test_add_func ("/secrets/store-replaces", test_store_replaces);
  g_test_add_func ("/secrets/accounts-apart", test_accounts_apart);
  g_test_add_func ("/secrets/clear", test_clear);
  g_test_add_func ("/secrets/unusual-keys", test_unusual_keys);
  g_test_add_func ("/secrets/stored-item", test_stored_item);
  g_test_add_func ("/secrets/cancelled", test_cancelled);
  g_test_add_func ("/secrets/file-backend", test_file_backend);
  g_test_add_func ("/secrets/no-bus", test_no_bus);
  g_test_add_func ("/secrets/no-service", test_no_service);
  g_test_add_func ("/secrets/silent-service", test_silent_service);
  g_test_add_func ("/secrets/slow-prompt", test_slow_prompt);
  g_test_add_func ("/secrets/locked", test_locked);
  g_test_add_func ("/secrets/locked-quietly", test_locked_quietly);
  g_test_add_func ("/secrets/no-default-keyring", test_no_default_keyring);

  return g_test_run ();
}
