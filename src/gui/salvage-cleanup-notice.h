/* salvage-cleanup-notice.h - the desktop notification that Trash entries are about to be deleted for good
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-cleanup-check.h"

G_BEGIN_DECLS

/* The action a notice's Review button and body activate, with the target
 * SALVAGE_CLEANUP_REVIEW_TARGET: (server, workspace slug, entry keys). */
#define SALVAGE_CLEANUP_REVIEW_ACTION "app.review-cleanup"
#define SALVAGE_CLEANUP_REVIEW_TARGET "(ssas)"

/* How many entries a notice names before "and N more". */
#define SALVAGE_CLEANUP_NOTICE_NAMED 3

/* "3 items in “Acme Vision” will be deleted for good tomorrow" */
char          *salvage_cleanup_notice_dup_title (SalvageCleanupReport *report);

/* The first names, then when, if the title does not say it. */
char          *salvage_cleanup_notice_dup_body  (SalvageCleanupReport *report);

/* One notification per workspace: a newer one replaces it. */
char          *salvage_cleanup_notice_dup_id    (SalvageAccount       *account);

/* The notification for @report, which must name entries: it reviews them,
 * and never restores or deletes anything itself. */
GNotification *salvage_cleanup_notice_new       (SalvageCleanupReport *report);

G_END_DECLS
