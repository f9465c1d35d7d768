/* salvage-session-changes.c - deleting, restoring and undoing in the workspace shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-session-private.h"

/* Delete */

typedef struct
{
  SalvageSession *self;
  char           *name;
  char           *version_number;  /* a training's */
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->name, g_free);
  g_clear_pointer (&data->version_number, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteData, delete_data_free)

/* What a training's delete did to the model its version is served by,
 * when the server said: another run's model serves it now, or none does. */
static char *
dup_alias_message (DeleteData               *data,
                   const SalvageDeleteReply *reply)
{
  const char *action = reply->version_alias_action;
  const char *target = reply->version_alias_target;

  if (data->version_number == NULL || action == NULL)
    return NULL;

  if (g_str_equal (action, "repointed") && target != NULL)
    /* Translators: the first %s is a version number, the second names a model */
    return g_strdup_printf (_("Version %s is now served by the model “%s”"),
                            data->version_number, target);

  if (g_str_equal (action, "repointed"))
    /* Translators: %s is a version number */
    return g_strdup_printf (_("Version %s is now served by another model"),
                            data->version_number);

  if (g_str_equal (action, "deleted"))
    /* Translators: %s is a version number */
    return g_strdup_printf (_("Version %s is no longer served by any model"),
                            data->version_number);

  return NULL;
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  SalvageSession *self = data->self;
  SalvageWorkspace *workspace = SALVAGE_WORKSPACE (object);
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { FALSE, };
  g_autofree char *alias_message = NULL;
  SalvageUndoEntry *entry = NULL;

  if (!salvage_workspace_delete_finish (workspace, result, &reply, &trash_item, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: the first %s is a name, the second the reason */
      message = g_strdup_printf (_("Could not move “%s” to the Trash: %s"), data->name, error->message);
      _salvage_session_say (self, message);
      return;
    }

  /* Only a delete that made a Trash entry can be undone, in the workspace
   * it was done in: the entry restores that Trash entry and no other. */
  if (trash_item != NULL)
    {
      g_autofree char *key = _salvage_session_dup_undo_key (salvage_workspace_get_client (workspace));

      entry = salvage_undo_stack_push (self->undo, key, data->name, trash_item);
    }

  _salvage_session_emit_deleted (self, data->name, reply.already_in_trash, entry);

  if ((alias_message = dup_alias_message (data, &reply)) != NULL)
    _salvage_session_say (self, alias_message);
}

void
salvage_session_delete (SalvageSession *self,
                        gpointer        item,
                        const char     *name)
{
  DeleteData *data;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (G_IS_OBJECT (item));
  g_return_if_fail (name != NULL);

  if (self->workspace == NULL)
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->name = g_strdup (name);
  if (SALVAGE_IS_TRAINING (item))
    data->version_number = g_strdup (salvage_training_get_version_number (item));
  salvage_workspace_delete_async (self->workspace, item, self->cancellable, delete_cb, data);
}

/* Undo */

/* An entry whose Trash entry has gone (restored from the Trash page or
 * elsewhere, or cleaned up) can no longer be undone. Checked once the
 * Trash has settled, not on each of the changes of a long restore. */
static gboolean
check_undo_cb (gpointer user_data)
{
  SalvageSession *self = SALVAGE_SESSION (user_data);
  g_autoptr(GPtrArray) entries = salvage_undo_stack_dup_shown (self->undo);

  self->undo_check_id = 0;

  for (guint i = 0; self->workspace != NULL && i < entries->len; i++)
    {
      SalvageUndoEntry *entry = g_ptr_array_index (entries, i);

      if (salvage_undo_entry_get_state (entry) == SALVAGE_UNDO_AVAILABLE &&
          salvage_workspace_find_in_trash (self->workspace, salvage_undo_entry_get_item (entry)) == NULL)
        salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_GONE);
    }

  return G_SOURCE_REMOVE;
}

void
_salvage_session_trash_changed (SalvageSession *self)
{
  if (self->undo_check_id == 0 && salvage_undo_stack_peek (self->undo) != NULL)
    self->undo_check_id = g_idle_add (check_undo_cb, self);
}

