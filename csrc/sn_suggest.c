/*
** sn_suggest.c: the per-sentence rules of the suggester (sn_suggest.h).
** Each function here does what the function of lua/sinorus/suggest.lua
** it names does, on the same tables, byte for byte: the Lua functions
** stay as the reference and spec/suggest_c_spec.lua compares the two.
** Character classes are ASCII, as Lua's patterns are in the C locale.
*/
#include <stdlib.h>
#include <string.h>

#include "sn_suggest.h"

typedef struct sn_strs {      /* a list of byte strings */
  char **s; size_t *len; size_t n, cap;
} sn_strs;

struct sn_sugg {
  sinorus_matcher *lex;
  sn_strs phrases;            /* id - 1 -> phrase */
  unsigned *roles; size_t caproles;
  sn_strs set[SN_SS_COUNT];   /* sorted once compiled */
  sn_strs qopen, qclose;      /* quotation marks, in order */
  sn_strs cjk;                /* Han speech verbs, in order */
  int compiled;
};

static int is_upper (int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower (int c) { return c >= 'a' && c <= 'z'; }
static int is_digit (int c) { return c >= '0' && c <= '9'; }
static int is_alpha (int c) { return is_upper(c) || is_lower(c); }
static int is_alnum (int c) { return is_alpha(c) || is_digit(c); }
static int is_space (int c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
static int to_lower (int c) { return is_upper(c) ? c - 'A' + 'a' : c; }

/* Grows *p (of *cap elements of size sz) to hold n; 0 when out of memory. */
static int grow (void *pp, size_t *cap, size_t n, size_t sz) {
  void **p = (void **)pp;
  size_t nc;
  void *q;
  if (n <= *cap) return 1;
  nc = *cap ? *cap * 2 : 16;
  while (nc < n) nc *= 2;
  q = realloc(*p, nc * sz);
  if (q == NULL) return 0;
  *p = q;
  *cap = nc;
  return 1;
}

static int strs_add (sn_strs *l, const char *s, size_t len) {
  char *c;
  if (l->n == l->cap) {
    size_t nc = l->cap ? 2 * l->cap : 8;
    char **ns = (char **)realloc(l->s, nc * sizeof(char *));
    size_t *nl;
    if (ns == NULL) return 0;
    l->s = ns;
    nl = (size_t *)realloc(l->len, nc * sizeof(size_t));
    if (nl == NULL) return 0;
    l->len = nl;
    l->cap = nc;
  }
  c = (char *)malloc(len + 1);
  if (c == NULL) return 0;
  memcpy(c, s, len);
  c[len] = '\0';
  l->s[l->n] = c;
  l->len[l->n++] = len;
  return 1;
}

static void strs_free (sn_strs *l) {
  size_t i;
  for (i = 0; i < l->n; i++) free(l->s[i]);
  free(l->s);
  free(l->len);
  memset(l, 0, sizeof *l);
}

sn_sugg *sn_sugg_new (void) {
  sn_sugg *g = (sn_sugg *)calloc(1, sizeof *g);
  if (g == NULL) return NULL;
  g->lex = sinorus_matcher_new();
  if (g->lex == NULL) { free(g); return NULL; }
  return g;
}

void sn_sugg_free (sn_sugg *g) {
  int i;
  if (g == NULL) return;
  sinorus_matcher_free(g->lex);
  strs_free(&g->phrases);
  for (i = 0; i < SN_SS_COUNT; i++) strs_free(&g->set[i]);
  strs_free(&g->qopen);
  strs_free(&g->qclose);
  strs_free(&g->cjk);
  free(g->roles);
  free(g);
}

int sn_sugg_phrase (sn_sugg *g, const char *p, size_t len, unsigned roles) {
  int rc;
  if (g->compiled) return SINORUS_ERROR;
  if (!grow(&g->roles, &g->caproles, g->phrases.n + 1, sizeof(unsigned)))
    return SINORUS_NOMEM;
  rc = sinorus_matcher_add(g->lex, p, len, (long)g->phrases.n + 1);
  if (rc != SINORUS_OK) return rc;
  if (!strs_add(&g->phrases, p, len)) return SINORUS_NOMEM;
  g->roles[g->phrases.n - 1] = roles;
  return SINORUS_OK;
}

int sn_sugg_word (sn_sugg *g, int set, const char *w, size_t len) {
  if (g->compiled) return SINORUS_ERROR;
  if (set < 0 || set >= SN_SS_COUNT || len == 0 || len > SN_SUGG_WORD_MAX)
    return SINORUS_RANGE;
  return strs_add(&g->set[set], w, len) ? SINORUS_OK : SINORUS_NOMEM;
}

int sn_sugg_quote (sn_sugg *g, const char *open, size_t olen, const char *close,
                   size_t clen) {
  if (g->compiled) return SINORUS_ERROR;
  if (olen == 0 || clen == 0) return SINORUS_RANGE;
  if (!strs_add(&g->qopen, open, olen) || !strs_add(&g->qclose, close, clen))
    return SINORUS_NOMEM;
  return SINORUS_OK;
}

int sn_sugg_cjk_speech (sn_sugg *g, const char *v, size_t len) {
  if (g->compiled) return SINORUS_ERROR;
  if (len == 0) return SINORUS_RANGE;
  return strs_add(&g->cjk, v, len) ? SINORUS_OK : SINORUS_NOMEM;
}

/* Byte order of (s, n) against the NUL-terminated b. */
static int cmp_bytes (const char *s, size_t n, const char *b, size_t bn) {
  size_t k = n < bn ? n : bn;
  int c = memcmp(s, b, k);
  if (c != 0) return c;
  return n < bn ? -1 : n > bn ? 1 : 0;
}

static const sn_strs *sort_strs;
static int cmp_index (const void *x, const void *y) {
  size_t i = *(const size_t *)x, j = *(const size_t *)y;
  return cmp_bytes(sort_strs->s[i], sort_strs->len[i], sort_strs->s[j], sort_strs->len[j]);
}

/* Sorts a list in place (its strings and lengths together). */
static int strs_sort (sn_strs *l) {
  size_t *ix, i;
  char **s;
  size_t *len;
  if (l->n < 2) return 1;
  ix = (size_t *)malloc(l->n * sizeof(size_t));
  s = (char **)malloc(l->n * sizeof(char *));
  len = (size_t *)malloc(l->n * sizeof(size_t));
  if (ix == NULL || s == NULL || len == NULL) {
    free(ix); free(s); free(len);
    return 0;
  }
  for (i = 0; i < l->n; i++) ix[i] = i;
  sort_strs = l;
  qsort(ix, l->n, sizeof(size_t), cmp_index);
  for (i = 0; i < l->n; i++) { s[i] = l->s[ix[i]]; len[i] = l->len[ix[i]]; }
  memcpy(l->s, s, l->n * sizeof(char *));
  memcpy(l->len, len, l->n * sizeof(size_t));
  free(ix); free(s); free(len);
  return 1;
}

/* Marks the first word of every estimative expression (sn_estimate.c's
** lexicon) as SN_SR_HEDGE, adding it to the lexicon when it is not there:
** the matcher finds every word the hedge finder can start with (ASCII
** letters and digits, between characters that are no part of a word to
** either), so a sentence without one has no hedge to look for. */
static int add_hedge_words (sn_sugg *g) {
  size_t i, k;
  const char *t;
  for (i = 0; (t = sn_hedge_term(i)) != NULL; i++) {
    const char *e = strchr(t, ' ');
    size_t n = e ? (size_t)(e - t) : strlen(t);
    for (k = 0; k < g->phrases.n; k++)
      if (g->phrases.len[k] == n && memcmp(g->phrases.s[k], t, n) == 0) break;
    if (k < g->phrases.n) {
      g->roles[k] |= SN_SR_HEDGE;
    } else {
      int rc = sn_sugg_phrase(g, t, n, SN_SR_HEDGE);
      if (rc != SINORUS_OK) return rc;
    }
  }
  return SINORUS_OK;
}

int sn_sugg_compile (sn_sugg *g) {
  int i, rc;
  if (g->compiled) return SINORUS_OK;
  rc = add_hedge_words(g);
  if (rc != SINORUS_OK) return rc;
  for (i = 0; i < SN_SS_COUNT; i++)
    if (!strs_sort(&g->set[i])) return SINORUS_NOMEM;
  rc = sinorus_matcher_compile(g->lex);
  if (rc != SINORUS_OK) return rc;
  g->compiled = 1;
  return SINORUS_OK;
}

long sn_sugg_nphrases (const sn_sugg *g) { return (long)g->phrases.n; }

unsigned sn_sugg_roles (const sn_sugg *g, long id) {
  return id >= 1 && (size_t)id <= g->phrases.n ? g->roles[id - 1] : 0;
}

const char *sn_sugg_phrase_text (const sn_sugg *g, long id, size_t *len) {
  if (id < 1 || (size_t)id > g->phrases.n) return NULL;
  *len = g->phrases.len[id - 1];
  return g->phrases.s[id - 1];
}

/* 1 when the ASCII lower case of s[0..n) is in set (a binary search). */
static int in_set (const sn_sugg *g, int set, const char *s, size_t n) {
  char buf[SN_SUGG_WORD_MAX];
  const sn_strs *l = &g->set[set];
  size_t lo = 0, hi = l->n, k;
  if (n > sizeof buf) return 0;   /* longer than any word of the sets */
  for (k = 0; k < n; k++) buf[k] = (char)to_lower((unsigned char)s[k]);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = cmp_bytes(buf, n, l->s[mid], l->len[mid]);
    if (c == 0) return 1;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return 0;
}

void sn_sugg_out_free (sn_sugg_out *o) {
  free(o->m); free(o->mark); free(o->sp); free(o->w); free(o->nn); free(o->h);
  free(o->why); free(o->doc);
  memset(o, 0, sizeof *o);
}

/* The first occurrence of (p, pn) in t[from, len), or (size_t)-1. */
static size_t find (const char *t, size_t len, size_t from, const char *p, size_t pn) {
  size_t i;
  if (pn == 0 || len < pn) return (size_t)-1;
  for (i = from; i + pn <= len; i++) {
    const char *c = (const char *)memchr(t + i, p[0], len - pn + 1 - i);
    if (c == NULL) return (size_t)-1;
    i = (size_t)(c - t);
    if (memcmp(c, p, pn) == 0) return i;
  }
  return (size_t)-1;
}

/* suggest.lua's opened(): t[0, i) ends with an opening quotation mark. */
static int opened (const sn_sugg *g, const char *t, size_t i) {
  size_t q;
  for (q = 0; q < g->qopen.n; q++) {
    size_t n = g->qopen.len[q];
    if (i >= n && memcmp(t + i - n, g->qopen.s[q], n) == 0) return 1;
  }
  return 0;
}

/* suggest.lua's closes(): a closing quotation mark starts at t[i]. */
static int closes (const sn_sugg *g, const char *t, size_t len, size_t i) {
  size_t q;
  for (q = 0; q < g->qclose.n; q++) {
    size_t n = g->qclose.len[q];
    if (i + n <= len && memcmp(t + i, g->qclose.s[q], n) == 0) return 1;
  }
  return 0;
}

static int cmp_span (const void *x, const void *y) {
  const sn_sugg_span *a = (const sn_sugg_span *)x, *b = (const sn_sugg_span *)y;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* suggest.lua's quoted_spans(). */
int sn_sugg_spans (const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len) {
  size_t q, n = 0, k, kept, last = 0;
  o->nsp = 0;
  for (q = 0; q < g->qopen.n; q++) {
    const char *op = g->qopen.s[q], *cl = g->qclose.s[q];
    size_t olen = g->qopen.len[q], clen = g->qclose.len[q], pos = 0;
    /* the marks whose opening is an apostrophe after a letter */
    int single = strcmp(op, "\xE2\x80\x98") == 0 || strcmp(op, "\"") == 0;
    int apos = strcmp(cl, "\xE2\x80\x99") == 0;
    for (;;) {
      size_t a = find(t, len, pos, op, olen), inner, b;
      if (a == (size_t)-1) break;
      inner = a + olen;
      if (single && a > 0 && is_alnum((unsigned char)t[a - 1])) { pos = inner; continue; }
      b = find(t, len, inner, cl, clen);
      while (b != (size_t)-1 && apos && b + clen < len
             && is_alpha((unsigned char)t[b + clen]))
        b = find(t, len, b + clen, cl, clen);
      if (b == (size_t)-1) break;
      if (b > inner) {
        if (!grow(&o->sp, &o->capsp, n + 1, sizeof(sn_sugg_span))) return SINORUS_NOMEM;
        o->sp[n].open = a; o->sp[n].start = inner;
        o->sp[n].stop = b; o->sp[n].close = b + clen;
        n++;
      }
      pos = b + clen;
    }
  }
  if (n > 1) qsort(o->sp, n, sizeof(sn_sugg_span), cmp_span);
  /* drop spans inside another */
  for (k = 0, kept = 0; k < n; k++) {
    if (o->sp[k].open >= last) { o->sp[kept++] = o->sp[k]; last = o->sp[k].close; }
  }
  o->nsp = kept;
  return SINORUS_OK;
}

/* cap_words()'s add: the word t[a, e) less a full stop (unless an
** abbreviation) and a possessive 's. */
static int add_word (sn_sugg_out *o, const char *t, size_t a, size_t e) {
  size_t n = e - a, f = e;
  if (t[f - 1] == '.' && !(n >= 2 && t[a + 1] == '.')
      && !(n == 3 && is_lower((unsigned char)t[a + 1]) && t[a + 2] == '.'))
    f--;
  if (f > a && t[f - 1] == '\'') f--;
  else if (f - a >= 2 && t[f - 1] == 's' && t[f - 2] == '\'') f -= 2;
  if (!grow(&o->w, &o->capw, o->nw + 1, sizeof(sn_sugg_capword))) return 0;
  o->w[o->nw].a = a;
  o->w[o->nw].b = f;
  o->w[o->nw].stop_after = f != e;
  o->nw++;
  return 1;
}

static int cmp_word (const void *x, const void *y) {
  const sn_sugg_capword *a = (const sn_sugg_capword *)x, *b = (const sn_sugg_capword *)y;
  return a->a < b->a ? -1 : a->a > b->a;
}

/* suggest.lua's cap_words(). */
static int cap_words (const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len) {
  size_t i = 0;
  o->nw = 0;
  while (i < len) {
    unsigned char c = (unsigned char)t[i];
    if (is_upper(c) && (i == 0 || !is_alnum((unsigned char)t[i - 1]))) {
      size_t j = i + 1;
      while (j < len && (is_alnum((unsigned char)t[j]) || t[j] == '-' || t[j] == '\''
                         || t[j] == '.'))
        j++;
      if ((i == 0 || t[i - 1] != '-') && !add_word(o, t, i, j)) return 0;
      i = j;
    } else {
      i++;
    }
  }
  if (memchr(t, 0xD0, len) != NULL || memchr(t, 0xD1, len) != NULL) {
    i = 0;
    while (i < len) {
      unsigned char c = (unsigned char)t[i];
      if (c == 0xD0 && i + 1 < len && (unsigned char)t[i + 1] >= 0x80
          && (unsigned char)t[i + 1] <= 0xAF) {
        size_t j = i + 2;
        unsigned char prev = i > 0 ? (unsigned char)t[i - 1] : ' ';
        while (j < len && (((unsigned char)t[j] >= 0x80 && (unsigned char)t[j] <= 0xBF)
                           || (unsigned char)t[j] == 0xD0 || (unsigned char)t[j] == 0xD1
                           || t[j] == '-'))
          j++;
        if ((prev < 128 || opened(g, t, i)) && !add_word(o, t, i, j)) return 0;
        i = j;
      } else {
        i++;
      }
    }
    if (o->nw > 1) qsort(o->w, o->nw, sizeof(sn_sugg_capword), cmp_word);
  }
  return 1;
}

/* suggest.lua's is_cap(): 0 Latin, 1 Cyrillic, -1 neither. */
static int script_of (const char *t, size_t a) {
  unsigned char c = (unsigned char)t[a], d = (unsigned char)t[a + 1];
  if (is_upper(c)) return 0;
  if (c == 0xD0 && ((d >= 0x90 && d <= 0xAF) || d == 0x81)) return 1;
  return -1;
}

enum { GAP_NONE, GAP_SPACE, GAP_GLUE, GAP_AND };

/* names_in()'s gap(k): what stands between word k and word k + 1. */
static int gap (const sn_sugg *g, const sn_sugg_out *o, const char *t, size_t k) {
  size_t i, e, ws, we;
  if (o->w[k].stop_after) return GAP_NONE;
  i = o->w[k].b;
  e = o->w[k + 1].a;
  if (i >= e) return GAP_NONE;
  while (i < e && t[i] == ' ') i++;
  if (i == e) return GAP_SPACE;
  if (i == o->w[k].b) return GAP_NONE;
  ws = i;
  while (i < e && is_lower((unsigned char)t[i])) i++;
  we = i;
  if (we == ws || i == e || t[i] != ' ') return GAP_NONE;
  while (i < e && t[i] == ' ') i++;
  if (i != e) return GAP_NONE;
  if (we - ws == 3 && memcmp(t + ws, "and", 3) == 0) return GAP_AND;
  return in_set(g, SN_SS_GLUE, t + ws, we - ws) ? GAP_GLUE : GAP_NONE;
}

/* names_in()'s adjective(). */
static int adjective (const sn_sugg *g, const char *s, size_t n) {
  const sn_strs *l = &g->set[SN_SS_ADJ_SUFFIX];
  size_t q, k;
  for (q = 0; q < l->n; q++) {
    size_t m = l->len[q];
    if (m <= n) {
      for (k = 0; k < m && to_lower((unsigned char)s[n - m + k]) == l->s[q][k]; k++) {}
      if (k == m) return 1;
    }
  }
  return in_set(g, SN_SS_ADJ_WORD, s, n);
}

static int add_name (sn_sugg_out *o, size_t a, size_t b, int script) {
  if (!grow(&o->nn, &o->capnn, o->nnn + 1, sizeof(sn_sugg_name))) return 0;
  o->nn[o->nnn].start = a;
  o->nn[o->nnn].stop = b;
  o->nn[o->nnn].script = script;
  o->nnn++;
  return 1;
}

/* One part (words x..y) of a run of capitalised words; script: the run's. */
static int name_part (const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len,
                      size_t x, size_t y, int script) {
  size_t a, n, q, p, hs, h;
  int lone, first;
  if (x < y && o->w[x].a == 0 && gap(g, o, t, x) != GAP_SPACE) x++;
  a = o->w[x].a;
  n = o->w[y].b - a;
  /* a combining form: "U.S.-led" is "U.S." */
  q = n;
  while (q > 0 && (is_alnum((unsigned char)t[a + q - 1]) || t[a + q - 1] == '-')) q--;
  for (p = q; p + 1 < n; p++) {
    if (t[a + p] == '-' && is_lower((unsigned char)t[a + p + 1])) { n = p; break; }
  }
  lone = x == y;
  hs = a > 8 ? a - 8 : 0;
  h = a;
  while (h > hs && is_space((unsigned char)t[h - 1])) h--;
  first = a == 0 || (h > hs && strchr(".:;!?", t[h - 1]) != NULL && t[h - 1] != '\0')
          || opened(g, t, a);
  if (lone && opened(g, t, a) && closes(g, t, len, o->w[y].b)) first = 0;
  if (n > 1 && !(lone && (first || adjective(g, t + a, n) || memchr(t + a, '-', n) != NULL))
      && !in_set(g, SN_SS_NOT_NAME, t + a, n))
    return add_name(o, a, a + n, script);
  return 1;
}

/* suggest.lua's names_in(). */
int sn_sugg_names (const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len) {
  size_t i = 0, v;
  int han = 0;
  o->nnn = 0;
  if (!cap_words(g, o, t, len)) return SINORUS_NOMEM;
  while (i < o->nw) {
    int script = script_of(t, o->w[i].a);
    if (script >= 0 && !in_set(g, SN_SS_NOT_NAME, t + o->w[i].a, o->w[i].b - o->w[i].a)) {
      size_t last = i, from, k;
      int ands = 0, gp;
      while (last + 1 < o->nw && (gp = gap(g, o, t, last)) != GAP_NONE) {
        if (gp == GAP_AND) ands = 1;
        last++;
      }
      if (ands && !in_set(g, SN_SS_KIND_WORD, t + o->w[last].a,
                          o->w[last].b - o->w[last].a)) {
        /* "A and B" is two names */
        from = i;
        for (k = i; k < last; k++) {
          if (gap(g, o, t, k) == GAP_AND) {
            if (!name_part(g, o, t, len, from, k, script)) return SINORUS_NOMEM;
            from = k + 1;
          }
        }
        if (!name_part(g, o, t, len, from, last, script)) return SINORUS_NOMEM;
      } else if (!name_part(g, o, t, len, i, last, script)) {
        return SINORUS_NOMEM;
      }
      i = last + 1;
    } else {
      i++;
    }
  }
  /* Han names: two or three characters right before a speech verb */
  for (v = 0; v < len && !han; v++) han = (unsigned char)t[v] >= 0xE4 && (unsigned char)t[v] <= 0xE9;
  for (v = 0; han && v < g->cjk.n; v++) {
    size_t pos = 0;
    for (;;) {
      size_t at = find(t, len, pos, g->cjk.s[v], g->cjk.len[v]), a;
      if (at == (size_t)-1) break;
      a = at;
      while (at - a < 9 && a > 2 && (unsigned char)t[a - 3] >= 0xE4
             && (unsigned char)t[a - 3] <= 0xE9 && ((unsigned char)t[a - 2] & 0xC0) == 0x80
             && ((unsigned char)t[a - 1] & 0xC0) == 0x80)
        a -= 3;
      if (at - a >= 6 && !add_name(o, a, at, 2)) return SINORUS_NOMEM;
      pos = at + g->cjk.len[v];
    }
  }
  return SINORUS_OK;
}

/* 1 when t holds a run of exactly four digits starting with 1 or 2 (what
** find_date() can take for a year). */
static int year4 (const char *t, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && is_digit((unsigned char)t[j])) j++;
    if (j - i == 4 && (t[i] == '1' || t[i] == '2')) return 1;
    i = j > i ? j : i + 1;
  }
  return 0;
}

/* 1 when t holds a word of letters longer than 4 ending in "ed" (any case;
** what past_tense() can take for a regular past). */
static int ed_word (const char *t, size_t len) {
  size_t i = 0;
  while (i < len) {
    size_t j = i;
    while (j < len && is_alpha((unsigned char)t[j])) j++;
    if (j - i > 4 && to_lower((unsigned char)t[j - 1]) == 'd'
        && to_lower((unsigned char)t[j - 2]) == 'e')
      return 1;
    i = j > i ? j : i + 1;
  }
  return 0;
}

int sn_sugg_sentence (const sn_sugg *g, sn_sugg_out *o, const char *t, size_t len,
                      const sn_sugg_mention *ms, size_t nms, const char *mbuf,
                      const char *self, size_t selflen, unsigned want) {
  size_t n, i, k, quoted = 0;
  int digit = 0;
  o->claim = o->event = o->cue = 0;
  o->score = 0;
  o->best = -1;
  o->nwhy = o->nnew = o->nsp = o->nnn = o->nh = 0;
  /* the lexicon's phrases, each once */
  n = sinorus_matcher_scan(g->lex, t, len, o->m, o->capm);
  if (n > o->capm) {
    if (!grow(&o->m, &o->capm, n, sizeof(sinorus_match))) return SINORUS_NOMEM;
    n = sinorus_matcher_scan(g->lex, t, len, o->m, o->capm);
  }
  o->nm = n;
  if (o->capmark < g->phrases.n + 1) {
    size_t was = o->capmark;
    if (!grow(&o->mark, &o->capmark, g->phrases.n + 1, sizeof(unsigned))) return SINORUS_NOMEM;
    memset(o->mark + was, 0, (o->capmark - was) * sizeof(unsigned));
  }
  if (++o->gen == 0) {
    memset(o->mark, 0, o->capmark * sizeof(unsigned));
    o->gen = 1;
  }
  o->roles = 0;
  for (i = 0; i < n; i++) {
    long id = o->m[i].id;
    unsigned r;
    if (o->mark[id] == o->gen) continue;
    o->mark[id] = o->gen;
    r = g->roles[id - 1];
    o->roles |= r;
    if (r & (SN_SR_J2 | SN_SR_J1)) {
      if (!grow(&o->why, &o->capwhy, o->nwhy + 1, sizeof(long))) return SINORUS_NOMEM;
      o->why[o->nwhy++] = id;
      o->score += (r & SN_SR_J2) ? 2 : 1;
    }
  }
  for (i = 0; i < len && !digit; i++) digit = is_digit((unsigned char)t[i]);
  if (want & (SN_SW_CLAIM | SN_SW_QUOTE)) {
    if (sn_sugg_spans(g, o, t, len) != SINORUS_OK) return SINORUS_NOMEM;
  }
  /* the document in play: the last document mentioned (not the source) */
  for (k = 0; k < nms; k++) {
    const sn_sugg_mention *m = &ms[k];
    if (m->kindlen == 8 && memcmp(mbuf + m->kind, "document", 8) == 0
        && !(self != NULL && m->entlen == selflen
             && memcmp(mbuf + m->ent, self, selflen) == 0)) {
      if (!grow(&o->doc, &o->doccap, m->entlen + 1, 1)) return SINORUS_NOMEM;
      memcpy(o->doc, mbuf + m->ent, m->entlen);
      o->doclen = m->entlen;
      o->has_doc = 1;
    }
  }
  o->doc_noun_at = 0;
  for (i = 0; i < n && !o->doc_noun_at; i++)
    if (g->roles[o->m[i].id - 1] & SN_SR_DOCNOUN) o->doc_noun_at = o->m[i].start + 1;
  o->doc_cont = o->prev_doc && len >= 3 && t[0] == 'I' && t[1] == 't'
    && (is_space((unsigned char)t[2])
        || (t[2] == 's' && len >= 4 && is_space((unsigned char)t[3])));
  o->doc_ctx = o->doc_noun_at != 0 || o->doc_cont;
  o->prev_doc = o->doc_ctx;
  if (want & SN_SW_CLAIM) {
    size_t nh = !(o->roles & SN_SR_HEDGE) ? 0
                : sinorus_hedges(t, len, SINORUS_SCALE_ICD203, o->h, o->caph);
    if (nh > o->caph) {
      if (!grow(&o->h, &o->caph, nh, sizeof(sinorus_hedge))) return SINORUS_NOMEM;
      nh = sinorus_hedges(t, len, SINORUS_SCALE_ICD203, o->h, o->caph);
    }
    o->nh = nh;
    for (i = 0; i < nh; i++) {
      const sinorus_band *b = &o->h[i].band;
      if (o->best < 0 || b->p_high - b->p_low
                         < o->h[o->best].band.p_high - o->h[o->best].band.p_low)
        o->best = (int)i;
    }
    if (o->best >= 0) o->score += 2;
    if ((o->roles & SN_SR_REPORTED) && o->best < 0) o->score -= 3;
    if (o->roles & SN_SR_FACTUAL) o->score -= 2;
    for (k = 0; k < o->nsp; k++) quoted += o->sp[k].stop - o->sp[k].start;
    if ((double)quoted / (double)len > 0.5) o->score -= 3;
    o->claim = o->score >= 2;
    o->cue = !(o->roles & SN_SR_FACTUAL) && digit;
  }
  if (want & SN_SW_EVENT
      && ((want & SN_SW_UNDATED) || (o->roles & SN_SR_DATEWORD) || (digit && year4(t, len)))
      && ((o->roles & SN_SR_EVVERB) || ed_word(t, len))) {
    for (k = 0; k < nms && !o->event; k++)
      o->event = in_set(g, SN_SS_ACTOR, mbuf + ms[k].kind, ms[k].kindlen);
  }
  if (want & SN_SW_ENTITY) {
    if (sn_sugg_names(g, o, t, len) != SINORUS_OK) return SINORUS_NOMEM;
    /* the names not inside a mention, kept in order at the front */
    for (i = 0; i < o->nnn; i++) {
      long a = (long)o->nn[i].start + 1, b = (long)o->nn[i].stop;
      int covered = 0;
      for (k = 0; k < nms && !covered; k++) covered = ms[k].start <= a && ms[k].stop >= b;
      if (!covered) o->nn[o->nnew++] = o->nn[i];
    }
  }
  if (!(want & SN_SW_QUOTE)) o->nsp = 0;
  return SINORUS_OK;
}
