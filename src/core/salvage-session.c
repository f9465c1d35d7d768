/* salvage-session.c - the workspace shown, and all that is done to it besides drawing
 *
 * Two kinds of work run side by side, each with its own cancellable: the
 * workspace shown (loading it, deleting, restoring), and the welcome page
 * (checking a new key, reading the CLI's login, looking up a saved key),
 * which goes on while another workspace is still shown. A newer request of
 * a kind cancels the older one, so that nothing lands on a workspace that
 * is no longer shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-secrets.h"
#include "salvage-session-private.h"

/* Coming back to the window reloads the Trash, but not more often than
 * this: switching windows quickly should not flood the server. */
#define TRASH_REFRESH_INTERVAL (5 * G_TIME_SPAN_SECOND)

G_DEFINE_FINAL_TYPE (SalvageSession, salvage_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SalvageSessionState, salvage_session_state,
  G_DEFINE_ENUM_VALUE (SALVAGE_SESSION_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SALVAGE_SESSION_LOADING, "loading"),
  G_DEFINE_ENUM_VALUE (SALVAGE_SESSION_READY, "ready"),
  G_DEFINE_ENUM_VALUE (SALVAGE_SESSION_FAILED, "failed"))

enum {
  PROP_0,
  PROP_ACCOUNTS,
  PROP_API_URL,
  PROP_STATE,
  PROP_ERROR,
  PROP_ACCOUNT,
  PROP_WORKSPACE,
  PROP_TITLE,
  PROP_CONNECTING,
  PROP_CONNECT_ERROR,
  PROP_DEFAULT_SERVER,
  PROP_CLI_CONFIG,
  PROP_CLI_CONFIG_ERROR,
  PROP_RESTORE_TOTAL,
  PROP_RESTORE_DONE,
  PROP_RESTORE_STOPPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MESSAGE,
  KEY_REFUSED,
  DELETED,
  WELCOME_REQUESTED,
  BUSY_CHANGED,
  UNDO_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* State */

void
_salvage_session_say (SalvageSession *self,
                      const char     *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text, NULL);
}

void
_salvage_session_say_failure (SalvageSession *self,
                              const char     *text,
                              const char     *details)
{
  g_signal_emit (self, signals[MESSAGE], 0, text, details);
}

void
_salvage_session_emit_undo_changed (SalvageSession   *self,
                                    SalvageUndoEntry *entry,
                                    const char       *text,
                                    const char       *details)
{
  g_signal_emit (self, signals[UNDO_CHANGED], 0, entry, text, details);
}

void
_salvage_session_set_restore_progress (SalvageSession *self,
                                       guint           total,
                                       guint           done,
                                       gboolean        stopping)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->restore_total != total)
    {
      self->restore_total = total;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORE_TOTAL]);
    }

  if (self->restore_done != done)
    {
      self->restore_done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORE_DONE]);
    }

  if (self->restore_stopping != !!stopping)
    {
      self->restore_stopping = !!stopping;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESTORE_STOPPING]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
