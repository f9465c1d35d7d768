/* bench-window.c - how soon a large Trash shows in the window, and how much it stalls it
 *
 * Opens the real window against a stand-in server whose Trash holds 10,000
 * and then 100,000 items, and measures in each run:
 *
 *  - the time from the Trash response's last byte arriving to the first
 *    frame painted after the workspace's Trash store was filled, split
 *    into parsing and filling the lists, and laying out and painting;
 *  - the longest main-loop stall while loading, as the worst lateness of
 *    a timer that asks to run every millisecond;
 *  - the same stall for the same window with its rows shown, drawing a
 *    frame on every tick without loading anything: the baseline.
 *
 * The server runs in a thread of its own, so that writing its answers does
 * not count as a stall of the window. Run it under a display and a session
 * bus (xvfb-run, dbus-run-session); it prints medians and is not a test.
 * Numbers of items given as arguments replace the default sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-demo.h"
#include "salvage-window-private.h"

#define WS      "acme-bench"
#define API_KEY "bench-key-Qw4rT9zLp2"

/* How long the baseline draws, and how long a load is watched after its
 * first frame for stalls that come late. */
#define BASELINE_USEC   (1 * G_TIME_SPAN_SECOND)
#define LOAD_TAIL_USEC  (250 * G_TIME_SPAN_MILLISECOND)
#define LOAD_LIMIT_USEC (120 * G_TIME_SPAN_SECOND)

typedef struct
{
  guint n_trash;
  guint runs;
} BenchSize;

static const BenchSize bench_sizes[] = {
  { 10000, 5 },
  { 100000, 3 },
};

/* The stand-in server, in its own thread and main context */

typedef struct
{
  guint         n_trash;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;

  GMutex        lock;
  GCond         cond;
  char         *url;      /* set once listening */
  GError       *error;
} ServerThread;

static gpointer
server_thread_func (gpointer data)
{
  ServerThread *st = data;
  g_autoptr(SalvageServer) server = NULL;
  SalvageDemoSizes sizes;
  GError *error = NULL;

  g_main_context_push_thread_default (st->context);

  server = salvage_server_new ();
  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = st->n_trash;
  salvage_demo_seed (server, WS, API_KEY, &sizes, 1);

  salvage_server_listen (server, 0, &error);

  g_mutex_lock (&st->lock);
  if (error != NULL)
    st->error = error;
  else
    st->url = g_strdup (salvage_server_get_url (server));
  g_cond_signal (&st->cond);
  g_mutex_unlock (&st->lock);

  if (error == NULL)
    g_main_loop_run (st->loop);

  g_clear_object (&server);
  g_main_context_pop_thread_default (st->context);

  return NULL;
}

static ServerThread *
server_thread_start (guint n_trash)
{
  ServerThread *st = g_new0 (ServerThread, 1);

  st->n_trash = n_trash;
  st->context = g_main_context_new ();
  st->loop = g_main_loop_new (st->context, FALSE);
  g_mutex_init (&st->lock);
  g_cond_init (&st->cond);

  st->thread = g_thread_new ("bench-server", server_thread_func, st);

  g_mutex_lock (&st->lock);
  while (st->url == NULL && st->error == NULL)
    g_cond_wait (&st->cond, &st->lock);
  g_mutex_unlock (&st->lock);

  if (st->error != NULL)
    g_error ("Could not start the server: %s", st->error->message);

  return st;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_thread_stop (ServerThread *st)
{
  g_main_context_invoke (st->context, quit_loop_cb, st->loop);
  g_thread_join (st->thread);

  g_main_loop_unref (st->loop);
  g_main_context_unref (st->context);
  g_mutex_clear (&st->lock);
  g_cond_clear (&st->cond);
  g_free (st->url);
  g_free (st);
}

/* What one run sees */

typedef struct
{
  gint64 bytes_at;        /* the Trash response has fully arrived */
  gint64 filled_at;       /* the workspace's Trash store was filled */
  gint64 shown_at;        /* first frame painted after that */

  gint64 timer_last;      /* when the stall timer last ran */
  gint64 longest_stall;
  gint64 longest_stall_end;
} Run;

static Run run;

/* The client says when a response has arrived, in a debug message. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      /* Both are strings, nul-terminated when length is -1. */
      if (fields[i].length != -1)
        continue;
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_DEBUG) != 0 &&
      g_strcmp0 (domain, "salvage-client") == 0 &&
      message != NULL &&
      strstr (message, "/trash: HTTP 200") != NULL &&
      run.bytes_at == 0)
    run.bytes_at = g_get_monotonic_time ();

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static gboolean
stall_timer_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (run.timer_last != 0 && now - run.timer_last - 1000 > run.longest_stall)
    {
      run.longest_stall = now - run.timer_last - 1000;
      run.longest_stall_end = now;
    }
  run.timer_last = now;

  return G_SOURCE_CONTINUE;
}

static void
reset_stall (void)
{
  run.timer_last = 0;
  run.longest_stall = 0;
}

static void
trash_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  if (added > 0 && run.filled_at == 0)
    run.filled_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (run.filled_at != 0 && run.shown_at == 0)
    run.shown_at = g_get_monotonic_time ();
}

/* Draws a frame on every tick, as an animation would, so that both phases
 * paint at the same pace. */
