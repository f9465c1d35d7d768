/* bench-window.c - how soon a large Trash shows in the window, and how much it stalls it
 *
 * Opens the real window against a stand-in server whose Trash holds 10,000
 * and then 100,000 items, and measures in each run:
 *
 *  - the time from the Trash response's last byte arriving to the first
 *    frame painted after the workspace's Trash store was filled, split
 *    into parsing and filling the lists, and laying out and painting;
 *  - the time from the response to the view covering the whole Trash, as
 *    the Trash page gives its column view a large Trash a few rows a frame;
 *  - the longest main-loop stall while loading, as the worst lateness of
 *    a timer that asks to run every millisecond, over the whole load and
 *    from the Trash response on (before it, the window connects and shows
 *    its other pages, whatever the size of the Trash);
 *  - the same stall for the same window with its rows shown, drawing a
 *    frame on every tick without loading anything: the baseline; and once
 *    more while the list scrolls a pixel down and up on every frame, so
 *    that each frame paints the rows again, as it does when a person
 *    scrolls (where the renderer redraws the whole window on any change,
 *    as software GL does under Xvfb, that is the cost of any frame that
 *    shows something new);
 *  - in a second window that loads the Trash behind the Projects page,
 *    the first switch to the Trash page, which makes the page and its
 *    rows: the time to the first frame after it, and the longest stall;
 *
 * and, once for each size, how long filling models like the Trash page's
 * holds the main loop, a layer at a time, to show where the time goes.
 *
 * Then the memory the window keeps for a Trash: for the demo's workspace
 * (the sizes of `salvage --demo`, whose Trash holds a handful of items)
 * and once for each size, the process's resident size (VmRSS in
 * /proc/self/status) 3 s after the Trash page first paints its rows, the
 * main loop running all along so that idle work and frames happen; the
 * window is left alone meanwhile, drawing only what changes, as in a
 * person's hands. Each is the median of five processes of its own, the
 * bench run again with --memory-only, so that no size inherits what an
 * earlier one made malloc keep (its arenas do not shrink), and what malloc
 * happens to keep in one process weighs less, while the server stays in
 * this process so that its copy of the Trash is not counted: each figure
 * is what opening that Trash costs a person. It is printed beside the
 * demo's, taken with the same renderer, and the most it may exceed it by,
 * once with the cairo renderer and once with GL, whatever GSK_RENDERER
 * the timings above ran with.
 *
 * With SALVAGE_BENCH_TRACE=N, the Nth run (from 0) also prints its load
 * as a timeline: the frame clock's phases, the client's debug messages and
 * every stall over 4 ms, in ms from the Trash response.
 *
 * Each longest stall also counts the page faults taken in it, by the
 * window's thread and, on X11, by the X server, and the bench first times
 * what a page fault costs on this machine: a frame that shows much that is
 * new (a page of rows) writes it to memory the process or the X server has
 * not touched before, and on some virtual machines each first touch of a
 * page costs tens of microseconds instead of a fraction of one.
 *
 * The server runs in a thread of its own, so that writing its answers does
 * not count as a stall of the window. Run it under a display and a session
 * bus (xvfb-run, dbus-run-session); it prints medians and is not a test.
 * Numbers of items given as arguments replace the default sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/resource.h>
#include <sys/shm.h>
#include <unistd.h>

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-demo.h"
#include "salvage-format.h"
#include "salvage-trash-selection.h"
#include "salvage-trash-view.h"
#include "salvage-window-private.h"

#include "bench-server.h"
#include "bench-util.h"

#define WS      "acme-bench"
#define API_KEY "bench-key-Qw4rT9zLp2"

/* How long the baseline draws, and how long a load is watched after its
 * first frame for stalls that come late. */
#define BASELINE_USEC   (1 * G_TIME_SPAN_SECOND)
#define LOAD_TAIL_USEC  (250 * G_TIME_SPAN_MILLISECOND)
#define LOAD_LIMIT_USEC (120 * G_TIME_SPAN_SECOND)

/* The window's default size (salvage-window.ui). */
#define WINDOW_WIDTH  1100
#define WINDOW_HEIGHT 760

typedef struct
{
  guint n_trash;
  guint runs;
} BenchSize;

static const BenchSize bench_sizes[] = {
  { 10000, 5 },
  { 100000, 3 },
};

/* What one run sees */

typedef struct
{
  gint64 bytes_at;        /* the Trash response has fully arrived */
  gint64 fill_start;      /* its items-changed began */
  gint64 filled_at;       /* the workspace's Trash store was filled */
  gint64 shown_at;        /* first frame painted after that */
  gint64 complete_at;     /* the view covers every item of the Trash */
  GtkColumnView *view;    /* the Trash page's */
  guint  n_trash;

  gint64 timer_last;      /* when the stall timer last ran */
  gint64 longest_stall;
  /* Time in the frame clock's paint phase (building the frame's render
   * nodes and drawing them), all told, and when the timer last ran; the
   * longest stall less the painting in it. */
  gint64 paint_began;
  gint64 paint_total;
  gint64 paint_total_last;
  gint64 longest_unpainted;
  gint64 longest_unpainted_since_bytes;
  gint64 longest_stall_end;
  gint64 longest_stall_since_bytes;

  /* Page faults, counted when the stall timer last ran, and in the
   * longest stalls: the window's thread's, and the X server's. */
  guint64 faults_last[2];
  guint64 longest_stall_faults[2];
  guint64 longest_stall_since_bytes_faults[2];
} Run;

static Run run;

/* The timeline of one load (SALVAGE_BENCH_TRACE) */
typedef struct
{
  gint64      at;
  gint64      length;     /* for stalls */
  guint64     faults[2];  /* for stalls: page faults here and in the X server */
  const char *what;
} TraceEvent;

static GArray *trace;
static GThread *trace_thread;

