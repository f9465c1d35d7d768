#!/usr/bin/env python3
# check-fault-code.py - check that the application carries none of the server's fault injection
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-fault-code.py SERVER_SOURCE_DIR APP_BINARY TEST_BINARY
#
# The fault injection of the stand-in server is for the tests; the
# application links the server for its demo only. What would show that the
# fault code came along is read from its sources (src/server/salvage-server-
# fault*.c): the names of its functions, which a binary with symbols lists,
# the text of its messages, which stays in a stripped one, and the names of
# its files, which debug information and assertions keep. None may be in
# APP_BINARY. TEST_BINARY (salvage-server) links the fault code, and must
# show some of it, or this check would pass whatever it was given.

import glob
import os
import re
import sys

# "fault" as a word of its own, not the end of "default".
FAULT = re.compile(r'(?<![Dd]e)fault', re.IGNORECASE)
COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)
# GNOME style puts a function's name at the start of the line that defines it.
DEFINITION = re.compile(r'^([A-Za-z_]\w*) \(', re.MULTILINE)
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def markers(source_dir):
    """The byte strings that only the fault code puts in a binary."""
    found = set()
    sources = sorted(glob.glob(os.path.join(source_dir, 'salvage-server-fault*.c')))
    for path in sources:
        found.add(os.path.basename(path).encode())
        with open(path, encoding='utf-8') as f:
            code = COMMENT.sub('', f.read())
        code = '\n'.join(line for line in code.splitlines()
                         if not line.lstrip().startswith('#'))
        for name in DEFINITION.findall(code):
            if FAULT.search(name):
                found.add(name.encode())
        for text in LITERAL.findall(code):
            # Escapes would have to be decoded first; these words are enough.
            if FAULT.search(text) and '\\' not in text and len(text) >= 8:
                found.add(text.encode())
    return sources, found


def present(binary, wanted):
    with open(binary, 'rb') as f:
        data = f.read()
    return sorted(m.decode() for m in wanted if m in data)


def main(argv):
    if len(argv) != 4:
        print('usage: check-fault-code.py SERVER_SOURCE_DIR APP_BINARY TEST_BINARY',
              file=sys.stderr)
        return 2
    source_dir, app, test_binary = argv[1:]

    sources, wanted = markers(source_dir)
    if not sources:
        print(f'No salvage-server-fault*.c in {source_dir}', file=sys.stderr)
        return 1
    print(f'{len(wanted)} traces of the fault code, from {len(sources)} files')

    status = 0
    in_test = present(test_binary, wanted)
    if not in_test:
        print(f'FAIL: none of them is in {test_binary}, which links the fault code: '
              'the check cannot see it')
        status = 1
    else:
        print(f'{os.path.basename(test_binary)} shows {len(in_test)} of them, as it should')

    in_app = present(app, wanted)
    if in_app:
        print(f'FAIL: {app} holds fault code:')
        for marker in in_app:
            print(f'  {marker}')
        status = 1
    else:
        print(f'{os.path.basename(app)} holds none of them')

    return status


if __name__ == '__main__':
    sys.exit(main(sys.argv))
