/* bench-start.c - how long Salvage takes to start, beside the least a libadwaita window takes
 *
 * Times, in rounds, from exec to the first frame that shows rows:
 *
 *  - `salvage --demo`, to the first frame that shows the demo's Projects
 *    rows, which it reports in a debug message (salvage-window.c) when
 *    G_MESSAGES_DEBUG names "salvage-startup";
 *  - bench-start-window, an AdwApplicationWindow with one label, to its
 *    first frame, which it prints.
 *
 * Each child reports the time its frame was painted by the clock of
 * g_get_monotonic_time(), which this process shares; the time taken is
 * that less the time read just before the child was spawned. Salvage is
 * killed once it has reported; the window quits by itself.
 *
 * The two run one after the other in each round, so that what else runs
 * on the machine weighs on both alike; a first round, not counted, fills
 * the page cache and the caches under the shared XDG_CACHE_HOME (fonts,
 * shaders) for both. Both get the same environment: settings in memory,
 * their own configuration, data and cache folders in a temporary folder,
 * X11, no portals, no accessibility bus, and the renderer GSK_RENDERER
 * names here, or GTK's default.
 *
 * Run it under a display and a session bus (xvfb-run, dbus-run-session).
 * Arguments: [--rounds N] [SALVAGE], where SALVAGE is the program to
 * start (default: src/salvage of the build tree this bench is in).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "bench-util.h"

#define DEFAULT_ROUNDS 15

/* The target: Salvage's rows within this of the trivial window's frame. */
#define TARGET_MS 60.0

/* How long a child may take to report, and to exit once told to. */
#define REPORT_LIMIT_SECONDS 60
#define EXIT_LIMIT_SECONDS   10

/* What the children print when they have painted it, before the time. */
#define PAINTED_AT "painted at "

typedef struct
{
  const char *name;
  GDataInputStream *stream;
  GCancellable *cancellable;
  gint64 painted_at;
  char *renderer;
  gboolean done;
} Reading;

static void read_next_line (Reading *reading);

static void
read_line_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Reading *reading = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *at;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, &error);
  if (line == NULL)
    {
      if (error != NULL)
        g_printerr ("%s: %s\n", reading->name, error->message);
      reading->done = TRUE;
      return;
    }

  at = strstr (line, PAINTED_AT);
  if (at == NULL)
    {
      /* Whatever else the child says (a warning, say) is shown. */
      g_printerr ("%s: %s\n", reading->name, line);
      read_next_line (reading);
      return;
    }

  reading->painted_at = g_ascii_strtoll (at + strlen (PAINTED_AT), NULL, 10);

  /* "… (RENDERER)" */
  {
    const char *open = strrchr (at, '(');
    const char *close = open != NULL ? strchr (open, ')') : NULL;

    if (close != NULL)
      reading->renderer = g_strndup (open + 1, close - open - 1);
  }

  reading->done = TRUE;
}

static void
read_next_line (Reading *reading)
{
  g_data_input_stream_read_line_async (reading->stream, G_PRIORITY_DEFAULT, reading->cancellable,
                                       read_line_cb, reading);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GSubprocess *process;
  guint        timeout_id;
  gboolean     exited;
} Ending;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Ending *ending = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  ending->exited = TRUE;
}

static gboolean
force_exit_cb (gpointer user_data)
{
  Ending *ending = user_data;

  ending->timeout_id = 0;
  g_subprocess_force_exit (ending->process);
  return G_SOURCE_REMOVE;
}

/* Ends @process with @signal and waits for it; after EXIT_LIMIT_SECONDS,
 * kills it. */
static void
end_child (GSubprocess *process,
           int          signal)
{
  Ending ending = { process, 0, FALSE };

  g_subprocess_send_signal (process, signal);
  g_subprocess_wait_async (process, NULL, wait_cb, &ending);
  ending.timeout_id = g_timeout_add_seconds (EXIT_LIMIT_SECONDS, force_exit_cb, &ending);
  while (!ending.exited)
    g_main_context_iteration (NULL, TRUE);
  g_clear_handle_id (&ending.timeout_id, g_source_remove);
}

/* Starts @argv in @envp, and returns the time from just before the spawn
 * to the frame the child reports, in ms; sets *@renderer to the renderer
 * it names. Fails the bench when the child reports nothing. */
static double
start_once (const char         *name,
            const char * const *argv,
            char              **envp,
            const char         *cwd,
            int                 end_signal,
            char              **renderer)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Reading reading = { name, NULL, cancellable, 0, NULL, FALSE };
  gint64 spawned_at;
  guint timeout_id;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_cwd (launcher, cwd);

  spawned_at = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (process == NULL)
    g_error ("Could not start %s: %s", argv[0], error->message);

  reading.stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  timeout_id = g_timeout_add_seconds (REPORT_LIMIT_SECONDS, cancel_cb, cancellable);
  read_next_line (&reading);
  while (!reading.done)
    g_main_context_iteration (NULL, TRUE);

  if (!g_cancellable_is_cancelled (cancellable))
    g_source_remove (timeout_id);

  end_child (process, end_signal);
  g_clear_object (&reading.stream);

  if (reading.painted_at == 0)
    g_error ("%s did not report its first frame within %d s", name, REPORT_LIMIT_SECONDS);
  if (reading.painted_at < spawned_at)
    g_error ("%s reported a frame before it was started", name);

  if (*renderer == NULL)
    *renderer = g_steal_pointer (&reading.renderer);
  else if (g_strcmp0 (*renderer, reading.renderer) != 0)
    g_error ("%s drew with %s, not %s as before", name, reading.renderer, *renderer);
  g_free (reading.renderer);

  return (reading.painted_at - spawned_at) / 1000.0;
}

