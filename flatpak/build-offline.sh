#!/usr/bin/env bash
# build-offline.sh - build, install and start the Flatpak of Salvage without a network
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GNOME runtime named by the manifest cannot always be downloaded, so this
# script makes a stand-in for it from this machine's own /usr, exported as
# org.gnome.Sdk and org.gnome.Platform at the manifest's runtime-version. The
# real manifest is then built with flatpak-builder, exported to a repository,
# packed into a bundle, installed from that bundle and run in the sandbox
# under Xvfb until its window appears. This checks the manifest, the install
# layout and the sandbox permissions; the libraries are Debian's, not the
# GNOME runtime's.
#
# Usage: flatpak/build-offline.sh [WORKDIR]
#
# Everything, including a Flatpak installation of its own (FLATPAK_USER_DIR),
# goes to WORKDIR (default: $TMPDIR/salvage-flatpak). The stand-in runtime
# takes a few minutes and about 18 GB the first time and is reused
# afterwards; delete WORKDIR to reclaim the space.
#
# Needs: flatpak flatpak-builder elfutils rsync appstream-util ostree git xvfb xauth dbus
# imagemagick x11-utils; and python3-gi gir1.2-atspi-2.0 for the end-to-end
# test (tests/e2e), which is run against the sandboxed app when present.
# With xdg-desktop-portal and gnome-keyring installed as well, the last step
# checks that the sandboxed app keeps its API key through the secret portal
# (flatpak/keyring-in-sandbox.py).

set -euo pipefail

app_id=io.github.salvage.Salvage
srcdir=$(cd "$(dirname "$0")/.." && pwd)
manifest_name=flatpak/$app_id.json
workdir=${1:-${TMPDIR:-/tmp}/salvage-flatpak}
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)

# A private installation: nothing touches the user's own Flatpak apps.
export FLATPAK_USER_DIR=$workdir/flatpak-user

branch=$(sed -n 's/^ *"runtime-version" *: *"\([^"]*\)".*/\1/p' "$srcdir/$manifest_name")
arch=$(flatpak --default-arch)
if [ -z "$branch" ]; then
  echo "No runtime-version in $manifest_name" >&2
  exit 1
fi

step () {
  printf '\n== %s (%ss)\n' "$*" "$SECONDS"
}

write_runtime_metadata () {
  local dir=$1 name=$2
  # The Platform tree is hard-linked to the Sdk one: replace the file, never
  # write through the link.
  rm -f "$dir/metadata"
  cat > "$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=org.gnome.Platform/$arch/$branch
sdk=org.gnome.Sdk/$arch/$branch
EOF
}

make_runtime () {
  local rt=$workdir/runtime
  local e

  step "Making a stand-in org.gnome.Sdk//$branch from /usr"
  # flatpak-builder composes the AppStream data with the Sdk's tool.
  if [ ! -x /usr/bin/appstream-compose ]; then
    echo "appstream-compose is missing: install appstream-util" >&2
    exit 1
  fi
  # An earlier run's copy is brought up to date rather than made again.
  rm -rf "$rt/platform" "$rt/repo"
  mkdir -p "$rt/sdk/files/etc"
  # /usr/local holds this machine's own additions, not the distribution.
  rsync -a --delete --exclude=/local/ --exclude=/etc/ /usr/ "$rt/sdk/files/"
  for e in ld.so.conf ld.so.conf.d fonts alternatives ssl ca-certificates mime.types xdg; do
    if [ -e "/etc/$e" ]; then
      cp -a "/etc/$e" "$rt/sdk/files/etc/"
    fi
  done
  write_runtime_metadata "$rt/sdk" org.gnome.Sdk

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
}

sdk_files=$FLATPAK_USER_DIR/runtime/org.gnome.Sdk/$arch/$branch/active/files
if flatpak info --user "org.gnome.Platform//$branch" >/dev/null 2>&1 &&
   [ -x "$sdk_files/bin/appstream-compose" ]; then
  step "Reusing the stand-in runtime in $FLATPAK_USER_DIR"
else
  make_runtime
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

step "Running $app_id --demo under Xvfb"
screenshot=$workdir/screenshot.png
rm -f "$screenshot"
export APP_ID=$app_id SCREENSHOT=$screenshot
xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- bash -c '
  flatpak run "$APP_ID" --demo > "${SCREENSHOT%.png}.log" 2>&1 &
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
  cat "${screenshot%.png}.log" >&2 || true
  exit 1
fi

e2e=$srcdir/tests/e2e/test-delete-restore.py
if [ -f "$e2e" ] && /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
  step "Running the end-to-end test against the sandboxed app"
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
    /usr/bin/python3 "$srcdir/flatpak/e2e-in-sandbox.py" "$e2e" "$app_id"
fi

keyring_check=$srcdir/flatpak/keyring-in-sandbox.py
if [ ! -x /usr/libexec/xdg-desktop-portal ]; then
  step "Skipping the keyring check: xdg-desktop-portal is not installed"
elif ! /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
  step "Skipping the keyring check: the AT-SPI bindings (python3-gi, gir1.2-atspi-2.0) are missing"
else
  step "Checking that the sandboxed app keeps its API key through the secret portal"
  # The stand-in Roboflow server runs outside the sandbox: build it for
  # this machine from the same sources.
  if [ ! -f "$workdir/host-build/build.ninja" ]; then
    rm -rf "$workdir/host-build"
    meson setup "$workdir/host-build" "$workdir/src" -Dtests=false > "$workdir/host-build.log" 2>&1 ||
      { cat "$workdir/host-build.log" >&2; exit 1; }
  fi
  ninja -C "$workdir/host-build" src/server/salvage-server > "$workdir/host-build.log" 2>&1 ||
    { cat "$workdir/host-build.log" >&2; exit 1; }
  xvfb-run -a -s "-screen 0 1280x1024x24 -noreset" dbus-run-session -- \
    /usr/bin/python3 "$keyring_check" "$app_id" "$workdir/host-build/src/server/salvage-server" &&
    status=0 || status=$?
  if [ "$status" -eq 77 ]; then
    echo "The keyring check was skipped."
  elif [ "$status" -ne 0 ]; then
    exit "$status"
  fi
fi

step "Done"
echo "Bundle:     $workdir/$app_id.flatpak"
echo "Screenshot: $screenshot"
