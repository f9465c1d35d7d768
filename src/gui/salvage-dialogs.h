/* salvage-dialogs.h - the confirmations asked before moving to and restoring from the Trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-workspace.h"

G_BEGIN_DECLS

/* The name people know @item (a project, version, training or workflow)
 * by, with the project it belongs to: "PCB Defects › v3 augmented". */
char             *salvage_dup_item_name      (SalvageWorkspace  *workspace,
                                              gpointer           item);

/* Asks whether to move @item, called @name, to the Trash. Responses:
 * "cancel" (the default and close response) and "trash". Present it with
 * adw_dialog_present(). */
AdwAlertDialog   *salvage_delete_dialog_new  (gpointer           item,
                                              const char        *name);

/* Asks whether to restore @requested (SalvageTrashItem); @all when that is
 * the whole Trash. @items_out gets what to restore: @requested with the
 * parents they need, parents first, each once (see
 * salvage_workspace_dup_restore_plan_many()). The dialog names the parents
 * that were not requested, the first few by name. Responses: "cancel" (the
 * close response) and "restore" (the default). */
AdwAlertDialog   *salvage_restore_dialog_new (SalvageWorkspace  *workspace,
                                              GPtrArray         *requested,
                                              gboolean           all,
                                              GPtrArray        **items_out);

G_END_DECLS
