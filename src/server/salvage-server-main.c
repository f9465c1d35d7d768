/* salvage-server-main.c - `salvage-server`: the stand-in Roboflow API with a demo workspace
 *
 * Serves a seeded workspace on 127.0.0.1 until interrupted, for trying the
 * app, curl sessions and benchmarks against a known state, and, with
 * --fault, against the failures of the real service and the network.
 * It is a tool for development and the tests, and is not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib-unix.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "salvage-demo.h"
#include "salvage-server-fault.h"

static const char fault_help[] =
  "Faults (--fault, repeatable): METHOD:PATH:KIND[:OPTION…]\n"
  "  METHOD   GET, DELETE, POST, … or * for any\n"
  "  PATH     a glob on the path as sent, without the query (* matches / too);\n"
  "           empty or * for any\n"
  "  KIND     status=N      answer N with {\"error\": …} (default 500)\n"
  "           no-answer     read the request, never answer\n"
  "           reset         send the headers and part of the body, then reset\n"
  "           truncated     the real answer cut in half\n"
  "           not-json      an HTML error page\n"
  "           wrong-shape   JSON whose members have the wrong types\n"
  "           huge          claim and stream 100 MB\n"
  "           trickle       the real answer, a byte at a time\n"
  "           frozen        the first answer that succeeded, sent again as it was\n"
  "           none          answer normally\n"
  "  OPTION   count=N       strike N requests, then stop (default: all)\n"
  "           skip=N        let the first N matching requests through\n"
  "           status=N      the status of status, not-json, wrong-shape, huge\n"
  "           retry-after=S a Retry-After header (a 429 always has one)\n"
  "           interval=MS   between trickled bytes (10) or huge chunks (0)\n"
  "           commit        carry the request out anyway, losing only the answer\n"
  "           message=TEXT  the error text; takes the rest of the spec\n"
  "A faulted request is not carried out unless it is a trickle or has commit;\n"
  "frozen carries out the requests until the one whose answer it keeps.\n"
  "Examples:\n"
  "  --fault 'GET:/*/trash:status=500'\n"
  "  --fault 'POST:*/trash/restore:reset:count=1'\n"
  "  --fault 'DELETE::status=429:retry-after=5:message=Slow down'\n";

static gboolean
quit_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static gboolean
check_range (const char  *option,
             gint         value,
             gint         max,
             GError     **error)
{
  if (value < 0 || value > max)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s must be between 0 and %d", option, max);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(SalvageServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *key = NULL;
  g_autofree char *training_routes = NULL;
  g_auto(GStrv) faults = NULL;
  SalvageDemoSizes sizes;
  gint port = 0;
  gint projects, versions, workflows, trash;
  gint64 seed = 1;
  gint latency = 0;
  guint sigint_id, sigterm_id;
  const GOptionEntry entries[] = {
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port to listen on (0 picks a free one)", "N" },
    { "projects", 0, 0, G_OPTION_ARG_INT, &projects, "Live projects", "N" },
    { "versions", 0, 0, G_OPTION_ARG_INT, &versions, "Most versions per project", "N" },
    { "workflows", 0, 0, G_OPTION_ARG_INT, &workflows, "Live workflows", "N" },
    { "trash", 0, 0, G_OPTION_ARG_INT, &trash, "Items in the Trash", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the demo data", "N" },
    { "latency", 0, 0, G_OPTION_ARG_INT, &latency, "Delay before every answer", "MS" },
    { "workspace", 0, 0, G_OPTION_ARG_STRING, &workspace, "Workspace slug", "SLUG" },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, "API key of the workspace", "KEY" },
    { "training-routes", 0, 0, G_OPTION_ARG_STRING, &training_routes,
      "Routes that delete and restore trainings: delete (DELETE …/v2/trainings/ID, "
      "the default) or post (POST …/v2/trainings/delete and …/restore)", "DESIGN" },
    { "fault", 0, 0, G_OPTION_ARG_STRING_ARRAY, &faults, "Fail matching requests (see below)",
      "SPEC" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  salvage_demo_sizes_init_default (&sizes);
  projects = (gint) sizes.n_projects;
  versions = (gint) sizes.max_versions;
  workflows = (gint) sizes.n_workflows;
  trash = (gint) sizes.n_trash;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Serves a demo workspace over a local stand-in of the "
                                "Roboflow API.");
  g_option_context_set_description (context, fault_help);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (!check_range ("--port", port, G_MAXUINT16, &error) ||
      !check_range ("--projects", projects, 1000000, &error) ||
      !check_range ("--versions", versions, 100000, &error) ||
      !check_range ("--workflows", workflows, 1000000, &error) ||
      !check_range ("--trash", trash, 10000000, &error) ||
      !check_range ("--latency", latency, 600000, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  if (seed < 0 || seed > G_MAXUINT32)
    {
      g_printerr ("--seed must be between 0 and %u\n", G_MAXUINT32);
      return EXIT_FAILURE;
    }

  if (workspace == NULL)
    workspace = g_strdup (SALVAGE_DEMO_WORKSPACE);
  if (key == NULL)
    key = g_strdup (SALVAGE_DEMO_API_KEY);

  if (workspace[0] == '\0' || strchr (workspace, '/') != NULL || key[0] == '\0')
    {
      g_printerr ("The workspace slug and the key must be non-empty, without “/”.\n");
      return EXIT_FAILURE;
    }

  sizes.n_projects = (guint) projects;
  sizes.max_versions = (guint) versions;
  sizes.n_workflows = (guint) workflows;
  sizes.n_trash = (guint) trash;

  server = salvage_server_new ();
  salvage_demo_seed (server, workspace, key, &sizes, (guint32) seed);
  salvage_server_set_latency (server, (guint) latency);

  if (training_routes != NULL)
    {
      g_autoptr(GEnumClass) routes_class = g_type_class_ref (SALVAGE_TYPE_SERVER_TRAINING_ROUTES);
      GEnumValue *routes = g_enum_get_value_by_nick (routes_class, training_routes);

      if (routes == NULL)
        {
          g_printerr ("--training-routes must be delete or post\n");
          return EXIT_FAILURE;
        }

      salvage_server_set_training_routes (server, routes->value);
    }

  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    {
      if (salvage_server_add_fault_spec (server, faults[i], &error) == 0)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
    }

  if (!salvage_server_listen (server, (guint) port, &error))
    {
      g_printerr ("Cannot listen on 127.0.0.1:%d: %s\n", port, error->message);
      return EXIT_FAILURE;
    }

  /* A local demo key: printing it is the point of this program. */
  g_print ("Serving workspace %s at %s\n", workspace, salvage_server_get_url (server));
  g_print ("API key: %s\n", key);
  g_print ("Try: curl '%s/%s?api_key=%s'\n", salvage_server_get_url (server), workspace, key);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  return EXIT_SUCCESS;
}
