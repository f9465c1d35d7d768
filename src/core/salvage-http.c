/* salvage-http.c - the transport under SalvageClient: one HTTP exchange at a time
 *
 * Every request goes through one exchange: the URL is built from escaped
 * path segments with the key in the query, the body is read in chunks up
 * to a size limit, a 429 is retried once after the wait the server asks
 * for, and the HTTP status is mapped to one SalvageError code. The whole
 * exchange runs under one deadline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "salvage-http-private.h"
#include "salvage-parse.h"

/* The most asked of the stream at a time: fewer, larger reads for a long
 * body, each straight into its buffer. */
#define READ_CHUNK_SIZE (1024 * 1024)

/* SalvageWorkspace runs up to SALVAGE_WORKSPACE_MAX_PARALLEL restores at
 * once, and reloads its lists alongside them. libsoup's default of two
 * connections per host would queue all but two of those behind each
 * other, each queued one eating into its own deadline. Every request of a
 * client goes to the one host of its base URL, so that is the total too. */
#define MAX_CONNS_PER_HOST 6
#define MAX_CONNS          MAX_CONNS_PER_HOST

struct _SalvageHttp
{
  SoupSession *session;
  char        *base_url;
  char        *api_key;
  guint        timeout;
};

SalvageHttp *
salvage_http_new (const char *base_url,
                  const char *api_key,
                  guint       timeout)
{
  SalvageHttp *self;

  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (api_key != NULL, NULL);
  g_return_val_if_fail (timeout > 0, NULL);

  self = g_new0 (SalvageHttp, 1);
  self->base_url = g_strdup (base_url);
  self->api_key = g_strdup (api_key);
  self->timeout = timeout;

  /* A trailing space makes libsoup append its own product token. */
  self->session = soup_session_new_with_options ("user-agent", "Salvage/" PACKAGE_VERSION " ",
                                                 "timeout", timeout,
                                                 "idle-timeout", timeout,
                                                 "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                 "max-conns", MAX_CONNS,
                                                 NULL);

  return self;
}

void
salvage_http_abort (SalvageHttp *self)
{
  g_return_if_fail (self != NULL);

  soup_session_abort (self->session);
}

void
salvage_http_free (SalvageHttp *self)
{
  if (self == NULL)
    return;

  soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_pointer (&self->api_key, g_free);
  g_free (self);
}

void
salvage_http_set_timeout (SalvageHttp *self,
                          guint        seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  soup_session_set_timeout (self->session, seconds);
  soup_session_set_idle_timeout (self->session, seconds);
}

/* Base URLs */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GInetAddress knows 127.0.0.0/8 and ::1; a name that merely resolves
   * to a loopback address is not trusted. */
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
salvage_http_check_base_url (const char  *url,
                             GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (url == NULL || url[0] == '\0')
    {
      g_set_error_literal (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                           _("No server address was given"));
      return FALSE;
    }

  if (!(uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL)))
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                   _("“%s” is not a valid server address"), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || host[0] == '\0')
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                   _("The server address “%s” has no host name"), url);
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                   _("The server address “%s” must not have a query or a fragment"), url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      /* The key travels in the query string, so plain HTTP is only
       * acceptable when nothing leaves this computer. */
      if (host_is_loopback (host))
        return TRUE;

      g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                   _("The server address “%s” is not secure: use https://"), url);
      return FALSE;
    }

  g_set_error (error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
               _("The server address “%s” must start with https://"), url);
  return FALSE;
}

/* Errors */

GError *
salvage_http_new_error (SalvageHttp  *self,
                        SalvageError  code,
                        const char   *message)
{
  g_autofree char *redacted = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  redacted = salvage_redact (message, self->api_key);
  return g_error_new_literal (SALVAGE_ERROR, code, redacted);
}

static gint64
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  while (g_ascii_isspace (*value))
    value++;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return seconds;

  if ((date = soup_date_time_new_from_http_string (value)))
    {
      GTimeSpan span;

      now = g_date_time_new_now_utc ();
      span = g_date_time_difference (date, now);
      /* Round up so that waiting the given time is always enough. */
      return span <= 0 ? 0 : (span + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND;
    }

  return -1;
}

