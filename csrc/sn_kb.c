/*
** sn_kb.c: knowledge-base handles: the built-in image, files, saving.
*/
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "sn_internal.h"

/* A handle belongs to one thread at a time (one Lua state), so its
** connection is opened without SQLite's per-call mutex. */
struct sinorus_kb {
  sqlite3 *db;
  char *path;        /* NULL for the built-in knowledge base */
  char *real;        /* its resolved absolute path (NULL: unknown) */
  int known;         /* dev and ino hold the file's identity */
  unsigned long long dev, ino;
  int readonly;
  int created;       /* this handle created the file and has not imported
                     ** into it yet (sn_kb_take_created) */
  char errmsg[256];
};

/* How long a writer waits for a lock before SINORUS_BUSY, in ms. */
#ifndef SN_BUSY_TIMEOUT
#define SN_BUSY_TIMEOUT 5000
#endif


const char *sinorus_strstatus (int status) {
  switch (status) {
    case SINORUS_OK: return "ok";
    case SINORUS_ERROR: return "error";
    case SINORUS_NOMEM: return "not enough memory";
    case SINORUS_NOTFOUND: return "not found";
    case SINORUS_NOTKB: return "not a sinorus knowledge base";
    case SINORUS_READONLY: return "read-only knowledge base";
    case SINORUS_RANGE: return "argument out of range";
    case SINORUS_BUSY: return "knowledge base is locked";
    case SINORUS_IO: return "input/output error";
    case SINORUS_INTERRUPTED: return "interrupted";
    default: return "unknown status";
  }
}


/* See sn_internal.h. */
void sn_seterr (char *buf, size_t len, const char *fmt, ...) {
  va_list ap;
  if (buf == NULL || len == 0) return;
  va_start(ap, fmt);
  vsnprintf(buf, len, fmt, ap);
  va_end(ap);
}


/* See sn_internal.h. */
int sn_status_of (int rc) {
  switch (rc & 0xff) {
    case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return SINORUS_OK;
    case SQLITE_NOMEM: return SINORUS_NOMEM;
    case SQLITE_NOTADB: case SQLITE_CORRUPT: return SINORUS_NOTKB;
    case SQLITE_READONLY: return SINORUS_READONLY;
    case SQLITE_BUSY: case SQLITE_LOCKED: return SINORUS_BUSY;
    case SQLITE_IOERR: case SQLITE_FULL: case SQLITE_CANTOPEN: return SINORUS_IO;
    default: return SINORUS_ERROR;
  }
}


/* Runs one statement that returns a single integer (or -1). */
static int query_int (sqlite3 *db, const char *sql, sqlite3_int64 *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      *out = sqlite3_column_int64(st, 0);
      rc = SQLITE_OK;
    }
    else if (rc == SQLITE_DONE) {
      *out = -1;
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(st);
  return rc;
}


/*
** Schema versions and migration.
**
** SINORUS_SCHEMA_VERSION (sinorus.h) is the version this build writes.
** A file of an older version opened read-write is migrated in one
** transaction by the steps below, in order; a step moves a file from
** version `from` to `from + 1`. A read-only open of an older file is
** refused with a message saying how to migrate it (the Lua layer would
** otherwise meet missing columns half-way through a query). A file of a
** newer version is refused. Each step must keep the tables listed in
** required_tables[] (the tables of the current version).
*/
typedef struct sn_migration {
  int from;           /* the version the step starts from */
  const char *sql;    /* statements run in the migration's transaction */
  int (*run)(sqlite3 *db, char **msg);  /* then: the step's C part (NULL:
                      ** none); returns a SQLite code, *msg from
                      ** sqlite3_mprintf */
  const char *const *redefine;  /* last: tables that take their current
                      ** definition, which differs only in constraints
                      ** and REFERENCES clauses (NULL: none) */
} sn_migration;

/* v2 -> v3: the CHECK constraints of these tables compare a column with
** each allowed value instead of using an IN list (which made SQLite
** build a temporary index for every row it checked). The step takes the
** current definitions, so a table that a later step changes is left to
** that step: ach_item (rebuilt by v3 -> v4 with its current definition)
** and segment (replaced by segment_row, which has the current CHECK). */
static const char *const v3_redefined[] = {
  "entity", "claim", "factor", "relation", "rating", NULL
};


/* The SQLite code of a sinorus status (the reverse of sn_status_of). */
static int sqlite_code_of (int status) {
  switch (status) {
    case SINORUS_OK: return SQLITE_OK;
    case SINORUS_NOMEM: return SQLITE_NOMEM;
    case SINORUS_BUSY: return SQLITE_BUSY;
    case SINORUS_IO: return SQLITE_IOERR;
    default: return SQLITE_ERROR;
  }
}


/* v1 -> v2: paragraphs keep only the mentions that run across two of
** their sentences (the others are the sentences'): the paragraphs are
** tagged again by the import's rules (sn_tag). */
static int migrate_v2_mentions (sqlite3 *db, char **msg) {
  char err[256];
  int st = sn_tag(db, "SELECT id FROM segment WHERE kind = 'paragraph'",
                  NULL, 0, NULL, err, sizeof err);
  if (st != SINORUS_OK) *msg = sqlite3_mprintf("%s", err);
  return sqlite_code_of(st);
}


/*
** The statement of data/schema.sql that starts with head at the start of
** a line ("CREATE VIEW segment "), up to its semicolon (excluded), as
** SQLite keeps it in sqlite_schema.sql; NULL when there is none. *len
** gets its length. The schema's views and tables have no semicolon
** inside.
*/
static const char *schema_statement (const char *head, size_t *len) {
  const char *p = sn_schema_sql, *end;
  size_t hl = strlen(head);
  for (;;) {
    if (strncmp(p, head, hl) == 0) break;
    if ((p = strchr(p, '\n')) == NULL) return NULL;
    p++;
  }
  end = strchr(p, ';');
  *len = end ? (size_t)(end - p) : strlen(p);
  return p;
}


/* Runs the statement of the schema that starts with head. */
static int run_schema_statement (sqlite3 *db, const char *head, char **msg) {
  size_t len;
  const char *def = schema_statement(head, &len);
  char *sql;
  int rc;
  if (def == NULL) {
    *msg = sqlite3_mprintf("the schema has no '%s'", head);
    return SQLITE_ERROR;
  }
  if ((sql = sqlite3_mprintf("%.*s", (int)len, def)) == NULL)
    return SQLITE_NOMEM;
  rc = sqlite3_exec(db, sql, NULL, NULL, msg);
  sqlite3_free(sql);
  return rc;
}


/*
** Version 4's segment_row and view segment, as its schema wrote them: the
** v3 -> v4 step makes them (a file of version 4 is what it leaves, as
** the v4 -> v5 step expects), and a file of version 4 has that view
** (check_views). Frozen: version 5 changed both (data/schema.sql).
*/
static const char v4_segment_row[] =
  "CREATE TABLE segment_row (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  source       INTEGER NOT NULL REFERENCES source(id),\n"
  "  kind         TEXT NOT NULL\n"
  "               CHECK (kind = 'heading' OR kind = 'paragraph' OR kind = 'sentence'\n"
  "                      OR kind = 'reference'),\n"
  "  section      INTEGER REFERENCES segment_row(id),   -- the heading in force\n"
  "  parent       INTEGER REFERENCES segment_row(id),   -- the paragraph of a sentence\n"
  "  ord          INTEGER NOT NULL,                     -- order within the source\n"
  "  start        INTEGER NOT NULL,\n"
  "  stop         INTEGER NOT NULL,\n"
  "  duplicate_of INTEGER REFERENCES segment_row(id),   -- an earlier segment, same text\n"
  "  piece        INTEGER NOT NULL REFERENCES source_text(id),\n"
  "  UNIQUE (source, ord)\n"
  ")";
static const char v4_segment_view[] =
  "CREATE VIEW segment (id, source, kind, section, parent, ord, start, stop,\n"
  "                     duplicate_of, text) AS\n"
  "  SELECT s.id, s.source, s.kind, s.section, s.parent, s.ord, s.start, s.stop,\n"
  "         s.duplicate_of,\n"
  "         CAST(substr(CASE WHEN s.stop <= p.stop THEN CAST(p.text AS BLOB)\n"
  "                          ELSE (SELECT CAST(group_concat(q.text, '') AS BLOB)\n"
  "                                FROM source_text q WHERE q.source = s.source\n"
  "                                AND q.start BETWEEN p.start AND s.stop) END,\n"
  "                     s.start - p.start + 1, s.stop - s.start + 1) AS TEXT)\n"
  "  FROM segment_row s JOIN source_text p ON p.id = s.piece";

