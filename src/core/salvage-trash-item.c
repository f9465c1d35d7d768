/* salvage-trash-item.c - one entry of a workspace's Trash (GET /{ws}/trash)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "salvage-trash-listing.h"
#include "salvage-version.h"

struct _SalvageTrashItem
{
  GObject           parent_instance;

  SalvageTrashKind  kind;
  char             *type_name;
  char             *id;
  char             *name;
  char             *url;
  char             *parent_id;
  char             *parent_url;
  char             *parent_name;
  char             *version_number;
  char             *deleted_by;
  char             *deleted_by_name;
  /* µs since 1970 (UTC), or SALVAGE_TRASH_NO_DATE; the GDateTimes are
   * made when first asked for. */
  gint64            deleted_at_usec;
  gint64            scheduled_cleanup_at_usec;
  GDateTime        *deleted_at;
  GDateTime        *scheduled_cleanup_at;
  /* An item made from a record uses the strings of the listing it came
   * from: the fields above point into it. */
  SalvageTrashListing *listing;

  gint64            cleanup_key;
  char             *key;
  /* Which workspace's Trash it was listed in (interned), or NULL. */
  const char       *origin;
};

G_DEFINE_FINAL_TYPE (SalvageTrashItem, salvage_trash_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TYPE_NAME,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_PARENT_ID,
  PROP_PARENT_URL,
  PROP_PARENT_NAME,
  PROP_VERSION_NUMBER,
  PROP_DELETED_AT,
  PROP_SCHEDULED_CLEANUP_AT,
  PROP_DELETED_BY,
  PROP_DELETED_BY_NAME,
  PROP_RESTORABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GType
salvage_trash_kind_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { SALVAGE_TRASH_KIND_PROJECT, "SALVAGE_TRASH_KIND_PROJECT", "project" },
        { SALVAGE_TRASH_KIND_VERSION, "SALVAGE_TRASH_KIND_VERSION", "version" },
        { SALVAGE_TRASH_KIND_WORKFLOW, "SALVAGE_TRASH_KIND_WORKFLOW", "workflow" },
        { SALVAGE_TRASH_KIND_TRAINING, "SALVAGE_TRASH_KIND_TRAINING", "training" },
        { SALVAGE_TRASH_KIND_OTHER, "SALVAGE_TRASH_KIND_OTHER", "other" },
        { 0, NULL, NULL }
      };
      GType type = g_enum_register_static (g_intern_static_string ("SalvageTrashKind"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
apply_name_fallback (SalvageTrashItem *self)
{
  if (!is_empty (self->name))
    return;

  if (self->listing != NULL)
    {
      self->name = !is_empty (self->url) ? self->url : self->id;
      return;
    }

  g_free (self->name);
  self->name = g_strdup (!is_empty (self->url) ? self->url : self->id);
}

static char *make_key (SalvageTrashItem *self);

/* Fields derived from others, once they are all set (again when they are
 * filled in after construction). They are made where the item is, which
 * for a listing is the thread that parses it. */
static void
finish_construction (SalvageTrashItem *self)
{
  apply_name_fallback (self);
  g_free (self->key);
  self->key = make_key (self);

  if (self->deleted_at != NULL)
    self->deleted_at_usec = g_date_time_to_unix_usec (self->deleted_at);
  if (self->scheduled_cleanup_at != NULL)
    self->scheduled_cleanup_at_usec = g_date_time_to_unix_usec (self->scheduled_cleanup_at);

  if (self->scheduled_cleanup_at_usec != SALVAGE_TRASH_NO_DATE)
    self->cleanup_key = self->scheduled_cleanup_at_usec;
  else
    self->cleanup_key = G_MAXINT64;
}

/* Set on a thread while it makes an item from parts it fills in itself,
 * which finishes the item once they are in: the fields are still empty
 * when the object is constructed. */
static _Thread_local gboolean filling_in;

static void
salvage_trash_item_constructed (GObject *object)
{
  SalvageTrashItem *self = (SalvageTrashItem *)object;

  G_OBJECT_CLASS (salvage_trash_item_parent_class)->constructed (object);

  if (!filling_in)
    finish_construction (self);
}

/* An item whose fields the caller fills in, then finishes. */
static SalvageTrashItem *
new_to_fill_in (SalvageTrashKind kind)
{
  SalvageTrashItem *self;

  filling_in = TRUE;
  self = g_object_new (SALVAGE_TYPE_TRASH_ITEM, NULL);
  filling_in = FALSE;
  self->kind = kind;

  return self;
}

static void
salvage_trash_item_finalize (GObject *object)
{
  SalvageTrashItem *self = (SalvageTrashItem *)object;

  if (self->listing != NULL)
    {
      g_clear_pointer (&self->listing, salvage_trash_listing_unref);
    }
  else
    {
      g_clear_pointer (&self->type_name, g_free);
      g_clear_pointer (&self->id, g_free);
      g_clear_pointer (&self->name, g_free);
      g_clear_pointer (&self->url, g_free);
      g_clear_pointer (&self->parent_id, g_free);
      g_clear_pointer (&self->parent_url, g_free);
      g_clear_pointer (&self->parent_name, g_free);
      g_clear_pointer (&self->version_number, g_free);
      g_clear_pointer (&self->deleted_by, g_free);
      g_clear_pointer (&self->deleted_by_name, g_free);
    }
  g_clear_pointer (&self->deleted_at, g_date_time_unref);
  g_clear_pointer (&self->scheduled_cleanup_at, g_date_time_unref);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (salvage_trash_item_parent_class)->finalize (object);
}

static void
salvage_trash_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalvageTrashItem *self = SALVAGE_TRASH_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TYPE_NAME:
      g_value_set_string (value, self->type_name);
      break;

    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;

    case PROP_PARENT_URL:
      g_value_set_string (value, self->parent_url);
      break;

    case PROP_PARENT_NAME:
      g_value_set_string (value, self->parent_name);
      break;

    case PROP_VERSION_NUMBER:
      g_value_set_string (value, self->version_number);
      break;

    case PROP_DELETED_AT:
      g_value_set_boxed (value, salvage_trash_item_get_deleted_at (self));
      break;

    case PROP_SCHEDULED_CLEANUP_AT:
      g_value_set_boxed (value, salvage_trash_item_get_scheduled_cleanup_at (self));
      break;

    case PROP_DELETED_BY:
      g_value_set_string (value, self->deleted_by);
      break;

    case PROP_DELETED_BY_NAME:
      g_value_set_string (value, self->deleted_by_name);
      break;

    case PROP_RESTORABLE:
      g_value_set_boolean (value, salvage_trash_item_get_restorable (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_trash_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalvageTrashItem *self = SALVAGE_TRASH_ITEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_TYPE_NAME:
      self->type_name = g_value_dup_string (value);
      break;

    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_URL:
      self->url = g_value_dup_string (value);
      break;

    case PROP_PARENT_ID:
      self->parent_id = g_value_dup_string (value);
      break;

    case PROP_PARENT_URL:
      self->parent_url = g_value_dup_string (value);
      break;

    case PROP_PARENT_NAME:
      self->parent_name = g_value_dup_string (value);
      break;

    case PROP_VERSION_NUMBER:
      self->version_number = g_value_dup_string (value);
      break;

    case PROP_DELETED_AT:
      self->deleted_at = g_value_dup_boxed (value);
      break;

    case PROP_SCHEDULED_CLEANUP_AT:
      self->scheduled_cleanup_at = g_value_dup_boxed (value);
      break;

    case PROP_DELETED_BY:
      self->deleted_by = g_value_dup_string (value);
      break;

    case PROP_DELETED_BY_NAME:
      self->deleted_by_name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_trash_item_class_init (SalvageTrashItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                             G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  object_class->constructed = salvage_trash_item_constructed;
  object_class->finalize = salvage_trash_item_finalize;
  object_class->get_property = salvage_trash_item_get_property;
  object_class->set_property = salvage_trash_item_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SALVAGE_TYPE_TRASH_KIND,
                       SALVAGE_TRASH_KIND_OTHER,
                       flags);

  properties[PROP_TYPE_NAME] =
    g_param_spec_string ("type-name", NULL, NULL, NULL, flags);

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, flags);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, flags);

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, flags);

  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL, flags);

  properties[PROP_PARENT_URL] =
    g_param_spec_string ("parent-url", NULL, NULL, NULL, flags);

  properties[PROP_PARENT_NAME] =
    g_param_spec_string ("parent-name", NULL, NULL, NULL, flags);

  properties[PROP_VERSION_NUMBER] =
    g_param_spec_string ("version-number", NULL, NULL, NULL, flags);

  properties[PROP_DELETED_AT] =
    g_param_spec_boxed ("deleted-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  properties[PROP_SCHEDULED_CLEANUP_AT] =
    g_param_spec_boxed ("scheduled-cleanup-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  properties[PROP_DELETED_BY] =
    g_param_spec_string ("deleted-by", NULL, NULL, NULL, flags);

  properties[PROP_DELETED_BY_NAME] =
    g_param_spec_string ("deleted-by-name", NULL, NULL, NULL, flags);

  properties[PROP_RESTORABLE] =
    g_param_spec_boolean ("restorable", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
salvage_trash_item_init (SalvageTrashItem *self)
{
  self->kind = SALVAGE_TRASH_KIND_OTHER;
  self->deleted_at_usec = SALVAGE_TRASH_NO_DATE;
  self->scheduled_cleanup_at_usec = SALVAGE_TRASH_NO_DATE;
}

/**
 * salvage_trash_item_new_from_fields:
 * @fields: what the item holds
 *
 * Returns: (transfer full): a new item
 */
SalvageTrashItem *
salvage_trash_item_new_from_fields (const SalvageTrashItemFields *fields)
{
  SalvageTrashItem *self;

  g_return_val_if_fail (fields != NULL, NULL);

  self = new_to_fill_in (fields->kind);

  /* Nothing has seen the object yet, so the construct-only fields can
   * still be filled in directly. */
  self->type_name = g_strdup (fields->type_name);
  self->id = g_strdup (fields->id);
  self->name = g_strdup (fields->name);
  self->url = g_strdup (fields->url);
  self->parent_id = g_strdup (fields->parent_id);
  self->parent_url = g_strdup (fields->parent_url);
  self->parent_name = g_strdup (fields->parent_name);
  self->version_number = g_strdup (fields->version_number);
  self->deleted_at = fields->deleted_at ? g_date_time_ref (fields->deleted_at) : NULL;
  self->scheduled_cleanup_at =
    fields->scheduled_cleanup_at ? g_date_time_ref (fields->scheduled_cleanup_at) : NULL;
  self->deleted_by = g_strdup (fields->deleted_by);
  self->deleted_by_name = g_strdup (fields->deleted_by_name);

  finish_construction (self);

  return self;
}

SalvageTrashItem *
_salvage_trash_item_new_in_listing (const SalvageTrashRecord *record,
                                    SalvageTrashListing      *listing)
{
  SalvageTrashItem *self;

  g_return_val_if_fail (record != NULL, NULL);
  g_return_val_if_fail (listing != NULL, NULL);

  self = new_to_fill_in (record->kind);
  self->listing = salvage_trash_listing_ref (listing);

  /* The listing's strings are NUL-terminated, and outlive the item. */
  self->type_name = (char *) record->type_name.str;
  self->id = (char *) record->id.str;
  self->name = (char *) record->name.str;
  self->url = (char *) record->url.str;
  self->parent_id = (char *) record->parent_id.str;
  self->parent_url = (char *) record->parent_url.str;
  self->parent_name = (char *) record->parent_name.str;
  self->version_number = (char *) record->version_number.str;
  self->deleted_by = (char *) record->deleted_by.str;
  self->deleted_by_name = (char *) record->deleted_by_name.str;
  self->deleted_at_usec = record->deleted_at;
  self->scheduled_cleanup_at_usec = record->scheduled_cleanup_at;

  finish_construction (self);

  return self;
}

SalvageTrashKind
salvage_trash_item_get_kind (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), SALVAGE_TRASH_KIND_OTHER);

  return self->kind;
}

const char *
salvage_trash_item_get_type_name (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->type_name;
}

const char *
salvage_trash_item_get_id (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->id;
}

const char *
salvage_trash_item_get_name (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->name;
}

const char *
salvage_trash_item_get_url (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->url;
}

const char *
salvage_trash_item_get_parent_id (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->parent_id;
}

const char *
salvage_trash_item_get_parent_url (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->parent_url;
}

const char *
salvage_trash_item_get_parent_name (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->parent_name;
}

const char *
salvage_trash_item_get_version_number (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->version_number;
}

/**
 * salvage_trash_item_get_deleted_at:
 *
 * Returns: (transfer none) (nullable): when the item was moved to the Trash
 */
GDateTime *
salvage_trash_item_get_deleted_at (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  if (self->deleted_at == NULL && self->deleted_at_usec != SALVAGE_TRASH_NO_DATE)
    self->deleted_at = g_date_time_new_from_unix_utc_usec (self->deleted_at_usec);

  return self->deleted_at;
}

/**
 * salvage_trash_item_get_scheduled_cleanup_at:
 *
 * Returns: (transfer none) (nullable): when the server will remove it for good
 */
GDateTime *
salvage_trash_item_get_scheduled_cleanup_at (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  if (self->scheduled_cleanup_at == NULL && self->scheduled_cleanup_at_usec != SALVAGE_TRASH_NO_DATE)
    self->scheduled_cleanup_at = g_date_time_new_from_unix_utc_usec (self->scheduled_cleanup_at_usec);

  return self->scheduled_cleanup_at;
}

const char *
salvage_trash_item_get_deleted_by (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->deleted_by;
}

const char *
salvage_trash_item_get_deleted_by_name (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->deleted_by_name;
}

gboolean
salvage_trash_item_get_restorable (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), FALSE);

  return self->kind != SALVAGE_TRASH_KIND_OTHER && !is_empty (self->id);
}

