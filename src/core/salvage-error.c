/* salvage-error.c - the one error domain of the Roboflow client, and key redaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-error.h"

typedef struct
{
  guint  status;
  gint64 retry_after;
  char  *reason;
} SalvageErrorPrivate;

static void
salvage_error_private_init (SalvageErrorPrivate *priv)
{
  priv->status = 0;
  priv->retry_after = -1;
  priv->reason = NULL;
}

static void
salvage_error_private_copy (const SalvageErrorPrivate *src,
                            SalvageErrorPrivate       *dest)
{
  dest->status = src->status;
  dest->retry_after = src->retry_after;
  dest->reason = g_strdup (src->reason);
}

static void
salvage_error_private_clear (SalvageErrorPrivate *priv)
{
  g_clear_pointer (&priv->reason, g_free);
}

/* GLib's macro casts a byte pointer back to the private struct, which it
 * allocated with the right alignment; clang cannot know that. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
G_DEFINE_EXTENDED_ERROR (SalvageError, salvage_error)
#pragma GCC diagnostic pop

/**
 * salvage_error_get_status:
 *
 * Returns: the HTTP status that caused @error, or 0 when it did not come
 *   from an HTTP response (or is of another domain).
 */
guint
salvage_error_get_status (const GError *error)
{
  SalvageErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  if ((priv = salvage_error_get_private (error)))
    return priv->status;
  return 0;
}

/**
 * salvage_error_get_retry_after:
 *
 * Returns: the seconds the server asked us to wait (from `Retry-After`),
 *   or -1 when it did not say.
 */
gint64
salvage_error_get_retry_after (const GError *error)
{
  SalvageErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, -1);

  if ((priv = salvage_error_get_private (error)))
    return priv->retry_after;
  return -1;
}

void
salvage_error_set_http_details (GError *error,
                                guint   status,
                                gint64  retry_after_seconds)
{
  SalvageErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if ((priv = salvage_error_get_private (error)))
    {
      priv->status = status;
      priv->retry_after = retry_after_seconds;
    }
}

/**
 * salvage_error_get_reason:
 *
 * Returns: (nullable): the server's own words about @error, as the body of
 *   its answer gave them (redacted, tidied), or %NULL when it gave none
 */
const char *
salvage_error_get_reason (const GError *error)
{
  SalvageErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if ((priv = salvage_error_get_private (error)))
    return priv->reason;
  return NULL;
}

void
salvage_error_set_reason (GError     *error,
                          const char *reason)
{
  SalvageErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  if ((priv = salvage_error_get_private (error)))
    g_set_str (&priv->reason, reason);
}

static gboolean
is_key_char (char c)
{
  /* Stop at anything that ends a query value or a quoted string. */
  return c != '\0' && c != '&' && c != '#' && c != ' ' && c != '"' && c != '\''
         && c != '\n' && c != '\r' && c != '\t' && c != '`' && c != '<' && c != '>';
}

/**
 * salvage_redact:
 * @text: (nullable): text that may contain a URL or the key itself
 * @api_key: (nullable): the key to hide wherever it appears verbatim
 *
 * Keys travel in the query string, so any URL we print would leak them.
 * Every `api_key=VALUE` becomes `api_key=***`, and every verbatim copy of
 * @api_key becomes `***`, as the Roboflow CLI does for its messages.
 *
 * Returns: (transfer full) (nullable): the redacted copy
 */
char *
salvage_redact (const char *text,
                const char *api_key)
{
  static const char needle[] = "api_key=";
  GString *out;
  const char *p;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));

  for (p = text; *p; )
    {
      if (g_ascii_strncasecmp (p, needle, sizeof needle - 1) == 0)
        {
          g_string_append_len (out, p, sizeof needle - 1);
          p += sizeof needle - 1;
          if (is_key_char (*p))
            {
              g_string_append (out, "***");
              while (is_key_char (*p))
                p++;
            }
          continue;
        }

      g_string_append_c (out, *p);
      p++;
    }

  if (api_key != NULL && strlen (api_key) >= 4)
    g_string_replace (out, api_key, "***", 0);

  return g_string_free (out, FALSE);
}
