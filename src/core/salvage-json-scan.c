/* salvage-json-scan.c - a strict pull reader over the bytes of a JSON body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "salvage-error.h"
#include "salvage-json-scan-private.h"
#include "salvage-parse.h"

/* Numbers longer than this are copied to the heap to be converted. */
#define NUMBER_BUFFER_SIZE 64

static gboolean
fail_at (SalvageJsonScan    *scan,
         SalvageJsonProblem  problem,
         gsize               at)
{
  /* The first problem is the one to tell. */
  if (scan->problem == SALVAGE_JSON_PROBLEM_NONE)
    {
      scan->problem = problem;
      scan->problem_at = at;
    }

  return FALSE;
}

/* Wherever more input was expected, its end means the body was cut short. */
static gboolean
fail_here (SalvageJsonScan    *scan,
           SalvageJsonProblem  problem)
{
  if (scan->pos >= scan->len)
    problem = SALVAGE_JSON_PROBLEM_CUT_SHORT;

  return fail_at (scan, problem, scan->pos);
}

/* JSON's whitespace: space, tab, newline and carriage return. */
static const guint8 is_space[256] = {
  ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, [' '] = 1,
};

static inline void
skip_space (SalvageJsonScan *scan)
{
  const guchar *data = (const guchar *) scan->data;
  gsize pos = scan->pos;

  while (pos < scan->len && is_space[data[pos]])
    pos++;

  scan->pos = pos;
}

#define BYTES_OF(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* The first byte at or after @pos that is not plain text inside a string:
 * a quote, a backslash, a control character or a byte of a non-ASCII
 * character; @len when there is none. Most of a body is plain text, which
 * is looked at eight bytes at a time. */
static inline gsize
plain_text_end (const guchar *data,
                gsize         pos,
                gsize         len)
{
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  while (len - pos >= 8)
    {
      guint64 x, quote, backslash, special;

      memcpy (&x, data + pos, 8);
      quote = x ^ BYTES_OF ('"');
      backslash = x ^ BYTES_OF ('\\');
      /* A byte's high bit is set where the byte was a quote or a
       * backslash (now zero), below 0x20, or 0x80 and above. The first
       * one flagged is exact; later ones may not be. */
      special = ((quote - BYTES_OF (0x01)) & ~quote) |
                ((backslash - BYTES_OF (0x01)) & ~backslash) |
                (x - BYTES_OF (0x20)) |
                x;
      special &= BYTES_OF (0x80);
      if (special != 0)
        return pos + (__builtin_ctzll (special) >> 3);
      pos += 8;
    }
#endif

  while (pos < len && data[pos] >= 0x20 && data[pos] < 0x80 &&
         data[pos] != '"' && data[pos] != '\\')
    pos++;

  return pos;
}

