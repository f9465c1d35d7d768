/* test-window.c - the main window against the stand-in server, driven like a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-name-cell.h"
#include "salvage-page-util.h"
#include "salvage-server-fault.h"
#include "salvage-window-private.h"

#define WS      "acme-test"
#define API_KEY "test-key-Vx81qLmZ"
#define DAY     (G_TIME_SPAN_DAY)

#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"
#include "salvage-test-dialogs.h"

static SalvageApplication *application;

typedef struct
{
  SalvageServer *server;
  SalvageWindow *window;
  const char    *running_training;
} Fixture;

static void
seed_server (Fixture *f)
{
  gint64 now = g_get_real_time ();
  SalvageServer *server = f->server;

  salvage_server_add_workspace (server, WS, "Acme Test");
  salvage_server_add_key (server, API_KEY, WS);

  salvage_server_add_project (server, WS, "pcb-defects", "PCB Defects", "object-detection", 1200);
  salvage_server_add_version (server, WS, "pcb-defects", 1, "raw", 1200);
  salvage_server_add_version (server, WS, "pcb-defects", 2, "augmented", 3600);
  salvage_server_add_training (server, WS, "pcb-defects", 1, "finished", "yolov8n");
  f->running_training = salvage_server_add_training (server, WS, "pcb-defects", 2,
                                                     "running", "yolov8s");

  salvage_server_add_project (server, WS, "hard-hats", "Hard Hat Detection", "object-detection", 800);
  salvage_server_add_project (server, WS, "forklifts", "Forklift Safety", "object-detection", 500);

  salvage_server_add_workflow (server, WS, "blur-faces", "Blur Faces");
  salvage_server_add_workflow (server, WS, "count-cars", "Count Cars");

  /* A version and its project both in the Trash: the version cannot come
   * back alone. */
  salvage_server_add_project (server, WS, "traffic-signs", "Traffic Signs", "object-detection", 300);
  salvage_server_add_version (server, WS, "traffic-signs", 1, "first", 300);
  g_assert_true (salvage_server_trash (server, WS, "version", "traffic-signs/1",
                                       now - 5 * DAY, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS, "project", "traffic-signs",
                                       now - 4 * DAY, "Mei Tanaka"));

  salvage_server_add_workflow (server, WS, "old-flow", "Old Flow");
  g_assert_true (salvage_server_trash (server, WS, "workflow", "old-flow",
                                       now - 28 * DAY, "Alex Morgan"));
}

static void
fixture_setup (Fixture *f,
               gboolean listen)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  seed_server (f);

  if (listen)
    {
      salvage_server_listen (f->server, 0, &error);
      g_assert_no_error (error);
    }

  f->window = salvage_window_new (GTK_APPLICATION (application));
  g_object_ref_sink (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_teardown (Fixture *f)
{
  SalvageWindow *window = g_steal_pointer (&f->window);

  /* Operations still in flight hold the window until their cancellation
   * reaches them; after that nothing may keep it alive. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  WAIT_FOR (window == NULL);

  /* Let the server see its connections close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&f->server);
}

static SalvageWorkspace *
workspace (Fixture *f)
{
  return salvage_window_get_workspace (f->window);
}

/* Connects, and waits for every list, without making the pages that are
 * made when first shown (Workflows, Trash). */
static void
connect_and_wait_lists (Fixture *f)
{
  salvage_window_connect (f->window, salvage_server_get_url (f->server), API_KEY);

  WAIT_FOR (workspace (f) != NULL &&
            salvage_session_get_state (salvage_window_get_session (f->window)) == SALVAGE_SESSION_READY &&
            g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_projects_page (f->window))),
                       "content") == 0);
}

static void
connect_and_wait (Fixture *f)
{
  connect_and_wait_lists (f);

  WAIT_FOR (g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_trash_page (f->window))),
                       "content") == 0 &&
            g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_workflows_page (f->window))),
                       "content") == 0);
}

/* The object of @model whose "name" property is @name, or NULL. */
static gpointer
find_by_name (GListModel *model,
              const char *name)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return item;  /* the model keeps it alive */
    }

  return NULL;
}

static gpointer
find_trash (Fixture    *f,
            const char *name)
{
  return find_by_name (salvage_workspace_get_trash (workspace (f)), name);
}

static gpointer
find_project (Fixture    *f,
              const char *name)
{
  return find_by_name (salvage_workspace_get_projects (workspace (f)), name);
}

static gpointer
find_workflow (Fixture    *f,
               const char *name)
{
  return find_by_name (salvage_workspace_get_workflows (workspace (f)), name);
}

/* Answers the open confirmation with @response and returns its body. */
static char *
answer_dialog (Fixture    *f,
               const char *response)
{
  g_autoptr(AdwAlertDialog) dialog = NULL;
  char *body;

  WAIT_FOR (salvage_window_get_dialog (f->window) != NULL);
  dialog = g_object_ref (salvage_window_get_dialog (f->window));
  body = g_strdup_printf ("%s\n%s",
                          adw_alert_dialog_get_heading (dialog),
                          adw_alert_dialog_get_body (dialog));

  g_assert_cmpstr (adw_alert_dialog_get_close_response (dialog), ==, "cancel");
  salvage_test_answer (dialog, response);
  WAIT_FOR (salvage_window_get_dialog (f->window) == NULL);

  return body;
}

static void
test_window_loads (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *projects;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  /* A window that opens on a workspace does not make the welcome page. */
  g_assert_null (f.window->welcome_page);
  g_assert_null (gtk_stack_get_child_by_name (f.window->main_stack, "welcome"));

  projects = salvage_window_get_projects_page (f.window);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (projects)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workflows_page_get_rows (salvage_window_get_workflows_page (f.window))), ==, 2);

  /* The version, its project and the workflow; the badge says so. */
  g_assert_cmpuint (g_list_model_get_n_items (salvage_trash_page_get_rows (salvage_window_get_trash_page (f.window))), ==, 3);
  g_assert_cmpuint (salvage_window_get_trash_badge (f.window), ==, 3);

  /* Soonest cleanup first: the workflow deleted 28 days ago. */
  {
    g_autoptr(SalvageTrashItem) first =
      g_list_model_get_item (salvage_trash_page_get_rows (salvage_window_get_trash_page (f.window)), 0);

    g_assert_cmpstr (salvage_trash_item_get_name (first), ==, "Old Flow");
  }

  fixture_teardown (&f);
}

