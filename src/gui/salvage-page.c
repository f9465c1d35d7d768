/* salvage-page.c - what the Projects, Workflows and Trash pages have in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-page-util.h"
#include "salvage-page.h"

typedef struct
{
  SalvageWorkspace    *workspace;
  SalvageSessionState  state;
  GError              *error;
  char                *search;

  GtkStack            *stack;
  AdwStatusPage       *error_page;

  /* The list, as columns on a wide window and as rows on a narrow one:
   * only the view shown has the model. */
  GtkStack            *layouts;
  GtkColumnView       *columns;
  GtkListView         *rows;
  GtkSelectionModel   *model;
  gboolean             narrow;
  /* Whether the page was ever shown: until then neither view has the
   * model, so that a page nobody looked at makes no rows. */
  gboolean             was_mapped;

  /* The context menu of the rows. */
  GtkSelectionModel   *selection;
  GtkWidget           *popover;

  SalvageSession      *session;
  /* Cell → BusyWatch: the cells that show whether their item is busy. */
  GHashTable          *busy_cells;

  /* Where the row with the focus was when rows left, to focus there again. */
  GListModel          *kept_rows;
  guint                refocus_position;
  guint                refocus_id;
} SalvagePagePrivate;

typedef struct
{
  GObject             *item;
  SalvagePageBusyFunc  func;
} BusyWatch;

static void
busy_watch_free (BusyWatch *watch)
{
  g_clear_object (&watch->item);
  g_free (watch);
}

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SalvagePage, salvage_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_STATE,
  PROP_ERROR,
  PROP_SEARCH,
  PROP_NARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_workspace (SalvagePage      *self,
               SalvageWorkspace *workspace)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  if (!g_set_object (&priv->workspace, workspace))
    return;

  SALVAGE_PAGE_GET_CLASS (self)->workspace_changed (self, workspace);
  salvage_page_update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

static void
set_search (SalvagePage *self,
            const char  *search)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  if (!g_set_str (&priv->search, search))
    return;

  if (SALVAGE_PAGE_GET_CLASS (self)->search_changed != NULL)
    SALVAGE_PAGE_GET_CLASS (self)->search_changed (self, search);
  salvage_page_update_view (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

static void
busy_cell_finalized_cb (gpointer  user_data,
                        GObject  *where_the_object_was)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (SALVAGE_PAGE (user_data));

  if (priv->busy_cells != NULL)
    g_hash_table_remove (priv->busy_cells, where_the_object_was);
}

