/* salvage-accounts.c - the workspaces the user added, and their keys
 *
 * The list and the workspace shown last are settings; the keys are in the
 * keyring. Looked-up keys stay in memory while the application runs, so
 * switching back and forth does not ask the keyring each time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "salvage-account-private.h"
#include "salvage-accounts.h"
#include "salvage-client.h"
#include "salvage-secrets.h"

struct _SalvageAccounts
{
  GObject         parent_instance;

  GSettings      *settings;
  GListStore     *accounts;
  SalvageAccount *active;
  /* "server\x1fworkspace" → key */
  GHashTable     *keys;
};

G_DEFINE_FINAL_TYPE (SalvageAccounts, salvage_accounts, G_TYPE_OBJECT)

static char *
account_id (SalvageAccount *account)
{
  return g_strconcat (salvage_account_get_server (account), "\x1f",
                      salvage_account_get_workspace (account), NULL);
}

static void
wipe_free (gpointer data)
{
  char *key = data;

  if (key != NULL)
    {
      /* Volatile, so that the compiler keeps the wipe of memory about to
       * be freed. */
      for (volatile char *p = key; *p != '\0'; p++)
        *p = '\0';
      g_free (key);
    }
}

static void
remember_key (SalvageAccounts *self,
              SalvageAccount  *account,
              const char      *api_key)
{
  g_autofree char *masked = salvage_mask_key (api_key);

  g_hash_table_replace (self->keys, account_id (account), g_strdup (api_key));
  salvage_account_set_masked_key (account, masked);
}

/* Settings */

static void
save (SalvageAccounts *self)
{
  GVariantBuilder builder;
  guint n_items;

  if (self->settings == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sss)"));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      /* Without its key in the keyring, the account could not be opened
       * again after a restart. */
      if (salvage_account_get_session_only (account))
        continue;

      g_variant_builder_add (&builder, "(sss)",
                             salvage_account_get_server (account),
                             salvage_account_get_workspace (account),
                             salvage_account_get_name (account));
    }
  g_settings_set_value (self->settings, "accounts", g_variant_builder_end (&builder));

  if (self->active == NULL)
    g_settings_set (self->settings, "active-account", "(ss)", "", "");
  else if (!salvage_account_get_session_only (self->active))
    g_settings_set (self->settings, "active-account", "(ss)",
                    salvage_account_get_server (self->active),
                    salvage_account_get_workspace (self->active));
}

static void
load (SalvageAccounts *self)
{
  g_autoptr(GVariantIter) iter = NULL;
  g_autofree char *active_server = NULL;
  g_autofree char *active_workspace = NULL;
  const char *server;
  const char *workspace;
  const char *name;

  if (self->settings == NULL)
    return;

  g_settings_get (self->settings, "accounts", "a(sss)", &iter);
  while (g_variant_iter_next (iter, "(&s&s&s)", &server, &workspace, &name))
    {
      g_autoptr(SalvageAccount) account = NULL;

      /* Settings can be edited by hand: skip what could not have been saved. */
      if (!salvage_client_check_base_url (server, NULL) || *workspace == '\0' ||
          salvage_accounts_find (self, server, workspace) != NULL)
        continue;

      account = salvage_account_new (server, workspace, name);
      g_list_store_append (self->accounts, account);
    }

  g_settings_get (self->settings, "active-account", "(ss)", &active_server, &active_workspace);
  self->active = salvage_accounts_find (self, active_server, active_workspace);
}

/* GObject */

static void
salvage_accounts_dispose (GObject *object)
{
  SalvageAccounts *self = SALVAGE_ACCOUNTS (object);

  self->active = NULL;
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->keys, g_hash_table_unref);

  G_OBJECT_CLASS (salvage_accounts_parent_class)->dispose (object);
}

static void
salvage_accounts_class_init (SalvageAccountsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_accounts_dispose;
}

static void
salvage_accounts_init (SalvageAccounts *self)
{
  self->accounts = g_list_store_new (SALVAGE_TYPE_ACCOUNT);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, wipe_free);
}

SalvageAccounts *
salvage_accounts_new (GSettings *settings)
{
  SalvageAccounts *self;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (SALVAGE_TYPE_ACCOUNTS, NULL);
  g_set_object (&self->settings, settings);
  load (self);

  return self;
}

GListModel *
salvage_accounts_get_model (SalvageAccounts *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), NULL);

  return G_LIST_MODEL (self->accounts);
}

SalvageAccount *
salvage_accounts_find (SalvageAccounts *self,
                       const char      *server,
                       const char      *workspace)
{
  guint n_items;

  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalvageAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (salvage_account_matches (account, server, workspace))
        return account;
    }

  return NULL;
}

