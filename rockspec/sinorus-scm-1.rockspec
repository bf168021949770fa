-- Build and install offline from a checkout:
--   luarocks --lua-version=5.4 make rockspec/sinorus-scm-1.rockspec [--tree=DIR]
-- Needs the Debian packages that tools/deps.sh installs; downloads nothing.
--
-- The command (bin/sinorus) also uses argparse (required), readline (the
-- REPL's line editing; optional) and lua-cjson (--format json; optional).
-- They are not declared below: Debian installs them as plain modules on
-- lua5.4's default path with no rock manifest, so luarocks cannot see them
-- and would try to download each declared one. The command finds them on
-- that path and says which Debian package to install when one is missing.
-- The library itself needs no Lua module.
--
-- Where things go in the tree: modules under share/lua/5.4 and
-- lib/lua/5.4; libsinorus.a and pkgconfig/sinorus.pc under lib/lua/5.4
-- (luarocks moves lib/ there); the headers stay in the rock's directory,
-- which sinorus.pc names. C hosts: PKG_CONFIG_PATH=TREE/lib/lua/5.4/pkgconfig.
rockspec_format = "3.0"
package = "sinorus"
version = "scm-1"
source = {
  url = "git+file://.",
}
description = {
  summary = "A queryable, weighted knowledge base of one policy article, for Lua 5.4",
  detailed = [[
sinorus exposes the knowledge base of Abb & Polianskii, "A new Sino-Russian
Entente?" (PRIF Spotlight 2/2022): its text, claims, actors and factors, with
C-backed search and weighting functions over SQLite.]],
  license = "MIT",
}
dependencies = {
  "lua >= 5.4, < 5.5",
}
external_dependencies = {
  SQLITE = { header = "sqlite3.h" },
  LIBZIP = { header = "zip.h" },
  -- the document formats of kb:import (the Makefile finds them by pkg-config)
  LIBXML2 = { header = "libxml2/libxml/HTMLparser.h" },
  POPPLER_GLIB = { header = "poppler/glib/poppler.h" },
  LIBSTEMMER = { header = "libstemmer.h" },
  -- the stored text is compressed (schema version 6)
  LIBZSTD = { header = "zstd.h" },
}
build = {
  type = "make",
  build_variables = {
    LUA = "$(LUA)",
    CFLAGS = "$(CFLAGS)",
  },
  install_variables = {
    PREFIX = "$(PREFIX)",
    LUA_DIR = "$(LUADIR)",
    CLUA_DIR = "$(LIBDIR)",
    BIN_DIR = "$(BINDIR)",
  },
}
