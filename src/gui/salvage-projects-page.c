/* salvage-projects-page.c - the Projects page: projects, their versions and trainings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-expansion.h"
#include "salvage-format.h"
#include "salvage-page-util.h"
#include "salvage-projects-columns.h"
#include "salvage-projects-page-private.h"

G_DEFINE_FINAL_TYPE (SalvageProjectsPage, salvage_projects_page, SALVAGE_TYPE_PAGE)

G_DEFINE_FINAL_TYPE (SalvageLevelStatus, salvage_level_status, G_TYPE_OBJECT)

static void
salvage_level_status_finalize (GObject *object)
{
  SalvageLevelStatus *self = SALVAGE_LEVEL_STATUS (object);

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (salvage_level_status_parent_class)->finalize (object);
}

static void
salvage_level_status_class_init (SalvageLevelStatusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = salvage_level_status_finalize;
}

static void
salvage_level_status_init (SalvageLevelStatus *self)
{
}

static SalvageLevelStatus *
salvage_level_status_new (const char *error_message)
{
  SalvageLevelStatus *self = g_object_new (SALVAGE_TYPE_LEVEL_STATUS, NULL);

  self->error_message = g_strdup (error_message);
  return self;
}

/* The children of a row: a status row, if any, then the workspace's store. */
typedef struct
{
  GListStore *status;  /* SalvageLevelStatus, none or one */
  GListModel *model;
} Level;

static void
level_free (Level *level)
{
  g_clear_object (&level->status);
  g_clear_object (&level->model);
  g_free (level);
}

static Level *
get_level (SalvageProjectsPage *self,
           GListModel          *store)
{
  Level *level = g_hash_table_lookup (self->levels, store);
  GListStore *parts;

  if (level != NULL)
    return level;

  level = g_new0 (Level, 1);
  level->status = g_list_store_new (SALVAGE_TYPE_LEVEL_STATUS);
  parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (parts, level->status);
  g_list_store_append (parts, store);
  level->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));

  g_hash_table_insert (self->levels, g_object_ref (store), level);
  return level;
}

static void
set_level_status (Level              *level,
                  SalvageLevelStatus *status)
{
  g_list_store_splice (level->status, 0, g_list_model_get_n_items (G_LIST_MODEL (level->status)),
                       (gpointer *) &status, status != NULL ? 1 : 0);
}

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SalvageWorkspace *
get_workspace (SalvageProjectsPage *self)
{
  return salvage_page_get_workspace (SALVAGE_PAGE (self));
}

static GListModel *
get_projects (SalvageProjectsPage *self)
{
  SalvageWorkspace *workspace = get_workspace (self);

  return workspace != NULL ? salvage_workspace_get_projects (workspace) : NULL;
}

static void
count_items (SalvagePage *page,
             guint       *n_items,
             guint       *n_shown)
{
  SalvageProjectsPage *self = SALVAGE_PROJECTS_PAGE (page);
  GListModel *projects = get_projects (self);

  *n_items = projects != NULL ? g_list_model_get_n_items (projects) : 0;
  *n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
set_sorter (GtkColumnViewColumn *column,
            GCompareDataFunc     func)
{
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (func, NULL, NULL));

  gtk_column_view_column_set_sorter (column, sorter);
}

/* Loading children on demand */

typedef struct
{
  SalvageProjectsPage *self;
  GObject             *item;
  GListModel          *store;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->item);
  g_clear_object (&data->store);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static GtkTreeListRow *find_row (SalvageProjectsPage *self,
                                 gpointer             item,
                                 guint               *position);

/* Whether the server lists the children of @item (it may not list a
 * version's training runs). */
static gboolean
level_is_listed (SalvageProjectsPage *self,
                 gpointer             item)
{
  if (!SALVAGE_IS_VERSION (item) || get_workspace (self) == NULL)
    return TRUE;

  return salvage_workspace_get_trainings_listed (get_workspace (self), item);
}

