/* salvage-workflow.h - a workflow of a workspace (GET /{ws}/workflows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_WORKFLOW (salvage_workflow_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWorkflow, salvage_workflow, SALVAGE, WORKFLOW, GObject)

/*
 * Properties (construct-only):
 *   "id"       string  Firestore-style id; may be NULL (not evidenced in lists)
 *   "url"      string  the slug, used for DELETE (never the id)
 *   "name"     string  falls back to the url
 *   "status"   string  may be NULL
 *   "created"  GDateTime (nullable)
 *   "updated"  GDateTime (nullable)
 */

const char *salvage_workflow_get_id      (SalvageWorkflow *self);
const char *salvage_workflow_get_url     (SalvageWorkflow *self);
const char *salvage_workflow_get_name    (SalvageWorkflow *self);
const char *salvage_workflow_get_status  (SalvageWorkflow *self);
GDateTime  *salvage_workflow_get_created (SalvageWorkflow *self);
GDateTime  *salvage_workflow_get_updated (SalvageWorkflow *self);

G_END_DECLS