/*
** Version 5's source_text (also version 4's), segment_row and view
** segment, as its schema wrote them: the v3 -> v4 and v4 -> v5 steps make
** them (a file of version 5 is what they leave, as the v5 -> v6 step
** expects), and a file of version 5 has that view (check_views). Frozen:
** version 6 changed all three (data/schema.sql).
*/
static const char v5_source_text[] =
  "CREATE TABLE source_text (\n"
  "  id     INTEGER PRIMARY KEY,\n"
  "  source INTEGER NOT NULL REFERENCES source(id),\n"
  "  start  INTEGER NOT NULL,\n"
  "  stop   INTEGER NOT NULL,   -- its last byte (start - 1 when empty)\n"
  "  text   TEXT NOT NULL,\n"
  "  UNIQUE (source, start)\n"
  ")";
static const char v5_segment_row[] =
  "CREATE TABLE segment_row (\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  source       INTEGER NOT NULL REFERENCES source(id),\n"
  "  kind         INTEGER NOT NULL\n"
  "               CHECK (kind = 1 OR kind = 2 OR kind = 3 OR kind = 4),\n"
  "  section      INTEGER REFERENCES segment_row(id),   -- the heading in force\n"
  "  parent       INTEGER REFERENCES segment_row(id),   -- the paragraph of a sentence\n"
  "  ord          INTEGER NOT NULL,                     -- order within the source\n"
  "  start        INTEGER NOT NULL,\n"
  "  len          INTEGER NOT NULL,                     -- bytes (stop = start + len - 1)\n"
  "  duplicate_of INTEGER REFERENCES segment_row(id),   -- an earlier segment, same text\n"
  "  piece        INTEGER NOT NULL REFERENCES source_text(id),\n"
  "  UNIQUE (source, ord)\n"
  ")";
static const char v5_segment_view[] =
  "CREATE VIEW segment (id, source, kind, section, parent, ord, start, stop,\n"
  "                     duplicate_of, text) AS\n"
  "  SELECT s.id, s.source,\n"
  "         CASE s.kind WHEN 1 THEN 'heading' WHEN 2 THEN 'paragraph'\n"
  "                     WHEN 3 THEN 'sentence' WHEN 4 THEN 'reference' END,\n"
  "         s.section, s.parent, s.ord, s.start, s.start + s.len - 1,\n"
  "         s.duplicate_of,\n"
  "         CAST(substr(CASE WHEN s.start + s.len - 1 <= p.stop THEN CAST(p.text AS BLOB)\n"
  "                          ELSE (SELECT CAST(group_concat(q.text, '') AS BLOB)\n"
  "                                FROM source_text q WHERE q.source = s.source\n"
  "                                AND q.start BETWEEN p.start AND s.start + s.len - 1) END,\n"
  "                     s.start - p.start + 1, s.len) AS TEXT)\n"
  "  FROM segment_row s JOIN source_text p ON p.id = s.piece";

/*
** Versions 5 and 6's mention_row, its index by entity and the view
** mention, as their schemas wrote them: the v4 -> v5 step makes them (a
** file of version 6 is what the steps leave, as the v6 -> v7 step
** expects), and a file of version 5 or 6 has that view (check_views).
** Frozen: version 7 packs mentions (data/schema.sql, sn_mention.c).
*/
static const char v6_mention_row[] =
  "CREATE TABLE mention_row (\n"
  "  segment INTEGER NOT NULL REFERENCES segment_row(id),\n"
  "  entity  INTEGER NOT NULL REFERENCES entity_key(id),\n"
  "  start   INTEGER NOT NULL,    -- bytes from the segment's start (0: its first)\n"
  "  len     INTEGER NOT NULL,    -- bytes\n"
  "  PRIMARY KEY (segment, entity, start)\n"
  ") WITHOUT ROWID";
static const char v6_mention_by_entity[] =
  "CREATE INDEX mention_by_entity ON mention_row(entity, segment)";
static const char v6_mention_view[] =
  "CREATE VIEW mention (segment, entity, start, stop) AS\n"
  "  SELECT m.segment, k.entity, s.start + m.start, s.start + m.start + m.len - 1\n"
  "  FROM mention_row m JOIN entity_key k ON k.id = m.entity\n"
  "  JOIN segment_row s ON s.id = m.segment";

