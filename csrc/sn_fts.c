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
*/
#include <string.h>

#include <sqlite3.h>

#include "sinorus.h"
#include "sn_internal.h"


/* The tokenizer has no state: every instance is this one object. */
static int sn_tokenizer_object;


/* Creates a tokenizer; it takes no arguments. */
static int tok_create (void *ctx, const char **argv, int argc,
                       Fts5Tokenizer **out) {
  (void)ctx; (void)argv;
  if (argc != 0) return SQLITE_ERROR;
  *out = (Fts5Tokenizer *)(void *)&sn_tokenizer_object;
  return SQLITE_OK;
}


/* Deletes a tokenizer (nothing to free). */
static void tok_delete (Fts5Tokenizer *t) {
  (void)t;
}


/*
** Reports each word of text to xToken, folded, with its original byte
** offsets; the same for documents, queries and prefix queries. Stops at
** the first error xToken returns and returns it.
*/
static int tok_tokenize (Fts5Tokenizer *t, void *ctx, int flags,
                         const char *text, int ntext,
                         int (*xToken)(void *, int, const char *, int,
                                       int, int)) {
  char buf[SN_TOKEN_MAX + 4];
  size_t pos = 0, len = (ntext > 0 && text) ? (size_t)ntext : 0, ws, we;
  int n;
  (void)t; (void)flags;
  while ((n = sn_word(text, len, &pos, 1, &ws, &we, buf)) >= 0) {
    int rc = xToken(ctx, 0, buf, n, (int)ws, (int)we);
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
