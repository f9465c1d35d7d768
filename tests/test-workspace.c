/* test-workspace.c - the workspace's lists against the stand-in server
 *
 * Requests go over real sockets through a small forwarding proxy to a
 * SalvageServer on 127.0.0.1. The proxy only watches: it counts requests in
 * flight, records their order, and can hold back one answer (already
 * computed by the server) to replay the races a slow network produces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "salvage-server-fault.h"
#include "salvage-workspace.h"

#define WS     "acme"
#define WS_KEY "test-key-r7Tq2ZpX"

#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)
#define DAYS(n)    ((gint64) (n) * 24 * 60 * MINUTES (1))

/* The forwarding proxy */

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *upstream;
  char        *url;

  guint        in_flight;
  guint        restores_in_flight;
  guint        max_restores_in_flight;
  GPtrArray   *requests;  /* "METHOD /path", in order of arrival */
  GPtrArray   *restores;  /* "type:id" of each restore body, in order of arrival */

  char        *hold;      /* "METHOD /path" whose next answer waits for proxy_release() */
  char        *fail;      /* "METHOD /path" answered with a 500 instead */
  GPtrArray   *held;      /* Forward */

  /* Other requests wait for the server to answer the restores sent before
   * them, as they would on one connection: forwarded on connections of
   * their own, a later request can reach the server first. */
  gboolean     restores_first;
  guint        restores_upstream;
  GQueue       waiting;   /* Forward */
} Proxy;

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  SoupMessage       *upstream_msg;
  char              *line;
  gboolean           restore;
  gboolean           gone;
  guint              status;
  char              *content_type;
  GBytes            *response;
} Forward;

static void
forward_free (Forward *fwd)
{
  g_clear_object (&fwd->msg);
  g_clear_object (&fwd->upstream_msg);
  g_clear_pointer (&fwd->line, g_free);
  g_clear_pointer (&fwd->content_type, g_free);
  g_clear_pointer (&fwd->response, g_bytes_unref);
  g_free (fwd);
}

static void
forward_disconnected_cb (SoupServerMessage *msg,
                         Forward           *fwd)
{
  fwd->gone = TRUE;
}

static void
forward_respond (Forward *fwd)
{
  Proxy *proxy = fwd->proxy;

  g_signal_handlers_disconnect_by_func (fwd->msg, forward_disconnected_cb, fwd);

  if (!fwd->gone)
    {
      gsize size;
      const char *data = g_bytes_get_data (fwd->response, &size);

      soup_server_message_set_status (fwd->msg, fwd->status, NULL);
      soup_server_message_set_response (fwd->msg,
                                        fwd->content_type ? fwd->content_type : "application/json",
                                        SOUP_MEMORY_COPY, data, size);
      soup_server_message_unpause (fwd->msg);
    }

  proxy->in_flight--;
  if (fwd->restore)
    proxy->restores_in_flight--;

  forward_free (fwd);
}

static void forward_send (Forward *fwd);

static void
forward_answered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Forward *fwd = user_data;
  Proxy *proxy = fwd->proxy;
  g_autoptr(GError) error = NULL;

  fwd->response = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (fwd->restore && --proxy->restores_upstream == 0)
    while (!g_queue_is_empty (&proxy->waiting))
      forward_send (g_queue_pop_head (&proxy->waiting));

  if (fwd->response == NULL)
    {
      fwd->status = SOUP_STATUS_BAD_GATEWAY;
      fwd->response = g_bytes_new_static ("{\"error\":\"proxy\"}", 17);
    }
  else
    {
      SoupMessageHeaders *headers = soup_message_get_response_headers (fwd->upstream_msg);

      fwd->status = soup_message_get_status (fwd->upstream_msg);
      fwd->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
    }

  if (g_strcmp0 (proxy->hold, fwd->line) == 0)
    {
      g_clear_pointer (&proxy->hold, g_free);
      g_ptr_array_add (proxy->held, fwd);
      return;
    }

  forward_respond (fwd);
}

static void
proxy_log_restore (Proxy  *proxy,
                   GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;
  gsize size;
  const char *data = g_bytes_get_data (body, &size);

  g_assert_true (json_parser_load_from_data (parser, data, size, NULL));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  g_ptr_array_add (proxy->restores,
                   g_strdup_printf ("%s:%s",
                                    json_object_get_string_member_with_default (object, "type", ""),
                                    json_object_get_string_member_with_default (object, "id", "")));
}

static void
proxy_handler_cb (SoupServer        *server,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  Proxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *raw_query = g_uri_get_query (uri);
  g_autofree char *target = NULL;
  g_autoptr(GBytes) body = NULL;
  Forward *fwd;

  fwd = g_new0 (Forward, 1);
  fwd->proxy = proxy;
  fwd->msg = g_object_ref (msg);
  fwd->line = g_strdup_printf ("%s %s", method, g_uri_get_path (uri));
  fwd->restore = g_str_has_suffix (g_uri_get_path (uri), "/trash/restore");
  g_signal_connect (msg, "disconnected", G_CALLBACK (forward_disconnected_cb), fwd);

  g_ptr_array_add (proxy->requests, g_strdup (fwd->line));
  body = soup_message_body_flatten (soup_server_message_get_request_body (msg));

  proxy->in_flight++;
  if (fwd->restore)
    {
      proxy_log_restore (proxy, body);
      proxy->restores_in_flight++;
      proxy->max_restores_in_flight = MAX (proxy->max_restores_in_flight,
                                           proxy->restores_in_flight);
    }

  soup_server_message_pause (msg);

  if (g_strcmp0 (proxy->fail, fwd->line) == 0)
    {
      fwd->status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
      fwd->response = g_bytes_new_static ("{\"error\":\"Server died\"}", 23);
      forward_respond (fwd);
      return;
    }

  target = g_strconcat (proxy->upstream, g_uri_get_path (uri),
                        raw_query ? "?" : "", raw_query ? raw_query : "", NULL);
  fwd->upstream_msg = soup_message_new (method, target);
  g_assert_nonnull (fwd->upstream_msg);

  if (g_bytes_get_size (body) > 0)
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
      const char *content_type = soup_message_headers_get_content_type (headers, NULL);

      soup_message_set_request_body_from_bytes (fwd->upstream_msg,
                                                content_type ? content_type : "application/json",
                                                body);
    }

  if (proxy->restores_first && !fwd->restore && proxy->restores_upstream > 0)
    g_queue_push_tail (&proxy->waiting, fwd);
  else
    forward_send (fwd);
}

static void
forward_send (Forward *fwd)
{
  if (fwd->restore)
    fwd->proxy->restores_upstream++;

  soup_session_send_and_read_async (fwd->proxy->session, fwd->upstream_msg, G_PRIORITY_DEFAULT,
                                    NULL, forward_answered_cb, fwd);
}

