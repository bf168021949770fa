/*
** sn_mention.c: mentions stored packed (schema version 7).
**
** A segment's mentions are one row of mention_pack: a blob of varints,
** (entity key, start, length) a mention, in order of entity key and
** start. Which segments mention an entity is its posting list, kept in
** chunks in mention_posting: a chunk's rows name the segment of each of
** the entity's mentions as the difference from the one before (0: the
** same segment again; the first counts from the chunk's `first`). The
** virtual table sinorus_mention (one in each KB's schema: an attached
** KB's reads its own tables) reads both back as rows (segment, entity,
** start, len), which the view `mention` of data/schema.sql turns into
** the columns it always had.
**
** One writer, sn_menw, writes both: the import and the migration append
** (the segments are new, their ids above every id in use); the tagger
** replaces the packs of the segments it tags again and merges the
** postings of the entities whose mentions changed at the end.
**
** A blob that does not decode (a varint running past its end or too
** long, an entity key or a length of 0, a segment difference that
** overflows) is a clear SQL error (SQLITE_CORRUPT), never a crash.
**
** Compiled twice, as sn_text.c is: into the library and into the
** loadable extension build/sinorus_sqlite.so.
*/
#ifdef SN_SQLITE_EXTENSION   /* in build/sinorus_sqlite.so (sn_text.c) */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"


/* Entries in a chunk of a posting list before it is closed (at the
** start of the next segment, so that a segment's mentions of an entity
** are never split and `first` ascends): a chunk is about as many bytes,
** a few hundred entries of a rewrite when a segment is tagged again. */
#ifndef SN_POSTING_CHUNK
#define SN_POSTING_CHUNK 1000
#endif

/* Packs an append writes a statement (fewer where the connection allows
** fewer parameters): a statement a pack cost a third of the writing. */
#ifndef SN_PACK_BATCH
#define SN_PACK_BATCH 64
#endif


/* ---------------------------------------------------------------------
** Varints: 7 bits a byte, least significant first, at most 10 bytes
** ------------------------------------------------------------------ */

static size_t put_varint (unsigned char *p, uint64_t v) {
  size_t n = 0;
  while (v >= 0x80) {
    p[n++] = (unsigned char)(v | 0x80);
    v >>= 7;
  }
  p[n++] = (unsigned char)v;
  return n;
}


/* Reads a varint of b[*pos..n) into *v; 0 when it runs past n or is
** longer than 64 bits. */
static int get_varint (const unsigned char *b, size_t n, size_t *pos,
                       uint64_t *v) {
  uint64_t r = 0;
  unsigned shift = 0;
  size_t i = *pos;
  while (i < n) {
    unsigned char c = b[i++];
    if (shift == 63 && (c & 0x7e) != 0) return 0;
    r |= (uint64_t)(c & 0x7f) << shift;
    if ((c & 0x80) == 0) {
      *pos = i;
      *v = r;
      return 1;
    }
    if ((shift += 7) > 63) return 0;
  }
  return 0;
}


/* The largest start or length of a mention (so that their sum cannot
** overflow): the writer refuses a larger one, the reader fails on it. */
#define SPAN_MAX (INT64_MAX / 2)

/* Reads the next mention of a pack; 1 with it, 0 at the end, -1 when the
** pack is damaged. */
static int next_span (const unsigned char *b, size_t n, size_t *pos,
                      sn_span *s) {
  uint64_t e, start, len;
  if (*pos >= n) return 0;
  if (!get_varint(b, n, pos, &e) || !get_varint(b, n, pos, &start)
      || !get_varint(b, n, pos, &len) || e == 0 || e > INT64_MAX
      || len == 0 || start > SPAN_MAX || len > SPAN_MAX)
    return -1;
  s->entity = (int64_t)e;
  s->start = (int64_t)start;
  s->len = (int64_t)len;
  return 1;
}


/* Reads the next entry of a posting chunk (its segment in *seg, after
** *seg); 1 with it, 0 at the end, -1 when the chunk is damaged. */
static int next_posting (const unsigned char *b, size_t n, size_t *pos,
                         int64_t *seg) {
  uint64_t d;
  if (*pos >= n) return 0;
  if (!get_varint(b, n, pos, &d) || d > (uint64_t)(INT64_MAX - *seg))
    return -1;
  *seg += (int64_t)d;
  return 1;
}


/* The array a (of *cap elements of size bytes), with room for one more
** after its n: a itself, or a larger copy (*cap updated); NULL when out
** of memory (a stays as it was). */
static void *room (void *a, size_t *cap, size_t n, size_t size) {
  void *p;
  size_t c;
  if (n < *cap) return a;
  c = *cap ? 2 * *cap : 64;
  if (c > SIZE_MAX / size || (p = realloc(a, c * size)) == NULL) return NULL;
  *cap = c;
  return p;
}


/* Grows *buf (of *cap bytes) to hold need bytes; 0 when out of memory. */
static int reserve (unsigned char **buf, size_t *cap, size_t need) {
  size_t c = *cap ? *cap : 256;
  unsigned char *p;
  if (need <= *cap) return 1;
  while (c < need) c *= 2;
  if ((p = (unsigned char *)realloc(*buf, c)) == NULL) return 0;
  *buf = p;
  *cap = c;
  return 1;
}


/* ---------------------------------------------------------------------
** The writer
** ------------------------------------------------------------------ */

/* A posting chunk being built: an entity's entries since `first`. */
typedef struct Chunk {
  int64_t entity;            /* 0: a free slot of the table */
  int64_t first, last;       /* its first segment, the last one added */
  size_t n;                  /* entries */
  unsigned char *buf;
  size_t len, cap;
} Chunk;

