/*
** sn_match.c: finding many patterns at once in folded text.
**
** The patterns are folded (sn_fold.c), their white-space runs collapsed
** to one space, and compiled into an Aho-Corasick automaton over folded
** bytes, stored as a dense transition table over byte classes (the bytes
** that occur in patterns, plus one class for all others). A scan folds
** the text on the fly -- ASCII through a table, the rest through
** sinorus_fold_char -- and feeds the folded bytes to the automaton, so
** every match is found in one pass. White-space runs in the text count
** as one space. A ring of the last folded bytes remembers the original
** offset of each and whether it belongs to a word, which gives a
** match's original start and lets it be checked against word boundaries
** (a pattern that starts with a word character must not follow one; a
** pattern that ends with one must not be followed by one).
**
** Most words of a text start no pattern: when the automaton is idle at
** the start of an ASCII word whose first two bytes begin no pattern, the
** scan skips the word without stepping the automaton. That is exact,
** because a match may only start at a word boundary.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sinorus.h"

/* The longest pattern, in folded bytes (the ring holds twice that). */
#ifndef SN_PATTERN_MAX
#define SN_PATTERN_MAX 1024
#endif

#define NONE UINT32_MAX


typedef struct Pattern {
  char *bytes;        /* folded, white space collapsed */
  size_t len;
  long id;
  int wfirst, wlast;  /* 1 if the first / last character is a word's */
  int32_t next;       /* the next pattern that ends in the same state */
} Pattern;


struct sinorus_matcher {
  Pattern *pats;
  size_t npats, cappats;
  int compiled;
  size_t maxlen;                 /* the longest pattern */
  size_t ncls;                   /* number of byte classes */
  uint32_t space;                /* the class of ' ', or NONE */
  unsigned char cls[256];        /* class of a folded byte */
  unsigned char rawcls[128];     /* class of an ASCII byte of the text */
  unsigned char pair[128][16];   /* bit set: a pattern starts with these */
                                 /* two folded ASCII bytes (see compile) */
  uint32_t *delta;               /* [state * ncls + class]: (row << 1) | out */
  int32_t *first;                /* [state]: first pattern ending there */
  uint32_t *dlink;               /* [state]: next suffix state with output */
  size_t nstates;
};


/* 1 for the ASCII bytes that are part of words. */
static const unsigned char ascii_word[128] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
  0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
};

#define is_ascii_space(c) ((c) == ' ' || ((c) >= '\t' && (c) <= '\r'))

/* ASCII as the automaton sees it: lowered, white space as ' '. */
static const unsigned char fold2[128] = {
  0, 1, 2, 3, 4, 5, 6, 7, 8, 32, 32, 32, 32, 32, 14, 15,
  16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31,
  32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,
  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63,
  64, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 91, 92, 93, 94, 95,
  96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
  112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};


/* A new, empty matcher, or NULL when out of memory. */
SINORUS_API sinorus_matcher *sinorus_matcher_new (void) {
  return (sinorus_matcher *)calloc(1, sizeof(sinorus_matcher));
}


/* Frees the automaton of m (not its patterns). */
static void free_automaton (sinorus_matcher *m) {
  free(m->delta);
  free(m->first);
  free(m->dlink);
  m->delta = NULL;
  m->first = NULL;
  m->dlink = NULL;
  m->nstates = 0;
}


/* Frees m and everything it holds; NULL is allowed. */
SINORUS_API void sinorus_matcher_free (sinorus_matcher *m) {
  size_t i;
  if (m == NULL) return;
  for (i = 0; i < m->npats; i++) free(m->pats[i].bytes);
  free(m->pats);
  free_automaton(m);
  free(m);
}


/* The length of the UTF-8 character whose lead byte is c (1 if invalid). */
static int char_len (unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}


