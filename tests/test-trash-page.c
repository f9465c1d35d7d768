/* test-trash-page.c - the Trash page of a real window against the stand-in server
 *
 * What a person does with the Trash's rows: scrolling a long Trash,
 * searching it, picking rows with the mouse and keyboard, and restoring
 * what is shown or selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include <string.h>

#include "salvage-application.h"
#include "salvage-demo.h"
#include "salvage-format.h"
#include "salvage-trash-columns.h"
#include "salvage-window-private.h"

#include "salvage-test-input.h"
#include "salvage-test-window.h"

static SalvageApplication *application;

/* A Trash of @n workflows named "Flow 00001" and on, deleted a minute
 * apart, the first one longest ago. */
static void
seed_flows (SalvageServer *server,
            guint          n)
{
  gint64 now = g_get_real_time ();

  salvage_server_add_workspace (server, WS, "Acme Test");
  salvage_server_add_key (server, API_KEY, WS);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *url = g_strdup_printf ("flow-%05u", i);
      g_autofree char *name = g_strdup_printf ("Flow %05u", i);

      g_assert_nonnull (salvage_server_add_workflow (server, WS, url, name));
      g_assert_true (salvage_server_trash (server, WS, "workflow", url,
                                           now - 20 * G_TIME_SPAN_DAY + i * G_TIME_SPAN_MINUTE,
                                           "Mei Tanaka"));
    }
}

/* Scrolls the Trash far down, with the wheel for the last bit. */
static void
scroll_down (TestWindow *t,
             TestInput  *input)
{
  GtkScrolledWindow *scrolled = test_window_trash_scroller (t);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) * 0.6);
  test_input_wheel (input, GTK_WIDGET (scrolled), 3);
  test_window_wait_frames (t, 2);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, gtk_adjustment_get_upper (adjustment) / 2);
}

/* Defect 1: a long Trash scrolled down, searched, and the search cleared
 * showed nothing but its column headers until the wheel was turned. Typed
 * and cleared as a person does: a search that finds a few rows, none, or
 * many; cleared with Escape, or by deleting what was typed. */
static void
test_trash_search_cleared_while_scrolled (void)
{
  static const struct
  {
    const char *text;
    guint       n_found;
  } searches[] = {
    { "flow 0000", 9 },
    { "no such flow", 0 },
    { "flow 05", 1000 },
  };
  TestWindow t = { 0, };
  TestInput input;
  SalvageTrashPage *trash;
  GListModel *rows;

  test_window_set_up (&t, application, seed_flows, 10000);
  if (!test_input_init (&input, GTK_WIDGET (t.window)))
    {
      test_window_tear_down (&t);
      return;
    }
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  rows = salvage_trash_page_get_rows (trash);
  salvage_window_show_page (t.window, "trash");

  /* Every row has reached the view, which has made room for them. */
  WAIT_FOR (g_list_model_get_n_items (G_LIST_MODEL (salvage_trash_page_get_selection (trash))) == 10000);
  WAIT_FOR (test_window_count_rows_in_view (&t) > 5 && test_window_trash_height (&t) > 100000);

  for (guint i = 0; i < G_N_ELEMENTS (searches) * 2; i++)
    {
      const char *text = searches[i / 2].text;
      gboolean with_escape = i % 2 == 0;

      scroll_down (&t, &input);

      /* Typing anywhere searches; the rest goes where the first key
       * took the focus. */
      test_input_type (&input, (char[]) { text[0], '\0' });
      WAIT_FOR (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (t.window)),
                                        GTK_WIDGET (t.window->search_entry)));
      test_input_type (&input, text + 1);
      WAIT_FOR (g_strcmp0 (t.window->search, text) == 0 &&
                g_list_model_get_n_items (rows) == searches[i / 2].n_found);
      test_window_wait_frames (&t, 2);

      if (with_escape)
        {
          test_input_press (&input, XK_Escape, 0);
        }
      else
        {
          test_input_press (&input, XK_a, GDK_CONTROL_MASK);
          test_input_press (&input, XK_BackSpace, 0);
        }

      WAIT_FOR (g_list_model_get_n_items (rows) == 10000);
      test_window_wait_frames (&t, 3);
      g_assert_cmpstr (salvage_page_get_view (SALVAGE_PAGE (trash)), ==, "content");
      g_assert_cmpuint (test_window_count_rows_in_view (&t), >, 5);

      gtk_search_bar_set_search_mode (t.window->search_bar, FALSE);
    }

  test_window_tear_down (&t);
}

