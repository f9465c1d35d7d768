#!/usr/bin/env python3
# check-install.py - install into a temporary folder and check what lands where GNOME looks
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-install.py BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID EXECUTABLE
#
# Runs "meson install --destdir" and then the steps a distribution runs after
# installing (glib-compile-schemas, gtk-update-icon-cache,
# update-desktop-database) on the result, and checks that the desktop entry
# starts an installed program with an installed icon, that the schema
# compiles, and that every language of po/LINGUAS has its catalogue and its
# translated desktop entry. BINDIR, DATADIR and LOCALEDIR are relative to
# PREFIX, as Meson gives them.

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def png_size(path):
    """The width and height a PNG file's header gives, or None."""
    with open(path, 'rb') as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b'\x89PNG\r\n\x1a\n' or head[12:16] != b'IHDR':
        return None
    return int.from_bytes(head[16:20], 'big'), int.from_bytes(head[20:24], 'big')


def check_screenshot(srcdir, image):
    """Problems with one screenshot of the metainfo: the picture it names
    is one of data/screenshots, of the size it says."""
    url = (image.text or '').strip()
    marker = '/main/data/screenshots/'
    if marker not in url:
        return ['the screenshot %r is not one of data/screenshots' % url]
    name = url.split(marker, 1)[1]
    path = os.path.join(srcdir, 'data', 'screenshots', name)
    if '/' in name or not os.path.isfile(path):
        return ['the screenshot %r is not in data/screenshots' % name]
    size = png_size(path)
    said = (int(image.get('width', '0')), int(image.get('height', '0')))
    if size != said:
        return ['the screenshot %s is %s, the metainfo says %s' % (name, size, said)]
    return []


