/* salvage-days-left-cell.c - the days a Trash entry has left, with a warning near the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-days-left-cell.h"
#include "salvage-format.h"
#include "salvage-page-util.h"

struct _SalvageDaysLeftCell
{
  GtkWidget  parent_instance;

  GtkWidget *icon;
  GtkWidget *inscription;
  gboolean   soon;
};

G_DEFINE_FINAL_TYPE (SalvageDaysLeftCell, salvage_days_left_cell, GTK_TYPE_WIDGET)

static void
salvage_days_left_cell_dispose (GObject *object)
{
  SalvageDaysLeftCell *self = SALVAGE_DAYS_LEFT_CELL (object);

  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->inscription, gtk_widget_unparent);

  G_OBJECT_CLASS (salvage_days_left_cell_parent_class)->dispose (object);
}

static void
salvage_days_left_cell_class_init (SalvageDaysLeftCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_days_left_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
salvage_days_left_cell_init (SalvageDaysLeftCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  /* Numbers line up at the end of the column, the icon right before its
   * number. */
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_END);
  gtk_widget_add_css_class (GTK_WIDGET (self), "days-left");

  self->inscription = gtk_inscription_new (NULL);
  gtk_widget_set_valign (self->inscription, GTK_ALIGN_CENTER);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (self->inscription), 1.0);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->inscription), 8);
  gtk_widget_add_css_class (self->inscription, "numeric");
  gtk_widget_set_parent (self->inscription, GTK_WIDGET (self));
}

GtkWidget *
salvage_days_left_cell_new (void)
{
  return g_object_new (SALVAGE_TYPE_DAYS_LEFT_CELL, NULL);
}

void
salvage_days_left_cell_set (SalvageDaysLeftCell *self,
                            int                  days_left,
                            gboolean             soon)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SALVAGE_IS_DAYS_LEFT_CELL (self));

  text = salvage_format_days_left (days_left);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->inscription), text);

  soon = soon && days_left >= 0;
  self->soon = soon;

  /* The icon is made the first time the cell warns: most rows of a large
   * Trash never do, and a list view keeps widgets for 200 rows. */
  if (soon && self->icon == NULL)
    {
      self->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_set_valign (self->icon, GTK_ALIGN_CENTER);
      gtk_widget_insert_before (self->icon, GTK_WIDGET (self), self->inscription);
    }
  if (self->icon == NULL)
    return;

  gtk_widget_set_visible (self->icon, soon);

  if (soon)
    {
      const char *warning = _("Removed for good soon");

      gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
      salvage_cell_set_tooltip (self->icon, warning);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, warning,
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "warning");
      salvage_cell_set_tooltip (self->icon, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->icon), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

gboolean
salvage_days_left_cell_get_soon (SalvageDaysLeftCell *self)
{
  g_return_val_if_fail (SALVAGE_IS_DAYS_LEFT_CELL (self), FALSE);

  return self->soon;
}

GtkWidget *
salvage_days_left_cell_get_icon (SalvageDaysLeftCell *self)
{
  g_return_val_if_fail (SALVAGE_IS_DAYS_LEFT_CELL (self), NULL);

  return self->icon;
}
