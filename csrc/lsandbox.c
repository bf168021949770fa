/*
** lsandbox.c: core.sandbox, which runs an untrusted analysis script in a
** new Lua state with bounded memory, instructions and time.
**
** The new state gets the standard libraries and sinorus (the embedded
** layer, as luaopen_sinorus opens it) and a read-only KB; the script
** itself runs with an environment the Lua layer builds from a whitelist
** (sinorus._sandbox_env in lua/sinorus/sandbox.lua), so it never sees
** io, os (but its clock), load, require (but for "sinorus"), package,
** debug or the write methods of the KB. Its chunk is loaded as text
** only: precompiled chunks can crash Lua.
**
** Bounds:
**   memory: a cap on the state's allocator for what the script
**     allocates (the set-up is not counted); the same cap holds for the
**     script's Lua memory and the growth of SQLite's together, checked
**     at each prepare and string bind on the sandbox's KB (lkb.c calls
**     sn_sandbox_check) and every SB_PROGRESS_OPS SQLite VM steps;
**   instructions: a count hook every SB_HOOK_COUNT VM instructions, and
**     SQLite's progress handler every SB_PROGRESS_OPS VM steps on the
**     sandbox's connection, charge one shared budget; C work a wrapper
**     can size (Lua patterns, replayed by csrc/sn_pattern.c; table.move;
**     hedges, simulate) is charged before it runs;
**   time: all of these also check a monotonic deadline, and with a time
**     limit a call hook reads the clock every SB_CALL_CLOCK calls.
** A limit once exceeded stays exceeded: the hook then raises at every
** instruction, so a script cannot catch the error and go on. Lua runs
** two kinds of functions without hooks: finalizers (so the script's
** setmetatable refuses a __gc field, and it sees the metatables it did
** not set through read-only views) and the message handler of an error
** raised by a hook (so the script's xpcall does not call its handler
** once a limit is exceeded); see lua/sinorus/sandbox.lua. When the
** script ends, its KB is closed from here, whatever it did.
*/
#if !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "lualib.h"
#include "lsn.h"
#include "lsinorus.h"
#include "sn_pattern.h"

#define SB_TNAME "sinorus.Sandbox"
#define SB_KEY   "sinorus.sandbox"      /* registry: the Sandbox (inner) */
#define SB_KBKEY "sinorus.sandbox.kb"   /* registry: its KB (inner) */

#ifndef SB_HOOK_COUNT
#define SB_HOOK_COUNT 1000
#endif
#ifndef SB_CALL_CLOCK
#define SB_CALL_CLOCK 8         /* a power of 2 */
#endif
#ifndef SB_INSTRUCTION_NS
#define SB_INSTRUCTION_NS 1.0   /* the time of a charged instruction */
#endif
#ifndef SB_PROGRESS_OPS
#define SB_PROGRESS_OPS 100     /* SQLite VM steps between checks */
#endif
/* Nesting of a returned value. */
#ifndef SB_MAX_DEPTH
#define SB_MAX_DEPTH 100
#endif

enum { SB_OK, SB_MEMORY, SB_INSTRUCTIONS, SB_TIME, SB_INTERRUPTED };

typedef struct Sandbox {
  lua_State *L;            /* the inner state; NULL once closed */
  size_t used;             /* bytes the inner state holds */
  size_t limit;            /* 0 while setting up */
  int memory_hit;          /* an allocation was refused */
  int exceeded;            /* SB_*: sticky */
  unsigned calls;          /* calls seen by the hook */
  lua_Integer budget;      /* instructions left */
  double deadline;         /* monotonic seconds; 0: none */
  sqlite3 *db;             /* the inner KB's connection */
  sqlite3_int64 sql0;      /* sqlite3_memory_used() at the start */
  size_t base;             /* sb->used when the script started */
  sqlite3_int64 cap;       /* the memory limit: the script's Lua memory and
                              SQLite's growth together (0: not yet) */
} Sandbox;


