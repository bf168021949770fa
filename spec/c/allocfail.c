/*
** allocfail.c: every public operation of sinorus with allocation 1, 2,
** 3, ... failing, the way SQLite and Lua test themselves.
**
** One failure counter is shared by three allocators:
**   - the Lua state's (lua_newstate with l_alloc below);
**   - SQLite's (sqlite3_config(SQLITE_CONFIG_MALLOC) with a wrapper over
**     the system malloc, installed before sqlite3_initialize; FTS5 and
**     the tokenizer allocate through it too);
**   - the C core's own malloc/calloc/realloc (libsinorus.a is linked
**     with -Wl,--wrap=malloc,... so only its calls are rerouted).
** libzip's and libc's internal allocations are not counted.
**
** For each operation (a Lua snippet, see OPS) the program first runs it
** with no failure to count its allocations, then with allocation k
** failing for k = 1, 2, ... until a run injects no failure, in two
** modes: "single" (only allocation k fails) and "persistent" (k and
** every later one fail). Setting up the state (lua_newstate, the
** standard libraries, require "sinorus", opening the KB the snippet
** works on) is done before the counter is armed; the snippet runs under
** lua_pcall, then the counter is disarmed and the state closed.
**
** A run passes when
**   - the snippet succeeded, or failed with a clean error: status
**     LUA_ERRMEM, or a string message containing "not enough memory"
**     (Lua's and the binding's wording) or "out of memory" (SQLite's,
**     possibly prefixed, e.g. "sql: out of memory"); any other message
**     (say "attempt to index a nil value") means an allocation failure
**     was mishandled and is reported as UNCLEAN;
**   - after lua_close, the bytes outstanding in each of the three
**     allocators are back to their baseline (Lua: 0; SQLite and the
**     core: what they held before the run), and no file descriptor is
**     left open;
**   - the operation's own after-check holds (e.g. a failed import left
**     the KB file intact: integrity_check ok, the source count unchanged
**     or grown by exactly one).
** A crash is caught by the sanitizers under `make check-asan`.
**
** Environment:
**   SN_ALLOC_STEP=k   quick mode: test failure points 1..SN_ALLOC_DENSE
**                     (default 40) and then every k-th (default 1: all)
**   SN_ALLOC_DENSE=n  see above
**   SN_ALLOC_OPS=a,b  run only the named operations (prefix match)
**   SN_ALLOC_MODE=single|persistent   one mode only
**   SN_ALLOC_VERBOSE=1  print every unclean run's message
**   SN_ALLOC_LOG=1    print SQLite's error log
**
** Each run is a fork of a process that has prepared the state, so the
** set-up is paid once per operation; a crashing run is reported as
** such. The sandbox operation counts a clean nil, message from
** sinorus.sandbox as a success of its snippet.
**
** Exit status 0 when every run passed.
*/
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"
#include "lsinorus.h"


/* ---------------------------------------------------------------------
** The shared failure counter
** ------------------------------------------------------------------ */

static struct {
  long count;            /* allocations counted in this run */
  long fail_at;          /* 0: never fail; else the allocation to fail */
  int persist;           /* also fail every allocation after fail_at */
  long injected;         /* failures injected in this run */
  long long lua_bytes;   /* outstanding per allocator */
  long long sql_bytes;
  long long core_bytes;
} A;

/* Counts one allocation; 1 if it must fail. */
static int should_fail (void) {
  A.count++;
  if (A.fail_at > 0 && (A.count == A.fail_at
                        || (A.persist && A.count > A.fail_at))) {
    A.injected++;
    return 1;
  }
  return 0;
}


/* The system allocator, reached around --wrap. */
void *__real_malloc (size_t n);
void *__real_calloc (size_t n, size_t size);
void *__real_realloc (void *p, size_t n);
void __real_free (void *p);

/* A size header in front of every block we hand out (16 bytes keeps
** the alignment malloc gives). */
#define HDR 16

static void *hdr_alloc (size_t n, long long *bytes) {
  unsigned char *p = (unsigned char *)__real_malloc(n + HDR);
  if (p == NULL) return NULL;
  memcpy(p, &n, sizeof n);
  *bytes += (long long)n;
  return p + HDR;
}

static size_t hdr_size (void *p) {
  size_t n;
  memcpy(&n, (unsigned char *)p - HDR, sizeof n);
  return n;
}

static void hdr_free (void *p, long long *bytes) {
  if (p == NULL) return;
  *bytes -= (long long)hdr_size(p);
  __real_free((unsigned char *)p - HDR);
}

