/* test-feedback.c - what the window tells while requests are on their way and after
 *
 * Toasts that follow an undo to its end, reasons that can be read in
 * full, rows that show their request under way, the progress of a large
 * restore and its Cancel, and where the focus goes. A real window, and a
 * stand-in server over real sockets, often slowed down to see the waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-page-util.h"
#include "salvage-restore-cell.h"
#include "salvage-window-private.h"

#include "salvage-test-window.h"

static SalvageApplication *application;

/* Moves the project @name to the Trash from the Projects page, confirming,
 * and waits for its toast. */
static GtkWidget *
delete_project (TestWindow *t,
                const char *name)
{
  SalvageProjectsPage *projects = salvage_window_get_projects_page (t->window);
  g_autofree char *expected = g_strdup_printf ("“%s” moved to Trash", name);
  GtkWidget *toast;

  salvage_window_show_page (t->window, "projects");
  g_assert_true (salvage_projects_page_select_item (projects, test_window_find_project (t, name)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  g_free (test_window_answer (t, "trash"));
  WAIT_FOR ((toast = test_window_find_toast (t, expected)) != NULL);

  return toast;
}

/* Ctrl+Z while the delete's toast is up: that toast says what the undo
 * does, to the end, and offers no Undo that could do nothing. */
static void
test_toast_follows_undo (void)
{
  TestWindow t = { 0, };
  GtkWidget *toast;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);

  toast = delete_project (&t, "Forklift Safety");
  g_assert_nonnull (test_find_button (toast, "_Undo"));

  salvage_server_set_latency (t.server, 500);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t.window), "win.undo", NULL));
  g_assert_cmpstr (test_toast_title (toast), ==, "Restoring “Forklift Safety”…");
  g_assert_null (test_find_button (toast, "_Undo"));

  WAIT_FOR (g_strcmp0 (test_toast_title (toast), "“Forklift Safety” restored") == 0);
  g_assert_null (test_find_button (toast, "_Undo"));
  g_assert_nonnull (test_window_find_project (&t, "Forklift Safety"));
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  /* Nothing is left to undo, and a second Ctrl+Z says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t.window), "win.undo", NULL));
  g_assert_cmpstr (salvage_window_get_last_toast (t.window), ==, "Nothing to undo");

  test_window_tear_down (&t);
}

/* The toast's own Undo: the toast goes, and a new one follows the undo. */
static void
test_toast_undo_button (void)
{
  TestWindow t = { 0, };
  GtkWidget *toast;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);

  toast = delete_project (&t, "Forklift Safety");
  salvage_server_set_latency (t.server, 500);
  test_click (test_find_button (toast, "_Undo"));

  WAIT_FOR (test_window_find_toast (&t, "Restoring “Forklift Safety”…") != NULL);
  WAIT_FOR (test_window_find_toast (&t, "“Forklift Safety” restored") != NULL);
  g_assert_null (test_window_find_toast (&t, "moved to Trash"));
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  test_window_tear_down (&t);
}

/* An undo the server refuses says so in the delete's toast, whose Details
 * give the server's reason. */
static void
test_toast_undo_fails (void)
{
  TestWindow t = { 0, };
  GtkWidget *toast;
  GtkWidget *details;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);

  toast = delete_project (&t, "Forklift Safety");
  salvage_server_add_fault_full (t.server, "POST", "/" WS "/trash/restore",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 409,
                                                   .message = "A project with this URL exists already" });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t.window), "win.undo", NULL));
  WAIT_FOR (g_strcmp0 (test_toast_title (toast), "Could not restore “Forklift Safety”") == 0);

  details = test_find_button (toast, "_Details");
  g_assert_nonnull (details);
  test_click (details);
  WAIT_FOR (salvage_window_get_details_dialog (t.window) != NULL);
  g_assert_cmpstr (adw_alert_dialog_get_body (salvage_window_get_details_dialog (t.window)), ==,
                   "Could not restore “Forklift Safety”");
  g_assert_nonnull (test_find_label_containing (GTK_WIDGET (salvage_window_get_details_dialog (t.window)),
                                                "A project with this URL exists already"));

  test_window_tear_down (&t);
}

/* A failure whose reason is longer than a toast can show: a short title,
 * and the reason in full behind Details. */
static void
test_toast_details (void)
{
  const char *reason = "This project is part of an export that is still running; moving it to "
                       "the Trash now would leave the export without its images. Wait for the "
                       "export to finish, or cancel it, and try again";
  TestWindow t = { 0, };
  SalvageProjectsPage *projects;
  GtkWidget *toast;
  GtkWidget *label;
  AdwAlertDialog *dialog;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  salvage_server_add_fault_full (t.server, "DELETE", NULL,
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 409,
                                                   .message = reason });

  projects = salvage_window_get_projects_page (t.window);
  g_assert_true (salvage_projects_page_select_item (projects, test_window_find_project (&t, "PCB Defects")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  g_free (test_window_answer (&t, "trash"));

  WAIT_FOR ((toast = test_window_find_toast (&t, "Could not move “PCB Defects” to the Trash")) != NULL);
  g_assert_cmpstr (test_toast_title (toast), ==, "Could not move “PCB Defects” to the Trash");

  test_click (test_find_button (toast, "_Details"));
  WAIT_FOR ((dialog = salvage_window_get_details_dialog (t.window)) != NULL);
  label = test_find_label_containing (GTK_WIDGET (dialog), reason);
  g_assert_nonnull (label);
  /* All of it can be read, and copied. */
  WAIT_FOR (gtk_widget_get_mapped (label));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (label)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_NONE);

  salvage_test_answer (dialog, "close");
  WAIT_FOR (salvage_window_get_details_dialog (t.window) == NULL);

  test_window_tear_down (&t);
}

