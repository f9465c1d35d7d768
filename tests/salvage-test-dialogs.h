/* salvage-test-dialogs.h - answering a confirmation from a GUI test as a person does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "salvage-test-wait.h"
#include "salvage-test-widgets.h"

static inline gboolean
salvage_test_is_shown_button (GtkWidget     *widget,
                              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The button of @dialog's @response, when it is on screen, or NULL. */
static inline GtkWidget *
salvage_test_find_response_button (AdwAlertDialog *dialog,
                                   const char     *response)
{
  const char *label = adw_alert_dialog_get_response_label (dialog, response);

  g_assert_nonnull (label);
  return salvage_test_find_widget (GTK_WIDGET (dialog), salvage_test_is_shown_button, label);
}

/* Clicks the button of @dialog's @response once it is on screen. */
static inline void
salvage_test_answer (AdwAlertDialog *dialog,
                     const char     *response)
{
  GtkWidget *button;

  WAIT_FOR ((button = salvage_test_find_response_button (dialog, response)) != NULL);
  g_signal_emit_by_name (button, "clicked");
}
