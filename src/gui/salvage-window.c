/* salvage-window.c - the main window: the Projects, Workflows and Trash pages
 *
 * The window draws its session (salvage-session.h): the pages are bound to
 * it, its messages become toasts, and what the user asks for goes to it,
 * after a confirmation where something is moved or restored. The window
 * decides nothing about workspaces, keys or lists itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-application.h"
#include "salvage-window-private.h"

G_DEFINE_FINAL_TYPE (SalvageWindow, salvage_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Views and chrome */

static void
update_chrome (SalvageWindow *self)
{
  gboolean workspace_shown = !self->welcome_shown;
  SalvageAccount *account = salvage_session_get_account (self->session);
  const char *title = salvage_session_get_title (self->session);

  /* The welcome page is made when first shown, so that a window that
   * opens on a workspace (most starts) neither builds, styles nor
   * measures it; once made, it stays in the stack as any page. */
  if (!workspace_shown)
    _salvage_window_ensure_welcome_page (self);
  gtk_stack_set_visible_child_name (self->main_stack, workspace_shown ? "workspace" : "welcome");

  /* Without a workspace there is nothing to switch between, refresh or
   * search: the header bar shows just the application's name. On a narrow
   * window the page switcher moves to the bottom, the title names the
   * workspace, and Refresh is left to the menu, F5 and Ctrl+R. */
  gtk_stack_set_visible_child_name (self->title_stack,
                                    workspace_shown && !self->narrow ? "switcher" : "title");
  adw_window_title_set_subtitle (self->window_title,
                                 workspace_shown && self->narrow && title != NULL ? title : "");
  adw_view_switcher_bar_set_reveal (self->switcher_bar, workspace_shown && self->narrow);
  gtk_widget_set_visible (self->refresh_button, workspace_shown && !self->narrow);
  /* Adding a workspace over one shown can be left, as Escape leaves it. */
  gtk_widget_set_visible (self->back_button,
                          !workspace_shown && salvage_welcome_page_get_can_cancel (self->welcome_page));
  gtk_widget_set_visible (self->search_button, workspace_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher), workspace_shown);
  g_object_set (self->switcher, "compact", self->narrow, NULL);

  if (!workspace_shown)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* Typing anywhere starts a search. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, workspace_shown ? GTK_WIDGET (self) : NULL);

  /* A key the keyring did not take is kept only while Salvage runs: said
   * for as long as that workspace is shown. */
  adw_banner_set_revealed (self->keyring_banner,
                           workspace_shown && account != NULL &&
                           salvage_account_get_session_only (account));
}

static void
update_actions (SalvageWindow *self)
{
  SalvageSessionState state = salvage_session_get_state (self->session);
  /* All Workspaces has no client of its own. */
  gboolean shown = salvage_session_get_client (self->session) != NULL ||
                   salvage_session_get_workspace (self->session) != NULL;
  SalvageAccounts *accounts = salvage_session_get_accounts (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh",
                                 shown && state != SALVAGE_SESSION_LOADING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 salvage_session_get_workspace (self->session) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-all-workspaces",
                                 accounts != NULL &&
                                 g_list_model_get_n_items (salvage_accounts_get_model (accounts)) > 1);
}

/* On a narrow window the pages show rows rather than columns. */
static void
set_narrow (SalvageWindow *self,
            gboolean       narrow)
{
  self->narrow = narrow;
  salvage_page_set_narrow (SALVAGE_PAGE (self->projects_page), narrow);
  if (self->workflows_page != NULL)
    salvage_page_set_narrow (SALVAGE_PAGE (self->workflows_page), narrow);
  if (self->trash_page != NULL)
    salvage_page_set_narrow (SALVAGE_PAGE (self->trash_page), narrow);
  update_chrome (self);
}

static void
narrow_applied_cb (SalvageWindow *self)
{
  set_narrow (self, TRUE);
}

static void
narrow_unapplied_cb (SalvageWindow *self)
{
  set_narrow (self, FALSE);
}

