/*
** lsinorus.c: the module entry points and helpers shared by the binding.
*/
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <string.h>
#include <time.h>

#include "lsn.h"
#include "lsinorus.h"


void sn_createmeta (lua_State *L, const char *tname, const luaL_Reg *meta,
                    const luaL_Reg *methods) {
  if (luaL_newmetatable(L, tname)) {
    luaL_setfuncs(L, meta, 0);
    lua_newtable(L);
    luaL_setfuncs(L, methods, 0);
    lua_setfield(L, -2, "__index");
  }
  lua_pop(L, 1);
}


/* Writes the n-digit decimal of v (v < 10^n) at p. */
static void digits (char *p, int n, long v) {
  while (n-- > 0) {
    p[n] = (char)('0' + v % 10);
    v /= 10;
  }
}


/*
** core.utc_now() -> the current UTC time as "YYYY-MM-DDTHH:MM:SS.mmmZ",
** as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') writes it (the time
** of each change-log row), at a fraction of its cost.
*/
static int l_utc_now (lua_State *L) {
  struct timespec ts;
  struct tm tm;
  char s[24];   /* 24 bytes, no terminator */
  if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || gmtime_r(&ts.tv_sec, &tm) == NULL
      || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999)
    return luaL_error(L, "cannot read the clock");
  digits(s, 4, tm.tm_year + 1900L);
  s[4] = '-';
  digits(s + 5, 2, tm.tm_mon + 1L);
  s[7] = '-';
  digits(s + 8, 2, tm.tm_mday);
  s[10] = 'T';
  digits(s + 11, 2, tm.tm_hour);
  s[13] = ':';
  digits(s + 14, 2, tm.tm_min);
  s[16] = ':';
  digits(s + 17, 2, tm.tm_sec > 59 ? 59 : tm.tm_sec);  /* no leap second */
  s[19] = '.';
  digits(s + 20, 3, ts.tv_nsec / 1000000);
  s[23] = 'Z';
  lua_pushlstring(L, s, 24);
  return 1;
}


int luaopen_sinorus_core (lua_State *L) {
  lua_newtable(L);
  sn_lua_kb(L);
  sn_lua_text(L);
  sn_lua_interrupt(L);
  sn_lua_weight(L);
  sn_lua_graph(L);
  sn_lua_sandbox(L);
  sn_lua_import(L);
  sn_lua_extract(L);
  sn_lua_json(L);
  sn_lua_score(L);
  sn_lua_suggest(L);
  lua_pushcfunction(L, l_utc_now);
  lua_setfield(L, -2, "utc_now");
  lua_pushliteral(L, SINORUS_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}


/* The loader of an embedded Lua module: upvalue 1 is its index. */
static int load_embedded (lua_State *L) {
  const sn_luamod *m = &sn_lua_modules[lua_tointeger(L, lua_upvalueindex(1))];
  lua_settop(L, 2);   /* module name, loader data */
  if (luaL_loadbufferx(L, (const char *)m->src, m->len, m->chunk, "t")
      != LUA_OK)
    return lua_error(L);
  lua_insert(L, 1);
  lua_call(L, 2, 1);
  return 1;
}


int luaopen_sinorus (lua_State *L) {
  int i, init = -1;
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_sinorus_core);
  lua_setfield(L, -2, "sinorus.core");
  for (i = 0; sn_lua_modules[i].name != NULL; i++) {
    lua_pushinteger(L, i);
    lua_pushcclosure(L, load_embedded, 1);
    if (strcmp(sn_lua_modules[i].name, "sinorus") == 0) init = i;
    lua_setfield(L, -2, sn_lua_modules[i].name);
  }
  lua_pop(L, 1);
  if (init < 0) return luaL_error(L, "sinorus: no embedded Lua layer");
  /* run the layer's init as require would run a loader */
  lua_pushinteger(L, init);
  lua_pushcclosure(L, load_embedded, 1);
  lua_pushliteral(L, "sinorus");
  lua_pushliteral(L, ":preload:");
  lua_call(L, 2, 1);
  return 1;
}
