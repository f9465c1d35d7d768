/* salvage-server-fault-spec.c - faults written as text, as `salvage-server --fault` takes them
 *
 * "METHOD:GLOB:KIND[:key=value…]" names one SalvageFault, so that a fault
 * can be set up from a command line as well as from a test's code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "salvage-server-fault.h"

typedef struct
{
  const char       *name;
  SalvageFaultKind  kind;
} KindName;

static const KindName kind_names[] = {
  { "none", SALVAGE_FAULT_NONE },
  { "status", SALVAGE_FAULT_STATUS },
  { "no-answer", SALVAGE_FAULT_NO_ANSWER },
  { "reset", SALVAGE_FAULT_RESET },
  { "truncated", SALVAGE_FAULT_TRUNCATED },
  { "not-json", SALVAGE_FAULT_NOT_JSON },
  { "wrong-shape", SALVAGE_FAULT_WRONG_SHAPE },
  { "huge", SALVAGE_FAULT_HUGE },
  { "trickle", SALVAGE_FAULT_TRICKLE },
  { "frozen", SALVAGE_FAULT_FROZEN },
};

static gboolean
parse_number (const char  *spec,
              const char  *key,
              const char  *text,
              guint        min,
              guint        max,
              guint       *value,
              GError     **error)
{
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, min, max, &number, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Bad fault “%s”: %s must be a number from %u to %u", spec, key, min, max);
      return FALSE;
    }

  *value = (guint) number;

  return TRUE;
}

static gboolean
parse_kind (const char    *spec,
            const char    *text,
            SalvageFault  *fault,
            GError       **error)
{
  g_autofree char *name = g_strdup (text);
  char *value = strchr (name, '=');

  if (value != NULL)
    *value++ = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (!g_str_equal (name, kind_names[i].name))
        continue;

      fault->kind = kind_names[i].kind;
      if (value == NULL)
        return TRUE;
      if (fault->kind == SALVAGE_FAULT_STATUS)
        return parse_number (spec, "status", value, 100, 599, &fault->status, error);
      break;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Bad fault “%s”: unknown kind “%s”", spec, text);

  return FALSE;
}

static gboolean
parse_option (const char    *spec,
              const char    *option,
              SalvageFault  *fault,
              GError       **error)
{
  const char *value = strchr (option, '=');
  g_autofree char *key = g_strndup (option, value != NULL ? (gsize) (value - option)
                                                          : strlen (option));

  if (value != NULL)
    value++;

  if (g_str_equal (key, "commit"))
    {
      if (value == NULL || g_str_equal (value, "true"))
        {
          fault->commit = TRUE;
          return TRUE;
        }
      if (g_str_equal (value, "false"))
        {
          fault->commit = FALSE;
          return TRUE;
        }
    }
  else if (value != NULL)
    {
      if (g_str_equal (key, "count"))
        return parse_number (spec, key, value, 0, G_MAXUINT, &fault->count, error);
      if (g_str_equal (key, "skip"))
        return parse_number (spec, key, value, 0, G_MAXUINT, &fault->skip, error);
      if (g_str_equal (key, "status"))
        return parse_number (spec, key, value, 100, 599, &fault->status, error);
      if (g_str_equal (key, "retry-after"))
        return parse_number (spec, key, value, 0, G_MAXINT, &fault->retry_after, error);
      if (g_str_equal (key, "interval"))
        return parse_number (spec, key, value, 0, 3600000, &fault->interval_ms, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "Bad fault “%s”: unknown option “%s”", spec, option);

  return FALSE;
}

static gboolean
is_method (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isupper (*c))
      return FALSE;

  return TRUE;
}

guint
salvage_server_add_fault_spec (SalvageServer  *self,
                               const char     *spec,
                               GError        **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *message = NULL;
  SalvageFault fault = { 0, };
  const char *method;
  const char *glob;
  const char *rest;

  g_return_val_if_fail (SALVAGE_IS_SERVER (self), 0);
  g_return_val_if_fail (spec != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  parts = g_strsplit (spec, ":", 4);
  if (g_strv_length (parts) < 3)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Bad fault “%s”: expected METHOD:PATH:KIND[:OPTION…]", spec);
      return 0;
    }

  method = g_str_equal (parts[0], "*") ? NULL : parts[0];
  glob = parts[1][0] == '\0' || g_str_equal (parts[1], "*") ? NULL : parts[1];
  if (method != NULL && !is_method (method))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Bad fault “%s”: “%s” is not a method (GET, DELETE, POST, … or *)",
                   spec, method);
      return 0;
    }

  if (!parse_kind (spec, parts[2], &fault, error))
    return 0;

  /* The message comes last and may hold ":" itself. */
  for (rest = parts[3]; rest != NULL && rest[0] != '\0';)
    {
      const char *end = strchr (rest, ':');
      g_autofree char *option = NULL;

      if (g_str_has_prefix (rest, "message="))
        {
          message = g_strdup (rest + strlen ("message="));
          break;
        }

      option = end != NULL ? g_strndup (rest, (gsize) (end - rest)) : g_strdup (rest);
      if (!parse_option (spec, option, &fault, error))
        return 0;
      rest = end != NULL ? end + 1 : NULL;
    }

  fault.message = message;

  return salvage_server_add_fault_full (self, method, glob, &fault);
}
