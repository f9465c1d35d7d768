/* salvage-workflows-page.h - the Workflows page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-page-util.h"
#include "salvage-workspace.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_WORKFLOWS_PAGE (salvage_workflows_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWorkflowsPage, salvage_workflows_page, SALVAGE, WORKFLOWS_PAGE, AdwBin)

/*
 * Signals:
 *   "delete-requested" (GObject *item): the user asked to move a workflow
 *                      to the Trash; nothing is asked yet.
 *
 * Actions (group "workflows"): "delete-selected", "context-menu".
 */

void        salvage_workflows_page_set_workspace (SalvageWorkflowsPage *self,
                                                  SalvageWorkspace     *workspace);
void        salvage_workflows_page_set_state     (SalvageWorkflowsPage *self,
                                                  SalvagePageState      state,
                                                  const GError         *error);
void        salvage_workflows_page_set_search    (SalvageWorkflowsPage *self,
                                                  const char           *text);
gboolean    salvage_workflows_page_select_item   (SalvageWorkflowsPage *self,
                                                  SalvageWorkflow      *workflow);
/* The rows as shown: filtered and sorted. */
GListModel *salvage_workflows_page_get_rows      (SalvageWorkflowsPage *self);
/* "loading", "content", "no-results", "empty" or "error". */
const char *salvage_workflows_page_get_view      (SalvageWorkflowsPage *self);

G_END_DECLS
