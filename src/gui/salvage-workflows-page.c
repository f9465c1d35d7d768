/* salvage-workflows-page.c - the Workflows page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-format.h"
#include "salvage-list-row.h"
#include "salvage-page-util.h"
#include "salvage-workflows-page.h"

struct _SalvageWorkflowsPage
{
  SalvagePage          parent_instance;

  GtkStack            *stack;
  AdwStatusPage       *error_page;
  GtkStack            *layouts;
  GtkColumnView       *column_view;
  GtkListView         *list_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *url_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *date_column;
  GtkColumnViewColumn *actions_column;
  GMenuModel          *context_menu;

  GtkStringFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
};

G_DEFINE_FINAL_TYPE (SalvageWorkflowsPage, salvage_workflows_page, SALVAGE_TYPE_PAGE)

enum {
  DELETE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
get_workflows (SalvageWorkflowsPage *self)
{
  SalvageWorkspace *workspace = salvage_page_get_workspace (SALVAGE_PAGE (self));

  return workspace != NULL ? salvage_workspace_get_workflows (workspace) : NULL;
}

static void
count_items (SalvagePage *page,
             guint       *n_items,
             guint       *n_shown)
{
  SalvageWorkflowsPage *self = SALVAGE_WORKFLOWS_PAGE (page);
  GListModel *workflows = get_workflows (self);

  *n_items = workflows != NULL ? g_list_model_get_n_items (workflows) : 0;
  *n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

static void
workspace_changed (SalvagePage      *page,
                   SalvageWorkspace *workspace)
{
  SalvageWorkflowsPage *self = SALVAGE_WORKFLOWS_PAGE (page);

  gtk_filter_list_model_set_model (self->filtered, get_workflows (self));
}

static void
search_changed (SalvagePage *page,
                const char  *text)
{
  gtk_string_filter_set_search (SALVAGE_WORKFLOWS_PAGE (page)->filter, text);
}

static char *
name_text (gpointer item)
{
  return g_strdup (salvage_workflow_get_name (item));
}

static char *
url_text (gpointer item)
{
  return g_strdup (salvage_workflow_get_url (item));
}

static char *
status_text (gpointer item)
{
  const char *status = salvage_workflow_get_status (item);

  return g_strdup (status != NULL ? salvage_format_workflow_status (status) : "—");
}

/* When a workflow was last changed, as on the Projects page: one never
 * changed, or whose server gives only its creation, was changed then. */
static GDateTime *
get_date (SalvageWorkflow *workflow)
{
  GDateTime *updated = salvage_workflow_get_updated (workflow);

  return updated != NULL ? updated : salvage_workflow_get_created (workflow);
}

static char *
date_text (gpointer item)
{
  return salvage_format_date (get_date (item));
}

static int
compare_date_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return salvage_compare_dates (get_date ((SalvageWorkflow *) a), get_date ((SalvageWorkflow *) b));
}

static void
delete_clicked_cb (GtkButton            *button,
                   SalvageWorkflowsPage *self)
{
  GtkListItem *list_item = salvage_cell_get_list_item (GTK_WIDGET (button));
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, item);
}

static GtkWidget *
delete_button_new (SalvageWorkflowsPage *self,
                   GtkListItem          *list_item)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  salvage_cell_set_tooltip (button, _("Move to Trash"));
  gtk_widget_add_css_class (button, "flat");
  salvage_cell_set_list_item (button, list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);

  return button;
}

static void
delete_button_bind (SalvageWorkflowsPage *self,
                    GtkWidget            *button,
                    SalvageWorkflow      *workflow)
{
  g_autofree char *label = NULL;

  label = g_strdup_printf (_("Move “%s” to Trash"), salvage_workflow_get_name (workflow));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  salvage_page_watch_busy (SALVAGE_PAGE (self), button, workflow, salvage_page_delete_button_busy);
}

static void
actions_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  SalvageWorkflowsPage     *self)
{
  gtk_list_item_set_child (list_item, delete_button_new (self, list_item));
}

static void
actions_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 SalvageWorkflowsPage     *self)
{
  delete_button_bind (self, gtk_list_item_get_child (list_item), gtk_list_item_get_item (list_item));
}

/* Rows, on a narrow window: the name, its URL, status and date, and Move
 * to Trash. */
