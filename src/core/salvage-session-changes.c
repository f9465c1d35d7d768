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
  SalvageSession   *self;
  SalvageWorkspace *workspace;
  GObject          *item;
  char             *name;
  char             *version_number;  /* a training's */
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->workspace);
  g_clear_object (&data->item);
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

  /* Only the workspace shown has its items marked. */
  if (workspace == self->workspace)
    _salvage_session_set_busy (self, data->item, SALVAGE_BUSY_NONE);

  if (!salvage_workspace_delete_finish (workspace, result, &reply, &trash_item, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s is a name; the reason is shown apart */
      message = g_strdup_printf (_("Could not move “%s” to the Trash"), data->name);
      _salvage_session_say_failure (self, message, error->message);
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

  /* Once is enough: the second request could only meet a 404. */
  if (self->workspace == NULL || salvage_session_get_busy (self, item) != SALVAGE_BUSY_NONE)
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->workspace = g_object_ref (self->workspace);
  data->item = g_object_ref (item);
  data->name = g_strdup (name);
  if (SALVAGE_IS_TRAINING (item))
    data->version_number = g_strdup (salvage_training_get_version_number (item));
  _salvage_session_set_busy (self, item, SALVAGE_BUSY_DELETING);
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
  SalvageTrashItem *item;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->entry);
  g_clear_object (&data->item);
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

  if (workspace == self->workspace)
    _salvage_session_set_busy (self, data->item, SALVAGE_BUSY_NONE);

  if (salvage_workspace_restore_finish (workspace, result, &error))
    {
      salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_DONE);
      message = g_strdup_printf (_("“%s” restored"), name);
      _salvage_session_emit_undo_changed (self, entry, message, NULL);
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

  /* Translators: %s is a name; the reason is shown apart */
  message = g_strdup_printf (_("Could not restore “%s”"), name);
  _salvage_session_emit_undo_changed (self, entry, message, error->message);
}

void
salvage_session_undo_entry (SalvageSession   *self,
                            SalvageUndoEntry *entry)
{
  SalvageTrashItem *item = NULL;
  g_autofree char *message = NULL;
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
      /* Translators: %s is the name of something deleted earlier */
      message = g_strdup_printf (_("“%s” is no longer in the Trash, so its deletion cannot be undone"),
                                 salvage_undo_entry_get_name (entry));
      salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_GONE);
      _salvage_session_say (self, message);
      return;
    }

  /* Already on its way back, from the Trash page say: once is enough. */
  if (salvage_session_get_busy (self, item) != SALVAGE_BUSY_NONE)
    {
      /* Translators: %s is the name of something deleted earlier */
      message = g_strdup_printf (_("“%s” is being restored already"),
                                 salvage_undo_entry_get_name (entry));
      _salvage_session_say (self, message);
      return;
    }

  salvage_undo_stack_set_state (self->undo, entry, SALVAGE_UNDO_RESTORING);

  data = g_new0 (UndoData, 1);
  data->self = g_object_ref (self);
  data->entry = g_object_ref (entry);
  data->item = g_object_ref (item);
  _salvage_session_set_busy (self, item, SALVAGE_BUSY_RESTORING);
  salvage_workspace_restore_async (self->workspace, item, self->cancellable, undo_cb, data);

  /* Translators: %s is the name of something deleted earlier */
  message = g_strdup_printf (_("Restoring “%s”…"), salvage_undo_entry_get_name (entry));
  _salvage_session_emit_undo_changed (self, entry, message, NULL);
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
  SalvageSession   *self;
  SalvageWorkspace *workspace;
  GPtrArray        *items;   /* SalvageTrashItem, as sent */
  gboolean          batch;   /* several items: the restore whose progress is told */
  guint             done;
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->workspace);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RestoreData, restore_data_free)

/* The failures a message lists in full, at most. */
#define MAX_FAILURES_LISTED 20

/* Each failure of @outcomes, one a line, for a message's details. */
static char *
dup_failures (GPtrArray *outcomes,
              guint      n_failed)
{
  GString *text = g_string_new (NULL);
  guint n_listed = 0;

  for (guint i = 0; i < outcomes->len && n_listed < MAX_FAILURES_LISTED; i++)
    {
      const SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);
      g_autofree char *name = NULL;

      if (outcome->error == NULL ||
          g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        continue;

      name = salvage_trash_item_dup_display_name (outcome->item);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: a name, then why it could not be restored */
      g_string_append_printf (text, _("“%s”: %s"), name, outcome->error->message);
      n_listed++;
    }

  if (n_failed > n_listed)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "and %'u more",
                                                 "and %'u more",
                                                 n_failed - n_listed),
                              n_failed - n_listed);
    }

  return g_string_free (text, FALSE);
}

