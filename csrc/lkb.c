/*
** lkb.c: the Lua binding of knowledge-base handles and their statements.
**
** A sinorus.KB userdata owns a sinorus_kb handle and a small cache of
** idle prepared statements. A sinorus.Statement userdata owns one
** statement while it is in use and gives it back to the cache when it
** is done, closed or collected. Statements that outlive their KB are
** finalized; the connection closes (sqlite3_close_v2) once the last one
** is gone. The internal calls that run one statement to its end
** (kb:_exec, kb:_value) run it in place in the cache, with no userdata:
** the cache owns it throughout, so an error raised meanwhile leaks
** nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "lsn.h"
#include "sn_internal.h"

#define ROWS_TNAME "sinorus.Rows"
#define KB_TNAME    "sinorus.KB"
#define STMT_TNAME  "sinorus.Statement"

/* Idle statements kept per KB. */
#ifndef SN_STMT_CACHE
#define SN_STMT_CACHE 48
#endif

typedef struct Cached {
  char *sql;             /* NULL: free slot */
  size_t len;
  int write;             /* prepared with write authority: never handed
                            to a reader (kb:sql, kb:rows, kb:_value) */
  sqlite3_stmt *st;      /* NULL while the statement is in use */
  unsigned long used;    /* tick of the last use, for eviction */
} Cached;

typedef struct LKB {
  sinorus_kb *kb;        /* NULL once closed */
  int writing;           /* the authorizer lets this statement write */
  int sandboxed;         /* the KB of a sandbox: fewer SQL functions, and
                            SQLite's memory checked at each prepare/bind */
  unsigned long tick;
  Cached cache[SN_STMT_CACHE];
} LKB;

typedef struct LStmt {
  sqlite3_stmt *st;      /* NULL when done */
  LKB *owner;
  const char *sql;       /* key in the owner's cache (owned by the cache) */
  size_t len;
  int write;             /* the authority it was prepared with */
  int ncols;
} LStmt;


/* ---------------------------------------------------------------------
** Statement cache
** ------------------------------------------------------------------ */

/* Whether slot c holds sql prepared with authority write. */
static int cache_is (const Cached *c, const char *sql, size_t len, int write) {
  return c->sql != NULL && c->write == write && c->len == len
         && memcmp(c->sql, sql, len) == 0;
}


/* Takes an idle statement for sql, prepared with authority write, out of
** the cache, or NULL. */
static sqlite3_stmt *cache_take (LKB *k, const char *sql, size_t len,
                                 int write) {
  int i;
  for (i = 0; i < SN_STMT_CACHE; i++) {
    Cached *c = &k->cache[i];
    if (c->st != NULL && cache_is(c, sql, len, write)) {
      sqlite3_stmt *st = c->st;
      c->st = NULL;
      c->used = ++k->tick;
      sqlite3_reset(st);    /* one run in place may have been left unreset */
      return st;
    }
  }
  return NULL;
}


/* Empties a cache slot, finalizing its statement. */
static void cache_drop (LKB *k, int slot) {
  sqlite3_finalize(k->cache[slot].st);
  free(k->cache[slot].sql);
  k->cache[slot].sql = NULL;
  k->cache[slot].st = NULL;
}


/* A free slot of the cache, made by evicting the least recently used
** idle statement if need be; -1 when every slot holds one in use. */
static int cache_room (LKB *k) {
  int i, old = -1;
  for (i = 0; i < SN_STMT_CACHE; i++) {
    Cached *c = &k->cache[i];
    if (c->sql == NULL) return i;
    if (c->st != NULL && (old < 0 || c->used < k->cache[old].used)) old = i;
  }
  if (old >= 0) cache_drop(k, old);
  return old;
}


/* Puts statement st for sql (prepared with authority write) in the free
** slot; 0 when out of memory. */
static int cache_put (LKB *k, int slot, const char *sql, size_t len,
                      int write, sqlite3_stmt *st) {
  Cached *c = &k->cache[slot];
  char *copy = (char *)malloc(len + 1);
  if (copy == NULL) return 0;
  memcpy(copy, sql, len);
  copy[len] = '\0';
  c->sql = copy;
  c->len = len;
  c->write = write;
  c->st = st;
  c->used = ++k->tick;
  return 1;
}