static const char *const limit_msg[] = {
  "", "memory limit exceeded", "instruction limit exceeded",
  "time limit exceeded", "interrupted"
};


static double now (void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}


/* The inner state's allocator: refuses to grow past the limit. */
static void *sb_alloc (void *ud, void *ptr, size_t osize, size_t nsize) {
  Sandbox *sb = (Sandbox *)ud;
  void *p;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) {
    free(ptr);
    sb->used -= osize;
    return NULL;
  }
  if (nsize > osize && sb->limit != 0
      && (nsize - osize > sb->limit || sb->used > sb->limit - (nsize - osize))) {
    sb->memory_hit = 1;
    return NULL;
  }
  p = realloc(ptr, nsize);
  if (p != NULL) sb->used = sb->used - osize + nsize;
  return p;
}


/* Charges n instructions; returns the limit exceeded (SB_OK if none). */
static int charge (Sandbox *sb, lua_Integer n) {
  if (sb->exceeded != SB_OK) return sb->exceeded;
  if (sn_interrupt_take()) sb->exceeded = SB_INTERRUPTED;
  else if (sb->budget < n) sb->exceeded = SB_INSTRUCTIONS;
  else {
    sb->budget -= n;
    if (sb->deadline > 0 && now() > sb->deadline) sb->exceeded = SB_TIME;
  }
  return sb->exceeded;
}


/* The Sandbox of an inner state, or NULL in any other state. */
static Sandbox *inner_sandbox (lua_State *L) {
  Sandbox *sb;
  lua_getfield(L, LUA_REGISTRYINDEX, SB_KEY);
  sb = (Sandbox *)lua_touserdata(L, -1);
  lua_pop(L, 1);
  return sb;
}


/* The count hook charges SB_HOOK_COUNT instructions; with a time limit,
** the call hook also looks at the clock every SB_CALL_CLOCK calls, so a
** loop that calls a costly C function (s:upper() on megabytes, a full
** collection) is stopped within a few calls, not a thousand
** instructions. Only ever set on an inner state, whose extra space
** holds its Sandbox. */
static void sb_hook (lua_State *L, lua_Debug *ar) {
  Sandbox *sb = *(Sandbox **)lua_getextraspace(L);
  lua_Integer n = SB_HOOK_COUNT;
  if (ar->event != LUA_HOOKCOUNT) {
    if ((++sb->calls & (SB_CALL_CLOCK - 1)) != 0) return;
    n = 0;
  }
  if (charge(sb, n) != SB_OK) {
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);  /* from now on, always */
    luaL_error(L, "%s", limit_msg[sb->exceeded]);
  }
}


/* Marks the memory limit exceeded when the script's Lua memory and the
** growth of SQLite's since the start pass it. SQLite's allocator is the
** process's: in a host that runs SQLite in other threads meanwhile,
** their memory counts too (a sandbox may then stop early, never late). */
static void check_memory (Sandbox *sb) {
  if (sb->exceeded == SB_OK && sb->cap > 0) {
    sqlite3_int64 sql = sqlite3_memory_used() - sb->sql0;
    sqlite3_int64 lua = (sqlite3_int64)(sb->used - sb->base);
    if ((sql > 0 ? sql : 0) + lua > sb->cap) sb->exceeded = SB_MEMORY;
  }
}


/* SQLite's progress handler on the sandbox's connection. */
static int sb_progress (void *ud) {
  Sandbox *sb = (Sandbox *)ud;
  check_memory(sb);
  return charge(sb, SB_PROGRESS_OPS) != SB_OK;
}


/* For lkb.c, after each prepare and string bind on the sandbox's KB:
** the message of the limit exceeded (memory counted now), or NULL. The
** limit then stays exceeded, so the script's next instruction raises
** too. */
const char *sn_sandbox_check (lua_State *L) {
  Sandbox *sb = inner_sandbox(L);
  if (sb == NULL) return NULL;
  check_memory(sb);
  if (sb->exceeded == SB_OK) return NULL;
  lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
  return limit_msg[sb->exceeded];
}