void
salvage_accounts_rename (SalvageAccounts *self,
                         SalvageAccount  *account,
                         const char      *name)
{
  g_return_if_fail (SALVAGE_IS_ACCOUNTS (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));

  if (g_strcmp0 (salvage_account_get_name (account), name) == 0)
    return;

  salvage_account_set_name (account, name);
  save (self);
}

SalvageAccount *
salvage_accounts_get_active (SalvageAccounts *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), NULL);

  return self->active;
}

void
salvage_accounts_set_active (SalvageAccounts *self,
                             SalvageAccount  *account)
{
  guint position;

  g_return_if_fail (SALVAGE_IS_ACCOUNTS (self));
  g_return_if_fail (account == NULL || SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (account == NULL || g_list_store_find (self->accounts, account, &position));

  self->active = account;
  save (self);
}

/* Adding */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SalvageAccounts *self = g_task_get_source_object (task);
  SalvageAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint position;

  salvage_secrets_store_finish (result, &error);

  /* Removed meanwhile: nothing to save. */
  if (self->accounts == NULL || !g_list_store_find (self->accounts, account, &position))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("The workspace was removed meanwhile"));
      return;
    }

  salvage_account_set_session_only (account, error != NULL);
  save (self);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
salvage_accounts_add_async (SalvageAccounts     *self,
                            const char          *server,
                            const char          *workspace,
                            const char          *name,
                            const char          *api_key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(SalvageAccount) account = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (SALVAGE_IS_ACCOUNTS (self));
  g_return_if_fail (server != NULL && workspace != NULL && *workspace != '\0');
  g_return_if_fail (api_key != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  account = salvage_accounts_find (self, server, workspace);
  if (account != NULL)
    {
      g_object_ref (account);
      salvage_account_set_name (account, name);
    }
  else
    {
      account = salvage_account_new (server, workspace, name);
      /* Until the keyring has it, the key lives in memory only. */
      salvage_account_set_session_only (account, TRUE);
      g_list_store_append (self->accounts, account);
    }

  remember_key (self, account, api_key);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_accounts_add_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  /* Translators: the label of the API key in the keyring; %s is a workspace name */
  label = g_strdup_printf (_("Roboflow API key for “%s”"), salvage_account_get_name (account));
  salvage_secrets_store_async (server, workspace, label, api_key, cancellable,
                               store_cb, g_steal_pointer (&task));
}

SalvageAccount *
salvage_accounts_add_finish (SalvageAccounts  *self,
                             GAsyncResult     *result,
                             GError          **keyring_error)
{
  SalvageAccount *account;

  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_accounts_add_async, NULL);

  account = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), keyring_error))
    {
      guint position;

      if (!g_list_store_find (self->accounts, account, &position))
        return NULL;
    }

  return g_object_ref (account);
}

/* Looking up a key */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SalvageAccounts *self = g_task_get_source_object (task);
  SalvageAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *api_key;

  api_key = salvage_secrets_lookup_finish (result, &error);
  if (api_key == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (self->keys != NULL)
    remember_key (self, account, api_key);

  g_task_return_pointer (task, api_key, (GDestroyNotify) salvage_secrets_free);
}

void
salvage_accounts_lookup_key_async (SalvageAccounts     *self,
                                   SalvageAccount      *account,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *id = NULL;
  const char *api_key;

  g_return_if_fail (SALVAGE_IS_ACCOUNTS (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_accounts_lookup_key_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  id = account_id (account);
  api_key = g_hash_table_lookup (self->keys, id);
  if (api_key != NULL)
    {
      g_task_return_pointer (task, g_strdup (api_key), (GDestroyNotify) salvage_secrets_free);
      return;
    }

  salvage_secrets_lookup_async (salvage_account_get_server (account),
                                salvage_account_get_workspace (account),
                                cancellable, lookup_cb, g_steal_pointer (&task));
}

char *
salvage_accounts_lookup_key_finish (SalvageAccounts  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_accounts_lookup_key_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Removing */

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!salvage_secrets_clear_finish (result, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
salvage_accounts_remove_async (SalvageAccounts     *self,
                               SalvageAccount      *account,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *id = NULL;
  guint position;

  g_return_if_fail (SALVAGE_IS_ACCOUNTS (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_accounts_remove_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  id = account_id (account);
  g_hash_table_remove (self->keys, id);
  salvage_account_set_masked_key (account, NULL);

  if (self->active == account)
    self->active = NULL;
  if (g_list_store_find (self->accounts, account, &position))
    g_list_store_remove (self->accounts, position);
  save (self);

  salvage_secrets_clear_async (salvage_account_get_server (account),
                               salvage_account_get_workspace (account),
                               cancellable, clear_cb, g_steal_pointer (&task));
}

gboolean
salvage_accounts_remove_finish (SalvageAccounts  *self,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_accounts_remove_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
