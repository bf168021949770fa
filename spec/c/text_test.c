/*
** text_test.c: C tests of the text layer (folding, the FTS5 tokenizer,
** query translation, segmentation and the matcher).
**
** Run from the top of the tree (or give the article's path as the only
** argument). Prints one line per failure and a summary; exits non-zero
** when anything failed.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sinorus.h"

#include "check.h"


/* Reads a whole file into a malloc'd buffer. */
static char *read_file (const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  buf = malloc((size_t)n + 1);
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
  fclose(f);
  if (buf) { buf[n] = '\0'; *len = (size_t)n; }
  return buf;
}


/* A small deterministic generator (xorshift64*). */
static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;
static unsigned rnd (unsigned n) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}


/* Folds a NUL-terminated string into a static buffer. */
static const char *fold (const char *s) {
  static char buf[1024];
  size_t n = sinorus_fold(s, strlen(s), buf, sizeof buf - 1);
  buf[n < sizeof buf - 1 ? n : sizeof buf - 1] = '\0';
  return buf;
}


/* Writes the UTF-8 form of cp; returns its length. */
static int encode (unsigned cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6)); out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12)); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18)); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}


static void test_fold (void) {
  unsigned cp;
  CHECK(strcmp(fold("\xD0\xA1hina"), "china") == 0, "Cyrillic C: %s", fold("\xD0\xA1hina"));
  CHECK(strcmp(fold("Stra\xC3\x9F" "e \xC3\xA9t\xC3\xA9 \xC3\x86 \xC5\x81\xC3\xB3" "d\xC5\xBA"),
               "strasse ete ae lodz") == 0, "diacritics: %s",
        fold("Stra\xC3\x9F" "e \xC3\xA9t\xC3\xA9 \xC3\x86 \xC5\x81\xC3\xB3" "d\xC5\xBA"));
  CHECK(strcmp(fold("\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98q\xE2\x80\x99 a\xE2\x80\x94" "b\xE2\x80\xA6"),
               "\"q\" 'q' a-b...") == 0, "punctuation: %s",
        fold("\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x98q\xE2\x80\x99 a\xE2\x80\x94" "b\xE2\x80\xA6"));
  CHECK(strcmp(fold("a\xC0\xAF" "b\xED\xA0\x80" "c\xF4\x90\x80\x80" "d\xE2\x82"), "abcd") == 0,
        "invalid UTF-8: %s", fold("a\xC0\xAF" "b\xED\xA0\x80" "c\xF4\x90\x80\x80" "d\xE2\x82"));
  /* every code point: folding is idempotent and never lengthens text */
  for (cp = 0; cp <= 0x10FFFF; cp++) {
    char s[4], f1[16], f2[16];
    size_t n1, n2;
    int n;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    n = encode(cp, s);
    n1 = sinorus_fold(s, (size_t)n, f1, sizeof f1);
    n2 = sinorus_fold(f1, n1, f2, sizeof f2);
    if (n1 > (size_t)n || n1 != n2 || memcmp(f1, f2, n1) != 0) {
      CHECK(0, "fold of U+%04X is not idempotent or is longer", cp);
      break;
    }
  }
  checks++;
  CHECK(sinorus_is_word("a", 1) && sinorus_is_word("7", 1), "ASCII words");
  CHECK(!sinorus_is_word("-", 1) && !sinorus_is_word("", 0), "ASCII non-words");
  CHECK(sinorus_is_word("\xD0\xB6", 2), "Cyrillic zhe is a word character");
  CHECK(!sinorus_is_word("\xC2\xA9", 2) && !sinorus_is_word("\xE2\x84\xA2", 3),
        "copyright and trade mark are not word characters");
}


/* Runs MATCH with expression expr; returns the row count or -1 on error. */
static int run_match (sqlite3 *db, const char *expr) {
  sqlite3_stmt *st;
  int rc, rows = 0;
  if (sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, NULL)
      != SQLITE_OK) return -1;
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) rows++;
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? rows : -1;
}


/* Translates a user string (len bytes) and runs it; -1 on error. */
static int search (sqlite3 *db, const char *q, size_t len, char *expr,
                   size_t cap) {
  size_t n = sinorus_query(q, len, expr, cap);
  if (n >= cap) return -2;
  if (n == 0) return 0;
  return run_match(db, expr);
}


