/*
** fuzz_query.c: search-query translation (sinorus_query) against FTS5.
**
** Any bytes are translated and the expression run as a MATCH on a small
** in-memory FTS5 table that uses the "sinorus" tokenizer. Checks: the
** translation is NUL-terminated, bounded, the same when cut (a prefix,
** same length), made of quoted words and * only; FTS5 never reports a
** syntax (or any other) error; and the input itself, indexed as a
** document, is found by its own query (tokenizer and translation fold
** and split words the same way).
*/
#include <string.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "fuzz.h"

#define QMAX 20000              /* 64 words of at most 256 bytes, quoted */

static sqlite3 *db = NULL;
static sqlite3_stmt *ins = NULL, *sel = NULL, *hl = NULL;

static const char *const docs[] = {
  "China and Russia signed a \"no limits\" partnership in February 2022.",
  "Secondary sanctions are likely to bite; multi-agent models disagree.",
  "The U.S. Treasury's OFAC listed 13 entities (see [4]).",
  "Caf\xC3\xA9 \xE2\x80\x9Cquotes\xE2\x80\x9D \xD0\xA1\xD0\xA8\xD0\x90 na\xC3\xAFve \xEF\xAC\x81nance",
  NULL
};


static void setup (void) {
  int i, rc;
  rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE
                       | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY, NULL);
  if (rc == SQLITE_OK && sinorus_register_tokenizer(db) != SINORUS_OK) rc = 1;
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(text, "
                      "tokenize = 'sinorus')", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "INSERT INTO t (rowid, text) VALUES (?1, ?2)",
                            -1, &ins, NULL);
  for (i = 0; rc == SQLITE_OK && docs[i]; i++) {
    sqlite3_bind_int(ins, 1, i + 1);
    sqlite3_bind_text(ins, 2, docs[i], -1, SQLITE_STATIC);
    rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(ins);
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH ?1 "
                            "ORDER BY bm25(t)", -1, &sel, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']'), "
                            "snippet(t, 0, '[', ']', '...', 8) FROM t "
                            "WHERE t MATCH ?1", -1, &hl, NULL);
  FUZZ_CHECK(rc == SQLITE_OK, "set-up failed: %s", sqlite3_errmsg(db));
}


/* Runs stmt to the end; returns 1 if rowid `want` was among its rows. */
static int run (sqlite3_stmt *st, const char *expr, size_t n, int want) {
  int rc, found = 0;
  sqlite3_bind_text(st, 1, expr, (int)n, SQLITE_STATIC);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW)
    if (sqlite3_column_int(st, 0) == want) found = 1;
  FUZZ_CHECK(rc == SQLITE_DONE, "MATCH '%s' failed: %s", expr,
             sqlite3_errmsg(db));
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return found;
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  static char expr[QMAX + 1], cut[QMAX + 1];
  const char *q = (const char *)data;
  size_t n, c, i;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  if (db == NULL) setup();
  n = sinorus_query(q, size, expr, sizeof expr);
  FUZZ_CHECK(n < QMAX, "expression of %zu bytes", n);
  FUZZ_CHECK(expr[n] == '\0', "not terminated");
  FUZZ_CHECK(sinorus_query(q, size, NULL, 0) == n, "length changed without out");
  c = size ? data[size - 1] % (n + 1) : 0;
  memset(cut, 0x5A, sizeof cut);
  FUZZ_CHECK(sinorus_query(q, size, cut, c) == n, "length changed when cut");
  FUZZ_CHECK(memcmp(cut, expr, c) == 0, "cut result is not a prefix");
  FUZZ_CHECK(c == n || (unsigned char)cut[c] == 0x5A, "wrote past outlen");
  for (i = 0; i < n; i++) {                 /* quotes, words, *, spaces */
    unsigned char ch = (unsigned char)expr[i];   /* (bare words as typed) */
    FUZZ_CHECK(ch != 0 && (ch >= 0x80 || ch == '"' || ch == '*' || ch == ' '
                           || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z')
                           || (ch >= 'A' && ch <= 'Z')),
               "byte 0x%02x in the expression", ch);
  }
  if (n == 0) return 0;
  sqlite3_exec(db, "SAVEPOINT doc", NULL, NULL, NULL);
  sqlite3_bind_int(ins, 1, 1000);
  sqlite3_bind_text(ins, 2, q, (int)size, SQLITE_STATIC);
  FUZZ_CHECK(sqlite3_step(ins) == SQLITE_DONE, "insert: %s", sqlite3_errmsg(db));
  sqlite3_reset(ins);
  sqlite3_clear_bindings(ins);
  FUZZ_CHECK(run(sel, expr, n, 1000), "the input is not found by its own query "
             "'%s'", expr);
  run(hl, expr, n, -1);
  sqlite3_exec(db, "ROLLBACK TO doc; RELEASE doc", NULL, NULL, NULL);
  return 0;
}
