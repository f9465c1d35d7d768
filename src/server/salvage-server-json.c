/* salvage-server-json.c - the stand-in server's records as the Roboflow API writes them
 *
 * Field names, types and formats follow the API notes: epoch seconds with
 * a fraction for project and version dates, ISO-8601 UTC date-times in the
 * Trash, sizes as strings in preprocessing steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "salvage-server-private.h"

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

JsonObject *
salvage_server_workspace_summary_to_json (SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "name", workspace->name);
  json_object_set_string_member (object, "url", workspace->slug);
  json_object_set_int_member (object, "members", workspace->members->len);

  return object;
}

/* The twelve fields the Roboflow SDK requires, plus the count of versions. */
JsonObject *
salvage_server_project_to_json (SalvageServerProject *project)
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
  json_object_set_int_member (object, "versions",
                              salvage_server_project_count_live_versions (project));
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

JsonObject *
salvage_server_version_to_json (SalvageServerVersion *version)
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

JsonObject *
salvage_server_training_to_json (SalvageServerTraining *training)
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

JsonObject *
salvage_server_workflow_to_json (SalvageServerWorkflow *workflow,
                                 gboolean               full)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "id", workflow->id);
  json_object_set_string_member (object, "name", workflow->name);
  json_object_set_string_member (object, "url", workflow->url);
  json_object_set_string_member (object, "status", workflow->status);
  /* No workflow date is evidenced; the API's newer objects spell their
   * dates so (model evaluations, API doc §2.6). */
  set_date_member (object, "createdAt", workflow->created);

  if (full)
    {
      json_object_set_string_member (object, "description", "");
      json_object_set_int_member (object, "blockCount", workflow->block_count);
      /* The API keeps it as a JSON string wrapping the specification. */
      json_object_set_string_member (object, "config",
                                     "{\"specification\":{\"version\":\"1.0\",\"inputs\":[],"
                                     "\"steps\":[],\"outputs\":[]}}");
    }

  return object;
}

/* The Trash listing */

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
  guint                         order;    /* in the walk, to break ties */
} TrashEntry;

static const char * const entry_types[] = { "project", "version", "workflow", "training" };
static const char * const entry_sections[] = { "projects", "versions", "workflows", "trainings" };

static int
trash_entry_compare (gconstpointer a,
                     gconstpointer b)
{
  const TrashEntry *entry_a = a;
  const TrashEntry *entry_b = b;

  /* Newest first, then in the order of the walk, so that every answer
   * lists the same Trash the same way. */
  if (entry_a->mark->deleted_at != entry_b->mark->deleted_at)
    return entry_a->mark->deleted_at < entry_b->mark->deleted_at ? 1 : -1;

  return entry_a->order < entry_b->order ? -1 : entry_a->order > entry_b->order;
}

static void
append_entry (GArray                       *entries,
              EntryKind                     kind,
              gpointer                      record,
              const SalvageServerTrashMark *mark)
{
  TrashEntry entry = { kind, record, mark, entries->len };

  g_array_append_val (entries, entry);
}

static GArray *
collect_trash (SalvageServerWorkspace *workspace)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (TrashEntry));

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (salvage_server_is_trashed (&project->trash))
        append_entry (entries, ENTRY_PROJECT, project, &project->trash);

      for (guint v = 0; v < project->versions->len; v++)
        {
          SalvageServerVersion *version = g_ptr_array_index (project->versions, v);

          if (salvage_server_is_trashed (&version->trash))
            append_entry (entries, ENTRY_VERSION, version, &version->trash);

          for (guint t = 0; t < version->trainings->len; t++)
            {
              SalvageServerTraining *training = g_ptr_array_index (version->trainings, t);

              if (salvage_server_is_trashed (&training->trash))
                append_entry (entries, ENTRY_TRAINING, training, &training->trash);
            }
        }
    }

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (salvage_server_is_trashed (&workflow->trash))
        append_entry (entries, ENTRY_WORKFLOW, workflow, &workflow->trash);
    }

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
  append_date_member (out, "scheduledCleanupAt",
                      entry->mark->deleted_at + SALVAGE_SERVER_RETENTION);
  append_string_member (out, "deletedBy", entry->mark->deleter->id);
  append_string_member (out, "deletedByName", entry->mark->deleter->name);
  g_string_append_c (out, '}');
}

/* The whole answer of GET /{ws}/trash, newest first. */
GString *
salvage_server_workspace_write_trash (SalvageServerWorkspace *workspace)
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

  return body;
}
