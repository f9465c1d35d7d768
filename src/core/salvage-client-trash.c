/* salvage-client-trash.c - moving things to the Trash and back
 *
 * A delete that meets a 404 looks for its item in the Trash before it
 * calls it missing, as the Roboflow CLI does: a second delete of the same
 * item gets the same 404 as one of an item that never existed. Which
 * Trash entry a delete made, or found, is decided in one place,
 * salvage_delete_target_matches(), which the workspace uses too.
 *
 * Training runs have two designs of routes in the evidence
 * (ROBOFLOW_API.md §2.15). The client sends the DELETE form and the shared
 * restore; when the server answers that the DELETE route does not exist,
 * or that the shared restore does not know the type "training", it tries
 * the POST form of the other design once. Those routes may answer with
 * any 2xx and an empty body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "salvage-client-private.h"
#include "salvage-parse.h"

/* The Trash entry of a delete */

void
salvage_delete_reply_clear (SalvageDeleteReply *reply)
{
  reply->already_in_trash = FALSE;
  g_clear_pointer (&reply->trash_id, g_free);
  g_clear_pointer (&reply->parent_id, g_free);
  g_clear_pointer (&reply->version_alias_action, g_free);
  g_clear_pointer (&reply->version_alias_target, g_free);
}

gboolean
salvage_delete_target_matches (const SalvageDeleteTarget *target,
                               const SalvageDeleteReply  *reply,
                               SalvageTrashItem          *item)
{
  g_return_val_if_fail (target != NULL, FALSE);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), FALSE);

  if (salvage_trash_item_get_kind (item) != target->kind)
    return FALSE;

  /* When the answer named the entry it made, only that one is ours: a slug
   * may be in the Trash twice, and a version number once per project. */
  if (reply != NULL && reply->trash_id != NULL &&
      g_strcmp0 (salvage_trash_item_get_id (item), reply->trash_id) != 0)
    return FALSE;
  if (reply != NULL && reply->parent_id != NULL &&
      g_strcmp0 (salvage_trash_item_get_parent_id (item), reply->parent_id) != 0)
    return FALSE;

  switch (target->kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      return g_strcmp0 (salvage_trash_item_get_url (item), target->project_slug) == 0;

    case SALVAGE_TRASH_KIND_VERSION:
      return g_strcmp0 (salvage_trash_item_get_id (item), target->version_number) == 0 &&
             g_strcmp0 (salvage_trash_item_get_parent_url (item), target->project_slug) == 0;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      /* The CLI also accepts the Trash id here, because its argument may
       * be one; ours is always the url the DELETE went to, and a url that
       * equals another workflow's Trash id names nothing in the Trash. */
      return g_strcmp0 (salvage_trash_item_get_url (item), target->workflow_url) == 0;

    case SALVAGE_TRASH_KIND_TRAINING:
      return g_strcmp0 (salvage_trash_item_get_id (item), target->training_id) == 0;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return FALSE;
    }
}

/* Trainings */

#define STATUS_BAD_REQUEST        400
#define STATUS_NOT_FOUND          404
#define STATUS_METHOD_NOT_ALLOWED 405

/* Whether @error says that the route a training's request went to does
 * not exist, as the real router says it: with the path it could not
 * resolve, which the transport keeps in the message. */
static gboolean
error_names_training_route (const GError *error)
{
  guint status = salvage_error_get_status (error);

  return (status == STATUS_NOT_FOUND || status == STATUS_METHOD_NOT_ALLOWED) &&
         strstr (error->message, "/v2/trainings/") != NULL;
}

/* Whether @error is the shared restore refusing the type "training". */
static gboolean
error_refuses_training_type (const GError *error)
{
  g_autofree char *words = NULL;

  if (salvage_error_get_status (error) != STATUS_BAD_REQUEST)
    return FALSE;

  words = g_ascii_strdown (error->message, -1);
  return strstr (words, "type") != NULL || strstr (words, "training") != NULL;
}

/* The server's refusals to put a training in the Trash, recognised by the
 * words the API uses for them, as the CLI recognises them, and said as
 * what to do about them. */
static void
explain_training_refusal (GError *error)
{
  static const struct {
    const char *words;     /* lower case */
    const char *sentence;
  } refusals[] = {
    { "in progress",
      N_("The training run is still running: stop or cancel it before moving it to the Trash") },
    { "registered model",
      N_("The training run made the model registered for its version, so it cannot go to the "
         "Trash: register another model for the version first") },
    { "multiple_trainings",
      N_("The version has several training runs and the server could not tell which one to "
         "move to the Trash") },
  };
  g_autofree char *words = NULL;

  if (error->domain != SALVAGE_ERROR)
    return;

  words = g_ascii_strdown (error->message, -1);

  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      if (strstr (words, refusals[i].words) != NULL)
        {
          g_free (error->message);
          error->message = g_strdup (_(refusals[i].sentence));
          return;
        }
    }
}

