/* test-parse.c - response parsers and model objects, against the shapes of the real API
 *
 * The JSON bodies below restate the fixtures the Roboflow SDK tests with
 * (F1–F10 of the protocol notes) and the variants a tolerant client meets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "salvage-error.h"
#include "salvage-json-scan-private.h"
#include "salvage-parse.h"
#include "salvage-parse-private.h"

static GBytes *
json_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GDateTime *
utc (int year,
     int month,
     int day,
     int hour,
     int minute,
     double seconds)
{
  return g_date_time_new_utc (year, month, day, hour, minute, seconds);
}

static void
assert_date_equal (GDateTime *actual,
                   GDateTime *expected)
{
  g_assert_nonnull (actual);
  g_assert_nonnull (expected);
  g_assert_cmpint (g_date_time_compare (actual, expected), ==, 0);
}

static SalvageTrashItem *
trash_at (GPtrArray *items,
          guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return g_ptr_array_index (items, i);
}

/* Writes a body into a feed a few bytes at a time, from a thread of its
 * own, as the transport does from the main loop. */
typedef struct
{
  GBytes          *body;
  SalvageBodyFeed *feed;
  gsize            chunk;
} FeedWriter;

static gpointer
feed_writer_thread (gpointer user_data)
{
  FeedWriter *writer = user_data;
  gsize len;
  const guint8 *data = g_bytes_get_data (writer->body, &len);

  for (gsize at = 0; at < len;)
    {
      gsize room;
      guint8 *into = salvage_body_feed_get_room (writer->feed, &room);
      gsize n = MIN (MIN (writer->chunk, len - at), room);

      g_assert_cmpuint (n, >, 0);
      memcpy (into, data + at, n);
      salvage_body_feed_commit (writer->feed, n);
      at += n;
      if (at % 5 == 0)
        g_thread_yield ();
    }

  salvage_body_feed_finish (writer->feed);
  return NULL;
}

/* The listing read from @body while it arrives @chunk bytes at a time,
 * the reader shown @step bytes more at each wait (or all it asked for). */
static SalvageTrashListing *
parse_trash_fed (GBytes  *body,
                 gsize    chunk,
                 gsize    step,
                 GError **error)
{
  g_autoptr(SalvageBodyFeed) feed = salvage_body_feed_new (g_bytes_get_size (body) + 16);
  FeedWriter writer = { body, feed, chunk };
  SalvageTrashListing *listing;
  GThread *thread;

  salvage_body_feed_set_expected (feed, g_bytes_get_size (body));
  salvage_body_feed_set_step (feed, step);
  thread = g_thread_new ("feed-writer", feed_writer_thread, &writer);
  listing = salvage_parse_trash_listing_from_feed (feed, error);
  g_thread_join (thread);

  return listing;
}

/* Whether parse_trash_both_ways() also reads each body while it arrives
 * (a thread each time: the tests that read thousands of bodies check
 * only some). */
static gboolean check_fed = TRUE;

/* The same items as @items, or the same error as @error, from the body
 * read while it arrives, cut in several ways. */
static void
assert_fed_agrees (GBytes       *body,
                   GPtrArray    *items,
                   const GError *error)
{
  gsize size = body != NULL ? g_bytes_get_size (body) : 0;
  /* Shown to the reader a byte at a time (every few dozen, or few
   * hundred, in a longer body), written at once so that no wait sleeps;
   * and written a few bytes at a time while the reader asks for all. */
  gsize step = size < 2048 ? 1 : size < 65536 ? 61 : 509;
  gsize chunks[] = { MAX (size, 1), 61 };
  gsize steps[] = { step, 0 };

  /* No body at all is not something a feed can hold. */
  if (body == NULL || !check_fed)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (chunks); c++)
    {
      g_autoptr(GError) fed_error = NULL;
      g_autoptr(SalvageTrashListing) listing = parse_trash_fed (body, chunks[c], steps[c], &fed_error);

      if (items == NULL)
        {
          g_assert_null (listing);
          g_assert_error (fed_error, error->domain, error->code);
          g_assert_cmpstr (fed_error->message, ==, error->message);
          continue;
        }

      g_assert_no_error (fed_error);
      g_assert_nonnull (listing);
      g_assert_cmpuint (salvage_trash_listing_get_n_records (listing), ==, items->len);
      for (guint i = 0; i < items->len; i++)
        {
          g_autoptr(SalvageTrashItem) item = salvage_trash_listing_make_item (listing, i);

          g_assert_true (salvage_trash_item_equal (item, g_ptr_array_index (items, i)));
        }
    }
}

/* salvage_parse_trash(), checked against its reading in two passes and
 * against its reading while the body arrives: the same items, or the
 * same error. */
static GPtrArray *
parse_trash_both_ways (GBytes  *body,
                       GError **error)
{
  g_autoptr(GError) two_pass_error = NULL;
  g_autoptr(GPtrArray) two_pass = salvage_parse_trash_two_pass (body, &two_pass_error);
  GError *local_error = NULL;
  GPtrArray *items = salvage_parse_trash (body, &local_error);

  assert_fed_agrees (body, items, local_error);

  if (items == NULL)
    {
      g_assert_null (two_pass);
      g_assert_error (two_pass_error, local_error->domain, local_error->code);
      g_assert_cmpstr (two_pass_error->message, ==, local_error->message);
      g_propagate_error (error, local_error);
      return NULL;
    }

  g_assert_nonnull (two_pass);
  g_assert_cmpuint (two_pass->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    g_assert_true (salvage_trash_item_equal (g_ptr_array_index (items, i),
                                             g_ptr_array_index (two_pass, i)));

  return items;
}

/* Parses a Trash body that must be refused, and returns the message. */
static char *
trash_error (const char *text)
{
  g_autoptr(GBytes) body = json_bytes (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  items = parse_trash_both_ways (body, &error);
  g_assert_null (items);
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");

  return g_strdup (error->message);
}

static GPtrArray *
trash_ok (const char *text)
{
  g_autoptr(GBytes) body = json_bytes (text);
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = parse_trash_both_ways (body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);

  return items;
}

/*
 * F1: key check
 */

static void
test_key_check (void)
{
  static const struct {
    const char *body;
    int         code;  /* -1: success */
  } cases[] = {
    { "{\"welcome\": \"Welcome to the Roboflow API.\", \"instructions\": \"https://docs\","
      " \"docs\": \"https://docs.roboflow.com\", \"workspace\": \"my-workspace\"}", -1 },
    { "null", SALVAGE_ERROR_INVALID_KEY },
    { "{}", SALVAGE_ERROR_INVALID_KEY },
    { "{\"workspace\": \"\"}", SALVAGE_ERROR_INVALID_KEY },
    { "{\"workspace\": null}", SALVAGE_ERROR_INVALID_KEY },
    { "{\"workspace\": 5}", SALVAGE_ERROR_BAD_RESPONSE },
    { "{\"workspace\": {\"url\": \"x\"}}", SALVAGE_ERROR_BAD_RESPONSE },
    { "[\"my-workspace\"]", SALVAGE_ERROR_BAD_RESPONSE },
    { "\"my-workspace\"", SALVAGE_ERROR_BAD_RESPONSE },
    { "", SALVAGE_ERROR_BAD_RESPONSE },
    { "Unauthorized", SALVAGE_ERROR_BAD_RESPONSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autofree char *workspace = NULL;

      workspace = salvage_parse_key_check (body, &error);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (workspace, ==, "my-workspace");
        }
      else
        {
          g_assert_error (error, SALVAGE_ERROR, cases[i].code);
          g_assert_null (workspace);
        }
    }
}

/*
 * F2: workspace
 */

static const char f2_workspace[] =
  "{\"workspace\": {\"name\": \"my-workspace\", \"url\": \"my-workspace\", \"members\": 1,"
  "  \"projects\": [{"
  "    \"id\": \"my-workspace/test-project\", \"type\": \"object-detection\","
  "    \"name\": \"Hard Hat Sample\", \"created\": 1593802673.521, \"updated\": 1663269501.654,"
  "    \"images\": 100, \"unannotated\": 3, \"annotation\": \"Workers\", \"versions\": 2,"
  "    \"public\": false, \"splits\": {\"train\": 70, \"test\": 10, \"valid\": 20},"
  "    \"colors\": {\"head\": \"#8622FF\", \"person\": \"#FF00FF\", \"helmet\": \"#C7FC00\"},"
  "    \"classes\": {\"person\": 9, \"helmet\": 287, \"head\": 90}}]}}";

static void
test_workspace_f2 (void)
{
  g_autoptr(GBytes) body = json_bytes (f2_workspace);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autofree char *name = NULL;
  SalvageProject *project;
  GDateTime *created;

  projects = salvage_parse_workspace (body, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "my-workspace");
  g_assert_cmpuint (projects->len, ==, 1);

  project = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (salvage_project_get_id (project), ==, "my-workspace/test-project");
  g_assert_cmpstr (salvage_project_get_slug (project), ==, "test-project");
  g_assert_cmpstr (salvage_project_get_name (project), ==, "Hard Hat Sample");
  g_assert_cmpstr (salvage_project_get_project_type (project), ==, "object-detection");
  g_assert_cmpstr (salvage_project_get_annotation (project), ==, "Workers");
  g_assert_cmpint (salvage_project_get_images (project), ==, 100);
  g_assert_cmpint (salvage_project_get_unannotated (project), ==, 3);
  g_assert_cmpint (salvage_project_get_version_count (project), ==, 2);
  g_assert_false (salvage_project_get_public (project));

  created = salvage_project_get_created (project);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_to_unix (created), ==, 1593802673);
  g_assert_cmpint (g_date_time_get_microsecond (created), ==, 521000);
  g_assert_cmpint (g_date_time_to_unix (salvage_project_get_updated (project)), ==, 1663269501);
}

static void
test_workspace_variants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GBytes) minimal = NULL;
  g_autoptr(GBytes) loose = NULL;
  g_autofree char *name = NULL;
  SalvageProject *project;

  /* tests/test_workspace.py::_make_workspace of the SDK */
  minimal = json_bytes ("{\"workspace\": {\"name\": \"Test\", \"projects\": [],"
                        " \"url\": \"test-ws\"}}");
  projects = salvage_parse_workspace (minimal, &name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (projects);
  g_assert_cmpuint (projects->len, ==, 0);
  g_assert_cmpstr (name, ==, "Test");
  g_clear_pointer (&projects, g_ptr_array_unref);
  g_clear_pointer (&name, g_free);

  /* A project known only by url, and optional fields of the wrong type,
   * which are dropped without losing the project. */
  loose = json_bytes ("{\"workspace\": {\"url\": \"ws\", \"projects\": ["
                      " {\"url\": \"only-url\"},"
                      " {\"id\": \"ws/odd\", \"name\": 5, \"images\": \"100\", \"public\": \"yes\","
                      "  \"created\": \"last tuesday\", \"unannotated\": -4,"
                      " \"versions\": [1, 2, 3],"
                      "  \"annotation\": null, \"type\": []}]}}");
  projects = salvage_parse_workspace (loose, &name, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 2);
  g_assert_cmpstr (name, ==, "ws");

  project = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (salvage_project_get_slug (project), ==, "only-url");
  g_assert_cmpstr (salvage_project_get_id (project), ==, "ws/only-url");
  g_assert_cmpstr (salvage_project_get_name (project), ==, "only-url");
  g_assert_cmpint (salvage_project_get_images (project), ==, -1);
  g_assert_null (salvage_project_get_created (project));

  project = g_ptr_array_index (projects, 1);
  g_assert_cmpstr (salvage_project_get_slug (project), ==, "odd");
  g_assert_cmpstr (salvage_project_get_name (project), ==, "odd");
  g_assert_cmpint (salvage_project_get_images (project), ==, -1);
  g_assert_cmpint (salvage_project_get_unannotated (project), ==, -1);
  g_assert_cmpint (salvage_project_get_version_count (project), ==, 3);
  g_assert_false (salvage_project_get_public (project));
  g_assert_null (salvage_project_get_created (project));
  g_assert_null (salvage_project_get_annotation (project));
  g_assert_null (salvage_project_get_project_type (project));
}

