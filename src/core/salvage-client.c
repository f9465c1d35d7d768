/* salvage-client.c - the Roboflow REST client: one object per account
 *
 * Each endpoint sends one request through the transport of
 * salvage-http.c, which maps every failure to one SalvageError code; the
 * endpoint then hands the body of the answer to the parsers of
 * salvage-parse.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "salvage-client.h"
#include "salvage-http-private.h"
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

/* The transport */

static void
salvage_client_send_async (SalvageClient       *self,
                           const char          *method,
                           const char * const  *segments,
                           GBytes              *body,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  salvage_http_send_async (self->http, self, method, segments, body,
                           cancellable, callback, user_data);
}

static GBytes *
salvage_client_send_finish (SalvageClient  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return salvage_http_send_finish (result, error);
}

/* Endpoints */

typedef struct
{
  char             *project_slug;
  char             *version_number;
  char             *target;            /* training id or workflow url */
  SalvageTrashKind  kind;              /* what a delete removes */
  GError           *not_found;         /* a delete's 404, kept while the Trash is probed */
  SalvageDeleteReply reply;
} CallData;

static void
call_data_free (CallData *data)
{
  g_clear_pointer (&data->project_slug, g_free);
  g_clear_pointer (&data->version_number, g_free);
  g_clear_pointer (&data->target, g_free);
  g_clear_error (&data->not_found);
  salvage_delete_reply_clear (&data->reply);
  g_free (data);
}

static GTask *
call_new (SalvageClient       *self,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_new0 (CallData, 1), (GDestroyNotify) call_data_free);

  return task;
}

