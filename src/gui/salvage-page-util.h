/* salvage-page-util.h - what the Projects, Workflows and Trash pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Turns the item of a row (the GtkTreeListRow's item for tree models) into
 * the text of one cell. */
typedef char *(*SalvageCellTextFunc) (gpointer item);

/* A factory of GtkInscription cells whose text comes from @func, about
 * @nat_chars wide. @numeric right-aligns the text, in tabular figures. */
GtkListItemFactory *salvage_text_factory_new (SalvageCellTextFunc func,
                                              int                 nat_chars,
                                              gboolean            numeric);
/* The same, never narrower than @min_chars: a column squeezed when the
 * window is narrow keeps that much, and the others give way first. */
GtkListItemFactory *salvage_text_factory_new_full (SalvageCellTextFunc func,
                                                   int                 min_chars,
                                                   int                 nat_chars,
                                                   gboolean            numeric);
/* The same, with @func's text also depending on @data, which must outlive
 * the factory. */
typedef char *(*SalvageCellTextDataFunc) (gpointer item,
                                          gpointer data);
GtkListItemFactory *salvage_text_factory_new_with_data (SalvageCellTextDataFunc func,
                                                        gpointer                data,
                                                        int                     min_chars,
                                                        int                     nat_chars);

/* Orders two dates, earliest first, with unknown (NULL) dates last. */
int                 salvage_compare_dates (GDateTime *a,
                                           GDateTime *b);

/* A GtkSignalListItemFactory calling @setup, @bind and @unbind (which
 * may be NULL) with @data. */
GtkListItemFactory *salvage_signal_factory_new (gpointer  data,
                                                GCallback setup,
                                                GCallback bind,
                                                GCallback unbind);

/* The model object shown by @list_item, looking through tree rows. */
gpointer            salvage_list_item_get_object (GtkListItem *list_item);

/* The list item of the cell at (@x, @y) of @widget's descendant @view, or
 * NULL; used to find the row a context menu was asked for. */
GtkListItem        *salvage_pick_list_item (GtkWidget *view,
                                            double     x,
                                            double     y);

/* Marks @cell as the root widget of a cell of @list_item, for
 * salvage_pick_list_item(). */
void                salvage_cell_set_list_item (GtkWidget   *cell,
                                                GtkListItem *list_item);
/* The list item @cell was marked with, or NULL. */
GtkListItem        *salvage_cell_get_list_item (GtkWidget   *cell);

/* Sets the tooltip of a cell's widget, given to GTK only when it is about
 * to show (and to a screen reader as the widget's description at once).
 * gtk_widget_set_tooltip_text() looks up where the pointer is, a round
 * trip to an X server, for every visible widget it is called on: for
 * each row's button as rows are made and bound, it held the window for
 * milliseconds. NULL or "": none. */
void                salvage_cell_set_tooltip (GtkWidget  *widget,
                                              const char *text);
/* The tooltip set by salvage_cell_set_tooltip(), or NULL. */
const char         *salvage_cell_get_tooltip (GtkWidget  *widget);

/* Pops @popover (a child of @page) up at the focused row of @view, for
 * the Menu key and Shift+F10. Does nothing when no row has the focus. */
void                salvage_popup_at_focus (GtkWidget  *page,
                                            GtkWidget  *view,
                                            GtkPopover *popover);

/* Pops @popover (a child of @page) up at (@x, @y) of @view, where a
 * context menu was asked for with the mouse. */
void                salvage_popup_at_point (GtkWidget  *page,
                                            GtkWidget  *view,
                                            GtkPopover *popover,
                                            double      x,
                                            double      y);

/* The flat "Remove Workspace…" button of a row listing @account (a
 * SalvageAccount), named for screen readers by the workspace. It
 * activates "win.remove-account" with the account's server and slug. */
GtkWidget          *salvage_remove_account_button_new (gpointer account);

G_END_DECLS
