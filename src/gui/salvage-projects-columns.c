/* salvage-projects-columns.c - what the Projects page shows of a project, version or training, and how it orders them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-page-util.h"
#include "salvage-project.h"
#include "salvage-projects-columns.h"
#include "salvage-training.h"
#include "salvage-version.h"

gboolean
salvage_projects_item_is_deletable (gpointer item)
{
  if (SALVAGE_IS_TRAINING (item))
    return !salvage_training_is_in_progress (item);

  return SALVAGE_IS_PROJECT (item) || SALVAGE_IS_VERSION (item);
}

static const char *
item_name (gpointer item)
{
  if (SALVAGE_IS_PROJECT (item))
    return salvage_project_get_name (item);
  if (SALVAGE_IS_VERSION (item))
    return salvage_version_get_name (item);
  if (SALVAGE_IS_TRAINING (item))
    return salvage_training_get_id (item);

  return NULL;
}

/* The date a row shows: when a project was last changed, a version made,
 * a training started. */
static GDateTime *
get_date (gconstpointer item)
{
  if (SALVAGE_IS_PROJECT ((gpointer) item))
    {
      GDateTime *date = salvage_project_get_updated ((SalvageProject *) item);

      return date != NULL ? date : salvage_project_get_created ((SalvageProject *) item);
    }

  if (SALVAGE_IS_VERSION ((gpointer) item))
    return salvage_version_get_created ((SalvageVersion *) item);

  if (SALVAGE_IS_TRAINING ((gpointer) item))
    return salvage_training_get_started ((SalvageTraining *) item);

  return NULL;
}

/* Cell texts */

char *
salvage_projects_name_text (gpointer item)
{
  if (SALVAGE_IS_VERSION (item))
    return salvage_version_format_label (salvage_version_get_number (item),
                                         salvage_version_get_name (item));

  if (SALVAGE_IS_TRAINING (item))
    {
      const char *model = salvage_training_get_model_type (item);

      if (model != NULL && *model != '\0')
        return g_strdup (model);

      return g_strdup (salvage_training_get_id (item));
    }

  return g_strdup (item_name (item));
}

char *
salvage_projects_type_text (gpointer item)
{
  if (SALVAGE_IS_PROJECT (item))
    return g_strdup (salvage_format_project_type (salvage_project_get_project_type (item)));

  if (SALVAGE_IS_VERSION (item))
    return g_strdup (_("Version"));

  if (SALVAGE_IS_TRAINING (item))
    {
      const char *status = salvage_training_get_status (item);

      if (status == NULL || *status == '\0')
        return g_strdup (_("Training Run"));

      /* Translators: a training run and its status, e.g. "Training Run · running" */
      return g_strdup_printf (_("Training Run · %s"), salvage_format_training_status (status));
    }

  return NULL;
}

char *
salvage_projects_images_text (gpointer item)
{
  if (SALVAGE_IS_PROJECT (item))
    return salvage_format_count (salvage_project_get_images (item));
  if (SALVAGE_IS_VERSION (item))
    return salvage_format_count (salvage_version_get_images (item));

  return NULL;
}

char *
salvage_projects_versions_text (gpointer item)
{
  if (SALVAGE_IS_PROJECT (item))
    return salvage_format_count (salvage_project_get_version_count (item));

  return NULL;
}

char *
salvage_projects_date_text (gpointer item)
{
  return salvage_format_date (get_date (item));
}

/* g_dngettext()'s count for @count, which may not fit a gulong. */
static gulong
plural_count (gint64 count)
{
  return (gulong) MIN (count, (gint64) G_MAXLONG);
}

char *
salvage_projects_row_subtitle (gpointer item)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *type = salvage_projects_type_text (item);
  g_autofree char *images = NULL;
  g_autofree char *versions = NULL;
  g_autofree char *date = salvage_projects_date_text (item);
  gint64 n_images = -1;
  gint64 n_versions = -1;

  if (SALVAGE_IS_PROJECT (item))
    {
      n_images = salvage_project_get_images (item);
      n_versions = salvage_project_get_version_count (item);
    }
  else if (SALVAGE_IS_VERSION (item))
    {
      n_images = salvage_version_get_images (item);
    }

  if (n_images >= 0)
    {
      g_autofree char *number = salvage_format_count (n_images);

      /* Translators: %s is a number of images, already formatted */
      images = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s image", "%s images",
                                             plural_count (n_images)),
                                number);
    }

  if (n_versions >= 0)
    {
      g_autofree char *number = salvage_format_count (n_versions);

      /* Translators: %s is a number of versions, already formatted */
      versions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s version", "%s versions",
                                               plural_count (n_versions)),
                                  number);
    }

  if (type != NULL)
    g_strv_builder_add (parts, type);
  if (images != NULL)
    g_strv_builder_add (parts, images);
  if (versions != NULL)
    g_strv_builder_add (parts, versions);
  if (date != NULL && g_strcmp0 (date, "—") != 0)
    g_strv_builder_add (parts, date);

  strv = g_strv_builder_end (parts);
  /* Translators: what separates the facts on a row's second line */
  return g_strjoinv (_(" · "), strv);
}

/* Sorting: siblings are always of one type */

static int
compare_counts (gint64 a,
                gint64 b)
{
  return (a > b) - (a < b);
}

int
salvage_projects_compare_name (gconstpointer a,
                               gconstpointer b,
                               gpointer      unused)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (SALVAGE_IS_VERSION ((gpointer) a) && SALVAGE_IS_VERSION ((gpointer) b))
    return salvage_version_compare ((SalvageVersion *) a, (SalvageVersion *) b);

  text_a = salvage_projects_name_text ((gpointer) a);
  text_b = salvage_projects_name_text ((gpointer) b);
  return g_utf8_collate (text_a != NULL ? text_a : "", text_b != NULL ? text_b : "");
}

int
salvage_projects_compare_type (gconstpointer a,
                               gconstpointer b,
                               gpointer      unused)
{
  g_autofree char *text_a = salvage_projects_type_text ((gpointer) a);
  g_autofree char *text_b = salvage_projects_type_text ((gpointer) b);

  return g_strcmp0 (text_a, text_b);
}

static gint64
get_images (gconstpointer item)
{
  if (SALVAGE_IS_PROJECT ((gpointer) item))
    return salvage_project_get_images ((SalvageProject *) item);
  if (SALVAGE_IS_VERSION ((gpointer) item))
    return salvage_version_get_images ((SalvageVersion *) item);

  return -1;
}

int
salvage_projects_compare_images (gconstpointer a,
                                 gconstpointer b,
                                 gpointer      unused)
{
  return compare_counts (get_images (a), get_images (b));
}

int
salvage_projects_compare_versions (gconstpointer a,
                                   gconstpointer b,
                                   gpointer      unused)
{
  if (SALVAGE_IS_PROJECT ((gpointer) a) && SALVAGE_IS_PROJECT ((gpointer) b))
    return compare_counts (salvage_project_get_version_count ((SalvageProject *) a),
                           salvage_project_get_version_count ((SalvageProject *) b));

  return 0;
}

int
salvage_projects_compare_date (gconstpointer a,
                               gconstpointer b,
                               gpointer      unused)
{
  return salvage_compare_dates (get_date (a), get_date (b));
}
