/* salvage-window.c - the main window: the Projects, Workflows and Trash pages
 *
 * The pages show the workspace's lists and ask for changes through signals;
 * the window confirms them, runs them and reports the outcome in toasts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-application.h"
#include "salvage-cli-config.h"
#include "salvage-dialogs.h"
#include "salvage-format.h"
#include "salvage-page-util.h"
#include "salvage-preferences-dialog.h"
#include "salvage-secrets.h"
#include "salvage-window-private.h"

/* Coming back to the window reloads the Trash, but not more often than
 * this: switching windows quickly should not flood the server. */
#define TRASH_FOCUS_INTERVAL (5 * G_TIME_SPAN_SECOND)

/* How many deletes can be undone, most recent first. */
#define MAX_UNDO_ENTRIES 100

struct _SalvageWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *title_stack;
  AdwWindowTitle       *window_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkWidget            *refresh_button;
  GtkWidget            *search_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *trash_stack_page;
  SalvageProjectsPage  *projects_page;
  SalvageWorkflowsPage *workflows_page;
  SalvageTrashPage     *trash_page;
  SalvageWelcomePage   *welcome_page;
  GtkWidget            *accounts_button;
  GtkLabel             *accounts_label;
  GtkPopover           *accounts_popover;
  GtkListBox           *accounts_list;
  AdwBanner            *keyring_banner;
  GSignalGroup         *account_signals;
  gboolean              has_application;
  gboolean              chrome_shown;
  gboolean              narrow;

  /* The account shown; NULL for the demo or a key given by a test. */
  SalvageAccount       *account;
  /* Work started from the welcome page: checking a typed key, looking
   * one up in the keyring, reading the CLI's login. Separate from the
   * shown workspace's, which goes on while another one is being added. */
  GCancellable         *welcome_cancellable;
  SalvageClient        *pending_client;
  char                 *pending_key;
  SalvageCliConfig     *cli_config;

  SalvageClient        *client;
  SalvageWorkspace     *workspace;
  GCancellable         *cancellable;
  gboolean              loading;

  /* Monotonic time of the last Trash load this window started. */
  gint64                trash_loaded_at;
  GTimeSpan             trash_focus_interval;
  gboolean              trash_refreshing;
  guint                 n_focus_refreshes;

  /* The deletes that can still be undone, oldest first (UndoEntry). */
  GPtrArray            *undo_entries;
  guint                 last_undo_id;
  guint                 undo_check_id;

  AdwAlertDialog       *dialog;
  AdwDialog            *preferences;
  char                 *last_toast;
};

G_DEFINE_FINAL_TYPE (SalvageWindow, salvage_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_workspace_chrome (SalvageWindow *self,
                                  gboolean       shown);
static void update_chrome        (SalvageWindow *self);

/* Undo entries: each delete that made a Trash entry, with its toast */

typedef struct
{
  guint             id;
  SalvageWorkspace *workspace;   /* where the delete was done */
  SalvageTrashItem *item;        /* the Trash entry it made */
  char             *name;
  AdwToast         *toast;       /* weak: gone once dismissed and dropped */
  gboolean          restoring;
} UndoEntry;

static void
undo_entry_free (UndoEntry *entry)
{
  g_clear_weak_pointer (&entry->toast);
  g_clear_object (&entry->workspace);
  g_clear_object (&entry->item);
  g_clear_pointer (&entry->name, g_free);
  g_free (entry);
}

static UndoEntry *
find_undo (SalvageWindow *self,
           guint          id)
{
  for (guint i = 0; i < self->undo_entries->len; i++)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo_entries, i);

      if (entry->id == id)
        return entry;
    }

  return NULL;
}

/* The most recent delete in the workspace shown that is not being undone. */
static UndoEntry *
find_last_undo (SalvageWindow *self)
{
  for (guint i = self->undo_entries->len; i > 0; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo_entries, i - 1);

      if (entry->workspace == self->workspace && !entry->restoring)
        return entry;
    }

  return NULL;
}

/* Says @title (markup) on @entry's toast in place of what it said, without
 * its Undo: a toast still queued or shown follows what became of its
 * delete. It is changed rather than dismissed, so that a toast dismissed
 * while the one it replaced is still fading out cannot trip libadwaita. */
static void
update_undo_toast (UndoEntry  *entry,
                   const char *title)
{
  if (entry->toast == NULL)
    return;

  if (title != NULL)
    adw_toast_set_title (entry->toast, title);
  adw_toast_set_button_label (entry->toast, NULL);
  adw_toast_set_action_name (entry->toast, NULL);
}

/* Forgets @entry; its toast, if still queued or shown, loses its Undo, so
 * that no Undo button is left that could act on something else. */
static void
drop_undo (SalvageWindow *self,
           UndoEntry     *entry,
           const char    *title)
{
  update_undo_toast (entry, title);
  g_ptr_array_remove (self->undo_entries, entry);
}

/* Toasts */

static void
add_toast (SalvageWindow *self,
           AdwToast      *toast)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (adw_toast_get_title (toast));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Shows @text as it is: toast titles are markup, names and messages are not. */
static void
show_toast (SalvageWindow *self,
            const char    *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  add_toast (self, adw_toast_new (escaped));
}

static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  show_toast (SALVAGE_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Page states */

static void
set_pages_state (SalvageWindow    *self,
                 SalvagePageState  state,
                 const GError     *error)
{
  salvage_projects_page_set_state (self->projects_page, state, error);
  salvage_workflows_page_set_state (self->workflows_page, state, error);
  salvage_trash_page_set_state (self->trash_page, state, error);
}

static gboolean
any_page_has_items (SalvageWindow *self)
{
  return self->workspace != NULL &&
         (g_list_model_get_n_items (salvage_workspace_get_projects (self->workspace)) > 0 ||
          g_list_model_get_n_items (salvage_workspace_get_workflows (self->workspace)) > 0 ||
          g_list_model_get_n_items (salvage_workspace_get_trash (self->workspace)) > 0);
}

static void
update_actions (SalvageWindow *self)
{
  gboolean connected = self->client != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", connected && !self->loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", self->workspace != NULL);
}

