/* salvage-window-private.h - what the window's files share, and views into it for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-projects-page.h"
#include "salvage-restore-progress.h"
#include "salvage-trash-page.h"
#include "salvage-welcome-page.h"
#include "salvage-window.h"
#include "salvage-workflows-page.h"
#include "salvage-workspace-switcher.h"

G_BEGIN_DECLS

struct _SalvageWindow
{
  AdwApplicationWindow      parent_instance;

  AdwToastOverlay          *toast_overlay;
  GtkStack                 *title_stack;
  AdwWindowTitle           *window_title;
  AdwViewSwitcherBar       *switcher_bar;
  GtkWidget                *back_button;
  GtkWidget                *refresh_button;
  GtkWidget                *search_button;
  SalvageWorkspaceSwitcher *switcher;
  GtkSearchBar             *search_bar;
  GtkSearchEntry           *search_entry;
  AdwBanner                *keyring_banner;
  SalvageRestoreProgress   *restore_progress;
  GtkStack                 *main_stack;
  AdwViewStack             *view_stack;
  AdwViewStackPage         *projects_stack_page;
  AdwViewStackPage         *workflows_stack_page;
  AdwViewStackPage         *trash_stack_page;
  SalvageProjectsPage      *projects_page;
  AdwBin                   *workflows_bin;
  SalvageWorkflowsPage     *workflows_page;    /* made when first shown */
  AdwBin                   *trash_bin;
  SalvageTrashPage         *trash_page;        /* made when first shown */
  SalvageWelcomePage       *welcome_page;      /* made when first shown */
  GtkWindow                *shortcuts_window;  /* built when first shown */

  SalvageSession           *session;
  /* The workspace a cleanup warning's Review opened, while the Trash shows
   * only the entries it named. */
  SalvageAccount           *review_account;
  GSignalGroup             *account_signals;
  GSignalGroup             *trash_signals;

  /* What the pages are searched by: the search entry's text, once it has
   * settled ("search" property). */
  char                     *search;
  /* The welcome page was asked for, over any workspace shown. */
  gboolean                  welcome_shown;
  gboolean                  narrow;
  gboolean                  has_application;
  /* Watching for the first frame that shows the Projects page's rows
   * (see salvage-window.c), while it has not been painted yet. */
  GdkFrameClock            *first_rows_clock;
  gulong                    first_rows_handler;
  gboolean                  first_rows_reported;

  AdwAlertDialog           *dialog;
  AdwDialog                *preferences;
  /* The dialog showing a message's details. */
  AdwDialog                *details_dialog;
  char                     *last_toast;
  /* SalvageUndoEntry → the toast that follows its delete, while shown. */
  GHashTable               *undo_toasts;
};

/* salvage-window.c */
void _salvage_window_present_welcome      (SalvageWindow    *self,
                                           const char       *server,
                                           const char       *message);
void _salvage_window_focus_page           (SalvageWindow    *self);
SalvageWelcomePage *
     _salvage_window_ensure_welcome_page  (SalvageWindow    *self);
SalvageWorkflowsPage *
     _salvage_window_ensure_workflows_page (SalvageWindow   *self);
SalvageTrashPage *
     _salvage_window_ensure_trash_page    (SalvageWindow    *self);

/* salvage-window-actions.c */
void _salvage_window_class_init_actions   (GtkWidgetClass   *widget_class);
void _salvage_window_delete_requested_cb  (SalvageWindow    *self,
                                           GObject          *item);
void _salvage_window_restore_requested_cb (SalvageWindow    *self,
                                           GPtrArray        *requested,
                                           gboolean          all);

/* salvage-window-toasts.c */
void _salvage_window_show_toast           (SalvageWindow    *self,
                                           const char       *text);
void _salvage_window_message_cb           (SalvageWindow    *self,
                                           const char       *text,
                                           const char       *details);
void _salvage_window_key_refused_cb       (SalvageWindow    *self,
                                           const char       *text);
void _salvage_window_deleted_cb           (SalvageWindow    *self,
                                           const char       *name,
                                           gboolean          already_in_trash,
                                           SalvageUndoEntry *entry);
void _salvage_window_undo_changed_cb      (SalvageWindow    *self,
                                           SalvageUndoEntry *entry,
                                           const char       *text,
                                           const char       *details);

/* Views into the window, for its tests */
static inline SalvageProjectsPage *
salvage_window_get_projects_page (SalvageWindow *self)
{
  return self->projects_page;
}

/* The Workflows page, made if it was not yet. */
static inline SalvageWorkflowsPage *
salvage_window_get_workflows_page (SalvageWindow *self)
{
  return _salvage_window_ensure_workflows_page (self);
}

/* The Trash page, made if it was not yet. */
static inline SalvageTrashPage *
salvage_window_get_trash_page (SalvageWindow *self)
{
  return _salvage_window_ensure_trash_page (self);
}

/* The welcome page, made if it was not yet. */
static inline SalvageWelcomePage *
salvage_window_get_welcome_page (SalvageWindow *self)
{
  return _salvage_window_ensure_welcome_page (self);
}

static inline GtkListBox *
salvage_window_get_accounts_list (SalvageWindow *self)
{
  return salvage_workspace_switcher_get_list (self->switcher);
}

static inline void
salvage_window_show_page (SalvageWindow *self,
                          const char    *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static inline const char *
salvage_window_get_view (SalvageWindow *self)
{
  return gtk_stack_get_visible_child_name (self->main_stack);
}

static inline AdwAlertDialog *
salvage_window_get_dialog (SalvageWindow *self)
{
  return self->dialog;
}

/* What the last toast said: its title, and after ": " the details its
 * Details button shows, when it has any. */
static inline const char *
salvage_window_get_last_toast (SalvageWindow *self)
{
  return self->last_toast;
}

/* The dialog showing a toast's details, while it is open. */
static inline AdwAlertDialog *
salvage_window_get_details_dialog (SalvageWindow *self)
{
  return self->details_dialog != NULL ? ADW_ALERT_DIALOG (self->details_dialog) : NULL;
}

static inline guint
salvage_window_get_trash_badge (SalvageWindow *self)
{
  return adw_view_stack_page_get_badge_number (self->trash_stack_page);
}

static inline GtkWidget *
salvage_window_get_back_button (SalvageWindow *self)
{
  return self->back_button;
}

static inline SalvageRestoreProgress *
salvage_window_get_restore_progress (SalvageWindow *self)
{
  return self->restore_progress;
}

static inline gboolean
salvage_window_get_bottom_switcher (SalvageWindow *self)
{
  return adw_view_switcher_bar_get_reveal (self->switcher_bar);
}

G_END_DECLS
