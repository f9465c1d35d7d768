/* salvage-cleanup-watch.h - the checks for entries near their cleanup, now and every few hours, and their notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-accounts.h"
#include "salvage-cleanup-ledger.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_CLEANUP_WATCH (salvage_cleanup_watch_get_type ())

G_DECLARE_FINAL_TYPE (SalvageCleanupWatch, salvage_cleanup_watch, SALVAGE, CLEANUP_WATCH, GObject)

/* Hours between two checks while the application runs. */
#define SALVAGE_CLEANUP_CHECK_HOURS 4

/*
 * Checks the Trash of every account of @accounts, as SalvageCleanupCheck
 * does, and sends @application one notification per workspace with
 * entries newly due. @settings (may be NULL) gives the threshold
 * ("cleanup-warning-days"). A check the network was not up for is done
 * when it comes up.
 *
 * Signals:
 *   "checked" (guint n_notified, const GError *error): after each check,
 *             with how many notifications it sent; @error when it could
 *             not check at all (offline).
 */
SalvageCleanupWatch *salvage_cleanup_watch_new         (GApplication         *application,
                                                        SalvageAccounts      *accounts,
                                                        GSettings            *settings,
                                                        SalvageCleanupLedger *ledger,
                                                        GNetworkMonitor      *monitor);

/* Checks now (unless a check is under way), then every
 * SALVAGE_CLEANUP_CHECK_HOURS hours. */
void                 salvage_cleanup_watch_start       (SalvageCleanupWatch  *self);

/* Checks now, unless a check is under way. */
void                 salvage_cleanup_watch_check       (SalvageCleanupWatch  *self);

/* Stops the timer and any check under way. */
void                 salvage_cleanup_watch_stop        (SalvageCleanupWatch  *self);

/* What to say in a window about the workspaces the checks skipped since
 * their key could not be read without a prompt, each said once (until
 * its key is read again): a short @title and its @details. FALSE when
 * nothing is new. */
gboolean             salvage_cleanup_watch_take_skipped (SalvageCleanupWatch  *self,
                                                         char                **title,
                                                         char                **details);

G_END_DECLS
