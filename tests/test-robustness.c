/* test-robustness.c - the window when the service or the network fails, or the user is quicker
 *
 * Every fault the stand-in server can inject is made to strike a Refresh,
 * a move to the Trash and a restore, in a real window over real sockets:
 * the user must read a message that says what went wrong, find the window
 * usable again, and see lists that agree with the server. Then the same
 * action must work once the server behaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-demo.h"
#include "salvage-restore-cell.h"
#include "salvage-server-fault.h"
#include "salvage-trash-store.h"
#include "salvage-window-private.h"

#define WS      "robust-ws"
#define API_KEY "robust-key-Qw3rTy7u"

/* Some faults make a request wait out the client's timeout first. */
#define WAIT_LIMIT (20 * G_TIME_SPAN_SECOND)
#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"
#include "salvage-test-dialogs.h"

static SalvageApplication *application;

typedef struct
{
  SalvageServer *server;
  SalvageWindow *window;
} Fixture;

/* The items of the seeded workspace, as the server names them. */
typedef struct
{
  const char *kind;
  const char *path;
} KnownItem;

static const KnownItem known_items[] = {
  { "project", "pcb-defects" },
  { "project", "hard-hats" },
  { "project", "forklifts" },
  { "project", "traffic-signs" },
  { "version", "traffic-signs/1" },
  { "workflow", "blur-faces" },
  { "workflow", "count-cars" },
  { "workflow", "old-flow" },
};

static void
seed_server (SalvageServer *server)
{
  gint64 now = g_get_real_time ();

  salvage_server_add_workspace (server, WS, "Robust Test");
  salvage_server_add_key (server, API_KEY, WS);

  salvage_server_add_project (server, WS, "pcb-defects", "PCB Defects", "object-detection", 1200);
  salvage_server_add_version (server, WS, "pcb-defects", 1, "raw", 1200);
  salvage_server_add_project (server, WS, "hard-hats", "Hard Hat Detection", "object-detection",
                              800);
  salvage_server_add_project (server, WS, "forklifts", "Forklift Safety", "object-detection", 500);
  salvage_server_add_project (server, WS, "traffic-signs", "Traffic Signs", "object-detection",
                              300);
  salvage_server_add_version (server, WS, "traffic-signs", 1, "first", 300);

  salvage_server_add_workflow (server, WS, "blur-faces", "Blur Faces");
  salvage_server_add_workflow (server, WS, "count-cars", "Count Cars");
  salvage_server_add_workflow (server, WS, "old-flow", "Old Flow");

  g_assert_true (salvage_server_trash (server, WS, "version", "traffic-signs/1",
                                       now - 5 * G_TIME_SPAN_DAY, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS, "project", "traffic-signs",
                                       now - 4 * G_TIME_SPAN_DAY, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS, "workflow", "old-flow",
                                       now - 28 * G_TIME_SPAN_DAY, "Alex Morgan"));
}

static void
fixture_set_up (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  seed_server (f->server);
  salvage_server_listen (f->server, 0, &error);
  g_assert_no_error (error);

  f->window = g_object_ref_sink (salvage_window_new (GTK_APPLICATION (application)));
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f)
{
  SalvageWindow *window = g_steal_pointer (&f->window);

  /* Closed as its close button does. What is still in flight holds the
   * window only until its cancellation arrives; then nothing but this
   * reference may keep it alive. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_FOR (g_atomic_int_get (&G_OBJECT (window)->ref_count) == 1);
  g_assert_finalize_object (window);

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

static SalvageProjectsPage *
projects_page (Fixture *f)
{
  return salvage_window_get_projects_page (f->window);
}

static SalvageWorkflowsPage *
workflows_page (Fixture *f)
{
  return salvage_window_get_workflows_page (f->window);
}

static SalvageTrashPage *
trash_page (Fixture *f)
{
  return salvage_window_get_trash_page (f->window);
}

static gboolean
pages_show (Fixture    *f,
            const char *view)
{
  return g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (projects_page (f))), view) == 0 &&
         g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (workflows_page (f))), view) == 0 &&
         g_strcmp0 (salvage_page_get_view (SALVAGE_PAGE (trash_page (f))), view) == 0;
}

static void
connect_and_wait (Fixture *f)
{
  salvage_window_connect (f->window, salvage_server_get_url (f->server), API_KEY);
  WAIT_FOR (workspace (f) != NULL && pages_show (f, "content"));
}

/* Widgets */

static void
collect_action_widgets (GtkWidget  *widget,
                        const char *action_name,
                        GPtrArray  *found)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_action_widgets (child, action_name, found);
}

/* Whether every button of the window bound to @action_name can be pressed:
 * a button follows the enabled state of its action. */
