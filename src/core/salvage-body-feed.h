/* salvage-body-feed.h - a body shared, as it arrives, with a thread that reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SalvageBodyFeed: the body of one answer, written by the transport on
 * the main thread as it arrives and read at the same time by one other
 * thread. Its room is taken once, for the largest body the transport
 * accepts, so that bytes never move once written: the reader keeps
 * pointers into them. Pages of the room that are never written take no
 * memory. Reference counted; every call is safe from any thread. */
typedef struct _SalvageBodyFeed SalvageBodyFeed;

SalvageBodyFeed *salvage_body_feed_new    (gsize             capacity);
SalvageBodyFeed *salvage_body_feed_ref    (SalvageBodyFeed  *self);
void             salvage_body_feed_unref  (SalvageBodyFeed  *self);

/* How long the body is said to be, or 0: a guess, for sizing what is
 * made from it. Set by the writer before its first commit. */
void             salvage_body_feed_set_expected (SalvageBodyFeed *self,
                                                 gsize            expected);
gsize            salvage_body_feed_get_expected (SalvageBodyFeed *self);

/* The writer. It writes at salvage_body_feed_get_room() (@room bytes are
 * left there), then says how many bytes it wrote. It ends with either
 * _finish() (the body is all there) or _fail(), once. */
guint8          *salvage_body_feed_get_room (SalvageBodyFeed  *self,
                                             gsize            *room);
void             salvage_body_feed_commit   (SalvageBodyFeed  *self,
                                             gsize             written);
void             salvage_body_feed_finish   (SalvageBodyFeed  *self);
void             salvage_body_feed_fail     (SalvageBodyFeed  *self,
                                             const GError     *error);

/* The reader: waits until at least @wanted bytes have arrived, or until
 * the body ended or failed. Returns FALSE with the writer's error when
 * it failed; otherwise TRUE, with the body so far in @data and @len, and
 * @complete set when that is all of it. */
gboolean         salvage_body_feed_wait     (SalvageBodyFeed  *self,
                                             gsize             wanted,
                                             const char      **data,
                                             gsize            *len,
                                             gboolean         *complete,
                                             GError          **error);

/* For the tests: each wait shows the reader at most @step bytes more than
 * the one before, whatever it asked for and whatever has arrived, so that
 * a body is read cut at every @step bytes. 0, the default, shows all. */
void             salvage_body_feed_set_step  (SalvageBodyFeed *self,
                                              gsize            step);

/* Whether the feed failed, with its error in @error: the writer's, or
 * its own when it could not take its room (SALVAGE_ERROR_BAD_RESPONSE:
 * an answer too large for this system), in which case
 * salvage_body_feed_get_room() gives no room. */
gboolean         salvage_body_feed_get_error (SalvageBodyFeed  *self,
                                              GError          **error);

/* The whole body, once salvage_body_feed_wait() said it was complete. */
GBytes          *salvage_body_feed_get_bytes (SalvageBodyFeed *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalvageBodyFeed, salvage_body_feed_unref)

G_END_DECLS
