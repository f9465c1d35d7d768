/* salvage-trash-page.c - the Trash page: what was deleted, and restoring it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-page-util.h"
#include "salvage-reveal-selection.h"
#include "salvage-trash-columns.h"
#include "salvage-trash-page-private.h"

G_DEFINE_FINAL_TYPE (SalvageTrashPage, salvage_trash_page, SALVAGE_TYPE_PAGE)

enum {
  RESTORE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
get_trash (SalvageTrashPage *self)
{
  return self->trash;
}

static void
count_items (SalvagePage *page,
             guint       *n_items,
             guint       *n_shown)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (page);

  *n_items = self->trash != NULL ? g_list_model_get_n_items (self->trash) : 0;
  *n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

/* Whether a search, the type filter or a warning's entries hide some of
 * the Trash. */
static gboolean
is_narrowed (SalvageTrashPage *self)
{
  const char *search = salvage_page_get_search (SALVAGE_PAGE (self));

  return (search != NULL && *search != '\0') ||
         gtk_drop_down_get_selected (self->type_dropdown) != SALVAGE_TRASH_FILTER_ALL ||
         self->only_keys != NULL;
}

/* A restore of several items is under way: one at a time. */
static gboolean
is_restoring (SalvageTrashPage *self)
{
  SalvageSession *session = salvage_page_get_session (SALVAGE_PAGE (self));

  return session != NULL && salvage_session_get_restore_total (session) > 0;
}

/* The items of @model that can be restored; at most @limit of them. */
static GPtrArray *
dup_restorable (GListModel *model,
                guint       limit)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n_items && items->len < limit; i++)
    {
      g_autoptr(SalvageTrashItem) item = g_list_model_get_item (model, i);

      if (salvage_trash_item_get_restorable (item))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return items;
}

/* Restore All acts on what is shown, and says so when that is not all. */
/* How many of the rows shown can be restored, read from their records so
 * that no item is made for it. */
static guint
count_restorable_rows (SalvageTrashPage *self)
{
  SalvageTrashStore *store = salvage_trash_view_get_store (self->rows);
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n = 0;

  for (guint i = 0; store != NULL && i < n_rows; i++)
    {
      const SalvageTrashRecord *record =
        salvage_trash_store_get_record (store, salvage_trash_view_get_store_position (self->rows, i));

      n += salvage_trash_record_get_restorable (record);
    }

  return n;
}

static void
update_restore_all (SalvageTrashPage *self)
{
  g_autofree char *label = NULL;
  guint n_restorable;

  if (is_narrowed (self))
    {
      g_autofree char *count = NULL;

      n_restorable = count_restorable_rows (self);
      count = salvage_format_count (n_restorable);
      /* Translators: %s is a number; the items a search or type filter shows */
      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Restore %s _Shown Item…",
                                            "Restore %s _Shown Items…",
                                            n_restorable),
                               count);
    }
  else
    {
      g_autoptr(GPtrArray) restorable = dup_restorable (self->trash, 1);

      n_restorable = restorable->len;
      label = g_strdup (_("Restore _All…"));
    }

  gtk_label_set_label (self->restore_all_label, label);
  /* The longer words may not fit a narrow window. */
  gtk_widget_set_tooltip_text (self->restore_all_button,
                               is_narrowed (self) ? gtk_label_get_text (self->restore_all_label) : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.restore-all",
                                 n_restorable > 0 && !is_restoring (self));
}

/* How many items the Trash holds; with a search or the type filter, how
 * many of them are shown. */
static void
update_count (SalvageTrashPage *self)
{
  guint n_items = self->trash != NULL ? g_list_model_get_n_items (self->trash) : 0;
  g_autofree char *items = salvage_format_count (n_items);
  g_autofree char *text = NULL;

  if (is_narrowed (self))
    {
      g_autofree char *shown = salvage_format_count (g_list_model_get_n_items (G_LIST_MODEL (self->rows)));

      /* Translators: the first %s is how many Trash items a search or the
       * type filter shows, the second how many the Trash holds */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s item shown", "%s of %s items shown",
                                           n_items),
                              shown, items);
    }
  else
    {
      /* Translators: %s is how many items the Trash holds */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n_items), items);
    }

  gtk_label_set_label (self->count_label, text);
}