static Proxy *
proxy_new (const char *upstream)
{
  g_autoptr(GError) error = NULL;
  Proxy *proxy;
  GSList *uris;

  proxy = g_new0 (Proxy, 1);
  proxy->upstream = g_strdup (upstream);
  proxy->requests = g_ptr_array_new_with_free_func (g_free);
  proxy->restores = g_ptr_array_new_with_free_func (g_free);
  proxy->held = g_ptr_array_new ();
  proxy->session = soup_session_new_with_options ("max-conns", 64,
                                                  "max-conns-per-host", 64,
                                                  NULL);
  proxy->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (proxy->server, NULL, proxy_handler_cb, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (proxy->server);
  g_assert_nonnull (uris);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return proxy;
}

static void
proxy_free (Proxy *proxy)
{
  g_assert_cmpuint (proxy->held->len, ==, 0);
  g_assert_true (g_queue_is_empty (&proxy->waiting));

  soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  g_clear_object (&proxy->session);
  g_clear_pointer (&proxy->requests, g_ptr_array_unref);
  g_clear_pointer (&proxy->restores, g_ptr_array_unref);
  g_clear_pointer (&proxy->held, g_ptr_array_unref);
  g_clear_pointer (&proxy->hold, g_free);
  g_clear_pointer (&proxy->fail, g_free);
  g_clear_pointer (&proxy->upstream, g_free);
  g_clear_pointer (&proxy->url, g_free);
  g_free (proxy);
}

static void
proxy_reset_log (Proxy *proxy)
{
  g_ptr_array_set_size (proxy->requests, 0);
  g_ptr_array_set_size (proxy->restores, 0);
  proxy->max_restores_in_flight = 0;
}

/* Where the restore body "type:id" @line was sent, or -1. */
static int
proxy_restore_position (Proxy      *proxy,
                        const char *line)
{
  for (guint i = 0; i < proxy->restores->len; i++)
    if (g_str_equal (g_ptr_array_index (proxy->restores, i), line))
      return (int) i;
  return -1;
}

static guint
proxy_count (Proxy      *proxy,
             const char *line)
{
  guint n = 0;

  for (guint i = 0; i < proxy->requests->len; i++)
    if (g_str_equal (g_ptr_array_index (proxy->requests, i), line))
      n++;
  return n;
}

static void
proxy_release (Proxy *proxy)
{
  while (proxy->held->len > 0)
    forward_respond (g_ptr_array_steal_index (proxy->held, 0));
}

/* Waiting */

static gboolean
tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @cond holds, for at most 15 seconds. The
 * tick wakes the loop for conditions that change on another thread. */
#define spin_until(cond)                                                    \
  G_STMT_START {                                                            \
    gint64 deadline_ = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;       \
    guint tick_id_ = g_timeout_add (10, tick_cb, NULL);                     \
    while (!(cond) && g_get_monotonic_time () < deadline_)                  \
      g_main_context_iteration (NULL, TRUE);                                \
    g_source_remove (tick_id_);                                             \
    g_assert_true (cond);                                                   \
  } G_STMT_END

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  spin_until (*slot != NULL);
  return *slot;
}

/* The fixture */

typedef struct
{
  SalvageServer    *server;
  Proxy            *proxy;
  SalvageClient    *client;
  SalvageWorkspace *workspace;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  g_assert_true (salvage_server_listen (f->server, 0, &error));
  g_assert_no_error (error);
  salvage_server_add_workspace (f->server, WS, "Acme Vision");
  salvage_server_add_key (f->server, WS_KEY, WS);

  f->proxy = proxy_new (salvage_server_get_url (f->server));

  f->client = salvage_client_new (f->proxy->url, WS_KEY, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (f->client, WS);

  f->workspace = salvage_workspace_new (f->client);
  g_assert_true (salvage_workspace_get_client (f->workspace) == f->client);
}

static void
fixture_clear (Fixture *f)
{
  /* Let any answer the workspace no longer waits for reach the server. */
  spin_until (f->proxy->in_flight == 0);

  g_assert_finalize_object (g_steal_pointer (&f->workspace));

  /* The client parses the Trash in a worker thread, which may let go of
   * its reference a moment after the answer was delivered. */
  spin_until (G_OBJECT (f->client)->ref_count == 1);
  g_assert_finalize_object (g_steal_pointer (&f->client));
  g_clear_pointer (&f->proxy, proxy_free);
  g_clear_object (&f->server);
}

static void
add_project (Fixture    *f,
             const char *slug)
{
  g_autofree char *name = g_strdup_printf ("Project %s", slug);

  g_assert_nonnull (salvage_server_add_project (f->server, WS, slug, name, "object-detection", 42));
}

static void
trash_on_server (Fixture    *f,
                 const char *kind,
                 const char *path,
                 gint64      ago)
{
  gint64 now = salvage_server_get_time (f->server);

  g_assert_true (salvage_server_trash (f->server, WS, kind, path, now - ago, "Alice"));
}

static void
refresh (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_workspace_refresh_async (f->workspace, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_refresh_finish (f->workspace, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
load_versions (Fixture        *f,
               SalvageProject *project)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_workspace_load_versions_async (f->workspace, project, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_load_versions_finish (f->workspace, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
load_trainings (Fixture        *f,
                SalvageVersion *version)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_workspace_load_trainings_async (f->workspace, version, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_load_trainings_finish (f->workspace, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Deletes @item and expects success; returns the Trash entry. */
static SalvageTrashItem *
delete_item (Fixture  *f,
             gpointer  item,
             gboolean *already_in_trash)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { FALSE, };
  SalvageTrashItem *trash_item = NULL;

  salvage_workspace_delete_async (f->workspace, item, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_delete_finish (f->workspace, wait_for (&result),
                                                  &reply, &trash_item, &error));
  g_assert_no_error (error);
  if (already_in_trash != NULL)
    *already_in_trash = reply.already_in_trash;
  return trash_item;
}

static void
restore_item (Fixture          *f,
              SalvageTrashItem *item)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_workspace_restore_async (f->workspace, item, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_restore_finish (f->workspace, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Looking into the stores */

static SalvageProject *
find_project (Fixture    *f,
              const char *slug)
{
  GListModel *model = salvage_workspace_get_projects (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageProject) project = g_list_model_get_item (model, i);

      if (g_strcmp0 (salvage_project_get_slug (project), slug) == 0)
        return project;  /* the store keeps it alive */
    }
  return NULL;
}

static SalvageWorkflow *
find_workflow (Fixture    *f,
               const char *url)
{
  GListModel *model = salvage_workspace_get_workflows (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageWorkflow) workflow = g_list_model_get_item (model, i);

      if (g_strcmp0 (salvage_workflow_get_url (workflow), url) == 0)
        return workflow;
    }
  return NULL;
}

static gpointer
find_by_key (GListModel *model,
             const char *(*get_key) (gpointer),
             const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_key (item), key) == 0)
        return item;
    }
  return NULL;
}

#define find_version(model, number) \
  ((SalvageVersion *) find_by_key ((model), (const char *(*) (gpointer)) salvage_version_get_number, \
                                   (number)))
#define find_training(model, id) \
  ((SalvageTraining *) find_by_key ((model), (const char *(*) (gpointer)) salvage_training_get_id, \
                                    (id)))

/* A version whose trainings the server will not list (404: the route or
 * the key's scope is missing) has no runs, and no failure: the load
 * succeeds and says so, and a later load that works lists them again. */
static void
test_trainings_unlisted (void)
{
  Fixture f = { 0 };
  GListModel *versions, *trainings;
  SalvageVersion *version;
  guint fault;

  fixture_init (&f);
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_training (f.server, WS, "alpha", 1, "finished", "yolov8n"));
  refresh (&f);

  versions = salvage_workspace_get_versions (f.workspace, find_project (&f, "alpha"));
  load_versions (&f, find_project (&f, "alpha"));
  version = find_version (versions, "1");
  g_assert_nonnull (version);
  trainings = salvage_workspace_get_trainings (f.workspace, version);
  g_assert_true (salvage_workspace_get_trainings_listed (f.workspace, version));

  fault = salvage_server_add_fault (f.server, "GET", "/" WS "/alpha/1/v2/trainings",
                                    SALVAGE_FAULT_STATUS, 404, 0);
  load_trainings (&f, version);
  g_assert_cmpuint (salvage_server_get_fault_hits (f.server, fault), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 0);
  g_assert_false (salvage_workspace_get_trainings_listed (f.workspace, version));

  salvage_server_clear_faults (f.server);
  load_trainings (&f, version);
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 1);
  g_assert_true (salvage_workspace_get_trainings_listed (f.workspace, version));

  fixture_clear (&f);
}

/* The Trash entry of @kind whose url (projects, workflows) or id (versions
 * of @parent_url, trainings) is @name. */
static SalvageTrashItem *
find_trash (Fixture          *f,
            SalvageTrashKind  kind,
            const char       *name,
            const char       *parent_url)
{
  GListModel *model = salvage_workspace_get_trash (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);
      const char *value;

      if (salvage_trash_item_get_kind (item) != kind)
        continue;

      if (kind == SALVAGE_TRASH_KIND_PROJECT || kind == SALVAGE_TRASH_KIND_WORKFLOW)
        value = salvage_trash_item_get_url (item);
      else
        value = salvage_trash_item_get_id (item);

      if (g_strcmp0 (value, name) == 0
          && (parent_url == NULL
              || g_strcmp0 (salvage_trash_item_get_parent_url (item), parent_url) == 0))
        return item;
    }
  return NULL;
}

static gboolean
trash_has_key (Fixture          *f,
               SalvageTrashItem *wanted)
{
  GListModel *model = salvage_workspace_get_trash (f->workspace);
  g_autofree char *key = salvage_trash_item_dup_key (wanted);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);
      g_autofree char *item_key = salvage_trash_item_dup_key (item);

      if (g_str_equal (key, item_key))
        return TRUE;
    }
  return FALSE;
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Tests */

