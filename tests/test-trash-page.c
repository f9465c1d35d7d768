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

#include "salvage-application.h"
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

      /* Typing anywhere searches. */
      test_input_type (&input, text);
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

  status = g_test_run ();

  g_clear_object (&application);

  return status;
}
