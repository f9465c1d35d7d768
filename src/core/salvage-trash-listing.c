/* salvage-trash-listing.c - one answer of the Trash, as compact records
 *
 * A large Trash has tens of thousands of entries, of which a window shows
 * a few dozen at a time. The listing keeps them as plain records with
 * their strings packed in one block, so that reading an answer costs no
 * allocation per entry; an item object is made for a record only when
 * something asks for one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-trash-listing.h"

struct _SalvageTrashListing
{
  SalvageTrashRecord *records;
  guint               n_records;
  char               *strings;
};

static void
listing_clear (SalvageTrashListing *self)
{
  g_clear_pointer (&self->records, g_free);
  g_clear_pointer (&self->strings, g_free);
}

G_DEFINE_BOXED_TYPE (SalvageTrashListing, salvage_trash_listing,
                     salvage_trash_listing_ref, salvage_trash_listing_unref)

SalvageTrashListing *
salvage_trash_listing_ref (SalvageTrashListing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
salvage_trash_listing_unref (SalvageTrashListing *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) listing_clear);
}

/* The texts of a record, in one order for every loop over them. */
#define N_TEXTS 10

static SalvageTrashText *
record_texts (SalvageTrashRecord *record,
              SalvageTrashText   *texts[N_TEXTS])
{
  texts[0] = &record->type_name;
  texts[1] = &record->id;
  texts[2] = &record->name;
  texts[3] = &record->url;
  texts[4] = &record->parent_id;
  texts[5] = &record->parent_url;
  texts[6] = &record->parent_name;
  texts[7] = &record->version_number;
  texts[8] = &record->deleted_by;
  texts[9] = &record->deleted_by_name;

  return texts[0];
}

SalvageTrashListing *
_salvage_trash_listing_new_take (SalvageTrashRecord *records,
                                 gsize               n_records)
{
  SalvageTrashListing *self = g_atomic_rc_box_new0 (SalvageTrashListing);
  gsize size = 0;
  char *out;

  g_return_val_if_fail (records != NULL || n_records == 0, NULL);
  g_return_val_if_fail (n_records <= G_MAXUINT, NULL);

  self->n_records = n_records;
  self->records = records;

  for (guint i = 0; i < n_records; i++)
    {
      SalvageTrashText *texts[N_TEXTS];

      record_texts (&self->records[i], texts);
      for (guint j = 0; j < N_TEXTS; j++)
        size += texts[j]->str != NULL ? texts[j]->len + 1 : 0;
    }

  out = self->strings = g_malloc (MAX (size, 1));
  for (guint i = 0; i < n_records; i++)
    {
      SalvageTrashText *texts[N_TEXTS];

      record_texts (&self->records[i], texts);
      for (guint j = 0; j < N_TEXTS; j++)
        {
          if (texts[j]->str == NULL)
            continue;
          memcpy (out, texts[j]->str, texts[j]->len);
          out[texts[j]->len] = '\0';
          texts[j]->str = out;
          out += texts[j]->len + 1;
        }
    }

  return self;
}

guint
salvage_trash_listing_get_n_records (SalvageTrashListing *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_records;
}

const SalvageTrashRecord *
salvage_trash_listing_get_record (SalvageTrashListing *self,
                                  guint                position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_records, NULL);

  return &self->records[position];
}

SalvageTrashItem *
salvage_trash_listing_make_item (SalvageTrashListing *self,
                                 guint                position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->n_records, NULL);

  return _salvage_trash_item_new_in_listing (&self->records[position], self);
}
