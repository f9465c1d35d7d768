/* salvage-restore-progress.c - how far a restore of many items is, with a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-restore-progress.h"

struct _SalvageRestoreProgress
{
  AdwBin          parent_instance;

  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkProgressBar *bar;
  GtkWidget      *cancel_button;

  SalvageSession *session;
};

G_DEFINE_FINAL_TYPE (SalvageRestoreProgress, salvage_restore_progress, ADW_TYPE_BIN)

static void
update (SalvageRestoreProgress *self)
{
  guint total = salvage_session_get_restore_total (self->session);
  guint done = salvage_session_get_restore_done (self->session);
  gboolean stopping = salvage_session_get_restore_stopping (self->session);
  g_autofree char *n_done = NULL;
  g_autofree char *n_total = NULL;
  g_autofree char *text = NULL;

  /* What is left on screen as the bar slides away is the last it said. */
  gtk_revealer_set_reveal_child (self->revealer, total > 0);
  if (total == 0)
    return;

  n_done = salvage_format_count (done);
  n_total = salvage_format_count (total);
  if (stopping)
    /* Translators: how many of how many items are back; the restore is
     * stopping after the requests already sent */
    text = g_strdup_printf (_("Stopping… %s of %s restored"), n_done, n_total);
  else
    /* Translators: how many of how many items are done with so far */
    text = g_strdup_printf (_("Restoring %s of %s"), n_done, n_total);

  gtk_label_set_label (self->label, text);
  gtk_progress_bar_set_fraction (self->bar, (double) done / total);
  gtk_widget_set_sensitive (self->cancel_button, !stopping);
}

static void
cancel_clicked_cb (SalvageRestoreProgress *self)
{
  if (self->session != NULL)
    salvage_session_stop_restore (self->session);
}

static void
salvage_restore_progress_dispose (GObject *object)
{
  SalvageRestoreProgress *self = SALVAGE_RESTORE_PROGRESS (object);

  /* The revealer is both a template child and the bin's child: leave the
   * bin first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_RESTORE_PROGRESS);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (salvage_restore_progress_parent_class)->dispose (object);
}

static void
salvage_restore_progress_class_init (SalvageRestoreProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_restore_progress_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-restore-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageRestoreProgress, revealer);
  gtk_widget_class_bind_template_child (widget_class, SalvageRestoreProgress, label);
  gtk_widget_class_bind_template_child (widget_class, SalvageRestoreProgress, bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageRestoreProgress, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

static void
salvage_restore_progress_init (SalvageRestoreProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
salvage_restore_progress_set_session (SalvageRestoreProgress *self,
                                      SalvageSession         *session)
{
  g_return_if_fail (SALVAGE_IS_RESTORE_PROGRESS (self));
  g_return_if_fail (SALVAGE_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  g_signal_connect_object (session, "notify::restore-total", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::restore-done", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::restore-stopping", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

const char *
salvage_restore_progress_get_text (SalvageRestoreProgress *self)
{
  g_return_val_if_fail (SALVAGE_IS_RESTORE_PROGRESS (self), NULL);

  return gtk_label_get_label (self->label);
}

GtkWidget *
salvage_restore_progress_get_cancel (SalvageRestoreProgress *self)
{
  g_return_val_if_fail (SALVAGE_IS_RESTORE_PROGRESS (self), NULL);

  return self->cancel_button;
}

gboolean
salvage_restore_progress_get_shown (SalvageRestoreProgress *self)
{
  g_return_val_if_fail (SALVAGE_IS_RESTORE_PROGRESS (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}
