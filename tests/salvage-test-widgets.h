/* salvage-test-widgets.h - finding a widget in a window from a GUI test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* Whether @widget is the one looked for; @data is what it is looked for by. */
typedef gboolean (*SalvageTestWidgetMatch) (GtkWidget     *widget,
                                            gconstpointer  data);

/* The first of @widget and the widgets under it, depth first, that @match
 * accepts, or NULL. */
static inline GtkWidget *
salvage_test_find_widget (GtkWidget              *widget,
                          SalvageTestWidgetMatch  match,
                          gconstpointer           data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = salvage_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}
