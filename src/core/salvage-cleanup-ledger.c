/* salvage-cleanup-ledger.c - which Trash entries were already warned about before their cleanup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "salvage-cleanup-ledger.h"

/* The file: a GVariant of this type, in normal form. The number is the
 * format's version; each entry is (workspace key, entry key, cleanup date
 * in µs since 1970 UTC, threshold in days when it was warned about). */
#define LEDGER_FORMAT "(ua(ssxi))"
#define LEDGER_VERSION 1

/* Far beyond any Trash: a file this large was not written by us. */
#define LEDGER_MAX_BYTES (64 * 1024 * 1024)

typedef struct
{
  gint64 cleanup_at;
  int    threshold;
} Entry;

struct _SalvageCleanupLedger
{
  GObject     parent_instance;

  char       *path;
  /* workspace key → (entry key → Entry) */
  GHashTable *workspaces;
  gboolean    changed;
};

G_DEFINE_FINAL_TYPE (SalvageCleanupLedger, salvage_cleanup_ledger, G_TYPE_OBJECT)

static GHashTable *
entries_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static Entry *
entry_new (gint64 cleanup_at,
           int    threshold)
{
  Entry *entry = g_new (Entry, 1);

  entry->cleanup_at = cleanup_at;
  entry->threshold = threshold;
  return entry;
}

static void
salvage_cleanup_ledger_finalize (GObject *object)
{
  SalvageCleanupLedger *self = SALVAGE_CLEANUP_LEDGER (object);

  g_free (self->path);
  g_hash_table_unref (self->workspaces);

  G_OBJECT_CLASS (salvage_cleanup_ledger_parent_class)->finalize (object);
}

static void
salvage_cleanup_ledger_class_init (SalvageCleanupLedgerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = salvage_cleanup_ledger_finalize;
}

static void
salvage_cleanup_ledger_init (SalvageCleanupLedger *self)
{
  self->workspaces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_hash_table_unref);
}

SalvageCleanupLedger *
salvage_cleanup_ledger_new (const char *path)
{
  SalvageCleanupLedger *self = g_object_new (SALVAGE_TYPE_CLEANUP_LEDGER, NULL);

  self->path = g_strdup (path);
  return self;
}

char *
salvage_cleanup_ledger_dup_default_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "salvage", "cleanup-warnings", NULL);
}

static gboolean
set_damaged (SalvageCleanupLedger  *self,
             GError               **error)
{
  g_autofree char *name = g_filename_display_name (self->path);

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
               _("The record of cleanup warnings in “%s” is damaged: warnings already sent may be sent again"),
               name);
  return FALSE;
}

gboolean
salvage_cleanup_ledger_load (SalvageCleanupLedger  *self,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) ledger = NULL;
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  guint32 version;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_hash_table_remove_all (self->workspaces);
  self->changed = FALSE;

  if (self->path == NULL)
    return TRUE;

  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;

      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  bytes = g_bytes_new_take (contents, length);
  if (length > LEDGER_MAX_BYTES)
    return set_damaged (self, error);

  /* Read as untrusted: a file in normal form only, so that every entry
   * read is one that was written. */
  ledger = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (LEDGER_FORMAT), bytes, FALSE));
  if (!g_variant_is_normal_form (ledger))
    return set_damaged (self, error);

  g_variant_get (ledger, "(u@a(ssxi))", &version, &entries);
  if (version != LEDGER_VERSION)
    return set_damaged (self, error);

  for (gsize i = 0; i < g_variant_n_children (entries); i++)
    {
      const char *workspace_key;
      const char *key;
      gint64 cleanup_at;
      gint32 threshold;
      GHashTable *workspace;

      g_variant_get_child (entries, i, "(&s&sxi)", &workspace_key, &key, &cleanup_at, &threshold);
      if (threshold < 0)
        continue;

      workspace = g_hash_table_lookup (self->workspaces, workspace_key);
      if (workspace == NULL)
        {
          workspace = entries_new ();
          g_hash_table_insert (self->workspaces, g_strdup (workspace_key), workspace);
        }
      g_hash_table_replace (workspace, g_strdup (key), entry_new (cleanup_at, threshold));
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table, sorted: the file reads the same for the same ledger. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_hash_table_get_keys_as_ptr_array (table);

  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static GVariant *
ledger_to_variant (SalvageCleanupLedger *self)
{
  g_autoptr(GPtrArray) workspace_keys = sorted_keys (self->workspaces);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssxi)"));
  for (guint w = 0; w < workspace_keys->len; w++)
    {
      const char *workspace_key = g_ptr_array_index (workspace_keys, w);
      GHashTable *workspace = g_hash_table_lookup (self->workspaces, workspace_key);
      g_autoptr(GPtrArray) keys = sorted_keys (workspace);

      /* Keys come from the server's JSON, checked as UTF-8 when read;
       * whatever is not cannot be written, and is warned about again. */
      if (!g_utf8_validate (workspace_key, -1, NULL))
        continue;

      for (guint k = 0; k < keys->len; k++)
        {
          const char *key = g_ptr_array_index (keys, k);
          const Entry *entry = g_hash_table_lookup (workspace, key);

          if (g_utf8_validate (key, -1, NULL))
            g_variant_builder_add (&builder, "(ssxi)", workspace_key, key,
                                   entry->cleanup_at, entry->threshold);
        }
    }

  return g_variant_ref_sink (g_variant_new ("(ua(ssxi))", (guint32) LEDGER_VERSION, &builder));
}

