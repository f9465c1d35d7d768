/* salvage-demo.c - a deterministic, realistic workspace for the stand-in server
 *
 * Everything random comes from one GRand seeded by the caller, and every
 * date is relative to the server's clock, so one seed always gives the same
 * workspace. The Trash holds every kind of item, including a version whose
 * project was deleted after it, with deletion dates spread over the whole
 * 30 days so that the days left run from under one to thirty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-demo.h"
#include "salvage-server-private.h"

typedef struct
{
  const char *name;
  const char *type;
  const char *annotation;
  const char *classes[6];      /* NULL-terminated */
} DemoProjectKind;

static const DemoProjectKind project_kinds[] = {
  { "Hard Hat Detection", "object-detection", "workers", { "helmet", "head", "person" } },
  { "PCB Defects", "object-detection", "defects",
    { "short", "open", "spur", "mouse-bite", "spurious-copper" } },
  { "Forklift Safety", "object-detection", "vehicles", { "forklift", "person", "pallet" } },
  { "Retail Shelf Monitoring", "object-detection", "products",
    { "product", "empty-slot", "price-tag" } },
  { "Solar Panel Inspection", "instance-segmentation", "panels",
    { "panel", "crack", "hotspot", "soiling" } },
  { "Weld Seam Defects", "object-detection", "welds",
    { "porosity", "undercut", "spatter", "crack" } },
  { "License Plates", "object-detection", "plates", { "license-plate" } },
  { "Fruit Ripeness", "single-label-classification", "fruit", { "unripe", "ripe", "overripe" } },
  { "Parking Occupancy", "object-detection", "spaces", { "occupied", "empty" } },
  { "Wind Turbine Blades", "instance-segmentation", "blades",
    { "erosion", "crack", "lightning-damage" } },
  { "Drone Crop Health", "semantic-segmentation", "fields",
    { "healthy", "stressed", "weeds", "bare-soil" } },
  { "Warehouse Pallets", "object-detection", "pallets", { "pallet", "box", "wrapped-pallet" } },
  { "Traffic Signs", "object-detection", "signs",
    { "stop", "yield", "speed-limit", "no-entry", "crossing" } },
  { "Concrete Cracks", "instance-segmentation", "cracks", { "crack", "spalling" } },
  { "Fish Species", "multi-label-classification", "fish",
    { "salmon", "cod", "mackerel", "herring" } },
  { "Pill Counting", "object-detection", "pills", { "pill", "capsule" } },
  { "Bottle Cap Inspection", "object-detection", "caps",
    { "cap-ok", "cap-missing", "cap-tilted" } },
  { "Pothole Detection", "object-detection", "road", { "pothole", "manhole" } },
  { "Bird Species", "single-label-classification", "birds",
    { "sparrow", "robin", "blue-tit", "magpie", "crow" } },
  { "Hand Gestures", "keypoint-detection", "hands", { "hand" } },
  { "Food Waste Sorting", "object-detection", "waste", { "organic", "plastic", "paper", "glass" } },
  { "Shipping Containers", "object-detection", "containers", { "container", "container-id" } },
  { "Cell Segmentation", "instance-segmentation", "cells", { "cell", "nucleus" } },
  { "Sports Player Tracking", "object-detection", "players", { "player", "ball", "referee" } },
  { "Wildlife Camera Traps", "object-detection", "animals", { "deer", "fox", "boar", "badger" } },
};

static const char * const version_names[] = {
  "augmented-640x640", "resized-640x640", "augmented-416x416", "grayscale-640x640",
  "tiled-1024x1024", "augmented-1280x1280", "night-only-640x640", "cleaned-labels",
  "balanced-classes", "resized-320x320",
};

static const char * const workflow_names[] = {
  "Hard Hat Alerts", "PCB Line QA", "Shelf Gap Finder", "Plate Reader", "Parking Counter",
  "Crack Severity", "Slow Webhooks", "Blur Faces", "Pallet Counter", "Weld Inspector",
  "Night Shift Monitor", "Crop Stress Map",
};

/* The first is the owner of the keys, in whose name the server records
 * deletes made through the API. */
static const char * const deleter_names[] = {
  "Alex Morgan", "Priya Raman", "Jonas Weber", "Mei Tanaka", "Carlos Mendes",
};