static void
test_window_delete_and_restore (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *projects;
  SalvageTrashItem *trashed;
  g_autofree char *cancelled = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *restore = NULL;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  projects = salvage_window_get_projects_page (f.window);
  salvage_window_show_page (f.window, "projects");
  g_assert_true (salvage_projects_page_select_item (projects, find_project (&f, "Hard Hat Detection")));

  /* Cancel leaves everything as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  cancelled = answer_dialog (&f, "cancel");
  g_assert_nonnull (strstr (cancelled, "Hard Hat Detection"));
  g_assert_nonnull (strstr (cancelled, "30 days"));
  g_assert_nonnull (strstr (cancelled, "training in progress is cancelled"));
  g_assert_nonnull (find_project (&f, "Hard Hat Detection"));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "hard-hats"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  confirmed = answer_dialog (&f, "trash");
  g_assert_nonnull (strstr (confirmed, "Hard Hat Detection"));

  WAIT_FOR (find_project (&f, "Hard Hat Detection") == NULL &&
            find_trash (&f, "Hard Hat Detection") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "hard-hats"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (projects)), ==, 2);
  WAIT_FOR (salvage_window_get_trash_badge (f.window) == 4);
  WAIT_FOR (g_strcmp0 (salvage_window_get_last_toast (f.window),
                       "“Hard Hat Detection” moved to Trash") == 0);

  /* Restore it from the Trash page. */
  salvage_window_show_page (f.window, "trash");
  trashed = find_trash (&f, "Hard Hat Detection");
  g_assert_true (salvage_trash_page_select_item (salvage_window_get_trash_page (f.window), trashed));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (salvage_window_get_trash_page (f.window)),
                                             "trash.restore-selected", NULL));
  restore = answer_dialog (&f, "restore");
  g_assert_nonnull (strstr (restore, "Hard Hat Detection"));
  g_assert_null (strstr (restore, "too"));

  WAIT_FOR (find_project (&f, "Hard Hat Detection") != NULL &&
            find_trash (&f, "Hard Hat Detection") == NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "hard-hats"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (g_strcmp0 (salvage_window_get_last_toast (f.window), "“Hard Hat Detection” restored") == 0);

  fixture_teardown (&f);
}

static void
test_window_undo (void)
{
  Fixture f = { 0, };
  SalvageWorkflowsPage *workflows;
  g_autofree char *body = NULL;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  workflows = salvage_window_get_workflows_page (f.window);
  salvage_window_show_page (f.window, "workflows");
  g_assert_true (salvage_workflows_page_select_item (workflows, find_workflow (&f, "Blur Faces")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (workflows), "workflows.delete-selected", NULL));
  body = answer_dialog (&f, "trash");
  g_assert_nonnull (strstr (body, "Blur Faces"));

  WAIT_FOR (find_workflow (&f, "Blur Faces") == NULL && find_trash (&f, "Blur Faces") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "workflow", "blur-faces"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  /* Ctrl+Z */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  WAIT_FOR (find_workflow (&f, "Blur Faces") != NULL && find_trash (&f, "Blur Faces") == NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "workflow", "blur-faces"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_teardown (&f);
}

/* Toasts, found on screen as a person finds them */

static gboolean
is_mapped_label_containing (GtkWidget     *widget,
                            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The toast on screen whose title holds each of @words (NULL-terminated),
 * or NULL while there is none. */
static GtkWidget *
find_shown_toast (Fixture            *f,
                  const char * const *words)
{
  GtkWidget *label = salvage_test_find_widget (GTK_WIDGET (f->window), is_mapped_label_containing,
                                               words[0]);
  GtkWidget *toast;

  if (label == NULL)
    return NULL;

  toast = gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget"));
  if (toast == NULL)
    return NULL;

  for (guint i = 1; words[i] != NULL; i++)
    if (strstr (gtk_label_get_text (GTK_LABEL (label)), words[i]) == NULL)
      return NULL;

  return toast;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
is_visible_button_labelled (GtkWidget     *widget,
                            gconstpointer  label)
{
  return is_button_labelled (widget, label) && gtk_widget_get_visible (widget);
}

static gboolean
is_dismiss_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "window-close-symbolic") == 0;
}

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Deletes @item from the Projects page, confirming, and waits until the
 * server has it in the Trash and its toast is on screen. */
static void
delete_from_projects (Fixture            *f,
                      gpointer            item,
                      const char * const *toast_words)
{
  SalvageProjectsPage *projects = salvage_window_get_projects_page (f->window);

  g_assert_true (salvage_projects_page_select_item (projects, item));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  g_free (answer_dialog (f, "trash"));
  WAIT_FOR (find_shown_toast (f, toast_words) != NULL);
}

/* Two deletes, then the older toast's Undo: it brings back its own item,
 * not the one deleted last. */
static void
test_window_undo_older_toast (void)
{
  Fixture f = { 0, };
  const char * const first[] = { "PCB Defects", "moved to Trash", NULL };
  const char * const second[] = { "Forklift Safety", "moved to Trash", NULL };
  GtkWidget *toast;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");

  delete_from_projects (&f, find_project (&f, "PCB Defects"), first);
  delete_from_projects (&f, find_project (&f, "Forklift Safety"), second);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "pcb-defects"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  /* The newer toast goes away once the older one has made way for it;
   * the older one comes back. */
  WAIT_FOR (find_shown_toast (&f, first) == NULL);
  click (salvage_test_find_widget (find_shown_toast (&f, second), is_dismiss_button, NULL));
  WAIT_FOR ((toast = find_shown_toast (&f, first)) != NULL);
  click (salvage_test_find_widget (toast, is_button_labelled, "_Undo"));

  WAIT_FOR (find_project (&f, "PCB Defects") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "pcb-defects"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (g_strcmp0 (salvage_window_get_last_toast (f.window), "“PCB Defects” restored") == 0);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_nonnull (find_trash (&f, "Forklift Safety"));
  g_assert_null (find_project (&f, "Forklift Safety"));

  fixture_teardown (&f);
}

/* Presses Ctrl+Z and tells whether it said there was nothing to undo. */
static gboolean
nothing_to_undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  return g_strcmp0 (salvage_window_get_last_toast (f->window), "Nothing to undo") == 0;
}

/* An item restored another way takes its Undo with it: Ctrl+Z goes to the
 * delete before, and then there is nothing left to undo. */
static void
test_window_undo_withdrawn (void)
{
  Fixture f = { 0, };
  const char * const first[] = { "PCB Defects", "moved to Trash", NULL };
  const char * const second[] = { "Forklift Safety", "moved to Trash", NULL };
  const char * const gone[] = { "Forklift Safety", "is no longer in the Trash", NULL };
  SalvageTrashPage *trash;
  GtkWidget *toast;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");
  g_assert_true (nothing_to_undo (&f));

  delete_from_projects (&f, find_project (&f, "PCB Defects"), first);
  delete_from_projects (&f, find_project (&f, "Forklift Safety"), second);

  /* Forklift Safety comes back from the Trash page; its toast goes. */
  trash = salvage_window_get_trash_page (f.window);
  salvage_window_show_page (f.window, "trash");
  g_assert_true (salvage_trash_page_select_item (trash, find_trash (&f, "Forklift Safety")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  g_free (answer_dialog (&f, "restore"));
  WAIT_FOR (find_project (&f, "Forklift Safety") != NULL);
  WAIT_FOR ((toast = find_shown_toast (&f, gone)) != NULL);
  g_assert_null (salvage_test_find_widget (toast, is_visible_button_labelled, "_Undo"));

  /* Ctrl+Z undoes the delete before it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.undo", NULL));
  WAIT_FOR (find_project (&f, "PCB Defects") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "pcb-defects"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (g_strcmp0 (salvage_window_get_last_toast (f.window), "“PCB Defects” restored") == 0);
  g_assert_true (nothing_to_undo (&f));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "forklifts"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_teardown (&f);
}

/* Cleaned up on the server while the window still lists it: its Undo asks
 * for that entry alone, which the server no longer has. */
static void
test_window_undo_cleaned_up (void)
{
  Fixture f = { 0, };
  const char * const deleted[] = { "PCB Defects", "moved to Trash", NULL };
  GtkWidget *toast;
  const char *message;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");

  delete_from_projects (&f, find_project (&f, "PCB Defects"), deleted);
  salvage_server_set_time (f.server, g_get_real_time () + 31 * DAY);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "pcb-defects"), ==,
                   SALVAGE_SERVER_ITEM_ABSENT);

  toast = find_shown_toast (&f, deleted);
  click (salvage_test_find_widget (toast, is_button_labelled, "_Undo"));
  WAIT_FOR ((message = salvage_window_get_last_toast (f.window)) != NULL &&
            g_str_has_prefix (message, "Could not restore “PCB Defects”"));

  /* Nothing else came back, and there is nothing left to undo. */
  WAIT_FOR (find_trash (&f, "PCB Defects") == NULL);
  g_assert_null (find_project (&f, "PCB Defects"));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (workspace (&f))), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_projects (workspace (&f))), ==, 2);
  g_assert_true (nothing_to_undo (&f));

  fixture_teardown (&f);
}