static void
test_refresh (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint projects_changed = 0, workflows_changed = 0, trash_changed = 0, name_changed = 0;
  GListModel *projects, *workflows, *trash;

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  add_project (&f, "gamma");
  add_project (&f, "old");
  salvage_server_add_workflow (f.server, WS, "wf-one", "Workflow One");
  salvage_server_add_workflow (f.server, WS, "wf-two", "Workflow Two");
  salvage_server_add_workflow (f.server, WS, "wf-old", "Workflow Old");
  trash_on_server (&f, "project", "old", MINUTES (5));
  trash_on_server (&f, "workflow", "wf-old", MINUTES (4));

  projects = salvage_workspace_get_projects (f.workspace);
  workflows = salvage_workspace_get_workflows (f.workspace);
  trash = salvage_workspace_get_trash (f.workspace);
  g_signal_connect (projects, "items-changed", G_CALLBACK (count_changes_cb), &projects_changed);
  g_signal_connect (workflows, "items-changed", G_CALLBACK (count_changes_cb), &workflows_changed);
  g_signal_connect (trash, "items-changed", G_CALLBACK (count_changes_cb), &trash_changed);
  g_signal_connect (f.workspace, "notify::name", G_CALLBACK (count_notify_cb), &name_changed);

  refresh (&f);

  /* Each list is filled in one step, so a view redraws once. */
  g_assert_cmpuint (projects_changed, ==, 1);
  g_assert_cmpuint (workflows_changed, ==, 1);
  g_assert_cmpuint (trash_changed, ==, 1);
  g_assert_cmpuint (name_changed, ==, 1);
  g_assert_cmpstr (salvage_workspace_get_name (f.workspace), ==, "Acme Vision");

  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 3);
  g_assert_nonnull (find_project (&f, "alpha"));
  g_assert_nonnull (find_project (&f, "beta"));
  g_assert_nonnull (find_project (&f, "gamma"));
  g_assert_null (find_project (&f, "old"));
  g_assert_cmpuint (g_list_model_get_n_items (workflows), ==, 2);
  g_assert_nonnull (find_workflow (&f, "wf-one"));
  g_assert_nonnull (find_workflow (&f, "wf-two"));
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  g_assert_nonnull (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "old", NULL));
  g_assert_nonnull (find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf-old", NULL));

  /* A second refresh brings what changed, again one step per list; the
   * unchanged Trash is left as it is, and the unchanged name is not
   * announced again. */
  add_project (&f, "delta");
  refresh (&f);
  g_assert_cmpuint (projects_changed, ==, 2);
  g_assert_cmpuint (workflows_changed, ==, 2);
  g_assert_cmpuint (trash_changed, ==, 1);
  g_assert_cmpuint (name_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 4);
  g_assert_nonnull (find_project (&f, "delta"));

  /* A list whose request fails keeps what it showed; the others update
   * and the error is reported. */
  add_project (&f, "epsilon");
  salvage_server_add_workflow (f.server, WS, "wf-three", "Workflow Three");
  f.proxy->fail = g_strdup ("GET /" WS "/workflows");
  salvage_workspace_refresh_async (f.workspace, NULL, result_cb, &result);
  g_assert_false (salvage_workspace_refresh_finish (f.workspace, wait_for (&result), &error));
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_SERVER);
  g_assert_cmpuint (workflows_changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (workflows), ==, 2);
  g_assert_null (find_workflow (&f, "wf-three"));
  g_assert_cmpuint (projects_changed, ==, 3);
  g_assert_nonnull (find_project (&f, "epsilon"));

  g_signal_handlers_disconnect_by_data (projects, &projects_changed);
  g_signal_handlers_disconnect_by_data (workflows, &workflows_changed);
  g_signal_handlers_disconnect_by_data (trash, &trash_changed);
  g_signal_handlers_disconnect_by_data (f.workspace, &name_changed);
  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_delete_restore_project (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { TRUE, };

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  refresh (&f);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 0);

  /* Hold the Trash reload that follows the delete: the project must have
   * left the list before it, as soon as the server said yes. */
  f.proxy->hold = g_strdup ("GET /" WS "/trash");
  salvage_workspace_delete_async (f.workspace, find_project (&f, "alpha"), NULL,
                                  result_cb, &result);
  spin_until (f.proxy->held->len == 1);
  g_assert_null (result);
  g_assert_null (find_project (&f, "alpha"));
  g_assert_nonnull (find_project (&f, "beta"));
  proxy_release (f.proxy);

  g_assert_true (salvage_workspace_delete_finish (f.workspace, wait_for (&result),
                                                  &reply, &trash_item, &error));
  g_assert_no_error (error);
  g_assert_false (reply.already_in_trash);
  g_assert_nonnull (trash_item);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_url (trash_item), ==, "alpha");
  g_assert_true (trash_has_key (&f, trash_item));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  /* Undo */
  restore_item (&f, trash_item);
  g_assert_nonnull (find_project (&f, "alpha"));
  g_assert_false (trash_has_key (&f, trash_item));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 0);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_delete_restore_workflow (void)
{
  Fixture f = { 0 };
  g_autoptr(SalvageTrashItem) trash_item = NULL;

  fixture_init (&f);
  salvage_server_add_workflow (f.server, WS, "wf-one", "Workflow One");
  salvage_server_add_workflow (f.server, WS, "wf-two", "Workflow Two");
  refresh (&f);

  trash_item = delete_item (&f, find_workflow (&f, "wf-one"), NULL);
  g_assert_null (find_workflow (&f, "wf-one"));
  g_assert_nonnull (find_workflow (&f, "wf-two"));
  g_assert_nonnull (trash_item);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_item), ==, SALVAGE_TRASH_KIND_WORKFLOW);
  g_assert_cmpstr (salvage_trash_item_get_url (trash_item), ==, "wf-one");

  restore_item (&f, trash_item);
  g_assert_nonnull (find_workflow (&f, "wf-one"));
  g_assert_false (trash_has_key (&f, trash_item));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "workflow", "wf-one"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&f);
}

static void
test_delete_restore_version (void)
{
  Fixture f = { 0 };
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  GListModel *versions;

  fixture_init (&f);
  add_project (&f, "alpha");
  for (guint n = 1; n <= 3; n++)
    g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", n, "raw", 10));
  refresh (&f);
  g_assert_cmpint (salvage_project_get_version_count (find_project (&f, "alpha")), ==, 3);

  versions = salvage_workspace_get_versions (f.workspace, find_project (&f, "alpha"));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 0);
  load_versions (&f, find_project (&f, "alpha"));
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);

  trash_item = delete_item (&f, find_version (versions, "2"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  g_assert_null (find_version (versions, "2"));
  g_assert_nonnull (trash_item);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_item), ==, SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_id (trash_item), ==, "2");
  g_assert_cmpstr (salvage_trash_item_get_parent_url (trash_item), ==, "alpha");
  g_assert_cmpint (salvage_project_get_version_count (find_project (&f, "alpha")), ==, 2);

  /* A project object from a later refresh maps to the same store. */
  refresh (&f);
  g_assert_true (salvage_workspace_get_versions (f.workspace, find_project (&f, "alpha")) == versions);

  restore_item (&f, trash_item);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 3);
  g_assert_nonnull (find_version (versions, "2"));
  g_assert_false (trash_has_key (&f, trash_item));
  g_assert_cmpint (salvage_project_get_version_count (find_project (&f, "alpha")), ==, 3);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "alpha/2"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&f);
}

