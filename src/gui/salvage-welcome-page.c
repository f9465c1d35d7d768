/* salvage-welcome-page.c - the first thing shown: connect a workspace
 *
 * Three ways in: type an API key, take one from the Roboflow CLI's login,
 * or look around the demo workspace. The page only collects the choice;
 * the window connects and reports back with set_busy and set_error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "salvage-client.h"
#include "salvage-welcome-page.h"

struct _SalvageWelcomePage
{
  AdwBin                parent_instance;

  AdwStatusPage        *status_page;
  AdwPasswordEntryRow  *key_row;
  AdwExpanderRow       *server_row;
  AdwEntryRow          *server_entry;
  GtkLabel             *error_label;
  GtkWidget            *buttons_box;
  GtkWidget            *cancel_button;
  GtkWidget            *connect_button;
  AdwSpinner           *spinner;
  AdwPreferencesGroup  *cli_group;
  GtkWidget            *demo_button;

  /* The rows put into cli_group, to take out again. */
  GPtrArray            *cli_rows;
  guint                 n_cli_buttons;
  gboolean              busy;
  gboolean              can_cancel;

  /* Bringing the outcome of Connect into view, over a few frames. */
  guint                 reveal_tick;
  guint                 reveal_frames;

  /* Where the Server row's value came from: it follows the default server
   * until it is given one for a workspace, or until the user edits it. */
  char                 *default_server;
  enum {
    SERVER_FOLLOWS_DEFAULT,
    SERVER_GIVEN,
    SERVER_EDITED,
  }                     server_source;
  gboolean              setting_server;
};

G_DEFINE_FINAL_TYPE (SalvageWelcomePage, salvage_welcome_page, ADW_TYPE_BIN)

enum {
  CONNECT_REQUESTED,
  IMPORT_REQUESTED,
  DEMO_REQUESTED,
  CANCEL_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
server_text (SalvageWelcomePage *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->server_entry));
}

/* Space kept around what is brought into view. */
#define REVEAL_MARGIN 12
/* Frames to wait for it to be laid out, and to follow it once it is. */
#define REVEAL_MAX_FRAMES 60
#define REVEAL_SETTLE_FRAMES 3

/* After Enter in the key's entry, the user looks there; what comes of it,
 * the spinner on Connect and then an error, is below, out of sight on a
 * small window. It is scrolled into view, once it has been laid out: the
 * error from its top, down to the buttons under it. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  SalvageWelcomePage *self = SALVAGE_WELCOME_PAGE (widget);
  GtkWidget *top = gtk_widget_get_visible (GTK_WIDGET (self->error_label))
                   ? GTK_WIDGET (self->error_label) : self->buttons_box;
  GtkWidget *scrolled = gtk_widget_get_ancestor (self->buttons_box, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content = scrolled != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))
                                        : NULL;
  graphene_rect_t top_bounds;
  graphene_rect_t bottom_bounds;
  GtkAdjustment *adjustment;
  double value;
  double top_y;
  double bottom_y;

  if (content == NULL || ++self->reveal_frames > REVEAL_MAX_FRAMES)
    {
      self->reveal_tick = 0;
      return G_SOURCE_REMOVE;
    }

  /* Not laid out yet. */
  if (!gtk_widget_compute_bounds (top, content, &top_bounds) ||
      !gtk_widget_compute_bounds (self->buttons_box, content, &bottom_bounds) ||
      top_bounds.size.height <= 0)
    return G_SOURCE_CONTINUE;

  /* Where they are in what scrolls, seen through the scrolled part. */
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  top_y = value + top_bounds.origin.y - REVEAL_MARGIN;
  bottom_y = value + bottom_bounds.origin.y + bottom_bounds.size.height + REVEAL_MARGIN;
  value = MAX (value, bottom_y - gtk_adjustment_get_page_size (adjustment));
  value = MIN (value, top_y);
  gtk_adjustment_set_value (adjustment, value);

  /* Laid out again as the text settles: followed for a few frames. */
  if (self->reveal_frames < REVEAL_MAX_FRAMES - REVEAL_SETTLE_FRAMES)
    self->reveal_frames = REVEAL_MAX_FRAMES - REVEAL_SETTLE_FRAMES;

  return G_SOURCE_CONTINUE;
}

static void
reveal_outcome (SalvageWelcomePage *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

static void
update_connect_button (SalvageWelcomePage *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));
  g_autofree char *stripped = g_strstrip (g_strdup (key));

  gtk_widget_set_sensitive (self->connect_button, !self->busy && *stripped != '\0');
}

static void
update_server_subtitle (SalvageWelcomePage *self)
{
  adw_expander_row_set_subtitle (self->server_row, server_text (self));
}

