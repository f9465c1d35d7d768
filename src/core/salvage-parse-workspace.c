/* salvage-parse-workspace.c - the key check, and a workspace's projects, versions,
 * trainings and workflows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

char *
salvage_parse_key_check (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *workspace;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = salvage_parse_load_json (body, error)))
    return NULL;

  /* The CLI reads a JSON null as "this key is not valid". */
  if (JSON_NODE_HOLDS_NULL (root))
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY,
                   "The server does not know this API key");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer to the key check is not an object"));
      return NULL;
    }

  workspace = json_object_get_member (json_node_get_object (root), "workspace");

  if (salvage_node_is_absent (workspace) ||
      (salvage_node_is_string (workspace) && json_node_get_string (workspace)[0] == '\0'))
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY,
                   "The server did not name a workspace for this API key");
      return NULL;
    }

  if (!salvage_node_is_string (workspace))
    {
      salvage_parse_bad_shape (error, _("“workspace” is not a string"));
      return NULL;
    }

  return g_strdup (json_node_get_string (workspace));
}

/* A project entry of GET /{ws}, or the "project" object of GET /{ws}/{project}.
 * Returns NULL when it has neither "id" nor "url". */
static SalvageProject *
project_from_fields (SalvageFields *fields,
                     const char    *workspace_slug,
                     const char    *fallback_slug)
{
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autofree char *built_id = NULL;
  const char *id;
  const char *slug;
  JsonArray *versions;
  gint64 version_count;

  id = salvage_field_nonempty (fields, "id");
  slug = id != NULL ? salvage_parse_last_segment (id) : NULL;
  if (slug == NULL || slug[0] == '\0')
    slug = salvage_field_nonempty (fields, "url");
  if (slug == NULL)
    slug = fallback_slug;
  if (slug == NULL || slug[0] == '\0')
    return NULL;

  if (id == NULL && workspace_slug != NULL)
    id = built_id = g_strconcat (workspace_slug, "/", slug, NULL);

  /* A count in listings, an array when a project is fetched on its own. */
  if ((versions = salvage_field_array (fields, "versions")))
    version_count = json_array_get_length (versions);
  else
    version_count = salvage_field_count (fields, "versions");

  created = salvage_field_date (fields, "created");
  updated = salvage_field_date (fields, "updated");

  return g_object_new (SALVAGE_TYPE_PROJECT,
                       "id", id,
                       "slug", slug,
                       "name", salvage_field_string (fields, "name"),
                       "project-type", salvage_field_string (fields, "type"),
                       "annotation", salvage_field_string (fields, "annotation"),
                       "images", salvage_field_count (fields, "images"),
                       "unannotated", salvage_field_count (fields, "unannotated"),
                       "version-count", version_count,
                       "public", salvage_field_boolean (fields, "public", FALSE),
                       "created", created,
                       "updated", updated,
                       NULL);
}

GPtrArray *
salvage_parse_workspace (GBytes  *body,
                         char   **name_out,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  SalvageFields top;
  SalvageFields workspace;
  JsonObject *object;
  JsonNode *list;
  JsonArray *array;
  const char *slug;
  const char *name;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = salvage_parse_load_json (body, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer about the workspace is not an object"));
      return NULL;
    }

  /* The real API wraps the workspace; accept it bare as well. */
  salvage_fields_init (&top, json_node_get_object (root));
  object = salvage_field_object (&top, "workspace");
  if (!salvage_fields_check (&top, error))
    return NULL;
  if (object == NULL)
    {
      if (json_object_has_member (top.object, "projects"))
        object = top.object;
      else
        {
          salvage_parse_bad_response (error, _("The server’s answer has no “workspace” object"));
          return NULL;
        }
    }

  salvage_fields_init (&workspace, object);
  slug = salvage_field_nonempty (&workspace, "url");
  name = salvage_field_nonempty (&workspace, "name");
  if (!salvage_fields_check (&workspace, error))
    return NULL;

  list = json_object_get_member (object, "projects");
  if (list == NULL)
    {
      salvage_parse_bad_shape (error, _("The workspace has no “projects” list"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      salvage_parse_bad_shape (error, _("“projects” is not a list"));
      return NULL;
    }

  array = json_node_get_array (list);
  n = json_array_get_length (array);
  projects = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(SalvageProject) project = NULL;
      SalvageFields entry;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          salvage_parse_bad_shape (error, _("Project %u of “projects” is not an object"), i + 1);
          return NULL;
        }

      salvage_fields_init (&entry, json_node_get_object (element));
      project = project_from_fields (&entry, slug, NULL);
      if (!salvage_fields_check (&entry, error))
        return NULL;
      if (project == NULL)
        {
          salvage_parse_bad_shape (error,
                                   _("Project %u of “projects” has no “id” or “url”"), i + 1);
          return NULL;
        }

      g_ptr_array_add (projects, g_steal_pointer (&project));
    }

  if (name_out != NULL)
    *name_out = g_strdup (name != NULL ? name : slug);

  return g_steal_pointer (&projects);
}

