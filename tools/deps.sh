#!/bin/sh
# Installs the Debian 12 packages sinorus needs to build, test and run,
# skipping those already installed. Run as root (or through sudo).
set -eu

PKGS="build-essential pkg-config lua5.4 liblua5.4-dev libsqlite3-dev sqlite3
libzip-dev lua-busted luarocks lua-argparse lua-readline lua-cjson
lua-penlight lua-check lua-sql-sqlite3 clang libclang-rt-14-dev valgrind
libxml2-utils unzip tmux time lighttpd lighttpd-modules-lua lua-filesystem
chromium nodejs npm"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing="$missing $p"
done

if [ -n "$missing" ]; then
  echo "deps: installing$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >&2
else
  echo "deps: all packages present" >&2
fi

# The browser specs' driver (puppeteer-core, which downloads no browser).
(cd "$(dirname "$0")/../spec/browser" && npm ci --no-audit --no-fund --loglevel=error >&2)
