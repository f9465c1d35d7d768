/* salvage-trash-page-cells.c - what each row of the Trash page shows: its columns, or one row on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-days-left-cell.h"
#include "salvage-list-row.h"
#include "salvage-page-util.h"
#include "salvage-restore-cell.h"
#include "salvage-trash-columns.h"
#include "salvage-trash-page-private.h"

/* The last days are the ones to notice: after them it is gone for good. */
static void
show_days_left (SalvageTrashPage *self,
                GtkWidget        *cell,
                int               days_left)
{
  salvage_days_left_cell_set (SALVAGE_DAYS_LEFT_CELL (cell), days_left,
                              days_left >= 0 && days_left <= self->warning_days);
}

static void
days_cell_finalized_cb (gpointer  user_data,
                        GObject  *where_the_object_was)
{
  SalvageTrashPage *self = user_data;

  g_ptr_array_remove_fast (self->days_cells, where_the_object_was);
}

/* A days-left cell, restyled when the warning threshold changes. */
static GtkWidget *
days_left_cell_new (SalvageTrashPage *self,
                    GtkListItem      *list_item)
{
  GtkWidget *cell = salvage_days_left_cell_new ();

  g_ptr_array_add (self->days_cells, cell);
  g_object_weak_ref (G_OBJECT (cell), days_cell_finalized_cb, self);
  salvage_cell_set_list_item (cell, list_item);

  return cell;
}

static void
days_left_cell_bind (SalvageTrashPage *self,
                     GtkWidget        *cell,
                     SalvageTrashItem *item)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  show_days_left (self, cell, salvage_trash_item_get_days_left (item, now));
}

static void
days_left_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SalvageTrashPage         *self)
{
  gtk_list_item_set_child (list_item, days_left_cell_new (self, list_item));
}

static void
days_left_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SalvageTrashPage         *self)
{
  days_left_cell_bind (self, gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
}

static void
restore_cb (SalvageRestoreCell *cell,
            SalvageTrashItem   *item,
            SalvageTrashPage   *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, g_object_ref (item));
  _salvage_trash_page_emit_restore (self, items, FALSE);
}

static void
actions_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SalvageTrashPage         *self)
{
  GtkWidget *cell = salvage_restore_cell_new (self->restore_label);

  g_signal_connect_object (cell, "restore", G_CALLBACK (restore_cb), self, 0);
  salvage_cell_set_list_item (cell, list_item);
  gtk_list_item_set_child (list_item, cell);
}

static void
restore_cell_busy (SalvagePage *page,
                   GtkWidget   *cell,
                   gpointer     item,
                   SalvageBusy  busy)
{
  salvage_restore_cell_set_busy (SALVAGE_RESTORE_CELL (cell), busy == SALVAGE_BUSY_RESTORING);
}

static void
actions_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SalvageTrashPage         *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  salvage_restore_cell_set_item (SALVAGE_RESTORE_CELL (cell), gtk_list_item_get_item (list_item));
  salvage_page_watch_busy (SALVAGE_PAGE (self), cell, gtk_list_item_get_item (list_item),
                           restore_cell_busy);
}

static void
actions_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   SalvageTrashPage         *self)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  salvage_page_watch_busy (SALVAGE_PAGE (self), cell, NULL, restore_cell_busy);
  salvage_restore_cell_set_item (SALVAGE_RESTORE_CELL (cell), NULL);
}