/* core.sandbox_charge(n): charges n instructions in a sandbox (C work a
** wrapper knows the size of, about to run in one call that no hook can
** stop); does nothing elsewhere. With a time limit, work that would end
** past it at SB_INSTRUCTION_NS ns an instruction is refused at once. */
static int l_charge (lua_State *L) {
  Sandbox *sb = inner_sandbox(L);
  lua_Number n = luaL_checknumber(L, 1);
  if (sb != NULL && sb->limit != 0 && n > 0) {
    lua_Integer k = n >= (lua_Number)LUA_MAXINTEGER ? LUA_MAXINTEGER
                                                     : (lua_Integer)n;
    if (sb->exceeded == SB_OK && sb->deadline > 0 && sb->budget >= k
        && now() + n * SB_INSTRUCTION_NS * 1e-9 > sb->deadline)
      sb->exceeded = SB_TIME;
    if (charge(sb, k) != SB_OK) {
      lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
      return luaL_error(L, "%s", limit_msg[sb->exceeded]);
    }
  }
  return 0;
}


/*
** core.sandbox_pattern(what, s, p [, init | max_n]) replays
** string.find (what "find", not plain), string.match ("match"), the whole
** of a string.gmatch iteration ("gmatch") or string.gsub ("gsub") with
** csrc/sn_pattern.c, which counts the steps of Lua's backtracking matcher
** (out of the hook's reach), and charges them; raises the limit it
** passes. The replay stops past the budget, or past half of the time left
** (so the real call that follows ends in time). Does nothing outside a
** sandbox or for arguments the real function will refuse.
*/
static int l_pattern (lua_State *L) {
  Sandbox *sb = inner_sandbox(L);
  static const char *const whats[] = {"find", "match", "gmatch", "gsub", NULL};
  static const int codes[] = {SN_PAT_FIND, SN_PAT_MATCH, SN_PAT_GMATCH,
                              SN_PAT_GSUB};
  int what = codes[luaL_checkoption(L, 1, NULL, whats)];
  size_t ls, lp;
  const char *s, *p;
  sn_pattern_run run;
  int isnum = 1, has_arg = !lua_isnoneornil(L, 4);
  lua_Integer arg = 0;
  if (sb == NULL || sb->limit == 0          /* not running the script */
      || lua_type(L, 2) == LUA_TNIL || lua_type(L, 3) == LUA_TNIL
      || (s = lua_tolstring(L, 2, &ls)) == NULL
      || (p = lua_tolstring(L, 3, &lp)) == NULL)
    return 0;
  if (has_arg && (arg = lua_tointegerx(L, 4, &isnum), !isnum)) return 0;
  memset(&run, 0, sizeof run);
  run.max_steps = sb->exceeded == SB_OK ? (long long)sb->budget : 0;
  if (sb->deadline > 0) {
    double t = now();
    run.stop = t + (sb->deadline - t) / 2;
  }
  sn_pattern_replay(what, s, ls, p, lp, (long long)arg, has_arg, &run);
  if (run.status == SN_PAT_COSTLY) {         /* past the budget or time */
    if (sb->exceeded == SB_OK)
      sb->exceeded = run.steps <= run.max_steps ? SB_TIME : SB_INSTRUCTIONS;
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", limit_msg[sb->exceeded]);
  }
  if (charge(sb, (lua_Integer)run.steps) != SB_OK) {
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", limit_msg[sb->exceeded]);
  }
  return 0;
}


/* core.sandbox_exceeded() -> whether a limit of this sandbox was exceeded
** (false outside a sandbox). */
static int l_exceeded (lua_State *L) {
  Sandbox *sb = inner_sandbox(L);
  lua_pushboolean(L, sb != NULL && sb->exceeded != SB_OK);
  return 1;
}


/* ---------------------------------------------------------------------
** Setting up the inner state
** ------------------------------------------------------------------ */