static int
version_compare_cb (gconstpointer a,
                    gconstpointer b)
{
  return salvage_version_compare (*(SalvageVersion **)a, *(SalvageVersion **)b);
}

/* "<ws>/<project>/<N>": the project is the segment before the number. */
static char *
project_slug_of_version (const char *id)
{
  const char *slash = strrchr (id, '/');
  const char *start = slash;

  if (slash == NULL || slash == id)
    return NULL;

  while (start > id && start[-1] != '/')
    start--;
  if (start > id && start < slash)
    return g_strndup (start, slash - start);

  return NULL;
}

GPtrArray *
salvage_parse_project (GBytes          *body,
                       const char      *project_slug,
                       SalvageProject **project_out,
                       GError         **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(SalvageProject) project = NULL;
  SalvageFields top;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (project_out != NULL)
    *project_out = NULL;

  if (!(root = salvage_parse_load_json (body, error)))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      salvage_parse_bad_response (error,
                                  _("The server’s answer about the project is not an object"));
      return NULL;
    }

  salvage_fields_init (&top, json_node_get_object (root));

  /* Only the top-level "versions" is the list; inside "project" it is a count. */
  if (!json_object_has_member (top.object, "versions"))
    {
      salvage_parse_bad_shape (error, _("The project has no “versions” list"));
      return NULL;
    }
  if (!(array = salvage_field_array (&top, "versions")))
    {
      salvage_parse_bad_shape (error, _("“versions” is not a list"));
      return NULL;
    }

  n = json_array_get_length (array);
  versions = g_ptr_array_new_full (n, g_object_unref);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) created = NULL;
      g_autofree char *slug = NULL;
      g_autofree char *id = NULL;
      SalvageFields entry;
      const char *name;
      gint64 images;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          salvage_parse_bad_shape (error, _("Version %u of “versions” is not an object"), i + 1);
          return NULL;
        }

      salvage_fields_init (&entry, json_node_get_object (element));

      /* The SDK's own fixture repeats an id; the first one wins. */
      id = salvage_field_dup_id (&entry, "id");
      if (id != NULL && g_hash_table_contains (seen, id))
        continue;

      name = salvage_field_string (&entry, "name");
      images = salvage_field_count (&entry, "images");
      created = salvage_field_date (&entry, "created");

      if (!salvage_fields_check (&entry, error))
        return NULL;
      if (id == NULL)
        {
          salvage_parse_bad_shape (error,
                                   _("Version %u of “versions” has no usable “id”"), i + 1);
          return NULL;
        }

      if (!(slug = project_slug_of_version (id)))
        slug = g_strdup (project_slug);

      g_ptr_array_add (versions,
                       g_object_new (SALVAGE_TYPE_VERSION,
                                     "id", id,
                                     "project-slug", slug,
                                     "name", name,
                                     "images", images,
                                     "created", created,
                                     NULL));
      g_hash_table_add (seen, g_steal_pointer (&id));
    }

  g_ptr_array_sort (versions, version_compare_cb);

  /* The project itself, when asked for and present. */
  if (project_out != NULL)
    {
      JsonObject *project_object = salvage_field_object (&top, "project");
      JsonObject *workspace_object = salvage_field_object (&top, "workspace");
      const char *workspace_slug = NULL;
      SalvageFields workspace;
      SalvageFields fields;

      if (workspace_object != NULL)
        {
          salvage_fields_init (&workspace, workspace_object);
          workspace_slug = salvage_field_nonempty (&workspace, "url");
          if (!salvage_fields_check (&workspace, error))
            return NULL;
        }

      if (project_object != NULL)
        {
          salvage_fields_init (&fields, project_object);
          project = project_from_fields (&fields, workspace_slug, project_slug);
          if (!salvage_fields_check (&fields, error))
            return NULL;
        }

      if (!salvage_fields_check (&top, error))
        return NULL;

      *project_out = g_steal_pointer (&project);
    }

  return g_steal_pointer (&versions);
}