static void
load_finished (LoadData     *data,
               const GError *error)
{
  SalvageProjectsPage *self = data->self;
  Level *level;

  /* Cancelled: the page or its workspace went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->levels == NULL)
    return;

  level = get_level (self, data->store);

  if (error != NULL)
    {
      g_autoptr(SalvageLevelStatus) status = NULL;

      /* Forget the attempt, so that expanding the row again retries. */
      g_hash_table_remove (self->requested, data->store);
      status = salvage_level_status_new (error->message);
      set_level_status (level, status);
      return;
    }

  g_hash_table_add (self->loaded, g_object_ref (data->store));

  /* A version whose runs the server does not list is shown without
   * them, and a quiet note says so where they would be. */
  if (!level_is_listed (self, data->item))
    {
      g_autoptr(SalvageLevelStatus) status = salvage_level_status_new (NULL);

      status->note = g_strdup (_("Training runs are not available for this version"));
      set_level_status (level, status);
      return;
    }

  set_level_status (level, NULL);

  /* Known to be empty: fold the row, which then has no expander. */
  if (g_list_model_get_n_items (data->store) == 0)
    {
      g_autoptr(GtkTreeListRow) row = find_row (self, data->item, NULL);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, FALSE);
    }
}

static void
load_versions_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;

  salvage_workspace_load_versions_finish (SALVAGE_WORKSPACE (object), result, &error);
  load_finished (data, error);
}

static void
load_trainings_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(LoadData) data = user_data;
  g_autoptr(GError) error = NULL;

  salvage_workspace_load_trainings_finish (SALVAGE_WORKSPACE (object), result, &error);
  load_finished (data, error);
}

static void
load_children (SalvageProjectsPage *self,
               gpointer             item)
{
  GListModel *store;
  LoadData *data;

  if (get_workspace (self) == NULL)
    return;

  if (SALVAGE_IS_PROJECT (item))
    store = salvage_workspace_get_versions (get_workspace (self), item);
  else if (SALVAGE_IS_VERSION (item))
    store = salvage_workspace_get_trainings (get_workspace (self), item);
  else
    return;

  if (!g_hash_table_add (self->requested, g_object_ref (store)))
    return;

  /* A first load shows that it is under way; a reload keeps the rows. */
  if (g_list_model_get_n_items (store) == 0)
    {
      g_autoptr(SalvageLevelStatus) status = salvage_level_status_new (NULL);

      set_level_status (get_level (self, store), status);
    }
  else
    {
      set_level_status (get_level (self, store), NULL);
    }

  data = g_new0 (LoadData, 1);
  data->self = g_object_ref (self);
  data->item = g_object_ref (item);
  data->store = g_object_ref (store);

  if (SALVAGE_IS_PROJECT (item))
    salvage_workspace_load_versions_async (get_workspace (self), item, self->cancellable,
                                           load_versions_cb, data);
  else
    salvage_workspace_load_trainings_async (get_workspace (self), item, self->cancellable,
                                            load_trainings_cb, data);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SalvageProjectsPage *self = user_data;
  GListModel *store;

  /* Called to learn whether a row can expand, too: only hand out the
   * level here; it is filled when the row is really expanded. */
  if (get_workspace (self) == NULL)
    return NULL;

  if (SALVAGE_IS_PROJECT (item))
    {
      /* The listing says so: no need to expand to find out. */
      if (salvage_project_get_version_count (item) == 0)
        return NULL;

      store = salvage_workspace_get_versions (get_workspace (self), item);
    }
  else if (SALVAGE_IS_VERSION (item))
    {
      store = salvage_workspace_get_trainings (get_workspace (self), item);
    }
  else
    {
      return NULL;
    }

  if (g_list_model_get_n_items (store) == 0 && g_hash_table_contains (self->loaded, store) &&
      level_is_listed (self, item))
    return NULL;

  return g_object_ref (get_level (self, store)->model);
}

/* What identifies a row across reloads, for keeping it expanded. */
static char *
dup_expansion_key (gpointer item)
{
  if (SALVAGE_IS_PROJECT (item))
    return g_strconcat ("project\n", salvage_project_get_slug (item), NULL);

  if (SALVAGE_IS_VERSION (item))
    return g_strconcat ("version\n", salvage_version_get_project_slug (item), "\n",
                        salvage_version_get_number (item), NULL);

  return NULL;
}

static void
expand_again_cb (gpointer item,
                 gpointer user_data)
{
  load_children (SALVAGE_PROJECTS_PAGE (user_data), item);
}

