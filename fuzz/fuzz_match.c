/*
** fuzz_match.c: the mention matcher (sinorus_matcher_*).
**
** Input: the first byte gives the number of patterns (0..15); that many
** newline-terminated patterns follow, then the text. Checks: sizing with
** cap 0 and filling agree; a short array gets the first matches in the
** same order; matches are in order (start, longest first, id), lie in
** the text and carry a pattern's id; adding after compiling is refused.
** When the patterns and the text are ASCII, the matches are compared
** with a naive matcher that follows the contract word for word.
*/
#include <string.h>

#include "sinorus.h"
#include "fuzz.h"

#define MAXPAT 16


static int ascii_word (unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int ascii_space (unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static int before (const sinorus_match *a, const sinorus_match *b) {
  if (a->start != b->start) return a->start < b->start;
  if (a->stop != b->stop) return a->stop > b->stop;
  return a->id < b->id;
}

static int cmp_match (const void *a, const void *b) {
  const sinorus_match *x = a, *y = b;
  return before(x, y) ? -1 : before(y, x) ? 1 : 0;
}


/* Folds ASCII s and collapses white-space runs to one space; off[i]
** gets the original offset of folded byte i. Returns the length. */
static size_t fold_ascii (const char *s, size_t len, char *out, size_t *off,
                          int trim) {
  size_t i, o = 0;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (ascii_space(c)) {
      if (o > 0 && out[o - 1] == ' ') continue;
      if (trim && o == 0) continue;
      c = ' ';
    }
    else if (c >= 'A' && c <= 'Z') c |= 0x20;
    if (off) off[o] = i;
    out[o++] = (char)c;
  }
  if (trim && o > 0 && out[o - 1] == ' ') o--;
  return o;
}


/* The matches of ASCII patterns in ASCII text, naively; returns the count. */
static size_t naive (char **pat, size_t *plen, int npat, const long *ids,
                     const char *text, size_t len, sinorus_match *out) {
  char *ft = malloc(len + 1), *fp = malloc(1100);
  size_t *off = malloc((len + 1) * sizeof *off), n, count = 0;
  int k;
  if (!ft || !fp || !off) abort();
  n = fold_ascii(text, len, ft, off, 0);
  off[n] = len;
  for (k = 0; k < npat; k++) {
    size_t m = fold_ascii(pat[k], plen[k], fp, NULL, 1), p;
    if (m == 0 || m > 1024) continue;
    for (p = 0; p + m <= n; p++) {
      size_t stop;
      if (memcmp(ft + p, fp, m) != 0) continue;
      if (ascii_word((unsigned char)fp[0]) && p > 0
          && ascii_word((unsigned char)ft[p - 1])) continue;
      if (ascii_word((unsigned char)fp[m - 1]) && p + m < n
          && ascii_word((unsigned char)ft[p + m])) continue;
      stop = off[p + m - 1] + 1;
      out[count].id = ids[k];
      out[count].start = off[p];
      out[count].stop = stop;
      count++;
    }
  }
  qsort(out, count, sizeof *out, cmp_match);
  free(ft); free(fp); free(off);
  return count;
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  char *pat[MAXPAT];
  size_t plen[MAXPAT], pos = 1, tlen, n, i, cut;
  long ids[MAXPAT];
  int npat, k, added = 0, ascii = 1;
  const char *text;
  sinorus_matcher *m;
  sinorus_match *got, *part;
  if (size == 0) return 0;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  npat = data[0] % MAXPAT;
  for (k = 0; k < npat && pos <= size; k++) {
    const char *nl = memchr(s + pos, '\n', size - pos);
    size_t e = nl ? (size_t)(nl - s) : size;
    pat[k] = (char *)s + pos;
    plen[k] = e - pos;
    ids[k] = (long)(k * 7) - 20;            /* ids may repeat in sign only */
    pos = nl ? e + 1 : size;
  }
  npat = k;
  text = s + (pos < size ? pos : size);
  tlen = size - (size_t)(text - s);
  for (i = 1; i < size; i++)
    if (data[i] >= 0x80) { ascii = 0; break; }

  if ((m = sinorus_matcher_new()) == NULL) return 0;
  FUZZ_CHECK(sinorus_matcher_scan(m, text, tlen, NULL, 0) == 0,
             "an uncompiled matcher found something");
  for (k = 0; k < npat; k++) {
    int rc = sinorus_matcher_add(m, pat[k], plen[k], ids[k]);
    FUZZ_CHECK(rc == SINORUS_OK || rc == SINORUS_RANGE, "add: status %d", rc);
    added += rc == SINORUS_OK;
  }
  FUZZ_CHECK(sinorus_matcher_compile(m) == SINORUS_OK, "compile failed");
  FUZZ_CHECK(sinorus_matcher_add(m, "x", 1, 0) == SINORUS_ERROR,
             "add after compile was accepted");

  n = sinorus_matcher_scan(m, text, tlen, NULL, 0);
  got = malloc((n + 1) * sizeof *got);
  part = malloc((n + 1) * sizeof *part);
  if (!got || !part) abort();
  FUZZ_CHECK(sinorus_matcher_scan(m, text, tlen, got, n) == n, "count changed");
  cut = n / 2;
  FUZZ_CHECK(sinorus_matcher_scan(m, text, tlen, part, cut) == n, "count changed, cut");
  for (i = 0; i < cut; i++)
    FUZZ_CHECK(part[i].id == got[i].id && part[i].start == got[i].start
               && part[i].stop == got[i].stop, "short array differs at %zu", i);
  for (i = 0; i < n; i++) {
    FUZZ_CHECK(got[i].start < got[i].stop && got[i].stop <= tlen,
               "match %zu: [%zu, %zu) of %zu", i, got[i].start, got[i].stop, tlen);
    FUZZ_CHECK(i == 0 || !before(&got[i], &got[i - 1]), "match %zu out of order", i);
    for (k = 0; k < npat && ids[k] != got[i].id; k++) ;
    FUZZ_CHECK(k < npat, "match %zu: unknown id %ld", i, got[i].id);
  }
  FUZZ_CHECK(added > 0 || n == 0, "matches without patterns");

  if (ascii) {
    sinorus_match *want = malloc((tlen * (size_t)(npat ? npat : 1) + 1) * sizeof *want);
    size_t w;
    if (!want) abort();
    w = naive(pat, plen, npat, ids, text, tlen, want);
    FUZZ_CHECK(w == n, "%zu matches, the naive matcher finds %zu", n, w);
    for (i = 0; i < n; i++)
      FUZZ_CHECK(want[i].id == got[i].id && want[i].start == got[i].start
                 && want[i].stop == got[i].stop,
                 "match %zu: id %ld [%zu, %zu), the naive matcher: id %ld [%zu, %zu)",
                 i, got[i].id, got[i].start, got[i].stop,
                 want[i].id, want[i].start, want[i].stop);
    free(want);
  }
  FUZZ_CHECK(sinorus_matcher_compile(m) == SINORUS_OK, "compiling again failed");
  FUZZ_CHECK(sinorus_matcher_scan(m, text, tlen, NULL, 0) == n, "count changed "
             "after compiling again");
  free(got);
  free(part);
  sinorus_matcher_free(m);
  return 0;
}
