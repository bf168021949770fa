/*
** sn_match.c: finding many patterns at once in folded text.
**
** The patterns are folded (sn_fold.c), their white-space runs collapsed
** to one space, and compiled into an Aho-Corasick automaton over folded
** bytes. A scan folds the text on the fly -- ASCII through a table, the
** rest through sinorus_fold_char -- and feeds the folded bytes to the
** automaton, so every match is found in one pass. White-space runs in
** the text count as one space.
**
** Word boundaries are part of the automaton: think of a symbol B
** between every word character and non-word character (either way), at
** the start of every pattern that begins with a word character, and
** wherever a pattern changes between word and non-word characters. A
** pattern "China" is then "B china" and can only match where a word
** starts. B is never fed as such: the automaton's states carry whether
** the last character was a word's, and each transition that crosses a
** boundary takes the B step and the character's step at once. The end
** boundary of a pattern that ends in a word character is checked when it
** matches, by looking at the next character.
**
** Anchoring pays: once no pattern can start with the current word's
** beginning, the automaton sits in one "dead" state until the word ends,
** and the scan skips the rest of an ASCII word without stepping. A ring
** of the original offsets of the last folded bytes gives each match's
** start.
**
** Languages (issue 17): CJK characters (sn_is_cjk) are not word
** characters here, so a Chinese pattern matches inside a run of Han
** characters (which has no word boundaries) and a Latin pattern right
** next to one. A pattern whose last word is mostly Cyrillic, not an
** acronym in capitals (НАТО, США) and has a Snowball stem of at least
** three letters (sn_stem.c) stands for its stem followed by nothing or
** by one of the Russian endings below: "Россия" finds России, Россию,
** Россией but not Россиянин; "Китай" finds Китаем; "Путин" Путина. The
** ending is checked when the stem matches, by reading the rest of the
** word, so a scan still allocates nothing.
**
** Byte classes: each ASCII byte that occurs in a pattern has a class;
** each other byte >= 0x80 of a pattern has two (in a word character and
** in another), and two classes stand for all the bytes of the text that
** occur in no pattern (word and non-word). So every class knows whether
** its character is a word's, and the dense table is small.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"

/* The longest pattern, in folded bytes (the ring holds twice that). */
#ifndef SN_PATTERN_MAX
#define SN_PATTERN_MAX 1024
#endif

#define NONE UINT32_MAX

/* The classes of bytes that occur in no pattern. */
#define OTHER_NONWORD 0
#define OTHER_WORD    1


typedef struct Pattern {
  char *bytes;        /* folded, white space collapsed */
  size_t len;
  long id;
  int wlast;          /* 1 if the last character is a word's */
  int inflect;        /* 1 if bytes end in a Russian stem (see above) */
  int32_t next;       /* the next pattern that ends in the same state */
} Pattern;


struct sinorus_matcher {
  Pattern *pats;
  size_t npats, cappats;
  int compiled;
  size_t maxlen;                 /* the longest pattern */
  size_t ncls;                   /* number of byte classes */
  uint32_t space;                /* the class of ' ', or NONE */
  unsigned char ascls[128];      /* class of a folded ASCII byte */
  unsigned char rawcls[128];     /* class of an ASCII byte of the text */
  unsigned char hicls[128][2];   /* class of a byte >= 0x80 [byte][word] */
  uint32_t *delta;               /* [row + class]: (row << 1) | output */
  int32_t *first;                /* [state]: first pattern ending there */
  uint32_t *dlink;               /* [state]: next suffix state with output */
  size_t nstates;
  sn_stemmer *stem;              /* for the patterns, made on first need */
};


/* The Russian endings an inflected pattern's stem may take (folded when
** compared). */
static const char *const endings[] = {
  "а", "я", "ы", "и", "е", "у", "ю", "й", "ь", "о", "ой", "ей", "ою", "ею",
  "ом", "ем", "ём", "ам", "ям", "ами", "ями", "ах", "ях", "ью", "ия", "ии",
  "ию", "ией", "ий", "ья", "ьи", "ье", "ьей", "ьем", "ов", "ев", "ова",
  "ову", "овым", "ове", "ым", "им", "ого", "его", "ому", "ему", "ая", "ую",
  "ое", "ые", "ых", "ыми", "ими", NULL
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


/* 1 if the folded character folded[0..n) is a word's for boundaries:
** a word character that is not CJK. */
static int mword (const char *folded, int n) {
  if (!sinorus_is_word(folded, n)) return 0;
  return n < 3 || !sn_is_cjk(sn_utf8_cp(folded, n));
}


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
  sn_stemmer_free(m->stem);
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


/* 1 if s[a..b) is an acronym in capitals: two or more letters, all of
** them uppercase Latin or Cyrillic. */
static int capitals (const char *s, size_t a, size_t b) {
  size_t i = a;
  int n = 0;
  while (i < b) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    int l = char_len(c);
    if ((size_t)l > b - i) return 0;
    cp = sn_utf8_cp(s + i, l);
    if (!((cp >= 'A' && cp <= 'Z') || (cp >= 0x400 && cp <= 0x42F))) return 0;
    n++;
    i += (size_t)l;
  }
  return n >= 2;
}


