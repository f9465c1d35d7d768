/* salvage-test-wait.h - waiting in a GUI test for something the main loop brings about
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

/* Long enough for a slow machine: a test that waits this long has failed;
 * it is no measure of speed. A test may define its own before including. */
#ifndef WAIT_LIMIT
#define WAIT_LIMIT (15 * G_TIME_SPAN_SECOND)
#endif

/* Runs the main loop until @cond holds, and fails the test when it does
 * not within WAIT_LIMIT. */
#define WAIT_FOR(cond)                                                   \
  G_STMT_START {                                                         \
    gint64 wait_end_ = g_get_monotonic_time () + WAIT_LIMIT;             \
    while (!(cond))                                                      \
      {                                                                  \
        if (g_get_monotonic_time () > wait_end_)                         \
          g_error ("Timed out waiting for: %s", #cond);                  \
        if (!g_main_context_iteration (NULL, FALSE))                     \
          g_usleep (1000);                                               \
      }                                                                  \
  } G_STMT_END

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult * that
 * @user_data points to, for a test to wait for (WAIT_FOR) and finish. */
static inline void
salvage_test_keep_result_cb (GObject      *source_object,
                             GAsyncResult *result,
                             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}