/* An Undo whose Trash entry has gone (restored from the Trash page or
 * elsewhere, or cleaned up) is withdrawn. Checked once the Trash has
 * settled, not on each of the changes of a long restore. */
static gboolean
check_undo_cb (gpointer user_data)
{
  SalvageWindow *self = SALVAGE_WINDOW (user_data);

  self->undo_check_id = 0;

  for (guint i = self->undo_entries->len; i > 0; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo_entries, i - 1);

      if (!entry->restoring && entry->workspace == self->workspace &&
          salvage_workspace_find_in_trash (self->workspace, entry->item) == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (entry->name, -1);
          g_autofree char *title = NULL;

          /* Translators: %s is the name of something deleted earlier */
          title = g_strdup_printf (_("“%s” is no longer in the Trash"), escaped);
          drop_undo (self, entry, title);
        }
    }

  return G_SOURCE_REMOVE;
}

static void
trash_changed_cb (SalvageWindow *self)
{
  guint n_items = g_list_model_get_n_items (salvage_workspace_get_trash (self->workspace));

  adw_view_stack_page_set_badge_number (self->trash_stack_page, n_items);
  adw_view_stack_page_set_needs_attention (self->trash_stack_page, n_items > 0);

  if (self->undo_entries->len > 0 && self->undo_check_id == 0)
    self->undo_check_id = g_idle_add (check_undo_cb, self);
}

static void update_accounts_button (SalvageWindow *self);
static SalvageAccounts *get_accounts (SalvageWindow *self);

static void
workspace_name_changed_cb (SalvageWindow *self)
{
  const char *name = salvage_workspace_get_name (self->workspace);
  SalvageAccounts *accounts = get_accounts (self);

  update_chrome (self);

  /* The switcher lists workspaces by the name they have now. */
  if (self->account != NULL && accounts != NULL && name != NULL)
    salvage_accounts_rename (accounts, self->account, name);

  update_accounts_button (self);
}

/* Loading */

/* A key refused in the middle of a session (revoked, or rotated in the
 * web app) can only be fixed with a new one: offer to enter it. */
static void
offer_new_key (SalvageWindow *self,
               const GError  *error)
{
  g_autofree char *title = g_markup_escape_text (error->message, -1);
  AdwToast *toast;

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_button_label (toast, _("_Enter Key…"));
  adw_toast_set_action_name (toast, "win.reenter-key");
  add_toast (self, toast);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!salvage_workspace_refresh_finish (SALVAGE_WORKSPACE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->loading = FALSE;
      set_pages_state (self, SALVAGE_PAGE_STATE_ERROR, error);

      if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
        offer_new_key (self, error);
      /* Pages that still show their lists would hide the failure. */
      else if (any_page_has_items (self))
        show_toast (self, error->message);
    }
  else
    {
      self->loading = FALSE;
      set_pages_state (self, SALVAGE_PAGE_STATE_READY, NULL);
    }

  update_actions (self);
}

static void
start_refresh (SalvageWindow *self)
{
  self->loading = TRUE;
  self->trash_loaded_at = g_get_monotonic_time ();
  set_pages_state (self, SALVAGE_PAGE_STATE_LOADING, NULL);
  update_actions (self);

  salvage_workspace_refresh_async (self->workspace, self->cancellable,
                                   refresh_cb, g_object_ref (self));
}

static void
refresh_trash_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed reload in the background keeps the Trash as it was; the next
   * Refresh reports errors. Toasting it on every return to the window
   * would only nag. */
  if (!salvage_workspace_refresh_trash_finish (SALVAGE_WORKSPACE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not reload the Trash: %s", error->message);

  self->trash_refreshing = FALSE;
}

/* Items may have been deleted elsewhere (in the web app, by a teammate)
 * while the user was away: refresh the Trash when the window comes back. */
static void
is_active_changed_cb (SalvageWindow *self)
{
  gint64 now = g_get_monotonic_time ();

  /* Dialogs are drawn inside the window, so answering one does not make
   * the window active again. */
  if (!gtk_window_is_active (GTK_WINDOW (self)))
    return;

  if (self->workspace == NULL ||
      self->loading ||
      self->trash_refreshing ||
      now - self->trash_loaded_at < self->trash_focus_interval)
    return;

  self->trash_loaded_at = now;
  self->trash_refreshing = TRUE;
  self->n_focus_refreshes++;

  salvage_workspace_refresh_trash_async (self->workspace, self->cancellable,
                                         refresh_trash_cb, g_object_ref (self));
}

static void
set_workspace (SalvageWindow    *self,
               SalvageWorkspace *workspace)
{
  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_func (salvage_workspace_get_trash (self->workspace),
                                            trash_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->workspace, workspace_name_changed_cb, self);
    }

  g_set_object (&self->workspace, workspace);
  self->trash_refreshing = FALSE;

  /* A delete is undone in the workspace it was done in, or not at all. */
  for (guint i = self->undo_entries->len; i > 0; i--)
    {
      UndoEntry *entry = g_ptr_array_index (self->undo_entries, i - 1);

      if (entry->workspace != workspace)
        drop_undo (self, entry, NULL);
    }

  salvage_projects_page_set_workspace (self->projects_page, workspace);
  salvage_workflows_page_set_workspace (self->workflows_page, workspace);
  salvage_trash_page_set_workspace (self->trash_page, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (salvage_workspace_get_trash (workspace), "items-changed",
                                G_CALLBACK (trash_changed_cb), self);
      g_signal_connect_swapped (workspace, "notify::name",
                                G_CALLBACK (workspace_name_changed_cb), self);
      trash_changed_cb (self);
      workspace_name_changed_cb (self);
    }
}

