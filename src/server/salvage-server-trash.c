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
 *        a live item;
 *    409 for deleting a training that is still queued or running: the
 *        same code the API uses for "cannot cancel a non-running job".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server-private.h"

/* What POST /{ws}/trash/restore accepts in "type". */
static const char * const restore_types[] = { "project", "version", "workflow", "training", NULL };

/* Deletes through the API are made in the name of the key's owner. */
static const SalvageServerMember *
api_user (SalvageServerWorkspace *workspace)
{
  return g_ptr_array_index (workspace->members, 0);
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

void
salvage_server_handle_delete_project (SalvageServer        *self,
                                      SoupServerMessage    *msg,
                                      SalvageServerProject *project)
{
  SalvageServerWorkspace *workspace = project->workspace;
  JsonObject *object = deleted_reply_new (workspace, "project");

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_project (workspace, project, salvage_server_get_time (self),
                                            api_user (workspace));

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
  JsonObject *object = deleted_reply_new (workspace, "version");
  g_autofree char *number = g_strdup_printf ("%u", version->number);

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_version (workspace, version, salvage_server_get_time (self),
                                            api_user (workspace));

  json_object_set_string_member (object, "project", version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "projectId", version->project->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_delete_training (SalvageServer         *self,
                                       SoupServerMessage     *msg,
                                       SalvageServerTraining *training)
{
  SalvageServerWorkspace *workspace = training->version->project->workspace;
  JsonObject *object;
  g_autofree char *number = NULL;

  if (salvage_server_is_in_flight (training->status))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "This training is still in progress. "
                                      "Stop or cancel it before deleting it.");
      return;
    }

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_mark_trashed (workspace, &training->trash,
                                           salvage_server_get_time (self), api_user (workspace));

  number = g_strdup_printf ("%u", training->version->number);
  object = deleted_reply_new (workspace, "training");
  json_object_set_string_member (object, "project", training->version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "trainingId", training->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_delete_workflow (SalvageServer          *self,
                                       SoupServerMessage      *msg,
                                       SalvageServerWorkspace *workspace,
                                       SalvageServerWorkflow  *workflow)
{
  JsonObject *object = deleted_reply_new (workspace, "workflow");

  if (!salvage_server_is_dry_run (self))
    salvage_server_workspace_trash_workflow (workspace, workflow, salvage_server_get_time (self),
                                             api_user (workspace));

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
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

static void
untrash (SalvageServerTrashMark *mark)
{
  mark->deleter = NULL;
  mark->deleted_at = 0;
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
      untrash (&project->trash);
      g_hash_table_replace (workspace->live_projects, project->slug, project);
    }
  send_restored (msg, "project", project->id);
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
    untrash (&version->trash);
  send_restored (msg, "version", id);
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
      untrash (&workflow->trash);
      g_hash_table_replace (workspace->live_workflows, workflow->url, workflow);
    }
  send_restored (msg, "workflow", workflow->id);
}

static void
restore_training (SalvageServer          *self,
                  SoupServerMessage      *msg,
                  SalvageServerWorkspace *workspace,
                  const char             *id)
{
  SalvageServerTraining *training = g_hash_table_lookup (workspace->trainings_by_id, id);

  if (training == NULL || !salvage_server_is_trashed (&training->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return;
    }

  if (salvage_server_is_trashed (&training->version->trash) ||
      salvage_server_is_trashed (&training->version->project->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "The training's project or version is in the Trash. "
                                      "Restore it first.");
      return;
    }

  if (!salvage_server_is_dry_run (self))
    untrash (&training->trash);
  send_restored (msg, "training", training->id);
}

void
salvage_server_handle_restore (SalvageServer          *self,
                               SoupServerMessage      *msg,
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

  /* Strict, as the service's own reader is. Without it, json-glib 1.10 reads
   * a body of several values, such as "{} {}", as one array that it leaves
   * unsealed even in an immutable parser, and json_parser_get_root() then
   * aborts the whole server on its sanity check. */
  json_parser_set_strict (parser, TRUE);

  if (length == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "The request body must be a JSON object.");
      return;
    }

  request = json_node_get_object (root);
  type = get_string_member (request, "type");
  id = get_string_member (request, "id");
  parent_id = get_string_member (request, "parentId");

  if (type == NULL || !g_strv_contains (restore_types, type))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "\"type\" must be one of project, version, workflow "
                                      "or training.");
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
    restore_training (self, msg, workspace, id);
  else if (parent_id == NULL || parent_id[0] == '\0')
    salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                    "\"parentId\" is required to restore a version.");
  else
    restore_version (self, msg, workspace, id, parent_id);
}