static gboolean
action_buttons_enabled (Fixture    *f,
                        const char *action_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_action_widgets (GTK_WIDGET (f->window), action_name, buttons);
  g_assert_cmpuint (buttons->len, >, 0);

  for (guint i = 0; i < buttons->len; i++)
    if (!gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)))
      return FALSE;

  return TRUE;
}

/* The dialogs shown over the window, answered or not. */
static guint
count_open_dialogs (Fixture *f)
{
  g_autoptr(GListModel) dialogs = adw_application_window_get_dialogs (ADW_APPLICATION_WINDOW (f->window));

  return g_list_model_get_n_items (dialogs);
}

static AdwAlertDialog *
wait_for_dialog (Fixture *f)
{
  WAIT_FOR (salvage_window_get_dialog (f->window) != NULL);
  return salvage_window_get_dialog (f->window);
}

/* Answers the open confirmation with @response, with its button. */
static void
answer_dialog (Fixture    *f,
               const char *response)
{
  AdwAlertDialog *dialog = wait_for_dialog (f);

  salvage_test_answer (dialog, response);
  WAIT_FOR (salvage_window_get_dialog (f->window) == NULL);
}

/* Waits for a toast other than @previous (which may be NULL) and returns it. */
static const char *
wait_for_toast (Fixture    *f,
                const char *previous)
{
  const char *toast;

  WAIT_FOR ((toast = salvage_window_get_last_toast (f->window)) != NULL &&
              g_strcmp0 (toast, previous) != 0);
  return toast;
}

static void
assert_contains (const char *text,
                 const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("“%s” does not say “%s”", text, words);
}

/* Models */

static gpointer
find_project (Fixture    *f,
              const char *slug)
{
  GListModel *projects = salvage_workspace_get_projects (workspace (f));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SalvageProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (salvage_project_get_slug (project), slug) == 0)
        return project;  /* the store keeps it alive */
    }

  return NULL;
}

static gpointer
find_workflow (Fixture    *f,
               const char *url)
{
  GListModel *workflows = salvage_workspace_get_workflows (workspace (f));

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(SalvageWorkflow) workflow = g_list_model_get_item (workflows, i);

      if (g_strcmp0 (salvage_workflow_get_url (workflow), url) == 0)
        return workflow;
    }

  return NULL;
}

/* The server's name of the Trash entry @item: its kind and path. */
static char *
dup_trash_path (SalvageTrashItem *item,
                const char      **kind)
{
  switch (salvage_trash_item_get_kind (item))
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      *kind = "project";
      return g_strdup (salvage_trash_item_get_url (item));
    case SALVAGE_TRASH_KIND_VERSION:
      /* A version's Trash id is its number. */
      *kind = "version";
      return g_strdup_printf ("%s/%s", salvage_trash_item_get_parent_url (item),
                              salvage_trash_item_get_id (item));
    case SALVAGE_TRASH_KIND_WORKFLOW:
      *kind = "workflow";
      return g_strdup (salvage_trash_item_get_url (item));
    case SALVAGE_TRASH_KIND_TRAINING:
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      *kind = "other";
      return g_strdup (salvage_trash_item_get_id (item));
    }
}

static gpointer
find_trash (Fixture    *f,
            const char *kind,
            const char *path)
{
  GListModel *trash = salvage_workspace_get_trash (workspace (f));

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
      const char *item_kind;
      g_autofree char *item_path = dup_trash_path (item, &item_kind);

      if (g_str_equal (item_kind, kind) && g_strcmp0 (item_path, path) == 0)
        return item;
    }

  return NULL;
}

/* "kind:path" of every entry of the lists that show live items and of the
 * Trash, each counted as often as it appears. */
static GHashTable *
count_listed (Fixture *f)
{
  GHashTable *listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *projects = salvage_workspace_get_projects (workspace (f));
  GListModel *workflows = salvage_workspace_get_workflows (workspace (f));
  GListModel *trash = salvage_workspace_get_trash (workspace (f));
  char *key;

#define COUNT(k) \
  g_hash_table_replace (listed, (k), \
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (listed, (k))) + 1))

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SalvageProject) project = g_list_model_get_item (projects, i);

      key = g_strconcat ("live:project:", salvage_project_get_slug (project), NULL);
      COUNT (key);
    }

  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(SalvageWorkflow) workflow = g_list_model_get_item (workflows, i);

      key = g_strconcat ("live:workflow:", salvage_workflow_get_url (workflow), NULL);
      COUNT (key);
    }

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
      const char *kind;
      g_autofree char *path = dup_trash_path (item, &kind);

      key = g_strconcat ("trash:", kind, ":", path, NULL);
      COUNT (key);
    }

#undef COUNT

  return listed;
}

/* Whether every list of the window agrees with the server: each item is
 * listed once, where the server has it, and nothing else is listed. Says
 * in @why what does not agree. */
