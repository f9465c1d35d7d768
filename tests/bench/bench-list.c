/* bench-list.c - listing a large Trash: Salvage beside what the Python SDK does
 *
 * Against the stand-in server, whose Trash of 10,000 and then 100,000
 * items is encoded once and then served as the same bytes (so that only
 * the clients are timed), alternates two clients, run for run:
 *
 *  - Salvage: from the request sent until the workspace's Trash is held
 *    in the Trash page's rows, in their default order (days left), and the
 *    first 50 of them have been read;
 *  - a Python peer doing what the SDK's rfapi.list_trash does:
 *    requests.get(url).json(), timed inside Python.
 *
 * It prints both medians and their ratio, and how fast the Trash body is
 * parsed on one core (salvage_parse_trash_listing() alone, MB/s of body),
 * beside the transfer alone, and what the main thread spends meanwhile
 * (CPU time and page faults: it receives the body while a worker thread
 * parses it). It is not a test. Numbers of items given as arguments
 * replace the sizes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1  /* RUSAGE_THREAD */
#endif

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "salvage-http-private.h"
#include "salvage-parse.h"
#include "salvage-trash-columns.h"
#include "salvage-trash-view.h"
#include "salvage-workspace.h"

#include "bench-server.h"
#include "bench-util.h"

#define WS      "acme-bench"
#define API_KEY "bench-key-Lm8sW3qXe5"

/* The rows a window shows first, which the listing must be able to give. */
#define FIRST_ROWS 50

typedef struct
{
  guint n_trash;
  guint runs;
} BenchSize;

static const BenchSize default_sizes[] = {
  { 10000, 15 },
  { 100000, 7 },
};

/* The peer: one line in, one listing, its time in ms on a line out. */
static const char peer_script[] =
  "import sys, time\n"
  "import requests\n"
  "url = sys.argv[1]\n"
  "for line in sys.stdin:\n"
  "    start = time.perf_counter()\n"
  "    data = requests.get(url).json()\n"
  "    elapsed = (time.perf_counter() - start) * 1000\n"
  "    n = len(data['items'])\n"
  "    print(f'{elapsed:.3f} {n}', flush=True)\n";

typedef struct
{
  GSubprocess      *process;
  GDataInputStream *out;
  GOutputStream    *in;
} Peer;

static void
peer_start (Peer       *peer,
            const char *url)
{
  g_autoptr(GError) error = NULL;

  peer->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                    &error, "python3", "-c", peer_script, url, NULL);
  if (peer->process == NULL)
    g_error ("Could not start the Python peer: %s", error->message);

  peer->in = g_subprocess_get_stdin_pipe (peer->process);
  peer->out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (peer->process));
}

/* One listing by the peer: its time in ms. */
static double
peer_run (Peer  *peer,
          guint  n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  double ms;
  guint n;

  if (!g_output_stream_write_all (peer->in, "go\n", 3, NULL, NULL, &error) ||
      !g_output_stream_flush (peer->in, NULL, &error))
    g_error ("The Python peer went away: %s", error->message);

  line = g_data_input_stream_read_line (peer->out, NULL, NULL, &error);
  if (line == NULL || sscanf (line, "%lf %u", &ms, &n) != 2)
    g_error ("The Python peer said nothing usable (is python3-requests installed?)");
  if (n != n_expected)
    g_error ("The Python peer listed %u items, not %u", n, n_expected);

  return ms;
}

static void
peer_stop (Peer *peer)
{
  g_output_stream_close (peer->in, NULL, NULL);
  g_subprocess_wait (peer->process, NULL, NULL);
  g_clear_object (&peer->out);
  g_clear_object (&peer->process);
}

/* Salvage's listing */

typedef struct
{
  gboolean  done;
  GError   *error;
} Wait;

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  salvage_workspace_refresh_trash_finish (SALVAGE_WORKSPACE (object), result, &wait->error);
  wait->done = TRUE;
}

/* What the Trash page shows with every type and no search. */
static gboolean
record_matches (const SalvageTrashRecord *record,
                gpointer                  user_data)
{
  return salvage_trash_filter_matches_kind (SALVAGE_TRASH_FILTER_ALL, record->kind);
}

/* What the calling thread has spent so far: CPU time in ms, page faults. */
static void
thread_usage (double *cpu_ms,
              long   *faults)
{
  struct timespec cpu;
  struct rusage usage;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  getrusage (RUSAGE_THREAD, &usage);
  *cpu_ms = cpu.tv_sec * 1e3 + cpu.tv_nsec / 1e6;
  *faults = usage.ru_minflt + usage.ru_majflt;
}

/* What the main thread spent in the last salvage_run(), and when in it
 * the store came to hold the whole Trash. */
