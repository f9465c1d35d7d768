/* test-accounts.c - signing in, the keyring, the CLI login and several workspaces, in the window
 *
 * Runs against a real gnome-keyring (see run-with-keyring.sh) and the
 * stand-in server, with a settings backend in memory. The tests run in
 * order and share the application's accounts, as one user's day would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>
#include <libsecret/secret.h>

#include "salvage-application.h"
#include "salvage-preferences-dialog.h"
#include "salvage-secrets.h"
#include "salvage-server.h"
#include "salvage-window-private.h"

#define WS_A     "acme-vision"
#define KEY_A    "akey-Q7rT2mXw9Lp"
#define WS_B     "beta-labs"
#define KEY_B    "bkey-Z3nV8cKd1Hs"
#define WS_C     "cli-works"
#define KEY_C    "ckey-P5wB4yRt6Ne"
#define BAD_KEY  "not-a-key-4Jf6"

#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"
#include "salvage-test-dialogs.h"
#include "salvage-test-keyring.h"

static SalvageApplication *application;
static SalvageServer *server;
static char *config_dir;

static SalvageAccounts *
accounts (void)
{
  return salvage_application_get_accounts (application);
}

static guint
n_accounts (void)
{
  return g_list_model_get_n_items (salvage_accounts_get_model (accounts ()));
}

static SalvageAccount *
find_account (const char *workspace)
{
  return salvage_accounts_find (accounts (), salvage_server_get_url (server), workspace);
}

/* The key the keyring holds for @workspace, or NULL with @error; free
 * it with salvage_secrets_free(). */
static char *
keyring_lookup (const char  *workspace,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_secrets_lookup_async (salvage_server_get_url (server), workspace, NULL,
                                salvage_test_keep_result_cb, &result);
  WAIT_FOR (result != NULL);

  return salvage_secrets_lookup_finish (result, error);
}

static SalvageWindow *
window_new (void)
{
  SalvageWindow *window = salvage_window_new (GTK_APPLICATION (application));

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
window_destroy (SalvageWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  WAIT_FOR (window == NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
workspace_loaded (SalvageWindow *window,
                  const char    *slug)
{
  SalvageWorkspace *workspace = salvage_window_get_workspace (window);

  return workspace != NULL &&
         g_strcmp0 (salvage_window_get_view (window), "workspace") == 0 &&
         g_strcmp0 (salvage_client_get_workspace (salvage_workspace_get_client (workspace)), slug) == 0 &&
         g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_projects_page (window))),
                    "content") == 0;
}

static void
type_and_connect (SalvageWindow *window,
                  const char    *api_key)
{
  SalvageWelcomePage *welcome = salvage_window_get_welcome_page (window);

  gtk_editable_set_text (salvage_welcome_page_get_server_entry (welcome),
                         salvage_server_get_url (server));
  gtk_editable_set_text (salvage_welcome_page_get_key_entry (welcome), api_key);
  salvage_welcome_page_activate_connect (welcome);
}

