/* salvage-server.c - a local stand-in for the Roboflow REST API
 *
 * Serves, from memory, the routes of the Roboflow API that Salvage uses,
 * with the rules of the real service: the key travels in the query string
 * (unencoded), deletes are soft and last 30 days, trashed items vanish from
 * every listing and URL, and success on the Trash family is always a 200
 * with a JSON body.
 *
 * Where the real service's answer is not known, the stand-in chooses:
 *
 *  - 401 {"error":"This API key does not exist"} for a missing or unknown
 *    key, on every route, before anything else is looked at.
 *  - 404 with the generic nested "Unsupported request" body (type
 *    GraphMethodException) whenever a URL does not resolve: an unknown
 *    route or method, a workspace the key does not belong to (the real API
 *    does not tell "yours" from "missing"), and any project, version,
 *    training or workflow that is absent or in the Trash. This includes a
 *    second DELETE of the same item: trashed items are filtered out of URL
 *    resolution before the delete handler runs, so the real service gives
 *    the same answer as for a route that never existed.
 *  - Flat {"error":"…"} bodies for every answer the Trash-family handlers
 *    themselves decide (restore, the training delete), as the SDK's Trash
 *    error funnel expects:
 *      400 for a restore body that is not a JSON object, an unknown "type",
 *          a missing "id", or a version without "parentId";
 *      404 "Item not found in Trash" for a restore of a record not in the
 *          Trash;
 *      409 for a restore whose parent (project, or project/version for a
 *          training) is itself in the Trash, or whose slug is used again by
 *          a live item;
 *      409 for deleting a training that is still queued or running: the
 *          same code the API uses for "cannot cancel a non-running job".
 *  - trash/empty and trash/deleteImmediately are not served: they answer
 *    like any unknown route.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "salvage-server.h"
#include "salvage-server-private.h"

#define ID_ALPHABET "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

struct _SalvageServer
{
  GObject      parent_instance;

  SoupServer  *soup_server;
  char        *url;

  GHashTable  *workspaces;       /* slug → SalvageServerWorkspace */
  GHashTable  *keys;             /* API key → workspace slug */
  GRand       *rand;             /* ids only, so a seed gives the same ids */
  GPtrArray   *delayed_replies;  /* (element-type DelayedReply) */

  gint64       frozen_time;      /* 0 = follow the real clock */
  guint        latency_msec;
  guint        request_count;
};

G_DEFINE_FINAL_TYPE (SalvageServer, salvage_server, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_LATENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words that the real router matches before a project slug (§5.16). */
static const char * const reserved_words[] = {
  "trash", "workflows", "groups", "projects", "createWorkflow", "updateWorkflow", NULL,
};

typedef struct
{
  SalvageServer     *self;
  SoupServerMessage *msg;
  guint              source_id;
  gulong             finished_id;
} DelayedReply;

/* State: records and their lifetime {{{1 */

static char *
new_id (SalvageServer *self,
        const char    *prefix,
        guint          length)
{
  GString *id = g_string_new (prefix);

  for (guint i = 0; i < length; i++)
    g_string_append_c (id, ID_ALPHABET[g_rand_int_range (self->rand, 0, sizeof ID_ALPHABET - 1)]);

  return g_string_free (id, FALSE);
}

static inline gboolean
is_trashed (const SalvageServerTrashMark *mark)
{
  return mark->deleter != NULL;
}

static inline gboolean
is_in_flight (const char *status)
{
  return g_strcmp0 (status, "running") == 0 || g_strcmp0 (status, "queued") == 0;
}

static void
member_free (gpointer data)
{
  SalvageServerMember *member = data;

  g_free (member->id);
  g_free (member->name);
  g_free (member);
}

static void
training_free (gpointer data)
{
  SalvageServerTraining *training = data;

  g_free (training->id);
  g_free (training);
}

static void
version_free (gpointer data)
{
  SalvageServerVersion *version = data;

  g_clear_pointer (&version->trainings, g_ptr_array_unref);
  g_free (version->full_id);
  g_free (version->name);
  g_free (version);
}

static void
project_free (gpointer data)
{
  SalvageServerProject *project = data;

  g_clear_pointer (&project->versions, g_ptr_array_unref);
  g_strfreev (project->classes);
  g_free (project->class_counts);
  g_free (project->id);
  g_free (project->slug);
  g_free (project->name);
  g_free (project->type);
  g_free (project->annotation);
  g_free (project);
}

static void
workflow_free (gpointer data)
{
  SalvageServerWorkflow *workflow = data;

  g_free (workflow->id);
  g_free (workflow->url);
  g_free (workflow->name);
  g_free (workflow);
}

static void
workspace_free (gpointer data)
{
  SalvageServerWorkspace *workspace = data;

  /* The tables point into the arrays: drop them first. */
  g_clear_pointer (&workspace->live_projects, g_hash_table_unref);
  g_clear_pointer (&workspace->projects_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->live_workflows, g_hash_table_unref);
  g_clear_pointer (&workspace->workflows_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->trainings_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->projects, g_ptr_array_unref);
  g_clear_pointer (&workspace->workflows, g_ptr_array_unref);
  g_clear_pointer (&workspace->members, g_ptr_array_unref);
  g_free (workspace->slug);
  g_free (workspace->name);
  g_free (workspace);
}

static void
mark_trashed (SalvageServerWorkspace    *workspace,
              SalvageServerTrashMark    *mark,
              gint64                     when,
              const SalvageServerMember *deleter)
{
  mark->deleted_at = when;
  mark->deleter = deleter;
  workspace->next_cleanup = MIN (workspace->next_cleanup, when + SALVAGE_SERVER_RETENTION);
}

static void
cancel_in_flight (SalvageServerVersion *version,
                  gint64                when)
{
  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      if (!is_trashed (&training->trash) && is_in_flight (training->status))
        {
          training->status = g_intern_static_string ("cancelled");
          training->ended = when;
        }
    }
}

static void
trash_project (SalvageServerWorkspace    *workspace,
               SalvageServerProject      *project,
               gint64                     when,
               const SalvageServerMember *deleter)
{
  g_hash_table_remove (workspace->live_projects, project->slug);
  mark_trashed (workspace, &project->trash, when, deleter);

  for (guint i = 0; i < project->versions->len; i++)
    cancel_in_flight (g_ptr_array_index (project->versions, i), when);
}

static void
trash_version (SalvageServerWorkspace    *workspace,
               SalvageServerVersion      *version,
               gint64                     when,
               const SalvageServerMember *deleter)
{
  mark_trashed (workspace, &version->trash, when, deleter);
  cancel_in_flight (version, when);
}

static void
trash_workflow (SalvageServerWorkspace    *workspace,
                SalvageServerWorkflow     *workflow,
                gint64                     when,
                const SalvageServerMember *deleter)
{
  g_hash_table_remove (workspace->live_workflows, workflow->url);
  mark_trashed (workspace, &workflow->trash, when, deleter);
}

static inline gboolean
is_expired (const SalvageServerTrashMark *mark,
            gint64                        now)
{
  return is_trashed (mark) && mark->deleted_at + SALVAGE_SERVER_RETENTION < now;
}

static inline void
note_cleanup (const SalvageServerTrashMark *mark,
              gint64                       *next_cleanup)
{
  if (is_trashed (mark))
    *next_cleanup = MIN (*next_cleanup, mark->deleted_at + SALVAGE_SERVER_RETENTION);
}

static void
forget_trainings (SalvageServerWorkspace *workspace,
                  SalvageServerVersion   *version)
{
  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      g_hash_table_remove (workspace->trainings_by_id, training->id);
    }
}

/* Swaps *@array for @kept, whose elements were moved there. */
static void
replace_array (GPtrArray **array,
               GPtrArray  *kept)
{
  g_ptr_array_set_free_func (*array, NULL);
  g_ptr_array_unref (*array);
  *array = kept;
}