static gboolean showing_all (SalvageTrashPage *self);

static void
view_updated (SalvagePage *page)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (page);
  gboolean has_items = self->trash != NULL && g_list_model_get_n_items (self->trash) > 0;

  /* An empty Trash shows its empty state, and nothing to act on; the
   * entries of a warning, the banner that says so. */
  gtk_widget_set_visible (GTK_WIDGET (self->banner), has_items && self->only_keys == NULL);
  gtk_widget_set_visible (self->info_box, has_items);
  gtk_widget_set_visible (self->info_separator, has_items);

  update_restore_all (self);
  update_count (self);
  /* The web app shows one workspace's Trash: not all of them. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.open-web-app",
                                 self->trash != NULL && !showing_all (self));
  adw_banner_set_button_label (self->banner, showing_all (self) ? NULL : _("Open _Web App"));
}

/* Whether the page shows All Workspaces. */
static gboolean
showing_all (SalvageTrashPage *self)
{
  SalvageWorkspace *workspace = salvage_page_get_workspace (SALVAGE_PAGE (self));

  return workspace != NULL && salvage_workspace_is_group (workspace);
}

const char *
_salvage_trash_page_get_workspace_name (SalvageTrashPage *self,
                                        SalvageTrashItem *item)
{
  SalvageWorkspace *workspace = salvage_page_get_workspace (SALVAGE_PAGE (self));
  SalvageWorkspace *member;

  if (workspace == NULL || !salvage_workspace_is_group (workspace))
    return NULL;

  member = salvage_workspace_get_member_of (workspace, item);
  return member != NULL ? salvage_workspace_get_name (member) : NULL;
}

/* Filtering and sorting */

/* Whether the page shows @record: among the entries of a warning when it
 * shows only those, of the type chosen, and named as searched for. */
static gboolean
record_matches (const SalvageTrashRecord *record,
                gpointer                  user_data)
{
  SalvageTrashPage *self = user_data;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (self->only_keys != NULL)
    {
      g_string_truncate (self->key_buffer, 0);
      salvage_trash_record_append_key (record, self->key_buffer);
      if (!g_hash_table_contains (self->only_keys, self->key_buffer->str))
        return FALSE;
    }

  if (!salvage_trash_filter_matches_kind (gtk_drop_down_get_selected (self->type_dropdown),
                                          record->kind))
    return FALSE;

  if (self->folded_search == NULL)
    return TRUE;

  name = salvage_trash_record_dup_display_name (record);
  folded = g_utf8_casefold (name, -1);
  return strstr (folded, self->folded_search) != NULL;
}

/* The texts the columns sort by, as their cells show them. */
static char *
record_name_key (const SalvageTrashRecord *record,
                 gpointer                  user_data)
{
  return salvage_trash_record_dup_display_name (record);
}

static char *
record_type_key (const SalvageTrashRecord *record,
                 gpointer                  user_data)
{
  return g_strdup (salvage_format_trash_kind_name (record->kind, record->type_name.str));
}

static char *
record_deleter_key (const SalvageTrashRecord *record,
                    gpointer                  user_data)
{
  const SalvageTrashText *deleter = salvage_trash_text_is_set (&record->deleted_by_name)
                                    ? &record->deleted_by_name : &record->deleted_by;

  return salvage_trash_text_is_set (deleter) ? g_strdup (deleter->str) : NULL;
}

/* The columns of each SalvageTrashSort. */
static void
get_sort_columns (SalvageTrashPage    *self,
                  GtkColumnViewColumn *columns[SALVAGE_N_TRASH_SORTS])
{
  columns[SALVAGE_TRASH_SORT_NAME] = self->name_column;
  columns[SALVAGE_TRASH_SORT_TYPE] = self->type_column;
  columns[SALVAGE_TRASH_SORT_DELETER] = self->deleter_column;
  columns[SALVAGE_TRASH_SORT_DELETED] = self->deleted_column;
  columns[SALVAGE_TRASH_SORT_DAYS_LEFT] = self->days_left_column;
  columns[SALVAGE_TRASH_SORT_WORKSPACE] = self->workspace_column;
}

