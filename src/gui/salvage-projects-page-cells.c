/* salvage-projects-page-cells.c - what each row of the Projects tree shows: its columns, or one row on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-list-row.h"
#include "salvage-name-cell.h"
#include "salvage-page-util.h"
#include "salvage-projects-columns.h"
#include "salvage-projects-page-private.h"

/* An expander shows @row, and loads its children when it is opened. */
static void
expander_bind (SalvageProjectsPage *self,
               GtkTreeExpander     *expander,
               GtkTreeListRow      *row)
{
  gtk_tree_expander_set_list_row (expander, row);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (_salvage_projects_page_row_expanded_cb), self, 0);
}

static void
expander_unbind (SalvageProjectsPage *self,
                 GtkTreeExpander     *expander,
                 GtkTreeListRow      *row)
{
  if (row != NULL)
    g_signal_handlers_disconnect_by_func (row, _salvage_projects_page_row_expanded_cb, self);

  gtk_tree_expander_set_list_row (expander, NULL);
}

static void
name_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SalvageProjectsPage      *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), salvage_name_cell_new ());
  salvage_cell_set_list_item (expander, list_item);
  gtk_list_item_set_child (list_item, expander);
}

/* The expander is a button that GTK names after its row's text: every one
 * would read as a bare name, with nothing to say what it opens. One that
 * opens something is named after what it opens ("Versions of “PCB
 * Defects”"); its expanded state says whether that is shown. The cell
 * keeps the row's name. */
static void
name_expander (GtkTreeExpander *expander,
               GtkTreeListRow  *row,
               gpointer         item)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (expander));
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  if (SALVAGE_IS_LEVEL_STATUS (item) || !gtk_tree_list_row_is_expandable (row))
    {
      if (cell != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (expander),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      gtk_tree_expander_get_child (expander), NULL,
                                      -1);
      return;
    }

  name = salvage_projects_name_text (item);
  if (SALVAGE_IS_PROJECT (item))
    /* Translators: the accessible name of a project's expander */
    label = g_strdup_printf (_("Versions of “%s”"), name);
  else
    /* Translators: the accessible name of a version's expander */
    label = g_strdup_printf (_("Training runs of “%s”"), name);

  /* The cell takes its name from what it holds, the expander included:
   * it is named after the row itself. */
  if (cell != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
name_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SalvageProjectsPage      *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  SalvageNameCell *cell = SALVAGE_NAME_CELL (gtk_tree_expander_get_child (expander));

  if (SALVAGE_IS_LEVEL_STATUS (item))
    {
      SalvageLevelStatus *status = SALVAGE_LEVEL_STATUS (item);

      if (status->error_message != NULL)
        salvage_name_cell_set (cell, SALVAGE_NAME_CELL_FAILED, status->error_message);
      else if (status->note != NULL)
        salvage_name_cell_set (cell, SALVAGE_NAME_CELL_NOTE, status->note);
      else
        salvage_name_cell_set (cell, SALVAGE_NAME_CELL_LOADING, _("Loading…"));
    }
  else
    {
      g_autofree char *text = salvage_projects_name_text (item);

      salvage_name_cell_set (cell, SALVAGE_NAME_CELL_PLAIN, text);
    }

  name_expander (expander, row, item);
  expander_bind (self, expander, row);
}

static void
name_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SalvageProjectsPage      *self)
{
  expander_unbind (self, GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)),
                   gtk_list_item_get_item (list_item));
}

static void
delete_clicked_cb (GtkButton           *button,
                   SalvageProjectsPage *self)
{
  GtkListItem *list_item = salvage_cell_get_list_item (GTK_WIDGET (button));
  gpointer item = salvage_list_item_get_object (list_item);

  if (item != NULL && salvage_projects_item_is_deletable (item))
    _salvage_projects_page_request_delete (self, item);
}

static GtkWidget *
delete_button_new (SalvageProjectsPage *self,
                   GtkListItem         *list_item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  salvage_cell_set_list_item (button, list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);

  return button;
}

