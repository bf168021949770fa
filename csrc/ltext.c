/*
** ltext.c: the Lua binding of the text layer: fold, query, segment and
** the sinorus.Matcher type.
**
** Offsets given to Lua are 1-based and inclusive (string.sub's); the
** core's are 0-based and half-open. Result buffers are Lua userdata, so
** an error (out of memory while building a table) leaks nothing.
*/
#include <limits.h>
#include <string.h>

#include "lsn.h"
#include "sn_internal.h"

#define MATCHER "sinorus.Matcher"

/* How many matches m:scan collects before it needs a larger buffer. */
#define SCAN_STACK 64


typedef struct LMatcher {
  sinorus_matcher *m;   /* NULL once closed */
  int compiled;
  lua_Integer npats;
} LMatcher;


/* fold(s): s folded as search and matching see it. */
static int l_fold (lua_State *L) {
  size_t len, need;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, len);
  need = sinorus_fold(s, len, p, len);
  if (need > len) {                         /* never, but do not trust it */
    p = luaL_prepbuffsize(&b, need);
    sinorus_fold(s, len, p, need);
  }
  luaL_pushresultsize(&b, need);
  return 1;
}


/* script(s): the ISO 15924 code of the script of s (sn_script). */
static int l_script (lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_pushstring(L, sn_script(s, len));
  return 1;
}


/* utf8_error(s): the 1-based position of the first byte of s that is
** not valid UTF-8 (as utf8.len reports it), or nil when s is valid. */
static int l_utf8_error (lua_State *L) {
  size_t len, at;
  const char *s = luaL_checklstring(L, 1, &len);
  at = sinorus_utf8_check(s, len);
  if (at == len) lua_pushnil(L);
  else lua_pushinteger(L, (lua_Integer)at + 1);
  return 1;
}


/* query(s): a valid FTS5 expression for any string, "" when it has no word. */
static int l_query (lua_State *L) {
  size_t len, need;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *p;
  need = sinorus_query(s, len, NULL, 0);
  p = luaL_buffinitsize(L, &b, need + 1);
  sinorus_query(s, len, p, need + 1);
  luaL_pushresultsize(&b, need);
  return 1;
}


/* Sets t[key] = v (1-based) in the table on the top, unless v < 0. */
static void set_index (lua_State *L, const char *key, long v) {
  if (v < 0) return;
  lua_pushinteger(L, (lua_Integer)v + 1);
  lua_setfield(L, -2, key);
}


/*
** segment(text [, "plain" | "markdown"]): the list of segments, each
** {kind, start, stop, parent, section} with 1-based inclusive offsets
** and parent / section as indexes into the list (nil when none).
*/
static int l_segment (lua_State *L) {
  static const char *const formats[] = { "plain", "markdown", NULL };
  static const char *const kinds[] = {
    "?", "heading", "paragraph", "sentence", "reference"
  };
  size_t len, n, i;
  const char *text = luaL_checklstring(L, 1, &len);
  int format = luaL_checkoption(L, 2, "plain", formats);
  sinorus_seg *segs;
  n = sinorus_segment(text, len, format ? SINORUS_TEXT_MARKDOWN
                                        : SINORUS_TEXT_PLAIN, NULL, 0);
  segs = (sinorus_seg *)lua_newuserdatauv(L, n * sizeof(sinorus_seg), 0);
  n = sinorus_segment(text, len, format ? SINORUS_TEXT_MARKDOWN
                                        : SINORUS_TEXT_PLAIN, segs, n);
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    const sinorus_seg *s = &segs[i];
    lua_createtable(L, 0, 5);
    lua_pushstring(L, kinds[s->kind >= 1 && s->kind <= 4 ? s->kind : 0]);
    lua_setfield(L, -2, "kind");
    lua_pushinteger(L, (lua_Integer)s->start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)s->stop);
    lua_setfield(L, -2, "stop");
    set_index(L, "parent", s->parent);
    set_index(L, "section", s->section);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}


/* The open matcher at argument 1 (raises if it is closed). */
static LMatcher *check_matcher (lua_State *L) {
  LMatcher *lm = (LMatcher *)luaL_checkudata(L, 1, MATCHER);
  if (lm->m == NULL) luaL_error(L, "attempt to use a closed matcher");
  return lm;
}