void
_salvage_projects_page_row_expanded_cb (GtkTreeListRow      *row,
                                        GParamSpec          *pspec,
                                        SalvageProjectsPage *self)
{
  g_autoptr(GObject) item = NULL;

  if (!gtk_tree_list_row_get_expanded (row))
    return;

  item = gtk_tree_list_row_get_item (row);
  load_children (self, item);
}

/* Actions */

void
_salvage_projects_page_request_delete (SalvageProjectsPage *self,
                                       gpointer             item)
{
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, item);
}


static gpointer
get_selected_object (SalvageProjectsPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;

  /* The row keeps the item alive. */
  item = gtk_tree_list_row_get_item (row);
  return item;
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SalvageProjectsPage *self = SALVAGE_PROJECTS_PAGE (widget);
  gpointer item = get_selected_object (self);

  if (item == NULL || SALVAGE_IS_LEVEL_STATUS (item))
    return;

  if (!salvage_projects_item_is_deletable (item))
    {
      gtk_widget_activate_action (widget, "win.toast", "s",
                                  _("A training run in progress cannot be moved to the Trash"));
      return;
    }

  g_signal_emit (self, signals[DELETE_REQUESTED], 0, item);
}

static void
expand_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SalvageProjectsPage *self = SALVAGE_PROJECTS_PAGE (widget);
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  gboolean expand = g_str_equal (action_name, "projects.expand-selected");

  if (row == NULL || !gtk_tree_list_row_is_expandable (row))
    return;

  if (expand)
    {
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      load_children (self, item);
    }

  gtk_tree_list_row_set_expanded (row, expand);
}

static void
selection_changed_cb (SalvageProjectsPage *self)
{
  gpointer item = get_selected_object (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "projects.delete-selected",
                                 item != NULL && salvage_projects_item_is_deletable (item));
}

static void
rows_changed_cb (SalvageProjectsPage *self)
{
  salvage_page_update_view (SALVAGE_PAGE (self));
}

/* GObject */

static void
salvage_projects_page_dispose (GObject *object)
{
  SalvageProjectsPage *self = SALVAGE_PROJECTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  /* The stack is both a template child and the bin's child: leave the bin
   * first, so that it does not unparent the stack a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_PROJECTS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->expansion);
  g_clear_object (&self->rows);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->requested, g_hash_table_unref);
  g_clear_pointer (&self->loaded, g_hash_table_unref);
  g_clear_pointer (&self->levels, g_hash_table_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (salvage_projects_page_parent_class)->dispose (object);
}

static void workspace_changed (SalvagePage      *page,
                               SalvageWorkspace *workspace);
static void search_changed    (SalvagePage      *page,
                               const char       *text);
static void state_changed_cb  (SalvageProjectsPage *self);

static void
salvage_projects_page_class_init (SalvageProjectsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalvagePageClass *page_class = SALVAGE_PAGE_CLASS (klass);

  object_class->dispose = salvage_projects_page_dispose;
  page_class->workspace_changed = workspace_changed;
  page_class->search_changed = search_changed;
  page_class->count_items = count_items;

  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-projects-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, layouts);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, type_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, images_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, versions_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, actions_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageProjectsPage, context_menu);

  gtk_widget_class_install_action (widget_class, "projects.delete-selected", NULL,
                                   delete_selected_action);


  gtk_widget_class_install_action (widget_class, "projects.expand-selected", NULL,
                                   expand_selected_action);
  gtk_widget_class_install_action (widget_class, "projects.collapse-selected", NULL,
                                   expand_selected_action);

  /* The row has the focus, not its expander, so the page handles these. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK,
                                       "projects.expand-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0,
                                       "projects.expand-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0,
                                       "projects.expand-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK,
                                       "projects.collapse-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0,
                                       "projects.collapse-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "projects.collapse-selected", NULL);
  /* The last binding of an action is the one menus show. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "projects.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "projects.delete-selected", NULL);
}

static void
salvage_projects_page_init (SalvageProjectsPage *self)
{
  GtkTreeListRowSorter *row_sorter;
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  salvage_page_set_views (SALVAGE_PAGE (self), self->stack, self->error_page);
  g_signal_connect (self, "notify::state", G_CALLBACK (state_changed_cb), NULL);

  self->cancellable = g_cancellable_new ();
  self->requested = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->loaded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->levels = g_hash_table_new_full (NULL, NULL, g_object_unref, (GDestroyNotify) level_free);

  expression = gtk_property_expression_new (SALVAGE_TYPE_PROJECT, NULL, "name");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);

  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  /* The filter model passes on every change of the store, too. */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
  self->rows = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                        FALSE, FALSE, create_children_cb, self, NULL);
  /* Sorting by a column orders each level among itself. */
  self->expansion = salvage_expansion_new (self->rows, dup_expansion_key, expand_again_cb, self);
  row_sorter = gtk_tree_list_row_sorter_new (g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                          GTK_SORTER (row_sorter));
  salvage_page_keep_focus (SALVAGE_PAGE (self), G_LIST_MODEL (self->sorted));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  salvage_page_set_lists (SALVAGE_PAGE (self), self->layouts, self->column_view, self->list_view,
                          GTK_SELECTION_MODEL (self->selection));
  _salvage_projects_page_set_up_cells (self);

  set_sorter (self->name_column, salvage_projects_compare_name);
  set_sorter (self->type_column, salvage_projects_compare_type);
  set_sorter (self->images_column, salvage_projects_compare_images);
  set_sorter (self->versions_column, salvage_projects_compare_versions);
  set_sorter (self->date_column, salvage_projects_compare_date);

  salvage_page_set_context_menu (SALVAGE_PAGE (self), GTK_SELECTION_MODEL (self->selection),
                                 self->context_menu);

  selection_changed_cb (self);
  salvage_page_update_view (SALVAGE_PAGE (self));
}

