#!/usr/bin/python3
# test-words.py - what a screen reader hears of the demo, and the keys that lead back
#
# Starts `salvage --demo` and reads its accessibility tree as a screen
# reader does: every expander of the Projects tree is a button named after
# what it opens, each one apart ("Versions of “PCB Defects”"), not a row of
# buttons that all read the same; a Trash entry close to its cleanup says
# so in words, not in colour alone; and adding a workspace is left with
# the Escape key, pressed as a keyboard does.
#
# Usage: test-words.py SALVAGE-EXECUTABLE
#
# SPDX-License-Identifier: GPL-3.0-or-later

import importlib.util
import os
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('e2e', os.path.join(HERE, 'test-delete-restore.py'))
e2e = importlib.util.module_from_spec(spec)
spec.loader.exec_module(e2e)
Atspi = e2e.Atspi

ESCAPE = 0xff1b  # the keysym


def expander_names(app):
    """The names of the buttons in the first cell of each shown row of
    the Projects table, with the row's own name."""
    table = app.table('Projects')
    if table is None:
        return None
    found = []
    for row in e2e.descendants(table):
        if row.get_role_name() != 'table row':
            continue
        cells = [c for c in e2e.children(row) if c.get_role_name() == 'table cell']
        if len(cells) < 2:
            continue  # the column headers
        for button in e2e.descendants(cells[0]):
            if button.get_role_name() in e2e.BUTTON:
                found.append((cells[0].get_name() or '', button.get_name() or ''))
    return found


def check_expanders(app):
    names = e2e.wait_for('the Projects rows have expanders', lambda: expander_names(app))
    seen = set()
    for row, name in names:
        if name != f'Versions of “{row}”':
            raise e2e.StepFailed(f'the expander of the row “{row}” is named “{name}”')
        if name in seen:
            raise e2e.StepFailed(f'two expanders are named “{name}”')
        seen.add(name)
    print(f'# {len(names)} expanders name what they open')


def warnings_shown(app):
    table = app.table('Trash')
    if table is None:
        return None
    return [a for a in e2e.descendants(table)
            if a.get_role_name() in ('image', 'icon') and a.get_name() == 'Removed for good soon']


def check_cleanup_warnings(app):
    step = 'the Trash page tab is shown'
    tab = e2e.wait_for(step, lambda: e2e.find(app.window, 'page tab', lambda n: n == 'Trash'))
    e2e.click(step, tab)
    found = e2e.wait_for('an entry near its cleanup is marked in words',
                         lambda: warnings_shown(app))
    print(f'# {len(found)} Trash entries are marked “Removed for good soon”')


def check_escape_leaves_add_workspace(app):
    step = 'the workspace switcher is shown'
    switcher = e2e.wait_for(step, lambda: e2e.find(app.window, 'toggle button',
                                                   lambda n: n == 'Switch Workspace'))
    e2e.click(step, switcher)
    step = 'the switcher offers Add Workspace'
    add = e2e.wait_for(step, lambda: e2e.find(app.accessible, e2e.BUTTON,
                                              lambda n: e2e.label_of(n) == 'Add Workspace…'))
    e2e.click(step, add)

    back_shown = lambda: e2e.find(app.window, e2e.BUTTON, lambda n: n == 'Back to the Workspace')
    e2e.wait_for('adding a workspace offers a way back', back_shown)
    # The key goes where the focus is, in the API key's entry.
    time.sleep(0.5)
    Atspi.generate_keyboard_event(ESCAPE, None,
                                  Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    e2e.wait_for('Escape leads back to the workspace',
                 lambda: back_shown() is None and app.table('Trash') is not None)
    print('# Escape leaves Add Workspace')


def run_steps(app):
    app.accessible = e2e.wait_for('the application appears on the accessibility bus',
                                  app.find_application)
    app.window = e2e.wait_for('the main window opens', app.find_window)
    e2e.wait_for('the Projects page lists projects',
                 lambda: app.button_in_table('Projects', 'Move “'))
    check_expanders(app)
    check_cleanup_warnings(app)
    check_escape_leaves_add_workspace(app)


def main():
    if len(sys.argv) != 2:
        print(f'usage: {sys.argv[0]} SALVAGE-EXECUTABLE', file=sys.stderr)
        return 2

    home = tempfile.TemporaryDirectory(prefix='salvage-e2e-')
    env = dict(os.environ,
               HOME=home.name,
               XDG_CONFIG_HOME=os.path.join(home.name, 'config'),
               XDG_DATA_HOME=os.path.join(home.name, 'data'),
               XDG_CACHE_HOME=os.path.join(home.name, 'cache'),
               GDK_BACKEND='x11',
               GSK_RENDERER='cairo',
               GSETTINGS_BACKEND='memory')
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    if not e2e.wait_for_display(20):
        print(f'FAIL: the X display {os.environ.get("DISPLAY")} answers: not within 20 s')
        return 1

    try:
        return e2e.drive([sys.argv[1], '--demo'], env, run_steps)
    finally:
        home.cleanup()


if __name__ == '__main__':
    sys.exit(main())
