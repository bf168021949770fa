/*
** lgraph.c: the Lua binding of graphs and writers.
**
** core.graph(spec) builds a sinorus.Graph. The binding maps node ids
** (strings or integers) to the core's 0-based indexes. A Graph's user
** values: 1 the list of node ids and 2 the map id -> 1-based index (both
** false for a graph of integer nodes 1..n), 3 the list of edge type
** names, 4 the writer info {name, labels, attrs}.
**
** Memory the core needs during a call is allocated as userdata (GC'd),
** so no raising call can leak it.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lsn.h"
#include "sinorus_graph.h"
#include "sn_graph.h"
#include "sn_internal.h"

#define GRAPH "sinorus.Graph"
#define BUFFER "sinorus.Buffer"

typedef struct {
  sinorus_graph *g;   /* NULL once closed */
} lgraph;


/* ---------------------------------------------------------------------
** Output buffers: malloc'd memory owned by a userdata with __gc
** ------------------------------------------------------------------ */

typedef struct {
  char *p;
  size_t len, cap;
} lbuf;

static int buf_gc (lua_State *L) {
  lbuf *b = luaL_checkudata(L, 1, BUFFER);
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
  return 0;
}

static lbuf *newbuf (lua_State *L) {
  lbuf *b = lua_newuserdatauv(L, sizeof(lbuf), 0);
  b->p = NULL;
  b->len = b->cap = 0;
  if (luaL_newmetatable(L, BUFFER)) {
    lua_pushcfunction(L, buf_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return b;
}

/* A sinorus_writer into an lbuf: never raises. */
static int buf_write (void *ud, const char *s, size_t n) {
  lbuf *b = ud;
  if (n > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 1024;
    char *p;
    while (n > cap - b->len) {
      if (cap > ((size_t)-1) / 2) return 1;
      cap *= 2;
    }
    p = realloc(b->p, cap);
    if (p == NULL) return 1;
    b->p = p;
    b->cap = cap;
  }
  if (n) memcpy(b->p + b->len, s, n);
  b->len += n;
  return 0;
}

/* Pushes an lbuf's content as a string, or raises on a failed write. */
static int pushbuf (lua_State *L, lbuf *b, int status) {
  if (status == SINORUS_RANGE) return luaL_error(L, "invalid graph data");
  if (status != SINORUS_OK) return luaL_error(L, "not enough memory");
  lua_pushlstring(L, b->p ? b->p : "", b->len);
  return 1;
}


/* ---------------------------------------------------------------------
** Handles
** ------------------------------------------------------------------ */

static lgraph *tograph (lua_State *L) {
  lgraph *h = luaL_checkudata(L, 1, GRAPH);
  if (h->g == NULL) luaL_error(L, "attempt to use a closed graph");
  return h;
}

/* __gc, __close and close: silent and idempotent. */
static int graph_close (lua_State *L) {
  lgraph *h = luaL_checkudata(L, 1, GRAPH);
  sinorus_graph_free(h->g);
  h->g = NULL;
  return 0;
}

/* A new handle, closed, with its four user values. */
static lgraph *newgraph (lua_State *L) {
  lgraph *h = lua_newuserdatauv(L, sizeof(lgraph), 4);
  h->g = NULL;
  luaL_setmetatable(L, GRAPH);
  return h;
}

static void raise_status (lua_State *L, int st) {
  if (st == SINORUS_NOMEM) luaL_error(L, "not enough memory");
  if (st == SINORUS_INTERRUPTED) sn_interrupted_raise(L);
  luaL_error(L, "%s", sinorus_strstatus(st));
}

/* The 0-based index of the node given at argument arg of function fname. */
static size_t checknode (lua_State *L, int arg) {
  size_t n = sinorus_graph_order(tograph(L)->g);
  lua_Integer i;
  luaL_checkany(L, arg);
  lua_getiuservalue(L, 1, 2);
  if (lua_toboolean(L, -1)) {
    lua_pushvalue(L, arg);
    lua_gettable(L, -2);
    i = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
    lua_pop(L, 2);
  }
  else {                        /* a number, taken as the build takes it */
    int isnum;
    lua_pop(L, 1);
    i = lua_tointegerx(L, arg, &isnum);
    if (!isnum) i = 0;
  }
  if (i < 1 || (lua_Unsigned)i > n) {
    const char *s = luaL_tolstring(L, arg, NULL);
    luaL_argerror(L, arg, lua_pushfstring(L, "no node '%s' in the graph", s));
  }
  return (size_t)(i - 1);
}

/* Pushes the id of node index i. */
static void pushid (lua_State *L, int gidx, size_t i) {
  if (lua_getiuservalue(L, gidx, 1) != LUA_TTABLE) {   /* nodes 1..n */
    lua_pop(L, 1);
    lua_pushinteger(L, (lua_Integer)i + 1);
    return;
  }
  lua_geti(L, -1, (lua_Integer)i + 1);
  lua_remove(L, -2);
}

/* Pushes the name of edge type t, or nil. */
static void pushtype (lua_State *L, int gidx, int t) {
  if (t < 0) { lua_pushnil(L); return; }
  lua_getiuservalue(L, gidx, 3);
  lua_geti(L, -1, t + 1);
  lua_remove(L, -2);
}


/* ---------------------------------------------------------------------
** Building: core.graph(spec)
** ------------------------------------------------------------------ */

/* The 0-based node index of id (at the top of the stack; popped). */
static uint32_t endpoint (lua_State *L, int map, lua_Integer n, lua_Integer e,
                        const char *which) {
  lua_Integer i = 0;
  if (map) {
    lua_pushvalue(L, -1);
    lua_rawget(L, map);
    if (lua_isinteger(L, -1)) i = lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  else {                       /* a number 1..n, taken as Lua takes integers */
    int isnum;
    i = lua_tointegerx(L, -1, &isnum);
    if (!isnum) i = 0;
  }
  if (i < 1 || i > n) {
    if (lua_isnil(L, -1))
      luaL_error(L, "bad argument #1 to 'graph' (edge %I: missing '%s')", e, which);
    luaL_error(L, "bad argument #1 to 'graph' (edge %I: unknown node '%s')",
               e, luaL_tolstring(L, -1, NULL));
  }
  lua_pop(L, 1);
  return (uint32_t)(i - 1);
}

/* The edge type of the value on the top (popped): its index in types. */
static int edgetype (lua_State *L, int types, int typemap, lua_Integer e) {
  int t;
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return -1; }
  if (lua_type(L, -1) != LUA_TSTRING)
    luaL_error(L, "bad argument #1 to 'graph' (edge %I: type must be a string)", e);
  lua_pushvalue(L, -1);
  lua_gettable(L, typemap);
  if (lua_isinteger(L, -1)) t = (int)lua_tointeger(L, -1) - 1;
  else {
    lua_Integer k = (lua_Integer)luaL_len(L, types) + 1;
    if (k > 1000000) luaL_error(L, "bad argument #1 to 'graph' (too many edge types)");
    lua_pushvalue(L, -2);
    lua_seti(L, types, k);
    lua_pushvalue(L, -2);
    lua_pushinteger(L, k);
    lua_settable(L, typemap);
    t = (int)k - 1;
  }
  lua_pop(L, 2);
  return t;
}

static int edgesign (lua_State *L, lua_Integer e) {
  lua_Integer s;
  int isnum;
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return 1; }
  s = lua_tointegerx(L, -1, &isnum);
  if (!isnum || s < -1 || s > 1)
    luaL_error(L, "bad argument #1 to 'graph' (edge %I: sign must be -1, 0 or 1)", e);
  lua_pop(L, 1);
  return (int)s;
}

static double edgeweight (lua_State *L, lua_Integer e) {
  lua_Number w;
  int isnum;
  if (lua_isnil(L, -1)) { lua_pop(L, 1); return 1; }
  w = lua_tonumberx(L, -1, &isnum);
  if (!isnum || !(w >= 0) || !isfinite(w))
    luaL_error(L, "bad argument #1 to 'graph' (edge %I: weight must be a finite number >= 0)", e);
  lua_pop(L, 1);
  return (double)w;
}

/* Pushes the columns from, to, sign, weight and type of the spec at
** index 1, each read once, and sets col[k] to the slot of each (0 for an
** absent one). The from column stands for the edges in messages. */
static void pushcolumns (lua_State *L, int col[5]) {
  static const char *const names[5] = { "from", "to", "sign", "weight", "type" };
  int k;
  for (k = 0; k < 5; k++) {
    lua_getfield(L, 1, names[k]);
    col[k] = lua_gettop(L);
    if (!lua_isnil(L, -1) && !lua_istable(L, -1))
      luaL_error(L, "bad argument #1 to 'graph' (field '%s' must be a list)",
                 k == 0 ? "edges" : names[k]);
    if (lua_isnil(L, -1)) col[k] = 0;
  }
}

/* Edges read per batch: four values of each are pushed at once. */
#define BATCH 32

/*
** Reads the edge columns at the stack slots col (see pushcolumns) into c,
** checking every value: a batch of edges' values is
** pushed with lua_rawgeti (the columns' metamethods are ignored) and
** checked in place; a value that is not plainly valid is handed to the
** checks of a single value, which accept it or raise naming the edge
** and the field, edge by edge as in the list form.
*/
static void readcolumns (lua_State *L, const int col[5], int map, lua_Integer n,
                         lua_Integer m, int types, int typemap, sn_edgecols *c) {
  int k, base;
  lua_Integer lo, e;
  luaL_checkstack(L, 4 * BATCH + 8, NULL);
  base = lua_gettop(L);
  for (lo = 1; lo <= m; lo += BATCH) {
    int cnt = (int)(m - lo + 1 < BATCH ? m - lo + 1 : BATCH), j;
    for (k = 0; k < 4; k++)
      if (col[k])
        for (j = 0; j < cnt; j++) lua_rawgeti(L, col[k], lo + j);
    for (j = 0, e = lo; j < cnt; j++, e++) {
      size_t i = (size_t)(e - 1);
      int at = base + 1 + j, isnum;
      lua_Integer v;
      lua_Number w;
      /* from (column present: m counts its entries) */
      if (!map && (v = lua_tointegerx(L, at, &isnum)) >= 1 && v <= n && isnum)
        c->from[i] = (uint32_t)(v - 1);
      else { lua_pushvalue(L, at); c->from[i] = endpoint(L, map, n, e, "from"); }
      /* to */
      if (col[1]) {
        at += cnt;
        if (!map && (v = lua_tointegerx(L, at, &isnum)) >= 1 && v <= n && isnum)
          c->to[i] = (uint32_t)(v - 1);
        else { lua_pushvalue(L, at); c->to[i] = endpoint(L, map, n, e, "to"); }
      }
      else { lua_pushnil(L); c->to[i] = endpoint(L, map, n, e, "to"); }
      /* sign: default 1 */
      if (col[2]) {
        at += cnt;
        v = lua_tointegerx(L, at, &isnum);
        if (isnum && v >= -1 && v <= 1) c->sign[i] = (signed char)v;
        else { lua_pushvalue(L, at); c->sign[i] = (signed char)edgesign(L, e); }
      }
      else c->sign[i] = 1;
      /* weight: default 1 */
      if (col[3]) {
        at += cnt;
        w = lua_tonumberx(L, at, &isnum);
        if (isnum && w >= 0 && w < HUGE_VAL) c->weight[i] = (double)w;
        else { lua_pushvalue(L, at); c->weight[i] = edgeweight(L, e); }
      }
      else c->weight[i] = 1;
      if (col[4]) {
        lua_rawgeti(L, col[4], e);
        c->type[i] = edgetype(L, types, typemap, e);
      }
    }
    lua_settop(L, base);
  }
}

/*
** core.graph{nodes = n | {id, ...}, edges = {{from, to, sign, weight,
** type}, ...} | from = {...}, to = {...}, sign = {...}, weight = {...},
** type = {...}, directed = bool, name = s, labels = {[id] = s},
** attrs = {[id] = {[k] = s}}}
*/
static int l_graph (lua_State *L) {
  lgraph *h;
  sn_edgecols c;
  lua_Integer n, m, e;
  int map = 0, types, typemap, columns, st, directed, col[5] = { 0, 0, 0, 0, 0 };
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  h = newgraph(L);                                   /* 2 */
  lua_getfield(L, 1, "directed");
  directed = lua_toboolean(L, -1);
  lua_pop(L, 1);
  /* nodes: user value 1 (ids) and 2 (map) */
  lua_getfield(L, 1, "nodes");
  if (lua_isinteger(L, -1)) {
    n = lua_tointeger(L, -1);
    if (n < 0 || n > 0x7fffffff) luaL_error(L, "bad argument #1 to 'graph' (too many nodes)");
    lua_pushboolean(L, 0);                           /* ids are 1..n */
    lua_setiuservalue(L, 2, 1);
    lua_pushboolean(L, 0);
    lua_setiuservalue(L, 2, 2);
    lua_pop(L, 1);
  }
  else if (lua_istable(L, -1)) {
    int ids = lua_gettop(L);
    n = (lua_Integer)luaL_len(L, ids);
    lua_createtable(L, (int)n, 0);                   /* ids copy */
    lua_createtable(L, 0, (int)n);                   /* map */
    for (e = 1; e <= n; e++) {
      int t = lua_geti(L, ids, e);
      if (t != LUA_TSTRING && !lua_isinteger(L, -1))
        luaL_error(L, "bad argument #1 to 'graph' (node %I: id must be a string or an integer)", e);
      lua_pushvalue(L, -1);
      if (lua_gettable(L, -3) != LUA_TNIL)
        luaL_error(L, "bad argument #1 to 'graph' (node '%s' given twice)",
                   luaL_tolstring(L, -2, NULL));
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_seti(L, -4, e);
      lua_pushinteger(L, e);
      lua_settable(L, -3);
    }
    lua_setiuservalue(L, 2, 2);
    lua_setiuservalue(L, 2, 1);
    lua_pop(L, 1);
    lua_getiuservalue(L, 2, 2);
    map = lua_gettop(L);                             /* 3 */
  }
  else
    return luaL_error(L, "bad argument #1 to 'graph' (field 'nodes' must be a count or a list of ids)");
  lua_newtable(L);
  types = lua_gettop(L);
  lua_newtable(L);
  typemap = lua_gettop(L);
  lua_pushvalue(L, types);
  lua_setiuservalue(L, 2, 3);
  /* edges: a list of tables, or columns from/to/sign/weight/type */
  lua_getfield(L, 1, "edges");
  columns = lua_isnil(L, -1);
  if (columns) {                /* the columns stay pushed until read */
    lua_pop(L, 1);
    pushcolumns(L, col);
    m = col[0] ? (lua_Integer)luaL_len(L, col[0]) : 0;
  }
  else {
    if (!lua_istable(L, -1))
      return luaL_error(L, "bad argument #1 to 'graph' (field 'edges' must be a list)");
    m = (lua_Integer)luaL_len(L, -1);
    lua_pop(L, 1);
  }
  if ((lua_Unsigned)m > ((size_t)-1) / sizeof(sinorus_edge) / 4)
    return luaL_error(L, "bad argument #1 to 'graph' (too many edges)");
  /* the graph's own edge columns are filled in place; until it is
  ** finished the handle only frees it */
  st = sn_graph_alloc((size_t)n, directed, (size_t)m, !columns || col[4] != 0,
                      &h->g, &c);
  if (st != SINORUS_OK) raise_status(L, st);
  if (columns) {
    readcolumns(L, col, map, n, m, types, typemap, &c);
    lua_pop(L, 5);
  }
  else {
    lua_getfield(L, 1, "edges");
    for (e = 1; e <= m; e++) {
      size_t i = (size_t)(e - 1);
      if (lua_geti(L, -1, e) != LUA_TTABLE)
        return luaL_error(L, "bad argument #1 to 'graph' (edge %I must be a table)", e);
      if (lua_getfield(L, -1, "from") == LUA_TNIL) { lua_pop(L, 1); lua_geti(L, -1, 1); }
      c.from[i] = endpoint(L, map, n, e, "from");
      if (lua_getfield(L, -1, "to") == LUA_TNIL) { lua_pop(L, 1); lua_geti(L, -1, 2); }
      c.to[i] = endpoint(L, map, n, e, "to");
      lua_getfield(L, -1, "sign");
      c.sign[i] = (signed char)edgesign(L, e);
      lua_getfield(L, -1, "weight");
      c.weight[i] = edgeweight(L, e);
      lua_getfield(L, -1, "type");
      c.type[i] = edgetype(L, types, typemap, e);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  /* writer info: user value 4 */
  lua_createtable(L, 0, 3);
  lua_getfield(L, 1, "name");
  if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
    return luaL_error(L, "bad argument #1 to 'graph' (field 'name' must be a string)");
  lua_setfield(L, -2, "name");
  lua_getfield(L, 1, "labels");
  if (!lua_isnil(L, -1) && !lua_istable(L, -1))
    return luaL_error(L, "bad argument #1 to 'graph' (field 'labels' must be a table)");
  lua_setfield(L, -2, "labels");
  lua_getfield(L, 1, "attrs");
  if (!lua_isnil(L, -1) && !lua_istable(L, -1))
    return luaL_error(L, "bad argument #1 to 'graph' (field 'attrs' must be a table)");
  lua_setfield(L, -2, "attrs");
  lua_setiuservalue(L, 2, 4);
  st = sn_graph_finish(h->g);
  if (st != SINORUS_OK) {
    sinorus_graph_free(h->g);
    h->g = NULL;
    raise_status(L, st);
  }
  lua_pushvalue(L, 2);
  return 1;
}


/* ---------------------------------------------------------------------
** Methods
** ------------------------------------------------------------------ */

static int g_nodes (lua_State *L) {
  size_t n = sinorus_graph_order(tograph(L)->g), i;
  lua_createtable(L, (int)n, 0);
  if (lua_getiuservalue(L, 1, 1) != LUA_TTABLE)        /* nodes 1..n */
    for (i = 1; i <= n; i++) {
      lua_pushinteger(L, (lua_Integer)i);
      lua_rawseti(L, -3, (lua_Integer)i);
    }
  else
    for (i = 1; i <= n; i++) {
      lua_geti(L, -1, (lua_Integer)i);
      lua_seti(L, -3, (lua_Integer)i);
    }
  lua_pop(L, 1);
  return 1;
}

static int g_order (lua_State *L) {
  lua_pushinteger(L, (lua_Integer)sinorus_graph_order(tograph(L)->g));
  return 1;
}

static int g_size (lua_State *L) {
  lua_pushinteger(L, (lua_Integer)sinorus_graph_size(tograph(L)->g));
  return 1;
}

static int g_directed (lua_State *L) {
  lua_pushboolean(L, sinorus_graph_directed(tograph(L)->g));
  return 1;
}

static int g_edges (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  size_t m = sinorus_graph_size(g), i;
  lua_createtable(L, (int)m, 0);
  for (i = 0; i < m; i++) {
    sinorus_edge e;
    sinorus_graph_edge(g, i, &e);
    lua_createtable(L, 0, 5);
    pushid(L, 1, e.from); lua_setfield(L, -2, "from");
    pushid(L, 1, e.to); lua_setfield(L, -2, "to");
    lua_pushinteger(L, e.sign); lua_setfield(L, -2, "sign");
    lua_pushnumber(L, e.weight); lua_setfield(L, -2, "weight");
    pushtype(L, 1, e.type); lua_setfield(L, -2, "type");
    lua_seti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* g:degree(id) -> {degree, in_degree, out_degree, strength, ...} */
static int g_degree (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  size_t u = checknode(L, 2);
  sinorus_degree d;
  int st = sinorus_graph_degree(g, u, &d);
  if (st != SINORUS_OK) raise_status(L, st);
  lua_createtable(L, 0, 9);
  lua_pushinteger(L, (lua_Integer)d.total); lua_setfield(L, -2, "degree");
  lua_pushinteger(L, (lua_Integer)d.in); lua_setfield(L, -2, "in_degree");
  lua_pushinteger(L, (lua_Integer)d.out); lua_setfield(L, -2, "out_degree");
  lua_pushnumber(L, d.total_signed); lua_setfield(L, -2, "strength");
  lua_pushnumber(L, d.in_signed); lua_setfield(L, -2, "in_strength");
  lua_pushnumber(L, d.out_signed); lua_setfield(L, -2, "out_strength");
  lua_pushnumber(L, d.total_abs); lua_setfield(L, -2, "abs_strength");
  lua_pushnumber(L, d.in_abs); lua_setfield(L, -2, "in_abs_strength");
  lua_pushnumber(L, d.out_abs); lua_setfield(L, -2, "out_abs_strength");
  return 1;
}

/* g:pagerank([damping [, tol [, max_iter]]]) -> ranks (by node), iters, converged */
static int g_pagerank (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  lua_Number damping = luaL_optnumber(L, 2, 0.85);
  lua_Number tol = luaL_optnumber(L, 3, 1e-10);
  lua_Integer max_iter = luaL_optinteger(L, 4, 100);
  size_t n = sinorus_graph_order(g), i;
  double *rank;
  int iters, conv, st;
  luaL_argcheck(L, damping >= 0 && damping <= 1, 2, "damping must be in [0, 1]");
  luaL_argcheck(L, tol >= 0, 3, "tolerance must be >= 0");
  luaL_argcheck(L, max_iter >= 1 && max_iter <= 0x7fffffff, 4,
                "max_iter must be a positive integer");
  rank = lua_newuserdatauv(L, n * sizeof(double) + 1, 0);
  st = sinorus_graph_pagerank(g, damping, tol, (int)max_iter, rank, &iters, &conv);
  if (st != SINORUS_OK) raise_status(L, st);
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_pushnumber(L, rank[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushinteger(L, iters);
  lua_pushboolean(L, conv);
  return 3;
}

/* g:balance([list]) -> {triangles, balanced, unbalanced, ratio, ties,
** triads = {{a, b, c, ab, bc, ca}, ...}} (the unbalanced triangles) */
static int g_balance (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  int want = lua_isnoneornil(L, 2) || lua_toboolean(L, 2);
  size_t cap = want ? 256 : 0, i;
  sinorus_triangle *list = lua_newuserdatauv(L, cap * sizeof *list + 1, 0);
  sinorus_balance b;
  int st = sinorus_graph_balance(g, &b, list, cap);
  if (st == SINORUS_OK && want && b.unbalanced > cap) {
    cap = b.unbalanced;
    list = lua_newuserdatauv(L, cap * sizeof *list, 0);
    st = sinorus_graph_balance(g, &b, list, cap);
  }
  if (st != SINORUS_OK) raise_status(L, st);
  lua_createtable(L, 0, 6);
  lua_pushinteger(L, (lua_Integer)b.triangles); lua_setfield(L, -2, "triangles");
  lua_pushinteger(L, (lua_Integer)b.balanced); lua_setfield(L, -2, "balanced");
  lua_pushinteger(L, (lua_Integer)b.unbalanced); lua_setfield(L, -2, "unbalanced");
  lua_pushnumber(L, b.ratio); lua_setfield(L, -2, "ratio");
  lua_pushinteger(L, (lua_Integer)b.ties); lua_setfield(L, -2, "ties");
  lua_createtable(L, want ? (int)b.unbalanced : 0, 0);
  for (i = 0; want && i < b.unbalanced; i++) {
    lua_createtable(L, 6, 0);
    pushid(L, 1, list[i].a); lua_seti(L, -2, 1);
    pushid(L, 1, list[i].b); lua_seti(L, -2, 2);
    pushid(L, 1, list[i].c); lua_seti(L, -2, 3);
    lua_pushinteger(L, list[i].ab); lua_seti(L, -2, 4);
    lua_pushinteger(L, list[i].bc); lua_seti(L, -2, 5);
    lua_pushinteger(L, list[i].ca); lua_seti(L, -2, 6);
    lua_seti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "triads");
  return 1;
}

/* g:path(a, b [, "hops"|"weight" [, undirected]]) -> list of ids, cost | nil */
static int g_path (lua_State *L) {
  static const char *const bys[] = { "hops", "weight", NULL };
  sinorus_graph *g = tograph(L)->g;
  size_t a = checknode(L, 2), b = checknode(L, 3);
  int mode = luaL_checkoption(L, 4, "hops", bys);
  size_t n = sinorus_graph_order(g), len, i, *path;
  double cost;
  int st;
  if (lua_toboolean(L, 5)) mode |= SINORUS_PATH_UNDIRECTED;
  path = lua_newuserdatauv(L, n * sizeof(size_t) + 1, 0);
  st = sinorus_graph_path(g, a, b, mode, path, n, &len, &cost);
  if (st != SINORUS_OK) raise_status(L, st);
  if (len == 0) { lua_pushnil(L); return 1; }
  lua_createtable(L, (int)len, 0);
  for (i = 0; i < len; i++) {
    pushid(L, 1, path[i]);
    lua_seti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushnumber(L, cost);
  return 2;
}

/* g:components() -> list of lists of ids, by lowest node index */
static int g_components (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  size_t n = sinorus_graph_order(g), count, i;
  size_t *comp = lua_newuserdatauv(L, n * sizeof(size_t) + 1, 0);
  int st = sinorus_graph_components(g, comp, &count);
  if (st != SINORUS_OK) raise_status(L, st);
  lua_createtable(L, (int)count, 0);
  for (i = 0; i < count; i++) {
    lua_newtable(L);
    lua_seti(L, -2, (lua_Integer)i + 1);
  }
  for (i = 0; i < n; i++) {
    lua_geti(L, -1, (lua_Integer)comp[i] + 1);
    pushid(L, 1, i);
    lua_seti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
    lua_pop(L, 1);
  }
  return 1;
}

/* g:ego(id [, radius]) -> the ego network, a new Graph */
static int g_ego (lua_State *L) {
  sinorus_graph *g = tograph(L)->g;
  size_t c = checknode(L, 2), n = sinorus_graph_order(g), count, i;
  lua_Integer radius = luaL_optinteger(L, 3, 1);
  size_t *nodes;
  lgraph *h;
  int st;
  luaL_argcheck(L, radius >= 0 && radius <= 0x7fffffff, 3,
                "radius must be a non-negative integer");
  lua_settop(L, 3);
  nodes = lua_newuserdatauv(L, n * sizeof(size_t) + 1, 0);    /* 4 */
  st = sinorus_graph_ego(g, c, (unsigned)radius, nodes, n, &count);
  if (st != SINORUS_OK) raise_status(L, st);
  h = newgraph(L);                                           /* 5 */
  lua_createtable(L, (int)count, 0);
  lua_createtable(L, 0, (int)count);
  for (i = 0; i < count; i++) {
    pushid(L, 1, nodes[i]);
    lua_pushvalue(L, -1);
    lua_seti(L, -4, (lua_Integer)i + 1);
    lua_pushinteger(L, (lua_Integer)i + 1);
    lua_settable(L, -3);
  }
  lua_setiuservalue(L, 5, 2);
  lua_setiuservalue(L, 5, 1);
  lua_getiuservalue(L, 1, 3);
  lua_setiuservalue(L, 5, 3);
  lua_getiuservalue(L, 1, 4);
  lua_setiuservalue(L, 5, 4);
  st = sinorus_graph_subgraph(g, nodes, count, &h->g);
  if (st != SINORUS_OK) raise_status(L, st);
  return 1;
}

static int cmpstr (const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* g:write(format) -> string */
static int g_write (lua_State *L) {
  static const char *const formats[] = { "dot", "graphml", "gexf", "json", NULL };
  sinorus_graph *g = tograph(L)->g;
  int format = luaL_checkoption(L, 2, NULL, formats);
  size_t n = sinorus_graph_order(g), ntypes, nattrs = 0, i, a;
  const char **ids, **labels, **names = NULL, **values = NULL, **types;
  int anchor, info, st;
  sinorus_graph_info in;
  lbuf *b;
  lua_settop(L, 2);
  lua_newtable(L);                                   /* 3: anchor strings */
  anchor = 3;
  lua_getiuservalue(L, 1, 4);                        /* 4: info */
  info = 4;
  ids = lua_newuserdatauv(L, n * sizeof(char *) + 1, 0);
  labels = lua_newuserdatauv(L, n * sizeof(char *) + 1, 0);
  lua_getfield(L, info, "labels");                   /* 7 */
  lua_getfield(L, info, "attrs");                    /* 8 */
  /* ids and labels as strings, anchored */
  for (i = 0; i < n; i++) {
    pushid(L, 1, i);
    ids[i] = luaL_tolstring(L, -1, NULL);
    lua_seti(L, anchor, (lua_Integer)(2 * i + 1));
    labels[i] = NULL;
    if (lua_istable(L, 7)) {
      pushid(L, 1, i);
      if (lua_gettable(L, 7) != LUA_TNIL) {
        labels[i] = luaL_tolstring(L, -1, NULL);
        lua_seti(L, anchor, (lua_Integer)(2 * i + 2));
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  /* attribute names: the union of every node's keys, sorted */
  if (lua_istable(L, 8)) {
    lua_newtable(L);                                 /* 9: set of names */
    for (i = 0; i < n; i++) {
      pushid(L, 1, i);
      if (lua_gettable(L, 8) == LUA_TTABLE) {
        lua_pushnil(L);
        while (lua_next(L, -2)) {
          lua_pop(L, 1);
          if (lua_type(L, -1) == LUA_TSTRING) {
            lua_pushvalue(L, -1);
            lua_pushboolean(L, 1);
            lua_settable(L, 9);
          }
        }
      }
      lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, 9)) { lua_pop(L, 1); nattrs++; }
    names = lua_newuserdatauv(L, nattrs * sizeof(char *) + 1, 0);   /* 10 */
    a = 0;
    lua_pushnil(L);
    while (lua_next(L, 9)) { lua_pop(L, 1); names[a++] = lua_tostring(L, -1); }
    if (nattrs > 1) qsort(names, nattrs, sizeof *names, cmpstr);
    values = lua_newuserdatauv(L, n * nattrs * sizeof(char *) + 1, 0);  /* 11 */
    for (i = 0; i < n; i++) {
      pushid(L, 1, i);
      if (lua_gettable(L, 8) == LUA_TTABLE) {
        for (a = 0; a < nattrs; a++) {
          values[i * nattrs + a] = NULL;
          if (lua_getfield(L, -1, names[a]) != LUA_TNIL) {
            values[i * nattrs + a] = luaL_tolstring(L, -1, NULL);
            lua_seti(L, anchor, (lua_Integer)(2 * n + i * nattrs + a + 1));
          }
          lua_pop(L, 1);
        }
      }
      else
        for (a = 0; a < nattrs; a++) values[i * nattrs + a] = NULL;
      lua_pop(L, 1);
    }
  }
  lua_getiuservalue(L, 1, 3);
  ntypes = (size_t)luaL_len(L, -1);
  types = lua_newuserdatauv(L, ntypes * sizeof(char *) + 1, 0);
  for (i = 0; i < ntypes; i++) {
    lua_geti(L, -2, (lua_Integer)i + 1);
    types[i] = lua_tostring(L, -1);   /* strings, anchored in the types list */
    lua_pop(L, 1);
  }
  lua_getfield(L, info, "name");
  in.name = lua_tostring(L, -1);      /* anchored in info */
  lua_pop(L, 1);
  in.ids = ids;
  in.labels = labels;
  in.nattrs = nattrs;
  in.attr_names = names;
  in.attr_values = values;
  in.types = types;
  in.ntypes = ntypes;
  b = newbuf(L);
  st = sinorus_graph_write(g, format, &in, buf_write, b);
  return pushbuf(L, b, st);
}

static int g_tostring (lua_State *L) {
  lgraph *h = luaL_checkudata(L, 1, GRAPH);
  if (h->g == NULL) lua_pushliteral(L, "sinorus.Graph (closed)");
  else
    lua_pushfstring(L, "sinorus.Graph(%s, %I nodes, %I edges)",
                    sinorus_graph_directed(h->g) ? "directed" : "undirected",
                    (lua_Integer)sinorus_graph_order(h->g),
                    (lua_Integer)sinorus_graph_size(h->g));
  return 1;
}


/* ---------------------------------------------------------------------
** Module functions: escaping, files, GUIDs, REFI-QDA
** ------------------------------------------------------------------ */

/* core.escape(format, s) with format "xml" | "json" | "csv" | "dot" */
static int l_escape (lua_State *L) {
  static const char *const kinds[] = { "xml", "json", "csv", "dot", NULL };
  int kind = luaL_checkoption(L, 1, NULL, kinds);
  size_t len;
  const char *s = luaL_checklstring(L, 2, &len);
  lbuf *b = newbuf(L);
  int st;
  switch (kind) {
    case 0: st = sinorus_escape_xml(s, len, buf_write, b); break;
    case 1: st = sinorus_escape_json(s, len, buf_write, b); break;
    case 2: st = sinorus_escape_csv(s, len, buf_write, b); break;
    default: st = sinorus_escape_dot(s, len, buf_write, b); break;
  }
  return pushbuf(L, b, st);
}

/* core.write_file(path, data [, kb]) -> true | nil, message: the one
** atomic write; with kb, its file and sidecars are refused as targets */
static int l_write_file (lua_State *L) {
  const char *path = sn_checkpath(L, 1);
  size_t len;
  const char *data = luaL_checklstring(L, 2, &len);
  sn_kbfile kbf, *kb = NULL;
  char err[512];
  int st;
  if (!lua_isnoneornil(L, 3)) {
    sn_kb_file(sn_checkkb(L, 3), &kbf);
    kb = &kbf;
  }
  st = sn_write_file_kb(path, data, len, kb, err, sizeof err);
  if (st == SINORUS_OK) { lua_pushboolean(L, 1); return 1; }
  luaL_pushfail(L);
  lua_pushstring(L, err);
  return 2;
}

/* core.read_file(path [, kb]) -> data | nil, message: a regular file's
** bytes, read without ever blocking on a FIFO or a device (refused);
** with kb, its file and sidecars are refused as the writers refuse them. The buffer is a Lua userdata
** made before the file is opened, so nothing is held across a call that
** can raise. */
static int l_read_file (lua_State *L) {
  const char *path = sn_checkpath(L, 1);
  char why[256], *buf;
  size_t size = 0, got = 0;
  if (!lua_isnoneornil(L, 2)) {
    sn_kbfile kbf;
    sn_kb_file(sn_checkkb(L, 2), &kbf);
    if (sn_kb_refuses(path, &kbf, why, sizeof why) != SINORUS_OK) {
      luaL_pushfail(L);
      lua_pushstring(L, why);
      return 2;
    }
  }
  if (sn_read_regular(path, NULL, 0, NULL, &size, why, sizeof why) == SINORUS_OK) {
    buf = (char *)lua_newuserdatauv(L, size > 0 ? size : 1, 0);
    if (sn_read_regular(path, buf, size, &got, NULL, why, sizeof why) == SINORUS_OK) {
      lua_pushlstring(L, buf, got);
      return 1;
    }
  }
  luaL_pushfail(L);
  lua_pushstring(L, why);
  return 2;
}

/* core.sign_colour(sign) -> "#RRGGBB": the one owner of the sign colours */
static int l_sign_colour (lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  lua_pushstring(L, sn_sign_color(x > 0 ? 1 : x < 0 ? -1 : 0));
  return 1;
}

/* core.exists(path) -> boolean: whether anything is at path (not opened) */
static int l_exists (lua_State *L) {
  lua_pushboolean(L, sn_path_exists(sn_checkpath(L, 1)));
  return 1;
}

/* core.guid(key) -> a deterministic UUID string */
static int l_guid (lua_State *L) {
  size_t len;
  const char *key = luaL_checklstring(L, 1, &len);
  char out[37];
  sinorus_guid(key, len, out);
  lua_pushstring(L, out);
  return 1;
}

/* The string field k of the table at idx, anchored there; NULL if nil
** and optional, raises otherwise. */
static const char *strfield (lua_State *L, int idx, const char *k,
                             const char *what, lua_Integer i, int optional) {
  const char *s;
  int t = lua_getfield(L, idx, k);
  if (t == LUA_TNIL && optional) { lua_pop(L, 1); return NULL; }
  if (t != LUA_TSTRING) {
    luaL_error(L, "bad argument #2 to 'write_qdpx' (%s %I: field '%s' must be a string)",
               what, i, k);
  }
  s = lua_tostring(L, -1);   /* anchored in the table */
  lua_pop(L, 1);
  return s;
}

static lua_Integer intfield (lua_State *L, int idx, const char *k,
                             const char *what, lua_Integer i) {
  int isnum;
  lua_Integer v;
  lua_getfield(L, idx, k);
  v = lua_tointegerx(L, -1, &isnum);
  if (!isnum)
    luaL_error(L, "bad argument #2 to 'write_qdpx' (%s %I: field '%s' must be an integer)",
               what, i, k);
  lua_pop(L, 1);
  return v;
}

/* Index (0-based) of key (a field of the table at idx) in map (key -> i). */
static size_t keyindex (lua_State *L, int idx, const char *k, int map,
                        const char *what, lua_Integer i) {
  lua_Integer v;
  lua_getfield(L, idx, k);
  lua_gettable(L, map);
  if (!lua_isinteger(L, -1))
    luaL_error(L, "bad argument #2 to 'write_qdpx' (%s %I: unknown %s)", what, i, k);
  v = lua_tointeger(L, -1);
  lua_pop(L, 1);
  return (size_t)(v - 1);
}

/*
** core.write_qdpx(path, {name, codes = {{key, name, description, parent}},
**   sources = {{key, name, text}}, selections = {{key, name, source, code,
**   start, stop}}}) -> true | nil, message. start and stop are 1-based
** inclusive byte offsets into the source text (stop = start - 1: empty).
*/
static int l_write_qdpx (lua_State *L) {
  const char *path = sn_checkpath(L, 1);
  sn_kbfile kbf, *kb = NULL;
  sinorus_qda_code *codes;
  sinorus_qda_source *srcs;
  sinorus_qda_selection *sels;
  lua_Integer nc, ns, nl, i;
  int cmap, smap, st;
  const char *project;
  char err[512];
  luaL_checktype(L, 2, LUA_TTABLE);
  if (!lua_isnoneornil(L, 3)) {   /* the KB whose files must not be hit */
    sn_kb_file(sn_checkkb(L, 3), &kbf);
    kb = &kbf;
  }
  lua_settop(L, 3);                                   /* kb stays anchored */
  project = strfield(L, 2, "name", "project", 0, 1);
  lua_getfield(L, 2, "codes");                        /* 4 */
  lua_getfield(L, 2, "sources");                      /* 5 */
  lua_getfield(L, 2, "selections");                   /* 6 */
  luaL_argexpected(L, lua_istable(L, 4), 2, "table with a 'codes' list");
  luaL_argexpected(L, lua_istable(L, 5), 2, "table with a 'sources' list");
  luaL_argexpected(L, lua_istable(L, 6), 2, "table with a 'selections' list");
  nc = (lua_Integer)luaL_len(L, 4);
  ns = (lua_Integer)luaL_len(L, 5);
  nl = (lua_Integer)luaL_len(L, 6);
  lua_newtable(L); cmap = lua_gettop(L);             /* 7 */
  lua_newtable(L); smap = lua_gettop(L);             /* 8 */
  codes = lua_newuserdatauv(L, (size_t)nc * sizeof *codes + 1, 0);
  srcs = lua_newuserdatauv(L, (size_t)ns * sizeof *srcs + 1, 0);
  sels = lua_newuserdatauv(L, (size_t)nl * sizeof *sels + 1, 0);
  for (i = 1; i <= nc; i++) {
    sinorus_qda_code *c = &codes[i - 1];
    if (lua_geti(L, 4, i) != LUA_TTABLE)
      return luaL_error(L, "bad argument #2 to 'write_qdpx' (code %I must be a table)", i);
    c->key = strfield(L, -1, "key", "code", i, 0);
    c->name = strfield(L, -1, "name", "code", i, 0);
    c->description = strfield(L, -1, "description", "code", i, 1);
    c->parent = -1;
    if (lua_getfield(L, -1, "parent") != LUA_TNIL) {
      lua_gettable(L, cmap);
      if (!lua_isinteger(L, -1))
        return luaL_error(L, "bad argument #2 to 'write_qdpx' (code %I: parent must be an earlier code's key)", i);
      c->parent = (long)lua_tointeger(L, -1) - 1;
    }
    lua_pop(L, 1);
    lua_pushstring(L, c->key);
    lua_pushinteger(L, i);
    lua_settable(L, cmap);
    lua_pop(L, 1);
  }
  for (i = 1; i <= ns; i++) {
    sinorus_qda_source *s = &srcs[i - 1];
    if (lua_geti(L, 5, i) != LUA_TTABLE)
      return luaL_error(L, "bad argument #2 to 'write_qdpx' (source %I must be a table)", i);
    s->key = strfield(L, -1, "key", "source", i, 0);
    s->name = strfield(L, -1, "name", "source", i, 0);
    s->text = strfield(L, -1, "text", "source", i, 0);
    lua_getfield(L, -1, "text");
    s->len = lua_rawlen(L, -1);
    lua_pop(L, 1);
    lua_pushstring(L, s->key);
    lua_pushinteger(L, i);
    lua_settable(L, smap);
    lua_pop(L, 1);
  }
  for (i = 1; i <= nl; i++) {
    sinorus_qda_selection *s = &sels[i - 1];
    lua_Integer a, b;
    if (lua_geti(L, 6, i) != LUA_TTABLE)
      return luaL_error(L, "bad argument #2 to 'write_qdpx' (selection %I must be a table)", i);
    s->key = strfield(L, -1, "key", "selection", i, 0);
    s->name = strfield(L, -1, "name", "selection", i, 1);
    s->source = keyindex(L, lua_gettop(L), "source", smap, "selection", i);
    s->code = keyindex(L, lua_gettop(L), "code", cmap, "selection", i);
    a = intfield(L, -1, "start", "selection", i);
    b = intfield(L, -1, "stop", "selection", i);
    if (a < 1 || b < a - 1 || (lua_Unsigned)b > srcs[s->source].len)
      return luaL_error(L, "bad argument #2 to 'write_qdpx' (selection %I: offsets out of range)", i);
    s->start = (size_t)(a - 1);
    s->stop = (size_t)b;
    lua_pop(L, 1);
  }
  st = sn_write_qdpx_kb(path, project, codes, (size_t)nc, srcs, (size_t)ns,
                        sels, (size_t)nl, kb, err, sizeof err);
  if (st == SINORUS_OK) { lua_pushboolean(L, 1); return 1; }
  if (st == SINORUS_RANGE)
    return luaL_error(L, "bad argument #2 to 'write_qdpx' (%s)", err);
  luaL_pushfail(L);
  lua_pushstring(L, err);
  return 2;
}


static const luaL_Reg graph_meta[] = {
  { "__gc", graph_close },
  { "__close", graph_close },
  { "__tostring", g_tostring },
  { NULL, NULL }
};

static const luaL_Reg graph_methods[] = {
  { "close", graph_close },
  { "nodes", g_nodes },
  { "edges", g_edges },
  { "order", g_order },
  { "size", g_size },
  { "directed", g_directed },
  { "degree", g_degree },
  { "pagerank", g_pagerank },
  { "balance", g_balance },
  { "path", g_path },
  { "components", g_components },
  { "ego", g_ego },
  { "write", g_write },
  { NULL, NULL }
};

static const luaL_Reg funcs[] = {
  { "graph", l_graph },
  { "escape", l_escape },
  { "write_file", l_write_file },
  { "read_file", l_read_file },
  { "exists", l_exists },
  { "sign_colour", l_sign_colour },
  { "guid", l_guid },
  { "write_qdpx", l_write_qdpx },
  { NULL, NULL }
};

void sn_lua_graph (lua_State *L) {
  sn_createmeta(L, GRAPH, graph_meta, graph_methods);
  luaL_setfuncs(L, funcs, 0);
}
