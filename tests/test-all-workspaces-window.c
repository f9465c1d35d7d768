/* test-all-workspaces-window.c - All Workspaces in the window: one Trash of every saved workspace
 *
 * Runs against a real gnome-keyring (see run-with-keyring.sh) and the
 * stand-in server, with a settings backend in memory, in a real window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "salvage-trash-page-private.h"
#include "salvage-workspace-switcher.h"

#include "salvage-test-screenshot.h"
#include "salvage-test-two-workspaces.h"
#include "salvage-test-window.h"

static SalvageApplication *application;
static SalvageServer *server;
static char *config_dir;

static SalvageAccounts *
accounts (void)
{
  return salvage_application_get_accounts (application);
}

static gboolean
is_inscription_containing (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL &&
         strstr (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) != NULL;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
showing_all (SalvageWindow *window)
{
  SalvageWorkspace *workspace = salvage_window_get_workspace (window);

  return workspace != NULL && salvage_workspace_is_group (workspace) &&
         salvage_session_get_state (salvage_window_get_session (window)) == SALVAGE_SESSION_READY;
}

/* The name of the workspace of the row at @position of the Trash page. */
static const char *
row_workspace (SalvageWindow *window,
               guint          position)
{
  GListModel *rows = salvage_trash_page_get_rows (salvage_window_get_trash_page (window));
  g_autoptr(SalvageTrashItem) item = g_list_model_get_item (rows, position);

  return salvage_workspace_get_name (salvage_workspace_get_member_of (salvage_window_get_workspace (window),
                                                                       item));
}

/* The position of the row called @name (its own name) in @workspace. */
static guint
find_row (SalvageWindow *window,
          const char    *workspace,
          const char    *name)
{
  GListModel *rows = salvage_trash_page_get_rows (salvage_window_get_trash_page (window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (salvage_trash_item_get_name (item), name) &&
          g_str_equal (row_workspace (window, i), workspace))
        return i;
    }

  g_assert_not_reached ();
}

/* From one workspace to All Workspaces and back: the switcher offers it
 * once two are saved; it shows only the Trash, with a Workspace column
 * to sort by; entries of both workspaces restore together, each with
 * its own workspace's key, a version bringing its project back first. */
