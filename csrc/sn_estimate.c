/*
** sn_estimate.c: estimative language. Maps words of estimative
** probability ("likely", "almost certainly not", "very unlikely", ...)
** to the probability bands of three published scales, and finds such
** expressions in running text. See doc/estimative.md for the rules.
**
** Published figures (checked against the sources):
**   ICD 203 (US Intelligence Community Directive 203, Analytic Standards,
**   2015, section D.6.e(2)(a)): almost no chance / remote 01-05%; very
**   unlikely / highly improbable 05-20%; unlikely / improbable
**   (improbably) 20-45%; roughly even chance / roughly even odds 45-55%;
**   likely / probable (probably) 55-80%; very likely / highly probable
**   80-95%; almost certain(ly) / nearly certain 95-99%.
**   UK PHIA probability yardstick (Professional Head of Intelligence
**   Assessment, 2018 edition): remote chance <= 5%; highly unlikely
**   10-20%; unlikely 25-35%; realistic possibility 40-50%; likely or
**   probably 55-75%; highly likely 80-90%; almost certain 95-100%.
**   Sherman Kent, "Words of Estimative Probability", Studies in
**   Intelligence 8(4), 1964: certain 100%; almost certain 93% give or
**   take about 6%; probable 75% +/- about 12%; chances about even 50%
**   +/- about 10%; probably not 30% +/- about 10%; almost certainly not
**   7% +/- about 5%; impossible 0%.
**
** The core allocates nothing here: all tables are static and the text
** scanner keeps a small window of words on the stack.
*/
#include <string.h>

#include "sinorus.h"


/* ---------------------------------------------------------------------
** Scales and bands
** ------------------------------------------------------------------ */

#define NBANDS 8          /* 7 published bands + the "possible" band */
#define POSSIBLE_BAND 7   /* Kent's "general area of possibility" */

typedef struct Band { const char *name; double lo, hi; } Band;

typedef struct Scale {
  const char *name;
  Band band[NBANDS];
  int shift_min, shift_max;  /* bands a "very"/"highly" shift may reach */
} Scale;

static const Scale scales[3] = {
  { "icd203", {
      { "almost no chance", 0.01, 0.05 },
      { "very unlikely", 0.05, 0.20 },
      { "unlikely", 0.20, 0.45 },
      { "roughly even chance", 0.45, 0.55 },
      { "likely", 0.55, 0.80 },
      { "very likely", 0.80, 0.95 },
      { "almost certain", 0.95, 0.99 },
      { "possible", 0.01, 0.99 } }, 0, 6 },
  { "phia", {
      { "remote chance", 0.0, 0.05 },
      { "highly unlikely", 0.10, 0.20 },
      { "unlikely", 0.25, 0.35 },
      { "realistic possibility", 0.40, 0.50 },
      { "likely", 0.55, 0.75 },
      { "highly likely", 0.80, 0.90 },
      { "almost certain", 0.95, 1.0 },
      { "possible", 0.0, 1.0 } }, 0, 6 },
  { "kent", {
      { "impossible", 0.0, 0.0 },
      { "almost certainly not", 0.02, 0.12 },
      { "probably not", 0.20, 0.40 },
      { "chances about even", 0.40, 0.60 },
      { "probable", 0.63, 0.87 },
      { "almost certain", 0.87, 0.99 },
      { "certain", 1.0, 1.0 },
      { "possible", 0.02, 0.99 } }, 1, 5 },
};

/* Concepts shared by the scales; each scale maps them to a band. */
enum { REMOTE, VUNLIKELY, UNLIKELY, EVEN, LIKELY, VLIKELY, ACERTAIN,
       CERTAIN, IMPOSSIBLE, POSSIBLE, NCONCEPTS,
       /* comparatives: matched, but with no band of their own */
       COMPARATIVE = 98,
       /* idioms that are not estimates ("as soon as possible") */
       STOP = 99,
       /* Kent-only wordings map straight to Kent's bands */
       KENT_ONLY = 100 };

static const signed char concept_band[3][NCONCEPTS] = {
  /* REM VUN UNL EVN LIK VLK ACE CER IMP POS */
  {   0,  1,  2,  3,  4,  5,  6, -1, -1,  7 },  /* icd203 */
  {   0,  1,  2,  3,  4,  5,  6, -1, -1,  7 },  /* phia */
  {   1,  1,  2,  3,  4,  5,  5,  6,  0,  7 },  /* kent */
};