static void
key_changed_cb (SalvageWelcomePage *self)
{
  update_connect_button (self);
}

static void
server_changed_cb (SalvageWelcomePage *self)
{
  update_server_subtitle (self);

  if (!self->setting_server)
    self->server_source = SERVER_EDITED;
}

/* Shows @server in the Server row; a server other than Roboflow's own is
 * worth seeing at once, so the row opens for it. */
static void
set_server (SalvageWelcomePage *self,
            const char         *server)
{
  self->setting_server = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->server_entry), server);
  self->setting_server = FALSE;

  if (!g_str_equal (server, SALVAGE_DEFAULT_API_URL))
    adw_expander_row_set_expanded (self->server_row, TRUE);
}

/* The server the Server row shows, checked; NULL with the reason shown on
 * the page when it cannot be used. A key is only ever sent there. */
static char *
dup_checked_server (SalvageWelcomePage *self)
{
  g_autofree char *server = g_strstrip (g_strdup (server_text (self)));
  g_autoptr(GError) error = NULL;

  if (*server == '\0')
    g_set_error_literal (&error, SALVAGE_ERROR, SALVAGE_ERROR_INVALID_URL,
                         _("Enter the address of the API server, such as https://api.roboflow.com"));
  else
    salvage_client_check_base_url (server, &error);

  if (error != NULL)
    {
      adw_expander_row_set_expanded (self->server_row, TRUE);
      salvage_welcome_page_set_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_entry));
      return NULL;
    }

  return g_steal_pointer (&server);
}

static void
connect_clicked_cb (SalvageWelcomePage *self)
{
  g_autofree char *key = NULL;
  g_autofree char *server = NULL;

  if (self->busy)
    return;

  /* Keys pasted from a web page often come with a space or a newline. */
  key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  if (*key == '\0')
    return;

  server = dup_checked_server (self);
  if (server == NULL)
    return;

  g_signal_emit (self, signals[CONNECT_REQUESTED], 0, server, key);
}

static void
cancel_clicked_cb (SalvageWelcomePage *self)
{
  g_signal_emit (self, signals[CANCEL_REQUESTED], 0);
}

/* Escape: back to the workspace shown, when there is one. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SalvageWelcomePage *self = SALVAGE_WELCOME_PAGE (widget);

  if (self->can_cancel)
    g_signal_emit (self, signals[CANCEL_REQUESTED], 0);
}

static void
demo_clicked_cb (SalvageWelcomePage *self)
{
  g_signal_emit (self, signals[DEMO_REQUESTED], 0);
}

/* A login's Use button: "welcome.use-login" with the login's index. */
static void
use_login_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SalvageWelcomePage *self = SALVAGE_WELCOME_PAGE (widget);
  guint index = g_variant_get_uint32 (parameter);
  g_autofree char *server = NULL;

  if (self->busy)
    return;

  /* The login's key goes to the login's server, shown in the Server row
   * before anything is sent; unless the user typed another there. */
  if (self->server_source != SERVER_EDITED)
    {
      set_server (self, self->default_server);
      self->server_source = SERVER_FOLLOWS_DEFAULT;
    }

  server = dup_checked_server (self);
  if (server == NULL)
    return;

  g_signal_emit (self, signals[IMPORT_REQUESTED], 0, index, server);
}

/* GObject */

