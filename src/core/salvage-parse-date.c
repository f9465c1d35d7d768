/* salvage-parse-date.c - dates as the API writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "salvage-parse.h"
#include "salvage-parse-private.h"

/* GDateTime covers the years 1 to 9999. */
#define MIN_UNIX_SECONDS G_GINT64_CONSTANT (-62135596800)
#define MAX_UNIX_SECONDS G_GINT64_CONSTANT (253402300799)

GDateTime *
salvage_parse_date_from_unix (gint64 seconds,
                              gint64 usec)
{
  g_autoptr(GDateTime) whole = NULL;

  if (seconds < MIN_UNIX_SECONDS || seconds > MAX_UNIX_SECONDS)
    return NULL;

  whole = g_date_time_new_from_unix_utc (seconds);
  if (whole == NULL || usec == 0)
    return g_steal_pointer (&whole);

  return g_date_time_add (whole, usec);
}

GDateTime *
salvage_parse_date_from_double (double seconds)
{
  double whole;

  if (!isfinite (seconds) ||
      seconds < (double)MIN_UNIX_SECONDS || seconds > (double)MAX_UNIX_SECONDS)
    return NULL;

  whole = floor (seconds);

  /* Rounded, so that 1593802673.521 keeps its 521 ms despite binary
   * fractions; a fraction that rounds up to a whole second is added whole. */
  return salvage_parse_date_from_unix ((gint64)whole,
                                       (gint64)round ((seconds - whole) * G_USEC_PER_SEC));
}

static gboolean
parse_digits (const char *text,
              guint       n,
              int        *out)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (text[i] - '0');
    }

  *out = value;
  return TRUE;
}

GDateTime *
salvage_parse_date_string (const char *text)
{
  static GTimeZone *utc;
  int year, month, day;

  if (text == NULL)
    return NULL;

  /* The SDK's fixtures send bare dates, which GLib's ISO-8601 parser
   * refuses: read them as midnight UTC. */
  if (strlen (text) == 10 && text[4] == '-' && text[7] == '-')
    {
      if (!parse_digits (text, 4, &year) ||
          !parse_digits (text + 5, 2, &month) ||
          !parse_digits (text + 8, 2, &day) ||
          year < 1 || month < 1 || month > 12 || day < 1 ||
          day > g_date_get_days_in_month ((GDateMonth)month, (GDateYear)year))
        return NULL;

      return g_date_time_new_utc (year, month, day, 0, 0, 0);
    }

  if (g_once_init_enter (&utc))
    g_once_init_leave (&utc, g_time_zone_new_utc ());

  /* A date-time without an offset is read as UTC: that is what servers
   * mean when they print a naive timestamp. */
  return g_date_time_new_from_iso8601 (text, utc);
}

/* Days from 1970-01-01 to @year-@month-@day of the proleptic Gregorian
 * calendar. */
static gint64
days_from_civil (int year,
                 int month,
                 int day)
{
  gint64 era;
  int year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = (int) (year - era * 400);
  day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + day_of_era - 719468;
}

static inline int
days_in_month (int year,
               int month)
{
  static const guint8 days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return days[month - 1] + (month == 2 && leap);
}

/* The form servers write nearly always, "2026-03-01T10:20:30Z" with up to
 * six digits of fraction, read without GLib's general reader; anything
 * else is FALSE. It gives what g_date_time_new_from_iso8601() gives. */
