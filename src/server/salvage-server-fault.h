/* salvage-server-fault.h - fault injection for the stand-in server, in tests and benchmarks
 *
 * What the real service or the network between can do wrong, on demand.
 * These functions live in the server's test library (salvage-server-fault.c),
 * which the tests, the benchmarks and the `salvage-server` tool link; the
 * application, whose demo needs none of it, does not. The first fault added
 * to a server puts the fault injection between it and its requests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-server.h"

G_BEGIN_DECLS

/* A fault is tried on every request before anything else, the key check
 * included. Unless @commit is set, a faulted request is not carried out: a
 * faulted DELETE deletes nothing and a faulted restore restores nothing,
 * whatever reaches the client. */
typedef enum
{
  SALVAGE_FAULT_NONE,         /* answered normally; only counts the requests it matches */
  SALVAGE_FAULT_STATUS,       /* @status (default 500) with a flat {"error": @message} body */
  SALVAGE_FAULT_NO_ANSWER,    /* the request is read and never answered */
  SALVAGE_FAULT_RESET,        /* the real headers and part of the body, then a TCP reset */
  SALVAGE_FAULT_TRUNCATED,    /* the real answer cut in half, Content-Length matching the cut */
  SALVAGE_FAULT_NOT_JSON,     /* @status (default 200) with an HTML error page */
  SALVAGE_FAULT_WRONG_SHAPE,  /* @status (default 200) with JSON whose members have the wrong types */
  SALVAGE_FAULT_HUGE,         /* @status (default 200), Content-Length SALVAGE_FAULT_HUGE_LENGTH,
                               * and a body streamed until the client gives up */
  SALVAGE_FAULT_TRICKLE,      /* the real answer, one byte every @interval_ms; always carried out */
  SALVAGE_FAULT_FROZEN,       /* the first successful answer, kept and sent again as it was to
                               * every later request, whatever has changed since: for the
                               * benchmarks, which time the client alone, not the encoding */
} SalvageFaultKind;

/* The Content-Length a HUGE answer claims, and streams. */
#define SALVAGE_FAULT_HUGE_LENGTH ((goffset) 100 * 1024 * 1024)

typedef struct
{
  SalvageFaultKind  kind;
  /* STATUS, NOT_JSON, WRONG_SHAPE, HUGE: the HTTP status; 0 = the kind's default. */
  guint             status;
  /* STATUS: seconds for a Retry-After header, none when 0; a 429 always has one (1 when 0). */
  guint             retry_after;
  /* STATUS: the "error" text; NULL = the status's reason phrase. */
  const char       *message;
  /* TRICKLE: milliseconds between bytes (0 = 10). HUGE: between 64 KiB chunks (0 = none). */
  guint             interval_ms;
  /* Matching requests let through before the fault strikes, so that a test can
   * fail "only the 2nd restore". */
  guint             skip;
  /* Matching requests faulted after those, then the fault is spent; 0 = no end. */
  guint             count;
  /* Carry the request out first, so that only its answer is lost or damaged. */
  gboolean          commit;
} SalvageFault;

/* Adds a fault for requests whose method is @method (NULL = any) and whose
 * path, still percent-encoded and without the query, matches the GLib glob
 * @path_glob (NULL = any; "*" also matches "/"). Faults are tried in the
 * order they were added and the first one whose turn it is strikes; every
 * fault counts each request it matches, struck or not. Returns an id for
 * salvage_server_remove_fault(). */
guint          salvage_server_add_fault      (SalvageServer      *self,
                                              const char         *method,
                                              const char         *path_glob,
                                              SalvageFaultKind    kind,
                                              guint               status,
                                              guint               count);
guint          salvage_server_add_fault_full (SalvageServer      *self,
                                              const char         *method,
                                              const char         *path_glob,
                                              const SalvageFault *fault);
/* Parses "METHOD:GLOB:KIND[:key=value…]", as `salvage-server --fault` takes
 * it: METHOD may be "*", KIND is one of status=N, no-answer, reset,
 * truncated, not-json, wrong-shape, huge, trickle, frozen or none, and the keys are
 * count, skip, status, retry-after, message, interval and commit. Returns
 * the new fault's id, or 0 with @error set. */
guint          salvage_server_add_fault_spec (SalvageServer      *self,
                                              const char         *spec,
                                              GError            **error);
void           salvage_server_remove_fault   (SalvageServer      *self,
                                              guint               fault_id);
/* Removes every fault. Answers already under way (a trickle, a held
 * request) carry on. */
void           salvage_server_clear_faults   (SalvageServer      *self);
/* How many requests fault @fault_id has struck so far. */
guint          salvage_server_get_fault_hits (SalvageServer      *self,
                                              guint               fault_id);

G_END_DECLS