/* Rows, on a narrow window: the name, what the columns say, the days
 * left and Restore. */

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SalvageTrashPage         *self)
{
  GtkWidget *row = salvage_list_row_new ();
  GtkWidget *restore = salvage_restore_cell_new (NULL);

  salvage_list_row_add_suffix (SALVAGE_LIST_ROW (row), days_left_cell_new (self, list_item));
  salvage_list_row_add_suffix (SALVAGE_LIST_ROW (row), restore);
  g_signal_connect_object (restore, "restore", G_CALLBACK (restore_cb), self, 0);
  salvage_cell_set_list_item (row, list_item);
  gtk_list_item_set_child (list_item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SalvageTrashPage         *self)
{
  SalvageListRow *row = SALVAGE_LIST_ROW (gtk_list_item_get_child (list_item));
  SalvageTrashItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *title = salvage_trash_name_text (item);
  g_autofree char *subtitle = salvage_trash_row_subtitle (item);
  const char *workspace = _salvage_trash_page_get_workspace_name (self, item);

  /* All Workspaces: where it is, first. */
  if (workspace != NULL)
    {
      g_autofree char *in_workspace = NULL;

      /* Translators: a row's second line on a narrow window when every
       * workspace's Trash is shown: the workspace, then what else is known */
      in_workspace = g_strdup_printf (_("%s · %s"), workspace, subtitle);
      g_set_str (&subtitle, in_workspace);
    }

  salvage_list_row_set_title (row, title);
  salvage_list_row_set_subtitle (row, subtitle);
  days_left_cell_bind (self, salvage_list_row_get_suffix (row, 0), item);
  salvage_restore_cell_set_item (SALVAGE_RESTORE_CELL (salvage_list_row_get_suffix (row, 1)), item);
  salvage_page_watch_busy (SALVAGE_PAGE (self), salvage_list_row_get_suffix (row, 1), item,
                           restore_cell_busy);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SalvageTrashPage         *self)
{
  SalvageListRow *row = SALVAGE_LIST_ROW (gtk_list_item_get_child (list_item));

  salvage_page_watch_busy (SALVAGE_PAGE (self), salvage_list_row_get_suffix (row, 1), NULL,
                           restore_cell_busy);
  salvage_restore_cell_set_item (SALVAGE_RESTORE_CELL (salvage_list_row_get_suffix (row, 1)), NULL);
}

/* All Workspaces: which workspace an entry is in. */
static char *
workspace_text (gpointer item,
                gpointer data)
{
  return g_strdup (_salvage_trash_page_get_workspace_name (data, item));
}

static char *
workspace_key (SalvageTrashItem *item,
               SalvageTrashPage *self)
{
  return g_strdup (_salvage_trash_page_get_workspace_name (self, item));
}

static void
set_column (GtkColumnViewColumn *column,
            GtkListItemFactory  *factory,
            GtkSorter           *sorter)
{
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_clear_object (&factory);
  g_clear_object (&sorter);
}

static GtkSorter *
text_sorter_new (SalvageTrashPage *self,
                 GCallback         key_func)
{
  GtkExpression *expression;

  /* The page outlives its columns' sorters. */
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, key_func, self, NULL);
  return GTK_SORTER (gtk_string_sorter_new (expression));
}

void
_salvage_trash_page_set_up_cells (SalvageTrashPage *self)
{
  g_autoptr(GtkListItemFactory) row_factory = NULL;

  row_factory = salvage_signal_factory_new (self, G_CALLBACK (row_setup_cb),
                                            G_CALLBACK (row_bind_cb),
                                            G_CALLBACK (row_unbind_cb));
  gtk_list_view_set_factory (self->list_view, row_factory);

  /* The name is what a row is about: when the window is narrow and the
   * column titles long (German), it keeps room for a project and a version,
   * and the others give way first, each keeping enough to be read. */
  set_column (self->name_column, salvage_text_factory_new_full (salvage_trash_name_text, 22, 32, FALSE),
              text_sorter_new (self, G_CALLBACK (salvage_trash_name_key)));
  set_column (self->workspace_column, salvage_text_factory_new_with_data (workspace_text, self, 8, 16),
              text_sorter_new (self, G_CALLBACK (workspace_key)));
  set_column (self->type_column, salvage_text_factory_new_full (salvage_trash_type_text, 8, 12, FALSE),
              text_sorter_new (self, G_CALLBACK (salvage_trash_type_key)));
  set_column (self->deleter_column, salvage_text_factory_new_full (salvage_trash_deleter_text, 8, 16, FALSE),
              text_sorter_new (self, G_CALLBACK (salvage_trash_deleter_key)));
  set_column (self->deleted_column, salvage_text_factory_new_full (salvage_trash_deleted_text, 10, 12, FALSE),
              GTK_SORTER (gtk_custom_sorter_new (salvage_trash_compare_deleted, NULL, NULL)));
  set_column (self->days_left_column,
              salvage_signal_factory_new (self, G_CALLBACK (days_left_setup_cb),
                                          G_CALLBACK (days_left_bind_cb), NULL),
              GTK_SORTER (gtk_custom_sorter_new (salvage_trash_compare_cleanup, NULL, NULL)));
  set_column (self->actions_column,
              salvage_signal_factory_new (self, G_CALLBACK (actions_setup_cb),
                                          G_CALLBACK (actions_bind_cb),
                                          G_CALLBACK (actions_unbind_cb)),
              NULL);
}

void
_salvage_trash_page_restyle_days_cells (SalvageTrashPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < self->days_cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->days_cells, i);
      GtkListItem *list_item = salvage_cell_get_list_item (cell);
      SalvageTrashItem *item = gtk_list_item_get_item (list_item);

      show_days_left (self, cell, item != NULL ? salvage_trash_item_get_days_left (item, now) : -1);
    }
}

void
_salvage_trash_page_forget_days_cells (SalvageTrashPage *self)
{
  if (self->days_cells == NULL)
    return;

  for (guint i = 0; i < self->days_cells->len; i++)
    g_object_weak_unref (g_ptr_array_index (self->days_cells, i), days_cell_finalized_cb, self);
  g_clear_pointer (&self->days_cells, g_ptr_array_unref);
}