static void
test_restore_parent_first (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *project_restore = NULL;
  SalvageTrashItem *version, *project;

  fixture_init (&f);
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 2, "augmented", 30));
  trash_on_server (&f, "version", "alpha/2", MINUTES (10));
  trash_on_server (&f, "project", "alpha", MINUTES (5));
  refresh (&f);
  g_assert_null (find_project (&f, "alpha"));

  version = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "2", "alpha");
  project = find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL);
  g_assert_nonnull (version);
  g_assert_nonnull (project);

  plan = salvage_workspace_dup_restore_plan (f.workspace, version);
  g_assert_cmpuint (plan->len, ==, 2);
  g_assert_true (g_ptr_array_index (plan, 0) == project);
  g_assert_true (g_ptr_array_index (plan, 1) == version);

  /* A project on its own needs nothing else. */
  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = salvage_workspace_dup_restore_plan (f.workspace, project);
  g_assert_cmpuint (plan->len, ==, 1);
  g_assert_true (g_ptr_array_index (plan, 0) == project);

  /* The server refuses a version whose project is in the Trash, so both
   * coming back shows the order too. */
  project_restore = g_strdup_printf ("project:%s", salvage_trash_item_get_id (project));
  proxy_reset_log (f.proxy);
  restore_item (&f, version);
  g_assert_cmpuint (f.proxy->restores->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (f.proxy->restores, 0), ==, project_restore);
  g_assert_cmpstr (g_ptr_array_index (f.proxy->restores, 1), ==, "version:2");

  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "alpha/2"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_nonnull (find_project (&f, "alpha"));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 0);

  fixture_clear (&f);
}

/* In either design of the training routes (@data): the lists cannot tell. */
static void
test_training (gconstpointer data)
{
  Fixture f = { 0 };
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *training_path = NULL;
  SalvageTrashItem *item;
  GListModel *versions, *trainings;
  const char *training_id;

  fixture_init (&f);
  salvage_server_set_training_routes (f.server, GPOINTER_TO_INT (data));
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  training_id = salvage_server_add_training (f.server, WS, "alpha", 1, "finished", "yolov8n");
  g_assert_nonnull (training_id);
  training_path = g_strdup_printf ("alpha/1/%s", training_id);
  refresh (&f);

  versions = salvage_workspace_get_versions (f.workspace, find_project (&f, "alpha"));
  load_versions (&f, find_project (&f, "alpha"));
  g_assert_nonnull (find_version (versions, "1"));
  trainings = salvage_workspace_get_trainings (f.workspace, find_version (versions, "1"));
  load_trainings (&f, find_version (versions, "1"));
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 1);

  trash_item = delete_item (&f, find_training (trainings, training_id), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 0);
  g_assert_nonnull (trash_item);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_item), ==, SALVAGE_TRASH_KIND_TRAINING);
  g_assert_cmpstr (salvage_trash_item_get_id (trash_item), ==, training_id);

  restore_item (&f, trash_item);
  g_assert_nonnull (find_training (trainings, training_id));
  g_assert_false (trash_has_key (&f, trash_item));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "training", training_path), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  /* A training whose version and project went to the Trash after it
   * comes back after both of them. */
  g_clear_object (&trash_item);
  trash_item = delete_item (&f, find_training (trainings, training_id), NULL);
  g_clear_object (&trash_item);
  trash_item = delete_item (&f, find_version (versions, "1"), NULL);
  g_clear_object (&trash_item);
  trash_item = delete_item (&f, find_project (&f, "alpha"), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 0);

  item = find_trash (&f, SALVAGE_TRASH_KIND_TRAINING, training_id, NULL);
  g_assert_nonnull (item);
  plan = salvage_workspace_dup_restore_plan (f.workspace, item);
  g_assert_cmpuint (plan->len, ==, 3);
  g_assert_cmpint (salvage_trash_item_get_kind (g_ptr_array_index (plan, 0)), ==,
                   SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_url (g_ptr_array_index (plan, 0)), ==, "alpha");
  g_assert_cmpint (salvage_trash_item_get_kind (g_ptr_array_index (plan, 1)), ==,
                   SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_id (g_ptr_array_index (plan, 1)), ==, "1");
  g_assert_true (g_ptr_array_index (plan, 2) == item);

  restore_item (&f, item);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "alpha/1"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "training", training_path), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_nonnull (find_project (&f, "alpha"));

  /* The lists that were open beneath them show them again. */
  g_assert_nonnull (find_version (versions, "1"));
  g_assert_nonnull (find_training (trainings, training_id));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 0);

  fixture_clear (&f);
}

static void
test_restore_many (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *trash;
  guint n_failed = 0;

  fixture_init (&f);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *slug = g_strdup_printf ("p%02u", i);

      add_project (&f, slug);
      trash_on_server (&f, "project", slug, MINUTES (60 - i));
    }
  /* Someone made a new project with the slug of one in the Trash: that one
   * cannot come back. */
  add_project (&f, "p04");
  refresh (&f);

  trash = salvage_workspace_get_trash (f.workspace);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *slug = g_strdup_printf ("p%02u", i);

      g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, slug, NULL)));
    }

  /* Slow answers, so that requests overlap. */
  salvage_server_set_latency (f.server, 60);
  proxy_reset_log (f.proxy);

  salvage_workspace_restore_many_async (f.workspace, items, NULL, result_cb, &result);
  outcomes = salvage_workspace_restore_many_finish (f.workspace, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcomes);
  g_assert_cmpuint (outcomes->len, ==, items->len);

  for (guint i = 0; i < outcomes->len; i++)
    {
      SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      const char *slug = salvage_trash_item_get_url (item);

      g_assert_true (outcome->item == item);

      if (g_str_equal (slug, "p04"))
        {
          g_assert_error (outcome->error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
          g_assert_true (trash_has_key (&f, item));
          n_failed++;
        }
      else
        {
          g_assert_no_error (outcome->error);
          g_assert_false (trash_has_key (&f, item));
          g_assert_nonnull (find_project (&f, slug));
          g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", slug), ==,
                           SALVAGE_SERVER_ITEM_LIVE);
        }
    }
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 1);

  /* Never more than the limit at once, but more than one. */
  g_assert_cmpuint (f.proxy->restores->len, ==, 10);
  g_assert_cmpuint (f.proxy->max_restores_in_flight, <=, SALVAGE_WORKSPACE_MAX_PARALLEL);
  g_assert_cmpuint (f.proxy->max_restores_in_flight, >=, 2);

  /* One reload per list, not one per item. */
  g_assert_cmpuint (proxy_count (f.proxy, "GET /" WS), ==, 1);
  g_assert_cmpuint (proxy_count (f.proxy, "GET /" WS "/trash"), ==, 1);

  /* A copy of an outcome is a deep copy. */
  {
    SalvageRestoreOutcome *copy = salvage_restore_outcome_copy (g_ptr_array_index (outcomes, 4));

    g_assert_true (copy->item == g_ptr_array_index (items, 4));
    g_assert_error (copy->error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
    salvage_restore_outcome_free (copy);
  }

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_restore_many_parents (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *keep_restore = NULL;
  g_autoptr(SalvageTrashItem) keep = NULL;
  g_autoptr(SalvageTrashItem) taken = NULL;
  SalvageRestoreOutcome *outcome;
  gint keep_at = -1, keep_version_at = -1;

  fixture_init (&f);
  add_project (&f, "keep");
  add_project (&f, "taken");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "keep", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "taken", 1, "raw", 10));
  trash_on_server (&f, "version", "keep/1", MINUTES (20));
  trash_on_server (&f, "version", "taken/1", MINUTES (19));
  trash_on_server (&f, "project", "keep", MINUTES (10));
  trash_on_server (&f, "project", "taken", MINUTES (9));
  add_project (&f, "taken");
  salvage_server_add_workflow (f.server, WS, "wf", "Workflow");
  trash_on_server (&f, "workflow", "wf", MINUTES (5));
  refresh (&f);

  /* Kept alive: restored entries leave the store. */
  keep = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "keep", NULL));
  taken = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "taken", NULL));

  /* Only the versions and the workflow are asked for: their projects come
   * along from the Trash. */
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "taken")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "keep")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf", NULL)));

  proxy_reset_log (f.proxy);
  f.proxy->hold = g_strdup ("GET /" WS "/trash");
  salvage_workspace_restore_many_async (f.workspace, items, NULL, result_cb, &result);

  /* What came back left the Trash list as the server said so, before the
   * closing reload of the Trash; what failed is still there. */
  spin_until (f.proxy->held->len == 1);
  g_assert_null (result);
  g_assert_false (trash_has_key (&f, keep));
  g_assert_false (trash_has_key (&f, g_ptr_array_index (items, 1)));
  g_assert_false (trash_has_key (&f, g_ptr_array_index (items, 2)));
  g_assert_true (trash_has_key (&f, taken));
  g_assert_true (trash_has_key (&f, g_ptr_array_index (items, 0)));
  proxy_release (f.proxy);

  outcomes = salvage_workspace_restore_many_finish (f.workspace, wait_for (&result), &error);
  g_assert_no_error (error);
  /* One per item asked for, then one per project that came along. */
  g_assert_cmpuint (outcomes->len, ==, 5);

  /* The version of the project that cannot come back fails for that
   * reason, and nothing of it leaves the Trash. */
  outcome = g_ptr_array_index (outcomes, 0);
  g_assert_error (outcome->error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);
  g_assert_true (trash_has_key (&f, outcome->item));
  g_assert_true (trash_has_key (&f, taken));

  outcome = g_ptr_array_index (outcomes, 1);
  g_assert_no_error (outcome->error);
  g_assert_false (trash_has_key (&f, outcome->item));
  g_assert_false (trash_has_key (&f, keep));
  g_assert_nonnull (find_project (&f, "keep"));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "keep/1"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  outcome = g_ptr_array_index (outcomes, 2);
  g_assert_no_error (outcome->error);
  g_assert_nonnull (find_workflow (&f, "wf"));

  /* The projects nobody asked for are reported too, in the order of the
   * items that needed them, with what became of them. */
  outcome = g_ptr_array_index (outcomes, 3);
  g_assert_true (outcome->item == taken);
  g_assert_error (outcome->error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);

  outcome = g_ptr_array_index (outcomes, 4);
  g_assert_true (outcome->item == keep);
  g_assert_no_error (outcome->error);

  /* The version of "taken" was never sent; "keep" went before its version. */
  g_assert_cmpuint (f.proxy->restores->len, ==, 4);
  keep_restore = g_strdup_printf ("project:%s", salvage_trash_item_get_id (keep));
  for (guint i = 0; i < f.proxy->restores->len; i++)
    {
      const char *line = g_ptr_array_index (f.proxy->restores, i);

      if (g_str_equal (line, keep_restore))
        keep_at = i;
      else if (g_str_equal (line, "version:1"))
        keep_version_at = i;
    }
  g_assert_cmpint (keep_at, >=, 0);
  g_assert_cmpint (keep_version_at, >, keep_at);

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

