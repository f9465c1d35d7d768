/* bench-parse.c - how fast a large Trash listing turns into objects
 *
 * Builds Trash bodies shaped like the real API's (every record both in
 * "items" and in its section, ISO-8601 date-times, a mix of projects,
 * versions, workflows and trainings), parses each several times with
 * salvage_parse_trash() and prints the figures, beside what checking the
 * bytes alone costs and what json-glib alone would. It is not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* RUSAGE_THREAD, in bench-util.h */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "salvage-json-scan-private.h"
#include "salvage-parse.h"

#include "bench-util.h"

/* Page faults this thread took that needed no disk: each is a first
 * touch of a page of fresh memory, which costs ~1.6 µs on the virtual
 * machines the figures were taken on (0.1–0.3 µs on a desktop). */
static gint64
thread_minor_faults (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return usage.ru_minflt;
}

typedef struct
{
  guint n_items;
  guint runs;
} BenchSize;

/* The speed asked of the parser: a large Trash shows without a wait. */
#define TARGET_ITEMS 10000
#define TARGET_CPU_MS 100.0

static const BenchSize sizes[] = {
  { 10000, 7 },
  { 100000, 5 },
};

/* A Firestore-like document id: 20 characters from a fixed alphabet. */
static void
append_doc_id (GString    *out,
               const char *prefix,
               guint       n)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  guint64 x = (guint64)n * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + 0x12345;

  g_string_append (out, prefix);
  for (guint i = 0; i < 20; i++)
    {
      g_string_append_c (out, alphabet[x % (sizeof alphabet - 1)]);
      x = x * 6364136223846793005 + 1442695040888963407;
    }
}

static char *
doc_id (const char *prefix,
        guint       n)
{
  GString *out = g_string_new (NULL);

  append_doc_id (out, prefix, n);
  return g_string_free (out, FALSE);
}

static void
append_dates (GString *out,
              guint    n)
{
  g_autoptr(GDateTime) base = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) deleted = g_date_time_add_seconds (base, (n * 7919) % (30 * 86400));
  g_autoptr(GDateTime) cleanup = g_date_time_add_days (deleted, 30);
  g_autofree char *deleted_text = g_date_time_format (deleted, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *cleanup_text = g_date_time_format (cleanup, "%Y-%m-%dT%H:%M:%S.000Z");

  g_string_append_printf (out,
                          ", \"deletedAt\": \"%s\", \"scheduledCleanupAt\": \"%s\"",
                          deleted_text, cleanup_text);
}

typedef enum
{
  RECORD_PROJECT,
  RECORD_VERSION,
  RECORD_WORKFLOW,
  RECORD_TRAINING,
  N_RECORD_KINDS
} RecordKind;

static const char *section_names[N_RECORD_KINDS] = {
  "projects", "versions", "workflows", "trainings",
};

static RecordKind
record_kind (guint n)
{
  /* Versions are the most common entry, then projects, workflows, trainings. */
  switch (n % 20)
    {
    case 0: case 1: case 2: case 3: case 4:
      return RECORD_PROJECT;
    case 5: case 6: case 7: case 8: case 9: case 10: case 11: case 12:
      return RECORD_VERSION;
    case 13: case 14: case 15: case 16:
      return RECORD_WORKFLOW;
    default:
      return RECORD_TRAINING;
    }
}

/* One record, as "items" lists it (@full) or as its section does. */
static void
append_record (GString *out,
               guint    n,
               gboolean full)
{
  static const char *people[] = { "Alice Martin", "Bob Okafor", "Chen Wei", "Dana Iversen" };
  g_autofree char *parent_id = doc_id ("", n / 3);
  RecordKind kind = record_kind (n);

  g_string_append_c (out, '{');

  if (full)
    g_string_append_printf (out, "\"type\": \"%.*s\", ",
                            (int)strlen (section_names[kind]) - 1, section_names[kind]);

  switch (kind)
    {
    case RECORD_PROJECT:
      g_string_append (out, "\"id\": \"");
      append_doc_id (out, "", n);
      g_string_append_printf (out, "\", \"url\": \"hard-hat-sample-%u\","
                                   " \"name\": \"Hard Hat Sample %u\"", n, n);
      if (full)
        g_string_append (out, ", \"cleanupDeleteImages\": true");
      break;

    case RECORD_VERSION:
      g_string_append_printf (out, "\"id\": \"%u\", \"name\": \"v%u\", \"parentId\": \"%s\","
                                   " \"parentUrl\": \"hard-hat-sample-%u\"",
                              n % 50 + 1, n % 50 + 1, parent_id, n / 3);
      if (full)
        g_string_append_printf (out, ", \"parentName\": \"Hard Hat Sample %u\"", n / 3);
      break;

    case RECORD_WORKFLOW:
      g_string_append (out, "\"id\": \"");
      append_doc_id (out, "wf_", n);
      g_string_append_printf (out, "\", \"url\": \"detect-and-count-%u\","
                                   " \"name\": \"Detect and Count %u\"", n, n);
      break;

    case RECORD_TRAINING:
    case N_RECORD_KINDS:
    default:
      g_string_append (out, "\"id\": \"");
      append_doc_id (out, "", n);
      g_string_append_printf (out, "\", \"name\": \"rfdetr-base run %u\", \"parentId\": \"%s\","
                                   " \"parentUrl\": \"hard-hat-sample-%u\","
                                   " \"versionNumber\": \"%u\"",
                              n, parent_id, n / 3, n % 50 + 1);
      if (full)
        g_string_append_printf (out, ", \"parentName\": \"Hard Hat Sample %u\"", n / 3);
      break;
    }

  if (full)
    {
      append_dates (out, n);
      g_string_append (out, ", \"deletedBy\": \"");
      append_doc_id (out, "uid_", n % 4);
      g_string_append_printf (out, "\", \"deletedByName\": \"%s\"", people[n % 4]);
    }

  g_string_append_c (out, '}');
}

