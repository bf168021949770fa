/*
** lweight.c: the Lua binding of estimative language and the weighting
** functions (csrc/sn_estimate.c, csrc/sn_weight.c).
**
** Every buffer lives in a userdata on the Lua stack, so an error raised
** while it is in use leaks nothing.
*/
#include <math.h>
#include <string.h>

#include "lsn.h"

static const char *const scale_names[] = { "icd203", "phia", "kent", NULL };
static const char *const pool_names[] = { "linear", "logodds", "noisy_or", NULL };

/* Scratch memory owned by the Lua stack (freed by the collector). */
static void *scratch (lua_State *L, size_t n, size_t size) {
  if (size != 0 && n > ((size_t)-1) / size) luaL_error(L, "not enough memory");
  return lua_newuserdatauv(L, n * size > 0 ? n * size : 1, 0);
}

/* Pushes a number as Lua's tostring shows it ("1.5", "inf", "nan"). */
static const char *numstr (lua_State *L, double x) {
  if (x != x) return lua_pushliteral(L, "nan");
  if (floor(x) == x && fabs(x) < 9007199254740992.0)
    lua_pushinteger(L, (lua_Integer)x);  /* 2, not 2.0 */
  else
    lua_pushnumber(L, (lua_Number)x);
  return luaL_tolstring(L, -1, NULL);
}

static int isint (double x, double lo, double hi) {
  return x >= lo && x <= hi && floor(x) == x;
}


/* ---------------------------------------------------------------------
** Estimative language
** ------------------------------------------------------------------ */

static void push_band (lua_State *L, const sinorus_band *b) {
  lua_pushstring(L, sinorus_scale_name(b->scale));
  lua_setfield(L, -2, "scale");
  lua_pushstring(L, b->band);
  lua_setfield(L, -2, "band");
  lua_pushnumber(L, b->p_low);
  lua_setfield(L, -2, "p_low");
  lua_pushnumber(L, b->p_high);
  lua_setfield(L, -2, "p_high");
}

/* estimate(term [, scale]) -> {term, scale, band, p_low, p_high, p_mid}
** or nil, message for a term the scale does not know. */
static int l_estimate (lua_State *L) {
  size_t len;
  const char *term = luaL_checklstring(L, 1, &len);
  int scale = luaL_checkoption(L, 2, "icd203", scale_names);
  sinorus_band b;
  if (sinorus_estimate(term, len, scale, &b) != SINORUS_OK) {
    luaL_pushfail(L);
    lua_pushfstring(L, "unknown estimative term '%s' on scale '%s'", term,
                    scale_names[scale]);
    return 2;
  }
  lua_createtable(L, 0, 6);
  lua_pushvalue(L, 1);
  lua_setfield(L, -2, "term");
  push_band(L, &b);
  lua_pushnumber(L, (b.p_low + b.p_high) / 2);
  lua_setfield(L, -2, "p_mid");
  return 1;
}

#define HEDGE_STACK 64

/* hedges(text [, scale]) -> list of {text, start, stop, band, p_low,
** p_high, scale}, offsets 1-based and inclusive. */
static int l_hedges (lua_State *L) {
  size_t len, n, i;
  const char *text = luaL_checklstring(L, 1, &len);
  int scale = luaL_checkoption(L, 2, "icd203", scale_names);
  sinorus_hedge stack[HEDGE_STACK], *h = stack;
  n = sinorus_hedges(text, len, scale, h, HEDGE_STACK);
  if (n > HEDGE_STACK) {
    h = (sinorus_hedge *)scratch(L, n, sizeof(sinorus_hedge));
    n = sinorus_hedges(text, len, scale, h, n);
  }
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_createtable(L, 0, 7);
    lua_pushlstring(L, text + h[i].start, h[i].stop - h[i].start);
    lua_setfield(L, -2, "text");
    lua_pushinteger(L, (lua_Integer)h[i].start + 1);
    lua_setfield(L, -2, "start");
    lua_pushinteger(L, (lua_Integer)h[i].stop);
    lua_setfield(L, -2, "stop");
    push_band(L, &h[i].band);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}


/* ---------------------------------------------------------------------
** Pooling and decay
** ------------------------------------------------------------------ */