_salvage_session_set_state (SalvageSession      *self,
                            SalvageSessionState  state,
                            const GError        *error)
{
  gboolean error_changed = self->error != error &&
                           (self->error == NULL || error == NULL ||
                            !g_error_matches (self->error, error->domain, error->code) ||
                            g_strcmp0 (self->error->message, error->message) != 0);

  if (error_changed)
    {
      g_clear_error (&self->error);
      self->error = error != NULL ? g_error_copy (error) : NULL;
    }

  /* The error first: who hears of the state reads it. */
  if (error_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* The title: the workspace's name from the server, else the account's,
 * else the slug the key belongs to. */
static void
update_title (SalvageSession *self)
{
  const char *title = NULL;

  if (self->workspace != NULL)
    title = salvage_workspace_get_name (self->workspace);
  if (title == NULL && self->account != NULL)
    title = salvage_account_get_name (self->account);
  if (title == NULL && self->client != NULL)
    title = salvage_client_get_workspace (self->client);

  if (g_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
workspace_name_changed_cb (SalvageSession *self)
{
  const char *name = salvage_workspace_get_name (self->workspace);

  /* The switcher lists workspaces by the name they have now. */
  if (self->account != NULL && self->accounts != NULL && name != NULL)
    salvage_accounts_rename (self->accounts, self->account, name);

  update_title (self);
}

char *
_salvage_session_dup_undo_key (SalvageClient *client)
{
  if (client == NULL)
    return NULL;

  return salvage_undo_stack_dup_key (salvage_client_get_base_url (client),
                                     salvage_client_get_workspace (client));
}

static void
set_workspace (SalvageSession   *self,
               SalvageWorkspace *workspace)
{
  g_autofree char *undo_key = NULL;

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_func (salvage_workspace_get_trash (self->workspace),
                                            _salvage_session_trash_changed, self);
      g_signal_handlers_disconnect_by_func (self->workspace, workspace_name_changed_cb, self);
    }

  g_set_object (&self->workspace, workspace);
  self->trash_refreshing = FALSE;

  /* What was under way belonged to the workspace shown before. */
  _salvage_session_clear_busy (self);
  self->batch = NULL;
  g_clear_object (&self->restore_stop);
  _salvage_session_set_restore_progress (self, 0, 0, FALSE);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (salvage_workspace_get_trash (workspace), "items-changed",
                                G_CALLBACK (_salvage_session_trash_changed), self);
      g_signal_connect_swapped (workspace, "notify::name",
                                G_CALLBACK (workspace_name_changed_cb), self);
      undo_key = _salvage_session_dup_undo_key (salvage_workspace_get_client (workspace));
    }

  /* A delete is undone in the workspace it was done in, or not at all. */
  salvage_undo_stack_set_shown (self->undo, undo_key);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
  update_title (self);
}

void
_salvage_session_set_account (SalvageSession *self,
                              SalvageAccount *account)
{
  if (!g_set_object (&self->account, account))
    return;

  if (account != NULL && self->accounts != NULL)
    salvage_accounts_set_active (self->accounts, account);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
  update_title (self);
}

/* Ends what was going on in the workspace shown. */
static void
restart_work (SalvageSession *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

void
_salvage_session_set_connecting (SalvageSession *self,
                                 gboolean        connecting,
                                 const char     *error)
{
  if (self->connecting != !!connecting)
    {
      self->connecting = !!connecting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTING]);
    }

  if (g_set_str (&self->connect_error, error))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECT_ERROR]);
}

/* Ends what was going on for the welcome page. */
void
_salvage_session_restart_welcome_work (SalvageSession *self)
{
  g_cancellable_cancel (self->welcome_cancellable);
  g_clear_object (&self->welcome_cancellable);
  self->welcome_cancellable = g_cancellable_new ();
  g_clear_object (&self->pending_client);
  g_clear_pointer (&self->pending_key, salvage_secrets_free);
  _salvage_session_set_connecting (self, FALSE, NULL);
}

/* Loading */

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  SalvageWorkspace *workspace = SALVAGE_WORKSPACE (object);
  gboolean had_items;
  g_autoptr(GError) error = NULL;

  if (salvage_workspace_refresh_finish (workspace, result, &error))
    {
      _salvage_session_set_state (self, SALVAGE_SESSION_READY, NULL);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || workspace != self->workspace)
    return;

  had_items = g_list_model_get_n_items (salvage_workspace_get_projects (workspace)) > 0 ||
              g_list_model_get_n_items (salvage_workspace_get_workflows (workspace)) > 0 ||
              g_list_model_get_n_items (salvage_workspace_get_trash (workspace)) > 0;
  if (salvage_workspace_is_group (workspace))
    {
      /* One workspace failing leaves the others shown, and is said; a
       * key refused is that workspace's, to enter again once it is shown
       * alone. With nothing shown, the page says why itself. */
      if (had_items)
        {
          _salvage_session_set_state (self, SALVAGE_SESSION_READY, NULL);
          _salvage_session_say_failure (self, _("Could not load the Trash of every workspace"),
                                        error->message);
        }
      else
        {
          _salvage_session_set_state (self, SALVAGE_SESSION_FAILED, error);
        }
      return;
    }

  _salvage_session_set_state (self, SALVAGE_SESSION_FAILED, error);

  if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
    g_signal_emit (self, signals[KEY_REFUSED], 0, error->message);
  /* Pages that still show their lists would hide the failure. */
  else if (had_items)
    _salvage_session_say_failure (self, _("Could not reload the workspace"), error->message);
}

