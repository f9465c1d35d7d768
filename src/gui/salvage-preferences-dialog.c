/* salvage-preferences-dialog.c - the workspaces added, and the few preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-client.h"
#include "salvage-page-util.h"
#include "salvage-preferences-dialog.h"
#include "salvage-secrets.h"

struct _SalvagePreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  SalvageAccounts      *accounts;
  GCancellable         *cancellable;

  AdwPreferencesGroup  *accounts_group;
  GPtrArray            *account_rows;
  char                 *unsaved_name;
};

G_DEFINE_FINAL_TYPE (SalvagePreferencesDialog, salvage_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

/* A row of the workspaces added: its name, server and what is known of
 * its key, and a Remove button. */

#define SALVAGE_TYPE_ACCOUNT_KEY_ROW (salvage_account_key_row_get_type ())

G_DECLARE_FINAL_TYPE (SalvageAccountKeyRow, salvage_account_key_row, SALVAGE, ACCOUNT_KEY_ROW, AdwActionRow)

struct _SalvageAccountKeyRow
{
  AdwActionRow    parent_instance;

  SalvageAccount *account;
  /* Why there is no masked key to show, once the keyring has answered. */
  char           *key_state;
};

G_DEFINE_FINAL_TYPE (SalvageAccountKeyRow, salvage_account_key_row, ADW_TYPE_ACTION_ROW)

static void
salvage_account_key_row_finalize (GObject *object)
{
  SalvageAccountKeyRow *self = SALVAGE_ACCOUNT_KEY_ROW (object);

  g_clear_object (&self->account);
  g_clear_pointer (&self->key_state, g_free);

  G_OBJECT_CLASS (salvage_account_key_row_parent_class)->finalize (object);
}

static void
salvage_account_key_row_class_init (SalvageAccountKeyRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_account_key_row_finalize;
}

static void
salvage_account_key_row_init (SalvageAccountKeyRow *self)
{
}

static void
update_subtitle (SalvageAccountKeyRow *row)
{
  SalvageAccount *account = row->account;
  const char *masked = salvage_account_get_masked_key (account);
  const char *key_state;
  g_autofree char *key_text = NULL;
  g_autofree char *subtitle = NULL;

  if (masked != NULL && salvage_account_get_session_only (account))
    /* Translators: %s is a masked API key */
    key_text = g_strdup_printf (_("Key %s, kept until Salvage quits"), masked);
  else if (masked != NULL)
    /* Translators: %s is a masked API key */
    key_text = g_strdup_printf (_("Key %s"), masked);

  key_state = key_text != NULL ? key_text : row->key_state;
  if (key_state == NULL)
    key_state = _("Looking up the key…");

  /* Translators: a workspace slug, its API server, and what is known of its key */
  subtitle = g_strdup_printf (_("%s on %s\n%s"),
                              salvage_account_get_workspace (account),
                              salvage_account_get_server (account),
                              key_state);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static void
lookup_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SalvageAccountKeyRow) row = user_data;
  g_autoptr(GError) error = NULL;
  char *api_key;

  api_key = salvage_accounts_lookup_key_finish (SALVAGE_ACCOUNTS (object), result, &error);
  if (api_key != NULL)
    {
      /* The account now carries the masked key. */
      salvage_secrets_free (api_key);
      update_subtitle (row);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (g_error_matches (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND))
    g_set_str (&row->key_state, _("No key in the keyring"));
  else
    g_set_str (&row->key_state, error->message);
  update_subtitle (row);
}

static GtkWidget *
account_row_new (SalvagePreferencesDialog *self,
                 SalvageAccount           *account)
{
  SalvageAccountKeyRow *row;

  row = g_object_new (SALVAGE_TYPE_ACCOUNT_KEY_ROW, "use-markup", FALSE, NULL);
  row->account = g_object_ref (account);
  g_object_bind_property (account, "name", row, "title", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (account, "notify::masked-key", G_CALLBACK (update_subtitle), row, G_CONNECT_SWAPPED);
  g_signal_connect_object (account, "notify::session-only", G_CALLBACK (update_subtitle), row, G_CONNECT_SWAPPED);
  /* The dialog shows over the window, whose "win.remove-account" asks
   * first and then removes. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), salvage_remove_account_button_new (account));

  update_subtitle (row);

  if (salvage_account_get_masked_key (account) == NULL)
    salvage_accounts_lookup_key_async (self->accounts, account, self->cancellable,
                                       lookup_key_cb, g_object_ref (row));

  return GTK_WIDGET (row);
}

static void
rebuild_accounts (SalvagePreferencesDialog *self)
{
  GListModel *model = salvage_accounts_get_model (self->accounts);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < self->account_rows->len; i++)
    adw_preferences_group_remove (self->accounts_group, g_ptr_array_index (self->account_rows, i));
  g_ptr_array_set_size (self->account_rows, 0);

  /* The demo is shown but never added: said as it is, rather than as
   * nothing at all. */
  if (self->unsaved_name != NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), self->unsaved_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Shown now, but not added: it is not kept for the next start"));
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageAccount) account = g_list_model_get_item (model, i);
      GtkWidget *row = account_row_new (self, account);

      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }

  if (n_items == 0 && self->unsaved_name == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No workspaces added"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->accounts_group, row);
      g_ptr_array_add (self->account_rows, row);
    }
}

