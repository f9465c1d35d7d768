/* salvage-test-window.h - a real window on a stand-in server, for the GUI tests of its pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-server-fault.h"
#include "salvage-window-private.h"

#include "salvage-test-dialogs.h"
#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"

#define WS      "acme-test"
#define API_KEY "test-key-Vx81qLmZ"

typedef struct
{
  SalvageServer *server;
  SalvageWindow *window;
} TestWindow;

/* Fills the server with workspace WS (key API_KEY) and what a test needs. */
typedef void (*TestWindowSeed) (SalvageServer *server,
                                guint          n);

/* A small workspace: three projects (PCB Defects with two versions), two
 * workflows, and in the Trash a project with a version deleted before it
 * and a workflow near its cleanup. @n is not used. */
static inline void
test_window_seed_small (SalvageServer *server,
                        guint          n)
{
  gint64 now = g_get_real_time ();

  salvage_server_add_workspace (server, WS, "Acme Test");
  salvage_server_add_key (server, API_KEY, WS);

  salvage_server_add_project (server, WS, "pcb-defects", "PCB Defects", "object-detection", 1200);
  salvage_server_add_version (server, WS, "pcb-defects", 1, "raw", 1200);
  salvage_server_add_version (server, WS, "pcb-defects", 2, "augmented", 3600);
  salvage_server_add_project (server, WS, "hard-hats", "Hard Hat Detection", "object-detection", 800);
  salvage_server_add_version (server, WS, "hard-hats", 1, "raw", 800);
  salvage_server_add_project (server, WS, "forklifts", "Forklift Safety", "object-detection", 500);

  salvage_server_add_workflow (server, WS, "blur-faces", "Blur Faces");
  salvage_server_add_workflow (server, WS, "count-cars", "Count Cars");

  salvage_server_add_project (server, WS, "traffic-signs", "Traffic Signs", "object-detection", 300);
  salvage_server_add_version (server, WS, "traffic-signs", 1, "first", 300);
  g_assert_true (salvage_server_trash (server, WS, "version", "traffic-signs/1",
                                       now - 5 * G_TIME_SPAN_DAY, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS, "project", "traffic-signs",
                                       now - 4 * G_TIME_SPAN_DAY, "Mei Tanaka"));

  salvage_server_add_workflow (server, WS, "old-flow", "Old Flow");
  g_assert_true (salvage_server_trash (server, WS, "workflow", "old-flow",
                                       now - 28 * G_TIME_SPAN_DAY, "Alex Morgan"));
}

/* A server seeded by @seed (with @n), listening, and a window on screen. */
static inline void
test_window_set_up (TestWindow         *t,
                    SalvageApplication *application,
                    TestWindowSeed      seed,
                    guint               n)
{
  GSettings *settings = salvage_application_get_settings (application);
  g_autoptr(GError) error = NULL;

  /* Each test starts from the settings a new user has: one that changes
   * the Trash's filter or the window's size does not leave it to the next. */
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) keys = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      keys = g_settings_schema_list_keys (schema);
      for (guint i = 0; keys[i] != NULL; i++)
        g_settings_reset (settings, keys[i]);
    }

  t->server = salvage_server_new ();
  seed (t->server, n);
  salvage_server_listen (t->server, 0, &error);
  g_assert_no_error (error);

  t->window = salvage_window_new (GTK_APPLICATION (application));
  g_object_ref_sink (t->window);
  gtk_window_present (GTK_WINDOW (t->window));
}

static inline void
test_window_tear_down (TestWindow *t)
{
  SalvageWindow *window = g_steal_pointer (&t->window);

  /* Requests in flight hold the window until their cancellation reaches
   * them; after that nothing may keep it alive. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  WAIT_FOR (window == NULL);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&t->server);
}

static inline SalvageWorkspace *
test_window_workspace (TestWindow *t)
{
  return salvage_window_get_workspace (t->window);
}

static inline gboolean
test_window_page_shows (SalvagePage *page,
                        const char  *view)
{
  return g_strcmp0 (salvage_page_get_view (page), view) == 0;
}

/* Connects to the server and waits for every page to have loaded. */
static inline void
test_window_connect (TestWindow *t)
{
  salvage_window_connect (t->window, salvage_server_get_url (t->server), API_KEY);

  WAIT_FOR (test_window_workspace (t) != NULL &&
            salvage_session_get_state (salvage_window_get_session (t->window)) == SALVAGE_SESSION_READY);
}

/* The object of @model whose "name" is @name, or NULL; the model keeps it. */
static inline gpointer
test_window_find_by_name (GListModel *model,
                          const char *name)
{
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *item_name = NULL;

      g_object_get (item, "name", &item_name, NULL);
      if (g_strcmp0 (item_name, name) == 0)
        return item;
    }

  return NULL;
}

static inline gpointer
test_window_find_trash (TestWindow *t,
                        const char *name)
{
  return test_window_find_by_name (salvage_workspace_get_trash (test_window_workspace (t)), name);
}

static inline gpointer
test_window_find_project (TestWindow *t,
                          const char *name)
{
  return test_window_find_by_name (salvage_workspace_get_projects (test_window_workspace (t)), name);
}

static inline gpointer
test_window_find_workflow (TestWindow *t,
                           const char *name)
{
  return test_window_find_by_name (salvage_workspace_get_workflows (test_window_workspace (t)), name);
}

