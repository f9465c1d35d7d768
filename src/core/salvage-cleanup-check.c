/* salvage-cleanup-check.c - the Trash of every saved workspace, checked for entries near their cleanup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-cleanup-check.h"
#include "salvage-client.h"
#include "salvage-secrets.h"
#include "salvage-trash-item.h"
#include "salvage-undo.h"

/* Reports */

struct _SalvageCleanupReport
{
  GObject         parent_instance;

  SalvageAccount *account;
  GListStore     *items;
  int             days_left;
  int             latest_days_left;
  GError         *error;
};

G_DEFINE_FINAL_TYPE (SalvageCleanupReport, salvage_cleanup_report, G_TYPE_OBJECT)

static void
salvage_cleanup_report_finalize (GObject *object)
{
  SalvageCleanupReport *self = SALVAGE_CLEANUP_REPORT (object);

  g_clear_object (&self->account);
  g_clear_object (&self->items);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (salvage_cleanup_report_parent_class)->finalize (object);
}

static void
salvage_cleanup_report_class_init (SalvageCleanupReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_cleanup_report_finalize;
}

static void
salvage_cleanup_report_init (SalvageCleanupReport *self)
{
  self->items = g_list_store_new (SALVAGE_TYPE_TRASH_ITEM);
  self->days_left = -1;
  self->latest_days_left = -1;
}

static SalvageCleanupReport *
report_new (SalvageAccount *account)
{
  SalvageCleanupReport *self = g_object_new (SALVAGE_TYPE_CLEANUP_REPORT, NULL);

  self->account = g_object_ref (account);
  return self;
}

SalvageCleanupReport *
salvage_cleanup_report_new (SalvageAccount *account,
                            GPtrArray      *items,
                            GDateTime      *now)
{
  SalvageCleanupReport *self;

  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  self = report_new (account);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      int days_left = salvage_trash_item_get_days_left (g_ptr_array_index (items, i), now);

      if (days_left < 0)
        continue;
      if (self->days_left < 0 || days_left < self->days_left)
        self->days_left = days_left;
      self->latest_days_left = MAX (self->latest_days_left, days_left);
    }

  return self;
}

SalvageAccount *
salvage_cleanup_report_get_account (SalvageCleanupReport *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (self), NULL);

  return self->account;
}

GListModel *
salvage_cleanup_report_get_items (SalvageCleanupReport *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (self), NULL);

  return G_LIST_MODEL (self->items);
}

int
salvage_cleanup_report_get_days_left (SalvageCleanupReport *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (self), -1);

  return self->days_left;
}

int
salvage_cleanup_report_get_latest_days_left (SalvageCleanupReport *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (self), -1);

  return self->latest_days_left;
}

const GError *
salvage_cleanup_report_get_error (SalvageCleanupReport *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_REPORT (self), NULL);

  return self->error;
}

/* The check */

struct _SalvageCleanupCheck
{
  GObject               parent_instance;

  SalvageCleanupLedger *ledger;
  GNetworkMonitor      *monitor;
};

G_DEFINE_FINAL_TYPE (SalvageCleanupCheck, salvage_cleanup_check, G_TYPE_OBJECT)

static void
salvage_cleanup_check_dispose (GObject *object)
{
  SalvageCleanupCheck *self = SALVAGE_CLEANUP_CHECK (object);

  g_clear_object (&self->ledger);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (salvage_cleanup_check_parent_class)->dispose (object);
}

static void
salvage_cleanup_check_class_init (SalvageCleanupCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = salvage_cleanup_check_dispose;
}

static void
salvage_cleanup_check_init (SalvageCleanupCheck *self)
{
}

SalvageCleanupCheck *
salvage_cleanup_check_new (SalvageCleanupLedger *ledger,
                           GNetworkMonitor      *monitor)
{
  SalvageCleanupCheck *self;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (ledger), NULL);
  g_return_val_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor), NULL);

  self = g_object_new (SALVAGE_TYPE_CLEANUP_CHECK, NULL);
  self->ledger = g_object_ref (ledger);
  self->monitor = g_object_ref (monitor != NULL ? monitor : g_network_monitor_get_default ());
  return self;
}

typedef struct
{
  GPtrArray     *accounts;  /* of SalvageAccount */
  guint          next;
  int            threshold_days;
  GDateTime     *now;
  SalvageClient *client;    /* of the workspace being checked */
  GPtrArray     *reports;
} Run;