/* Reads a list of numbers at arg into a scratch array; what names them
** in messages ("probability", "weight"). */
static double *read_numbers (lua_State *L, int arg, const char *what,
                             size_t *count) {
  lua_Integer n = luaL_len(L, arg), i;
  double *x;
  if (n <= 0) luaL_argerror(L, arg, "empty list");
  x = (double *)scratch(L, (size_t)n, sizeof(double));
  for (i = 1; i <= n; i++) {
    int t = lua_geti(L, arg, i);
    if (t != LUA_TNUMBER)
      luaL_argerror(L, arg, lua_pushfstring(L, "%s at index %I is a %s, expected a number",
                    what, (LUAI_UACINT)i, luaL_typename(L, -1)));
    x[i - 1] = (double)lua_tonumber(L, -1);
    lua_pop(L, 1);
  }
  *count = (size_t)n;
  return x;
}

/* pool(ps [, weights] [, method]) -> the pooled probability. */
static int l_pool (lua_State *L) {
  size_t n, nw = 0, i;
  double *p, *w = NULL, out, sw = 0;
  int method, marg = 3, warg = 2;
  luaL_checktype(L, 1, LUA_TTABLE);
  if (lua_type(L, 2) == LUA_TSTRING && lua_isnone(L, 3)) {
    marg = 2;  /* pool(ps, method) */
    warg = 0;
  }
  else if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TTABLE);
  else warg = 0;
  method = luaL_checkoption(L, marg, "linear", pool_names);
  p = read_numbers(L, 1, "probability", &n);
  for (i = 0; i < n; i++)
    if (!(p[i] >= 0 && p[i] <= 1))
      luaL_argerror(L, 1, lua_pushfstring(L, "probability %s at index %I is outside [0, 1]",
                    numstr(L, p[i]), (LUAI_UACINT)(i + 1)));
  if (warg) {
    lua_Integer len = luaL_len(L, warg);
    if ((size_t)len != n || len < 0)
      luaL_argerror(L, warg, lua_pushfstring(L, "%I weights for %I probabilities",
                    (LUAI_UACINT)len, (LUAI_UACINT)n));
    w = read_numbers(L, warg, "weight", &nw);
    for (i = 0; i < nw; i++) {
      if (!(w[i] - w[i] == 0))
        luaL_argerror(L, warg, lua_pushfstring(L, "weight %s at index %I is not finite",
                      numstr(L, w[i]), (LUAI_UACINT)(i + 1)));
      if (w[i] < 0 || (method == SINORUS_POOL_NOISY_OR && w[i] > 1))
        luaL_argerror(L, warg, lua_pushfstring(L, "weight %s at index %I is outside %s",
                      numstr(L, w[i]), (LUAI_UACINT)(i + 1),
                      method == SINORUS_POOL_NOISY_OR ? "[0, 1]" : "[0, inf)"));
      sw += w[i];
    }
    if (method != SINORUS_POOL_NOISY_OR && !(sw > 0))
      luaL_argerror(L, warg, "weights sum to 0");
    if (!(sw - sw == 0)) luaL_argerror(L, warg, "weights sum to infinity");
  }
  if (sinorus_pool(p, w, n, method, &out) != SINORUS_OK)
    luaL_argerror(L, 1, "log-odds pool of both 0 and 1 is undefined");
  lua_pushnumber(L, out);
  return 1;
}

/* decay(age, half_life) -> 0.5 ^ (age / half_life). */
static int l_decay (lua_State *L) {
  double age = (double)luaL_checknumber(L, 1);
  double hl = (double)luaL_checknumber(L, 2), out;
  if (!(age - age == 0) || age < 0)
    luaL_argerror(L, 1, lua_pushfstring(L, "age %s is not finite and >= 0",
                  numstr(L, age)));
  if (!(hl - hl == 0) || !(hl > 0))
    luaL_argerror(L, 2, lua_pushfstring(L, "half-life %s is not finite and > 0",
                  numstr(L, hl)));
  sinorus_decay(age, hl, &out);
  lua_pushnumber(L, out);
  return 1;
}


/* ---------------------------------------------------------------------
** Factors
** ------------------------------------------------------------------ */