/* Removes, for good, everything whose cleanup time has passed. Removing a
 * record removes what it owns. Survivors move to new arrays so that a purge
 * of many records stays linear. */
static void
purge_workspace (SalvageServerWorkspace *workspace,
                 gint64                  now)
{
  GPtrArray *kept_projects = g_ptr_array_new_full (workspace->projects->len, project_free);
  GPtrArray *kept_workflows = g_ptr_array_new_full (workspace->workflows->len, workflow_free);
  gint64 next_cleanup = G_MAXINT64;

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);
      GPtrArray *kept_versions;

      if (is_expired (&project->trash, now))
        {
          for (guint v = 0; v < project->versions->len; v++)
            forget_trainings (workspace, g_ptr_array_index (project->versions, v));
          g_hash_table_remove (workspace->projects_by_id, project->id);
          project_free (project);
          continue;
        }

      note_cleanup (&project->trash, &next_cleanup);
      kept_versions = g_ptr_array_new_full (project->versions->len, version_free);

      for (guint v = 0; v < project->versions->len; v++)
        {
          SalvageServerVersion *version = g_ptr_array_index (project->versions, v);
          GPtrArray *kept_trainings;

          if (is_expired (&version->trash, now))
            {
              forget_trainings (workspace, version);
              version_free (version);
              continue;
            }

          note_cleanup (&version->trash, &next_cleanup);
          kept_trainings = g_ptr_array_new_full (version->trainings->len, training_free);

          for (guint t = 0; t < version->trainings->len; t++)
            {
              SalvageServerTraining *training = g_ptr_array_index (version->trainings, t);

              if (is_expired (&training->trash, now))
                {
                  g_hash_table_remove (workspace->trainings_by_id, training->id);
                  training_free (training);
                  continue;
                }

              note_cleanup (&training->trash, &next_cleanup);
              g_ptr_array_add (kept_trainings, training);
            }

          replace_array (&version->trainings, kept_trainings);
          g_ptr_array_add (kept_versions, version);
        }

      replace_array (&project->versions, kept_versions);
      g_ptr_array_add (kept_projects, project);
    }

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (is_expired (&workflow->trash, now))
        {
          g_hash_table_remove (workspace->workflows_by_id, workflow->id);
          workflow_free (workflow);
          continue;
        }

      note_cleanup (&workflow->trash, &next_cleanup);
      g_ptr_array_add (kept_workflows, workflow);
    }

  replace_array (&workspace->projects, kept_projects);
  replace_array (&workspace->workflows, kept_workflows);
  workspace->next_cleanup = next_cleanup;
}

/* The cleanup job of the real service, run lazily before every request. */
static void
purge_expired (SalvageServer *self)
{
  gint64 now = salvage_server_get_time (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->workspaces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SalvageServerWorkspace *workspace = value;

      if (workspace->next_cleanup < now)
        purge_workspace (workspace, now);
    }
}

/* Parses a version number as it appears in a URL: decimal, no sign, no
 * leading zero. */
static gboolean
parse_version_number (const char *text,
                      guint      *number)
{
  guint64 value;

  if (text == NULL || text[0] < '1' || text[0] > '9' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  value = g_ascii_strtoull (text, NULL, 10);
  *number = (guint) value;

  return TRUE;
}

static gboolean
is_reserved_word (const char *segment)
{
  return g_strv_contains (reserved_words, segment);
}

static gboolean
is_valid_slug (const char *slug)
{
  return slug != NULL && slug[0] != '\0' && strchr (slug, '/') == NULL &&
         strchr (slug, '?') == NULL && !is_reserved_word (slug);
}

/* A version name such as "augmented-640x640" tells which steps made it. */
static void
version_parse_name (SalvageServerVersion *version)
{
  const char *dash = strrchr (version->name, '-');
  guint width = 0, height = 0;

  version->augmented = g_str_has_prefix (version->name, "augmented");

  if (dash != NULL)
    {
      char *end = NULL;

      width = (guint) g_ascii_strtoull (dash + 1, &end, 10);
      if (end != NULL && *end == 'x')
        height = (guint) g_ascii_strtoull (end + 1, &end, 10);
      if (end == NULL || *end != '\0' || width == 0 || height == 0)
        width = height = 0;
    }

  version->resize_width = width;
  version->resize_height = height;
}

/* Finds the version numbered @number by bisection: versions are kept in
 * number order. */
static guint
version_position (SalvageServerProject *project,
                  guint                 number,
                  gboolean             *found)
{
  guint low = 0, high = project->versions->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      SalvageServerVersion *version = g_ptr_array_index (project->versions, mid);

      if (version->number == number)
        {
          *found = TRUE;
          return mid;
        }
      if (version->number < number)
        low = mid + 1;
      else
        high = mid;
    }

  *found = FALSE;
  return low;
}

static guint
count_live_versions (SalvageServerProject *project)
{
  guint count = 0;

  for (guint i = 0; i < project->versions->len; i++)
    {
      SalvageServerVersion *version = g_ptr_array_index (project->versions, i);

      if (!is_trashed (&version->trash))
        count++;
    }

  return count;
}

static SalvageServerVersion *
lookup_live_version (SalvageServerProject *project,
                     guint                 number)
{
  SalvageServerVersion *version = salvage_server_project_lookup_version (project, number);

  if (version == NULL || is_trashed (&version->trash))
    return NULL;

  return version;
}

/* The most recently trashed project with @slug, for the test views. */
static SalvageServerProject *
lookup_trashed_project (SalvageServerWorkspace *workspace,
                        const char             *slug)
{
  SalvageServerProject *found = NULL;

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (is_trashed (&project->trash) && g_str_equal (project->slug, slug) &&
          (found == NULL || project->trash.deleted_at >= found->trash.deleted_at))
        found = project;
    }

  return found;
}

/* JSON {{{1 */

static double
to_epoch_seconds (gint64 usec)
{
  /* Milliseconds are what the API shows (1593802673.521). */
  return floor ((double) usec / 1000.0) / 1000.0;
}

static char *
format_iso8601 (gint64 usec)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *seconds = NULL;
  gint64 whole = usec / G_USEC_PER_SEC;
  gint64 rest = usec % G_USEC_PER_SEC;

  if (rest < 0)
    {
      whole -= 1;
      rest += G_USEC_PER_SEC;
    }

  date = g_date_time_new_from_unix_utc (whole);
  if (date == NULL)
    return g_strdup ("1970-01-01T00:00:00.000Z");

  seconds = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");
  return g_strdup_printf ("%s.%03dZ", seconds, (int) (rest / 1000));
}

static void
set_date_member (JsonObject *object,
                 const char *name,
                 gint64      usec)
{
  g_autofree char *text = format_iso8601 (usec);

  json_object_set_string_member (object, name, text);
}

static JsonObject *
splits_to_json (gint64 images)
{
  JsonObject *splits = json_object_new ();
  gint64 valid = images / 5;
  gint64 test = images / 10;

  json_object_set_int_member (splits, "train", images - valid - test);
  json_object_set_int_member (splits, "test", test);
  json_object_set_int_member (splits, "valid", valid);

  return splits;
}

/* A fixed palette, so a class keeps its colour between answers. */
static const char *
class_color (guint index)
{
  static const char * const palette[] = {
    "#8622FF", "#FF00FF", "#C7FC00", "#FE0056", "#00FFCE", "#FF8000", "#00B7EB", "#FFFF00",
  };

  return palette[index % G_N_ELEMENTS (palette)];
}

static JsonObject *
workspace_summary_to_json (SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", workspace->name);
  json_object_set_string_member (object, "url", workspace->slug);
  json_object_set_int_member (object, "members", workspace->members->len);

  return object;
}