static void *hdr_realloc (void *p, size_t n, long long *bytes) {
  size_t old;
  unsigned char *q;
  if (p == NULL) return hdr_alloc(n, bytes);
  old = hdr_size(p);
  q = (unsigned char *)__real_realloc((unsigned char *)p - HDR, n + HDR);
  if (q == NULL) return NULL;
  memcpy(q, &n, sizeof n);
  *bytes += (long long)n - (long long)old;
  return q + HDR;
}


/* The C core's malloc family (libsinorus.a only, through --wrap). */
void *__wrap_malloc (size_t n) {
  if (should_fail()) return NULL;
  return hdr_alloc(n, &A.core_bytes);
}

void *__wrap_calloc (size_t n, size_t size) {
  void *p;
  if (size != 0 && n > (size_t)-1 / 2 / size) return NULL;
  if (should_fail()) return NULL;
  p = hdr_alloc(n * size, &A.core_bytes);
  if (p != NULL) memset(p, 0, n * size);
  return p;
}

void *__wrap_realloc (void *p, size_t n) {
  if (p != NULL && n == 0) {
    hdr_free(p, &A.core_bytes);
    return NULL;
  }
  if (p == NULL || n > hdr_size(p))
    if (should_fail()) return NULL;
  return hdr_realloc(p, n, &A.core_bytes);
}

void __wrap_free (void *p) {
  hdr_free(p, &A.core_bytes);
}


/* SQLite's allocator. */
static void *sq_malloc (int n) {
  if (should_fail()) return NULL;
  return hdr_alloc((size_t)n, &A.sql_bytes);
}

static void sq_free (void *p) {
  hdr_free(p, &A.sql_bytes);
}

static void *sq_realloc (void *p, int n) {
  if ((size_t)n > hdr_size(p) && should_fail()) return NULL;
  return hdr_realloc(p, (size_t)n, &A.sql_bytes);
}

static int sq_size (void *p) {
  return p ? (int)hdr_size(p) : 0;
}

static int sq_roundup (int n) {
  return (n + 7) & ~7;
}

static int sq_init (void *ud) { (void)ud; return SQLITE_OK; }
static void sq_shutdown (void *ud) { (void)ud; }

static const sqlite3_mem_methods sq_methods = {
  sq_malloc, sq_free, sq_realloc, sq_size, sq_roundup, sq_init, sq_shutdown,
  NULL
};


/* Lua's allocator: shrinking never fails (a growing block or a new one
** may). */
static void *l_alloc (void *ud, void *ptr, size_t osize, size_t nsize) {
  (void)ud;
  if (ptr == NULL) osize = 0;
  if (nsize == 0) {
    if (ptr != NULL) {
      A.lua_bytes -= (long long)osize;
      __real_free(ptr);
    }
    return NULL;
  }
  if (nsize > osize && should_fail()) return NULL;
  ptr = __real_realloc(ptr, nsize);
  if (ptr != NULL) A.lua_bytes += (long long)nsize - (long long)osize;
  return ptr;
}


/* ---------------------------------------------------------------------
** The operations
** ------------------------------------------------------------------ */

/*
** Each operation: setup runs before the counter is armed (globals kb,
** kbw (a writable copy of the article in a file), g (a graph) are set
** by the prelude when asked for), body runs armed. Globals: sinorus,
** DIR (a temporary directory), KBPATH (the writable copy), NEWPATH (a
** file that does not exist), OUTPATH (a target for save and export).
*/
enum { NEED_NONE = 0, NEED_KB = 1, NEED_KBW = 2, NEED_GRAPH = 4 };
enum { AFTER_NONE, AFTER_KBFILE, AFTER_NEWFILE, AFTER_OUTFILE };

typedef struct Op {
  const char *name;
  int need;
  const char *setup;    /* extra setup, or NULL */
  const char *body;
  int after;
} Op;