/* Lets the window draw @n more frames. */
static inline void
test_window_wait_frames (TestWindow *t,
                         guint       n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (t->window));
  gint64 until;

  g_assert_nonnull (clock);
  until = gdk_frame_clock_get_frame_counter (clock) + n;
  gtk_widget_queue_draw (GTK_WIDGET (t->window));
  WAIT_FOR (gdk_frame_clock_get_frame_counter (clock) >= until ||
            (gtk_widget_queue_draw (GTK_WIDGET (t->window)), FALSE));
}

/* Types into the search bar as a person does, and waits for the pages to
 * be told. "" closes nothing, it only empties the entry. */
static inline void
test_window_search (TestWindow *t,
                    const char *text)
{
  gtk_search_bar_set_search_mode (t->window->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (t->window->search_entry), text);
  WAIT_FOR (g_strcmp0 (t->window->search, text) == 0 ||
            (*text == '\0' && t->window->search == NULL));
}

static inline gboolean
test_is_scrolled_window (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget);
}

static inline gboolean
test_is_column_view (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

/* The scrolled window of the Trash's column view. */
static inline GtkScrolledWindow *
test_window_trash_scroller (TestWindow *t)
{
  GtkWidget *view = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (t->window)),
                                              test_is_column_view, NULL);

  g_assert_nonnull (view);
  return GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
}

/* How tall the Trash's rows are, all together, as far as its scrolled
 * window knows. */
static inline double
test_window_trash_height (TestWindow *t)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (test_window_trash_scroller (t));

  return gtk_adjustment_get_upper (adjustment);
}

static inline gboolean
test_is_list_view (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LIST_VIEW (widget);
}

/* How many rows of the Trash's column view a person sees: rows on screen
 * within the part of the list the scrolled window shows. */
static inline guint
test_window_count_rows_in_view (TestWindow *t)
{
  GtkScrolledWindow *scrolled = test_window_trash_scroller (t);
  GtkWidget *view = gtk_scrolled_window_get_child (scrolled);
  GtkWidget *list = salvage_test_find_widget (view, test_is_list_view, NULL);
  int height = gtk_widget_get_height (GTK_WIDGET (scrolled));
  guint n = 0;

  if (list == NULL || !gtk_widget_get_mapped (list))
    return 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;

      if (!gtk_widget_get_mapped (row) || !gtk_widget_get_child_visible (row) ||
          !gtk_widget_compute_bounds (row, GTK_WIDGET (scrolled), &bounds))
        continue;

      if (bounds.size.height > 0 &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < height)
        n++;
    }

  return n;
}

/* Saves what @widget draws as a PNG at @path: for looking at a failure. */
static inline void
test_save_png (GtkWidget  *widget,
               const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

static inline gboolean
test_is_mapped_label_containing (GtkWidget     *widget,
                                 gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("AdwToastWidget")) != NULL;
}

/* The toast on screen whose title holds @text, or NULL. */
static inline GtkWidget *
test_window_find_toast (TestWindow *t,
                        const char *text)
{
  GtkWidget *label = salvage_test_find_widget (GTK_WIDGET (t->window),
                                               test_is_mapped_label_containing, text);

  return label != NULL ? gtk_widget_get_ancestor (label, g_type_from_name ("AdwToastWidget")) : NULL;
}

/* The title @toast (an AdwToastWidget) shows now. */
static inline const char *
test_toast_title (GtkWidget *toast)
{
  for (GtkWidget *child = gtk_widget_get_first_child (toast);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = GTK_IS_LABEL (child) ? child : NULL;

      if (label == NULL && ADW_IS_BIN (child))
        label = adw_bin_get_child (ADW_BIN (child));
      if (label != NULL && GTK_IS_LABEL (label))
        return gtk_label_get_text (GTK_LABEL (label));
    }

  return NULL;
}

static inline gboolean
test_is_shown_button_labelled (GtkWidget     *widget,
                               gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         gtk_widget_get_child_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button labelled @label (with its mnemonic mark) under @widget, when
 * it is shown, or NULL. */
static inline GtkWidget *
test_find_button (GtkWidget  *widget,
                  const char *label)
{
  return salvage_test_find_widget (widget, test_is_shown_button_labelled, label);
}

static inline void
test_click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Answers the open confirmation with @response and returns its heading and
 * body, one line each. */
static inline char *
test_window_answer (TestWindow *t,
                    const char *response)
{
  g_autoptr(AdwAlertDialog) dialog = NULL;
  char *text;

  WAIT_FOR (salvage_window_get_dialog (t->window) != NULL);
  dialog = g_object_ref (salvage_window_get_dialog (t->window));
  text = g_strdup_printf ("%s\n%s", adw_alert_dialog_get_heading (dialog),
                          adw_alert_dialog_get_body (dialog));
  salvage_test_answer (dialog, response);
  WAIT_FOR (salvage_window_get_dialog (t->window) == NULL);

  return text;
}

static inline gboolean
test_is_label_containing (GtkWidget     *widget,
                          gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The label under @widget whose text holds @text, or NULL. */
static inline GtkWidget *
test_find_label_containing (GtkWidget  *widget,
                            const char *text)
{
  return salvage_test_find_widget (widget, test_is_label_containing, text);
}