static void
trace_event (const char    *what,
             gint64         length,
             const guint64  faults[2])
{
  TraceEvent event = { g_get_monotonic_time (), length, { 0, 0 }, what };

  if (faults != NULL)
    memcpy (event.faults, faults, sizeof event.faults);

  /* Only the window's thread: the server logs from its own. */
  if (trace != NULL && g_thread_self () == trace_thread)
    g_array_append_val (trace, event);
}

static gboolean
trace_phase_hook_cb (GSignalInvocationHint *hint,
                     guint                  n_values,
                     const GValue          *values,
                     gpointer               what)
{
  trace_event (what, 0, NULL);
  return trace != NULL;
}

static void
trace_phase_cb (GdkFrameClock *clock,
                gpointer       what)
{
  trace_event (what, 0, NULL);
}

/* The frame clock's phases: an emission hook marks where each begins,
 * a handler connected after all others where it ends. */
static const char * const trace_phases[][2] = {
  { "before-paint", "before-paint ends" },
  { "update",       "update ends" },
  { "layout",       "layout ends" },
  { "paint",        "paint ends" },
  { "after-paint",  "after-paint ends" },
};

/* Starts the timeline if this is the run SALVAGE_BENCH_TRACE names. */
static void
trace_start (GdkFrameClock *clock)
{
  static guint n_runs;
  const char *traced = g_getenv ("SALVAGE_BENCH_TRACE");

  if (traced == NULL || n_runs++ != g_ascii_strtoull (traced, NULL, 10))
    return;

  trace = g_array_new (FALSE, FALSE, sizeof (TraceEvent));
  trace_thread = g_thread_self ();

  for (guint i = 0; i < G_N_ELEMENTS (trace_phases); i++)
    {
      g_signal_add_emission_hook (g_signal_lookup (trace_phases[i][0], GDK_TYPE_FRAME_CLOCK), 0,
                                  trace_phase_hook_cb, (gpointer) trace_phases[i][0], NULL);
      g_signal_connect_after (clock, trace_phases[i][0], G_CALLBACK (trace_phase_cb),
                              (gpointer) trace_phases[i][1]);
    }
}

/* Prints the timeline, in ms from the Trash response, and ends it. */
static void
trace_print (GdkFrameClock *clock)
{
  if (trace == NULL)
    return;

  /* To find the same moments in a profile taken with perf -k mono. */
  printf ("Timeline of the load, in ms from the Trash response at %.6f s (CLOCK_MONOTONIC):\n",
          run.bytes_at / (double) G_USEC_PER_SEC);
  for (guint i = 0; i < trace->len; i++)
    {
      TraceEvent *event = &g_array_index (trace, TraceEvent, i);

      if (event->length > 0)
        printf ("%9.1f  stall %.1f ms (from %.1f), page faults %" G_GUINT64_FORMAT
                " + %" G_GUINT64_FORMAT " in the X server\n",
                (event->at - run.bytes_at) / 1000.0, event->length / 1000.0,
                (event->at - event->length - run.bytes_at) / 1000.0,
                event->faults[0], event->faults[1]);
      else
        printf ("%9.1f  %s\n", (event->at - run.bytes_at) / 1000.0, event->what);
    }

  /* The emission hooks go at their next call. */
  g_clear_pointer (&trace, g_array_unref);
  g_signal_handlers_disconnect_by_func (clock, trace_phase_cb, NULL);
}

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

  if (message != NULL && domain != NULL && g_str_has_prefix (domain, "salvage"))
    trace_event (g_intern_string (message), 0, NULL);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* Page faults */

/* The X server's /proc/PID/stat, open while its faults are counted. */
static int x_server_stat = -1;

/* What a page fault costs on this machine, in µs; 0 if unknown. */
static double fault_usec;

/* Finds the X server of @display by the lock file it keeps with its
 * process id, /tmp/.X<N>-lock (as Xvfb and Xorg do). */
static void
x_server_stat_open (GdkDisplay *display)
{
  const char *name = gdk_display_get_name (display);
  g_autofree char *lock = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  guint64 number;
  guint64 pid;
  char *end;

  if (x_server_stat != -1 || name == NULL || name[0] != ':')
    return;

  number = g_ascii_strtoull (name + 1, &end, 10);
  if (end == name + 1 || (*end != '\0' && *end != '.'))
    return;

  lock = g_strdup_printf ("/tmp/.X%" G_GUINT64_FORMAT "-lock", number);
  if (!g_file_get_contents (lock, &contents, NULL, NULL))
    return;

  pid = g_ascii_strtoull (g_strstrip (contents), &end, 10);
  if (pid == 0 || *end != '\0')
    return;

  path = g_strdup_printf ("/proc/%" G_GUINT64_FORMAT "/stat", pid);
  x_server_stat = open (path, O_RDONLY | O_CLOEXEC);
}

/* Minor and major faults of the X server so far, or 0 if unknown. */
static guint64
x_server_faults (void)
{
  char buffer[1024];
  ssize_t length;
  const char *field;
  guint64 minor;
  guint64 major;

  if (x_server_stat == -1)
    return 0;

  length = pread (x_server_stat, buffer, sizeof buffer - 1, 0);
  if (length <= 0)
    return 0;
  buffer[length] = '\0';

  /* After the command's name in parentheses: state, ppid, pgrp, session,
   * tty_nr, tpgid, flags, minflt, cminflt, majflt. */
  field = strrchr (buffer, ')');
  if (field == NULL ||
      sscanf (field + 1, " %*c %*d %*d %*d %*d %*d %*u %" G_GUINT64_FORMAT " %*u %" G_GUINT64_FORMAT,
              &minor, &major) != 2)
    return 0;

  return minor + major;
}

/* Page faults of the calling thread so far. */
static guint64
own_faults (void)
{
  struct rusage usage;

#ifdef RUSAGE_THREAD
  if (getrusage (RUSAGE_THREAD, &usage) != 0)
#else
  if (getrusage (RUSAGE_SELF, &usage) != 0)
#endif
    return 0;

  return (guint64) usage.ru_minflt + (guint64) usage.ru_majflt;
}

