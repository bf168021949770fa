/*
** lscore.c: the Lua binding of forecast scores, the ACH timeline and
** agreement (include/sinorus_score.h). lua/sinorus/score.lua puts them
** on the module; doc/scoring.md gives the formulas and the rules.
**
** Every buffer is a Lua userdata, so an argument error raised half-way
** leaves nothing to free. Long computations stop on Ctrl-C in the REPL
** (linterrupt.c) and raise "interrupted".
*/
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lsn.h"
#include "sinorus_score.h"

/* The outcome names, in SINORUS_OUTCOME_* order: the one list. */
static const char *const outcome_names[] = {
  "no", "yes", "partly", "not_yet", "unresolvable", NULL
};
#define OUTCOME_LIST "'yes', 'no', 'partly', 'not_yet' or 'unresolvable'"

static const char *const partly_names[] = { "half", "exclude", NULL };
static const char *const level_names[] = { "nominal", "ordinal", "interval", NULL };


/* A buffer of n elements of size sz, owned by the Lua stack. */
static void *scratch (lua_State *L, size_t n, size_t sz) {
  if (sz != 0 && n > ((size_t)-1) / 2 / sz) luaL_error(L, "not enough memory");
  return lua_newuserdatauv(L, (n > 0 ? n : 1) * sz, 0);
}

static int stop_on_interrupt (void *ud) {
  (void)ud;
  return sn_interrupt_take();
}

/* Raises for a status of the core that is not an argument error. */
static void check_status (lua_State *L, int status, const char *fname) {
  if (status == SINORUS_STOPPED) luaL_error(L, "interrupted");
  if (status == SINORUS_NOMEM) luaL_error(L, "not enough memory");
  if (status != SINORUS_OK) luaL_error(L, "%s: invalid input", fname);
}

/* Sets t[k] = x on the table on top, leaving NaN out (nil). */
static void setnum (lua_State *L, const char *k, double x) {
  if (x != x) return;
  lua_pushnumber(L, x);
  lua_setfield(L, -2, k);
}

static void setint (lua_State *L, const char *k, size_t x) {
  lua_pushinteger(L, (lua_Integer)x);
  lua_setfield(L, -2, k);
}

/* Raises "bad argument #arg (item i: MSG)". */
static int item_error (lua_State *L, int arg, lua_Integer i, const char *msg) {
  return luaL_argerror(L, arg, lua_pushfstring(L, "item %I: %s", (LUAI_UACINT)i, msg));
}

/* The optional options table at arg: nil, or a table of valid keys. */
static void check_opts (lua_State *L, int arg, const char *const valid[]) {
  if (lua_isnoneornil(L, arg)) return;
  luaL_checktype(L, arg, LUA_TTABLE);
  sn_check_keys(L, arg, valid);
}

/* The option k of the table at arg as one of names (default dflt). */
static int opt_enum (lua_State *L, int arg, const char *k, const char *const *names,
                     int dflt, const char *list) {
  int i, r = dflt;
  if (lua_isnoneornil(L, arg)) return dflt;
  if (lua_getfield(L, arg, k) != LUA_TNIL) {
    const char *s = lua_tostring(L, -1);
    r = -1;
    if (lua_type(L, -1) == LUA_TSTRING)
      for (i = 0; names[i]; i++)
        if (strcmp(s, names[i]) == 0) r = i;
    if (r < 0)
      luaL_argerror(L, arg, lua_pushfstring(L, "%s must be %s, got %s", k, list,
                    lua_type(L, -1) == LUA_TSTRING ? lua_pushfstring(L, "'%s'", s)
                    : luaL_typename(L, -1)));
  }
  lua_pop(L, 1);
  return r;
}


/* ---------------------------------------------------------------------
** scores(list [, {partly}])
** ------------------------------------------------------------------ */

/* The field names scores reads and writes, pushed once on the stack so
** that each access is a table lookup by a Lua string (lua_getfield would
** intern the C string on every call). */
enum { K_P_LOW, K_P_HIGH, K_OUTCOME, K_BAND, K_INDEX, K_SCORED, K_P, K_O, K_BRIER,
       K_BRIER_MIN, K_BRIER_MAX, K_LOG, NKEYS };
