#!/usr/bin/env python3
# check-i18n.py - check that the user interface is translatable and translated
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   check-i18n.py marks FILE|DIR...       strings shown to people are marked for translation
#   check-i18n.py potfiles SRCDIR         po/POTFILES.in lists every file with marked strings
#   check-i18n.py po SRCDIR LANG...       po/LANG.po translates every string of the sources
#
# The marks check is a heuristic: in .ui files, the properties that hold text
# (label, title, tooltip-text, ...) must say translatable="yes"; in C, a
# string literal handed straight to a setter of visible text must be wrapped
# in _(), N_() or C_(). Text without letters (punctuation, format strings
# made of conversions only) is left alone, and so is anything marked
# translatable="no" on purpose.

import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# Properties of GtkBuilder objects whose value a person reads.
UI_TEXT_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup',
    'description', 'placeholder-text', 'heading', 'body', 'text',
    'button-label', 'comments',
}

UI_NOT_TRANSLATABLE = {'no', 'false', 'n', 'f', '0'}

# Functions taking visible text, with the 0-based positions of those
# arguments; None means every argument after the first.
C_TEXT_SETTERS = {
    'adw_toast_new': (0,),
    'adw_toast_new_format': (0,),
    'adw_toast_set_title': (1,),
    'adw_toast_set_button_label': (1,),
    'adw_status_page_set_title': (1,),
    'adw_status_page_set_description': (1,),
    'adw_window_title_new': (0, 1),
    'adw_window_title_set_title': (1,),
    'adw_window_title_set_subtitle': (1,),
    'adw_message_dialog_new': (1, 2),
    'adw_message_dialog_set_heading': (1,),
    'adw_message_dialog_set_body': (1,),
    'adw_message_dialog_format_heading': (1,),
    'adw_message_dialog_format_body': (1,),
    'adw_message_dialog_add_response': (2,),
    'adw_message_dialog_set_response_label': (2,),
    'adw_preferences_row_set_title': (1,),
    'adw_preferences_group_set_title': (1,),
    'adw_preferences_group_set_description': (1,),
    'adw_action_row_set_subtitle': (1,),
    'adw_expander_row_set_subtitle': (1,),
    'adw_view_stack_add_titled': (3,),
    'adw_view_stack_page_set_title': (1,),
    'adw_about_window_set_comments': (1,),
    'adw_about_window_set_translator_credits': (1,),
    'adw_about_window_add_link': (1,),
    'adw_about_window_add_credit_section': (1,),
    'gtk_label_new': (0,),
    'gtk_label_new_with_mnemonic': (0,),
    'gtk_label_set_text': (1,),
    'gtk_label_set_label': (1,),
    'gtk_label_set_markup': (1,),
    'gtk_label_set_text_with_mnemonic': (1,),
    'gtk_label_set_markup_with_mnemonic': (1,),
    'gtk_button_new_with_label': (0,),
    'gtk_button_new_with_mnemonic': (0,),
    'gtk_button_set_label': (1,),
    'gtk_check_button_new_with_label': (0,),
    'gtk_check_button_new_with_mnemonic': (0,),
    'gtk_check_button_set_label': (1,),
    'gtk_menu_button_set_label': (1,),
    'gtk_window_set_title': (1,),
    'gtk_widget_set_tooltip_text': (1,),
    'gtk_widget_set_tooltip_markup': (1,),
    'gtk_entry_set_placeholder_text': (1,),
    'gtk_column_view_column_new': (0,),
    'gtk_column_view_column_set_title': (1,),
    'gtk_accessible_update_property': None,
    'g_menu_append': (1,),
    'g_menu_prepend': (1,),
    'g_menu_insert': (2,),
    'g_menu_append_section': (1,),
    'g_menu_append_submenu': (1,),
    'g_menu_item_new': (0,),
    'g_menu_item_set_label': (1,),
    'g_notification_new': (0,),
    'g_notification_set_body': (1,),
    'g_application_add_main_option': (5, 6),
}

# Functions setting properties by name, whose text properties are checked
# like the setters above.
C_PROPERTY_SETTERS = {'g_object_new', 'g_object_set', 'gtk_widget_new'}
C_TEXT_PROPERTIES = UI_TEXT_PROPERTIES | {
    'application-name', 'developer-name', 'translator-credits', 'release-notes',
}

TOKEN_RE = re.compile(r'''
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>(?:u8|[uUL])?"(?:\\.|[^"\\\n])*")
  | (?P<char>'(?:\\.|[^'\\\n])+')
  | (?P<ident>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<newline>\n)
  | (?P<space>[ \t\r\f\v]+|\\\n)
  | (?P<punct>.)
''', re.VERBOSE | re.DOTALL)