/* The twelve fields the SDK requires (§2.2), plus the count of versions. */
static JsonObject *
project_to_json (SalvageServerProject *project)
{
  JsonObject *object = json_object_new ();
  JsonObject *classes = json_object_new ();
  JsonObject *colors = json_object_new ();
  g_autofree char *id = g_strdup_printf ("%s/%s", project->workspace->slug, project->slug);

  for (guint i = 0; project->classes != NULL && project->classes[i] != NULL; i++)
    {
      json_object_set_int_member (classes, project->classes[i], project->class_counts[i]);
      json_object_set_string_member (colors, project->classes[i], class_color (i));
    }

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "type", project->type);
  json_object_set_string_member (object, "name", project->name);
  json_object_set_double_member (object, "created", to_epoch_seconds (project->created));
  json_object_set_double_member (object, "updated", to_epoch_seconds (project->updated));
  json_object_set_int_member (object, "images", project->images);
  json_object_set_int_member (object, "unannotated", project->unannotated);
  json_object_set_string_member (object, "annotation", project->annotation);
  json_object_set_int_member (object, "versions", count_live_versions (project));
  json_object_set_boolean_member (object, "public", project->is_public);
  json_object_set_object_member (object, "splits", splits_to_json (project->images));
  json_object_set_object_member (object, "colors", colors);
  json_object_set_object_member (object, "classes", classes);

  return object;
}

static JsonObject *
preprocessing_to_json (SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();

  if (version->resize_width > 0)
    {
      JsonObject *resize = json_object_new ();
      JsonObject *orient = json_object_new ();
      g_autofree char *width = g_strdup_printf ("%u", version->resize_width);
      g_autofree char *height = g_strdup_printf ("%u", version->resize_height);

      /* The API sends the sizes as strings. */
      json_object_set_string_member (resize, "height", height);
      json_object_set_string_member (resize, "width", width);
      json_object_set_boolean_member (resize, "enabled", TRUE);
      json_object_set_string_member (resize, "format", "Stretch to");
      json_object_set_boolean_member (orient, "enabled", TRUE);
      json_object_set_object_member (object, "resize", resize);
      json_object_set_object_member (object, "auto-orient", orient);
    }

  return object;
}

static JsonObject *
augmentation_to_json (SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();

  if (version->augmented)
    {
      JsonObject *image = json_object_new ();
      JsonObject *flip = json_object_new ();
      JsonObject *blur = json_object_new ();

      json_object_set_boolean_member (image, "enabled", TRUE);
      json_object_set_int_member (image, "versions", 3);
      json_object_set_boolean_member (flip, "enabled", TRUE);
      json_object_set_boolean_member (flip, "horizontal", TRUE);
      json_object_set_boolean_member (flip, "vertical", FALSE);
      json_object_set_boolean_member (blur, "enabled", TRUE);
      json_object_set_double_member (blur, "pixels", 1.5);
      json_object_set_object_member (object, "image", image);
      json_object_set_object_member (object, "flip", flip);
      json_object_set_object_member (object, "blur", blur);
    }

  return object;
}

static JsonObject *
version_to_json (SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", version->full_id);
  json_object_set_string_member (object, "name", version->name);
  json_object_set_double_member (object, "created", to_epoch_seconds (version->created));
  json_object_set_int_member (object, "images", version->images);
  json_object_set_object_member (object, "splits", splits_to_json (version->images));
  json_object_set_object_member (object, "preprocessing", preprocessing_to_json (version));
  json_object_set_object_member (object, "augmentation", augmentation_to_json (version));
  json_object_set_array_member (object, "exports", json_array_new ());

  return object;
}

static const char *
model_group (const char *model_type)
{
  if (g_str_has_prefix (model_type, "rfdetr"))
    return "rfdetr";
  if (g_str_has_prefix (model_type, "yolo"))
    return "yolo";
  return "roboflow";
}

static JsonObject *
training_to_json (SalvageServerTraining *training)
{
  JsonObject *object = json_object_new ();
  JsonArray *model_ids = json_array_new ();
  g_autofree char *version_id = g_strdup_printf ("%u", training->version->number);

  if (g_str_equal (training->status, "finished"))
    {
      g_autofree char *model_id = g_strdup_printf ("%s/%u", training->version->project->slug,
                                                   training->version->number);
      json_array_add_string_element (model_ids, model_id);
    }

  json_object_set_string_member (object, "id", training->id);
  json_object_set_string_member (object, "versionId", version_id);
  json_object_set_string_member (object, "status", training->status);
  if (training->started != 0)
    set_date_member (object, "start", training->started);
  else
    json_object_set_null_member (object, "start");
  if (training->ended != 0)
    set_date_member (object, "end", training->ended);
  else
    json_object_set_null_member (object, "end");
  json_object_set_string_member (object, "jobType", "train");
  json_object_set_string_member (object, "modelType", training->model_type);
  json_object_set_string_member (object, "modelGroup", model_group (training->model_type));
  json_object_set_array_member (object, "modelIds", model_ids);

  return object;
}

static JsonObject *
workflow_to_json (SalvageServerWorkflow *workflow,
                  gboolean               full)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", workflow->id);
  json_object_set_string_member (object, "name", workflow->name);
  json_object_set_string_member (object, "url", workflow->url);
  json_object_set_string_member (object, "status", workflow->status);
  set_date_member (object, "created", workflow->created);

  if (full)
    {
      json_object_set_string_member (object, "description", "");
      json_object_set_int_member (object, "blockCount", workflow->block_count);
      /* A JSON string holding the wrapped specification (§5.18). */
      json_object_set_string_member (object, "config",
                                     "{\"specification\":{\"version\":\"1.0\",\"inputs\":[],"
                                     "\"steps\":[],\"outputs\":[]}}");
    }

  return object;
}

/* The Trash listing {{{2 */

typedef enum
{
  ENTRY_PROJECT,
  ENTRY_VERSION,
  ENTRY_WORKFLOW,
  ENTRY_TRAINING,
} EntryKind;

typedef struct
{
  EntryKind                     kind;
  gpointer                      record;
  const SalvageServerTrashMark *mark;
} TrashEntry;

static const char * const entry_types[] = { "project", "version", "workflow", "training" };
static const char * const entry_sections[] = { "projects", "versions", "workflows", "trainings" };

static int
trash_entry_compare (gconstpointer a,
                     gconstpointer b)
{
  const TrashEntry *entry_a = a;
  const TrashEntry *entry_b = b;

  /* Newest first; the stable sort keeps the walk order among equals. */
  if (entry_a->mark->deleted_at != entry_b->mark->deleted_at)
    return entry_a->mark->deleted_at < entry_b->mark->deleted_at ? 1 : -1;

  return 0;
}

static GArray *
collect_trash (SalvageServerWorkspace *workspace)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (TrashEntry));

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (is_trashed (&project->trash))
        g_array_append_val (entries, ((TrashEntry) { ENTRY_PROJECT, project, &project->trash }));

      for (guint v = 0; v < project->versions->len; v++)
        {
          SalvageServerVersion *version = g_ptr_array_index (project->versions, v);

          if (is_trashed (&version->trash))
            g_array_append_val (entries, ((TrashEntry) { ENTRY_VERSION, version, &version->trash }));

          for (guint t = 0; t < version->trainings->len; t++)
            {
              SalvageServerTraining *training = g_ptr_array_index (version->trainings, t);

              if (is_trashed (&training->trash))
                g_array_append_val (entries,
                                    ((TrashEntry) { ENTRY_TRAINING, training, &training->trash }));
            }
        }
    }

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (is_trashed (&workflow->trash))
        g_array_append_val (entries, ((TrashEntry) { ENTRY_WORKFLOW, workflow, &workflow->trash }));
    }

  /* g_array_sort is a stable merge sort for arrays this size and up. */
  g_array_sort (entries, trash_entry_compare);

  return entries;
}