static void
salvage_welcome_page_dispose (GObject *object)
{
  SalvageWelcomePage *self = SALVAGE_WELCOME_PAGE (object);

  g_clear_pointer (&self->cli_rows, g_ptr_array_unref);
  if (self->reveal_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
      self->reveal_tick = 0;
    }

  /* The status page is both a template child and the bin's child: leave
   * the bin first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (salvage_welcome_page_parent_class)->dispose (object);
}

static void
salvage_welcome_page_finalize (GObject *object)
{
  SalvageWelcomePage *self = SALVAGE_WELCOME_PAGE (object);

  g_clear_pointer (&self->default_server, g_free);

  G_OBJECT_CLASS (salvage_welcome_page_parent_class)->finalize (object);
}

static void
salvage_welcome_page_class_init (SalvageWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_welcome_page_dispose;
  object_class->finalize = salvage_welcome_page_finalize;

  signals[CONNECT_REQUESTED] =
    g_signal_new ("connect-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[IMPORT_REQUESTED] =
    g_signal_new ("import-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);
  signals[DEMO_REQUESTED] =
    g_signal_new ("demo-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCEL_REQUESTED] =
    g_signal_new ("cancel-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, status_page);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, key_row);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, server_row);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, server_entry);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, connect_button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, cli_group);
  gtk_widget_class_bind_template_child (widget_class, SalvageWelcomePage, demo_button);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, demo_clicked_cb);

  gtk_widget_class_install_action (widget_class, "welcome.use-login", "u", use_login_action);
  gtk_widget_class_install_action (widget_class, "welcome.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "welcome.cancel", NULL);
}

static void
salvage_welcome_page_init (SalvageWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cli_rows = g_ptr_array_new ();
  self->default_server = g_strdup (salvage_client_default_base_url ());
  salvage_welcome_page_reset (self, NULL);
  salvage_welcome_page_set_can_cancel (self, FALSE);
}

void
salvage_welcome_page_reset (SalvageWelcomePage *self,
                            const char         *server)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));

  self->server_source = server != NULL ? SERVER_GIVEN : SERVER_FOLLOWS_DEFAULT;
  if (server == NULL)
    server = self->default_server;

  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  adw_expander_row_set_expanded (self->server_row, FALSE);
  set_server (self, server);
  update_server_subtitle (self);
  salvage_welcome_page_set_error (self, NULL);
  salvage_welcome_page_set_busy (self, FALSE);
}

void
salvage_welcome_page_set_default_server (SalvageWelcomePage *self,
                                         const char         *server)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));
  g_return_if_fail (server != NULL);

  g_free (self->default_server);
  self->default_server = g_strdup (server);

  if (self->server_source == SERVER_FOLLOWS_DEFAULT)
    set_server (self, server);
}

const char *
salvage_welcome_page_get_server (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), NULL);

  return server_text (self);
}

void
salvage_welcome_page_set_busy (SalvageWelcomePage *self,
                               gboolean            busy)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));

  self->busy = !!busy;
  /* Not insensitive: taking the focus from a text that way upsets GTK. */
  gtk_editable_set_editable (GTK_EDITABLE (self->key_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->server_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cli_group), !busy);
  gtk_widget_set_sensitive (self->demo_button, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  update_connect_button (self);

  if (busy)
    {
      reveal_outcome (self);
    }
  else
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* Taking the focus again would scroll back up to the entry, away
       * from the outcome just brought into view. */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->key_row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
    }
}

void
salvage_welcome_page_set_error (SalvageWelcomePage *self,
                                const char         *message)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* Screen readers announce the new message with the widget's label. */
  if (message != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->key_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      reveal_outcome (self);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->key_row),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

const char *
salvage_welcome_page_get_error (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;

  return gtk_label_get_text (self->error_label);
}

void
salvage_welcome_page_set_can_cancel (SalvageWelcomePage *self,
                                     gboolean            can_cancel)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));

  self->can_cancel = !!can_cancel;
  gtk_widget_set_visible (self->cancel_button, can_cancel);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "welcome.cancel", can_cancel);

  /* Over a workspace shown, the page adds another: it says so, and leaves
   * out the big welcome, so that what is to be filled in comes first. */
  if (can_cancel)
    {
      adw_status_page_set_icon_name (self->status_page, NULL);
      adw_status_page_set_title (self->status_page, _("Add a Workspace"));
      adw_status_page_set_description (self->status_page,
                                       _("Connect another Roboflow workspace with its API key"));
    }
  else
    {
      adw_status_page_set_icon_name (self->status_page, APP_ID);
      adw_status_page_set_title (self->status_page, _("Welcome to Salvage"));
      adw_status_page_set_description (self->status_page,
                                       _("Connect a Roboflow workspace to browse its projects and "
                                         "workflows and to get back what was deleted"));
    }
}

gboolean
salvage_welcome_page_get_can_cancel (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), FALSE);

  return self->can_cancel;
}

static GtkWidget *
cli_row_new (SalvageWelcomePage *self,
             SalvageCliConfig   *config,
             guint               index)
{
  const char *url = salvage_cli_config_get_workspace_url (config, index);
  const char *name = salvage_cli_config_get_workspace_name (config, index);
  const char *api_key = salvage_cli_config_get_api_key (config, index);
  g_autofree char *masked = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  row = adw_action_row_new ();
  /* Names come from a file: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  if (api_key != NULL)
    masked = salvage_mask_key (api_key);

  if (name != NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  else
    /* Translators: a key from the environment whose workspace the server will tell */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Key from ROBOFLOW_API_KEY"));

  if (api_key == NULL)
    subtitle = g_strdup_printf (_("%s · no API key saved"), url);
  else if (url != NULL && g_strcmp0 (url, name) != 0)
    /* Translators: a workspace slug and a masked API key */
    subtitle = g_strdup_printf (_("%s · key %s"), url, masked);
  else
    /* Translators: %s is a masked API key */
    subtitle = g_strdup_printf (_("Key %s"), masked);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (api_key != NULL)
    {
      GtkWidget *button;

      button = gtk_button_new_with_mnemonic (_("_Use"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "welcome.use-login");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      name != NULL ? name : subtitle,
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
      /* The row would name the button after its title; it is "Use", and
       * its description says which workspace. */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (button),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      self->n_cli_buttons++;
    }

  return row;
}

/* @path for people: "~/.config/roboflow/config.json" rather than the
 * whole home folder. */
static char *
dup_display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize home_length = strlen (home);

  if (home_length > 1 && g_str_has_prefix (path, home) && path[home_length] == G_DIR_SEPARATOR)
    {
      g_autofree char *rest = g_filename_display_name (path + home_length);

      return g_strconcat ("~", rest, NULL);
    }

  return g_filename_display_name (path);
}