/* A restore that finds nothing means the entry has left the Trash (restored
 * elsewhere, or cleaned up), or the key may not restore it: not that it
 * "may already be in the Trash", as a 404 to other requests may. */
static void
explain_restore_not_found (GError *error)
{
  const char *reason = salvage_error_get_reason (error);
  const char *sentence = _("It is no longer in the Trash, or the API key lacks the "
                           "permission to restore it");

  g_free (error->message);
  if (reason != NULL)
    /* Translators: what went wrong, then the server's own words about it */
    error->message = g_strdup_printf (_("%s: %s"), sentence, reason);
  else
    error->message = g_strdup (sentence);
}

/* {"trainingId": @training_id}, the body of the POST form's requests. */
static GBytes *
build_training_body (const char *training_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize len;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "trainingId");
  json_builder_add_string_value (builder, training_id);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

static gboolean
bytes_are_blank (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i < size; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/* DELETE …, with the Trash probe on 404 */

typedef struct
{
  SalvageDeleteTarget target;      /* its strings are owned */
  gboolean            other_form;  /* a training's delete went to POST …/delete */
  GError             *not_found;   /* the delete's 404, kept while the Trash is probed */
  SalvageDeleteReply  reply;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_free ((char *) data->target.project_slug);
  g_free ((char *) data->target.version_number);
  g_free ((char *) data->target.training_id);
  g_free ((char *) data->target.workflow_url);
  g_clear_error (&data->not_found);
  salvage_delete_reply_clear (&data->reply);
  g_free (data);
}

static void
delete_probe_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DeleteData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = salvage_client_list_trash_finish (SALVAGE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _salvage_client_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);

      if (salvage_delete_target_matches (&data->target, NULL, item))
        {
          data->reply.already_in_trash = TRUE;
          data->reply.trash_id = g_strdup (salvage_trash_item_get_id (item));
          data->reply.parent_id = g_strdup (salvage_trash_item_get_parent_id (item));
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  /* Not in the Trash, or the Trash could not be read: the 404 stands. */
  g_task_return_error (task, g_steal_pointer (&data->not_found));
}

static void delete_send (SalvageClient *self,
                         GTask         *task);

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  DeleteData *data = g_task_get_task_data (task);
  gboolean training = data->target.kind == SALVAGE_TRASH_KIND_TRAINING;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = _salvage_client_send_finish (self, result, &error);

  /* A server of the other design has no DELETE route for trainings. */
  if (error != NULL && training && !data->other_form && error_names_training_route (error))
    {
      g_debug ("No DELETE route for trainings: trying POST …/v2/trainings/delete");
      data->other_form = TRUE;
      delete_send (self, g_steal_pointer (&task));
      return;
    }

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND))
    {
      /* A second delete of the same item is a 404 too: look for it in
       * the Trash before calling it missing. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      data->not_found = g_steal_pointer (&error);
      salvage_client_list_trash_async (self, cancellable, delete_probe_cb, g_steal_pointer (&task));
      return;
    }

  if (error != NULL && training)
    explain_training_refusal (error);

  if (body == NULL ||
      !salvage_parse_delete (body, &data->reply.trash_id, &data->reply.parent_id,
                             &data->reply.version_alias_action,
                             &data->reply.version_alias_target, &error))
    _salvage_client_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Sends the delete of @task, in the form it is at. Takes @task. */
static void
delete_send (SalvageClient *self,
             GTask         *task)
{
  DeleteData *data = g_task_get_task_data (task);
  const SalvageDeleteTarget *target = &data->target;
  const char *segments[7] = { salvage_client_get_workspace (self), NULL, };
  SalvageHttpFlags flags = SALVAGE_HTTP_FLAGS_NONE;
  g_autoptr(GBytes) body = NULL;
  const char *method = "DELETE";

  switch (target->kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      segments[1] = target->project_slug;
      break;

    case SALVAGE_TRASH_KIND_VERSION:
      segments[1] = target->project_slug;
      segments[2] = target->version_number;
      break;

    case SALVAGE_TRASH_KIND_TRAINING:
      segments[1] = target->project_slug;
      segments[2] = target->version_number;
      segments[3] = "v2";
      segments[4] = "trainings";
      if (data->other_form)
        {
          method = "POST";
          segments[5] = "delete";
          body = build_training_body (target->training_id);
        }
      else
        {
          segments[5] = target->training_id;
        }
      flags = SALVAGE_HTTP_FLAGS_ANY_SUCCESS;
      break;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      segments[1] = "workflows";
      segments[2] = target->workflow_url;
      break;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      g_assert_not_reached ();
    }

  _salvage_client_send_async (self, method, segments, body, flags,
                              g_task_get_cancellable (task), delete_cb, task);
}

static void
delete_start (SalvageClient             *self,
              gpointer                   source_tag,
              const SalvageDeleteTarget *target,
              GCancellable              *cancellable,
              GAsyncReadyCallback        callback,
              gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  DeleteData *data;

  task = _salvage_client_task_new (self, source_tag, cancellable, callback, user_data);

  data = g_new0 (DeleteData, 1);
  data->target.kind = target->kind;
  data->target.project_slug = g_strdup (target->project_slug);
  data->target.version_number = g_strdup (target->version_number);
  data->target.training_id = g_strdup (target->training_id);
  data->target.workflow_url = g_strdup (target->workflow_url);
  g_task_set_task_data (task, data, (GDestroyNotify) delete_data_free);

  if (!_salvage_client_check_workspace (self, task))
    return;

  delete_send (self, g_steal_pointer (&task));
}

static gboolean
delete_finish (SalvageClient       *self,
               GAsyncResult        *result,
               gpointer             source_tag,
               SalvageDeleteReply  *reply,
               GError             **error)
{
  DeleteData *data;
  gboolean ret;

  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (_salvage_client_is_result (self, result, source_tag), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  ret = g_task_propagate_boolean (G_TASK (result), error);

  if (reply != NULL)
    {
      reply->already_in_trash = ret && data->reply.already_in_trash;
      reply->trash_id = ret ? g_strdup (data->reply.trash_id) : NULL;
      reply->parent_id = ret ? g_strdup (data->reply.parent_id) : NULL;
      reply->version_alias_action = ret ? g_strdup (data->reply.version_alias_action) : NULL;
      reply->version_alias_target = ret ? g_strdup (data->reply.version_alias_target) : NULL;
    }

  return ret;
}

void
salvage_client_delete_project_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  delete_start (self, salvage_client_delete_project_async,
                &(SalvageDeleteTarget) {
                  .kind = SALVAGE_TRASH_KIND_PROJECT,
                  .project_slug = project_slug,
                },
                cancellable, callback, user_data);
}

gboolean
salvage_client_delete_project_finish (SalvageClient       *self,
                                      GAsyncResult        *result,
                                      SalvageDeleteReply  *reply,
                                      GError             **error)
{
  return delete_finish (self, result, salvage_client_delete_project_async, reply, error);
}

void
salvage_client_delete_version_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     const char          *version_number,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  delete_start (self, salvage_client_delete_version_async,
                &(SalvageDeleteTarget) {
                  .kind = SALVAGE_TRASH_KIND_VERSION,
                  .project_slug = project_slug,
                  .version_number = version_number,
                },
                cancellable, callback, user_data);
}