/*
** Adds a pattern with the caller's id. Returns SINORUS_OK, SINORUS_NOMEM,
** SINORUS_RANGE when the pattern folds to nothing or to more than
** SN_PATTERN_MAX bytes, or SINORUS_ERROR when m is NULL or compiled.
*/
SINORUS_API int sinorus_matcher_add (sinorus_matcher *m, const char *pat,
                                     size_t len, long id) {
  Pattern *p;
  char *b;
  size_t n, i, o = 0;
  if (m == NULL || m->compiled) return SINORUS_ERROR;
  if (pat == NULL) return SINORUS_RANGE;
  n = sinorus_fold(pat, len, NULL, 0);
  if (n == 0) return SINORUS_RANGE;
  if ((b = (char *)malloc(n)) == NULL) return SINORUS_NOMEM;
  sinorus_fold(pat, len, b, n);
  for (i = 0; i < n; i++) {                 /* collapse and trim spaces */
    if (is_ascii_space((unsigned char)b[i])) {
      if (o > 0 && b[o - 1] != ' ') b[o++] = ' ';
    }
    else b[o++] = b[i];
  }
  if (o > 0 && b[o - 1] == ' ') o--;
  if (o == 0 || o > SN_PATTERN_MAX) { free(b); return SINORUS_RANGE; }
  if (m->npats == m->cappats) {
    size_t cap = m->cappats ? 2 * m->cappats : 16;
    Pattern *np = (cap < (size_t)INT32_MAX)
                ? (Pattern *)realloc(m->pats, cap * sizeof(Pattern)) : NULL;
    if (np == NULL) { free(b); return SINORUS_NOMEM; }
    m->pats = np;
    m->cappats = cap;
  }
  p = &m->pats[m->npats++];
  p->bytes = b;
  p->len = o;
  p->id = id;
  n = (size_t)char_len((unsigned char)b[0]);
  p->wfirst = sinorus_is_word(b, (int)(n < o ? n : o));
  i = o - 1;
  while (i > 0 && ((unsigned char)b[i] & 0xC0) == 0x80 && o - i < 4) i--;
  p->wlast = sinorus_is_word(b + i, (int)(o - i));
  p->next = -1;
  return SINORUS_OK;
}


