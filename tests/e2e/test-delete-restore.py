#!/usr/bin/python3
# test-delete-restore.py - moves a project to the Trash and back, through the accessibility tree
#
# Starts `salvage --demo` and drives it as a person with a screen reader
# would: it finds the controls by their role and accessible name, clicks
# them through their AT-SPI actions and waits for what a person would wait
# for. Every wait has a time limit; a step that does not happen in time
# fails the test and says which step it was. The application is killed at
# the end, whatever happens.
#
# Usage: test-delete-restore.py [--size WIDTHxHEIGHT] SALVAGE-EXECUTABLE
#
# With --size the window opens at that size (through its settings, which
# need GSETTINGS_SCHEMA_DIR), and no page may scroll sideways: at 360x640
# the pages show rows rather than columns.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import os
import signal
import subprocess
import sys
import tempfile
import time
import warnings

try:
    import gi
    gi.require_version('Atspi', '2.0')
    from gi.repository import Atspi, GLib
except (ImportError, ValueError) as e:
    print(f'SKIP: AT-SPI bindings are not available: {e}')
    sys.exit(77)

# The bindings mark get_action_name() deprecated for a successor that this
# libatspi does not have yet.
warnings.filterwarnings('ignore', message='Atspi.Action.get_action_name is deprecated')


def _quiet_cache_race(domain, level, message, user_data):
    # libatspi asks each application that appears on the bus for its cache,
    # which GTK does not provide; it gets its answer another way, and says
    # so as a warning. Anything else it says is still printed.
    if 'org/a11y/atspi/cache' not in message:
        GLib.log_default_handler(domain, level, message, user_data)


GLib.log_set_handler('dbind', GLib.LogLevelFlags.LEVEL_WARNING, _quiet_cache_race, None)

# Long enough for a slow machine; a step that waits this long has failed.
STEP_LIMIT = 20.0
POLL_INTERVAL = 0.1

PR_SET_PDEATHSIG = 1


class StepFailed(Exception):
    pass


def die_with_parent():
    # Runs in the child between fork and exec: should this script be
    # killed outright, the application goes with it.
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


# The application under test, to notice when it dies.
application_process = None


def wait_for(step, probe, process=None, limit=STEP_LIMIT):
    """Calls @probe until it returns something true and returns that; fails
    when @process (by default the application under test) exits first."""
    process = process or application_process
    deadline = time.monotonic() + limit
    while True:
        if process is not None and process.poll() is not None:
            raise StepFailed(f'{step}: the application exited with status {process.returncode}')
        try:
            found = probe()
        except GLib.GError:
            # The tree changes under our feet while rows are recycled:
            # an object gone between two calls is not a failure.
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise StepFailed(f'{step}: not seen within {limit:.0f} s')
        time.sleep(POLL_INTERVAL)


def width(accessible):
    try:
        return Atspi.Component.get_extents(accessible, Atspi.CoordType.WINDOW).width
    except GLib.GError:
        return -1


def is_shown(accessible):
    # Widgets that are not on screen (hidden pages, a dialog that has
    # gone) have no width.
    return width(accessible) > 0


def children(accessible):
    for i in range(accessible.get_child_count()):
        child = accessible.get_child_at_index(i)
        if child is not None:
            yield child


def descendants(accessible):
    """The shown descendants of @accessible, depth first."""
    for child in children(accessible):
        # Objects without a component (stack pages) have no extents but
        # can hold shown widgets.
        if width(child) == 0:
            continue
        yield child
        yield from descendants(child)


# GTK names the role of a button "button"; older versions said "push button".
BUTTON = ('button', 'push button')


def find(root, role, match):
    """The first shown descendant of @root with @role (a name, or a tuple
    of names) whose accessible name @match accepts."""
    roles = role if isinstance(role, tuple) else (role,)
    for accessible in descendants(root):
        if accessible.get_role_name() in roles and match(accessible.get_name() or ''):
            return accessible
    return None


def label_of(name):
    """The label of a button as a person reads it, without a mnemonic's
    underline."""
    return name.replace('_', '')


def click(step, accessible):
    for i in range(Atspi.Action.get_n_actions(accessible)):
        if Atspi.Action.get_action_name(accessible, i) == 'click':
            Atspi.Action.do_action(accessible, i)
            return
    raise StepFailed(f'{step}: “{accessible.get_name()}” cannot be clicked')


