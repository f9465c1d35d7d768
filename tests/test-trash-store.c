/* test-trash-store.c - the Trash as a list model that makes items when asked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-parse.h"
#include "salvage-trash-view.h"

/* A listing of the entries written as "kind:id:name[:day]" words, "-" for
 * no name, versions under project p1, to be cleaned up on @day of May 2026
 * (the 1st when not given; "-" for no date). */
static SalvageTrashListing *
listing_of (const char *entries)
{
  g_auto(GStrv) words = g_strsplit (entries, " ", -1);
  g_autoptr(GString) text = g_string_new ("{\"items\": [");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  SalvageTrashListing *listing;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (words[i], ":", 4);
      const char *day = parts[3] != NULL ? parts[3] : "01";

      g_string_append_printf (text, "%s{\"type\": \"%s\", \"id\": \"%s\"", i > 0 ? ", " : "",
                              parts[0], parts[1]);
      if (g_strcmp0 (parts[2], "-") != 0)
        g_string_append_printf (text, ", \"name\": \"%s\"", parts[2]);
      if (g_str_equal (parts[0], "version"))
        g_string_append (text, ", \"parentId\": \"p1\"");
      if (g_strcmp0 (day, "-") != 0)
        g_string_append_printf (text, ", \"scheduledCleanupAt\": \"2026-05-%sT00:00:00Z\"", day);
      g_string_append (text, "}");
    }
  g_string_append (text, "]}");

  body = g_bytes_new (text->str, text->len);
  listing = salvage_parse_trash_listing (body, &error);
  g_assert_no_error (error);

  return listing;
}

typedef struct
{
  guint n_signals;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

static SalvageTrashStore *
store_new (Changes *changes)
{
  SalvageTrashStore *store = salvage_trash_store_new ();

  g_signal_connect (store, "items-changed", G_CALLBACK (items_changed_cb), changes);
  return store;
}

static SalvageTrashItem *
item_at (SalvageTrashStore *store,
         guint              position)
{
  g_autoptr(SalvageTrashItem) item = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The store keeps it. */
  return item;
}

/* Items are made when asked for, once: asking again gives the same one. */
static void
test_lazy_items (void)
{
  g_autoptr(SalvageTrashListing) listing = listing_of ("project:a:Alpha version:3:raw workflow:w:-");
  Changes changes = { 0, };
  g_autoptr(SalvageTrashStore) store = store_new (&changes);
  SalvageTrashItem *item;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == SALVAGE_TYPE_TRASH_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  g_assert_true (salvage_trash_store_replace (store, listing, NULL, 0));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 3);

  for (guint i = 0; i < 3; i++)
    g_assert_null (salvage_trash_store_peek_item (store, i));
  g_assert_cmpstr (salvage_trash_store_get_record (store, 1)->id.str, ==, "3");

  item = item_at (store, 1);
  g_assert_true (salvage_trash_store_peek_item (store, 1) == item);
  g_assert_true (item_at (store, 1) == item);
  g_assert_null (salvage_trash_store_peek_item (store, 0));
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, "p1");

  /* A name falls back as an item's does. */
  g_assert_cmpstr (salvage_trash_item_get_name (item_at (store, 2)), ==, "w");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 3));
}

/* The same answer again changes nothing and says nothing; a changed one
 * keeps the items of the entries that did not change, wherever they are
 * now, and makes new ones for the others. */
static void
test_replace_keeps_items (void)
{
  g_autoptr(SalvageTrashListing) first = listing_of ("project:a:Alpha project:b:Beta project:c:Gamma");
  g_autoptr(SalvageTrashListing) same = listing_of ("project:a:Alpha project:b:Beta project:c:Gamma");
  g_autoptr(SalvageTrashListing) changed = listing_of ("project:n:New project:a:Alpha project:b:Bravo project:c:Gamma");
  Changes changes = { 0, };
  g_autoptr(SalvageTrashStore) store = store_new (&changes);
  g_autoptr(SalvageTrashItem) alpha = NULL;
  g_autoptr(SalvageTrashItem) beta = NULL;
  g_autoptr(SalvageTrashItem) gamma = NULL;

  salvage_trash_store_replace (store, first, NULL, 0);
  alpha = g_list_model_get_item (G_LIST_MODEL (store), 0);
  beta = g_list_model_get_item (G_LIST_MODEL (store), 1);
  gamma = g_list_model_get_item (G_LIST_MODEL (store), 2);

  changes.n_signals = 0;
  g_assert_false (salvage_trash_store_replace (store, same, NULL, 0));
  g_assert_cmpuint (changes.n_signals, ==, 0);
  g_assert_true (item_at (store, 0) == alpha);

  g_assert_true (salvage_trash_store_replace (store, changed, NULL, 0));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 3);
  g_assert_cmpuint (changes.added, ==, 4);
  g_assert_null (salvage_trash_store_peek_item (store, 0));
  g_assert_true (salvage_trash_store_peek_item (store, 1) == alpha);
  g_assert_null (salvage_trash_store_peek_item (store, 2));
  g_assert_true (salvage_trash_store_peek_item (store, 3) == gamma);
  g_assert_cmpstr (salvage_trash_item_get_name (item_at (store, 2)), ==, "Bravo");
  g_assert_true (item_at (store, 2) != beta);
}