typedef enum
{
  TRASH_PROJECT,
  TRASH_VERSION,
  TRASH_WORKFLOW,
  TRASH_TRAINING,
} TrashKind;

typedef struct
{
  TrashKind  kind;
  char      *path;        /* as salvage_server_trash() takes it */
  gpointer   record;
  gint64     deleted_at;
  guint      order;       /* when it was planned, to break ties */
} PlannedTrash;

typedef struct
{
  SalvageServer          *server;
  SalvageServerWorkspace *workspace;
  const char             *ws;
  GRand                  *rand;
  gint64                  now;
  GArray                 *trash;          /* (element-type PlannedTrash) */
  GHashTable             *planned;        /* the records in @trash */
  GPtrArray              *live_projects;
  GPtrArray              *trashed_projects;
  SalvageServerVersion   *orphan_version; /* trashed before its project was */
} Demo;

static void
planned_trash_clear (gpointer data)
{
  PlannedTrash *planned = data;

  g_free (planned->path);
}

void
salvage_demo_sizes_init_default (SalvageDemoSizes *sizes)
{
  g_return_if_fail (sizes != NULL);

  sizes->n_projects = 12;
  sizes->max_versions = 6;
  sizes->n_workflows = 6;
  sizes->n_trash = 15;
}

static gint64
random_span (Demo   *demo,
             gint64  low,
             gint64  high)
{
  if (high <= low)
    return low;

  return low + (gint64) (g_rand_double (demo->rand) * (double) (high - low));
}

static char *
slugify (const char *name)
{
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = name; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  return g_string_free (slug, FALSE);
}

/* "Hard Hat Detection", then "Hard Hat Detection 2" once the list is used up. */
static char *
numbered_name (const char *base,
               guint       index,
               guint       n_names)
{
  guint round = index / n_names;

  if (round == 0)
    return g_strdup (base);

  return g_strdup_printf ("%s %u", base, round + 1);
}

static void
plan_trash (Demo      *demo,
            TrashKind  kind,
            char      *path,
            gpointer   record)
{
  PlannedTrash planned = { kind, path, record, 0, demo->trash->len };

  g_array_append_val (demo->trash, planned);
  g_hash_table_add (demo->planned, record);
}

static SalvageServerProject *
make_project (Demo  *demo,
              guint  index)
{
  const DemoProjectKind *kind = &project_kinds[index % G_N_ELEMENTS (project_kinds)];
  g_autofree char *name = numbered_name (kind->name, index, G_N_ELEMENTS (project_kinds));
  g_autofree char *slug = slugify (name);
  gint64 counts[G_N_ELEMENTS (kind->classes)] = { 0, };
  SalvageServerProject *project;
  gint64 images;

  images = g_rand_int_range (demo->rand, 120, 25000);
  if (salvage_server_add_project (demo->server, demo->ws, slug, name, kind->type, images) == NULL)
    return NULL;

  project = salvage_server_workspace_lookup_project (demo->workspace, slug);

  for (guint i = 0; i < G_N_ELEMENTS (kind->classes) && kind->classes[i] != NULL; i++)
    counts[i] = g_rand_int_range (demo->rand, 40, (gint32) MAX (images * 3, 41));
  salvage_server_project_set_classes (project, kind->classes, counts);

  g_free (project->annotation);
  project->annotation = g_strdup (kind->annotation);
  project->unannotated = images * g_rand_int_range (demo->rand, 0, 9) / 100;
  project->is_public = g_rand_int_range (demo->rand, 0, 10) == 0;
  project->cleanup_delete_images = g_rand_int_range (demo->rand, 0, 5) != 0;
  project->created = demo->now - random_span (demo, 60 * G_TIME_SPAN_DAY, 720 * G_TIME_SPAN_DAY);
  project->updated = demo->now - random_span (demo, G_TIME_SPAN_HOUR, 20 * G_TIME_SPAN_DAY);

  return project;
}

/* Makes @n_live live versions and @n_trashed versions planned for the Trash,
 * the trashed numbers mixed among the live ones. */
