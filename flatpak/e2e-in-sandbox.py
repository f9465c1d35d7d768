#!/usr/bin/python3
# e2e-in-sandbox.py - run the end-to-end test against the installed Flatpak
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: e2e-in-sandbox.py TEST-SCRIPT APP-ID
#
# The end-to-end test starts a program and finds it on the accessibility bus
# by its process id. In the sandbox the application has another process id,
# and it reaches the bus through a proxy, so here it is found instead as the
# application that shows a window called "Salvage". Everything else is the
# test itself, unchanged. Run inside its own Xvfb and D-Bus session, with the
# FLATPAK_USER_DIR of the installation: the flatpak test suite runs it so,
# through run-check.py.

import importlib.util
import os
import stat
import sys
import tempfile


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} TEST-SCRIPT APP-ID', file=sys.stderr)
        return 2
    script, app_id = sys.argv[1:]

    spec = importlib.util.spec_from_file_location('e2e', script)
    e2e = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(e2e)

    def find_application(self):
        for app in e2e.children(e2e.Atspi.get_desktop(0)):
            for child in e2e.children(app):
                if child.get_role_name() == 'frame' and child.get_name() == 'Salvage':
                    return app
        return None

    e2e.App.find_application = find_application

    # The test runs "PROGRAM --demo": make PROGRAM start the sandbox.
    with tempfile.TemporaryDirectory(prefix='salvage-e2e-flatpak-') as tmp:
        launcher = os.path.join(tmp, 'salvage')
        with open(launcher, 'w', encoding='utf-8') as f:
            f.write('#!/bin/sh\nexec flatpak run %s "$@"\n' % app_id)
        os.chmod(launcher, stat.S_IRWXU)
        sys.argv = [script, launcher]
        return e2e.main()


if __name__ == '__main__':
    sys.exit(main())
