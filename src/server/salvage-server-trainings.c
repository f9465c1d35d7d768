/* salvage-server-trainings.c - the stand-in's routes below /{ws}/{project}/{N}/v2/trainings
 *
 * ROBOFLOW_API.md §2.15 records two designs for putting training runs in
 * the Trash and taking them out, and the stand-in serves either
 * (salvage_server_set_training_routes()); the routes of the other answer
 * like any route that does not exist:
 *
 *  - DELETE design: DELETE …/v2/trainings/{id} answers 200 with the usual
 *    {"deleted", "type", …, "trash": true}; restores go through the shared
 *    POST /{ws}/trash/restore with type "training".
 *  - POST design: POST …/v2/trainings/delete and POST …/v2/trainings/restore,
 *    both with {"trainingId"}. Both answer an empty 204: the draft that
 *    describes them reads an empty answer as {"inTrash": true} or
 *    {"restored": true}, and says no more of their bodies. "trainingId" may
 *    be left out of a delete when the version has one run.
 *
 * Where the evidence stops, the stand-in chooses:
 *
 *  - A refusal is a 409 with a flat {"error"} in words the draft's CLI
 *    looks for: a run still queued or running ("in progress"), the run
 *    behind the version's registered model ("registered model"), and, in
 *    the POST design, a delete without "trainingId" on a version with
 *    several runs ("MULTIPLE_TRAININGS").
 *  - Deleting the run whose model the version's alias serves repoints the
 *    alias to the newest other finished run of the version or, when there
 *    is none, deletes it. The DELETE design's answer says so in
 *    "versionAliasAction" ("repointed" or "deleted") and, when repointed,
 *    "versionAliasTarget": the id of the run whose model now serves. The
 *    POST design's empty answers say nothing of it. A restore leaves the
 *    alias as it is.
 *  - A run comes back only while its project and version are live: in the
 *    DELETE design a restore otherwise fails with 409; in the POST design
 *    its route does not resolve (404), as it goes through them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server-private.h"

/* Why the API refuses to delete @training, or NULL. */
static const char *
get_refusal (SalvageServerTraining *training)
{
  if (salvage_server_is_in_flight (training->status))
    return "This training is still in progress. Stop or cancel it before deleting it.";

  if (training->version->registered == training)
    return "This training produced the version's registered model and cannot be deleted. "
           "Register another model first.";

  return NULL;
}

/* The newest finished run of @version that is live and not @except. */
static SalvageServerTraining *
find_alias_successor (SalvageServerVersion  *version,
                      SalvageServerTraining *except)
{
  SalvageServerTraining *best = NULL;

  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      if (training == except || salvage_server_is_trashed (&training->trash) ||
          !g_str_equal (training->status, "finished"))
        continue;

      if (best == NULL || training->ended > best->ended)
        best = training;
    }

  return best;
}

/* Puts @training in the Trash, after checking that it may go. Returns
 * FALSE, with @msg answered, when it may not. @alias_action_out gets what
 * became of the version's alias ("repointed", "deleted" or NULL) and
 * @alias_target_out the run that serves it now. */
static gboolean
trash_training (SalvageServer          *self,
                SoupServerMessage      *msg,
                SalvageServerTraining  *training,
                const char            **alias_action_out,
                SalvageServerTraining **alias_target_out)
{
  SalvageServerVersion *version = training->version;
  SalvageServerWorkspace *workspace = version->project->workspace;
  SalvageServerTraining *successor = NULL;
  const char *refusal;

  *alias_action_out = NULL;
  *alias_target_out = NULL;

  if ((refusal = get_refusal (training)) != NULL)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT, refusal);
      return FALSE;
    }

  if (version->alias == training)
    {
      successor = find_alias_successor (version, training);
      *alias_action_out = successor != NULL ? "repointed" : "deleted";
      *alias_target_out = successor;
    }

  if (!salvage_server_is_dry_run (self))
    {
      if (version->alias == training)
        version->alias = successor;
      salvage_server_workspace_mark_trashed (workspace, &training->trash,
                                             salvage_server_get_time (self),
                                             salvage_server_api_user (workspace));
    }

  return TRUE;
}