/*
** A lexicon entry: its words, its concept and whether an intensifier
** ("very", "highly") may precede it. Only gradable adjectives and adverbs
** of probability take one: not the negated forms ("very not likely"), the
** evidential verbs ("highly seems"), the modals, the comparatives, the
** already modified ("very almost certain") or the even and possible bands.
*/
typedef struct Term { const char *words; int concept; int mod; } Term;

/* The lexicon: lower-case words separated by one space. */
static const Term lexicon[] = {
  /* the published wordings */
  { "almost no chance", REMOTE, 0 },
  { "remote", REMOTE, 1 },
  { "remote chance", REMOTE, 1 },
  { "remote possibility", REMOTE, 1 },
  { "almost impossible", REMOTE, 0 },
  { "virtually impossible", REMOTE, 0 },
  { "almost certainly not", REMOTE, 0 },
  { "unlikely", UNLIKELY, 1 },
  { "improbable", UNLIKELY, 1 },
  { "improbably", UNLIKELY, 1 },
  { "probably not", UNLIKELY, 0 },
  { "not likely", UNLIKELY, 0 },
  { "not probable", UNLIKELY, 0 },
  { "not very likely", UNLIKELY, 0 },
  { "doubtful", UNLIKELY, 1 },
  { "roughly even chance", EVEN, 0 },
  { "roughly even odds", EVEN, 0 },
  { "even chance", EVEN, 0 },
  { "even odds", EVEN, 0 },
  { "chances about even", EVEN, 0 },
  { "chances are about even", EVEN, 0 },
  { "as likely as not", EVEN, 0 },
  { "realistic possibility", EVEN, 0 },
  { "real possibility", EVEN, 0 },
  { "serious possibility", EVEN, 0 },
  { "distinct possibility", EVEN, 0 },
  { "not unlikely", EVEN, 0 },
  { "likely", LIKELY, 1 },
  { "probable", LIKELY, 1 },
  { "probably", LIKELY, 1 },
  { "more likely than not", LIKELY, 0 },
  { "almost certain", ACERTAIN, 0 },
  { "almost certainly", ACERTAIN, 0 },
  { "nearly certain", ACERTAIN, 0 },
  { "nearly certainly", ACERTAIN, 0 },
  { "virtually certain", ACERTAIN, 0 },
  { "virtually certainly", ACERTAIN, 0 },
  { "certain", CERTAIN, 1 },
  { "impossible", IMPOSSIBLE, 1 },
  /* evidential verbs: the writer commits to more likely than not */
  { "seems", LIKELY, 0 },
  { "seem", LIKELY, 0 },
  { "seemed", LIKELY, 0 },
  { "seemingly", LIKELY, 0 },
  { "apparently", LIKELY, 0 },
  /* evidence that points to a reading ("hinting at the growing
     asymmetry"): read like an evidential verb */
  { "hinting at", LIKELY, 0 },
  { "hints at", LIKELY, 0 },
  { "hinted at", LIKELY, 0 },
  { "hint at", LIKELY, 0 },
  /* possibility without a probability (Kent's "possible") */
  { "possible", POSSIBLE, 0 },
  { "possibly", POSSIBLE, 0 },
  { "possibility", POSSIBLE, 0 },
  { "perhaps", POSSIBLE, 0 },
  { "conceivably", POSSIBLE, 0 },
  { "arguably", POSSIBLE, 0 },
  { "may", POSSIBLE, 0 },
  { "might", POSSIBLE, 0 },
  { "could", POSSIBLE, 0 },
  { "not certain", POSSIBLE, 0 },
  { "not impossible", POSSIBLE, 0 },
  { "not inevitable", POSSIBLE, 0 },
  { "not an inevitable", POSSIBLE, 0 },
  { "not unavoidable", POSSIBLE, 0 },
  { "not an unavoidable", POSSIBLE, 0 },
  /* comparatives grade against another outcome, not on a scale: matched
     (so that "far less likely" is not read as "likely"), never banded */
  { "less likely", COMPARATIVE, 0 },
  { "less probable", COMPARATIVE, 0 },
  { "much less likely", COMPARATIVE, 0 },
  { "far less likely", COMPARATIVE, 0 },
  { "much less probable", COMPARATIVE, 0 },
  { "far less probable", COMPARATIVE, 0 },
  { "more likely", COMPARATIVE, 0 },
  { "more probable", COMPARATIVE, 0 },
  { "much more likely", COMPARATIVE, 0 },
  { "far more likely", COMPARATIVE, 0 },
  { "more serious possibility", COMPARATIVE, 0 },
  { "less serious possibility", COMPARATIVE, 0 },
  /* idioms in which these words estimate nothing */
  { "as possible", STOP, 0 },
  { "if possible", STOP, 0 },
  { "where possible", STOP, 0 },
  { "wherever possible", STOP, 0 },
  { "whenever possible", STOP, 0 },
  /* Kent's own synonyms (his 1964 chart) */
  { "we are convinced", KENT_ONLY + 5, 0 },
  { "we believe", KENT_ONLY + 4, 0 },
  { "we estimate", KENT_ONLY + 4, 0 },
  { "chances are good", KENT_ONLY + 4, 0 },
  { "chances are slightly better than even", KENT_ONLY + 3, 0 },
  { "chances are slightly less than even", KENT_ONLY + 3, 0 },
  { "we doubt", KENT_ONLY + 2, 0 },
  { "some slight chance", KENT_ONLY + 1, 0 },
};

