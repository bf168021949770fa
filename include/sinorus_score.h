/*
** sinorus_score.h: the public C API of forecast scores, the ACH timeline
** and inter-coder agreement. doc/scoring.md gives every formula.
**
** All functions are pure: they read the caller's arrays, write only the
** caller's output arrays, keep no state and may be called from any
** thread. As in sinorus.h they return SINORUS_* status codes and never
** print, exit or longjmp; indexes are 0-based. Scratch memory is
** allocated with malloc and freed before return (SINORUS_NOMEM if it
** cannot be had). A long loop calls the caller's stop function (when not
** NULL) every SINORUS_STOP_EVERY steps and returns SINORUS_STOPPED, with
** the outputs unspecified, as soon as it returns nonzero; the Lua binding
** passes a function that reports Ctrl-C in the REPL.
*/
#ifndef SINORUS_SCORE_H
#define SINORUS_SCORE_H

#include <stddef.h>
#include "sinorus.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status: the caller's stop function asked to stop. (A status of this
** header alone, numbered well away from sinorus.h's.) */
#define SINORUS_STOPPED   32

#ifndef SINORUS_STOP_EVERY
#define SINORUS_STOP_EVERY 65536
#endif

/* Returns nonzero to stop a long computation; ud is the caller's. */
typedef int (*sinorus_stop_fn)(void *ud);


/* ---------------------------------------------------------------------
** Forecast scores
** ------------------------------------------------------------------ */

/* Outcomes of a forecast's proposition. */
#define SINORUS_OUTCOME_NO            0
#define SINORUS_OUTCOME_YES           1
#define SINORUS_OUTCOME_PARTLY        2  /* scored as 0.5, or excluded */
#define SINORUS_OUTCOME_OPEN          3  /* not yet: excluded, counted */
#define SINORUS_OUTCOME_UNRESOLVABLE  4  /* excluded, counted */

/* How "partly" is scored: as the outcome 0.5 (the default), or left out
** of every score like an open forecast (still counted). */
#define SINORUS_PARTLY_HALF     0
#define SINORUS_PARTLY_EXCLUDE  1

/* The log score's clamp: p is taken in [EPS, 1 - EPS], so a forecast of
** 0 or 1 that misses costs log2(1 / EPS) bits, not infinity. */
#define SINORUS_LOG_EPS 0.001

/* One forecast: a band [p_low, p_high] within [0, 1], an outcome and a
** group for the calibration table (an index < the caller's nbands). */
typedef struct sinorus_forecast {
  double p_low, p_high;
  int outcome;       /* SINORUS_OUTCOME_* */
  size_t band;
} sinorus_forecast;

/* The scores of one forecast; scored is 0 (and the rest NaN) when its
** outcome is left out. o is the outcome as a number (0, 0.5 or 1). */
typedef struct sinorus_forecast_score {
  int scored;
  double p;                       /* the band's midpoint */
  double o;
  double brier;                   /* (p - o)^2 */
  double brier_min, brier_max;    /* (q - o)^2 over q in [p_low, p_high] */
  double log;                     /* -log2 of the probability given to o */
} sinorus_forecast_score;

/* A row of the calibration table: the scored forecasts of one band. */
typedef struct sinorus_calibration {
  size_t n;
  double mean_p;     /* mean midpoint; NaN when n == 0 */
  double observed;   /* mean outcome; NaN when n == 0 */
} sinorus_calibration;

/* The aggregate scores. Means are over the scored forecasts; each is NaN
** when nothing is scored (and a skill score also when its reference
** forecaster's Brier score is 0). */
typedef struct sinorus_score_summary {
  size_t n, scored;                             /* all, scored */
  size_t yes, no, partly, open, unresolvable;   /* counts by outcome */
  size_t groups;         /* distinct midpoints (the decomposition's bins) */
  double brier, brier_min, brier_max, log;
  double base_rate;                    /* mean outcome */
  double reliability, resolution, uncertainty;
  double skill_half;     /* 1 - brier / Brier of always 0.5 */
  double skill_base;     /* 1 - brier / Brier of always base_rate */
} sinorus_score_summary;

/*
** Scores n forecasts. per (n entries) and cal (nbands entries) may be
** NULL. The Murphy decomposition bins the scored forecasts by their
** exact midpoint, so brier == reliability - resolution + uncertainty up
** to rounding. SINORUS_RANGE for a band outside [0, 1] or with
** p_low > p_high (NaN included), an unknown outcome or partly rule, or
** a band index >= nbands when cal is given; *bad then holds the index of
** the first bad forecast (bad may be NULL).
*/
SINORUS_API int sinorus_scores(const sinorus_forecast *f, size_t n, int partly,
                   size_t nbands, sinorus_forecast_score *per,
                   sinorus_calibration *cal, sinorus_score_summary *out, size_t *bad,
                   sinorus_stop_fn stop, void *ud);


/* ---------------------------------------------------------------------
** ACH timeline
** ------------------------------------------------------------------ */

/*
** The ACH scores as evidence accumulates. ratings is an items x hyps
** matrix of SINORUS_ACH_* codes (row-major), weight the items' weights
** (NULL: all 1) and date a sortable day key per item (e.g. YYYYMMDD).
** Each distinct date gives one row: the scores sinorus_ach gives for
** exactly the items dated <= that date, and their ranking. The caller
** supplies row_date and row_items (items entries each: the date, and
** how many items the row counts), score and rank (items x hyps each,
** row-major; rank may be NULL); *rows gets the number of rows, in date
** order. SINORUS_RANGE as sinorus_ach, or for NULL outputs.
*/
SINORUS_API int sinorus_ach_timeline(const unsigned char *ratings, size_t items,
                   size_t hyps, const double *weight, const long *date,
                   size_t *rows, long *row_date, size_t *row_items,
                   double *score, size_t *rank,
                   sinorus_stop_fn stop, void *ud);


/* ---------------------------------------------------------------------
** Agreement
** ------------------------------------------------------------------ */

/* Levels of measurement: the distance between two values. */
#define SINORUS_NOMINAL   0   /* 0 if equal, else 1 */
#define SINORUS_ORDINAL   1   /* by the ranks of the values coded */
#define SINORUS_INTERVAL  2   /* (a - b)^2 */

typedef struct sinorus_agreement_result {
  size_t pairable;    /* values in units that have two or more */
  size_t units;       /* units with two or more values */
  double alpha;       /* Krippendorff's alpha; NaN if undefined */
  double observed;    /* observed disagreement D_o */
  double expected;    /* expected disagreement D_e */
  double percent;     /* share of agreeing pairs within units (exact equality) */
  double kappa;       /* Cohen's kappa (2 coders only, else NaN) */
  size_t kappa_units; /* units both coders coded (2 coders) */
} sinorus_agreement_result;

/*
** Agreement of coders x units values (row-major: value[c * units + u]),
** NaN for a missing value; the values are finite numbers (nominal
** categories as numbers too). alpha is NaN when fewer than two values
** are pairable or D_e is 0; kappa is NaN for other than two coders or
** when its expected agreement is 1. SINORUS_RANGE for an unknown level
** or an infinite value.
*/
SINORUS_API int sinorus_agreement(const double *value, size_t coders, size_t units,
                   int level, sinorus_agreement_result *out,
                   sinorus_stop_fn stop, void *ud);

#ifdef __cplusplus
}
#endif

#endif