/* What a page fault costs here: writing to shared memory that is new,
 * as a frame's pixels are written on their way to the X server, and once
 * more to the same memory. Median of five, for @bytes. */
static double
time_page_faults (gsize   bytes,
                  double *first_ms,
                  double *again_ms)
{
  double first[5];
  double again[5];
  long page_size = sysconf (_SC_PAGESIZE);
  gsize n_pages = bytes / (gsize) (page_size > 0 ? page_size : 4096);

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    {
      int id = shmget (IPC_PRIVATE, bytes, IPC_CREAT | 0600);
      char *memory;
      gint64 start;

      if (id == -1)
        return 0;
      memory = shmat (id, NULL, 0);
      shmctl (id, IPC_RMID, NULL);
      if (memory == (char *) -1)
        return 0;

      start = g_get_monotonic_time ();
      memset (memory, 0x5a, bytes);
      first[i] = (g_get_monotonic_time () - start) / 1000.0;

      start = g_get_monotonic_time ();
      memset (memory, 0xa5, bytes);
      again[i] = (g_get_monotonic_time () - start) / 1000.0;

      shmdt (memory);
    }

  *first_ms = bench_median (first, G_N_ELEMENTS (first));
  *again_ms = bench_median (again, G_N_ELEMENTS (again));

  /* In microseconds a page. */
  return MAX (*first_ms - *again_ms, 0) * 1000.0 / n_pages;
}

static gboolean
paint_begins_hook_cb (GSignalInvocationHint *hint,
                      guint                  n_params,
                      const GValue          *params,
                      gpointer               user_data)
{
  run.paint_began = g_get_monotonic_time ();
  return TRUE;
}

static void
paint_ends_cb (GdkFrameClock *clock,
               gpointer       user_data)
{
  if (run.paint_began != 0)
    run.paint_total += g_get_monotonic_time () - run.paint_began;
  run.paint_began = 0;
}

static gboolean
stall_timer_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 stall = now - run.timer_last - 1000;
  gint64 unpainted = MAX (stall - (run.paint_total - run.paint_total_last), 0);
  guint64 faults[2] = { own_faults (), x_server_faults () };
  guint64 in_stall[2] = { faults[0] - run.faults_last[0], faults[1] - run.faults_last[1] };

  if (run.timer_last != 0 && stall > 4000)
    trace_event ("stall", stall, in_stall);
  if (run.timer_last != 0 && stall > run.longest_stall)
    {
      run.longest_stall = stall;
      run.longest_stall_end = now;
      memcpy (run.longest_stall_faults, in_stall, sizeof in_stall);
    }
  if (run.timer_last != 0 && run.bytes_at != 0 && run.timer_last >= run.bytes_at &&
      stall > run.longest_stall_since_bytes)
    {
      run.longest_stall_since_bytes = stall;
      memcpy (run.longest_stall_since_bytes_faults, in_stall, sizeof in_stall);
    }
  if (run.timer_last != 0)
    run.longest_unpainted = MAX (run.longest_unpainted, unpainted);
  if (run.timer_last != 0 && run.bytes_at != 0 && run.timer_last >= run.bytes_at)
    run.longest_unpainted_since_bytes = MAX (run.longest_unpainted_since_bytes, unpainted);
  run.timer_last = now;
  run.paint_total_last = run.paint_total;
  memcpy (run.faults_last, faults, sizeof faults);

  return G_SOURCE_CONTINUE;
}

static void
reset_stall (void)
{
  run.timer_last = 0;
  run.longest_stall = 0;
  run.longest_stall_since_bytes = 0;
  run.longest_unpainted = 0;
  run.longest_unpainted_since_bytes = 0;
  memset (run.longest_stall_faults, 0, sizeof run.longest_stall_faults);
  memset (run.longest_stall_since_bytes_faults, 0, sizeof run.longest_stall_since_bytes_faults);
}

/* Runs before any handler of the signal: the start of the Trash's fill. */
static gboolean
items_changed_hook_cb (GSignalInvocationHint *hint,
                       guint                  n_values,
                       const GValue          *values,
                       gpointer               user_data)
{
  GListModel **trash = user_data;
  guint added = g_value_get_uint (&values[3]);

  if (*trash != NULL && g_value_get_object (&values[0]) == *trash &&
      added > 0 && run.fill_start == 0)
    run.fill_start = g_get_monotonic_time ();
  if (*trash != NULL && g_value_get_object (&values[0]) == *trash)
    trace_event ("trash items-changed begins", 0, NULL);

  return TRUE;
}

/* Connected after every other handler: the store and every model and view
 * over it are filled. */
static void
trash_items_changed_cb (GListModel *model,
                        guint       position,
                        guint       removed,
                        guint       added,
                        gpointer    user_data)
{
  if (added > 0 && run.filled_at == 0)
    run.filled_at = g_get_monotonic_time ();
  trace_event ("trash items-changed ends", 0, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (run.filled_at != 0 && run.shown_at == 0)
    run.shown_at = g_get_monotonic_time ();

  if (run.filled_at != 0 && run.complete_at == 0 && run.view != NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (run.view))) == run.n_trash)
    run.complete_at = g_get_monotonic_time ();
}

/* The first column view under @widget. */
static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkColumnView *view = find_column_view (child);

      if (view != NULL)
        return view;
    }

  return NULL;
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

/* Scrolls @user_data, a scrolled window, a pixel down or back up. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (user_data);
  double value = gtk_adjustment_get_value (adjustment);

  gtk_adjustment_set_value (adjustment, value >= 1.0 ? value - 1.0 : value + 1.0);
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
  double fill;            /* ms, the store's items-changed, all handlers */
  double filled_to_rows;  /* ms, store filled to rows shown */
  double to_complete;     /* ms, bytes arrived to the view covering the Trash */
  double stall_loading;   /* ms */
  double unpainted_loading;  /* ms, the longest stall less the painting in it */
  double unpainted_since;
  double stall_start;     /* ms after the bytes arrived */
  double stall_since;     /* ms, longest from the bytes arriving on */
  double faults_loading[2];  /* page faults in stall_loading, here and in the X server */
  double faults_since[2];    /* the same in stall_since */
  double stall_baseline;  /* ms */
  double stall_scrolling; /* ms, the baseline while scrolling */
  double reload_done;     /* ms, bytes arrived to the reload done, the same window */
  double stall_reloading; /* ms */
  double switch_to_frame; /* ms, first switch to the loaded Trash to its first frame */
  double stall_switching; /* ms, the longest stall after that switch */
  double unpainted_switching; /* ms, the same less the painting in it */
} Figures;

