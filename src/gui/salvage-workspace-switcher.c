/* salvage-workspace-switcher.c - the header bar's menu of the workspaces added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "salvage-page-util.h"
#include "salvage-workspace-switcher.h"

/* A row of the menu: one account, checked when it is the one shown. */

#define SALVAGE_TYPE_ACCOUNT_ROW (salvage_account_row_get_type ())
G_DECLARE_FINAL_TYPE (SalvageAccountRow, salvage_account_row, SALVAGE, ACCOUNT_ROW, GtkListBoxRow)

struct _SalvageAccountRow
{
  GtkListBoxRow   parent_instance;

  SalvageAccount *account;
  GtkWidget      *check;
};

G_DEFINE_FINAL_TYPE (SalvageAccountRow, salvage_account_row, GTK_TYPE_LIST_BOX_ROW)

static void
salvage_account_row_dispose (GObject *object)
{
  SalvageAccountRow *self = SALVAGE_ACCOUNT_ROW (object);

  g_clear_object (&self->account);

  G_OBJECT_CLASS (salvage_account_row_parent_class)->dispose (object);
}

static void
salvage_account_row_class_init (SalvageAccountRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = salvage_account_row_dispose;
}

static void
salvage_account_row_init (SalvageAccountRow *self)
{
}

static GtkWidget *
account_row_new (gpointer item,
                 gpointer user_data)
{
  SalvageAccount *account = item;
  SalvageAccountRow *row;
  g_autofree char *subtitle = NULL;
  GtkWidget *box;
  GtkWidget *labels;
  GtkWidget *label;
  GtkWidget *remove;

  row = g_object_new (SALVAGE_TYPE_ACCOUNT_ROW, NULL);
  row->account = g_object_ref (account);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown"),
                                  -1);
  gtk_widget_set_opacity (row->check, 0.0);
  gtk_box_append (GTK_BOX (box), row->check);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (labels, TRUE);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_bind_property (account, "name", label, "label", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (labels), label);

  if (g_str_equal (salvage_account_get_server (account), SALVAGE_DEFAULT_API_URL))
    subtitle = g_strdup (salvage_account_get_workspace (account));
  else
    /* Translators: a workspace slug and the server it is on */
    subtitle = g_strdup_printf (_("%s on %s"), salvage_account_get_workspace (account),
                                salvage_account_get_server (account));
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (labels), label);
  gtk_box_append (GTK_BOX (box), labels);

  remove = salvage_remove_account_button_new (account);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return GTK_WIDGET (row);
}

/* The switcher */

struct _SalvageWorkspaceSwitcher
{
  AdwBin          parent_instance;

  GtkWidget      *button;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkListBox     *list;
  GtkWidget      *all_list;
  GtkWidget      *all_check;
  GtkWidget      *all_separator;

  SalvageSession *session;
  GSignalGroup   *session_signals;
  GSignalGroup   *accounts_signals;
  gboolean        compact;
};

G_DEFINE_FINAL_TYPE (SalvageWorkspaceSwitcher, salvage_workspace_switcher, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SalvageWorkspaceSwitcher *self)
{
  const char *title = self->session != NULL ? salvage_session_get_title (self->session) : NULL;
  SalvageAccount *shown = self->session != NULL ? salvage_session_get_account (self->session) : NULL;
  SalvageWorkspace *workspace = self->session != NULL ? salvage_session_get_workspace (self->session) : NULL;
  SalvageAccounts *accounts = self->session != NULL ? salvage_session_get_accounts (self->session) : NULL;
  gboolean several = accounts != NULL &&
                     g_list_model_get_n_items (salvage_accounts_get_model (accounts)) > 1;

  gtk_label_set_text (self->label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->label), !self->compact);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Switch Workspace"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title != NULL ? title : "",
                                  -1);

  /* All Workspaces, once there are two. */
  gtk_widget_set_visible (self->all_list, several);
  gtk_widget_set_visible (self->all_separator, several);
  gtk_widget_set_opacity (self->all_check,
                          workspace != NULL && salvage_workspace_is_group (workspace) ? 1.0 : 0.0);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (SALVAGE_IS_ACCOUNT_ROW (row))
      gtk_widget_set_opacity (SALVAGE_ACCOUNT_ROW (row)->check,
                              SALVAGE_ACCOUNT_ROW (row)->account == shown ? 1.0 : 0.0);
}

