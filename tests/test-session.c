/* test-session.c - the session against the stand-in server, with no display
 *
 * The session is what the window does besides drawing: connecting, the
 * workspace shown and its loading state, deletes, restores and the undo
 * stacks. Everything here goes over real sockets to a SalvageServer on
 * 127.0.0.1; nothing needs GTK, a display or a keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-error.h"
#include "salvage-project.h"
#include "salvage-server-fault.h"
#include "salvage-session.h"
#include "salvage-training.h"
#include "salvage-trash-item.h"
#include "salvage-undo.h"
#include "salvage-workspace.h"

#include "salvage-test-wait.h"

#define WS       "acme"
#define WS_KEY   "test-key-r7Tq2ZpX"
#define WS2      "globex"
#define WS2_KEY  "test-key-Gx81mQwe"

typedef struct
{
  SalvageServer  *server;
  SalvageSession *session;

  GPtrArray      *messages;      /* "message" and "undo-changed" texts, in order, each with
                                  * ": " and its details when it has any */
  GPtrArray      *details;       /* the details of each, or "" */
  GPtrArray      *undo_changes;  /* "undo-changed" texts */
  guint           n_busy_changes;
  GPtrArray      *refusals;      /* "key-refused" texts */
  guint           n_deleted;
  char           *deleted_name;
  gboolean        deleted_already;
  SalvageUndoEntry *deleted_entry;
} Fixture;

static void
record_message (Fixture    *f,
                const char *text,
                const char *details)
{
  g_test_message ("message: %s (%s)", text, details);
  if (details != NULL)
    g_ptr_array_add (f->messages, g_strdup_printf ("%s: %s", text, details));
  else
    g_ptr_array_add (f->messages, g_strdup (text));
  g_ptr_array_add (f->details, g_strdup (details != NULL ? details : ""));
}

static void
message_cb (SalvageSession *session,
            const char     *text,
            const char     *details,
            Fixture        *f)
{
  record_message (f, text, details);
}

static void
undo_changed_cb (SalvageSession   *session,
                 SalvageUndoEntry *entry,
                 const char       *text,
                 const char       *details,
                 Fixture          *f)
{
  g_assert_true (SALVAGE_IS_UNDO_ENTRY (entry));
  g_ptr_array_add (f->undo_changes, g_strdup (text));
  record_message (f, text, details);
}

static void
busy_changed_cb (SalvageSession *session,
                 Fixture        *f)
{
  f->n_busy_changes++;
}

static void
key_refused_cb (SalvageSession *session,
                const char     *text,
                Fixture        *f)
{
  g_ptr_array_add (f->refusals, g_strdup (text));
}

static void
deleted_cb (SalvageSession   *session,
            const char       *name,
            gboolean          already_in_trash,
            SalvageUndoEntry *entry,
            Fixture          *f)
{
  f->n_deleted++;
  g_set_str (&f->deleted_name, name);
  f->deleted_already = already_in_trash;
  g_set_object (&f->deleted_entry, entry);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  g_assert_true (salvage_server_listen (f->server, 0, &error));
  g_assert_no_error (error);

  salvage_server_add_workspace (f->server, WS, "Acme Vision");
  salvage_server_add_key (f->server, WS_KEY, WS);
  g_assert_nonnull (salvage_server_add_project (f->server, WS, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_project (f->server, WS, "fruit", "Fruit", "classification", 40));
  g_assert_nonnull (salvage_server_add_project (f->server, WS, "bolts", "Bolts", "object-detection", 7));

  salvage_server_add_workspace (f->server, WS2, "Globex");
  salvage_server_add_key (f->server, WS2_KEY, WS2);
  g_assert_nonnull (salvage_server_add_project (f->server, WS2, "gears", "Gears", "object-detection", 9));

  /* No accounts: nothing is saved, and no keyring is needed. */
  f->session = salvage_session_new (NULL, salvage_server_get_url (f->server));
  f->messages = g_ptr_array_new_with_free_func (g_free);
  f->details = g_ptr_array_new_with_free_func (g_free);
  f->undo_changes = g_ptr_array_new_with_free_func (g_free);
  f->refusals = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (f->session, "message", G_CALLBACK (message_cb), f);
  g_signal_connect (f->session, "undo-changed", G_CALLBACK (undo_changed_cb), f);
  g_signal_connect (f->session, "busy-changed", G_CALLBACK (busy_changed_cb), f);
  g_signal_connect (f->session, "key-refused", G_CALLBACK (key_refused_cb), f);
  g_signal_connect (f->session, "deleted", G_CALLBACK (deleted_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->session);
  g_clear_object (&f->deleted_entry);
  g_clear_pointer (&f->deleted_name, g_free);
  g_clear_pointer (&f->messages, g_ptr_array_unref);
  g_clear_pointer (&f->details, g_ptr_array_unref);
  g_clear_pointer (&f->undo_changes, g_ptr_array_unref);
  g_clear_pointer (&f->refusals, g_ptr_array_unref);
  g_clear_object (&f->server);
}

static const char *
last_message (Fixture *f)
{
  return f->messages->len > 0 ? g_ptr_array_index (f->messages, f->messages->len - 1) : NULL;
}

static gboolean
is_ready (Fixture *f)
{
  return salvage_session_get_state (f->session) == SALVAGE_SESSION_READY;
}

static void
connect_and_load (Fixture    *f,
                  const char *api_key)
{
  salvage_session_connect (f->session, salvage_server_get_url (f->server), api_key);
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_LOADING);
  WAIT_FOR (salvage_session_get_state (f->session) != SALVAGE_SESSION_LOADING);
  g_assert_no_error (salvage_session_get_error (f->session));
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_READY);
}

