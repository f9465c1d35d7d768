/* test-all-workspaces.c - the Trash of every saved workspace at once
 *
 * Runs against a real gnome-keyring (see run-with-keyring.sh) and the
 * stand-in server, which holds two workspaces with keys of their own; a
 * third saved workspace is on a server nothing answers. The tests run in
 * order and share the keyring, the server and the saved accounts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-project.h"
#include "salvage-secrets.h"
#include "salvage-server.h"
#include "salvage-session.h"
#include "salvage-trash-view.h"

#include "salvage-test-two-workspaces.h"
#include "salvage-test-wait.h"

#define APP_ID "io.github.salvage.Salvage"

/* Nothing listens there. */
#define AWAY   "http://127.0.0.1:9"
#define KEY_AWAY "zkey-Away4Jf6Ue"

static SalvageServer *server;
static GSettings *settings;
static SalvageAccounts *accounts;
static SalvageSession *session;
static GPtrArray *messages;

static void
message_cb (SalvageSession *self,
            const char     *text,
            const char     *details,
            gpointer        user_data)
{
  g_test_message ("message: %s (%s)", text, details);
  g_ptr_array_add (messages, g_strconcat (text, details != NULL ? ": " : "", details, NULL));
}

/* The keys are in the keyring only: the next start has none in memory. */
static void
restart_accounts (void)
{
  g_clear_object (&session);
  g_clear_object (&accounts);
  accounts = salvage_accounts_new (settings);
  session = salvage_session_new (accounts, NULL);
  g_signal_connect (session, "message", G_CALLBACK (message_cb), NULL);
}

static void
set_up (void)
{
  g_autoptr(GError) error = NULL;
  const char *url;

  server = salvage_server_new ();
  g_assert_true (salvage_server_listen (server, 0, &error));
  g_assert_no_error (error);
  url = salvage_server_get_url (server);
  test_seed_two_workspaces (server);

  settings = g_settings_new (APP_ID);
  accounts = salvage_accounts_new (settings);
  messages = g_ptr_array_new_with_free_func (g_free);

  /* Beta is saved first: the parts follow the names, not the order. */
  test_add_account (accounts, url, WS_B, "Beta Labs", KEY_B);
  test_add_account (accounts, url, WS_A, "Acme Vision", KEY_A);
  test_add_account (accounts, AWAY, WS_A, "Away Vision", KEY_AWAY);

  restart_accounts ();
}

static gboolean
is_loading (void)
{
  return salvage_session_get_state (session) == SALVAGE_SESSION_LOADING ||
         salvage_session_get_workspace (session) == NULL;
}

/* Shows All Workspaces, in place of what was shown, once loaded. */
static void
open_all (void)
{
  /* Held, so that the group cannot be made where it was. */
  g_autoptr(SalvageWorkspace) before = NULL;

  g_set_object (&before, salvage_session_get_workspace (session));

  g_ptr_array_set_size (messages, 0);
  salvage_session_open_all (session);
  WAIT_FOR (salvage_session_get_workspace (session) != before && !is_loading ());
  g_assert_true (salvage_workspace_is_group (salvage_session_get_workspace (session)));
}

