/* salvage-version.h - a dataset version of a project (GET /{ws}/{project})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_VERSION (salvage_version_get_type ())

G_DECLARE_FINAL_TYPE (SalvageVersion, salvage_version, SALVAGE, VERSION, GObject)

/*
 * Properties (construct-only):
 *   "id"            string  as given, usually "<ws>/<project>/<N>"
 *   "project-slug"  string  slug of the owning project
 *   "number"        string  "<N>": the last "/" segment of "id", as the SDK does
 *   "name"          string  e.g. "augmented-416x416"; may be NULL
 *   "images"        int64   -1 when unknown
 *   "created"       GDateTime (nullable)
 */

const char *salvage_version_get_id           (SalvageVersion *self);
const char *salvage_version_get_project_slug (SalvageVersion *self);
const char *salvage_version_get_number       (SalvageVersion *self);
const char *salvage_version_get_name         (SalvageVersion *self);
gint64      salvage_version_get_images       (SalvageVersion *self);
GDateTime  *salvage_version_get_created      (SalvageVersion *self);

/* How a version is named to people: "v3 augmented-416x416"; "v3" when it
 * has no name; and its name alone, with the number written once, when the
 * name already starts with the number ("v3", "v3 raw", "3-raw" → "v3-raw").
 * @number may be NULL or empty (then the name, or ""), so may @name. */
char       *salvage_version_format_label     (const char     *number,
                                              const char     *name);

/* Numeric order of version numbers ("2" < "10"); non-numeric ones last, by text. */
int         salvage_version_compare          (SalvageVersion *a,
                                              SalvageVersion *b);

G_END_DECLS
