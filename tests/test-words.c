/* test-words.c - what the window says, and where: names, headings, notes and their places
 *
 * The window against the stand-in server, as in test-window.c, for the
 * words a person reads or hears: what the Trash's filter calls training
 * runs, what the Projects tree's expanders are called, how a near cleanup
 * shows without colour, and so on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "salvage-application.h"
#include "salvage-days-left-cell.h"
#include "salvage-page-util.h"
#include "salvage-server-fault.h"
#include "salvage-trash-page-private.h"
#include "salvage-window-private.h"

#define WS      "acme-words"
#define API_KEY "test-key-Wq72nPzR"
#define DAY     (G_TIME_SPAN_DAY)

#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"
#include "salvage-test-dialogs.h"

static SalvageApplication *application;

typedef struct
{
  SalvageServer *server;
  SalvageWindow *window;
} Fixture;

static void
seed_server (SalvageServer *server)
{
  gint64 now = g_get_real_time ();

  salvage_server_add_workspace (server, WS, "Acme Words");
  salvage_server_add_key (server, API_KEY, WS);

  salvage_server_add_project (server, WS, "pcb-defects", "PCB Defects", "object-detection", 12000);
  salvage_server_add_version (server, WS, "pcb-defects", 1, "v1 raw", 12000);
  salvage_server_add_version (server, WS, "pcb-defects", 2, "augmented", 36000);
  salvage_server_add_training (server, WS, "pcb-defects", 2, "finished", "yolov8n");
  salvage_server_add_project (server, WS, "hard-hats", "Hard Hat Detection", "object-detection", 800);
  salvage_server_add_project (server, WS, "forklifts", "Forklift Safety", "object-detection", 500);
  salvage_server_add_version (server, WS, "forklifts", 1, "raw", 500);

  salvage_server_add_workflow (server, WS, "blur-faces", "Blur Faces");

  /* Two days left, and 25. */
  salvage_server_add_workflow (server, WS, "old-flow", "Old Flow");
  g_assert_true (salvage_server_trash (server, WS, "workflow", "old-flow",
                                       now - 28 * DAY, "Alex Morgan"));
  salvage_server_add_project (server, WS, "traffic-signs", "Traffic Signs", "object-detection", 300);
  g_assert_true (salvage_server_trash (server, WS, "project", "traffic-signs",
                                       now - 5 * DAY, "Mei Tanaka"));
}

/* A window of @width × @height (or of its usual size, for 0). */
static void
fixture_setup_sized (Fixture *f,
                     int      width,
                     int      height)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  seed_server (f->server);
  salvage_server_listen (f->server, 0, &error);
  g_assert_no_error (error);

  f->window = salvage_window_new (GTK_APPLICATION (application));
  g_object_ref_sink (f->window);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_setup (Fixture *f)
{
  fixture_setup_sized (f, 0, 0);
}

static void
fixture_teardown (Fixture *f)
{
  SalvageWindow *window = g_steal_pointer (&f->window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  WAIT_FOR (window == NULL);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&f->server);
}

static SalvageWorkspace *
workspace (Fixture *f)
{
  return salvage_window_get_workspace (f->window);
}

static gboolean
page_shows (SalvagePage *page,
            const char  *view)
{
  return g_strcmp0 (salvage_page_get_view (page), view) == 0;
}

static void
connect_and_wait (Fixture *f)
{
  salvage_window_connect (f->window, salvage_server_get_url (f->server), API_KEY);

  WAIT_FOR (workspace (f) != NULL &&
            page_shows (SALVAGE_PAGE (salvage_window_get_projects_page (f->window)), "content") &&
            page_shows (SALVAGE_PAGE (salvage_window_get_trash_page (f->window)), "content"));
}

