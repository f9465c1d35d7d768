/* salvage-restore-cell.h - the last cell of a Trash row: Restore, or why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_RESTORE_CELL (salvage_restore_cell_get_type ())

G_DECLARE_FINAL_TYPE (SalvageRestoreCell, salvage_restore_cell, SALVAGE, RESTORE_CELL, GtkWidget)

/*
 * A flat Restore button, named for screen readers after the entry it
 * restores; or, for an entry that cannot be restored from here, a dimmed
 * icon whose tooltip and name say why. While its entry is being restored
 * ("busy"), a spinner shows over the button, which says so. The icon and
 * the spinner are made the first time the cell needs them, which few rows
 * ever do.
 *
 * Signals:
 *   "restore" (SalvageTrashItem *item): the button was clicked
 */

/* @label: the button's label, or NULL for an icon only. */
GtkWidget        *salvage_restore_cell_new      (const char         *label);
void              salvage_restore_cell_set_item (SalvageRestoreCell *self,
                                                 SalvageTrashItem   *item);
SalvageTrashItem *salvage_restore_cell_get_item (SalvageRestoreCell *self);
void              salvage_restore_cell_set_busy (SalvageRestoreCell *self,
                                                 gboolean            busy);
gboolean          salvage_restore_cell_get_busy (SalvageRestoreCell *self);

G_END_DECLS