static void
forget_busy_cells (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer cell;

  if (priv->busy_cells == NULL)
    return;

  g_hash_table_iter_init (&iter, priv->busy_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    g_object_weak_unref (cell, busy_cell_finalized_cb, self);
  g_clear_pointer (&priv->busy_cells, g_hash_table_unref);
}

static void
busy_changed_cb (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GHashTableIter iter;
  gpointer cell;
  BusyWatch *watch;

  g_hash_table_iter_init (&iter, priv->busy_cells);
  while (g_hash_table_iter_next (&iter, &cell, (gpointer *) &watch))
    watch->func (self, cell, watch->item, salvage_page_get_busy (self, watch->item));
}

static void
salvage_page_dispose (GObject *object)
{
  SalvagePage *self = SALVAGE_PAGE (object);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  forget_busy_cells (self);
  g_clear_object (&priv->session);
  g_clear_handle_id (&priv->refocus_id, g_source_remove);
  if (priv->kept_rows != NULL)
    g_signal_handlers_disconnect_by_data (priv->kept_rows, self);
  g_clear_object (&priv->kept_rows);

  priv->stack = NULL;
  priv->error_page = NULL;
  priv->layouts = NULL;
  priv->columns = NULL;
  priv->rows = NULL;
  g_clear_pointer (&priv->popover, gtk_widget_unparent);
  g_clear_object (&priv->selection);
  g_clear_object (&priv->model);
  g_clear_object (&priv->workspace);

  G_OBJECT_CLASS (salvage_page_parent_class)->dispose (object);
}

static void
salvage_page_finalize (GObject *object)
{
  SalvagePage *self = SALVAGE_PAGE (object);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_clear_error (&priv->error);
  g_clear_pointer (&priv->search, g_free);

  G_OBJECT_CLASS (salvage_page_parent_class)->finalize (object);
}

static void
salvage_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SalvagePage *self = SALVAGE_PAGE (object);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, priv->workspace);
      break;
    case PROP_STATE:
      g_value_set_enum (value, priv->state);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, priv->error);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, priv->search);
      break;
    case PROP_NARROW:
      g_value_set_boolean (value, priv->narrow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SalvagePage *self = SALVAGE_PAGE (object);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      set_workspace (self, g_value_get_object (value));
      break;
    case PROP_STATE:
      if (priv->state != (SalvageSessionState) g_value_get_enum (value))
        {
          priv->state = g_value_get_enum (value);
          salvage_page_update_view (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_ERROR:
      g_clear_error (&priv->error);
      priv->error = g_value_dup_boxed (value);
      salvage_page_update_view (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_SEARCH:
      set_search (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GtkWidget *
get_list_view (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  return priv->narrow ? GTK_WIDGET (priv->rows) : GTK_WIDGET (priv->columns);
}

/* The context menu, from the keyboard: at the focused row. */
static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SalvagePage *self = SALVAGE_PAGE (widget);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  if (priv->popover != NULL)
    salvage_popup_at_focus (widget, get_list_view (self), GTK_POPOVER (priv->popover));
}

/* The context menu, from the mouse: at the pointer, for the row under it. */
static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    SalvagePage     *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkListItem *list_item;
  guint position;

  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  list_item = salvage_pick_list_item (view, x, y);
  if (list_item == NULL)
    return;

  /* A click on a row outside the selection acts on that row alone. */
  position = gtk_list_item_get_position (list_item);
  if (!gtk_selection_model_is_selected (priv->selection, position))
    gtk_selection_model_select_item (priv->selection, position, TRUE);

  salvage_popup_at_point (GTK_WIDGET (self), view, GTK_POPOVER (priv->popover), x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void apply_layout (SalvagePage *self);

/* A page makes its rows only once it is first shown: a page made before
 * (asked for by the window, or behind another in the view stack) holds
 * its list with no row widgets, and at start only the page in sight
 * makes any. */
static void
salvage_page_map (GtkWidget *widget)
{
  SalvagePage *self = SALVAGE_PAGE (widget);
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  GTK_WIDGET_CLASS (salvage_page_parent_class)->map (widget);

  if (!priv->was_mapped)
    {
      priv->was_mapped = TRUE;
      if (priv->model != NULL)
        apply_layout (self);
    }
}

static void
salvage_page_class_init (SalvagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_page_dispose;
  object_class->finalize = salvage_page_finalize;
  object_class->get_property = salvage_page_get_property;
  object_class->set_property = salvage_page_set_property;

  widget_class->map = salvage_page_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL, SALVAGE_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SALVAGE_TYPE_SESSION_STATE, SALVAGE_SESSION_LOADING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the page shows rows for a narrow window: what else the page
   * shows may follow it. Set with salvage_page_set_narrow(). */
  properties[PROP_NARROW] =
    g_param_spec_boolean ("narrow", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "page.context-menu", NULL, context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "page.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "page.context-menu", NULL);
}

static void
salvage_page_init (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  priv->state = SALVAGE_SESSION_LOADING;
  priv->busy_cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) busy_watch_free);
}

void
salvage_page_set_views (SalvagePage   *self,
                        GtkStack      *stack,
                        AdwStatusPage *error_page)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_STATUS_PAGE (error_page));

  priv->stack = stack;
  priv->error_page = error_page;
}

/* Gives the model to the view the width calls for. A view without a
 * model makes no rows: only the one shown follows the list, which may be
 * the whole Trash. */
static void
apply_layout (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkSelectionModel *model = priv->was_mapped ? priv->model : NULL;

  if (priv->narrow)
    {
      gtk_column_view_set_model (priv->columns, NULL);
      gtk_list_view_set_model (priv->rows, model);
    }
  else
    {
      gtk_list_view_set_model (priv->rows, NULL);
      gtk_column_view_set_model (priv->columns, model);
    }

  gtk_stack_set_visible_child_name (priv->layouts, priv->narrow ? "rows" : "columns");
}

void
salvage_page_set_lists (SalvagePage       *self,
                        GtkStack          *layouts,
                        GtkColumnView     *columns,
                        GtkListView       *rows,
                        GtkSelectionModel *model)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (GTK_IS_STACK (layouts));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (columns));
  g_return_if_fail (GTK_IS_LIST_VIEW (rows));
  g_return_if_fail (GTK_IS_SELECTION_MODEL (model));
  g_return_if_fail (priv->model == NULL);

  priv->layouts = layouts;
  priv->columns = columns;
  priv->rows = rows;
  priv->model = g_object_ref (model);

  apply_layout (self);
}