static const char *
training_display_name (const char *model_type)
{
  static const struct {
    const char *type;
    const char *name;
  } names[] = {
    { "rfdetr-base", "RF-DETR Base" },
    { "rfdetr-large", "RF-DETR Large" },
    { "rfdetr-nano", "RF-DETR Nano" },
    { "yolov11n", "YOLOv11 Nano" },
    { "yolov11s", "YOLOv11 Small" },
    { "yolov8m", "YOLOv8 Medium" },
    { "yolov8n-seg", "YOLOv8 Nano Segmentation" },
    { "vit-classification", "ViT Classification" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (model_type, names[i].type))
      return names[i].name;

  return model_type;
}

/* The Trash listing can hold a hundred thousand records; they are written
 * straight to text, once, instead of going through a JSON tree. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  const char *run = text;

  g_string_append_c (out, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
    }

  g_string_append_len (out, run, strlen (run));
  g_string_append_c (out, '"');
}

static void
append_string_member (GString    *out,
                      const char *name,
                      const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  append_json_string (out, value);
}

static void
append_date_member (GString    *out,
                    const char *name,
                    gint64      usec)
{
  g_autofree char *text = format_iso8601 (usec);

  g_string_append_printf (out, ",\"%s\":\"%s\"", name, text);
}

static void
append_trash_entry (GString          *out,
                    const TrashEntry *entry)
{
  SalvageServerProject *parent = NULL;

  g_string_append_printf (out, "{\"type\":\"%s\"", entry_types[entry->kind]);

  switch (entry->kind)
    {
    case ENTRY_PROJECT:
      {
        SalvageServerProject *project = entry->record;

        append_string_member (out, "id", project->id);
        append_string_member (out, "name", project->name);
        append_string_member (out, "url", project->slug);
        g_string_append_printf (out, ",\"cleanupDeleteImages\":%s",
                                project->cleanup_delete_images ? "true" : "false");
      }
      break;

    case ENTRY_VERSION:
      {
        SalvageServerVersion *version = entry->record;

        /* A version's Trash id is its number, unique only with its parent. */
        g_string_append_printf (out, ",\"id\":\"%u\"", version->number);
        append_string_member (out, "name", version->name);
        parent = version->project;
      }
      break;

    case ENTRY_WORKFLOW:
      {
        SalvageServerWorkflow *workflow = entry->record;

        append_string_member (out, "id", workflow->id);
        append_string_member (out, "name", workflow->name);
        append_string_member (out, "url", workflow->url);
      }
      break;

    case ENTRY_TRAINING:
      {
        SalvageServerTraining *training = entry->record;

        append_string_member (out, "id", training->id);
        append_string_member (out, "name", training_display_name (training->model_type));
        g_string_append_printf (out, ",\"versionId\":\"%u\"", training->version->number);
        parent = training->version->project;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  if (parent != NULL)
    {
      append_string_member (out, "parentId", parent->id);
      append_string_member (out, "parentUrl", parent->slug);
      append_string_member (out, "parentName", parent->name);
    }

  append_date_member (out, "deletedAt", entry->mark->deleted_at);
  append_date_member (out, "scheduledCleanupAt", entry->mark->deleted_at + SALVAGE_SERVER_RETENTION);
  append_string_member (out, "deletedBy", entry->mark->deleter->id);
  append_string_member (out, "deletedByName", entry->mark->deleter->name);
  g_string_append_c (out, '}');
}

/* HTTP {{{1 */

static void
send_json (SoupServerMessage *msg,
           guint              status,
           JsonObject        *object)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);

  json_object_unref (object);
}

/* The shape of the Trash-family endpoints (§3.2). */
static void
send_flat_error (SoupServerMessage *msg,
                 guint              status,
                 const char        *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "error", message);
  send_json (msg, status, object);
}

/* The answer of the real router for anything it cannot resolve. Only the
 * path is quoted: the query, with the key, never is. */
static void
send_not_found (SoupServerMessage *msg)
{
  JsonObject *object = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *message = NULL;

  message = g_strdup_printf ("Unsupported request. `%s %s` does not exist or cannot be loaded "
                             "due to missing permissions.",
                             soup_server_message_get_method (msg),
                             g_uri_get_path (soup_server_message_get_uri (msg)));

  json_object_set_string_member (error, "message", message);
  json_object_set_string_member (error, "type", "GraphMethodException");
  json_object_set_string_member (error, "hint", "You can find the API docs at https://docs.roboflow.com");
  json_object_set_object_member (object, "error", error);
  send_json (msg, SOUP_STATUS_NOT_FOUND, object);
}

/* The SDK does not URL-encode the key, so the raw value is tried first and
 * the decoded one second. */
static SalvageServerWorkspace *
lookup_key (SalvageServer *self,
            const char    *query,
            gboolean      *known)
{
  g_auto(GStrv) params = NULL;
  const char *slug = NULL;

  *known = FALSE;

  if (query == NULL)
    return NULL;

  params = g_strsplit (query, "&", -1);
  for (guint i = 0; params[i] != NULL && slug == NULL; i++)
    {
      g_autofree char *decoded = NULL;
      const char *value;

      if (!g_str_has_prefix (params[i], "api_key="))
        continue;

      value = params[i] + strlen ("api_key=");
      slug = g_hash_table_lookup (self->keys, value);
      if (slug == NULL && (decoded = g_uri_unescape_string (value, NULL)) != NULL)
        slug = g_hash_table_lookup (self->keys, decoded);
    }

  if (slug == NULL)
    return NULL;

  *known = TRUE;
  return g_hash_table_lookup (self->workspaces, slug);
}

static void
handle_key_check (SoupServerMessage      *msg,
                  SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "welcome", "Welcome to the Roboflow API.");
  json_object_set_string_member (object, "instructions",
                                 "You are successfully authenticated. You can see your active "
                                 "workspace by issuing a GET request to / with your api_key.");
  json_object_set_string_member (object, "docs", "https://docs.roboflow.com");
  json_object_set_string_member (object, "workspace", workspace->slug);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_get_workspace (SoupServerMessage      *msg,
                      SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();
  JsonObject *summary = workspace_summary_to_json (workspace);
  JsonArray *projects = json_array_new ();

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (!is_trashed (&project->trash))
        json_array_add_object_element (projects, project_to_json (project));
    }

  json_object_set_array_member (summary, "projects", projects);
  json_object_set_object_member (object, "workspace", summary);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_get_project (SoupServerMessage    *msg,
                    SalvageServerProject *project)
{
  JsonObject *object = json_object_new ();
  JsonArray *versions = json_array_new ();

  /* Newest first, as the API's own examples list them (§5.24). */
  for (guint i = project->versions->len; i > 0; i--)
    {
      SalvageServerVersion *version = g_ptr_array_index (project->versions, i - 1);

      if (!is_trashed (&version->trash))
        json_array_add_object_element (versions, version_to_json (version));
    }

  json_object_set_object_member (object, "workspace",
                                 workspace_summary_to_json (project->workspace));
  json_object_set_object_member (object, "project", project_to_json (project));
  json_object_set_array_member (object, "versions", versions);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_get_version (SoupServerMessage    *msg,
                    SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();
  JsonObject *version_object = version_to_json (version);
  JsonArray *classes = json_array_new ();
  SalvageServerProject *project = version->project;

  for (guint i = 0; project->classes != NULL && project->classes[i] != NULL; i++)
    json_array_add_string_element (classes, project->classes[i]);

  json_object_set_boolean_member (version_object, "generating", FALSE);
  json_object_set_double_member (version_object, "progress", 1.0);
  json_object_set_object_member (version_object, "models", json_object_new ());
  json_object_set_array_member (version_object, "classes", classes);

  json_object_set_object_member (object, "workspace",
                                 workspace_summary_to_json (project->workspace));
  json_object_set_object_member (object, "project", project_to_json (project));
  json_object_set_object_member (object, "version", version_object);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_list_trainings (SoupServerMessage    *msg,
                       SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();
  JsonArray *trainings = json_array_new ();

  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      if (!is_trashed (&training->trash))
        json_array_add_object_element (trainings, training_to_json (training));
    }

  json_object_set_array_member (object, "trainings", trainings);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_list_workflows (SoupServerMessage      *msg,
                       SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();
  JsonArray *workflows = json_array_new ();

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (!is_trashed (&workflow->trash))
        json_array_add_object_element (workflows, workflow_to_json (workflow, FALSE));
    }

  json_object_set_array_member (object, "workflows", workflows);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_get_workflow (SoupServerMessage     *msg,
                     SalvageServerWorkflow *workflow)
{
  JsonObject *object = json_object_new ();

  json_object_set_object_member (object, "workflow", workflow_to_json (workflow, TRUE));
  send_json (msg, SOUP_STATUS_OK, object);
}

static JsonObject *
deleted_reply_new (SalvageServerWorkspace *workspace,
                   const char             *type)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "deleted", TRUE);
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "workspace", workspace->slug);

  return object;
}

