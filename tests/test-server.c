/* test-server.c - the stand-in Roboflow API, driven over real sockets
 *
 * Every test talks HTTP to a SalvageServer on 127.0.0.1 with a plain
 * SoupSession and reads the answers with json-glib, as any client would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "salvage-demo.h"
#include "salvage-server-fault.h"

#define KEY       "key-acme-1234"
#define OTHER_KEY "key-other-5678"
#define T0        ((gint64) 1795000000 * G_USEC_PER_SEC)

typedef struct
{
  SalvageServer *server;
  SoupSession   *session;
  const char    *running_id;     /* on hard-hats/3 */
  const char    *finished_id;    /* on hard-hats/2 */
} Fixture;

typedef struct
{
  SoupMessage *msg;
  GBytes      *body;
  GError      *error;
  gboolean     done;
} Reply;

static void
fixture_free (Fixture *fixture)
{
  g_clear_object (&fixture->session);
  /* Nothing else may hold the server, not even a reply held back. */
  g_assert_finalize_object (g_steal_pointer (&fixture->server));
  g_free (fixture);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fixture, fixture_free)

static SalvageServer *
listening_server (void)
{
  g_autoptr(GError) error = NULL;
  SalvageServer *server = salvage_server_new ();

  salvage_server_listen (server, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (salvage_server_get_url (server), "http://127.0.0.1:"));

  return server;
}

/* A small workspace "acme", and "other" whose key must not open it. */
static Fixture *
fixture_new (void)
{
  Fixture *fixture = g_new0 (Fixture, 1);
  SalvageServer *server;

  fixture->server = server = listening_server ();
  fixture->session = soup_session_new ();
  salvage_server_set_time (server, T0);

  salvage_server_add_workspace (server, "acme", "Acme Vision");
  salvage_server_add_key (server, KEY, "acme");
  salvage_server_add_workspace (server, "other", "Other Corp");
  salvage_server_add_key (server, OTHER_KEY, "other");

  g_assert_nonnull (salvage_server_add_project (server, "acme", "hard-hats", "Hard Hats",
                                                "object-detection", 300));
  g_assert_nonnull (salvage_server_add_version (server, "acme", "hard-hats", 1, "raw", 300));
  g_assert_nonnull (salvage_server_add_version (server, "acme", "hard-hats", 2,
                                                "augmented-640x640", 900));
  g_assert_nonnull (salvage_server_add_version (server, "acme", "hard-hats", 3,
                                                "resized-416x416", 300));
  fixture->finished_id = salvage_server_add_training (server, "acme", "hard-hats", 2,
                                                      "finished", "rfdetr-base");
  fixture->running_id = salvage_server_add_training (server, "acme", "hard-hats", 3,
                                                     "running", "yolov11s");
  g_assert_nonnull (fixture->finished_id);
  g_assert_nonnull (fixture->running_id);

  g_assert_nonnull (salvage_server_add_project (server, "acme", "pcb", "PCB Defects",
                                                "instance-segmentation", 50));
  g_assert_nonnull (salvage_server_add_version (server, "acme", "pcb", 1, "raw", 50));
  g_assert_nonnull (salvage_server_add_workflow (server, "acme", "slow-webhooks", "Slow Webhooks"));
  g_assert_nonnull (salvage_server_add_project (server, "other", "secret", "Secret",
                                                "object-detection", 10));

  return fixture;
}

static void
send_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Reply *reply = user_data;

  reply->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &reply->error);
  reply->done = TRUE;
}

static void
reply_start_cancellable (SoupSession   *session,
                         SalvageServer *server,
                         Reply         *reply,
                         const char    *method,
                         const char    *path,
                         const char    *key,
                         const char    *body,
                         GCancellable  *cancellable)
{
  g_autofree char *uri = NULL;

  /* The key goes unencoded, as the Roboflow SDK sends it. */
  if (key != NULL)
    uri = g_strdup_printf ("%s%s%sapi_key=%s", salvage_server_get_url (server), path,
                           strchr (path, '?') != NULL ? "&" : "?", key);
  else
    uri = g_strdup_printf ("%s%s", salvage_server_get_url (server), path);

  reply->msg = soup_message_new (method, uri);
  g_assert_nonnull (reply->msg);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (reply->msg, "application/json", bytes);
    }

  soup_session_send_and_read_async (session, reply->msg, G_PRIORITY_DEFAULT, cancellable,
                                    send_cb, reply);
}

static void
reply_start (SoupSession   *session,
             SalvageServer *server,
             Reply         *reply,
             const char    *method,
             const char    *path,
             const char    *key,
             const char    *body)
{
  reply_start_cancellable (session, server, reply, method, path, key, body, NULL);
}

static void
reply_clear (Reply *reply)
{
  g_clear_object (&reply->msg);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_error (&reply->error);
}

/* Answers are always JSON: checks the type and parses the body. */
static JsonNode *
reply_parse (Reply *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_response_headers (reply->msg);
  gsize length = 0;

  g_assert_no_error (reply->error);
  const char *data = g_bytes_get_data (reply->body, &length);

  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/json");
  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonNode *
call_full (Fixture    *fixture,
           const char *method,
           const char *path,
           const char *key,
           const char *body,
           guint       expected_status)
{
  Reply reply = { 0, };
  JsonNode *root;

  reply_start (fixture->session, fixture->server, &reply, method, path, key, body);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (reply.error);
  if (soup_message_get_status (reply.msg) != expected_status)
    g_test_message ("%s %s: %.*s", method, path, (int) g_bytes_get_size (reply.body),
                    (const char *) g_bytes_get_data (reply.body, NULL));
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, expected_status);

  root = reply_parse (&reply);
  reply_clear (&reply);

  return root;
}

static JsonNode *
call (Fixture    *fixture,
      const char *method,
      const char *path,
      guint       expected_status)
{
  return call_full (fixture, method, path, KEY, NULL, expected_status);
}

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_node_get_object (node);
}

typedef enum
{
  IS_STRING,
  IS_INT,
  IS_NUMBER,
  IS_BOOL,
  IS_OBJECT,
  IS_ARRAY,
  IS_NULL,
} JsonKind;

static JsonNode *
assert_member (JsonObject *object,
               const char *name,
               JsonKind    kind)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL)
    g_test_message ("member “%s” is missing", name);
  g_assert_nonnull (node);

  switch (kind)
    {
    case IS_OBJECT:
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      return node;

    case IS_ARRAY:
      g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
      return node;

    case IS_NULL:
      g_assert_true (JSON_NODE_HOLDS_NULL (node));
      return node;

    case IS_STRING:
    case IS_INT:
    case IS_NUMBER:
    case IS_BOOL:
    default:
      break;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    g_test_message ("member “%s” is not a value", name);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  type = json_node_get_value_type (node);

  if (kind == IS_STRING)
    g_assert_true (type == G_TYPE_STRING);
  else if (kind == IS_INT)
    g_assert_true (type == G_TYPE_INT64);
  else if (kind == IS_NUMBER)
    g_assert_true (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE);
  else
    g_assert_true (type == G_TYPE_BOOLEAN);

  return node;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  return json_node_get_string (assert_member (object, name, IS_STRING));
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  return json_node_get_array (assert_member (object, name, IS_ARRAY));
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  return json_node_get_object (assert_member (object, name, IS_OBJECT));
}

/* A flat {"error": "…"} body, as the Trash family answers. */
static const char *
flat_error (JsonNode *root)
{
  return string_member (object_of (root), "error");
}

/* The generic nested 404 of the real router. */
static void
assert_generic_not_found (JsonNode *root)
{
  JsonObject *error = object_member (object_of (root), "error");

  g_assert_true (g_str_has_prefix (string_member (error, "message"), "Unsupported request. `"));
  g_assert_cmpstr (string_member (error, "type"), ==, "GraphMethodException");
  assert_member (error, "hint", IS_STRING);
  g_assert_null (strstr (string_member (error, "message"), KEY));
}

static void
assert_not_found (Fixture    *fixture,
                  const char *method,
                  const char *path)
{
  g_autoptr(JsonNode) root = call (fixture, method, path, SOUP_STATUS_NOT_FOUND);

  assert_generic_not_found (root);
}

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      JsonNode *node = json_object_get_member (object, member);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return object;
    }

  return NULL;
}

static GDateTime *
date_member (JsonObject *object,
             const char *name)
{
  GDateTime *date = g_date_time_new_from_iso8601 (string_member (object, name), NULL);

  g_assert_nonnull (date);

  return date;
}

/* POST /, GET / and the key rules */

static void
test_key_check (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const char *methods[] = { "POST", "GET" };

  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_autoptr(JsonNode) root = call (fixture, methods[i], "/", SOUP_STATUS_OK);
      JsonObject *object = object_of (root);

      g_assert_cmpstr (string_member (object, "workspace"), ==, "acme");
      assert_member (object, "welcome", IS_STRING);
      assert_member (object, "instructions", IS_STRING);
      assert_member (object, "docs", IS_STRING);
    }
}

static void
test_bad_key (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const char *paths[] = { "/", "/acme", "/acme/trash", "/acme/hard-hats", "/nowhere/x/y" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) wrong = call_full (fixture, "GET", paths[i], "not-a-key", NULL,
                                             SOUP_STATUS_UNAUTHORIZED);
      g_autoptr(JsonNode) missing = call_full (fixture, "GET", paths[i], NULL, NULL,
                                               SOUP_STATUS_UNAUTHORIZED);

      g_assert_cmpstr (flat_error (wrong), ==, "This API key does not exist");
      g_assert_cmpstr (flat_error (missing), ==, "This API key does not exist");
    }

  /* A delete with a wrong key changes nothing. */
  {
    g_autoptr(JsonNode) root = call_full (fixture, "DELETE", "/acme/hard-hats", "nope", NULL,
                                          SOUP_STATUS_UNAUTHORIZED);
  }
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);
}

static void
test_other_workspace_key (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const char *paths[] = { "/acme", "/acme/hard-hats", "/acme/trash", "/acme/workflows" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) root = call_full (fixture, "GET", paths[i], OTHER_KEY, NULL,
                                            SOUP_STATUS_NOT_FOUND);

      assert_generic_not_found (root);
    }

  /* Same answer as a workspace that does not exist. */
  assert_not_found (fixture, "GET", "/no-such-workspace");

  {
    g_autoptr(JsonNode) root = call_full (fixture, "DELETE", "/acme/hard-hats", OTHER_KEY, NULL,
                                          SOUP_STATUS_NOT_FOUND);
    assert_generic_not_found (root);
  }
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);
}

static void
test_raw_key (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = NULL;

  /* Form decoding would make this "abc def"; the SDK sends it as is. */
  salvage_server_add_key (fixture->server, "abc+def", "acme");
  root = call_full (fixture, "GET", "/", "abc+def", NULL, SOUP_STATUS_OK);
  g_assert_cmpstr (string_member (object_of (root), "workspace"), ==, "acme");
}

/* Shapes */

static void
assert_project_shape (JsonObject *project)
{
  JsonObject *splits;

  /* The twelve fields the Roboflow SDK requires, with their types. */
  assert_member (project, "annotation", IS_STRING);
  assert_member (project, "classes", IS_OBJECT);
  assert_member (project, "colors", IS_OBJECT);
  assert_member (project, "created", IS_NUMBER);
  assert_member (project, "id", IS_STRING);
  assert_member (project, "images", IS_INT);
  assert_member (project, "name", IS_STRING);
  assert_member (project, "public", IS_BOOL);
  splits = object_member (project, "splits");
  assert_member (project, "type", IS_STRING);
  assert_member (project, "unannotated", IS_INT);
  assert_member (project, "updated", IS_NUMBER);
  assert_member (project, "versions", IS_INT);

  assert_member (splits, "train", IS_INT);
  assert_member (splits, "test", IS_INT);
  assert_member (splits, "valid", IS_INT);
}