/* The rows follow the order the column headers show. */
static void
apply_sort (SalvageTrashPage *self)
{
  GtkColumnViewSorter *sorter;
  GtkColumnViewColumn *column;
  GtkColumnViewColumn *columns[SALVAGE_N_TRASH_SORTS];
  gboolean descending;

  /* The columns go, and the sorter changes, as the page is disposed of. */
  if (self->column_view == NULL || self->rows == NULL)
    return;

  sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  column = gtk_column_view_sorter_get_primary_sort_column (sorter);
  descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;

  get_sort_columns (self, columns);

  if (column == columns[SALVAGE_TRASH_SORT_DAYS_LEFT])
    salvage_trash_view_sort_by_number (self->rows, salvage_trash_record_cleanup_key, descending);
  else if (column == columns[SALVAGE_TRASH_SORT_DELETED])
    salvage_trash_view_sort_by_number (self->rows, salvage_trash_record_deleted_key, descending);
  else if (column == columns[SALVAGE_TRASH_SORT_NAME])
    salvage_trash_view_sort_by_text (self->rows, record_name_key, NULL, descending);
  else if (column == columns[SALVAGE_TRASH_SORT_TYPE])
    salvage_trash_view_sort_by_text (self->rows, record_type_key, NULL, descending);
  else if (column == columns[SALVAGE_TRASH_SORT_DELETER])
    salvage_trash_view_sort_by_text (self->rows, record_deleter_key, NULL, descending);
  /* The parts of All Workspaces' Trash are in the order of their names. */
  else if (column == columns[SALVAGE_TRASH_SORT_WORKSPACE])
    salvage_trash_view_sort_by_part (self->rows, descending);
  else
    salvage_trash_view_sort_by_number (self->rows, NULL, FALSE);
}

void
_salvage_trash_page_emit_restore (SalvageTrashPage *self,
                                  GPtrArray        *items,
                                  gboolean          all)
{
  if (items->len == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s",
                                  _("None of these items can be restored from here"));
      return;
    }

  g_signal_emit (self, signals[RESTORE_REQUESTED], 0, items, all);
}

/* Actions */

/* What is selected and can be restored, shown or hidden by a search. */
static GPtrArray *
dup_selected (SalvageTrashPage *self)
{
  g_autoptr(GPtrArray) selected = salvage_trash_selection_dup_selected (self->selection, self->trash);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < selected->len; i++)
    {
      SalvageTrashItem *item = g_ptr_array_index (selected, i);

      if (salvage_trash_item_get_restorable (item))
        g_ptr_array_add (items, g_object_ref (item));
    }

  return items;
}

static void
restore_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (widget);
  g_autoptr(GPtrArray) items = dup_selected (self);

  _salvage_trash_page_emit_restore (self, items, FALSE);
}

static void
restore_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (widget);
  g_autoptr(GPtrArray) items = NULL;
  gboolean narrowed = is_narrowed (self);

  if (get_trash (self) == NULL)
    return;

  /* All that is shown: with a search or a filter, that is not all. */
  items = dup_restorable (narrowed ? G_LIST_MODEL (self->rows) : get_trash (self), G_MAXUINT);
  _salvage_trash_page_emit_restore (self, items, !narrowed);
}

static void
web_app_launched_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SalvageTrashPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) ||
      g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    return;

  /* The window says it; the page has no place for messages. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "s", error->message);
}

static void
open_web_app_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (widget);
  g_autoptr(GtkUriLauncher) launcher = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;
  const char *slug;

  SalvageWorkspace *workspace = salvage_page_get_workspace (SALVAGE_PAGE (self));

  if (workspace == NULL)
    return;

  slug = salvage_client_get_workspace (salvage_workspace_get_client (workspace));
  escaped = g_uri_escape_string (slug != NULL ? slug : "", NULL, FALSE);
  uri = g_strconcat ("https://app.roboflow.com/", escaped, NULL);

  launcher = gtk_uri_launcher_new (uri);
  gtk_uri_launcher_launch (launcher, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                           web_app_launched_cb, g_object_ref (self));
}

/* Says how many entries are selected, and how many of them the search or
 * the type filter hides. */
