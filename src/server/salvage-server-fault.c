/* salvage-server-fault.c - the stand-in server's faults: errors, broken connections and bad answers on demand
 *
 * The client and the window are tested against everything the real
 * service or the network between can do wrong. A fault strikes a request
 * in place of the normal answer (see salvage-server-fault.h for each kind);
 * the request is routed beforehand only when the fault needs the real
 * answer or is told to carry the request out.
 *
 * This file makes the server's test library: the faults come between a
 * server and its requests as its request hook, set when the first fault is
 * added, so that the server itself, as the application links it, holds no
 * fault code.
 *
 * Answers that reach the wire in pieces (TRICKLE, HUGE) are streamed
 * through the SoupServerMessage, which pauses itself whenever its body runs
 * dry. RESET and NO_ANSWER take the connection away from libsoup, so that
 * the socket can be reset mid-body or held open without an answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "salvage-server-fault.h"
#include "salvage-server-private.h"

#define TRICKLE_DEFAULT_INTERVAL_MS 10
#define HUGE_CHUNK_SIZE             (64 * 1024)
/* RESET sends at most this much of the body: it always fits in the socket
 * buffer, so the write never waits on the client. */
#define RESET_MAX_PARTIAL           4096

typedef struct _SalvageServerFaults SalvageServerFaults;

typedef struct
{
  guint         id;
  char         *method;       /* NULL = any */
  GPatternSpec *pattern;      /* NULL = any */
  SalvageFault  fault;        /* .message points to @message */
  char         *message;
  guint         seen;         /* matching requests so far */
  guint         hits;         /* of which struck */
  /* FROZEN: the answer kept, once there is one. */
  GBytes       *frozen;
  char         *frozen_type;
} FaultEntry;

/* A TRICKLE or HUGE answer under way. It holds a reference to its
 * message, and so to the message's connection, until the answer is done or
 * the client has gone. */
typedef struct
{
  SalvageServerFaults *faults;
  SoupServerMessage   *msg;
  SalvageFaultKind     kind;
  GBytes              *data;           /* TRICKLE: the whole answer; HUGE: one chunk of filler */
  goffset              sent;           /* bytes handed to the message */
  goffset              length;         /* bytes to hand over in all */
  guint                interval_ms;
  guint                source_id;
  gulong               wrote_chunk_id;
  gulong               finished_id;
  gulong               disconnected_id;
} FaultStream;

/* A message paused until its connection can be taken from libsoup, which
 * cannot happen while the handler runs. */
typedef struct
{
  SalvageServerFaults *faults;
  SoupServerMessage   *msg;
  SalvageFaultKind     kind;
  GBytes              *head;           /* RESET: what to send before the reset */
  guint                source_id;
} PendingSteal;

/* A NO_ANSWER connection, kept open until the client closes it; or a
 * RESET one, kept until the client has received what was sent. */
typedef struct
{
  SalvageServerFaults *faults;
  GIOStream           *stream;
  GSocket             *socket;
  GSource             *source;
  guint                polls_left;     /* RESET: checks of the send queue before resetting anyway */
} HeldConnection;

struct _SalvageServerFaults
{
  GPtrArray *entries;         /* (element-type FaultEntry), in the order added */
  GPtrArray *streams;         /* (element-type FaultStream) */
  GPtrArray *pending;         /* (element-type PendingSteal) */
  GPtrArray *held;            /* (element-type HeldConnection) */
  guint      last_id;
};

static const char huge_prefix[] = "{\"items\":[";
static const char huge_record[] = "{\"id\":\"filler\",\"type\":\"project\",\"name\":\"Filler\"},";

/* Every member a client of the Trash family reads, each with a type it
 * does not expect. */
static const char wrong_shape_body[] =
  "{\"items\":5,\"sections\":\"none\",\"workspace\":[],\"project\":null,\"projects\":{},"
  "\"versions\":{},\"version\":7,\"trainings\":\"none\",\"workflows\":true,\"workflow\":[],"
  "\"deleted\":\"yes\",\"restored\":1,\"welcome\":0,\"id\":[],\"type\":false,\"error\":{}}";