/* A posting entry of the tagger: count mentions of entity in segment. */
typedef struct Entry {
  int64_t entity, segment;
  int64_t count;
} Entry;

struct sn_menw {
  sqlite3 *db;
  int replace;               /* 1: the tagger's (see sn_menw_new) */
  sqlite3_stmt *put_pack, *get_pack, *del_pack;
  sqlite3_stmt *put_many;    /* append: batch packs a statement */
  size_t batch, nb;          /* its rows, and the packs waiting */
  int64_t bseg[SN_PACK_BATCH];
  size_t boff[SN_PACK_BATCH + 1];   /* where each waiting pack is in bbuf */
  unsigned char *bbuf;
  size_t bcap;
  int64_t *lens;             /* the lengths kept aside while sorting */
  size_t caplens;
  sqlite3_stmt *put_post, *get_post, *del_post;
  int64_t seg;               /* the segment being gathered (0: none yet) */
  sn_span *sp;               /* its mentions */
  size_t nsp, capsp;
  unsigned char *buf;        /* a pack being encoded */
  size_t cap;
  Chunk *chunk;              /* open addressing by entity key */
  size_t nchunk, capchunk;
  Entry *ent;                /* replace: the new entries */
  size_t nent, capent;
  int64_t *done;             /* replace: the segments tagged again */
  size_t ndone, capdone;
  int64_t *touched;          /* replace: entities whose entries changed */
  size_t ntouched, captouched;
  size_t written;            /* mentions written */
};


static int prep (sqlite3 *db, const char *sql, sqlite3_stmt **st) {
  return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}


SN_INTERNAL int sn_prepare_rows (sqlite3 *db, const char *head, int ncols, int rows,
                                 sqlite3_stmt **st) {
  size_t hl = strlen(head), size = hl + (size_t)rows * (4 * (size_t)ncols + 2);
  char *sql = (char *)malloc(size), *p;
  int r, c, rc;
  if (sql == NULL) return SQLITE_NOMEM;
  memcpy(sql, head, hl);
  p = sql + hl;
  for (r = 0; r < rows; r++) {
    if (r > 0) *p++ = ',';
    *p++ = '(';
    for (c = 0; c < ncols; c++) {
      if (c > 0) *p++ = ',';
      *p++ = '?';
    }
    *p++ = ')';
  }
  *p = '\0';
  rc = prep(db, sql, st);
  free(sql);
  return rc;
}


SN_INTERNAL int sn_menw_new (sqlite3 *db, int replace, sn_menw **out) {
  sn_menw *w = (sn_menw *)calloc(1, sizeof *w);
  int rc;
  *out = NULL;
  if (w == NULL) return SQLITE_NOMEM;
  w->db = db;
  w->replace = replace;
  rc = prep(db, replace ? "INSERT OR REPLACE INTO mention_pack (segment, spans) "
                          "VALUES (?1, ?2)"
                        : "INSERT INTO mention_pack (segment, spans) VALUES (?1, ?2)",
            &w->put_pack);
  if (rc == SQLITE_OK)
    rc = prep(db, "INSERT INTO mention_posting (entity, first, segs) "
                  "VALUES (?1, ?2, ?3)", &w->put_post);
  if (rc == SQLITE_OK && !replace) {
    int vars = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    w->batch = vars / 2 < SN_PACK_BATCH ? (size_t)(vars / 2) : SN_PACK_BATCH;
    if (w->batch > 1)
      rc = sn_prepare_rows(db, "INSERT INTO mention_pack (segment, spans) VALUES ", 2,
                           (int)w->batch, &w->put_many);
  }
  if (rc == SQLITE_OK && replace)
    rc = prep(db, "SELECT spans FROM mention_pack WHERE segment = ?1", &w->get_pack);
  if (rc == SQLITE_OK && replace)
    rc = prep(db, "DELETE FROM mention_pack WHERE segment = ?1", &w->del_pack);
  if (rc == SQLITE_OK && replace)
    rc = prep(db, "SELECT first, segs FROM mention_posting WHERE entity = ?1 "
                  "ORDER BY first", &w->get_post);
  if (rc == SQLITE_OK && replace)
    rc = prep(db, "DELETE FROM mention_posting WHERE entity = ?1", &w->del_post);
  if (rc != SQLITE_OK) {
    sn_menw_free(w);
    return rc;
  }
  *out = w;
  return SQLITE_OK;
}


SN_INTERNAL void sn_menw_free (sn_menw *w) {
  size_t i;
  if (w == NULL) return;
  sqlite3_finalize(w->put_pack);
  sqlite3_finalize(w->put_many);
  free(w->bbuf);
  free(w->lens);
  sqlite3_finalize(w->get_pack);
  sqlite3_finalize(w->del_pack);
  sqlite3_finalize(w->put_post);
  sqlite3_finalize(w->get_post);
  sqlite3_finalize(w->del_post);
  for (i = 0; i < w->capchunk; i++) free(w->chunk[i].buf);
  free(w->chunk);
  free(w->sp);
  free(w->buf);
  free(w->ent);
  free(w->done);
  free(w->touched);
  free(w);
}


SN_INTERNAL size_t sn_menw_written (const sn_menw *w) {
  return w->written;
}


static int run_stmt (sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? SQLITE_OK : rc;
}


