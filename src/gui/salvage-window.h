/* salvage-window.h - the main window: the Projects, Workflows and Trash pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-session.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_WINDOW (salvage_window_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWindow, salvage_window, SALVAGE, WINDOW, AdwApplicationWindow)

SalvageWindow    *salvage_window_new            (GtkApplication *application);

/* Shows how to get started, for when there is nothing to connect to. */
void              salvage_window_show_welcome   (SalvageWindow  *self);

/* Checks @api_key against @base_url (NULL for the default), then loads
 * the key's workspace. Failures show on the pages, with a Retry. */
void              salvage_window_connect        (SalvageWindow  *self,
                                                 const char     *base_url,
                                                 const char     *api_key);

/* Looks up the key of @account in the keyring and connects with it; when
 * the key cannot be had, the welcome page asks for it. */
void              salvage_window_open_account   (SalvageWindow  *self,
                                                 SalvageAccount *account);

/* The account shown, or NULL (no workspace, or the demo). */
SalvageAccount   *salvage_window_get_account    (SalvageWindow  *self);

/* Says @text in a toast, with @details (may be NULL) behind its button. */
void              salvage_window_show_notice    (SalvageWindow  *self,
                                                 const char     *text,
                                                 const char     *details);

/* Opens @account's workspace on its Trash, showing only the entries whose
 * keys are in @keys (a cleanup warning's), until Show All or another
 * workspace. */
void              salvage_window_review_cleanup (SalvageWindow      *self,
                                                 SalvageAccount     *account,
                                                 const char * const *keys);

/* Shows the welcome page with @message, e.g. why the demo could not start. */
void              salvage_window_show_message   (SalvageWindow  *self,
                                                 const char     *message);

/* The workspace shown, or NULL before the key has been accepted. */
SalvageWorkspace *salvage_window_get_workspace  (SalvageWindow  *self);

/* What the window shows: see salvage-session.h. */
SalvageSession   *salvage_window_get_session    (SalvageWindow  *self);

G_END_DECLS