/* Gives a statement back to the cache (reset, unbound), or finalizes it
** when the cache has no room. Never fails. */
static void cache_give (LKB *k, sqlite3_stmt *st, const char *sql,
                        size_t len, int write) {
  int i, slot;
  if (k->kb == NULL) {
    sqlite3_finalize(st);
    return;
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  for (i = 0; i < SN_STMT_CACHE; i++) {
    Cached *c = &k->cache[i];
    if (c->st == NULL && cache_is(c, sql, len, write)) {
      c->st = st;
      return;
    }
  }
  slot = cache_room(k);
  if (slot < 0 || !cache_put(k, slot, sql, len, write, st))
    sqlite3_finalize(st);
}


static void cache_clear (LKB *k) {
  int i;
  for (i = 0; i < SN_STMT_CACHE; i++) cache_drop(k, i);
}


/* ---------------------------------------------------------------------
** The authorizer: user statements read, only the binding writes
** ------------------------------------------------------------------ */

static const char *const read_pragmas[] = {
  "table_info", "table_xinfo", "table_list", "index_list", "index_info",
  "index_xinfo", "foreign_key_list", "user_version", "schema_version",
  "database_list", "function_list", "module_list", "pragma_list",
  "collation_list", "compile_options", "encoding", "page_count",
  "page_size", "freelist_count", "application_id", "data_version", NULL
};

/* SQL functions no statement may call: fts3_tokenizer('name') hands out
** a pointer of the process (and with two arguments would take one). */
static const char *const denied_functions[] = { "fts3_tokenizer", NULL };

/* SQL functions a sandboxed statement may not call: printf('%.*c', n, x)
** with a precision past SQLITE_LIMIT_LENGTH never returns (SQLite 3.40),
** and no progress handler runs inside a function. */
static const char *const sandbox_denied_functions[] = {
  "printf", "format", NULL
};

static int listed (const char *const *list, const char *name) {
  int i;
  for (i = 0; name != NULL && list[i] != NULL; i++)
    if (sqlite3_stricmp(name, list[i]) == 0) return 1;
  return 0;
}

static int authorize (void *ud, int action, const char *a, const char *b,
                      const char *c, const char *d) {
  LKB *k = (LKB *)ud;
  (void)c; (void)d;
  if (action == SQLITE_FUNCTION && (listed(denied_functions, b)
      || (k->sandboxed && listed(sandbox_denied_functions, b))))
    return SQLITE_DENY;
  if (k->writing) return SQLITE_OK;
  switch (action) {
    case SQLITE_SELECT: case SQLITE_READ: case SQLITE_FUNCTION:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_UPDATE:  /* SQLite's own check when it connects a vtable */
      return strcmp(a, "sqlite_master") == 0 && c != NULL
             && strcmp(c, "main") == 0 ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_PRAGMA: {
      int i;
      if (b != NULL && strcmp(a, "table_info") != 0
          && strcmp(a, "table_xinfo") != 0 && strcmp(a, "index_list") != 0
          && strcmp(a, "index_info") != 0 && strcmp(a, "index_xinfo") != 0
          && strcmp(a, "foreign_key_list") != 0)
        return SQLITE_DENY;  /* setting a pragma */
      for (i = 0; read_pragmas[i] != NULL; i++)
        if (sqlite3_stricmp(a, read_pragmas[i]) == 0) return SQLITE_OK;
      return SQLITE_DENY;
    }
    default:
      return SQLITE_DENY;
  }
}


/* ---------------------------------------------------------------------
** KB handles
** ------------------------------------------------------------------ */

/* The KB at index i, open or closed (for __gc and __close). */
static LKB *tokb (lua_State *L, int i) {
  return (LKB *)luaL_checkudata(L, i, KB_TNAME);
}

/* The open KB at index i; raises for a closed one. */
static LKB *checkkb (lua_State *L, int i) {
  LKB *k = tokb(L, i);
  if (k->kb == NULL) luaL_error(L, "attempt to use a closed " KB_TNAME);
  return k;
}

/* The open handle of the KB at index i (for other binding files);
** raises for a closed one. */
sinorus_kb *sn_checkkb (lua_State *L, int i) {
  return checkkb(L, i)->kb;
}

/* Lets C code of the binding write through the KB at index i (on 1), or
** no longer (on 0): the authorizer denies writes otherwise. Index i must
** hold a KB that sn_checkkb accepted. Never raises. */
void sn_kb_writing (lua_State *L, int i, int on) {
  LKB *k = (LKB *)lua_touserdata(L, i);
  if (k != NULL) k->writing = on;
}

const char *sn_checkpath (lua_State *L, int i) {
  size_t len;
  const char *p = luaL_checklstring(L, i, &len);
  if (strlen(p) != len) luaL_argerror(L, i, "path contains a NUL byte");
  return p;
}

static void kb_release (LKB *k) {
  if (k->kb != NULL) {
    cache_clear(k);
    sinorus_close(k->kb);
    k->kb = NULL;
  }
}

/* Marks the KB at index i (one sn_checkkb accepted) as a sandbox's: its
** statements may not call sandbox_denied_functions, and its prepares and
** binds check the sandbox's limits (sn_sandbox_check). Never raises. */
void sn_kb_sandbox (lua_State *L, int i) {
  LKB *k = (LKB *)lua_touserdata(L, i);
  if (k != NULL) k->sandboxed = 1;
}

/* Closes the KB at index i whatever its metatable has become (the
** sandbox closes its KB from the host side). Never raises. */
void sn_kb_release (lua_State *L, int i) {
  LKB *k = (LKB *)luaL_testudata(L, i, KB_TNAME);
  if (k != NULL) kb_release(k);
}

/* __gc, __close and close: one silent, idempotent function. */
static int kb_gc (lua_State *L) {
  kb_release(tokb(L, 1));
  return 0;
}

static int kb_close (lua_State *L) {
  kb_release(tokb(L, 1));
  return 0;
}


/* SQLite's progress handler: a statement fails with SQLITE_INTERRUPT
** once Ctrl-C was pressed in an interactive session (linterrupt.c). */
static int progress (void *ud) {
  (void)ud;
  return sn_interrupt_take();
}


/* core.open([path [, readonly, create, empty]]) -> kb | nil, msg */
static int l_open (lua_State *L) {
  const char *path = lua_isnoneornil(L, 1) ? NULL : sn_checkpath(L, 1);
  int flags = 0, st;
  char err[512];
  LKB *k;
  if (lua_toboolean(L, 2)) flags |= SINORUS_OPEN_READONLY;
  if (lua_toboolean(L, 3)) flags |= SINORUS_OPEN_CREATE;
  if (lua_toboolean(L, 4)) flags |= SINORUS_OPEN_EMPTY;
  /* created closed, so an error from here on leaks nothing */
  k = (LKB *)lua_newuserdatauv(L, sizeof(LKB), 0);
  memset(k, 0, sizeof *k);
  luaL_setmetatable(L, KB_TNAME);
  st = sinorus_open(path, flags, &k->kb, err, sizeof err);
  if (st != SINORUS_OK) {
    luaL_pushfail(L);
    lua_pushstring(L, err);
    lua_pushstring(L, sinorus_strstatus(st));
    return 3;
  }
  sqlite3_set_authorizer(sinorus_db(k->kb), authorize, k);
  sqlite3_progress_handler(sinorus_db(k->kb), 1000, progress, NULL);
  return 1;
}


static int kb_isclosed (lua_State *L) {
  lua_pushboolean(L, tokb(L, 1)->kb == NULL);
  return 1;
}

static int kb_readonly (lua_State *L) {
  lua_pushboolean(L, sinorus_readonly(checkkb(L, 1)->kb));
  return 1;
}

static int kb_path (lua_State *L) {
  const char *p = sinorus_path(checkkb(L, 1)->kb);
  if (p) lua_pushstring(L, p);
  else lua_pushnil(L);
  return 1;
}


/* ---------------------------------------------------------------------
** Statements
** ------------------------------------------------------------------ */

static LStmt *tostmt (lua_State *L, int i) {
  return (LStmt *)luaL_checkudata(L, i, STMT_TNAME);
}

/* Gives the statement back (to the cache if its KB is open). */
static void stmt_release (LStmt *s) {
  if (s->st != NULL) {
    sqlite3_stmt *st = s->st;
    s->st = NULL;
    cache_give(s->owner, st, s->sql, s->len, s->write);
  }
}

static int stmt_gc (lua_State *L) {
  stmt_release(tostmt(L, 1));
  return 0;
}


/*
** Prepares the one statement of the SQL at stack index sqli on k (for
** writing when write is set; the authorizer refuses writes otherwise).
** Raises, holding nothing, for an SQL error, no statement or more than
** one (what follows the statement may only be white space, semicolons
** and comments, as SQLite's own parser finds them); a damaged file is
** "fname: corrupt knowledge base (...)", not a bad argument.
*/
static sqlite3_stmt *prepare (lua_State *L, LKB *k, int sqli, int write,
                              const char *fname) {
  size_t len;
  const char *sql = lua_tolstring(L, sqli, &len);
  const char *tail = NULL;
  sqlite3_stmt *st = NULL;
  sqlite3 *db = sinorus_db(k->kb);
  int rc;
  k->writing = write;
  rc = sqlite3_prepare_v3(db, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &st,
                          &tail);
  while (rc == SQLITE_OK && st != NULL && tail != NULL && tail < sql + len) {
    sqlite3_stmt *more = NULL;
    const char *next = NULL;
    int mrc = sqlite3_prepare_v2(db, tail, (int)(sql + len - tail), &more,
                                 &next);
    sqlite3_finalize(more);
    if (mrc != SQLITE_OK || more != NULL || next == NULL || next <= tail) {
      k->writing = 0;
      sqlite3_finalize(st);
      luaL_argerror(L, sqli, "only one SQL statement is allowed");
    }
    tail = next;
  }
  k->writing = 0;
  if (rc != SQLITE_OK) {
    const char *msg = sqlite3_errmsg(db);
    int code = sqlite3_errcode(db) & 0xff;
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB
        || strncmp(msg, "vtable constructor failed", 25) == 0)
      luaL_error(L, "%s: corrupt knowledge base (%s)", fname, msg);
    if (code == SQLITE_NOMEM) luaL_error(L, "not enough memory");
    lua_pushfstring(L, "%s", msg);
    luaL_argerror(L, sqli, lua_tostring(L, -1));
  }
  if (st == NULL)
    luaL_argerror(L, sqli, "no SQL statement");
  if (k->sandboxed) {     /* SQLite's memory, counted at once */
    const char *over = sn_sandbox_check(L);
    if (over != NULL) {
      sqlite3_finalize(st);
      luaL_error(L, "%s", over);
    }
  }
  return st;
}