/* The chunk of entity e (made empty when new); NULL when out of memory. */
static Chunk *chunk_of (sn_menw *w, int64_t e) {
  size_t i, mask;
  if (2 * (w->nchunk + 1) > w->capchunk) {     /* keep it at most half full */
    size_t cap = w->capchunk ? 2 * w->capchunk : 64, j;
    Chunk *t = (Chunk *)calloc(cap, sizeof *t);
    if (t == NULL) return NULL;
    for (j = 0; j < w->capchunk; j++) {
      Chunk *c = &w->chunk[j];
      if (c->entity == 0) {
        free(c->buf);
        continue;
      }
      for (i = (size_t)c->entity & (cap - 1); t[i].entity != 0; i = (i + 1) & (cap - 1)) ;
      t[i] = *c;
    }
    free(w->chunk);
    w->chunk = t;
    w->capchunk = cap;
  }
  mask = w->capchunk - 1;
  for (i = (size_t)e & mask; w->chunk[i].entity != 0; i = (i + 1) & mask)
    if (w->chunk[i].entity == e) return &w->chunk[i];
  w->chunk[i].entity = e;
  w->chunk[i].n = w->chunk[i].len = 0;
  w->nchunk++;
  return &w->chunk[i];
}


/* Writes chunk c as a row and empties it. */
static int chunk_flush (sn_menw *w, Chunk *c) {
  int rc;
  if (c->n == 0) return SQLITE_OK;
  sqlite3_bind_int64(w->put_post, 1, c->entity);
  sqlite3_bind_int64(w->put_post, 2, c->first);
  sqlite3_bind_blob64(w->put_post, 3, c->buf, (sqlite3_uint64)c->len, SQLITE_STATIC);
  rc = run_stmt(w->put_post);
  c->n = c->len = 0;
  return rc;
}


/* Adds count entries of segment seg to c (seg at least its last); a full
** chunk is written first. */
static int chunk_add (sn_menw *w, Chunk *c, int64_t seg, int64_t count) {
  int rc;
  int64_t k;
  if (c->n >= SN_POSTING_CHUNK && seg != c->last
      && (rc = chunk_flush(w, c)) != SQLITE_OK) return rc;
  if (c->n == 0) c->first = c->last = seg;
  if (!reserve(&c->buf, &c->cap, c->len + 10 + (size_t)count))
    return SQLITE_NOMEM;
  c->len += put_varint(c->buf + c->len, (uint64_t)(seg - c->last));
  for (k = 1; k < count; k++) c->buf[c->len++] = 0;
  c->last = seg;
  c->n += (size_t)count;
  return SQLITE_OK;
}


static int push_i64 (int64_t **v, size_t *n, size_t *cap, int64_t x) {
  int64_t *p = (int64_t *)room(*v, cap, *n, sizeof *p);
  if (p == NULL) return 0;
  *v = p;
  p[(*n)++] = x;
  return 1;
}


static int cmp_span (const void *a, const void *b) {
  const sn_span *x = (const sn_span *)a, *y = (const sn_span *)b;
  if (x->entity != y->entity) return x->entity < y->entity ? -1 : 1;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  /* the order they came in (kept in len's place by seg_flush) */
  return x->len < y->len ? -1 : x->len > y->len;
}