def has_words(text):
    """Whether text holds something to translate, not just markup and conversions."""
    text = re.sub(r'<[^>]*>', '', text)
    text = re.sub(r'&[A-Za-z]+;', '', text)
    text = re.sub(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]', '', text)
    text = re.sub(r'\\.', '', text)
    return re.search(r'[^\W\d_]', text) is not None


def c_tokens(source):
    """Yield (kind, text, line) for the tokens of a C file, without comments."""
    line = 1
    for match in TOKEN_RE.finditer(source):
        kind = match.lastgroup
        text = match.group()
        if kind not in ('comment', 'space', 'newline'):
            yield kind, text, line
        line += text.count('\n')


def check_c(path, source):
    problems = []
    tokens = list(c_tokens(source))
    for i, (kind, text, line) in enumerate(tokens):
        if kind != 'ident' or (text not in C_TEXT_SETTERS and text not in C_PROPERTY_SETTERS):
            continue
        if i + 1 >= len(tokens) or tokens[i + 1][1] != '(':
            continue
        # A declaration or a pointer to the function, not a call.
        if i > 0 and tokens[i - 1][1] in ('*', '&'):
            continue

        # Split the arguments at the commas outside nested brackets, noting
        # the string literals that are not inside a nested call such as _().
        args = [[]]
        depth = 0
        j = i + 1
        while j < len(tokens):
            k, t, l = tokens[j]
            if t in '([{':
                depth += 1
            elif t in ')]}':
                depth -= 1
                if depth == 0:
                    break
            elif t == ',' and depth == 1:
                args.append([])
            elif k == 'string' and depth == 1:
                args[-1].append((t, l))
            j += 1

        if text in C_PROPERTY_SETTERS:
            # The argument after a text property's name is its value.
            positions = [n + 1 for n, arg in enumerate(args)
                         if len(arg) == 1 and arg[0][0][1:-1] in C_TEXT_PROPERTIES]
        else:
            positions = C_TEXT_SETTERS[text]
        if positions is None:
            positions = range(1, len(args))
        for position in positions:
            if position >= len(args):
                continue
            literals = args[position]
            bodies = [re.sub(r'^(?:u8|[uUL])?"|"$', '', t) for t, _ in literals]
            if any(has_words(b) for b in bodies):
                problems.append('%s:%d: %s() is given "%s" without _()'
                                % (path, literals[0][1], text, ''.join(bodies)))
    return problems


def check_ui(path, source):
    problems = []
    try:
        root = ET.fromstring(source)
    except ET.ParseError as e:
        return ['%s: not well-formed XML: %s' % (path, e)]

    def visit(element, parent):
        tag = element.tag
        candidate = None
        if tag == 'property' and element.get('name') in UI_TEXT_PROPERTIES:
            candidate = 'property “%s”' % element.get('name')
        elif tag == 'attribute' and element.get('name') == 'label':
            candidate = 'menu label'
        elif tag == 'item' and parent is not None and parent.tag == 'items':
            candidate = 'list item'
        if candidate is not None:
            value = (element.text or '').strip()
            translatable = element.get('translatable')
            # xgettext extracts only translatable="yes"; an explicit "no" is
            # a decision, not an omission.
            if (value and has_words(value) and translatable != 'yes'
                    and translatable not in UI_NOT_TRANSLATABLE):
                problems.append('%s: %s “%s” is not marked translatable="yes"'
                                % (path, candidate, value))
        for child in element:
            visit(child, element)

    visit(root, None)
    return problems


def cmd_marks(paths):
    # --expect N: the files are examples of mistakes, and exactly N must be
    # found; this keeps the check itself honest.
    expected = None
    if len(paths) > 2 and paths[0] == '--expect':
        expected = int(paths[1])
        paths = paths[2:]
    files = []
    for path in paths:
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames.sort()
                files += [os.path.join(dirpath, name) for name in sorted(filenames)
                          if name.endswith(('.c', '.ui'))]
        else:
            files.append(path)
    paths = files
    problems = []
    for path in paths:
        with open(path, encoding='utf-8') as f:
            source = f.read()
        if path.endswith('.ui'):
            problems += check_ui(path, source)
        elif path.endswith('.c'):
            problems += check_c(path, source)
        else:
            problems.append('%s: neither a .ui nor a .c file' % path)
    for problem in problems:
        print(problem)
    print('%d file(s) checked, %d string(s) not marked for translation'
          % (len(paths), len(problems)))
    if expected is not None:
        if len(problems) != expected:
            print('Expected %d, the check is broken' % expected)
            return 1
        return 0
    return 1 if problems else 0


