/* salvage-workspace-lists.c - the workspace's lists, kept true to the server while requests overlap
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

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

/* Lists */

void
_salvage_list_target_init (ListTarget *target,
                           ListKind    kind,
                           const char *project_slug,
                           const char *version_number)
{
  target->kind = kind;
  target->project_slug = g_strdup (project_slug);
  target->version_number = g_strdup (version_number);
}

void
_salvage_list_target_clear (ListTarget *target)
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

  _salvage_list_target_init (target, kind, project_slug, version_number);
  return target;
}

static void
list_target_free (ListTarget *target)
{
  _salvage_list_target_clear (target);
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

GPtrArray *
_salvage_workspace_list_set_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) list_target_free);
}

/* Adds a list to @set unless it is there already; sets stay small. */
void
_salvage_workspace_list_set_add (GPtrArray  *set,
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

ListState *
_salvage_list_state_new (ListKind    kind,
                         const char *project_slug,
                         const char *version_number)
{
  ListState *state = g_new0 (ListState, 1);

  _salvage_list_target_init (&state->target, kind, project_slug, version_number);
  if (kind == LIST_TRASH)
    state->trash_store = salvage_trash_store_new ();
  else
    state->store = g_list_store_new (list_kind_item_type (kind));
  state->keys = g_ptr_array_new_with_free_func (g_free);
  state->keys_valid = TRUE;
  state->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return state;
}

void
_salvage_list_state_free (ListState *state)
{
  _salvage_list_target_clear (&state->target);
  g_clear_object (&state->store);
  g_clear_object (&state->trash_store);
  g_clear_pointer (&state->keys, g_ptr_array_unref);
  g_clear_pointer (&state->tombstones, g_hash_table_unref);
  g_free (state);
}

GListModel *
_salvage_list_state_get_model (ListState *state)
{
  if (state->trash_store != NULL)
    return G_LIST_MODEL (state->trash_store);

  return G_LIST_MODEL (state->store);
}

/* The Trash's keys are made from its records when first needed, rather
 * than for each of a hundred thousand entries on every answer. */
static void
list_state_ensure_keys (ListState *state)
{
  guint n_items;

  if (state->keys_valid)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (state->trash_store));
  g_ptr_array_set_size (state->keys, 0);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (state->keys,
                     salvage_trash_record_dup_key (salvage_trash_store_get_record (state->trash_store,
                                                                                   i)));
  state->keys_valid = TRUE;
}

static char *
trainings_key (const char *project_slug,
               const char *version_number)
{
  return g_strconcat (project_slug, "/", version_number, NULL);
}

/* The state of the list @target names; versions and trainings lists are
 * made on first use when @create is set. NULL once disposed. */
ListState *
_salvage_workspace_lookup_list (SalvageWorkspace *self,
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
          state = _salvage_list_state_new (LIST_VERSIONS, target->project_slug, NULL);
          g_hash_table_insert (self->versions, g_strdup (target->project_slug), state);
        }
      return state;

    case LIST_TRAININGS:
      {
        g_autofree char *key = trainings_key (target->project_slug, target->version_number);

        state = g_hash_table_lookup (self->trainings, key);
        if (state == NULL && create)
          {
            state = _salvage_list_state_new (LIST_TRAININGS, target->project_slug,
                                             target->version_number);
            g_hash_table_insert (self->trainings, g_steal_pointer (&key), state);
          }
        return state;
      }

    default:
      g_assert_not_reached ();
    }
}

ListState *
_salvage_workspace_lookup_versions (SalvageWorkspace *self,
                                    const char       *project_slug,
                                    gboolean          create)
{
  ListTarget target = { LIST_VERSIONS, (char *) project_slug, NULL };

  if (project_slug == NULL)
    return NULL;
  return _salvage_workspace_lookup_list (self, &target, create);
}

ListState *
_salvage_workspace_lookup_trainings (SalvageWorkspace *self,
                                     const char       *project_slug,
                                     const char       *version_number,
                                     gboolean          create)
{
  ListTarget target = { LIST_TRAININGS, (char *) project_slug, (char *) version_number };

  if (project_slug == NULL || version_number == NULL)
    return NULL;
  return _salvage_workspace_lookup_list (self, &target, create);
}