static void
make_versions (Demo                 *demo,
               SalvageServerProject *project,
               guint                 n_live,
               guint                 n_trashed)
{
  guint total = n_live + n_trashed;
  guint trashed_left = n_trashed;
  gint64 span = project->updated - project->created;

  for (guint number = 1; number <= total; number++)
    {
      g_autofree char *full_id = NULL;
      SalvageServerVersion *version;
      const char *name;
      gint64 images = project->images;
      gboolean trashed;

      /* Each remaining number is trashed with the odds that leave exactly
       * @n_trashed of them. */
      trashed = trashed_left > 0 &&
                (guint) g_rand_int_range (demo->rand, 0, (gint32) (total - number + 1))
                < trashed_left;

      if (number == 1)
        name = "raw";
      else
        name = version_names[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (version_names))];

      if (g_str_has_prefix (name, "augmented"))
        images *= 3;

      if (salvage_server_add_version (demo->server, demo->ws, project->slug, number, name,
                                      images) == NULL)
        continue;

      version = salvage_server_project_lookup_version (project, number);
      version->created = project->created + span * number / (total + 1);

      if (trashed)
        {
          trashed_left--;
          plan_trash (demo, TRASH_VERSION,
                      g_strdup_printf ("%s/%u", project->slug, number), version);
        }
    }
}

static SalvageServerTraining *
make_training (Demo                 *demo,
               SalvageServerVersion *version,
               const char           *status)
{
  static const char * const detection_models[] = {
    "rfdetr-base", "rfdetr-nano", "rfdetr-large", "yolov11s", "yolov11n", "yolov8m",
  };
  SalvageServerProject *project = version->project;
  SalvageServerTraining *training;
  const char *model_type;
  const char *id;

  if (strstr (project->type, "classification") != NULL)
    model_type = "vit-classification";
  else if (strstr (project->type, "segmentation") != NULL)
    model_type = "yolov8n-seg";
  else
    model_type = detection_models[g_rand_int_range (demo->rand, 0,
                                                    G_N_ELEMENTS (detection_models))];

  id = salvage_server_add_training (demo->server, demo->ws, project->slug, version->number,
                                    status, model_type);
  if (id == NULL)
    return NULL;

  training = salvage_server_workspace_lookup_training (demo->workspace, id);
  training->started = version->created + random_span (demo, G_TIME_SPAN_MINUTE * 5,
                                                       G_TIME_SPAN_HOUR * 6);
  if (g_str_equal (status, "queued"))
    training->started = 0;
  else if (g_str_equal (status, "running"))
    training->started = demo->now - random_span (demo, G_TIME_SPAN_MINUTE * 10,
                                                 G_TIME_SPAN_HOUR * 2);
  else
    {
      training->ended = training->started + random_span (demo, G_TIME_SPAN_MINUTE * 20,
                                                         G_TIME_SPAN_HOUR * 9);
      /* Never in the future. */
      if (training->ended > demo->now - G_TIME_SPAN_MINUTE)
        {
          training->started -= training->ended - (demo->now - G_TIME_SPAN_MINUTE);
          training->ended = demo->now - G_TIME_SPAN_MINUTE;
        }
    }

  return training;
}

static SalvageServerWorkflow *
make_workflow (Demo  *demo,
               guint  index)
{
  g_autofree char *name = numbered_name (workflow_names[index % G_N_ELEMENTS (workflow_names)],
                                         index, G_N_ELEMENTS (workflow_names));
  g_autofree char *url = slugify (name);
  SalvageServerWorkflow *workflow;

  if (salvage_server_add_workflow (demo->server, demo->ws, url, name) == NULL)
    return NULL;

  workflow = salvage_server_workspace_lookup_workflow (demo->workspace, url);
  workflow->created = demo->now - random_span (demo, 40 * G_TIME_SPAN_DAY, 400 * G_TIME_SPAN_DAY);
  workflow->block_count = g_rand_int_range (demo->rand, 2, 14);

  return workflow;
}

static gboolean
is_planned (Demo     *demo,
            gpointer  record)
{
  return g_hash_table_contains (demo->planned, record);
}

