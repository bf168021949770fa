/*
** fuzz_open.c: opening arbitrary bytes as a knowledge base.
**
** The input is written to a temporary file and opened with sinorus_open
** read-only, then read-write; whatever opens is read the way the Lua
** layer reads it (counts, the metadata, a full-text search with
** snippets). The same bytes are also loaded with sqlite3_deserialize into
** a connection with the tokenizer and the same reads. Nothing may crash
** or leak; errors are fine. A handle that fails to open must be NULL
** with a message.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "fuzz.h"

static char dir[64], path[96], side[112];


static void cleanup (void) {
  static const char *const ext[] = { "-wal", "-shm", "-journal", NULL };
  int i;
  unlink(path);
  for (i = 0; ext[i]; i++) {
    snprintf(side, sizeof side, "%s%s", path, ext[i]);
    unlink(side);
  }
}

static void remove_dir (void) {
  cleanup();
  rmdir(dir);
}


static void setup (void) {
  const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
  snprintf(dir, sizeof dir, "%s/sinorus-fuzz-XXXXXX", tmp);
  FUZZ_CHECK(mkdtemp(dir) != NULL, "mkdtemp failed");
  snprintf(path, sizeof path, "%s/kb.sqlite", dir);
  atexit(remove_dir);
}


/* Runs every statement of sql to its end, ignoring rows and errors. */
static void read_all (sqlite3 *db) {
  static const char *const sql[] = {
    "SELECT count(*) FROM source",
    "SELECT id, kind, start, stop, text FROM segment ORDER BY id LIMIT 50",
    "SELECT key, value FROM meta",
    "SELECT s.id, snippet(segment_fts, 0, '[', ']', '...', 8), bm25(segment_fts)"
    " FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid"
    " WHERE segment_fts MATCH '\"sanctions\" \"china\"*' LIMIT 20",
    "SELECT count(*) FROM entity JOIN alias ON alias.entity = entity.id",
    "PRAGMA quick_check(5)",
    NULL
  };
  int i;
  for (i = 0; sql[i]; i++) {
    sqlite3_stmt *st = NULL;
    int steps = 0;
    if (sqlite3_prepare_v2(db, sql[i], -1, &st, NULL) == SQLITE_OK)
      while (steps++ < 1000 && sqlite3_step(st) == SQLITE_ROW) {
        int c, nc = sqlite3_column_count(st);
        for (c = 0; c < nc; c++) (void)sqlite3_column_text(st, c);
      }
    sqlite3_finalize(st);
  }
}


static void try_open (int flags) {
  char err[256];
  sinorus_kb *kb = (sinorus_kb *)&err;      /* must be set to NULL on failure */
  int rc;
  memset(err, 'x', sizeof err);
  rc = sinorus_open(path, flags, &kb, err, sizeof err);
  if (rc != SINORUS_OK) {
    FUZZ_CHECK(kb == NULL, "failed open left a handle");
    FUZZ_CHECK(memchr(err, '\0', sizeof err) != NULL && err[0] != '\0',
               "failed open without a message (status %d)", rc);
    FUZZ_CHECK(rc != SINORUS_NOTFOUND, "existing file not found: %s", err);
    return;
  }
  FUZZ_CHECK(sinorus_readonly(kb) == ((flags & SINORUS_OPEN_READONLY) != 0),
             "read-only flag lost");
  FUZZ_CHECK(strcmp(sinorus_path(kb), path) == 0, "path lost");
  read_all(sinorus_db(kb));
  if (!(flags & SINORUS_OPEN_READONLY))     /* a write the import would do */
    sqlite3_exec(sinorus_db(kb), "INSERT INTO segment_fts (segment_fts) "
                 "VALUES ('integrity-check')", NULL, NULL, NULL);
  sinorus_close(kb);
}


static void try_deserialize (const uint8_t *data, size_t size) {
  sqlite3 *db = NULL;
  unsigned char *copy;
  if (size == 0) return;
  if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE
                      | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return;
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)0);
  FUZZ_CHECK(sinorus_register_tokenizer(db) == SINORUS_OK, "no tokenizer");
  copy = sqlite3_malloc64(size);
  if (copy) {
    memcpy(copy, data, size);
    if (sqlite3_deserialize(db, "main", copy, (sqlite3_int64)size,
                            (sqlite3_int64)size, SQLITE_DESERIALIZE_FREEONCLOSE
                            | SQLITE_DESERIALIZE_RESIZEABLE) == SQLITE_OK) {
      read_all(db);
      sqlite3_exec(db, "INSERT INTO segment_fts (segment_fts) "
                   "VALUES ('integrity-check')", NULL, NULL, NULL);
    }
  }
  FUZZ_CHECK(sqlite3_close(db) == SQLITE_OK, "close: statements left open");
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  FILE *f;
  if (size > 1 << 20) return 0;
  if (dir[0] == '\0') setup();
  cleanup();
  f = fopen(path, "wb");
  FUZZ_CHECK(f != NULL, "cannot write %s", path);
  if (size) FUZZ_CHECK(fwrite(data, 1, size, f) == size, "short write");
  fclose(f);
  try_open(SINORUS_OPEN_READONLY);
  try_open(0);
  cleanup();
  try_deserialize(data, size);
  return 0;
}
