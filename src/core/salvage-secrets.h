/* salvage-secrets.h - API keys in the desktop keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SALVAGE_SECRETS_ERROR (salvage_secrets_error_quark ())

/* Each error's message is a plain, translated sentence about the cause,
 * for a person; it never contains the key. A cancel by the caller stays
 * G_IO_ERROR_CANCELLED. */
typedef enum
{
  SALVAGE_SECRETS_ERROR_UNAVAILABLE,  /* no keyring service, or it failed or did not answer */
  SALVAGE_SECRETS_ERROR_LOCKED,       /* locked and unlocking declined, or no default keyring */
  SALVAGE_SECRETS_ERROR_NOT_FOUND,    /* no key stored for that account */
} SalvageSecretsError;

GQuark salvage_secrets_error_quark (void);

/* Schema "io.github.salvage.Salvage.ApiKey", string attributes "server"
 * (normalised base URL) and "workspace" (slug). */
#define SALVAGE_SECRETS_SCHEMA_NAME "io.github.salvage.Salvage.ApiKey"

/* A call fails with SALVAGE_SECRETS_ERROR_UNAVAILABLE when the keyring has
 * not answered within this many seconds, not counting the time an unlock
 * prompt is open. */
#define SALVAGE_SECRETS_TIMEOUT_SECONDS 10

/* Stores @api_key for @server + @workspace in the default collection,
 * replacing any earlier one; @label is what keyring managers show (e.g.
 * "Roboflow API key for acme-vision"). All strings must be UTF-8, the key
 * not empty. */
void      salvage_secrets_store_async   (const char           *server,
                                         const char           *workspace,
                                         const char           *label,
                                         const char           *api_key,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  salvage_secrets_store_finish  (GAsyncResult         *result,
                                         GError              **error);

/* The key, to free with salvage_secrets_free() (which wipes it), or NULL
 * with SALVAGE_SECRETS_ERROR_NOT_FOUND, _LOCKED (also when a stored key
 * could not be unlocked) or _UNAVAILABLE. */
void      salvage_secrets_lookup_async  (const char           *server,
                                         const char           *workspace,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
char     *salvage_secrets_lookup_finish (GAsyncResult         *result,
                                         GError              **error);

/* Removes the key; TRUE also when there was none. A key that stays locked
 * is not removed: SALVAGE_SECRETS_ERROR_LOCKED. */
/* Never asks to unlock the keyring: a locked one fails with LOCKED. */
void      salvage_secrets_lookup_quietly_async  (const char           *server,
                                                 const char           *workspace,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
char     *salvage_secrets_lookup_quietly_finish (GAsyncResult         *result,
                                                 GError              **error);

void      salvage_secrets_clear_async   (const char           *server,
                                         const char           *workspace,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  salvage_secrets_clear_finish  (GAsyncResult         *result,
                                         GError              **error);

/* Overwrites the key, then frees it: a key from
 * salvage_secrets_lookup_finish(), or any copy made with g_malloc()
 * (g_strdup()). NULL is fine. */
void      salvage_secrets_free          (char                 *api_key);

/* Sets the limit of SALVAGE_SECRETS_TIMEOUT_SECONDS for the requests
 * started afterwards, in milliseconds; for tests. */
void      salvage_secrets_set_timeout   (guint                 msec);

G_END_DECLS