const char *
salvage_trash_item_get_deleter (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  if (!is_empty (self->deleted_by_name))
    return self->deleted_by_name;
  if (!is_empty (self->deleted_by))
    return self->deleted_by;
  return NULL;
}

static const char *
restore_type (SalvageTrashKind kind)
{
  switch (kind)
    {
    case SALVAGE_TRASH_KIND_PROJECT:
      return "project";
    case SALVAGE_TRASH_KIND_VERSION:
      return "version";
    case SALVAGE_TRASH_KIND_WORKFLOW:
      return "workflow";
    case SALVAGE_TRASH_KIND_TRAINING:
      return "training";
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return NULL;
    }
}

const char *
salvage_trash_item_get_restore_type (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return restore_type (self->kind);
}

/* Fields are joined with U+001F (unit separator), which no slug or id
 * contains, so distinct records never share a key. */
static void
append_entry_key (GString          *out,
                  SalvageTrashKind  kind,
                  const char       *type_name,
                  const char       *id,
                  const char       *parent_id,
                  const char       *parent_url)
{
  switch (kind)
    {
    case SALVAGE_TRASH_KIND_VERSION:
    case SALVAGE_TRASH_KIND_TRAINING:
      /* A version's Trash id is only its number, unique per project. */
      g_string_append (out, restore_type (kind));
      g_string_append_c (out, '\x1f');
      g_string_append (out, id ? id : "");
      g_string_append_c (out, '\x1f');
      g_string_append (out, !is_empty (parent_id) ? parent_id : parent_url ? parent_url : "");
      break;

    case SALVAGE_TRASH_KIND_PROJECT:
    case SALVAGE_TRASH_KIND_WORKFLOW:
      g_string_append (out, restore_type (kind));
      g_string_append_c (out, '\x1f');
      g_string_append (out, id ? id : "");
      break;

    case SALVAGE_TRASH_KIND_OTHER:
    default:
      /* Unknown types keep their own name, so two of them never collide
       * just because their ids do. */
      g_string_append (out, "other:");
      g_string_append (out, type_name ? type_name : "");
      g_string_append_c (out, '\x1f');
      g_string_append (out, id ? id : "");
      break;
    }
}

