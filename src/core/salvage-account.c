/* salvage-account.c - one workspace the user added: its server and slug
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-account-private.h"

struct _SalvageAccount
{
  GObject   parent_instance;

  char     *server;
  char     *workspace;
  char     *name;
  char     *masked_key;
  gboolean  session_only;
};

G_DEFINE_FINAL_TYPE (SalvageAccount, salvage_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER,
  PROP_WORKSPACE,
  PROP_NAME,
  PROP_MASKED_KEY,
  PROP_SESSION_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
salvage_account_finalize (GObject *object)
{
  SalvageAccount *self = SALVAGE_ACCOUNT (object);

  g_clear_pointer (&self->server, g_free);
  g_clear_pointer (&self->workspace, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->masked_key, g_free);

  G_OBJECT_CLASS (salvage_account_parent_class)->finalize (object);
}

static void
salvage_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalvageAccount *self = SALVAGE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      g_value_set_string (value, self->server);
      break;

    case PROP_WORKSPACE:
      g_value_set_string (value, self->workspace);
      break;

    case PROP_NAME:
      g_value_set_string (value, salvage_account_get_name (self));
      break;

    case PROP_MASKED_KEY:
      g_value_set_string (value, self->masked_key);
      break;

    case PROP_SESSION_ONLY:
      g_value_set_boolean (value, self->session_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_account_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalvageAccount *self = SALVAGE_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_SERVER:
      self->server = g_value_dup_string (value);
      break;

    case PROP_WORKSPACE:
      self->workspace = g_value_dup_string (value);
      break;

    case PROP_NAME:
      salvage_account_set_name (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_account_class_init (SalvageAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = salvage_account_finalize;
  object_class->get_property = salvage_account_get_property;
  object_class->set_property = salvage_account_set_property;

  properties[PROP_SERVER] =
    g_param_spec_string ("server", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSPACE] =
    g_param_spec_string ("workspace", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASKED_KEY] =
    g_param_spec_string ("masked-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION_ONLY] =
    g_param_spec_boolean ("session-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_account_init (SalvageAccount *self)
{
}

SalvageAccount *
salvage_account_new (const char *server,
                     const char *workspace,
                     const char *name)
{
  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (workspace != NULL, NULL);

  return g_object_new (SALVAGE_TYPE_ACCOUNT,
                       "server", server,
                       "workspace", workspace,
                       "name", name,
                       NULL);
}

const char *
salvage_account_get_server (SalvageAccount *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), NULL);

  return self->server;
}

const char *
salvage_account_get_workspace (SalvageAccount *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), NULL);

  return self->workspace;
}

const char *
salvage_account_get_name (SalvageAccount *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), NULL);

  return self->name != NULL ? self->name : self->workspace;
}

void
salvage_account_set_name (SalvageAccount *self,
                          const char     *name)
{
  g_return_if_fail (SALVAGE_IS_ACCOUNT (self));

  if (name != NULL && *name == '\0')
    name = NULL;

  if (g_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
salvage_account_get_masked_key (SalvageAccount *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), NULL);

  return self->masked_key;
}

gboolean
salvage_account_get_session_only (SalvageAccount *self)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), FALSE);

  return self->session_only;
}

gboolean
salvage_account_matches (SalvageAccount *self,
                         const char     *server,
                         const char     *workspace)
{
  g_return_val_if_fail (SALVAGE_IS_ACCOUNT (self), FALSE);

  return g_strcmp0 (self->server, server) == 0 &&
         g_strcmp0 (self->workspace, workspace) == 0;
}

void
salvage_account_set_masked_key (SalvageAccount *self,
                                const char     *masked_key)
{
  g_return_if_fail (SALVAGE_IS_ACCOUNT (self));

  if (g_set_str (&self->masked_key, masked_key))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASKED_KEY]);
}

void
salvage_account_set_session_only (SalvageAccount *self,
                                  gboolean        session_only)
{
  g_return_if_fail (SALVAGE_IS_ACCOUNT (self));

  session_only = !!session_only;
  if (self->session_only == session_only)
    return;

  self->session_only = session_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ONLY]);
}