static void test_fts (const char *text, size_t len) {
  static const char *hostile[] = {
    "china", "\"secondary sanctions\"", "sanction*", "multi-agent",
    "AND", "OR", "NOT", "NEAR", "a AND b", "a OR b", "NOT a", "NEAR(a b)",
    "NEAR(a b, 3)", "(", ")", "(a", "a)", "*", "**", "a**", "*a", "\"",
    "\"\"", "\"a", "a\"", "\"a\"b\"", "'", "';", "'; DROP TABLE x; --",
    "DROP TABLE t", "col:china", ":", "^china", "^", "-china", "+china",
    "china -russia", "{a b}:c", "t:china", "rank:x", "a:b:c", "\\", "\\\"",
    "U.S.", "U.S.-Russian", "Sino-Russian", "\xE2\x80\x9C" "Ukraine is no exception\xE2\x80\x9D",
    "\xE2\x80\x9C", "\xC2\xAB" "a\xC2\xBB", "Ukraine\xE2\x80\xA6", "", " ", "   \t\n ",
    "\xFF\xFE", "\xC0\xAF", "\xED\xA0\x80", "%", "_", "a%", "\xD0\xA1hina",
    "co\xC2\xAD" "operation", "\xE2\x80\x8B", "0", "1.5", "-", "--", "a--b",
    NULL
  };
  sqlite3 *db;
  char expr[32768], *big;
  size_t nseg, i, k;
  sinorus_seg *segs;
  sqlite3_stmt *st;
  int n;
  CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK, "open");
  CHECK(sinorus_register_tokenizer(db) == SINORUS_OK, "register");
  CHECK(sinorus_register_tokenizer(NULL) == SINORUS_ERROR, "register NULL");
  CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='sinorus')",
                     NULL, NULL, NULL) == SQLITE_OK, "create: %s", sqlite3_errmsg(db));
  CHECK(sqlite3_exec(db, "CREATE VIRTUAL TABLE u USING fts5(body, tokenize='sinorus x')",
                     NULL, NULL, NULL) != SQLITE_OK, "arguments are refused");
  nseg = sinorus_segment(text, len, SINORUS_TEXT_PLAIN, NULL, 0);
  segs = malloc(nseg * sizeof *segs);
  sinorus_segment(text, len, SINORUS_TEXT_PLAIN, segs, nseg);
  sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1, &st, NULL);
  for (i = 0; i < nseg; i++) {
    if (segs[i].kind != SINORUS_SEG_SENTENCE) continue;
    sqlite3_bind_int64(st, 1, (sqlite3_int64)i);
    sqlite3_bind_text(st, 2, text + segs[i].start, (int)(segs[i].stop - segs[i].start),
                      SQLITE_STATIC);
    CHECK(sqlite3_step(st) == SQLITE_DONE, "insert %zu", i);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  free(segs);
  for (i = 0; hostile[i]; i++) {
    n = search(db, hostile[i], strlen(hostile[i]), expr, sizeof expr);
    CHECK(n >= 0, "query %s -> %s failed: %s", hostile[i], expr, sqlite3_errmsg(db));
  }
  n = search(db, "a\0b NEAR\0(", 10, expr, sizeof expr);
#define M "\xEE\x80\x80"          /* bare words come after the stem mark */
  CHECK(n >= 0 && strcmp(expr, "\"" M "a\" \"" M "b\" \"" M "NEAR\"") == 0,
        "NUL bytes: %s", expr);
  /* results that must be right */
  n = search(db, "china", 5, expr, sizeof expr);
  CHECK(n > 10, "china finds many sentences: %d", n);
  n = search(db, "\"secondary sanctions\"", 21, expr, sizeof expr);
  CHECK(n == 1, "the phrase finds one sentence: %d", n);
  n = search(db, "military rapprochement CHINA", 28, expr, sizeof expr);
  CHECK(n == 1, "the Karaganov sentence is found through its Cyrillic C: %d", n);
  n = search(db, "sanction*", 9, expr, sizeof expr);
  CHECK(n >= 2, "prefix: %d", n);
  n = search(db, "multi-agent", 11, expr, sizeof expr);
  CHECK(n == 0, "no multi-agent in the article: %d", n);
  n = search(db, "Sino-Russian", 12, expr, sizeof expr);
  CHECK(n > 10, "Sino-Russian as a phrase: %d", n);
  n = search(db, "Zurn", 4, expr, sizeof expr);
  CHECK(n == 0, "references are not sentences: %d", n);
  /* highlight shows the original text */
  sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1",
                     -1, &st, NULL);
  sinorus_query("rapprochement china", 19, expr, sizeof expr);
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
  CHECK(sqlite3_step(st) == SQLITE_ROW
        && strstr((const char *)sqlite3_column_text(st, 0), "[\xD0\xA1hina]") != NULL,
        "highlight keeps the Cyrillic C");
  sqlite3_finalize(st);
  /* a 100 kB string, and random strings of hostile bytes */
  big = malloc(100 * 1024 + 1);
  for (k = 0; k < 100 * 1024; k++) big[k] = "ab \"*()-:^'"[k % 11];
  n = search(db, big, 100 * 1024, expr, sizeof expr);
  CHECK(n >= 0, "100 kB: %s", sqlite3_errmsg(db));
  for (k = 0; k < 100 * 1024; k++) big[k] = (char)('a' + k % 26);
  n = search(db, big, 100 * 1024, expr, sizeof expr);
  CHECK(n == 0, "one 100 kB word: %d", n);
  free(big);
  for (k = 0; k < 3000; k++) {
    static const char *bits[] = {
      "a", "B", "china", " ", "\"", "*", "(", ")", ":", "^", "-", "+", "'",
      "AND", "OR", "NOT", "NEAR", ",", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC3\xA9",
      "\xFF", "\xE2\x80", "\0", "\xD0\xA1", "{", "}", "\\", ";", "."
    };
    char q[64];
    size_t ql = 0, parts = 1 + rnd(12), j;
    for (j = 0; j < parts; j++) {
      const char *b = bits[rnd(30)];
      size_t bl = (b[0] == '\0') ? 1 : strlen(b);
      memcpy(q + ql, b, bl);
      ql += bl;
    }
    n = search(db, q, ql, expr, sizeof expr);
    if (n < 0) { CHECK(0, "random query -> %s: %s", expr, sqlite3_errmsg(db)); break; }
  }
  checks++;
  sqlite3_close(db);
}