static char *
make_key (SalvageTrashItem *self)
{
  GString *key = g_string_sized_new (64);

  append_entry_key (key, self->kind, self->type_name, self->id, self->parent_id, self->parent_url);
  return g_string_free (key, FALSE);
}

/**
 * salvage_trash_record_dup_key:
 * @record: a record of a listing (its texts NUL-terminated)
 *
 * salvage_trash_item_dup_key() of the item the record makes, without
 * making it.
 *
 * Returns: (transfer full): the key
 */
char *
salvage_trash_record_dup_key (const SalvageTrashRecord *record)
{
  GString *key = g_string_sized_new (64);

  salvage_trash_record_append_key (record, key);
  return g_string_free (key, FALSE);
}

/* The same, appended to @out: a caller that compares many keys reuses one
 * buffer. */
void
salvage_trash_record_append_key (const SalvageTrashRecord *record,
                                 GString                  *out)
{
  append_entry_key (out, record->kind, record->type_name.str, record->id.str,
                    record->parent_id.str, record->parent_url.str);
}

/**
 * salvage_trash_item_dup_key:
 *
 * Returns: (transfer full): the identity of the Trash record
 */
char *
salvage_trash_item_dup_key (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return g_strdup (self->key);
}

const char *
salvage_trash_item_get_key (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->key;
}

