/* salvage-workspace.c - the lists of one workspace and the operations that change them
 *
 * The object, its stores and the operations that fill them. How a list
 * stays true while requests overlap is in salvage-workspace-lists.c;
 * deleting is in salvage-workspace-delete.c, restoring in
 * salvage-workspace-restore.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-workspace-private.h"

G_DEFINE_FINAL_TYPE (SalvageWorkspace, salvage_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
salvage_workspace_set_name (SalvageWorkspace *self,
                            const char       *name)
{
  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));

  _salvage_workspace_set_name (self, name);
}

const char *
salvage_workspace_get_origin (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return self->origin;
}

void
_salvage_workspace_set_name (SalvageWorkspace *self,
                             const char       *name)
{
  if (name == NULL || g_strcmp0 (self->name, name) == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gboolean
_salvage_workspace_is_home_context (SalvageWorkspace *self)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  return context == self->context;
}

/* GObject */

static void
salvage_workspace_dispose (GObject *object)
{
  SalvageWorkspace *self = (SalvageWorkspace *)object;

  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->trainings, g_hash_table_unref);
  g_clear_pointer (&self->projects, _salvage_list_state_free);
  g_clear_pointer (&self->workflows, _salvage_list_state_free);
  g_clear_pointer (&self->trash, _salvage_list_state_free);
  g_clear_object (&self->client);
  g_clear_object (&self->members);

  G_OBJECT_CLASS (salvage_workspace_parent_class)->dispose (object);
}

static void
salvage_workspace_finalize (GObject *object)
{
  SalvageWorkspace *self = (SalvageWorkspace *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (salvage_workspace_parent_class)->finalize (object);
}

static void
salvage_workspace_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workspace_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workspace_constructed (GObject *object)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);

  G_OBJECT_CLASS (salvage_workspace_parent_class)->constructed (object);

  if (self->client != NULL)
    {
      const char *slug = salvage_client_get_workspace (self->client);
      g_autofree char *origin = g_strconcat (salvage_client_get_base_url (self->client), "\n",
                                             slug != NULL ? slug : "", NULL);

      self->origin = g_intern_string (origin);
      salvage_trash_store_set_origin (self->trash->trash_store, self->origin);
    }
}

static void
salvage_workspace_class_init (SalvageWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = salvage_workspace_constructed;
  object_class->dispose = salvage_workspace_dispose;
  object_class->finalize = salvage_workspace_finalize;
  object_class->get_property = salvage_workspace_get_property;
  object_class->set_property = salvage_workspace_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         SALVAGE_TYPE_CLIENT,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_workspace_init (SalvageWorkspace *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->projects = _salvage_list_state_new (LIST_PROJECTS, NULL, NULL);
  self->workflows = _salvage_list_state_new (LIST_WORKFLOWS, NULL, NULL);
  self->trash = _salvage_list_state_new (LIST_TRASH, NULL, NULL);
  self->versions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                          g_free, (GDestroyNotify) _salvage_list_state_free);
  self->trainings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                           g_free, (GDestroyNotify) _salvage_list_state_free);
}

SalvageWorkspace *
salvage_workspace_new (SalvageClient *client)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (client), NULL);

  return g_object_new (SALVAGE_TYPE_WORKSPACE,
                       "client", client,
                       NULL);
}

SalvageClient *
salvage_workspace_get_client (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return self->client;
}

const char *
salvage_workspace_get_name (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return self->name;
}

GListModel *
salvage_workspace_get_projects (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->projects->store);
}

GListModel *
salvage_workspace_get_workflows (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->workflows->store);
}

GListModel *
salvage_workspace_get_trash (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return _salvage_list_state_get_model (self->trash);
}

SalvageTrashItem *
salvage_workspace_find_in_trash (SalvageWorkspace *self,
                                 SalvageTrashItem *item)
{
  g_autoptr(GString) key = NULL;
  SalvageTrashStore *store;
  guint n_items;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  if (self->members != NULL)
    return _salvage_workspace_group_find_in_trash (self, item);

  store = self->trash->trash_store;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));

  /* A reload keeps the objects of unchanged records, so the same object
   * is the common case, and cheaper to tell; otherwise the records' keys
   * are made in one buffer, with no item for each. */
  for (guint i = 0; i < n_items; i++)
    {
      if (salvage_trash_store_peek_item (store, i) == item)
        return item;
    }

  key = g_string_sized_new (128);
  for (guint i = 0; i < n_items; i++)
    {
      g_string_truncate (key, 0);
      salvage_trash_record_append_key (salvage_trash_store_get_record (store, i), key);
      if (g_str_equal (key->str, salvage_trash_item_get_key (item)))
        {
          g_autoptr(SalvageTrashItem) entry = g_list_model_get_item (G_LIST_MODEL (store), i);

          return entry;  /* the store keeps it */
        }
    }

  return NULL;
}