static const char *const key_names[NKEYS] = {
  "p_low", "p_high", "outcome", "band", "index", "scored", "p", "o", "brier",
  "brier_min", "brier_max", "log"
};

/* Pushes the names above (from stack index keys on); returns keys. */
static int push_keys (lua_State *L) {
  int k, keys = lua_gettop(L) + 1;
  luaL_checkstack(L, NKEYS + 20, "too many nested calls");
  for (k = 0; k < NKEYS; k++) lua_pushstring(L, key_names[k]);
  return keys;
}

/* Pushes field k of the table on top; returns its type. */
static int getkey (lua_State *L, int keys, int k) {
  lua_pushvalue(L, keys + k);
  return lua_gettable(L, -2);
}

/* Sets field k of the table on top to x, leaving NaN out (nil). */
static void setkey (lua_State *L, int keys, int k, double x) {
  if (x != x) return;
  lua_pushvalue(L, keys + k);
  lua_pushnumber(L, x);
  lua_rawset(L, -3);
}

/* Field k of the item on top as a probability. */
static double prob_field (lua_State *L, int keys, lua_Integer i, int k) {
  double x;
  if (getkey(L, keys, k) != LUA_TNUMBER)
    item_error(L, 1, i, lua_pushfstring(L, "%s must be a number, got %s", key_names[k],
               luaL_typename(L, -1)));
  x = (double)lua_tonumber(L, -1);
  if (!(x >= 0.0 && x <= 1.0))
    item_error(L, 1, i, lua_pushfstring(L, "%s %s is outside [0, 1]", key_names[k],
               luaL_tolstring(L, -1, NULL)));
  lua_pop(L, 1);
  return x;
}

static const char *const score_keys[] = { "partly", NULL };