/* matcher(): a new, empty sinorus.Matcher. */
static int l_matcher (lua_State *L) {
  LMatcher *lm = (LMatcher *)lua_newuserdatauv(L, sizeof(LMatcher), 0);
  lm->m = NULL;                             /* closed until it holds one */
  lm->compiled = 0;
  lm->npats = 0;
  luaL_setmetatable(L, MATCHER);
  lm->m = sinorus_matcher_new();
  if (lm->m == NULL) return luaL_error(L, "not enough memory");
  return 1;
}


/* m:add(pattern, id): adds a pattern; returns m. */
static int m_add (lua_State *L) {
  LMatcher *lm = check_matcher(L);
  size_t len;
  const char *pat = luaL_checklstring(L, 2, &len);
  lua_Integer id = luaL_checkinteger(L, 3);
  int rc;
#if LUA_MAXINTEGER > LONG_MAX
  luaL_argcheck(L, id >= LONG_MIN && id <= LONG_MAX, 3, "id out of range");
#endif
  if (lm->compiled)
    return luaL_error(L, "attempt to add a pattern to a compiled matcher");
  rc = sinorus_matcher_add(lm->m, pat, len, (long)id);
  if (rc == SINORUS_RANGE)
    return luaL_argerror(L, 2, "pattern is empty or too long once folded");
  if (rc != SINORUS_OK) return luaL_error(L, "%s", sinorus_strstatus(rc));
  lm->npats++;
  lua_settop(L, 1);
  return 1;
}


/* m:compile(): prepares m for scanning (no more patterns); returns m. */
static int m_compile (lua_State *L) {
  LMatcher *lm = check_matcher(L);
  int rc = sinorus_matcher_compile(lm->m);
  if (rc != SINORUS_OK) return luaL_error(L, "%s", sinorus_strstatus(rc));
  lm->compiled = 1;
  lua_settop(L, 1);
  return 1;
}


/* The compiled matcher at argument 1 and the text at argument 2. */
static LMatcher *check_scan (lua_State *L, const char **text, size_t *len) {
  LMatcher *lm = check_matcher(L);
  *text = luaL_checklstring(L, 2, len);
  if (!lm->compiled)
    luaL_error(L, "attempt to scan with a matcher that is not compiled");
  return lm;
}


/* m:scan(text): the list of matches {id, start, stop}, in order of start. */
static int m_scan (lua_State *L) {
  sinorus_match buf[SCAN_STACK], *ms = buf;
  const char *text;
  size_t len, n, i;
  LMatcher *lm = check_scan(L, &text, &len);
  n = sinorus_matcher_scan(lm->m, text, len, buf, SCAN_STACK);
  if (n > SCAN_STACK) {
    ms = (sinorus_match *)lua_newuserdatauv(L, n * sizeof(sinorus_match), 0);
    n = sinorus_matcher_scan(lm->m, text, len, ms, n);
  }
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_createtable(L, 0, 3);
    lua_pushinteger(L, (lua_Integer)ms[i].id);
    lua_setfield(L, -2, "id");
    lua_pushinteger(L, (lua_Integer)ms[i].start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)ms[i].stop);
    lua_setfield(L, -2, "stop");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}


/* m:count(text): the number of matches, without building them. */
static int m_count (lua_State *L) {
  const char *text;
  size_t len;
  LMatcher *lm = check_scan(L, &text, &len);
  lua_pushinteger(L, (lua_Integer)sinorus_matcher_scan(lm->m, text, len,
                                                       NULL, 0));
  return 1;
}


/* __gc and __close: frees the matcher; silent and idempotent. */
static int m_gc (lua_State *L) {
  LMatcher *lm = (LMatcher *)luaL_checkudata(L, 1, MATCHER);
  if (lm->m != NULL) {
    sinorus_matcher_free(lm->m);
    lm->m = NULL;
  }
  return 0;
}


