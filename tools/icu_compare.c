/*
** icu_compare.c: the sentences of sinorus_segment against those of ICU's
** sentence break iterator (the reference for Unicode text segmentation),
** paragraph by paragraph, printing every paragraph where they differ.
**
**   make icu-compare        (builds this with pkg-config icu-uc icu-i18n)
**   build/icu_compare LOCALE FILE...
**
** LOCALE is ICU's, e.g. "ru@ss=standard" (with ICU's abbreviation
** suppressions for the language). ICU runs on the text of each paragraph
** sinorus found; a sentence is compared without its surrounding white
** space. Prints "same" or the two splits; exits 0 (a difference is a
** finding, not a failure). doc/languages.md reports the findings on the
** language corpus and the article.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "sinorus.h"


/* Reads a whole file into a malloc'd buffer; NULL on failure. */
static char *slurp (const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long n;
  if (f == NULL) return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0
      && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1)) != NULL) {
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
  }
  fclose(f);
  return buf;
}


/* Narrows [*a, *b) of t to exclude ASCII white space and U+3000. */
static void trim (const char *t, size_t *a, size_t *b) {
  for (;;) {
    if (*a < *b && strchr(" \t\r\n", t[*a]) && t[*a]) (*a)++;
    else if (*b - *a >= 3 && memcmp(t + *a, "\xE3\x80\x80", 3) == 0) *a += 3;
    else break;
  }
  for (;;) {
    if (*b > *a && strchr(" \t\r\n", t[*b - 1]) && t[*b - 1]) (*b)--;
    else if (*b - *a >= 3 && memcmp(t + *b - 3, "\xE3\x80\x80", 3) == 0) *b -= 3;
    else break;
  }
}


/* ICU's sentence ends in t[a..b), trimmed: written to ends, counted. */
static size_t icu_sentences (UBreakIterator *bi, const char *t, size_t a,
                             size_t b, size_t *starts, size_t *ends,
                             size_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  UText *ut = utext_openUTF8(NULL, t + a, (int64_t)(b - a), &st);
  size_t n = 0;
  int32_t s, e;
  if (U_FAILURE(st)) return 0;
  ubrk_setUText(bi, ut, &st);
  s = ubrk_first(bi);
  while (U_SUCCESS(st) && (e = ubrk_next(bi)) != UBRK_DONE) {
    size_t x = a + (size_t)s, y = a + (size_t)e;
    trim(t, &x, &y);
    if (x < y && n < cap) { starts[n] = x; ends[n] = y; n++; }
    s = e;
  }
  utext_close(ut);
  return n;
}


int main (int argc, char **argv) {
  UErrorCode st = U_ZERO_ERROR;
  UBreakIterator *bi;
  int f, differ = 0, total = 0;
  if (argc < 3) {
    fprintf(stderr, "usage: %s LOCALE FILE...\n", argv[0]);
    return 2;
  }
  bi = ubrk_open(UBRK_SENTENCE, argv[1], NULL, 0, &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "icu_compare: %s\n", u_errorName(st));
    return 1;
  }
  for (f = 2; f < argc; f++) {
    size_t len = 0, n, i;
    char *t = slurp(argv[f], &len);
    sinorus_seg *segs;
    if (t == NULL) { fprintf(stderr, "icu_compare: cannot read %s\n", argv[f]); continue; }
    n = sinorus_segment(t, len, SINORUS_TEXT_PLAIN, NULL, 0);
    segs = malloc((n ? n : 1) * sizeof *segs);
    if (segs == NULL) { free(t); break; }
    sinorus_segment(t, len, SINORUS_TEXT_PLAIN, segs, n);
    for (i = 0; i < n; i++) {
      size_t is[256], ie[256], ni, k, j, ns = 0;
      int same;
      if (segs[i].kind != SINORUS_SEG_PARAGRAPH) continue;
      total++;
      ni = icu_sentences(bi, t, segs[i].start, segs[i].stop, is, ie, 256);
      for (j = i + 1; j < n && segs[j].kind == SINORUS_SEG_SENTENCE
                      && segs[j].parent == (long)i; j++) ns++;
      same = (ns == ni);
      for (k = 0; same && k < ns; k++)
        same = segs[i + 1 + k].start == is[k] && segs[i + 1 + k].stop == ie[k];
      if (same) continue;
      differ++;
      printf("%s, paragraph at byte %zu:\n", argv[f], segs[i].start + 1);
      for (k = 0; k < ns; k++)
        printf("  sinorus %2zu | %.*s\n", k + 1,
               (int)(segs[i + 1 + k].stop - segs[i + 1 + k].start),
               t + segs[i + 1 + k].start);
      for (k = 0; k < ni; k++)
        printf("  ICU     %2zu | %.*s\n", k + 1, (int)(ie[k] - is[k]), t + is[k]);
    }
    free(segs);
    free(t);
  }
  printf("%s: %d of %d paragraphs split differently\n", argv[1], differ, total);
  ubrk_close(bi);
  return 0;
}
