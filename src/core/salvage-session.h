/* salvage-session.h - the workspace shown, and all that is done to it besides drawing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "salvage-accounts.h"
#include "salvage-cli-config.h"
#include "salvage-undo.h"
#include "salvage-workspace.h"

G_BEGIN_DECLS

typedef enum
{
  SALVAGE_SESSION_IDLE,     /* no workspace: the welcome page */
  SALVAGE_SESSION_LOADING,  /* a workspace is opening, or its lists are loading */
  SALVAGE_SESSION_READY,    /* its lists are loaded */
  SALVAGE_SESSION_FAILED,   /* the last load failed ("error" says why) */
} SalvageSessionState;

#define SALVAGE_TYPE_SESSION_STATE (salvage_session_state_get_type ())
GType salvage_session_state_get_type (void) G_GNUC_CONST;

/* What is under way for one item of the workspace shown. */
typedef enum
{
  SALVAGE_BUSY_NONE,       /* nothing */
  SALVAGE_BUSY_DELETING,   /* it is being moved to the Trash */
  SALVAGE_BUSY_RESTORING,  /* it is being restored, or waits its turn in a restore */
} SalvageBusy;

#define SALVAGE_TYPE_BUSY (salvage_busy_get_type ())
GType salvage_busy_get_type (void) G_GNUC_CONST;

#define SALVAGE_TYPE_SESSION (salvage_session_get_type ())

G_DECLARE_FINAL_TYPE (SalvageSession, salvage_session, SALVAGE, SESSION, GObject)

/*
 * A session connects to workspaces (a typed key, the Roboflow CLI's login,
 * a saved account, the demo), holds the one shown, loads and refreshes
 * it, and carries out what the user asks of it: deletes and their undo,
 * restores, removing an account. The window observes it and draws; it has
 * no GTK, and its tests run without a display.
 *
 * Properties (read-only unless said):
 *   "accounts"        SalvageAccounts (construct-only; may be NULL: nothing saved)
 *   "api-url"         string (construct-only)  the server given on the command line
 *   "state"           SalvageSessionState
 *   "error"           GError (boxed)  why the last load failed, or NULL
 *   "account"         SalvageAccount  the account shown; NULL for the demo
 *   "workspace"       SalvageWorkspace  the workspace shown, or NULL
 *   "title"           string  its name, as well as it is known yet
 *   "connecting"      boolean  a key typed or picked on the welcome page is being checked
 *   "connect-error"   string  why the last such key could not be used, or NULL
 *   "default-server"  string  where a new key goes unless the user types another:
 *                     "api-url", else API_URL, else the CLI login's, else Roboflow's
 *   "cli-config"      SalvageCliConfig  the CLI's login as last read, or NULL
 *   "cli-config-error" GError (boxed)  why it could not be read, or NULL
 *   "restore-total"   uint  how many items the restore of several items
 *                     under way has (parents included); 0 when none is
 *   "restore-done"    uint  how many of them are done with so far
 *   "restore-stopping" boolean  it was asked to stop, and waits for the
 *                     requests already sent
 *
 * Signals:
 *   "message" (const char *text, const char *details)
 *       Something to tell the user in passing: an outcome, a failure.
 *       @details (may be NULL) is the whole of the reason, which can be
 *       long: a server's own words, say.
 *   "busy-changed"
 *       What salvage_session_get_busy() says of some items changed.
 *   "undo-changed" (SalvageUndoEntry *entry, const char *text, const char *details)
 *       The undo of @entry started or ended, as @text says; @details (may
 *       be NULL) is why it failed. Said in place of a "message".
 *   "key-refused" (const char *text)
 *       The server refused the key of the workspace shown: the user is
 *       asked for a new one (see salvage_session_dup_reenter_message()).
 *   "deleted" (const char *name, gboolean already_in_trash, SalvageUndoEntry *entry)
 *       A delete went through. @entry (may be NULL) can undo it while its
 *       "state" is available and it is "shown".
 *   "welcome-requested" (const char *server, const char *message)
 *       The welcome page is needed to go on, showing @server (may be NULL)
 *       and saying @message (may be NULL): a saved key is missing, say.
 */

SalvageSession      *salvage_session_new                (SalvageAccounts  *accounts,
                                                         const char       *api_url);

