/* test-format.c - numbers and dates as the user's locale writes them
 *
 * Each check runs in C.UTF-8, en_US.UTF-8 and de_DE.UTF-8, set inside the
 * test (Debian's locales-all provides them). The time zone is UTC, so that
 * a date is the same day wherever the test runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "salvage-cleanup-notice.h"
#include "salvage-format.h"

typedef struct
{
  const char *locale;
  const char *count;      /* 10522 */
  const char *date;       /* 27 November 2026 */
  const char *days_ago;   /* 1234 days */
} Expected;

static const Expected expected[] = {
  { "C.UTF-8", "10522", "2026-11-27", "1234 days ago" },
  { "en_US.UTF-8", "10,522", "11/27/2026", "1,234 days ago" },
  { "de_DE.UTF-8", "10.522", "27.11.2026", "1.234 days ago" },
};

/* Sets @name for everything but the messages, which stay untranslated
 * (nothing binds the text domain here); FALSE when it is not installed. */
static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *message = g_strdup_printf ("the locale %s is not installed "
                                                  "(Debian package locales-all)", name);

      g_test_skip (message);
      return FALSE;
    }

  setlocale (LC_MESSAGES, "C");
  return TRUE;
}

static void
test_counts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *count = NULL;
      g_autofree char *small = NULL;
      g_autofree char *unknown = NULL;

      if (!use_locale (expected[i].locale))
        return;

      count = salvage_format_count (10522);
      small = salvage_format_count (999);
      unknown = salvage_format_count (-1);
      g_assert_cmpstr (count, ==, expected[i].count);
      g_assert_cmpstr (small, ==, "999");
      g_assert_cmpstr (unknown, ==, "—");
    }

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_dates (void)
{
  /* Noon: the same day in every time zone but the farthest. */
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 11, 27, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *none = NULL;

      if (!use_locale (expected[i].locale))
        return;

      text = salvage_format_date (date);
      none = salvage_format_date (NULL);
      g_assert_cmpstr (text, ==, expected[i].date);
      g_assert_cmpstr (none, ==, "—");
    }

  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_time_ago (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 27, 12, 0, 0);
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -1234);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = NULL;

      if (!use_locale (expected[i].locale))
        return;

      text = salvage_format_time_ago (long_ago, now);
      g_assert_cmpstr (text, ==, expected[i].days_ago);
    }

  setlocale (LC_ALL, "C.UTF-8");
}

/* Each kind has one name: a training run is never "a training". */
static void
test_kinds (void)
{
  static const struct {
    SalvageTrashKind kind;
    const char *name;
  } kinds[] = {
    { SALVAGE_TRASH_KIND_PROJECT, "Project" },
    { SALVAGE_TRASH_KIND_VERSION, "Version" },
    { SALVAGE_TRASH_KIND_TRAINING, "Training Run" },
    { SALVAGE_TRASH_KIND_WORKFLOW, "Workflow" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                                                       "kind", kinds[i].kind, NULL);

      g_assert_cmpstr (salvage_format_trash_kind (item), ==, kinds[i].name);
    }
}

/* A project in the Trash whose cleanup is @days_left days (and an hour)
 * after @now. */
static SalvageTrashItem *
project_new (const char *name,
             GDateTime  *now,
             int         days_left)
{
  g_autoptr(GDateTime) cleanup = g_date_time_add (now, days_left * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);

  return salvage_trash_item_new_from_fields (&(SalvageTrashItemFields) {
    .kind = SALVAGE_TRASH_KIND_PROJECT,
    .type_name = "project",
    .id = name,
    .name = name,
    .url = name,
    .scheduled_cleanup_at = cleanup,
  });
}

