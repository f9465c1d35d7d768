/* salvage-workspace-delete.c - moving a workspace's items to the Trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-workspace-private.h"

/* Delete */

typedef struct
{
  ListTarget        list;              /* the list the item leaves */
  char             *key;               /* its key there: slug, number, training id or url */
  GError           *error;             /* why the delete failed */
  SalvageDeleteReply reply;
  SalvageTrashItem *trash_item;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  _salvage_list_target_clear (&data->list);
  g_clear_pointer (&data->key, g_free);
  g_clear_error (&data->error);
  salvage_delete_reply_clear (&data->reply);
  g_clear_object (&data->trash_item);
  g_free (data);
}

/* What the delete named, for salvage_delete_target_matches(). */
static SalvageDeleteTarget
delete_data_get_target (DeleteData *data)
{
  switch (data->list.kind)
    {
    case LIST_PROJECTS:
      return (SalvageDeleteTarget) {
        .kind = SALVAGE_TRASH_KIND_PROJECT,
        .project_slug = data->key,
      };

    case LIST_VERSIONS:
      return (SalvageDeleteTarget) {
        .kind = SALVAGE_TRASH_KIND_VERSION,
        .project_slug = data->list.project_slug,
        .version_number = data->key,
      };

    case LIST_WORKFLOWS:
      return (SalvageDeleteTarget) {
        .kind = SALVAGE_TRASH_KIND_WORKFLOW,
        .workflow_url = data->key,
      };

    case LIST_TRAININGS:
      return (SalvageDeleteTarget) {
        .kind = SALVAGE_TRASH_KIND_TRAINING,
        .project_slug = data->list.project_slug,
        .version_number = data->list.version_number,
        .training_id = data->key,
      };

    case LIST_TRASH:
    default:
      g_assert_not_reached ();
    }
}

/* Whether @record could be the entry a delete of @target made: the kind
 * and the name that decides, read from the record, so that an item is
 * made only for the few that could. */
static gboolean
record_may_match (const SalvageTrashRecord  *record,
                  const SalvageDeleteTarget *target)
{
  if (record->kind != target->kind)
    return FALSE;

  switch (target->kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      return salvage_trash_text_is (&record->url, target->project_slug);
    case SALVAGE_TRASH_KIND_VERSION:
      return salvage_trash_text_is (&record->id, target->version_number);
    case SALVAGE_TRASH_KIND_WORKFLOW:
      return salvage_trash_text_is (&record->url, target->workflow_url);
    case SALVAGE_TRASH_KIND_TRAINING:
      return salvage_trash_text_is (&record->id, target->training_id);
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return FALSE;
    }
}

/* The Trash entry of what was just deleted. When the answer did not name
 * it and a slug was trashed more than once, the latest deletion is ours. */
static SalvageTrashItem *
find_deleted_in_trash (SalvageWorkspace *self,
                       DeleteData       *data)
{
  SalvageTrashStore *store = self->trash->trash_store;
  SalvageDeleteTarget target = delete_data_get_target (data);
  g_autoptr(SalvageTrashItem) found = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageTrashItem) item = NULL;

      if (!record_may_match (salvage_trash_store_get_record (store, i), &target))
        continue;

      item = g_list_model_get_item (G_LIST_MODEL (store), i);
      if (salvage_delete_target_matches (&target, &data->reply, item)
          && (found == NULL || _salvage_trash_item_deleted_later (item, found)))
        g_set_object (&found, item);
    }

  return g_steal_pointer (&found);
}

/* The item is in the Trash now: it leaves its list, and whatever was
 * loaded beneath it goes too. */
