/* salvage-workspace-restore.c - bringing Trash entries back, parents first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "salvage-workspace-private.h"

G_DEFINE_BOXED_TYPE (SalvageRestoreOutcome, salvage_restore_outcome,
                     salvage_restore_outcome_copy, salvage_restore_outcome_free)

SalvageRestoreOutcome *
salvage_restore_outcome_copy (const SalvageRestoreOutcome *outcome)
{
  SalvageRestoreOutcome *copy;

  g_return_val_if_fail (outcome != NULL, NULL);

  copy = g_new0 (SalvageRestoreOutcome, 1);
  copy->item = outcome->item ? g_object_ref (outcome->item) : NULL;
  copy->error = outcome->error ? g_error_copy (outcome->error) : NULL;

  return copy;
}

void
salvage_restore_outcome_free (SalvageRestoreOutcome *outcome)
{
  if (outcome == NULL)
    return;

  g_clear_object (&outcome->item);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

/* Looking up parents in the Trash */

/* Where Trash entries are looked up by what a child knows of its parents.
 * When a slug was trashed more than once, the latest deletion wins.
 *
 * An entry is an item, or the position in the Trash store of a record,
 * whose item is made only when a lookup finds it: a plan needs a few
 * parents of a Trash of any size. Items are aligned, so a position is
 * told by its low bit. The index borrows its keys from the items and the
 * records, which never change while it lives, within one call. */
typedef struct
{
  SalvageTrashStore *store;
  GHashTable *projects_by_id;          /* Trash id → entry */
  GHashTable *projects_by_url;         /* slug → entry */
  GHashTable *versions_by_parent_id;   /* project Trash id → (number → entry) */
  GHashTable *versions_by_parent_url;  /* project slug → (number → entry) */
} TrashIndex;

#define POSITION_ENTRY(position) GSIZE_TO_POINTER (((gsize) (position) << 1) | 1)

static inline gboolean
entry_is_position (gpointer entry)
{
  return (GPOINTER_TO_SIZE (entry) & 1) != 0;
}

static gboolean
is_set (const char *str)
{
  return str != NULL && *str != '\0';
}

/* When the entry was deleted, in µs; SALVAGE_TRASH_NO_DATE if unknown. */
static gint64
entry_deleted_at (TrashIndex *index,
                  gpointer    entry)
{
  GDateTime *date;

  if (entry_is_position (entry))
    return salvage_trash_store_get_record (index->store, GPOINTER_TO_SIZE (entry) >> 1)->deleted_at;

  date = salvage_trash_item_get_deleted_at (entry);
  return date != NULL ? g_date_time_to_unix_usec (date) : SALVAGE_TRASH_NO_DATE;
}

/* The item of an entry, made if need be; the store or the caller's array
 * keeps it. */
static SalvageTrashItem *
entry_item (TrashIndex *index,
            gpointer    entry)
{
  g_autoptr(SalvageTrashItem) item = NULL;

  if (entry == NULL || !entry_is_position (entry))
    return entry;

  item = g_list_model_get_item (G_LIST_MODEL (index->store), GPOINTER_TO_SIZE (entry) >> 1);
  return item;
}

static void
trash_index_insert (TrashIndex *index,
                    GHashTable *table,
                    const char *key,
                    gpointer    entry)
{
  gpointer existing = g_hash_table_lookup (table, key);

  /* An unknown date counts as oldest. */
  if (existing != NULL)
    {
      gint64 deleted_at = entry_deleted_at (index, entry);

      if (deleted_at == SALVAGE_TRASH_NO_DATE || deleted_at <= entry_deleted_at (index, existing))
        return;
    }

  g_hash_table_insert (table, (gpointer) key, entry);
}

static void
trash_index_insert_version (TrashIndex *index,
                            GHashTable *by_parent,
                            const char *parent,
                            const char *number,
                            gpointer    version)
{
  GHashTable *numbers = g_hash_table_lookup (by_parent, parent);

  if (numbers == NULL)
    {
      numbers = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (by_parent, (gpointer) parent, numbers);
    }

  trash_index_insert (index, numbers, number, version);
}

static gpointer
trash_index_lookup_version (GHashTable *by_parent,
                            const char *parent,
                            const char *number)
{
  GHashTable *numbers = g_hash_table_lookup (by_parent, parent);

  return numbers != NULL ? g_hash_table_lookup (numbers, number) : NULL;
}