static void
test_workspace_malformed (void)
{
  static const struct {
    const char *body;
    const char *says;
  } cases[] = {
    { "{\"workspace\": {\"name\": \"x\"}}", "projects" },
    { "{\"workspace\": {\"projects\": {}}}", "“projects” is not a list" },
    { "{\"workspace\": {\"projects\": null}}", "“projects” is not a list" },
    { "{\"workspace\": {\"projects\": [1]}}", "not an object" },
    { "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\"}, \"ws/b\"]}}", "Project 2" },
    { "{\"workspace\": {\"projects\": [{\"name\": \"no id\"}]}}", "“id”" },
    { "{\"workspace\": {\"projects\": [{\"id\": 42}]}}", "“id”" },
    { "{\"workspace\": {\"projects\": [{\"id\": \"\", \"url\": \"\"}]}}", "“id”" },
    { "{\"workspace\": \"my-workspace\"}", "workspace" },
    { "{}", "workspace" },
    { "[]", "not an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i].body);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) projects = NULL;
      g_autofree char *name = NULL;

      projects = salvage_parse_workspace (body, &name, &error);
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (projects);
      g_assert_null (name);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/*
 * F3: project with versions
 */

static const char f3_project[] =
  "{\"workspace\": {\"name\": \"my-workspace\", \"url\": \"my-workspace\", \"members\": 1},"
  " \"project\": {\"id\": \"my-workspace/test-project\", \"type\": \"object-detection\","
  "   \"name\": \"Hard Hat Sample\", \"created\": 1593802673.521, \"updated\": 1663269501.654,"
  "   \"images\": 100, \"unannotated\": 3, \"annotation\": \"Workers\", \"versions\": 2,"
  "   \"public\": false, \"splits\": {}, \"colors\": {}, \"classes\": {}},"
  " \"versions\": ["
  "  {\"id\": \"my-workspace/test-project/1\", \"name\": \"augmented-416x416\","
  "   \"created\": 1663104679.539, \"images\": 240,"
  "   \"splits\": {\"train\": 210, \"test\": 10, \"valid\": 20},"
  "   \"preprocessing\": {\"resize\": {\"height\": \"416\", \"width\": \"416\", \"enabled\": true,"
  "      \"format\": \"Stretch to\"}, \"auto-orient\": {\"enabled\": true}},"
  "   \"augmentation\": {\"blur\": {\"enabled\": true, \"pixels\": 1.5},"
  "      \"image\": {\"enabled\": true, \"versions\": 3}, \"rotate\": {\"degrees\": 15,"
  " \"enabled\": true},"
  "      \"crop\": {\"enabled\": true, \"percent\": 40, \"min\": 0},"
  "      \"flip\": {\"horizontal\": true, \"vertical\": false, \"enabled\": true}},"
  "   \"exports\": []},"
  "  {\"id\": \"my-workspace/test-project/1\", \"name\": \"raw\", \"created\": 1663104679.538,"
  "   \"images\": 100, \"splits\": {\"train\": 70, \"test\": 10, \"valid\": 20},"
  "   \"preprocessing\": {}, \"augmentation\": {}, \"exports\": []}]}";

static void
test_project_f3 (void)
{
  g_autoptr(GBytes) body = json_bytes (f3_project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(SalvageProject) project = NULL;
  SalvageVersion *version;

  versions = salvage_parse_project (body, "test-project", &project, &error);
  g_assert_no_error (error);

  /* The fixture repeats id …/1: it is one version, the first one listed. */
  g_assert_cmpuint (versions->len, ==, 1);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (salvage_version_get_id (version), ==, "my-workspace/test-project/1");
  g_assert_cmpstr (salvage_version_get_number (version), ==, "1");
  g_assert_cmpstr (salvage_version_get_project_slug (version), ==, "test-project");
  g_assert_cmpstr (salvage_version_get_name (version), ==, "augmented-416x416");
  g_assert_cmpint (salvage_version_get_images (version), ==, 240);
  g_assert_cmpint (g_date_time_to_unix (salvage_version_get_created (version)), ==, 1663104679);

  g_assert_nonnull (project);
  g_assert_cmpstr (salvage_project_get_slug (project), ==, "test-project");
  g_assert_cmpstr (salvage_project_get_name (project), ==, "Hard Hat Sample");
  g_assert_cmpint (salvage_project_get_version_count (project), ==, 2);
}

static void
test_project_sorting (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(SalvageProject) project = NULL;
  static const char *expected[] = { "1", "2", "3", "10", "beta" };

  /* Out of order, with bare and numeric ids and no "project" object. */
  body = json_bytes ("{\"versions\": ["
                     " {\"id\": \"ws/proj/10\"}, {\"id\": \"ws/proj/beta\"},"
                     " {\"id\": \"ws/proj/2\"},"
                     " {\"id\": 3, \"name\": \"numeric\"}, {\"id\": \"ws/proj/1\"},"
                     " {\"id\": \"ws/proj/2\"}]}");
  versions = salvage_parse_project (body, "fallback", &project, &error);
  g_assert_no_error (error);
  g_assert_null (project);
  g_assert_cmpuint (versions->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < versions->len; i++)
    {
      SalvageVersion *version = g_ptr_array_index (versions, i);

      g_assert_cmpstr (salvage_version_get_number (version), ==, expected[i]);
      if (g_str_equal (expected[i], "3"))
        g_assert_cmpstr (salvage_version_get_project_slug (version), ==, "fallback");
      else
        g_assert_cmpstr (salvage_version_get_project_slug (version), ==, "proj");
    }
}

static void
test_project_malformed (void)
{
  static const char *cases[] = {
    "{\"project\": {\"id\": \"ws/p\", \"versions\": 2}}",
    "{\"versions\": 2}",
    "{\"versions\": {\"1\": {}}}",
    "{\"versions\": [{\"name\": \"no id\"}]}",
    "{\"versions\": [{\"id\": 1.5}]}",
    "{\"versions\": [{\"id\": \"ws/p/1\"}, null]}",
    "[{\"id\": \"ws/p/1\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) versions = NULL;
      g_autoptr(SalvageProject) project = NULL;

      versions = salvage_parse_project (body, "p", &project, &error);
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (versions);
      g_assert_null (project);
    }
}

/*
 * Trainings (§2.15)
 */

static void
test_trainings (void)
{
  static const struct {
    const char *prefix;
    const char *suffix;
  } wrappings[] = {
    { "{\"trainings\": [", "]}" },
    { "[", "]" },
  };
  static const char entries[] =
    "{\"id\": \"run-1\", \"versionId\": \"ws/proj/3\", \"status\": \"running\","
    " \"start\": \"2026-04-01T10:00:00Z\", \"end\": null, \"jobType\": \"train\","
    " \"modelType\": \"rfdetr-base\", \"modelGroup\": \"g\", \"modelIds\": []},"
    "{\"id\": \"run-2\", \"status\": \"finished\", \"start\": 1775037600, \"end\": 1775041200.5},"
    "{\"id\": \"run-3\", \"status\": \"mystery\"},"
    "{\"id\": \"run-4\", \"status\": \"mystery\", \"end\": \"2026-04-02\"},"
    "{\"id\": 5, \"status\": 7}";

  for (guint w = 0; w < G_N_ELEMENTS (wrappings); w++)
    {
      g_autofree char *text = g_strconcat (wrappings[w].prefix, entries, wrappings[w].suffix, NULL);
      g_autoptr(GBytes) body = json_bytes (text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) trainings = NULL;
      g_autoptr(GDateTime) start = utc (2026, 4, 1, 10, 0, 0);
      SalvageTraining *training;

      trainings = salvage_parse_trainings (body, "proj", "3", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trainings->len, ==, 5);

      training = g_ptr_array_index (trainings, 0);
      g_assert_cmpstr (salvage_training_get_id (training), ==, "run-1");
      g_assert_cmpstr (salvage_training_get_project_slug (training), ==, "proj");
      g_assert_cmpstr (salvage_training_get_version_number (training), ==, "3");
      g_assert_cmpstr (salvage_training_get_status (training), ==, "running");
      g_assert_cmpstr (salvage_training_get_model_type (training), ==, "rfdetr-base");
      g_assert_cmpstr (salvage_training_get_job_type (training), ==, "train");
      assert_date_equal (salvage_training_get_started (training), start);
      g_assert_null (salvage_training_get_finished (training));
      g_assert_true (salvage_training_is_in_progress (training));

      training = g_ptr_array_index (trainings, 1);
      assert_date_equal (salvage_training_get_started (training), start);
      g_assert_cmpint (g_date_time_get_microsecond (salvage_training_get_finished (training)),
                       ==, 500000);
      g_assert_false (salvage_training_is_in_progress (training));

      /* An unknown word says nothing: only the missing end does. */
      g_assert_true (salvage_training_is_in_progress (g_ptr_array_index (trainings, 2)));
      g_assert_false (salvage_training_is_in_progress (g_ptr_array_index (trainings, 3)));

      training = g_ptr_array_index (trainings, 4);
      g_assert_cmpstr (salvage_training_get_id (training), ==, "5");
      g_assert_null (salvage_training_get_status (training));
      g_assert_true (salvage_training_is_in_progress (training));
    }
}

static void
test_trainings_malformed (void)
{
  static const char *cases[] = {
    "{\"trainings\": {}}",
    "{\"runs\": []}",
    "{\"trainings\": [{\"status\": \"running\"}]}",
    "{\"trainings\": [\"run-1\"]}",
    "42",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) trainings = NULL;

      trainings = salvage_parse_trainings (body, "proj", "3", &error);
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (trainings);
    }
}

/*
 * F10: workflows
 */

static void
test_workflows (void)
{
  static const char *bodies[] = {
    "{\"workflows\": [{\"name\": \"My Workflow\", \"url\": \"my-workflow\","
    " \"status\": \"active\"},"
    " {\"url\": \"nameless\", \"id\": \"wf_1\", \"created\": \"2026-01-01\"}]}",
    "[{\"name\": \"My Workflow\", \"url\": \"my-workflow\", \"status\": \"active\"},"
    " {\"url\": \"nameless\", \"id\": \"wf_1\", \"created\": \"2026-01-01\"}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = json_bytes (bodies[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) workflows = NULL;
      g_autoptr(GDateTime) created = utc (2026, 1, 1, 0, 0, 0);
      SalvageWorkflow *workflow;

      workflows = salvage_parse_workflows (body, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (workflows->len, ==, 2);

      workflow = g_ptr_array_index (workflows, 0);
      g_assert_cmpstr (salvage_workflow_get_name (workflow), ==, "My Workflow");
      g_assert_cmpstr (salvage_workflow_get_url (workflow), ==, "my-workflow");
      g_assert_cmpstr (salvage_workflow_get_status (workflow), ==, "active");
      g_assert_null (salvage_workflow_get_id (workflow));
      g_assert_null (salvage_workflow_get_created (workflow));

      workflow = g_ptr_array_index (workflows, 1);
      g_assert_cmpstr (salvage_workflow_get_name (workflow), ==, "nameless");
      g_assert_cmpstr (salvage_workflow_get_id (workflow), ==, "wf_1");
      assert_date_equal (salvage_workflow_get_created (workflow), created);
    }
}

/* No workflow date is evidenced: each spelling the API uses for dates
 * elsewhere is read, ISO 8601 or epoch seconds, and a dash (NULL) is left
 * only when there is none. */
static void
test_workflow_dates (void)
{
  static const struct {
    const char *entry;
    gboolean    has_created;
    gboolean    has_updated;
  } cases[] = {
    { "\"created\": \"2026-11-27T10:00:00Z\"", TRUE, FALSE },
    { "\"createdAt\": \"2026-11-27T10:00:00.000Z\"", TRUE, FALSE },
    { "\"created_at\": 1795773600", TRUE, FALSE },
    { "\"createdAt\": 1795773600.0, \"updatedAt\": \"2026-11-27T10:00:00Z\"", TRUE, TRUE },
    { "\"updated_at\": \"2026-11-27T10:00:00+00:00\"", FALSE, TRUE },
    { "\"createdAt\": {\"_seconds\": 1795773600, \"_nanoseconds\": 0}", TRUE, FALSE },
    /* One spelling that says nothing usable does not hide another. */
    { "\"created\": \"yesterday\", \"createdAt\": \"2026-11-27T10:00:00Z\"", TRUE, FALSE },
    { "\"created\": null, \"created_at\": \"2026-11-27T10:00:00Z\"", TRUE, FALSE },
    /* Of the wrong type, or missing: no date. */
    { "\"createdAt\": true, \"updatedAt\": [1]", FALSE, FALSE },
    { "\"CreatedAt\": \"2026-11-27T10:00:00Z\"", FALSE, FALSE },
  };
  g_autoptr(GDateTime) expected = utc (2026, 11, 27, 10, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"workflows\": [{\"url\": \"w\", %s}]}",
                                               cases[i].entry);
      g_autoptr(GBytes) body = json_bytes (json);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) workflows = NULL;
      SalvageWorkflow *workflow;

      g_test_message ("%s", json);
      workflows = salvage_parse_workflows (body, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (workflows->len, ==, 1);
      workflow = g_ptr_array_index (workflows, 0);

      if (cases[i].has_created)
        assert_date_equal (salvage_workflow_get_created (workflow), expected);
      else
        g_assert_null (salvage_workflow_get_created (workflow));

      if (cases[i].has_updated)
        assert_date_equal (salvage_workflow_get_updated (workflow), expected);
      else
        g_assert_null (salvage_workflow_get_updated (workflow));
    }
}

static void
test_workflows_malformed (void)
{
  static const char *cases[] = {
    "{\"workflows\": [{\"name\": \"no url\"}]}",
    "{\"workflows\": [{\"url\": 12}]}",
    "{\"workflows\": [{\"url\": \"ok\"}, []]}",
    "{\"workflows\": \"none\"}",
    "{\"workflow\": {\"url\": \"my-wf\"}}",
    "\"my-wf\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) workflows = NULL;

      workflows = salvage_parse_workflows (body, &error);
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (workflows);
    }
}

/*
 * F5–F7: Trash
 */

static void
test_trash_f5 (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) april_first = utc (2026, 4, 1, 0, 0, 0);
  g_autoptr(GDateTime) may_first = utc (2026, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) mid_april = utc (2026, 4, 15, 12, 0, 0);
  g_autofree char *display = NULL;
  SalvageTrashItem *item;

  items = trash_ok ("{\"items\": ["
                    " {\"type\": \"project\", \"id\": \"d1\", \"name\": \"My Project\","
                    "  \"deletedAt\": \"2026-04-01\", \"scheduledCleanupAt\": \"2026-05-01\","
                    "  \"deletedByName\": \"Alice\"},"
                    " {\"type\": \"version\", \"id\": \"3\", \"name\": \"v3\","
                    "  \"parentName\": \"My Project\", \"parentUrl\": \"my-proj\","
                    "  \"deletedAt\": \"2026-04-02\", \"scheduledCleanupAt\": \"2026-05-02\","
                    "  \"deletedByName\": \"Bob\"}],"
                    " \"sections\": {}}");
  g_assert_cmpuint (items->len, ==, 2);

  item = trash_at (items, 0);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "project");
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "d1");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "My Project");
  assert_date_equal (salvage_trash_item_get_deleted_at (item), april_first);
  assert_date_equal (salvage_trash_item_get_scheduled_cleanup_at (item), may_first);
  g_assert_cmpstr (salvage_trash_item_get_deleter (item), ==, "Alice");
  g_assert_true (salvage_trash_item_get_restorable (item));
  g_assert_cmpstr (salvage_trash_item_get_restore_type (item), ==, "project");
  /* 15.5 days to go shows as 16. */
  g_assert_cmpint (salvage_trash_item_get_days_left (item, mid_april), ==, 16);

  item = trash_at (items, 1);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "3");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "v3");
  g_assert_cmpstr (salvage_trash_item_get_parent_name (item), ==, "My Project");
  g_assert_cmpstr (salvage_trash_item_get_parent_url (item), ==, "my-proj");
  g_assert_null (salvage_trash_item_get_parent_id (item));
  g_assert_cmpstr (salvage_trash_item_get_deleted_by_name (item), ==, "Bob");
  g_assert_cmpstr (salvage_trash_item_get_restore_type (item), ==, "version");
  g_assert_cmpint (salvage_trash_item_get_days_left (item, mid_april), ==, 17);
  /* The name already says "v3": it is not said twice. */
  display = salvage_trash_item_dup_display_name (item);
  g_assert_cmpstr (display, ==, "My Project › v3");
}

static void
test_trash_empty (void)
{
  static const char *cases[] = {
    "{\"items\": [], \"sections\": {}}",
    "{\"items\": [], \"sections\": {\"projects\": [], \"versions\": [], \"workflows\": []}}",
    "{}",
    "{\"items\": null, \"sections\": null}",
    "{\"items\": [], \"sections\": []}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = trash_ok (cases[i]);

      g_assert_cmpuint (items->len, ==, 0);
    }
}

static void
test_trash_f6 (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *key = NULL;
  SalvageTrashItem *item;

  items = trash_ok ("{\"items\": [], \"sections\": {"
                    " \"projects\": [{\"id\": \"p_id\", \"url\": \"my-proj\","
                    " \"name\": \"my-proj\"}],"
                    " \"versions\": [{\"id\": \"1\", \"parentUrl\": \"my-proj\","
                    " \"parentId\": \"p_id\","
                    "   \"name\": \"v1\"}],"
                    " \"workflows\": [{\"id\": \"wf_id\", \"url\": \"my-wf\","
                    " \"name\": \"My WF\"}]}}");
  g_assert_cmpuint (items->len, ==, 3);

  item = trash_at (items, 0);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "project");
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "my-proj");
  g_assert_null (salvage_trash_item_get_deleted_at (item));
  g_assert_cmpint (salvage_trash_item_get_days_left (item, NULL), ==, -1);

  item = trash_at (items, 1);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, "p_id");
  g_assert_cmpstr (salvage_trash_item_get_parent_url (item), ==, "my-proj");
  key = salvage_trash_item_dup_key (item);
  g_assert_cmpstr (key, ==, "version\x1f" "1\x1fp_id");

  item = trash_at (items, 2);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_WORKFLOW);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "wf_id");
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "my-wf");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "My WF");
  g_assert_cmpstr (salvage_trash_item_get_restore_type (item), ==, "workflow");
}