/*
** Cuts the text of every source into pieces (source_text), as the import
** does, by the segments of the version 3 table segment_v3.
*/
static int store_pieces (sqlite3 *db, char **msg) {
  sqlite3_stmt *src = NULL, *segs = NULL, *ins = NULL;
  sinorus_seg *seg = NULL;
  size_t *cuts = NULL, cap = 0;
  int rc;
  rc = sqlite3_prepare_v2(db, "SELECT id, text FROM source ORDER BY id", -1,
                          &src, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT start, stop, parent, id "
                            "FROM segment_v3 WHERE source = ?1 ORDER BY ord",
                            -1, &segs, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "INSERT INTO source_text (source, start, "
                            "stop, text) VALUES (?1, ?2, ?3, ?4)", -1, &ins,
                            NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(src)) == SQLITE_ROW) {
    sqlite3_int64 id = sqlite3_column_int64(src, 0);
    const char *text = (const char *)sqlite3_column_text(src, 1);
    size_t len = (size_t)sqlite3_column_bytes(src, 1), n = 0, ncut, k;
    size_t top = (size_t)-1;
    sqlite3_int64 top_id = 0;
    if (text == NULL) {
      rc = sqlite3_errcode(db) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
      text = "";
      if (rc != SQLITE_OK) break;
    }
    sqlite3_bind_int64(segs, 1, id);
    while ((rc = sqlite3_step(segs)) == SQLITE_ROW) {
      sqlite3_int64 a = sqlite3_column_int64(segs, 0);
      sqlite3_int64 b = sqlite3_column_int64(segs, 1);
      if (a < 1 || b < a - 1 || (sqlite3_uint64)b > len) {
        *msg = sqlite3_mprintf("segment %lld lies outside the text of its "
                               "source", sqlite3_column_int64(segs, 3));
        rc = SQLITE_ERROR;
        break;
      }
      if (n + 1 >= cap) {
        size_t ncap = cap ? 2 * cap : 1024;
        sinorus_seg *sg = (sinorus_seg *)realloc(seg, ncap * sizeof *seg);
        size_t *ct = sg ? (size_t *)realloc(cuts, (ncap + 1) * sizeof *cuts)
                        : NULL;
        if (sg) seg = sg;
        if (ct == NULL) {
          rc = SQLITE_NOMEM;
          break;
        }
        cuts = ct;
        cap = ncap;
      }
      seg[n].kind = 0;
      seg[n].start = (size_t)(a - 1);
      seg[n].stop = (size_t)b;
      /* the parent as sn_piece_cuts needs it: the index of the last
      ** segment without a parent when it is that one */
      if (sqlite3_column_type(segs, 2) == SQLITE_NULL) {
        seg[n].parent = -1;
        top = n;
        top_id = sqlite3_column_int64(segs, 3);
      }
      else seg[n].parent = top != (size_t)-1
                           && sqlite3_column_int64(segs, 2) == top_id
                           ? (long)top : (long)n;
      seg[n].section = -1;
      n++;
    }
    sqlite3_reset(segs);
    if (rc != SQLITE_DONE) break;
    rc = SQLITE_OK;
    if (cuts == NULL && (cuts = (size_t *)malloc(sizeof *cuts)) == NULL) {
      rc = SQLITE_NOMEM;
      break;
    }
    ncut = sn_piece_cuts(seg, n, len, SN_PIECE_BYTES, cuts);
    for (k = 0; rc == SQLITE_OK && k < ncut; k++) {
      size_t b = k + 1 < ncut ? cuts[k + 1] : len;
      sqlite3_bind_int64(ins, 1, id);
      sqlite3_bind_int64(ins, 2, (sqlite3_int64)cuts[k] + 1);
      sqlite3_bind_int64(ins, 3, (sqlite3_int64)b);
      sqlite3_bind_text64(ins, 4, text + cuts[k], (sqlite3_uint64)(b - cuts[k]),
                          SQLITE_STATIC, SQLITE_UTF8);
      rc = sqlite3_step(ins);
      sqlite3_reset(ins);
      if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_finalize(src);
  sqlite3_finalize(segs);
  sqlite3_finalize(ins);
  free(seg);
  free(cuts);
  return rc;
}


/*
** v3 -> v4, the text stored once: the text of each source moves into
** pieces (source_text), the segment table becomes segment_row (offsets
** and the piece of each segment, ids unchanged, so mentions, evidence,
** codes and the search index stay as they are) and the view segment
** gives the text back, which is checked to be every segment's text
** before the old table goes. The definitions come from data/schema.sql.
*/
static int migrate_v4_text (sqlite3 *db, char **msg) {
  sqlite3_int64 differ = 0;
  int rc = sqlite3_exec(db, "ALTER TABLE segment RENAME TO segment_v3; "
                            "DROP INDEX segment_parent", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v5_source_text, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v4_segment_row, NULL, NULL, msg);
  if (rc == SQLITE_OK) rc = store_pieces(db, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO segment_row (id, source, kind, "
      "section, parent, ord, start, stop, duplicate_of, piece) "
      "SELECT id, source, kind, section, parent, ord, start, stop, "
      "duplicate_of, (SELECT p.id FROM source_text p WHERE p.source = "
      "s.source AND p.start <= s.start ORDER BY p.start DESC LIMIT 1) "
      "FROM segment_v3 s ORDER BY id", NULL, NULL, msg);
  if (rc == SQLITE_OK)  /* (the index on parent went in version 5) */
    rc = sqlite3_exec(db, v4_segment_view, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM segment_v3 o LEFT JOIN segment n "
                       "ON n.id = o.id WHERE n.text IS NOT o.text", &differ);
  if (rc == SQLITE_OK && differ > 0) {
    *msg = sqlite3_mprintf("the text of %lld segments would change",
                           (long long)differ);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP TABLE segment_v3; "
                          "ALTER TABLE source DROP COLUMN text", NULL, NULL, msg);
  return rc;
}

/* v3 -> v4: tables whose definitions change only in REFERENCES clauses
** (segment(id) became segment_row(id)) or lost a column (source.text);
** reference is rebuilt by migrate_v4_records, and mention by the v4 -> v5
** step (migrate_v5_storage), which replaces the table. */
static const char *const v4_redefined[] = {
  "source", "evidence", "quote", "code", NULL
};

/*
** v4 -> v5, import formats: the pages of paged sources (source_page),
** the text hashes kb:import tells a document imported before by
** (source_hash, filled by kb:import itself) and the view segment_page.
** Touches only these; the definitions come from data/schema.sql.
*/
static int migrate_v5_formats (sqlite3 *db, char **msg) {
  static const char *const heads[] = {
    "CREATE TABLE source_page ", "CREATE TABLE source_hash ",
    "CREATE INDEX source_hash_hash ", "CREATE VIEW segment_page ", NULL
  };
  int rc = SQLITE_OK, i;
  for (i = 0; rc == SQLITE_OK && heads[i] != NULL; i++)
    rc = run_schema_statement(db, heads[i], msg);
  return rc;
}

/*
** v4 -> v5, storage, the segments: segment_row is made again with the
** kind as its number and the length for the stop (ids and every other
** column as they were), and the view segment is replaced by version 5's,
** which gives the same rows: the kind and stop of every segment are
** checked (its text is a cut of the same piece at the same offsets). The
** search index is left as it is (its content, the view, is unchanged).
** The old table is renamed with legacy_alter_table on, so that the
** REFERENCES clauses of the other tables keep naming segment_row.
*/
static int migrate_v5_segments (sqlite3 *db, char **msg) {
  sqlite3_int64 differ = 0;
  int rc = sqlite3_exec(db, "CREATE TEMP TABLE sn_segment_v4 AS "
                            "SELECT id, kind, stop FROM segment; "
                            "DROP VIEW segment; PRAGMA legacy_alter_table = ON; "
                            "ALTER TABLE segment_row RENAME TO segment_row_v4; "
                            "PRAGMA legacy_alter_table = OFF", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v5_segment_row, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO segment_row (id, source, kind, section, "
      "parent, ord, start, len, duplicate_of, piece) SELECT id, source, "
      "CASE kind WHEN 'heading' THEN 1 WHEN 'paragraph' THEN 2 "
      "WHEN 'sentence' THEN 3 WHEN 'reference' THEN 4 END, section, parent, "
      "ord, start, stop - start + 1, duplicate_of, piece FROM segment_row_v4 "
      "ORDER BY id; DROP TABLE segment_row_v4", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v5_segment_view, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM temp.sn_segment_v4 o LEFT JOIN "
                       "segment n ON n.id = o.id WHERE n.kind IS NOT o.kind OR "
                       "n.stop IS NOT o.stop", &differ);
  if (rc == SQLITE_OK && differ > 0) {
    *msg = sqlite3_mprintf("%lld segments would change", (long long)differ);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP TABLE temp.sn_segment_v4", NULL, NULL, msg);
  return rc;
}


/*
** v4 -> v5, storage: mentions move from the table mention into
** mention_row (an integer key per entity, in entity_key, and the span as
** an offset from the segment's start and a length), the view mention
** gives them back, and is checked to give every mention of the old table
** before that goes; the index on segment_row.parent goes (a paragraph's
** sentences follow it in order of id). The definitions come from
** data/schema.sql. Touches no other topic's table.
*/
static int migrate_v5_storage (sqlite3 *db, char **msg) {
  sqlite3_int64 old = 0, missing = 0;
  int rc = migrate_v5_segments(db, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "ALTER TABLE mention RENAME TO mention_v4; "
                            "DROP INDEX IF EXISTS mention_entity; "
                            "DROP INDEX IF EXISTS segment_parent", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE TABLE entity_key ", msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v6_mention_row, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO entity_key (entity) SELECT DISTINCT "
      "entity FROM mention_v4 ORDER BY entity; "
      "INSERT OR IGNORE INTO mention_row (segment, entity, start, len) "
      "SELECT m.segment, k.id, m.start - s.start, m.stop - m.start + 1 "
      "FROM mention_v4 m JOIN entity_key k ON k.entity = m.entity "
      "JOIN segment_row s ON s.id = m.segment ORDER BY 1, 2, 3", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v6_mention_by_entity, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, v6_mention_view, NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM mention_v4", &old);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM mention_v4 o WHERE NOT EXISTS "
                       "(SELECT 1 FROM mention n WHERE n.segment = o.segment "
                       "AND n.entity = o.entity AND n.start = o.start "
                       "AND n.stop = o.stop)", &missing);
  if (rc == SQLITE_OK && missing > 0) {
    *msg = sqlite3_mprintf("%lld of %lld mentions would be lost",
                           (long long)missing, (long long)old);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP TABLE mention_v4", NULL, NULL, msg);
  return rc;
}

/*
** v5 -> v6, storage: each piece of text is packed (source_text.packed,
** a zstd frame), segment_row loses its UNIQUE (source, ord) (its index),
** and the view segment unpacks the pieces. The segments must follow each
** other in order of (source, ord) by id, as every import numbers them,
** since queries order them by id now; a file numbered otherwise is
** refused (and left as it was). Every piece is checked to unpack to its
** old text before the old tables go; segment ids, offsets and the
** pieces' ids stay, so the search index, mentions and every record stay
** as they are. Tables are renamed with legacy_alter_table on, so that
** the REFERENCES clauses of the other tables keep their names. The
** definitions come from data/schema.sql.
*/
static int migrate_v6_storage (sqlite3 *db, char **msg) {
  sqlite3_int64 disorder = 0, differ = 0;
  int rc = query_int(db, "SELECT count(*) FROM (SELECT source, ord, "
                       "lag(source) OVER w AS ps, lag(ord) OVER w AS po "
                       "FROM segment_row WINDOW w AS (ORDER BY id)) "
                       "WHERE source < ps OR (source = ps AND ord <= po)",
                   &disorder);
  if (rc == SQLITE_OK && disorder > 0) {
    *msg = sqlite3_mprintf("%lld segments do not follow the one before in "
                           "order of source and ord", (long long)disorder);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP VIEW segment; PRAGMA legacy_alter_table = ON; "
                          "ALTER TABLE source_text RENAME TO source_text_v5; "
                          "ALTER TABLE segment_row RENAME TO segment_row_v5; "
                          "PRAGMA legacy_alter_table = OFF", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE TABLE source_text ", msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE TABLE segment_row ", msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO source_text (id, source, start, stop, "
      "packed) SELECT id, source, start, stop, sinorus_pack(text) "
      "FROM source_text_v5 ORDER BY id; "
      "INSERT INTO segment_row (id, source, kind, section, parent, ord, "
      "start, len, duplicate_of, piece) SELECT id, source, kind, section, "
      "parent, ord, start, len, duplicate_of, piece FROM segment_row_v5 "
      "ORDER BY id", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM source_text_v5 o LEFT JOIN "
                       "source_text n ON n.id = o.id WHERE n.id IS NULL OR "
                       "CAST(sinorus_unpack(n.packed) AS BLOB) IS NOT "
                       "CAST(o.text AS BLOB)", &differ);
  if (rc == SQLITE_OK && differ > 0) {
    *msg = sqlite3_mprintf("the text of %lld pieces would change",
                           (long long)differ);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP TABLE segment_row_v5; "
                          "DROP TABLE source_text_v5", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE VIEW segment ", msg);
  return rc;
}

/*
** v6 -> v7, storage: mentions packed, a row of mention_pack a segment
** and the posting lists of mention_posting (sn_mention.c), written by
** the import's writer from mention_row in order; the view mention reads
** them through sinorus_mention, and is checked to give every row of
** mention_row, and no other, before mention_row goes. Touches no other
** table.
*/
static int migrate_v7_mentions (sqlite3 *db, char **msg) {
  sqlite3_int64 old = 0, now = 0, missing = 0, prev = 0;
  sqlite3_stmt *st = NULL;
  sn_menw *w = NULL;
  int rc = run_schema_statement(db, "CREATE TABLE mention_pack ", msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE TABLE mention_posting ", msg);
  if (rc == SQLITE_OK) rc = sn_menw_new(db, 0, &w);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT segment, entity, start, len FROM "
                                "mention_row ORDER BY segment, entity, start",
                            -1, &st, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_int64 seg = sqlite3_column_int64(st, 0);
    rc = seg > 0 && seg != prev ? sn_menw_segment(w, seg) : SQLITE_OK;
    if (rc == SQLITE_OK && seg > 0)
      rc = sn_menw_span(w, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
                        sqlite3_column_int64(st, 3));
    if (rc == SQLITE_MISUSE || (rc == SQLITE_OK && seg <= 0)) {
      *msg = sqlite3_mprintf("mention_row has a mention that cannot be (segment "
                             "%lld)", (long long)seg);
      rc = SQLITE_ERROR;
    }
    prev = seg;
  }
  if (rc == SQLITE_DONE) rc = sn_menw_finish(w);
  sqlite3_finalize(st);
  sn_menw_free(w);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP VIEW mention", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE VIRTUAL TABLE sinorus_mention ", msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE VIEW mention ", msg);
  if (rc == SQLITE_OK) rc = query_int(db, "SELECT count(*) FROM mention_row", &old);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM sinorus_mention", &now);
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM (SELECT segment, entity, start, len "
                       "FROM mention_row EXCEPT SELECT segment, entity, start, len "
                       "FROM sinorus_mention)", &missing);
  if (rc == SQLITE_OK && (missing > 0 || now != old)) {
    *msg = sqlite3_mprintf("%lld of %lld mentions would be lost (%lld packed)",
                           (long long)missing, (long long)old, (long long)now);
    rc = SQLITE_ERROR;
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "DROP INDEX mention_by_entity; DROP TABLE mention_row",
                      NULL, NULL, msg);
  return rc;
}

/* v7 -> v8: the table of dictionaries, empty (data/schema.sql). */
static int migrate_v8_dicts (sqlite3 *db, char **msg) {
  return run_schema_statement(db, "CREATE TABLE text_dict ", msg);
}

static const sn_migration migrations[] = {
  /* v1 -> v2: paragraphs leave the search index, and keep only the
  ** mentions that run across two of their sentences (the others are the
  ** sentences'), the index gets its buffer, and
  ** segment_kind goes ((source, ord) serves the same queries) and
  ** segment_parent leaves out the segments that have no parent */
  { 1, "DROP INDEX IF EXISTS segment_kind;"
       "DROP INDEX IF EXISTS segment_parent;"
       "CREATE INDEX segment_parent ON segment(parent) WHERE parent IS NOT NULL;"
       "INSERT INTO segment_fts (segment_fts, rowid, text) "
         "SELECT 'delete', id, text FROM segment WHERE kind = 'paragraph';"
       "INSERT INTO segment_fts (segment_fts, rank) "
         "VALUES ('hashsize', 16777216);", migrate_v2_mentions, NULL },
  { 2, "", NULL, v3_redefined },
  /* v3 -> v4: the text once (migrate_v4_text) and many sources: the
  ** record tables' part is migrate_v4_records(), run after the step */
  { 3, "", migrate_v4_text, v4_redefined },
  /* v4 -> v5: each topic's migrate_v5_<topic>(), run after the step */
  { 4, "", NULL, NULL },
  /* v5 -> v6: the text compressed, no index on (source, ord) */
  { 5, "", migrate_v6_storage, NULL },
  /* v6 -> v7: mentions packed */
  { 6, "", migrate_v7_mentions, NULL },
  /* v7 -> v8: dictionaries for the text (the pieces stay as they are;
  ** imports after it use them) */
  { 7, "", migrate_v8_dicts, NULL },
  { 0, NULL, NULL, NULL }
};

/* The tables every KB of the current schema version has. */
static const char *const required_tables[] = {
  "meta", "source", "source_text", "text_dict", "segment_row", "segment_fts", "entity",
  "alias", "entity_key", "mention_pack", "mention_posting", "sinorus_mention",
  "evidence", "claim", "claim_about", "claim_topic", "factor", "relation",
  "event", "event_actor", "quote", "reference", "question", "hypothesis",
  "ach_item", "rating", "event_source", "item_basis", "rating_reason", "forecast",
  "resolution", "code", "changelog", NULL
};


/* Checks a statement's single text result against "ok"; on anything
** else writes "corrupt knowledge base (...)" and returns SINORUS_NOTKB,
** except that running out of memory (also inside the check, which then
** reports "error code=7") is SINORUS_NOMEM, and a lock SINORUS_BUSY. */
static int check_ok (sqlite3 *db, const char *sql, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL), status = SINORUS_OK;
  if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *res = (const char *)sqlite3_column_text(st, 0);
    if (res == NULL && sqlite3_errcode(db) == SQLITE_NOMEM) {
      sn_seterr(err, errlen, "not enough memory");
      status = SINORUS_NOMEM;
    }
    else if (res != NULL && strstr(res, "error code=7") != NULL) {
      sn_seterr(err, errlen, "not enough memory");
      status = SINORUS_NOMEM;
    }
    else if (res == NULL || strcmp(res, "ok") != 0) {
      sn_seterr(err, errlen, "corrupt knowledge base (%s)",
             res ? res : "integrity check failed");
      status = SINORUS_NOTKB;
    }
  }
  else {
    status = sn_status_of(rc);
    if (status == SINORUS_NOMEM)
      sn_seterr(err, errlen, "not enough memory");
    else
      sn_seterr(err, errlen, "not a sinorus knowledge base (%s)",
             sqlite3_errmsg(db));
    if (status != SINORUS_BUSY && status != SINORUS_NOMEM) status = SINORUS_NOTKB;
  }
  sqlite3_finalize(st);
  return status;
}


/*
** Checks the views of db: a file of the current version has exactly the
** views of the schema, each as the schema writes it (so no view of a
** foreign file runs); a file of version 5 version 5's segment view and
** version 6's mention view, one of version 6 that mention view and the
** schema's segment view; a file of version 4 at most version 4's segment
** view, one older than 4 none. Returns a status and writes a message.
*/
static int check_views (sqlite3 *db, sqlite3_int64 version, char *err,
                        size_t errlen) {
  sqlite3_stmt *st = NULL;
  size_t want = 0, have = 0, len;
  const char *p = sn_schema_sql;
  int rc;
  while ((p = strstr(p, "\nCREATE VIEW ")) != NULL) {
    want++;
    p++;
  }
  if (version < 4) want = 0;
  else if (version == 4) want = 1;
  rc = sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_schema "
                          "WHERE type = 'view'", -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) {
    const char *name = (const char *)sqlite3_column_text(st, 0);
    const char *sql = (const char *)sqlite3_column_text(st, 1);
    char head[80];
    const char *def = NULL;
    if (version == 4) {               /* version 4's own view */
      if (name != NULL && strcmp(name, "segment") == 0) {
        def = v4_segment_view;
        len = sizeof v4_segment_view - 1;
      }
    }
    else if (version == 5 && name != NULL && strcmp(name, "segment") == 0) {
      def = v5_segment_view;          /* version 5's */
      len = sizeof v5_segment_view - 1;
    }
    else if ((version == 5 || version == 6) && name != NULL
             && strcmp(name, "mention") == 0) {
      def = v6_mention_view;          /* versions 5 and 6's */
      len = sizeof v6_mention_view - 1;
    }
    else if (name != NULL && strlen(name) < 60) {
      snprintf(head, sizeof head, "CREATE VIEW %s ", name);
      def = schema_statement(head, &len);
    }
    if (want == 0 || def == NULL || sql == NULL || strlen(sql) != len
        || memcmp(sql, def, len) != 0) {
      sn_seterr(err, errlen, "not a sinorus knowledge base (its schema has "
                "a view sinorus does not define: '%.60s')",
                name ? name : "?");
      sqlite3_finalize(st);
      return SINORUS_NOTKB;
    }
    have++;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    int status = sn_status_of(rc);
    sn_seterr(err, errlen, "not a sinorus knowledge base (%s)",
              sqlite3_errmsg(db));
    return status == SINORUS_BUSY || status == SINORUS_NOMEM ? status
           : SINORUS_NOTKB;
  }
  if (version == SINORUS_SCHEMA_VERSION ? have != want : have > want) {
    sn_seterr(err, errlen, "not a sinorus knowledge base (a view of the "
              "schema is missing)");
    return SINORUS_NOTKB;
  }
  return SINORUS_OK;
}


/*
** Checks the full-text index of a file (issue 21): segment_fts declared
** with the sinorus tokenizer (a table redeclared with another one finds
** nothing, silently), and its virtual table connects (a damaged FTS5
** configuration fails here, with a clear message, not in a later query).
** Returns a status and writes a message on failure.
*/
static int check_fts (sqlite3 *db, char *err, size_t errlen) {
  sqlite3_int64 n = 0;
  int rc = query_int(db, "SELECT count(*) FROM sqlite_schema "
                         "WHERE type = 'table' AND name = 'segment_fts'", &n);
  if (rc == SQLITE_OK && n == 1) {
    /* the declaration, lower case, without blanks, quoted with ' */
    rc = query_int(db, "WITH d(s) AS (SELECT replace(replace(replace("
                       "replace(replace(lower(sql), ' ', ''), char(9), ''), "
                       "char(10), ''), char(13), ''), '\"', '''') "
                       "FROM sqlite_schema WHERE type = 'table' "
                       "AND name = 'segment_fts') "
                       "SELECT count(*) FROM d "
                       "WHERE s LIKE '%tokenize=''sinorus%''%' "
                       "AND length(s) - length(replace(s, 'tokenize', '')) = 8",
                   &n);
    if (rc == SQLITE_OK && n != 1) {
      sn_seterr(err, errlen, "corrupt knowledge base (the full-text index "
                "segment_fts is not declared with the sinorus tokenizer)");
      return SINORUS_NOTKB;
    }
    if (rc == SQLITE_OK)
      rc = query_int(db, "SELECT count(*) FROM segment_fts WHERE rowid = 0",
                     &n);
  }
  if (rc != SQLITE_OK) {
    int st = sn_status_of(rc);
    if (st == SINORUS_NOMEM || st == SINORUS_BUSY) {
      sn_seterr(err, errlen, "%s", sqlite3_errmsg(db));
      return st;
    }
    sn_seterr(err, errlen, "corrupt knowledge base (full-text index: %s)",
              sqlite3_errmsg(db));
    return SINORUS_NOTKB;
  }
  return SINORUS_OK;
}


/*
** Checks that db holds a sinorus KB: the sinorus metadata, a schema
** version no newer than this build's (and, when readonly, not older),
** no triggers and no views but the schema's (a file that brings its own
** is not trusted), every table of the current schema (unless the
** file is older and will be migrated) and, when quick is set, a quick
** integrity check. Writes the file's version to *pversion. Returns a
** status and writes a message on failure.
*/
static int check_kb (sqlite3 *db, int quick, int readonly,
                     sqlite3_int64 *pversion, char *err, size_t errlen) {
  sqlite3_int64 version = 0, format = 0, n = 0;
  int rc = query_int(db, "PRAGMA user_version", &version);
  *pversion = version;
  if (rc == SQLITE_OK)
    rc = query_int(db, "SELECT count(*) FROM sqlite_schema "
                       "WHERE type = 'table' AND name = 'meta'", &format);
  if (rc == SQLITE_OK && format == 1)
    rc = query_int(db, "SELECT count(*) FROM meta "
                       "WHERE key = 'format' AND value = 'sinorus'", &format);
  if (rc != SQLITE_OK && sqlite3_extended_errcode(db) == SQLITE_READONLY_ROLLBACK) {
    /* a write killed mid-way left its rollback journal, which only a
    ** writable connection can play back */
    sn_seterr(err, errlen, "a write to it was interrupted and is to be "
              "rolled back: open it once without readonly");
    return SINORUS_READONLY;
  }
  if (rc != SQLITE_OK) {
    int st = sn_status_of(rc);
    sn_seterr(err, errlen, "not a sinorus knowledge base (%s)",
           sqlite3_errmsg(db));
    return st == SINORUS_NOMEM || st == SINORUS_BUSY ? st : SINORUS_NOTKB;
  }
  if (format != 1) {
    sn_seterr(err, errlen, "not a sinorus knowledge base (no sinorus metadata)");
    return SINORUS_NOTKB;
  }
  if (version > SINORUS_SCHEMA_VERSION) {
    sn_seterr(err, errlen, "knowledge base schema version %lld is newer than "
           "this sinorus supports (%d); upgrade sinorus",
           (long long)version, SINORUS_SCHEMA_VERSION);
    return SINORUS_NOTKB;
  }
  if (version < 1) {
    sn_seterr(err, errlen, "not a sinorus knowledge base (schema version %lld)",
           (long long)version);
    return SINORUS_NOTKB;
  }
  if (version < SINORUS_SCHEMA_VERSION && readonly) {
    sn_seterr(err, errlen, "knowledge base schema version %lld is older than "
           "this sinorus reads (%d); open it once read-write to migrate it",
           (long long)version, SINORUS_SCHEMA_VERSION);
    return SINORUS_NOTKB;
  }
  rc = query_int(db, "SELECT count(*) FROM sqlite_schema "
                     "WHERE type = 'trigger'", &n);
  if (rc == SQLITE_OK && n > 0) {
    sn_seterr(err, errlen, "not a sinorus knowledge base (its schema has "
           "triggers; sinorus files have none)");
    return SINORUS_NOTKB;
  }
  if (rc == SQLITE_OK) {
    int st = check_views(db, version, err, errlen);
    if (st != SINORUS_OK) return st;
  }
  if (rc == SQLITE_OK && version == SINORUS_SCHEMA_VERSION) {
    int i;
    for (i = 0; rc == SQLITE_OK && required_tables[i] != NULL; i++) {
      sqlite3_stmt *st = NULL;
      rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema "
                              "WHERE type = 'table' AND name = ?", -1, &st,
                              NULL);
      if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, required_tables[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
          n = sqlite3_column_int64(st, 0);
          rc = SQLITE_OK;
        }
      }
      sqlite3_finalize(st);
      if (rc == SQLITE_OK && n != 1) {
        sn_seterr(err, errlen, "not a sinorus knowledge base (table '%s' is "
               "missing)", required_tables[i]);
        return SINORUS_NOTKB;
      }
    }
  }
  if (rc != SQLITE_OK) {
    sn_seterr(err, errlen, "not a sinorus knowledge base (%s)",
           sqlite3_errmsg(db));
    return sn_status_of(rc) == SINORUS_BUSY ? SINORUS_BUSY : SINORUS_NOTKB;
  }
  if (quick && (rc = check_fts(db, err, errlen)) != SINORUS_OK) return rc;
  if (quick)
    return check_ok(db, "PRAGMA quick_check(1)", err, errlen);
  return SINORUS_OK;
}


/* The text of the first column of the first row of sql with text arg
** bound, in *out (sqlite3_malloc'd; NULL for no row or NULL). */
static int query_text (sqlite3 *db, const char *sql, const char *arg,
                       char **out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  *out = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      const char *t = (const char *)sqlite3_column_text(st, 0);
      rc = SQLITE_OK;
      if (t != NULL && (*out = sqlite3_mprintf("%s", t)) == NULL)
        rc = SQLITE_NOMEM;
      else if (t == NULL && sqlite3_errcode(db) == SQLITE_NOMEM)
        rc = SQLITE_NOMEM;
    }
    else if (rc == SQLITE_DONE)
      rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}


/* The columns of a table, one text for comparisons. */
#define COLUMNS_SQL \
  "SELECT group_concat(name || ' ' || type || ' ' || \"notnull\" || ' ' || " \
  "ifnull(dflt_value, '-') || ' ' || pk || ' ' || hidden, ', ') " \
  "FROM pragma_table_xinfo(?1)"

/* sinorus_register_tokenizer as an SQLite result code. Past FTS5's
** presence (a failed prepare, which sets db's code) its only failure is
** an allocation failure, which leaves db's code at SQLITE_OK. */
static int register_tokenizer (sqlite3 *db) {
  int e;
  if (sinorus_register_tokenizer(db) == SINORUS_OK) return SQLITE_OK;
  e = sqlite3_errcode(db);
  return e != SQLITE_OK ? e : SQLITE_NOMEM;
}


/* A new in-memory database of the current schema, in *cur (to be closed
** by the caller, also on failure): what a migration compares a file's
** tables with. It has the tokenizer and the module sinorus_mention the
** schema declares its virtual tables with. Returns a SQLite code. */
static int scratch_schema (sqlite3 **cur) {
  int rc = sqlite3_open_v2(":memory:", cur, SQLITE_OPEN_READWRITE
                           | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK) rc = register_tokenizer(*cur);
  if (rc == SQLITE_OK) rc = sqlite_code_of(sinorus_register_text(*cur));
  if (rc == SQLITE_OK) rc = sqlite3_exec(*cur, sn_schema_sql, NULL, NULL, NULL);
  return rc;
}


/*
** Gives each table of db named in tables the definition it has in the
** current schema, by rewriting its SQL in sqlite_schema: SQLite's
** documented way for a change that touches only CHECK constraints, which
** rewrites no row (a segment table of millions of rows migrates at once).
** The current definitions come from the schema built in memory; a table
** whose columns differ from them is refused (SQLITE_ERROR, *msg naming
** the version `from` the step starts from), so this never changes a
** table's layout. Runs inside the caller's transaction; defensive mode
** is off only meanwhile.
*/
static int redefine_tables (sqlite3 *db, const char *const *tables,
                            sqlite3_int64 from, char **msg) {
  sqlite3 *cur = NULL;
  sqlite3_int64 cookie = 0;
  char sql[64];
  int rc, i;
  rc = scratch_schema(&cur);
  if (rc == SQLITE_OK) rc = query_int(db, "PRAGMA schema_version", &cookie);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)0);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "PRAGMA writable_schema = ON", NULL, NULL, msg);
  for (i = 0; rc == SQLITE_OK && tables[i] != NULL; i++) {
    char *def = NULL, *have = NULL, *want = NULL;
    rc = query_text(cur, "SELECT sql FROM sqlite_schema "
                         "WHERE type = 'table' AND name = ?1", tables[i], &def);
    if (rc == SQLITE_OK) rc = query_text(db, COLUMNS_SQL, tables[i], &have);
    if (rc == SQLITE_OK) rc = query_text(cur, COLUMNS_SQL, tables[i], &want);
    if (rc == SQLITE_OK && (def == NULL || have == NULL || want == NULL
                            || strcmp(have, want) != 0)) {
      *msg = sqlite3_mprintf("table '%s' is not as schema version %lld "
                             "expects", tables[i], (long long)from);
      rc = SQLITE_ERROR;
    }
    if (rc == SQLITE_OK) {
      sqlite3_stmt *st = NULL;
      rc = sqlite3_prepare_v2(db, "UPDATE sqlite_schema SET sql = ?1 "
                              "WHERE type = 'table' AND name = ?2", -1, &st,
                              NULL);
      if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, def, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, tables[i], -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
      }
      sqlite3_finalize(st);
    }
    sqlite3_free(def);
    sqlite3_free(have);
    sqlite3_free(want);
  }
  if (rc == SQLITE_OK) {   /* makes SQLite read the schema anew */
    snprintf(sql, sizeof sql, "PRAGMA schema_version = %lld",
             (long long)cookie + 1);
    rc = sqlite3_exec(db, sql, NULL, NULL, msg);
  }
  sqlite3_exec(db, "PRAGMA writable_schema = OFF", NULL, NULL, NULL);
  if (sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0)
      != SQLITE_OK && rc == SQLITE_OK)
    rc = SQLITE_ERROR;
  sqlite3_close_v2(cur);
  return rc;
}


