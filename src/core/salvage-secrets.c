/* salvage-secrets.c - API keys in the desktop keyring (libsecret)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-secrets"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>

#include "salvage-error.h"
#include "salvage-secrets.h"

/*
 * Where the keys go
 *
 * Only libsecret's simple password calls are used, with a static schema, so
 * that libsecret picks the backend: the Secret Service over D-Bus
 * (gnome-keyring, KWallet) on a desktop, and inside a Flatpak sandbox, when
 * the secret portal answers, a keyring file of the application's own whose
 * master secret the portal hands out.
 *
 * What the caller is told
 *
 * The simple calls cannot say that a key exists but stays locked: a lookup
 * or a removal whose unlock prompt was dismissed ends as if there were no
 * key. When they find nothing, a search that never prompts tells the two
 * apart, so a declined prompt is reported as LOCKED and never as a missing
 * key (or a removed one).
 *
 * A quiet lookup, for work nobody asked for at that moment (the check for
 * entries near their cleanup, in the background), never unlocks: it is a
 * search without SECRET_SEARCH_UNLOCK and the secret of an item it may
 * read; a locked one is LOCKED at once, with no prompt.
 *
 * A Secret Service without the default collection (gnome-keyring whose login
 * keyring was never created or unlocked answers "Object does not exist at
 * path …/collection/login") counts as LOCKED too: the service runs, and what
 * the person has to do is the same as for a locked keyring, unlock or set it
 * up. UNAVAILABLE is kept for no service at all, a service that fails, and
 * one that does not answer in time.
 *
 * Never hanging
 *
 * Each D-Bus call libsecret makes may wait 25 s for a service that does not
 * answer, and a prompt that never completes waits for ever. Every request
 * therefore has its own cancellable, cancelled by the caller's and after
 * SALVAGE_SECRETS_TIMEOUT_SECONDS in which the service had no prompt open.
 * The time a person spends in an unlock prompt does not count: a filter on
 * the session bus connection (the one libsecret uses) sees a prompt open and
 * complete, for the Secret Service and for the secret portal alike.
 */

#define SECRET_SERVICE_BUS_NAME "org.freedesktop.secrets"
#define SECRET_PROMPT_INTERFACE "org.freedesktop.Secret.Prompt"
#define PORTAL_SECRET_INTERFACE "org.freedesktop.portal.Secret"
#define PORTAL_REQUEST_INTERFACE "org.freedesktop.portal.Request"

static const SecretSchema salvage_secrets_schema = {
  SALVAGE_SECRETS_SCHEMA_NAME,
  SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "workspace", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
};

typedef enum
{
  OPERATION_STORE,
  OPERATION_LOOKUP,
  OPERATION_LOOKUP_QUIETLY,
  OPERATION_CLEAR,
} Operation;

/* Shared with the bus filter, which runs in GDBus's worker thread. */
typedef struct
{
  gatomicrefcount ref_count;
  int             open_prompts;
} PromptWatch;

typedef struct
{
  Operation        operation;
  GHashTable      *attributes;
  char            *label;
  SecretValue     *value;
  GCancellable    *caller_cancellable;
  gulong           caller_handler;
  GCancellable    *cancellable;
  GSource         *tick_source;
  guint            tick_msec;
  guint            msec_waited;
  gboolean         timed_out;
  GDBusConnection *bus;
  guint            filter_id;
  PromptWatch     *watch;
} Request;

static guint timeout_msec = SALVAGE_SECRETS_TIMEOUT_SECONDS * 1000;

G_DEFINE_QUARK (salvage-secrets-error-quark, salvage_secrets_error)

static PromptWatch *
prompt_watch_new (void)
{
  PromptWatch *watch = g_new0 (PromptWatch, 1);

  g_atomic_ref_count_init (&watch->ref_count);
  return watch;
}

static gpointer
prompt_watch_ref (gpointer data)
{
  PromptWatch *watch = data;

  g_atomic_ref_count_inc (&watch->ref_count);
  return watch;
}

static void
prompt_watch_unref (gpointer data)
{
  PromptWatch *watch = data;

  if (g_atomic_ref_count_dec (&watch->ref_count))
    g_free (watch);
}

static gboolean
message_is (GDBusMessage *message,
            const char   *interface,
            const char   *member)
{
  return g_strcmp0 (g_dbus_message_get_interface (message), interface) == 0 &&
         g_strcmp0 (g_dbus_message_get_member (message), member) == 0;
}

