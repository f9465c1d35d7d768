/* salvage-workspace-group.c - "All Workspaces": the Trash of several workspaces as one
 *
 * A group is a SalvageWorkspace with no client of its own. Its Trash is a
 * store of parts, one part per member's Trash store, so that the rows are
 * the members' own items; each item says which member listed it (its
 * origin), and everything done to an item is done by that member, with
 * its own key, on its own server. The group never holds projects or
 * workflows, and nothing is deleted through it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-workspace-private.h"

gboolean
salvage_workspace_is_group (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);

  return self->members != NULL;
}

GListModel *
salvage_workspace_get_members (SalvageWorkspace *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);

  return self->members != NULL ? G_LIST_MODEL (self->members) : NULL;
}

/* Orders members by name, as people read them. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  SalvageWorkspace *x = *(SalvageWorkspace **) a;
  SalvageWorkspace *y = *(SalvageWorkspace **) b;
  g_autofree char *fx = g_utf8_casefold (x->name != NULL ? x->name : "", -1);
  g_autofree char *fy = g_utf8_casefold (y->name != NULL ? y->name : "", -1);

  return g_utf8_collate (fx, fy);
}

SalvageWorkspace *
salvage_workspace_new_group (GPtrArray  *members,
                             const char *name)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autofree SalvageTrashStore **parts = NULL;
  SalvageWorkspace *self;

  g_return_val_if_fail (members != NULL, NULL);

  sorted = g_ptr_array_new_full (members->len, g_object_unref);
  for (guint i = 0; i < members->len; i++)
    {
      SalvageWorkspace *member = g_ptr_array_index (members, i);

      g_return_val_if_fail (SALVAGE_IS_WORKSPACE (member), NULL);
      g_return_val_if_fail (member->members == NULL, NULL);
      g_ptr_array_add (sorted, g_object_ref (member));
    }
  /* The parts in this order are what sorting by workspace shows. */
  g_ptr_array_sort (sorted, compare_names);

  self = g_object_new (SALVAGE_TYPE_WORKSPACE, NULL);
  self->members = g_list_store_new (SALVAGE_TYPE_WORKSPACE);
  parts = g_new0 (SalvageTrashStore *, MAX (sorted->len, 1));
  for (guint i = 0; i < sorted->len; i++)
    {
      SalvageWorkspace *member = g_ptr_array_index (sorted, i);

      g_list_store_append (self->members, member);
      parts[i] = member->trash->trash_store;
    }

  g_clear_object (&self->trash->trash_store);
  self->trash->trash_store = salvage_trash_store_new_of_parts (parts, sorted->len);
  _salvage_workspace_set_name (self, name);

  return self;
}

SalvageWorkspace *
salvage_workspace_get_member_of (SalvageWorkspace *self,
                                 SalvageTrashItem *item)
{
  const char *origin;
  guint n;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  if (self->members == NULL)
    return self;

  origin = salvage_trash_item_get_origin (item);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->members));
  for (guint i = 0; origin != NULL && i < n; i++)
    {
      g_autoptr(SalvageWorkspace) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      /* Both interned. */
      if (salvage_workspace_get_origin (member) == origin)
        return member;  /* the group keeps it */
    }

  return NULL;
}

SalvageTrashItem *
_salvage_workspace_group_find_in_trash (SalvageWorkspace *self,
                                        SalvageTrashItem *item)
{
  SalvageWorkspace *member = salvage_workspace_get_member_of (self, item);

  return member != NULL ? salvage_workspace_find_in_trash (member, item) : NULL;
}

/* Refreshing: every member's Trash at once. */

typedef struct
{
  guint   n_pending;
  GError *error;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_clear_error (&data->error);
  g_free (data);
}

