/* salvage-server-private.h - the stand-in server's in-memory state, shared with the demo generator
 *
 * The demo fills thousands of records; it reaches them through these
 * structures instead of a setter per field. The fault injection of the
 * tests reaches the requests through the hook declared here. Nothing
 * outside src/server includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server.h"

G_BEGIN_DECLS

/* How long an item stays in the Trash before it is gone for good. */
#define SALVAGE_SERVER_RETENTION (30 * G_TIME_SPAN_DAY)

typedef struct _SalvageServerWorkspace SalvageServerWorkspace;
typedef struct _SalvageServerProject   SalvageServerProject;
typedef struct _SalvageServerVersion   SalvageServerVersion;

typedef struct
{
  char *id;                        /* an opaque user id, as the API reports "deletedBy" */
  char *name;
} SalvageServerMember;

/* Every trashable record carries one of these; @deleter is NULL while the
 * record is live. */
typedef struct
{
  gint64                     deleted_at;   /* server clock, µs since the epoch */
  const SalvageServerMember *deleter;
} SalvageServerTrashMark;

typedef struct
{
  SalvageServerVersion  *version;
  char                  *id;               /* "t_…" */
  const char            *status;           /* interned */
  const char            *model_type;       /* interned */
  gint64                 started;          /* µs; 0 = not started */
  gint64                 ended;            /* µs; 0 = not ended */
  SalvageServerTrashMark trash;
} SalvageServerTraining;

struct _SalvageServerVersion
{
  SalvageServerProject  *project;
  guint                  number;
  char                  *full_id;          /* "<ws>/<project>/<N>" */
  char                  *name;
  gint64                 created;          /* µs */
  gint64                 images;
  guint                  resize_width;     /* 0 = no resize step */
  guint                  resize_height;
  gboolean               augmented;
  GPtrArray             *trainings;        /* (element-type SalvageServerTraining) */
  SalvageServerTraining *registered;       /* the run behind its registered model, or NULL */
  SalvageServerTraining *alias;            /* the run whose model its alias serves, or NULL */
  SalvageServerTrashMark trash;
};

struct _SalvageServerProject
{
  SalvageServerWorkspace *workspace;
  char                   *id;              /* "d_…": the Trash id */
  char                   *slug;
  char                   *name;
  char                   *type;
  char                   *annotation;
  GStrv                   classes;
  gint64                 *class_counts;    /* one per class */
  gint64                  created;         /* µs */
  gint64                  updated;         /* µs */
  gint64                  images;
  gint64                  unannotated;
  gboolean                is_public;
  gboolean                cleanup_delete_images;
  GPtrArray              *versions;        /* (element-type SalvageServerVersion), by number */
  SalvageServerTrashMark  trash;
};

typedef struct
{
  char                  *id;               /* "wf_…" */
  char                  *url;
  char                  *name;
  const char            *status;           /* interned */
  guint                  block_count;
  gint64                 created;          /* µs */
  SalvageServerTrashMark trash;
} SalvageServerWorkflow;

struct _SalvageServerWorkspace
{
  char       *slug;
  char       *name;
  GPtrArray  *members;          /* (element-type SalvageServerMember); [0] owns the API keys */
  GPtrArray  *projects;         /* every project, live or trashed, oldest first */
  GHashTable *live_projects;    /* slug → SalvageServerProject */
  GHashTable *projects_by_id;   /* id → SalvageServerProject */
  GPtrArray  *workflows;        /* every workflow, live or trashed */
  GHashTable *live_workflows;   /* url → SalvageServerWorkflow */
  GHashTable *workflows_by_id;  /* id → SalvageServerWorkflow */
  GHashTable *trainings_by_id;  /* id → SalvageServerTraining */
  gint64      next_cleanup;     /* earliest scheduled cleanup in the Trash, or G_MAXINT64 */
};

static inline gboolean
salvage_server_is_trashed (const SalvageServerTrashMark *mark)
{
  return mark->deleter != NULL;
}

static inline void
salvage_server_untrash (SalvageServerTrashMark *mark)
{
  mark->deleter = NULL;
  mark->deleted_at = 0;
}

/* Runs the API refuses to delete, and that a delete of their project or
 * version cancels. */
static inline gboolean
salvage_server_is_in_flight (const char *status)
{
  return g_strcmp0 (status, "running") == 0 || g_strcmp0 (status, "queued") == 0;
}

/* salvage-server.c */

/* A new id: @prefix and @length characters from the seeded generator. */
char *salvage_server_new_id        (SalvageServer *self,
                                    const char    *prefix,
                                    guint          length);
/* The cleanup job of the real service, run lazily before every request. */
void  salvage_server_purge_expired (SalvageServer *self);
/* Reseeds the generator of ids ("d_…", "wf_…", "t_…", user ids). */
void  salvage_server_set_seed      (SalvageServer *self,
                                    guint32        seed);

