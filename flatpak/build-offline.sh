#!/usr/bin/env bash
# build-offline.sh - build, install and start the Flatpak of Salvage without a network
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME runtime named by the manifest cannot always be downloaded, so this
# script makes a stand-in for it, exported as org.gnome.Sdk and
# org.gnome.Platform at the manifest's runtime-version, from the /usr and a
# few files of /etc of the system Salvage is built on: the Debian 13 root
# that build-aux/dev makes on an older host (see "build-aux/dev where"), or
# this machine itself when it has Salvage's libraries. The real manifest is
# then built with this machine's flatpak-builder, exported to a repository,
# packed into a bundle, installed from that bundle and run in the sandbox
# under Xvfb until its window appears. This checks the manifest, the install
# layout and the sandbox permissions; the libraries are Debian's, not the
# GNOME runtime's.
#
# Usage: flatpak/build-offline.sh [--ci] [WORKDIR]
#
#   --ci  Every check must run and pass. Without it, the end-to-end test and
#         the keyring check (below) are skipped, with a note that names what
#         to install, when the tools they need are missing; with it, a
#         skipped check is a failure.
#
# Everything, including a Flatpak installation of its own (FLATPAK_USER_DIR),
# goes to WORKDIR (default: $TMPDIR/salvage-flatpak). The stand-in runtime
# takes a few minutes and a few GB the first time; it is reused as long as
# the system it was made from has the same packages (WORKDIR/runtime/stamp
# holds a checksum of that system's dpkg status), and made again otherwise.
# Delete WORKDIR to reclaim the space.
#
# Needs, on this machine: flatpak flatpak-builder elfutils rsync ostree git
# xvfb xauth dbus imagemagick x11-utils python3. The last step runs the
# `flatpak` test suite (flatpak/meson.build) against the sandboxed app: the
# end-to-end test (tests/e2e), and the check that the app keeps its API key
# through the secret portal (flatpak/keyring-in-sandbox.py), which starts
# the stand-in Roboflow server. The suite is configured (in
# _build-flatpak-checks of the source folder) and run where Salvage's
# libraries are, through build-aux/dev, with this installation; that system
# gets xdg-desktop-portal for it. The stand-in runtime needs appstream-util
# there too, because flatpak-builder composes the AppStream data with the
# Sdk's appstream-compose. Both are installed there when missing.

set -euo pipefail

usage () {
  echo "usage: $0 [--ci] [WORKDIR]" >&2
  exit 2
}

ci=
while [ $# -gt 0 ]; do
  case $1 in
    --ci) ci=yes; shift ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[ $# -le 1 ] || usage

app_id=io.github.salvage.Salvage
srcdir=$(cd "$(dirname "$0")/.." && pwd)
dev=$srcdir/build-aux/dev
manifest_name=flatpak/$app_id.json
workdir=${1:-${TMPDIR:-/tmp}/salvage-flatpak}

step () {
  printf '\n== %s (%ss)\n' "$*" "$SECONDS"
}

fail () {
  printf '%s\n' "$*" >&2
  exit 1
}

# The tools this machine needs, as "COMMAND PACKAGE" pairs.
build_tools=(
  "flatpak flatpak" "flatpak-builder flatpak-builder" "eu-strip elfutils"
  "rsync rsync" "ostree ostree" "git git" "xvfb-run xvfb" "xauth xauth"
  "dbus-run-session dbus" "import imagemagick" "xwininfo x11-utils" "python3 python3"
)
# missing_packages "COMMAND PACKAGE"…: the packages of the commands (or
# files) that are not there, each once.
missing_packages () {
  local pair command package
  for pair in "$@"; do
    read -r command package <<<"$pair"
    if [ "${command#/}" != "$command" ]; then
      [ -e "$command" ] && continue
    else
      command -v "$command" >/dev/null 2>&1 && continue
    fi
    printf '%s\n' "$package"
  done | sort -u
}

mapfile -t missing < <(missing_packages "${build_tools[@]}")
if [ ${#missing[@]} -gt 0 ]; then
  fail "Missing tools; install: ${missing[*]}"
fi

mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)

# A private installation: nothing touches the user's own Flatpak apps.
export FLATPAK_USER_DIR=$workdir/flatpak-user

branch=$(sed -n 's/^ *"runtime-version" *: *"\([^"]*\)".*/\1/p' "$srcdir/$manifest_name")
arch=$(flatpak --default-arch)
if [ -z "$branch" ]; then
  fail "No runtime-version in $manifest_name"
fi

# Where Salvage's libraries are: the runtime is made from there, and the
# stand-in server runs there.
where=$("$dev" where)
case $where in
  native) system_root=/ ;;
  "root "?*) system_root=${where#root } ;;
  *) fail "build-aux/dev where said '$where', neither 'native' nor 'root DIR'" ;;