static const Op OPS[] = {
  /* opening */
  {"require", NEED_NONE, NULL,
   "local s = LUAOPEN_SINORUS(); assert(s.open)", AFTER_NONE},
  {"open()", NEED_NONE, NULL,
   "local kb = assert(sinorus.open()); kb:close()", AFTER_NONE},
  {"open(path)", NEED_NONE, NULL,
   "local kb = assert(sinorus.open(KBPATH)); kb:close()", AFTER_KBFILE},
  {"open(path,readonly)", NEED_NONE, NULL,
   "local kb = assert(sinorus.open(KBPATH, {readonly = true})); kb:close()",
   AFTER_KBFILE},
  {"open(path,create,empty)", NEED_NONE, NULL,
   "local kb = assert(sinorus.open(NEWPATH, {create = true, empty = true}))\n"
   "kb:close()", AFTER_NEWFILE},
  {"open(path,create,article)", NEED_NONE, NULL,
   "local kb = assert(sinorus.open(NEWPATH, {create = true, article = true}))\n"
   "kb:close()", AFTER_NEWFILE},
  {"describe", NEED_KB, NULL, "return kb:describe()", AFTER_NONE},
  {"tostring(kb)", NEED_KB, NULL, "return tostring(kb)", AFTER_NONE},
  /* records */
  {"sources", NEED_KB, NULL,
   "return tostring(kb:sources()), kb:source(1)", AFTER_NONE},
  {"text", NEED_KB, NULL, "return kb:text(1)", AFTER_NONE},
  {"segments", NEED_KB, NULL,
   "return tostring(kb:segments{kind = 'sentence'}), kb:segment(5)",
   AFTER_NONE},
  {"entities", NEED_KB, NULL,
   "return tostring(kb:entities()), kb:entity('Beijing')", AFTER_NONE},
  {"mentions", NEED_KB, NULL, "return kb:mentions('China')", AFTER_NONE},
  {"claims", NEED_KB, NULL,
   "return tostring(kb:claims{about = 'China', horizon = 'short'}), "
   "kb:claim(kb:claims()[1].id)", AFTER_NONE},
  {"factors", NEED_KB, NULL,
   "return tostring(kb:factors()), kb:factor(kb:factors()[1].id)",
   AFTER_NONE},
  {"relations", NEED_KB, NULL,
   "return tostring(kb:relations{from = 'China'})", AFTER_NONE},
  {"events", NEED_KB, NULL,
   "return tostring(kb:events{from = '2021-01-01'})", AFTER_NONE},
  {"quotes", NEED_KB, NULL, "return tostring(kb:quotes())", AFTER_NONE},
  {"references", NEED_KB, NULL, "return tostring(kb:references())",
   AFTER_NONE},
  {"hypotheses+ratings", NEED_KB, NULL,
   "return tostring(kb:hypotheses()), tostring(kb:ratings())", AFTER_NONE},
  {"evidence", NEED_KB, NULL,
   "return kb:evidence(kb:claims()[1])", AFTER_NONE},
  {"codes+history", NEED_KBW, NULL,
   "return kbw:codes(), kbw:history()", AFTER_NONE},
  /* text queries */
  {"search", NEED_KB, NULL,
   "return tostring(kb:search('secondary sanctions', {limit = 5}))",
   AFTER_NONE},
  {"search(hostile)", NEED_KB, NULL,
   "return kb:search('\"china OR (russia* NEAR ; DROP TABLE x -- \\xc3\\xa9')",
   AFTER_NONE},
  {"kwic", NEED_KB, NULL,
   "return tostring(kb:kwic('Taiwan', {width = 30}))", AFTER_NONE},
  {"rows", NEED_KB, NULL,
   "local n = 0\n"
   "for r in kb:rows('SELECT id, kind FROM segment WHERE id < ?', 30) do\n"
   "  n = n + r.id\n"
   "  if n > 100 then break end\n"
   "end\n"
   "return n", AFTER_NONE},
  {"sql", NEED_KB, NULL,
   "return kb:sql('SELECT kind, count(*) AS n FROM segment GROUP BY kind')",
   AFTER_NONE},
  /* weighting */
  {"estimate+hedges", NEED_NONE, NULL,
   "return sinorus.estimate('almost certainly', 'phia'), "
   "sinorus.hedges('It is likely, though not certain, that it may happen.')",
   AFTER_NONE},
  {"pool+decay", NEED_NONE, NULL,
   "return sinorus.pool({0.6, 0.8, 0.3}, {2, 1, 1}, 'logodds'), "
   "sinorus.pool({0.6, 0.8}, nil, 'noisy_or'), sinorus.decay(365, 180)",
   AFTER_NONE},
  {"ach", NEED_KB, NULL, "return tostring(kb:ach())", AFTER_NONE},
  {"alignment", NEED_KB, NULL,
   "return tostring(kb:alignment{horizon = 'long', pressure = 0.8})",
   AFTER_NONE},
  {"sensitivity", NEED_KB, NULL,
   "return tostring(kb:sensitivity{horizon = 'short'})", AFTER_NONE},
  {"simulate", NEED_KB, NULL,
   "return tostring(kb:simulate{n = 200, seed = 7})", AFTER_NONE},
  /* scores, timeline, agreement, series (csrc/lscore.c) */
  {"scores", NEED_NONE, NULL,
   "return tostring(sinorus.scores{{p_low = 0.55, p_high = 0.8, outcome = 'yes',\n"
   "  band = 'likely'}, {p_low = 0.2, p_high = 0.45, outcome = 'no'},\n"
   "  {p_low = 0, p_high = 1, outcome = 'partly'}})", AFTER_NONE},
  {"ach_timeline", NEED_KB, NULL,
   "local items = kb:sql('SELECT id, credibility, relevance FROM ach_item')\n"
   "for i, it in ipairs(items) do it.date = i % 2 == 0 and '2022-02-18' or '2023' end\n"
   "return sinorus.ach_timeline(items, kb:ratings())", AFTER_NONE},
  {"agreement+series", NEED_NONE, NULL,
   "return sinorus.agreement({{1, 2, 3, 3, 2}, {1, 2, 3, 4, false}, {'x', 2, 3, 3}}),\n"
   "  sinorus.agreement({{1, 2, 3}, {1, 2, 4}}, {level = 'ordinal'}),\n"
   "  tostring(sinorus.series({{date = '2022-02-18', value = 1}, {date = '2022-05'}},\n"
   "    {by = 'quarter'}))", AFTER_NONE},
  {"kb:scores+timeline+series", NEED_KB, NULL,
   "return tostring(kb:scores()), kb:timeline(), kb:ach{as_of = '2022-03'},\n"
   "  tostring(kb:series{actors = {'China', 'Russia'}, by = 'year'}),\n"
   "  sinorus.scores({p_low = {0.1, 0.5}, p_high = {0.2, 0.6},\n"
   "    outcome = {'yes', 'partly'}}, {rows = false})", AFTER_NONE},
  /* graphs */
  {"graph(relations)", NEED_KB, NULL,
   "return kb:graph{kind = 'relations'}", AFTER_NONE},
  {"graph(mentions)", NEED_KB, NULL,
   "return kb:graph{kind = 'mentions', unit = 'paragraph'}", AFTER_NONE},
  {"graph measures", NEED_GRAPH, NULL,
   "return tostring(g:pagerank()), g:balance(), g:path('china', 'ukraine'),\n"
   "  g:components(), g:degree('China'), g:strength('china'),\n"
   "  tostring(g:nodes()), tostring(g:edges()), g:ego('china'), tostring(g)",
   AFTER_NONE},
  {"graph writers", NEED_GRAPH, NULL,
   "return g:to_dot(), g:to_graphml(), g:to_gexf(), g:to_json()",
   AFTER_NONE},
  /* exports */
  {"to_json+to_csv", NEED_KB, NULL,
   "return sinorus.to_json(kb:claims()), sinorus.to_csv(kb:factors())",
   AFTER_NONE},
  {"export(json)", NEED_KB, NULL, "return kb:export('json')", AFTER_NONE},
  {"export(csv)", NEED_KB, NULL,
   "return kb:export('csv', nil, {records = 'claims'})", AFTER_NONE},
  {"export(refi-qda)", NEED_KB, NULL,
   "assert(kb:export('refi-qda', OUTPATH))", AFTER_OUTFILE},
  /* authoring */
  {"import(add_source)", NEED_KBW, NULL,
   "return kbw:add_source{title = 'Notes', authors = {'A. Analyst'},\n"
   "  published = '2022-03-01',\n"
   "  text = 'China is likely to avoid secondary sanctions. Beijing and\\n'\n"
   "    .. 'Moscow keep talking.\\n\\nPutin met Xi in February 2022.'}",
   AFTER_KBFILE},
  /* a source long enough to train a dictionary of its own (schema 8),
  ** in few segments (40 paragraphs of one sentence: the failure points
  ** are those of the dictionary more than of the segments), then one of
  ** its segments read back, which loads that dictionary */
  {"import(long,dictionary)", NEED_KBW,
   "local paras = {}\nfor k = 1, 40 do\n  local t = {}\n"
   "  for i = 1, 140 do local n = k * 1000 + i\n"
   "    t[i] = ('line %d, China and Russia agree on %d points'):format(n, n * 7) end\n"
   "  paras[k] = table.concat(t, ', ')\nend\n"
   "LONG = table.concat(paras, '\\n\\n')",
   "local id = kbw:add_source{title = 'Long', text = LONG}\n"
   "return kbw:segment(kbw:segments{source = id}[60].id).text",
   AFTER_KBFILE},
  {"import(files,docx)", NEED_KBW, NULL,
   "local s, err = kbw:import{files = {'spec/fixtures/formats/zh.docx'}}\n"
   "assert(s, err)\nreturn s.imported", AFTER_KBFILE},
  {"import(files,html+cp1251)", NEED_KBW, NULL,
   "local s, err = kbw:import{files = {'spec/fixtures/formats/ru-cp1251.html'}}\n"
   "assert(s, err)\nreturn s.imported", AFTER_KBFILE},
  {"add_entity+code", NEED_KBW, NULL,
   "kbw:add_entity{id = 'csto', name = 'Collective Security Treaty Organization',\n"
   "  kind = 'organization', aliases = {'CSTO'}}\n"
   "return kbw:code(5, 'energy')", AFTER_KBFILE},
  {"ach authoring", NEED_KBW, NULL,
   "kbw:add_question{id = 'q-x', text = 'Why?'}\n"
   "kbw:add_hypothesis{id = 'h-x', question = 'q-x', text = 'Because.'}\n"
   "kbw:add_item{id = 'i-x', question = 'q-x', text = 'x', credibility = 'high',\n"
   "  relevance = 'low', evidence = {5}, ratings = {['h-x'] = {'C', 'why'}}}\n"
   "return kbw:rate('i-x', 'h-x', 'I')", AFTER_KBFILE},
  {"transaction", NEED_KBW, NULL,
   "return kbw:transaction(function(k) k:code(1, 'a'); k:code(2, 'b') end)",
   AFTER_KBFILE},
  {"save", NEED_KB, NULL, "assert(kb:save(OUTPATH))", AFTER_OUTFILE},
  /* a sandboxed script (its state's allocator is the core's malloc) */
  {"sandbox", NEED_NONE, NULL,
   "local ok, v = sinorus.sandbox('return #kb:claims(), print(kb)',\n"
   "  {memory = 1 << 22, instructions = 1000000})\n"
   "assert(ok or v:find('memory'), v)", AFTER_NONE},
  {NULL, 0, NULL, NULL, 0}
};


