#!/usr/bin/python3
# test-server-choice.py - a key from the environment goes to the server the welcome page shows
#
# Starts the stand-in server (salvage-server) and, on a second port, a
# decoy that only counts who connects to it. The Roboflow CLI's login names
# the decoy as its API_URL; the application is started with --api-url
# pointing at the stand-in, and ROBOFLOW_API_KEY set. A person reads the
# Server row, presses Use on the key from the environment, and the
# workspace opens from the stand-in; the decoy must never have been
# reached: the key travels only to the server the page shows.
#
# Usage: test-server-choice.py SALVAGE-EXECUTABLE SALVAGE-SERVER-EXECUTABLE
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading

_E2E_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-delete-restore.py')
_spec = importlib.util.spec_from_file_location('e2e', _E2E_SCRIPT)
e2e = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(e2e)

Atspi = e2e.Atspi
StepFailed = e2e.StepFailed
find = e2e.find
wait_for = e2e.wait_for

WORKSPACE = 'env-works'
API_KEY = 'envkey-R4tW8pLq2Zs'


class Decoy:
    """A listening socket on 127.0.0.1 that counts connections and answers none."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(('127.0.0.1', 0))
        self.socket.listen(8)
        self.connections = 0
        self.url = f'http://127.0.0.1:{self.socket.getsockname()[1]}'
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


def start_stand_in(executable):
    process = subprocess.Popen([executable, '--port', '0', '--workspace', WORKSPACE,
                                '--key', API_KEY, '--projects', '3', '--trash', '2'],
                               stdout=subprocess.PIPE, text=True,
                               preexec_fn=e2e.die_with_parent)
    line = process.stdout.readline()
    # "Serving workspace SLUG at URL"
    if ' at ' not in line:
        process.kill()
        raise StepFailed(f'the stand-in server did not say where it listens: {line!r}')
    return process, line.strip().rsplit(' at ', 1)[1]


def text_of(accessible):
    count = Atspi.Text.get_character_count(accessible)
    return Atspi.Text.get_text(accessible, 0, count) if count > 0 else ''


def is_use_button(accessible):
    if accessible.get_role_name() not in e2e.BUTTON:
        return False
    for child in e2e.descendants(accessible):
        if child.get_role_name() == 'label' and child.get_name() == 'Use':
            return True
    return False


def find_use_button(window):
    for accessible in e2e.descendants(window):
        if is_use_button(accessible):
            return accessible
    return None


def run_steps(app, stand_in_url, decoy):
    app.accessible = wait_for('the application appears on the accessibility bus',
                              app.find_application)
    app.window = wait_for('the main window opens', app.find_window)

    step = 'the welcome page offers the key from the environment'
    use = wait_for(step, lambda: find_use_button(app.window))
    # Named by its own label, not by the row around it.
    if e2e.label_of(use.get_name() or '').replace('_', '') != 'Use':
        raise StepFailed(f'the Use button is named “{use.get_name()}”')

    step = 'the Server row shows the server given with --api-url'
    server = wait_for(step, lambda: find(app.window, 'text', lambda n: n == 'API Server URL'))
    wait_for(step, lambda: text_of(server) == stand_in_url)
    print(f'# the Server row shows {text_of(server)}')

    e2e.click('the Use button', use)

    wait_for('the workspace opens with its projects',
             lambda: app.table('Projects') is not None and
             app.button_in_table('Projects', 'Move “') is not None)
    if text_of(server) != stand_in_url:
        raise StepFailed(f'the Server row changed to {text_of(server)}')

    # A connection attempt would have come long before the workspace opened.
    if decoy.connections != 0:
        raise StepFailed(f'the key went to the CLI login\'s server {decoy.url} '
                         f'({decoy.connections} connections)')
    print('# the decoy was never reached')


def main():
    if len(sys.argv) != 3:
        print(f'usage: {sys.argv[0]} SALVAGE-EXECUTABLE SALVAGE-SERVER-EXECUTABLE', file=sys.stderr)
        return 2

    if not e2e.wait_for_display(20):
        print(f'FAIL: the X display {os.environ.get("DISPLAY")} answers: not within 20 s')
        return 1

    home = tempfile.TemporaryDirectory(prefix='salvage-e2e-')
    decoy = Decoy()
    stand_in, stand_in_url = start_stand_in(sys.argv[2])

    # The CLI's login file names the decoy as its server.
    config = os.path.join(home.name, 'roboflow.json')
    with open(config, 'w') as f:
        json.dump({'workspaces': {'w1': {'url': WORKSPACE, 'name': 'Env Works',
                                         'apiKey': 'file-key-never-used'}},
                   'API_URL': decoy.url}, f)

    env = dict(os.environ,
               HOME=home.name,
               XDG_CONFIG_HOME=os.path.join(home.name, 'config'),
               XDG_DATA_HOME=os.path.join(home.name, 'data'),
               XDG_CACHE_HOME=os.path.join(home.name, 'cache'),
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo',
               GSETTINGS_BACKEND='memory',
               ROBOFLOW_CONFIG_DIR=config,
               ROBOFLOW_API_KEY=API_KEY)
    env.pop('API_URL', None)
    env.pop('RF_WORKSPACE', None)
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    try:
        return e2e.drive([sys.argv[1], '--api-url', stand_in_url], env,
                         run_steps, stand_in_url, decoy, others=(stand_in,))
    finally:
        home.cleanup()


if __name__ == '__main__':
    sys.exit(main())