esac
system_root=${system_root%/}

# The files of /etc that a runtime carries: the library paths, fonts, the
# targets of /usr's alternatives, certificates, MIME types and XDG menus.
runtime_etc=(ld.so.conf ld.so.conf.d fonts alternatives ssl ca-certificates mime.types xdg)
# Builds in the Sdk have no session bus, and asking GIO for a proxy
# resolver there (appstream-compose does) starts libproxy, which warns
# that it cannot reach one. Nothing a build runs needs a proxy. The app
# itself runs in the Platform, which keeps GIO's choice.
sdk_environment=(GIO_USE_PROXY_RESOLVER=dummy)
# What the runtime needs besides Salvage's build dependencies:
# appstream-compose, which flatpak-builder runs in the Sdk, and the SVG
# loader it reads the app's icon with; certificates (GLib warns without
# any); the fonts and icons the window is drawn with.
runtime_packages=(
  appstream-util librsvg2-common ca-certificates fonts-cantarell adwaita-icon-theme
)
# What the keyring check of the flatpak suite needs there besides the
# packages of build-aux/dev's tests: the desktop's secret portal.
check_packages=(xdg-desktop-portal)

prepare_system () {
  step "Preparing the system the runtime is made from (${system_root:-/})"
  # This makes the Debian 13 root if there is none yet; its messages go to
  # stderr.
  "$dev" install "${runtime_packages[@]}" "${check_packages[@]}"
  [ -x "$system_root/usr/bin/appstream-compose" ] ||
    fail "$system_root/usr/bin/appstream-compose is missing after installing appstream-util"
}

# What the runtime is made of: the system, its packages and this recipe.
runtime_stamp () {
  printf 'system %s\n' "${system_root:-/}"
  printf 'packages %s\n' "$(sha256sum <"$system_root/var/lib/dpkg/status" | cut -d' ' -f1)"
  printf 'runtime %s/%s\n' "$arch" "$branch"
  printf 'etc %s\n' "${runtime_etc[*]}"
  printf 'sdk-environment %s\n' "${sdk_environment[*]}"
}