static void
assert_version_shape (JsonObject *version)
{
  assert_member (version, "id", IS_STRING);
  assert_member (version, "name", IS_STRING);
  assert_member (version, "created", IS_NUMBER);
  assert_member (version, "images", IS_INT);
  assert_member (version, "splits", IS_OBJECT);
  assert_member (version, "preprocessing", IS_OBJECT);
  assert_member (version, "augmentation", IS_OBJECT);
  assert_member (version, "exports", IS_ARRAY);
}

static void
test_workspace_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = call (fixture, "GET", "/acme", SOUP_STATUS_OK);
  JsonObject *workspace = object_member (object_of (root), "workspace");
  JsonArray *projects;
  JsonObject *project;

  g_assert_cmpstr (string_member (workspace, "name"), ==, "Acme Vision");
  g_assert_cmpstr (string_member (workspace, "url"), ==, "acme");
  assert_member (workspace, "members", IS_INT);
  projects = array_member (workspace, "projects");
  g_assert_cmpuint (json_array_get_length (projects), ==, 2);

  for (guint i = 0; i < json_array_get_length (projects); i++)
    assert_project_shape (json_array_get_object_element (projects, i));

  project = find_by (projects, "id", "acme/hard-hats");
  g_assert_nonnull (project);
  g_assert_cmpstr (string_member (project, "name"), ==, "Hard Hats");
  g_assert_cmpstr (string_member (project, "type"), ==, "object-detection");
  g_assert_cmpint (json_object_get_int_member (project, "versions"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (project, "images"), ==, 300);
  g_assert_cmpfloat (json_object_get_double_member (project, "created"), ==, T0 / G_USEC_PER_SEC);

  /* The other workspace's project is not listed here. */
  g_assert_null (find_by (projects, "id", "other/secret"));
}

static void
test_project_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  JsonObject *object = object_of (root);
  JsonObject *workspace = object_member (object, "workspace");
  JsonArray *versions = array_member (object, "versions");
  JsonObject *augmented;
  JsonObject *resize;

  g_assert_cmpstr (string_member (workspace, "url"), ==, "acme");
  assert_project_shape (object_member (object, "project"));
  g_assert_cmpuint (json_array_get_length (versions), ==, 3);
  for (guint i = 0; i < json_array_get_length (versions); i++)
    assert_version_shape (json_array_get_object_element (versions, i));

  augmented = find_by (versions, "id", "acme/hard-hats/2");
  g_assert_nonnull (augmented);
  g_assert_cmpstr (string_member (augmented, "name"), ==, "augmented-640x640");
  g_assert_cmpint (json_object_get_int_member (augmented, "images"), ==, 900);
  resize = object_member (object_member (augmented, "preprocessing"), "resize");
  g_assert_cmpstr (string_member (resize, "width"), ==, "640");
  g_assert_cmpuint (json_object_get_size (object_member (augmented, "augmentation")), >, 0);
  g_assert_nonnull (find_by (versions, "id", "acme/hard-hats/1"));
  g_assert_nonnull (find_by (versions, "id", "acme/hard-hats/3"));

  assert_not_found (fixture, "GET", "/acme/no-such-project");
}

static void
test_version_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = call (fixture, "GET", "/acme/hard-hats/2", SOUP_STATUS_OK);
  JsonObject *object = object_of (root);
  JsonObject *version = object_member (object, "version");

  assert_member (object, "workspace", IS_OBJECT);
  assert_project_shape (object_member (object, "project"));
  assert_version_shape (version);
  g_assert_cmpstr (string_member (version, "id"), ==, "acme/hard-hats/2");
  g_assert_false (json_node_get_boolean (assert_member (version, "generating", IS_BOOL)));
  assert_member (version, "progress", IS_NUMBER);
  assert_member (version, "models", IS_OBJECT);
  assert_member (version, "classes", IS_ARRAY);

  assert_not_found (fixture, "GET", "/acme/hard-hats/9");
  assert_not_found (fixture, "GET", "/acme/hard-hats/02");
  assert_not_found (fixture, "GET", "/acme/hard-hats/two");
}

static void
test_trainings_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = call (fixture, "GET", "/acme/hard-hats/3/v2/trainings",
                                   SOUP_STATUS_OK);
  g_autoptr(JsonNode) finished_root = NULL;
  JsonArray *trainings = array_member (object_of (root), "trainings");
  JsonObject *training;

  g_assert_cmpuint (json_array_get_length (trainings), ==, 1);
  training = json_array_get_object_element (trainings, 0);
  g_assert_cmpstr (string_member (training, "id"), ==, fixture->running_id);
  g_assert_true (g_str_has_prefix (fixture->running_id, "t_"));
  g_assert_cmpuint (strlen (fixture->running_id), ==, 22);
  g_assert_cmpstr (string_member (training, "versionId"), ==, "3");
  g_assert_cmpstr (string_member (training, "status"), ==, "running");
  assert_member (training, "start", IS_STRING);
  assert_member (training, "end", IS_NULL);
  assert_member (training, "jobType", IS_STRING);
  g_assert_cmpstr (string_member (training, "modelType"), ==, "yolov11s");
  assert_member (training, "modelGroup", IS_STRING);
  assert_member (training, "modelIds", IS_ARRAY);

  finished_root = call (fixture, "GET", "/acme/hard-hats/2/v2/trainings", SOUP_STATUS_OK);
  trainings = array_member (object_of (finished_root), "trainings");
  training = json_array_get_object_element (trainings, 0);
  g_assert_cmpstr (string_member (training, "status"), ==, "finished");
  assert_member (training, "end", IS_STRING);
}

static void
test_workflows_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) list = call (fixture, "GET", "/acme/workflows", SOUP_STATUS_OK);
  g_autoptr(JsonNode) one = call (fixture, "GET", "/acme/workflows/slow-webhooks", SOUP_STATUS_OK);
  JsonArray *workflows = array_member (object_of (list), "workflows");
  g_autoptr(GDateTime) created = NULL;
  JsonObject *workflow;

  g_assert_cmpuint (json_array_get_length (workflows), ==, 1);
  workflow = json_array_get_object_element (workflows, 0);
  g_assert_true (g_str_has_prefix (string_member (workflow, "id"), "wf_"));
  g_assert_cmpstr (string_member (workflow, "name"), ==, "Slow Webhooks");
  g_assert_cmpstr (string_member (workflow, "url"), ==, "slow-webhooks");
  assert_member (workflow, "status", IS_STRING);
  created = date_member (workflow, "createdAt");

  workflow = object_member (object_of (one), "workflow");
  g_assert_cmpstr (string_member (workflow, "url"), ==, "slow-webhooks");
  assert_member (workflow, "config", IS_STRING);

  assert_not_found (fixture, "GET", "/acme/workflows/nope");
}

/* Delete and restore */

static void
assert_trash_entry_shape (JsonObject *item)
{
  g_autoptr(GDateTime) deleted_at = date_member (item, "deletedAt");
  g_autoptr(GDateTime) cleanup_at = date_member (item, "scheduledCleanupAt");

  assert_member (item, "type", IS_STRING);
  assert_member (item, "id", IS_STRING);
  assert_member (item, "name", IS_STRING);
  assert_member (item, "deletedBy", IS_STRING);
  assert_member (item, "deletedByName", IS_STRING);
  g_assert_cmpint (g_date_time_difference (cleanup_at, deleted_at), ==, 30 * G_TIME_SPAN_DAY);
  /* Full ISO-8601 UTC date-times with milliseconds. */
  g_assert_true (g_str_has_suffix (string_member (item, "deletedAt"), "Z"));
  g_assert_cmpuint (strlen (string_member (item, "deletedAt")), ==,
                    strlen ("2026-11-02T14:03:11.123Z"));
}

/* Checks that one record is in both parts of the Trash listing, and
 * returns it from "items". */
static JsonObject *
find_in_trash (JsonNode   *root,
               const char *type,
               const char *id)
{
  static const struct { const char *type; const char *section; } sections[] = {
    { "project", "projects" }, { "version", "versions" },
    { "workflow", "workflows" }, { "training", "trainings" },
  };
  JsonObject *object = object_of (root);
  JsonArray *items = array_member (object, "items");
  JsonObject *sections_object = object_member (object, "sections");
  JsonObject *item = NULL;
  JsonObject *section_item = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *candidate = json_array_get_object_element (items, i);

      if (g_str_equal (string_member (candidate, "type"), type) &&
          g_str_equal (string_member (candidate, "id"), id))
        item = candidate;
    }

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      if (g_str_equal (sections[s].type, type))
        section_item = find_by (array_member (sections_object, sections[s].section), "id", id);
    }

  g_assert_true ((item == NULL) == (section_item == NULL));
  if (item != NULL)
    {
      assert_trash_entry_shape (item);
      g_assert_true (json_object_equal (item, section_item));
    }

  return item;
}

static guint
trash_length (JsonNode *root)
{
  JsonObject *object = object_of (root);
  JsonObject *sections = object_member (object, "sections");
  guint n_sections = 0;

  g_autoptr(GList) members = json_object_get_members (sections);

  for (GList *l = members; l != NULL; l = l->next)
    n_sections += json_array_get_length (array_member (sections, l->data));

  g_assert_cmpuint (n_sections, ==, json_array_get_length (array_member (object, "items")));

  return n_sections;
}

static void
restore (Fixture    *fixture,
         const char *body,
         guint       expected_status)
{
  g_autoptr(JsonNode) root = call_full (fixture, "POST", "/acme/trash/restore", KEY, body,
                                        expected_status);

  if (expected_status == SOUP_STATUS_OK)
    g_assert_true (json_object_get_boolean_member (object_of (root), "restored"));
  else
    assert_member (object_of (root), "error", IS_STRING);
}

static void
test_delete_project (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = call (fixture, "DELETE", "/acme/hard-hats", SOUP_STATUS_OK);
  g_autoptr(JsonNode) workspace = NULL;
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) restored = NULL;
  g_autoptr(GDateTime) deleted_at = NULL;
  g_autofree char *body = NULL;
  JsonObject *object = object_of (deleted);
  JsonObject *item;
  const char *project_id;

  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (string_member (object, "type"), ==, "project");
  g_assert_cmpstr (string_member (object, "workspace"), ==, "acme");
  g_assert_cmpstr (string_member (object, "project"), ==, "hard-hats");
  g_assert_true (json_object_get_boolean_member (object, "trash"));
  project_id = string_member (object, "projectId");
  g_assert_true (g_str_has_prefix (project_id, "d_"));
  g_assert_cmpuint (strlen (project_id), ==, 22);

  /* Gone from every listing and URL. */
  workspace = call (fixture, "GET", "/acme", SOUP_STATUS_OK);
  g_assert_null (find_by (array_member (object_member (object_of (workspace), "workspace"),
                                        "projects"), "id", "acme/hard-hats"));
  assert_not_found (fixture, "GET", "/acme/hard-hats");
  assert_not_found (fixture, "GET", "/acme/hard-hats/2");
  assert_not_found (fixture, "GET", "/acme/hard-hats/2/v2/trainings");
  assert_not_found (fixture, "DELETE", "/acme/hard-hats");
  assert_not_found (fixture, "DELETE", "/acme/hard-hats/1");

  /* In the Trash, once, with its versions hidden inside it. */
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 1);
  item = find_in_trash (trash, "project", project_id);
  g_assert_nonnull (item);
  g_assert_cmpstr (string_member (item, "url"), ==, "hard-hats");
  g_assert_cmpstr (string_member (item, "name"), ==, "Hard Hats");
  assert_member (item, "cleanupDeleteImages", IS_BOOL);
  deleted_at = date_member (item, "deletedAt");
  g_assert_cmpint (g_date_time_to_unix (deleted_at), ==, T0 / G_USEC_PER_SEC);
  g_assert_cmpstr (string_member (item, "deletedByName"), ==, "Alex Morgan");

  body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}", project_id);
  restored = call_full (fixture, "POST", "/acme/trash/restore", KEY, body, SOUP_STATUS_OK);
  g_assert_true (json_object_get_boolean_member (object_of (restored), "restored"));
  g_assert_cmpstr (string_member (object_of (restored), "type"), ==, "project");
  g_assert_cmpstr (string_member (object_of (restored), "id"), ==, project_id);

  /* Back where it was, with its versions. */
  g_clear_pointer (&trash, json_node_unref);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 0);
  g_clear_pointer (&workspace, json_node_unref);
  workspace = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (workspace), "versions")),
                    ==, 3);

  /* A second restore finds nothing in the Trash. */
  restore (fixture, body, SOUP_STATUS_NOT_FOUND);
}