static gboolean
is_name_cell (GtkWidget     *widget,
              gconstpointer  name)
{
  return GTK_IS_INSCRIPTION (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0 &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), name) == 0;
}

/* The Name cell of the Trash row showing @name, on screen. */
static GtkWidget *
find_name_cell (TestWindow *t,
                const char *name)
{
  GtkWidget *cell = NULL;

  WAIT_FOR ((cell = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (t->window)),
                                              is_name_cell, name)) != NULL);
  return cell;
}

/* Whether the row of the entry named @name is selected. */
static gboolean
is_selected (TestWindow *t,
             const char *name)
{
  SalvageTrashPage *trash = salvage_window_get_trash_page (t->window);
  GListModel *rows = salvage_trash_page_get_rows (trash);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (rows, i);
      g_autofree char *shown = salvage_trash_item_dup_display_name (item);

      if (g_str_equal (shown, name))
        return gtk_selection_model_is_selected (salvage_trash_page_get_selection (trash), i);
    }

  g_assert_not_reached ();
}

/* Defect 3: Ctrl+click adds a row to the selection, and takes it out
 * again (GTK 4.8 toggled it twice); a plain click selects one row. */
static void
test_trash_ctrl_click (void)
{
  TestWindow t = { 0, };
  TestInput input;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  if (!test_input_init (&input, GTK_WIDGET (t.window)))
    {
      test_window_tear_down (&t);
      return;
    }
  test_window_connect (&t);
  salvage_window_show_page (t.window, "trash");

  test_input_click (&input, find_name_cell (&t, "Old Flow"), 1, 0);
  WAIT_FOR (is_selected (&t, "Old Flow"));
  g_assert_false (is_selected (&t, "Traffic Signs"));

  test_input_click (&input, find_name_cell (&t, "Traffic Signs"), 1, GDK_CONTROL_MASK);
  WAIT_FOR (is_selected (&t, "Traffic Signs"));
  g_assert_true (is_selected (&t, "Old Flow"));
  g_assert_false (is_selected (&t, "Traffic Signs › v1 first"));

  test_input_click (&input, find_name_cell (&t, "Traffic Signs › v1 first"), 1, GDK_CONTROL_MASK);
  WAIT_FOR (is_selected (&t, "Traffic Signs › v1 first"));
  g_assert_true (is_selected (&t, "Old Flow"));
  g_assert_true (is_selected (&t, "Traffic Signs"));

  /* Ctrl+click on a selected row takes it out, and only it. */
  test_input_click (&input, find_name_cell (&t, "Old Flow"), 1, GDK_CONTROL_MASK);
  WAIT_FOR (!is_selected (&t, "Old Flow"));
  g_assert_true (is_selected (&t, "Traffic Signs"));
  g_assert_true (is_selected (&t, "Traffic Signs › v1 first"));

  /* A plain click selects that row alone. */
  test_input_click (&input, find_name_cell (&t, "Old Flow"), 1, 0);
  WAIT_FOR (is_selected (&t, "Old Flow") && !is_selected (&t, "Traffic Signs"));
  g_assert_false (is_selected (&t, "Traffic Signs › v1 first"));

  test_window_tear_down (&t);
}

static gboolean
is_selection_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_ACTION_BAR) != NULL &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), "selected") != NULL;
}

static const char *
selection_text (TestWindow *t)
{
  GtkWidget *label = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (t->window)),
                                               is_selection_label, NULL);

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Rows a search hides stay selected, are counted as such, and are
 * restored with the rest. */
