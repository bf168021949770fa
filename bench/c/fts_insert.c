/*
** bench/c/fts_insert.c: the baseline of bench/author.lua's import figure:
** the same sentences inserted into a bare FTS5 table from C, in one
** transaction, into a WAL-mode file on the same disk.
**
**   fts_insert DB SENTENCES [TOKENIZER]
**
** SENTENCES holds one sentence a line; TOKENIZER is the tokenize argument
** of the table: "sinorus" (default; words as written), "sinorus cjk english
** russian" (what a new KB declares) or "unicode61". Prints the CPU
** seconds of the inserts and the commit, the bytes of text inserted, the
** wall seconds of the same, the bytes this process wrote to storage by
** the time the database is closed (write_bytes of /proc/self/io; 0 where
** there is none) and the size of the closed database file.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <sqlite3.h>

#include "sinorus.h"

/* CPU time of this process, as Lua's os.clock measures it. */
static double cpu_s (void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time, monotonic. */
static double wall_s (void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The bytes this process has caused to be written to storage. */
static long long written (void) {
  char line[128];
  long long n = 0;
  FILE *f = fopen("/proc/self/io", "r");
  if (f == NULL) return 0;
  while (fgets(line, sizeof line, f) != NULL)
    if (sscanf(line, "write_bytes: %lld", &n) == 1) break;
  fclose(f);
  return n;
}

/* Reads a whole file into a NUL-terminated buffer (exits on failure). */
static char *slurp (const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf;
  long n;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0
      || fseek(f, 0, SEEK_SET) != 0) {
    fprintf(stderr, "fts_insert: cannot read %s\n", path);
    exit(1);
  }
  buf = (char *)malloc((size_t)n + 1);
  if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n) {
    fprintf(stderr, "fts_insert: cannot read %s\n", path);
    exit(1);
  }
  fclose(f);
  buf[n] = '\0';
  *len = (size_t)n;
  return buf;
}

static void check (sqlite3 *db, int rc, const char *what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE) {
    fprintf(stderr, "fts_insert: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
  }
}

int main (int argc, char **argv) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char sql[128];
  const char *tok = argc > 3 ? argv[3] : "sinorus";
  size_t len, bytes = 0;
  char *text, *p, *end;
  double t0, t1, w0, w1;
  struct stat sb;
  if (argc < 3) {
    fprintf(stderr, "usage: fts_insert DB SENTENCES [sinorus|unicode61]\n");
    return 2;
  }
  text = slurp(argv[2], &len);
  remove(argv[1]);
  check(db, sqlite3_open(argv[1], &db), "open");
  check(db, sinorus_register_tokenizer(db), "tokenizer");
  check(db, sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), "wal");
  snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = '%s')",
           tok);
  check(db, sqlite3_exec(db, sql, NULL, NULL, NULL), "create");
  check(db, sqlite3_prepare_v2(db, "INSERT INTO t (text) VALUES (?)", -1, &st, NULL),
        "prepare");
  t0 = cpu_s();
  w0 = wall_s();
  check(db, sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), "begin");
  for (p = text, end = text + len; p < end; ) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    if (n > 0) {
      sqlite3_bind_text(st, 1, p, (int)n, SQLITE_STATIC);
      check(db, sqlite3_step(st), "insert");
      sqlite3_reset(st);
      bytes += n;
    }
    p += n + 1;
  }
  check(db, sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), "commit");
  t1 = cpu_s();
  w1 = wall_s();
  sqlite3_finalize(st);
  sqlite3_close(db);
  printf("%.6f %zu %.6f %lld %lld\n", t1 - t0, bytes, w1 - w0, written(),
         stat(argv[1], &sb) == 0 ? (long long)sb.st_size : 0LL);
  free(text);
  return 0;
}
