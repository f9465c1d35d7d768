/* salvage-server.c - a local stand-in for the Roboflow REST API
 *
 * Serves, from memory, the routes of the Roboflow API that Salvage uses,
 * with the rules of the real service: the key travels in the query string
 * (unencoded), deletes are soft and last 30 days, trashed items vanish from
 * every listing and URL, and success on the Trash family is always a 200
 * with a JSON body.
 *
 * Where the real service's answer is not known, the stand-in chooses:
 *
 *  - 401 {"error":"This API key does not exist"} for a missing or unknown
 *    key, on every route, before anything else is looked at.
 *  - 404 with the generic nested "Unsupported request" body (type
 *    GraphMethodException) whenever a URL does not resolve: an unknown
 *    route or method, a workspace the key does not belong to (the real API
 *    does not tell "yours" from "missing"), and any project, version,
 *    training or workflow that is absent or in the Trash. This includes a
 *    second DELETE of the same item: trashed items are filtered out of URL
 *    resolution before the delete handler runs, so the real service gives
 *    the same answer as for a route that never existed.
 *  - Flat {"error":"…"} bodies for every answer the Trash-family handlers
 *    themselves decide: see salvage-server-trash.c for the statuses.
 *  - trash/empty and trash/deleteImmediately are not served: they answer
 *    like any unknown route.
 *  - Paths are routed as sent: each segment is percent-decoded on its own,
 *    so an encoded "/" never splits one.
 *
 * And where the shape of an answer is not known:
 *
 *  - Trash dates are full ISO-8601 UTC date-times with milliseconds
 *    ("2026-11-02T14:03:11.123Z"), as are training start/end times and
 *    workflow creation times, which are "createdAt" (no workflow date is
 *    evidenced; the API's newer objects spell it so); project and version
 *    dates are epoch seconds, "created".
 *  - "items" and "sections" carry the same full records, newest deletion
 *    first, and "sections" always has its four arrays, even when empty.
 *  - A training's Trash record names the model, carries its version number
 *    as "versionId" and its project as parentId/parentUrl/parentName.
 *  - A trashed project hides its versions and trainings, which come back
 *    with it; versions deleted on their own before it stay listed. A
 *    restore never restarts a run that a delete cancelled.
 *  - Deletes made through the API are attributed to the workspace's first
 *    member, the owner of its keys.
 *  - GET /{ws}/{project} lists versions newest first (clients must sort),
 *    and version numbers are never reused, even after a delete.
 *  - Scopes are not modelled: every key may do everything in its workspace.
 *
 * The read-only routes are in salvage-server-reads.c, the Trash routes
 * in salvage-server-trash.c, and the trainings' own routes, in either of
 * their two designs, in salvage-server-trainings.c. Tests can also make
 * any request fail as the service or the network might: their fault
 * injection (salvage-server-fault.h) comes between the server and its
 * requests through the request hook, which only the tests' library sets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "salvage-server.h"
#include "salvage-server-private.h"

#define ID_ALPHABET "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

struct _SalvageServer
{
  GObject      parent_instance;

  SoupServer  *soup_server;
  char        *url;

  GHashTable  *workspaces;       /* slug → SalvageServerWorkspace */
  GHashTable  *keys;             /* API key → workspace slug */
  GRand       *rand;             /* ids only, so a seed gives the same ids */
  GPtrArray   *delayed_replies;  /* (element-type DelayedReply) */

  SalvageServerRequestHook request_hook;
  gpointer                 request_hook_data;
  GDestroyNotify           request_hook_destroy;

  gint64       frozen_time;      /* 0 = follow the real clock */
  guint        latency_msec;
  guint        request_count;
  SalvageServerTrainingRoutes training_routes;
  /* Set while a request is routed only to learn its answer: the handlers
   * answer as usual and change nothing. */
  gboolean     dry_run;
};

G_DEFINE_FINAL_TYPE (SalvageServer, salvage_server, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SalvageServerTrainingRoutes, salvage_server_training_routes,
                    G_DEFINE_ENUM_VALUE (SALVAGE_SERVER_TRAINING_ROUTES_DELETE, "delete"),
                    G_DEFINE_ENUM_VALUE (SALVAGE_SERVER_TRAINING_ROUTES_POST, "post"))