static void
row_activated_cb (SalvageWorkspaceSwitcher *self,
                  GtkListBoxRow            *row)
{
  SalvageAccount *account = SALVAGE_IS_ACCOUNT_ROW (row) ? SALVAGE_ACCOUNT_ROW (row)->account : NULL;

  gtk_popover_popdown (self->popover);

  if (account != NULL && self->session != NULL &&
      account != salvage_session_get_account (self->session))
    salvage_session_open_account (self->session, account);
}

void
salvage_workspace_switcher_set_session (SalvageWorkspaceSwitcher *self,
                                        SalvageSession           *session)
{
  SalvageAccounts *accounts;

  g_return_if_fail (SALVAGE_IS_WORKSPACE_SWITCHER (self));
  g_return_if_fail (session == NULL || SALVAGE_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  accounts = session != NULL ? salvage_session_get_accounts (session) : NULL;
  g_signal_group_set_target (self->session_signals, session);
  /* The list first, so that new rows exist when they are checked. */
  gtk_list_box_bind_model (self->list,
                           accounts != NULL ? salvage_accounts_get_model (accounts) : NULL,
                           account_row_new, NULL, NULL);
  g_signal_group_set_target (self->accounts_signals,
                             accounts != NULL ? salvage_accounts_get_model (accounts) : NULL);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
salvage_workspace_switcher_get_all_row (SalvageWorkspaceSwitcher *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE_SWITCHER (self), NULL);

  return gtk_widget_get_first_child (self->all_list);
}

GtkListBox *
salvage_workspace_switcher_get_list (SalvageWorkspaceSwitcher *self)
{
  g_return_val_if_fail (SALVAGE_IS_WORKSPACE_SWITCHER (self), NULL);

  return self->list;
}

void
salvage_workspace_switcher_popdown (SalvageWorkspaceSwitcher *self)
{
  g_return_if_fail (SALVAGE_IS_WORKSPACE_SWITCHER (self));

  gtk_popover_popdown (self->popover);
}

static void
salvage_workspace_switcher_dispose (GObject *object)
{
  SalvageWorkspaceSwitcher *self = SALVAGE_WORKSPACE_SWITCHER (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->accounts_signals);
  g_clear_object (&self->session);

  /* The button is both a template child and the bin's child: leave the
   * bin first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SALVAGE_TYPE_WORKSPACE_SWITCHER);

  G_OBJECT_CLASS (salvage_workspace_switcher_parent_class)->dispose (object);
}

static void
salvage_workspace_switcher_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  SalvageWorkspaceSwitcher *self = SALVAGE_WORKSPACE_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workspace_switcher_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  SalvageWorkspaceSwitcher *self = SALVAGE_WORKSPACE_SWITCHER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      salvage_workspace_switcher_set_session (self, g_value_get_object (value));
      break;
    case PROP_COMPACT:
      if (self->compact != g_value_get_boolean (value))
        {
          self->compact = g_value_get_boolean (value);
          update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
salvage_workspace_switcher_class_init (SalvageWorkspaceSwitcherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = salvage_workspace_switcher_dispose;
  object_class->get_property = salvage_workspace_switcher_get_property;
  object_class->set_property = salvage_workspace_switcher_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SALVAGE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salvage/Salvage/salvage-workspace-switcher.ui");
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, button);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, label);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, popover);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, list);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, all_list);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, all_check);
  gtk_widget_class_bind_template_child (widget_class, SalvageWorkspaceSwitcher, all_separator);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
salvage_workspace_switcher_init (SalvageWorkspaceSwitcher *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No workspaces added yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->list, placeholder);

  self->session_signals = g_signal_group_new (SALVAGE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::title", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::account", G_CALLBACK (update), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::workspace", G_CALLBACK (update), self);

  /* New rows get their check mark. */
  self->accounts_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->accounts_signals, "items-changed", G_CALLBACK (update), self);
}