/*
** Pushes a new statement userdata for sql on the KB at index kbi: from
** the cache or freshly prepared. When
** write is 0 the statement must be read-only.
*/
static LStmt *stmt_new (lua_State *L, int kbi, int sqli, int write,
                        const char *fname) {
  LKB *k = checkkb(L, kbi);
  size_t len;
  const char *sql = luaL_checklstring(L, sqli, &len);
  LStmt *s;
  s = (LStmt *)lua_newuserdatauv(L, sizeof(LStmt), 2);
  memset(s, 0, sizeof *s);
  s->owner = k;
  luaL_setmetatable(L, STMT_TNAME);
  lua_pushvalue(L, kbi);
  lua_setiuservalue(L, -2, 1);           /* keeps the KB alive */
  lua_pushvalue(L, sqli);
  lua_setiuservalue(L, -2, 2);           /* keeps the key alive */
  s->sql = lua_tolstring(L, sqli, NULL);
  s->len = len;
  s->write = write;
  if (write && sinorus_readonly(k->kb))
    luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  s->st = cache_take(k, sql, len, write);
  if (s->st == NULL)
    s->st = prepare(L, k, sqli, write, fname);
  if (!write && !sqlite3_stmt_readonly(s->st))
    luaL_argerror(L, sqli, "statement is not read-only; "
                           "writes go through the authoring API");
  s->ncols = sqlite3_column_count(s->st);
  return s;
}