static double main_cpu_ms;
static long main_faults;
static gint64 stored_at;

/* Runs before the rows' own handler, connected earlier: the moment the
 * store holds the Trash, before the rows sort it. */
static void
store_changed_cb (GListModel *store,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint n_expected = GPOINTER_TO_UINT (user_data);

  if (g_list_model_get_n_items (store) == n_expected)
    stored_at = g_get_monotonic_time ();
}

/* One listing by Salvage into a fresh workspace whose Trash page rows are
 * in place, as the window's are: its time in ms, and in @store_ms the
 * part of it until the store held the Trash (the rest is the rows:
 * filtering, sorting, the first of them read). */
static double
salvage_run (SalvageClient *client,
             guint          n_expected,
             double        *store_ms)
{
  double cpu_before;
  long faults_before;
  g_autoptr(SalvageWorkspace) workspace = salvage_workspace_new (client);
  g_autoptr(SalvageTrashView) rows = NULL;
  GListModel *store = salvage_workspace_get_trash (workspace);
  Wait wait = { 0, };
  gint64 start;
  gint64 end;

  g_signal_connect (store, "items-changed", G_CALLBACK (store_changed_cb),
                    GUINT_TO_POINTER (n_expected));

  /* The page's: sorted by days left, through its filter. */
  rows = salvage_trash_view_new (SALVAGE_TRASH_STORE (store));
  salvage_trash_view_set_filter (rows, record_matches, NULL);
  salvage_trash_view_sort_by_number (rows, salvage_trash_record_cleanup_key, FALSE);

  stored_at = 0;
  thread_usage (&cpu_before, &faults_before);
  start = g_get_monotonic_time ();
  salvage_workspace_refresh_trash_async (workspace, NULL, refreshed_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_error ("Salvage could not list the Trash: %s", wait.error->message);

  for (guint i = 0; i < FIRST_ROWS && i < n_expected; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (G_LIST_MODEL (rows), i);
      g_autofree char *name = salvage_trash_item_dup_display_name (item);

      g_assert (name != NULL);
    }
  end = g_get_monotonic_time ();
  thread_usage (&main_cpu_ms, &main_faults);
  main_cpu_ms -= cpu_before;
  main_faults -= faults_before;

  if (g_list_model_get_n_items (G_LIST_MODEL (rows)) != n_expected || stored_at == 0)
    g_error ("Salvage listed a different number of items than %u", n_expected);

  g_signal_handlers_disconnect_by_func (store, store_changed_cb, GUINT_TO_POINTER (n_expected));
  *store_ms = (stored_at - start) / 1000.0;
  return (end - start) / 1000.0;
}

static void
sent_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GBytes **body = user_data;
  g_autoptr(GError) error = NULL;

  *body = salvage_http_send_finish (result, &error);
  if (*body == NULL)
    g_error ("Could not fetch the Trash: %s", error->message);
}

/* The transfer alone: the Trash's bytes through Salvage's HTTP layer, in
 * ms. */
static double
transfer_run (SalvageHttp *http)
{
  const char * const segments[] = { WS, "trash", NULL };
  g_autoptr(GObject) source = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GBytes) body = NULL;
  gint64 start = g_get_monotonic_time ();

  salvage_http_send_async (http, source, "GET", segments, NULL, 0, NULL, sent_cb, &body);
  while (body == NULL)
    g_main_context_iteration (NULL, TRUE);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The body the server sends, fetched once. */
static GBytes *
fetch_body (const char *url)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  body = soup_session_send_and_read (session, message, NULL, &error);
  if (body == NULL || soup_message_get_status (message) != SOUP_STATUS_OK)
    g_error ("Could not fetch the Trash: %s", error != NULL ? error->message : "not 200");

  return body;
}

/* The Trash's parse alone on @body, on this thread, as the window's
 * listing does it (records, no items): MB/s, and the median CPU ms in
 * @median_ms. */
static double
parse_throughput (GBytes *body,
                  guint   runs,
                  double *median_ms)
{
  g_autofree double *rates = g_new (double, runs);
  g_autofree double *times = g_new (double, runs);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(SalvageTrashListing) listing = NULL;
      g_autoptr(GError) error = NULL;
      double start = bench_thread_cpu_ms ();
      double ms;

      listing = salvage_parse_trash_listing (body, &error);
      ms = bench_thread_cpu_ms () - start;
      g_assert_no_error (error);
      rates[i] = g_bytes_get_size (body) / 1e6 / (ms / 1000.0);
      times[i] = ms;
    }

  *median_ms = bench_median (times, runs);
  return bench_median (rates, runs);
}

