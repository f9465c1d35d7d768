/* salvage-trash-selection.c - a selection of Trash entries that a search does not undo
 *
 * The selection is a set of entry keys (salvage_trash_item_get_key), so a
 * row's selection belongs to its entry, not to its place in the list,
 * which every search, filter and reload changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-trash-item-private.h"
#include "salvage-trash-selection.h"
#include "salvage-trash-view.h"

struct _SalvageTrashSelection
{
  GObject     parent_instance;

  GListModel *model;
  GHashTable *selected;  /* key → itself; owned */
  GString    *scratch;   /* the key of a record, made in place */
};

static GType
salvage_trash_selection_get_item_type (GListModel *list)
{
  return SALVAGE_TYPE_TRASH_ITEM;
}

static guint
salvage_trash_selection_get_n_items (GListModel *list)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (list);

  return g_list_model_get_n_items (self->model);
}

static gpointer
salvage_trash_selection_get_item (GListModel *list,
                                  guint       position)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (list);

  return g_list_model_get_item (self->model, position);
}

static void
salvage_trash_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = salvage_trash_selection_get_item_type;
  iface->get_n_items = salvage_trash_selection_get_n_items;
  iface->get_item = salvage_trash_selection_get_item;
}

/* The key of the entry at @position of a store, from its record: no item
 * is made for it. Valid until the next call. */
static const char *
store_key_at (SalvageTrashSelection *self,
              SalvageTrashStore     *store,
              guint                  position)
{
  g_string_truncate (self->scratch, 0);
  salvage_trash_record_append_key (salvage_trash_store_get_record (store, position), self->scratch);

  return self->scratch->str;
}

/* The key of the row at @position, or NULL; valid until the next call.
 * The rows of a Trash view are read as records. */
static const char *
key_at (SalvageTrashSelection *self,
        guint                  position)
{
  g_autoptr(SalvageTrashItem) item = NULL;

  if (position >= g_list_model_get_n_items (self->model))
    return NULL;

  if (SALVAGE_IS_TRASH_VIEW (self->model))
    {
      SalvageTrashView *view = SALVAGE_TRASH_VIEW (self->model);

      return store_key_at (self, salvage_trash_view_get_store (view),
                           salvage_trash_view_get_store_position (view, position));
    }

  item = g_list_model_get_item (self->model, position);
  g_string_assign (self->scratch, item != NULL ? salvage_trash_item_get_key (item) : "");
  return item != NULL && salvage_trash_item_get_key (item) != NULL ? self->scratch->str : NULL;
}

static gboolean
contains_position (SalvageTrashSelection *self,
                   guint                  position)
{
  const char *key;

  if (g_hash_table_size (self->selected) == 0)
    return FALSE;

  key = key_at (self, position);
  return key != NULL && g_hash_table_contains (self->selected, key);
}

/* Selects or unselects the row at @position; TRUE when that changed it. */
static gboolean
set_position (SalvageTrashSelection *self,
              guint                  position,
              gboolean               selected)
{
  const char *key = key_at (self, position);

  if (key == NULL)
    return FALSE;

  if (!selected)
    return g_hash_table_remove (self->selected, key);

  if (g_hash_table_contains (self->selected, key))
    return FALSE;

  g_hash_table_add (self->selected, g_strdup (key));
  return TRUE;
}

/* Tells the rows from @first to @last (both included) to look again. */
static void
changed (SalvageTrashSelection *self,
         guint                  first,
         guint                  last)
{
  if (first <= last)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), first, last - first + 1);
}

/* Forgets every selected entry, shown or not; returns the range of
 * shown rows that were selected, or FALSE when none was. */
static gboolean
clear (SalvageTrashSelection *self,
       guint                 *first,
       guint                 *last)
{
  guint n_items = g_list_model_get_n_items (self->model);

  *first = G_MAXUINT;
  *last = 0;
  if (g_hash_table_size (self->selected) == 0)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (contains_position (self, i))
        {
          *first = MIN (*first, i);
          *last = i;
        }
    }

  g_hash_table_remove_all (self->selected);
  return *first != G_MAXUINT;
}

static gboolean
salvage_trash_selection_is_selected (GtkSelectionModel *model,
                                     guint              position)
{
  return contains_position (SALVAGE_TRASH_SELECTION (model), position);
}