static void
validate_key_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  g_autoptr(SalvageWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;

  slug = salvage_client_validate_key_finish (SALVAGE_CLIENT (object), result, &error);
  if (slug == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      self->loading = FALSE;
      set_pages_state (self, SALVAGE_PAGE_STATE_ERROR, error);
      if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
        offer_new_key (self, error);
      update_actions (self);
      return;
    }

  /* A later connect may have replaced the client meanwhile. */
  if (SALVAGE_CLIENT (object) != self->client)
    return;

  workspace = salvage_workspace_new (self->client);
  set_workspace (self, workspace);
  start_refresh (self);
}

static void
start_validation (SalvageWindow *self)
{
  self->loading = TRUE;
  set_pages_state (self, SALVAGE_PAGE_STATE_LOADING, NULL);
  update_actions (self);

  salvage_client_validate_key_async (self->client, self->cancellable,
                                     validate_key_cb, g_object_ref (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  if (self->loading || self->client == NULL)
    return;

  if (self->workspace == NULL)
    start_validation (self);
  else
    start_refresh (self);
}

/* Search */

static void
search_changed_cb (SalvageWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  salvage_projects_page_set_search (self->projects_page, text);
  salvage_workflows_page_set_search (self->workflows_page, text);
  salvage_trash_page_set_search (self->trash_page, text);
}

static void
stop_search_cb (SalvageWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (SalvageWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar,
                                  !gtk_search_bar_get_search_mode (self->search_bar));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  /* Whoever activates the action names the page: only one the stack has. */
  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Delete and undo */

typedef struct
{
  SalvageWindow *self;
  GObject       *item;
  char          *name;
} DeleteData;

static void
delete_data_free (DeleteData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_clear_pointer (&data->name, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteData, delete_data_free)

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  SalvageWindow *self = data->self;
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  gboolean already_in_trash = FALSE;
  AdwToast *toast;

  if (!salvage_workspace_delete_finish (SALVAGE_WORKSPACE (object), result,
                                        &already_in_trash, &trash_item, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: the first %s is a name, the second the reason */
      message = g_strdup_printf (_("Could not move “%s” to the Trash: %s"),
                                 data->name, error->message);
      show_toast (self, message);
      return;
    }

  escaped = g_markup_escape_text (data->name, -1);
  if (already_in_trash)
    title = g_strdup_printf (_("“%s” was already in the Trash"), escaped);
  else
    title = g_strdup_printf (_("“%s” moved to Trash"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  /* Only a delete that made a Trash entry, and only in the workspace still
   * shown, can be undone: the toast's Undo restores that entry and no other. */
  if (trash_item != NULL && SALVAGE_WORKSPACE (object) == self->workspace)
    {
      UndoEntry *entry = g_new0 (UndoEntry, 1);

      entry->id = ++self->last_undo_id;
      entry->workspace = g_object_ref (self->workspace);
      entry->item = g_object_ref (trash_item);
      entry->name = g_strdup (data->name);
      g_set_weak_pointer (&entry->toast, toast);
      g_ptr_array_add (self->undo_entries, entry);
      if (self->undo_entries->len > MAX_UNDO_ENTRIES)
        drop_undo (self, g_ptr_array_index (self->undo_entries, 0), NULL);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-delete");
      adw_toast_set_action_target_value (toast, g_variant_new_uint32 (entry->id));
    }

  add_toast (self, toast);
}

static void
delete_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SalvageWindow  *self)
{
  DeleteData *data;

  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);

  if (g_strcmp0 (response, "trash") != 0 || self->workspace == NULL)
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (g_object_get_data (G_OBJECT (dialog), "salvage-item"));
  data->name = g_strdup (g_object_get_data (G_OBJECT (dialog), "salvage-name"));

  salvage_workspace_delete_async (self->workspace, data->item, self->cancellable,
                                  delete_cb, data);
}

/* Shows @dialog over the window, or over the preferences when they are
 * open: a question asked from them belongs there. */
static void
present_dialog (SalvageWindow  *self,
                AdwAlertDialog *dialog)
{
  GtkWidget *parent = self->preferences != NULL ? GTK_WIDGET (self->preferences)
                                                : GTK_WIDGET (self);

  g_set_weak_pointer (&self->dialog, dialog);
  adw_dialog_present (ADW_DIALOG (dialog), parent);
}

static void
delete_requested_cb (SalvageWindow *self,
                     GObject       *item)
{
  g_autofree char *name = NULL;
  AdwAlertDialog *dialog;

  if (self->workspace == NULL)
    return;

  name = salvage_dup_item_name (self->workspace, item);
  dialog = salvage_delete_dialog_new (item, name);

  g_object_set_data_full (G_OBJECT (dialog), "salvage-item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "salvage-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);

  present_dialog (self, dialog);
}

typedef struct
{
  SalvageWindow *self;
  guint          id;
  char          *name;
} UndoData;

static void
undo_data_free (UndoData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->name, g_free);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UndoData, undo_data_free)

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(UndoData) data = user_data;
  SalvageWindow *self = data->self;
  SalvageWorkspace *workspace = SALVAGE_WORKSPACE (object);
  UndoEntry *entry = find_undo (self, data->id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!salvage_workspace_restore_finish (workspace, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = g_strdup_printf (_("Could not restore “%s”: %s"), data->name, error->message);

      /* Still in the Trash (the server was not reached, say): it can be
       * tried again. */
      if (entry != NULL)
        {
          entry->restoring = FALSE;
          if (salvage_workspace_find_in_trash (workspace, entry->item) == NULL)
            drop_undo (self, entry, NULL);
        }
    }
  else
    {
      message = g_strdup_printf (_("“%s” restored"), data->name);

      if (entry != NULL)
        drop_undo (self, entry, NULL);
    }

  show_toast (self, message);
}

/* Restores the Trash entry @entry's delete made, if it is still there. */
static void
undo_entry (SalvageWindow *self,
            UndoEntry     *entry)
{
  SalvageTrashItem *item;
  UndoData *data;

  if (entry->restoring)
    return;

  item = self->workspace != NULL && entry->workspace == self->workspace
         ? salvage_workspace_find_in_trash (self->workspace, entry->item)
         : NULL;
  if (item == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of something deleted earlier */
      message = g_strdup_printf (_("“%s” is no longer in the Trash, so its deletion cannot be undone"),
                                 entry->name);
      drop_undo (self, entry, NULL);
      show_toast (self, message);
      return;
    }

  /* Its toast, when still there, can no longer start a second restore. */
  entry->restoring = TRUE;
  update_undo_toast (entry, NULL);

  data = g_new0 (UndoData, 1);
  data->self = g_object_ref (self);
  data->id = entry->id;
  data->name = g_strdup (entry->name);

  salvage_workspace_restore_async (self->workspace, item, self->cancellable, undo_cb, data);
}

/* Ctrl+Z: the most recent delete in the workspace shown. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  UndoEntry *entry = find_last_undo (self);

  if (entry == NULL)
    {
      show_toast (self, _("Nothing to undo"));
      return;
    }

  undo_entry (self, entry);
}

/* A toast's Undo: the delete that toast was about, and no other. */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  UndoEntry *entry = find_undo (self, g_variant_get_uint32 (parameter));

  /* Gone: undone already, or its entry left the Trash and the toast was
   * withdrawn while it was being clicked. */
  if (entry == NULL)
    {
      show_toast (self, _("This deletion can no longer be undone"));
      return;
    }

  undo_entry (self, entry);
}

/* Restore */

typedef struct
{
  SalvageWindow *self;
  GPtrArray     *items;   /* SalvageTrashItem, as sent */
} RestoreData;

static void
restore_data_free (RestoreData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RestoreData, restore_data_free)

static void
report_restored (SalvageWindow *self,
                 GPtrArray     *items,
                 GPtrArray     *outcomes)
{
  g_autofree char *message = NULL;
  const SalvageRestoreOutcome *first_failure = NULL;
  guint n_failed = 0;
  guint n_restored;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);

      if (outcome->error != NULL)
        {
          if (first_failure == NULL)
            first_failure = outcome;
          n_failed++;
        }
    }

  n_restored = outcomes->len - n_failed;

  if (first_failure == NULL)
    {
      if (items->len == 1)
        {
          g_autofree char *name = salvage_format_trash_item_name (g_ptr_array_index (items, 0));

          message = g_strdup_printf (_("“%s” restored"), name);
        }
      else
        {
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u item restored",
                                                  "%u items restored",
                                                  n_restored),
                                     n_restored);
        }
    }
  else
    {
      g_autofree char *name = salvage_format_trash_item_name (first_failure->item);

      if (n_failed == 1)
        message = g_strdup_printf (_("Could not restore “%s”: %s"),
                                   name, first_failure->error->message);
      else
        /* Translators: the counts of restored and failed items, then the first failure */
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u restored, %u could not be; “%s”: %s",
                                                "%u restored, %u could not be; “%s”: %s",
                                                n_failed),
                                   n_restored, n_failed, name, first_failure->error->message);
    }

  show_toast (self, message);
}