/* The version numbered @number of @project, once its versions are loaded. */
static SalvageVersion *
load_version (Fixture    *f,
              const char *project_name,
              const char *number)
{
  SalvageProjectsPage *projects = salvage_window_get_projects_page (f->window);
  SalvageProject *project = find_project (f, project_name);
  GListModel *versions = salvage_workspace_get_versions (workspace (f), project);

  g_assert_true (salvage_projects_page_expand_item (projects, project));
  WAIT_FOR (g_list_model_get_n_items (versions) > 0);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(SalvageVersion) version = g_list_model_get_item (versions, i);

      if (g_strcmp0 (salvage_version_get_number (version), number) == 0)
        return version;  /* the store keeps it alive */
    }

  g_assert_not_reached ();
}

/* Version 1 of two projects: the same Trash id, told apart by the parent. */
static void
test_window_undo_older_version (void)
{
  Fixture f = { 0, };
  const char * const first[] = { "PCB Defects", "v1", "moved to Trash", NULL };
  const char * const second[] = { "Forklift Safety", "v1", "moved to Trash", NULL };
  GtkWidget *toast;

  fixture_setup (&f, TRUE);
  salvage_server_add_version (f.server, WS, "forklifts", 1, "raw", 500);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");

  delete_from_projects (&f, load_version (&f, "PCB Defects", "1"), first);
  delete_from_projects (&f, load_version (&f, "Forklift Safety", "1"), second);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "pcb-defects/1"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "forklifts/1"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  WAIT_FOR (find_shown_toast (&f, first) == NULL);
  click (salvage_test_find_widget (find_shown_toast (&f, second), is_dismiss_button, NULL));
  WAIT_FOR ((toast = find_shown_toast (&f, first)) != NULL);
  click (salvage_test_find_widget (toast, is_button_labelled, "_Undo"));

  WAIT_FOR (salvage_server_get_item_state (f.server, WS, "version", "pcb-defects/1") ==
            SALVAGE_SERVER_ITEM_LIVE);
  WAIT_FOR (salvage_window_get_last_toast (f.window) != NULL &&
            strstr (salvage_window_get_last_toast (f.window), "restored") != NULL);
  g_assert_nonnull (strstr (salvage_window_get_last_toast (f.window), "PCB Defects"));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "forklifts/1"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  fixture_teardown (&f);
}

static void
test_window_restore_with_parent (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  SalvageTrashItem *version = NULL;
  g_autofree char *body = NULL;
  GListModel *items;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  trash = salvage_window_get_trash_page (f.window);
  salvage_window_show_page (f.window, "trash");

  items = salvage_workspace_get_trash (workspace (&f));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (items, i);

      if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_VERSION)
        version = item;
    }
  g_assert_nonnull (version);

  g_assert_true (salvage_trash_page_select_item (trash, version));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  body = answer_dialog (&f, "restore");
  /* The dialog says that the project comes back too, and why. */
  g_assert_nonnull (strstr (body, "“Traffic Signs” will be restored too"));

  WAIT_FOR (find_project (&f, "Traffic Signs") != NULL &&
            g_list_model_get_n_items (items) == 1);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "traffic-signs/1"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "traffic-signs"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_teardown (&f);
}

static void
test_window_restore_all (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  g_autofree char *body = NULL;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  trash = salvage_window_get_trash_page (f.window);
  salvage_window_show_page (f.window, "trash");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-all", NULL));
  body = answer_dialog (&f, "restore");
  g_assert_nonnull (strstr (body, "Old Flow"));
  g_assert_nonnull (strstr (body, "Traffic Signs"));

  WAIT_FOR (g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (trash)), "empty") == 0);
  g_assert_cmpuint (salvage_window_get_trash_badge (f.window), ==, 0);
  WAIT_FOR (find_workflow (&f, "Old Flow") != NULL && find_project (&f, "Traffic Signs") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "workflow", "old-flow"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "traffic-signs/1"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  /* Nothing left to restore: no dialog. */
  gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-all", NULL);
  g_assert_null (salvage_window_get_dialog (f.window));

  fixture_teardown (&f);
}