/* Where the fill goes: the same listing, put into models like the Trash
 * page's, a layer at a time, then with a view. */

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, gtk_inscription_new (NULL));
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  g_autofree char *name = salvage_trash_item_dup_display_name (gtk_list_item_get_item (list_item));

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), name);
}

/* A plain column view of six text columns over @model, in a window. */
static GtkWidget *
shown_view_new (GListModel *model)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (g_object_ref (model)));

  for (guint i = 0; i < 6; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), NULL);
      column = gtk_column_view_column_new ("Column", factory);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND);

  return window;
}

/* One way of stacking models (and perhaps a view) over the Trash's
 * store, as the Trash page stacks them. */
typedef struct
{
  const char *label;
  enum { ROWS_NONE, ROWS_CLEANUP, ROWS_NAME } rows;
  gboolean    selection;     /* the page's selection, of entry keys */
  gboolean    view;          /* a column view, shown in a window */
} Stack;

static const Stack stacks[] = {
  { "a SalvageTrashStore alone",                    ROWS_NONE,    FALSE, FALSE },
  { "+ a SalvageTrashView by days left",            ROWS_CLEANUP, FALSE, FALSE },
  { "+ the page's selection",                       ROWS_CLEANUP, TRUE,  FALSE },
  { "a SalvageTrashView by name",                   ROWS_NAME,    FALSE, FALSE },
  { "rows by days left, selection, a shown view",   ROWS_CLEANUP, TRUE,  TRUE  },
  { "only a shown view",                            ROWS_NONE,    FALSE, TRUE  },
};

static char *
record_name_key_cb (const SalvageTrashRecord *record,
                    gpointer                  user_data)
{
  return salvage_trash_record_dup_display_name (record);
}

/* Milliseconds the main loop is held by filling @stack with @listing. */
static double
time_fill (SalvageTrashListing *listing,
           const Stack         *stack)
{
  g_autoptr(SalvageTrashStore) store = salvage_trash_store_new ();
  g_autoptr(GListModel) top = g_object_ref (G_LIST_MODEL (store));
  GtkWidget *window = NULL;
  gint64 start;
  gint64 elapsed;

  if (stack->rows != ROWS_NONE)
    {
      SalvageTrashView *rows = salvage_trash_view_new (store);

      if (stack->rows == ROWS_CLEANUP)
        salvage_trash_view_sort_by_number (rows, salvage_trash_record_cleanup_key, FALSE);
      else
        salvage_trash_view_sort_by_text (rows, record_name_key_cb, NULL, FALSE);
      g_object_unref (top);
      top = G_LIST_MODEL (rows);
    }

  if (stack->selection)
    {
      GListModel *selection = G_LIST_MODEL (salvage_trash_selection_new (top));

      g_object_unref (top);
      top = selection;
    }
  else if (stack->view)
    {
      GListModel *selection = G_LIST_MODEL (gtk_no_selection_new (g_object_ref (top)));

      g_object_unref (top);
      top = selection;
    }

  if (stack->view)
    window = shown_view_new (top);

  start = g_get_monotonic_time ();
  salvage_trash_store_replace (store, listing, NULL, 0);
  elapsed = g_get_monotonic_time () - start;

  if (g_list_model_get_n_items (top) != salvage_trash_listing_get_n_records (listing))
    g_error ("%s: %u items, not %u", stack->label, g_list_model_get_n_items (top),
             salvage_trash_listing_get_n_records (listing));

  if (window != NULL)
    gtk_window_destroy (GTK_WINDOW (window));

  return elapsed / 1000.0;
}

static void
print_breakdown (SalvageTrashListing *listing)
{
  printf ("Filling models like the Trash page's with the %u items at once:\n",
          salvage_trash_listing_get_n_records (listing));

  for (guint i = 0; i < G_N_ELEMENTS (stacks); i++)
    printf ("  %-48s %8.1f ms\n", stacks[i].label, time_fill (listing, &stacks[i]));
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gint64 *reloaded_at = user_data;
  g_autoptr(GError) error = NULL;

  if (!salvage_workspace_refresh_trash_finish (SALVAGE_WORKSPACE (object), result, &error))
    g_error ("Could not reload the Trash: %s", error->message);

  *reloaded_at = g_get_monotonic_time ();
}

/* Starts watching @window's frames: when rows are first painted
 * (after_paint_cb), and the time spent painting (paint_ends_cb, for the
 * stall less its painting). Returns the emission hook to give back to
 * unwatch_frames(). */
static gulong
watch_frames (GdkFrameClock *clock)
{
  gulong paint_hook_id;

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  paint_hook_id = g_signal_add_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), 0,
                                              paint_begins_hook_cb, NULL, NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (paint_ends_cb), NULL);

  return paint_hook_id;
}

static void
unwatch_frames (GdkFrameClock *clock,
                gulong         paint_hook_id)
{
  g_signal_remove_emission_hook (g_signal_lookup ("paint", GDK_TYPE_FRAME_CLOCK), paint_hook_id);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, NULL);
  g_signal_handlers_disconnect_by_func (clock, paint_ends_cb, NULL);
}

