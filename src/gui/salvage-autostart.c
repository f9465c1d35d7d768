/* salvage-autostart.c - starting `salvage --background` at login: an autostart entry, or the Background portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "salvage-autostart.h"

#define PORTAL_BUS_NAME     "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH  "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND   "org.freedesktop.portal.Background"
#define PORTAL_REQUEST      "org.freedesktop.portal.Request"

static const char * const command[] = { "salvage", "--background", NULL };

SalvageAutostartMethod
salvage_autostart_get_method (void)
{
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS) ||
      g_strcmp0 (g_getenv ("GIO_USE_PORTALS"), "1") == 0)
    return SALVAGE_AUTOSTART_PORTAL;

  return SALVAGE_AUTOSTART_ENTRY;
}

char *
salvage_autostart_dup_entry_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

const char * const *
salvage_autostart_get_command (void)
{
  return command;
}

/* The autostart entry */

static gboolean
write_entry (gboolean   enabled,
             GError   **error)
{
  g_autofree char *path = salvage_autostart_dup_entry_path ();
  g_autofree char *folder = NULL;
  g_autofree char *program = NULL;
  g_autofree char *exec = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) entry = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (path);

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  /* The installed program, wherever the session's PATH points. */
  program = g_shell_quote (BINDIR G_DIR_SEPARATOR_S "salvage");
  exec = g_strdup_printf ("%s --background", program);

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("Salvage"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Warns before items in the Trash are deleted for good"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  contents = g_key_file_to_data (entry, NULL, NULL);

  /* Asked on every start: written only when it changes. */
  {
    g_autofree char *written = NULL;

    if (g_file_get_contents (path, &written, NULL, NULL) && g_str_equal (written, contents))
      return TRUE;
  }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static void
entry_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  gboolean enabled = GPOINTER_TO_INT (task_data);
  GError *error = NULL;

  if (write_entry (enabled, &error))
    g_task_return_boolean (task, enabled);
  else
    g_task_return_error (task, error);
}

/* The Background portal */

typedef struct
{
  GDBusConnection *bus;
  char            *request_path;
  guint            response_id;
  gboolean         enabled;
} PortalCall;

static void
portal_call_free (gpointer data)
{
  PortalCall *call = data;

  if (call->response_id != 0)
    g_dbus_connection_signal_unsubscribe (call->bus, call->response_id);
  g_clear_object (&call->bus);
  g_free (call->request_path);
  g_free (call);
}

static void
response_cb (GDBusConnection *bus,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  /* Ours: the subscription's reference goes with it. */
  g_autoptr(GTask) task = g_object_ref (user_data);
  PortalCall *call = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response;

  if (call->response_id == 0 || !g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  /* Answered: no more answers wanted. */
  g_dbus_connection_signal_unsubscribe (call->bus, call->response_id);
  call->response_id = 0;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  if (response != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                               _("Salvage was not allowed to run in the background"));
      return;
    }

  if (!g_variant_lookup (results, "autostart", "b", &autostart))
    autostart = FALSE;
  g_task_return_boolean (task, autostart);
}

static void
request_sent_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  PortalCall *call = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (call->bus, result, &error);
  if (reply == NULL && call->response_id != 0)
    {
      /* No request, so no answer: the subscription goes, and its
       * reference with it. */
      g_dbus_connection_signal_unsubscribe (call->bus, call->response_id);
      call->response_id = 0;
      g_task_return_error (task, error);
    }
  else
    g_clear_error (&error);

  /* Otherwise the answer comes as the request's Response. */
  g_object_unref (task);
}

static void
portal_bus_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  PortalCall *call = g_task_get_task_data (task);
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  GVariantBuilder options;
  GError *error = NULL;

  call->bus = g_bus_get_finish (result, &error);
  if (call->bus == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* The portal names its request after our token; listen first, so the
   * answer cannot come before we do. */
  token = g_strdup_printf ("salvage%u", g_random_int ());
  sender = g_strdelimit (g_strdup (g_dbus_connection_get_unique_name (call->bus) + 1), ".", '_');
  call->request_path = g_strconcat (PORTAL_OBJECT_PATH "/request/", sender, "/", token, NULL);
  call->response_id = g_dbus_connection_signal_subscribe (call->bus, PORTAL_BUS_NAME, PORTAL_REQUEST,
                                                          "Response", call->request_path, NULL,
                                                          G_DBUS_SIGNAL_FLAGS_NONE,
                                                          response_cb, g_object_ref (task),
                                                          g_object_unref);

  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("To warn before items in the Trash are deleted for good, even with Salvage closed")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (call->enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (command, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));

  g_dbus_connection_call (call->bus, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH, PORTAL_BACKGROUND,
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), request_sent_cb, task);
}

void
salvage_autostart_set_async (SalvageAutostartMethod  method,
                             gboolean                enabled,
                             GCancellable           *cancellable,
                             GAsyncReadyCallback     callback,
                             gpointer                user_data)
{
  GTask *task;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_autostart_set_async);

  if (method == SALVAGE_AUTOSTART_ENTRY)
    {
      g_task_set_task_data (task, GINT_TO_POINTER (!!enabled), NULL);
      g_task_run_in_thread (task, entry_thread);
      g_object_unref (task);
      return;
    }

  {
    PortalCall *call = g_new0 (PortalCall, 1);

    call->enabled = !!enabled;
    g_task_set_task_data (task, call, portal_call_free);
    g_bus_get (G_BUS_TYPE_SESSION, cancellable, portal_bus_cb, task);
  }
}

gboolean
salvage_autostart_set_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_autostart_set_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
