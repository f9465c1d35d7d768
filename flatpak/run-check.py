#!/usr/bin/env python3
# run-check.py - run a check of the installed Flatpak on a desktop of its own, or say why it cannot
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: run-check.py [--logdir DIR] APP-ID CHECK-SCRIPT [ARGUMENT…]
#
# The tests of the `flatpak` suite (flatpak/meson.build) run the checks of
# this folder through here: e2e-in-sandbox.py, keyring-in-sandbox.py and
# background-in-sandbox.py.
# They drive the sandboxed app of the Flatpak installation named by
# FLATPAK_USER_DIR, by default the one flatpak/build-offline.sh makes
# (${TMPDIR:-/tmp}/salvage-flatpak/flatpak-user), never the user's own.
#
# A check runs under Xvfb with a session bus of its own. What the bus and
# the services it starts on demand (the portals, the keyring, the
# accessibility bus) say goes to DIR/NAME-session-bus.log, so that the
# test's output holds what the app and the check say.
#
# Exits 77 (skipped), saying why, when something the check needs is not
# there: a program of the system (with the Debian package to install), the
# app in the installation, or a sandbox that can start.

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile

SYSTEM_PYTHON = '/usr/bin/python3'

# What every check needs, as (program or file, Debian package).
DESKTOP = [
    ('flatpak', 'flatpak'),
    ('xvfb-run', 'xvfb'),
    ('xauth', 'xauth'),
    ('dbus-run-session', 'dbus'),
    ('dbus-daemon', 'dbus'),
    ('xdpyinfo', 'x11-utils'),
    ('/usr/libexec/at-spi-bus-launcher', 'at-spi2-core'),
]
# What the keyring check needs besides: the secret portal and its backend.
KEYRING = [
    ('/usr/libexec/xdg-desktop-portal', 'xdg-desktop-portal'),
    ('gnome-keyring-daemon', 'gnome-keyring'),
    ('/usr/share/xdg-desktop-portal/portals/gnome-keyring.portal', 'gnome-keyring'),
    ('dbus-update-activation-environment', 'dbus'),
]
NEEDS = {
    'e2e-in-sandbox.py': DESKTOP,
    'keyring-in-sandbox.py': DESKTOP + KEYRING,
    'background-in-sandbox.py': DESKTOP,
}


def skip(reason):
    print(f'SKIP: {reason}', flush=True)
    return 77


def missing_packages(needs):
    packages = []
    for what, package in needs:
        found = os.path.exists(what) if what.startswith('/') else shutil.which(what)
        if not found and package not in packages:
            packages.append(package)
    # The checks drive the app with the system's Python and its bindings,
    # whatever python3 comes first in PATH.
    probe = 'import gi; gi.require_version("Atspi", "2.0"); from gi.repository import Atspi'
    if (not os.path.exists(SYSTEM_PYTHON) or
            subprocess.run([SYSTEM_PYTHON, '-c', probe], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL).returncode != 0):
        packages += ['python3-gi', 'gir1.2-atspi-2.0']
    return packages


def flatpak(*arguments):
    return subprocess.run(['flatpak', *arguments], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def last_line(text):
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else 'no message'


def run_on_desktop(args, tmp, log):
    """Runs the check under Xvfb, with a session bus that logs to the file
    log, once a sandbox has shown that it can start; returns its exit
    status."""
    bus = os.path.join(tmp, 'session-bus')
    with open(bus, 'w', encoding='utf-8') as f:
        f.write(f'#!/bin/sh\nexec dbus-daemon "$@" >>{shlex.quote(log)} 2>&1\n')
    os.chmod(bus, 0o755)

    # The app's own command is what the checks test; this only asks
    # whether a sandbox can start here at all (it cannot in a chroot, nor
    # where user namespaces are not allowed).
    sandbox = subprocess.run(['dbus-run-session', f'--dbus-daemon={bus}', '--',
                              'flatpak', 'run', '--command=true', args.app_id],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    if sandbox.returncode != 0:
        return skip(f'the Flatpak sandbox cannot start here: {last_line(sandbox.stdout)}')

    # A range of display numbers of its own, as the other tests that
    # start an X server have.
    command = ['xvfb-run', '-a', '-n', '180', '-s', '-screen 0 1280x1024x24 -noreset',
               'dbus-run-session', f'--dbus-daemon={bus}', '--',
               SYSTEM_PYTHON, args.check, *args.arguments]
    return subprocess.run(command, stdin=subprocess.DEVNULL).returncode


def main():
    parser = argparse.ArgumentParser(
        description='Runs a check of the installed Flatpak on a desktop of its own.')
    parser.add_argument('--logdir', default='.',
                        help='where the session bus logs (default: the current folder)')
    parser.add_argument('app_id', metavar='APP-ID')
    parser.add_argument('check', metavar='CHECK-SCRIPT')
    parser.add_argument('arguments', metavar='ARGUMENT', nargs='*')
    args = parser.parse_args()

    name = os.path.basename(args.check)
    if name not in NEEDS:
        print(f'{name} is not a check this script knows', file=sys.stderr)
        return 2
    packages = missing_packages(NEEDS[name])
    if packages:
        return skip(f'install {" ".join(packages)} to run {name}')

    default_dir = os.path.join(os.environ.get('TMPDIR') or '/tmp', 'salvage-flatpak',
                               'flatpak-user')
    user_dir = os.environ.get('FLATPAK_USER_DIR') or default_dir
    os.environ['FLATPAK_USER_DIR'] = user_dir

    commit = flatpak('info', '--user', '--show-commit', args.app_id)
    if commit.returncode != 0:
        return skip(f'{args.app_id} is not installed in the Flatpak installation {user_dir} '
                    '(FLATPAK_USER_DIR); flatpak/build-offline.sh builds and installs it there')
    print(f'# {args.app_id} (commit {commit.stdout.strip()[:12]}) from {user_dir}', flush=True)

    os.makedirs(args.logdir, exist_ok=True)
    log = os.path.abspath(os.path.join(args.logdir,
                                       f'{os.path.splitext(name)[0]}-session-bus.log'))
    open(log, 'w').close()

    with tempfile.TemporaryDirectory(prefix='salvage-flatpak-check-',
                                     ignore_cleanup_errors=True) as tmp:
        # A runtime folder of its own, as a desktop session has. Flatpak keeps
        # each running sandbox's details there, and the portals, which the bus
        # starts, look them up there to know the app: without one, each side
        # falls back to a cache folder under its own HOME, which the checks
        # change, and the portals turn the app away.
        runtime = os.path.join(tmp, 'runtime')
        os.mkdir(runtime, 0o700)
        os.environ['XDG_RUNTIME_DIR'] = runtime

        try:
            status = run_on_desktop(args, tmp, log)
        finally:
            # The document portal, which the bus starts for the sandbox,
            # mounts its file system in the runtime folder, and may outlive
            # the bus by a moment.
            doc = os.path.join(runtime, 'doc')
            if os.path.ismount(doc):
                subprocess.run(['fusermount3', '-u', '-z', doc], stderr=subprocess.DEVNULL)

    if status not in (0, 77):
        print(f'# {name} failed (exit {status}); the session bus logged to {log}', flush=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
