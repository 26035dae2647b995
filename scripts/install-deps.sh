#!/bin/sh
# install-deps.sh - install every build and test dependency with apt-get.
# Idempotent: packages already present are not fetched again.  Run as root
# (CI and the dev machines are root; elsewhere it uses sudo when present).
set -eu

PKGS="build-essential pkg-config clang libclang-rt-14-dev \
libcmocka-dev libjansson-dev libsqlite3-dev sqlite3 libgumbo-dev libmicrohttpd-dev curl wrk re2c python3 time man-db \
chromium"
# node and npm (the page's chart library, the browser test) only when npm is
# missing: a node installed otherwise brings its own npm and is kept
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"

missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
