#!/bin/sh
# run-with-keyring.sh - runs a test against a fresh, unlocked gnome-keyring
#
# SPDX-License-Identifier: GPL-3.0-or-later
exec "$@"