typedef struct
{
  SalvageSession   *self;
  SalvageUndoEntry *entry;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->entry);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UndoData, undo_data_free)

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(UndoData) data = user_data;
  SalvageSession *self = data->self;
  SalvageWorkspace *workspace = SALVAGE_WORKSPACE (object);
  SalvageUndoEntry *entry = data->entry;
  const char *name = salvage_undo_entry_get_name (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (salvage_workspace_restore_finish (workspace, result, &error))
    {
      salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_DONE);
      message = g_strdup_printf (_("“%s” restored"), name);
      _salvage_session_say (self, message);
      return;
    }

  /* Still in the Trash (the server was not reached, _salvage_session_say): it can be tried
   * again. Gone from it: there is nothing left to undo. */
  if (salvage_workspace_find_in_trash (workspace, salvage_undo_entry_get_item (entry)) != NULL)
    salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_AVAILABLE);
  else
    salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_GONE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  message = g_strdup_printf (_("Could not restore “%s”: %s"), name, error->message);
  _salvage_session_say (self, message);
}

void
salvage_session_undo_entry (SalvageSession   *self,
                            SalvageUndoEntry *entry)
{
  SalvageTrashItem *item = NULL;
  UndoData *data;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (SALVAGE_IS_UNDO_ENTRY (entry));

  if (!salvage_undo_entry_can_undo (entry) || self->workspace == NULL)
    {
      /* Undone already, or its workspace is no longer shown. */
      if (salvage_undo_entry_get_state (entry) != SALVAGE_UNDO_GONE)
        {
          _salvage_session_say (self, _("This deletion can no longer be undone"));
          return;
        }
    }
  else
    {
      item = salvage_workspace_find_in_trash (self->workspace, salvage_undo_entry_get_item (entry));
    }

  if (item == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of something deleted earlier */
      message = g_strdup_printf (_("“%s” is no longer in the Trash, so its deletion cannot be undone"),
                                 salvage_undo_entry_get_name (entry));
      salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_GONE);
      _salvage_session_say (self, message);
      return;
    }

  salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_RESTORING);

  data = g_new0 (UndoData, 1);
  data->self = g_object_ref (self);
  data->entry = g_object_ref (entry);
  salvage_workspace_restore_async (self->workspace, item, self->cancellable, undo_cb, data);
}

void
salvage_session_undo (SalvageSession *self)
{
  SalvageUndoEntry *entry;

  g_return_if_fail (SALVAGE_IS_SESSION (self));

  entry = salvage_undo_stack_peek (self->undo);
  if (entry == NULL)
    {
      _salvage_session_say (self, _("Nothing to undo"));
      return;
    }

  salvage_session_undo_entry (self, entry);
}

/* Restore */

typedef struct
{
  SalvageSession *self;
  GPtrArray      *items;   /* SalvageTrashItem, as sent */
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RestoreData, restore_data_free)

/* What restoring @items came to, in one sentence. */
static char *
dup_restored_message (GPtrArray *items,
                      GPtrArray *outcomes)
{
  const SalvageRestoreOutcome *first_failure = NULL;
  guint n_failed = 0;
  guint n_restored;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->error != NULL)
        {
          if (first_failure == NULL)
            first_failure = outcome;
          n_failed++;
        }
    }

  n_restored = outcomes->len - n_failed;

  if (first_failure == NULL)
    {
      if (items->len == 1)
        {
          g_autofree char *name = salvage_trash_item_dup_display_name (g_ptr_array_index (items, 0));

          return g_strdup_printf (_("“%s” restored"), name);
        }

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'u item restored",
                                           "%'u items restored",
                                           n_restored),
                              n_restored);
    }
  else
    {
      g_autofree char *name = salvage_trash_item_dup_display_name (first_failure->item);

      if (n_failed == 1)
        return g_strdup_printf (_("Could not restore “%s”: %s"),
                                name, first_failure->error->message);

      /* Translators: the counts of restored and failed items, then the first failure */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'u restored, %'u could not be; “%s”: %s",
                                           "%'u restored, %'u could not be; “%s”: %s",
                                           n_failed),
                              n_restored, n_failed, name, first_failure->error->message);
    }
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RestoreData) data = user_data;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  outcomes = salvage_workspace_restore_many_finish (SALVAGE_WORKSPACE (object), result, &error);
  if (outcomes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _salvage_session_say (data->self, error->message);
      return;
    }

  message = dup_restored_message (data->items, outcomes);
  _salvage_session_say (data->self, message);
}

void
salvage_session_restore (SalvageSession *self,
                         GPtrArray      *items)
{
  RestoreData *data;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (items != NULL);

  if (self->workspace == NULL || items->len == 0)
    return;

  data = g_new0 (RestoreData, 1);
  data->self = g_object_ref (self);
  data->items = g_ptr_array_ref (items);
  salvage_workspace_restore_many_async (self->workspace, items, self->cancellable,
                                        restore_cb, data);
}