static GError *
error_from_status (SalvageHttp        *self,
                   guint               status,
                   SoupMessageHeaders *headers,
                   GBytes             *body)
{
  g_autofree char *server_words = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *message = NULL;
  gint64 retry_after = -1;
  SalvageError code;
  GError *error;

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      code = SALVAGE_ERROR_INVALID_KEY;
      sentence = g_strdup (_("The API key was refused"));
      break;

    case SOUP_STATUS_FORBIDDEN:
      code = SALVAGE_ERROR_FORBIDDEN;
      sentence = g_strdup (_("The server refused: the plan or the API key’s permissions do not allow this"));
      break;

    case SOUP_STATUS_NOT_FOUND:
      /* Roboflow answers 404 for a missing item, for one in the Trash, and
       * for a key that lacks the scope: it cannot be told which, and what
       * it means depends on the request (see the restore's own wording). */
      code = SALVAGE_ERROR_NOT_FOUND;
      sentence = g_strdup (_("Not found (it may be in the Trash, or the API key may lack a permission)"));
      break;

    case SOUP_STATUS_CONFLICT:
      code = SALVAGE_ERROR_CONFLICT;
      sentence = g_strdup (_("The server refused because of a conflict"));
      break;

    case 429: /* Too Many Requests; libsoup 3.2 has no name for it */
      code = SALVAGE_ERROR_RATE_LIMITED;
      retry_after = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
      if (retry_after >= 0)
        sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "Too many requests: the server asks to wait %d second",
                                                 "Too many requests: the server asks to wait %d seconds",
                                                 (gulong) retry_after),
                                    (int) retry_after);
      else
        sentence = g_strdup (_("Too many requests: try again later"));
      break;

    default:
      if (SOUP_STATUS_IS_SERVER_ERROR (status))
        {
          code = SALVAGE_ERROR_SERVER;
          sentence = g_strdup_printf (_("The server failed (HTTP %u)"), status);
        }
      else if (SOUP_STATUS_IS_CLIENT_ERROR (status))
        {
          code = SALVAGE_ERROR_BAD_REQUEST;
          sentence = g_strdup_printf (_("The server refused the request (HTTP %u)"), status);
        }
      else
        {
          code = SALVAGE_ERROR_BAD_REQUEST;
          sentence = g_strdup_printf (_("The server gave an unexpected answer (HTTP %u)"), status);
        }
      break;
    }

  if (body != NULL)
    server_words = salvage_parse_error_message (body);

  /* The server's words follow ours, never in brackets: they may hold
   * brackets and a full stop of their own ("… (key revoked)."), and
   * messages are wrapped again further up. */
  if (server_words != NULL && g_str_has_suffix (server_words, ".") &&
      !g_str_has_suffix (server_words, ".."))
    server_words[strlen (server_words) - 1] = '\0';

  if (server_words != NULL && *server_words != '\0')
    /* Translators: what went wrong, then the server's own words about it */
    message = g_strdup_printf (_("%s: %s"), sentence, server_words);
  else
    message = g_steal_pointer (&sentence);

  error = salvage_http_new_error (self, code, message);
  salvage_error_set_http_details (error, status, retry_after);
  if (server_words != NULL && *server_words != '\0')
    {
      g_autofree char *reason = salvage_redact (server_words, self->api_key);

      salvage_error_set_reason (error, reason);
    }

  return error;
}

static GError *
error_from_transport (SalvageHttp  *self,
                      const GError *error)
{
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return salvage_http_new_error (self, SALVAGE_ERROR_TIMEOUT, _("The server did not answer in time"));

  /* One wording for every way a connection fails, whether the name did
   * not resolve, nothing listened or the line dropped: the detail says
   * which. A refused certificate is another matter, and says so. */
  if (error->domain == G_TLS_ERROR)
    message = g_strdup_printf (_("Could not connect to the server securely (%s)"), error->message);
  else if (error->domain == SOUP_SESSION_ERROR)
    return salvage_http_new_error (self, SALVAGE_ERROR_BAD_RESPONSE, error->message);
  else
    message = g_strdup_printf (_("Could not connect to the server (%s)"), error->message);

  return salvage_http_new_error (self, SALVAGE_ERROR_NETWORK, message);
}

/* URLs */

static gboolean
segment_is_valid (const char *segment)
{
  /* Dot segments would be folded away by URL normalisation and reach a
   * different endpoint. */
  return segment != NULL &&
         segment[0] != '\0' &&
         strcmp (segment, ".") != 0 &&
         strcmp (segment, "..") != 0;
}