static void
member_refreshed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SalvageWorkspace *member = SALVAGE_WORKSPACE (object);
  RefreshData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!salvage_workspace_refresh_trash_finish (member, result, &error) && data->error == NULL)
    {
      /* Which workspace failed, for a reader of several; the kind of
       * failure is kept. */
      data->error = g_error_new (error->domain, error->code,
                                 /* Translators: the first %s is a workspace name, the second why
                                  * its Trash could not be loaded */
                                 _("“%s”: %s"),
                                 salvage_workspace_get_name (member) != NULL
                                 ? salvage_workspace_get_name (member) : "",
                                 error->message);
    }

  if (--data->n_pending > 0)
    return;

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_salvage_workspace_group_refresh_async (SalvageWorkspace    *self,
                                        gpointer             source_tag,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  RefreshData *data = g_new0 (RefreshData, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->members));

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);

  if (n == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  data->n_pending = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalvageWorkspace) member = g_list_model_get_item (G_LIST_MODEL (self->members), i);

      salvage_workspace_refresh_trash_async (member, cancellable, member_refreshed_cb,
                                             g_object_ref (task));
    }

  g_object_unref (task);
}

/* Restoring: each item by its member. */

/* @items (element-type SalvageTrashItem) split by member, in the order the
 * members are first met; each array of the result holds, in order, the
 * member and then its items. Items of no member are left out and
 * counted in @n_unknown. */
static GPtrArray *
split_by_member (SalvageWorkspace *self,
                 GPtrArray        *items,
                 guint            *n_unknown)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  *n_unknown = 0;
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      SalvageWorkspace *member = salvage_workspace_get_member_of (self, item);
      GPtrArray *group = NULL;

      if (member == NULL)
        {
          (*n_unknown)++;
          continue;
        }

      for (guint j = 0; j < groups->len && group == NULL; j++)
        {
          GPtrArray *other = g_ptr_array_index (groups, j);

          if (g_ptr_array_index (other, 0) == member)
            group = other;
        }

      if (group == NULL)
        {
          group = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (group, g_object_ref (member));
          g_ptr_array_add (groups, group);
        }
      g_ptr_array_add (group, g_object_ref (item));
    }

  return groups;
}

GPtrArray *
_salvage_workspace_group_dup_restore_plan_many (SalvageWorkspace *self,
                                                GPtrArray        *items)
{
  g_autoptr(GPtrArray) groups = NULL;
  GPtrArray *plan = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_unknown;

  groups = split_by_member (self, items, &n_unknown);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      g_autoptr(GPtrArray) member_items = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) member_plan = NULL;

      for (guint j = 1; j < group->len; j++)
        g_ptr_array_add (member_items, g_object_ref (g_ptr_array_index (group, j)));

      member_plan = salvage_workspace_dup_restore_plan_many (g_ptr_array_index (group, 0), member_items);
      for (guint j = 0; j < member_plan->len; j++)
        g_ptr_array_add (plan, g_object_ref (g_ptr_array_index (member_plan, j)));
    }

  return plan;
}

static void
member_restored_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (salvage_workspace_restore_finish (SALVAGE_WORKSPACE (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
_salvage_workspace_group_restore_async (SalvageWorkspace    *self,
                                        SalvageTrashItem    *item,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  SalvageWorkspace *member = salvage_workspace_get_member_of (self, item);

  g_task_set_source_tag (task, salvage_workspace_restore_async);
  g_task_set_check_cancellable (task, FALSE);

  if (member == NULL)
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND,
                               _("This item is not in the Trash of any workspace shown"));
      return;
    }

  salvage_workspace_restore_async (member, item, cancellable, member_restored_cb,
                                   g_steal_pointer (&task));
}

/* A restore of several items: one member after another, each as its own
 * restore of several (parents first, a few requests at once). */
typedef struct
{
  GPtrArray              *items;     /* as asked, to put the outcomes in their order */
  GPtrArray              *groups;    /* from split_by_member() */
  guint                   next;      /* the group whose turn is next */
  GHashTable             *outcomes;  /* item → SalvageRestoreOutcome of a requested item */
  GPtrArray              *extra;     /* outcomes of parents not asked for */
  GCancellable           *stop;
  SalvageRestoreEachFunc  each;
  gpointer                each_data;
} RestoreManyData;

static void
restore_many_data_free (RestoreManyData *data)
{
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->groups, g_ptr_array_unref);
  g_clear_pointer (&data->outcomes, g_hash_table_unref);
  g_clear_pointer (&data->extra, g_ptr_array_unref);
  g_clear_object (&data->stop);
  g_free (data);
}