/*
** Makes p, just added from pat[0..len), an inflected pattern when its
** last word allows it (see the file comment): its bytes end in the stem
** instead of the word. Returns a status.
*/
static int inflect (sinorus_matcher *m, Pattern *p, const char *pat,
                    size_t len) {
  char wb[SN_TOKEN_MAX + 4], stem[SN_TOKEN_MAX + 4];
  size_t pos = 0, ws = 0, we = 0, a, b, lw;
  int n, k, letters = 0;
  while (sn_word(pat, len, &pos, 1, &a, &b, wb) >= 0) { ws = a; we = b; }
  if (we <= ws || capitals(pat, ws, we)) return SINORUS_OK;
  for (a = ws; a < we; a++)                 /* mostly Cyrillic? */
    letters += ((unsigned char)pat[a] == 0xD0 || (unsigned char)pat[a] == 0xD1)
             ? 1 : ((unsigned char)pat[a] < 0x80 ? -1 : 0);
  if (letters <= 0) return SINORUS_OK;
  if (m->stem == NULL
      && (m->stem = sn_stemmer_new(1u << SN_LANG_RUSSIAN)) == NULL)
    return SINORUS_NOMEM;
  k = sn_stem(m->stem, pat, ws, we, stem);
  if (k == -2) return SINORUS_NOMEM;
  n = sn_word(pat, len, &ws, 0, &a, &b, wb);   /* the word, folded */
  lw = (n > 0) ? (size_t)n : 0;
  if (k < 0 || lw == 0 || lw > p->len || (size_t)k > lw
      || memcmp(p->bytes + p->len - lw, stem, (size_t)k) != 0) return SINORUS_OK;
  for (a = 0, letters = 0; a < (size_t)k; a++)
    letters += ((unsigned char)stem[a] & 0xC0) != 0x80;
  if (letters < 3) return SINORUS_OK;
  p->len -= lw - (size_t)k;
  p->inflect = 1;
  return SINORUS_OK;
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
  i = o - 1;
  while (i > 0 && ((unsigned char)b[i] & 0xC0) == 0x80 && o - i < 4) i--;
  p->wlast = mword(b + i, (int)(o - i));
  p->inflect = 0;
  p->next = -1;
  if (p->wlast) return inflect(m, p, pat, len);
  return SINORUS_OK;
}


/* The class of folded byte c of a character that is (w 1) or is not a word's. */
static uint32_t class_of (const sinorus_matcher *m, unsigned char c, int w) {
  return (c < 0x80) ? m->ascls[c] : m->hicls[c - 0x80][w];
}