/* ---------------------------------------------------------------------
** Running one operation
** ------------------------------------------------------------------ */

static char dir[256], kbpath[300], template_path[300], newpath[300],
            outpath[300];
static int verbose = 0;

typedef struct Stats {
  long points;          /* failure points tried */
  long ok, clean;       /* runs that succeeded / failed cleanly */
  long unclean, leaks, broken;
} Stats;

static int count_fds (void) {
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  int n = 0;
  if (d == NULL) return -1;
  while ((e = readdir(d)) != NULL) n++;
  closedir(d);
  return n;
}

static int copy_file (const char *from, const char *to) {
  FILE *in = fopen(from, "rb"), *out;
  char buf[65536];
  size_t n;
  int rc = 0;
  if (in == NULL) return -1;
  out = fopen(to, "wb");
  if (out == NULL) { fclose(in); return -1; }
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    if (fwrite(buf, 1, n, out) != n) rc = -1;
  fclose(in);
  if (fclose(out) != 0) rc = -1;
  return rc;
}

static int l_luaopen (lua_State *L) {
  lua_settop(L, 0);
  return luaopen_sinorus(L);
}

/* Runs sql on db expecting one integer; -1 on any error. */
static long long query_int (sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK
      && sqlite3_step(st) == SQLITE_ROW) {
    if (sqlite3_column_type(st, 0) == SQLITE_TEXT)
      v = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0 ? 1 : 0;
    else
      v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return v;
}