MARKS_RE = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|g_dcgettext)\s*\(')


def read_potfiles(srcdir):
    entries = []
    with open(os.path.join(srcdir, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def cmd_potfiles(srcdir):
    problems = []
    listed = read_potfiles(srcdir)
    for entry in listed:
        if not os.path.isfile(os.path.join(srcdir, entry)):
            problems.append('po/POTFILES.in: %s does not exist' % entry)

    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcdir)
                if name.endswith('.c'):
                    with open(path, encoding='utf-8') as f:
                        marked = MARKS_RE.search(f.read()) is not None
                elif name.endswith('.ui'):
                    with open(path, encoding='utf-8') as f:
                        marked = 'translatable="yes"' in f.read()
                elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                    marked = True
                else:
                    continue
                if marked and rel not in listed:
                    problems.append('po/POTFILES.in: %s has translatable strings but is not listed'
                                    % rel)
    for problem in problems:
        print(problem)
    print('%d file(s) listed, %d problem(s)' % (len(listed), len(problems)))
    return 1 if problems else 0


# The keywords and flags of Meson's "glib" gettext preset, which builds the
# template (ninja salvage-pot); repeated here so that the check never writes
# into the source tree.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
]


def po_entries(path):
    """Map (msgctxt, msgid) to (translated, fuzzy) for the active entries of a PO file."""
    out = subprocess.run(['msgattrib', '--no-obsolete', '--no-wrap', '--sort-output', path],
                         check=True, capture_output=True, text=True).stdout
    entries = {}
    for block in out.split('\n\n'):
        fields = {}
        key = None
        fuzzy = False
        for line in block.splitlines():
            if line.startswith('#,') and 'fuzzy' in line:
                fuzzy = True
            m = re.match(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key is not None:
                fields[key] += line[1:-1]
        if 'msgid' not in fields or fields['msgid'] == '':
            continue
        translations = [v for k, v in fields.items() if k.startswith('msgstr')]
        translated = bool(translations) and all(translations)
        entries[(fields.get('msgctxt'), fields['msgid'])] = (translated, fuzzy)
    return entries


def cmd_po(srcdir, languages):
    with open(os.path.join(srcdir, 'po', 'LINGUAS'), encoding='utf-8') as f:
        linguas = [w for line in f if not line.startswith('#') for w in line.split()]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'salvage.pot')
        subprocess.run(['xgettext', '--package-name=salvage', '--output=' + pot,
                        '--directory=' + srcdir, '--files-from=' + os.path.join(srcdir, 'po', 'POTFILES.in')]
                       + XGETTEXT_ARGS, check=True)
        template = po_entries(pot)
        if not template:
            problems.append('xgettext found no strings in the files of po/POTFILES.in')

        for lang in languages:
            po = os.path.join(srcdir, 'po', lang + '.po')
            if lang not in linguas:
                problems.append('po/LINGUAS does not list %s' % lang)
            if not os.path.isfile(po):
                problems.append('%s does not exist' % po)
                continue
            check = subprocess.run(['msgfmt', '--check', '--output-file=/dev/null', po],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                problems.append('po/%s.po does not compile:\n%s' % (lang, check.stderr.strip()))
            translated = po_entries(po)
            done = 0
            for (ctxt, msgid) in sorted(template, key=lambda k: (k[0] or '', k[1])):
                name = msgid if ctxt is None else '%s (context “%s”)' % (msgid, ctxt)
                entry = translated.get((ctxt, msgid))
                if entry is None:
                    problems.append('po/%s.po: missing: %s' % (lang, name))
                elif entry[1]:
                    problems.append('po/%s.po: fuzzy: %s' % (lang, name))
                elif not entry[0]:
                    problems.append('po/%s.po: untranslated: %s' % (lang, name))
                else:
                    done += 1
            stale = len(set(translated) - set(template))
            print('po/%s.po: %d of %d strings translated%s'
                  % (lang, done, len(template),
                     ', %d no longer in the sources' % stale if stale else ''))

    for problem in problems:
        print(problem)
    if problems:
        print('Run “ninja -C BUILDDIR salvage-pot salvage-update-po”, then translate.')
    return 1 if problems else 0


def main(argv):
    if len(argv) >= 3 and argv[1] == 'marks':
        return cmd_marks(argv[2:])
    if len(argv) == 3 and argv[1] == 'potfiles':
        return cmd_potfiles(argv[2])
    if len(argv) >= 4 and argv[1] == 'po':
        return cmd_po(argv[2], argv[3:])
    print('usage: check-i18n.py marks [--expect N] FILE... | potfiles SRCDIR | po SRCDIR LANG...',
          file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