static SalvageProject *
find_project (Fixture    *f,
              const char *slug)
{
  GListModel *projects = salvage_workspace_get_projects (salvage_session_get_workspace (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(SalvageProject) project = g_list_model_get_item (projects, i);

      if (g_str_equal (salvage_project_get_slug (project), slug))
        return project;  /* the store keeps it */
    }

  return NULL;
}

static SalvageTrashItem *
find_in_trash (Fixture    *f,
               const char *name)
{
  GListModel *trash = salvage_workspace_get_trash (salvage_session_get_workspace (f->session));

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);

      if (g_strcmp0 (salvage_trash_item_get_name (item), name) == 0)
        return item;  /* the store keeps it */
    }

  return NULL;
}

/* Deletes the project @slug and waits for the session to say so. */
static void
delete_project (Fixture    *f,
                const char *slug)
{
  SalvageProject *project = find_project (f, slug);
  guint n_deleted = f->n_deleted;

  g_assert_nonnull (project);
  salvage_session_delete (f->session, project, salvage_project_get_name (project));
  WAIT_FOR (f->n_deleted > n_deleted);
}

/* Connecting */

static void
test_connect (Fixture       *f,
              gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  /* The workspace's own name, from the server. */
  g_assert_cmpstr (salvage_session_get_title (f->session), ==, "Acme Vision");
  g_assert_nonnull (salvage_session_get_workspace (f->session));
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_projects (salvage_session_get_workspace (f->session))), ==, 3);
  g_assert_cmpuint (f->refusals->len, ==, 0);
  g_assert_cmpuint (f->messages->len, ==, 0);
}

static void
test_connect_refused (Fixture       *f,
                      gconstpointer  data)
{
  salvage_session_connect (f->session, salvage_server_get_url (f->server), "not-a-key-of-anyone");
  WAIT_FOR (salvage_session_get_state (f->session) != SALVAGE_SESSION_LOADING);

  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_FAILED);
  g_assert_error (salvage_session_get_error (f->session), SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_null (salvage_session_get_workspace (f->session));
  g_assert_cmpuint (f->refusals->len, ==, 1);
}

/* A key tried on the welcome page leaves the workspace shown alone until
 * the server has accepted it. */
static void
test_add_key_refused_keeps_workspace (Fixture       *f,
                                      gconstpointer  data)
{
  SalvageWorkspace *shown;

  connect_and_load (f, WS_KEY);
  shown = salvage_session_get_workspace (f->session);

  salvage_session_add_key (f->session, salvage_server_get_url (f->server), "not-a-key-of-anyone");
  g_assert_true (salvage_session_get_connecting (f->session));
  WAIT_FOR (!salvage_session_get_connecting (f->session));

  g_assert_nonnull (salvage_session_get_connect_error (f->session));
  g_assert_true (strstr (salvage_session_get_connect_error (f->session), "API key") != NULL);
  g_assert_true (salvage_session_get_workspace (f->session) == shown);
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_READY);
  g_assert_cmpstr (salvage_session_get_title (f->session), ==, "Acme Vision");
}

static void
test_add_key_opens_workspace (Fixture       *f,
                              gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  salvage_session_add_key (f->session, salvage_server_get_url (f->server), WS2_KEY);
  WAIT_FOR (!salvage_session_get_connecting (f->session));
  g_assert_null (salvage_session_get_connect_error (f->session));
  WAIT_FOR (is_ready (f));

  g_assert_cmpstr (salvage_session_get_title (f->session), ==, "Globex");
  g_assert_nonnull (find_project (f, "gears"));
  g_assert_null (find_project (f, "pcb"));
}

