/* bench-background.c - how small `salvage --background` stays between its checks
 *
 * Starts `salvage --background` (default: src/salvage of the build tree
 * this bench is in; another program may be given as the argument) five
 * times, each in a throwaway configuration naming one workspace of a
 * stand-in server in this process, whose Trash holds an entry a day from
 * its cleanup, with its key in the keyring. Each waits for the check to
 * ask the server for the Trash, then 3 s more, and reads the process's
 * resident size (VmRSS) and whether a GL or Vulkan driver is mapped.
 * It prints the median, least and most, against the target of 60 MB.
 *
 * Run it with a display, a session bus and a throwaway keyring:
 *
 *   xvfb-run -a dbus-run-session -- tests/run-with-keyring.sh _build/tests/bench/bench-background
 *
 * It is not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "salvage-secrets.h"
#include "salvage-server.h"

#include "bench-util.h"

#define WS "acme-vision"
#define KEY "bench-key-Bg7Lq2Wm"
#define RUNS 5
#define TARGET_MB 60.0
#define SETTLE_USEC (3 * G_USEC_PER_SEC)
#define LIMIT_USEC (30 * G_USEC_PER_SEC)

static void
got_result_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
spin_until (gint64 end)
{
  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (10000);
    }
}

/* A line of /proc/PID/status, in kB, or -1. */
static gint64
status_kb (GPid        pid,
           const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, field);
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Whether a GL or Vulkan driver is mapped into @pid (the loaders GTK
 * links with do not count: they are loaded whatever the renderer). */
static gboolean
maps_drivers (GPid pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/maps", pid);
  g_autofree char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return FALSE;

  return strstr (contents, "libgallium") != NULL || strstr (contents, "_dri.so") != NULL ||
         strstr (contents, "libGLX_mesa") != NULL || strstr (contents, "libEGL_mesa") != NULL ||
         strstr (contents, "libvulkan_") != NULL;
}

static char *
default_program (void)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *bench_dir = NULL;
  g_autofree char *tests_dir = NULL;
  g_autofree char *build_root = NULL;

  if (self_path == NULL)
    g_error ("Cannot tell where this program is: give the program to run");

  bench_dir = g_path_get_dirname (self_path);
  tests_dir = g_path_get_dirname (bench_dir);
  build_root = g_path_get_dirname (tests_dir);
  return g_build_filename (build_root, "src", "salvage", NULL);
}

/* One background instance: its resident size in MB once idle after its
 * first check, and in @drivers whether it mapped a GL or Vulkan driver. */
static double
measure_once (const char    *program,
              SalvageServer *server,
              gboolean      *drivers)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_dir_make_tmp ("salvage-bench-bg-XXXXXX", &error);
  g_autofree char *settings_dir = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *schema_dir = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *argv[] = { program, "--background", NULL };
  guint requests;
  gint64 limit;
  gint64 kb;
  GPid pid;

  g_assert_no_error (error);
  settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  contents = g_strdup_printf ("[io/github/salvage/Salvage]\naccounts=[('%s', '%s', 'Acme Vision')]\n",
                              salvage_server_get_url (server), WS);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));

  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  envp = g_environ_setenv (envp, "XDG_STATE_HOME", config, TRUE);
  /* The schema of the build tree, beside the program. */
  {
    g_autofree char *src = g_path_get_dirname (program);
    g_autofree char *root = g_path_get_dirname (src);

    schema_dir = g_build_filename (root, "data", NULL);
    if (g_file_test (schema_dir, G_FILE_TEST_IS_DIR))
      envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
  }

  requests = salvage_server_get_request_count (server);
  if (!g_spawn_async (NULL, (char **) argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
    g_error ("Could not start %s: %s", program, error->message);

  /* The check asks for the workspace's Trash: then it is done soon. */
  limit = g_get_monotonic_time () + LIMIT_USEC;
  while (salvage_server_get_request_count (server) == requests)
    {
      if (g_get_monotonic_time () > limit)
        g_error ("salvage --background asked nothing of the server within %d s",
                 (int) (LIMIT_USEC / G_USEC_PER_SEC));
      spin_until (g_get_monotonic_time () + 10000);
    }
  spin_until (g_get_monotonic_time () + SETTLE_USEC);

  kb = status_kb (pid, "VmRSS:");
  *drivers = maps_drivers (pid);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);

  {
    g_autofree char *salvage = g_build_filename (config, "salvage", "cleanup-warnings", NULL);
    g_autofree char *autostart = g_build_filename (config, "autostart",
                                                   "io.github.salvage.Salvage.desktop", NULL);
    g_autofree char *salvage_dir = g_path_get_dirname (salvage);
    g_autofree char *autostart_dir = g_path_get_dirname (autostart);
    g_autofree char *glib_dir = g_path_get_dirname (settings_dir);

    g_remove (salvage);
    g_rmdir (salvage_dir);
    g_remove (autostart);
    g_rmdir (autostart_dir);
    g_remove (keyfile);
    g_rmdir (settings_dir);
    g_rmdir (glib_dir);
    g_rmdir (config);
  }

  if (kb <= 0)
    g_error ("salvage --background had ended before it was measured");

  return kb / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *program = argc > 1 ? g_strdup (argv[1]) : default_program ();
  g_autoptr(SalvageServer) server = salvage_server_new ();
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  double mb[RUNS];
  gboolean any_drivers = FALSE;
  gint64 now;

  if (g_getenv ("SALVAGE_TEST_KEYRING") == NULL)
    {
      g_printerr ("Run it through tests/run-with-keyring.sh, in a session bus and with a display\n");
      return EXIT_FAILURE;
    }

  salvage_server_add_workspace (server, WS, "Acme Vision");
  salvage_server_add_key (server, KEY, WS);
  g_assert_nonnull (salvage_server_add_project (server, WS, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS, "pcb", 1, "raw", 120));
  now = g_get_real_time ();
  salvage_server_set_time (server, now);
  g_assert_true (salvage_server_trash (server, WS, "version", "pcb/1",
                                       now - 29 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR, "Mei Tanaka"));
  if (!salvage_server_listen (server, 0, &error))
    g_error ("The stand-in could not listen: %s", error->message);

  salvage_secrets_store_async (salvage_server_get_url (server), WS, "Acme Vision", KEY, NULL,
                               got_result_cb, &stored);
  while (stored == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!salvage_secrets_store_finish (stored, &error))
    g_error ("Could not keep the key in the keyring: %s", error->message);

  for (guint i = 0; i < RUNS; i++)
    {
      gboolean drivers = FALSE;

      mb[i] = measure_once (program, server, &drivers);
      any_drivers |= drivers;
    }

  {
    double median = bench_median (mb, RUNS);

    printf ("salvage --background, idle 3 s after its check, median of %u processes:\n"
            "  %.1f MB resident (%.1f–%.1f), target %.0f MB: %s\n"
            "  GL or Vulkan driver mapped: %s\n",
            RUNS, median, mb[0], mb[RUNS - 1], TARGET_MB, median <= TARGET_MB ? "met" : "missed",
            any_drivers ? "yes" : "no");
  }

  return EXIT_SUCCESS;
}