static gboolean
call_check_workspace (SalvageClient *self,
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
static void
call_return_error (GTask  *task,
                   GError *error)
{
  SalvageClient *self = g_task_get_source_object (task);
  char *redacted;

  redacted = salvage_redact (error->message, self->api_key);
  g_free (error->message);
  error->message = redacted;

  g_task_return_error (task, error);
}

static gboolean
call_is_valid (SalvageClient *self,
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

  if (!(body = salvage_client_send_finish (self, result, &error)) ||
      !(workspace = salvage_parse_key_check (body, &error)))
    {
      call_return_error (task, g_steal_pointer (&error));
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

  task = call_new (self, salvage_client_validate_key_async, cancellable, callback, user_data);
  salvage_client_send_async (self, "POST", NULL, NULL, cancellable, validate_key_cb, task);
}

char *
salvage_client_validate_key_finish (SalvageClient  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_validate_key_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* GET endpoints
 *
 * Every list or get endpoint is a row of one table: the path below the
 * workspace, the parser of its answer, and whether that parser runs in a
 * worker thread. The public _async/_finish pairs only pick their row.
 */

typedef enum
{
  LIST_WORKSPACE,
  LIST_PROJECT,
  LIST_TRAININGS,
  LIST_WORKFLOWS,
  LIST_TRASH,
  N_LISTS
} ListId;

/* Placeholders in a path, told apart from fixed words by their address. */
static const char piece_project[] = "{project}";
static const char piece_version[] = "{version}";

#define MAX_PIECES 4

typedef struct _ListEndpoint ListEndpoint;

typedef struct
{
  const ListEndpoint *endpoint;
  char               *project_slug;
  char               *version_number;
  char               *name;          /* the workspace's display name */
  GBytes             *body;          /* kept for a parser in a worker thread */
} ListData;

typedef GPtrArray *(*ListParser) (GBytes    *body,
                                  ListData  *data,
                                  GError   **error);

struct _ListEndpoint
{
  gpointer    source_tag;
  const char *pieces[MAX_PIECES + 1];  /* below /{ws}, NULL-terminated */
  ListParser  parse;
  gboolean    in_thread;
};

static GPtrArray *
parse_workspace (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_workspace (body, &data->name, error);
}

static GPtrArray *
parse_project (GBytes    *body,
               ListData  *data,
               GError   **error)
{
  return salvage_parse_project (body, data->project_slug, NULL, error);
}

static GPtrArray *
parse_trainings (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_trainings (body, data->project_slug, data->version_number, error);
}

static GPtrArray *
parse_workflows (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_workflows (body, error);
}

static GPtrArray *
parse_trash (GBytes    *body,
             ListData  *data,
             GError   **error)
{
  return salvage_parse_trash (body, error);
}

static const ListEndpoint list_endpoints[N_LISTS] = {
  [LIST_WORKSPACE] = { salvage_client_get_workspace_async, { NULL },
                       parse_workspace, FALSE },
  [LIST_PROJECT]   = { salvage_client_get_project_async, { piece_project, NULL },
                       parse_project, FALSE },
  [LIST_TRAININGS] = { salvage_client_list_trainings_async,
                       { piece_project, piece_version, "v2", "trainings", NULL },
                       parse_trainings, FALSE },
  [LIST_WORKFLOWS] = { salvage_client_list_workflows_async, { "workflows", NULL },
                       parse_workflows, FALSE },
  /* A Trash can hold a hundred thousand entries: keep the main loop free. */
  [LIST_TRASH]     = { salvage_client_list_trash_async, { "trash", NULL },
                       parse_trash, TRUE },
};

static void
list_data_free (ListData *data)
{
  g_clear_pointer (&data->project_slug, g_free);
  g_clear_pointer (&data->version_number, g_free);
  g_clear_pointer (&data->name, g_free);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
}

static void
list_return (GTask     *task,
             GPtrArray *items,
             GError    *error)
{
  if (items == NULL)
    call_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_parse_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ListData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = data->endpoint->parse (data->body, data, &error);
  /* The text can be tens of megabytes: let it go before the callback
   * fills a list with the objects. */
  g_clear_pointer (&data->body, g_bytes_unref);

  list_return (task, items, error);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  GPtrArray *items;

  if (!(body = salvage_client_send_finish (SALVAGE_CLIENT (object), result, &error)))
    {
      call_return_error (task, error);
      return;
    }

  if (data->endpoint->in_thread)
    {
      data->body = g_steal_pointer (&body);
      g_task_run_in_thread (task, list_parse_thread);
      return;
    }

  items = data->endpoint->parse (body, data, &error);
  list_return (task, items, error);
}

static void
list_start (SalvageClient       *self,
            ListId               id,
            const char          *project_slug,
            const char          *version_number,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  const ListEndpoint *endpoint = &list_endpoints[id];
  const char *segments[MAX_PIECES + 2] = { NULL, };
  g_autoptr(GTask) task = NULL;
  ListData *data;
  guint n = 0;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, endpoint->source_tag);

  data = g_new0 (ListData, 1);
  data->endpoint = endpoint;
  data->project_slug = g_strdup (project_slug);
  data->version_number = g_strdup (version_number);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  if (!call_check_workspace (self, task))
    return;

  segments[n++] = self->workspace;
  for (guint i = 0; endpoint->pieces[i] != NULL; i++)
    {
      if (endpoint->pieces[i] == piece_project)
        segments[n++] = project_slug;
      else if (endpoint->pieces[i] == piece_version)
        segments[n++] = version_number;
      else
        segments[n++] = endpoint->pieces[i];
    }

  salvage_client_send_async (self, "GET", segments, NULL, cancellable, list_cb,
                             g_steal_pointer (&task));
}

static GPtrArray *
list_finish (SalvageClient  *self,
             GAsyncResult   *result,
             ListId          id,
             char          **name_out,
             GError        **error)
{
  GPtrArray *items;

  g_return_val_if_fail (call_is_valid (self, result, list_endpoints[id].source_tag), NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);

  if (name_out != NULL)
    {
      ListData *data = g_task_get_task_data (G_TASK (result));

      *name_out = items != NULL ? g_strdup (data->name) : NULL;
    }

  return items;
}

/* GET /{ws} */

void
salvage_client_get_workspace_async (SalvageClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_WORKSPACE, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_get_workspace_finish (SalvageClient  *self,
                                     GAsyncResult   *result,
                                     char          **name_out,
                                     GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_WORKSPACE, name_out, error);
}

/* GET /{ws}/{project} */

void
salvage_client_get_project_async (SalvageClient       *self,
                                  const char          *project_slug,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_PROJECT, project_slug, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_get_project_finish (SalvageClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_PROJECT, NULL, error);
}

/* GET /{ws}/{project}/{N}/v2/trainings */

void
salvage_client_list_trainings_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     const char          *version_number,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_TRAININGS, project_slug, version_number,
              cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_trainings_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_TRAININGS, NULL, error);
}

/* GET /{ws}/workflows */