static void
remove_deleted (SalvageWorkspace *self,
                DeleteData       *data)
{
  GHashTableIter iter;
  ListState *state;

  switch (data->list.kind)
    {
    case LIST_PROJECTS:
      _salvage_workspace_list_remove (self, self->projects, data->key);
      _salvage_workspace_list_clear (self,
                                     _salvage_workspace_lookup_versions (self, data->key, FALSE));
      g_hash_table_iter_init (&iter, self->trainings);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
        if (g_strcmp0 (state->target.project_slug, data->key) == 0)
          _salvage_workspace_list_clear (self, state);
      break;

    case LIST_VERSIONS:
      state = _salvage_workspace_lookup_list (self, &data->list, FALSE);
      _salvage_workspace_list_remove (self, state, data->key);
      state = _salvage_workspace_lookup_trainings (self, data->list.project_slug, data->key, FALSE);
      _salvage_workspace_list_clear (self, state);
      break;

    case LIST_WORKFLOWS:
    case LIST_TRAININGS:
      state = _salvage_workspace_lookup_list (self, &data->list, FALSE);
      _salvage_workspace_list_remove (self, state, data->key);
      break;

    case LIST_TRASH:
    default:
      g_assert_not_reached ();
    }
}

static void
delete_trash_reloaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);
  g_autoptr(GTask) task = user_data;
  DeleteData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* The delete itself succeeded; without a fresh Trash there is simply no
   * entry to offer for an undo. */
  if (!_salvage_workspace_reload_lists_finish (self, result, &error))
    g_debug ("Could not reload the Trash after a delete: %s", error->message);
  else if (!data->reply.already_in_trash)
    data->trash_item = find_deleted_in_trash (self, data);

  g_task_return_boolean (task, TRUE);
}

static void
delete_list_reloaded_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);
  g_autoptr(GTask) task = user_data;
  DeleteData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!_salvage_workspace_reload_lists_finish (self, result, &error))
    g_debug ("Could not reload a list after a failed delete: %s", error->message);

  g_task_return_error (task, g_steal_pointer (&data->error));
}

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SalvageClient *client = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  SalvageWorkspace *self = g_task_get_source_object (task);
  DeleteData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GPtrArray) targets = _salvage_workspace_list_set_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  switch (data->list.kind)
    {
    case LIST_PROJECTS:
      ok = salvage_client_delete_project_finish (client, result, &data->reply, &error);
      break;
    case LIST_VERSIONS:
      ok = salvage_client_delete_version_finish (client, result, &data->reply, &error);
      break;
    case LIST_TRAININGS:
      ok = salvage_client_delete_training_finish (client, result, &data->reply, &error);
      break;
    case LIST_WORKFLOWS:
      ok = salvage_client_delete_workflow_finish (client, result, &data->reply, &error);
      break;
    case LIST_TRASH:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      /* Nothing changed here when the caller gave up. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* The list showed something the server disagrees with (a 404 for an
       * item removed behind our back, say): show what is there now. The
       * Trash too: when only the answer was lost, the server did move the
       * item, and it must show up there rather than nowhere. */
      data->error = g_steal_pointer (&error);
      if (_salvage_workspace_lookup_list (self, &data->list, FALSE) != NULL)
        _salvage_workspace_list_set_add (targets, data->list.kind, data->list.project_slug,
                                         data->list.version_number);
      _salvage_workspace_list_set_add (targets, LIST_TRASH, NULL, NULL);
      _salvage_workspace_reload_lists_async (self, targets, NULL, cancellable,
                                             delete_list_reloaded_cb, g_steal_pointer (&task));
      return;
    }

  /* From here on the item is in the Trash whatever else happens. */
  g_task_set_check_cancellable (task, FALSE);
  remove_deleted (self, data);

  _salvage_workspace_list_set_add (targets, LIST_TRASH, NULL, NULL);
  if (data->list.kind == LIST_VERSIONS)
    _salvage_workspace_list_set_add (targets, LIST_PROJECTS, NULL, NULL);  /* its version count */

  _salvage_workspace_reload_lists_async (self, targets, NULL, cancellable, delete_trash_reloaded_cb,
                                         g_steal_pointer (&task));
}