/* First start: the welcome page, a wrong key, then the right one. */
static void
test_accounts_first_start (void)
{
  SalvageWindow *window;
  SalvageWelcomePage *welcome;
  SalvageAccount *account;
  g_autoptr(GError) error = NULL;
  char *stored = NULL;
  const char *message;

  g_assert_cmpuint (n_accounts (), ==, 0);

  window = window_new ();
  salvage_window_show_welcome (window);
  welcome = salvage_window_get_welcome_page (window);
  g_assert_cmpstr (salvage_window_get_view (window), ==, "welcome");
  g_assert_null (salvage_welcome_page_get_error (welcome));

  /* A bad key: a plain message, and what was typed stays. */
  type_and_connect (window, BAD_KEY);
  WAIT_FOR ((message = salvage_welcome_page_get_error (welcome)) != NULL);
  g_assert_nonnull (strstr (message, "did not accept this API key"));
  g_assert_null (strstr (message, BAD_KEY));
  g_assert_cmpstr (gtk_editable_get_text (salvage_welcome_page_get_key_entry (welcome)), ==, BAD_KEY);
  g_assert_cmpstr (salvage_window_get_view (window), ==, "welcome");
  g_assert_cmpuint (n_accounts (), ==, 0);

  /* A server that does not answer: a different message, worded as the
   * pages word it, with what to do about it; no brackets in brackets. */
  gtk_editable_set_text (salvage_welcome_page_get_server_entry (welcome), "http://127.0.0.1:9");
  salvage_welcome_page_activate_connect (welcome);
  WAIT_FOR ((message = salvage_welcome_page_get_error (welcome)) != NULL &&
            g_str_has_prefix (message, "Could not connect to the server ("));
  g_assert_nonnull (strstr (message, "Check the network connection"));
  g_assert_null (strstr (message, "))"));
  g_assert_cmpuint (n_accounts (), ==, 0);

  /* Not https, not loopback: refused before anything is sent. */
  gtk_editable_set_text (salvage_welcome_page_get_server_entry (welcome), "http://example.com");
  salvage_welcome_page_activate_connect (welcome);
  message = salvage_welcome_page_get_error (welcome);
  g_assert_nonnull (message);
  g_assert_null (strstr (message, "Could not connect"));

  type_and_connect (window, KEY_A);
  WAIT_FOR (workspace_loaded (window, WS_A));

  g_assert_cmpuint (n_accounts (), ==, 1);
  account = find_account (WS_A);
  g_assert_nonnull (account);
  g_assert_true (salvage_window_get_account (window) == account);
  g_assert_true (salvage_accounts_get_active (accounts ()) == account);
  /* The workspace's name replaces the slug once it is known. */
  WAIT_FOR (g_strcmp0 (salvage_account_get_name (account), "Acme Vision") == 0);
  g_assert_cmpstr (salvage_account_get_masked_key (account), ==, "ak************Lp");

  WAIT_FOR (!salvage_account_get_session_only (account));
  stored = keyring_lookup (WS_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, KEY_A);
  salvage_secrets_free (stored);

  window_destroy (window);
}

/* A second workspace, switching between them, and the one shown last
 * coming back on the next start. */
static void
test_accounts_several (void)
{
  SalvageWindow *window;
  SalvageWelcomePage *welcome;
  g_autoptr(SalvageAccounts) restarted = NULL;
  g_autoptr(GSettings) settings = NULL;

  window = window_new ();
  salvage_window_open_account (window, find_account (WS_A));
  WAIT_FOR (workspace_loaded (window, WS_A));
  g_assert_cmpint (gtk_list_box_get_row_at_index (salvage_window_get_accounts_list (window), 0) != NULL, ==, TRUE);

  /* Add, but think better of it: back to the workspace as it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  g_assert_cmpstr (salvage_window_get_view (window), ==, "welcome");
  welcome = salvage_window_get_welcome_page (window);
  g_signal_emit_by_name (welcome, "cancel-requested");
  g_assert_true (workspace_loaded (window, WS_A));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  type_and_connect (window, KEY_B);
  WAIT_FOR (workspace_loaded (window, WS_B));
  g_assert_cmpuint (n_accounts (), ==, 2);
  g_assert_nonnull (gtk_list_box_get_row_at_index (salvage_window_get_accounts_list (window), 1));
  WAIT_FOR (!salvage_account_get_session_only (find_account (WS_B)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)",
                              salvage_server_get_url (server), WS_A);
  WAIT_FOR (workspace_loaded (window, WS_A));
  g_assert_true (salvage_accounts_get_active (accounts ()) == find_account (WS_A));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)",
                              salvage_server_get_url (server), WS_B);
  WAIT_FOR (workspace_loaded (window, WS_B));

  /* The next start reads the same settings: both workspaces, B shown,
   * and B's key from the keyring (nothing in memory yet). */
  settings = g_object_ref (salvage_application_get_settings (application));
  restarted = salvage_accounts_new (settings);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_accounts_get_model (restarted)), ==, 2);
  g_assert_nonnull (salvage_accounts_get_active (restarted));
  g_assert_cmpstr (salvage_account_get_workspace (salvage_accounts_get_active (restarted)), ==, WS_B);
  g_assert_cmpstr (salvage_account_get_name (salvage_accounts_get_active (restarted)), ==, "Beta Labs");
  g_assert_null (salvage_account_get_masked_key (salvage_accounts_get_active (restarted)));
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    char *key;

    salvage_accounts_lookup_key_async (restarted, salvage_accounts_get_active (restarted), NULL,
                                       salvage_test_keep_result_cb, &result);
    WAIT_FOR (result != NULL);
    key = salvage_accounts_lookup_key_finish (restarted, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (key, ==, KEY_B);
    salvage_secrets_free (key);
  }

  /* Nothing of a key ends up in the settings. */
  {
    g_autoptr(GVariant) value = g_settings_get_value (settings, "accounts");
    g_autofree char *text = g_variant_print (value, FALSE);

    g_assert_null (strstr (text, KEY_A));
    g_assert_null (strstr (text, KEY_B));
    g_assert_nonnull (strstr (text, WS_A));
  }

  window_destroy (window);
}