void
salvage_json_scan_init (SalvageJsonScan *scan,
                        const char      *data,
                        gsize            len)
{
  const char *nul;

  g_return_if_fail (scan != NULL);
  g_return_if_fail (data != NULL || len == 0);

  memset (scan, 0, sizeof *scan);
  scan->data = data;
  scan->len = len;

  /* Checked first and everywhere: no JSON text holds a raw NUL, and a body
   * with one is more likely binary than a mistake at that spot. */
  if (scan->len > 0 && (nul = memchr (data, '\0', scan->len)) != NULL)
    fail_at (scan, SALVAGE_JSON_PROBLEM_NUL, nul - data);

  /* RFC 8259 lets a reader ignore a byte order mark, and json-glib does. */
  if (scan->len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan->pos = 3;
}

void
salvage_json_scan_clear (SalvageJsonScan *scan)
{
  if (scan->unescaped != NULL)
    g_string_free (g_steal_pointer (&scan->unescaped), TRUE);
}

gboolean
salvage_json_scan_failed (SalvageJsonScan *scan)
{
  return scan->problem != SALVAGE_JSON_PROBLEM_NONE;
}

void
salvage_json_scan_mark (SalvageJsonScan *scan,
                        SalvageJsonMark *mark)
{
  mark->pos = scan->pos;
  mark->depth = scan->depth;
}

void
salvage_json_scan_rewind (SalvageJsonScan       *scan,
                          const SalvageJsonMark *mark)
{
  scan->pos = mark->pos;
  scan->depth = mark->depth;
  scan->at_first = FALSE;
}

void
salvage_json_scan_save (SalvageJsonScan       *scan,
                        SalvageJsonCheckpoint *checkpoint)
{
  checkpoint->pos = scan->pos;
  checkpoint->depth = scan->depth;
  checkpoint->at_first = scan->at_first;
}

void
salvage_json_scan_restore (SalvageJsonScan             *scan,
                           const SalvageJsonCheckpoint *checkpoint)
{
  scan->pos = checkpoint->pos;
  scan->depth = checkpoint->depth;
  scan->at_first = checkpoint->at_first;
  scan->problem = SALVAGE_JSON_PROBLEM_NONE;
  scan->problem_at = 0;
}

/* FALSE, with the reader failed, when the bytes added hold a NUL: the
 * body is then refused whatever follows. */
gboolean
salvage_json_scan_extend (SalvageJsonScan *scan,
                          const char      *data,
                          gsize            len)
{
  const char *nul;

  g_return_val_if_fail (data == scan->data || scan->len == 0, FALSE);
  g_return_val_if_fail (len >= scan->len, FALSE);

  if (len > scan->len && (nul = memchr (data + scan->len, '\0', len - scan->len)) != NULL)
    {
      scan->data = data;
      scan->len = len;
      fail_at (scan, SALVAGE_JSON_PROBLEM_NUL, nul - data);
      return FALSE;
    }

  /* The byte order mark, when it had not all arrived at the start. */
  if (scan->len < 3 && len >= 3 && scan->pos == 0 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    scan->pos = 3;

  scan->data = data;
  scan->len = len;
  return TRUE;
}

/*
 * Strings
 */

/* The length of the UTF-8 sequence at @s: 0 when it is not valid (overlong
 * forms and UTF-16 surrogates included), -1 when the input ends inside it. */
static int
utf8_sequence_length (const guchar *s,
                      gsize         available)
{
  guchar lowest = 0x80;
  guchar highest = 0xBF;
  int length;

  if (s[0] < 0xC2)
    return 0;
  else if (s[0] < 0xE0)
    length = 2;
  else if (s[0] < 0xF0)
    {
      length = 3;
      if (s[0] == 0xE0)
        lowest = 0xA0;
      else if (s[0] == 0xED)
        highest = 0x9F;
    }
  else if (s[0] < 0xF5)
    {
      length = 4;
      if (s[0] == 0xF0)
        lowest = 0x90;
      else if (s[0] == 0xF4)
        highest = 0x8F;
    }
  else
    return 0;

  for (int i = 1; i < length; i++)
    {
      if ((gsize)i >= available)
        return -1;
      if (s[i] < lowest || s[i] > highest)
        return 0;
      lowest = 0x80;
      highest = 0xBF;
    }

  return length;
}

/* Four hex digits at @s: the code unit, -1 when they are not hex digits,
 * -2 when the input ends first. */
static int
read_hex4 (const char *s,
           gsize       available)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit;

      if ((gsize)i >= available)
        return -2;
      if ((digit = g_ascii_xdigit_value (s[i])) < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

/* The \uXXXX escape at @pos (on the backslash), with its low surrogate when
 * it is a high one. Returns the code point and moves @pos past it, or
 * returns 0 and fails. */
static gunichar
read_unicode_escape (SalvageJsonScan *scan,
                     gsize           *pos)
{
  gsize at = *pos;
  int high = read_hex4 (scan->data + at + 2, scan->len - at - 2);
  int low;

  if (high < 0)
    {
      fail_at (scan, high == -2 ? SALVAGE_JSON_PROBLEM_CUT_SHORT : SALVAGE_JSON_PROBLEM_ESCAPE,
               high == -2 ? scan->len : at);
      return 0;
    }

  *pos = at + 6;
  if (high < 0xD800 || high > 0xDFFF)
    return high;

  /* Half a surrogate pair is not a character: refused rather than
   * silently replaced, since it only comes from a broken encoder. */
  if (high > 0xDBFF)
    {
      fail_at (scan, SALVAGE_JSON_PROBLEM_ESCAPE, at);
      return 0;
    }

  if (*pos + 2 > scan->len)
    {
      fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, scan->len);
      return 0;
    }
  if (scan->data[*pos] != '\\' || scan->data[*pos + 1] != 'u')
    {
      fail_at (scan, SALVAGE_JSON_PROBLEM_ESCAPE, at);
      return 0;
    }

  low = read_hex4 (scan->data + *pos + 2, scan->len - *pos - 2);
  if (low == -2)
    {
      fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, scan->len);
      return 0;
    }
  if (low < 0xDC00 || low > 0xDFFF)
    {
      fail_at (scan, SALVAGE_JSON_PROBLEM_ESCAPE, at);
      return 0;
    }

  *pos += 6;
  return 0x10000 + (((gunichar)high - 0xD800) << 10) + ((gunichar)low - 0xDC00);
}

/* The string at the scan position (on its opening quote). With @unescape,
 * escapes are decoded into scan->unescaped; without, the value holds the
 * raw bytes between the quotes, which is enough to skip it. */
static gboolean
read_string (SalvageJsonScan  *scan,
             SalvageJsonValue *value,
             gboolean          unescape)
{
  const guchar *data = (const guchar *)scan->data;
  gsize len = scan->len;
  gsize start = scan->pos + 1;
  gsize pos = start;
  gsize run = start;  /* the first byte not yet copied to @out */
  GString *out = NULL;
  gboolean holds_nul = FALSE;

  for (;;)
    {
      guchar c;

      pos = plain_text_end (data, pos, len);

      if (pos >= len)
        return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);

      c = data[pos];

      if (c == '"')
        break;

      if (c < 0x20)
        return fail_at (scan, c == 0 ? SALVAGE_JSON_PROBLEM_NUL : SALVAGE_JSON_PROBLEM_CONTROL,
                        pos);

      if (c >= 0x80)
        {
          int length = utf8_sequence_length (data + pos, len - pos);

          if (length == 0)
            return fail_at (scan, SALVAGE_JSON_PROBLEM_UTF8, pos);
          if (length < 0)
            return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);
          pos += length;
          continue;
        }

      /* A backslash. */
      if (unescape && out == NULL)
        {
          if (scan->unescaped == NULL)
            scan->unescaped = g_string_sized_new (256);
          out = scan->unescaped;
          g_string_truncate (out, 0);
        }
      if (out != NULL)
        g_string_append_len (out, (const char *)data + run, pos - run);

      if (pos + 1 >= len)
        return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);

      switch (data[pos + 1])
        {
        case '"': case '\\': case '/':
        case 'b': case 'f': case 'n': case 'r': case 't':
          if (out != NULL)
            {
              static const char from[] = "\"\\/bfnrt";
              static const char to[] = "\"\\/\b\f\n\r\t";

              g_string_append_c (out, to[strchr (from, data[pos + 1]) - from]);
            }
          pos += 2;
          break;

        case 'u':
          {
            gunichar ch = read_unicode_escape (scan, &pos);

            if (salvage_json_scan_failed (scan))
              return FALSE;
            if (out != NULL)
              {
                holds_nul |= ch == 0;
                g_string_append_unichar (out, ch);
              }
          }
          break;

        default:
          return fail_at (scan, SALVAGE_JSON_PROBLEM_ESCAPE, pos);
        }

      run = pos;
    }

  value->kind = SALVAGE_JSON_STRING;
  if (out != NULL)
    {
      g_string_append_len (out, (const char *)data + run, pos - run);
      value->string = out->str;
      /* Read as a C string, the text ends at an escaped NUL. */
      value->string_len = holds_nul ? strlen (out->str) : out->len;
    }
  else
    {
      value->string = (const char *)data + start;
      value->string_len = pos - start;
    }

  scan->pos = pos + 1;
  return TRUE;
}

