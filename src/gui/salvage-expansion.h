/* salvage-expansion.h - which rows of a tree are expanded, kept across reloads of its items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_EXPANSION (salvage_expansion_get_type ())

G_DECLARE_FINAL_TYPE (SalvageExpansion, salvage_expansion, SALVAGE, EXPANSION, GObject)

/* What identifies @item across reloads of its list, or NULL for items that
 * are never expanded. */
typedef char *(*SalvageExpansionKeyFunc) (gpointer item);

/* Called before a row of @item is expanded again (to load its children). */
typedef void  (*SalvageExpansionFunc)    (gpointer item,
                                          gpointer user_data);

/*
 * A reload of a list hands a GtkTreeListModel new objects, whose rows are
 * new rows, collapsed: deleting one version collapsed the whole Projects
 * tree. This remembers the rows expanded by what identifies their items,
 * and expands a row again when an item of the same key comes back.
 * Collapsing a row forgets it.
 */
SalvageExpansion *salvage_expansion_new (GtkTreeListModel        *rows,
                                         SalvageExpansionKeyFunc  key_func,
                                         SalvageExpansionFunc     expand_func,
                                         gpointer                 user_data);

/* Forgets every row (another workspace is shown). */
void              salvage_expansion_clear (SalvageExpansion *self);

G_END_DECLS