/* __tostring: "sinorus.Matcher (N patterns, compiled)" or "(closed)". */
static int m_tostring (lua_State *L) {
  LMatcher *lm = (LMatcher *)luaL_checkudata(L, 1, MATCHER);
  if (lm->m == NULL) lua_pushliteral(L, "sinorus.Matcher (closed)");
  else lua_pushfstring(L, "sinorus.Matcher (%I pattern%s, %s)", lm->npats,
                       lm->npats == 1 ? "" : "s",
                       lm->compiled ? "compiled" : "not compiled");
  return 1;
}


/*
** snippet(h, words, chars, open, close): a snippet of a text in which
** FTS5's highlight() marked the matched tokens with the bytes 0xFF (start)
** and 0xFE (end), which valid UTF-8 never holds. Matches separated only
** by white space become one span (a phrase is marked once). The window
** holds at most `words` words and, unless the first span alone is longer,
** at most `chars` characters (with "…" where it cuts the text); it is
** centred on the first span: words are taken alternately after and
** before it while they fit. The spans are marked with open and close.
** Returns the snippet and the text without the marks.
*/
#define SNIP_OPEN  '\xff'
#define SNIP_CLOSE '\xfe'

/* The bytes of working space a snippet of up to about 250 bytes (most
** sentences) takes on the C stack rather than in a userdata. */
#define SNIP_STACK 8192