/* A key the server stops accepting shows on the next refresh. */
static void
test_refresh_key_revoked (Fixture       *f,
                          gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  salvage_server_add_fault (f->server, "GET", "*", SALVAGE_FAULT_STATUS, 401, 0);
  salvage_session_refresh (f->session);
  WAIT_FOR (salvage_session_get_state (f->session) != SALVAGE_SESSION_LOADING);

  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_FAILED);
  g_assert_error (salvage_session_get_error (f->session), SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY);
  g_assert_cmpuint (f->refusals->len, ==, 1);

  /* The lists stay as they were. */
  g_assert_nonnull (find_project (f, "pcb"));

  salvage_server_clear_faults (f->server);
  salvage_session_refresh (f->session);
  WAIT_FOR (salvage_session_get_state (f->session) != SALVAGE_SESSION_LOADING);
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_READY);
  g_assert_no_error (salvage_session_get_error (f->session));
}

/* A server that cannot be reached on connect: Refresh asks again whose
 * the key is, and the workspace opens once it answers. */
static void
test_refresh_revalidates (Fixture       *f,
                          gconstpointer  data)
{
  guint fault = salvage_server_add_fault (f->server, NULL, NULL, SALVAGE_FAULT_STATUS, 503, 0);

  salvage_session_connect (f->session, salvage_server_get_url (f->server), WS_KEY);
  WAIT_FOR (salvage_session_get_state (f->session) != SALVAGE_SESSION_LOADING);
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_FAILED);
  g_assert_null (salvage_session_get_workspace (f->session));
  g_assert_cmpuint (f->refusals->len, ==, 0);

  salvage_server_remove_fault (f->server, fault);
  salvage_session_refresh (f->session);
  WAIT_FOR (is_ready (f));
  g_assert_cmpstr (salvage_session_get_title (f->session), ==, "Acme Vision");
}

/* Coming back to the window reloads the Trash, but not more often than
 * the interval. */
static void
test_window_activated (Fixture       *f,
                       gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  salvage_session_set_trash_refresh_interval (f->session, G_TIME_SPAN_HOUR);
  salvage_session_window_activated (f->session);
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (f->session), ==, 0);

  /* Deleted elsewhere, seen on the way back to the window. */
  g_assert_true (salvage_server_trash (f->server, WS, "project", "bolts",
                                       salvage_server_get_time (f->server), "Someone Else"));
  salvage_session_set_trash_refresh_interval (f->session, 0);
  salvage_session_window_activated (f->session);
  salvage_session_window_activated (f->session);  /* one at a time */
  g_assert_cmpuint (salvage_session_get_n_trash_refreshes (f->session), ==, 1);
  WAIT_FOR (find_in_trash (f, "Bolts") != NULL);
}

/* Delete and undo */

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  delete_project (f, "fruit");
  g_assert_cmpstr (f->deleted_name, ==, "Fruit");
  g_assert_false (f->deleted_already);
  g_assert_nonnull (f->deleted_entry);
  g_assert_cmpint (salvage_undo_entry_get_state (f->deleted_entry), ==, SALVAGE_UNDO_AVAILABLE);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  g_assert_nonnull (find_in_trash (f, "Fruit"));

  salvage_session_undo (f->session);
  g_assert_cmpint (salvage_undo_entry_get_state (f->deleted_entry), ==, SALVAGE_UNDO_RESTORING);
  WAIT_FOR (salvage_undo_entry_get_state (f->deleted_entry) != SALVAGE_UNDO_RESTORING);

  g_assert_cmpint (salvage_undo_entry_get_state (f->deleted_entry), ==, SALVAGE_UNDO_DONE);
  g_assert_cmpstr (last_message (f), ==, "“Fruit” restored");
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  /* Undone: nothing is left on the stack. */
  salvage_session_undo (f->session);
  g_assert_cmpstr (last_message (f), ==, "Nothing to undo");
}

/* Ctrl+Z undoes the newest delete first. */
static void
test_undo_order (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SalvageUndoEntry) first = NULL;
  g_autoptr(SalvageUndoEntry) second = NULL;

  connect_and_load (f, WS_KEY);

  delete_project (f, "fruit");
  first = g_object_ref (f->deleted_entry);
  delete_project (f, "bolts");
  second = g_object_ref (f->deleted_entry);

  salvage_session_undo (f->session);
  WAIT_FOR (salvage_undo_entry_get_state (second) == SALVAGE_UNDO_DONE);
  g_assert_cmpint (salvage_undo_entry_get_state (first), ==, SALVAGE_UNDO_AVAILABLE);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  salvage_session_undo (f->session);
  WAIT_FOR (salvage_undo_entry_get_state (first) == SALVAGE_UNDO_DONE);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
}

/* Each workspace has its own stack: Ctrl+Z never acts on a workspace that
 * is not shown. */
