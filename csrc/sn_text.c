/*
** sn_text.c: the stored text, compressed (schema versions 6 and 8).
**
** A piece of a source's text (source_text in data/schema.sql) is kept as
** one zstd frame: its bytes, their length and a checksum of them. The
** import and the migration pack pieces with sn_pack; the SQL function
** sinorus_unpack gives them back, whole or a cut of them, on every
** connection sinorus opens (and, through the loadable extension
** build/sinorus_sqlite.so, in the sqlite3 shell). A frame that does not
** decompress to exactly its length with its checksum is a clear SQL
** error (SQLITE_CORRUPT), never a crash nor wrong text.
**
** Since version 8 the import packs the pieces of a long source (or of a
** source that an earlier one's dictionary suits) with a zstd dictionary
** (text_dict): small pieces then pack better than large ones without,
** and a piece of 700 bytes unpacks in a fifth of the time a piece of
** 3,000 took, which is what a search spends on each hit. A frame names
** its dictionary by zstd's dictionary id; sinorus_unpack finds it in
** the text_dict of the attached files and keeps it, digested, for the
** connection's next pieces.
**
** Reading the segments of a piece one after another (the view segment:
** the search index, snippets, kb:segments) would decompress the piece
** once a segment; each connection keeps the last few pieces it unpacked,
** found again by their packed bytes (so a piece rewritten, rolled back
** or written by another connection is never served stale).
**
** Compiled twice: into the library, and with SN_SQLITE_EXTENSION into
** the loadable extension build/sinorus_sqlite.so (with the tokenizer,
** sn_fts.c), where SQLite's calls go through the table the shell passes
** to the extension's entry point.
*/
#ifdef SN_SQLITE_EXTENSION
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#else
#include <sqlite3.h>
#endif

#include <stdlib.h>
#include <string.h>

#include <zstd.h>
#include <zstd_errors.h>
#define ZDICT_STATIC_LINKING_ONLY     /* ZDICT_trainFromBuffer_fastCover */
#include <zdict.h>

#include "sinorus.h"
#include "sn_internal.h"


/* The zstd level pieces are packed at: 1 packs English prose to about
** half its size in pieces of 3,000 bytes (0.39 in pieces of 8,100); 3
** gains under 1% at half the speed. */
#ifndef SN_ZSTD_LEVEL
#define SN_ZSTD_LEVEL 1
#endif

/* How many unpacked pieces a connection keeps. A segment lies in one
** piece, or (a long paragraph) in a few that follow each other. */
#ifndef SN_TEXT_CACHE
#define SN_TEXT_CACHE 4
#endif

/* How many digested dictionaries a connection keeps (about 60 KB each). */
#ifndef SN_DICT_CACHE
#define SN_DICT_CACHE 8
#endif

/* The most bytes of a dictionary, and of the sample it is trained on:
** 16 KiB trained on 256 KiB of a source's pieces packs the rest of them
** within 1% of one trained on all of them, in about 10 ms. */
#ifndef SN_DICT_BYTES
#define SN_DICT_BYTES 16384
#endif
#ifndef SN_DICT_SAMPLE
#define SN_DICT_SAMPLE 262144
#endif


/* ---------------------------------------------------------------------
** Packing
** ------------------------------------------------------------------ */

struct sn_packer {
  ZSTD_CCtx *cctx;
  unsigned char *buf;
  size_t cap;
  ZSTD_CDict *cdict;       /* the last dictionary loaded (NULL: none) */
  unsigned zid;            /* its id */
  int on;                  /* whether sn_pack uses it */
};


/* See sn_internal.h. */
sn_packer *sn_packer_new (void) {
  return (sn_packer *)calloc(1, sizeof(sn_packer));
}


/* See sn_internal.h. */
void sn_packer_free (sn_packer *p) {
  if (p == NULL) return;
  ZSTD_freeCCtx(p->cctx);
  ZSTD_freeCDict(p->cdict);
  free(p->buf);
  free(p);
}


/* See sn_internal.h. */
unsigned sn_dict_id (const void *dict, size_t len) {
  return len > 8 ? ZDICT_getDictID(dict, len) : 0;
}