static void
fault_entry_free (gpointer data)
{
  FaultEntry *entry = data;

  g_clear_pointer (&entry->method, g_free);
  g_clear_pointer (&entry->pattern, g_pattern_spec_free);
  g_clear_pointer (&entry->message, g_free);
  g_clear_pointer (&entry->frozen, g_bytes_unref);
  g_clear_pointer (&entry->frozen_type, g_free);
  g_free (entry);
}

static void
fault_stream_free (gpointer data)
{
  FaultStream *stream = data;

  g_clear_handle_id (&stream->source_id, g_source_remove);
  g_clear_signal_handler (&stream->wrote_chunk_id, stream->msg);
  g_clear_signal_handler (&stream->finished_id, stream->msg);
  g_clear_signal_handler (&stream->disconnected_id, stream->msg);
  g_clear_object (&stream->msg);
  g_clear_pointer (&stream->data, g_bytes_unref);
  g_free (stream);
}

static void
pending_steal_free (gpointer data)
{
  PendingSteal *pending = data;

  g_clear_handle_id (&pending->source_id, g_source_remove);
  g_clear_object (&pending->msg);
  g_clear_pointer (&pending->head, g_bytes_unref);
  g_free (pending);
}

static void
held_connection_free (gpointer data)
{
  HeldConnection *held = data;

  if (held->source != NULL)
    {
      g_source_destroy (held->source);
      g_clear_pointer (&held->source, g_source_unref);
    }
  if (held->stream != NULL)
    g_io_stream_close (held->stream, NULL, NULL);
  if (held->socket != NULL)
    g_socket_close (held->socket, NULL);
  g_clear_object (&held->stream);
  g_clear_object (&held->socket);
  g_free (held);
}

static SalvageServerFaults *
faults_new (void)
{
  SalvageServerFaults *faults = g_new0 (SalvageServerFaults, 1);

  faults->entries = g_ptr_array_new_with_free_func (fault_entry_free);
  faults->streams = g_ptr_array_new_with_free_func (fault_stream_free);
  faults->pending = g_ptr_array_new_with_free_func (pending_steal_free);
  faults->held = g_ptr_array_new_with_free_func (held_connection_free);

  return faults;
}

/* Stops the answers under way and closes the connections held open: the
 * server calls it once its SoupServer has let go of its connections. */
static void
faults_free (SalvageServerFaults *faults)
{
  if (faults == NULL)
    return;

  g_clear_pointer (&faults->streams, g_ptr_array_unref);
  g_clear_pointer (&faults->pending, g_ptr_array_unref);
  g_clear_pointer (&faults->held, g_ptr_array_unref);
  g_clear_pointer (&faults->entries, g_ptr_array_unref);
  g_free (faults);
}

static FaultEntry *
find_entry (SalvageServerFaults *faults,
            guint                id,
            guint               *index)
{
  for (guint i = 0; i < faults->entries->len; i++)
    {
      FaultEntry *entry = g_ptr_array_index (faults->entries, i);

      if (entry->id == id)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }

  return NULL;
}

/* The fault that strikes @msg, or NULL; counts @msg against every fault it
 * matches. The result is valid until the faults change. */
static const SalvageFault *
faults_lookup (SalvageServerFaults *faults,
               SoupServerMessage   *msg)
{
  const char *method = soup_server_message_get_method (msg);
  const char *path = g_uri_get_path (soup_server_message_get_uri (msg));
  const SalvageFault *struck = NULL;

  for (guint i = 0; i < faults->entries->len; i++)
    {
      FaultEntry *entry = g_ptr_array_index (faults->entries, i);
      guint position;

      if ((entry->method != NULL && g_strcmp0 (entry->method, method) != 0) ||
          (entry->pattern != NULL && !g_pattern_spec_match_string (entry->pattern, path)))
        continue;

      /* Every matching fault counts the request, so that "the 2nd restore"
       * means the same whatever else is set up. */
      position = ++entry->seen;
      if (struck != NULL || position <= entry->fault.skip ||
          (entry->fault.count > 0 && position - entry->fault.skip > entry->fault.count))
        continue;

      entry->hits++;
      struck = &entry->fault;
    }

  return struck;
}

