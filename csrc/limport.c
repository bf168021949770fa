/*
** limport.c: the Lua bindings of sinorus_import and sinorus_tag.
**
** Every value is read from the Lua table first and kept on the stack
** (so the strings stay alive); then the core, which cannot raise, does
** the whole import; then the results are pushed. No C memory is held
** across a call that can raise.
*/
#include <limits.h>
#include <string.h>

#include "lsn.h"

#define KB_TNAME "sinorus.KB"


/*
** Pushes field name of the table at index 2 and returns it as a string
** with its length, or NULL when it is nil and not required; raises for
** any other type.
*/
static const char *str_field (lua_State *L, const char *name, int required,
                              size_t *len) {
  int t = lua_getfield(L, 2, name);
  *len = 0;
  if (t == LUA_TNIL && !required) return NULL;
  if (t != LUA_TSTRING) {
    lua_pushfstring(L, "field '%s': string expected, got %s", name,
                    luaL_typename(L, -1));
    luaL_argerror(L, 2, lua_tostring(L, -1));
  }
  return lua_tolstring(L, -1, len);
}


/*
** core.import(kb, src) -> source id, list of segment ids
**
** src holds title and text (strings), and optionally authors (a JSON
** array, as text; "[]" when nil), outlet, published, url, doi (strings)
** and format ("plain", the default, or "markdown"). The text must be
** valid UTF-8 with LF line ends (the authoring API checks and
** normalises it). The caller owns the transaction: the import runs
** under a savepoint and leaves nothing behind when it fails.
*/
static int l_import (lua_State *L) {
  sinorus_kb *kb = sn_checkkb(L, 1);
  sinorus_source src;
  sinorus_imported res;
  const char *format;
  size_t len, i;
  int rc;
  luaL_checktype(L, 2, LUA_TTABLE);
  if (sinorus_readonly(kb))
    return luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  memset(&src, 0, sizeof src);
  src.title = str_field(L, "title", 1, &src.title_len);
  src.authors = str_field(L, "authors", 0, &src.authors_len);
  src.outlet = str_field(L, "outlet", 0, &src.outlet_len);
  src.published = str_field(L, "published", 0, &src.published_len);
  src.url = str_field(L, "url", 0, &src.url_len);
  src.doi = str_field(L, "doi", 0, &src.doi_len);
  src.text = str_field(L, "text", 1, &src.len);
  format = str_field(L, "format", 0, &len);
  if (format == NULL || (len == 5 && memcmp(format, "plain", 5) == 0))
    src.format = SINORUS_TEXT_PLAIN;
  else if (len == 8 && memcmp(format, "markdown", 8) == 0)
    src.format = SINORUS_TEXT_MARKDOWN;
  else
    return luaL_argerror(L, 2, lua_pushfstring(L, "field 'format': invalid "
                         "option '%s'", format));
  /* from here until the core returns nothing can raise */
  sn_kb_writing(L, 1, 1);
  rc = sinorus_import(kb, &src, &res);
  sn_kb_writing(L, 1, 0);
  if (rc != SINORUS_OK) return luaL_error(L, "%s", sinorus_errmsg(kb));
  lua_pushinteger(L, (lua_Integer)res.source);
  lua_createtable(L, res.segments <= INT_MAX ? (int)res.segments : 0, 0);
  for (i = 0; i < res.segments; i++) {
    lua_pushinteger(L, (lua_Integer)(res.first_segment + (int64_t)i));
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 2;
}


/*
** core.tag(kb [, ids]) -> number of mention rows written
**
** Tags again the mentions in the segments whose ids the list ids holds
** (every segment when ids is nil), by the import's rules (sinorus_tag).
** The ids are read into a buffer that Lua owns before the core runs.
*/
static int l_tag (lua_State *L) {
  sinorus_kb *kb = sn_checkkb(L, 1);
  int64_t *ids = NULL;
  size_t n = 0, i, count = 0;
  int rc;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    n = (size_t)luaL_len(L, 2);
    ids = (int64_t *)lua_newuserdatauv(L, (n ? n : 1) * sizeof *ids, 0);
    for (i = 0; i < n; i++) {
      int isint;
      lua_Integer v;
      lua_rawgeti(L, 2, (lua_Integer)i + 1);
      v = lua_tointegerx(L, -1, &isint);
      if (!isint)
        return luaL_argerror(L, 2, lua_pushfstring(L, "segment id expected "
                             "at index %d, got %s", (int)i + 1,
                             luaL_typename(L, -1)));
      lua_pop(L, 1);
      ids[i] = (int64_t)v;
    }
  }
  if (sinorus_readonly(kb))
    return luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  sn_kb_writing(L, 1, 1);
  rc = sinorus_tag(kb, ids, n, &count);
  sn_kb_writing(L, 1, 0);
  if (rc != SINORUS_OK) return luaL_error(L, "%s", sinorus_errmsg(kb));
  lua_pushinteger(L, (lua_Integer)count);
  return 1;
}


/* Adds import and tag to the module table on the top. */
void sn_lua_import (lua_State *L) {
  lua_pushcfunction(L, l_import);
  lua_setfield(L, -2, "import");
  lua_pushcfunction(L, l_tag);
  lua_setfield(L, -2, "tag");
}