static void
test_undo_per_workspace (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SalvageUndoEntry) entry = NULL;

  connect_and_load (f, WS_KEY);
  delete_project (f, "fruit");
  entry = g_object_ref (f->deleted_entry);
  g_assert_true (salvage_undo_entry_get_shown (entry));

  connect_and_load (f, WS2_KEY);
  g_assert_false (salvage_undo_entry_get_shown (entry));
  salvage_session_undo (f->session);
  g_assert_cmpstr (last_message (f), ==, "Nothing to undo");

  /* The toast of the other workspace's delete cannot undo it here. */
  salvage_session_undo_entry (f->session, entry);
  g_assert_cmpstr (last_message (f), ==, "This deletion can no longer be undone");
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);

  /* Back in the first workspace, its stack is there again. */
  connect_and_load (f, WS_KEY);
  g_assert_true (salvage_undo_entry_get_shown (entry));
  salvage_session_undo (f->session);
  WAIT_FOR (salvage_undo_entry_get_state (entry) == SALVAGE_UNDO_DONE);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
}

/* An item that left the Trash another way (restored from the Trash page)
 * is skipped with a message, and the next entry is undone after it. */
static void
test_undo_skips_gone (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SalvageUndoEntry) first = NULL;
  g_autoptr(SalvageUndoEntry) second = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  connect_and_load (f, WS_KEY);
  delete_project (f, "fruit");
  first = g_object_ref (f->deleted_entry);
  delete_project (f, "bolts");
  second = g_object_ref (f->deleted_entry);

  g_ptr_array_add (items, g_object_ref (find_in_trash (f, "Bolts")));
  salvage_session_restore (f->session, items);
  WAIT_FOR (salvage_undo_entry_get_state (second) == SALVAGE_UNDO_GONE && f->messages->len > 0);
  g_assert_cmpstr (last_message (f), ==, "“Bolts” restored");

  /* The restored item is not on the stack any more. */
  salvage_session_undo (f->session);
  WAIT_FOR (salvage_undo_entry_get_state (first) == SALVAGE_UNDO_DONE);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);

  /* Its own toast's Undo says why it does nothing. */
  salvage_session_undo_entry (f->session, second);
  g_assert_cmpstr (last_message (f), ==,
                   "“Bolts” is no longer in the Trash, so its deletion cannot be undone");
}

/* A second delete of the same item (from a list not yet refreshed) meets
 * the server's 404: already in the Trash, and nothing to undo. */
static void
test_delete_already_in_trash (Fixture       *f,
                              gconstpointer  data)
{
  SalvageProject *project;
  g_autoptr(SalvageProject) kept = NULL;

  connect_and_load (f, WS_KEY);
  project = find_project (f, "fruit");
  kept = g_object_ref (project);

  delete_project (f, "fruit");
  g_assert_nonnull (f->deleted_entry);

  salvage_session_delete (f->session, kept, "Fruit");
  WAIT_FOR (f->n_deleted == 2);
  g_assert_true (f->deleted_already);
  g_assert_null (f->deleted_entry);
}

