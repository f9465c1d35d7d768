/* salvage-error.h - the one error domain of the Roboflow client, and key redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SALVAGE_ERROR (salvage_error_quark ())

/**
 * SalvageError:
 *
 * Every failure of a request maps to exactly one code, chosen from the HTTP
 * status (never from the text of the body) or from the transport failure.
 */
typedef enum
{
  SALVAGE_ERROR_INVALID_KEY,     /* 401: the key is wrong, revoked, or lacks a scope on restore */
  SALVAGE_ERROR_FORBIDDEN,       /* 403: plan or permission */
  SALVAGE_ERROR_NOT_FOUND,       /* 404: missing, in Trash, or missing scope */
  SALVAGE_ERROR_CONFLICT,        /* 409 */
  SALVAGE_ERROR_RATE_LIMITED,    /* 429, see salvage_error_get_retry_after() */
  SALVAGE_ERROR_SERVER,          /* 5xx */
  SALVAGE_ERROR_BAD_REQUEST,     /* 400 and any other unexpected status */
  SALVAGE_ERROR_NETWORK,         /* could not connect, connection dropped, TLS failure */
  SALVAGE_ERROR_TIMEOUT,         /* no answer in time */
  SALVAGE_ERROR_BAD_RESPONSE,    /* not JSON, JSON of the wrong shape, or too large */
  SALVAGE_ERROR_INVALID_URL,     /* a base URL we refuse (not https, and not loopback http) */
} SalvageError;

GQuark       salvage_error_quark            (void);

/* Extra facts kept on errors of the SALVAGE_ERROR domain (a GLib extended error). */
guint        salvage_error_get_status       (const GError *error);
gint64       salvage_error_get_retry_after  (const GError *error);
void         salvage_error_set_http_details (GError       *error,
                                             guint         status,
                                             gint64        retry_after_seconds);
const char  *salvage_error_get_reason       (const GError *error);
void         salvage_error_set_reason       (GError       *error,
                                             const char   *reason);

char        *salvage_redact                 (const char   *text,
                                             const char   *api_key);

G_END_DECLS
