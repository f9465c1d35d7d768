#!/usr/bin/python3
# keyring-in-sandbox.py - check that the sandboxed app keeps its API key through the secret portal, and warns through the notification portal
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: keyring-in-sandbox.py APP-ID SALVAGE-SERVER
#
# Inside a Flatpak sandbox libsecret does not talk to the Secret Service:
# when xdg-desktop-portal offers org.freedesktop.portal.Secret, it keeps the
# keys in a keyring file of the application's own, under
# ~/.var/app/APP-ID/data/keyrings, encrypted with a master secret that the
# portal gets from the desktop's keyring (gnome-keyring here). This script
# sets up that desktop on a throwaway HOME: an unlocked gnome-keyring, the
# portal, and the stand-in Roboflow server on 127.0.0.1. It then runs the
# installed app twice. The first time it types a key on the welcome page
# and presses Connect, as a person would, through the accessibility tree;
# the second time the workspace must open with the key from the keyring.
#
# It checks what a person relies on: the app's debug output names the
# portal's keyring file as where the keys go; that file exists and does not
# hold the key in clear; nothing said the keyring could not be used; the
# master secret is in the desktop keyring under the app's id; the key shows
# in no output; and a restart needs no key typed again.
#
# Then the warning before the cleanup, as a person who closed Salvage meets
# it at the next login: the app runs as `salvage --background` (what it
# asks the Background portal to start), reads the key through the secret
# portal, finds the stand-in's entries due within three days, and sends a
# notification through the notification portal. No desktop shows it here:
# notification-backend.py stands in for the desktop's backend behind the
# real xdg-desktop-portal, records it, and clicks it as a person would (an
# ActivateAction on the app, as a desktop does for a D-Bus activatable
# app). The window must then open on the Trash showing only those entries,
# and one of them is restored from there.
#
# The app's output
# goes to files that are removed with the throwaway HOME; any GLib warning
# or critical in it is repeated on this script's output.
#
# SALVAGE-SERVER is the stand-in server's executable, or a program that
# starts it elsewhere (in another root, say) and passes its arguments and
# output through. It is started in a process group of its own, and the
# whole group is ended afterwards, so that such a launcher cannot leave the
# server behind.
#
# Run it in its own Xvfb and D-Bus session, with the FLATPAK_USER_DIR of the
# installation: the flatpak test suite runs it so, through run-check.py. It
# exits 77 when xdg-desktop-portal or gnome-keyring is not installed.

import argparse
import importlib.util
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The accessibility helpers are those of the end-to-end test, which this
# check drives the same application with. Loading it also loads the AT-SPI
# bindings, or skips (exit 77) where they are missing.
_E2E_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                           os.pardir, 'tests', 'e2e', 'test-delete-restore.py')
_spec = importlib.util.spec_from_file_location('e2e', _E2E_SCRIPT)
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

from gi.repository import Gio  # noqa: E402 (after e2e has required the versions)

Atspi = e2e.Atspi
GLib = e2e.GLib

PORTAL = '/usr/libexec/xdg-desktop-portal'
PORTAL_BACKEND = '/usr/share/xdg-desktop-portal/portals/gnome-keyring.portal'
# The stand-in for the desktop's notification backend.
NOTIFICATION_BACKEND = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    'notification-backend.py')
NOTIFICATION_NAME = 'org.freedesktop.impl.portal.desktop.salvagetest'
PORTAL_PATH = '/org/freedesktop/portal/desktop'
IMPL_SECRET = 'org.freedesktop.impl.portal.Secret'
KEYRING_NAME = 'org.freedesktop.secrets'

WORKSPACE = 'acme-vision'
STEP_LIMIT = 30.0

BACKEND_PORTAL = ('API keys go to a keyring file unlocked through the secret portal '
                  '(org.freedesktop.portal.Secret)')
BACKEND_ANY = 'API keys go to'
# The app's own words when the keyring fails it: a toast on storing, the
# welcome page on reading.
NO_ANSWER = 'The keyring did not answer'
KEYRING_TROUBLE = ('could not be saved in the keyring', 'is not in the keyring',
                   'from the keyring')