/* Tells what restoring @items came to. */
static void
say_restored (SalvageSession *self,
              GPtrArray      *items,
              GPtrArray      *outcomes)
{
  const SalvageRestoreOutcome *first_failure = NULL;
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  guint n_failed = 0;
  guint n_stopped = 0;
  guint n_restored;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->error == NULL)
        continue;

      if (g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          n_stopped++;
          continue;
        }

      if (first_failure == NULL)
        first_failure = outcome;
      n_failed++;
    }

  n_restored = outcomes->len - n_failed - n_stopped;

  if (n_stopped > 0)
    {
      /* Translators: how many of how many items were restored before the
       * user stopped the restore */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Restore stopped: %'u of %'u item restored",
                                           "Restore stopped: %'u of %'u items restored",
                                           outcomes->len),
                              n_restored, outcomes->len);
      if (n_failed > 0)
        details = dup_failures (outcomes, n_failed);
    }
  else if (first_failure == NULL)
    {
      if (items->len == 1)
        {
          g_autofree char *name = salvage_trash_item_dup_display_name (g_ptr_array_index (items, 0));

          text = g_strdup_printf (_("“%s” restored"), name);
        }
      else
        {
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%'u item restored",
                                               "%'u items restored",
                                               n_restored),
                                  n_restored);
        }
    }
  else if (n_failed == 1)
    {
      g_autofree char *name = salvage_trash_item_dup_display_name (first_failure->item);

      /* Translators: %s is a name; the reason is shown apart */
      text = g_strdup_printf (_("Could not restore “%s”"), name);
      details = g_strdup (first_failure->error->message);
    }
  else
    {
      /* Translators: the counts of restored items and of those that could not be */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%'u restored, %'u could not be",
                                           "%'u restored, %'u could not be",
                                           n_failed),
                              n_restored, n_failed);
      details = dup_failures (outcomes, n_failed);
    }

  _salvage_session_say_failure (self, text, details);
}

static void
restore_each_cb (SalvageTrashItem *item,
                 const GError     *error,
                 gpointer          user_data)
{
  RestoreData *data = user_data;
  SalvageSession *self = data->self;

  if (data->workspace != self->workspace)
    return;

  /* Back, or still in the Trash and free to be tried again. */
  _salvage_session_set_busy (self, item, SALVAGE_BUSY_NONE);

  data->done++;
  if (data->batch && self->batch == data)
    _salvage_session_set_restore_progress (self, self->restore_total,
                                           MIN (data->done, self->restore_total),
                                           self->restore_stopping);
}

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(RestoreData) data = user_data;
  SalvageSession *self = data->self;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  outcomes = salvage_workspace_restore_many_finish (SALVAGE_WORKSPACE (object), result, &error);

  /* A workspace no longer shown took its marks and its progress along. */
  if (data->workspace == self->workspace)
    {
      _salvage_session_set_busy_many (self, data->items, SALVAGE_BUSY_NONE);

      if (self->batch == data)
        {
          self->batch = NULL;
          g_clear_object (&self->restore_stop);
          _salvage_session_set_restore_progress (self, 0, 0, FALSE);
        }
    }

  if (outcomes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _salvage_session_say (data->self, error->message);
      return;
    }

  say_restored (self, data->items, outcomes);
}

void
salvage_session_restore (SalvageSession *self,
                         GPtrArray      *items)
{
  g_autoptr(GPtrArray) to_restore = NULL;
  RestoreData *data;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (items != NULL);

  if (self->workspace == NULL)
    return;

  /* What is on its way back already is not asked for twice. */
  to_restore = g_ptr_array_new_full (items->len, g_object_unref);
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);

      if (salvage_session_get_busy (self, item) == SALVAGE_BUSY_NONE)
        g_ptr_array_add (to_restore, g_object_ref (item));
    }

  if (to_restore->len == 0)
    return;

  if (to_restore->len > 1 && self->batch != NULL)
    {
      _salvage_session_say (self, _("Another restore is under way: wait for it to finish, or stop it"));
      return;
    }

  data = g_new0 (RestoreData, 1);
  data->self = g_object_ref (self);
  data->workspace = g_object_ref (self->workspace);
  data->items = g_ptr_array_ref (to_restore);
  data->batch = to_restore->len > 1;

  _salvage_session_set_busy_many (self, to_restore, SALVAGE_BUSY_RESTORING);

  if (data->batch)
    {
      self->batch = data;
      self->restore_stop = g_cancellable_new ();
      _salvage_session_set_restore_progress (self, to_restore->len, 0, FALSE);
    }

  salvage_workspace_restore_many_full_async (self->workspace, to_restore,
                                             data->batch ? self->restore_stop : NULL,
                                             restore_each_cb, data,
                                             self->cancellable, restore_cb, data);
}

void
salvage_session_stop_restore (SalvageSession *self)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));

  if (self->batch == NULL || self->restore_stopping)
    return;

  g_cancellable_cancel (self->restore_stop);
  _salvage_session_set_restore_progress (self, self->restore_total, self->restore_done, TRUE);
}

guint
salvage_session_get_restore_total (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), 0);

  return self->restore_total;
}

guint
salvage_session_get_restore_done (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), 0);

  return self->restore_done;
}

gboolean
salvage_session_get_restore_stopping (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), FALSE);

  return self->restore_stopping;
}
