/* salvage-server-trash.c - the stand-in's Trash routes: delete, list and restore
 *
 * A delete answers 200 with the shapes of ROBOFLOW_API.md §2.7–2.9; a
 * second delete never reaches these handlers, as trashed items do not
 * resolve. Every answer these handlers decide themselves is a flat
 * {"error":"…"}, as the SDK's Trash error funnel expects:
 *    400 for a restore body that is not a JSON object, an unknown "type",
 *        a missing "id", or a version without "parentId";
 *    404 "Item not found in Trash" for a restore of a record not in the
 *        Trash;
 *    409 for a restore whose parent (project, or project/version for a
 *        training) is itself in the Trash, or whose slug is used again by
 *        a live item.
 * Trainings have routes of their own, in salvage-server-trainings.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server-private.h"

const SalvageServerMember *
salvage_server_api_user (SalvageServerWorkspace *workspace)
{
  return g_ptr_array_index (workspace->members, 0);
}

JsonObject *
salvage_server_deleted_reply_new (SalvageServerWorkspace *workspace,
                                  const char             *type)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "deleted", TRUE);
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "workspace", workspace->slug);

  return object;
}

void
salvage_server_handle_delete_project (SalvageServer        *self,
                                      SoupServerMessage    *msg,
                                      SalvageServerProject *project)
{
  SalvageServerWorkspace *workspace = project->workspace;
  JsonObject *object = salvage_server_deleted_reply_new (workspace, "project");

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_project (workspace, project, salvage_server_get_time (self),
                                            salvage_server_api_user (workspace));

  json_object_set_string_member (object, "project", project->slug);
  json_object_set_string_member (object, "projectId", project->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_delete_version (SalvageServer        *self,
                                      SoupServerMessage    *msg,
                                      SalvageServerVersion *version)
{
  SalvageServerWorkspace *workspace = version->project->workspace;
  JsonObject *object = salvage_server_deleted_reply_new (workspace, "version");
  g_autofree char *number = g_strdup_printf ("%u", version->number);

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_version (workspace, version, salvage_server_get_time (self),
                                            salvage_server_api_user (workspace));

  json_object_set_string_member (object, "project", version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "projectId", version->project->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_delete_workflow (SalvageServer          *self,
                                       SoupServerMessage      *msg,
                                       SalvageServerWorkspace *workspace,
                                       SalvageServerWorkflow  *workflow)
{
  JsonObject *object = salvage_server_deleted_reply_new (workspace, "workflow");

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_workflow (workspace, workflow, salvage_server_get_time (self),
                                             salvage_server_api_user (workspace));

  json_object_set_string_member (object, "workflow", workflow->url);
  json_object_set_string_member (object, "workflowId", workflow->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_list_trash (SoupServerMessage      *msg,
                                  SalvageServerWorkspace *workspace)
{
  GString *body = salvage_server_workspace_write_trash (workspace);
  gsize length = body->len;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_string_free (body, FALSE), length);
}

void
salvage_server_send_restored (SoupServerMessage *msg,
                              const char        *type,
                              const char        *id)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "restored", TRUE);
  json_object_set_string_member (object, "type", type);
  json_object_set_string_member (object, "id", id);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

static void
restore_project (SalvageServer          *self,
                 SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *id)
{
  SalvageServerProject *project = g_hash_table_lookup (workspace->projects_by_id, id);

  if (project == NULL || !salvage_server_is_trashed (&project->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (g_hash_table_contains (workspace->live_projects, project->slug))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "A project with this URL already exists. "
                                      "Rename it, then restore again.");
      return;
    }

  if (!salvage_server_is_dry_run (self))
    {
      salvage_server_untrash (&project->trash);
      g_hash_table_replace (workspace->live_projects, project->slug, project);
    }
  salvage_server_send_restored (msg, "project", project->id);
}

static void
restore_version (SalvageServer          *self,
                 SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *id,
                 const char             *parent_id)
{
  SalvageServerProject *project = g_hash_table_lookup (workspace->projects_by_id, parent_id);
  SalvageServerVersion *version = NULL;
  guint number;

  if (project != NULL && salvage_server_parse_version_number (id, &number))
    version = salvage_server_project_lookup_version (project, number);

  if (version == NULL || !salvage_server_is_trashed (&version->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (salvage_server_is_trashed (&project->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "The parent project is in the Trash. "
                                      "Restore the project first.");
      return;
    }

  if (!salvage_server_is_dry_run (self))
    salvage_server_untrash (&version->trash);
  salvage_server_send_restored (msg, "version", id);
}

static void
restore_workflow (SalvageServer          *self,
                  SoupServerMessage      *msg,
                  SalvageServerWorkspace *workspace,
                  const char             *id)
{
  SalvageServerWorkflow *workflow = g_hash_table_lookup (workspace->workflows_by_id, id);

  if (workflow == NULL || !salvage_server_is_trashed (&workflow->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (g_hash_table_contains (workspace->live_workflows, workflow->url))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "A workflow with this URL already exists. "
                                      "Rename it, then restore again.");
      return;
    }

  if (!salvage_server_is_dry_run (self))
    {
      salvage_server_untrash (&workflow->trash);
      g_hash_table_replace (workspace->live_workflows, workflow->url, workflow);
    }
  salvage_server_send_restored (msg, "workflow", workflow->id);
}

/* What POST /{ws}/trash/restore accepts in "type": the design that
 * restores trainings elsewhere refuses "training" here. */
static const char * const restore_types[] = { "project", "version", "workflow", "training", NULL };
static const char * const restore_types_without_training[] = { "project", "version", "workflow",
                                                               NULL };

void
salvage_server_handle_restore (SalvageServer          *self,
                               SoupServerMessage      *msg,
                               SalvageServerWorkspace *workspace)
{
  g_autoptr(JsonObject) request = NULL;
  gboolean with_training;
  const char *type;
  const char *id;
  const char *parent_id;

  if ((request = salvage_server_read_request_object (msg, FALSE)) == NULL)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "The request body must be a JSON object.");
      return;
    }

  type = salvage_server_get_string_member (request, "type");
  id = salvage_server_get_string_member (request, "id");
  parent_id = salvage_server_get_string_member (request, "parentId");
  with_training =
    salvage_server_get_training_routes (self) == SALVAGE_SERVER_TRAINING_ROUTES_DELETE;

  if (type == NULL ||
      !g_strv_contains (with_training ? restore_types : restore_types_without_training, type))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      with_training ?
                                      "\"type\" must be one of project, version, workflow "
                                      "or training." :
                                      "\"type\" must be one of project, version or workflow.");
      return;
    }

  if (id == NULL || id[0] == '\0')
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "\"id\" must be a non-empty string.");
      return;
    }

  if (g_str_equal (type, "project"))
    restore_project (self, msg, workspace, id);
  else if (g_str_equal (type, "workflow"))
    restore_workflow (self, msg, workspace, id);
  else if (g_str_equal (type, "training"))
    salvage_server_restore_training (self, msg, workspace, id);
  else if (parent_id == NULL || parent_id[0] == '\0')
    salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                    "\"parentId\" is required to restore a version.");
  else
    restore_version (self, msg, workspace, id, parent_id);
}