static gboolean
lists_match_server (Fixture  *f,
                    char    **why)
{
  g_autoptr(GHashTable) listed = count_listed (f);
  guint n_expected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (known_items); i++)
    {
      const KnownItem *known = &known_items[i];
      SalvageServerItemState state = salvage_server_get_item_state (f->server, WS, known->kind,
                                                                    known->path);
      g_autofree char *live_key = g_strdup_printf ("live:%s:%s", known->kind, known->path);
      g_autofree char *trash_key = g_strdup_printf ("trash:%s:%s", known->kind, known->path);
      guint n_live = GPOINTER_TO_UINT (g_hash_table_lookup (listed, live_key));
      guint n_trash = GPOINTER_TO_UINT (g_hash_table_lookup (listed, trash_key));
      gboolean is_version = g_str_equal (known->kind, "version");

      /* Live versions are listed only under an expanded project. */
      if (is_version)
        n_live = state == SALVAGE_SERVER_ITEM_LIVE;

      if (n_live != (state == SALVAGE_SERVER_ITEM_LIVE) ||
          n_trash != (state == SALVAGE_SERVER_ITEM_TRASHED))
        {
          *why = g_strdup_printf ("%s “%s” is listed %u times as live and %u times in the Trash, "
                                  "but the server has it %s",
                                  known->kind, known->path, n_live, n_trash,
                                  state == SALVAGE_SERVER_ITEM_LIVE ? "live" :
                                  state == SALVAGE_SERVER_ITEM_TRASHED ? "in the Trash" :
                                  "nowhere");
          return FALSE;
        }

      if (!is_version || state == SALVAGE_SERVER_ITEM_TRASHED)
        n_expected += state != SALVAGE_SERVER_ITEM_ABSENT;
    }

  if (g_hash_table_size (listed) != n_expected)
    {
      *why = g_strdup_printf ("%u entries are listed where the server has %u",
                              g_hash_table_size (listed), n_expected);
      return FALSE;
    }

  return TRUE;
}

/* The lists agree with the server, and the pages show what they hold. */
static void
assert_lists_match_server (Fixture *f)
{
  g_autofree char *why = NULL;

  if (!lists_match_server (f, &why))
    g_error ("%s", why);

  g_assert_cmpuint (g_list_model_get_n_items (salvage_projects_page_get_rows (projects_page (f))),
                    ==, g_list_model_get_n_items (salvage_workspace_get_projects (workspace (f))));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workflows_page_get_rows (workflows_page (f))),
                    ==, g_list_model_get_n_items (salvage_workspace_get_workflows (workspace (f))));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_trash_page_get_rows (trash_page (f))),
                    ==, g_list_model_get_n_items (salvage_workspace_get_trash (workspace (f))));
  g_assert_cmpuint (salvage_window_get_trash_badge (f->window),
                    ==, g_list_model_get_n_items (salvage_workspace_get_trash (workspace (f))));
}

/* The user's actions */