static void
test_delete_version_and_workflow (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) version = call (fixture, "DELETE", "/acme/hard-hats/1", SOUP_STATUS_OK);
  g_autoptr(JsonNode) workflow = call (fixture, "DELETE", "/acme/workflows/slow-webhooks",
                                       SOUP_STATUS_OK);
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) trash = NULL;
  g_autofree char *version_body = NULL;
  g_autofree char *workflow_body = NULL;
  JsonObject *object = object_of (version);
  JsonObject *item;
  const char *project_id;
  const char *workflow_id;

  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (string_member (object, "type"), ==, "version");
  g_assert_cmpstr (string_member (object, "workspace"), ==, "acme");
  g_assert_cmpstr (string_member (object, "project"), ==, "hard-hats");
  g_assert_cmpstr (string_member (object, "version"), ==, "1");
  g_assert_true (json_object_get_boolean_member (object, "trash"));
  project_id = string_member (object, "projectId");

  object = object_of (workflow);
  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (string_member (object, "type"), ==, "workflow");
  g_assert_cmpstr (string_member (object, "workflow"), ==, "slow-webhooks");
  g_assert_true (json_object_get_boolean_member (object, "trash"));
  workflow_id = string_member (object, "workflowId");
  g_assert_true (g_str_has_prefix (workflow_id, "wf_"));

  assert_not_found (fixture, "GET", "/acme/hard-hats/1");
  assert_not_found (fixture, "DELETE", "/acme/hard-hats/1");
  assert_not_found (fixture, "GET", "/acme/workflows/slow-webhooks");
  assert_not_found (fixture, "DELETE", "/acme/workflows/slow-webhooks");
  project = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_null (find_by (array_member (object_of (project), "versions"),
                          "id", "acme/hard-hats/1"));
  g_assert_cmpint (json_object_get_int_member (object_member (object_of (project), "project"),
                                               "versions"), ==, 2);
  list = call (fixture, "GET", "/acme/workflows", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (list), "workflows")), ==, 0);

  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 2);
  item = find_in_trash (trash, "version", "1");
  g_assert_nonnull (item);
  g_assert_cmpstr (string_member (item, "name"), ==, "raw");
  g_assert_cmpstr (string_member (item, "parentId"), ==, project_id);
  g_assert_cmpstr (string_member (item, "parentUrl"), ==, "hard-hats");
  g_assert_cmpstr (string_member (item, "parentName"), ==, "Hard Hats");
  item = find_in_trash (trash, "workflow", workflow_id);
  g_assert_nonnull (item);
  g_assert_cmpstr (string_member (item, "url"), ==, "slow-webhooks");

  /* The same number under another project is not this version. */
  {
    g_autoptr(JsonNode) pcb = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
    const char *pcb_id = NULL;
    g_autofree char *wrong_parent = NULL;

    g_clear_pointer (&pcb, json_node_unref);
    pcb = call (fixture, "DELETE", "/acme/pcb", SOUP_STATUS_OK);
    pcb_id = string_member (object_of (pcb), "projectId");
    wrong_parent = g_strdup_printf ("{\"type\":\"version\",\"id\":\"1\",\"parentId\":\"%s\"}",
                                    pcb_id);
    restore (fixture, wrong_parent, SOUP_STATUS_NOT_FOUND);
  }

  version_body = g_strdup_printf ("{\"type\":\"version\",\"id\":\"1\",\"parentId\":\"%s\"}",
                                  project_id);
  restore (fixture, version_body, SOUP_STATUS_OK);
  workflow_body = g_strdup_printf ("{\"type\":\"workflow\",\"id\":\"%s\"}", workflow_id);
  restore (fixture, workflow_body, SOUP_STATUS_OK);

  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme/hard-hats/1", SOUP_STATUS_OK);
  g_clear_pointer (&list, json_node_unref);
  list = call (fixture, "GET", "/acme/workflows/slow-webhooks", SOUP_STATUS_OK);
}

static void
test_version_inside_trashed_project (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) version = call (fixture, "DELETE", "/acme/hard-hats/1", SOUP_STATUS_OK);
  g_autoptr(JsonNode) project = NULL;
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *version_body = NULL;
  g_autofree char *project_body = NULL;
  const char *project_id = string_member (object_of (version), "projectId");

  salvage_server_set_time (fixture->server, T0 + G_TIME_SPAN_HOUR);
  project = call (fixture, "DELETE", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpstr (string_member (object_of (project), "projectId"), ==, project_id);

  /* The project, and the version deleted on its own before; not versions 2 and 3. */
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 2);
  g_assert_nonnull (find_in_trash (trash, "project", project_id));
  g_assert_nonnull (find_in_trash (trash, "version", "1"));
  g_assert_null (find_in_trash (trash, "version", "2"));

  /* Newest first. */
  g_assert_cmpstr (string_member (json_array_get_object_element (
                     array_member (object_of (trash), "items"), 0), "type"), ==, "project");

  version_body = g_strdup_printf ("{\"type\":\"version\",\"id\":\"1\",\"parentId\":\"%s\"}",
                                  project_id);
  restore (fixture, version_body, SOUP_STATUS_CONFLICT);

  project_body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}", project_id);
  restore (fixture, project_body, SOUP_STATUS_OK);

  /* The project comes back with versions 2 and 3; version 1 stays in the Trash. */
  back = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (back), "versions")), ==, 2);
  g_clear_pointer (&trash, json_node_unref);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 1);
  g_assert_nonnull (find_in_trash (trash, "version", "1"));

  restore (fixture, version_body, SOUP_STATUS_OK);
  g_clear_pointer (&back, json_node_unref);
  back = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (back), "versions")), ==, 3);
}

static void
test_trash_escaping (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) trash = NULL;
  const char *name = "Quote \" back\\slash\ttab\nline \001 caf\xc3\xa9 \xf0\x9f\x93\xa6";
  JsonObject *item;

  g_assert_nonnull (salvage_server_add_project (fixture->server, "acme", "odd", name,
                                                "object-detection", 1));
  deleted = call (fixture, "DELETE", "/acme/odd", SOUP_STATUS_OK);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  item = find_in_trash (trash, "project", string_member (object_of (deleted), "projectId"));
  g_assert_nonnull (item);
  g_assert_cmpstr (string_member (item, "name"), ==, name);
}

static void
test_restore_errors (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = call (fixture, "DELETE", "/acme/hard-hats/1", SOUP_STATUS_OK);
  g_autoptr(GString) live_project = g_string_new (NULL);
  const char *bad_bodies[] = {
    "", "not json", "[]", "null", "\"project\"", "{\"type\":",
    "{\"id\":\"1\"}",
    "{\"type\":\"dataset\",\"id\":\"x\"}",
    "{\"type\":7,\"id\":\"x\"}",
    "{\"type\":\"project\"}",
    "{\"type\":\"project\",\"id\":\"\"}",
    "{\"type\":\"workflow\",\"id\":42}",
    "{\"type\":\"version\",\"id\":\"1\"}",
    "{\"type\":\"version\",\"id\":\"1\",\"parentId\":null}",
    /* Several values: json-glib 1.10 would make an array of them unasked. */
    "{\"type\":\"project\",\"id\":\"x\"} {}",
    "[] [{\"type\":\"project\",\"id\":\"x\"}]",
    "1 {\"type\":\"project\",\"id\":\"x\"}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_bodies); i++)
    {
      g_autoptr(JsonNode) root = call_full (fixture, "POST", "/acme/trash/restore", KEY,
                                            bad_bodies[i], SOUP_STATUS_BAD_REQUEST);

      g_assert_nonnull (flat_error (root));
    }

  /* Well-formed, but nothing of the kind in the Trash. */
  restore (fixture, "{\"type\":\"project\",\"id\":\"d_notInTheTrash000000\"}",
           SOUP_STATUS_NOT_FOUND);
  restore (fixture, "{\"type\":\"workflow\",\"id\":\"wf_nothing\"}", SOUP_STATUS_NOT_FOUND);
  restore (fixture, "{\"type\":\"training\",\"id\":\"t_nothing\"}", SOUP_STATUS_NOT_FOUND);
  g_string_printf (live_project, "{\"type\":\"version\",\"id\":\"2\",\"parentId\":\"%s\"}",
                   string_member (object_of (deleted), "projectId"));
  restore (fixture, live_project->str, SOUP_STATUS_NOT_FOUND);

  {
    g_autoptr(JsonNode) root = call_full (fixture, "POST", "/acme/trash/restore", KEY,
                                          "{\"type\":\"project\",\"id\":\"d_x\"}",
                                          SOUP_STATUS_NOT_FOUND);

    g_assert_cmpstr (flat_error (root), ==, "Item not found in Trash");
  }

  /* Restore is a POST. */
  assert_not_found (fixture, "GET", "/acme/trash/restore");
}

static void
test_slug_taken (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) project = call (fixture, "DELETE", "/acme/pcb", SOUP_STATUS_OK);
  g_autoptr(JsonNode) workflow = call (fixture, "DELETE", "/acme/workflows/slow-webhooks",
                                       SOUP_STATUS_OK);
  g_autofree char *project_body = NULL;
  g_autofree char *workflow_body = NULL;
  const char *new_id;

  project_body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                  string_member (object_of (project), "projectId"));
  workflow_body = g_strdup_printf ("{\"type\":\"workflow\",\"id\":\"%s\"}",
                                   string_member (object_of (workflow), "workflowId"));

  /* Recreated under the same slugs while the old ones sit in the Trash. */
  new_id = salvage_server_add_project (fixture->server, "acme", "pcb", "PCB v2",
                                       "object-detection", 5);
  g_assert_nonnull (new_id);
  g_assert_cmpstr (new_id, !=, string_member (object_of (project), "projectId"));
  g_assert_nonnull (salvage_server_add_workflow (fixture->server, "acme", "slow-webhooks", "New"));

  restore (fixture, project_body, SOUP_STATUS_CONFLICT);
  restore (fixture, workflow_body, SOUP_STATUS_CONFLICT);

  /* Once the new one is gone, the old one can come back. */
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "DELETE", "/acme/pcb", SOUP_STATUS_OK);
  restore (fixture, project_body, SOUP_STATUS_OK);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
  g_assert_cmpstr (string_member (object_member (object_of (project), "project"), "name"),
                   ==, "PCB Defects");
}

