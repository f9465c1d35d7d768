/* salvage-welcome-page.h - the first thing shown: connect a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-cli-config.h"

G_BEGIN_DECLS

#define SALVAGE_TYPE_WELCOME_PAGE (salvage_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (SalvageWelcomePage, salvage_welcome_page, SALVAGE, WELCOME_PAGE, AdwBin)

/*
 * Signals:
 *   "connect-requested" (const char *server, const char *api_key)
 *   "import-requested"  (guint index, const char *server)  a workspace of the CLI login
 *   "demo-requested"    ()
 *   "cancel-requested"  ()             only offered with set_can_cancel
 *
 * The server of both requests is the one the Server row shows, checked
 * with salvage_client_check_base_url(): the row is the one place a key's
 * destination comes from. Before an import is requested, the row is set
 * to the default server (the CLI login's, see set_default_server) unless
 * the user edited it.
 */

/* Empties the key and the message, and shows @server as the server to
 * connect to; with @server NULL, the row follows the default server. */
void        salvage_welcome_page_reset           (SalvageWelcomePage *self,
                                                  const char         *server);

/* The server a key goes to unless another is given or typed: the window's
 * choice from the command line, the environment and the CLI login. The
 * Server row shows it at once when it follows the default. */
void        salvage_welcome_page_set_default_server (SalvageWelcomePage *self,
                                                     const char         *server);
const char *salvage_welcome_page_get_server      (SalvageWelcomePage *self);

/* While connecting, the form is insensitive and shows a spinner. */
void        salvage_welcome_page_set_busy        (SalvageWelcomePage *self,
                                                  gboolean            busy);

/* A message on the page (what went wrong), or NULL for none. */
void        salvage_welcome_page_set_error       (SalvageWelcomePage *self,
                                                  const char         *message);
const char *salvage_welcome_page_get_error       (SalvageWelcomePage *self);

/* Whether Cancel, and Escape, lead back to the workspace shown before;
 * the page then adds a workspace rather than welcoming. */
void        salvage_welcome_page_set_can_cancel  (SalvageWelcomePage *self,
                                                  gboolean            can_cancel);
gboolean    salvage_welcome_page_get_can_cancel  (SalvageWelcomePage *self);

/* Offers the workspaces of the CLI's login, or says what was wrong with
 * it (@error), or nothing when there is no login (both NULL, or
 * SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND). */
void        salvage_welcome_page_set_cli_config  (SalvageWelcomePage *self,
                                                  SalvageCliConfig   *config,
                                                  const GError       *error);

/* The number of CLI workspaces offered with a button. */
guint       salvage_welcome_page_get_n_cli_rows  (SalvageWelcomePage *self);

/* For tests: the key entry, and pressing Connect. */
GtkEditable *salvage_welcome_page_get_key_entry  (SalvageWelcomePage *self);
GtkEditable *salvage_welcome_page_get_server_entry (SalvageWelcomePage *self);
void        salvage_welcome_page_activate_connect (SalvageWelcomePage *self);

G_END_DECLS