void
salvage_page_set_narrow (SalvagePage *self,
                         gboolean     narrow)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkRoot *root;
  GtkWidget *focus = NULL;
  gboolean had_focus;

  g_return_if_fail (SALVAGE_IS_PAGE (self));

  narrow = !!narrow;
  if (priv->narrow == narrow)
    return;

  /* The focus follows the list from one view to the other. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  had_focus = focus != NULL && priv->model != NULL &&
              gtk_widget_is_ancestor (focus, get_list_view (self));

  priv->narrow = narrow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NARROW]);
  if (priv->model == NULL)
    return;

  apply_layout (self);

  if (had_focus)
    gtk_widget_grab_focus (get_list_view (self));
}

gboolean
salvage_page_get_narrow (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), FALSE);

  return priv->narrow;
}

GtkWidget *
salvage_page_get_list_view (SalvagePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return get_list_view (self);
}

void
salvage_page_set_context_menu (SalvagePage       *self,
                               GtkSelectionModel *selection,
                               GMenuModel        *menu)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkWidget *views[2];

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (GTK_IS_SELECTION_MODEL (selection));
  g_return_if_fail (G_IS_MENU_MODEL (menu));
  g_return_if_fail (priv->model != NULL);
  g_return_if_fail (priv->popover == NULL);

  priv->selection = g_object_ref (selection);

  priv->popover = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->popover), FALSE);
  gtk_widget_set_halign (priv->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (priv->popover, GTK_WIDGET (self));

  views[0] = GTK_WIDGET (priv->columns);
  views[1] = GTK_WIDGET (priv->rows);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkGesture *gesture = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
      g_signal_connect (gesture, "pressed", G_CALLBACK (context_pressed_cb), self);
      gtk_widget_add_controller (views[i], GTK_EVENT_CONTROLLER (gesture));
    }
}

GtkPopover *
salvage_page_get_context_menu (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return GTK_POPOVER (priv->popover);
}

void
salvage_page_update_view (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  const char *child;
  guint n_items = 0;
  guint n_shown = 0;

  g_return_if_fail (SALVAGE_IS_PAGE (self));

  /* Lists can still change while the page is torn down. */
  if (priv->stack == NULL)
    return;

  SALVAGE_PAGE_GET_CLASS (self)->count_items (self, &n_items, &n_shown);

  switch (priv->state)
    {
    case SALVAGE_SESSION_IDLE:
    case SALVAGE_SESSION_LOADING:
      child = n_items > 0 ? "content" : "loading";
      break;

    case SALVAGE_SESSION_FAILED:
      {
        /* The description is markup; the message may quote the server. */
        g_autofree char *escaped = priv->error != NULL ? g_markup_escape_text (priv->error->message, -1)
                                                       : NULL;

        adw_status_page_set_description (priv->error_page, escaped);
      }
      child = n_items > 0 ? "content" : "error";
      break;

    case SALVAGE_SESSION_READY:
    default:
      child = n_items > 0 ? "content" : "empty";
      break;
    }

  if (g_str_equal (child, "content") && n_shown == 0)
    child = "no-results";

  /* What was waited for appears at once: fading it in would only hold
   * it back, and paint the whole page twice a frame while it fades. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (priv->stack), "loading") == 0)
    gtk_stack_set_visible_child_full (priv->stack, child, GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (priv->stack, child);

  if (SALVAGE_PAGE_GET_CLASS (self)->view_updated != NULL)
    SALVAGE_PAGE_GET_CLASS (self)->view_updated (self);
}

/* Scrolls to the row at @position and gives it the focus. */
static void
focus_row (SalvagePage *self,
           guint        position)
{
  GtkWidget *view = salvage_page_get_list_view (self);
  GtkWidget *focus;

  if (GTK_IS_COLUMN_VIEW (view))
    gtk_column_view_scroll_to (GTK_COLUMN_VIEW (view), position, NULL, GTK_LIST_SCROLL_FOCUS, NULL);
  else
    gtk_list_view_scroll_to (GTK_LIST_VIEW (view), position, GTK_LIST_SCROLL_FOCUS, NULL);

  /* A row scrolled to from far away has no widget yet to take the focus;
   * the view gives it to the row it now tracks as focused. */
  focus = gtk_root_get_focus (gtk_widget_get_root (view));
  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    gtk_widget_grab_focus (view);
}