/* Says once, at debug level, which of libsecret's backends the keys go
 * to, as seen from the first call it makes. */
static void
log_backend (GDBusMessage *message)
{
  static int logged;
  const char *backend = NULL;

  if (g_strcmp0 (g_dbus_message_get_destination (message), SECRET_SERVICE_BUS_NAME) == 0)
    backend = "the Secret Service (" SECRET_SERVICE_BUS_NAME ")";
  else if (g_strcmp0 (g_dbus_message_get_interface (message), PORTAL_SECRET_INTERFACE) == 0)
    backend = "a keyring file unlocked through the secret portal (" PORTAL_SECRET_INTERFACE ")";

  if (backend != NULL && g_atomic_int_compare_and_exchange (&logged, 0, 1))
    g_debug ("API keys go to %s", backend);
}

static GDBusMessage *
prompt_filter_cb (GDBusConnection *connection,
                  GDBusMessage    *message,
                  gboolean         incoming,
                  gpointer         user_data)
{
  PromptWatch *watch = user_data;
  GDBusMessageType type = g_dbus_message_get_message_type (message);

  if (!incoming && type == G_DBUS_MESSAGE_TYPE_METHOD_CALL)
    {
      log_backend (message);

      if (message_is (message, SECRET_PROMPT_INTERFACE, "Prompt") ||
          message_is (message, PORTAL_SECRET_INTERFACE, "RetrieveSecret"))
        g_atomic_int_inc (&watch->open_prompts);
    }
  else if (incoming && type == G_DBUS_MESSAGE_TYPE_SIGNAL)
    {
      /* Only this thread changes the count, so the test and the decrement
       * cannot be split by another change. */
      if ((message_is (message, SECRET_PROMPT_INTERFACE, "Completed") ||
           message_is (message, PORTAL_REQUEST_INTERFACE, "Response")) &&
          g_atomic_int_get (&watch->open_prompts) > 0)
        g_atomic_int_add (&watch->open_prompts, -1);
    }

  return message;
}

static void
request_stop (Request *request)
{
  if (request->tick_source != NULL)
    {
      g_source_destroy (request->tick_source);
      g_clear_pointer (&request->tick_source, g_source_unref);
    }

  if (request->filter_id != 0)
    {
      g_dbus_connection_remove_filter (request->bus, request->filter_id);
      request->filter_id = 0;
    }

  if (request->caller_handler != 0)
    {
      g_cancellable_disconnect (request->caller_cancellable, request->caller_handler);
      request->caller_handler = 0;
    }
}

static void
request_free (gpointer data)
{
  Request *request = data;

  request_stop (request);

  g_clear_pointer (&request->attributes, g_hash_table_unref);
  g_clear_pointer (&request->label, g_free);
  /* libsecret wipes the value's memory when it drops it. */
  g_clear_pointer (&request->value, secret_value_unref);
  g_clear_object (&request->caller_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->bus);
  g_clear_pointer (&request->watch, prompt_watch_unref);
  g_free (request);
}

static void
caller_cancelled_cb (GCancellable *caller_cancellable,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
request_tick_cb (gpointer user_data)
{
  Request *request = user_data;

  /* The time someone spends in an unlock prompt is theirs, not the service's. */
  if (g_atomic_int_get (&request->watch->open_prompts) > 0)
    return G_SOURCE_CONTINUE;

  request->msec_waited += request->tick_msec;
  if (request->msec_waited < timeout_msec)
    return G_SOURCE_CONTINUE;

  g_debug ("The keyring did not answer within %u ms", timeout_msec);
  request->timed_out = TRUE;
  g_cancellable_cancel (request->cancellable);
  return G_SOURCE_REMOVE;
}

static const char *
operation_name (Operation operation)
{
  switch (operation)
    {
    case OPERATION_STORE:
      return "store";
    case OPERATION_LOOKUP:
      return "lookup";
    case OPERATION_LOOKUP_QUIETLY:
      return "lookup without prompting";
    case OPERATION_CLEAR:
      return "clear";
    default:
      g_assert_not_reached ();
    }
}

static gboolean
error_is_missing_collection (const GError *error)
{
  return g_error_matches (error, SECRET_ERROR, SECRET_ERROR_NO_SUCH_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_OBJECT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE);
}

static gboolean
error_is_no_service (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SETUP_FAILED:
        case G_DBUS_ERROR_SPAWN_CONFIG_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_PERMISSIONS_INVALID:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
        case G_DBUS_ERROR_DISCONNECTED:
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* No session bus to reach a service on, or it went away. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE);
}

