/* test-cleanup-ledger.c - which Trash entries were already warned about, and the file that remembers it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "salvage-cleanup-ledger.h"

#define ACME "https://api.roboflow.com\nacme"
#define BETA "https://api.roboflow.com\nbeta"

/* Noon UTC on a fixed day, and @days (may be fractional) after it. */
static GDateTime *
day (double days)
{
  g_autoptr(GDateTime) noon = g_date_time_new_utc (2026, 12, 1, 12, 0, 0);

  return g_date_time_add (noon, (GTimeSpan) (days * G_TIME_SPAN_DAY));
}

/* A version in the Trash whose cleanup is @cleanup_day days after the
 * fixed day; a negative day: no cleanup date. */
static SalvageTrashItem *
version_new (const char *project,
             const char *number,
             double      cleanup_day)
{
  g_autoptr(GDateTime) cleanup = cleanup_day >= 0 ? day (cleanup_day) : NULL;
  g_autoptr(GDateTime) deleted = cleanup_day >= 0 ? day (cleanup_day - 30) : NULL;

  return salvage_trash_item_new_from_fields (&(SalvageTrashItemFields) {
    .kind = SALVAGE_TRASH_KIND_VERSION,
    .type_name = "version",
    .id = number,
    .parent_id = project,
    .parent_url = project,
    .parent_name = project,
    .deleted_at = deleted,
    .scheduled_cleanup_at = cleanup,
  });
}

static GListStore *
trash_new (SalvageTrashItem *first,
           ...)
{
  GListStore *trash = g_list_store_new (SALVAGE_TYPE_TRASH_ITEM);
  va_list args;

  va_start (args, first);
  for (SalvageTrashItem *item = first; item != NULL; item = va_arg (args, SalvageTrashItem *))
    {
      g_list_store_append (trash, item);
      g_object_unref (item);
    }
  va_end (args);

  return trash;
}

/* The ids of @due, in order, as "p/1 q/2". */
static char *
due_ids (GPtrArray *due)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < due->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (due, i);

      g_string_append_printf (ids, "%s%s/%s", i > 0 ? " " : "",
                              salvage_trash_item_get_parent_id (item), salvage_trash_item_get_id (item));
    }

  return g_string_free (ids, FALSE);
}

static char *
review (SalvageCleanupLedger *ledger,
        const char           *workspace_key,
        GListStore           *trash,
        double                now_day,
        int                   threshold)
{
  g_autoptr(GDateTime) now = day (now_day);
  g_autoptr(GPtrArray) due = salvage_cleanup_ledger_review (ledger, workspace_key, G_LIST_MODEL (trash),
                                                           now, threshold);

  return due_ids (due);
}

#define assert_review(ledger, key, trash, now_day, threshold, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = review (ledger, key, trash, now_day, threshold); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

/* Entries warn once when they come within the threshold, soonest first;
 * the next checks say nothing more about them. */
static void
test_ledger_once (void)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 10),
                                           version_new ("p", "2", 2.5),
                                           version_new ("q", "1", 1.5),
                                           version_new ("q", "2", -1),
                                           NULL);

  g_assert_false (salvage_cleanup_ledger_get_changed (ledger));
  assert_review (ledger, ACME, trash, 0, 3, "q/1 p/2");
  g_assert_true (salvage_cleanup_ledger_get_changed (ledger));
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 2);

  /* Hours later, and the next day: nothing new until p/1 comes near. */
  assert_review (ledger, ACME, trash, 0.2, 3, "");
  assert_review (ledger, ACME, trash, 1, 3, "");
  assert_review (ledger, ACME, trash, 6.9, 3, "");
  assert_review (ledger, ACME, trash, 7.1, 3, "p/1");
  assert_review (ledger, ACME, trash, 8, 3, "");
}

/* A restored entry is forgotten; deleted again, it has a new cleanup date
 * and warns again when that comes near. */
