/* salvage-name-cell.c - the Name cell of the Projects tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-name-cell.h"

#include "salvage-page-util.h"

struct _SalvageNameCell
{
  GtkWidget  parent_instance;

  GtkWidget *spinner;      /* only on a level still loading; made then */
  GtkWidget *icon;         /* only on a level that failed; made then */
  GtkWidget *inscription;
};

G_DEFINE_FINAL_TYPE (SalvageNameCell, salvage_name_cell, GTK_TYPE_WIDGET)

static void
salvage_name_cell_dispose (GObject *object)
{
  SalvageNameCell *self = SALVAGE_NAME_CELL (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->spinner = NULL;
  self->icon = NULL;
  self->inscription = NULL;

  G_OBJECT_CLASS (salvage_name_cell_parent_class)->dispose (object);
}

static void
salvage_name_cell_class_init (SalvageNameCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_name_cell_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
salvage_name_cell_init (SalvageNameCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->inscription = gtk_inscription_new (NULL);
  gtk_widget_set_valign (self->inscription, GTK_ALIGN_CENTER);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->inscription), 28);
  gtk_widget_set_hexpand (self->inscription, TRUE);
  gtk_widget_set_parent (self->inscription, GTK_WIDGET (self));
}

GtkWidget *
salvage_name_cell_new (void)
{
  return g_object_new (SALVAGE_TYPE_NAME_CELL, NULL);
}

void
salvage_name_cell_set (SalvageNameCell     *self,
                       SalvageNameCellKind  kind,
                       const char          *text)
{
  gboolean failed = kind == SALVAGE_NAME_CELL_FAILED;

  g_return_if_fail (SALVAGE_IS_NAME_CELL (self));

  /* The spinner and the icon are shown on few cells: each is made the
   * first time its cell needs it, and then hidden when a row is reused
   * for a project. */
  if (kind == SALVAGE_NAME_CELL_LOADING && self->spinner == NULL)
    {
      self->spinner = adw_spinner_new ();
      gtk_widget_insert_before (self->spinner, GTK_WIDGET (self),
                                gtk_widget_get_first_child (GTK_WIDGET (self)));
    }
  if (failed && self->icon == NULL)
    {
      self->icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");
      gtk_widget_add_css_class (self->icon, "error");
      gtk_widget_insert_before (self->icon, GTK_WIDGET (self), self->inscription);
    }

  if (self->spinner != NULL)
    gtk_widget_set_visible (self->spinner, kind == SALVAGE_NAME_CELL_LOADING);
  if (self->icon != NULL)
    gtk_widget_set_visible (self->icon, failed);
  if (kind == SALVAGE_NAME_CELL_NOTE)
    gtk_widget_add_css_class (self->inscription, "dim-label");
  else
    gtk_widget_remove_css_class (self->inscription, "dim-label");
  /* A long message is cut short in the cell; the tooltip has all of it. */
  salvage_cell_set_tooltip (self->inscription, failed ? text : NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (self->inscription), text);
}