/*
** Builds the automaton of the patterns added so far. Returns SINORUS_OK,
** SINORUS_NOMEM, or SINORUS_ERROR when m is NULL. Compiling twice is
** harmless; afterwards sinorus_matcher_add fails with SINORUS_ERROR.
*/
SINORUS_API int sinorus_matcher_compile (sinorus_matcher *m) {
  size_t i, c, total = 1, ncls = 1, head = 0, tail = 0, nst = 1;
  uint32_t *delta, *fail = NULL, *queue = NULL;
  unsigned char *hasout = NULL;
  int used[256];
  if (m == NULL) return SINORUS_ERROR;
  if (m->compiled) return SINORUS_OK;
  free_automaton(m);
  memset(used, 0, sizeof used);
  m->maxlen = 0;
  for (i = 0; i < m->npats; i++) {
    Pattern *p = &m->pats[i];
    size_t k;
    for (k = 0; k < p->len; k++) used[(unsigned char)p->bytes[k]] = 1;
    total += p->len;
    if (p->len > m->maxlen) m->maxlen = p->len;
    p->next = -1;
  }
  for (c = 0; c < 256; c++)
    m->cls[c] = used[c] ? (unsigned char)ncls++ : 0;
  m->ncls = ncls;
  m->space = used[' '] ? m->cls[' '] : NONE;
  for (c = 0; c < 128; c++) {
    unsigned char f = (unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    m->rawcls[c] = is_ascii_space(c) ? m->cls[' '] : m->cls[f];
  }
  memset(m->pair, 0, sizeof m->pair);
  for (i = 0; i < m->npats; i++) {          /* the first two bytes */
    const unsigned char *b = (const unsigned char *)m->pats[i].bytes;
    if (b[0] >= 0x80) continue;
    if (m->pats[i].len == 1) memset(m->pair[b[0]], 0xFF, 16);
    else if (b[1] < 0x80) m->pair[b[0]][b[1] >> 3] |= (unsigned char)(1u << (b[1] & 7));
  }
  if (total > (size_t)(INT32_MAX / 2) / ncls) return SINORUS_NOMEM;
  m->delta = delta = (uint32_t *)malloc(total * ncls * sizeof(uint32_t));
  m->first = (int32_t *)malloc(total * sizeof(int32_t));
  m->dlink = (uint32_t *)malloc(total * sizeof(uint32_t));
  fail = (uint32_t *)malloc(total * sizeof(uint32_t));
  queue = (uint32_t *)malloc(total * sizeof(uint32_t));
  hasout = (unsigned char *)calloc(total, 1);
  if (!delta || !m->first || !m->dlink || !fail || !queue || !hasout) {
    free_automaton(m);
    free(fail); free(queue); free(hasout);
    return SINORUS_NOMEM;
  }
  for (i = 0; i < total * ncls; i++) delta[i] = NONE;
  for (i = 0; i < total; i++) m->first[i] = -1;
  for (i = 0; i < m->npats; i++) {          /* the trie */
    Pattern *p = &m->pats[i];
    uint32_t s = 0;
    int32_t k;
    size_t j;
    for (j = 0; j < p->len; j++) {
      uint32_t *t = &delta[s * ncls + m->cls[(unsigned char)p->bytes[j]]];
      if (*t == NONE) *t = (uint32_t)nst++;
      s = *t;
    }
    for (k = m->first[s]; k >= 0; k = m->pats[k].next)
      if (m->pats[k].id == p->id) break;    /* the same pattern twice */
    if (k < 0) {
      p->next = m->first[s];
      m->first[s] = (int32_t)i;
      hasout[s] = 1;
    }
  }
  fail[0] = 0;
  m->dlink[0] = NONE;
  for (c = 0; c < ncls; c++) {              /* the root's row */
    uint32_t u = delta[c];
    if (u == NONE) delta[c] = 0;
    else { fail[u] = 0; queue[tail++] = u; }
  }
  while (head < tail) {                     /* the other rows, breadth first */
    uint32_t s = queue[head++], f = fail[s];
    m->dlink[s] = (m->first[f] >= 0) ? f : m->dlink[f];
    if (hasout[f]) hasout[s] = 1;
    for (c = 0; c < ncls; c++) {
      uint32_t u = delta[s * ncls + c];
      if (u == NONE) delta[s * ncls + c] = delta[f * ncls + c];
      else { fail[u] = delta[f * ncls + c]; queue[tail++] = u; }
    }
  }
  for (i = 0; i < nst * ncls; i++) {        /* rows and output flags */
    uint32_t u = delta[i];
    delta[i] = (uint32_t)((u * ncls) << 1) | hasout[u];
  }
  m->nstates = nst;
  m->compiled = 1;
  free(fail);
  free(queue);
  free(hasout);
  return SINORUS_OK;
}


/* 1 if the first visible character of text[i..len) is a word's. */
static int word_follows (const char *text, size_t len, size_t i) {
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    char f[4];
    int k;
    if (c < 0x80) return ascii_word[c];
    k = sinorus_fold_char(text, len, &i, f);
    if (k > 0) return sinorus_is_word(f, k);
  }
  return 0;
}


/* The state of a scan. */
typedef struct Scan {
  const sinorus_matcher *m;
  const char *text;
  size_t len;
  sinorus_match *out;
  size_t cap, stored, count;
  size_t *ring;                  /* (original offset << 1) | word, by folded index */
  size_t mask;
} Scan;


/* 1 if match a comes before match b: by start, longest first, then id. */
static int before (const sinorus_match *a, const sinorus_match *b) {
  if (a->start != b->start) return a->start < b->start;
  if (a->stop != b->stop) return a->stop > b->stop;
  return a->id < b->id;
}


/* Counts a match and keeps it if it is among the first cap in order. */
static void keep (Scan *sc, long id, size_t start, size_t stop) {
  sinorus_match mt;
  size_t j;
  sc->count++;
  if (sc->cap == 0) return;
  mt.id = id;
  mt.start = start;
  mt.stop = stop;
  if (sc->stored == sc->cap) {
    if (!before(&mt, &sc->out[sc->cap - 1])) return;
    sc->stored--;
  }
  j = sc->stored++;
  while (j > 0 && before(&mt, &sc->out[j - 1])) {
    sc->out[j] = sc->out[j - 1];
    j--;
  }
  sc->out[j] = mt;
}