/*
** Gives table `name` of db its current definition (from the schema built
** in memory, `cur`) and fills it anew with `insert`, an INSERT ... SELECT
** from the old rows, which it reads as table temp.sn_old. So the file's
** definition is the very text a new file has. The caller owns the
** transaction; the table must have no index of its own but its key.
*/
static int rebuild_table (sqlite3 *db, sqlite3 *cur, const char *name,
                          const char *insert, char **msg) {
  char *def = NULL, *sql = NULL;
  int rc = query_text(cur, "SELECT sql FROM sqlite_schema "
                           "WHERE type = 'table' AND name = ?1", name, &def);
  if (rc == SQLITE_OK && def == NULL) rc = SQLITE_ERROR;
  if (rc == SQLITE_OK) {
    sql = sqlite3_mprintf("CREATE TEMP TABLE sn_old AS SELECT * FROM \"%w\";"
                          "DROP TABLE \"%w\"; %s; %s; DROP TABLE temp.sn_old;",
                          name, name, def, insert);
    rc = sql ? sqlite3_exec(db, sql, NULL, NULL, msg) : SQLITE_NOMEM;
  }
  sqlite3_free(sql);
  sqlite3_free(def);
  return rc;
}

/* The one ACH question of a version-3 file. Version 3 had no API that
** added hypotheses, so a version-3 file's matrix is the article's: its
** question is the one data/abb-polianskii-2022/kb/hypotheses.lua declares
** (a migration is a frozen step, so the text is repeated here, its quote
** doubled for SQL). */
#define V3_QUESTION_ID "q-china-stance"
#define V3_QUESTION_TEXT "Which stance does China take towards Russia''s " \
  "conduct in the Ukraine crisis?"

