#!/usr/bin/python3
# background-in-sandbox.py - the sandboxed app asks the Background portal to start it at login, then not to
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: background-in-sandbox.py APP-ID
#
# Run by run-check.py, under Xvfb with a session bus of its own. No portal
# backend for Background is installed here, so this check is the portal:
# it owns org.freedesktop.portal.Desktop before anything could start the
# real one, records each RequestBackground and answers yes, as a person
# allowing it would. The app starts on a throwaway HOME whose settings
# name one workspace with the warnings on: it must ask to start at login as
# `salvage --background`, with no static permission; with the warnings then
# turned off in its settings, it must ask to withdraw that.

import configparser
import os
import shutil
import signal
import subprocess
import sys
import tempfile

import gi
gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

PORTAL_XML = '''
<node>
  <interface name="org.freedesktop.portal.Background">
    <method name="RequestBackground">
      <arg type="s" direction="in"/>
      <arg type="a{sv}" direction="in"/>
      <arg type="o" direction="out"/>
    </method>
    <property name="version" type="u" access="read"/>
  </interface>
</node>
'''

SCHEMA_PATH = 'io/github/salvage/Salvage'
TIMEOUT_S = 60


def log(message):
    print(f'# {message}', flush=True)


class Portal:
    """The Background portal: records requests, answers yes."""

    def __init__(self, bus):
        self.bus = bus
        self.requests = []
        info = Gio.DBusNodeInfo.new_for_xml(PORTAL_XML).interfaces[0]
        bus.register_object('/org/freedesktop/portal/desktop', info, self.on_call,
                            self.on_get_property, None)
        reply = bus.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                              'org.freedesktop.DBus', 'RequestName',
                              GLib.Variant('(su)', ('org.freedesktop.portal.Desktop', 4)),
                              GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None)
        if reply.unpack()[0] != 1:
            raise RuntimeError('org.freedesktop.portal.Desktop is taken: the real portal runs')

    def on_get_property(self, connection, sender, path, interface, name):
        return GLib.Variant('u', 2) if name == 'version' else None

    def on_call(self, connection, sender, path, interface, method, parameters, invocation):
        if method != 'RequestBackground':
            invocation.return_dbus_error('org.freedesktop.DBus.Error.UnknownMethod', method)
            return
        parent, options = parameters.unpack()
        self.requests.append(options)
        token = options.get('handle_token', 't')
        request = ('/org/freedesktop/portal/desktop/request/%s/%s'
                   % (sender[1:].replace('.', '_'), token))
        invocation.return_value(GLib.Variant('(o)', (request,)))
        results = {'background': GLib.Variant('b', True),
                   'autostart': GLib.Variant('b', bool(options.get('autostart', False)))}
        connection.emit_signal(sender, request, 'org.freedesktop.portal.Request', 'Response',
                               GLib.Variant('(ua{sv})', (0, results)))
        log(f'RequestBackground: {options}')


def wait_for(what, condition, timeout=TIMEOUT_S):
    context = GLib.MainContext.default()
    deadline = GLib.get_monotonic_time() + timeout * 1000000
    while not condition():
        if GLib.get_monotonic_time() > deadline:
            raise TimeoutError(f'{what}: not within {timeout} s')
        context.iteration(False) or GLib.usleep(10000)


def write_settings(home, app_id, warnings):
    folder = os.path.join(home, '.var', 'app', app_id, 'config', 'glib-2.0', 'settings')
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, 'keyfile')
    settings = configparser.ConfigParser(interpolation=None)
    settings.optionxform = str
    settings[SCHEMA_PATH] = {
        'accounts': "[('http://127.0.0.1:9', 'acme-vision', 'Acme Vision')]",
        'cleanup-warnings': 'true' if warnings else 'false',
    }
    # Written whole, as GSettings writes it, so its file monitor sees one change.
    with open(path + '.new', 'w', encoding='utf-8') as f:
        settings.write(f)
    os.replace(path + '.new', path)


def check(app_id, home, env):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    portal = Portal(bus)
    write_settings(home, app_id, True)

    # The app's own window, as a person starts it; the settings portal is
    # not there, and not asked.
    process = subprocess.Popen(['flatpak', 'run', '--env=ADW_DISABLE_PORTAL=1',
                                '--env=GDK_DEBUG=no-portals', app_id],
                               env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for('the app asks to start at login', lambda: len(portal.requests) >= 1)
        first = portal.requests[0]
        if first.get('autostart') is not True:
            raise AssertionError(f'the first request does not ask for autostart: {first}')
        if first.get('commandline') != ['salvage', '--background']:
            raise AssertionError(f'the first request starts {first.get("commandline")!r}')
        if not first.get('reason'):
            raise AssertionError('the first request gives no reason')
        log('the app asked to start at login as salvage --background')

        write_settings(home, app_id, False)
        wait_for('the app withdraws it once the warnings are off',
                 lambda: len(portal.requests) >= 2)
        second = portal.requests[1]
        if second.get('autostart') is not False:
            raise AssertionError(f'the second request does not withdraw autostart: {second}')
        log('turned off, the app asked not to start at login')
    finally:
        subprocess.run(['flatpak', 'kill', app_id], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} APP-ID', file=sys.stderr)
        return 2
    app_id = sys.argv[1]

    home = tempfile.mkdtemp(prefix='salvage-background-')
    env = dict(os.environ,
               HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, '.config'),
               XDG_DATA_HOME=os.path.join(home, '.local', 'share'),
               XDG_CACHE_HOME=os.path.join(home, '.cache'))
    try:
        check(app_id, home, env)
    except (AssertionError, TimeoutError, RuntimeError) as e:
        print(f'FAIL: {e}', flush=True)
        return 1
    finally:
        shutil.rmtree(home, ignore_errors=True)

    print('PASS: the sandboxed app asks the Background portal to start at login, then not to',
          flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