static void
test_window_all_workspaces (void)
{
  SalvageWindow *window;
  SalvageTrashPage *page;
  GtkWidget *all_row;
  GtkSelectionModel *selection;
  GListModel *rows;

  window = salvage_window_new (GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  salvage_window_open_account (window, salvage_accounts_find (accounts (), salvage_server_get_url (server), WS_A));
  WAIT_FOR (salvage_window_get_workspace (window) != NULL &&
            salvage_session_get_state (salvage_window_get_session (window)) == SALVAGE_SESSION_READY);

  /* The switcher's row, picked as a person would. */
  all_row = salvage_workspace_switcher_get_all_row (window->switcher);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (all_row)));
  g_assert_true (gtk_widget_activate (all_row));
  WAIT_FOR (showing_all (window));

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (window->view_stack), ==, "trash");
  g_assert_false (adw_view_stack_page_get_visible (window->projects_stack_page));
  g_assert_false (adw_view_stack_page_get_visible (window->workflows_stack_page));
  g_assert_null (salvage_window_get_account (window));
  g_assert_cmpstr (salvage_session_get_title (salvage_window_get_session (window)), ==, "All Workspaces");

  page = salvage_window_get_trash_page (window);
  rows = salvage_trash_page_get_rows (page);
  g_assert_true (gtk_column_view_column_get_visible (page->workspace_column));
  WAIT_FOR (g_list_model_get_n_items (rows) == 4);

  /* Sorted by workspace: Beta Labs first when descending. */
  g_assert_true (salvage_trash_page_sort_by (page, "workspace", TRUE));
  g_assert_cmpstr (row_workspace (window, 0), ==, "Beta Labs");
  g_assert_cmpstr (row_workspace (window, 3), ==, "Acme Vision");
  g_assert_true (salvage_trash_page_sort_by (page, "workspace", FALSE));
  g_assert_cmpstr (row_workspace (window, 0), ==, "Acme Vision");

  /* The web app shows one workspace's Trash: no button for it here. */
  g_assert_cmpstr (adw_banner_get_button_label (page->banner), ==, "");

  salvage_test_save_screenshot (GTK_WIDGET (window), "all-workspaces");

  /* Preferences lists the saved workspaces, and no unsaved one called
   * All Workspaces. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  g_assert_nonnull (window->preferences);
  g_assert_nonnull (salvage_test_find_widget (GTK_WIDGET (window->preferences), is_row_titled,
                                              "Beta Labs"));
  g_assert_null (salvage_test_find_widget (GTK_WIDGET (window->preferences), is_row_titled,
                                           "All Workspaces"));
  adw_dialog_force_close (window->preferences);

  /* Gears' version (Beta) and Bolts (Acme), restored together. */
  selection = salvage_trash_page_get_selection (page);
  gtk_selection_model_unselect_all (selection);
  g_assert_true (gtk_selection_model_select_item (selection, find_row (window, "Beta Labs", "augmented"), FALSE));
  g_assert_true (gtk_selection_model_select_item (selection, find_row (window, "Acme Vision", "Bolts"), FALSE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.restore-selected", NULL));
  WAIT_FOR (salvage_window_get_dialog (window) != NULL);
  {
    g_autoptr(AdwAlertDialog) dialog = g_object_ref (salvage_window_get_dialog (window));

    /* The project the version needs is named, and comes back first. */
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog), "Gears"));
    /* And where each goes. */
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (dialog),
                              "each in its own workspace: Acme Vision, Beta Labs."));
    salvage_test_answer (dialog, "restore");
  }
  WAIT_FOR (salvage_server_get_item_state (server, WS_B, "version", "gears/2") == SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (salvage_server_get_item_state (server, WS_B, "project", "gears") == SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (salvage_server_get_item_state (server, WS_A, "project", "bolts") == SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (g_list_model_get_n_items (rows) == 1);
  g_assert_cmpuint (salvage_server_get_item_state (server, WS_A, "version", "pcb/1"), ==,
                    SALVAGE_SERVER_ITEM_TRASHED);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  salvage_test_save_screenshot (GTK_WIDGET (window), "all-workspaces-800");

  /* Narrow: the rows say which workspace. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  WAIT_FOR (salvage_page_get_narrow (SALVAGE_PAGE (page)));
  WAIT_FOR (salvage_test_find_widget (GTK_WIDGET (page), is_inscription_containing, "Acme Vision · ") != NULL);
  salvage_test_save_screenshot (GTK_WIDGET (window), "all-workspaces-narrow");

  /* Back to one workspace: its pages again, and no Workspace column. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.switch-account", "(ss)",
                              salvage_server_get_url (server), WS_B);
  WAIT_FOR (salvage_window_get_account (window) != NULL &&
            salvage_session_get_state (salvage_window_get_session (window)) == SALVAGE_SESSION_READY);
  g_assert_true (adw_view_stack_page_get_visible (window->projects_stack_page));
  g_assert_false (gtk_column_view_column_get_visible (page->workspace_column));
  g_assert_cmpstr (adw_banner_get_button_label (page->banner), ==, "Open _Web App");
  g_assert_cmpstr (salvage_trash_page_get_sort (page, NULL), !=, "workspace");

  gtk_window_destroy (GTK_WINDOW (window));
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
  config_dir = g_dir_make_tmp ("salvage-all-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *missing = g_build_filename (config_dir, "none.json", NULL);

    g_setenv ("ROBOFLOW_CONFIG_DIR", missing, TRUE);
  }

  server = salvage_server_new ();
  test_seed_two_workspaces (server);
  g_assert_true (salvage_server_listen (server, 0, &error));
  g_assert_no_error (error);

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  test_add_account (accounts (), salvage_server_get_url (server), WS_A, "Acme Vision", KEY_A);
  test_add_account (accounts (), salvage_server_get_url (server), WS_B, "Beta Labs", KEY_B);

  g_test_add_func ("/all-workspaces/window", test_window_all_workspaces);

  status = g_test_run ();

  g_clear_object (&application);
  g_clear_object (&server);
  g_rmdir (config_dir);
  g_free (config_dir);

  return status;
}