static void
handle_delete_project (SalvageServer        *self,
                       SoupServerMessage    *msg,
                       SalvageServerProject *project)
{
  SalvageServerWorkspace *workspace = project->workspace;
  JsonObject *object = deleted_reply_new (workspace, "project");

  trash_project (workspace, project, salvage_server_get_time (self),
                 g_ptr_array_index (workspace->members, 0));

  json_object_set_string_member (object, "project", project->slug);
  json_object_set_string_member (object, "projectId", project->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_delete_version (SalvageServer        *self,
                       SoupServerMessage    *msg,
                       SalvageServerVersion *version)
{
  SalvageServerWorkspace *workspace = version->project->workspace;
  JsonObject *object = deleted_reply_new (workspace, "version");
  g_autofree char *number = g_strdup_printf ("%u", version->number);

  trash_version (workspace, version, salvage_server_get_time (self),
                 g_ptr_array_index (workspace->members, 0));

  json_object_set_string_member (object, "project", version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "projectId", version->project->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_delete_training (SalvageServer         *self,
                        SoupServerMessage     *msg,
                        SalvageServerTraining *training)
{
  SalvageServerWorkspace *workspace = training->version->project->workspace;
  JsonObject *object;
  g_autofree char *number = NULL;

  if (is_in_flight (training->status))
    {
      send_flat_error (msg, SOUP_STATUS_CONFLICT,
                       "This training is still in progress. Stop or cancel it before deleting it.");
      return;
    }

  mark_trashed (workspace, &training->trash, salvage_server_get_time (self),
                g_ptr_array_index (workspace->members, 0));

  number = g_strdup_printf ("%u", training->version->number);
  object = deleted_reply_new (workspace, "training");
  json_object_set_string_member (object, "project", training->version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "trainingId", training->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_delete_workflow (SalvageServer         *self,
                        SoupServerMessage     *msg,
                        SalvageServerWorkspace *workspace,
                        SalvageServerWorkflow *workflow)
{
  JsonObject *object = deleted_reply_new (workspace, "workflow");

  trash_workflow (workspace, workflow, salvage_server_get_time (self),
                  g_ptr_array_index (workspace->members, 0));

  json_object_set_string_member (object, "workflow", workflow->url);
  json_object_set_string_member (object, "workflowId", workflow->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
handle_list_trash (SoupServerMessage      *msg,
                   SalvageServerWorkspace *workspace)
{
  g_autoptr(GArray) entries = collect_trash (workspace);
  GString *sections[G_N_ELEMENTS (entry_sections)];
  GString *body = g_string_sized_new (128 + entries->len * 700);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    sections[i] = g_string_new (NULL);

  /* Both parts come from the same records: each is written once, then copied. */
  g_string_append (body, "{\"items\":[");
  for (guint i = 0; i < entries->len; i++)
    {
      const TrashEntry *entry = &g_array_index (entries, TrashEntry, i);
      GString *section = sections[entry->kind];
      gsize start;

      if (i > 0)
        g_string_append_c (body, ',');
      start = body->len;
      append_trash_entry (body, entry);

      if (section->len > 0)
        g_string_append_c (section, ',');
      g_string_append_len (section, body->str + start, body->len - start);
    }

  g_string_append (body, "],\"sections\":{");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_string_append_printf (body, "%s\"%s\":[", i > 0 ? "," : "", entry_sections[i]);
      g_string_append_len (body, sections[i]->str, sections[i]->len);
      g_string_append_c (body, ']');
      g_string_free (sections[i], TRUE);
    }
  g_string_append (body, "}}");

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    body->str, body->len);
  g_string_free (body, FALSE);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static void
send_restored (SoupServerMessage *msg,
               const char        *type,
               const char        *id)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "restored", TRUE);
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "id", id);
  send_json (msg, SOUP_STATUS_OK, object);
}

static void
restore_project (SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *id)
{
  SalvageServerProject *project = g_hash_table_lookup (workspace->projects_by_id, id);

  if (project == NULL || !is_trashed (&project->trash))
    {
      send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (g_hash_table_contains (workspace->live_projects, project->slug))
    {
      send_flat_error (msg, SOUP_STATUS_CONFLICT,
                       "A project with this URL already exists. Rename it, then restore again.");
      return;
    }

  project->trash.deleter = NULL;
  project->trash.deleted_at = 0;
  g_hash_table_replace (workspace->live_projects, project->slug, project);
  send_restored (msg, "project", project->id);
}

static void
restore_version (SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *id,
                 const char             *parent_id)
{
  SalvageServerProject *project = g_hash_table_lookup (workspace->projects_by_id, parent_id);
  SalvageServerVersion *version = NULL;
  guint number;

  if (project != NULL && parse_version_number (id, &number))
    version = salvage_server_project_lookup_version (project, number);

  if (version == NULL || !is_trashed (&version->trash))
    {
      send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (is_trashed (&project->trash))
    {
      send_flat_error (msg, SOUP_STATUS_CONFLICT,
                       "The parent project is in the Trash. Restore the project first.");
      return;
    }

  version->trash.deleter = NULL;
  version->trash.deleted_at = 0;
  send_restored (msg, "version", id);
}

static void
restore_workflow (SoupServerMessage      *msg,
                  SalvageServerWorkspace *workspace,
                  const char             *id)
{
  SalvageServerWorkflow *workflow = g_hash_table_lookup (workspace->workflows_by_id, id);

  if (workflow == NULL || !is_trashed (&workflow->trash))
    {
      send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (g_hash_table_contains (workspace->live_workflows, workflow->url))
    {
      send_flat_error (msg, SOUP_STATUS_CONFLICT,
                       "A workflow with this URL already exists. Rename it, then restore again.");
      return;
    }

  workflow->trash.deleter = NULL;
  workflow->trash.deleted_at = 0;
  g_hash_table_replace (workspace->live_workflows, workflow->url, workflow);
  send_restored (msg, "workflow", workflow->id);
}

static void
restore_training (SoupServerMessage      *msg,
                  SalvageServerWorkspace *workspace,
                  const char             *id)
{
  SalvageServerTraining *training = g_hash_table_lookup (workspace->trainings_by_id, id);

  if (training == NULL || !is_trashed (&training->trash))
    {
      send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (is_trashed (&training->version->trash) || is_trashed (&training->version->project->trash))
    {
      send_flat_error (msg, SOUP_STATUS_CONFLICT,
                       "The training's project or version is in the Trash. Restore it first.");
      return;
    }

  training->trash.deleter = NULL;
  training->trash.deleted_at = 0;
  send_restored (msg, "training", training->id);
}

static void
handle_restore (SoupServerMessage      *msg,
                SalvageServerWorkspace *workspace)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *request;
  JsonNode *root;
  const char *type;
  const char *id;
  const char *parent_id;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      send_flat_error (msg, SOUP_STATUS_BAD_REQUEST, "The request body must be a JSON object.");
      return;
    }

  request = json_node_get_object (root);
  type = get_string_member (request, "type");
  id = get_string_member (request, "id");
  parent_id = get_string_member (request, "parentId");

  if (type == NULL || !g_strv_contains (entry_types, type))
    {
      send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                       "\"type\" must be one of project, version, workflow or training.");
      return;
    }

  if (id == NULL || id[0] == '\0')
    {
      send_flat_error (msg, SOUP_STATUS_BAD_REQUEST, "\"id\" is required.");
      return;
    }

  if (g_str_equal (type, "project"))
    restore_project (msg, workspace, id);
  else if (g_str_equal (type, "workflow"))
    restore_workflow (msg, workspace, id);
  else if (g_str_equal (type, "training"))
    restore_training (msg, workspace, id);
  else if (parent_id == NULL || parent_id[0] == '\0')
    send_flat_error (msg, SOUP_STATUS_BAD_REQUEST, "\"parentId\" is required to restore a version.");
  else
    restore_version (msg, workspace, id, parent_id);
}

/* Splits a path into decoded segments; NULL when a segment cannot be
 * decoded (an encoded "/" or a NUL). A single trailing slash is allowed. */
static GStrv
split_path (const char *path)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) raw = NULL;
  guint n_raw;

  if (path == NULL || path[0] != '/')
    return NULL;

  raw = g_strsplit (path + 1, "/", -1);
  n_raw = g_strv_length (raw);
  if (n_raw > 0 && raw[n_raw - 1][0] == '\0')
    n_raw--;

  for (guint i = 0; i < n_raw; i++)
    {
      char *segment = g_uri_unescape_segment (raw[i], NULL, "/");

      if (segment == NULL || segment[0] == '\0')
        {
          g_free (segment);
          return NULL;
        }
      g_ptr_array_add (segments, segment);
    }

  g_ptr_array_add (segments, NULL);
  g_ptr_array_set_free_func (segments, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
}

static void
route_workflows (SalvageServer          *self,
                 SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *method,
                 const char * const     *segments,
                 guint                   n_segments)
{
  SalvageServerWorkflow *workflow;

  if (n_segments == 2 && g_str_equal (method, "GET"))
    {
      handle_list_workflows (msg, workspace);
      return;
    }

  if (n_segments != 3 ||
      (workflow = salvage_server_workspace_lookup_workflow (workspace, segments[2])) == NULL)
    {
      send_not_found (msg);
      return;
    }

  if (g_str_equal (method, "GET"))
    handle_get_workflow (msg, workflow);
  else if (g_str_equal (method, "DELETE"))
    handle_delete_workflow (self, msg, workspace, workflow);
  else
    send_not_found (msg);
}

static void
route_project (SalvageServer          *self,
               SoupServerMessage      *msg,
               SalvageServerWorkspace *workspace,
               const char             *method,
               const char * const     *segments,
               guint                   n_segments)
{
  SalvageServerProject *project = salvage_server_workspace_lookup_project (workspace, segments[1]);
  SalvageServerVersion *version = NULL;
  gboolean is_get = g_str_equal (method, "GET");
  gboolean is_delete = g_str_equal (method, "DELETE");
  guint number;

  if (project == NULL)
    {
      send_not_found (msg);
      return;
    }

  if (n_segments == 2)
    {
      if (is_get)
        handle_get_project (msg, project);
      else if (is_delete)
        handle_delete_project (self, msg, project);
      else
        send_not_found (msg);
      return;
    }

  if (!parse_version_number (segments[2], &number) ||
      (version = lookup_live_version (project, number)) == NULL)
    {
      send_not_found (msg);
      return;
    }

  if (n_segments == 3)
    {
      if (is_get)
        handle_get_version (msg, version);
      else if (is_delete)
        handle_delete_version (self, msg, version);
      else
        send_not_found (msg);
      return;
    }

  if (n_segments >= 5 && g_str_equal (segments[3], "v2") && g_str_equal (segments[4], "trainings"))
    {
      SalvageServerTraining *training;

      if (n_segments == 5 && is_get)
        {
          handle_list_trainings (msg, version);
          return;
        }

      if (n_segments == 6 && is_delete &&
          (training = salvage_server_workspace_lookup_training (workspace, segments[5])) != NULL &&
          training->version == version && !is_trashed (&training->trash))
        {
          handle_delete_training (self, msg, training);
          return;
        }
    }

  send_not_found (msg);
}

static void
route (SalvageServer     *self,
       SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) segments = split_path (g_uri_get_path (uri));
  SalvageServerWorkspace *workspace;
  gboolean known_key;
  guint n_segments;

  workspace = lookup_key (self, g_uri_get_query (uri), &known_key);
  if (!known_key)
    {
      send_flat_error (msg, SOUP_STATUS_UNAUTHORIZED, "This API key does not exist");
      return;
    }

  if (segments == NULL)
    {
      send_not_found (msg);
      return;
    }

  n_segments = g_strv_length (segments);

  if (n_segments == 0)
    {
      if (workspace != NULL && (g_str_equal (method, "GET") || g_str_equal (method, "POST")))
        handle_key_check (msg, workspace);
      else
        send_not_found (msg);
      return;
    }

  /* A key of another workspace sees the same as a workspace that does not exist. */
  if (workspace == NULL || !g_str_equal (segments[0], workspace->slug))
    {
      send_not_found (msg);
      return;
    }

  if (n_segments == 1)
    {
      if (g_str_equal (method, "GET"))
        handle_get_workspace (msg, workspace);
      else
        send_not_found (msg);
      return;
    }

  /* Fixed words first, so that no project can shadow them. */
  if (g_str_equal (segments[1], "trash"))
    {
      if (n_segments == 2 && g_str_equal (method, "GET"))
        handle_list_trash (msg, workspace);
      else if (n_segments == 3 && g_str_equal (segments[2], "restore") &&
               g_str_equal (method, "POST"))
        handle_restore (msg, workspace);
      else
        send_not_found (msg);
    }
  else if (g_str_equal (segments[1], "workflows"))
    route_workflows (self, msg, workspace, method, (const char * const *) segments, n_segments);
  else if (is_reserved_word (segments[1]))
    send_not_found (msg);
  else
    route_project (self, msg, workspace, method, (const char * const *) segments, n_segments);
}

static void
delayed_reply_free (gpointer data)
{
  DelayedReply *reply = data;

  g_clear_handle_id (&reply->source_id, g_source_remove);
  g_clear_signal_handler (&reply->finished_id, reply->msg);
  g_clear_object (&reply->msg);
  g_free (reply);
}

static gboolean
delayed_reply_cb (gpointer user_data)
{
  DelayedReply *reply = user_data;

  reply->source_id = 0;
  soup_server_message_unpause (reply->msg);
  g_ptr_array_remove_fast (reply->self->delayed_replies, reply);

  return G_SOURCE_REMOVE;
}

/* The client went away while the answer was held back. */
static void
delayed_reply_finished_cb (SoupServerMessage *msg,
                           DelayedReply      *reply)
{
  g_ptr_array_remove_fast (reply->self->delayed_replies, reply);
}

static void
delay_reply (SalvageServer     *self,
             SoupServerMessage *msg)
{
  DelayedReply *reply = g_new0 (DelayedReply, 1);

  reply->self = self;
  reply->msg = g_object_ref (msg);
  reply->finished_id = g_signal_connect (msg, "finished",
                                         G_CALLBACK (delayed_reply_finished_cb), reply);
  reply->source_id = g_timeout_add (self->latency_msec, delayed_reply_cb, reply);
  g_ptr_array_add (self->delayed_replies, reply);

  soup_server_message_pause (msg);
}

static void
server_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  SalvageServer *self = user_data;

  self->request_count++;
  purge_expired (self);
  route (self, msg);

  if (self->latency_msec > 0)
    delay_reply (self, msg);
}

/* GObject {{{1 */

static void
salvage_server_dispose (GObject *object)
{
  SalvageServer *self = (SalvageServer *)object;

  if (self->soup_server != NULL)
    soup_server_disconnect (self->soup_server);
  g_clear_pointer (&self->delayed_replies, g_ptr_array_unref);
  g_clear_object (&self->soup_server);

  G_OBJECT_CLASS (salvage_server_parent_class)->dispose (object);
}

static void
salvage_server_finalize (GObject *object)
{
  SalvageServer *self = (SalvageServer *)object;

  g_clear_pointer (&self->workspaces, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (salvage_server_parent_class)->finalize (object);
}

static void
salvage_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalvageServer *self = SALVAGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_LATENCY:
      g_value_set_uint (value, self->latency_msec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalvageServer *self = SALVAGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_LATENCY:
      salvage_server_set_latency (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_server_class_init (SalvageServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_server_dispose;
  object_class->finalize = salvage_server_finalize;
  object_class->get_property = salvage_server_get_property;
  object_class->set_property = salvage_server_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_server_init (SalvageServer *self)
{
  self->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, workspace_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rand = g_rand_new_with_seed (0x5a17a6e);
  self->delayed_replies = g_ptr_array_new_with_free_func (delayed_reply_free);
  self->soup_server = soup_server_new (NULL, NULL);
  soup_server_add_handler (self->soup_server, NULL, server_request_cb, self, NULL);
}

/* Public API {{{1 */

SalvageServer *
salvage_server_new (void)
{
  return g_object_new (SALVAGE_TYPE_SERVER, NULL);
}

gboolean
salvage_server_listen (SalvageServer  *self,
                       guint           port,
                       GError        **error)
{
  g_autoslist(GUri) uris = NULL;
  GUri *uri;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!soup_server_listen_local (self->soup_server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (self->soup_server);
  if (uris == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The server has no address");
      return FALSE;
    }

  uri = uris->data;
  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);

  return TRUE;
}

const char *
salvage_server_get_url (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);

  return self->url;
}

void
salvage_server_set_latency (SalvageServer *self,
                            guint          msec)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  if (self->latency_msec == msec)
    return;

  self->latency_msec = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}

void
salvage_server_set_time (SalvageServer *self,
                         gint64         unix_usec)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  self->frozen_time = unix_usec;
}

gint64
salvage_server_get_time (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  return self->frozen_time != 0 ? self->frozen_time : g_get_real_time ();
}

guint
salvage_server_get_request_count (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  return self->request_count;
}

void
salvage_server_add_workspace (SalvageServer *self,
                              const char    *slug,
                              const char    *name)
{
  SalvageServerWorkspace *workspace;

  g_return_if_fail (SALVAGE_IS_SERVER (self));
  g_return_if_fail (slug != NULL && slug[0] != '\0' && strchr (slug, '/') == NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (!g_hash_table_contains (self->workspaces, slug));

  workspace = g_new0 (SalvageServerWorkspace, 1);
  workspace->slug = g_strdup (slug);
  workspace->name = g_strdup (name);
  workspace->members = g_ptr_array_new_with_free_func (member_free);
  workspace->projects = g_ptr_array_new_with_free_func (project_free);
  workspace->live_projects = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->projects_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->workflows = g_ptr_array_new_with_free_func (workflow_free);
  workspace->live_workflows = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->workflows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->trainings_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->next_cleanup = G_MAXINT64;
  g_hash_table_insert (self->workspaces, workspace->slug, workspace);

  /* Deletes through the API are made in the name of the key's owner. */
  salvage_server_workspace_ensure_member (self, workspace, "Alex Morgan");
}

void
salvage_server_add_key (SalvageServer *self,
                        const char    *api_key,
                        const char    *workspace_slug)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));
  g_return_if_fail (api_key != NULL && api_key[0] != '\0');
  g_return_if_fail (workspace_slug != NULL);

  g_hash_table_replace (self->keys, g_strdup (api_key), g_strdup (workspace_slug));
}

const char *
salvage_server_add_project (SalvageServer *self,
                            const char    *ws,
                            const char    *slug,
                            const char    *name,
                            const char    *project_type,
                            gint64         images)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  gint64 now;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (project_type != NULL, NULL);
  g_return_val_if_fail (images >= 0, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || !is_valid_slug (slug) ||
      g_hash_table_contains (workspace->live_projects, slug))
    return NULL;

  now = salvage_server_get_time (self);

  project = g_new0 (SalvageServerProject, 1);
  project->workspace = workspace;
  do
    {
      g_free (project->id);
      project->id = new_id (self, "d_", 20);
    }
  while (g_hash_table_contains (workspace->projects_by_id, project->id));
  project->slug = g_strdup (slug);
  project->name = g_strdup (name);
  project->type = g_strdup (project_type);
  project->annotation = g_strdup (name);
  project->created = now;
  project->updated = now;
  project->images = images;
  project->cleanup_delete_images = TRUE;
  project->versions = g_ptr_array_new_with_free_func (version_free);

  g_ptr_array_add (workspace->projects, project);
  g_hash_table_insert (workspace->live_projects, project->slug, project);
  g_hash_table_insert (workspace->projects_by_id, project->id, project);

  return project->id;
}