/* Pushes the name of factor i (its id, or its index) for messages. */
static const char *factor_name (lua_State *L, int arg, lua_Integer i) {
  lua_geti(L, arg, i);
  if (lua_type(L, -1) == LUA_TTABLE && lua_getfield(L, -1, "id") == LUA_TSTRING)
    return lua_pushfstring(L, "factor '%s'", lua_tostring(L, -1));
  return lua_pushfstring(L, "factor %I", (LUAI_UACINT)i);
}

/* Reads field k of the table on top as a number; def if absent (def NaN:
** required). Raises a message naming the factor. */
static double factor_field (lua_State *L, int arg, lua_Integer i, const char *k,
                            double def, int required) {
  double x;
  int t = lua_getfield(L, -1, k);
  if (t == LUA_TNIL && !required) { lua_pop(L, 1); return def; }
  if (t != LUA_TNUMBER) {
    const char *tn = luaL_typename(L, -1);
    const char *name = factor_name(L, arg, i);
    luaL_argerror(L, arg, lua_pushfstring(L, "%s: %s must be a number, got %s",
                  name, k, tn));
  }
  x = (double)lua_tonumber(L, -1);
  lua_pop(L, 1);
  return x;
}

static void factor_error (lua_State *L, int arg, lua_Integer i, const char *k,
                          double x, const char *range) {
  const char *name = factor_name(L, arg, i);
  const char *xs = numstr(L, x);
  luaL_argerror(L, arg, lua_pushfstring(L, "%s: %s %s is outside %s", name, k,
                xs, range));
}

/*
** Reads the list of factor tables at arg into a scratch array (pushed).
** Every field is checked, and a bad one raises naming the factor.
*/
static sinorus_factor *read_factors (lua_State *L, int arg, size_t *count) {
  lua_Integer n, i;
  sinorus_factor *f;
  luaL_checktype(L, arg, LUA_TTABLE);
  n = luaL_len(L, arg);
  if (n < 0) n = 0;
  f = (sinorus_factor *)scratch(L, (size_t)n, sizeof(sinorus_factor));
  for (i = 1; i <= n; i++) {
    sinorus_factor *fi = &f[i - 1];
    double sign;
    if (lua_geti(L, arg, i) != LUA_TTABLE)
      luaL_argerror(L, arg, lua_pushfstring(L, "factor %I is a %s, expected a table",
                    (LUAI_UACINT)i, luaL_typename(L, -1)));
    sign = factor_field(L, arg, i, "sign", 0, 1);
    if (sign != 1 && sign != -1) {
      const char *name = factor_name(L, arg, i);
      const char *xs = numstr(L, sign);
      luaL_argerror(L, arg, lua_pushfstring(L, "%s: sign must be 1 or -1, got %s",
                    name, xs));
    }
    fi->sign = (int)sign;
    fi->weight = factor_field(L, arg, i, "weight", 0, 1);
    if (!(fi->weight >= 0 && fi->weight <= 1))
      factor_error(L, arg, i, "weight", fi->weight, "[0, 1]");
    fi->low = factor_field(L, arg, i, "low", fi->weight, 0);
    if (!(fi->low >= 0 && fi->low <= fi->weight))
      factor_error(L, arg, i, "low", fi->low, "[0, weight]");
    fi->high = factor_field(L, arg, i, "high", fi->weight, 0);
    if (!(fi->high >= fi->weight && fi->high <= 1))
      factor_error(L, arg, i, "high", fi->high, "[weight, 1]");
    fi->coupling = factor_field(L, arg, i, "coupling", 0, 0);
    if (!(fi->coupling >= -1 && fi->coupling <= 1))
      factor_error(L, arg, i, "coupling", fi->coupling, "[-1, 1]");
    lua_pop(L, 1);
  }
  *count = (size_t)n;
  return f;
}

static double check_pressure (lua_State *L, int arg, double p) {
  if (!(p >= 0 && p <= 1))
    luaL_argerror(L, arg, lua_pushfstring(L, "pressure %s is outside [0, 1]",
                  numstr(L, p)));
  return p;
}

/* Pushes the id of factor i (1-based) of the list at arg, or i. */
static void push_id (lua_State *L, int arg, lua_Integer i) {
  lua_geti(L, arg, i);
  if (lua_getfield(L, -1, "id") == LUA_TNIL) {
    lua_pop(L, 1);
    lua_pushinteger(L, i);
  }
  lua_remove(L, -2);
}