enum {
  PROP_0,
  PROP_URL,
  PROP_LATENCY,
  PROP_TRAINING_ROUTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  SalvageServer     *self;
  SoupServerMessage *msg;
  guint              source_id;
  gulong             finished_id;
  gulong             disconnected_id;
} DelayedReply;

char *
salvage_server_new_id (SalvageServer *self,
                       const char    *prefix,
                       guint          length)
{
  GString *id;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  id = g_string_new (prefix);
  for (guint i = 0; i < length; i++)
    g_string_append_c (id, ID_ALPHABET[g_rand_int_range (self->rand, 0, sizeof ID_ALPHABET - 1)]);

  return g_string_free (id, FALSE);
}

/* The cleanup job of the real service, run lazily before every request. */
void
salvage_server_purge_expired (SalvageServer *self)
{
  gint64 now = salvage_server_get_time (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->workspaces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SalvageServerWorkspace *workspace = value;

      if (workspace->next_cleanup < now)
        salvage_server_workspace_purge (workspace, now);
    }
}

gboolean
salvage_server_is_dry_run (SalvageServer *self)
{
  return self->dry_run;
}

/* Requests and answers */

JsonObject *
salvage_server_read_request_object (SoupServerMessage *msg,
                                    gboolean           empty_ok)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  JsonNode *root;

  if (length == 0 && empty_ok)
    return json_object_new ();

  /* Strict, as the service's own reader is. Without it, json-glib 1.10 reads
   * a body of several values, such as "{} {}", as one array that it leaves
   * unsealed even in an immutable parser, and json_parser_get_root() then
   * aborts the whole server on its sanity check. */
  json_parser_set_strict (parser, TRUE);

  if (length == 0 ||
      !json_parser_load_from_data (parser, data, (gssize) length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  return json_object_ref (json_node_get_object (root));
}

const char *
salvage_server_get_string_member (JsonObject *object,
                                  const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

void
salvage_server_send_json (SoupServerMessage *msg,
                          guint              status,
                          JsonObject        *object)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  gsize length = 0;
  char *data;

  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);

  json_object_unref (object);
}

/* The error shape the SDK expects from the Trash-family endpoints. */
void
salvage_server_send_flat_error (SoupServerMessage *msg,
                                guint              status,
                                const char        *message)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "error", message);
  salvage_server_send_json (msg, status, object);
}

/* The answer of the real router for anything it cannot resolve. Only the
 * path is quoted: the query, with the key, never is. */
void
salvage_server_send_not_found (SoupServerMessage *msg)
{
  JsonObject *object = json_object_new ();
  JsonObject *error = json_object_new ();
  g_autofree char *message = NULL;

  message = g_strdup_printf ("Unsupported request. `%s %s` does not exist or cannot be loaded "
                             "due to missing permissions.",
                             soup_server_message_get_method (msg),
                             g_uri_get_path (soup_server_message_get_uri (msg)));

  json_object_set_string_member (error, "message", message);
  json_object_set_string_member (error, "type", "GraphMethodException");
  json_object_set_string_member (error, "hint",
                                 "You can find the API docs at https://docs.roboflow.com");
  json_object_set_object_member (object, "error", error);
  salvage_server_send_json (msg, SOUP_STATUS_NOT_FOUND, object);
}

/* The SDK does not URL-encode the key, so the raw value is tried first and
 * the decoded one second. */
static SalvageServerWorkspace *
lookup_key (SalvageServer *self,
            const char    *query,
            gboolean      *known)
{
  g_auto(GStrv) params = NULL;
  const char *slug = NULL;

  *known = FALSE;

  if (query == NULL)
    return NULL;

  params = g_strsplit (query, "&", -1);
  for (guint i = 0; params[i] != NULL && slug == NULL; i++)
    {
      g_autofree char *decoded = NULL;
      const char *value;

      if (!g_str_has_prefix (params[i], "api_key="))
        continue;

      value = params[i] + strlen ("api_key=");
      slug = g_hash_table_lookup (self->keys, value);
      if (slug == NULL && (decoded = g_uri_unescape_string (value, NULL)) != NULL)
        slug = g_hash_table_lookup (self->keys, decoded);
    }

  if (slug == NULL)
    return NULL;

  *known = TRUE;
  return g_hash_table_lookup (self->workspaces, slug);
}

