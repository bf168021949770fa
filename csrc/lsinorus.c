/*
** lsinorus.c: the module entry points and helpers shared by the binding.
*/
#include <string.h>

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


int luaopen_sinorus_core (lua_State *L) {
  lua_newtable(L);
  sn_lua_kb(L);
  sn_lua_text(L);
  sn_lua_interrupt(L);
  sn_lua_weight(L);
  sn_lua_graph(L);
  sn_lua_sandbox(L);
  sn_lua_import(L);
  sn_lua_json(L);
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
