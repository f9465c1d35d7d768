/* bench-start-window.c - the least a libadwaita window takes to start, for bench-start
 *
 * An AdwApplication with one AdwApplicationWindow holding one label: when
 * the window's first frame has been painted, it prints
 *
 *   first frame painted at TIME µs (RENDERER)
 *
 * with TIME from g_get_monotonic_time() (CLOCK_MONOTONIC, which the
 * process that started it shares), and quits. bench-start compares the
 * time from exec to that line with the same for Salvage's demo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include <adwaita.h>

/* Salvage's default size (salvage-window.ui): the first frame of each
 * window fills as many pixels. */
#define WINDOW_WIDTH  1100
#define WINDOW_HEIGHT 760

static gulong after_paint_handler;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  gint64 painted_at = g_get_monotonic_time ();
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_clear_signal_handler (&after_paint_handler, clock);

  printf ("first frame painted at %" G_GINT64_FORMAT " µs (%s)\n",
          painted_at, renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "no renderer");
  fflush (stdout);

  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

/* Connected after the window's own handler: its surface, and so its frame
 * clock, exist by then. */
static void
realize_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));

  after_paint_handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));

  gtk_window_set_title (GTK_WINDOW (window), "Start");
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Started"));
  g_signal_connect_after (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  /* An application ID, as Salvage has: both register on the session bus
   * before their window opens. */
  application = adw_application_new ("io.github.salvage.Salvage.BenchStart",
                                     G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
