/* salvage-window-toasts.c - the session's messages, as the window's toasts
 *
 * A toast has room for one line. When a message comes with the whole of
 * its reason (a server's words can be long), the toast says what failed
 * and offers Details, which shows the reason in a dialog.
 *
 * A delete's toast holds the undo entry of that delete: its Undo undoes
 * that delete and no other, and the toast follows what becomes of the
 * entry, from "Restoring…" to the outcome. When the toast is gone (its
 * Undo was clicked, or it timed out), the undo gets a toast of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-window-private.h"

/* What a toast says and does; the toast owns it. */
typedef struct
{
  GWeakRef          window;
  SalvageUndoEntry *entry;    /* a delete's toast: the delete it undoes */
  char             *title;    /* as shown, plain text */
  char             *details;  /* shown by the Details button, or NULL */
} ToastData;

static void
toast_data_free (gpointer  data,
                 GClosure *closure)
{
  ToastData *toast_data = data;

  g_weak_ref_clear (&toast_data->window);
  g_clear_object (&toast_data->entry);
  g_clear_pointer (&toast_data->title, g_free);
  g_clear_pointer (&toast_data->details, g_free);
  g_free (toast_data);
}

static ToastData *
get_toast_data (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), "salvage-toast-data");
}

static void
remember_last (SalvageWindow *self,
               ToastData     *data)
{
  g_free (self->last_toast);
  if (data->details != NULL)
    self->last_toast = g_strconcat (data->title, ": ", data->details, NULL);
  else
    self->last_toast = g_strdup (data->title);
}

/* The button a toast offers: Details when there is a reason to read,
 * else the delete's Undo while it can be undone. */
static void
update_button (AdwToast *toast)
{
  ToastData *data = get_toast_data (toast);

  if (data->details != NULL)
    adw_toast_set_button_label (toast, _("_Details"));
  else if (data->entry != NULL && salvage_undo_entry_can_undo (data->entry))
    adw_toast_set_button_label (toast, _("_Undo"));
  else
    adw_toast_set_button_label (toast, NULL);
}

/* Sets what @toast says: @title as it is (toast titles are markup; names
 * and messages are not), and @details for its Details button. News, when
 * @news is set, rather than an old toast's afterthought. */
static void
set_toast_text (SalvageWindow *self,
                AdwToast      *toast,
                const char    *title,
                const char    *details,
                gboolean       news)
{
  ToastData *data = get_toast_data (toast);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  g_set_str (&data->title, title);
  g_set_str (&data->details, details);
  adw_toast_set_title (toast, escaped);
  update_button (toast);
  if (news)
    remember_last (self, data);
}

static void
details_closed_cb (SalvageWindow *self,
                   AdwDialog     *dialog)
{
  if (self->details_dialog == dialog)
    g_clear_weak_pointer (&self->details_dialog);
}

/* The whole of a message, which may run to many lines, in a dialog. The
 * toast's words go in the body: libadwaita 1.7 cannot lay out a heading
 * wider than the dialog. */
