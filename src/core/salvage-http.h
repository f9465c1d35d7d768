/* salvage-http.h - the limits of the transport under SalvageClient, and the servers it talks to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "salvage-error.h"

G_BEGIN_DECLS

/* Bodies larger than this are refused (SALVAGE_ERROR_BAD_RESPONSE) without
 * being read into memory. */
#define SALVAGE_HTTP_MAX_BODY_SIZE (64 * 1024 * 1024)

/* The longest Retry-After waited out before retrying a 429. */
#define SALVAGE_HTTP_MAX_RETRY_WAIT 60

/* TRUE when @url is https, or http to a loopback host (127.0.0.0/8, ::1,
 * localhost), with no query or fragment. Anything else sets
 * SALVAGE_ERROR_INVALID_URL: the API key travels in the query string. */
gboolean salvage_http_check_base_url (const char  *url,
                                      GError     **error);

G_END_DECLS
