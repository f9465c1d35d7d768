/* salvage-workspace.c - the lists of one workspace and the operations that change them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "salvage-workspace-private.h"

/*
 * Keeping lists true while requests overlap
 *
 * Every request that fills a list, and every change made to a list here,
 * takes the next number of one counter (its generation). A list remembers
 * the generation of the response it shows and ignores any response from a
 * request that began earlier, so a slow answer never replaces a newer one.
 *
 * An item removed here because the server just moved it to the Trash (or
 * restored it from there) leaves a tombstone with the generation of the
 * removal. A response from a request that began before the removal may
 * still list the item; it is applied without it. Once a response from a
 * later request is applied, the server's own word covers the removal and
 * the tombstone goes.
 */

typedef enum
{
  LIST_PROJECTS,
  LIST_WORKFLOWS,
  LIST_TRASH,
  LIST_VERSIONS,
  LIST_TRAININGS,
} ListKind;

/* Names one list: the kind, and for versions and trainings their owner. */
typedef struct
{
  ListKind  kind;
  char     *project_slug;    /* versions, trainings */
  char     *version_number;  /* trainings */
} ListTarget;

typedef struct
{
  ListTarget  target;
  GListStore *store;
  GPtrArray  *keys;        /* the key of each item of @store, in the same order */
  guint       applied;     /* generation of what the store shows */
  GHashTable *tombstones;  /* item key → generation of its removal */
} ListState;

struct _SalvageWorkspace
{
  GObject        parent_instance;

  SalvageClient *client;
  char          *name;
  GMainContext  *context;

  guint          generation;

  ListState     *projects;
  ListState     *workflows;
  ListState     *trash;
  GHashTable    *versions;   /* project slug → ListState */
  GHashTable    *trainings;  /* "slug/N" → ListState */
};

G_DEFINE_FINAL_TYPE (SalvageWorkspace, salvage_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lists */

static void
list_target_init (ListTarget *target,
                  ListKind    kind,
                  const char *project_slug,
                  const char *version_number)
{
  target->kind = kind;
  target->project_slug = g_strdup (project_slug);
  target->version_number = g_strdup (version_number);
}

static void
list_target_clear (ListTarget *target)
{
  g_clear_pointer (&target->project_slug, g_free);
  g_clear_pointer (&target->version_number, g_free);
}

static ListTarget *
list_target_new (ListKind    kind,
                 const char *project_slug,
                 const char *version_number)
{
  ListTarget *target = g_new0 (ListTarget, 1);

  list_target_init (target, kind, project_slug, version_number);
  return target;
}

static void
list_target_free (ListTarget *target)
{
  list_target_clear (target);
  g_free (target);
}

static gboolean
list_target_equal (const ListTarget *a,
                   const ListTarget *b)
{
  return a->kind == b->kind
         && g_strcmp0 (a->project_slug, b->project_slug) == 0
         && g_strcmp0 (a->version_number, b->version_number) == 0;
}

static GPtrArray *
target_set_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) list_target_free);
}

/* Adds a list to @set unless it is there already; sets stay small. */
static void
target_set_add (GPtrArray  *set,
                ListKind    kind,
                const char *project_slug,
                const char *version_number)
{
  ListTarget target = { kind, (char *) project_slug, (char *) version_number };

  for (guint i = 0; i < set->len; i++)
    if (list_target_equal (g_ptr_array_index (set, i), &target))
      return;

  g_ptr_array_add (set, list_target_new (kind, project_slug, version_number));
}

static GType
list_kind_item_type (ListKind kind)
{
  switch (kind)
    {
    case LIST_PROJECTS:
      return SALVAGE_TYPE_PROJECT;
    case LIST_WORKFLOWS:
      return SALVAGE_TYPE_WORKFLOW;
    case LIST_TRASH:
      return SALVAGE_TYPE_TRASH_ITEM;
    case LIST_VERSIONS:
      return SALVAGE_TYPE_VERSION;
    case LIST_TRAININGS:
      return SALVAGE_TYPE_TRAINING;
    default:
      g_assert_not_reached ();
    }
}

/* What identifies an item within its list, across listings. */
static char *
dup_item_key (ListKind kind,
              gpointer item)
{
  switch (kind)
    {
    case LIST_PROJECTS:
      return g_strdup (salvage_project_get_slug (item));
    case LIST_WORKFLOWS:
      return g_strdup (salvage_workflow_get_url (item));
    case LIST_TRASH:
      return salvage_trash_item_dup_key (item);
    case LIST_VERSIONS:
      return g_strdup (salvage_version_get_number (item));
    case LIST_TRAININGS:
      return g_strdup (salvage_training_get_id (item));
    default:
      g_assert_not_reached ();
    }
}