/* Whether @fault sends (part of) the real answer, so that the request must
 * be routed first. */
static gboolean
fault_needs_answer (const SalvageFault *fault)
{
  switch (fault->kind)
    {
    case SALVAGE_FAULT_RESET:
    case SALVAGE_FAULT_TRUNCATED:
    case SALVAGE_FAULT_TRICKLE:
      return TRUE;

    case SALVAGE_FAULT_NONE:
    case SALVAGE_FAULT_STATUS:
    case SALVAGE_FAULT_NO_ANSWER:
    case SALVAGE_FAULT_NOT_JSON:
    case SALVAGE_FAULT_WRONG_SHAPE:
    case SALVAGE_FAULT_HUGE:
    case SALVAGE_FAULT_FROZEN:  /* routed by faults_request_hook() itself */
    default:
      return FALSE;
    }
}

static GBytes *
take_answer (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  GBytes *bytes = soup_message_body_flatten (body);

  soup_message_body_truncate (body);

  return bytes;
}

/* libsoup 3.2 has no name for 429. */
static const char *
status_phrase (guint status)
{
  return status == 429 ? "Too Many Requests" : soup_status_get_phrase (status);
}

static void
send_status (SoupServerMessage  *msg,
             const SalvageFault *fault)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint status = fault->status != 0 ? fault->status : SOUP_STATUS_INTERNAL_SERVER_ERROR;
  guint retry_after = fault->retry_after;
  gsize length = 0;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, fault->message != NULL ? fault->message
                                                                 : status_phrase (status));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &length);

  if (status == 429 && retry_after == 0)
    retry_after = 1;
  if (retry_after > 0)
    {
      g_autofree char *value = g_strdup_printf ("%u", retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", value);
    }

  soup_server_message_set_status (msg, status, status_phrase (status));
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, data, length);
}

/* What a proxy, a captive portal or a load balancer puts in the way. */
static void
send_not_json (SoupServerMessage  *msg,
               const SalvageFault *fault)
{
  guint status = fault->status != 0 ? fault->status : SOUP_STATUS_OK;
  const char *title = status >= 400 ? status_phrase (status) : "Service Unavailable";
  char *page;

  page = g_strdup_printf ("<!DOCTYPE html>\n"
                          "<html>\n"
                          "<head><title>%s</title></head>\n"
                          "<body>\n"
                          "<h1>%s</h1>\n"
                          "<p>The server is temporarily unable to service your request. "
                          "Please try again later.</p>\n"
                          "</body>\n"
                          "</html>\n",
                          title, title);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE,
                                    page, strlen (page));
}

static void
send_wrong_shape (SoupServerMessage  *msg,
                  const SalvageFault *fault)
{
  soup_server_message_set_status (msg, fault->status != 0 ? fault->status : SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    wrong_shape_body, strlen (wrong_shape_body));
}

static void
send_truncated (SoupServerMessage *msg)
{
  g_autoptr(GBytes) answer = take_answer (msg);
  gsize length = g_bytes_get_size (answer);

  /* The status and the content type stay those of the real answer; the
   * body, and so the Content-Length libsoup derives from it, are cut. */
  soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY,
                            g_bytes_get_data (answer, NULL), length / 2);
}

/* Streams */

static void fault_stream_step (FaultStream *stream);

static gboolean
fault_stream_step_cb (gpointer user_data)
{
  FaultStream *stream = user_data;

  stream->source_id = 0;
  fault_stream_step (stream);
  /* The message paused itself when its body ran dry. */
  soup_server_message_unpause (stream->msg);

  return G_SOURCE_REMOVE;
}