static int is_space (unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The number of UTF-8 characters in s[from, to). */
static size_t nchars (const char *s, size_t from, size_t to) {
  size_t c = 0;
  for (; from < to; from++) c += ((unsigned char)s[from] & 0xC0) != 0x80;
  return c;
}

/* Prefix counts over the plain text of a snippet: for each i in 0..n,
** the characters, span starts and span ends among the bytes before i. */
typedef struct SnipCounts {
  size_t *chars, *opens, *closes;
} SnipCounts;

static void snip_count (const char *text, const char *in, size_t n,
                        SnipCounts *k) {
  size_t i;
  k->chars[0] = k->opens[0] = k->closes[0] = 0;
  for (i = 0; i < n; i++) {
    k->chars[i + 1] = k->chars[i] + (((unsigned char)text[i] & 0xC0) != 0x80);
    k->opens[i + 1] = k->opens[i] + (in[i] && (i == 0 || !in[i - 1]));
    k->closes[i + 1] = k->closes[i] + (in[i] && (i + 1 == n || !in[i + 1]));
  }
}

/* The characters the snippet of words a..b prints: its text, the marks
** of the spans in it (a span the window cuts is marked at the cut) and
** the "…" at a cut end. */
static size_t snippet_len (const SnipCounts *k, const char *in, size_t n,
                           const size_t *ws, const size_t *we, size_t nw,
                           size_t a, size_t b, size_t ochars, size_t cchars) {
  size_t from = ws[a], to = we[b];
  size_t opens = k->opens[to] - k->opens[from]
                 + (from > 0 && in[from] && in[from - 1]);
  size_t closes = k->closes[to] - k->closes[from]
                  + (to < n && in[to - 1] && in[to]);
  return k->chars[to] - k->chars[from] + (a > 0) + (b + 1 < nw)
         + opens * ochars + closes * cchars;
}

static int l_snippet (lua_State *L) {
  size_t hlen, olen, clen, n = 0, i, nw = 0, wf = 0, wl = 0, a, b, first, last;
  const char *h = luaL_checklstring(L, 1, &hlen);
  lua_Integer words = luaL_checkinteger(L, 2);
  lua_Integer chars = luaL_checkinteger(L, 3);
  const char *open = luaL_checklstring(L, 4, &olen);
  const char *close = luaL_checklstring(L, 5, &clen);
  char *text, *in;
  size_t *ws, *we, ochars, cchars, need;
  size_t small[SNIP_STACK / sizeof(size_t)];
  SnipCounts k;
  int inside = 0, side = 0;
  luaL_Buffer out;
  luaL_argcheck(L, words >= 1, 2, "words must be >= 1");
  luaL_argcheck(L, chars >= 1, 3, "chars must be >= 1");
  /* the plain text, whether each byte is inside a span, and the words,
  ** in one block: the word bounds and the prefix counts, then the bytes */
  need = (2 * (hlen / 2 + 1) + 3 * (hlen + 1)) * sizeof(size_t) + 2 * (hlen + 1);
  ws = need <= sizeof small ? small : (size_t *)lua_newuserdatauv(L, need, 0);
  we = ws + hlen / 2 + 1;
  k.chars = we + hlen / 2 + 1;
  k.opens = k.chars + hlen + 1;
  k.closes = k.opens + hlen + 1;
  text = (char *)(k.closes + hlen + 1);
  in = text + hlen + 1;
  for (i = 0; i < hlen; i++) {
    if (h[i] == SNIP_OPEN) inside = 1;
    else if (h[i] == SNIP_CLOSE) inside = 0;
    else { text[n] = h[i]; in[n] = (char)inside; n++; }
  }
  /* white space between two spans joins them */
  for (i = 1; i < n; i++) {
    if (!in[i] && in[i - 1] && is_space((unsigned char)text[i])) {
      size_t j = i;
      while (j < n && !in[j] && is_space((unsigned char)text[j])) j++;
      if (j < n && in[j]) while (i < j) in[i++] = 1;
    }
  }
  for (i = 0; i < n; ) {
    while (i < n && is_space((unsigned char)text[i])) i++;
    if (i == n) break;
    ws[nw] = i;
    while (i < n && !is_space((unsigned char)text[i])) i++;
    we[nw++] = i;
  }
  if (nw == 0) {
    lua_pushliteral(L, "");
    lua_pushlstring(L, text, n);
    return 2;
  }
  snip_count(text, in, n, &k);
  ochars = nchars(open, 0, olen);
  cchars = nchars(close, 0, clen);
  /* the words of the first span (the first word when nothing is marked) */
  for (first = 0; first < n && !in[first]; first++) {}
  if (first < n) {
    for (last = first; last < n && in[last]; last++) {}
    while (wf + 1 < nw && we[wf] <= first) wf++;
    for (wl = wf; wl + 1 < nw && ws[wl + 1] < last; wl++) {}
  }
  /* grow the window around it, after and before in turn, while it fits */
  a = wf; b = wl;
  while ((lua_Integer)(b - a + 1) < words) {
    int grown = 0, t;
    for (t = 0; t < 2 && !grown; t++) {
      size_t na = a, nb = b;
      if ((side + t) % 2 == 0) {
        if (b + 1 >= nw) continue;
        nb = b + 1;
      }
      else {
        if (a == 0) continue;
        na = a - 1;
      }
      if ((lua_Integer)snippet_len(&k, in, n, ws, we, nw, na, nb, ochars, cchars)
          <= chars) {
        a = na; b = nb; grown = 1;
      }
    }
    if (!grown) break;
    side = !side;
  }
  /* the window, a run of bytes inside or outside the spans at a time */
  luaL_buffinit(L, &out);
  if (a > 0) luaL_addstring(&out, "\xe2\x80\xa6");
  for (i = ws[a]; i < we[b]; ) {
    size_t j = i + 1;
    while (j < we[b] && in[j] == in[i]) j++;
    if (in[i]) luaL_addlstring(&out, open, olen);
    luaL_addlstring(&out, text + i, j - i);
    if (in[i]) luaL_addlstring(&out, close, clen);
    i = j;
  }
  if (b + 1 < nw) luaL_addstring(&out, "\xe2\x80\xa6");
  luaL_pushresult(&out);
  lua_pushlstring(L, text, n);
  return 2;
}

/* Adds fold, query, segment, snippet and matcher to the module table on the top. */
void sn_lua_text (lua_State *L) {
  static const luaL_Reg meta[] = {
    {"__gc", m_gc},
    {"__close", m_gc},
    {"__tostring", m_tostring},
    {NULL, NULL}
  };
  static const luaL_Reg methods[] = {
    {"add", m_add},
    {"compile", m_compile},
    {"scan", m_scan},
    {"count", m_count},
    {"close", m_gc},
    {NULL, NULL}
  };
  static const luaL_Reg funcs[] = {
    {"fold", l_fold},
    {"query", l_query},
    {"segment", l_segment},
    {"matcher", l_matcher},
    {"utf8_error", l_utf8_error},
    {"script", l_script},
    {"snippet", l_snippet},
    {NULL, NULL}
  };
  sn_createmeta(L, MATCHER, meta, methods);
  luaL_setfuncs(L, funcs, 0);
}
