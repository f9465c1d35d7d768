/* salvage-trash-store.c - a workspace's Trash, as a list model that makes items when asked
 *
 * A Trash of 100,000 entries is shown a few dozen rows at a time. The
 * store holds its entries as the records of the listing they came from
 * and makes an item only for an entry something asks for, so that an
 * answer costs no object per entry; the rows a view shows are the items
 * it has asked for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-trash-store.h"

struct _SalvageTrashStore
{
  GObject              parent_instance;

  /* The listing the records are in; items made from it hold it too. */
  SalvageTrashListing *listing;
  /* Of const SalvageTrashRecord *, one per entry, in order. */
  GPtrArray           *records;
  /* Of SalvageTrashItem, one per entry; NULL until made. */
  GPtrArray           *items;
  /* What items made here say they came from (interned), or NULL. */
  const char          *origin;

  /* A store of parts holds no listing or items of its own: its records
   * are those of @parts one after another, and the parts make its items.
   * @starts holds where each part's entries begin. */
  GPtrArray           *parts;
  GArray              *starts;
};

static void salvage_trash_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalvageTrashStore, salvage_trash_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      salvage_trash_store_list_model_init))

/* Records */

gboolean
salvage_trash_record_equal (const SalvageTrashRecord *a,
                            const SalvageTrashRecord *b)
{
  return a->kind == b->kind
         && salvage_trash_text_equal (&a->id, &b->id)
         && salvage_trash_text_equal (&a->type_name, &b->type_name)
         && salvage_trash_text_equal (&a->name, &b->name)
         && salvage_trash_text_equal (&a->url, &b->url)
         && salvage_trash_text_equal (&a->parent_id, &b->parent_id)
         && salvage_trash_text_equal (&a->parent_url, &b->parent_url)
         && salvage_trash_text_equal (&a->parent_name, &b->parent_name)
         && salvage_trash_text_equal (&a->version_number, &b->version_number)
         && salvage_trash_text_equal (&a->deleted_by, &b->deleted_by)
         && salvage_trash_text_equal (&a->deleted_by_name, &b->deleted_by_name)
         && a->deleted_at == b->deleted_at
         && a->scheduled_cleanup_at == b->scheduled_cleanup_at;
}

/* What besides kind and id tells entries apart, as the item's key has it:
 * the project of a version or a training run (its id, else its url), the
 * type's own name for a type this client does not know. */
static const SalvageTrashText *
entry_extra (const SalvageTrashRecord *record)
{
  static const SalvageTrashText none = { NULL };

  switch (record->kind)
    {
    case SALVAGE_TRASH_KIND_VERSION:
    case SALVAGE_TRASH_KIND_TRAINING:
      return salvage_trash_text_is_set (&record->parent_id) ? &record->parent_id : &record->parent_url;
    case SALVAGE_TRASH_KIND_OTHER:
      return &record->type_name;
    case SALVAGE_TRASH_KIND_PROJECT:
    case SALVAGE_TRASH_KIND_WORKFLOW:
    default:
      return &none;
    }
}

gboolean
salvage_trash_record_same_entry (const SalvageTrashRecord *a,
                                 const SalvageTrashRecord *b)
{
  return a->kind == b->kind
         && salvage_trash_text_equal (&a->id, &b->id)
         && salvage_trash_text_equal (entry_extra (a), entry_extra (b));
}

static guint
hash_text (guint                   hash,
           const SalvageTrashText *text)
{
  /* FNV-1a */
  for (const char *c = text->str; c != NULL && *c != '\0'; c++)
    hash = (hash ^ (guchar) *c) * 16777619u;

  return (hash ^ 0x1f) * 16777619u;
}

guint
salvage_trash_record_entry_hash (const SalvageTrashRecord *record)
{
  guint hash = (2166136261u ^ (guint) record->kind) * 16777619u;

  return hash_text (hash_text (hash, &record->id), entry_extra (record));
}

/* Entries whose item has not been made hold NULL. */
static void
unref_item (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

/* GListModel */

static GType
salvage_trash_store_get_item_type (GListModel *model)
{
  return SALVAGE_TYPE_TRASH_ITEM;
}

static guint
salvage_trash_store_get_n_items (GListModel *model)
{
  return SALVAGE_TRASH_STORE (model)->records->len;
}

/* The part of a store of parts that holds the entry at @position, and
 * where in it. */
static SalvageTrashStore *
find_part (SalvageTrashStore *self,
           guint              position,
           guint             *index_out,
           guint             *position_out)
{
  guint low = 0;
  guint high = self->parts->len;

  /* The last part that starts at or before @position: it is not empty,
   * as @position is in the store. */
  while (high - low > 1)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->starts, guint, middle) <= position)
        low = middle;
      else
        high = middle;
    }

  if (index_out != NULL)
    *index_out = low;
  *position_out = position - g_array_index (self->starts, guint, low);
  return g_ptr_array_index (self->parts, low);
}