static void
test_trash_f7 (void)
{
  static const struct {
    const char       *body;
    SalvageTrashKind  kind;
    const char       *id;
    const char       *parent_id;
  } cases[] = {
    { "{\"sections\": {\"projects\": [{\"id\": \"abc123\", \"url\": \"my-proj\","
      " \"name\": \"My Project\"}]}}", SALVAGE_TRASH_KIND_PROJECT, "abc123", NULL },
    { "{\"sections\": {\"versions\": [{\"id\": \"3\", \"parentId\": \"proj-id-123\","
      " \"parentUrl\": \"my-proj\", \"name\": \"v3\"}]}}",
      SALVAGE_TRASH_KIND_VERSION, "3", "proj-id-123" },
    { "{\"sections\": {\"workflows\": [{\"id\": \"wf_abc123\", \"url\": \"slow-webhooks\","
      " \"name\": \"Slow Webhooks\"}]}}", SALVAGE_TRASH_KIND_WORKFLOW, "wf_abc123", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) items = trash_ok (cases[i].body);
      SalvageTrashItem *item;

      g_assert_cmpuint (items->len, ==, 1);
      item = trash_at (items, 0);
      g_assert_cmpint (salvage_trash_item_get_kind (item), ==, cases[i].kind);
      g_assert_cmpstr (salvage_trash_item_get_id (item), ==, cases[i].id);
      g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, cases[i].parent_id);
      g_assert_true (salvage_trash_item_get_restorable (item));
    }
}

/* What the real API sends: every record twice, once per part. */
/* The server writes "items" before "sections"; a body in another order,
 * or with a part twice, is read the same way, with "items" first. */
static void
test_trash_part_order (void)
{
  static const char items[] =
    "\"items\": [{\"type\": \"version\", \"id\": \"3\", \"name\": \"v3\", \"parentUrl\": \"my-proj\"},"
    "            {\"type\": \"project\", \"id\": \"p_id\", \"name\": \"My Project\"}]";
  static const char sections[] =
    "\"sections\": {\"projects\": [{\"id\": \"p_id\", \"url\": \"my-proj\", \"name\": \"Other\"}],"
    "               \"versions\": [{\"id\": \"3\", \"parentUrl\": \"my-proj\", \"parentId\": \"p_id\"}]}";
  g_autofree char *usual = g_strdup_printf ("{%s, %s}", items, sections);
  g_autofree char *reversed = g_strdup_printf ("{%s, %s}", sections, items);
  g_autofree char *twice = g_strdup_printf ("{\"items\": [], %s, %s}", items, sections);
  g_autoptr(GPtrArray) first = trash_ok (usual);
  g_autoptr(GPtrArray) second = trash_ok (reversed);
  g_autoptr(GPtrArray) third = trash_ok (twice);

  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (salvage_trash_item_get_name (trash_at (first, 1)), ==, "My Project");
  g_assert_cmpstr (salvage_trash_item_get_parent_id (trash_at (first, 0)), ==, "p_id");
  for (guint i = 0; i < first->len; i++)
    {
      g_assert_true (salvage_trash_item_equal (trash_at (first, i), trash_at (second, i)));
      g_assert_true (salvage_trash_item_equal (trash_at (first, i), trash_at (third, i)));
    }
}

/* A listing holds the same entries as the items, its strings in one block
 * of its own: an item made from it keeps it alive, and nothing of the body
 * is kept. */
static void
test_trash_listing (void)
{
  static const char text[] =
    "{\"items\": [{\"type\": \"project\", \"id\": \"p_id\", \"name\": \"My \\u00e9 Project\","
    "             \"deletedAt\": \"2026-04-01T10:00:00.250Z\"},"
    "            {\"type\": \"version\", \"id\": 3, \"parentUrl\": \"my-proj\"}],"
    " \"sections\": {\"versions\": [{\"id\": \"3\", \"parentUrl\": \"my-proj\", \"parentId\": \"p_id\","
    "                               \"parentName\": \"My Project\"}]}}";
  g_autoptr(GPtrArray) items = trash_ok (text);
  g_autoptr(SalvageTrashListing) listing = NULL;
  g_autoptr(SalvageTrashItem) first = NULL;
  g_autoptr(SalvageTrashItem) second = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *body = json_bytes (text);
  const SalvageTrashRecord *record;

  listing = salvage_parse_trash_listing (body, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (salvage_trash_listing_get_n_records (listing), ==, items->len);

  /* The body goes; the records do not need it. */
  g_bytes_unref (body);
  record = salvage_trash_listing_get_record (listing, 1);
  g_assert_cmpstr (record->id.str, ==, "3");
  g_assert_cmpstr (record->parent_id.str, ==, "p_id");
  g_assert_cmpstr (record->parent_name.str, ==, "My Project");
  g_assert_null (record->name.str);

  first = salvage_trash_listing_make_item (listing, 0);
  second = salvage_trash_listing_make_item (listing, 1);
  g_clear_pointer (&listing, salvage_trash_listing_unref);

  g_assert_true (salvage_trash_item_equal (first, trash_at (items, 0)));
  g_assert_true (salvage_trash_item_equal (second, trash_at (items, 1)));
  g_assert_cmpstr (salvage_trash_item_get_name (first), ==, "My \u00e9 Project");
  g_assert_cmpstr (salvage_trash_item_get_name (second), ==, "3");
  g_assert_cmpint (g_date_time_get_microsecond (salvage_trash_item_get_deleted_at (first)), ==, 250000);
}

static void
test_trash_merge (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) deleted = utc (2026, 4, 1, 10, 0, 0);
  SalvageTrashItem *item;

  items = trash_ok (
    "{\"items\": ["
    "  {\"type\": \"version\", \"id\": \"3\", \"name\": \"v3\", \"parentUrl\": \"my-proj\","
    "   \"deletedAt\": \"2026-04-01T10:00:00Z\", \"deletedByName\": \"Bob\"},"
    "  {\"type\": \"project\", \"id\": \"p_id\", \"name\": \"My Project\","
    "   \"deletedAt\": \"2026-04-01T10:00:00Z\"},"
    "  {\"type\": \"version\", \"id\": \"3\", \"name\": \"v3 of other\", \"parentId\": \"q_id\","
    "   \"parentUrl\": \"other-proj\"},"
    "  {\"type\": \"project\", \"id\": \"p_id\", \"deletedBy\": \"user-7\"}"
    " ],"
    " \"sections\": {"
    "  \"versions\": [{\"id\": \"3\", \"parentUrl\": \"my-proj\", \"parentId\": \"p_id\"},"
    "                 {\"id\": 3, \"parentId\": \"q_id\"}],"
    "  \"projects\": [{\"id\": \"p_id\", \"url\": \"my-proj\", \"name\": \"Other Name\"}]"
    " }}");

  /* Six entries, three records, in the order first seen. */
  g_assert_cmpuint (items->len, ==, 3);

  item = trash_at (items, 0);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_VERSION);
  g_assert_cmpstr (salvage_trash_item_get_parent_url (item), ==, "my-proj");
  g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, "p_id");
  g_assert_cmpstr (salvage_trash_item_get_deleter (item), ==, "Bob");
  assert_date_equal (salvage_trash_item_get_deleted_at (item), deleted);

  item = trash_at (items, 1);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "My Project");
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "my-proj");
  g_assert_cmpstr (salvage_trash_item_get_deleted_by (item), ==, "user-7");
  assert_date_equal (salvage_trash_item_get_deleted_at (item), deleted);

  /* The same number in another project is another record. */
  item = trash_at (items, 2);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "3");
  g_assert_cmpstr (salvage_trash_item_get_parent_id (item), ==, "q_id");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "v3 of other");
}

static void
test_trash_merge_recreated_slug (void)
{
  g_autoptr(GPtrArray) items = NULL;

  /* A project trashed, recreated under the same slug and trashed again:
   * its versions share number and parentUrl but not parentId. */
  items = trash_ok ("{\"sections\": {\"versions\": ["
                    " {\"id\": \"1\", \"parentUrl\": \"my-proj\", \"parentId\": \"old\"},"
                    " {\"id\": \"1\", \"parentUrl\": \"my-proj\", \"parentId\": \"new\"}]}}");
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (salvage_trash_item_get_parent_id (trash_at (items, 0)), ==, "old");
  g_assert_cmpstr (salvage_trash_item_get_parent_id (trash_at (items, 1)), ==, "new");
}

/* One entry with fields drawn from a few values each, so that keys meet:
 * the same number under the same or another parent, parents known by id,
 * by url or not at all. */
static void
append_colliding_entry (GString *out,
                        GRand   *rand,
                        gboolean with_type,
                        guint    kind)
{
  static const char *types[] = { "project", "version", "training", "workflow", "model" };
  static const char *ids[] = { "1", "2", "p_1" };
  static const char *parent_ids[] = { "pa", "pb", NULL };
  static const char *parent_urls[] = { "x", "y", NULL };

  g_string_append_printf (out, "{\"id\": \"%s\"", ids[g_rand_int_range (rand, 0, G_N_ELEMENTS (ids))]);
  if (with_type)
    g_string_append_printf (out, ", \"type\": \"%s\"", types[kind]);
  if (g_rand_boolean (rand) && parent_ids[g_rand_int_range (rand, 0, 3)] != NULL)
    g_string_append_printf (out, ", \"parentId\": \"%s\"", parent_ids[g_rand_int_range (rand, 0, 2)]);
  if (g_rand_boolean (rand) && parent_urls[g_rand_int_range (rand, 0, 3)] != NULL)
    g_string_append_printf (out, ", \"parentUrl\": \"%s\"", parent_urls[g_rand_int_range (rand, 0, 2)]);
  if (g_rand_boolean (rand))
    g_string_append_printf (out, ", \"name\": \"n%u\"", g_rand_int_range (rand, 0, 4));
  if (g_rand_boolean (rand))
    g_string_append_printf (out, ", \"deletedByName\": \"d%u\"", g_rand_int_range (rand, 0, 4));
  g_string_append_c (out, '}');
}

static void
test_trash_merge_random (void)
{
  static const char *sections[] = { "projects", "versions", "trainings", "workflows", "models" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  /* Sections matched by guessing the record after the last one found
   * must merge exactly as the index alone does (reading in two passes
   * never guesses). */
  for (guint round = 0; round < 1500; round++)
    {
      g_autoptr(GString) out = g_string_new ("{\"items\": [");
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GPtrArray) items = NULL;
      guint n_items = g_rand_int_range (rand, 0, 8);

      for (guint i = 0; i < n_items; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_colliding_entry (out, rand, TRUE, g_rand_int_range (rand, 0, G_N_ELEMENTS (sections)));
        }
      g_string_append (out, "], \"sections\": {");
      for (guint k = 0; k < G_N_ELEMENTS (sections); k++)
        {
          guint n_entries = g_rand_int_range (rand, 0, 6);

          g_string_append_printf (out, "%s\"%s\": [", k > 0 ? ", " : "", sections[k]);
          for (guint i = 0; i < n_entries; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_colliding_entry (out, rand, FALSE, k);
            }
          g_string_append_c (out, ']');
        }
      g_string_append (out, "}}");

      body = g_bytes_new (out->str, out->len);
      check_fed = round % 10 == 0;
      items = parse_trash_both_ways (body, NULL);
      g_assert_nonnull (items);
    }

  check_fed = TRUE;
}

#ifdef __SANITIZE_ADDRESS__
/* AddressSanitizer aborts on an allocation it cannot make, where malloc
 * returns NULL: /parse/trash/fed-no-room needs malloc's behaviour. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "allocator_may_return_null=1";
}
#endif

/* A feed that cannot take its room (here, more than any address space)
 * fails at once, with words for a person, rather than aborting: its
 * writer finds no room, its reader the error. */
static void
test_trash_fed_no_room (void)
{
  g_autoptr(SalvageBodyFeed) feed = salvage_body_feed_new (G_MAXSIZE / 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reader_error = NULL;
  gboolean complete = FALSE;
  const char *data = NULL;
  gsize len = 0;
  gsize room = 1;

  salvage_body_feed_get_room (feed, &room);
  g_assert_cmpuint (room, ==, 0);
  g_assert_true (salvage_body_feed_get_error (feed, &error));
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "memory"));

  g_assert_false (salvage_body_feed_wait (feed, 4, &data, &len, &complete, &reader_error));
  g_assert_error (reader_error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_clear_error (&reader_error);
  g_assert_null (salvage_parse_trash_listing_from_feed (feed, &reader_error));
  g_assert_error (reader_error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
}

static void
test_trash_fed_edges (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *message = NULL;

  /* Read while they arrive, a byte at a time among others: a number
   * that may go on in the next bytes, and the end of the top object,
   * after which more may come. */
  items = trash_ok ("{\"items\": [{\"id\": \"a\", \"type\": \"project\"}], \"total\": 12345,"
                    " \"sections\": {\"projects\": [{\"id\": \"a\", \"url\": \"u\"}]}, \"n\": 7}");
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (salvage_trash_item_get_url (trash_at (items, 0)), ==, "u");

  message = trash_error ("{\"items\": [], \"sections\": {}}  {\"items\": []}");
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);
  message = trash_error ("{\"items\": [], \"sections\": {}} 1");
  g_assert_nonnull (message);
}

static void
test_trash_datasets (void)
{
  g_autoptr(GPtrArray) items = NULL;
  SalvageTrashItem *item;

  /* The section's old name, and the old item type, are still projects. */
  items = trash_ok ("{\"items\": [{\"type\": \"dataset\", \"id\": \"d_abc123\", \"name\": \"Old\","
                    "             \"deletedAt\": \"2026-04-01\"}],"
                    " \"sections\": {\"datasets\": [{\"id\": \"d_abc123\", \"url\": \"old\"},"
                    "                               {\"id\": \"d_2\", \"url\": \"second\"}]}}");
  g_assert_cmpuint (items->len, ==, 2);

  item = trash_at (items, 0);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "dataset");
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "old");
  g_assert_cmpstr (salvage_trash_item_get_restore_type (item), ==, "project");
  g_assert_nonnull (salvage_trash_item_get_deleted_at (item));

  item = trash_at (items, 1);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_PROJECT);
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "second");
  g_assert_true (salvage_trash_item_get_restorable (item));
}