SalvageServerWorkspace *
salvage_server_lookup_workspace (SalvageServer *self,
                                 const char    *slug);

/* The member called @name, added (with a new id) when missing. */
const SalvageServerMember *
salvage_server_workspace_ensure_member (SalvageServer          *self,
                                        SalvageServerWorkspace *workspace,
                                        const char             *name);

/* Whether the request being routed is only to learn its answer (see
 * server_request_cb()): handlers answer as usual and change nothing. */
gboolean salvage_server_is_dry_run (SalvageServer *self);

/* The body of the request as a JSON object (a new reference), or NULL
 * when it is not one. An empty body reads as {} when @empty_ok is set. */
JsonObject *salvage_server_read_request_object (SoupServerMessage *msg,
                                                gboolean           empty_ok);
/* The string member @name of @object, or NULL when it is missing or not a string. */
const char *salvage_server_get_string_member   (JsonObject        *object,
                                                const char        *name);

/* Answers @msg with @object (taken) as JSON. */
void salvage_server_send_json       (SoupServerMessage *msg,
                                     guint              status,
                                     JsonObject        *object);
/* The flat {"error": @message} of the Trash-family endpoints. */
void salvage_server_send_flat_error (SoupServerMessage *msg,
                                     guint              status,
                                     const char        *message);
/* The real router's 404 for anything it cannot resolve. */
void salvage_server_send_not_found  (SoupServerMessage *msg);

/* salvage-server-reads.c */

void salvage_server_handle_key_check      (SoupServerMessage      *msg,
                                           SalvageServerWorkspace *workspace);
void salvage_server_handle_get_workspace  (SoupServerMessage      *msg,
                                           SalvageServerWorkspace *workspace);
void salvage_server_handle_get_project    (SoupServerMessage      *msg,
                                           SalvageServerProject   *project);
void salvage_server_handle_get_version    (SoupServerMessage      *msg,
                                           SalvageServerVersion   *version);
void salvage_server_handle_list_trainings (SoupServerMessage      *msg,
                                           SalvageServerVersion   *version);
void salvage_server_handle_list_workflows (SoupServerMessage      *msg,
                                           SalvageServerWorkspace *workspace);
void salvage_server_handle_get_workflow   (SoupServerMessage      *msg,
                                           SalvageServerWorkflow  *workflow);

/* salvage-server-trash.c */

void salvage_server_handle_delete_project  (SalvageServer          *self,
                                            SoupServerMessage      *msg,
                                            SalvageServerProject   *project);
void salvage_server_handle_delete_version  (SalvageServer          *self,
                                            SoupServerMessage      *msg,
                                            SalvageServerVersion   *version);
void salvage_server_handle_delete_workflow (SalvageServer          *self,
                                            SoupServerMessage      *msg,
                                            SalvageServerWorkspace *workspace,
                                            SalvageServerWorkflow  *workflow);
void salvage_server_handle_list_trash      (SoupServerMessage      *msg,
                                            SalvageServerWorkspace *workspace);
void salvage_server_handle_restore         (SalvageServer          *self,
                                            SoupServerMessage      *msg,
                                            SalvageServerWorkspace *workspace);

/* Deletes through the API are made in the name of the key's owner. */
const SalvageServerMember *salvage_server_api_user (SalvageServerWorkspace *workspace);
/* The start of a delete's answer: {"deleted": true, "type": @type, "workspace": …}. */
JsonObject *salvage_server_deleted_reply_new       (SalvageServerWorkspace *workspace,
                                                    const char             *type);
void        salvage_server_send_restored           (SoupServerMessage      *msg,
                                                    const char             *type,
                                                    const char             *id);

/* salvage-server-trainings.c */

/* Everything below /{ws}/{project}/{N}/v2/trainings: @rest are the
 * segments after "trainings". */
void salvage_server_route_trainings   (SalvageServer          *self,
                                       SoupServerMessage      *msg,
                                       SalvageServerVersion   *version,
                                       const char             *method,
                                       const char * const     *rest,
                                       guint                   n_rest);
/* POST /{ws}/trash/restore with type "training", in the design that has it. */
void salvage_server_restore_training  (SalvageServer          *self,
                                       SoupServerMessage      *msg,
                                       SalvageServerWorkspace *workspace,
                                       const char             *id);

/* The request hook */

/* A request hook answers every request in place of the routing, and calls
 * salvage_server_route() for the real answer when it wants one. It returns
 * TRUE when its answer leaves whole and at once, so that the server's
 * latency applies to it as to any other. The fault injection of the tests
 * is one; a server has none unless one is set. */
typedef gboolean (*SalvageServerRequestHook) (SalvageServer     *self,
                                              SoupServerMessage *msg,
                                              gpointer           user_data);