/*
** v3 -> v4, the record tables (many sources): a reference is keyed by its
** source and its number (the source of its segment; the first source when
** it has none), and its evidence rows by '<source>:<number>'; the ACH
** matrix belongs to a question (a new table), and the hypotheses and
** items of a version-3 file to the article's question. Runs inside the
** migration's transaction; changes no other table.
*/
static int migrate_v4_records (sqlite3 *db, char **msg) {
  sqlite3 *cur = NULL;
  int rc = scratch_schema(&cur);
  if (rc == SQLITE_OK) {
    char *def = NULL;
    rc = query_text(cur, "SELECT sql FROM sqlite_schema "
                         "WHERE type = 'table' AND name = ?1", "question", &def);
    if (rc == SQLITE_OK && def == NULL) rc = SQLITE_ERROR;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, def, NULL, NULL, msg);
    sqlite3_free(def);
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO question (id, text, ord) SELECT '"
                      V3_QUESTION_ID "', '" V3_QUESTION_TEXT "', 1 WHERE EXISTS "
                      "(SELECT 1 FROM hypothesis) OR EXISTS (SELECT 1 FROM ach_item);"
                      "UPDATE evidence SET record = ifnull((SELECT s.source "
                      "FROM segment s WHERE s.id = evidence.segment), 1) || ':' || "
                      "record WHERE record_type = 'reference';", NULL, NULL, msg);
  if (rc == SQLITE_OK)
    rc = rebuild_table(db, cur, "reference", "INSERT INTO reference (source, id, "
                       "authors, year, title, container, doi, url, segment) SELECT "
                       "ifnull((SELECT s.source FROM segment s WHERE s.id = o.segment), "
                       "1), o.id, o.authors, o.year, o.title, o.container, o.doi, o.url, "
                       "o.segment FROM temp.sn_old o", msg);
  if (rc == SQLITE_OK)
    rc = rebuild_table(db, cur, "hypothesis", "INSERT INTO hypothesis (id, question, "
                       "text, ord) SELECT id, '" V3_QUESTION_ID "', text, ord FROM "
                       "temp.sn_old", msg);
  if (rc == SQLITE_OK)
    rc = rebuild_table(db, cur, "ach_item", "INSERT INTO ach_item (id, question, text, "
                       "credibility, relevance, ord) SELECT id, '" V3_QUESTION_ID "', "
                       "text, credibility, relevance, ord FROM temp.sn_old", msg);
  sqlite3_close_v2(cur);
  return rc;
}