static void
workspace_changed (SalvagePage      *page,
                   SalvageWorkspace *workspace)
{
  SalvageProjectsPage *self = SALVAGE_PROJECTS_PAGE (page);

  /* Loads for the old workspace must not land in the new one's rows. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->requested);
  g_hash_table_remove_all (self->loaded);
  g_hash_table_remove_all (self->levels);
  salvage_expansion_clear (self->expansion);

  gtk_filter_list_model_set_model (self->filtered, get_projects (self));
}

/* A reload fetches versions and trainings again when next expanded. */
static void
state_changed_cb (SalvageProjectsPage *self)
{
  if (salvage_page_get_state (SALVAGE_PAGE (self)) == SALVAGE_SESSION_LOADING)
    {
      g_hash_table_remove_all (self->requested);
      g_hash_table_remove_all (self->loaded);
    }
}

static void
search_changed (SalvagePage *page,
                const char  *text)
{
  gtk_string_filter_set_search (SALVAGE_PROJECTS_PAGE (page)->filter, text);
}

static GtkTreeListRow *
find_row (SalvageProjectsPage *self,
          gpointer             item,
          guint               *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if ((gpointer) row_item == item)
        {
          if (position != NULL)
            *position = i;
          return g_steal_pointer (&row);
        }
    }

  return NULL;
}

gboolean
salvage_projects_page_select_item (SalvageProjectsPage *self,
                                   gpointer             item)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  g_return_val_if_fail (SALVAGE_IS_PROJECTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  row = find_row (self, item, &position);
  if (row == NULL)
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  return TRUE;
}

gboolean
salvage_projects_page_expand_item (SalvageProjectsPage *self,
                                   gpointer             item)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  g_return_val_if_fail (SALVAGE_IS_PROJECTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);

  row = find_row (self, item, NULL);
  if (row == NULL)
    return FALSE;

  /* A row without a cell on screen has no one watching "expanded". */
  load_children (self, item);
  gtk_tree_list_row_set_expanded (row, TRUE);
  return TRUE;
}

GListModel *
salvage_projects_page_get_rows (SalvageProjectsPage *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECTS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

const char *
salvage_projects_page_get_status_text (SalvageProjectsPage *self,
                                       guint                position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) item = NULL;
  SalvageLevelStatus *status;

  g_return_val_if_fail (SALVAGE_IS_PROJECTS_PAGE (self), NULL);

  row = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  if (!SALVAGE_IS_LEVEL_STATUS (item))
    return NULL;

  /* The level keeps the status alive as long as it is shown. */
  status = SALVAGE_LEVEL_STATUS (item);
  if (status->error_message != NULL)
    return status->error_message;
  if (status->note != NULL)
    return status->note;
  return _("Loading…");
}