static void
restore_many_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RestoreData) data = user_data;
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;

  outcomes = salvage_workspace_restore_many_finish (SALVAGE_WORKSPACE (object), result, &error);
  if (outcomes == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (data->self, error->message);
      return;
    }

  report_restored (data->self, data->items, outcomes);
}

static void
restore_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     SalvageWindow  *self)
{
  GPtrArray *items = g_object_get_data (G_OBJECT (dialog), "salvage-items");
  RestoreData *data;

  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);

  if (g_strcmp0 (response, "restore") != 0 || self->workspace == NULL)
    return;

  data = g_new0 (RestoreData, 1);
  data->self = g_object_ref (self);
  data->items = g_ptr_array_ref (items);

  salvage_workspace_restore_many_async (self->workspace, items, self->cancellable,
                                        restore_many_cb, data);
}

static void
restore_requested_cb (SalvageWindow *self,
                      GPtrArray     *requested,
                      gboolean       all)
{
  g_autoptr(GPtrArray) items = NULL;
  AdwAlertDialog *dialog;

  if (self->workspace == NULL || requested->len == 0)
    return;

  dialog = salvage_restore_dialog_new (self->workspace, requested, all, &items);

  g_object_set_data_full (G_OBJECT (dialog), "salvage-items",
                          g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);

  present_dialog (self, dialog);
}

/* Accounts */

static SalvageAccounts *
get_accounts (SalvageWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (SALVAGE_IS_APPLICATION (application))
    return salvage_application_get_accounts (SALVAGE_APPLICATION (application));

  return NULL;
}

/* The server a new key goes to unless the user types another: --api-url,
 * else API_URL from the environment, else the CLI login's "API_URL", else
 * Roboflow's own (the CLI login already ranks the last three). */
static const char *
default_server (SalvageWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *api_url = NULL;

  if (SALVAGE_IS_APPLICATION (application))
    api_url = salvage_application_get_api_url (SALVAGE_APPLICATION (application));
  if (api_url != NULL)
    return api_url;

  if (self->cli_config != NULL)
    return salvage_cli_config_get_api_url (self->cli_config);

  return salvage_client_default_base_url ();
}

