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

  return g_test_run ();
}