/* Closes @window and waits until it is gone, requests in flight and all. */
static void
close_window (SalvageWindow **window)
{
  SalvageWindow *weak_window = *window;

  g_object_add_weak_pointer (G_OBJECT (weak_window), (gpointer *) &weak_window);
  gtk_window_destroy (GTK_WINDOW (weak_window));
  g_clear_object (window);
  while (weak_window != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
measure_run (GtkApplication *application,
             const char     *url,
             guint           n_trash,
             gboolean        breakdown,
             Figures        *figures,
             const char    **renderer)
{
  g_autoptr(SalvageWindow) window = NULL;
  GListModel *trash = NULL;
  GdkFrameClock *clock;
  gint64 reloaded_at;
  guint timer_id;
  guint signal_id;
  gulong hook_id;
  gulong paint_hook_id;
  gint64 limit;

  memset (&run, 0, sizeof run);
  run.n_trash = n_trash;

  window = g_object_ref_sink (salvage_window_new (application));
  run.view = find_column_view (GTK_WIDGET (salvage_window_get_trash_page (window)));
  if (run.view == NULL)
    g_error ("The Trash page has no column view");
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_add_tick_callback (GTK_WIDGET (window), redraw_tick_cb, NULL, NULL);

  /* Let the window settle before anything is measured. */
  spin_until (g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_hook_id = watch_frames (clock);
  *renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));

  trace_start (clock);

  timer_id = g_timeout_add (1, stall_timer_cb, NULL);
  signal_id = g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL);
  hook_id = g_signal_add_emission_hook (signal_id, 0, items_changed_hook_cb, &trash, NULL);

  /* Loading */
  reset_stall ();
  salvage_window_connect (window, url, API_KEY);
  salvage_window_show_page (window, "trash");

  limit = g_get_monotonic_time () + LOAD_LIMIT_USEC;
  while (run.shown_at == 0 || run.complete_at == 0)
    {
      SalvageWorkspace *workspace = salvage_window_get_workspace (window);

      if (trash == NULL && workspace != NULL)
        {
          trash = salvage_workspace_get_trash (workspace);
          g_signal_connect_after (trash, "items-changed", G_CALLBACK (trash_items_changed_cb), NULL);
        }

      if (g_get_monotonic_time () > limit)
        g_error ("The Trash did not show within %d s", (int) (LOAD_LIMIT_USEC / G_USEC_PER_SEC));

      g_main_context_iteration (NULL, TRUE);
    }
  spin_until (MAX (run.shown_at, run.complete_at) + LOAD_TAIL_USEC);

  if (run.bytes_at == 0)
    g_error ("The client did not log the Trash response");
  if (g_list_model_get_n_items (trash) != n_trash)
    g_error ("The Trash holds %u items, not %u", g_list_model_get_n_items (trash), n_trash);

  trace_print (clock);

  figures->to_rows = (run.shown_at - run.bytes_at) / 1000.0;
  figures->to_filled = (run.filled_at - run.bytes_at) / 1000.0;
  figures->filled_to_rows = (run.shown_at - run.filled_at) / 1000.0;
  figures->fill = (run.filled_at - run.fill_start) / 1000.0;
  figures->stall_loading = run.longest_stall / 1000.0;
  figures->unpainted_loading = run.longest_unpainted / 1000.0;
  figures->unpainted_since = run.longest_unpainted_since_bytes / 1000.0;
  figures->stall_start = (run.longest_stall_end - run.longest_stall - run.bytes_at) / 1000.0;
  figures->stall_since = run.longest_stall_since_bytes / 1000.0;
  for (guint i = 0; i < 2; i++)
    {
      figures->faults_loading[i] = run.longest_stall_faults[i];
      figures->faults_since[i] = run.longest_stall_since_bytes_faults[i];
    }
  figures->to_complete = (run.complete_at - run.bytes_at) / 1000.0;

  /* The same window, rows shown, only drawing. */
  reset_stall ();
  spin_until (g_get_monotonic_time () + BASELINE_USEC);
  figures->stall_baseline = run.longest_stall / 1000.0;

  /* The same, scrolling: every frame paints the rows. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (run.view), GTK_TYPE_SCROLLED_WINDOW);
    guint scroll_id = gtk_widget_add_tick_callback (scrolled, scroll_tick_cb, scrolled, NULL);

    spin_until (g_get_monotonic_time () + BASELINE_USEC / 4);
    reset_stall ();
    spin_until (g_get_monotonic_time () + BASELINE_USEC);
    figures->stall_scrolling = run.longest_stall / 1000.0;
    gtk_widget_remove_tick_callback (scrolled, scroll_id);
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
    spin_until (g_get_monotonic_time () + BASELINE_USEC / 4);
  }

  /* Reloading the Trash into the same window, as Refresh and coming back
   * to the window do; nothing changed on the server, so nothing changes
   * in the window. */
  run.bytes_at = run.fill_start = run.filled_at = run.shown_at = 0;
  reset_stall ();
  reloaded_at = 0;
  salvage_workspace_refresh_trash_async (salvage_window_get_workspace (window), NULL,
                                         reload_cb, &reloaded_at);
  limit = g_get_monotonic_time () + LOAD_LIMIT_USEC;
  while (reloaded_at == 0)
    {
      if (g_get_monotonic_time () > limit)
        g_error ("The Trash did not reload within %d s", (int) (LOAD_LIMIT_USEC / G_USEC_PER_SEC));
      g_main_context_iteration (NULL, TRUE);
    }
  spin_until (reloaded_at + LOAD_TAIL_USEC);
  if (run.fill_start != 0)
    g_error ("Reloading an unchanged Trash changed the store");
  figures->reload_done = (reloaded_at - run.bytes_at) / 1000.0;
  figures->stall_reloading = run.longest_stall / 1000.0;

  if (breakdown)
    print_breakdown (salvage_trash_store_get_listing (SALVAGE_TRASH_STORE (trash)));

  g_source_remove (timer_id);
  g_signal_remove_emission_hook (signal_id, hook_id);
  g_signal_handlers_disconnect_by_func (trash, trash_items_changed_cb, NULL);
  unwatch_frames (clock, paint_hook_id);
  close_window (&window);
}