/* Replace mode: notes the entities of the pack segment w->seg had. */
static int note_old (sn_menw *w) {
  const unsigned char *b;
  size_t n, pos = 0;
  sn_span s;
  int rc, r;
  sqlite3_bind_int64(w->get_pack, 1, w->seg);
  rc = sqlite3_step(w->get_pack);
  if (rc == SQLITE_ROW) {
    b = (const unsigned char *)sqlite3_column_blob(w->get_pack, 0);
    n = (size_t)sqlite3_column_bytes(w->get_pack, 0);
    rc = SQLITE_OK;
    while ((r = next_span(b, n, &pos, &s)) > 0)
      if (!push_i64(&w->touched, &w->ntouched, &w->captouched, s.entity)) {
        rc = SQLITE_NOMEM;
        break;
      }
    if (r < 0) rc = SQLITE_CORRUPT;
  }
  else if (rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_reset(w->get_pack);
  return rc;
}


/* Encodes sp[0..n) as a pack at b (30 bytes a mention at most); returns
** its length. */
static size_t encode (unsigned char *b, const sn_span *sp, size_t n) {
  size_t i, len = 0;
  for (i = 0; i < n; i++) {
    len += put_varint(b + len, (uint64_t)sp[i].entity);
    len += put_varint(b + len, (uint64_t)sp[i].start);
    len += put_varint(b + len, (uint64_t)sp[i].len);
  }
  return len;
}


/* Writes the packs waiting in the batch: all in one statement when full
** is 1 and the batch is, else one a statement. */
static int batch_flush (sn_menw *w, int full) {
  size_t k;
  int rc = SQLITE_OK;
  if (full && w->nb == w->batch) {
    for (k = 0; k < w->nb; k++) {
      sqlite3_bind_int64(w->put_many, 2 * (int)k + 1, w->bseg[k]);
      sqlite3_bind_blob64(w->put_many, 2 * (int)k + 2, w->bbuf + w->boff[k],
                          (sqlite3_uint64)(w->boff[k + 1] - w->boff[k]), SQLITE_STATIC);
    }
    rc = run_stmt(w->put_many);
  }
  else for (k = 0; rc == SQLITE_OK && k < w->nb; k++) {
    sqlite3_bind_int64(w->put_pack, 1, w->bseg[k]);
    sqlite3_bind_blob64(w->put_pack, 2, w->bbuf + w->boff[k],
                        (sqlite3_uint64)(w->boff[k + 1] - w->boff[k]), SQLITE_STATIC);
    rc = run_stmt(w->put_pack);
  }
  w->nb = 0;
  return rc;
}


/* Writes the mentions gathered for w->seg: its pack, and its posting
** entries (appended, or kept for the merge). */
static int seg_flush (sn_menw *w) {
  size_t i, k, len = 0;
  int rc = SQLITE_OK;
  if (w->seg == 0) return SQLITE_OK;
  if (w->replace) {
    if ((rc = note_old(w)) != SQLITE_OK) return rc;
    if (!push_i64(&w->done, &w->ndone, &w->capdone, w->seg)) return SQLITE_NOMEM;
  }
  if (w->nsp == 0) {
    if (w->replace) {
      sqlite3_bind_int64(w->del_pack, 1, w->seg);
      rc = run_stmt(w->del_pack);
    }
    return rc;
  }
  /* in order of (entity, start); of two at one start the first to come
  ** stays (its length is kept aside while the order is that of arrival) */
  if (w->nsp > 1) {
    if (w->nsp > w->caplens) {
      int64_t *p = (int64_t *)realloc(w->lens, w->capsp * sizeof *p);
      if (p == NULL) return SQLITE_NOMEM;
      w->lens = p;
      w->caplens = w->capsp;
    }
    for (i = 0; i < w->nsp; i++) {
      w->lens[i] = w->sp[i].len;
      w->sp[i].len = (int64_t)i;
    }
    qsort(w->sp, w->nsp, sizeof *w->sp, cmp_span);
    for (i = 0; i < w->nsp; i++) w->sp[i].len = w->lens[w->sp[i].len];
  }
  for (i = k = 0; i < w->nsp; i++)
    if (k == 0 || w->sp[i].entity != w->sp[k - 1].entity
        || w->sp[i].start != w->sp[k - 1].start) w->sp[k++] = w->sp[i];
  w->nsp = k;
  if (w->put_many != NULL) {               /* append: into the batch */
    size_t at = w->boff[w->nb];
    if (!reserve(&w->bbuf, &w->bcap, at + 30 * w->nsp)) return SQLITE_NOMEM;
    len = at + encode(w->bbuf + at, w->sp, w->nsp);
    w->bseg[w->nb++] = w->seg;
    w->boff[w->nb] = len;
    if (w->nb == w->batch && (rc = batch_flush(w, 1)) != SQLITE_OK) return rc;
  }
  else {
    if (!reserve(&w->buf, &w->cap, 30 * w->nsp)) return SQLITE_NOMEM;
    len = encode(w->buf, w->sp, w->nsp);
    sqlite3_bind_int64(w->put_pack, 1, w->seg);
    sqlite3_bind_blob64(w->put_pack, 2, w->buf, (sqlite3_uint64)len, SQLITE_STATIC);
    if ((rc = run_stmt(w->put_pack)) != SQLITE_OK) return rc;
  }
  w->written += w->nsp;
  for (i = 0; i < w->nsp; i = k) {
    int64_t e = w->sp[i].entity;
    for (k = i + 1; k < w->nsp && w->sp[k].entity == e; k++) ;
    if (w->replace) {
      Entry *p = (Entry *)room(w->ent, &w->capent, w->nent, sizeof *p);
      if (p == NULL) return SQLITE_NOMEM;
      w->ent = p;
      w->ent[w->nent].entity = e;
      w->ent[w->nent].segment = w->seg;
      w->ent[w->nent++].count = (int64_t)(k - i);
      if (!push_i64(&w->touched, &w->ntouched, &w->captouched, e))
        return SQLITE_NOMEM;
    }
    else {
      Chunk *c = chunk_of(w, e);
      if (c == NULL) return SQLITE_NOMEM;
      if ((rc = chunk_add(w, c, w->seg, (int64_t)(k - i))) != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}


SN_INTERNAL int sn_menw_segment (sn_menw *w, int64_t seg) {
  int rc;
  if (seg <= w->seg) return SQLITE_MISUSE;     /* in order of id, once each */
  if ((rc = seg_flush(w)) != SQLITE_OK) return rc;
  w->seg = seg;
  w->nsp = 0;
  return SQLITE_OK;
}


SN_INTERNAL int sn_menw_span (sn_menw *w, int64_t entity, int64_t start,
                              int64_t len) {
  sn_span *p;
  if (w->seg == 0 || entity <= 0 || start < 0 || len <= 0 || start > SPAN_MAX
      || len > SPAN_MAX) return SQLITE_MISUSE;
  if ((p = (sn_span *)room(w->sp, &w->capsp, w->nsp, sizeof *p)) == NULL)
    return SQLITE_NOMEM;
  w->sp = p;
  w->sp[w->nsp].entity = entity;
  w->sp[w->nsp].start = start;
  w->sp[w->nsp++].len = len;
  return SQLITE_OK;
}


static int cmp_i64 (const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}

static int cmp_entry (const void *a, const void *b) {
  const Entry *x = (const Entry *)a, *y = (const Entry *)b;
  if (x->entity != y->entity) return x->entity < y->entity ? -1 : 1;
  return x->segment < y->segment ? -1 : x->segment > y->segment;
}


/* Whether seg is one of the sorted done[0..n). */
static int was_done (const int64_t *done, size_t n, int64_t seg) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (done[mid] < seg) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && done[lo] == seg;
}


/* Replace mode: rewrites the posting list of entity e from its old
** entries (less those of the segments tagged again) and its new ones,
** ent[0..n) (in order of segment). */
static int merge_entity (sn_menw *w, int64_t e, const Entry *ent, size_t n) {
  Entry *old = NULL;
  size_t nold = 0, capold = 0, i = 0, j = 0;
  Chunk c;
  int rc, r = 0;
  int64_t last = 0;                     /* the last entry of the chunks before */
  sqlite3_bind_int64(w->get_post, 1, e);
  while ((rc = sqlite3_step(w->get_post)) == SQLITE_ROW) {
    const unsigned char *b = (const unsigned char *)sqlite3_column_blob(w->get_post, 1);
    size_t len = (size_t)sqlite3_column_bytes(w->get_post, 1), pos = 0;
    int64_t seg = sqlite3_column_int64(w->get_post, 0);
    if (seg <= last) {                  /* (a chunk starts after the one before) */
      r = -1;
      break;
    }
    while ((r = next_posting(b, len, &pos, &seg)) > 0) {
      last = seg;
      if (was_done(w->done, w->ndone, seg)) continue;
      if (nold > 0 && old[nold - 1].segment == seg) {
        old[nold - 1].count++;
        continue;
      }
      Entry *p = (Entry *)room(old, &capold, nold, sizeof *p);
      if (p == NULL) {
        r = -2;
        break;
      }
      old = p;
      old[nold].segment = seg;
      old[nold++].count = 1;
    }
    if (r < 0) break;
  }
  sqlite3_reset(w->get_post);
  if (r == -1) rc = SQLITE_CORRUPT;
  else if (r == -2) rc = SQLITE_NOMEM;
  else if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(w->del_post, 1, e);
    rc = run_stmt(w->del_post);
  }
  memset(&c, 0, sizeof c);
  c.entity = e;
  while (rc == SQLITE_OK && (i < nold || j < n)) {
    if (j == n || (i < nold && old[i].segment < ent[j].segment)) {
      rc = chunk_add(w, &c, old[i].segment, old[i].count);
      i++;
    }
    else {
      rc = chunk_add(w, &c, ent[j].segment, ent[j].count);
      j++;
    }
  }
  if (rc == SQLITE_OK) rc = chunk_flush(w, &c);
  free(c.buf);
  free(old);
  return rc;
}


SN_INTERNAL int sn_menw_finish (sn_menw *w) {
  size_t i, k, j;
  int rc = seg_flush(w);
  w->seg = INT64_MAX;                   /* no segment may follow */
  w->nsp = 0;
  if (rc == SQLITE_OK && w->nb > 0) rc = batch_flush(w, 0);
  if (rc != SQLITE_OK) return rc;
  if (!w->replace) {
    for (i = 0; rc == SQLITE_OK && i < w->capchunk; i++)
      if (w->chunk[i].entity != 0) rc = chunk_flush(w, &w->chunk[i]);
    return rc;
  }
  if (w->ndone > 0) qsort(w->done, w->ndone, sizeof *w->done, cmp_i64);
  if (w->ntouched > 0) qsort(w->touched, w->ntouched, sizeof *w->touched, cmp_i64);
  if (w->nent > 0) qsort(w->ent, w->nent, sizeof *w->ent, cmp_entry);
  for (i = j = 0; rc == SQLITE_OK && i < w->ntouched; i = k) {
    int64_t e = w->touched[i];
    size_t from;
    for (k = i + 1; k < w->ntouched && w->touched[k] == e; k++) ;
    while (j < w->nent && w->ent[j].entity < e) j++;
    for (from = j; j < w->nent && w->ent[j].entity == e; j++) ;
    rc = merge_entity(w, e, j > from ? w->ent + from : NULL, j - from);
  }
  return rc;
}


/* ---------------------------------------------------------------------
** The virtual table sinorus_mention
** ------------------------------------------------------------------ */

/* Its plans (idxNum): every pack; the packs of a range of segments
** (bits HAS_LOW and HAS_HIGH: a lower and an upper bound given); one
** segment's pack; an entity's posting list. With NO_SPANS (no column
** but segment and entity is read, and no constraint given) the packs
** are not read: a row a posting entry, start and len NULL.
** A row read from a pack has the same rowid under every plan, as
** SQLite's OR of two plans (a MULTI-INDEX OR) takes the rows of its
** second plan whose rowids the first did not give: its segment times
** 2^ROWID_BITS and its place in the pack (so a segment above
** ROWID_SEG_MAX, or a pack of more than 2^ROWID_BITS mentions, is a
** damaged one). A plan of an OR is given its constraint, so it never
** reads posting entries only. */
enum { PLAN_ALL = 0, PLAN_RANGE = 1, PLAN_SEGMENT = 2, PLAN_ENTITY = 3 };
#define HAS_LOW 4
#define HAS_HIGH 8
#define NO_SPANS 16
#define ROWID_BITS 20
#define ROWID_SEG_MAX (INT64_MAX >> ROWID_BITS)

enum { COL_SEGMENT, COL_ENTITY, COL_START, COL_LEN };

/* The statements of the plans, prepared when a cursor first needs one. */
enum { ST_ALL, ST_LOW_HIGH, ST_LOW, ST_HIGH, ST_SEGMENT, ST_POSTS, ST_ALL_POSTS,
       ST_N };
/* (%w: the table's schema, so that an attached KB's table reads that
** KB's packs) */
static const char *const plan_sql[ST_N] = {
  "SELECT segment, spans FROM \"%w\".mention_pack ORDER BY segment",
  ("SELECT segment, spans FROM \"%w\".mention_pack WHERE segment >= ?1 "
   "AND segment <= ?2 ORDER BY segment"),
  "SELECT segment, spans FROM \"%w\".mention_pack WHERE segment >= ?1 ORDER BY segment",
  "SELECT segment, spans FROM \"%w\".mention_pack WHERE segment <= ?1 ORDER BY segment",
  "SELECT segment, spans FROM \"%w\".mention_pack WHERE segment = ?1",
  ("SELECT entity, first, segs FROM \"%w\".mention_posting WHERE entity = ?1 "
   "ORDER BY first"),
  "SELECT entity, first, segs FROM \"%w\".mention_posting"
};

/* A table of a schema (its KB's mentions): with the statements its closed
** cursors left, so that a query that opens a cursor (a segment's
** mentions) prepares none. */
typedef struct MenTab {
  sqlite3_vtab base;
  sqlite3 *db;
  char *schema;              /* "main", or the name a KB is attached as */
  sqlite3_stmt *spare[ST_N];
} MenTab;

typedef struct MenCursor {
  sqlite3_vtab_cursor base;
  sqlite3_stmt *st[ST_N];
  sqlite3_stmt *cur;         /* the plan's: packs, or posting chunks */
  sqlite3_blob *blob;        /* PLAN_ENTITY: the pack of a listed segment */
  int plan, eof;
  int64_t hits;              /* PLAN_ENTITY: the entity's spans in the pack */
  int64_t pord;              /* the spans of the pack read */
  /* the pack being read */
  unsigned char *pack;
  size_t plen, ppos, pcap;
  /* the posting chunk being read */
  unsigned char *post;
  size_t qlen, qpos, qcap;
  int64_t qentity, qseg;
  sqlite3_int64 rowid;
  int64_t seg;               /* the current row */
  sn_span s;
} MenCursor;


static int men_connect (sqlite3 *db, void *aux, int argc,
                        const char *const *argv, sqlite3_vtab **vt,
                        char **err) {
  MenTab *t;
  int rc;
  (void)aux;
  if (argc != 3) {                 /* module, schema, table: no arguments */
    *err = sqlite3_mprintf("sinorus_mention takes no arguments");
    return SQLITE_ERROR;
  }
  rc = sqlite3_declare_vtab(db, "CREATE TABLE x(segment INTEGER, entity INTEGER, "
                                "start INTEGER, len INTEGER)");
  if (rc != SQLITE_OK) return rc;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  if ((t = (MenTab *)sqlite3_malloc(sizeof *t)) == NULL) return SQLITE_NOMEM;
  memset(t, 0, sizeof *t);
  t->db = db;
  if ((t->schema = sqlite3_mprintf("%s", argv[1])) == NULL) {
    sqlite3_free(t);
    return SQLITE_NOMEM;
  }
  *vt = &t->base;
  return SQLITE_OK;
}


/* CREATE VIRTUAL TABLE (data/schema.sql): the table keeps nothing of its
** own, so making it is connecting it; a function of its own, so that the
** module has no eponymous table (one would read only the main KB). */
static int men_create (sqlite3 *db, void *aux, int argc,
                       const char *const *argv, sqlite3_vtab **vt, char **err) {
  if (argc >= 3 && strcmp(argv[2], "sinorus_mention") != 0) {   /* the view's name */
    *err = sqlite3_mprintf("a table of module sinorus_mention is named sinorus_mention");
    return SQLITE_ERROR;
  }
  return men_connect(db, aux, argc, argv, vt, err);
}


static int men_disconnect (sqlite3_vtab *vt) {
  MenTab *t = (MenTab *)vt;
  int i;
  for (i = 0; i < ST_N; i++) sqlite3_finalize(t->spare[i]);
  sqlite3_free(t->schema);
  sqlite3_free(vt);
  return SQLITE_OK;
}


static int men_best (sqlite3_vtab *vt, sqlite3_index_info *info) {
  int i, seg_eq = -1, ent_eq = -1, low = -1, high = -1;
  const sqlite3_uint64 spans = ((sqlite3_uint64)1 << COL_START)
                               | ((sqlite3_uint64)1 << COL_LEN);
  (void)vt;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (!c->usable) continue;
    if (c->iColumn == COL_SEGMENT) {
      if (c->op == SQLITE_INDEX_CONSTRAINT_EQ) seg_eq = i;
      else if (c->op == SQLITE_INDEX_CONSTRAINT_GT
               || c->op == SQLITE_INDEX_CONSTRAINT_GE) low = i;
      else if (c->op == SQLITE_INDEX_CONSTRAINT_LT
               || c->op == SQLITE_INDEX_CONSTRAINT_LE) high = i;
    }
    else if (c->iColumn == COL_ENTITY && c->op == SQLITE_INDEX_CONSTRAINT_EQ)
      ent_eq = i;
  }
  /* an equality the plan's own query applies (with the column's INTEGER
  ** affinity, as SQLite would) is not checked again; bounds are (one
  ** taken as >= for > reads a pack more) */
  if (seg_eq >= 0) {
    info->idxNum = PLAN_SEGMENT;
    info->aConstraintUsage[seg_eq].argvIndex = 1;
    info->aConstraintUsage[seg_eq].omit = 1;
    info->estimatedCost = 10;
    info->estimatedRows = 4;
  }
  else if (ent_eq >= 0) {
    info->idxNum = PLAN_ENTITY;
    info->aConstraintUsage[ent_eq].argvIndex = 1;
    info->aConstraintUsage[ent_eq].omit = 1;
    info->estimatedCost = 1000;
    info->estimatedRows = 1000;
  }
  else if (low >= 0 || high >= 0) {
    int arg = 1;
    info->idxNum = PLAN_RANGE;
    if (low >= 0) {
      info->idxNum |= HAS_LOW;
      info->aConstraintUsage[low].argvIndex = arg++;
    }
    if (high >= 0) {
      info->idxNum |= HAS_HIGH;
      info->aConstraintUsage[high].argvIndex = arg;
    }
    info->estimatedCost = low >= 0 && high >= 0 ? 5000 : 50000;
    info->estimatedRows = low >= 0 && high >= 0 ? 2000 : 20000;
  }
  else {
    info->idxNum = PLAN_ALL | ((info->colUsed & spans) == 0 && info->nConstraint == 0
                               ? NO_SPANS : 0);
    info->estimatedCost = 100000;
    info->estimatedRows = 100000;
  }
  return SQLITE_OK;
}


static int men_open (sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  MenCursor *c = (MenCursor *)sqlite3_malloc(sizeof *c);
  (void)vt;
  if (c == NULL) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  c->eof = 1;
  *out = &c->base;
  return SQLITE_OK;
}


static int men_close (sqlite3_vtab_cursor *cur) {
  MenCursor *c = (MenCursor *)cur;
  MenTab *t = (MenTab *)cur->pVtab;
  int i;
  sqlite3_blob_close(c->blob);
  for (i = 0; i < ST_N; i++) {
    if (c->st[i] != NULL && t->spare[i] == NULL) {   /* kept for the next */
      sqlite3_reset(c->st[i]);
      sqlite3_clear_bindings(c->st[i]);
      t->spare[i] = c->st[i];
    }
    else sqlite3_finalize(c->st[i]);
  }
  free(c->pack);
  free(c->post);
  sqlite3_free(c);
  return SQLITE_OK;
}


/* Fails the cursor's statement with message msg and code rc. */
static int fail (MenCursor *c, int rc, const char *msg) {
  sqlite3_vtab *vt = c->base.pVtab;
  sqlite3_free(vt->zErrMsg);
  vt->zErrMsg = sqlite3_mprintf("%s", msg);
  c->eof = 1;
  return rc;
}


static int corrupt (MenCursor *c, int posting, int64_t key) {
  char msg[120];
  snprintf(msg, sizeof msg, "corrupt knowledge base (damaged %s of %s %lld)",
           posting ? "posting list" : "mentions", posting ? "entity key" : "segment",
           (long long)key);
  return fail(c, SQLITE_CORRUPT, msg);
}


/* Keeps a copy of column col of st (a blob) in *buf. */
static int keep_blob (sqlite3_stmt *st, int col, unsigned char **buf,
                      size_t *len, size_t *cap) {
  const void *b = sqlite3_column_blob(st, col);
  size_t n = (size_t)sqlite3_column_bytes(st, col);
  if (b == NULL && n > 0) return SQLITE_NOMEM;
  if (!reserve(buf, cap, n + 1)) return SQLITE_NOMEM;
  if (n > 0) memcpy(*buf, b, n);
  *len = n;
  return SQLITE_OK;
}


/* The statement k of the cursor, reset; NULL when it cannot be made. */
static sqlite3_stmt *stmt (MenCursor *c, int k, int *rc) {
  MenTab *t = (MenTab *)c->base.pVtab;
  sqlite3 *db = t->db;
  if (c->st[k] == NULL && t->spare[k] != NULL) {
    c->st[k] = t->spare[k];
    t->spare[k] = NULL;
  }
  if (c->st[k] == NULL) {
    char *sql = sqlite3_mprintf(plan_sql[k], t->schema);
    if (sql == NULL) {
      *rc = SQLITE_NOMEM;
      return NULL;
    }
    *rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->st[k], NULL);
    sqlite3_free(sql);
    if (*rc != SQLITE_OK) return NULL;
  }
  else sqlite3_reset(c->st[k]);
  *rc = SQLITE_OK;
  return c->st[k];
}