/* Replaces the contents of @state with @items (one splice), unless a newer
 * response was applied already. Takes @items. Returns whether it was
 * applied. (The Trash, the one long list, has list_state_apply_trash().) */
static gboolean
list_state_apply (ListState *state,
                  guint      generation,
                  GPtrArray *items_owned)
{
  g_autoptr(GPtrArray) items = items_owned;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  GHashTableIter iter;
  gpointer removed_at;
  guint n_old;

  if (generation <= state->applied)
    return FALSE;

  state->applied = generation;

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

  g_clear_pointer (&items, g_ptr_array_unref);

  g_hash_table_iter_init (&iter, state->tombstones);
  while (g_hash_table_iter_next (&iter, NULL, &removed_at))
    if (GPOINTER_TO_UINT (removed_at) < generation)
      g_hash_table_iter_remove (&iter);

  g_ptr_array_unref (state->keys);
  state->keys = g_steal_pointer (&keys);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (state->store));
  if (n_old > 0 || kept->len > 0)
    g_list_store_splice (state->store, 0, n_old, kept->pdata, kept->len);

  return TRUE;
}

/* list_state_apply() for the Trash, from a listing: no item is made. An
 * answer the same as the one shown changes nothing (the store emits
 * nothing), and the items of entries that did not change stay theirs. */
static gboolean
list_state_apply_trash (ListState           *state,
                        guint                generation,
                        SalvageTrashListing *listing)
{
  guint n_records = salvage_trash_listing_get_n_records (listing);
  g_autoptr(GArray) positions = NULL;
  GHashTableIter iter;
  gpointer removed_at;

  if (generation <= state->applied)
    return FALSE;

  state->applied = generation;

  /* Entries taken out here after the request began stay out. */
  if (g_hash_table_size (state->tombstones) > 0)
    {
      positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_records);
      for (guint i = 0; i < n_records; i++)
        {
          g_autofree char *key =
            salvage_trash_record_dup_key (salvage_trash_listing_get_record (listing, i));

          if (g_hash_table_lookup_extended (state->tombstones, key, NULL, &removed_at)
              && GPOINTER_TO_UINT (removed_at) > generation)
            continue;
          g_array_append_val (positions, i);
        }
    }

  g_hash_table_iter_init (&iter, state->tombstones);
  while (g_hash_table_iter_next (&iter, NULL, &removed_at))
    if (GPOINTER_TO_UINT (removed_at) < generation)
      g_hash_table_iter_remove (&iter);

  if (positions != NULL && positions->len == 0)
    salvage_trash_store_remove_all (state->trash_store);
  else if (positions != NULL)
    salvage_trash_store_replace (state->trash_store, listing, (const guint *) (gpointer) positions->data,
                                 positions->len);
  else
    salvage_trash_store_replace (state->trash_store, listing, NULL, 0);

  g_ptr_array_set_size (state->keys, 0);
  state->keys_valid = FALSE;

  return TRUE;
}

/* Takes the item with @key out of @state at once, and keeps it out of any
 * response to a request that began before now. */
void
_salvage_workspace_list_remove (SalvageWorkspace *self,
                                ListState        *state,
                                const char       *key)
{
  if (state == NULL || key == NULL)
    return;

  /* The keys are kept beside the store so that emptying a long Trash one
   * entry at a time does not recompute every key for every entry. */
  list_state_ensure_keys (state);
  for (guint i = state->keys->len; i > 0; i--)
    {
      if (g_strcmp0 (g_ptr_array_index (state->keys, i - 1), key) == 0)
        {
          g_ptr_array_remove_index (state->keys, i - 1);
          if (state->trash_store != NULL)
            salvage_trash_store_remove (state->trash_store, i - 1);
          else
            g_list_store_remove (state->store, i - 1);
        }
    }

  g_hash_table_insert (state->tombstones, g_strdup (key), GUINT_TO_POINTER (++self->generation));
}