static void
trash_changed_cb (SalvageWindow *self)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);
  guint n_items = workspace != NULL ? g_list_model_get_n_items (salvage_workspace_get_trash (workspace)) : 0;

  adw_view_stack_page_set_badge_number (self->trash_stack_page, n_items);
  adw_view_stack_page_set_needs_attention (self->trash_stack_page, n_items > 0);
}

/* Session */

static void
workspace_changed_cb (SalvageWindow *self)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (self->session);
  gboolean all;

  g_signal_group_set_target (self->trash_signals,
                             workspace != NULL ? salvage_workspace_get_trash (workspace) : NULL);
  trash_changed_cb (self);

  /* A workspace opened: the welcome page has done its work. */
  if (workspace != NULL)
    self->welcome_shown = FALSE;

  /* All Workspaces is their Trash alone: projects and workflows belong
   * to one workspace. */
  all = workspace != NULL && salvage_workspace_is_group (workspace);
  if (all)
    adw_view_stack_set_visible_child_name (self->view_stack, "trash");
  adw_view_stack_page_set_visible (self->projects_stack_page, !all);
  adw_view_stack_page_set_visible (self->workflows_stack_page, !all);

  update_chrome (self);
  update_actions (self);
}


static void
state_changed_cb (SalvageWindow *self)
{
  /* Nothing shown and nothing on its way: the welcome page. */
  if (salvage_session_get_state (self->session) == SALVAGE_SESSION_IDLE &&
      salvage_session_get_client (self->session) == NULL &&
      salvage_session_get_account (self->session) == NULL &&
      !self->welcome_shown)
    _salvage_window_present_welcome (self, NULL, NULL);

  update_actions (self);
}

static void
account_changed_cb (SalvageWindow *self)
{
  SalvageAccount *account = salvage_session_get_account (self->session);

  g_signal_group_set_target (self->account_signals, account);

  /* The entries of a warning belong to its workspace: another one shows
   * its whole Trash. */
  if (self->review_account != NULL &&
      (account == NULL ||
       !salvage_account_matches (account, salvage_account_get_server (self->review_account),
                                 salvage_account_get_workspace (self->review_account))))
    {
      g_clear_object (&self->review_account);
      if (self->trash_page != NULL)
        salvage_trash_page_show_only (self->trash_page, NULL);
    }

  update_chrome (self);
}

static void
welcome_requested_cb (SalvageWindow *self,
                      const char    *server,
                      const char    *message)
{
  _salvage_window_present_welcome (self, server, message);
}

/* The welcome page */

static void
update_welcome (SalvageWindow *self)
{
  SalvageWelcomePage *page = self->welcome_page;

  if (page == NULL)
    return;

  salvage_welcome_page_set_default_server (page, salvage_session_get_default_server (self->session));
  salvage_welcome_page_set_busy (page, salvage_session_get_connecting (self->session));
  if (salvage_session_get_connect_error (self->session) != NULL)
    salvage_welcome_page_set_error (page, salvage_session_get_connect_error (self->session));
}

static void
cli_config_changed_cb (SalvageWindow *self)
{
  if (self->welcome_page == NULL)
    return;

  salvage_welcome_page_set_cli_config (self->welcome_page,
                                       salvage_session_get_cli_config (self->session),
                                       salvage_session_get_cli_config_error (self->session));
}

/* Shows the welcome page over what is shown, which stays as it is until
 * another workspace has been connected. */
void
_salvage_window_present_welcome (SalvageWindow *self,
                                 const char    *server,
                                 const char    *message)
{
  self->welcome_shown = TRUE;
  _salvage_window_ensure_welcome_page (self);

  /* Read again each time: the user may have logged in with the CLI meanwhile. */
  salvage_session_load_cli_config (self->session);

  salvage_welcome_page_set_default_server (self->welcome_page,
                                           salvage_session_get_default_server (self->session));
  salvage_welcome_page_reset (self->welcome_page, server);
  salvage_welcome_page_set_error (self->welcome_page, message);
  salvage_welcome_page_set_can_cancel (self->welcome_page,
                                       salvage_session_get_workspace (self->session) != NULL);

  update_chrome (self);
  gtk_widget_grab_focus (GTK_WIDGET (salvage_welcome_page_get_key_entry (self->welcome_page)));
}