/* A subset of a listing, in the order given. */
static void
test_replace_positions (void)
{
  g_autoptr(SalvageTrashListing) listing = listing_of ("project:a:A project:b:B project:c:C");
  const guint positions[] = { 2, 0 };
  Changes changes = { 0, };
  g_autoptr(SalvageTrashStore) store = store_new (&changes);

  salvage_trash_store_replace (store, listing, positions, G_N_ELEMENTS (positions));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_cmpstr (salvage_trash_item_get_id (item_at (store, 0)), ==, "c");
  g_assert_cmpstr (salvage_trash_item_get_id (item_at (store, 1)), ==, "a");
}

/* Entries go one at a time or all at once; items outlive the store and
 * the listing they came from. */
static void
test_remove (void)
{
  g_autoptr(SalvageTrashListing) listing = listing_of ("project:a:A project:b:B project:c:C");
  Changes changes = { 0, };
  g_autoptr(SalvageTrashStore) store = store_new (&changes);
  g_autoptr(SalvageTrashItem) c = NULL;

  salvage_trash_store_replace (store, listing, NULL, 0);
  g_clear_pointer (&listing, salvage_trash_listing_unref);
  c = g_list_model_get_item (G_LIST_MODEL (store), 2);

  salvage_trash_store_remove (store, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (item_at (store, 1) == c);
  g_assert_cmpstr (salvage_trash_item_get_id (item_at (store, 0)), ==, "a");

  salvage_trash_store_remove_all (store);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_clear_object (&store);

  g_assert_cmpstr (salvage_trash_item_get_name (c), ==, "C");
}

/* Records are the same entry by the item's key, without making it. */
static void
test_same_entry (void)
{
  g_autoptr(SalvageTrashListing) listing =
    listing_of ("project:a:A project:a:Other version:a:v version:3:- version:3:x model:3:m thing:3:m");
  g_autoptr(GPtrArray) items = NULL;
  guint n = salvage_trash_listing_get_n_records (listing);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, salvage_trash_listing_make_item (listing, i));

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        const SalvageTrashRecord *a = salvage_trash_listing_get_record (listing, i);
        const SalvageTrashRecord *b = salvage_trash_listing_get_record (listing, j);
        gboolean same = g_str_equal (salvage_trash_item_get_key (g_ptr_array_index (items, i)),
                                     salvage_trash_item_get_key (g_ptr_array_index (items, j)));

        g_autofree char *key = salvage_trash_record_dup_key (a);

        g_assert_cmpstr (key, ==, salvage_trash_item_get_key (g_ptr_array_index (items, i)));
        g_assert_cmpint (salvage_trash_record_same_entry (a, b), ==, same);
        if (same)
          g_assert_cmpuint (salvage_trash_record_entry_hash (a), ==,
                            salvage_trash_record_entry_hash (b));
      }
}

/* The ids of @model's items, in order, as one string. */
static char *
ids_of (GListModel *model)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", salvage_trash_item_get_id (item));
    }

  return g_string_free (ids, FALSE);
}

#define assert_ids(model, expected) G_STMT_START { \
    g_autofree char *ids__ = ids_of (G_LIST_MODEL (model)); \
    g_assert_cmpstr (ids__, ==, expected); \
  } G_STMT_END

static char *
name_key (const SalvageTrashRecord *record,
          gpointer                  user_data)
{
  return g_strdup (record->name.str);
}