static gboolean
error_is_timeout (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NO_REPLY) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMEOUT) ||
         g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_TIMED_OUT);
}

/* Turns what libsecret or D-Bus said into one of our codes, with a sentence
 * about the cause; the original goes to the debug log only. */
static GError *
request_translate_error (Request *request,
                         GError  *error)
{
  g_autoptr(GError) original = error;
  g_autofree char *detail = NULL;

  if (g_error_matches (original, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (g_cancellable_is_cancelled (request->caller_cancellable))
        return g_steal_pointer (&original);

      if (request->timed_out)
        return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_UNAVAILABLE,
                                    _("The keyring did not answer in time."));

      /* Nobody here cancelled: the person dismissed the unlock prompt. */
      return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_LOCKED,
                                  _("The keyring is locked."));
    }

  /* libsecret's messages carry no secrets, but the key is never worth a risk. */
  detail = salvage_redact (original->message,
                           request->value != NULL ? secret_value_get_text (request->value) : NULL);
  g_debug ("Keyring %s failed: %s (%s, %d)", operation_name (request->operation), detail,
           g_quark_to_string (original->domain), original->code);

  if (g_error_matches (original, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_LOCKED,
                                _("The keyring is locked."));

  if (error_is_missing_collection (original))
    return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_LOCKED,
                                _("The default keyring is locked or has not been set up."));

  if (error_is_timeout (original))
    return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_UNAVAILABLE,
                                _("The keyring did not answer in time."));

  if (error_is_no_service (original))
    return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_UNAVAILABLE,
                                _("No keyring service is running."));

  return g_error_new_literal (SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_UNAVAILABLE,
                              _("The keyring could not be used."));
}

static void
request_return_error (GTask  *task,
                      GError *error)
{
  Request *request = g_task_get_task_data (task);

  request_stop (request);
  g_task_return_error (task, request_translate_error (request, error));
}

static void
request_return_boolean (GTask    *task,
                        gboolean  value)
{
  request_stop (g_task_get_task_data (task));
  g_task_return_boolean (task, value);
}

static void
store_cb (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    request_return_error (task, error);
  else
    request_return_boolean (task, TRUE);
}

static void
search_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GList *found;
  gboolean locked = FALSE;
  GError *error = NULL;

  found = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      request_return_error (task, error);
      return;
    }

  for (const GList *l = found; l != NULL; l = l->next)
    {
      if (SECRET_IS_ITEM (l->data) && secret_item_get_locked (SECRET_ITEM (l->data)))
        locked = TRUE;
    }
  g_list_free_full (found, g_object_unref);

  if (locked)
    request_return_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                     "The item is still locked"));
  else if (request->operation == OPERATION_CLEAR)
    request_return_boolean (task, TRUE);
  else
    {
      request_stop (request);
      g_task_return_new_error (task, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND,
                               _("No API key is stored for this workspace."));
    }
}

/* The simple calls found nothing: see whether something locked is there. */
static void
request_search_locked (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  secret_password_searchv (&salvage_secrets_schema,
                           request->attributes,
                           SECRET_SEARCH_ALL,
                           request->cancellable,
                           search_cb,
                           g_object_ref (task));
}

static gboolean
value_is_key (SecretValue *value)
{
  const char *content_type = secret_value_get_content_type (value);
  const char *data;
  gsize length;

  if (g_strcmp0 (content_type, "text/plain") != 0)
    return FALSE;

  data = secret_value_get (value, &length);
  return length > 0 && memchr (data, '\0', length) == NULL && g_utf8_validate (data, length, NULL);
}

/* Returns @value (taken) as the key, or says there is none when it is not
 * one. */
static void
request_return_key (GTask       *task,
                    SecretValue *value)
{
  request_stop (g_task_get_task_data (task));

  if (!value_is_key (value))
    {
      /* Someone else's item under our schema; nothing we could send. */
      g_debug ("The stored item is not a text key; ignoring it");
      secret_value_unref (value);
      g_task_return_new_error (task, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND,
                               _("No API key is stored for this workspace."));
      return;
    }

  g_task_return_pointer (task,
                         secret_value_unref_to_password (value, NULL),
                         (GDestroyNotify) secret_password_free);
}

