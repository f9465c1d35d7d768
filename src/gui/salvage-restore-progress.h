/* salvage-restore-progress.h - how far a restore of many items is, with a way to stop it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-session.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_RESTORE_PROGRESS (salvage_restore_progress_get_type ())

G_DECLARE_FINAL_TYPE (SalvageRestoreProgress, salvage_restore_progress,
                      SALVAGE, RESTORE_PROGRESS, AdwBin)

/*
 * A bar that shows itself while the session restores several items:
 * "Restoring 120 of 5,000", a progress bar, and Cancel, which stops the
 * restore after the requests already sent (salvage_session_stop_restore).
 */

void         salvage_restore_progress_set_session (SalvageRestoreProgress *self,
                                                   SalvageSession         *session);

/* What it says, and its Cancel button: for tests. */
const char  *salvage_restore_progress_get_text    (SalvageRestoreProgress *self);
GtkWidget   *salvage_restore_progress_get_cancel  (SalvageRestoreProgress *self);
gboolean     salvage_restore_progress_get_shown   (SalvageRestoreProgress *self);

G_END_DECLS
