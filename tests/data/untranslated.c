/* untranslated.c - strings the translation check must find; never compiled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

static void
show_things (GtkWidget *label,
             AdwMessageDialog *dialog,
             gboolean empty)
{
  AdwToast *toast = adw_toast_new ("Moved to Trash");

  gtk_label_set_text (GTK_LABEL (label), empty ? "Nothing Here" : _("Items"));
  adw_message_dialog_add_response (dialog, "restore", "_Restore");
  adw_status_page_set_title (page,
                             "Trash"
                             " Is Empty");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Days Left",
                                  -1);

  g_object_set (label, "label", "Trash", "xalign", 0.0, NULL);
  window = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                         "application-name", "Salvage",
                         "application-icon", "io.github.salvage.Salvage",
                         "comments", _("Restore deleted Roboflow projects"),
                         NULL);

  /* Marked, or not text: none of these may be reported. */
  adw_toast_set_title (toast, _("Moved to Trash"));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  gtk_label_set_text (GTK_LABEL (label), "—");
  gtk_label_set_text (GTK_LABEL (label), "%s · %d");
  gtk_label_set_text (GTK_LABEL (label), g_strdup_printf ("%s items", name));
  gtk_widget_set_tooltip_text (label, C_("tooltip", "Restore"));
  /* gtk_label_set_text (label, "In a comment"); */
}
