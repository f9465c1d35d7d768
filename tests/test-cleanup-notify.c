/* test-cleanup-notify.c - the notification before the cleanup, as the desktop receives it, and its Review
 *
 * Runs against a real gnome-keyring (see run-with-keyring.sh), the
 * stand-in server and, on the session bus, a stand-in for the desktop's
 * notification server (org.gtk.Notifications, which GLib picks outside a
 * sandbox when it is there) that records what it is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "salvage-application.h"
#include "salvage-autostart.h"
#include "salvage-cleanup-notice.h"
#include "salvage-secrets.h"
#include "salvage-server.h"
#include "salvage-trash-page-private.h"
#include "salvage-window-private.h"

#include "salvage-restore-cell.h"

#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"
#include "salvage-test-dialogs.h"
#include "salvage-test-monitor.h"
#include "salvage-test-screenshot.h"

#define WS   "acme-vision"
#define KEY  "akey-Q7rT2mXw9Lp"

static SalvageApplication *application;
static SalvageServer *server;
static GPtrArray *sent;  /* of the GVariant parameters of each Notify */
static GDBusConnection *notifications_bus;  /* kept: the name goes with it */
static const char *salvage_program;         /* src/salvage, from the command line */

/* The notification server */

static const char notifications_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.Notifications'>"
  "    <method name='Notify'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='u' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='as' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "      <arg type='i' direction='in'/>"
  "      <arg type='u' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' direction='in'/>"
  "    </method>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' direction='out'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "      <arg type='s' direction='out'/>"
  "    </method>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u'/>"
  "      <arg type='s'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static void