/*
 * Numbers
 */

static gboolean
is_digit (const char *data,
          gsize       len,
          gsize       pos)
{
  return pos < len && g_ascii_isdigit (data[pos]);
}

/* Whether the digits @data[@from, @to) fit in gint64, and their value. */
static gboolean
digits_to_int64 (const char *data,
                 gsize       from,
                 gsize       to,
                 gboolean    negative,
                 gint64     *out)
{
  const guint64 limit = negative ? (guint64)G_MAXINT64 + 1 : (guint64)G_MAXINT64;
  guint64 value = 0;

  for (gsize i = from; i < to; i++)
    {
      guint digit = data[i] - '0';

      if (value > (limit - digit) / 10)
        return FALSE;
      value = value * 10 + digit;
    }

  if (negative)
    *out = value == (guint64)G_MAXINT64 + 1 ? G_MININT64 : -(gint64)value;
  else
    *out = (gint64)value;

  return TRUE;
}

static gboolean
read_number (SalvageJsonScan  *scan,
             SalvageJsonValue *value)
{
  const char *data = scan->data;
  gsize len = scan->len;
  gsize start = scan->pos;
  gsize pos = start;
  gsize digits;
  gboolean is_integer = TRUE;

  if (data[pos] == '-')
    pos++;
  digits = pos;

  if (pos >= len)
    return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);

  if (data[pos] == '0')
    {
      pos++;
      /* Other readers take these for octal. */
      if (is_digit (data, len, pos))
        return fail_at (scan, SALVAGE_JSON_PROBLEM_LEADING_ZERO, start);
    }
  else if (g_ascii_isdigit (data[pos]))
    {
      while (is_digit (data, len, pos))
        pos++;
    }
  else
    {
      return fail_at (scan, SALVAGE_JSON_PROBLEM_NUMBER, start);
    }

  if (pos < len && data[pos] == '.')
    {
      pos++;
      if (pos >= len)
        return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);
      if (!is_digit (data, len, pos))
        return fail_at (scan, SALVAGE_JSON_PROBLEM_NUMBER, start);
      while (is_digit (data, len, pos))
        pos++;
      is_integer = FALSE;
    }

  if (pos < len && (data[pos] == 'e' || data[pos] == 'E'))
    {
      pos++;
      if (pos < len && (data[pos] == '+' || data[pos] == '-'))
        pos++;
      if (pos >= len)
        return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, len);
      if (!is_digit (data, len, pos))
        return fail_at (scan, SALVAGE_JSON_PROBLEM_NUMBER, start);
      while (is_digit (data, len, pos))
        pos++;
      is_integer = FALSE;
    }

  /* "0x1F", "1.2.3", "12px", "Infinity"'s cousins. */
  if (pos < len && (g_ascii_isalnum (data[pos]) || data[pos] == '.' ||
                    data[pos] == '+' || data[pos] == '-'))
    return fail_at (scan, SALVAGE_JSON_PROBLEM_NUMBER, start);

  if (is_integer && digits_to_int64 (data, digits, pos, data[start] == '-', &value->integer))
    {
      value->kind = SALVAGE_JSON_INTEGER;
      value->number = (double)value->integer;
    }
  else
    {
      char buffer[NUMBER_BUFFER_SIZE];
      g_autofree char *copy = NULL;
      const char *text;

      if (pos - start < sizeof buffer)
        {
          memcpy (buffer, data + start, pos - start);
          buffer[pos - start] = '\0';
          text = buffer;
        }
      else
        text = copy = g_strndup (data + start, pos - start);

      value->kind = SALVAGE_JSON_DOUBLE;
      value->number = g_ascii_strtod (text, NULL);
    }

  scan->pos = pos;
  return TRUE;
}

