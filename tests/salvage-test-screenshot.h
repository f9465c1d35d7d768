/* salvage-test-screenshot.h - keeping what a GUI test's window shows, for a person to look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "salvage-test-wait.h"

/* With SALVAGE_TEST_SCREENSHOTS set to a folder, saves @window there as
 * @name.png, as drawn: what a person sees at that step. */
static inline void
salvage_test_save_screenshot (GtkWidget  *window,
                              const char *name)
{
  const char *folder = g_getenv ("SALVAGE_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width;
  int height;

  if (folder == NULL || *folder == '\0')
    return;

  /* A few frames, for the rows to be laid out and drawn. */
  {
    gint64 end = g_get_monotonic_time () + 500 * G_TIME_SPAN_MILLISECOND;

    WAIT_FOR (g_get_monotonic_time () > end);
  }

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (folder, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Saved %s", path);
}