static void
test_trash_search_keeps_selection (void)
{
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  g_autofree char *body = NULL;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  salvage_window_show_page (t.window, "trash");

  g_assert_true (salvage_trash_page_select_item (trash, test_window_find_trash (&t, "Old Flow")));
  g_assert_true (salvage_trash_page_select_item (trash, test_window_find_trash (&t, "Traffic Signs")));
  g_assert_cmpstr (selection_text (&t), ==, "2 items selected");

  test_window_search (&t, "traffic");
  WAIT_FOR (g_list_model_get_n_items (salvage_trash_page_get_rows (trash)) == 2);
  WAIT_FOR (g_strcmp0 (selection_text (&t), "2 items selected, 1 not shown") == 0);
  g_assert_true (is_selected (&t, "Traffic Signs"));
  g_assert_false (is_selected (&t, "Traffic Signs › v1 first"));

  /* Restore Selected names the hidden row too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  body = test_window_answer (&t, "cancel");
  g_assert_true (g_str_has_prefix (body, "Restore 2 Items?"));
  g_assert_nonnull (strstr (body, "Old Flow"));

  /* Back without the search, both are still selected. */
  test_window_search (&t, "");
  WAIT_FOR (g_list_model_get_n_items (salvage_trash_page_get_rows (trash)) == 3);
  WAIT_FOR (g_strcmp0 (selection_text (&t), "2 items selected") == 0);
  g_assert_true (is_selected (&t, "Old Flow"));
  g_assert_true (is_selected (&t, "Traffic Signs"));

  /* The same through the type filter; then restored, hidden one included. */
  salvage_trash_page_show_kind (trash, SALVAGE_TRASH_KIND_PROJECT);
  WAIT_FOR (g_strcmp0 (selection_text (&t), "2 items selected, 1 not shown") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-selected", NULL));
  g_free (test_window_answer (&t, "restore"));
  WAIT_FOR (test_window_find_workflow (&t, "Old Flow") != NULL &&
            test_window_find_project (&t, "Traffic Signs") != NULL);
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "version", "traffic-signs/1"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  test_window_tear_down (&t);
}

static gboolean
is_restore_all_button (GtkWidget     *widget,
                       gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "trash.restore-all") == 0;
}

static GtkWidget *
restore_all_button (TestWindow *t)
{
  GtkWidget *button = salvage_test_find_widget (GTK_WIDGET (salvage_window_get_trash_page (t->window)),
                                                is_restore_all_button, NULL);

  g_assert_nonnull (button);
  return button;
}

