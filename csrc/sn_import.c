/*
** sn_import.c: importing a document into a knowledge base.
**
** One call stores the source row, segments the text (sn_segment.c,
** once when the first guess of the room needed holds), stores the text
** once, in pieces (source_text, each packed by sn_text.c), stores the
** segments as offsets with
** their duplicate_of links and their piece, tags the mentions of the
** entities' aliases (sn_match.c) and indexes the segments in
** segment_fts (whose content is the view segment, which reads the text
** from the pieces). Rows go in through multi-row INSERTs prepared once per
** import, with text bound straight from the caller's buffer; no SQL
** looks anything up row by row. The index is written by one statement
** (FTS5 writes out its buffered terms at the end of each statement: a
** statement per batch of rows, text bound from the buffer, made the
** import of 10 MB 40% slower and its index larger). It runs under a
** savepoint of its own
** inside whatever transaction the caller holds.
**
** The rows: segment ids follow the largest id in use, one after another;
** a segment's section is the heading in force (a heading is its own
** section) and a sentence's parent its paragraph; a segment's
** duplicate_of is the first earlier segment of the same source with the
** same kind and text. Paragraphs are not indexed (schema version 2): their
** sentences hold the same text. A paragraph holds only the mentions that
** run across two of its sentences; the others are its sentences'. At one
** (segment, entity, start) the first match the matcher reports (the
** longest) is kept. The index is built by one INSERT ... SELECT over the
** rowid range of the new segments.
**
** The pieces: a piece is cut only where a segment that starts after
** every earlier segment has ended and has no parent starts, so that no
** segment runs across two pieces; between those places the cuts are
** chosen greedily so that a piece holds at most SN_PIECE_BYTES bytes
** where the segments allow (one larger segment makes one larger piece).
** Since schema version 6 a piece is packed (sn_text.c), and reading a
** segment unpacks its piece (which the connection keeps for the segments
** after it): pieces of up to 3,000 bytes pack to about 1,500 (English
** prose at zstd level 1), five to a page, which fill the pages of
** source_text about as well as pieces of 8,100 bytes (which pack better,
** two to a page, with a third of a page left over) and unpack in a
** third of the time (a search reads one piece per hit). Since version 8
** a source is packed with a dictionary when one suits it (choose_dict):
** its pieces then hold up to SN_DICT_PIECE_BYTES, pack to less than the
** larger pieces without one and unpack in a fifth of their time.
**
** sinorus_tag re-tags stored segments by the same rules; it reads their
** text back through the view.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "sn_internal.h"


/* Rows per multi-row INSERT: one statement step per batch of rows. */
#ifndef SN_IMPORT_BATCH
#define SN_IMPORT_BATCH 64
#endif

/* Bytes of text per segment the first segmenting pass makes room for. */
#ifndef SN_IMPORT_SEGBYTES
#define SN_IMPORT_SEGBYTES 64
#endif

/* The most bytes of text a piece holds where the segments allow when it
** is packed with a dictionary (version 8; without one, SN_PIECE_BYTES of
** sn_internal.h). */
#ifndef SN_DICT_PIECE_BYTES
#define SN_DICT_PIECE_BYTES 700
#endif

/* A dictionary: the most recent ones of the file are tried on a sample
** of up to SN_DICT_TEST bytes of a new source's pieces, and the best
** used if it packs them to at most 4/5 of what they take without; else
** a source of SN_DICT_MIN_TEXT bytes or more gets one of its own (16 KiB
** of dictionary pays for itself from about 100 KB of text). */
#ifndef SN_DICT_TRIES
#define SN_DICT_TRIES 4
#endif
#ifndef SN_DICT_TEST
#define SN_DICT_TEST 8192
#endif
#ifndef SN_DICT_MIN_TEXT
#define SN_DICT_MIN_TEXT 262144
#endif

/* How many matches a segment scan collects before it needs more room. */
#ifndef SN_IMPORT_MATCHES
#define SN_IMPORT_MATCHES 64
#endif


/* ---------------------------------------------------------------------
** Helpers
** ------------------------------------------------------------------ */

/* Binds a string given with its length, or NULL for a NULL pointer;
** the string must outlive the statement's next reset. */
static int bind_str (sqlite3_stmt *st, int i, const char *s, size_t len) {
  if (s == NULL) return sqlite3_bind_null(st, i);
  return sqlite3_bind_text64(st, i, s, (sqlite3_uint64)len, SQLITE_STATIC,
                             SQLITE_UTF8);
}


/* Steps a statement that returns no row and resets it. */
static int run (sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}


/* ---------------------------------------------------------------------
** Duplicate segments: a hash set of (kind, text), open addressing
** ------------------------------------------------------------------ */

/* A slot: 0 or the index of a segment + 1, and the low bits of its hash
** (side by side, so a probe costs one cache miss). */
typedef struct DupSlot {
  uint32_t seg;
  uint32_t tag;
} DupSlot;

typedef struct DupSet {
  DupSlot *slot;
  size_t mask;
} DupSet;


/* A hash of a segment's kind and bytes (word at a time). */
static uint64_t seg_hash (int kind, const char *s, size_t n) {
  const uint64_t K = UINT64_C(0x9E3779B97F4A7C15);
  uint64_t h = ((uint64_t)n << 3) ^ (uint64_t)kind, w;
  while (n >= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * K;
    h ^= h >> 29;
    s += 8;
    n -= 8;
  }
  w = 0;
  memcpy(&w, s, n);
  h = (h ^ w ^ ((uint64_t)n << 59)) * K;
  return h ^ (h >> 32);
}


/* Room for n segments; 0 when out of memory. */
static int dup_init (DupSet *d, size_t n) {
  size_t size = 16;
  while (size < 2 * n) size *= 2;
  d->slot = (DupSlot *)calloc(size, sizeof(DupSlot));
  d->mask = size - 1;
  return d->slot != NULL;
}


static void dup_free (DupSet *d) {
  free(d->slot);
  d->slot = NULL;
}


/* The hash of segment s of text. */
static uint64_t dup_hash (const char *text, const sinorus_seg *s) {
  return seg_hash(s->kind, text + s->start, s->stop - s->start);
}


/* Brings the first slot that hash h probes into the cache. */
static void dup_prefetch (const DupSet *d, uint64_t h) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(&d->slot[(size_t)(h >> 32) & d->mask], 1);
#else
  (void)d;
  (void)h;
#endif
}