static GtkWidget *
cleanup_row_new (GSettings *settings)
{
  GtkWidget *row;

  row = adw_spin_row_new_with_range (1, 29, 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Cleanup _Warning"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Items with this many days or fewer left before they are removed for good are highlighted"));
  adw_spin_row_set_numeric (ADW_SPIN_ROW (row), TRUE);

  if (settings != NULL)
    g_settings_bind (settings, "cleanup-warning-days", row, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (row, FALSE);

  return row;
}

/* Whether Salvage starts at login to warn before the cleanup. */
static GtkWidget *
warnings_row_new (GSettings *settings)
{
  GtkWidget *row = adw_switch_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Warn Before Items Are _Deleted for Good"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Check the Trash of every workspace from login, even with Salvage closed, and send a notification"));

  if (settings != NULL)
    g_settings_bind (settings, "cleanup-warnings", row, "active", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (row, FALSE);

  return row;
}

/* GObject */

static void
salvage_preferences_dialog_dispose (GObject *object)
{
  SalvagePreferencesDialog *self = SALVAGE_PREFERENCES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->account_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (salvage_preferences_dialog_parent_class)->dispose (object);
}

static void
salvage_preferences_dialog_finalize (GObject *object)
{
  SalvagePreferencesDialog *self = SALVAGE_PREFERENCES_DIALOG (object);

  g_clear_pointer (&self->unsaved_name, g_free);

  G_OBJECT_CLASS (salvage_preferences_dialog_parent_class)->finalize (object);
}

static void
salvage_preferences_dialog_class_init (SalvagePreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_preferences_dialog_dispose;
  object_class->finalize = salvage_preferences_dialog_finalize;
}

static void
salvage_preferences_dialog_init (SalvagePreferencesDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->account_rows = g_ptr_array_new ();
}

SalvagePreferencesDialog *
salvage_preferences_dialog_new (SalvageApplication *application)
{
  SalvagePreferencesDialog *self;
  AdwPreferencesPage *page;
  AdwPreferencesGroup *group;

  g_return_val_if_fail (SALVAGE_IS_APPLICATION (application), NULL);

  self = g_object_new (SALVAGE_TYPE_PREFERENCES_DIALOG,
                       "search-enabled", FALSE,
                       NULL);
  self->accounts = g_object_ref (salvage_application_get_accounts (application));

  page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  adw_preferences_page_set_title (page, _("General"));
  adw_preferences_page_set_icon_name (page, "preferences-system-symbolic");

  self->accounts_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->accounts_group, _("Workspaces"));
  adw_preferences_group_set_description (self->accounts_group,
                                         _("Their API keys are kept in the keyring. Removing a workspace here changes nothing in it."));
  adw_preferences_page_add (page, self->accounts_group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Trash"));
  adw_preferences_group_add (group, cleanup_row_new (salvage_application_get_settings (application)));
  adw_preferences_group_add (group, warnings_row_new (salvage_application_get_settings (application)));
  adw_preferences_page_add (page, group);

  adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), page);

  g_signal_connect_object (salvage_accounts_get_model (self->accounts), "items-changed",
                           G_CALLBACK (rebuild_accounts), self, G_CONNECT_SWAPPED);
  rebuild_accounts (self);

  return self;
}

void
salvage_preferences_dialog_set_unsaved_workspace (SalvagePreferencesDialog *self,
                                                  const char               *name)
{
  g_return_if_fail (SALVAGE_IS_PREFERENCES_DIALOG (self));

  if (g_set_str (&self->unsaved_name, name))
    rebuild_accounts (self);
}

guint
salvage_preferences_dialog_get_n_accounts (SalvagePreferencesDialog *self)
{
  g_return_val_if_fail (SALVAGE_IS_PREFERENCES_DIALOG (self), 0);

  return g_list_model_get_n_items (salvage_accounts_get_model (self->accounts));
}
