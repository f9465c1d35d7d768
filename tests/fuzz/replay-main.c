/* replay-main.c - runs a fuzz target over its corpus without libFuzzer
 *
 * With gcc or a build without the fuzzing option, every file of the corpus
 * folders given on the command line is fed once to LLVMFuzzerTestOneInput, so
 * the corpus, crash inputs included, is replayed by the normal test suite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint n_inputs;

static void
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          replay_path (child);
        }
    }
  else
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
      n_inputs++;
    }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] == '-')
        continue;  /* libFuzzer flags such as -runs=0 */
      replay_path (argv[i]);
    }

  if (n_inputs == 0)
    {
      g_printerr ("no corpus inputs found\n");
      return 1;
    }

  g_print ("1..1\nok 1 - replayed %u inputs\n", n_inputs);
  return 0;
}