static char *
build_url (SalvageHttp        *self,
           const char * const *segments)
{
  GString *url = g_string_new (self->base_url);
  g_autofree char *key = NULL;

  if (segments == NULL || segments[0] == NULL)
    g_string_append_c (url, '/');

  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (segments[i], NULL, FALSE);

      g_string_append_c (url, '/');
      g_string_append (url, escaped);
    }

  key = g_uri_escape_string (self->api_key, NULL, FALSE);
  g_string_append (url, "?api_key=");
  g_string_append (url, key);

  return g_string_free (url, FALSE);
}

/* One exchange: send, read the body with a size limit, check the status,
 * and at most once wait out a 429 and send again. */

typedef struct
{
  SalvageHttp  *http;              /* kept alive by the task's source object */
  char         *method;
  char         *url;               /* holds the key: never print it */
  GBytes       *request_body;
  SalvageHttpFlags flags;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  gsize         declared;          /* the body's Content-Length, or 0 */
  /* Where a successful answer's body goes instead, as it arrives */
  SalvageBodyFeed *feed;
  gboolean      streaming;
  gsize         streamed;
  /* Ours, passed to libsoup: cancelled by the caller's or by the deadline. */
  GCancellable *cancellable;
  GCancellable *caller_cancellable;
  gulong        cancelled_id;
  GSource      *deadline;
  gint64        deadline_time;     /* monotonic */
  GSource      *retry_wait;
  GSource      *retry_cancelled;
  gboolean      retried;
  gboolean      timed_out;
} Exchange;

static void
exchange_stop_waiting (Exchange *exchange)
{
  if (exchange->retry_wait != NULL)
    {
      g_source_destroy (exchange->retry_wait);
      g_clear_pointer (&exchange->retry_wait, g_source_unref);
    }

  if (exchange->retry_cancelled != NULL)
    {
      g_source_destroy (exchange->retry_cancelled);
      g_clear_pointer (&exchange->retry_cancelled, g_source_unref);
    }
}

static void
exchange_free (Exchange *exchange)
{
  exchange_stop_waiting (exchange);

  if (exchange->deadline != NULL)
    {
      g_source_destroy (exchange->deadline);
      g_source_unref (exchange->deadline);
    }

  if (exchange->cancelled_id != 0)
    g_cancellable_disconnect (exchange->caller_cancellable, exchange->cancelled_id);

  /* Closing a stream that was not read to the end makes libsoup drop the
   * connection instead of reading what is left. */
  g_clear_object (&exchange->stream);
  g_clear_object (&exchange->message);
  g_clear_object (&exchange->cancellable);
  g_clear_object (&exchange->caller_cancellable);
  g_clear_pointer (&exchange->body, g_byte_array_unref);
  if (exchange->feed != NULL)
    {
      /* Never read to its end: the reader must not wait for the rest. */
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     _("The operation was cancelled"));

      salvage_body_feed_fail (exchange->feed, error);
      g_clear_pointer (&exchange->feed, salvage_body_feed_unref);
    }
  g_clear_pointer (&exchange->request_body, g_bytes_unref);
  g_clear_pointer (&exchange->url, g_free);
  g_clear_pointer (&exchange->method, g_free);
  g_free (exchange);
}

static void
forward_cancel_cb (GCancellable *caller_cancellable,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static gboolean
exchange_deadline_cb (gpointer user_data)
{
  Exchange *exchange = user_data;

  exchange->timed_out = TRUE;
  g_cancellable_cancel (exchange->cancellable);

  return G_SOURCE_REMOVE;
}

static void
exchange_return_error (GTask  *task,
                       GError *error)
{
  Exchange *exchange = g_task_get_task_data (task);
  GError *returned;

  if (exchange->caller_cancellable != NULL &&
      g_cancellable_is_cancelled (exchange->caller_cancellable))
    returned = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                    _("The operation was cancelled"));
  else if (exchange->timed_out)
    returned = salvage_http_new_error (exchange->http, SALVAGE_ERROR_TIMEOUT,
                                       _("The server did not answer in time"));
  else if (error->domain == SALVAGE_ERROR)
    returned = g_error_copy (error);
  else
    returned = error_from_transport (exchange->http, error);

  if (exchange->feed != NULL)
    salvage_body_feed_fail (exchange->feed, returned);

  g_task_return_error (task, returned);
}

