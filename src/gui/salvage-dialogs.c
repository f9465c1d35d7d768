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

/* Each restore plan indexes the whole Trash: past this many versions and
 * trainings in one request, their parents are left to the order of the
 * restore itself, so that a large selection cannot freeze the window. */
#define MAX_PLANNED_ITEMS 64

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
      const char *name = salvage_version_get_name (item);

      if (name == NULL || *name == '\0')
        return g_strdup_printf ("%s › v%s", project, salvage_version_get_number (item));

      return g_strdup_printf ("%s › v%s %s", project, salvage_version_get_number (item), name);
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

AdwMessageDialog *
salvage_delete_dialog_new (GtkWindow  *parent,
                           gpointer    item,
                           const char *name)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_OBJECT (item), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  heading = g_strdup_printf (_("Move “%s” to the Trash?"), name);

  if (SALVAGE_IS_PROJECT (item))
    body = g_strdup_printf (_("The project “%s” and its versions are moved to the Trash and kept there for 30 days, then removed for good. Any training in progress is cancelled."),
                            name);
  else if (SALVAGE_IS_VERSION (item))
    body = g_strdup_printf (_("The version “%s” is moved to the Trash and kept there for 30 days, then removed for good. Any training in progress on it is cancelled."),
                            name);
  else if (SALVAGE_IS_TRAINING (item))
    body = g_strdup_printf (_("The training “%s” is moved to the Trash and kept there for 30 days, then removed for good."),
                            name);
  else
    body = g_strdup_printf (_("The workflow “%s” is moved to the Trash and kept there for 30 days, then removed for good."),
                            name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "trash", _("_Move to Trash"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "trash", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

/* Adds the key of @item to @keys; FALSE when it was there already. */
static gboolean
add_key (GHashTable       *keys,
         SalvageTrashItem *item)
{
  return g_hash_table_add (keys, salvage_trash_item_dup_key (item));
}

static gboolean
has_key (GHashTable       *keys,
         SalvageTrashItem *item)
{
  g_autofree char *key = salvage_trash_item_dup_key (item);

  return g_hash_table_contains (keys, key);
}

AdwMessageDialog *
salvage_restore_dialog_new (GtkWindow        *parent,
                            SalvageWorkspace *workspace,
                            GPtrArray        *requested,
                            gboolean          all,
                            GPtrArray       **items_out)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) item_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) requested_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) parents = g_string_new (NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  guint n_planned = 0;
  guint n_parents = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (requested != NULL && requested->len > 0, NULL);
  g_return_val_if_fail (items_out != NULL, NULL);

  for (guint i = 0; i < requested->len; i++)
    add_key (requested_keys, g_ptr_array_index (requested, i));

  /* Every item brings the parents it cannot come back without; each of
   * them is sent once, and the ones not asked for are named. Restoring
   * everything needs no plan: the parents are among the items. */
  for (guint i = 0; i < requested->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (requested, i);
      SalvageTrashKind kind = salvage_trash_item_get_kind (item);
      g_autoptr(GPtrArray) plan = NULL;

      if (!all &&
          (kind == SALVAGE_TRASH_KIND_VERSION || kind == SALVAGE_TRASH_KIND_TRAINING) &&
          n_planned++ < MAX_PLANNED_ITEMS)
        plan = salvage_workspace_dup_restore_plan (workspace, item);

      for (guint j = 0; plan != NULL && j < plan->len; j++)
        {
          SalvageTrashItem *step = g_ptr_array_index (plan, j);

          if (!add_key (item_keys, step))
            continue;

          g_ptr_array_add (items, g_object_ref (step));

          if (!has_key (requested_keys, step) && n_parents++ < MAX_NAMED_ITEMS)
            {
              g_autofree char *parent_name = salvage_format_trash_item_name (step);
              g_autofree char *child = salvage_format_trash_item_name (item);

              /* Translators: the first %s is a project (or version), the second what is in it */
              g_string_append_printf (parents,
                                      _("“%s” will be restored too, because “%s” belongs to it."),
                                      parent_name, child);
              g_string_append (parents, "\n");
            }
        }

      if (add_key (item_keys, item))
        g_ptr_array_add (items, g_object_ref (item));
    }

  if (requested->len == 1)
    {
      g_autofree char *name = salvage_format_trash_item_name (g_ptr_array_index (requested, 0));

      heading = g_strdup_printf (_("Restore “%s”?"), name);
    }
  else
    {
      guint n_named;

      if (all)
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Restore All %u Item?",
                                                "Restore All %u Items?",
                                                requested->len),
                                   requested->len);
      else
        heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Restore %u Item?",
                                                "Restore %u Items?",
                                                requested->len),
                                   requested->len);

      for (n_named = 0; n_named < requested->len && n_named < MAX_NAMED_ITEMS; n_named++)
        {
          g_autofree char *name = salvage_format_trash_item_name (g_ptr_array_index (requested, n_named));

          g_string_append_printf (body, "%s“%s”", n_named > 0 ? ", " : "", name);
        }

      if (requested->len > n_named)
        {
          guint rest = requested->len - n_named;

          g_string_append_printf (body,
                                  g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more", rest),
                                  rest);
        }

      g_string_append (body, "\n\n");
    }

  if (n_parents > MAX_NAMED_ITEMS)
    {
      guint rest = n_parents - MAX_NAMED_ITEMS;

      g_string_append_printf (parents,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u more parent item will be restored too.",
                                           "%u more parent items will be restored too.",
                                           rest),
                              rest);
      g_string_append (parents, "\n");
    }

  if (parents->len > 0)
    g_string_append_printf (body, "%s\n", parents->str);
  g_string_append (body, _("Restored items return to where they were deleted from."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body->str));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");

  *items_out = g_steal_pointer (&items);

  return dialog;
}