static GBytes *
build_trash (guint n_items)
{
  GString *out = g_string_sized_new ((gsize)n_items * 600);

  g_string_append (out, "{\"items\": [");
  for (guint n = 0; n < n_items; n++)
    {
      if (n > 0)
        g_string_append (out, ",\n");
      append_record (out, n, TRUE);
    }
  g_string_append (out, "],\n \"sections\": {");

  for (RecordKind kind = 0; kind < N_RECORD_KINDS; kind++)
    {
      gboolean first = TRUE;

      g_string_append_printf (out, "%s\"%s\": [", kind ? ", " : "", section_names[kind]);
      for (guint n = 0; n < n_items; n++)
        {
          if (record_kind (n) != kind)
            continue;
          if (!first)
            g_string_append (out, ",\n");
          first = FALSE;
          append_record (out, n, FALSE);
        }
      g_string_append_c (out, ']');
    }

  g_string_append (out, "}}");

  return g_string_free_to_bytes (out);
}

/* A field of /proc/self/status in kilobytes, or -1. */
static gint64
status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  if (!(line = strstr (status, field)))
    return -1;

  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

typedef gboolean (*ParseRun) (GBytes *body, guint n_items);

static gboolean
run_salvage_parse_trash (GBytes *body,
                         guint   n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = salvage_parse_trash (body, &error);

  if (items == NULL)
    g_error ("The payload was refused: %s", error->message);
  if (items->len != n_items)
    g_error ("Expected %u items, got %u", n_items, items->len);

  return TRUE;
}

/* What checking the bytes as JSON costs, the floor under
 * salvage_parse_trash(), which reads them twice. */
/* The entries as records, with no object made. */
static gboolean
run_salvage_parse_trash_listing (GBytes *body,
                                 guint   n_items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashListing) listing = NULL;

  listing = salvage_parse_trash_listing (body, &error);

  if (listing == NULL)
    g_error ("The payload was refused: %s", error->message);
  if (salvage_trash_listing_get_n_records (listing) != n_items)
    g_error ("Expected %u items, got %u", n_items, salvage_trash_listing_get_n_records (listing));

  return TRUE;
}

static gboolean
run_json_check_only (GBytes *body,
                     guint   n_items)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (!salvage_json_validate (data, len, &error))
    g_error ("The payload is not valid JSON: %s", error->message);

  return TRUE;
}

/* What json-glib alone costs on the same bytes: building the tree and
 * freeing it, which salvage_parse_trash() used to do before reading it. */
static gboolean
run_json_glib_only (GBytes *body,
                    guint   n_items)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  if (!json_parser_load_from_data (parser, data, (gssize)len, &error))
    g_error ("json-glib refused the payload: %s", error->message);

  return TRUE;
}

/* Returns the median CPU time. */
static double
measure (const char *label,
         ParseRun    run,
         GBytes     *body,
         guint       n_items,
         guint       runs)
{
  g_autofree double *wall = g_new0 (double, runs);
  g_autofree double *cpu = g_new0 (double, runs);
  g_autofree double *faults = g_new0 (double, runs);
  double mb = g_bytes_get_size (body) / (1024.0 * 1024.0);
  gint64 rss_before = status_kb ("VmRSS:");
  double median;
  double cpu_median;

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();
      gint64 faults_start = thread_minor_faults ();

      run (body, n_items);

      wall[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = bench_thread_cpu_ms () - cpu_start;
      faults[r] = thread_minor_faults () - faults_start;
    }

  median = bench_median (wall, runs);
  cpu_median = bench_median (cpu, runs);

  g_print ("%-20s %8u %6.1f %4u %9.1f %8.1f %8.1f %7.1f %10.0f %7.0f %7.1f %7.1f\n",
           label, n_items, mb, runs, median, wall[0], cpu_median,
           mb / (median / 1000.0), n_items / (median / 1000.0),
           bench_median (faults, runs),
           rss_before / 1024.0, status_kb ("VmHWM:") / 1024.0);

  return cpu_median;
}

int
main (int   argc,
      char *argv[])
{
  g_print ("%-20s %8s %6s %4s %9s %8s %8s %7s %10s %7s %7s %7s\n",
           "", "items", "MB", "runs", "median ms", "min ms", "CPU ms", "MB/s", "items/s",
           "faults", "RSS MB", "peak MB");

  double target_cpu = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(GBytes) body = build_trash (sizes[s].n_items);
      double cpu;

      cpu = measure ("salvage_parse_trash", run_salvage_parse_trash,
                     body, sizes[s].n_items, sizes[s].runs);
      if (sizes[s].n_items == TARGET_ITEMS)
        target_cpu = cpu;
      measure ("  records only", run_salvage_parse_trash_listing,
               body, sizes[s].n_items, sizes[s].runs);
      measure ("JSON check alone", run_json_check_only,
               body, sizes[s].n_items, sizes[s].runs);
      measure ("json-glib alone", run_json_glib_only,
               body, sizes[s].n_items, sizes[s].runs);
    }

  g_print ("\nmedian/min: wall clock; CPU ms: median thread CPU time; MB/s and items/s from\n"
           "the median. RSS MB: resident before the runs (payload built); peak MB: the\n"
           "process's high-water mark (VmHWM) after them.\n");
  g_print ("Target: %u items in at most %.0f ms of CPU time: %.1f ms, %s.\n",
           TARGET_ITEMS, TARGET_CPU_MS, target_cpu,
           target_cpu <= TARGET_CPU_MS ? "met" : "missed");

  return EXIT_SUCCESS;
}