/* Binds the values at stack indexes first..last to st; raises nothing:
** on a failure writes the message (naming fname) to msg and returns 0.
** Strings are copied by SQLite when copy is set; otherwise st uses the
** Lua strings themselves, so the caller must reset it and clear its
** bindings before those values leave the stack (run_in_place's rule). */
static int bind_values (lua_State *L, LKB *k, sqlite3_stmt *st, int first,
                        int last, int copy, const char *fname, char *msg,
                        size_t size) {
  int n = last - first + 1, i, rc = SQLITE_OK;
  int want = sqlite3_bind_parameter_count(st);
  if (n != want) {
    snprintf(msg, size, "bad argument #%d to '%s' (statement takes %d "
             "parameter%s, got %d)", first - 1, fname, want,
             want == 1 ? "" : "s", n);
    return 0;
  }
  for (i = 1; i <= n; i++) {
    int idx = first + i - 1;
    switch (lua_type(L, idx)) {
      case LUA_TNIL:
        rc = sqlite3_bind_null(st, i);
        break;
      case LUA_TBOOLEAN:
        rc = sqlite3_bind_int(st, i, lua_toboolean(L, idx));
        break;
      case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
          rc = sqlite3_bind_int64(st, i, lua_tointeger(L, idx));
        else
          rc = sqlite3_bind_double(st, i, lua_tonumber(L, idx));
        break;
      case LUA_TSTRING: {
        size_t len;
        const char *v = lua_tolstring(L, idx, &len);
        rc = sqlite3_bind_text64(st, i, v, len,
                                 copy ? SQLITE_TRANSIENT : SQLITE_STATIC, SQLITE_UTF8);
        break;
      }
      default:
        snprintf(msg, size, "bad argument #%d to '%s' (cannot bind a %s)",
                 idx - 1, fname, luaL_typename(L, idx));
        return 0;
    }
    if (rc != SQLITE_OK) {
      snprintf(msg, size, "%s: %s", fname, sqlite3_errstr(rc));
      return 0;
    }
    if (copy && k->sandboxed && lua_type(L, idx) == LUA_TSTRING) {
      const char *over = sn_sandbox_check(L);   /* SQLite copied it */
      if (over != NULL) {
        snprintf(msg, size, "%s", over);
        return 0;
      }
    }
  }
  return 1;
}