static void validate (SalvageSession *self);

static void
start_refresh (SalvageSession *self)
{
  self->trash_loaded_at = g_get_monotonic_time ();
  _salvage_session_set_state (self, SALVAGE_SESSION_LOADING, NULL);
  salvage_workspace_refresh_async (self->workspace, self->cancellable,
                                   refresh_cb, g_object_ref (self));
}

void
salvage_session_refresh (SalvageSession *self)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));

  if (self->state == SALVAGE_SESSION_LOADING)
    return;

  /* The key was never accepted (the server could not be reached, _salvage_session_say):
   * ask again whose it is. */
  if (self->workspace == NULL)
    {
      if (self->client != NULL)
        validate (self);
      return;
    }

  start_refresh (self);
}

static void
refresh_trash_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  g_autoptr(GError) error = NULL;

  /* A failed reload in the background keeps the Trash as it was; the next
   * Refresh reports errors. Telling it on every return to the window
   * would only nag. */
  if (!salvage_workspace_refresh_trash_finish (SALVAGE_WORKSPACE (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not reload the Trash: %s", error->message);

  if (SALVAGE_WORKSPACE (object) == self->workspace)
    self->trash_refreshing = FALSE;
}

void
salvage_session_window_activated (SalvageSession *self)
{
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (SALVAGE_IS_SESSION (self));

  if (self->workspace == NULL ||
      self->state == SALVAGE_SESSION_LOADING ||
      self->trash_refreshing ||
      now - self->trash_loaded_at < self->trash_refresh_interval)
    return;

  self->trash_loaded_at = now;
  self->trash_refreshing = TRUE;
  self->n_trash_refreshes++;

  salvage_workspace_refresh_trash_async (self->workspace, self->cancellable,
                                         refresh_trash_cb, g_object_ref (self));
}

void
salvage_session_set_trash_refresh_interval (SalvageSession *self,
                                            GTimeSpan       interval)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (interval >= 0);

  self->trash_refresh_interval = interval;
}

guint
salvage_session_get_n_trash_refreshes (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), 0);

  return self->n_trash_refreshes;
}

/* Shows @client's workspace in place of the one shown. */
void
_salvage_session_open_client (SalvageSession *self,
                              SalvageClient  *client,
                              SalvageAccount *account)
{
  g_autoptr(SalvageWorkspace) workspace = NULL;

  restart_work (self);
  set_workspace (self, NULL);
  g_set_object (&self->client, client);
  _salvage_session_set_account (self, account);
  _salvage_session_set_state (self, SALVAGE_SESSION_IDLE, NULL);

  workspace = salvage_workspace_new (client);
  set_workspace (self, workspace);
  salvage_session_refresh (self);
}

/* Shows @group (the Trash of several workspaces) in place of the
 * workspace shown. */
void
_salvage_session_open_group (SalvageSession   *self,
                             SalvageWorkspace *group)
{
  restart_work (self);
  set_workspace (self, NULL);
  g_clear_object (&self->client);
  _salvage_session_set_account (self, NULL);

  /* Never idle on the way: with no account and no client, that would be
   * the welcome page's state. */
  set_workspace (self, group);
  start_refresh (self);
}

/* Connecting */

static void
connect_validated_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SalvageSession) self = user_data;
  SalvageClient *client = SALVAGE_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *slug = NULL;

  slug = salvage_client_validate_key_finish (client, result, &error);

  /* Cancelled, or replaced by a later connect. */
  if (client != self->client || self->workspace != NULL)
    return;

  if (slug == NULL)
    {
      _salvage_session_set_state (self, SALVAGE_SESSION_FAILED, error);
      if (g_error_matches (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_KEY))
        g_signal_emit (self, signals[KEY_REFUSED], 0, error->message);
      return;
    }

  g_object_ref (client);
  _salvage_session_open_client (self, client, NULL);
  g_object_unref (client);
}

