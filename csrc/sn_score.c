/*
** sn_score.c: forecast scores (Brier, log, calibration, the Murphy
** decomposition, skill) and the ACH timeline. doc/scoring.md gives the
** formulas; sinorus_score.h the contracts.
*/
#include <math.h>
#include <stdlib.h>

#include "sinorus_score.h"
#include "sn_internal.h"

#define SN_IN01(x) ((x) >= 0.0 && (x) <= 1.0)  /* false for NaN */

/* Counts n steps in *count and calls stop each time the count passes
** SINORUS_STOP_EVERY; nonzero to stop. */
static int stopped (sinorus_stop_fn stop, void *ud, size_t *count, size_t n) {
  if (stop == NULL || (*count += n) < SINORUS_STOP_EVERY) return 0;
  *count = 0;
  return stop(ud);
}


/* ---------------------------------------------------------------------
** Forecast scores
** ------------------------------------------------------------------ */

/* A scored forecast for the decomposition: midpoint and outcome. */
typedef struct pair { double p, o; } pair;

static int by_p (const void *a, const void *b) {
  double x = ((const pair *)a)->p, y = ((const pair *)b)->p;
  return x < y ? -1 : x > y;
}

/* The outcome as a number, or -1 when it is left out of the scores. */
static double outcome_value (int outcome, int partly) {
  switch (outcome) {
    case SINORUS_OUTCOME_NO: return 0.0;
    case SINORUS_OUTCOME_YES: return 1.0;
    case SINORUS_OUTCOME_PARTLY: return partly == SINORUS_PARTLY_HALF ? 0.5 : -1.0;
    default: return -1.0;
  }
}

static double sq (double x) { return x * x; }

/* -log2 of the probability p (clamped) gives to the outcome o in [0, 1]. */
static double log_score (double p, double o) {
  double q = p < SINORUS_LOG_EPS ? SINORUS_LOG_EPS
           : (p > 1.0 - SINORUS_LOG_EPS ? 1.0 - SINORUS_LOG_EPS : p);
  double s = 0.0;
  if (o > 0.0) s -= o * log2(q);
  if (o < 1.0) s -= (1.0 - o) * log2(1.0 - q);
  return s;
}

/* See sinorus_score.h. */
SINORUS_API int sinorus_scores (const sinorus_forecast *f, size_t n, int partly,
                                size_t nbands, sinorus_forecast_score *per,
                                sinorus_calibration *cal, sinorus_score_summary *out,
                                size_t *bad, sinorus_stop_fn stop, void *ud) {
  size_t i, k, m = 0, steps = 0;
  double sb = 0, sbmin = 0, sbmax = 0, slog = 0, so = 0, shalf = 0;
  double rel = 0, res = 0, unc = 0, nan = NAN;
  pair *pr;
  if (out == NULL || (n > 0 && f == NULL)
      || (partly != SINORUS_PARTLY_HALF && partly != SINORUS_PARTLY_EXCLUDE))
    return SINORUS_RANGE;
  for (i = 0; i < n; i++) {
    if (!SN_IN01(f[i].p_low) || !SN_IN01(f[i].p_high) || f[i].p_low > f[i].p_high
        || f[i].outcome < SINORUS_OUTCOME_NO
        || f[i].outcome > SINORUS_OUTCOME_UNRESOLVABLE
        || (cal != NULL && f[i].band >= nbands)) {
      if (bad) *bad = i;
      return SINORUS_RANGE;
    }
  }
  pr = (pair *)malloc((n > 0 ? n : 1) * sizeof *pr);
  if (pr == NULL) return SINORUS_NOMEM;
  out->n = n;
  out->yes = out->no = out->partly = out->open = out->unresolvable = 0;
  if (cal)
    for (k = 0; k < nbands; k++) { cal[k].n = 0; cal[k].mean_p = cal[k].observed = 0; }
  for (i = 0; i < n; i++) {
    double lo = f[i].p_low, hi = f[i].p_high, p = lo + (hi - lo) / 2;
    double o = outcome_value(f[i].outcome, partly);
    if (stopped(stop, ud, &steps, 1)) { free(pr); return SINORUS_STOPPED; }
    switch (f[i].outcome) {
      case SINORUS_OUTCOME_NO: out->no++; break;
      case SINORUS_OUTCOME_YES: out->yes++; break;
      case SINORUS_OUTCOME_PARTLY: out->partly++; break;
      case SINORUS_OUTCOME_OPEN: out->open++; break;
      default: out->unresolvable++; break;
    }
    if (o < 0.0) {
      if (per) {
        per[i].scored = 0; per[i].p = p;
        per[i].o = per[i].brier = per[i].brier_min = per[i].brier_max = nan;
        per[i].log = nan;
      }
      continue;
    }
    {
      double b = sq(p - o), bl = sq(lo - o), bh = sq(hi - o);
      double bmax = bl > bh ? bl : bh;
      double bmin = (lo <= o && o <= hi) ? 0.0 : (bl < bh ? bl : bh);
      double ls = log_score(p, o);
      if (per) {
        per[i].scored = 1; per[i].p = p; per[i].o = o; per[i].brier = b;
        per[i].brier_min = bmin; per[i].brier_max = bmax; per[i].log = ls;
      }
      sb += b; sbmin += bmin; sbmax += bmax; slog += ls; so += o;
      shalf += sq(0.5 - o);
      if (cal) { cal[f[i].band].n++; cal[f[i].band].mean_p += p; cal[f[i].band].observed += o; }
      pr[m].p = p; pr[m].o = o; m++;
    }
  }
  if (cal)
    for (k = 0; k < nbands; k++) {
      if (cal[k].n == 0) { cal[k].mean_p = cal[k].observed = nan; continue; }
      cal[k].mean_p /= (double)cal[k].n;
      cal[k].observed /= (double)cal[k].n;
    }
  out->scored = m;
  out->groups = 0;
  if (m == 0) {
    out->brier = out->brier_min = out->brier_max = out->log = nan;
    out->base_rate = out->reliability = out->resolution = out->uncertainty = nan;
    out->skill_half = out->skill_base = nan;
    free(pr);
    return SINORUS_OK;
  }
  out->brier = sb / (double)m;
  out->brier_min = sbmin / (double)m;
  out->brier_max = sbmax / (double)m;
  out->log = slog / (double)m;
  out->base_rate = so / (double)m;
  /* the decomposition, binned by exact midpoint */
  qsort(pr, m, sizeof *pr, by_p);
  for (i = 0; i < m; ) {
    size_t j = i;
    double s = 0.0, ok;
    while (j < m && pr[j].p == pr[i].p) s += pr[j++].o;
    ok = s / (double)(j - i);
    rel += (double)(j - i) * sq(pr[i].p - ok);
    res += (double)(j - i) * sq(ok - out->base_rate);
    out->groups++;
    if (stopped(stop, ud, &steps, j - i)) { free(pr); return SINORUS_STOPPED; }
    i = j;
  }
  for (i = 0; i < m; i++) unc += sq(pr[i].o - out->base_rate);
  free(pr);
  out->reliability = rel / (double)m;
  out->resolution = res / (double)m;
  out->uncertainty = unc / (double)m;
  out->skill_half = shalf > 0.0 ? 1.0 - sb / shalf : nan;
  out->skill_base = unc > 0.0 ? 1.0 - out->brier / out->uncertainty : nan;
  return SINORUS_OK;
}


