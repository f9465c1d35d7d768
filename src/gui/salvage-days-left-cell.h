/* salvage-days-left-cell.h - the days a Trash entry has left, with a warning near the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_DAYS_LEFT_CELL (salvage_days_left_cell_get_type ())

G_DECLARE_FINAL_TYPE (SalvageDaysLeftCell, salvage_days_left_cell, SALVAGE, DAYS_LEFT_CELL, GtkWidget)

/*
 * "12 days", "Today" or "—". When the cleanup is near, the cell is drawn in
 * the warning colour (CSS class "warning") and, for whoever cannot tell
 * the colour, shows a warning icon that names the danger to screen readers
 * and in its tooltip.
 */

GtkWidget  *salvage_days_left_cell_new         (void);
void        salvage_days_left_cell_set         (SalvageDaysLeftCell *self,
                                                int                  days_left,
                                                gboolean             soon);
gboolean    salvage_days_left_cell_get_soon    (SalvageDaysLeftCell *self);
/* The warning icon, or NULL while the cell has never warned. */
GtkWidget  *salvage_days_left_cell_get_icon    (SalvageDaysLeftCell *self);

G_END_DECLS
