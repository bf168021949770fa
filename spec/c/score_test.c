/*
** score_test.c: the C API of include/sinorus_score.h: what the Lua specs
** cannot reach (NULL outputs, the first bad index, the stop function, an
** empty input) and the decomposition's identity on a large random set.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sinorus_score.h"

static int calls = 0;

/* Stops at its second call. */
static int stop_second (void *ud) {
  (void)ud;
  return ++calls >= 2;
}

static int never (void *ud) {
  (void)ud;
  calls++;
  return 0;
}

/* A small LCG in [0, 1): the same numbers everywhere. */
static unsigned long seed = 42;
static double rnd (void) {
  seed = (seed * 1103515245UL + 12345UL) % 2147483648UL;
  return (double)seed / 2147483648.0;
}

static void test_scores (void) {
  sinorus_forecast f[3] = {
    { 0.55, 0.80, SINORUS_OUTCOME_YES, 0 },
    { 0.20, 0.45, SINORUS_OUTCOME_OPEN, 1 },
    { 0.20, 0.45, SINORUS_OUTCOME_NO, 1 },
  };
  sinorus_forecast_score per[3];
  sinorus_calibration cal[2];
  sinorus_score_summary s;
  size_t bad = 99;
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, &s, &bad, NULL, NULL)
        == SINORUS_OK, "three forecasts");
  CHECK(s.scored == 2 && s.open == 1, "scored %zu open %zu", s.scored, s.open);
  CHECK(fabs(s.brier - 0.105625) < 1e-12, "brier %g", s.brier);
  CHECK(per[1].scored == 0 && isnan(per[1].brier), "the open forecast is not scored");
  CHECK(cal[1].n == 1 && fabs(cal[1].mean_p - 0.325) < 1e-12, "calibration of band 1");
  /* outputs are optional */
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 0, NULL, NULL, &s, NULL, NULL, NULL)
        == SINORUS_OK, "no per-forecast or calibration output");
  /* refusals name the first bad forecast */
  f[2].p_low = 0.5;
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, &s, &bad, NULL, NULL)
        == SINORUS_RANGE && bad == 2, "p_low > p_high at 2 (bad %zu)", bad);
  f[2].p_low = 0.2;
  f[1].band = 2;
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, &s, &bad, NULL, NULL)
        == SINORUS_RANGE && bad == 1, "a band past nbands (bad %zu)", bad);
  f[1].band = 1;
  f[0].outcome = 7;
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, &s, &bad, NULL, NULL)
        == SINORUS_RANGE && bad == 0, "an unknown outcome");
  f[0].outcome = SINORUS_OUTCOME_YES;
  f[0].p_high = NAN;
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, &s, &bad, NULL, NULL)
        == SINORUS_RANGE, "NaN");
  f[0].p_high = 0.8;
  CHECK(sinorus_scores(f, 3, 5, 2, per, cal, &s, &bad, NULL, NULL) == SINORUS_RANGE,
        "an unknown partly rule");
  CHECK(sinorus_scores(f, 3, SINORUS_PARTLY_HALF, 2, per, cal, NULL, &bad, NULL, NULL)
        == SINORUS_RANGE, "no summary");
  CHECK(sinorus_scores(NULL, 0, SINORUS_PARTLY_HALF, 0, NULL, NULL, &s, NULL, NULL, NULL)
        == SINORUS_OK && s.n == 0 && isnan(s.brier), "nothing to score");
}

static void test_scores_large (void) {
  size_t n = 200000, i;
  sinorus_forecast *f = malloc(n * sizeof *f);
  sinorus_score_summary s;
  int status;
  if (f == NULL) { CHECK(0, "malloc"); return; }
  for (i = 0; i < n; i++) {
    double lo = floor(rnd() * 20) / 20;
    f[i].p_low = lo;
    f[i].p_high = lo + 0.05 > 1 ? 1 : lo + 0.05;
    f[i].outcome = (int)(rnd() * 3);   /* no, yes, partly */
    f[i].band = 0;
  }
  CHECK(sinorus_scores(f, n, SINORUS_PARTLY_HALF, 0, NULL, NULL, &s, NULL, NULL, NULL)
        == SINORUS_OK, "200,000 forecasts");
  CHECK(fabs(s.brier - (s.reliability - s.resolution + s.uncertainty)) < 1e-12,
        "BS = REL - RES + UNC: %.17g vs %.17g", s.brier,
        s.reliability - s.resolution + s.uncertainty);
  CHECK(s.groups == 20, "20 distinct midpoints, got %zu", s.groups);
  calls = 0;
  status = sinorus_scores(f, n, SINORUS_PARTLY_HALF, 0, NULL, NULL, &s, NULL,
                          stop_second, NULL);
  CHECK(status == SINORUS_STOPPED && calls == 2, "stopped (status %d, calls %d)",
        status, calls);
  calls = 0;
  status = sinorus_scores(f, n, SINORUS_PARTLY_HALF, 0, NULL, NULL, &s, NULL, never, NULL);
  CHECK(status == SINORUS_OK && calls >= 3, "asked every %d steps (%d calls)",
        SINORUS_STOP_EVERY, calls);
  free(f);
}

