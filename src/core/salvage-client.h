/* salvage-client.h - the Roboflow REST client: one object per account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-error.h"
#include "salvage-http.h"
#include "salvage-project.h"
#include "salvage-trash-item.h"
#include "salvage-trash-listing.h"
#include "salvage-training.h"
#include "salvage-version.h"
#include "salvage-workflow.h"

G_BEGIN_DECLS

#define SALVAGE_DEFAULT_API_URL "https://api.roboflow.com"

/* Bodies larger than this are refused (SALVAGE_ERROR_BAD_RESPONSE) without
 * being read into memory. */
#define SALVAGE_CLIENT_MAX_BODY_SIZE SALVAGE_HTTP_MAX_BODY_SIZE

#define SALVAGE_TYPE_CLIENT (salvage_client_get_type ())

G_DECLARE_FINAL_TYPE (SalvageClient, salvage_client, SALVAGE, CLIENT, GObject)

/*
 * Properties:
 *   "base-url"   string (construct-only)  normalised, no trailing "/"
 *   "api-key"    string (construct-only)  never printed; see salvage_redact()
 *   "workspace"  string (read/write)      slug; set by validate_key or by the caller
 *   "timeout"    uint   (read/write)      seconds for connect and for each read; default 30
 *
 * A whole request, body included, is also given at most four times
 * "timeout" before it fails with SALVAGE_ERROR_TIMEOUT. Cancelling the
 * GCancellable of a call fails it with G_IO_ERROR_CANCELLED instead.
 *
 * A 429 answer is the only one retried, and only once: after the wait of
 * its Retry-After (1 s when it gives none), when that wait is at most
 * SALVAGE_CLIENT_MAX_RETRY_WAIT seconds and ends before the time allowed
 * for the whole request, which includes the wait. Otherwise, or when the
 * retry meets a 429 too, the call fails with SALVAGE_ERROR_RATE_LIMITED
 * and salvage_error_get_retry_after() gives the server's wait. A 429
 * means the request was not carried out, so a delete or a restore is as
 * safe to send again as a list.
 */

/* The longest Retry-After waited out before retrying a 429. */
#define SALVAGE_CLIENT_MAX_RETRY_WAIT SALVAGE_HTTP_MAX_RETRY_WAIT

/* The base URL from the environment (API_URL) or the default. */
const char     *salvage_client_default_base_url    (void);

/* TRUE when @url is https, or http to a loopback host (127.0.0.0/8, ::1,
 * localhost). Anything else sets SALVAGE_ERROR_INVALID_URL. The check is
 * the transport's: salvage_http_check_base_url(). */
gboolean        salvage_client_check_base_url      (const char  *url,
                                                    GError     **error);

/* @base_url NULL means salvage_client_default_base_url(). */
SalvageClient  *salvage_client_new                 (const char  *base_url,
                                                    const char  *api_key,
                                                    GError     **error);

const char     *salvage_client_get_base_url        (SalvageClient *self);
const char     *salvage_client_get_workspace       (SalvageClient *self);
void            salvage_client_set_workspace       (SalvageClient *self,
                                                    const char    *workspace);
guint           salvage_client_get_timeout         (SalvageClient *self);
void            salvage_client_set_timeout         (SalvageClient *self,
                                                    guint          seconds);

/* The key masked as the CLI does: first 2 characters, stars, last 2. */
char           *salvage_client_dup_masked_key      (SalvageClient *self);
char           *salvage_mask_key                   (const char    *api_key);

