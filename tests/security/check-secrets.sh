#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs the suite's test programs again with every debug message enabled,
# with a throwaway HOME and XDG folders, and fails if any API key the tests
# use shows up in what they print or in any file they leave behind.
#
# usage: check-secrets.sh SOURCE_DIR TEST_PROGRAM...
# A TEST_PROGRAM written keyring:PATH runs under tests/run-with-keyring.sh,
# against a throwaway gnome-keyring on a D-Bus session of its own.
set -u

srcdir=$1
shift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Every key a test defines (#define …KEY… "value"), encoded forms included.
keys=$(grep -hoE '#define [A-Z_]*KEY[A-Z_]*[[:space:]]+"[^"]+"' \
         "$srcdir"/tests/*.c "$srcdir"/src/server/salvage-demo.h \
       | sed -E 's/.*"([^"]+)"/\1/' | grep -v '^salvage-' | sort -u)
if [ -z "$keys" ]; then
  echo "Bail out! no keys found to look for"
  exit 1
fi

export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
       XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
export G_MESSAGES_DEBUG=all

echo "1..$(( $# + 1 ))"
n=0
failed=0
for program in "$@"; do
  n=$((n + 1))
  wrapper=()
  case "$program" in
    keyring:*)
      # A D-Bus session of its own: what the earlier programs started on
      # the shared one (a desktop portal, and through it a keyring daemon
      # of its own) must not stand in for the test's keyring.
      program=${program#keyring:}
      wrapper=(dbus-run-session -- "$srcdir/tests/run-with-keyring.sh")
      ;;
  esac
  name=$(basename "$program")
  "${wrapper[@]}" "$program" > "$work/$name.out" 2>&1
  status=$?
  if [ $status -ne 0 ]; then
    echo "not ok $n - $name exited with $status under G_MESSAGES_DEBUG=all"
    tail -20 "$work/$name.out" | sed 's/^/# /'
    failed=1
    continue
  fi
  leaked=""
  while IFS= read -r key; do
    if grep -qF -- "$key" "$work/$name.out"; then
      leaked="$leaked $(printf '%s' "$key" | cut -c1-2)…"
    fi
  done <<< "$keys"
  if [ -n "$leaked" ]; then
    echo "not ok $n - $name printed an API key:$leaked"
    failed=1
  else
    echo "ok $n - $name printed no API key ($(wc -l < "$work/$name.out") lines checked)"
  fi
done

n=$((n + 1))
leaked=""
while IFS= read -r key; do
  files=$(grep -rlF -- "$key" "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" \
            "$XDG_CACHE_HOME" "$XDG_STATE_HOME" 2>/dev/null || true)
  [ -n "$files" ] && leaked="$leaked $files"
done <<< "$keys"
if [ -n "$leaked" ]; then
  echo "not ok $n - an API key was written to:$leaked"
  failed=1
else
  echo "ok $n - no file written under HOME or the XDG folders holds an API key"
fi

exit $failed