notifications_call_cb (GDBusConnection       *connection,
                       const char            *sender,
                       const char            *object_path,
                       const char            *interface_name,
                       const char            *method_name,
                       GVariant              *parameters,
                       GDBusMethodInvocation *invocation,
                       gpointer               user_data)
{
  if (g_str_equal (method_name, "Notify"))
    {
      g_ptr_array_add (sent, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", sent->len));
    }
  else if (g_str_equal (method_name, "GetCapabilities"))
    {
      const char *capabilities[] = { "actions", "body", NULL };

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", capabilities));
    }
  else if (g_str_equal (method_name, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "test", "salvage", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable notifications_vtable = { notifications_call_cb, NULL, NULL, { 0 } };

/* Serves org.freedesktop.Notifications, the backend GLib picks outside a
 * sandbox on a desktop without org.gtk.Notifications (as here). Owned
 * before the application first sends, which is when GLib picks. */
static void
notifications_serve (void)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;
  GDBusConnection *bus;
  guint32 result;

  bus = notifications_bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  g_dbus_connection_register_object (bus, "/org/freedesktop/Notifications", info->interfaces[0],
                                     &notifications_vtable, NULL, NULL, &error);
  g_assert_no_error (error);

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                       NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
}

/* What a person's click on notification @id does: the server says which
 * action was invoked. */
static void
notifications_invoke (guint32     id,
                      const char *action)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (notifications_bus, NULL, "/org/freedesktop/Notifications",
                                 "org.freedesktop.Notifications", "ActionInvoked",
                                 g_variant_new ("(us)", id, action), &error);
  g_assert_no_error (error);
}

static void
store_key (const char *url,
           const char *workspace,
           const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_secrets_store_async (url, workspace, workspace, key, NULL, salvage_test_keep_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (salvage_secrets_store_finish (result, &error));
  g_assert_no_error (error);
}

static void
checked_cb (SalvageCleanupWatch *watch,
            guint                n_notified,
            const GError        *error,
            gpointer             user_data)
{
  int *n_checks = user_data;

  g_assert_no_error (error);
  (*n_checks)++;
}

/* Version 1 was deleted 29 days ago: one day left. The first check sends
 * one notification, which says so without the key, and offers Review and
 * nothing else; the next check says nothing more. */
static void
test_notify_once (void)
{
  g_autoptr(GVariant) actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree char *printed = NULL;
  const char *summary;
  const char *body;
  const char *action;
  const char *label;

  g_action_group_activate_action (G_ACTION_GROUP (application), "check-cleanup", NULL);
  WAIT_FOR (sent->len == 1);

  g_variant_get (g_ptr_array_index (sent, 0), "(&su&s&s&s@as@a{sv}i)",
                 NULL, NULL, NULL, &summary, &body, &actions, &hints, NULL);
  g_assert_cmpstr (summary, ==, "1 item in “Acme Vision” will be deleted for good tomorrow");
  g_assert_true (g_str_has_prefix (body, "“PCB Defects › "));

  /* The default action (a click on it) and one button, both Review. */
  g_assert_cmpuint (g_variant_n_children (actions), ==, 4);
  g_variant_get_child (actions, 0, "&s", &action);
  g_assert_cmpstr (action, ==, "default");
  g_variant_get_child (actions, 2, "&s", &action);
  g_assert_true (g_str_has_prefix (action, SALVAGE_CLEANUP_REVIEW_ACTION "("));
  g_variant_get_child (actions, 3, "&s", &label);
  g_assert_cmpstr (label, ==, "Review");

  /* Nothing of the key, anywhere in it. */
  printed = g_variant_print (g_ptr_array_index (sent, 0), FALSE);
  g_assert_null (strstr (printed, KEY));

  /* Later: nothing new. */
  {
    SalvageCleanupWatch *watch = salvage_application_get_cleanup_watch (application);
    int n_checks = 0;
    gulong handler;

    handler = g_signal_connect (watch, "checked", G_CALLBACK (checked_cb), &n_checks);
    g_action_group_activate_action (G_ACTION_GROUP (application), "check-cleanup", NULL);
    WAIT_FOR (n_checks == 1);
    g_signal_handler_disconnect (watch, handler);
    g_assert_cmpuint (sent->len, ==, 1);
  }
}

static gboolean
is_restore_cell_of (GtkWidget     *widget,
                    gconstpointer  item)
{
  return SALVAGE_IS_RESTORE_CELL (widget) &&
         salvage_restore_cell_get_item (SALVAGE_RESTORE_CELL (widget)) == item;
}

/* What a person who deleted a version 29 days ago and closed Salvage
 * meets: a click on the notification opens the window on that workspace's
 * Trash, showing only what the notification named; they restore it there;
 * Show All shows the rest. */
static void
test_notify_review (void)
{
  SalvageWindow *window;
  SalvageAccount *account;
  SalvageTrashPage *page;
  GListModel *rows;

  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (application)));

  notifications_invoke (1, "default");
  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (application)) != NULL);

  window = SALVAGE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  account = salvage_window_get_account (window);
  g_assert_nonnull (account);
  g_assert_cmpstr (salvage_account_get_workspace (account), ==, WS);
  WAIT_FOR (g_strcmp0 (adw_view_stack_get_visible_child_name (window->view_stack), "trash") == 0);

  page = salvage_window_get_trash_page (window);
  rows = salvage_trash_page_get_rows (page);
  WAIT_FOR (salvage_window_get_workspace (window) != NULL &&
            g_list_model_get_n_items (salvage_workspace_get_trash (salvage_window_get_workspace (window))) == 2);
  g_assert_true (salvage_trash_page_get_showing_only (page));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->review_banner)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  {
    g_autoptr(SalvageTrashItem) item = g_list_model_get_item (rows, 0);

    g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "1");
  }

  salvage_test_save_screenshot (GTK_WIDGET (window), "cleanup-review");

  /* The workspace whose key could not be read is said, once. */
  WAIT_FOR (salvage_window_get_last_toast (window) != NULL &&
            g_str_has_prefix (salvage_window_get_last_toast (window),
                              "“Beta Labs” was not checked before the cleanup: Its API key could not be read"));
  {
    g_autofree char *title = NULL;
    g_autofree char *details = NULL;

    g_assert_false (salvage_cleanup_watch_take_skipped (salvage_application_get_cleanup_watch (application),
                                                        &title, &details));
  }

  /* The person restores it from there, as from any Trash row. */
  {
    g_autoptr(SalvageTrashItem) due = g_list_model_get_item (rows, 0);
    g_autoptr(AdwAlertDialog) dialog = NULL;
    GtkWidget *cell;

    WAIT_FOR ((cell = salvage_test_find_widget (GTK_WIDGET (page), is_restore_cell_of, due)) != NULL);
    g_signal_emit_by_name (gtk_widget_get_first_child (cell), "clicked");
    WAIT_FOR (salvage_window_get_dialog (window) != NULL);
    dialog = g_object_ref (salvage_window_get_dialog (window));
    salvage_test_answer (dialog, "restore");
    WAIT_FOR (salvage_server_get_item_state (server, WS, "version", "pcb/1") == SALVAGE_SERVER_ITEM_LIVE);
    WAIT_FOR (g_list_model_get_n_items (rows) == 0);
  }

  /* Show All: the rest of the Trash. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.show-all-entries", NULL));
  g_assert_false (salvage_trash_page_get_showing_only (page));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->review_banner)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
free_outcome (gpointer error)
{
  if (error != NULL)
    g_error_free (error);
}

/* Keeps each check's outcome: a copy of its error, or NULL. */
static void
count_checks_cb (SalvageCleanupWatch *watch,
                 guint                n_notified,
                 const GError        *error,
                 gpointer             user_data)
{
  GPtrArray *outcomes = user_data;

  g_ptr_array_add (outcomes, error != NULL ? g_error_copy (error) : NULL);
}

