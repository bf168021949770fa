/*
** cov_kb_test.c: opening and saving knowledge bases through the C API,
** including every way a file can be refused (sinorus_open, sinorus_save).
** Works in a fresh directory under $TMPDIR (or /tmp) and removes it.
** Prints one line per failure and a summary.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"

#include "check.h"

static char dir[256];
static char err[256];


/* A path in the test directory (a static buffer per slot). */
static const char *at (int slot, const char *name) {
  static char buf[4][320];
  snprintf(buf[slot], sizeof buf[slot], "%s/%s", dir, name);
  return buf[slot];
}

/* Runs sql on path with a plain connection (no sinorus checks). */
static int raw (const char *path, const char *sql) {
  sqlite3 *db = NULL;
  int rc = sqlite3_open(path, &db);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
  sqlite3_close(db);
  return rc;
}

/* Opens path with flags; closes it on success; returns the status. */
static int try_open (const char *path, int flags) {
  sinorus_kb *kb = NULL;
  int rc = sinorus_open(path, flags, &kb, err, sizeof err);
  sinorus_close(kb);
  return rc;
}

/* Makes an empty KB at path (removing what was there). */
static void fresh (const char *path) {
  char side[340];
  unlink(path);
  snprintf(side, sizeof side, "%s-wal", path); unlink(side);
  snprintf(side, sizeof side, "%s-shm", path); unlink(side);
  CHECK(try_open(path, SINORUS_OPEN_CREATE | SINORUS_OPEN_EMPTY) == SINORUS_OK,
        "create %s: %s", path, err);
}


static void test_builtin (void) {
  sinorus_kb *kb = (sinorus_kb *)&err;
  CHECK(sinorus_open(NULL, 0, NULL, err, sizeof err) == SINORUS_RANGE, "NULL out");
  CHECK(sinorus_open(NULL, 0, &kb, NULL, 0) == SINORUS_OK, "built-in");
  CHECK(sinorus_readonly(kb) == 1 && sinorus_path(kb) == NULL
        && sinorus_errmsg(kb)[0] == '\0', "built-in properties");
  CHECK(sinorus_save(kb, NULL) == SINORUS_RANGE, "save to NULL");
  CHECK(sinorus_save(NULL, "x") == SINORUS_RANGE, "save NULL");
  CHECK(sinorus_save(kb, at(0, "copy.sqlite")) == SINORUS_OK, "save: %s",
        sinorus_errmsg(kb));
  CHECK(sinorus_save(kb, at(0, "copy.sqlite")) == SINORUS_OK, "save over a copy");
  CHECK(sinorus_save(kb, at(0, "no/such/dir/x.sqlite")) == SINORUS_IO,
        "save into a missing directory");
  CHECK(strstr(sinorus_errmsg(kb), "no/such/dir") != NULL, "message: %s",
        sinorus_errmsg(kb));
  CHECK(sinorus_save(kb, "relative-never-written/x") == SINORUS_IO,
        "save into a missing relative directory");
  {                                         /* a path without a directory */
    char cwd[512];
    if (getcwd(cwd, sizeof cwd) != NULL && chdir(dir) == 0) {
      CHECK(sinorus_save(kb, "relative.sqlite") == SINORUS_OK, "save relative: %s",
            sinorus_errmsg(kb));
      CHECK(chdir(cwd) == 0, "chdir back");
    }
  }
  sinorus_close(kb);
  sinorus_close(NULL);
  CHECK(try_open(at(0, "copy.sqlite"), SINORUS_OPEN_READONLY) == SINORUS_OK,
        "open the copy: %s", err);
  CHECK(try_open(at(0, "copy.sqlite"), 0) == SINORUS_OK, "open it read-write: %s", err);
}


static void test_missing (void) {
  sinorus_kb *kb = NULL;
  CHECK(try_open(at(0, "missing"), 0) == SINORUS_NOTFOUND, "missing");
  CHECK(strstr(err, "No such file") != NULL, "message: %s", err);
  CHECK(try_open(at(0, "missing"), SINORUS_OPEN_READONLY | SINORUS_OPEN_CREATE)
        == SINORUS_NOTFOUND, "create read-only");
  CHECK(sinorus_open(at(0, "missing"), 0, &kb, NULL, 0) == SINORUS_NOTFOUND
        && kb == NULL, "no message buffer");
  CHECK(try_open(dir, 0) == SINORUS_IO, "a directory");
  CHECK(try_open(at(0, "no/such/dir/kb"), SINORUS_OPEN_CREATE) != SINORUS_OK,
        "create in a missing directory");
  CHECK(try_open(at(0, "full.sqlite"), SINORUS_OPEN_CREATE) == SINORUS_OK,
        "create with the article: %s", err);
}