static void
test_delete_fails (Fixture       *f,
                   gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  salvage_server_add_fault (f->server, "DELETE", "*", SALVAGE_FAULT_STATUS, 500, 0);
  salvage_session_delete (f->session, find_project (f, "fruit"), "Fruit");
  WAIT_FOR (f->messages->len > 0);

  g_assert_cmpuint (f->n_deleted, ==, 0);
  g_assert_true (g_str_has_prefix (last_message (f), "Could not move “Fruit” to the Trash: "));
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
  salvage_session_undo (f->session);
  g_assert_cmpstr (last_message (f), ==, "Nothing to undo");
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* The trainings of version @number of @slug, loaded in the workspace shown. */
static GListModel *
load_trainings (Fixture    *f,
                const char *slug,
                const char *number)
{
  SalvageWorkspace *workspace = salvage_session_get_workspace (f->session);
  g_autoptr(GAsyncResult) versions_result = NULL;
  g_autoptr(GAsyncResult) trainings_result = NULL;
  g_autoptr(GError) error = NULL;
  SalvageProject *project = find_project (f, slug);
  GListModel *versions;
  GListModel *trainings = NULL;

  g_assert_nonnull (project);
  versions = salvage_workspace_get_versions (workspace, project);
  salvage_workspace_load_versions_async (workspace, project, NULL, loaded_cb, &versions_result);
  WAIT_FOR (versions_result != NULL);
  g_assert_true (salvage_workspace_load_versions_finish (workspace, versions_result, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(SalvageVersion) version = g_list_model_get_item (versions, i);

      if (!g_str_equal (salvage_version_get_number (version), number))
        continue;

      trainings = salvage_workspace_get_trainings (workspace, version);
      salvage_workspace_load_trainings_async (workspace, version, NULL, loaded_cb,
                                              &trainings_result);
      WAIT_FOR (trainings_result != NULL);
      g_assert_true (salvage_workspace_load_trainings_finish (workspace, trainings_result,
                                                              &error));
      g_assert_no_error (error);
    }

  g_assert_nonnull (trainings);
  return trainings;
}

static SalvageTraining *
find_training (GListModel *trainings,
               const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (trainings); i++)
    {
      g_autoptr(SalvageTraining) training = g_list_model_get_item (trainings, i);

      if (g_str_equal (salvage_training_get_id (training), id))
        return training;  /* the store keeps it */
    }

  return NULL;
}

/* Deleting the run whose model serves its version says what serves the
 * version now, when the server's answer tells (ROBOFLOW_API.md §2.15); the
 * other design's empty answer tells nothing, and nothing is said. The
 * design is @data. */
static void
test_delete_training_alias (Fixture       *f,
                            gconstpointer  data)
{
  gboolean post = GPOINTER_TO_INT (data) == SALVAGE_SERVER_TRAINING_ROUTES_POST;
  g_autofree char *expected = NULL;
  const char *older, *newer;
  GListModel *trainings;

  salvage_server_set_training_routes (f->server, GPOINTER_TO_INT (data));
  g_assert_nonnull (salvage_server_add_version (f->server, WS, "pcb", 1, "raw", 120));
  older = salvage_server_add_training (f->server, WS, "pcb", 1, "finished", "yolov8n");
  salvage_server_set_time (f->server, g_get_real_time () + G_TIME_SPAN_MINUTE);
  newer = salvage_server_add_training (f->server, WS, "pcb", 1, "finished", "yolov8m");
  g_assert_true (salvage_server_set_version_alias (f->server, WS, "pcb", 1, older));

  connect_and_load (f, WS_KEY);
  trainings = load_trainings (f, "pcb", "1");
  g_assert_cmpuint (g_list_model_get_n_items (trainings), ==, 2);

  salvage_session_delete (f->session, find_training (trainings, older), "YOLOv8 Nano");
  WAIT_FOR (f->n_deleted == 1);
  g_assert_nonnull (f->deleted_entry);
  g_assert_cmpstr (salvage_server_get_version_alias (f->server, WS, "pcb", 1), ==, newer);

  if (post)
    {
      g_assert_cmpuint (f->messages->len, ==, 0);
    }
  else
    {
      expected = g_strdup_printf ("Version 1 is now served by the model “%s”", newer);
      g_assert_cmpuint (f->messages->len, ==, 1);
      g_assert_cmpstr (last_message (f), ==, expected);
    }

  /* The last run that could serve it goes too. */
  salvage_session_delete (f->session, find_training (trainings, newer), "YOLOv8 Medium");
  WAIT_FOR (f->n_deleted == 2);
  g_assert_null (salvage_server_get_version_alias (f->server, WS, "pcb", 1));

  if (post)
    g_assert_cmpuint (f->messages->len, ==, 0);
  else
    g_assert_cmpstr (last_message (f), ==, "Version 1 is no longer served by any model");
}

/* A refusal of a training's delete is said in words that tell what to do. */
static void
test_delete_training_refused (Fixture       *f,
                              gconstpointer  data)
{
  GListModel *trainings;
  const char *running;

  g_assert_nonnull (salvage_server_add_version (f->server, WS, "pcb", 1, "raw", 120));
  running = salvage_server_add_training (f->server, WS, "pcb", 1, "running", "yolov8n");
  connect_and_load (f, WS_KEY);
  trainings = load_trainings (f, "pcb", "1");

  salvage_session_delete (f->session, find_training (trainings, running), "YOLOv8 Nano");
  WAIT_FOR (f->messages->len > 0);
  g_assert_cmpuint (f->n_deleted, ==, 0);
  g_assert_cmpstr (last_message (f), ==,
                   "Could not move “YOLOv8 Nano” to the Trash: The training run is still running: "
                   "stop or cancel it before moving it to the Trash");
}

/* Restore */

static void
test_restore_many (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = salvage_server_get_time (f->server);
  g_autofree char *expected = NULL;
  const char *failed;
  const char *failed_path;

  g_assert_true (salvage_server_trash (f->server, WS, "project", "fruit", now, "Someone Else"));
  g_assert_true (salvage_server_trash (f->server, WS, "project", "bolts", now, "Someone Else"));
  connect_and_load (f, WS_KEY);

  g_ptr_array_add (items, g_object_ref (find_in_trash (f, "Fruit")));
  g_ptr_array_add (items, g_object_ref (find_in_trash (f, "Bolts")));

  /* The second restore fails; the first stays done. */
  salvage_server_add_fault_full (f->server, "POST", "*",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 500,
                                                   .skip = 1, .count = 1 });
  salvage_session_restore (f->session, items);
  WAIT_FOR (f->messages->len > 0);

  /* One of the two is back, and the message names the other. */
  if (salvage_server_get_item_state (f->server, WS, "project", "fruit") == SALVAGE_SERVER_ITEM_LIVE)
    {
      failed = "Bolts";
      failed_path = "bolts";
    }
  else
    {
      failed = "Fruit";
      failed_path = "fruit";
    }
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", failed_path), ==,
                   SALVAGE_SERVER_ITEM_TRASHED);
  expected = g_strdup_printf ("Could not restore “%s”: ", failed);
  g_assert_true (g_str_has_prefix (last_message (f), expected));

  /* Tried again, the one left comes back too. */
  g_ptr_array_set_size (items, 0);
  WAIT_FOR (g_list_model_get_n_items (salvage_workspace_get_trash (salvage_session_get_workspace (f->session))) == 1);
  g_ptr_array_add (items, g_object_ref (find_in_trash (f, failed)));
  salvage_session_restore (f->session, items);
  WAIT_FOR (f->messages->len > 1);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("“%s” restored", failed);
  g_assert_cmpstr (last_message (f), ==, expected);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", failed_path), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
}

