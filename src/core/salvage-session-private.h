/* salvage-session-private.h - what the session's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-session.h"

G_BEGIN_DECLS

struct _SalvageSession
{
  GObject              parent_instance;

  SalvageAccounts     *accounts;
  char                *api_url;

  SalvageSessionState  state;
  GError              *error;
  SalvageAccount      *account;
  SalvageClient       *client;
  SalvageWorkspace    *workspace;
  char                *title;
  GCancellable        *cancellable;

  /* The welcome page's work: a key being checked, the CLI's login. */
  GCancellable        *welcome_cancellable;
  SalvageClient       *pending_client;
  char                *pending_key;
  gboolean             connecting;
  char                *connect_error;
  SalvageCliConfig    *cli_config;
  GError              *cli_config_error;

  gint64               trash_loaded_at;
  GTimeSpan            trash_refresh_interval;
  gboolean             trash_refreshing;
  guint                n_trash_refreshes;

  SalvageUndoStack    *undo;
  guint                undo_check_id;

  /* Key of each item with a request under way → SalvageBusy. */
  GHashTable          *busy;
  /* The restore of several items under way, or NULL. */
  gpointer             batch;
  guint                restore_total;
  guint                restore_done;
  gboolean             restore_stopping;
  GCancellable        *restore_stop;
};

/* salvage-session.c */
void  _salvage_session_say                  (SalvageSession      *self,
                                             const char          *text);
void  _salvage_session_say_failure          (SalvageSession      *self,
                                             const char          *text,
                                             const char          *details);
void  _salvage_session_set_state            (SalvageSession      *self,
                                             SalvageSessionState  state,
                                             const GError        *error);
void  _salvage_session_set_account          (SalvageSession      *self,
                                             SalvageAccount      *account);
void  _salvage_session_set_connecting       (SalvageSession      *self,
                                             gboolean             connecting,
                                             const char          *error);
void  _salvage_session_restart_welcome_work (SalvageSession      *self);
void  _salvage_session_open_client          (SalvageSession      *self,
                                             SalvageClient       *client,
                                             SalvageAccount      *account);
void  _salvage_session_open_group           (SalvageSession      *self,
                                             SalvageWorkspace    *group);
void  _salvage_session_set_cli_config       (SalvageSession      *self,
                                             SalvageCliConfig    *config,
                                             GError              *error);
void  _salvage_session_request_welcome      (SalvageSession      *self,
                                             const char          *server,
                                             const char          *message);
void  _salvage_session_emit_deleted         (SalvageSession      *self,
                                             const char          *name,
                                             gboolean             already_in_trash,
                                             SalvageUndoEntry    *entry);
char *_salvage_session_dup_undo_key         (SalvageClient       *client);

void  _salvage_session_emit_undo_changed    (SalvageSession      *self,
                                             SalvageUndoEntry    *entry,
                                             const char          *text,
                                             const char          *details);
void  _salvage_session_set_restore_progress (SalvageSession      *self,
                                             guint                total,
                                             guint                done,
                                             gboolean             stopping);

/* salvage-session-changes.c */
void  _salvage_session_trash_changed        (SalvageSession      *self);

/* salvage-session-busy.c */
void  _salvage_session_set_busy             (SalvageSession      *self,
                                             gpointer             item,
                                             SalvageBusy          busy);
void  _salvage_session_set_busy_many        (SalvageSession      *self,
                                             GPtrArray           *items,
                                             SalvageBusy          busy);
void  _salvage_session_clear_busy           (SalvageSession      *self);

G_END_DECLS