/* The Trash of the group, each entry as "Workspace: name". */
static char *
describe_trash (SalvageWorkspace *group)
{
  GListModel *trash = salvage_workspace_get_trash (group);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
      SalvageWorkspace *member = salvage_workspace_get_member_of (group, item);
      g_autofree char *name = salvage_trash_item_dup_display_name (item);

      g_assert_nonnull (member);
      g_string_append_printf (text, "%s%s: %s", i > 0 ? ", " : "",
                              salvage_workspace_get_name (member), name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static SalvageTrashItem *
find_in_trash (SalvageWorkspace *workspace,
               const char       *workspace_name,
               const char       *display_name)
{
  GListModel *trash = salvage_workspace_get_trash (workspace);

  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
      g_autofree char *name = salvage_trash_item_dup_display_name (item);
      SalvageWorkspace *member = salvage_workspace_get_member_of (workspace, item);

      if (g_str_equal (name, display_name) &&
          g_str_equal (salvage_workspace_get_name (member), workspace_name))
        return item;  /* the store keeps it */
    }

  return NULL;
}

/* Every saved workspace's entries in one Trash, in parts by name, each
 * knowing where it came from; the workspace that cannot be reached is
 * said, and the others are shown regardless. */
static void
test_lists_every_trash (void)
{
  SalvageWorkspace *group;
  g_autofree char *described = NULL;
  g_autoptr(SalvageTrashView) view = NULL;
  gboolean said_away = FALSE;

  open_all ();
  group = salvage_session_get_workspace (session);
  g_assert_true (salvage_workspace_is_group (group));
  g_assert_null (salvage_session_get_account (session));
  g_assert_null (salvage_workspace_get_client (group));
  g_assert_cmpstr (salvage_session_get_title (session), ==, "All Workspaces");
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_members (group)), ==, 3);
  g_assert_cmpint (salvage_session_get_state (session), ==, SALVAGE_SESSION_READY);

  described = describe_trash (group);
  g_assert_cmpstr (described, ==,
                   "Acme Vision: PCB Defects › v1 raw, Acme Vision: Bolts, "
                   "Beta Labs: Gears, Beta Labs: Gears › v2 augmented");

  for (guint i = 0; i < messages->len; i++)
    {
      const char *message = g_ptr_array_index (messages, i);

      said_away |= strstr (message, "Could not load the Trash of every workspace") != NULL &&
                   strstr (message, "Away Vision") != NULL;
      g_assert_null (strstr (message, KEY_AWAY));
    }
  g_assert_true (said_away);

  /* Sorted by workspace, descending: Beta's entries first, each part in
   * its own order (the most recently deleted first, as listed). */
  view = salvage_trash_view_new (SALVAGE_TRASH_STORE (salvage_workspace_get_trash (group)));
  salvage_trash_view_sort_by_part (view, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 4);
  {
    g_autoptr(SalvageTrashItem) first = g_list_model_get_item (G_LIST_MODEL (view), 0);
    g_autoptr(SalvageTrashItem) last = g_list_model_get_item (G_LIST_MODEL (view), 3);

    g_assert_cmpstr (salvage_workspace_get_name (salvage_workspace_get_member_of (group, first)), ==,
                     "Beta Labs");
    g_assert_cmpstr (salvage_trash_item_get_name (last), ==, "Bolts");
  }
}

/* Restoring entries of two workspaces at once: each goes to its own
 * workspace with its own key (the stand-in refuses a key on another
 * workspace), parents first: Gears' version brings Gears back before it. */
static void
test_restore_across_workspaces (void)
{
  SalvageWorkspace *group = salvage_session_get_workspace (session);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *described = NULL;
  guint requests;

  g_assert_true (salvage_workspace_is_group (group));
  g_ptr_array_add (chosen, g_object_ref (find_in_trash (group, "Beta Labs", "Gears › v2 augmented")));
  g_ptr_array_add (chosen, g_object_ref (find_in_trash (group, "Acme Vision", "Bolts")));

  plan = salvage_workspace_dup_restore_plan_many (group, chosen);
  g_assert_cmpuint (plan->len, ==, 3);
  g_assert_cmpstr (salvage_trash_item_get_name (g_ptr_array_index (plan, 0)), ==, "Gears");
  g_assert_cmpstr (salvage_trash_item_get_name (g_ptr_array_index (plan, 1)), ==, "augmented");
  g_assert_cmpstr (salvage_trash_item_get_name (g_ptr_array_index (plan, 2)), ==, "Bolts");

  requests = salvage_server_get_request_count (server);
  g_ptr_array_set_size (messages, 0);
  salvage_session_restore (session, plan);
  g_assert_cmpuint (salvage_session_get_restore_total (session), >, 0);
  WAIT_FOR (salvage_session_get_restore_total (session) == 0);
  WAIT_FOR (messages->len > 0);
  g_assert_cmpuint (salvage_server_get_request_count (server), >, requests);

  for (guint i = 0; i < messages->len; i++)
    g_assert_null (strstr (g_ptr_array_index (messages, i), "Could not"));

  described = describe_trash (group);
  g_assert_cmpstr (described, ==, "Acme Vision: PCB Defects › v1 raw");

  /* Each workspace, opened alone, has its items back. */
  {
    SalvageAccount *beta = salvage_accounts_find (accounts, salvage_server_get_url (server), WS_B);
    GListModel *projects;

    salvage_session_open_account (session, beta);
    WAIT_FOR (salvage_session_get_account (session) == beta && !is_loading () &&
              salvage_session_get_state (session) == SALVAGE_SESSION_READY);
    g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (salvage_session_get_workspace (session))),
                      ==, 0);
    projects = salvage_workspace_get_projects (salvage_session_get_workspace (session));
    g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  }
}

