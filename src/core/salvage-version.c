/* salvage-version.c - a dataset version of a project (GET /{ws}/{project})
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-version.h"

struct _SalvageVersion
{
  GObject    parent_instance;

  char      *id;
  char      *project_slug;
  char      *number;
  char      *name;
  gint64     images;
  GDateTime *created;
};

G_DEFINE_FINAL_TYPE (SalvageVersion, salvage_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROJECT_SLUG,
  PROP_NUMBER,
  PROP_NAME,
  PROP_IMAGES,
  PROP_CREATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
salvage_version_constructed (GObject *object)
{
  SalvageVersion *self = (SalvageVersion *)object;

  G_OBJECT_CLASS (salvage_version_parent_class)->constructed (object);

  /* The API names versions "<ws>/<project>/<N>" in some answers and "<N>"
   * in others; the number is always the last segment. */
  if (self->id != NULL)
    {
      const char *slash = strrchr (self->id, '/');

      g_free (self->number);
      self->number = g_strdup (slash != NULL ? slash + 1 : self->id);
    }
}

static void
salvage_version_finalize (GObject *object)
{
  SalvageVersion *self = (SalvageVersion *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->project_slug, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (salvage_version_parent_class)->finalize (object);
}

static void
salvage_version_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalvageVersion *self = SALVAGE_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PROJECT_SLUG:
      g_value_set_string (value, self->project_slug);
      break;

    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_IMAGES:
      g_value_set_int64 (value, self->images);
      break;

    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_version_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalvageVersion *self = SALVAGE_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_PROJECT_SLUG:
      self->project_slug = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_IMAGES:
      self->images = g_value_get_int64 (value);
      break;

    case PROP_CREATED:
      self->created = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_version_class_init (SalvageVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = salvage_version_constructed;
  object_class->finalize = salvage_version_finalize;
  object_class->get_property = salvage_version_get_property;
  object_class->set_property = salvage_version_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PROJECT_SLUG] =
    g_param_spec_string ("project-slug", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Derived from "id" when there is one; only an id-less version keeps
   * the number it was given. */
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IMAGES] =
    g_param_spec_int64 ("images", NULL, NULL,
                        -1, G_MAXINT64, -1,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED] =
    g_param_spec_boxed ("created", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_version_init (SalvageVersion *self)
{
  self->images = -1;
}

const char *
salvage_version_get_id (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), NULL);

  return self->id;
}

const char *
salvage_version_get_project_slug (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), NULL);

  return self->project_slug;
}

const char *
salvage_version_get_number (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), NULL);

  return self->number;
}

const char *
salvage_version_get_name (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), NULL);

  return self->name;
}

gint64
salvage_version_get_images (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), -1);

  return self->images;
}

/**
 * salvage_version_get_created:
 *
 * Returns: (transfer none) (nullable): when the version was generated
 */
GDateTime *
salvage_version_get_created (SalvageVersion *self)
{
  g_return_val_if_fail (SALVAGE_IS_VERSION (self), NULL);

  return self->created;
}

/* Parses a plain decimal number; FALSE for anything else (empty, signs,
 * other characters, or more digits than fit). */
static gboolean
parse_version_number (const char *text,
                      guint64    *out)
{
  guint64 value = 0;
  const char *p;

  if (text == NULL || *text == '\0')
    return FALSE;

  for (p = text; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (value > (G_MAXUINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (guint64)(*p - '0');
    }

  *out = value;
  return TRUE;
}

char *
salvage_version_format_label (const char *number,
                              const char *name)
{
  const char *rest;
  gsize number_len;

  if (name == NULL)
    name = "";

  if (number == NULL || *number == '\0')
    return g_strdup (name);

  if (*name == '\0')
    return g_strdup_printf ("v%s", number);

  /* "v3 raw" for version 3, but not "v30" nor "v3.1". */
  rest = name;
  if (*rest == 'v' || *rest == 'V')
    rest++;
  number_len = strlen (number);
  if (strncmp (rest, number, number_len) == 0 &&
      !g_ascii_isdigit (rest[number_len]) && rest[number_len] != '.')
    return g_strdup_printf ("v%s%s", number, rest + number_len);

  return g_strdup_printf ("v%s %s", number, name);
}

int
salvage_version_compare (SalvageVersion *a,
                         SalvageVersion *b)
{
  guint64 na, nb;
  gboolean a_numeric, b_numeric;

  g_return_val_if_fail (SALVAGE_IS_VERSION (a), 0);
  g_return_val_if_fail (SALVAGE_IS_VERSION (b), 0);

  a_numeric = parse_version_number (a->number, &na);
  b_numeric = parse_version_number (b->number, &nb);

  if (a_numeric && b_numeric)
    return (na > nb) - (na < nb);
  if (a_numeric != b_numeric)
    return a_numeric ? -1 : 1;

  return g_strcmp0 (a->number, b->number);
}
