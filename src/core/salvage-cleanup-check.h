/* salvage-cleanup-check.h - the Trash of every saved workspace, checked for entries near their cleanup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-account.h"
#include "salvage-cleanup-ledger.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_CLEANUP_REPORT (salvage_cleanup_report_get_type ())

G_DECLARE_FINAL_TYPE (SalvageCleanupReport, salvage_cleanup_report, SALVAGE, CLEANUP_REPORT, GObject)

/*
 * What a check found in one workspace: the Trash entries newly due for a
 * warning, soonest first, or why the workspace could not be checked.
 */

/* A report of @items (SalvageTrashItem, soonest first) due in @account as
 * of @now. */
SalvageCleanupReport *salvage_cleanup_report_new     (SalvageAccount       *account,
                                                      GPtrArray            *items,
                                                      GDateTime            *now);

SalvageAccount *salvage_cleanup_report_get_account   (SalvageCleanupReport *self);

/* Of SalvageTrashItem; empty when the workspace could not be checked. */
GListModel     *salvage_cleanup_report_get_items     (SalvageCleanupReport *self);

/* Days left before the soonest of them goes (0: today); -1 without items. */
int             salvage_cleanup_report_get_days_left (SalvageCleanupReport *self);
/* The same for the last of them to go. */
int             salvage_cleanup_report_get_latest_days_left (SalvageCleanupReport *self);

/* Why the workspace was not checked, or NULL: its key not readable
 * without a prompt (SALVAGE_SECRETS_ERROR), or the server's answer. */
const GError   *salvage_cleanup_report_get_error     (SalvageCleanupReport *self);

#define SALVAGE_TYPE_CLEANUP_CHECK (salvage_cleanup_check_get_type ())

G_DECLARE_FINAL_TYPE (SalvageCleanupCheck, salvage_cleanup_check, SALVAGE, CLEANUP_CHECK, GObject)

/*
 * Checks the Trash of each workspace in turn, each with its own server and
 * its own key, read from the keyring without ever prompting; records what
 * it warns about in @ledger and saves it. Nothing is restored or deleted.
 */
SalvageCleanupCheck *salvage_cleanup_check_new        (SalvageCleanupLedger  *ledger,
                                                       GNetworkMonitor       *monitor);

/* Checks @accounts (a list of SalvageAccount) as of @now (NULL: now),
 * warning at @threshold_days days left or fewer. Fails with
 * G_IO_ERROR_NETWORK_UNREACHABLE, having asked nothing of anyone, while the
 * network is unavailable. */
void                 salvage_cleanup_check_run_async  (SalvageCleanupCheck   *self,
                                                       GListModel            *accounts,
                                                       int                    threshold_days,
                                                       GDateTime             *now,
                                                       GCancellable          *cancellable,
                                                       GAsyncReadyCallback    callback,
                                                       gpointer               user_data);

/* The reports of the workspaces with something to say (entries due, or an
 * error), in the order of @accounts. (transfer container) */
GPtrArray           *salvage_cleanup_check_run_finish (SalvageCleanupCheck   *self,
                                                       GAsyncResult          *result,
                                                       GError               **error);

G_END_DECLS