static void
welcome_connect_requested_cb (SalvageWindow *self,
                              const char    *server,
                              const char    *api_key)
{
  salvage_session_add_key (self->session, server, api_key);
}

static void
welcome_import_requested_cb (SalvageWindow *self,
                             guint          index,
                             const char    *server)
{
  salvage_session_add_cli_key (self->session, index, server);
}

static void
welcome_demo_requested_cb (SalvageWindow *self)
{
  salvage_session_cancel_connect (self->session);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.demo", NULL);
}

static void
welcome_cancel_requested_cb (SalvageWindow *self)
{
  salvage_session_cancel_connect (self->session);

  if (salvage_session_get_workspace (self->session) == NULL)
    return;

  self->welcome_shown = FALSE;
  update_chrome (self);
}

static void
back_clicked_cb (SalvageWindow *self)
{
  welcome_cancel_requested_cb (self);
}

SalvageWelcomePage *
_salvage_window_ensure_welcome_page (SalvageWindow *self)
{
  SalvageWelcomePage *page;

  if (self->welcome_page != NULL)
    return self->welcome_page;

  page = g_object_new (SALVAGE_TYPE_WELCOME_PAGE, NULL);
  g_signal_connect_swapped (page, "connect-requested", G_CALLBACK (welcome_connect_requested_cb), self);
  g_signal_connect_swapped (page, "import-requested", G_CALLBACK (welcome_import_requested_cb), self);
  g_signal_connect_swapped (page, "demo-requested", G_CALLBACK (welcome_demo_requested_cb), self);
  g_signal_connect_swapped (page, "cancel-requested", G_CALLBACK (welcome_cancel_requested_cb), self);
  /* The stack holds it; the window's pointer goes with the stack. */
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (page), "welcome");
  self->welcome_page = page;

  update_welcome (self);
  cli_config_changed_cb (self);

  return page;
}

/* The Workflows and Trash pages are made the first time they are shown
 * (or asked for): a window opens on the Projects page, and building,
 * styling and measuring the others took a part of every start. Each
 * view stack page holds a bin for its page; the bin holds the page, and
 * the window's pointer goes with the bin. */
static void
page_made (SalvageWindow *self,
           SalvagePage   *page,
           AdwBin        *bin)
{
  salvage_page_set_narrow (page, self->narrow);
  salvage_page_bind (page, self->session, G_OBJECT (self));
  adw_bin_set_child (bin, GTK_WIDGET (page));
}

SalvageWorkflowsPage *
_salvage_window_ensure_workflows_page (SalvageWindow *self)
{
  if (self->workflows_page == NULL)
    {
      self->workflows_page = g_object_new (SALVAGE_TYPE_WORKFLOWS_PAGE, NULL);
      g_signal_connect_swapped (self->workflows_page, "delete-requested",
                                G_CALLBACK (_salvage_window_delete_requested_cb), self);
      page_made (self, SALVAGE_PAGE (self->workflows_page), self->workflows_bin);
    }

  return self->workflows_page;
}

