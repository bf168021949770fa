/*
** fuzz_segment.c: the segmenter (sinorus_segment), plain and markdown.
**
** Checks, for any bytes and both formats: sizing with cap 0 and filling
** agree, a short array gets the same first segments; every segment is
** a non-empty range of the text that neither starts nor ends with
** white space; kinds are known; a heading's section is itself, other
** segments' sections point back to an earlier heading; a sentence lies
** inside its paragraph, which comes before it; segments come in
** document order.
*/
#include <string.h>

#include "sinorus.h"
#include "fuzz.h"


/* 1 if the ASCII byte or the UTF-8 character of a few common spaces at
** s[i] (forwards) is white space. */
static int space_at (const unsigned char *s, size_t i, size_t n) {
  if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) return 1;
  if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0) return 1;
  if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80
      && s[i + 2] >= 0x80 && s[i + 2] <= 0x8B) return 1;
  return 0;
}


/* 1 if two segments are equal (fields only: the struct has padding). */
static int same (const sinorus_seg *a, const sinorus_seg *b) {
  return a->kind == b->kind && a->start == b->start && a->stop == b->stop
      && a->parent == b->parent && a->section == b->section;
}


static void check (const char *t, size_t len, int format) {
  const unsigned char *u = (const unsigned char *)t;
  size_t n = sinorus_segment(t, len, format, NULL, 0), i, cut;
  sinorus_seg *segs, *part;
  FUZZ_CHECK(n <= 2 * len, "%zu segments for %zu bytes", n, len);
  segs = malloc((n + 1) * sizeof *segs);
  part = malloc((n + 1) * sizeof *part);
  if (!segs || !part) abort();
  FUZZ_CHECK(sinorus_segment(t, len, format, segs, n) == n, "count changed");
  cut = n / 2;
  memset(part, 0xA5, (n + 1) * sizeof *part);
  FUZZ_CHECK(sinorus_segment(t, len, format, part, cut) == n,
             "count changed with a short array");
  for (i = 0; i < cut; i++)
    FUZZ_CHECK(same(&part[i], &segs[i]), "a short array got another segment %zu", i);
  FUZZ_CHECK(((unsigned char *)(part + cut))[0] == 0xA5,
             "wrote past cap %zu", cut);
  for (i = 0; i < n; i++) {
    const sinorus_seg *s = &segs[i];
    FUZZ_CHECK(s->kind >= SINORUS_SEG_HEADING && s->kind <= SINORUS_SEG_REFERENCE,
               "segment %zu: kind %d", i, s->kind);
    FUZZ_CHECK(s->start < s->stop && s->stop <= len,
               "segment %zu: range [%zu, %zu) of %zu", i, s->start, s->stop, len);
    FUZZ_CHECK(!space_at(u, s->start, len), "segment %zu starts with space", i);
    FUZZ_CHECK(!space_at(u, s->stop - 1, len), "segment %zu ends with space", i);
    if (i > 0)
      FUZZ_CHECK(s->start >= segs[i - 1].start, "segment %zu out of order", i);
    if (s->kind == SINORUS_SEG_HEADING)
      FUZZ_CHECK(s->section == (long)i, "heading %zu: section %ld", i, s->section);
    else if (s->section != -1)
      FUZZ_CHECK(s->section >= 0 && s->section < (long)i
                 && segs[s->section].kind == SINORUS_SEG_HEADING,
                 "segment %zu: section %ld", i, s->section);
    if (s->kind == SINORUS_SEG_SENTENCE) {
      const sinorus_seg *p;
      FUZZ_CHECK(s->parent >= 0 && s->parent < (long)i, "sentence %zu: parent %ld",
                 i, s->parent);
      p = &segs[s->parent];
      FUZZ_CHECK(p->kind == SINORUS_SEG_PARAGRAPH && p->start <= s->start
                 && s->stop <= p->stop && p->section == s->section,
                 "sentence %zu is not inside its paragraph %ld", i, s->parent);
    }
    else
      FUZZ_CHECK(s->parent == -1, "segment %zu: parent %ld", i, s->parent);
    if (s->kind == SINORUS_SEG_PARAGRAPH)   /* its sentences follow it */
      FUZZ_CHECK(i + 1 < n && segs[i + 1].kind == SINORUS_SEG_SENTENCE
                 && segs[i + 1].parent == (long)i && segs[i + 1].start == s->start,
                 "paragraph %zu: no first sentence at its start", i);
  }
  free(segs);
  free(part);
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  check((const char *)data, size, SINORUS_TEXT_PLAIN);
  check((const char *)data, size, SINORUS_TEXT_MARKDOWN);
  FUZZ_CHECK(sinorus_segment(NULL, size, SINORUS_TEXT_PLAIN, NULL, 0) == 0,
             "segments of NULL");
  return 0;
}