static void
refresh (Fixture *f)
{
  g_assert_true (action_buttons_enabled (f, "win.refresh"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.refresh", NULL));
  /* Refresh cannot be pressed again while one runs. */
  g_assert_false (action_buttons_enabled (f, "win.refresh"));
  WAIT_FOR (action_buttons_enabled (f, "win.refresh"));
}

/* Asks to move the project @slug to the Trash and confirms; returns the
 * toast that reports the outcome. */
static const char *
delete_project (Fixture    *f,
                const char *slug)
{
  SalvageProjectsPage *page = projects_page (f);
  g_autofree char *previous = g_strdup (salvage_window_get_last_toast (f->window));

  salvage_window_show_page (f->window, "projects");
  g_assert_true (salvage_projects_page_select_item (page, find_project (f, slug)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.delete-selected", NULL));
  answer_dialog (f, "trash");

  return wait_for_toast (f, previous);
}

/* Asks to restore the Trash entry @kind @path and confirms; returns the
 * toast that reports the outcome. */
static const char *
restore_item (Fixture    *f,
              const char *kind,
              const char *path)
{
  SalvageTrashPage *page = trash_page (f);
  g_autofree char *previous = g_strdup (salvage_window_get_last_toast (f->window));

  salvage_window_show_page (f->window, "trash");
  gtk_selection_model_unselect_all (salvage_trash_page_get_selection (page));
  g_assert_true (salvage_trash_page_select_item (page, find_trash (f, kind, path)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.restore-selected", NULL));
  answer_dialog (f, "restore");

  return wait_for_toast (f, previous);
}

/* The fault matrix */

typedef struct
{
  const char   *name;
  SalvageFault  fault;
  /* Words of the message that tell this failure from the others, for a
   * Refresh and for a delete or restore; NULL when the client gets past
   * the fault and the action succeeds. */
  const char   *refresh_words;
  const char   *change_words;
  /* Client timeout in seconds, 0 for the default. */
  guint         timeout;
} FaultCase;

#define SAYS(words) words, words

static const FaultCase fault_cases[] = {
  { "status-401", { SALVAGE_FAULT_STATUS, .status = 401 }, SAYS ("The API key was refused") },
  { "status-403", { SALVAGE_FAULT_STATUS, .status = 403 }, SAYS ("permissions do not allow") },
  /* A restore's 404 is worded as a restore's (see check_restore). */
  { "status-404", { SALVAGE_FAULT_STATUS, .status = 404 }, "Not found", "the API key" },
  { "status-409", { SALVAGE_FAULT_STATUS, .status = 409 }, SAYS ("conflict") },
  /* Retried once after its Retry-After; the retry meets a 429 too. */
  { "status-429", { SALVAGE_FAULT_STATUS, .status = 429, .retry_after = 1 },
    SAYS ("Too many requests: the server asks to wait 1 second") },
  /* Retried once, and the retry gets through. */
  { "status-429-once", { SALVAGE_FAULT_STATUS, .status = 429, .retry_after = 1, .count = 1 },
    SAYS (NULL) },
  { "status-500", { SALVAGE_FAULT_STATUS, .status = 500 }, SAYS ("The server failed (HTTP 500)") },
  { "status-502", { SALVAGE_FAULT_STATUS, .status = 502 }, SAYS ("The server failed (HTTP 502)") },
  { "no-answer", { SALVAGE_FAULT_NO_ANSWER }, SAYS ("did not answer in time"), 1 },
  { "reset", { SALVAGE_FAULT_RESET }, SAYS ("Could not connect to the server") },
  /* Carried out; only the answer was lost. */
  { "reset-after-commit", { SALVAGE_FAULT_RESET, .commit = TRUE },
    SAYS ("Could not connect to the server") },
  { "truncated", { SALVAGE_FAULT_TRUNCATED }, SAYS ("cut short") },
  { "not-json", { SALVAGE_FAULT_NOT_JSON }, SAYS ("not JSON") },
  { "wrong-shape", { SALVAGE_FAULT_WRONG_SHAPE }, "is not a list", "answer" },
  { "huge", { SALVAGE_FAULT_HUGE }, SAYS ("too large") },
  /* Slower than a whole request may take: carried out, the answer too late. */
  { "trickle-slow", { SALVAGE_FAULT_TRICKLE, .interval_ms = 250 },
    SAYS ("did not answer in time"), 1 },
  /* Slow but within the limits: the action succeeds. */
  { "trickle", { SALVAGE_FAULT_TRICKLE, .interval_ms = 1, .count = 1 }, SAYS (NULL) },
};

#undef SAYS

static void
check_refresh (Fixture         *f,
               const FaultCase *fault_case)
{
  g_autofree char *previous = g_strdup (salvage_window_get_last_toast (f->window));
  guint fault_id;

  fault_id = salvage_server_add_fault_full (f->server, "GET", NULL, &fault_case->fault);
  refresh (f);
  g_assert_cmpuint (salvage_server_get_fault_hits (f->server, fault_id), >, 0);

  if (fault_case->refresh_words != NULL)
    {
      const char *toast = wait_for_toast (f, previous);

      g_test_message ("Refresh: %s", toast);
      assert_contains (toast, fault_case->refresh_words);
    }
  else
    g_assert_cmpstr (salvage_window_get_last_toast (f->window), ==, previous);

  /* The lists were loaded before: the pages keep showing them. */
  g_assert_true (pages_show (f, "content"));
  assert_lists_match_server (f);

  salvage_server_clear_faults (f->server);
  g_clear_pointer (&previous, g_free);
  previous = g_strdup (salvage_window_get_last_toast (f->window));
  refresh (f);
  g_assert_cmpstr (salvage_window_get_last_toast (f->window), ==, previous);
  g_assert_true (pages_show (f, "content"));
  assert_lists_match_server (f);
}

static void
check_delete (Fixture         *f,
              const FaultCase *fault_case)
{
  const char *toast;
  guint fault_id;

  fault_id = salvage_server_add_fault_full (f->server, "DELETE", NULL, &fault_case->fault);
  toast = delete_project (f, "forklifts");
  g_test_message ("Delete: %s", toast);
  g_assert_cmpuint (salvage_server_get_fault_hits (f->server, fault_id), >, 0);

  if (fault_case->change_words != NULL)
    {
      g_assert_true (g_str_has_prefix (toast, "Could not move “Forklift Safety” to the Trash: "));
      assert_contains (toast, fault_case->change_words);
    }
  else
    {
      g_assert_cmpstr (toast, ==, "“Forklift Safety” moved to Trash");
    }

  g_assert_cmpuint (count_open_dialogs (f), ==, 0);

  /* A delete carried out whose answer was lost shows up in the Trash. */
  assert_lists_match_server (f);

  salvage_server_clear_faults (f->server);
  toast = delete_project (f, "hard-hats");
  g_assert_cmpstr (toast, ==, "“Hard Hat Detection” moved to Trash");
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "hard-hats"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  assert_lists_match_server (f);
}

static void
check_restore (Fixture         *f,
               const FaultCase *fault_case)
{
  const char *toast;
  guint fault_id;

  fault_id = salvage_server_add_fault_full (f->server, "POST", "/" WS "/trash/restore",
                                            &fault_case->fault);
  toast = restore_item (f, "workflow", "old-flow");
  g_test_message ("Restore: %s", toast);
  g_assert_cmpuint (salvage_server_get_fault_hits (f->server, fault_id), >, 0);

  if (fault_case->change_words != NULL)
    {
      g_assert_true (g_str_has_prefix (toast, "Could not restore “Old Flow”: "));
      assert_contains (toast, fault_case->change_words);
      /* It left the Trash, or may not be restored: it is not "in the Trash". */
      if (fault_case->fault.kind == SALVAGE_FAULT_STATUS && fault_case->fault.status == 404)
        {
          assert_contains (toast, "no longer in the Trash");
          g_assert_null (strstr (toast, "may be in the Trash"));
        }
    }
  else
    {
      g_assert_cmpstr (toast, ==, "“Old Flow” restored");
    }

  g_assert_cmpuint (count_open_dialogs (f), ==, 0);

  /* A restore carried out whose answer was lost shows up in its list. */
  assert_lists_match_server (f);

  salvage_server_clear_faults (f->server);
  toast = restore_item (f, "project", "hard-hats");
  g_assert_cmpstr (toast, ==, "“Hard Hat Detection” restored");
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "hard-hats"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  assert_lists_match_server (f);
}

static void
test_fault (gconstpointer data)
{
  const FaultCase *fault_case = data;
  Fixture f = { 0, };

  fixture_set_up (&f);
  connect_and_wait (&f);
  if (fault_case->timeout != 0)
    salvage_client_set_timeout (salvage_workspace_get_client (workspace (&f)), fault_case->timeout);
  assert_lists_match_server (&f);

  check_refresh (&f, fault_case);
  check_delete (&f, fault_case);
  check_restore (&f, fault_case);

  fixture_tear_down (&f);
}

/* The first load fails: the pages have nothing to show but why. */

/* A page's stack of states: the one with an error page. */
static gboolean
is_page_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "error") != NULL;
}

/* The text of the error page that @page shows. */
static const char *
get_error_text (gpointer page)
{
  GtkStack *stack = GTK_STACK (salvage_test_find_widget (GTK_WIDGET (page), is_page_stack, NULL));
  GtkWidget *error_page;

  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "error");
  error_page = gtk_stack_get_visible_child (stack);
  g_assert_true (ADW_IS_STATUS_PAGE (error_page));

  return adw_status_page_get_description (ADW_STATUS_PAGE (error_page));
}

static void
test_first_load (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      const FaultCase *fault_case = &fault_cases[i];
      Fixture f = { 0, };

      /* Those that fail by the clock need a client timeout set before
       * the first load, which the window does not take. */
      if (fault_case->refresh_words == NULL || fault_case->timeout != 0)
        continue;

      g_test_message ("First load, %s", fault_case->name);
      fixture_set_up (&f);
      salvage_server_add_fault_full (f.server, "GET", NULL, &fault_case->fault);
      salvage_window_connect (f.window, salvage_server_get_url (f.server), API_KEY);
      WAIT_FOR (pages_show (&f, "error"));

      assert_contains (get_error_text (projects_page (&f)), fault_case->refresh_words);
      assert_contains (get_error_text (workflows_page (&f)), fault_case->refresh_words);
      assert_contains (get_error_text (trash_page (&f)), fault_case->refresh_words);
      g_assert_true (action_buttons_enabled (&f, "win.refresh"));
      g_assert_cmpuint (count_open_dialogs (&f), ==, 0);

      /* Retry, once the server behaves. */
      salvage_server_clear_faults (f.server);
      refresh (&f);
      WAIT_FOR (pages_show (&f, "content"));
      assert_lists_match_server (&f);

      fixture_tear_down (&f);
    }
}

/* Concurrency: the user is quicker than the network */

/* The Restore button in the Trash view's row of @item. */
static gboolean
is_row_button (GtkWidget     *widget,
               gconstpointer  item)
{
  GtkWidget *cell;

  return GTK_IS_BUTTON (widget) &&
         (cell = gtk_widget_get_ancestor (widget, SALVAGE_TYPE_RESTORE_CELL)) != NULL &&
         salvage_restore_cell_get_item (SALVAGE_RESTORE_CELL (cell)) == item;
}

static void
test_double_restore (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *page;
  AdwAlertDialog *dialog;
  GtkWidget *button;
  guint counter;

  fixture_set_up (&f);
  connect_and_wait (&f);
  page = trash_page (&f);
  salvage_window_show_page (f.window, "trash");
  counter = salvage_server_add_fault (f.server, "POST", "/" WS "/trash/restore",
                                      SALVAGE_FAULT_NONE, 0, 0);

  WAIT_FOR ((button = salvage_test_find_widget (GTK_WIDGET (page), is_row_button,
                                                  find_trash (&f, "workflow", "old-flow"))) != NULL &&
              gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  dialog = wait_for_dialog (&f);

  /* The confirmation holds the window's input until it is answered: the
   * second click of a double-click never reaches the row. */
  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f.window)) ==
                 ADW_DIALOG (dialog));

  /* Its button clicked twice before it has gone. */
  WAIT_FOR ((button = salvage_test_find_response_button (dialog, "restore")) != NULL);
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (salvage_window_get_dialog (f.window) == NULL);

  WAIT_FOR (find_workflow (&f, "old-flow") != NULL &&
              find_trash (&f, "workflow", "old-flow") == NULL);
  g_assert_cmpstr (wait_for_toast (&f, NULL), ==, "“Old Flow” restored");
  /* Let a second request, if there were one, arrive. */
  refresh (&f);
  g_assert_cmpuint (salvage_server_get_fault_hits (f.server, counter), ==, 1);
  g_assert_cmpuint (count_open_dialogs (&f), ==, 0);
  assert_lists_match_server (&f);

  fixture_tear_down (&f);
}