/* The next posting entry (c->qseg, c->qentity), reading the next chunk
** when one ends; 1 with it, 0 at the end, or a failure in *rc. A chunk
** of an entity starts after the last entry of the one before. */
static int next_entry (MenCursor *c, int *rc) {
  sqlite3 *db = ((MenTab *)c->base.pVtab)->db;
  int r;
  while ((r = next_posting(c->post, c->qlen, &c->qpos, &c->qseg)) == 0) {
    int64_t entity = c->qentity, last = c->qseg;
    int s = sqlite3_step(c->cur);
    if (s == SQLITE_DONE) return 0;
    if (s != SQLITE_ROW) {
      *rc = fail(c, s, sqlite3_errmsg(db));
      return -1;
    }
    c->qentity = sqlite3_column_int64(c->cur, 0);
    c->qseg = sqlite3_column_int64(c->cur, 1);
    c->qpos = 0;
    if (c->qseg <= 0 || (c->qentity == entity && c->qseg <= last)) {
      *rc = corrupt(c, 1, c->qentity);
      return -1;
    }
    if ((s = keep_blob(c->cur, 2, &c->post, &c->qlen, &c->qcap)) != SQLITE_OK) {
      *rc = fail(c, s, "not enough memory");
      return -1;
    }
  }
  if (r < 0) {
    *rc = corrupt(c, 1, c->qentity);
    return -1;
  }
  return 1;
}


