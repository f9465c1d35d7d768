/* main.c - the entry point of Salvage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "salvage-application.h"

/* Where the translations are. Run from the Meson build tree (as
 * build-aux/dev demo and the screenshots run it), the catalogs are the
 * ones compiled there, in po/LL/LC_MESSAGES/ beside src/; the installed
 * program, wherever it is, uses LOCALEDIR. */
static char *
dup_locale_dir (void)
{
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *program_dir = NULL;
  g_autofree char *build_root = NULL;
  g_autofree char *build_file = NULL;
  g_autofree char *po_dir = NULL;

  if (program == NULL)
    return g_strdup (LOCALEDIR);

  program_dir = g_path_get_dirname (program);
  build_root = g_path_get_dirname (program_dir);
  build_file = g_build_filename (build_root, "build.ninja", NULL);
  po_dir = g_build_filename (build_root, "po", NULL);

  if (g_file_test (build_file, G_FILE_TEST_IS_REGULAR) &&
      g_file_test (po_dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&po_dir);

  return g_strdup (LOCALEDIR);
}

/* An instance started with --background checks and notifies, and opens a
 * window only if asked to later: it goes without OpenGL and Vulkan, whose
 * drivers alone take tens of MB (GTK's X11 backend loads them when it
 * opens the display), and draws a window it opens later with cairo. Set
 * before GTK reads it. */
static void
prepare_background (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    {
      if (g_str_equal (argv[i], "--background"))
        {
          const char *disabled = g_getenv ("GDK_DISABLE");
          g_autofree char *value = NULL;

          if (disabled != NULL && *disabled != '\0')
            value = g_strconcat (disabled, ",gl,vulkan", NULL);
          else
            value = g_strdup ("gl,vulkan");
          g_setenv ("GDK_DISABLE", value, TRUE);
          return;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SalvageApplication) app = NULL;
  g_autofree char *locale_dir = dup_locale_dir ();

  /* GTK sets the locale when it starts, which is after the command line
   * has been read: --help is in the user's language too. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  prepare_background (argc, argv);
  app = salvage_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