/* The words on the Restore All button, as shown. */
static char *
dup_restore_all_text (TestWindow *t)
{
  GtkWidget *label = gtk_button_get_child (GTK_BUTTON (restore_all_button (t)));

  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static gboolean
restore_all_says (TestWindow *t,
                  const char *text)
{
  g_autofree char *shown = dup_restore_all_text (t);

  return g_strcmp0 (shown, text) == 0;
}

/* With a search or a type filter, "Restore All" restores what is shown,
 * and says so. */
static void
test_trash_restore_shown (void)
{
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  g_autofree char *body = NULL;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  salvage_window_show_page (t.window, "trash");
  WAIT_FOR (restore_all_says (&t, "Restore All…"));

  salvage_trash_page_show_kind (trash, SALVAGE_TRASH_KIND_WORKFLOW);
  WAIT_FOR (restore_all_says (&t, "Restore 1 Shown Item…"));
  salvage_trash_page_show_all_kinds (trash);
  WAIT_FOR (restore_all_says (&t, "Restore All…"));

  test_window_search (&t, "traffic");
  WAIT_FOR (restore_all_says (&t, "Restore 2 Shown Items…"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-all", NULL));
  body = test_window_answer (&t, "restore");
  g_assert_true (g_str_has_prefix (body, "Restore 2 Items?"));
  g_assert_null (strstr (body, "Old Flow"));

  WAIT_FOR (test_window_find_project (&t, "Traffic Signs") != NULL &&
            salvage_server_get_item_state (t.server, WS, "version", "traffic-signs/1") ==
            SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (t.server, WS, "workflow", "old-flow"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_nonnull (test_window_find_trash (&t, "Old Flow"));

  /* Nothing shown, nothing to restore. */
  WAIT_FOR (g_list_model_get_n_items (salvage_trash_page_get_rows (trash)) == 0);
  WAIT_FOR (restore_all_says (&t, "Restore 0 Shown Items…"));
  g_assert_false (gtk_widget_get_sensitive (restore_all_button (&t)));

  test_window_tear_down (&t);
}

static void
seed_empty (SalvageServer *server,
            guint          n)
{
  salvage_server_add_workspace (server, WS, "Acme Test");
  salvage_server_add_key (server, API_KEY, WS);
  salvage_server_add_project (server, WS, "pcb-defects", "PCB Defects", "object-detection", 1200);
}

static gboolean
is_shown (GtkWidget *widget)
{
  return widget != NULL && gtk_widget_is_visible (widget);
}

static gboolean
is_type_dropdown (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_banner (GtkWidget     *widget,
           gconstpointer  data)
{
  return ADW_IS_BANNER (widget);
}

/* An empty Trash shows its empty state alone: no notice, no type filter,
 * no Restore All. */
static void
test_trash_empty (void)
{
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  GtkWidget *page;

  test_window_set_up (&t, application, seed_empty, 0);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  page = GTK_WIDGET (trash);
  salvage_window_show_page (t.window, "trash");
  WAIT_FOR (test_window_page_shows (SALVAGE_PAGE (trash), "empty"));

  g_assert_false (is_shown (salvage_test_find_widget (page, is_banner, NULL)));
  g_assert_false (is_shown (salvage_test_find_widget (page, is_type_dropdown, NULL)));
  g_assert_false (is_shown (restore_all_button (&t)));

  /* Something deleted: the Trash has its notice and its controls. */
  salvage_window_show_page (t.window, "projects");
  g_assert_true (salvage_projects_page_select_item (salvage_window_get_projects_page (t.window),
                                                    test_window_find_project (&t, "PCB Defects")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (salvage_window_get_projects_page (t.window)),
                                             "projects.delete-selected", NULL));
  g_free (test_window_answer (&t, "trash"));
  salvage_window_show_page (t.window, "trash");
  WAIT_FOR (test_window_page_shows (SALVAGE_PAGE (trash), "content"));
  g_assert_true (is_shown (salvage_test_find_widget (page, is_banner, NULL)));
  g_assert_true (is_shown (salvage_test_find_widget (page, is_type_dropdown, NULL)));
  g_assert_true (is_shown (restore_all_button (&t)));

  /* And loses them again when it is emptied. */
  g_assert_true (gtk_widget_activate_action (page, "trash.restore-all", NULL));
  g_free (test_window_answer (&t, "restore"));
  WAIT_FOR (test_window_page_shows (SALVAGE_PAGE (trash), "empty"));
  g_assert_false (is_shown (salvage_test_find_widget (page, is_banner, NULL)));
  g_assert_false (is_shown (restore_all_button (&t)));

  test_window_tear_down (&t);
}

/* Restore All of 5,000: how far it is, Restore All off meanwhile, and a
 * Cancel that keeps what came back and leaves the rest in the Trash, the
 * lists agreeing with the server afterwards. */
static void
test_trash_bulk_progress (void)
{
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  SalvageSession *session;
  SalvageRestoreProgress *progress;
  g_autofree char *heading = NULL;
  g_autofree char *n_total = salvage_format_count (5000);
  g_autofree char *expected = NULL;
  g_autofree char *toast = NULL;
  guint n_restored = 0;
  guint n_trashed = 0;

  test_window_set_up (&t, application, seed_flows, 5000);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  session = salvage_window_get_session (t.window);
  progress = salvage_window_get_restore_progress (t.window);
  salvage_window_show_page (t.window, "trash");
  g_assert_false (salvage_restore_progress_get_shown (progress));

  salvage_server_set_latency (t.server, 20);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-all", NULL));
  heading = test_window_answer (&t, "restore");
  WAIT_FOR (salvage_restore_progress_get_shown (progress));

  /* "Restoring 120 of 5,000", counting up. */
  WAIT_FOR (salvage_session_get_restore_done (session) >= 120);
  {
    g_autofree char *n_done = salvage_format_count (salvage_session_get_restore_done (session));
    g_autofree char *text = g_strdup_printf ("Restoring %s of %s", n_done, n_total);

    g_assert_cmpstr (salvage_restore_progress_get_text (progress), ==, text);
  }
  g_assert_false (gtk_widget_get_sensitive (restore_all_button (&t)));
  gtk_widget_activate_action (GTK_WIDGET (trash), "trash.restore-all", NULL);
  g_assert_null (salvage_window_get_dialog (t.window));

  test_click (salvage_restore_progress_get_cancel (progress));
  g_assert_true (g_str_has_prefix (salvage_restore_progress_get_text (progress), "Stopping…"));
  g_assert_false (gtk_widget_get_sensitive (salvage_restore_progress_get_cancel (progress)));

  WAIT_FOR (!salvage_restore_progress_get_shown (progress));
  WAIT_FOR (salvage_window_get_last_toast (t.window) != NULL &&
            g_str_has_prefix (salvage_window_get_last_toast (t.window), "Restore stopped: "));
  toast = g_strdup (salvage_window_get_last_toast (t.window));

  for (guint i = 1; i <= 5000; i++)
    {
      g_autofree char *url = g_strdup_printf ("flow-%05u", i);

      if (salvage_server_get_item_state (t.server, WS, "workflow", url) == SALVAGE_SERVER_ITEM_LIVE)
        n_restored++;
      else
        n_trashed++;
    }

  g_assert_cmpuint (n_restored, >=, 120);
  g_assert_cmpuint (n_trashed, >, 0);
  /* Numbers are grouped as the locale does, as the window writes them. */
  expected = g_strdup_printf ("Restore stopped: %'u of %'u items restored", n_restored, 5000);
  g_assert_cmpstr (toast, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (test_window_workspace (&t))), ==,
                    n_trashed);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_workflows (test_window_workspace (&t))), ==,
                    n_restored);
  WAIT_FOR (gtk_widget_get_sensitive (restore_all_button (&t)));

  test_window_tear_down (&t);
}

static gboolean
is_inscription (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget);
}

/* The name in the row that has the focus in @page's column view, or NULL
 * when the focus is elsewhere. */
static const char *
focused_row_name (TestWindow  *t,
                  SalvagePage *page)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (t->window));
  GtkWidget *view = salvage_test_find_widget (GTK_WIDGET (page), test_is_column_view, NULL);
  GtkWidget *name;

  if (focus == NULL || view == NULL || !gtk_widget_is_ancestor (focus, view))
    return NULL;

  name = salvage_test_find_widget (focus, is_inscription, NULL);
  return name != NULL ? gtk_inscription_get_text (GTK_INSCRIPTION (name)) : NULL;
}