static void
fault_stream_wrote_chunk_cb (FaultStream       *stream,
                             SoupServerMessage *msg)
{
  if (stream->sent >= stream->length || stream->source_id != 0)
    return;

  if (stream->interval_ms > 0)
    stream->source_id = g_timeout_add (stream->interval_ms, fault_stream_step_cb, stream);
  else
    stream->source_id = g_idle_add (fault_stream_step_cb, stream);
}

/* Done, or the client went away. libsoup 3.6 emits "finished" only when
 * the message's own I/O ends: a connection closed under a paused message,
 * as when the server shuts down, is told with "disconnected" alone. The
 * stream stops there too, rather than hold the message and its connection,
 * and keep a step queued, until the faults are freed. */
static void
fault_stream_finished_cb (FaultStream       *stream,
                          SoupServerMessage *msg)
{
  g_ptr_array_remove_fast (stream->faults->streams, stream);
}

static void
fault_stream_step (FaultStream *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (stream->msg);
  g_autoptr(GBytes) piece = NULL;
  gsize size;

  if (stream->kind == SALVAGE_FAULT_TRICKLE)
    piece = g_bytes_new_from_bytes (stream->data, stream->sent, 1);
  else if (stream->sent == 0)
    piece = g_bytes_new_static (huge_prefix, strlen (huge_prefix));
  else
    piece = g_bytes_new_from_bytes (stream->data, 0,
                                    MIN (g_bytes_get_size (stream->data),
                                         (gsize) (stream->length - stream->sent)));

  size = g_bytes_get_size (piece);
  soup_message_body_append_bytes (body, piece);
  stream->sent += size;

  if (stream->sent >= stream->length)
    soup_message_body_complete (body);
}

static void
start_stream (SalvageServerFaults *faults,
              SoupServerMessage   *msg,
              SalvageFaultKind     kind,
              GBytes              *data,
              goffset              length,
              guint                interval_ms)
{
  FaultStream *stream = g_new0 (FaultStream, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  stream->faults = faults;
  stream->msg = g_object_ref (msg);
  stream->kind = kind;
  stream->data = data;
  stream->length = length;
  stream->interval_ms = interval_ms;
  stream->wrote_chunk_id = g_signal_connect_swapped (msg, "wrote-chunk",
                                                     G_CALLBACK (fault_stream_wrote_chunk_cb),
                                                     stream);
  stream->finished_id = g_signal_connect_swapped (msg, "finished",
                                                  G_CALLBACK (fault_stream_finished_cb), stream);
  stream->disconnected_id = g_signal_connect_swapped (msg, "disconnected",
                                                      G_CALLBACK (fault_stream_finished_cb),
                                                      stream);
  g_ptr_array_add (faults->streams, stream);

  /* Written chunks are dropped: a HUGE answer never sits in memory whole. */
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg), FALSE);
  soup_message_headers_set_content_length (headers, length);

  if (length > 0)
    fault_stream_step (stream);
  else
    soup_message_body_complete (soup_server_message_get_response_body (msg));
}

static void
send_trickle (SalvageServerFaults *faults,
              SoupServerMessage   *msg,
              const SalvageFault  *fault)
{
  GBytes *answer = take_answer (msg);

  start_stream (faults, msg, SALVAGE_FAULT_TRICKLE, answer, g_bytes_get_size (answer),
                fault->interval_ms != 0 ? fault->interval_ms : TRICKLE_DEFAULT_INTERVAL_MS);
}