SalvageTrashPage *
_salvage_window_ensure_trash_page (SalvageWindow *self)
{
  if (self->trash_page == NULL)
    {
      GSettings *settings = NULL;

      /* Settings come with the application, as in application_changed_cb(). */
      if (self->has_application)
        settings = salvage_application_get_settings (SALVAGE_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

      self->trash_page = g_object_new (SALVAGE_TYPE_TRASH_PAGE, NULL);
      g_signal_connect_swapped (self->trash_page, "restore-requested",
                                G_CALLBACK (_salvage_window_restore_requested_cb), self);
      if (settings != NULL)
        salvage_trash_page_set_settings (self->trash_page, settings);
      page_made (self, SALVAGE_PAGE (self->trash_page), self->trash_bin);
    }

  return self->trash_page;
}

static void
visible_page_changed_cb (SalvageWindow *self)
{
  GtkWidget *shown = adw_view_stack_get_visible_child (self->view_stack);

  if (shown == GTK_WIDGET (self->workflows_bin))
    _salvage_window_ensure_workflows_page (self);
  else if (shown == GTK_WIDGET (self->trash_bin))
    _salvage_window_ensure_trash_page (self);
}

/* The rows of the page shown get the focus. */
void
_salvage_window_focus_page (SalvageWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (ADW_IS_BIN (page))
    page = adw_bin_get_child (ADW_BIN (page));

  if (SALVAGE_IS_PAGE (page))
    salvage_page_focus_rows (SALVAGE_PAGE (page));
}

/* Search */

static void
search_changed_cb (SalvageWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (g_set_str (&self->search, text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

static void
stop_search_cb (SalvageWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
search_mode_changed_cb (SalvageWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  gboolean in_search = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_bar));

  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  /* Out of the search, back to the rows it was searching, rather than to
   * the first button GTK finds. */
  if (in_search && !self->welcome_shown)
    _salvage_window_focus_page (self);
}

/* GObject */

/* Items may have been deleted elsewhere (in the web app, by a teammate)
 * while the user was away: the session reloads the Trash when the window
 * comes back. */
static void
is_active_changed_cb (SalvageWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)))
    salvage_session_window_activated (self->session);
}

/* The settings come with the application, which is set after the window
 * is constructed. */
static void
application_changed_cb (SalvageWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!SALVAGE_IS_APPLICATION (application) || self->has_application)
    return;

  self->has_application = TRUE;
  settings = salvage_application_get_settings (SALVAGE_APPLICATION (application));
  if (settings == NULL)
    return;

  if (self->trash_page != NULL)
    salvage_trash_page_set_settings (self->trash_page, settings);

  /* GTK keeps the default size at the unmaximized one: that is the size
   * to come back to. */
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

/* First frame with rows
 *
 * How long Salvage takes to start is timed (tests/bench/bench-start.c)
 * from exec to the first frame that shows the Projects page's rows: this
 * debug message says when that frame was painted, in the clock of
 * g_get_monotonic_time() (CLOCK_MONOTONIC), which the process that started
 * Salvage shares. Nothing is watched unless the message would be shown
 * (G_MESSAGES_DEBUG names its domain, or is "all"), so what users see and
 * what the window does are the same either way. */
#define FIRST_ROWS_LOG_DOMAIN "salvage-startup"

static void
stop_first_rows_watch (SalvageWindow *self)
{
  if (self->first_rows_handler != 0)
    g_clear_signal_handler (&self->first_rows_handler, self->first_rows_clock);
  g_clear_object (&self->first_rows_clock);
}

/* Runs after each frame is painted until one shows the rows: they appear
 * between frames, when a response has been read, so the first frame that
 * ends with them in the shown page is the first that painted them. */
static void
first_rows_after_paint_cb (SalvageWindow *self)
{
  SalvagePage *page = SALVAGE_PAGE (self->projects_page);
  GskRenderer *renderer;

  if (!gtk_widget_get_mapped (GTK_WIDGET (page)) ||
      g_strcmp0 (salvage_page_get_view (page), "content") != 0 ||
      g_list_model_get_n_items (salvage_projects_page_get_rows (self->projects_page)) == 0)
    return;

  /* The renderer is named so that a comparison can check that it used
   * the same one as what it compares with. */
  renderer = gtk_native_get_renderer (GTK_NATIVE (self));
  g_log (FIRST_ROWS_LOG_DOMAIN, G_LOG_LEVEL_DEBUG,
         "first frame with project rows painted at %" G_GINT64_FORMAT " µs (%s)",
         g_get_monotonic_time (), renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "no renderer");

  stop_first_rows_watch (self);
  self->first_rows_reported = TRUE;
}