/* The keys of @items, one line each, for comparing plans at a glance. */
static char *
dup_keys (GPtrArray *items)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *key = salvage_trash_item_dup_key (g_ptr_array_index (items, i));

      /* The unit separator inside a key reads better as a slash. */
      g_strdelimit (key, "\x1f", '/');
      g_string_append_printf (out, "%s\n", key);
    }

  return g_string_free (out, FALSE);
}

static char *
trash_training_key (const char *project_id,
                    const char *training_id)
{
  return g_strdup_printf ("training/%s/%s\n", training_id, project_id);
}

static void
test_restore_plan_many (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  g_autofree char *keys = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *beta_training_key = NULL;
  g_autofree char *gamma_training_key = NULL;
  g_autofree char *beta_training_path = NULL;
  g_autofree char *gamma_training_path = NULL;
  const char *beta_training, *gamma_training;
  SalvageTrashItem *alpha, *beta, *beta_1;

  fixture_init (&f);

  /* alpha: two of its versions went to the Trash before it. */
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 2, "augmented", 30));
  trash_on_server (&f, "version", "alpha/1", MINUTES (30));
  trash_on_server (&f, "version", "alpha/2", MINUTES (29));
  trash_on_server (&f, "project", "alpha", MINUTES (20));

  /* beta: a training, then its version, then the project. Its version 1
   * shares its number with alpha's. */
  add_project (&f, "beta");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "beta", 1, "raw", 10));
  beta_training = salvage_server_add_training (f.server, WS, "beta", 1, "finished", "yolov8n");
  g_assert_nonnull (beta_training);
  beta_training_path = g_strdup_printf ("beta/1/%s", beta_training);
  trash_on_server (&f, "training", beta_training_path, MINUTES (40));
  trash_on_server (&f, "version", "beta/1", MINUTES (35));
  trash_on_server (&f, "project", "beta", MINUTES (15));

  /* gamma stays: a version and a training of a live version of it are in
   * the Trash on their own. */
  add_project (&f, "gamma");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "gamma", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "gamma", 2, "raw", 10));
  gamma_training = salvage_server_add_training (f.server, WS, "gamma", 2, "failed", "rfdetr");
  g_assert_nonnull (gamma_training);
  gamma_training_path = g_strdup_printf ("gamma/2/%s", gamma_training);
  trash_on_server (&f, "version", "gamma/1", MINUTES (12));
  trash_on_server (&f, "training", gamma_training_path, MINUTES (11));

  salvage_server_add_workflow (f.server, WS, "wf", "Workflow");
  trash_on_server (&f, "workflow", "wf", MINUTES (5));
  refresh (&f);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 9);

  alpha = find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL);
  beta = find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "beta", NULL);
  beta_1 = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "beta");
  g_assert_nonnull (alpha);
  g_assert_nonnull (beta);
  g_assert_nonnull (beta_1);

  /* The project comes after its versions here, and one version twice. */
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "2", "alpha")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "alpha")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_TRAINING, beta_training, NULL)));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "gamma")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "alpha")));
  g_ptr_array_add (items, g_object_ref (alpha));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_TRAINING, gamma_training, NULL)));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf", NULL)));

  plan = salvage_workspace_dup_restore_plan_many (f.workspace, items);
  keys = dup_keys (plan);

  /* Each parent once, before the first item that needs it; the rest in
   * the order asked, without the repeat; nothing of live gamma. */
  beta_training_key = trash_training_key (salvage_trash_item_get_parent_id (beta_1), beta_training);
  gamma_training_key = trash_training_key (salvage_trash_item_get_parent_id (
                                             g_ptr_array_index (items, 6)), gamma_training);
  expected = g_strdup_printf ("project/%s\n"
                              "version/2/%s\n"
                              "version/1/%s\n"
                              "project/%s\n"
                              "version/1/%s\n"
                              "%s"
                              "version/1/%s\n"
                              "%s"
                              "workflow/%s\n",
                              salvage_trash_item_get_id (alpha),
                              salvage_trash_item_get_id (alpha),
                              salvage_trash_item_get_id (alpha),
                              salvage_trash_item_get_id (beta),
                              salvage_trash_item_get_id (beta),
                              beta_training_key,
                              salvage_trash_item_get_parent_id (g_ptr_array_index (items, 3)),
                              gamma_training_key,
                              salvage_trash_item_get_id (g_ptr_array_index (items, 7)));
  g_assert_cmpstr (keys, ==, expected);

  /* The parents are the very entries of the Trash list. */
  g_assert_true (g_ptr_array_index (plan, 0) == alpha);
  g_assert_true (g_ptr_array_index (plan, 3) == beta);
  g_assert_true (g_ptr_array_index (plan, 4) == beta_1);

  /* One item at a time plans the same as the single-item call. */
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autoptr(GPtrArray) many = NULL;
      g_autoptr(GPtrArray) single = NULL;
      g_autofree char *many_keys = NULL;
      g_autofree char *single_keys = NULL;

      g_ptr_array_add (one, g_ptr_array_index (items, i));
      many = salvage_workspace_dup_restore_plan_many (f.workspace, one);
      single = salvage_workspace_dup_restore_plan (f.workspace, g_ptr_array_index (items, i));
      many_keys = dup_keys (many);
      single_keys = dup_keys (single);
      g_assert_cmpstr (many_keys, ==, single_keys);
    }

  g_clear_pointer (&plan, g_ptr_array_unref);
  plan = salvage_workspace_dup_restore_plan_many (f.workspace, empty);
  g_assert_cmpuint (plan->len, ==, 0);

  fixture_clear (&f);
}

/* Items whose parents were not asked for: the parents come back first and
 * are reported after the items. */