static void
send_huge (SalvageServerFaults *faults,
           SoupServerMessage   *msg,
           const SalvageFault  *fault)
{
  GString *chunk = g_string_sized_new (HUGE_CHUNK_SIZE);
  gsize record_length = strlen (huge_record);

  while (chunk->len + record_length <= HUGE_CHUNK_SIZE)
    g_string_append_len (chunk, huge_record, record_length);

  soup_server_message_set_status (msg, fault->status != 0 ? fault->status : SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "application/json", NULL);
  start_stream (faults, msg, SALVAGE_FAULT_HUGE, g_string_free_to_bytes (chunk),
                SALVAGE_FAULT_HUGE_LENGTH, fault->interval_ms);
}

/* Connections taken from libsoup */

static gboolean
held_connection_closed_cb (GSocket      *socket,
                           GIOCondition  condition,
                           gpointer      user_data)
{
  HeldConnection *held = user_data;

  /* Readable means the client closed its end: no request follows an
   * unanswered one on the same connection. */
  g_ptr_array_remove_fast (held->faults->held, held);

  return G_SOURCE_REMOVE;
}

static void
hold_connection (SalvageServerFaults *faults,
                 GIOStream           *stream,
                 GSocket             *socket)
{
  HeldConnection *held = g_new0 (HeldConnection, 1);

  held->faults = faults;
  held->stream = g_object_ref (stream);
  held->socket = g_object_ref (socket);
  held->source = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (held->source, G_SOURCE_FUNC (held_connection_closed_cb), held, NULL);
  g_source_attach (held->source, NULL);
  g_ptr_array_add (faults->held, held);
}