gint64
salvage_trash_item_get_cleanup_key (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), G_MAXINT64);

  return self->cleanup_key;
}

gboolean
salvage_trash_item_equal (SalvageTrashItem *a,
                          SalvageTrashItem *b)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (a), FALSE);
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (b), FALSE);

  if (a == b)
    return TRUE;

  return a->kind == b->kind
         && g_strcmp0 (a->id, b->id) == 0
         && g_strcmp0 (a->type_name, b->type_name) == 0
         && g_strcmp0 (a->name, b->name) == 0
         && g_strcmp0 (a->url, b->url) == 0
         && g_strcmp0 (a->parent_id, b->parent_id) == 0
         && g_strcmp0 (a->parent_url, b->parent_url) == 0
         && g_strcmp0 (a->parent_name, b->parent_name) == 0
         && g_strcmp0 (a->version_number, b->version_number) == 0
         && a->deleted_at_usec == b->deleted_at_usec
         && a->scheduled_cleanup_at_usec == b->scheduled_cleanup_at_usec
         && g_strcmp0 (a->deleted_by, b->deleted_by) == 0
         && g_strcmp0 (a->deleted_by_name, b->deleted_by_name) == 0;
}

int
salvage_trash_item_get_days_left (SalvageTrashItem *self,
                                  GDateTime        *now)
{
  g_autoptr(GDateTime) local_now = NULL;
  GTimeSpan left;

  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), -1);

  if (self->scheduled_cleanup_at_usec == SALVAGE_TRASH_NO_DATE)
    return -1;

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  left = self->scheduled_cleanup_at_usec - g_date_time_to_unix_usec (now);
  if (left <= 0)
    return 0;

  /* Dates span at most 10,000 years, so the day count always fits an int. */
  return (int)((left + G_TIME_SPAN_DAY - 1) / G_TIME_SPAN_DAY);
}

