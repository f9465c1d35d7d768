/* salvage-trash-page-reveal.c - the Trash page's rows given to its view a few at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-trash-page-private.h"

/* Showing many rows at once
 *
 * A column view builds the rows of all new items it shows as soon as they
 * arrive, in one go: GTK keeps rows for the 200 or so items around the
 * ones in view, however few fit the window. With a few widgets per cell,
 * that holds the window for longer than many frames. So when a Trash
 * arrives in an empty view, the view is given no rows while the models
 * take it in, its first rows in the next main-loop iteration, before the
 * frame that shows them, and as many more on each frame after that as fit
 * in a few milliseconds, until it covers
 * the whole list.
 */

/* The rows of the first frame (SALVAGE_TRASH_PAGE_REVEAL_FIRST, as many
 * as the window shows at its usual size) cost about half a millisecond
 * each to build, which the first frame waits for, and most of a
 * millisecond more where the accessibility bus is up (as on any desktop:
 * each widget is published on it). They are built a few at a time, each
 * batch in a main-loop iteration of its own, so that input is not held up
 * for the whole of them; all of them before that frame. */
#define REVEAL_FIRST SALVAGE_TRASH_PAGE_REVEAL_FIRST
#define REVEAL_FIRST_BATCH 4
/* After that, rows are added a few at a time on each frame for as long
 * as the time below lasts: building a row takes from a fraction of a
 * millisecond to more than one, depending on the machine. */
#define REVEAL_STEP   2
#define REVEAL_BUDGET_USEC 4000
/* From there on the view builds no rows for further items (it keeps rows
 * for about 200 around what it shows): the rest are given at once. */
#define REVEAL_ALL_AT 256
/* The first rows come after what made the models change, and before the
 * next frame is drawn (GDK_PRIORITY_REDRAW). */
#define REVEAL_FIRST_PRIORITY (G_PRIORITY_HIGH_IDLE + 10)

void
_salvage_trash_page_reveal_stop (SalvageTrashPage *self)
{
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }

  g_clear_handle_id (&self->reveal_idle_id, g_source_remove);
}

void
_salvage_trash_page_reveal_all (SalvageTrashPage *self)
{
  _salvage_trash_page_reveal_stop (self);
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
}

/* Builds the next rows in a main-loop iteration of their own, between two
 * frames, rather than in the frame that lays them out. */
static gboolean
reveal_idle_cb (gpointer user_data)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (user_data);
  guint size = gtk_slice_list_model_get_size (self->shown);
  gint64 start = g_get_monotonic_time ();

  self->reveal_idle_id = 0;

  if (size < REVEAL_FIRST && size < g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      size = MIN (size + REVEAL_FIRST_BATCH, REVEAL_FIRST);
      gtk_slice_list_model_set_size (self->shown, size);
      if (size < REVEAL_FIRST)
        self->reveal_idle_id = g_idle_add_full (REVEAL_FIRST_PRIORITY, reveal_idle_cb, self, NULL);
      return G_SOURCE_REMOVE;
    }

  do
    {
      if (size >= REVEAL_ALL_AT ||
          size >= g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
        {
          _salvage_trash_page_reveal_all (self);
          break;
        }

      size += REVEAL_STEP;
      gtk_slice_list_model_set_size (self->shown, size);
    }
  while (g_get_monotonic_time () - start < REVEAL_BUDGET_USEC);

  return G_SOURCE_REMOVE;
}

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SalvageTrashPage *self = SALVAGE_TRASH_PAGE (widget);

  /* One step a frame: the frame after it lays out the new rows. */
  if (self->reveal_idle_id == 0)
    self->reveal_idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_idle_cb, self, NULL);

  return G_SOURCE_CONTINUE;
}

/* Lets the view show the first rows of what comes next soon after, and
 * the others over the following frames. */
void
_salvage_trash_page_reveal_gradually (SalvageTrashPage *self)
{
  gtk_slice_list_model_set_size (self->shown, 0);

  g_clear_handle_id (&self->reveal_idle_id, g_source_remove);
  self->reveal_idle_id = g_idle_add_full (REVEAL_FIRST_PRIORITY, reveal_idle_cb, self, NULL);

  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb,
                                                         NULL, NULL);
}
