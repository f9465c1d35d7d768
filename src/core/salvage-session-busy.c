/* salvage-session-busy.c - which items of the workspace shown have a request under way
 *
 * An item is known by its entry rather than by its object: a list reloaded
 * while a request is under way holds new objects for the same entries,
 * and their rows must still show that something is going on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-session-private.h"

G_DEFINE_ENUM_TYPE (SalvageBusy, salvage_busy,
  G_DEFINE_ENUM_VALUE (SALVAGE_BUSY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (SALVAGE_BUSY_DELETING, "deleting"),
  G_DEFINE_ENUM_VALUE (SALVAGE_BUSY_RESTORING, "restoring"))

/* The entry @item stands for, or NULL for an object that is none. A Trash
 * entry and a live item never share a key. */
static char *
dup_busy_key (gpointer item)
{
  if (SALVAGE_IS_TRASH_ITEM (item))
    {
      g_autofree char *key = salvage_trash_item_dup_key (item);

      return key != NULL ? g_strconcat ("trash\n", key, NULL) : NULL;
    }

  if (SALVAGE_IS_PROJECT (item))
    return g_strconcat ("project\n", salvage_project_get_slug (item), NULL);

  if (SALVAGE_IS_VERSION (item))
    return g_strconcat ("version\n", salvage_version_get_project_slug (item), "\n",
                        salvage_version_get_number (item), NULL);

  if (SALVAGE_IS_TRAINING (item))
    return g_strconcat ("training\n", salvage_training_get_project_slug (item), "\n",
                        salvage_training_get_version_number (item), "\n",
                        salvage_training_get_id (item), NULL);

  if (SALVAGE_IS_WORKFLOW (item))
    return g_strconcat ("workflow\n", salvage_workflow_get_url (item), NULL);

  return NULL;
}

static gboolean
set_busy (SalvageSession *self,
          gpointer        item,
          SalvageBusy     busy)
{
  g_autofree char *key = dup_busy_key (item);

  if (key == NULL)
    return FALSE;

  if (busy == SALVAGE_BUSY_NONE)
    return g_hash_table_remove (self->busy, key);

  if (GPOINTER_TO_UINT (g_hash_table_lookup (self->busy, key)) == busy)
    return FALSE;

  g_hash_table_insert (self->busy, g_steal_pointer (&key), GUINT_TO_POINTER (busy));
  return TRUE;
}

void
_salvage_session_set_busy (SalvageSession *self,
                           gpointer        item,
                           SalvageBusy     busy)
{
  if (set_busy (self, item, busy))
    g_signal_emit_by_name (self, "busy-changed");
}

void
_salvage_session_set_busy_many (SalvageSession *self,
                                GPtrArray      *items,
                                SalvageBusy     busy)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < items->len; i++)
    changed |= set_busy (self, g_ptr_array_index (items, i), busy);

  if (changed)
    g_signal_emit_by_name (self, "busy-changed");
}

void
_salvage_session_clear_busy (SalvageSession *self)
{
  if (g_hash_table_size (self->busy) == 0)
    return;

  g_hash_table_remove_all (self->busy);
  g_signal_emit_by_name (self, "busy-changed");
}

SalvageBusy
salvage_session_get_busy (SalvageSession *self,
                          gpointer        item)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SALVAGE_IS_SESSION (self), SALVAGE_BUSY_NONE);
  g_return_val_if_fail (item == NULL || G_IS_OBJECT (item), SALVAGE_BUSY_NONE);

  if (item == NULL || g_hash_table_size (self->busy) == 0)
    return SALVAGE_BUSY_NONE;

  key = dup_busy_key (item);
  if (key == NULL)
    return SALVAGE_BUSY_NONE;

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->busy, key));
}