static gboolean
held_connection_reset_cb (gpointer user_data)
{
  HeldConnection *held = user_data;
  struct linger linger = { .l_onoff = 1, .l_linger = 0 };
  int unacknowledged = 0;

  /* A reset throws away whatever is still queued: wait until the client
   * has it all, so that it sees a reset mid-body rather than no answer. */
#ifdef TIOCOUTQ
  if (ioctl (g_socket_get_fd (held->socket), TIOCOUTQ, &unacknowledged) == 0 &&
      unacknowledged > 0 && --held->polls_left > 0)
    return G_SOURCE_CONTINUE;
#endif

  setsockopt (g_socket_get_fd (held->socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (held->socket, NULL);
  g_ptr_array_remove_fast (held->faults->held, held);

  return G_SOURCE_REMOVE;
}

/* Sends @head, then closes with a TCP reset (SO_LINGER of zero) rather
 * than an orderly end of stream. */
static void
reset_connection (SalvageServerFaults *faults,
                  GIOStream           *stream,
                  GSocket             *socket,
                  GBytes              *head)
{
  HeldConnection *held = g_new0 (HeldConnection, 1);
  gsize length = 0;
  const char *data = g_bytes_get_data (head, &length);

  /* Small enough for the socket buffer; a client already gone is fine. */
  g_socket_send (socket, data, length, NULL, NULL);

  held->faults = faults;
  held->stream = g_object_ref (stream);
  held->socket = g_object_ref (socket);
  held->polls_left = 500;
  held->source = g_timeout_source_new (1);
  g_source_set_callback (held->source, held_connection_reset_cb, held, NULL);
  g_source_attach (held->source, NULL);
  g_ptr_array_add (faults->held, held);
}

static gboolean
pending_steal_cb (gpointer user_data)
{
  PendingSteal *pending = user_data;
  SalvageServerFaults *faults = pending->faults;
  g_autoptr(SoupServerMessage) msg = g_object_ref (pending->msg);
  g_autoptr(GBytes) head = pending->head != NULL ? g_bytes_ref (pending->head) : NULL;
  SalvageFaultKind kind = pending->kind;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GIOStream) stream = NULL;

  pending->source_id = 0;
  g_ptr_array_remove_fast (faults->pending, pending);

  if (soup_server_message_get_socket (msg) == NULL)
    return G_SOURCE_REMOVE;

  socket = g_object_ref (soup_server_message_get_socket (msg));
  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    return G_SOURCE_REMOVE;

  if (kind == SALVAGE_FAULT_RESET)
    reset_connection (faults, stream, socket, head);
  else
    hold_connection (faults, stream, socket);

  return G_SOURCE_REMOVE;
}

/* The status line, the real headers that matter and part of the body. */
static GBytes *
reset_head_new (SoupServerMessage *msg)
{
  g_autoptr(GBytes) answer = take_answer (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *content_type = soup_message_headers_get_one (headers, "Content-Type");
  guint status = soup_server_message_get_status (msg);
  gsize length = g_bytes_get_size (answer);
  GString *head = g_string_new (NULL);

  g_string_append_printf (head, "HTTP/1.1 %u %s\r\n", status, status_phrase (status));
  if (content_type != NULL)
    g_string_append_printf (head, "Content-Type: %s\r\n", content_type);
  /* Claim at least one byte, so that the answer can never look complete. */
  g_string_append_printf (head, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", MAX (length, 1));
  g_string_append_len (head, g_bytes_get_data (answer, NULL), MIN (length / 2, RESET_MAX_PARTIAL));

  return g_string_free_to_bytes (head);
}

static void
steal_later (SalvageServerFaults *faults,
             SoupServerMessage   *msg,
             SalvageFaultKind     kind)
{
  PendingSteal *pending = g_new0 (PendingSteal, 1);

  pending->faults = faults;
  pending->msg = g_object_ref (msg);
  pending->kind = kind;
  if (kind == SALVAGE_FAULT_RESET)
    pending->head = reset_head_new (msg);
  pending->source_id = g_idle_add (pending_steal_cb, pending);
  g_ptr_array_add (faults->pending, pending);

  soup_server_message_pause (msg);
}

/* Answers @msg as @fault says, from the real answer already set on it when
 * the fault needs one. Returns TRUE when the answer leaves whole and at
 * once, like an answer without a fault. */
static gboolean
faults_apply (SalvageServerFaults *faults,
              SoupServerMessage   *msg,
              const SalvageFault  *fault)
{
  /* A request carried out first has its real answer set already, and
   * soup_server_message_set_response() appends. */
  if (fault->kind != SALVAGE_FAULT_NONE && !fault_needs_answer (fault))
    soup_message_body_truncate (soup_server_message_get_response_body (msg));

  switch (fault->kind)
    {
    case SALVAGE_FAULT_NONE:
      return TRUE;

    case SALVAGE_FAULT_STATUS:
      send_status (msg, fault);
      return TRUE;

    case SALVAGE_FAULT_NOT_JSON:
      send_not_json (msg, fault);
      return TRUE;

    case SALVAGE_FAULT_WRONG_SHAPE:
      send_wrong_shape (msg, fault);
      return TRUE;

    case SALVAGE_FAULT_TRUNCATED:
      send_truncated (msg);
      return TRUE;

    case SALVAGE_FAULT_TRICKLE:
      send_trickle (faults, msg, fault);
      return FALSE;

    case SALVAGE_FAULT_HUGE:
      send_huge (faults, msg, fault);
      return FALSE;

    case SALVAGE_FAULT_RESET:
    case SALVAGE_FAULT_NO_ANSWER:
      steal_later (faults, msg, fault->kind);
      return FALSE;

    default:
      g_return_val_if_reached (TRUE);
    }
}

/* A FROZEN fault: the real answer until one succeeds, then that one. */
static void
send_frozen (SalvageServer     *server,
             SoupServerMessage *msg,
             const SalvageFault *fault)
{
  FaultEntry *entry = (FaultEntry *) ((char *) fault - G_STRUCT_OFFSET (FaultEntry, fault));
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (entry->frozen == NULL)
    {
      salvage_server_route (server, msg, FALSE);
      if (soup_server_message_get_status (msg) == SOUP_STATUS_OK)
        {
          entry->frozen = soup_message_body_flatten (soup_server_message_get_response_body (msg));
          entry->frozen_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
        }
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, entry->frozen_type, NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), entry->frozen);
}

static gboolean
faults_request_hook (SalvageServer     *server,
                     SoupServerMessage *msg,
                     gpointer           user_data)
{
  SalvageServerFaults *faults = user_data;
  const SalvageFault *fault = faults_lookup (faults, msg);
  gboolean commit;

  if (fault == NULL || fault->kind == SALVAGE_FAULT_NONE)
    {
      salvage_server_route (server, msg, FALSE);
      return TRUE;
    }

  if (fault->kind == SALVAGE_FAULT_FROZEN)
    {
      send_frozen (server, msg, fault);
      return TRUE;
    }

  /* A trickle is a real answer, only slow: it must not claim a change that
   * was never made. */
  commit = fault->commit || fault->kind == SALVAGE_FAULT_TRICKLE;
  if (commit || fault_needs_answer (fault))
    salvage_server_route (server, msg, !commit);

  return faults_apply (faults, msg, fault);
}

/* The faults of @self, which come between it and its requests from the
 * first one added on. */
static SalvageServerFaults *
ensure_faults (SalvageServer *self)
{
  SalvageServerFaults *faults = salvage_server_get_request_hook_data (self, faults_request_hook);

  if (faults == NULL)
    {
      faults = faults_new ();
      salvage_server_set_request_hook (self, faults_request_hook, faults,
                                       (GDestroyNotify) faults_free);
    }

  return faults;
}

/* Public API */

guint
salvage_server_add_fault (SalvageServer    *self,
                          const char       *method,
                          const char       *path_glob,
                          SalvageFaultKind  kind,
                          guint             status,
                          guint             count)
{
  SalvageFault fault = { .kind = kind, .status = status, .count = count };

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  return salvage_server_add_fault_full (self, method, path_glob, &fault);
}

guint
salvage_server_add_fault_full (SalvageServer      *self,
                               const char         *method,
                               const char         *path_glob,
                               const SalvageFault *fault)
{
  SalvageServerFaults *faults;
  FaultEntry *entry;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);
  g_return_val_if_fail (fault != NULL, 0);
  g_return_val_if_fail (fault->kind <= SALVAGE_FAULT_FROZEN, 0);
  g_return_val_if_fail (fault->status == 0 || (fault->status >= 100 && fault->status <= 599), 0);

  faults = ensure_faults (self);
  entry = g_new0 (FaultEntry, 1);
  entry->id = ++faults->last_id;
  entry->method = g_strdup (method);
  entry->pattern = path_glob != NULL ? g_pattern_spec_new (path_glob) : NULL;
  entry->fault = *fault;
  entry->message = g_strdup (fault->message);
  entry->fault.message = entry->message;
  g_ptr_array_add (faults->entries, entry);

  return entry->id;
}

void
salvage_server_remove_fault (SalvageServer *self,
                             guint          fault_id)
{
  SalvageServerFaults *faults;
  guint index;

  g_return_if_fail (SALVAGE_IS_SERVER (self));

  faults = salvage_server_get_request_hook_data (self, faults_request_hook);
  if (faults == NULL || find_entry (faults, fault_id, &index) == NULL)
    {
      g_warning ("No fault with id %u", fault_id);
      return;
    }

  g_ptr_array_remove_index (faults->entries, index);
}

void
salvage_server_clear_faults (SalvageServer *self)
{
  SalvageServerFaults *faults;

  g_return_if_fail (SALVAGE_IS_SERVER (self));

  faults = salvage_server_get_request_hook_data (self, faults_request_hook);
  if (faults != NULL)
    g_ptr_array_set_size (faults->entries, 0);
}

guint
salvage_server_get_fault_hits (SalvageServer *self,
                               guint          fault_id)
{
  SalvageServerFaults *faults;
  FaultEntry *entry;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);

  faults = salvage_server_get_request_hook_data (self, faults_request_hook);
  entry = faults != NULL ? find_entry (faults, fault_id, NULL) : NULL;

  return entry != NULL ? entry->hits : 0;
}
