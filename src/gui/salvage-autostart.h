/* salvage-autostart.h - starting `salvage --background` at login: an autostart entry, or the Background portal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  /* $XDG_CONFIG_HOME/autostart/APP_ID.desktop, outside a sandbox */
  SALVAGE_AUTOSTART_ENTRY,
  /* org.freedesktop.portal.Background, in a Flatpak sandbox: no static
   * permission is needed, and the person is asked once */
  SALVAGE_AUTOSTART_PORTAL,
} SalvageAutostartMethod;

/* The portal in a Flatpak sandbox (or where GIO_USE_PORTALS=1 asks GLib
 * for portals), the entry elsewhere. */
SalvageAutostartMethod salvage_autostart_get_method     (void);

/* Where the autostart entry goes. */
char                  *salvage_autostart_dup_entry_path (void);

/* The command the session runs at login. */
const char * const    *salvage_autostart_get_command    (void);

/* Asks for `salvage --background` to start at login (@enabled) or not,
 * with @method. The portal may ask the person. */
void                   salvage_autostart_set_async      (SalvageAutostartMethod  method,
                                                         gboolean                enabled,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
/* Whether it will start at login now; FALSE with @error set when it
 * could not be changed. */
gboolean               salvage_autostart_set_finish     (GAsyncResult           *result,
                                                         GError                **error);

G_END_DECLS