/* Steps to the next row of the plan: the next mention of the pack, else
** of the next pack (or posting entry). */
static int men_next (sqlite3_vtab_cursor *cur) {
  MenCursor *c = (MenCursor *)cur;
  sqlite3 *db = ((MenTab *)cur->pVtab)->db;
  int r, rc = SQLITE_OK;
  c->rowid++;
  if (c->plan & NO_SPANS) {                /* a row a posting entry */
    if ((r = next_entry(c, &rc)) <= 0) {
      c->eof = 1;
      return rc;
    }
    c->seg = c->qseg;
    c->s.entity = c->qentity;
    return SQLITE_OK;
  }
  for (;;) {
    if (c->plen > 0) {                     /* the rest of the pack */
      while ((r = next_span(c->pack, c->plen, &c->ppos, &c->s)) > 0) {
        if (++c->pord > ((int64_t)1 << ROWID_BITS)) break;
        if ((c->plan & 3) != PLAN_ENTITY) return SQLITE_OK;
        /* (the entity of the list, not the value the plan was given:
        ** the list's query compared it with the column's affinity) */
        if (c->s.entity == c->qentity) {
          c->hits++;
          return SQLITE_OK;
        }
      }
      if (r != 0) return corrupt(c, 0, c->seg);
      c->plen = 0;
    }
    if ((c->plan & 3) == PLAN_ENTITY) {    /* the next segment of the list */
      int64_t n = 1;                       /* entries of c->seg */
      for (;;) {                           /* its pack was read whole */
        if ((r = next_entry(c, &rc)) < 0) return rc;
        if (r == 0 || c->qseg != c->seg) break;
        n++;
      }
      /* the list and the pack agree on the entity's mentions there */
      if (c->seg != 0 && n != c->hits) return corrupt(c, 1, c->qentity);
      if (r == 0) {
        c->eof = 1;
        return SQLITE_OK;
      }
      c->seg = c->qseg;
      c->hits = 0;
      /* its pack, through a blob handle moved from row to row (a third of
      ** the cost of a statement a segment) */
      if (c->blob == NULL)
        rc = sqlite3_blob_open(db, ((MenTab *)cur->pVtab)->schema, "mention_pack",
                               "spans", c->seg, 0, &c->blob);
      else rc = sqlite3_blob_reopen(c->blob, c->seg);
      if (rc == SQLITE_OK) {
        int n = sqlite3_blob_bytes(c->blob);
        if (!reserve(&c->pack, &c->pcap, (size_t)n + 1)) rc = SQLITE_NOMEM;
        else rc = sqlite3_blob_read(c->blob, c->pack, n, 0);
        c->plen = (size_t)n;
      }
      if (rc != SQLITE_OK) {               /* the handle is spent */
        sqlite3_blob_close(c->blob);
        c->blob = NULL;
        c->plen = 0;
        /* no pack, or not a blob: the list names what is not there */
        if (rc == SQLITE_ERROR) return corrupt(c, 1, c->qentity);
        return fail(c, rc, rc == SQLITE_NOMEM ? "not enough memory" : sqlite3_errmsg(db));
      }
    }
    else {
      rc = sqlite3_step(c->cur);
      if (rc == SQLITE_DONE) {
        c->eof = 1;
        return SQLITE_OK;
      }
      if (rc != SQLITE_ROW) return fail(c, rc, sqlite3_errmsg(db));
      c->seg = sqlite3_column_int64(c->cur, 0);
      if ((rc = keep_blob(c->cur, 1, &c->pack, &c->plen, &c->pcap)) != SQLITE_OK)
        return fail(c, rc, "not enough memory");
    }
    c->ppos = 0;
    c->pord = 0;
    if (c->plen == 0 || c->seg > ROWID_SEG_MAX) return corrupt(c, 0, c->seg);
  }
}