/* A window that opens on the Projects page and loads the Trash behind it,
 * then shows the Trash page for the first time: the page and its rows
 * are made then. Times from the switch to the first frame after it, and
 * the longest stall that follows. */
static void
measure_switch (GtkApplication *application,
                const char     *url,
                guint           n_trash,
                Figures        *figures)
{
  g_autoptr(SalvageWindow) window = NULL;
  SalvageWorkspace *workspace;
  GdkFrameClock *clock;
  gulong paint_hook_id;
  guint timer_id;
  gint64 switched_at;
  gint64 limit;

  memset (&run, 0, sizeof run);
  run.n_trash = n_trash;

  window = g_object_ref_sink (salvage_window_new (application));
  gtk_window_present (GTK_WINDOW (window));
  spin_until (g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND);

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  paint_hook_id = watch_frames (clock);
  timer_id = g_timeout_add (1, stall_timer_cb, NULL);

  salvage_window_connect (window, url, API_KEY);
  limit = g_get_monotonic_time () + LOAD_LIMIT_USEC;
  while ((workspace = salvage_window_get_workspace (window)) == NULL ||
         g_list_model_get_n_items (salvage_workspace_get_trash (workspace)) != n_trash)
    {
      if (g_get_monotonic_time () > limit)
        g_error ("The Trash did not load within %d s", (int) (LOAD_LIMIT_USEC / G_USEC_PER_SEC));
      g_main_context_iteration (NULL, TRUE);
    }
  spin_until (g_get_monotonic_time () + LOAD_TAIL_USEC);

  reset_stall ();
  run.shown_at = 0;
  run.filled_at = switched_at = g_get_monotonic_time ();
  salvage_window_show_page (window, "trash");
  while (run.shown_at == 0)
    g_main_context_iteration (NULL, TRUE);
  spin_until (run.shown_at + LOAD_TAIL_USEC);

  figures->switch_to_frame = (run.shown_at - switched_at) / 1000.0;
  figures->stall_switching = run.longest_stall / 1000.0;
  figures->unpainted_switching = run.longest_unpainted / 1000.0;

  g_source_remove (timer_id);
  unwatch_frames (clock, paint_hook_id);
  close_window (&window);
}

#define MEDIAN_OF(field)                            \
  G_STMT_START {                                    \
    for (guint i_ = 0; i_ < size->runs; i_++)       \
      values[i_] = figures[i_].field;               \
    result.field = bench_median (values, size->runs); \
  } G_STMT_END

static void
bench_size (GtkApplication  *application,
            const BenchSize *size)
{
  g_autofree Figures *figures = g_new0 (Figures, size->runs);
  g_autofree double *values = g_new0 (double, size->runs);
  const char *renderer = NULL;
  BenchServer *server;
  Figures result = { 0, };

  server = bench_server_start (WS, API_KEY, size->n_trash, FALSE);

  for (guint i = 0; i < size->runs; i++)
    {
      measure_run (application, server->url, size->n_trash, i == 0, &figures[i], &renderer);
      measure_switch (application, server->url, size->n_trash, &figures[i]);
    }

  bench_server_stop (server);

  MEDIAN_OF (to_rows);
  MEDIAN_OF (to_filled);
  MEDIAN_OF (filled_to_rows);
  MEDIAN_OF (fill);
  MEDIAN_OF (stall_loading);
  MEDIAN_OF (unpainted_loading);
  MEDIAN_OF (unpainted_since);
  MEDIAN_OF (stall_start);
  MEDIAN_OF (stall_since);
  MEDIAN_OF (faults_loading[0]);
  MEDIAN_OF (faults_loading[1]);
  MEDIAN_OF (faults_since[0]);
  MEDIAN_OF (faults_since[1]);
  MEDIAN_OF (to_complete);
  MEDIAN_OF (stall_baseline);
  MEDIAN_OF (stall_scrolling);
  MEDIAN_OF (reload_done);
  MEDIAN_OF (switch_to_frame);
  MEDIAN_OF (stall_switching);
  MEDIAN_OF (unpainted_switching);
  MEDIAN_OF (stall_reloading);

  printf ("%u items, median of %u runs (%s):\n", size->n_trash, size->runs, renderer);
  printf ("  response to rows shown   %8.1f ms  (filled after %.1f ms, then frame %.1f ms)\n",
          result.to_rows, result.to_filled, result.filled_to_rows);
  printf ("  filling the Trash models %8.1f ms  (its items-changed, all handlers)\n", result.fill);
  printf ("  response to every row    %8.1f ms  (the view covers the whole Trash)\n",
          result.to_complete);
  printf ("  longest stall, loading   %8.1f ms  (from %.1f ms after the response)\n",
          result.stall_loading, result.stall_start);
  printf ("  longest stall, response on %6.1f ms  (from the Trash response to the end)\n",
          result.stall_since);
  printf ("    page faults in them     %.0f + %.0f in the X server; response on: %.0f + %.0f",
          result.faults_loading[0], result.faults_loading[1],
          result.faults_since[0], result.faults_since[1]);
  if (fault_usec > 0)
    printf (" (%.1f + %.1f ms at %.1f µs each)",
            result.faults_since[0] * fault_usec / 1000.0, result.faults_since[1] * fault_usec / 1000.0,
            fault_usec);
  printf ("\n");
  printf ("  longest stall outside painting, loading %.1f ms, response on %.1f ms (target 8 ms:\n"
          "    the stall less the frame clock's paint phase in it: building render nodes, drawing)\n",
          result.unpainted_loading, result.unpainted_since);
  printf ("  longest stall, drawing   %8.1f ms  (baseline: nothing new to paint)\n",
          result.stall_baseline);
  printf ("  longest stall, scrolling %8.1f ms  (baseline: every frame paints the rows)\n",
          result.stall_scrolling);
  printf ("  loading minus baseline   %8.1f ms  (ratio %.1f); response on: %.1f ms\n",
          result.stall_loading - result.stall_baseline,
          result.stall_baseline > 0 ? result.stall_loading / result.stall_baseline : 0.0,
          result.stall_since - result.stall_baseline);
  printf ("  loading minus scrolling  %8.1f ms; response on: %.1f ms\n",
          result.stall_loading - result.stall_scrolling, result.stall_since - result.stall_scrolling);
  printf ("  reloading, unchanged: response to done %.1f ms, longest stall %.1f ms\n",
          result.reload_done, result.stall_reloading);
  printf ("  first switch to the loaded Trash (its page made then): first frame %.1f ms,\n"
          "    longest stall %.1f ms, %.1f ms of it outside painting\n",
          result.switch_to_frame, result.stall_switching, result.unpainted_switching);
  fflush (stdout);
}

