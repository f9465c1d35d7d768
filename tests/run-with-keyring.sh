#!/bin/sh
# run-with-keyring.sh - runs a test against a fresh, unlocked gnome-keyring
#
# Usage: dbus-run-session -- run-with-keyring.sh COMMAND [ARGUMENT…]
#
# Inside the D-Bus session that dbus-run-session gives it, this starts
# gnome-keyring-daemon on a throwaway HOME, unlocks it, runs COMMAND with
# SALVAGE_TEST_KEYRING set and exits with its status. The daemon and the
# HOME are gone afterwards, whatever happened; nothing touches the real
# keyring.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

home=$(mktemp -d "${TMPDIR:-/tmp}/salvage-keyring.XXXXXX")
daemon_pid=

cleanup ()
{
  if [ -n "$daemon_pid" ]; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  # Where xdg-desktop-portal is installed, its document portal mounts a
  # FUSE file system in the runtime folder; it goes with the session, but
  # may still be mounted here.
  if [ -d "$home/runtime/doc" ] && command -v fusermount >/dev/null 2>&1; then
    fusermount -u -z "$home/runtime/doc" 2>/dev/null || true
  fi
  # A leftover must not turn a passing test into a failure.
  rm -rf "$home" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

export HOME="$home"
export XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -m 0700 -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"

# An unlock prompt must never reach a real screen: without a display the
# prompter fails at once, which the keyring reports as a dismissed prompt.
# A GUI test still gets its own (virtual) display back below.
test_display=${DISPLAY-}
unset DISPLAY WAYLAND_DISPLAY

# Whatever the bus starts on demand (a second keyring daemon, the prompter)
# gets the same throwaway directories and no display either.
if command -v dbus-update-activation-environment >/dev/null 2>&1; then
  dbus-update-activation-environment HOME XDG_DATA_HOME XDG_CONFIG_HOME \
    XDG_CACHE_HOME XDG_RUNTIME_DIR DISPLAY= WAYLAND_DISPLAY= 2>/dev/null
fi

# The password of a keyring that lives for this run only.
printf '%s' "salvage-test" | gnome-keyring-daemon --foreground --unlock --components=secrets \
  >"$home/keyring.log" 2>&1 &
daemon_pid=$!

if ! gdbus wait --session --timeout 10 org.freedesktop.secrets; then
  echo "Bail out! gnome-keyring-daemon did not take org.freedesktop.secrets"
  cat "$home/keyring.log" >&2
  exit 1
fi

export SALVAGE_TEST_KEYRING=unlocked
if [ -n "$test_display" ]; then
  export DISPLAY="$test_display"
fi

status=0
"$@" || status=$?
exit "$status"