/* POST / → the key's workspace slug; also sets "workspace". */
void            salvage_client_validate_key_async  (SalvageClient       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char           *salvage_client_validate_key_finish (SalvageClient  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

/* GET /{ws} → (element-type SalvageProject) */
void            salvage_client_get_workspace_async  (SalvageClient       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray      *salvage_client_get_workspace_finish (SalvageClient  *self,
                                                     GAsyncResult   *result,
                                                     char          **name_out,
                                                     GError        **error);

/* GET /{ws}/{project} → (element-type SalvageVersion) */
void            salvage_client_get_project_async  (SalvageClient       *self,
                                                   const char          *project_slug,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray      *salvage_client_get_project_finish (SalvageClient  *self,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/* GET /{ws}/{project}/{N}/v2/trainings → (element-type SalvageTraining) */
void            salvage_client_list_trainings_async  (SalvageClient       *self,
                                                      const char          *project_slug,
                                                      const char          *version_number,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray      *salvage_client_list_trainings_finish (SalvageClient  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);

/* GET /{ws}/workflows → (element-type SalvageWorkflow) */
void            salvage_client_list_workflows_async  (SalvageClient       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GPtrArray      *salvage_client_list_workflows_finish (SalvageClient  *self,
                                                      GAsyncResult   *result,
                                                      GError        **error);

/* GET /{ws}/trash → (element-type SalvageTrashItem); parsed in a worker thread. */
void            salvage_client_list_trash_async  (SalvageClient       *self,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray      *salvage_client_list_trash_finish (SalvageClient  *self,
                                                  GAsyncResult   *result,
                                                  GError        **error);
/* The same answer as a listing, with no item made. */
void            salvage_client_list_trash_listing_async  (SalvageClient       *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
SalvageTrashListing *salvage_client_list_trash_listing_finish (SalvageClient  *self,
                                                               GAsyncResult   *result,
                                                               GError        **error);

/*
 * Deletes (soft: the item goes to the Trash for 30 days). A 404 is checked
 * against the Trash as the CLI does: when the item is already there the
 * delete succeeds with already_in_trash set in @reply; otherwise the 404
 * stands. @reply (may be NULL) is filled on success and must be cleared
 * with salvage_delete_reply_clear() by the caller.
 */

/* What the server said about the Trash entry a delete made. */
typedef struct
{
  gboolean  already_in_trash;  /* it was there before: this delete made no entry */
  char     *trash_id;          /* the entry's id, when the answer or the Trash said it */
  char     *parent_id;         /* a version's: its project's id, when said */
  /* A training's, when the answer said: what became of the alias its
   * version is served by, "repointed" (to the model named by
   * version_alias_target) or "deleted" (no model serves it now). */
  char     *version_alias_action;
  char     *version_alias_target;
} SalvageDeleteReply;

void            salvage_delete_reply_clear           (SalvageDeleteReply *reply);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalvageDeleteReply, salvage_delete_reply_clear)

/* What a delete names, as it was sent: a project by slug, a version by
 * slug and number, a training by slug, number and run id, a workflow by
 * url. The strings are borrowed. */
typedef struct
{
  SalvageTrashKind  kind;
  const char       *project_slug;
  const char       *version_number;
  const char       *training_id;
  const char       *workflow_url;
} SalvageDeleteTarget;

/*
 * Whether @item is the Trash entry a delete of @target made or, after the
 * delete met a 404, the entry that shows it was in the Trash already: the
 * one rule for both. When @reply (may be NULL) names an entry (its Trash
 * id, and a version's parent id), no other entry matches. Otherwise the
 * names decide as the Roboflow CLI matches a repeated delete: a project by
 * url, a version by number and parent url, a training by id; a workflow by
 * url only, as it is always deleted by url.
 */
gboolean        salvage_delete_target_matches        (const SalvageDeleteTarget *target,
                                                      const SalvageDeleteReply  *reply,
                                                      SalvageTrashItem          *item);

void            salvage_client_delete_project_async  (SalvageClient       *self,
                                                      const char          *project_slug,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        salvage_client_delete_project_finish (SalvageClient  *self,
                                                      GAsyncResult   *result,
                                                      SalvageDeleteReply *reply,
                                                      GError        **error);

void            salvage_client_delete_version_async  (SalvageClient       *self,
                                                      const char          *project_slug,
                                                      const char          *version_number,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean        salvage_client_delete_version_finish (SalvageClient  *self,
                                                      GAsyncResult   *result,
                                                      SalvageDeleteReply *reply,
                                                      GError        **error);

/* DELETE /{ws}/{project}/{N}/v2/trainings/{id}; when the server answers
 * 404 or 405 naming that route, POST …/v2/trainings/delete once instead
 * (ROBOFLOW_API.md §2.15). Any 2xx is success, an empty one too. A refusal
 * (the run is in progress, or backs the version's registered model) fails
 * with a message that says what to do. */
void            salvage_client_delete_training_async  (SalvageClient       *self,
                                                       const char          *project_slug,
                                                       const char          *version_number,
                                                       const char          *training_id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        salvage_client_delete_training_finish (SalvageClient  *self,
                                                       GAsyncResult   *result,
                                                       SalvageDeleteReply *reply,
                                                       GError        **error);

void            salvage_client_delete_workflow_async  (SalvageClient       *self,
                                                       const char          *workflow_url,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        salvage_client_delete_workflow_finish (SalvageClient  *self,
                                                       GAsyncResult   *result,
                                                       SalvageDeleteReply *reply,
                                                       GError        **error);

/* POST /{ws}/trash/restore with {type, id[, parentId]} taken from @item.
 * An item that is not restorable fails with SALVAGE_ERROR_BAD_REQUEST
 * without a request. A training that the server refuses there by its
 * type (400) is restored with POST /{ws}/{project}/{N}/v2/trainings/restore
 * instead, when its entry names its project and version. */
void            salvage_client_restore_async  (SalvageClient       *self,
                                               SalvageTrashItem    *item,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        salvage_client_restore_finish (SalvageClient  *self,
                                               GAsyncResult   *result,
                                               GError        **error);

G_END_DECLS
