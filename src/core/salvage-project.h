/* salvage-project.h - a live project of a workspace (GET /{ws})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_PROJECT (salvage_project_get_type ())

G_DECLARE_FINAL_TYPE (SalvageProject, salvage_project, SALVAGE, PROJECT, GObject)

/*
 * Properties (all construct-only, set by the parser):
 *   "id"             string   "<ws>/<slug>" as the API gives it
 *   "slug"           string   the URL slug (last segment of "id", or "url")
 *   "name"           string   display name (falls back to the slug)
 *   "project-type"   string   e.g. "object-detection"; may be NULL
 *   "annotation"     string   annotation group; may be NULL
 *   "images"         int64    -1 when unknown
 *   "unannotated"    int64    -1 when unknown
 *   "version-count"  int64    -1 when unknown
 *   "public"         boolean
 *   "created"        GDateTime (boxed, nullable)
 *   "updated"        GDateTime (boxed, nullable)
 */

const char *salvage_project_get_id            (SalvageProject *self);
const char *salvage_project_get_slug          (SalvageProject *self);
const char *salvage_project_get_name          (SalvageProject *self);
const char *salvage_project_get_project_type  (SalvageProject *self);
const char *salvage_project_get_annotation    (SalvageProject *self);
gint64      salvage_project_get_images        (SalvageProject *self);
gint64      salvage_project_get_unannotated   (SalvageProject *self);
gint64      salvage_project_get_version_count (SalvageProject *self);
gboolean    salvage_project_get_public        (SalvageProject *self);
GDateTime  *salvage_project_get_created       (SalvageProject *self);
GDateTime  *salvage_project_get_updated       (SalvageProject *self);

G_END_DECLS
