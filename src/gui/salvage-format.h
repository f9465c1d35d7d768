/* salvage-format.h - how model values are shown to people: dates, counts, names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "salvage-trash-item.h"

G_BEGIN_DECLS

char *salvage_format_count             (gint64            count);
char *salvage_format_date              (GDateTime        *date);
char *salvage_format_time_ago          (GDateTime        *date,
                                        GDateTime        *now);
char *salvage_format_days_left         (int               days_left);

/* @label as shown, without its mnemonic mark: "_Restore" → "Restore". */
char *salvage_format_without_mnemonic  (const char       *label);

/* A project type, training status or workflow status as the server
 * sends it ("object-detection", "running", "active") in the user's
 * language; words we do not know are shown as they are. Never NULL for a
 * non-NULL @word. */
const char *salvage_format_project_type    (const char *word);
const char *salvage_format_training_status (const char *word);
const char *salvage_format_workflow_status (const char *word);

/* "Project", "Version", … or the raw type for kinds we do not know. */
const char *salvage_format_trash_kind  (SalvageTrashItem *item);
/* The same from an entry's kind and type name. */
const char *salvage_format_trash_kind_name (SalvageTrashKind  kind,
                                            const char       *type_name);
/* Why an item has no restore button, or NULL when it can be restored. */
char *salvage_format_not_restorable    (SalvageTrashItem *item);

/* Appends the display names of @items (SalvageTrashItem): “A”, “B” and
 * “C”, or the first @max_named and "and N more". */
void  salvage_format_append_item_names (GString          *out,
                                        GPtrArray        *items,
                                        guint             max_named);

G_END_DECLS
