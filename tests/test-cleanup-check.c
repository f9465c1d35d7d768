/* test-cleanup-check.c - checking every saved workspace's Trash for entries near their cleanup
 *
 * Runs against a real gnome-keyring (see run-with-keyring.sh) and the
 * stand-in server, whose clock the tests move. The tests run in order and
 * share the keyring, the server and the ledger's file, as one user's days
 * would; the last one locks the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "salvage-cleanup-check.h"
#include "salvage-client.h"
#include "salvage-secrets.h"
#include "salvage-server.h"

#include "salvage-test-keyring.h"
#include "salvage-test-monitor.h"
#include "salvage-test-wait.h"

#define WS_A   "acme-vision"
#define KEY_A  "akey-Q7rT2mXw9Lp"
#define WS_B   "beta-labs"
#define KEY_B  "bkey-Z3nV8cKd1Hs"
/* Nothing listens there: a workspace whose server is away. */
#define AWAY   "http://127.0.0.1:9"
#define KEY_AWAY "zkey-Away4Jf6Ue"

#define DAY G_TIME_SPAN_DAY

/* What the tests share */

static SalvageServer *server;
static TestMonitor *monitor;
static GListStore *accounts;
static char *ledger_path;
static gint64 start_usec;

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
store_key (const char *url,
           const char *workspace,
           const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_secrets_store_async (url, workspace, workspace, key, NULL, salvage_test_keep_result_cb, &result);
  g_assert_true (salvage_secrets_store_finish (wait_for (&result), &error));
  g_assert_no_error (error);
}

/* One check, as of @days after the start, at @threshold days, with a
 * ledger read from its file as a new process would. */
static GPtrArray *
check (double   days,
       int      threshold,
       GError **error)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (ledger_path);
  g_autoptr(SalvageCleanupCheck) cleanup_check = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDateTime) now = NULL;
  gint64 now_usec = start_usec + (gint64) (days * DAY);

  g_assert_true (salvage_cleanup_ledger_load (ledger, NULL));
  salvage_server_set_time (server, now_usec);
  now = g_date_time_new_from_unix_utc_usec (now_usec);

  cleanup_check = salvage_cleanup_check_new (ledger, G_NETWORK_MONITOR (monitor));
  salvage_cleanup_check_run_async (cleanup_check, G_LIST_MODEL (accounts), threshold, now, NULL,
                                   salvage_test_keep_result_cb, &result);
  return salvage_cleanup_check_run_finish (cleanup_check, wait_for (&result), error);
}

/* The report of workspace @workspace of the stand-in in @reports, or NULL. */
static SalvageCleanupReport *
find_report (GPtrArray  *reports,
             const char *workspace)
{
  for (guint i = 0; i < reports->len; i++)
    {
      SalvageCleanupReport *report = g_ptr_array_index (reports, i);
      SalvageAccount *account = salvage_cleanup_report_get_account (report);

      if (g_str_equal (salvage_account_get_workspace (account), workspace) &&
          g_str_equal (salvage_account_get_server (account), salvage_server_get_url (server)))
        return report;
    }

  return NULL;
}

/* The entries of @workspace's report as "pcb/1" (a version) or "gears" (a
 * project), "" for none. */
static char *
report_names (GPtrArray  *reports,
              const char *workspace)
{
  SalvageCleanupReport *report = find_report (reports, workspace);
  GString *names = g_string_new (NULL);
  GListModel *items;

  if (report == NULL)
    return g_string_free (names, FALSE);

  items = salvage_cleanup_report_get_items (report);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (items, i);
      const char *parent = salvage_trash_item_get_parent_url (item);

      g_string_append_printf (names, "%s", i > 0 ? ", " : "");
      if (parent != NULL)
        g_string_append_printf (names, "%s/%s", parent, salvage_trash_item_get_id (item));
      else
        g_string_append (names, salvage_trash_item_get_url (item));
    }

  return g_string_free (names, FALSE);
}

#define assert_names(reports, workspace, expected) \
  G_STMT_START { \
    g_autofree char *names_ = report_names (reports, workspace); \
    g_assert_cmpstr (names_, ==, expected); \
  } G_STMT_END

/* No report says anything of a key. */
static void
assert_no_keys (GPtrArray *reports)
{
  static const char * const keys[] = { KEY_A, KEY_B, KEY_AWAY };

  for (guint i = 0; i < reports->len; i++)
    {
      const GError *error = salvage_cleanup_report_get_error (g_ptr_array_index (reports, i));

      for (guint k = 0; error != NULL && k < G_N_ELEMENTS (keys); k++)
        g_assert_null (strstr (error->message, keys[k]));
    }
}

static void
add_account (const char *url,
             const char *workspace,
             const char *name)
{
  g_autoptr(SalvageAccount) account = salvage_account_new (url, workspace, name);

  g_list_store_append (accounts, account);
}