/* alignment(factors [, pressure]) -> {index, pressure, contributions =
** {{factor, value}, ...}} in input order. */
static int l_alignment (lua_State *L) {
  size_t n, i;
  double p = check_pressure(L, 2, (double)luaL_optnumber(L, 2, 0.5)), index, *c;
  sinorus_factor *f = read_factors(L, 1, &n);
  c = (double *)scratch(L, n, sizeof(double));
  sinorus_alignment(f, n, p, &index, c);
  lua_createtable(L, 0, 3);
  lua_pushnumber(L, index);
  lua_setfield(L, -2, "index");
  lua_pushnumber(L, p);
  lua_setfield(L, -2, "pressure");
  lua_createtable(L, (int)n, 0);
  for (i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    push_id(L, 1, (lua_Integer)i + 1);
    lua_setfield(L, -2, "factor");
    lua_pushnumber(L, c[i]);
    lua_setfield(L, -2, "value");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, -2, "contributions");
  return 1;
}

/* sensitivity(factors [, pressure]) -> rows sorted by swing, with the
** fields index, pressure and dpressure on the list. */
static int l_sensitivity (lua_State *L) {
  size_t n, i;
  double p = check_pressure(L, 2, (double)luaL_optnumber(L, 2, 0.5)), index, dp;
  sinorus_factor *f = read_factors(L, 1, &n);
  sinorus_swing *s = (sinorus_swing *)scratch(L, n, sizeof(sinorus_swing));
  sinorus_sensitivity(f, n, p, s, &index, &dp);
  lua_createtable(L, (int)n, 3);
  for (i = 0; i < n; i++) {
    const sinorus_factor *fi = &f[s[i].factor];
    lua_createtable(L, 0, 9);
    push_id(L, 1, (lua_Integer)s[i].factor + 1);
    lua_setfield(L, -2, "factor");
    lua_pushnumber(L, s[i].low);
    lua_setfield(L, -2, "low");
    lua_pushnumber(L, s[i].high);
    lua_setfield(L, -2, "high");
    lua_pushnumber(L, s[i].swing);
    lua_setfield(L, -2, "swing");
    lua_pushnumber(L, s[i].dweight);
    lua_setfield(L, -2, "dweight");
    lua_pushnumber(L, fi->weight);
    lua_setfield(L, -2, "weight");
    lua_pushnumber(L, fi->low);
    lua_setfield(L, -2, "w_low");
    lua_pushnumber(L, fi->high);
    lua_setfield(L, -2, "w_high");
    lua_pushinteger(L, fi->sign);
    lua_setfield(L, -2, "sign");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_pushnumber(L, index);
  lua_setfield(L, -2, "index");
  lua_pushnumber(L, p);
  lua_setfield(L, -2, "pressure");
  lua_pushnumber(L, dp);
  lua_setfield(L, -2, "dpressure");
  return 1;
}

#define SIM_MAX_DRAWS 100000000

/* Raises unless every key of the options table at arg is in valid (lsn.h). */
void sn_check_keys (lua_State *L, int arg, const char *const valid[]) {
  lua_pushnil(L);
  while (lua_next(L, arg)) {
    int ok = 0, i;
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING)
      for (i = 0; valid[i]; i++)
        if (strcmp(lua_tostring(L, -1), valid[i]) == 0) ok = 1;
    if (!ok) {
      luaL_Buffer b;
      const char *k = luaL_tolstring(L, -1, NULL);
      luaL_buffinit(L, &b);
      lua_pushfstring(L, "unknown option '%s'; valid options: ", k);
      luaL_addvalue(&b);
      for (i = 0; valid[i]; i++) {
        if (i) luaL_addstring(&b, ", ");
        luaL_addstring(&b, valid[i]);
      }
      luaL_pushresult(&b);
      luaL_argerror(L, arg, lua_tostring(L, -1));
    }
  }
}

/* Reads option k of the table at arg as a number; def when absent. */
static double opt_number (lua_State *L, int arg, const char *k, double def) {
  double x;
  int t = lua_getfield(L, arg, k);
  if (t == LUA_TNIL) { lua_pop(L, 1); return def; }
  if (t != LUA_TNUMBER)
    luaL_argerror(L, arg, lua_pushfstring(L, "option '%s' must be a number, got %s",
                  k, luaL_typename(L, -1)));
  x = (double)lua_tonumber(L, -1);
  lua_pop(L, 1);
  return x;
}

