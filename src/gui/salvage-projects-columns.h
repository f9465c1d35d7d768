/* salvage-projects-columns.h - what the Projects page shows of a project, version or training, and how it orders them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Each takes a SalvageProject, SalvageVersion or SalvageTraining. */

/* Whether it can be moved to the Trash: a training still running cannot. */
gboolean    salvage_projects_item_is_deletable (gpointer item);

/* Cell texts, for salvage_text_factory_new(). */
char       *salvage_projects_name_text         (gpointer item);
char       *salvage_projects_type_text         (gpointer item);
char       *salvage_projects_images_text       (gpointer item);
char       *salvage_projects_versions_text     (gpointer item);
char       *salvage_projects_date_text         (gpointer item);

/* The second line of a row on a narrow window: "Object Detection ·
 * 10522 images · 4 versions · 18 Nov 2026". */
char       *salvage_projects_row_subtitle      (gpointer item);

/* GCompareDataFuncs of the columns. Siblings in the tree are always of
 * one type, so only like is compared with like. */
int         salvage_projects_compare_name      (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      unused);
int         salvage_projects_compare_type      (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      unused);
int         salvage_projects_compare_images    (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      unused);
int         salvage_projects_compare_versions  (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      unused);
int         salvage_projects_compare_date      (gconstpointer a,
                                                gconstpointer b,
                                                gpointer      unused);

G_END_DECLS