/* The newest version that stays live, after skipping @skip of them. */
static SalvageServerVersion *
latest_live_version (Demo                 *demo,
                     SalvageServerProject *project,
                     guint                 skip)
{
  for (guint i = project->versions->len; i > 0; i--)
    {
      SalvageServerVersion *version = g_ptr_array_index (project->versions, i - 1);

      if (!is_planned (demo, version) && skip-- == 0)
        return version;
    }

  return NULL;
}

/* Deletion dates: evenly spread over the 30 days, the newest a few minutes
 * old (30 days left) and the oldest due within the day. */
static void
assign_dates (Demo *demo)
{
  guint n = demo->trash->len;
  gint64 newest = 10 * G_TIME_SPAN_MINUTE;
  gint64 oldest = SALVAGE_SERVER_RETENTION - 7 * G_TIME_SPAN_HOUR;

  /* Shuffle, so that kinds and dates are not in step. */
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (demo->rand, 0, (gint32) i);
      PlannedTrash *a = &g_array_index (demo->trash, PlannedTrash, i - 1);
      PlannedTrash *b = &g_array_index (demo->trash, PlannedTrash, j);
      PlannedTrash swap = *a;

      *a = *b;
      *b = swap;
    }

  for (guint i = 0; i < n; i++)
    {
      PlannedTrash *planned = &g_array_index (demo->trash, PlannedTrash, i);
      double position = n > 1 ? (double) i / (n - 1) : 0.5;
      gint64 age;

      /* A little jitter inside the slot, never past either end. */
      if (n > 2 && i > 0 && i < n - 1)
        position += (g_rand_double (demo->rand) - 0.5) / (n - 1);

      age = newest + (gint64) (position * (double) (oldest - newest));
      planned->deleted_at = demo->now - age;
    }
}

/* A record must exist before it is deleted, and a trashed training must
 * have ended by then. */