void
salvage_client_list_workflows_async (SalvageClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_WORKFLOWS, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_workflows_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_WORKFLOWS, NULL, error);
}

/* GET /{ws}/trash */

void
salvage_client_list_trash_async (SalvageClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_TRASH, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_trash_finish (SalvageClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_TRASH, NULL, error);
}

/* DELETE …, with the Trash probe on 404 */

static gboolean
trash_item_matches (SalvageTrashItem *item,
                    CallData         *data)
{
  if (salvage_trash_item_get_kind (item) != data->kind)
    return FALSE;

  /* The same rules as the Roboflow CLI uses to recognise a repeated delete. */
  switch (data->kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      return g_strcmp0 (salvage_trash_item_get_url (item), data->project_slug) == 0;

    case SALVAGE_TRASH_KIND_VERSION:
      return g_strcmp0 (salvage_trash_item_get_id (item), data->version_number) == 0 &&
             g_strcmp0 (salvage_trash_item_get_parent_url (item), data->project_slug) == 0;

    case SALVAGE_TRASH_KIND_WORKFLOW:
      return g_strcmp0 (salvage_trash_item_get_url (item), data->target) == 0 ||
             g_strcmp0 (salvage_trash_item_get_id (item), data->target) == 0;

    case SALVAGE_TRASH_KIND_TRAINING:
      return g_strcmp0 (salvage_trash_item_get_id (item), data->target) == 0;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return FALSE;
    }
}

static void
delete_probe_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  items = salvage_client_list_trash_finish (SALVAGE_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      call_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);

      if (trash_item_matches (item, data))
        {
          data->reply.already_in_trash = TRUE;
          data->reply.trash_id = g_strdup (salvage_trash_item_get_id (item));
          data->reply.parent_id = g_strdup (salvage_trash_item_get_parent_id (item));
          g_task_return_boolean (task, TRUE);
          return;
        }
    }

  /* Not in the Trash, or the Trash could not be read: the 404 stands. */
  g_task_return_error (task, g_steal_pointer (&data->not_found));
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SalvageClient *self = SALVAGE_CLIENT (object);
  g_autoptr(GTask) task = user_data;
  CallData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  body = salvage_client_send_finish (self, result, &error);

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND))
    {
      /* A second delete of the same item is a 404 too: look for it in
       * the Trash before calling it missing. */
      GCancellable *cancellable = g_task_get_cancellable (task);

      data->not_found = g_steal_pointer (&error);
      salvage_client_list_trash_async (self, cancellable, delete_probe_cb, g_steal_pointer (&task));
      return;
    }

  if (body == NULL ||
      !salvage_parse_delete (body, &data->reply.trash_id, &data->reply.parent_id, &error))
    call_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
delete_start (SalvageClient       *self,
              GTask               *task,
              const char * const  *segments)
{
  if (!call_check_workspace (self, task))
    {
      g_object_unref (task);
      return;
    }

  salvage_client_send_async (self, "DELETE", segments, NULL,
                             g_task_get_cancellable (task), delete_cb, task);
}

void
salvage_delete_reply_clear (SalvageDeleteReply *reply)
{
  reply->already_in_trash = FALSE;
  g_clear_pointer (&reply->trash_id, g_free);
  g_clear_pointer (&reply->parent_id, g_free);
}

static gboolean
delete_finish (SalvageClient       *self,
               GAsyncResult        *result,
               SalvageDeleteReply  *reply,
               GError             **error)
{
  CallData *data = g_task_get_task_data (G_TASK (result));
  gboolean ret;

  ret = g_task_propagate_boolean (G_TASK (result), error);

  if (reply != NULL)
    {
      reply->already_in_trash = ret && data->reply.already_in_trash;
      reply->trash_id = ret ? g_strdup (data->reply.trash_id) : NULL;
      reply->parent_id = ret ? g_strdup (data->reply.parent_id) : NULL;
    }

  return ret;
}

void
salvage_client_delete_project_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  CallData *data;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = call_new (self, salvage_client_delete_project_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->kind = SALVAGE_TRASH_KIND_PROJECT;
  data->project_slug = g_strdup (project_slug);

  delete_start (self, task, (const char * const []) { self->workspace, project_slug, NULL });
}

gboolean
salvage_client_delete_project_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      SalvageDeleteReply *reply,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_delete_project_async), FALSE);

  return delete_finish (self, result, reply, error);
}