/* See sn_internal.h. */
int sn_packer_use (sn_packer *p, const void *dict, size_t len) {
  unsigned zid;
  if (dict == NULL) {
    p->on = 0;
    return SQLITE_OK;
  }
  if ((zid = sn_dict_id(dict, len)) == 0) return SQLITE_CORRUPT;
  if (p->cdict == NULL || p->zid != zid) {
    ZSTD_freeCDict(p->cdict);
    p->zid = 0;
    p->on = 0;
    /* (NULL for tables that do not parse, or for want of memory, which
    ** zstd does not tell apart: the first is the one a file can cause) */
    if ((p->cdict = ZSTD_createCDict(dict, len, SN_ZSTD_LEVEL)) == NULL)
      return SQLITE_CORRUPT;
    p->zid = zid;
  }
  p->on = 1;
  return SQLITE_OK;
}


/* See sn_internal.h. */
int sn_pack (sn_packer *p, const char *text, size_t len,
             const unsigned char **out, size_t *outlen) {
  size_t bound = ZSTD_compressBound(len), n;
  if (ZSTD_isError(bound)) return SQLITE_TOOBIG;
  if (p->cctx == NULL) {           /* made at the first piece */
    if ((p->cctx = ZSTD_createCCtx()) == NULL) return SQLITE_NOMEM;
    if (ZSTD_isError(ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_compressionLevel,
                                            SN_ZSTD_LEVEL))
        || ZSTD_isError(ZSTD_CCtx_setParameter(p->cctx, ZSTD_c_checksumFlag, 1))
        || ZSTD_isError(ZSTD_CCtx_setParameter(p->cctx,
                                               ZSTD_c_contentSizeFlag, 1))) {
      ZSTD_freeCCtx(p->cctx);
      p->cctx = NULL;
      return SQLITE_ERROR;
    }
  }
  if (bound > p->cap) {
    unsigned char *b = (unsigned char *)realloc(p->buf, bound);
    if (b == NULL) return SQLITE_NOMEM;
    p->buf = b;
    p->cap = bound;
  }
  /* (the dictionary is referenced again for each frame: zstd forgets it
  ** at the end of one) */
  if (ZSTD_isError(ZSTD_CCtx_refCDict(p->cctx, p->on ? p->cdict : NULL)))
    return SQLITE_ERROR;
  n = ZSTD_compress2(p->cctx, p->buf, p->cap, text, len);
  if (ZSTD_isError(n))
    return ZSTD_getErrorCode(n) == ZSTD_error_memory_allocation
           ? SQLITE_NOMEM : SQLITE_ERROR;
  *out = p->buf;
  *outlen = n;
  return SQLITE_OK;
}


/* See sn_internal.h. */
int sn_train (const char *text, const size_t *cuts, size_t ncuts, size_t len,
              unsigned char **dict, size_t *dlen) {
  size_t step, k, used = 0, nsamples = 0, cap;
  size_t *sizes;
  char *sample;
  ZDICT_fastCover_params_t fp;
  *dict = NULL;
  *dlen = 0;
  if (ncuts == 0) return SQLITE_OK;
  /* every step-th piece, so that the sample spreads over the text */
  step = len > SN_DICT_SAMPLE ? (len + SN_DICT_SAMPLE - 1) / SN_DICT_SAMPLE : 1;
  cap = len < SN_DICT_SAMPLE ? len : SN_DICT_SAMPLE;
  sample = (char *)malloc(cap + 1);
  sizes = (size_t *)malloc((ncuts / step + 1) * sizeof *sizes);
  *dict = (unsigned char *)malloc(SN_DICT_BYTES);
  if (sample == NULL || sizes == NULL || *dict == NULL) {
    free(sample);
    free(sizes);
    free(*dict);
    *dict = NULL;
    return SQLITE_NOMEM;
  }
  for (k = 0; k < ncuts; k += step) {
    size_t b = k + 1 < ncuts ? cuts[k + 1] : len, n = b - cuts[k];
    if (n == 0) continue;
    if (used + n > cap) continue;
    memcpy(sample + used, text + cuts[k], n);
    used += n;
    sizes[nsamples++] = n;
  }
  /* fixed parameters (zstd's own search over them takes three times as
  ** long for under 3% of the size) */
  memset(&fp, 0, sizeof fp);
  fp.k = 200;
  fp.d = 8;
  fp.f = 20;
  fp.accel = 1;
  fp.zParams.compressionLevel = SN_ZSTD_LEVEL;
  k = nsamples < 8 ? 0 : ZDICT_trainFromBuffer_fastCover(*dict, SN_DICT_BYTES,
                                                        sample, sizes,
                                                        (unsigned)nsamples, fp);
  free(sample);
  free(sizes);
  if (k == 0 || ZDICT_isError(k) || sn_dict_id(*dict, k) == 0) {
    free(*dict);           /* too little text to learn from: no dictionary */
    *dict = NULL;
    return SQLITE_OK;
  }
  *dlen = k;
  return SQLITE_OK;
}