/* Puts @n workflows "Flow 1"… in the Trash of WS. */
static void
trash_flows (Fixture *f,
             guint    n)
{
  gint64 now = salvage_server_get_time (f->server);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *url = g_strdup_printf ("flow-%u", i);
      g_autofree char *name = g_strdup_printf ("Flow %u", i);

      g_assert_nonnull (salvage_server_add_workflow (f->server, WS, url, name));
      g_assert_true (salvage_server_trash (f->server, WS, "workflow", url, now, "Someone Else"));
    }
}

static GPtrArray *
dup_trash (Fixture *f)
{
  GListModel *trash = salvage_workspace_get_trash (salvage_session_get_workspace (f->session));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    g_ptr_array_add (items, g_list_model_get_item (trash, i));

  return items;
}

/* An item with a request under way says so, and is not sent twice. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SalvageProject) fruit = NULL;
  g_autoptr(SalvageTrashItem) item = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint deletes;
  guint restores;

  connect_and_load (f, WS_KEY);
  deletes = salvage_server_add_fault (f->server, "DELETE", "*", SALVAGE_FAULT_NONE, 0, 0);
  restores = salvage_server_add_fault (f->server, "POST", "/" WS "/trash/restore",
                                       SALVAGE_FAULT_NONE, 0, 0);
  salvage_server_set_latency (f->server, 300);

  fruit = g_object_ref (find_project (f, "fruit"));
  g_assert_cmpint (salvage_session_get_busy (f->session, fruit), ==, SALVAGE_BUSY_NONE);
  salvage_session_delete (f->session, fruit, "Fruit");
  g_assert_cmpint (salvage_session_get_busy (f->session, fruit), ==, SALVAGE_BUSY_DELETING);
  g_assert_cmpuint (f->n_busy_changes, ==, 1);
  salvage_session_delete (f->session, fruit, "Fruit");

  WAIT_FOR (f->n_deleted == 1);
  g_assert_cmpint (salvage_session_get_busy (f->session, fruit), ==, SALVAGE_BUSY_NONE);
  g_assert_cmpuint (salvage_server_get_fault_hits (f->server, deletes), ==, 1);
  g_assert_false (f->deleted_already);

  /* The same for a restore, whoever asks for it: the Trash page or the
   * delete's undo. */
  item = g_object_ref (find_in_trash (f, "Fruit"));
  g_ptr_array_add (items, g_object_ref (item));
  salvage_session_restore (f->session, items);
  g_assert_cmpint (salvage_session_get_busy (f->session, item), ==, SALVAGE_BUSY_RESTORING);
  /* Asked by its Trash entry, not by the live project it will become. */
  g_assert_cmpint (salvage_session_get_busy (f->session, fruit), ==, SALVAGE_BUSY_NONE);
  salvage_session_restore (f->session, items);
  salvage_session_undo_entry (f->session, f->deleted_entry);
  g_assert_cmpstr (last_message (f), ==, "“Fruit” is being restored already");
  g_assert_cmpint (salvage_undo_entry_get_state (f->deleted_entry), ==, SALVAGE_UNDO_AVAILABLE);

  WAIT_FOR (g_strcmp0 (last_message (f), "“Fruit” restored") == 0);
  g_assert_cmpint (salvage_session_get_busy (f->session, item), ==, SALVAGE_BUSY_NONE);
  g_assert_cmpuint (salvage_server_get_fault_hits (f->server, restores), ==, 1);
  g_assert_cmpint (salvage_server_get_item_state (f->server, WS, "project", "fruit"), ==,
                   SALVAGE_SERVER_ITEM_LIVE);
}

