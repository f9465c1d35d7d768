/* salvage-parse-trash-one-pass.c - the Trash listing read in one pass, whole or as it arrives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "salvage-parse-trash-private.h"

/*
 * Reading in one pass, as the server writes the Trash: "items" before
 * "sections", each once, and no section twice. The reading goes in steps
 * (a member of the top object or of "sections", an entry) that can be
 * taken again from where they started, so that a body can be read while
 * it arrives: a step that meets the end of what has arrived waits for
 * more and starts over. Any body written otherwise, and any problem, is
 * left to the reading in two passes, which tells what is wrong the way it
 * always does, a broken body before a bad shape.
 */

typedef enum
{
  ONE_PASS_START,
  ONE_PASS_TOP,          /* between members of the top object */
  ONE_PASS_ITEMS,        /* between entries of "items" */
  ONE_PASS_SECTIONS,     /* between members of "sections" */
  ONE_PASS_SECTION,      /* between entries of a section */
  ONE_PASS_END,          /* after the top object */
  ONE_PASS_DONE,
} OnePassPlace;

typedef enum
{
  STEP_TAKEN,
  STEP_FAILED,           /* perhaps only for want of the rest of the body */
  STEP_REFUSED,          /* not a body to read in one pass, whatever follows */
} StepResult;

/* Where the reading is. A step changes it, and leaves what it read for
 * the caller to add once the step counts: a step read again must find
 * the place as it was, and add nothing twice. */
typedef struct
{
  OnePassPlace      place;
  gboolean          seen_items;
  gboolean          seen_sections;
  GHashTable       *section_names;
  Text              section;
  SalvageTrashKind  section_kind;
  guint             position;
  /* What the last step read */
  gboolean          has_entry;
  TrashEntry        entry;
  const char       *section_name;
} OnePass;