static gpointer
salvage_trash_store_get_item (GListModel *model,
                              guint       position)
{
  SalvageTrashStore *self = SALVAGE_TRASH_STORE (model);
  SalvageTrashItem *item;

  if (position >= self->records->len)
    return NULL;

  if (self->parts != NULL)
    {
      guint at;
      SalvageTrashStore *part = find_part (self, position, NULL, &at);

      return g_list_model_get_item (G_LIST_MODEL (part), at);
    }

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = _salvage_trash_item_new_in_listing (g_ptr_array_index (self->records, position),
                                                 self->listing);
      _salvage_trash_item_set_origin (item, self->origin);
      g_ptr_array_index (self->items, position) = item;
    }

  return g_object_ref (item);
}

static void
salvage_trash_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = salvage_trash_store_get_item_type;
  iface->get_n_items = salvage_trash_store_get_n_items;
  iface->get_item = salvage_trash_store_get_item;
}

/* GObject */

static void
salvage_trash_store_finalize (GObject *object)
{
  SalvageTrashStore *self = SALVAGE_TRASH_STORE (object);

  /* The parts' handlers went with the store (g_signal_connect_object). */
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->starts, g_array_unref);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->listing, salvage_trash_listing_unref);

  G_OBJECT_CLASS (salvage_trash_store_parent_class)->finalize (object);
}

static void
salvage_trash_store_class_init (SalvageTrashStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_trash_store_finalize;
}

static void
salvage_trash_store_init (SalvageTrashStore *self)
{
  self->records = g_ptr_array_new ();
  self->items = g_ptr_array_new_with_free_func (unref_item);
}

SalvageTrashStore *
salvage_trash_store_new (void)
{
  return g_object_new (SALVAGE_TYPE_TRASH_STORE, NULL);
}

void
salvage_trash_store_set_origin (SalvageTrashStore *self,
                                const char        *origin)
{
  g_return_if_fail (SALVAGE_IS_TRASH_STORE (self));
  g_return_if_fail (self->parts == NULL);

  self->origin = origin != NULL ? g_intern_string (origin) : NULL;
}

/* Stores of parts */

/* A part's entries changed: the same change, moved to where they are. */
static void
part_changed_cb (SalvageTrashStore *self,
                 guint              position,
                 guint              removed,
                 guint              added,
                 SalvageTrashStore *part)
{
  guint index;
  guint start;

  for (index = 0; index < self->parts->len; index++)
    if (g_ptr_array_index (self->parts, index) == part)
      break;
  g_return_if_fail (index < self->parts->len);

  start = g_array_index (self->starts, guint, index) + position;

  /* The old records are not read: a part may have let them go already.
   * The entries after them move once, however many there are. */
  if (removed != added)
    {
      guint n_old = self->records->len;
      guint tail = n_old - start - removed;

      if (added > removed)
        g_ptr_array_set_size (self->records, n_old + added - removed);
      memmove (self->records->pdata + start + added, self->records->pdata + start + removed,
               tail * sizeof (gpointer));
      if (added < removed)
        g_ptr_array_set_size (self->records, n_old + added - removed);
    }
  memcpy (self->records->pdata + start, part->records->pdata + position, added * sizeof (gpointer));

  for (guint i = index + 1; i < self->parts->len; i++)
    g_array_index (self->starts, guint, i) += added - removed;

  if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), start, removed, added);
}

SalvageTrashStore *
salvage_trash_store_new_of_parts (SalvageTrashStore **parts,
                                  guint               n_parts)
{
  SalvageTrashStore *self;

  g_return_val_if_fail (parts != NULL || n_parts == 0, NULL);

  self = salvage_trash_store_new ();
  self->parts = g_ptr_array_new_with_free_func (g_object_unref);
  self->starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_parts);

  for (guint i = 0; i < n_parts; i++)
    {
      SalvageTrashStore *part = parts[i];

      g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (part) && part->parts == NULL, self);

      g_array_append_val (self->starts, self->records->len);
      g_ptr_array_add (self->parts, g_object_ref (part));
      for (guint j = 0; j < part->records->len; j++)
        g_ptr_array_add (self->records, g_ptr_array_index (part->records, j));

      g_signal_connect_object (part, "items-changed", G_CALLBACK (part_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  return self;
}

guint
salvage_trash_store_get_n_parts (SalvageTrashStore *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), 0);

  return self->parts != NULL ? self->parts->len : 0;
}

guint
salvage_trash_store_get_part_index (SalvageTrashStore *self,
                                    guint              position)
{
  guint index;
  guint at;

  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), 0);
  g_return_val_if_fail (position < self->records->len, 0);

  if (self->parts == NULL)
    return 0;

  find_part (self, position, &index, &at);
  return index;
}

/* Replacing */