static void
test_window_search (void)
{
  Fixture f = { 0, };
  GListModel *projects;
  GListModel *trash;
  GtkWidget *focus;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  projects = salvage_projects_page_get_rows (salvage_window_get_projects_page (f.window));
  trash = salvage_trash_page_get_rows (salvage_window_get_trash_page (f.window));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 3);

  /* Ctrl+F puts the focus in the search entry; type into it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.search", NULL));
  focus = gtk_window_get_focus (GTK_WINDOW (f.window));
  g_assert_true (GTK_IS_EDITABLE (focus));
  gtk_editable_set_text (GTK_EDITABLE (focus), "pcb");

  WAIT_FOR (g_list_model_get_n_items (projects) == 1);
  {
    g_autoptr(GtkTreeListRow) row = g_list_model_get_item (projects, 0);
    g_autoptr(SalvageProject) project = gtk_tree_list_row_get_item (row);

    g_assert_cmpstr (salvage_project_get_name (project), ==, "PCB Defects");
  }
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (focus), "traffic");
  WAIT_FOR (g_list_model_get_n_items (trash) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 0);
  /* A search that finds nothing says so, rather than showing an empty table. */
  g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_projects_page (f.window))), ==,
                   "no-results");
  g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_trash_page (f.window))), ==,
                   "content");

  /* The type filter narrows the Trash, together with the search. */
  salvage_trash_page_show_kind (salvage_window_get_trash_page (f.window), SALVAGE_TRASH_KIND_PROJECT);
  WAIT_FOR (g_list_model_get_n_items (trash) == 1);
  {
    g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, 0);

    g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
    g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "Traffic Signs");
  }
  salvage_trash_page_show_all_kinds (salvage_window_get_trash_page (f.window));
  WAIT_FOR (g_list_model_get_n_items (trash) == 2);

  /* Closing the search shows everything again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.search", NULL));
  WAIT_FOR (g_list_model_get_n_items (projects) == 3 && g_list_model_get_n_items (trash) == 3);
  g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_projects_page (f.window))), ==,
                   "content");

  salvage_trash_page_show_kind (salvage_window_get_trash_page (f.window), SALVAGE_TRASH_KIND_WORKFLOW);
  WAIT_FOR (g_list_model_get_n_items (trash) == 1);

  fixture_teardown (&f);
}

static void
test_window_running_training (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *page;
  SalvageProject *project;
  GListModel *versions;
  GListModel *trainings;
  g_autoptr(SalvageVersion) version = NULL;
  g_autoptr(SalvageTraining) training = NULL;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  page = salvage_window_get_projects_page (f.window);
  project = find_project (&f, "PCB Defects");
  versions = salvage_workspace_get_versions (workspace (&f), project);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 0);

  /* Levels load when first expanded. */
  g_assert_true (salvage_projects_page_expand_item (page, project));
  WAIT_FOR (g_list_model_get_n_items (versions) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (page)), ==, 5);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SalvageVersion) v = g_list_model_get_item (versions, i);

      if (g_strcmp0 (salvage_version_get_number (v), "2") == 0)
        g_set_object (&version, v);
    }
  g_assert_nonnull (version);

  trainings = salvage_workspace_get_trainings (workspace (&f), version);
  g_assert_true (salvage_projects_page_expand_item (page, version));
  WAIT_FOR (g_list_model_get_n_items (trainings) == 1);
  training = g_list_model_get_item (trainings, 0);
  g_assert_true (salvage_training_is_in_progress (training));

  /* A running training is not offered for deletion. */
  g_assert_true (salvage_projects_page_select_item (page, training));
  gtk_widget_activate_action (GTK_WIDGET (page), "projects.delete-selected", NULL);
  g_assert_null (salvage_window_get_dialog (f.window));
  g_assert_cmpstr (salvage_server_get_training_status (f.server, WS, "pcb-defects", 2,
                                                       f.running_training), ==, "running");

  /* Its version is. */
  g_assert_true (salvage_projects_page_select_item (page, version));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.delete-selected", NULL));
  g_free (answer_dialog (&f, "cancel"));

  fixture_teardown (&f);
}

static void
test_window_failures (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *projects;
  SalvageTrashPage *trash;
  const char *toast;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  /* The server goes away after the lists have loaded. */
  g_clear_object (&f.server);

  projects = salvage_window_get_projects_page (f.window);
  g_assert_true (salvage_projects_page_select_item (projects, find_project (&f, "Forklift Safety")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects), "projects.delete-selected", NULL));
  g_free (answer_dialog (&f, "trash"));

  WAIT_FOR ((toast = salvage_window_get_last_toast (f.window)) != NULL &&
            g_str_has_prefix (toast, "Could not move “Forklift Safety” to the Trash: "));
  g_assert_nonnull (find_project (&f, "Forklift Safety"));
  g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (projects)), ==, "content");

  trash = salvage_window_get_trash_page (f.window);
  salvage_window_show_page (f.window, "trash");
  g_assert_true (salvage_trash_page_select_item (trash, find_trash (&f, "Old Flow")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  g_free (answer_dialog (&f, "restore"));

  WAIT_FOR ((toast = salvage_window_get_last_toast (f.window)) != NULL &&
            g_str_has_prefix (toast, "Could not restore “Old Flow”: "));
  g_assert_nonnull (find_trash (&f, "Old Flow"));
  g_assert_null (find_workflow (&f, "Old Flow"));

  fixture_teardown (&f);
}

static guint
find_free_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                 G_SOCKET_PROTOCOL_TCP, NULL, &effective, &error);
  g_assert_no_error (error);

  /* Closed when the listener goes: nothing listens there afterwards. */
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
}

static void
test_window_dead_server (void)
{
  Fixture f = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  SalvageProjectsPage *projects;
  guint port;

  fixture_setup (&f, FALSE);
  port = find_free_port ();
  url = g_strdup_printf ("http://127.0.0.1:%u", port);

  projects = salvage_window_get_projects_page (f.window);
  salvage_window_connect (f.window, url, API_KEY);
  WAIT_FOR (g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (projects)), "error") == 0);
  g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_trash_page (f.window))), ==, "error");

  /* The server comes up; Retry gets the workspace. */
  salvage_server_listen (f.server, port, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL));
  WAIT_FOR (g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (projects)), "content") == 0);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (projects)), ==, 3);
  WAIT_FOR (g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (salvage_window_get_trash_page (f.window))),
                       "content") == 0);

  fixture_teardown (&f);
}