static gboolean
only_kind (const SalvageTrashRecord *record,
           gpointer                  kind)
{
  return record->kind == (SalvageTrashKind) GPOINTER_TO_INT (kind);
}

/* The view sorts by a key per record, equal keys in the store's order in
 * either direction, and filters, making no item it is not asked for. */
static void
test_view_order (void)
{
  g_autoptr(SalvageTrashListing) listing =
    listing_of ("project:a:beta:09 workflow:b:Alpha:03 project:c:gamma:- project:d:alpha:03 "
                "workflow:e:-:20");
  g_autoptr(SalvageTrashStore) store = salvage_trash_store_new ();
  g_autoptr(SalvageTrashView) view = NULL;
  Changes changes = { 0, };

  salvage_trash_store_replace (store, listing, NULL, 0);
  view = salvage_trash_view_new (store);
  g_signal_connect (view, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (view)) == SALVAGE_TYPE_TRASH_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 5);

  salvage_trash_view_sort_by_number (view, salvage_trash_record_cleanup_key, FALSE);
  for (guint i = 0; i < 5; i++)
    g_assert_null (salvage_trash_store_peek_item (store, i));
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (salvage_trash_view_get_store_position (view, 0), ==, 1);
  assert_ids (view, "b d a e c");

  salvage_trash_view_sort_by_number (view, salvage_trash_record_cleanup_key, TRUE);
  assert_ids (view, "c e a b d");

  /* Case folded; no text first. */
  salvage_trash_view_sort_by_text (view, name_key, NULL, FALSE);
  assert_ids (view, "e b d a c");

  changes.n_signals = 0;
  salvage_trash_view_set_filter (view, only_kind, GINT_TO_POINTER (SALVAGE_TRASH_KIND_PROJECT));
  assert_ids (view, "d a c");
  g_assert_cmpuint (changes.n_signals, ==, 1);

  /* Asking again for what is shown changes nothing, and says nothing. */
  changes.n_signals = 0;
  salvage_trash_view_refilter (view);
  g_assert_cmpuint (changes.n_signals, ==, 0);

  salvage_trash_view_set_filter (view, NULL, NULL);
  assert_ids (view, "e b d a c");
}

/* Keys for /trash-store/view-number-order, by the record's id. */
static gint64 random_keys[600];

static gint64
random_key (const SalvageTrashRecord *record)
{
  return random_keys[g_ascii_strtoull (record->id.str, NULL, 10)];
}

typedef struct
{
  gint64 key;
  guint  position;
} KeyAt;

static int
compare_key_at (gconstpointer a,
                gconstpointer b,
                gpointer      descending)
{
  const KeyAt *x = a;
  const KeyAt *y = b;
  int order = (x->key > y->key) - (x->key < y->key);

  if (GPOINTER_TO_INT (descending))
    order = -order;
  return order != 0 ? order : (x->position > y->position) - (x->position < y->position);
}

/* Sorting by number gives what comparing pairs gives, equal keys in the
 * store's order either way, for keys of every size and sign, the ends of
 * the range (no date) included. */
static void
test_view_number_order (void)
{
  static const gint64 specials[] = { G_MININT64, G_MAXINT64, 0, -1, 1, G_MININT64 + 1,
                                     G_MAXINT64 - 1, 1780000000000000, -1780000000000000 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GString) entries = g_string_new (NULL);
  g_autoptr(SalvageTrashListing) listing = NULL;
  g_autoptr(SalvageTrashStore) store = salvage_trash_store_new ();
  g_autoptr(SalvageTrashView) view = NULL;
  guint n = G_N_ELEMENTS (random_keys);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (entries, "%sproject:%u:-:-", i > 0 ? " " : "", i);
  listing = listing_of (entries->str);
  salvage_trash_store_replace (store, listing, NULL, 0);
  view = salvage_trash_view_new (store);

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < n; i++)
        {
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              random_keys[i] = specials[g_rand_int_range (rand, 0, G_N_ELEMENTS (specials))];
              break;
            case 1:
              /* Many ties. */
              random_keys[i] = g_rand_int_range (rand, -3, 3);
              break;
            case 2:
              random_keys[i] = (gint64) ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand));
              break;
            default:
              random_keys[i] = 1780000000000000 + g_rand_int_range (rand, 0, 1000000) * (gint64) 1000;
              break;
            }
        }

      for (int descending = 0; descending <= 1; descending++)
        {
          g_autofree KeyAt *expected = g_new (KeyAt, n);

          for (guint i = 0; i < n; i++)
            expected[i] = (KeyAt) { random_key (salvage_trash_store_get_record (store, i)), i };
          g_sort_array (expected, n, sizeof (KeyAt), compare_key_at, GINT_TO_POINTER (descending));

          salvage_trash_view_sort_by_number (view, random_key, descending);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, n);
          for (guint i = 0; i < n; i++)
            g_assert_cmpuint (salvage_trash_view_get_store_position (view, i), ==, expected[i].position);
        }
    }
}