static void
test_restore_many_unrequested_parents (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) project = NULL;
  g_autoptr(SalvageTrashItem) version = NULL;
  g_autofree char *project_restore = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *first_restore = NULL;
  g_autofree char *second_restore = NULL;
  const char *first, *second;
  SalvageRestoreOutcome *outcome;

  fixture_init (&f);
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 2, "raw", 10));
  first = salvage_server_add_training (f.server, WS, "alpha", 1, "finished", "yolov8n");
  second = salvage_server_add_training (f.server, WS, "alpha", 1, "failed", "yolov8s");
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  first_path = g_strdup_printf ("alpha/1/%s", first);
  second_path = g_strdup_printf ("alpha/1/%s", second);
  trash_on_server (&f, "training", first_path, MINUTES (50));
  trash_on_server (&f, "training", second_path, MINUTES (49));
  trash_on_server (&f, "version", "alpha/2", MINUTES (45));
  trash_on_server (&f, "version", "alpha/1", MINUTES (40));
  trash_on_server (&f, "project", "alpha", MINUTES (30));
  refresh (&f);

  project = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL));
  version = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "alpha"));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_TRAINING, second, NULL)));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "2", "alpha")));
  g_ptr_array_add (items, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_TRAINING, first, NULL)));

  proxy_reset_log (f.proxy);
  salvage_workspace_restore_many_async (f.workspace, items, NULL, result_cb, &result);
  outcomes = salvage_workspace_restore_many_finish (f.workspace, wait_for (&result), &error);
  g_assert_no_error (error);

  /* The items in their order, then the project and the version that the
   * first of them needed, parents first. */
  g_assert_cmpuint (outcomes->len, ==, 5);
  for (guint i = 0; i < items->len; i++)
    {
      outcome = g_ptr_array_index (outcomes, i);
      g_assert_true (outcome->item == g_ptr_array_index (items, i));
      g_assert_no_error (outcome->error);
    }
  outcome = g_ptr_array_index (outcomes, 3);
  g_assert_true (outcome->item == project);
  g_assert_no_error (outcome->error);
  outcome = g_ptr_array_index (outcomes, 4);
  g_assert_true (outcome->item == version);
  g_assert_no_error (outcome->error);

  /* Each sent once, the project first, its version before the trainings
   * (the server would refuse them otherwise, and everything is back). */
  g_assert_cmpuint (f.proxy->restores->len, ==, 5);
  project_restore = g_strdup_printf ("project:%s", salvage_trash_item_get_id (project));
  g_assert_cmpstr (g_ptr_array_index (f.proxy->restores, 0), ==, project_restore);
  first_restore = g_strdup_printf ("training:%s", first);
  second_restore = g_strdup_printf ("training:%s", second);
  g_assert_cmpint (proxy_restore_position (f.proxy, "version:1"), >, 0);
  g_assert_cmpint (proxy_restore_position (f.proxy, first_restore), >,
                   proxy_restore_position (f.proxy, "version:1"));
  g_assert_cmpint (proxy_restore_position (f.proxy, second_restore), >,
                   proxy_restore_position (f.proxy, "version:1"));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 0);
  g_assert_nonnull (find_project (&f, "alpha"));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "alpha/1"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "version", "alpha/2"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "training", first_path), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "training", second_path), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_restore_failure (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) project = NULL;
  g_autoptr(SalvageTrashItem) version = NULL;

  fixture_init (&f);
  add_project (&f, "alpha");
  g_assert_nonnull (salvage_server_add_version (f.server, WS, "alpha", 1, "raw", 10));
  trash_on_server (&f, "version", "alpha/1", MINUTES (10));
  trash_on_server (&f, "project", "alpha", MINUTES (5));
  /* The slug was taken again meanwhile, so the old project cannot return. */
  add_project (&f, "alpha");
  refresh (&f);

  project = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL));
  version = g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "alpha"));

  proxy_reset_log (f.proxy);
  salvage_workspace_restore_async (f.workspace, version, NULL, result_cb, &result);
  g_assert_false (salvage_workspace_restore_finish (f.workspace, wait_for (&result), &error));
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_CONFLICT);

  /* It stopped at the project, and both stay in the Trash, which was
   * reloaded to be sure. */
  g_assert_cmpuint (f.proxy->restores->len, ==, 1);
  g_assert_true (trash_has_key (&f, project));
  g_assert_true (trash_has_key (&f, version));
  g_assert_cmpuint (proxy_count (f.proxy, "GET /" WS "/trash"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_projects (f.workspace)), ==, 1);

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_restore_many_cancel (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_still_trashed = 0;

  fixture_init (&f);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *url = g_strdup_printf ("wf-%u", i);

      salvage_server_add_workflow (f.server, WS, url, url);
      trash_on_server (&f, "workflow", url, MINUTES (10 + i));
    }
  refresh (&f);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (salvage_workspace_get_trash (f.workspace), i);

      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  salvage_server_set_latency (f.server, 100);
  proxy_reset_log (f.proxy);
  /* What the server did with a restore sent before the cancel must be what
   * the lists catch up with. */
  f.proxy->restores_first = TRUE;
  salvage_workspace_restore_many_async (f.workspace, items, cancellable, result_cb, &result);
  spin_until (f.proxy->restores->len > 0);
  g_cancellable_cancel (cancellable);

  outcomes = salvage_workspace_restore_many_finish (f.workspace, wait_for (&result), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (outcomes);

  /* Let the requests already sent reach the server, then check that
   * nothing left the Trash list without the server restoring it. */
  spin_until (f.proxy->in_flight == 0);
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      SalvageServerItemState state;

      state = salvage_server_get_item_state (f.server, WS, "workflow",
                                             salvage_trash_item_get_url (item));
      if (!trash_has_key (&f, item))
        g_assert_cmpint (state, ==, SALVAGE_SERVER_ITEM_LIVE);
      else if (state == SALVAGE_SERVER_ITEM_TRASHED)
        n_still_trashed++;
    }

  /* At most the limit was sent before the cancel; the rest never left. */
  g_assert_cmpuint (n_still_trashed, >=, items->len - SALVAGE_WORKSPACE_MAX_PARALLEL);

  /* The cancel came back at once; the lists catch up in the background,
   * holding only the workspace. Once that is done they agree with the
   * server about every item. */
  g_clear_object (&result);  /* it holds the workspace */
  spin_until (G_OBJECT (f.workspace)->ref_count == 1);
  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      SalvageServerItemState state;

      state = salvage_server_get_item_state (f.server, WS, "workflow",
                                             salvage_trash_item_get_url (item));
      g_assert_cmpint (trash_has_key (&f, item), ==, state == SALVAGE_SERVER_ITEM_TRASHED);
    }

  fixture_clear (&f);
}

typedef struct
{
  GCancellable *stop;
  GPtrArray    *done;     /* SalvageTrashItem, as they were told */
  guint         n_sent_at_stop;
  Proxy        *proxy;
} StopData;

static void
restore_each_cb (SalvageTrashItem *item,
                 const GError     *error,
                 gpointer          user_data)
{
  StopData *data = user_data;

  g_assert_no_error (error);
  g_ptr_array_add (data->done, g_object_ref (item));

  /* Stopped as the first one comes back. */
  if (data->done->len == 1)
    {
      data->n_sent_at_stop = data->proxy->restores->len;
      g_cancellable_cancel (data->stop);
    }
}

/* Stopped halfway, a restore sends nothing more, lets the requests under
 * way finish, and says what became of each item; the lists then agree
 * with the server. */
static void
test_restore_many_stop (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) done = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  StopData data = { stop, done, 0, NULL };
  guint n_restored = 0;

  fixture_init (&f);
  data.proxy = f.proxy;
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *url = g_strdup_printf ("wf-%u", i);

      salvage_server_add_workflow (f.server, WS, url, url);
      trash_on_server (&f, "workflow", url, MINUTES (10 + i));
    }
  refresh (&f);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (salvage_workspace_get_trash (f.workspace), i);

      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  salvage_server_set_latency (f.server, 50);
  proxy_reset_log (f.proxy);
  salvage_workspace_restore_many_full_async (f.workspace, items, stop, restore_each_cb, &data,
                                             NULL, result_cb, &result);
  outcomes = salvage_workspace_restore_many_finish (f.workspace, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcomes);
  g_assert_cmpuint (outcomes->len, ==, items->len);

  /* Nothing was sent after the stop: what was under way then came back. */
  g_assert_cmpuint (f.proxy->restores->len, ==, data.n_sent_at_stop);
  g_assert_cmpuint (f.proxy->restores->len, <=, SALVAGE_WORKSPACE_MAX_PARALLEL + 1);
  g_assert_cmpuint (done->len, ==, f.proxy->restores->len);

  for (guint i = 0; i < outcomes->len; i++)
    {
      SalvageRestoreOutcome *outcome = g_ptr_array_index (outcomes, i);
      SalvageServerItemState state;

      state = salvage_server_get_item_state (f.server, WS, "workflow",
                                             salvage_trash_item_get_url (outcome->item));
      if (outcome->error == NULL)
        {
          n_restored++;
          g_assert_cmpint (state, ==, SALVAGE_SERVER_ITEM_LIVE);
        }
      else
        {
          g_assert_error (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
          g_assert_cmpint (state, ==, SALVAGE_SERVER_ITEM_TRASHED);
        }

      /* The lists were reloaded before the finish. */
      g_assert_cmpint (trash_has_key (&f, outcome->item), ==, state == SALVAGE_SERVER_ITEM_TRASHED);
    }

  g_assert_cmpuint (n_restored, ==, done->len);
  g_assert_cmpuint (n_restored, <, items->len);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_workflows (f.workspace)), ==,
                    n_restored);

  g_clear_object (&result);
  fixture_clear (&f);
}