static gboolean
records_equal (GPtrArray *a,
               GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (!salvage_trash_record_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  return salvage_trash_record_same_entry (a, b);
}

static guint
entry_hash (gconstpointer record)
{
  return salvage_trash_record_entry_hash (record);
}

/* Gives the new entries the items made for the old ones that are still
 * there, unchanged: in place for as long as the two match, which needs no
 * table, then by entry. */
static void
carry_items (GPtrArray *old_records,
             GPtrArray *old_items,
             GPtrArray *records,
             GPtrArray *items)
{
  g_autoptr(GHashTable) positions = NULL;
  guint same;

  for (same = 0; same < old_records->len && same < records->len; same++)
    {
      const SalvageTrashRecord *old = g_ptr_array_index (old_records, same);
      SalvageTrashItem *item = g_ptr_array_index (old_items, same);

      if (!salvage_trash_record_equal (old, g_ptr_array_index (records, same)))
        break;
      if (item != NULL)
        g_ptr_array_index (items, same) = g_object_ref (item);
    }

  for (guint i = same; i < old_items->len; i++)
    {
      const SalvageTrashRecord *old = g_ptr_array_index (old_records, i);
      SalvageTrashItem *item = g_ptr_array_index (old_items, i);
      gpointer found;
      guint position;

      if (item == NULL)
        continue;

      /* The first of equal entries stands for them, as in a listing. */
      if (positions == NULL)
        {
          positions = g_hash_table_new (entry_hash, entry_equal);
          for (guint j = same; j < records->len; j++)
            {
              gpointer record = g_ptr_array_index (records, j);

              if (!g_hash_table_contains (positions, record))
                g_hash_table_insert (positions, record, GUINT_TO_POINTER (j + 1));
            }
        }

      found = g_hash_table_lookup (positions, old);
      if (found == NULL)
        continue;
      position = GPOINTER_TO_UINT (found) - 1;

      if (g_ptr_array_index (items, position) == NULL &&
          salvage_trash_record_equal (old, g_ptr_array_index (records, position)))
        g_ptr_array_index (items, position) = g_object_ref (item);
    }
}

gboolean
salvage_trash_store_replace (SalvageTrashStore   *self,
                             SalvageTrashListing *listing,
                             const guint         *positions,
                             guint                n_positions)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SalvageTrashListing) old_listing = NULL;
  guint n_records;
  guint n_old;

  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), FALSE);
  g_return_val_if_fail (self->parts == NULL, FALSE);
  g_return_val_if_fail (listing != NULL, FALSE);

  n_records = positions != NULL ? n_positions : salvage_trash_listing_get_n_records (listing);
  records = g_ptr_array_sized_new (n_records);
  for (guint i = 0; i < n_records; i++)
    g_ptr_array_add (records,
                     (gpointer) salvage_trash_listing_get_record (listing,
                                                                  positions != NULL ? positions[i] : i));

  if (records_equal (self->records, records))
    return FALSE;

  items = g_ptr_array_new_full (n_records, unref_item);
  g_ptr_array_set_size (items, n_records);
  carry_items (self->records, self->items, records, items);

  /* The old records stay readable until the swap is done. */
  old_listing = g_steal_pointer (&self->listing);
  self->listing = salvage_trash_listing_ref (listing);
  n_old = self->records->len;
  g_ptr_array_unref (self->records);
  self->records = g_steal_pointer (&records);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, n_records);

  return TRUE;
}

void
salvage_trash_store_remove (SalvageTrashStore *self,
                            guint              position)
{
  g_return_if_fail (SALVAGE_IS_TRASH_STORE (self));
  g_return_if_fail (self->parts == NULL);
  g_return_if_fail (position < self->records->len);

  g_ptr_array_remove_index (self->records, position);
  g_ptr_array_remove_index (self->items, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
salvage_trash_store_remove_all (SalvageTrashStore *self)
{
  guint n_old;

  g_return_if_fail (SALVAGE_IS_TRASH_STORE (self));
  g_return_if_fail (self->parts == NULL);

  n_old = self->records->len;
  if (n_old == 0)
    return;

  g_ptr_array_set_size (self->records, 0);
  g_ptr_array_set_size (self->items, 0);
  g_clear_pointer (&self->listing, salvage_trash_listing_unref);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_old, 0);
}

const SalvageTrashRecord *
salvage_trash_store_get_record (SalvageTrashStore *self,
                                guint              position)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);

  return g_ptr_array_index (self->records, position);
}

SalvageTrashItem *
salvage_trash_store_peek_item (SalvageTrashStore *self,
                               guint              position)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), NULL);
  g_return_val_if_fail (position < self->records->len, NULL);

  if (self->parts != NULL)
    {
      guint at;
      SalvageTrashStore *part = find_part (self, position, NULL, &at);

      return salvage_trash_store_peek_item (part, at);
    }

  return g_ptr_array_index (self->items, position);
}

SalvageTrashListing *
salvage_trash_store_get_listing (SalvageTrashStore *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_STORE (self), NULL);

  return self->listing;
}
