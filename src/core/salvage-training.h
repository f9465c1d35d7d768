/* salvage-training.h - a training run of a dataset version (GET …/{N}/v2/trainings)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SALVAGE_TYPE_TRAINING (salvage_training_get_type ())

G_DECLARE_FINAL_TYPE (SalvageTraining, salvage_training, SALVAGE, TRAINING, GObject)

/*
 * Properties (construct-only):
 *   "id"              string  training id (used in the DELETE path and restore body)
 *   "project-slug"    string
 *   "version-number"  string  "<N>"
 *   "status"          string  as the server says, e.g. "running", "finished"; may be NULL
 *   "model-type"      string  may be NULL
 *   "job-type"        string  may be NULL
 *   "started"         GDateTime (nullable)
 *   "finished"        GDateTime (nullable): the "end" field
 */

const char *salvage_training_get_id             (SalvageTraining *self);
const char *salvage_training_get_project_slug   (SalvageTraining *self);
const char *salvage_training_get_version_number (SalvageTraining *self);
const char *salvage_training_get_status         (SalvageTraining *self);
const char *salvage_training_get_model_type     (SalvageTraining *self);
const char *salvage_training_get_job_type       (SalvageTraining *self);
GDateTime  *salvage_training_get_started        (SalvageTraining *self);
GDateTime  *salvage_training_get_finished       (SalvageTraining *self);

/* TRUE while the run is queued or running: the server refuses to delete it.
 * A run counts as in progress when its status is one of the in-flight words
 * (running, queued, pending, starting, training, in_progress), or when it has
 * no status word we know and no "end". */
gboolean    salvage_training_is_in_progress     (SalvageTraining *self);

G_END_DECLS