SalvageSessionState  salvage_session_get_state          (SalvageSession   *self);
const GError        *salvage_session_get_error          (SalvageSession   *self);
SalvageAccounts     *salvage_session_get_accounts       (SalvageSession   *self);
SalvageAccount      *salvage_session_get_account        (SalvageSession   *self);
SalvageWorkspace    *salvage_session_get_workspace      (SalvageSession   *self);
SalvageClient       *salvage_session_get_client         (SalvageSession   *self);
const char          *salvage_session_get_title          (SalvageSession   *self);
gboolean             salvage_session_get_connecting     (SalvageSession   *self);
const char          *salvage_session_get_connect_error  (SalvageSession   *self);
const char          *salvage_session_get_default_server (SalvageSession   *self);
SalvageCliConfig    *salvage_session_get_cli_config     (SalvageSession   *self);
const GError        *salvage_session_get_cli_config_error (SalvageSession *self);

/* Connecting */

/* Opens the workspace of @api_key on @base_url without saving it (the demo,
 * a test). */
void                 salvage_session_connect            (SalvageSession   *self,
                                                         const char       *base_url,
                                                         const char       *api_key);

/* Checks @api_key on @server, saves it with its account and opens its
 * workspace; "connecting" and "connect-error" say how it goes. */
void                 salvage_session_add_key            (SalvageSession   *self,
                                                         const char       *server,
                                                         const char       *api_key);

/* The same with the key of workspace @index of the CLI's login. */
void                 salvage_session_add_cli_key        (SalvageSession   *self,
                                                         guint             index,
                                                         const char       *server);

/* Reads the CLI's login again (it may have changed since). */
void                 salvage_session_load_cli_config    (SalvageSession   *self);

/* Stops checking a key from the welcome page. */
void                 salvage_session_cancel_connect     (SalvageSession   *self);

/* Opens @account (one of "accounts") with its key from the keyring. */
void                 salvage_session_open_account       (SalvageSession   *self,
                                                         SalvageAccount   *account);

/* Shows the Trash of every saved account at once ("All Workspaces"): a
 * group workspace (see salvage_workspace_new_group()) of one workspace per
 * account whose key could be read, each with its own key; "account" is
 * NULL meanwhile, and nothing can be deleted or undone. A key that cannot
 * be read is said in a "message", and its workspace left out. */
void                 salvage_session_open_all           (SalvageSession   *self);

/* Closes the workspace shown, for the welcome page. */
void                 salvage_session_close              (SalvageSession   *self);

/* Forgets @account and clears its key; when it was shown, the next one
 * opens, or none. */
void                 salvage_session_remove_account     (SalvageSession   *self,
                                                         SalvageAccount   *account);

/* What the welcome page says when the key of the workspace shown must be
 * entered again. */
char                *salvage_session_dup_reenter_message (SalvageSession  *self);

/* Loading */

/* Reloads every list of the workspace shown. */
void                 salvage_session_refresh            (SalvageSession   *self);

/* The window came back into use: the Trash is reloaded, in the background,
 * when it was last loaded longer ago than the interval (5 s unless set),
 * since items may have been deleted elsewhere meanwhile. */
void                 salvage_session_window_activated   (SalvageSession   *self);
void                 salvage_session_set_trash_refresh_interval (SalvageSession *self,
                                                                 GTimeSpan       interval);
guint                salvage_session_get_n_trash_refreshes (SalvageSession *self);

/* Changes */

/* Moves @item, called @name, to the Trash ("deleted" or "message" follows). */
void                 salvage_session_delete             (SalvageSession   *self,
                                                         gpointer          item,
                                                         const char       *name);

/* Restores @items (SalvageTrashItem, parents first, as the restore
 * confirmation planned them), but none that is busy already; a "message"
 * says how it went. Several items make a restore whose progress the
 * "restore-" properties tell; only one such restore runs at a time. */
void                 salvage_session_restore            (SalvageSession   *self,
                                                         GPtrArray        *items);

/* Stops the restore of several items under way after the requests already
 * sent: what came back stays back, the rest stays in the Trash, and the
 * lists are reloaded. */
void                 salvage_session_stop_restore       (SalvageSession   *self);

guint                salvage_session_get_restore_total    (SalvageSession *self);
guint                salvage_session_get_restore_done     (SalvageSession *self);
gboolean             salvage_session_get_restore_stopping (SalvageSession *self);

/* What is under way for @item: a SalvageTrashItem, or a SalvageProject,
 * SalvageVersion, SalvageTraining or SalvageWorkflow of the workspace
 * shown, or any other object of the same entry (a list reloaded since
 * holds new objects). An item that is busy is not deleted or restored a
 * second time: asking again does nothing. */
SalvageBusy          salvage_session_get_busy           (SalvageSession   *self,
                                                         gpointer          item);

/* Undoes the most recent delete of the workspace shown not undone yet;
 * says so when there is none. */
void                 salvage_session_undo               (SalvageSession   *self);

/* Undoes the delete of @entry, and no other. */
void                 salvage_session_undo_entry         (SalvageSession   *self,
                                                         SalvageUndoEntry *entry);

G_END_DECLS