static void
update_accounts_button (SalvageWindow *self)
{
  const char *label = NULL;

  if (self->workspace != NULL)
    label = salvage_workspace_get_name (self->workspace);
  if (label == NULL && self->account != NULL)
    label = salvage_account_get_name (self->account);
  if (label == NULL && self->client != NULL)
    label = salvage_client_get_workspace (self->client);

  gtk_label_set_text (self->accounts_label, label != NULL ? label : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->accounts_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Switch Workspace"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, label != NULL ? label : "",
                                  -1);

  /* Mark the account shown in the switcher's list. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      SalvageAccount *account = g_object_get_data (G_OBJECT (row), "salvage-account");
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "salvage-check");

      if (account != NULL && check != NULL)
        gtk_widget_set_opacity (check, account == self->account ? 1.0 : 0.0);
    }
}

/* A key the keyring did not take is kept only while Salvage runs: said for
 * as long as that workspace is shown. */
static void
update_keyring_banner (SalvageWindow *self)
{
  adw_banner_set_revealed (self->keyring_banner,
                           self->account != NULL && self->chrome_shown &&
                           salvage_account_get_session_only (self->account));
}

static void
set_account (SalvageWindow  *self,
             SalvageAccount *account)
{
  SalvageAccounts *accounts = get_accounts (self);

  g_set_object (&self->account, account);
  g_signal_group_set_target (self->account_signals, account);
  if (account != NULL && accounts != NULL)
    salvage_accounts_set_active (accounts, account);

  update_accounts_button (self);
  update_keyring_banner (self);
}

static GtkWidget *
account_row_new (gpointer item,
                 gpointer user_data)
{
  SalvageAccount *account = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *labels;
  GtkWidget *label;
  GtkWidget *check;
  GtkWidget *remove;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown"),
                                  -1);
  gtk_box_append (GTK_BOX (box), check);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (account, "name", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (labels), label);

  if (g_str_equal (salvage_account_get_server (account), SALVAGE_DEFAULT_API_URL))
    subtitle = g_strdup (salvage_account_get_workspace (account));
  else
    /* Translators: a workspace slug and the server it is on */
    subtitle = g_strdup_printf (_("%s on %s"), salvage_account_get_workspace (account),
                                salvage_account_get_server (account));
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (labels), label);
  gtk_box_append (GTK_BOX (box), labels);

  remove = salvage_remove_account_button_new (account);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "win.remove-account");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "(ss)",
                                    salvage_account_get_server (account),
                                    salvage_account_get_workspace (account));
  gtk_box_append (GTK_BOX (box), remove);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "salvage-account", g_object_ref (account), g_object_unref);
  g_object_set_data (G_OBJECT (row), "salvage-check", check);

  return row;
}

static void
accounts_changed_cb (SalvageWindow *self)
{
  update_accounts_button (self);
}

static void
account_row_activated_cb (SalvageWindow *self,
                          GtkListBoxRow *row)
{
  SalvageAccount *account = g_object_get_data (G_OBJECT (row), "salvage-account");

  gtk_popover_popdown (self->accounts_popover);

  if (account != NULL && account != self->account)
    salvage_window_open_account (self, account);
}

/* The welcome page */

static void
restart_welcome_work (SalvageWindow *self)
{
  g_cancellable_cancel (self->welcome_cancellable);
  g_clear_object (&self->welcome_cancellable);
  self->welcome_cancellable = g_cancellable_new ();
  g_clear_object (&self->pending_client);
  g_clear_pointer (&self->pending_key, salvage_secrets_free);
}

static void
cli_config_loaded_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  g_autoptr(SalvageCliConfig) config = NULL;
  g_autoptr(GError) error = NULL;

  config = salvage_cli_config_load_finish (result, &error);
  if (config == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_set_object (&self->cli_config, config);
  salvage_welcome_page_set_default_server (self->welcome_page, default_server (self));
  salvage_welcome_page_set_cli_config (self->welcome_page, config, error);
}

/* Shows the welcome page over what is shown, which stays as it is until
 * another workspace has been connected. */
static void
present_welcome (SalvageWindow *self,
                 const char    *server,
                 const char    *message)
{
  restart_welcome_work (self);

  salvage_welcome_page_set_default_server (self->welcome_page, default_server (self));
  salvage_welcome_page_reset (self->welcome_page, server);
  salvage_welcome_page_set_error (self->welcome_page, message);
  salvage_welcome_page_set_can_cancel (self->welcome_page, self->client != NULL);

  set_workspace_chrome (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_widget_grab_focus (GTK_WIDGET (salvage_welcome_page_get_key_entry (self->welcome_page)));

  /* Read again each time: the user may have logged in with the CLI meanwhile. */
  salvage_cli_config_load_async (self->welcome_cancellable, cli_config_loaded_cb,
                                 g_object_ref (self));
}

/* Shows @client's workspace in place of the one shown. */
static void
open_client (SalvageWindow  *self,
             SalvageClient  *client,
             SalvageAccount *account)
{
  g_autoptr(SalvageWorkspace) workspace = NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;

  set_workspace (self, NULL);
  g_set_object (&self->client, client);
  set_account (self, account);

  set_workspace_chrome (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  workspace = salvage_workspace_new (client);
  set_workspace (self, workspace);
  start_refresh (self);
}

/* A message for the welcome page, where the user has just typed a key. */
static char *
dup_connect_message (const GError *error)
{
  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
    return g_strdup (_("The server did not accept this API key. Check that it is the whole key, copied from the workspace’s settings."));

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NETWORK) ||
      g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_TIMEOUT))
    /* Translators: %s says what failed */
    return g_strdup_printf (_("Could not reach the server. Check the network connection and the server address. (%s)"),
                            error->message);

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_SERVER))
    /* Translators: %s says what failed */
    return g_strdup_printf (_("The server has a problem; try again later. (%s)"), error->message);

  return g_strdup (error->message);
}

static void
account_added_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  g_autoptr(SalvageAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  account = salvage_accounts_add_finish (SALVAGE_ACCOUNTS (object), result, &error);
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* Translators: %s says why */
  message = g_strdup_printf (_("The API key could not be saved in the keyring, so it is kept only until Salvage quits: %s"),
                             error->message);
  show_toast (self, message);
}