static void
selection_changed_cb (SalvageTrashPage *self)
{
  g_autofree char *text = NULL;
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_shown = 0;
  guint n_restorable = 0;
  guint n;

  g_clear_handle_id (&self->selection_idle_id, g_source_remove);

  n = salvage_trash_selection_count_selected (self->selection, self->trash, &n_restorable);
  for (guint i = 0; i < n_rows && n_shown < n; i++)
    n_shown += gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i);

  if (n_shown < n)
    /* Translators: how many Trash entries are selected, and how many of
     * them a search or the type filter hides */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%'u item selected, %'u not shown",
                                         "%'u items selected, %'u not shown", n),
                            n, n - n_shown);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u item selected", "%'u items selected", n),
                            n);

  gtk_label_set_label (self->selection_label, text);
  gtk_action_bar_set_revealed (self->action_bar, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trash.restore-selected",
                                 n_restorable > 0 && !is_restoring (self));
}

static gboolean
selection_idle_cb (gpointer user_data)
{
  SalvageTrashPage *self = user_data;

  self->selection_idle_id = 0;
  selection_changed_cb (self);

  return G_SOURCE_REMOVE;
}

/* The rows changed: what is selected and what is shown of it may have,
 * once all of a reload or a restore is in. */
static void
selection_rows_changed_cb (SalvageTrashPage *self)
{
  if (self->selection_idle_id == 0)
    self->selection_idle_id = g_idle_add (selection_idle_cb, self);
}

static void
restoring_changed_cb (SalvageTrashPage *self)
{
  update_restore_all (self);
  selection_changed_cb (self);
}

static void
session_bound (SalvagePage    *page,
               SalvageSession *session)
{
  g_signal_connect_object (session, "notify::restore-total", G_CALLBACK (restoring_changed_cb),
                           page, G_CONNECT_SWAPPED);
}

static void
type_changed_cb (SalvageTrashPage *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);

  salvage_trash_view_refilter (self->rows);
  salvage_page_update_view (SALVAGE_PAGE (self));

  if (self->settings != NULL && type < SALVAGE_N_TRASH_FILTERS)
    g_settings_set_string (self->settings, "trash-filter", salvage_trash_filter_to_string (type));
}

static void
sorter_changed_cb (SalvageTrashPage *self)
{
  const char *column;
  gboolean descending;

  if (self->settings == NULL)
    return;

  column = salvage_trash_page_get_sort (self, &descending);
  if (column == NULL)
    return;

  g_settings_set_string (self->settings, "trash-sort-column", column);
  g_settings_set_boolean (self->settings, "trash-sort-descending", descending);
}

static void
warning_days_changed_cb (SalvageTrashPage *self)
{
  salvage_trash_page_set_warning_days (self, g_settings_get_int (self->settings,
                                                                 "cleanup-warning-days"));
}

static void
rows_changed_cb (SalvageTrashPage *self)
{
  salvage_page_update_view (SALVAGE_PAGE (self));
}

/* Runs before the models over the Trash hear of a change. */
static void
trash_changed_cb (SalvageTrashPage *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  /* A reload keeps the objects of unchanged entries, and the view their
   * rows: only a view that shows nothing yet has all its rows to build. */
  if (added > SALVAGE_TRASH_PAGE_REVEAL_FIRST &&
      g_list_model_get_n_items (G_LIST_MODEL (self->shown)) == 0)
    _salvage_trash_page_reveal_gradually (self);
}

/* GObject */

static void
salvage_trash_page_dispose (GObject *object)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_TRASH_PAGE);

  _salvage_trash_page_reveal_stop (self);
  g_clear_handle_id (&self->selection_idle_id, g_source_remove);
  if (self->trash != NULL)
    g_signal_handlers_disconnect_by_func (self->trash, trash_changed_cb, self);
  g_clear_object (&self->trash);

  _salvage_trash_page_forget_days_cells (self);
  g_clear_object (&self->settings);

  g_clear_object (&self->view_model);
  g_clear_object (&self->shown);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->folded_search, g_free);
  g_clear_pointer (&self->only_keys, g_hash_table_unref);

  G_OBJECT_CLASS (salvage_trash_page_parent_class)->dispose (object);
}