#define NTERMS (sizeof(lexicon) / sizeof(lexicon[0]))

/* See sn_internal.h. */
const char *sn_hedge_term (size_t i) {
  return i < NTERMS ? lexicon[i].words : NULL;
}

/* The band of lexicon entry t on scale s, or -1; NBANDS for a matched
** expression that is never reported (an idiom, a comparative). */
static int term_band (const Term *t, int s) {
  if (t->concept == STOP || t->concept == COMPARATIVE) return NBANDS;
  if (t->concept >= KENT_ONLY)
    return s == SINORUS_SCALE_KENT ? t->concept - KENT_ONLY : -1;
  return concept_band[s][t->concept];
}

/*
** The band of "very"/"highly" + entry t on scale s, or -1. The
** intensifier moves the band one step toward the end of the scale that
** the concept leans to (its direction comes from the concept, not from
** the band's figures, so PHIA's realistic possibility, 40-50%, does not
** lean down), within the bands a shift may reach; it never weakens: a
** band at or past that limit (Kent's certain, impossible) stays. An entry
** that takes no intensifier gives -1.
*/
static int shift_band (const Term *t, int s) {
  const Scale *sc = &scales[s];
  int b = term_band(t, s), up, to;
  if (!t->mod || b < 0 || b >= POSSIBLE_BAND) return -1;
  switch (t->concept) {
    case REMOTE: case VUNLIKELY: case UNLIKELY: case IMPOSSIBLE: up = 0; break;
    case LIKELY: case VLIKELY: case ACERTAIN: case CERTAIN: up = 1; break;
    default: return -1;
  }
  to = up ? b + 1 : b - 1;
  if (to < sc->shift_min) to = sc->shift_min;
  if (to > sc->shift_max) to = sc->shift_max;
  if (up ? to < b : to > b) to = b;  /* never weaker than the bare term */
  return to;
}

static void fill_band (int s, int b, sinorus_band *out) {
  out->scale = s;
  out->band = scales[s].band[b].name;
  out->p_low = scales[s].band[b].lo;
  out->p_high = scales[s].band[b].hi;
}

/* Returns the scale named name, or -1 (name may be NULL). */
SINORUS_API int sinorus_scale (const char *name) {
  int i;
  if (name == NULL) return -1;
  for (i = 0; i < 3; i++)
    if (strcmp(name, scales[i].name) == 0) return i;
  return -1;
}

/* Returns the static name of a scale, or NULL for an unknown one. */
SINORUS_API const char *sinorus_scale_name (int scale) {
  return (scale >= 0 && scale < 3) ? scales[scale].name : NULL;
}

/* Returns the number of bands of a scale (0 for an unknown one). */
SINORUS_API int sinorus_scale_bands (int scale) {
  return (scale >= 0 && scale < 3) ? NBANDS : 0;
}

