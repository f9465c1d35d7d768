/* salvage-trash-columns.c - what the Trash page shows of an entry, and how it picks and orders them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-page-util.h"
#include "salvage-trash-columns.h"

static const char * const filter_names[SALVAGE_N_TRASH_FILTERS] = {
  [SALVAGE_TRASH_FILTER_ALL] = "all",
  [SALVAGE_TRASH_FILTER_PROJECTS] = "project",
  [SALVAGE_TRASH_FILTER_VERSIONS] = "version",
  [SALVAGE_TRASH_FILTER_TRAININGS] = "training",
  [SALVAGE_TRASH_FILTER_WORKFLOWS] = "workflow",
  [SALVAGE_TRASH_FILTER_OTHER] = "other",
};

static const char * const sort_names[SALVAGE_N_TRASH_SORTS] = {
  [SALVAGE_TRASH_SORT_NAME] = "name",
  [SALVAGE_TRASH_SORT_TYPE] = "type",
  [SALVAGE_TRASH_SORT_DELETER] = "deleted-by",
  [SALVAGE_TRASH_SORT_DELETED] = "deleted",
  [SALVAGE_TRASH_SORT_DAYS_LEFT] = "days-left",
  [SALVAGE_TRASH_SORT_WORKSPACE] = "workspace",
};

static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  for (guint i = 0; name != NULL && i < n_names; i++)
    if (g_str_equal (name, names[i]))
      return (int) i;

  return -1;
}

const char *
salvage_trash_filter_to_string (SalvageTrashFilter filter)
{
  g_return_val_if_fail (filter < SALVAGE_N_TRASH_FILTERS, NULL);

  return filter_names[filter];
}

int
salvage_trash_filter_from_string (const char *name)
{
  return find_name (filter_names, G_N_ELEMENTS (filter_names), name);
}

const char *
salvage_trash_sort_to_string (SalvageTrashSort sort)
{
  g_return_val_if_fail (sort < SALVAGE_N_TRASH_SORTS, NULL);

  return sort_names[sort];
}

int
salvage_trash_sort_from_string (const char *name)
{
  return find_name (sort_names, G_N_ELEMENTS (sort_names), name);
}

gboolean
salvage_trash_filter_matches_kind (SalvageTrashFilter filter,
                                   SalvageTrashKind   kind)
{
  switch (filter)
    {
    case SALVAGE_TRASH_FILTER_PROJECTS:
      return kind == SALVAGE_TRASH_KIND_PROJECT;
    case SALVAGE_TRASH_FILTER_VERSIONS:
      return kind == SALVAGE_TRASH_KIND_VERSION;
    case SALVAGE_TRASH_FILTER_TRAININGS:
      return kind == SALVAGE_TRASH_KIND_TRAINING;
    case SALVAGE_TRASH_FILTER_WORKFLOWS:
      return kind == SALVAGE_TRASH_KIND_WORKFLOW;
    case SALVAGE_TRASH_FILTER_OTHER:
      return kind == SALVAGE_TRASH_KIND_OTHER;
    case SALVAGE_TRASH_FILTER_ALL:
    case SALVAGE_N_TRASH_FILTERS:
    default:
      return TRUE;
    }
}

char *
salvage_trash_name_text (gpointer item)
{
  return salvage_trash_item_dup_display_name (item);
}

char *
salvage_trash_type_text (gpointer item)
{
  return g_strdup (salvage_format_trash_kind (item));
}

char *
salvage_trash_deleter_text (gpointer item)
{
  const char *deleter = salvage_trash_item_get_deleter (item);

  return g_strdup (deleter != NULL ? deleter : "—");
}

char *
salvage_trash_deleted_text (gpointer item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return salvage_format_time_ago (salvage_trash_item_get_deleted_at (item), now);
}

char *
salvage_trash_row_subtitle (SalvageTrashItem *item)
{
  const char *deleter = salvage_trash_item_get_deleter (item);
  g_autofree char *deleted = salvage_trash_deleted_text (item);

  if (deleter != NULL && *deleter != '\0')
    /* Translators: a Trash entry's kind, who deleted it and when, e.g. "Version · Mei Tanaka · 29 days ago" */
    return g_strdup_printf (_("%s · %s · %s"), salvage_format_trash_kind (item), deleter, deleted);

  /* Translators: a Trash entry's kind and when it was deleted, e.g. "Version · 29 days ago" */
  return g_strdup_printf (_("%s · %s"), salvage_format_trash_kind (item), deleted);
}

/* GtkStringSorter computes each key once per item, not once per comparison. */
char *
salvage_trash_name_key (SalvageTrashItem *item,
                        gpointer          unused)
{
  return salvage_trash_item_dup_display_name (item);
}

char *
salvage_trash_type_key (SalvageTrashItem *item,
                        gpointer          unused)
{
  return g_strdup (salvage_format_trash_kind (item));
}

char *
salvage_trash_deleter_key (SalvageTrashItem *item,
                           gpointer          unused)
{
  return g_strdup (salvage_trash_item_get_deleter (item));
}

/* The default sort, of the whole Trash on every load: it compares keys
 * kept with the items rather than dates. Unknown dates come last. */
int
salvage_trash_compare_cleanup (gconstpointer a,
                               gconstpointer b,
                               gpointer      unused)
{
  gint64 x = salvage_trash_item_get_cleanup_key ((SalvageTrashItem *) a);
  gint64 y = salvage_trash_item_get_cleanup_key ((SalvageTrashItem *) b);

  return (x > y) - (x < y);
}

int
salvage_trash_compare_deleted (gconstpointer a,
                               gconstpointer b,
                               gpointer      unused)
{
  /* Most recent first reads as "ascending" for a "… ago" column. */
  return -salvage_compare_dates (salvage_trash_item_get_deleted_at ((SalvageTrashItem *) a),
                                 salvage_trash_item_get_deleted_at ((SalvageTrashItem *) b));
}
