/* salvage-trash-item.h - one entry of a workspace's Trash (GET /{ws}/trash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SALVAGE_TRASH_KIND_PROJECT,
  SALVAGE_TRASH_KIND_VERSION,
  SALVAGE_TRASH_KIND_WORKFLOW,
  SALVAGE_TRASH_KIND_TRAINING,
  SALVAGE_TRASH_KIND_OTHER,      /* a type this client does not know: listed, never restored */
} SalvageTrashKind;

#define SALVAGE_TYPE_TRASH_KIND (salvage_trash_kind_get_type ())
GType salvage_trash_kind_get_type (void) G_GNUC_CONST;

#define SALVAGE_TYPE_TRASH_ITEM (salvage_trash_item_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTrashItem, salvage_trash_item, SALVAGE, TRASH_ITEM, GObject)

/*
 * Properties (construct-only unless noted):
 *   "kind"                  SalvageTrashKind
 *   "type-name"             string  the raw "type" (e.g. "project", "dataset", "model")
 *   "id"                    string  Trash id: Firestore id for projects/workflows,
 *                                   the version number for versions, the run id for trainings
 *   "name"                  string  falls back to url, then id
 *   "url"                   string  slug (projects, workflows); may be NULL
 *   "parent-id"             string  project Firestore id (versions, trainings); may be NULL
 *   "parent-url"            string  project slug (versions, trainings); may be NULL
 *   "parent-name"           string  may be NULL
 *   "version-number"        string  trainings: the version they belong to; may be NULL
 *   "deleted-at"            GDateTime (nullable)
 *   "scheduled-cleanup-at"  GDateTime (nullable)
 *   "deleted-by"            string  may be NULL
 *   "deleted-by-name"       string  may be NULL
 *   "restorable"            boolean (read-only) kind != OTHER and id non-empty
 */

/* The fields of an item, for code that builds many at once: the Trash
 * parser makes tens of thousands, and setting thirteen properties through
 * GValues costs more than the rest of its work. Strings and dates may be
 * NULL; they are copied (dates referenced). The result is the same as
 * g_object_new() with the corresponding properties. */
typedef struct
{
  SalvageTrashKind  kind;
  const char       *type_name;
  const char       *id;
  const char       *name;
  const char       *url;
  const char       *parent_id;
  const char       *parent_url;
  const char       *parent_name;
  const char       *version_number;
  GDateTime        *deleted_at;
  GDateTime        *scheduled_cleanup_at;
  const char       *deleted_by;
  const char       *deleted_by_name;
} SalvageTrashItemFields;

SalvageTrashItem *salvage_trash_item_new_from_fields         (const SalvageTrashItemFields *fields);

SalvageTrashKind salvage_trash_item_get_kind                 (SalvageTrashItem *self);
const char      *salvage_trash_item_get_type_name            (SalvageTrashItem *self);
const char      *salvage_trash_item_get_id                   (SalvageTrashItem *self);
const char      *salvage_trash_item_get_name                 (SalvageTrashItem *self);
const char      *salvage_trash_item_get_url                  (SalvageTrashItem *self);
const char      *salvage_trash_item_get_parent_id            (SalvageTrashItem *self);
const char      *salvage_trash_item_get_parent_url           (SalvageTrashItem *self);
const char      *salvage_trash_item_get_parent_name          (SalvageTrashItem *self);
const char      *salvage_trash_item_get_version_number       (SalvageTrashItem *self);
GDateTime       *salvage_trash_item_get_deleted_at           (SalvageTrashItem *self);
GDateTime       *salvage_trash_item_get_scheduled_cleanup_at (SalvageTrashItem *self);
const char      *salvage_trash_item_get_deleted_by           (SalvageTrashItem *self);
const char      *salvage_trash_item_get_deleted_by_name      (SalvageTrashItem *self);
gboolean         salvage_trash_item_get_restorable           (SalvageTrashItem *self);

/* The name of who deleted it: deleted-by-name, else deleted-by, else NULL. */
const char      *salvage_trash_item_get_deleter              (SalvageTrashItem *self);

/* The type string sent in a restore body ("project", "version", "workflow",
 * "training"), or NULL for SALVAGE_TRASH_KIND_OTHER. */
const char      *salvage_trash_item_get_restore_type         (SalvageTrashItem *self);

/* A key that identifies the entry across listings: kind, id and, for
 * versions and trainings, the parent (parent-id, else parent-url). Two
 * entries with the same key are the same Trash record. It is made with
 * the item, on the thread that parses a listing. */
char            *salvage_trash_item_dup_key                  (SalvageTrashItem *self);
const char      *salvage_trash_item_get_key                  (SalvageTrashItem *self);

/* scheduled-cleanup-at in microseconds since 1970 (UTC), or G_MAXINT64
 * when unknown: a sort key kept with the item, cheaper to compare than
 * dates when a list of many is sorted by it. */
gint64           salvage_trash_item_get_cleanup_key          (SalvageTrashItem *self);

/* Which workspace's Trash listed it (salvage_workspace_get_origin()), or
 * NULL for an item made otherwise. */
const char      *salvage_trash_item_get_origin               (SalvageTrashItem *self);

/* Whether @a and @b hold the same fields, every one of them: the same
 * record, shown the same way. */
gboolean         salvage_trash_item_equal                    (SalvageTrashItem *a,
                                                              SalvageTrashItem *b);

/* The name people know it by, with its project and version: "PCB Defects ›
 * v3 augmented", "PCB Defects › v1 › YOLOv8 Medium". */
char            *salvage_trash_item_dup_display_name         (SalvageTrashItem *self);

/* Whole days from @now until scheduled-cleanup-at, rounded up; 0 when due
 * or past; -1 when the date is unknown. */
int              salvage_trash_item_get_days_left            (SalvageTrashItem *self,
                                                              GDateTime        *now);

G_END_DECLS