/* Fills out with band i of a scale; SINORUS_RANGE if either is unknown. */
SINORUS_API int sinorus_scale_band (int scale, int i, sinorus_band *out) {
  if (scale < 0 || scale >= 3 || i < 0 || i >= NBANDS || out == NULL)
    return SINORUS_RANGE;
  fill_band(scale, i, out);
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Words
** ------------------------------------------------------------------ */

#define WMAX 40     /* longer words match nothing */
#define WINDOW 8    /* the longest phrase has 6 words, plus a modifier */

typedef struct Word {
  size_t start, stop;   /* byte offsets in the text */
  int joined;           /* 1 if only spaces or hyphens precede it */
  int len;              /* length of w, or -1 for a word matching nothing */
  char w[WMAX];         /* lower-case ASCII */
} Word;

/* Kinds of bytes: part of a word, a joiner (space, hyphen), a break. */
enum { C_WORD, C_JOIN, C_BREAK };

/* Classifies the character at s[i] and sets *n to its length in bytes. */
static int classify (const unsigned char *s, size_t len, size_t i, size_t *n) {
  unsigned char c = s[i];
  *n = 1;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= '0' && c <= '9'))
    return C_WORD;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-')
    return C_JOIN;
  if (c < 0x80) return C_BREAK;
  if (c == 0xC2 && i + 1 < len && s[i + 1] == 0xA0) {  /* no-break space */
    *n = 2;
    return C_JOIN;
  }
  if (c == 0xE2 && i + 2 < len && s[i + 1] == 0x80) {
    unsigned char d = s[i + 2];
    *n = 3;
    if (d == 0x90 || d == 0x91 || d == 0xAF) return C_JOIN;  /* hyphens, nbsp */
    if (d >= 0x80 && d <= 0xBF) return C_BREAK;  /* dashes, quotes, ... */
  }
  /* any other non-ASCII byte belongs to a word (letters of other scripts) */
  return C_WORD;
}