/*
** Runs in the inner state (protected): opens the libraries and sinorus,
** opens the KB (argument 1: a path or nil) read-only and builds the
** script's environment. Returns env, output list.
*/
static int sb_setup (lua_State *I) {
  const char *path = (const char *)lua_touserdata(I, 1);
  lua_pushlightuserdata(I, *(Sandbox **)lua_getextraspace(I));
  lua_setfield(I, LUA_REGISTRYINDEX, SB_KEY);
  luaL_openlibs(I);
  luaL_requiref(I, "sinorus", luaopen_sinorus, 1);
  lua_getfield(I, -1, "open");
  if (path != NULL) {
    lua_pushstring(I, path);
    lua_createtable(I, 0, 1);
    lua_pushboolean(I, 1);
    lua_setfield(I, -2, "readonly");
    lua_call(I, 2, 2);
  }
  else lua_call(I, 0, 2);
  if (lua_isnil(I, -2)) return lua_error(I);   /* the message */
  lua_pop(I, 1);
  {
    Sandbox *sb = inner_sandbox(I);
    sinorus_kb *kb = sn_checkkb(I, -1);
    if (!sinorus_readonly(kb))
      return luaL_error(I, "sandbox: the knowledge base is not read-only");
    sb->db = sinorus_db(kb);
    sn_kb_sandbox(I, -1);
    lua_pushvalue(I, -1);
    lua_setfield(I, LUA_REGISTRYINDEX, SB_KBKEY);  /* closed by sb_close */
  }
  lua_getfield(I, -2, "_sandbox_env");
  lua_insert(I, -2);
  lua_call(I, 1, 2);
  return 2;
}


/* ---------------------------------------------------------------------
** Copying the result out
** ------------------------------------------------------------------ */

/* Pushes onto L a copy of the value at index i of I (plain data only);
** seen (an index of L) maps inner tables to their copies. */
static void copy_value (lua_State *L, lua_State *I, int i, int seen,
                        int depth) {
  switch (lua_type(I, i)) {
    case LUA_TNIL: lua_pushnil(L); break;
    case LUA_TBOOLEAN: lua_pushboolean(L, lua_toboolean(I, i)); break;
    case LUA_TNUMBER:
      if (lua_isinteger(I, i)) lua_pushinteger(L, lua_tointeger(I, i));
      else lua_pushnumber(L, lua_tonumber(I, i));
      break;
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(I, i, &len);
      lua_pushlstring(L, s, len);
      break;
    }
    case LUA_TTABLE: {
      const void *p = lua_topointer(I, i);
      lua_rawgetp(L, seen, p);
      if (!lua_isnil(L, -1)) break;        /* shared or cyclic: one copy */
      lua_pop(L, 1);
      if (depth >= SB_MAX_DEPTH || !lua_checkstack(I, 3))
        luaL_error(L, "the result is nested too deeply");
      luaL_checkstack(L, 6, "the result is nested too deeply");
      lua_newtable(L);
      lua_pushvalue(L, -1);
      lua_rawsetp(L, seen, p);
      i = lua_absindex(I, i);
      lua_pushnil(I);
      while (lua_next(I, i)) {
        int kt = lua_type(I, -2);
        if (kt != LUA_TSTRING && kt != LUA_TNUMBER && kt != LUA_TBOOLEAN)
          luaL_error(L, "the result holds a %s key", lua_typename(I, kt));
        copy_value(L, I, lua_gettop(I) - 1, seen, depth + 1);
        copy_value(L, I, lua_gettop(I), seen, depth + 1);
        lua_rawset(L, -3);
        lua_pop(I, 1);
      }
      break;
    }
    default:
      luaL_error(L, "the result holds a %s (only nil, booleans, numbers, "
                    "strings and tables can leave the sandbox)",
                 luaL_typename(I, i));
  }
}