static void
test_window_welcome (void)
{
  Fixture f = { 0, };

  fixture_setup (&f, FALSE);
  salvage_window_show_welcome (f.window);
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "welcome");

  g_assert_null (salvage_window_get_workspace (f.window));
  /* Nothing to refresh without a key. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (salvage_window_get_workspace (f.window));
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "welcome");

  fixture_teardown (&f);
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return ADW_IS_BANNER (widget);
}

static const char * const narrow_page_names[] = { "projects", "workflows", "trash" };

static SalvagePage **
narrow_pages (Fixture *f)
{
  static SalvagePage *pages[3];

  pages[0] = SALVAGE_PAGE (salvage_window_get_projects_page (f->window));
  pages[1] = SALVAGE_PAGE (salvage_window_get_workflows_page (f->window));
  pages[2] = SALVAGE_PAGE (salvage_window_get_trash_page (f->window));
  return pages;
}

static gboolean
is_mapped_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
is_column_view (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static GtkColumnView *
salvage_test_find_column_view (SalvagePage *page)
{
  return GTK_COLUMN_VIEW (salvage_test_find_widget (GTK_WIDGET (page), is_column_view, NULL));
}

static void
test_window_narrow (void)
{
  Fixture f = { 0, };
  GtkWidget *banner;
  int wide_height;
  int needed;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  g_assert_false (salvage_window_get_bottom_switcher (f.window));

  /* A resize asked for before the window is on screen would be undone by
   * the size the display server gives it first. */
  salvage_window_show_page (f.window, "trash");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  banner = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (f.window)),
                                     is_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_true (g_str_has_prefix (adw_banner_get_title (ADW_BANNER (banner)), "Items are removed"));
  wide_height = gtk_widget_get_height (banner);
  g_assert_cmpint (wide_height, >, 0);

  /* On a phone-sized window the pages are switched from the bottom. */
  gtk_window_set_default_size (GTK_WINDOW (f.window), 360, 640);
  WAIT_FOR (salvage_window_get_bottom_switcher (f.window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f.window)), <=, 400);

  /* The Trash page's note wraps within the window, and is given the
   * height all its lines need at the width it has. */
  WAIT_FOR (gtk_widget_get_mapped (banner) &&
            gtk_widget_get_width (banner) <= gtk_widget_get_width (GTK_WIDGET (f.window)) &&
            gtk_widget_get_height (banner) > wide_height);
  gtk_widget_measure (banner, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (banner),
                      &needed, NULL, NULL, NULL);
  g_assert_cmpint (gtk_widget_get_height (banner), >=, needed);
  g_assert_cmpint (gtk_widget_get_width (banner), <=, gtk_widget_get_width (GTK_WIDGET (f.window)));

  /* Every page shows rows rather than columns, and each row's button is
   * on screen, not behind a horizontal scrollbar. */
  for (guint i = 0; i < 3; i++)
    {
      SalvagePage *page = narrow_pages (&f)[i];
      GtkWidget *view;
      GtkWidget *button = NULL;
      graphene_rect_t bounds;

      salvage_window_show_page (f.window, narrow_page_names[i]);
      g_assert_true (salvage_page_get_narrow (page));
      view = salvage_page_get_list_view (page);
      g_assert_true (GTK_IS_LIST_VIEW (view));
      WAIT_FOR ((button = salvage_test_find_widget (view, is_mapped_button, NULL)) != NULL &&
                gtk_widget_get_width (button) >= 16);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (f.window), &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f.window)));
      g_assert_null (gtk_column_view_get_model (salvage_test_find_column_view (page)));
    }

  /* Wide again, the columns come back. */
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1280, 800);
  WAIT_FOR (!salvage_window_get_bottom_switcher (f.window));
  for (guint i = 0; i < 3; i++)
    {
      SalvagePage *page = narrow_pages (&f)[i];

      g_assert_false (salvage_page_get_narrow (page));
      g_assert_true (GTK_IS_COLUMN_VIEW (salvage_page_get_list_view (page)));
      g_assert_nonnull (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (page))));
    }

  fixture_teardown (&f);
}

static const char * const page_accels[][2] = {
  { "<Alt>1", "win.show-page::projects" },
  { "<Alt>2", "win.show-page::workflows" },
  { "<Alt>3", "win.show-page::trash" },
};

/* The shortcuts window says the keys of each shortcut that names an
 * action: they must be the keys the application gives that action.
 * Returns how many it checked. */
static guint
check_shortcut_keys (GtkWidget *widget)
{
  guint n = 0;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("GtkShortcutsShortcut")))
    {
      g_autofree char *action = NULL;
      g_autofree char *shown = NULL;

      g_object_get (widget, "action-name", &action, "accelerator", &shown, NULL);
      if (action != NULL)
        {
          g_auto(GStrv) keys = gtk_application_get_accels_for_action (GTK_APPLICATION (application), action);
          g_autofree char *expected = g_strjoinv (" ", keys);

          g_assert_cmpstr (shown, ==, expected);
          n++;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += check_shortcut_keys (child);

  return n;
}

static void
test_window_shortcuts (void)
{
  Fixture f = { 0, };
  g_auto(GStrv) refresh = NULL;
  g_auto(GStrv) search = NULL;
  g_auto(GStrv) undo = NULL;
  g_auto(GStrv) preferences = NULL;

  fixture_setup (&f, FALSE);

  refresh = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.refresh");
  search = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.search");
  undo = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.undo");
  g_assert_true (g_strv_contains ((const char * const *) refresh, "F5"));
  g_assert_true (g_strv_contains ((const char * const *) refresh, "<Control>r"));
  g_assert_true (g_strv_contains ((const char * const *) search, "<Control>f"));
  g_assert_true (g_strv_contains ((const char * const *) undo, "<Control>z"));
  preferences = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "win.preferences");
  g_assert_true (g_strv_contains ((const char * const *) preferences, "<Control>comma"));

  /* Alt and the page's place in the view switcher show a page. */
  for (guint i = 0; i < G_N_ELEMENTS (page_accels); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (application),
                                                                     page_accels[i][0]);

      g_assert_true (g_strv_contains ((const char * const *) actions, page_accels[i][1]));
    }

  /* The shortcuts window is built when first asked for (Ctrl+? or the
   * menu), over the window, and then kept. */
  {
    g_auto(GStrv) shortcuts = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                     "win.show-help-overlay");
    GtkWindow *shortcuts_window;

    g_assert_true (g_strv_contains ((const char * const *) shortcuts, "<Control>question"));
    g_assert_null (f.window->shortcuts_window);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-help-overlay", NULL));
    shortcuts_window = f.window->shortcuts_window;
    g_assert_true (GTK_IS_SHORTCUTS_WINDOW (shortcuts_window));
    g_assert_true (gtk_window_get_transient_for (shortcuts_window) == GTK_WINDOW (f.window));
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (shortcuts_window)));

    /* Seven, and again in the window's search results. */
    g_assert_cmpuint (check_shortcut_keys (GTK_WIDGET (shortcuts_window)), >=, 7);

    gtk_window_close (shortcuts_window);
    WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (shortcuts_window)));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-help-overlay", NULL));
    g_assert_true (f.window->shortcuts_window == shortcuts_window);
    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (shortcuts_window)));
  }

  fixture_teardown (&f);
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_mapped_inscription (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget);
}

