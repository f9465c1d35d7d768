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

/* Texts that repeat (a few people, a few types, the parent of several
 * versions in a row) are looked up in a small table of the latest ones,
 * by a hash of a few of their bytes: no table grows with the listing. */
#define N_RECENT 256

typedef struct
{
  const char *str;
  gsize       len;
} RecentText;

struct _SalvageTrashStrings
{
  GPtrArray        *blocks;
  char             *next;       /* in the last block */
  gsize             room;       /* left after @next */
  gsize             block_size;
  RecentText        recent[N_RECENT];
};

/* Ten texts of a pointer each, the kind and two dates. */
G_STATIC_ASSERT (sizeof (SalvageTrashRecord) <= 104);

struct _SalvageTrashListing
{
  SalvageTrashRecord  *records;
  guint                n_records;
  SalvageTrashStrings *strings;
};

SalvageTrashStrings *
_salvage_trash_strings_new (gsize size_hint)
{
  SalvageTrashStrings *self = g_new0 (SalvageTrashStrings, 1);

  self->blocks = g_ptr_array_new_with_free_func (g_free);
  self->block_size = CLAMP (size_hint, 4096, 64 * 1024 * 1024);
  return self;
}

void
_salvage_trash_strings_free (SalvageTrashStrings *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->blocks);
  g_free (self);
}

const char *
_salvage_trash_strings_add (SalvageTrashStrings *self,
                            const char          *str,
                            gsize                len)
{
  char *kept;

  if (str == NULL)
    return NULL;

  if (self->room < len + 1)
    {
      /* Pages of a block that are never written take no memory. */
      gsize size = MAX (self->block_size, len + 1);

      self->next = g_malloc (size);
      self->room = size;
      g_ptr_array_add (self->blocks, self->next);
      self->block_size = MIN (self->block_size * 2, 64 * 1024 * 1024);
    }

  kept = self->next;
  memcpy (kept, str, len);
  kept[len] = '\0';
  self->next += len + 1;
  self->room -= len + 1;

  return kept;
}

const char *
_salvage_trash_strings_add_shared (SalvageTrashStrings *self,
                                   const char          *str,
                                   gsize                len)
{
  RecentText *recent;
  guint hash;

  if (str == NULL)
    return NULL;

  hash = len * 31u;
  if (len > 0)
    hash += (guchar) str[0] * 7u + (guchar) str[len / 2] * 13u + (guchar) str[len - 1] * 17u;
  recent = &self->recent[hash % N_RECENT];

  if (recent->str == NULL || recent->len != len || memcmp (recent->str, str, len) != 0)
    {
      recent->str = _salvage_trash_strings_add (self, str, len);
      recent->len = len;
    }

  return recent->str;
}

static void
listing_clear (SalvageTrashListing *self)
{
  g_clear_pointer (&self->records, g_free);
  g_clear_pointer (&self->strings, _salvage_trash_strings_free);
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

SalvageTrashListing *
_salvage_trash_listing_new_take (SalvageTrashRecord  *records,
                                 gsize                n_records,
                                 SalvageTrashStrings *strings)
{
  SalvageTrashListing *self = g_atomic_rc_box_new0 (SalvageTrashListing);

  g_return_val_if_fail (records != NULL || n_records == 0, NULL);
  g_return_val_if_fail (n_records <= G_MAXUINT, NULL);
  g_return_val_if_fail (strings != NULL, NULL);

  self->n_records = n_records;
  self->records = records;
  self->strings = strings;

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
