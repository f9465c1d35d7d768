/* test-dialogs.c - what the restore confirmation says and sends, for small and large Trashes
 *
 * The Trash comes from the stand-in server over 127.0.0.1, loaded into a
 * SalvageWorkspace as the window does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <adwaita.h>

#include "salvage-demo.h"
#include "salvage-dialogs.h"
#include "salvage-server.h"

#define WS      "acme"
#define API_KEY "test-key-Jw4nQ8sLc"

#define MINUTES(n) ((gint64) (n) * 60 * G_USEC_PER_SEC)

/* Long enough for a slow machine; a test that waits this long has failed. */
#define WAIT_LIMIT (15 * G_TIME_SPAN_SECOND)

typedef struct
{
  SalvageServer    *server;
  SalvageWorkspace *workspace;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->server = salvage_server_new ();
  g_assert_true (salvage_server_listen (f->server, 0, &error));
  g_assert_no_error (error);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  g_assert_null (*slot);
  *slot = g_object_ref (result);
}

/* Connects to workspace @ws of the server and loads its lists. */
static void
fixture_load (Fixture    *f,
              const char *ws,
              const char *api_key)
{
  g_autoptr(SalvageClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + WAIT_LIMIT;

  client = salvage_client_new (salvage_server_get_url (f->server), api_key, &error);
  g_assert_no_error (error);
  salvage_client_set_workspace (client, ws);

  f->workspace = salvage_workspace_new (client);
  salvage_workspace_refresh_async (f->workspace, NULL, result_cb, &result);
  while (result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (result);
  g_assert_true (salvage_workspace_refresh_finish (f->workspace, result, &error));
  g_assert_no_error (error);
}

static void
fixture_clear (Fixture *f)
{
  g_clear_object (&f->workspace);

  /* Let the server see its connections close before it goes. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&f->server);
}

/* The Trash entry of @kind whose url (projects) or id (versions of
 * @parent_url) is @name. */
static SalvageTrashItem *
find_trash (Fixture          *f,
            SalvageTrashKind  kind,
            const char       *name,
            const char       *parent_url)
{
  GListModel *model = salvage_workspace_get_trash (f->workspace);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);
      const char *value = kind == SALVAGE_TRASH_KIND_PROJECT ? salvage_trash_item_get_url (item)
                                                             : salvage_trash_item_get_id (item);

      if (salvage_trash_item_get_kind (item) == kind
          && g_strcmp0 (value, name) == 0
          && (parent_url == NULL
              || g_strcmp0 (salvage_trash_item_get_parent_url (item), parent_url) == 0))
        return item;
    }
  return NULL;
}

/* Where @item is in @items, or -1. */
static int
index_of (GPtrArray        *items,
          SalvageTrashItem *item)
{
  guint index;

  return g_ptr_array_find (items, item, &index) ? (int) index : -1;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not say “%s”", haystack, needle);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” should not say “%s”", haystack, needle);
}

/* Projects p0…p{n-1}, each with a version 1 that went to the Trash before
 * its project did. */
static void
seed_trashed_projects (Fixture *f,
                       guint    n)
{
  gint64 now = salvage_server_get_time (f->server);

  salvage_server_add_workspace (f->server, WS, "Acme");
  salvage_server_add_key (f->server, API_KEY, WS);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *slug = g_strdup_printf ("p%u", i);
      g_autofree char *name = g_strdup_printf ("Project %u", i);
      g_autofree char *version = g_strdup_printf ("p%u/1", i);

      g_assert_nonnull (salvage_server_add_project (f->server, WS, slug, name, "object-detection", 10));
      g_assert_nonnull (salvage_server_add_version (f->server, WS, slug, 1, "raw", 10));
      g_assert_true (salvage_server_trash (f->server, WS, "version", version,
                                           now - MINUTES (60 - i), "Alice"));
      g_assert_true (salvage_server_trash (f->server, WS, "project", slug,
                                           now - MINUTES (30 - i), "Alice"));
    }
}