/* Replaces the hook, destroying the previous one's @user_data; @destroy
 * runs once the server has closed its connections. */
void     salvage_server_set_request_hook      (SalvageServer            *self,
                                               SalvageServerRequestHook  hook,
                                               gpointer                  user_data,
                                               GDestroyNotify            destroy);
/* The @user_data of @hook when it is the hook set, else NULL. */
gpointer salvage_server_get_request_hook_data (SalvageServer            *self,
                                               SalvageServerRequestHook  hook);
/* Answers @msg as the server does without a hook. With @dry_run the
 * handlers answer as usual and change nothing. */
void     salvage_server_route                 (SalvageServer            *self,
                                               SoupServerMessage        *msg,
                                               gboolean                  dry_run);

/* salvage-server-records.c */

void salvage_server_member_free    (gpointer data);
void salvage_server_training_free  (gpointer data);
void salvage_server_version_free   (gpointer data);
void salvage_server_project_free   (gpointer data);
void salvage_server_workflow_free  (gpointer data);
void salvage_server_workspace_free (gpointer data);

/* Puts a record in the Trash as deleted at @when by @deleter. Trashing a
 * project or a version also cancels the runs in flight below it. */
void salvage_server_workspace_mark_trashed   (SalvageServerWorkspace    *workspace,
                                              SalvageServerTrashMark    *mark,
                                              gint64                     when,
                                              const SalvageServerMember *deleter);
void salvage_server_workspace_trash_project  (SalvageServerWorkspace    *workspace,
                                              SalvageServerProject      *project,
                                              gint64                     when,
                                              const SalvageServerMember *deleter);
void salvage_server_workspace_trash_version  (SalvageServerWorkspace    *workspace,
                                              SalvageServerVersion      *version,
                                              gint64                     when,
                                              const SalvageServerMember *deleter);
void salvage_server_workspace_trash_workflow (SalvageServerWorkspace    *workspace,
                                              SalvageServerWorkflow     *workflow,
                                              gint64                     when,
                                              const SalvageServerMember *deleter);
/* Removes for good what stayed in the Trash past its cleanup time. */
void salvage_server_workspace_purge          (SalvageServerWorkspace    *workspace,
                                              gint64                     now);

gboolean salvage_server_parse_version_number (const char *text,
                                              guint      *number);
gboolean salvage_server_is_reserved_word     (const char *segment);
gboolean salvage_server_is_valid_slug        (const char *slug);

/* Derives the preprocessing and augmentation steps from the name. */
void  salvage_server_version_parse_name          (SalvageServerVersion *version);
/* The position of version @number, or where it would go. */
guint salvage_server_project_find_version        (SalvageServerProject *project,
                                                  guint                 number,
                                                  gboolean             *found);
guint salvage_server_project_count_live_versions (SalvageServerProject *project);

/* Live items only. */
SalvageServerProject *
salvage_server_workspace_lookup_project (SalvageServerWorkspace *workspace,
                                         const char             *slug);
SalvageServerWorkflow *
salvage_server_workspace_lookup_workflow (SalvageServerWorkspace *workspace,
                                          const char             *url);
SalvageServerVersion *
salvage_server_project_lookup_live_version (SalvageServerProject *project,
                                            guint                 number);

/* Any state. */
SalvageServerVersion *
salvage_server_project_lookup_version (SalvageServerProject *project,
                                       guint                 number);
SalvageServerTraining *
salvage_server_workspace_lookup_training (SalvageServerWorkspace *workspace,
                                          const char             *id);
/* The most recently trashed project with @slug. */
SalvageServerProject *
salvage_server_workspace_lookup_trashed_project (SalvageServerWorkspace *workspace,
                                                 const char             *slug);

/* Replaces the classes of @project; @counts has one entry per name. */
void salvage_server_project_set_classes (SalvageServerProject *project,
                                         const char * const   *names,
                                         const gint64         *counts);

/* salvage-server-json.c */

JsonObject *salvage_server_workspace_summary_to_json (SalvageServerWorkspace *workspace);
/* The twelve fields the SDK requires, plus the count of live versions. */
JsonObject *salvage_server_project_to_json           (SalvageServerProject   *project);
JsonObject *salvage_server_version_to_json           (SalvageServerVersion   *version);
JsonObject *salvage_server_training_to_json          (SalvageServerTraining  *training);
/* @full adds what only GET /{ws}/workflows/{url} shows. */
JsonObject *salvage_server_workflow_to_json          (SalvageServerWorkflow  *workflow,
                                                      gboolean                full);
/* The whole answer of GET /{ws}/trash, newest first. */
GString    *salvage_server_workspace_write_trash     (SalvageServerWorkspace *workspace);

G_END_DECLS
