/* salvage-page.h - what the Projects, Workflows and Trash pages have in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-session.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_PAGE (salvage_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (SalvagePage, salvage_page, SALVAGE, PAGE, AdwBin)

/*
 * A page of a workspace's lists. The window binds its properties to the
 * session's (and "search" to the search bar's); a page never changes them
 * itself.
 *
 * Properties:
 *   "workspace"  SalvageWorkspace  whose lists the page shows
 *   "state"      SalvageSessionState  where loading them stands
 *   "error"      GError (boxed)  why the last load failed
 *   "search"     string  what the rows' names are filtered by
 *
 * A page shows one child of its stack ("loading", "content", "no-results",
 * "empty" or "error") for the state and for how many items it has and
 * shows; the error page says why loading failed. A page that already has
 * items keeps showing them while loading or after a failed reload: the
 * window reports that failure in a toast.
 */
struct _SalvagePageClass
{
  AdwBinClass parent_class;

  /* The workspace changed (it may be NULL); the page shows its lists. */
  void  (*workspace_changed) (SalvagePage      *self,
                              SalvageWorkspace *workspace);
  /* The search text changed (NULL or "" for none). */
  void  (*search_changed)    (SalvagePage      *self,
                              const char       *text);
  /* How many items the page has, and how many of them its search and
   * filters show. */
  void  (*count_items)       (SalvagePage      *self,
                              guint            *n_items,
                              guint            *n_shown);
  /* After the view was updated: for what else depends on the lists. */
  void  (*view_updated)      (SalvagePage      *self);
  /* The page was bound to @session (see salvage_page_bind()). */
  void  (*session_bound)     (SalvagePage      *self,
                              SalvageSession   *session);
};

/* Shows on @cell, a cell of the row of @item, whether a request for
 * @item is under way. */
typedef void (*SalvagePageBusyFunc) (SalvagePage *self,
                                     GtkWidget   *cell,
                                     gpointer     item,
                                     SalvageBusy  busy);

/* Called from a subclass's init: the stack and error page of its template. */
void                 salvage_page_set_views      (SalvagePage   *self,
                                                  GtkStack      *stack,
                                                  AdwStatusPage *error_page);

/* Called from a subclass's init: the list's two views, columns for a wide
 * window and rows for a narrow one, in the children "columns" and "rows"
 * of @layouts, and the model they show. */
void                 salvage_page_set_lists        (SalvagePage       *self,
                                                    GtkStack          *layouts,
                                                    GtkColumnView     *columns,
                                                    GtkListView       *rows,
                                                    GtkSelectionModel *model);
/* Shows the rows (narrow) or the columns. */
void                 salvage_page_set_narrow       (SalvagePage       *self,
                                                    gboolean           narrow);
gboolean             salvage_page_get_narrow       (SalvagePage       *self);
/* The view shown: the GtkColumnView or the GtkListView. */
GtkWidget           *salvage_page_get_list_view    (SalvagePage       *self);

/* Called from a subclass's init, after salvage_page_set_lists(): the rows
 * (whose model is @selection, or shows its items at the same positions)
 * get @menu as their context menu, from a secondary click, the Menu key or
 * Shift+F10 ("page.context-menu"). A click on a row outside the selection
 * selects that row alone first. */
void                 salvage_page_set_context_menu (SalvagePage       *self,
                                                    GtkSelectionModel *selection,
                                                    GMenuModel        *menu);
/* The context menu's popover, or NULL: for tests. */
GtkPopover          *salvage_page_get_context_menu (SalvagePage       *self);

/* Called from a cell's bind: @func shows on @cell whether a request for
 * @item is under way, now and whenever that changes, until the cell is
 * bound again (with @item NULL when it is unbound) or finalized. */
void                 salvage_page_watch_busy     (SalvagePage         *self,
                                                  GtkWidget           *cell,
                                                  gpointer             item,
                                                  SalvagePageBusyFunc  func);

/* A SalvagePageBusyFunc for a row's "Move to Trash" button (one with an
 * icon): while its item is being moved, a spinner in place of the icon.
 * Otherwise the button is sensitive unless its data
 * "salvage-not-deletable" is set. */
void                 salvage_page_delete_button_busy (SalvagePage *self,
                                                      GtkWidget   *button,
                                                      gpointer     item,
                                                      SalvageBusy  busy);

/* What is under way for @item, as the session bound to says. */
SalvageBusy          salvage_page_get_busy       (SalvagePage   *self,
                                                  gpointer       item);

/* The session the page was bound to, or NULL before. */
SalvageSession      *salvage_page_get_session    (SalvagePage   *self);

/* Called from a subclass's init with the rows its view shows, at the same
 * positions, before anything else listens to them (its selection, its
 * view): when the row with the focus leaves (moved to the Trash,
 * restored, or reloaded), the focus goes to the row that takes its place,
 * or the one before, rather than to the first button of the window. */
void                 salvage_page_keep_focus     (SalvagePage   *self,
                                                  GListModel    *rows);

/* Moves the focus to the rows: to the first selected row, else the first
 * row; or, with no rows shown, into what the page shows instead (a Retry
 * button, say). FALSE when there is nothing there to focus. */
gboolean             salvage_page_focus_rows     (SalvagePage   *self);

/* Shows the child of the stack that the state and the counts call for. */
void                 salvage_page_update_view    (SalvagePage   *self);

SalvageWorkspace    *salvage_page_get_workspace  (SalvagePage   *self);
SalvageSessionState  salvage_page_get_state      (SalvagePage   *self);
const char          *salvage_page_get_search     (SalvagePage   *self);

/* The child of the stack shown: "loading", "content", "no-results",
 * "empty" or "error". */
const char          *salvage_page_get_view       (SalvagePage   *self);

/* Binds @self's properties to @session's, and "search" to @search_source's
 * "search" property. */
void                 salvage_page_bind           (SalvagePage   *self,
                                                  SalvageSession *session,
                                                  GObject        *search_source);

G_END_DECLS
