/* salvage-expansion.c - which rows of a tree are expanded, kept across reloads of its items
 *
 * The rows are watched through the tree's items-changed: each expandable
 * row that arrives is held, so that the tree hands out that very object
 * (it makes rows on demand, and forgets those nobody holds), and followed
 * for "expanded"; one whose key was expanded is expanded again. That happens in an idle of high priority, before the
 * next frame is drawn: expanding a row from within the tree's own
 * items-changed would change it again while its views are still hearing
 * of the first change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-expansion.h"

struct _SalvageExpansion
{
  GObject                  parent_instance;

  GtkTreeListModel        *rows;
  SalvageExpansionKeyFunc  key_func;
  SalvageExpansionFunc     expand_func;
  gpointer                 user_data;

  GHashTable              *expanded;   /* keys */
  GHashTable              *watched;    /* GtkTreeListRow, held while in the tree */
  GPtrArray               *pending;    /* GtkTreeListRow to expand again */
  guint                    idle_id;
  GPtrArray               *collapsed;  /* GtkTreeListRow that said they were collapsed */
  guint                    collapse_id;
};

G_DEFINE_FINAL_TYPE (SalvageExpansion, salvage_expansion, G_TYPE_OBJECT)

static char *
dup_row_key (SalvageExpansion *self,
             GtkTreeListRow   *row)
{
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  return item != NULL ? self->key_func (item) : NULL;
}

static gboolean row_is_gone (gpointer key,
                             gpointer value,
                             gpointer user_data);

/* Whether a row of the tree with @key is expanded: one that came in the
 * place of a row that went, say. */
static gboolean
is_expanded_elsewhere (SalvageExpansion *self,
                       const char       *key)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    {
      g_autofree char *row_key = NULL;

      if (gtk_tree_list_row_get_expanded (row) && (row_key = dup_row_key (self, row)) != NULL &&
          g_str_equal (row_key, key))
        return TRUE;
    }

  return FALSE;
}

/* Rows taken out of the tree also say they are no longer expanded, while
 * they still have their item: whether a row was collapsed, or went, is
 * known once the tree is done changing. */
static gboolean
forget_collapsed_cb (gpointer user_data)
{
  SalvageExpansion *self = user_data;
  g_autoptr(GPtrArray) collapsed = g_steal_pointer (&self->collapsed);

  self->collapse_id = 0;
  self->collapsed = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_foreach_remove (self->watched, row_is_gone, self);

  for (guint i = 0; i < collapsed->len; i++)
    {
      GtkTreeListRow *row = g_ptr_array_index (collapsed, i);
      g_autofree char *key = NULL;

      if (gtk_tree_list_row_get_expanded (row) || (key = dup_row_key (self, row)) == NULL ||
          is_expanded_elsewhere (self, key))
        continue;

      g_hash_table_remove (self->expanded, key);
    }

  return G_SOURCE_REMOVE;
}

static void
row_expanded_cb (GtkTreeListRow   *row,
                 GParamSpec       *pspec,
                 SalvageExpansion *self)
{
  g_autofree char *key = NULL;

  if (!gtk_tree_list_row_get_expanded (row))
    {
      g_ptr_array_add (self->collapsed, g_object_ref (row));
      if (self->collapse_id == 0)
        self->collapse_id = g_idle_add (forget_collapsed_cb, self);
      return;
    }

  if ((key = dup_row_key (self, row)) != NULL)
    g_hash_table_add (self->expanded, g_steal_pointer (&key));
}

static gboolean
expand_pending_cb (gpointer user_data)
{
  SalvageExpansion *self = user_data;
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->idle_id = 0;
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < pending->len; i++)
    {
      GtkTreeListRow *row = g_ptr_array_index (pending, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      /* Gone again meanwhile, or expanded by now. */
      if (item == NULL || gtk_tree_list_row_get_expanded (row))
        continue;

      if (self->expand_func != NULL)
        self->expand_func (item, self->user_data);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return G_SOURCE_REMOVE;
}

/* Rows taken out of the tree have no item any more, once it is done. */
static gboolean
row_is_gone (gpointer key,
             gpointer value,
             gpointer user_data)
{
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (key);

  if (item != NULL)
    return FALSE;

  g_signal_handlers_disconnect_by_func (key, row_expanded_cb, user_data);
  return TRUE;
}

static void
items_changed_cb (SalvageExpansion *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  if (removed > 0)
    g_hash_table_foreach_remove (self->watched, row_is_gone, self);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      g_autofree char *key = NULL;

      if (!gtk_tree_list_row_is_expandable (row) || g_hash_table_contains (self->watched, row))
        continue;

      g_hash_table_add (self->watched, g_object_ref (row));
      g_signal_connect (row, "notify::expanded", G_CALLBACK (row_expanded_cb), self);

      if (gtk_tree_list_row_get_expanded (row))
        continue;

      key = dup_row_key (self, row);
      if (key != NULL && g_hash_table_contains (self->expanded, key))
        g_ptr_array_add (self->pending, g_steal_pointer (&row));
    }

  if (self->pending->len > 0 && self->idle_id == 0)
    self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, expand_pending_cb, self, NULL);
}

static void
salvage_expansion_dispose (GObject *object)
{
  SalvageExpansion *self = SALVAGE_EXPANSION (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->collapse_id, g_source_remove);
  g_clear_pointer (&self->collapsed, g_ptr_array_unref);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_func (self->rows, items_changed_cb, self);
  if (self->watched != NULL)
    {
      GHashTableIter iter;
      gpointer row;

      g_hash_table_iter_init (&iter, self->watched);
      while (g_hash_table_iter_next (&iter, &row, NULL))
        g_signal_handlers_disconnect_by_func (row, row_expanded_cb, self);
      g_clear_pointer (&self->watched, g_hash_table_unref);
    }
  g_clear_object (&self->rows);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);

  G_OBJECT_CLASS (salvage_expansion_parent_class)->dispose (object);
}

static void
salvage_expansion_class_init (SalvageExpansionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = salvage_expansion_dispose;
}

static void
salvage_expansion_init (SalvageExpansion *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->watched = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  self->collapsed = g_ptr_array_new_with_free_func (g_object_unref);
}

SalvageExpansion *
salvage_expansion_new (GtkTreeListModel        *rows,
                       SalvageExpansionKeyFunc  key_func,
                       SalvageExpansionFunc     expand_func,
                       gpointer                 user_data)
{
  SalvageExpansion *self;

  g_return_val_if_fail (GTK_IS_TREE_LIST_MODEL (rows), NULL);
  g_return_val_if_fail (key_func != NULL, NULL);

  self = g_object_new (SALVAGE_TYPE_EXPANSION, NULL);
  self->rows = g_object_ref (rows);
  self->key_func = key_func;
  self->expand_func = expand_func;
  self->user_data = user_data;

  g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (items_changed_cb), self);
  items_changed_cb (self, 0, 0, g_list_model_get_n_items (G_LIST_MODEL (rows)));

  return self;
}

void
salvage_expansion_clear (SalvageExpansion *self)
{
  g_return_if_fail (SALVAGE_IS_EXPANSION (self));

  g_hash_table_remove_all (self->expanded);
  g_ptr_array_set_size (self->pending, 0);
  g_ptr_array_set_size (self->collapsed, 0);
}