/* The whole of the selection, whatever the range: the interface allows
 * it, and a view that is given the first rows only (SalvageRevealSelection)
 * still tells of every row selected. */
static GtkBitset *
salvage_trash_selection_get_selection_in_range (GtkSelectionModel *model,
                                                guint              position,
                                                guint              n_items)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (model);
  GtkBitset *bitset = gtk_bitset_new_empty ();
  guint n_rows = g_list_model_get_n_items (self->model);

  if (g_hash_table_size (self->selected) == 0)
    return bitset;

  for (guint i = 0; i < n_rows; i++)
    if (contains_position (self, i))
      gtk_bitset_add (bitset, i);

  return bitset;
}

static gboolean
select_range (SalvageTrashSelection *self,
              guint                  position,
              guint                  n_items,
              gboolean               unselect_rest)
{
  guint end = MIN ((guint64) position + n_items, g_list_model_get_n_items (self->model));
  guint first = G_MAXUINT;
  guint last = 0;

  if (unselect_rest)
    clear (self, &first, &last);

  for (guint i = position; i < end; i++)
    {
      if (set_position (self, i, TRUE))
        {
          first = MIN (first, i);
          last = MAX (last, i);
        }
    }

  /* What was selected before may lie on both sides of the range. */
  changed (self, first, last);
  return TRUE;
}

static gboolean
salvage_trash_selection_select_item (GtkSelectionModel *model,
                                     guint              position,
                                     gboolean           unselect_rest)
{
  return select_range (SALVAGE_TRASH_SELECTION (model), position, 1, unselect_rest);
}

static gboolean
salvage_trash_selection_select_range (GtkSelectionModel *model,
                                      guint              position,
                                      guint              n_items,
                                      gboolean           unselect_rest)
{
  return select_range (SALVAGE_TRASH_SELECTION (model), position, n_items, unselect_rest);
}

static gboolean
salvage_trash_selection_unselect_range (GtkSelectionModel *model,
                                        guint              position,
                                        guint              n_items)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (model);
  guint end = MIN ((guint64) position + n_items, g_list_model_get_n_items (self->model));
  guint first = G_MAXUINT;
  guint last = 0;

  for (guint i = position; i < end; i++)
    {
      if (set_position (self, i, FALSE))
        {
          first = MIN (first, i);
          last = i;
        }
    }

  changed (self, first, last);
  return TRUE;
}

static gboolean
salvage_trash_selection_unselect_item (GtkSelectionModel *model,
                                       guint              position)
{
  return salvage_trash_selection_unselect_range (model, position, 1);
}

static gboolean
salvage_trash_selection_select_all (GtkSelectionModel *model)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (model);

  return select_range (self, 0, g_list_model_get_n_items (self->model), FALSE);
}

static gboolean
salvage_trash_selection_unselect_all (GtkSelectionModel *model)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (model);
  guint first, last;

  if (clear (self, &first, &last))
    changed (self, first, last);

  return TRUE;
}

static gboolean
salvage_trash_selection_set_selection (GtkSelectionModel *model,
                                       GtkBitset         *selected,
                                       GtkBitset         *mask)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (model);
  guint n_items = g_list_model_get_n_items (self->model);
  guint first = G_MAXUINT;
  guint last = 0;
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, mask, &position);
       ok && position < n_items;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      if (set_position (self, position, gtk_bitset_contains (selected, position)))
        {
          first = MIN (first, position);
          last = MAX (last, position);
        }
    }

  changed (self, first, last);
  return TRUE;
}

static void
salvage_trash_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = salvage_trash_selection_is_selected;
  iface->get_selection_in_range = salvage_trash_selection_get_selection_in_range;
  iface->select_item = salvage_trash_selection_select_item;
  iface->unselect_item = salvage_trash_selection_unselect_item;
  iface->select_range = salvage_trash_selection_select_range;
  iface->unselect_range = salvage_trash_selection_unselect_range;
  iface->select_all = salvage_trash_selection_select_all;
  iface->unselect_all = salvage_trash_selection_unselect_all;
  iface->set_selection = salvage_trash_selection_set_selection;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SalvageTrashSelection, salvage_trash_selection, G_TYPE_OBJECT,
  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, salvage_trash_selection_list_model_init)
  G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, salvage_trash_selection_selection_model_init))

