/* salvage-session-accounts.c - keys given on the welcome page, and the saved workspaces
 *
 * Runs under the session's welcome work: a newer request cancels an
 * older one, and none of it touches the workspace shown until a key has
 * been accepted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-secrets.h"
#include "salvage-session-private.h"

/* A message for the welcome page, where the user has just given a key. */
static char *
dup_connect_message (const GError *error)
{
  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
    return g_strdup (_("The server did not accept this API key. Check that it is the whole key, copied from the workspace’s settings."));

  /* The transport's message says what failed, in the words it uses
   * everywhere; this adds what to do about it. */
  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NETWORK) ||
      g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_TIMEOUT))
    /* Translators: %s says what failed, as in "Could not connect to the server (…)" */
    return g_strdup_printf (_("%s. Check the network connection and the server address."),
                            error->message);

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_SERVER))
    /* Translators: %s says what failed, as in "The server failed (HTTP 500)" */
    return g_strdup_printf (_("%s. Try again later."), error->message);

  return g_strdup (error->message);
}

static void
account_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  g_autoptr(SalvageAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  account = salvage_accounts_add_finish (SALVAGE_ACCOUNTS (object), result, &error);
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Translators: %s says why */
  message = g_strdup_printf (_("The API key could not be saved in the keyring, so it is kept only until Salvage quits: %s"),
                             error->message);
  _salvage_session_say (self, message);
}

static void
add_key_validated_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  g_autoptr(SalvageClient) client = g_object_ref (SALVAGE_CLIENT (object));
  SalvageAccount *account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *api_key = NULL;

  slug = salvage_client_validate_key_finish (client, result, &error);

  /* Cancelled, or another key was tried meanwhile. */
  if (client != self->pending_client)
    return;

  g_clear_object (&self->pending_client);
  api_key = g_steal_pointer (&self->pending_key);

  if (slug == NULL)
    {
      g_autofree char *message = dup_connect_message (error);

      _salvage_session_set_connecting (self, FALSE, message);
      salvage_secrets_free (g_steal_pointer (&api_key));
      return;
    }

  if (self->accounts != NULL)
    {
      salvage_accounts_add_async (self->accounts, salvage_client_get_base_url (client), slug,
                                  NULL, api_key, NULL, account_added_cb, g_object_ref (self));
      account = salvage_accounts_find (self->accounts, salvage_client_get_base_url (client), slug);
    }
  salvage_secrets_free (g_steal_pointer (&api_key));

  _salvage_session_set_connecting (self, FALSE, NULL);
  _salvage_session_open_client (self, client, account);
}

void
salvage_session_add_key (SalvageSession *self,
                         const char     *server,
                         const char     *api_key)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (server != NULL);
  g_return_if_fail (api_key != NULL);

  _salvage_session_restart_welcome_work (self);

  self->pending_client = salvage_client_new (server, api_key, &error);
  if (self->pending_client == NULL)
    {
      _salvage_session_set_connecting (self, FALSE, error->message);
      return;
    }

  self->pending_key = g_strdup (api_key);
  _salvage_session_set_connecting (self, TRUE, NULL);
  salvage_client_validate_key_async (self->pending_client, self->welcome_cancellable,
                                     add_key_validated_cb, g_object_ref (self));
}

void
salvage_session_add_cli_key (SalvageSession *self,
                             guint           index,
                             const char     *server)
{
  const char *api_key;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (server != NULL);

  if (self->cli_config == NULL || index >= salvage_cli_config_get_n_workspaces (self->cli_config))
    return;

  api_key = salvage_cli_config_get_api_key (self->cli_config, index);
  if (api_key == NULL)
    return;

  /* Checked and saved like a typed key, on the server the welcome page
   * shows; the server says whose it is. */
  salvage_session_add_key (self, server, api_key);
}

void
salvage_session_cancel_connect (SalvageSession *self)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));

  _salvage_session_restart_welcome_work (self);
}

static void
cli_config_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = salvage_cli_config_load_finish (result, &error);
  if (config == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _salvage_session_set_cli_config (self, config, g_steal_pointer (&error));
}

void
salvage_session_load_cli_config (SalvageSession *self)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));

  _salvage_session_restart_welcome_work (self);
  salvage_cli_config_load_async (self->welcome_cancellable, cli_config_loaded_cb,
                                 g_object_ref (self));
}

/* Opening a saved account */

typedef struct
{
  SalvageSession *self;
  SalvageAccount *account;
} AccountData;

static void
account_data_free (AccountData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccountData, account_data_free)