/* The live run @id of @version, or NULL. */
static SalvageServerTraining *
lookup_live_training (SalvageServerVersion *version,
                      const char           *id)
{
  SalvageServerWorkspace *workspace = version->project->workspace;
  SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace, id);

  if (training == NULL || training->version != version ||
      salvage_server_is_trashed (&training->trash))
    return NULL;

  return training;
}

static void
send_empty (SoupServerMessage *msg)
{
  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

/* DELETE …/v2/trainings/{id} */
static void
handle_delete (SalvageServer         *self,
               SoupServerMessage     *msg,
               SalvageServerTraining *training)
{
  SalvageServerWorkspace *workspace = training->version->project->workspace;
  SalvageServerTraining *alias_target;
  const char *alias_action;
  g_autofree char *number = NULL;
  JsonObject *object;

  if (!trash_training (self, msg, training, &alias_action, &alias_target))
    return;

  number = g_strdup_printf ("%u", training->version->number);
  object = salvage_server_deleted_reply_new (workspace, "training");
  json_object_set_string_member (object, "project", training->version->project->slug);
  json_object_set_string_member (object, "version", number);
  json_object_set_string_member (object, "trainingId", training->id);
  json_object_set_boolean_member (object, "trash", TRUE);
  if (alias_action != NULL)
    json_object_set_string_member (object, "versionAliasAction", alias_action);
  if (alias_target != NULL)
    json_object_set_string_member (object, "versionAliasTarget", alias_target->id);
  salvage_server_send_json (msg, SOUP_STATUS_OK, object);
}

/* POST …/v2/trainings/delete with {"trainingId"}, which may be left out
 * when the version has one run. */
static void
handle_post_delete (SalvageServer        *self,
                    SoupServerMessage    *msg,
                    SalvageServerVersion *version)
{
  g_autoptr(JsonObject) request = NULL;
  SalvageServerTraining *training = NULL;
  SalvageServerTraining *alias_target;
  const char *alias_action;
  const char *id;

  if ((request = salvage_server_read_request_object (msg, TRUE)) == NULL)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "The request body must be a JSON object.");
      return;
    }

  if (json_object_has_member (request, "trainingId"))
    {
      id = salvage_server_get_string_member (request, "trainingId");
      if (id == NULL || id[0] == '\0')
        {
          salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                          "\"trainingId\" must be a non-empty string.");
          return;
        }

      training = lookup_live_training (version, id);
    }
  else
    {
      for (guint i = 0; i < version->trainings->len; i++)
        {
          SalvageServerTraining *candidate = g_ptr_array_index (version->trainings, i);

          if (salvage_server_is_trashed (&candidate->trash))
            continue;

          if (training != NULL)
            {
              salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                              "MULTIPLE_TRAININGS: this version has several "
                                              "trainings. Pass \"trainingId\".");
              return;
            }

          training = candidate;
        }
    }

  if (training == NULL)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Training not found");
      return;
    }

  if (trash_training (self, msg, training, &alias_action, &alias_target))
    send_empty (msg);
}

/* Brings @training back from the Trash, when its project and version are live. */
static gboolean
untrash_training (SalvageServer         *self,
                  SoupServerMessage     *msg,
                  SalvageServerTraining *training)
{
  if (training == NULL || !salvage_server_is_trashed (&training->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_NOT_FOUND, "Item not found in Trash");
      return FALSE;
    }

  if (salvage_server_is_trashed (&training->version->trash) ||
      salvage_server_is_trashed (&training->version->project->trash))
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_CONFLICT,
                                      "The training's project or version is in the Trash. "
                                      "Restore it first.");
      return FALSE;
    }

  if (!salvage_server_is_dry_run (self))
    salvage_server_untrash (&training->trash);

  return TRUE;
}

void
salvage_server_restore_training (SalvageServer          *self,
                                 SoupServerMessage      *msg,
                                 SalvageServerWorkspace *workspace,
                                 const char             *id)
{
  SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace, id);

  if (untrash_training (self, msg, training))
    salvage_server_send_restored (msg, "training", training->id);
}