/* The object of @model whose "name" property is @name, or NULL. */
static gpointer
find_by_name (GListModel *model,
              const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
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
find_project (Fixture    *f,
              const char *name)
{
  return find_by_name (salvage_workspace_get_projects (workspace (f)), name);
}

/* Widgets of @type under @root, depth first. */
static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* The Trash's type filter calls training runs that, as every other place
 * does. */
static void
test_trash_filter_words (void)
{
  Fixture f = { 0, };
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  GListModel *kinds;
  gboolean found = FALSE;

  fixture_setup (&f);
  connect_and_wait (&f);
  collect_widgets (GTK_WIDGET (salvage_window_get_trash_page (f.window)), GTK_TYPE_DROP_DOWN,
                   dropdowns);
  g_assert_cmpuint (dropdowns->len, ==, 1);

  kinds = gtk_drop_down_get_model (g_ptr_array_index (dropdowns, 0));
  for (guint i = 0; i < g_list_model_get_n_items (kinds); i++)
    {
      const char *kind = gtk_string_list_get_string (GTK_STRING_LIST (kinds), i);

      g_assert_cmpstr (kind, !=, "Trainings");
      found |= g_str_equal (kind, "Training Runs");
    }
  g_assert_true (found);

  fixture_teardown (&f);
}

/* The Trash page says how many items it holds, and with a search or the
 * type filter how many of them are shown; a narrow window leaves that to
 * the Trash's tab. */
static void
test_trash_count (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  GtkWidget *label;

  fixture_setup_sized (&f, 1024, 700);
  connect_and_wait (&f);
  trash = salvage_window_get_trash_page (f.window);
  label = GTK_WIDGET (trash->count_label);
  salvage_window_show_page (f.window, "trash");

  WAIT_FOR (gtk_widget_get_mapped (label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "2 items");

  g_object_set (trash, "search", "traffic", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "1 of 2 items shown");

  /* A search that every item matches is still a search. */
  g_object_set (trash, "search", "f", NULL);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "2 of 2 items shown");

  g_object_set (trash, "search", "", NULL);
  salvage_trash_page_show_kind (trash, SALVAGE_TRASH_KIND_WORKFLOW);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "1 of 2 items shown");
  salvage_trash_page_show_all_kinds (trash);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "2 items");

  /* What the server's Trash gains, the count gains on a refresh. */
  g_assert_true (salvage_server_trash (f.server, WS, "project", "hard-hats",
                                       g_get_real_time () - DAY, "Mei Tanaka"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.refresh", NULL));
  WAIT_FOR (g_str_equal (gtk_label_get_label (GTK_LABEL (label)), "3 items"));

  /* A resize asked for before the display server has given the window
   * its first size would be undone by it. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  gtk_window_set_default_size (GTK_WINDOW (f.window), 360, 640);
  WAIT_FOR (salvage_page_get_narrow (SALVAGE_PAGE (trash)));
  g_assert_false (gtk_widget_get_visible (label));
  gtk_window_set_default_size (GTK_WINDOW (f.window), 1024, 700);
  WAIT_FOR (gtk_widget_get_mapped (label));

  fixture_teardown (&f);
}

/* The tree expander of the Projects page that shows @item, or NULL. */
static GtkTreeExpander *
find_expander (Fixture  *f,
               gpointer  item)
{
  g_autoptr(GPtrArray) expanders = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (salvage_window_get_projects_page (f->window)),
                   GTK_TYPE_TREE_EXPANDER, expanders);

  for (guint i = 0; i < expanders->len; i++)
    {
      GtkTreeExpander *expander = g_ptr_array_index (expanders, i);
      g_autoptr(GObject) shown = gtk_tree_expander_get_item (expander);

      if (gtk_widget_get_mapped (GTK_WIDGET (expander)) && (gpointer) shown == item)
        return expander;
    }

  return NULL;
}

static void
assert_accessible_label (gpointer    accessible,
                         const char *label)
{
  g_autofree char *mismatch = NULL;

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (accessible),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, label);
  if (mismatch != NULL)
    g_error ("the accessible label is “%s”, not “%s”", mismatch, label);
}

/* A cell's tooltip is given to GTK only when it is about to show, and to
 * a screen reader as the widget's description: GTK's own tooltip text
 * asks the X server where the pointer is, for every row's button made. */