/*
** The index of the first segment before i with the kind and text of
** segs[i], whose hash is h, or -1 after remembering segs[i] as the first
** of its kind.
*/
static long dup_find (DupSet *d, const char *text, const sinorus_seg *segs,
                      size_t i, uint64_t h) {
  const sinorus_seg *s = &segs[i];
  size_t n = s->stop - s->start;
  size_t j = (size_t)(h >> 32) & d->mask;
  uint32_t tag = (uint32_t)h;
  for (;; j = (j + 1) & d->mask) {
    DupSlot *sl = &d->slot[j];
    const sinorus_seg *o;
    if (sl->seg == 0) {
      sl->seg = (uint32_t)(i + 1);
      sl->tag = tag;
      return -1;
    }
    if (sl->tag != tag) continue;
    o = &segs[sl->seg - 1];
    if (o->kind == s->kind && o->stop - o->start == n
        && memcmp(text + o->start, text + s->start, n) == 0)
      return (long)(sl->seg - 1);
  }
}


/* ---------------------------------------------------------------------
** The aliases of the KB's entities, compiled into one matcher
** ------------------------------------------------------------------ */

typedef struct Aliases {
  sinorus_matcher *m;    /* NULL when the KB has no alias */
  char *names;           /* the entity ids, one after another */
  size_t used, cap;
  size_t *off, *len;     /* [entity]: where its id is in names */
  size_t n, ncap;        /* entities */
  sqlite3_int64 *key;    /* [entity]: its entity_key id (load_keys) */
} Aliases;


static void aliases_free (Aliases *a) {
  sinorus_matcher_free(a->m);
  free(a->names);
  free(a->off);
  free(a->len);
  free(a->key);
  memset(a, 0, sizeof *a);
}


/* Appends entity id s (n bytes); returns its index or -1 (no memory). */
static long add_entity (Aliases *a, const char *s, size_t n) {
  if (a->used + n > a->cap) {
    size_t cap = a->cap ? a->cap : 256;
    char *p;
    while (cap < a->used + n) cap *= 2;
    if ((p = (char *)realloc(a->names, cap)) == NULL) return -1;
    a->names = p;
    a->cap = cap;
  }
  if (a->n == a->ncap) {
    size_t cap = a->ncap ? 2 * a->ncap : 64;
    size_t *off = (size_t *)realloc(a->off, cap * sizeof(size_t)), *len;
    if (off == NULL) return -1;
    a->off = off;
    if ((len = (size_t *)realloc(a->len, cap * sizeof(size_t))) == NULL)
      return -1;
    a->len = len;
    a->ncap = cap;
  }
  if (n > 0) memcpy(a->names + a->used, s, n);
  a->off[a->n] = a->used;
  a->len[a->n] = n;
  a->used += n;
  return (long)a->n++;
}


/*
** Reads every alias (in entity, ord order) into a compiled matcher whose
** pattern ids are entity indexes. Returns a status; on failure writes a
** message.
*/
static int load_aliases (sqlite3 *db, Aliases *a, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  int rc, status = SINORUS_OK;
  long cur = -1;
  rc = sqlite3_prepare_v2(db, "SELECT entity, alias FROM alias "
                              "ORDER BY entity, ord", -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  for (; rc == SQLITE_ROW; rc = sqlite3_step(st)) {
    const char *e = (const char *)sqlite3_column_text(st, 0);
    size_t elen = (size_t)sqlite3_column_bytes(st, 0);
    const char *al = (const char *)sqlite3_column_text(st, 1);
    size_t alen = (size_t)sqlite3_column_bytes(st, 1);
    if (e == NULL || al == NULL) {
      if (sqlite3_errcode(db) == SQLITE_NOMEM) {
        status = SINORUS_NOMEM;
        break;
      }
      e = e ? e : "";
      al = al ? al : "";
    }
    if (a->m == NULL && (a->m = sinorus_matcher_new()) == NULL) {
      status = SINORUS_NOMEM;
      break;
    }
    if (cur < 0 || a->len[cur] != elen
        || memcmp(a->names + a->off[cur], e, elen) != 0) {
      if ((cur = add_entity(a, e, elen)) < 0) { status = SINORUS_NOMEM; break; }
    }
    status = sinorus_matcher_add(a->m, al, alen, cur);
    if (status == SINORUS_RANGE) {
      sn_seterr(err, errlen, "an alias of entity '%.*s' is empty or too long "
             "once folded", (int)(elen > 200 ? 200 : elen), e);
      break;
    }
    if (status != SINORUS_OK) break;
  }
  if (status == SINORUS_OK && rc != SQLITE_DONE) {
    status = sn_status_of(rc);
    if (status == SINORUS_OK) status = SINORUS_ERROR;
    sn_seterr(err, errlen, "%s", sqlite3_errmsg(db));
  }
  else if (status != SINORUS_OK && status != SINORUS_RANGE)
    sn_seterr(err, errlen, "%s", sinorus_strstatus(status));
  sqlite3_finalize(st);
  if (status == SINORUS_OK && a->m != NULL) {
    status = sinorus_matcher_compile(a->m);
    if (status != SINORUS_OK) sn_seterr(err, errlen, "not enough memory");
  }
  return status;
}


/*
** Gives every entity of a its key in entity_key (schema version 5), the
** integer that mention_row stores for it: the one it has, or a new one.
** Returns a SQLite code.
*/
static int load_keys (sqlite3 *db, Aliases *a) {
  sqlite3_stmt *ins = NULL, *get = NULL;
  size_t e;
  int rc;
  if (a->n == 0) return SQLITE_OK;
  if ((a->key = (sqlite3_int64 *)calloc(a->n, sizeof *a->key)) == NULL)
    return SQLITE_NOMEM;
  rc = sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO entity_key (entity) "
                              "VALUES (?1)", -1, &ins, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "SELECT id FROM entity_key WHERE entity = ?1",
                            -1, &get, NULL);
  for (e = 0; rc == SQLITE_OK && e < a->n; e++) {
    sqlite3_bind_text64(ins, 1, a->names + a->off[e], a->len[e],
                        SQLITE_STATIC, SQLITE_UTF8);
    sqlite3_bind_text64(get, 1, a->names + a->off[e], a->len[e],
                        SQLITE_STATIC, SQLITE_UTF8);
    rc = sqlite3_step(ins);
    sqlite3_reset(ins);
    if (rc == SQLITE_DONE) rc = sqlite3_step(get);
    if (rc == SQLITE_ROW) {
      a->key[e] = sqlite3_column_int64(get, 0);
      rc = SQLITE_OK;
    }
    else if (rc == SQLITE_DONE) rc = SQLITE_ERROR;   /* cannot happen */
    sqlite3_reset(get);
  }
  sqlite3_finalize(ins);
  sqlite3_finalize(get);
  return rc;
}


/* ---------------------------------------------------------------------
** Pieces of text
** ------------------------------------------------------------------ */

