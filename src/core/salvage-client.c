/* salvage-client.c - the Roboflow REST client: one object per account
 *
 * Each endpoint sends one request through the transport of
 * salvage-http.c, which maps every failure to one SalvageError code; the
 * endpoint then hands the body of the answer to the parsers of
 * salvage-parse.c. This file holds the object, the key check (POST /)
 * and what every endpoint shares; the reads are in salvage-client-lists.c,
 * the deletes and restores in salvage-client-trash.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-client-private.h"
#include "salvage-parse.h"

#define DEFAULT_TIMEOUT 30

struct _SalvageClient
{
  GObject      parent_instance;

  SalvageHttp *http;
  char        *base_url;
  char        *api_key;
  char        *workspace;
  guint        timeout;
};

G_DEFINE_FINAL_TYPE (SalvageClient, salvage_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_WORKSPACE,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Base URL */

const char *
salvage_client_default_base_url (void)
{
  const char *env = g_getenv ("API_URL");

  if (env != NULL && env[0] != '\0')
    return env;

  return SALVAGE_DEFAULT_API_URL;
}

gboolean
salvage_client_check_base_url (const char  *url,
                               GError     **error)
{
  return salvage_http_check_base_url (url, error);
}

static char *
normalize_base_url (const char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    len--;

  return g_strndup (url, len);
}

/* Key masking */

char *
salvage_mask_key (const char *api_key)
{
  glong n_chars;
  const char *head_end;
  const char *tail;
  GString *masked;

  g_return_val_if_fail (api_key != NULL, NULL);

  if (!g_utf8_validate (api_key, -1, NULL))
    return g_strdup ("****");

  n_chars = g_utf8_strlen (api_key, -1);
  if (n_chars <= 4)
    return g_strdup ("****");

  head_end = g_utf8_offset_to_pointer (api_key, 2);
  tail = g_utf8_offset_to_pointer (api_key, n_chars - 2);

  masked = g_string_new_len (api_key, head_end - api_key);
  for (glong i = 0; i < n_chars - 4; i++)
    g_string_append_c (masked, '*');
  g_string_append (masked, tail);

  return g_string_free (masked, FALSE);
}

char *
salvage_client_dup_masked_key (SalvageClient *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return salvage_mask_key (self->api_key);
}

/* GObject */

static void
salvage_client_constructed (GObject *object)
{
  SalvageClient *self = (SalvageClient *)object;

  G_OBJECT_CLASS (salvage_client_parent_class)->constructed (object);

  if (self->base_url == NULL)
    self->base_url = normalize_base_url (salvage_client_default_base_url ());

  if (self->api_key == NULL)
    self->api_key = g_strdup ("");

  self->http = salvage_http_new (self->base_url, self->api_key, self->timeout);
}

static void
salvage_client_dispose (GObject *object)
{
  SalvageClient *self = (SalvageClient *)object;

  /* Pending exchanges hold a reference on us, so this only runs early
   * when someone forces it: end them, but keep the transport until
   * finalize for their callbacks. */
  if (self->http != NULL)
    salvage_http_abort (self->http);

  G_OBJECT_CLASS (salvage_client_parent_class)->dispose (object);
}

static void
salvage_client_finalize (GObject *object)
{
  SalvageClient *self = (SalvageClient *)object;

  g_clear_pointer (&self->http, salvage_http_free);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_clear_pointer (&self->workspace, g_free);

  G_OBJECT_CLASS (salvage_client_parent_class)->finalize (object);
}