static void
test_window_show_page (void)
{
  Fixture f = { 0, };
  AdwViewStack *stack;

  fixture_setup (&f, TRUE);
  stack = ADW_VIEW_STACK (salvage_test_find_widget (GTK_WIDGET (f.window), is_view_stack, NULL));
  g_assert_nonnull (stack);

  /* No workspace, no pages to show. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "trash");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");

  connect_and_wait_lists (&f);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");

  /* The Workflows and Trash pages are not made until shown; a page made
   * but not shown yet (asked for) makes no rows: its view has no model,
   * though its list is full. The first time a page is shown, its rows
   * come. */
  {
    SalvagePage *projects = SALVAGE_PAGE (salvage_window_get_projects_page (f.window));
    SalvagePage *workflows;
    SalvagePage *trash;

    g_assert_null (f.window->workflows_page);
    g_assert_null (f.window->trash_page);
    g_assert_nonnull (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (projects))));

    workflows = SALVAGE_PAGE (salvage_window_get_workflows_page (f.window));
    g_assert_cmpstr (salvage_page_get_view (workflows), ==, "content");
    g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (workflows))));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "trash"));
    trash = SALVAGE_PAGE (f.window->trash_page);
    g_assert_nonnull (trash);
    g_assert_cmpstr (salvage_page_get_view (trash), ==, "content");
    g_assert_nonnull (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (trash))));
    WAIT_FOR (salvage_test_find_widget (salvage_page_get_list_view (trash), is_mapped_inscription, NULL) != NULL);
    g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (workflows))));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "workflows"));
    g_assert_nonnull (gtk_column_view_get_model (GTK_COLUMN_VIEW (salvage_page_get_list_view (workflows))));
  }

  /* Last to first, so that each one changes the page shown. */
  for (guint i = 0; i < G_N_ELEMENTS (page_accels); i++)
    {
      const char *page = strstr (page_accels[G_N_ELEMENTS (page_accels) - 1 - i][1], "::") + 2;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", page));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, page);
    }

  /* A name that is not a page changes nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-page", "s", "settings");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "projects");

  fixture_teardown (&f);
}

/* Moves the focus to another window and back, as switching applications does. */
static void
leave_and_return (Fixture *f)
{
  GtkWidget *other = gtk_window_new ();

  gtk_window_present (GTK_WINDOW (other));
  WAIT_FOR (!gtk_window_is_active (GTK_WINDOW (f->window)));

  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (f->window)));

  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_window_focus_refresh (void)
{
  Fixture f = { 0, };

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  WAIT_FOR (gtk_window_is_active (GTK_WINDOW (f.window)));
  g_assert_null (find_trash (&f, "Count Cars"));

  /* Deleted elsewhere, while the user looks at another window. */
  g_assert_true (salvage_server_trash (f.server, WS, "workflow", "count-cars",
                                       g_get_real_time (), "Mei Tanaka"));

  /* The lists were loaded just now: coming back does not load them again. */
  leave_and_return (&f);
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (salvage_window_get_session (f.window)), ==, 0);
  g_assert_null (find_trash (&f, "Count Cars"));

  /* Once the interval has passed, it does. */
  salvage_session_set_trash_refresh_interval (salvage_window_get_session (f.window), 0);
  leave_and_return (&f);
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (salvage_window_get_session (f.window)), ==, 1);
  WAIT_FOR (find_trash (&f, "Count Cars") != NULL);
  WAIT_FOR (salvage_window_get_trash_badge (f.window) == 4);

  /* Its own dialogs are drawn inside it: answering one is no coming back,
   * and reloads nothing. */
  g_assert_true (salvage_workflows_page_select_item (salvage_window_get_workflows_page (f.window),
                                                     find_workflow (&f, "Blur Faces")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (salvage_window_get_workflows_page (f.window)),
                                             "workflows.delete-selected", NULL));
  WAIT_FOR (salvage_window_get_dialog (f.window) != NULL);
  g_assert_true (gtk_window_is_active (GTK_WINDOW (f.window)));
  g_free (answer_dialog (&f, "cancel"));
  g_assert_true (gtk_window_is_active (GTK_WINDOW (f.window)));
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (salvage_window_get_session (f.window)), ==, 1);

  /* And not again within the interval of the last reload. */
  salvage_session_set_trash_refresh_interval (salvage_window_get_session (f.window), 5 * G_TIME_SPAN_SECOND);
  leave_and_return (&f);
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (salvage_window_get_session (f.window)), ==, 1);

  /* Without a workspace there is no Trash to refresh. */
  salvage_window_show_welcome (f.window);
  salvage_session_set_trash_refresh_interval (salvage_window_get_session (f.window), 0);
  leave_and_return (&f);
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (salvage_window_get_session (f.window)), ==, 1);

  fixture_teardown (&f);
}

