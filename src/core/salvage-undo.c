/* salvage-undo.c - the deletes that can be undone, one stack per workspace
 *
 * Each delete that made a Trash entry is kept, with that entry, on the
 * stack of its workspace, so that undoing it restores exactly that entry:
 * a version number repeats across projects, and a slug can be in the Trash
 * twice. Entries change state as their delete is undone, or as their
 * entry leaves the Trash another way, and the toast that offered the
 * undo follows them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-undo.h"

/* Entry */

struct _SalvageUndoEntry
{
  GObject           parent_instance;

  char             *name;
  SalvageTrashItem *item;
  char             *workspace;
  SalvageUndoState  state;
  gboolean          shown;
};

G_DEFINE_FINAL_TYPE (SalvageUndoEntry, salvage_undo_entry, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SalvageUndoState, salvage_undo_state,
  G_DEFINE_ENUM_VALUE (SALVAGE_UNDO_AVAILABLE, "available"),
  G_DEFINE_ENUM_VALUE (SALVAGE_UNDO_RESTORING, "restoring"),
  G_DEFINE_ENUM_VALUE (SALVAGE_UNDO_DONE, "done"),
  G_DEFINE_ENUM_VALUE (SALVAGE_UNDO_GONE, "gone"))

enum {
  ENTRY_PROP_0,
  ENTRY_PROP_NAME,
  ENTRY_PROP_ITEM,
  ENTRY_PROP_WORKSPACE,
  ENTRY_PROP_STATE,
  ENTRY_PROP_SHOWN,
  N_ENTRY_PROPS
};

static GParamSpec *entry_properties[N_ENTRY_PROPS];

static void
salvage_undo_entry_finalize (GObject *object)
{
  SalvageUndoEntry *self = SALVAGE_UNDO_ENTRY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->item);
  g_clear_pointer (&self->workspace, g_free);

  G_OBJECT_CLASS (salvage_undo_entry_parent_class)->finalize (object);
}

static void
salvage_undo_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalvageUndoEntry *self = SALVAGE_UNDO_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case ENTRY_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case ENTRY_PROP_WORKSPACE:
      g_value_set_string (value, self->workspace);
      break;
    case ENTRY_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case ENTRY_PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_undo_entry_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalvageUndoEntry *self = SALVAGE_UNDO_ENTRY (object);

  switch (prop_id)
    {
    case ENTRY_PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case ENTRY_PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case ENTRY_PROP_WORKSPACE:
      self->workspace = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_undo_entry_class_init (SalvageUndoEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = salvage_undo_entry_finalize;
  object_class->get_property = salvage_undo_entry_get_property;
  object_class->set_property = salvage_undo_entry_set_property;

  entry_properties[ENTRY_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, SALVAGE_TYPE_TRASH_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_WORKSPACE] =
    g_param_spec_string ("workspace", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SALVAGE_TYPE_UNDO_STATE, SALVAGE_UNDO_AVAILABLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  entry_properties[ENTRY_PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_ENTRY_PROPS, entry_properties);
}

static void
salvage_undo_entry_init (SalvageUndoEntry *self)
{
}

const char *
salvage_undo_entry_get_name (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), NULL);

  return self->name;
}

SalvageTrashItem *
salvage_undo_entry_get_item (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), NULL);

  return self->item;
}

const char *
salvage_undo_entry_get_workspace (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), NULL);

  return self->workspace;
}

SalvageUndoState
salvage_undo_entry_get_state (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), SALVAGE_UNDO_GONE);

  return self->state;
}

gboolean
salvage_undo_entry_get_shown (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), FALSE);

  return self->shown;
}

gboolean
salvage_undo_entry_can_undo (SalvageUndoEntry *self)
{
  g_return_val_if_fail (SALVAGE_IS_UNDO_ENTRY (self), FALSE);

  return self->shown && self->state == SALVAGE_UNDO_AVAILABLE;
}

static void
entry_set_shown (SalvageUndoEntry *self,
                 gboolean          shown)
{
  if (self->shown == !!shown)
    return;

  self->shown = !!shown;
  g_object_notify_by_pspec (G_OBJECT (self), entry_properties[ENTRY_PROP_SHOWN]);
}

/* Stack */

struct _SalvageUndoStack
{
  GObject     parent_instance;

  /* Workspace key → GPtrArray of SalvageUndoEntry, oldest first. */
  GHashTable *stacks;
  char       *shown;
};

G_DEFINE_FINAL_TYPE (SalvageUndoStack, salvage_undo_stack, G_TYPE_OBJECT)

static void
salvage_undo_stack_finalize (GObject *object)
{
  SalvageUndoStack *self = SALVAGE_UNDO_STACK (object);

  g_clear_pointer (&self->stacks, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_free);

  G_OBJECT_CLASS (salvage_undo_stack_parent_class)->finalize (object);
}

static void
salvage_undo_stack_class_init (SalvageUndoStackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_undo_stack_finalize;
}

static void
salvage_undo_stack_init (SalvageUndoStack *self)
{
  self->stacks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_ptr_array_unref);
}