static void
test_cell_tooltip (void)
{
  GtkWidget *button = g_object_ref_sink (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  g_autofree char *mismatch = NULL;

  salvage_cell_set_tooltip (button, "Move to Trash");
  g_assert_cmpstr (salvage_cell_get_tooltip (button), ==, "Move to Trash");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_null (gtk_widget_get_tooltip_text (button));
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Move to Trash");
  g_assert_null (mismatch);

  /* An empty text is none. */
  salvage_cell_set_tooltip (button, "");
  g_assert_null (salvage_cell_get_tooltip (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));

  g_object_unref (button);
}

/* Each expander says what it opens, rather than every one reading as its
 * row's name (or, on older GTK, as "Expand"). */
static void
test_expander_names (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *page;
  SalvageProject *project;
  GtkTreeExpander *expander;
  GListModel *versions;
  g_autoptr(SalvageVersion) version = NULL;

  fixture_setup (&f);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");
  page = salvage_window_get_projects_page (f.window);
  project = find_project (&f, "PCB Defects");

  WAIT_FOR ((expander = find_expander (&f, project)) != NULL);
  assert_accessible_label (expander, "Versions of “PCB Defects”");
  g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (expander),
                                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY));

  /* Named apart, each after its own row. */
  WAIT_FOR ((expander = find_expander (&f, find_project (&f, "Forklift Safety"))) != NULL);
  assert_accessible_label (expander, "Versions of “Forklift Safety”");

  /* A project with nothing to open keeps its name. */
  WAIT_FOR ((expander = find_expander (&f, find_project (&f, "Hard Hat Detection"))) != NULL);
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (expander),
                                                    GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* A version's opens its training runs; its name is said once. */
  versions = salvage_workspace_get_versions (workspace (&f), project);
  g_assert_true (salvage_projects_page_expand_item (page, project));
  WAIT_FOR (g_list_model_get_n_items (versions) == 2);
  for (guint i = 0; i < 2 && version == NULL; i++)
    {
      g_autoptr(SalvageVersion) v = g_list_model_get_item (versions, i);

      if (g_str_equal (salvage_version_get_number (v), "1"))
        version = g_steal_pointer (&v);
    }
  g_assert_nonnull (version);
  WAIT_FOR ((expander = find_expander (&f, version)) != NULL);
  assert_accessible_label (expander, "Training runs of “v1 raw”");

  fixture_teardown (&f);
}

/* A near cleanup shows as an icon that says so, not in colour alone. */
static void
test_days_left_cue (void)
{
  Fixture f = { 0, };
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  guint n_soon = 0;
  guint n_without_icon = 0;

  fixture_setup (&f);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "trash");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  WAIT_FOR ((g_ptr_array_set_size (cells, 0),
             collect_widgets (GTK_WIDGET (salvage_window_get_trash_page (f.window)),
                              SALVAGE_TYPE_DAYS_LEFT_CELL, cells),
             cells->len >= 2));

  for (guint i = 0; i < cells->len; i++)
    {
      SalvageDaysLeftCell *cell = g_ptr_array_index (cells, i);
      GtkWidget *icon = salvage_days_left_cell_get_icon (cell);

      if (!gtk_widget_get_mapped (GTK_WIDGET (cell)))
        continue;

      if (salvage_days_left_cell_get_soon (cell))
        {
          n_soon++;
          g_assert_true (gtk_widget_get_mapped (icon));
          assert_accessible_label (icon, "Removed for good soon");
          g_assert_cmpstr (salvage_cell_get_tooltip (icon), ==, "Removed for good soon");
        }
      else
        {
          /* Made the first time a cell warns, hidden on a row reused since. */
          g_assert_true (icon == NULL || !gtk_widget_get_visible (icon));
          n_without_icon += icon == NULL;
        }
    }

  /* The workflow with two days left, not the project with 25. */
  g_assert_cmpuint (n_soon, ==, 1);
  /* Rows that never warned have no icon at all. */
  g_assert_cmpuint (n_without_icon, >, 0);

  fixture_teardown (&f);
}

/* Position of @item among the Projects page's rows, or -1. */
static int
row_position (Fixture  *f,
              gpointer  item)
{
  GListModel *rows = salvage_projects_page_get_rows (salvage_window_get_projects_page (f->window));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if ((gpointer) row_item == item)
        return (int) i;
    }

  return -1;
}

