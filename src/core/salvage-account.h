/* salvage-account.h - one workspace the user added: its server and slug
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_ACCOUNT (salvage_account_get_type ())

G_DECLARE_FINAL_TYPE (SalvageAccount, salvage_account, SALVAGE, ACCOUNT, GObject)

/*
 * Properties:
 *   "server"        string (construct-only)  normalised API base URL
 *   "workspace"     string (construct-only)  slug
 *   "name"          string (read/write)      display name; the slug when unknown
 *   "masked-key"    string (read-only)       the key masked, once known; else NULL
 *   "session-only"  boolean (read-only)      the keyring did not take the key:
 *                                            it is forgotten when Salvage quits
 */

SalvageAccount *salvage_account_new              (const char     *server,
                                                  const char     *workspace,
                                                  const char     *name);

const char     *salvage_account_get_server       (SalvageAccount *self);
const char     *salvage_account_get_workspace    (SalvageAccount *self);
const char     *salvage_account_get_name         (SalvageAccount *self);
void            salvage_account_set_name         (SalvageAccount *self,
                                                  const char     *name);
const char     *salvage_account_get_masked_key   (SalvageAccount *self);
gboolean        salvage_account_get_session_only (SalvageAccount *self);

/* Whether @self is the account of @server and @workspace. */
gboolean        salvage_account_matches          (SalvageAccount *self,
                                                  const char     *server,
                                                  const char     *workspace);

G_END_DECLS