/* The display name from an entry's fields; @name is the name after its
 * fallback to the url, then the id. */
static char *
display_name (SalvageTrashKind  kind,
              const char       *name,
              const char       *id,
              const char       *parent_name,
              const char       *parent_url,
              const char       *version_number)
{
  const char *parent;

  if (name == NULL)
    name = "";

  parent = parent_name;
  if (parent == NULL || *parent == '\0')
    parent = parent_url;

  switch (kind)
    {
    case SALVAGE_TRASH_KIND_VERSION:
      if (parent == NULL || *parent == '\0')
        parent = _("Unknown project");

      {
        g_autofree char *label = salvage_version_format_label (id, name);

        return g_strdup_printf ("%s › %s", parent, label);
      }

    case SALVAGE_TRASH_KIND_TRAINING:
      if (parent == NULL || *parent == '\0')
        parent = _("Unknown project");

      if (version_number != NULL)
        return g_strdup_printf ("%s › v%s › %s", parent, version_number, name);

      return g_strdup_printf ("%s › %s", parent, name);

    case SALVAGE_TRASH_KIND_PROJECT:
    case SALVAGE_TRASH_KIND_WORKFLOW:
    case SALVAGE_TRASH_KIND_OTHER:
    default:
      return g_strdup (name);
    }
}

char *
salvage_trash_item_dup_display_name (SalvageTrashItem *item)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (item), NULL);

  return display_name (item->kind, item->name, item->id, item->parent_name, item->parent_url,
                       item->version_number);
}

/**
 * salvage_trash_record_dup_display_name:
 * @record: a record of a listing (its texts NUL-terminated)
 *
 * salvage_trash_item_dup_display_name() of the item the record makes,
 * without making it.
 *
 * Returns: (transfer full): the name
 */
char *
salvage_trash_record_dup_display_name (const SalvageTrashRecord *record)
{
  const char *name = salvage_trash_text_is_set (&record->name) ? record->name.str :
                     salvage_trash_text_is_set (&record->url) ? record->url.str : record->id.str;

  return display_name (record->kind, name, record->id.str, record->parent_name.str,
                       record->parent_url.str, record->version_number.str);
}

const char *
salvage_trash_item_get_origin (SalvageTrashItem *self)
{
  g_return_val_if_fail (SALVAGE_IS_TRASH_ITEM (self), NULL);

  return self->origin;
}

void
_salvage_trash_item_set_origin (SalvageTrashItem *self,
                                const char       *origin)
{
  self->origin = origin != NULL ? g_intern_string (origin) : NULL;
}