/* Indexes one entry by its fields. */
static void
trash_index_add (TrashIndex       *index,
                 SalvageTrashKind  kind,
                 const char       *id,
                 const char       *url,
                 const char       *parent_id,
                 const char       *parent_url,
                 gpointer          entry)
{
  if (!is_set (id))
    return;

  switch (kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      trash_index_insert (index, index->projects_by_id, id, entry);
      if (is_set (url))
        trash_index_insert (index, index->projects_by_url, url, entry);
      break;

    case SALVAGE_TRASH_KIND_VERSION:
      if (is_set (parent_id))
        trash_index_insert_version (index, index->versions_by_parent_id, parent_id, id, entry);
      if (is_set (parent_url))
        trash_index_insert_version (index, index->versions_by_parent_url, parent_url, id, entry);
      break;

    case SALVAGE_TRASH_KIND_WORKFLOW:
    case SALVAGE_TRASH_KIND_TRAINING:
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      break;
    }
}

static void
trash_index_free (TrashIndex *index)
{
  g_clear_pointer (&index->projects_by_id, g_hash_table_unref);
  g_clear_pointer (&index->projects_by_url, g_hash_table_unref);
  g_clear_pointer (&index->versions_by_parent_id, g_hash_table_unref);
  g_clear_pointer (&index->versions_by_parent_url, g_hash_table_unref);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrashIndex, trash_index_free)

/* An index of the Trash store, read from its records, plus @extra items
 * (which may not be listed yet, or any more). */
static TrashIndex *
trash_index_new (SalvageWorkspace *self,
                 GPtrArray        *extra)
{
  TrashIndex *index = g_new0 (TrashIndex, 1);
  guint n_items;

  index->store = SALVAGE_TRASH_STORE (salvage_workspace_get_trash (self));
  index->projects_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  index->projects_by_url = g_hash_table_new (g_str_hash, g_str_equal);
  index->versions_by_parent_id = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        NULL, (GDestroyNotify) g_hash_table_unref);
  index->versions_by_parent_url = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         NULL, (GDestroyNotify) g_hash_table_unref);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (index->store));
  for (guint i = 0; i < n_items; i++)
    {
      const SalvageTrashRecord *record = salvage_trash_store_get_record (index->store, i);

      trash_index_add (index, record->kind, record->id.str, record->url.str, record->parent_id.str,
                       record->parent_url.str, POSITION_ENTRY (i));
    }

  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (extra, i);

      trash_index_add (index, salvage_trash_item_get_kind (item), salvage_trash_item_get_id (item),
                       salvage_trash_item_get_url (item), salvage_trash_item_get_parent_id (item),
                       salvage_trash_item_get_parent_url (item), item);
    }

  return index;
}

/* The project in the Trash that a version or training belongs to: matched
 * by the project's Trash id, or by slug when the child has no parent id. */
static SalvageTrashItem *
trash_index_find_project (TrashIndex       *index,
                          SalvageTrashItem *child)
{
  const char *parent_id = salvage_trash_item_get_parent_id (child);
  const char *parent_url = salvage_trash_item_get_parent_url (child);

  if (is_set (parent_id))
    return entry_item (index, g_hash_table_lookup (index->projects_by_id, parent_id));
  if (is_set (parent_url))
    return entry_item (index, g_hash_table_lookup (index->projects_by_url, parent_url));
  return NULL;
}

static SalvageTrashItem *
trash_index_find_version (TrashIndex       *index,
                          SalvageTrashItem *training)
{
  const char *number = salvage_trash_item_get_version_number (training);
  const char *parent_id = salvage_trash_item_get_parent_id (training);
  const char *parent_url = salvage_trash_item_get_parent_url (training);
  gpointer version = NULL;

  if (!is_set (number))
    return NULL;

  if (is_set (parent_id))
    version = trash_index_lookup_version (index->versions_by_parent_id, parent_id, number);

  if (version == NULL && is_set (parent_url))
    version = trash_index_lookup_version (index->versions_by_parent_url, parent_url, number);

  return entry_item (index, version);
}

/* The longest chain: a training after its version, after their project. */
#define MAX_CHAIN 3