def main(argv):
    if len(argv) != 9:
        print('usage: check-install.py BUILDDIR SRCDIR PREFIX BINDIR DATADIR LOCALEDIR '
              'APP_ID EXECUTABLE', file=sys.stderr)
        return 2
    builddir, srcdir, prefix, bindir, datadir, localedir, app_id, executable = argv[1:]

    with open(os.path.join(srcdir, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for line in f if not line.startswith('#') for w in line.split()]

    problems = []
    with tempfile.TemporaryDirectory(prefix='salvage-install-') as destdir:
        # The tests run after the build: rebuilding here could race other tests.
        result = run(['meson', 'install', '-C', builddir, '--no-rebuild', '--quiet',
                      '--destdir', destdir])
        if result.returncode != 0:
            print('meson install failed:\n' + result.stdout + result.stderr)
            return 1

        root = destdir + os.path.join(prefix, '')

        def at(*parts):
            return os.path.join(root, *parts)

        def need(path, what):
            if not os.path.isfile(path):
                problems.append('%s is missing: %s' % (what, os.path.relpath(path, destdir)))
                return False
            return True

        program = at(bindir, executable)
        if need(program, 'the program'):
            # --help is answered before a display is needed.
            env = {k: v for k, v in os.environ.items() if k not in ('DISPLAY', 'WAYLAND_DISPLAY')}
            try:
                result = run([program, '--help'], env=env, timeout=30)
            except (OSError, subprocess.TimeoutExpired) as e:
                problems.append('the installed program does not run: %s' % e)
            else:
                if result.returncode != 0 or '--demo' not in result.stdout:
                    problems.append('the installed program does not answer --help:\n'
                                    + result.stdout + result.stderr)

        desktop_path = at(datadir, 'applications', app_id + '.desktop')
        metainfo_path = at(datadir, 'metainfo', app_id + '.metainfo.xml')
        schema_dir = at(datadir, 'glib-2.0', 'schemas')
        icons = at(datadir, 'icons', 'hicolor')
        need(desktop_path, 'the desktop entry')
        need(metainfo_path, 'the metainfo')
        need(os.path.join(schema_dir, app_id + '.gschema.xml'), 'the settings schema')
        need(os.path.join(icons, 'scalable', 'apps', app_id + '.svg'), 'the icon')
        need(os.path.join(icons, 'symbolic', 'apps', app_id + '-symbolic.svg'),
             'the symbolic icon')
        service_path = at(datadir, 'dbus-1', 'services', app_id + '.service')
        if need(service_path, 'the D-Bus service'):
            service = configparser.ConfigParser(interpolation=None, strict=False)
            service.optionxform = str
            service.read(service_path, encoding='utf-8')
            section = service['D-BUS Service'] if service.has_section('D-BUS Service') else {}
            service_exec = section.get('Exec', '').split()
            if section.get('Name') != app_id:
                problems.append('the D-Bus service is named %r, not %r' % (section.get('Name'), app_id))
            if service_exec != [os.path.join(prefix, bindir, executable), '--gapplication-service']:
                problems.append('the D-Bus service runs %r, not the installed program as a service'
                                % section.get('Exec'))
        for lang in languages:
            mo = at(localedir, lang, 'LC_MESSAGES', 'salvage.mo')
            if need(mo, 'the %s translation' % lang):
                unpacked = run(['msgunfmt', mo])
                if unpacked.returncode != 0 or unpacked.stdout.count('msgid "') < 2:
                    problems.append('the %s translation holds no strings' % lang)

        # The post-install steps of a distribution package.
        steps = [
            ['glib-compile-schemas', '--strict', schema_dir],
            ['gtk-update-icon-cache', '--quiet', '--ignore-theme-index', '--force', icons],
            ['update-desktop-database', '--quiet', at(datadir, 'applications')],
        ]
        for step in steps:
            if shutil.which(step[0]) is None:
                print('%s is not installed: not run' % step[0])
                continue
            result = run(step)
            if result.returncode != 0:
                problems.append('%s failed:\n%s' % (step[0], result.stderr.strip()))
        if shutil.which('glib-compile-schemas'):
            need(os.path.join(schema_dir, 'gschemas.compiled'), 'the compiled schemas')
        if shutil.which('gtk-update-icon-cache'):
            need(os.path.join(icons, 'icon-theme.cache'), 'the icon cache')

        if os.path.isfile(desktop_path):
            if shutil.which('desktop-file-validate'):
                result = run(['desktop-file-validate', desktop_path])
                if result.returncode != 0 or result.stdout.strip():
                    problems.append('the installed desktop entry is not valid:\n'
                                    + result.stdout + result.stderr)
            desktop = configparser.ConfigParser(interpolation=None, strict=False)
            desktop.optionxform = str
            desktop.read(desktop_path, encoding='utf-8')
            entry = desktop['Desktop Entry'] if desktop.has_section('Desktop Entry') else {}
            exec_line = entry.get('Exec', '').split()
            if not exec_line or exec_line[0] != executable:
                problems.append('the desktop entry runs %r, not the installed %r'
                                % (entry.get('Exec'), executable))
            if entry.get('DBusActivatable') != 'true':
                problems.append('the desktop entry is not D-Bus activatable')
            if entry.get('Icon') != app_id:
                problems.append('the desktop entry shows icon %r, not the installed %r'
                                % (entry.get('Icon'), app_id))
            for lang in languages:
                for key in ('Comment', 'GenericName', 'Keywords'):
                    if '%s[%s]' % (key, lang) not in entry:
                        problems.append('the desktop entry has no %s[%s]' % (key, lang))

        if os.path.isfile(metainfo_path):
            try:
                component = ET.parse(metainfo_path).getroot()
            except ET.ParseError as e:
                problems.append('the installed metainfo is not XML: %s' % e)
            else:
                if component.findtext('id') != app_id:
                    problems.append('the metainfo describes %r' % component.findtext('id'))
                if component.findtext('launchable') != app_id + '.desktop':
                    problems.append('the metainfo launches %r' % component.findtext('launchable'))
                binaries = [b.text for b in component.iter('binary')]
                if executable not in binaries:
                    problems.append('the metainfo provides %r, not %r' % (binaries, executable))
                shots = component.findall('screenshots/screenshot')
                if len(shots) < 3 or any(s.findtext('caption') in (None, '') for s in shots):
                    problems.append('the metainfo lacks captioned screenshots')
                for image in component.iterfind('screenshots/screenshot/image'):
                    problems.extend(check_screenshot(srcdir, image))
                for lang in languages:
                    key = '{http://www.w3.org/XML/1998/namespace}lang'
                    if not any(e.get(key) == lang for e in component.iter('summary')):
                        problems.append('the metainfo has no %s summary' % lang)

        for problem in problems:
            print(problem)
        if not problems:
            installed = sorted(os.path.relpath(os.path.join(d, f), root)
                               for d, _, files in os.walk(root) for f in files)
            print('\n'.join(installed))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
