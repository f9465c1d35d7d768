/* salvage-cli-config-private.h - what the files of SalvageCliConfig share
 *
 * salvage-cli-config.c is the object, salvage-cli-config-file.c finds and
 * reads the CLI's file, and salvage-cli-config-parse.c makes an object of
 * its contents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "salvage-cli-config.h"

G_BEGIN_DECLS

typedef struct
{
  char *url;
  char *name;
  char *api_key;
} SalvageCliWorkspace;

struct _SalvageCliConfig
{
  GObject    parent_instance;

  char      *path;
  char      *api_url;
  char      *default_workspace;
  GArray    *workspaces;      /* (element-type SalvageCliWorkspace) */
  char     **problems;
  int        default_index;
  guint      key_from_env : 1;
};

/* The environment as the CLI sees it, taken once: a worker thread must
 * not read variables that the main thread may be setting. Each is NULL
 * when unset or empty. */
typedef struct
{
  char *path;
  char *api_key;
  char *workspace;
  char *api_url;
} SalvageCliEnvironment;

/* salvage-cli-config.c */

void  salvage_cli_workspace_clear            (SalvageCliWorkspace         *workspace);

/* salvage-cli-config-file.c */

void  salvage_cli_environment_clear          (SalvageCliEnvironment       *env);
/* @path as messages name it: "~/.config/roboflow/config.json" rather than
 * the full path. */
char *salvage_cli_config_display_path        (const char                  *path);
/* Says that the file, named @display, is over SALVAGE_CLI_CONFIG_MAX_SIZE. */
char *salvage_cli_config_too_large_message   (const char                  *display);

/* salvage-cli-config-parse.c */

/* Makes a configuration of @data, the contents of @path (NULL when there
 * is no file). @failure, when set, says why the file could not be read:
 * without ROBOFLOW_API_KEY that is an error, with it only a problem, since
 * the key from the environment still makes a login. */
SalvageCliConfig *
salvage_cli_config_read (const SalvageCliEnvironment  *env,
                         const char                   *path,
                         const char                   *data,
                         gsize                         length,
                         const char                   *failure,
                         GError                      **error);

G_END_DECLS
