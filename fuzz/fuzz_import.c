/*
** fuzz_import.c: importing arbitrary bytes as a source.
**
** The C part of KB:_add_source (lua/sinorus/init.lua): the input is
** segmented (its first byte chooses plain text or markdown), the source
** and its segments are inserted into an empty knowledge base created
** with SINORUS_OPEN_CREATE | SINORUS_OPEN_EMPTY, the segments are
** indexed in segment_fts with the "sinorus" tokenizer, and a few
** searches are run as KB:search runs them. Each input runs inside a
** savepoint that is rolled back, so the KB stays empty between inputs.
** Checks: every statement succeeds; a segment is found by the query
** that sinorus_query makes of its own text; the FTS5 index passes its
** integrity-check (for inputs whose length is a multiple of 16: the
** check costs twenty times the rest).
**
** Then the same bytes go through sinorus_import (csrc/sn_import.c), the
** C import that KB:_add_source moves to, with a few entities and aliases
** in the KB so that mentions are matched: it must succeed with as many
** segments as sinorus_segment finds, consecutive ids, mentions inside
** their segments, and each of its first segments found by its own text.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "fuzz.h"

#define MAXSEGS 4096
#define QMAX 20000

static char dir[64], path[96];
static sinorus_kb *kb = NULL;
static sqlite3 *db = NULL;
static sqlite3_stmt *ins_source, *ins_piece, *ins_seg, *ins_fts, *search;
static sqlite3_stmt *fts_check, *seg_text, *bad_mentions, *pieces;


static void teardown (void) {
  sqlite3_finalize(ins_source);
  sqlite3_finalize(ins_piece);
  sqlite3_finalize(pieces);
  sqlite3_finalize(ins_seg);
  sqlite3_finalize(ins_fts);
  sqlite3_finalize(search);
  sqlite3_finalize(fts_check);
  sqlite3_finalize(seg_text);
  sqlite3_finalize(bad_mentions);
  sinorus_close(kb);
  unlink(path);
  snprintf(path + strlen(path), 16, "-wal");
  unlink(path);
  path[strlen(path) - 4] = '\0';
  snprintf(path + strlen(path), 16, "-shm");
  unlink(path);
  rmdir(dir);
}


static sqlite3_stmt *prepare (const char *sql) {
  sqlite3_stmt *st = NULL;
  FUZZ_CHECK(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK,
             "prepare %s: %s", sql, sqlite3_errmsg(db));
  return st;
}


static void setup (void) {
  char err[256];
  const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  snprintf(dir, sizeof dir, "%s/sinorus-fuzz-XXXXXX", tmp);
  FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
  snprintf(path, sizeof path, "%s/kb.sqlite", dir);
  FUZZ_CHECK(sinorus_open(path, SINORUS_OPEN_CREATE | SINORUS_OPEN_EMPTY, &kb,
                          err, sizeof err) == SINORUS_OK, "open: %s", err);
  db = sinorus_db(kb);
  sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
  ins_source = prepare("INSERT INTO source (title) VALUES ('fuzz')");
  /* the text in one piece: a layout the schema allows */
  ins_piece = prepare("INSERT INTO source_text (source, start, stop, packed)"
                      " VALUES (?1, 1, length(CAST(?2 AS BLOB)), sinorus_pack(?2))");
  ins_seg = prepare("INSERT INTO segment_row (source, kind, section, parent,"
                    " ord, start, len, duplicate_of, piece) VALUES (?1, ?2,"
                    " ?3, ?4, ?5, ?6, ?7, NULL, ?8)");
  pieces = prepare("SELECT sinorus_unpack(packed) FROM source_text"
                   " WHERE source = ?1 ORDER BY start");
  ins_fts = prepare("INSERT INTO segment_fts (rowid, text) SELECT id, text"
                    " FROM segment WHERE source = ?1");
  search = prepare("SELECT s.id, -bm25(segment_fts),"
                   " snippet(segment_fts, 0, '[', ']', '...', 12)"
                   " FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid"
                   " WHERE segment_fts MATCH ?1 ORDER BY bm25(segment_fts), s.id");
  fts_check = prepare("INSERT INTO segment_fts (segment_fts, rank)"
                      " VALUES ('integrity-check', 1)");
  seg_text = prepare("SELECT text, kind = 'paragraph' FROM segment WHERE id = ?1");
  bad_mentions = prepare("SELECT count(*) FROM mention m JOIN segment s"
                         " ON s.id = m.segment WHERE s.source = ?1 AND"
                         " (m.start < s.start OR m.stop > s.stop OR m.start > m.stop"
                         " OR (s.kind = 'paragraph' AND EXISTS (SELECT 1 FROM"
                         " segment c WHERE c.parent = s.id AND c.start <= m.start"
                         " AND m.stop <= c.stop)))");
  FUZZ_CHECK(sqlite3_exec(db,
    "INSERT INTO entity (id, name, kind) VALUES ('cn', 'China', 'state'),"
    " ('us', 'United States', 'state'), ('ofac', 'OFAC', 'organization');"
    "INSERT INTO alias (entity, alias, folded, ord, script) VALUES"
    " ('cn', 'China', 'china', 1, 'Latn'), ('cn', 'PRC', 'prc', 2, 'Latn'),"
    " ('cn', 'Beijing', 'beijing', 3, 'Latn'),"
    " ('us', 'United States', 'united states', 1, 'Latn'),"
    " ('us', 'U.S.', 'u.s.', 2, 'Latn'), ('us', 'the U.S.', 'the u.s.', 3, 'Latn'),"
    " ('ofac', 'OFAC', 'ofac', 1, 'Latn'), ('ofac', '\xE2\x80\x94', '-', 2, 'Zyyy'),"
    " ('cn', '\xE4\xB8\xAD\xE5\x9B\xBD', '\xE4\xB8\xAD\xE5\x9B\xBD', 4, 'Hani'),"
    " ('cn', '\xD0\x9A\xD0\xB8\xD1\x82\xD0\xB0\xD0\xB9', 'k\xD0\xB8ta\xD0\xB9', 5, 'Cyrl')",
    NULL, NULL, NULL) == SQLITE_OK, "entities: %s", sqlite3_errmsg(db));
  atexit(teardown);
}