static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SalvageWorkflowsPage     *self)
{
  GtkWidget *row = salvage_list_row_new ();

  salvage_list_row_add_suffix (SALVAGE_LIST_ROW (row), delete_button_new (self, list_item));
  salvage_cell_set_list_item (row, list_item);
  gtk_list_item_set_child (list_item, row);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SalvageWorkflowsPage     *self)
{
  SalvageListRow *row = SALVAGE_LIST_ROW (gtk_list_item_get_child (list_item));
  SalvageWorkflow *workflow = gtk_list_item_get_item (list_item);
  g_autofree char *status = status_text (workflow);
  g_autofree char *date = date_text (workflow);
  g_autofree char *subtitle = NULL;

  /* Translators: a workflow's URL, status and date, e.g. "blur-faces · Active · 3 Nov 2026" */
  subtitle = g_strdup_printf (_("%s · %s · %s"), salvage_workflow_get_url (workflow), status, date);
  salvage_list_row_set_title (row, salvage_workflow_get_name (workflow));
  salvage_list_row_set_subtitle (row, subtitle);
  delete_button_bind (self, salvage_list_row_get_suffix (row, 0), workflow);
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SalvageWorkflowsPage *self = SALVAGE_WORKFLOWS_PAGE (widget);
  gpointer item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, item);
}

static void
selection_changed_cb (SalvageWorkflowsPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "workflows.delete-selected",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
rows_changed_cb (SalvageWorkflowsPage *self)
{
  salvage_page_update_view (SALVAGE_PAGE (self));
}

static void
salvage_workflows_page_dispose (GObject *object)
{
  SalvageWorkflowsPage *self = SALVAGE_WORKFLOWS_PAGE (object);


  /* The stack is both a template child and the bin's child: leave the bin
   * first, so that it does not unparent the stack a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WORKFLOWS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (salvage_workflows_page_parent_class)->dispose (object);
}

static void
salvage_workflows_page_class_init (SalvageWorkflowsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalvagePageClass *page_class = SALVAGE_PAGE_CLASS (klass);

  object_class->dispose = salvage_workflows_page_dispose;
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
                                               "/io/github/salvage/Salvage/salvage-workflows-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, layouts);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, url_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, date_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, actions_column);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkflowsPage, context_menu);

  gtk_widget_class_install_action (widget_class, "workflows.delete-selected", NULL,
                                   delete_selected_action);


  /* The last binding of an action is the one menus show. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "workflows.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "workflows.delete-selected", NULL);
}

static GtkSorter *
string_sorter_new (const char *property)
{
  return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (SALVAGE_TYPE_WORKFLOW,
                                                                         NULL, property)));
}

static void
set_column (GtkColumnViewColumn *column,
            GtkListItemFactory  *factory,
            GtkSorter           *sorter)
{
  gtk_column_view_column_set_factory (column, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  g_clear_object (&factory);
  g_clear_object (&sorter);
}

static void
salvage_workflows_page_init (SalvageWorkflowsPage *self)
{
  g_autoptr(GtkListItemFactory) row_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  salvage_page_set_views (SALVAGE_PAGE (self), self->stack, self->error_page);

  self->filter = gtk_string_filter_new (gtk_property_expression_new (SALVAGE_TYPE_WORKFLOW,
                                                                     NULL, "name"));
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);

  self->filtered = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->filter)));
  /* The filter model passes on every change of the store, too. */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  salvage_page_keep_focus (SALVAGE_PAGE (self), G_LIST_MODEL (self->sorted));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  salvage_page_set_lists (SALVAGE_PAGE (self), self->layouts, self->column_view, self->list_view,
                          GTK_SELECTION_MODEL (self->selection));
  row_factory = salvage_signal_factory_new (self, G_CALLBACK (row_setup_cb),
                                            G_CALLBACK (row_bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, row_factory);

  set_column (self->name_column, salvage_text_factory_new (name_text, 24, FALSE),
              string_sorter_new ("name"));
  set_column (self->url_column, salvage_text_factory_new (url_text, 24, FALSE),
              string_sorter_new ("url"));
  set_column (self->status_column, salvage_text_factory_new (status_text, 10, FALSE),
              string_sorter_new ("status"));
  set_column (self->date_column, salvage_text_factory_new (date_text, 12, FALSE),
              GTK_SORTER (gtk_custom_sorter_new (compare_date_cb, NULL, NULL)));

  set_column (self->actions_column,
              salvage_signal_factory_new (self, G_CALLBACK (actions_setup_cb),
                                          G_CALLBACK (actions_bind_cb), NULL),
              NULL);

  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);

  salvage_page_set_context_menu (SALVAGE_PAGE (self), GTK_SELECTION_MODEL (self->selection),
                                 self->context_menu);

  selection_changed_cb (self);
  salvage_page_update_view (SALVAGE_PAGE (self));
}

gboolean
salvage_workflows_page_select_item (SalvageWorkflowsPage *self,
                                    SalvageWorkflow      *workflow)
{
  GListModel *rows;
  guint n;

  g_return_val_if_fail (SALVAGE_IS_WORKFLOWS_PAGE (self), FALSE);
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (workflow), FALSE);

  rows = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (rows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SalvageWorkflow) row = g_list_model_get_item (rows, i);

      if (row == workflow)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}

GListModel *
salvage_workflows_page_get_rows (SalvageWorkflowsPage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOWS_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}
