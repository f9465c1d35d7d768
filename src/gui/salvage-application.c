/* salvage-application.c - the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-application.h"
#include "salvage-autostart.h"
#include "salvage-cleanup-notice.h"
#include "salvage-cleanup-watch.h"
#include "salvage-client.h"
#include "salvage-demo.h"
#include "salvage-resources.h"
#include "salvage-server.h"
#include "salvage-window.h"

/* How long an application started by D-Bus activation waits for a call. */
#define SERVICE_INACTIVITY_MSEC 10000

/* Every `salvage --demo` shows the same workspace. */
#define DEMO_SEED 20240917

struct _SalvageApplication
{
  AdwApplication  parent_instance;

  gboolean         demo;
  gboolean         background;  /* started with --background, not yet activated */
  char            *api_url;
  SalvageServer   *server;
  GSettings       *settings;
  SalvageAccounts *accounts;
  SalvageCleanupWatch *cleanup_watch;
  /* Whether `salvage --background` starts at login, as last asked: -1
   * before the first time. */
  int              autostart_asked;
  /* Held by the checks of `salvage --background`. */
  gboolean         background_held;
};

G_DEFINE_FINAL_TYPE (SalvageApplication, salvage_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show a demo workspace served by a built-in stand-in for Roboflow"), NULL },
  { "api-url", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The Roboflow API to use (default: $API_URL or https://api.roboflow.com)"), N_("URL") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open no window: check the Trash of every saved workspace now and every few hours, and warn before items are deleted for good"), NULL },
  { NULL }
};

static gboolean
start_demo_server (SalvageApplication  *self,
                   GError             **error)
{
  g_autoptr(SalvageServer) server = salvage_server_new ();
  SalvageDemoSizes sizes;

  if (!salvage_server_listen (server, 0, error))
    return FALSE;

  salvage_demo_sizes_init_default (&sizes);
  salvage_demo_seed (server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &sizes, DEMO_SEED);
  self->server = g_steal_pointer (&server);

  return TRUE;
}

/* Shows the demo workspace in @window, starting its server first. */
static void
open_demo (SalvageApplication *self,
           SalvageWindow      *window)
{
  g_autoptr(GError) error = NULL;

  if (self->server == NULL && !start_demo_server (self, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not start the demo workspace: %s"), error->message);
      g_printerr ("%s\n", message);
      salvage_window_show_message (window, message);
      return;
    }

  salvage_window_connect (window, salvage_server_get_url (self->server), SALVAGE_DEMO_API_KEY);
}

/* The warnings before the cleanup are on, and there is a workspace to
 * warn about. Without settings, nothing is remembered, so nothing to
 * start at login either. */
static gboolean
warnings_wanted (SalvageApplication *self)
{
  return self->settings != NULL &&
         g_settings_get_boolean (self->settings, "cleanup-warnings") &&
         g_list_model_get_n_items (salvage_accounts_get_model (self->accounts)) > 0;
}

/* Says in the window shown, once, which workspaces the checks skipped for
 * want of their key. */
static void
tell_skipped (SalvageApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;

  if (self->cleanup_watch == NULL || !SALVAGE_IS_WINDOW (window))
    return;

  if (salvage_cleanup_watch_take_skipped (self->cleanup_watch, &title, &details))
    salvage_window_show_notice (SALVAGE_WINDOW (window), title, details);
}

/* Made when first needed: a window alone never checks in the background,
 * and need not read the ledger or start a network monitor. */
static SalvageCleanupWatch *
ensure_cleanup_watch (SalvageApplication *self)
{
  if (self->cleanup_watch == NULL)
    {
      g_autofree char *path = salvage_cleanup_ledger_dup_default_path ();
      g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (path);
      g_autoptr(GError) error = NULL;

      if (!salvage_cleanup_ledger_load (ledger, &error))
        g_message ("%s", error->message);

      self->cleanup_watch = salvage_cleanup_watch_new (G_APPLICATION (self), self->accounts,
                                                       self->settings, ledger, NULL);
      g_signal_connect_object (self->cleanup_watch, "checked", G_CALLBACK (tell_skipped), self,
                               G_CONNECT_SWAPPED);
    }

  return self->cleanup_watch;
}

static void
salvage_application_activate (GApplication *application)
{
  SalvageApplication *self = SALVAGE_APPLICATION (application);
  SalvageWindow *window;
  SalvageAccount *account;

  /* Started in the background (at login): no window, but checks, and the
   * application stays for them. A later activation opens the window. */
  if (self->background)
    {
      self->background = FALSE;
      /* Turned off, or no workspace left, since the entry was written:
       * nothing to do. */
      if (!warnings_wanted (self))
        return;
      g_application_hold (application);
      self->background_held = TRUE;
      salvage_cleanup_watch_start (ensure_cleanup_watch (self));
      return;
    }

  window = SALVAGE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      tell_skipped (self);
      return;
    }

  window = salvage_window_new (GTK_APPLICATION (self));

  account = salvage_accounts_get_active (self->accounts);
  if (account == NULL && g_list_model_get_n_items (salvage_accounts_get_model (self->accounts)) > 0)
    account = g_list_model_get_item (salvage_accounts_get_model (self->accounts), 0);
  else if (account != NULL)
    g_object_ref (account);

  if (self->demo)
    open_demo (self, window);
  else if (account != NULL)
    salvage_window_open_account (window, account);
  else
    salvage_window_show_welcome (window);

  g_clear_object (&account);
  gtk_window_present (GTK_WINDOW (window));
  tell_skipped (self);
}

static int
salvage_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  SalvageApplication *self = SALVAGE_APPLICATION (application);
  const char *api_url = NULL;

  if (g_variant_dict_lookup (options, "demo", "b", &self->demo) == FALSE)
    self->demo = FALSE;

  if (g_variant_dict_lookup (options, "background", "b", &self->background) && self->background)
    {
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Already running: that instance checks now, and no window opens. */
      if (g_application_get_is_remote (application))
        {
          GDBusConnection *bus = g_application_get_dbus_connection (application);

          g_action_group_activate_action (G_ACTION_GROUP (application), "check-cleanup", NULL);
          /* The call is sent before this process ends. */
          if (bus != NULL)
            g_dbus_connection_flush_sync (bus, NULL, NULL);
          return EXIT_SUCCESS;
        }
    }

  if (g_variant_dict_lookup (options, "api-url", "&s", &api_url))
    {
      g_autoptr(GError) error = NULL;

      if (!salvage_client_check_base_url (api_url, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_free (self->api_url);
      self->api_url = g_strdup (api_url);
    }

  /* Go on with the default handling: register, then activate. */
  return -1;
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Salvage developers"), NULL };
  AdwDialog *about;

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("Salvage"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Salvage developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Browse a Roboflow workspace, move things to its Trash and get them back"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Salvage developers"),
                        "website", "https://github.com/salvage/Salvage",
                        "issue-url", "https://github.com/salvage/Salvage/issues",
                        /* Translators: your names, one per line, e.g. "Name <email>" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_dialog_present (about, GTK_WIDGET (gtk_application_get_active_window (application)));
}

static void
demo_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  SalvageApplication *self = SALVAGE_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SALVAGE_IS_WINDOW (window))
    open_demo (self, SALVAGE_WINDOW (window));
}

/* A notice's Review: the window, on that workspace's Trash, showing the
 * entries the notice named. */
static void
review_cleanup_action_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SalvageApplication *self = SALVAGE_APPLICATION (user_data);
  g_autofree const char **keys = NULL;
  SalvageAccount *account;
  SalvageWindow *window;
  const char *server;
  const char *workspace;

  g_variant_get (parameter, "(&s&s^a&s)", &server, &workspace, &keys);

  window = SALVAGE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
  if (window == NULL)
    window = salvage_window_new (GTK_APPLICATION (self));

  /* A workspace removed since the notice: the window as it is. */
  account = salvage_accounts_find (self->accounts, server, workspace);
  if (account != NULL)
    salvage_window_review_cleanup (window, account, keys);
  else if (salvage_window_get_account (window) == NULL)
    salvage_window_show_welcome (window);

  gtk_window_present (GTK_WINDOW (window));
  tell_skipped (self);
}

static void
check_cleanup_action_cb (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  SalvageApplication *self = SALVAGE_APPLICATION (user_data);

  salvage_cleanup_watch_check (ensure_cleanup_watch (self));
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action_cb },
  { "demo", demo_action_cb },
  { "review-cleanup", review_cleanup_action_cb, SALVAGE_CLEANUP_REVIEW_TARGET },
  { "check-cleanup", check_cleanup_action_cb },
  { "quit", quit_action_cb },
};

static void
autostart_set_cb (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: it will not start at login, as asked. */
  salvage_autostart_set_finish (result, &error);
  if (error != NULL)
    g_message ("Could not change whether Salvage starts at login to warn before the cleanup: %s",
               error->message);
}

/* Salvage starts at login to warn before the cleanup while the warnings
 * are on and at least one workspace is added; otherwise not. */
static void
update_autostart (SalvageApplication *self)
{
  gboolean wanted;

  if (self->settings == NULL)
    return;

  wanted = warnings_wanted (self);
  /* Turned off: a background instance stops checking, and goes once no
   * window holds it. */
  if (!wanted && self->background_held)
    {
      self->background_held = FALSE;
      salvage_cleanup_watch_stop (self->cleanup_watch);
      g_application_release (G_APPLICATION (self));
    }

  if (self->autostart_asked == wanted)
    return;

  /* On start, with nothing to warn about: the portal would ask the person
   * about running in the background only to be told no. What an earlier
   * run asked for was withdrawn when its last workspace went. */
  if (self->autostart_asked == -1 && !wanted &&
      salvage_autostart_get_method () == SALVAGE_AUTOSTART_PORTAL)
    {
      self->autostart_asked = FALSE;
      return;
    }

  self->autostart_asked = wanted;
  salvage_autostart_set_async (salvage_autostart_get_method (), wanted, NULL, autostart_set_cb, NULL);
}

static void
salvage_application_startup (GApplication *application)
{
  SalvageApplication *self = SALVAGE_APPLICATION (application);
  GtkApplication *app = GTK_APPLICATION (application);
  const char *refresh_accels[] = { "F5", "<Control>r", NULL };
  const char *search_accels[] = { "<Control>f", NULL };
  const char *undo_accels[] = { "<Control>z", NULL };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *close_accels[] = { "<Control>w", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *projects_accels[] = { "<Alt>1", NULL };
  const char *workflows_accels[] = { "<Alt>2", NULL };
  const char *trash_accels[] = { "<Alt>3", NULL };

  G_APPLICATION_CLASS (salvage_application_parent_class)->startup (application);

  g_signal_connect_object (salvage_accounts_get_model (self->accounts), "items-changed",
                           G_CALLBACK (update_autostart), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::cleanup-warnings",
                             G_CALLBACK (update_autostart), self, G_CONNECT_SWAPPED);
  update_autostart (self);

  /* Started by D-Bus activation (a notification's action, the shell):
   * the call that started it comes in just after, and a service with
   * nothing to hold it would quit first. */
  if (g_application_get_flags (application) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (application, SERVICE_INACTIVITY_MSEC);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);

  gtk_application_set_accels_for_action (app, "win.refresh", refresh_accels);
  gtk_application_set_accels_for_action (app, "win.search", search_accels);
  gtk_application_set_accels_for_action (app, "win.undo", undo_accels);
  gtk_application_set_accels_for_action (app, "app.quit", quit_accels);
  gtk_application_set_accels_for_action (app, "window.close", close_accels);
  gtk_application_set_accels_for_action (app, "win.preferences", preferences_accels);
  gtk_application_set_accels_for_action (app, "win.show-help-overlay", shortcuts_accels);
  /* The pages in the order the view switcher shows them. */
  gtk_application_set_accels_for_action (app, "win.show-page::projects", projects_accels);
  gtk_application_set_accels_for_action (app, "win.show-page::workflows", workflows_accels);
  gtk_application_set_accels_for_action (app, "win.show-page::trash", trash_accels);
}

static void
salvage_application_dispose (GObject *object)
{
  SalvageApplication *self = SALVAGE_APPLICATION (object);

  g_clear_object (&self->server);
  /* A check under way must not outlive the application it notifies. */
  if (self->cleanup_watch != NULL)
    salvage_cleanup_watch_stop (self->cleanup_watch);
  g_clear_object (&self->cleanup_watch);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (salvage_application_parent_class)->dispose (object);
}

static void
salvage_application_finalize (GObject *object)
{
  SalvageApplication *self = SALVAGE_APPLICATION (object);

  g_clear_pointer (&self->api_url, g_free);

  G_OBJECT_CLASS (salvage_application_parent_class)->finalize (object);
}

static void
salvage_application_class_init (SalvageApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = salvage_application_dispose;
  object_class->finalize = salvage_application_finalize;
  application_class->activate = salvage_application_activate;
  application_class->startup = salvage_application_startup;
  application_class->handle_local_options = salvage_application_handle_local_options;

  /* Before startup, which looks up the style sheet and shortcuts window. */
  salvage_register_resource ();
}

static void
salvage_application_init (SalvageApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() would abort without the schema; run like that, the
   * app keeps its accounts and window size for this run only. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_message ("The settings schema %s is not installed: nothing will be remembered", APP_ID);

  self->accounts = salvage_accounts_new (self->settings);
  self->autostart_asked = -1;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

SalvageApplication *
salvage_application_new (void)
{
  return g_object_new (SALVAGE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/io/github/salvage/Salvage",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

GSettings *
salvage_application_get_settings (SalvageApplication *self)
{
  g_return_val_if_fail (SALVAGE_IS_APPLICATION (self), NULL);

  return self->settings;
}

SalvageAccounts *
salvage_application_get_accounts (SalvageApplication *self)
{
  g_return_val_if_fail (SALVAGE_IS_APPLICATION (self), NULL);

  return self->accounts;
}

SalvageCleanupWatch *
salvage_application_get_cleanup_watch (SalvageApplication *self)
{
  g_return_val_if_fail (SALVAGE_IS_APPLICATION (self), NULL);

  return ensure_cleanup_watch (self);
}

const char *
salvage_application_get_api_url (SalvageApplication *self)
{
  g_return_val_if_fail (SALVAGE_IS_APPLICATION (self), NULL);

  return self->api_url;
}