gboolean
salvage_client_delete_version_finish (SalvageClient       *self,
                                      GAsyncResult        *result,
                                      SalvageDeleteReply  *reply,
                                      GError             **error)
{
  return delete_finish (self, result, salvage_client_delete_version_async, reply, error);
}

void
salvage_client_delete_training_async (SalvageClient       *self,
                                      const char          *project_slug,
                                      const char          *version_number,
                                      const char          *training_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (training_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  delete_start (self, salvage_client_delete_training_async,
                &(SalvageDeleteTarget) {
                  .kind = SALVAGE_TRASH_KIND_TRAINING,
                  .project_slug = project_slug,
                  .version_number = version_number,
                  .training_id = training_id,
                },
                cancellable, callback, user_data);
}

gboolean
salvage_client_delete_training_finish (SalvageClient       *self,
                                       GAsyncResult        *result,
                                       SalvageDeleteReply  *reply,
                                       GError             **error)
{
  return delete_finish (self, result, salvage_client_delete_training_async, reply, error);
}

void
salvage_client_delete_workflow_async (SalvageClient       *self,
                                      const char          *workflow_url,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (workflow_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  delete_start (self, salvage_client_delete_workflow_async,
                &(SalvageDeleteTarget) {
                  .kind = SALVAGE_TRASH_KIND_WORKFLOW,
                  .workflow_url = workflow_url,
                },
                cancellable, callback, user_data);
}

gboolean
salvage_client_delete_workflow_finish (SalvageClient       *self,
                                       GAsyncResult        *result,
                                       SalvageDeleteReply  *reply,
                                       GError             **error)
{
  return delete_finish (self, result, salvage_client_delete_workflow_async, reply, error);
}

/* POST /{ws}/trash/restore */

typedef struct
{
  SalvageTrashItem *item;
  gboolean          other_form;  /* a training's restore went to POST …/restore */
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->item);
  g_free (data);
}

static gboolean restore_training_other_form (SalvageClient *self,
                                             GTask         *task);

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  RestoreData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = _salvage_client_send_finish (self, result, &error);

  /* A server of the other design restores trainings on a route of their own. */
  if (error != NULL && !data->other_form &&
      salvage_trash_item_get_kind (data->item) == SALVAGE_TRASH_KIND_TRAINING &&
      error_refuses_training_type (error) &&
      restore_training_other_form (self, task))
    {
      g_steal_pointer (&task);
      return;
    }

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND))
    explain_restore_not_found (error);

  /* The other form may answer with nothing, which means it was restored. */
  if (body != NULL && data->other_form && bytes_are_blank (body))
    g_task_return_boolean (task, TRUE);
  else if (body == NULL || !salvage_parse_restore (body, &error))
    _salvage_client_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* POST /{ws}/{project}/{N}/v2/trainings/restore with {"trainingId"}, for
 * the training of @task, which it keeps. FALSE, with nothing sent, when
 * the training's entry does not say which project and version it is of. */
