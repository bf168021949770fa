#!/bin/sh
# Installs the Debian 12 packages sinorus needs to build, test and run,
# skipping those already installed. Run it as `sh tools/deps.sh`: as root it
# installs directly (a fresh Debian container has no sudo); as a user it
# re-runs itself through sudo, and only when something is missing.
set -eu

PKGS="build-essential pkg-config lua5.4 liblua5.4-dev libsqlite3-dev sqlite3
libzip-dev libxml2-dev libpoppler-glib-dev libstemmer-dev libzstd-dev lua-busted luarocks lua-argparse lua-readline lua-cjson
lua-penlight lua-check lua-sql-sqlite3 clang libclang-rt-14-dev valgrind
libxml2-utils unzip tmux time man-db lighttpd lighttpd-modules-lua lua-filesystem
chromium librsvg2-bin graphviz"
# Node.js and npm (for the browser specs' driver): Debian's packages only
# where no npm is installed yet; a machine with another build of Node.js
# (e.g. NodeSource's nodejs, which brings its own npm) keeps it, since
# Debian's npm package conflicts with it.
command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done

if [ -n "$missing" ] && [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    echo "deps: not root, re-running through sudo" >&2
    exec sudo sh "$0" "$@"
  fi
  echo "deps: missing$missing; run this script as root (no sudo here)" >&2
  exit 1
fi

if [ -n "$missing" ]; then
  echo "deps: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >&2
else
  echo "deps: all packages present" >&2
fi

# The browser specs' driver (puppeteer-core, which downloads no browser),
# when its lock file is newer than the installed tree; without a sanitizer
# preload, whatever the caller's environment.
browser="$(dirname "$0")/../spec/browser"
if [ ! -e "$browser/node_modules/.package-lock.json" ] \
   || [ "$browser/package-lock.json" -nt "$browser/node_modules/.package-lock.json" ]; then
  (cd "$browser" && env -u LD_PRELOAD npm ci --no-audit --no-fund --loglevel=error >&2)
fi
