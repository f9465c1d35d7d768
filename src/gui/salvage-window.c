/* salvage-window.c - the main window: the Projects, Workflows and Trash pages
 *
 * The pages show the workspace's lists and ask for changes through signals;
 * the window confirms them, runs them and reports the outcome in toasts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-dialogs.h"
#include "salvage-format.h"
#include "salvage-window-private.h"

/* Coming back to the window reloads the Trash, but not more often than
 * this: switching windows quickly should not flood the server. */
#define TRASH_FOCUS_INTERVAL (5 * G_TIME_SPAN_SECOND)

struct _SalvageWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
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

  SalvageClient        *client;
  SalvageWorkspace     *workspace;
  GCancellable         *cancellable;
  gboolean              loading;

  /* Monotonic time of the last Trash load this window started. */
  gint64                trash_loaded_at;
  GTimeSpan             trash_focus_interval;
  gboolean              trash_refreshing;
  /* The focus went to one of our own dialogs: coming back from it is no
   * reason to reload. */
  gboolean              left_for_dialog;
  guint                 n_focus_refreshes;

  /* The Trash entry of the last delete, for win.undo. */
  SalvageTrashItem     *undo_item;

  AdwMessageDialog     *dialog;
  char                 *last_toast;
};

G_DEFINE_FINAL_TYPE (SalvageWindow, salvage_window, ADW_TYPE_APPLICATION_WINDOW)

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 self->workspace != NULL && self->undo_item != NULL);
}

static void
trash_changed_cb (SalvageWindow *self)
{
  guint n_items = g_list_model_get_n_items (salvage_workspace_get_trash (self->workspace));

  adw_view_stack_page_set_badge_number (self->trash_stack_page, n_items);
  adw_view_stack_page_set_needs_attention (self->trash_stack_page, n_items > 0);
}

static void
workspace_name_changed_cb (SalvageWindow *self)
{
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        salvage_workspace_get_name (self->workspace));
}

/* Loading */

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

      /* Pages that still show their lists would hide the failure. */
      if (any_page_has_items (self))
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
  gboolean from_dialog = self->left_for_dialog;

  if (!gtk_window_is_active (GTK_WINDOW (self)))
    {
      self->left_for_dialog = self->dialog != NULL;
      return;
    }

  self->left_for_dialog = FALSE;

  if (from_dialog ||
      self->workspace == NULL ||
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
  g_clear_object (&self->undo_item);
  self->trash_refreshing = FALSE;

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

  g_set_object (&self->undo_item, trash_item);
  update_actions (self);

  escaped = g_markup_escape_text (data->name, -1);
  if (already_in_trash)
    title = g_strdup_printf (_("“%s” was already in the Trash"), escaped);
  else
    title = g_strdup_printf (_("“%s” moved to Trash"), escaped);

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (trash_item != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }

  add_toast (self, toast);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SalvageWindow    *self)
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

static void
present_dialog (SalvageWindow    *self,
                AdwMessageDialog *dialog)
{
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_requested_cb (SalvageWindow *self,
                     GObject       *item)
{
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->workspace == NULL)
    return;

  name = salvage_dup_item_name (self->workspace, item);
  dialog = salvage_delete_dialog_new (GTK_WINDOW (self), item, name);

  g_object_set_data_full (G_OBJECT (dialog), "salvage-item", g_object_ref (item), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "salvage-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);

  present_dialog (self, dialog);
}

static void
undo_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(DeleteData) data = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!salvage_workspace_restore_finish (SALVAGE_WORKSPACE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      message = g_strdup_printf (_("Could not restore “%s”: %s"), data->name, error->message);
    }
  else
    {
      message = g_strdup_printf (_("“%s” restored"), data->name);
    }

  show_toast (data->self, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);
  g_autoptr(SalvageTrashItem) item = g_steal_pointer (&self->undo_item);
  DeleteData *data;

  update_actions (self);
  if (item == NULL || self->workspace == NULL)
    return;

  data = g_new0 (DeleteData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (G_OBJECT (item));
  data->name = salvage_format_trash_item_name (item);

  salvage_workspace_restore_async (self->workspace, item, self->cancellable, undo_cb, data);
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
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     SalvageWindow    *self)
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
  AdwMessageDialog *dialog;

  if (self->workspace == NULL || requested->len == 0)
    return;

  dialog = salvage_restore_dialog_new (GTK_WINDOW (self), self->workspace, requested, all, &items);

  g_object_set_data_full (G_OBJECT (dialog), "salvage-items",
                          g_steal_pointer (&items), (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);

  present_dialog (self, dialog);
}

/* GObject */

static gboolean
salvage_window_close_request (GtkWindow *window)
{
  SalvageWindow *self = SALVAGE_WINDOW (window);

  /* Nothing in flight may land on a window that is going away. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (salvage_window_parent_class)->close_request (window);
}

static void
salvage_window_dispose (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->workspace != NULL)
    set_workspace (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WINDOW);

  g_clear_weak_pointer (&self->dialog);
  g_clear_object (&self->undo_item);
  g_clear_object (&self->workspace);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (salvage_window_parent_class)->dispose (object);
}

static void
salvage_window_finalize (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (salvage_window_parent_class)->finalize (object);
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

  g_type_ensure (SALVAGE_TYPE_PROJECTS_PAGE);
  g_type_ensure (SALVAGE_TYPE_WORKFLOWS_PAGE);
  g_type_ensure (SALVAGE_TYPE_TRASH_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, switcher_title);
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
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, restore_requested_cb);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_action);
}

static void
salvage_window_init (SalvageWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->trash_focus_interval = TRASH_FOCUS_INTERVAL;

  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), self);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/* Without a workspace there is nothing to switch between, refresh or search:
 * the header bar shows just the application's name. */
static void
set_workspace_chrome (SalvageWindow *self,
                      gboolean       shown)
{
  adw_view_switcher_title_set_stack (self->switcher_title, shown ? self->view_stack : NULL);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), shown);
  gtk_widget_set_visible (self->refresh_button, shown);
  gtk_widget_set_visible (self->search_button, shown);

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
  self->loading = FALSE;

  set_workspace_chrome (self, FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
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

  salvage_window_show_welcome (self);
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

AdwMessageDialog *
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