/* ---------------------------------------------------------------------
** Unpacking, with the connection's cache
** ------------------------------------------------------------------ */

typedef struct Unpacked {
  unsigned char *packed;   /* the frame it came from (NULL: slot empty) */
  size_t plen;
  char *text;
  size_t tlen;
  unsigned long long used; /* when it was last served */
} Unpacked;

typedef struct Digested {
  ZSTD_DDict *ddict;       /* NULL: slot empty */
  unsigned zid;
  unsigned long long used;
} Digested;

typedef struct Cache {
  ZSTD_DCtx *dctx;         /* NULL until the first piece */
  unsigned long long tick;
  Unpacked slot[SN_TEXT_CACHE];
  Digested dict[SN_DICT_CACHE];
} Cache;


static void cache_free (void *arg) {
  Cache *c = (Cache *)arg;
  int i;
  if (c == NULL) return;
  for (i = 0; i < SN_TEXT_CACHE; i++) {
    free(c->slot[i].packed);
    free(c->slot[i].text);
  }
  for (i = 0; i < SN_DICT_CACHE; i++) ZSTD_freeDDict(c->dict[i].ddict);
  ZSTD_freeDCtx(c->dctx);
  free(c);
}


/* Reports a damaged frame as SQLITE_CORRUPT with what zstd said. */
static void corrupt (sqlite3_context *ctx, const char *why) {
  char *msg = sqlite3_mprintf("corrupt knowledge base (a piece of the stored "
                              "text is damaged: %s)", why);
  if (msg == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, msg, -1);
  sqlite3_result_error_code(ctx, SQLITE_CORRUPT);
  sqlite3_free(msg);
}


/*
** The dictionary zid, digested: from the cache, or read from the
** text_dict of the first attached file that holds it (zstd derives the
** id from a hash of the dictionary's bytes; a dictionary of another file
** under the same id would fail the frames' checksums) into the cache's
** least recently used slot. NULL after reporting the
** failure on ctx.
*/
static const ZSTD_DDict *dictionary (sqlite3_context *ctx, Cache *c,
                                     unsigned zid) {
  sqlite3 *db = sqlite3_context_db_handle(ctx);
  Digested *d = &c->dict[0];
  sqlite3_stmt *list = NULL;
  ZSTD_DDict *made = NULL;
  int i, rc, found = 0;
  for (i = 0; i < SN_DICT_CACHE; i++) {
    Digested *s = &c->dict[i];
    if (s->ddict != NULL && s->zid == zid) {
      s->used = ++c->tick;
      return s->ddict;
    }
    if (s->used < d->used) d = s;
  }
  rc = sqlite3_prepare_v2(db, "PRAGMA database_list", -1, &list, NULL);
  while (rc == SQLITE_OK && !found && sqlite3_step(list) == SQLITE_ROW) {
    sqlite3_stmt *st = NULL;
    char *sql = sqlite3_mprintf("SELECT dict FROM \"%w\".text_dict WHERE zid = ?1",
                                (const char *)sqlite3_column_text(list, 1));
    if (sql == NULL) rc = SQLITE_NOMEM;
    /* (a file without text_dict, of an older version or not a KB, has
    ** none of them) */
    else if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
      sqlite3_bind_int64(st, 1, (sqlite3_int64)zid);
      if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(st, 0);
        size_t n = (size_t)sqlite3_column_bytes(st, 0);
        rc = SQLITE_OK;
        found = 1;
        if (b == NULL || sn_dict_id(b, n) != zid) rc = SQLITE_CORRUPT;
        /* (NULL also for tables that do not parse: see sn_packer_use) */
        else if ((made = ZSTD_createDDict(b, n)) == NULL) rc = SQLITE_CORRUPT;
      }
      else if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    sqlite3_free(sql);
  }
  sqlite3_finalize(list);
  if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(ctx);
  else if (rc == SQLITE_CORRUPT) corrupt(ctx, "its dictionary is damaged");
  else if (rc != SQLITE_OK) {
    sqlite3_result_error(ctx, sqlite3_errmsg(db), -1);
    sqlite3_result_error_code(ctx, rc);
  }
  else if (!found) corrupt(ctx, "its dictionary is missing");
  if (made == NULL) return NULL;
  ZSTD_freeDDict(d->ddict);
  d->ddict = made;
  d->zid = zid;
  d->used = ++c->tick;
  return made;
}