/* Protected in the host: (sandbox) -> value, output text. */
static int copy_out (lua_State *L) {
  Sandbox *sb = (Sandbox *)lua_touserdata(L, 1);
  lua_State *I = sb->L;
  int out = lua_gettop(I) - 1, res = lua_gettop(I);
  luaL_Buffer b;
  lua_Integer k, n;
  lua_newtable(L);                      /* 2: seen */
  copy_value(L, I, res, 2, 0);          /* 3 */
  luaL_buffinit(L, &b);                 /* the printed lines */
  n = (lua_Integer)lua_rawlen(I, out);
  for (k = 1; k <= n; k++) {
    size_t len;
    const char *s;
    if (!lua_checkstack(I, 1)) break;
    lua_rawgeti(I, out, k);
    s = lua_tolstring(I, -1, &len);
    if (s != NULL && lua_type(I, -1) == LUA_TSTRING)
      luaL_addlstring(&b, s, len);
    lua_pop(I, 1);
  }
  luaL_pushresult(&b);
  return 2;
}


/* ---------------------------------------------------------------------
** core.sandbox
** ------------------------------------------------------------------ */

/* Closes the inner state. Its KB is closed first, from here, whatever
** the script did to its metatable, and every limit is marked exceeded, so
** a finalizer that lua_close runs (without hooks) raises at once on any
** call that charges, and SQLite work fails. */
static int sb_release (lua_State *I) {
  lua_getfield(I, LUA_REGISTRYINDEX, SB_KBKEY);
  sn_kb_release(I, -1);
  return 0;
}

static void sb_close (Sandbox *sb) {
  if (sb->L != NULL) {
    lua_State *I = sb->L;
    /* protected: a failed allocation in I must not abort (no panic
    ** function); if it fails, lua_close's finalizer closes the KB */
    if (lua_checkstack(I, 2)) {
      lua_pushcfunction(I, sb_release);
      (void)lua_pcall(I, 0, 0, 0);
    }
    sb->db = NULL;
    if (sb->exceeded == SB_OK) sb->exceeded = SB_INTERRUPTED;
    sb->L = NULL;
    lua_close(I);
  }
}

static int sb_gc (lua_State *L) {
  sb_close((Sandbox *)luaL_checkudata(L, 1, SB_TNAME));
  return 0;
}


/* The message of a failed run of the inner state (error on its top). */
static const char *failure (lua_State *L, Sandbox *sb, int status) {
  lua_State *I = sb->L;
  if (sb->exceeded != SB_OK) return limit_msg[sb->exceeded];
  if (status == LUA_ERRMEM || (sb->memory_hit && lua_type(I, -1) == LUA_TSTRING
      && strstr(lua_tostring(I, -1), "not enough memory") != NULL))
    return sb->memory_hit ? limit_msg[SB_MEMORY] : "not enough memory";
  if (lua_type(I, -1) == LUA_TSTRING) {
    size_t len;
    const char *s = lua_tolstring(I, -1, &len);
    return lua_pushlstring(L, s, len);
  }
  return lua_pushfstring(L, "(error object is a %s value)",
                         luaL_typename(I, -1));
}


/* Returns nil and the message of a failed run, after closing the sandbox. */
static int fail_run (lua_State *L, Sandbox *sb, int status) {
  const char *msg = failure(L, sb, status);
  luaL_pushfail(L);
  lua_pushstring(L, msg);
  sb_close(sb);
  return 2;
}


