/* salvage-page-util.h - what the Projects, Workflows and Trash pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Where a page's data stands. Whether "ready" shows the list or the empty
 * page depends on the number of items. */
typedef enum
{
  SALVAGE_PAGE_STATE_LOADING,
  SALVAGE_PAGE_STATE_READY,
  SALVAGE_PAGE_STATE_ERROR,
} SalvagePageState;

/* Shows the child of @stack named "loading", "content", "no-results",
 * "empty" or "error", for a page with @n_items items of which the search
 * and filters leave @n_shown. A page that already has items keeps showing
 * them while loading or after a failed reload: the window reports that
 * failure in a toast. */
void salvage_page_state_show (GtkStack         *stack,
                              AdwStatusPage    *error_page,
                              SalvagePageState  state,
                              const GError     *error,
                              guint             n_items,
                              guint             n_shown);

/* Turns the item of a row (the GtkTreeListRow's item for tree models) into
 * the text of one cell. */
typedef char *(*SalvageCellTextFunc) (gpointer item);

/* A factory of GtkInscription cells whose text comes from @func, about
 * @nat_chars wide. @numeric right-aligns the text, in tabular figures. */
GtkListItemFactory *salvage_text_factory_new (SalvageCellTextFunc func,
                                              int                 nat_chars,
                                              gboolean            numeric);

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
 * SalvageAccount), named for screen readers by the workspace. */
GtkWidget          *salvage_remove_account_button_new (gpointer account);

G_END_DECLS