/* Fills @chain with the Trash entries that must come back before @item,
 * parents first, followed by @item itself; returns how many there are. */
static guint
trash_index_get_chain (TrashIndex       *index,
                       SalvageTrashItem *item,
                       SalvageTrashItem *chain[MAX_CHAIN])
{
  SalvageTrashKind kind = salvage_trash_item_get_kind (item);
  guint n = 0;

  if (kind == SALVAGE_TRASH_KIND_VERSION || kind == SALVAGE_TRASH_KIND_TRAINING)
    {
      SalvageTrashItem *project = trash_index_find_project (index, item);

      if (project != NULL)
        chain[n++] = project;
    }

  if (kind == SALVAGE_TRASH_KIND_TRAINING)
    {
      SalvageTrashItem *version = trash_index_find_version (index, item);

      if (version != NULL)
        chain[n++] = version;
    }

  chain[n++] = item;

  return n;
}

/* Restore */

GPtrArray *
salvage_workspace_dup_restore_plan (SalvageWorkspace *self,
                                    SalvageTrashItem *item)
{
  g_autoptr(TrashIndex) index = NULL;
  SalvageTrashItem *chain[MAX_CHAIN];
  GPtrArray *plan;
  guint n;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  if (self->members != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new ();

      g_ptr_array_add (items, item);
      return _salvage_workspace_group_dup_restore_plan_many (self, items);
    }

  index = trash_index_new (self, NULL);
  n = trash_index_get_chain (index, item, chain);

  plan = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (plan, g_object_ref (chain[i]));

  return plan;
}

GPtrArray *
salvage_workspace_dup_restore_plan_many (SalvageWorkspace *self,
                                         GPtrArray        *items)
{
  g_autoptr(TrashIndex) index = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) planned = NULL;
  GPtrArray *plan;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (g_ptr_array_index (items, i)), NULL);

  if (self->members != NULL)
    return _salvage_workspace_group_dup_restore_plan_many (self, items);

  /* One index for all of them: planning each item on its own would read
   * the whole Trash once per item. */
  index = trash_index_new (self, items);
  seen = g_hash_table_new (NULL, NULL);
  planned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  plan = g_ptr_array_new_full (items->len, g_object_unref);

  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *chain[MAX_CHAIN];
      guint n = trash_index_get_chain (index, g_ptr_array_index (items, i), chain);

      /* A parent already planned for an earlier item is already before
       * this one, so the order holds. The same record may come as two
       * objects (from two listings), hence the keys; most repeats are the
       * same object, which is cheaper to tell. */
      for (guint j = 0; j < n; j++)
        if (g_hash_table_add (seen, chain[j])
            && g_hash_table_add (planned, salvage_trash_item_dup_key (chain[j])))
          g_ptr_array_add (plan, g_object_ref (chain[j]));
    }

  return plan;
}

typedef struct
{
  GPtrArray *plan;      /* SalvageTrashItem, parents first */
  guint      next;
  GPtrArray *restored;  /* lists to reload (a list set) */
  GError    *error;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_pointer (&data->plan, g_ptr_array_unref);
  g_clear_pointer (&data->restored, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static void restore_next (GTask *task);

static void
restore_reloaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);
  g_autoptr(GTask) task = user_data;
  RestoreData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!_salvage_workspace_reload_lists_finish (self, result, &error))
    g_debug ("Could not reload the lists after a restore: %s", error->message);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
restore_step_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SalvageClient *client = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  SalvageWorkspace *self = g_task_get_source_object (task);
  RestoreData *data = g_task_get_task_data (task);
  SalvageTrashItem *item = g_ptr_array_index (data->plan, data->next);

  if (salvage_client_restore_finish (client, result, &data->error))
    {
      _salvage_workspace_take_out_of_trash (self, item);
      _salvage_workspace_list_set_add_restored (self, data->restored, item);
      data->next++;
    }

  restore_next (g_steal_pointer (&task));
}

