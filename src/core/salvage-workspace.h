/* salvage-workspace.h - the lists of one workspace and the operations that change them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-client.h"

G_BEGIN_DECLS

/* The outcome of one item of salvage_workspace_restore_many_async(). */
typedef struct
{
  SalvageTrashItem *item;   /* the item asked for */
  GError           *error;  /* NULL on success */
} SalvageRestoreOutcome;

#define SALVAGE_TYPE_RESTORE_OUTCOME (salvage_restore_outcome_get_type ())
GType                  salvage_restore_outcome_get_type (void) G_GNUC_CONST;
SalvageRestoreOutcome *salvage_restore_outcome_copy     (const SalvageRestoreOutcome *outcome);
void                   salvage_restore_outcome_free     (SalvageRestoreOutcome       *outcome);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalvageRestoreOutcome, salvage_restore_outcome_free)

/* How many restore requests run at once in restore_many. */
#define SALVAGE_WORKSPACE_MAX_PARALLEL 4

#define SALVAGE_TYPE_WORKSPACE (salvage_workspace_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWorkspace, salvage_workspace, SALVAGE, WORKSPACE, GObject)

/*
 * Properties:
 *   "client"  SalvageClient (construct-only)
 *   "name"    string (read-only, notify)  display name from the last GET /{ws}
 *
 * Every list below is a GListStore owned by the workspace. Its contents
 * are replaced with one g_list_store_splice(), and after every operation,
 * successful or not, each list matches what the server said last. The
 * stores and the objects in them are only touched on the main context the
 * workspace was created on.
 */

SalvageWorkspace *salvage_workspace_new           (SalvageClient    *client);
/* NULL for a group. */
SalvageClient    *salvage_workspace_get_client    (SalvageWorkspace *self);
const char       *salvage_workspace_get_name      (SalvageWorkspace *self);
/* The name to show until the server says the workspace's own (a saved
 * account's, say). */
void              salvage_workspace_set_name      (SalvageWorkspace *self,
                                                   const char       *name);
/* What the items of its Trash give as their origin: the server and the
 * workspace of its client, as an interned string. */
const char       *salvage_workspace_get_origin    (SalvageWorkspace *self);

/* A group ("All Workspaces"): the Trash of every workspace of @members
 * (SalvageWorkspace, each with its own client) at once, called @name. Its
 * Trash store has one part per member, in the order of their names, and
 * follows theirs; its projects and workflows stay empty. Refreshing it
 * reloads every member's Trash at once (the error, if any, names the
 * first member that failed, and the others are still reloaded); finding,
 * planning and restoring send each item to the member that listed it,
 * with that member's key, parents first within it; a restore of several
 * goes through the members one after another. It deletes nothing, and
 * loads no versions or trainings. */
SalvageWorkspace *salvage_workspace_new_group     (GPtrArray        *members,
                                                   const char       *name);
gboolean          salvage_workspace_is_group      (SalvageWorkspace *self);
/* (element-type SalvageWorkspace); NULL unless a group. */
GListModel       *salvage_workspace_get_members   (SalvageWorkspace *self);
/* The member whose Trash listed @item (by its origin), or NULL; @self
 * itself when it is not a group. (transfer none) */
SalvageWorkspace *salvage_workspace_get_member_of (SalvageWorkspace *self,
                                                   SalvageTrashItem *item);

GListModel       *salvage_workspace_get_projects  (SalvageWorkspace *self);  /* SalvageProject */
GListModel       *salvage_workspace_get_workflows (SalvageWorkspace *self);  /* SalvageWorkflow */
GListModel       *salvage_workspace_get_trash     (SalvageWorkspace *self);  /* SalvageTrashItem */

/* The entry of the Trash as last listed that is the same record as @item
 * (same salvage_trash_item_dup_key()), or NULL when it is no longer there.
 * (transfer none): the Trash store keeps it. */
SalvageTrashItem *salvage_workspace_find_in_trash (SalvageWorkspace *self,
                                                   SalvageTrashItem *item);

/* Versions of @project and trainings of @version, loaded on demand: the
 * store exists (empty) from the first call and is filled by the _load_ call.
 * A store is keyed by slug (and version number), so a project object from
 * a later refresh maps to the same store. */
GListModel       *salvage_workspace_get_versions  (SalvageWorkspace *self,
                                                   SalvageProject   *project);
GListModel       *salvage_workspace_get_trainings (SalvageWorkspace *self,
                                                   SalvageVersion   *version);
/* FALSE when the last load of @version's trainings found that the server
 * does not list them (a 404: the route, or the key's scope, is missing).
 * That load succeeds with no runs: the version is shown without them. */
gboolean          salvage_workspace_get_trainings_listed (SalvageWorkspace *self,
                                                          SalvageVersion   *version);

/* Projects, workflows and Trash in parallel. Each list whose request
 * succeeded is replaced; a failed one keeps its contents. The first error
 * is returned. */
