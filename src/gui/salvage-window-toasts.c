/* salvage-window-toasts.c - the session's messages, as the window's toasts
 *
 * A delete's toast holds the undo entry of that delete: its Undo undoes
 * that delete and no other, and the toast follows what becomes of the
 * entry.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-window-private.h"

static void
add_toast (SalvageWindow *self,
           AdwToast      *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @text as it is: toast titles are markup, names and messages are not. */
void
_salvage_window_show_toast (SalvageWindow *self,
                            const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add_toast (self, adw_toast_new (escaped));
}

void
_salvage_window_message_cb (SalvageWindow *self,
                            const char    *text)
{
  _salvage_window_show_toast (self, text);
}

/* A key refused in the middle of a session (revoked, or rotated in the
 * web app) can only be fixed with a new one: offer to enter it. */
void
_salvage_window_key_refused_cb (SalvageWindow *self,
                                const char    *text)
{
  g_autofree char *title = g_markup_escape_text (text, -1);
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Enter Key…"));
  adw_toast_set_action_name (toast, "win.reenter-key");
  add_toast (self, toast);
}

/* A delete's toast follows what becomes of its undo entry: its Undo is
 * offered while the entry can be undone, and it says so when the entry
 * left the Trash another way. */
static void
update_undo_toast (AdwToast         *toast,
                   GParamSpec       *pspec,
                   SalvageUndoEntry *entry)
{
  if (salvage_undo_entry_get_state (entry) == SALVAGE_UNDO_GONE)
    {
      g_autofree char *escaped = g_markup_escape_text (salvage_undo_entry_get_name (entry), -1);
      g_autofree char *title = NULL;

      /* Translators: %s is the name of something deleted earlier */
      title = g_strdup_printf (_("“%s” is no longer in the Trash"), escaped);
      adw_toast_set_title (toast, title);
    }

  adw_toast_set_button_label (toast, salvage_undo_entry_can_undo (entry) ? _("_Undo") : NULL);
}

/* What a delete's toast undoes; the toast owns it. */
typedef struct
{
  GWeakRef          window;
  SalvageUndoEntry *entry;
} UndoButton;

static void
undo_button_free (gpointer  data,
                  GClosure *closure)
{
  UndoButton *button = data;

  g_weak_ref_clear (&button->window);
  g_clear_object (&button->entry);
  g_free (button);
}

static void
undo_clicked_cb (AdwToast   *toast,
                 UndoButton *button)
{
  g_autoptr(SalvageWindow) self = g_weak_ref_get (&button->window);

  if (self != NULL)
    salvage_session_undo_entry (self->session, button->entry);
}

void
_salvage_window_deleted_cb (SalvageWindow    *self,
                            const char       *name,
                            gboolean          already_in_trash,
                            SalvageUndoEntry *entry)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (already_in_trash)
    title = g_strdup_printf (_("“%s” was already in the Trash"), escaped);
  else
    title = g_strdup_printf (_("“%s” moved to Trash"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (entry != NULL)
    {
      UndoButton *button = g_new0 (UndoButton, 1);

      /* The toast holds its entry, and undoes that delete and no other. */
      g_weak_ref_init (&button->window, self);
      button->entry = g_object_ref (entry);
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb),
                             button, undo_button_free, 0);
      g_signal_connect_object (entry, "notify::state", G_CALLBACK (update_undo_toast), toast,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (entry, "notify::shown", G_CALLBACK (update_undo_toast), toast,
                               G_CONNECT_SWAPPED);
      update_undo_toast (toast, NULL, entry);
    }

  add_toast (self, toast);
}