/* Takes ownership of @task. */
static void
restore_next (GTask *task)
{
  SalvageWorkspace *self = g_task_get_source_object (task);
  RestoreData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  gboolean cancelled;

  if (data->error == NULL && data->next < data->plan->len)
    {
      salvage_client_restore_async (salvage_workspace_get_client (self), g_ptr_array_index (data->plan, data->next),
                                    cancellable, restore_step_cb, task);
      return;
    }

  cancelled = g_error_matches (data->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Whatever the server refused, the Trash is shown as it now is. */
  if (data->error != NULL && !cancelled)
    _salvage_workspace_list_set_add_trash (data->restored);

  /* Items that came back must show up even if the caller gave up on the rest. */
  _salvage_workspace_reload_lists_async (self, data->restored, NULL, cancelled ? NULL : cancellable,
                      restore_reloaded_cb, task);
}

void
salvage_workspace_restore_async (SalvageWorkspace    *self,
                                 SalvageTrashItem    *item,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;
  RestoreData *data;

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (SALVAGE_IS_TRASH_ITEM (item));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  if (self->members != NULL)
    {
      _salvage_workspace_group_restore_async (self, item, cancellable, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_workspace_restore_async);
  /* What happened on the server is reported as it happened. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (RestoreData, 1);
  data->plan = salvage_workspace_dup_restore_plan (self, item);
  data->restored = _salvage_workspace_list_set_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) restore_data_free);

  restore_next (task);
}

gboolean
salvage_workspace_restore_finish (SalvageWorkspace  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_restore_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Restore many */

typedef enum
{
  NODE_WAITING,
  NODE_RUNNING,
  NODE_RESTORED,
  NODE_FAILED,
} NodeState;

typedef struct _RestoreNode RestoreNode;

/* One Trash entry to restore, after its parent (if any). */
struct _RestoreNode
{
  SalvageTrashItem *item;
  char             *key;
  RestoreNode      *parent;    /* not owned */
  GPtrArray        *children;  /* RestoreNode, not owned */
  NodeState         state;
  GError           *error;
  gboolean          requested;  /* among the items asked for */
};

typedef struct
{
  GPtrArray  *nodes;      /* RestoreNode, owned, parents before children */
  GHashTable *by_key;     /* Trash key → RestoreNode */
  GPtrArray  *items;      /* SalvageTrashItem asked for */
  GPtrArray  *requested;  /* RestoreNode of each of @items */
  guint       n_extra;    /* nodes not asked for: parents from the Trash */
  GQueue      ready;      /* RestoreNode whose parent is back */
  guint       in_flight;
  gboolean    stopped;    /* cancelled: start nothing more */
  GPtrArray  *restored;   /* lists to reload (a list set) */

  GCancellable           *stop;  /* once cancelled, send nothing more */
  SalvageRestoreEachFunc  each;
  gpointer                each_data;
} RestoreManyData;

typedef struct
{
  GTask       *task;
  RestoreNode *node;
} RestoreCall;

static void
restore_node_free (RestoreNode *node)
{
  g_clear_object (&node->item);
  g_clear_pointer (&node->key, g_free);
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_clear_error (&node->error);
  g_free (node);
}

static void
restore_many_data_free (RestoreManyData *data)
{
  g_queue_clear (&data->ready);
  g_clear_pointer (&data->by_key, g_hash_table_unref);
  g_clear_pointer (&data->requested, g_ptr_array_unref);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->nodes, g_ptr_array_unref);
  g_clear_pointer (&data->restored, g_ptr_array_unref);
  g_clear_object (&data->stop);
  g_free (data);
}

static RestoreNode *
restore_many_ensure_node (RestoreManyData  *data,
                          SalvageTrashItem *item,
                          RestoreNode      *parent)
{
  g_autofree char *key = salvage_trash_item_dup_key (item);
  RestoreNode *node;

  if ((node = g_hash_table_lookup (data->by_key, key)))
    return node;

  node = g_new0 (RestoreNode, 1);
  node->item = g_object_ref (item);
  node->key = g_steal_pointer (&key);
  node->parent = parent;
  node->children = g_ptr_array_new ();
  node->state = NODE_WAITING;

  if (parent != NULL)
    g_ptr_array_add (parent->children, node);

  g_ptr_array_add (data->nodes, node);
  g_hash_table_insert (data->by_key, node->key, node);

  return node;
}

static void
restore_many_tell (RestoreManyData *data,
                   RestoreNode     *node)
{
  if (data->each != NULL)
    data->each (node->item, node->error, data->each_data);
}

/* Everything waiting on @node fails with the reason @failed failed. */
static void
restore_many_fail_children (RestoreManyData *data,
                            RestoreNode     *node,
                            RestoreNode     *failed)
{
  for (guint i = 0; i < node->children->len; i++)
    {
      RestoreNode *child = g_ptr_array_index (node->children, i);

      child->state = NODE_FAILED;
      g_clear_error (&child->error);
      child->error = g_error_copy (failed->error);
      g_prefix_error (&child->error, _("“%s” had to be restored first and could not be: "),
                      salvage_trash_item_get_name (failed->item));
      restore_many_tell (data, child);

      restore_many_fail_children (data, child, failed);
    }
}

static SalvageRestoreOutcome *
restore_outcome_new (SalvageTrashItem *item,
                     RestoreNode      *node)
{
  SalvageRestoreOutcome *outcome = g_new0 (SalvageRestoreOutcome, 1);

  outcome->item = g_object_ref (item);
  if (node->state == NODE_WAITING)
    outcome->error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                          _("The restore was stopped before this item"));
  else if (node->state != NODE_RESTORED)
    outcome->error = node->error ? g_error_copy (node->error)
                                 : g_error_new_literal (SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                                                        _("The item was not restored"));

  return outcome;
}

static void
restore_many_reloaded_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  SalvageWorkspace *self = SALVAGE_WORKSPACE (object);
  g_autoptr(GTask) task = user_data;
  RestoreManyData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  if (!_salvage_workspace_reload_lists_finish (self, result, &error))
    g_debug ("Could not reload the lists after restoring: %s", error->message);

  /* The caller gave up while the lists were reloading. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The restore was cancelled"));
      return;
    }

  outcomes = g_ptr_array_new_full (data->items->len + data->n_extra,
                                   (GDestroyNotify) salvage_restore_outcome_free);
  for (guint i = 0; i < data->items->len; i++)
    g_ptr_array_add (outcomes, restore_outcome_new (g_ptr_array_index (data->items, i),
                                                    g_ptr_array_index (data->requested, i)));

  /* Then the parents that came along, in the order they were planned. */
  for (guint i = 0; i < data->nodes->len; i++)
    {
      RestoreNode *node = g_ptr_array_index (data->nodes, i);

      if (!node->requested)
        g_ptr_array_add (outcomes, restore_outcome_new (node->item, node));
    }

  g_task_return_pointer (task, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
}

static void restore_many_node_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data);

