/* salvage-dialogs.c - the confirmations asked before moving to and restoring from the Trash
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-dialogs.h"
#include "salvage-format.h"

/* How many names a restore dialog lists before "and N more". */
#define MAX_NAMED_ITEMS 5

static const char *
find_project_name (SalvageWorkspace *workspace,
                   const char       *slug)
{
  GListModel *projects = salvage_workspace_get_projects (workspace);
  guint n_items = g_list_model_get_n_items (projects);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageProject) project = g_list_model_get_item (projects, i);

      if (g_strcmp0 (salvage_project_get_slug (project), slug) == 0)
        return salvage_project_get_name (project);
    }

  return slug;
}

char *
salvage_dup_item_name (SalvageWorkspace *workspace,
                       gpointer          item)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);

  if (SALVAGE_IS_PROJECT (item))
    return g_strdup (salvage_project_get_name (item));

  if (SALVAGE_IS_WORKFLOW (item))
    return g_strdup (salvage_workflow_get_name (item));

  if (SALVAGE_IS_VERSION (item))
    {
      const char *project = find_project_name (workspace, salvage_version_get_project_slug (item));
      g_autofree char *label = salvage_version_format_label (salvage_version_get_number (item),
                                                             salvage_version_get_name (item));

      return g_strdup_printf ("%s › %s", project, label);
    }

  if (SALVAGE_IS_TRAINING (item))
    {
      const char *project = find_project_name (workspace, salvage_training_get_project_slug (item));
      const char *model = salvage_training_get_model_type (item);

      return g_strdup_printf ("%s › v%s › %s", project,
                              salvage_training_get_version_number (item),
                              model != NULL && *model != '\0' ? model : salvage_training_get_id (item));
    }

  return g_strdup ("");
}

/* A confirmation is answered once: a second click on its button before
 * the dialog has gone, or a key pressed twice, must not run the action a
 * second time. Connected first, this runs before anyone else hears the
 * answer. */
static void
answer_once_cb (AdwAlertDialog *dialog,
                const char     *response,
                gboolean       *answered)
{
  GSignalInvocationHint *hint;

  if (!*answered)
    {
      *answered = TRUE;
      return;
    }

  hint = g_signal_get_invocation_hint (dialog);
  g_signal_stop_emission (dialog, hint->signal_id, hint->detail);
}

static void
answered_free (gpointer  data,
               GClosure *closure)
{
  g_free (data);
}

static AdwAlertDialog *
confirmation_new (const char *heading,
                  const char *body)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  g_signal_connect_data (dialog, "response", G_CALLBACK (answer_once_cb),
                         g_new0 (gboolean, 1), answered_free, 0);

  return ADW_ALERT_DIALOG (dialog);
}

AdwAlertDialog *
salvage_delete_dialog_new (gpointer    item,
                           const char *name)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwAlertDialog *dialog;

  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* Headings stay short: the name, which can be long, is in the body,
   * where it wraps. */
  heading = g_strdup (_("Move to Trash?"));

  if (SALVAGE_IS_PROJECT (item))
    body = g_strdup_printf (_("The project “%s” and its versions are moved to the Trash and kept there for 30 days, then removed for good. Any training in progress is cancelled."),
                            name);
  else if (SALVAGE_IS_VERSION (item))
    body = g_strdup_printf (_("The version “%s” is moved to the Trash and kept there for 30 days, then removed for good. Any training in progress on it is cancelled."),
                            name);
  else if (SALVAGE_IS_TRAINING (item))
    body = g_strdup_printf (_("The training run “%s” is moved to the Trash and kept there for 30 days, then removed for good."),
                            name);
  else
    body = g_strdup_printf (_("The workflow “%s” is moved to the Trash and kept there for 30 days, then removed for good."),
                            name);

  dialog = confirmation_new (heading, body);
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "trash", _("_Move to Trash"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "trash", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/* Says which entries come back although they were not asked for. */
static void
append_parents (GString   *out,
                GPtrArray *requested,
                GPtrArray *parents)
{
  g_autoptr(GString) names = g_string_new (NULL);

  salvage_format_append_item_names (names, parents, MAX_NAMED_ITEMS);

  if (requested->len == 1)
    {
      g_autofree char *child = salvage_trash_item_dup_display_name (g_ptr_array_index (requested, 0));

      /* Translators: the first %s names one or more projects or versions, the second what belongs to them */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s will be restored too, because “%s” belongs to it.",
                                                "%s will be restored too, because “%s” belongs to them.",
                                                parents->len),
                              names->str, child);
    }
  else
    {
      /* Translators: %s names one or more projects or versions */
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                "%s will be restored too, because some of these items belong to it.",
                                                "%s will be restored too, because some of these items belong to them.",
                                                parents->len),
                              names->str);
    }
}