def quoted(name):
    """The text between the first “ and the next ”."""
    start = name.index('“') + 1
    return name[start:name.index('”', start)]


class App:
    def __init__(self, process):
        self.process = process
        self.accessible = None
        self.window = None

    def find_application(self):
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            if app.get_process_id() == self.process.pid:
                return app
        return None

    def find_window(self):
        for child in children(self.accessible):
            if child.get_role_name() == 'frame' and child.get_name() == 'Salvage':
                return child
        return None

    # Confirmations are drawn inside the window, named by their heading.
    # (Toasts are alerts too, without a name.)
    def find_dialog(self, heading):
        for child in descendants(self.window):
            if child.get_role_name() in ('dialog', 'alert') and child.get_name() == heading:
                return child
        return None

    def table(self, name):
        """The shown list of the page called @name: a table of columns on a
        wide window, a list of rows on a narrow one."""
        return find(self.window, ('tree table', 'list'), lambda n: n == name)

    def button_in_table(self, table_name, prefix):
        table = self.table(table_name)
        if table is None:
            return None
        return find(table, BUTTON, lambda n: n.startswith(prefix))


def check_row_buttons(app, table_name):
    """Each shown row's action button is named after the row's item, as a
    screen reader reads it: “Move “PCB Defects” to Trash”, not "Move to
    Trash" twelve times. Returns how many were checked."""
    table = app.table(table_name)
    if table is None:
        raise StepFailed(f'the {table_name} table is not shown')
    checked = 0
    if table.get_role_name() == 'list':
        # Rows: each row's button names the item the row shows.
        for row in descendants(table):
            if row.get_role_name() != 'list item':
                continue
            for button in descendants(row):
                if button.get_role_name() in BUTTON:
                    name = button.get_name() or ''
                    if '“' not in name or '”' not in name:
                        raise StepFailed(f'a button of a {table_name} row is named “{name}”')
                    checked += 1
        return checked
    for row in descendants(table):
        if row.get_role_name() != 'table row':
            continue
        cells = [c for c in children(row) if c.get_role_name() == 'table cell']
        if len(cells) < 2:
            continue  # the column headers
        item = cells[0].get_name() or ''
        for button in descendants(cells[-1]):
            if button.get_role_name() in BUTTON:
                if f'“{item}”' not in (button.get_name() or ''):
                    raise StepFailed(f'the button of the {table_name} row “{item}” is named '
                                     f'“{button.get_name()}”')
                checked += 1
    return checked


def check_no_sideways_scrolling(app, page):
    """No scroll bar across the window: everything of @page fits its width."""
    for accessible in descendants(app.window):
        if accessible.get_role_name() != 'scroll bar':
            continue
        extents = Atspi.Component.get_extents(accessible, Atspi.CoordType.WINDOW)
        if extents.width > extents.height:
            raise StepFailed(f'the {page} page scrolls sideways')