/* A version whose training runs the server does not list (404) shows a
 * quiet note in their place, not an error, and not forever a failure. */
static void
test_trainings_unlisted (void)
{
  Fixture f = { 0, };
  SalvageProjectsPage *page;
  SalvageProject *project;
  GListModel *versions;
  g_autoptr(SalvageVersion) version = NULL;
  const char *text;
  int position;

  fixture_setup (&f);
  salvage_server_add_fault (f.server, "GET", "/" WS "/pcb-defects/2/v2/trainings",
                            SALVAGE_FAULT_STATUS, 404, 0);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "projects");
  page = salvage_window_get_projects_page (f.window);

  project = find_project (&f, "PCB Defects");
  versions = salvage_workspace_get_versions (workspace (&f), project);
  g_assert_true (salvage_projects_page_expand_item (page, project));
  WAIT_FOR (g_list_model_get_n_items (versions) == 2);
  for (guint i = 0; i < 2 && version == NULL; i++)
    {
      g_autoptr(SalvageVersion) v = g_list_model_get_item (versions, i);

      if (g_str_equal (salvage_version_get_number (v), "2"))
        version = g_steal_pointer (&v);
    }
  g_assert_nonnull (version);

  g_assert_true (salvage_projects_page_expand_item (page, version));
  WAIT_FOR ((position = row_position (&f, version)) >= 0 &&
            (text = salvage_projects_page_get_status_text (page, position + 1)) != NULL &&
            g_strcmp0 (text, "Loading…") != 0);
  g_assert_cmpstr (text, ==, "Training runs are not available for this version");
  g_assert_false (salvage_workspace_get_trainings_listed (workspace (&f), version));

  fixture_teardown (&f);
}

/* The stand-in spells a workflow's date "createdAt", as the real service
 * may: the Workflows page has it, not a dash. */
static void
test_workflow_dates (void)
{
  Fixture f = { 0, };
  GListModel *workflows;

  fixture_setup (&f);
  connect_and_wait (&f);

  workflows = salvage_workspace_get_workflows (workspace (&f));
  WAIT_FOR (g_list_model_get_n_items (workflows) == 1);
  for (guint i = 0; i < g_list_model_get_n_items (workflows); i++)
    {
      g_autoptr(SalvageWorkflow) workflow = g_list_model_get_item (workflows, i);

      g_assert_nonnull (salvage_workflow_get_created (workflow));
    }

  fixture_teardown (&f);
}

/* The shown preferences groups of the welcome page, by title. */
static AdwPreferencesGroup *
find_shown_group (SalvageWelcomePage *welcome,
                  const char         *title)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (welcome), ADW_TYPE_PREFERENCES_GROUP, groups);
  for (guint i = 0; i < groups->len; i++)
    {
      AdwPreferencesGroup *group = g_ptr_array_index (groups, i);

      if (gtk_widget_get_visible (GTK_WIDGET (group)) &&
          g_strcmp0 (adw_preferences_group_get_title (group), title) == 0)
        return group;
    }

  return NULL;
}

/* A key from ROBOFLOW_API_KEY alone is offered under a heading of its
 * own, not as a login of the Roboflow CLI; with a CLI login, the heading
 * is the CLI's and says where the keys come from. */