GListModel *
salvage_workspace_get_versions (SalvageWorkspace *self,
                                SalvageProject   *project)
{
  ListState *state;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_PROJECT (project), NULL);
  g_return_val_if_fail (salvage_project_get_slug (project) != NULL, NULL);

  state = _salvage_workspace_lookup_versions (self, salvage_project_get_slug (project), TRUE);
  return G_LIST_MODEL (state->store);
}

GListModel *
salvage_workspace_get_trainings (SalvageWorkspace *self,
                                 SalvageVersion   *version)
{
  ListState *state;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_VERSION (version), NULL);
  g_return_val_if_fail (salvage_version_get_project_slug (version) != NULL, NULL);
  g_return_val_if_fail (salvage_version_get_number (version) != NULL, NULL);

  state = _salvage_workspace_lookup_trainings (self,
                                               salvage_version_get_project_slug (version),
                                               salvage_version_get_number (version),
                                               TRUE);
  return G_LIST_MODEL (state->store);
}

gboolean
salvage_workspace_get_trainings_listed (SalvageWorkspace *self,
                                        SalvageVersion   *version)
{
  ListState *state;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), TRUE);
  g_return_val_if_fail (SALVAGE_IS_VERSION (version), TRUE);

  state = _salvage_workspace_lookup_trainings (self,
                                               salvage_version_get_project_slug (version),
                                               salvage_version_get_number (version),
                                               FALSE);
  return state == NULL || !state->unlisted;
}

/* Refresh and load */

void
salvage_workspace_refresh_async (SalvageWorkspace    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GPtrArray) targets = _salvage_workspace_list_set_new ();

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  if (self->members != NULL)
    {
      _salvage_workspace_group_refresh_async (self, salvage_workspace_refresh_async,
                                              cancellable, callback, user_data);
      return;
    }

  _salvage_workspace_list_set_add (targets, LIST_PROJECTS, NULL, NULL);
  _salvage_workspace_list_set_add (targets, LIST_WORKFLOWS, NULL, NULL);
  _salvage_workspace_list_set_add (targets, LIST_TRASH, NULL, NULL);

  _salvage_workspace_reload_lists_async (self, targets, salvage_workspace_refresh_async,
                                         cancellable, callback, user_data);
}

gboolean
salvage_workspace_refresh_finish (SalvageWorkspace  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_refresh_async), FALSE);

  if (self->members != NULL)
    return g_task_propagate_boolean (G_TASK (result), error);

  return _salvage_workspace_reload_lists_finish (self, result, error);
}

void
salvage_workspace_refresh_trash_async (SalvageWorkspace    *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  if (self->members != NULL)
    {
      _salvage_workspace_group_refresh_async (self, salvage_workspace_refresh_trash_async,
                                              cancellable, callback, user_data);
      return;
    }

  _salvage_workspace_reload_one_async (self, LIST_TRASH, NULL, NULL,
                                       salvage_workspace_refresh_trash_async,
                                       cancellable, callback, user_data);
}

gboolean
salvage_workspace_refresh_trash_finish (SalvageWorkspace  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_refresh_trash_async),
                        FALSE);

  if (self->members != NULL)
    return g_task_propagate_boolean (G_TASK (result), error);

  return _salvage_workspace_reload_lists_finish (self, result, error);
}

void
salvage_workspace_load_versions_async (SalvageWorkspace    *self,
                                       SalvageProject      *project,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  const char *slug;

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (SALVAGE_IS_PROJECT (project));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));
  g_return_if_fail (self->members == NULL);

  slug = salvage_project_get_slug (project);
  g_return_if_fail (slug != NULL);

  _salvage_workspace_lookup_versions (self, slug, TRUE);
  _salvage_workspace_reload_one_async (self, LIST_VERSIONS, slug, NULL,
                                       salvage_workspace_load_versions_async,
                                       cancellable, callback, user_data);
}

gboolean
salvage_workspace_load_versions_finish (SalvageWorkspace  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_load_versions_async),
                        FALSE);

  return _salvage_workspace_reload_lists_finish (self, result, error);
}

void
salvage_workspace_load_trainings_async (SalvageWorkspace    *self,
                                        SalvageVersion      *version,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  const char *slug;
  const char *number;

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (SALVAGE_IS_VERSION (version));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));
  g_return_if_fail (self->members == NULL);

  slug = salvage_version_get_project_slug (version);
  number = salvage_version_get_number (version);
  g_return_if_fail (slug != NULL && number != NULL);

  _salvage_workspace_lookup_trainings (self, slug, number, TRUE);
  _salvage_workspace_reload_one_async (self, LIST_TRAININGS, slug, number,
                                       salvage_workspace_load_trainings_async,
                                       cancellable, callback, user_data);
}

gboolean
salvage_workspace_load_trainings_finish (SalvageWorkspace  *self,
                                         GAsyncResult      *result,
                                         GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_load_trainings_async),
                        FALSE);

  return _salvage_workspace_reload_lists_finish (self, result, error);
}