/*
** Writes to cuts the 0-based offsets at which the pieces of a text of
** len bytes start, segmented into segs[0..n) (in document order: a
** paragraph before its sentences), and returns how many there are (at
** least 1, at most n + 1): the first at 0, the others at the start of a
** segment that no earlier segment runs across. Such a place where a
** segment without a parent starts is preferred; the start of a sentence
** inside a paragraph is used only where a paragraph alone would make a
** piece longer than most bytes, so that only such long paragraphs run
** across pieces. The cuts are chosen greedily so that a piece holds at
** most `most` bytes where the segments allow.
*/
SN_INTERNAL size_t sn_piece_cuts (const sinorus_seg *segs, size_t n,
                                  size_t len, size_t most, size_t *cuts) {
  size_t i, ncut = 1, from = 0, top = 0, any = 0;
  size_t maxstop = 0;      /* the largest stop so far */
  size_t before = 0;       /* the same before the last segment without a
                           ** parent, the paragraph */
  size_t inner = 0;        /* the largest stop of the segments after it */
  long para = -1;          /* its index */
  cuts[0] = 0;
  for (i = 0; i <= n; i++) {
    size_t c;
    int is_top = 1;
    if (i < n) {
      const sinorus_seg *s = &segs[i];
      int open;
      if (s->parent < 0) {
        open = s->start >= maxstop;
        before = maxstop;
        inner = 0;
        para = (long)i;
      }
      else {
        open = s->parent == para && s->start >= before && s->start >= inner;
        if (s->stop > inner) inner = s->stop;
        is_top = 0;
      }
      if (s->stop > maxstop) maxstop = s->stop;
      if (!open || s->start == 0) continue;
      c = s->start;
    }
    else c = len;
    /* a piece from `from` to c would be too long: cut at the last place
    ** that starts a segment without a parent, else at the last one */
    while (c - from > most && (top > from || any > from)) {
      from = top > from ? top : any;
      cuts[ncut++] = from;
    }
    if (is_top) top = c;
    any = c;
  }
  return ncut;
}


/* The index of the piece that holds byte offset at, among cuts[0..n). */
static size_t piece_of (const size_t *cuts, size_t n, size_t at) {
  size_t lo = 0, hi = n;       /* cuts[lo] <= at < cuts[hi] */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (cuts[mid] <= at) lo = mid;
    else hi = mid;
  }
  return lo;
}


/* ---------------------------------------------------------------------
** The import
** ------------------------------------------------------------------ */

/* The state of one import; everything in it is freed by import_end. */
typedef struct Import {
  sqlite3 *db;
  const sinorus_source *src;
  sinorus_seg *segs;
  size_t nsegs;
  DupSet dup;
  Aliases al;
  sinorus_match *hits;
  size_t hitcap;
  size_t *cuts;                         /* where the pieces start */
  sn_packer *packer;                    /* packs the pieces (sn_text.c) */
  size_t ncuts;
  sqlite3_int64 zid;                    /* their dictionary's id (0: none) */
  sqlite3_int64 piece_base;             /* the id of the first piece */
  sqlite3_stmt *ins_source, *max_seg, *ins_fts, *ins_piece, *max_piece;
  sqlite3_stmt *seg_many, *seg_one;     /* SN_IMPORT_BATCH rows, one row */
  sn_menw *men;                         /* writes the mentions (sn_mention.c) */
  sqlite3_int64 men_seg;                /* the segment of the last mention */
  sqlite3_int64 source, base;
  size_t batch;                         /* rows per multi-row INSERT */
  uint64_t hash[SN_IMPORT_BATCH];       /* of the segments of a batch */
  size_t mentions;
} Import;


static void import_end (Import *im) {
  sqlite3_finalize(im->ins_source);
  sqlite3_finalize(im->max_seg);
  sqlite3_finalize(im->ins_fts);
  sqlite3_finalize(im->seg_many);
  sqlite3_finalize(im->seg_one);
  sn_menw_free(im->men);
  im->men = NULL;
  sqlite3_finalize(im->ins_piece);
  sqlite3_finalize(im->max_piece);
  im->ins_piece = im->max_piece = NULL;
  im->ins_source = im->max_seg = im->ins_fts = NULL;
  im->seg_many = im->seg_one = NULL;
  free(im->segs);
  free(im->hits);
  free(im->cuts);
  im->cuts = NULL;
  sn_packer_free(im->packer);
  im->packer = NULL;
  im->segs = NULL;
  im->hits = NULL;
  dup_free(&im->dup);
  aliases_free(&im->al);
}


static int prepare (sqlite3 *db, const char *sql, sqlite3_stmt **st) {
  return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL);
}


/* (segment_row keeps the kind as its SINORUS_SEG_* number and the length;
** the view segment names the kind and gives the stop) */
#define SEG_HEAD "INSERT INTO segment_row (id, source, kind, section, " \
                 "parent, ord, start, len, duplicate_of, piece) VALUES "
/* The write site of mentions in files not yet migrated past version 1
** (the v1 -> v2 step tags paragraphs again before they are packed);
** since version 7 sn_menw writes them (sn_mention.c). */
#define MEN_HEAD_V1 "INSERT OR IGNORE INTO mention (segment, entity, " \
                    "start, stop) VALUES "

#define SN_STR_(x) #x
#define SN_STR(x) SN_STR_(x)

/* The type of the pointer that the import binds for sinorus_feed. */
#define FEED_POINTER "sinorus_import"

/*
** sinorus_feed(import, id): the text of segment id of the import running
** (a pointer only the import binds, sqlite3_bind_pointer), from its copy
** of the source's text; NULL for an id it did not write. Registered on
** every connection sinorus opens (sn_register_feed); any other call is
** an error.
*/
static void sql_feed (sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const Import *im = (const Import *)sqlite3_value_pointer(argv[0], FEED_POINTER);
  sqlite3_int64 id = sqlite3_value_int64(argv[1]);
  const sinorus_seg *s;
  (void)argc;
  if (im == NULL) {
    sqlite3_result_error(ctx, "sinorus_feed: only the import calls it", -1);
    return;
  }
  if (id < im->base || (sqlite3_uint64)(id - im->base) >= im->nsegs) {
    sqlite3_result_null(ctx);
    return;
  }
  s = &im->segs[id - im->base];
  sqlite3_result_text64(ctx, im->src->text + s->start, s->stop - s->start,
                        SQLITE_STATIC, SQLITE_UTF8);
}


SN_INTERNAL int sn_register_feed (sqlite3 *db) {
  return sqlite3_create_function_v2(db, "sinorus_feed", 2, SQLITE_UTF8
                                    | SQLITE_DIRECTONLY, NULL, sql_feed,
                                    NULL, NULL, NULL);
}