static void
salvage_trash_page_finalize (GObject *object)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (object);

  g_clear_pointer (&self->restore_label, g_free);
  g_string_free (self->key_buffer, TRUE);

  G_OBJECT_CLASS (salvage_trash_page_parent_class)->finalize (object);
}

static void
show_all_entries_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  salvage_trash_page_show_only (SALVAGE_TRASH_PAGE (widget), NULL);
}

static void workspace_changed (SalvagePage      *page,
                               SalvageWorkspace *workspace);
static void search_changed    (SalvagePage      *page,
                               const char       *text);

static void
salvage_trash_page_class_init (SalvageTrashPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalvagePageClass *page_class = SALVAGE_PAGE_CLASS (klass);

  object_class->dispose = salvage_trash_page_dispose;
  object_class->finalize = salvage_trash_page_finalize;
  page_class->workspace_changed = workspace_changed;
  page_class->search_changed = search_changed;
  page_class->count_items = count_items;
  page_class->view_updated = view_updated;
  page_class->session_bound = session_bound;

  signals[RESTORE_REQUESTED] =
    g_signal_new ("restore-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_PTR_ARRAY, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-trash-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, banner);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, review_banner);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, info_box);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, info_separator);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, restore_all_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, restore_all_label);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, layouts);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, workspace_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, type_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, deleter_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, deleted_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, days_left_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, actions_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, action_bar);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, selection_label);
  gtk_widget_class_bind_template_child (widget_class, SalvageTrashPage, context_menu);

  gtk_widget_class_install_action (widget_class, "trash.restore-selected", NULL,
                                   restore_selected_action);
  gtk_widget_class_install_action (widget_class, "trash.restore-all", NULL,
                                   restore_all_action);
  gtk_widget_class_install_action (widget_class, "trash.open-web-app", NULL,
                                   open_web_app_action);
  gtk_widget_class_install_action (widget_class, "trash.show-all-entries", NULL,
                                   show_all_entries_action);

}

static void
salvage_trash_page_init (SalvageTrashPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  salvage_page_set_views (SALVAGE_PAGE (self), self->stack, self->error_page);
  self->warning_days = SALVAGE_TRASH_PAGE_DEFAULT_WARNING_DAYS;
  self->days_cells = g_ptr_array_new ();
  self->restore_label = salvage_format_without_mnemonic (_("_Restore"));
  self->key_buffer = g_string_sized_new (64);

  self->rows = salvage_trash_view_new (NULL);
  salvage_trash_view_set_filter (self->rows, record_matches, self);
  /* The rows pass on every change of the store, too. */
  g_signal_connect_object (self->rows, "items-changed",
                           G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (apply_sort), self, G_CONNECT_SWAPPED);
  /* Made before the slice, so that it has heard of a change of the rows
   * by the time the view does, through the slice. */
  salvage_page_keep_focus (SALVAGE_PAGE (self), G_LIST_MODEL (self->rows));
  self->selection = salvage_trash_selection_new (G_LIST_MODEL (self->rows));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Rows that come and go leave the selection without a selection-changed. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_rows_changed_cb), self, G_CONNECT_SWAPPED);
  self->shown = gtk_slice_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)), 0, G_MAXUINT);
  self->view_model = salvage_reveal_selection_new (G_LIST_MODEL (self->shown),
                                                   GTK_SELECTION_MODEL (self->selection));
  salvage_page_set_lists (SALVAGE_PAGE (self), self->layouts, self->column_view, self->list_view,
                          self->view_model);
  _salvage_trash_page_set_up_cells (self);

  /* What is about to be lost for good comes first. */
  gtk_column_view_sort_by_column (self->column_view, self->days_left_column, GTK_SORT_ASCENDING);

  salvage_page_set_context_menu (SALVAGE_PAGE (self), GTK_SELECTION_MODEL (self->selection),
                                 self->context_menu);

  g_signal_connect_object (self->type_dropdown, "notify::selected",
                           G_CALLBACK (type_changed_cb), self, G_CONNECT_SWAPPED);

  selection_changed_cb (self);
  salvage_page_update_view (SALVAGE_PAGE (self));
}

