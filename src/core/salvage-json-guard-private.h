/* salvage-json-guard-private.h - json-glib's strict parser, with a guard on what it reads
 *
 * A JsonParser in strict mode, making immutable trees, that also refuses
 * bodies over SALVAGE_PARSE_MAX_TREE_SIZE and objects that name a member
 * twice, and says what is wrong with a body it refuses in a sentence that
 * never quotes it (a SALVAGE_ERROR_BAD_RESPONSE error).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_JSON_GUARD (salvage_json_guard_get_type ())
G_DECLARE_FINAL_TYPE (SalvageJsonGuard, salvage_json_guard, SALVAGE, JSON_GUARD, JsonParser)

SalvageJsonGuard *salvage_json_guard_new  (void);
JsonNode         *salvage_json_guard_read (SalvageJsonGuard  *self,
                                           const char        *data,
                                           gsize              len,
                                           GError           **error);

G_END_DECLS