/* The next start opens the workspace shown last, its key from the
 * keyring, without the welcome page. */
static void
test_accounts_restart (void)
{
  g_autoptr(SalvageApplication) restarted = NULL;
  g_autoptr(GError) error = NULL;
  SalvageWindow *window = NULL;
  GList *windows;

  g_assert_cmpstr (salvage_account_get_workspace (salvage_accounts_get_active (accounts ())), ==, WS_B);

  restarted = g_object_new (SALVAGE_TYPE_APPLICATION,
                            "application-id", "io.github.salvage.Salvage.NextStart",
                            "flags", G_APPLICATION_NON_UNIQUE,
                            NULL);
  g_application_register (G_APPLICATION (restarted), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (restarted));

  windows = gtk_application_get_windows (GTK_APPLICATION (restarted));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  window = g_object_ref (windows->data);
  g_assert_cmpstr (salvage_window_get_view (window), !=, "welcome");
  WAIT_FOR (workspace_loaded (window, WS_B));
  g_assert_cmpstr (salvage_window_get_view (window), ==, "workspace");

  window_destroy (window);
}

/* Removing asks first, forgets the workspace and clears its key. */
static void
test_accounts_remove (void)
{
  SalvageWindow *window;
  AdwAlertDialog *dialog;
  g_autoptr(GError) error = NULL;
  char *stored = NULL;

  window = window_new ();
  salvage_window_open_account (window, find_account (WS_B));
  WAIT_FOR (workspace_loaded (window, WS_B));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-account", "(ss)",
                              salvage_server_get_url (server), WS_B);
  dialog = salvage_window_get_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_alert_dialog_get_default_response (dialog), ==, "cancel");

  /* Cancel keeps everything. */
  salvage_test_answer (dialog, "cancel");
  WAIT_FOR (salvage_window_get_dialog (window) == NULL);
  g_assert_cmpuint (n_accounts (), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-account", "(ss)",
                              salvage_server_get_url (server), WS_B);
  dialog = salvage_window_get_dialog (window);
  salvage_test_answer (dialog, "remove");
  WAIT_FOR (n_accounts () == 1);
  g_assert_null (find_account (WS_B));

  /* B was shown: A takes its place. */
  WAIT_FOR (workspace_loaded (window, WS_A));
  WAIT_FOR (salvage_window_get_last_toast (window) != NULL &&
            strstr (salvage_window_get_last_toast (window), "removed") != NULL);

  stored = keyring_lookup (WS_B, &error);
  g_assert_null (stored);
  g_assert_error (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND);

  window_destroy (window);
}