static void
test_double_delete (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *page;
  AdwAlertDialog *dialog;
  GtkWidget *button;
  guint counter;

  fixture_set_up (&f);
  connect_and_wait (&f);
  page = projects_page (&f);
  counter = salvage_server_add_fault (f.server, "DELETE", NULL, SALVAGE_FAULT_NONE, 0, 0);

  g_assert_true (salvage_projects_page_select_item (page, find_project (&f, "forklifts")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "projects.delete-selected", NULL));
  dialog = wait_for_dialog (&f);
  g_assert_true (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (f.window)) ==
                 ADW_DIALOG (dialog));

  WAIT_FOR ((button = salvage_test_find_response_button (dialog, "trash")) != NULL);
  g_signal_emit_by_name (button, "clicked");
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (salvage_window_get_dialog (f.window) == NULL);

  g_assert_cmpstr (wait_for_toast (&f, NULL), ==, "“Forklift Safety” moved to Trash");
  refresh (&f);
  g_assert_cmpuint (salvage_server_get_fault_hits (f.server, counter), ==, 1);
  g_assert_cmpuint (count_open_dialogs (&f), ==, 0);
  assert_lists_match_server (&f);

  fixture_tear_down (&f);
}

/* Answers that take a while, so that the user acts while they are on
 * their way. */