static gboolean
is_restore_cell_of (GtkWidget     *widget,
                    gconstpointer  item)
{
  return SALVAGE_IS_RESTORE_CELL (widget) && gtk_widget_get_mapped (widget) &&
         salvage_restore_cell_get_item (SALVAGE_RESTORE_CELL (widget)) == item;
}

static gboolean
is_delete_button_of (GtkWidget     *widget,
                     gconstpointer  item)
{
  GtkListItem *list_item;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  list_item = salvage_cell_get_list_item (widget);
  return list_item != NULL && salvage_list_item_get_object (list_item) == item;
}

static gboolean
is_spinner (GtkWidget     *widget,
            gconstpointer  data)
{
  return ADW_IS_SPINNER (widget) && gtk_widget_get_mapped (widget);
}

/* A row whose restore is on its way shows it, and cannot be restored a
 * second time: no second dialog for it. */
static void
test_busy_restore (void)
{
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  SalvageTrashItem *item;
  GtkWidget *cell;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  salvage_window_show_page (t.window, "trash");
  item = test_window_find_trash (&t, "Old Flow");
  WAIT_FOR ((cell = salvage_test_find_widget (GTK_WIDGET (trash), is_restore_cell_of, item)) != NULL);
  g_assert_null (salvage_test_find_widget (cell, is_spinner, NULL));

  salvage_server_set_latency (t.server, 1500);
  test_click (test_find_button (cell, "Restore"));
  g_free (test_window_answer (&t, "restore"));

  /* On its way: a spinner over the button. */
  WAIT_FOR (salvage_test_find_widget (cell, is_spinner, NULL) != NULL);
  g_assert_true (salvage_restore_cell_get_busy (SALVAGE_RESTORE_CELL (cell)));

  /* Its button, Restore Selected, or the context menu's Restore, ask
   * nothing, and say why. */
  test_click (test_find_button (cell, "Restore"));
  g_assert_null (salvage_window_get_dialog (t.window));
  g_assert_cmpstr (salvage_window_get_last_toast (t.window), ==, "“Old Flow” is being restored already");
  /* Something else in between, so that the same words again are news. */
  _salvage_window_show_toast (t.window, "-");
  g_assert_true (salvage_trash_page_select_item (trash, item));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  g_assert_null (salvage_window_get_dialog (t.window));
  g_assert_cmpstr (salvage_window_get_last_toast (t.window), ==, "“Old Flow” is being restored already");

  WAIT_FOR (test_window_find_workflow (&t, "Old Flow") != NULL &&
            test_window_find_trash (&t, "Old Flow") == NULL);
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "workflow", "old-flow"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  test_window_tear_down (&t);
}

/* The same for a delete: the row's button turns into a spinner. */
static void
test_busy_delete (void)
{
  TestWindow t = { 0, };
  SalvageProjectsPage *projects;
  SalvageProject *project;
  GtkWidget *button;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  projects = salvage_window_get_projects_page (t.window);
  salvage_window_show_page (t.window, "projects");
  project = test_window_find_project (&t, "Forklift Safety");
  WAIT_FOR ((button = salvage_test_find_widget (GTK_WIDGET (projects), is_delete_button_of, project)) != NULL);

  salvage_server_set_latency (t.server, 1500);
  test_click (button);
  g_free (test_window_answer (&t, "trash"));

  WAIT_FOR (salvage_test_find_widget (button, is_spinner, NULL) != NULL);
  test_click (button);
  g_assert_null (salvage_window_get_dialog (t.window));
  g_assert_cmpstr (salvage_window_get_last_toast (t.window), ==,
                   "“Forklift Safety” is being moved to the Trash already");
  /* Something else in between, so that the same words again are news. */
  _salvage_window_show_toast (t.window, "-");

  g_assert_true (salvage_projects_page_select_item (projects, project));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  g_assert_null (salvage_window_get_dialog (t.window));
  g_assert_cmpstr (salvage_window_get_last_toast (t.window), ==,
                   "“Forklift Safety” is being moved to the Trash already");

  WAIT_FOR (test_window_find_project (&t, "Forklift Safety") == NULL);
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  test_window_tear_down (&t);
}

