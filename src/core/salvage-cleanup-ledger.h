/* salvage-cleanup-ledger.h - which Trash entries were already warned about before their cleanup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_CLEANUP_LEDGER (salvage_cleanup_ledger_get_type ())

G_DECLARE_FINAL_TYPE (SalvageCleanupLedger, salvage_cleanup_ledger, SALVAGE, CLEANUP_LEDGER, GObject)

/*
 * What was already said about the 30-day cleanup: for each workspace, the
 * Trash entries a warning named, with the cleanup date it named and the
 * threshold (days left) it was sent at. An entry warns once each time it
 * crosses the threshold: not at every check, again only if it is deleted
 * anew (a new cleanup date) or the threshold is lowered past it. Entries
 * restored or gone, or no longer due, are forgotten.
 *
 * It holds no API key, and its file lives under the user's state folder.
 */

/* The ledger kept in @path (NULL: in memory only). Nothing is read until
 * salvage_cleanup_ledger_load(). */
SalvageCleanupLedger *salvage_cleanup_ledger_new          (const char            *path);

/* $XDG_STATE_HOME/salvage/cleanup-warnings */
char                 *salvage_cleanup_ledger_dup_default_path (void);

/* Reads the file. A missing file is an empty ledger; an unreadable or
 * damaged one leaves the ledger empty and says why: then entries may be
 * warned about once more, never less. */
gboolean              salvage_cleanup_ledger_load         (SalvageCleanupLedger  *self,
                                                           GError               **error);

/* Writes the file if anything changed since it was read or written, whole
 * or not at all, readable by the user alone. */
gboolean              salvage_cleanup_ledger_save         (SalvageCleanupLedger  *self,
                                                           GError               **error);

/* Whether something changed since the file was read or written. */
gboolean              salvage_cleanup_ledger_get_changed  (SalvageCleanupLedger  *self);

/* Takes the whole Trash of workspace @workspace_key (see
 * salvage_undo_stack_dup_key()), a list of SalvageTrashItem, as of @now:
 * returns the entries due for a warning now, at most @threshold_days days
 * left, that no warning named yet for this crossing, soonest first; and
 * records them as warned. Entries of that workspace not in @trash, or no
 * longer due, are forgotten. (transfer container) */
GPtrArray            *salvage_cleanup_ledger_review       (SalvageCleanupLedger  *self,
                                                           const char            *workspace_key,
                                                           GListModel            *trash,
                                                           GDateTime             *now,
                                                           int                    threshold_days);

/* Whether a warning already named @item (for its current cleanup date). */
gboolean              salvage_cleanup_ledger_contains     (SalvageCleanupLedger  *self,
                                                           const char            *workspace_key,
                                                           SalvageTrashItem      *item);

/* Forgets everything about workspace @workspace_key (it was removed). */
void                  salvage_cleanup_ledger_forget       (SalvageCleanupLedger  *self,
                                                           const char            *workspace_key);

/* How many entries it holds, in all workspaces. */
guint                 salvage_cleanup_ledger_get_n_entries (SalvageCleanupLedger *self);

G_END_DECLS
