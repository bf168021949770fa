/*
** sn_weight.c: weighting functions. Opinion pooling, time decay, the
** alignment model with its sensitivity, a seedable generator of our own
** (xoshiro256** seeded by splitmix64), a Monte Carlo over the weights
** and ACH scoring. doc/weighting.md gives every formula.
**
** Reproducibility: the Monte Carlo uses only +, -, *, / and sqrt, which
** IEEE 754 rounds exactly, in a fixed order; fused multiply-add would
** change the rounding, so contraction is turned off for this file.
*/
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

#include <float.h>
#include <math.h>
#if defined(__SSE2__)
#include <emmintrin.h>   /* two draws at a time; IEEE results are identical */
#endif
#include <stdlib.h>
#include <string.h>

#include "sinorus.h"
#include "sn_internal.h"

#define SN_ISFINITE(x) ((x) - (x) == 0.0)     /* false for inf and NaN */
#define SN_IN01(x)     ((x) >= 0.0 && (x) <= 1.0)  /* false for NaN */


/* ---------------------------------------------------------------------
** Pooling and decay
** ------------------------------------------------------------------ */

static double clamp01 (double x) {
  return x < 0.0 ? 0.0 : (x > 1.0 ? 1.0 : x);
}

/* log(p / (1 - p)) for p in (0, 1). */
static double logit (double p) {
  return log(p) - log1p(-p);
}

/* 1 / (1 + e^-x), in [0, 1] for every finite x. */
static double logistic (double x) {
  if (x >= 0) return 1.0 / (1.0 + exp(-x));
  else {
    double e = exp(x);
    return e / (1.0 + e);
  }
}

/* See sinorus.h. */
SINORUS_API int sinorus_pool (const double *p, const double *w, size_t n,
                              int method, double *out) {
  size_t i;
  double sw = 0.0, first = 0.0;
  int same = 1, have = 0;
  if (p == NULL || out == NULL || n == 0) return SINORUS_RANGE;
  if (method < SINORUS_POOL_LINEAR || method > SINORUS_POOL_NOISY_OR)
    return SINORUS_RANGE;
  for (i = 0; i < n; i++) {
    double wi = w ? w[i] : 1.0;
    if (!SN_IN01(p[i])) return SINORUS_RANGE;
    if (!SN_ISFINITE(wi) || wi < 0.0) return SINORUS_RANGE;
    if (method == SINORUS_POOL_NOISY_OR && wi > 1.0) return SINORUS_RANGE;
    sw += wi;
    if (wi > 0.0) {  /* probabilities with weight 0 take no part */
      if (!have) { first = p[i]; have = 1; }
      else if (p[i] != first) same = 0;
    }
  }
  if (!SN_ISFINITE(sw)) return SINORUS_RANGE;
  switch (method) {
    case SINORUS_POOL_LINEAR: {
      double s = 0.0;
      if (!(sw > 0.0)) return SINORUS_RANGE;
      if (same) { *out = first; return SINORUS_OK; }
      for (i = 0; i < n; i++) s += (w ? w[i] : 1.0) * p[i];
      *out = clamp01(s / sw);
      return SINORUS_OK;
    }
    case SINORUS_POOL_LOGODDS: {
      double s = 0.0;
      int zero = 0, one = 0;
      if (!(sw > 0.0)) return SINORUS_RANGE;
      if (same) { *out = first; return SINORUS_OK; }
      for (i = 0; i < n; i++) {
        double wi = w ? w[i] : 1.0;
        if (wi == 0.0) continue;
        if (p[i] == 0.0) zero = 1;
        else if (p[i] == 1.0) one = 1;
        else s += wi * logit(p[i]);
      }
      if (zero && one) return SINORUS_RANGE;  /* certainties contradict */
      if (zero || one) { *out = one ? 1.0 : 0.0; return SINORUS_OK; }
      *out = clamp01(logistic(s / sw));
      return SINORUS_OK;
    }
    default: {  /* noisy-OR */
      double q = 1.0;
      for (i = 0; i < n; i++) q *= 1.0 - (w ? w[i] : 1.0) * p[i];
      *out = clamp01(1.0 - q);
      return SINORUS_OK;
    }
  }
}

