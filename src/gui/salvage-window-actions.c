/* salvage-window-actions.c - what the user asks of the window: its actions and confirmations
 *
 * Moving to the Trash, restoring and removing a workspace are confirmed
 * first; what is confirmed goes to the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-application.h"
#include "salvage-dialogs.h"
#include "salvage-preferences-dialog.h"
#include "salvage-window-private.h"

/* Confirmations */

/* What a confirmation carries out once the user agrees; the dialog owns it. */
typedef enum
{
  CONFIRM_DELETE,
  CONFIRM_RESTORE,
  CONFIRM_REMOVE_ACCOUNT,
} ConfirmKind;

typedef struct
{
  ConfirmKind  kind;
  GWeakRef     window;
  GObject     *object;  /* DELETE: the item; REMOVE_ACCOUNT: the account */
  char        *name;    /* DELETE: the item's name as the dialog gave it */
  GPtrArray   *items;   /* RESTORE: the SalvageTrashItems to send */
} Confirmation;

static void
confirmation_free (gpointer  data,
                   GClosure *closure)
{
  Confirmation *confirmation = data;

  g_weak_ref_clear (&confirmation->window);
  g_clear_object (&confirmation->object);
  g_clear_pointer (&confirmation->name, g_free);
  g_clear_pointer (&confirmation->items, g_ptr_array_unref);
  g_free (confirmation);
}

static const char * const confirm_responses[] = {
  [CONFIRM_DELETE] = "trash",
  [CONFIRM_RESTORE] = "restore",
  [CONFIRM_REMOVE_ACCOUNT] = "remove",
};

static void
confirmation_response_cb (AdwAlertDialog *dialog,
                          const char     *response,
                          Confirmation   *confirmation)
{
  g_autoptr(SalvageWindow) self = g_weak_ref_get (&confirmation->window);

  if (self == NULL || g_strcmp0 (response, confirm_responses[confirmation->kind]) != 0)
    return;

  switch (confirmation->kind)
    {
    case CONFIRM_DELETE:
      salvage_session_delete (self->session, confirmation->object, confirmation->name);
      break;
    case CONFIRM_RESTORE:
      salvage_session_restore (self->session, confirmation->items);
      break;
    case CONFIRM_REMOVE_ACCOUNT:
      salvage_session_remove_account (self->session, SALVAGE_ACCOUNT (confirmation->object));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A confirmation is waiting for an answer until it closes. */
static void
dialog_closed_cb (SalvageWindow *self,
                  AdwDialog     *dialog)
{
  if (ADW_DIALOG (self->dialog) == dialog)
    g_clear_weak_pointer (&self->dialog);
}

/* Shows @dialog over the window, or over the preferences when they are
 * open: a question asked from them belongs there. If the user agrees,
 * @kind is done with @object, @name or @items (the last two are taken). */
static void
present_dialog (SalvageWindow  *self,
                AdwAlertDialog *dialog,
                ConfirmKind     kind,
                GObject        *object,
                char           *name,
                GPtrArray      *items)
{
  GtkWidget *parent = self->preferences != NULL ? GTK_WIDGET (self->preferences)
                                                : GTK_WIDGET (self);
  Confirmation *confirmation = g_new0 (Confirmation, 1);

  confirmation->kind = kind;
  g_weak_ref_init (&confirmation->window, self);
  confirmation->object = object != NULL ? g_object_ref (object) : NULL;
  confirmation->name = name;
  confirmation->items = items;
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirmation_response_cb),
                         confirmation, confirmation_free, 0);

  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (dialog_closed_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

void
_salvage_window_delete_requested_cb (SalvageWindow *self,
                                     GObject       *item)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);
  g_autofree char *name = NULL;
  AdwAlertDialog *dialog;

  if (workspace == NULL)
    return;

  name = salvage_dup_item_name (workspace, item);

  /* Once asked, the row shows it is on its way: no second dialog. */
  if (salvage_session_get_busy (self->session, item) != SALVAGE_BUSY_NONE)
    {
      g_autofree char *message = NULL;

      /* Translators: %s names a project, version, training or workflow */
      message = g_strdup_printf (_("“%s” is being moved to the Trash already"), name);
      _salvage_window_show_toast (self, message);
      return;
    }

  dialog = salvage_delete_dialog_new (item, name);
  present_dialog (self, dialog, CONFIRM_DELETE, item, g_steal_pointer (&name), NULL);
}