# How GLib's log writer marks a warning or a critical.
GLIB_WARNING = re.compile(r'(WARNING|CRITICAL) \*\*')


StepFailed = e2e.StepFailed
children = e2e.children
descendants = e2e.descendants
find = e2e.find
click = e2e.click


def log(message):
    print(f'# {message}', flush=True)


def wait_for(step, probe, process=None, limit=STEP_LIMIT):
    """e2e's wait, with this check's longer limit: the sandbox starts slowly."""
    return e2e.wait_for(step, probe, process, limit)


# The accessibility tree

def label_of(name):
    """A button's label as read, without a mnemonic's underline."""
    return e2e.label_of(name).replace('_', '')


def find_window():
    """The sandboxed app has another process id: it is found by its window."""
    for app in children(Atspi.get_desktop(0)):
        for child in children(app):
            if child.get_role_name() == 'frame' and child.get_name() == 'Salvage':
                return child
    return None


def keyring_trouble(window):
    """What the window says about the keyring failing, if anything."""
    for accessible in descendants(window):
        text = accessible.get_name() or ''
        if any(words in text for words in KEYRING_TROUBLE):
            return text
    return None


def projects_listed(window):
    table = find(window, 'tree table', lambda n: n == 'Projects')
    if table is None:
        return None
    return find(table, e2e.BUTTON, lambda n: n.startswith('Move “'))


def welcome_shown(window):
    return find(window, e2e.BUTTON, lambda n: label_of(n) == 'Connect') is not None


# The desktop around the sandbox

def call(bus, name, path, interface, method, parameters, reply_type):
    return bus.call_sync(name, path, interface, method, parameters,
                         GLib.VariantType.new(reply_type) if reply_type else None,
                         Gio.DBusCallFlags.NONE, 10000, None)


def wait_for_name(bus, name, process, logpath):
    def owned():
        reply = call(bus, 'org.freedesktop.DBus', '/org/freedesktop/DBus',
                     'org.freedesktop.DBus', 'NameHasOwner', GLib.Variant('(s)', (name,)), '(b)')
        return reply.unpack()[0]

    wait_for(f'{name} appears on the session bus ({logpath})', owned, process, limit=15)


def secret_portal_version(bus):
    reply = call(bus, 'org.freedesktop.portal.Desktop', PORTAL_PATH,
                 'org.freedesktop.DBus.Properties', 'Get',
                 GLib.Variant('(ss)', ('org.freedesktop.portal.Secret', 'version')), '(v)')
    return reply.unpack()[0]


def master_secrets(bus, app_id):
    """The items gnome-keyring keeps for the portal under @app_id."""
    reply = call(bus, KEYRING_NAME, '/org/freedesktop/secrets',
                 'org.freedesktop.Secret.Service', 'SearchItems',
                 GLib.Variant('(a{ss})', ({'app_id': app_id},)), '(aoao)')
    unlocked, locked = reply.unpack()
    return unlocked + locked


def start_server(server, key, logpath):
    process = subprocess.Popen([server, '--port', '0', '--workspace', WORKSPACE, '--key', key],
                               stdout=subprocess.PIPE, stderr=open(logpath, 'w'), text=True,
                               start_new_session=True)
    line = process.stdout.readline()
    prefix = f'Serving workspace {WORKSPACE} at '
    if not line.startswith(prefix):
        stop(process)
        raise StepFailed(f'the stand-in server did not start: {line!r}')
    # The rest (which shows the key) is dropped.
    process.stdout.close()
    return process, line[len(prefix):].strip()


# The app