static void
test_trainings_rules (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) deleted = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) project = NULL;
  g_autofree char *running_path = NULL;
  g_autofree char *finished_path = NULL;
  g_autofree char *training_body = NULL;
  g_autofree char *project_body = NULL;
  JsonObject *object;
  JsonObject *item;

  /* A run in flight cannot be deleted. */
  running_path = g_strdup_printf ("/acme/hard-hats/3/v2/trainings/%s", fixture->running_id);
  refused = call (fixture, "DELETE", running_path, SOUP_STATUS_CONFLICT);
  g_assert_nonnull (strstr (flat_error (refused), "cancel"));
  g_assert_cmpstr (salvage_server_get_training_status (fixture->server, "acme", "hard-hats", 3,
                                                       fixture->running_id), ==, "running");

  /* A finished one can; it lands in the Trash under its project and version. */
  finished_path = g_strdup_printf ("/acme/hard-hats/2/v2/trainings/%s", fixture->finished_id);
  {
    /* Under the wrong version, the run does not resolve. */
    g_autofree char *wrong_path = g_strdup_printf ("/acme/hard-hats/2/v2/trainings/%s",
                                                   fixture->running_id);
    assert_not_found (fixture, "DELETE", wrong_path);
  }
  deleted = call (fixture, "DELETE", finished_path, SOUP_STATUS_OK);
  object = object_of (deleted);
  g_assert_true (json_object_get_boolean_member (object, "deleted"));
  g_assert_cmpstr (string_member (object, "type"), ==, "training");
  g_assert_cmpstr (string_member (object, "trainingId"), ==, fixture->finished_id);
  g_assert_true (json_object_get_boolean_member (object, "trash"));
  assert_not_found (fixture, "DELETE", finished_path);

  list = call (fixture, "GET", "/acme/hard-hats/2/v2/trainings", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (list), "trainings")), ==, 0);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  item = find_in_trash (trash, "training", fixture->finished_id);
  g_assert_nonnull (item);
  g_assert_cmpstr (string_member (item, "versionId"), ==, "2");
  g_assert_cmpstr (string_member (item, "parentUrl"), ==, "hard-hats");
  assert_member (item, "parentId", IS_STRING);

  /* Deleting the project cancels the run in flight. */
  project = call (fixture, "DELETE", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpstr (salvage_server_get_training_status (fixture->server, "acme", "hard-hats", 3,
                                                       fixture->running_id), ==, "cancelled");

  training_body = g_strdup_printf ("{\"type\":\"training\",\"id\":\"%s\"}", fixture->finished_id);
  restore (fixture, training_body, SOUP_STATUS_CONFLICT);

  project_body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                  string_member (object_of (project), "projectId"));
  restore (fixture, project_body, SOUP_STATUS_OK);
  restore (fixture, training_body, SOUP_STATUS_OK);
  g_clear_pointer (&list, json_node_unref);
  list = call (fixture, "GET", "/acme/hard-hats/2/v2/trainings", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (list), "trainings")), ==, 1);

  /* A run that was cancelled is no longer in flight: it can be deleted. */
  g_clear_pointer (&refused, json_node_unref);
  refused = call (fixture, "DELETE", running_path, SOUP_STATUS_OK);
}

/* An answer that must have no body, as the POST design of the training
 * routes gives. */
static void
call_empty (Fixture    *fixture,
            const char *method,
            const char *path,
            const char *body,
            guint       expected_status)
{
  Reply reply = { 0, };

  reply_start (fixture->session, fixture->server, &reply, method, path, KEY, body);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (reply.error);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, expected_status);
  g_assert_cmpuint (g_bytes_get_size (reply.body), ==, 0);
  reply_clear (&reply);
}

/* The run behind the registered model stays; deleting the run that
 * serves the version's alias repoints it, or deletes it when no other
 * finished run is left. Both designs, as only the answers differ. */
static void
test_trainings_models (void)
{
  for (SalvageServerTrainingRoutes routes = SALVAGE_SERVER_TRAINING_ROUTES_DELETE;
       routes <= SALVAGE_SERVER_TRAINING_ROUTES_POST; routes++)
    {
      g_autoptr(Fixture) fixture = fixture_new ();
      gboolean post = routes == SALVAGE_SERVER_TRAINING_ROUTES_POST;
      const char *registered, *older, *newer;
      g_autoptr(JsonNode) refused = NULL;
      const char *order[2];

      g_object_set (fixture->server, "training-routes", routes, NULL);
      g_test_message ("design: %s", post ? "post" : "delete");

      registered = salvage_server_add_training (fixture->server, "acme", "pcb", 1,
                                                "finished", "yolov8n");
      older = salvage_server_add_training (fixture->server, "acme", "pcb", 1,
                                           "finished", "yolov8s");
      salvage_server_set_time (fixture->server, T0 + G_TIME_SPAN_HOUR);
      newer = salvage_server_add_training (fixture->server, "acme", "pcb", 1,
                                           "finished", "yolov8m");
      g_assert_true (salvage_server_set_registered_model (fixture->server, "acme", "pcb", 1,
                                                          registered));
      g_assert_false (salvage_server_set_registered_model (fixture->server, "acme", "pcb", 1,
                                                           "t_nothing"));
      g_assert_true (salvage_server_set_version_alias (fixture->server, "acme", "pcb", 1, older));

      /* The registered model's run is refused, in words a client can tell. */
      if (post)
        {
          g_autofree char *body = g_strdup_printf ("{\"trainingId\":\"%s\"}", registered);

          refused = call_full (fixture, "POST", "/acme/pcb/1/v2/trainings/delete", KEY, body,
                               SOUP_STATUS_CONFLICT);
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("/acme/pcb/1/v2/trainings/%s", registered);

          refused = call (fixture, "DELETE", path, SOUP_STATUS_CONFLICT);
        }
      g_assert_nonnull (strstr (flat_error (refused), "registered model"));
      {
        g_autofree char *path = g_strdup_printf ("pcb/1/%s", registered);

        g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "training", path),
                         ==, SALVAGE_SERVER_ITEM_LIVE);
      }

      /* The alias's run goes: the alias moves to the newest other finished
       * run. Then that one goes, and none is left but the registered
       * one's, which is finished too: the alias moves there. */
      order[0] = older;
      order[1] = newer;
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          const char *expected = i == 0 ? newer : registered;

          if (post)
            {
              g_autofree char *body = g_strdup_printf ("{\"trainingId\":\"%s\"}", order[i]);

              call_empty (fixture, "POST", "/acme/pcb/1/v2/trainings/delete", body,
                          SOUP_STATUS_NO_CONTENT);
            }
          else
            {
              g_autofree char *path = g_strdup_printf ("/acme/pcb/1/v2/trainings/%s", order[i]);
              g_autoptr(JsonNode) deleted = call (fixture, "DELETE", path, SOUP_STATUS_OK);

              g_assert_cmpstr (string_member (object_of (deleted), "versionAliasAction"), ==,
                               "repointed");
              g_assert_cmpstr (string_member (object_of (deleted), "versionAliasTarget"), ==,
                               expected);
            }
          g_assert_cmpstr (salvage_server_get_version_alias (fixture->server, "acme", "pcb", 1),
                           ==, expected);
        }

      /* The registered model is someone else's now: its run may go, and
       * with it the alias, which has nothing left to serve. */
      g_assert_true (salvage_server_set_registered_model (fixture->server, "acme", "pcb", 1,
                                                          NULL));
      if (post)
        {
          /* The only run left needs no id. */
          call_empty (fixture, "POST", "/acme/pcb/1/v2/trainings/delete", NULL,
                      SOUP_STATUS_NO_CONTENT);
        }
      else
        {
          g_autofree char *path = g_strdup_printf ("/acme/pcb/1/v2/trainings/%s", registered);
          g_autoptr(JsonNode) deleted = call (fixture, "DELETE", path, SOUP_STATUS_OK);

          g_assert_cmpstr (string_member (object_of (deleted), "versionAliasAction"), ==,
                           "deleted");
          g_assert_false (json_object_has_member (object_of (deleted), "versionAliasTarget"));
        }
      g_assert_null (salvage_server_get_version_alias (fixture->server, "acme", "pcb", 1));
    }
}

/* The other design: POST …/delete and …/restore with {"trainingId"},
 * empty answers, and the shared restore refusing the type. */
static void
test_trainings_post_design (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) refused = NULL;
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) project = NULL;
  g_autofree char *finished_path = NULL;
  g_autofree char *running_body = NULL;
  g_autofree char *finished_body = NULL;
  g_autofree char *shared_body = NULL;
  g_autofree char *project_body = NULL;
  const char *second;

  g_assert_cmpint (salvage_server_get_training_routes (fixture->server), ==,
                   SALVAGE_SERVER_TRAINING_ROUTES_DELETE);
  salvage_server_set_training_routes (fixture->server, SALVAGE_SERVER_TRAINING_ROUTES_POST);
  g_assert_cmpint (salvage_server_get_training_routes (fixture->server), ==,
                   SALVAGE_SERVER_TRAINING_ROUTES_POST);

  /* The DELETE form is a route like any that does not exist. */
  finished_path = g_strdup_printf ("/acme/hard-hats/2/v2/trainings/%s", fixture->finished_id);
  assert_not_found (fixture, "DELETE", finished_path);

  running_body = g_strdup_printf ("{\"trainingId\":\"%s\"}", fixture->running_id);
  refused = call_full (fixture, "POST", "/acme/hard-hats/3/v2/trainings/delete", KEY,
                       running_body, SOUP_STATUS_CONFLICT);
  g_assert_nonnull (strstr (flat_error (refused), "in progress"));

  /* Without an id, a version with several runs cannot tell which. */
  second = salvage_server_add_training (fixture->server, "acme", "hard-hats", 2,
                                        "finished", "yolov8n");
  g_assert_nonnull (second);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", KEY, "{}",
                       SOUP_STATUS_CONFLICT);
  g_assert_nonnull (strstr (flat_error (refused), "MULTIPLE_TRAININGS"));
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", KEY,
                       "{\"trainingId\":7}", SOUP_STATUS_BAD_REQUEST);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", KEY,
                       running_body, SOUP_STATUS_NOT_FOUND);

  finished_body = g_strdup_printf ("{\"trainingId\":\"%s\"}", fixture->finished_id);
  call_empty (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", finished_body,
              SOUP_STATUS_NO_CONTENT);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_nonnull (find_in_trash (trash, "training", fixture->finished_id));
  list = call (fixture, "GET", "/acme/hard-hats/2/v2/trainings", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (list), "trainings")), ==, 1);

  /* A second delete finds nothing to delete. */
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", KEY,
                       finished_body, SOUP_STATUS_NOT_FOUND);
  assert_member (object_of (refused), "error", IS_STRING);

  /* The shared restore does not know the type; the route of its own does. */
  shared_body = g_strdup_printf ("{\"type\":\"training\",\"id\":\"%s\"}", fixture->finished_id);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/trash/restore", KEY, shared_body,
                       SOUP_STATUS_BAD_REQUEST);
  g_assert_nonnull (strstr (flat_error (refused), "type"));
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/restore", KEY, "{}",
                       SOUP_STATUS_BAD_REQUEST);

  /* It comes back only through its project and version. */
  project = call (fixture, "DELETE", "/acme/hard-hats", SOUP_STATUS_OK);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/restore", KEY,
                       finished_body, SOUP_STATUS_NOT_FOUND);
  assert_generic_not_found (refused);
  project_body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                  string_member (object_of (project), "projectId"));
  restore (fixture, project_body, SOUP_STATUS_OK);

  call_empty (fixture, "POST", "/acme/hard-hats/2/v2/trainings/restore", finished_body,
              SOUP_STATUS_NO_CONTENT);
  g_clear_pointer (&list, json_node_unref);
  list = call (fixture, "GET", "/acme/hard-hats/2/v2/trainings", SOUP_STATUS_OK);
  g_assert_cmpuint (json_array_get_length (array_member (object_of (list), "trainings")), ==, 2);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/restore", KEY,
                       finished_body, SOUP_STATUS_NOT_FOUND);
  g_assert_cmpstr (flat_error (refused), ==, "Item not found in Trash");

  /* And the routes of this design are absent from the other. */
  salvage_server_set_training_routes (fixture->server, SALVAGE_SERVER_TRAINING_ROUTES_DELETE);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/delete", KEY,
                       finished_body, SOUP_STATUS_NOT_FOUND);
  assert_generic_not_found (refused);
  g_clear_pointer (&refused, json_node_unref);
  refused = call_full (fixture, "POST", "/acme/hard-hats/2/v2/trainings/restore", KEY,
                       finished_body, SOUP_STATUS_NOT_FOUND);
  assert_generic_not_found (refused);
}