/* Checks a KB file after a run: intact, and (for kbpath) with 1 or 2
** sources. Returns NULL or what is wrong. */
static const char *check_file (const char *path, int must_exist) {
  static char why[200];
  sqlite3 *db = NULL;
  long long ok, n;
  if (access(path, F_OK) != 0)
    return must_exist ? "file missing" : NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open the file";
  }
  ok = query_int(db, "PRAGMA integrity_check");
  n = query_int(db, "SELECT count(*) FROM source");
  sqlite3_close(db);
  if (ok != 1) return "integrity_check failed";
  if (path == kbpath && (n < 1 || n > 2)) {
    snprintf(why, sizeof why, "%lld sources", n);
    return why;
  }
  return NULL;
}

/* Removes every file of the temporary directory (but the template,
** unless all). */
static void clean_dir (int all) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char p[600];
  if (d == NULL) return;
  while ((e = readdir(d)) != NULL) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0
        || (!all && strcmp(e->d_name, "template.sqlite") == 0))
      continue;
    snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
    unlink(p);
  }
  closedir(d);
}

/* A file left in the temporary directory (a temporary copy, a journal)
** after the state was closed, or NULL. */
static int allow_wal = 0;   /* a read-only connection leaves -wal, -shm */

static const char *stray_file (void) {
  static char why[300];
  DIR *d = opendir(dir);
  struct dirent *e;
  const char *found = NULL;
  if (d == NULL) return NULL;
  while ((e = readdir(d)) != NULL) {
    const char *n = e->d_name;
    if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0
        || strcmp(n, "template.sqlite") == 0 || strcmp(n, "kb.sqlite") == 0
        || strcmp(n, "new.sqlite") == 0 || strcmp(n, "out.sqlite") == 0
        || (allow_wal && (strcmp(n, "kb.sqlite-wal") == 0
                          || strcmp(n, "kb.sqlite-shm") == 0)))
      continue;
    snprintf(why, sizeof why, "stray file %s", n);
    found = why;
  }
  closedir(d);
  return found;
}

