/*
** ljson.c: core.json(v), the JSON encoder behind util.json (the change
** log, the record exports).
**
** The one JSON encoder: sinorus.to_json, the JSON export and the change
** log write with it, and the C graph writer writes the same bytes.
** Tables whose keys are exactly 1..n are arrays (an empty table is []);
** other tables are objects with their keys sorted bytewise, so output is
** stable (a mixed table is an object: nothing is dropped). Keys are
** strings or numbers (numbers named as tostring names them); strings are
** escaped as every JSON writer escapes them (sn_json_body: ", \,
** control characters, DEL, U+2028/9; bytes that are not UTF-8 become
** U+FFFD, so the text is always valid UTF-8); integers are written in
** full, floats in the shortest form that reads back (sn_fmt_num), NaN and
** infinities as null; core.null (a NULL light userdata) is null.
** Functions, other userdata, threads, cycles and nesting deeper than
** SN_JSON_DEPTH raise an error and produce nothing. Tables are read raw:
** no metamethod runs.
**
** The text and the sort scratch live first in room on the C stack and,
** when that is outgrown, in userdata held in fixed stack slots: all
** memory that outlives an error belongs to the garbage collector, so an
** error at any point leaks nothing, and no finalizer is needed. The keys
** of the objects being written are held in one table, not on the Lua
** stack, so an object may have any number of keys.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lsn.h"
#include "sn_internal.h"

#ifndef SN_JSON_DEPTH
#define SN_JSON_DEPTH 200
#endif

/* A key of an object being written: its name and where it came from. */
typedef struct Key {
  const char *s;       /* its name: a string key's bytes, or the name of a
                       ** number (a string kept in the anchor table) */
  size_t len;
  lua_Integer slot;    /* the key's place in the anchor table (its name's
                       ** is -slot) */
} Key;

#define KEYNAME(k) ((k)->s)

/* Text and keys that fit here need no storage of their own. */
#define JSON_TEXT0 256
#define JSON_KEYS0 16
#define JSON_PATH0 16

typedef struct JBuf {
  char *p;             /* the text written so far */
  size_t len, cap;
  Key *keys;           /* keys of the objects on the path, level by level */
  size_t nkeys, kcap;
  int anchor;          /* stack slot of a table holding those keys, by slot */
  int textslot, keyslot, pathslot;   /* stack slots of outgrown storage */
  int depth, pcap;
  const void **path;   /* tables being written, outermost first */
  const void *path0[JSON_PATH0];
  char text0[JSON_TEXT0];
  Key keys0[JSON_KEYS0];
} JBuf;


/* Storage of size bytes (a userdata put in stack slot `slot`, replacing
** the storage it held) holding a copy of the used bytes of old; raises
** when out of memory. */
static void *grow (lua_State *L, int slot, size_t size, const void *old,
                   size_t used) {
  void *p = lua_newuserdatauv(L, size, 0);
  memcpy(p, old, used);
  lua_replace(L, slot);
  return p;
}


/* Makes room for n more bytes of text; raises when out of memory. */
static void room (lua_State *L, JBuf *b, size_t n) {
  if (n > b->cap - b->len) {
    size_t cap = b->cap;
    while (n > cap - b->len) {
      if (cap > (size_t)-1 / 2) luaL_error(L, "not enough memory");
      cap *= 2;
    }
    b->p = (char *)grow(L, b->textslot, cap, b->p, b->len);
    b->cap = cap;
  }
}


static void put (lua_State *L, JBuf *b, const char *s, size_t n) {
  room(L, b, n);
  memcpy(b->p + b->len, s, n);
  b->len += n;
}


/* A writer into a JBuf that put_string has made room in: never fails. */
static int put_raw (void *ud, const char *s, size_t n) {
  JBuf *b = (JBuf *)ud;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  return 0;
}