/*
** Reports the patterns that end in state row (a row offset) at folded
** index f, the last byte of a character that ends at original offset
** stop; inside is 1 when more bytes of the same folded character (which
** is a word's when inside) follow.
*/
static void report (Scan *sc, uint32_t row, size_t f, size_t stop,
                    int inside) {
  const sinorus_matcher *m = sc->m;
  uint32_t s = row / (uint32_t)m->ncls;
  int after = -1;                           /* word after? unknown yet */
  for (; s != NONE; s = m->dlink[s]) {
    int32_t k;
    for (k = m->first[s]; k >= 0; k = m->pats[k].next) {
      const Pattern *p = &m->pats[k];
      size_t fs = f + 1 - p->len;
      if (p->wfirst && fs > 0 && (sc->ring[(fs - 1) & sc->mask] & 1)) continue;
      if (p->wlast) {
        if (inside) continue;
        if (after < 0) after = word_follows(sc->text, sc->len, stop);
        if (after) continue;
      }
      keep(sc, p->id, sc->ring[fs & sc->mask] >> 1, stop);
    }
  }
}


/*
** Scans text[0..len) in one pass and writes at most cap matches to out
** (NULL allowed when cap is 0), ordered by start, longest first at one
** start, then by id; returns how many matches the text has. A matcher
** that is not compiled finds nothing.
*/
SINORUS_API size_t sinorus_matcher_scan (const sinorus_matcher *m,
                                         const char *text, size_t len,
                                         sinorus_match *out, size_t cap) {
  size_t ring[2 * SN_PATTERN_MAX];
  const unsigned char *u = (const unsigned char *)text;
  const uint32_t *delta;
  const unsigned char *rawcls;
  Scan sc;
  size_t i = 0, f = 0, size = 2;
  uint32_t row = 0, space;
  int prevsp = 0, pw = 0;                   /* last folded char: space? word? */
  if (m == NULL || !m->compiled || text == NULL || m->npats == 0) return 0;
  while (size < m->maxlen + 2) size *= 2;
  sc.m = m;
  sc.text = text;
  sc.len = len;
  sc.out = out;
  sc.cap = out ? cap : 0;
  sc.stored = sc.count = 0;
  sc.ring = ring;
  sc.mask = size - 1;
  delta = m->delta;
  rawcls = m->rawcls;
  space = m->space;
  while (i < len) {
    unsigned c = u[i];
    if (c < 0x80) {                         /* ASCII: the fast path */
      uint32_t cl = rawcls[c], e;
      if (row == 0 && !pw && ascii_word[c] && i + 1 < len && u[i + 1] < 0x80) {
        unsigned c2 = fold2[u[i + 1]];      /* a word starts: can a pattern? */
        if (!(m->pair[fold2[c]][c2 >> 3] & (1u << (c2 & 7)))) {
          size_t j = i + 1;                 /* no: skip the word's ASCII */
          while (j < len && u[j] < 0x80 && ascii_word[u[j]]) j++;
          f += j - i;
          ring[(f - 1) & sc.mask] = ((j - 1) << 1) | 1;
          pw = 1;
          prevsp = 0;
          i = j;
          continue;
        }
      }
      if (cl == space) {
        if (prevsp) { i++; continue; }
        prevsp = 1;
      }
      else prevsp = 0;
      pw = ascii_word[c];
      ring[f & sc.mask] = (i << 1) | pw;
      e = delta[row + cl];
      row = e >> 1;
      i++;
      if (e & 1) report(&sc, row, f, i, 0);
      f++;
    }
    else {                                  /* fold one character */
      size_t start = i;
      char fb[4];
      int k = sinorus_fold_char(text, len, &i, fb), j;
      if (k == 0) continue;
      if (k == 1 && fb[0] == ' ') {
        if (prevsp && space != NONE) continue;
        prevsp = 1;
      }
      else prevsp = 0;
      pw = sinorus_is_word(fb, k);
      for (j = 0; j < k; j++) {
        uint32_t e = delta[row + m->cls[(unsigned char)fb[j]]];
        ring[f & sc.mask] = (start << 1) | (size_t)pw;
        row = e >> 1;
        if (e & 1) report(&sc, row, f, i, j < k - 1 && pw);
        f++;
      }
    }
  }
  return sc.count;
}