/* Empties @state, as newer than any answer still on its way. */
void
_salvage_workspace_list_clear (SalvageWorkspace *self,
                               ListState        *state)
{
  guint n_items;

  if (state == NULL)
    return;

  state->applied = ++self->generation;
  g_hash_table_remove_all (state->tombstones);
  g_ptr_array_set_size (state->keys, 0);
  state->keys_valid = TRUE;

  if (state->trash_store != NULL)
    {
      salvage_trash_store_remove_all (state->trash_store);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (state->store));
  if (n_items > 0)
    g_list_store_splice (state->store, 0, n_items, NULL, 0);
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
  g_autoptr(SalvageTrashListing) listing = NULL;
  g_autofree char *name = NULL;
  GError *error = NULL;
  gboolean unlisted = FALSE;
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
      listing = salvage_client_list_trash_listing_finish (client, result, &error);
      break;
    case LIST_VERSIONS:
      items = salvage_client_get_project_finish (client, result, &error);
      break;
    case LIST_TRAININGS:
      items = salvage_client_list_trainings_finish (client, result, &error);
      /* The route, or the key's scope for it, is missing (API doc
       * §2.15): the version has no runs to show, which is no failure. */
      if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND))
        {
          g_debug ("Training runs of %s/%s are not listed: %s", part->target.project_slug,
                   part->target.version_number, error->message);
          g_clear_error (&error);
          unlisted = TRUE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (error == NULL)
    {
      if (items == NULL)
        items = g_ptr_array_new ();

      state = _salvage_workspace_lookup_list (self, &part->target, TRUE);
      if (state != NULL && part->generation > state->applied)
        state->unlisted = unlisted;
      if (state != NULL && listing != NULL)
        list_state_apply_trash (state, part->generation, listing);
      else if (state != NULL
               && list_state_apply (state, part->generation, g_steal_pointer (&items))
               && part->target.kind == LIST_PROJECTS)
        _salvage_workspace_set_name (self, name);
    }

  _salvage_list_target_clear (&part->target);
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
      _salvage_list_target_init (&part->target, target->kind, target->project_slug,
                                 target->version_number);
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
          salvage_client_list_trash_listing_async (self->client, cancellable, reload_part_cb, part);
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

void
_salvage_workspace_reload_one_async (SalvageWorkspace    *self,
                                     ListKind             kind,
                                     const char          *project_slug,
                                     const char          *version_number,
                                     gpointer             source_tag,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GPtrArray) targets = _salvage_workspace_list_set_new ();

  _salvage_workspace_list_set_add (targets, kind, project_slug, version_number);
  _salvage_workspace_reload_lists_async (self, targets, source_tag, cancellable, callback,
                                         user_data);
}

/* Shared with salvage-workspace-restore.c */

void
_salvage_workspace_list_set_add_trash (GPtrArray *lists)
{
  _salvage_workspace_list_set_add (lists, LIST_TRASH, NULL, NULL);
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
      _salvage_workspace_list_set_add (lists, LIST_PROJECTS, NULL, NULL);
      if (_salvage_workspace_lookup_versions (self, url, FALSE) != NULL)
        _salvage_workspace_list_set_add (lists, LIST_VERSIONS, url, NULL);
      /* Their contents went when the project was deleted here. */
      g_hash_table_iter_init (&iter, self->trainings);
      while (url != NULL && g_hash_table_iter_next (&iter, NULL, (gpointer *) &state))
        if (g_strcmp0 (state->target.project_slug, url) == 0)
          _salvage_workspace_list_set_add (lists, LIST_TRAININGS, url,
                                           state->target.version_number);
      break;

    case SALVAGE_TRASH_KIND_VERSION:
      /* The project's version count changes too. */
      _salvage_workspace_list_set_add (lists, LIST_PROJECTS, NULL, NULL);
      if (_salvage_workspace_lookup_versions (self, parent_url, FALSE) != NULL)
        _salvage_workspace_list_set_add (lists, LIST_VERSIONS, parent_url, NULL);
      if (_salvage_workspace_lookup_trainings (self, parent_url, id, FALSE) != NULL)
        _salvage_workspace_list_set_add (lists, LIST_TRAININGS, parent_url, id);
      break;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      _salvage_workspace_list_set_add (lists, LIST_WORKFLOWS, NULL, NULL);
      break;

    case SALVAGE_TRASH_KIND_TRAINING:
      if (_salvage_workspace_lookup_trainings (self, parent_url, number, FALSE) != NULL)
        _salvage_workspace_list_set_add (lists, LIST_TRAININGS, parent_url, number);
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

  _salvage_workspace_list_remove (self, self->trash, key);
}