static void
test_version_delete_cancels (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = call (fixture, "DELETE", "/acme/hard-hats/3", SOUP_STATUS_OK);
  g_autofree char *body = NULL;

  g_assert_cmpstr (salvage_server_get_training_status (fixture->server, "acme", "hard-hats", 3,
                                                       fixture->running_id), ==, "cancelled");
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "version",
                                                  "hard-hats/3"), ==, SALVAGE_SERVER_ITEM_TRASHED);

  /* A training is not restorable while its version is in the Trash. */
  g_clear_pointer (&deleted, json_node_unref);
  body = g_strdup_printf ("/acme/hard-hats/2/v2/trainings/%s", fixture->finished_id);
  deleted = call (fixture, "DELETE", body, SOUP_STATUS_OK);
  g_clear_pointer (&deleted, json_node_unref);
  deleted = call (fixture, "DELETE", "/acme/hard-hats/2", SOUP_STATUS_OK);
  g_free (body);
  body = g_strdup_printf ("{\"type\":\"training\",\"id\":\"%s\"}", fixture->finished_id);
  restore (fixture, body, SOUP_STATUS_CONFLICT);
}

/* The clock, routes, latency */

static void
test_cleanup_clock (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = call (fixture, "DELETE", "/acme/hard-hats", SOUP_STATUS_OK);
  g_autoptr(JsonNode) trash = NULL;
  g_autofree char *body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                           string_member (object_of (deleted), "projectId"));

  /* Still there at the last second, gone right after. */
  salvage_server_set_time (fixture->server, T0 + 30 * G_TIME_SPAN_DAY - G_USEC_PER_SEC);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 1);
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);

  salvage_server_set_time (fixture->server, T0 + 30 * G_TIME_SPAN_DAY + G_USEC_PER_SEC);
  g_clear_pointer (&trash, json_node_unref);
  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 0);
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_ABSENT);
  restore (fixture, body, SOUP_STATUS_NOT_FOUND);
  assert_not_found (fixture, "GET", "/acme/hard-hats");

  /* The slug is free again. */
  g_assert_nonnull (salvage_server_add_project (fixture->server, "acme", "hard-hats", "Hard Hats",
                                                "object-detection", 1));
}

static void
test_no_permanent_delete (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) deleted = call (fixture, "DELETE", "/acme/pcb", SOUP_STATUS_OK);
  g_autoptr(JsonNode) trash = NULL;
  g_autofree char *body = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                           string_member (object_of (deleted), "projectId"));
  const char *paths[] = { "/acme/trash/empty", "/acme/trash/deleteImmediately" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(JsonNode) root = call_full (fixture, "POST", paths[i], KEY, body,
                                            SOUP_STATUS_NOT_FOUND);

      assert_generic_not_found (root);
    }
  assert_not_found (fixture, "DELETE", "/acme/trash");
  assert_not_found (fixture, "PUT", "/acme");
  assert_not_found (fixture, "PATCH", "/acme/hard-hats");

  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (trash_length (trash), ==, 1);
}

static void
test_route_precedence (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const char *reserved[] = { "trash", "workflows", "groups", "projects", "createWorkflow",
                             "updateWorkflow" };
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) slash = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reserved); i++)
    g_assert_null (salvage_server_add_project (fixture->server, "acme", reserved[i], "Shadow",
                                               "object-detection", 1));

  trash = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  assert_member (object_of (trash), "items", IS_ARRAY);
  assert_not_found (fixture, "GET", "/acme/groups");
  assert_not_found (fixture, "DELETE", "/acme/trash/restore");
  assert_not_found (fixture, "GET", "/acme/hard-hats/1/extra");
  assert_not_found (fixture, "GET", "/acme/hard%2Fhats");
  slash = call (fixture, "GET", "/acme/hard-hats/", SOUP_STATUS_OK);
}

typedef struct
{
  guint ticks;
  guint replies_done;
  guint replies_at_first_tick;
} LatencyState;

static gboolean
tick_cb (gpointer user_data)
{
  LatencyState *state = user_data;

  state->ticks++;
  if (state->ticks == 1)
    state->replies_at_first_tick = state->replies_done;

  return G_SOURCE_CONTINUE;
}

static void
test_latency (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  LatencyState state = { 0, };
  Reply replies[3] = { { 0, }, };
  g_autoptr(GTimer) timer = g_timer_new ();
  guint tick_id;
  guint before = salvage_server_get_request_count (fixture->server);
  double elapsed;

  salvage_server_set_latency (fixture->server, 500);

  /* Three requests at once: each waits 500 ms, and the main loop keeps
   * running meanwhile (the tick fires before any answer arrives). */
  tick_id = g_timeout_add (100, tick_cb, &state);
  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    reply_start (fixture->session, fixture->server, &replies[i], "GET", "/acme", KEY, NULL);

  while (TRUE)
    {
      state.replies_done = 0;
      for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
        state.replies_done += replies[i].done ? 1 : 0;
      if (state.replies_done == G_N_ELEMENTS (replies))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  elapsed = g_timer_elapsed (timer, NULL);
  g_source_remove (tick_id);

  g_assert_cmpfloat (elapsed, >=, 0.5);
  /* Served side by side: one after the other would take 1.5 s. */
  g_assert_cmpfloat (elapsed, <, 1.4);
  g_assert_cmpuint (state.ticks, >=, 1);
  g_assert_cmpuint (state.replies_at_first_tick, ==, 0);
  g_assert_cmpuint (salvage_server_get_request_count (fixture->server), ==, before + 3);

  for (guint i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(JsonNode) root = NULL;

      g_assert_cmpuint (soup_message_get_status (replies[i].msg), ==, SOUP_STATUS_OK);
      root = reply_parse (&replies[i]);
      assert_member (object_of (root), "workspace", IS_OBJECT);
      reply_clear (&replies[i]);
    }
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

static gboolean
flag_cb (gpointer user_data)
{
  gboolean *flag = user_data;

  *flag = TRUE;

  return G_SOURCE_REMOVE;
}

static void
start_and_cancel (Fixture *fixture,
                  guint    latency_msec)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Reply reply = { 0, };

  salvage_server_set_latency (fixture->server, latency_msec);
  reply_start_cancellable (fixture->session, fixture->server, &reply, "GET", "/acme", KEY, NULL,
                           cancellable);
  g_timeout_add (50, cancel_cb, cancellable);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (reply.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  reply_clear (&reply);
}

static void
test_latency_client_gone (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = NULL;
  gboolean waited = FALSE;
  guint before;

  /* The client gives up while its answer is held back. When the delay
   * runs out, the server sends into a closed connection and carries on. */
  start_and_cancel (fixture, 200);
  g_timeout_add (400, flag_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);

  salvage_server_set_latency (fixture->server, 0);
  before = salvage_server_get_request_count (fixture->server);
  root = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
  assert_project_shape (object_member (object_of (root), "project"));
  g_assert_cmpuint (salvage_server_get_request_count (fixture->server), ==, before + 1);

  /* And a reply still held back when the server goes away is let go of
   * (the fixture checks that the server is finalized). */
  start_and_cancel (fixture, 5000);
}

/* Percent-encoding in paths */

static void
test_encoded_path (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) project = NULL;

  /* An encoded "/" stays inside its segment: no project is called
   * "hard-hats/3", so nothing is deleted. */
  assert_not_found (fixture, "DELETE", "/acme/hard-hats%2F3");
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "version", "hard-hats/3"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);
  assert_not_found (fixture, "DELETE", "/acme%2Fhard-hats");
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "hard-hats"),
                   ==, SALVAGE_SERVER_ITEM_LIVE);
  assert_not_found (fixture, "POST", "/acme/trash%2Frestore");
  assert_not_found (fixture, "GET", "/acme/hard-hats%00");

  /* Every other escape is decoded, segment by segment. */
  project = call (fixture, "GET", "/acme/hard%2Dhats", SOUP_STATUS_OK);
  g_assert_cmpstr (string_member (object_member (object_of (project), "project"), "id"), !=, NULL);
}

/* Faults */

static void
reply_wait (Reply *reply)
{
  while (!reply->done)
    g_main_context_iteration (NULL, TRUE);
}

/* Sends a request and waits for whatever comes back, error or not. */
static void
send_request (Fixture    *fixture,
              Reply      *reply,
              const char *method,
              const char *path,
              const char *body)
{
  reply->done = FALSE;
  reply_start (fixture->session, fixture->server, reply, method, path, KEY, body);
  reply_wait (reply);
}

static char *
reply_text (Reply *reply)
{
  g_assert_no_error (reply->error);

  return g_strndup (g_bytes_get_data (reply->body, NULL), g_bytes_get_size (reply->body));
}

static const char *
reply_header (Reply      *reply,
              const char *name)
{
  return soup_message_headers_get_one (soup_message_get_response_headers (reply->msg), name);
}

static gboolean
is_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_parser_load_from_data (parser, text, -1, NULL);
}

static void
test_fault_status (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  SalvageFault slow_down = { .kind = SALVAGE_FAULT_STATUS, .status = 429, .message = "Slow down" };
  SalvageFault later = { .kind = SALVAGE_FAULT_STATUS, .status = 503, .retry_after = 30 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) other = NULL;
  Reply reply = { 0, };

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_STATUS, 0, 1);
  root = call (fixture, "GET", "/acme/trash", SOUP_STATUS_INTERNAL_SERVER_ERROR);
  g_assert_cmpstr (flat_error (root), ==, "Internal Server Error");
  /* Only the route and the method named are hit. */
  other = call (fixture, "GET", "/acme", SOUP_STATUS_OK);
  g_clear_pointer (&other, json_node_unref);
  other = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_clear_pointer (&other, json_node_unref);

  salvage_server_add_fault_full (fixture->server, NULL, "/acme/*", &slow_down);
  send_request (fixture, &reply, "GET", "/acme/pcb", NULL);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, 429);
  g_assert_cmpstr (reply_header (&reply, "Retry-After"), ==, "1");
  g_clear_pointer (&root, json_node_unref);
  root = reply_parse (&reply);
  g_assert_cmpstr (flat_error (root), ==, "Slow down");
  reply_clear (&reply);

  /* The first fault added that matches wins. */
  salvage_server_clear_faults (fixture->server);
  salvage_server_add_fault_full (fixture->server, "DELETE", NULL, &later);
  send_request (fixture, &reply, "DELETE", "/acme/pcb", NULL);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, 503);
  g_assert_cmpstr (reply_header (&reply, "Retry-After"), ==, "30");
  reply_clear (&reply);

  /* Before the key is even looked at, as a proxy would answer. */
  send_request (fixture, &reply, "DELETE", "/acme/pcb?api_key=nope", NULL);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, 503);
  reply_clear (&reply);
}