void
salvage_session_connect (SalvageSession *self,
                         const char     *base_url,
                         const char     *api_key)
{
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALVAGE_IS_SESSION (self));
  g_return_if_fail (api_key != NULL);

  _salvage_session_restart_welcome_work (self);
  restart_work (self);
  set_workspace (self, NULL);
  _salvage_session_set_account (self, NULL);
  g_clear_object (&self->client);

  client = salvage_client_new (base_url, api_key, &error);
  if (client == NULL)
    {
      _salvage_session_set_state (self, SALVAGE_SESSION_FAILED, error);
      return;
    }

  /* Not shown until the server has said whose key it is. */
  self->client = g_steal_pointer (&client);
  update_title (self);
  validate (self);
}

static void
validate (SalvageSession *self)
{
  _salvage_session_set_state (self, SALVAGE_SESSION_LOADING, NULL);
  salvage_client_validate_key_async (self->client, self->cancellable,
                                     connect_validated_cb, g_object_ref (self));
}

void
salvage_session_close (SalvageSession *self)
{
  g_return_if_fail (SALVAGE_IS_SESSION (self));

  restart_work (self);
  set_workspace (self, NULL);
  g_clear_object (&self->client);
  _salvage_session_set_account (self, NULL);
  _salvage_session_set_state (self, SALVAGE_SESSION_IDLE, NULL);
  update_title (self);
}

void
_salvage_session_set_cli_config (SalvageSession   *self,
                                 SalvageCliConfig *config,
                                 GError           *error)
{
  g_clear_error (&self->cli_config_error);
  self->cli_config_error = error;
  g_set_object (&self->cli_config, config);

  /* The login's server counts only once it is known. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEFAULT_SERVER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLI_CONFIG_ERROR]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLI_CONFIG]);
}

void
_salvage_session_request_welcome (SalvageSession *self,
                                  const char     *server,
                                  const char     *message)
{
  g_signal_emit (self, signals[WELCOME_REQUESTED], 0, server, message);
}

void
_salvage_session_emit_deleted (SalvageSession   *self,
                               const char       *name,
                               gboolean          already_in_trash,
                               SalvageUndoEntry *entry)
{
  g_signal_emit (self, signals[DELETED], 0, name, already_in_trash, entry);
}

/* GObject */

static void
salvage_session_dispose (GObject *object)
{
  SalvageSession *self = SALVAGE_SESSION (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->welcome_cancellable);
  g_clear_handle_id (&self->undo_check_id, g_source_remove);
  if (self->workspace != NULL)
    set_workspace (self, NULL);

  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_object (&self->pending_client);
  g_clear_object (&self->cli_config);
  g_clear_object (&self->accounts);
  g_clear_object (&self->undo);
  g_clear_object (&self->restore_stop);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->welcome_cancellable);

  G_OBJECT_CLASS (salvage_session_parent_class)->dispose (object);
}

static void
salvage_session_finalize (GObject *object)
{
  SalvageSession *self = SALVAGE_SESSION (object);

  g_clear_pointer (&self->api_url, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->connect_error, g_free);
  g_clear_pointer (&self->pending_key, salvage_secrets_free);
  g_clear_error (&self->error);
  g_clear_error (&self->cli_config_error);
  g_clear_pointer (&self->busy, g_hash_table_unref);

  G_OBJECT_CLASS (salvage_session_parent_class)->finalize (object);
}