static int men_filter (sqlite3_vtab_cursor *cur, int idx, const char *idxstr,
                       int argc, sqlite3_value **argv) {
  MenCursor *c = (MenCursor *)cur;
  sqlite3 *db = ((MenTab *)cur->pVtab)->db;
  int plan = idx & 3, rc = SQLITE_OK, k;
  (void)idxstr; (void)argc;
  c->plan = idx;
  c->eof = 0;
  c->plen = c->qlen = c->qpos = c->ppos = 0;
  c->seg = c->qseg = c->qentity = c->hits = 0;
  if (plan == PLAN_ENTITY) k = ST_POSTS;
  else if (idx & NO_SPANS) k = ST_ALL_POSTS;
  else if (plan == PLAN_SEGMENT) k = ST_SEGMENT;
  else if (plan == PLAN_ALL) k = ST_ALL;
  else k = (idx & HAS_LOW) && (idx & HAS_HIGH) ? ST_LOW_HIGH
           : (idx & HAS_LOW) ? ST_LOW : ST_HIGH;
  if ((c->cur = stmt(c, k, &rc)) == NULL) return fail(c, rc, sqlite3_errmsg(db));
  sqlite3_clear_bindings(c->cur);
  if (k != ST_ALL && k != ST_ALL_POSTS) sqlite3_bind_value(c->cur, 1, argv[0]);
  if (k == ST_LOW_HIGH) sqlite3_bind_value(c->cur, 2, argv[1]);
  c->rowid = 0;
  return men_next(cur);
}