static AccountData *
account_data_new (SalvageSession *self,
                  SalvageAccount *account)
{
  AccountData *data = g_new0 (AccountData, 1);

  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  return data;
}

static void
lookup_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AccountData) data = user_data;
  SalvageSession *self = data->self;
  SalvageAccount *account = data->account;
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GError) error = NULL;
  char *api_key;

  api_key = salvage_accounts_lookup_key_finish (SALVAGE_ACCOUNTS (object), result, &error);
  if (api_key == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND))
        /* Translators: %s is a workspace name */
        message = g_strdup_printf (_("The API key of “%s” is not in the keyring. Enter it again to connect."),
                                   salvage_account_get_name (account));
      else
        /* Translators: the first %s is a workspace name, the second says why */
        message = g_strdup_printf (_("Could not read the API key of “%s” from the keyring: %s"),
                                   salvage_account_get_name (account), error->message);

      if (self->workspace == NULL)
        _salvage_session_set_state (self, SALVAGE_SESSION_IDLE, NULL);
      _salvage_session_request_welcome (self, salvage_account_get_server (account), message);
      return;
    }

  client = salvage_client_new (salvage_account_get_server (account), api_key, &error);
  salvage_secrets_free (api_key);
  if (client == NULL)
    {
      if (self->workspace == NULL)
        _salvage_session_set_state (self, SALVAGE_SESSION_IDLE, NULL);
      _salvage_session_request_welcome (self, NULL, error->message);
      return;
    }

  salvage_client_set_workspace (client, salvage_account_get_workspace (account));

  /* The key was checked when it was added; a revoked key shows as an error
   * on the pages, with a way to enter a new one. */
  _salvage_session_open_client (self, client, account);
}

void
salvage_session_open_account (SalvageSession *self,
                              SalvageAccount *account)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (self->accounts != NULL);

  /* Only accounts of the list can be opened. */
  account = salvage_accounts_find (self->accounts, salvage_account_get_server (account),
                                   salvage_account_get_workspace (account));
  g_return_if_fail (account != NULL);

  _salvage_session_restart_welcome_work (self);

  /* On start, the pages wait for the workspace rather than the welcome
   * page showing for as long as the keyring takes. */
  if (self->workspace == NULL)
    {
      _salvage_session_set_account (self, account);
      _salvage_session_set_state (self, SALVAGE_SESSION_LOADING, NULL);
    }

  salvage_accounts_lookup_key_async (self->accounts, account, self->welcome_cancellable,
                                     lookup_key_cb, account_data_new (self, account));
}

/* All Workspaces */

typedef struct
{
  SalvageSession *self;
  GCancellable   *cancellable;
  GPtrArray      *members;   /* SalvageWorkspace, of the keys read so far */
  GPtrArray      *unread;    /* names of the accounts whose key could not be read */
  guint           n_pending;
} AllData;

/* One key asked for: whose, and for which opening. */
typedef struct
{
  AllData        *all;
  SalvageAccount *account;
} AllLookup;

static void
all_data_free (AllData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->members, g_ptr_array_unref);
  g_clear_pointer (&data->unread, g_ptr_array_unref);
  g_free (data);
}

static void
open_group (AllData *data)
{
  SalvageSession *self = data->self;
  g_autoptr(SalvageWorkspace) group = NULL;

  if (data->unread->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (data->unread, NULL);
      /* Translators: the separator of a list of workspace names */
      names = g_strjoinv (_(", "), (char **) data->unread->pdata);
      /* Translators: %s names workspaces, as “Acme Vision”, “Globex” */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The API key of %s could not be read from the keyring: its Trash is not shown",
                                              "The API keys of %s could not be read from the keyring: their Trash is not shown",
                                              data->unread->len - 1),
                                 names);
      _salvage_session_say (self, message);
    }

  if (data->members->len == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND,
                                                     _("No API key of a saved workspace could be read from the keyring"));

      if (self->workspace == NULL)
        _salvage_session_set_state (self, SALVAGE_SESSION_FAILED, error);
      else
        _salvage_session_say (self, error->message);
      return;
    }

  group = salvage_workspace_new_group (data->members, _("All Workspaces"));
  _salvage_session_open_group (self, group);
}

