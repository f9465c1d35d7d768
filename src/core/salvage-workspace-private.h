/* salvage-workspace-private.h - what the workspace's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-workspace.h"
#include "salvage-trash-store.h"

G_BEGIN_DECLS

typedef enum
{
  LIST_PROJECTS,
  LIST_WORKFLOWS,
  LIST_TRASH,
  LIST_VERSIONS,
  LIST_TRAININGS,
} ListKind;

/* Names one list: the kind, and for versions and trainings their owner. */
typedef struct
{
  ListKind  kind;
  char     *project_slug;    /* versions, trainings */
  char     *version_number;  /* trainings */
} ListTarget;

typedef struct
{
  ListTarget  target;
  /* The items: the Trash's in a store of records that makes an item only
   * when asked; every other list's in a GListStore. */
  GListStore *store;
  SalvageTrashStore *trash_store;
  GPtrArray  *keys;        /* the key of each item of the store, in the same order */
  gboolean    keys_valid;  /* the Trash's are made when first needed */
  guint       applied;     /* generation of what the store shows */
  GHashTable *tombstones;  /* item key → generation of its removal */
  gboolean    unlisted;    /* trainings: the server would not list them (404) */
} ListState;

/* The list model of a list's items. */
GListModel *_salvage_list_state_get_model (ListState *state);

struct _SalvageWorkspace
{
  GObject        parent_instance;

  SalvageClient *client;
  char          *name;
  GMainContext  *context;

  guint          generation;

  ListState     *projects;
  ListState     *workflows;
  ListState     *trash;
  GHashTable    *versions;   /* project slug → ListState */
  GHashTable    *trainings;  /* "slug/N" → ListState */

  /* What items of its Trash say they came from (interned). */
  const char    *origin;
  /* A group's workspaces (see salvage-workspace-group.c); NULL for one
   * workspace. */
  GListStore    *members;
};

/* salvage-workspace.c */

void        _salvage_workspace_set_name              (SalvageWorkspace *self,
                                                      const char       *name);

/* salvage-workspace-group.c */

SalvageTrashItem *_salvage_workspace_group_find_in_trash (SalvageWorkspace       *self,
                                                          SalvageTrashItem       *item);
void       _salvage_workspace_group_refresh_async      (SalvageWorkspace       *self,
                                                        gpointer                source_tag,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
GPtrArray *_salvage_workspace_group_dup_restore_plan_many (SalvageWorkspace    *self,
                                                           GPtrArray           *items);
void       _salvage_workspace_group_restore_async      (SalvageWorkspace       *self,
                                                        SalvageTrashItem       *item,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);
void       _salvage_workspace_group_restore_many_async (SalvageWorkspace       *self,
                                                        GPtrArray              *items,
                                                        GCancellable           *stop,
                                                        SalvageRestoreEachFunc  each,
                                                        gpointer                each_data,
                                                        GCancellable           *cancellable,
                                                        GAsyncReadyCallback     callback,
                                                        gpointer                user_data);

/* salvage-workspace-lists.c */

void        _salvage_list_target_init                (ListTarget       *target,
                                                      ListKind          kind,
                                                      const char       *project_slug,
                                                      const char       *version_number);
void        _salvage_list_target_clear               (ListTarget       *target);

ListState  *_salvage_list_state_new                  (ListKind          kind,
                                                      const char       *project_slug,
                                                      const char       *version_number);
void        _salvage_list_state_free                 (ListState        *state);

/* The state of the list @target names; versions and trainings lists are
 * made on first use when @create is set. NULL once disposed. */
ListState  *_salvage_workspace_lookup_list           (SalvageWorkspace *self,
                                                      const ListTarget *target,
                                                      gboolean          create);
ListState  *_salvage_workspace_lookup_versions       (SalvageWorkspace *self,
                                                      const char       *project_slug,
                                                      gboolean          create);
ListState  *_salvage_workspace_lookup_trainings      (SalvageWorkspace *self,
                                                      const char       *project_slug,
                                                      const char       *version_number,
                                                      gboolean          create);

/* Takes the item with @key out of @state at once, and keeps it out of any
 * response to a request that began before now. */
void        _salvage_workspace_list_remove           (SalvageWorkspace *self,
                                                      ListState        *state,
                                                      const char       *key);
/* Empties @state, as newer than any answer still on its way. */
void        _salvage_workspace_list_clear            (SalvageWorkspace *self,
                                                      ListState        *state);

/* A set of the workspace's lists, to reload together. */
GPtrArray  *_salvage_workspace_list_set_new          (void);
void        _salvage_workspace_list_set_add          (GPtrArray        *set,
                                                      ListKind          kind,
                                                      const char       *project_slug,
                                                      const char       *version_number);
void        _salvage_workspace_list_set_add_trash    (GPtrArray        *lists);
void       _salvage_workspace_list_set_add_restored (SalvageWorkspace *self,
                                                     GPtrArray        *lists,
                                                     SalvageTrashItem *item);

/* One request per list of @lists, all at once; each list whose request
 * succeeded is updated, and the first error is returned. */
void       _salvage_workspace_reload_lists_async    (SalvageWorkspace    *self,
                                                     GPtrArray           *lists,
                                                     gpointer             source_tag,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean   _salvage_workspace_reload_lists_finish   (SalvageWorkspace  *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
/* The same for one list. */
void       _salvage_workspace_reload_one_async      (SalvageWorkspace    *self,
                                                     ListKind             kind,
                                                     const char          *project_slug,
                                                     const char          *version_number,
                                                     gpointer             source_tag,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);

void       _salvage_workspace_take_out_of_trash     (SalvageWorkspace *self,
                                                     SalvageTrashItem *item);

/* Whether the caller runs on the main context the workspace was made on. */
gboolean   _salvage_workspace_is_home_context       (SalvageWorkspace *self);

/* Whether @a was deleted after @b; an unknown date counts as oldest. */
static inline gboolean
_salvage_trash_item_deleted_later (SalvageTrashItem *a,
                                   SalvageTrashItem *b)
{
  GDateTime *da = salvage_trash_item_get_deleted_at (a);
  GDateTime *db = salvage_trash_item_get_deleted_at (b);

  if (da == NULL)
    return FALSE;
  if (db == NULL)
    return TRUE;
  return g_date_time_compare (da, db) > 0;
}

G_END_DECLS