/* An account whose key is gone from the keyring asks for it again. */
static void
test_accounts_missing_key (void)
{
  g_autoptr(SalvageApplication) restarted = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SalvageWindow *window;
  SalvageWelcomePage *welcome;
  SalvageAccount *account;
  const char *message;
  char *stored;

  /* Clear A's key behind the app's back. */
  salvage_secrets_clear_async (salvage_server_get_url (server), WS_A, NULL, salvage_test_keep_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_true (salvage_secrets_clear_finish (result, NULL));

  /* The next start: an application with nothing in memory but the same
   * settings. */
  restarted = g_object_new (SALVAGE_TYPE_APPLICATION,
                            "application-id", "io.github.salvage.Salvage.Restarted",
                            "flags", G_APPLICATION_NON_UNIQUE,
                            NULL);
  g_application_register (G_APPLICATION (restarted), NULL, &error);
  g_assert_no_error (error);
  account = salvage_accounts_get_active (salvage_application_get_accounts (restarted));
  g_assert_nonnull (account);
  g_assert_cmpstr (salvage_account_get_workspace (account), ==, WS_A);

  window = salvage_window_new (GTK_APPLICATION (restarted));
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  salvage_window_open_account (window, account);
  welcome = salvage_window_get_welcome_page (window);
  WAIT_FOR (g_strcmp0 (salvage_window_get_view (window), "welcome") == 0 &&
            (message = salvage_welcome_page_get_error (welcome)) != NULL);
  g_assert_nonnull (strstr (message, "not in the keyring"));
  g_assert_cmpstr (gtk_editable_get_text (salvage_welcome_page_get_server_entry (welcome)), ==,
                   salvage_server_get_url (server));

  /* Typing it again stores it again. */
  type_and_connect (window, KEY_A);
  WAIT_FOR (workspace_loaded (window, WS_A));
  WAIT_FOR (!salvage_account_get_session_only (account));
  stored = keyring_lookup (WS_A, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, KEY_A);
  salvage_secrets_free (stored);

  window_destroy (window);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* Presses the Use button of the CLI login's only workspace. */
static void
press_use (SalvageWelcomePage *welcome)
{
  GtkWidget *use = salvage_test_find_widget (GTK_WIDGET (welcome), is_button_labelled, "_Use");

  g_assert_nonnull (use);
  g_signal_emit_by_name (use, "clicked");
}

/* The Roboflow CLI's login is offered and imported like a typed key. */
static void
test_accounts_cli_import (void)
{
  SalvageWindow *window;
  SalvageWelcomePage *welcome;
  g_autofree char *path = g_build_filename (config_dir, "config.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  contents = g_strdup_printf ("{\"workspaces\": {\"x9Qa\": {\"url\": \"" WS_C "\", "
                              "\"name\": \"CLI Works\", \"apiKey\": \"" KEY_C "\"}},"
                              " \"RF_WORKSPACE\": \"" WS_C "\", \"API_URL\": \"%s\"}",
                              salvage_server_get_url (server));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);

  window = window_new ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  welcome = salvage_window_get_welcome_page (window);
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 1);

  press_use (welcome);
  WAIT_FOR (workspace_loaded (window, WS_C));
  g_assert_nonnull (find_account (WS_C));
  WAIT_FOR (!salvage_account_get_session_only (find_account (WS_C)));

  /* Only read, never written. */
  {
    g_autofree char *after = NULL;

    g_file_get_contents (path, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (after, ==, contents);
  }

  /* A file that is not JSON: said on the page, nothing offered. */
  g_file_set_contents (path, "{\"workspaces\": {", -1, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_usleep (100 * 1000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 0);

  g_unsetenv ("ROBOFLOW_CONFIG_DIR");
  g_unlink (path);
  window_destroy (window);
}

/* A key goes only to the server the welcome page shows: --api-url, else
 * API_URL, else the CLI login's "API_URL", else Roboflow's; and what the
 * user typed in the Server row beats them all. A second stand-in, named by
 * the login and the environment, must never see a request. */
static void
test_accounts_server_precedence (void)
{
  g_autoptr(SalvageServer) decoy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariantDict) options = NULL;
  g_autofree char *path = g_build_filename (config_dir, "config.json", NULL);
  g_autofree char *contents = NULL;
  SalvageWindow *window;
  SalvageWelcomePage *welcome;
  const char *url = salvage_server_get_url (server);
  int status = 0;

  /* The decoy knows the key too: reaching it would succeed, not fail. */
  decoy = salvage_server_new ();
  salvage_server_add_workspace (decoy, WS_C, "CLI Works Elsewhere");
  salvage_server_add_key (decoy, KEY_C, WS_C);
  salvage_server_listen (decoy, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_server_get_url (decoy), !=, url);

  contents = g_strdup_printf ("{\"workspaces\": {\"x9Qa\": {\"url\": \"" WS_C "\", "
                              "\"name\": \"CLI Works\", \"apiKey\": \"" KEY_C "\"}},"
                              " \"API_URL\": \"%s\"}",
                              salvage_server_get_url (decoy));
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);

  window = window_new ();
  welcome = salvage_window_get_welcome_page (window);

  /* With nothing else said, the login's own server shows in the row; an
   * edit of the row wins over it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 1);
  g_assert_cmpstr (salvage_welcome_page_get_server (welcome), ==, salvage_server_get_url (decoy));
  gtk_editable_set_text (salvage_welcome_page_get_server_entry (welcome), url);
  press_use (welcome);
  WAIT_FOR (workspace_loaded (window, WS_C));
  g_assert_cmpstr (salvage_client_get_base_url (salvage_workspace_get_client (salvage_window_get_workspace (window))),
                   ==, url);

  /* salvage --api-url URL, with the key from ROBOFLOW_API_KEY: the
   * command line is read before a window opens. */
  window_destroy (window);
  options = g_variant_dict_new (NULL);
  g_variant_dict_insert (options, "api-url", "s", url);
  g_signal_emit_by_name (application, "handle-local-options", options, &status);
  g_assert_cmpint (status, ==, -1);
  g_assert_cmpstr (salvage_application_get_api_url (application), ==, url);
  g_setenv ("ROBOFLOW_API_KEY", KEY_C, TRUE);
  window = window_new ();
  welcome = salvage_window_get_welcome_page (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 1);
  g_assert_cmpstr (salvage_welcome_page_get_server (welcome), ==, url);
  press_use (welcome);
  g_assert_cmpstr (salvage_welcome_page_get_server (welcome), ==, url);
  WAIT_FOR (workspace_loaded (window, WS_C) &&
            g_strcmp0 (salvage_window_get_view (window), "workspace") == 0);

  /* --api-url beats API_URL from the environment too. */
  g_setenv ("API_URL", salvage_server_get_url (decoy), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL);
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 1);
  g_assert_cmpstr (salvage_welcome_page_get_server (welcome), ==, url);
  press_use (welcome);
  WAIT_FOR (workspace_loaded (window, WS_C) &&
            g_strcmp0 (salvage_window_get_view (window), "workspace") == 0);

  g_assert_cmpuint (salvage_server_get_request_count (decoy), ==, 0);

  g_setenv ("API_URL", "", TRUE);
  g_setenv ("ROBOFLOW_API_KEY", "", TRUE);
  g_unsetenv ("ROBOFLOW_CONFIG_DIR");
  g_unlink (path);
  window_destroy (window);
}