/* The view follows its store: an entry gone leaves only its row; a new
 * answer is ordered anew. */
static void
test_view_follows_store (void)
{
  g_autoptr(SalvageTrashListing) first = listing_of ("project:a:A:05 project:b:B:02 project:c:C:09");
  g_autoptr(SalvageTrashListing) second = listing_of ("project:c:C:09 project:z:Z:01");
  g_autoptr(SalvageTrashStore) store = salvage_trash_store_new ();
  g_autoptr(SalvageTrashView) view = salvage_trash_view_new (store);
  g_autoptr(SalvageTrashItem) c = NULL;
  Changes changes = { 0, };

  salvage_trash_view_sort_by_number (view, salvage_trash_record_cleanup_key, FALSE);
  g_signal_connect (view, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  salvage_trash_store_replace (store, first, NULL, 0);
  assert_ids (view, "b a c");
  c = g_list_model_get_item (G_LIST_MODEL (view), 2);

  /* "a" is the store's first and the view's second. */
  changes.n_signals = 0;
  salvage_trash_store_remove (store, 0);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  g_assert_cmpuint (changes.added, ==, 0);
  assert_ids (view, "b c");
  g_assert_cmpuint (salvage_trash_view_get_store_position (view, 1), ==, 1);

  salvage_trash_store_replace (store, second, NULL, 0);
  assert_ids (view, "z c");
  {
    g_autoptr(SalvageTrashItem) again = g_list_model_get_item (G_LIST_MODEL (view), 1);

    g_assert_true (again == c);
  }

  salvage_trash_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 0);
}

/* A record's display name is the one its item shows. */
static void
test_record_display_name (void)
{
  static const char text[] =
    "{\"items\": ["
    " {\"type\": \"project\", \"id\": \"p\", \"url\": \"slug-only\"},"
    " {\"type\": \"project\", \"id\": \"q\"},"
    " {\"type\": \"version\", \"id\": \"3\", \"name\": \"v3 augmented\", \"parentName\": \"PCB\"},"
    " {\"type\": \"version\", \"id\": \"4\", \"name\": \"raw\", \"parentUrl\": \"pcb\"},"
    " {\"type\": \"version\", \"id\": \"5\"},"
    " {\"type\": \"training\", \"id\": \"t1\", \"name\": \"YOLO\", \"parentName\": \"PCB\","
    "  \"versionNumber\": \"2\"},"
    " {\"type\": \"training\", \"id\": \"t2\", \"name\": \"RF-DETR\"},"
    " {\"type\": \"workflow\", \"id\": \"w\", \"name\": \"Blur\"},"
    " {\"type\": \"model\", \"id\": \"m\"}]}";
  g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SalvageTrashListing) listing = salvage_parse_trash_listing (body, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (salvage_trash_listing_get_n_records (listing), ==, 9);

  for (guint i = 0; i < salvage_trash_listing_get_n_records (listing); i++)
    {
      g_autoptr(SalvageTrashItem) item = salvage_trash_listing_make_item (listing, i);
      g_autofree char *expected = salvage_trash_item_dup_display_name (item);
      g_autofree char *name =
        salvage_trash_record_dup_display_name (salvage_trash_listing_get_record (listing, i));

      g_assert_cmpstr (name, ==, expected);
    }
}