/* Splits a path, still percent-encoded, into decoded segments: an encoded
 * "/" belongs to its segment, as on the real service, so that
 * "hard-hats%2F3" names no project rather than version 3 of hard-hats.
 * NULL when a segment is empty or decodes to a NUL. A single trailing
 * slash is allowed. */
static GStrv
split_path (const char *path)
{
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) raw = NULL;
  guint n_raw;

  if (path == NULL || path[0] != '/')
    return NULL;

  raw = g_strsplit (path + 1, "/", -1);
  n_raw = g_strv_length (raw);
  if (n_raw > 0 && raw[n_raw - 1][0] == '\0')
    n_raw--;

  for (guint i = 0; i < n_raw; i++)
    {
      char *segment = g_uri_unescape_segment (raw[i], NULL, NULL);

      if (segment == NULL || segment[0] == '\0')
        {
          g_free (segment);
          return NULL;
        }
      g_ptr_array_add (segments, segment);
    }

  g_ptr_array_add (segments, NULL);
  g_ptr_array_set_free_func (segments, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&segments), FALSE);
}

static void
route_workflows (SalvageServer          *self,
                 SoupServerMessage      *msg,
                 SalvageServerWorkspace *workspace,
                 const char             *method,
                 const char * const     *segments,
                 guint                   n_segments)
{
  SalvageServerWorkflow *workflow;

  if (n_segments == 2 && g_str_equal (method, "GET"))
    {
      salvage_server_handle_list_workflows (msg, workspace);
      return;
    }

  if (n_segments != 3 ||
      (workflow = salvage_server_workspace_lookup_workflow (workspace, segments[2])) == NULL)
    {
      salvage_server_send_not_found (msg);
      return;
    }

  if (g_str_equal (method, "GET"))
    salvage_server_handle_get_workflow (msg, workflow);
  else if (g_str_equal (method, "DELETE"))
    salvage_server_handle_delete_workflow (self, msg, workspace, workflow);
  else
    salvage_server_send_not_found (msg);
}

static void
route_project (SalvageServer          *self,
               SoupServerMessage      *msg,
               SalvageServerWorkspace *workspace,
               const char             *method,
               const char * const     *segments,
               guint                   n_segments)
{
  SalvageServerProject *project = salvage_server_workspace_lookup_project (workspace, segments[1]);
  SalvageServerVersion *version = NULL;
  gboolean is_get = g_str_equal (method, "GET");
  gboolean is_delete = g_str_equal (method, "DELETE");
  guint number;

  if (project == NULL)
    {
      salvage_server_send_not_found (msg);
      return;
    }

  if (n_segments == 2)
    {
      if (is_get)
        salvage_server_handle_get_project (msg, project);
      else if (is_delete)
        salvage_server_handle_delete_project (self, msg, project);
      else
        salvage_server_send_not_found (msg);
      return;
    }

  if (!salvage_server_parse_version_number (segments[2], &number) ||
      (version = salvage_server_project_lookup_live_version (project, number)) == NULL)
    {
      salvage_server_send_not_found (msg);
      return;
    }

  if (n_segments == 3)
    {
      if (is_get)
        salvage_server_handle_get_version (msg, version);
      else if (is_delete)
        salvage_server_handle_delete_version (self, msg, version);
      else
        salvage_server_send_not_found (msg);
      return;
    }

  if (n_segments >= 5 && g_str_equal (segments[3], "v2") && g_str_equal (segments[4], "trainings"))
    salvage_server_route_trainings (self, msg, version, method, segments + 5, n_segments - 5);
  else
    salvage_server_send_not_found (msg);
}

