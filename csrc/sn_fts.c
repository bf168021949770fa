/*
** sn_fts.c: the "sinorus" FTS5 tokenizer.
**
** A token is a maximal run of word characters after folding (see
** sn_fold.c); characters that fold to nothing (combining marks, soft
** hyphens, zero-width characters, invalid bytes) neither start nor end
** a word. Tokens are emitted folded, with the byte offsets of the
** original text, so that snippet() and highlight() show what was
** written. A token longer than SN_TOKEN_MAX bytes is cut to its first
** SN_TOKEN_MAX bytes (at a character boundary): sn_query.c cuts query
** words the same way, so long words still match.
**
** Its arguments (tokenize = 'sinorus cjk english russian' in the KB's
** schema: the KB's search settings, doc/languages.md) add:
**
** cjk: a CJK character (sn_is_cjk) is a token on its own (the unigram,
**   which carries the character's offsets), and in a document each but
**   the last of a run also gives the pair it starts (the bigram, 6 bytes
**   for two Han characters) at the same position. A query's run of n > 1
**   characters is the phrase of its n - 1 bigrams and the unigram of its
**   last character: so "中国" matches 中 then 国 inside any run, one
**   character matches itself, and highlight() marks exactly the
**   characters of the match (it reads the unigrams' offsets).
** english, russian: in a document, each word of Latin (English) or
**   Cyrillic (Russian) script whose Snowball stem (sn_stem.c) is not the
**   word itself also gives its stem, folded and prefixed with the byte
**   0x01 (no folded word holds it), at the same position. A query string
**   that starts with SN_STEM_MARK (sn_query.c writes it before the bare
**   words of a query, not before phrases or prefixes) asks for the stems
**   of its words instead of the words: each is the marked stem or, as a
**   synonym at the same position, the word that is its own stem
**   ("sanctions" finds "sanction", which has no marked stem). So
**   "санкции" finds "санкций", "sanction" finds "sanctions", while
**   "\"санкции\"" and санкци* read the words as written. (A word whose
**   folded form is the stem of another but whose own stem differs is
**   found by that other word too; Snowball makes few such pairs.)
**
** Without arguments (schema versions up to 4) a run of CJK characters is
** one token and nothing is stemmed.
**
** For FTS5's auxiliary functions (FTS5_TOKENIZE_AUX: highlight() and
** snippet() of a table with detail=full, which count positions and skip
** colocated tokens) no word is stemmed: stems only ever come as colocated
** tokens, and stemming a hit's words was about a tenth of a rare-word
** search.
*/
#include <stdlib.h>
#include <string.h>

#ifdef SN_SQLITE_EXTENSION   /* in build/sinorus_sqlite.so (sn_text.c) */
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3
#else
#include <sqlite3.h>
#endif

#include "sinorus.h"
#include "sn_internal.h"


/* A tokenizer: its settings, and its stemmers (one per instance, so two
** connections never share one). */
typedef struct Tok {
  int cjk;
  sn_stemmer *stem;               /* NULL: nothing is stemmed */
} Tok;


/* Creates a tokenizer from its arguments (see the file comment); an
** unknown or repeated argument is an error. */
static int tok_create (void *ctx, const char **argv, int argc,
                       Fts5Tokenizer **out) {
  Tok *t;
  unsigned langs = 0;
  int i, cjk = 0;
  (void)ctx;
  for (i = 0; i < argc; i++) {
    int l = sn_lang_of_name(argv[i]);
    if (l >= 0 && !(langs & (1u << l))) langs |= 1u << l;
    else if (strcmp(argv[i], "cjk") == 0 && !cjk) cjk = 1;
    else return SQLITE_ERROR;
  }
  if ((t = (Tok *)calloc(1, sizeof(Tok))) == NULL) return SQLITE_NOMEM;
  t->cjk = cjk;
  if (langs && (t->stem = sn_stemmer_new(langs)) == NULL) {
    free(t);
    return SQLITE_NOMEM;
  }
  *out = (Fts5Tokenizer *)(void *)t;
  return SQLITE_OK;
}


/* Deletes a tokenizer. */
static void tok_delete (Fts5Tokenizer *tk) {
  Tok *t = (Tok *)(void *)tk;
  if (t == NULL) return;
  sn_stemmer_free(t->stem);
  free(t);
}


typedef int (*TokenFn)(void *, int, const char *, int, int, int);


/* How a text is read: a query, a document for the index, or a document
** for an auxiliary function (its words without their stems). */
enum { AS_QUERY, AS_DOC, AS_AUX };

/*
** Reports the word text[ws..we) (folded in buf[0..n)) that has no CJK
** character: the word and, in a document for the index (doc AS_DOC), its
** stem at the same position; for a stemmed query, its stem alone (or the
** word when it has none).
*/
static int plain_word (Tok *t, void *ctx, TokenFn xToken, int doc, int stem,
                       const char *text, size_t ws, size_t we,
                       const char *buf, int n) {
  char sb[SN_TOKEN_MAX + 2];
  int rc, k = -1;
  if (t->stem && (doc == AS_DOC || stem)) {
    k = sn_stem(t->stem, text, ws, we, sb + 1);
    if (k == -2) return SQLITE_NOMEM;
    sb[0] = '\001';
  }
  if (!doc && stem && k > 0) {              /* the stem, or the word if */
    rc = xToken(ctx, 0, sb, k + 1, (int)ws, (int)we);    /* it is its own */
    if (rc == SQLITE_OK)
      rc = xToken(ctx, FTS5_TOKEN_COLOCATED, sb + 1, k, (int)ws, (int)we);
    return rc;
  }
  rc = xToken(ctx, 0, buf, n, (int)ws, (int)we);
  if (rc == SQLITE_OK && doc && k > 0 && (k != n || memcmp(sb + 1, buf, (size_t)n) != 0))
    rc = xToken(ctx, FTS5_TOKEN_COLOCATED, sb, k + 1, (int)ws, (int)we);
  return rc;
}


