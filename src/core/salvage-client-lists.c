/* salvage-client-lists.c - the client's list and get endpoints, from one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "salvage-client"

#include "config.h"

#include "salvage-client-private.h"
#include "salvage-parse.h"

/* GET endpoints
 *
 * Every list or get endpoint is a row of one table: the path below the
 * workspace, the parser of its answer, and whether that parser runs in a
 * worker thread, and then whether it reads the body while it arrives.
 * The public _async/_finish pairs only pick their row.
 */

typedef enum
{
  LIST_WORKSPACE,
  LIST_PROJECT,
  LIST_TRAININGS,
  LIST_WORKFLOWS,
  LIST_TRASH,
  LIST_TRASH_LISTING,
  N_LISTS
} ListId;

/* Placeholders in a path, told apart from fixed words by their address. */
static const char piece_project[] = "{project}";
static const char piece_version[] = "{version}";

#define MAX_PIECES 4

typedef struct _ListEndpoint ListEndpoint;

typedef struct
{
  const ListEndpoint *endpoint;
  char               *project_slug;
  char               *version_number;
  char               *name;          /* the workspace's display name */
  GBytes             *body;          /* kept for a parser in a worker thread */
  SalvageBodyFeed    *feed;          /* read by a parser as it arrives */
} ListData;

typedef GPtrArray *(*ListParser) (GBytes    *body,
                                  ListData  *data,
                                  GError   **error);
typedef GPtrArray *(*ListFeedParser) (SalvageBodyFeed  *feed,
                                      ListData         *data,
                                      GError          **error);

struct _ListEndpoint
{
  gpointer    source_tag;
  const char *pieces[MAX_PIECES + 1];  /* below /{ws}, NULL-terminated */
  ListParser  parse;                   /* NULL with @parse_feed */
  gboolean    in_thread;
  ListFeedParser parse_feed;           /* in a worker thread, as the body arrives */
};

static GPtrArray *
parse_workspace (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_workspace (body, &data->name, error);
}

static GPtrArray *
parse_project (GBytes    *body,
               ListData  *data,
               GError   **error)
{
  return salvage_parse_project (body, data->project_slug, NULL, error);
}

static GPtrArray *
parse_trainings (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_trainings (body, data->project_slug, data->version_number, error);
}

static GPtrArray *
parse_workflows (GBytes    *body,
                 ListData  *data,
                 GError   **error)
{
  return salvage_parse_workflows (body, error);
}

static GPtrArray *
parse_trash (GBytes    *body,
             ListData  *data,
             GError   **error)
{
  return salvage_parse_trash (body, error);
}

/* The listing read while it arrives, as the one element of the array the
 * table's parsers return. */
static GPtrArray *
parse_trash_listing_feed (SalvageBodyFeed  *feed,
                          ListData         *data,
                          GError          **error)
{
  SalvageTrashListing *listing = salvage_parse_trash_listing_from_feed (feed, error);
  GPtrArray *result;

  if (listing == NULL)
    return NULL;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) salvage_trash_listing_unref);
  g_ptr_array_add (result, listing);
  return result;
}

static const ListEndpoint list_endpoints[N_LISTS] = {
  [LIST_WORKSPACE] = { salvage_client_get_workspace_async, { NULL },
                       parse_workspace, FALSE },
  [LIST_PROJECT]   = { salvage_client_get_project_async, { piece_project, NULL },
                       parse_project, FALSE },
  [LIST_TRAININGS] = { salvage_client_list_trainings_async,
                       { piece_project, piece_version, "v2", "trainings", NULL },
                       parse_trainings, FALSE },
  [LIST_WORKFLOWS] = { salvage_client_list_workflows_async, { "workflows", NULL },
                       parse_workflows, FALSE },
  /* A Trash can hold a hundred thousand entries: keep the main loop free. */
  [LIST_TRASH]     = { salvage_client_list_trash_async, { "trash", NULL },
                       parse_trash, TRUE },
  /* The listing is read while it arrives: its reading takes longer than
   * its transfer, and the two overlap. */
  [LIST_TRASH_LISTING] = { salvage_client_list_trash_listing_async, { "trash", NULL },
                           NULL, TRUE, parse_trash_listing_feed },
};

static void
list_data_free (ListData *data)
{
  g_clear_pointer (&data->project_slug, g_free);
  g_clear_pointer (&data->version_number, g_free);
  g_clear_pointer (&data->name, g_free);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_clear_pointer (&data->feed, salvage_body_feed_unref);
  g_free (data);
}

static void
list_return (GTask     *task,
             GPtrArray *items,
             GError    *error)
{
  if (items == NULL)
    _salvage_client_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static void
list_parse_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ListData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = data->endpoint->parse (data->body, data, &error);
  /* The text can be tens of megabytes: let it go before the callback
   * fills a list with the objects. */
  g_clear_pointer (&data->body, g_bytes_unref);

  list_return (task, items, error);
}

/* Reads the body as it arrives, and returns the task: the exchange's
 * error, when it failed, comes through the feed. */
static void
list_feed_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ListData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = data->endpoint->parse_feed (data->feed, data, &error);
  list_return (task, items, error);
}

/* The exchange of a body read as it arrives: its reader returns the
 * task; this only makes sure the reader hears how the exchange ended. */
