/* salvage-list-row.h - a row of a page on a narrow window: a title, a line about it, and what ends the row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_LIST_ROW (salvage_list_row_get_type ())

G_DECLARE_FINAL_TYPE (SalvageListRow, salvage_list_row, SALVAGE, LIST_ROW, GtkWidget)

/*
 * On a narrow window the pages show rows in place of columns: the name
 * on the first line, what the columns would say on a dimmer second line
 * ("Version · Mei Tanaka · 29 days ago"), and at the end what is to be
 * seen and done at a glance (days left, a Restore or Move to Trash
 * button). Both lines are cut short rather than wrapped mid-word.
 */

GtkWidget *salvage_list_row_new          (void);
void       salvage_list_row_set_title    (SalvageListRow *self,
                                          const char     *title);
void       salvage_list_row_set_subtitle (SalvageListRow *self,
                                          const char     *subtitle);
/* Adds @widget at the end of the row, after those added before. */
void       salvage_list_row_add_suffix   (SalvageListRow *self,
                                          GtkWidget      *widget);

/* The @index-th widget added with salvage_list_row_add_suffix(), or NULL. */
GtkWidget *salvage_list_row_get_suffix   (SalvageListRow *self,
                                          guint           index);

G_END_DECLS