void
salvage_client_delete_version_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     const char          *version_number,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task;
  CallData *data;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = call_new (self, salvage_client_delete_version_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->kind = SALVAGE_TRASH_KIND_VERSION;
  data->project_slug = g_strdup (project_slug);
  data->version_number = g_strdup (version_number);

  delete_start (self, task,
                (const char * const []) { self->workspace, project_slug, version_number, NULL });
}

gboolean
salvage_client_delete_version_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      SalvageDeleteReply *reply,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_delete_version_async), FALSE);

  return delete_finish (self, result, reply, error);
}

void
salvage_client_delete_training_async (SalvageClient       *self,
                                      const char          *project_slug,
                                      const char          *version_number,
                                      const char          *training_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  CallData *data;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (training_id != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = call_new (self, salvage_client_delete_training_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->kind = SALVAGE_TRASH_KIND_TRAINING;
  data->project_slug = g_strdup (project_slug);
  data->version_number = g_strdup (version_number);
  data->target = g_strdup (training_id);

  delete_start (self, task,
                (const char * const []) {
                  self->workspace, project_slug, version_number, "v2", "trainings", training_id, NULL
                });
}

gboolean
salvage_client_delete_training_finish (SalvageClient  *self,
                                       GAsyncResult   *result,
                                       SalvageDeleteReply *reply,
                                       GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_delete_training_async), FALSE);

  return delete_finish (self, result, reply, error);
}

void
salvage_client_delete_workflow_async (SalvageClient       *self,
                                      const char          *workflow_url,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  CallData *data;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (workflow_url != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = call_new (self, salvage_client_delete_workflow_async, cancellable, callback, user_data);
  data = g_task_get_task_data (task);
  data->kind = SALVAGE_TRASH_KIND_WORKFLOW;
  data->target = g_strdup (workflow_url);

  delete_start (self, task,
                (const char * const []) { self->workspace, "workflows", workflow_url, NULL });
}

gboolean
salvage_client_delete_workflow_finish (SalvageClient  *self,
                                       GAsyncResult   *result,
                                       SalvageDeleteReply *reply,
                                       GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_delete_workflow_async), FALSE);

  return delete_finish (self, result, reply, error);
}

/* POST /{ws}/trash/restore */

static void
restore_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (!(body = salvage_client_send_finish (SALVAGE_CLIENT (object), result, &error)) ||
      !salvage_parse_restore (body, &error))
    call_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static GBytes *
build_restore_body (SalvageTrashItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *parent_id = salvage_trash_item_get_parent_id (item);
  gsize len;
  char *text;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, salvage_trash_item_get_restore_type (item));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, salvage_trash_item_get_id (item));
  if (parent_id != NULL && parent_id[0] != '\0')
    {
      json_builder_set_member_name (builder, "parentId");
      json_builder_add_string_value (builder, parent_id);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &len);

  return g_bytes_new_take (text, len);
}

void
salvage_client_restore_async (SalvageClient       *self,
                              SalvageTrashItem    *item,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) body = NULL;
  const char *parent_id;

  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (SALVAGE_IS_TRASH_ITEM (item));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = call_new (self, salvage_client_restore_async, cancellable, callback, user_data);
  if (!call_check_workspace (self, task))
    return;

  if (!salvage_trash_item_get_restorable (item))
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                               _("Items of type “%s” cannot be restored here"),
                               salvage_trash_item_get_type_name (item) != NULL ?
                               salvage_trash_item_get_type_name (item) : "?");
      return;
    }

  /* The server needs the project's id to find a version: without it the
   * request could only fail, or worse, match another project's version. */
  parent_id = salvage_trash_item_get_parent_id (item);
  if (salvage_trash_item_get_kind (item) == SALVAGE_TRASH_KIND_VERSION &&
      (parent_id == NULL || parent_id[0] == '\0'))
    {
      g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                               "%s", _("The version cannot be restored: the Trash did not say which project it belongs to"));
      return;
    }

  body = build_restore_body (item);
  salvage_client_send_async (self, "POST",
                             (const char * const []) { self->workspace, "trash", "restore", NULL },
                             body, cancellable, restore_cb, g_steal_pointer (&task));
}

gboolean
salvage_client_restore_finish (SalvageClient  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (call_is_valid (self, result, salvage_client_restore_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