GPtrArray *
salvage_parse_trainings (GBytes      *body,
                         const char  *project_slug,
                         const char  *version_number,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) trainings = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = salvage_parse_load_json (body, error)))
    return NULL;

  if (!(array = salvage_parse_get_list (root, "trainings", "trainings", error)))
    return NULL;

  n = json_array_get_length (array);
  trainings = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) started = NULL;
      g_autoptr(GDateTime) finished = NULL;
      g_autofree char *id = NULL;
      g_autofree char *entry_version = NULL;
      SalvageFields entry;
      const char *status;
      const char *model_type;
      const char *job_type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          salvage_parse_bad_shape (error,
                                   _("Training run %u of “trainings” is not an object"), i + 1);
          return NULL;
        }

      salvage_fields_init (&entry, json_node_get_object (element));
      id = salvage_field_dup_id (&entry, "id");
      if (version_number == NULL)
        entry_version = salvage_field_dup_id (&entry, "versionId");
      status = salvage_field_string (&entry, "status");
      model_type = salvage_field_string (&entry, "modelType");
      job_type = salvage_field_string (&entry, "jobType");
      started = salvage_field_date (&entry, "start");
      finished = salvage_field_date (&entry, "end");

      if (!salvage_fields_check (&entry, error))
        return NULL;
      if (id == NULL)
        {
          salvage_parse_bad_shape (error,
                                   _("Training run %u of “trainings” has no usable “id”"), i + 1);
          return NULL;
        }

      g_ptr_array_add (trainings,
                       g_object_new (SALVAGE_TYPE_TRAINING,
                                     "id", id,
                                     "project-slug", project_slug,
                                     "version-number",
                                     version_number ? version_number :
                                     entry_version ? salvage_parse_last_segment (entry_version)
                                                   : NULL,
                                     "status", status,
                                     "model-type", model_type,
                                     "job-type", job_type,
                                     "started", started,
                                     "finished", finished,
                                     NULL));
    }

  return g_steal_pointer (&trainings);
}

/* The first of @members (NULL-terminated) that holds a date. No workflow
 * date is evidenced, and the API spells dates three ways elsewhere
 * (projects "created", model evaluations "createdAt", device revisions
 * "created_at"; API doc §2.6), ISO 8601 or epoch seconds: all are read. */
static GDateTime *
field_date_any (SalvageFields      *fields,
                const char * const *members)
{
  for (guint i = 0; members[i] != NULL; i++)
    {
      GDateTime *date = salvage_field_date (fields, members[i]);

      if (date != NULL)
        return date;
    }

  return NULL;
}

static const char * const created_members[] = { "created", "createdAt", "created_at", NULL };
static const char * const updated_members[] = { "updated", "updatedAt", "updated_at", NULL };

GPtrArray *
salvage_parse_workflows (GBytes  *body,
                         GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) workflows = NULL;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(root = salvage_parse_load_json (body, error)))
    return NULL;

  if (!(array = salvage_parse_get_list (root, "workflows", "workflows", error)))
    return NULL;

  n = json_array_get_length (array);
  workflows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) updated = NULL;
      SalvageFields entry;
      const char *url;
      const char *id;
      const char *name;
      const char *status;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          salvage_parse_bad_shape (error,
                                   _("Workflow %u of “workflows” is not an object"), i + 1);
          return NULL;
        }

      salvage_fields_init (&entry, json_node_get_object (element));
      url = salvage_field_nonempty (&entry, "url");
      id = salvage_field_nonempty (&entry, "id");
      name = salvage_field_string (&entry, "name");
      status = salvage_field_string (&entry, "status");
      created = field_date_any (&entry, created_members);
      updated = field_date_any (&entry, updated_members);

      if (!salvage_fields_check (&entry, error))
        return NULL;

      /* Workflows are deleted by url, so one without it is of no use. */
      if (url == NULL)
        {
          salvage_parse_bad_shape (error, _("Workflow %u of “workflows” has no “url”"), i + 1);
          return NULL;
        }

      g_ptr_array_add (workflows,
                       g_object_new (SALVAGE_TYPE_WORKFLOW,
                                     "id", id,
                                     "url", url,
                                     "name", name,
                                     "status", status,
                                     "created", created,
                                     "updated", updated,
                                     NULL));
    }

  return g_steal_pointer (&workflows);
}