/* A failure's message is short; its details give the reason in full. */
static void
test_failure_details (Fixture       *f,
                      gconstpointer  data)
{
  const char *reason = "The project is being exported; try again once the export has finished";

  connect_and_load (f, WS_KEY);
  salvage_server_add_fault_full (f->server, "DELETE", "*",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 409,
                                                   .message = reason });
  salvage_session_delete (f->session, find_project (f, "fruit"), "Fruit");
  WAIT_FOR (f->messages->len > 0);

  g_assert_nonnull (strstr (g_ptr_array_index (f->details, 0), reason));
  g_assert_true (g_str_has_prefix (last_message (f), "Could not move “Fruit” to the Trash: "));
}

/* The undo of a delete says when it starts and how it ends, rather than
 * leaving the delete's word as the last. */
static void
test_undo_changes (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SalvageUndoEntry) fruit = NULL;

  connect_and_load (f, WS_KEY);
  delete_project (f, "fruit");
  fruit = g_object_ref (f->deleted_entry);
  delete_project (f, "bolts");
  g_assert_cmpuint (f->undo_changes->len, ==, 0);

  salvage_session_undo (f->session);
  g_assert_cmpuint (f->undo_changes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->undo_changes, 0), ==, "Restoring “Bolts”…");
  WAIT_FOR (f->undo_changes->len == 2);
  g_assert_cmpstr (g_ptr_array_index (f->undo_changes, 1), ==, "“Bolts” restored");

  /* A refused undo says why, in its details. */
  salvage_server_add_fault_full (f->server, "POST", "/" WS "/trash/restore",
                                 &(SalvageFault) { .kind = SALVAGE_FAULT_STATUS, .status = 409,
                                                   .message = "A project with this URL exists" });
  salvage_session_undo (f->session);
  WAIT_FOR (f->undo_changes->len == 4);
  g_assert_cmpstr (g_ptr_array_index (f->undo_changes, 2), ==, "Restoring “Fruit”…");
  g_assert_cmpstr (g_ptr_array_index (f->undo_changes, 3), ==, "Could not restore “Fruit”");
  g_assert_nonnull (strstr (g_ptr_array_index (f->details, f->details->len - 1),
                           "A project with this URL exists"));
  g_assert_cmpint (salvage_undo_entry_get_state (fruit), ==, SALVAGE_UNDO_AVAILABLE);
}

typedef struct
{
  Fixture *f;
  guint    last_done;
  guint    n_done_changes;
  gboolean backwards;
} Progress;

static void
restore_done_cb (SalvageSession *session,
                 GParamSpec     *pspec,
                 Progress       *progress)
{
  guint done = salvage_session_get_restore_done (session);

  /* It only ever counts up, until the restore ends. */
  if (salvage_session_get_restore_total (session) > 0 && done < progress->last_done)
    progress->backwards = TRUE;
  progress->last_done = done;
  progress->n_done_changes++;
}

/* A restore of many items tells how far it is, item by item. */
static void
test_restore_progress (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  Progress progress = { f, 0, 0, FALSE };
  guint max_total = 0;

  trash_flows (f, 30);
  connect_and_load (f, WS_KEY);
  items = dup_trash (f);
  g_assert_cmpuint (items->len, ==, 30);
  g_signal_connect (f->session, "notify::restore-done", G_CALLBACK (restore_done_cb), &progress);

  g_assert_cmpuint (salvage_session_get_restore_total (f->session), ==, 0);
  salvage_session_restore (f->session, items);
  g_assert_cmpuint (salvage_session_get_restore_total (f->session), ==, 30);
  g_assert_cmpuint (salvage_session_get_restore_done (f->session), ==, 0);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (salvage_session_get_busy (f->session, g_ptr_array_index (items, i)), ==,
                     SALVAGE_BUSY_RESTORING);

  /* Only one restore of several items at a time. */
  salvage_session_restore (f->session, items);
  WAIT_FOR ((max_total = MAX (max_total, salvage_session_get_restore_total (f->session)),
             salvage_session_get_restore_total (f->session) == 0));
  g_assert_cmpuint (max_total, ==, 30);

  g_assert_false (progress.backwards);
  /* Each item counted on its own (and the end resets the count). */
  g_assert_cmpuint (progress.n_done_changes, >=, 30);
  g_assert_cmpstr (last_message (f), ==, "30 items restored");
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (salvage_session_get_workspace (f->session))), ==, 0);
  for (guint i = 0; i < items->len; i++)
    g_assert_cmpint (salvage_session_get_busy (f->session, g_ptr_array_index (items, i)), ==,
                     SALVAGE_BUSY_NONE);
}

/* Stopped halfway, a restore keeps what came back, leaves the rest in the
 * Trash, and the lists agree with the server. */