static void
route (SalvageServer     *self,
       SoupServerMessage *msg)
{
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  g_auto(GStrv) segments = split_path (g_uri_get_path (uri));
  SalvageServerWorkspace *workspace;
  gboolean known_key;
  guint n_segments;

  workspace = lookup_key (self, g_uri_get_query (uri), &known_key);
  if (!known_key)
    {
      salvage_server_send_flat_error (msg, SOUP_STATUS_UNAUTHORIZED, "This API key does not exist");
      return;
    }

  if (segments == NULL)
    {
      salvage_server_send_not_found (msg);
      return;
    }

  n_segments = g_strv_length (segments);

  if (n_segments == 0)
    {
      if (workspace != NULL && (g_str_equal (method, "GET") || g_str_equal (method, "POST")))
        salvage_server_handle_key_check (msg, workspace);
      else
        salvage_server_send_not_found (msg);
      return;
    }

  /* A key of another workspace sees the same as a workspace that does not exist. */
  if (workspace == NULL || !g_str_equal (segments[0], workspace->slug))
    {
      salvage_server_send_not_found (msg);
      return;
    }

  if (n_segments == 1)
    {
      if (g_str_equal (method, "GET"))
        salvage_server_handle_get_workspace (msg, workspace);
      else
        salvage_server_send_not_found (msg);
      return;
    }

  /* Fixed words first, so that no project can shadow them. */
  if (g_str_equal (segments[1], "trash"))
    {
      if (n_segments == 2 && g_str_equal (method, "GET"))
        salvage_server_handle_list_trash (msg, workspace);
      else if (n_segments == 3 && g_str_equal (segments[2], "restore") &&
               g_str_equal (method, "POST"))
        salvage_server_handle_restore (self, msg, workspace);
      else
        salvage_server_send_not_found (msg);
    }
  else if (g_str_equal (segments[1], "workflows"))
    route_workflows (self, msg, workspace, method, (const char * const *) segments, n_segments);
  else if (salvage_server_is_reserved_word (segments[1]))
    salvage_server_send_not_found (msg);
  else
    route_project (self, msg, workspace, method, (const char * const *) segments, n_segments);
}

static void
delayed_reply_free (gpointer data)
{
  DelayedReply *reply = data;

  g_clear_handle_id (&reply->source_id, g_source_remove);
  g_clear_signal_handler (&reply->finished_id, reply->msg);
  g_clear_signal_handler (&reply->disconnected_id, reply->msg);
  g_clear_object (&reply->msg);
  g_free (reply);
}

static gboolean
delayed_reply_cb (gpointer user_data)
{
  DelayedReply *reply = user_data;
  g_autoptr(SoupServerMessage) msg = g_object_ref (reply->msg);

  /* Forget the reply first: the message may finish during the unpause. */
  reply->source_id = 0;
  g_ptr_array_remove_fast (reply->self->delayed_replies, reply);
  soup_server_message_unpause (msg);

  return G_SOURCE_REMOVE;
}

/* The client went away while the answer was held back. libsoup 3.6 emits
 * "finished" only when the message's own I/O ends: a connection closed
 * under a paused message, as when the server shuts down, is told with
 * "disconnected" alone. */
static void
delayed_reply_finished_cb (DelayedReply      *reply,
                           SoupServerMessage *msg)
{
  g_ptr_array_remove_fast (reply->self->delayed_replies, reply);
}

static void
delay_reply (SalvageServer     *self,
             SoupServerMessage *msg)
{
  DelayedReply *reply = g_new0 (DelayedReply, 1);

  reply->self = self;
  reply->msg = g_object_ref (msg);
  reply->finished_id = g_signal_connect_swapped (msg, "finished",
                                                 G_CALLBACK (delayed_reply_finished_cb), reply);
  reply->disconnected_id = g_signal_connect_swapped (msg, "disconnected",
                                                     G_CALLBACK (delayed_reply_finished_cb),
                                                     reply);
  reply->source_id = g_timeout_add (self->latency_msec, delayed_reply_cb, reply);
  g_ptr_array_add (self->delayed_replies, reply);

  soup_server_message_pause (msg);
}

