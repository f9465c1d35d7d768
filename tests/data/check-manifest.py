#!/usr/bin/env python3
# check-manifest.py - check that the Flatpak manifest builds the application it claims to
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-manifest.py MANIFEST DESKTOP_FILE APP_ID COMMAND
#
# flatpak-builder reads the manifest (with warnings made fatal, so that an
# unknown or misspelled key fails), then its id, command, runtime, sandbox
# permissions and the application module are compared with the application
# and its desktop file. Exits 77 (skipped) when flatpak-builder is missing.

import configparser
import json
import os
import shutil
import subprocess
import sys

FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
    '--filesystem=~/.config/roboflow:ro',
]


def main(argv):
    if len(argv) != 5:
        print('usage: check-manifest.py MANIFEST DESKTOP_FILE APP_ID COMMAND', file=sys.stderr)
        return 2
    manifest, desktop_file, app_id, command = argv[1:]

    builder = shutil.which('flatpak-builder')
    if builder is None:
        print('flatpak-builder is not installed: skipped')
        return 77

    env = dict(os.environ, G_DEBUG='fatal-warnings')
    result = subprocess.run([builder, '--show-manifest', os.path.basename(manifest)],
                            cwd=os.path.dirname(os.path.abspath(manifest)),
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        print('flatpak-builder does not accept the manifest:\n' + result.stderr)
        return 1
    try:
        data = json.loads(result.stdout)
    except ValueError as e:
        print('flatpak-builder printed no JSON: %s' % e)
        return 1
    if not isinstance(data, dict):
        print('The manifest is not a JSON object')
        return 1

    problems = []

    def expect(key, wanted):
        value = data.get(key)
        if value != wanted:
            problems.append('"%s" is %r, expected %r' % (key, value, wanted))

    expect('id', app_id)
    expect('command', command)
    expect('runtime', 'org.gnome.Platform')
    expect('sdk', 'org.gnome.Sdk')
    version = data.get('runtime-version')
    if not isinstance(version, str) or not version:
        problems.append('"runtime-version" is missing')

    finish_args = data.get('finish-args')
    if not isinstance(finish_args, list) or sorted(finish_args) != sorted(FINISH_ARGS):
        problems.append('"finish-args" is %r, expected exactly %r' % (finish_args, FINISH_ARGS))

    # The application is the last module, built with Meson from this checkout.
    modules = data.get('modules')
    app = modules[-1] if isinstance(modules, list) and modules else None
    if not isinstance(app, dict):
        problems.append('there is no module for the application')
    else:
        if app.get('buildsystem') != 'meson':
            problems.append('the application module is not built with Meson')
        sources = app.get('sources')
        if not isinstance(sources, list) or not any(
                isinstance(s, dict) and s.get('type') == 'dir' and s.get('path') == '..'
                for s in sources):
            problems.append('the application module is not built from the checkout '
                            '(a "dir" source with path "..")')

    # What the sandbox starts must be what the desktop file starts.
    desktop = configparser.ConfigParser(interpolation=None, strict=False)
    desktop.optionxform = str
    desktop.read(desktop_file, encoding='utf-8')
    entry = desktop['Desktop Entry'] if desktop.has_section('Desktop Entry') else {}
    exec_line = entry.get('Exec', '').split()
    if not exec_line or exec_line[0] != command:
        problems.append('the desktop file runs %r, the manifest %r' % (entry.get('Exec'), command))
    if entry.get('Icon') != app_id:
        problems.append('the desktop file shows icon %r, not %r' % (entry.get('Icon'), app_id))
    if os.path.basename(desktop_file) != app_id + '.desktop':
        problems.append('the desktop file is not named after %s' % app_id)

    for problem in problems:
        print(problem)
    if not problems:
        print('%s: %s runs "%s" on %s//%s with %s'
              % (os.path.basename(manifest), app_id, command, data['runtime'], version,
                 ' '.join(finish_args)))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