/* scores(list [, opts]) -> {n, scored, brier, ..., forecasts, calibration} */
static int l_scores (lua_State *L) {
  lua_Integer n, i;
  sinorus_forecast *f;
  sinorus_forecast_score *per;
  sinorus_calibration *cal;
  sinorus_score_summary s;
  size_t nbands = 0, k, *ord;
  int partly, BANDS, NAMES, KEYS, OUT, status;
  luaL_checktype(L, 1, LUA_TTABLE);
  check_opts(L, 2, score_keys);
  lua_settop(L, 2);
  partly = opt_enum(L, 2, "partly", partly_names, SINORUS_PARTLY_HALF,
                    "'half' or 'exclude'");
  n = luaL_len(L, 1);
  if (n < 0) n = 0;
  f = (sinorus_forecast *)scratch(L, (size_t)n, sizeof *f);
  KEYS = push_keys(L);
  OUT = lua_gettop(L) + 1;     /* the outcome names, as Lua strings */
  for (k = 0; outcome_names[k]; k++) lua_pushstring(L, outcome_names[k]);
  lua_newtable(L);             /* band label -> index */
  BANDS = lua_gettop(L);
  lua_newtable(L);             /* index -> band label */
  NAMES = lua_gettop(L);
  for (i = 1; i <= n; i++) {
    const char *o;
    int code = -1;
    if (lua_geti(L, 1, i) != LUA_TTABLE)
      item_error(L, 1, i, lua_pushfstring(L, "table expected, got %s",
                 luaL_typename(L, -1)));
    f[i - 1].p_low = prob_field(L, KEYS, i, K_P_LOW);
    f[i - 1].p_high = prob_field(L, KEYS, i, K_P_HIGH);
    if (f[i - 1].p_low > f[i - 1].p_high)
      item_error(L, 1, i, lua_pushfstring(L, "p_low %f is above p_high %f",
                 (LUAI_UACNUMBER)f[i - 1].p_low, (LUAI_UACNUMBER)f[i - 1].p_high));
    if (getkey(L, KEYS, K_OUTCOME) == LUA_TSTRING) {
      lua_pushvalue(L, -1);   /* name -> code, in upvalue 1 */
      if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER)
        code = (int)lua_tointeger(L, -1);
      lua_pop(L, 1);
    }
    o = lua_tostring(L, -1);
    if (code < 0)
      item_error(L, 1, i, lua_pushfstring(L, "outcome must be " OUTCOME_LIST ", got %s",
                 lua_type(L, -1) == LUA_TSTRING ? lua_pushfstring(L, "'%s'", o)
                 : luaL_typename(L, -1)));
    lua_pop(L, 1);
    f[i - 1].outcome = code;
    /* the band's label: the item's band, else its interval */
    if (getkey(L, KEYS, K_BAND) == LUA_TNIL) {
      char buf[64];
      lua_pop(L, 1);
      snprintf(buf, sizeof buf, "%.6g-%.6g", f[i - 1].p_low, f[i - 1].p_high);
      lua_pushstring(L, buf);
    } else if (lua_type(L, -1) != LUA_TSTRING) {
      item_error(L, 1, i, lua_pushfstring(L, "band must be a string, got %s",
                 luaL_typename(L, -1)));
    }
    lua_pushvalue(L, -1);
    if (lua_rawget(L, BANDS) == LUA_TNUMBER) {
      f[i - 1].band = (size_t)lua_tointeger(L, -1);
      lua_pop(L, 1);
    } else {
      lua_pop(L, 1);
      f[i - 1].band = nbands++;
      lua_pushvalue(L, -1);
      lua_rawseti(L, NAMES, (lua_Integer)nbands);
      lua_pushvalue(L, -1);
      lua_pushinteger(L, (lua_Integer)f[i - 1].band);
      lua_rawset(L, BANDS);
    }
    lua_pop(L, 2);
  }
  per = (sinorus_forecast_score *)scratch(L, (size_t)n, sizeof *per);
  cal = (sinorus_calibration *)scratch(L, nbands, sizeof *cal);
  ord = (size_t *)scratch(L, nbands, sizeof *ord);
  status = sinorus_scores(f, (size_t)n, partly, nbands, per, cal, &s, NULL,
                          stop_on_interrupt, NULL);
  check_status(L, status, "scores");
  lua_createtable(L, 0, 24);
  setint(L, "n", s.n);
  setint(L, "scored", s.scored);
  setint(L, "yes", s.yes);
  setint(L, "no", s.no);
  setint(L, "partly", s.partly);
  setint(L, "not_yet", s.open);
  setint(L, "unresolvable", s.unresolvable);
  setint(L, "groups", s.groups);
  lua_pushstring(L, partly_names[partly]);
  lua_setfield(L, -2, "partly_rule");
  setnum(L, "brier", s.brier);
  setnum(L, "brier_min", s.brier_min);
  setnum(L, "brier_max", s.brier_max);
  setnum(L, "log", s.log);
  setnum(L, "base_rate", s.base_rate);
  setnum(L, "reliability", s.reliability);
  setnum(L, "resolution", s.resolution);
  setnum(L, "uncertainty", s.uncertainty);
  setnum(L, "skill_half", s.skill_half);
  setnum(L, "skill_base", s.skill_base);
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    const sinorus_forecast_score *p = &per[i];
    lua_createtable(L, 0, 9);
    lua_pushvalue(L, KEYS + K_INDEX);
    lua_pushinteger(L, i + 1);
    lua_rawset(L, -3);
    lua_pushvalue(L, KEYS + K_OUTCOME);
    lua_pushvalue(L, OUT + f[i].outcome);
    lua_rawset(L, -3);
    lua_pushvalue(L, KEYS + K_SCORED);
    lua_pushboolean(L, p->scored);
    lua_rawset(L, -3);
    setkey(L, KEYS, K_P, p->p);
    setkey(L, KEYS, K_O, p->o);
    setkey(L, KEYS, K_BRIER, p->brier);
    setkey(L, KEYS, K_BRIER_MIN, p->brier_min);
    setkey(L, KEYS, K_BRIER_MAX, p->brier_max);
    setkey(L, KEYS, K_LOG, p->log);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "forecasts");
  /* the calibration table: bands with scored forecasts, by mean forecast
  ** then label (insertion sort on the few bands) */
  {
    size_t m = 0, a, b;
    for (k = 0; k < nbands; k++) if (cal[k].n > 0) ord[m++] = k;
    for (a = 1; a < m; a++) {
      size_t x = ord[a];
      for (b = a; b > 0; b--) {
        size_t y = ord[b - 1];
        int after;
        if (cal[y].mean_p != cal[x].mean_p) after = cal[y].mean_p > cal[x].mean_p;
        else {
          lua_rawgeti(L, NAMES, (lua_Integer)y + 1);
          lua_rawgeti(L, NAMES, (lua_Integer)x + 1);
          after = lua_compare(L, -2, -1, LUA_OPLT) == 0;
          lua_pop(L, 2);
        }
        if (!after) break;
        ord[b] = y;
      }
      ord[b] = x;
    }
    lua_createtable(L, (int)m, 0);
    for (a = 0; a < m; a++) {
      k = ord[a];
      lua_createtable(L, 0, 4);
      lua_rawgeti(L, NAMES, (lua_Integer)k + 1);
      lua_setfield(L, -2, "band");
      setint(L, "n", cal[k].n);
      setnum(L, "mean_p", cal[k].mean_p);
      setnum(L, "observed", cal[k].observed);
      lua_rawseti(L, -2, (lua_Integer)a + 1);
    }
    lua_setfield(L, -2, "calibration");
  }
  return 1;
}