/*
** The unpacked piece of the frame packed[0..plen): from the cache, or
** decompressed into its least recently used slot. NULL after reporting
** the failure on ctx.
*/
static const Unpacked *unpack (sqlite3_context *ctx, Cache *c,
                               const unsigned char *packed, size_t plen) {
  Unpacked *u = &c->slot[0];
  const ZSTD_DDict *dict = NULL;
  unsigned long long size;
  unsigned zid;
  size_t n;
  int i;
  for (i = 0; i < SN_TEXT_CACHE; i++) {
    Unpacked *s = &c->slot[i];
    if (s->packed != NULL && s->plen == plen
        && memcmp(s->packed, packed, plen) == 0) {
      s->used = ++c->tick;
      return s;
    }
    if (s->used < u->used) u = s;
  }
  size = ZSTD_getFrameContentSize(packed, plen);
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) {
    corrupt(ctx, "not a zstd frame of known size");
    return NULL;
  }
  if (size > (unsigned long long)sqlite3_limit(sqlite3_context_db_handle(ctx),
                                               SQLITE_LIMIT_LENGTH, -1)) {
    sqlite3_result_error_toobig(ctx);
    return NULL;
  }
  if ((zid = ZSTD_getDictID_fromFrame(packed, plen)) != 0
      && (dict = dictionary(ctx, c, zid)) == NULL)
    return NULL;
  if (c->dctx == NULL && (c->dctx = ZSTD_createDCtx()) == NULL) {
    sqlite3_result_error_nomem(ctx);
    return NULL;
  }
  free(u->packed);
  free(u->text);
  u->packed = NULL;
  u->used = 0;
  u->text = (char *)malloc(size > 0 ? (size_t)size : 1);
  u->packed = (unsigned char *)malloc(plen > 0 ? plen : 1);
  if (u->text == NULL || u->packed == NULL) {
    free(u->packed);
    u->packed = NULL;
    sqlite3_result_error_nomem(ctx);
    return NULL;
  }
  n = dict != NULL
      ? ZSTD_decompress_usingDDict(c->dctx, u->text, (size_t)size, packed, plen, dict)
      : ZSTD_decompressDCtx(c->dctx, u->text, (size_t)size, packed, plen);
  if (ZSTD_isError(n) || n != (size_t)size) {
    free(u->packed);
    u->packed = NULL;
    if (ZSTD_isError(n) && ZSTD_getErrorCode(n) == ZSTD_error_memory_allocation)
      sqlite3_result_error_nomem(ctx);
    else corrupt(ctx, ZSTD_isError(n) ? ZSTD_getErrorName(n)
                      : "its length is not the one it declares");
    return NULL;
  }
  memcpy(u->packed, packed, plen);
  u->plen = plen;
  u->tlen = n;
  u->used = ++c->tick;
  return u;
}