/* Nothing is deleted through the group; a key that cannot be read leaves
 * its workspace out, and says so. */
static void
test_delete_refused_and_missing_key (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageProject) project = NULL;
  SalvageWorkspace *group;
  gboolean said = FALSE;

  open_all ();
  group = salvage_session_get_workspace (session);
  project = g_object_new (SALVAGE_TYPE_PROJECT, "slug", "pcb", "name", "PCB Defects", NULL);
  salvage_workspace_delete_async (group, project, NULL, salvage_test_keep_result_cb, &result);
  WAIT_FOR (result != NULL);
  g_assert_false (salvage_workspace_delete_finish (group, result, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);

  /* Beta's key leaves the keyring behind Salvage's back. */
  {
    g_autoptr(GAsyncResult) cleared = NULL;
    g_autoptr(GError) clear_error = NULL;

    salvage_secrets_clear_async (salvage_server_get_url (server), WS_B, NULL,
                                 salvage_test_keep_result_cb, &cleared);
    WAIT_FOR (cleared != NULL);
    g_assert_true (salvage_secrets_clear_finish (cleared, &clear_error));
    g_assert_no_error (clear_error);
  }
  restart_accounts ();
  open_all ();
  group = salvage_session_get_workspace (session);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_members (group)), ==, 2);
  for (guint i = 0; i < messages->len; i++)
    said |= strstr (g_ptr_array_index (messages, i), "“Beta Labs”") != NULL;
  g_assert_true (said);
}

/* Removing a workspace while all are shown shows the rest without it. */
static void
test_remove_while_shown (void)
{
  SalvageAccount *away = salvage_accounts_find (accounts, AWAY, WS_A);
  SalvageWorkspace *group;

  g_assert_true (salvage_workspace_is_group (salvage_session_get_workspace (session)));
  salvage_session_remove_account (session, away);
  WAIT_FOR (!is_loading () && salvage_session_get_workspace (session) != NULL &&
            salvage_workspace_is_group (salvage_session_get_workspace (session)) &&
            g_list_model_get_n_items (salvage_workspace_get_members (salvage_session_get_workspace (session))) == 1);
  group = salvage_session_get_workspace (session);
  g_assert_cmpuint (g_list_model_get_n_items (salvage_workspace_get_trash (group)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  salvage_secrets_set_timeout (10000);
  set_up ();

  g_test_add_func ("/all-workspaces/lists-every-trash", test_lists_every_trash);
  g_test_add_func ("/all-workspaces/restore-across-workspaces", test_restore_across_workspaces);
  g_test_add_func ("/all-workspaces/delete-refused-and-missing-key", test_delete_refused_and_missing_key);
  g_test_add_func ("/all-workspaces/remove-while-shown", test_remove_while_shown);

  status = g_test_run ();

  g_clear_object (&session);
  g_clear_object (&accounts);
  g_clear_object (&settings);
  g_clear_object (&server);
  g_clear_pointer (&messages, g_ptr_array_unref);

  return status;
}