static int is_clean (int status, lua_State *L) {
  const char *msg;
  if (status == LUA_OK || status == LUA_ERRMEM) return 1;
  if (status != LUA_ERRRUN || lua_type(L, -1) != LUA_TSTRING) return 0;
  msg = lua_tostring(L, -1);
  return strstr(msg, "not enough memory") != NULL
         || strstr(msg, "out of memory") != NULL;
}

static const char PRELUDE[] =
  "sinorus = require 'sinorus'\n"
  "local need = ...\n"
  "if need & 1 ~= 0 or need & 4 ~= 0 then kb = assert(sinorus.open()) end\n"
  "if need & 4 ~= 0 then g = kb:graph() end\n";

/* What a child run reports to the parent. */
typedef struct Result {
  long nallocs, injected;
  int kind;              /* RES_OK, RES_CLEAN, RES_UNCLEAN, RES_LEAK, RES_BROKEN */
  char msg[400];
} Result;

enum { RES_OK, RES_CLEAN, RES_UNCLEAN, RES_LEAK, RES_BROKEN, RES_CRASH };

#ifdef SN_COVERAGE
extern void __gcov_dump(void);   /* libgcov: write the counters now */
#endif

static void die (lua_State *L, const char *what) {
  fprintf(stderr, "allocfail: %s failed: %s\n", what,
          L && lua_tostring(L, -1) ? lua_tostring(L, -1) : "?");
  _exit(2);
}

/*
** The child's part of one run: on a copy of the prepared state L (the
** body is on its stack top), with allocation fail_at failing. sql0 and
** core0 are the bytes SQLite and the core held before L was made.
*/
static void child (const Op *op, lua_State *L, long fail_at, int persist,
                   long long sql0, long long core0, Result *r) {
  int status, fds;
  const char *why = NULL;
  clean_dir(0);
  allow_wal = strstr(op->name, "readonly") != NULL;
  if ((op->need & NEED_KBW || op->after == AFTER_KBFILE)
      && copy_file(template_path, kbpath) != 0)
    die(NULL, "copying the template KB");
  fds = count_fds();
  if (op->need & NEED_KBW) {
    if (luaL_dostring(L, "kbw = assert(sinorus.open(KBPATH))") != LUA_OK)
      die(L, "opening the writable KB");
  }
  A.count = 0;
  A.injected = 0;
  A.persist = persist;
  A.fail_at = fail_at;           /* armed */
  status = lua_pcall(L, 0, LUA_MULTRET, 0);
  A.fail_at = 0;
  r->nallocs = A.count;
  r->injected = A.injected;
  if (status == LUA_OK) r->kind = RES_OK;
  else if (is_clean(status, L)) r->kind = RES_CLEAN;
  else {
    r->kind = RES_UNCLEAN;
    snprintf(r->msg, sizeof r->msg, "UNCLEAN (status %d): %s", status,
             lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                            : luaL_typename(L, -1));
  }
  lua_close(L);
  if (A.lua_bytes != 0 || A.sql_bytes != sql0 || A.core_bytes != core0
      || count_fds() != fds) {
    if (r->kind != RES_UNCLEAN)
      snprintf(r->msg, sizeof r->msg, "LEAK: lua %lld, sqlite %+lld, core "
               "%+lld bytes, %+d fds", A.lua_bytes, A.sql_bytes - sql0,
               A.core_bytes - core0, count_fds() - fds);
    r->kind = RES_LEAK;
  }
  why = stray_file();  /* before check_file's own connection */
  if (why == NULL) switch (op->after) {
    case AFTER_KBFILE: why = check_file(kbpath, 1); break;
    case AFTER_NEWFILE: why = check_file(newpath, 0); break;
    case AFTER_OUTFILE:  /* a saved KB; an export is not a database */
      if (strcmp(op->name, "save") == 0) why = check_file(outpath, 0);
      break;
    default: break;
  }
  if (why != NULL) {
    if (r->kind < RES_UNCLEAN) snprintf(r->msg, sizeof r->msg, "FILE: %s", why);
    r->kind = RES_BROKEN;
  }
}