static gboolean
refocus_cb (gpointer user_data)
{
  SalvagePage *self = user_data;
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  guint n_items = g_list_model_get_n_items (priv->kept_rows);

  priv->refocus_id = 0;

  /* A dialog opened meanwhile: the focus comes back from it by itself.
   * Anywhere else, GTK put it where it could when the row went (the first
   * button of the window, or another row), not where the user was. */
  if (focus != NULL && gtk_widget_get_ancestor (focus, ADW_TYPE_DIALOG) != NULL)
    return G_SOURCE_REMOVE;

  if (n_items > 0 && gtk_widget_get_mapped (salvage_page_get_list_view (self)))
    focus_row (self, MIN (priv->refocus_position, n_items - 1));

  return G_SOURCE_REMOVE;
}

/* The list item of a cell at or around @widget (a row, or something in
 * one), or NULL. */
static GtkListItem *
find_list_item (GtkWidget *widget,
                GtkWidget *view)
{
  for (GtkWidget *up = widget; up != NULL && up != view; up = gtk_widget_get_parent (up))
    if (salvage_cell_get_list_item (up) != NULL)
      return salvage_cell_get_list_item (up);

  for (GtkWidget *down = gtk_widget_get_first_child (widget);
       down != NULL;
       down = gtk_widget_get_next_sibling (down))
    {
      GtkListItem *list_item = find_list_item (down, NULL);

      if (list_item != NULL)
        return list_item;
    }

  return NULL;
}

/* Runs before the view hears of the change: the focus is still on the
 * row that is about to go. */
static void
rows_changed_cb (SalvagePage *self,
                 guint        position,
                 guint        removed,
                 guint        added)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *view = salvage_page_get_list_view (self);
  GtkListItem *list_item;

  if (removed == 0 || view == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return;

  /* Where the focused row was, which the row after it takes; if it goes.
   * A reload changes more rows than the one that went. */
  list_item = find_list_item (focus, view);
  if (list_item != NULL && gtk_list_item_get_position (list_item) != GTK_INVALID_LIST_POSITION)
    {
      guint focused = gtk_list_item_get_position (list_item);

      if (focused < position || focused >= position + removed)
        return;
      position = focused;
    }

  priv->refocus_position = position;
  if (priv->refocus_id == 0)
    priv->refocus_id = g_idle_add (refocus_cb, self);
}

void
salvage_page_keep_focus (SalvagePage *self,
                         GListModel  *rows)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (G_IS_LIST_MODEL (rows));
  g_return_if_fail (priv->kept_rows == NULL);

  priv->kept_rows = g_object_ref (rows);
  g_signal_connect_swapped (rows, "items-changed", G_CALLBACK (rows_changed_cb), self);
}

gboolean
salvage_page_focus_rows (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  g_autoptr(GtkBitset) selected = NULL;
  GtkWidget *view;
  guint n_items;
  guint position = 0;

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), FALSE);

  /* The view shown, columns or rows, is the one with the model. */
  view = salvage_page_get_list_view (self);
  n_items = priv->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->model)) : 0;
  if (view == NULL || n_items == 0 || !gtk_widget_get_mapped (view))
    return priv->stack != NULL &&
           gtk_widget_child_focus (gtk_stack_get_visible_child (priv->stack), GTK_DIR_TAB_FORWARD);

  selected = gtk_selection_model_get_selection (priv->model);
  if (!gtk_bitset_is_empty (selected) && gtk_bitset_get_minimum (selected) < n_items)
    position = gtk_bitset_get_minimum (selected);

  focus_row (self, position);
  return TRUE;
}

