/* salvage-cleanup-notice.c - the desktop notification that Trash entries are about to be deleted for good
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-cleanup-notice.h"
#include "salvage-format.h"
#include "salvage-undo.h"

static const char *
workspace_name (SalvageAccount *account)
{
  const char *name = salvage_account_get_name (account);

  return name != NULL && *name != '\0' ? name : salvage_account_get_workspace (account);
}

static GPtrArray *
dup_items (SalvageCleanupReport *report)
{
  GListModel *items = salvage_cleanup_report_get_items (report);
  guint n_items = g_list_model_get_n_items (items);
  GPtrArray *array = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_list_model_get_item (items, i));

  return array;
}

char *
salvage_cleanup_notice_dup_title (SalvageCleanupReport *report)
{
  guint n_items;
  int soonest;
  int latest;
  const char *name;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (report), NULL);

  n_items = g_list_model_get_n_items (salvage_cleanup_report_get_items (report));
  soonest = salvage_cleanup_report_get_days_left (report);
  latest = salvage_cleanup_report_get_latest_days_left (report);
  name = workspace_name (salvage_cleanup_report_get_account (report));

  /* The day goes in the title only when it is the same for all of them;
   * the body says the rest. */
  if (soonest == latest && soonest == 0)
    /* Translators: %u counts Trash entries, %s names a workspace */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u item in “%s” will be deleted for good today",
                                         "%u items in “%s” will be deleted for good today",
                                         n_items),
                            n_items, name);

  if (soonest == latest && soonest == 1)
    /* Translators: %u counts Trash entries, %s names a workspace */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u item in “%s” will be deleted for good tomorrow",
                                         "%u items in “%s” will be deleted for good tomorrow",
                                         n_items),
                            n_items, name);

  /* Translators: %u counts Trash entries, %s names a workspace */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u item in “%s” will be deleted for good soon",
                                       "%u items in “%s” will be deleted for good soon",
                                       n_items),
                          n_items, name);
}

char *
salvage_cleanup_notice_dup_body (SalvageCleanupReport *report)
{
  g_autoptr(GPtrArray) items = NULL;
  GString *body;
  int soonest;
  int latest;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (report), NULL);

  items = dup_items (report);
  soonest = salvage_cleanup_report_get_days_left (report);
  latest = salvage_cleanup_report_get_latest_days_left (report);

  body = g_string_new (NULL);
  salvage_format_append_item_names (body, items, SALVAGE_CLEANUP_NOTICE_NAMED);
  g_string_append_c (body, '\n');

  if (soonest == latest && soonest <= 1)
    /* Translators: after the names of Trash entries deleted for good today or tomorrow */
    g_string_append (body, _("Restore what you need before then."));
  else if (soonest == latest)
    /* Translators: after the names of Trash entries; %d counts days (2 or more) */
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "They will be deleted for good in %d day.",
                                               "They will be deleted for good in %d days.",
                                               latest),
                            latest);
  else if (soonest == 0)
    /* Translators: after the names of Trash entries; %d counts days */
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "The first today, all within %d day.",
                                               "The first today, all within %d days.",
                                               latest),
                            latest);
  else if (soonest == 1)
    /* Translators: after the names of Trash entries; %d counts days */
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "The first tomorrow, all within %d day.",
                                               "The first tomorrow, all within %d days.",
                                               latest),
                            latest);
  else
    /* Translators: after the names of Trash entries; %d counts days */
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "All within %d day.",
                                               "All within %d days.",
                                               latest),
                            latest);

  return g_string_free (body, FALSE);
}

char *
salvage_cleanup_notice_dup_id (SalvageAccount *account)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (account), NULL);

  /* The workspace's own key, hashed: an id is a short plain word. */
  key = salvage_undo_stack_dup_key (salvage_account_get_server (account),
                                    salvage_account_get_workspace (account));
  return g_strdup_printf ("cleanup-%08x", g_str_hash (key));
}

GNotification *
salvage_cleanup_notice_new (SalvageCleanupReport *report)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  SalvageAccount *account;
  GNotification *notification;
  GVariantBuilder keys;
  GVariant *target;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (report), NULL);
  g_return_val_if_fail (g_list_model_get_n_items (salvage_cleanup_report_get_items (report)) > 0, NULL);

  account = salvage_cleanup_report_get_account (report);
  items = dup_items (report);
  title = salvage_cleanup_notice_dup_title (report);
  body = salvage_cleanup_notice_dup_body (report);

  g_variant_builder_init (&keys, G_VARIANT_TYPE_STRING_ARRAY);
  for (guint i = 0; i < items->len; i++)
    g_variant_builder_add (&keys, "s", salvage_trash_item_get_key (g_ptr_array_index (items, i)));
  target = g_variant_new ("(ssas)", salvage_account_get_server (account),
                          salvage_account_get_workspace (account), &keys);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_category (notification, "x-salvage.cleanup");
  /* The target is used twice: the first use must not consume it. */
  g_variant_ref_sink (target);
  g_notification_set_default_action_and_target_value (notification, SALVAGE_CLEANUP_REVIEW_ACTION, target);
  g_notification_add_button_with_target_value (notification, _("Review"), SALVAGE_CLEANUP_REVIEW_ACTION, target);
  g_variant_unref (target);

  return notification;
}