/* One run in a child process; returns its result (RES_CRASH if it died). */
static void run (const Op *op, lua_State *L, long fail_at, int persist,
                 long long sql0, long long core0, Result *r) {
  int fd[2], wst;
  pid_t pid;
  ssize_t got = 0, n;
  memset(r, 0, sizeof *r);
  fflush(stdout);
  fflush(stderr);
  if (pipe(fd) != 0 || (pid = fork()) < 0) {
    perror("allocfail: fork");
    exit(2);
  }
  if (pid == 0) {
    close(fd[0]);
    child(op, L, fail_at, persist, sql0, core0, r);
    while (got < (ssize_t)sizeof *r
           && (n = write(fd[1], (char *)r + got, sizeof *r - got)) > 0)
      got += n;
#ifdef SN_COVERAGE
    __gcov_dump();   /* a coverage build keeps this child's counters */
#endif
    _exit(0);   /* no atexit handlers: our own counts are the leak check */
  }
  close(fd[1]);
  while (got < (ssize_t)sizeof *r
         && (n = read(fd[0], (char *)r + got, sizeof *r - got)) > 0)
    got += n;
  close(fd[0]);
  waitpid(pid, &wst, 0);
  if (got != (ssize_t)sizeof *r || !WIFEXITED(wst) || WEXITSTATUS(wst) != 0) {
    r->kind = RES_CRASH;
    r->injected = 1;
    snprintf(r->msg, sizeof r->msg, "CRASH (%s %d)",
             WIFSIGNALED(wst) ? "signal" : "exit status",
             WIFSIGNALED(wst) ? WTERMSIG(wst) : WEXITSTATUS(wst));
  }
}

/* Prepares the state for op (unarmed): libraries, globals, sinorus and
** what op needs, and the body on the stack top. */
static lua_State *prepare (const Op *op) {
  lua_State *L = lua_newstate(l_alloc, NULL);
  if (L == NULL) die(NULL, "lua_newstate");
  luaL_openlibs(L);
  lua_pushstring(L, dir); lua_setglobal(L, "DIR");
  lua_pushstring(L, kbpath); lua_setglobal(L, "KBPATH");
  lua_pushstring(L, newpath); lua_setglobal(L, "NEWPATH");
  lua_pushstring(L, outpath); lua_setglobal(L, "OUTPATH");
  lua_pushcfunction(L, l_luaopen); lua_setglobal(L, "LUAOPEN_SINORUS");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, l_luaopen);
  lua_setfield(L, -2, "sinorus");
  lua_pop(L, 1);
  if (strcmp(op->name, "require") != 0) {
    if (luaL_loadstring(L, PRELUDE) != LUA_OK) die(L, op->name);
    lua_pushinteger(L, op->need);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) die(L, op->name);
  }
  if (op->setup != NULL && luaL_dostring(L, op->setup) != LUA_OK)
    die(L, op->name);
  if (luaL_loadstring(L, op->body) != LUA_OK) die(L, op->name);
  lua_gc(L, LUA_GCCOLLECT);
  return L;
}

static void count (Stats *st, const Op *op, int persist, long k,
                   const Result *r) {
  switch (r->kind) {
    case RES_OK: st->ok++; return;
    case RES_CLEAN: st->clean++; return;
    case RES_UNCLEAN: case RES_CRASH: st->unclean++; break;
    case RES_LEAK: st->leaks++; break;
    default: st->broken++; break;
  }
  if (verbose || st->unclean + st->leaks + st->broken <= 5)
    printf("  %-24s %-10s fail at %ld: %s\n", op->name,
           persist ? "persistent" : "single", k, r->msg);
}

/* Runs op in one mode over its failure points. */
static void run_mode (const Op *op, lua_State *L, int persist, long step,
                      long dense, long long sql0, long long core0,
                      Stats *st) {
  long k = 1;
  Result r;
  for (;;) {
    run(op, L, k, persist, sql0, core0, &r);
    if (r.injected == 0) break;   /* the run saw no failure: done */
    st->points++;
    count(st, op, persist, k, &r);
    k = k < dense ? k + 1 : k + step;
  }
}