static void
test_fault_counting (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) project = call (fixture, "DELETE", "/acme/pcb", SOUP_STATUS_OK);
  g_autoptr(JsonNode) workflow = call (fixture, "DELETE", "/acme/workflows/slow-webhooks",
                                       SOUP_STATUS_OK);
  g_autofree char *restore_project = NULL;
  g_autofree char *restore_workflow = NULL;
  SalvageFault second = { .kind = SALVAGE_FAULT_STATUS, .status = 500, .skip = 1, .count = 1 };
  guint first_id, second_id, forever_id;

  restore_project = g_strdup_printf ("{\"type\":\"project\",\"id\":\"%s\"}",
                                     string_member (object_of (project), "projectId"));
  restore_workflow = g_strdup_printf ("{\"type\":\"workflow\",\"id\":\"%s\"}",
                                      string_member (object_of (workflow), "workflowId"));

  /* Fail only the 2nd restore, and it restores nothing. */
  second_id = salvage_server_add_fault_full (fixture->server, "POST", "*/trash/restore", &second);
  restore (fixture, restore_project, SOUP_STATUS_OK);
  restore (fixture, restore_workflow, SOUP_STATUS_INTERNAL_SERVER_ERROR);
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "workflow",
                                                  "slow-webhooks"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);
  restore (fixture, restore_workflow, SOUP_STATUS_OK);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, second_id), ==, 1);

  /* Each fault counts every request it matches, even one that another
   * fault struck: the 1st and the 2nd GET fail, the 3rd does not. */
  first_id = salvage_server_add_fault (fixture->server, "GET", "/acme", SALVAGE_FAULT_STATUS,
                                       502, 1);
  second.status = 504;
  second_id = salvage_server_add_fault_full (fixture->server, "GET", "/acme", &second);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme", 502);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme", 504);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme", SOUP_STATUS_OK);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, first_id), ==, 1);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, second_id), ==, 1);

  /* A count of 0 lasts until the fault is removed. */
  forever_id = salvage_server_add_fault (fixture->server, NULL, NULL, SALVAGE_FAULT_STATUS, 500, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&project, json_node_unref);
      project = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_INTERNAL_SERVER_ERROR);
    }
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, forever_id), ==, 3);
  salvage_server_remove_fault (fixture->server, forever_id);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, forever_id), ==, 0);

  salvage_server_add_fault (fixture->server, NULL, NULL, SALVAGE_FAULT_STATUS, 500, 0);
  salvage_server_clear_faults (fixture->server);
  g_clear_pointer (&project, json_node_unref);
  project = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
}

static void
test_fault_truncated (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  Reply whole = { 0, };
  Reply cut = { 0, };
  g_autofree char *whole_text = NULL;
  g_autofree char *cut_text = NULL;
  g_autofree char *length = NULL;
  gsize half;

  send_request (fixture, &whole, "GET", "/acme/hard-hats", NULL);
  whole_text = reply_text (&whole);
  half = strlen (whole_text) / 2;

  salvage_server_add_fault (fixture->server, "GET", NULL, SALVAGE_FAULT_TRUNCATED, 0, 1);
  send_request (fixture, &cut, "GET", "/acme/hard-hats", NULL);
  cut_text = reply_text (&cut);

  /* A complete answer as far as HTTP goes, whose JSON stops midway. */
  g_assert_cmpuint (soup_message_get_status (cut.msg), ==, SOUP_STATUS_OK);
  g_assert_cmpstr (reply_header (&cut, "Content-Type"), ==, "application/json");
  length = g_strdup_printf ("%" G_GSIZE_FORMAT, half);
  g_assert_cmpstr (reply_header (&cut, "Content-Length"), ==, length);
  g_assert_cmpuint (strlen (cut_text), ==, half);
  g_assert_true (strncmp (whole_text, cut_text, half) == 0);
  g_assert_true (is_json (whole_text));
  g_assert_false (is_json (cut_text));

  reply_clear (&whole);
  reply_clear (&cut);
}

static void
test_fault_not_json (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  Reply reply = { 0, };
  g_autofree char *text = NULL;
  g_autofree char *gateway = NULL;

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_NOT_JSON, 0, 1);
  send_request (fixture, &reply, "GET", "/acme/trash", NULL);
  text = reply_text (&reply);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, SOUP_STATUS_OK);
  g_assert_true (g_str_has_prefix (reply_header (&reply, "Content-Type"), "text/html"));
  g_assert_true (g_str_has_prefix (text, "<!DOCTYPE html>"));
  g_assert_false (is_json (text));
  reply_clear (&reply);

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_NOT_JSON, 502, 1);
  send_request (fixture, &reply, "GET", "/acme/trash", NULL);
  gateway = reply_text (&reply);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, SOUP_STATUS_BAD_GATEWAY);
  g_assert_nonnull (strstr (gateway, "<title>Bad Gateway</title>"));
  reply_clear (&reply);
}

static void
test_fault_wrong_shape (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_WRONG_SHAPE, 0, 1);
  root = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  object = object_of (root);

  /* The members a client reads are all there, with the wrong types. */
  assert_member (object, "items", IS_INT);
  assert_member (object, "sections", IS_STRING);
  assert_member (object, "project", IS_NULL);
  assert_member (object, "versions", IS_OBJECT);
  assert_member (object, "workspace", IS_ARRAY);
  assert_member (object, "deleted", IS_STRING);
  assert_member (object, "restored", IS_INT);
}

/* A faulted request changes nothing, unless told to be carried out. */
static void
test_fault_not_carried_out (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const SalvageFaultKind kinds[] = {
    SALVAGE_FAULT_STATUS, SALVAGE_FAULT_TRUNCATED, SALVAGE_FAULT_NOT_JSON,
    SALVAGE_FAULT_WRONG_SHAPE, SALVAGE_FAULT_RESET,
  };
  SalvageFault committed = { .kind = SALVAGE_FAULT_STATUS, .status = 502, .count = 1,
                             .commit = TRUE };
  SalvageFault trickle = { .kind = SALVAGE_FAULT_TRICKLE, .interval_ms = 1, .count = 1 };
  Reply reply = { 0, };
  g_autoptr(JsonNode) root = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      salvage_server_add_fault (fixture->server, "DELETE", NULL, kinds[i], 0, 1);
      send_request (fixture, &reply, "DELETE", "/acme/pcb", NULL);
      reply_clear (&reply);
      g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "pcb"),
                       ==, SALVAGE_SERVER_ITEM_LIVE);
    }

  /* The answer is lost after the server acted: the item is gone anyway. */
  salvage_server_add_fault_full (fixture->server, "DELETE", NULL, &committed);
  send_request (fixture, &reply, "DELETE", "/acme/pcb", NULL);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, SOUP_STATUS_BAD_GATEWAY);
  reply_clear (&reply);
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "pcb"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);

  /* A trickle is a real, slow answer: what it says was done. */
  salvage_server_add_fault_full (fixture->server, "DELETE", NULL, &trickle);
  root = call (fixture, "DELETE", "/acme/workflows/slow-webhooks", SOUP_STATUS_OK);
  g_assert_true (json_object_get_boolean_member (object_of (root), "deleted"));
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "workflow",
                                                  "slow-webhooks"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);
}

static void
test_fault_reset (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = NULL;
  Reply reply = { 0, };

  salvage_server_add_fault (fixture->server, "GET", "/acme/hard-hats", SALVAGE_FAULT_RESET, 0, 1);
  send_request (fixture, &reply, "GET", "/acme/hard-hats", NULL);

  /* The headers came, then the connection was reset before the body ended. */
  g_assert_error (reply.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, SOUP_STATUS_OK);
  g_assert_null (reply.body);
  reply_clear (&reply);

  /* The session and the server both carry on. */
  root = call (fixture, "GET", "/acme/hard-hats", SOUP_STATUS_OK);
}

static void
test_fault_no_answer (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(JsonNode) root = NULL;
  Reply reply = { 0, };

  /* The client's own time limit is what ends the wait. */
  g_object_set (fixture->session, "timeout", 1, NULL);
  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_NO_ANSWER, 0, 1);
  reply_start (fixture->session, fixture->server, &reply, "GET", "/acme/trash", KEY, NULL);

  /* Meanwhile, other requests are answered, and the held one is not
   * (it can only have run out of time, on a very slow machine). */
  root = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
  g_assert_true (!reply.done || g_error_matches (reply.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT));

  reply_wait (&reply);
  g_assert_error (reply.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  reply_clear (&reply);

  /* And one held when the server goes away is closed with it (the fixture
   * checks that the server is finalized). */
  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_NO_ANSWER, 0, 1);
  reply.done = FALSE;
  reply_start (fixture->session, fixture->server, &reply, "GET", "/acme/trash", KEY, NULL);
  g_clear_pointer (&root, json_node_unref);
  root = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
  g_clear_object (&fixture->session);
  reply_wait (&reply);
  reply_clear (&reply);
}

typedef struct
{
  const char *url;
  gssize      read;      /* what the last read returned */
  GError     *error;
  gboolean    done;
} RawClient;

/* Blocking, so it runs beside the main loop that serves it: sends a
 * request, closes its sending side as a client that gives up does, and
 * reads what the server does then. */
static gpointer
raw_client_thread (gpointer data)
{
  RawClient *client = data;
  g_autoptr(GSocketClient) socket_client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autofree char *request = NULL;
  char buffer[256];
  GSocket *socket;

  connection = g_socket_client_connect_to_uri (socket_client, client->url, 0, NULL,
                                               &client->error);
  if (connection != NULL)
    {
      socket = g_socket_connection_get_socket (connection);
      g_socket_set_timeout (socket, 10);
      request = g_strdup ("GET /acme/trash?api_key=" KEY " HTTP/1.1\r\n"
                          "Host: 127.0.0.1\r\n\r\n");
      if (g_socket_send (socket, request, strlen (request), NULL, &client->error) >= 0 &&
          g_socket_shutdown (socket, FALSE, TRUE, &client->error))
        client->read = g_socket_receive (socket, buffer, sizeof buffer, NULL, &client->error);
    }

  g_atomic_int_set (&client->done, TRUE);
  g_main_context_wakeup (NULL);

  return NULL;
}

