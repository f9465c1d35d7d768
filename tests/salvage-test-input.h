/* salvage-test-input.h - pressing keys and buttons in a GUI test as the X server's own input
 *
 * The X Test extension makes the X server send GTK the same events a
 * mouse and keyboard would, so a test goes through GTK's gestures and key
 * bindings rather than around them. Its library is loaded when needed:
 * where it or the extension is missing, the tests that need it are
 * skipped. The windows must be on the X11 backend.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <dlfcn.h>

#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

#include "salvage-test-wait.h"

typedef struct
{
  Display *display;
  int    (*fake_button) (Display *display, unsigned int button, Bool is_press, unsigned long delay);
  int    (*fake_key)    (Display *display, unsigned int keycode, Bool is_press, unsigned long delay);
  int    (*fake_motion) (Display *display, int screen, int x, int y, unsigned long delay);
} TestInput;

/* Loads the X Test library for the display of @widget; FALSE (with the
 * test skipped) where it cannot be used. */
static inline gboolean
test_input_init (TestInput *input,
                 GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  gpointer library;

  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("Pressing keys and buttons needs the X11 backend");
      return FALSE;
    }

  library = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL)
    {
      g_test_skip ("libXtst.so.6 (Debian package libxtst6) is not installed");
      return FALSE;
    }

  /* GTK 4.18 marks its X11 calls deprecated, with nothing in their place:
   * the X11 backend itself is on its way out. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  input->display = gdk_x11_display_get_xdisplay (display);
  G_GNUC_END_IGNORE_DEPRECATIONS
  input->fake_button = dlsym (library, "XTestFakeButtonEvent");
  input->fake_key = dlsym (library, "XTestFakeKeyEvent");
  input->fake_motion = dlsym (library, "XTestFakeMotionEvent");
  if (input->fake_button == NULL || input->fake_key == NULL || input->fake_motion == NULL)
    {
      g_test_skip ("libXtst.so.6 lacks the functions of the X Test extension");
      return FALSE;
    }

  return TRUE;
}

/* Lets GTK take in what the X server sent, for a little while. */
static inline void
test_input_settle (void)
{
  gint64 end = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* Moves the pointer to the middle of @widget, on screen. */
static inline void
test_input_point_at (TestInput *input,
                     GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double dx, dy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                                 gtk_widget_get_height (widget) / 2.f),
                                           &point));
  /* The surface also holds the window's shadow, around the widgets. */
  gtk_native_get_surface_transform (native, &dx, &dy);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  XTranslateCoordinates (input->display, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (input->display),
                         (int) (point.x + dx), (int) (point.y + dy),
                         &root_x, &root_y, &child);
  G_GNUC_END_IGNORE_DEPRECATIONS

  input->fake_motion (input->display, -1, root_x, root_y, 0);
  XFlush (input->display);
  test_input_settle ();
}

static inline void
test_input_key (TestInput *input,
                guint      keysym,
                gboolean   press)
{
  input->fake_key (input->display, XKeysymToKeycode (input->display, keysym), press, 0);
  XFlush (input->display);
}

/* Clicks @button (1 is the primary button) on the middle of @widget, with
 * the keys of @modifiers (GDK_CONTROL_MASK, GDK_SHIFT_MASK) held. */
static inline void
test_input_click (TestInput       *input,
                  GtkWidget       *widget,
                  guint            button,
                  GdkModifierType  modifiers)
{
  test_input_point_at (input, widget);

  if (modifiers & GDK_CONTROL_MASK)
    test_input_key (input, XK_Control_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    test_input_key (input, XK_Shift_L, TRUE);

  input->fake_button (input->display, button, True, 0);
  input->fake_button (input->display, button, False, 0);
  XFlush (input->display);
  test_input_settle ();

  if (modifiers & GDK_SHIFT_MASK)
    test_input_key (input, XK_Shift_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    test_input_key (input, XK_Control_L, FALSE);
  test_input_settle ();
}

/* Presses and releases the key of @keysym, with @modifiers held. */
static inline void
test_input_press (TestInput       *input,
                  guint            keysym,
                  GdkModifierType  modifiers)
{
  if (modifiers & GDK_CONTROL_MASK)
    test_input_key (input, XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    test_input_key (input, XK_Alt_L, TRUE);
  if (modifiers & GDK_SHIFT_MASK)
    test_input_key (input, XK_Shift_L, TRUE);

  test_input_key (input, keysym, TRUE);
  test_input_key (input, keysym, FALSE);

  if (modifiers & GDK_SHIFT_MASK)
    test_input_key (input, XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    test_input_key (input, XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    test_input_key (input, XK_Control_L, FALSE);
  test_input_settle ();
}

/* Types @text, of lower-case letters, digits and spaces, a key at a time
 * as a person does: the first key may move the focus. */
static inline void
test_input_type (TestInput  *input,
                 const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      guint keysym = *p == ' ' ? XK_space : (guint) (guchar) *p;

      test_input_key (input, keysym, TRUE);
      test_input_key (input, keysym, FALSE);
      test_input_settle ();
    }
}

/* Turns the wheel @clicks notches down (negative: up) over @widget. */
static inline void
test_input_wheel (TestInput *input,
                  GtkWidget *widget,
                  int        clicks)
{
  guint button = clicks > 0 ? 5 : 4;

  test_input_point_at (input, widget);
  for (int i = 0; i < ABS (clicks); i++)
    {
      input->fake_button (input->display, button, True, 0);
      input->fake_button (input->display, button, False, 0);
    }
  XFlush (input->display);
  test_input_settle ();
}
