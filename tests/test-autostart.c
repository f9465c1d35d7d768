/* test-autostart.c - starting `salvage --background` at login: the autostart entry, and the Background portal
 *
 * The portal is a stand-in on a private session bus that records each
 * request and answers as the person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <utime.h>

#include <glib/gstdio.h>

#include "salvage-autostart.h"

#include "salvage-test-portal.h"
#include "salvage-test-wait.h"

static GTestDBus *bus;
static GDBusConnection *portal_bus;  /* the portal's own connection */
static GPtrArray *requests;          /* of GVariant a{sv}: each request's options */
static guint32 answer;               /* the Response to give: 0 yes, 1 cancelled */

static const char portal_xml[] = "<node>" SALVAGE_TEST_PORTAL_BACKGROUND_XML "</node>";

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
  g_ptr_array_add (requests, salvage_test_portal_answer_background (connection, sender, parameters,
                                                                    invocation, answer));
}

static const GDBusInterfaceVTable portal_vtable = { portal_call_cb, NULL, NULL, { 0 } };

static gboolean
set_autostart (SalvageAutostartMethod   method,
               gboolean                 enabled,
               GError                 **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  salvage_autostart_set_async (method, enabled, NULL, salvage_test_keep_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return salvage_autostart_set_finish (result, error);
}

/* Outside a sandbox: an autostart entry that runs `salvage --background`,
 * hidden from menus; gone when turned off, and turning off twice is no
 * error. */
static void
test_autostart_entry (void)
{
  g_autofree char *path = salvage_autostart_dup_entry_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;
  g_auto(GStrv) argv = NULL;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_true (g_str_has_suffix (path, "/autostart/" APP_ID ".desktop"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (set_autostart (SALVAGE_AUTOSTART_ENTRY, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_true (g_shell_parse_argv (exec, NULL, &argv, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_cmpstr (argv[0], ==, BINDIR "/salvage");
  g_assert_cmpstr (argv[1], ==, "--background");
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", NULL));
  g_assert_true (g_key_file_get_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, NULL));

  /* Asked again on the next start, the same entry is left as it is. */
  {
    struct utimbuf long_ago = { 1000000000, 1000000000 };
    GStatBuf st;

    g_assert_cmpint (g_utime (path, &long_ago), ==, 0);
    g_assert_true (set_autostart (SALVAGE_AUTOSTART_ENTRY, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mtime, ==, 1000000000);
  }

  g_assert_false (set_autostart (SALVAGE_AUTOSTART_ENTRY, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (set_autostart (SALVAGE_AUTOSTART_ENTRY, FALSE, &error));
  g_assert_no_error (error);
}

/* In a sandbox: the Background portal, asked to start the same command at
 * login, then not to; no static permission is involved. */
static void
test_autostart_portal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree const char **commandline = NULL;
  const char *reason = NULL;
  gboolean autostart = FALSE;
  GVariant *options;

  g_ptr_array_set_size (requests, 0);
  answer = 0;

  g_assert_true (set_autostart (SALVAGE_AUTOSTART_PORTAL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 1);
  options = g_ptr_array_index (requests, 0);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpstrv (commandline, salvage_autostart_get_command ());
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, !=, "");

  g_assert_false (set_autostart (SALVAGE_AUTOSTART_PORTAL, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 2);
  options = g_ptr_array_index (requests, 1);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_false (autostart);
}

/* Refused by the person: an error that says so. */
static void
test_autostart_portal_refused (void)
{
  g_autoptr(GError) error = NULL;

  answer = 1;
  g_assert_false (set_autostart (SALVAGE_AUTOSTART_PORTAL, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  answer = 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  /* Never the real configuration folder. */
  config = g_dir_make_tmp ("salvage-autostart-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  requests = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  portal_bus = salvage_test_portal_serve (portal_xml, &portal_vtable, NULL);

  g_test_add_func ("/autostart/entry", test_autostart_entry);
  g_test_add_func ("/autostart/portal", test_autostart_portal);
  g_test_add_func ("/autostart/portal-refused", test_autostart_portal_refused);

  status = g_test_run ();

  g_ptr_array_unref (requests);
  g_dbus_connection_close_sync (portal_bus, NULL, NULL);
  g_clear_object (&portal_bus);
  g_test_dbus_down (bus);
  g_clear_object (&bus);
  {
    g_autofree char *autostart = g_build_filename (config, "autostart", NULL);

    g_rmdir (autostart);
    g_rmdir (config);
  }

  return status;
}