/* Writes a string with the escaping of every JSON writer (sn_json_body:
** invalid UTF-8 becomes U+FFFD), a piece at a time: a piece of k bytes
** needs at most 6k bytes of room, made before it is written. Pieces end
** before a byte that starts a character, so none is split. */
static void put_string (lua_State *L, JBuf *b, const char *s, size_t n) {
  size_t i = 0;
  put(L, b, "\"", 1);
  while (i < n) {
    size_t k = n - i < 4096 ? n - i : 4096, back = 0;
    if (i + k < n)
      while (back < 3 && back < k - 1 &&
             ((unsigned char)s[i + k - back] & 0xC0) == 0x80)
        back++;
    k -= back;
    room(L, b, 6 * k);
    sn_json_body(s + i, k, put_raw, b);
    i += k;
  }
  put(L, b, "\"", 1);
}


/* Orders keys bytewise (a prefix first). */
static int key_cmp (const void *a, const void *b) {
  const Key *x = (const Key *)a, *y = (const Key *)b;
  int c = memcmp(KEYNAME(x), KEYNAME(y), x->len < y->len ? x->len : y->len);
  if (c != 0) return c;
  return x->len < y->len ? -1 : x->len > y->len;
}


static void encode (lua_State *L, JBuf *b, int idx);


/* Writes the name Lua gives the number at the top of the stack. */
static size_t number_name (lua_State *L, char *buf, size_t size) {
  size_t len;
  if (lua_isinteger(L, -1))
    return (size_t)snprintf(buf, size, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, -1));
  len = (size_t)snprintf(buf, size, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, -1));
  if (buf[strspn(buf, "-0123456789")] == '\0' && len + 2 < size) {
    buf[len++] = '.';                       /* as tostring: 1e15 is "1e+15", */
    buf[len++] = '0';                       /* 2^53 + 0.5 is "...2.0" */
    buf[len] = '\0';
  }
  return len;
}


/* Writes the table at idx: an array when its keys are exactly 1..n. */
static void encode_table (lua_State *L, JBuf *b, int idx) {
  const void *t = lua_topointer(L, idx);
  size_t n = 0, ints = 0, i, first;
  lua_Integer maxint = 0;
  int k;
  for (k = 0; k < b->depth; k++)
    if (b->path[k] == t) luaL_error(L, "cannot encode a cycle as JSON");
  if (b->depth == SN_JSON_DEPTH) luaL_error(L, "value nested too deeply for JSON");
  if (b->depth == b->pcap) {
    b->path = (const void **)grow(L, b->pathslot, SN_JSON_DEPTH * sizeof(void *),
                                  b->path, (size_t)b->depth * sizeof(void *));
    b->pcap = SN_JSON_DEPTH;
  }
  b->path[b->depth++] = t;
  luaL_checkstack(L, 8, "value nested too deeply for JSON");
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    n++;
    lua_pop(L, 1);
    if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
      ints++;
      if (lua_tointeger(L, -1) > maxint) maxint = lua_tointeger(L, -1);
    }
  }
  if (ints == n && (lua_Unsigned)maxint == n) {   /* n distinct keys in 1..n */
    put(L, b, "[", 1);
    for (i = 1; i <= n; i++) {
      if (i > 1) put(L, b, ",", 1);
      lua_rawgeti(L, idx, (lua_Integer)i);
      encode(L, b, lua_gettop(L));
      lua_pop(L, 1);
    }
    put(L, b, "]", 1);
    b->depth--;
    return;
  }
  /* an object: its keys go into the anchor table (so that their names
  ** stay alive and each can be pushed again) and into the scratch array,
  ** sorted; then each is written */
  if (n > (size_t)-1 / sizeof(Key) - b->nkeys) luaL_error(L, "not enough memory");
  if (b->nkeys + n > b->kcap) {
    size_t cap = b->kcap;
    while (cap < b->nkeys + n) {
      if (cap > (size_t)-1 / 2 / sizeof(Key)) luaL_error(L, "not enough memory");
      cap *= 2;
    }
    b->keys = (Key *)grow(L, b->keyslot, cap * sizeof(Key), b->keys,
                          b->nkeys * sizeof(Key));
    b->kcap = cap;
  }
  first = b->nkeys;
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    Key *key = &b->keys[b->nkeys];
    lua_pop(L, 1);
    key->slot = (lua_Integer)b->nkeys + 1;
    lua_pushvalue(L, -1);
    lua_rawseti(L, b->anchor, key->slot);
    switch (lua_type(L, -1)) {
      case LUA_TSTRING:
        key->s = lua_tolstring(L, -1, &key->len);
        break;
      case LUA_TNUMBER: {
        char num[48];
        size_t len = number_name(L, num, sizeof num);
        key->s = lua_pushlstring(L, num, len);
        key->len = len;
        lua_rawseti(L, b->anchor, -key->slot);
        break;
      }
      default:
        luaL_error(L, "cannot encode a %s key as JSON", luaL_typename(L, -1));
    }
    b->nkeys++;
  }
  qsort(b->keys + first, n, sizeof(Key), key_cmp);
  put(L, b, "{", 1);
  for (i = first; i < first + n; i++) {
    Key *key = &b->keys[i];                 /* (encode may move the array) */
    if (i > first) put(L, b, ",", 1);
    put_string(L, b, KEYNAME(key), key->len);
    put(L, b, ":", 1);
    lua_rawgeti(L, b->anchor, key->slot);
    lua_rawget(L, idx);
    encode(L, b, lua_gettop(L));
    lua_pop(L, 1);
  }
  put(L, b, "}", 1);
  b->nkeys = first;
  b->depth--;
}