/*
** v3 -> v4, forecasts: creates the new tables event_source, item_basis,
** rating_reason, forecast and resolution with their current definitions
** (a v3 file has no forecast, no event after publication and no dated
** item, so no row moves). Runs inside the migration's transaction; changes no other table.
*/
static int migrate_v4_forecasts (sqlite3 *db, char **msg) {
  static const char *const tables[] = {
    "event_source", "item_basis", "rating_reason", "forecast", "resolution", NULL
  };
  sqlite3 *cur = NULL;
  int i, rc = scratch_schema(&cur);
  for (i = 0; rc == SQLITE_OK && tables[i] != NULL; i++) {
    char *def = NULL;
    rc = query_text(cur, "SELECT sql FROM sqlite_schema "
                         "WHERE type = 'table' AND name = ?1", tables[i], &def);
    if (rc == SQLITE_OK && def == NULL) rc = SQLITE_ERROR;
    if (rc == SQLITE_OK) rc = sqlite3_exec(db, def, NULL, NULL, msg);
    sqlite3_free(def);
  }
  sqlite3_close_v2(cur);
  return rc;
}


/* script(s): sn_script as an SQL function, for the migration. */
static void sql_script (sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *s = (const char *)sqlite3_value_text(argv[0]);
  (void)argc;
  if (s == NULL) { sqlite3_result_null(ctx); return; }
  sqlite3_result_text(ctx, sn_script(s, (size_t)sqlite3_value_bytes(argv[0])),
                      -1, SQLITE_STATIC);
}


/* See sn_internal.h. */
int sn_set_search (sqlite3 *db, const char *args, char **msg) {
  size_t len, i;
  const char *def = schema_statement("CREATE VIRTUAL TABLE segment_fts ", &len);
  const char *tok = def ? strstr(def, "'sinorus") : NULL, *end;
  char *sql;
  int rc;
  if (tok == NULL || tok > def + len || (end = strchr(tok + 1, '\'')) == NULL) {
    *msg = sqlite3_mprintf("the schema declares no sinorus index");
    return SQLITE_ERROR;
  }
  for (i = 0; args && args[i]; i++)
    if (!((args[i] >= 'a' && args[i] <= 'z') || args[i] == ' ')) {
      *msg = sqlite3_mprintf("bad search setting '%s'", args);
      return SQLITE_MISUSE;
    }
  tok += strlen("'sinorus");
  sql = args ? sqlite3_mprintf("DROP TABLE segment_fts; %.*s%s%s%.*s", (int)(tok - def),
                               def, *args ? " " : "", args, (int)(def + len - end), end)
             : sqlite3_mprintf("DROP TABLE segment_fts; %.*s", (int)len, def);
  if (sql == NULL) return SQLITE_NOMEM;
  rc = sqlite3_exec(db, sql, NULL, NULL, msg);
  sqlite3_free(sql);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO segment_fts (segment_fts, rank) "
                          "VALUES ('hashsize', 16777216);"
                          "INSERT INTO segment_fts (rowid, text) "
                          "SELECT id, text FROM segment "
                          "WHERE kind <> 'paragraph'", NULL, NULL, msg);
  return rc;
}