static void
test_env_key_heading (void)
{
  Fixture f = { 0, };
  SalvageWelcomePage *welcome;
  AdwPreferencesGroup *group;
  g_autofree char *dir = g_dir_make_tmp ("salvage-words-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "config.json", NULL);
  g_autofree char *previous = g_strdup (g_getenv ("ROBOFLOW_CONFIG_DIR"));

  fixture_setup (&f);
  welcome = salvage_window_get_welcome_page (f.window);
  g_setenv ("ROBOFLOW_API_KEY", API_KEY, TRUE);

  salvage_window_show_welcome (f.window);
  WAIT_FOR (salvage_welcome_page_get_n_cli_rows (welcome) == 1);
  g_assert_null (find_shown_group (welcome, "Roboflow CLI Login"));
  group = find_shown_group (welcome, "API Key from the Environment");
  g_assert_nonnull (group);
  g_assert_cmpstr (adw_preferences_group_get_description (group), ==, "Set in ROBOFLOW_API_KEY");

  /* With the CLI's login file, its workspaces and the key that replaces
   * their own. */
  g_assert_true (g_file_set_contents (path,
                                      "{\"workspaces\": {\"a\": {\"url\": \"" WS "\","
                                      " \"name\": \"Acme Words\", \"apiKey\": \"other-key\"}}}",
                                      -1, NULL));
  g_setenv ("ROBOFLOW_CONFIG_DIR", path, TRUE);
  salvage_window_show_welcome (f.window);
  WAIT_FOR ((group = find_shown_group (welcome, "Roboflow CLI Login")) != NULL &&
            salvage_welcome_page_get_n_cli_rows (welcome) == 1);
  g_assert_null (find_shown_group (welcome, "API Key from the Environment"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "ROBOFLOW_API_KEY"));

  g_setenv ("ROBOFLOW_API_KEY", "", TRUE);
  g_setenv ("ROBOFLOW_CONFIG_DIR", previous != NULL ? previous : "", TRUE);
  g_unlink (path);
  g_rmdir (dir);
  fixture_teardown (&f);
}

/* The action row of @dialog titled @title, or NULL. */
static AdwActionRow *
find_row (GtkWidget  *dialog,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (dialog, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AdwPreferencesRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (row), title) == 0)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

static AdwDialog *
open_preferences (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.preferences", NULL));
  WAIT_FOR (f->window->preferences != NULL);
  return f->window->preferences;
}

static void
close_preferences (Fixture *f)
{
  adw_dialog_force_close (f->window->preferences);
  WAIT_FOR (f->window->preferences == NULL);
}

/* With the demo (or any workspace that was not added) shown, Preferences
 * say so rather than that there is no workspace. */
static void
test_preferences_unsaved (void)
{
  Fixture f = { 0, };
  AdwDialog *preferences;
  AdwActionRow *row;

  fixture_setup (&f);
  connect_and_wait (&f);
  g_assert_null (salvage_window_get_account (f.window));

  preferences = open_preferences (&f);
  g_assert_null (find_row (GTK_WIDGET (preferences), "No workspaces added"));
  row = find_row (GTK_WIDGET (preferences), "Acme Words");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "not added"));
  close_preferences (&f);

  /* Nothing shown, nothing added: that is what they say. */
  salvage_window_show_welcome (f.window);
  preferences = open_preferences (&f);
  g_assert_nonnull (find_row (GTK_WIDGET (preferences), "No workspaces added"));
  g_assert_null (find_row (GTK_WIDGET (preferences), "Acme Words"));
  close_preferences (&f);

  fixture_teardown (&f);
}

/* Presses Escape at the focus as GTK hands it on: to the shortcuts of the
 * focused widget, then of each widget around it. FALSE when none takes it. */
static gboolean
press_escape (GtkWindow *window)
{
  for (GtkWidget *widget = gtk_window_get_focus (window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;

          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

              if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
                  gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
                  gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                gtk_shortcut_get_arguments (shortcut)))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static gboolean
is_status_page (GtkWidget     *widget,
                gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget);
}

/* Adding a workspace over one shown says so, and is left with Escape or
 * the header bar's back button; the first welcome, with nothing to go
 * back to, is not. */