/* Preferences list the accounts, and remove through the same question. */
static void
test_accounts_preferences (void)
{
  SalvageWindow *window;
  SalvagePreferencesDialog *preferences;
  guint before = n_accounts ();

  window = window_new ();
  salvage_window_open_account (window, find_account (WS_A));
  WAIT_FOR (workspace_loaded (window, WS_A));

  preferences = salvage_preferences_dialog_new (application);
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (window));
  g_assert_cmpuint (salvage_preferences_dialog_get_n_accounts (preferences), ==, before);

  adw_dialog_force_close (ADW_DIALOG (preferences));
  window_destroy (window);
}

static gboolean
is_keyring_banner (GtkWidget     *widget,
                   gconstpointer  data)
{
  return ADW_IS_BANNER (widget) &&
         g_str_has_prefix (adw_banner_get_title (ADW_BANNER (widget)), "The keyring is not available");
}

static gboolean
keyring_banner_shown (SalvageWindow *window)
{
  GtkWidget *banner = salvage_test_find_widget (GTK_WIDGET (window), is_keyring_banner, NULL);

  g_assert_nonnull (banner);
  return adw_banner_get_revealed (ADW_BANNER (banner));
}

/* With the keyring locked (and its unlock prompt unanswered), a new key
 * still connects, is kept for this run only, and the user is told. Last,
 * since the keyring stays locked. */