/*
** v4 -> v5, languages (issue 17): the search index is declared again as
** the schema declares it now (the tokenizer's arguments, the KB's search
** settings) and rebuilt from the segments it holds (all but paragraphs).
** A word's tokens of version 4 are all still there (the surface forms);
** stems and CJK pairs are added, so every query finds what it found.
** The alias table gets its script column (the table is made again as
** the schema says, each alias's script derived as core.script does).
*/
static int migrate_v5_lang (sqlite3 *db, char **msg) {
  int rc = sn_set_search(db, NULL, msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "ALTER TABLE alias RENAME TO alias_v4", NULL, NULL,
                      msg);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE TABLE alias ", msg);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "sn_script", 1,
                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
                                 sql_script, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "INSERT INTO alias (entity, alias, folded, ord, "
                          "script) SELECT entity, alias, folded, ord, "
                          "sn_script(alias) FROM alias_v4;"
                          "DROP TABLE alias_v4", NULL, NULL, msg);
  sqlite3_create_function(db, "sn_script", 1, SQLITE_UTF8, NULL, NULL, NULL,
                          NULL);
  if (rc == SQLITE_OK)
    rc = run_schema_statement(db, "CREATE INDEX alias_folded ", msg);
  return rc;
}


/*
** Migrates a KB of schema version `version` to SINORUS_SCHEMA_VERSION in
** one transaction: either every step is applied and the version updated,
** or the file is left as it was. Returns a status and writes a message.
*/
static int migrate (sqlite3 *db, sqlite3_int64 version, char *err,
                    size_t errlen) {
  char *msg = NULL;
  char sql[160];
  int rc, i;
  if (version >= SINORUS_SCHEMA_VERSION) return SINORUS_OK;
  rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg);
  while (rc == SQLITE_OK && version < SINORUS_SCHEMA_VERSION) {
    for (i = 0; migrations[i].sql != NULL; i++)
      if (migrations[i].from == version) break;
    if (migrations[i].sql == NULL) {
      sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
      sn_seterr(err, errlen, "no migration from schema version %lld",
             (long long)version);
      return SINORUS_NOTKB;
    }
    rc = sqlite3_exec(db, migrations[i].sql, NULL, NULL, &msg);
    if (rc == SQLITE_OK && migrations[i].run != NULL)
      rc = migrations[i].run(db, &msg);
    if (rc == SQLITE_OK && migrations[i].redefine != NULL)
      rc = redefine_tables(db, migrations[i].redefine, version, &msg);
    if (rc == SQLITE_OK && version == 3) rc = migrate_v4_records(db, &msg);
    if (rc == SQLITE_OK && version == 3) rc = migrate_v4_forecasts(db, &msg);
    if (rc == SQLITE_OK && version == 4) rc = migrate_v5_storage(db, &msg);
    if (rc == SQLITE_OK && version == 4) rc = migrate_v5_formats(db, &msg);
    if (rc == SQLITE_OK && version == 4) rc = migrate_v5_lang(db, &msg);
    version++;
    if (rc == SQLITE_OK) {
      snprintf(sql, sizeof sql, "PRAGMA user_version = %lld; UPDATE meta "
               "SET value = '%lld' WHERE key = 'schema';",
               (long long)version, (long long)version);
      rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    }
  }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "COMMIT", NULL, NULL, &msg);
  if (rc != SQLITE_OK) {
    int st = sn_status_of(rc);
    sn_seterr(err, errlen, "cannot migrate to schema version %d (%s)",
           SINORUS_SCHEMA_VERSION, msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    if (!sqlite3_get_autocommit(db))
      sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return st == SINORUS_OK ? SINORUS_ERROR : st;
  }
  return SINORUS_OK;
}


/* Applies the settings every connection gets; foreign files are not
** trusted: defensive mode, no triggers, no trusted schema, no
** extensions; views run, and check_kb opens a file only when its views
** are exactly the schema's. */
static int configure (sqlite3 *db) {
  int rc = sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
  if (rc == SQLITE_OK)  /* views: only the schema's (check_kb) */
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 1, (int *)0);
  if (rc == SQLITE_OK)
    rc = sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0,
                           (int *)0);
  if (rc == SQLITE_OK)  /* corrupt pages are errors, never undefined reads */
    rc = sqlite3_exec(db, "PRAGMA cell_size_check = ON", NULL, NULL, NULL);
  if (rc == SQLITE_OK)  /* savepoint journals in memory, not in /tmp files */
    rc = sqlite3_exec(db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = register_tokenizer(db);
  if (rc == SQLITE_OK)   /* the view segment unpacks the text with it */
    rc = sqlite_code_of(sinorus_register_text(db));
  if (rc == SQLITE_OK)   /* an import feeds the index with it */
    rc = sn_register_feed(db);
  return rc;
}


/* The message of a failure rc on db: db's own, or rc's when db has none
** (a call such as the tokenizer's registration can fail without setting
** it, and db's message would then read "not an error"). */
static const char *errmsg_of (sqlite3 *db, int rc) {
  return db && sqlite3_errcode(db) != SQLITE_OK ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
}


/* Opens the built-in image read-only, without copying it. */
static int open_builtin (sqlite3 **pdb, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  int rc;
  *pdb = NULL;
  if (sinorus_image_size == 0) {
    sn_seterr(err, errlen, "this build has no built-in knowledge base");
    return SINORUS_NOTFOUND;
  }
  rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE
                       | SQLITE_OPEN_MEMORY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_deserialize(db, "main", (unsigned char *)sinorus_image,
                             (sqlite3_int64)sinorus_image_size,
                             (sqlite3_int64)sinorus_image_size,
                             SQLITE_DESERIALIZE_READONLY);
  if (rc == SQLITE_OK)
    rc = configure(db);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int st = sn_status_of(rc);
    sn_seterr(err, errlen, "cannot open the built-in knowledge base (%s)",
           errmsg_of(db, rc));
    sqlite3_close_v2(db);
    return st == SINORUS_OK ? SINORUS_ERROR : st;
  }
  *pdb = db;
  return SINORUS_OK;
}


/* Copies every page of database src into dst. */
static int copy_db (sqlite3 *dst, sqlite3 *src) {
  int rc;
  sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
  if (b == NULL) return sqlite3_errcode(dst);
  rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc == SQLITE_DONE) rc = sqlite3_errcode(dst);
  return rc;
}