/* Roboflow answers every successful call in scope with 200 and a JSON
 * body; the SDK treats anything else, even a 204, as a failure, except
 * on the training routes, where it takes any 2xx. */
static gboolean
exchange_succeeded (Exchange *exchange)
{
  guint status = soup_message_get_status (exchange->message);

  return status == SOUP_STATUS_OK ||
         ((exchange->flags & SALVAGE_HTTP_FLAGS_ANY_SUCCESS) && SOUP_STATUS_IS_SUCCESSFUL (status));
}

static void
exchange_too_large (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  error = salvage_http_new_error (exchange->http, SALVAGE_ERROR_BAD_RESPONSE,
                                  _("The server’s answer is too large"));
  exchange_return_error (task, error);
}

static void exchange_send (GTask *task);

static gboolean
exchange_retry_cb (gpointer user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Exchange *exchange = g_task_get_task_data (task);

  exchange_stop_waiting (exchange);
  exchange_send (task);

  return G_SOURCE_REMOVE;
}

static gboolean
exchange_retry_cancelled_cb (GCancellable *cancellable,
                             gpointer      user_data)
{
  g_autoptr(GTask) task = g_object_ref (user_data);
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  exchange_stop_waiting (exchange);

  /* Either the caller cancelled or the deadline passed: exchange_return_error()
   * tells which. */
  error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The operation was cancelled"));
  exchange_return_error (task, error);

  return G_SOURCE_REMOVE;
}

/*
 * A 429 means the server did not carry out the request, so sending it
 * again is safe for every method, a DELETE or a restore included. It is
 * retried once, after the wait the server asks for, when that wait is
 * short and ends before the deadline of the whole exchange; otherwise
 * the caller gets SALVAGE_ERROR_RATE_LIMITED with the wait at once.
 */
static gboolean
exchange_retry_later (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (exchange->message);
  gint64 wait;

  if (exchange->retried)
    return FALSE;

  wait = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));
  if (wait < 0)
    wait = SALVAGE_HTTP_DEFAULT_RETRY_WAIT;

  if (wait > SALVAGE_HTTP_MAX_RETRY_WAIT ||
      g_get_monotonic_time () + wait * G_TIME_SPAN_SECOND >= exchange->deadline_time)
    return FALSE;

  g_debug ("%s %s: HTTP 429, retrying in %" G_GINT64_FORMAT " s",
           exchange->method, g_uri_get_path (soup_message_get_uri (exchange->message)), wait);

  exchange->retried = TRUE;
  g_clear_object (&exchange->stream);
  g_clear_object (&exchange->message);

  exchange->retry_wait = g_timeout_source_new (wait * 1000);
  g_source_set_callback (exchange->retry_wait, exchange_retry_cb,
                         g_object_ref (task), g_object_unref);
  g_source_set_static_name (exchange->retry_wait, "[salvage] retry wait");
  g_source_attach (exchange->retry_wait, g_task_get_context (task));

  /* The wait ends early, and the task with it, when our cancellable goes
   * off: the caller cancelled or the deadline passed. */
  exchange->retry_cancelled = g_cancellable_source_new (exchange->cancellable);
  g_source_set_callback (exchange->retry_cancelled, G_SOURCE_FUNC (exchange_retry_cancelled_cb),
                         g_object_ref (task), g_object_unref);
  g_source_set_static_name (exchange->retry_cancelled, "[salvage] retry cancelled");
  g_source_attach (exchange->retry_cancelled, g_task_get_context (task));

  return TRUE;
}

static void
exchange_complete (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  guint status;

  if (exchange->streaming)
    {
      g_debug ("%s %s: HTTP %u, %" G_GSIZE_FORMAT " bytes, read as they came",
               exchange->method,
               g_uri_get_path (soup_message_get_uri (exchange->message)),
               soup_message_get_status (exchange->message), exchange->streamed);
      salvage_body_feed_finish (exchange->feed);
      g_task_return_pointer (task, g_bytes_new (NULL, 0), (GDestroyNotify) g_bytes_unref);
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&exchange->body));
  status = soup_message_get_status (exchange->message);

  g_debug ("%s %s: HTTP %u, %" G_GSIZE_FORMAT " bytes",
           exchange->method,
           g_uri_get_path (soup_message_get_uri (exchange->message)),
           status, g_bytes_get_size (body));

  if (exchange_succeeded (exchange))
    g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  else if (status == 429 && exchange_retry_later (task))
    return;
  else
    g_task_return_error (task,
                         error_from_status (exchange->http, status,
                                            soup_message_get_response_headers (exchange->message),
                                            body));
}