/* Offline, a check asks nothing and waits; it runs when the network comes
 * back, not before. */
static void
test_notify_offline (void)
{
  g_autoptr(TestMonitor) monitor = g_object_new (TEST_TYPE_MONITOR, NULL);
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(SalvageCleanupWatch) watch = NULL;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (free_outcome);
  guint n_requests;

  test_monitor_set_available (monitor, FALSE);

  watch = salvage_cleanup_watch_new (G_APPLICATION (application), salvage_application_get_accounts (application),
                                     salvage_application_get_settings (application), ledger,
                                     G_NETWORK_MONITOR (monitor));
  g_signal_connect (watch, "checked", G_CALLBACK (count_checks_cb), outcomes);

  n_requests = salvage_server_get_request_count (server);
  salvage_cleanup_watch_check (watch);
  WAIT_FOR (outcomes->len == 1);
  g_assert_error ((GError *) g_ptr_array_index (outcomes, 0), G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE);
  g_assert_cmpuint (salvage_server_get_request_count (server), ==, n_requests);

  test_monitor_set_available (monitor, TRUE);
  WAIT_FOR (outcomes->len == 2);
  g_assert_null (g_ptr_array_index (outcomes, 1));
  g_assert_cmpuint (salvage_server_get_request_count (server), >, n_requests);

  g_signal_handlers_disconnect_by_func (watch, count_checks_cb, outcomes);
}

/* With a workspace added and the warnings on, Salvage starts at login
 * (here: the autostart entry, outside a sandbox); turned off, or with the
 * last workspace removed, it does not. */
static void
test_notify_autostart (void)
{
  GSettings *settings = salvage_application_get_settings (application);
  g_autofree char *path = salvage_autostart_dup_entry_path ();

  g_assert_cmpint (salvage_autostart_get_method (), ==, SALVAGE_AUTOSTART_ENTRY);
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "cleanup-warnings", FALSE);
  WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));
  g_settings_set_boolean (settings, "cleanup-warnings", TRUE);
  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));

  /* The workspaces removed, as from the switcher: the entry goes with the
   * last one. */
  {
    SalvageAccounts *accounts = salvage_application_get_accounts (application);

    while (g_list_model_get_n_items (salvage_accounts_get_model (accounts)) > 0)
      {
        g_autoptr(SalvageAccount) account = g_list_model_get_item (salvage_accounts_get_model (accounts), 0);
        g_autoptr(GAsyncResult) result = NULL;

        g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
        salvage_accounts_remove_async (accounts, account, NULL, salvage_test_keep_result_cb, &result);
        WAIT_FOR (result != NULL);
        /* Beta Labs had no key to clear: an error, and gone all the same. */
        salvage_accounts_remove_finish (accounts, result, NULL);
      }
  }
  WAIT_FOR (!g_file_test (path, G_FILE_TEST_EXISTS));
}

/* The program itself, as the session starts it at login: salvage
 * --background opens no window and sends the notification; run again, it
 * asks the running instance to check, and ends. */