static int men_eof (sqlite3_vtab_cursor *cur) {
  return ((MenCursor *)cur)->eof;
}


static int men_column (sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  MenCursor *c = (MenCursor *)cur;
  switch (col) {
    case COL_SEGMENT: sqlite3_result_int64(ctx, c->seg); break;
    case COL_ENTITY: sqlite3_result_int64(ctx, c->s.entity); break;
    case COL_START:
      if (c->plan & NO_SPANS) sqlite3_result_null(ctx);
      else sqlite3_result_int64(ctx, c->s.start);
      break;
    default:
      if (c->plan & NO_SPANS) sqlite3_result_null(ctx);
      else sqlite3_result_int64(ctx, c->s.len);
      break;
  }
  return SQLITE_OK;
}


static int men_rowid (sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  MenCursor *c = (MenCursor *)cur;
  *rowid = c->plan & NO_SPANS ? c->rowid
           : c->seg * ((int64_t)1 << ROWID_BITS) + (c->pord - 1);
  return SQLITE_OK;
}


static sqlite3_module mention_module = {
  .iVersion = 0,
  .xCreate = men_create,     /* a table in each KB's schema, no eponymous one */
  .xConnect = men_connect,
  .xBestIndex = men_best,
  .xDisconnect = men_disconnect,
  .xDestroy = men_disconnect,
  .xOpen = men_open,
  .xClose = men_close,
  .xFilter = men_filter,
  .xNext = men_next,
  .xEof = men_eof,
  .xColumn = men_column,
  .xRowid = men_rowid
};


SN_INTERNAL int sn_register_mention (sqlite3 *db) {
  return sqlite3_create_module_v2(db, "sinorus_mention", &mention_module, NULL, NULL);
}