/* POST …/v2/trainings/restore with {"trainingId"} */
static void
handle_post_restore (SalvageServer        *self,
                     SoupServerMessage    *msg,
                     SalvageServerVersion *version)
{
  SalvageServerWorkspace *workspace = version->project->workspace;
  g_autoptr(JsonObject) request = NULL;
  SalvageServerTraining *training;
  const char *id;

  if ((request = salvage_server_read_request_object (msg, FALSE)) == NULL)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "The request body must be a JSON object.");
      return;
    }

  id = salvage_server_get_string_member (request, "trainingId");
  if (id == NULL || id[0] == '\0')
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_BAD_REQUEST,
                                      "\"trainingId\" must be a non-empty string.");
      return;
    }

  training = salvage_server_workspace_lookup_training (workspace, id);
  if (training != NULL && training->version != version)
    training = NULL;

  if (untrash_training (self, msg, training))
    send_empty (msg);
}

void
salvage_server_route_trainings (SalvageServer        *self,
                                SoupServerMessage    *msg,
                                SalvageServerVersion *version,
                                const char           *method,
                                const char * const   *rest,
                                guint                 n_rest)
{
  SalvageServerTrainingRoutes routes = salvage_server_get_training_routes (self);
  SalvageServerTraining *training;

  if (n_rest == 0 && g_str_equal (method, "GET"))
    {
      salvage_server_handle_list_trainings (msg, version);
      return;
    }

  if (n_rest == 1 && routes == SALVAGE_SERVER_TRAINING_ROUTES_DELETE &&
      g_str_equal (method, "DELETE") &&
      (training = lookup_live_training (version, rest[0])) != NULL)
    {
      handle_delete (self, msg, training);
      return;
    }

  if (n_rest == 1 && routes == SALVAGE_SERVER_TRAINING_ROUTES_POST &&
      g_str_equal (method, "POST"))
    {
      if (g_str_equal (rest[0], "delete"))
        {
          handle_post_delete (self, msg, version);
          return;
        }

      if (g_str_equal (rest[0], "restore"))
        {
          handle_post_restore (self, msg, version);
          return;
        }
    }

  salvage_server_send_not_found (msg);
}

/* Setting up the runs behind a version's models */

static SalvageServerVersion *
lookup_version (SalvageServer *self,
                const char    *ws,
                const char    *project_slug,
                guint          number)
{
  SalvageServerWorkspace *workspace = salvage_server_lookup_workspace (self, ws);
  SalvageServerProject *project;

  if (workspace == NULL ||
      (project = salvage_server_workspace_lookup_project (workspace, project_slug)) == NULL)
    return NULL;

  return salvage_server_project_lookup_live_version (project, number);
}

/* Finds version @number and, unless @training_id is NULL, its live run
 * @training_id. FALSE when either is missing. */
static gboolean
lookup_version_training (SalvageServer          *self,
                         const char             *ws,
                         const char             *project_slug,
                         guint                   number,
                         const char             *training_id,
                         SalvageServerVersion  **version_out,
                         SalvageServerTraining **training_out)
{
  *training_out = NULL;

  if ((*version_out = lookup_version (self, ws, project_slug, number)) == NULL)
    return FALSE;

  if (training_id == NULL)
    return TRUE;

  *training_out = lookup_live_training (*version_out, training_id);
  return *training_out != NULL;
}

gboolean
salvage_server_set_registered_model (SalvageServer *self,
                                     const char    *ws,
                                     const char    *project_slug,
                                     guint          number,
                                     const char    *training_id)
{
  SalvageServerVersion *version;
  SalvageServerTraining *training;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (ws != NULL && project_slug != NULL, FALSE);

  if (!lookup_version_training (self, ws, project_slug, number, training_id, &version, &training))
    return FALSE;

  version->registered = training;
  return TRUE;
}

gboolean
salvage_server_set_version_alias (SalvageServer *self,
                                  const char    *ws,
                                  const char    *project_slug,
                                  guint          number,
                                  const char    *training_id)
{
  SalvageServerVersion *version;
  SalvageServerTraining *training;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (ws != NULL && project_slug != NULL, FALSE);

  if (!lookup_version_training (self, ws, project_slug, number, training_id, &version, &training))
    return FALSE;

  version->alias = training;
  return TRUE;
}

const char *
salvage_server_get_version_alias (SalvageServer *self,
                                  const char    *ws,
                                  const char    *project_slug,
                                  guint          number)
{
  SalvageServerVersion *version;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL && project_slug != NULL, NULL);

  version = lookup_version (self, ws, project_slug, number);

  return version != NULL && version->alias != NULL ? version->alias->id : NULL;
}