/* Memory */

/* How long after the Trash's rows are first painted the resident size is
 * read: the page's idle work and the frames after the load are done. */
#define MEMORY_AFTER_USEC (3 * G_TIME_SPAN_SECOND)

/* Resident size of this process in kB (VmRSS), or -1 if unknown. */
static gint64
resident_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Runs the main loop until @end, with no timer but the one that ends it:
 * the loop wakes only for what the window does, as in a person's hands. */
static void
wait_until (gint64 end)
{
  gint64 now = g_get_monotonic_time ();
  gboolean done = FALSE;

  if (now >= end)
    return;

  g_timeout_add_once ((end - now + 999) / 1000, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
load_limit_cb (gpointer user_data)
{
  g_error ("The Trash did not show within %d s", (int) (LOAD_LIMIT_USEC / G_USEC_PER_SEC));
}

/* Widgets under @widget, itself included. */
static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);

  return n;
}

/* The rows a column view has made widgets for: the children of its list. */
static guint
count_made_rows (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        {
          guint n = 0;

          for (GtkWidget *row = gtk_widget_get_first_child (child);
               row != NULL;
               row = gtk_widget_get_next_sibling (row))
            n++;
          return n;
        }
    }

  return 0;
}

/* In the process run with --memory-only: opens the window on the Trash
 * page of the server at @url, whose Trash holds @n_trash items, and prints
 * on one line, 3 s after its rows are first painted, the resident size in
 * kB, how many rows the view covers then, for how many of them it made
 * widgets, how many widgets it holds in all, and the renderer. */
