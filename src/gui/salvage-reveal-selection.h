/* salvage-reveal-selection.h - the Trash view's model: the rows shown so far, selected as a whole
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_REVEAL_SELECTION (salvage_reveal_selection_get_type ())

G_DECLARE_FINAL_TYPE (SalvageRevealSelection, salvage_reveal_selection,
                      SALVAGE, REVEAL_SELECTION, GObject)

/* A selection model whose items are those of @shown, and whose selection
 * is that of @selection, over the whole list. @shown must always hold the
 * first items of what @selection holds, in the same order. */
GtkSelectionModel *salvage_reveal_selection_new (GListModel        *shown,
                                                 GtkSelectionModel *selection);

G_END_DECLS
