/* salvage-cli-config-file.c - where the Roboflow CLI keeps its login, and reading it safely
 *
 * The file is found as the CLI finds it, from the environment, and read
 * in a worker thread. It is only read, never waited on: anything but a
 * regular file is refused, and no more than SALVAGE_CLI_CONFIG_MAX_SIZE
 * bytes are taken from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "salvage-cli-config-private.h"

/*
 * The environment
 */

void
salvage_cli_environment_clear (SalvageCliEnvironment *env)
{
  g_clear_pointer (&env->path, g_free);
  g_clear_pointer (&env->api_key, g_free);
  g_clear_pointer (&env->workspace, g_free);
  g_clear_pointer (&env->api_url, g_free);
}

static void
environment_free (SalvageCliEnvironment *env)
{
  salvage_cli_environment_clear (env);
  g_free (env);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SalvageCliEnvironment, environment_free)

/* An empty variable counts as unset. */
static char *
dup_variable (const char *name)
{
  const char *value = g_getenv (name);

  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

static SalvageCliEnvironment *
environment_new_from_process (void)
{
  SalvageCliEnvironment *env = g_new0 (SalvageCliEnvironment, 1);

  env->path = salvage_cli_config_dup_path ();
  env->api_key = dup_variable ("ROBOFLOW_API_KEY");
  env->workspace = dup_variable ("RF_WORKSPACE");
  env->api_url = dup_variable ("API_URL");

  return env;
}

/*
 * Reading the file
 */

char *
salvage_cli_config_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_len = strlen (home);
  g_autofree char *shown = NULL;

  while (home_len > 1 && home[home_len - 1] == G_DIR_SEPARATOR)
    home_len--;

  if (home_len > 1 &&
      strncmp (path, home, home_len) == 0 &&
      path[home_len] == G_DIR_SEPARATOR)
    shown = g_strconcat ("~", path + home_len, NULL);

  return g_filename_display_name (shown != NULL ? shown : path);
}

char *
salvage_cli_config_too_large_message (const char *display)
{
  g_autofree char *limit = g_format_size (SALVAGE_CLI_CONFIG_MAX_SIZE);

  return g_strdup_printf (_("The Roboflow CLI login file “%s” is too large (over %s)"),
                          display, limit);
}

/* Reads at most SALVAGE_CLI_CONFIG_MAX_SIZE + 1 bytes of @fd into *contents,
 * so that a larger file is known to be too large without reading it all. */
static gboolean
read_bounded (int            fd,
              gsize          size_hint,
              char         **contents,
              gsize         *length,
              GCancellable  *cancellable,
              int           *read_errno,
              GError       **error)
{
  const gsize limit = SALVAGE_CLI_CONFIG_MAX_SIZE + 1;
  gsize capacity = CLAMP (size_hint + 1, 4096, limit);
  g_autofree char *buffer = g_malloc (capacity);
  gsize filled = 0;

  while (filled < limit)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (filled == capacity)
        {
          capacity = MIN (capacity * 2, limit);
          buffer = g_realloc (buffer, capacity);
        }

      n = read (fd, buffer + filled, capacity - filled);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *read_errno = errno;
          return FALSE;
        }
      if (n == 0)
        break;

      filled += (gsize) n;
    }

  *contents = g_steal_pointer (&buffer);
  *length = filled;

  return TRUE;
}

/* Reads the file at env->path into *contents, or sets *failure to why it
 * cannot be used; leaves both NULL when there is no file. Fails only when
 * cancelled. */
static gboolean
read_file (const SalvageCliEnvironment  *env,
           char                        **contents,
           gsize                        *length,
           char                        **failure,
           GCancellable                 *cancellable,
           GError                      **error)
{
  g_autofree char *display = salvage_cli_config_display_path (env->path);
  struct stat info;
  int read_errno = 0;
  gboolean done;
  int fd;

  /* O_NONBLOCK keeps a FIFO in the file's place from hanging the open;
   * it changes nothing for a regular file. */
  fd = g_open (env->path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      read_errno = errno;

      if (read_errno == ENOENT || read_errno == ENOTDIR)
        return TRUE;

      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” could not be read: %s"),
                                  display, g_strerror (read_errno));
      return TRUE;
    }

  if (fstat (fd, &info) != 0)
    {
      read_errno = errno;
      done = TRUE;
    }
  else if (S_ISDIR (info.st_mode))
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is a folder, not a file"),
                                  display);
      done = TRUE;
    }
  else if (!S_ISREG (info.st_mode))
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” is not a regular file"),
                                  display);
      done = TRUE;
    }
  else if (info.st_size > SALVAGE_CLI_CONFIG_MAX_SIZE)
    {
      *failure = salvage_cli_config_too_large_message (display);
      done = TRUE;
    }
  else
    {
      done = read_bounded (fd, (gsize) info.st_size, contents, length, cancellable,
                           &read_errno, error);
      if (done && *length > SALVAGE_CLI_CONFIG_MAX_SIZE)
        {
          g_clear_pointer (contents, g_free);
          *failure = salvage_cli_config_too_large_message (display);
        }
    }

  g_close (fd, NULL);

  if (read_errno != 0)
    {
      *failure = g_strdup_printf (_("The Roboflow CLI login file “%s” could not be read: %s"),
                                  display, g_strerror (read_errno));
      return TRUE;
    }

  return done;
}

static SalvageCliConfig *
load_from (const SalvageCliEnvironment  *env,
           GCancellable                 *cancellable,
           GError                      **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *failure = NULL;
  gsize length = 0;

  if (!read_file (env, &contents, &length, &failure, cancellable, error))
    return NULL;

  /* Without a file, ROBOFLOW_API_KEY alone may still make a login. */
  return salvage_cli_config_read (env, contents != NULL || failure != NULL ? env->path : NULL,
                                  contents, length, failure, error);
}

/*
 * Public API
 */

char *
salvage_cli_config_dup_path (void)
{
  g_autofree char *path = dup_variable ("ROBOFLOW_CONFIG_DIR");

  if (path != NULL)
    return g_steal_pointer (&path);

  return g_build_filename (g_get_home_dir (), ".config", "roboflow", "config.json", NULL);
}

static void
load_thread_cb (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  const SalvageCliEnvironment *env = task_data;
  g_autoptr(GError) error = NULL;
  SalvageCliConfig *self;

  if (g_task_return_error_if_cancelled (task))
    return;

  self = load_from (env, cancellable, &error);
  if (self == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, self, g_object_unref);
}

void
salvage_cli_config_load_async (GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, salvage_cli_config_load_async);
  g_task_set_task_data (task, environment_new_from_process (),
                        (GDestroyNotify) environment_free);
  g_task_run_in_thread (task, load_thread_cb);
}

SalvageCliConfig *
salvage_cli_config_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        salvage_cli_config_load_async, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

SalvageCliConfig *
salvage_cli_config_load (GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(SalvageCliEnvironment) env = NULL;

  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  env = environment_new_from_process ();

  return load_from (env, cancellable, error);
}