/* 1 if the folded word buf[0..n) holds a CJK character. */
static int has_cjk (const char *buf, int n) {
  int i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)buf[i];
    if (c >= 0xE3 && c <= 0xF0) {
      int l = (c >= 0xF0) ? 4 : 3;
      if (i + l <= n && sn_is_cjk(sn_utf8_cp(buf + i, l))) return 1;
    }
  }
  return 0;
}


/*
** Reports the word text[ws..we) that holds CJK characters: its runs of
** other word characters as plain words, its CJK characters as the file
** comment says.
*/
static int cjk_word (Tok *t, void *ctx, TokenFn xToken, int doc, int stem,
                     const char *text, size_t ws, size_t we) {
  char pw[SN_TOKEN_MAX + 4], cur[4], nxt[4], pair[8];
  size_t i = ws, pws = 0, pwe = 0, cs = 0;
  int np = 0, rc = SQLITE_OK, carry = 0;
  while (rc == SQLITE_OK && (i < we || carry)) {
    size_t start = i, j, js = 0;
    int k, m = 0, next;
    if (carry) {                            /* read ahead last time */
      memcpy(cur, nxt, (size_t)carry);
      k = carry;
      start = cs;
      carry = 0;
    }
    else if ((k = sinorus_fold_char(text, we, &i, cur)) == 0) continue;
    if (!sn_is_cjk(sn_utf8_cp(cur, k))) {   /* a plain word character */
      if (np == 0) pws = start;
      if (np + k <= SN_TOKEN_MAX) { memcpy(pw + np, cur, (size_t)k); np += k; }
      pwe = i;
      continue;
    }
    if (np > 0) {                           /* a plain word ends */
      rc = plain_word(t, ctx, xToken, doc, stem, text, pws, pwe, pw, np);
      np = 0;
      if (rc != SQLITE_OK) break;
    }
    j = i;                                  /* the next visible character */
    while (j < we) {
      js = j;
      if ((m = sinorus_fold_char(text, we, &j, nxt)) > 0) break;
    }
    next = m > 0 && sn_is_cjk(sn_utf8_cp(nxt, m));
    if (next) {
      memcpy(pair, cur, (size_t)k);
      memcpy(pair + k, nxt, (size_t)m);
    }
    if (doc) {
      rc = xToken(ctx, 0, cur, k, (int)start, (int)i);
      if (rc == SQLITE_OK && next)
        rc = xToken(ctx, FTS5_TOKEN_COLOCATED, pair, k + m, (int)start,
                    (int)j);
    }
    else if (next) rc = xToken(ctx, 0, pair, k + m, (int)start, (int)j);
    else rc = xToken(ctx, 0, cur, k, (int)start, (int)i);
    if (m > 0) { carry = m; cs = js; }      /* the next starts there */
    i = j;
  }
  if (rc == SQLITE_OK && np > 0)
    rc = plain_word(t, ctx, xToken, doc, stem, text, pws, pwe, pw, np);
  return rc;
}


/*
** Reports each word of text to xToken, folded, with its original byte
** offsets, as the file comment says. Stops at the first error xToken
** returns and returns it.
*/
static int tok_tokenize (Fts5Tokenizer *tk, void *ctx, int flags,
                         const char *text, int ntext, TokenFn xToken) {
  Tok *t = (Tok *)(void *)tk;
  char buf[SN_TOKEN_MAX + 4];
  size_t pos = 0, len = (ntext > 0 && text) ? (size_t)ntext : 0, ws, we;
  size_t ml = sizeof SN_STEM_MARK - 1;
  int n, stem = 0, doc = (flags & FTS5_TOKENIZE_QUERY) ? AS_QUERY
                         : (flags & FTS5_TOKENIZE_AUX) ? AS_AUX : AS_DOC;
  if (!doc && len >= ml && memcmp(text, SN_STEM_MARK, ml) == 0) {
    stem = 1;
    pos = ml;
  }
  while ((n = sn_word(text, len, &pos, 1, &ws, &we, buf)) >= 0) {
    int rc;
    if (t->cjk && has_cjk(buf, n))
      rc = cjk_word(t, ctx, xToken, doc, stem, text, ws, we);
    else rc = plain_word(t, ctx, xToken, doc, stem, text, ws, we, buf, n);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}


/* The fts5_api of a connection, or NULL when FTS5 is missing. */
static fts5_api *get_fts5 (sqlite3 *db) {
  fts5_api *api = NULL;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  return api;
}


/*
** Registers the "sinorus" tokenizer on db. Returns SINORUS_OK, or
** SINORUS_ERROR when db is NULL, FTS5 is missing or too old, or
** registration fails.
*/
SINORUS_API int sinorus_register_tokenizer (struct sqlite3 *db) {
  static fts5_tokenizer tok = { tok_create, tok_delete, tok_tokenize };
  fts5_api *api;
  if (db == NULL) return SINORUS_ERROR;
  api = get_fts5(db);
  if (api == NULL || api->iVersion < 2) return SINORUS_ERROR;
  if (api->xCreateTokenizer(api, "sinorus", NULL, &tok, NULL) != SQLITE_OK)
    return SINORUS_ERROR;
  return SINORUS_OK;
}
