/* salvage-cleanup-watch.c - the checks for entries near their cleanup, now and every few hours, and their notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-cleanup-check.h"
#include "salvage-cleanup-notice.h"
#include "salvage-cleanup-watch.h"
#include "salvage-secrets.h"
#include "salvage-undo.h"

/* The threshold without settings: the schema's default. */
#define DEFAULT_WARNING_DAYS 3

struct _SalvageCleanupWatch
{
  GObject              parent_instance;

  GApplication        *application;  /* not owned (it owns us), but kept
                                        during a check */
  SalvageAccounts     *accounts;
  GSettings           *settings;
  GNetworkMonitor     *monitor;
  SalvageCleanupCheck *check;

  GCancellable        *cancellable;  /* of the check under way, or NULL */
  guint                timer_id;
  gulong               network_id;
  gboolean             waiting_for_network;

  /* Workspaces whose key the last check could not read without a prompt:
   * workspace key → its name; and those a window was told about. */
  GHashTable          *skipped;
  GHashTable          *told;
};

G_DEFINE_FINAL_TYPE (SalvageCleanupWatch, salvage_cleanup_watch, G_TYPE_OBJECT)

enum {
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
salvage_cleanup_watch_dispose (GObject *object)
{
  SalvageCleanupWatch *self = SALVAGE_CLEANUP_WATCH (object);

  salvage_cleanup_watch_stop (self);
  g_clear_signal_handler (&self->network_id, self->monitor);
  g_clear_object (&self->accounts);
  g_clear_object (&self->settings);
  g_clear_object (&self->monitor);
  g_clear_object (&self->check);
  g_clear_pointer (&self->skipped, g_hash_table_unref);
  g_clear_pointer (&self->told, g_hash_table_unref);

  G_OBJECT_CLASS (salvage_cleanup_watch_parent_class)->dispose (object);
}

static void
salvage_cleanup_watch_class_init (SalvageCleanupWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = salvage_cleanup_watch_dispose;

  signals[CHECKED] =
    g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_POINTER);
}

static void
salvage_cleanup_watch_init (SalvageCleanupWatch *self)
{
  self->skipped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* A check that found the network down runs once it is up. */
static void
network_changed_cb (GNetworkMonitor     *monitor,
                    gboolean             available,
                    SalvageCleanupWatch *self)
{
  if (available && self->waiting_for_network)
    salvage_cleanup_watch_check (self);
}

SalvageCleanupWatch *
salvage_cleanup_watch_new (GApplication         *application,
                           SalvageAccounts      *accounts,
                           GSettings            *settings,
                           SalvageCleanupLedger *ledger,
                           GNetworkMonitor      *monitor)
{
  SalvageCleanupWatch *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (SALVAGE_IS_ACCOUNTS (accounts), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (ledger), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (SALVAGE_TYPE_CLEANUP_WATCH, NULL);
  self->application = application;
  self->accounts = g_object_ref (accounts);
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  self->monitor = g_object_ref (monitor != NULL ? monitor : g_network_monitor_get_default ());
  self->check = salvage_cleanup_check_new (ledger, self->monitor);
  self->network_id = g_signal_connect (self->monitor, "network-changed",
                                       G_CALLBACK (network_changed_cb), self);

  return self;
}

static void
checked_cb (GObject      *source_object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(SalvageCleanupWatch) self = user_data;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  guint n_notified = 0;

  reports = salvage_cleanup_check_run_finish (SALVAGE_CLEANUP_CHECK (source_object), result, &error);

  /* Held, and kept, since the check began. */
  g_application_release (self->application);
  g_object_unref (self->application);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  self->waiting_for_network = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE);

  /* Offline, nothing was learnt about the keys. */
  if (reports != NULL)
    g_hash_table_remove_all (self->skipped);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      SalvageCleanupReport *report = g_ptr_array_index (reports, i);
      SalvageAccount *account = salvage_cleanup_report_get_account (report);
      const GError *skipped = salvage_cleanup_report_get_error (report);

      if (skipped != NULL)
        {
          g_debug ("The Trash of “%s” was not checked: %s",
                   salvage_account_get_workspace (account), skipped->message);
          /* A key that cannot be read without a prompt is said, once, in
           * a window; the server's errors come and go. */
          if (skipped->domain == SALVAGE_SECRETS_ERROR)
            g_hash_table_replace (self->skipped,
                                  salvage_undo_stack_dup_key (salvage_account_get_server (account),
                                                              salvage_account_get_workspace (account)),
                                  g_strdup (salvage_account_get_name (account)));
          continue;
        }

      {
        g_autoptr(GNotification) notification = salvage_cleanup_notice_new (report);
        g_autofree char *id = salvage_cleanup_notice_dup_id (account);

        g_application_send_notification (self->application, id, notification);
        n_notified++;
      }
    }

  /* Readable again: a later failure is said again. */
  if (reports != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->told);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (self->skipped, key))
          g_hash_table_iter_remove (&iter);
    }

  g_signal_emit (self, signals[CHECKED], 0, n_notified, error);
}