/* Steps a statement that returns no rows and resets it. */
static void exec (sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  FUZZ_CHECK(rc == SQLITE_DONE, "%s: %s", what, sqlite3_errmsg(db));
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
}


/* Searches for the translation of q[0..n); returns 1 if row `want` is hit. */
static int find (const char *q, size_t n, sqlite3_int64 want) {
  static char expr[QMAX];
  size_t len = sinorus_query(q, n, expr, sizeof expr);
  int rc, hit = 0;
  if (len == 0) return -1;
  FUZZ_CHECK(len < sizeof expr, "query too long");
  sqlite3_bind_text(search, 1, expr, (int)len, SQLITE_STATIC);
  while ((rc = sqlite3_step(search)) == SQLITE_ROW) {
    (void)sqlite3_column_text(search, 2);
    if (sqlite3_column_int64(search, 0) == want) hit = 1;
  }
  FUZZ_CHECK(rc == SQLITE_DONE, "search '%s': %s", expr, sqlite3_errmsg(db));
  sqlite3_reset(search);
  sqlite3_clear_bindings(search);
  return hit;
}


/* Imports text with sinorus_import and checks what it wrote. */
static void import_c (const char *text, size_t len, int format,
                      const sinorus_seg *segs_c, size_t nseg) {
  sinorus_source src;
  sinorus_imported im;
  size_t i;
  int rc;
  memset(&src, 0, sizeof src);
  src.title = "fuzz";
  src.title_len = 4;
  src.text = text;
  src.len = len;
  src.format = format;
  rc = sinorus_import(kb, &src, &im);
  FUZZ_CHECK(rc == SINORUS_OK, "sinorus_import: %d %s", rc, sinorus_errmsg(kb));
  FUZZ_CHECK(im.segments == sinorus_segment(text, len, format, NULL, 0)
             && (nseg == MAXSEGS || im.segments == nseg),
             "imported %zu segments", im.segments);
  sqlite3_bind_int64(bad_mentions, 1, im.source);
  FUZZ_CHECK(sqlite3_step(bad_mentions) == SQLITE_ROW
             && sqlite3_column_int64(bad_mentions, 0) == 0,
             "mentions outside their segments, or on a paragraph within a sentence");
  sqlite3_reset(bad_mentions);
  /* the pieces, in order, are the text */
  sqlite3_bind_int64(pieces, 1, im.source);
  for (i = 0; (rc = sqlite3_step(pieces)) == SQLITE_ROW; ) {
    size_t n = (size_t)sqlite3_column_bytes(pieces, 0);
    FUZZ_CHECK(i + n <= len && (n == 0 || memcmp(sqlite3_column_blob(pieces, 0),
               text + i, n) == 0), "a piece differs from the text at %zu", i);
    i += n;
  }
  FUZZ_CHECK(rc == SQLITE_DONE && i == len, "the pieces hold %zu of %zu bytes",
             i, len);
  sqlite3_reset(pieces);
  for (i = 0; i < im.segments; i++) {       /* the view gives each text */
    sqlite3_int64 id = im.first_segment + (sqlite3_int64)i;
    const sinorus_seg *s = &segs_c[i];
    sqlite3_bind_int64(seg_text, 1, id);
    FUZZ_CHECK(sqlite3_step(seg_text) == SQLITE_ROW, "segment %lld missing",
               (long long)id);
    FUZZ_CHECK(i >= nseg || ((size_t)sqlite3_column_bytes(seg_text, 0)
               == s->stop - s->start && memcmp(sqlite3_column_text(seg_text, 0),
               text + s->start, s->stop - s->start) == 0),
               "segment %lld: its text differs from the source's bytes",
               (long long)id);
    sqlite3_reset(seg_text);
  }
  for (i = 0; i < im.segments && i < 4; i++) {
    sqlite3_int64 id = im.first_segment + (sqlite3_int64)i;
    const char *t;
    int n, hit;
    sqlite3_bind_int64(seg_text, 1, id);
    FUZZ_CHECK(sqlite3_step(seg_text) == SQLITE_ROW, "segment %lld missing",
               (long long)id);
    t = (const char *)sqlite3_column_text(seg_text, 0);
    n = sqlite3_column_bytes(seg_text, 0);
    /* paragraphs are not indexed: their sentences are */
    hit = sqlite3_column_int(seg_text, 1) ? 1 : find(t, (size_t)n, id);
    FUZZ_CHECK(hit != 0, "imported segment %lld is not found by its own text",
               (long long)id);
    sqlite3_reset(seg_text);
  }
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  static sinorus_seg segs[MAXSEGS];
  static sqlite3_int64 ids[MAXSEGS];
  const char *text;
  size_t len, n, i;
  int format;
  sqlite3_int64 source, piece;
  if (size == 0) return 0;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  if (kb == NULL) setup();
  format = (data[0] & 1) ? SINORUS_TEXT_MARKDOWN : SINORUS_TEXT_PLAIN;
  text = (const char *)data + 1;
  len = size - 1;
  n = sinorus_segment(text, len, format, segs, MAXSEGS);
  if (n > MAXSEGS) n = MAXSEGS;

  FUZZ_CHECK(sqlite3_exec(db, "SAVEPOINT import", NULL, NULL, NULL) == SQLITE_OK,
             "savepoint: %s", sqlite3_errmsg(db));
  exec(ins_source, "insert source");
  source = sqlite3_last_insert_rowid(db);
  sqlite3_bind_int64(ins_piece, 1, source);
  sqlite3_bind_text(ins_piece, 2, text, (int)len, SQLITE_STATIC);
  exec(ins_piece, "insert text");
  piece = sqlite3_last_insert_rowid(db);
  for (i = 0; i < n; i++) {
    const sinorus_seg *s = &segs[i];
    sqlite3_bind_int64(ins_seg, 1, source);
    sqlite3_bind_int(ins_seg, 2, s->kind);   /* SINORUS_SEG_*, as the schema keeps it */
    if (s->section >= 0) sqlite3_bind_int64(ins_seg, 3, ids[s->section]);
    if (s->parent >= 0) sqlite3_bind_int64(ins_seg, 4, ids[s->parent]);
    sqlite3_bind_int64(ins_seg, 5, (sqlite3_int64)i + 1);
    sqlite3_bind_int64(ins_seg, 6, (sqlite3_int64)s->start + 1);
    sqlite3_bind_int64(ins_seg, 7, (sqlite3_int64)(s->stop - s->start));
    sqlite3_bind_int64(ins_seg, 8, piece);
    exec(ins_seg, "insert segment");
    ids[i] = sqlite3_last_insert_rowid(db);
  }
  sqlite3_bind_int64(ins_fts, 1, source);
  exec(ins_fts, "index segments");

  for (i = 0; i < n && i < 8; i++) {        /* a segment finds itself */
    const sinorus_seg *s = &segs[i];
    int hit = find(text + s->start, s->stop - s->start, ids[i]);
    FUZZ_CHECK(hit != 0, "segment %zu '%.*s' is not found by its own text", i,
               (int)(s->stop - s->start), text + s->start);
  }
  find(text, len < 200 ? len : 200, -1);    /* the input as a query */
  find("sanctions \"China Russia\" likel*", 31, -1);
  if (size % 16 == 0)                       /* slow: one input in 16 */
    exec(fts_check, "FTS5 integrity-check");
  FUZZ_CHECK(sqlite3_exec(db, "ROLLBACK TO import", NULL, NULL, NULL) == SQLITE_OK,
             "rollback: %s", sqlite3_errmsg(db));
  import_c(text, len, format, segs, n);
  FUZZ_CHECK(sqlite3_exec(db, "ROLLBACK TO import; RELEASE import", NULL, NULL,
                          NULL) == SQLITE_OK, "rollback: %s", sqlite3_errmsg(db));
  return 0;
}