static ListState *
list_state_new (ListKind    kind,
                const char *project_slug,
                const char *version_number)
{
  ListState *state = g_new0 (ListState, 1);

  list_target_init (&state->target, kind, project_slug, version_number);
  state->store = g_list_store_new (list_kind_item_type (kind));
  state->keys = g_ptr_array_new_with_free_func (g_free);
  state->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return state;
}

static void
list_state_free (ListState *state)
{
  list_target_clear (&state->target);
  g_clear_object (&state->store);
  g_clear_pointer (&state->keys, g_ptr_array_unref);
  g_clear_pointer (&state->tombstones, g_hash_table_unref);
  g_free (state);
}

static char *
trainings_key (const char *project_slug,
               const char *version_number)
{
  return g_strconcat (project_slug, "/", version_number, NULL);
}

/* The state of the list @target names; versions and trainings lists are
 * made on first use when @create is set. NULL once disposed. */
static ListState *
lookup_state (SalvageWorkspace *self,
              const ListTarget *target,
              gboolean          create)
{
  ListState *state = NULL;

  if (self->versions == NULL)
    return NULL;

  switch (target->kind)
    {
    case LIST_PROJECTS:
      return self->projects;

    case LIST_WORKFLOWS:
      return self->workflows;

    case LIST_TRASH:
      return self->trash;

    case LIST_VERSIONS:
      state = g_hash_table_lookup (self->versions, target->project_slug);
      if (state == NULL && create)
        {
          state = list_state_new (LIST_VERSIONS, target->project_slug, NULL);
          g_hash_table_insert (self->versions, g_strdup (target->project_slug), state);
        }
      return state;

    case LIST_TRAININGS:
      {
        g_autofree char *key = trainings_key (target->project_slug, target->version_number);

        state = g_hash_table_lookup (self->trainings, key);
        if (state == NULL && create)
          {
            state = list_state_new (LIST_TRAININGS, target->project_slug, target->version_number);
            g_hash_table_insert (self->trainings, g_steal_pointer (&key), state);
          }
        return state;
      }

    default:
      g_assert_not_reached ();
    }
}

static ListState *
lookup_versions (SalvageWorkspace *self,
                 const char       *project_slug,
                 gboolean          create)
{
  ListTarget target = { LIST_VERSIONS, (char *) project_slug, NULL };

  if (project_slug == NULL)
    return NULL;
  return lookup_state (self, &target, create);
}

static ListState *
lookup_trainings (SalvageWorkspace *self,
                  const char       *project_slug,
                  const char       *version_number,
                  gboolean          create)
{
  ListTarget target = { LIST_TRAININGS, (char *) project_slug, (char *) version_number };

  if (project_slug == NULL || version_number == NULL)
    return NULL;
  return lookup_state (self, &target, create);
}

/* From this many objects on, letting go of them is left to a worker
 * thread: finalizing a Trash of 100,000 entries takes 100 ms. */
#define DROP_IN_THREAD_AT 1000

static void
drop_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  /* The objects go here, not wherever the task is finalized. */
  g_ptr_array_set_size (task_data, 0);
  g_task_return_boolean (task, TRUE);
}

/* Lets go of @objects, whose references nothing else can reach, the
 * array's last (it frees its elements with g_object_unref()). Takes it. */
static void
drop_objects (GPtrArray *objects)
{
  g_autoptr(GTask) task = NULL;

  if (objects->len < DROP_IN_THREAD_AT)
    {
      g_ptr_array_unref (objects);
      return;
    }

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, drop_objects);
  g_task_set_task_data (task, objects, (GDestroyNotify) g_ptr_array_unref);
  g_task_run_in_thread (task, drop_thread);
}

/* Puts @current, an object of the store, at @position of @kept in place
 * of the object parsed for the same entry, whose reference goes to
 * @discarded. */
static void
keep_object (GPtrArray *kept,
             guint      position,
             gpointer   current,
             GPtrArray *discarded)
{
  g_ptr_array_add (discarded, g_ptr_array_index (kept, position));
  g_ptr_array_index (kept, position) = g_object_ref (current);
}

/* Puts back in @kept the object @state already holds for each entry that
 * did not change since, so that a reload hands views the very objects they
 * show and they keep their rows rather than build them all again. Only
 * Trash entries can be compared field by field for now. The references
 * @kept held to the objects it no longer holds are moved to @discarded.
 * Returns whether @kept is now exactly what the store holds, in order. */
