/* salvage-http-private.h - the transport under SalvageClient: one HTTP exchange at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-body-feed.h"
#include "salvage-http.h"

G_BEGIN_DECLS

/* The wait before retrying a 429 that did not say how long to wait. */
#define SALVAGE_HTTP_DEFAULT_RETRY_WAIT 1

/* A whole exchange, the wait and the retry of a 429 included, fails with
 * SALVAGE_ERROR_TIMEOUT after this many times the timeout. */
#define SALVAGE_HTTP_DEADLINE_FACTOR 4

typedef struct _SalvageHttp SalvageHttp;

typedef enum
{
  SALVAGE_HTTP_FLAGS_NONE        = 0,
  /* Any 2xx is success, not only 200: the training routes, whose answers
   * may be empty (ROBOFLOW_API.md §2.15). */
  SALVAGE_HTTP_FLAGS_ANY_SUCCESS = 1 << 0,
} SalvageHttpFlags;

SalvageHttp *salvage_http_new          (const char          *base_url,
                                        const char          *api_key,
                                        guint                timeout);
void         salvage_http_free         (SalvageHttp         *self);

/* Ends every exchange in flight; later ones still work. */
void         salvage_http_abort        (SalvageHttp         *self);

void         salvage_http_set_timeout  (SalvageHttp         *self,
                                        guint                seconds);

/* A SALVAGE_ERROR with @message, the key taken out of it. */
GError      *salvage_http_new_error    (SalvageHttp         *self,
                                        SalvageError         code,
                                        const char          *message);

/*
 * Sends one request to the path made of @segments, each escaped on its
 * own, below the base URL; @body, when given, is sent as JSON. The task
 * belongs to @source_object, which must keep @self alive until it
 * completes. The result is the body of a 200 answer (of any 2xx with
 * SALVAGE_HTTP_FLAGS_ANY_SUCCESS), or a SalvageError (G_IO_ERROR_CANCELLED
 * when @cancellable was cancelled).
 */
void         salvage_http_send_async   (SalvageHttp         *self,
                                        gpointer             source_object,
                                        const char          *method,
                                        const char * const  *segments,
                                        GBytes              *body,
                                        SalvageHttpFlags     flags,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
GBytes      *salvage_http_send_finish  (GAsyncResult        *result,
                                        GError             **error);

/*
 * The same, but the body of a successful answer goes to @feed as it
 * arrives, for a thread to read at the same time; the result is then an
 * empty body. @feed is finished when the body has all arrived, and fails
 * with the exchange's error otherwise, whatever the answer: its reader
 * never waits for a body that will not come. The body of an unsuccessful
 * answer is read as usual, for its error.
 */
void         salvage_http_send_to_feed_async (SalvageHttp         *self,
                                              gpointer             source_object,
                                              const char          *method,
                                              const char * const  *segments,
                                              SalvageHttpFlags     flags,
                                              SalvageBodyFeed     *feed,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);

G_END_DECLS
