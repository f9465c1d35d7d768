#!/usr/bin/python3
# notification-backend.py - a stand-in for the desktop's notification portal backend
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: notification-backend.py BUS-NAME RECORD-FILE
#
# No desktop is installed here to show notifications. This program stands
# in for its portal backend: it owns BUS-NAME on the session bus and serves
# org.freedesktop.impl.portal.Notification at /org/freedesktop/portal/desktop,
# which is where xdg-desktop-portal hands on what a sandboxed app sends
# (a .portal file naming BUS-NAME makes it the one used). Each notification
# is appended to RECORD-FILE as one line of JSON: the app's id, the
# notification's id, and its fields.
#
# Its own interface, io.github.salvage.Test.Notifications, has
# Click(app_id, id, button): what a desktop does when a person clicks a
# notification (button "" for the notification itself) of a D-Bus
# activatable app: org.freedesktop.Application.ActivateAction on the app's
# own bus name, with the action and target the notification gave.

import json
import sys

import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

BACKEND_XML = '''
<node>
  <interface name="org.freedesktop.impl.portal.Notification">
    <method name="AddNotification">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="id" direction="in"/>
      <arg type="a{sv}" name="notification" direction="in"/>
    </method>
    <method name="RemoveNotification">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="id" direction="in"/>
    </method>
    <signal name="ActionInvoked">
      <arg type="s" name="app_id"/>
      <arg type="s" name="id"/>
      <arg type="s" name="action"/>
      <arg type="av" name="parameter"/>
    </signal>
    <property name="SupportedOptions" type="a{sv}" access="read"/>
    <property name="version" type="u" access="read"/>
  </interface>
  <interface name="io.github.salvage.Test.Notifications">
    <method name="Click">
      <arg type="s" name="app_id" direction="in"/>
      <arg type="s" name="id" direction="in"/>
      <arg type="s" name="button" direction="in"/>
    </method>
  </interface>
</node>
'''

PATH = '/org/freedesktop/portal/desktop'


class Backend:
    def __init__(self, bus, record_path):
        self.bus = bus
        self.record_path = record_path
        # (app id, notification id) → the notification as sent
        self.shown = {}
        for info in Gio.DBusNodeInfo.new_for_xml(BACKEND_XML).interfaces:
            bus.register_object(PATH, info, self.on_call, self.on_get_property, None)

    def on_get_property(self, connection, sender, path, interface, name):
        if name == 'version':
            return GLib.Variant('u', 2)
        if name == 'SupportedOptions':
            return GLib.Variant('a{sv}', {})
        return None

    def on_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method == 'AddNotification':
            app_id = parameters.get_child_value(0).get_string()
            notification_id = parameters.get_child_value(1).get_string()
            notification = parameters.get_child_value(2)
            self.shown[(app_id, notification_id)] = notification
            with open(self.record_path, 'a', encoding='utf-8') as f:
                f.write(json.dumps({'app_id': app_id, 'id': notification_id,
                                    'notification': notification.unpack()},
                                   default=str) + '\n')
            invocation.return_value(None)
        elif method == 'RemoveNotification':
            app_id, notification_id = parameters.unpack()
            self.shown.pop((app_id, notification_id), None)
            invocation.return_value(None)
        elif method == 'Click':
            self.click(invocation, *parameters.unpack())
        else:
            invocation.return_dbus_error('org.freedesktop.DBus.Error.UnknownMethod', method)

    def click(self, invocation, app_id, notification_id, button):
        notification = self.shown.get((app_id, notification_id))
        if notification is None:
            invocation.return_dbus_error('org.freedesktop.DBus.Error.InvalidArgs',
                                         f'no notification {notification_id} of {app_id}')
            return
        fields = {notification.get_child_value(i).get_child_value(0).get_string():
                  notification.get_child_value(i).get_child_value(1).get_variant()
                  for i in range(notification.n_children())}
        action = target = None
        if button == '':
            if 'default-action' in fields:
                action = fields['default-action'].get_string()
                target = fields.get('default-action-target')
        else:
            buttons = fields.get('buttons')
            for i in range(buttons.n_children() if buttons is not None else 0):
                entry = buttons.get_child_value(i)
                values = {entry.get_child_value(j).get_child_value(0).get_string():
                          entry.get_child_value(j).get_child_value(1).get_variant()
                          for j in range(entry.n_children())}
                if values['label'].get_string().replace('_', '') == button:
                    action = values['action'].get_string()
                    target = values.get('target')
        if action is None or not action.startswith('app.'):
            invocation.return_dbus_error('org.freedesktop.DBus.Error.InvalidArgs',
                                         f'no application action for {button!r}')
            return

        def activated(bus, result):
            try:
                bus.call_finish(result)
            except GLib.GError as e:
                invocation.return_gerror(e)
                return
            invocation.return_value(None)

        # A clicked notification goes away.
        self.shown.pop((app_id, notification_id), None)
        parameter = [target] if target is not None else []
        self.bus.call(app_id, '/' + app_id.replace('.', '/'), 'org.freedesktop.Application',
                      'ActivateAction',
                      GLib.Variant.new_tuple(GLib.Variant('s', action[len('app.'):]),
                                             GLib.Variant.new_array(GLib.VariantType('v'),
                                                                    [GLib.Variant('v', p)
                                                                     for p in parameter]),
                                             GLib.Variant('a{sv}', {})),
                      None, Gio.DBusCallFlags.NONE, 10000, None, activated)


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} BUS-NAME RECORD-FILE', file=sys.stderr)
        return 2
    name, record_path = sys.argv[1:]

    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    Backend(bus, record_path)
    reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus',
                          'RequestName', GLib.Variant('(su)', (name, 4)),
                          GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None)
    if reply.unpack()[0] != 1:
        print(f'{name} is taken', file=sys.stderr)
        return 1
    print(f'serving {name}', flush=True)
    GLib.MainLoop().run()
    return 0


if __name__ == '__main__':
    sys.exit(main())