/* Acme's versions 1 and 2 were deleted 28 and 10 days before the start:
 * 2 and 20 days left. Beta's project 25 days before (5 left). The away
 * workspace cannot be reached; a fourth has no key in the keyring. */
static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_utc (2026, 12, 1, 9, 0, 0);
  g_autofree char *folder = NULL;
  const char *url;

  start_usec = g_date_time_to_unix_usec (start);

  server = salvage_server_new ();
  g_assert_true (salvage_server_listen (server, 0, &error));
  g_assert_no_error (error);
  url = salvage_server_get_url (server);
  salvage_server_set_time (server, start_usec);

  salvage_server_add_workspace (server, WS_A, "Acme Vision");
  salvage_server_add_key (server, KEY_A, WS_A);
  g_assert_nonnull (salvage_server_add_project (server, WS_A, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS_A, "pcb", 1, "raw", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS_A, "pcb", 2, "augmented", 360));
  g_assert_true (salvage_server_trash (server, WS_A, "version", "pcb/1", start_usec - 28 * DAY, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS_A, "version", "pcb/2", start_usec - 10 * DAY, "Mei Tanaka"));

  salvage_server_add_workspace (server, WS_B, "Beta Labs");
  salvage_server_add_key (server, KEY_B, WS_B);
  g_assert_nonnull (salvage_server_add_project (server, WS_B, "gears", "gears", "object-detection", 9));
  g_assert_true (salvage_server_trash (server, WS_B, "project", "gears", start_usec - 25 * DAY, "Sam Ortiz"));

  store_key (url, WS_A, KEY_A);
  store_key (url, WS_B, KEY_B);
  store_key (AWAY, WS_A, KEY_AWAY);

  accounts = g_list_store_new (SALVAGE_TYPE_ACCOUNT);
  add_account (url, WS_A, "Acme Vision");
  add_account (AWAY, WS_A, "Acme Vision (away)");
  add_account (url, WS_B, "Beta Labs");
  add_account (url, "no-key", "No Key");

  monitor = g_object_new (TEST_TYPE_MONITOR, NULL);

  folder = g_dir_make_tmp ("salvage-check-XXXXXX", &error);
  g_assert_no_error (error);
  ledger_path = g_build_filename (folder, "salvage", "cleanup-warnings", NULL);
}

/* The first check names what is due, in each workspace apart; says why
 * the others could not be checked; the next names nothing again. */
static void
test_check_once (void)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  SalvageCleanupReport *away;
  SalvageCleanupReport *no_key;

  reports = check (0, 3, &error);
  g_assert_no_error (error);
  assert_names (reports, WS_A, "pcb/1");
  g_assert_cmpint (salvage_cleanup_report_get_days_left (find_report (reports, WS_A)), ==, 2);
  g_assert_null (salvage_cleanup_report_get_error (find_report (reports, WS_A)));
  assert_names (reports, WS_B, "");

  /* In the order of the accounts: Acme, the away one, then no key. */
  g_assert_cmpuint (reports->len, ==, 3);
  away = g_ptr_array_index (reports, 1);
  g_assert_cmpstr (salvage_account_get_server (salvage_cleanup_report_get_account (away)), ==, AWAY);
  g_assert_nonnull (salvage_cleanup_report_get_error (away));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_cleanup_report_get_items (away)), ==, 0);
  no_key = g_ptr_array_index (reports, 2);
  g_assert_error (salvage_cleanup_report_get_error (no_key), SALVAGE_SECRETS_ERROR,
                  SALVAGE_SECRETS_ERROR_NOT_FOUND);
  assert_no_keys (reports);
  g_assert_true (g_file_test (ledger_path, G_FILE_TEST_EXISTS));

  /* Hours later, in a new process: nothing new. */
  again = check (0.25, 3, &error);
  g_assert_no_error (error);
  g_assert_null (find_report (again, WS_A));
  g_assert_cmpuint (again->len, ==, 2);
}

/* Days later Beta's project and then Acme's version 2 come due, each
 * named once. */
static void
test_check_later (void)
{
  g_autoptr(GPtrArray) day2 = NULL;
  g_autoptr(GPtrArray) day3 = NULL;
  g_autoptr(GPtrArray) day18 = NULL;
  g_autoptr(GError) error = NULL;

  day2 = check (2.1, 3, &error);
  g_assert_no_error (error);
  assert_names (day2, WS_B, "gears");
  assert_names (day2, WS_A, "");

  day3 = check (3, 3, &error);
  g_assert_no_error (error);
  assert_names (day3, WS_B, "");

  day18 = check (17.5, 3, &error);
  g_assert_no_error (error);
  assert_names (day18, WS_A, "pcb/2");
  g_assert_cmpint (salvage_cleanup_report_get_days_left (find_report (day18, WS_A)), ==, 3);
}

