/* salvage-server-private.h - the stand-in server's in-memory state, shared with the demo generator
 *
 * The demo fills thousands of records; it reaches them through these
 * structures instead of a setter per field. Nothing outside src/server
 * includes this header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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

/* Reseeds the generator of ids ("d_…", "wf_…", "t_…", user ids). */
void                    salvage_server_set_seed               (SalvageServer          *self,
                                                               guint32                 seed);

SalvageServerWorkspace *salvage_server_lookup_workspace       (SalvageServer          *self,
                                                               const char             *slug);

/* The member called @name, added (with a new id) when missing. */
const SalvageServerMember *
                        salvage_server_workspace_ensure_member (SalvageServer          *self,
                                                                SalvageServerWorkspace *workspace,
                                                                const char             *name);

/* Live items only. */
SalvageServerProject   *salvage_server_workspace_lookup_project  (SalvageServerWorkspace *workspace,
                                                                  const char             *slug);
SalvageServerWorkflow  *salvage_server_workspace_lookup_workflow (SalvageServerWorkspace *workspace,
                                                                  const char             *url);
/* Any state. */
SalvageServerVersion   *salvage_server_project_lookup_version    (SalvageServerProject   *project,
                                                                  guint                   number);
SalvageServerTraining  *salvage_server_workspace_lookup_training (SalvageServerWorkspace *workspace,
                                                                  const char             *id);

/* Replaces the classes of @project; @counts has one entry per name. */
void                    salvage_server_project_set_classes       (SalvageServerProject   *project,
                                                                  const char * const     *names,
                                                                  const gint64           *counts);

G_END_DECLS
