/*
** lsinorus.h: sinorus for programs that host Lua 5.4.
**
** Link libsinorus.a (and -lsqlite3 -lzip -lm) and call
**
**   luaL_requiref(L, "sinorus", luaopen_sinorus, 0);
**
** The library carries its C core, its Lua layer and the built-in
** knowledge base, so nothing needs to exist on disk.
*/
#ifndef LSINORUS_H
#define LSINORUS_H

#include "lua.h"
#include "sinorus.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
** Opens the sinorus module and returns it (one result). It registers
** "sinorus.core" and the embedded Lua modules in package.preload (the
** registry's _PRELOAD table), so later require calls find them too.
*/
SINORUS_API int luaopen_sinorus (lua_State *L);

/* Opens only the C part ("sinorus.core"); what require uses for core.so. */
SINORUS_API int luaopen_sinorus_core (lua_State *L);

#ifdef __cplusplus
}
#endif

#endif