class Run:
    """One run of the sandboxed app, its output in a file of its own."""

    def __init__(self, app_id, args, env, logpath):
        self.app_id = app_id
        self.logpath = logpath
        self.logfile = open(logpath, 'w', encoding='utf-8')
        self.env = env
        # A group of its own, to end Flatpak's own processes with the app.
        self.process = subprocess.Popen(
            ['flatpak', 'run', '--env=G_MESSAGES_DEBUG=all', app_id] + args,
            env=env, stdout=self.logfile, stderr=subprocess.STDOUT, start_new_session=True)

    def output(self):
        if not self.logfile.closed:
            self.logfile.flush()
        with open(self.logpath, encoding='utf-8', errors='replace') as f:
            return f.read()

    def quit(self, window, stays=False):
        """Closes the window, as a person quits, so that the app ends its
        run normally; or, when it @stays (a background instance does), checks
        that it does and then ends it."""
        if self.process.poll() is None and window is not None:
            try:
                close = find(window, e2e.BUTTON, lambda n: n == 'Close')
                if close is None:
                    log('the window shows no Close button; ending the app')
                elif stays:
                    click('closing the window', close)
                    wait_for('the window closes', lambda: find_window() is None, self.process)
                    time.sleep(1)
                    if self.process.poll() is None:
                        log('the background instance stays when its window closes')
                else:
                    click('closing the window', close)
                    self.process.wait(timeout=STEP_LIMIT)
                    log('the app quit when its window closed '
                        f'(exit status {self.process.returncode})')
            except (GLib.GError, StepFailed, subprocess.TimeoutExpired) as e:
                log(f'the app did not quit when its window closed ({e}); killing it')
        if stays and self.process.poll() is not None:
            raise StepFailed('the background instance quit with its window '
                             f'(exit status {self.process.returncode})')
        if self.process.poll() is None:
            # Flatpak finds the running app in XDG_RUNTIME_DIR.
            subprocess.run(['flatpak', 'kill', self.app_id], env=self.env,
                           stderr=subprocess.DEVNULL)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        self.logfile.close()


def check_output(run, key, step):
    output = run.output()
    if key in output:
        raise StepFailed(f'{step}: the API key shows in the app\'s output')
    for words in (NO_ANSWER, 'Keyring store failed', 'Keyring lookup failed'):
        if words in output:
            raise StepFailed(f'{step}: the app logged “{words}”')
    said = [line.strip() for line in output.splitlines() if BACKEND_ANY in line]
    if len(said) != 1 or BACKEND_PORTAL not in said[0]:
        raise StepFailed(f'{step}: the app did not say that the keys go through the '
                         f'secret portal; it said: {said or "nothing"}')
    log(f'{step}: {said[0]}')


def report_warnings(run, key, step):
    """The app's output goes to a file that is gone after the check: what
    it warned about, from start to exit, is repeated where the caller sees
    it."""
    for line in run.output().splitlines():
        if GLIB_WARNING.search(line):
            print(f'{step}, the app said: {line.replace(key, "[API key]")}', flush=True)


def first_run(app_id, api_url, env, home, key, logdir):
    keyring_file = os.path.join(home, '.var', 'app', app_id, 'data', 'keyrings',
                                'default.keyring')
    run = Run(app_id, ['--api-url', api_url], env, os.path.join(logdir, 'first-run.log'))
    window = None
    try:
        window = wait_for('the Salvage window opens', find_window, run.process)

        # The password row is the editable text itself; its GtkText is not
        # in the tree.
        step = 'the welcome page shows the API Key entry'
        entry = wait_for(step, lambda: find(window, 'text', lambda n: n == 'API Key'),
                         run.process)
        if not Atspi.EditableText.set_text_contents(entry, key):
            raise StepFailed(f'{step}: could not type into it')

        step = 'the Connect button can be pressed'
        connect = wait_for(step, lambda: find(window, e2e.BUTTON,
                                              lambda n: label_of(n) == 'Connect'), run.process)
        wait_for(step, lambda: connect.get_state_set().contains(Atspi.StateType.SENSITIVE),
                 run.process)
        click(step, connect)

        wait_for('the Projects page lists the workspace\'s projects',
                 lambda: projects_listed(window), run.process)
        log('first run: connected, the Projects page is shown')

        # The key is stored once the server accepted it. libsecret writes
        # the file when the store is done; the app says so when it failed.
        def stored():
            trouble = keyring_trouble(window)
            if trouble is not None:
                raise StepFailed(f'first run: the app said “{trouble}”')
            return os.path.exists(keyring_file)

        try:
            wait_for(f'the keyring file {keyring_file} is written', stored, run.process)
        except StepFailed as e:
            if NO_ANSWER in run.output():
                raise StepFailed(f'{e}; the app logged “{NO_ANSWER}”')
            raise
        check_output(run, key, 'first run')
    finally:
        run.quit(window)
        report_warnings(run, key, 'first run')

    with open(keyring_file, 'rb') as f:
        data = f.read()
    if key.encode() in data:
        raise StepFailed(f'{keyring_file} holds the API key in clear')
    log(f'~/{os.path.relpath(keyring_file, home)}: {len(data)} bytes, '
        f'begins {data[:16]!r}, the key is not in it')