static void
fix_history (PlannedTrash *planned)
{
  gint64 before = planned->deleted_at - G_TIME_SPAN_HOUR;

  switch (planned->kind)
    {
    case TRASH_PROJECT:
      {
        SalvageServerProject *project = planned->record;

        project->updated = MIN (project->updated, before);
        project->created = MIN (project->created, project->updated - G_TIME_SPAN_DAY);
        for (guint i = 0; i < project->versions->len; i++)
          {
            SalvageServerVersion *version = g_ptr_array_index (project->versions, i);

            version->created = MIN (version->created, project->updated);
          }
      }
      break;

    case TRASH_VERSION:
      {
        SalvageServerVersion *version = planned->record;

        version->created = MIN (version->created, before);
      }
      break;

    case TRASH_WORKFLOW:
      {
        SalvageServerWorkflow *workflow = planned->record;

        workflow->created = MIN (workflow->created, before);
      }
      break;

    case TRASH_TRAINING:
      {
        SalvageServerTraining *training = planned->record;

        if (training->ended > before)
          {
            gint64 length = training->ended - training->started;

            training->ended = before;
            training->started = before - length;
          }
        training->version->created = MIN (training->version->created,
                                          training->started - G_TIME_SPAN_HOUR);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
planned_trash_compare_kind (gconstpointer a,
                            gconstpointer b)
{
  const PlannedTrash *planned_a = a;
  const PlannedTrash *planned_b = b;
  /* Children before their parents: a project in the Trash hides its versions. */
  static const int rank[] = { [TRASH_TRAINING] = 0, [TRASH_VERSION] = 1,
                              [TRASH_PROJECT] = 2, [TRASH_WORKFLOW] = 3 };

  if (planned_a->kind != planned_b->kind)
    return rank[planned_a->kind] - rank[planned_b->kind];

  return planned_a->order < planned_b->order ? -1 : planned_a->order > planned_b->order;
}

/* Projects: the live ones first, then those bound for the Trash, so that
 * names keep their numbering across both. */
static void
seed_projects (Demo                   *demo,
               const SalvageDemoSizes *sizes,
               guint                   n_trashed)
{
  for (guint i = 0; i < sizes->n_projects; i++)
    {
      SalvageServerProject *project = make_project (demo, i);

      if (project != NULL)
        g_ptr_array_add (demo->live_projects, project);
    }

  for (guint i = 0; i < n_trashed; i++)
    {
      SalvageServerProject *project = make_project (demo, sizes->n_projects + i);

      if (project == NULL)
        continue;

      g_ptr_array_add (demo->trashed_projects, project);
      plan_trash (demo, TRASH_PROJECT, g_strdup (project->slug), project);
    }
}

/* Versions: the live ones, the trashed ones spread over the live projects,
 * and hidden ones inside trashed projects. The first trashed project also
 * gets a version deleted on its own before it, which stays in the Trash
 * beside its parent. */
static void
seed_versions (Demo  *demo,
               guint  max_versions,
               guint  n_trashed_total)
{
  GPtrArray *live = demo->live_projects;
  gboolean orphan = n_trashed_total > 0 && live->len > 0 && demo->trashed_projects->len > 0;

  for (guint i = 0; i < live->len; i++)
    {
      guint n_live = g_rand_int_range (demo->rand, 1, (gint32) max_versions + 1);
      guint n_trashed = n_trashed_total / live->len + (i < n_trashed_total % live->len ? 1 : 0);

      /* The first project always gets one, so it can spare it for the orphan. */
      if (i == 0 && orphan)
        n_trashed--;

      make_versions (demo, g_ptr_array_index (live, i), n_live, n_trashed);
    }

  for (guint i = 0; i < demo->trashed_projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (demo->trashed_projects, i);
      gboolean with_orphan = orphan && i == 0;

      make_versions (demo, project, g_rand_int_range (demo->rand, 1, 3), with_orphan ? 1 : 0);
      if (with_orphan)
        demo->orphan_version = g_array_index (demo->trash, PlannedTrash,
                                              demo->trash->len - 1).record;
    }
}

/* Trainings on live versions: mostly finished runs, the newest versions of
 * the first two projects busy (one running, one queued), one failed run;
 * and @n_trashed finished or failed runs bound for the Trash. */
static void
seed_trainings (Demo  *demo,
                guint  n_trashed)
{
  GPtrArray *live = demo->live_projects;
  guint n_trained = 0;

  for (guint i = 0; i < live->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (live, i);

      for (guint v = 0; v < project->versions->len; v++)
        {
          SalvageServerVersion *version = g_ptr_array_index (project->versions, v);

          if (!is_planned (demo, version) && g_rand_int_range (demo->rand, 0, 2) == 0)
            {
              make_training (demo, version, n_trained == 2 ? "failed" : "finished");
              n_trained++;
            }
        }
    }

  for (guint i = 0; i < MIN (live->len, 2); i++)
    {
      SalvageServerVersion *version = latest_live_version (demo, g_ptr_array_index (live, i), 0);

      if (version != NULL)
        make_training (demo, version, i == 0 ? "running" : "queued");
    }

  for (guint i = 0; i < n_trashed && live->len > 0; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (live, i % live->len);
      guint skip = i / live->len % 2;
      SalvageServerVersion *version = latest_live_version (demo, project, skip);
      SalvageServerTraining *training;

      if (version == NULL)
        version = latest_live_version (demo, project, 0);
      if (version == NULL)
        continue;

      training = make_training (demo, version, i % 5 == 3 ? "failed" : "finished");
      if (training != NULL)
        plan_trash (demo, TRASH_TRAINING,
                    g_strdup_printf ("%s/%u/%s", project->slug, version->number, training->id),
                    training);
    }
}

static void
seed_workflows (Demo                   *demo,
                const SalvageDemoSizes *sizes,
                guint                   n_trashed)
{
  for (guint i = 0; i < sizes->n_workflows + n_trashed; i++)
    {
      SalvageServerWorkflow *workflow = make_workflow (demo, i);

      if (workflow != NULL && i >= sizes->n_workflows)
        plan_trash (demo, TRASH_WORKFLOW, g_strdup (workflow->url), workflow);
    }
}

/* The orphan version must have gone to the Trash before its project. */
static void
order_orphan (Demo *demo)
{
  PlannedTrash *version_entry = NULL;
  PlannedTrash *project_entry = NULL;

  if (demo->orphan_version == NULL)
    return;

  for (guint i = 0; i < demo->trash->len; i++)
    {
      PlannedTrash *planned = &g_array_index (demo->trash, PlannedTrash, i);

      if (planned->record == demo->orphan_version)
        version_entry = planned;
      else if (planned->record == demo->orphan_version->project)
        project_entry = planned;
    }

  if (version_entry != NULL && project_entry != NULL &&
      version_entry->deleted_at > project_entry->deleted_at)
    {
      gint64 swap = version_entry->deleted_at;

      version_entry->deleted_at = project_entry->deleted_at;
      project_entry->deleted_at = swap;
    }
}

static void
apply_trash (Demo *demo)
{
  static const char * const kinds[] = {
    [TRASH_PROJECT] = "project", [TRASH_VERSION] = "version",
    [TRASH_WORKFLOW] = "workflow", [TRASH_TRAINING] = "training",
  };

  g_array_sort (demo->trash, planned_trash_compare_kind);

  for (guint i = 0; i < demo->trash->len; i++)
    {
      PlannedTrash *planned = &g_array_index (demo->trash, PlannedTrash, i);
      guint deleter = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (deleter_names));

      fix_history (planned);
      salvage_server_trash (demo->server, demo->ws, kinds[planned->kind], planned->path,
                            planned->deleted_at, deleter_names[deleter]);
    }
}

void
salvage_demo_seed (SalvageServer          *server,
                   const char             *ws,
                   const char             *api_key,
                   const SalvageDemoSizes *sizes,
                   guint32                 seed)
{
  g_autoptr(GPtrArray) live_projects = g_ptr_array_new ();
  g_autoptr(GPtrArray) trashed_projects = g_ptr_array_new ();
  g_autoptr(GArray) trash = g_array_new (FALSE, TRUE, sizeof (PlannedTrash));
  g_autoptr(GHashTable) planned = g_hash_table_new (NULL, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  Demo demo = { 0, };
  guint n_trash_projects, n_trash_versions, n_trash_workflows, n_trash_trainings;

  g_return_if_fail (SALVAGE_IS_SERVER (server));
  g_return_if_fail (ws != NULL);
  g_return_if_fail (api_key != NULL);
  g_return_if_fail (sizes != NULL);

  g_array_set_clear_func (trash, planned_trash_clear);

  if (salvage_server_lookup_workspace (server, ws) == NULL)
    {
      /* "acme-vision" → "Acme Vision" */
      g_auto(GStrv) words = g_strsplit (ws, "-", -1);
      g_autofree char *name = NULL;

      for (guint i = 0; words[i] != NULL; i++)
        words[i][0] = g_ascii_toupper (words[i][0]);
      name = g_strjoinv (" ", words);
      salvage_server_add_workspace (server, ws, name);
    }
  salvage_server_add_key (server, api_key, ws);
  salvage_server_set_seed (server, seed);

  demo.server = server;
  demo.workspace = salvage_server_lookup_workspace (server, ws);
  demo.ws = ws;
  demo.rand = rand;
  demo.now = salvage_server_get_time (server);
  demo.trash = trash;
  demo.planned = planned;
  demo.live_projects = live_projects;
  demo.trashed_projects = trashed_projects;

  for (guint i = 0; i < G_N_ELEMENTS (deleter_names); i++)
    salvage_server_workspace_ensure_member (server, demo.workspace, deleter_names[i]);

  /* The Trash holds about a quarter projects, a third versions, a sixth
   * workflows and the rest trainings. Without live projects, versions and
   * trainings have nowhere to live, so those become projects too. */
  n_trash_projects = sizes->n_trash / 4;
  n_trash_versions = sizes->n_trash * 7 / 20;
  n_trash_workflows = sizes->n_trash * 3 / 20;
  n_trash_trainings = sizes->n_trash - n_trash_projects - n_trash_versions - n_trash_workflows;
  if (sizes->n_projects == 0)
    {
      n_trash_projects += n_trash_versions + n_trash_trainings;
      n_trash_versions = n_trash_trainings = 0;
    }

  seed_projects (&demo, sizes, n_trash_projects);
  seed_versions (&demo, MAX (sizes->max_versions, 1), n_trash_versions);
  seed_trainings (&demo, n_trash_trainings);
  seed_workflows (&demo, sizes, n_trash_workflows);

  assign_dates (&demo);
  order_orphan (&demo);
  apply_trash (&demo);
}
