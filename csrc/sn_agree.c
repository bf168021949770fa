/*
** sn_agree.c: agreement between coders: Krippendorff's alpha (nominal,
** ordinal, interval; any number of coders; missing values), Cohen's
** kappa for two coders and percent agreement. doc/scoring.md gives the
** formulas; sinorus_score.h the contract.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sinorus_score.h"

#define SN_ISFINITE(x) ((x) - (x) == 0.0)     /* false for inf and NaN */

static int cmp_double (const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Sorts the m values of a unit (m is the number of coders: small). */
static void sort_small (double *v, size_t m) {
  size_t i, j;
  for (i = 1; i < m; i++) {
    double x = v[i];
    for (j = i; j > 0 && v[j - 1] > x; j--) v[j] = v[j - 1];
    v[j] = x;
  }
}

/* Sum over runs of equal values in sorted v[0..m) of r * (r - 1): the
** ordered pairs of equal values. */
static double equal_pairs (const double *v, size_t m) {
  size_t i = 0;
  double s = 0.0;
  while (i < m) {
    size_t j = i;
    while (j < m && v[j] == v[i]) j++;
    s += (double)(j - i) * (double)(j - i - 1);
    i = j;
  }
  return s;
}

/* Sum over the ordered pairs i != j of (v_i - v_j)^2: 2 m sum (v - mean)^2. */
static double square_pairs (const double *v, size_t m) {
  size_t i;
  double mean = 0.0, s = 0.0;
  for (i = 0; i < m; i++) mean += v[i];
  mean /= (double)m;
  for (i = 0; i < m; i++) s += (v[i] - mean) * (v[i] - mean);
  return 2.0 * (double)m * s;
}

/* The ordinal value of x: its rank among the n sorted pairable values,
** cum(x) + n_x / 2 (values below x, plus half of those equal to it), so
** that (M(c) - M(k))^2 is Krippendorff's ordinal distance. */
static double midrank (const double *sorted, size_t n, double x) {
  size_t lo = 0, hi = n, first;
  while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
  first = lo;
  hi = n;
  while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (sorted[mid] <= x) lo = mid + 1; else hi = mid; }
  return (double)first + (double)(lo - first) / 2.0;
}

/* Sum over values c of count_a(c) * count_b(c), a and b sorted. */
static double matching (const double *a, const double *b, size_t n) {
  size_t i = 0, j = 0;
  double s = 0.0;
  while (i < n && j < n) {
    if (a[i] < b[j]) i++;
    else if (b[j] < a[i]) j++;
    else {
      double x = a[i];
      size_t ca = 0, cb = 0;
      while (i < n && a[i] == x) { i++; ca++; }
      while (j < n && b[j] == x) { j++; cb++; }
      s += (double)ca * (double)cb;
    }
  }
  return s;
}

/* See sinorus_score.h. */
SINORUS_API int sinorus_agreement (const double *value, size_t coders, size_t units,
                                   int level, sinorus_agreement_result *out,
                                   sinorus_stop_fn stop, void *ud) {
  size_t c, u, n = 0, total, step = 0;
  double *all = NULL, *unit = NULL, dsum = 0.0, esum = 0.0, agree = 0.0, pairs = 0.0;
  double nan = NAN;
  int status = SINORUS_OK;
  if (out == NULL || (level != SINORUS_NOMINAL && level != SINORUS_ORDINAL
                      && level != SINORUS_INTERVAL))
    return SINORUS_RANGE;
  if (coders > 0 && units > ((size_t)-1) / sizeof(double) / coders) return SINORUS_RANGE;
  total = coders * units;
  if (total > 0 && value == NULL) return SINORUS_RANGE;
  for (u = 0; u < total; u++)
    if (value[u] == value[u] && !SN_ISFINITE(value[u])) return SINORUS_RANGE;
  out->pairable = out->units = out->kappa_units = 0;
  out->alpha = out->observed = out->expected = out->percent = out->kappa = nan;
  all = (double *)malloc((total > 0 ? total : 1) * sizeof *all);
  unit = (double *)malloc((coders > 0 ? coders : 1) * sizeof *unit);
  if (all == NULL || unit == NULL) { status = SINORUS_NOMEM; goto done; }
  /* the pairable values: those of units with two or more */
  for (u = 0; u < units; u++) {
    size_t m = 0;
    for (c = 0; c < coders; c++) {
      double x = value[c * units + u];
      if (x == x) unit[m++] = x;
    }
    if (m < 2) continue;
    memcpy(all + n, unit, m * sizeof *unit);
    n += m;
    out->units++;
  }
  out->pairable = n;
  qsort(all, n, sizeof *all, cmp_double);
  /* observed disagreement and agreeing pairs, unit by unit */
  for (u = 0; u < units; u++) {
    size_t m = 0;
    double eq;
    for (c = 0; c < coders; c++) {
      double x = value[c * units + u];
      if (x == x) unit[m++] = level == SINORUS_ORDINAL ? midrank(all, n, x) : x;
    }
    step += coders;
    if (stop != NULL && step >= SINORUS_STOP_EVERY) {
      step = 0;
      if (stop(ud)) { status = SINORUS_STOPPED; goto done; }
    }
    if (m < 2) continue;
    sort_small(unit, m);
    eq = equal_pairs(unit, m);
    agree += eq;
    pairs += (double)m * (double)(m - 1);
    dsum += (level == SINORUS_NOMINAL ? (double)m * (double)(m - 1) - eq
             : square_pairs(unit, m)) / (double)(m - 1);
  }
  if (pairs > 0.0) out->percent = agree / pairs;
  /* expected disagreement over all pairable values */
  if (n >= 2) {
    if (level == SINORUS_NOMINAL) {
      esum = (double)n * (double)(n - 1) - equal_pairs(all, n);
    } else {
      if (level == SINORUS_ORDINAL) {
        size_t i = 0;
        while (i < n) {   /* each run of equal values gets its midrank */
          size_t j = i;
          double x = all[i], mr;
          while (j < n && all[j] == x) j++;
          mr = (double)i + (double)(j - i) / 2.0;
          while (i < j) all[i++] = mr;
        }
      }
      esum = square_pairs(all, n);
    }
    out->observed = dsum / (double)n;
    out->expected = esum / ((double)n * (double)(n - 1));
    if (out->expected > 0.0) out->alpha = 1.0 - out->observed / out->expected;
  }
  /* Cohen's kappa: the units both coders coded */
  if (coders == 2) {
    double *a = all, *b = unit, po = 0.0, pe;
    size_t k = 0;
    free(unit);
    unit = b = (double *)malloc((units > 0 ? units : 1) * sizeof *b);
    if (b == NULL) { status = SINORUS_NOMEM; goto done; }
    for (u = 0; u < units; u++) {
      double x = value[u], y = value[units + u];
      if (x != x || y != y) continue;
      if (x == y) po += 1.0;
      a[k] = x; b[k] = y; k++;
    }
    out->kappa_units = k;
    if (k > 0) {
      qsort(a, k, sizeof *a, cmp_double);
      qsort(b, k, sizeof *b, cmp_double);
      po /= (double)k;
      pe = matching(a, b, k) / ((double)k * (double)k);
      if (pe < 1.0) out->kappa = (po - pe) / (1.0 - pe);
    }
  }
done:
  free(all);
  free(unit);
  return status;
}
