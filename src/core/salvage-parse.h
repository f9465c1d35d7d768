/* salvage-parse.h - pure functions from response bytes to model objects
 *
 * Nothing here does I/O or touches global state: each function takes the
 * body of one response and returns objects or a SALVAGE_ERROR_BAD_RESPONSE
 * error that says what was wrong ("“projects” is not an array"). The input
 * is untrusted; every node's type is checked before it is read, and no
 * input makes these functions crash. They are safe to call from a worker
 * thread.
 *
 * Each body is read once, by one reader. The Trash, the one answer that
 * runs to megabytes, is read straight from its bytes by a strict reader of
 * RFC 8259 (salvage-json-scan-private.h), which refuses nesting deeper than
 * SALVAGE_PARSE_MAX_DEPTH. Every other answer is read by json-glib in its
 * strict mode, which stops at JSON_PARSER_MAX_RECURSION_DEPTH levels,
 * behind a guard that refuses bodies over SALVAGE_PARSE_MAX_TREE_SIZE and
 * objects that repeat a member name. json-glib reads an integer beyond 64
 * bits as the nearest end of the range, and a number beyond a double's as
 * infinite: such a number in a member a parser reads makes it refuse the
 * answer, since an id read from it would name another item; members no
 * parser reads may hold anything. A broken body is refused with a plain
 * sentence ("The server's answer was cut short before its JSON ended",
 * "… is not JSON (it looks like a web page)", "… is not valid JSON (at
 * byte 1234)") that never quotes the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "salvage-body-feed.h"
#include "salvage-project.h"
#include "salvage-trash-item.h"
#include "salvage-trash-listing.h"
#include "salvage-training.h"
#include "salvage-version.h"
#include "salvage-workflow.h"

G_BEGIN_DECLS

/* The deepest nesting the Trash reader takes. */
#define SALVAGE_PARSE_MAX_DEPTH 64

/* The largest body read into a json-glib tree, which takes about ten times
 * the body's size in memory: far more than a workspace of thousands of
 * projects needs. */
#define SALVAGE_PARSE_MAX_TREE_SIZE (16 * 1024 * 1024)

/* POST / : {"workspace": "<slug>", ...}. Returns the slug. A JSON null body,
 * or a missing/empty "workspace", is SALVAGE_ERROR_INVALID_KEY as the CLI treats it. */
char       *salvage_parse_key_check   (GBytes      *body,
                                       GError     **error);

/* GET /{ws} : {"workspace": {"name", "url", "projects": [...]}}.
 * Returns (element-type SalvageProject). @name_out gets the workspace's
 * display name when non-NULL. */
GPtrArray  *salvage_parse_workspace   (GBytes      *body,
                                       char       **name_out,
                                       GError     **error);

/* GET /{ws}/{project} : {"workspace", "project", "versions": [...]}.
 * Returns (element-type SalvageVersion) sorted by salvage_version_compare,
 * duplicates (same id) kept once. @project_slug fills "project-slug" when an
 * id lacks it. @project_out, when non-NULL, gets the "project" object (or
 * NULL when the body has none). */
GPtrArray  *salvage_parse_project     (GBytes          *body,
                                       const char      *project_slug,
                                       SalvageProject **project_out,
                                       GError         **error);

/* GET /{ws}/{project}/{N}/v2/trainings : {"trainings": [...]} or a bare array.
 * Returns (element-type SalvageTraining). */
GPtrArray  *salvage_parse_trainings   (GBytes      *body,
                                       const char  *project_slug,
                                       const char  *version_number,
                                       GError     **error);

/* GET /{ws}/workflows : {"workflows": [...]} or a bare array.
 * Returns (element-type SalvageWorkflow). */
GPtrArray  *salvage_parse_workflows   (GBytes      *body,
                                       GError     **error);

/* GET /{ws}/trash : {"items": [...], "sections": {"projects"|"datasets",
 * "versions", "workflows", "trainings", <unknown>: [...]}}. Items from both
 * parts are merged without duplicates (salvage_trash_item_dup_key); an item
 * that appears in both keeps the union of their fields. Unknown types and
 * unknown section keys are kept as SALVAGE_TRASH_KIND_OTHER. Returns
 * (element-type SalvageTrashItem) in the order first seen. */
GPtrArray  *salvage_parse_trash       (GBytes      *body,
                                       GError     **error);
/* The same entries as a listing, with no object made. */
SalvageTrashListing *salvage_parse_trash_listing (GBytes  *body,
                                                  GError **error);
/* The same, read from @feed while it arrives, on a thread of its own:
 * what salvage_parse_trash_listing() would give for the whole body, or
 * the feed's error when the body did not arrive. */
SalvageTrashListing *salvage_parse_trash_listing_from_feed (SalvageBodyFeed  *feed,
                                                            GError          **error);

/* DELETE … : a JSON object. Success means "deleted" (or "inTrash") is not
 * false. The trash id ("projectId", "workflowId", or "trainingId" when
 * present) goes to @trash_id_out when non-NULL. A version's answer also
 * carries "projectId", but that is its parent's: its own trash id is
 * "version", its number, and the "projectId" goes to @parent_id_out (NULL
 * for other types, or when absent). A training's answer may say what
 * became of its version's alias: "versionAliasAction" and
 * "versionAliasTarget" go to @alias_action_out and @alias_target_out (NULL
 * when absent or not strings). An empty body counts as success with no id,
 * as the SDK reads it. */
gboolean    salvage_parse_delete      (GBytes      *body,
                                       char       **trash_id_out,
                                       char       **parent_id_out,
                                       char       **alias_action_out,
                                       char       **alias_target_out,
                                       GError     **error);

/* POST /{ws}/trash/restore : {"restored": true, ...}; "restored": false is an error. */
gboolean    salvage_parse_restore     (GBytes      *body,
                                       GError     **error);

/* The server's own words from an error body: a flat {"error": "…"}, a nested
 * {"error": {"message", "hint"}} (message, then " — " and the hint), a
 * {"error": "<code>", "message": "…"} pair (the message), or, when the body is
 * not JSON, its text (trimmed, at most 300 characters, valid UTF-8 only).
 * Returns NULL when there is nothing useful. */
char       *salvage_parse_error_message (GBytes     *body);

/* Dates as the API sends them: "YYYY-MM-DD" (midnight UTC), ISO-8601
 * date-times with "Z" or an offset (with or without fraction; none means
 * UTC), or a JSON number of epoch seconds (with fraction). The node form
 * also reads a Firestore timestamp object {"_seconds", "_nanoseconds"}.
 * NULL for anything else. */
GDateTime  *salvage_parse_date_string (const char  *text);
GDateTime  *salvage_parse_date_node   (JsonNode    *node);

G_END_DECLS
