/* salvage-json-scan-private.h - a strict pull reader over the bytes of a JSON body
 *
 * The reader walks a body in place: no tree, no table per object. The
 * caller asks for one value at a time, steps through the members of an
 * object or the elements of an array, and skips what it does not need;
 * skipping still checks every byte. It accepts exactly RFC 8259 JSON:
 * one value, surrounded by optional whitespace, in valid UTF-8, with no
 * NUL byte and no deeper nesting than SALVAGE_PARSE_MAX_DEPTH. Where a
 * body is refused it can say why in a sentence a user can read.
 *
 * It reads the Trash listing, and it reads the CLI's login file before
 * json-glib does; the other answers of the server are read by json-glib
 * alone (salvage-parse.h).
 *
 * Documented choices:
 * - a UTF-8 byte order mark at the very start is ignored;
 * - a \uXXXX escape naming half of a surrogate pair without its other half
 *   is refused;
 * - "\u0000" is accepted, and a string that holds it reads as the text
 *   before it, as json-glib's C strings do;
 * - an integer too large for gint64 reads as the double nearest to it, so
 *   that it is never mistaken for a smaller one;
 * - duplicate keys are all reported: the caller lets the last one win.
 *
 * It refuses what json-glib's strict mode also refuses (numbers with
 * leading zeros, in hexadecimal ("0x1F", "$1F"), or written ".5", "1." or
 * "- 1"; single-quoted strings; comments; unknown escapes such as "\x41";
 * more than one top-level value), and also raw control characters inside
 * strings, which json-glib takes but for tab, line feed, carriage return,
 * form feed and backspace.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

typedef enum
{
  SALVAGE_JSON_INVALID,  /* nothing could be read: see salvage_json_scan_failed() */
  SALVAGE_JSON_NULL,
  SALVAGE_JSON_BOOLEAN,
  SALVAGE_JSON_INTEGER,
  SALVAGE_JSON_DOUBLE,
  SALVAGE_JSON_STRING,
  SALVAGE_JSON_ARRAY,
  SALVAGE_JSON_OBJECT,
} SalvageJsonKind;

typedef enum
{
  SALVAGE_JSON_PROBLEM_NONE,
  SALVAGE_JSON_PROBLEM_CUT_SHORT,
  SALVAGE_JSON_PROBLEM_SYNTAX,
  SALVAGE_JSON_PROBLEM_LEADING_ZERO,
  SALVAGE_JSON_PROBLEM_NUMBER,
  SALVAGE_JSON_PROBLEM_ESCAPE,
  SALVAGE_JSON_PROBLEM_CONTROL,
  SALVAGE_JSON_PROBLEM_UTF8,
  SALVAGE_JSON_PROBLEM_NUL,
  SALVAGE_JSON_PROBLEM_TOO_DEEP,
  SALVAGE_JSON_PROBLEM_TWO_VALUES,
} SalvageJsonProblem;

/* One value as read. A string is @string_len bytes of valid UTF-8 at
 * @string, not NUL-terminated, and only valid until the next read. */
typedef struct
{
  SalvageJsonKind  kind;
  gboolean         boolean;
  gint64           integer;
  double           number;
  const char      *string;
  gsize            string_len;
} SalvageJsonValue;

typedef struct
{
  const char         *data;
  gsize               len;
  gsize               pos;
  guint               depth;
  gboolean            at_first;       /* no member or element read yet in this container */
  SalvageJsonProblem  problem;
  gsize               problem_at;
  GString            *unescaped;
} SalvageJsonScan;

/* A place to come back to: taken before a value, for salvage_json_scan_rewind(). */
typedef struct
{
  gsize    pos;
  guint    depth;
} SalvageJsonMark;

void             salvage_json_scan_init         (SalvageJsonScan        *scan,
                                                 const char             *data,
                                                 gsize                   len);
void             salvage_json_scan_clear        (SalvageJsonScan        *scan);

SalvageJsonKind  salvage_json_scan_peek         (SalvageJsonScan        *scan);
SalvageJsonKind  salvage_json_scan_read         (SalvageJsonScan        *scan,
                                                 SalvageJsonValue       *value);
gboolean         salvage_json_scan_skip         (SalvageJsonScan        *scan);
gboolean         salvage_json_scan_next_member  (SalvageJsonScan        *scan,
                                                 SalvageJsonValue       *key);
gboolean         salvage_json_scan_next_element (SalvageJsonScan        *scan);
gboolean         salvage_json_scan_end          (SalvageJsonScan        *scan);

void             salvage_json_scan_mark         (SalvageJsonScan        *scan,
                                                 SalvageJsonMark        *mark);
void             salvage_json_scan_rewind       (SalvageJsonScan        *scan,
                                                 const SalvageJsonMark  *mark);

/* Reading a body as it arrives. A checkpoint is the whole place of the
 * reader, taken anywhere (between two members, say); going back to it
 * also forgets any problem met since. More of the same body, whose first
 * @len bytes the reader has now, is added by salvage_json_scan_extend():
 * @data must be where the body was, with its first bytes unchanged. A
 * problem met at the end of what has arrived may only mean that the rest
 * has not: the caller goes back to a checkpoint, waits, extends and reads
 * again. A value read whole may also end exactly where the bytes do (a
 * number): count a step as read only when a byte follows it, or when the
 * body is all there. */
typedef struct
{
  gsize    pos;
  guint    depth;
  gboolean at_first;
} SalvageJsonCheckpoint;

void             salvage_json_scan_save         (SalvageJsonScan        *scan,
                                                 SalvageJsonCheckpoint  *checkpoint);
void             salvage_json_scan_restore      (SalvageJsonScan        *scan,
                                                 const SalvageJsonCheckpoint *checkpoint);
gboolean         salvage_json_scan_extend       (SalvageJsonScan        *scan,
                                                 const char             *data,
                                                 gsize                   len);

gboolean         salvage_json_scan_failed       (SalvageJsonScan        *scan);
void             salvage_json_scan_propagate    (SalvageJsonScan        *scan,
                                                 GError                **error);

gboolean         salvage_json_validate          (const char             *data,
                                                 gsize                   len,
                                                 GError                **error);

static inline gboolean
salvage_json_key_is (const SalvageJsonValue *key,
                     const char             *name,
                     gsize                   name_len)
{
  return key->string_len == name_len && memcmp (key->string, name, name_len) == 0;
}

#define SALVAGE_JSON_KEY_IS(key, literal) \
  salvage_json_key_is ((key), "" literal "", sizeof (literal) - 1)

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SalvageJsonScan, salvage_json_scan_clear)

G_END_DECLS