static void test_segment (const char *text, size_t len) {
  size_t n = sinorus_segment(text, len, SINORUS_TEXT_PLAIN, NULL, 0), i;
  size_t kinds[5] = { 0, 0, 0, 0, 0 };
  sinorus_seg *s = malloc(n * sizeof *s), few[3];
  CHECK(sinorus_segment(text, len, SINORUS_TEXT_PLAIN, s, n) == n, "same count");
  for (i = 0; i < n; i++) {
    kinds[s[i].kind]++;
    CHECK(s[i].start < s[i].stop && s[i].stop <= len, "bounds of %zu", i);
    CHECK(text[s[i].start] != ' ' && text[s[i].stop - 1] != ' ', "trimmed %zu", i);
  }
  CHECK(kinds[SINORUS_SEG_HEADING] == 3, "headings: %zu", kinds[SINORUS_SEG_HEADING]);
  CHECK(kinds[SINORUS_SEG_REFERENCE] == 4, "references: %zu", kinds[SINORUS_SEG_REFERENCE]);
  CHECK(kinds[SINORUS_SEG_PARAGRAPH] == 15, "paragraphs: %zu", kinds[SINORUS_SEG_PARAGRAPH]);
  CHECK(sinorus_segment(text, len, SINORUS_TEXT_PLAIN, few, 3) == n
        && few[0].kind == SINORUS_SEG_PARAGRAPH && few[1].parent == 0,
        "a short array gets the first segments");
  CHECK(sinorus_segment("", 0, SINORUS_TEXT_PLAIN, NULL, 0) == 0, "empty text");
  CHECK(sinorus_segment(NULL, 5, SINORUS_TEXT_PLAIN, NULL, 0) == 0, "NULL text");
  free(s);
  /* random texts: segments stay in bounds, in order, trimmed */
  for (i = 0; i < 2000; i++) {
    static const char *bits[] = {
      "A", "b", " ", "\n", "\r\n", ".", "?", "!", "\xE2\x80\xA6", "\xE2\x80\x9C",
      "\xE2\x80\x9D", "\"", ")", "U.S.", "e.g.", "# ", "1. ", "[2]", "\xC2\xA0",
      "\xFF", "\xE2\x80", "Its", "\t", "\xEF\xBB\xBF", "No."
    };
    char t[256];
    sinorus_seg segs[256];
    size_t tl = 0, parts = 1 + rnd(40), j, m, k;
    int fmt = (int)rnd(2);
    for (j = 0; j < parts; j++) {
      const char *b = bits[rnd(25)];
      memcpy(t + tl, b, strlen(b));
      tl += strlen(b);
    }
    m = sinorus_segment(t, tl, fmt, segs, 256);
    for (k = 0; k < m && k < 256; k++) {
      int bad = !(segs[k].start < segs[k].stop && segs[k].stop <= tl)
             || (k > 0 && segs[k].start < segs[k - 1].start
                 && segs[k].kind != SINORUS_SEG_SENTENCE)
             || (segs[k].parent >= (long)k) || (segs[k].section > (long)k)
             || t[segs[k].start] == ' ' || t[segs[k].stop - 1] == ' '
             || t[segs[k].start] == '\n' || t[segs[k].stop - 1] == '\n';
      if (bad) { CHECK(0, "random segmentation %zu of %.*s", k, (int)tl, t); i = 2000; break; }
    }
  }
  checks++;
}