/* Binds the values at stack indexes first..last to the statement;
** raises on a failure (the statement userdata still owns it). */
static void stmt_bind (lua_State *L, LStmt *s, int first, int last,
                       const char *fname) {
  char msg[256];
  if (!bind_values(L, s->owner, s->st, first, last, 1, fname, msg, sizeof msg))
    luaL_error(L, "%s", msg);
}


/* Pushes the value of column i of the current row, given its type. */
static void push_column (lua_State *L, sqlite3_stmt *st, int i, int type) {
  switch (type) {
    case SQLITE_INTEGER:
      lua_pushinteger(L, (lua_Integer)sqlite3_column_int64(st, i));
      break;
    case SQLITE_FLOAT:
      lua_pushnumber(L, (lua_Number)sqlite3_column_double(st, i));
      break;
    case SQLITE_NULL:
      lua_pushnil(L);
      break;
    default: {
      const void *p = sqlite3_column_blob(st, i);
      int n = sqlite3_column_bytes(st, i);
      lua_pushlstring(L, p ? (const char *)p : "", (size_t)n);
    }
  }
}


/* Pushes the table of column names of the statement at index si. */
static void push_names (lua_State *L, LStmt *s) {
  int i;
  lua_createtable(L, s->ncols, 0);
  for (i = 0; i < s->ncols; i++) {
    const char *name = sqlite3_column_name(s->st, i);
    if (name == NULL) luaL_error(L, "not enough memory");
    lua_pushstring(L, name);
    lua_rawseti(L, -2, i + 1);
  }
}


/* Pushes the current row as a table keyed by column name; names is the
** stack index of the names table. */
static void push_row (lua_State *L, LStmt *s, int names) {
  int i;
  lua_createtable(L, 0, s->ncols);
  for (i = 0; i < s->ncols; i++) {
    int type = sqlite3_column_type(s->st, i);
    if (type == SQLITE_NULL) continue;
    lua_rawgeti(L, names, i + 1);
    push_column(L, s->st, i, type);
    lua_rawset(L, -3);
  }
}


/* Steps; returns 1 on a row, 0 when done; raises on an error (after
** giving the statement back). */
static int stmt_step (lua_State *L, LStmt *s, const char *fname) {
  int rc;
  if (s->owner->kb == NULL) {
    stmt_release(s);
    return luaL_error(L, "attempt to use a closed " KB_TNAME);
  }
  rc = sqlite3_step(s->st);
  if (rc == SQLITE_ROW) return 1;
  if (rc == SQLITE_DONE) {
    stmt_release(s);
    return 0;
  }
  lua_pushfstring(L, "%s: %s", fname,
                  sqlite3_errmsg(sinorus_db(s->owner->kb)));
  {
    sqlite3_stmt *st = s->st;  /* a failed statement is not cached */
    s->st = NULL;
    sqlite3_finalize(st);
  }
  return lua_error(L);
}