static void
salvage_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalvageSession *self = SALVAGE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      g_value_set_object (value, self->accounts);
      break;
    case PROP_API_URL:
      g_value_set_string (value, self->api_url);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_CONNECTING:
      g_value_set_boolean (value, self->connecting);
      break;
    case PROP_CONNECT_ERROR:
      g_value_set_string (value, self->connect_error);
      break;
    case PROP_DEFAULT_SERVER:
      g_value_set_string (value, salvage_session_get_default_server (self));
      break;
    case PROP_CLI_CONFIG:
      g_value_set_object (value, self->cli_config);
      break;
    case PROP_CLI_CONFIG_ERROR:
      g_value_set_boxed (value, self->cli_config_error);
      break;
    case PROP_RESTORE_TOTAL:
      g_value_set_uint (value, self->restore_total);
      break;
    case PROP_RESTORE_DONE:
      g_value_set_uint (value, self->restore_done);
      break;
    case PROP_RESTORE_STOPPING:
      g_value_set_boolean (value, self->restore_stopping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalvageSession *self = SALVAGE_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNTS:
      self->accounts = g_value_dup_object (value);
      break;
    case PROP_API_URL:
      self->api_url = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_session_class_init (SalvageSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_session_dispose;
  object_class->finalize = salvage_session_finalize;
  object_class->get_property = salvage_session_get_property;
  object_class->set_property = salvage_session_set_property;

  properties[PROP_ACCOUNTS] =
    g_param_spec_object ("accounts", NULL, NULL, SALVAGE_TYPE_ACCOUNTS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_API_URL] =
    g_param_spec_string ("api-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SALVAGE_TYPE_SESSION_STATE, SALVAGE_SESSION_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, SALVAGE_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SALVAGE_TYPE_WORKSPACE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECTING] =
    g_param_spec_boolean ("connecting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONNECT_ERROR] =
    g_param_spec_string ("connect-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEFAULT_SERVER] =
    g_param_spec_string ("default-server", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLI_CONFIG] =
    g_param_spec_object ("cli-config", NULL, NULL, SALVAGE_TYPE_CLI_CONFIG,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLI_CONFIG_ERROR] =
    g_param_spec_boxed ("cli-config-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESTORE_TOTAL] =
    g_param_spec_uint ("restore-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESTORE_DONE] =
    g_param_spec_uint ("restore-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RESTORE_STOPPING] =
    g_param_spec_boolean ("restore-stopping", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[KEY_REFUSED] =
    g_signal_new ("key-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_BOOLEAN, SALVAGE_TYPE_UNDO_ENTRY);
  signals[WELCOME_REQUESTED] =
    g_signal_new ("welcome-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[BUSY_CHANGED] =
    g_signal_new ("busy-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[UNDO_CHANGED] =
    g_signal_new ("undo-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  SALVAGE_TYPE_UNDO_ENTRY, G_TYPE_STRING, G_TYPE_STRING);
}

static void
salvage_session_init (SalvageSession *self)
{
  self->cancellable = g_cancellable_new ();
  self->welcome_cancellable = g_cancellable_new ();
  self->trash_refresh_interval = TRASH_REFRESH_INTERVAL;
  self->undo = salvage_undo_stack_new ();
  self->busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SalvageSession *
salvage_session_new (SalvageAccounts *accounts,
                     const char      *api_url)
{
  g_return_val_if_fail (accounts == NULL || SALVAGE_IS_ACCOUNTS (accounts), NULL);

  return g_object_new (SALVAGE_TYPE_SESSION,
                       "accounts", accounts,
                       "api-url", api_url,
                       NULL);
}

SalvageSessionState
salvage_session_get_state (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), SALVAGE_SESSION_IDLE);

  return self->state;
}

const GError *
salvage_session_get_error (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->error;
}

SalvageAccounts *
salvage_session_get_accounts (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->accounts;
}

SalvageAccount *
salvage_session_get_account (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->account;
}

SalvageWorkspace *
salvage_session_get_workspace (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->workspace;
}

SalvageClient *
salvage_session_get_client (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->client;
}

const char *
salvage_session_get_title (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->title;
}

gboolean
salvage_session_get_connecting (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), FALSE);

  return self->connecting;
}

const char *
salvage_session_get_connect_error (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->connect_error;
}

/* --api-url, else API_URL from the environment, else the CLI login's
 * "API_URL", else Roboflow's own (the CLI login already ranks the last
 * three). */
const char *
salvage_session_get_default_server (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  if (self->api_url != NULL)
    return self->api_url;

  if (self->cli_config != NULL)
    return salvage_cli_config_get_api_url (self->cli_config);

  return salvage_client_default_base_url ();
}

SalvageCliConfig *
salvage_session_get_cli_config (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->cli_config;
}

const GError *
salvage_session_get_cli_config_error (SalvageSession *self)
{
  g_return_val_if_fail (SALVAGE_IS_SESSION (self), NULL);

  return self->cli_config_error;
}