/* See sinorus.h. */
SINORUS_API int sinorus_decay (double age, double half_life, double *out) {
  if (out == NULL || !SN_ISFINITE(age) || age < 0.0) return SINORUS_RANGE;
  if (!SN_ISFINITE(half_life) || !(half_life > 0.0)) return SINORUS_RANGE;
  *out = pow(0.5, age / half_life);
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** The alignment model
** ------------------------------------------------------------------ */

static int factor_ok (const sinorus_factor *f) {
  return (f->sign == 1 || f->sign == -1) &&
         SN_IN01(f->weight) && SN_IN01(f->low) && SN_IN01(f->high) &&
         f->low <= f->weight && f->weight <= f->high &&
         f->coupling >= -1.0 && f->coupling <= 1.0;
}

/* See sinorus.h. */
SINORUS_API int sinorus_factors_check (const sinorus_factor *f, size_t n,
                                       double pressure, size_t *bad) {
  size_t i;
  if (n > 0 && f == NULL) { if (bad) *bad = 0; return SINORUS_RANGE; }
  for (i = 0; i < n; i++)
    if (!factor_ok(&f[i])) { if (bad) *bad = i; return SINORUS_RANGE; }
  if (!SN_IN01(pressure)) { if (bad) *bad = n; return SINORUS_RANGE; }
  return SINORUS_OK;
}

static double multiplier (const sinorus_factor *f, double pressure) {
  return 1.0 + f->coupling * (2.0 * pressure - 1.0);
}

/*
** The index with factor k's weight replaced by wk (k = n: no change).
** Inputs are valid. Returns num / den, clamped to [-1, 1], 0 if den is 0.
*/
static double index_with (const sinorus_factor *f, size_t n, double pressure,
                          size_t k, double wk, double *den_out) {
  double num = 0.0, den = 0.0, x;
  size_t i;
  for (i = 0; i < n; i++) {
    double e = (i == k ? wk : f[i].weight) * multiplier(&f[i], pressure);
    if (f[i].sign > 0) num += e; else num -= e;
    den += e;
  }
  if (den_out) *den_out = den;
  if (!(den > 0.0)) return 0.0;
  x = num / den;
  return x < -1.0 ? -1.0 : (x > 1.0 ? 1.0 : x);
}

/* See sinorus.h. */
SINORUS_API int sinorus_alignment (const sinorus_factor *f, size_t n,
                                   double pressure, double *index,
                                   double *contrib) {
  double den, x;
  size_t i;
  if (sinorus_factors_check(f, n, pressure, NULL) != SINORUS_OK)
    return SINORUS_RANGE;
  x = index_with(f, n, pressure, n, 0.0, &den);
  if (index) *index = x;
  if (contrib) {
    for (i = 0; i < n; i++) {
      double e = f[i].weight * multiplier(&f[i], pressure);
      contrib[i] = den > 0.0 ? (f[i].sign > 0 ? e : -e) / den : 0.0;
    }
  }
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** Sorting indices by key (heapsort; ties broken by index, so the order
** is total and the result does not depend on the algorithm)
** ------------------------------------------------------------------ */

/* 1 if a comes before b: larger key first, then smaller index. */
static int before (const double *key, size_t a, size_t b) {
  if (key[a] != key[b]) return key[a] > key[b];
  return a < b;
}

static void sift (size_t *idx, size_t root, size_t n, const double *key) {
  for (;;) {
    size_t c = 2 * root + 1;
    size_t t;
    if (c >= n) return;
    /* a max-heap on "comes after" puts the last element at the root */
    if (c + 1 < n && before(key, idx[c], idx[c + 1])) c++;
    if (!before(key, idx[root], idx[c])) return;
    t = idx[root]; idx[root] = idx[c]; idx[c] = t;
    root = c;
  }
}

/* Sorts idx[0..n) so that larger keys come first, ties by index. */
static void sort_desc (size_t *idx, size_t n, const double *key) {
  size_t i;
  if (n < 2) return;
  for (i = n / 2; i-- > 0; ) sift(idx, i, n, key);
  for (i = n - 1; i > 0; i--) {
    size_t t = idx[0]; idx[0] = idx[i]; idx[i] = t;
    sift(idx, 0, i, key);
  }
}


/* ---------------------------------------------------------------------
** Sensitivity
** ------------------------------------------------------------------ */

/* See sinorus.h. */
SINORUS_API int sinorus_sensitivity (const sinorus_factor *f, size_t n,
                                     double pressure, sinorus_swing *out,
                                     double *index, double *dpressure) {
  double num = 0.0, den = 0.0, dnum = 0.0, dden = 0.0, x;
  size_t i;
  if (sinorus_factors_check(f, n, pressure, NULL) != SINORUS_OK)
    return SINORUS_RANGE;
  for (i = 0; i < n; i++) {
    double m = multiplier(&f[i], pressure);
    double e = f[i].weight * m, de = f[i].weight * 2.0 * f[i].coupling;
    num += f[i].sign > 0 ? e : -e;
    dnum += f[i].sign > 0 ? de : -de;
    den += e;
    dden += de;
  }
  x = index_with(f, n, pressure, n, 0.0, NULL);
  if (index) *index = x;
  if (dpressure)
    *dpressure = den > 0.0 ? (dnum * den - num * dden) / (den * den) : 0.0;
  if (out) {
    /* rows in input order first, then sorted in place by swing */
    for (i = 0; i < n; i++) {
      double m = multiplier(&f[i], pressure);
      out[i].factor = i;
      out[i].low = index_with(f, n, pressure, i, f[i].low, NULL);
      out[i].high = index_with(f, n, pressure, i, f[i].high, NULL);
      out[i].swing = fabs(out[i].high - out[i].low);
      out[i].dweight = den > 0.0 ? m * ((double)f[i].sign - x) / den : 0.0;
    }
    /* insertion sort: stable, and n (factors) is small; swings equal to
    ** 12 decimals count as ties, so rounding does not reorder them */
    for (i = 1; i < n; i++) {
      sinorus_swing t = out[i];
      double key = floor(t.swing * 1e12 + 0.5);
      size_t j = i;
      while (j > 0 && floor(out[j - 1].swing * 1e12 + 0.5) < key) {
        out[j] = out[j - 1];
        j--;
      }
      out[j] = t;
    }
  }
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** The generator: xoshiro256** 1.0 (Blackman and Vigna, 2018), its
** state seeded by splitmix64 (Steele, Lea and Flood, 2014) as the
** authors recommend. Written from the published algorithms.
** ------------------------------------------------------------------ */

static uint64_t splitmix64 (uint64_t *x) {
  uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static uint64_t rotl (uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}

/* Seeds r from one 64-bit seed; every seed gives a valid (nonzero) state. */
SINORUS_API void sinorus_rng_seed (sinorus_rng *r, uint64_t seed) {
  uint64_t x = seed;
  int i;
  for (i = 0; i < 4; i++) r->s[i] = splitmix64(&x);
}

/* xoshiro256** step; static so that the hot loops inline it (the public
** functions below may be interposed, which keeps them out of line). */
static uint64_t rng_next (sinorus_rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

/* The top 53 bits scaled to [0, 1): exact, no rounding. */
static double rng_uniform (sinorus_rng *r) {
  return (double)(rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* The next 64 random bits. */
SINORUS_API uint64_t sinorus_rng_next (sinorus_rng *r) {
  return rng_next(r);
}

/* A double uniform in [0, 1) with 53 random bits (exact, no rounding). */
SINORUS_API double sinorus_rng_uniform (sinorus_rng *r) {
  return rng_uniform(r);
}

/* A triangular draw prepared for one factor: x = lo + sqrt(u a) when
** u < fc, else hi - sqrt((1 - u) b). */
typedef struct Tri { double lo, hi, mode, fc, a, b; } Tri;

static void tri_prepare (Tri *t, double lo, double mode, double hi) {
  double range = hi - lo;
  t->lo = lo; t->hi = hi; t->mode = mode;
  if (range > 0.0) {
    t->fc = (mode - lo) / range;
    t->a = range * (mode - lo);
    t->b = range * (hi - mode);
  }
  else t->fc = t->a = t->b = 0.0;
}

static double tri_draw (const Tri *t, double u) {
  if (!(t->hi > t->lo)) return t->mode;
  if (u < t->fc) return t->lo + sqrt(u * t->a);
  return t->hi - sqrt((1.0 - u) * t->b);
}

/* One uniform consumed; returns mode when low == high. Inputs with
** low <= mode <= high give a draw in [low, high]. */
SINORUS_API double sinorus_rng_triangular (sinorus_rng *r, double low,
                                           double mode, double high) {
  Tri t;
  double u = rng_uniform(r);
  tri_prepare(&t, low, mode, high);
  return tri_draw(&t, u);
}


/* ---------------------------------------------------------------------
** Monte Carlo
** ------------------------------------------------------------------ */

/* An order-preserving map of doubles to unsigned integers. */
static uint64_t dkey (double x) {
  uint64_t u;
  memcpy(&u, &x, sizeof u);
  return (u >> 63) ? ~u : (u | (UINT64_C(1) << 63));
}

#define RADIX_BITS 11
#define RADIX_SIZE (1 << RADIX_BITS)
#define RADIX_PASSES 6   /* 6 x 11 bits cover the 64 of a key */

/* Sorts x[0..n) ascending with an LSD radix sort through tmp (n doubles),
** skipping the passes in which every key has the same digit. No NaN may
** occur. */
static int radix_sort (double *x, double *tmp, size_t n) {
  size_t *count = (size_t *)calloc(RADIX_PASSES * RADIX_SIZE, sizeof(size_t));
  double *src = x, *dst = tmp;
  size_t i;
  int pass;
  if (count == NULL) return SINORUS_NOMEM;
  for (i = 0; i < n; i++) {
    uint64_t k = dkey(x[i]);
    for (pass = 0; pass < RADIX_PASSES; pass++)
      count[pass * RADIX_SIZE + ((k >> (RADIX_BITS * pass)) & (RADIX_SIZE - 1))]++;
  }
  for (pass = 0; pass < RADIX_PASSES; pass++) {
    size_t *c = count + (size_t)pass * RADIX_SIZE, sum = 0, j;
    int shift = RADIX_BITS * pass, skip = 0;
    for (j = 0; j < RADIX_SIZE; j++) {
      size_t t = c[j];
      if (t == n) skip = 1;
      c[j] = sum;
      sum += t;
    }
    if (skip) continue;
    for (i = 0; i < n; i++) {
      uint64_t k = dkey(src[i]);
      dst[c[(k >> shift) & (RADIX_SIZE - 1)]++] = src[i];
    }
    { double *t = src; src = dst; dst = t; }
  }
  if (src != x) memcpy(x, src, n * sizeof(double));
  free(count);
  return SINORUS_OK;
}

#define SELECT_BITS 14
#define SELECT_SIZE (1 << SELECT_BITS)   /* buckets for the selection */

/* The bucket of v: a monotone map of [lo, hi] onto 0 .. SELECT_SIZE - 1
** (scale = SELECT_SIZE / (hi - lo)), so that bucket order is value order:
** the subtraction, the product and the truncation each preserve <=. */
static unsigned bucket_of (double v, double lo, double scale) {
  double t = (v - lo) * scale;   /* in [0, SELECT_SIZE] for v in [lo, hi] */
  unsigned b = (unsigned)(int)t;
  return b < SELECT_SIZE ? b : SELECT_SIZE - 1;
}

/* Sets v[i], i < k, to the value of rank r[i] (from 0) among x[0..n),
** exactly the value x[r[i]] would hold after sorting x. cum[b] is the
** number of x in buckets below b (b <= SELECT_SIZE, buckets by bucket_of
** with lo and scale) and mark holds SELECT_SIZE zero bytes. Only the
** values in the buckets holding a wanted rank are copied to tmp (n
** doubles) and sorted; if they are more than n / 2, x itself is sorted. */
static int select_ranks (double *x, double *tmp, size_t n, double lo,
                         double scale, const size_t *cum, unsigned char *mark,
                         const size_t *r, size_t k, double *v) {
  size_t bk[2 * SINORUS_SIM_NQ], off[2 * SINORUS_SIM_NQ], i, j, nc = 0;
  int status;
  if (k > 2 * SINORUS_SIM_NQ) return SINORUS_RANGE;
  for (i = 0; i < k; i++) {   /* the bucket b with cum[b] <= r < cum[b + 1] */
    size_t a = 0, b = SELECT_SIZE;
    while (b - a > 1) {
      size_t m = a + (b - a) / 2;
      if (cum[m] <= r[i]) a = m; else b = m;
    }
    bk[i] = a;
    if (!mark[a]) { mark[a] = 1; nc += cum[a + 1] - cum[a]; }
  }
  if (nc > n / 2) {
    status = radix_sort(x, tmp, n);
    if (status != SINORUS_OK) return status;
    for (i = 0; i < k; i++) v[i] = x[r[i]];
    return SINORUS_OK;
  }
  /* sorted, the marked buckets' values lie in bucket order: those of
  ** bucket b start after the values of the marked buckets below it */
  for (i = 0; i < k; i++) {
    off[i] = 0;
    for (j = 0; j < k; j++) {   /* each distinct bucket once: its first */
      size_t t = 0;
      while (bk[t] != bk[j]) t++;
      if (t == j && bk[j] < bk[i]) off[i] += cum[bk[j] + 1] - cum[bk[j]];
    }
  }
  nc = 0;
  for (i = 0; i < n; i++)
    if (mark[bucket_of(x[i], lo, scale)]) tmp[nc++] = x[i];
  status = radix_sort(tmp, tmp + nc, nc);
  if (status != SINORUS_OK) return status;
  for (i = 0; i < k; i++) v[i] = tmp[off[i] + r[i] - cum[bk[i]]];
  return SINORUS_OK;
}

static const double sim_q[SINORUS_SIM_NQ] = { 0.05, 0.25, 0.5, 0.75, 0.95 };

#define BATCH 64   /* draws computed together, factor by factor */

/* See sinorus.h. */
SINORUS_API int sinorus_simulate (const sinorus_factor *f, size_t n,
                                  double pressure, size_t draws, uint64_t seed,
                                  double *scratch, sinorus_sim *out) {
  Tri *tri = NULL;
  double *mult, *sgn, *u, *x, sum = 0.0, ss = 0.0, mean, scale;
  double num[BATCH], den[BATCH], lo = HUGE_VAL, hi = -HUGE_VAL;
  double frac[SINORUS_SIM_NQ], v[2 * SINORUS_SIM_NQ];
  size_t i, d, pos = 0, *cum = NULL, rank[2 * SINORUS_SIM_NQ];
  sinorus_rng rng;
  int status = SINORUS_OK, own = 0;
  if (out == NULL || draws == 0) return SINORUS_RANGE;
  if (sinorus_factors_check(f, n, pressure, NULL) != SINORUS_OK)
    return SINORUS_RANGE;
  if (draws > ((size_t)-1) / (2 * sizeof(double))) return SINORUS_NOMEM;
  if (n > ((size_t)-1) / (sizeof(Tri) + (2 + BATCH) * sizeof(double)) / 2)
    return SINORUS_NOMEM;
  /* per factor: its triangle, multiplier, sign and a batch of uniforms */
  tri = (Tri *)malloc((n > 0 ? n : 1) * (sizeof(Tri) + (2 + BATCH) * sizeof(double)));
  if (tri == NULL) return SINORUS_NOMEM;
  mult = (double *)(tri + n);
  sgn = mult + n;
  u = sgn + n;
  x = scratch;
  if (x == NULL) {
    x = (double *)malloc(2 * draws * sizeof(double));
    if (x == NULL) { status = SINORUS_NOMEM; goto done; }
    own = 1;
  }
  for (i = 0; i < n; i++) {
    tri_prepare(&tri[i], f[i].low, f[i].weight, f[i].high);
    mult[i] = multiplier(&f[i], pressure);
    sgn[i] = f[i].sign > 0 ? 1.0 : -1.0;
  }
  sinorus_rng_seed(&rng, seed);
  for (d = 0; d < draws; d += BATCH) {
    size_t nb = draws - d < BATCH ? draws - d : BATCH, k;
    if (sn_interrupted()) { status = SINORUS_INTERRUPTED; goto done; }
    /* the uniforms in draw order, one per factor in factor order */
    for (k = 0; k < nb; k++)
      for (i = 0; i < n; i++) u[i * BATCH + k] = rng_uniform(&rng);
    for (k = 0; k < nb; k++) num[k] = den[k] = 0.0;
    for (i = 0; i < n; i++) {
      const Tri *t = &tri[i];
      const double *ui = u + i * BATCH;
      double m = mult[i], sg = sgn[i];
      if (t->hi > t->lo) {
        k = 0;
#if defined(__SSE2__)
        {
          /* the scalar loop below, two lanes at a time: sqrt, +, -, * are
          ** correctly rounded in SSE2 as in scalar code, and a blend
          ** selects exactly what the products with L and R give */
          __m128d fc = _mm_set1_pd(t->fc), a = _mm_set1_pd(t->a);
          __m128d b = _mm_set1_pd(t->b), lo = _mm_set1_pd(t->lo);
          __m128d hi = _mm_set1_pd(t->hi), mm = _mm_set1_pd(m);
          __m128d sgv = _mm_set1_pd(sg), one = _mm_set1_pd(1.0);
          for (; k + 2 <= nb; k += 2) {
            __m128d uk = _mm_loadu_pd(ui + k);
            __m128d lower = _mm_cmplt_pd(uk, fc);
            __m128d ta = _mm_mul_pd(uk, a);
            __m128d tb = _mm_mul_pd(_mm_sub_pd(one, uk), b);
            __m128d r = _mm_sqrt_pd(_mm_or_pd(_mm_and_pd(lower, ta),
                                              _mm_andnot_pd(lower, tb)));
            __m128d w = _mm_or_pd(_mm_and_pd(lower, _mm_add_pd(lo, r)),
                                  _mm_andnot_pd(lower, _mm_sub_pd(hi, r)));
            __m128d e = _mm_mul_pd(w, mm);
            _mm_storeu_pd(num + k, _mm_add_pd(_mm_loadu_pd(num + k), _mm_mul_pd(sgv, e)));
            _mm_storeu_pd(den + k, _mm_add_pd(_mm_loadu_pd(den + k), e));
          }
        }
#endif
        for (; k < nb; k++) {
          /* tri_draw without a branch: L is 1 or 0 and each product with
          ** it is exact, so the result is bit for bit that of tri_draw */
          double uk = ui[k];
          double L = (double)(uk < t->fc), R = 1.0 - L;
          double r = sqrt(uk * t->a * L + (1.0 - uk) * t->b * R);
          double e = ((t->lo + r) * L + (t->hi - r) * R) * m;
          num[k] += sg * e;
          den[k] += e;
        }
      }
      else {
        double e = t->mode * m;
        for (k = 0; k < nb; k++) { num[k] += sg * e; den[k] += e; }
      }
    }
    for (k = 0; k < nb; k++) {
      double v = 0.0;
      if (den[k] > 0.0) {
        v = num[k] / den[k];
        if (v < -1.0) v = -1.0; else if (v > 1.0) v = 1.0;
      }
      x[d + k] = v;
      sum += v;
      if (v > 0.0) pos++;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  mean = sum / (double)draws;
  out->draws = draws;
  out->mean = mean;
  out->p_positive = (double)pos / (double)draws;
  out->min = lo;
  out->max = hi;
  scale = (double)SELECT_SIZE / (hi - lo);
  if (hi > lo && !(scale <= DBL_MAX))
    scale = DBL_MAX;   /* a range of a few subnormals: fewer buckets, same order */
  if (hi > lo) {
    /* the sum of squares in draw order, and the bucket counts */
    cum = (size_t *)calloc(1, (SELECT_SIZE + 1) * sizeof(size_t) + SELECT_SIZE);
    if (cum == NULL) { status = SINORUS_NOMEM; goto done; }
    for (d = 0; d < draws; d++) {
      ss += (x[d] - mean) * (x[d] - mean);
      cum[bucket_of(x[d], lo, scale) + 1]++;
    }
    for (i = 0; i < SELECT_SIZE; i++) cum[i + 1] += cum[i];
  }
  else
    for (d = 0; d < draws; d++) ss += (x[d] - mean) * (x[d] - mean);
  out->sd = draws > 1 ? sqrt(ss / (double)(draws - 1)) : 0.0;
  /* type 7: Q(q) = x(l) + (h - l) (x(l + 1) - x(l)), h = (n - 1) q,
  ** l = floor(h), ranks from 0; x(n - 1) when l + 1 >= n */
  for (i = 0; i < SINORUS_SIM_NQ; i++) {
    double h = (double)(draws - 1) * sim_q[i];
    frac[i] = h - floor(h);
    rank[2 * i] = (size_t)floor(h);
    rank[2 * i + 1] = rank[2 * i] + 1 < draws ? rank[2 * i] + 1 : rank[2 * i];
  }
  if (cum == NULL)   /* every draw has the value lo */
    for (i = 0; i < 2 * SINORUS_SIM_NQ; i++) v[i] = lo;
  else {
    status = select_ranks(x, x + draws, draws, lo, scale, cum,
                          (unsigned char *)(cum + SELECT_SIZE + 1),
                          rank, 2 * SINORUS_SIM_NQ, v);
    if (status != SINORUS_OK) goto done;
  }
  for (i = 0; i < SINORUS_SIM_NQ; i++)
    out->q[i] = rank[2 * i] + 1 >= draws ? v[2 * i + 1]
              : v[2 * i] + frac[i] * (v[2 * i + 1] - v[2 * i]);
done:
  if (own) free(x);
  free(cum);
  free(tri);
  return status;
}


/* ---------------------------------------------------------------------
** ACH
** ------------------------------------------------------------------ */

static const char *const ach_names[] = { "CC", "C", "N", "I", "II", "NA" };
/* inconsistency values (PARC ACH): only I and II count */
static const double ach_incons[] = { 0, 0, 0, -1, -2, 0 };
/* the full scale, for diagnosticity */
static const double ach_full[] = { 2, 1, 0, -1, -2, 0 };

/* The code of a rating name, or -1. */
SINORUS_API int sinorus_ach_rating (const char *name) {
  int i;
  if (name == NULL) return -1;
  for (i = 0; i < 6; i++)
    if (strcmp(name, ach_names[i]) == 0) return i;
  return -1;
}

/* Writes the weight of a level name to *w; SINORUS_RANGE if unknown. */
SINORUS_API int sinorus_ach_level (const char *name, double *w) {
  if (name == NULL || w == NULL) return SINORUS_RANGE;
  if (strcmp(name, "low") == 0) *w = sqrt(0.5);
  else if (strcmp(name, "medium") == 0) *w = 1.0;
  else if (strcmp(name, "high") == 0) *w = sqrt(2.0);
  else return SINORUS_RANGE;
  return SINORUS_OK;
}

/*
** Scores are snapped to a grid of 1e-9 so that the same total reached
** by sums in different orders (with or without an item) compares equal.
*/
static double snap (double x) {
  double y = floor(x * 1e9 + 0.5) / 1e9;
  return y == 0.0 ? 0.0 : y;  /* no negative zero */
}

/* The top hypothesis when item k's contributions are removed. */
static size_t top_without (const unsigned char *ratings, size_t hyps,
                           const double *score, size_t k, double wk) {
  size_t h, best = 0;
  double bs = 0.0;
  for (h = 0; h < hyps; h++) {
    double s = snap(score[h] - ach_incons[ratings[k * hyps + h]] * wk);
    if (h == 0 || s > bs) { best = h; bs = s; }
  }
  return best;
}

/* See sn_internal.h. */
int sn_ach_check (const unsigned char *ratings, size_t items, size_t hyps,
                  const double *weight) {
  size_t i, h;
  if (hyps == 0) return SINORUS_RANGE;
  if (items > 0 && (ratings == NULL || items > ((size_t)-1) / hyps))
    return SINORUS_RANGE;
  for (i = 0; i < items; i++) {
    double w = weight ? weight[i] : 1.0;
    if (!SN_ISFINITE(w) || w < 0.0) return SINORUS_RANGE;
    for (h = 0; h < hyps; h++)
      if (ratings[i * hyps + h] > SINORUS_ACH_NA) return SINORUS_RANGE;
  }
  return SINORUS_OK;
}

/* See sn_internal.h. */
void sn_ach_add (double *score, const unsigned char *row, size_t hyps,
                 double w) {
  size_t h;
  for (h = 0; h < hyps; h++) score[h] += ach_incons[row[h]] * w;
}

/* See sn_internal.h. */
void sn_ach_rank (const double *sum, double *score, size_t *rank,
                  size_t hyps) {
  size_t h;
  for (h = 0; h < hyps; h++) { score[h] = snap(sum[h]); rank[h] = h; }
  sort_desc(rank, hyps, score);
}

/* See sinorus.h. */
SINORUS_API int sinorus_ach (const unsigned char *ratings, size_t items,
                             size_t hyps, const double *weight,
                             const unsigned char *exclude,
                             sinorus_ach_result *r) {
  size_t i, h;
  if (r == NULL || r->score == NULL || r->rank == NULL
      || sn_ach_check(ratings, items, hyps, weight) != SINORUS_OK)
    return SINORUS_RANGE;
  for (h = 0; h < hyps; h++) r->score[h] = 0.0;
  for (i = 0; i < items; i++) {
    if (exclude && exclude[i]) continue;
    sn_ach_add(r->score, ratings + i * hyps, hyps, weight ? weight[i] : 1.0);
  }
  sn_ach_rank(r->score, r->score, r->rank, hyps);
  if (r->diagnosticity) {
    for (i = 0; i < items; i++) {
      double lo = 0.0, hi = 0.0, w = weight ? weight[i] : 1.0;
      int rated = 0;
      for (h = 0; h < hyps; h++) {
        unsigned char c = ratings[i * hyps + h];
        if (c == SINORUS_ACH_NA) continue;
        if (!rated || ach_full[c] < lo) lo = ach_full[c];
        if (!rated || ach_full[c] > hi) hi = ach_full[c];
        rated++;
      }
      r->diagnosticity[i] = (exclude && exclude[i]) || rated < 2 ? 0.0
                            : snap((hi - lo) * w);
    }
    if (r->by_diagnosticity) {
      for (i = 0; i < items; i++) r->by_diagnosticity[i] = i;
      sort_desc(r->by_diagnosticity, items, r->diagnosticity);
    }
  }
  if (r->pivotal) {
    for (i = 0; i < items; i++) {
      double w = weight ? weight[i] : 1.0;
      r->pivotal[i] = 0;
      if (exclude && exclude[i]) continue;
      if (hyps > 1 && top_without(ratings, hyps, r->score, i, w) != r->rank[0])
        r->pivotal[i] = 1;
    }
  }
  return SINORUS_OK;
}
