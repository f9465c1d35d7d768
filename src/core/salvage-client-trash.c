/* salvage-client-trash.c - moving things to the Trash and back
 *
 * A delete that meets a 404 looks for its item in the Trash before it
 * calls it missing, as the Roboflow CLI does: a second delete of the same
 * item gets the same 404 as one of an item that never existed. Which
 * Trash entry a delete made, or found, is decided in one place,
 * salvage_delete_target_matches(), which the workspace uses too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

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

/* DELETE …, with the Trash probe on 404 */

typedef struct
{
  SalvageDeleteTarget target;     /* its strings are owned */
  GError             *not_found;  /* the delete's 404, kept while the Trash is probed */
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

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  DeleteData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = _salvage_client_send_finish (self, result, &error);

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND))
    {
      /* A second delete of the same item is a 404 too: look for it in
       * the Trash before calling it missing. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      data->not_found = g_steal_pointer (&error);
      salvage_client_list_trash_async (self, cancellable, delete_probe_cb, g_steal_pointer (&task));
      return;
    }

  if (body == NULL ||
      !salvage_parse_delete (body, &data->reply.trash_id, &data->reply.parent_id, &error))
    _salvage_client_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* The path a delete goes to, below the workspace. */
static void
delete_path (const SalvageDeleteTarget *target,
             const char                *segments[7])
{
  guint n = 0;

  switch (target->kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      segments[n++] = target->project_slug;
      break;

    case SALVAGE_TRASH_KIND_VERSION:
      segments[n++] = target->project_slug;
      segments[n++] = target->version_number;
      break;

    case SALVAGE_TRASH_KIND_TRAINING:
      segments[n++] = target->project_slug;
      segments[n++] = target->version_number;
      segments[n++] = "v2";
      segments[n++] = "trainings";
      segments[n++] = target->training_id;
      break;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      segments[n++] = "workflows";
      segments[n++] = target->workflow_url;
      break;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      g_assert_not_reached ();
    }

  segments[n] = NULL;
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
  const char *segments[8];
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

  segments[0] = salvage_client_get_workspace (self);
  delete_path (&data->target, segments + 1);

  _salvage_client_send_async (self, "DELETE", segments, NULL, cancellable, delete_cb,
                              g_steal_pointer (&task));
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

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (!(body = _salvage_client_send_finish (SALVAGE_CLIENT (object), result, &error)) ||
      !salvage_parse_restore (body, &error))
    _salvage_client_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
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
  const char *parent_id;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (SALVAGE_IS_TRASH_ITEM (item));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = _salvage_client_task_new (self, salvage_client_restore_async, cancellable, callback,
                                   user_data);
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
                              body, cancellable, restore_cb, g_steal_pointer (&task));
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
