/* salvage-server-records.c - the stand-in server's records and their lifetime in the Trash
 *
 * Creating records (the seeding half of SalvageServer's API), moving them
 * to the Trash with the side effects of a delete (runs in flight are
 * cancelled), the cleanup that removes, for good, what stayed in the Trash
 * past its 30 days, and the read-only views tests use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-server-private.h"

/* Fixed path words that the real router matches before a project slug. */
static const char * const reserved_words[] = {
  "trash", "workflows", "groups", "projects", "createWorkflow", "updateWorkflow", NULL,
};

void
salvage_server_member_free (gpointer data)
{
  SalvageServerMember *member = data;

  g_free (member->id);
  g_free (member->name);
  g_free (member);
}

void
salvage_server_training_free (gpointer data)
{
  SalvageServerTraining *training = data;

  g_free (training->id);
  g_free (training);
}

void
salvage_server_version_free (gpointer data)
{
  SalvageServerVersion *version = data;

  g_clear_pointer (&version->trainings, g_ptr_array_unref);
  g_free (version->full_id);
  g_free (version->name);
  g_free (version);
}

void
salvage_server_project_free (gpointer data)
{
  SalvageServerProject *project = data;

  g_clear_pointer (&project->versions, g_ptr_array_unref);
  g_strfreev (project->classes);
  g_free (project->class_counts);
  g_free (project->id);
  g_free (project->slug);
  g_free (project->name);
  g_free (project->type);
  g_free (project->annotation);
  g_free (project);
}

void
salvage_server_workflow_free (gpointer data)
{
  SalvageServerWorkflow *workflow = data;

  g_free (workflow->id);
  g_free (workflow->url);
  g_free (workflow->name);
  g_free (workflow);
}

void
salvage_server_workspace_free (gpointer data)
{
  SalvageServerWorkspace *workspace = data;

  /* The tables point into the arrays: drop them first. */
  g_clear_pointer (&workspace->live_projects, g_hash_table_unref);
  g_clear_pointer (&workspace->projects_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->live_workflows, g_hash_table_unref);
  g_clear_pointer (&workspace->workflows_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->trainings_by_id, g_hash_table_unref);
  g_clear_pointer (&workspace->projects, g_ptr_array_unref);
  g_clear_pointer (&workspace->workflows, g_ptr_array_unref);
  g_clear_pointer (&workspace->members, g_ptr_array_unref);
  g_free (workspace->slug);
  g_free (workspace->name);
  g_free (workspace);
}

void
salvage_server_workspace_mark_trashed (SalvageServerWorkspace    *workspace,
                                       SalvageServerTrashMark    *mark,
                                       gint64                     when,
                                       const SalvageServerMember *deleter)
{
  mark->deleted_at = when;
  mark->deleter = deleter;
  workspace->next_cleanup = MIN (workspace->next_cleanup, when + SALVAGE_SERVER_RETENTION);
}

static void
cancel_in_flight (SalvageServerVersion *version,
                  gint64                when)
{
  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      if (!salvage_server_is_trashed (&training->trash) &&
          salvage_server_is_in_flight (training->status))
        {
          training->status = g_intern_static_string ("cancelled");
          training->ended = when;
        }
    }
}

void
salvage_server_workspace_trash_project (SalvageServerWorkspace    *workspace,
                                        SalvageServerProject      *project,
                                        gint64                     when,
                                        const SalvageServerMember *deleter)
{
  g_hash_table_remove (workspace->live_projects, project->slug);
  salvage_server_workspace_mark_trashed (workspace, &project->trash, when, deleter);

  for (guint i = 0; i < project->versions->len; i++)
    cancel_in_flight (g_ptr_array_index (project->versions, i), when);
}

void
salvage_server_workspace_trash_version (SalvageServerWorkspace    *workspace,
                                        SalvageServerVersion      *version,
                                        gint64                     when,
                                        const SalvageServerMember *deleter)
{
  salvage_server_workspace_mark_trashed (workspace, &version->trash, when, deleter);
  cancel_in_flight (version, when);
}

