/* salvage-format.c - how model values are shown to people: dates, counts, names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "salvage-format.h"

/* Numbers are grouped as the locale groups them (LC_NUMERIC): 10,522 in
 * the US, 10.522 in Germany, 10522 in the C locale. Every count a person
 * reads goes through the ' flag of printf, here and in the messages. */
char *
salvage_format_count (gint64 count)
{
  if (count < 0)
    return g_strdup ("—");

  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

/* Whether dates are written as in the C locale, which has no way of its
 * own worth the name (11/27/26). */
static gboolean
time_locale_is_c (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name == NULL ||
         g_str_equal (name, "C") ||
         g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* A date as the locale writes it (LC_TIME): 27.11.2026 in Germany,
 * 11/27/2026 in the US; ISO 8601 in the C locale. */
char *
salvage_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("—");

  local = g_date_time_to_local (date);
  return g_date_time_format (local, time_locale_is_c () ? "%Y-%m-%d" : "%x");
}

char *
salvage_format_time_ago (GDateTime *date,
                         GDateTime *now)
{
  GTimeSpan span;
  gint64 days;

  if (date == NULL || now == NULL)
    return g_strdup ("—");

  span = g_date_time_difference (now, date);
  if (span < G_TIME_SPAN_HOUR)
    return g_strdup (_("Just now"));

  if (span < G_TIME_SPAN_DAY)
    {
      int hours = (int) (span / G_TIME_SPAN_HOUR);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d hour ago", "%'d hours ago", hours),
                              hours);
    }

  days = span / G_TIME_SPAN_DAY;
  if (days == 1)
    return g_strdup (_("Yesterday"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d day ago", "%'d days ago", (gulong) days),
                          (int) days);
}

char *
salvage_format_days_left (int days_left)
{
  if (days_left < 0)
    return g_strdup ("—");

  if (days_left == 0)
    return g_strdup (_("Today"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'d day", "%'d days", days_left),
                          days_left);
}

char *
salvage_format_without_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" stands for an underscore; a lone one marks the mnemonic. */
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  const char *word;
  const char *text;  /* N_() */
} Wording;

static const char *
find_wording (const Wording *table,
              gsize          n_entries,
              const char    *word)
{
  if (word == NULL)
    return NULL;

  for (gsize i = 0; i < n_entries; i++)
    {
      if (g_ascii_strcasecmp (word, table[i].word) == 0)
        return _(table[i].text);
    }

  return word;
}

/* The types the Roboflow CLI can create (API doc §2.3). */
static const Wording project_types[] = {
  { "object-detection", N_("Object Detection") },
  { "single-label-classification", N_("Classification") },
  { "multi-label-classification", N_("Multi-Label Classification") },
  { "instance-segmentation", N_("Instance Segmentation") },
  { "semantic-segmentation", N_("Semantic Segmentation") },
  { "keypoint-detection", N_("Keypoint Detection") },
};

static const Wording training_statuses[] = {
  { "running", N_("running") },
  { "training", N_("running") },
  { "in_progress", N_("running") },
  { "queued", N_("queued") },
  { "pending", N_("queued") },
  { "starting", N_("starting") },
  { "finished", N_("finished") },
  { "completed", N_("finished") },
  { "complete", N_("finished") },
  { "succeeded", N_("finished") },
  { "success", N_("finished") },
  { "done", N_("finished") },
  { "failed", N_("failed") },
  { "failure", N_("failed") },
  { "error", N_("failed") },
  { "errored", N_("failed") },
  { "cancelled", N_("cancelled") },
  { "canceled", N_("cancelled") },
  { "stopped", N_("stopped") },
  { "aborted", N_("stopped") },
  { "timeout", N_("timed out") },
  { "timed_out", N_("timed out") },
};

static const Wording workflow_statuses[] = {
  { "active", N_("active") },
  { "inactive", N_("inactive") },
  { "draft", N_("draft") },
  { "archived", N_("archived") },
};

const char *
salvage_format_project_type (const char *word)
{
  return find_wording (project_types, G_N_ELEMENTS (project_types), word);
}

const char *
salvage_format_training_status (const char *word)
{
  return find_wording (training_statuses, G_N_ELEMENTS (training_statuses), word);
}

const char *
salvage_format_workflow_status (const char *word)
{
  return find_wording (workflow_statuses, G_N_ELEMENTS (workflow_statuses), word);
}

const char *
salvage_format_trash_kind_name (SalvageTrashKind  kind,
                                const char       *type_name)
{
  switch (kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      return _("Project");
    case SALVAGE_TRASH_KIND_VERSION:
      return _("Version");
    case SALVAGE_TRASH_KIND_WORKFLOW:
      return _("Workflow");
    case SALVAGE_TRASH_KIND_TRAINING:
      return _("Training Run");
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return type_name != NULL && *type_name != '\0' ? type_name : _("Other");
    }
}

const char *
salvage_format_trash_kind (SalvageTrashItem *item)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  return salvage_format_trash_kind_name (salvage_trash_item_get_kind (item),
                                         salvage_trash_item_get_type_name (item));
}

char *
salvage_format_not_restorable (SalvageTrashItem *item)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  if (salvage_trash_item_get_restorable (item))
    return NULL;

  if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_OTHER)
    return g_strdup_printf (_("Items of type “%s” can only be restored in the Roboflow web app"),
                            salvage_format_trash_kind (item));

  return g_strdup (_("The server did not say which item this is, so it cannot be restored from here"));
}

void
salvage_format_append_item_names (GString   *out,
                                  GPtrArray *items,
                                  guint      max_named)
{
  guint n_named;

  g_return_if_fail (out != NULL);
  g_return_if_fail (items != NULL);
  g_return_if_fail (max_named > 0);

  n_named = MIN (items->len, max_named);

  for (guint i = 0; i < n_named; i++)
    {
      g_autofree char *name = salvage_trash_item_dup_display_name (g_ptr_array_index (items, i));

      if (i > 0)
        /* Translators: what comes between the names of a list, before the
         * last one and before the others */
        g_string_append (out, i + 1 == items->len ? _(" and ") : _(", "));
      /* Translators: one name of a list of names, quoted */
      g_string_append_printf (out, _("“%s”"), name);
    }

  if (items->len > n_named)
    {
      guint rest = items->len - n_named;

      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, " and %'u more", " and %'u more", rest),
                              rest);
    }
}