static void
bench_size (const BenchSize *size)
{
  BenchServer *server = bench_server_start (WS, API_KEY, size->n_trash, TRUE);
  g_autofree char *url = g_strdup_printf ("%s/%s/trash?api_key=%s", server->url, WS, API_KEY);
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *ours = g_new (double, size->runs);
  g_autofree double *theirs = g_new (double, size->runs);
  g_autofree double *ratios = g_new (double, size->runs);
  g_autofree double *transfers = g_new (double, size->runs);
  g_autofree double *stores = g_new (double, size->runs);
  g_autofree double *rows = g_new (double, size->runs);
  g_autofree double *main_cpus = g_new (double, size->runs);
  g_autofree double *main_fault_counts = g_new (double, size->runs);
  SalvageHttp *http;
  Peer peer = { 0, };
  double our_median, their_median, transfer_median, store_median, parse_ms, rate;
  double unused;

  /* The first request freezes the answer. */
  body = fetch_body (url);

  client = salvage_client_new (server->url, API_KEY, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (client, WS);
  peer_start (&peer, url);
  http = salvage_http_new (server->url, API_KEY, 60);
  transfer_run (http);

  /* A first run of each, not counted: connections, caches, imports. */
  salvage_run (client, size->n_trash, &unused);
  peer_run (&peer, size->n_trash);

  for (guint i = 0; i < size->runs; i++)
    {
      /* Alternate which goes first, so neither always follows the other. */
      if (i % 2 == 0)
        {
          ours[i] = salvage_run (client, size->n_trash, &stores[i]);
          theirs[i] = peer_run (&peer, size->n_trash);
        }
      else
        {
          theirs[i] = peer_run (&peer, size->n_trash);
          ours[i] = salvage_run (client, size->n_trash, &stores[i]);
        }
      main_cpus[i] = main_cpu_ms;
      main_fault_counts[i] = main_faults;
      ratios[i] = theirs[i] / ours[i];
      rows[i] = ours[i] - stores[i];
      transfers[i] = transfer_run (http);
    }

  peer_stop (&peer);
  salvage_http_free (http);

  printf ("%'u items (%.1f MB), %u runs each, alternating:\n",
          size->n_trash, g_bytes_get_size (body) / 1e6, size->runs);
  our_median = bench_median (ours, size->runs);
  their_median = bench_median (theirs, size->runs);
  printf ("  Salvage, request → the Trash page's rows, first %u read:    median %7.1f ms  (best %.1f)\n",
          FIRST_ROWS, our_median, ours[0]);
  printf ("  Python, requests.get(url).json():                          median %7.1f ms  (best %.1f)\n",
          their_median, theirs[0]);
  printf ("  Python ÷ Salvage: median of the run-by-run ratios %.2f×, ratio of the medians %.2f×\n",
          bench_median (ratios, size->runs), their_median / our_median);
  transfer_median = bench_median (transfers, size->runs);
  rate = parse_throughput (body, 5, &parse_ms);
  store_median = bench_median (stores, size->runs);
  /* Both stages are medians of the same runs' own split, not of other runs. */
  printf ("  Salvage's stages, in those runs: request → the store holds the Trash %.1f ms;\n"
          "  the transfer alone (its HTTP layer, whole body) takes %.1f ms and the parse alone %.1f ms\n"
          "  (CPU, one thread): the body is parsed while it arrives, so the two overlap, on\n"
          "  %u cores shared with the server; then the page's rows, sorted, and the first of\n"
          "  them read, %.1f ms\n",
          store_median, transfer_median, parse_ms, g_get_num_processors (),
          bench_median (rows, size->runs));
  printf ("  the main thread meanwhile (receiving the body, then the store and rows): median\n"
          "  %.1f ms of CPU and %.0f page faults (a first write to fresh memory: the body's room)\n",
          bench_median (main_cpus, size->runs), bench_median (main_fault_counts, size->runs));
  printf ("  Trash parse alone, one core: %.0f MB/s\n\n", rate);
  fflush (stdout);

  bench_server_stop (server);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree BenchSize *sizes = NULL;
  guint n_sizes;

  setlocale (LC_ALL, "");

  if (argc > 1)
    {
      n_sizes = argc - 1;
      sizes = g_new (BenchSize, n_sizes);
      for (guint i = 0; i < n_sizes; i++)
        sizes[i] = (BenchSize) { (guint) g_ascii_strtoull (argv[i + 1], NULL, 10), 7 };
    }
  else
    {
      n_sizes = G_N_ELEMENTS (default_sizes);
      sizes = g_memdup2 (default_sizes, sizeof default_sizes);
    }

  for (guint i = 0; i < n_sizes; i++)
    bench_size (&sizes[i]);

  return 0;
}