/*
** sinorus_unpack(packed): the text of a packed piece; sinorus_unpack(
** packed, from, len): its bytes from (0: the first) to from + len, as
** text. NULL for a NULL piece.
*/
static void sql_unpack (sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  Cache *c = (Cache *)sqlite3_user_data(ctx);
  const unsigned char *packed;
  const Unpacked *u;
  sqlite3_int64 from = 0, len = 0;
  int plen;
  if (argc != 1 && argc != 3) {
    sqlite3_result_error(ctx, "sinorus_unpack takes 1 or 3 arguments", -1);
    return;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  packed = (const unsigned char *)sqlite3_value_blob(argv[0]);
  plen = sqlite3_value_bytes(argv[0]);
  if (packed == NULL && plen > 0) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if ((u = unpack(ctx, c, packed ? packed : (const unsigned char *)"",
                  (size_t)plen)) == NULL)
    return;
  if (argc == 3) {
    from = sqlite3_value_int64(argv[1]);
    len = sqlite3_value_int64(argv[2]);
    if (from < 0 || len < 0 || (sqlite3_uint64)from > u->tlen
        || (sqlite3_uint64)len > u->tlen - (size_t)from) {
      corrupt(ctx, "a segment lies outside its piece");
      return;
    }
  }
  else len = (sqlite3_int64)u->tlen;
  sqlite3_result_text64(ctx, u->text + from, (sqlite3_uint64)len,
                        SQLITE_TRANSIENT, SQLITE_UTF8);
}


/* sinorus_pack(text): the text packed as source_text.packed holds it;
** its user data is a packer. */
static void sql_pack (sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *t;
  const unsigned char *out;
  size_t n;
  int rc;
  if (argc != 1) {
    sqlite3_result_error(ctx, "sinorus_pack takes 1 argument", -1);
    return;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  if ((t = (const char *)sqlite3_value_text(argv[0])) == NULL) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  rc = sn_pack((sn_packer *)sqlite3_user_data(ctx), t,
               (size_t)sqlite3_value_bytes(argv[0]), &out, &n);
  if (rc == SQLITE_NOMEM) sqlite3_result_error_nomem(ctx);
  else if (rc != SQLITE_OK) sqlite3_result_error_code(ctx, rc);
  else sqlite3_result_blob64(ctx, out, (sqlite3_uint64)n, SQLITE_TRANSIENT);
}


static void packer_free (void *p) {
  sn_packer_free((sn_packer *)p);
}


/* Registers sinorus_unpack (with a cache of its own) and sinorus_pack
** (with a packer of its own) on db, each freed with its function, and
** the virtual table sinorus_mention; returns a SQLite code. */
static int register_text (sqlite3 *db) {
  Cache *c = (Cache *)calloc(1, sizeof *c);
  sn_packer *p;
  int rc;
  if (c == NULL) return SQLITE_NOMEM;
  /* deterministic and innocuous: the view segment of a file whose schema
  ** is not trusted may call it; on failure SQLite frees the cache */
  rc = sqlite3_create_function_v2(db, "sinorus_unpack", -1, SQLITE_UTF8
                                  | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  c, sql_unpack, NULL, NULL, cache_free);
  if (rc != SQLITE_OK) return rc;
  if ((p = sn_packer_new()) == NULL) return SQLITE_NOMEM;
  rc = sqlite3_create_function_v2(db, "sinorus_pack", 1, SQLITE_UTF8
                                  | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  p, sql_pack, NULL, NULL, packer_free);
  /* and the packed mentions, which the view mention reads (sn_mention.c) */
  return rc == SQLITE_OK ? sn_register_mention(db) : rc;
}


#ifdef SN_SQLITE_EXTENSION

/*
** The entry point of the loadable extension build/sinorus_sqlite.so
** (`.load build/sinorus_sqlite` in the sqlite3 shell): registers
** sinorus_unpack, with which the view segment reads a KB file's text,
** sinorus_pack, which packs a piece as the file keeps it, the virtual
** table sinorus_mention, with which the view mention reads the packed
** mentions, and the
** sinorus tokenizer, with which segment_fts answers MATCH.
*/
__attribute__((visibility("default")))
int sqlite3_extension_init (sqlite3 *db, char **pzErrMsg,
                            const sqlite3_api_routines *pApi) {
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);
  rc = register_text(db);
  if (rc == SQLITE_OK && sinorus_register_tokenizer(db) != SINORUS_OK) {
    *pzErrMsg = sqlite3_mprintf("sinorus: this SQLite has no FTS5 (or one "
                                "too old) for the sinorus tokenizer");
    rc = SQLITE_ERROR;
  }
  return rc;
}

#else

/* See sinorus.h. */
SINORUS_API int sinorus_register_text (sqlite3 *db) {
  int rc, st;
  if (db == NULL) return SINORUS_RANGE;
  rc = register_text(db);
  st = sn_status_of(rc);
  return rc == SQLITE_OK ? SINORUS_OK : st == SINORUS_OK ? SINORUS_ERROR : st;
}

#endif