static void
list_feed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (!(body = _salvage_client_send_finish (SALVAGE_CLIENT (object), result, &error)))
    salvage_body_feed_fail (data->feed, error);
  else
    salvage_body_feed_finish (data->feed);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ListData *data = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  GPtrArray *items;

  if (!(body = _salvage_client_send_finish (SALVAGE_CLIENT (object), result, &error)))
    {
      _salvage_client_return_error (task, error);
      return;
    }

  if (data->endpoint->in_thread)
    {
      data->body = g_steal_pointer (&body);
      g_task_run_in_thread (task, list_parse_thread);
      return;
    }

  items = data->endpoint->parse (body, data, &error);
  list_return (task, items, error);
}

static void
list_start (SalvageClient       *self,
            ListId               id,
            const char          *project_slug,
            const char          *version_number,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  const ListEndpoint *endpoint = &list_endpoints[id];
  const char *segments[MAX_PIECES + 2] = { NULL, };
  g_autoptr(GTask) task = NULL;
  ListData *data;
  guint n = 0;

  task = _salvage_client_task_new (self, endpoint->source_tag, cancellable, callback, user_data);

  data = g_new0 (ListData, 1);
  data->endpoint = endpoint;
  data->project_slug = g_strdup (project_slug);
  data->version_number = g_strdup (version_number);
  g_task_set_task_data (task, data, (GDestroyNotify) list_data_free);

  if (!_salvage_client_check_workspace (self, task))
    return;

  segments[n++] = salvage_client_get_workspace (self);
  for (guint i = 0; endpoint->pieces[i] != NULL; i++)
    {
      if (endpoint->pieces[i] == piece_project)
        segments[n++] = project_slug;
      else if (endpoint->pieces[i] == piece_version)
        segments[n++] = version_number;
      else
        segments[n++] = endpoint->pieces[i];
    }

  if (endpoint->parse_feed != NULL)
    {
      /* Room for the largest body the transport takes, which is never
       * moved: pages that are not written take no memory. */
      data->feed = salvage_body_feed_new (SALVAGE_HTTP_MAX_BODY_SIZE + 1);
      _salvage_client_send_to_feed_async (self, "GET", segments, SALVAGE_HTTP_FLAGS_NONE,
                                          data->feed, cancellable, list_feed_cb,
                                          g_object_ref (task));
      g_task_run_in_thread (task, list_feed_thread);
      return;
    }

  _salvage_client_send_async (self, "GET", segments, NULL, SALVAGE_HTTP_FLAGS_NONE,
                              cancellable, list_cb, g_steal_pointer (&task));
}

static GPtrArray *
list_finish (SalvageClient  *self,
             GAsyncResult   *result,
             ListId          id,
             char          **name_out,
             GError        **error)
{
  GPtrArray *items;

  g_return_val_if_fail (_salvage_client_is_result (self, result, list_endpoints[id].source_tag),
                        NULL);

  items = g_task_propagate_pointer (G_TASK (result), error);

  if (name_out != NULL)
    {
      ListData *data = g_task_get_task_data (G_TASK (result));

      *name_out = items != NULL ? g_strdup (data->name) : NULL;
    }

  return items;
}

/* GET /{ws} */

void
salvage_client_get_workspace_async (SalvageClient       *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_WORKSPACE, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_get_workspace_finish (SalvageClient  *self,
                                     GAsyncResult   *result,
                                     char          **name_out,
                                     GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_WORKSPACE, name_out, error);
}

/* GET /{ws}/{project} */

void
salvage_client_get_project_async (SalvageClient       *self,
                                  const char          *project_slug,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_PROJECT, project_slug, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_get_project_finish (SalvageClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_PROJECT, NULL, error);
}

/* GET /{ws}/{project}/{N}/v2/trainings */

void
salvage_client_list_trainings_async (SalvageClient       *self,
                                     const char          *project_slug,
                                     const char          *version_number,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (project_slug != NULL);
  g_return_if_fail (version_number != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_TRAININGS, project_slug, version_number,
              cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_trainings_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_TRAININGS, NULL, error);
}

/* GET /{ws}/workflows */

void
salvage_client_list_workflows_async (SalvageClient       *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_WORKFLOWS, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_workflows_finish (SalvageClient  *self,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_WORKFLOWS, NULL, error);
}

/* GET /{ws}/trash */

void
salvage_client_list_trash_async (SalvageClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_TRASH, NULL, NULL, cancellable, callback, user_data);
}

GPtrArray *
salvage_client_list_trash_finish (SalvageClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  return list_finish (self, result, LIST_TRASH, NULL, error);
}

void
salvage_client_list_trash_listing_async (SalvageClient       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (SALVAGE_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  list_start (self, LIST_TRASH_LISTING, NULL, NULL, cancellable, callback, user_data);
}

SalvageTrashListing *
salvage_client_list_trash_listing_finish (SalvageClient  *self,
                                          GAsyncResult   *result,
                                          GError        **error)
{
  g_autoptr(GPtrArray) result_array = NULL;

  g_return_val_if_fail (SALVAGE_IS_CLIENT (self), NULL);

  result_array = list_finish (self, result, LIST_TRASH_LISTING, NULL, error);
  if (result_array == NULL)
    return NULL;

  return g_ptr_array_steal_index (result_array, 0);
}