SalvageUndoStack *
salvage_undo_stack_new (void)
{
  return g_object_new (SALVAGE_TYPE_UNDO_STACK, NULL);
}

char *
salvage_undo_stack_dup_key (const char *server,
                            const char *slug)
{
  return g_strconcat (server != NULL ? server : "", "\n", slug != NULL ? slug : "", NULL);
}

static GPtrArray *
lookup_stack (SalvageUndoStack *self,
              const char       *key)
{
  return key != NULL ? g_hash_table_lookup (self->stacks, key) : NULL;
}

SalvageUndoEntry *
salvage_undo_stack_push (SalvageUndoStack *self,
                         const char       *key,
                         const char       *name,
                         SalvageTrashItem *item)
{
  SalvageUndoEntry *entry;
  GPtrArray *stack;

  g_return_val_if_fail (SALVAGE_IS_UNDO_STACK (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  stack = lookup_stack (self, key);
  if (stack == NULL)
    {
      stack = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (self->stacks, g_strdup (key), stack);
    }

  entry = g_object_new (SALVAGE_TYPE_UNDO_ENTRY,
                        "name", name,
                        "item", item,
                        "workspace", key,
                        NULL);
  entry_set_shown (entry, g_strcmp0 (key, self->shown) == 0);
  g_ptr_array_add (stack, entry);

  if (stack->len > SALVAGE_UNDO_STACK_DEPTH)
    salvage_undo_stack_set_state (self, g_ptr_array_index (stack, 0), SALVAGE_UNDO_GONE);

  return entry;
}

void
salvage_undo_stack_set_shown (SalvageUndoStack *self,
                              const char       *key)
{
  GHashTableIter iter;
  const char *stack_key;
  GPtrArray *stack;

  g_return_if_fail (SALVAGE_IS_UNDO_STACK (self));

  g_free (self->shown);
  self->shown = g_strdup (key);

  g_hash_table_iter_init (&iter, self->stacks);
  while (g_hash_table_iter_next (&iter, (gpointer *) &stack_key, (gpointer *) &stack))
    for (guint i = 0; i < stack->len; i++)
      entry_set_shown (g_ptr_array_index (stack, i), g_strcmp0 (stack_key, key) == 0);
}

SalvageUndoEntry *
salvage_undo_stack_peek (SalvageUndoStack *self)
{
  GPtrArray *stack;

  g_return_val_if_fail (SALVAGE_IS_UNDO_STACK (self), NULL);

  stack = lookup_stack (self, self->shown);
  for (guint i = stack != NULL ? stack->len : 0; i > 0; i--)
    {
      SalvageUndoEntry *entry = g_ptr_array_index (stack, i - 1);

      if (entry->state == SALVAGE_UNDO_AVAILABLE)
        return entry;
    }

  return NULL;
}

GPtrArray *
salvage_undo_stack_dup_shown (SalvageUndoStack *self)
{
  GPtrArray *stack;
  GPtrArray *copy;

  g_return_val_if_fail (SALVAGE_IS_UNDO_STACK (self), NULL);

  copy = g_ptr_array_new_with_free_func (g_object_unref);
  stack = lookup_stack (self, self->shown);
  for (guint i = 0; stack != NULL && i < stack->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (stack, i)));

  return copy;
}

void
salvage_undo_stack_set_state (SalvageUndoStack *self,
                              SalvageUndoEntry *entry,
                              SalvageUndoState  state)
{
  g_autoptr(SalvageUndoEntry) kept = NULL;
  GPtrArray *stack;

  g_return_if_fail (SALVAGE_IS_UNDO_STACK (self));
  g_return_if_fail (SALVAGE_IS_UNDO_ENTRY (entry));

  if (entry->state == state)
    return;

  /* Nothing can come of an entry done or gone: it leaves its stack, and
   * lives on only as long as whoever shows it holds it. */
  kept = g_object_ref (entry);
  if (state == SALVAGE_UNDO_DONE || state == SALVAGE_UNDO_GONE)
    {
      stack = lookup_stack (self, entry->workspace);
      if (stack != NULL)
        g_ptr_array_remove (stack, entry);
    }

  entry->state = state;
  g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[ENTRY_PROP_STATE]);
}

void
salvage_undo_stack_forget (SalvageUndoStack *self,
                           const char       *key)
{
  g_autoptr(GPtrArray) stack = NULL;
  g_autofree char *stolen_key = NULL;

  g_return_if_fail (SALVAGE_IS_UNDO_STACK (self));
  g_return_if_fail (key != NULL);

  if (!g_hash_table_steal_extended (self->stacks, key, (gpointer *) &stolen_key,
                                    (gpointer *) &stack))
    return;

  for (guint i = stack->len; i > 0; i--)
    {
      SalvageUndoEntry *entry = g_object_ref (g_ptr_array_index (stack, i - 1));

      entry->state = SALVAGE_UNDO_GONE;
      g_object_notify_by_pspec (G_OBJECT (entry), entry_properties[ENTRY_PROP_STATE]);
      g_object_unref (entry);
    }
}