static void
test_restore_stop (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *expected = NULL;
  SalvageWorkspace *workspace;
  guint n_restored = 0;

  trash_flows (f, 40);
  connect_and_load (f, WS_KEY);
  workspace = salvage_session_get_workspace (f->session);
  items = dup_trash (f);
  salvage_server_set_latency (f->server, 50);

  salvage_session_restore (f->session, items);
  WAIT_FOR (salvage_session_get_restore_done (f->session) >= 6);
  salvage_session_stop_restore (f->session);
  g_assert_true (salvage_session_get_restore_stopping (f->session));
  g_assert_cmpuint (salvage_session_get_restore_total (f->session), ==, 40);

  WAIT_FOR (salvage_session_get_restore_total (f->session) == 0);
  g_assert_false (salvage_session_get_restore_stopping (f->session));

  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      SalvageServerItemState state;

      state = salvage_server_get_item_state (f->server, WS, "workflow",
                                             salvage_trash_item_get_url (item));
      if (state == SALVAGE_SERVER_ITEM_LIVE)
        n_restored++;
      else
        g_assert_cmpint (state, ==, SALVAGE_SERVER_ITEM_TRASHED);

      /* Nothing is left marked, and the lists say what the server says. */
      g_assert_cmpint (salvage_session_get_busy (f->session, item), ==, SALVAGE_BUSY_NONE);
      g_assert_cmpint (salvage_workspace_find_in_trash (workspace, item) != NULL, ==,
                       state == SALVAGE_SERVER_ITEM_TRASHED);
    }

  /* What was sent before the stop came back; nothing after it was sent. */
  g_assert_cmpuint (n_restored, >=, 6);
  g_assert_cmpuint (n_restored, <, 40);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_workflows (workspace)), ==,
                    n_restored);
  expected = g_strdup_printf ("Restore stopped: %u of 40 items restored", n_restored);
  g_assert_cmpstr (last_message (f), ==, expected);

  /* The rest can be restored after all. */
  g_clear_pointer (&items, g_ptr_array_unref);
  items = dup_trash (f);
  salvage_session_restore (f->session, items);
  WAIT_FOR (salvage_session_get_restore_total (f->session) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (workspace)), ==, 0);
}

/* Closing the workspace drops what was under way: a delete that answers
 * afterwards says nothing and leaves no undo entry. */
static void
test_close_cancels (Fixture       *f,
                    gconstpointer  data)
{
  connect_and_load (f, WS_KEY);

  salvage_server_set_latency (f->server, 200);
  salvage_session_delete (f->session, find_project (f, "fruit"), "Fruit");
  salvage_session_close (f->session);
  g_assert_cmpint (salvage_session_get_state (f->session), ==, SALVAGE_SESSION_IDLE);
  g_assert_null (salvage_session_get_workspace (f->session));
  g_assert_null (salvage_session_get_title (f->session));

  /* Long enough for the answer to have come. */
  {
    gint64 end = g_get_monotonic_time () + 600 * G_TIME_SPAN_MILLISECOND;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE);
  }

  g_assert_cmpuint (f->n_deleted, ==, 0);
  g_assert_cmpuint (f->messages->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) \
  g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)

  ADD ("/session/connect", test_connect);
  ADD ("/session/connect/refused", test_connect_refused);
  ADD ("/session/add-key/refused-keeps-workspace", test_add_key_refused_keeps_workspace);
  ADD ("/session/add-key/opens-workspace", test_add_key_opens_workspace);
  ADD ("/session/refresh/key-revoked", test_refresh_key_revoked);
  ADD ("/session/refresh/revalidates", test_refresh_revalidates);
  ADD ("/session/window-activated", test_window_activated);
  ADD ("/session/delete/undo", test_delete_undo);
  ADD ("/session/delete/undo-order", test_undo_order);
  ADD ("/session/delete/undo-per-workspace", test_undo_per_workspace);
  ADD ("/session/delete/undo-skips-gone", test_undo_skips_gone);
  ADD ("/session/delete/already-in-trash", test_delete_already_in_trash);
  ADD ("/session/delete/fails", test_delete_fails);
  g_test_add ("/session/delete/training-alias", Fixture,
              GINT_TO_POINTER (SALVAGE_SERVER_TRAINING_ROUTES_DELETE),
              fixture_set_up, test_delete_training_alias, fixture_tear_down);
  g_test_add ("/session/delete/training-alias-post-routes", Fixture,
              GINT_TO_POINTER (SALVAGE_SERVER_TRAINING_ROUTES_POST),
              fixture_set_up, test_delete_training_alias, fixture_tear_down);
  ADD ("/session/delete/training-refused", test_delete_training_refused);
  ADD ("/session/restore/many", test_restore_many);
  ADD ("/session/restore/progress", test_restore_progress);
  ADD ("/session/restore/stop", test_restore_stop);
  ADD ("/session/busy", test_busy);
  ADD ("/session/failure-details", test_failure_details);
  ADD ("/session/undo/changes", test_undo_changes);
  ADD ("/session/close-cancels", test_close_cancels);

#undef ADD

  return g_test_run ();
}