static void test_refused (void) {
  const char *p = at(1, "kb.sqlite");
  FILE *f;
  sinorus_kb *kb = NULL;

  f = fopen(at(2, "text"), "wb");
  if (f) { fputs("not a database, just some text of some length\n", f); fclose(f); }
  CHECK(try_open(at(2, "text"), SINORUS_OPEN_READONLY) == SINORUS_NOTKB, "text");
  f = fopen(at(2, "empty"), "wb");
  if (f) fclose(f);
  CHECK(try_open(at(2, "empty"), SINORUS_OPEN_READONLY) == SINORUS_NOTKB, "empty");

  unlink(at(2, "plain.sqlite"));
  raw(at(2, "plain.sqlite"), "CREATE TABLE x(y)");
  CHECK(try_open(at(2, "plain.sqlite"), 0) == SINORUS_NOTKB, "no meta");
  raw(at(2, "plain.sqlite"), "CREATE TABLE meta(key, value);"
      "INSERT INTO meta VALUES ('format', 'other')");
  CHECK(try_open(at(2, "plain.sqlite"), 0) == SINORUS_NOTKB, "other format");
  raw(at(2, "plain.sqlite"), "UPDATE meta SET value = 'sinorus'");
  CHECK(try_open(at(2, "plain.sqlite"), 0) == SINORUS_NOTKB, "version 0: %s", err);

  fresh(p);
  raw(p, "PRAGMA user_version = 99");
  CHECK(try_open(p, SINORUS_OPEN_READONLY) == SINORUS_NOTKB
        && strstr(err, "newer") != NULL, "newer: %s", err);

  fresh(p);
  raw(p, "CREATE TRIGGER t AFTER INSERT ON source BEGIN SELECT 1; END");
  CHECK(try_open(p, 0) == SINORUS_NOTKB && strstr(err, "trigger") != NULL,
        "a trigger: %s", err);
  fresh(p);
  raw(p, "CREATE VIEW v AS SELECT 1");
  CHECK(try_open(p, SINORUS_OPEN_READONLY) == SINORUS_NOTKB, "a view: %s", err);

  fresh(p);
  raw(p, "DROP TABLE changelog");
  CHECK(try_open(p, 0) == SINORUS_NOTKB && strstr(err, "changelog") != NULL,
        "a missing table: %s", err);

  fresh(p);                                 /* a damaged page */
  raw(p, "PRAGMA journal_mode = DELETE; INSERT INTO source (title) "
      "VALUES ('t')");
  f = fopen(p, "r+b");
  if (f) {
    char junk[600];
    unsigned char hdr[18];
    long page = 4096;                       /* the header's page size */
    if (fread(hdr, 1, sizeof hdr, f) == sizeof hdr)
      page = hdr[16] == 0 && hdr[17] == 1 ? 65536 : hdr[16] << 8 | hdr[17];
    memset(junk, 0xFF, sizeof junk);
    fseek(f, page * 2 + 8, SEEK_SET);
    fwrite(junk, 1, sizeof junk, f);
    fclose(f);
  }
  CHECK(try_open(p, SINORUS_OPEN_READONLY) == SINORUS_NOTKB, "corrupt: %s", err);

  fresh(p);                                 /* saving */
  CHECK(sinorus_open(p, 0, &kb, err, sizeof err) == SINORUS_OK, "open: %s", err);
  if (kb) {
    sqlite3_exec(sinorus_db(kb), "BEGIN", NULL, NULL, NULL);
    CHECK(sinorus_save(kb, at(2, "copy2")) == SINORUS_ERROR
          && strstr(sinorus_errmsg(kb), "transaction") != NULL, "save in a "
          "transaction: %s", sinorus_errmsg(kb));
    sqlite3_exec(sinorus_db(kb), "COMMIT", NULL, NULL, NULL);
    CHECK(sinorus_save(kb, p) == SINORUS_OK, "save in place: %s", sinorus_errmsg(kb));
    CHECK(sinorus_readonly(kb) == 0 && strcmp(sinorus_path(kb), p) == 0, "props");
    chmod(at(2, "copy2"), 0600);
    CHECK(sinorus_save(kb, at(2, "copy2")) == SINORUS_OK, "save a copy");
    {                                       /* the KB's own files are refused */
      char side[400];
      int k;
      static const char *const suffix[] = { "-wal", "-shm", "-journal" };
      for (k = 0; k < 3; k++) {
        snprintf(side, sizeof side, "%s%s", p, suffix[k]);
        CHECK(sinorus_save(kb, side) == SINORUS_ERROR
              && strstr(sinorus_errmsg(kb), "of the open knowledge base") != NULL,
              "save onto %s: %s", suffix[k], sinorus_errmsg(kb));
      }
      CHECK(mkfifo(at(3, "fifo"), 0600) == 0, "mkfifo");
      CHECK(sinorus_save(kb, at(3, "fifo")) == SINORUS_IO
            && strstr(sinorus_errmsg(kb), "not a regular file") != NULL,
            "save onto a FIFO: %s", sinorus_errmsg(kb));
      unlink(at(3, "fifo"));
    }
    sinorus_close(kb);
  }
  CHECK(sinorus_open(p, SINORUS_OPEN_READONLY, &kb, err, sizeof err) == SINORUS_OK,
        "open read-only: %s", err);
  if (kb) {
    CHECK(sinorus_save(kb, p) == SINORUS_OK, "save read-only in place");
    sinorus_close(kb);
  }
}