static void test_timeline (void) {
  /* 3 items x 2 hypotheses; items 0 and 2 share a date */
  unsigned char m[6] = { SINORUS_ACH_I, SINORUS_ACH_C,
                         SINORUS_ACH_II, SINORUS_ACH_N,
                         SINORUS_ACH_NA, SINORUS_ACH_I };
  double w[3] = { 1, 0.5, 2 };
  long d[3] = { 20220218, 20230101, 20220218 };
  long rd[3];
  size_t ri[3], rank[6], rows = 9;
  double score[6];
  sinorus_ach_result r;
  double fs[2];
  size_t fr[2];
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, score, rank, NULL, NULL)
        == SINORUS_OK, "timeline");
  CHECK(rows == 2 && rd[0] == 20220218 && rd[1] == 20230101, "two dates");
  CHECK(ri[0] == 2 && ri[1] == 3, "items per row");
  CHECK(score[0] == -1 && score[1] == -2, "row 1: %g %g", score[0], score[1]);
  CHECK(score[2] == -2 && score[3] == -2 && rank[2] == 0, "row 2 ties keep order");
  /* the last row is sinorus_ach's */
  memset(&r, 0, sizeof r);
  r.score = fs; r.rank = fr;
  CHECK(sinorus_ach(m, 3, 2, w, NULL, &r) == SINORUS_OK, "ach");
  CHECK(fs[0] == score[2] && fs[1] == score[3] && fr[0] == rank[2], "same as ach");
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, score, NULL, NULL, NULL)
        == SINORUS_OK, "rank is optional");
  CHECK(sinorus_ach_timeline(m, 0, 2, w, NULL, &rows, NULL, NULL, NULL, NULL, NULL, NULL)
        == SINORUS_OK && rows == 0, "no items, no rows");
  m[1] = 9;
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, score, rank, NULL, NULL)
        == SINORUS_RANGE, "an unknown rating");
  m[1] = SINORUS_ACH_C;
  w[1] = -1;
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, score, rank, NULL, NULL)
        == SINORUS_RANGE, "a negative weight");
  w[1] = 0.5;
  CHECK(sinorus_ach_timeline(m, 3, 0, w, d, &rows, rd, ri, score, rank, NULL, NULL)
        == SINORUS_RANGE, "no hypotheses");
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, NULL, rank, NULL, NULL)
        == SINORUS_RANGE, "no score output");
  calls = 0;
  CHECK(sinorus_ach_timeline(m, 3, 2, w, d, &rows, rd, ri, score, rank, stop_second, NULL)
        == SINORUS_OK, "too short to be stopped");
}

static void test_timeline_large (void) {
  size_t items = 20000, hyps = 10, i, rows = 0;
  unsigned char *m = malloc(items * hyps);
  long *d = malloc(items * sizeof *d), *rd = malloc(items * sizeof *rd);
  size_t *ri = malloc(items * sizeof *ri);
  double *score = malloc(items * hyps * sizeof *score);
  int status;
  if (!m || !d || !rd || !ri || !score) { CHECK(0, "malloc"); goto done; }
  for (i = 0; i < items * hyps; i++) m[i] = (unsigned char)(rnd() * 6);
  for (i = 0; i < items; i++) d[i] = 20220101 + (long)(rnd() * 28);
  CHECK(sinorus_ach_timeline(m, items, hyps, NULL, d, &rows, rd, ri, score, NULL, NULL,
                             NULL) == SINORUS_OK && rows == 28 && ri[27] == items,
        "28 dates, the last counting every item (rows %zu)", rows);
  calls = 0;
  status = sinorus_ach_timeline(m, items, hyps, NULL, d, &rows, rd, ri, score, NULL,
                                stop_second, NULL);
  CHECK(status == SINORUS_STOPPED && calls == 2, "stopped (%d, %d calls)", status, calls);
done:
  free(m); free(d); free(rd); free(ri); free(score);
}

static void test_agreement (void) {
  double v[8] = { 1, 2, 3, NAN,   1, 2, 4, 4 };
  sinorus_agreement_result a;
  CHECK(sinorus_agreement(v, 2, 4, SINORUS_NOMINAL, &a, NULL, NULL) == SINORUS_OK,
        "two coders");
  CHECK(a.pairable == 6 && a.units == 3 && a.kappa_units == 3, "pairable %zu", a.pairable);
  CHECK(fabs(a.percent - 2.0 / 3.0) < 1e-12, "percent %g", a.percent);
  CHECK(sinorus_agreement(v, 2, 4, 3, &a, NULL, NULL) == SINORUS_RANGE, "unknown level");
  v[0] = INFINITY;
  CHECK(sinorus_agreement(v, 2, 4, SINORUS_NOMINAL, &a, NULL, NULL) == SINORUS_RANGE,
        "infinite value");
  CHECK(sinorus_agreement(NULL, 0, 0, SINORUS_INTERVAL, &a, NULL, NULL) == SINORUS_OK
        && isnan(a.alpha) && a.pairable == 0, "no data");
  CHECK(sinorus_agreement(v, 2, 4, SINORUS_NOMINAL, NULL, NULL, NULL) == SINORUS_RANGE,
        "no output");
}

static void test_agreement_large (void) {
  size_t coders = 4, units = 100000, i;
  double *v = malloc(coders * units * sizeof *v);
  sinorus_agreement_result a;
  int status;
  if (v == NULL) { CHECK(0, "malloc"); return; }
  for (i = 0; i < coders * units; i++) v[i] = rnd() < 0.1 ? NAN : floor(rnd() * 5);
  CHECK(sinorus_agreement(v, coders, units, SINORUS_ORDINAL, &a, NULL, NULL)
        == SINORUS_OK && fabs(a.alpha) < 0.02, "random codes: alpha near 0 (%g)", a.alpha);
  calls = 0;
  status = sinorus_agreement(v, coders, units, SINORUS_INTERVAL, &a, stop_second, NULL);
  CHECK(status == SINORUS_STOPPED, "stopped (%d)", status);
  free(v);
}

int main (void) {
  test_scores();
  test_scores_large();
  test_timeline();
  test_timeline_large();
  test_agreement();
  test_agreement_large();
  printf("score_test: %d checks, %d failed\n", checks, failures);
  return failures != 0;
}