/* The iterator of kb:rows: () -> row | nil. Upvalues: the column names
** and the statement (so no argument needs checking on each row). */
static int stmt_next (lua_State *L) {
  LStmt *s = (LStmt *)lua_touserdata(L, lua_upvalueindex(2));
  if (s->st == NULL) {
    if (s->owner->kb == NULL)
      return luaL_error(L, "attempt to use a closed " KB_TNAME);
    return 0;
  }
  if (!stmt_step(L, s, "rows")) return 0;
  lua_pushvalue(L, lua_upvalueindex(1));  /* names */
  push_row(L, s, lua_gettop(L));
  return 1;
}


/* kb:rows(sql, ...) -> iterator, stmt, nil, stmt (to be closed) */
static int kb_rows (lua_State *L) {
  int top = lua_gettop(L);
  LStmt *s;
  s = stmt_new(L, 1, 2, 0, "rows");
  stmt_bind(L, s, 3, top, "rows");
  push_names(L, s);
  lua_pushvalue(L, -2);
  lua_pushcclosure(L, stmt_next, 2);
  lua_pushvalue(L, -2);   /* state: the statement */
  lua_pushnil(L);
  lua_pushvalue(L, -4);   /* closing value */
  return 4;
}


/* kb:sql(sql, ...) -> list of rows */
/* The rows print as a table: each result gets a metatable naming its
** columns in order, with the shared __tostring of sinorus.Rows. */
static void set_rows_meta (lua_State *L, int names) {
  lua_createtable(L, 0, 3);
  luaL_getmetatable(L, ROWS_TNAME);
  lua_getfield(L, -1, "__tostring");
  lua_setfield(L, -3, "__tostring");
  lua_pop(L, 1);
  lua_pushliteral(L, ROWS_TNAME);
  lua_setfield(L, -2, "__name");
  lua_pushvalue(L, names);
  lua_setfield(L, -2, "columns");
  lua_setmetatable(L, -2);
}

static int kb_sql (lua_State *L) {
  int top = lua_gettop(L), names, n = 0;
  LStmt *s;
  s = stmt_new(L, 1, 2, 0, "sql");
  stmt_bind(L, s, 3, top, "sql");
  push_names(L, s);
  names = lua_gettop(L);
  lua_newtable(L);
  while (stmt_step(L, s, "sql")) {
    push_row(L, s, names);
    lua_rawseti(L, -2, ++n);
  }
  set_rows_meta(L, names);
  return 1;
}


/*
** The cache slot of an idle statement for the SQL at stack index sqli,
** prepared (for writing when write is set) and put in the cache if it
** was not there; -1 when the cache has neither a free nor an idle slot.
** The statement stays in the cache, owned by it, while the caller runs
** it in place: the caller must not let Lua code run meanwhile, and it
** resets the statement when done (or the next user does).
*/
static int cache_slot (lua_State *L, LKB *k, int sqli, int write,
                       const char *fname) {
  size_t len;
  const char *sql = lua_tolstring(L, sqli, &len);
  int i, slot;
  sqlite3_stmt *st;
  for (i = 0; i < SN_STMT_CACHE; i++) {
    Cached *c = &k->cache[i];
    if (c->st != NULL && cache_is(c, sql, len, write)) {
      c->used = ++k->tick;
      return i;
    }
  }
  if ((slot = cache_room(k)) < 0) return -1;
  st = prepare(L, k, sqli, write, fname);   /* raises holding nothing */
  if (!cache_put(k, slot, sql, len, write, st)) {
    sqlite3_finalize(st);
    luaL_error(L, "not enough memory");
  }
  return slot;
}


/* Runs the statement of slot on the KB k with the values at stack index
** 3 and up bound, to its end (write: authorized to write) or to its first
** row. Returns 1 on a row (the statement is left on it), 0 when done;
** raises for a bad value or an SQLite error, leaving nothing held. The
** values are bound without a copy: on a row the caller resets the
** statement and clears its bindings before it returns to Lua (kb_value);
** otherwise this does. (Should the caller raise before that, for lack of
** memory, the bindings are left pointing at freed strings, but nothing
** reads a binding: every user of a cached statement resets it and binds
** all its parameters again before stepping it.) */
static int run_in_place (lua_State *L, LKB *k, int slot, int write,
                         const char *fname) {
  sqlite3_stmt *st = k->cache[slot].st;
  char msg[256];
  int rc;
  sqlite3_reset(st);
  if (!bind_values(L, k, st, 3, lua_gettop(L), 0, fname, msg, sizeof msg)) {
    sqlite3_clear_bindings(st);
    return luaL_error(L, "%s", msg);
  }
  k->writing = write;
  rc = sqlite3_step(st);
  while (write && rc == SQLITE_ROW) rc = sqlite3_step(st);
  k->writing = 0;
  if (rc == SQLITE_ROW) return 1;
  if (rc != SQLITE_DONE) {
    sqlite3 *db = sinorus_db(k->kb);
    if (write) lua_pushstring(L, sqlite3_errmsg(db));
    else lua_pushfstring(L, "%s: %s", fname, sqlite3_errmsg(db));
    cache_drop(k, slot);
    return lua_error(L);
  }
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return 0;
}