/* A slow matcher: fold, collapse spaces, compare at every position. */
typedef struct Ref { long id; size_t start, stop; } Ref;

static int ref_cmp (const void *a, const void *b) {
  const Ref *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->stop != y->stop) return x->stop > y->stop ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static size_t ref_scan (const char **pats, size_t np, const char *text,
                        size_t len, Ref *out) {
  char *f = malloc(len * 4 + 1);
  size_t *orig = malloc((len * 4 + 1) * sizeof(size_t));
  size_t *oend = malloc((len * 4 + 1) * sizeof(size_t));
  int *word = malloc((len * 4 + 1) * sizeof(int)), prevsp = 0;
  size_t fl = 0, i = 0, nout = 0, p;
  while (i < len) {
    size_t st = i;
    char b[4];
    int k = sinorus_fold_char(text, len, &i, b), j, w;
    if (k == 0) continue;
    if (k == 1 && (b[0] == ' ' || (b[0] >= '\t' && b[0] <= '\r'))) {
      if (prevsp) continue;
      prevsp = 1;
      b[0] = ' ';
    }
    else prevsp = 0;
    w = sinorus_is_word(b, k);
    for (j = 0; j < k; j++) {
      f[fl] = b[j]; orig[fl] = st; oend[fl] = i; word[fl] = w; fl++;
    }
  }
  for (p = 0; p < np; p++) {
    char pf[256];
    size_t pl = sinorus_fold(pats[p], strlen(pats[p]), pf, sizeof pf), s;
    size_t q = 0, r;
    int wf, wl;
    for (r = 0; r < pl; r++) {              /* collapse and trim */
      char c = pf[r];
      if (c == ' ' || (c >= '\t' && c <= '\r')) { if (q > 0 && pf[q - 1] != ' ') pf[q++] = ' '; }
      else pf[q++] = c;
    }
    if (q > 0 && pf[q - 1] == ' ') q--;
    pl = q;
    if (pl == 0) continue;
    wf = sinorus_is_word(pf, 1 + ((unsigned char)pf[0] >= 0xC0) + ((unsigned char)pf[0] >= 0xE0)
                                + ((unsigned char)pf[0] >= 0xF0));
    r = pl - 1;
    while (r > 0 && ((unsigned char)pf[r] & 0xC0) == 0x80) r--;
    wl = sinorus_is_word(pf + r, (int)(pl - r));
    for (s = 0; s + pl <= fl; s++) {
      size_t e = s + pl;
      if (memcmp(f + s, pf, pl) != 0) continue;
      if (wf && s > 0 && word[s - 1]) continue;
      if (wl && e < fl && word[e]) continue;
      out[nout].id = (long)p;
      out[nout].start = orig[s];
      out[nout].stop = oend[e - 1];
      nout++;
    }
  }
  qsort(out, nout, sizeof *out, ref_cmp);
  free(f); free(orig); free(oend); free(word);
  return nout;
}