static void
present_details (SalvageWindow *self,
                 const char    *title,
                 const char    *details)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("Details"), title);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (details);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* It can be copied, but the focus goes to Close rather than selecting it all. */
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), scrolled);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "close");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "close");

  g_set_weak_pointer (&self->details_dialog, dialog);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (details_closed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

static void
button_clicked_cb (AdwToast  *toast,
                   ToastData *data)
{
  g_autoptr(SalvageWindow) self = g_weak_ref_get (&data->window);

  if (self == NULL)
    return;

  if (data->details != NULL)
    {
      present_details (self, data->title, data->details);
    }
  else if (data->entry != NULL)
    {
      /* A clicked toast goes away: how the undo goes is told in a new one. */
      if (g_hash_table_lookup (self->undo_toasts, data->entry) == toast)
        g_hash_table_remove (self->undo_toasts, data->entry);
      salvage_session_undo_entry (self->session, data->entry);
    }
}

static void
undo_toast_dismissed_cb (AdwToast  *toast,
                         ToastData *data)
{
  g_autoptr(SalvageWindow) self = g_weak_ref_get (&data->window);

  if (self != NULL && self->undo_toasts != NULL &&
      g_hash_table_lookup (self->undo_toasts, data->entry) == toast)
    g_hash_table_remove (self->undo_toasts, data->entry);
}

/* A delete's toast follows its undo entry: the Undo is offered while the
 * entry can be undone, and the toast says so when the entry left the
 * Trash another way. */
static void
update_undo_toast (AdwToast   *toast,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  ToastData *data = get_toast_data (toast);
  g_autoptr(SalvageWindow) self = g_weak_ref_get (&data->window);

  if (self == NULL)
    return;

  if (salvage_undo_entry_get_state (data->entry) == SALVAGE_UNDO_GONE)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the name of something deleted earlier */
      title = g_strdup_printf (_("“%s” is no longer in the Trash"),
                               salvage_undo_entry_get_name (data->entry));
      set_toast_text (self, toast, title, NULL, FALSE);
      return;
    }

  update_button (toast);
}

/* A new toast saying @title, with @details (may be NULL) behind its
 * Details button, for @entry's delete when not NULL. */
static AdwToast *
toast_new (SalvageWindow    *self,
           SalvageUndoEntry *entry,
           const char       *title,
           const char       *details)
{
  AdwToast *toast = adw_toast_new ("");
  ToastData *data = g_new0 (ToastData, 1);

  g_weak_ref_init (&data->window, self);
  data->entry = entry != NULL ? g_object_ref (entry) : NULL;
  g_object_set_data (G_OBJECT (toast), "salvage-toast-data", data);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (button_clicked_cb),
                         data, toast_data_free, 0);

  if (entry != NULL)
    {
      /* The newest toast of a delete is the one that follows it. */
      g_hash_table_insert (self->undo_toasts, g_object_ref (entry), toast);
      g_signal_connect (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), data);
      g_signal_connect_object (entry, "notify::state", G_CALLBACK (update_undo_toast), toast,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (entry, "notify::shown", G_CALLBACK (update_undo_toast), toast,
                               G_CONNECT_SWAPPED);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    }

  set_toast_text (self, toast, title, details, TRUE);
  return toast;
}

void
_salvage_window_show_toast (SalvageWindow *self,
                            const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (self, NULL, text, NULL));
}

void
_salvage_window_message_cb (SalvageWindow *self,
                            const char    *text,
                            const char    *details)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (self, NULL, text, details));
}

/* A key refused in the middle of a session (revoked, or rotated in the
 * web app) can only be fixed with a new one: offer to enter it. */
void
_salvage_window_key_refused_cb (SalvageWindow *self,
                                const char    *text)
{
  AdwToast *toast = toast_new (self, NULL, text, NULL);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Enter Key…"));
  adw_toast_set_action_name (toast, "win.reenter-key");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_salvage_window_deleted_cb (SalvageWindow    *self,
                            const char       *name,
                            gboolean          already_in_trash,
                            SalvageUndoEntry *entry)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (already_in_trash)
    title = g_strdup_printf (_("“%s” was already in the Trash"), name);
  else
    title = g_strdup_printf (_("“%s” moved to Trash"), name);

  toast = toast_new (self, entry, title, NULL);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The undo of a delete started or ended: its toast says so, or a new one
 * when it has gone. */
void
_salvage_window_undo_changed_cb (SalvageWindow    *self,
                                 SalvageUndoEntry *entry,
                                 const char       *text,
                                 const char       *details)
{
  AdwToast *toast = g_hash_table_lookup (self->undo_toasts, entry);

  if (toast != NULL)
    {
      set_toast_text (self, toast, text, details, TRUE);
      return;
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast_new (self, entry, text, details));
}
