/* salvage-restore-cell.c - the last cell of a Trash row: Restore, or why not
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-restore-cell.h"

struct _SalvageRestoreCell
{
  GtkWidget         parent_instance;

  GtkWidget        *button;
  GtkWidget        *unavailable;  /* NULL until needed */
  GtkWidget        *spinner;      /* NULL until needed */
  SalvageTrashItem *item;
  gboolean          busy;
};

G_DEFINE_FINAL_TYPE (SalvageRestoreCell, salvage_restore_cell, GTK_TYPE_WIDGET)

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the cell says about @item, to a screen reader and in its tooltip. */
static char *
dup_label (SalvageTrashItem *item)
{
  g_autofree char *name = NULL;

  if (!salvage_trash_item_get_restorable (item))
    return salvage_format_not_restorable (item);

  name = salvage_trash_item_dup_display_name (item);
  return g_strdup_printf (_("Restore “%s”"), name);
}

/* What the cell says about @item while it is being restored. */
static char *
dup_busy_label (SalvageTrashItem *item)
{
  g_autofree char *name = salvage_trash_item_dup_display_name (item);

  /* Translators: %s names a Trash entry whose restore is under way */
  return g_strdup_printf (_("Restoring “%s”…"), name);
}

/* The tooltip is written when it is about to show: setting one on every
 * bind makes GTK query the pointer from the display for every row. */
static gboolean
query_tooltip_cb (GtkWidget          *widget,
                  int                 x,
                  int                 y,
                  gboolean            keyboard_mode,
                  GtkTooltip         *tooltip,
                  SalvageRestoreCell *self)
{
  g_autofree char *text = NULL;

  if (self->item == NULL)
    return FALSE;

  text = self->busy ? dup_busy_label (self->item) : dup_label (self->item);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* While busy too: the window then says that the restore is on its way. */
static void
clicked_cb (SalvageRestoreCell *self)
{
  if (self->item != NULL && salvage_trash_item_get_restorable (self->item))
    g_signal_emit (self, signals[RESTORE], 0, self->item);
}

static GtkWidget *
add_child (SalvageRestoreCell *self,
           GtkWidget          *child)
{
  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect_object (child, "query-tooltip", G_CALLBACK (query_tooltip_cb), self, 0);
  gtk_widget_set_parent (child, GTK_WIDGET (self));
  return child;
}

static void
salvage_restore_cell_dispose (GObject *object)
{
  SalvageRestoreCell *self = SALVAGE_RESTORE_CELL (object);

  g_clear_pointer (&self->button, gtk_widget_unparent);
  g_clear_pointer (&self->unavailable, gtk_widget_unparent);
  g_clear_pointer (&self->spinner, gtk_widget_unparent);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (salvage_restore_cell_parent_class)->dispose (object);
}

static void
salvage_restore_cell_class_init (SalvageRestoreCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_restore_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, SALVAGE_TYPE_TRASH_ITEM);
}

static void
salvage_restore_cell_init (SalvageRestoreCell *self)
{
}

GtkWidget *
salvage_restore_cell_new (const char *label)
{
  SalvageRestoreCell *self = g_object_new (SALVAGE_TYPE_RESTORE_CELL, NULL);

  /* No mnemonic: every row would claim the same one. Without a label, on
   * a narrow row, an icon leaves the room to the name. */
  if (label != NULL)
    self->button = add_child (self, gtk_button_new_with_label (label));
  else
    self->button = add_child (self, gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_widget_add_css_class (self->button, "flat");
  /* A button is named after its label, which says "Restore" in every row:
   * it is named after its item instead (see salvage_restore_cell_set_item). */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->button),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  g_signal_connect_object (self->button, "clicked", G_CALLBACK (clicked_cb), self,
                           G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/* Shows the button, the spinner or the icon, as the item calls for. */
static void
update (SalvageRestoreCell *self)
{
  g_autofree char *label = NULL;
  gboolean restorable;
  GtkWidget *shown;

  if (self->item == NULL)
    return;

  restorable = salvage_trash_item_get_restorable (self->item);
  if (!restorable && self->unavailable == NULL)
    {
      self->unavailable = add_child (self, gtk_image_new_from_icon_name ("action-unavailable-symbolic"));
      gtk_widget_add_css_class (self->unavailable, "dim-label");
    }

  /* A restore under way: a spinner over the button, whose words give way
   * to it. The button stays, with its width and the focus it may have
   * (the focus comes back to it when the confirmation closes). */
  if (self->busy && self->spinner == NULL)
    {
      self->spinner = adw_spinner_new ();
      gtk_widget_set_halign (self->spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_valign (self->spinner, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (self->spinner, 16, 16);
      gtk_widget_set_can_target (self->spinner, FALSE);
      gtk_widget_set_parent (self->spinner, GTK_WIDGET (self));
    }

  shown = restorable ? self->button : self->unavailable;
  gtk_widget_set_visible (self->button, restorable);
  gtk_widget_set_opacity (gtk_button_get_child (GTK_BUTTON (self->button)), self->busy ? 0 : 1);
  if (self->unavailable != NULL)
    gtk_widget_set_visible (self->unavailable, !restorable);
  if (self->spinner != NULL)
    gtk_widget_set_visible (self->spinner, self->busy && restorable);

  label = self->busy ? dup_busy_label (self->item) : dup_label (self->item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (shown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (shown),
                               GTK_ACCESSIBLE_STATE_BUSY, self->busy,
                               -1);
}

void
salvage_restore_cell_set_item (SalvageRestoreCell *self,
                               SalvageTrashItem   *item)
{
  g_return_if_fail (SALVAGE_IS_RESTORE_CELL (self));
  g_return_if_fail (item == NULL || SALVAGE_IS_TRASH_ITEM (item));

  if (!g_set_object (&self->item, item) || item == NULL)
    return;

  update (self);
}

void
salvage_restore_cell_set_busy (SalvageRestoreCell *self,
                               gboolean            busy)
{
  g_return_if_fail (SALVAGE_IS_RESTORE_CELL (self));

  if (self->busy == !!busy)
    return;

  self->busy = !!busy;
  update (self);
}

gboolean
salvage_restore_cell_get_busy (SalvageRestoreCell *self)
{
  g_return_val_if_fail (SALVAGE_IS_RESTORE_CELL (self), FALSE);

  return self->busy;
}

SalvageTrashItem *
salvage_restore_cell_get_item (SalvageRestoreCell *self)
{
  g_return_val_if_fail (SALVAGE_IS_RESTORE_CELL (self), NULL);

  return self->item;
}