const char *
salvage_server_add_version (SalvageServer *self,
                            const char    *ws,
                            const char    *project_slug,
                            guint          number,
                            const char    *name,
                            gint64         images)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  gboolean found;
  guint position;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (images >= 0, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || number == 0 || number > 999999999)
    return NULL;

  project = salvage_server_workspace_lookup_project (workspace, project_slug);
  if (project == NULL)
    return NULL;

  /* Version numbers are never reused, not even after a delete. */
  position = version_position (project, number, &found);
  if (found)
    return NULL;

  version = g_new0 (SalvageServerVersion, 1);
  version->project = project;
  version->number = number;
  version->full_id = g_strdup_printf ("%s/%s/%u", workspace->slug, project->slug, number);
  version->name = g_strdup (name);
  version->created = salvage_server_get_time (self);
  version->images = images;
  version->trainings = g_ptr_array_new_with_free_func (training_free);
  version_parse_name (version);

  g_ptr_array_insert (project->versions, position, version);

  return version->full_id;
}

const char *
salvage_server_add_training (SalvageServer *self,
                             const char    *ws,
                             const char    *project_slug,
                             guint          number,
                             const char    *status,
                             const char    *model_type)
{
  static const char * const statuses[] = {
    "running", "queued", "finished", "failed", "cancelled", NULL,
  };
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  SalvageServerTraining *training;
  gint64 now;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (model_type != NULL, NULL);

  if (status == NULL || !g_strv_contains (statuses, status))
    return NULL;

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return NULL;

  project = salvage_server_workspace_lookup_project (workspace, project_slug);
  if (project == NULL || (version = lookup_live_version (project, number)) == NULL)
    return NULL;

  now = salvage_server_get_time (self);

  training = g_new0 (SalvageServerTraining, 1);
  training->version = version;
  do
    {
      g_free (training->id);
      training->id = new_id (self, "t_", 20);
    }
  while (g_hash_table_contains (workspace->trainings_by_id, training->id));
  training->status = g_intern_string (status);
  training->model_type = g_intern_string (model_type);
  if (!g_str_equal (status, "queued"))
    training->started = now - G_TIME_SPAN_HOUR;
  if (!is_in_flight (status))
    training->ended = now;

  g_ptr_array_add (version->trainings, training);
  g_hash_table_insert (workspace->trainings_by_id, training->id, training);

  return training->id;
}