static void
welcome_validate_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SalvageWindow) self = user_data;
  SalvageClient *client = SALVAGE_CLIENT (object);
  SalvageAccounts *accounts;
  SalvageAccount *account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;

  slug = salvage_client_validate_key_finish (client, result, &error);

  /* Cancelled, or another key was tried meanwhile. */
  if (client != self->pending_client)
    return;

  salvage_welcome_page_set_busy (self->welcome_page, FALSE);

  if (slug == NULL)
    {
      g_autofree char *message = dup_connect_message (error);

      g_clear_object (&self->pending_client);
      salvage_welcome_page_set_error (self->welcome_page, message);
      return;
    }

  accounts = get_accounts (self);
  if (accounts != NULL)
    {
      salvage_accounts_add_async (accounts, salvage_client_get_base_url (client), slug,
                                  NULL, self->pending_key, NULL, account_added_cb, g_object_ref (self));
      account = salvage_accounts_find (accounts, salvage_client_get_base_url (client), slug);
    }

  g_object_ref (client);
  g_clear_object (&self->pending_client);
  g_clear_pointer (&self->pending_key, salvage_secrets_free);
  open_client (self, client, account);
  g_object_unref (client);
}

static void
start_welcome_connect (SalvageWindow *self,
                       const char    *server,
                       const char    *api_key)
{
  g_autoptr(GError) error = NULL;

  restart_welcome_work (self);
  salvage_welcome_page_set_error (self->welcome_page, NULL);

  self->pending_client = salvage_client_new (server, api_key, &error);
  self->pending_key = g_strdup (api_key);
  if (self->pending_client == NULL)
    {
      salvage_welcome_page_set_error (self->welcome_page, error->message);
      return;
    }

  salvage_welcome_page_set_busy (self->welcome_page, TRUE);
  salvage_client_validate_key_async (self->pending_client, self->welcome_cancellable,
                                     welcome_validate_cb, g_object_ref (self));
}

static void
welcome_connect_requested_cb (SalvageWindow *self,
                              const char    *server,
                              const char    *api_key)
{
  start_welcome_connect (self, server, api_key);
}

static void
welcome_import_requested_cb (SalvageWindow *self,
                             guint          index,
                             const char    *server)
{
  const char *api_key;

  if (self->cli_config == NULL || index >= salvage_cli_config_get_n_workspaces (self->cli_config))
    return;

  api_key = salvage_cli_config_get_api_key (self->cli_config, index);
  if (api_key == NULL)
    return;

  /* Validated and stored like a typed key, on the server the page shows;
   * the server says whose it is. */
  start_welcome_connect (self, server, api_key);
}

static void
welcome_demo_requested_cb (SalvageWindow *self)
{
  restart_welcome_work (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.demo", NULL);
}

static void
welcome_cancel_requested_cb (SalvageWindow *self)
{
  restart_welcome_work (self);

  if (self->client == NULL)
    return;

  set_workspace_chrome (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");
  update_accounts_button (self);
}

/* Opening a saved account */

typedef struct
{
  SalvageWindow  *self;
  SalvageAccount *account;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->account);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
lookup_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  SalvageWindow *self = data->self;
  SalvageAccount *account = data->account;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageClient) client = NULL;
  char *api_key;

  api_key = salvage_accounts_lookup_key_finish (SALVAGE_ACCOUNTS (object), result, &error);
  if (api_key == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      if (g_error_matches (error, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND))
        /* Translators: %s is a workspace name */
        message = g_strdup_printf (_("The API key of “%s” is not in the keyring. Enter it again to connect."),
                                   salvage_account_get_name (account));
      else
        /* Translators: the first %s is a workspace name, the second says why */
        message = g_strdup_printf (_("Could not read the API key of “%s” from the keyring: %s"),
                                   salvage_account_get_name (account), error->message);

      present_welcome (self, salvage_account_get_server (account), message);
      return;
    }

  client = salvage_client_new (salvage_account_get_server (account), api_key, &error);
  salvage_secrets_free (api_key);
  if (client == NULL)
    {
      present_welcome (self, NULL, error->message);
      return;
    }

  salvage_client_set_workspace (client, salvage_account_get_workspace (account));

  /* The key was checked when it was added; a revoked key shows as an error
   * on the pages, with Retry. */
  open_client (self, client, account);
}

void
salvage_window_open_account (SalvageWindow  *self,
                             SalvageAccount *account)
{
  SalvageAccounts *accounts;
  OpenData *data;

  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));

  accounts = get_accounts (self);
  g_return_if_fail (accounts != NULL);

  /* Only accounts of this application's list can be opened. */
  account = salvage_accounts_find (accounts, salvage_account_get_server (account),
                                   salvage_account_get_workspace (account));
  g_return_if_fail (account != NULL);

  restart_welcome_work (self);

  /* On start, the pages wait for the workspace rather than the welcome
   * page showing for as long as the keyring takes. */
  if (self->client == NULL)
    {
      set_workspace_chrome (self, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
      set_pages_state (self, SALVAGE_PAGE_STATE_LOADING, NULL);
      gtk_label_set_text (self->accounts_label, salvage_account_get_name (account));
    }

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  salvage_accounts_lookup_key_async (accounts, account, self->welcome_cancellable,
                                     lookup_key_cb, data);
}

SalvageAccount *
salvage_window_get_account (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->account;
}

void
salvage_window_show_message (SalvageWindow *self,
                             const char    *message)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));

  present_welcome (self, NULL, message);
}

/* Removing an account */

static SalvageAccount *
find_account (SalvageWindow *self,
              GVariant      *parameter)
{
  SalvageAccounts *accounts = get_accounts (self);
  const char *server;
  const char *workspace;

  if (accounts == NULL)
    return NULL;

  g_variant_get (parameter, "(&s&s)", &server, &workspace);
  return salvage_accounts_find (accounts, server, workspace);
}