#define SLOW_MSEC 300

static void
test_delete_during_refresh (void)
{
  Fixture f = { 0, };
  const char *toast;

  fixture_set_up (&f);
  connect_and_wait (&f);
  salvage_server_set_latency (f.server, SLOW_MSEC);

  /* The Refresh's lists are taken before the delete reaches the server and
   * arrive after it: they must not bring the project back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL));
  toast = delete_project (&f, "forklifts");
  g_assert_cmpstr (toast, ==, "“Forklift Safety” moved to Trash");
  WAIT_FOR (action_buttons_enabled (&f, "win.refresh"));

  /* Whatever else is still on its way lands too. */
  salvage_server_set_latency (f.server, 0);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  assert_lists_match_server (&f);
  g_assert_null (find_project (&f, "forklifts"));
  g_assert_nonnull (find_trash (&f, "project", "forklifts"));

  fixture_tear_down (&f);
}

static void
test_refresh_during_restore (void)
{
  Fixture f = { 0, };
  g_autofree char *previous = NULL;
  SalvageTrashPage *page;

  fixture_set_up (&f);
  connect_and_wait (&f);
  salvage_server_set_latency (f.server, SLOW_MSEC);
  page = trash_page (&f);

  previous = g_strdup (salvage_window_get_last_toast (f.window));
  salvage_window_show_page (f.window, "trash");
  g_assert_true (salvage_trash_page_select_item (page, find_trash (&f, "workflow", "old-flow")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "trash.restore-selected", NULL));
  answer_dialog (&f, "restore");
  refresh (&f);

  g_assert_cmpstr (wait_for_toast (&f, previous), ==, "“Old Flow” restored");
  salvage_server_set_latency (f.server, 0);
  refresh (&f);
  assert_lists_match_server (&f);
  g_assert_nonnull (find_workflow (&f, "old-flow"));

  fixture_tear_down (&f);
}