const char *
salvage_server_add_workflow (SalvageServer *self,
                             const char    *ws,
                             const char    *url,
                             const char    *name)
{
  SalvageServerWorkspace *workspace;
  SalvageServerWorkflow *workflow;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || url == NULL || url[0] == '\0' || strchr (url, '/') != NULL ||
      g_hash_table_contains (workspace->live_workflows, url))
    return NULL;

  workflow = g_new0 (SalvageServerWorkflow, 1);
  do
    {
      g_free (workflow->id);
      workflow->id = new_id (self, "wf_", 20);
    }
  while (g_hash_table_contains (workspace->workflows_by_id, workflow->id));
  workflow->url = g_strdup (url);
  workflow->name = g_strdup (name);
  workflow->status = g_intern_static_string ("active");
  workflow->block_count = 3;
  workflow->created = salvage_server_get_time (self);

  g_ptr_array_add (workspace->workflows, workflow);
  g_hash_table_insert (workspace->live_workflows, workflow->url, workflow);
  g_hash_table_insert (workspace->workflows_by_id, workflow->id, workflow);

  return workflow->id;
}

gboolean
salvage_server_trash (SalvageServer *self,
                      const char    *ws,
                      const char    *kind,
                      const char    *path,
                      gint64         deleted_at_usec,
                      const char    *deleted_by_name)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  const SalvageServerMember *deleter;
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  guint number = 0;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (deleted_by_name != NULL, FALSE);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return FALSE;

  deleter = salvage_server_workspace_ensure_member (self, workspace, deleted_by_name);

  if (g_str_equal (kind, "workflow"))
    {
      SalvageServerWorkflow *workflow = salvage_server_workspace_lookup_workflow (workspace, path);

      if (workflow == NULL)
        return FALSE;

      trash_workflow (workspace, workflow, deleted_at_usec, deleter);
      return TRUE;
    }

  parts = g_strsplit (path, "/", -1);
  n_parts = g_strv_length (parts);
  project = salvage_server_workspace_lookup_project (workspace, parts[0] != NULL ? parts[0] : "");
  if (project == NULL)
    return FALSE;

  if (g_str_equal (kind, "project") && n_parts == 1)
    {
      trash_project (workspace, project, deleted_at_usec, deleter);
      return TRUE;
    }

  if (n_parts < 2 || !parse_version_number (parts[1], &number) ||
      (version = lookup_live_version (project, number)) == NULL)
    return FALSE;

  if (g_str_equal (kind, "version") && n_parts == 2)
    {
      trash_version (workspace, version, deleted_at_usec, deleter);
      return TRUE;
    }

  if (g_str_equal (kind, "training") && n_parts == 3)
    {
      SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace,
                                                                                  parts[2]);

      /* The API refuses runs in flight; seeding follows the same rule. */
      if (training == NULL || training->version != version || is_trashed (&training->trash) ||
          is_in_flight (training->status))
        return FALSE;

      mark_trashed (workspace, &training->trash, deleted_at_usec, deleter);
      return TRUE;
    }

  return FALSE;
}