static const char *const sim_keys[] = { "bins", "n", "pressure", "seed", NULL };
#define SIM_MAX_BINS 1000
static const char *const q_names[] = { "q05", "q25", "q50", "q75", "q95" };
static const double q_values[] = { 0.05, 0.25, 0.5, 0.75, 0.95 };

/* Pushes the histogram of the draws x[0..n) (in any order): bins bins of
** equal width over [lo, hi], the last one closed (one bin of width 0 holds
** every draw when lo == hi): {lo, hi, width, counts = {...}}. */
static void push_histogram (lua_State *L, const double *x, size_t n, double lo,
                            double hi, size_t bins) {
  size_t d, b;
  double width = (hi - lo) / (double)bins;
  lua_Integer *counts = (lua_Integer *)lua_newuserdatauv(L, bins * sizeof *counts, 0);
  memset(counts, 0, bins * sizeof *counts);
  for (d = 0; d < n; d++) {
    double t = hi > lo ? (x[d] - lo) / (hi - lo) * (double)bins : 0.0;
    b = t >= (double)bins ? bins - 1 : t > 0.0 ? (size_t)t : 0;
    counts[b]++;
  }
  lua_createtable(L, 0, 4);
  lua_pushnumber(L, lo);
  lua_setfield(L, -2, "lo");
  lua_pushnumber(L, hi);
  lua_setfield(L, -2, "hi");
  lua_pushnumber(L, width);
  lua_setfield(L, -2, "width");
  lua_createtable(L, (int)bins, 0);
  for (b = 0; b < bins; b++) {
    lua_pushinteger(L, counts[b]);
    lua_rawseti(L, -2, (lua_Integer)b + 1);
  }
  lua_setfield(L, -2, "counts");
  lua_remove(L, -2);   /* the counts' userdata */
}

/* simulate(factors [, {n, seed, pressure, bins}]) -> {n, seed, pressure,
** mean, sd, p_positive, min, max, quantiles = {[0.05] = ...}, q05 .. q95,
** histogram = {lo, hi, width, counts} when bins is given}. */
static int l_simulate (lua_State *L) {
  size_t nf, i, bins = 0;
  double nd = 10000, p = 0.5, *buf;
  lua_Integer seed = 1;
  sinorus_factor *f;
  sinorus_sim r;
  int status;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    sn_check_keys(L, 2, sim_keys);
    nd = opt_number(L, 2, "n", 10000);
    if (!isint(nd, 1, SIM_MAX_DRAWS))
      luaL_argerror(L, 2, lua_pushfstring(L, "n %s is not an integer in [1, %d]",
                    numstr(L, nd), SIM_MAX_DRAWS));
    p = check_pressure(L, 2, opt_number(L, 2, "pressure", 0.5));
    if (lua_getfield(L, 2, "bins") != LUA_TNIL) {
      double nb = opt_number(L, 2, "bins", 0);
      if (!isint(nb, 1, SIM_MAX_BINS))
        luaL_argerror(L, 2, lua_pushfstring(L, "bins %s is not an integer in [1, %d]",
                      numstr(L, nb), SIM_MAX_BINS));
      bins = (size_t)nb;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "seed") != LUA_TNIL) {
      int ok;
      seed = lua_tointegerx(L, -1, &ok);
      if (!ok || lua_type(L, -1) != LUA_TNUMBER)
        luaL_argerror(L, 2, lua_pushfstring(L, "seed must be an integer, got %s",
                      lua_type(L, -1) == LUA_TNUMBER
                        ? numstr(L, (double)lua_tonumber(L, -1))
                        : luaL_typename(L, -1)));
    }
    lua_pop(L, 1);
  }
  f = read_factors(L, 1, &nf);
  buf = (double *)scratch(L, 2 * (size_t)nd, sizeof(double));
  status = sinorus_simulate(f, nf, p, (size_t)nd, (uint64_t)seed, buf, &r);
  if (status == SINORUS_INTERRUPTED) sn_interrupted_raise(L);
  if (status != SINORUS_OK)
    return luaL_error(L, "simulate: %s", sinorus_strstatus(status));
  lua_createtable(L, 0, 16);
  lua_pushinteger(L, (lua_Integer)r.draws);
  lua_setfield(L, -2, "n");
  lua_pushinteger(L, seed);
  lua_setfield(L, -2, "seed");
  lua_pushnumber(L, p);
  lua_setfield(L, -2, "pressure");
  lua_pushnumber(L, r.mean);
  lua_setfield(L, -2, "mean");
  lua_pushnumber(L, r.sd);
  lua_setfield(L, -2, "sd");
  lua_pushnumber(L, r.p_positive);
  lua_setfield(L, -2, "p_positive");
  lua_pushnumber(L, r.min);
  lua_setfield(L, -2, "min");
  lua_pushnumber(L, r.max);
  lua_setfield(L, -2, "max");
  for (i = 0; i < SINORUS_SIM_NQ; i++) {
    lua_pushnumber(L, r.q[i]);
    lua_setfield(L, -2, q_names[i]);
  }
  lua_createtable(L, 0, SINORUS_SIM_NQ);
  for (i = 0; i < SINORUS_SIM_NQ; i++) {
    lua_pushnumber(L, q_values[i]);
    lua_pushnumber(L, r.q[i]);
    lua_rawset(L, -3);
  }
  lua_setfield(L, -2, "quantiles");
  if (bins > 0) {
    push_histogram(L, buf, r.draws, r.min, r.max, bins);
    lua_setfield(L, -2, "histogram");
  }
  return 1;
}