static void exchange_read_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

/* Reads the next part of the body straight into the end of the buffer,
 * which has room for the whole body when its length was declared. One
 * byte more than the limit allows is asked for, to tell a body that
 * exceeds it. */
static void
exchange_read_next (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);
  gsize used;
  gsize wanted;

  if (exchange->streaming)
    {
      gsize room;
      guint8 *into = salvage_body_feed_get_room (exchange->feed, &room);

      /* A feed with no room left could not tell the end of the body from
       * a body longer than it: one byte more than the limit is asked for
       * here too. */
      if (room == 0)
        {
          g_autoptr(GError) error = NULL;

          /* A feed that could not take its room says why. */
          if (salvage_body_feed_get_error (exchange->feed, &error))
            exchange_return_error (task, error);
          else
            exchange_too_large (task);
          g_object_unref (task);
          return;
        }

      g_input_stream_read_async (exchange->stream, into, MIN (READ_CHUNK_SIZE, room),
                                 G_PRIORITY_DEFAULT, exchange->cancellable,
                                 exchange_read_cb, task);
      return;
    }

  used = exchange->body->len;
  wanted = MIN (READ_CHUNK_SIZE, SALVAGE_HTTP_MAX_BODY_SIZE + 1 - used);

  /* Within the room made for a declared body, the byte past it included
   * to read the end of the stream. */
  if (exchange->declared > 0 && used <= exchange->declared)
    wanted = MIN (wanted, exchange->declared + 1 - used);

  g_byte_array_set_size (exchange->body, used + wanted);
  exchange->body->len = used;  /* what was read; the rest is room */

  g_input_stream_read_async (exchange->stream,
                             exchange->body->data + used,
                             wanted,
                             G_PRIORITY_DEFAULT,
                             exchange->cancellable,
                             exchange_read_cb,
                             task);
}

static void
exchange_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize size;

  size = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (size < 0)
    {
      exchange_return_error (task, error);
      return;
    }

  if (size == 0)
    {
      exchange_complete (task);
      return;
    }

  if (exchange->streaming)
    {
      if (exchange->streamed + size > SALVAGE_HTTP_MAX_BODY_SIZE)
        {
          exchange_too_large (task);
          return;
        }
      exchange->streamed += size;
      salvage_body_feed_commit (exchange->feed, size);
      exchange_read_next (g_steal_pointer (&task));
      return;
    }

  if (exchange->body->len + size > SALVAGE_HTTP_MAX_BODY_SIZE)
    {
      exchange_too_large (task);
      return;
    }

  exchange->body->len += size;
  exchange_read_next (g_steal_pointer (&task));
}

static void
exchange_send_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Exchange *exchange = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  goffset length = 0;

  exchange->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (exchange->stream == NULL)
    {
      exchange_return_error (task, error);
      return;
    }

  /* Refuse a declared oversize body before reading any of it. */
  headers = soup_message_get_response_headers (exchange->message);
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    {
      length = soup_message_headers_get_content_length (headers);
      if (length > SALVAGE_HTTP_MAX_BODY_SIZE)
        {
          exchange_too_large (task);
          return;
        }
    }

  /* Room for all of a declared body, so that it is never copied as it
   * grows; pages of it that are not written take no memory. A declared
   * length may be wrong either way: the buffer grows if need be. */
  exchange->declared = length;

  /* A successful answer goes to the feed, when there is one, for its
   * reader to read as it comes. */
  if (exchange->feed != NULL && exchange_succeeded (exchange))
    {
      exchange->streaming = TRUE;
      salvage_body_feed_set_expected (exchange->feed, length);
      exchange_read_next (g_steal_pointer (&task));
      return;
    }

  exchange->body = g_byte_array_sized_new (MAX (length, 16 * 1024) + 1);

  exchange_read_next (g_steal_pointer (&task));
}