/* Prepares the statements of an import. */
static int prepare_all (Import *im) {
  sqlite3 *db = im->db;
  int maxvars = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1), rc;
  im->batch = SN_IMPORT_BATCH;          /* as many as the connection allows */
  if (maxvars / 10 < SN_IMPORT_BATCH)
    im->batch = maxvars >= 10 ? (size_t)maxvars / 10 : 1;
  rc = prepare(db, "INSERT INTO source (title, authors, outlet, published, "
                       "url, doi) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   &im->ins_source);
  if (rc == SQLITE_OK)
    rc = prepare(db, "SELECT max(id) FROM segment_row", &im->max_seg);
  if (rc == SQLITE_OK)
    rc = prepare(db, "SELECT max(id) FROM source_text", &im->max_piece);
  if (rc == SQLITE_OK)
    rc = prepare(db, "INSERT INTO source_text (id, source, start, stop, "
                     "packed) VALUES (?1, ?2, ?3, ?4, ?5)", &im->ins_piece);
  if (rc == SQLITE_OK)
    rc = sn_prepare_rows(db, SEG_HEAD, 10, (int)im->batch, &im->seg_many);
  if (rc == SQLITE_OK) rc = sn_prepare_rows(db, SEG_HEAD, 10, 1, &im->seg_one);
  if (rc == SQLITE_OK) rc = sn_menw_new(db, 0, &im->men);
  /* the index is fed the new segments' text from the import's own copy
  ** (sinorus_feed, below), not through the view, which would unpack
  ** every piece again; one statement, so that FTS5 writes its terms out
  ** once (it does at the end of every statement) */
  if (rc == SQLITE_OK)
    rc = prepare(db, "INSERT INTO segment_fts (rowid, text) "
                     "SELECT id, sinorus_feed(?3, id) FROM segment_row "
                     "WHERE id BETWEEN ?1 AND ?2 AND kind <> "
                     SN_STR(SINORUS_SEG_PARAGRAPH), &im->ins_fts);
  return rc;
}


/* The largest id a statement gives (0 for none) plus one, in *out. */
static int next_id (sqlite3_stmt *st, sqlite3_int64 *out) {
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int64(st, 0) + 1;
    rc = SQLITE_OK;
  }
  sqlite3_reset(st);
  return rc;
}


/* Inserts the source row and its pieces of text (packed), and finds the
** first free segment id. */
static int write_source (Import *im) {
  const sinorus_source *s = im->src;
  sqlite3_stmt *st = im->ins_source;
  const unsigned char *packed;
  size_t k, plen;
  int rc;
  bind_str(st, 1, s->title, s->title_len);
  if (s->authors != NULL) bind_str(st, 2, s->authors, s->authors_len);
  else sqlite3_bind_text(st, 2, "[]", 2, SQLITE_STATIC);
  bind_str(st, 3, s->outlet, s->outlet_len);
  bind_str(st, 4, s->published, s->published_len);
  bind_str(st, 5, s->url, s->url_len);
  bind_str(st, 6, s->doi, s->doi_len);
  rc = run(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_OK) return rc;
  im->source = sqlite3_last_insert_rowid(im->db);
  rc = next_id(im->max_seg, &im->base);
  if (rc == SQLITE_OK) rc = next_id(im->max_piece, &im->piece_base);
  for (k = 0; rc == SQLITE_OK && k < im->ncuts; k++) {
    size_t a = im->cuts[k], b = k + 1 < im->ncuts ? im->cuts[k + 1] : s->len;
    st = im->ins_piece;
    sqlite3_bind_int64(st, 1, im->piece_base + (sqlite3_int64)k);
    sqlite3_bind_int64(st, 2, im->source);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)a + 1);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)b);
    rc = sn_pack(im->packer, s->text + a, b - a, &packed, &plen);
    if (rc == SQLITE_OK) {
      sqlite3_bind_blob64(st, 5, packed, (sqlite3_uint64)plen, SQLITE_STATIC);
      rc = run(st);
    }
  }
  return rc;
}


/* Binds segment i, whose duplicate is segment dup (or -1), from
** parameter p on. */
static void bind_segment (Import *im, sqlite3_stmt *st, int p, size_t i,
                          long dup) {
  const sinorus_seg *s = &im->segs[i];
  sqlite3_bind_int64(st, p, im->base + (sqlite3_int64)i);
  sqlite3_bind_int64(st, p + 1, im->source);
  sqlite3_bind_int(st, p + 2, s->kind);
  /* the heading in force: an earlier segment, or a heading itself */
  if (s->section >= 0 && (size_t)s->section <= i)
    sqlite3_bind_int64(st, p + 3, im->base + s->section);
  else sqlite3_bind_null(st, p + 3);
  if (s->parent >= 0 && (size_t)s->parent < i)
    sqlite3_bind_int64(st, p + 4, im->base + s->parent);
  else sqlite3_bind_null(st, p + 4);
  sqlite3_bind_int64(st, p + 5, (sqlite3_int64)i + 1);
  sqlite3_bind_int64(st, p + 6, (sqlite3_int64)s->start + 1);
  sqlite3_bind_int64(st, p + 7, (sqlite3_int64)(s->stop - s->start));
  if (dup >= 0) sqlite3_bind_int64(st, p + 8, im->base + dup);
  else sqlite3_bind_null(st, p + 8);
  sqlite3_bind_int64(st, p + 9, im->piece_base + (sqlite3_int64)
                     piece_of(im->cuts, im->ncuts, s->start));
}