static void
test_accounts_keyring_locked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) saved = NULL;
  g_autofree char *saved_text = NULL;
  SalvageWindow *window;
  SalvageAccount *account;

  test_lock_default_collection ();

  g_assert_null (find_account (WS_B));

  window = window_new ();
  salvage_window_show_welcome (window);
  type_and_connect (window, KEY_B);
  WAIT_FOR (workspace_loaded (window, WS_B));
  account = find_account (WS_B);
  g_assert_nonnull (account);
  WAIT_FOR (salvage_window_get_last_toast (window) != NULL &&
            strstr (salvage_window_get_last_toast (window), "kept only until Salvage quits") != NULL);
  g_assert_true (salvage_account_get_session_only (account));
  g_assert_null (strstr (salvage_window_get_last_toast (window), KEY_B));

  /* And for as long as the workspace is shown, a banner says so. */
  WAIT_FOR (keyring_banner_shown (window));

  /* Not saved: on the next start there would be no key to open it with. */
  saved = g_settings_get_value (salvage_application_get_settings (application), "accounts");
  saved_text = g_variant_print (saved, FALSE);
  g_assert_null (strstr (saved_text, WS_B));

  /* Switching away and back works from memory. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)",
                              salvage_server_get_url (server), WS_A);
  WAIT_FOR (workspace_loaded (window, WS_A));
  g_assert_false (keyring_banner_shown (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)",
                              salvage_server_get_url (server), WS_B);
  WAIT_FOR (workspace_loaded (window, WS_B));

  window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* Never the user's own CLI login. */
  config_dir = g_dir_make_tmp ("salvage-accounts-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *missing = g_build_filename (config_dir, "none.json", NULL);

    g_setenv ("ROBOFLOW_CONFIG_DIR", missing, TRUE);
  }

  server = salvage_server_new ();
  salvage_server_add_workspace (server, WS_A, "Acme Vision");
  salvage_server_add_key (server, KEY_A, WS_A);
  salvage_server_add_project (server, WS_A, "pcb-defects", "PCB Defects", "object-detection", 1200);
  salvage_server_add_workspace (server, WS_B, "Beta Labs");
  salvage_server_add_key (server, KEY_B, WS_B);
  salvage_server_add_project (server, WS_B, "seedlings", "Seedlings", "classification", 90);
  salvage_server_add_workspace (server, WS_C, "CLI Works");
  salvage_server_add_key (server, KEY_C, WS_C);
  salvage_server_add_project (server, WS_C, "boats", "Boats", "object-detection", 40);
  salvage_server_listen (server, 0, &error);
  g_assert_no_error (error);

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (salvage_application_get_settings (application));

  g_test_add_func ("/accounts/first-start", test_accounts_first_start);
  g_test_add_func ("/accounts/several", test_accounts_several);
  g_test_add_func ("/accounts/restart", test_accounts_restart);
  g_test_add_func ("/accounts/remove", test_accounts_remove);
  g_test_add_func ("/accounts/missing-key", test_accounts_missing_key);
  g_test_add_func ("/accounts/cli-import", test_accounts_cli_import);
  g_test_add_func ("/accounts/server-precedence", test_accounts_server_precedence);
  g_test_add_func ("/accounts/preferences", test_accounts_preferences);
  g_test_add_func ("/accounts/keyring-locked", test_accounts_keyring_locked);

  status = g_test_run ();

  g_clear_object (&application);
  g_clear_object (&server);
  g_rmdir (config_dir);
  g_free (config_dir);

  return status;
}