void
_salvage_window_restore_requested_cb (SalvageWindow *self,
                                      GPtrArray     *requested,
                                      gboolean       all)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) idle = NULL;
  AdwAlertDialog *dialog;

  if (workspace == NULL || requested->len == 0)
    return;

  /* What is on its way back already is not asked about again. */
  idle = g_ptr_array_new_full (requested->len, g_object_unref);
  for (guint i = 0; i < requested->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (requested, i);

      if (salvage_session_get_busy (self->session, item) == SALVAGE_BUSY_NONE)
        g_ptr_array_add (idle, g_object_ref (item));
    }

  if (idle->len == 0)
    {
      g_autofree char *message = NULL;

      if (requested->len == 1)
        {
          g_autofree char *name = salvage_trash_item_dup_display_name (g_ptr_array_index (requested, 0));

          /* Translators: %s names a Trash entry */
          message = g_strdup_printf (_("“%s” is being restored already"), name);
        }
      else
        {
          message = g_strdup (_("These items are being restored already"));
        }

      _salvage_window_show_toast (self, message);
      return;
    }

  dialog = salvage_restore_dialog_new (workspace, idle, all && idle->len == requested->len, &items);
  present_dialog (self, dialog, CONFIRM_RESTORE, NULL, NULL, g_steal_pointer (&items));
}

static SalvageAccount *
find_account (SalvageWindow *self,
              GVariant      *parameter)
{
  SalvageAccounts *accounts = salvage_session_get_accounts (self->session);
  const char *server;
  const char *workspace;

  if (accounts == NULL)
    return NULL;

  g_variant_get (parameter, "(&s&s)", &server, &workspace);
  return salvage_accounts_find (accounts, server, workspace);
}

/* Actions */

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageAccount *account = find_account (self, parameter);
  AdwAlertDialog *dialog;

  if (account == NULL)
    return;

  salvage_workspace_switcher_popdown (self->switcher);

  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Remove Workspace?"), NULL));
  /* Translators: %s is a workspace name */
  adw_alert_dialog_format_body (dialog, _("Salvage forgets “%s” and clears its API key from the keyring. Nothing changes in the workspace itself; to use it again, add it with its key."),
                                salvage_account_get_name (account));
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");

  present_dialog (self, dialog, CONFIRM_REMOVE_ACCOUNT, G_OBJECT (account), NULL, NULL);
}

static void
switch_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageAccount *account = find_account (self, parameter);

  if (account != NULL && account != salvage_session_get_account (self->session))
    salvage_session_open_account (self->session, account);
}

static void
show_all_workspaces_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);

  salvage_workspace_switcher_popdown (self->switcher);
  if (workspace == NULL || !salvage_workspace_is_group (workspace))
    salvage_session_open_all (self->session);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  salvage_workspace_switcher_popdown (self->switcher);
  _salvage_window_present_welcome (self, NULL, NULL);
}

static void
reenter_key_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageClient *client = salvage_session_get_client (self->session);
  g_autofree char *message = NULL;

  if (client == NULL)
    return;

  message = salvage_session_dup_reenter_message (self->session);
  _salvage_window_present_welcome (self, salvage_client_get_base_url (client), message);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  salvage_session_refresh (SALVAGE_WINDOW (widget)->session);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  salvage_session_undo (SALVAGE_WINDOW (widget)->session);
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _salvage_window_show_toast (SALVAGE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar,
                                  !gtk_search_bar_get_search_mode (self->search_bar));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  /* Whoever activates the action names the page: only one the stack has. */
  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  /* Alt+3 is for working with the Trash: its rows get the focus, rather
   * than whatever button comes first. */
  _salvage_window_focus_page (self);
}

/* The shortcuts window is built the first time it is asked for, rather
 * than with every window (as GtkApplication does with a
 * gtk/help-overlay.ui resource): building it took about 6 ms of each
 * start, for a window few open. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/salvage/Salvage/salvage-shortcuts-window.ui");
      self->shortcuts_window = g_object_ref (GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window")));
      gtk_window_set_transient_for (self->shortcuts_window, GTK_WINDOW (self));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
    }

  gtk_window_present (self->shortcuts_window);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  SalvagePreferencesDialog *preferences;

  if (!SALVAGE_IS_APPLICATION (application) || self->preferences != NULL)
    return;

  preferences = salvage_preferences_dialog_new (SALVAGE_APPLICATION (application));
  /* A workspace shown without an account (the demo) was never added;
   * All Workspaces are all added. */
  if (salvage_session_get_workspace (self->session) != NULL &&
      !salvage_workspace_is_group (salvage_session_get_workspace (self->session)) &&
      salvage_session_get_account (self->session) == NULL)
    {
      const char *title = salvage_session_get_title (self->session);

      if (title == NULL)
        title = salvage_client_get_workspace (salvage_session_get_client (self->session));
      salvage_preferences_dialog_set_unsaved_workspace (preferences, title);
    }
  g_set_weak_pointer (&self->preferences, ADW_DIALOG (preferences));
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (self));
}

void
_salvage_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.switch-account", "(ss)", switch_account_action);
  gtk_widget_class_install_action (widget_class, "win.show-all-workspaces", NULL,
                                   show_all_workspaces_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", "(ss)", remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.reenter-key", NULL, reenter_key_action);
}