static void restore_many_next (GTask *task);

static void
member_restored_many_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RestoreManyData *data = g_task_get_task_data (task);
  GPtrArray *group = g_ptr_array_index (data->groups, data->next - 1);
  g_autoptr(GPtrArray) outcomes = NULL;
  GError *error = NULL;

  outcomes = salvage_workspace_restore_many_finish (SALVAGE_WORKSPACE (object), result, &error);
  if (outcomes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The first outcomes are those of the group's items (after its
   * member), in order; the rest, parents that came back too. */
  for (guint i = 0; i < outcomes->len; i++)
    {
      SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (i + 1 < group->len)
        g_hash_table_replace (data->outcomes, g_ptr_array_index (group, i + 1),
                              salvage_restore_outcome_copy (outcome));
      else
        g_ptr_array_add (data->extra, salvage_restore_outcome_copy (outcome));
    }

  restore_many_next (g_steal_pointer (&task));
}

static SalvageRestoreOutcome *
outcome_new (SalvageTrashItem *item,
             GError           *error)
{
  SalvageRestoreOutcome *outcome = g_new0 (SalvageRestoreOutcome, 1);

  outcome->item = g_object_ref (item);
  outcome->error = error;
  return outcome;
}

static void
restore_many_next (GTask *task)
{
  RestoreManyData *data = g_task_get_task_data (task);
  GPtrArray *result;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (data->next < data->groups->len)
    {
      GPtrArray *group = g_ptr_array_index (data->groups, data->next++);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 1; i < group->len; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (group, i)));

      /* A stop asked for meanwhile reaches this member before its first
       * request: its items stay in the Trash, and are said to. */
      salvage_workspace_restore_many_full_async (g_ptr_array_index (group, 0), items, data->stop,
                                                 data->each, data->each_data,
                                                 g_task_get_cancellable (task),
                                                 member_restored_many_cb, task);
      return;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) salvage_restore_outcome_free);
  for (guint i = 0; i < data->items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (data->items, i);
      SalvageRestoreOutcome *outcome = g_hash_table_lookup (data->outcomes, item);

      if (outcome != NULL)
        g_ptr_array_add (result, salvage_restore_outcome_copy (outcome));
      else
        g_ptr_array_add (result,
                         outcome_new (item, g_error_new_literal (SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND,
                                                                 _("This item is not in the Trash of any workspace shown"))));
    }
  for (guint i = 0; i < data->extra->len; i++)
    g_ptr_array_add (result, salvage_restore_outcome_copy (g_ptr_array_index (data->extra, i)));

  g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

void
_salvage_workspace_group_restore_many_async (SalvageWorkspace       *self,
                                             GPtrArray              *items,
                                             GCancellable           *stop,
                                             SalvageRestoreEachFunc  each,
                                             gpointer                each_data,
                                             GCancellable           *cancellable,
                                             GAsyncReadyCallback     callback,
                                             gpointer                user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  RestoreManyData *data = g_new0 (RestoreManyData, 1);
  guint n_unknown;

  g_task_set_source_tag (task, salvage_workspace_restore_many_async);

  data->items = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (data->items, g_object_ref (g_ptr_array_index (items, i)));
  data->groups = split_by_member (self, items, &n_unknown);
  data->outcomes = g_hash_table_new_full (NULL, NULL, NULL,
                                          (GDestroyNotify) salvage_restore_outcome_free);
  data->extra = g_ptr_array_new_with_free_func ((GDestroyNotify) salvage_restore_outcome_free);
  data->stop = stop != NULL ? g_object_ref (stop) : NULL;
  data->each = each;
  data->each_data = each_data;
  g_task_set_task_data (task, data, (GDestroyNotify) restore_many_data_free);

  restore_many_next (task);
}