/* The rows that come and go keep what their entries had: nothing else
 * changes, so the selection says nothing. */
static void
items_changed_cb (SalvageTrashSelection *self,
                  guint                  position,
                  guint                  removed,
                  guint                  added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
salvage_trash_selection_dispose (GObject *object)
{
  SalvageTrashSelection *self = SALVAGE_TRASH_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->selected, g_hash_table_unref);

  if (self->scratch != NULL)
    g_string_free (g_steal_pointer (&self->scratch), TRUE);
  G_OBJECT_CLASS (salvage_trash_selection_parent_class)->dispose (object);
}

static void
salvage_trash_selection_class_init (SalvageTrashSelectionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = salvage_trash_selection_dispose;
}

static void
salvage_trash_selection_init (SalvageTrashSelection *self)
{
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->scratch = g_string_sized_new (128);
}

SalvageTrashSelection *
salvage_trash_selection_new (GListModel *model)
{
  SalvageTrashSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (SALVAGE_TYPE_TRASH_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);

  return self;
}

gboolean
salvage_trash_selection_contains (SalvageTrashSelection *self,
                                  SalvageTrashItem      *item)
{
  const char *key;

  g_return_val_if_fail (SALVAGE_IS_TRASH_SELECTION (self), FALSE);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), FALSE);

  key = salvage_trash_item_get_key (item);
  return key != NULL && g_hash_table_contains (self->selected, key);
}

/* The entries of @trash that are selected, each once: into @items (when
 * not NULL) and counted, with how many of them can be restored. Keys of
 * entries no longer in @trash are forgotten. A store's entries are read
 * as records, and an item made only for those put in @items. */
static guint
collect_selected (SalvageTrashSelection *self,
                  GListModel            *trash,
                  GPtrArray             *items,
                  guint                 *n_restorable)
{
  g_autoptr(GHashTable) present = NULL;
  guint n_items;
  guint n = 0;

  *n_restorable = 0;
  if (trash == NULL || g_hash_table_size (self->selected) == 0)
    {
      g_hash_table_remove_all (self->selected);
      return 0;
    }

  present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n_items = g_list_model_get_n_items (trash);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageTrashItem) item = NULL;
      gboolean restorable;
      const char *key;

      if (SALVAGE_IS_TRASH_STORE (trash))
        {
          const SalvageTrashRecord *record = salvage_trash_store_get_record (SALVAGE_TRASH_STORE (trash), i);

          key = store_key_at (self, SALVAGE_TRASH_STORE (trash), i);
          restorable = salvage_trash_record_get_restorable (record);
        }
      else
        {
          item = g_list_model_get_item (trash, i);
          key = salvage_trash_item_get_key (item);
          restorable = salvage_trash_item_get_restorable (item);
        }

      if (key == NULL || !g_hash_table_contains (self->selected, key) ||
          !g_hash_table_add (present, g_strdup (key)))
        continue;

      n++;
      *n_restorable += restorable;
      if (items != NULL)
        g_ptr_array_add (items, item != NULL ? g_steal_pointer (&item) : g_list_model_get_item (trash, i));
    }

  /* An entry that left the Trash is no longer selected, should it ever
   * come back. */
  g_hash_table_unref (self->selected);
  self->selected = g_steal_pointer (&present);

  return n;
}

GPtrArray *
salvage_trash_selection_dup_selected (SalvageTrashSelection *self,
                                      GListModel            *trash)
{
  GPtrArray *items;
  guint n_restorable;

  g_return_val_if_fail (SALVAGE_IS_TRASH_SELECTION (self), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  collect_selected (self, trash, items, &n_restorable);

  return items;
}

guint
salvage_trash_selection_count_selected (SalvageTrashSelection *self,
                                        GListModel            *trash,
                                        guint                 *n_restorable)
{
  guint restorable;
  guint n;

  g_return_val_if_fail (SALVAGE_IS_TRASH_SELECTION (self), 0);

  n = collect_selected (self, trash, NULL, &restorable);
  if (n_restorable != NULL)
    *n_restorable = restorable;

  return n;
}