static void
restored_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (salvage_client_restore_finish (SALVAGE_CLIENT (source_object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* A restored entry is forgotten; deleted again, it warns again when its
 * new date comes near. */
static void
test_check_restored (void)
{
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (ledger_path);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) item = NULL;
  guint n_entries;
  gboolean done = FALSE;

  /* A new version deleted long ago, to restore. */
  g_assert_nonnull (salvage_server_add_version (server, WS_A, "pcb", 3, "tiled", 40));
  g_assert_true (salvage_server_trash (server, WS_A, "version", "pcb/3",
                                       start_usec + 18 * DAY - 29 * DAY, "Mei Tanaka"));
  before = check (18, 3, &error);
  g_assert_no_error (error);
  assert_names (before, WS_A, "pcb/3");
  item = g_list_model_get_item (salvage_cleanup_report_get_items (find_report (before, WS_A)), 0);

  g_assert_true (salvage_cleanup_ledger_load (ledger, NULL));
  n_entries = salvage_cleanup_ledger_get_n_entries (ledger);

  client = salvage_client_new (salvage_server_get_url (server), KEY_A, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (client, WS_A);
  salvage_client_restore_async (client, item, NULL, restored_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  after = check (18.1, 3, &error);
  g_assert_no_error (error);
  assert_names (after, WS_A, "");
  g_assert_true (salvage_cleanup_ledger_load (ledger, NULL));
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, n_entries - 1);

  g_assert_true (salvage_server_trash (server, WS_A, "version", "pcb/3",
                                       start_usec + 18 * DAY, "Mei Tanaka"));
  again = check (19, 3, &error);
  g_assert_no_error (error);
  assert_names (again, WS_A, "");
  g_clear_pointer (&again, g_ptr_array_unref);
  again = check (45.5, 3, &error);
  g_assert_no_error (error);
  assert_names (again, WS_A, "pcb/3");
}

/* Offline, nothing is asked of the keyring or of any server. */
static void
test_check_offline (void)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  guint n_requests = salvage_server_get_request_count (server);

  test_monitor_set_available (monitor, FALSE);
  reports = check (46, 3, &error);
  test_monitor_set_available (monitor, TRUE);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE);
  g_assert_null (reports);
  g_assert_cmpuint (salvage_server_get_request_count (server), ==, n_requests);
}

/* With the keyring locked, each workspace is skipped and says why, and no
 * prompt to unlock it is started. */
static void
test_check_locked (void)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  int n_unlocks = 0;
  guint filter_id;

  test_lock_default_collection ();

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  filter_id = g_dbus_connection_add_filter (connection, test_count_unlocks_cb, &n_unlocks, NULL);

  reports = check (46, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 4);
  for (guint i = 0; i < reports->len; i++)
    {
      SalvageCleanupReport *report = g_ptr_array_index (reports, i);
      const GError *skipped = salvage_cleanup_report_get_error (report);

      /* The one without a key has none, locked or not. */
      if (g_str_equal (salvage_account_get_workspace (salvage_cleanup_report_get_account (report)), "no-key"))
        g_assert_error (skipped, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND);
      else
        g_assert_error (skipped, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_LOCKED);
    }
  g_assert_cmpint (g_atomic_int_get (&n_unlocks), ==, 0);

  g_dbus_connection_remove_filter (connection, filter_id);
}

/* The ledger's file names entries, never a key. */
static void
test_check_file (void)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (ledger_path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, KEY_A));
  g_assert_null (g_strstr_len (contents, length, KEY_B));
  g_assert_null (g_strstr_len (contents, length, "api_key"));
}

static void
tear_down (void)
{
  g_autofree char *salvage = g_path_get_dirname (ledger_path);
  g_autofree char *folder = g_path_get_dirname (salvage);

  g_remove (ledger_path);
  g_rmdir (salvage);
  g_rmdir (folder);
  g_clear_pointer (&ledger_path, g_free);
  g_clear_object (&accounts);
  g_clear_object (&monitor);
  g_clear_object (&server);
}

static void
test_outside_keyring_session (void)
{
  g_test_skip ("Needs the throwaway keyring of tests/run-with-keyring.sh");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SALVAGE_TEST_KEYRING") == NULL)
    {
      g_test_add_func ("/cleanup-check/outside-keyring-session", test_outside_keyring_session);
      return g_test_run ();
    }

  set_up ();
  g_test_add_func ("/cleanup-check/once", test_check_once);
  g_test_add_func ("/cleanup-check/later", test_check_later);
  g_test_add_func ("/cleanup-check/restored", test_check_restored);
  g_test_add_func ("/cleanup-check/offline", test_check_offline);
  g_test_add_func ("/cleanup-check/file", test_check_file);
  g_test_add_func ("/cleanup-check/locked", test_check_locked);
  status = g_test_run ();
  tear_down ();

  return status;
}