/* ---------------------------------------------------------------------
** ACH
** ------------------------------------------------------------------ */

/* Pushes the id of element i of the list at arg: itself if it is a
** string, else its field id. */
static const char *list_id (lua_State *L, int arg, lua_Integer i, const char *what) {
  int t = lua_geti(L, arg, i);
  if (t == LUA_TTABLE) {
    lua_getfield(L, -1, "id");
    lua_remove(L, -2);
  }
  if (lua_type(L, -1) != LUA_TSTRING)
    luaL_argerror(L, arg, lua_pushfstring(L, "%s %I has no string id",
                  what, (LUAI_UACINT)i));
  return lua_tostring(L, -1);
}

static int rating_code (const char *s) {
  return s ? sinorus_ach_rating(s) : -1;
}

/* The weight of level field k of the item on top (default "medium"). */
static double item_level (lua_State *L, int arg, const char *id, const char *k) {
  double w = 1;
  if (lua_getfield(L, -1, k) != LUA_TNIL) {
    const char *s = lua_tostring(L, -1);
    if (lua_type(L, -1) != LUA_TSTRING || sinorus_ach_level(s, &w) != SINORUS_OK)
      luaL_argerror(L, arg, lua_pushfstring(L, "item '%s': %s must be 'low', "
                    "'medium' or 'high', got %s", id, k, luaL_tolstring(L, -1, NULL)));
  }
  lua_pop(L, 1);
  return w;
}

