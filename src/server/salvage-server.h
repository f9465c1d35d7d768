/* salvage-server.h - a local stand-in for the Roboflow REST API
 *
 * Serves the endpoints of ROBOFLOW_API.md from in-memory state on
 * 127.0.0.1 with the real service's rules (see salvage-server.c for the
 * status codes chosen where the real ones are not known).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_SERVER (salvage_server_get_type ())

G_DECLARE_FINAL_TYPE (SalvageServer, salvage_server, SALVAGE, SERVER, GObject)

SalvageServer *salvage_server_new            (void);

/* Listens on 127.0.0.1:@port (0 picks a free port). */
gboolean       salvage_server_listen         (SalvageServer  *self,
                                              guint           port,
                                              GError        **error);
/* "http://127.0.0.1:PORT", valid after listen. */
const char    *salvage_server_get_url        (SalvageServer  *self);

/* Added latency before every answer, in milliseconds (0 = none). */
void           salvage_server_set_latency    (SalvageServer  *self,
                                              guint           msec);

/* The server's clock, in microseconds since the epoch. 0 (the default)
 * follows the real time; any other value freezes the clock there until set
 * again. Items whose cleanup time has passed disappear from the Trash. */
void           salvage_server_set_time       (SalvageServer  *self,
                                              gint64          unix_usec);
gint64         salvage_server_get_time       (SalvageServer  *self);

/* Number of requests answered so far (all routes). */
guint          salvage_server_get_request_count (SalvageServer *self);

/* State set-up for tests, the demo and benchmarks. Each returns the
 * server-side id it made (owned by the server) or NULL on a bad argument
 * (unknown workspace, taken slug, …). */
void           salvage_server_add_workspace  (SalvageServer  *self,
                                              const char     *slug,
                                              const char     *name);
/* Binds @api_key to @workspace_slug; a key belongs to one workspace. */
void           salvage_server_add_key        (SalvageServer  *self,
                                              const char     *api_key,
                                              const char     *workspace_slug);
const char    *salvage_server_add_project    (SalvageServer  *self,
                                              const char     *ws,
                                              const char     *slug,
                                              const char     *name,
                                              const char     *project_type,
                                              gint64          images);
/* Returns "<ws>/<project>/<number>". */
const char    *salvage_server_add_version    (SalvageServer  *self,
                                              const char     *ws,
                                              const char     *project_slug,
                                              guint           number,
                                              const char     *name,
                                              gint64          images);
/* @status: "running", "queued", "finished", "failed" or "cancelled". */
const char    *salvage_server_add_training   (SalvageServer  *self,
                                              const char     *ws,
                                              const char     *project_slug,
                                              guint           number,
                                              const char     *status,
                                              const char     *model_type);
const char    *salvage_server_add_workflow   (SalvageServer  *self,
                                              const char     *ws,
                                              const char     *url,
                                              const char     *name);

/* Moves an item to the Trash as if deleted @deleted_at_usec (server clock)
 * by @deleted_by_name; for seeding. @kind is "project", "version",
 * "workflow" or "training"; @path is "slug", "slug/N", "wf-url" or
 * "slug/N/training-id". Returns FALSE when nothing matched. */
gboolean       salvage_server_trash          (SalvageServer  *self,
                                              const char     *ws,
                                              const char     *kind,
                                              const char     *path,
                                              gint64          deleted_at_usec,
                                              const char     *deleted_by_name);

/* The two designs of the routes that delete and restore trainings
 * (ROBOFLOW_API.md §2.15). The server serves one; the routes of the other
 * answer 404 like any route that does not exist. */
typedef enum
{
  /* DELETE /{ws}/{project}/{N}/v2/trainings/{id}, and POST /{ws}/trash/restore
   * with type "training". The default. */
  SALVAGE_SERVER_TRAINING_ROUTES_DELETE,
  /* POST /{ws}/{project}/{N}/v2/trainings/delete and …/restore with
   * {"trainingId"}, answered with an empty 204; /trash/restore refuses
   * the type "training" with 400. */
  SALVAGE_SERVER_TRAINING_ROUTES_POST,
} SalvageServerTrainingRoutes;

#define SALVAGE_TYPE_SERVER_TRAINING_ROUTES (salvage_server_training_routes_get_type ())
GType          salvage_server_training_routes_get_type (void) G_GNUC_CONST;

/* Also the "training-routes" property. */
void           salvage_server_set_training_routes (SalvageServer               *self,
                                                   SalvageServerTrainingRoutes  routes);
SalvageServerTrainingRoutes
               salvage_server_get_training_routes (SalvageServer               *self);

/* The run of version @number whose model is the version's registered
 * model: the API refuses to delete it. NULL @training_id for none.
 * Returns FALSE when nothing matched. */
gboolean       salvage_server_set_registered_model (SalvageServer *self,
                                                    const char    *ws,
                                                    const char    *project_slug,
                                                    guint          number,
                                                    const char    *training_id);
/* The run of version @number whose model the version's alias serves.
 * Deleting it repoints the alias to the newest other finished run, or
 * deletes the alias when there is none. NULL @training_id for none.
 * Returns FALSE when nothing matched. */
gboolean       salvage_server_set_version_alias    (SalvageServer *self,
                                                    const char    *ws,
                                                    const char    *project_slug,
                                                    guint          number,
                                                    const char    *training_id);
/* The run whose model version @number's alias serves, or NULL. */
const char    *salvage_server_get_version_alias    (SalvageServer *self,
                                                    const char    *ws,
                                                    const char    *project_slug,
                                                    guint          number);

/* Read-only views for tests: whether an item is live, in Trash, or gone. */
typedef enum
{
  SALVAGE_SERVER_ITEM_ABSENT,
  SALVAGE_SERVER_ITEM_LIVE,
  SALVAGE_SERVER_ITEM_TRASHED,
} SalvageServerItemState;

SalvageServerItemState salvage_server_get_item_state (SalvageServer *self,
                                                      const char    *ws,
                                                      const char    *kind,
                                                      const char    *path);
/* The status of a training, e.g. "cancelled" after its version was deleted. */
const char    *salvage_server_get_training_status (SalvageServer *self,
                                                   const char    *ws,
                                                   const char    *project_slug,
                                                   guint          number,
                                                   const char    *training_id);

G_END_DECLS
