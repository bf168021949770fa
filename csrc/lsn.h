/*
** lsn.h: shared declarations of the Lua binding (csrc/l*.c only).
** Each binding file registers its functions into the module table that
** is on the top of the stack when its sn_lua_* function is called.
*/
#ifndef LSN_H
#define LSN_H

#include "lua.h"
#include "lauxlib.h"
#include "sinorus.h"

#if defined(__GNUC__)
#define SN_HIDDEN __attribute__((visibility("hidden")))
#else
#define SN_HIDDEN
#endif

SN_HIDDEN void sn_lua_kb(lua_State *L);      /* lkb.c: open, KB handle, rows */
SN_HIDDEN void sn_lua_text(lua_State *L);    /* ltext.c: fold, query, segment, matcher */
SN_HIDDEN void sn_lua_weight(lua_State *L);  /* lweight.c: estimate, hedges, pool, ... */
SN_HIDDEN void sn_lua_graph(lua_State *L);   /* lgraph.c: graphs and writers */
SN_HIDDEN void sn_lua_interrupt(lua_State *L); /* linterrupt.c: Ctrl-C, isatty */
SN_HIDDEN void sn_lua_sandbox(lua_State *L);  /* lsandbox.c: core.sandbox */
SN_HIDDEN int sn_interrupt_take(void);
/* linterrupt.c: a core loop returned SINORUS_INTERRUPTED: clears the
** request and raises "interrupted" (as a Ctrl-C in Lua code does). */
SN_HIDDEN int sn_interrupted_raise(lua_State *L);  /* linterrupt.c: 1 once after Ctrl-C */
SN_HIDDEN void sn_lua_import(lua_State *L);  /* limport.c: import */
SN_HIDDEN void sn_lua_extract(lua_State *L); /* lextract.c: extract, text_hash */
SN_HIDDEN void sn_lua_json(lua_State *L);    /* ljson.c: json */
SN_HIDDEN void sn_lua_score(lua_State *L);   /* lscore.c: scores, ach_timeline, agreement */
SN_HIDDEN void sn_lua_suggest(lua_State *L); /* lsuggest.c: suggester */

/* lkb.c: the open handle of the KB at index i (raises "attempt to use a
** closed sinorus.KB"), and the switch that lets binding C code write
** through a KB that sn_checkkb accepted (sn_kb_writing never raises). */
SN_HIDDEN sinorus_kb *sn_checkkb(lua_State *L, int i);
SN_HIDDEN void sn_kb_writing(lua_State *L, int i, int on);
/* lkb.c, for lsandbox.c: marks the KB at index i as a sandbox's, and
** closes a KB from the host side whatever its metatable became; never
** raise. lsandbox.c, for lkb.c: the message of the limit the sandbox of
** L has exceeded (counting SQLite's memory now), or NULL; NULL outside a
** sandbox; never raises. */
SN_HIDDEN void sn_kb_sandbox(lua_State *L, int i);
SN_HIDDEN void sn_kb_release(lua_State *L, int i);
SN_HIDDEN const char *sn_sandbox_check(lua_State *L);

/* lweight.c, shared with lscore.c: raises for a key of the option table
** at arg that is not in valid (NULL-terminated), naming the valid ones;
** reads its field weights ({[item id] = x}, x finite and >= 0) into w
** through idx, the stack index of a table item id -> 1-based index. */
SN_HIDDEN void sn_check_keys(lua_State *L, int arg, const char *const valid[]);
SN_HIDDEN void sn_ach_weights(lua_State *L, int arg, int idx, double *w);
/* lkb.c: the path string at index i; raises (bad argument) when it is not
** a string or holds a NUL byte, which no file name can. */
SN_HIDDEN const char *sn_checkpath(lua_State *L, int i);

/*
** Creates the metatable tname (if new) with the metamethods in meta and
** the methods in methods set as __index and __name; leaves it popped.
*/
SN_HIDDEN void sn_createmeta(lua_State *L, const char *tname,
                             const luaL_Reg *meta, const luaL_Reg *methods);

/* The Lua layer (the files lua/sinorus/NAME.lua), compiled in by the
** build (build/gen/lsn_lua.c); the list ends with a NULL name. */
typedef struct sn_luamod {
  const char *name;             /* module name, e.g. "sinorus.util" */
  const char *chunk;            /* chunk name, e.g. "@lua/sinorus/util.lua" */
  const unsigned char *src;
  size_t len;
} sn_luamod;

SN_HIDDEN extern const sn_luamod sn_lua_modules[];

#endif