/*
 * Values
 */

static gboolean
read_literal (SalvageJsonScan *scan,
              const char      *word,
              gsize            word_len)
{
  gsize available = scan->len - scan->pos;
  const char *here = scan->data + scan->pos;

  if (available < word_len)
    {
      if (memcmp (here, word, available) == 0)
        return fail_at (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT, scan->len);
      return fail_at (scan, SALVAGE_JSON_PROBLEM_SYNTAX, scan->pos);
    }

  if (memcmp (here, word, word_len) != 0 ||
      (available > word_len && g_ascii_isalnum (here[word_len])))
    return fail_at (scan, SALVAGE_JSON_PROBLEM_SYNTAX, scan->pos);

  scan->pos += word_len;
  return TRUE;
}

static SalvageJsonKind
read_value (SalvageJsonScan  *scan,
            SalvageJsonValue *value,
            gboolean          unescape)
{
  value->kind = SALVAGE_JSON_INVALID;

  if (salvage_json_scan_failed (scan))
    return SALVAGE_JSON_INVALID;

  skip_space (scan);
  if (scan->pos >= scan->len)
    {
      fail_here (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT);
      return SALVAGE_JSON_INVALID;
    }

  switch (scan->data[scan->pos])
    {
    case '{':
    case '[':
      /* The root counts as the first level. */
      if (scan->depth >= SALVAGE_PARSE_MAX_DEPTH)
        {
          fail_at (scan, SALVAGE_JSON_PROBLEM_TOO_DEEP, scan->pos);
          return SALVAGE_JSON_INVALID;
        }
      value->kind = scan->data[scan->pos] == '{' ? SALVAGE_JSON_OBJECT : SALVAGE_JSON_ARRAY;
      scan->depth++;
      scan->pos++;
      scan->at_first = TRUE;
      break;

    case '"':
      read_string (scan, value, unescape);
      break;

    case 't':
      if (read_literal (scan, "true", 4))
        {
          value->kind = SALVAGE_JSON_BOOLEAN;
          value->boolean = TRUE;
        }
      break;

    case 'f':
      if (read_literal (scan, "false", 5))
        {
          value->kind = SALVAGE_JSON_BOOLEAN;
          value->boolean = FALSE;
        }
      break;

    case 'n':
      if (read_literal (scan, "null", 4))
        value->kind = SALVAGE_JSON_NULL;
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      read_number (scan, value);
      break;

    default:
      fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
      break;
    }

  return value->kind;
}