static void
test_ledger_restored (void)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 2), version_new ("p", "2", 2), NULL);
  g_autoptr(GListStore) restored = trash_new (version_new ("p", "2", 2), NULL);
  g_autoptr(GListStore) deleted_again = trash_new (version_new ("p", "1", 40), version_new ("p", "2", 2), NULL);
  g_autoptr(SalvageTrashItem) p1 = version_new ("p", "1", 2);

  assert_review (ledger, ACME, trash, 0, 3, "p/1 p/2");
  g_assert_true (salvage_cleanup_ledger_contains (ledger, ACME, p1));

  assert_review (ledger, ACME, restored, 0.5, 3, "");
  g_assert_false (salvage_cleanup_ledger_contains (ledger, ACME, p1));
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 1);

  assert_review (ledger, ACME, deleted_again, 1, 3, "");
  assert_review (ledger, ACME, deleted_again, 37.5, 3, "p/1");
}

/* Each workspace has its own entries, even with the same ids; forgetting
 * one leaves the other. */
static void
test_ledger_workspaces (void)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 1), NULL);
  g_autoptr(GListStore) empty = trash_new (NULL, NULL);

  assert_review (ledger, ACME, trash, 0, 3, "p/1");
  assert_review (ledger, BETA, trash, 0, 3, "p/1");
  assert_review (ledger, BETA, trash, 0, 3, "");

  /* A workspace whose Trash is empty now leaves nothing behind. */
  assert_review (ledger, BETA, empty, 0, 3, "");
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 1);
  assert_review (ledger, BETA, trash, 0, 3, "p/1");

  salvage_cleanup_ledger_forget (ledger, ACME);
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 1);
  assert_review (ledger, ACME, trash, 0, 3, "p/1");
  assert_review (ledger, BETA, trash, 0, 3, "");
}

/* A raised threshold warns about the entries it newly reaches, not again
 * about those warned at the lower one; a lowered threshold warns again
 * about an entry when it crosses it. */
static void
test_ledger_threshold (void)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 2), version_new ("p", "2", 6), NULL);

  assert_review (ledger, ACME, trash, 0, 3, "p/1");
  assert_review (ledger, ACME, trash, 0.1, 7, "p/2");
  assert_review (ledger, ACME, trash, 0.2, 7, "");

  /* Lowered to 1 day: p/2 (6 days left) is no longer due and forgotten,
   * and p/1 (2 days) neither; each warns again on reaching one day. */
  assert_review (ledger, ACME, trash, 0.3, 1, "");
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 0);
  assert_review (ledger, ACME, trash, 1.1, 1, "p/1");
  assert_review (ledger, ACME, trash, 5.1, 1, "p/2");

  /* Warned at 7 days, then the threshold lowered to 3 while it has 2 days
   * left: it crossed the new threshold since, and warns once more. */
  {
    g_autoptr(SalvageCleanupLedger) other = salvage_cleanup_ledger_new (NULL);
    g_autoptr(GListStore) one = trash_new (version_new ("p", "1", 8), NULL);

    assert_review (other, ACME, one, 1.5, 7, "p/1");
    assert_review (other, ACME, one, 6, 3, "p/1");
    assert_review (other, ACME, one, 6.5, 3, "");
  }
}

/* Past its date but still listed, an entry is due (0 days); listed twice
 * by the server, it is named once. */
static void
test_ledger_odd_trash (void)
{
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (NULL);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 1), version_new ("p", "1", 1),
                                           version_new ("p", "2", 0.5), NULL);

  assert_review (ledger, ACME, trash, 3, 3, "p/2 p/1");
  assert_review (ledger, ACME, trash, 3, 3, "");
}

static char *
temp_path (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("salvage-ledger-XXXXXX", &error);

  g_assert_no_error (error);
  return g_build_filename (folder, "state", "salvage", name, NULL);
}

static void
remove_temp (const char *path)
{
  g_autofree char *salvage = g_path_get_dirname (path);
  g_autofree char *state = g_path_get_dirname (salvage);
  g_autofree char *top = g_path_get_dirname (state);

  g_remove (path);
  g_rmdir (salvage);
  g_rmdir (state);
  g_rmdir (top);
}