def second_run(app_id, api_url, env, key, logdir):
    run = Run(app_id, ['--api-url', api_url], env, os.path.join(logdir, 'second-run.log'))
    window = None
    try:
        window = wait_for('the Salvage window opens again', find_window, run.process)

        def opened():
            trouble = keyring_trouble(window)
            if trouble is not None:
                raise StepFailed(f'second run: the app said “{trouble}”')
            if welcome_shown(window):
                raise StepFailed('second run: the welcome page asks for a key again')
            return projects_listed(window)

        wait_for('the workspace opens with the key from the keyring', opened, run.process)
        check_output(run, key, 'second run')
        log('second run: the workspace opened without the welcome page')
    finally:
        run.quit(window)
        report_warnings(run, key, 'second run')


def read_notifications(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]


def banner_of_review(window):
    """The Trash page's banner when it shows only a warning's entries."""
    return find(window, 'label', lambda n: 'will soon be deleted for good' in n)


def warning_run(app_id, env, home, key, logdir, records):
    # What an earlier run already warned about would not be said again:
    # this login is the first since the entries came due.
    shutil.rmtree(os.path.join(home, '.var', 'app', app_id, '.local', 'state', 'salvage'),
                  ignore_errors=True)
    if os.path.exists(records):
        os.remove(records)

    run = Run(app_id, ['--background'], env, os.path.join(logdir, 'background-run.log'))
    window = None
    try:
        sent = wait_for('the background instance sends a warning through the notification '
                        'portal', lambda: read_notifications(records), run.process,
                        limit=2 * STEP_LIMIT)
        if len(sent) != 1:
            raise StepFailed(f'one workspace, one notification; the portal got {len(sent)}')
        notification = sent[0]
        fields = notification['notification']
        if notification['app_id'] != app_id:
            raise StepFailed(f'the notification came from {notification["app_id"]!r}')
        title = fields.get('title', '')
        if 'will be deleted for good' not in title:
            raise StepFailed(f'the notification says {title!r}')
        if key in json.dumps(notification):
            raise StepFailed('the notification holds the API key')
        buttons = [b.get('label', '').replace('_', '') for b in fields.get('buttons', [])]
        if 'Review' not in buttons:
            raise StepFailed(f'the notification offers {buttons}, no Review')
        log(f'background run: the notification portal got “{title}” with {buttons}')
        if find_window() is not None:
            raise StepFailed('the background instance opened a window before the click')

        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        call(bus, NOTIFICATION_NAME, PORTAL_PATH, 'io.github.salvage.Test.Notifications', 'Click',
             GLib.Variant('(sss)', (app_id, notification['id'], 'Review')), None)
        window = wait_for('Review opens the window', find_window, run.process)
        banner = wait_for('the Trash shows only the entries warned about',
                          lambda: banner_of_review(window), run.process)
        log(f'background run: Review opened the Trash: “{banner.get_name()}”')
        counted = re.findall(r'\d+', title)[:1], re.findall(r'\d+', banner.get_name())[:1]
        if counted[0] != counted[1]:
            raise StepFailed(f'the notification names {counted[0]} entries, the Trash shows '
                             f'{counted[1]}')

        # The person restores one of them there, as from any Trash row.
        def restore_button():
            table = find(window, ('tree table', 'list'), lambda n: n == 'Trash')
            return table and find(table, e2e.BUTTON, lambda n: n.startswith('Restore “'))

        button = wait_for('a warned entry shows with a Restore button', restore_button,
                          run.process)
        name = button.get_name()
        click(f'pressing {name}', button)
        dialog = wait_for('the restore confirmation opens',
                          lambda: find(window, ('dialog', 'alert'),
                                       lambda n: n == 'Restore Item?'), run.process)
        click('confirming', wait_for('the confirmation shows Restore',
                                     lambda: find(dialog, e2e.BUTTON,
                                                  lambda n: label_of(n) == 'Restore'),
                                     run.process))

        def gone():
            table = find(window, ('tree table', 'list'), lambda n: n == 'Trash')
            return table is not None and find(table, e2e.BUTTON, lambda n: n == name) is None

        wait_for(f'{name} leaves the Trash', gone, run.process)
        log(f'background run: {name} done, and the entry left the Trash')
        check_output(run, key, 'background run')
        run.quit(window, stays=True)
    finally:
        run.quit(window)
        report_warnings(run, key, 'background run')