SalvageWorkspace *
salvage_page_get_workspace (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return priv->workspace;
}

SalvageSessionState
salvage_page_get_state (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), SALVAGE_SESSION_IDLE);

  return priv->state;
}

const char *
salvage_page_get_search (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return priv->search;
}

const char *
salvage_page_get_view (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return priv->stack != NULL ? gtk_stack_get_visible_child_name (priv->stack) : NULL;
}

void
salvage_page_bind (SalvagePage    *self,
                   SalvageSession *session,
                   GObject        *search_source)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (SALVAGE_IS_SESSION (session));
  g_return_if_fail (G_IS_OBJECT (search_source));

  /* The error before the state, so that the error page has its words
   * when it is shown. */
  g_object_bind_property (session, "error", self, "error", G_BINDING_SYNC_CREATE);
  g_object_bind_property (session, "state", self, "state", G_BINDING_SYNC_CREATE);
  g_object_bind_property (session, "workspace", self, "workspace", G_BINDING_SYNC_CREATE);
  g_object_bind_property (search_source, "search", self, "search", G_BINDING_SYNC_CREATE);

  g_set_object (&priv->session, session);
  g_signal_connect_object (session, "busy-changed", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);
  busy_changed_cb (self);

  if (SALVAGE_PAGE_GET_CLASS (self)->session_bound != NULL)
    SALVAGE_PAGE_GET_CLASS (self)->session_bound (self, session);
}

void
salvage_page_watch_busy (SalvagePage         *self,
                         GtkWidget           *cell,
                         gpointer             item,
                         SalvagePageBusyFunc  func)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);
  BusyWatch *watch;

  g_return_if_fail (SALVAGE_IS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (cell));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));
  g_return_if_fail (func != NULL);

  if (priv->busy_cells == NULL)
    return;

  if (item == NULL)
    {
      if (g_hash_table_remove (priv->busy_cells, cell))
        g_object_weak_unref (G_OBJECT (cell), busy_cell_finalized_cb, self);
      return;
    }

  if (!g_hash_table_contains (priv->busy_cells, cell))
    g_object_weak_ref (G_OBJECT (cell), busy_cell_finalized_cb, self);

  watch = g_new0 (BusyWatch, 1);
  watch->item = g_object_ref (item);
  watch->func = func;
  g_hash_table_insert (priv->busy_cells, cell, watch);

  func (self, cell, item, salvage_page_get_busy (self, item));
}

void
salvage_page_delete_button_busy (SalvagePage *self,
                                 GtkWidget   *button,
                                 gpointer     item,
                                 SalvageBusy  busy)
{
  gboolean shows_spinner = ADW_IS_SPINNER (gtk_button_get_child (GTK_BUTTON (button)));
  gboolean deletable = g_object_get_data (G_OBJECT (button), "salvage-not-deletable") == NULL;

  /* The button stays sensitive: it may have the focus, which the
   * confirmation gives back to it as it closes. A click says that the
   * item is on its way already. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                               GTK_ACCESSIBLE_STATE_BUSY, busy == SALVAGE_BUSY_DELETING,
                               -1);

  if (busy == SALVAGE_BUSY_DELETING)
    {
      if (!shows_spinner)
        gtk_button_set_child (GTK_BUTTON (button), adw_spinner_new ());
      salvage_cell_set_tooltip (button, _("Moving to the Trash…"));
      return;
    }

  if (shows_spinner)
    {
      gtk_button_set_icon_name (GTK_BUTTON (button), "user-trash-symbolic");
      if (deletable)
        salvage_cell_set_tooltip (button, _("Move to Trash"));
    }
  gtk_widget_set_sensitive (button, deletable);
}

SalvageBusy
salvage_page_get_busy (SalvagePage *self,
                       gpointer     item)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), SALVAGE_BUSY_NONE);

  if (priv->session == NULL || item == NULL)
    return SALVAGE_BUSY_NONE;

  return salvage_session_get_busy (priv->session, item);
}

SalvageSession *
salvage_page_get_session (SalvagePage *self)
{
  SalvagePagePrivate *priv = salvage_page_get_instance_private (self);

  g_return_val_if_fail (SALVAGE_IS_PAGE (self), NULL);

  return priv->session;
}