static void
all_key_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autofree AllLookup *lookup = user_data;
  AllData *data = lookup->all;
  g_autoptr(SalvageAccount) account = lookup->account;
  g_autoptr(GError) error = NULL;
  char *api_key;

  api_key = salvage_accounts_lookup_key_finish (SALVAGE_ACCOUNTS (object), result, &error);

  if (api_key != NULL)
    {
      g_autoptr(SalvageClient) client = NULL;

      client = salvage_client_new (salvage_account_get_server (account), api_key, &error);
      salvage_secrets_free (api_key);
      if (client != NULL)
        {
          g_autoptr(SalvageWorkspace) member = NULL;

          salvage_client_set_workspace (client, salvage_account_get_workspace (account));
          member = salvage_workspace_new (client);
          salvage_workspace_set_name (member, salvage_account_get_name (account));
          g_ptr_array_add (data->members, g_steal_pointer (&member));
        }
    }

  if (api_key == NULL || error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: a workspace name in quotes, in a list of them */
        g_ptr_array_add (data->unread, g_strdup_printf (_("“%s”"), salvage_account_get_name (account)));
    }

  if (--data->n_pending > 0)
    return;

  if (!g_cancellable_is_cancelled (data->cancellable))
    open_group (data);
  all_data_free (data);
}

void
salvage_session_open_all (SalvageSession *self)
{
  GListModel *model;
  AllData *data;
  guint n;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (self->accounts != NULL);

  model = salvage_accounts_get_model (self->accounts);
  n = g_list_model_get_n_items (model);
  g_return_if_fail (n > 0);

  /* The keys are read as for opening one workspace: the welcome page's
   * kind of work, which a newer request of the kind cancels. */
  _salvage_session_restart_welcome_work (self);
  if (self->workspace == NULL)
    _salvage_session_set_state (self, SALVAGE_SESSION_LOADING, NULL);

  data = g_new0 (AllData, 1);
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->welcome_cancellable);
  data->members = g_ptr_array_new_with_free_func (g_object_unref);
  data->unread = g_ptr_array_new_with_free_func (g_free);
  data->n_pending = n;

  for (guint i = 0; i < n; i++)
    {
      AllLookup *lookup = g_new0 (AllLookup, 1);

      lookup->all = data;
      lookup->account = g_list_model_get_item (model, i);
      salvage_accounts_lookup_key_async (self->accounts, lookup->account, self->welcome_cancellable,
                                         all_key_cb, lookup);
    }
}

static void
account_removed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AccountData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!salvage_accounts_remove_finish (SALVAGE_ACCOUNTS (object), result, &error))
    /* Translators: the first %s is a workspace name, the second says why */
    message = g_strdup_printf (_("“%s” was removed, but its API key could not be cleared from the keyring: %s"),
                               salvage_account_get_name (data->account), error->message);
  else
    /* Translators: %s is a workspace name */
    message = g_strdup_printf (_("“%s” removed"), salvage_account_get_name (data->account));

  _salvage_session_say (data->self, message);
}

void
salvage_session_remove_account (SalvageSession *self,
                                SalvageAccount *account)
{
  g_autofree char *undo_key = NULL;
  gboolean was_shown;
  gboolean showing_all;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (self->accounts != NULL);

  was_shown = account == self->account;
  /* All Workspaces shows it too: they are shown again without it. */
  showing_all = self->workspace != NULL && salvage_workspace_is_group (self->workspace);
  undo_key = salvage_undo_stack_dup_key (salvage_account_get_server (account),
                                         salvage_account_get_workspace (account));
  salvage_undo_stack_forget (self->undo, undo_key);

  salvage_accounts_remove_async (self->accounts, account, NULL, account_removed_cb,
                                 account_data_new (self, account));

  if (showing_all)
    {
      GListModel *model = salvage_accounts_get_model (self->accounts);
      g_autoptr(SalvageAccount) next = NULL;

      /* The removal has taken it out of the list already. */
      if (g_list_model_get_n_items (model) > 1)
        salvage_session_open_all (self);
      else if (g_list_model_get_n_items (model) == 1 &&
               (next = g_list_model_get_item (model, 0)) != NULL)
        salvage_session_open_account (self, next);
      else
        {
          salvage_session_close (self);
          _salvage_session_request_welcome (self, NULL, NULL);
        }
    }
  else if (was_shown)
    {
      GListModel *model = salvage_accounts_get_model (self->accounts);
      g_autoptr(SalvageAccount) next = NULL;

      if (g_list_model_get_n_items (model) > 0)
        next = g_list_model_get_item (model, 0);

      salvage_session_close (self);
      if (next != NULL)
        salvage_session_open_account (self, next);
      else
        _salvage_session_request_welcome (self, NULL, NULL);
    }
}

char *
salvage_session_dup_reenter_message (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  if (self->title != NULL)
    /* Translators: %s is a workspace name */
    return g_strdup_printf (_("The server no longer accepts the API key of “%s”. Enter its new key."),
                            self->title);

  return g_strdup (_("The server no longer accepts this API key. Enter a new one."));
}
