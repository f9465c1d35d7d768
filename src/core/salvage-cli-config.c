/* salvage-cli-config.c - the login the Roboflow CLI saved, read as the CLI reads it
 *
 * The CLI keeps one JSON file: {"workspaces": {<any key>: {"url", "name",
 * "apiKey"}}, "RF_WORKSPACE": <slug>, and optional overrides such as
 * "API_URL"}. Its environment variables beat the file. The file is the
 * user's, but it is still untrusted input: it may be hand-edited, cut
 * short or not JSON at all, so every node's type is checked, and no
 * message ever repeats a key from it.
 *
 * This file holds the object and what it tells; finding and reading the
 * file is in salvage-cli-config-file.c, making sense of its contents in
 * salvage-cli-config-parse.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-cli-config-private.h"

G_DEFINE_FINAL_TYPE (SalvageCliConfig, salvage_cli_config, G_TYPE_OBJECT)

G_DEFINE_QUARK (salvage-cli-config-error-quark, salvage_cli_config_error)

void
salvage_cli_workspace_clear (SalvageCliWorkspace *workspace)
{
  g_clear_pointer (&workspace->url, g_free);
  g_clear_pointer (&workspace->name, g_free);
  g_clear_pointer (&workspace->api_key, g_free);
}

static void
salvage_cli_config_finalize (GObject *object)
{
  SalvageCliConfig *self = (SalvageCliConfig *)object;

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->api_url, g_free);
  g_clear_pointer (&self->default_workspace, g_free);
  g_clear_pointer (&self->workspaces, g_array_unref);
  g_clear_pointer (&self->problems, g_strfreev);

  G_OBJECT_CLASS (salvage_cli_config_parent_class)->finalize (object);
}

static void
salvage_cli_config_class_init (SalvageCliConfigClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = salvage_cli_config_finalize;
}

static void
salvage_cli_config_init (SalvageCliConfig *self)
{
  self->workspaces = g_array_new (FALSE, TRUE, sizeof (SalvageCliWorkspace));
  g_array_set_clear_func (self->workspaces, (GDestroyNotify) salvage_cli_workspace_clear);
  self->default_index = -1;
}

/*
 * Public API
 */

const char *
salvage_cli_config_get_path (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);

  return self->path;
}

const char *
salvage_cli_config_get_api_url (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);

  return self->api_url;
}

const char *
salvage_cli_config_get_default_workspace (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);

  return self->default_workspace;
}

gboolean
salvage_cli_config_get_key_from_env (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), FALSE);

  return self->key_from_env;
}

guint
salvage_cli_config_get_n_workspaces (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), 0);

  return self->workspaces->len;
}

const char *
salvage_cli_config_get_workspace_url (SalvageCliConfig *self,
                                      guint             index)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);
  g_return_val_if_fail (index < self->workspaces->len, NULL);

  return g_array_index (self->workspaces, SalvageCliWorkspace, index).url;
}

const char *
salvage_cli_config_get_workspace_name (SalvageCliConfig *self,
                                       guint             index)
{
  const SalvageCliWorkspace *workspace;

  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);
  g_return_val_if_fail (index < self->workspaces->len, NULL);

  workspace = &g_array_index (self->workspaces, SalvageCliWorkspace, index);

  return workspace->name != NULL ? workspace->name : workspace->url;
}

const char *
salvage_cli_config_get_api_key (SalvageCliConfig *self,
                                guint             index)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);
  g_return_val_if_fail (index < self->workspaces->len, NULL);

  return g_array_index (self->workspaces, SalvageCliWorkspace, index).api_key;
}

int
salvage_cli_config_get_default_index (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), -1);

  return self->default_index;
}

const char * const *
salvage_cli_config_get_problems (SalvageCliConfig *self)
{
  g_return_val_if_fail (SALVAGE_IS_CLI_CONFIG (self), NULL);

  return (const char * const *) self->problems;
}