static gboolean
list_state_keep_unchanged (ListState *state,
                           GPtrArray *kept,
                           GPtrArray *keys,
                           GPtrArray *discarded)
{
  GListModel *model = G_LIST_MODEL (state->store);
  guint n_old = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) old = NULL;
  guint same;

  if (state->target.kind != LIST_TRASH || n_old == 0)
    return FALSE;

  /* A listing mostly comes in the order of the one before: entries are
   * matched in place for as long as they can be, which needs no table.
   * The store is read in order, which it does fastest. */
  for (same = 0; same < kept->len && same < n_old; same++)
    {
      const char *key = g_ptr_array_index (keys, same);
      g_autoptr(GObject) current = NULL;

      if (key == NULL || g_strcmp0 (key, g_ptr_array_index (state->keys, same)) != 0)
        break;

      current = g_list_model_get_item (model, same);
      if (!salvage_trash_item_equal (SALVAGE_TRASH_ITEM (current), g_ptr_array_index (kept, same)))
        break;

      keep_object (kept, same, current, discarded);
    }

  if (same == kept->len)
    return same == n_old;

  /* The others by key: key → the object the store holds for it, among
   * those not matched in place; the first of equal keys wins. */
  old = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  for (guint i = same; i < n_old; i++)
    {
      const char *key = g_ptr_array_index (state->keys, i);

      if (key != NULL && !g_hash_table_contains (old, key))
        g_hash_table_insert (old, (gpointer) key, g_list_model_get_item (model, i));
    }

  for (guint i = same; i < kept->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      SalvageTrashItem *current;

      if (key == NULL || (current = g_hash_table_lookup (old, key)) == NULL)
        continue;

      if (!salvage_trash_item_equal (current, g_ptr_array_index (kept, i)))
        continue;

      keep_object (kept, i, current, discarded);

      /* Each object stands for one entry only. */
      g_hash_table_remove (old, key);
    }

  return FALSE;
}

/* Replaces the contents of @state with @items (one splice), unless a newer
 * response was applied already. A response that changes nothing changes
 * nothing: the models and views over the store have no work to do, which
 * matters for a long Trash reloaded each time the window is focused.
 * Takes @items; those of its objects that are not used are let go of off
 * the main thread. Returns whether it was applied. */
static gboolean
list_state_apply (ListState *state,
                  guint      generation,
                  GPtrArray *items_owned)
{
  g_autoptr(GPtrArray) items = items_owned;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  GPtrArray *discarded;
  gboolean unchanged;
  GHashTableIter iter;
  gpointer removed_at;
  guint n_old;

  if (generation <= state->applied)
    return FALSE;

  state->applied = generation;

  /* It holds its own references: an object kept from the store must
   * outlive its removal by the splice that adds it back. */
  kept = g_ptr_array_new_full (items->len, g_object_unref);
  keys = g_ptr_array_new_full (items->len, g_free);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      char *key = dup_item_key (state->target.kind, item);

      if (key != NULL
          && g_hash_table_lookup_extended (state->tombstones, key, NULL, &removed_at)
          && GPOINTER_TO_UINT (removed_at) > generation)
        {
          g_free (key);
          continue;
        }

      g_ptr_array_add (kept, g_object_ref (item));
      g_ptr_array_add (keys, key);
    }

  /* Objects that only @items and this array hold: @items lets go first,
   * so that the worker's are the last references. */
  discarded = g_ptr_array_new_with_free_func (g_object_unref);
  unchanged = list_state_keep_unchanged (state, kept, keys, discarded);
  g_clear_pointer (&items, g_ptr_array_unref);
  drop_objects (discarded);

  g_hash_table_iter_init (&iter, state->tombstones);
  while (g_hash_table_iter_next (&iter, NULL, &removed_at))
    if (GPOINTER_TO_UINT (removed_at) < generation)
      g_hash_table_iter_remove (&iter);

  g_ptr_array_unref (state->keys);
  state->keys = g_steal_pointer (&keys);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (state->store));
  if ((n_old > 0 || kept->len > 0) && !unchanged)
    g_list_store_splice (state->store, 0, n_old, kept->pdata, kept->len);

  return TRUE;
}

/* Takes the item with @key out of @state at once, and keeps it out of any
 * response to a request that began before now. */
