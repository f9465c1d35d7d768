/* salvage-workflows-page.h - the Workflows page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-page.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_WORKFLOWS_PAGE (salvage_workflows_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWorkflowsPage, salvage_workflows_page, SALVAGE, WORKFLOWS_PAGE, SalvagePage)

/*
 * Signals:
 *   "delete-requested" (GObject *item): the user asked to move a workflow
 *                      to the Trash; nothing is asked yet.
 *
 * Actions (group "workflows"): "delete-selected", "context-menu".
 */

gboolean    salvage_workflows_page_select_item   (SalvageWorkflowsPage *self,
                                                  SalvageWorkflow      *workflow);
/* The rows as shown: filtered and sorted. */
GListModel *salvage_workflows_page_get_rows      (SalvageWorkflowsPage *self);

G_END_DECLS