static gboolean
restore_training_other_form (SalvageClient *self,
                             GTask         *task)
{
  RestoreData *data = g_task_get_task_data (task);
  const char *project_slug = salvage_trash_item_get_parent_url (data->item);
  const char *version_number = salvage_trash_item_get_version_number (data->item);
  g_autoptr(GBytes) body = NULL;

  if (project_slug == NULL || version_number == NULL)
    return FALSE;

  g_debug ("The Trash restores no trainings: trying POST …/v2/trainings/restore");
  data->other_form = TRUE;
  body = build_training_body (salvage_trash_item_get_id (data->item));
  _salvage_client_send_async (self, "POST",
                              (const char * const []) {
                                salvage_client_get_workspace (self), project_slug, version_number,
                                "v2", "trainings", "restore", NULL
                              },
                              body, SALVAGE_HTTP_FLAGS_ANY_SUCCESS,
                              g_task_get_cancellable (task), restore_cb, task);
  return TRUE;
}

static GBytes *
build_restore_body (SalvageTrashItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *parent_id = salvage_trash_item_get_parent_id (item);
  gsize len;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, salvage_trash_item_get_restore_type (item));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, salvage_trash_item_get_id (item));
  if (parent_id != NULL && parent_id[0] != '\0')
    {
      json_builder_set_member_name (builder, "parentId");
      json_builder_add_string_value (builder, parent_id);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

void
salvage_client_restore_async (SalvageClient       *self,
                              SalvageTrashItem    *item,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  RestoreData *data;
  const char *parent_id;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (SALVAGE_IS_TRASH_ITEM (item));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = _salvage_client_task_new (self, salvage_client_restore_async, cancellable, callback,
                                   user_data);
  data = g_new0 (RestoreData, 1);
  data->item = g_object_ref (item);
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);

  if (!_salvage_client_check_workspace (self, task))
    return;

  if (!salvage_trash_item_get_restorable (item))
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                               _("Items of type “%s” cannot be restored here"),
                               salvage_trash_item_get_type_name (item) != NULL ?
                               salvage_trash_item_get_type_name (item) : "?");
      return;
    }

  /* The server needs the project's id to find a version: without it the
   * request could only fail, or worse, match another project's version. */
  parent_id = salvage_trash_item_get_parent_id (item);
  if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_VERSION &&
      (parent_id == NULL || parent_id[0] == '\0'))
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                               "%s", _("The version cannot be restored: the Trash did not say which project it belongs to"));
      return;
    }

  body = build_restore_body (item);
  _salvage_client_send_async (self, "POST",
                              (const char * const []) {
                                salvage_client_get_workspace (self), "trash", "restore", NULL
                              },
                              body, SALVAGE_HTTP_FLAGS_NONE, cancellable, restore_cb,
                              g_steal_pointer (&task));
}

gboolean
salvage_client_restore_finish (SalvageClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (_salvage_client_is_result (self, result, salvage_client_restore_async),
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
