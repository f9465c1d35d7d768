/* salvage-trash-view.c - the Trash in the order and with the filter a page shows, from its records
 *
 * A filter model and a sort model over the Trash ask for every item, which
 * makes an object per entry, and compare them through callbacks: for
 * 100,000 entries that is most of the time from an answer to its rows.
 * The view reads the store's records instead, computes each entry's key
 * once, and keeps only an array of store positions in its order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-trash-view.h"

struct _SalvageTrashView
{
  GObject                parent_instance;

  SalvageTrashStore     *store;
  /* Store positions, in the view's order. */
  GArray                *order;

  SalvageTrashNumberKey  number_key;
  gboolean               by_part;
  SalvageTrashTextKey    text_key;
  gpointer               text_key_data;
  gboolean               descending;

  SalvageTrashMatch      match;
  gpointer               match_data;
};

static void salvage_trash_view_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SalvageTrashView, salvage_trash_view, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      salvage_trash_view_list_model_init))

/* Keys */

gint64
salvage_trash_record_cleanup_key (const SalvageTrashRecord *record)
{
  return record->scheduled_cleanup_at != SALVAGE_TRASH_NO_DATE ? record->scheduled_cleanup_at
                                                                : G_MAXINT64;
}

gint64
salvage_trash_record_deleted_key (const SalvageTrashRecord *record)
{
  return record->deleted_at != SALVAGE_TRASH_NO_DATE ? -record->deleted_at : G_MININT64;
}

typedef struct
{
  char   *text;
  guint   position;
} SortEntry;

static int
compare_texts (gconstpointer a,
               gconstpointer b,
               gpointer      descending)
{
  const SortEntry *x = a;
  const SortEntry *y = b;
  int order;

  if (x->text == NULL || y->text == NULL)
    order = (x->text != NULL) - (y->text != NULL);
  else
    order = strcmp (x->text, y->text);
  order = (order > 0) - (order < 0);

  if (GPOINTER_TO_INT (descending))
    order = -order;

  return order != 0 ? order : (x->position > y->position) - (x->position < y->position);
}

/* Sorting by number: a stable radix sort on the keys, a byte at a time
 * from the lowest; stable, so equal keys keep the store's order, which is
 * also how they are met. Far fewer steps than comparing pairs through a
 * callback: 100,000 entries take about a millisecond instead of ten. */
typedef struct
{
  guint64  key;       /* the number, made to sort as unsigned */
  guint    position;
} NumberEntry;

static void
sort_numbers (NumberEntry *entries,
              guint        n_entries)
{
  g_autofree NumberEntry *other = g_new (NumberEntry, MAX (n_entries, 1));
  NumberEntry *from = entries;
  NumberEntry *to = other;

  for (guint shift = 0; shift < 64; shift += 8)
    {
      gsize counts[256] = { 0, };
      gsize start = 0;
      gboolean one_bucket = FALSE;

      for (guint i = 0; i < n_entries; i++)
        counts[(from[i].key >> shift) & 0xff]++;

      /* All keys alike in this byte: nothing moves. */
      for (guint b = 0; b < 256 && !one_bucket; b++)
        one_bucket = counts[b] == n_entries;
      if (one_bucket)
        continue;

      for (guint b = 0; b < 256; b++)
        {
          gsize count = counts[b];

          counts[b] = start;
          start += count;
        }

      for (guint i = 0; i < n_entries; i++)
        to[counts[(from[i].key >> shift) & 0xff]++] = from[i];

      {
        NumberEntry *swap = from;

        from = to;
        to = swap;
      }
    }

  if (from != entries)
    memcpy (entries, from, n_entries * sizeof (NumberEntry));
}