static void test_match (const char *text, size_t len) {
  static const char *pats[] = {
    "China", "Chinese", "Beijing", "Russia", "Russian", "Moscow", "Kremlin",
    "U.S.", "NATO", "Ukraine", "Kiev", "Putin", "Xi Jinping", "Sino-Russian",
    "Wang Yi", "Taiwan", "UN Security Council", "Security Council", "EU",
    "Trenin", "Karaganov", "Kolesnikov", "Crimea", "AUKUS", "Central Asia",
    "Skyrizon", "MotorSich", "Belt and Road Initiative", "West", "Western",
    "s", "a", "ss", "\xC3\x9F", "..."
  };
  size_t np = sizeof pats / sizeof pats[0], i, n, nr;
  sinorus_matcher *m = sinorus_matcher_new();
  sinorus_match *got;
  Ref *want;
  for (i = 0; i < np; i++) CHECK(sinorus_matcher_add(m, pats[i], strlen(pats[i]), (long)i) == SINORUS_OK, "add");
  CHECK(sinorus_matcher_add(m, " \xE2\x80\x8B ", 5, 99) == SINORUS_RANGE, "empty pattern");
  CHECK(sinorus_matcher_scan(m, text, len, NULL, 0) == 0, "scan before compile finds nothing");
  CHECK(sinorus_matcher_compile(m) == SINORUS_OK, "compile");
  CHECK(sinorus_matcher_add(m, "x", 1, 1) == SINORUS_ERROR, "add after compile");
  n = sinorus_matcher_scan(m, text, len, NULL, 0);
  got = malloc(n * sizeof *got);
  want = malloc(len * 4 * sizeof *want);
  CHECK(sinorus_matcher_scan(m, text, len, got, n) == n, "same count");
  nr = ref_scan(pats, np, text, len, want);
  CHECK(n == nr, "article: %zu matches, the reference finds %zu", n, nr);
  for (i = 0; i < n && i < nr; i++)
    if (got[i].id != want[i].id || got[i].start != want[i].start || got[i].stop != want[i].stop) {
      CHECK(0, "article match %zu: %ld %zu-%zu, want %ld %zu-%zu", i, got[i].id,
            got[i].start, got[i].stop, want[i].id, want[i].start, want[i].stop);
      break;
    }
  free(got);
  free(want);
  /* random texts over a small alphabet, against the reference */
  for (i = 0; i < 3000; i++) {
    static const char *bits[] = {
      "s", "S", "a", " ", "  ", "\n", "\xC3\x9F", "\xE1\xBA\x9E", "ss", ".", "\xE2\x80\xA6",
      "china", "\xD0\xA1hina", "U.S.", "-", "\xC2\xAD", "\xFF", "\xCC\x81", "Xi", "Jinping",
      "\xC2\xA0", "Russia", "n", "Sino"
    };
    char t[400];
    sinorus_match g[400];
    Ref w[2000];
    size_t tl = 0, parts = 1 + rnd(30), j, gn, wn;
    for (j = 0; j < parts; j++) {
      const char *b = bits[rnd(24)];
      memcpy(t + tl, b, strlen(b));
      tl += strlen(b);
    }
    gn = sinorus_matcher_scan(m, t, tl, g, 400);
    wn = ref_scan(pats, np, t, tl, w);
    for (j = 0; j < gn && j < wn; j++)
      if (g[j].id != w[j].id || g[j].start != w[j].start || g[j].stop != w[j].stop) break;
    if (gn != wn || j < gn) {
      CHECK(0, "random text %.*s: %zu matches, want %zu (first difference at %zu)",
            (int)tl, t, gn, wn, j);
      break;
    }
    /* a short array gets the first matches */
    if (gn > 2) {
      sinorus_match two[2];
      sinorus_matcher_scan(m, t, tl, two, 2);
      if (two[0].start != g[0].start || two[1].start != g[1].start
          || two[1].stop != g[1].stop || two[1].id != g[1].id) {
        CHECK(0, "a short array does not hold the first matches");
        break;
      }
    }
  }
  checks++;
  sinorus_matcher_free(m);
  sinorus_matcher_free(NULL);
}


int main (int argc, char **argv) {
  size_t len;
  const char *path = argc > 1 ? argv[1] : "data/abb-polianskii-2022/article.txt";
  char *text = read_file(path, &len);
  if (text == NULL) {
    fprintf(stderr, "text_test: cannot read %s\n", path);
    return 2;
  }
  test_fold();
  test_segment(text, len);
  test_fts(text, len);
  test_match(text, len);
  free(text);
  printf("text_test: %d checks, %d failed\n", checks, failures);
  return failures ? 1 : 0;
}