static void
test_refresh_during_delete (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GError) error = NULL;

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  refresh (&f);

  /* A refresh whose project list the server made before the delete below,
   * but which arrives after it. */
  add_project (&f, "gamma");
  f.proxy->hold = g_strdup ("GET /" WS);
  salvage_workspace_refresh_async (f.workspace, NULL, result_cb, &result);
  spin_until (f.proxy->held->len == 1);

  trash_item = delete_item (&f, find_project (&f, "alpha"), NULL);
  g_assert_nonnull (trash_item);
  g_assert_null (find_project (&f, "alpha"));

  proxy_release (f.proxy);
  g_assert_true (salvage_workspace_refresh_finish (f.workspace, wait_for (&result), &error));
  g_assert_no_error (error);

  /* The late list still applies, but does not bring the deleted project back. */
  g_assert_null (find_project (&f, "alpha"));
  g_assert_nonnull (find_project (&f, "beta"));
  g_assert_nonnull (find_project (&f, "gamma"));
  g_assert_true (trash_has_key (&f, trash_item));

  /* And the next refresh agrees with it. */
  refresh (&f);
  g_assert_null (find_project (&f, "alpha"));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_projects (f.workspace)), ==, 2);

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_overlapping_refresh (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *projects;
  guint changed = 0;

  fixture_init (&f);
  add_project (&f, "alpha");
  refresh (&f);

  projects = salvage_workspace_get_projects (f.workspace);
  g_signal_connect (projects, "items-changed", G_CALLBACK (count_changes_cb), &changed);

  f.proxy->hold = g_strdup ("GET /" WS);
  salvage_workspace_refresh_async (f.workspace, NULL, result_cb, &first);
  spin_until (f.proxy->held->len == 1);

  add_project (&f, "beta");
  refresh (&f);
  g_assert_nonnull (find_project (&f, "beta"));
  g_assert_cmpuint (changed, ==, 1);

  /* The older answer arrives last and must not undo the newer one. */
  proxy_release (f.proxy);
  g_assert_true (salvage_workspace_refresh_finish (f.workspace, wait_for (&first), &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_project (&f, "beta"));
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 2);
  g_assert_cmpuint (changed, ==, 1);

  g_signal_handlers_disconnect_by_data (projects, &changed);
  g_clear_object (&first);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_delete_already_in_trash (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  gboolean already_in_trash = FALSE;

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  refresh (&f);

  /* Deleted elsewhere (the web app, another window) since the last refresh. */
  trash_on_server (&f, "project", "alpha", MINUTES (1));

  /* Reloading the Trash alone leaves the other lists as they were. */
  salvage_workspace_refresh_trash_async (f.workspace, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_refresh_trash_finish (f.workspace, wait_for (&result), &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL));
  g_assert_nonnull (find_project (&f, "alpha"));

  trash_item = delete_item (&f, find_project (&f, "alpha"), &already_in_trash);
  g_assert_true (already_in_trash);
  g_assert_null (find_project (&f, "alpha"));
  g_assert_nonnull (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL));

  /* Someone else's delete made that entry, not this one: nothing to undo. */
  g_assert_null (trash_item);

  fixture_clear (&f);
}

/* A slug in the Trash twice, deleted at the same moment: the entry the
 * delete made is the one the server's answer names, and the one that is
 * looked up again after the Trash is reloaded. */
static void
test_delete_slug_twice (void)
{
  Fixture f = { 0 };
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  gboolean already_in_trash = TRUE;
  SalvageTrashItem *found;

  fixture_init (&f);
  salvage_server_set_time (f.server, g_get_real_time ());
  first_id = g_strdup (salvage_server_add_project (f.server, WS, "alpha", "Alpha", "object-detection", 1));
  trash_on_server (&f, "project", "alpha", 0);
  second_id = g_strdup (salvage_server_add_project (f.server, WS, "alpha", "Alpha", "object-detection", 2));
  g_assert_cmpstr (first_id, !=, second_id);
  refresh (&f);

  trash_item = delete_item (&f, find_project (&f, "alpha"), &already_in_trash);
  g_assert_false (already_in_trash);
  g_assert_nonnull (trash_item);
  g_assert_cmpstr (salvage_trash_item_get_id (trash_item), ==, second_id);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (f.workspace)), ==, 2);

  /* Found again by its identity, not its slug, after another reload. */
  refresh (&f);
  found = salvage_workspace_find_in_trash (f.workspace, trash_item);
  g_assert_nonnull (found);
  g_assert_cmpstr (salvage_trash_item_get_id (found), ==, second_id);

  /* Once restored, it is no longer there, though the other "alpha" is. */
  restore_item (&f, found);
  g_assert_null (salvage_workspace_find_in_trash (f.workspace, trash_item));
  g_assert_nonnull (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  fixture_clear (&f);
}

static void
test_delete_not_found (void)
{
  Fixture f = { 0 };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SalvageTrashItem) trash_item = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(SalvageDeleteReply) reply = { TRUE, };

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  refresh (&f);

  /* Gone for good behind our back: trashed long enough ago to be cleaned up. */
  trash_on_server (&f, "project", "alpha", DAYS (31));
  g_assert_cmpint (salvage_server_get_item_state (f.server, WS, "project", "alpha"), ==,
                   SALVAGE_SERVER_ITEM_ABSENT);
  g_assert_nonnull (find_project (&f, "alpha"));

  salvage_workspace_delete_async (f.workspace, find_project (&f, "alpha"), NULL,
                                  result_cb, &result);
  g_assert_false (salvage_workspace_delete_finish (f.workspace, wait_for (&result),
                                                   &reply, &trash_item, &error));
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_NOT_FOUND);
  g_assert_false (reply.already_in_trash);
  g_assert_null (reply.trash_id);
  g_assert_null (trash_item);

  /* The list was reloaded and no longer offers what is not there. */
  g_assert_null (find_project (&f, "alpha"));
  g_assert_nonnull (find_project (&f, "beta"));

  g_clear_object (&result);  /* it holds the workspace */
  fixture_clear (&f);
}

static void
test_trash_item_equal (void)
{
  g_autoptr(GDateTime) deleted = g_date_time_new_utc (2026, 11, 2, 10, 0, 0);
  g_autoptr(GDateTime) same_instant = g_date_time_new_from_unix_utc (g_date_time_to_unix (deleted));
  g_autoptr(GDateTime) later = g_date_time_add_minutes (deleted, 1);
  SalvageTrashItemFields fields = {
    .kind = SALVAGE_TRASH_KIND_VERSION,
    .type_name = "dataset",
    .id = "3",
    .name = "augmented",
    .parent_id = "p1",
    .parent_url = "alpha",
    .parent_name = "Alpha",
    .deleted_at = deleted,
    .deleted_by_name = "Alice",
  };
  g_autoptr(SalvageTrashItem) a = salvage_trash_item_new_from_fields (&fields);
  g_autoptr(SalvageTrashItem) b = NULL;
  g_autoptr(SalvageTrashItem) c = NULL;
  g_autoptr(SalvageTrashItem) d = NULL;
  g_autoptr(SalvageTrashItem) e = NULL;

  fields.deleted_at = same_instant;
  b = salvage_trash_item_new_from_fields (&fields);
  g_assert_true (salvage_trash_item_equal (a, b));
  g_assert_true (salvage_trash_item_equal (a, a));

  /* Any field that shows or acts differently makes another entry. */
  fields.deleted_at = later;
  c = salvage_trash_item_new_from_fields (&fields);
  g_assert_false (salvage_trash_item_equal (a, c));

  fields.deleted_at = deleted;
  fields.deleted_by_name = "Bob";
  d = salvage_trash_item_new_from_fields (&fields);
  g_assert_false (salvage_trash_item_equal (a, d));

  fields.deleted_by_name = "Alice";
  fields.parent_name = NULL;
  e = salvage_trash_item_new_from_fields (&fields);
  g_assert_false (salvage_trash_item_equal (a, e));
  g_assert_false (salvage_trash_item_equal (e, a));
}