static void
workspace_changed (SalvagePage      *page,
                   SalvageWorkspace *workspace)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (page);

  if (self->trash != NULL)
    g_signal_handlers_disconnect_by_func (self->trash, trash_changed_cb, self);
  g_clear_object (&self->trash);

  if (workspace != NULL)
    {
      self->trash = g_object_ref (salvage_workspace_get_trash (workspace));

      /* Connected before the rows are, to be told of a change before
       * the view. */
      g_signal_connect_object (self->trash, "items-changed",
                               G_CALLBACK (trash_changed_cb), self, G_CONNECT_SWAPPED);

      /* Another workspace's entries are all new rows. */
      if (g_list_model_get_n_items (self->trash) > SALVAGE_TRASH_PAGE_REVEAL_FIRST)
        _salvage_trash_page_reveal_gradually (self);
    }

  salvage_trash_view_set_store (self->rows, self->trash != NULL ? SALVAGE_TRASH_STORE (self->trash) : NULL);

  /* Which workspace an entry is in matters when they are all shown; one
   * workspace's Trash is not sorted by it. */
  gtk_column_view_column_set_visible (self->workspace_column, showing_all (self));
  if (!showing_all (self))
    {
      GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);

      if (gtk_column_view_sorter_get_primary_sort_column (GTK_COLUMN_VIEW_SORTER (sorter)) ==
          self->workspace_column)
        gtk_column_view_sort_by_column (self->column_view, self->days_left_column, GTK_SORT_ASCENDING);
    }
}

static void
search_changed (SalvagePage *page,
                const char  *text)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (page);

  g_clear_pointer (&self->folded_search, g_free);
  if (text != NULL && *text != '\0')
    self->folded_search = g_utf8_casefold (text, -1);
  salvage_trash_view_refilter (self->rows);
  /* The words for what is shown change even when the rows do not. */
  salvage_page_update_view (page);
}

void
salvage_trash_page_show_kind (SalvageTrashPage *self,
                              SalvageTrashKind  kind)
{
  SalvageTrashFilter type;

  g_return_if_fail (SALVAGE_IS_TRASH_PAGE (self));

  switch (kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      type = SALVAGE_TRASH_FILTER_PROJECTS;
      break;
    case SALVAGE_TRASH_KIND_VERSION:
      type = SALVAGE_TRASH_FILTER_VERSIONS;
      break;
    case SALVAGE_TRASH_KIND_TRAINING:
      type = SALVAGE_TRASH_FILTER_TRAININGS;
      break;
    case SALVAGE_TRASH_KIND_WORKFLOW:
      type = SALVAGE_TRASH_FILTER_WORKFLOWS;
      break;
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      type = SALVAGE_TRASH_FILTER_OTHER;
      break;
    }

  gtk_drop_down_set_selected (self->type_dropdown, type);
}

void
salvage_trash_page_show_all_kinds (SalvageTrashPage *self)
{
  g_return_if_fail (SALVAGE_IS_TRASH_PAGE (self));

  gtk_drop_down_set_selected (self->type_dropdown, SALVAGE_TRASH_FILTER_ALL);
}

gboolean
salvage_trash_page_select_item (SalvageTrashPage *self,
                                SalvageTrashItem *item)
{
  GListModel *rows;
  guint n;

  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), FALSE);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), FALSE);

  rows = G_LIST_MODEL (self->rows);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalvageTrashItem) row = g_list_model_get_item (rows, i);

      if (row != item)
        continue;

      /* The selection covers the rows the view has been given so far. */
      if (i >= g_list_model_get_n_items (G_LIST_MODEL (self->shown)))
        _salvage_trash_page_reveal_all (self);

      return gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }

  return FALSE;
}

GListModel *
salvage_trash_page_get_rows (SalvageTrashPage *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), NULL);

  return G_LIST_MODEL (self->rows);
}