/* Whether a record, or any record above it, is in the Trash. */
SalvageServerItemState
salvage_server_get_item_state (SalvageServer *self,
                               const char    *ws,
                               const char    *kind,
                               const char    *path)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  guint number = 0;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (ws != NULL, SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (kind != NULL, SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (path != NULL, SALVAGE_SERVER_ITEM_ABSENT);

  purge_expired (self);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  if (g_str_equal (kind, "workflow"))
    {
      if (g_hash_table_contains (workspace->live_workflows, path))
        return SALVAGE_SERVER_ITEM_LIVE;

      for (guint i = 0; i < workspace->workflows->len; i++)
        {
          SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

          if (g_str_equal (workflow->url, path))
            return SALVAGE_SERVER_ITEM_TRASHED;
        }

      return SALVAGE_SERVER_ITEM_ABSENT;
    }

  parts = g_strsplit (path, "/", -1);
  n_parts = g_strv_length (parts);
  if (n_parts == 0)
    return SALVAGE_SERVER_ITEM_ABSENT;

  project = salvage_server_workspace_lookup_project (workspace, parts[0]);
  if (project == NULL)
    project = lookup_trashed_project (workspace, parts[0]);
  if (project == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  if (g_str_equal (kind, "project") && n_parts == 1)
    return is_trashed (&project->trash) ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;

  if (n_parts < 2 || !parse_version_number (parts[1], &number) ||
      (version = salvage_server_project_lookup_version (project, number)) == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  if (g_str_equal (kind, "version") && n_parts == 2)
    return is_trashed (&project->trash) || is_trashed (&version->trash)
           ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;

  if (g_str_equal (kind, "training") && n_parts == 3)
    {
      SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace,
                                                                                  parts[2]);

      if (training == NULL || training->version != version)
        return SALVAGE_SERVER_ITEM_ABSENT;

      return is_trashed (&project->trash) || is_trashed (&version->trash) ||
             is_trashed (&training->trash)
             ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;
    }

  return SALVAGE_SERVER_ITEM_ABSENT;
}

const char *
salvage_server_get_training_status (SalvageServer *self,
                                    const char    *ws,
                                    const char    *project_slug,
                                    guint          number,
                                    const char    *training_id)
{
  SalvageServerWorkspace *workspace;
  SalvageServerTraining *training;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (training_id != NULL, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return NULL;

  training = salvage_server_workspace_lookup_training (workspace, training_id);
  if (training == NULL || training->version->number != number ||
      !g_str_equal (training->version->project->slug, project_slug))
    return NULL;

  return training->status;
}

/* Private API, for the demo {{{1 */

void
salvage_server_set_seed (SalvageServer *self,
                         guint32        seed)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  g_rand_set_seed (self->rand, seed);
}

SalvageServerWorkspace *
salvage_server_lookup_workspace (SalvageServer *self,
                                 const char    *slug)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);

  return slug != NULL ? g_hash_table_lookup (self->workspaces, slug) : NULL;
}

const SalvageServerMember *
salvage_server_workspace_ensure_member (SalvageServer          *self,
                                        SalvageServerWorkspace *workspace,
                                        const char             *name)
{
  SalvageServerMember *member;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < workspace->members->len; i++)
    {
      member = g_ptr_array_index (workspace->members, i);
      if (g_str_equal (member->name, name))
        return member;
    }

  member = g_new0 (SalvageServerMember, 1);
  member->id = new_id (self, "", 28);
  member->name = g_strdup (name);
  g_ptr_array_add (workspace->members, member);

  return member;
}

SalvageServerProject *
salvage_server_workspace_lookup_project (SalvageServerWorkspace *workspace,
                                         const char             *slug)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return slug != NULL ? g_hash_table_lookup (workspace->live_projects, slug) : NULL;
}

SalvageServerWorkflow *
salvage_server_workspace_lookup_workflow (SalvageServerWorkspace *workspace,
                                          const char             *url)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return url != NULL ? g_hash_table_lookup (workspace->live_workflows, url) : NULL;
}

SalvageServerVersion *
salvage_server_project_lookup_version (SalvageServerProject *project,
                                       guint                 number)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (project != NULL, NULL);

  position = version_position (project, number, &found);

  return found ? g_ptr_array_index (project->versions, position) : NULL;
}

SalvageServerTraining *
salvage_server_workspace_lookup_training (SalvageServerWorkspace *workspace,
                                          const char             *id)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return id != NULL ? g_hash_table_lookup (workspace->trainings_by_id, id) : NULL;
}

void
salvage_server_project_set_classes (SalvageServerProject *project,
                                    const char * const   *names,
                                    const gint64         *counts)
{
  guint n_names;

  g_return_if_fail (project != NULL);
  g_return_if_fail (names != NULL);
  g_return_if_fail (counts != NULL);

  n_names = g_strv_length ((GStrv) names);

  g_strfreev (project->classes);
  g_free (project->class_counts);
  project->classes = g_strdupv ((GStrv) names);
  project->class_counts = n_names > 0 ? g_memdup2 (counts, sizeof (gint64) * n_names) : NULL;
}