static void
restore_many_stopped_reloaded_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!_salvage_workspace_reload_lists_finish (SALVAGE_WORKSPACE (object), result, &error))
    g_debug ("Could not reload the lists after a cancelled restore: %s", error->message);
}

/* Starts what may start; when nothing is left in flight, reloads the lists
 * once and finishes. Takes ownership of @task. */
static void
restore_many_pump (GTask *task)
{
  SalvageWorkspace *self = g_task_get_source_object (task);
  RestoreManyData *data = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  RestoreNode *node;

  if (g_cancellable_is_cancelled (cancellable))
    data->stopped = TRUE;

  while (!data->stopped
         && !g_cancellable_is_cancelled (data->stop)
         && data->in_flight < SALVAGE_WORKSPACE_MAX_PARALLEL
         && (node = g_queue_pop_head (&data->ready)) != NULL)
    {
      RestoreCall *call = g_new0 (RestoreCall, 1);

      call->task = g_object_ref (task);
      call->node = node;
      node->state = NODE_RUNNING;
      data->in_flight++;

      salvage_client_restore_async (salvage_workspace_get_client (self), node->item, cancellable,
                                    restore_many_node_cb, call);
    }

  if (data->in_flight > 0)
    {
      g_object_unref (task);
      return;
    }

  _salvage_workspace_list_set_add_trash (data->restored);

  if (data->stopped)
    {
      /* The lists still have to learn what the server did with the calls
       * under way, but the caller, who gave up, must not wait for that:
       * it may be a window closing. The reload holds the workspace only. */
      _salvage_workspace_reload_lists_async (self, data->restored, NULL, NULL,
                                             restore_many_stopped_reloaded_cb, NULL);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The restore was cancelled"));
      g_object_unref (task);
      return;
    }

  _salvage_workspace_reload_lists_async (self, data->restored, NULL, cancellable,
                                         restore_many_reloaded_cb, task);
}