/**
 * salvage_json_scan_read:
 *
 * Reads the next value. For an object or an array, only its opening
 * bracket is read: step through it with salvage_json_scan_next_member() or
 * salvage_json_scan_next_element() until they return %FALSE.
 *
 * Returns: the kind of value read, or %SALVAGE_JSON_INVALID
 */
SalvageJsonKind
salvage_json_scan_read (SalvageJsonScan  *scan,
                        SalvageJsonValue *value)
{
  g_return_val_if_fail (value != NULL, SALVAGE_JSON_INVALID);

  return read_value (scan, value, TRUE);
}

/* What the next value is, without reading it. Numbers are told apart by
 * reading them; other values are only checked when read. */
SalvageJsonKind
salvage_json_scan_peek (SalvageJsonScan *scan)
{
  if (salvage_json_scan_failed (scan))
    return SALVAGE_JSON_INVALID;

  skip_space (scan);
  if (scan->pos >= scan->len)
    {
      fail_here (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT);
      return SALVAGE_JSON_INVALID;
    }

  switch (scan->data[scan->pos])
    {
    case '{':
      return SALVAGE_JSON_OBJECT;
    case '[':
      return SALVAGE_JSON_ARRAY;
    case '"':
      return SALVAGE_JSON_STRING;
    case 't':
    case 'f':
      return SALVAGE_JSON_BOOLEAN;
    case 'n':
      return SALVAGE_JSON_NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      {
        SalvageJsonValue value;
        gsize pos = scan->pos;

        read_number (scan, &value);
        scan->pos = pos;
        return salvage_json_scan_failed (scan) ? SALVAGE_JSON_INVALID : value.kind;
      }
    default:
      fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
      return SALVAGE_JSON_INVALID;
    }
}

/* Leaves a container on its closing bracket. */
static gboolean
close_container (SalvageJsonScan *scan)
{
  if (scan->depth == 0)
    return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);

  scan->depth--;
  scan->pos++;
  /* Back in the parent, which has this container as a member or element. */
  scan->at_first = FALSE;

  return FALSE;
}

/* Before the next member or element: FALSE at the end of the container
 * (consumed) or on failure. */
static gboolean
next_item (SalvageJsonScan *scan,
           char             closing)
{
  if (salvage_json_scan_failed (scan))
    return FALSE;

  skip_space (scan);
  if (scan->pos >= scan->len)
    return fail_here (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT);

  if (scan->data[scan->pos] == closing)
    return close_container (scan);

  if (!scan->at_first)
    {
      if (scan->data[scan->pos] != ',')
        return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
      scan->pos++;
      skip_space (scan);
      if (scan->pos >= scan->len)
        return fail_here (scan, SALVAGE_JSON_PROBLEM_CUT_SHORT);
      /* A comma before the closing bracket. */
      if (scan->data[scan->pos] == closing)
        return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
    }

  scan->at_first = FALSE;
  return TRUE;
}

static gboolean
next_member (SalvageJsonScan  *scan,
             SalvageJsonValue *key,
             gboolean          unescape)
{
  if (!next_item (scan, '}'))
    return FALSE;

  if (scan->data[scan->pos] != '"')
    return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
  if (!read_string (scan, key, unescape))
    return FALSE;

  skip_space (scan);
  if (scan->pos >= scan->len || scan->data[scan->pos] != ':')
    return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
  scan->pos++;

  return TRUE;
}

/**
 * salvage_json_scan_next_member:
 *
 * Inside an object: reads the key of the next member and the colon after
 * it. The caller then reads or skips the value.
 *
 * Returns: %TRUE when a member follows, %FALSE at the end of the object
 *   (which is consumed) or when the input is not valid
 */
gboolean
salvage_json_scan_next_member (SalvageJsonScan  *scan,
                               SalvageJsonValue *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  return next_member (scan, key, TRUE);
}

/* Inside an array: %TRUE when an element follows, for the caller to read. */
gboolean
salvage_json_scan_next_element (SalvageJsonScan *scan)
{
  return next_item (scan, ']');
}