/*
** Builds the automaton of the patterns added so far. Returns SINORUS_OK,
** SINORUS_NOMEM, or SINORUS_ERROR when m is NULL. Compiling twice is
** harmless; afterwards sinorus_matcher_add fails with SINORUS_ERROR.
*/
SINORUS_API int sinorus_matcher_compile (sinorus_matcher *m) {
  size_t i, c, total = 1, ncls = 2, nsym, head = 0, tail = 0, nst = 1;
  uint32_t *aug = NULL, *fail = NULL, *queue = NULL, B;
  unsigned char *hasout = NULL, word[2 + 128 + 2 * 128];
  unsigned char used[256];
  if (m == NULL) return SINORUS_ERROR;
  if (m->compiled) return SINORUS_OK;
  free_automaton(m);
  memset(used, 0, sizeof used);
  m->maxlen = 0;
  for (i = 0; i < m->npats; i++) {
    Pattern *p = &m->pats[i];
    size_t k;
    for (k = 0; k < p->len; k++) used[(unsigned char)p->bytes[k]] = 1;
    total += 2 * p->len + 1;                /* bytes and B's */
    if (p->len > m->maxlen) m->maxlen = p->len;
    p->next = -1;
  }
  word[OTHER_NONWORD] = 0;
  word[OTHER_WORD] = 1;
  for (c = 0; c < 128; c++) {               /* the classes */
    if (used[c]) { word[ncls] = ascii_word[c]; m->ascls[c] = (unsigned char)ncls++; }
    else m->ascls[c] = ascii_word[c] ? OTHER_WORD : OTHER_NONWORD;
  }
  for (c = 128; c < 256; c++) {
    if (used[c]) {
      word[ncls] = 0; m->hicls[c - 128][0] = (unsigned char)ncls++;
      word[ncls] = 1; m->hicls[c - 128][1] = (unsigned char)ncls++;
    }
    else {
      m->hicls[c - 128][0] = OTHER_NONWORD;
      m->hicls[c - 128][1] = OTHER_WORD;
    }
  }
  for (c = 0; c < 128; c++) {
    unsigned char f = (unsigned char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    m->rawcls[c] = m->ascls[is_ascii_space(c) ? ' ' : f];
  }
  m->ncls = ncls;
  m->space = used[' '] ? m->ascls[' '] : NONE;
  nsym = ncls + 1;
  B = (uint32_t)ncls;
  if (total > (size_t)(INT32_MAX / 4) / nsym) return SINORUS_NOMEM;
  aug = (uint32_t *)malloc(total * nsym * sizeof(uint32_t));
  m->first = (int32_t *)malloc(total * sizeof(int32_t));
  m->dlink = (uint32_t *)malloc(total * sizeof(uint32_t));
  fail = (uint32_t *)malloc(total * sizeof(uint32_t));
  queue = (uint32_t *)malloc(total * sizeof(uint32_t));
  hasout = (unsigned char *)calloc(total, 1);
  if (!aug || !m->first || !m->dlink || !fail || !queue || !hasout) goto nomem;
  for (i = 0; i < total * nsym; i++) aug[i] = NONE;
  for (i = 0; i < total; i++) m->first[i] = -1;
  for (i = 0; i < m->npats; i++) {          /* the trie, with B's */
    Pattern *p = &m->pats[i];
    uint32_t s = 0;
    int32_t k;
    int prevw = 0;
    size_t j = 0;
    while (j < p->len) {
      const char *ch = p->bytes + j;
      size_t n = (size_t)char_len((unsigned char)ch[0]), q;
      int w;
      if (n > p->len - j) n = p->len - j;
      w = mword(ch, (int)n);
      for (q = (w != prevw) ? 0 : 1; q <= n; q++) {
        uint32_t sym = (q == 0) ? B : class_of(m, (unsigned char)ch[q - 1], w);
        uint32_t *t = &aug[s * nsym + sym];
        if (*t == NONE) *t = (uint32_t)nst++;
        s = *t;
      }
      prevw = w;
      j += n;
    }
    for (k = m->first[s]; k >= 0; k = m->pats[k].next)
      if (m->pats[k].id == p->id) break;    /* the same pattern twice */
    if (k < 0) {
      p->next = m->first[s];
      m->first[s] = (int32_t)i;
      hasout[s] = 1;
    }
  }
  m->dlink[0] = NONE;
  for (c = 0; c < nsym; c++) {              /* the root's row */
    uint32_t u = aug[c];
    if (u == NONE) aug[c] = 0;
    else { fail[u] = 0; queue[tail++] = u; }
  }
  while (head < tail) {                     /* the other rows, breadth first */
    uint32_t s = queue[head++], f = fail[s];
    m->dlink[s] = (m->first[f] >= 0) ? f : m->dlink[f];
    if (hasout[f]) hasout[s] = 1;
    for (c = 0; c < nsym; c++) {
      uint32_t u = aug[s * nsym + c];
      if (u == NONE) aug[s * nsym + c] = aug[f * nsym + c];
      else { fail[u] = aug[f * nsym + c]; queue[tail++] = u; }
    }
  }
  /* the scanning table: row (2 * state + last was a word) * ncls */
  m->delta = (uint32_t *)malloc(2 * nst * ncls * sizeof(uint32_t));
  if (m->delta == NULL) goto nomem;
  for (i = 0; i < nst; i++) {
    int w;
    for (w = 0; w < 2; w++)
      for (c = 0; c < ncls; c++) {
        uint32_t s = (uint32_t)i, t;
        if (w != word[c]) s = aug[s * nsym + B];
        t = aug[s * nsym + c];
        m->delta[(2 * i + (size_t)w) * ncls + c] =
          (uint32_t)(((2 * (size_t)t + word[c]) * ncls) << 1) | hasout[t];
      }
  }
  m->nstates = nst;
  m->compiled = 1;
  free(aug); free(fail); free(queue); free(hasout);
  return SINORUS_OK;
nomem:
  free_automaton(m);
  free(aug); free(fail); free(queue); free(hasout);
  return SINORUS_NOMEM;
}


/* 1 if the first visible character of text[i..len) is a word's. */
static int word_follows (const char *text, size_t len, size_t i) {
  while (i < len) {
    unsigned char c = (unsigned char)text[i];
    char f[4];
    int k;
    if (c < 0x80) return ascii_word[c];
    k = sinorus_fold_char(text, len, &i, f);
    if (k > 0) return mword(f, k);
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
  size_t *ring;                  /* original offsets, by folded index */
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
** 1 if the rest of the word at text[*e..len) is empty or one of the
** endings; then *e is the end of the word.
*/
static int inflected_end (const char *text, size_t len, size_t *e) {
  char rest[24], f[4], ef[24];
  size_t i = *e, save, n = 0, k;
  for (;;) {
    int c;
    save = i;
    if (i >= len) break;
    c = sinorus_fold_char(text, len, &i, f);
    if (c == 0) continue;
    if (!mword(f, c)) { i = save; break; }
    if (n + (size_t)c > sizeof rest) return 0;
    memcpy(rest + n, f, (size_t)c);
    n += (size_t)c;
  }
  if (n > 0) {
    for (k = 0; endings[k]; k++)
      if (sinorus_fold(endings[k], strlen(endings[k]), ef, sizeof ef) == n
          && memcmp(ef, rest, n) == 0) break;
    if (endings[k] == NULL) return 0;
  }
  *e = i;
  return 1;
}


/*
** Reports the patterns that end in the state of table row `row` at
** folded index f, the last byte of a character that ends at original
** offset stop; inside is 1 when more bytes of the same folded character
** (a word's) follow.
*/
static void report (Scan *sc, uint32_t row, size_t f, size_t stop,
                    int inside) {
  const sinorus_matcher *m = sc->m;
  uint32_t s = (row / (uint32_t)m->ncls) >> 1;
  int after = -1;                           /* word after? unknown yet */
  for (; s != NONE; s = m->dlink[s]) {
    int32_t k;
    for (k = m->first[s]; k >= 0; k = m->pats[k].next) {
      const Pattern *p = &m->pats[k];
      if (p->inflect) {
        size_t e = stop;
        if (inside || !inflected_end(sc->text, sc->len, &e)) continue;
        keep(sc, p->id, sc->ring[(f + 1 - p->len) & sc->mask], e);
        continue;
      }
      if (p->wlast) {
        if (inside) continue;
        if (after < 0) after = word_follows(sc->text, sc->len, stop);
        if (after) continue;
      }
      keep(sc, p->id, sc->ring[(f + 1 - p->len) & sc->mask], stop);
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
  uint32_t row = 0, space, dead;
  int prevsp = 0;
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
  dead = (uint32_t)m->ncls;                 /* the root, after a word's char */
  while (i < len) {
    unsigned c = u[i];
    if (c < 0x80) {                         /* ASCII: the fast path */
      uint32_t cl, e;
      if (row == dead && ascii_word[c]) {   /* in a word no pattern starts */
        do i++; while (i < len && u[i] < 0x80 && ascii_word[u[i]]);
        prevsp = 0;
        continue;
      }
      cl = rawcls[c];
      if (cl == space) {
        if (prevsp) { i++; continue; }
        prevsp = 1;
      }
      else prevsp = 0;
      ring[f & sc.mask] = i;
      e = delta[row + cl];
      row = e >> 1;
      i++;
      if (e & 1) report(&sc, row, f, i, 0);
      f++;
    }
    else {                                  /* fold one character */
      size_t start = i;
      char fb[4];
      int k = sinorus_fold_char(text, len, &i, fb), j, w;
      if (k == 0) continue;
      if (k == 1 && fb[0] == ' ') {
        if (prevsp && space != NONE) continue;
        prevsp = 1;
      }
      else prevsp = 0;
      w = mword(fb, k);
      for (j = 0; j < k; j++) {
        uint32_t e = delta[row + class_of(m, (unsigned char)fb[j], w)];
        ring[f & sc.mask] = start;
        row = e >> 1;
        if (e & 1) report(&sc, row, f, i, j < k - 1 && w);
        f++;
      }
    }
  }
  return sc.count;
}
