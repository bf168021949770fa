/*
** cov_import_test.c: sinorus_import through the C API, on the cases its
** contract in include/sinorus.h names: refused arguments, a read-only
** KB, an alias that folds to nothing, duplicate segments, many mentions
** (more than one batch), NULL out, and a caller's transaction. Works in
** a fresh directory under $TMPDIR (or /tmp). Prints one line per failure.
*/
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"

#include "check.h"

static char err[256];


static sqlite3_int64 count (sinorus_kb *kb, const char *sql) {
  sqlite3_stmt *st = NULL;
  sqlite3_int64 n = -1;
  if (sqlite3_prepare_v2(sinorus_db(kb), sql, -1, &st, NULL) == SQLITE_OK
      && sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

static void source (sinorus_source *s, const char *text, int format) {
  memset(s, 0, sizeof *s);
  s->title = "t";
  s->title_len = 1;
  s->text = text;
  s->len = strlen(text);
  s->format = format;
}


int main (void) {
  char dir[256], path[300], *big;
  const char *tmp = getenv("TMPDIR");
  sinorus_kb *kb = NULL, *ro = NULL;
  sinorus_source s;
  sinorus_imported im;
  size_t i;
  snprintf(dir, sizeof dir, "%s/sinorus-cov-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp(dir) == NULL) { perror("mkdtemp"); return 1; }
  snprintf(path, sizeof path, "%s/kb.sqlite", dir);
  CHECK(sinorus_open(path, SINORUS_OPEN_CREATE | SINORUS_OPEN_EMPTY, &kb, err,
                     sizeof err) == SINORUS_OK, "create: %s", err);
  if (kb == NULL) return 1;

  source(&s, "x", SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(NULL, &s, &im) == SINORUS_RANGE, "NULL kb");
  CHECK(sinorus_import(kb, NULL, &im) == SINORUS_RANGE, "NULL src");
  s.title = NULL;
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_RANGE, "NULL title");
  s.title = "t";
  s.text = NULL;
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_RANGE, "NULL text");
  source(&s, "x", 7);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_RANGE
        && sinorus_errmsg(kb)[0] != '\0', "format 7");

  CHECK(sinorus_open(path, SINORUS_OPEN_READONLY, &ro, err, sizeof err) == SINORUS_OK,
        "open read-only: %s", err);
  source(&s, "x", SINORUS_TEXT_PLAIN);
  if (ro) {
    CHECK(sinorus_import(ro, &s, &im) == SINORUS_READONLY,
          "read-only");
    sinorus_close(ro);
  }

  /* no entities yet: segments only; duplicates; NULL out; all fields */
  source(&s, "Same line.\nSame line.\n\n# H\n\nSame line.", SINORUS_TEXT_MARKDOWN);
  s.authors = "[\"A\"]"; s.authors_len = 5;
  s.outlet = "o"; s.outlet_len = 1;
  s.published = "2024-01-01"; s.published_len = 10;
  s.url = "u"; s.url_len = 1;
  s.doi = "d"; s.doi_len = 1;
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_OK, "import: %s", sinorus_errmsg(kb));
  CHECK(count(kb, "SELECT count(*) FROM segment WHERE duplicate_of IS NOT NULL") > 0,
        "duplicates marked");
  source(&s, "Plain text.", SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(kb, &s, NULL) == SINORUS_OK, "NULL out");
  source(&s, "", SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_OK
        && im.segments == 0, "empty text: %s", sinorus_errmsg(kb));

  /* entities: many mentions, more than a batch */
  CHECK(sqlite3_exec(sinorus_db(kb),
        "INSERT INTO entity (id, name, kind) VALUES ('cn', 'China', 'state'),"
        " ('us', 'United States', 'state');"
        "INSERT INTO alias (entity, alias, folded, ord, script) VALUES"
        " ('cn', 'China', 'china', 1, 'Latn'), ('cn', 'PRC', 'prc', 2, 'Latn'),"
        " ('us', 'United States', 'united states', 1, 'Latn'),"
        " ('us', 'U.S.', 'u.s.', 2, 'Latn')",
        NULL, NULL, NULL) == SQLITE_OK, "entities");
  big = malloc(40000);
  if (big == NULL) return 1;
  big[0] = '\0';
  for (i = 0; i < 600; i++)
    strcat(big, i % 7 == 6 ? "China and the U.S. met.\n" : "China, PRC, U.S. ");
  source(&s, big, SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_OK
        /* 515 lines of three mentions, 85 of two; paragraphs are not tagged */
        && im.mentions == 515 * 3 + 85 * 2, "many mentions: %zu (%s)", im.mentions,
        sinorus_errmsg(kb));
  big[0] = '\0';                            /* one line, many mentions */
  for (i = 0; i < 500; i++) strcat(big, "China PRC ");
  source(&s, big, SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_OK
        && im.mentions == 1000, "a crowded segment: %zu (%s)", im.mentions,
        sinorus_errmsg(kb));
  for (i = 0; i < 600; i++)
    strcat(big, i % 7 == 6 ? "China and the U.S. met.\n" : "China, PRC, U.S. ");
  sqlite3_exec(sinorus_db(kb), "BEGIN", NULL, NULL, NULL);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_OK,
        "inside a transaction: %s", sinorus_errmsg(kb));
  sqlite3_exec(sinorus_db(kb), "ROLLBACK", NULL, NULL, NULL);
  free(big);

  /* tagging again (sinorus_tag) gives the rows the import wrote */
  {
    int64_t ids[3];
    size_t before = (size_t)count(kb, "SELECT count(*) FROM mention"), n = 0;
    CHECK(sinorus_tag(NULL, NULL, 0, &n) == SINORUS_RANGE, "tag: NULL kb");
    CHECK(sinorus_tag(kb, NULL, 2, &n) == SINORUS_RANGE
          && strstr(sinorus_errmsg(kb), "no ids") != NULL, "tag: NULL ids: %s",
          sinorus_errmsg(kb));
    CHECK(before > 1000, "mentions before: %zu", before);
    CHECK(sqlite3_exec(sinorus_db(kb), "DELETE FROM mention_pack; DELETE FROM "
                       "mention_posting", NULL, NULL, NULL) == SQLITE_OK
          && count(kb, "SELECT count(*) FROM mention") == 0, "mentions deleted");
    CHECK(sinorus_tag(kb, NULL, 0, &n) == SINORUS_OK && n == before
          && (size_t)count(kb, "SELECT count(*) FROM mention") == before,
          "tag all: %zu of %zu (%s)", n, before, sinorus_errmsg(kb));
    ids[0] = count(kb, "SELECT min(segment) FROM mention");
    ids[1] = -5;                            /* no such segment */
    ids[2] = ids[0];                        /* given twice: tagged once */
    sqlite3_exec(sinorus_db(kb), "DELETE FROM mention_pack; DELETE FROM "
                 "mention_posting", NULL, NULL, NULL);
    n = 0;
    CHECK(sinorus_tag(kb, ids, 3, &n) == SINORUS_OK && n > 0
          && (size_t)count(kb, "SELECT count(*) FROM mention") == n
          && count(kb, "SELECT count(DISTINCT segment) FROM mention") == 1,
          "tag some: %zu (%s)", n, sinorus_errmsg(kb));
    CHECK(sinorus_tag(kb, ids, 0, NULL) == SINORUS_OK, "tag none");
    CHECK(sinorus_open(path, SINORUS_OPEN_READONLY, &ro, err, sizeof err) == SINORUS_OK,
          "open read-only: %s", err);
    if (ro) {
      CHECK(sinorus_tag(ro, NULL, 0, NULL) == SINORUS_READONLY
            && strstr(sinorus_errmsg(ro), "read-only") != NULL, "tag: read-only");
      sinorus_close(ro);
    }
    CHECK(sinorus_tag(kb, NULL, 0, NULL) == SINORUS_OK, "tag all again");
  }

  CHECK(sqlite3_exec(sinorus_db(kb), "INSERT INTO entity (id, name, kind) VALUES"
        " ('z', 'Z', 'state'); INSERT INTO alias VALUES ('z', '\xCC\x81', '', 1, 'Zyyy')",
        NULL, NULL, NULL) == SQLITE_OK, "a bad alias");
  source(&s, "Z.", SINORUS_TEXT_PLAIN);
  CHECK(sinorus_import(kb, &s, &im) == SINORUS_RANGE
        && strstr(sinorus_errmsg(kb), "'z'") != NULL, "an alias folding to nothing: %s",
        sinorus_errmsg(kb));
  CHECK(sinorus_tag(kb, NULL, 0, NULL) == SINORUS_RANGE
        && strstr(sinorus_errmsg(kb), "'z'") != NULL, "tag: an alias folding to nothing: %s",
        sinorus_errmsg(kb));
  sinorus_close(kb);

  printf("cov_import_test: %d checks, %d failed\n", checks, failures);
  {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
  }
  return failures != 0;
}