static void
one_pass_clear (OnePass *state)
{
  g_clear_pointer (&state->section_names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OnePass, one_pass_clear)

/* The value of "items" or "sections": opened when it is the container it
 * should be, skipped when it is null. */
static StepResult
open_or_skip_null (TrashParse      *parse,
                   SalvageJsonKind  kind,
                   gboolean        *opened)
{
  SalvageJsonKind found = salvage_json_scan_peek (&parse->scan);
  SalvageJsonValue value;

  *opened = FALSE;

  if (found == SALVAGE_JSON_NULL)
    return salvage_json_scan_skip (&parse->scan) ? STEP_TAKEN : STEP_FAILED;
  if (found == SALVAGE_JSON_INVALID)
    return STEP_FAILED;
  if (found != kind)
    return STEP_REFUSED;

  salvage_json_scan_read (&parse->scan, &value);
  *opened = TRUE;
  return STEP_TAKEN;
}

static StepResult
step_top (TrashParse *parse,
          OnePass    *state)
{
  SalvageJsonValue key;
  StepResult result;
  gboolean opened;

  if (!salvage_json_scan_next_member (&parse->scan, &key))
    {
      if (salvage_json_scan_failed (&parse->scan))
        return STEP_FAILED;
      state->place = ONE_PASS_END;
      return STEP_TAKEN;
    }

  if (SALVAGE_JSON_KEY_IS (&key, "items"))
    {
      if (state->seen_items || state->seen_sections)
        return STEP_REFUSED;
      if ((result = open_or_skip_null (parse, SALVAGE_JSON_ARRAY, &opened)) != STEP_TAKEN)
        return result;

      if (opened)
        {
          state->place = ONE_PASS_ITEMS;
          state->position = 0;
        }
      state->seen_items = TRUE;
      return STEP_TAKEN;
    }

  if (SALVAGE_JSON_KEY_IS (&key, "sections"))
    {
      if (state->seen_sections)
        return STEP_REFUSED;
      if ((result = open_or_skip_null (parse, SALVAGE_JSON_OBJECT, &opened)) != STEP_TAKEN)
        return result;

      if (opened)
        state->place = ONE_PASS_SECTIONS;
      state->seen_sections = TRUE;
      return STEP_TAKEN;
    }

  return salvage_json_scan_skip (&parse->scan) ? STEP_TAKEN : STEP_FAILED;
}

static StepResult
step_sections (TrashParse *parse,
               OnePass    *state)
{
  SalvageJsonValue key;
  Text name;
  SalvageTrashKind kind;

  if (!salvage_json_scan_next_member (&parse->scan, &key))
    {
      if (salvage_json_scan_failed (&parse->scan))
        return STEP_FAILED;
      state->place = ONE_PASS_TOP;
      return STEP_TAKEN;
    }

  name = _salvage_trash_chunk_text (parse, key.string, key.string_len);
  kind = _salvage_trash_kind_from_type (_salvage_trash_singular_of (parse, name));

  if (g_hash_table_contains (state->section_names, name.str))
    return STEP_REFUSED;

  switch (salvage_json_scan_peek (&parse->scan))
    {
    case SALVAGE_JSON_ARRAY:
      salvage_json_scan_read (&parse->scan, &key);
      state->section = name;
      state->section_kind = kind;
      state->position = 0;
      state->place = ONE_PASS_SECTION;
      break;

    case SALVAGE_JSON_NULL:
      if (!salvage_json_scan_skip (&parse->scan))
        return STEP_FAILED;
      break;

    case SALVAGE_JSON_INVALID:
      return STEP_FAILED;

    case SALVAGE_JSON_BOOLEAN:
    case SALVAGE_JSON_INTEGER:
    case SALVAGE_JSON_DOUBLE:
    case SALVAGE_JSON_STRING:
    case SALVAGE_JSON_OBJECT:
    default:
      /* Not a list: nothing to lose when the key is unknown, an error
       * otherwise, which the reading in two passes tells. */
      if (kind != SALVAGE_TRASH_KIND_OTHER)
        return STEP_REFUSED;
      if (!salvage_json_scan_skip (&parse->scan))
        return STEP_FAILED;
      break;
    }

  state->section_name = name.str;
  return STEP_TAKEN;
}

/* The next entry of "items" or of a section. */
static StepResult
step_entry (TrashParse *parse,
            OnePass    *state)
{
  gboolean in_items = state->place == ONE_PASS_ITEMS;
  g_autoptr(GError) error = NULL;

  if (!salvage_json_scan_next_element (&parse->scan))
    {
      if (salvage_json_scan_failed (&parse->scan))
        return STEP_FAILED;
      state->place = in_items ? ONE_PASS_TOP : ONE_PASS_SECTIONS;
      return STEP_TAKEN;
    }

  /* What is wrong with an entry is told by the reading in two passes. */
  if (!_salvage_trash_read_entry (parse, "", state->position,
                                  in_items ? NULL : &state->section,
                                  in_items ? SALVAGE_TRASH_KIND_OTHER : state->section_kind,
                                  &state->entry, &error))
    return STEP_FAILED;

  state->has_entry = TRUE;
  state->position++;
  return STEP_TAKEN;
}

static StepResult
one_pass_step (TrashParse *parse,
               OnePass    *state)
{
  SalvageJsonValue value;

  switch (state->place)
    {
    case ONE_PASS_START:
      switch (salvage_json_scan_peek (&parse->scan))
        {
        case SALVAGE_JSON_OBJECT:
          salvage_json_scan_read (&parse->scan, &value);
          state->place = ONE_PASS_TOP;
          return STEP_TAKEN;

        case SALVAGE_JSON_INVALID:
          return STEP_FAILED;

        case SALVAGE_JSON_NULL:
        case SALVAGE_JSON_BOOLEAN:
        case SALVAGE_JSON_INTEGER:
        case SALVAGE_JSON_DOUBLE:
        case SALVAGE_JSON_STRING:
        case SALVAGE_JSON_ARRAY:
        default:
          return STEP_REFUSED;
        }

    case ONE_PASS_TOP:
      return step_top (parse, state);

    case ONE_PASS_ITEMS:
    case ONE_PASS_SECTION:
      return step_entry (parse, state);

    case ONE_PASS_SECTIONS:
      return step_sections (parse, state);

    case ONE_PASS_END:
      if (!salvage_json_scan_end (&parse->scan))
        return STEP_FAILED;
      state->place = ONE_PASS_DONE;
      return STEP_TAKEN;

    case ONE_PASS_DONE:
    default:
      g_assert_not_reached ();
    }
}

/* The Trash read in one pass; from @feed as it arrives, or, without one,
 * from the whole body the parse began with. FALSE when it must be read
 * in two passes, with the whole body then there; FALSE with @error set
 * when the body did not arrive. */
gboolean
_salvage_trash_read_in_one_pass (TrashParse       *parse,
                                 SalvageBodyFeed  *feed,
                                 GError          **error)
{
  g_auto(OnePass) state = { .place = ONE_PASS_START };
  gboolean complete = feed == NULL;

  state.section_names = g_hash_table_new (g_str_hash, g_str_equal);

  while (state.place != ONE_PASS_DONE)
    {
      SalvageJsonCheckpoint checkpoint;
      OnePass before = state;
      StepResult result;
      const char *data;
      gsize len;

      salvage_json_scan_save (&parse->scan, &checkpoint);
      state.has_entry = FALSE;
      state.section_name = NULL;
      result = one_pass_step (parse, &state);

      if (result == STEP_REFUSED)
        break;

      /* A step counts once a byte follows it: a number that ends where
       * the bytes do may go on in the next ones. */
      if (result == STEP_TAKEN && (complete || parse->scan.pos < parse->scan.len))
        {
          if (state.has_entry)
            _salvage_trash_add_entry (parse, &state.entry, state.place == ONE_PASS_SECTION);
          if (state.section_name != NULL)
            g_hash_table_add (state.section_names, (gpointer) state.section_name);
          continue;
        }

      if (complete)
        break;

      /* Wait for more, as much more as this step has read already, so
       * that a long step is not read again and again. */
      state = before;
      salvage_json_scan_restore (&parse->scan, &checkpoint);
      if (!salvage_body_feed_wait (feed,
                                   parse->scan.len + MAX (parse->scan.len - checkpoint.pos, 64 * 1024),
                                   &data, &len, &complete, error))
        return FALSE;
      if (!salvage_json_scan_extend (&parse->scan, data, len))
        break;
      parse->body_len = len;
    }

  if (state.place == ONE_PASS_DONE)
    return TRUE;

  /* For the reading in two passes, the whole body. */
  while (!complete)
    {
      const char *data;
      gsize len;

      if (!salvage_body_feed_wait (feed, G_MAXSIZE, &data, &len, &complete, error))
        return FALSE;
    }

  return FALSE;
}
