/* salvage-page-util.c - what the Projects, Workflows and Trash pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-account.h"
#include "salvage-page-util.h"

/* What a text column's cells look like; one per factory. */
typedef struct
{
  SalvageCellTextFunc     func;
  SalvageCellTextDataFunc data_func;
  gpointer                data;
  int                     min_chars;
  int                     nat_chars;
  gboolean                numeric;
} TextCellStyle;

/* A cell's root widget points back to its list item. GtkColumnView has no
 * way from a widget to its row, and the cells' widgets (GtkInscription,
 * GtkTreeExpander) cannot be subclassed to hold it: this back-pointer is
 * the one thing cells keep as object data, behind the two functions below. */
G_DEFINE_QUARK (salvage-cell-list-item, cell_list_item)

gpointer
salvage_list_item_get_object (GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (GTK_IS_TREE_LIST_ROW (item))
    {
      /* The row owns a reference; the item lives as long as the row. */
      g_autoptr(GObject) inner = gtk_tree_list_row_get_item (item);

      return inner;
    }

  return item;
}

int
salvage_compare_dates (GDateTime *a,
                       GDateTime *b)
{
  /* Unknown dates sort after every known one. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_date_time_compare (a, b);
}

static void
text_cell_style_free (gpointer  data,
                      GClosure *closure)
{
  g_free (data);
}

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TextCellStyle            *style)
{
  GtkWidget *inscription;

  inscription = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), style->min_chars);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), style->nat_chars);
  /* One line, centred: given the whole height of a tall row, a squeezed
   * text would wrap out of sight and show its first line at the top. */
  gtk_widget_set_valign (inscription, GTK_ALIGN_CENTER);
  if (style->numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  salvage_cell_set_list_item (inscription, list_item);
  gtk_list_item_set_child (list_item, inscription);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TextCellStyle            *style)
{
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  gpointer item = salvage_list_item_get_object (list_item);
  g_autofree char *text = NULL;

  if (item != NULL && style->data_func != NULL)
    text = style->data_func (item, style->data);
  else if (item != NULL)
    text = style->func (item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
}

static void
text_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), NULL);
}

GtkListItemFactory *
salvage_text_factory_new (SalvageCellTextFunc func,
                          int                 nat_chars,
                          gboolean            numeric)
{
  return salvage_text_factory_new_full (func, 4, nat_chars, numeric);
}

static GtkListItemFactory *
text_factory_new (SalvageCellTextFunc     func,
                  SalvageCellTextDataFunc data_func,
                  gpointer                data,
                  int                     min_chars,
                  int                     nat_chars,
                  gboolean                numeric)
{
  GtkListItemFactory *factory;
  TextCellStyle *style;

  style = g_new0 (TextCellStyle, 1);
  style->func = func;
  style->data_func = data_func;
  style->data = data;
  style->min_chars = min_chars;
  style->nat_chars = nat_chars;
  style->numeric = numeric;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_data (factory, "setup", G_CALLBACK (text_setup_cb),
                         style, text_cell_style_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), style);
  g_signal_connect (factory, "unbind", G_CALLBACK (text_unbind_cb), NULL);

  return factory;
}

GtkListItemFactory *
salvage_text_factory_new_full (SalvageCellTextFunc func,
                               int                 min_chars,
                               int                 nat_chars,
                               gboolean            numeric)
{
  g_return_val_if_fail (func != NULL, NULL);

  return text_factory_new (func, NULL, NULL, min_chars, nat_chars, numeric);
}

GtkListItemFactory *
salvage_text_factory_new_with_data (SalvageCellTextDataFunc func,
                                    gpointer                data,
                                    int                     min_chars,
                                    int                     nat_chars)
{
  g_return_val_if_fail (func != NULL, NULL);

  return text_factory_new (NULL, func, data, min_chars, nat_chars, FALSE);
}

GtkListItemFactory *
salvage_signal_factory_new (gpointer  data,
                            GCallback setup,
                            GCallback bind,
                            GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);

  return factory;
}

static GQuark
cell_tooltip_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("salvage-cell-tooltip");

  return quark;
}

static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    unused)
{
  const char *text = salvage_cell_get_tooltip (widget);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
salvage_cell_set_tooltip (GtkWidget  *widget,
                          const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  /* An empty text is no tooltip, as for GTK. */
  if (text != NULL && text[0] == '\0')
    text = NULL;

  if (g_strcmp0 (salvage_cell_get_tooltip (widget), text) == 0)
    return;

  g_object_set_qdata_full (G_OBJECT (widget), cell_tooltip_quark (), g_strdup (text), g_free);

  if (text != NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, cell_query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  /* What GTK does with a tooltip's text, for a screen reader. */
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
salvage_cell_get_tooltip (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_qdata (G_OBJECT (widget), cell_tooltip_quark ());
}

void
salvage_cell_set_list_item (GtkWidget   *cell,
                            GtkListItem *list_item)
{
  g_return_if_fail (GTK_IS_WIDGET (cell));

  /* A list item outlives the widgets it holds, so a plain pointer is safe. */
  g_object_set_qdata (G_OBJECT (cell), cell_list_item_quark (), list_item);
}

GtkListItem *
salvage_cell_get_list_item (GtkWidget *cell)
{
  g_return_val_if_fail (GTK_IS_WIDGET (cell), NULL);

  return g_object_get_qdata (G_OBJECT (cell), cell_list_item_quark ());
}

GtkListItem *
salvage_pick_list_item (GtkWidget *view,
                        double     x,
                        double     y)
{
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_WIDGET (view), NULL);

  for (widget = gtk_widget_pick (view, x, y, GTK_PICK_DEFAULT);
       widget != NULL && widget != view;
       widget = gtk_widget_get_parent (widget))
    {
      GtkListItem *list_item = salvage_cell_get_list_item (widget);

      if (list_item != NULL)
        return list_item;
    }

  return NULL;
}

void
salvage_popup_at_focus (GtkWidget  *page,
                        GtkWidget  *view,
                        GtkPopover *popover)
{
  GtkRoot *root;
  GtkWidget *focus;
  graphene_rect_t bounds;
  GdkRectangle rect;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  root = gtk_widget_get_root (page);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, view))
    return;

  if (!gtk_widget_compute_bounds (focus, page, &bounds))
    return;

  rect = (GdkRectangle) {
    (int) bounds.origin.x + 24,
    (int) (bounds.origin.y + bounds.size.height / 2),
    1, 1
  };
  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
}

void
salvage_popup_at_point (GtkWidget  *page,
                        GtkWidget  *view,
                        GtkPopover *popover,
                        double      x,
                        double      y)
{
  graphene_point_t point;
  GdkRectangle rect;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  if (!gtk_widget_compute_point (view, page, &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    return;

  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
}

GtkWidget *
salvage_remove_account_button_new (gpointer account)
{
  g_autofree char *label = NULL;
  GtkWidget *button;

  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (account), NULL);

  button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Workspace…"));
  /* Translators: the accessible name of a button; %s is a workspace name */
  label = g_strdup_printf (_("Remove “%s”"), salvage_account_get_name (account));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.remove-account");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)",
                                    salvage_account_get_server (account),
                                    salvage_account_get_workspace (account));

  return button;
}
