/* salvage-project.c - a live project of a workspace (GET /{ws})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-project.h"

struct _SalvageProject
{
  GObject    parent_instance;

  char      *id;
  char      *slug;
  char      *name;
  char      *project_type;
  char      *annotation;
  gint64     images;
  gint64     unannotated;
  gint64     version_count;
  GDateTime *created;
  GDateTime *updated;
  guint      public : 1;
};

G_DEFINE_FINAL_TYPE (SalvageProject, salvage_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SLUG,
  PROP_NAME,
  PROP_PROJECT_TYPE,
  PROP_ANNOTATION,
  PROP_IMAGES,
  PROP_UNANNOTATED,
  PROP_VERSION_COUNT,
  PROP_PUBLIC,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
salvage_project_constructed (GObject *object)
{
  SalvageProject *self = (SalvageProject *)object;

  G_OBJECT_CLASS (salvage_project_parent_class)->constructed (object);

  /* The slug is what every URL is built from, so derive it from the id
   * ("<ws>/<slug>") when the caller did not give one. */
  if ((self->slug == NULL || self->slug[0] == '\0') && self->id != NULL)
    {
      const char *slash = strrchr (self->id, '/');

      g_free (self->slug);
      self->slug = g_strdup (slash != NULL ? slash + 1 : self->id);
    }

  if (self->name == NULL || self->name[0] == '\0')
    {
      g_free (self->name);
      self->name = g_strdup (self->slug);
    }
}

static void
salvage_project_finalize (GObject *object)
{
  SalvageProject *self = (SalvageProject *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->project_type, g_free);
  g_clear_pointer (&self->annotation, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (salvage_project_parent_class)->finalize (object);
}

static void
salvage_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalvageProject *self = SALVAGE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PROJECT_TYPE:
      g_value_set_string (value, self->project_type);
      break;

    case PROP_ANNOTATION:
      g_value_set_string (value, self->annotation);
      break;

    case PROP_IMAGES:
      g_value_set_int64 (value, self->images);
      break;

    case PROP_UNANNOTATED:
      g_value_set_int64 (value, self->unannotated);
      break;

    case PROP_VERSION_COUNT:
      g_value_set_int64 (value, self->version_count);
      break;

    case PROP_PUBLIC:
      g_value_set_boolean (value, self->public);
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
salvage_project_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalvageProject *self = SALVAGE_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_SLUG:
      self->slug = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_PROJECT_TYPE:
      self->project_type = g_value_dup_string (value);
      break;

    case PROP_ANNOTATION:
      self->annotation = g_value_dup_string (value);
      break;

    case PROP_IMAGES:
      self->images = g_value_get_int64 (value);
      break;

    case PROP_UNANNOTATED:
      self->unannotated = g_value_get_int64 (value);
      break;

    case PROP_VERSION_COUNT:
      self->version_count = g_value_get_int64 (value);
      break;

    case PROP_PUBLIC:
      self->public = g_value_get_boolean (value);
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
salvage_project_class_init (SalvageProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = salvage_project_constructed;
  object_class->finalize = salvage_project_finalize;
  object_class->get_property = salvage_project_get_property;
  object_class->set_property = salvage_project_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SLUG] =
    g_param_spec_string ("slug", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT_TYPE] =
    g_param_spec_string ("project-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANNOTATION] =
    g_param_spec_string ("annotation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IMAGES] =
    g_param_spec_int64 ("images", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNANNOTATED] =
    g_param_spec_int64 ("unannotated", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_VERSION_COUNT] =
    g_param_spec_int64 ("version-count", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLIC] =
    g_param_spec_boolean ("public", NULL, NULL,
                          FALSE,
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
salvage_project_init (SalvageProject *self)
{
  self->images = -1;
  self->unannotated = -1;
  self->version_count = -1;
}

const char *
salvage_project_get_id (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->id;
}

const char *
salvage_project_get_slug (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->slug;
}

const char *
salvage_project_get_name (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->name;
}

const char *
salvage_project_get_project_type (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->project_type;
}

const char *
salvage_project_get_annotation (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->annotation;
}

gint64
salvage_project_get_images (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), -1);

  return self->images;
}

gint64
salvage_project_get_unannotated (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), -1);

  return self->unannotated;
}

gint64
salvage_project_get_version_count (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), -1);

  return self->version_count;
}

gboolean
salvage_project_get_public (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), FALSE);

  return self->public;
}

/**
 * salvage_project_get_created:
 *
 * Returns: (transfer none) (nullable): when the project was created
 */
GDateTime *
salvage_project_get_created (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->created;
}

/**
 * salvage_project_get_updated:
 *
 * Returns: (transfer none) (nullable): when the project last changed
 */
GDateTime *
salvage_project_get_updated (SalvageProject *self)
{
  g_return_val_if_fail (SALVAGE_IS_PROJECT (self), NULL);

  return self->updated;
}