static void encode (lua_State *L, JBuf *b, int idx) {
  switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
      size_t n;
      const char *s = lua_tolstring(L, idx, &n);
      put_string(L, b, s, n);
      break;
    }
    case LUA_TNUMBER: {
      char num[48];
      int n;
      if (lua_isinteger(L, idx)) {      /* digits written backwards */
        lua_Integer v = lua_tointeger(L, idx);
        lua_Unsigned u = v < 0 ? 0u - (lua_Unsigned)v : (lua_Unsigned)v;
        char *e = num + sizeof num, *d = e;
        do { *--d = (char)('0' + (int)(u % 10)); u /= 10; } while (u != 0);
        if (v < 0) *--d = '-';
        put(L, b, d, (size_t)(e - d));
        break;
      }
      else {   /* the shortest form that reads back; NaN and infinities: null */
        sn_fmt_num((double)lua_tonumber(L, idx), num);
        n = (int)strlen(num);
      }
      put(L, b, num, (size_t)n);
      break;
    }
    case LUA_TBOOLEAN:
      if (lua_toboolean(L, idx)) put(L, b, "true", 4);
      else put(L, b, "false", 5);
      break;
    case LUA_TNIL:
      put(L, b, "null", 4);
      break;
    case LUA_TTABLE:
      encode_table(L, b, idx);
      break;
    case LUA_TLIGHTUSERDATA:
      if (lua_touserdata(L, idx) == NULL) {   /* core.null */
        put(L, b, "null", 4);
        break;
      }
      /* FALLTHROUGH */
    default:
      luaL_error(L, "cannot encode a %s as JSON", luaL_typename(L, idx));
  }
}


/* core.json(v) -> the JSON text of v */
static int l_json (lua_State *L) {
  JBuf buf, *b = &buf;
  lua_settop(L, 1);
  b->p = b->text0;
  b->len = 0;
  b->cap = JSON_TEXT0;
  b->keys = b->keys0;
  b->nkeys = 0;
  b->kcap = JSON_KEYS0;
  b->depth = 0;
  b->path = b->path0;
  b->pcap = JSON_PATH0;
  lua_createtable(L, JSON_KEYS0, 0);
  b->anchor = lua_gettop(L);
  lua_pushnil(L);
  b->textslot = lua_gettop(L);
  lua_pushnil(L);
  b->keyslot = lua_gettop(L);
  lua_pushnil(L);
  b->pathslot = lua_gettop(L);
  encode(L, b, 1);
  lua_pushlstring(L, b->p, b->len);
  return 1;
}


void sn_lua_json (lua_State *L) {
  lua_pushcfunction(L, l_json);
  lua_setfield(L, -2, "json");
  lua_pushlightuserdata(L, NULL);   /* a null inside a table */
  lua_setfield(L, -2, "null");
}
