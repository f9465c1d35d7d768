/* salvage-test-portal.h - standing in for the desktop portals on the test's session bus
 *
 * No portal backends are installed where the tests run: a test that needs
 * one owns org.freedesktop.portal.Desktop itself, on a connection of its
 * own (the real portal is another process), and answers its calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#define SALVAGE_TEST_PORTAL_BACKGROUND_XML \
  "  <interface name='org.freedesktop.portal.Background'>" \
  "    <method name='RequestBackground'>" \
  "      <arg type='s' direction='in'/>" \
  "      <arg type='a{sv}' direction='in'/>" \
  "      <arg type='o' direction='out'/>" \
  "    </method>" \
  "  </interface>"

/* A new connection to the session bus at DBUS_SESSION_BUS_ADDRESS that
 * serves the interfaces of @xml (a <node>) at the portal's object path
 * with @vtable, and owns org.freedesktop.portal.Desktop. */
static inline GDBusConnection *
salvage_test_portal_serve (const char                 *xml,
                           const GDBusInterfaceVTable *vtable,
                           gpointer                    user_data)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection;
  guint32 result;

  g_assert_nonnull (info);
  connection = g_dbus_connection_new_for_address_sync (g_getenv ("DBUS_SESSION_BUS_ADDRESS"),
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; info->interfaces[i] != NULL; i++)
    {
      g_dbus_connection_register_object (connection, "/org/freedesktop/portal/desktop",
                                         info->interfaces[i], vtable, user_data, NULL, &error);
      g_assert_no_error (error);
    }

  /* DBUS_NAME_FLAG_DO_NOT_QUEUE: a real portal already there fails it. */
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.portal.Desktop", 4),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  g_assert_cmpuint (result, ==, 1);  /* DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */

  return connection;
}

/* Answers a RequestBackground call (its @parameters, from @sender) as the
 * person would with @response (0: allowed, 1: refused): returns the
 * request's path, then the request's Response, as the portal does.
 * Returns the request's options. (transfer full) */
static inline GVariant *
salvage_test_portal_answer_background (GDBusConnection       *connection,
                                       const char            *sender,
                                       GVariant              *parameters,
                                       GDBusMethodInvocation *invocation,
                                       guint32                response)
{
  g_autofree char *sender_part = g_strdelimit (g_strdup (sender + 1), ".", '_');
  g_autofree char *path = NULL;
  GVariant *options = NULL;
  GVariantBuilder results;
  const char *token = "t";
  gboolean autostart = FALSE;

  g_variant_get (parameters, "(&s@a{sv})", NULL, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  g_variant_lookup (options, "autostart", "b", &autostart);

  /* The request's path, as the portal makes it from the caller's name
   * and token. */
  path = g_strdup_printf ("/org/freedesktop/portal/desktop/request/%s/%s", sender_part, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", path));

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  if (response == 0)
    {
      g_variant_builder_add (&results, "{sv}", "background", g_variant_new_boolean (TRUE));
      g_variant_builder_add (&results, "{sv}", "autostart", g_variant_new_boolean (autostart));
    }
  g_dbus_connection_emit_signal (connection, sender, path, "org.freedesktop.portal.Request",
                                 "Response", g_variant_new ("(ua{sv})", response, &results), NULL);

  return options;
}