void
salvage_server_workspace_trash_workflow (SalvageServerWorkspace    *workspace,
                                         SalvageServerWorkflow     *workflow,
                                         gint64                     when,
                                         const SalvageServerMember *deleter)
{
  g_hash_table_remove (workspace->live_workflows, workflow->url);
  salvage_server_workspace_mark_trashed (workspace, &workflow->trash, when, deleter);
}

static inline gboolean
is_expired (const SalvageServerTrashMark *mark,
            gint64                        now)
{
  return salvage_server_is_trashed (mark) && mark->deleted_at + SALVAGE_SERVER_RETENTION < now;
}

static inline void
note_cleanup (const SalvageServerTrashMark *mark,
              gint64                       *next_cleanup)
{
  if (salvage_server_is_trashed (mark))
    *next_cleanup = MIN (*next_cleanup, mark->deleted_at + SALVAGE_SERVER_RETENTION);
}

static void
forget_trainings (SalvageServerWorkspace *workspace,
                  SalvageServerVersion   *version)
{
  for (guint i = 0; i < version->trainings->len; i++)
    {
      SalvageServerTraining *training = g_ptr_array_index (version->trainings, i);

      g_hash_table_remove (workspace->trainings_by_id, training->id);
    }
}

/* Swaps *@array for @kept, whose elements were moved there. */
static void
replace_array (GPtrArray **array,
               GPtrArray  *kept)
{
  g_ptr_array_set_free_func (*array, NULL);
  g_ptr_array_unref (*array);
  *array = kept;
}

/* Removes, for good, everything whose cleanup time has passed. Removing a
 * record removes what it owns. Survivors move to new arrays so that a purge
 * of many records stays linear. */
void
salvage_server_workspace_purge (SalvageServerWorkspace *workspace,
                                gint64                  now)
{
  GPtrArray *kept_projects;
  GPtrArray *kept_workflows;
  gint64 next_cleanup = G_MAXINT64;

  kept_projects = g_ptr_array_new_full (workspace->projects->len, salvage_server_project_free);
  kept_workflows = g_ptr_array_new_full (workspace->workflows->len, salvage_server_workflow_free);

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);
      GPtrArray *kept_versions;

      if (is_expired (&project->trash, now))
        {
          for (guint v = 0; v < project->versions->len; v++)
            forget_trainings (workspace, g_ptr_array_index (project->versions, v));
          g_hash_table_remove (workspace->projects_by_id, project->id);
          salvage_server_project_free (project);
          continue;
        }

      note_cleanup (&project->trash, &next_cleanup);
      kept_versions = g_ptr_array_new_full (project->versions->len, salvage_server_version_free);

      for (guint v = 0; v < project->versions->len; v++)
        {
          SalvageServerVersion *version = g_ptr_array_index (project->versions, v);
          GPtrArray *kept_trainings;

          if (is_expired (&version->trash, now))
            {
              forget_trainings (workspace, version);
              salvage_server_version_free (version);
              continue;
            }

          note_cleanup (&version->trash, &next_cleanup);
          kept_trainings = g_ptr_array_new_full (version->trainings->len,
                                                 salvage_server_training_free);

          for (guint t = 0; t < version->trainings->len; t++)
            {
              SalvageServerTraining *training = g_ptr_array_index (version->trainings, t);

              if (is_expired (&training->trash, now))
                {
                  if (version->registered == training)
                    version->registered = NULL;
                  if (version->alias == training)
                    version->alias = NULL;
                  g_hash_table_remove (workspace->trainings_by_id, training->id);
                  salvage_server_training_free (training);
                  continue;
                }

              note_cleanup (&training->trash, &next_cleanup);
              g_ptr_array_add (kept_trainings, training);
            }

          replace_array (&version->trainings, kept_trainings);
          g_ptr_array_add (kept_versions, version);
        }

      replace_array (&project->versions, kept_versions);
      g_ptr_array_add (kept_projects, project);
    }

  for (guint i = 0; i < workspace->workflows->len; i++)
    {
      SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

      if (is_expired (&workflow->trash, now))
        {
          g_hash_table_remove (workspace->workflows_by_id, workflow->id);
          salvage_server_workflow_free (workflow);
          continue;
        }

      note_cleanup (&workflow->trash, &next_cleanup);
      g_ptr_array_add (kept_workflows, workflow);
    }

  replace_array (&workspace->projects, kept_projects);
  replace_array (&workspace->workflows, kept_workflows);
  workspace->next_cleanup = next_cleanup;
}

