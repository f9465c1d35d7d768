/* salvage-server-reads.c - the stand-in's read-only routes
 *
 * The key check, the workspace with its projects, a project with its
 * versions, a version, its trainings, and the workflows: what a client
 * sees of the live items. Trashed items are never shown here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server-private.h"

void
salvage_server_handle_key_check (SoupServerMessage      *msg,
                                 SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "welcome", "Welcome to the Roboflow API.");
  json_object_set_string_member (object, "instructions",
                                 "You are successfully authenticated. You can see your active "
                                 "workspace by issuing a GET request to / with your api_key.");
  json_object_set_string_member (object, "docs", "https://docs.roboflow.com");
  json_object_set_string_member (object, "workspace", workspace->slug);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_get_workspace (SoupServerMessage      *msg,
                                     SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();
  JsonObject *summary = salvage_server_workspace_summary_to_json (workspace);
  JsonArray *projects = json_array_new ();

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (!salvage_server_is_trashed (&project->trash))
        json_array_add_object_element (projects, salvage_server_project_to_json (project));
    }

  json_object_set_array_member (summary, "projects", projects);
  json_object_set_object_member (object, "workspace", summary);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_get_project (SoupServerMessage    *msg,
                                   SalvageServerProject *project)
{
  JsonObject *object = json_object_new ();
  JsonArray *versions = json_array_new ();

  /* Newest first, as in the SDK's own fixtures: clients must sort. */
  for (guint i = project->versions->len; i > 0; i--)
    {
      SalvageServerVersion *version = g_ptr_array_index (project->versions, i - 1);

      if (!salvage_server_is_trashed (&version->trash))
        json_array_add_object_element (versions, salvage_server_version_to_json (version));
    }

  json_object_set_object_member (object, "workspace",
                                 salvage_server_workspace_summary_to_json (project->workspace));
  json_object_set_object_member (object, "project", salvage_server_project_to_json (project));
  json_object_set_array_member (object, "versions", versions);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_get_version (SoupServerMessage    *msg,
                                   SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();
  JsonObject *version_object = salvage_server_version_to_json (version);
  JsonArray *classes = json_array_new ();
  SalvageServerProject *project = version->project;

  for (guint i = 0; project->classes != NULL && project->classes[i] != NULL; i++)
    json_array_add_string_element (classes, project->classes[i]);

  json_object_set_boolean_member (version_object, "generating", FALSE);
  json_object_set_double_member (version_object, "progress", 1.0);
  json_object_set_object_member (version_object, "models", json_object_new ());
  json_object_set_array_member (version_object, "classes", classes);

  json_object_set_object_member (object, "workspace",
                                 salvage_server_workspace_summary_to_json (project->workspace));
  json_object_set_object_member (object, "project", salvage_server_project_to_json (project));
  json_object_set_object_member (object, "version", version_object);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_list_trainings (SoupServerMessage    *msg,
                                      SalvageServerVersion *version)
{
  JsonObject *object = json_object_new ();
  JsonArray *trainings = json_array_new ();

  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      if (!salvage_server_is_trashed (&training->trash))
        json_array_add_object_element (trainings, salvage_server_training_to_json (training));
    }

  json_object_set_array_member (object, "trainings", trainings);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_list_workflows (SoupServerMessage      *msg,
                                      SalvageServerWorkspace *workspace)
{
  JsonObject *object = json_object_new ();
  JsonArray *workflows = json_array_new ();

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (!salvage_server_is_trashed (&workflow->trash))
        json_array_add_object_element (workflows,
                                       salvage_server_workflow_to_json (workflow, FALSE));
    }

  json_object_set_array_member (object, "workflows", workflows);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

void
salvage_server_handle_get_workflow (SoupServerMessage     *msg,
                                    SalvageServerWorkflow *workflow)
{
  JsonObject *object = json_object_new ();

  json_object_set_object_member (object, "workflow",
                                 salvage_server_workflow_to_json (workflow, TRUE));
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}
