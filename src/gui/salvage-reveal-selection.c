/* salvage-reveal-selection.c - the Trash view's model: the rows shown so far, selected as a whole
 *
 * A large Trash reaches the view a few rows a frame (see "Showing many
 * rows at once" in salvage-trash-page.c), but what is selected is a matter of the whole
 * Trash: "select all" must select the rows still to come, and the
 * selection must not forget items whose rows are not there yet. So the
 * view is given the rows revealed so far, the first ones of the sorted
 * Trash, while the selection is kept by a GtkMultiSelection over all of
 * it. A row's position is the same in both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-reveal-selection.h"

struct _SalvageRevealSelection
{
  GObject            parent_instance;

  GListModel        *shown;      /* the first rows of what @selection holds */
  GtkSelectionModel *selection;  /* over every row */
};

static GType
salvage_reveal_selection_get_item_type (GListModel *model)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return g_list_model_get_item_type (self->shown);
}

static guint
salvage_reveal_selection_get_n_items (GListModel *model)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return g_list_model_get_n_items (self->shown);
}

static gpointer
salvage_reveal_selection_get_item (GListModel *model,
                                   guint       position)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return g_list_model_get_item (self->shown, position);
}

static void
salvage_reveal_selection_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = salvage_reveal_selection_get_item_type;
  iface->get_n_items = salvage_reveal_selection_get_n_items;
  iface->get_item = salvage_reveal_selection_get_item;
}

/* Every change of the selection goes to the whole: "unselect the rest"
 * includes the rows still to come. */

static gboolean
salvage_reveal_selection_is_selected (GtkSelectionModel *model,
                                      guint              position)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_is_selected (self->selection, position);
}

static GtkBitset *
salvage_reveal_selection_get_selection_in_range (GtkSelectionModel *model,
                                                 guint              position,
                                                 guint              n_items)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_get_selection_in_range (self->selection, position, n_items);
}

static gboolean
salvage_reveal_selection_select_item (GtkSelectionModel *model,
                                      guint              position,
                                      gboolean           unselect_rest)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_select_item (self->selection, position, unselect_rest);
}

static gboolean
salvage_reveal_selection_unselect_item (GtkSelectionModel *model,
                                        guint              position)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_unselect_item (self->selection, position);
}

static gboolean
salvage_reveal_selection_select_range (GtkSelectionModel *model,
                                       guint              position,
                                       guint              n_items,
                                       gboolean           unselect_rest)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_select_range (self->selection, position, n_items, unselect_rest);
}

static gboolean
salvage_reveal_selection_unselect_range (GtkSelectionModel *model,
                                         guint              position,
                                         guint              n_items)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_unselect_range (self->selection, position, n_items);
}

static gboolean
salvage_reveal_selection_select_all (GtkSelectionModel *model)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_select_all (self->selection);
}

static gboolean
salvage_reveal_selection_unselect_all (GtkSelectionModel *model)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_unselect_all (self->selection);
}

static gboolean
salvage_reveal_selection_set_selection (GtkSelectionModel *model,
                                        GtkBitset         *selected,
                                        GtkBitset         *mask)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (model);

  return gtk_selection_model_set_selection (self->selection, selected, mask);
}

static void
salvage_reveal_selection_selection_model_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = salvage_reveal_selection_is_selected;
  iface->get_selection_in_range = salvage_reveal_selection_get_selection_in_range;
  iface->select_item = salvage_reveal_selection_select_item;
  iface->unselect_item = salvage_reveal_selection_unselect_item;
  iface->select_range = salvage_reveal_selection_select_range;
  iface->unselect_range = salvage_reveal_selection_unselect_range;
  iface->select_all = salvage_reveal_selection_select_all;
  iface->unselect_all = salvage_reveal_selection_unselect_all;
  iface->set_selection = salvage_reveal_selection_set_selection;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SalvageRevealSelection, salvage_reveal_selection, G_TYPE_OBJECT,
  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, salvage_reveal_selection_list_model_init)
  G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, salvage_reveal_selection_selection_model_init))

static void
reveal_selection_items_changed_cb (SalvageRevealSelection *self,
                                   guint                   position,
                                   guint                   removed,
                                   guint                   added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Only the rows the view has hear of changes; the others are asked about
 * when they arrive. */
static void
reveal_selection_selection_changed_cb (SalvageRevealSelection *self,
                                       guint                   position,
                                       guint                   n_items)
{
  guint n_shown = g_list_model_get_n_items (self->shown);

  if (position < n_shown)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position,
                                           MIN (n_items, n_shown - position));
}

static void
salvage_reveal_selection_dispose (GObject *object)
{
  SalvageRevealSelection *self = SALVAGE_REVEAL_SELECTION (object);

  if (self->shown != NULL)
    g_signal_handlers_disconnect_by_func (self->shown, reveal_selection_items_changed_cb, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, reveal_selection_selection_changed_cb,
                                          self);

  g_clear_object (&self->shown);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (salvage_reveal_selection_parent_class)->dispose (object);
}

static void
salvage_reveal_selection_class_init (SalvageRevealSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = salvage_reveal_selection_dispose;
}

static void
salvage_reveal_selection_init (SalvageRevealSelection *self)
{
}

GtkSelectionModel *
salvage_reveal_selection_new (GListModel        *shown,
                              GtkSelectionModel *selection)
{
  SalvageRevealSelection *self = g_object_new (SALVAGE_TYPE_REVEAL_SELECTION, NULL);

  self->shown = g_object_ref (shown);
  self->selection = g_object_ref (selection);
  g_signal_connect_swapped (shown, "items-changed",
                            G_CALLBACK (reveal_selection_items_changed_cb), self);
  g_signal_connect_swapped (selection, "selection-changed",
                            G_CALLBACK (reveal_selection_selection_changed_cb), self);

  return GTK_SELECTION_MODEL (self);
}