/* Parses a version number as it appears in a URL: decimal, no sign, no
 * leading zero. */
gboolean
salvage_server_parse_version_number (const char *text,
                                     guint      *number)
{
  guint64 value;

  if (text == NULL || text[0] < '1' || text[0] > '9' || strlen (text) > 9)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  value = g_ascii_strtoull (text, NULL, 10);
  *number = (guint) value;

  return TRUE;
}

gboolean
salvage_server_is_reserved_word (const char *segment)
{
  return g_strv_contains (reserved_words, segment);
}

gboolean
salvage_server_is_valid_slug (const char *slug)
{
  return slug != NULL && slug[0] != '\0' && strchr (slug, '/') == NULL &&
         strchr (slug, '?') == NULL && !salvage_server_is_reserved_word (slug);
}

/* A version name such as "augmented-640x640" tells which steps made it. */
void
salvage_server_version_parse_name (SalvageServerVersion *version)
{
  const char *dash = strrchr (version->name, '-');
  guint width = 0, height = 0;

  version->augmented = g_str_has_prefix (version->name, "augmented");

  if (dash != NULL)
    {
      char *end = NULL;

      width = (guint) g_ascii_strtoull (dash + 1, &end, 10);
      if (end != NULL && *end == 'x')
        height = (guint) g_ascii_strtoull (end + 1, &end, 10);
      if (end == NULL || *end != '\0' || width == 0 || height == 0)
        width = height = 0;
    }

  version->resize_width = width;
  version->resize_height = height;
}

/* Finds the version numbered @number by bisection: versions are kept in
 * number order. */
guint
salvage_server_project_find_version (SalvageServerProject *project,
                                     guint                 number,
                                     gboolean             *found)
{
  guint low = 0, high = project->versions->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      SalvageServerVersion *version = g_ptr_array_index (project->versions, mid);

      if (version->number == number)
        {
          *found = TRUE;
          return mid;
        }
      if (version->number < number)
        low = mid + 1;
      else
        high = mid;
    }

  *found = FALSE;
  return low;
}

guint
salvage_server_project_count_live_versions (SalvageServerProject *project)
{
  guint count = 0;

  for (guint i = 0; i < project->versions->len; i++)
    {
      SalvageServerVersion *version = g_ptr_array_index (project->versions, i);

      if (!salvage_server_is_trashed (&version->trash))
        count++;
    }

  return count;
}

SalvageServerVersion *
salvage_server_project_lookup_live_version (SalvageServerProject *project,
                                            guint                 number)
{
  SalvageServerVersion *version = salvage_server_project_lookup_version (project, number);

  if (version == NULL || salvage_server_is_trashed (&version->trash))
    return NULL;

  return version;
}

/* The most recently trashed project with @slug, for the test views. */
SalvageServerProject *
salvage_server_workspace_lookup_trashed_project (SalvageServerWorkspace *workspace,
                                                 const char             *slug)
{
  SalvageServerProject *found = NULL;

  for (guint i = 0; i < workspace->projects->len; i++)
    {
      SalvageServerProject *project = g_ptr_array_index (workspace->projects, i);

      if (salvage_server_is_trashed (&project->trash) && g_str_equal (project->slug, slug) &&
          (found == NULL || project->trash.deleted_at >= found->trash.deleted_at))
        found = project;
    }

  return found;
}

SalvageServerProject *
salvage_server_workspace_lookup_project (SalvageServerWorkspace *workspace,
                                         const char             *slug)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return slug != NULL ? g_hash_table_lookup (workspace->live_projects, slug) : NULL;
}

