/*
** lsuggest.c: the suggester's per-sentence rules (sn_suggest.c) for
** lua/sinorus/suggest.lua.
**
**   core.suggester(tables)  a sinorus.Suggester holding the rule tables
**   sg:spans(text)          quoted_spans(text), as suggest.lua returns it
**   sg:names(text)          names_in(text), as suggest.lua returns it
**   sg:run(kb, text, sentences, mentions, source, self, want)
**                           a sinorus.SuggestRun over a source's sentences
**   run:next()              the next sentences that yield something, or nil
**
** The Lua side owns the tables and the SQL; the run reads the KB's rows
** itself and hands back only the sentences the rules may make a candidate
** of, with what the Lua side needs to make it.
*/
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "lsn.h"
#include "sn_suggest.h"

#define SUGGESTER "sinorus.Suggester"
#define SUGGEST_RUN "sinorus.SuggestRun"

/* At most this many sentences read, or records made, per run:next(). */
#define RUN_SENTENCES 4096
#define RUN_RECORDS 512

typedef struct LSugg { sn_sugg *g; } LSugg;   /* g NULL once closed */

typedef struct LRun {
  sqlite3_stmt *sent, *ment;   /* NULL once closed */
  const char *text; size_t textlen;   /* the source's text (uservalue 3) */
  int mstate;                  /* the mention cursor: 0 before, 1 on a row, 2 done */
  int done;
  unsigned want;
  sn_sugg_out o;
  sn_sugg_mention *ms; size_t nms, capms;
  char *mbuf; size_t nmbuf, capmbuf;
  char *self; size_t selflen; int has_self;
} LRun;

/* The role names of suggester{roles = {...}} and their bits. */
static const char *const role_names[] = { "judgment2", "judgment1", "reported", "factual",
  "short", "long", "document_nouns", "date_words", "event_verbs", NULL };
static const unsigned role_bits[] = { SN_SR_J2, SN_SR_J1, SN_SR_REPORTED, SN_SR_FACTUAL,
  SN_SR_SHORT, SN_SR_LONG, SN_SR_DOCNOUN, SN_SR_DATEWORD, SN_SR_EVVERB };
/* The set names of suggester{sets = {...}}, in SN_SS_ order. */
static const char *const set_names[] = { "not_names", "name_glue", "kind_words",
  "adjective_suffixes", "adjective_words", "actor_kinds", NULL };


static LSugg *check_sugg (lua_State *L, int i) {
  LSugg *s = (LSugg *)luaL_checkudata(L, i, SUGGESTER);
  if (s->g == NULL) luaL_error(L, "attempt to use a closed " SUGGESTER);
  return s;
}

static void check_status (lua_State *L, int rc, const char *what) {
  if (rc == SINORUS_NOMEM) luaL_error(L, "not enough memory");
  if (rc != SINORUS_OK) luaL_error(L, "bad %s in the suggester's tables (%s)", what,
                                   sinorus_strstatus(rc));
}

/* The list field k of the table at 1 (pushed), or raises. */
static void list_field (lua_State *L, int t, const char *k) {
  if (lua_getfield(L, t, k) != LUA_TTABLE)
    luaL_error(L, "bad argument #1 to 'suggester' ('%s' must be a list)", k);
}

