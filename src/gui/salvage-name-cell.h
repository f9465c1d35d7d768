/* salvage-name-cell.h - the Name cell of the Projects tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_NAME_CELL (salvage_name_cell_get_type ())

G_DECLARE_FINAL_TYPE (SalvageNameCell, salvage_name_cell, SALVAGE, NAME_CELL, GtkWidget)

/*
 * A name, cut short when the column is narrow. The rows that stand for a
 * level still loading or failed to load show a spinner or an error icon
 * before their text, and a failure's whole message in the tooltip; a
 * level with a note (nothing to show, and why) shows it dimmed.
 */

typedef enum
{
  SALVAGE_NAME_CELL_PLAIN,
  SALVAGE_NAME_CELL_LOADING,
  SALVAGE_NAME_CELL_FAILED,
  SALVAGE_NAME_CELL_NOTE,     /* a quiet remark, dimmed */
} SalvageNameCellKind;

GtkWidget *salvage_name_cell_new  (void);
void       salvage_name_cell_set  (SalvageNameCell     *self,
                                   SalvageNameCellKind  kind,
                                   const char          *text);

G_END_DECLS