/* The file keeps the ledger across logins: written whole, for the user
 * alone, only when something changed, and read back the same. */
static void
test_ledger_file (void)
{
  g_autofree char *path = temp_path ("cleanup-warnings");
  g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (path);
  g_autoptr(SalvageCleanupLedger) again = salvage_cleanup_ledger_new (path);
  g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 1), version_new ("p", "2", 2), NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  /* No file yet: an empty ledger, and nothing to write. */
  g_assert_true (salvage_cleanup_ledger_load (ledger, &error));
  g_assert_no_error (error);
  g_assert_true (salvage_cleanup_ledger_save (ledger, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  assert_review (ledger, ACME, trash, 0, 3, "p/1 p/2");
  assert_review (ledger, BETA, trash, 0, 1, "p/1");
  g_assert_true (salvage_cleanup_ledger_save (ledger, &error));
  g_assert_no_error (error);
  g_assert_false (salvage_cleanup_ledger_get_changed (ledger));

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* What a new process reads: the same entries, so the same silence. */
  g_assert_true (salvage_cleanup_ledger_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (again), ==, 3);
  assert_review (again, ACME, trash, 0.5, 3, "");
  assert_review (again, BETA, trash, 0.5, 1, "");
  g_assert_false (salvage_cleanup_ledger_get_changed (again));

  /* It names entries, never anything of the account's key. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (g_strstr_len (contents, -1, "api_key"));

  remove_temp (path);
}

/* A damaged file, or one of another format, is an empty ledger and an
 * error: entries are then warned about again rather than never. The next
 * save replaces it. */
static void
test_ledger_damaged (void)
{
  static const struct {
    const char *contents;
    gssize      length;
  } files[] = {
    { "", 0 },
    { "not a ledger", -1 },
    { "\x02\0\0\0", 4 },                      /* version 2, no entries */
    { "\x01\0\0\0\xff\xff\xff\xff\xff", 9 },  /* entries cut short */
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = temp_path ("cleanup-warnings");
      g_autofree char *folder = g_path_get_dirname (path);
      g_autoptr(SalvageCleanupLedger) ledger = salvage_cleanup_ledger_new (path);
      g_autoptr(SalvageCleanupLedger) again = salvage_cleanup_ledger_new (path);
      g_autoptr(GListStore) trash = trash_new (version_new ("p", "1", 1), NULL);
      g_autoptr(GError) error = NULL;
      gsize length = files[i].length >= 0 ? (gsize) files[i].length : strlen (files[i].contents);

      g_test_message ("file %u", i);
      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, files[i].contents, length, NULL));

      g_assert_false (salvage_cleanup_ledger_load (ledger, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);
      g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (ledger), ==, 0);

      assert_review (ledger, ACME, trash, 0, 3, "p/1");
      g_assert_true (salvage_cleanup_ledger_save (ledger, NULL));
      g_assert_true (salvage_cleanup_ledger_load (again, NULL));
      g_assert_cmpuint (salvage_cleanup_ledger_get_n_entries (again), ==, 1);

      remove_temp (path);
    }
}

/* Its place by default: under the user's state folder. */
static void
test_ledger_default_path (void)
{
  g_autofree char *path = salvage_cleanup_ledger_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (), "salvage", "cleanup-warnings", NULL);

  g_assert_cmpstr (path, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cleanup-ledger/once", test_ledger_once);
  g_test_add_func ("/cleanup-ledger/restored", test_ledger_restored);
  g_test_add_func ("/cleanup-ledger/workspaces", test_ledger_workspaces);
  g_test_add_func ("/cleanup-ledger/threshold", test_ledger_threshold);
  g_test_add_func ("/cleanup-ledger/odd-trash", test_ledger_odd_trash);
  g_test_add_func ("/cleanup-ledger/file", test_ledger_file);
  g_test_add_func ("/cleanup-ledger/damaged", test_ledger_damaged);
  g_test_add_func ("/cleanup-ledger/default-path", test_ledger_default_path);

  return g_test_run ();
}