static void
delete_button_bind (SalvageProjectsPage *self,
                    GtkWidget           *button,
                    gpointer             item)
{
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;

  /* A status row is not something that can be deleted. */
  gtk_widget_set_visible (button, !SALVAGE_IS_LEVEL_STATUS (item));
  if (SALVAGE_IS_LEVEL_STATUS (item))
    {
      salvage_page_watch_busy (SALVAGE_PAGE (self), button, NULL, salvage_page_delete_button_busy);
      return;
    }

  name = salvage_projects_name_text (item);
  /* Translators: the accessible name of a row's delete button */
  label = g_strdup_printf (_("Move “%s” to Trash"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  g_object_set_data (G_OBJECT (button), "salvage-not-deletable",
                     GINT_TO_POINTER (!salvage_projects_item_is_deletable (item)));
  if (salvage_projects_item_is_deletable (item))
    {
      gtk_widget_set_sensitive (button, TRUE);
      salvage_cell_set_tooltip (button, _("Move to Trash"));
    }
  else
    {
      gtk_widget_set_sensitive (button, FALSE);
      salvage_cell_set_tooltip (button,
                                _("This training run is still in progress; it can be moved to the Trash once it has finished"));
    }

  salvage_page_watch_busy (SALVAGE_PAGE (self), button, item, salvage_page_delete_button_busy);
}

static void
actions_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SalvageProjectsPage      *self)
{
  /* Rows are activated through the selection; the button is reachable by Tab. */
  gtk_list_item_set_child (list_item, delete_button_new (self, list_item));
}

static void
actions_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SalvageProjectsPage      *self)
{
  delete_button_bind (self, gtk_list_item_get_child (list_item), salvage_list_item_get_object (list_item));
}

/* Rows, on a narrow window: the tree's arrow, the name, what the columns
 * say, and Move to Trash. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SalvageProjectsPage      *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row = salvage_list_row_new ();

  salvage_list_row_add_suffix (SALVAGE_LIST_ROW (row), delete_button_new (self, list_item));
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
  salvage_cell_set_list_item (expander, list_item);
  gtk_list_item_set_child (list_item, expander);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SalvageProjectsPage      *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));
  SalvageListRow *row = SALVAGE_LIST_ROW (gtk_tree_expander_get_child (expander));
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (tree_row);

  if (SALVAGE_IS_LEVEL_STATUS (item))
    {
      SalvageLevelStatus *status = SALVAGE_LEVEL_STATUS (item);

      salvage_list_row_set_title (row, status->error_message != NULL ? status->error_message
                                                                      : _("Loading…"));
      salvage_list_row_set_subtitle (row, NULL);
    }
  else
    {
      g_autofree char *title = salvage_projects_name_text (item);
      g_autofree char *subtitle = salvage_projects_row_subtitle (item);

      salvage_list_row_set_title (row, title);
      salvage_list_row_set_subtitle (row, subtitle);
    }

  delete_button_bind (self, salvage_list_row_get_suffix (row, 0), item);
  name_expander (expander, tree_row, item);
  expander_bind (self, expander, tree_row);
}

static void
set_factory (GtkColumnViewColumn *column,
             GtkListItemFactory  *factory)
{
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);
}

void
_salvage_projects_page_set_up_cells (SalvageProjectsPage *self)
{
  g_autoptr(GtkListItemFactory) row_factory = NULL;

  row_factory = salvage_signal_factory_new (self, G_CALLBACK (row_setup_cb),
                                            G_CALLBACK (row_bind_cb), G_CALLBACK (name_unbind_cb));
  gtk_list_view_set_factory (self->list_view, row_factory);

  set_factory (self->name_column,
               salvage_signal_factory_new (self, G_CALLBACK (name_setup_cb),
                                           G_CALLBACK (name_bind_cb), G_CALLBACK (name_unbind_cb)));
  set_factory (self->type_column, salvage_text_factory_new (salvage_projects_type_text, 24, FALSE));
  set_factory (self->images_column, salvage_text_factory_new (salvage_projects_images_text, 7, TRUE));
  set_factory (self->versions_column, salvage_text_factory_new (salvage_projects_versions_text, 5, TRUE));
  set_factory (self->date_column, salvage_text_factory_new (salvage_projects_date_text, 12, FALSE));
  set_factory (self->actions_column,
               salvage_signal_factory_new (self, G_CALLBACK (actions_setup_cb),
                                           G_CALLBACK (actions_bind_cb), NULL));
}