gboolean
salvage_cleanup_ledger_save (SalvageCleanupLedger  *self,
                             GError               **error)
{
  g_autoptr(GVariant) ledger = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->changed || self->path == NULL)
    return TRUE;

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not make the folder “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  ledger = ledger_to_variant (self);
  if (!g_file_set_contents_full (self->path, g_variant_get_data (ledger), g_variant_get_size (ledger),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  self->changed = FALSE;
  return TRUE;
}

gboolean
salvage_cleanup_ledger_get_changed (SalvageCleanupLedger *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), FALSE);

  return self->changed;
}

static int
compare_soonest (gconstpointer a,
                 gconstpointer b)
{
  SalvageTrashItem *x = *(SalvageTrashItem * const *) a;
  SalvageTrashItem *y = *(SalvageTrashItem * const *) b;
  gint64 cx = salvage_trash_item_get_cleanup_key (x);
  gint64 cy = salvage_trash_item_get_cleanup_key (y);

  if (cx != cy)
    return cx < cy ? -1 : 1;
  return g_strcmp0 (salvage_trash_item_get_key (x), salvage_trash_item_get_key (y));
}

GPtrArray *
salvage_cleanup_ledger_review (SalvageCleanupLedger *self,
                               const char           *workspace_key,
                               GListModel           *trash,
                               GDateTime            *now,
                               int                   threshold_days)
{
  g_autoptr(GHashTable) kept = NULL;
  GHashTable *before;
  GPtrArray *due;
  guint n_items;
  guint n_kept = 0;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), NULL);
  g_return_val_if_fail (workspace_key != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (trash), NULL);
  g_return_val_if_fail (now != NULL, NULL);
  g_return_val_if_fail (threshold_days >= 0, NULL);

  due = g_ptr_array_new_with_free_func (g_object_unref);
  before = g_hash_table_lookup (self->workspaces, workspace_key);
  kept = entries_new ();

  n_items = g_list_model_get_n_items (trash);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (trash, i);
      SalvageTrashItem *item;
      const char *key;
      const Entry *entry;
      gint64 cleanup_at;
      int days_left;

      if (!SALVAGE_IS_TRASH_ITEM (object))
        continue;

      item = SALVAGE_TRASH_ITEM (object);
      key = salvage_trash_item_get_key (item);
      days_left = salvage_trash_item_get_days_left (item, now);
      /* Unknown dates cannot be warned about; an entry listed twice once. */
      if (days_left < 0 || days_left > threshold_days || key == NULL ||
          g_hash_table_contains (kept, key))
        continue;

      cleanup_at = salvage_trash_item_get_cleanup_key (item);
      entry = before != NULL ? g_hash_table_lookup (before, key) : NULL;

      /* Already named for this cleanup date, at this threshold or a lower
       * one: a threshold raised since does not warn again. */
      if (entry != NULL && entry->cleanup_at == cleanup_at && entry->threshold <= threshold_days)
        {
          g_hash_table_insert (kept, g_strdup (key), entry_new (entry->cleanup_at, entry->threshold));
          n_kept++;
          continue;
        }

      g_hash_table_insert (kept, g_strdup (key), entry_new (cleanup_at, threshold_days));
      g_ptr_array_add (due, g_object_ref (item));
    }

  /* Anything not kept as it was is a change: new, warned again, or gone. */
  if (due->len > 0 || n_kept != (before != NULL ? g_hash_table_size (before) : 0))
    self->changed = TRUE;

  if (g_hash_table_size (kept) > 0)
    g_hash_table_replace (self->workspaces, g_strdup (workspace_key), g_steal_pointer (&kept));
  else
    g_hash_table_remove (self->workspaces, workspace_key);

  g_ptr_array_sort (due, compare_soonest);
  return due;
}

gboolean
salvage_cleanup_ledger_contains (SalvageCleanupLedger *self,
                                 const char           *workspace_key,
                                 SalvageTrashItem     *item)
{
  GHashTable *workspace;
  const Entry *entry;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), FALSE);
  g_return_val_if_fail (workspace_key != NULL, FALSE);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), FALSE);

  workspace = g_hash_table_lookup (self->workspaces, workspace_key);
  if (workspace == NULL)
    return FALSE;

  entry = g_hash_table_lookup (workspace, salvage_trash_item_get_key (item));
  return entry != NULL && entry->cleanup_at == salvage_trash_item_get_cleanup_key (item);
}

void
salvage_cleanup_ledger_forget (SalvageCleanupLedger *self,
                               const char           *workspace_key)
{
  g_return_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self));
  g_return_if_fail (workspace_key != NULL);

  if (g_hash_table_remove (self->workspaces, workspace_key))
    self->changed = TRUE;
}

guint
salvage_cleanup_ledger_get_n_entries (SalvageCleanupLedger *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (SALVAGE_IS_CLEANUP_LEDGER (self), 0);

  g_hash_table_iter_init (&iter, self->workspaces);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += g_hash_table_size (value);

  return n;
}