static void make_template (void) {
  lua_State *L = lua_newstate(l_alloc, NULL);
  luaL_openlibs(L);
  luaL_requiref(L, "sinorus", luaopen_sinorus, 1);
  lua_pop(L, 1);
  lua_pushstring(L, template_path);
  lua_setglobal(L, "P");
  if (luaL_dostring(L, "local kb = assert(sinorus.open(P, {create = true, "
                       "article = true}))\n"
                       "kb:close()") != LUA_OK) {
    fprintf(stderr, "allocfail: cannot make the template KB: %s\n",
            lua_tostring(L, -1));
    exit(2);
  }
  lua_close(L);
}


static int selected (const char *name, const char *list) {
  const char *p = list;
  size_t n;
  if (list == NULL || *list == '\0') return 1;
  while (*p) {
    n = strcspn(p, ",");
    if (n > 0 && strncmp(name, p, n) == 0) return 1;
    p += n;
    if (*p == ',') p++;
  }
  return 0;
}


static void sq_log (void *ud, int rc, const char *msg) {
  (void)ud;
  if (getenv("SN_ALLOC_LOG")) fprintf(stderr, "sqlite log %d: %s\n", rc, msg);
}

int main (void) {
  const char *e;
  const char *ops = getenv("SN_ALLOC_OPS");
  const char *mode = getenv("SN_ALLOC_MODE");
  long step = 1, dense = 40, total_points = 0, total_bad = 0;
  int i, m;
  time_t t0 = time(NULL);
  if ((e = getenv("SN_ALLOC_STEP")) != NULL && atol(e) > 0) step = atol(e);
  if ((e = getenv("SN_ALLOC_DENSE")) != NULL && atol(e) >= 0) dense = atol(e);
  verbose = (e = getenv("SN_ALLOC_VERBOSE")) != NULL && *e == '1';
  sqlite3_config(SQLITE_CONFIG_LOG, sq_log, NULL);
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &sq_methods) != SQLITE_OK
      || sqlite3_initialize() != SQLITE_OK) {
    fprintf(stderr, "allocfail: cannot install the SQLite allocator\n");
    return 2;
  }
  snprintf(dir, sizeof dir, "%s/sinorus-allocfail-XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (mkdtemp(dir) == NULL) {
    perror("allocfail: mkdtemp");
    return 2;
  }
  snprintf(template_path, sizeof template_path, "%s/template.sqlite", dir);
  snprintf(kbpath, sizeof kbpath, "%s/kb.sqlite", dir);
  snprintf(newpath, sizeof newpath, "%s/new.sqlite", dir);
  snprintf(outpath, sizeof outpath, "%s/out.sqlite", dir);
  make_template();  /* the article in a file, closed (its WAL merged) */
  printf("allocation failure: step %ld after the first %ld points%s\n",
         step, dense, step > 1 ? " (quick mode)" : " (full mode)");
  printf("%-24s %8s  %22s  %22s\n", "operation", "allocs",
         "single: points ok/err", "persistent: points ok/err");
  for (i = 0; OPS[i].name != NULL; i++) {
    const Op *op = &OPS[i];
    Stats s[2];
    Result r;
    lua_State *L;
    long long sql0 = A.sql_bytes, core0 = A.core_bytes;
    if (!selected(op->name, ops)) continue;
    memset(s, 0, sizeof s);
    L = prepare(op);
    run(op, L, 0, 0, sql0, core0, &r);   /* no failure: must succeed */
    if (r.kind != RES_OK) {
      printf("%-24s warm-up run failed: %s\n", op->name, r.msg);
      total_bad++;
    }
    else {
      for (m = 0; m < 2; m++) {
        if (mode != NULL && strcmp(mode, m ? "persistent" : "single") != 0)
          continue;
        run_mode(op, L, m, step, dense, sql0, core0, &s[m]);
        total_points += s[m].points;
        total_bad += s[m].unclean + s[m].leaks + s[m].broken;
      }
      printf("%-24s %8ld  %8ld %6ld/%-6ld  %8ld %6ld/%-6ld%s\n", op->name,
             r.nallocs, s[0].points, s[0].ok, s[0].clean, s[1].points,
             s[1].ok, s[1].clean,
             (s[0].unclean + s[0].leaks + s[0].broken + s[1].unclean
              + s[1].leaks + s[1].broken) ? "  FAILED" : "");
    }
    lua_close(L);
    if (A.lua_bytes != 0 || A.sql_bytes != sql0 || A.core_bytes != core0) {
      printf("%-24s LEAK in the parent\n", op->name);
      total_bad++;
    }
    fflush(stdout);
  }
  clean_dir(1);
  rmdir(dir);
  printf("%ld failure points, %ld bad runs, %lds\n", total_points,
         total_bad, (long)(time(NULL) - t0));
  return total_bad == 0 ? 0 : 1;
}