void
salvage_welcome_page_set_cli_config (SalvageWelcomePage *self,
                                     SalvageCliConfig   *config,
                                     const GError       *error)
{
  g_autoptr(GString) description = NULL;
  g_autofree char *escaped = NULL;
  guint n_workspaces;

  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));
  g_return_if_fail (config == NULL || SALVAGE_IS_CLI_CONFIG (config));

  for (guint i = 0; i < self->cli_rows->len; i++)
    adw_preferences_group_remove (self->cli_group, g_ptr_array_index (self->cli_rows, i));
  g_ptr_array_set_size (self->cli_rows, 0);
  self->n_cli_buttons = 0;

  if (config == NULL)
    {
      gboolean shown = error != NULL &&
                       !g_error_matches (error, SALVAGE_CLI_CONFIG_ERROR,
                                         SALVAGE_CLI_CONFIG_ERROR_NOT_FOUND);

      /* The description is markup; the message quotes a path. */
      escaped = shown ? g_markup_escape_text (error->message, -1) : NULL;
      adw_preferences_group_set_title (self->cli_group, _("Roboflow CLI Login"));
      adw_preferences_group_set_description (self->cli_group, escaped);
      gtk_widget_set_visible (GTK_WIDGET (self->cli_group), shown);
      return;
    }

  /* A key from the environment alone is no login of the CLI: it has a
   * heading of its own. With a login file, it replaces the file's keys. */
  description = g_string_new (NULL);
  if (salvage_cli_config_get_path (config) != NULL)
    {
      g_autofree char *path = dup_display_path (salvage_cli_config_get_path (config));

      adw_preferences_group_set_title (self->cli_group, _("Roboflow CLI Login"));
      /* Translators: %s is the path of the Roboflow CLI's login file */
      g_string_append_printf (description, _("Found in %s"), path);
      if (salvage_cli_config_get_key_from_env (config))
        {
          g_string_append (description, "\n");
          g_string_append (description, _("Its keys are replaced by the one in ROBOFLOW_API_KEY, "
                                          "as the CLI does."));
        }
    }
  else
    {
      adw_preferences_group_set_title (self->cli_group, _("API Key from the Environment"));
      g_string_append (description, _("Set in ROBOFLOW_API_KEY"));
    }

  /* The login's server is not repeated here: the Server row shows where
   * its key will go, and is the only place that says so. */

  for (const char * const *p = salvage_cli_config_get_problems (config); *p != NULL; p++)
    {
      g_string_append (description, "\n");
      g_string_append (description, *p);
    }

  escaped = g_markup_escape_text (description->str, -1);
  adw_preferences_group_set_description (self->cli_group, escaped);

  n_workspaces = salvage_cli_config_get_n_workspaces (config);
  for (guint i = 0; i < n_workspaces; i++)
    {
      GtkWidget *row = cli_row_new (self, config, i);

      adw_preferences_group_add (self->cli_group, row);
      g_ptr_array_add (self->cli_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->cli_group), TRUE);
}

guint
salvage_welcome_page_get_n_cli_rows (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), 0);

  return self->n_cli_buttons;
}

GtkEditable *
salvage_welcome_page_get_key_entry (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), NULL);

  return GTK_EDITABLE (self->key_row);
}

GtkEditable *
salvage_welcome_page_get_server_entry (SalvageWelcomePage *self)
{
  g_return_val_if_fail (SALVAGE_IS_WELCOME_PAGE (self), NULL);

  return GTK_EDITABLE (self->server_entry);
}

void
salvage_welcome_page_activate_connect (SalvageWelcomePage *self)
{
  g_return_if_fail (SALVAGE_IS_WELCOME_PAGE (self));

  connect_clicked_cb (self);
}