static void
test_fault_no_answer_client_gone (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  RawClient client = { .url = salvage_server_get_url (fixture->server), .read = -1 };
  GThread *thread;

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_NO_ANSWER, 0, 1);
  thread = g_thread_new ("raw-client", raw_client_thread, &client);
  while (!g_atomic_int_get (&client.done))
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (thread);

  /* No answer, but no open connection left behind either: the server
   * closed its end once the client had closed its own. */
  g_assert_no_error (client.error);
  g_assert_cmpint (client.read, ==, 0);
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_fault_huge (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *buffer = g_malloc (64 * 1024);
  g_autoptr(GString) start = g_string_new (NULL);
  SoupMessageHeaders *headers;
  gsize received = 0;

  salvage_server_add_fault (fixture->server, "GET", "/acme/trash", SALVAGE_FAULT_HUGE, 0, 1);
  uri = g_strdup_printf ("%s/acme/trash?api_key=" KEY, salvage_server_get_url (fixture->server));
  msg = soup_message_new ("GET", uri);
  soup_session_send_async (fixture->session, msg, G_PRIORITY_DEFAULT, NULL, read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  stream = soup_session_send_finish (fixture->session, result, &error);
  g_assert_no_error (error);

  /* The size is announced up front, so a client can refuse at once... */
  headers = soup_message_get_response_headers (msg);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  g_assert_cmpint (soup_message_headers_get_content_length (headers), ==,
                   SALVAGE_FAULT_HUGE_LENGTH);

  /* ...and what it reads does come. */
  while (received < 1024 * 1024)
    {
      gssize n;

      g_clear_object (&result);
      g_input_stream_read_async (stream, buffer, 64 * 1024, G_PRIORITY_DEFAULT, NULL,
                                 read_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      n = g_input_stream_read_finish (stream, result, &error);
      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      if (start->len < 64)
        g_string_append_len (start, buffer, MIN (n, 64));
      received += (gsize) n;
    }
  g_assert_true (g_str_has_prefix (start->str, "{\"items\":[{\"id\":"));

  /* The client gives up: the server stops streaming and carries on. */
  g_input_stream_close (stream, NULL, NULL);
  g_clear_object (&stream);
  root = call (fixture, "GET", "/acme/pcb", SOUP_STATUS_OK);
}

static void
test_fault_trickle (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  SalvageFault trickle = { .kind = SALVAGE_FAULT_TRICKLE, .interval_ms = 1, .count = 1 };
  g_autoptr(GTimer) timer = NULL;
  Reply whole = { 0, };
  Reply slow = { 0, };
  g_autofree char *whole_text = NULL;
  g_autofree char *slow_text = NULL;
  double elapsed;

  send_request (fixture, &whole, "GET", "/", NULL);
  whole_text = reply_text (&whole);

  salvage_server_add_fault_full (fixture->server, "GET", "/", &trickle);
  timer = g_timer_new ();
  send_request (fixture, &slow, "GET", "/", NULL);
  elapsed = g_timer_elapsed (timer, NULL);
  slow_text = reply_text (&slow);

  /* The same answer, at no more than a byte a millisecond. */
  g_assert_cmpuint (soup_message_get_status (slow.msg), ==, SOUP_STATUS_OK);
  g_assert_cmpstr (slow_text, ==, whole_text);
  g_assert_cmpfloat (elapsed, >=, (strlen (whole_text) - 1) / 1000.0);

  reply_clear (&whole);
  reply_clear (&slow);
}

/* A frozen answer is the first one that succeeded, as it was, whatever
 * changes after it; an answer that failed is not kept. */
static void
test_fault_frozen (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  SalvageFault frozen = { .kind = SALVAGE_FAULT_FROZEN };
  Reply refused = { 0, };
  Reply first = { 0, };
  Reply again = { 0, };
  Reply after = { 0, };
  g_autofree char *first_text = NULL;
  g_autofree char *again_text = NULL;
  g_autofree char *after_text = NULL;
  guint id;

  id = salvage_server_add_fault_full (fixture->server, "GET", "/acme/trash", &frozen);

  refused.done = FALSE;
  reply_start (fixture->session, fixture->server, &refused, "GET", "/acme/trash", "wrong-key", NULL);
  reply_wait (&refused);
  g_assert_cmpuint (soup_message_get_status (refused.msg), ==, SOUP_STATUS_UNAUTHORIZED);

  send_request (fixture, &first, "GET", "/acme/trash", NULL);
  first_text = reply_text (&first);
  g_assert_cmpuint (soup_message_get_status (first.msg), ==, SOUP_STATUS_OK);
  g_assert_null (strstr (first_text, "Hard Hats"));

  g_assert_true (salvage_server_trash (fixture->server, "acme", "project", "hard-hats",
                                       T0, "Mei Tanaka"));
  send_request (fixture, &again, "GET", "/acme/trash", NULL);
  again_text = reply_text (&again);
  g_assert_cmpuint (soup_message_get_status (again.msg), ==, SOUP_STATUS_OK);
  g_assert_cmpstr (reply_header (&again, "Content-Type"), ==, "application/json");
  g_assert_cmpstr (again_text, ==, first_text);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, id), ==, 3);

  salvage_server_remove_fault (fixture->server, id);
  send_request (fixture, &after, "GET", "/acme/trash", NULL);
  after_text = reply_text (&after);
  g_assert_nonnull (strstr (after_text, "Hard Hats"));

  reply_clear (&refused);
  reply_clear (&first);
  reply_clear (&again);
  reply_clear (&after);
}

static void
test_fault_spec (void)
{
  g_autoptr(Fixture) fixture = fixture_new ();
  const char *bad[] = {
    "GET:/acme", "GET:/acme:bogus", "get:/acme:reset", "GET:/acme:status=999",
    "GET:/acme:reset:count=abc", "GET:/acme:reset:frobnicate=1", "GET:/acme:reset:count",
  };
  g_autoptr(JsonNode) root = NULL;
  Reply reply = { 0, };
  guint id;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (salvage_server_add_fault_spec (fixture->server, bad[i], &error), ==, 0);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  id = salvage_server_add_fault_spec (fixture->server, "GET:/*/trash:status=503:count=1", NULL);
  g_assert_cmpuint (id, !=, 0);
  root = call (fixture, "GET", "/acme/trash", SOUP_STATUS_SERVICE_UNAVAILABLE);
  g_clear_pointer (&root, json_node_unref);
  root = call (fixture, "GET", "/acme/trash", SOUP_STATUS_OK);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, id), ==, 1);

  /* Every option, and a message that holds the separator itself. */
  id = salvage_server_add_fault_spec (fixture->server,
                                      "*::status:skip=1:count=2:status=418:retry-after=7:"
                                      "interval=5:commit:message=No: not now",
                                      NULL);
  g_assert_cmpuint (id, !=, 0);
  g_clear_pointer (&root, json_node_unref);
  root = call (fixture, "GET", "/acme", SOUP_STATUS_OK);
  send_request (fixture, &reply, "DELETE", "/acme/pcb", NULL);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, 418);
  g_assert_cmpstr (reply_header (&reply, "Retry-After"), ==, "7");
  g_clear_pointer (&root, json_node_unref);
  root = reply_parse (&reply);
  g_assert_cmpstr (flat_error (root), ==, "No: not now");
  reply_clear (&reply);
  g_assert_cmpint (salvage_server_get_item_state (fixture->server, "acme", "project", "pcb"),
                   ==, SALVAGE_SERVER_ITEM_TRASHED);

  salvage_server_clear_faults (fixture->server);
  id = salvage_server_add_fault_spec (fixture->server, "POST:*/trash/restore:reset:count=1", NULL);
  g_assert_cmpuint (id, !=, 0);
  send_request (fixture, &reply, "POST", "/acme/trash/restore", "{}");
  g_assert_nonnull (reply.error);
  reply_clear (&reply);
  g_assert_cmpuint (salvage_server_get_fault_hits (fixture->server, id), ==, 1);
}

/* Demo data */

static char *
get_text (SalvageServer *server,
          SoupSession   *session,
          const char    *path)
{
  Reply reply = { 0, };
  char *text;

  reply_start (session, server, &reply, "GET", path, SALVAGE_DEMO_API_KEY, NULL);
  while (!reply.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (reply.error);
  g_assert_cmpuint (soup_message_get_status (reply.msg), ==, SOUP_STATUS_OK);

  text = g_strndup (g_bytes_get_data (reply.body, NULL), g_bytes_get_size (reply.body));
  reply_clear (&reply);

  return text;
}

static SalvageServer *
demo_server (guint32 seed)
{
  SalvageServer *server = listening_server ();
  SalvageDemoSizes sizes;

  salvage_server_set_time (server, T0);
  salvage_demo_sizes_init_default (&sizes);
  salvage_demo_seed (server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &sizes, seed);

  return server;
}

static void
test_demo_deterministic (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SalvageServer) first = demo_server (42);
  g_autoptr(SalvageServer) second = demo_server (42);
  g_autoptr(SalvageServer) third = demo_server (43);
  const char *paths[] = {
    "/" SALVAGE_DEMO_WORKSPACE,
    "/" SALVAGE_DEMO_WORKSPACE "/trash",
    "/" SALVAGE_DEMO_WORKSPACE "/workflows",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *a = get_text (first, session, paths[i]);
      g_autofree char *b = get_text (second, session, paths[i]);
      g_autofree char *c = get_text (third, session, paths[i]);

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (a, !=, c);
    }
}

static void
test_demo_realistic (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SalvageServer) server = demo_server (7);
  g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) deleters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) days = g_hash_table_new (NULL, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (T0 / G_USEC_PER_SEC);
  g_autoptr(JsonNode) trash = NULL;
  g_autoptr(JsonNode) workspace = NULL;
  g_autofree char *trash_text = get_text (server, session, "/" SALVAGE_DEMO_WORKSPACE "/trash");
  g_autofree char *workspace_text = get_text (server, session, "/" SALVAGE_DEMO_WORKSPACE);
  JsonArray *items;
  JsonArray *projects;
  double min_days = G_MAXDOUBLE, max_days = 0;
  gboolean orphan_version = FALSE;

  trash = json_from_string (trash_text, NULL);
  items = array_member (object_of (trash), "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 15);
  g_assert_cmpuint (trash_length (trash), ==, 15);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      g_autoptr(GDateTime) cleanup_at = NULL;
      double left;

      assert_trash_entry_shape (item);
      cleanup_at = date_member (item, "scheduledCleanupAt");
      left = g_date_time_difference (cleanup_at, now) / (double) G_TIME_SPAN_DAY;
      min_days = MIN (min_days, left);
      max_days = MAX (max_days, left);
      g_hash_table_add (days, GINT_TO_POINTER ((int) left));
      g_hash_table_add (types, (gpointer) string_member (item, "type"));
      g_hash_table_add (deleters, (gpointer) string_member (item, "deletedByName"));

      /* A version whose project is in the Trash too, deleted before it. */
      if (g_str_equal (string_member (item, "type"), "version"))
        {
          JsonObject *parent = find_in_trash (trash, "project", string_member (item, "parentId"));

          if (parent != NULL)
            {
              g_autoptr(GDateTime) version_at = date_member (item, "deletedAt");
              g_autoptr(GDateTime) project_at = date_member (parent, "deletedAt");

              g_assert_cmpint (g_date_time_compare (version_at, project_at), <, 0);
              orphan_version = TRUE;
            }
        }
    }

  g_assert_cmpuint (g_hash_table_size (types), ==, 4);
  g_assert_cmpuint (g_hash_table_size (deleters), >=, 3);
  g_assert_true (orphan_version);
  /* Days left spread from under one to thirty. */
  g_assert_cmpfloat (min_days, >, 0);
  g_assert_cmpfloat (min_days, <, 1);
  g_assert_cmpfloat (max_days, >, 29);
  g_assert_cmpfloat (max_days, <=, 30);
  g_assert_cmpuint (g_hash_table_size (days), >=, 10);

  workspace = json_from_string (workspace_text, NULL);
  projects = array_member (object_member (object_of (workspace), "workspace"), "projects");
  g_assert_cmpuint (json_array_get_length (projects), ==, 12);

  for (guint i = 0; i < json_array_get_length (projects); i++)
    {
      JsonObject *project = json_array_get_object_element (projects, i);
      const char *id = string_member (project, "id");
      const char *slug = strchr (id, '/') + 1;
      gint64 n_versions = json_node_get_int (assert_member (project, "versions", IS_INT));
      g_autofree char *project_path = g_strdup_printf ("/%s", id);
      g_autofree char *project_text = get_text (server, session, project_path);
      g_autoptr(JsonNode) project_root = json_from_string (project_text, NULL);
      JsonArray *versions = array_member (object_of (project_root), "versions");

      assert_project_shape (project);
      g_assert_false (g_hash_table_contains (slugs, slug));
      g_hash_table_add (slugs, (gpointer) slug);
      g_assert_cmpint (n_versions, >=, 1);
      g_assert_cmpint (n_versions, <=, 6);
      g_assert_cmpint (n_versions, ==, json_array_get_length (versions));

      for (guint v = 0; v < json_array_get_length (versions); v++)
        {
          JsonObject *version = json_array_get_object_element (versions, v);
          g_autofree char *path = g_strdup_printf ("/%s/v2/trainings",
                                                   string_member (version, "id"));
          g_autofree char *text = get_text (server, session, path);
          g_autoptr(JsonNode) root = json_from_string (text, NULL);
          JsonArray *trainings = array_member (object_of (root), "trainings");

          assert_version_shape (version);
          for (guint t = 0; t < json_array_get_length (trainings); t++)
            g_hash_table_add (statuses, g_strdup (string_member (
                                json_array_get_object_element (trainings, t), "status")));
        }
    }

  g_assert_true (g_hash_table_contains (statuses, "finished"));
  g_assert_true (g_hash_table_contains (statuses, "running"));
  g_assert_true (g_hash_table_contains (statuses, "queued"));
  g_assert_true (g_hash_table_contains (statuses, "failed"));
}