/* Sends a fresh message each time: a retried one starts clean. */
static void
exchange_send (GTask *task)
{
  Exchange *exchange = g_task_get_task_data (task);

  exchange->message = soup_message_new (exchange->method, exchange->url);
  if (exchange->message == NULL)
    {
      g_task_return_error (task, salvage_http_new_error (exchange->http, SALVAGE_ERROR_INVALID_URL,
                                                         _("Could not build the address of the request")));
      return;
    }

  /* A redirect could take the key to another host, or to plain HTTP. */
  soup_message_add_flags (exchange->message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (exchange->message),
                                "Accept", "application/json");
  if (exchange->request_body != NULL)
    soup_message_set_request_body_from_bytes (exchange->message, "application/json",
                                              exchange->request_body);

  g_debug ("%s %s", exchange->method, g_uri_get_path (soup_message_get_uri (exchange->message)));

  soup_session_send_async (exchange->http->session,
                           exchange->message,
                           G_PRIORITY_DEFAULT,
                           exchange->cancellable,
                           exchange_send_cb,
                           g_object_ref (task));
}

static void
send_start (SalvageHttp         *self,
            gpointer             source_object,
            const char          *method,
            const char * const  *segments,
            GBytes              *body,
            SalvageHttpFlags     flags,
            SalvageBodyFeed     *feed,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Exchange *exchange;
  guint deadline;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_OBJECT (source_object));
  g_return_if_fail (method != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (source_object, NULL, callback, user_data);
  g_task_set_source_tag (task, salvage_http_send_async);

  exchange = g_new0 (Exchange, 1);
  exchange->http = self;
  /* Set first: a request that ends before it is sent fails the feed too. */
  exchange->feed = feed != NULL ? salvage_body_feed_ref (feed) : NULL;
  g_task_set_task_data (task, exchange, (GDestroyNotify) exchange_free);

  if (cancellable != NULL && g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("The operation was cancelled"));
      return;
    }

  /* Checked again here because a client made with g_object_new() skipped
   * salvage_client_new(): no request may go out over plain HTTP. */
  if (!salvage_http_check_base_url (self->base_url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; segments != NULL && segments[i] != NULL; i++)
    {
      if (!segment_is_valid (segments[i]))
        {
          g_task_return_new_error (task, SALVAGE_ERROR, SALVAGE_ERROR_BAD_REQUEST,
                                   "%s", _("A name in the request is empty or not allowed"));
          return;
        }
    }

  exchange->method = g_strdup (method);
  exchange->url = build_url (self, segments);
  exchange->request_body = body != NULL ? g_bytes_ref (body) : NULL;
  exchange->flags = flags;

  exchange->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      exchange->caller_cancellable = g_object_ref (cancellable);
      exchange->cancelled_id = g_cancellable_connect (cancellable,
                                                      G_CALLBACK (forward_cancel_cb),
                                                      g_object_ref (exchange->cancellable),
                                                      g_object_unref);
    }

  /* The session's timeout bounds each connect and each read. This bounds
   * a whole exchange, so a server that trickles its answer a few bytes at
   * a time cannot hold a request open forever. */
  deadline = self->timeout * SALVAGE_HTTP_DEADLINE_FACTOR;
  exchange->deadline_time = g_get_monotonic_time () + deadline * G_TIME_SPAN_SECOND;
  exchange->deadline = g_timeout_source_new_seconds (deadline);
  g_source_set_callback (exchange->deadline, exchange_deadline_cb, exchange, NULL);
  g_source_set_static_name (exchange->deadline, "[salvage] request deadline");
  g_source_attach (exchange->deadline, g_task_get_context (task));

  exchange_send (task);
}

void
salvage_http_send_async (SalvageHttp         *self,
                         gpointer             source_object,
                         const char          *method,
                         const char * const  *segments,
                         GBytes              *body,
                         SalvageHttpFlags     flags,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  send_start (self, source_object, method, segments, body, flags, NULL,
              cancellable, callback, user_data);
}

void
salvage_http_send_to_feed_async (SalvageHttp         *self,
                                 gpointer             source_object,
                                 const char          *method,
                                 const char * const  *segments,
                                 SalvageHttpFlags     flags,
                                 SalvageBodyFeed     *feed,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (feed != NULL);

  send_start (self, source_object, method, segments, NULL, flags, feed,
              cancellable, callback, user_data);
}

GBytes *
salvage_http_send_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == salvage_http_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
