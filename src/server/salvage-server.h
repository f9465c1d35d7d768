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

/* Fault injection: what the service or the network can do wrong.
 *
 * A fault is tried on every request before anything else, the key check
 * included. Unless @commit is set, a faulted request is not carried out: a
 * faulted DELETE deletes nothing and a faulted restore restores nothing,
 * whatever reaches the client. */
typedef enum
{
  SALVAGE_FAULT_NONE,         /* answered normally; only counts the requests it matches */
  SALVAGE_FAULT_STATUS,       /* @status (default 500) with a flat {"error": @message} body */
  SALVAGE_FAULT_NO_ANSWER,    /* the request is read and never answered */
  SALVAGE_FAULT_RESET,        /* the real headers and part of the body, then a TCP reset */
  SALVAGE_FAULT_TRUNCATED,    /* the real answer cut in half, Content-Length matching the cut */
  SALVAGE_FAULT_NOT_JSON,     /* @status (default 200) with an HTML error page */
  SALVAGE_FAULT_WRONG_SHAPE,  /* @status (default 200) with JSON whose members have the wrong types */
  SALVAGE_FAULT_HUGE,         /* @status (default 200), Content-Length SALVAGE_FAULT_HUGE_LENGTH,
                               * and a body streamed until the client gives up */
  SALVAGE_FAULT_TRICKLE,      /* the real answer, one byte every @interval_ms; always carried out */
} SalvageFaultKind;

/* The Content-Length a HUGE answer claims, and streams. */
#define SALVAGE_FAULT_HUGE_LENGTH ((goffset) 100 * 1024 * 1024)

typedef struct
{
  SalvageFaultKind  kind;
  /* STATUS, NOT_JSON, WRONG_SHAPE, HUGE: the HTTP status; 0 = the kind's default. */
  guint             status;
  /* STATUS: seconds for a Retry-After header, none when 0; a 429 always has one (1 when 0). */
  guint             retry_after;
  /* STATUS: the "error" text; NULL = the status's reason phrase. */
  const char       *message;
  /* TRICKLE: milliseconds between bytes (0 = 10). HUGE: between 64 KiB chunks (0 = none). */
  guint             interval_ms;
  /* Matching requests let through before the fault strikes, so that a test can
   * fail "only the 2nd restore". */
  guint             skip;
  /* Matching requests faulted after those, then the fault is spent; 0 = no end. */
  guint             count;
  /* Carry the request out first, so that only its answer is lost or damaged. */
  gboolean          commit;
} SalvageFault;

/* Adds a fault for requests whose method is @method (NULL = any) and whose
 * path, still percent-encoded and without the query, matches the GLib glob
 * @path_glob (NULL = any; "*" also matches "/"). Faults are tried in the
 * order they were added and the first one whose turn it is strikes; every
 * fault counts each request it matches, struck or not. Returns an id for
 * salvage_server_remove_fault(). */
guint          salvage_server_add_fault      (SalvageServer      *self,
                                              const char         *method,
                                              const char         *path_glob,
                                              SalvageFaultKind    kind,
                                              guint               status,
                                              guint               count);
guint          salvage_server_add_fault_full (SalvageServer      *self,
                                              const char         *method,
                                              const char         *path_glob,
                                              const SalvageFault *fault);
/* Parses "METHOD:GLOB:KIND[:key=value…]", as `salvage-server --fault` takes
 * it: METHOD may be "*", KIND is one of status=N, no-answer, reset,
 * truncated, not-json, wrong-shape, huge, trickle or none, and the keys are
 * count, skip, status, retry-after, message, interval and commit. Returns
 * the new fault's id, or 0 with @error set. */
guint          salvage_server_add_fault_spec (SalvageServer      *self,
                                              const char         *spec,
                                              GError            **error);
void           salvage_server_remove_fault   (SalvageServer      *self,
                                              guint               fault_id);
/* Removes every fault. Answers already under way (a trickle, a held
 * request) carry on. */
void           salvage_server_clear_faults   (SalvageServer      *self);
/* How many requests fault @fault_id has struck so far. */
guint          salvage_server_get_fault_hits (SalvageServer      *self,
                                              guint               fault_id);

G_END_DECLS