SalvageServerWorkflow *
salvage_server_workspace_lookup_workflow (SalvageServerWorkspace *workspace,
                                          const char             *url)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return url != NULL ? g_hash_table_lookup (workspace->live_workflows, url) : NULL;
}

SalvageServerVersion *
salvage_server_project_lookup_version (SalvageServerProject *project,
                                       guint                 number)
{
  gboolean found;
  guint position;

  g_return_val_if_fail (project != NULL, NULL);

  position = salvage_server_project_find_version (project, number, &found);

  return found ? g_ptr_array_index (project->versions, position) : NULL;
}

SalvageServerTraining *
salvage_server_workspace_lookup_training (SalvageServerWorkspace *workspace,
                                          const char             *id)
{
  g_return_val_if_fail (workspace != NULL, NULL);

  return id != NULL ? g_hash_table_lookup (workspace->trainings_by_id, id) : NULL;
}

void
salvage_server_project_set_classes (SalvageServerProject *project,
                                    const char * const   *names,
                                    const gint64         *counts)
{
  guint n_names;

  g_return_if_fail (project != NULL);
  g_return_if_fail (names != NULL);
  g_return_if_fail (counts != NULL);

  n_names = g_strv_length ((GStrv) names);

  g_strfreev (project->classes);
  g_free (project->class_counts);
  project->classes = g_strdupv ((GStrv) names);
  project->class_counts = n_names > 0 ? g_memdup2 (counts, sizeof (gint64) * n_names) : NULL;
}

/* Seeding, and the views for tests (public API of SalvageServer) */

const char *
salvage_server_add_project (SalvageServer *self,
                            const char    *ws,
                            const char    *slug,
                            const char    *name,
                            const char    *project_type,
                            gint64         images)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  gint64 now;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (project_type != NULL, NULL);
  g_return_val_if_fail (images >= 0, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || !salvage_server_is_valid_slug (slug) ||
      g_hash_table_contains (workspace->live_projects, slug))
    return NULL;

  now = salvage_server_get_time (self);

  project = g_new0 (SalvageServerProject, 1);
  project->workspace = workspace;
  do
    {
      g_free (project->id);
      project->id = salvage_server_new_id (self, "d_", 20);
    }
  while (g_hash_table_contains (workspace->projects_by_id, project->id));
  project->slug = g_strdup (slug);
  project->name = g_strdup (name);
  project->type = g_strdup (project_type);
  project->annotation = g_strdup (name);
  project->created = now;
  project->updated = now;
  project->images = images;
  project->cleanup_delete_images = TRUE;
  project->versions = g_ptr_array_new_with_free_func (salvage_server_version_free);

  g_ptr_array_add (workspace->projects, project);
  g_hash_table_insert (workspace->live_projects, project->slug, project);
  g_hash_table_insert (workspace->projects_by_id, project->id, project);

  return project->id;
}

const char *
salvage_server_add_version (SalvageServer *self,
                            const char    *ws,
                            const char    *project_slug,
                            guint          number,
                            const char    *name,
                            gint64         images)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  gboolean found;
  guint position;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (images >= 0, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || number == 0 || number > 999999999)
    return NULL;

  project = salvage_server_workspace_lookup_project (workspace, project_slug);
  if (project == NULL)
    return NULL;

  /* Version numbers are never reused, not even after a delete. */
  position = salvage_server_project_find_version (project, number, &found);
  if (found)
    return NULL;

  version = g_new0 (SalvageServerVersion, 1);
  version->project = project;
  version->number = number;
  version->full_id = g_strdup_printf ("%s/%s/%u", workspace->slug, project->slug, number);
  version->name = g_strdup (name);
  version->created = salvage_server_get_time (self);
  version->images = images;
  version->trainings = g_ptr_array_new_with_free_func (salvage_server_training_free);
  salvage_server_version_parse_name (version);

  g_ptr_array_insert (project->versions, position, version);

  return version->full_id;
}

