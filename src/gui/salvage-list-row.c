/* salvage-list-row.c - a row of a page on a narrow window: a title, a line about it, and what ends the row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-list-row.h"

struct _SalvageListRow
{
  GtkWidget  parent_instance;

  GtkWidget *labels;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *suffixes;
};

G_DEFINE_FINAL_TYPE (SalvageListRow, salvage_list_row, GTK_TYPE_WIDGET)

static void
salvage_list_row_dispose (GObject *object)
{
  SalvageListRow *self = SALVAGE_LIST_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  self->labels = NULL;
  self->title = NULL;
  self->subtitle = NULL;
  self->suffixes = NULL;

  G_OBJECT_CLASS (salvage_list_row_parent_class)->dispose (object);
}

static void
salvage_list_row_class_init (SalvageListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_list_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "salvage-list-row");
}

static GtkWidget *
inscription_new (const char *css_class)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* A row is as narrow as the window lets it be: the text gives way. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 30);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (inscription, css_class);

  return inscription;
}

static void
salvage_list_row_init (SalvageListRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);

  self->labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (self->labels, TRUE);
  gtk_widget_set_valign (self->labels, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->labels, GTK_WIDGET (self));

  self->title = inscription_new (NULL);
  gtk_box_append (GTK_BOX (self->labels), self->title);

  self->subtitle = inscription_new ("dim-label");
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_box_append (GTK_BOX (self->labels), self->subtitle);

  self->suffixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (self->suffixes, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->suffixes, GTK_WIDGET (self));
}

GtkWidget *
salvage_list_row_new (void)
{
  return g_object_new (SALVAGE_TYPE_LIST_ROW, NULL);
}

void
salvage_list_row_set_title (SalvageListRow *self,
                            const char     *title)
{
  g_return_if_fail (SALVAGE_IS_LIST_ROW (self));

  gtk_inscription_set_text (GTK_INSCRIPTION (self->title), title);
}

void
salvage_list_row_set_subtitle (SalvageListRow *self,
                               const char     *subtitle)
{
  g_return_if_fail (SALVAGE_IS_LIST_ROW (self));

  gtk_inscription_set_text (GTK_INSCRIPTION (self->subtitle), subtitle);
  gtk_widget_set_visible (self->subtitle, subtitle != NULL && *subtitle != '\0');
}

void
salvage_list_row_add_suffix (SalvageListRow *self,
                             GtkWidget      *widget)
{
  g_return_if_fail (SALVAGE_IS_LIST_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->suffixes), widget);
}

GtkWidget *
salvage_list_row_get_suffix (SalvageListRow *self,
                             guint           index)
{
  GtkWidget *child;

  g_return_val_if_fail (SALVAGE_IS_LIST_ROW (self), NULL);

  for (child = gtk_widget_get_first_child (self->suffixes);
       child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}
