/* salvage-cli-config.h - the login the Roboflow CLI saved, read as the CLI reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SALVAGE_CLI_CONFIG_ERROR (salvage_cli_config_error_quark ())

typedef enum
{
  SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND,   /* no file, and no ROBOFLOW_API_KEY either */
  SALVAGE_CLI_CONFIG_ERROR_INVALID,     /* not JSON, not an object, too large, unreadable */
  SALVAGE_CLI_CONFIG_ERROR_EMPTY,       /* read fine, but not one workspace with a key */
} SalvageCliConfigError;

GQuark salvage_cli_config_error_quark (void);

/* The largest file read; the CLI's own files are a few hundred bytes. */
#define SALVAGE_CLI_CONFIG_MAX_SIZE (1024 * 1024)

/* The most members one object of the file may have. */
#define SALVAGE_CLI_CONFIG_MAX_MEMBERS 10000

#define SALVAGE_TYPE_CLI_CONFIG (salvage_cli_config_get_type ())

G_DECLARE_FINAL_TYPE (SalvageCliConfig, salvage_cli_config, SALVAGE, CLI_CONFIG, GObject)

/* Where the CLI keeps its login: the file named by ROBOFLOW_CONFIG_DIR (a
 * file, despite the name), else $HOME/.config/roboflow/config.json
 * (XDG_CONFIG_HOME is not honoured, as in the CLI). */
char             *salvage_cli_config_dup_path           (void);

/* Parses the contents of a CLI config file. The env_* arguments are the
 * values of ROBOFLOW_API_KEY, RF_WORKSPACE and API_URL, NULL or "" when
 * unset. @data may be NULL when there is no file: then only
 * @env_api_key can give a workspace (else SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND);
 * a non-NULL @data of @length 0 is an empty file. @data need not be
 * NUL-terminated. Messages name the file salvage_cli_config_dup_path()
 * gives; get_path() of the result is NULL.
 *
 * The JSON must be what the CLI's own reader takes (strict RFC 8259; a
 * leading byte order mark is allowed), at most SALVAGE_CLI_CONFIG_MAX_SIZE
 * bytes, nested at most 64 deep, with at most SALVAGE_CLI_CONFIG_MAX_MEMBERS
 * members per object.
 * A file that fails this, or is not an object, is
 * SALVAGE_CLI_CONFIG_ERROR_INVALID, or only a problem with @env_api_key.
 *
 * Workspaces are the entries of the "workspaces" map, indexed by their
 * "url" (never the map key), first seen kept. An entry without a usable
 * "url" is skipped with a problem noted; one without "apiKey" is kept
 * without a key (unless @env_api_key, which overrides every key).
 * With @env_api_key and no entries there is one workspace whose url is
 * the default workspace (maybe NULL: the server tells it on validation);
 * with @env_api_key, a default workspace the map lacks is added with
 * that key, as the CLI would use it. Not one workspace with a key is
 * SALVAGE_CLI_CONFIG_ERROR_EMPTY. */
SalvageCliConfig *salvage_cli_config_parse              (const char    *data,
                                                         gsize          length,
                                                         const char    *env_api_key,
                                                         const char    *env_workspace,
                                                         const char    *env_api_url,
                                                         GError       **error);

/* Reads salvage_cli_config_dup_path() with the real environment, in a
 * thread; the environment is read before the thread starts. The file is
 * only read, and anything but a regular file is refused without waiting
 * on it. */
void              salvage_cli_config_load_async         (GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
SalvageCliConfig *salvage_cli_config_load_finish        (GAsyncResult         *result,
                                                         GError              **error);
SalvageCliConfig *salvage_cli_config_load               (GCancellable         *cancellable,
                                                         GError              **error);

/* The file read, or NULL when there was none. */
const char       *salvage_cli_config_get_path           (SalvageCliConfig *self);

/* The API server: env API_URL, then the file's top-level "API_URL", then
 * the default https://api.roboflow.com. Never NULL. */
const char       *salvage_cli_config_get_api_url        (SalvageCliConfig *self);

/* RF_WORKSPACE from the environment, then the file; NULL when unset. It
 * may name no workspace of the file (see get_problems). */
const char       *salvage_cli_config_get_default_workspace (SalvageCliConfig *self);

/* Whether ROBOFLOW_API_KEY supplied the keys. */
gboolean          salvage_cli_config_get_key_from_env   (SalvageCliConfig *self);

guint             salvage_cli_config_get_n_workspaces   (SalvageCliConfig *self);
/* Slug; NULL only for the workspace of a bare ROBOFLOW_API_KEY. */
const char       *salvage_cli_config_get_workspace_url  (SalvageCliConfig *self,
                                                         guint             index);
/* Display name; falls back to the url, or NULL for a bare key. */
const char       *salvage_cli_config_get_workspace_name (SalvageCliConfig *self,
                                                         guint             index);
/* NULL when the entry has no key. */
const char       *salvage_cli_config_get_api_key        (SalvageCliConfig *self,
                                                         guint             index);
/* The index of the default workspace, or -1. The workspace of a bare
 * ROBOFLOW_API_KEY is the default. */
int               salvage_cli_config_get_default_index  (SalvageCliConfig *self);

/* Plain, translated sentences about what was skipped or could not be
 * used (an entry without url, RF_WORKSPACE naming no entry, …). Never
 * NULL; never contains a key. */
const char * const *salvage_cli_config_get_problems     (SalvageCliConfig *self);

G_END_DECLS
