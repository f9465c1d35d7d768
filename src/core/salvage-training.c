/* salvage-training.c - a training run of a dataset version (GET …/{N}/v2/trainings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-training.h"

struct _SalvageTraining
{
  GObject    parent_instance;

  char      *id;
  char      *project_slug;
  char      *version_number;
  char      *status;
  char      *model_type;
  char      *job_type;
  GDateTime *started;
  GDateTime *finished;
};

G_DEFINE_FINAL_TYPE (SalvageTraining, salvage_training, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROJECT_SLUG,
  PROP_VERSION_NUMBER,
  PROP_STATUS,
  PROP_MODEL_TYPE,
  PROP_JOB_TYPE,
  PROP_STARTED,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
salvage_training_finalize (GObject *object)
{
  SalvageTraining *self = (SalvageTraining *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->project_slug, g_free);
  g_clear_pointer (&self->version_number, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->model_type, g_free);
  g_clear_pointer (&self->job_type, g_free);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->finished, g_date_time_unref);

  G_OBJECT_CLASS (salvage_training_parent_class)->finalize (object);
}

static void
salvage_training_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SalvageTraining *self = SALVAGE_TRAINING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_PROJECT_SLUG:
      g_value_set_string (value, self->project_slug);
      break;

    case PROP_VERSION_NUMBER:
      g_value_set_string (value, self->version_number);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_MODEL_TYPE:
      g_value_set_string (value, self->model_type);
      break;

    case PROP_JOB_TYPE:
      g_value_set_string (value, self->job_type);
      break;

    case PROP_STARTED:
      g_value_set_boxed (value, self->started);
      break;

    case PROP_FINISHED:
      g_value_set_boxed (value, self->finished);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_training_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SalvageTraining *self = SALVAGE_TRAINING (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_PROJECT_SLUG:
      self->project_slug = g_value_dup_string (value);
      break;

    case PROP_VERSION_NUMBER:
      self->version_number = g_value_dup_string (value);
      break;

    case PROP_STATUS:
      self->status = g_value_dup_string (value);
      break;

    case PROP_MODEL_TYPE:
      self->model_type = g_value_dup_string (value);
      break;

    case PROP_JOB_TYPE:
      self->job_type = g_value_dup_string (value);
      break;

    case PROP_STARTED:
      self->started = g_value_dup_boxed (value);
      break;

    case PROP_FINISHED:
      self->finished = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_training_class_init (SalvageTrainingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = salvage_training_finalize;
  object_class->get_property = salvage_training_get_property;
  object_class->set_property = salvage_training_set_property;

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

  properties[PROP_VERSION_NUMBER] =
    g_param_spec_string ("version-number", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODEL_TYPE] =
    g_param_spec_string ("model-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_JOB_TYPE] =
    g_param_spec_string ("job-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STARTED] =
    g_param_spec_boxed ("started", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FINISHED] =
    g_param_spec_boxed ("finished", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_training_init (SalvageTraining *self)
{
}

const char *
salvage_training_get_id (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->id;
}

const char *
salvage_training_get_project_slug (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->project_slug;
}

const char *
salvage_training_get_version_number (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->version_number;
}

const char *
salvage_training_get_status (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->status;
}

const char *
salvage_training_get_model_type (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->model_type;
}

const char *
salvage_training_get_job_type (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->job_type;
}

/**
 * salvage_training_get_started:
 *
 * Returns: (transfer none) (nullable): when the run started
 */
GDateTime *
salvage_training_get_started (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->started;
}

/**
 * salvage_training_get_finished:
 *
 * Returns: (transfer none) (nullable): when the run ended, or %NULL while
 *   it has not
 */
GDateTime *
salvage_training_get_finished (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), NULL);

  return self->finished;
}

static const char * const in_flight_words[] = {
  "running", "queued", "pending", "starting", "training", "in_progress",
};

static const char * const done_words[] = {
  "finished", "completed", "complete", "succeeded", "success", "done",
  "failed", "failure", "error", "errored", "cancelled", "canceled",
  "stopped", "aborted", "timeout", "timed_out",
};

static gboolean
status_is_one_of (const char         *status,
                  const char * const *words,
                  gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (g_ascii_strcasecmp (status, words[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
salvage_training_is_in_progress (SalvageTraining *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRAINING (self), FALSE);

  if (self->status != NULL)
    {
      if (status_is_one_of (self->status, in_flight_words, G_N_ELEMENTS (in_flight_words)))
        return TRUE;
      if (status_is_one_of (self->status, done_words, G_N_ELEMENTS (done_words)))
        return FALSE;
    }

  /* A status word we do not know says nothing either way; a run that has
   * not ended is safest treated as still going, since the server refuses to
   * delete one that is. */
  return self->finished == NULL;
}
