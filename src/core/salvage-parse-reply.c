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
get_reason (SalvageFields *reply)
{
  const char *reason = salvage_field_nonempty (reply, "message");

  if (reason == NULL)
    reason = salvage_field_nonempty (reply, "error");

  return reason;
}

/* Which member of a delete's answer holds the id of the Trash entry it
 * made. A version delete answers with "projectId" too, but that is its
 * parent project's id: the version's own Trash id is its number. */
static const char *
trash_id_member (SalvageFields *reply)
{
  const char *type = salvage_field_nonempty (reply, "type");

  if (g_strcmp0 (type, "version") == 0)
    return "version";
  if (g_strcmp0 (type, "training") == 0)
    return "trainingId";
  if (g_strcmp0 (type, "workflow") == 0)
    return "workflowId";
  if (g_strcmp0 (type, "project") == 0)
    return "projectId";

  if (json_object_has_member (reply->object, "trainingId"))
    return "trainingId";
  if (json_object_has_member (reply->object, "workflowId"))
    return "workflowId";
  if (json_object_has_member (reply->object, "version"))
    return "version";
  return "projectId";
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
  g_autofree char *trash_id = NULL;
  g_autofree char *parent_id = NULL;
  SalvageFields reply;
  const char *member;
  const char *alias_action;
  const char *alias_target;

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

  salvage_fields_init (&reply, json_node_get_object (root));

  if (!salvage_field_boolean_or_absent (&reply, "deleted"))
    return salvage_parse_bad_shape (error, _("“deleted” is not true or false"));
  /* The other form of the training delete says "inTrash" instead. */
  if (!salvage_field_boolean_or_absent (&reply, "inTrash"))
    return salvage_parse_bad_shape (error, _("“inTrash” is not true or false"));

  if (!salvage_field_boolean (&reply, "deleted", TRUE) ||
      !salvage_field_boolean (&reply, "inTrash", TRUE))
    {
      const char *reason = get_reason (&reply);

      if (reason != NULL)
        return salvage_parse_bad_response (error,
                                           _("The server did not move it to the Trash: %s"),
                                           reason);
      return salvage_parse_bad_response (error, _("The server did not move it to the Trash"));
    }

  member = trash_id_member (&reply);
  trash_id = salvage_field_dup_id (&reply, member);

  /* A version's entry in the Trash is its number, under this project. */
  if (trash_id != NULL && g_str_equal (member, "version"))
    {
      char *number = g_strdup (salvage_parse_last_segment (trash_id));

      g_free (trash_id);
      trash_id = number;
      parent_id = salvage_field_dup_id (&reply, "projectId");
    }

  /* Only shown to people: a member of another type counts as absent. */
  alias_action = salvage_field_nonempty (&reply, "versionAliasAction");
  alias_target = salvage_field_nonempty (&reply, "versionAliasTarget");

  if (!salvage_fields_check (&reply, error))
    return FALSE;

  if (trash_id_out != NULL)
    *trash_id_out = g_steal_pointer (&trash_id);
  if (parent_id_out != NULL)
    *parent_id_out = g_steal_pointer (&parent_id);
  if (alias_action_out != NULL)
    *alias_action_out = g_strdup (alias_action);
  if (alias_target_out != NULL)
    *alias_target_out = g_strdup (alias_target);

  return TRUE;
}

gboolean
salvage_parse_restore (GBytes  *body,
                       GError **error)
{
  g_autoptr(JsonNode) root = NULL;
  SalvageFields reply;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(root = salvage_parse_load_json (body, error)))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return salvage_parse_bad_response (error,
                                       _("The server’s answer to the restore is not an object"));

  salvage_fields_init (&reply, json_node_get_object (root));

  if (!salvage_field_boolean_or_absent (&reply, "restored"))
    return salvage_parse_bad_shape (error, _("“restored” is not true or false"));

  if (!salvage_field_boolean (&reply, "restored", TRUE))
    {
      const char *reason = get_reason (&reply);

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
      SalvageFields body_fields;
      SalvageFields nested;
      JsonObject *nested_object;
      const char *message;

      salvage_fields_init (&body_fields, json_node_get_object (root));
      nested_object = salvage_field_object (&body_fields, "error");

      if (nested_object != NULL)
        {
          g_autofree char *joined = NULL;
          const char *hint;

          salvage_fields_init (&nested, nested_object);
          hint = salvage_field_nonempty (&nested, "hint");
          message = salvage_field_nonempty (&nested, "message");
          if (message != NULL && hint != NULL)
            message = joined = g_strconcat (message, " — ", hint, NULL);
          else if (message == NULL)
            message = hint;

          if (message != NULL)
            return tidy_message (message, strlen (message));
          return NULL;
        }

      /* {"error": "<code>", "message": "…"}: the message is for people. */
      message = salvage_field_nonempty (&body_fields, "message");
      if (message == NULL)
        message = salvage_field_nonempty (&body_fields, "error");
      if (message != NULL)
        return tidy_message (message, strlen (message));
    }

  return NULL;
}
