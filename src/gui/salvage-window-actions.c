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

/* A confirmation is waiting for an answer until it closes. */
static void
dialog_closed_cb (SalvageWindow *self,
                  AdwDialog     *dialog)
{
  if (ADW_DIALOG (self->dialog) == dialog)
    g_clear_weak_pointer (&self->dialog);
}

/* Shows @dialog over the window, or over the preferences when they are
 * open: a question asked from them belongs there. */
static void
present_dialog (SalvageWindow  *self,
                AdwAlertDialog *dialog)
{
  GtkWidget *parent = self->preferences != NULL ? GTK_WIDGET (self->preferences)
                                                : GTK_WIDGET (self);

  g_set_weak_pointer (&self->dialog, dialog);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (dialog_closed_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

static void
delete_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SalvageWindow  *self)
{
  if (g_strcmp0 (response, "trash") == 0)
    salvage_session_delete (self->session,
                            g_object_get_data (G_OBJECT (dialog), "salvage-item"),
                            g_object_get_data (G_OBJECT (dialog), "salvage-name"));
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
  dialog = salvage_delete_dialog_new (item, name);
  g_object_set_data_full (G_OBJECT (dialog), "salvage-item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "salvage-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  present_dialog (self, dialog);
}

static void
restore_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     SalvageWindow  *self)
{
  if (g_strcmp0 (response, "restore") == 0)
    salvage_session_restore (self->session, g_object_get_data (G_OBJECT (dialog), "salvage-items"));
}

void
_salvage_window_restore_requested_cb (SalvageWindow *self,
                                      GPtrArray     *requested,
                                      gboolean       all)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);
  g_autoptr(GPtrArray) items = NULL;
  AdwAlertDialog *dialog;

  if (workspace == NULL || requested->len == 0)
    return;

  dialog = salvage_restore_dialog_new (workspace, requested, all, &items);
  g_object_set_data_full (G_OBJECT (dialog), "salvage-items",
                          g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  present_dialog (self, dialog);
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

static void
remove_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SalvageWindow  *self)
{
  if (g_strcmp0 (response, "remove") == 0)
    salvage_session_remove_account (self->session,
                                    g_object_get_data (G_OBJECT (dialog), "salvage-account"));
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

  g_object_set_data_full (G_OBJECT (dialog), "salvage-account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  present_dialog (self, dialog);
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
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
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

  preferences = salvage_preferences_dialog_new (self, SALVAGE_APPLICATION (application));
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
  gtk_widget_class_install_action (widget_class, "win.remove-account", "(ss)", remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.reenter-key", NULL, reenter_key_action);
}