static void
restore_many_node_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  SalvageClient *client = SALVAGE_CLIENT (object);
  RestoreCall *call = user_data;
  GTask *task = call->task;
  RestoreNode *node = call->node;
  SalvageWorkspace *self = g_task_get_source_object (task);
  RestoreManyData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  g_free (call);
  data->in_flight--;

  if (salvage_client_restore_finish (client, result, &error))
    {
      node->state = NODE_RESTORED;
      _salvage_workspace_take_out_of_trash (self, node->item);
      _salvage_workspace_list_set_add_restored (self, data->restored, node->item);
      restore_many_tell (data, node);

      for (guint i = 0; i < node->children->len; i++)
        g_queue_push_tail (&data->ready, g_ptr_array_index (node->children, i));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Unknown whether the server got it: the reload of the Trash and of
       * the list the item would go back to will tell. */
      node->state = NODE_WAITING;
      data->stopped = TRUE;
      _salvage_workspace_list_set_add_restored (self, data->restored, node->item);
    }
  else
    {
      node->state = NODE_FAILED;
      node->error = g_steal_pointer (&error);
      restore_many_tell (data, node);
      restore_many_fail_children (data, node, node);
      /* Only the answer may have been lost, with the item restored: reload
       * its list too, or it would be listed nowhere. */
      _salvage_workspace_list_set_add_restored (self, data->restored, node->item);
    }

  restore_many_pump (task);
}

void
salvage_workspace_restore_many_async (SalvageWorkspace    *self,
                                      GPtrArray           *items,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  salvage_workspace_restore_many_full_async (self, items, NULL, NULL, NULL,
                                             cancellable, callback, user_data);
}

void
salvage_workspace_restore_many_full_async (SalvageWorkspace       *self,
                                           GPtrArray              *items,
                                           GCancellable           *stop,
                                           SalvageRestoreEachFunc  each,
                                           gpointer                each_data,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data)
{
  g_autoptr(TrashIndex) index = NULL;
  RestoreManyData *data;
  GTask *task;

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (items != NULL);
  g_return_if_fail (!stop || G_IS_CANCELLABLE (stop));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  for (guint i = 0; i < items->len; i++)
    g_return_if_fail (SALVAGE_IS_TRASH_ITEM (g_ptr_array_index (items, i)));

  if (self->members != NULL)
    {
      _salvage_workspace_group_restore_many_async (self, items, stop, each, each_data,
                                                   cancellable, callback, user_data);
      return;
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_workspace_restore_many_async);

  data = g_new0 (RestoreManyData, 1);
  data->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) restore_node_free);
  data->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  data->items = g_ptr_array_new_full (items->len, g_object_unref);
  data->requested = g_ptr_array_sized_new (items->len);
  g_queue_init (&data->ready);
  data->restored = _salvage_workspace_list_set_new ();
  data->stop = stop != NULL ? g_object_ref (stop) : NULL;
  data->each = each;
  data->each_data = each_data;
  g_task_set_task_data (task, data, (GDestroyNotify) restore_many_data_free);

  /* The parents of a requested item may be in the request rather than in
   * the Trash store (which can lag behind); both count. */
  index = trash_index_new (self, items);

  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      SalvageTrashItem *chain[MAX_CHAIN];
      guint n = trash_index_get_chain (index, item, chain);
      RestoreNode *node = NULL;

      /* A chain is a plan: each entry waits for the one before it. Nodes
       * are made parents first, so the list is in a good starting order. */
      for (guint j = 0; j < n; j++)
        node = restore_many_ensure_node (data, chain[j], node);

      node->requested = TRUE;
      g_ptr_array_add (data->items, g_object_ref (item));
      g_ptr_array_add (data->requested, node);
    }

  for (guint i = 0; i < data->nodes->len; i++)
    {
      RestoreNode *node = g_ptr_array_index (data->nodes, i);

      if (!node->requested)
        data->n_extra++;
      if (node->parent == NULL)
        g_queue_push_tail (&data->ready, node);
    }

  restore_many_pump (task);
}

GPtrArray *
salvage_workspace_restore_many_finish (SalvageWorkspace  *self,
                                       GAsyncResult      *result,
                                       GError           **error)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, salvage_workspace_restore_many_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