/*
** Reads the next word at or after *pos into w. Returns 0 at the end of
** the text. A word is a maximal run of word characters.
*/
static int next_word (const unsigned char *s, size_t len, size_t *pos, Word *w) {
  size_t i = *pos, n;
  int joined = 1;
  while (i < len) {
    int k = classify(s, len, i, &n);
    if (k == C_WORD) break;
    if (k == C_BREAK) joined = 0;
    i += n;
  }
  if (i >= len) return 0;
  w->start = i;
  w->len = 0;
  w->joined = joined;
  while (i < len && classify(s, len, i, &n) == C_WORD) {
    unsigned char c = s[i];
    if (n > 1 || c >= 0x80) w->len = -1;  /* matches nothing */
    else if (w->len >= 0) {
      if (w->len >= WMAX - 1) w->len = -1;
      else w->w[w->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    i += n;
  }
  w->stop = i;
  *pos = i;
  return 1;
}

/*
** Number of words of lexicon phrase p that match words[0..n) in order
** (each after the first joined to the previous one), or 0.
*/
static int match_phrase (const char *p, const Word *words, int n) {
  int k = 0;
  while (*p) {
    const char *e = strchr(p, ' ');
    size_t l = e ? (size_t)(e - p) : strlen(p);
    if (k >= n || words[k].len != (int)l || memcmp(words[k].w, p, l) != 0)
      return 0;
    if (k > 0 && !words[k].joined) return 0;
    k++;
    p += l;
    if (*p == ' ') p++;
  }
  return k;
}

static int is_modifier (const Word *w) {
  return (w->len == 4 && memcmp(w->w, "very", 4) == 0) ||
         (w->len == 6 && memcmp(w->w, "highly", 6) == 0);
}

/*
** Finds the longest expression that starts at words[0] (n words are
** available). Returns its length in words (0: none) and its band.
*/
static int longest (const Word *words, int n, int s, int *band) {
  int best = 0, bb = -1;
  size_t t;
  if (n <= 0 || words[0].len <= 0) return 0;
  for (t = 0; t < NTERMS; t++) {
    int b, k;
    if (lexicon[t].words[0] != words[0].w[0]) continue;  /* cheap first test */
    b = term_band(&lexicon[t], s);
    if (b < 0) continue;
    k = match_phrase(lexicon[t].words, words, n);
    if (k > best) { best = k; bb = b; }
  }
  if (n > 1 && is_modifier(&words[0]) && words[1].joined && words[1].len > 0) {
    /* the intensifier binds to the longest expression after it only
       ("very probably not" is not "very probably" + "not") */
    int after = 0;
    for (t = 0; t < NTERMS; t++) {
      int k;
      if (lexicon[t].words[0] != words[1].w[0]) continue;  /* cheap first test */
      k = match_phrase(lexicon[t].words, words + 1, n - 1);
      if (k > after) after = k;
    }
    for (t = 0; t < NTERMS; t++) {
      int b, k;
      if (lexicon[t].words[0] != words[1].w[0]) continue;
      b = shift_band(&lexicon[t], s);
      if (b < 0) continue;
      k = match_phrase(lexicon[t].words, words + 1, n - 1);
      if (k > 0 && k == after && k + 1 > best) { best = k + 1; bb = b; }
    }
  }
  *band = bb;
  return best;
}


/* ---------------------------------------------------------------------
** The API
** ------------------------------------------------------------------ */

/*
** Guarantees: SINORUS_OK with out filled when the whole of term (after
** trimming, after dropping a leading "a" or "an" and a trailing "to" or
** "that") is one expression of the lexicon or a modifier and one; SINORUS_NOTFOUND
** otherwise (including for NULL or empty terms); SINORUS_RANGE for an
** unknown scale. out is untouched unless the result is SINORUS_OK.
*/
SINORUS_API int sinorus_estimate (const char *term, size_t len, int scale,
                                  sinorus_band *out) {
  Word words[WINDOW];
  size_t pos = 0, i;
  int n = 0, band, k;
  if (scale < 0 || scale >= 3) return SINORUS_RANGE;
  if (term == NULL || out == NULL) return SINORUS_NOTFOUND;
  /* the term may hold words and joiners only */
  for (i = 0; i < len; ) {
    size_t m;
    if (classify((const unsigned char *)term, len, i, &m) == C_BREAK)
      return SINORUS_NOTFOUND;
    i += m;
  }
  while (n < WINDOW && next_word((const unsigned char *)term, len, &pos, &words[n]))
    n++;
  if (n == WINDOW) return SINORUS_NOTFOUND;
  if (n > 1 && ((words[0].len == 1 && words[0].w[0] == 'a') ||
                (words[0].len == 2 && memcmp(words[0].w, "an", 2) == 0))) {
    memmove(words, words + 1, (size_t)(n - 1) * sizeof(Word));
    n--;
  }
  if (n > 1 && ((words[n-1].len == 2 && memcmp(words[n-1].w, "to", 2) == 0) ||
                (words[n-1].len == 4 && memcmp(words[n-1].w, "that", 4) == 0)))
    n--;
  k = longest(words, n, scale, &band);
  if (k == 0 || k != n || band == NBANDS) return SINORUS_NOTFOUND;
  fill_band(scale, band, out);
  return SINORUS_OK;
}

/*
** Guarantees: reports every expression of the lexicon in text, leftmost
** first and, at one start, the longest; matches do not overlap, begin
** and end on word boundaries and are matched case-insensitively. At most
** cap are written to out (out may be NULL when cap is 0); the return
** value is the total number, so a first call with cap 0 sizes the
** array. An unknown scale finds nothing.
*/
SINORUS_API size_t sinorus_hedges (const char *text, size_t len, int scale,
                                   sinorus_hedge *out, size_t cap) {
  const unsigned char *s = (const unsigned char *)text;
  Word win[WINDOW];
  size_t pos = 0, count = 0;
  int n = 0;
  if (text == NULL || scale < 0 || scale >= 3) return 0;
  for (;;) {
    int k, band;
    while (n < WINDOW && next_word(s, len, &pos, &win[n])) n++;
    if (n == 0) break;
    k = longest(win, n, scale, &band);
    if (k > 0 && band == NBANDS) { /* an idiom: skip its words */ }
    else if (k > 0) {
      if (count < cap) {
        out[count].start = win[0].start;
        out[count].stop = win[k - 1].stop;
        fill_band(scale, band, &out[count].band);
      }
      count++;
    }
    else k = 1;
    memmove(win, win + k, (size_t)(n - k) * sizeof(Word));
    n -= k;
  }
  return count;
}