/*
** Inserts the segments, in document order, im->batch a statement. The
** hashes of a batch are taken first and their slots fetched ahead, so
** that the duplicate lookups do not wait on memory one after another.
*/
static int write_segments (Import *im) {
  const char *text = im->src->text;
  size_t i, k, b = im->batch, n = im->nsegs, full = n - n % b;
  int rc;
  for (i = 0; i < full; i += b) {
    for (k = 0; k < b; k++) {
      im->hash[k] = dup_hash(text, &im->segs[i + k]);
      dup_prefetch(&im->dup, im->hash[k]);
    }
    for (k = 0; k < b; k++)
      bind_segment(im, im->seg_many, 10 * (int)k + 1, i + k,
                   dup_find(&im->dup, text, im->segs, i + k, im->hash[k]));
    if ((rc = run(im->seg_many)) != SQLITE_OK) return rc;
  }
  for (; i < n; i++) {
    bind_segment(im, im->seg_one, 1, i,
                 dup_find(&im->dup, text, im->segs, i,
                          dup_hash(text, &im->segs[i])));
    if ((rc = run(im->seg_one)) != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}


/* Writes a mention of entity e at source bytes [a, b) as one of segment
** i (the segments come in order of id, sn_menw's rule). */
static int add_mention (Import *im, size_t i, long e, size_t a, size_t b) {
  sqlite3_int64 seg = im->base + (sqlite3_int64)i;
  int rc;
  if (seg != im->men_seg) {
    if ((rc = sn_menw_segment(im->men, seg)) != SQLITE_OK) return rc;
    im->men_seg = seg;
  }
  return sn_menw_span(im->men, im->al.key[e], (int64_t)(a - im->segs[i].start),
                      (int64_t)(b - a));
}


/* Scans t[0..len) into im->hits; returns the number of matches, or
** (size_t)-1 when the buffer cannot grow. */
static size_t scan (Import *im, const char *t, size_t len) {
  size_t n = sinorus_matcher_scan(im->al.m, t, len, im->hits, im->hitcap);
  if (n > im->hitcap) {
    sinorus_match *h = (sinorus_match *)realloc(im->hits, n * sizeof(sinorus_match));
    if (h == NULL) return (size_t)-1;
    im->hits = h;
    im->hitcap = n;
    n = sinorus_matcher_scan(im->al.m, t, len, im->hits, im->hitcap);
  }
  return n;
}


/*
** Tags every segment, in order of segment, then as the matcher reports
** them. A paragraph is scanned once for itself and its sentences (which
** follow it): a match within one sentence is that sentence's, as a scan
** of the sentence alone would find it (sentences are separated by white
** space, a word boundary either way); a match across two sentences, which
** no sentence holds, is the paragraph's. Other segments are scanned
** alone. Returns a SQLite code (SQLITE_NOMEM when the match buffer cannot
** grow).
*/
static int write_mentions (Import *im) {
  const char *text = im->src->text;
  const sinorus_seg *segs = im->segs;
  size_t i, j, n, first, end, c;
  int rc, pass;
  if (im->al.m == NULL) return SQLITE_OK;
  for (i = 0; i < im->nsegs; i++) {
    const sinorus_seg *s = &segs[i];
    if (s->kind == SINORUS_SEG_SENTENCE && s->parent >= 0
        && segs[s->parent].kind == SINORUS_SEG_PARAGRAPH)
      continue;                             /* tagged with its paragraph */
    if ((n = scan(im, text + s->start, s->stop - s->start)) == (size_t)-1)
      return SQLITE_NOMEM;
    if (s->kind != SINORUS_SEG_PARAGRAPH) {
      for (j = 0; j < n; j++) {
        const sinorus_match *h = &im->hits[j];
        rc = add_mention(im, i, h->id, s->start + h->start, s->start + h->stop);
        if (rc != SQLITE_OK) return rc;
      }
      continue;
    }
    for (first = end = i + 1; end < im->nsegs && segs[end].parent == (long)i
         && segs[end].kind == SINORUS_SEG_SENTENCE; end++) ;
    /* pass 0: the paragraph's own (ids ascend), pass 1: its sentences' */
    for (pass = 0; pass < 2; pass++) {
      for (j = 0, c = first; j < n; j++) {
        const sinorus_match *h = &im->hits[j];
        size_t a = s->start + h->start, b = s->start + h->stop;
        int inside;
        while (c + 1 < end && segs[c + 1].start <= a) c++;  /* starts ascend */
        inside = c < end && segs[c].start <= a && b <= segs[c].stop;
        if (inside != pass) continue;
        if ((rc = add_mention(im, inside ? c : i, h->id, a, b)) != SQLITE_OK) return rc;
      }
    }
  }
  rc = sn_menw_finish(im->men);
  im->mentions = sn_menw_written(im->men);
  return rc;
}


/* What the pieces k = 0, step, 2 step, ... of the text (at most
** SN_DICT_TEST bytes of them) pack to with the packer as it is, in *out. */
static int sample_size (Import *im, size_t step, size_t *out) {
  size_t k, used = 0, plen;
  const unsigned char *packed;
  int rc = SQLITE_OK;
  *out = 0;
  for (k = 0; rc == SQLITE_OK && k < im->ncuts && used < SN_DICT_TEST; k += step) {
    size_t a = im->cuts[k], b = k + 1 < im->ncuts ? im->cuts[k + 1] : im->src->len;
    rc = sn_pack(im->packer, im->src->text + a, b - a, &packed, &plen);
    used += b - a;
    *out += plen;
  }
  return rc;
}


/*
** Chooses the dictionary the pieces are packed with (version 8) and
** cuts the text into pieces: the best of the file's SN_DICT_TRIES most
** recent dictionaries if it packs a sample of the pieces to at most 4/5
** of what they take without one; else, for a text of SN_DICT_MIN_TEXT
** bytes or more, a dictionary trained on the text itself, stored in
** text_dict; else none, and pieces of SN_PIECE_BYTES.
*/
static int choose_dict (Import *im) {
  const sinorus_source *src = im->src;
  sqlite3_stmt *st = NULL;
  size_t plain = 0, best = 0, step, got;
  unsigned char *dict = NULL;
  size_t dlen = 0;
  int rc;
  im->zid = 0;
  im->ncuts = sn_piece_cuts(im->segs, im->nsegs, src->len, SN_DICT_PIECE_BYTES,
                            im->cuts);
  step = src->len > SN_DICT_TEST ? (src->len + SN_DICT_TEST - 1) / SN_DICT_TEST : 1;
  rc = prepare(im->db, "SELECT zid, dict FROM text_dict ORDER BY id DESC LIMIT "
                       SN_STR(SN_DICT_TRIES), &st);
  while (rc == SQLITE_OK && src->len > 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const void *b = sqlite3_column_blob(st, 1);
    int n = sqlite3_column_bytes(st, 1);
    /* (the sample without a dictionary, once there is one to try) */
    rc = plain == 0 ? sample_size(im, step, &plain) : SQLITE_OK;
    if (rc == SQLITE_OK)
      rc = b != NULL && sn_dict_id(b, (size_t)n) == (unsigned)sqlite3_column_int64(st, 0)
           ? sn_packer_use(im->packer, b, (size_t)n) : SQLITE_CORRUPT;
    if (rc == SQLITE_OK) rc = sample_size(im, step, &got);
    if (rc == SQLITE_OK && got * 5 <= plain * 4 && (best == 0 || got < best)) {
      best = got;
      im->zid = sqlite3_column_int64(st, 0);
    }
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_finalize(st);
  st = NULL;
  if (rc == SQLITE_OK && im->zid != 0) {
    /* the chosen one again (the packer holds the last one tried) */
    rc = prepare(im->db, "SELECT dict FROM text_dict WHERE zid = ?1", &st);
    if (rc == SQLITE_OK) {
      sqlite3_bind_int64(st, 1, im->zid);
      rc = sqlite3_step(st) == SQLITE_ROW
           ? sn_packer_use(im->packer, sqlite3_column_blob(st, 0),
                           (size_t)sqlite3_column_bytes(st, 0))
           : SQLITE_CORRUPT;
    }
    sqlite3_finalize(st);
    return rc;
  }
  if (rc == SQLITE_OK && src->len >= SN_DICT_MIN_TEXT)
    rc = sn_train(src->text, im->cuts, im->ncuts, src->len, &dict, &dlen);
  if (rc == SQLITE_OK && dict != NULL) {
    /* (the id is a hash of the bytes: one that a file already holds is
    ** the same dictionary, or, far less likely than a damaged disk, one
    ** that collides, whose pieces would fail their checksums) */
    rc = prepare(im->db, "INSERT INTO text_dict (zid, dict) VALUES (?1, ?2) "
                         "ON CONFLICT (zid) DO NOTHING", &st);
    if (rc == SQLITE_OK) {
      sqlite3_bind_int64(st, 1, (sqlite3_int64)sn_dict_id(dict, dlen));
      sqlite3_bind_blob64(st, 2, dict, (sqlite3_uint64)dlen, SQLITE_STATIC);
      rc = run(st);
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK && sqlite3_changes(im->db) == 1) {
      rc = sn_packer_use(im->packer, dict, dlen);
      im->zid = sn_dict_id(dict, dlen);
    }
    free(dict);
    if (rc != SQLITE_OK || im->zid != 0) return rc;
  }
  if (rc == SQLITE_OK) {
    rc = sn_packer_use(im->packer, NULL, 0);
    im->ncuts = sn_piece_cuts(im->segs, im->nsegs, src->len, SN_PIECE_BYTES,
                              im->cuts);
  }
  return rc;
}


/* Everything but the savepoint; returns a status and writes a message. */
static int import_body (Import *im, char *err, size_t errlen) {
  const sinorus_source *src = im->src;
  int rc, status;
  size_t n, cap;
  /* one pass when the guess of a segment per SN_IMPORT_SEGBYTES bytes
  ** holds (prose has fewer), a second with the exact size otherwise */
  cap = src->len / SN_IMPORT_SEGBYTES + 16;
  im->segs = (sinorus_seg *)malloc(cap * sizeof(sinorus_seg));
  im->hits = (sinorus_match *)malloc(SN_IMPORT_MATCHES * sizeof(sinorus_match));
  if (im->segs == NULL || im->hits == NULL) {
    sn_seterr(err, errlen, "not enough memory");
    return SINORUS_NOMEM;
  }
  im->hitcap = SN_IMPORT_MATCHES;
  n = sinorus_segment(src->text, src->len, src->format, im->segs, cap);
  if (n >= UINT32_MAX || n > SIZE_MAX / sizeof(sinorus_seg) / 2) {
    sn_seterr(err, errlen, "too many segments (%lu)", (unsigned long)n);
    return SINORUS_RANGE;
  }
  if (n > cap) {
    sinorus_seg *segs = (sinorus_seg *)realloc(im->segs, n * sizeof(sinorus_seg));
    if (segs == NULL) {
      sn_seterr(err, errlen, "not enough memory");
      return SINORUS_NOMEM;
    }
    im->segs = segs;
    n = sinorus_segment(src->text, src->len, src->format, im->segs, n);
  }
  im->nsegs = n;
  im->cuts = (size_t *)malloc((n + 1) * sizeof(size_t));
  im->packer = sn_packer_new();
  if (im->cuts == NULL || im->packer == NULL || !dup_init(&im->dup, n)) {
    sn_seterr(err, errlen, "not enough memory");
    return SINORUS_NOMEM;
  }
  status = load_aliases(im->db, &im->al, err, errlen);
  if (status != SINORUS_OK) return status;
  rc = load_keys(im->db, &im->al);
  if (rc == SQLITE_OK) rc = prepare_all(im);
  if (rc == SQLITE_OK && (rc = choose_dict(im)) == SQLITE_CORRUPT) {
    sn_seterr(err, errlen, "corrupt knowledge base (a dictionary of text_dict "
                           "is damaged)");
    return SINORUS_NOTKB;
  }
  if (rc == SQLITE_OK) rc = write_source(im);
  if (rc == SQLITE_OK) rc = write_segments(im);
  if (rc == SQLITE_OK) rc = write_mentions(im);
  if (rc == SQLITE_OK) {
    sqlite3_bind_int64(im->ins_fts, 1, im->base);
    sqlite3_bind_int64(im->ins_fts, 2, im->base + (sqlite3_int64)im->nsegs - 1);
    sqlite3_bind_pointer(im->ins_fts, 3, im, FEED_POINTER, NULL);
    rc = run(im->ins_fts);
  }
  /* the pages the index's merges freed leave the file (a file made with
  ** auto_vacuum = INCREMENTAL; in another, this does nothing) */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(im->db, "PRAGMA incremental_vacuum", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    status = sn_status_of(rc);
    sn_seterr(err, errlen, "%s", rc == SQLITE_NOMEM ? "not enough memory"
                              : sqlite3_errmsg(im->db));
    return status == SINORUS_OK ? SINORUS_ERROR : status;
  }
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Savepoints: a call is all or nothing inside the caller's transaction
** ------------------------------------------------------------------ */

/* Runs "VERB name" (a savepoint statement). */
static int sp_exec (sqlite3 *db, const char *verb, const char *name) {
  char sql[64];
  snprintf(sql, sizeof sql, "%s %s", verb, name);
  return sqlite3_exec(db, sql, NULL, NULL, NULL);
}


/* Opens savepoint name; returns a status, with a message on failure. */
static int sp_begin (sqlite3 *db, const char *name, char *err, size_t errlen) {
  int rc = sp_exec(db, "SAVEPOINT", name), status;
  if (rc == SQLITE_OK) return SINORUS_OK;
  sn_seterr(err, errlen, "%s", sqlite3_errmsg(db));
  status = sn_status_of(rc);
  return status == SINORUS_OK ? SINORUS_ERROR : status;
}


/*
** Ends savepoint name after a body that returned status: releases it
** when the body succeeded (a failure to release becomes the status),
** else rolls it back and releases it (best effort: a failure that ended
** the caller's transaction has taken the savepoint with it). Returns
** the status.
*/
static int sp_end (sqlite3 *db, const char *name, int status, char *err,
                   size_t errlen) {
  if (status == SINORUS_OK) {
    int rc = sp_exec(db, "RELEASE", name);
    if (rc != SQLITE_OK) {
      status = sn_status_of(rc);
      if (status == SINORUS_OK) status = SINORUS_ERROR;
      sn_seterr(err, errlen, "%s", sqlite3_errmsg(db));
    }
  }
  if (status != SINORUS_OK) {
    sp_exec(db, "ROLLBACK TO", name);
    sp_exec(db, "RELEASE", name);
  }
  return status;
}


/* ---------------------------------------------------------------------
** Tagging stored segments again
** ------------------------------------------------------------------ */

typedef struct Tagger {
  sqlite3 *db;
  Aliases al;
  sinorus_match *hits;
  size_t hitcap;
  sqlite3_stmt *targets, *seg, *sents, *del, *ins;
  sn_menw *w;            /* packed mentions (version 7); NULL: mention (v1) */
  size_t count;
} Tagger;


/* Scans t[0..len) into tg->hits; returns the number of matches, or
** (size_t)-1 when the buffer cannot grow. */
static size_t tag_scan (Tagger *tg, const char *t, size_t len) {
  size_t n = sinorus_matcher_scan(tg->al.m, t, len, tg->hits, tg->hitcap);
  if (n > tg->hitcap) {
    sinorus_match *h = (sinorus_match *)realloc(tg->hits, n * sizeof *h);
    if (h == NULL) return (size_t)-1;
    tg->hits = h;
    tg->hitcap = n;
    n = sinorus_matcher_scan(tg->al.m, t, len, tg->hits, tg->hitcap);
  }
  return n;
}


/* Whether [a, b] lies inside one of the sentences the statement
** tg->sents (bound to the paragraph) returns; *rc gets its result. */
static int in_sentence (Tagger *tg, sqlite3_int64 a, sqlite3_int64 b,
                        int *rc) {
  int inside = 0;
  while ((*rc = sqlite3_step(tg->sents)) == SQLITE_ROW)
    if (sqlite3_column_int64(tg->sents, 0) <= a
        && b <= sqlite3_column_int64(tg->sents, 1)) inside = 1;
  sqlite3_reset(tg->sents);
  if (*rc == SQLITE_DONE) *rc = SQLITE_OK;
  return inside;
}


/* Tags segment id again; a missing id is passed over. */
static int tag_one (Tagger *tg, sqlite3_int64 id) {
  const char *text;
  sqlite3_int64 start;
  size_t len, n, j;
  int rc, para;
  if (tg->w == NULL) {
    sqlite3_bind_int64(tg->del, 1, id);
    if ((rc = run(tg->del)) != SQLITE_OK || tg->al.m == NULL) return rc;
  }
  sqlite3_bind_int64(tg->seg, 1, id);
  if ((rc = sqlite3_step(tg->seg)) != SQLITE_ROW) {
    sqlite3_reset(tg->seg);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  /* its pack is replaced, by none when no alias is left */
  if (tg->w != NULL && ((rc = sn_menw_segment(tg->w, id)) != SQLITE_OK
                        || tg->al.m == NULL)) {
    sqlite3_reset(tg->seg);
    return rc;
  }
  para = strcmp((const char *)sqlite3_column_text(tg->seg, 0) ?
                (const char *)sqlite3_column_text(tg->seg, 0) : "",
                "paragraph") == 0;
  start = sqlite3_column_int64(tg->seg, 1);
  text = (const char *)sqlite3_column_text(tg->seg, 2);
  len = (size_t)sqlite3_column_bytes(tg->seg, 2);
  if (text == NULL) {
    rc = sqlite3_errcode(tg->db) == SQLITE_NOMEM ? SQLITE_NOMEM : SQLITE_OK;
    sqlite3_reset(tg->seg);
    return rc;
  }
  n = tag_scan(tg, text, len);
  if (n == (size_t)-1) rc = SQLITE_NOMEM;
  else rc = SQLITE_OK;
  if (para) sqlite3_bind_int64(tg->sents, 1, id);
  for (j = 0; rc == SQLITE_OK && j < n; j++) {
    const sinorus_match *h = &tg->hits[j];
    const Aliases *a = &tg->al;
    sqlite3_int64 from = start + (sqlite3_int64)h->start;
    sqlite3_int64 to = start + (sqlite3_int64)h->stop - 1;
    if (para && (in_sentence(tg, from, to, &rc) || rc != SQLITE_OK)) continue;
    if (tg->w != NULL) {
      rc = sn_menw_span(tg->w, a->key[h->id], (int64_t)h->start,
                        (int64_t)(h->stop - h->start));
      continue;
    }
    sqlite3_bind_int64(tg->ins, 1, id);
    bind_str(tg->ins, 2, a->names + a->off[h->id], a->len[h->id]);
    sqlite3_bind_int64(tg->ins, 3, from);
    sqlite3_bind_int64(tg->ins, 4, to);
    if ((rc = run(tg->ins)) == SQLITE_OK)
      tg->count += (size_t)sqlite3_changes(tg->db);
  }
  sqlite3_reset(tg->seg);
  return rc;
}


static int cmp_id (const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return x < y ? -1 : x > y;
}


SN_INTERNAL int sn_tag (sqlite3 *db, const char *sql, const int64_t *ids,
                        size_t n, size_t *count, char *err, size_t errlen) {
  Tagger tg;
  int rc, status;
  size_t i;
  memset(&tg, 0, sizeof tg);
  tg.db = db;
  status = load_aliases(db, &tg.al, err, errlen);
  if (status != SINORUS_OK) {
    aliases_free(&tg.al);
    return status;
  }
  tg.hits = (sinorus_match *)malloc(SN_IMPORT_MATCHES * sizeof(sinorus_match));
  tg.hitcap = SN_IMPORT_MATCHES;
  rc = tg.hits == NULL ? SQLITE_NOMEM : SQLITE_OK;
  if (rc == SQLITE_OK) {
    sqlite3_int64 packed = 0;
    rc = prepare(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                     "AND name = 'mention_pack'", &tg.targets);
    if (rc == SQLITE_OK && (rc = sqlite3_step(tg.targets)) == SQLITE_ROW) {
      packed = sqlite3_column_int64(tg.targets, 0);
      rc = SQLITE_OK;
    }
    sqlite3_finalize(tg.targets);
    tg.targets = NULL;
    if (rc == SQLITE_OK && packed > 0 && (rc = load_keys(db, &tg.al)) == SQLITE_OK)
      rc = sn_menw_new(db, 1, &tg.w);
  }
  if (rc == SQLITE_OK && tg.w == NULL)
    rc = prepare(db, "DELETE FROM mention WHERE segment = ?1", &tg.del);
  if (rc == SQLITE_OK)
    rc = prepare(db, "SELECT kind, start, text FROM segment WHERE id = ?1",
                 &tg.seg);
  /* the sentences of a paragraph: those that follow it in order of id
  ** (since version 5 there is no index on parent) */
  if (rc == SQLITE_OK)
    rc = prepare(db, tg.w ? "SELECT start, start + len - 1 FROM segment_row "
                 "WHERE id > ?1 AND id < ifnull((SELECT id FROM segment_row "
                 "WHERE id > ?1 AND parent IS NOT ?1 ORDER BY id LIMIT 1), "
                 "9223372036854775807) AND parent = ?1"
                 : "SELECT start, stop FROM segment WHERE parent = ?1",
                 &tg.sents);
  if (rc == SQLITE_OK && tg.w == NULL)
    rc = sn_prepare_rows(db, MEN_HEAD_V1, 4, 1, &tg.ins);
  if (rc == SQLITE_OK && sql != NULL) {
    /* (packed: the query gives the ids in ascending order, each once) */
    rc = prepare(db, sql, &tg.targets);
    while (rc == SQLITE_OK && (rc = sqlite3_step(tg.targets)) == SQLITE_ROW)
      rc = tag_one(&tg, sqlite3_column_int64(tg.targets, 0));
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  else if (rc == SQLITE_OK) {
    /* in ascending order, each once, as the writer takes them */
    int64_t *sorted = n ? (int64_t *)malloc(n * sizeof *sorted) : NULL;
    size_t k = 0;
    if (n > 0 && sorted == NULL) rc = SQLITE_NOMEM;
    else if (n > 0) {
      memcpy(sorted, ids, n * sizeof *sorted);
      qsort(sorted, n, sizeof *sorted, cmp_id);
      for (i = 0; i < n; i++)
        if (k == 0 || sorted[i] != sorted[k - 1]) sorted[k++] = sorted[i];
    }
    for (i = 0; rc == SQLITE_OK && i < k; i++) rc = tag_one(&tg, (sqlite3_int64)sorted[i]);
    free(sorted);
  }
  if (rc == SQLITE_OK && tg.w != NULL) {
    rc = sn_menw_finish(tg.w);
    tg.count = sn_menw_written(tg.w);
  }
  if (rc != SQLITE_OK) {
    status = sn_status_of(rc);
    if (status == SINORUS_OK) status = SINORUS_ERROR;
    sn_seterr(err, errlen, "%s", rc == SQLITE_NOMEM ? "not enough memory"
              : rc == SQLITE_CORRUPT && tg.w != NULL
              ? "corrupt knowledge base (damaged packed mentions)"
              : sqlite3_errmsg(db));
  }
  else if (count != NULL) *count += tg.count;
  sn_menw_free(tg.w);
  sqlite3_finalize(tg.targets);
  sqlite3_finalize(tg.seg);
  sqlite3_finalize(tg.sents);
  sqlite3_finalize(tg.del);
  sqlite3_finalize(tg.ins);
  free(tg.hits);
  aliases_free(&tg.al);
  return status;
}


/*
** Tags segments again under the savepoint sinorus_tag (see sinorus.h).
*/
SINORUS_API int sinorus_tag (sinorus_kb *kb, const int64_t *ids, size_t n,
                             size_t *mentions) {
  sqlite3 *db;
  char *err;
  size_t errlen, count = 0;
  int status;
  if (kb == NULL) return SINORUS_RANGE;
  err = sn_kb_errbuf(kb, &errlen);
  err[0] = '\0';
  if (ids == NULL && n > 0) {
    sn_seterr(err, errlen, "tag: no ids given for %lu segments",
              (unsigned long)n);
    return SINORUS_RANGE;
  }
  if (sinorus_readonly(kb)) {
    sn_seterr(err, errlen, "read-only knowledge base");
    return SINORUS_READONLY;
  }
  db = sinorus_db(kb);
  status = sp_begin(db, "sinorus_tag", err, errlen);
  if (status == SINORUS_OK) {
    status = sn_tag(db, ids == NULL ? "SELECT id FROM segment_row ORDER BY id"
                    : NULL, ids, n, &count, err, errlen);
    status = sp_end(db, "sinorus_tag", status, err, errlen);
  }
  if (status != SINORUS_OK) return status;
  if (mentions != NULL) *mentions = count;
  return SINORUS_OK;
}


/*
** Sets the journal mode of db to mode ("DELETE" or "WAL"); returns 1 when
** db is then in that mode. Switching out of WAL takes the only connection
** to the file, outside any transaction; else the mode stays.
*/
static int journal_mode (sqlite3 *db, const char *mode) {
  char sql[40];
  sqlite3_stmt *st;
  int now = 0;
  snprintf(sql, sizeof sql, "PRAGMA journal_mode = %s", mode);
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) return 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const char *m = (const char *)sqlite3_column_text(st, 0);
    now = m != NULL && sqlite3_stricmp(m, mode) == 0;
  }
  sqlite3_finalize(st);
  return now;
}


/*
** The first import into a file its handle created, outside any
** transaction, may write its pages once: under a rollback journal, which
** keeps only the pages the file had before the transaction (in WAL mode
** every page goes to the WAL, then to the file at the checkpoint).
** sn_import_once(kb, 1) before that import's transaction switches to it
** and returns 1, or returns 0 and leaves the mode (not the first import,
** a transaction open, another connection to the file); sn_import_once(kb,
** 0) after it switches back to WAL (best effort: else the next open does).
** Other processes that open the file in between wait for the import.
*/
int sn_import_once (sinorus_kb *kb, int begin) {
  sqlite3 *db = sinorus_db(kb);
  if (!begin) return journal_mode(db, "WAL");
  return sn_kb_take_created(kb) && sqlite3_get_autocommit(db)
         && journal_mode(db, "DELETE");
}


/*
** Imports src into kb under the savepoint sinorus_import: released on
** success, rolled back and released on failure, so nothing of a failed
** import stays. See sinorus.h for the statuses; a failure's message is
** the handle's (sinorus_errmsg).
*/
SINORUS_API int sinorus_import (sinorus_kb *kb, const sinorus_source *src,
                                sinorus_imported *out) {
  Import im;
  sqlite3 *db;
  char *errbuf;
  size_t errlen;
  int status;
  if (kb == NULL) return SINORUS_RANGE;
  errbuf = sn_kb_errbuf(kb, &errlen);
  errbuf[0] = '\0';
  if (src == NULL || src->title == NULL || src->text == NULL
      || (src->format != SINORUS_TEXT_PLAIN
          && src->format != SINORUS_TEXT_MARKDOWN)) {
    sn_seterr(errbuf, errlen, "import: missing title or text, or unknown format");
    return SINORUS_RANGE;
  }
  if (sinorus_readonly(kb)) {
    sn_seterr(errbuf, errlen, "read-only knowledge base");
    return SINORUS_READONLY;
  }
  db = sinorus_db(kb);
  memset(&im, 0, sizeof im);
  im.db = db;
  im.src = src;
  status = sp_begin(db, "sinorus_import", errbuf, errlen);
  if (status != SINORUS_OK) return status;
  status = import_body(&im, errbuf, errlen);
  import_end(&im);                  /* no statement may stay pending */
  status = sp_end(db, "sinorus_import", status, errbuf, errlen);
  if (status != SINORUS_OK) return status;
  if (out != NULL) {
    out->source = (int64_t)im.source;
    out->first_segment = (int64_t)im.base;
    out->segments = im.nsegs;
    out->mentions = im.mentions;
  }
  return SINORUS_OK;
}