/* All Workspaces: which workspaces the items of @items go back to. */
static void
append_workspaces (GString          *body,
                   SalvageWorkspace *group,
                   GPtrArray        *items)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *list = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      SalvageWorkspace *member = salvage_workspace_get_member_of (group, g_ptr_array_index (items, i));
      const char *name = member != NULL ? salvage_workspace_get_name (member) : NULL;

      if (name != NULL && !g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);

  /* Translators: the separator of a list of workspace names */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %s names the workspaces, as “Acme Vision, Beta Labs” */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "Restored items return to where they were deleted from, in %s.",
                                             "Restored items return to where they were deleted from, each in its own workspace: %s.",
                                             names->len - 1),
                          list);
}

AdwAlertDialog *
salvage_restore_dialog_new (SalvageWorkspace *workspace,
                            GPtrArray        *requested,
                            gboolean          all,
                            GPtrArray       **items_out)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) parents = NULL;
  g_autoptr(GHashTable) requested_objects = NULL;
  g_autoptr(GHashTable) requested_keys = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwAlertDialog *dialog;

  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (requested != NULL && requested->len > 0, NULL);
  g_return_val_if_fail (items_out != NULL, NULL);

  /* Every item brings the parents it cannot come back without; each of
   * them is sent once, and the ones not asked for are named. One plan for
   * all, so that it takes no time even for a whole Trash. */
  items = salvage_workspace_dup_restore_plan_many (workspace, requested);

  /* What was asked for is mostly the very objects of the plan; only the
   * others need their keys compared, to tell a parent from a request. */
  requested_objects = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < requested->len; i++)
    g_hash_table_add (requested_objects, g_ptr_array_index (requested, i));

  parents = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      g_autofree char *key = NULL;

      if (g_hash_table_contains (requested_objects, item))
        continue;

      if (requested_keys == NULL)
        {
          requested_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          for (guint j = 0; j < requested->len; j++)
            g_hash_table_add (requested_keys,
                              salvage_trash_item_dup_key (g_ptr_array_index (requested, j)));
        }

      key = salvage_trash_item_dup_key (item);
      if (!g_hash_table_contains (requested_keys, key))
        g_ptr_array_add (parents, item);
    }

  if (requested->len == 1)
    {
      g_autofree char *name = salvage_trash_item_dup_display_name (g_ptr_array_index (requested, 0));

      heading = g_strdup (_("Restore Item?"));
      /* Translators: %s is the name of what is restored */
      g_string_append_printf (body, _("“%s” will be restored."), name);
      g_string_append (body, "\n\n");
    }
  else
    {
      if (all)
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Restore All %'u Item?",
                                                "Restore All %'u Items?",
                                                requested->len),
                                   requested->len);
      else
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Restore %'u Item?",
                                                "Restore %'u Items?",
                                                requested->len),
                                   requested->len);

      salvage_format_append_item_names (body, requested, MAX_NAMED_ITEMS);
      g_string_append (body, "\n\n");
    }

  if (parents->len > 0)
    {
      append_parents (body, requested, parents);
      g_string_append (body, "\n\n");
    }
  if (salvage_workspace_is_group (workspace))
    append_workspaces (body, workspace, items);
  else
    g_string_append (body, _("Restored items return to where they were deleted from."));

  dialog = confirmation_new (heading, body->str);
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "restore", _("_Restore"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "restore");
  adw_alert_dialog_set_close_response (dialog, "cancel");

  *items_out = g_steal_pointer (&items);

  return dialog;
}
