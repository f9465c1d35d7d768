/* salvage-workspace-private.h - what the workspace's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-workspace.h"

G_BEGIN_DECLS

/* A set of the workspace's lists, to reload together. */
GPtrArray *_salvage_workspace_list_set_new          (void);
void       _salvage_workspace_list_set_add_trash    (GPtrArray        *lists);
void       _salvage_workspace_list_set_add_restored (SalvageWorkspace *self,
                                                     GPtrArray        *lists,
                                                     SalvageTrashItem *item);

/* One request per list of @lists, all at once; each list whose request
 * succeeded is updated, and the first error is returned. */
void       _salvage_workspace_reload_lists_async    (SalvageWorkspace    *self,
                                                     GPtrArray           *lists,
                                                     gpointer             source_tag,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   _salvage_workspace_reload_lists_finish   (SalvageWorkspace  *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);

void       _salvage_workspace_take_out_of_trash     (SalvageWorkspace *self,
                                                     SalvageTrashItem *item);

/* Whether the caller runs on the main context the workspace was made on. */
gboolean   _salvage_workspace_is_home_context       (SalvageWorkspace *self);

/* Whether @a was deleted after @b; an unknown date counts as oldest. */
static inline gboolean
_salvage_trash_item_deleted_later (SalvageTrashItem *a,
                                   SalvageTrashItem *b)
{
  GDateTime *da = salvage_trash_item_get_deleted_at (a);
  GDateTime *db = salvage_trash_item_get_deleted_at (b);

  if (da == NULL)
    return FALSE;
  if (db == NULL)
    return TRUE;
  return g_date_time_compare (da, db) > 0;
}

G_END_DECLS