def run_steps(app, narrow=False):
    app.accessible = wait_for('the application appears on the accessibility bus',
                              app.find_application)
    app.window = wait_for('the main window opens', app.find_window)

    # 1. Pick the first project on the Projects page and delete it.
    step = 'the Projects page lists projects with a Move to Trash button'
    delete = wait_for(step, lambda: app.button_in_table('Projects', 'Move “'))
    project = quoted(delete.get_name())
    delete_name = f'Move “{project}” to Trash'
    print(f'# {check_row_buttons(app, "Projects")} row buttons of the Projects page name their item')
    if narrow:
        check_no_sideways_scrolling(app, 'Projects')
    print(f'# deleting the project “{project}”')
    click(step, delete)

    step = 'the delete confirmation opens'
    dialog = wait_for(step, lambda: app.find_dialog('Move to Trash?'))
    step = 'the delete confirmation shows “Move to Trash”'
    confirm = wait_for(step, lambda: find(dialog, BUTTON,
                                          lambda n: label_of(n) == 'Move to Trash'))
    click(step, confirm)

    wait_for('the delete confirmation closes', lambda: not is_shown(dialog))
    wait_for(f'“{project}” leaves the Projects page',
             lambda: app.table('Projects') is not None and
             app.button_in_table('Projects', delete_name) is None)

    # 2. Find it in the Trash: newly deleted items are kept longest, so
    # they sort last; search for it by name as a person would.
    step = 'the Trash page tab is shown'
    tab = wait_for(step, lambda: find(app.window, 'page tab', lambda n: n == 'Trash'))
    click(step, tab)
    wait_for('the Trash page shows its table', lambda: app.table('Trash'))
    wait_for('the Trash page shows its rows', lambda: check_row_buttons(app, 'Trash') > 0)
    print(f'# {check_row_buttons(app, "Trash")} row buttons of the Trash page name their item')
    if narrow:
        check_no_sideways_scrolling(app, 'Trash')

    step = 'the Search button is shown'
    search = wait_for(step, lambda: find(app.window, BUTTON + ('toggle button',),
                                         lambda n: n == 'Search'))
    click(step, search)
    step = 'the search entry opens'
    entry = wait_for(step, lambda: find(app.window, 'entry', lambda n: n == 'Search by name'))
    if not Atspi.EditableText.set_text_contents(entry, project):
        raise StepFailed(f'{step}: could not type into the search entry')

    step = f'“{project}” shows in the Trash with a Restore button'
    restore = wait_for(step, lambda: app.button_in_table('Trash', f'Restore “{project}”'))
    click(step, restore)

    step = 'the restore confirmation opens'
    dialog = wait_for(step, lambda: app.find_dialog('Restore Item?'))
    step = 'the restore confirmation shows “Restore”'
    confirm = wait_for(step, lambda: find(dialog, BUTTON,
                                          lambda n: label_of(n) == 'Restore'))
    click(step, confirm)

    wait_for('the restore confirmation closes', lambda: not is_shown(dialog))
    wait_for(f'“{project}” leaves the Trash',
             lambda: app.button_in_table('Trash', f'Restore “{project}”') is None)

    # 3. Back on the Projects page, it is there again.
    step = 'the Projects page tab is shown'
    tab = wait_for(step, lambda: find(app.window, 'page tab', lambda n: n == 'Projects'))
    click(step, tab)
    wait_for(f'“{project}” is back on the Projects page',
             lambda: app.button_in_table('Projects', delete_name))
    print(f'# “{project}” is back')


def wait_for_display(limit):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if subprocess.run(['xdpyinfo'], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0:
            return True
        time.sleep(0.1)
    return False


def main():
    args = sys.argv[1:]
    size = None
    if len(args) == 3 and args[0] == '--size':
        size = [int(n) for n in args[1].split('x')]
        args = args[2:]
    if len(args) != 1:
        print(f'usage: {sys.argv[0]} [--size WIDTHxHEIGHT] SALVAGE-EXECUTABLE', file=sys.stderr)
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
    # This test needs the accessibility tree that other tests turn off.
    env.pop('GTK_A11Y', None)
    env.pop('NO_AT_BRIDGE', None)

    if size is not None:
        # The window's size is one of its settings.
        settings_dir = os.path.join(home.name, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings_dir)
        with open(os.path.join(settings_dir, 'keyfile'), 'w') as f:
            f.write('[io/github/salvage/Salvage]\n'
                    f'window-width={size[0]}\nwindow-height={size[1]}\n')
        env['GSETTINGS_BACKEND'] = 'keyfile'

    # xvfb-run can hand over before a busy machine's X server takes
    # connections; a program started then fails with "cannot open display".
    if not wait_for_display(20):
        print(f'FAIL: the X display {os.environ.get("DISPLAY")} answers: not within 20 s')
        return 1

    try:
        return drive([args[0], '--demo'], env, run_steps, size is not None and size[0] < 600)
    finally:
        home.cleanup()


def drive(command, env, steps, *args, others=()):
    """Starts the application with @command and @env, runs steps(App, *args)
    against it, and returns the test's exit status. The application, and
    the processes of @others, are killed at the end, whatever happens."""
    global application_process
    process = subprocess.Popen(command, env=env, preexec_fn=die_with_parent)
    application_process = process
    # meson stops a test that runs too long with SIGTERM: clean up then too.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))

    started = time.monotonic()
    try:
        steps(App(process), *args)
    except StepFailed as e:
        print(f'FAIL: {e}')
        return 1
    finally:
        for p in (process, *others):
            if p.poll() is None:
                p.kill()
            p.wait()

    if process.returncode not in (0, -signal.SIGKILL):
        print(f'FAIL: the application exited with status {process.returncode}')
        return 1

    print(f'PASS in {time.monotonic() - started:.1f} s')
    return 0


if __name__ == '__main__':
    sys.exit(main())
