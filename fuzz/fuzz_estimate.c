/*
** fuzz_estimate.c: estimative language (sinorus_estimate on every
** scale, sinorus_hedges).
**
** Checks: a band found is one of the scale's bands, as
** sinorus_scale_band gives it; an unknown scale is SINORUS_RANGE and
** finds no hedges; hedges are in order, do not overlap, lie in the text
** and each one, read alone, is an expression that sinorus_estimate maps
** to the same band; a short array gets the same first hedges.
*/
#include <string.h>

#include "sinorus.h"
#include "fuzz.h"


/* 1 if b is band i of its scale for some i. */
static int known_band (const sinorus_band *b, int scale) {
  int i, n = sinorus_scale_bands(scale);
  for (i = 0; i < n; i++) {
    sinorus_band r;
    if (sinorus_scale_band(scale, i, &r) != SINORUS_OK) return 0;
    if (r.band == b->band && r.p_low == b->p_low && r.p_high == b->p_high
        && r.scale == b->scale)
      return 1;
  }
  return 0;
}


static void check (const char *t, size_t len, int scale) {
  sinorus_band b;
  sinorus_hedge *h, *part;
  size_t n, i, cut;
  int rc = sinorus_estimate(t, len, scale, &b);
  if (scale < 0 || scale > 2) {
    FUZZ_CHECK(rc == SINORUS_RANGE, "scale %d: status %d", scale, rc);
    FUZZ_CHECK(sinorus_hedges(t, len, scale, NULL, 0) == 0, "hedges, scale %d", scale);
    return;
  }
  FUZZ_CHECK(rc == SINORUS_OK || rc == SINORUS_NOTFOUND, "status %d", rc);
  if (rc == SINORUS_OK)
    FUZZ_CHECK(known_band(&b, scale), "estimate: unknown band %s on scale %d",
               b.band ? b.band : "(null)", scale);

  n = sinorus_hedges(t, len, scale, NULL, 0);
  FUZZ_CHECK(n <= len / 2 + 1, "%zu hedges in %zu bytes", n, len);
  h = malloc((n + 1) * sizeof *h);
  part = malloc((n + 1) * sizeof *part);
  if (!h || !part) abort();
  FUZZ_CHECK(sinorus_hedges(t, len, scale, h, n) == n, "count changed");
  cut = n / 2;
  FUZZ_CHECK(sinorus_hedges(t, len, scale, part, cut) == n, "count changed, cut");
  for (i = 0; i < cut; i++)
    FUZZ_CHECK(part[i].start == h[i].start && part[i].stop == h[i].stop
               && part[i].band.band == h[i].band.band, "a short array differs");
  for (i = 0; i < n; i++) {
    sinorus_band alone;
    FUZZ_CHECK(h[i].start < h[i].stop && h[i].stop <= len, "hedge %zu: range", i);
    if (i > 0) FUZZ_CHECK(h[i].start >= h[i - 1].stop, "hedge %zu overlaps", i);
    FUZZ_CHECK(known_band(&h[i].band, scale), "hedge %zu: unknown band", i);
    rc = sinorus_estimate(t + h[i].start, h[i].stop - h[i].start, scale, &alone);
    FUZZ_CHECK(rc == SINORUS_OK && alone.band == h[i].band.band,
               "hedge %zu \"%.*s\" is not an estimate of the same band (%d)", i,
               (int)(h[i].stop - h[i].start), t + h[i].start, rc);
  }
  free(h);
  free(part);
}


int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size) {
  const char *t = (const char *)data;
  sinorus_band b;
  int s;
  if (size > FUZZ_MAX_INPUT) size = FUZZ_MAX_INPUT;
  for (s = -1; s <= 3; s++) check(t, size, s);
  FUZZ_CHECK(sinorus_estimate(NULL, size, 0, &b) == SINORUS_NOTFOUND, "NULL term");
  FUZZ_CHECK(sinorus_hedges(NULL, size, 0, NULL, 0) == 0, "NULL text");
  return 0;
}
