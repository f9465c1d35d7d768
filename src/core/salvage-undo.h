/* salvage-undo.h - the deletes that can be undone, one stack per workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

typedef enum
{
  SALVAGE_UNDO_AVAILABLE,  /* its Trash entry is there to be restored */
  SALVAGE_UNDO_RESTORING,  /* being restored */
  SALVAGE_UNDO_DONE,       /* restored by this undo */
  SALVAGE_UNDO_GONE,       /* it left the Trash another way: nothing to undo */
} SalvageUndoState;

#define SALVAGE_TYPE_UNDO_STATE (salvage_undo_state_get_type ())
GType salvage_undo_state_get_type (void) G_GNUC_CONST;

#define SALVAGE_TYPE_UNDO_ENTRY (salvage_undo_entry_get_type ())

G_DECLARE_FINAL_TYPE (SalvageUndoEntry, salvage_undo_entry, SALVAGE, UNDO_ENTRY, GObject)

/*
 * One delete that made a Trash entry.
 *
 * Properties:
 *   "name"       string (construct-only)  what was deleted, as people know it
 *   "item"       SalvageTrashItem (construct-only)  the Trash entry it made
 *   "workspace"  string (construct-only)  the workspace's key (see SalvageUndoStack)
 *   "state"      SalvageUndoState (read-only, notify)
 *   "shown"      boolean (read-only, notify)  its workspace is the one shown:
 *                only then can it be undone
 */

const char       *salvage_undo_entry_get_name      (SalvageUndoEntry *self);
SalvageTrashItem *salvage_undo_entry_get_item      (SalvageUndoEntry *self);
const char       *salvage_undo_entry_get_workspace (SalvageUndoEntry *self);
SalvageUndoState  salvage_undo_entry_get_state     (SalvageUndoEntry *self);
gboolean          salvage_undo_entry_get_shown     (SalvageUndoEntry *self);

/* Whether its Undo can be offered now: available, and in the workspace shown. */
gboolean          salvage_undo_entry_can_undo      (SalvageUndoEntry *self);

#define SALVAGE_TYPE_UNDO_STACK (salvage_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (SalvageUndoStack, salvage_undo_stack, SALVAGE, UNDO_STACK, GObject)

/* How many deletes of one workspace can be undone, most recent first. */
#define SALVAGE_UNDO_STACK_DEPTH 100

SalvageUndoStack *salvage_undo_stack_new          (void);

/* The key of the workspace @slug on @server, as entries name it. */
char             *salvage_undo_stack_dup_key      (const char       *server,
                                                   const char       *slug);

/* A new entry for a delete in workspace @key, on top of its stack; the
 * oldest one goes when the stack is full. (transfer none) */
SalvageUndoEntry *salvage_undo_stack_push         (SalvageUndoStack *self,
                                                   const char       *key,
                                                   const char       *name,
                                                   SalvageTrashItem *item);

/* Makes @key the workspace shown (NULL: none): its entries become "shown",
 * the others not. */
void              salvage_undo_stack_set_shown    (SalvageUndoStack *self,
                                                   const char       *key);

/* The most recent entry of the workspace shown that can be undone, or NULL. */
SalvageUndoEntry *salvage_undo_stack_peek         (SalvageUndoStack *self);

/* The entries of the workspace shown, oldest first. (transfer container) */
GPtrArray        *salvage_undo_stack_dup_shown    (SalvageUndoStack *self);

/* Moves @entry to @state; an entry done or gone leaves its stack. */
void              salvage_undo_stack_set_state    (SalvageUndoStack *self,
                                                   SalvageUndoEntry *entry,
                                                   SalvageUndoState  state);

/* Forgets the stack of workspace @key (its account was removed). */
void              salvage_undo_stack_forget       (SalvageUndoStack *self,
                                                   const char       *key);

G_END_DECLS