static void
test_restore_one_with_parent (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) requested = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  AdwAlertDialog *dialog;
  SalvageTrashItem *project, *version;
  const char *body;

  fixture_init (&f);
  seed_trashed_projects (&f, 2);
  fixture_load (&f, WS, API_KEY);

  project = find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "p1", NULL);
  version = find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", "p1");
  g_assert_nonnull (project);
  g_assert_nonnull (version);
  g_ptr_array_add (requested, g_object_ref (version));

  dialog = g_object_ref_sink (salvage_restore_dialog_new (f.workspace, requested, FALSE, &items));
  body = adw_alert_dialog_get_body (dialog);

  /* The project comes back first, and the dialog says so and why. */
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Restore Item?");
  assert_contains (body, "“Project 1 › v1 raw” will be restored.");
  assert_contains (body, "“Project 1” will be restored too, because “Project 1 › v1 raw” belongs to it.");
  assert_lacks (body, "Project 0");
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_true (g_ptr_array_index (items, 0) == project);
  g_assert_true (g_ptr_array_index (items, 1) == version);

  g_object_unref (dialog);
  fixture_clear (&f);
}

static void
test_restore_many_parents (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) requested = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  AdwAlertDialog *dialog;
  const char *body;

  fixture_init (&f);
  seed_trashed_projects (&f, 8);
  fixture_load (&f, WS, API_KEY);

  /* Every version, and one of the projects too: that one is no parent
   * brought along, it was asked for. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *slug = g_strdup_printf ("p%u", i);

      g_ptr_array_add (requested, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", slug)));
    }
  g_ptr_array_add (requested, g_object_ref (find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, "p7", NULL)));

  dialog = g_object_ref_sink (salvage_restore_dialog_new (f.workspace, requested, FALSE, &items));
  body = adw_alert_dialog_get_body (dialog);

  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, "Restore 9 Items?");

  /* The seven projects not asked for: the first few by name, then a count. */
  assert_contains (body, "“Project 0”, “Project 1”, “Project 2”, “Project 3”, “Project 4” and 2 more "
                         "will be restored too, because some of these items belong to them.");

  /* Each entry sent once, every project before its version. */
  g_assert_cmpuint (items->len, ==, 16);
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *slug = g_strdup_printf ("p%u", i);
      int project_at = index_of (items, find_trash (&f, SALVAGE_TRASH_KIND_PROJECT, slug, NULL));
      int version_at = index_of (items, find_trash (&f, SALVAGE_TRASH_KIND_VERSION, "1", slug));

      g_assert_cmpint (project_at, >=, 0);
      g_assert_cmpint (version_at, >, project_at);
    }

  g_object_unref (dialog);
  fixture_clear (&f);
}