static void
test_trash_unknown (void)
{
  g_autoptr(GPtrArray) items = NULL;
  SalvageTrashItem *item;

  items = trash_ok ("{\"items\": [{\"type\": \"model\", \"id\": \"m1\", \"name\": \"Detector\","
                    "             \"deletedAt\": \"2026-04-01\"}],"
                    " \"sections\": {\"models\": [{\"id\": \"m1\", \"url\": \"detector\"}],"
                    "              \"galleries\": [{\"id\": \"g1\"}],"
                    "              \"annotations\": [{\"id\": \"a1\", \"type\": \"label-job\"}],"
                    "              \"total\": 3}}");
  g_assert_cmpuint (items->len, ==, 3);

  /* Listed with what is known, never offered for restore. */
  item = trash_at (items, 0);
  g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_OTHER);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "model");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "Detector");
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "detector");
  g_assert_false (salvage_trash_item_get_restorable (item));
  g_assert_null (salvage_trash_item_get_restore_type (item));

  item = trash_at (items, 1);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "gallery");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "g1");
  g_assert_false (salvage_trash_item_get_restorable (item));

  item = trash_at (items, 2);
  g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "label-job");
  g_assert_false (salvage_trash_item_get_restorable (item));
}

static void
test_trash_trainings (void)
{
  g_autoptr(GPtrArray) items = NULL;
  static const char *expected_versions[] = { "3", "4", "5", NULL };
  SalvageTrashItem *item;

  items = trash_ok ("{\"items\": ["
                    " {\"type\": \"training\", \"id\": \"run-a\", \"name\": \"Run A\","
                    "  \"parentId\": \"p_id\", \"parentUrl\": \"my-proj\","
                    " \"parentName\": \"My Project\","
                    "  \"versionNumber\": \"3\", \"deletedAt\": \"2026-04-01T10:00:00Z\"},"
                    " {\"type\": \"training\", \"id\": \"run-b\", \"version\": 4}],"
                    " \"sections\": {\"trainings\": ["
                    " {\"id\": \"run-a\", \"parentId\": \"p_id\"},"
                    " {\"id\": \"run-c\", \"versionId\": \"ws/my-proj/5\","
                    " \"parentUrl\": \"my-proj\"},"
                    " {\"id\": \"run-d\"}]}}");
  g_assert_cmpuint (items->len, ==, 4);

  for (guint i = 0; i < items->len; i++)
    {
      item = trash_at (items, i);
      g_assert_cmpint (salvage_trash_item_get_kind (item), ==, SALVAGE_TRASH_KIND_TRAINING);
      g_assert_cmpstr (salvage_trash_item_get_type_name (item), ==, "training");
      g_assert_cmpstr (salvage_trash_item_get_version_number (item), ==, expected_versions[i]);
      g_assert_true (salvage_trash_item_get_restorable (item));
      g_assert_cmpstr (salvage_trash_item_get_restore_type (item), ==, "training");
    }

  item = trash_at (items, 0);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "run-a");
  g_assert_cmpstr (salvage_trash_item_get_parent_name (item), ==, "My Project");
  g_assert_cmpstr (salvage_trash_item_get_parent_url (item), ==, "my-proj");
}

static void
test_trash_date_forms (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) expected = utc (2026, 4, 1, 10, 20, 30);
  static const char *forms[] = {
    "\"2026-04-01T10:20:30Z\"",
    "\"2026-04-01T12:20:30+02:00\"",
    "\"2026-04-01T10:20:30.000Z\"",
    "1775038830",
    "1775038830.0",
    "{\"_seconds\": 1775038830, \"_nanoseconds\": 0}",
    "{ \"_nanoseconds\" : 999 , \"_seconds\" : 1775038830 }",
    "{\"seconds\": 1775038830, \"nanoseconds\": 0, \"extra\": [{\"a\": [1, 2.5]}]}",
  };
  GString *text = g_string_new ("{\"items\": [");

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    g_string_append_printf (text, "%s{\"type\": \"project\", \"id\": \"p%u\", \"deletedAt\": %s}",
                            i ? "," : "", i, forms[i]);
  g_string_append (text, ", {\"type\": \"project\", \"id\": \"bad\", \"deletedAt\": \"soon\","
                         "   \"scheduledCleanupAt\": true}");
  g_string_append (text, ", {\"type\": \"project\", \"id\": \"far\","
                         "   \"deletedAt\": {\"_seconds\": 99999999999999999999},"
                         "   \"scheduledCleanupAt\": 99999999999999999999}");
  g_string_append (text, ", {\"type\": \"project\", \"id\": \"odd\","
                         "   \"deletedAt\": {\"_seconds\": \"1775038830\"},"
                         "   \"scheduledCleanupAt\": {}}]}");

  items = trash_ok (text->str);
  g_string_free (text, TRUE);
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (forms) + 3);

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    assert_date_equal (salvage_trash_item_get_deleted_at (trash_at (items, i)), expected);

  /* A date we cannot read is left unknown; the item itself stays. */
  for (guint i = G_N_ELEMENTS (forms); i < items->len; i++)
    {
      g_assert_null (salvage_trash_item_get_deleted_at (trash_at (items, i)));
      g_assert_null (salvage_trash_item_get_scheduled_cleanup_at (trash_at (items, i)));
    }
}

