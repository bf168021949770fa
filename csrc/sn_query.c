/*
** sn_query.c: turning any user string into a safe FTS5 expression.
**
** The words of the string, split and folded exactly as the "sinorus"
** tokenizer does it (sn_fts.c), are written as FTS5 strings: "word". A
** word or joined words outside quotes and not a prefix is written as
** typed (less the characters that fold to nothing) after SN_STEM_MARK,
** so that a tokenizer that stems finds it by its stem.
** Text between double quotes (ASCII or typographic: anything that folds
** to ") becomes one phrase, "w1 w2", and so do words joined by hyphens,
** dashes, periods, apostrophes, slashes or underscores ("multi-agent"
** gives "multi agent", as the tokenizer splits it in documents); a word
** followed at once by * (not inside quotes) becomes a prefix, "word"*. Everything else -- AND,
** OR, NOT, NEAR, parentheses, colons, carets, minus signs, SQL -- is
** plain text: operators come out as quoted words, punctuation is
** dropped. Since a folded word never contains a double quote (or any
** other non-word character), the result is always a valid expression.
**
** At most SN_QUERY_WORDS words are used (the rest of a very long string
** is ignored), and each word keeps at most SN_TOKEN_MAX bytes, the cut
** the tokenizer makes, so a query is at most about 17 kB.
*/
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"

#ifndef SN_QUERY_WORDS
#define SN_QUERY_WORDS 64
#endif


/*
** If the word that ended at q[*pos] is joined to a next one by a hyphen
** or dash, period, apostrophe, slash or underscore ("multi-agent",
** "U.S.", "China's"), reads that word as sn_word does and returns 1;
** otherwise returns 0 and moves nothing.
*/
static int joined (const char *q, size_t len, size_t *pos, size_t *ws,
                   size_t *we, char *buf, int *n) {
  size_t i = *pos;
  char f[4];
  int k;
  do k = sinorus_fold_char(q, len, &i, f); while (k == 0 && i < len);
  if (k != 1 || (f[0] != '-' && f[0] != '.' && f[0] != '\'' && f[0] != '/'
                 && f[0] != '_')) return 0;
  if ((k = sn_word(q, len, &i, 0, ws, we, buf)) < 0) return 0;
  *pos = i;
  *n = k;
  return 1;
}


/* The expression being written: bytes go to out while they fit. */
typedef struct Out {
  char *out;
  size_t cap;
  size_t n;
} Out;

static void put (Out *o, const char *s, size_t n) {
  size_t k;
  for (k = 0; k < n; k++, o->n++)
    if (o->n < o->cap) o->out[o->n] = s[k];
}


/* Writes the word q[ws..we) as written, without the characters that fold
** to nothing, as far as its first SN_TOKEN_MAX folded bytes go: the
** tokenizer folds it to the word sn_word read, and can stem it. */
static void put_word (Out *o, const char *q, size_t ws, size_t we) {
  size_t i = ws, folded = 0;
  while (i < we) {
    size_t start = i;
    char f[4];
    int k = sinorus_fold_char(q, we, &i, f);
    if (k == 0) continue;
    if (folded + (size_t)k > SN_TOKEN_MAX) break;
    folded += (size_t)k;
    put(o, q + start, i - start);
  }
}


/*
** Translates q[0..len) into an FTS5 expression for the "sinorus"
** tokenizer (see the file comment). Writes at most outlen bytes to out
** (NULL allowed when outlen is 0), NUL-terminated when the expression
** and its NUL fit, and returns the length of the expression: 0 when
** the string holds no word.
*/
SINORUS_API size_t sinorus_query (const char *q, size_t len, char *out,
                                  size_t outlen) {
  char word0[SN_TOKEN_MAX + 4], word[SN_TOKEN_MAX + 4];
  Out o;
  size_t i = 0;
  int words = 0, phrase = 0, inphrase = 0;
  o.out = out;
  o.cap = out ? outlen : 0;
  o.n = 0;
  while (q && i < len && words < SN_QUERY_WORDS) {
    size_t start = i, ws, we = i;
    char f[4];
    int n = sn_word(q, len, &i, 0, &ws, &we, word0);
    if (n >= 0) {
      if (!inphrase) {                      /* a word, or joined words */
        size_t i0 = i, e = we, w2s, w2e;
        int k = words, prefix, m;
        while (++k < SN_QUERY_WORDS && joined(q, len, &i, &w2s, &e, word, &m)) {}
        prefix = e < len && q[e] == '*';    /* a prefix: the words folded */
        i = i0;                             /* else as written, to stem */
        if (words > 0) put(&o, " ", 1);
        put(&o, "\"", 1);
        if (prefix) put(&o, word0, (size_t)n);
        else {
          put(&o, SN_STEM_MARK, sizeof SN_STEM_MARK - 1);
          put_word(&o, q, ws, we);
        }
        while (++words < SN_QUERY_WORDS && joined(q, len, &i, &w2s, &w2e, word, &m)) {
          put(&o, " ", 1);
          if (prefix) put(&o, word, (size_t)m);
          else put_word(&o, q, w2s, w2e);
        }
        put(&o, "\"", 1);
        if (prefix) put(&o, "*", 1);
        continue;
      }
      if (phrase == 0) put(&o, words > 0 ? " \"" : "\"", words > 0 ? 2 : 1);
      else put(&o, " ", 1);                 /* a word of a quoted phrase */
      put(&o, word0, (size_t)n);
      phrase++;
      words++;
      continue;
    }
    i = start;
    if (sinorus_fold_char(q, len, &i, f) == 1 && f[0] == '"') {
      if (inphrase && phrase > 0) put(&o, "\"", 1);
      inphrase = !inphrase;
      phrase = 0;
    }
  }
  if (inphrase && phrase > 0) put(&o, "\"", 1);
  if (o.n < o.cap) o.out[o.n] = '\0';
  return o.n;
}