static void
salvage_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalvageClient *self = SALVAGE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_WORKSPACE:
      g_value_set_string (value, self->workspace);
      break;

    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_client_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  const char *str;

  switch (prop_id)
    {
    case PROP_BASE_URL:
      if ((str = g_value_get_string (value)) != NULL)
        self->base_url = normalize_base_url (str);
      break;

    case PROP_API_KEY:
      self->api_key = g_value_dup_string (value);
      break;

    case PROP_WORKSPACE:
      salvage_client_set_workspace (self, g_value_get_string (value));
      break;

    case PROP_TIMEOUT:
      salvage_client_set_timeout (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_client_class_init (SalvageClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = salvage_client_constructed;
  object_class->dispose = salvage_client_dispose;
  object_class->finalize = salvage_client_finalize;
  object_class->get_property = salvage_client_get_property;
  object_class->set_property = salvage_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* Write-only: nothing that can read properties (an inspector, a
   * debugging dump) can get at the key. */
  properties[PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_WORKSPACE] =
    g_param_spec_string ("workspace", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL,
                       1, 3600, DEFAULT_TIMEOUT,
                       (G_PARAM_READWRITE |
                        G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_client_init (SalvageClient *self)
{
  self->timeout = DEFAULT_TIMEOUT;
}

SalvageClient *
salvage_client_new (const char  *base_url,
                    const char  *api_key,
                    GError     **error)
{
  g_return_val_if_fail (api_key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (base_url == NULL)
    base_url = salvage_client_default_base_url ();

  if (!salvage_client_check_base_url (base_url, error))
    return NULL;

  if (api_key[0] == '\0')
    {
      g_set_error_literal (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY,
                           _("No API key was given"));
      return NULL;
    }

  return g_object_new (SALVAGE_TYPE_CLIENT,
                       "base-url", base_url,
                       "api-key", api_key,
                       NULL);
}

const char *
salvage_client_get_base_url (SalvageClient *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return self->base_url;
}

const char *
salvage_client_get_workspace (SalvageClient *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return self->workspace;
}

void
salvage_client_set_workspace (SalvageClient *self,
                              const char    *workspace)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));

  if (g_strcmp0 (self->workspace, workspace) == 0)
    return;

  g_free (self->workspace);
  self->workspace = g_strdup (workspace);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

guint
salvage_client_get_timeout (SalvageClient *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), 0);

  return self->timeout;
}

void
salvage_client_set_timeout (SalvageClient *self,
                            guint          seconds)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;

  self->timeout = seconds;
  salvage_http_set_timeout (self->http, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* What the endpoints share (salvage-client-private.h) */

void
_salvage_client_send_async (SalvageClient       *self,
                            const char          *method,
                            const char * const  *segments,
                            GBytes              *body,
                            SalvageHttpFlags     flags,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  salvage_http_send_async (self->http, self, method, segments, body, flags,
                           cancellable, callback, user_data);
}

void
_salvage_client_send_to_feed_async (SalvageClient       *self,
                                    const char          *method,
                                    const char * const  *segments,
                                    SalvageHttpFlags     flags,
                                    SalvageBodyFeed     *feed,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  salvage_http_send_to_feed_async (self->http, self, method, segments, flags, feed,
                                   cancellable, callback, user_data);
}

GBytes *
_salvage_client_send_finish (SalvageClient  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return salvage_http_send_finish (result, error);
}

GTask *
_salvage_client_task_new (SalvageClient       *self,
                          gpointer             source_tag,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  return task;
}

gboolean
_salvage_client_check_workspace (SalvageClient *self,
                                 GTask         *task)
{
  if (self->workspace != NULL && self->workspace[0] != '\0')
    return TRUE;

  g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                           "%s", _("No workspace"));
  return FALSE;
}

/* Parsers may quote the body, and a server may echo the request: every
 * message is redacted before it leaves the client. Safe in a worker
 * thread, as the key never changes. */
void
_salvage_client_return_error (GTask  *task,
                              GError *error)
{
  SalvageClient *self = g_task_get_source_object (task);
  char *redacted;

  redacted = salvage_redact (error->message, self->api_key);
  g_free (error->message);
  error->message = redacted;

  g_task_return_error (task, error);
}

gboolean
_salvage_client_is_result (SalvageClient *self,
                           GAsyncResult  *result,
                           gpointer       source_tag)
{
  return g_task_is_valid (result, self) &&
         g_task_get_source_tag (G_TASK (result)) == source_tag;
}

/* POST / */

static void
validate_key_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;

  if (!(body = _salvage_client_send_finish (self, result, &error)) ||
      !(workspace = salvage_parse_key_check (body, &error)))
    {
      _salvage_client_return_error (task, g_steal_pointer (&error));
      return;
    }

  salvage_client_set_workspace (self, workspace);
  g_task_return_pointer (task, g_steal_pointer (&workspace), g_free);
}

void
salvage_client_validate_key_async (SalvageClient       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = _salvage_client_task_new (self, salvage_client_validate_key_async,
                                   cancellable, callback, user_data);
  _salvage_client_send_async (self, "POST", NULL, NULL, SALVAGE_HTTP_FLAGS_NONE,
                              cancellable, validate_key_cb, task);
}

char *
salvage_client_validate_key_finish (SalvageClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (_salvage_client_is_result (self, result, salvage_client_validate_key_async),
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