/* ---------------------------------------------------------------------
** ACH timeline
** ------------------------------------------------------------------ */

typedef struct dated { long d; size_t i; } dated;

/* By date, then input order (qsort is not stable by itself). */
static int by_date (const void *a, const void *b) {
  const dated *x = (const dated *)a, *y = (const dated *)b;
  if (x->d != y->d) return x->d < y->d ? -1 : 1;
  return x->i < y->i ? -1 : x->i > y->i;
}

/* See sinorus_score.h. */
SINORUS_API int sinorus_ach_timeline (const unsigned char *ratings, size_t items,
                                      size_t hyps, const double *weight,
                                      const long *date, size_t *rows, long *row_date,
                                      size_t *row_items, double *score, size_t *rank,
                                      sinorus_stop_fn stop, void *ud) {
  dated *order;
  double *sum;
  size_t *tmp, i, r = 0, steps = 0;
  if (rows == NULL || sn_ach_check(ratings, items, hyps, weight) != SINORUS_OK)
    return SINORUS_RANGE;
  *rows = 0;
  if (items == 0) return SINORUS_OK;
  if (date == NULL || row_date == NULL || row_items == NULL || score == NULL)
    return SINORUS_RANGE;
  order = (dated *)malloc(items * sizeof *order);
  sum = (double *)calloc(hyps, sizeof *sum);
  tmp = (size_t *)malloc(hyps * sizeof *tmp);
  if (order == NULL || sum == NULL || tmp == NULL) {
    free(order); free(sum); free(tmp);
    return SINORUS_NOMEM;
  }
  for (i = 0; i < items; i++) { order[i].d = date[i]; order[i].i = i; }
  qsort(order, items, sizeof *order, by_date);
  for (i = 0; i < items; i++) {
    size_t k = order[i].i;
    if (stopped(stop, ud, &steps, hyps)) {
      free(order); free(sum); free(tmp);
      return SINORUS_STOPPED;
    }
    sn_ach_add(sum, ratings + k * hyps, hyps, weight ? weight[k] : 1.0);
    if (i + 1 < items && order[i + 1].d == order[i].d) continue;
    row_date[r] = order[i].d;
    row_items[r] = i + 1;
    sn_ach_rank(sum, score + r * hyps, rank ? rank + r * hyps : tmp, hyps);
    r++;
  }
  free(order); free(sum); free(tmp);
  *rows = r;
  return SINORUS_OK;
}
