/* salvage-parse-reply.c - the answers to a delete and a restore, and error bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "salvage-error.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

#define MAX_ERROR_MESSAGE_CHARS 300

/* The server's reason, when a refusal came with one. */
static const char *
get_reason (JsonObject *object)
{
  const char *reason = salvage_field_nonempty (object, "message");

  if (reason == NULL)
    reason = salvage_field_nonempty (object, "error");

  return reason;
}

gboolean
salvage_parse_delete (GBytes  *body,
                      char   **trash_id_out,
                      char   **parent_id_out,
                      char   **alias_action_out,
                      char   **alias_target_out,
                      GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  const char *type;
  const char *member = NULL;
  char *trash_id = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (trash_id_out != NULL)
    *trash_id_out = NULL;
  if (parent_id_out != NULL)
    *parent_id_out = NULL;
  if (alias_action_out != NULL)
    *alias_action_out = NULL;
  if (alias_target_out != NULL)
    *alias_target_out = NULL;

  /* The SDK treats an empty answer to a training delete as success. */
  if (body == NULL || g_bytes_get_size (body) == 0 ||
      salvage_parse_is_blank (g_bytes_get_data (body, NULL), g_bytes_get_size (body)))
    return TRUE;

  if (!(root = salvage_parse_load_json (body, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return salvage_parse_bad_response (error,
                                       _("The server’s answer to the delete is not an object"));

  object = json_node_get_object (root);

  if (!salvage_field_boolean_or_absent (object, "deleted"))
    return salvage_parse_bad_shape (error, _("“deleted” is not true or false"));
  /* The other form of the training delete says "inTrash" instead. */
  if (!salvage_field_boolean_or_absent (object, "inTrash"))
    return salvage_parse_bad_shape (error, _("“inTrash” is not true or false"));

  if (!salvage_field_boolean (object, "deleted", TRUE) ||
      !salvage_field_boolean (object, "inTrash", TRUE))
    {
      const char *reason = get_reason (object);

      if (reason != NULL)
        return salvage_parse_bad_response (error,
                                           _("The server did not move it to the Trash: %s"),
                                           reason);
      return salvage_parse_bad_response (error, _("The server did not move it to the Trash"));
    }

  /* A version delete answers with "projectId" too, but that is its parent
   * project's id: the version's own Trash id is its number. */
  type = salvage_field_nonempty (object, "type");
  if (g_strcmp0 (type, "version") == 0)
    member = "version";
  else if (g_strcmp0 (type, "training") == 0)
    member = "trainingId";
  else if (g_strcmp0 (type, "workflow") == 0)
    member = "workflowId";
  else if (g_strcmp0 (type, "project") == 0)
    member = "projectId";
  else if (json_object_has_member (object, "trainingId"))
    member = "trainingId";
  else if (json_object_has_member (object, "workflowId"))
    member = "workflowId";
  else if (json_object_has_member (object, "version"))
    member = "version";
  else
    member = "projectId";

  trash_id = salvage_field_dup_id (object, member);
  if (trash_id != NULL && g_str_equal (member, "version"))
    {
      char *number = g_strdup (salvage_parse_last_segment (trash_id));

      g_free (trash_id);
      trash_id = number;

      /* The version's entry in the Trash names this project as its parent. */
      if (parent_id_out != NULL)
        *parent_id_out = salvage_field_dup_id (object, "projectId");
    }

  if (trash_id_out != NULL)
    *trash_id_out = trash_id;
  else
    g_free (trash_id);

  /* Only shown to people: a member of another type counts as absent. */
  if (alias_action_out != NULL)
    *alias_action_out = g_strdup (salvage_field_nonempty (object, "versionAliasAction"));
  if (alias_target_out != NULL)
    *alias_target_out = g_strdup (salvage_field_nonempty (object, "versionAliasTarget"));

  return TRUE;
}

gboolean
salvage_parse_restore (GBytes  *body,
                       GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(root = salvage_parse_load_json (body, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return salvage_parse_bad_response (error,
                                       _("The server’s answer to the restore is not an object"));

  object = json_node_get_object (root);

  if (!salvage_field_boolean_or_absent (object, "restored"))
    return salvage_parse_bad_shape (error, _("“restored” is not true or false"));

  if (!salvage_field_boolean (object, "restored", TRUE))
    {
      const char *reason = get_reason (object);

      if (reason != NULL)
        return salvage_parse_bad_response (error, _("The server did not restore it: %s"), reason);
      return salvage_parse_bad_response (error, _("The server did not restore it"));
    }

  return TRUE;
}

/* At most MAX_ERROR_MESSAGE_CHARS characters of valid UTF-8, trimmed, or
 * NULL when nothing is left. */
static char *
tidy_message (const char *text,
              gsize       len)
{
  g_autofree char *copy = NULL;
  const char *valid_end;
  char *stripped;

  /* Keep what comes before the first invalid byte, if anything. */
  g_utf8_validate_len (text, len, &valid_end);
  copy = g_strndup (text, valid_end - text);
  stripped = g_strstrip (copy);

  if (g_utf8_strlen (stripped, -1) > MAX_ERROR_MESSAGE_CHARS)
    {
      const char *end = g_utf8_offset_to_pointer (stripped, MAX_ERROR_MESSAGE_CHARS - 1);
      g_autofree char *head = g_strndup (stripped, end - stripped);

      g_strchomp (head);
      return g_strconcat (head, "…", NULL);
    }

  if (stripped[0] == '\0')
    return NULL;

  return g_strdup (stripped);
}

/* Proxies answer with HTML pages; their title is the only readable part. */
static char *
html_title (const char *text,
            gsize       len)
{
  g_autofree char *copy = g_strndup (text, len);
  const char *start;
  const char *end;

  if (!(start = strstr (copy, "<title>")))
    return NULL;
  start += strlen ("<title>");
  if (!(end = strstr (start, "</title>")))
    return NULL;

  return tidy_message (start, end - start);
}

char *
salvage_parse_error_message (GBytes *body)
{
  g_autoptr(SalvageJsonGuard) guard = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize len = 0;

  data = body != NULL ? g_bytes_get_data (body, &len) : NULL;
  if (data == NULL || len == 0)
    return NULL;

  /* Whatever is not JSON is read as text. */
  guard = salvage_json_guard_new ();
  if (!(root = salvage_json_guard_read (guard, data, len, NULL)))
    {
      gsize start = 0;

      while (start < len && g_ascii_isspace (data[start]))
        start++;

      if (start < len && data[start] == '<')
        {
          char *title = html_title (data + start, len - start);

          if (title != NULL)
            return title;
        }

      /* Stop at a NUL, which no message contains. */
      return tidy_message (data, strnlen (data, len));
    }

  if (salvage_node_is_string (root))
    return tidy_message (json_node_get_string (root), strlen (json_node_get_string (root)));

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonObject *nested = salvage_field_object (object, "error");
      const char *message;

      if (nested != NULL)
        {
          const char *hint = salvage_field_nonempty (nested, "hint");
          g_autofree char *joined = NULL;

          message = salvage_field_nonempty (nested, "message");
          if (message != NULL && hint != NULL)
            message = joined = g_strconcat (message, " — ", hint, NULL);
          else if (message == NULL)
            message = hint;

          if (message != NULL)
            return tidy_message (message, strlen (message));
          return NULL;
        }

      /* {"error": "<code>", "message": "…"}: the message is for people. */
      message = salvage_field_nonempty (object, "message");
      if (message == NULL)
        message = salvage_field_nonempty (object, "error");
      if (message != NULL)
        return tidy_message (message, strlen (message));
    }

  return NULL;
}