static void
lookup_cb (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretValue *value;
  GError *error = NULL;

  value = secret_password_lookup_binary_finish (result, &error);
  if (error != NULL)
    {
      request_return_error (task, error);
      return;
    }

  if (value == NULL)
    {
      request_search_locked (task);
      return;
    }

  request_return_key (task, value);
}

static void
quiet_retrieve_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SecretValue *value;
  GError *error = NULL;

  value = secret_retrievable_retrieve_secret_finish (SECRET_RETRIEVABLE (source_object), result, &error);
  if (error != NULL)
    request_return_error (task, error);
  else if (value == NULL)
    request_return_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                     "The item has no secret loaded"));
  else
    request_return_key (task, value);
}

/* A lookup that never unlocks, so never prompts: a search without
 * SECRET_SEARCH_UNLOCK, then the secret of the first item it may read. */
static void
quiet_search_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GList *found;
  GObject *readable = NULL;
  gboolean locked = FALSE;
  GError *error = NULL;

  found = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      request_return_error (task, error);
      return;
    }

  for (const GList *l = found; l != NULL && readable == NULL; l = l->next)
    {
      if (SECRET_IS_ITEM (l->data) && secret_item_get_locked (SECRET_ITEM (l->data)))
        locked = TRUE;
      else if (SECRET_IS_RETRIEVABLE (l->data))
        readable = g_object_ref (l->data);
    }
  g_list_free_full (found, g_object_unref);

  if (readable != NULL)
    {
      secret_retrievable_retrieve_secret (SECRET_RETRIEVABLE (readable), request->cancellable,
                                          quiet_retrieve_cb, g_steal_pointer (&task));
      g_object_unref (readable);
    }
  else if (locked)
    request_return_error (task, g_error_new_literal (SECRET_ERROR, SECRET_ERROR_IS_LOCKED,
                                                     "The item is locked"));
  else
    {
      request_stop (request);
      g_task_return_new_error (task, SALVAGE_SECRETS_ERROR, SALVAGE_SECRETS_ERROR_NOT_FOUND,
                               _("No API key is stored for this workspace."));
    }
}

static void
clear_cb (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_clear_finish (result, &error))
    request_return_boolean (task, TRUE);
  else if (error != NULL)
    request_return_error (task, error);
  else
    request_search_locked (task);
}

static void
request_call_libsecret (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  switch (request->operation)
    {
    case OPERATION_STORE:
      secret_password_storev_binary (&salvage_secrets_schema,
                                     request->attributes,
                                     SECRET_COLLECTION_DEFAULT,
                                     request->label,
                                     request->value,
                                     request->cancellable,
                                     store_cb,
                                     task);
      break;

    case OPERATION_LOOKUP:
      secret_password_lookupv (&salvage_secrets_schema,
                               request->attributes,
                               request->cancellable,
                               lookup_cb,
                               task);
      break;

    case OPERATION_LOOKUP_QUIETLY:
      secret_password_searchv (&salvage_secrets_schema,
                               request->attributes,
                               SECRET_SEARCH_LOAD_SECRETS,
                               request->cancellable,
                               quiet_search_cb,
                               task);
      break;

    case OPERATION_CLEAR:
      secret_password_clearv (&salvage_secrets_schema,
                              request->attributes,
                              request->cancellable,
                              clear_cb,
                              task);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
bus_get_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  request->bus = g_bus_get_finish (result, &error);
  if (request->bus != NULL)
    {
      request->filter_id = g_dbus_connection_add_filter (request->bus,
                                                         prompt_filter_cb,
                                                         prompt_watch_ref (request->watch),
                                                         prompt_watch_unref);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      request_return_error (task, g_steal_pointer (&error));
      return;
    }
  else
    {
      /* libsecret reports this itself, unless its backend needs no bus. */
      g_debug ("No session bus to watch for prompts: %s", error->message);
    }

  request_call_libsecret (g_steal_pointer (&task));
}

static void
request_start (Operation            operation,
               const char          *server,
               const char          *workspace,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data,
               gpointer             source_tag,
               const char          *label,
               const char          *api_key)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  request = g_new0 (Request, 1);
  request->operation = operation;
  request->attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (request->attributes, (gpointer) "server", g_strdup (server));
  g_hash_table_insert (request->attributes, (gpointer) "workspace", g_strdup (workspace));
  request->label = g_strdup (label);
  if (api_key != NULL)
    request->value = secret_value_new (api_key, -1, "text/plain");
  request->watch = prompt_watch_new ();
  request->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, request, request_free);

  if (cancellable != NULL)
    {
      request->caller_cancellable = g_object_ref (cancellable);
      request->caller_handler = g_cancellable_connect (cancellable,
                                                       G_CALLBACK (caller_cancelled_cb),
                                                       g_object_ref (request->cancellable),
                                                       g_object_unref);
    }

  /* Ticks of a second, or finer when a test shortened the limit. */
  request->tick_msec = CLAMP (timeout_msec / 10, 1, 1000);
  request->tick_source = g_timeout_source_new (request->tick_msec);
  g_source_set_name (request->tick_source, "[salvage] keyring timeout");
  g_source_set_callback (request->tick_source, request_tick_cb, request, NULL);
  g_source_attach (request->tick_source, g_task_get_context (task));

  /* The same connection libsecret uses, so its prompts pass our filter. */
  g_bus_get (G_BUS_TYPE_SESSION, request->cancellable, bus_get_cb, g_steal_pointer (&task));
}

