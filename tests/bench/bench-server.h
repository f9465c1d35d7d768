/* bench-server.h - the stand-in server in a thread of its own, for the benchmarks
 *
 * The server answers from its own thread and main context, so that
 * writing its answers is not counted as the client's or the window's
 * work. It holds the demo workspace, with as many Trash items as asked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "salvage-demo.h"
#include "salvage-server-fault.h"

typedef struct
{
  guint         n_trash;
  gboolean      frozen_trash;
  const char   *workspace;
  const char   *api_key;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;

  GMutex        lock;
  GCond         cond;
  char         *url;      /* set once listening */
  GError       *error;
} BenchServer;

static gpointer
bench_server_thread_func (gpointer data)
{
  BenchServer *bs = data;
  g_autoptr(SalvageServer) server = NULL;
  SalvageDemoSizes sizes;
  GError *error = NULL;

  g_main_context_push_thread_default (bs->context);

  server = salvage_server_new ();
  salvage_demo_sizes_init_default (&sizes);
  sizes.n_trash = bs->n_trash;
  salvage_demo_seed (server, bs->workspace, bs->api_key, &sizes, 1);

  if (bs->frozen_trash)
    {
      g_autofree char *path = g_strdup_printf ("/%s/trash", bs->workspace);
      SalvageFault frozen = { .kind = SALVAGE_FAULT_FROZEN };

      salvage_server_add_fault_full (server, "GET", path, &frozen);
    }

  salvage_server_listen (server, 0, &error);

  g_mutex_lock (&bs->lock);
  if (error != NULL)
    bs->error = error;
  else
    bs->url = g_strdup (salvage_server_get_url (server));
  g_cond_signal (&bs->cond);
  g_mutex_unlock (&bs->lock);

  if (error == NULL)
    g_main_loop_run (bs->loop);

  g_clear_object (&server);
  g_main_context_pop_thread_default (bs->context);

  return NULL;
}

/* Starts a server for @workspace with key @api_key and @n_trash items in
 * its Trash. With @frozen_trash, the Trash is encoded once, at the first
 * request, and every later one gets the same bytes: a benchmark then
 * times the client alone. */
static inline BenchServer *
bench_server_start (const char *workspace,
                    const char *api_key,
                    guint       n_trash,
                    gboolean    frozen_trash)
{
  BenchServer *bs = g_new0 (BenchServer, 1);

  bs->workspace = workspace;
  bs->api_key = api_key;
  bs->n_trash = n_trash;
  bs->frozen_trash = frozen_trash;
  bs->context = g_main_context_new ();
  bs->loop = g_main_loop_new (bs->context, FALSE);
  g_mutex_init (&bs->lock);
  g_cond_init (&bs->cond);

  bs->thread = g_thread_new ("bench-server", bench_server_thread_func, bs);

  g_mutex_lock (&bs->lock);
  while (bs->url == NULL && bs->error == NULL)
    g_cond_wait (&bs->cond, &bs->lock);
  g_mutex_unlock (&bs->lock);

  if (bs->error != NULL)
    g_error ("Could not start the server: %s", bs->error->message);

  return bs;
}

static gboolean
bench_server_quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static inline void
bench_server_stop (BenchServer *bs)
{
  g_main_context_invoke (bs->context, bench_server_quit_cb, bs->loop);
  g_thread_join (bs->thread);

  g_main_loop_unref (bs->loop);
  g_main_context_unref (bs->context);
  g_mutex_clear (&bs->lock);
  g_cond_clear (&bs->cond);
  g_free (bs->url);
  g_free (bs);
}