static void
test_trash_item_cleanup_key (void)
{
  g_autoptr(GDateTime) soon = g_date_time_new_utc (2026, 11, 2, 10, 0, 0.25);
  g_autoptr(GDateTime) later = g_date_time_add_seconds (soon, 1);
  g_autoptr(SalvageTrashItem) unknown = NULL;
  g_autoptr(SalvageTrashItem) a = NULL;
  g_autoptr(SalvageTrashItem) b = NULL;
  SalvageTrashItemFields fields = { .kind = SALVAGE_TRASH_KIND_PROJECT, .id = "p1" };

  unknown = salvage_trash_item_new_from_fields (&fields);
  fields.scheduled_cleanup_at = soon;
  a = salvage_trash_item_new_from_fields (&fields);
  b = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                    "kind", SALVAGE_TRASH_KIND_PROJECT,
                    "id", "p2",
                    "scheduled-cleanup-at", later,
                    NULL);

  g_assert_cmpint (salvage_trash_item_get_cleanup_key (a), ==,
                   g_date_time_to_unix (soon) * G_USEC_PER_SEC + 250000);
  g_assert_cmpint (salvage_trash_item_get_cleanup_key (b) - salvage_trash_item_get_cleanup_key (a),
                   ==, G_USEC_PER_SEC);
  /* An unknown date sorts after every known one. */
  g_assert_cmpint (salvage_trash_item_get_cleanup_key (unknown), ==, G_MAXINT64);
}

static void
refresh_trash (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  salvage_workspace_refresh_trash_async (f->workspace, NULL, result_cb, &result);
  g_assert_true (salvage_workspace_refresh_trash_finish (f->workspace, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
test_trash_reload_keeps_objects (void)
{
  Fixture f = { 0 };
  GListModel *trash;
  SalvageTrashItem *project, *version, *workflow;
  SalvageTrashItem *now_version, *now_workflow;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  guint changed = 0;

  fixture_init (&f);
  add_project (&f, "alpha");
  add_project (&f, "beta");
  salvage_server_add_version (f.server, WS, "beta", 1, "raw", 10);
  salvage_server_add_workflow (f.server, WS, "wf-one", "Workflow One");
  trash_on_server (&f, "project", "alpha", MINUTES (30));
  trash_on_server (&f, "version", "beta/1", MINUTES (20));
  trash_on_server (&f, "workflow", "wf-one", MINUTES (10));
  refresh (&f);

  trash = salvage_workspace_get_trash (f.workspace);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (before, g_list_model_get_item (trash, i));
  project = find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL);
  version = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "beta");
  workflow = find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf-one", NULL);
  g_assert_nonnull (project);
  g_assert_nonnull (version);
  g_assert_nonnull (workflow);

  g_signal_connect (trash, "items-changed", G_CALLBACK (count_changes_cb), &changed);

  /* Nothing changed on the server: the same objects, in the same order,
   * and no change for the views to follow. */
  refresh_trash (&f);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);

      g_assert_true (item == g_ptr_array_index (before, i));
    }

  /* Elsewhere, the workflow is restored and deleted again, by someone
   * else: the same record with new fields gets a new object; the others
   * stay as they were. */
  salvage_client_restore_async (f.client, workflow, NULL, result_cb, &result);
  g_assert_true (salvage_client_restore_finish (f.client, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_true (salvage_server_trash (f.server, WS, "workflow", "wf-one",
                                       salvage_server_get_time (f.server) - MINUTES (1), "Bob"));
  g_assert_true (find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf-one", NULL) == workflow);
  refresh_trash (&f);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 3);
  g_assert_true (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL) == project);
  now_version = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "beta");
  g_assert_true (now_version == version);
  now_workflow = find_trash (&f, SALVAGE_TRASH_KIND_WORKFLOW, "wf-one", NULL);
  g_assert_nonnull (now_workflow);
  g_assert_true (now_workflow != workflow);
  g_assert_cmpstr (salvage_trash_item_get_deleter (now_workflow), ==, "Bob");
  g_assert_cmpstr (salvage_trash_item_get_deleter (workflow), ==, "Alice");

  /* An entry that left the Trash and came back is a new record too. */
  restore_item (&f, now_version);
  g_assert_null (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "beta"));
  trash_on_server (&f, "version", "beta/1", MINUTES (0));
  refresh_trash (&f);
  now_version = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "beta");
  g_assert_nonnull (now_version);
  g_assert_true (now_version != version);
  g_assert_true (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "alpha", NULL) == project);

  /* Elsewhere, the entry in the middle is restored: the one before it is
   * matched in place, the one after it by its key, and both keep their
   * objects. */
  g_ptr_array_set_size (before, 0);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (before, g_list_model_get_item (trash, i));
  g_clear_object (&result);
  salvage_client_restore_async (f.client, g_ptr_array_index (before, 1), NULL, result_cb, &result);
  g_assert_true (salvage_client_restore_finish (f.client, wait_for (&result), &error));
  g_assert_no_error (error);
  changed = 0;
  refresh_trash (&f);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (trash), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);

      g_assert_true (item == g_ptr_array_index (before, i == 0 ? 0 : 2));
    }

  g_signal_handlers_disconnect_by_data (trash, &changed);
  g_clear_pointer (&before, g_ptr_array_unref);
  g_clear_object (&result);  /* it holds the client */
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workspace/refresh", test_refresh);
  g_test_add_func ("/workspace/trainings/unlisted", test_trainings_unlisted);
  g_test_add_func ("/workspace/delete-restore/project", test_delete_restore_project);
  g_test_add_func ("/workspace/delete-restore/workflow", test_delete_restore_workflow);
  g_test_add_func ("/workspace/delete-restore/version", test_delete_restore_version);
  g_test_add_data_func ("/workspace/delete-restore/training", GINT_TO_POINTER (SALVAGE_SERVER_TRAINING_ROUTES_DELETE),
                        test_training);
  g_test_add_data_func ("/workspace/delete-restore/training-post-routes",
                        GINT_TO_POINTER (SALVAGE_SERVER_TRAINING_ROUTES_POST), test_training);
  g_test_add_func ("/workspace/restore/parent-first", test_restore_parent_first);
  g_test_add_func ("/workspace/restore/failure", test_restore_failure);
  g_test_add_func ("/workspace/restore-many/limit", test_restore_many);
  g_test_add_func ("/workspace/restore-many/parents", test_restore_many_parents);
  g_test_add_func ("/workspace/restore-many/cancel", test_restore_many_cancel);
  g_test_add_func ("/workspace/restore-many/stop", test_restore_many_stop);
  g_test_add_func ("/workspace/restore-many/unrequested-parents", test_restore_many_unrequested_parents);
  g_test_add_func ("/workspace/restore-plan/many", test_restore_plan_many);
  g_test_add_func ("/workspace/race/refresh-during-delete", test_refresh_during_delete);
  g_test_add_func ("/workspace/race/overlapping-refresh", test_overlapping_refresh);
  g_test_add_func ("/workspace/delete/already-in-trash", test_delete_already_in_trash);
  g_test_add_func ("/workspace/delete/slug-twice", test_delete_slug_twice);
  g_test_add_func ("/workspace/delete/not-found", test_delete_not_found);
  g_test_add_func ("/workspace/trash/item-equal", test_trash_item_equal);
  g_test_add_func ("/workspace/trash/item-cleanup-key", test_trash_item_cleanup_key);
  g_test_add_func ("/workspace/trash/reload-keeps-objects", test_trash_reload_keeps_objects);

  return g_test_run ();
}