/* The ids of @store's entries, joined by spaces, read from its records. */
static char *
store_ids (SalvageTrashStore *store)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            salvage_trash_store_get_record (store, i)->id.str);

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_record_ids(store, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = store_ids (store); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

/* A store of parts is its parts one after another; it follows each of
 * their changes in place, and its items are theirs, with their origin. */
static void
test_parts (void)
{
  g_autoptr(SalvageTrashListing) first = listing_of ("project:a:A project:b:B");
  g_autoptr(SalvageTrashListing) second = listing_of ("project:c:C");
  g_autoptr(SalvageTrashListing) longer = listing_of ("project:x:X project:y:Y project:z:Z");
  Changes changes = { 0, };
  g_autoptr(SalvageTrashStore) one = salvage_trash_store_new ();
  g_autoptr(SalvageTrashStore) empty = salvage_trash_store_new ();
  g_autoptr(SalvageTrashStore) two = salvage_trash_store_new ();
  g_autoptr(SalvageTrashStore) all = NULL;
  g_autoptr(SalvageTrashView) view = NULL;
  SalvageTrashStore *parts[3];
  static const guint by_part[] = { 4, 2, 3, 0, 1 };

  salvage_trash_store_set_origin (one, "server\none");
  salvage_trash_store_set_origin (two, "server\ntwo");
  salvage_trash_store_replace (one, first, NULL, 0);
  salvage_trash_store_replace (two, second, NULL, 0);

  parts[0] = one;
  parts[1] = empty;
  parts[2] = two;
  all = salvage_trash_store_new_of_parts (parts, 3);
  g_signal_connect (all, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_cmpuint (salvage_trash_store_get_n_parts (all), ==, 3);
  g_assert_cmpuint (salvage_trash_store_get_n_parts (one), ==, 0);
  assert_record_ids (all, "a b c");
  g_assert_cmpuint (salvage_trash_store_get_part_index (all, 1), ==, 0);
  g_assert_cmpuint (salvage_trash_store_get_part_index (all, 2), ==, 2);

  /* The items are the parts' own. */
  g_assert_null (salvage_trash_store_peek_item (all, 2));
  g_assert_true (item_at (all, 2) == item_at (two, 0));
  g_assert_true (salvage_trash_store_peek_item (all, 2) == item_at (two, 0));
  g_assert_cmpstr (salvage_trash_item_get_origin (item_at (all, 2)), ==, "server\ntwo");
  g_assert_cmpstr (salvage_trash_item_get_origin (item_at (all, 0)), ==, "server\none");

  /* The first part grows: what follows moves along. */
  salvage_trash_store_replace (one, longer, NULL, 0);
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 3);
  assert_record_ids (all, "x y z c");
  g_assert_cmpuint (salvage_trash_store_get_part_index (all, 3), ==, 2);

  /* The middle part fills, then an entry leaves the first. */
  salvage_trash_store_replace (empty, first, NULL, 0);
  g_assert_cmpuint (changes.position, ==, 3);
  g_assert_cmpuint (changes.added, ==, 2);
  assert_record_ids (all, "x y z a b c");
  salvage_trash_store_remove (one, 1);
  g_assert_cmpuint (changes.position, ==, 1);
  g_assert_cmpuint (changes.removed, ==, 1);
  assert_record_ids (all, "x z a b c");
  g_assert_cmpuint (salvage_trash_store_get_part_index (all, 2), ==, 1);

  /* Sorted by part, the last part first, each in its order. */
  view = salvage_trash_view_new (all);
  salvage_trash_view_sort_by_part (view, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (by_part); i++)
    g_assert_cmpuint (salvage_trash_view_get_store_position (view, i), ==, by_part[i]);

  /* A part emptied, and the rest still read right. */
  salvage_trash_store_remove_all (one);
  assert_record_ids (all, "a b c");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (view)), ==, 3);
  g_assert_true (item_at (all, 2) == item_at (two, 0));

  /* Gone, it hears no more of its parts. */
  g_clear_object (&view);
  g_clear_object (&all);
  g_assert_true (salvage_trash_store_replace (two, longer, NULL, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/trash-store/lazy-items", test_lazy_items);
  g_test_add_func ("/trash-store/replace-keeps-items", test_replace_keeps_items);
  g_test_add_func ("/trash-store/replace-positions", test_replace_positions);
  g_test_add_func ("/trash-store/remove", test_remove);
  g_test_add_func ("/trash-store/same-entry", test_same_entry);
  g_test_add_func ("/trash-store/record-display-name", test_record_display_name);
  g_test_add_func ("/trash-store/view-order", test_view_order);
  g_test_add_func ("/trash-store/view-number-order", test_view_number_order);
  g_test_add_func ("/trash-store/view-follows-store", test_view_follows_store);
  g_test_add_func ("/trash-store/parts", test_parts);

  return g_test_run ();
}