static gboolean
redraw_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
spin_until (gint64 end)
{
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  double to_rows;         /* ms, bytes arrived to rows shown */
  double to_filled;       /* ms, bytes arrived to the store filled */
  double filled_to_rows;  /* ms, store filled to rows shown */
  double stall_loading;   /* ms */
  double stall_start;     /* ms after the bytes arrived */
  double stall_baseline;  /* ms */
} Figures;

static void
measure_run (GtkApplication *application,
             const char     *url,
             guint           n_trash,
             Figures        *figures,
             const char    **renderer)
{
  g_autoptr(SalvageWindow) window = NULL;
  SalvageWindow *weak_window;
  GListModel *trash = NULL;
  GdkFrameClock *clock;
  guint timer_id;
  gint64 limit;

  memset (&run, 0, sizeof run);

  window = g_object_ref_sink (salvage_window_new (application));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), redraw_tick_cb, NULL, NULL);

  /* Let the window settle before anything is measured. */
  spin_until (g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  *renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));

  timer_id = g_timeout_add (1, stall_timer_cb, NULL);

  /* Loading */
  reset_stall ();
  salvage_window_connect (window, url, API_KEY);
  salvage_window_show_page (window, "trash");

  limit = g_get_monotonic_time () + LOAD_LIMIT_USEC;
  while (run.shown_at == 0)
    {
      SalvageWorkspace *workspace = salvage_window_get_workspace (window);

      if (trash == NULL && workspace != NULL)
        {
          trash = salvage_workspace_get_trash (workspace);
          g_signal_connect (trash, "items-changed", G_CALLBACK (trash_items_changed_cb), NULL);
        }

      if (g_get_monotonic_time () > limit)
        g_error ("The Trash did not show within %d s", (int) (LOAD_LIMIT_USEC / G_USEC_PER_SEC));

      g_main_context_iteration (NULL, TRUE);
    }
  spin_until (run.shown_at + LOAD_TAIL_USEC);

  if (run.bytes_at == 0)
    g_error ("The client did not log the Trash response");
  if (g_list_model_get_n_items (trash) != n_trash)
    g_error ("The Trash holds %u items, not %u", g_list_model_get_n_items (trash), n_trash);

  figures->to_rows = (run.shown_at - run.bytes_at) / 1000.0;
  figures->to_filled = (run.filled_at - run.bytes_at) / 1000.0;
  figures->filled_to_rows = (run.shown_at - run.filled_at) / 1000.0;
  figures->stall_loading = run.longest_stall / 1000.0;
  figures->stall_start = (run.longest_stall_end - run.longest_stall - run.bytes_at) / 1000.0;

  /* The same window, rows shown, only drawing. */
  reset_stall ();
  spin_until (g_get_monotonic_time () + BASELINE_USEC);
  figures->stall_baseline = run.longest_stall / 1000.0;

  g_source_remove (timer_id);
  g_signal_handlers_disconnect_by_func (trash, trash_items_changed_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);

  weak_window = window;
  g_object_add_weak_pointer (G_OBJECT (weak_window), (gpointer *) &weak_window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&window);
  while (weak_window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

#define MEDIAN_OF(field)                            \
  G_STMT_START {                                    \
    for (guint i_ = 0; i_ < size->runs; i_++)       \
      values[i_] = figures[i_].field;               \
    result.field = median (values, size->runs);     \
  } G_STMT_END

static void
bench_size (GtkApplication  *application,
            const BenchSize *size)
{
  g_autofree Figures *figures = g_new0 (Figures, size->runs);
  g_autofree double *values = g_new0 (double, size->runs);
  const char *renderer = NULL;
  ServerThread *server;
  Figures result = { 0, };

  server = server_thread_start (size->n_trash);

  for (guint i = 0; i < size->runs; i++)
    measure_run (application, server->url, size->n_trash, &figures[i], &renderer);

  server_thread_stop (server);

  MEDIAN_OF (to_rows);
  MEDIAN_OF (to_filled);
  MEDIAN_OF (filled_to_rows);
  MEDIAN_OF (stall_loading);
  MEDIAN_OF (stall_start);
  MEDIAN_OF (stall_baseline);

  printf ("%u items, median of %u runs (%s):\n", size->n_trash, size->runs, renderer);
  printf ("  response to rows shown   %8.1f ms  (parse and fill %.1f ms, then frame %.1f ms)\n",
          result.to_rows, result.to_filled, result.filled_to_rows);
  printf ("  longest stall, loading   %8.1f ms  (from %.1f ms after the response)\n",
          result.stall_loading, result.stall_start);
  printf ("  longest stall, drawing   %8.1f ms  (baseline)\n", result.stall_baseline);
  printf ("  loading minus baseline   %8.1f ms  (ratio %.1f)\n",
          result.stall_loading - result.stall_baseline,
          result.stall_baseline > 0 ? result.stall_loading / result.stall_baseline : 0.0);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SalvageApplication) application = NULL;
  g_autoptr(GError) error = NULL;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  gtk_init ();
  adw_init ();

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  /* Sizes on the command line replace the default ones. */
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        {
          BenchSize size = { (guint) g_ascii_strtoull (argv[i], NULL, 10), 5 };

          if (size.n_trash == 0)
            g_error ("Not a number of items: %s", argv[i]);
          if (size.n_trash > 20000)
            size.runs = 3;

          bench_size (GTK_APPLICATION (application), &size);
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (bench_sizes); i++)
        bench_size (GTK_APPLICATION (application), &bench_sizes[i]);
    }

  return EXIT_SUCCESS;
}