/* Fills a new, empty file: the schema, or a copy of the article KB. */
static int seed (sqlite3 *db, int empty, char *err, size_t errlen) {
  int rc;
  if (empty) {
    char *msg = NULL;
    rc = sqlite3_exec(db, sn_schema_sql, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
      sn_seterr(err, errlen, "cannot create the schema (%s)",
             msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    return rc == SQLITE_OK ? SINORUS_OK : sn_status_of(rc);
  }
  else {
    sqlite3 *img = NULL;
    int st = open_builtin(&img, err, errlen);
    if (st != SINORUS_OK) return st;
    rc = copy_db(db, img);
    sqlite3_close_v2(img);
    if (rc != SQLITE_OK) {
      sn_seterr(err, errlen, "cannot copy the built-in knowledge base (%s)",
             sqlite3_errstr(rc));
      return sn_status_of(rc);
    }
    return SINORUS_OK;
  }
}


/* Writes "path: message" for a failure of SQLite on db (or rc), with a
** clear message when the file is locked; returns the status. */
static int file_error (sqlite3 *db, int rc, const char *path, char *err,
                       size_t errlen) {
  int st = sn_status_of(rc);
  if (st == SINORUS_BUSY)
    sn_seterr(err, errlen, "%s: knowledge base is locked by another process "
           "(gave up after %d ms)", path, SN_BUSY_TIMEOUT);
  else
    sn_seterr(err, errlen, "%s: %s", path,
           errmsg_of(db, rc));
  return st == SINORUS_OK ? SINORUS_ERROR : st;
}


/*
** Opens (or creates and seeds) a KB file with the defensive settings,
** checks it, migrates an older schema (read-write only) and switches a
** writable file to WAL. On failure *pdb is NULL, nothing is left open,
** a file this call created is removed, and err holds "path: message".
*/
static int open_file (const char *path, int flags, sqlite3 **pdb,
                      int *created, char *err, size_t errlen) {
  sqlite3 *db = NULL;
  struct stat sb;
  int exists = stat(path, &sb) == 0;
  int rc, st, fresh = 0, had_wal = 0;
  int readonly = (flags & SINORUS_OPEN_READONLY) != 0;
  int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  sqlite3_int64 version = 0;
  *pdb = NULL;
  if (!exists) {
    if (!(flags & SINORUS_OPEN_CREATE) || readonly) {
      sn_seterr(err, errlen, "%s: No such file or directory", path);
      return SINORUS_NOTFOUND;
    }
    oflags |= SQLITE_OPEN_CREATE;
    fresh = 1;
  }
  else if (S_ISDIR(sb.st_mode)) {
    sn_seterr(err, errlen, "%s: Is a directory", path);
    return SINORUS_IO;
  }
  else if (!S_ISREG(sb.st_mode)) {  /* a FIFO would block open(2) */
    sn_seterr(err, errlen, "%s: not a regular file", path);
    return SINORUS_IO;
  }
  if (exists) {
    size_t n = strlen(path);
    char *wal = (char *)malloc(n + 5);
    if (wal == NULL) {
      sn_seterr(err, errlen, "not enough memory");
      return SINORUS_NOMEM;
    }
    memcpy(wal, path, n);
    memcpy(wal + n, "-wal", 5);
    had_wal = lstat(wal, &sb) == 0;
    free(wal);
  }
  rc = sqlite3_open_v2(path, &db, oflags | SQLITE_OPEN_NOFOLLOW
                       | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    st = file_error(db, rc, path, err, errlen);
    sqlite3_close_v2(db);
    return st;
  }
  /* when a -wal was there before this open, closing a refused file must
  ** not checkpoint: a stale WAL of another database would be copied into
  ** the file (without one, only this connection's own writes could be) */
  rc = sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, had_wal,
                         (int *)0);
  if (rc == SQLITE_OK)
    rc = sqlite3_busy_timeout(db, SN_BUSY_TIMEOUT);
  if (rc == SQLITE_OK)
    rc = configure(db);
  if (rc != SQLITE_OK) {
    st = file_error(db, rc, path, err, errlen);
    sqlite3_close_v2(db);
    if (fresh) unlink(path);
    return st;
  }
  if (fresh) {
    st = seed(db, flags & SINORUS_OPEN_EMPTY, err, errlen);
    if (st != SINORUS_OK) {
      sqlite3_close_v2(db);
      unlink(path);
      return st;
    }
  }
  st = check_kb(db, !fresh, readonly, &version, err, errlen);
  if (st == SINORUS_OK && !readonly)
    st = migrate(db, version, err, errlen);
  if (st != SINORUS_OK) {
    char msg[200];
    if (st == SINORUS_BUSY)
      file_error(db, SQLITE_BUSY, path, err, errlen);
    else {
      snprintf(msg, sizeof msg, "%s", err ? err : "");
      sn_seterr(err, errlen, "%s: %s", path, msg);
    }
    sqlite3_close_v2(db);
    return st;
  }
  if (!readonly) {
    rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
      st = file_error(db, rc, path, err, errlen);
      sqlite3_close_v2(db);
      return st;
    }
  }
  else {
    sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
  }
  sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)0);
  *pdb = db;
  *created = fresh;
  return SINORUS_OK;
}


int sinorus_open (const char *path, int flags, sinorus_kb **out,
                  char *errbuf, size_t errlen) {
  sinorus_kb *kb;
  sqlite3 *db = NULL;
  int st;
  if (out == NULL) return SINORUS_RANGE;
  *out = NULL;
  if (errbuf && errlen) errbuf[0] = '\0';
  kb = (sinorus_kb *)calloc(1, sizeof *kb);
  if (kb == NULL) {
    sn_seterr(errbuf, errlen, "not enough memory");
    return SINORUS_NOMEM;
  }
  if (path != NULL) {
    size_t n = strlen(path);
    kb->path = (char *)malloc(n + 1);
    if (kb->path == NULL) {
      free(kb);
      sn_seterr(errbuf, errlen, "not enough memory");
      return SINORUS_NOMEM;
    }
    memcpy(kb->path, path, n + 1);
    st = open_file(path, flags, &db, &kb->created, errbuf, errlen);
    kb->readonly = (flags & SINORUS_OPEN_READONLY) != 0;
  }
  else {
    st = open_builtin(&db, errbuf, errlen);
    kb->readonly = 1;
  }
  if (st != SINORUS_OK) {
    free(kb->path);
    free(kb);
    return st;
  }
  kb->db = db;
  if (path != NULL) {   /* who the file is, for the writers' checks */
    struct stat sb;
    if (stat(path, &sb) == 0) {
      kb->known = 1;
      kb->dev = (unsigned long long)sb.st_dev;
      kb->ino = (unsigned long long)sb.st_ino;
    }
    kb->real = sn_resolve(path);
    if (kb->real == NULL && errno == ENOMEM) {
      sqlite3_close_v2(db);
      free(kb->path);
      free(kb);
      sn_seterr(errbuf, errlen, "not enough memory");
      return SINORUS_NOMEM;
    }
    /* temporary files of saves to this file that were killed mid-way */
    if (!kb->readonly && kb->real != NULL) sn_clean_temps(kb->real);
  }
  *out = kb;
  return SINORUS_OK;
}


void sinorus_close (sinorus_kb *kb) {
  if (kb == NULL) return;
  sqlite3_close_v2(kb->db);  /* a zombie until its statements are gone */
  free(kb->path);
  free(kb->real);
  free(kb);
}


struct sqlite3 *sinorus_db (sinorus_kb *kb) {
  return kb->db;
}

int sinorus_readonly (const sinorus_kb *kb) {
  return kb->readonly;
}

const char *sinorus_path (const sinorus_kb *kb) {
  return kb->path;
}

const char *sinorus_errmsg (const sinorus_kb *kb) {
  return kb->errmsg;
}

int sn_kb_take_created (sinorus_kb *kb) {
  int created = kb->created;
  kb->created = 0;
  return created;
}

char *sn_kb_errbuf (sinorus_kb *kb, size_t *len) {
  *len = sizeof kb->errmsg;
  return kb->errmsg;
}


void sn_kb_file (const sinorus_kb *kb, sn_kbfile *out) {
  out->real = kb->real;
  out->known = kb->known;
  out->dev = kb->dev;
  out->ino = kb->ino;
}


/*
** Saving onto the KB's own file: renaming a copy over an open database
** would leave this connection (and any other) on an unlinked inode, so
** instead every committed page is checkpointed from the WAL into the
** file, which then holds the last commit on its own. A read-only handle
** has nothing to write and succeeds.
*/
static int save_in_place (sinorus_kb *kb, const char *path) {
  int rc, nlog = 0, nckpt = 0;
  if (kb->readonly) return SINORUS_OK;
  /* the C call, not the pragma: no statement, so no authorizer involved */
  rc = sqlite3_wal_checkpoint_v2(kb->db, "main", SQLITE_CHECKPOINT_TRUNCATE,
                                 &nlog, &nckpt);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
      sn_seterr(kb->errmsg, sizeof kb->errmsg, "%s: cannot checkpoint the "
             "knowledge base into its file: other connections are using it",
             path);
    else
      sn_seterr(kb->errmsg, sizeof kb->errmsg, "%s: %s", path,
             sqlite3_errmsg(kb->db));
    return sn_status_of(rc) == SINORUS_OK ? SINORUS_ERROR : sn_status_of(rc);
  }
  return SINORUS_OK;
}


/* Fills the temporary file of a save with a copy of the last commit. */
static int fill_copy (void *ud, int fd, const char *tmp, char *why,
                      size_t wl) {
  sinorus_kb *kb = (sinorus_kb *)ud;
  sqlite3 *dst = NULL;
  int rc, st = SINORUS_OK;
  (void)fd;
  rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
                       NULL);
  if (rc == SQLITE_OK)
    rc = copy_db(dst, kb->db);
  if (rc == SQLITE_OK)  /* a saved copy is a plain rollback-journal file */
    rc = sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    snprintf(why, wl, "%s", dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
    st = sn_status_of(rc) == SINORUS_OK ? SINORUS_ERROR : sn_status_of(rc);
  }
  if (sqlite3_close(dst) != SQLITE_OK && st == SINORUS_OK) {
    snprintf(why, wl, "cannot close the copy");
    st = SINORUS_IO;
  }
  return st;
}


/*
** Writes a complete copy of the last commit to path with the one atomic
** write (sn_write_atomic: its target rules, temporary file and syncs).
** Refuses inside a transaction (the copy would hold uncommitted
** changes). Onto the KB's own file it checkpoints instead.
*/
int sinorus_save (sinorus_kb *kb, const char *path) {
  sn_kbfile me;
  char why[256];
  int st;
  if (kb == NULL || path == NULL) return SINORUS_RANGE;
  if (!sqlite3_get_autocommit(kb->db)) {
    sn_seterr(kb->errmsg, sizeof kb->errmsg, "%s: cannot save inside a "
           "transaction; save after it commits", path);
    return SINORUS_ERROR;
  }
  sn_kb_file(kb, &me);
  if (sn_is_kb_file(path, &me)) return save_in_place(kb, path);
  st = sn_write_atomic(path, &me, fill_copy, kb, why, sizeof why);
  if (st != SINORUS_OK)
    sn_seterr(kb->errmsg, sizeof kb->errmsg, "%s: %s", path, why);
  return st;
}