/*
** core.sandbox(source, memory, instructions [, seconds [, path [, name]]])
**   -> true, value, output | nil, message
*/
static int l_sandbox (lua_State *L) {
  size_t len;
  const char *src = luaL_checklstring(L, 1, &len);
  lua_Integer memory = luaL_checkinteger(L, 2);
  lua_Integer instructions = luaL_checkinteger(L, 3);
  lua_Number seconds = luaL_optnumber(L, 4, 0);
  const char *path = lua_isnoneornil(L, 5) ? NULL : sn_checkpath(L, 5);
  const char *name = luaL_optstring(L, 6, "=sandbox");
  Sandbox *sb;
  lua_State *I;
  int status;
  luaL_argcheck(L, memory > 0, 2, "must be positive");
  luaL_argcheck(L, instructions > 0, 3, "must be positive");
  luaL_argcheck(L, seconds >= 0 && seconds < 1e9, 4, "out of range");
  /* made before the state, so an error from here on leaks nothing */
  sb = (Sandbox *)lua_newuserdatauv(L, sizeof *sb, 0);
  memset(sb, 0, sizeof *sb);
  luaL_setmetatable(L, SB_TNAME);
  sb->L = I = lua_newstate(sb_alloc, sb);
  if (I == NULL) {
    luaL_pushfail(L);
    lua_pushliteral(L, "not enough memory");
    return 2;
  }
  /* nothing that allocates in I runs unprotected: a memory error there
  ** would abort (a state of lua_newstate has no panic function) */
  *(Sandbox **)lua_getextraspace(I) = sb;  /* for the hook and sb_setup */
  lua_pushcfunction(I, sb_setup);
  lua_pushlightuserdata(I, (void *)path);
  status = lua_pcall(I, 1, 2, 0);        /* env, output */
  if (status != LUA_OK) return fail_run(L, sb, status);
  /* the limits, from now on */
  sb->limit = sb->used + (size_t)memory < sb->used ? (size_t)-1
                                                   : sb->used + (size_t)memory;
  sb->budget = instructions;
  sb->deadline = seconds > 0 ? now() + seconds : 0;
  sb->base = sb->used;
  if (sb->db != NULL) {
    int cap = memory > 0x3fffffff ? 0x3fffffff : (int)memory;
    sqlite3_limit(sb->db, SQLITE_LIMIT_LENGTH, cap < 200000 ? cap : 200000);
    sqlite3_limit(sb->db, SQLITE_LIMIT_SQL_LENGTH, cap < 200000 ? cap : 200000);
    sqlite3_limit(sb->db, SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 100);
    sqlite3_limit(sb->db, SQLITE_LIMIT_ATTACHED, 0);
    sb->sql0 = sqlite3_memory_used();
    sb->cap = memory;
    sqlite3_progress_handler(sb->db, SB_PROGRESS_OPS, sb_progress, sb);
  }
  lua_sethook(I, sb_hook, LUA_MASKCOUNT | (sb->deadline > 0 ? LUA_MASKCALL : 0),
              SB_HOOK_COUNT);
  status = luaL_loadbufferx(I, src, len, name, "t");
  if (status == LUA_OK) {
    lua_pushvalue(I, -3);                /* the environment */
    lua_setupvalue(I, -2, 1);            /* as the chunk's _ENV */
    status = lua_pcall(I, 0, 1, 0);
  }
  if (status != LUA_OK) return fail_run(L, sb, status);
  lua_pushcfunction(L, copy_out);
  lua_pushlightuserdata(L, sb);
  status = lua_pcall(L, 1, 2, 0);
  if (status != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    sb_close(sb);
    return 2;
  }
  sb_close(sb);
  lua_pushboolean(L, 1);
  lua_insert(L, -3);
  return 3;
}


static const luaL_Reg sb_meta[] = {
  {"__gc", sb_gc},
  {"__close", sb_gc},
  {NULL, NULL}
};

static const luaL_Reg sb_methods[] = {
  {NULL, NULL}
};


void sn_lua_sandbox (lua_State *L) {
  sn_createmeta(L, SB_TNAME, sb_meta, sb_methods);
  lua_pushcfunction(L, l_sandbox);
  lua_setfield(L, -2, "sandbox");
  lua_pushcfunction(L, l_charge);
  lua_setfield(L, -2, "sandbox_charge");
  lua_pushcfunction(L, l_exceeded);
  lua_setfield(L, -2, "sandbox_exceeded");
  lua_pushcfunction(L, l_pattern);
  lua_setfield(L, -2, "sandbox_pattern");
}