static void
salvage_window_realize (GtkWidget *widget)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  GTK_WIDGET_CLASS (salvage_window_parent_class)->realize (widget);

  if (self->first_rows_reported ||
      g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, FIRST_ROWS_LOG_DOMAIN))
    return;

  self->first_rows_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->first_rows_handler = g_signal_connect_swapped (self->first_rows_clock, "after-paint",
                                                       G_CALLBACK (first_rows_after_paint_cb), self);
}

/* gtk_window_destroy() unrealizes the window but disposes of it only when
 * the last reference goes, and requests in flight hold one: nothing in
 * flight may land on a window that is going away. */
static void
salvage_window_unrealize (GtkWidget *widget)
{
  SalvageWindow *self = SALVAGE_WINDOW (widget);

  salvage_session_close (self->session);
  salvage_session_cancel_connect (self->session);
  stop_first_rows_watch (self);

  GTK_WIDGET_CLASS (salvage_window_parent_class)->unrealize (widget);
}

static void
salvage_window_constructed (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);
  SalvageSession *session = self->session;

  G_OBJECT_CLASS (salvage_window_parent_class)->constructed (object);

  g_assert (SALVAGE_IS_SESSION (session));

  salvage_workspace_switcher_set_session (self->switcher, session);
  salvage_restore_progress_set_session (self->restore_progress, session);
  salvage_page_bind (SALVAGE_PAGE (self->projects_page), session, object);

  g_signal_connect_object (session, "message", G_CALLBACK (_salvage_window_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "key-refused", G_CALLBACK (_salvage_window_key_refused_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "deleted", G_CALLBACK (_salvage_window_deleted_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "undo-changed", G_CALLBACK (_salvage_window_undo_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "welcome-requested", G_CALLBACK (welcome_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::workspace", G_CALLBACK (workspace_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::account", G_CALLBACK (account_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::title", G_CALLBACK (update_chrome), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::connecting", G_CALLBACK (update_welcome), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::connect-error", G_CALLBACK (update_welcome), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::default-server", G_CALLBACK (update_welcome), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::cli-config", G_CALLBACK (cli_config_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* All Workspaces is for two or more. */
  if (salvage_session_get_accounts (session) != NULL)
    g_signal_connect_object (salvage_accounts_get_model (salvage_session_get_accounts (session)),
                             "items-changed", G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);

  workspace_changed_cb (self);
  account_changed_cb (self);
}

static void
salvage_window_dispose (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  if (self->session != NULL)
    {
      salvage_session_close (self->session);
      salvage_session_cancel_connect (self->session);
    }

  stop_first_rows_watch (self);
  /* The stack changes its page as its pages go: none is to be made now. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, visible_page_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WINDOW);
  self->welcome_page = NULL;    /* gone with the stack */
  self->workflows_page = NULL;  /* gone with their bins */
  self->trash_page = NULL;

  if (self->shortcuts_window != NULL)
    gtk_window_destroy (self->shortcuts_window);
  g_clear_object (&self->shortcuts_window);
  g_clear_weak_pointer (&self->dialog);
  g_clear_weak_pointer (&self->preferences);
  g_clear_weak_pointer (&self->details_dialog);
  g_clear_pointer (&self->undo_toasts, g_hash_table_unref);
  g_clear_object (&self->account_signals);
  g_clear_object (&self->review_account);
  g_clear_object (&self->trash_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (salvage_window_parent_class)->dispose (object);
}

static void
salvage_window_finalize (GObject *object)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (salvage_window_parent_class)->finalize (object);
}

static void
salvage_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalvageWindow *self = SALVAGE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_window_class_init (SalvageWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = salvage_window_constructed;
  object_class->dispose = salvage_window_dispose;
  object_class->finalize = salvage_window_finalize;
  object_class->get_property = salvage_window_get_property;
  object_class->set_property = salvage_window_set_property;
  widget_class->realize = salvage_window_realize;
  widget_class->unrealize = salvage_window_unrealize;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SALVAGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SALVAGE_TYPE_PROJECTS_PAGE);
  g_type_ensure (SALVAGE_TYPE_WORKSPACE_SWITCHER);
  g_type_ensure (SALVAGE_TYPE_RESTORE_PROGRESS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, keyring_banner);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, restore_progress);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, projects_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, workflows_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, trash_stack_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, projects_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, workflows_bin);
  gtk_widget_class_bind_template_child (widget_class, SalvageWindow, trash_bin);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "delete_requested_cb",
                                                G_CALLBACK (_salvage_window_delete_requested_cb));
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, narrow_unapplied_cb);

  _salvage_window_class_init_actions (widget_class);
}

static void
salvage_window_init (SalvageWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->undo_toasts = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);

  /* The entry sits in a clamp, where the bar does not find it itself. */
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->account_signals = g_signal_group_new (SALVAGE_TYPE_ACCOUNT);
  g_signal_group_connect_swapped (self->account_signals, "notify::session-only",
                                  G_CALLBACK (update_chrome), self);
  self->trash_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->trash_signals, "items-changed",
                                  G_CALLBACK (trash_changed_cb), self);

  g_signal_connect_swapped (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), self);
  g_signal_connect_swapped (self, "notify::application", G_CALLBACK (application_changed_cb), self);
  g_signal_connect_object (self->view_stack, "notify::visible-child", G_CALLBACK (visible_page_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
}

SalvageWindow *
salvage_window_new (GtkApplication *application)
{
  g_autoptr(SalvageSession) session = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  if (SALVAGE_IS_APPLICATION (application))
    session = salvage_session_new (salvage_application_get_accounts (SALVAGE_APPLICATION (application)),
                                   salvage_application_get_api_url (SALVAGE_APPLICATION (application)));
  else
    session = salvage_session_new (NULL, NULL);

  return g_object_new (SALVAGE_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

void
salvage_window_show_welcome (SalvageWindow *self)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));

  salvage_session_close (self->session);
  _salvage_window_present_welcome (self, NULL, NULL);
}