static void
test_switch_pages_during_requests (void)
{
  Fixture f = { 0, };
  const char * const pages[] = { "trash", "workflows", "projects" };
  g_autofree char *previous = NULL;

  fixture_set_up (&f);
  connect_and_wait (&f);
  salvage_server_set_latency (f.server, SLOW_MSEC);

  previous = g_strdup (salvage_window_get_last_toast (f.window));
  g_assert_true (salvage_projects_page_select_item (projects_page (&f),
                                                    find_project (&f, "hard-hats")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects_page (&f)),
                                             "projects.delete-selected", NULL));
  answer_dialog (&f, "trash");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL));

  /* Round the pages while both are on their way, letting each draw. */
  for (guint i = 0; i < 2 * G_N_ELEMENTS (pages); i++)
    {
      salvage_window_show_page (f.window, pages[i % G_N_ELEMENTS (pages)]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
    }

  g_assert_cmpstr (wait_for_toast (&f, previous), ==, "“Hard Hat Detection” moved to Trash");
  WAIT_FOR (action_buttons_enabled (&f, "win.refresh"));
  salvage_server_set_latency (f.server, 0);
  refresh (&f);
  assert_lists_match_server (&f);
  g_assert_true (pages_show (&f, "content"));

  fixture_tear_down (&f);
}

/* Closing the window while a request waits for an answer that never
 * comes: nothing may land on the window after it has gone, and nothing may
 * keep it alive once its requests are cancelled. */

typedef enum
{
  PENDING_REFRESH,
  PENDING_DELETE,
  PENDING_RESTORE,
} PendingRequest;

/* Spins until only the caller holds @object, for at most @limit. */
static gboolean
wait_for_last_reference (gpointer  object,
                         GTimeSpan limit)
{
  gint64 end = g_get_monotonic_time () + limit;

  while (g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static void
test_close_during_request (gconstpointer data)
{
  PendingRequest pending = GPOINTER_TO_INT (data);
  Fixture f = { 0, };
  SalvageWindow *window;
  guint held;

  fixture_set_up (&f);
  connect_and_wait (&f);
  held = salvage_server_add_fault (f.server, NULL, NULL, SALVAGE_FAULT_NO_ANSWER, 0, 0);

  switch (pending)
    {
    case PENDING_REFRESH:
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL));
      break;

    case PENDING_DELETE:
      g_assert_true (salvage_projects_page_select_item (projects_page (&f),
                                                        find_project (&f, "forklifts")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (projects_page (&f)),
                                                 "projects.delete-selected", NULL));
      answer_dialog (&f, "trash");
      break;

    case PENDING_RESTORE:
    default:
      salvage_window_show_page (f.window, "trash");
      g_assert_true (salvage_trash_page_select_item (trash_page (&f),
                                                     find_trash (&f, "workflow", "old-flow")));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash_page (&f)),
                                                 "trash.restore-selected", NULL));
      answer_dialog (&f, "restore");
      break;
    }

  WAIT_FOR (salvage_server_get_fault_hits (f.server, held) > 0);

  /* As its close button does. */
  window = g_steal_pointer (&f.window);
  gtk_window_close (GTK_WINDOW (window));

  /* Whatever was in flight lets go of the window at once. */
  g_assert_true (wait_for_last_reference (window, 5 * G_TIME_SPAN_SECOND));

  g_assert_finalize_object (window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&f.server);
}

/* A large Trash reaches the view a few rows a frame */

#define BIG_WS      "big-trash"
#define BIG_API_KEY "big-key-Lm4Nb8Vc"
#define BIG_TRASH   3000

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), (GType) GPOINTER_TO_SIZE (type));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return salvage_test_find_widget (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static guint
count_restorable (GListModel *items)
{
  guint n_restorable = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (items, i);

      n_restorable += salvage_trash_item_get_restorable (item);
    }

  return n_restorable;
}

/* The heading of the confirmation that @action_name of @page asks, which
 * is then cancelled. */
static char *
dup_confirmation_heading (Fixture    *f,
                          GtkWidget  *page,
                          const char *action_name)
{
  AdwAlertDialog *dialog;
  char *heading;

  g_assert_true (gtk_widget_activate_action (page, action_name, NULL));
  dialog = wait_for_dialog (f);
  heading = g_strdup (adw_alert_dialog_get_heading (dialog));
  salvage_test_answer (dialog, "cancel");
  WAIT_FOR (salvage_window_get_dialog (f->window) == NULL);

  return heading;
}

