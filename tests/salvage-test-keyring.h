/* salvage-test-keyring.h - locking the throwaway keyring, and seeing whether anything asked to unlock it
 *
 * For tests run through run-with-keyring.sh.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

/* Locks the default collection, as a keyring is after a login without
 * the keyring's password, or a while after it was unlocked. */
static inline void
test_lock_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  objects = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, objects, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (objects);
}

/* A filter for the session bus connection (the one libsecret uses) that
 * counts, in the int @user_data points to, the calls that would ask a
 * person something: an unlock, or its prompt. */
static inline GDBusMessage *
test_count_unlocks_cb (GDBusConnection *connection,
                       GDBusMessage    *message,
                       gboolean         incoming,
                       gpointer         user_data)
{
  int *n_unlocks = user_data;
  const char *member = g_dbus_message_get_member (message);

  if (!incoming && g_dbus_message_get_message_type (message) == G_DBUS_MESSAGE_TYPE_METHOD_CALL &&
      (g_strcmp0 (member, "Unlock") == 0 || g_strcmp0 (member, "Prompt") == 0))
    g_atomic_int_inc (n_unlocks);

  return message;
}