void
salvage_window_connect (SalvageWindow *self,
                        const char    *base_url,
                        const char    *api_key)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (api_key != NULL);

  self->welcome_shown = FALSE;
  salvage_session_connect (self->session, base_url, api_key);
  update_chrome (self);
}

void
salvage_window_open_account (SalvageWindow  *self,
                             SalvageAccount *account)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));

  salvage_session_open_account (self->session, account);
  if (salvage_session_get_workspace (self->session) == NULL)
    {
      /* On start, the pages wait for the workspace rather than the welcome
       * page showing for as long as the keyring takes. */
      self->welcome_shown = FALSE;
      update_chrome (self);
    }
}

void
salvage_window_review_cleanup (SalvageWindow      *self,
                               SalvageAccount     *account,
                               const char * const *keys)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (SALVAGE_IS_ACCOUNT (account));
  g_return_if_fail (keys != NULL);

  if (salvage_session_get_account (self->session) == NULL ||
      !salvage_account_matches (salvage_session_get_account (self->session),
                                salvage_account_get_server (account),
                                salvage_account_get_workspace (account)))
    salvage_window_open_account (self, account);

  g_set_object (&self->review_account, account);
  salvage_trash_page_show_only (salvage_window_get_trash_page (self), keys);
  adw_view_stack_set_visible_child_name (self->view_stack, "trash");
}

SalvageAccount *
salvage_window_get_account (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return salvage_session_get_account (self->session);
}

void
salvage_window_show_message (SalvageWindow *self,
                             const char    *message)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));

  _salvage_window_present_welcome (self, NULL, message);
}

void
salvage_window_show_notice (SalvageWindow *self,
                            const char    *text,
                            const char    *details)
{
  g_return_if_fail (SALVAGE_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  _salvage_window_message_cb (self, text, details);
}

SalvageWorkspace *
salvage_window_get_workspace (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return salvage_session_get_workspace (self->session);
}

SalvageSession *
salvage_window_get_session (SalvageWindow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WINDOW (self), NULL);

  return self->session;
}