static void
server_request_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  SalvageServer *self = user_data;
  gboolean whole_answer = TRUE;

  self->request_count++;
  salvage_server_purge_expired (self);

  if (self->request_hook != NULL)
    whole_answer = self->request_hook (self, msg, self->request_hook_data);
  else
    route (self, msg);

  /* Answers that leave in pieces, or never, keep their own pace. */
  if (self->latency_msec > 0 && whole_answer)
    delay_reply (self, msg);
}

static void
clear_request_hook (SalvageServer *self)
{
  GDestroyNotify destroy = self->request_hook_destroy;
  gpointer data = g_steal_pointer (&self->request_hook_data);

  self->request_hook = NULL;
  self->request_hook_destroy = NULL;
  if (destroy != NULL)
    destroy (data);
}

/* GObject */

static void
salvage_server_dispose (GObject *object)
{
  SalvageServer *self = (SalvageServer *)object;

  /* Closing the listeners and the connections first lets every message
   * still under way finish, so that nothing below is left holding one. */
  if (self->soup_server != NULL)
    {
      soup_server_remove_handler (self->soup_server, NULL);
      soup_server_disconnect (self->soup_server);
    }
  clear_request_hook (self);
  g_clear_pointer (&self->delayed_replies, g_ptr_array_unref);
  g_clear_object (&self->soup_server);

  G_OBJECT_CLASS (salvage_server_parent_class)->dispose (object);
}

static void
salvage_server_finalize (GObject *object)
{
  SalvageServer *self = (SalvageServer *)object;

  g_clear_pointer (&self->workspaces, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (salvage_server_parent_class)->finalize (object);
}

static void
salvage_server_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalvageServer *self = SALVAGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_LATENCY:
      g_value_set_uint (value, self->latency_msec);
      break;

    case PROP_TRAINING_ROUTES:
      g_value_set_enum (value, self->training_routes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_server_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalvageServer *self = SALVAGE_SERVER (object);

  switch (prop_id)
    {
    case PROP_LATENCY:
      salvage_server_set_latency (self, g_value_get_uint (value));
      break;

    case PROP_TRAINING_ROUTES:
      salvage_server_set_training_routes (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_server_class_init (SalvageServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_server_dispose;
  object_class->finalize = salvage_server_finalize;
  object_class->get_property = salvage_server_get_property;
  object_class->set_property = salvage_server_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LATENCY] =
    g_param_spec_uint ("latency", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRAINING_ROUTES] =
    g_param_spec_enum ("training-routes", NULL, NULL,
                       SALVAGE_TYPE_SERVER_TRAINING_ROUTES,
                       SALVAGE_SERVER_TRAINING_ROUTES_DELETE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_server_init (SalvageServer *self)
{
  self->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal,
                                            NULL, salvage_server_workspace_free);
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rand = g_rand_new_with_seed (0x5a17a6e);
  self->delayed_replies = g_ptr_array_new_with_free_func (delayed_reply_free);
  /* Routing needs the path as sent: see split_path(). */
  self->soup_server = soup_server_new ("raw-paths", TRUE, NULL);
  soup_server_add_handler (self->soup_server, NULL, server_request_cb, self, NULL);
}

/* Public API */

SalvageServer *
salvage_server_new (void)
{
  return g_object_new (SALVAGE_TYPE_SERVER, NULL);
}

gboolean
salvage_server_listen (SalvageServer  *self,
                       guint           port,
                       GError        **error)
{
  GSList *uris;
  int bound_port;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!soup_server_listen_local (self->soup_server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  /* The port the system picked, when asked for any. */
  uris = soup_server_get_uris (self->soup_server);
  bound_port = uris != NULL ? g_uri_get_port (uris->data) : -1;
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  if (bound_port <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "The server listens on no port");
      return FALSE;
    }

  g_free (self->url);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", bound_port);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);

  return TRUE;
}

const char *
salvage_server_get_url (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);

  return self->url;
}

void
salvage_server_set_latency (SalvageServer *self,
                            guint          msec)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  if (self->latency_msec == msec)
    return;

  self->latency_msec = msec;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY]);
}

void
salvage_server_set_training_routes (SalvageServer               *self,
                                    SalvageServerTrainingRoutes  routes)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));
  g_return_if_fail (routes == SALVAGE_SERVER_TRAINING_ROUTES_DELETE ||
                    routes == SALVAGE_SERVER_TRAINING_ROUTES_POST);

  if (self->training_routes == routes)
    return;

  self->training_routes = routes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRAINING_ROUTES]);
}