gboolean
salvage_cleanup_watch_take_skipped (SalvageCleanupWatch  *self,
                                    char                **title,
                                    char                **details)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  gpointer name;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_WATCH (self), FALSE);
  g_return_val_if_fail (title != NULL && details != NULL, FALSE);

  g_hash_table_iter_init (&iter, self->skipped);
  while (g_hash_table_iter_next (&iter, &key, &name))
    {
      if (g_hash_table_contains (self->told, key))
        continue;
      g_hash_table_add (self->told, g_strdup (key));
      g_ptr_array_add (names, name);
    }

  if (names->len == 0)
    return FALSE;

  if (names->len == 1)
    {
      /* Translators: a short toast; %s names a workspace */
      *title = g_strdup_printf (_("“%s” was not checked before the cleanup"),
                                (const char *) g_ptr_array_index (names, 0));
      *details = g_strdup (_("Its API key could not be read without unlocking the keyring, so Salvage could not warn before its items are deleted for good. Unlocking the keyring, or opening the workspace, lets the next check see it."));
      return TRUE;
    }

  /* Translators: a short toast; %u counts workspaces (2 or more) */
  *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u workspace was not checked before the cleanup",
                                         "%u workspaces were not checked before the cleanup",
                                         names->len),
                            names->len);
  *details = g_strdup (_("Their API keys could not be read without unlocking the keyring, so Salvage could not warn before their items are deleted for good. Unlocking the keyring, or opening the workspaces, lets the next check see them."));
  return TRUE;
}

void
salvage_cleanup_watch_check (SalvageCleanupWatch *self)
{
  int threshold = DEFAULT_WARNING_DAYS;

  g_return_if_fail (SALVAGE_IS_CLEANUP_WATCH (self));

  if (self->cancellable != NULL)
    return;

  if (self->settings != NULL)
    threshold = g_settings_get_int (self->settings, "cleanup-warning-days");

  /* Started by D-Bus activation, the application would otherwise quit
   * in the middle of a long check. */
  g_object_ref (self->application);
  g_application_hold (self->application);

  self->waiting_for_network = FALSE;
  self->cancellable = g_cancellable_new ();
  salvage_cleanup_check_run_async (self->check,
                                   salvage_accounts_get_model (self->accounts),
                                   threshold, NULL, self->cancellable,
                                   checked_cb, g_object_ref (self));
}

static gboolean
timer_cb (gpointer user_data)
{
  salvage_cleanup_watch_check (SALVAGE_CLEANUP_WATCH (user_data));

  return G_SOURCE_CONTINUE;
}

void
salvage_cleanup_watch_start (SalvageCleanupWatch *self)
{
  g_return_if_fail (SALVAGE_IS_CLEANUP_WATCH (self));

  if (self->timer_id == 0)
    self->timer_id = g_timeout_add_seconds (SALVAGE_CLEANUP_CHECK_HOURS * 60 * 60, timer_cb, self);

  salvage_cleanup_watch_check (self);
}

void
salvage_cleanup_watch_stop (SalvageCleanupWatch *self)
{
  g_return_if_fail (SALVAGE_IS_CLEANUP_WATCH (self));

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->waiting_for_network = FALSE;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
}