/* kb:_exec(sql, ...) -> number of changed rows (internal: writes) */
static int kb_exec (lua_State *L) {
  int top = lua_gettop(L), rc, slot;
  LStmt *s;
  LKB *k = checkkb(L, 1);
  luaL_checkstring(L, 2);
  if (sinorus_readonly(k->kb))
    return luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  slot = cache_slot(L, k, 2, 1, "_exec");
  if (slot >= 0) {
    run_in_place(L, k, slot, 1, "_exec");
    lua_pushinteger(L, sqlite3_changes64(sinorus_db(k->kb)));
    return 1;
  }
  s = stmt_new(L, 1, 2, 1, "_exec");  /* every cached one is in use */
  stmt_bind(L, s, 3, top, "_exec");
  k->writing = 1;
  rc = sqlite3_step(s->st);
  while (rc == SQLITE_ROW) rc = sqlite3_step(s->st);
  k->writing = 0;
  if (rc != SQLITE_DONE) {
    sqlite3 *db = sinorus_db(k->kb);
    lua_pushfstring(L, "%s", sqlite3_errmsg(db));
    {
      sqlite3_stmt *st = s->st;
      s->st = NULL;
      sqlite3_finalize(st);
    }
    return lua_error(L);
  }
  stmt_release(s);
  lua_pushinteger(L, sqlite3_changes64(sinorus_db(k->kb)));
  return 1;
}


/* kb:_value(sql, ...) -> the first column of the first row of a
** read-only statement, or nil when it gives no row (internal: lookups). */
static int kb_value (lua_State *L) {
  LKB *k = checkkb(L, 1);
  int slot;
  luaL_checkstring(L, 2);
  slot = cache_slot(L, k, 2, 0, "_value");
  if (slot < 0) {                /* every cached statement is in use */
    LStmt *s = stmt_new(L, 1, 2, 0, "_value");
    stmt_bind(L, s, 3, lua_gettop(L) - 1, "_value");
    if (stmt_step(L, s, "_value") && s->ncols > 0)
      push_column(L, s->st, 0, sqlite3_column_type(s->st, 0));
    else
      lua_pushnil(L);
    stmt_release(s);
    return 1;
  }
  if (!sqlite3_stmt_readonly(k->cache[slot].st))
    luaL_argerror(L, 2, "statement is not read-only; "
                        "writes go through the authoring API");
  if (run_in_place(L, k, slot, 0, "_value")
      && sqlite3_column_count(k->cache[slot].st) > 0) {
    sqlite3_stmt *st = k->cache[slot].st;
    push_column(L, st, 0, sqlite3_column_type(st, 0));
  }
  else
    lua_pushnil(L);
  sqlite3_reset(k->cache[slot].st);
  sqlite3_clear_bindings(k->cache[slot].st);
  return 1;
}