static void
list_state_remove (SalvageWorkspace *self,
                   ListState        *state,
                   const char       *key)
{
  if (state == NULL || key == NULL)
    return;

  /* The keys are kept beside the store so that emptying a long Trash one
   * entry at a time does not recompute every key for every entry. */
  for (guint i = state->keys->len; i > 0; i--)
    {
      if (g_strcmp0 (g_ptr_array_index (state->keys, i - 1), key) == 0)
        {
          g_ptr_array_remove_index (state->keys, i - 1);
          g_list_store_remove (state->store, i - 1);
        }
    }

  g_hash_table_insert (state->tombstones, g_strdup (key), GUINT_TO_POINTER (++self->generation));
}

/* Empties @state, as newer than any answer still on its way. */
static void
list_state_clear (SalvageWorkspace *self,
                  ListState        *state)
{
  guint n_items;

  if (state == NULL)
    return;

  state->applied = ++self->generation;
  g_hash_table_remove_all (state->tombstones);
  g_ptr_array_set_size (state->keys, 0);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (state->store));
  if (n_items > 0)
    g_list_store_splice (state->store, 0, n_items, NULL, 0);
}

static void
set_name (SalvageWorkspace *self,
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

/* Reloading lists: one request per list, all at once */

typedef struct
{
  guint   pending;
  GError *error;  /* the first failure */
} ReloadData;

typedef struct
{
  GTask      *task;
  ListTarget  target;
  guint       generation;
} ReloadPart;

static void
reload_data_free (ReloadData *data)
{
  g_clear_error (&data->error);
  g_free (data);
}

static void
reload_part_done (GTask  *task,
                  GError *error)
{
  ReloadData *data = g_task_get_task_data (task);

  if (error != NULL && data->error == NULL)
    data->error = error;
  else
    g_clear_error (&error);

  if (--data->pending > 0)
    return;

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
reload_part_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SalvageClient *client = SALVAGE_CLIENT (object);
  ReloadPart *part = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&part->task);
  SalvageWorkspace *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  ListState *state;

  switch (part->target.kind)
    {
    case LIST_PROJECTS:
      items = salvage_client_get_workspace_finish (client, result, &name, &error);
      break;
    case LIST_WORKFLOWS:
      items = salvage_client_list_workflows_finish (client, result, &error);
      break;
    case LIST_TRASH:
      items = salvage_client_list_trash_finish (client, result, &error);
      break;
    case LIST_VERSIONS:
      items = salvage_client_get_project_finish (client, result, &error);
      break;
    case LIST_TRAININGS:
      items = salvage_client_list_trainings_finish (client, result, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (error == NULL)
    {
      if (items == NULL)
        items = g_ptr_array_new ();

      state = lookup_state (self, &part->target, TRUE);
      if (state != NULL
          && list_state_apply (state, part->generation, g_steal_pointer (&items))
          && part->target.kind == LIST_PROJECTS)
        set_name (self, name);
    }

  list_target_clear (&part->target);
  g_free (part);

  reload_part_done (task, error);
}

/* Reloads every list of @targets in parallel; fails with the first error,
 * after all have answered. Each list whose request succeeded is updated. */
void
_salvage_workspace_reload_lists_async (SalvageWorkspace    *self,
                                       GPtrArray           *targets,
                                       gpointer             source_tag,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ReloadData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (ReloadData, 1);
  data->pending = 1;  /* held until every request is on its way */
  g_task_set_task_data (task, data, (GDestroyNotify) reload_data_free);

  for (guint i = 0; i < targets->len; i++)
    {
      const ListTarget *target = g_ptr_array_index (targets, i);
      ReloadPart *part;

      part = g_new0 (ReloadPart, 1);
      part->task = g_object_ref (task);
      list_target_init (&part->target, target->kind, target->project_slug, target->version_number);
      part->generation = ++self->generation;
      data->pending++;

      switch (target->kind)
        {
        case LIST_PROJECTS:
          salvage_client_get_workspace_async (self->client, cancellable, reload_part_cb, part);
          break;
        case LIST_WORKFLOWS:
          salvage_client_list_workflows_async (self->client, cancellable, reload_part_cb, part);
          break;
        case LIST_TRASH:
          salvage_client_list_trash_async (self->client, cancellable, reload_part_cb, part);
          break;
        case LIST_VERSIONS:
          salvage_client_get_project_async (self->client, target->project_slug,
                                            cancellable, reload_part_cb, part);
          break;
        case LIST_TRAININGS:
          salvage_client_list_trainings_async (self->client, target->project_slug,
                                               target->version_number,
                                               cancellable, reload_part_cb, part);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  reload_part_done (task, NULL);
}

gboolean
_salvage_workspace_reload_lists_finish (SalvageWorkspace  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reload_one_async (SalvageWorkspace    *self,
                  ListKind             kind,
                  const char          *project_slug,
                  const char          *version_number,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GPtrArray) targets = target_set_new ();

  target_set_add (targets, kind, project_slug, version_number);
  _salvage_workspace_reload_lists_async (self, targets, source_tag, cancellable, callback, user_data);
}

/* Shared with salvage-workspace-restore.c */

GPtrArray *
_salvage_workspace_list_set_new (void)
{
  return target_set_new ();
}

void
_salvage_workspace_list_set_add_trash (GPtrArray *lists)
{
  target_set_add (lists, LIST_TRASH, NULL, NULL);
}

/* Adds the lists a restored @item returns to, when they are loaded. */
void
_salvage_workspace_list_set_add_restored (SalvageWorkspace *self,
                                          GPtrArray        *lists,
                                          SalvageTrashItem *item)
{
  const char *id = salvage_trash_item_get_id (item);
  const char *url = salvage_trash_item_get_url (item);
  const char *parent_url = salvage_trash_item_get_parent_url (item);
  const char *number = salvage_trash_item_get_version_number (item);
  GHashTableIter iter;
  ListState *state;

  switch (salvage_trash_item_get_kind (item))
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      target_set_add (lists, LIST_PROJECTS, NULL, NULL);
      if (lookup_versions (self, url, FALSE) != NULL)
        target_set_add (lists, LIST_VERSIONS, url, NULL);
      /* Their contents went when the project was deleted here. */
      g_hash_table_iter_init (&iter, self->trainings);
      while (url != NULL && g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
        if (g_strcmp0 (state->target.project_slug, url) == 0)
          target_set_add (lists, LIST_TRAININGS, url, state->target.version_number);
      break;

    case SALVAGE_TRASH_KIND_VERSION:
      /* The project's version count changes too. */
      target_set_add (lists, LIST_PROJECTS, NULL, NULL);
      if (lookup_versions (self, parent_url, FALSE) != NULL)
        target_set_add (lists, LIST_VERSIONS, parent_url, NULL);
      if (lookup_trainings (self, parent_url, id, FALSE) != NULL)
        target_set_add (lists, LIST_TRAININGS, parent_url, id);
      break;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      target_set_add (lists, LIST_WORKFLOWS, NULL, NULL);
      break;

    case SALVAGE_TRASH_KIND_TRAINING:
      if (lookup_trainings (self, parent_url, number, FALSE) != NULL)
        target_set_add (lists, LIST_TRAININGS, parent_url, number);
      break;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      break;
    }
}

/* Takes a restored @item out of the Trash store at once. */
void
_salvage_workspace_take_out_of_trash (SalvageWorkspace *self,
                                      SalvageTrashItem *item)
{
  g_autofree char *key = salvage_trash_item_dup_key (item);

  list_state_remove (self, self->trash, key);
}

/* GObject */

static void
salvage_workspace_dispose (GObject *object)
{
  SalvageWorkspace *self = (SalvageWorkspace *)object;

  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->trainings, g_hash_table_unref);
  g_clear_pointer (&self->projects, list_state_free);
  g_clear_pointer (&self->workflows, list_state_free);
  g_clear_pointer (&self->trash, list_state_free);
  g_clear_object (&self->client);

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
salvage_workspace_class_init (SalvageWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

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
  self->projects = list_state_new (LIST_PROJECTS, NULL, NULL);
  self->workflows = list_state_new (LIST_WORKFLOWS, NULL, NULL);
  self->trash = list_state_new (LIST_TRASH, NULL, NULL);
  self->versions = g_hash_table_new_full (g_str_hash, g_str_equal,
                                          g_free, (GDestroyNotify) list_state_free);
  self->trainings = g_hash_table_new_full (g_str_hash, g_str_equal,
                                           g_free, (GDestroyNotify) list_state_free);
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

  return G_LIST_MODEL (self->trash->store);
}

SalvageTrashItem *
salvage_workspace_find_in_trash (SalvageWorkspace *self,
                                 SalvageTrashItem *item)
{
  GListModel *model;
  const char *key;
  guint n_items;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  model = G_LIST_MODEL (self->trash->store);
  key = salvage_trash_item_get_key (item);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageTrashItem) entry = g_list_model_get_item (model, i);

      /* A reload keeps the objects of unchanged records, so the same
       * object is the common case, and cheaper to tell. */
      if (entry == item || g_strcmp0 (salvage_trash_item_get_key (entry), key) == 0)
        return entry;  /* the store keeps it */
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

  state = lookup_versions (self, salvage_project_get_slug (project), TRUE);
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

  state = lookup_trainings (self,
                            salvage_version_get_project_slug (version),
                            salvage_version_get_number (version),
                            TRUE);
  return G_LIST_MODEL (state->store);
}

/* Refresh and load */

void
salvage_workspace_refresh_async (SalvageWorkspace    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GPtrArray) targets = target_set_new ();

  g_return_if_fail (SALVAGE_IS_WORKSPACE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (_salvage_workspace_is_home_context (self));

  target_set_add (targets, LIST_PROJECTS, NULL, NULL);
  target_set_add (targets, LIST_WORKFLOWS, NULL, NULL);
  target_set_add (targets, LIST_TRASH, NULL, NULL);

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

  reload_one_async (self, LIST_TRASH, NULL, NULL, salvage_workspace_refresh_trash_async,
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

  slug = salvage_project_get_slug (project);
  g_return_if_fail (slug != NULL);

  lookup_versions (self, slug, TRUE);
  reload_one_async (self, LIST_VERSIONS, slug, NULL, salvage_workspace_load_versions_async,
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

  slug = salvage_version_get_project_slug (version);
  number = salvage_version_get_number (version);
  g_return_if_fail (slug != NULL && number != NULL);

  lookup_trainings (self, slug, number, TRUE);
  reload_one_async (self, LIST_TRAININGS, slug, number, salvage_workspace_load_trainings_async,
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
  list_target_clear (&data->list);
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

/* The Trash entry of what was just deleted. When the answer did not name
 * it and a slug was trashed more than once, the latest deletion is ours. */
static SalvageTrashItem *
find_deleted_in_trash (SalvageWorkspace *self,
                       DeleteData       *data)
{
  GListModel *model = G_LIST_MODEL (self->trash->store);
  SalvageDeleteTarget target = delete_data_get_target (data);
  g_autoptr(SalvageTrashItem) found = NULL;
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);

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
      list_state_remove (self, self->projects, data->key);
      list_state_clear (self, lookup_versions (self, data->key, FALSE));
      g_hash_table_iter_init (&iter, self->trainings);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
        if (g_strcmp0 (state->target.project_slug, data->key) == 0)
          list_state_clear (self, state);
      break;

    case LIST_VERSIONS:
      list_state_remove (self, lookup_state (self, &data->list, FALSE), data->key);
      list_state_clear (self, lookup_trainings (self, data->list.project_slug, data->key, FALSE));
      break;

    case LIST_WORKFLOWS:
    case LIST_TRAININGS:
      list_state_remove (self, lookup_state (self, &data->list, FALSE), data->key);
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
  g_autoptr(GPtrArray) targets = target_set_new ();
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
      if (lookup_state (self, &data->list, FALSE) != NULL)
        target_set_add (targets, data->list.kind, data->list.project_slug,
                        data->list.version_number);
      target_set_add (targets, LIST_TRASH, NULL, NULL);
      _salvage_workspace_reload_lists_async (self, targets, NULL, cancellable, delete_list_reloaded_cb,
                          g_steal_pointer (&task));
      return;
    }

  /* From here on the item is in the Trash whatever else happens. */
  g_task_set_check_cancellable (task, FALSE);
  remove_deleted (self, data);

  target_set_add (targets, LIST_TRASH, NULL, NULL);
  if (data->list.kind == LIST_VERSIONS)
    target_set_add (targets, LIST_PROJECTS, NULL, NULL);  /* its version count */

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

  if (SALVAGE_IS_PROJECT (item))
    {
      list_target_init (&data->list, LIST_PROJECTS, NULL, NULL);
      data->key = g_strdup (salvage_project_get_slug (item));
    }
  else if (SALVAGE_IS_VERSION (item))
    {
      list_target_init (&data->list, LIST_VERSIONS, salvage_version_get_project_slug (item), NULL);
      data->key = g_strdup (salvage_version_get_number (item));
    }
  else if (SALVAGE_IS_TRAINING (item))
    {
      list_target_init (&data->list, LIST_TRAININGS,
                        salvage_training_get_project_slug (item),
                        salvage_training_get_version_number (item));
      data->key = g_strdup (salvage_training_get_id (item));
    }
  else
    {
      list_target_init (&data->list, LIST_WORKFLOWS, NULL, NULL);
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