static void
run_free (gpointer data)
{
  Run *run = data;

  g_ptr_array_unref (run->accounts);
  g_date_time_unref (run->now);
  g_clear_object (&run->client);
  g_ptr_array_unref (run->reports);
  g_free (run);
}

static void check_next (GTask *task);

static SalvageAccount *
current_account (Run *run)
{
  return g_ptr_array_index (run->accounts, run->next - 1);
}

static void
add_error_report (Run          *run,
                  const GError *error)
{
  SalvageCleanupReport *report = report_new (current_account (run));

  report->error = g_error_copy (error);
  g_ptr_array_add (run->reports, report);
}

static void
trash_cb (GObject      *source_object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SalvageCleanupCheck *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  SalvageAccount *account = current_account (run);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GListStore) trash = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace_key = NULL;

  items = salvage_client_list_trash_finish (SALVAGE_CLIENT (source_object), result, &error);
  g_clear_object (&run->client);
  if (items == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      add_error_report (run, error);
      check_next (g_steal_pointer (&task));
      return;
    }

  trash = g_list_store_new (SALVAGE_TYPE_TRASH_ITEM);
  g_list_store_splice (trash, 0, 0, items->pdata, items->len);

  workspace_key = salvage_undo_stack_dup_key (salvage_account_get_server (account),
                                              salvage_account_get_workspace (account));
  due = salvage_cleanup_ledger_review (self->ledger, workspace_key, G_LIST_MODEL (trash),
                                       run->now, run->threshold_days);
  if (due->len > 0)
    g_ptr_array_add (run->reports, salvage_cleanup_report_new (account, due, run->now));

  check_next (g_steal_pointer (&task));
}

static void
key_cb (GObject      *source_object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Run *run = g_task_get_task_data (task);
  SalvageAccount *account = current_account (run);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;
  char *api_key;

  api_key = salvage_secrets_lookup_quietly_finish (result, &error);
  if (api_key == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* Skipped, never prompted for: the window says so once. */
      add_error_report (run, error);
      check_next (g_steal_pointer (&task));
      return;
    }

  run->client = salvage_client_new (salvage_account_get_server (account), api_key, &error);
  salvage_secrets_free (api_key);
  if (run->client == NULL)
    {
      add_error_report (run, error);
      check_next (g_steal_pointer (&task));
      return;
    }

  salvage_client_set_workspace (run->client, salvage_account_get_workspace (account));
  cancellable = g_task_get_cancellable (task);
  salvage_client_list_trash_async (run->client, cancellable, trash_cb, g_steal_pointer (&task));
}

static void
check_next (GTask *task)
{
  SalvageCleanupCheck *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  SalvageAccount *account;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (run->next == run->accounts->len)
    {
      g_autoptr(GError) error = NULL;

      /* Not saving means warning again next time, never less: the reports
       * still go out. */
      if (!salvage_cleanup_ledger_save (self->ledger, &error))
        g_message ("Could not keep which entries were warned about: %s", error->message);

      g_task_return_pointer (task, g_ptr_array_ref (run->reports), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }

  account = g_ptr_array_index (run->accounts, run->next++);
  salvage_secrets_lookup_quietly_async (salvage_account_get_server (account),
                                        salvage_account_get_workspace (account),
                                        g_task_get_cancellable (task), key_cb, task);
}

void
salvage_cleanup_check_run_async (SalvageCleanupCheck *self,
                                 GListModel          *accounts,
                                 int                  threshold_days,
                                 GDateTime           *now,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Run *run;
  guint n_accounts;

  g_return_if_fail (SALVAGE_IS_CLEANUP_CHECK (self));
  g_return_if_fail (G_IS_LIST_MODEL (accounts));
  g_return_if_fail (threshold_days >= 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_cleanup_check_run_async);

  if (!g_network_monitor_get_network_available (self->monitor))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE,
                               _("The network is not available"));
      return;
    }

  run = g_new0 (Run, 1);
  run->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  n_accounts = g_list_model_get_n_items (accounts);
  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(GObject) account = g_list_model_get_item (accounts, i);

      if (SALVAGE_IS_ACCOUNT (account))
        g_ptr_array_add (run->accounts, g_steal_pointer (&account));
    }
  run->threshold_days = threshold_days;
  run->now = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  run->reports = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, run, run_free);

  check_next (g_steal_pointer (&task));
}

GPtrArray *
salvage_cleanup_check_run_finish (SalvageCleanupCheck  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_CHECK (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_cleanup_check_run_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