static void
remove_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!salvage_accounts_remove_finish (SALVAGE_ACCOUNTS (object), result, &error))
    /* Translators: the first %s is a workspace name, the second says why */
    message = g_strdup_printf (_("“%s” was removed, but its API key could not be cleared from the keyring: %s"),
                               salvage_account_get_name (data->account), error->message);
  else
    /* Translators: %s is a workspace name */
    message = g_strdup_printf (_("“%s” removed"), salvage_account_get_name (data->account));

  if (!gtk_widget_in_destruction (GTK_WIDGET (data->self)))
    show_toast (data->self, message);
}

static void
remove_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    SalvageWindow  *self)
{
  SalvageAccount *account = g_object_get_data (G_OBJECT (dialog), "salvage-account");
  SalvageAccounts *accounts = get_accounts (self);
  gboolean was_shown;
  OpenData *data;

  if (self->dialog == dialog)
    g_clear_weak_pointer (&self->dialog);

  if (g_strcmp0 (response, "remove") != 0 || accounts == NULL)
    return;

  was_shown = account == self->account;

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->account = g_object_ref (account);
  salvage_accounts_remove_async (accounts, account, NULL, remove_done_cb, data);

  if (was_shown)
    {
      GListModel *model = salvage_accounts_get_model (accounts);
      g_autoptr(SalvageAccount) next = NULL;

      set_account (self, NULL);
      if (g_list_model_get_n_items (model) > 0)
        next = g_list_model_get_item (model, 0);

      if (next != NULL)
        salvage_window_open_account (self, next);
      else
        salvage_window_show_welcome (self);
    }
  else
    update_accounts_button (self);
}

static void
remove_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageAccount *account = find_account (self, parameter);
  AdwAlertDialog *dialog;

  if (account == NULL)
    return;

  gtk_popover_popdown (self->accounts_popover);

  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Remove Workspace?"), NULL));
  /* Translators: %s is a workspace name */
  adw_alert_dialog_format_body (dialog, _("Salvage forgets “%s” and clears its API key from the keyring. Nothing changes in the workspace itself; to use it again, add it with its key."),
                                salvage_account_get_name (account));
  adw_alert_dialog_add_responses (dialog,
                                  "cancel", _("_Cancel"),
                                  "remove", _("_Remove"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "salvage-account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);

  present_dialog (self, dialog);
}

static void
switch_account_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  SalvageAccount *account = find_account (self, parameter);

  if (account != NULL && account != self->account)
    salvage_window_open_account (self, account);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  gtk_popover_popdown (self->accounts_popover);
  present_welcome (self, NULL, NULL);
}

static void
reenter_key_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  g_autofree char *message = NULL;
  const char *name;

  if (self->client == NULL)
    return;

  name = self->workspace != NULL ? salvage_workspace_get_name (self->workspace) : NULL;
  if (name == NULL && self->account != NULL)
    name = salvage_account_get_name (self->account);
  if (name == NULL)
    name = salvage_client_get_workspace (self->client);
  if (name != NULL)
    /* Translators: %s is a workspace name */
    message = g_strdup_printf (_("The server no longer accepts the API key of “%s”. Enter its new key."),
                               name);
  else
    message = g_strdup (_("The server no longer accepts this API key. Enter a new one."));

  present_welcome (self, salvage_client_get_base_url (self->client), message);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  SalvagePreferencesDialog *preferences;

  if (!SALVAGE_IS_APPLICATION (application) || self->preferences != NULL)
    return;

  preferences = salvage_preferences_dialog_new (self, SALVAGE_APPLICATION (application));
  g_set_weak_pointer (&self->preferences, ADW_DIALOG (preferences));
  adw_dialog_present (ADW_DIALOG (preferences), GTK_WIDGET (self));
}

/* GObject */

static gboolean
salvage_window_close_request (GtkWindow *window)
{
  SalvageWindow *self = SALVAGE_WINDOW (window);

  GtkApplication *application = gtk_window_get_application (window);
  GSettings *settings = NULL;

  /* Nothing in flight may land on a window that is going away. */
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->welcome_cancellable);

  if (SALVAGE_IS_APPLICATION (application))
    settings = salvage_application_get_settings (SALVAGE_APPLICATION (application));
  if (settings != NULL)
    {
      int width;
      int height;

      /* The size to come back to is the unmaximized one. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }

  return GTK_WINDOW_CLASS (salvage_window_parent_class)->close_request (window);
}

/* gtk_window_destroy() unrealizes the window but disposes of it only when
 * the last reference goes, and requests in flight hold one. */
static void
salvage_window_unrealize (GtkWidget *widget)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->welcome_cancellable);

  GTK_WIDGET_CLASS (salvage_window_parent_class)->unrealize (widget);
}

static void
salvage_window_dispose (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->welcome_cancellable);
  if (self->workspace != NULL)
    set_workspace (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WINDOW);

  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->preferences);
  g_clear_handle_id (&self->undo_check_id, g_source_remove);
  g_clear_pointer (&self->undo_entries, g_ptr_array_unref);
  g_clear_object (&self->workspace);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->account);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->pending_client);
  g_clear_pointer (&self->pending_key, salvage_secrets_free);
  g_clear_object (&self->cli_config);
  g_clear_object (&self->welcome_cancellable);

  G_OBJECT_CLASS (salvage_window_parent_class)->dispose (object);
}

static void
salvage_window_finalize (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (salvage_window_parent_class)->finalize (object);
}

/* On a narrow window the page switcher moves to the bottom, the title
 * shows the workspace's name under the application's, and the workspace
 * switcher keeps only its arrow. */
static void
narrow_applied_cb (SalvageWindow *self)
{
  self->narrow = TRUE;
  update_chrome (self);
}

static void
narrow_unapplied_cb (SalvageWindow *self)
{
  self->narrow = FALSE;
  update_chrome (self);
}

/* The application (and with it the settings and the accounts) is set
 * after the window is constructed. */