# write_runtime_metadata DIR NAME [LINE…]: LINEs go to its [Environment].
write_runtime_metadata () {
  local dir=$1 name=$2
  shift 2
  # The Platform tree is hard-linked to the Sdk one: replace the file, never
  # write through the link.
  rm -f "$dir/metadata"
  cat > "$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=org.gnome.Platform/$arch/$branch
sdk=org.gnome.Sdk/$arch/$branch
EOF
  if [ $# -gt 0 ]; then
    printf '\n[Environment]\n' >>"$dir/metadata"
    printf '%s\n' "$@" >>"$dir/metadata"
  fi
}

make_runtime () {
  local rt=$workdir/runtime
  local e

  step "Making a stand-in org.gnome.Sdk//$branch from ${system_root:-/}/usr"
  # A stamp left from an interrupted run would vouch for a runtime that was
  # never installed.
  rm -f "$rt/stamp"
  # An earlier run's copy is brought up to date rather than made again.
  rm -rf "$rt/platform" "$rt/repo" "$rt/sdk/files/etc"
  mkdir -p "$rt/sdk/files/etc"
  # /usr/local holds a machine's own additions, not the distribution.
  rsync -a --delete --exclude=/local/ --exclude=/etc/ "$system_root/usr/" "$rt/sdk/files/"
  for e in "${runtime_etc[@]}"; do
    if [ -e "$system_root/etc/$e" ]; then
      cp -a "$system_root/etc/$e" "$rt/sdk/files/etc/"
    fi
  done
  write_runtime_metadata "$rt/sdk" org.gnome.Sdk "${sdk_environment[@]}"

  cp -al "$rt/sdk" "$rt/platform"
  write_runtime_metadata "$rt/platform" org.gnome.Platform

  step "Exporting the runtimes"
  ostree init --mode=bare-user-only --repo="$rt/repo"
  flatpak build-export --runtime --files=files "$rt/repo" "$rt/sdk" "$branch"
  flatpak build-export --runtime --files=files "$rt/repo" "$rt/platform" "$branch"

  step "Installing the runtimes"
  flatpak remote-add --user --if-not-exists --no-gpg-verify salvage-runtime "$rt/repo"
  flatpak install --user --noninteractive -y --reinstall salvage-runtime \
    "org.gnome.Platform//$branch" "org.gnome.Sdk//$branch"

  # The installation holds its own copy now; the Sdk tree stays for the
  # next rsync.
  rm -rf "$rt/platform" "$rt/repo"
  printf '%s\n' "$1" >"$rt/stamp"
}

prepare_system
stamp=$(runtime_stamp)
if [ "$(cat "$workdir/runtime/stamp" 2>/dev/null)" = "$stamp" ] &&
   flatpak info --user "org.gnome.Platform//$branch" >/dev/null 2>&1 &&
   flatpak info --user "org.gnome.Sdk//$branch" >/dev/null 2>&1; then
  step "Reusing the stand-in runtime in $FLATPAK_USER_DIR"
else
  make_runtime "$stamp"
fi

# Build from a clean copy of the checkout (tracked and new files, as in the
# working tree) so that build folders and other leftovers stay out.
step "Copying the sources"
rm -rf "$workdir/src"
mkdir -p "$workdir/src"
git -C "$srcdir" ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do
    if [ -e "$srcdir/$f" ]; then
      printf '%s\0' "$f"
    fi
  done |
  rsync -a --from0 --files-from=- "$srcdir/" "$workdir/src/"

step "Building $manifest_name"
flatpak-builder --user --disable-download --disable-rofiles-fuse --force-clean \
  --state-dir="$workdir/state" --repo="$workdir/repo" \
  "$workdir/build" "$workdir/src/$manifest_name"

step "Bundling and installing"
flatpak build-bundle "$workdir/repo" "$workdir/$app_id.flatpak" "$app_id"
flatpak install --user --noninteractive -y --reinstall --bundle "$workdir/$app_id.flatpak"

# The app runs on a desktop of its own: an X server and a session bus. What
# the bus and the services it starts on demand (the portals, the keyring,
# the accessibility bus) say is the desktop's business, not the app's: it
# goes to a log file per check, so that this script's output holds what the
# app and the checks say. The app's own output is not affected.
mkdir -p "$workdir/logs"
session_bus=$workdir/session-bus
cat >"$session_bus" <<'EOF'
#!/bin/sh
exec dbus-daemon "$@" >>"${SALVAGE_SESSION_BUS_LOG:-/dev/null}" 2>&1
EOF
chmod +x "$session_bus"

# on_desktop NAME COMMAND…: COMMAND under Xvfb with a session bus, whose
# output goes to WORKDIR/logs/NAME-session-bus.log.
on_desktop () {
  local log=$workdir/logs/$1-session-bus.log
  shift
  rm -f "$log"
  SALVAGE_SESSION_BUS_LOG=$log xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" \
    dbus-run-session --dbus-daemon="$session_bus" -- "$@"
}

step "Running $app_id --demo under Xvfb"
screenshot=$workdir/screenshot.png
applog=${screenshot%.png}.log
rm -f "$screenshot"
export APP_ID=$app_id SCREENSHOT=$screenshot APPLOG=$applog
on_desktop window bash -c '
  flatpak run "$APP_ID" --demo > "$APPLOG" 2>&1 &
  pid=$!
  found=
  for _ in $(seq 1 120); do
    if xwininfo -root -tree | grep -q "\"Salvage"; then
      found=yes
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  # Let the demo workspace load before the picture is taken.
  [ -n "$found" ] && sleep 3
  import -window root "$SCREENSHOT" || true
  xwininfo -root -tree | grep "\"Salvage" || true
  flatpak kill "$APP_ID" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$found" ]
' && status=0 || status=$?

if [ "$status" -ne 0 ]; then
  echo "The Salvage window did not appear; the app said:" >&2
  cat "$applog" >&2 || true
  fail "(The desktop's session bus logged to $workdir/logs/window-session-bus.log.)"
fi
# The app's output is in a file, not in this script's: what it warned about
# is shown here, where a reader of the log (or a check of it) finds it.
if grep -E '(WARNING|CRITICAL) \*\*' "$applog"; then
  echo "The sandboxed app warned (above, from $applog)."
fi

step "Configuring the flatpak test suite where Salvage's libraries are"
# The suite runs in the system the runtime was made from, from a build
# folder of the source tree, which build-aux/dev shares with its root and
# git ignores. A folder configured elsewhere cannot be reused. Of the build,
# the checks need only the stand-in server: they drive the app of this
# installation.
checks_build=_build-flatpak-checks
checks_log=$workdir/checks-build.log
if [ "$(cat "$srcdir/$checks_build/.salvage-where" 2>/dev/null)" != "$where" ]; then
  rm -rf "${srcdir:?}/$checks_build"
fi
: >"$checks_log"
if [ ! -f "$srcdir/$checks_build/build.ninja" ]; then
  "$dev" run meson setup "$checks_build" >>"$checks_log" 2>&1 ||
    { cat "$checks_log" >&2; fail "The flatpak test suite could not be configured."; }
  printf '%s\n' "$where" >"$srcdir/$checks_build/.salvage-where"
fi
"$dev" run meson compile -C "$checks_build" salvage-server:executable >>"$checks_log" 2>&1 ||
  { cat "$checks_log" >&2; fail "The stand-in server did not build."; }

step "Running the flatpak test suite against the sandboxed app"
# FLATPAK_USER_DIR names this installation; build-aux/dev shares it with its
# root. What the checks and the app say is shown as it comes, where a reader
# of this script's output (or a check of it) finds it.
status=0
"$dev" run meson test -C "$checks_build" --no-rebuild --verbose --suite flatpak ||
  status=$?
if [ "$status" -ne 0 ]; then
  fail "The flatpak test suite failed against the sandboxed app (exit $status; its log is" \
       "$checks_build/meson-logs/testlog.txt, the session buses' $checks_build/flatpak/logs)."
fi

# A check that skipped says why: a note, or with --ci a failure.
skips=$(python3 - "$srcdir/$checks_build/meson-logs/testlog.json" <<'EOF'
import json
import sys

with open(sys.argv[1], encoding='utf-8') as f:
    for line in f:
        test = json.loads(line)
        if test.get('result') == 'SKIP':
            reason = test.get('stdout', '').strip().splitlines() or ['no reason given']
            print(f"{test['name']}: {reason[-1]}")
EOF
)
if [ -n "$skips" ]; then
  printf '%s\n' "$skips"
  [ -z "$ci" ] || fail "--ci runs every check of the flatpak suite, but some were skipped."
fi

step "Done"
echo "Bundle:     $workdir/$app_id.flatpak"
echo "Screenshot: $screenshot"
