/*
** bench/c/baseline.c: the C baselines that bench/core.lua measures
** sinorus against, in the same run and on the same files.
**
**   baseline rows DB SQL N         step through SQL N times; prints ns/row
**   baseline search DB EXPR N      the search query of kb:search, bare;
**                                  prints the median latency in ns
**   baseline spawn N CMD ARGS...   runs a command N times; prints the
**                                  median wall time in ns
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"

/* Wall time, for whole processes. */
static double now_ns (void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* CPU time of this process, as Lua's os.clock measures it. */
static double cpu_ns (void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double (const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median (double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static sqlite3 *open_db (const char *path) {
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                      NULL) != SQLITE_OK
      || sinorus_register_tokenizer(db) != SQLITE_OK
      || sinorus_register_text(db) != SINORUS_OK) {   /* the view segment's text */
    fprintf(stderr, "baseline: %s: %s\n", path, sqlite3_errmsg(db));
    exit(1);
  }
  return db;
}

/* Reads every column of every row, as kb:rows does. */
static int rows (const char *path, const char *sql, int n) {
  sqlite3 *db = open_db(path);
  sqlite3_stmt *st;
  long long count = 0, sink = 0;
  double t0;
  int i, c;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "baseline: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  t0 = cpu_ns();
  for (i = 0; i < n; i++) {
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (c = 0; c < sqlite3_column_count(st); c++) {
        switch (sqlite3_column_type(st, c)) {
          case SQLITE_INTEGER: sink += sqlite3_column_int64(st, c); break;
          case SQLITE_FLOAT: sink += (long long)sqlite3_column_double(st, c); break;
          case SQLITE_NULL: break;
          default: sink += sqlite3_column_bytes(st, c);
        }
      }
      count++;
    }
    sqlite3_reset(st);
  }
  printf("%.3f %lld\n", (cpu_ns() - t0) / (double)count, sink % 2);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}

static const char search_sql[] =
  "SELECT s.id AS segment, s.kind, s.source, s.text, -bm25(segment_fts) AS rank,"
  " snippet(segment_fts, 0, '\xc2\xab', '\xc2\xbb', '\xe2\x80\xa6', 16) AS snippet"
  " FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid"
  " WHERE segment_fts MATCH ?1 AND s.kind <> 'paragraph'"
  " AND s.duplicate_of IS NULL ORDER BY bm25(segment_fts), s.id LIMIT 10";

static int search (const char *path, const char *expr, int n) {
  sqlite3 *db = open_db(path);
  sqlite3_stmt *st;
  double *t = (double *)malloc(sizeof(double) * (size_t)n), t0;
  long long sink = 0;
  int i;
  if (t == NULL) return 1;
  if (sqlite3_prepare_v2(db, search_sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "baseline: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  for (i = 0; i < n; i++) {
    t0 = cpu_ns();
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
      sink += sqlite3_column_int64(st, 0);
      sink += sqlite3_column_bytes(st, 3) + sqlite3_column_bytes(st, 5);
      sink += (long long)sqlite3_column_double(st, 4);
    }
    sqlite3_reset(st);
    t[i] = cpu_ns() - t0;
  }
  printf("%.0f %lld\n", median(t, n), sink % 2);
  free(t);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}

static int spawn (int n, char **argv) {
  double *t = (double *)malloc(sizeof(double) * (size_t)n), t0;
  int i, status;
  if (t == NULL) return 1;
  for (i = 0; i < n; i++) {
    pid_t pid;
    t0 = now_ns();
    pid = fork();
    if (pid == 0) {
      execvp(argv[0], argv);
      _exit(127);
    }
    if (pid < 0 || waitpid(pid, &status, 0) < 0 || status != 0) {
      fprintf(stderr, "baseline: %s failed\n", argv[0]);
      return 1;
    }
    t[i] = now_ns() - t0;
  }
  printf("%.0f\n", median(t, n));
  free(t);
  return 0;
}

int main (int argc, char **argv) {
  if (argc >= 5 && strcmp(argv[1], "rows") == 0)
    return rows(argv[2], argv[3], atoi(argv[4]));
  if (argc >= 5 && strcmp(argv[1], "search") == 0)
    return search(argv[2], argv[3], atoi(argv[4]));
  if (argc >= 4 && strcmp(argv[1], "spawn") == 0)
    return spawn(atoi(argv[2]), argv + 3);
  fprintf(stderr, "usage: baseline rows DB SQL N | search DB EXPR N | "
                  "spawn N CMD ARGS...\n");
  return 2;
}