/* See lsn.h. */
void sn_ach_weights (lua_State *L, int arg, int idx, double *w) {
  if (lua_getfield(L, arg, "weights") != LUA_TNIL) {
    luaL_argcheck(L, lua_istable(L, -1), arg, "'weights' must be a table");
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      double x;
      lua_Integer i;
      lua_pushvalue(L, -2);
      if (lua_rawget(L, idx) != LUA_TNUMBER)
        luaL_argerror(L, arg, lua_pushfstring(L, "unknown item '%s' in weights",
                      luaL_tolstring(L, -3, NULL)));
      i = lua_tointeger(L, -1);
      lua_pop(L, 1);
      if (lua_type(L, -1) != LUA_TNUMBER)
        luaL_argerror(L, arg, lua_pushfstring(L, "weight of item '%s' must be a number, "
                      "got %s", lua_tostring(L, -2), luaL_typename(L, -1)));
      x = (double)lua_tonumber(L, -1);
      if (!(x - x == 0) || x < 0) {
        const char *k = lua_tostring(L, -2);
        const char *xs = numstr(L, x);
        luaL_argerror(L, arg, lua_pushfstring(L, "weight %s of item '%s' is not "
                      "finite and >= 0", xs, k));
      }
      w[i - 1] = x;
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
}

static const char *const ach_keys[] = { "exclude", "weights", NULL };

/* ach(items, hypotheses [, {weights, exclude}]) -> {top, hypotheses,
** evidence, pivotal}; see doc/weighting.md. */
static int l_ach (lua_State *L) {
  lua_Integer ni, nh, i, h;
  unsigned char *m, *ex, *piv;
  double *w, *score, *diag;
  size_t *rank, *bydiag;
  sinorus_ach_result r;
  int IDX, HIDX;
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checktype(L, 2, LUA_TTABLE);
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    sn_check_keys(L, 3, ach_keys);
  }
  lua_settop(L, 3);
  ni = luaL_len(L, 1);
  nh = luaL_len(L, 2);
  if (ni < 0) ni = 0;
  if (nh <= 0) luaL_argerror(L, 2, "empty list");
  /* hypothesis id -> index */
  lua_createtable(L, 0, (int)nh);
  HIDX = lua_gettop(L);
  for (h = 1; h <= nh; h++) {
    list_id(L, 2, h, "hypothesis");
    lua_pushvalue(L, -1);
    if (lua_rawget(L, HIDX) != LUA_TNIL)
      luaL_argerror(L, 2, lua_pushfstring(L, "duplicate hypothesis '%s'",
                    lua_tostring(L, -2)));
    lua_pop(L, 1);
    lua_pushinteger(L, h);
    lua_rawset(L, HIDX);
  }
  m = (unsigned char *)scratch(L, (size_t)ni * (size_t)nh, 1);
  w = (double *)scratch(L, (size_t)ni, sizeof(double));
  ex = (unsigned char *)scratch(L, (size_t)ni, 1);
  memset(ex, 0, (size_t)ni);
  /* item id -> index */
  lua_createtable(L, 0, (int)ni);
  IDX = lua_gettop(L);
  for (i = 1; i <= ni; i++) {
    const char *id;
    int top = lua_gettop(L);
    if (lua_geti(L, 1, i) != LUA_TTABLE)
      luaL_argerror(L, 1, lua_pushfstring(L, "item %I is a %s, expected a table",
                    (LUAI_UACINT)i, luaL_typename(L, -1)));
    lua_pop(L, 1);
    id = list_id(L, 1, i, "item");
    lua_pushvalue(L, -1);
    if (lua_rawget(L, IDX) != LUA_TNIL)
      luaL_argerror(L, 1, lua_pushfstring(L, "duplicate item '%s'", id));
    lua_pop(L, 1);
    lua_pushinteger(L, i);
    lua_rawset(L, IDX);  /* pops the id; id stays valid via the table */
    lua_geti(L, 1, i);
    w[i - 1] = item_level(L, 1, id, "credibility") * item_level(L, 1, id, "relevance");
    if (lua_getfield(L, -1, "ratings") != LUA_TTABLE)
      luaL_argerror(L, 1, lua_pushfstring(L, "item '%s': ratings must be a table, got %s",
                    id, luaL_typename(L, -1)));
    for (h = 1; h <= nh; h++) {
      int t = lua_geti(L, -1, h), code;
      if (t == LUA_TNIL) {  /* not an array: keyed by hypothesis id */
        lua_pop(L, 1);
        lua_geti(L, 2, h);
        if (lua_type(L, -1) == LUA_TTABLE) {
          lua_getfield(L, -1, "id");
          lua_remove(L, -2);
        }
        lua_gettable(L, -2);
        t = lua_type(L, -1);
      }
      code = t == LUA_TNIL ? SINORUS_ACH_NA
             : (t == LUA_TSTRING ? rating_code(lua_tostring(L, -1)) : -1);
      if (code < 0) {
        const char *v = luaL_tolstring(L, -1, NULL);
        const char *hid = list_id(L, 2, h, "hypothesis");
        luaL_argerror(L, 1, lua_pushfstring(L, "item '%s': unknown rating '%s' for "
                      "hypothesis '%s' (expected CC, C, N, I, II or NA)", id, v, hid));
      }
      m[(size_t)(i - 1) * (size_t)nh + (size_t)(h - 1)] = (unsigned char)code;
      lua_pop(L, 1);
    }
    /* ratings keyed by an unknown hypothesis id are an error */
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      lua_pop(L, 1);
      if (lua_type(L, -1) == LUA_TSTRING) {
        lua_pushvalue(L, -1);
        if (lua_rawget(L, HIDX) == LUA_TNIL)
          luaL_argerror(L, 1, lua_pushfstring(L, "item '%s': unknown hypothesis '%s'",
                        id, lua_tostring(L, -2)));
        lua_pop(L, 1);
      }
    }
    lua_settop(L, top);
  }
  /* options: weights by item id, exclusions (a list or a set of ids) */
  if (!lua_isnil(L, 3)) {
    sn_ach_weights(L, 3, IDX, w);
    if (lua_getfield(L, 3, "exclude") != LUA_TNIL) {
      luaL_argcheck(L, lua_istable(L, -1), 3, "'exclude' must be a table");
      lua_pushnil(L);
      while (lua_next(L, -2)) {
        /* list: {id, ...}; set: {[id] = true} */
        int list = lua_type(L, -2) == LUA_TNUMBER;
        if (!list && !lua_toboolean(L, -1)) { lua_pop(L, 1); continue; }
        if (!list) lua_pushvalue(L, -2); else lua_pushvalue(L, -1);
        if (lua_rawget(L, IDX) != LUA_TNUMBER)
          luaL_argerror(L, 3, lua_pushfstring(L, "unknown item '%s' in exclude",
                        luaL_tolstring(L, list ? -2 : -3, NULL)));
        ex[lua_tointeger(L, -1) - 1] = 1;
        lua_pop(L, 2);
      }
    }
    lua_pop(L, 1);
  }
  score = (double *)scratch(L, (size_t)nh, sizeof(double));
  rank = (size_t *)scratch(L, (size_t)nh, sizeof(size_t));
  diag = (double *)scratch(L, (size_t)ni, sizeof(double));
  bydiag = (size_t *)scratch(L, (size_t)ni, sizeof(size_t));
  piv = (unsigned char *)scratch(L, (size_t)ni, 1);
  r.score = score; r.rank = rank; r.diagnosticity = diag;
  r.by_diagnosticity = bydiag; r.pivotal = piv;
  if (sinorus_ach(m, (size_t)ni, (size_t)nh, w, ex, &r) != SINORUS_OK)
    return luaL_error(L, "ach: invalid input");
  /* the result */
  lua_createtable(L, 0, 4);
  list_id(L, 2, (lua_Integer)rank[0] + 1, "hypothesis");
  lua_setfield(L, -2, "top");
  lua_createtable(L, (int)nh, 0);
  for (h = 0; h < nh; h++) {
    lua_createtable(L, 0, 3);
    list_id(L, 2, (lua_Integer)rank[h] + 1, "hypothesis");
    lua_setfield(L, -2, "hypothesis");
    lua_pushnumber(L, score[rank[h]]);
    lua_setfield(L, -2, "score");
    lua_pushinteger(L, h + 1);
    lua_setfield(L, -2, "rank");
    lua_rawseti(L, -2, h + 1);
  }
  lua_setfield(L, -2, "hypotheses");
  lua_createtable(L, (int)ni, 0);
  for (i = 0; i < ni; i++) {
    size_t k = bydiag[i];
    lua_createtable(L, 0, 4);
    list_id(L, 1, (lua_Integer)k + 1, "item");
    lua_setfield(L, -2, "item");
    lua_pushnumber(L, diag[k]);
    lua_setfield(L, -2, "diagnosticity");
    lua_pushnumber(L, w[k]);
    lua_setfield(L, -2, "weight");
    lua_pushboolean(L, ex[k]);
    lua_setfield(L, -2, "excluded");
    lua_pushboolean(L, piv[k]);
    lua_setfield(L, -2, "pivotal");
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "evidence");
  lua_newtable(L);
  for (i = 0, h = 0; i < ni; i++) {
    if (!piv[i]) continue;
    list_id(L, 1, i + 1, "item");
    lua_rawseti(L, -2, ++h);
  }
  lua_setfield(L, -2, "pivotal");
  return 1;
}


static const luaL_Reg funcs[] = {
  { "estimate", l_estimate },
  { "hedges", l_hedges },
  { "pool", l_pool },
  { "decay", l_decay },
  { "alignment", l_alignment },
  { "sensitivity", l_sensitivity },
  { "simulate", l_simulate },
  { "ach", l_ach },
  { NULL, NULL }
};

/* Adds the functions of this file to the table on top of the stack. */
void sn_lua_weight (lua_State *L) {
  luaL_setfuncs(L, funcs, 0);
}
