/*
** linterrupt.c: Ctrl-C for interactive sessions, and the little terminal
** facts the command line needs (isatty, window size).
**
** A SIGINT handler installed by core.interrupt_install() sets one
** process-wide flag and, like lua.c's laction, a count hook on the Lua
** state that installed it: a running Lua loop raises "interrupted" at
** its next instruction. A running SQLite statement sees the flag through
** the progress handler that csrc/lkb.c installs on every connection
** (sn_interrupt_take() below) and fails with SQLITE_INTERRUPT, which the
** binding raises as "sql: interrupted". Either way the flag and the hook
** are cleared, so the session goes on.
**
** Only the REPL installs the handler; a script run by `sinorus run` or a
** host program keeps the default SIGINT behaviour, and the progress
** handler then costs one read of a flag per 1000 VM steps.
*/
#if !defined(_POSIX_C_SOURCE) && !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L
#endif

#include <signal.h>
#include <stdlib.h>

#if defined(__unix__) || defined(__APPLE__)
#define SN_POSIX 1
#include <sys/ioctl.h>
#include <unistd.h>
#endif

#include "lsn.h"

SN_HIDDEN int sn_interrupt_take (void);
SN_HIDDEN void sn_lua_interrupt (lua_State *L);

/* Set by the handler, cleared by whoever acts on it. */
static volatile sig_atomic_t interrupted = 0;

/* The state whose Lua code the handler stops (the installer's main
** thread), or NULL when no handler is installed. */
static lua_State *volatile hooked_L = NULL;

#if defined(SN_POSIX)
static struct sigaction old_action;
#else
static void (*old_handler) (int);
#endif


/* The hook the handler sets: stops the Lua code that runs now. */
static void stop_hook (lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  interrupted = 0;
  sinorus_interrupt_clear();
  luaL_error(L, "interrupted");
}


/* Async-signal-safe: sets the flag and a hook (lua_sethook may be called
** from a signal handler; see the manual). */
static void on_sigint (int sig) {
  lua_State *L = hooked_L;
  (void)sig;
#if !defined(SN_POSIX)
  signal(SIGINT, on_sigint);
#endif
  interrupted = 1;
  sinorus_interrupt();   /* the core's long loops stop too */
  if (L != NULL)
    lua_sethook(L, stop_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKCOUNT, 1);
}


/* Clears the flag, the core's request and our hook, if set. Not for
** signal handlers. */
static void clear (void) {
  lua_State *L = hooked_L;
  interrupted = 0;
  sinorus_interrupt_clear();
  if (L != NULL && lua_gethook(L) == stop_hook)
    lua_sethook(L, NULL, 0, 0);
}


/*
** For SQLite's progress handler: returns 1 (and clears the flag and the
** hook) when Ctrl-C was pressed since the last call, else 0. Cheap: one
** read of a flag when nothing happened.
*/
int sn_interrupt_take (void) {
  if (!interrupted) return 0;
  clear();
  return 1;
}


/* See lsn.h. */
int sn_interrupted_raise (lua_State *L) {
  clear();
  return luaL_error(L, "interrupted");
}

/* core.interrupt_install() -> true: Ctrl-C interrupts instead of killing. */
static int l_install (lua_State *L) {
  lua_State *main;
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  main = lua_tothread(L, -1);
  lua_pop(L, 1);
  if (hooked_L == NULL) {
#if defined(SN_POSIX)
    struct sigaction sa;
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  /* no SA_RESTART: a blocking read returns EINTR */
    hooked_L = main;
    if (sigaction(SIGINT, &sa, &old_action) != 0) {
      hooked_L = NULL;
      return luaL_error(L, "interrupt_install: cannot set a SIGINT handler");
    }
#else
    hooked_L = main;
    old_handler = signal(SIGINT, on_sigint);
#endif
  }
  interrupted = 0;
  sinorus_interrupt_clear();
  lua_pushboolean(L, 1);
  return 1;
}


/* core.interrupt_uninstall(): the SIGINT behaviour from before install. */
static int l_uninstall (lua_State *L) {
  (void)L;
  if (hooked_L != NULL) {
    clear();
#if defined(SN_POSIX)
    sigaction(SIGINT, &old_action, NULL);
#else
    signal(SIGINT, old_handler);
#endif
    hooked_L = NULL;
  }
  interrupted = 0;
  sinorus_interrupt_clear();
  return 0;
}


/* core.interrupted() -> boolean: whether Ctrl-C was pressed since the
** last call (or install); clears the flag and the pending hook. */
static int l_interrupted (lua_State *L) {
  lua_pushboolean(L, sn_interrupt_take());
  return 1;
}


/* core.interrupt_installed() -> boolean */
static int l_installed (lua_State *L) {
  lua_pushboolean(L, hooked_L != NULL);
  return 1;
}


/* core.interrupt_raise(): sends SIGINT to this process, as Ctrl-C would
** (for tests). */
static int l_raise (lua_State *L) {
  (void)L;
  raise(SIGINT);
  return 0;
}


/* core.isatty(fd) -> boolean (fd 0, 1 or 2) */
static int l_isatty (lua_State *L) {
  lua_Integer fd = luaL_checkinteger(L, 1);
  luaL_argcheck(L, fd >= 0 && fd <= 1024, 1, "file descriptor out of range");
#if defined(SN_POSIX)
  lua_pushboolean(L, isatty((int)fd));
#else
  lua_pushboolean(L, 0);
#endif
  return 1;
}


/* core.termsize([fd]) -> columns, rows | nil: the window size of the
** terminal on fd (default 1). */
static int l_termsize (lua_State *L) {
  lua_Integer fd = luaL_optinteger(L, 1, 1);
#if defined(SN_POSIX) && defined(TIOCGWINSZ)
  struct winsize ws;
  if (fd >= 0 && fd <= 1024 && ioctl((int)fd, TIOCGWINSZ, &ws) == 0
      && ws.ws_col > 0) {
    lua_pushinteger(L, ws.ws_col);
    lua_pushinteger(L, ws.ws_row);
    return 2;
  }
#else
  (void)fd;
#endif
  luaL_pushfail(L);
  return 1;
}


static const luaL_Reg funcs[] = {
  {"interrupt_install", l_install},
  {"interrupt_uninstall", l_uninstall},
  {"interrupt_installed", l_installed},
  {"interrupted", l_interrupted},
  {"interrupt_raise", l_raise},
  {"isatty", l_isatty},
  {"termsize", l_termsize},
  {NULL, NULL}
};


/* Registers the functions above into the module table on the top. */
void sn_lua_interrupt (lua_State *L) {
  luaL_setfuncs(L, funcs, 0);
}