void              salvage_workspace_refresh_async  (SalvageWorkspace    *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          salvage_workspace_refresh_finish (SalvageWorkspace  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

void              salvage_workspace_refresh_trash_async  (SalvageWorkspace    *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean          salvage_workspace_refresh_trash_finish (SalvageWorkspace  *self,
                                                          GAsyncResult      *result,
                                                          GError           **error);

void              salvage_workspace_load_versions_async  (SalvageWorkspace    *self,
                                                          SalvageProject      *project,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean          salvage_workspace_load_versions_finish (SalvageWorkspace  *self,
                                                          GAsyncResult      *result,
                                                          GError           **error);

void              salvage_workspace_load_trainings_async  (SalvageWorkspace    *self,
                                                           SalvageVersion      *version,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean          salvage_workspace_load_trainings_finish (SalvageWorkspace  *self,
                                                           GAsyncResult      *result,
                                                           GError           **error);

/* Moves @item (a SalvageProject, SalvageVersion, SalvageTraining or
 * SalvageWorkflow) to the Trash. On success it leaves its list at once and
 * the Trash is reloaded; @trash_item_out gets the Trash entry this delete
 * made (for an undo) when it can be found: the one the server's answer
 * names when it names one. @reply (may be NULL; clear it with
 * salvage_delete_reply_clear()) gets what the server said: when the item
 * was in the Trash already (already_in_trash), this delete made no entry
 * and @trash_item_out is NULL; a training's answer may also say what
 * became of its version's alias. On failure the affected lists are
 * reloaded so they stay true to the server. */
void              salvage_workspace_delete_async  (SalvageWorkspace    *self,
                                                   gpointer             item,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          salvage_workspace_delete_finish (SalvageWorkspace   *self,
                                                   GAsyncResult       *result,
                                                   SalvageDeleteReply *reply,
                                                   SalvageTrashItem  **trash_item_out,
                                                   GError            **error);

/* The Trash entries that must come back before @item can (its project, and
 * for a training its version), parents first, followed by @item itself.
 * (element-type SalvageTrashItem) (transfer full) */
GPtrArray        *salvage_workspace_dup_restore_plan (SalvageWorkspace *self,
                                                      SalvageTrashItem *item);

/* The plans of all of @items (element-type SalvageTrashItem) at once:
 * each item with the Trash entries it needs, parents before children, each
 * entry once, in the order of @items otherwise. Parents may come from the
 * Trash or from @items itself. Costs one pass over the Trash, however many
 * items there are. Parents that are not among @items are what
 * restore_many brings back too.
 * (element-type SalvageTrashItem) (transfer full) */
GPtrArray        *salvage_workspace_dup_restore_plan_many (SalvageWorkspace *self,
                                                           GPtrArray        *items);

/* Restores @item, parents first (see dup_restore_plan). */
void              salvage_workspace_restore_async  (SalvageWorkspace    *self,
                                                    SalvageTrashItem    *item,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean          salvage_workspace_restore_finish (SalvageWorkspace  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

/* Restores every item of @items (element-type SalvageTrashItem), parents
 * before children, at most SALVAGE_WORKSPACE_MAX_PARALLEL requests at once.
 * The Trash entries an item needs come back too when they were not asked
 * for (see dup_restore_plan_many). A failure leaves that item (and any
 * child waiting on it) in the Trash.
 * Returns (element-type SalvageRestoreOutcome) one outcome per item of
 * @items, in the same order, followed by one outcome for each parent that
 * was not asked for but had to come back first, parents first; so the
 * first @items->len outcomes always match @items. The finish itself fails
 * only when cancelled. */
void              salvage_workspace_restore_many_async  (SalvageWorkspace    *self,
                                                         GPtrArray           *items,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
GPtrArray        *salvage_workspace_restore_many_finish (SalvageWorkspace  *self,
                                                         GAsyncResult      *result,
                                                         GError           **error);

/* Told of each entry of a restore_many_full as it is done with: @error is
 * NULL when it came back, else why not (its request failed, or a parent
 * it needed could not be restored). */
typedef void (*SalvageRestoreEachFunc) (SalvageTrashItem *item,
                                        const GError     *error,
                                        gpointer          user_data);

/* restore_many, which can also be stopped halfway: once @stop (may be
 * NULL) is cancelled, no further request starts, those under way are
 * answered, the lists are reloaded and the finish succeeds; the entries
 * never sent keep an outcome with G_IO_ERROR_CANCELLED. Cancelling
 * @cancellable instead gives up at once, as with restore_many. @each (may
 * be NULL) is called with @each_data, which must live until @callback, as
 * each entry is done with. Finish it with restore_many_finish. */
void              salvage_workspace_restore_many_full_async (SalvageWorkspace       *self,
                                                             GPtrArray              *items,
                                                             GCancellable           *stop,
                                                             SalvageRestoreEachFunc  each,
                                                             gpointer                each_data,
                                                             GCancellable           *cancellable,
                                                             GAsyncReadyCallback     callback,
                                                             gpointer                user_data);

G_END_DECLS