static gboolean
read_utc_timestamp (const char *text,
                    gsize       len,
                    gint64     *usec)
{
  int year, month, day, hour, minute, second;
  gint64 fraction = 0;
  gsize digits = 0;

  if (len < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[len - 1] != 'Z' ||
      !parse_digits (text, 4, &year) || !parse_digits (text + 5, 2, &month) ||
      !parse_digits (text + 8, 2, &day) || !parse_digits (text + 11, 2, &hour) ||
      !parse_digits (text + 14, 2, &minute) || !parse_digits (text + 17, 2, &second))
    return FALSE;

  if (len > 20)
    {
      if (text[19] != '.')
        return FALSE;
      digits = len - 21;
      if (digits < 1 || digits > 6)
        return FALSE;
      for (gsize i = 0; i < digits; i++)
        {
          if (!g_ascii_isdigit (text[20 + i]))
            return FALSE;
          fraction = fraction * 10 + (text[20 + i] - '0');
        }
      for (gsize i = digits; i < 6; i++)
        fraction *= 10;
    }

  /* GLib reads a 60th second as the 59th: that is its reader's business. */
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > days_in_month (year, month) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  *usec = ((days_from_civil (year, month, day) * 24 + hour) * 60 + minute) * 60 + second;
  *usec = *usec * G_USEC_PER_SEC + fraction;
  return TRUE;
}

/**
 * salvage_parse_date_text_usec:
 * @text: @len bytes of text, not NUL-terminated
 * @len: its length
 * @usec: (out): the date, in µs since 1970 (UTC)
 *
 * salvage_parse_date_string() for text with a length, with the date as µs.
 *
 * Returns: whether @text is a date
 */
gboolean
salvage_parse_date_text_usec (const char *text,
                              gsize       len,
                              gint64     *usec)
{
  g_autoptr(GDateTime) date = NULL;
  char buffer[64];
  g_autofree char *copy = NULL;

  if (read_utc_timestamp (text, len, usec))
    return TRUE;

  if (len < sizeof buffer)
    {
      memcpy (buffer, text, len);
      buffer[len] = '\0';
      date = salvage_parse_date_string (buffer);
    }
  else
    {
      copy = g_strndup (text, len);
      date = salvage_parse_date_string (copy);
    }

  if (date == NULL)
    return FALSE;

  *usec = g_date_time_to_unix_usec (date);
  return TRUE;
}

/**
 * salvage_parse_date_read_node:
 * @node: (nullable): a node of any type
 * @inexact: (out): set to %TRUE when a number in @node is beyond what
 *   json-glib holds exactly (salvage_node_is_inexact()); left alone
 *   otherwise
 *
 * Reads the forms of salvage_parse_date_node().
 *
 * Returns: (transfer full) (nullable): the date, or %NULL
 */
GDateTime *
salvage_parse_date_read_node (JsonNode *node,
                              gboolean *inexact)
{
  if (node == NULL)
    return NULL;

  if (salvage_node_is_inexact (node))
    {
      *inexact = TRUE;
      return NULL;
    }

  if (salvage_node_is_string (node))
    return salvage_parse_date_string (json_node_get_string (node));

  if (salvage_node_is_int (node))
    return salvage_parse_date_from_unix (json_node_get_int (node), 0);

  if (salvage_node_is_double (node))
    return salvage_parse_date_from_double (json_node_get_double (node));

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *seconds = json_object_get_member (object, "_seconds");
      JsonNode *nanos = json_object_get_member (object, "_nanoseconds");
      gint64 usec = 0;

      if (seconds == NULL)
        {
          seconds = json_object_get_member (object, "seconds");
          nanos = json_object_get_member (object, "nanoseconds");
        }

      if (salvage_node_is_inexact (seconds) || salvage_node_is_inexact (nanos))
        {
          *inexact = TRUE;
          return NULL;
        }

      if (!salvage_node_is_int (seconds))
        return NULL;

      if (salvage_node_is_int (nanos))
        {
          gint64 value = json_node_get_int (nanos);

          if (value > 0 && value < G_GINT64_CONSTANT (1000000000))
            usec = value / 1000;
        }

      return salvage_parse_date_from_unix (json_node_get_int (seconds), usec);
    }

  return NULL;
}

/**
 * salvage_parse_date_node:
 * @node: (nullable): a node of any type
 *
 * Besides strings and numbers, accepts the object form in which Firestore
 * timestamps are serialised (`{"_seconds": N, "_nanoseconds": M}`).
 *
 * Returns: (transfer full) (nullable): the date, or %NULL
 */
GDateTime *
salvage_parse_date_node (JsonNode *node)
{
  gboolean inexact = FALSE;

  return salvage_parse_date_read_node (node, &inexact);
}