/* Removes @path and, if it is a folder, what is in it. */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);

  if (dir != NULL)
    {
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }

  g_remove (path);
}

/* The environment both children get, from this one's. */
static char **
make_environment (const char *home,
                  const char *build_root)
{
  char **envp = g_get_environ ();
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *schemas = g_build_filename (build_root, "data", NULL);
  g_autofree char *no_cli_config = g_build_filename (home, "no-roboflow-config.json", NULL);

  /* Nothing of the user's is read or written: not their settings, nor
   * their GTK configuration, nor a Roboflow CLI login. */
  envp = g_environ_setenv (envp, "HOME", home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache, TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  envp = g_environ_setenv (envp, "ROBOFLOW_CONFIG_DIR", no_cli_config, TRUE);
  envp = g_environ_unsetenv (envp, "API_URL");
  envp = g_environ_unsetenv (envp, "ROBOFLOW_API_KEY");
  envp = g_environ_unsetenv (envp, "RF_WORKSPACE");

  /* As the tests run the window: X11 (as under xvfb-run), and neither
   * the desktop's portals nor the accessibility bus, which only a desktop
   * session has running, and which would otherwise be started, at a cost
   * that has nothing to do with either window. */
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_setenv (envp, "ADW_DISABLE_PORTAL", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_DEBUG", "no-portals", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);

  /* Salvage's report, and none of its other debug messages. */
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "salvage-startup", TRUE);

  return envp;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *bench_dir = NULL;
  g_autofree char *build_root = NULL;
  g_autofree char *salvage = NULL;
  g_autofree char *window = NULL;
  g_autofree char *home = NULL;
  g_autofree char *renderer = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree double *salvage_ms = NULL;
  g_autofree double *window_ms = NULL;
  g_autofree double *difference_ms = NULL;
  const char *renderer_asked = g_getenv ("GSK_RENDERER");
  int rounds = DEFAULT_ROUNDS;
  double salvage_median, window_median, difference_median;
  GOptionEntry entries[] = {
    { "rounds", 'n', 0, G_OPTION_ARG_INT, &rounds, "Rounds to time (default 15)", "N" },
    { NULL }
  };

  context = g_option_context_new ("[SALVAGE] - time Salvage's start beside a trivial window's");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (rounds < 1 || argc > 2)
    {
      g_printerr ("Usage: %s [--rounds N] [SALVAGE]\n", g_get_prgname ());
      return EXIT_FAILURE;
    }

  /* This bench is tests/bench/ of a build tree. */
  self_path = g_file_read_link ("/proc/self/exe", &error);
  if (self_path == NULL)
    g_error ("Where is this program? %s", error->message);
  bench_dir = g_path_get_dirname (self_path);
  {
    g_autofree char *tests_dir = g_path_get_dirname (bench_dir);

    build_root = g_path_get_dirname (tests_dir);
  }

  /* The children run in the temporary folder: the path must not depend
   * on this one's. */
  salvage = argc == 2 ? g_canonicalize_filename (argv[1], NULL)
                      : g_build_filename (build_root, "src", "salvage", NULL);
  window = g_build_filename (bench_dir, "bench-start-window", NULL);
  if (!g_file_test (salvage, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("No program at %s: build Salvage, or name it", salvage);
  if (!g_file_test (window, G_FILE_TEST_IS_EXECUTABLE))
    g_error ("No program at %s: build bench-start-window", window);

  home = g_dir_make_tmp ("salvage-bench-start-XXXXXX", &error);
  if (home == NULL)
    g_error ("Could not make a temporary folder: %s", error->message);
  envp = make_environment (home, build_root);

  salvage_ms = g_new0 (double, rounds);
  window_ms = g_new0 (double, rounds);
  difference_ms = g_new0 (double, rounds);

  {
    const char * const salvage_argv[] = { salvage, "--demo", NULL };
    const char * const window_argv[] = { window, NULL };

    printf ("Exec to first frame, %d rounds after one not counted (GSK_RENDERER=%s):\n",
            rounds, renderer_asked != NULL ? renderer_asked : "(unset)");
    printf ("  round   Salvage (demo's Projects rows)   trivial window   difference\n");
    fflush (stdout);

    /* Round -1 is not counted. */
    for (int i = -1; i < rounds; i++)
      {
        double s = start_once ("salvage", salvage_argv, envp, home, SIGTERM, &renderer);
        double w = start_once ("bench-start-window", window_argv, envp, home, SIGTERM, &renderer);

        if (i < 0)
          continue;

        salvage_ms[i] = s;
        window_ms[i] = w;
        difference_ms[i] = s - w;
        printf ("  %5d   %13.1f ms                 %9.1f ms   %7.1f ms\n", i + 1, s, w, s - w);
        fflush (stdout);
      }
  }

  remove_tree (home);

  salvage_median = bench_median (salvage_ms, rounds);
  window_median = bench_median (window_ms, rounds);
  difference_median = bench_median (difference_ms, rounds);

  printf ("Renderer: %s\n", renderer);
  printf ("  Salvage, to the demo's Projects rows  median %7.1f ms, best %7.1f ms\n",
          salvage_median, salvage_ms[0]);
  printf ("  trivial window, to its first frame    median %7.1f ms, best %7.1f ms\n",
          window_median, window_ms[0]);
  printf ("  difference of the medians             %7.1f ms\n", salvage_median - window_median);
  printf ("  median of the rounds' differences     %7.1f ms\n", difference_median);
  /* Judged by the rounds' differences: the two of a round ran under the
   * same load. */
  printf ("  Salvage is %swithin %.0f ms of the trivial window\n",
          difference_median <= TARGET_MS ? "" : "not ", TARGET_MS);

  return EXIT_SUCCESS;
}