const char *
salvage_server_add_training (SalvageServer *self,
                             const char    *ws,
                             const char    *project_slug,
                             guint          number,
                             const char    *status,
                             const char    *model_type)
{
  static const char * const statuses[] = {
    "running", "queued", "finished", "failed", "cancelled", NULL,
  };
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  SalvageServerTraining *training;
  gint64 now;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (model_type != NULL, NULL);

  if (status == NULL || !g_strv_contains (statuses, status))
    return NULL;

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return NULL;

  project = salvage_server_workspace_lookup_project (workspace, project_slug);
  if (project == NULL)
    return NULL;

  version = salvage_server_project_lookup_live_version (project, number);
  if (version == NULL)
    return NULL;

  now = salvage_server_get_time (self);

  training = g_new0 (SalvageServerTraining, 1);
  training->version = version;
  do
    {
      g_free (training->id);
      training->id = salvage_server_new_id (self, "t_", 20);
    }
  while (g_hash_table_contains (workspace->trainings_by_id, training->id));
  training->status = g_intern_string (status);
  training->model_type = g_intern_string (model_type);
  if (!g_str_equal (status, "queued"))
    training->started = now - G_TIME_SPAN_HOUR;
  if (!salvage_server_is_in_flight (status))
    training->ended = now;

  g_ptr_array_add (version->trainings, training);
  g_hash_table_insert (workspace->trainings_by_id, training->id, training);

  return training->id;
}

const char *
salvage_server_add_workflow (SalvageServer *self,
                             const char    *ws,
                             const char    *url,
                             const char    *name)
{
  SalvageServerWorkspace *workspace;
  SalvageServerWorkflow *workflow;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL || url == NULL || url[0] == '\0' || strchr (url, '/') != NULL ||
      g_hash_table_contains (workspace->live_workflows, url))
    return NULL;

  workflow = g_new0 (SalvageServerWorkflow, 1);
  do
    {
      g_free (workflow->id);
      workflow->id = salvage_server_new_id (self, "wf_", 20);
    }
  while (g_hash_table_contains (workspace->workflows_by_id, workflow->id));
  workflow->url = g_strdup (url);
  workflow->name = g_strdup (name);
  workflow->status = g_intern_static_string ("active");
  workflow->block_count = 3;
  workflow->created = salvage_server_get_time (self);

  g_ptr_array_add (workspace->workflows, workflow);
  g_hash_table_insert (workspace->live_workflows, workflow->url, workflow);
  g_hash_table_insert (workspace->workflows_by_id, workflow->id, workflow);

  return workflow->id;
}

gboolean
salvage_server_trash (SalvageServer *self,
                      const char    *ws,
                      const char    *kind,
                      const char    *path,
                      gint64         deleted_at_usec,
                      const char    *deleted_by_name)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  const SalvageServerMember *deleter;
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  guint number = 0;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), FALSE);
  g_return_val_if_fail (ws != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (deleted_by_name != NULL, FALSE);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return FALSE;

  deleter = salvage_server_workspace_ensure_member (self, workspace, deleted_by_name);

  if (g_str_equal (kind, "workflow"))
    {
      SalvageServerWorkflow *workflow = salvage_server_workspace_lookup_workflow (workspace, path);

      if (workflow == NULL)
        return FALSE;

      salvage_server_workspace_trash_workflow (workspace, workflow, deleted_at_usec, deleter);
      return TRUE;
    }

  parts = g_strsplit (path, "/", -1);
  n_parts = g_strv_length (parts);
  project = salvage_server_workspace_lookup_project (workspace, parts[0] != NULL ? parts[0] : "");
  if (project == NULL)
    return FALSE;

  if (g_str_equal (kind, "project") && n_parts == 1)
    {
      salvage_server_workspace_trash_project (workspace, project, deleted_at_usec, deleter);
      return TRUE;
    }

  if (n_parts < 2 || !salvage_server_parse_version_number (parts[1], &number) ||
      (version = salvage_server_project_lookup_live_version (project, number)) == NULL)
    return FALSE;

  if (g_str_equal (kind, "version") && n_parts == 2)
    {
      salvage_server_workspace_trash_version (workspace, version, deleted_at_usec, deleter);
      return TRUE;
    }

  if (g_str_equal (kind, "training") && n_parts == 3)
    {
      SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace,
                                                                                  parts[2]);

      /* The API refuses runs in flight; seeding follows the same rule. */
      if (training == NULL || training->version != version ||
          salvage_server_is_trashed (&training->trash) ||
          salvage_server_is_in_flight (training->status))
        return FALSE;

      salvage_server_workspace_mark_trashed (workspace, &training->trash, deleted_at_usec, deleter);
      return TRUE;
    }

  return FALSE;
}