/* The store positions of the entries that @self shows, sorted by number. */
static GArray *
compute_number_order (SalvageTrashView *self,
                      guint             n_items)
{
  g_autofree NumberEntry *entries = g_new (NumberEntry, MAX (n_items, 1));
  guint n_entries = 0;
  GArray *order;

  for (guint i = 0; i < n_items; i++)
    {
      const SalvageTrashRecord *record = salvage_trash_store_get_record (self->store, i);
      guint64 key;

      if (self->match != NULL && !self->match (record, self->match_data))
        continue;

      /* Signed to unsigned order; descending is the order of the
       * complement, equal keys still in the store's order. */
      key = self->by_part ? salvage_trash_store_get_part_index (self->store, i)
                          : (guint64) self->number_key (record) ^ G_GUINT64_CONSTANT (0x8000000000000000);
      entries[n_entries++] = (NumberEntry) { self->descending ? ~key : key, i };
    }

  sort_numbers (entries, n_entries);

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_entries);
  for (guint i = 0; i < n_entries; i++)
    g_array_append_val (order, entries[i].position);

  return order;
}

static char *
collate_key (char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;

  folded = g_utf8_casefold (text, -1);
  g_free (text);
  return g_utf8_collate_key (folded, -1);
}

/* The store positions of the entries shown, in order. */
static GArray *
compute_order (SalvageTrashView *self)
{
  guint n_items = self->store != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->store)) : 0;
  g_autoptr(GArray) entries = NULL;
  GArray *order;

  if (self->number_key != NULL || self->by_part)
    return compute_number_order (self, n_items);

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SortEntry), n_items);
  for (guint i = 0; i < n_items; i++)
    {
      const SalvageTrashRecord *record = salvage_trash_store_get_record (self->store, i);
      SortEntry entry = { NULL, i };

      if (self->match != NULL && !self->match (record, self->match_data))
        continue;

      if (self->text_key != NULL)
        entry.text = collate_key (self->text_key (record, self->text_key_data));

      g_array_append_val (entries, entry);
    }

  if (self->text_key != NULL)
    g_sort_array (entries->data, entries->len, sizeof (SortEntry), compare_texts,
                  GINT_TO_POINTER (self->descending));

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      SortEntry *entry = &g_array_index (entries, SortEntry, i);

      g_array_append_val (order, entry->position);
      g_free (entry->text);
    }

  return order;
}

/* Puts @order in place, telling of what changed between the old order and
 * it: the run between their common start and their common end. Both are
 * positions in the same store. */
static void
set_order (SalvageTrashView *self,
           GArray           *order)
{
  GArray *old = self->order;
  guint start = 0;
  guint end = 0;

  while (start < old->len && start < order->len &&
         g_array_index (old, guint, start) == g_array_index (order, guint, start))
    start++;
  while (end < old->len - start && end < order->len - start &&
         g_array_index (old, guint, old->len - 1 - end) ==
         g_array_index (order, guint, order->len - 1 - end))
    end++;

  self->order = order;

  if (start < old->len || start < order->len)
    g_list_model_items_changed (G_LIST_MODEL (self), start, old->len - start - end,
                                order->len - start - end);

  g_array_unref (old);
}

/* After the store changed: one entry gone is taken out where it was; for
 * anything else the order is computed again, and the whole of it is new. */
static void
store_changed_cb (SalvageTrashView *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *store)
{
  GArray *order;
  guint old_len;

  if (removed == 1 && added == 0)
    {
      guint found = G_MAXUINT;

      for (guint i = 0; i < self->order->len; i++)
        {
          guint *at = &g_array_index (self->order, guint, i);

          if (*at == position)
            found = i;
          else if (*at > position)
            (*at)--;
        }

      if (found != G_MAXUINT)
        {
          g_array_remove_index (self->order, found);
          g_list_model_items_changed (G_LIST_MODEL (self), found, 1, 0);
        }
      return;
    }

  order = compute_order (self);
  old_len = self->order->len;
  g_array_unref (self->order);
  self->order = order;

  if (old_len > 0 || order->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, order->len);
}

/* GListModel */

static GType
salvage_trash_view_get_item_type (GListModel *model)
{
  return SALVAGE_TYPE_TRASH_ITEM;
}