static void
test_restore_large (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) sent = g_hash_table_new (NULL, NULL);
  g_autofree char *more = NULL;
  SalvageDemoSizes sizes;
  AdwAlertDialog *dialog;
  GListModel *trash;
  guint n_parents = 0;
  gboolean after_parent = FALSE;
  gint64 start;

  fixture_init (&f);
  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = 10000;
  sizes.n_projects = 200;
  salvage_demo_seed (f.server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &sizes, 1);
  fixture_load (&f, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY);

  trash = salvage_workspace_get_trash (f.workspace);
  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);
      SalvageTrashKind kind = salvage_trash_item_get_kind (item);

      if (!salvage_trash_item_get_restorable (item))
        continue;
      if (kind == SALVAGE_TRASH_KIND_VERSION || kind == SALVAGE_TRASH_KIND_TRAINING)
        g_ptr_array_add (children, g_object_ref (item));
      g_ptr_array_add (all, g_steal_pointer (&item));
    }
  g_assert_cmpuint (all->len, >=, 9000);
  g_assert_cmpuint (children->len, >, 1000);

  /* Restore All: the parents are among the items, so none is named. */
  start = g_get_monotonic_time ();
  dialog = g_object_ref_sink (salvage_restore_dialog_new (f.workspace, all, TRUE, &items));
  g_test_message ("Restore All of %u items: %.1f ms", all->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  more = g_strdup_printf (" and %'u more", all->len - 5);
  assert_contains (adw_alert_dialog_get_body (dialog), more);
  assert_lacks (adw_alert_dialog_get_body (dialog), "restored too");
  g_assert_cmpuint (items->len, ==, all->len);
  g_object_unref (dialog);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Every version and training of it, past any limit on planning: each
   * one that has a parent in the Trash gets it, sent before it. */
  start = g_get_monotonic_time ();
  dialog = g_object_ref_sink (salvage_restore_dialog_new (f.workspace, children, FALSE, &items));
  g_test_message ("Restore Selected of %u items: %.1f ms", children->len,
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (items->len, >=, children->len);

  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) plan = NULL;

      gboolean is_parent = !g_ptr_array_find (children, item, NULL);

      if (is_parent)
        {
          n_parents++;
          g_assert_cmpint (salvage_trash_item_get_kind (item), !=, SALVAGE_TRASH_KIND_TRAINING);
        }

      /* Spot checks, and the item after each parent: the single-item plan
       * reads the whole Trash every time. */
      if (i % 97 == 0 || after_parent)
        {
          plan = salvage_workspace_dup_restore_plan (f.workspace, item);
          for (guint j = 0; j + 1 < plan->len; j++)
            g_assert_true (g_hash_table_contains (sent, g_ptr_array_index (plan, j)));
        }

      g_assert_true (g_hash_table_add (sent, item));
      after_parent = is_parent;
    }

  g_test_message ("%u parents brought along", n_parents);
  g_assert_cmpuint (items->len, ==, children->len + n_parents);
  if (n_parents > 0)
    assert_contains (adw_alert_dialog_get_body (dialog), "will be restored too");
  else
    assert_lacks (adw_alert_dialog_get_body (dialog), "restored too");

  g_object_unref (dialog);
  fixture_clear (&f);
}

/* @n with a comma between each group of three digits, as en_US writes it. */
static char *
group_digits (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/* Counts in the confirmation are grouped as the locale groups them. */
static void
test_restore_grouping (void)
{
  Fixture f = { 0 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  g_autofree char *heading = NULL;
  g_autofree char *more = NULL;
  g_autofree char *count = NULL;
  g_autofree char *rest = NULL;
  SalvageDemoSizes sizes;
  AdwAlertDialog *dialog;
  GListModel *trash;

  if (setlocale (LC_ALL, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("the locale en_US.UTF-8 is not installed (Debian package locales-all)");
      return;
    }
  setlocale (LC_MESSAGES, "C");

  fixture_init (&f);
  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = 1500;
  salvage_demo_seed (f.server, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY, &sizes, 2);
  fixture_load (&f, SALVAGE_DEMO_WORKSPACE, SALVAGE_DEMO_API_KEY);

  trash = salvage_workspace_get_trash (f.workspace);
  for (guint i = 0; i < g_list_model_get_n_items (trash); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (trash, i);

      if (salvage_trash_item_get_restorable (item))
        g_ptr_array_add (all, g_steal_pointer (&item));
    }
  g_assert_cmpuint (all->len, >=, 1000);

  dialog = g_object_ref_sink (salvage_restore_dialog_new (f.workspace, all, TRUE, &items));
  count = group_digits (all->len);
  rest = group_digits (all->len - 5);
  heading = g_strdup_printf ("Restore All %s Items?", count);
  more = g_strdup_printf (" and %s more", rest);
  g_assert_cmpstr (adw_alert_dialog_get_heading (dialog), ==, heading);
  assert_contains (adw_alert_dialog_get_body (dialog), more);

  g_object_unref (dialog);
  fixture_clear (&f);
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/dialogs/restore/one-with-parent", test_restore_one_with_parent);
  g_test_add_func ("/dialogs/restore/many-parents", test_restore_many_parents);
  g_test_add_func ("/dialogs/restore/large", test_restore_large);
  g_test_add_func ("/dialogs/restore/grouping", test_restore_grouping);

  return g_test_run ();
}
