/* salvage-parse-private.h - what the parsers of server answers share
 *
 * The parsers live in one file per kind of answer (salvage-parse-*.c);
 * this is how they refuse an answer, read a body, read the members of a
 * JSON object with their types checked, and turn numbers into dates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "salvage-json-guard-private.h"

G_BEGIN_DECLS

/* Refusals: SALVAGE_ERROR_BAD_RESPONSE with the sentence given, or with
 * "not as expected: " and the part of the answer named. Both return FALSE. */
gboolean     salvage_parse_bad_response      (GError     **error,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (2, 3);
gboolean     salvage_parse_bad_shape         (GError     **error,
                                              const char  *format,
                                              ...) G_GNUC_PRINTF (2, 3);

/* salvage_parse_trash() reading every body in two passes (finding
 * "items" and "sections", then reading them), as it reads a body whose
 * parts come in another order than the server's: for the tests and the
 * fuzz target, which check that both readings agree. */
GPtrArray   *salvage_parse_trash_two_pass    (GBytes      *body,
                                              GError     **error);

/* The body */
gboolean     salvage_parse_is_blank          (const char  *data,
                                              gsize        len);
const char  *salvage_parse_body_data         (GBytes      *body,
                                              gsize       *len,
                                              GError     **error);
JsonNode    *salvage_parse_load_json         (GBytes      *body,
                                              GError     **error);

/* Nodes and members: a node of the wrong type reads as absent. */
gboolean     salvage_node_is_string          (JsonNode    *node);
gboolean     salvage_node_is_int             (JsonNode    *node);
gboolean     salvage_node_is_double          (JsonNode    *node);
gboolean     salvage_node_is_absent          (JsonNode    *node);
gboolean     salvage_node_is_inexact         (JsonNode    *node);

/* The members of one JSON object, as a parser reads them. A member that
 * holds a number json-glib could not hold exactly reads as absent, and is
 * noted: once it has read what it needs of the object, the parser calls
 * salvage_fields_check(), which refuses the answer. Members it never reads
 * may hold anything. */
typedef struct
{
  JsonObject *object;
  const char *inexact;   /* the first such member read, or NULL */
} SalvageFields;

void         salvage_fields_init             (SalvageFields  *fields,
                                              JsonObject     *object);
gboolean     salvage_fields_check            (SalvageFields  *fields,
                                              GError        **error);

const char  *salvage_field_string            (SalvageFields  *fields,
                                              const char     *member);
const char  *salvage_field_nonempty          (SalvageFields  *fields,
                                              const char     *member);
JsonObject  *salvage_field_object            (SalvageFields  *fields,
                                              const char     *member);
JsonArray   *salvage_field_array             (SalvageFields  *fields,
                                              const char     *member);
gint64       salvage_field_count             (SalvageFields  *fields,
                                              const char     *member);
gboolean     salvage_field_boolean_or_absent (SalvageFields  *fields,
                                              const char     *member);
gboolean     salvage_field_boolean           (SalvageFields  *fields,
                                              const char     *member,
                                              gboolean        default_value);
char        *salvage_field_dup_id            (SalvageFields  *fields,
                                              const char     *member);
GDateTime   *salvage_field_date              (SalvageFields  *fields,
                                              const char     *member);

JsonArray   *salvage_parse_get_list          (JsonNode    *root,
                                              const char  *member,
                                              const char  *what,
                                              GError     **error);
const char  *salvage_parse_last_segment      (const char  *text);

/* salvage_parse_date_string() for @len bytes of text, as µs since 1970. */
gboolean     salvage_parse_date_text_usec    (const char  *text,
                                              gsize        len,
                                              gint64      *usec);
/* Dates from epoch seconds; NULL outside the years 1 to 9999. */
GDateTime   *salvage_parse_date_from_unix    (gint64       seconds,
                                              gint64       usec);
GDateTime   *salvage_parse_date_from_double  (double       seconds);
GDateTime   *salvage_parse_date_read_node    (JsonNode    *node,
                                              gboolean    *inexact);

G_END_DECLS