/* A report of projects with the days left given, the list ended by -1. */
static SalvageCleanupReport *
report_new (const char *workspace_name,
            ...)
{
  g_autoptr(SalvageAccount) account = salvage_account_new ("https://api.roboflow.com", "acme",
                                                            workspace_name);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  static const char * const names[] = { "Bolts", "Gears", "Nuts", "Rivets", "Washers" };
  va_list args;
  int days_left;

  va_start (args, workspace_name);
  while ((days_left = va_arg (args, int)) >= 0)
    g_ptr_array_add (items, project_new (names[items->len % G_N_ELEMENTS (names)], now, days_left));
  va_end (args);

  return salvage_cleanup_report_new (account, items, now);
}

#define assert_notice(report, title, body) \
  G_STMT_START { \
    g_autofree char *title_ = salvage_cleanup_notice_dup_title (report); \
    g_autofree char *body_ = salvage_cleanup_notice_dup_body (report); \
    g_assert_cmpstr (title_, ==, title); \
    g_assert_cmpstr (body_, ==, body); \
  } G_STMT_END

/* What the notice before the cleanup says: how many, where and when, and
 * the first names. */
static void
test_cleanup_notice (void)
{
  g_autoptr(SalvageCleanupReport) one = report_new ("Acme Vision", 1, -1);
  g_autoptr(SalvageCleanupReport) today = report_new ("Acme Vision", 0, 0, -1);
  g_autoptr(SalvageCleanupReport) same = report_new ("Acme Vision", 2, 2, 2, -1);
  g_autoptr(SalvageCleanupReport) mixed = report_new ("Acme Vision", 0, 3, -1);
  g_autoptr(SalvageCleanupReport) from_tomorrow = report_new ("Acme Vision", 1, 2, -1);
  g_autoptr(SalvageCleanupReport) later = report_new ("Acme Vision", 2, 3, -1);
  g_autoptr(SalvageCleanupReport) many = report_new ("", 1, 1, 1, 1, 1, -1);
  g_autoptr(SalvageAccount) beta = salvage_account_new ("https://api.roboflow.com", "beta", "Beta");
  g_autofree char *acme_id = NULL;
  g_autofree char *beta_id = NULL;
  g_autoptr(GNotification) notification = NULL;

  assert_notice (one, "1 item in “Acme Vision” will be deleted for good tomorrow",
                 "“Bolts”\nRestore what you need before then.");
  assert_notice (today, "2 items in “Acme Vision” will be deleted for good today",
                 "“Bolts” and “Gears”\nRestore what you need before then.");
  assert_notice (same, "3 items in “Acme Vision” will be deleted for good soon",
                 "“Bolts”, “Gears” and “Nuts”\nThey will be deleted for good in 2 days.");
  assert_notice (mixed, "2 items in “Acme Vision” will be deleted for good soon",
                 "“Bolts” and “Gears”\nThe first today, all within 3 days.");
  assert_notice (from_tomorrow, "2 items in “Acme Vision” will be deleted for good soon",
                 "“Bolts” and “Gears”\nThe first tomorrow, all within 2 days.");
  assert_notice (later, "2 items in “Acme Vision” will be deleted for good soon",
                 "“Bolts” and “Gears”\nAll within 3 days.");
  /* Past three names, a count; without a name, the workspace's slug. */
  assert_notice (many, "5 items in “acme” will be deleted for good tomorrow",
                 "“Bolts”, “Gears”, “Nuts” and 2 more\nRestore what you need before then.");

  /* One notice per workspace, replaced by the next. */
  acme_id = salvage_cleanup_notice_dup_id (salvage_cleanup_report_get_account (one));
  beta_id = salvage_cleanup_notice_dup_id (beta);
  g_assert_cmpstr (acme_id, !=, beta_id);
  g_assert_true (g_str_has_prefix (acme_id, "cleanup-"));

  notification = salvage_cleanup_notice_new (many);
  g_assert_true (G_IS_NOTIFICATION (notification));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/counts", test_counts);
  g_test_add_func ("/format/dates", test_dates);
  g_test_add_func ("/format/time-ago", test_time_ago);
  g_test_add_func ("/format/kinds", test_kinds);
  g_test_add_func ("/format/cleanup-notice", test_cleanup_notice);

  return g_test_run ();
}