gboolean
salvage_json_scan_skip (SalvageJsonScan *scan)
{
  SalvageJsonValue value;

  /* Recursion is bounded by SALVAGE_PARSE_MAX_DEPTH. */
  switch (read_value (scan, &value, FALSE))
    {
    case SALVAGE_JSON_INVALID:
      return FALSE;

    case SALVAGE_JSON_OBJECT:
      while (next_member (scan, &value, FALSE))
        {
          if (!salvage_json_scan_skip (scan))
            return FALSE;
        }
      return !salvage_json_scan_failed (scan);

    case SALVAGE_JSON_ARRAY:
      while (salvage_json_scan_next_element (scan))
        {
          if (!salvage_json_scan_skip (scan))
            return FALSE;
        }
      return !salvage_json_scan_failed (scan);

    case SALVAGE_JSON_NULL:
    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_INTEGER:
    case SALVAGE_JSON_DOUBLE:
    case SALVAGE_JSON_STRING:
    default:
      return TRUE;
    }
}

/* After the root value: only whitespace may follow. */
gboolean
salvage_json_scan_end (SalvageJsonScan *scan)
{
  char c;

  if (salvage_json_scan_failed (scan))
    return FALSE;

  if (scan->depth != 0)
    return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);

  skip_space (scan);
  if (scan->pos >= scan->len)
    return TRUE;

  c = scan->data[scan->pos];
  if (c == '{' || c == '[' || c == '"' || c == '-' || g_ascii_isalnum (c))
    return fail_here (scan, SALVAGE_JSON_PROBLEM_TWO_VALUES);

  return fail_here (scan, SALVAGE_JSON_PROBLEM_SYNTAX);
}

static gboolean
looks_like_markup (SalvageJsonScan *scan)
{
  for (gsize i = 0; i < scan->len; i++)
    {
      if (!g_ascii_isspace (scan->data[i]))
        return scan->data[i] == '<';
    }

  return FALSE;
}

/* Says what was wrong in words a user can read; never quotes the body. */
void
salvage_json_scan_propagate (SalvageJsonScan  *scan,
                             GError          **error)
{
  SalvageJsonProblem problem = scan->problem;
  gsize byte = scan->problem_at + 1;

  if (error == NULL)
    return;

  if (problem == SALVAGE_JSON_PROBLEM_NONE)
    {
      problem = SALVAGE_JSON_PROBLEM_SYNTAX;
      byte = scan->pos + 1;
    }

  if (problem != SALVAGE_JSON_PROBLEM_NUL && problem != SALVAGE_JSON_PROBLEM_TOO_DEEP &&
      looks_like_markup (scan))
    {
      g_set_error_literal (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not JSON (it looks like a web page)"));
      return;
    }

  switch (problem)
    {
    case SALVAGE_JSON_PROBLEM_CUT_SHORT:
      g_set_error_literal (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                           _("The server’s answer was cut short before its JSON ended"));
      break;

    case SALVAGE_JSON_PROBLEM_LEADING_ZERO:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON "
                     "(a number has a leading zero, at byte %lu)"), (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_NUMBER:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON "
                     "(a malformed number at byte %lu)"), (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_ESCAPE:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON "
                     "(a malformed escape sequence at byte %lu)"), (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_CONTROL:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON "
                     "(a control character inside a string, at byte %lu)"), (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_UTF8:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON "
                     "(the text at byte %lu is not UTF-8)"), (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_NUL:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer contains a NUL byte (at byte %lu)"),
                   (unsigned long) byte);
      break;

    case SALVAGE_JSON_PROBLEM_TOO_DEEP:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is nested more than %d levels deep"),
                   SALVAGE_PARSE_MAX_DEPTH);
      break;

    case SALVAGE_JSON_PROBLEM_TWO_VALUES:
      g_set_error_literal (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                           _("The server’s answer is not valid JSON (it holds more than one value)"));
      break;

    case SALVAGE_JSON_PROBLEM_SYNTAX:
    case SALVAGE_JSON_PROBLEM_NONE:
    default:
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                   _("The server’s answer is not valid JSON (at byte %lu)"), (unsigned long) byte);
      break;
    }
}

/* Whether @data is one valid JSON value, with nothing after it. */
gboolean
salvage_json_validate (const char  *data,
                       gsize        len,
                       GError     **error)
{
  g_auto(SalvageJsonScan) scan = { NULL, };

  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  salvage_json_scan_init (&scan, data, len);

  if (!salvage_json_scan_skip (&scan) || !salvage_json_scan_end (&scan))
    {
      salvage_json_scan_propagate (&scan, error);
      return FALSE;
    }

  return TRUE;
}
