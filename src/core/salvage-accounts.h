/* salvage-accounts.h - the workspaces the user added, and their keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-account.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_ACCOUNTS (salvage_accounts_get_type ())

G_DECLARE_FINAL_TYPE (SalvageAccounts, salvage_accounts, SALVAGE, ACCOUNTS, GObject)

/* The list lives in @settings ("accounts", "active-account"; NULL keeps it
 * in memory only), the keys in the keyring. A key the keyring would not
 * take is kept in memory until the object goes away, and its account is
 * not saved: on the next start there would be no key to go with it. */
SalvageAccounts *salvage_accounts_new              (GSettings        *settings);

/* The SalvageAccount objects, in the order they were added. */
GListModel      *salvage_accounts_get_model        (SalvageAccounts  *self);

SalvageAccount  *salvage_accounts_find             (SalvageAccounts  *self,
                                                    const char       *server,
                                                    const char       *workspace);

/* Gives @account the workspace's current name, and saves it. */
void             salvage_accounts_rename           (SalvageAccounts  *self,
                                                    SalvageAccount   *account,
                                                    const char       *name);

/* The account shown last, or NULL. */
SalvageAccount  *salvage_accounts_get_active       (SalvageAccounts  *self);
void             salvage_accounts_set_active       (SalvageAccounts  *self,
                                                    SalvageAccount   *account);

/* Adds (or updates) the account of @server + @workspace and stores
 * @api_key in the keyring. Finishes with the account; when the keyring
 * failed, the account is "session-only" and @keyring_error says why. */
void             salvage_accounts_add_async        (SalvageAccounts      *self,
                                                    const char           *server,
                                                    const char           *workspace,
                                                    const char           *name,
                                                    const char           *api_key,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
SalvageAccount  *salvage_accounts_add_finish       (SalvageAccounts      *self,
                                                    GAsyncResult         *result,
                                                    GError              **keyring_error);

/* The key of @account, from memory or the keyring; free it with
 * salvage_secrets_free(). */
void             salvage_accounts_lookup_key_async (SalvageAccounts      *self,
                                                    SalvageAccount       *account,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
char            *salvage_accounts_lookup_key_finish (SalvageAccounts     *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* Forgets @account and clears its key from the keyring. The account is
 * gone from the list even when clearing the key failed (@error says so). */
void             salvage_accounts_remove_async     (SalvageAccounts      *self,
                                                    SalvageAccount       *account,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean         salvage_accounts_remove_finish    (SalvageAccounts      *self,
                                                    GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