/* The row of the Projects tree showing @item, or NULL. */
static GtkTreeListRow *
find_tree_row (TestWindow *t,
               gpointer    item)
{
  GListModel *rows = salvage_projects_page_get_rows (salvage_window_get_projects_page (t->window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if ((gpointer) row_item == item)
        return row;  /* the tree keeps it while it is shown */
    }

  return NULL;
}

static gboolean
is_expanded (TestWindow *t,
             const char *project_name)
{
  SalvageProject *project = test_window_find_project (t, project_name);
  GtkTreeListRow *row = project != NULL ? find_tree_row (t, project) : NULL;

  return row != NULL && gtk_tree_list_row_get_expanded (row);
}

/* Version @number of @project, once its versions are loaded. */
static SalvageVersion *
find_version (TestWindow *t,
              const char *project_name,
              const char *number)
{
  GListModel *versions = salvage_workspace_get_versions (test_window_workspace (t),
                                                         test_window_find_project (t, project_name));

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(SalvageVersion) version = g_list_model_get_item (versions, i);

      if (g_strcmp0 (salvage_version_get_number (version), number) == 0)
        return version;  /* the store keeps it */
    }

  return NULL;
}

static gboolean
is_inscription (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget);
}

/* The name on the Projects row that has the focus, or NULL when the focus
 * is not on one. */
static const char *
focused_project_row (TestWindow *t)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (t->window));
  GtkWidget *view = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_projects_page (t->window)),
                                              test_is_column_view, NULL);
  GtkWidget *row;
  GtkWidget *name;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return NULL;

  /* From a button in the row up to the row, then down to its name. */
  row = focus;
  while (row != NULL && g_strcmp0 (G_OBJECT_TYPE_NAME (row), "GtkColumnViewRowWidget") != 0)
    row = gtk_widget_get_parent (row);
  name = salvage_test_find_widget (row != NULL ? row : focus, is_inscription, NULL);

  return name != NULL ? gtk_inscription_get_text (GTK_INSCRIPTION (name)) : NULL;
}

/* Deleting a version from the Projects tree keeps the tree as it was
 * (the projects list is reloaded for its version counts), and the focus
 * goes to the row that takes the deleted one's place, not to Refresh. */
static void
test_tree_after_delete (void)
{
  TestWindow t = { 0, };
  SalvageProjectsPage *projects;
  SalvageVersion *version;
  GtkWidget *button;
  const char *focused;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  projects = salvage_window_get_projects_page (t.window);
  salvage_window_show_page (t.window, "projects");

  g_assert_true (salvage_projects_page_expand_item (projects, test_window_find_project (&t, "PCB Defects")));
  g_assert_true (salvage_projects_page_expand_item (projects, test_window_find_project (&t, "Hard Hat Detection")));
  WAIT_FOR ((version = find_version (&t, "PCB Defects", "1")) != NULL &&
            find_version (&t, "Hard Hat Detection", "1") != NULL);

  /* The row's own button, clicked: it has the focus. */
  WAIT_FOR ((button = salvage_test_find_widget (GTK_WIDGET (projects), is_delete_button_of, version)) != NULL);
  gtk_widget_grab_focus (button);
  salvage_server_set_latency (t.server, 300);
  test_click (button);
  g_free (test_window_answer (&t, "trash"));
  /* Back from the dialog, on that row, while the request is on its way. */
  gtk_widget_grab_focus (button);
  g_assert_true (gtk_widget_has_focus (button));

  WAIT_FOR (salvage_server_get_item_state (t.server, WS, "version", "pcb-defects/1") ==
            SALVAGE_SERVER_ITEM_TRASHED);
  WAIT_FOR (find_version (&t, "PCB Defects", "1") == NULL);
  WAIT_FOR (salvage_project_get_version_count (test_window_find_project (&t, "PCB Defects")) == 1);
  test_window_wait_frames (&t, 3);

  g_assert_true (is_expanded (&t, "PCB Defects"));
  g_assert_true (is_expanded (&t, "Hard Hat Detection"));
  g_assert_nonnull (find_tree_row (&t, find_version (&t, "PCB Defects", "2")));

  WAIT_FOR ((focused = focused_project_row (&t)) != NULL);
  g_assert_true (g_str_has_prefix (focused, "v2"));
  g_assert_false (gtk_widget_has_focus (t.window->refresh_button));

  /* Collapsed by the user, a row stays so. */
  gtk_tree_list_row_set_expanded (find_tree_row (&t, test_window_find_project (&t, "Hard Hat Detection")), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (t.window), "win.refresh", NULL));
  WAIT_FOR (salvage_session_get_state (salvage_window_get_session (t.window)) == SALVAGE_SESSION_READY);
  test_window_wait_frames (&t, 3);
  WAIT_FOR (is_expanded (&t, "PCB Defects"));
  g_assert_false (is_expanded (&t, "Hard Hat Detection"));

  test_window_tear_down (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/feedback/toast/follows-undo", test_toast_follows_undo);
  g_test_add_func ("/feedback/toast/undo-button", test_toast_undo_button);
  g_test_add_func ("/feedback/toast/undo-fails", test_toast_undo_fails);
  g_test_add_func ("/feedback/toast/details", test_toast_details);
  g_test_add_func ("/feedback/busy/restore", test_busy_restore);
  g_test_add_func ("/feedback/busy/delete", test_busy_delete);
  g_test_add_func ("/feedback/tree-after-delete", test_tree_after_delete);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