/* kb:_script(sql) runs several statements (internal: schema work). */
static int kb_script (lua_State *L) {
  LKB *k = checkkb(L, 1);
  const char *sql = luaL_checkstring(L, 2);
  char *msg = NULL;
  int rc;
  if (sinorus_readonly(k->kb))
    return luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  k->writing = 1;
  rc = sqlite3_exec(sinorus_db(k->kb), sql, NULL, NULL, &msg);
  k->writing = 0;
  if (rc != SQLITE_OK) {
    lua_pushstring(L, msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return lua_error(L);
  }
  return 0;
}


/* kb:_set_search(args): declares the search index again with the
** tokenizer arguments args and rebuilds it (sn_set_search), all or
** nothing; raises on failure. */
static int kb_set_search (lua_State *L) {
  LKB *k = checkkb(L, 1);
  const char *args = luaL_checkstring(L, 2);
  sqlite3 *db = sinorus_db(k->kb);
  char *msg = NULL, err[256];
  int rc;
  if (sinorus_readonly(k->kb))
    return luaL_error(L, "attempt to write to a read-only " KB_TNAME);
  k->writing = 1;
  rc = sqlite3_exec(db, "SAVEPOINT sn_set_search", NULL, NULL, &msg);
  if (rc == SQLITE_OK) {
    rc = sn_set_search(db, args, &msg);
    if (rc != SQLITE_OK)
      sqlite3_exec(db, "ROLLBACK TO sn_set_search", NULL, NULL, NULL);
    sqlite3_exec(db, "RELEASE sn_set_search", NULL, NULL, NULL);
  }
  k->writing = 0;
  if (rc != SQLITE_OK) {
    snprintf(err, sizeof err, "%s", msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return luaL_error(L, "%s", err);
  }
  return 0;
}


static int kb_insert_id (lua_State *L) {
  LKB *k = checkkb(L, 1);
  lua_pushinteger(L, (lua_Integer)sqlite3_last_insert_rowid(sinorus_db(k->kb)));
  return 1;
}


/* kb:_busy() -> number of statements stepped and not yet reset. */
static int kb_busy (lua_State *L) {
  LKB *k = checkkb(L, 1);
  sqlite3 *db = sinorus_db(k->kb);
  sqlite3_stmt *st = NULL;
  lua_Integer n = 0;
  while ((st = sqlite3_next_stmt(db, st)) != NULL)
    if (sqlite3_stmt_busy(st)) n++;
  lua_pushinteger(L, n);
  return 1;
}


static int kb_in_transaction (lua_State *L) {
  LKB *k = checkkb(L, 1);
  lua_pushboolean(L, !sqlite3_get_autocommit(sinorus_db(k->kb)));
  return 1;
}


/* kb:save(path) -> true | nil, msg */
static int kb_save (lua_State *L) {
  LKB *k = checkkb(L, 1);
  const char *path = sn_checkpath(L, 2);
  int st = sinorus_save(k->kb, path);
  if (st != SINORUS_OK) {
    luaL_pushfail(L);
    lua_pushstring(L, sinorus_errmsg(k->kb));
    lua_pushstring(L, sinorus_strstatus(st));
    return 3;
  }
  lua_pushboolean(L, 1);
  return 1;
}


static const luaL_Reg kb_meta[] = {
  {"__gc", kb_gc},
  {"__close", kb_gc},
  {NULL, NULL}
};

static const luaL_Reg kb_methods[] = {
  {"close", kb_close},
  {"isclosed", kb_isclosed},
  {"readonly", kb_readonly},
  {"path", kb_path},
  {"rows", kb_rows},
  {"sql", kb_sql},
  {"save", kb_save},
  {"_exec", kb_exec},
  {"_value", kb_value},
  {"_script", kb_script},
  {"_set_search", kb_set_search},
  {"_insert_id", kb_insert_id},
  {"_in_transaction", kb_in_transaction},
  {"_busy", kb_busy},
  {NULL, NULL}
};

static const luaL_Reg stmt_meta[] = {
  {"__gc", stmt_gc},
  {"__close", stmt_gc},
  {NULL, NULL}
};

static const luaL_Reg stmt_methods[] = {
  {"close", stmt_gc},
  {NULL, NULL}
};


/* core.pcall_noyield(f, ...) -> true, ... | false, error: pcall, except
** that f cannot yield (coroutine.yield raises "attempt to yield across a
** C-call boundary"): kb:transaction runs its function so, and a
** transaction is never left open in a coroutine that is not resumed. */
static int l_pcall_noyield (lua_State *L) {
  int status;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  status = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
  lua_pushboolean(L, status == LUA_OK);
  lua_insert(L, 1);
  return lua_gettop(L);
}


void sn_lua_kb (lua_State *L) {
  sn_createmeta(L, KB_TNAME, kb_meta, kb_methods);
  sn_createmeta(L, STMT_TNAME, stmt_meta, stmt_methods);
  lua_pushcfunction(L, l_open);
  lua_setfield(L, -2, "open");
  lua_pushcfunction(L, l_pcall_noyield);
  lua_setfield(L, -2, "pcall_noyield");
  luaL_getmetatable(L, KB_TNAME);
  lua_setfield(L, -2, "KB");
  luaL_newmetatable(L, ROWS_TNAME);   /* the Lua layer gives it __tostring */
  lua_setfield(L, -2, "Rows");
  lua_pushinteger(L, SINORUS_SCHEMA_VERSION);
  lua_setfield(L, -2, "schema_version");
}
