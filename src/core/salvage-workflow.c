/* salvage-workflow.c - a workflow of a workspace (GET /{ws}/workflows)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-workflow.h"

struct _SalvageWorkflow
{
  GObject    parent_instance;

  char      *id;
  char      *url;
  char      *name;
  char      *status;
  GDateTime *created;
  GDateTime *updated;
};

G_DEFINE_FINAL_TYPE (SalvageWorkflow, salvage_workflow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_URL,
  PROP_NAME,
  PROP_STATUS,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
salvage_workflow_constructed (GObject *object)
{
  SalvageWorkflow *self = (SalvageWorkflow *)object;

  G_OBJECT_CLASS (salvage_workflow_parent_class)->constructed (object);

  if (self->name == NULL || self->name[0] == '\0')
    {
      g_free (self->name);
      self->name = g_strdup (self->url);
    }
}

static void
salvage_workflow_finalize (GObject *object)
{
  SalvageWorkflow *self = (SalvageWorkflow *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (salvage_workflow_parent_class)->finalize (object);
}

static void
salvage_workflow_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalvageWorkflow *self = SALVAGE_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    case PROP_UPDATED:
      g_value_set_boxed (value, self->updated);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workflow_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalvageWorkflow *self = SALVAGE_WORKFLOW (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_CREATED:
      self->created = g_value_dup_boxed (value);
      break;

    case PROP_UPDATED:
      self->updated = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workflow_class_init (SalvageWorkflowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = salvage_workflow_constructed;
  object_class->finalize = salvage_workflow_finalize;
  object_class->get_property = salvage_workflow_get_property;
  object_class->set_property = salvage_workflow_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED] =
    g_param_spec_boxed ("updated", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_workflow_init (SalvageWorkflow *self)
{
}

const char *
salvage_workflow_get_id (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->id;
}

const char *
salvage_workflow_get_url (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->url;
}

const char *
salvage_workflow_get_name (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->name;
}

const char *
salvage_workflow_get_status (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->status;
}

/**
 * salvage_workflow_get_created:
 *
 * Returns: (transfer none) (nullable): when the workflow was created
 */
GDateTime *
salvage_workflow_get_created (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->created;
}

/**
 * salvage_workflow_get_updated:
 *
 * Returns: (transfer none) (nullable): when the workflow was last changed
 */
GDateTime *
salvage_workflow_get_updated (SalvageWorkflow *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKFLOW (self), NULL);

  return self->updated;
}
