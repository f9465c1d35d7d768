/* salvage-body-feed.c - a body shared, as it arrives, with a thread that reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-body-feed.h"
#include "salvage-error.h"

struct _SalvageBodyFeed
{
  GMutex    lock;
  GCond     arrived;
  guint8   *data;
  gsize     capacity;
  gsize     expected;   /* under @lock */
  gsize     step;       /* under @lock */
  gsize     shown;      /* under @lock: what the reader was told had arrived */
  gsize     len;        /* under @lock */
  gboolean  complete;   /* under @lock */
  GError   *error;      /* under @lock */
  GBytes   *bytes;      /* made once complete: holds @data */
};

SalvageBodyFeed *
salvage_body_feed_new (gsize capacity)
{
  SalvageBodyFeed *self = g_atomic_rc_box_new0 (SalvageBodyFeed);

  g_mutex_init (&self->lock);
  g_cond_init (&self->arrived);
  self->capacity = capacity;
  /* Taken untouched: only the pages written to become memory. Where the
   * system will not even lend the address space (strict overcommit, a
   * small address-space limit), the feed fails at once rather than the
   * program aborting: its writer finds no room, its reader the error. */
  self->data = g_try_malloc (MAX (capacity, 1));
  if (self->data == NULL)
    {
      self->capacity = 0;
      self->error = g_error_new_literal (SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE,
                                         _("There is not enough memory to read the server’s answer"));
    }

  return self;
}

static void
body_feed_clear (SalvageBodyFeed *self)
{
  if (self->bytes != NULL)
    g_bytes_unref (self->bytes);
  else
    g_free (self->data);
  g_clear_error (&self->error);
  g_cond_clear (&self->arrived);
  g_mutex_clear (&self->lock);
}

SalvageBodyFeed *
salvage_body_feed_ref (SalvageBodyFeed *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
salvage_body_feed_unref (SalvageBodyFeed *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) body_feed_clear);
}

void
salvage_body_feed_set_expected (SalvageBodyFeed *self,
                                gsize            expected)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->expected = expected;
  g_mutex_unlock (&self->lock);
}

gsize
salvage_body_feed_get_expected (SalvageBodyFeed *self)
{
  gsize expected;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  expected = self->expected;
  g_mutex_unlock (&self->lock);

  return expected;
}

guint8 *
salvage_body_feed_get_room (SalvageBodyFeed *self,
                            gsize           *room)
{
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);

  /* Only the writer changes @len: reading it needs the lock only for
   * the reader's sake. */
  g_mutex_lock (&self->lock);
  len = self->len;
  g_mutex_unlock (&self->lock);

  *room = self->capacity - len;
  return self->data + len;
}

void
salvage_body_feed_commit (SalvageBodyFeed *self,
                          gsize            written)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  g_warn_if_fail (!self->complete && self->error == NULL);
  g_warn_if_fail (written <= self->capacity - self->len);
  self->len += MIN (written, self->capacity - self->len);
  g_cond_broadcast (&self->arrived);
  g_mutex_unlock (&self->lock);
}

void
salvage_body_feed_finish (SalvageBodyFeed *self)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  if (self->error == NULL && !self->complete)
    {
      self->complete = TRUE;
      self->bytes = g_bytes_new_take (self->data, self->len);
    }
  g_cond_broadcast (&self->arrived);
  g_mutex_unlock (&self->lock);
}

void
salvage_body_feed_fail (SalvageBodyFeed *self,
                        const GError    *error)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (error != NULL);

  g_mutex_lock (&self->lock);
  if (self->error == NULL && !self->complete)
    self->error = g_error_copy (error);
  g_cond_broadcast (&self->arrived);
  g_mutex_unlock (&self->lock);
}

gboolean
salvage_body_feed_wait (SalvageBodyFeed  *self,
                        gsize             wanted,
                        const char      **data,
                        gsize            *len,
                        gboolean         *complete,
                        GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  if (self->step > 0)
    wanted = MIN (wanted, self->shown + self->step);
  while (self->len < wanted && !self->complete && self->error == NULL)
    g_cond_wait (&self->arrived, &self->lock);

  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (self->error));

  self->shown = self->step > 0 ? MIN (self->len, self->shown + self->step) : self->len;
  *data = (const char *) self->data;
  *len = self->shown;
  *complete = self->complete && self->shown == self->len;
  g_mutex_unlock (&self->lock);

  return ok;
}

void
salvage_body_feed_set_step (SalvageBodyFeed *self,
                            gsize            step)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->step = step;
  g_mutex_unlock (&self->lock);
}

gboolean
salvage_body_feed_get_error (SalvageBodyFeed  *self,
                             GError          **error)
{
  gboolean failed;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  failed = self->error != NULL;
  if (failed)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->lock);

  return failed;
}

GBytes *
salvage_body_feed_get_bytes (SalvageBodyFeed *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  bytes = self->bytes != NULL ? g_bytes_ref (self->bytes) : NULL;
  g_mutex_unlock (&self->lock);

  g_return_val_if_fail (bytes != NULL, NULL);
  return bytes;
}