/* The row of the Projects page showing @item, or NULL. */
static GtkTreeListRow *
find_project_row (Fixture  *f,
                  gpointer  item,
                  guint    *position)
{
  GListModel *rows = salvage_projects_page_get_rows (salvage_window_get_projects_page (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if ((gpointer) row_item == item)
        {
          if (position != NULL)
            *position = i;
          return row;  /* the tree keeps it while it is shown */
        }
    }

  return NULL;
}

/* A name cell makes its spinner and its icon only when it first shows
 * them, keeps them in that order before the text, and hides them when it
 * is reused for a plain name. */
static void
test_window_name_cell (void)
{
  GtkWidget *cell = g_object_ref_sink (salvage_name_cell_new ());
  GtkWidget *first;

  salvage_name_cell_set (SALVAGE_NAME_CELL (cell), SALVAGE_NAME_CELL_PLAIN, "PCB Defects");
  first = gtk_widget_get_first_child (cell);
  g_assert_true (GTK_IS_INSCRIPTION (first));
  g_assert_null (gtk_widget_get_next_sibling (first));

  salvage_name_cell_set (SALVAGE_NAME_CELL (cell), SALVAGE_NAME_CELL_FAILED, "The server did not answer");
  first = gtk_widget_get_first_child (cell);
  g_assert_true (GTK_IS_IMAGE (first));
  g_assert_true (gtk_widget_get_visible (first));
  g_assert_true (gtk_widget_has_css_class (first, "error"));
  g_assert_cmpstr (salvage_cell_get_tooltip (gtk_widget_get_next_sibling (first)), ==,
                   "The server did not answer");

  salvage_name_cell_set (SALVAGE_NAME_CELL (cell), SALVAGE_NAME_CELL_LOADING, "Loading…");
  first = gtk_widget_get_first_child (cell);
  g_assert_true (ADW_IS_SPINNER (first));
  g_assert_true (gtk_widget_get_visible (first));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (first)));
  g_assert_true (GTK_IS_INSCRIPTION (gtk_widget_get_last_child (cell)));

  salvage_name_cell_set (SALVAGE_NAME_CELL (cell), SALVAGE_NAME_CELL_PLAIN, "PCB Defects");
  for (GtkWidget *child = gtk_widget_get_first_child (cell);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_assert_true (GTK_IS_INSCRIPTION (child) == gtk_widget_get_visible (child));
  g_assert_null (salvage_cell_get_tooltip (gtk_widget_get_last_child (cell)));

  g_object_unref (cell);
}

static void
test_window_loading_rows (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *page;
  SalvageProject *pcb;
  SalvageProject *forklifts;
  GtkTreeListRow *row;
  GListModel *versions;
  g_autoptr(SalvageVersion) version = NULL;
  const char *text;
  guint position;

  /* Listed with a version that is gone by the time it is expanded. */
  fixture_setup (&f, TRUE);
  salvage_server_add_version (f.server, WS, "forklifts", 1, "raw", 500);
  connect_and_wait (&f);
  g_assert_true (salvage_server_trash (f.server, WS, "version", "forklifts/1",
                                       g_get_real_time (), "Mei Tanaka"));

  page = salvage_window_get_projects_page (f.window);
  pcb = find_project (&f, "PCB Defects");
  forklifts = find_project (&f, "Forklift Safety");

  /* A project listed without versions has nothing to expand. */
  row = find_project_row (&f, find_project (&f, "Hard Hat Detection"), NULL);
  g_assert_nonnull (row);
  g_assert_false (gtk_tree_list_row_is_expandable (row));

  /* Expanding shows that the versions are on their way, until they are there. */
  g_assert_true (gtk_tree_list_row_is_expandable (find_project_row (&f, pcb, NULL)));
  g_assert_true (salvage_projects_page_expand_item (page, pcb));
  g_assert_nonnull (find_project_row (&f, pcb, &position));
  g_assert_cmpstr (salvage_projects_page_get_status_text (page, position + 1), ==, "Loading…");
  g_assert_null (salvage_projects_page_get_status_text (page, position));

  versions = salvage_workspace_get_versions (workspace (&f), pcb);
  WAIT_FOR (g_list_model_get_n_items (versions) == 2);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (page)), ==, 5);
  g_assert_null (salvage_projects_page_get_status_text (page, position + 1));
  g_assert_null (salvage_projects_page_get_status_text (page, position + 2));

  /* Found empty on expanding: the row folds and no longer looks expandable. */
  row = find_project_row (&f, forklifts, NULL);
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  g_assert_true (salvage_projects_page_expand_item (page, forklifts));
  WAIT_FOR (!gtk_tree_list_row_get_expanded (find_project_row (&f, forklifts, NULL)));
  g_assert_false (gtk_tree_list_row_is_expandable (find_project_row (&f, forklifts, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (page)), ==, 5);

  /* A load that fails says why, in place of the rows. */
  version = g_list_model_get_item (versions, 0);
  g_clear_object (&f.server);
  g_assert_true (salvage_projects_page_expand_item (page, version));
  g_assert_nonnull (find_project_row (&f, version, &position));
  g_assert_cmpstr (salvage_projects_page_get_status_text (page, position + 1), ==, "Loading…");
  WAIT_FOR ((text = salvage_projects_page_get_status_text (page, position + 1)) != NULL &&
            g_strcmp0 (text, "Loading…") != 0);
  g_assert_cmpuint (strlen (text), >, 0);

  fixture_teardown (&f);
}

/* A key refused in the middle of a session offers to enter a new one. */
static void
test_window_key_refused (void)
{
  Fixture f = { 0, };
  SalvageWelcomePage *welcome;
  const char *message;

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  salvage_server_add_fault (f.server, "GET", NULL, SALVAGE_FAULT_STATUS, 401, 0);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL);
  WAIT_FOR (salvage_window_get_last_toast (f.window) != NULL &&
            strstr (salvage_window_get_last_toast (f.window), "API key was refused") != NULL);
  /* The lists stay as they were. */
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_projects (workspace (&f))), >, 0);

  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.reenter-key", NULL);
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "welcome");
  welcome = salvage_window_get_welcome_page (f.window);
  message = salvage_welcome_page_get_error (welcome);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Acme Test"));
  g_assert_cmpstr (gtk_editable_get_text (salvage_welcome_page_get_server_entry (welcome)), ==,
                   salvage_server_get_url (f.server));

  /* Changing one's mind leads back to the workspace as it was. */
  g_signal_emit_by_name (welcome, "cancel-requested");
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "workspace");

  fixture_teardown (&f);
}

/* The widgets under @widget with the CSS class @name. */
static guint
count_css_class (GtkWidget  *widget,
                 const char *name)
{
  guint n = gtk_widget_has_css_class (widget, name) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_css_class (child, name);

  return n;
}

/* The Trash page's sort, type filter and warning threshold live in the
 * settings, both ways. */