static void
memory_only (GtkApplication *application,
             const char     *url,
             guint           n_trash)
{
  SalvageWindow *window;
  GListModel *trash = NULL;
  GdkFrameClock *clock;
  guint limit_id;
  gint64 kb;

  memset (&run, 0, sizeof run);
  run.n_trash = n_trash;

  window = salvage_window_new (application);
  run.view = find_column_view (GTK_WIDGET (salvage_window_get_trash_page (window)));
  if (run.view == NULL)
    g_error ("The Trash page has no column view");
  gtk_window_present (GTK_WINDOW (window));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  if (clock == NULL)
    g_error ("The window has no frame clock once presented");
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  salvage_window_connect (window, url, API_KEY);
  salvage_window_show_page (window, "trash");

  limit_id = g_timeout_add_once (LOAD_LIMIT_USEC / 1000, load_limit_cb, NULL);
  while (run.shown_at == 0)
    {
      SalvageWorkspace *workspace = salvage_window_get_workspace (window);

      if (trash == NULL && workspace != NULL)
        {
          trash = salvage_workspace_get_trash (workspace);
          g_signal_connect_after (trash, "items-changed", G_CALLBACK (trash_items_changed_cb), NULL);
        }

      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (limit_id);

  wait_until (run.shown_at + MEMORY_AFTER_USEC);
  kb = resident_kb ();

  if (g_list_model_get_n_items (trash) != n_trash)
    g_error ("The Trash holds %u items, not %u", g_list_model_get_n_items (trash), n_trash);

  printf ("%" G_GINT64_FORMAT " %u %u %u %s\n", kb,
          g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (run.view))),
          count_made_rows (run.view), count_widgets (GTK_WIDGET (run.view)),
          G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a process run with --memory-only read. */
typedef struct
{
  double  mb;         /* resident size */
  guint   n_rows;     /* rows the view covered then */
  guint   n_made;     /* rows it had made widgets for */
  guint   n_widgets;  /* widgets in the view */
  char   *renderer;
} Memory;

/* Runs this program (@program) again with --memory-only, against a server
 * of this process whose Trash holds @n_trash items, and reads its line. */
static void
memory_run (const char *program,
            const char *renderer,
            guint       n_trash,
            Memory     *memory)
{
  g_auto(GStrv) child_env = g_environ_setenv (g_get_environ (), "GSK_RENDERER", renderer, TRUE);
  g_autofree char *n = g_strdup_printf ("%u", n_trash);
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  BenchServer *server;
  char *end;
  char *rows_end;
  char *made_end;
  char *widgets_end;
  gint64 kb;
  int status;

  server = bench_server_start (WS, API_KEY, n_trash, FALSE);

  {
    const char *child_argv[] = { program, "--memory-only", n, server->url, NULL };

    /* Its stderr is this one's, for its warnings and debug messages. */
    if (!g_spawn_sync (NULL, (char **) child_argv, child_env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                       &output, NULL, &status, &error))
      g_error ("Could not run %s again: %s", program, error->message);
  }

  bench_server_stop (server);

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("Measuring the memory of %u items failed: %s", n_trash, error->message);

  kb = g_ascii_strtoll (output, &end, 10);
  memory->n_rows = (guint) g_ascii_strtoull (end, &rows_end, 10);
  memory->n_made = (guint) g_ascii_strtoull (rows_end, &made_end, 10);
  memory->n_widgets = (guint) g_ascii_strtoull (made_end, &widgets_end, 10);
  if (end == output || kb <= 0 || rows_end == end || made_end == rows_end ||
      widgets_end == made_end || *widgets_end != ' ')
    g_error ("Measuring the memory of %u items printed no resident size: %s", n_trash, output);

  memory->mb = kb / 1024.0;
  memory->renderer = g_strdup (g_strstrip (widgets_end));
}

/* The most the resident size may exceed the demo's by, in MB, for the
 * sizes that have a target; 0 for others. */
static double
memory_target_mb (guint n_trash)
{
  switch (n_trash)
    {
    case 10000:
      return 5;
    case 100000:
      return 30;
    default:
      return 0;
    }
}

/* Processes measured for each size: the figure of one process moves by
 * several MB from run to run (here the demo's took 130 MB or 137 MB, as
 * malloc happened to keep or give back memory freed at start-up). */
#define MEMORY_RUNS 5

/* The median resident size of MEMORY_RUNS processes, the least and most
 * in @min_mb and @max_mb, and the rows and renderer of the last. */
static double
memory_median (const char *program,
               const char *renderer,
               guint       n_trash,
               double     *min_mb,
               double     *max_mb,
               Memory     *last)
{
  double mb[MEMORY_RUNS];

  for (guint r = 0; r < MEMORY_RUNS; r++)
    {
      g_clear_pointer (&last->renderer, g_free);
      memory_run (program, renderer, n_trash, last);
      mb[r] = last->mb;
    }

  bench_median (mb, MEMORY_RUNS);
  *min_mb = mb[0];
  *max_mb = mb[MEMORY_RUNS - 1];
  return mb[MEMORY_RUNS / 2];
}

static void
bench_memory (const char *program,
              const char *renderer,
              GArray     *sizes)
{
  SalvageDemoSizes demo_sizes;
  Memory demo = { 0, };
  double demo_mb, demo_min, demo_max;

  salvage_demo_sizes_init_default (&demo_sizes);
  demo_mb = memory_median (program, renderer, demo_sizes.n_trash, &demo_min, &demo_max, &demo);

  printf ("Resident size 3 s after the Trash shows its rows, each in a fresh process, median\n"
          "of %u processes (least–most) (%s):\n", MEMORY_RUNS, demo.renderer);
  {
    g_autofree char *label = g_strdup_printf ("the demo, %u items", demo_sizes.n_trash);

    printf ("  %-20s %8.1f MB (%.1f–%.1f)\n", label, demo_mb, demo_min, demo_max);
    printf ("  %-20s %u rows with widgets, %u widgets in the view\n", "", demo.n_made, demo.n_widgets);
  }

  for (guint i = 0; i < sizes->len; i++)
    {
      guint n_trash = g_array_index (sizes, BenchSize, i).n_trash;
      g_autofree char *label = g_strdup_printf ("%u items", n_trash);
      double target = memory_target_mb (n_trash);
      Memory memory = { 0, };
      double mb, min_mb, max_mb;

      mb = memory_median (program, renderer, n_trash, &min_mb, &max_mb, &memory);

      printf ("  %-20s %8.1f MB (%.1f–%.1f)  %+6.1f MB beside the demo", label, mb, min_mb, max_mb,
              mb - demo_mb);
      if (target > 0)
        printf (" (target +%.0f MB: %s)", target, mb - demo_mb <= target ? "met" : "missed");
      /* The page gives a large Trash to its view a few rows a frame. */
      if (memory.n_rows < n_trash)
        printf (", the view covering %u rows yet", memory.n_rows);
      if (g_strcmp0 (memory.renderer, demo.renderer) != 0)
        printf (", with %s", memory.renderer);
      printf ("\n");
      /* A list view keeps widgets for up to 200 rows around what it shows,
       * whatever its height: for a large Trash, most of what the window
       * adds beside its data. */
      printf ("  %-20s %u rows with widgets, %u widgets in the view (%+d beside the demo)\n", "",
              memory.n_made, memory.n_widgets, (int) memory.n_widgets - (int) demo.n_widgets);
      fflush (stdout);

      g_free (memory.renderer);
    }

  g_free (demo.renderer);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SalvageApplication) application = NULL;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (BenchSize));
  g_autoptr(GError) error = NULL;
  gboolean memory = argc == 4 && strcmp (argv[1], "--memory-only") == 0;

  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  gtk_init ();
  adw_init ();

  /* Memory the size of the window's pixels. */
  if (!memory)
    {
      gsize bytes = WINDOW_WIDTH * WINDOW_HEIGHT * 4;
      double first_ms = 0;
      double again_ms = 0;

      fault_usec = time_page_faults (bytes, &first_ms, &again_ms);
      if (fault_usec > 0)
        printf ("This machine: writing a window's pixels (%.1f MB) to new shared memory takes %.1f ms,\n"
                "  %.2f ms once more: a page fault costs %.1f µs\n",
                bytes / 1e6, first_ms, again_ms, fault_usec);
      else
        printf ("This machine: what a page fault costs could not be timed (no shared memory)\n");

      x_server_stat_open (gdk_display_get_default ());
      if (x_server_stat == -1)
        printf ("The X server's page faults are not counted (not X11, or not found)\n");
    }

  application = salvage_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Could not register the application: %s", error->message);

  /* Run again by bench_memory(): only the memory of one size. */
  if (memory)
    {
      guint n_trash = (guint) g_ascii_strtoull (argv[2], NULL, 10);

      if (n_trash == 0)
        g_error ("Not a number of items: %s", argv[2]);

      memory_only (GTK_APPLICATION (application), argv[3], n_trash);
      return EXIT_SUCCESS;
    }

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

          g_array_append_val (sizes, size);
        }
    }
  else
    {
      g_array_append_vals (sizes, bench_sizes, G_N_ELEMENTS (bench_sizes));
    }

  for (guint i = 0; i < sizes->len; i++)
    bench_size (GTK_APPLICATION (application), &g_array_index (sizes, BenchSize, i));

  /* Each renderer keeps memory of its own (software GL's is tens of MB):
   * the figures of both, each beside the demo's with the same. */
  bench_memory (argv[0], "cairo", sizes);
  bench_memory (argv[0], "ngl", sizes);

  return EXIT_SUCCESS;
}