static gboolean
attribute_is_valid (const char *value)
{
  return value != NULL && g_utf8_validate (value, -1, NULL);
}

/**
 * salvage_secrets_store_async:
 *
 * Stores @api_key in the default collection. The finish function fails
 * with %SALVAGE_SECRETS_ERROR_LOCKED or %SALVAGE_SECRETS_ERROR_UNAVAILABLE
 * when the key could not be kept.
 */
void
salvage_secrets_store_async (const char          *server,
                             const char          *workspace,
                             const char          *label,
                             const char          *api_key,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (attribute_is_valid (server));
  g_return_if_fail (attribute_is_valid (workspace));
  g_return_if_fail (attribute_is_valid (label));
  g_return_if_fail (api_key != NULL && *api_key != '\0');
  g_return_if_fail (g_utf8_validate (api_key, -1, NULL));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_STORE, server, workspace, cancellable, callback, user_data,
                 salvage_secrets_store_async, label, api_key);
}

gboolean
salvage_secrets_store_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_secrets_store_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
salvage_secrets_lookup_async (const char          *server,
                              const char          *workspace,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (attribute_is_valid (server));
  g_return_if_fail (attribute_is_valid (workspace));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_LOOKUP, server, workspace, cancellable, callback, user_data,
                 salvage_secrets_lookup_async, NULL, NULL);
}

char *
salvage_secrets_lookup_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_secrets_lookup_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * salvage_secrets_lookup_quietly_async:
 *
 * Like salvage_secrets_lookup_async(), but never asks to unlock the
 * keyring: a key in a locked keyring fails at once with
 * %SALVAGE_SECRETS_ERROR_LOCKED. For work nobody started, such as a check
 * in the background, which must not pop a prompt up on its own.
 */
void
salvage_secrets_lookup_quietly_async (const char          *server,
                                      const char          *workspace,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (attribute_is_valid (server));
  g_return_if_fail (attribute_is_valid (workspace));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_LOOKUP_QUIETLY, server, workspace, cancellable, callback, user_data,
                 salvage_secrets_lookup_quietly_async, NULL, NULL);
}

char *
salvage_secrets_lookup_quietly_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_secrets_lookup_quietly_async,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
salvage_secrets_clear_async (const char          *server,
                             const char          *workspace,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (attribute_is_valid (server));
  g_return_if_fail (attribute_is_valid (workspace));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  request_start (OPERATION_CLEAR, server, workspace, cancellable, callback, user_data,
                 salvage_secrets_clear_async, NULL, NULL);
}

gboolean
salvage_secrets_clear_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_secrets_clear_async,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * salvage_secrets_set_timeout:
 * @msec: the new limit, in milliseconds
 *
 * Changes how long a request may wait for the keyring, apart from the
 * time a prompt is open, for the requests started afterwards. Tests use
 * it to keep a slow service fast; the default suits everything else.
 */
void
salvage_secrets_set_timeout (guint msec)
{
  g_return_if_fail (msec > 0);

  timeout_msec = msec;
}

/**
 * salvage_secrets_free:
 *
 * Wipes and frees a key. libsecret's secret_password_free() takes its own
 * secure memory and, wiping it first, any g_malloc() block as well.
 */
void
salvage_secrets_free (char *api_key)
{
  secret_password_free (api_key);
}