/*
** suggester{phrases = {p, ...}, roles = {judgment2 = {id, ...}, ...},
** sets = {not_names = {w, ...}, ...}, quotes = {{open, close}, ...},
** cjk_speech = {v, ...}}: a compiled sinorus.Suggester.
*/
static int l_suggester (lua_State *L) {
  LSugg *s;
  lua_Integer n, i, r;
  unsigned *roles;
  luaL_checktype(L, 1, LUA_TTABLE);
  s = (LSugg *)lua_newuserdatauv(L, sizeof(LSugg), 0);   /* 2 */
  s->g = NULL;
  luaL_setmetatable(L, SUGGESTER);
  s->g = sn_sugg_new();
  if (s->g == NULL) return luaL_error(L, "not enough memory");
  list_field(L, 1, "phrases");                            /* 3 */
  n = luaL_len(L, 3);
  roles = (unsigned *)lua_newuserdatauv(L, (size_t)(n + 1) * sizeof(unsigned), 0);  /* 4 */
  memset(roles, 0, (size_t)(n + 1) * sizeof(unsigned));
  list_field(L, 1, "roles");                              /* 5 */
  for (r = 0; role_names[r] != NULL; r++) {
    lua_Integer k, m;
    list_field(L, 5, role_names[r]);
    m = luaL_len(L, -1);
    for (k = 1; k <= m; k++) {
      lua_Integer id;
      int ok;
      lua_geti(L, -1, k);
      id = lua_tointegerx(L, -1, &ok);
      if (!ok || id < 1 || id > n)
        return luaL_error(L, "bad argument #1 to 'suggester' (role '%s' holds no phrase id)",
                          role_names[r]);
      roles[id] |= role_bits[r];
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  for (i = 1; i <= n; i++) {
    size_t len;
    const char *p;
    lua_geti(L, 3, i);
    p = luaL_checklstring(L, -1, &len);
    check_status(L, sn_sugg_phrase(s->g, p, len, roles[i]), "phrase");
    lua_pop(L, 1);
  }
  list_field(L, 1, "sets");                               /* 6 */
  for (r = 0; set_names[r] != NULL; r++) {
    lua_Integer k, m;
    list_field(L, 6, set_names[r]);
    m = luaL_len(L, -1);
    for (k = 1; k <= m; k++) {
      size_t len;
      const char *w;
      lua_geti(L, -1, k);
      w = luaL_checklstring(L, -1, &len);
      check_status(L, sn_sugg_word(s->g, (int)r, w, len), set_names[r]);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  list_field(L, 1, "quotes");                             /* 7 */
  for (i = 1; i <= luaL_len(L, 7); i++) {
    size_t ol, cl;
    const char *op, *cp;
    lua_geti(L, 7, i);
    lua_geti(L, -1, 1);
    lua_geti(L, -2, 2);
    op = luaL_checklstring(L, -2, &ol);
    cp = luaL_checklstring(L, -1, &cl);
    check_status(L, sn_sugg_quote(s->g, op, ol, cp, cl), "quotation mark");
    lua_pop(L, 3);
  }
  list_field(L, 1, "cjk_speech");                         /* 8 */
  for (i = 1; i <= luaL_len(L, 8); i++) {
    size_t len;
    const char *v;
    lua_geti(L, 8, i);
    v = luaL_checklstring(L, -1, &len);
    check_status(L, sn_sugg_cjk_speech(s->g, v, len), "speech verb");
    lua_pop(L, 1);
  }
  check_status(L, sn_sugg_compile(s->g), "table");
  lua_settop(L, 2);
  return 1;
}

/* __gc and __close of a sinorus.Suggester: silent and idempotent. */
static int sugg_gc (lua_State *L) {
  LSugg *s = (LSugg *)luaL_checkudata(L, 1, SUGGESTER);
  sn_sugg_free(s->g);
  s->g = NULL;
  return 0;
}

/* A scratch sn_sugg_out owned by the Lua stack (freed by the collector). */
static int out_gc (lua_State *L) {
  sn_sugg_out_free((sn_sugg_out *)lua_touserdata(L, 1));
  return 0;
}
static sn_sugg_out *scratch_out (lua_State *L) {
  sn_sugg_out *o = (sn_sugg_out *)lua_newuserdatauv(L, sizeof(sn_sugg_out), 0);
  memset(o, 0, sizeof *o);
  if (luaL_newmetatable(L, "sinorus.SuggestScratch")) {
    lua_pushcfunction(L, out_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_setmetatable(L, -2);
  return o;
}

static void set_int (lua_State *L, const char *k, lua_Integer v) {
  lua_pushinteger(L, v);
  lua_setfield(L, -2, k);
}

/* Pushes o's spans as quoted_spans() gives them (1-based, inclusive). */
static void push_spans (lua_State *L, const sn_sugg_out *o, const char *t) {
  size_t k;
  lua_createtable(L, (int)o->nsp, 0);
  for (k = 0; k < o->nsp; k++) {
    const sn_sugg_span *q = &o->sp[k];
    lua_createtable(L, 0, 5);
    set_int(L, "start", (lua_Integer)q->start + 1);
    set_int(L, "stop", (lua_Integer)q->stop);
    set_int(L, "open", (lua_Integer)q->open + 1);
    set_int(L, "close", (lua_Integer)q->close);
    lua_pushlstring(L, t + q->start, q->stop - q->start);
    lua_setfield(L, -2, "text");
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
}

/* Pushes the first n names of o as names_in() gives them. */
static void push_names (lua_State *L, const sn_sugg_out *o, size_t n, const char *t) {
  static const char *const scripts[] = { "latin", "cyrillic", "han" };
  size_t k;
  lua_createtable(L, (int)n, 0);
  for (k = 0; k < n; k++) {
    const sn_sugg_name *m = &o->nn[k];
    lua_createtable(L, 0, 4);
    lua_pushlstring(L, t + m->start, m->stop - m->start);
    lua_setfield(L, -2, "name");
    set_int(L, "start", (lua_Integer)m->start + 1);
    set_int(L, "stop", (lua_Integer)m->stop);
    lua_pushstring(L, scripts[m->script]);
    lua_setfield(L, -2, "script");
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
}

/* Sets claim_features() of suggest.lua on the table on the top, for the
** sentence t that o describes (o->claim set). */
static void set_claim_features (lua_State *L, const sn_sugg *g, const sn_sugg_out *o,
                                const char *t) {
  luaL_Buffer why;
  size_t k;
  set_int(L, "claim", o->score);
  lua_pushboolean(L, o->cue);
  lua_setfield(L, -2, "cue");
  lua_pushboolean(L, (o->roles & SN_SR_SHORT) != 0);
  lua_setfield(L, -2, "short");
  lua_pushboolean(L, (o->roles & SN_SR_LONG) != 0);
  lua_setfield(L, -2, "long");
  luaL_buffinit(L, &why);
  for (k = 0; k < o->nwhy; k++) {
    size_t pl;
    const char *p = sn_sugg_phrase_text(g, o->why[k], &pl);
    if (k > 0) luaL_addchar(&why, '\0');
    luaL_addlstring(&why, p, pl);
  }
  luaL_pushresult(&why);
  lua_setfield(L, -2, "why");
  if (o->best >= 0) {
    const sinorus_hedge *h = &o->h[o->best];
    lua_pushlstring(L, t + h->start, h->stop - h->start);
    lua_setfield(L, -2, "hedge");
    lua_pushstring(L, sinorus_scale_name(h->band.scale));
    lua_setfield(L, -2, "scale");
    lua_pushnumber(L, h->band.p_low);
    lua_setfield(L, -2, "p_low");
    lua_pushnumber(L, h->band.p_high);
    lua_setfield(L, -2, "p_high");
  }
}

/* Pushes the lexicon's phrases that o found (none of the hedge words the
** pass added): phrase -> the list of its starts (1-based), as suggest.lua's
** scan() makes it. */
static void push_hits (lua_State *L, const sn_sugg *g, const sn_sugg_out *o) {
  size_t k;
  lua_createtable(L, 0, (int)o->nm);
  for (k = 0; k < o->nm; k++) {
    size_t pl;
    const char *p;
    if (sn_sugg_roles(g, o->m[k].id) == SN_SR_HEDGE) continue;   /* none of suggest.lua's */
    p = sn_sugg_phrase_text(g, o->m[k].id, &pl);
    lua_pushlstring(L, p, pl);
    if (lua_rawget(L, -2) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_createtable(L, 2, 0);
      lua_pushlstring(L, p, pl);
      lua_pushvalue(L, -2);
      lua_rawset(L, -4);
    }
    lua_pushinteger(L, (lua_Integer)o->m[k].start + 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
  }
}

/* sg:hits(text): the lexicon's phrases in text, as scan() gives them. */
static int sugg_hits (lua_State *L) {
  LSugg *s = check_sugg(L, 1);
  size_t len;
  const char *t = luaL_checklstring(L, 2, &len);
  sn_sugg_out *o = scratch_out(L);
  if (sn_sugg_sentence(s->g, o, t, len, NULL, 0, "", NULL, 0, 0) != SINORUS_OK)
    return luaL_error(L, "not enough memory");
  push_hits(L, s->g, o);
  return 1;
}

/* sg:spans(text): the quoted spans of text. */
static int sugg_spans (lua_State *L) {
  LSugg *s = check_sugg(L, 1);
  size_t len;
  const char *t = luaL_checklstring(L, 2, &len);
  sn_sugg_out *o = scratch_out(L);
  if (sn_sugg_spans(s->g, o, t, len) != SINORUS_OK) return luaL_error(L, "not enough memory");
  push_spans(L, o, t);
  return 1;
}

/* sg:names(text): the names of text. */
static int sugg_names (lua_State *L) {
  LSugg *s = check_sugg(L, 1);
  size_t len;
  const char *t = luaL_checklstring(L, 2, &len);
  sn_sugg_out *o = scratch_out(L);
  if (sn_sugg_names(s->g, o, t, len) != SINORUS_OK) return luaL_error(L, "not enough memory");
  push_names(L, o, o->nnn, t);
  return 1;
}

/* sg:features(record): sets on record (a table) the claim features of
** its text, as the run does for a claim it does not make lazy; returns
** record, or nil when its text makes no claim. */
static int sugg_features (lua_State *L) {
  LSugg *s = check_sugg(L, 1);
  size_t len;
  const char *t;
  sn_sugg_out *o;
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_getfield(L, 2, "text");
  t = luaL_checklstring(L, -1, &len);
  o = scratch_out(L);
  if (sn_sugg_sentence(s->g, o, t, len, NULL, 0, "", NULL, 0, SN_SW_CLAIM) != SINORUS_OK)
    return luaL_error(L, "not enough memory");
  if (!o->claim) { lua_pushnil(L); return 1; }
  lua_pushvalue(L, 2);
  set_claim_features(L, s->g, o, t);
  return 1;
}

/* sg:run(kb, text, sentences, mentions, source, self, want): a run over
** the sentences of source, whose text is text; sentences and mentions are
** suggest.lua's queries (columns id, start, stop: 1-based, inclusive
** offsets in text; seg, entity, start, stop, kind, its one parameter the
** first sentence's id), self the source's own document entity or nil,
** want the SN_SW_ bits. */
static int sugg_run (lua_State *L) {
  sinorus_kb *kb;
  LRun *r;
  sqlite3 *db;
  size_t sl, ml;
  const char *ssql, *msql;
  lua_Integer source, want;
  size_t tl;
  const char *text;
  check_sugg(L, 1);
  kb = sn_checkkb(L, 2);
  text = luaL_checklstring(L, 3, &tl);
  ssql = luaL_checklstring(L, 4, &sl);
  msql = luaL_checklstring(L, 5, &ml);
  source = luaL_checkinteger(L, 6);
  want = luaL_checkinteger(L, 8);
  r = (LRun *)lua_newuserdatauv(L, sizeof(LRun), 3);
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, SUGGEST_RUN);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, -2, 2);
  lua_pushvalue(L, 3);
  lua_setiuservalue(L, -2, 3);
  r->text = text;
  r->textlen = tl;
  r->want = (unsigned)want;
  if (!lua_isnil(L, 7)) {
    size_t n;
    const char *self = luaL_checklstring(L, 7, &n);
    r->self = (char *)malloc(n + 1);
    if (r->self == NULL) return luaL_error(L, "not enough memory");
    memcpy(r->self, self, n + 1);
    r->selflen = n;
    r->has_self = 1;
  }
  db = sinorus_db(kb);
  if (sqlite3_prepare_v2(db, ssql, (int)sl, &r->sent, NULL) != SQLITE_OK
      || sqlite3_prepare_v2(db, msql, (int)ml, &r->ment, NULL) != SQLITE_OK)
    return luaL_error(L, "%s", sqlite3_errmsg(db));
  sqlite3_bind_int64(r->sent, 1, source);
  return 1;
}

static LRun *check_run (lua_State *L) {
  LRun *r = (LRun *)luaL_checkudata(L, 1, SUGGEST_RUN);
  if (r->sent == NULL) luaL_error(L, "attempt to use a closed " SUGGEST_RUN);
  return r;
}

/* Steps stmt; raises with the KB's message on an error. */
static int step (lua_State *L, sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) return 1;
  if (rc == SQLITE_DONE) return 0;
  return luaL_error(L, "%s", sqlite3_errmsg(sqlite3_db_handle(st)));
}

/* Appends the mention on the mention cursor's row to r, its offsets made
** the sentence's (which starts at start in the source). */
static void take_mention (lua_State *L, LRun *r, sqlite3_int64 start) {
  size_t el = (size_t)sqlite3_column_bytes(r->ment, 1);
  const char *e = (const char *)sqlite3_column_text(r->ment, 1);
  size_t kl, need;
  const char *k;
  sn_sugg_mention *m;
  k = (const char *)sqlite3_column_text(r->ment, 4);
  kl = (size_t)sqlite3_column_bytes(r->ment, 4);
  need = r->nmbuf + el + kl;
  if (need > r->capmbuf) {
    size_t cap = r->capmbuf ? r->capmbuf * 2 : 256;
    char *b;
    while (cap < need) cap *= 2;
    b = (char *)realloc(r->mbuf, cap);
    if (b == NULL) luaL_error(L, "not enough memory");
    r->mbuf = b;
    r->capmbuf = cap;
  }
  if (r->nms == r->capms) {
    size_t cap = r->capms ? r->capms * 2 : 16;
    sn_sugg_mention *ms = (sn_sugg_mention *)realloc(r->ms, cap * sizeof *ms);
    if (ms == NULL) luaL_error(L, "not enough memory");
    r->ms = ms;
    r->capms = cap;
  }
  m = &r->ms[r->nms++];
  m->ent = r->nmbuf;
  m->entlen = el;
  if (el) memcpy(r->mbuf + r->nmbuf, e, el);
  r->nmbuf += el;
  m->kind = r->nmbuf;
  m->kindlen = kl;
  if (kl) memcpy(r->mbuf + r->nmbuf, k, kl);
  r->nmbuf += kl;
  m->start = (long)(sqlite3_column_int64(r->ment, 2) - start + 1);
  m->stop = (long)(sqlite3_column_int64(r->ment, 3) - start + 1);
}

/* Pushes the record of the sentence t (id, start) that o describes. */
static void push_record (lua_State *L, const sn_sugg *g, LRun *r, sqlite3_int64 id, const char *t, size_t len,
                         sqlite3_int64 start) {
  const sn_sugg_out *o = &r->o;
  size_t k, j;
  int eager = o->claim && o->score < 4 && o->cue;
  /* the text only for the candidates made now; the others cut it from the
  ** source's when they are made (start, stop) */
  int text = eager || o->event || o->nnew > 0;
  /* its fields, counted: a record holds only what its candidates need */
  int nf = 3 + !text + (o->nsp > 0 ? 2 + o->has_doc + (o->doc_noun_at != 0) : 0)
           + (o->claim ? 2 : 0) + (eager ? 4 + (o->best >= 0 ? 4 : 0) : 0)
           + (o->event ? 2 : 0) + (o->nsp > 0 || o->event) + (o->nnew > 0);
  lua_createtable(L, 0, nf);
  set_int(L, "id", id);
  set_int(L, "start", start);
  if (text) {
    lua_pushlstring(L, t, len);
    lua_setfield(L, -2, "text");
  } else {
    set_int(L, "stop", start + (sqlite3_int64)len - 1);
  }
  if (o->nsp > 0) {     /* the document in play, for a quote */
    if (o->has_doc) {
      lua_pushlstring(L, o->doc, o->doclen);
      lua_setfield(L, -2, "doc");
    }
    if (o->doc_noun_at) set_int(L, "doc_noun_at", (lua_Integer)o->doc_noun_at);
    lua_pushboolean(L, o->doc_cont);
    lua_setfield(L, -2, "doc_cont");
  }
  if (o->claim) {
    /* a claim the plain-fact patterns cannot drop is made when read: its
    ** features are found again then (suggester:features) */
    luaL_Buffer about;
    set_int(L, "claim", o->score);
    if (eager) set_claim_features(L, g, o, t);
    /* the entities mentioned, each once, in order, joined by "\0" */
    luaL_buffinit(L, &about);
    for (k = 0, j = 0; k < r->nms; k++) {
      const sn_sugg_mention *m = &r->ms[k];
      size_t q;
      for (q = 0; q < k; q++)
        if (r->ms[q].entlen == m->entlen
            && memcmp(r->mbuf + r->ms[q].ent, r->mbuf + m->ent, m->entlen) == 0) break;
      if (q < k) continue;
      if (j++ > 0) luaL_addchar(&about, '\0');
      luaL_addlstring(&about, r->mbuf + m->ent, m->entlen);
    }
    luaL_pushresult(&about);
    lua_setfield(L, -2, "about");
  }
  if (o->nsp > 0) {
    push_spans(L, o, t);
    lua_setfield(L, -2, "spans");
  }
  if (o->event) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "event");
  }
  if (o->nsp > 0 || o->event) {
    lua_createtable(L, (int)r->nms, 0);
    for (k = 0; k < r->nms; k++) {
      const sn_sugg_mention *m = &r->ms[k];
      lua_createtable(L, 0, 4);
      lua_pushlstring(L, r->mbuf + m->ent, m->entlen);
      lua_setfield(L, -2, "entity");
      set_int(L, "start", m->start);
      set_int(L, "stop", m->stop);
      lua_pushlstring(L, r->mbuf + m->kind, m->kindlen);
      lua_setfield(L, -2, "kind");
      lua_rawseti(L, -2, (lua_Integer)k + 1);
    }
    lua_setfield(L, -2, "mentions");
  }
  if (o->event) {     /* (a quote's are found again when it is made) */
    push_hits(L, g, o);
    lua_setfield(L, -2, "hits");
  }
  if (o->nnew > 0) {
    push_names(L, o, o->nnew, t);
    lua_setfield(L, -2, "names");
  }
}

/* run:next(): a list of the records of the next sentences that yield
** something (possibly empty), or nil when the source is read. */
static int run_next (lua_State *L) {
  LRun *r = check_run(L);
  LSugg *s;
  int made = 0, read = 0;
  lua_getiuservalue(L, 1, 2);
  sn_checkkb(L, -1);                   /* raises once the KB is closed */
  lua_getiuservalue(L, 1, 1);
  s = check_sugg(L, -1);
  lua_settop(L, 1);
  if (r->done) { lua_pushnil(L); return 1; }
  lua_newtable(L);
  while (made < RUN_RECORDS && read < RUN_SENTENCES) {
    sqlite3_int64 id, start, stop;
    const char *t;
    size_t len;
    int rc;
    if (!step(L, r->sent)) {
      r->done = 1;
      break;
    }
    read++;
    id = sqlite3_column_int64(r->sent, 0);
    start = sqlite3_column_int64(r->sent, 1);
    stop = sqlite3_column_int64(r->sent, 2);
    if (start < 1 || stop < start - 1 || (lua_Unsigned)stop > r->textlen)
      return luaL_error(L, "segment %I lies outside its source's text", (lua_Integer)id);
    t = r->text + (start - 1);
    len = (size_t)(stop - start + 1);
    r->nms = r->nmbuf = 0;
    if (r->mstate == 0) {     /* the mentions from the first sentence on */
      sqlite3_bind_int64(r->ment, 1, id);
      r->mstate = step(L, r->ment) ? 1 : 2;
    }
    while (r->mstate == 1 && sqlite3_column_int64(r->ment, 0) < id)
      r->mstate = step(L, r->ment) ? 1 : 2;
    while (r->mstate == 1 && sqlite3_column_int64(r->ment, 0) == id) {
      take_mention(L, r, start);
      r->mstate = step(L, r->ment) ? 1 : 2;
    }
    rc = sn_sugg_sentence(s->g, &r->o, t, len, r->ms, r->nms, r->mbuf,
                          r->has_self ? r->self : NULL, r->selflen, r->want);
    if (rc != SINORUS_OK) return luaL_error(L, "not enough memory");
    if (r->o.claim || r->o.nsp > 0 || r->o.event || r->o.nnew > 0) {
      push_record(L, s->g, r, id, t, len, start);
      lua_rawseti(L, 2, ++made);
    }
  }
  return 1;
}

/* __gc and __close of a sinorus.SuggestRun: silent and idempotent. */
static int run_gc (lua_State *L) {
  LRun *r = (LRun *)luaL_checkudata(L, 1, SUGGEST_RUN);
  sqlite3_finalize(r->sent);
  sqlite3_finalize(r->ment);
  r->sent = r->ment = NULL;
  sn_sugg_out_free(&r->o);
  free(r->ms);
  free(r->mbuf);
  free(r->self);
  r->ms = NULL; r->mbuf = NULL; r->self = NULL;
  r->nms = r->capms = r->nmbuf = r->capmbuf = 0;
  r->done = 1;
  return 0;
}

/* Adds suggester to the module table on the top. */
void sn_lua_suggest (lua_State *L) {
  static const luaL_Reg smeta[] = { {"__gc", sugg_gc}, {"__close", sugg_gc}, {NULL, NULL} };
  static const luaL_Reg smethods[] = { {"spans", sugg_spans}, {"names", sugg_names},
                                       {"features", sugg_features}, {"hits", sugg_hits},
                                       {"run", sugg_run}, {NULL, NULL} };
  static const luaL_Reg rmeta[] = { {"__gc", run_gc}, {"__close", run_gc}, {NULL, NULL} };
  static const luaL_Reg rmethods[] = { {"next", run_next}, {"close", run_gc}, {NULL, NULL} };
  sn_createmeta(L, SUGGESTER, smeta, smethods);
  sn_createmeta(L, SUGGEST_RUN, rmeta, rmethods);
  lua_pushcfunction(L, l_suggester);
  lua_setfield(L, -2, "suggester");
}