static guint
salvage_trash_view_get_n_items (GListModel *model)
{
  return SALVAGE_TRASH_VIEW (model)->order->len;
}

static gpointer
salvage_trash_view_get_item (GListModel *model,
                             guint       position)
{
  SalvageTrashView *self = SALVAGE_TRASH_VIEW (model);

  if (position >= self->order->len)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->store),
                                g_array_index (self->order, guint, position));
}

static void
salvage_trash_view_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = salvage_trash_view_get_item_type;
  iface->get_n_items = salvage_trash_view_get_n_items;
  iface->get_item = salvage_trash_view_get_item;
}

/* GObject */

static void
salvage_trash_view_finalize (GObject *object)
{
  SalvageTrashView *self = SALVAGE_TRASH_VIEW (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (salvage_trash_view_parent_class)->finalize (object);
}

static void
salvage_trash_view_class_init (SalvageTrashViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_trash_view_finalize;
}

static void
salvage_trash_view_init (SalvageTrashView *self)
{
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
}

SalvageTrashView *
salvage_trash_view_new (SalvageTrashStore *store)
{
  SalvageTrashView *self;

  g_return_val_if_fail (store == NULL || SALVAGE_IS_TRASH_STORE (store), NULL);

  self = g_object_new (SALVAGE_TYPE_TRASH_VIEW, NULL);
  salvage_trash_view_set_store (self, store);

  return self;
}

void
salvage_trash_view_set_store (SalvageTrashView  *self,
                              SalvageTrashStore *store)
{
  GArray *order;
  guint old_len;

  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));
  g_return_if_fail (store == NULL || SALVAGE_IS_TRASH_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_swapped (store, "items-changed", G_CALLBACK (store_changed_cb), self);

  /* Another store's entries are all new. */
  order = compute_order (self);
  old_len = self->order->len;
  g_array_unref (self->order);
  self->order = order;
  if (old_len > 0 || order->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, order->len);
}

SalvageTrashStore *
salvage_trash_view_get_store (SalvageTrashView *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_VIEW (self), NULL);

  return self->store;
}

void
salvage_trash_view_sort_by_number (SalvageTrashView      *self,
                                   SalvageTrashNumberKey  key,
                                   gboolean               descending)
{
  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));

  self->number_key = key;
  self->by_part = FALSE;
  self->text_key = NULL;
  self->text_key_data = NULL;
  self->descending = !!descending;
  set_order (self, compute_order (self));
}

void
salvage_trash_view_sort_by_text (SalvageTrashView    *self,
                                 SalvageTrashTextKey  key,
                                 gpointer             user_data,
                                 gboolean             descending)
{
  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));

  self->number_key = NULL;
  self->by_part = FALSE;
  self->text_key = key;
  self->text_key_data = user_data;
  self->descending = !!descending;
  set_order (self, compute_order (self));
}

void
salvage_trash_view_sort_by_part (SalvageTrashView *self,
                                 gboolean          descending)
{
  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));

  self->number_key = NULL;
  self->by_part = TRUE;
  self->text_key = NULL;
  self->text_key_data = NULL;
  self->descending = !!descending;
  set_order (self, compute_order (self));
}

void
salvage_trash_view_set_filter (SalvageTrashView  *self,
                               SalvageTrashMatch  match,
                               gpointer           user_data)
{
  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));

  self->match = match;
  self->match_data = user_data;
  set_order (self, compute_order (self));
}

void
salvage_trash_view_refilter (SalvageTrashView *self)
{
  g_return_if_fail (SALVAGE_IS_TRASH_VIEW (self));

  set_order (self, compute_order (self));
}

guint
salvage_trash_view_get_store_position (SalvageTrashView *self,
                                       guint             position)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_VIEW (self), G_MAXUINT);
  g_return_val_if_fail (position < self->order->len, G_MAXUINT);

  return g_array_index (self->order, guint, position);
}