void
salvage_workspace_delete_async (SalvageWorkspace    *self,
                                gpointer             item,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DeleteData *data;

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (SALVAGE_IS_PROJECT (item) ||
                    SALVAGE_IS_VERSION (item) ||
                    SALVAGE_IS_TRAINING (item) ||
                    SALVAGE_IS_WORKFLOW (item));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_workspace_delete_async);

  data = g_new0 (DeleteData, 1);
  g_task_set_task_data (task, data, (GDestroyNotify) delete_data_free);

  /* A group shows only the Trash: there is nothing of it to delete. */
  if (self->members != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a workspace to move its items to the Trash"));
      return;
    }

  if (SALVAGE_IS_PROJECT (item))
    {
      _salvage_list_target_init (&data->list, LIST_PROJECTS, NULL, NULL);
      data->key = g_strdup (salvage_project_get_slug (item));
    }
  else if (SALVAGE_IS_VERSION (item))
    {
      _salvage_list_target_init (&data->list, LIST_VERSIONS,
                                 salvage_version_get_project_slug (item), NULL);
      data->key = g_strdup (salvage_version_get_number (item));
    }
  else if (SALVAGE_IS_TRAINING (item))
    {
      _salvage_list_target_init (&data->list, LIST_TRAININGS,
                                 salvage_training_get_project_slug (item),
                                 salvage_training_get_version_number (item));
      data->key = g_strdup (salvage_training_get_id (item));
    }
  else
    {
      _salvage_list_target_init (&data->list, LIST_WORKFLOWS, NULL, NULL);
      data->key = g_strdup (salvage_workflow_get_url (item));
    }

  /* The parser never makes such objects, but this is no reason to crash. */
  if (data->key == NULL
      || (data->list.kind == LIST_VERSIONS && data->list.project_slug == NULL)
      || (data->list.kind == LIST_TRAININGS
          && (data->list.project_slug == NULL || data->list.version_number == NULL)))
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                               _("This item lacks the name the server knows it by"));
      return;
    }

  switch (data->list.kind)
    {
    case LIST_PROJECTS:
      salvage_client_delete_project_async (self->client, data->key, cancellable,
                                           delete_done_cb, g_steal_pointer (&task));
      break;
    case LIST_VERSIONS:
      salvage_client_delete_version_async (self->client, data->list.project_slug, data->key,
                                           cancellable, delete_done_cb, g_steal_pointer (&task));
      break;
    case LIST_TRAININGS:
      salvage_client_delete_training_async (self->client, data->list.project_slug,
                                            data->list.version_number, data->key,
                                            cancellable, delete_done_cb, g_steal_pointer (&task));
      break;
    case LIST_WORKFLOWS:
      salvage_client_delete_workflow_async (self->client, data->key, cancellable,
                                            delete_done_cb, g_steal_pointer (&task));
      break;
    case LIST_TRASH:
    default:
      g_assert_not_reached ();
    }
}

gboolean
salvage_workspace_delete_finish (SalvageWorkspace   *self,
                                 GAsyncResult       *result,
                                 SalvageDeleteReply *reply,
                                 SalvageTrashItem  **trash_item_out,
                                 GError            **error)
{
  DeleteData *data;
  gboolean ok;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_delete_async), FALSE);

  if (reply != NULL)
    *reply = (SalvageDeleteReply) { FALSE, };
  if (trash_item_out != NULL)
    *trash_item_out = NULL;

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok)
    {
      data = g_task_get_task_data (G_TASK (result));

      if (reply != NULL)
        {
          reply->already_in_trash = data->reply.already_in_trash;
          reply->trash_id = g_strdup (data->reply.trash_id);
          reply->parent_id = g_strdup (data->reply.parent_id);
          reply->version_alias_action = g_strdup (data->reply.version_alias_action);
          reply->version_alias_target = g_strdup (data->reply.version_alias_target);
        }
      if (trash_item_out != NULL && data->trash_item != NULL)
        *trash_item_out = g_object_ref (data->trash_item);
    }

  return ok;
}