static guint
count_occurrences (const char *text,
                   const char *needle)
{
  gsize length = strlen (needle);
  guint count = 0;

  /* Not strstr (): with the sanitizers on, each call measures the rest of
   * the 60 MB text, and the whole count turns quadratic. */
  for (const char *p = strchr (text, needle[0]); p != NULL; p = strchr (p + 1, needle[0]))
    if (strncmp (p, needle, length) == 0)
      count++;

  return count;
}

static void
test_demo_scale (void)
{
  g_autoptr(SalvageServer) server = salvage_server_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SalvageDemoSizes sizes;

  salvage_server_set_time (server, T0);
  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = 100000;
  salvage_demo_seed (server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &sizes, 1);
  salvage_server_listen (server, 0, &error);
  g_assert_no_error (error);

  /* The server writes 60 MB from this thread: under the sanitizers on a
   * busy machine that can outlast libsoup's 60 s I/O timeout, which is no
   * fault of the server. The test's own time limit still applies. */
  g_object_set (session, "timeout", 0, NULL);

  /* Parsing 60 MB here would only time json-glib: the records are
   * counted in the text, once in "items" and once in "sections". */
  text = get_text (server, session, "/" SALVAGE_DEMO_WORKSPACE "/trash");
  g_assert_true (g_str_has_prefix (text, "{\"items\":[{"));
  g_assert_cmpuint (count_occurrences (text, "\"scheduledCleanupAt\":"), ==, 2 * 100000);
  g_assert_cmpuint (count_occurrences (text, "{\"type\":\"project\""), >, 2 * 10000);
  g_assert_cmpuint (count_occurrences (text, "{\"type\":\"version\""), >, 2 * 10000);
  g_assert_cmpuint (count_occurrences (text, "{\"type\":\"workflow\""), >, 2 * 10000);
  g_assert_cmpuint (count_occurrences (text, "{\"type\":\"training\""), >, 2 * 10000);
}

/* The salvage-server program */

static char *
server_program_path (void)
{
  char *path = g_test_build_filename (G_TEST_BUILT, "..", "src", "server", "salvage-server", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    g_clear_pointer (&path, g_free);

  return path;
}

static char *
read_line (GDataInputStream *input)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (input, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);

  return line;
}

static void
test_program (void)
{
  g_autofree char *path = server_program_path ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *serving = NULL;
  g_autofree char *key_line = NULL;
  g_autofree char *try_line = NULL;
  g_autofree char *expected_try = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  const char *url;

  if (path == NULL)
    {
      g_test_skip ("salvage-server is not built");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              path, "--port", "0", "--trash", "40", "--projects", "3",
                              "--workspace", "demo-ws", "--key", "k-123", "--seed", "9", NULL);
  g_assert_no_error (error);
  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));

  serving = read_line (input);
  key_line = read_line (input);
  try_line = read_line (input);
  g_assert_true (g_str_has_prefix (serving, "Serving workspace demo-ws at http://127.0.0.1:"));
  g_assert_cmpstr (key_line, ==, "API key: k-123");
  url = strstr (serving, "http://");
  expected_try = g_strdup_printf ("Try: curl '%s/demo-ws?api_key=k-123'", url);
  g_assert_cmpstr (try_line, ==, expected_try);

  uri = g_strdup_printf ("%s/demo-ws/trash?api_key=k-123", url);
  msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trash_length (root), ==, 40);

  /* It runs until told to stop, then exits cleanly. */
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

static void
test_program_bad_option (void)
{
  g_autofree char *path = server_program_path ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      g_test_skip ("salvage-server is not built");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              &error, path, "--port", "70000", NULL);
  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), !=, 0);
}

static void
test_program_fault (void)
{
  g_autofree char *path = server_program_path ();
  g_autoptr(GSubprocess) refused = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) input = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *serving = NULL;
  g_autofree char *uri = NULL;
  const guint expected[] = { SOUP_STATUS_SERVICE_UNAVAILABLE, SOUP_STATUS_OK };

  if (path == NULL)
    {
      g_test_skip ("salvage-server is not built");
      return;
    }

  /* A spec that does not parse is refused before anything is served. */
  refused = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, path, "--port", "0", "--fault", "GET:/x:bogus", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (refused, NULL, NULL, NULL, &refusal, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (refused));
  g_assert_cmpint (g_subprocess_get_exit_status (refused), !=, 0);
  g_assert_nonnull (strstr (refusal, "unknown kind"));

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              path, "--port", "0", "--trash", "5", "--projects", "2",
                              "--workspace", "demo-ws", "--key", "k-123",
                              "--fault", "GET:/*/trash:status=503:count=1", NULL);
  g_assert_no_error (error);
  input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  serving = read_line (input);
  g_assert_nonnull (strstr (serving, "http://"));
  uri = g_strdup_printf ("%s/demo-ws/trash?api_key=k-123", strstr (serving, "http://"));

  /* The first listing fails, the next one does not. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
      g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, expected[i]);
    }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
}

/* --training-routes picks the design; anything else is refused. */
static void
test_program_training_routes (void)
{
  g_autofree char *path = server_program_path ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *design;
    guint       status;   /* of a training restore through /trash/restore */
  } designs[] = {
    { "delete", SOUP_STATUS_NOT_FOUND },  /* served, and no such item */
    { "post", SOUP_STATUS_BAD_REQUEST },  /* the type is refused */
  };

  if (path == NULL)
    {
      g_test_skip ("salvage-server is not built");
      return;
    }

  {
    g_autoptr(GSubprocess) refused = NULL;

    refused = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                                &error, path, "--port", "0", "--training-routes", "sideways",
                                NULL);
    g_assert_no_error (error);
    g_subprocess_wait (refused, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (refused));
    g_assert_cmpint (g_subprocess_get_exit_status (refused), !=, 0);
  }

  for (guint i = 0; i < G_N_ELEMENTS (designs); i++)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GDataInputStream) input = NULL;
      g_autoptr(SoupMessage) msg = NULL;
      g_autoptr(GBytes) request = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autofree char *serving = NULL;
      g_autofree char *uri = NULL;
      static const char restore_body[] = "{\"type\":\"training\",\"id\":\"t_none\"}";

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  path, "--port", "0", "--trash", "5", "--projects", "2",
                                  "--workspace", "demo-ws", "--key", "k-123",
                                  "--training-routes", designs[i].design, NULL);
      g_assert_no_error (error);
      input = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
      serving = read_line (input);
      g_assert_nonnull (strstr (serving, "http://"));

      uri = g_strdup_printf ("%s/demo-ws/trash/restore?api_key=k-123", strstr (serving, "http://"));
      msg = soup_message_new ("POST", uri);
      request = g_bytes_new_static (restore_body, sizeof restore_body - 1);
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
      body = soup_session_send_and_read (session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, designs[i].status);

      g_subprocess_send_signal (process, SIGTERM);
      g_subprocess_wait_check (process, NULL, &error);
      g_assert_no_error (error);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/key/check", test_key_check);
  g_test_add_func ("/server/key/bad", test_bad_key);
  g_test_add_func ("/server/key/other-workspace", test_other_workspace_key);
  g_test_add_func ("/server/key/raw", test_raw_key);
  g_test_add_func ("/server/shape/workspace", test_workspace_shape);
  g_test_add_func ("/server/shape/project", test_project_shape);
  g_test_add_func ("/server/shape/version", test_version_shape);
  g_test_add_func ("/server/shape/trainings", test_trainings_shape);
  g_test_add_func ("/server/shape/workflows", test_workflows_shape);
  g_test_add_func ("/server/trash/delete-project", test_delete_project);
  g_test_add_func ("/server/trash/delete-version-workflow", test_delete_version_and_workflow);
  g_test_add_func ("/server/trash/version-in-trashed-project", test_version_inside_trashed_project);
  g_test_add_func ("/server/trash/escaping", test_trash_escaping);
  g_test_add_func ("/server/trash/restore-errors", test_restore_errors);
  g_test_add_func ("/server/trash/slug-taken", test_slug_taken);
  g_test_add_func ("/server/trash/trainings", test_trainings_rules);
  g_test_add_func ("/server/trash/trainings-models", test_trainings_models);
  g_test_add_func ("/server/trash/trainings-post-design", test_trainings_post_design);
  g_test_add_func ("/server/trash/version-cancels", test_version_delete_cancels);
  g_test_add_func ("/server/trash/cleanup-clock", test_cleanup_clock);
  g_test_add_func ("/server/routes/no-permanent-delete", test_no_permanent_delete);
  g_test_add_func ("/server/routes/precedence", test_route_precedence);
  g_test_add_func ("/server/routes/encoded-path", test_encoded_path);
  g_test_add_func ("/server/fault/status", test_fault_status);
  g_test_add_func ("/server/fault/counting", test_fault_counting);
  g_test_add_func ("/server/fault/truncated", test_fault_truncated);
  g_test_add_func ("/server/fault/not-json", test_fault_not_json);
  g_test_add_func ("/server/fault/wrong-shape", test_fault_wrong_shape);
  g_test_add_func ("/server/fault/frozen", test_fault_frozen);
  g_test_add_func ("/server/fault/not-carried-out", test_fault_not_carried_out);
  g_test_add_func ("/server/fault/reset", test_fault_reset);
  g_test_add_func ("/server/fault/no-answer", test_fault_no_answer);
  g_test_add_func ("/server/fault/no-answer-client-gone", test_fault_no_answer_client_gone);
  g_test_add_func ("/server/fault/huge", test_fault_huge);
  g_test_add_func ("/server/fault/trickle", test_fault_trickle);
  g_test_add_func ("/server/fault/spec", test_fault_spec);
  g_test_add_func ("/server/latency/concurrent", test_latency);
  g_test_add_func ("/server/latency/client-gone", test_latency_client_gone);
  g_test_add_func ("/server/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/server/demo/realistic", test_demo_realistic);
  g_test_add_func ("/server/demo/scale", test_demo_scale);
  g_test_add_func ("/server/program/serve", test_program);
  g_test_add_func ("/server/program/bad-option", test_program_bad_option);
  g_test_add_func ("/server/program/fault", test_program_fault);
  g_test_add_func ("/server/program/training-routes", test_program_training_routes);

  return g_test_run ();
}