/* The first row's text of sql on db, in out (empty when none). */
static void first_text (sqlite3 *db, const char *sql, char *out, size_t len) {
  sqlite3_stmt *st = NULL;
  out[0] = '\0';
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK
      && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
    snprintf(out, len, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
}


/* A host's own connection to a KB file reads the view segment (the text
** is packed since schema version 6) once it registers the functions. */
static void test_register_text (void) {
  const char *p = at(0, "text.sqlite");
  static const char text[] = "China will likely buy gas. Moscow agreed.";
  sinorus_source src;
  sinorus_kb *kb = NULL;
  sqlite3 *db = NULL;
  char got[128];
  CHECK(sinorus_register_text(NULL) == SINORUS_RANGE, "register on NULL");
  fresh(p);
  CHECK(sinorus_open(p, 0, &kb, err, sizeof err) == SINORUS_OK, "open: %s", err);
  memset(&src, 0, sizeof src);
  src.title = "t";
  src.title_len = 1;
  src.text = text;
  src.len = sizeof text - 1;
  src.format = SINORUS_TEXT_PLAIN;
  CHECK(kb != NULL && sinorus_import(kb, &src, NULL) == SINORUS_OK, "import");
  sinorus_close(kb);
  CHECK(sqlite3_open_v2(p, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK, "raw open");
  first_text(db, "SELECT text FROM segment WHERE kind = 'sentence' ORDER BY id", got,
             sizeof got);
  CHECK(got[0] == '\0' && strstr(sqlite3_errmsg(db), "sinorus_unpack") != NULL,
        "without the functions: %s", sqlite3_errmsg(db));
  CHECK(sinorus_register_text(db) == SINORUS_OK, "register");
  first_text(db, "SELECT text FROM segment WHERE kind = 'sentence' ORDER BY id", got,
             sizeof got);
  CHECK(strcmp(got, "China will likely buy gas.") == 0, "first sentence: '%s'", got);
  first_text(db, "SELECT sinorus_unpack(sinorus_pack('abc'))", got, sizeof got);
  CHECK(strcmp(got, "abc") == 0, "pack and unpack: '%s'", got);
  sqlite3_close(db);
}


int main (void) {
  const char *tmp = getenv("TMPDIR");
  snprintf(dir, sizeof dir, "%s/sinorus-cov-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp(dir) == NULL) { perror("mkdtemp"); return 1; }
  test_builtin();
  test_missing();
  test_refused();
  test_register_text();
  printf("cov_kb_test: %d checks, %d failed\n", checks, failures);
  {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  }
  return failures != 0;
}