static void
test_add_workspace_escape (void)
{
  Fixture f = { 0, };
  SalvageWelcomePage *welcome;
  GtkWidget *back;
  AdwStatusPage *status;

  fixture_setup (&f);
  welcome = salvage_window_get_welcome_page (f.window);
  back = salvage_window_get_back_button (f.window);
  status = ADW_STATUS_PAGE (salvage_test_find_widget (GTK_WIDGET (welcome), is_status_page, NULL));

  salvage_window_show_welcome (f.window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Welcome to Salvage");
  g_assert_false (gtk_widget_get_visible (back));
  g_assert_false (press_escape (GTK_WINDOW (f.window)));
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "welcome");

  connect_and_wait (&f);
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "workspace");

  /* Escape, where the focus is: in the key's entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.add-account", NULL));
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "welcome");
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Add a Workspace");
  WAIT_FOR (gtk_widget_get_mapped (back));
  WAIT_FOR (gtk_widget_has_focus (gtk_window_get_focus (GTK_WINDOW (f.window))) &&
            gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f.window)), GTK_WIDGET (welcome)));
  g_assert_true (press_escape (GTK_WINDOW (f.window)));
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "workspace");
  g_assert_nonnull (workspace (&f));
  g_assert_false (gtk_widget_get_visible (back));

  /* The back button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.add-account", NULL));
  WAIT_FOR (gtk_widget_get_mapped (back));
  g_signal_emit_by_name (back, "clicked");
  g_assert_cmpstr (salvage_window_get_view (f.window), ==, "workspace");

  fixture_teardown (&f);
}

static gboolean
is_shown_error_label (GtkWidget     *widget,
                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         gtk_widget_has_css_class (widget, "error");
}

static gboolean
is_connect_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  /* Not the entry's own apply button, which is one too. */
  return GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "suggested-action") &&
         gtk_widget_has_css_class (widget, "pill");
}

/* Whether all of @widget is within what its scrolled window shows. */
static gboolean
is_in_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scrolled == NULL || !gtk_widget_get_mapped (widget) ||
      !gtk_widget_compute_bounds (widget, scrolled, &bounds) || bounds.size.height <= 0)
    return FALSE;

  return bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* After Enter in the key's entry, the outcome (here an error) is where
 * the user looks: scrolled into view with the Connect button under it,
 * on a phone-sized window and a small one. */
static void
test_welcome_error_in_view (gconstpointer data)
{
  const int *size = data;
  Fixture f = { 0, };
  SalvageWelcomePage *welcome;
  GtkWidget *error = NULL;
  GtkWidget *connect;

  fixture_setup_sized (&f, size[0], size[1]);
  salvage_window_show_welcome (f.window);
  welcome = salvage_window_get_welcome_page (f.window);
  connect = salvage_test_find_widget (GTK_WIDGET (welcome), is_connect_button, NULL);
  g_assert_nonnull (connect);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  g_test_message ("window: %d × %d", gtk_widget_get_width (GTK_WIDGET (f.window)),
                  gtk_widget_get_height (GTK_WIDGET (f.window)));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f.window)), <=, size[1]);

  gtk_editable_set_text (salvage_welcome_page_get_server_entry (welcome),
                         salvage_server_get_url (f.server));
  gtk_editable_set_text (salvage_welcome_page_get_key_entry (welcome), "not-the-key-8Hq2");
  g_signal_emit_by_name (salvage_welcome_page_get_key_entry (welcome), "entry-activated");

  WAIT_FOR (salvage_welcome_page_get_error (welcome) != NULL &&
            (error = salvage_test_find_widget (GTK_WIDGET (welcome), is_shown_error_label, NULL)) != NULL);
  WAIT_FOR (is_in_view (error) && is_in_view (connect));

  fixture_teardown (&f);
}

static gboolean
is_mapped_inscription (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0;
}

/* In German, whose column titles and words are long, the Trash's names
 * still have room at 800 px: the other columns give way first. Run in a
 * process of its own, in German. */