static void
test_trash_malformed (void)
{
  static const struct {
    const char *body;
    const char *says;
  } cases[] = {
    { "{\"items\": {}}", "“items” is not a list" },
    { "{\"items\": \"none\"}", "“items” is not a list" },
    { "{\"items\": [1]}", "not an object" },
    { "{\"items\": [{\"type\": \"project\", \"id\": \"a\"}, null]}", "Entry 2 of “items”" },
    { "{\"items\": [{\"type\": \"project\", \"name\": \"no id\"}]}", "“id”" },
    { "{\"items\": [{\"type\": \"project\", \"id\": \"\"}]}", "“id”" },
    { "{\"items\": [{\"type\": \"project\", \"id\": {\"value\": \"x\"}}]}", "“id”" },
    { "{\"items\": [{\"type\": \"version\", \"id\": 3.5}]}", "“id”" },
    { "{\"items\": [{\"type\": \"project\", \"id\": true}]}", "“id”" },
    { "{\"sections\": \"projects\"}", "“sections” is not an object" },
    { "{\"sections\": [{\"id\": \"a\"}]}", "“sections” is not an object" },
    { "{\"sections\": {\"projects\": {}}}", "“sections.projects” is not a list" },
    { "{\"sections\": {\"versions\": 2}}", "“sections.versions” is not a list" },
    { "{\"sections\": {\"workflows\": [[]]}}", "“sections.workflows”" },
    { "{\"sections\": {\"trainings\": [{\"name\": \"x\"}]}}", "“sections.trainings”" },
    { "{\"sections\": {\"models\": [42]}}", "“sections.models”" },
    /* A key that is not a plain word is not repeated. */
    { "{\"sections\": {\"<b>Call 555-0100</b>\": [42]}}", "Entry 1 of “sections” is not" },
    { "[]", "not an object" },
    { "\"trash\"", "not an object" },
    { "null", "not an object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = trash_error (cases[i].body);

      if (strstr (message, cases[i].says) == NULL)
        g_test_fail_printf ("Case %u: “%s” does not say “%s”", i, message, cases[i].says);
    }
}

/*
 * Malformed bodies, for every parser
 */

typedef gboolean (*ParseFunc) (GBytes *body, GError **error);

static gboolean
parse_key_check (GBytes  *body,
                 GError **error)
{
  g_autofree char *workspace = salvage_parse_key_check (body, error);

  return workspace != NULL;
}

static gboolean
parse_workspace (GBytes  *body,
                 GError **error)
{
  g_autoptr(GPtrArray) projects = salvage_parse_workspace (body, NULL, error);

  return projects != NULL;
}

static gboolean
parse_project (GBytes  *body,
               GError **error)
{
  g_autoptr(SalvageProject) project = NULL;
  g_autoptr(GPtrArray) versions = salvage_parse_project (body, "p", &project, error);

  return versions != NULL;
}

static gboolean
parse_trainings (GBytes  *body,
                 GError **error)
{
  g_autoptr(GPtrArray) trainings = salvage_parse_trainings (body, "p", "1", error);

  return trainings != NULL;
}

static gboolean
parse_workflows (GBytes  *body,
                 GError **error)
{
  g_autoptr(GPtrArray) workflows = salvage_parse_workflows (body, error);

  return workflows != NULL;
}

static gboolean
parse_trash (GBytes  *body,
             GError **error)
{
  g_autoptr(GPtrArray) items = parse_trash_both_ways (body, error);

  return items != NULL;
}

static gboolean
parse_delete (GBytes  *body,
              GError **error)
{
  g_autofree char *id = NULL;
  g_autofree char *parent_id = NULL;

  g_autofree char *alias_action = NULL;
  g_autofree char *alias_target = NULL;

  return salvage_parse_delete (body, &id, &parent_id, &alias_action, &alias_target, error);
}

static const ParseFunc all_parsers[] = {
  parse_key_check, parse_workspace, parse_project, parse_trainings,
  parse_workflows, parse_trash, parse_delete, salvage_parse_restore,
};

static void
assert_all_refuse (GBytes     *body,
                   const char *says)
{
  for (guint p = 0; p < G_N_ELEMENTS (all_parsers); p++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (all_parsers[p] (body, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      if (says != NULL && strstr (error->message, says) == NULL)
        g_test_fail_printf ("Parser %u: “%s” does not say “%s”", p, error->message, says);
    }
}

/* The parsers of every answer but the Trash, which json-glib reads. */
static const ParseFunc tree_parsers[] = {
  parse_key_check, parse_workspace, parse_project, parse_trainings,
  parse_workflows, parse_delete, salvage_parse_restore,
};

static void
assert_tree_refuse (GBytes     *body,
                    const char *says)
{
  for (guint p = 0; p < G_N_ELEMENTS (tree_parsers); p++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (tree_parsers[p] (body, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      if (says != NULL && strstr (error->message, says) == NULL)
        g_test_fail_printf ("Parser %u: “%s” does not say “%s”", p, error->message, says);
    }
}

static void
test_malformed_bodies (void)
{
  static const struct {
    const char *body;
    gsize       len;  /* 0: up to the first NUL */
    const char *trash_says;
    const char *tree_says;
  } cases[] = {
    { "{\"items\": [", 0, "was cut short", "was cut short" },
    { "{\"items\": [{\"type\": \"project\", \"id\": \"d1\"", 0, "was cut short", "was cut short" },
    { "<html><body>Bad gateway</body></html>", 0,
      "not JSON (it looks like a web page)", "not JSON (it looks like a web page)" },
    { "{\"items\": [],}", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": []} trailing", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": [1 2]}", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": []}[{\"items\": []}]", 0, "more than one value", "more than one value" },
    { "{\"items\": []} {\"items\": []}", 0, "more than one value", "more than one value" },
    { "\"a\" {\"items\": []}", 0, "more than one value", "more than one value" },
    { "null {\"items\": []}", 0, "more than one value", "more than one value" },
    { "{\"items\": [], \"count\": 012}", 0, "leading zero", "not valid JSON" },
    { "{\"items\": [], \"count\": 0x1F}", 0, "malformed number", "not valid JSON" },
    { "{\"items\": [], \"count\": 00000000000000000000042}", 0, "leading zero", "not valid JSON" },
    { "{\"items\": [\"caf\xc3\"]}", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": [\"\xff\xfe\"]}", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": [\"\xed\xa0\x80\"]}", 0, "not valid JSON", "not valid JSON" },
    { "{\"items\": []}\0", 14, "NUL", "NUL" },
    { "{\"items\": [\"a\0b\"]}", 18, "NUL", "NUL" },
    { "\0", 1, "NUL", "NUL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = cases[i].len ? cases[i].len : strlen (cases[i].body);
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, len);
      g_autoptr(GError) error = NULL;

      g_assert_false (parse_trash (body, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      if (strstr (error->message, cases[i].trash_says) == NULL)
        g_test_fail_printf ("Case %u: “%s” does not say “%s”", i, error->message,
                            cases[i].trash_says);

      assert_tree_refuse (body, cases[i].tree_says);
    }
}

static void
test_empty_bodies (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) blank = json_bytes (" \r\n\t ");
  ParseFunc refusing[G_N_ELEMENTS (all_parsers)];
  guint n = 0;

  /* Only a delete may answer with nothing (the SDK reads it as success). */
  for (guint p = 0; p < G_N_ELEMENTS (all_parsers); p++)
    {
      if (all_parsers[p] != parse_delete)
        refusing[n++] = all_parsers[p];
    }

  for (guint p = 0; p < n; p++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (refusing[p] (empty, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_nonnull (strstr (error->message, "empty"));
      g_clear_error (&error);

      g_assert_false (refusing[p] (blank, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_clear_error (&error);

      g_assert_false (refusing[p] (NULL, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
    }
}

static GBytes *
nested (guint       depth,
        const char *prefix,
        const char *suffix)
{
  GString *text = g_string_new (prefix);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append (text, suffix);

  return g_string_free_to_bytes (text);
}

static void
test_deep_nesting (void)
{
  g_autoptr(GBytes) deep = nested (10000, "", "");
  g_autoptr(GBytes) deep_in_trash = nested (10000, "{\"items\": [], \"x\": ", "}");
  g_autoptr(GBytes) at_limit = nested (SALVAGE_PARSE_MAX_DEPTH - 1, "{\"items\": [], \"x\": ", "}");
  g_autoptr(GBytes) over_limit = nested (SALVAGE_PARSE_MAX_DEPTH, "{\"items\": [], \"x\": ", "}");
  g_autoptr(GBytes) unclosed = NULL;
  g_autoptr(GBytes) in_string = NULL;
  g_autoptr(GBytes) after_escapes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *brackets = g_strnfill (10000, '[');
  g_autofree char *text = NULL;

  assert_all_refuse (deep, "nested");
  assert_all_refuse (deep_in_trash, "nested");

  unclosed = g_bytes_new (brackets, 10000);
  assert_all_refuse (unclosed, "nested");

  /* The limit counts levels, the root object being the first. */
  items = salvage_parse_trash (at_limit, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  items = salvage_parse_trash (over_limit, &error);
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_null (items);
  g_clear_error (&error);

  /* Brackets inside strings, escaped quotes included, are only text. */
  text = g_strdup_printf ("{\"items\": [{\"type\": \"project\", \"id\": \"p\","
                          " \"name\": \"\\\"%s\\\\\"}]}", brackets);
  in_string = json_bytes (text);
  items = salvage_parse_trash (in_string, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (strlen (salvage_trash_item_get_name (trash_at (items, 0))), ==, 10002);
  g_clear_pointer (&items, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);

  /* …and an escaped backslash ends the escape: what follows is structure. */
  after_escapes = nested (10000, "{\"items\": [], \"x\": \"\\\\\", \"y\": ", "}");
  items = salvage_parse_trash (after_escapes, &error);
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "nested"));
}

/*
 * Numbers json-glib cannot hold exactly
 *
 * json-glib reads an integer beyond 64 bits as the nearest end of the range
 * and a number beyond a double's range as infinite, without a word. In a
 * member a parser reads, such a number makes the answer refused: an id
 * read that way would name another item. Members no parser reads may hold
 * anything.
 */

static const char too_large_says[] = "is a number too large to read exactly";

/* The body must be refused for the number in @member. */
static void
assert_inexact (ParseFunc   parse,
                const char *text,
                const char *member)
{
  g_autoptr(GBytes) body = json_bytes (text);
  g_autoptr(GError) error = NULL;
  g_autofree char *quoted = g_strdup_printf ("“%s”", member);

  if (parse (body, &error))
    {
      g_test_fail_printf ("Taken: %s", text);
      return;
    }

  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
  if (strstr (error->message, too_large_says) == NULL || strstr (error->message, quoted) == NULL)
    g_test_fail_printf ("“%s” does not name %s as too large, for %s", error->message, quoted, text);
}

static gboolean
parse_trainings_unknown_version (GBytes  *body,
                                 GError **error)
{
  g_autoptr(GPtrArray) trainings = salvage_parse_trainings (body, "p", NULL, error);

  return trainings != NULL;
}

static void
test_inexact_numbers_read (void)
{
  static const struct {
    ParseFunc   parse;
    const char *body;
    const char *member;
  } cases[] = {
    /* Counts, beyond 64 bits either way, beyond a double, and past 2⁵³. */
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"images\": 99999999999999999999}]}}", "images" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"unannotated\": -99999999999999999999}]}}", "unannotated" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"versions\": 1e400}]}}", "versions" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"images\": 12345678901234567890.0}]}}", "images" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"images\": 9007199254740992.0}]}}", "images" },
    /* The ends of the range, where json-glib puts what lies beyond them. */
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"images\": 9223372036854775807}]}}", "images" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"images\": -9223372036854775808}]}}", "images" },
    /* Dates, as numbers and as timestamps. */
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"created\": 99999999999999999999}]}}", "created" },
    { parse_workspace, "{\"workspace\": {\"projects\": [{\"id\": \"ws/a\","
      " \"updated\": -1e400}]}}", "updated" },
    { parse_project, "{\"versions\": [{\"id\": \"ws/p/1\","
      " \"created\": {\"_seconds\": 99999999999999999999}}]}", "created" },
    { parse_project, "{\"versions\": [{\"id\": \"ws/p/1\","
      " \"created\": {\"seconds\": 1, \"nanoseconds\": 1e400}}]}", "created" },
    /* Ids: never a wrong one. */
    { parse_workspace, "{\"workspace\": {\"url\": \"ws\", \"projects\": ["
      "{\"id\": 99999999999999999999, \"url\": \"a\"}]}}", "id" },
    { parse_project, "{\"versions\": [{\"id\": 99999999999999999999}]}", "id" },
    { parse_project, "{\"versions\": [{\"id\": \"ws/p/1\"}, {\"id\": -99999999999999999999}]}",
      "id" },
    { parse_trainings, "{\"trainings\": [{\"id\": 1e400}]}", "id" },
    { parse_trainings_unknown_version,
      "{\"trainings\": [{\"id\": \"run\", \"versionId\": 99999999999999999999}]}", "versionId" },
    { parse_workflows, "{\"workflows\": [{\"url\": \"w\", \"created\": 1e999}]}", "created" },
    { parse_delete, "{\"deleted\": true, \"projectId\": 99999999999999999999}", "projectId" },
    { parse_delete, "{\"deleted\": true, \"type\": \"workflow\","
      " \"workflowId\": 99999999999999999999}", "workflowId" },
    { parse_delete, "{\"deleted\": true, \"type\": \"version\", \"version\": 99999999999999999999,"
      " \"projectId\": \"p\"}", "version" },
    { parse_delete, "{\"deleted\": true, \"type\": \"version\", \"version\": 3,"
      " \"projectId\": 99999999999999999999}", "projectId" },
    { parse_delete, "{\"inTrash\": true, \"trainingId\": \"t_1\","
      " \"versionAliasAction\": 99999999999999999999}", "versionAliasAction" },
    /* The project beside the versions, when it is asked for. */
    { parse_project, "{\"project\": {\"id\": \"ws/p\", \"images\": 99999999999999999999},"
      " \"versions\": []}", "images" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_inexact (cases[i].parse, cases[i].body, cases[i].member);
}

static void
test_inexact_numbers_unread (void)
{
  g_autoptr(GBytes) workspace = NULL;
  g_autoptr(GBytes) project = NULL;
  g_autoptr(GBytes) trainings = NULL;
  g_autoptr(GBytes) delete = NULL;
  g_autoptr(GBytes) restore = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autofree char *trash_id = NULL;
  g_autofree char *parent_id = NULL;

  /* Whatever the members no parser reads hold, the rest is read exactly. */
  workspace = json_bytes ("{\"workspace\": {\"url\": \"ws\", \"members\": 99999999999999999999,"
                          " \"projects\": [{\"id\": \"ws/a\", \"images\": 9223372036854775806,"
                          "  \"splits\": {\"train\": 1e400, \"test\": -99999999999999999999},"
                          "  \"classes\": {\"helmet\": 12345678901234567890.0}}]}}");
  projects = salvage_parse_workspace (workspace, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 1);
  g_assert_cmpint (salvage_project_get_images (g_ptr_array_index (projects, 0)),
                   ==, G_GINT64_CONSTANT (9223372036854775806));

  /* A version listed twice is read once, from its first entry. */
  project = json_bytes ("{\"versions\": [{\"id\": 9223372036854775806, \"images\": 3},"
                        " {\"id\": 9223372036854775806, \"images\": 1e400}],"
                        " \"project\": {\"id\": \"ws/p\", \"images\": 99999999999999999999}}");
  versions = salvage_parse_project (project, "p", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  g_assert_cmpstr (salvage_version_get_id (g_ptr_array_index (versions, 0)),
                   ==, "9223372036854775806");
  g_assert_cmpint (salvage_version_get_images (g_ptr_array_index (versions, 0)), ==, 3);

  /* The version of a training is only read when the caller does not know it. */
  trainings = json_bytes ("{\"trainings\": [{\"id\": \"run\", \"versionId\": 1e400}]}");
  runs = salvage_parse_trainings (trainings, "p", "3", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (salvage_training_get_version_number (g_ptr_array_index (runs, 0)), ==, "3");

  /* A project's delete does not read "version". */
  delete = json_bytes ("{\"deleted\": true, \"type\": \"project\", \"projectId\": \"d_1\","
                       " \"version\": 99999999999999999999, \"count\": 1e400}");
  g_assert_true (salvage_parse_delete (delete, &trash_id, &parent_id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trash_id, ==, "d_1");
  g_assert_null (parent_id);

  restore = json_bytes ("{\"restored\": true, \"id\": 99999999999999999999}");
  g_assert_true (salvage_parse_restore (restore, &error));
  g_assert_no_error (error);
}

/* Numbers within what json-glib holds are read as before. */
static void
test_exact_numbers (void)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  SalvageProject *project;

  body = json_bytes ("{\"workspace\": {\"projects\": ["
                     " {\"id\": \"ws/a\", \"images\": 9007199254740991.0, \"versions\": -3,"
                     "  \"unannotated\": -9223372036854775807, \"created\": -62135596801,"
                     "  \"updated\": 253402300799},"
                     " {\"id\": \"ws/b\", \"images\": 12.7, \"unannotated\": -0.5,"
                     "  \"versions\": 1e15, \"created\": 1e-400, \"updated\": 1593802673.521}]}}");
  projects = salvage_parse_workspace (body, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 2);

  project = g_ptr_array_index (projects, 0);
  g_assert_cmpint (salvage_project_get_images (project), ==, G_GINT64_CONSTANT (9007199254740991));
  g_assert_cmpint (salvage_project_get_version_count (project), ==, -1);
  g_assert_cmpint (salvage_project_get_unannotated (project), ==, -1);
  /* Exact, but before the year 1: unknown. */
  g_assert_null (salvage_project_get_created (project));
  g_assert_cmpint (g_date_time_get_year (salvage_project_get_updated (project)), ==, 9999);

  /* A count with a fraction loses it. */
  project = g_ptr_array_index (projects, 1);
  g_assert_cmpint (salvage_project_get_images (project), ==, 12);
  g_assert_cmpint (salvage_project_get_unannotated (project), ==, -1);
  g_assert_cmpint (salvage_project_get_version_count (project),
                   ==, G_GINT64_CONSTANT (1000000000000000));
  g_assert_cmpint (g_date_time_to_unix (salvage_project_get_created (project)), ==, 0);
  g_assert_cmpint (g_date_time_get_microsecond (salvage_project_get_updated (project)),
                   ==, 521000);
}

/* Damaged copies of every fixture: whatever the damage, each parser either
 * succeeds with sound objects or fails with one of its documented codes and
 * a readable message. A fixed seed keeps the run the same every time. */
static void
check_sound_result (guint     parser,
                    gboolean  ok,
                    GError   *error)
{
  if (ok)
    {
      g_assert_no_error (error);
      return;
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == SALVAGE_ERROR);
  if (error->code != SALVAGE_ERROR_BAD_RESPONSE &&
      !(all_parsers[parser] == parse_key_check && error->code == SALVAGE_ERROR_INVALID_KEY))
    g_test_fail_printf ("Parser %u failed with unexpected code %d: %s",
                        parser, error->code, error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, !=, "");
}

static void
check_trash_items (GBytes *body)
{
  g_autoptr(GPtrArray) items = salvage_parse_trash (body, NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (items == NULL)
    return;

  for (guint i = 0; i < items->len; i++)
    {
      SalvageTrashItem *item = trash_at (items, i);
      SalvageTrashKind kind = salvage_trash_item_get_kind (item);

      g_assert_nonnull (salvage_trash_item_get_id (item));
      g_assert_cmpstr (salvage_trash_item_get_id (item), !=, "");
      g_assert_nonnull (salvage_trash_item_get_name (item));
      g_assert_true (salvage_trash_item_get_restorable (item) ==
                     (kind != SALVAGE_TRASH_KIND_OTHER));
      g_assert_true ((salvage_trash_item_get_restore_type (item) == NULL) ==
                     (kind == SALVAGE_TRASH_KIND_OTHER));
      /* Merging leaves one item per Trash record. */
      g_assert_true (g_hash_table_add (keys, salvage_trash_item_dup_key (item)));
    }
}

static const char *const damage_fixtures[] = {
  f2_workspace,
  f3_project,
  "{\"items\": [{\"type\": \"project\", \"id\": \"d1\", \"name\": \"My Project\","
  " \"deletedAt\": \"2026-04-01\", \"scheduledCleanupAt\": \"2026-05-01T00:00:00Z\","
  " \"deletedByName\": \"Alice\"}, {\"type\": \"version\", \"id\": \"3\", \"name\": \"v3\","
  " \"parentName\": \"My Project\", \"parentUrl\": \"my-proj\", \"deletedAt\": 1775038830.5}],"
  " \"sections\": {\"projects\": [{\"id\": \"d1\", \"url\": \"my-proj\"}],"
  " \"versions\": [{\"id\": 3, \"parentUrl\": \"my-proj\", \"parentId\": \"d1\"}],"
  " \"trainings\": [{\"id\": \"run\", \"versionId\": \"ws/my-proj/3\"}],"
  " \"models\": [{\"id\": \"m\"}]}}",
  "{\"trainings\": [{\"id\": \"run-1\", \"status\": \"running\","
  " \"start\": \"2026-04-01T10:00:00Z\"}]}",
  "{\"workflows\": [{\"name\": \"My Workflow\", \"url\": \"my-workflow\","
  " \"status\": \"active\"}]}",
  "{\"deleted\": true, \"type\": \"version\", \"version\": \"3\", \"projectId\": \"d_1\"}",
  "{\"restored\": true, \"type\": \"project\", \"id\": \"abc123\"}",
  "{\"error\": {\"message\": \"Unsupported request\", \"hint\": \"See the docs\"}}",
};

/* A copy of @fixture with one to three random faults. */
static GBytes *
damage_fixture (GRand      *rand,
                const char *fixture)
{
  static const char noise[] = "{}[]\",:\\0123456789.eE+-tfnul \x00\xc3\xa9\xff";
  GString *damaged = g_string_new (fixture);

  for (guint n = g_rand_int_range (rand, 1, 4); n > 0; n--)
    {
      guint len = damaged->len;
      guint at;

      if (len == 0)
        break;
      at = g_rand_int_range (rand, 0, len);

      switch (g_rand_int_range (rand, 0, 5))
        {
        case 0:  /* cut short */
          g_string_truncate (damaged, at);
          break;
        case 1:  /* one byte replaced */
          damaged->str[at] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
          break;
        case 2:  /* one byte removed */
          g_string_erase (damaged, at, 1);
          break;
        case 3:  /* one byte inserted */
          g_string_insert_c (damaged, at, noise[g_rand_int_range (rand, 0, sizeof noise - 1)]);
          break;
        default:  /* a stretch repeated */
          {
            guint wanted = g_rand_int_range (rand, 1, 40);
            guint span = MIN (len - at, wanted);
            /* Copied first: appending may move the buffer. */
            g_autofree char *copy = g_memdup2 (damaged->str + at, span);

            g_string_append_len (damaged, copy, span);
          }
          break;
        }
    }

  return g_string_free_to_bytes (damaged);
}

static void
test_damaged_fixtures (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260401);

  for (guint round = 0; round < 1500; round++)
    {
      g_autoptr(GBytes) body = NULL;

      body = damage_fixture (rand, damage_fixtures[round % G_N_ELEMENTS (damage_fixtures)]);

      for (guint p = 0; p < G_N_ELEMENTS (all_parsers); p++)
        {
          g_autoptr(GError) error = NULL;
          gboolean ok = all_parsers[p] (body, &error);

          check_sound_result (p, ok, error);
        }

      check_trash_items (body);
      g_free (salvage_parse_error_message (body));
    }
}

/*
 * Messages: every refusal of a broken body is a sentence a user can read,
 * and never quotes the body.
 */

static void
test_plain_messages (void)
{
  static const struct {
    const char *body;
    const char *message;
  } trash_cases[] = {
    { "{\"items\": [", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [{\"type\": \"proj", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [{\"id\": \"\\u00", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [{\"id\": \"caf\xc3",
      "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": tru", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [], \"count\": 12.", "The server’s answer was cut short before its JSON ended" },
    { "<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>",
      "The server’s answer is not JSON (it looks like a web page)" },
    { "  <html><body>Bad gateway", "The server’s answer is not JSON (it looks like a web page)" },
    { "{\"items\": [1 2]}", "The server’s answer is not valid JSON (at byte 14)" },
    { "{\"items\": [],}", "The server’s answer is not valid JSON (at byte 14)" },
    { "{'items': []}", "The server’s answer is not valid JSON (at byte 2)" },
    { "{\"a\": 012}",
      "The server’s answer is not valid JSON (a number has a leading zero, at byte 7)" },
    { "{\"a\": 0x1F}", "The server’s answer is not valid JSON (a malformed number at byte 7)" },
    { "{\"a\": 1e}", "The server’s answer is not valid JSON (a malformed number at byte 7)" },
    { "[\"caf\xc3\"]", "The server’s answer is not valid JSON (the text at byte 6 is not UTF-8)" },
    { "[\"a\\qb\"]",
      "The server’s answer is not valid JSON (a malformed escape sequence at byte 4)" },
    { "[\"\\udc00\"]",
      "The server’s answer is not valid JSON (a malformed escape sequence at byte 3)" },
    { "[\"a\tb\"]",
      "The server’s answer is not valid JSON (a control character inside a string, at byte 4)" },
    { "{\"items\": []} {\"items\": []}",
      "The server’s answer is not valid JSON (it holds more than one value)" },
    { "{\"items\": []} trailing",
      "The server’s answer is not valid JSON (it holds more than one value)" },
    { "{\"items\": []}]", "The server’s answer is not valid JSON (at byte 14)" },
  };
  /* json-glib says less about what it refused, and counts where it stopped
   * reading, which can be a token after the fault. */
  static const struct {
    const char *body;
    const char *message;
  } tree_cases[] = {
    { "{\"items\": [", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [{\"type\": \"proj", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [{\"id\": \"\\u00", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": tru", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [], \"count\": 12.", "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": [\n  {\"id\": \"a\"},\n  ",
      "The server’s answer was cut short before its JSON ended" },
    { "\xef\xbb\xbf\n{\"items\": [", "The server’s answer was cut short before its JSON ended" },
    { "<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>",
      "The server’s answer is not JSON (it looks like a web page)" },
    { "  <html><body>Bad gateway", "The server’s answer is not JSON (it looks like a web page)" },
    { "{\"items\": [{\"id\": \"caf\xc3",
      "The server’s answer was cut short before its JSON ended" },
    { "{\"items\": []}\xc3",
      "The server’s answer is not valid JSON (the text at byte 14 is not UTF-8)" },
    { "[\"caf\xc3\"]", "The server’s answer is not valid JSON (the text at byte 6 is not UTF-8)" },
    { "{\"items\": [1 2]}", "The server’s answer is not valid JSON (at byte 12)" },
    { "{\"items\": [],}", "The server’s answer is not valid JSON (at byte 13)" },
    { "{\"a\": 012}", "The server’s answer is not valid JSON (at byte 8)" },
    { "{\"a\": 1e}", "The server’s answer is not valid JSON (at byte 8)" },
    /* Lines and columns are counted from where the value starts. */
    { "\r\n\r\n  {\"a\":\n [1,\n 2 x]}", "The server’s answer is not valid JSON (at byte 19)" },
    { "{\"items\": []} {\"items\": []}",
      "The server’s answer is not valid JSON (it holds more than one value)" },
    { "{\"items\": []} trailing", "The server’s answer is not valid JSON (at byte 22)" },
    { "{\"items\": []}]", "The server’s answer is not valid JSON (at byte 14)" },
    { "{\"a\": 1, \"a\": 1}",
      "The server’s answer is ambiguous (an object has two members of the same name)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (trash_cases); i++)
    {
      g_autofree char *message = trash_error (trash_cases[i].body);

      g_assert_cmpstr (message, ==, trash_cases[i].message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tree_cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (tree_cases[i].body);

      for (guint p = 0; p < G_N_ELEMENTS (tree_parsers); p++)
        {
          g_autoptr(GError) error = NULL;

          g_assert_false (tree_parsers[p] (body, &error));
          g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
          if (g_strcmp0 (error->message, tree_cases[i].message) != 0)
            g_test_fail_printf ("Case %u, parser %u: “%s”, not “%s”", i, p, error->message,
                                tree_cases[i].message);
        }
    }
}

/* A body cut anywhere inside its JSON, even inside a name, a number, an
 * escape or a character of several bytes, is said to be cut short, by the
 * Trash reader as by json-glib. */
static void
test_cut_short_everywhere (void)
{
  const struct {
    ParseFunc   parse;
    const char *fixture;
  } cases[] = {
    { parse_workspace, f2_workspace },
    { parse_project, f3_project },
    { parse_trainings, "{\"trainings\": [{\"id\": \"run-1\", \"status\": \"running\","
                       " \"start\": 1775037600, \"end\": -1.5e2, \"ok\": true, \"no\": null}]}" },
    { parse_workflows, "{\"workflows\": [{\"name\": \"Caf\xc3\xa9 \\u00e9\\\"\\\\"
                       " \xf0\x9f\x98\x80\", \"url\": \"my-workflow\", \"tags\": [[], {}]}]}" },
    { parse_delete, "{\"deleted\": true, \"type\": \"version\", \"version\": \"3\","
                    " \"projectId\": \"d_1\"}" },
    { salvage_parse_restore, "{\"restored\": true, \"type\": \"project\", \"id\": \"abc123\"}" },
    { parse_trash, damage_fixtures[2] },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize len = strlen (cases[i].fixture);

      for (gsize n = 1; n < len; n++)
        {
          g_autoptr(GBytes) body = g_bytes_new (cases[i].fixture, n);
          g_autoptr(GError) error = NULL;

          if (cases[i].parse (body, &error))
            g_test_fail_printf ("Case %u: taken when cut at byte %" G_GSIZE_FORMAT, i, n);
          else if (strstr (error->message, "cut short") == NULL)
            g_test_fail_printf ("Case %u, cut at byte %" G_GSIZE_FORMAT ": “%s”", i, n,
                                error->message);
        }
    }
}

/*
 * The scanner
 */

static void
test_scanner_strings (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *message = NULL;
  SalvageTrashItem *item;

  /* Every escape, a pair of surrogates, and raw UTF-8. */
  items = trash_ok ("{\"items\": [{\"type\": \"project\", \"id\": \"p\\u00e9\\/1\","
                    " \"name\": \"\\\"Caf\\u00E9\\\" \\\\ \\b\\f\\n\\r\\t"
                    " \\ud83d\\ude00 \xe2\x82\xac\","
                    " \"url\": \"a\\u0000b\", \"deletedBy\": \"\\u0000\"}]}");
  g_assert_cmpuint (items->len, ==, 1);
  item = trash_at (items, 0);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "p\xc3\xa9/1");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==,
                   "\"Caf\xc3\xa9\" \\ \b\f\n\r\t \xf0\x9f\x98\x80 \xe2\x82\xac");
  /* An escaped NUL ends the text, as it does for json-glib. */
  g_assert_cmpstr (salvage_trash_item_get_url (item), ==, "a");
  g_assert_null (salvage_trash_item_get_deleted_by (item));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Half a surrogate pair is refused, whichever half. */
  message = trash_error ("{\"items\": [{\"type\": \"project\", \"id\": \"\\ud83d\"}]}");
  g_assert_nonnull (strstr (message, "escape"));
  g_clear_pointer (&message, g_free);
  message = trash_error ("{\"items\": [{\"type\": \"project\", \"id\": \"\\ud83d\\u0041\"}]}");
  g_assert_nonnull (strstr (message, "escape"));
  g_clear_pointer (&message, g_free);
  message = trash_error ("{\"items\": [{\"type\": \"project\", \"id\": \"\\ude00x\"}]}");
  g_assert_nonnull (strstr (message, "escape"));
  g_clear_pointer (&message, g_free);

  /* UTF-8 that encodes a surrogate, an overlong form or more than U+10FFFF. */
  message = trash_error ("{\"items\": [{\"id\": \"\xed\xa0\x80\"}]}");
  g_assert_nonnull (strstr (message, "UTF-8"));
  g_clear_pointer (&message, g_free);
  message = trash_error ("{\"items\": [{\"id\": \"\xc0\xaf\"}]}");
  g_assert_nonnull (strstr (message, "UTF-8"));
  g_clear_pointer (&message, g_free);
  message = trash_error ("{\"items\": [{\"id\": \"\xf4\x90\x80\x80\"}]}");
  g_assert_nonnull (strstr (message, "UTF-8"));
  g_clear_pointer (&message, g_free);

  /* A byte order mark is allowed before the value. */
  items = trash_ok ("\xef\xbb\xbf{\"items\": [{\"type\": \"workflow\", \"id\": \"w\"}]}");
  g_assert_cmpuint (items->len, ==, 1);
}

static void
test_scanner_duplicate_keys (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) expected = utc (2026, 4, 2, 0, 0, 0);
  SalvageTrashItem *item;

  /* As in a JSON object, the last of duplicate members wins: in an entry
   * and at the root. */
  items = trash_ok ("{\"items\": [{\"type\": \"project\", \"id\": \"lost\"}],"
                    " \"items\": [{\"type\": \"project\", \"id\": \"first\", \"name\": \"A\","
                    "  \"id\": \"kept\", \"name\": \"B\", \"deletedAt\": \"2026-04-01\","
                    "  \"deletedAt\": {\"_seconds\": 1775088000},"
                    "  \"scheduledCleanupAt\": {\"_seconds\": 1, \"_seconds\": 1775088000}}]}");
  g_assert_cmpuint (items->len, ==, 1);
  item = trash_at (items, 0);
  g_assert_cmpstr (salvage_trash_item_get_id (item), ==, "kept");
  g_assert_cmpstr (salvage_trash_item_get_name (item), ==, "B");
  assert_date_equal (salvage_trash_item_get_deleted_at (item), expected);
  /* A timestamp is read by the reader of the other answers, which refuses
   * repeated members: the date is unknown, the item stays. */
  g_assert_null (salvage_trash_item_get_scheduled_cleanup_at (item));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A repeated section keeps the place of its first appearance. */
  items = trash_ok ("{\"sections\": {\"workflows\": [], \"projects\": [{\"id\": \"p\"}],"
                    " \"workflows\": [{\"id\": \"w\"}]}}");
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_at (items, 0)), ==,
                   SALVAGE_TRASH_KIND_WORKFLOW);
  g_assert_cmpint (salvage_trash_item_get_kind (trash_at (items, 1)), ==,
                   SALVAGE_TRASH_KIND_PROJECT);
}

/*
 * What each reader takes
 */

static gboolean
trash_reader_takes (GBytes *body)
{
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  return salvage_json_validate (data, len, NULL);
}

static gboolean
tree_reader_takes (GBytes *body)
{
  g_autoptr(SalvageJsonGuard) guard = salvage_json_guard_new ();
  g_autoptr(JsonNode) root = NULL;
  gsize len;
  const char *data = g_bytes_get_data (body, &len);

  root = salvage_json_guard_read (guard, data, len, NULL);
  return root != NULL;
}

static void
test_strictness (void)
{
  static const struct {
    const char *body;
    gboolean    trash;
    gboolean    tree;
  } cases[] = {
    /* Where json-glib is more lenient. */
    { "[\"raw\001control\"]", FALSE, TRUE },  /* json-glib refuses only \t \n \r \f \b raw */
    /* Where the Trash reader lets the last of repeated members win. */
    { "{\"a\": 1, \"b\": 2, \"a\": 3}", TRUE, FALSE },
    { "[{\"a\": 1}, {\"b\": {\"c\": 1, \"c\": 1}}]", TRUE, FALSE },
    /* Names that hold a NUL read as the text before it, so these repeat. */
    { "{\"a\\u0000b\": 1, \"a\": 2}", TRUE, FALSE },
    /* Both refuse. */
    { "['single']", FALSE, FALSE },
    { "[/* comment */ 1]", FALSE, FALSE },
    { "[1]//", FALSE, FALSE },
    { "[\"\\x41\"]", FALSE, FALSE },
    { "[\"\\q\"]", FALSE, FALSE },
    { "[1] [2]", FALSE, FALSE },
    { "{\"a\": 1}{}", FALSE, FALSE },
    { "var a = [1];", FALSE, FALSE },
    { "[012]", FALSE, FALSE },
    { "[01.5]", FALSE, FALSE },
    { "[0x1F]", FALSE, FALSE },
    { "[$1F]", FALSE, FALSE },
    { "[.5]", FALSE, FALSE },
    { "[1.]", FALSE, FALSE },
    { "99.", FALSE, FALSE },
    { "[- 1]", FALSE, FALSE },
    { "[\"raw\ttab\"]", FALSE, FALSE },
    { "[\"raw\nline\"]", FALSE, FALSE },
    { "[1,]", FALSE, FALSE },
    { "{\"a\": 1,}", FALSE, FALSE },
    { "[1 2]", FALSE, FALSE },
    { "{\"a\" 1}", FALSE, FALSE },
    { "{a: 1}", FALSE, FALSE },
    { "[NaN]", FALSE, FALSE },
    { "[Infinity]", FALSE, FALSE },
    { "[-Infinity]", FALSE, FALSE },
    { "[+1]", FALSE, FALSE },
    { "[1e]", FALSE, FALSE },
    { "[True]", FALSE, FALSE },
    { "[nul]", FALSE, FALSE },
    { "[null1]", FALSE, FALSE },
    { "[\"\\ud800\"]", FALSE, FALSE },
    { "[\"\\udc00\"]", FALSE, FALSE },
    { "[\"\xed\xa0\x80\"]", FALSE, FALSE },
    { "[\"\xc0\xaf\"]", FALSE, FALSE },
    { "[\"\xf4\x90\x80\x80\"]", FALSE, FALSE },
    { "{\"a\": [}", FALSE, FALSE },
    { "{\"a\": 1}}", FALSE, FALSE },
    /* Both take. */
    { "[\"\\ud83d\\ude00\", \"\\u00e9\", \"\\/\", \"\x7f\"]", TRUE, TRUE },
    { "{\"a\\u0000b\": \"c\\u0000d\"}", TRUE, TRUE },
    { "[-0, 0.5e-3, 1E+5, 1e400, -1e400, 123456789012345678901234]", TRUE, TRUE },
    { "\xef\xbb\xbf[1]", TRUE, TRUE },
    { " \t\r\n\"text\" \t\r\n", TRUE, TRUE },
    { "[true, false, null, {}, [], \"\"]", TRUE, TRUE },
    { "{\"\": 1, \"a\": {\"\": 2}}", TRUE, TRUE },
    { "{\"a\": 1, \"A\": 2, \"a \": 3}", TRUE, TRUE },
  };
  g_autoptr(GBytes) nul = g_bytes_new_static ("[1]\0", 4);
  g_autoptr(GBytes) depth_65 = nested (SALVAGE_PARSE_MAX_DEPTH + 1, "", "");
  g_autoptr(GBytes) depth_max = nested (JSON_PARSER_MAX_RECURSION_DEPTH, "", "");
  g_autoptr(GBytes) depth_over = nested (JSON_PARSER_MAX_RECURSION_DEPTH + 1, "", "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i].body);

      if (trash_reader_takes (body) != cases[i].trash)
        g_test_fail_printf ("Case %u: the Trash reader %s “%s”", i,
                            cases[i].trash ? "refuses" : "takes", cases[i].body);
      if (tree_reader_takes (body) != cases[i].tree)
        g_test_fail_printf ("Case %u: the json-glib reader %s “%s”", i,
                            cases[i].tree ? "refuses" : "takes", cases[i].body);
    }

  g_assert_false (trash_reader_takes (nul));
  g_assert_false (tree_reader_takes (nul));

  /* Each stops at its own depth: the Trash reader after 64 levels, json-glib
   * after 1,024. */
  g_assert_false (trash_reader_takes (depth_65));
  g_assert_true (tree_reader_takes (depth_65));
  g_assert_true (tree_reader_takes (depth_max));
  g_assert_false (tree_reader_takes (depth_over));
}

/* The same member twice in an object is refused wherever it is: json-glib
 * would keep the last, and nothing says the server meant that one. */
static void
test_repeated_members (void)
{
  static const char *cases[] = {
    "{\"workspace\": \"a\", \"workspace\": \"b\"}",
    "{\"workspace\": {\"url\": \"ws\", \"projects\": [{\"id\": \"ws/a\", \"id\": \"ws/b\"}]}}",
    "{\"versions\": [{\"id\": \"ws/p/1\", \"created\": {\"_seconds\": 1, \"_seconds\": 2}}]}",
    "{\"trainings\": [], \"trainings\": [{\"id\": \"run\"}]}",
    "{\"deleted\": false, \"deleted\": true, \"projectId\": \"p\"}",
    "{\"restored\": true, \"x\": {\"y\": [{\"z\": 1, \"z\": 1}]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = json_bytes (cases[i]);

      assert_tree_refuse (body, "two members of the same name");
    }

  /* An error body that repeats itself is still shown, as text. */
  {
    g_autoptr(GBytes) body = json_bytes ("{\"error\": \"a\", \"error\": \"b\"}");
    g_autofree char *message = salvage_parse_error_message (body);

    g_assert_cmpstr (message, ==, "{\"error\": \"a\", \"error\": \"b\"}");
  }
}

/* json-glib finds a repeated name by walking the names before it, so an
 * object of n names repeated n times costs n² string comparisons: seconds
 * for half a megabyte. The guard keeps that to the cost of reading the same
 * number of distinct names, which is measured alongside, so that the check
 * holds on a slow or busy machine and under Valgrind. */
static void
test_repeated_members_cost (void)
{
  g_autoptr(GString) repeated = g_string_new ("{\"workspace\": {\"projects\": [], ");
  g_autoptr(GString) distinct = g_string_new ("{\"workspace\": {\"projects\": [], ");
  g_autoptr(GBytes) repeated_body = NULL;
  g_autoptr(GBytes) distinct_body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  const guint n = 25000;
  gint64 repeated_time;
  gint64 distinct_time;
  gint64 start;

  for (guint i = 0; i < 2 * n; i++)
    {
      g_string_append_printf (repeated, "\"m%u\": 0, ", i < n ? i : n - 1);
      g_string_append_printf (distinct, "\"m%u\": 0, ", i);
    }
  g_string_append (repeated, "\"end\": 0}}");
  g_string_append (distinct, "\"end\": 0}}");
  repeated_body = g_bytes_new (repeated->str, repeated->len);
  distinct_body = g_bytes_new (distinct->str, distinct->len);

  start = g_get_monotonic_time ();
  projects = salvage_parse_workspace (distinct_body, NULL, &error);
  distinct_time = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_nonnull (projects);

  start = g_get_monotonic_time ();
  g_assert_null (salvage_parse_workspace (repeated_body, NULL, &error));
  repeated_time = g_get_monotonic_time () - start;
  g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);

  g_test_message ("%u distinct names: %" G_GINT64_FORMAT " µs; %u repeats of one: %"
                  G_GINT64_FORMAT " µs", 2 * n, distinct_time, n, repeated_time);
  g_assert_cmpint (repeated_time, <, 10 * distinct_time + 200000);
}

/* Bodies json-glib reads are limited in size; the Trash is not. */
static void
test_tree_size_limit (void)
{
  static const char head[] = "{\"workspace\": {\"url\": \"ws\", \"projects\": [], \"pad\": \"";
  static const char tail[] = "\"}}";
  gsize len = SALVAGE_PARSE_MAX_TREE_SIZE;
  g_autofree char *text = g_malloc (len + 1);
  g_autoptr(GBytes) at_limit = NULL;
  g_autoptr(GBytes) over_limit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;

  memcpy (text, head, sizeof head - 1);
  memset (text + sizeof head - 1, 'x', len - (sizeof head - 1) - (sizeof tail - 1));
  memcpy (text + len - (sizeof tail - 1), tail, sizeof tail - 1);
  at_limit = g_bytes_new_static (text, len);

  projects = salvage_parse_workspace (at_limit, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (projects->len, ==, 0);

  text[len - 1] = ' ';
  text[len] = '}';
  over_limit = g_bytes_new_static (text, len + 1);
  assert_tree_refuse (over_limit, "too large");
}

/*
 * Dates
 */

static void
test_date_strings (void)
{
  static const struct {
    const char *text;
    int         year, month, day, hour, minute;
    double      seconds;
  } good[] = {
    { "2026-04-01", 2026, 4, 1, 0, 0, 0 },
    { "2024-02-29", 2024, 2, 29, 0, 0, 0 },
    { "2026-04-01T10:20:30Z", 2026, 4, 1, 10, 20, 30 },
    { "2026-04-01T10:20:30.123456Z", 2026, 4, 1, 10, 20, 30.123456 },
    { "2026-04-01T12:20:30+02:00", 2026, 4, 1, 10, 20, 30 },
    { "2026-04-01T05:20:30.5-05:00", 2026, 4, 1, 10, 20, 30.5 },
    { "2026-04-01T10:20:30", 2026, 4, 1, 10, 20, 30 },
  };
  static const char *bad[] = {
    "", "soon", "2026-13-01", "2026-02-30", "2025-02-29", "2026-4-1", "2026/04/01",
    "01-04-2026", "2026-04-01T25:00:00Z", "2026-04-01T10:20:30Zjunk", "1775038830",
    " 2026-04-01", "0000-01-01", "+2026-04-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) parsed = salvage_parse_date_string (good[i].text);
      g_autoptr(GDateTime) expected = utc (good[i].year, good[i].month, good[i].day,
                                           good[i].hour, good[i].minute, good[i].seconds);

      if (parsed == NULL)
        g_test_message ("“%s” was not read", good[i].text);
      assert_date_equal (parsed, expected);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GDateTime) parsed = salvage_parse_date_string (bad[i]);

      if (parsed != NULL)
        g_test_fail_printf ("“%s” was read as a date", bad[i]);
    }

  g_assert_null (salvage_parse_date_string (NULL));
}

static void
test_date_nodes (void)
{
  g_autoptr(JsonNode) integer = json_node_init_int (json_node_alloc (), 1593802673);
  g_autoptr(JsonNode) fraction = json_node_init_double (json_node_alloc (), 1593802673.521);
  g_autoptr(JsonNode) negative = json_node_init_int (json_node_alloc (), -86400);
  g_autoptr(JsonNode) boolean = json_node_init_boolean (json_node_alloc (), TRUE);
  g_autoptr(JsonNode) null = json_node_init_null (json_node_alloc ());
  g_autoptr(JsonArray) empty = json_array_new ();
  g_autoptr(JsonNode) array = json_node_init_array (json_node_alloc (), empty);
  g_autoptr(JsonNode) string = json_node_init_string (json_node_alloc (), "2026-04-01");
  g_autoptr(GDateTime) date = NULL;

  date = salvage_parse_date_node (integer);
  g_assert_cmpint (g_date_time_to_unix (date), ==, 1593802673);
  g_assert_cmpint (g_date_time_get_microsecond (date), ==, 0);
  g_clear_pointer (&date, g_date_time_unref);

  date = salvage_parse_date_node (fraction);
  g_assert_cmpint (g_date_time_to_unix (date), ==, 1593802673);
  g_assert_cmpint (g_date_time_get_microsecond (date), ==, 521000);
  g_clear_pointer (&date, g_date_time_unref);

  date = salvage_parse_date_node (negative);
  g_assert_cmpint (g_date_time_get_year (date), ==, 1969);
  g_clear_pointer (&date, g_date_time_unref);

  date = salvage_parse_date_node (string);
  g_assert_cmpint (g_date_time_get_day_of_month (date), ==, 1);
  g_clear_pointer (&date, g_date_time_unref);

  g_assert_null (salvage_parse_date_node (boolean));
  g_assert_null (salvage_parse_date_node (null));
  g_assert_null (salvage_parse_date_node (array));
  g_assert_null (salvage_parse_date_node (NULL));
}

/*
 * F8: delete, and restore
 */

static void
test_delete (void)
{
  static const struct {
    const char *body;
    const char *trash_id;
    const char *parent_id;
  } good[] = {
    { "{\"deleted\": true}", NULL, NULL },
    { "{\"deleted\": true, \"type\": \"project\", \"workspace\": \"my-ws\","
      " \"project\": \"my-proj\","
      " \"projectId\": \"d_abc123\", \"trash\": true}", "d_abc123", NULL },
    { "{\"deleted\": true, \"type\": \"version\", \"workspace\": \"my-ws\","
      " \"project\": \"my-proj\","
      " \"version\": \"3\", \"projectId\": \"d_abc123\", \"trash\": true}", "3", "d_abc123" },
    { "{\"deleted\": true, \"type\": \"version\", \"version\": 3, \"trash\": true}", "3", NULL },
    { "{\"deleted\": true, \"type\": \"workflow\", \"workspace\": \"my-ws\","
      " \"workflow\": \"slow-webhooks\", \"workflowId\": \"wf_1\", \"trash\": true}",
      "wf_1", NULL },
    { "{\"deleted\": true, \"type\": \"training\", \"trainingId\": \"run-1\", \"trash\": true}",
      "run-1", NULL },
    { "{\"deleted\": true, \"workflowId\": \"wf_2\"}", "wf_2", NULL },
    { "{\"trash\": true, \"projectId\": \"d_9\"}", "d_9", NULL },
    { "{\"projectId\": 7}", "7", NULL },
    { "", NULL, NULL },
    { "  \n", NULL, NULL },
  };
  static const char *bad[] = {
    /* Only true says it was done. */
    "{\"deleted\": \"yes\", \"projectId\": 7}",
    "{\"deleted\": 1}",
    "{\"deleted\": null}",
    "{\"deleted\": false}",
    "{\"deleted\": false, \"error\": \"Project is locked\"}",
    "[true]",
    "true",
    "null",
    "deleted",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) body = json_bytes (good[i].body);
      g_autoptr(GError) error = NULL;
      g_autofree char *trash_id = NULL;
      g_autofree char *parent_id = NULL;

      g_assert_true (salvage_parse_delete (body, &trash_id, &parent_id, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (trash_id, ==, good[i].trash_id);
      g_assert_cmpstr (parent_id, ==, good[i].parent_id);

      /* The ids are optional to ask for. */
      g_assert_true (salvage_parse_delete (body, NULL, NULL, NULL, NULL, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = json_bytes (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *trash_id = NULL;
      g_autofree char *parent_id = NULL;

      g_assert_false (salvage_parse_delete (body, &trash_id, &parent_id, NULL, NULL, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (trash_id);
      g_assert_null (parent_id);
    }

  {
    g_autoptr(GBytes) body = json_bytes ("{\"deleted\": false, \"error\": \"Project is locked\"}");
    g_autoptr(GError) error = NULL;

    g_assert_false (salvage_parse_delete (body, NULL, NULL, NULL, NULL, &error));
    g_assert_nonnull (strstr (error->message, "Project is locked"));
  }
}

/* A training's delete: the draft form's "inTrash", and what became of the
 * version's alias, which is only shown, so a wrong type is ignored. */
static void
test_delete_training (void)
{
  static const struct {
    const char *body;
    const char *action;
    const char *target;
  } good[] = {
    { "{\"deleted\": true, \"type\": \"training\", \"trainingId\": \"t_1\", "
      "\"versionAliasAction\": \"repointed\", \"versionAliasTarget\": \"t_2\"}",
      "repointed", "t_2" },
    { "{\"deleted\": true, \"trainingId\": \"t_1\", \"versionAliasAction\": \"deleted\", "
      "\"versionAliasTarget\": null}", "deleted", NULL },
    { "{\"inTrash\": true, \"trainingId\": \"t_1\", \"versionAliasAction\": 3, "
      "\"versionAliasTarget\": [\"t_2\"]}", NULL, NULL },
    { "{\"inTrash\": true}", NULL, NULL },
    { "", NULL, NULL },
  };
  static const char *bad[] = {
    "{\"inTrash\": false}",
    "{\"inTrash\": \"yes\"}",
    "{\"deleted\": true, \"inTrash\": false}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) body = json_bytes (good[i].body);
      g_autoptr(GError) error = NULL;
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_assert_true (salvage_parse_delete (body, NULL, NULL, &action, &target, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (action, ==, good[i].action);
      g_assert_cmpstr (target, ==, good[i].target);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = json_bytes (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *action = NULL;

      g_assert_false (salvage_parse_delete (body, NULL, NULL, &action, NULL, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      g_assert_null (action);
    }
}

static void
test_restore (void)
{
  static const char *good[] = {
    "{\"restored\": true, \"type\": \"project\", \"id\": \"abc123\"}",
    "{\"restored\": true, \"type\": \"version\", \"id\": \"3\"}",
    "{\"restored\": true}",
    "{}",
  };
  static const char *bad[] = {
    "{\"restored\": 1}",
    "{\"restored\": \"true\"}",
    "{\"restored\": false}",
    "{\"restored\": false, \"error\": \"Parent project is in Trash\"}",
    "[]",
    "true",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) body = json_bytes (good[i]);
      g_autoptr(GError) error = NULL;

      g_assert_true (salvage_parse_restore (body, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) body = json_bytes (bad[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (salvage_parse_restore (body, &error));
      g_assert_error (error, SALVAGE_ERROR, SALVAGE_ERROR_BAD_RESPONSE);
      if (strstr (bad[i], "Parent project") != NULL)
        g_assert_nonnull (strstr (error->message, "Parent project is in Trash"));
    }
}

/*
 * F9: error bodies
 */

static void
test_error_message (void)
{
  static const struct {
    const char *body;
    const char *message;
  } cases[] = {
    { "{\"error\": \"Unauthorized\"}", "Unauthorized" },
    { "{\"error\": \"This API key does not exist\"}", "This API key does not exist" },
    { "{\"error\": {\"message\": \"Unsupported request. `DELETE /ws/proj` does not exist.\","
      " \"type\": \"GraphMethodException\", \"hint\": \"You can find the API docs at"
      " https://docs.roboflow.com\"}}",
      "Unsupported request. `DELETE /ws/proj` does not exist. — You can find the API docs at"
      " https://docs.roboflow.com" },
    { "{\"error\": {\"message\": \"Not found\", \"type\": \"X\"}}", "Not found" },
    { "{\"error\": {\"hint\": \"Only a hint\"}}", "Only a hint" },
    { "{\"error\": \"model_eval_not_found\", \"message\": \"Evaluation not found\"}",
      "Evaluation not found" },
    { "{\"message\": \"Server died\"}", "Server died" },
    { "\"ambiguous\"", "ambiguous" },
    { "  Endpoint does not exist\n", "Endpoint does not exist" },
    { "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
      "502 Bad Gateway" },
    { "Bad \xff bytes", "Bad" },
    { "{\"error\": {\"type\": \"OnlyType\"}}", NULL },
    { "{\"error\": 5}", NULL },
    { "{}", NULL },
    { "[]", NULL },
    { "null", NULL },
    { "   ", NULL },
    { "", NULL },
  };
  g_autofree char *long_text = NULL;
  g_autofree char *long_json = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GBytes) body = NULL;
  GString *accents = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) case_body = json_bytes (cases[i].body);
      g_autofree char *case_message = salvage_parse_error_message (case_body);

      g_assert_cmpstr (case_message, ==, cases[i].message);
    }

  g_assert_null (salvage_parse_error_message (NULL));

  /* Long messages are cut on a character boundary, JSON or not. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (accents, "é");
  long_text = g_string_free (accents, FALSE);
  body = json_bytes (long_text);
  message = salvage_parse_error_message (body);
  g_assert_true (g_utf8_validate (message, -1, NULL));
  g_assert_cmpint (g_utf8_strlen (message, -1), ==, 300);
  g_assert_true (g_str_has_suffix (message, "…"));
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&body, g_bytes_unref);

  long_json = g_strdup_printf ("{\"error\": \"%s\"}", long_text);
  body = json_bytes (long_json);
  message = salvage_parse_error_message (body);
  g_assert_cmpint (g_utf8_strlen (message, -1), ==, 300);
  g_clear_pointer (&message, g_free);
  g_clear_pointer (&body, g_bytes_unref);

  /* Deeply nested error bodies are text, not a crash. */
  body = nested (100000, "", "");
  message = salvage_parse_error_message (body);
  g_assert_cmpint (g_utf8_strlen (message, -1), ==, 300);
}

/*
 * Key redaction
 */

static void
test_redact (void)
{
  static const char key[] = "rf_Secret1234Key";
  static const struct {
    const char *text;
    const char *redacted;
  } cases[] = {
    { "GET https://api.roboflow.com/my-ws/trash?api_key=rf_Secret1234Key&x=1 failed",
      "GET https://api.roboflow.com/my-ws/trash?api_key=***&x=1 failed" },
    { "Key rf_Secret1234Key was refused", "Key *** was refused" },
    { "https://api.roboflow.com/?api_key=rf_Secret1234Key",
      "https://api.roboflow.com/?api_key=***" },
    { "https://api.roboflow.com/?API_KEY=another-key#top",
      "https://api.roboflow.com/?API_KEY=***#top" },
    { "ends with the key rf_Secret1234Key", "ends with the key ***" },
    { "Nothing secret here", "Nothing secret here" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *redacted = salvage_redact (cases[i].text, key);

      g_assert_cmpstr (redacted, ==, cases[i].redacted);
      g_assert_null (strstr (redacted, key));
    }

  {
    g_autofree char *no_key = salvage_redact ("https://x/?api_key=abc", NULL);

    g_assert_cmpstr (no_key, ==, "https://x/?api_key=***");
  }

  g_assert_null (salvage_redact (NULL, key));
}

/*
 * Model objects
 */

static void
test_trash_item_model (void)
{
  g_autoptr(GDateTime) cleanup = utc (2026, 5, 1, 0, 0, 0);
  g_autoptr(GDateTime) long_before = utc (2026, 4, 1, 23, 0, 0);
  g_autoptr(GDateTime) just_before = utc (2026, 4, 30, 23, 59, 59);
  g_autoptr(GDateTime) after = utc (2026, 6, 1, 0, 0, 0);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SALVAGE_TYPE_TRASH_KIND);
  SalvageTrashItem *version;
  SalvageTrashItem *other;
  g_autofree char *key = NULL;
  g_autofree char *other_key = NULL;
  gboolean restorable = TRUE;

  g_assert_cmpstr (g_enum_get_value (kinds, SALVAGE_TRASH_KIND_TRAINING)->value_nick,
                   ==, "training");
  g_assert_cmpstr (g_enum_get_value (kinds, SALVAGE_TRASH_KIND_OTHER)->value_nick, ==, "other");

  version = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                          "kind", SALVAGE_TRASH_KIND_VERSION,
                          "id", "3",
                          "parent-url", "my-proj",
                          "deleted-by", "user-1",
                          "scheduled-cleanup-at", cleanup,
                          NULL);
  key = salvage_trash_item_dup_key (version);
  g_assert_cmpstr (key, ==, "version\x1f" "3\x1fmy-proj");
  g_assert_cmpstr (salvage_trash_item_get_name (version), ==, "3");
  g_assert_cmpstr (salvage_trash_item_get_deleter (version), ==, "user-1");
  g_assert_cmpint (salvage_trash_item_get_days_left (version, long_before), ==, 30);
  g_assert_cmpint (salvage_trash_item_get_days_left (version, just_before), ==, 1);
  g_assert_cmpint (salvage_trash_item_get_days_left (version, cleanup), ==, 0);
  g_assert_cmpint (salvage_trash_item_get_days_left (version, after), ==, 0);

  other = g_object_new (SALVAGE_TYPE_TRASH_ITEM,
                        "kind", SALVAGE_TRASH_KIND_OTHER,
                        "type-name", "model",
                        "id", "3",
                        "url", "detector",
                        NULL);
  other_key = salvage_trash_item_dup_key (other);
  g_assert_cmpstr (other_key, !=, key);
  g_assert_cmpstr (salvage_trash_item_get_name (other), ==, "detector");
  g_assert_null (salvage_trash_item_get_deleter (other));
  g_object_get (other, "restorable", &restorable, NULL);
  g_assert_false (restorable);
  g_object_get (version, "restorable", &restorable, NULL);
  g_assert_true (restorable);

  g_assert_finalize_object (version);
  g_assert_finalize_object (other);
}

/* A version is named by its number once, however its name is written. */
static void
test_version_label (void)
{
  static const struct {
    const char *number;
    const char *name;
    const char *label;
  } cases[] = {
    { "1", "augmented-416x416", "v1 augmented-416x416" },
    { "1", "v1 augmented-416x416", "v1 augmented-416x416" },
    { "1", "V1 raw", "v1 raw" },
    { "3", "v3", "v3" },
    { "3", "3", "v3" },
    { "3", "3-raw", "v3-raw" },
    { "3", "", "v3" },
    { "3", NULL, "v3" },
    /* Another number, or more digits of one, is part of the name. */
    { "1", "v10 big", "v1 v10 big" },
    { "1", "v1.5", "v1 v1.5" },
    { "12", "v1", "v12 v1" },
    { "3", "very good", "v3 very good" },
    { NULL, "raw", "raw" },
    { "", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = salvage_version_format_label (cases[i].number, cases[i].name);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_other_models (void)
{
  g_autoptr(GDateTime) created = utc (2026, 1, 2, 3, 4, 5);
  g_autoptr(GDateTime) read_back = NULL;
  SalvageProject *project;
  SalvageVersion *version;
  SalvageVersion *bare;
  SalvageWorkflow *workflow;
  SalvageTraining *training;
  gint64 images = 0;

  project = g_object_new (SALVAGE_TYPE_PROJECT, "id", "ws/hard-hats", "created", created, NULL);
  g_assert_cmpstr (salvage_project_get_slug (project), ==, "hard-hats");
  g_assert_cmpstr (salvage_project_get_name (project), ==, "hard-hats");
  g_assert_cmpint (salvage_project_get_images (project), ==, -1);
  g_object_get (project, "created", &read_back, "images", &images, NULL);
  assert_date_equal (read_back, created);
  g_assert_cmpint (images, ==, -1);
  g_assert_finalize_object (project);

  version = g_object_new (SALVAGE_TYPE_VERSION, "id", "ws/hard-hats/12", NULL);
  bare = g_object_new (SALVAGE_TYPE_VERSION, "id", "9", NULL);
  g_assert_cmpstr (salvage_version_get_number (version), ==, "12");
  g_assert_cmpstr (salvage_version_get_number (bare), ==, "9");
  g_assert_cmpint (salvage_version_compare (bare, version), <, 0);
  g_assert_cmpint (salvage_version_compare (version, bare), >, 0);
  g_assert_cmpint (salvage_version_compare (version, version), ==, 0);
  g_assert_finalize_object (version);
  g_assert_finalize_object (bare);

  workflow = g_object_new (SALVAGE_TYPE_WORKFLOW, "url", "slow-webhooks", NULL);
  g_assert_cmpstr (salvage_workflow_get_name (workflow), ==, "slow-webhooks");
  g_assert_finalize_object (workflow);

  training = g_object_new (SALVAGE_TYPE_TRAINING, "id", "run", "status", "QUEUED",
                           "finished", created, NULL);
  g_assert_true (salvage_training_is_in_progress (training));
  g_assert_finalize_object (training);

  training = g_object_new (SALVAGE_TYPE_TRAINING, "id", "run", "status", "failed", NULL);
  g_assert_false (salvage_training_is_in_progress (training));
  g_assert_finalize_object (training);
}

/* What salvage_parse_date_text_usec() makes of @text, against GLib's own
 * reader as salvage_parse_date_string() uses it. */
static void
assert_date_text_agrees (const char *text)
{
  g_autoptr(GDateTime) expected = salvage_parse_date_string (text);
  gint64 usec = 0;
  gboolean read = salvage_parse_date_text_usec (text, strlen (text), &usec);

  if (read != (expected != NULL) || (read && usec != g_date_time_to_unix_usec (expected)))
    g_error ("“%s”: %s %" G_GINT64_FORMAT ", GLib says %" G_GINT64_FORMAT, text,
             read ? "read as" : "not read", usec,
             expected != NULL ? g_date_time_to_unix_usec (expected) : -1);
}

/* The Trash's fast reading of the usual timestamp agrees with GLib's
 * general one, in range and out of it, with fractions of every length. */
static void
test_date_fast_path (void)
{
  static const char *const texts[] = {
    "2026-03-01T10:20:30Z", "2026-03-01T10:20:30.5Z", "2026-03-01T10:20:30.123456Z",
    "2026-03-01T10:20:30.1234567Z", "2026-03-01T10:20:30.Z", "2026-03-01T10:20:60Z",
    "2026-03-01T24:00:00Z", "2026-02-29T10:20:30Z", "2024-02-29T10:20:30Z",
    "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "0000-01-01T00:00:00Z",
    "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-04-31T00:00:00Z",
    "2026-03-01t10:20:30Z", "2026-03-01 10:20:30Z", "2026-03-01T10:20:30z",
    "2026-03-01T10:20:30+02:00", "2026-03-01T10:20:30.25-00:30", "2026-03-01",
    "2026-03-01T10:20Z", "+2026-03-01T10:20:30Z", "2026-3-01T10:20:30Z", "1970-01-01T00:00:00Z",
    "1969-12-31T23:59:59.999999Z", "1600-02-29T12:00:00Z", "1900-02-29T12:00:00Z",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_date_text_agrees (texts[i]);

  for (guint i = 0; i < 20000; i++)
    {
      g_autofree char *text = NULL;
      guint digits = g_rand_int_range (rand, 0, 8);
      char fraction[16] = "";

      for (guint j = 0; j < digits; j++)
        fraction[j + 1] = '0' + g_rand_int_range (rand, 0, 10);
      if (digits > 0)
        fraction[0] = '.';

      text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                              g_rand_int_range (rand, 0, 10000), g_rand_int_range (rand, 0, 14),
                              g_rand_int_range (rand, 0, 33), g_rand_int_range (rand, 0, 25),
                              g_rand_int_range (rand, 0, 61), g_rand_int_range (rand, 0, 61),
                              fraction);
      assert_date_text_agrees (text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parse/key-check", test_key_check);
  g_test_add_func ("/parse/workspace/f2", test_workspace_f2);
  g_test_add_func ("/parse/workspace/variants", test_workspace_variants);
  g_test_add_func ("/parse/workspace/malformed", test_workspace_malformed);
  g_test_add_func ("/parse/project/f3", test_project_f3);
  g_test_add_func ("/parse/project/sorting", test_project_sorting);
  g_test_add_func ("/parse/project/malformed", test_project_malformed);
  g_test_add_func ("/parse/trainings", test_trainings);
  g_test_add_func ("/parse/trainings/malformed", test_trainings_malformed);
  g_test_add_func ("/parse/workflows/f10", test_workflows);
  g_test_add_func ("/parse/workflows/malformed", test_workflows_malformed);
  g_test_add_func ("/parse/workflows/dates", test_workflow_dates);
  g_test_add_func ("/parse/trash/f5", test_trash_f5);
  g_test_add_func ("/parse/trash/empty", test_trash_empty);
  g_test_add_func ("/parse/trash/f6", test_trash_f6);
  g_test_add_func ("/parse/trash/f7", test_trash_f7);
  g_test_add_func ("/parse/trash/merge", test_trash_merge);
  g_test_add_func ("/parse/trash/part-order", test_trash_part_order);
  g_test_add_func ("/parse/trash/listing", test_trash_listing);
  g_test_add_func ("/parse/trash/merge-recreated-slug", test_trash_merge_recreated_slug);
  g_test_add_func ("/parse/trash/merge-random", test_trash_merge_random);
  g_test_add_func ("/parse/trash/fed-edges", test_trash_fed_edges);
  g_test_add_func ("/parse/trash/fed-no-room", test_trash_fed_no_room);
  g_test_add_func ("/parse/trash/datasets", test_trash_datasets);
  g_test_add_func ("/parse/trash/unknown", test_trash_unknown);
  g_test_add_func ("/parse/trash/trainings", test_trash_trainings);
  g_test_add_func ("/parse/trash/date-forms", test_trash_date_forms);
  g_test_add_func ("/parse/trash/malformed", test_trash_malformed);
  g_test_add_func ("/parse/malformed/bodies", test_malformed_bodies);
  g_test_add_func ("/parse/malformed/empty", test_empty_bodies);
  g_test_add_func ("/parse/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/parse/numbers/inexact-read", test_inexact_numbers_read);
  g_test_add_func ("/parse/numbers/inexact-unread", test_inexact_numbers_unread);
  g_test_add_func ("/parse/numbers/exact", test_exact_numbers);
  g_test_add_func ("/parse/malformed/damaged-fixtures", test_damaged_fixtures);
  g_test_add_func ("/parse/malformed/plain-messages", test_plain_messages);
  g_test_add_func ("/parse/malformed/cut-short-everywhere", test_cut_short_everywhere);
  g_test_add_func ("/parse/scanner/strings", test_scanner_strings);
  g_test_add_func ("/parse/scanner/duplicate-keys", test_scanner_duplicate_keys);
  g_test_add_func ("/parse/readers/strictness", test_strictness);
  g_test_add_func ("/parse/readers/repeated-members", test_repeated_members);
  g_test_add_func ("/parse/readers/repeated-members-cost", test_repeated_members_cost);
  g_test_add_func ("/parse/readers/tree-size-limit", test_tree_size_limit);
  g_test_add_func ("/parse/date/strings", test_date_strings);
  g_test_add_func ("/parse/date/fast-path", test_date_fast_path);
  g_test_add_func ("/parse/date/nodes", test_date_nodes);
  g_test_add_func ("/parse/delete", test_delete);
  g_test_add_func ("/parse/delete-training", test_delete_training);
  g_test_add_func ("/parse/restore", test_restore);
  g_test_add_func ("/parse/error-message", test_error_message);
  g_test_add_func ("/error/redact", test_redact);
  g_test_add_func ("/model/trash-item", test_trash_item_model);
  g_test_add_func ("/model/others", test_other_models);
  g_test_add_func ("/model/version-label", test_version_label);

  return g_test_run ();
}