/* Alt+3 and Escape put the focus on the rows: the selected one, else the
 * first; not on the notice's "Open Web App". */
static void
test_trash_focus (void)
{
  TestWindow t = { 0, };
  TestInput input;
  SalvagePage *trash;

  test_window_set_up (&t, application, test_window_seed_small, 0);
  if (!test_input_init (&input, GTK_WIDGET (t.window)))
    {
      test_window_tear_down (&t);
      return;
    }
  test_window_connect (&t);
  trash = SALVAGE_PAGE (salvage_window_get_trash_page (t.window));
  test_input_point_at (&input, GTK_WIDGET (t.window));

  test_input_press (&input, XK_3, GDK_ALT_MASK);
  WAIT_FOR (g_strcmp0 (focused_row_name (&t, trash), "Old Flow") == 0);

  /* Back from another page, to the row selected there. */
  g_assert_true (salvage_trash_page_select_item (SALVAGE_TRASH_PAGE (trash),
                                                 test_window_find_trash (&t, "Traffic Signs")));
  test_input_press (&input, XK_1, GDK_ALT_MASK);
  WAIT_FOR (focused_row_name (&t, trash) == NULL);
  test_input_press (&input, XK_3, GDK_ALT_MASK);
  WAIT_FOR (g_strcmp0 (focused_row_name (&t, trash), "Traffic Signs") == 0);

  /* Searching, then Escape: back to the rows. */
  test_input_type (&input, "t");
  WAIT_FOR (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (t.window)),
                                    GTK_WIDGET (t.window->search_entry)));
  test_input_type (&input, "raffic");
  WAIT_FOR (g_strcmp0 (t.window->search, "traffic") == 0);
  test_input_press (&input, XK_Escape, 0);
  WAIT_FOR (t.window->search == NULL || *t.window->search == '\0');
  WAIT_FOR (g_strcmp0 (focused_row_name (&t, trash), "Traffic Signs") == 0);

  /* The Projects page too. */
  test_input_press (&input, XK_1, GDK_ALT_MASK);
  WAIT_FOR (g_strcmp0 (focused_row_name (&t, SALVAGE_PAGE (salvage_window_get_projects_page (t.window))),
                       "PCB Defects") == 0);

  test_window_tear_down (&t);
}