static void
test_window_trash_settings (void)
{
  GSettings *settings = salvage_application_get_settings (application);
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  gboolean descending = FALSE;

  g_settings_set_string (settings, "trash-sort-column", "name");
  g_settings_set_boolean (settings, "trash-sort-descending", TRUE);
  g_settings_set_string (settings, "trash-filter", "workflow");

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  trash = salvage_window_get_trash_page (f.window);

  g_assert_cmpstr (salvage_trash_page_get_sort (trash, &descending), ==, "name");
  g_assert_true (descending);
  /* Only the workflow of the Trash is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (salvage_trash_page_get_rows (trash)), ==, 1);

  g_assert_true (salvage_trash_page_sort_by (trash, "deleted", FALSE));
  g_assert_cmpstr (salvage_trash_page_get_sort (trash, &descending), ==, "deleted");
  g_assert_false (descending);
  g_assert_cmpstr (g_settings_get_string (settings, "trash-sort-column"), ==, "deleted");
  g_assert_false (g_settings_get_boolean (settings, "trash-sort-descending"));
  g_assert_true (salvage_trash_page_sort_by (trash, "days-left", TRUE));
  g_assert_cmpstr (g_settings_get_string (settings, "trash-sort-column"), ==, "days-left");
  g_assert_true (g_settings_get_boolean (settings, "trash-sort-descending"));
  g_assert_false (salvage_trash_page_sort_by (trash, "size", TRUE));

  salvage_trash_page_show_all_kinds (trash);
  g_assert_cmpstr (g_settings_get_string (settings, "trash-filter"), ==, "all");
  g_assert_cmpuint (g_list_model_get_n_items (salvage_trash_page_get_rows (trash)), ==, 3);

  /* Two days left for the workflow, 25 and 26 for the others. */
  salvage_window_show_page (f.window, "trash");
  WAIT_FOR (count_css_class (GTK_WIDGET (trash), "warning") == 1);
  g_settings_set_int (settings, "cleanup-warning-days", 29);
  g_assert_cmpuint (count_css_class (GTK_WIDGET (trash), "warning"), ==, 3);
  g_settings_set_int (settings, "cleanup-warning-days", 1);
  g_assert_cmpuint (count_css_class (GTK_WIDGET (trash), "warning"), ==, 0);
  g_settings_reset (settings, "cleanup-warning-days");

  fixture_teardown (&f);

  g_settings_reset (settings, "trash-sort-column");
  g_settings_reset (settings, "trash-sort-descending");
  g_settings_reset (settings, "trash-filter");
}

static gboolean
is_mapped_row_button (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, GTK_TYPE_COLUMN_VIEW) != NULL;
}

/* Each page's rows have a context menu, from the keyboard at the focused
 * row, through the action all pages share. */
static void
test_window_context_menu (void)
{
  static const char * const pages[] = { "projects", "workflows", "trash" };
  Fixture f = { 0, };

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      SalvagePage *page;
      GtkPopover *popover;
      GtkWidget *button = NULL;

      salvage_window_show_page (f.window, pages[i]);
      if (g_str_equal (pages[i], "projects"))
        page = SALVAGE_PAGE (salvage_window_get_projects_page (f.window));
      else if (g_str_equal (pages[i], "workflows"))
        page = SALVAGE_PAGE (salvage_window_get_workflows_page (f.window));
      else
        page = SALVAGE_PAGE (salvage_window_get_trash_page (f.window));
      popover = salvage_page_get_context_menu (page);
      g_assert_nonnull (popover);

      g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
      WAIT_FOR ((button = salvage_test_find_widget (GTK_WIDGET (page), is_mapped_row_button, NULL)) != NULL);
      gtk_widget_grab_focus (button);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.context-menu", NULL));
      WAIT_FOR (gtk_widget_get_visible (GTK_WIDGET (popover)));

      gtk_popover_popdown (popover);
      WAIT_FOR (!gtk_widget_get_visible (GTK_WIDGET (popover)));
    }

  fixture_teardown (&f);
}

static void
collect_inscriptions (GtkWidget *widget,
                      GPtrArray *found)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscriptions (child, found);
}

/* A cell's text is one line, whatever the row's height: a long name that
 * was given the row's height wrapped, mid-word, into lines of which only
 * the first showed. */
static void
test_window_cells_one_line (void)
{
  Fixture f = { 0, };
  g_autoptr(GPtrArray) inscriptions = g_ptr_array_new ();

  fixture_setup (&f, TRUE);
  connect_and_wait (&f);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 800, 600);
  salvage_window_show_page (f.window, "trash");
  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f.window)) <= 820 &&
            salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (f.window)),
                                      is_mapped_button, NULL) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  collect_inscriptions (GTK_WIDGET (salvage_window_get_trash_page (f.window)), inscriptions);
  g_assert_cmpuint (inscriptions->len, >, 0);
  for (guint i = 0; i < inscriptions->len; i++)
    {
      GtkWidget *inscription = g_ptr_array_index (inscriptions, i);
      int one_line;

      gtk_widget_measure (inscription, GTK_ORIENTATION_VERTICAL, -1, &one_line, NULL, NULL, NULL);
      g_assert_cmpint (gtk_widget_get_height (inscription), <=, one_line + one_line / 2);
    }

  fixture_teardown (&f);
}

/* The window opens at the size it had, and remembers the size it is given. */
static void
test_window_size (void)
{
  GSettings *settings = salvage_application_get_settings (application);
  Fixture f = { 0, };
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);

  fixture_setup (&f, TRUE);
  gtk_window_get_default_size (GTK_WINDOW (f.window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);

  gtk_window_set_default_size (GTK_WINDOW (f.window), 900, 650);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  fixture_teardown (&f);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
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

  g_test_add_func ("/window/loads", test_window_loads);
  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/shortcuts", test_window_shortcuts);
  g_test_add_func ("/window/narrow", test_window_narrow);
  g_test_add_func ("/window/delete-and-restore", test_window_delete_and_restore);
  g_test_add_func ("/window/undo", test_window_undo);
  g_test_add_func ("/window/undo-older-toast", test_window_undo_older_toast);
  g_test_add_func ("/window/undo-older-version", test_window_undo_older_version);
  g_test_add_func ("/window/undo-withdrawn", test_window_undo_withdrawn);
  g_test_add_func ("/window/undo-cleaned-up", test_window_undo_cleaned_up);
  g_test_add_func ("/window/restore-with-parent", test_window_restore_with_parent);
  g_test_add_func ("/window/restore-all", test_window_restore_all);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/show-page", test_window_show_page);
  g_test_add_func ("/window/running-training", test_window_running_training);
  g_test_add_func ("/window/failures", test_window_failures);
  g_test_add_func ("/window/dead-server", test_window_dead_server);
  g_test_add_func ("/window/focus-refresh", test_window_focus_refresh);
  g_test_add_func ("/window/loading-rows", test_window_loading_rows);
  g_test_add_func ("/window/name-cell", test_window_name_cell);
  g_test_add_func ("/window/key-refused", test_window_key_refused);
  g_test_add_func ("/window/trash-settings", test_window_trash_settings);
  g_test_add_func ("/window/size", test_window_size);
  g_test_add_func ("/window/cells-one-line", test_window_cells_one_line);
  g_test_add_func ("/window/context-menu", test_window_context_menu);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
