/*
** examples/host.c: a C program that hosts Lua 5.4 and sinorus, linked
** from libsinorus.a alone: no .lua or data file is read from disk.
**
**   host                 runs a built-in script on the built-in article
**   host SCRIPT [ARGS]   runs a Lua script (`arg` as lua5.4 sets it)
**   host --threads       two Lua states in two threads, each with its own
**                        sinorus and KB; checks they agree
**
** Build, after `make install PREFIX=P` (sinorus.pc names every library):
**   PKG_CONFIG_PATH=P/lib/pkgconfig \
**     cc -std=c99 examples/host.c $(pkg-config --cflags --libs sinorus) -o host
** (after luarocks make --tree T: PKG_CONFIG_PATH=T/lib/lua/5.4/pkgconfig).
** From the source tree, `make build/host` links build/libsinorus.a.
*/
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lsinorus.h"

static const char *const builtin_script =
  "local sinorus = require 'sinorus'\n"
  "local kb <close> = sinorus.open()\n"
  "print(kb)\n"
  "for _, hit in ipairs(kb:search('secondary sanctions', {limit = 3})) do\n"
  "  print(string.format('%6.2f  %s', hit.rank, hit.snippet))\n"
  "end\n";


/* A new state with the standard libraries and sinorus (also in
** package.loaded, so scripts can require it). NULL if out of memory. */
static lua_State *new_state (void) {
  lua_State *L = luaL_newstate();
  if (L == NULL) return NULL;
  luaL_openlibs(L);
  luaL_requiref(L, "sinorus", luaopen_sinorus, 0);
  lua_pop(L, 1);
  return L;
}


/* Message handler: the error with a traceback. */
static int traceback (lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) msg = lua_pushfstring(L, "(error object is a %s value)",
                                         luaL_typename(L, 1));
  luaL_traceback(L, L, msg, 1);
  return 1;
}


/* Runs the chunk on the top of the stack with nargs arguments below it
** removed; reports an error on stderr. Returns 0 on success. */
static int run_chunk (lua_State *L, int status, int nargs, const char *what) {
  if (status == LUA_OK) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    status = lua_pcall(L, nargs, 0, base);
    lua_remove(L, base);
  }
  if (status != LUA_OK) {
    fprintf(stderr, "host: %s: %s\n", what, lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
  }
  return 0;
}


static int run_script (int argc, char **argv) {
  lua_State *L = new_state();
  int i, status, rc;
  if (L == NULL) {
    fprintf(stderr, "host: cannot create a Lua state\n");
    return 1;
  }
  if (argc < 2) {
    status = luaL_loadbufferx(L, builtin_script, strlen(builtin_script),
                              "=builtin", "t");
    rc = run_chunk(L, status, 0, "builtin script");
  } else {
    lua_createtable(L, argc - 2, 1);           /* arg, as lua5.4 sets it */
    for (i = 1; i < argc; i++) {
      lua_pushstring(L, argv[i]);
      lua_rawseti(L, -2, i - 1);
    }
    lua_setglobal(L, "arg");
    status = luaL_loadfilex(L, argv[1], "t");
    if (status == LUA_OK) {
      lua_checkstack(L, argc);
      for (i = 2; i < argc; i++) lua_pushstring(L, argv[i]);
    }
    rc = run_chunk(L, status, status == LUA_OK ? argc - 2 : 0, argv[1]);
  }
  lua_close(L);
  return rc;
}


/* ---------------------------------------------------------------------
** Two states in two threads
** ------------------------------------------------------------------ */

typedef struct Job {
  const char *query;
  char result[256];
  int failed;
} Job;

static const char *const thread_script =
  "local query = ...\n"
  "local sinorus = require 'sinorus'\n"
  "local kb <close> = sinorus.open()\n"
  "local n = 0\n"
  "for _ = 1, 200 do n = n + #kb:search(query, {limit = 50}) end\n"
  "local top = kb:search(query, {limit = 1})[1]\n"
  "return string.format('%s: %d hits in 200 runs, top segment %s', query, n,\n"
  "                     top and top.segment or '-')\n";

/* Each thread owns its state; nothing is shared but the library. */
static void *worker (void *ud) {
  Job *job = (Job *)ud;
  lua_State *L = new_state();
  if (L == NULL) {
    job->failed = 1;
    snprintf(job->result, sizeof job->result, "cannot create a Lua state");
    return NULL;
  }
  if (luaL_loadbufferx(L, thread_script, strlen(thread_script), "=thread", "t")
      != LUA_OK) {
    job->failed = 1;
  } else {
    lua_pushstring(L, job->query);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) job->failed = 1;
  }
  snprintf(job->result, sizeof job->result, "%s",
           lua_tostring(L, -1) ? lua_tostring(L, -1) : "(no result)");
  lua_close(L);
  return NULL;
}


/* The same job run in this thread, for comparison. */
static int expected (const char *query, char *out, size_t n) {
  Job job;
  memset(&job, 0, sizeof job);
  job.query = query;
  worker(&job);
  snprintf(out, n, "%s", job.result);
  return job.failed;
}


static int run_threads (void) {
  Job jobs[2];
  pthread_t th[2];
  const char *queries[2] = {"sanctions", "Taiwan"};
  int i, rc = 0;
  for (i = 0; i < 2; i++) {
    memset(&jobs[i], 0, sizeof jobs[i]);
    jobs[i].query = queries[i];
    if (pthread_create(&th[i], NULL, worker, &jobs[i]) != 0) {
      fprintf(stderr, "host: cannot start a thread\n");
      return 1;
    }
  }
  for (i = 0; i < 2; i++) pthread_join(th[i], NULL);
  for (i = 0; i < 2; i++) {
    char want[256];
    printf("thread %d: %s\n", i + 1, jobs[i].result);
    if (jobs[i].failed || expected(queries[i], want, sizeof want) != 0
        || strcmp(want, jobs[i].result) != 0) {
      fprintf(stderr, "host: thread %d disagrees with a lone run\n", i + 1);
      rc = 1;
    }
  }
  if (rc == 0) printf("threads: ok\n");
  return rc;
}


int main (int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--threads") == 0) return run_threads();
  if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
    printf("usage: host [SCRIPT [ARGS...]] | host --threads\n");
    return 0;
  }
  return run_script(argc, argv);
}
