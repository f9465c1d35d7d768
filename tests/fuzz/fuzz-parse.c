/* fuzz-parse.c - libFuzzer targets for every parser of server data
 *
 * One source, built once per target with FUZZ_TARGET naming the parser, so
 * that each target has its own corpus and coverage.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "salvage-parse.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define FUZZ_trash      1
#define FUZZ_workspace  2
#define FUZZ_project    3
#define FUZZ_workflows  4
#define FUZZ_trainings  5
#define FUZZ_error      6
#define FUZZ_small      7

#define CONCAT_(a, b) a##b
#define CONCAT(a, b) CONCAT_(a, b)
#define TARGET CONCAT(FUZZ_, FUZZ_TARGET)

G_GNUC_UNUSED static void
drop_array (GPtrArray *array)
{
  g_clear_pointer (&array, g_ptr_array_unref);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  G_GNUC_UNUSED g_autoptr(GError) error = NULL;

#if TARGET == FUZZ_trash
  {
    g_autoptr(GPtrArray) items = salvage_parse_trash (bytes, &error);

    /* Every object handed out must be complete enough to show and to key. */
    for (guint i = 0; items != NULL && i < items->len; i++)
      {
        SalvageTrashItem *item = g_ptr_array_index (items, i);
        g_autofree char *key = salvage_trash_item_dup_key (item);

        if (salvage_trash_item_get_name (item) == NULL || key == NULL)
          __builtin_trap ();
      }
    if ((items == NULL) == (error == NULL))
      __builtin_trap ();
  }
#elif TARGET == FUZZ_workspace
  {
    g_autofree char *name = NULL;
    GPtrArray *projects = salvage_parse_workspace (bytes, &name, &error);

    if ((projects == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (projects);
  }
#elif TARGET == FUZZ_project
  {
    g_autoptr(SalvageProject) project = NULL;
    GPtrArray *versions = salvage_parse_project (bytes, "fuzz", &project, &error);

    if ((versions == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (versions);
  }
#elif TARGET == FUZZ_workflows
  {
    GPtrArray *workflows = salvage_parse_workflows (bytes, &error);

    if ((workflows == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (workflows);
  }
#elif TARGET == FUZZ_trainings
  {
    GPtrArray *trainings = salvage_parse_trainings (bytes, "fuzz", "1", &error);

    if ((trainings == NULL) == (error == NULL))
      __builtin_trap ();
    drop_array (trainings);
  }
#elif TARGET == FUZZ_error
  {
    g_autofree char *message = salvage_parse_error_message (bytes);

    if (message != NULL && !g_utf8_validate (message, -1, NULL))
      __builtin_trap ();
  }
#elif TARGET == FUZZ_small
  {
    /* The small answers: key check, delete, restore, and a date. */
    G_GNUC_UNUSED g_autofree char *workspace = salvage_parse_key_check (bytes, NULL);
    g_autofree char *trash_id = NULL;
    g_autofree char *text = g_strndup ((const char *) data, size);
    G_GNUC_UNUSED g_autoptr(GDateTime) date = salvage_parse_date_string (text);

    salvage_parse_delete (bytes, &trash_id, NULL);
    salvage_parse_restore (bytes, NULL);
  }
#else
# error "FUZZ_TARGET names no known parser"
#endif

  return 0;
}