static void
test_big_trash (void)
{
  SalvageDemoSizes sizes = { .n_projects = 4, .max_versions = 2, .n_workflows = 2,
                             .n_trash = BIG_TRASH };
  g_autoptr(GError) error = NULL;
  g_autofree char *restore_selected = NULL;
  g_autofree char *restore_all = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GtkBitset) selected = NULL;
  SalvageTrashPage *page;
  GtkSelectionModel *view_model;
  GListModel *trash;
  GListModel *rows;
  GtkWidget *list_view;
  Fixture f = { 0, };
  guint n_items;

  f.server = salvage_server_new ();
  salvage_demo_seed (f.server, BIG_WS, BIG_API_KEY, &sizes, 7);
  salvage_server_listen (f.server, 0, &error);
  g_assert_no_error (error);
  f.window = g_object_ref_sink (salvage_window_new (GTK_APPLICATION (application)));
  gtk_window_present (GTK_WINDOW (f.window));

  page = trash_page (&f);
  view_model = salvage_trash_page_get_selection (page);
  rows = salvage_trash_page_get_rows (page);
  salvage_window_show_page (f.window, "trash");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  salvage_window_connect (f.window, salvage_server_get_url (f.server), BIG_API_KEY);
  WAIT_FOR (workspace (&f) != NULL &&
              g_list_model_get_n_items (salvage_workspace_get_trash (workspace (&f))) > 0);
  trash = salvage_workspace_get_trash (workspace (&f));
  n_items = g_list_model_get_n_items (trash);
  g_assert_cmpuint (n_items, >=, BIG_TRASH);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_items);

  /* The Trash arrived in this main-loop turn: the view has no rows yet;
   * it gets its first ones before the next frame, the others over the
   * frames after. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view_model)), <, n_items);

  /* Ctrl+A right away selects everything, not only the rows given so far. */
  list_view = find_descendant (find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW),
                               GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_true (gtk_widget_activate_action (list_view, "list.select-all", NULL));
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (view_model)) > 0);
  selected = gtk_selection_model_get_selection (view_model);
  g_assert_cmpuint (gtk_bitset_get_size (selected), ==, n_items);

  /* Showing, counting and selecting the whole Trash made items only for
   * the rows the view has built: the rest are records. */
  {
    guint n_made = 0;

    for (guint i = 0; i < n_items; i++)
      n_made += salvage_trash_store_peek_item (SALVAGE_TRASH_STORE (trash), i) != NULL;
    g_test_message ("%u of %u items made", n_made, n_items);
    g_assert_cmpuint (n_made, <, n_items / 4);

    /* Planning a restore looks its parents up in the records, and makes
     * only the items it finds. */
    {
      g_autoptr(SalvageTrashItem) last = g_list_model_get_item (trash, n_items - 1);
      g_autoptr(GPtrArray) plan = salvage_workspace_dup_restore_plan (workspace (&f), last);
      guint n_now = 0;

      g_assert_cmpuint (plan->len, >=, 1);
      for (guint i = 0; i < n_items; i++)
        n_now += salvage_trash_store_peek_item (SALVAGE_TRASH_STORE (trash), i) != NULL;
      g_assert_cmpuint (n_now, <=, n_made + 3);
    }
  }

  /* Every row becomes reachable, in order, and stays selected. */
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (view_model)) == n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) shown = g_list_model_get_item (G_LIST_MODEL (view_model), i);
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      g_assert_true (shown == row);
      g_assert_true (gtk_selection_model_is_selected (view_model, i));
    }

  /* Both ways of restoring everything name every restorable item. */
  expected = g_strdup_printf ("Restore %'u Items?", count_restorable (trash));
  restore_selected = dup_confirmation_heading (&f, GTK_WIDGET (page), "trash.restore-selected");
  g_assert_cmpstr (restore_selected, ==, expected);

  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Restore All %'u Items?", count_restorable (trash));
  restore_all = dup_confirmation_heading (&f, GTK_WIDGET (page), "trash.restore-all");
  g_assert_cmpstr (restore_all, ==, expected);

  fixture_tear_down (&f);
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

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/robustness/fault/%s", fault_cases[i].name);

      g_test_add_data_func (path, &fault_cases[i], test_fault);
    }

  g_test_add_func ("/robustness/first-load", test_first_load);
  g_test_add_func ("/robustness/concurrency/double-restore", test_double_restore);
  g_test_add_func ("/robustness/concurrency/double-delete", test_double_delete);
  g_test_add_func ("/robustness/concurrency/delete-during-refresh", test_delete_during_refresh);
  g_test_add_func ("/robustness/concurrency/refresh-during-restore", test_refresh_during_restore);
  g_test_add_func ("/robustness/concurrency/switch-pages", test_switch_pages_during_requests);
  g_test_add_data_func ("/robustness/concurrency/close-during-refresh",
                        GINT_TO_POINTER (PENDING_REFRESH), test_close_during_request);
  g_test_add_data_func ("/robustness/concurrency/close-during-delete",
                        GINT_TO_POINTER (PENDING_DELETE), test_close_during_request);
  g_test_add_data_func ("/robustness/concurrency/close-during-restore",
                        GINT_TO_POINTER (PENDING_RESTORE), test_close_during_request);

  g_test_add_func ("/robustness/big-trash", test_big_trash);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