/* ---------------------------------------------------------------------
** ach_timeline(items, ratings [, {weights, hypotheses}])
** ------------------------------------------------------------------ */

static int leap (long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days (long y, long m) {
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Reads n digits at s; -1 if they are not all digits. */
static long digits (const char *s, int n) {
  long v = 0;
  int i;
  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* The day key YYYYMMDD of an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD";
** a partial date stands for the last day of its period (the day by which
** its evidence is in). -1 if s is not such a date. */
static long date_key (const char *s, size_t len) {
  long y, m = 12, d;
  if (len != 4 && len != 7 && len != 10) return -1;
  if ((y = digits(s, 4)) < 0) return -1;
  if (len >= 7) {
    if (s[4] != '-' || (m = digits(s + 5, 2)) < 1 || m > 12) return -1;
  }
  d = month_days(y, m);
  if (len == 10) {
    long dd;
    if (s[7] != '-' || (dd = digits(s + 8, 2)) < 1 || dd > d) return -1;
    d = dd;
  }
  return y * 10000 + m * 100 + d;
}

/* The id of the item on top (its field id, a string). */
static const char *top_id (lua_State *L, lua_Integer i) {
  const char *id;
  if (lua_getfield(L, -1, "id") != LUA_TSTRING)
    item_error(L, 1, i, lua_pushfstring(L, "id must be a string, got %s",
               luaL_typename(L, -1)));
  id = lua_tostring(L, -1);
  lua_pop(L, 1);   /* the item table keeps the string alive */
  return id;
}

/*
** The value the core gives the string on top (left there): the number
** lookup(s) writes, remembered in the table at upvalue up so that each
** distinct string is looked up once. -1 (nothing remembered) when lookup
** refuses it.
*/
static double memo (lua_State *L, int up, int (*lookup)(const char *, double *)) {
  double v = -1;
  lua_pushvalue(L, -1);
  if (lua_rawget(L, lua_upvalueindex(up)) == LUA_TNUMBER) {
    v = (double)lua_tonumber(L, -1);
  } else if (lookup(lua_tostring(L, -2), &v) == SINORUS_OK) {
    lua_pushvalue(L, -2);
    lua_pushnumber(L, v);
    lua_rawset(L, lua_upvalueindex(up));
  } else {
    v = -1;
  }
  lua_pop(L, 1);
  return v;
}

static int rating_lookup (const char *s, double *v) {
  int code = sinorus_ach_rating(s);
  *v = code;
  return code < 0 ? SINORUS_RANGE : SINORUS_OK;
}

/* The weight of level field k of item i on top (default "medium"). */
static double level_field (lua_State *L, lua_Integer i, const char *k) {
  double w = 1.0;
  int t = lua_getfield(L, -1, k);
  if (t != LUA_TNIL && (t != LUA_TSTRING || (w = memo(L, 2, sinorus_ach_level)) < 0))
    item_error(L, 1, i, lua_pushfstring(L, "%s must be 'low', 'medium' or 'high', got %s",
               k, luaL_tolstring(L, -1, NULL)));
  lua_pop(L, 1);
  return w;
}

/* Field k (or alt) of rating row i, the table at index t, as a string
** pushed on the stack. */
static const char *row_string (lua_State *L, int t, lua_Integer i, const char *k,
                               const char *alt) {
  if (lua_getfield(L, t, k) == LUA_TNIL && alt != NULL) {
    lua_pop(L, 1);
    lua_getfield(L, t, alt);
  }
  if (lua_type(L, -1) != LUA_TSTRING)
    luaL_argerror(L, 2, lua_pushfstring(L, "rating %I: %s must be a string, got %s",
                  (LUAI_UACINT)i, k, luaL_typename(L, -1)));
  return lua_tostring(L, -1);   /* left on the stack */
}

static const char *const timeline_keys[] = { "hypotheses", "weights", NULL };

/* ach_timeline(items, ratings [, opts]) -> {hypotheses, rows} */
static int l_ach_timeline (lua_State *L) {
  lua_Integer ni, nr, nh = 0, i, h;
  unsigned char *m, *seen;
  size_t cells, k;
  double *w, *score;
  long *date, *row_date;
  size_t *row_items, *rank, rows, r;
  int IDX, HIDX, HLIST, status;
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  check_opts(L, 3, timeline_keys);
  lua_settop(L, 3);
  ni = luaL_len(L, 1);
  nr = luaL_len(L, 2);
  if (ni < 0) ni = 0;
  if (nr < 0) nr = 0;
  lua_newtable(L);   /* hypothesis id -> index */
  HIDX = lua_gettop(L);
  lua_newtable(L);   /* index -> hypothesis id */
  HLIST = lua_gettop(L);
  /* the hypotheses: given, or in order of first appearance in ratings */
  if (!lua_isnil(L, 3) && lua_getfield(L, 3, "hypotheses") != LUA_TNIL) {
    lua_Integer k, len;
    luaL_argcheck(L, lua_istable(L, -1), 3, "'hypotheses' must be a list of ids");
    len = luaL_len(L, -1);
    for (k = 1; k <= len; k++) {
      if (lua_geti(L, -1, k) != LUA_TSTRING)
        luaL_argerror(L, 3, lua_pushfstring(L, "hypothesis %I is a %s, expected a "
                      "string", (LUAI_UACINT)k, luaL_typename(L, -1)));
      lua_pushvalue(L, -1);
      if (lua_rawget(L, HIDX) != LUA_TNIL)
        luaL_argerror(L, 3, lua_pushfstring(L, "duplicate hypothesis '%s'",
                      lua_tostring(L, -2)));
      lua_pop(L, 1);
      lua_pushvalue(L, -1);
      lua_rawseti(L, HLIST, ++nh);
      lua_pushinteger(L, nh);
      lua_rawset(L, HIDX);
    }
    lua_pop(L, 1);
  } else {
    if (!lua_isnil(L, 3)) lua_pop(L, 1);
    for (i = 1; i <= nr; i++) {
      if (lua_geti(L, 2, i) != LUA_TTABLE)
        luaL_argerror(L, 2, lua_pushfstring(L, "rating %I is a %s, expected a table",
                      (LUAI_UACINT)i, luaL_typename(L, -1)));
      row_string(L, lua_gettop(L), i, "hypothesis", NULL);
      lua_pushvalue(L, -1);
      if (lua_rawget(L, HIDX) == LUA_TNIL) {
        lua_pushvalue(L, -2);
        lua_rawseti(L, HLIST, ++nh);
        lua_pushvalue(L, -2);
        lua_pushinteger(L, nh);
        lua_rawset(L, HIDX);
      }
      lua_pop(L, 3);
    }
  }
  if (nh == 0) luaL_argerror(L, 2, "no hypotheses (no ratings and no opts.hypotheses)");
  if ((size_t)ni > ((size_t)-1) / 2 / (size_t)nh / sizeof(double))
    return luaL_error(L, "not enough memory");
  cells = (size_t)ni * (size_t)nh;   /* < SIZE_MAX / 16: checked above */
  m = (unsigned char *)scratch(L, cells, 1);
  seen = (unsigned char *)scratch(L, cells, 1);
  for (k = 0; k < cells; k++) { m[k] = SINORUS_ACH_NA; seen[k] = 0; }
  w = (double *)scratch(L, (size_t)ni, sizeof *w);
  date = (long *)scratch(L, (size_t)ni, sizeof *date);
  lua_newtable(L);   /* item id -> index */
  IDX = lua_gettop(L);
  for (i = 1; i <= ni; i++) {
    const char *id, *ds;
    size_t dl;
    if (lua_geti(L, 1, i) != LUA_TTABLE)
      item_error(L, 1, i, lua_pushfstring(L, "table expected, got %s",
                 luaL_typename(L, -1)));
    id = top_id(L, i);
    lua_pushstring(L, id);
    if (lua_rawget(L, IDX) != LUA_TNIL)
      item_error(L, 1, i, lua_pushfstring(L, "duplicate item '%s'", id));
    lua_pop(L, 1);
    lua_pushstring(L, id);
    lua_pushinteger(L, i);
    lua_rawset(L, IDX);
    if (lua_getfield(L, -1, "date") != LUA_TSTRING)
      item_error(L, 1, i, lua_pushfstring(L, "date must be a string, got %s",
                 luaL_typename(L, -1)));
    ds = lua_tolstring(L, -1, &dl);
    if ((date[i - 1] = date_key(ds, dl)) < 0)
      item_error(L, 1, i, lua_pushfstring(L, "date '%s' is not YYYY, YYYY-MM or "
                 "YYYY-MM-DD", ds));
    lua_pop(L, 1);
    w[i - 1] = level_field(L, i, "credibility") * level_field(L, i, "relevance");
    lua_pop(L, 1);
  }
  /* the ratings */
  for (i = 1; i <= nr; i++) {
    const char *item, *hyp, *rs;
    int code, row;
    size_t cell;
    if (lua_geti(L, 2, i) != LUA_TTABLE)
      luaL_argerror(L, 2, lua_pushfstring(L, "rating %I is a %s, expected a table",
                    (LUAI_UACINT)i, luaL_typename(L, -1)));
    row = lua_gettop(L);
    item = row_string(L, row, i, "item", "evidence");
    hyp = row_string(L, row, i, "hypothesis", NULL);
    rs = row_string(L, row, i, "rating", NULL);
    code = (int)memo(L, 1, rating_lookup);
    if (code < 0)
      luaL_argerror(L, 2, lua_pushfstring(L, "rating %I: unknown rating '%s' (expected "
                    "CC, C, N, I, II or NA)", (LUAI_UACINT)i, rs));
    lua_pushstring(L, item);
    if (lua_rawget(L, IDX) != LUA_TNUMBER)
      luaL_argerror(L, 2, lua_pushfstring(L, "rating %I: unknown item '%s'",
                    (LUAI_UACINT)i, item));
    cell = (size_t)(lua_tointeger(L, -1) - 1) * (size_t)nh;
    lua_pushstring(L, hyp);
    if (lua_rawget(L, HIDX) != LUA_TNUMBER)
      luaL_argerror(L, 2, lua_pushfstring(L, "rating %I: unknown hypothesis '%s'",
                    (LUAI_UACINT)i, hyp));
    cell += (size_t)(lua_tointeger(L, -1) - 1);
    if (seen[cell]++)
      luaL_argerror(L, 2, lua_pushfstring(L, "rating %I: item '%s' is rated against "
                    "'%s' twice", (LUAI_UACINT)i, item, hyp));
    m[cell] = (unsigned char)code;
    lua_pop(L, 6);
  }
  /* the analyst's weights by item id, as kb:ach takes them */
  if (!lua_isnil(L, 3)) sn_ach_weights(L, 3, IDX, w);
  row_date = (long *)scratch(L, (size_t)ni, sizeof *row_date);
  row_items = (size_t *)scratch(L, (size_t)ni, sizeof *row_items);
  score = (double *)scratch(L, (size_t)ni * (size_t)nh, sizeof *score);
  rank = (size_t *)scratch(L, (size_t)ni * (size_t)nh, sizeof *rank);
  status = sinorus_ach_timeline(m, (size_t)ni, (size_t)nh, w, date, &rows, row_date,
                                row_items, score, rank, stop_on_interrupt, NULL);
  check_status(L, status, "ach_timeline");
  lua_createtable(L, 0, 2);
  lua_pushvalue(L, HLIST);
  lua_setfield(L, -2, "hypotheses");
  lua_createtable(L, (int)rows, 0);
  for (r = 0; r < rows; r++) {
    char buf[40];
    long d = row_date[r];
    lua_createtable(L, 0, 5);
    snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", d / 10000, d / 100 % 100, d % 100);
    lua_pushstring(L, buf);
    lua_setfield(L, -2, "date");
    setint(L, "items", row_items[r]);
    lua_createtable(L, 0, (int)nh);
    for (h = 0; h < nh; h++) {
      lua_rawgeti(L, HLIST, h + 1);
      lua_pushnumber(L, score[r * (size_t)nh + (size_t)h]);
      lua_rawset(L, -3);
    }
    lua_setfield(L, -2, "scores");
    lua_createtable(L, (int)nh, 0);
    for (h = 0; h < nh; h++) {
      lua_rawgeti(L, HLIST, (lua_Integer)rank[r * (size_t)nh + (size_t)h] + 1);
      lua_rawseti(L, -2, h + 1);
    }
    lua_rawgeti(L, -1, 1);
    lua_setfield(L, -3, "top");
    lua_setfield(L, -2, "ranking");
    lua_rawseti(L, -2, (lua_Integer)r + 1);
  }
  lua_setfield(L, -2, "rows");
  return 1;
}


/* ---------------------------------------------------------------------
** agreement(data [, {level}])
** ------------------------------------------------------------------ */

static const char *const agree_keys[] = { "level", NULL };

/* agreement(coders [, opts]) -> {alpha, kappa, percent, ...} */
static int l_agreement (lua_State *L) {
  lua_Integer nc, c, nu = 0;
  double *v;
  int level, CODES, status;
  lua_Number ncodes = 0;
  sinorus_agreement_result a;
  luaL_checktype(L, 1, LUA_TTABLE);
  check_opts(L, 2, agree_keys);
  lua_settop(L, 2);
  level = opt_enum(L, 2, "level", level_names, SINORUS_NOMINAL,
                   "'nominal', 'ordinal' or 'interval'");
  nc = luaL_len(L, 1);
  if (nc < 1) luaL_argerror(L, 1, "no coders (expected a list of coders' values)");
  /* the units: the largest unit number any coder gives a value */
  for (c = 1; c <= nc; c++) {
    if (lua_geti(L, 1, c) != LUA_TTABLE)
      luaL_argerror(L, 1, lua_pushfstring(L, "coder %I is a %s, expected a table of "
                    "values by unit", (LUAI_UACINT)c, luaL_typename(L, -1)));
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      lua_Integer u;
      int isnum;
      lua_pop(L, 1);
      u = lua_tointegerx(L, -1, &isnum);
      if (!isnum || lua_type(L, -1) != LUA_TNUMBER || u < 1 || u > (1 << 28))
        luaL_argerror(L, 1, lua_pushfstring(L, "coder %I: key %s is not a unit number",
                      (LUAI_UACINT)c, luaL_tolstring(L, -1, NULL)));
      if (u > nu) nu = u;
    }
    lua_pop(L, 1);
  }
  if ((size_t)nu > ((size_t)-1) / 2 / sizeof(double) / (size_t)nc)
    return luaL_error(L, "not enough memory");
  v = (double *)scratch(L, (size_t)nc * (size_t)nu, sizeof *v);
  lua_newtable(L);   /* nominal: value -> category number */
  CODES = lua_gettop(L);
  for (c = 1; c <= nc; c++) {
    lua_Integer u;
    lua_geti(L, 1, c);
    for (u = 1; u <= nu; u++) {
      double x = NAN;
      int t = lua_geti(L, -1, u);
      if (t == LUA_TNUMBER || t == LUA_TSTRING) {
        if (t == LUA_TSTRING && level != SINORUS_NOMINAL)
          luaL_argerror(L, 1, lua_pushfstring(L, "coder %I, unit %I: %s values must be "
                        "numbers, got a string", (LUAI_UACINT)c, (LUAI_UACINT)u,
                        level_names[level]));
        if (t == LUA_TNUMBER) {
          x = (double)lua_tonumber(L, -1);
          if (!(x - x == 0))
            luaL_argerror(L, 1, lua_pushfstring(L, "coder %I, unit %I: value %s is not "
                          "finite", (LUAI_UACINT)c, (LUAI_UACINT)u,
                          luaL_tolstring(L, -1, NULL)));
        }
        if (level == SINORUS_NOMINAL) {   /* categories by identity */
          lua_pushvalue(L, -1);
          if (lua_rawget(L, CODES) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_pushnumber(L, ++ncodes);
            lua_rawset(L, CODES);
            x = (double)ncodes;
          } else {
            x = (double)lua_tonumber(L, -1);
            lua_pop(L, 1);
          }
        }
      } else if (t != LUA_TNIL && !(t == LUA_TBOOLEAN && !lua_toboolean(L, -1))) {
        luaL_argerror(L, 1, lua_pushfstring(L, "coder %I, unit %I: value is a %s "
                      "(expected a number or a string; nil or false when missing)",
                      (LUAI_UACINT)c, (LUAI_UACINT)u, luaL_typename(L, -1)));
      }
      v[(size_t)(c - 1) * (size_t)nu + (size_t)(u - 1)] = x;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  status = sinorus_agreement(v, (size_t)nc, (size_t)nu, level, &a,
                             stop_on_interrupt, NULL);
  check_status(L, status, "agreement");
  lua_createtable(L, 0, 11);
  lua_pushstring(L, level_names[level]);
  lua_setfield(L, -2, "level");
  setint(L, "coders", (size_t)nc);
  setint(L, "units", (size_t)nu);
  setint(L, "pairable_units", a.units);
  setint(L, "pairable", a.pairable);
  setnum(L, "alpha", a.alpha);
  setnum(L, "observed", a.observed);
  setnum(L, "expected", a.expected);
  setnum(L, "percent", a.percent);
  setnum(L, "kappa", a.kappa);
  if (nc == 2) setint(L, "kappa_units", a.kappa_units);
  return 1;
}


/* day_key(s) -> the day key YYYYMMDD of an ISO date (a partial date: the
** last day of its period), or nil if s is not YYYY, YYYY-MM or YYYY-MM-DD. */
static int l_day_key (lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  long k = date_key(s, len);
  if (k < 0) luaL_pushfail(L);
  else lua_pushinteger(L, k);
  return 1;
}


static const luaL_Reg funcs[] = {
  { "day_key", l_day_key },
  { "agreement", l_agreement },
  { NULL, NULL }
};

/* Adds the functions of this file to the table on top of the stack. */
void sn_lua_score (lua_State *L) {
  int i;
  luaL_setfuncs(L, funcs, 0);
  lua_createtable(L, 0, 5);   /* scores' upvalue: outcome name -> code */
  for (i = 0; outcome_names[i]; i++) {
    lua_pushinteger(L, i);
    lua_setfield(L, -2, outcome_names[i]);
  }
  lua_pushcclosure(L, l_scores, 1);
  lua_setfield(L, -2, "scores");
  lua_newtable(L);            /* ach_timeline's: rating name -> code, */
  lua_newtable(L);            /* level name -> weight (filled as met) */
  lua_pushcclosure(L, l_ach_timeline, 2);
  lua_setfield(L, -2, "ach_timeline");
}
