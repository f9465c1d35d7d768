#!/usr/bin/env python3
# check-uninstalled-translations.py - the program run from its build tree speaks the user's language
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-uninstalled-translations.py PROGRAM PO-FILE LOCALE
#
# Runs PROGRAM --help with LANGUAGE and LC_ALL set to LOCALE (such as
# de_DE.UTF-8) and checks that the description of --demo is the one
# PO-FILE gives: the catalogs compiled in the build tree are found
# without installing anything.

import os
import re
import subprocess
import sys

MSGID = 'Show a demo workspace served by a built-in stand-in for Roboflow'


def unquote(text):
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(m.group(1), m.group(1)), text)


def translation(po_file, msgid):
    """The msgstr of @msgid in @po_file, joined from its lines."""
    with open(po_file, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for i, line in enumerate(lines):
        if line != f'msgid "{msgid}"':
            continue
        parts = []
        j = i + 1
        if not lines[j].startswith('msgstr '):
            break
        parts.append(re.match(r'msgstr "(.*)"$', lines[j]).group(1))
        j += 1
        while j < len(lines) and lines[j].startswith('"'):
            parts.append(lines[j][1:-1])
            j += 1
        return unquote(''.join(parts))
    return None


def locale_is_installed(name):
    # `locale -a` says de_DE.utf8 for de_DE.UTF-8.
    def normal(text):
        return text.lower().replace('-', '')
    try:
        listed = subprocess.run(['locale', '-a'], capture_output=True, text=True,
                                check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return False
    return normal(name) in (normal(entry) for entry in listed)


def main():
    if len(sys.argv) != 4:
        print(f'usage: {sys.argv[0]} PROGRAM PO-FILE LOCALE', file=sys.stderr)
        return 2
    program, po_file, locale_name = sys.argv[1:]
    language = locale_name.split('_')[0]

    if not locale_is_installed(locale_name):
        # Debian's locales-all has it; build-aux/dev installs it for the tests.
        print(f'SKIP: the locale {locale_name} is not installed (Debian package locales-all)')
        return 77

    expected = translation(po_file, MSGID)
    if not expected:
        print(f'FAIL: {po_file} does not translate “{MSGID}”')
        return 1

    env = dict(os.environ, LANGUAGE=language, LC_ALL=locale_name, LANG=locale_name,
               GSETTINGS_BACKEND='memory')
    result = subprocess.run([program, '--help'], env=env, capture_output=True, text=True,
                            timeout=30)
    output = ' '.join(result.stdout.split())
    if result.returncode != 0:
        print(f'FAIL: {program} --help exited with status {result.returncode}')
        return 1
    if ' '.join(expected.split()) not in output:
        print(f'FAIL: {program} --help under {locale_name} does not say “{expected}”:')
        print(result.stdout)
        return 1

    print(f'PASS: {program} --help speaks {language} from the build tree')
    return 0


if __name__ == '__main__':
    sys.exit(main())