static void
test_name_column_german (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  GtkWidget *name = NULL;
  GtkWidget *deleter;
  GtkWidget *view;
  int name_width;

  if (!g_test_subprocess ())
    {
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "de", TRUE);

      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                        G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The window speaks German, or the test shows nothing. */
  g_assert_cmpstr (_("Trash"), ==, "Papierkorb");

  fixture_setup (&f);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 800, 600);
  connect_and_wait (&f);
  salvage_window_show_page (f.window, "trash");
  trash = salvage_window_get_trash_page (f.window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f.window)) <= 800 &&
            (name = salvage_test_find_widget (GTK_WIDGET (trash), is_mapped_inscription,
                                              "Old Flow")) != NULL);
  view = gtk_widget_get_ancestor (name, GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);

  /* At least 20 characters of a name, and no less room than who deleted
   * it (the widest of the other text columns), which had it before. */
  name_width = gtk_widget_get_width (name);
  deleter = salvage_test_find_widget (GTK_WIDGET (trash), is_mapped_inscription, "Alex Morgan");
  g_assert_nonnull (deleter);
  g_test_message ("name column: %d px, deleter column: %d px, of %d px", name_width,
                  gtk_widget_get_width (deleter), gtk_widget_get_width (view));
  g_assert_cmpint (name_width, >=, 160);
  g_assert_cmpint (name_width, >=, gtk_widget_get_width (deleter));
  /* Without a horizontal scrollbar: the columns fit the window. */
  g_assert_cmpint (gtk_widget_get_width (view), <=, gtk_widget_get_width (GTK_WIDGET (f.window)));

  fixture_teardown (&f);
}

/* In German, whose words are long, a phone-sized window still fits every
 * page, the Trash with a selection included: nothing keeps the window
 * wider than 360 px. Run in a process of its own, in German. */
static void
test_narrow_german (void)
{
  Fixture f = { 0, };
  SalvageTrashPage *trash;
  GListModel *rows;
  g_autoptr(SalvageTrashItem) first = NULL;
  int minimum;

  if (!g_test_subprocess ())
    {
      g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "LANGUAGE", "de", TRUE);

      g_test_trap_subprocess_with_envp (NULL, (const char * const *) envp, 0,
                                        G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                        G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_cmpstr (_("Trash"), ==, "Papierkorb");

  fixture_setup (&f);
  gtk_window_set_default_size (GTK_WINDOW (f.window), 360, 640);
  connect_and_wait (&f);
  trash = salvage_window_get_trash_page (f.window);

  salvage_window_show_page (f.window, "trash");
  rows = salvage_trash_page_get_rows (trash);
  WAIT_FOR (g_list_model_get_n_items (rows) > 0);
  first = g_list_model_get_item (rows, 0);
  g_assert_true (salvage_trash_page_select_item (trash, first));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));

  /* A window with breakpoints is as narrow as it is asked to be and cuts
   * off what does not fit: what counts is what each page needs. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *pages[] = {
        GTK_WIDGET (salvage_window_get_projects_page (f.window)),
        GTK_WIDGET (salvage_window_get_workflows_page (f.window)),
        GTK_WIDGET (trash),
      };

      gtk_widget_measure (pages[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_printerr ("%s needs %d px\n", G_OBJECT_TYPE_NAME (pages[i]), minimum);
      g_assert_cmpint (minimum, <=, 360);
    }

  fixture_teardown (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Accessible names and labels are kept, and read back, without an
   * accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The catalogs compiled in the build tree, as the program finds them
   * when run from there. English unless a test asks for another. */
  {
    g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    textdomain (GETTEXT_PACKAGE);
    if (!g_test_subprocess ())
      g_setenv ("LANGUAGE", "en", TRUE);
  }

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/words/trash-filter", test_trash_filter_words);
  g_test_add_func ("/words/trash-count", test_trash_count);
  g_test_add_func ("/words/expander-names", test_expander_names);
  g_test_add_func ("/words/cell-tooltip", test_cell_tooltip);
  g_test_add_func ("/words/days-left-cue", test_days_left_cue);
  g_test_add_func ("/words/trainings-unlisted", test_trainings_unlisted);
  g_test_add_func ("/words/workflow-dates", test_workflow_dates);
  g_test_add_func ("/words/env-key-heading", test_env_key_heading);
  g_test_add_func ("/words/preferences-unsaved", test_preferences_unsaved);
  g_test_add_func ("/words/add-workspace-escape", test_add_workspace_escape);
  g_test_add_data_func ("/words/welcome-error-in-view/360x640", (const int[]) { 360, 640 },
                        test_welcome_error_in_view);
  g_test_add_data_func ("/words/welcome-error-in-view/800x600", (const int[]) { 800, 600 },
                        test_welcome_error_in_view);
  g_test_add_func ("/words/name-column-german", test_name_column_german);
  g_test_add_func ("/words/narrow-german", test_narrow_german);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