def stop(process):
    """Ends @process and what it started: each helper leads a process group
    of its own."""
    for sig, limit in ((signal.SIGTERM, 5), (signal.SIGKILL, None)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            continue
        # What the helper started may outlive it: end the rest of the group.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        break
    process.wait()


def start_helper(helpers, argv, env, logpath, name, stdin=None):
    process = subprocess.Popen(argv, env=env, stdin=subprocess.PIPE if stdin else None,
                               stdout=open(logpath, 'w'), stderr=subprocess.STDOUT,
                               start_new_session=True)
    helpers.append(process)
    if stdin:
        process.stdin.write(stdin)
        process.stdin.close()
    wait_for_name(Gio.bus_get_sync(Gio.BusType.SESSION, None), name, process, logpath)
    return process


def check(app_id, server, env, home, logdir, key):
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    helpers = []
    try:
        # An unlocked login keyring that lives for this run only. Without a
        # display, an unexpected unlock prompt fails at once.
        keyring_env = {k: v for k, v in env.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
        start_helper(helpers, ['gnome-keyring-daemon', '--foreground', '--unlock',
                               '--components=secrets'],
                     keyring_env, os.path.join(logdir, 'gnome-keyring.log'), KEYRING_NAME,
                     stdin=b'salvage-test')

        # The desktop's notification backend, stood in for, and the
        # portal told to use it beside gnome-keyring's.
        records = os.path.join(home, 'notifications.jsonl')
        start_helper(helpers, [sys.executable, NOTIFICATION_BACKEND, NOTIFICATION_NAME, records],
                     env, os.path.join(logdir, 'notification-backend.log'), NOTIFICATION_NAME)
        portal_dir = os.path.join(home, 'portals')
        os.makedirs(portal_dir)
        shutil.copy(PORTAL_BACKEND, portal_dir)
        with open(os.path.join(portal_dir, 'salvagetest.portal'), 'w', encoding='utf-8') as f:
            f.write(f'[portal]\nDBusName={NOTIFICATION_NAME}\n'
                    'Interfaces=org.freedesktop.impl.portal.Notification;\n')
        # With XDG_DESKTOP_PORTAL_DIR set, the portal reads its choices there.
        with open(os.path.join(portal_dir, 'portals.conf'), 'w', encoding='utf-8') as f:
            f.write('[preferred]\n'
                    'org.freedesktop.impl.portal.Secret=gnome-keyring\n'
                    'org.freedesktop.impl.portal.Notification=salvagetest\n')

        portal_log = os.path.join(logdir, 'xdg-desktop-portal.log')
        start_helper(helpers, [PORTAL, '--verbose'], dict(env, XDG_DESKTOP_PORTAL_DIR=portal_dir),
                     portal_log, 'org.freedesktop.portal.Desktop')
        try:
            version = secret_portal_version(bus)
        except GLib.GError as e:
            raise StepFailed(f'xdg-desktop-portal offers no secret portal: {e.message}')
        with open(portal_log, encoding='utf-8', errors='replace') as f:
            chosen = [line.strip() for line in f if IMPL_SECRET in line and 'Using' in line]
        log(f'xdg-desktop-portal offers org.freedesktop.portal.Secret version {version}: '
            f'{chosen[0] if chosen else "?"}')
        if version != 1:
            raise StepFailed(f'libsecret uses its keyring file with version 1 only, not {version}')

        server_process, api_url = start_server(server, key, os.path.join(logdir, 'server.log'))
        helpers.append(server_process)
        log(f'the stand-in server serves {WORKSPACE} at {api_url}')

        first_run(app_id, api_url, env, home, key, logdir)

        items = master_secrets(bus, app_id)
        if not items:
            raise StepFailed(f'gnome-keyring holds no master secret for {app_id}: '
                             'the portal was not asked')
        log(f'gnome-keyring holds the portal\'s master secret for {app_id}: {items[0]}')

        second_run(app_id, api_url, env, key, logdir)
        warning_run(app_id, env, home, key, logdir, records)
    finally:
        for process in reversed(helpers):
            stop(process)


def main():
    parser = argparse.ArgumentParser(
        description='Checks that the sandboxed app keeps its API key through the secret portal.')
    parser.add_argument('app_id', metavar='APP-ID')
    parser.add_argument('server', metavar='SALVAGE-SERVER')
    args = parser.parse_args()

    for path in (PORTAL, PORTAL_BACKEND):
        if not os.path.exists(path):
            print(f'SKIP: {path} is not installed')
            return 77
    if shutil.which('gnome-keyring-daemon') is None:
        print('SKIP: gnome-keyring-daemon is not installed')
        return 77

    started = time.monotonic()
    home_dir = tempfile.TemporaryDirectory(prefix='salvage-keyring-flatpak-',
                                           ignore_cleanup_errors=True)
    home = home_dir.name
    logdir = os.path.join(home, 'logs')
    env = dict(os.environ,
               HOME=home,
               XDG_CONFIG_HOME=os.path.join(home, '.config'),
               XDG_DATA_HOME=os.path.join(home, '.local', 'share'),
               XDG_CACHE_HOME=os.path.join(home, '.cache'),
               XDG_RUNTIME_DIR=os.path.join(home, 'runtime'),
               # gnome-keyring's portal backend is for GNOME only (UseIn).
               XDG_CURRENT_DESKTOP='GNOME',
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo')
    for name in ('GTK_A11Y', 'NO_AT_BRIDGE', 'GSETTINGS_BACKEND', 'API_URL',
                 'XDG_DESKTOP_PORTAL_DIR'):
        env.pop(name, None)
    for name in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR'):
        os.makedirs(env[name], mode=0o700, exist_ok=True)
    os.makedirs(logdir)

    # What the bus starts on demand (the permission store, the document
    # portal) gets the same throwaway folders.
    subprocess.run(['dbus-update-activation-environment', 'HOME', 'XDG_CONFIG_HOME',
                    'XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_RUNTIME_DIR',
                    'XDG_CURRENT_DESKTOP'], env=env, check=True)

    key = 'rf_' + secrets.token_hex(12)
    status = 1
    try:
        check(args.app_id, args.server, env, home, logdir, key)
        status = 0
    except StepFailed as e:
        print(f'FAIL: {e}')
        for name in sorted(os.listdir(logdir)):
            with open(os.path.join(logdir, name), encoding='utf-8', errors='replace') as f:
                text = f.read().replace(key, '[API key]')
            print(f'--- {name}\n{text}', file=sys.stderr)
    finally:
        # The document portal, started by the bus for the sandbox, mounts
        # its file system in the runtime folder.
        doc = os.path.join(env['XDG_RUNTIME_DIR'], 'doc')
        if os.path.ismount(doc):
            subprocess.run(['fusermount3', '-u', '-z', doc], stderr=subprocess.DEVNULL)
        home_dir.cleanup()

    if status == 0:
        print(f'PASS in {time.monotonic() - started:.1f} s')
    return status


if __name__ == '__main__':
    sys.exit(main())