SalvageServerTrainingRoutes
salvage_server_get_training_routes (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), SALVAGE_SERVER_TRAINING_ROUTES_DELETE);

  return self->training_routes;
}

void
salvage_server_set_time (SalvageServer *self,
                         gint64         unix_usec)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  self->frozen_time = unix_usec;
}

gint64
salvage_server_get_time (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  return self->frozen_time != 0 ? self->frozen_time : g_get_real_time ();
}

guint
salvage_server_get_request_count (SalvageServer *self)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  return self->request_count;
}

void
salvage_server_add_workspace (SalvageServer *self,
                              const char    *slug,
                              const char    *name)
{
  SalvageServerWorkspace *workspace;

  g_return_if_fail (SALVAGE_IS_SERVER (self));
  g_return_if_fail (slug != NULL && slug[0] != '\0' && strchr (slug, '/') == NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (!g_hash_table_contains (self->workspaces, slug));

  workspace = g_new0 (SalvageServerWorkspace, 1);
  workspace->slug = g_strdup (slug);
  workspace->name = g_strdup (name);
  workspace->members = g_ptr_array_new_with_free_func (salvage_server_member_free);
  workspace->projects = g_ptr_array_new_with_free_func (salvage_server_project_free);
  workspace->live_projects = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->projects_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->workflows = g_ptr_array_new_with_free_func (salvage_server_workflow_free);
  workspace->live_workflows = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->workflows_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->trainings_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  workspace->next_cleanup = G_MAXINT64;
  g_hash_table_insert (self->workspaces, workspace->slug, workspace);

  /* Deletes through the API are made in the name of the key's owner. */
  salvage_server_workspace_ensure_member (self, workspace, "Alex Morgan");
}

void
salvage_server_add_key (SalvageServer *self,
                        const char    *api_key,
                        const char    *workspace_slug)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));
  g_return_if_fail (api_key != NULL && api_key[0] != '\0');
  g_return_if_fail (workspace_slug != NULL);

  g_hash_table_replace (self->keys, g_strdup (api_key), g_strdup (workspace_slug));
}

/* Private API, for the demo */

void
salvage_server_set_seed (SalvageServer *self,
                         guint32        seed)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  g_rand_set_seed (self->rand, seed);
}

SalvageServerWorkspace *
salvage_server_lookup_workspace (SalvageServer *self,
                                 const char    *slug)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);

  return slug != NULL ? g_hash_table_lookup (self->workspaces, slug) : NULL;
}

const SalvageServerMember *
salvage_server_workspace_ensure_member (SalvageServer          *self,
                                        SalvageServerWorkspace *workspace,
                                        const char             *name)
{
  SalvageServerMember *member;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (workspace != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < workspace->members->len; i++)
    {
      member = g_ptr_array_index (workspace->members, i);
      if (g_str_equal (member->name, name))
        return member;
    }

  member = g_new0 (SalvageServerMember, 1);
  member->id = salvage_server_new_id (self, "", 28);
  member->name = g_strdup (name);
  g_ptr_array_add (workspace->members, member);

  return member;
}

/* Request hook */

void
salvage_server_set_request_hook (SalvageServer            *self,
                                 SalvageServerRequestHook  hook,
                                 gpointer                  user_data,
                                 GDestroyNotify            destroy)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  clear_request_hook (self);
  self->request_hook = hook;
  self->request_hook_data = user_data;
  self->request_hook_destroy = destroy;
}

gpointer
salvage_server_get_request_hook_data (SalvageServer            *self,
                                      SalvageServerRequestHook  hook)
{
  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);

  return self->request_hook == hook ? self->request_hook_data : NULL;
}

void
salvage_server_route (SalvageServer     *self,
                      SoupServerMessage *msg,
                      gboolean           dry_run)
{
  g_return_if_fail (SALVAGE_IS_SERVER (self));

  self->dry_run = dry_run;
  route (self, msg);
  self->dry_run = FALSE;
}
