/* bench-plan.c - how long planning the restore of a large Trash takes
 *
 * Fills a stand-in server with the demo workspace and a Trash of 10,000
 * and 100,000 entries, loads it into a SalvageWorkspace over 127.0.0.1,
 * then times salvage_workspace_dup_restore_plan_many() for the whole Trash
 * (Restore All) and for its versions and trainings (a selection whose
 * parents must be found), next to one salvage_workspace_dup_restore_plan()
 * (what planning item by item costs, per item). It is not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "salvage-demo.h"
#include "salvage-server.h"
#include "salvage-workspace.h"

#include "bench-util.h"

#define RUNS 5

static const guint sizes[] = { 10000, 100000 };

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static SalvageWorkspace *
load_workspace (SalvageServer *server,
                guint          n_trash)
{
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(SalvageWorkspace) workspace = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  SalvageDemoSizes demo_sizes;

  salvage_demo_sizes_init_default (&demo_sizes);
  demo_sizes.n_trash = n_trash;
  /* Enough projects that versions spread over many parents. */
  demo_sizes.n_projects = MAX (demo_sizes.n_projects, n_trash / 50);
  salvage_demo_seed (server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &demo_sizes, 7);

  client = salvage_client_new (salvage_server_get_url (server), SALVAGE_DEMO_API_KEY, &error);
  if (client == NULL)
    g_error ("No client: %s", error->message);
  salvage_client_set_workspace (client, SALVAGE_DEMO_WORKSPACE);

  workspace = salvage_workspace_new (client);
  salvage_workspace_refresh_async (workspace, NULL, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (!salvage_workspace_refresh_finish (workspace, result, &error))
    g_error ("Could not load the workspace: %s", error->message);

  return g_steal_pointer (&workspace);
}

typedef GPtrArray *(*PlanRun) (SalvageWorkspace *workspace,
                               GPtrArray        *items);

static GPtrArray *
run_plan_many (SalvageWorkspace *workspace,
               GPtrArray        *items)
{
  return salvage_workspace_dup_restore_plan_many (workspace, items);
}

static GPtrArray *
run_plan_one (SalvageWorkspace *workspace,
              GPtrArray        *items)
{
  return salvage_workspace_dup_restore_plan (workspace, g_ptr_array_index (items, 0));
}

static void
measure (const char       *label,
         PlanRun           run,
         SalvageWorkspace *workspace,
         GPtrArray        *items)
{
  double wall[RUNS];
  double cpu[RUNS];
  guint n_trash = g_list_model_get_n_items (salvage_workspace_get_trash (workspace));
  guint planned = 0;
  double wall_median;
  double cpu_median;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) plan = NULL;
      gint64 start = g_get_monotonic_time ();
      double cpu_start = bench_thread_cpu_ms ();

      plan = run (workspace, items);

      wall[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu[r] = bench_thread_cpu_ms () - cpu_start;
      planned = plan->len;
    }

  wall_median = bench_median (wall, RUNS);
  cpu_median = bench_median (cpu, RUNS);
  g_print ("%-28s %8u %8u %8u %9.2f %8.2f %8.2f\n",
           label, n_trash, items->len, planned, wall_median, wall[0], cpu_median);
}

int
main (int   argc,
      char *argv[])
{
  g_print ("%-28s %8s %8s %8s %9s %8s %8s\n",
           "", "trash", "asked", "planned", "median ms", "min ms", "CPU ms");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(SalvageServer) server = salvage_server_new ();
      g_autoptr(SalvageWorkspace) workspace = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GError) error = NULL;
      GListModel *trash;
      guint n_items;

      if (!salvage_server_listen (server, 0, &error))
        g_error ("The server cannot listen: %s", error->message);

      workspace = load_workspace (server, sizes[s]);
      trash = salvage_workspace_get_trash (workspace);
      n_items = g_list_model_get_n_items (trash);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
          SalvageTrashKind kind = salvage_trash_item_get_kind (item);

          if (!salvage_trash_item_get_restorable (item))
            continue;

          if (kind == SALVAGE_TRASH_KIND_VERSION || kind == SALVAGE_TRASH_KIND_TRAINING)
            g_ptr_array_add (children, g_object_ref (item));
          g_ptr_array_add (all, g_steal_pointer (&item));
        }

      if (children->len == 0)
        g_error ("The demo Trash holds no versions or trainings");

      measure ("plan_many, whole Trash", run_plan_many, workspace, all);
      measure ("plan_many, versions+trainings", run_plan_many, workspace, children);
      measure ("dup_restore_plan, one item", run_plan_one, workspace, children);
    }

  g_print ("\ntrash: entries in the Trash; asked: items planned for; planned: entries in\n"
           "the plan (with the parents found). median/min: wall clock over %u runs;\n"
           "CPU ms: median thread CPU time. Planning item by item would cost about\n"
           "\"asked\" times the one-item figure.\n", RUNS);

  return EXIT_SUCCESS;
}
