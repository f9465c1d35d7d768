/* test-cleanup-portal.c - the notification before the cleanup through the portals, as in the Flatpak
 *
 * In a sandbox GLib sends notifications through the notification portal,
 * and the app asks the Background portal to start at login. Here
 * GIO_USE_PORTALS=1 makes GLib and Salvage use the portals outside one,
 * and this test is the portals (org.freedesktop.portal.Desktop, on a
 * connection of its own): it records what the app asks, and, as the
 * desktop does for a D-Bus activatable app when the person clicks,
 * activates the notification's action on the app. Runs against a real
 * gnome-keyring (see run-with-keyring.sh) and the stand-in server.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "salvage-application.h"
#include "salvage-cleanup-notice.h"
#include "salvage-secrets.h"
#include "salvage-server.h"
#include "salvage-trash-page-private.h"
#include "salvage-window-private.h"

#include "salvage-test-portal.h"
#include "salvage-test-wait.h"

#define WS   "acme-vision"
#define KEY  "akey-Q7rT2mXw9Lp"

static SalvageApplication *application;
static SalvageServer *server;
static GDBusConnection *portal_bus;  /* the portal's own connection */
static GPtrArray *notifications;     /* of GVariant (sa{sv}): each AddNotification */
static GPtrArray *backgrounds;       /* of GVariant a{sv}: each RequestBackground's options */

static const char portal_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.Notification'>"
  "    <method name='AddNotification'>"
  "      <arg type='s' direction='in'/>"
  "      <arg type='a{sv}' direction='in'/>"
  "    </method>"
  "    <method name='RemoveNotification'>"
  "      <arg type='s' direction='in'/>"
  "    </method>"
  "  </interface>"
  SALVAGE_TEST_PORTAL_BACKGROUND_XML
  "</node>";

static void
portal_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method_name, "AddNotification"))
    {
      g_ptr_array_add (notifications, g_variant_ref (parameters));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "RequestBackground"))
    g_ptr_array_add (backgrounds, salvage_test_portal_answer_background (connection, sender, parameters,
                                                                         invocation, 0));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable portal_vtable = { portal_call_cb, NULL, NULL, { 0 } };

/* Through the notification portal: the same words and the same Review,
 * which the desktop activates on the app by D-Bus; the Trash then shows
 * the entry it named. And the Background portal asked to start at login. */
static void
test_portal_notify_review (void)
{
  g_autoptr(GVariant) notification = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  const char *title;
  const char *action;
  gboolean autostart = FALSE;
  SalvageWindow *window;
  SalvageTrashPage *page;

  /* On start, with a workspace and the warnings on. */
  WAIT_FOR (backgrounds->len == 1);
  g_assert_true (g_variant_lookup (g_ptr_array_index (backgrounds, 0), "autostart", "b", &autostart));
  g_assert_true (autostart);

  g_action_group_activate_action (G_ACTION_GROUP (application), "check-cleanup", NULL);
  WAIT_FOR (notifications->len == 1);

  g_variant_get (g_ptr_array_index (notifications, 0), "(&s@a{sv})", &id, &notification);
  g_assert_true (g_str_has_prefix (id, "cleanup-"));
  g_assert_true (g_variant_lookup (notification, "title", "&s", &title));
  g_assert_cmpstr (title, ==, "1 item in “Acme Vision” will be deleted for good tomorrow");
  g_assert_true (g_variant_lookup (notification, "default-action", "&s", &action));
  g_assert_cmpstr (action, ==, SALVAGE_CLEANUP_REVIEW_ACTION);
  target = g_variant_lookup_value (notification, "default-action-target", NULL);
  g_assert_nonnull (target);

  /* The person clicks: the desktop activates the action on the app. */
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (application)));
  {
    GVariant *parameter = g_variant_new_variant (target);
    g_autoptr(GAsyncResult) result = NULL;

    /* Answered by this very thread's main loop: not a blocking call. */
    g_dbus_connection_call (portal_bus, APP_ID, "/io/github/salvage/Salvage",
                            "org.freedesktop.Application", "ActivateAction",
                            g_variant_new ("(s@av@a{sv})", "review-cleanup",
                                           g_variant_new_array (G_VARIANT_TYPE_VARIANT, &parameter, 1),
                                           g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0)),
                            NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, salvage_test_keep_result_cb, &result);
    WAIT_FOR (result != NULL);
    reply = g_dbus_connection_call_finish (portal_bus, result, &error);
    g_assert_no_error (error);
  }

  WAIT_FOR (gtk_application_get_active_window (GTK_APPLICATION (application)) != NULL);
  window = SALVAGE_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (application)));
  page = salvage_window_get_trash_page (window);
  WAIT_FOR (salvage_window_get_workspace (window) != NULL &&
            g_list_model_get_n_items (salvage_workspace_get_trash (salvage_window_get_workspace (window))) == 2);
  g_assert_true (salvage_trash_page_get_showing_only (page));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_trash_page_get_rows (page)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_outside_keyring_session (void)
{
  g_test_skip ("Needs the throwaway keyring of tests/run-with-keyring.sh");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;
  int status;

  /* The portals, as in a sandbox; the network up and no proxy asked for,
   * whatever the machine; what is written, in the throwaway HOME. */
  g_setenv ("GIO_USE_PORTALS", "1", TRUE);
  g_setenv ("GIO_USE_NETWORK_MONITOR", "base", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  {
    g_autofree char *config = g_build_filename (g_get_home_dir (), ".config", NULL);
    g_autofree char *state = g_build_filename (g_get_home_dir (), ".local", "state", NULL);

    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (g_getenv ("SALVAGE_TEST_KEYRING") == NULL)
    {
      g_test_add_func ("/cleanup-portal/outside-keyring-session", test_outside_keyring_session);
      return g_test_run ();
    }

  notifications = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  backgrounds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  portal_bus = salvage_test_portal_serve (portal_xml, &portal_vtable, NULL);

  server = salvage_server_new ();
  salvage_server_add_workspace (server, WS, "Acme Vision");
  salvage_server_add_key (server, KEY, WS);
  g_assert_nonnull (salvage_server_add_project (server, WS, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS, "pcb", 1, "raw", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS, "pcb", 2, "augmented", 360));
  now = g_get_real_time ();
  salvage_server_set_time (server, now);
  g_assert_true (salvage_server_trash (server, WS, "version", "pcb/1",
                                       now - 29 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR, "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS, "version", "pcb/2", now - 5 * G_TIME_SPAN_DAY, "Sam Ortiz"));
  salvage_server_listen (server, 0, &error);
  g_assert_no_error (error);

  salvage_secrets_store_async (salvage_server_get_url (server), WS, "Acme Vision", KEY, NULL,
                               salvage_test_keep_result_cb, &stored);
  WAIT_FOR (stored != NULL);
  g_assert_true (salvage_secrets_store_finish (stored, &error));
  g_assert_no_error (error);

  /* Saved before the application reads its accounts. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_value (settings, "accounts",
                          g_variant_new_parsed ("[(%s, %s, 'Acme Vision')]",
                                                salvage_server_get_url (server), WS));
  }

  /* Unique, as installed: the desktop reaches it by its name. */
  application = salvage_application_new ();
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/cleanup-portal/notify-review", test_portal_notify_review);

  status = g_test_run ();

  g_clear_object (&application);
  g_clear_object (&server);
  g_ptr_array_unref (notifications);
  g_ptr_array_unref (backgrounds);
  g_dbus_connection_close_sync (portal_bus, NULL, NULL);
  g_clear_object (&portal_bus);

  return status;
}
