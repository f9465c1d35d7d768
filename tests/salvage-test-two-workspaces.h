/* salvage-test-two-workspaces.h - two saved workspaces with things in their Trash, for All Workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-accounts.h"
#include "salvage-server.h"

#include "salvage-test-wait.h"

#define WS_A   "acme-vision"
#define KEY_A  "akey-Q7rT2mXw9Lp"
#define WS_B   "beta-labs"
#define KEY_B  "bkey-Z3nV8cKd1Hs"

/* Acme Vision: project "bolts" deleted 29 days ago, version 1 of "pcb"
 * 10 days ago. Beta Labs: project "gears" and its version 2, the version
 * first. */
static inline void
test_seed_two_workspaces (SalvageServer *server)
{
  gint64 now = g_get_real_time ();

  salvage_server_add_workspace (server, WS_A, "Acme Vision");
  salvage_server_add_key (server, KEY_A, WS_A);
  g_assert_nonnull (salvage_server_add_project (server, WS_A, "bolts", "Bolts", "object-detection", 7));
  g_assert_nonnull (salvage_server_add_project (server, WS_A, "pcb", "PCB Defects", "object-detection", 120));
  g_assert_nonnull (salvage_server_add_version (server, WS_A, "pcb", 1, "raw", 120));
  g_assert_true (salvage_server_trash (server, WS_A, "project", "bolts", now - 29 * G_TIME_SPAN_DAY,
                                       "Mei Tanaka"));
  g_assert_true (salvage_server_trash (server, WS_A, "version", "pcb/1", now - 10 * G_TIME_SPAN_DAY,
                                       "Mei Tanaka"));

  salvage_server_add_workspace (server, WS_B, "Beta Labs");
  salvage_server_add_key (server, KEY_B, WS_B);
  g_assert_nonnull (salvage_server_add_project (server, WS_B, "gears", "Gears", "object-detection", 9));
  g_assert_nonnull (salvage_server_add_version (server, WS_B, "gears", 2, "augmented", 18));
  g_assert_true (salvage_server_trash (server, WS_B, "version", "gears/2", now - 5 * G_TIME_SPAN_DAY,
                                       "Sam Ortiz"));
  g_assert_true (salvage_server_trash (server, WS_B, "project", "gears", now - 4 * G_TIME_SPAN_DAY,
                                       "Sam Ortiz"));
}

/* Saves the workspace @workspace of @server_url, called @name, with @key
 * in the keyring. */
static inline void
test_add_account (SalvageAccounts *accounts,
                  const char      *server_url,
                  const char      *workspace,
                  const char      *name,
                  const char      *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(SalvageAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  salvage_accounts_add_async (accounts, server_url, workspace, name, key, NULL,
                              salvage_test_keep_result_cb, &result);
  WAIT_FOR (result != NULL);
  account = salvage_accounts_add_finish (accounts, result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
}
