/* salvage-client-private.h - what the client's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-client.h"
#include "salvage-http-private.h"

G_BEGIN_DECLS

/* One request through the client's transport (see salvage-http-private.h);
 * the task belongs to @self. */
void      _salvage_client_send_async      (SalvageClient       *self,
                                           const char          *method,
                                           const char * const  *segments,
                                           GBytes              *body,
                                           SalvageHttpFlags     flags,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The same, the body of a successful answer going to @feed as it arrives
 * (salvage_http_send_to_feed_async()). */
void      _salvage_client_send_to_feed_async (SalvageClient       *self,
                                              const char          *method,
                                              const char * const  *segments,
                                              SalvageHttpFlags     flags,
                                              SalvageBodyFeed     *feed,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GBytes   *_salvage_client_send_finish     (SalvageClient       *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* A task of @self tagged @source_tag, for one endpoint. */
GTask    *_salvage_client_task_new        (SalvageClient       *self,
                                           gpointer             source_tag,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

/* FALSE, with @task returned an error, when no workspace is set. */
gboolean  _salvage_client_check_workspace (SalvageClient       *self,
                                           GTask               *task);

/* Returns @error on @task, the key taken out of its message first. */
void      _salvage_client_return_error    (GTask               *task,
                                           GError              *error);

/* Whether @result is a task of @self tagged @source_tag. */
gboolean  _salvage_client_is_result       (SalvageClient       *self,
                                           GAsyncResult        *result,
                                           gpointer             source_tag);

G_END_DECLS