GtkSelectionModel *
salvage_trash_page_get_selection (SalvageTrashPage *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), NULL);

  return self->view_model;
}

void
salvage_trash_page_set_warning_days (SalvageTrashPage *self,
                                     int               days)
{
  g_return_if_fail (SALVAGE_IS_TRASH_PAGE (self));

  if (self->warning_days == days)
    return;

  self->warning_days = days;
  _salvage_trash_page_restyle_days_cells (self);
}

const char *
salvage_trash_page_get_sort (SalvageTrashPage *self,
                             gboolean         *descending)
{
  GtkColumnViewSorter *sorter;
  GtkColumnViewColumn *column;
  GtkColumnViewColumn *columns[SALVAGE_N_TRASH_SORTS];

  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), NULL);

  sorter = GTK_COLUMN_VIEW_SORTER (gtk_column_view_get_sorter (self->column_view));
  column = gtk_column_view_sorter_get_primary_sort_column (sorter);

  if (descending != NULL)
    *descending = gtk_column_view_sorter_get_primary_sort_order (sorter) == GTK_SORT_DESCENDING;

  get_sort_columns (self, columns);
  for (guint i = 0; i < SALVAGE_N_TRASH_SORTS; i++)
    if (columns[i] == column)
      return salvage_trash_sort_to_string (i);

  return NULL;
}

gboolean
salvage_trash_page_sort_by (SalvageTrashPage *self,
                            const char       *column,
                            gboolean          descending)
{
  GtkColumnViewColumn *columns[SALVAGE_N_TRASH_SORTS];
  int sort;

  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  sort = salvage_trash_sort_from_string (column);
  if (sort < 0)
    return FALSE;

  get_sort_columns (self, columns);
  gtk_column_view_sort_by_column (self->column_view, columns[sort],
                                  descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  return TRUE;
}

void
salvage_trash_page_set_settings (SalvageTrashPage *self,
                                 GSettings        *settings)
{
  g_autofree char *filter = NULL;
  g_autofree char *sort = NULL;
  int type;

  g_return_if_fail (SALVAGE_IS_TRASH_PAGE (self));
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (self->settings == NULL);

  /* Apply first, then follow: applying must not write back. */
  filter = g_settings_get_string (settings, "trash-filter");
  type = salvage_trash_filter_from_string (filter);
  if (type >= 0)
    gtk_drop_down_set_selected (self->type_dropdown, (guint) type);

  sort = g_settings_get_string (settings, "trash-sort-column");
  salvage_trash_page_sort_by (self, sort, g_settings_get_boolean (settings, "trash-sort-descending"));

  self->settings = g_object_ref (settings);
  salvage_trash_page_set_warning_days (self, g_settings_get_int (settings, "cleanup-warning-days"));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::cleanup-warning-days",
                           G_CALLBACK (warning_days_changed_cb), self, G_CONNECT_SWAPPED);
}

void
salvage_trash_page_show_only (SalvageTrashPage   *self,
                              const char * const *keys)
{
  g_return_if_fail (SALVAGE_IS_TRASH_PAGE (self));

  g_clear_pointer (&self->only_keys, g_hash_table_unref);
  if (keys != NULL)
    {
      guint n_keys = 0;
      g_autofree char *title = NULL;

      self->only_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; keys[i] != NULL; i++)
        g_hash_table_add (self->only_keys, g_strdup (keys[i]));
      n_keys = g_hash_table_size (self->only_keys);

      /* Translators: a banner over the Trash, opened from the warning
       * before the 30-day cleanup; %u counts the entries it named */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Only the item that will soon be deleted for good is shown",
                                            "Only the %u items that will soon be deleted for good are shown",
                                            n_keys),
                               n_keys);
      adw_banner_set_title (self->review_banner, title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->review_banner), keys != NULL);
  salvage_trash_view_refilter (self->rows);
  salvage_page_update_view (SALVAGE_PAGE (self));
}

gboolean
salvage_trash_page_get_showing_only (SalvageTrashPage *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_PAGE (self), FALSE);

  return self->only_keys != NULL;
}
