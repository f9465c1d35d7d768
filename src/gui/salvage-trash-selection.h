/* salvage-trash-selection.h - a selection of Trash entries that a search does not undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRASH_SELECTION (salvage_trash_selection_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashSelection, salvage_trash_selection,
                      SALVAGE, TRASH_SELECTION, GObject)

/*
 * A multiple selection over @model (of SalvageTrashItem, the rows as shown)
 * that remembers the entries selected rather than their positions: rows
 * a search or a type filter hides stay selected, and are selected again
 * when they show up, as are the entries of a reloaded Trash. Selecting a
 * row alone (a plain click) or unselecting all forgets the hidden ones
 * too, as the user sees nothing else selected.
 */
SalvageTrashSelection *salvage_trash_selection_new            (GListModel            *model);

/* Whether the entry of @item is selected, shown or not. */
gboolean               salvage_trash_selection_contains       (SalvageTrashSelection *self,
                                                               SalvageTrashItem      *item);

/* Forgets the entries that @trash (every SalvageTrashItem there is) no
 * longer holds, and returns those it does that are selected, in the
 * order of @trash. (element-type SalvageTrashItem) (transfer full) */
GPtrArray             *salvage_trash_selection_dup_selected   (SalvageTrashSelection *self,
                                                               GListModel            *trash);
/* How many entries of @trash are selected, and how many of them can be
 * restored; as salvage_trash_selection_dup_selected(), making no item. */
guint                  salvage_trash_selection_count_selected (SalvageTrashSelection *self,
                                                               GListModel            *trash,
                                                               guint                 *n_restorable);

G_END_DECLS