static void
application_changed_cb (SalvageWindow *self)
{
  SalvageAccounts *accounts;
  GSettings *settings = NULL;
  GtkApplication *application;

  application = gtk_window_get_application (GTK_WINDOW (self));
  if (application == NULL || self->has_application)
    return;

  self->has_application = TRUE;

  if (SALVAGE_IS_APPLICATION (application))
    settings = salvage_application_get_settings (SALVAGE_APPLICATION (application));

  if (settings != NULL)
    {
      salvage_trash_page_set_settings (self->trash_page, settings);
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  accounts = get_accounts (self);
  if (accounts != NULL)
    {
      gtk_list_box_bind_model (self->accounts_list, salvage_accounts_get_model (accounts),
                               account_row_new, NULL, NULL);
      g_signal_connect_object (salvage_accounts_get_model (accounts), "items-changed",
                               G_CALLBACK (accounts_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

static void
salvage_window_class_init (SalvageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = salvage_window_dispose;
  object_class->finalize = salvage_window_finalize;
  window_class->close_request = salvage_window_close_request;
  widget_class->unrealize = salvage_window_unrealize;

  g_type_ensure (SALVAGE_TYPE_PROJECTS_PAGE);
  g_type_ensure (SALVAGE_TYPE_WORKFLOWS_PAGE);
  g_type_ensure (SALVAGE_TYPE_TRASH_PAGE);
  g_type_ensure (SALVAGE_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, trash_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, workflows_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, trash_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, accounts_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, accounts_label);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, accounts_popover);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, keyring_banner);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_connect_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_import_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_demo_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, welcome_cancel_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_unapplied_cb);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete", "u", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.switch-account", "(ss)", switch_account_action);
  gtk_widget_class_install_action (widget_class, "win.remove-account", "(ss)", remove_account_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.reenter-key", NULL, reenter_key_action);
}

static void
salvage_window_init (SalvageWindow *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No workspaces added yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->accounts_list, placeholder);

  /* The entry sits in a clamp, where the bar does not find it itself. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->cancellable = g_cancellable_new ();
  self->welcome_cancellable = g_cancellable_new ();
  self->trash_focus_interval = TRASH_FOCUS_INTERVAL;
  self->undo_entries = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_entry_free);

  self->account_signals = g_signal_group_new (SALVAGE_TYPE_ACCOUNT);
  g_signal_group_connect_object (self->account_signals, "notify::session-only",
                                 G_CALLBACK (update_keyring_banner), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), self);
  g_signal_connect_swapped (self, "notify::application", G_CALLBACK (application_changed_cb), self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

static void
update_chrome (SalvageWindow *self)
{
  const char *name = NULL;

  if (self->chrome_shown && self->narrow && self->workspace != NULL)
    name = salvage_workspace_get_name (self->workspace);

  gtk_stack_set_visible_child_name (self->title_stack,
                                    self->chrome_shown && !self->narrow ? "switcher" : "title");
  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
  adw_view_switcher_bar_set_reveal (self->switcher_bar, self->chrome_shown && self->narrow);
  gtk_widget_set_visible (GTK_WIDGET (self->accounts_label), !self->narrow);
  /* A phone-sized header bar has room for fewer buttons: Refresh is in
   * the main menu too, and on F5 and Ctrl+R. */
  gtk_widget_set_visible (self->refresh_button, self->chrome_shown && !self->narrow);
}

/* Without a workspace there is nothing to switch between, refresh or search:
 * the header bar shows just the application's name. */
static void
set_workspace_chrome (SalvageWindow *self,
                      gboolean       shown)
{
  self->chrome_shown = shown;
  update_chrome (self);

  gtk_widget_set_visible (self->search_button, shown);
  gtk_widget_set_visible (self->accounts_button, shown);
  update_keyring_banner (self);

  if (!shown)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  /* Typing anywhere starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, shown ? GTK_WIDGET (self) : NULL);
}

SalvageWindow *
salvage_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (SALVAGE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
salvage_window_show_welcome (SalvageWindow *self)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_workspace (self, NULL);
  g_clear_object (&self->client);
  set_account (self, NULL);
  self->loading = FALSE;

  present_welcome (self, NULL, NULL);
  update_actions (self);
}

void
salvage_window_connect (SalvageWindow *self,
                        const char    *base_url,
                        const char    *api_key)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (api_key != NULL);

  restart_welcome_work (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_workspace (self, NULL);
  g_clear_object (&self->client);
  set_account (self, NULL);
  self->loading = FALSE;

  set_workspace_chrome (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "workspace");

  self->client = salvage_client_new (base_url, api_key, &error);
  if (self->client == NULL)
    {
      set_pages_state (self, SALVAGE_PAGE_STATE_ERROR, error);
      update_actions (self);
      return;
    }

  start_validation (self);
}

SalvageWorkspace *
salvage_window_get_workspace (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->workspace;
}

SalvageProjectsPage *
salvage_window_get_projects_page (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->projects_page;
}

SalvageWorkflowsPage *
salvage_window_get_workflows_page (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->workflows_page;
}

SalvageTrashPage *
salvage_window_get_trash_page (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->trash_page;
}

void
salvage_window_show_page (SalvageWindow *self,
                          const char    *name)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
salvage_window_get_view (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

AdwAlertDialog *
salvage_window_get_dialog (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->dialog;
}

const char *
salvage_window_get_last_toast (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->last_toast;
}

guint
salvage_window_get_trash_badge (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), 0);

  return adw_view_stack_page_get_badge_number (self->trash_stack_page);
}

gboolean
salvage_window_get_bottom_switcher (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), FALSE);

  return adw_view_switcher_bar_get_reveal (self->switcher_bar);
}

void
salvage_window_set_trash_focus_interval (SalvageWindow *self,
                                         GTimeSpan      interval)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (interval >= 0);

  self->trash_focus_interval = interval;
}

guint
salvage_window_get_n_focus_refreshes (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), 0);

  return self->n_focus_refreshes;
}

SalvageWelcomePage *
salvage_window_get_welcome_page (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->welcome_page;
}

GtkListBox *
salvage_window_get_accounts_list (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->accounts_list;
}
