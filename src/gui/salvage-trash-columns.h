/* salvage-trash-columns.h - what the Trash page shows of an entry, and how it picks and orders them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

/* The entries of the type drop-down, in its order. */
typedef enum
{
  SALVAGE_TRASH_FILTER_ALL,
  SALVAGE_TRASH_FILTER_PROJECTS,
  SALVAGE_TRASH_FILTER_VERSIONS,
  SALVAGE_TRASH_FILTER_TRAININGS,
  SALVAGE_TRASH_FILTER_WORKFLOWS,
  SALVAGE_TRASH_FILTER_OTHER,
  SALVAGE_N_TRASH_FILTERS
} SalvageTrashFilter;

/* The columns the Trash can be sorted by. */
typedef enum
{
  SALVAGE_TRASH_SORT_NAME,
  SALVAGE_TRASH_SORT_TYPE,
  SALVAGE_TRASH_SORT_DELETER,
  SALVAGE_TRASH_SORT_DELETED,
  SALVAGE_TRASH_SORT_DAYS_LEFT,
  SALVAGE_TRASH_SORT_WORKSPACE,  /* All Workspaces only */
  SALVAGE_N_TRASH_SORTS
} SalvageTrashSort;

/* The names the settings give them ("trash-filter", "trash-sort-column"),
 * and back; -1 for a name that is none of them. */
const char *salvage_trash_filter_to_string  (SalvageTrashFilter  filter);
int         salvage_trash_filter_from_string (const char         *name);
const char *salvage_trash_sort_to_string    (SalvageTrashSort    sort);
int         salvage_trash_sort_from_string  (const char         *name);

/* Whether @filter shows entries of @kind. */
gboolean    salvage_trash_filter_matches_kind (SalvageTrashFilter filter,
                                               SalvageTrashKind   kind);

/* Cell texts, for salvage_text_factory_new(). */
char       *salvage_trash_name_text         (gpointer            item);
char       *salvage_trash_type_text         (gpointer            item);
char       *salvage_trash_deleter_text      (gpointer            item);
char       *salvage_trash_deleted_text      (gpointer            item);

/* The second line of a row on a narrow window: "Version · Mei Tanaka ·
 * 29 days ago". */
char       *salvage_trash_row_subtitle      (SalvageTrashItem   *item);

/* Sort keys of the text columns, for a GtkStringSorter's expression. */
char       *salvage_trash_name_key          (SalvageTrashItem   *item,
                                             gpointer            unused);
char       *salvage_trash_type_key          (SalvageTrashItem   *item,
                                             gpointer            unused);
char       *salvage_trash_deleter_key       (SalvageTrashItem   *item,
                                             gpointer            unused);

/* GCompareDataFuncs for the date columns. */
int         salvage_trash_compare_cleanup   (gconstpointer       a,
                                             gconstpointer       b,
                                             gpointer            unused);
int         salvage_trash_compare_deleted   (gconstpointer       a,
                                             gconstpointer       b,
                                             gpointer            unused);

G_END_DECLS