/* The colour @texture has at (@x, @y), as 8-bit RGBA. */
static void
pixel_at (GdkTexture *texture,
          int         x,
          int         y,
          guchar      rgba[4])
{
  g_autoptr(GdkTextureDownloader) downloader = gdk_texture_downloader_new (texture);
  g_autoptr(GBytes) bytes = NULL;
  gsize stride;
  const guchar *data;

  gdk_texture_downloader_set_format (downloader, GDK_MEMORY_R8G8B8A8);
  bytes = gdk_texture_downloader_download_bytes (downloader, &stride);
  data = g_bytes_get_data (bytes, NULL);
  memcpy (rgba, data + (gsize) y * stride + (gsize) x * 4, 4);
}

/* How far apart two colours are: the largest difference of a channel. */
static int
color_distance (const guchar a[4],
                const guchar b[4])
{
  int distance = 0;

  for (int i = 0; i < 3; i++)
    distance = MAX (distance, ABS ((int) a[i] - (int) b[i]));

  return distance;
}

/* What the window draws, as a texture. */
static GdkTexture *
render_window (TestWindow *t)
{
  GtkWidget *widget = GTK_WIDGET (t->window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* The bounds of the row of @cell, in the window's drawing. */
static graphene_rect_t
row_bounds (TestWindow *t,
            GtkWidget  *cell)
{
  graphene_rect_t bounds;
  GtkWidget *row = cell;
  double dx, dy;

  while (g_strcmp0 (G_OBJECT_TYPE_NAME (row), "GtkColumnViewRowWidget") != 0)
    row = gtk_widget_get_parent (row);
  g_assert_true (gtk_widget_compute_bounds (row, GTK_WIDGET (t->window), &bounds));

  /* The drawing also holds the window's shadow. */
  gtk_native_get_surface_transform (GTK_NATIVE (t->window), &dx, &dy);
  bounds.origin.x += dx;
  bounds.origin.y += dy;
  return bounds;
}

/* Whether a ring is drawn around the edge of @bounds: a colour that is
 * neither the row's own nor the one around it, along its left side. */
static gboolean
has_ring (GdkTexture      *texture,
          graphene_rect_t *bounds,
          const guchar     inside[4],
          const guchar     outside[4])
{
  int y = bounds->origin.y + bounds->size.height / 2;

  for (int x = MAX (0, (int) bounds->origin.x - 2); x < bounds->origin.x + 4; x++)
    {
      guchar color[4];

      pixel_at (texture, x, y, color);
      if (color_distance (color, inside) >= 40 && color_distance (color, outside) >= 40)
        return TRUE;
    }

  return FALSE;
}

/* Selected rows stand apart from the row under the pointer and from the
 * others, and the row given the focus from the keyboard has a ring, in
 * the light style and the dark one. */
static void
test_trash_row_styles (void)
{
  for (guint dark = 0; dark < 2; dark++)
    {
      TestWindow t = { 0, };
      TestInput input;
      g_autoptr(GdkTexture) texture = NULL;
      graphene_rect_t plain, hovered, selected;
      guchar plain_color[4], hovered_color[4], selected_color[4];

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                               : ADW_COLOR_SCHEME_FORCE_LIGHT);
      test_window_set_up (&t, application, test_window_seed_small, 0);
      if (!test_input_init (&input, GTK_WIDGET (t.window)))
        {
          test_window_tear_down (&t);
          break;
        }
      test_window_connect (&t);

      /* Old Flow clicked, and given the focus by Alt+3 from another page;
       * Traffic Signs under the pointer. */
      salvage_window_show_page (t.window, "trash");
      test_input_click (&input, find_name_cell (&t, "Old Flow"), 1, 0);
      WAIT_FOR (is_selected (&t, "Old Flow"));
      test_input_press (&input, XK_1, GDK_ALT_MASK);
      test_input_press (&input, XK_3, GDK_ALT_MASK);
      test_input_point_at (&input, find_name_cell (&t, "Traffic Signs"));
      test_window_wait_frames (&t, 20);

      selected = row_bounds (&t, find_name_cell (&t, "Old Flow"));
      hovered = row_bounds (&t, find_name_cell (&t, "Traffic Signs"));
      plain = row_bounds (&t, find_name_cell (&t, "Traffic Signs › v1 first"));
      texture = render_window (&t);
      pixel_at (texture, selected.origin.x + selected.size.width / 2, selected.origin.y + 8, selected_color);
      pixel_at (texture, hovered.origin.x + hovered.size.width / 2, hovered.origin.y + 8, hovered_color);
      pixel_at (texture, plain.origin.x + plain.size.width / 2, plain.origin.y + 8, plain_color);

      g_test_message ("%s: plain %d,%d,%d hovered %d,%d,%d selected %d,%d,%d",
                      dark ? "dark" : "light",
                      plain_color[0], plain_color[1], plain_color[2],
                      hovered_color[0], hovered_color[1], hovered_color[2],
                      selected_color[0], selected_color[1], selected_color[2]);

      g_assert_cmpint (color_distance (selected_color, hovered_color), >=, 60);
      g_assert_cmpint (color_distance (selected_color, plain_color), >=, 60);
      g_assert_cmpint (color_distance (hovered_color, plain_color), >, 0);
      g_assert_true (has_ring (texture, &selected, selected_color, plain_color));
      g_assert_false (has_ring (texture, &hovered, hovered_color, plain_color));

      test_window_tear_down (&t);
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* A Trash of every kind, for the orders. */
static void
seed_demo (SalvageServer *server,
           guint          n)
{
  SalvageDemoSizes sizes;

  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = n;
  salvage_demo_seed (server, WS, API_KEY, &sizes, 3);
}

static int
compare_texts (char *a,
               char *b)
{
  g_autofree char *folded_a = a != NULL ? g_utf8_casefold (a, -1) : NULL;
  g_autofree char *folded_b = b != NULL ? g_utf8_casefold (b, -1) : NULL;
  g_autofree char *key_a = folded_a != NULL ? g_utf8_collate_key (folded_a, -1) : NULL;
  g_autofree char *key_b = folded_b != NULL ? g_utf8_collate_key (folded_b, -1) : NULL;

  g_free (a);
  g_free (b);
  if (key_a == NULL || key_b == NULL)
    return (key_a != NULL) - (key_b != NULL);
  return strcmp (key_a, key_b);
}

/* Each column header orders the rows as the column reads, either way:
 * the rows are sorted from records, and must agree with the items. */
static void
test_trash_column_orders (void)
{
  static const char *columns[] = { "name", "type", "deleted-by", "deleted", "days-left" };
  TestWindow t = { 0, };
  SalvageTrashPage *trash;
  GListModel *rows;

  test_window_set_up (&t, application, seed_demo, 400);
  test_window_connect (&t);
  trash = salvage_window_get_trash_page (t.window);
  rows = salvage_trash_page_get_rows (trash);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 400);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_assert_true (salvage_trash_page_sort_by (trash, columns[c], descending));

        for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
          {
            g_autoptr(SalvageTrashItem) a = g_list_model_get_item (rows, i - 1);
            g_autoptr(SalvageTrashItem) b = g_list_model_get_item (rows, i);
            int order;

            switch (c)
              {
              case 0:
                order = compare_texts (salvage_trash_name_key (a, NULL), salvage_trash_name_key (b, NULL));
                break;
              case 1:
                order = compare_texts (salvage_trash_type_key (a, NULL), salvage_trash_type_key (b, NULL));
                break;
              case 2:
                order = compare_texts (salvage_trash_deleter_key (a, NULL),
                                       salvage_trash_deleter_key (b, NULL));
                break;
              case 3:
                order = salvage_trash_compare_deleted (a, b, NULL);
                break;
              default:
                order = salvage_trash_compare_cleanup (a, b, NULL);
                break;
              }

            if (descending ? order < 0 : order > 0)
              g_error ("by %s%s, row %u comes before row %u out of order", columns[c],
                       descending ? ", descending" : "", i - 1, i);
          }
      }

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

  g_test_add_func ("/trash-page/search-cleared-while-scrolled",
                   test_trash_search_cleared_while_scrolled);
  g_test_add_func ("/trash-page/ctrl-click", test_trash_ctrl_click);
  g_test_add_func ("/trash-page/column-orders", test_trash_column_orders);
  g_test_add_func ("/trash-page/search-keeps-selection", test_trash_search_keeps_selection);
  g_test_add_func ("/trash-page/restore-shown", test_trash_restore_shown);
  g_test_add_func ("/trash-page/empty", test_trash_empty);
  g_test_add_func ("/trash-page/bulk-progress", test_trash_bulk_progress);
  g_test_add_func ("/trash-page/focus", test_trash_focus);
  g_test_add_func ("/trash-page/row-styles", test_trash_row_styles);

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