static void
test_notify_program (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *state = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { salvage_program, "--background", NULL };
  const char *summary;
  guint n_sent = sent->len;
  guint n_requests;
  GPid pid;
  int status;

  if (salvage_program == NULL)
    {
      g_test_skip ("Needs the program to run: its path after the options");
      return;
    }

  home = g_dir_make_tmp ("salvage-program-XXXXXX", &error);
  g_assert_no_error (error);
  settings_dir = g_build_filename (home, "config", "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  contents = g_strdup_printf ("[io/github/salvage/Salvage]\naccounts=[('%s', 'gamma-works', 'Gamma Works')]\n",
                              salvage_server_get_url (server));
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  g_free (g_steal_pointer (&contents));
  state = g_build_filename (home, "state", NULL);

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  {
    g_autofree char *config = g_build_filename (home, "config", NULL);

    envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  }
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", state, TRUE);

  if (!g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("Could not start %s: %s", salvage_program, error->message);

  WAIT_FOR (sent->len == n_sent + 1);
  g_variant_get (g_ptr_array_index (sent, n_sent), "(&su&s&s&sasa{sv}i)",
                 NULL, NULL, NULL, &summary, NULL, NULL, NULL, NULL);
  g_assert_cmpstr (summary, ==, "1 item in “Gamma Works” will be deleted for good tomorrow");

  /* No window: the application exports none on the bus. */
  {
    g_autoptr(GVariant) reply = NULL;
    const char *xml;

    reply = g_dbus_connection_call_sync (notifications_bus, APP_ID, "/io/github/salvage/Salvage/window",
                                         "org.freedesktop.DBus.Introspectable", "Introspect", NULL,
                                         G_VARIANT_TYPE ("(s)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
    g_assert_no_error (error);
    g_variant_get (reply, "(&s)", &xml);
    g_assert_null (strstr (xml, "<node name="));
  }

  /* Again: the running instance checks now (one request for the Trash),
   * names nothing again, and the second process ends at once. */
  n_requests = salvage_server_get_request_count (server);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  WAIT_FOR (salvage_server_get_request_count (server) > n_requests);
  {
    gint64 end = g_get_monotonic_time () + G_TIME_SPAN_SECOND;

    WAIT_FOR (g_get_monotonic_time () > end);
  }
  g_assert_cmpuint (sent->len, ==, n_sent + 1);

  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  {
    g_autofree char *ledger = g_build_filename (state, "salvage", "cleanup-warnings", NULL);
    g_autofree char *ledger_dir = g_path_get_dirname (ledger);
    g_autofree char *autostart = g_build_filename (home, "config", "autostart", APP_ID ".desktop", NULL);
    g_autofree char *autostart_dir = g_path_get_dirname (autostart);
    g_autofree char *glib_dir = g_path_get_dirname (settings_dir);
    g_autofree char *config_dir = g_path_get_dirname (glib_dir);

    g_remove (ledger);
    g_rmdir (ledger_dir);
    g_rmdir (state);
    g_remove (autostart);
    g_rmdir (autostart_dir);
    g_remove (keyfile);
    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
    g_rmdir (config_dir);
    g_rmdir (home);
  }
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
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) accounts = NULL;
  gint64 now;
  int status;

  /* Whatever the machine's routes, the network is up for these tests. */
  g_setenv ("GIO_USE_NETWORK_MONITOR", "base", TRUE);
  /* The throwaway HOME of run-with-keyring.sh holds what is written:
   * the ledger, the autostart entry. */
  {
    g_autofree char *config = g_build_filename (g_get_home_dir (), ".config", NULL);
    g_autofree char *state = g_build_filename (g_get_home_dir (), ".local", "state", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* After the test options: the program to start as the session would. */
  if (argc > 1)
    salvage_program = argv[1];

  if (g_getenv ("SALVAGE_TEST_KEYRING") == NULL)
    {
      g_test_add_func ("/cleanup-notify/outside-keyring-session", test_outside_keyring_session);
      return g_test_run ();
    }

  sent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  notifications_serve ();

  server = salvage_server_new ();
  salvage_server_add_workspace (server, WS, "Acme Vision");
  salvage_server_add_key (server, KEY, WS);
  g_assert_nonnull (salvage_server_add_project (server, WS, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS, "pcb", 1, "raw", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS, "pcb", 2, "augmented", 360));
  now = g_get_real_time ();
  salvage_server_set_time (server, now);
  g_assert_true (salvage_server_trash (server, WS, "version", "pcb/1", now - 29 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR,
                                       "Mei Tanaka"));
  /* Gamma Works: for the program started on its own. */
  salvage_server_add_workspace (server, "gamma-works", "Gamma Works");
  salvage_server_add_key (server, "gkey-R4tY8uWq2", "gamma-works");
  g_assert_nonnull (salvage_server_add_project (server, "gamma-works", "gears", "Gears", "object-detection", 9));
  g_assert_nonnull (salvage_server_add_version (server, "gamma-works", "gears", 1, "raw", 9));
  g_assert_true (salvage_server_trash (server, "gamma-works", "version", "gears/1",
                                       now - 29 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR, "Mei Tanaka"));

  /* Deleted five days ago: not due, and not shown by a Review. */
  g_assert_true (salvage_server_trash (server, WS, "version", "pcb/2", now - 5 * G_TIME_SPAN_DAY, "Sam Ortiz"));
  salvage_server_listen (server, 0, &error);
  g_assert_no_error (error);
  store_key (salvage_server_get_url (server), WS, KEY);
  store_key (salvage_server_get_url (server), "gamma-works", "gkey-R4tY8uWq2");

  /* Saved before the application reads its accounts. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    /* Beta Labs has no key in the keyring: skipped, and said so. */
    accounts = g_variant_ref_sink (g_variant_new_parsed ("[(%s, %s, 'Acme Vision'), (%s, 'beta-labs', 'Beta Labs')]",
                                                         salvage_server_get_url (server), WS,
                                                         salvage_server_get_url (server)));
    g_settings_set_value (settings, "accounts", accounts);
  }

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cleanup-notify/once", test_notify_once);
  g_test_add_func ("/cleanup-notify/review", test_notify_review);
  g_test_add_func ("/cleanup-notify/offline", test_notify_offline);
  g_test_add_func ("/cleanup-notify/autostart", test_notify_autostart);
  g_test_add_func ("/cleanup-notify/program", test_notify_program);

  status = g_test_run ();

  g_clear_object (&application);
  g_clear_object (&server);
  g_ptr_array_unref (sent);
  g_clear_object (&notifications_bus);

  return status;
}