/* Whether a record, or any record above it, is in the Trash. */
SalvageServerItemState
salvage_server_get_item_state (SalvageServer *self,
                               const char    *ws,
                               const char    *kind,
                               const char    *path)
{
  SalvageServerWorkspace *workspace;
  SalvageServerProject *project;
  SalvageServerVersion *version;
  g_auto(GStrv) parts = NULL;
  gboolean trashed;
  guint n_parts;
  guint number = 0;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (ws != NULL, SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (kind != NULL, SALVAGE_SERVER_ITEM_ABSENT);
  g_return_val_if_fail (path != NULL, SALVAGE_SERVER_ITEM_ABSENT);

  salvage_server_purge_expired (self);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  if (g_str_equal (kind, "workflow"))
    {
      if (g_hash_table_contains (workspace->live_workflows, path))
        return SALVAGE_SERVER_ITEM_LIVE;

      for (guint i = 0; i < workspace->workflows->len; i++)
        {
          SalvageServerWorkflow *workflow = g_ptr_array_index (workspace->workflows, i);

          if (g_str_equal (workflow->url, path))
            return SALVAGE_SERVER_ITEM_TRASHED;
        }

      return SALVAGE_SERVER_ITEM_ABSENT;
    }

  parts = g_strsplit (path, "/", -1);
  n_parts = g_strv_length (parts);
  if (n_parts == 0)
    return SALVAGE_SERVER_ITEM_ABSENT;

  project = salvage_server_workspace_lookup_project (workspace, parts[0]);
  if (project == NULL)
    project = salvage_server_workspace_lookup_trashed_project (workspace, parts[0]);
  if (project == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  trashed = salvage_server_is_trashed (&project->trash);
  if (g_str_equal (kind, "project") && n_parts == 1)
    return trashed ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;

  if (n_parts < 2 || !salvage_server_parse_version_number (parts[1], &number) ||
      (version = salvage_server_project_lookup_version (project, number)) == NULL)
    return SALVAGE_SERVER_ITEM_ABSENT;

  trashed = trashed || salvage_server_is_trashed (&version->trash);
  if (g_str_equal (kind, "version") && n_parts == 2)
    return trashed ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;

  if (g_str_equal (kind, "training") && n_parts == 3)
    {
      SalvageServerTraining *training = salvage_server_workspace_lookup_training (workspace,
                                                                                  parts[2]);

      if (training == NULL || training->version != version)
        return SALVAGE_SERVER_ITEM_ABSENT;

      trashed = trashed || salvage_server_is_trashed (&training->trash);
      return trashed ? SALVAGE_SERVER_ITEM_TRASHED : SALVAGE_SERVER_ITEM_LIVE;
    }

  return SALVAGE_SERVER_ITEM_ABSENT;
}

const char *
salvage_server_get_training_status (SalvageServer *self,
                                    const char    *ws,
                                    const char    *project_slug,
                                    guint          number,
                                    const char    *training_id)
{
  SalvageServerWorkspace *workspace;
  SalvageServerTraining *training;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), NULL);
  g_return_val_if_fail (ws != NULL, NULL);
  g_return_val_if_fail (project_slug != NULL, NULL);
  g_return_val_if_fail (training_id != NULL, NULL);

  workspace = salvage_server_lookup_workspace (self, ws);
  if (workspace == NULL)
    return NULL;

  training = salvage_server_workspace_lookup_training (workspace, training_id);
  if (training == NULL || training->version->number != number ||
      !g_str_equal (training->version->project->slug, project_slug))
    return NULL;

  return training->status;
}
