-- bench/score.lua: forecast scores, the ACH timeline and agreement in C
-- against straightforward Lua doing the same work in the same run.
--
--   scores:    100,000 synthetic forecasts (target >= 20x)
--   timeline:  1,000 items x 10 hypotheses on 1,000 dates (target >= 20x)
--   agreement: 5 coders x 20,000 units, ordinal, 10% missing
--
-- Both sides read the same Lua tables and build the same result tables,
-- and that traffic (measured alone for the scores) is most of either's
-- time: the arithmetic C saves is a small part of the whole.
--
-- Each figure is the per-call time over repeated calls: CPU time
-- (os.clock) and wall time (core.utc_now, millisecond resolution, over
-- runs of at least 0.3 s) side by side. The Lua and C results are checked
-- equal (floating sums taken in another order to 1e-12).
--
-- Run with `make bench`, or:
--   LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='build/?.so;;' lua5.4 bench/score.lua

local core = require "sinorus.core"
local sinorus = require "sinorus"

-- Wall-clock seconds since midnight UTC, to the millisecond.
local function wall()
  local h, m, s = core.utc_now():match("T(%d%d):(%d%d):(%d%d%.%d%d%d)Z$")
  return tonumber(h) * 3600 + tonumber(m) * 60 + tonumber(s)
end

-- Per-call CPU and wall seconds of f, repeated until 0.3 s of CPU time.
local function timed(f)
  local k, c0, w0 = 0, os.clock(), wall()
  repeat
    f()
    k = k + 1
  until os.clock() - c0 >= 0.3
  local w = wall() - w0
  if w < 0 then w = w + 86400 end   -- past midnight
  return (os.clock() - c0) / k, w / k
end

local state = 12345
local function rnd(k)   -- 1..k from the high bits, the same on every machine
  state = (state * 1103515245 + 12345) % 2147483648
  return state // 65536 % k + 1
end

-- ---------------------------------------------------------------------
-- Forecast scores in plain Lua (the formulas of doc/scoring.md)

local OUTCOME = { yes = 1, no = 0, partly = 0.5, not_yet = false, unresolvable = false }
local EPS = 0.001

-- The aggregates both plain-Lua baselines give after their loop: the
-- Murphy decomposition over the groups of equal forecasts, the calibration
-- table by band, and the means (os_: the scored outcomes).
local function lua_finish(t, os_)
  local m, groups = t.m, t.groups
  local base = t.so / m
  local rel, res, unc = 0, 0, 0
  for p, g in pairs(groups) do
    local ok = g[2] / g[1]
    rel = rel + g[1] * (p - ok) ^ 2
    res = res + g[1] * (ok - base) ^ 2
  end
  for k = 1, m do unc = unc + (os_[k] - base) ^ 2 end
  local cal = {}
  for _, c in ipairs(t.order) do
    cal[#cal + 1] = { band = c.band, n = c.n, mean_p = c.sp / c.n, observed = c.so / c.n }
  end
  table.sort(cal, function(a, b)
    if a.mean_p ~= b.mean_p then return a.mean_p < b.mean_p end
    return a.band < b.band
  end)
  return { scored = m, brier = t.sb / m, brier_min = t.sbmin / m, brier_max = t.sbmax / m,
           log = t.slog / m, base_rate = base, reliability = rel / m, resolution = res / m,
           uncertainty = unc / m, skill_half = 1 - t.sb / t.shalf,
           skill_base = 1 - (t.sb / m) / (unc / m), calibration = cal }
end

local function lua_scores(list)
  local per, bands, order = {}, {}, {}
  local m, sb, sbmin, sbmax, slog, so, shalf = 0, 0, 0, 0, 0, 0, 0
  local groups = {}
  for i = 1, #list do
    local f = list[i]
    local lo, hi, o = f.p_low, f.p_high, OUTCOME[f.outcome]
    if type(lo) ~= "number" or type(hi) ~= "number" or not (lo >= 0 and hi <= 1 and lo <= hi)
       or o == nil then
      error("bad forecast " .. i)
    end
    local p = lo + (hi - lo) / 2
    if not o then
      per[i] = { index = i, outcome = f.outcome, scored = false, p = p }
    else
      local b, bl, bh = (p - o) ^ 2, (lo - o) ^ 2, (hi - o) ^ 2
      local bmax = bl > bh and bl or bh
      local bmin = (lo <= o and o <= hi) and 0 or (bl < bh and bl or bh)
      local q = p < EPS and EPS or (p > 1 - EPS and 1 - EPS or p)
      local ls = 0
      if o > 0 then ls = ls - o * math.log(q, 2) end
      if o < 1 then ls = ls - (1 - o) * math.log(1 - q, 2) end
      per[i] = { index = i, outcome = f.outcome, scored = true, p = p, o = o, brier = b,
                 brier_min = bmin, brier_max = bmax, log = ls }
      m = m + 1
      sb, sbmin, sbmax, slog, so = sb + b, sbmin + bmin, sbmax + bmax, slog + ls, so + o
      shalf = shalf + (0.5 - o) ^ 2
      local label = f.band or string.format("%.6g-%.6g", lo, hi)
      local c = bands[label]
      if not c then
        c = { band = label, n = 0, sp = 0, so = 0 }
        bands[label] = c
        order[#order + 1] = c
      end
      c.n, c.sp, c.so = c.n + 1, c.sp + p, c.so + o
      local g = groups[p]
      if not g then g = { 0, 0 }; groups[p] = g end
      g[1], g[2] = g[1] + 1, g[2] + o
    end
  end
  local os_ = {}
  for i = 1, #per do
    if per[i].scored then os_[#os_ + 1] = per[i].o end
  end
  local r = lua_finish({ m = m, groups = groups, order = order, so = so, sb = sb, sbmin = sbmin,
                         sbmax = sbmax, slog = slog, shalf = shalf }, os_)
  r.forecasts = per
  return r
end

-- The aggregate scores over columns in plain Lua (what
-- sinorus.scores(columns, {rows = false}) gives): no per-forecast rows.
local function lua_scores_columns(cols)
  local lo_, hi_, out_, band_ = cols.p_low, cols.p_high, cols.outcome, cols.band
  local bands, order, groups = {}, {}, {}
  local m, sb, sbmin, sbmax, slog, so, shalf = 0, 0, 0, 0, 0, 0, 0
  local os_ = {}
  local log2 = math.log(2)
  for i = 1, #lo_ do
    local lo, hi, o = lo_[i], hi_[i], OUTCOME[out_[i]]
    if type(lo) ~= "number" or type(hi) ~= "number" or not (lo >= 0 and hi <= 1 and lo <= hi)
       or o == nil then
      error("bad forecast " .. i)
    end
    if o then
      local p = lo + (hi - lo) / 2
      local b, bl, bh = (p - o) ^ 2, (lo - o) ^ 2, (hi - o) ^ 2
      local bmax = bl > bh and bl or bh
      local bmin = (lo <= o and o <= hi) and 0 or (bl < bh and bl or bh)
      local q = p < EPS and EPS or (p > 1 - EPS and 1 - EPS or p)
      local ls = 0
      if o > 0 then ls = ls - o * math.log(q) / log2 end
      if o < 1 then ls = ls - (1 - o) * math.log(1 - q) / log2 end
      m = m + 1
      os_[m] = o
      sb, sbmin, sbmax, slog, so = sb + b, sbmin + bmin, sbmax + bmax, slog + ls, so + o
      shalf = shalf + (0.5 - o) ^ 2
      local label = band_ and band_[i] or string.format("%.6g-%.6g", lo, hi)
      local c = bands[label]
      if not c then
        c = { band = label, n = 0, sp = 0, so = 0 }
        bands[label] = c
        order[#order + 1] = c
      end
      c.n, c.sp, c.so = c.n + 1, c.sp + p, c.so + o
      local g = groups[p]
      if not g then g = { 0, 0 }; groups[p] = g end
      g[1], g[2] = g[1] + 1, g[2] + o
    end
  end
  return lua_finish({ m = m, groups = groups, order = order, so = so, sb = sb, sbmin = sbmin,
                      sbmax = sbmax, slog = slog, shalf = shalf }, os_)
end

-- The table traffic alone, which the C binding cannot avoid either: read
-- each forecast's fields and build its result row, no arithmetic.
local function io_scores(list)
  local per, seen = {}, {}
  for i = 1, #list do
    local f = list[i]
    local lo, hi, o = f.p_low, f.p_high, OUTCOME[f.outcome]
    seen[f.band or "?"] = true
    per[i] = { index = i, outcome = f.outcome, scored = o and true, p = lo, o = o,
               brier = hi, brier_min = lo, brier_max = hi, log = lo }
  end
  return per, seen
end

local function near(a, b)
  return a == b or math.abs(a - b) <= 1e-12 * math.max(1, math.abs(a))
end

-- ---------------------------------------------------------------------
-- The ACH timeline in plain Lua (the scoring of kb:ach)

local INCONS = { CC = 0, C = 0, N = 0, I = -1, II = -2, NA = 0 }
local LEVEL = { low = math.sqrt(0.5), medium = 1, high = math.sqrt(2) }

local function snap(x)
  local y = math.floor(x * 1e9 + 0.5) / 1e9
  return y == 0 and 0.0 or y
end

local function lua_timeline(items, ratings, hyps)
  local idx, hidx, m = {}, {}, {}
  for h, id in ipairs(hyps) do hidx[id] = h end
  local order = {}
  for i, it in ipairs(items) do
    idx[it.id] = i
    m[i] = {}
    order[i] = i
  end
  for _, r in ipairs(ratings) do
    m[idx[r.item]][hidx[r.hypothesis]] = INCONS[r.rating]
  end
  local key = {}
  for i, it in ipairs(items) do   -- full dates only in this benchmark
    local y, mo, d = it.date:match("^(%d+)-(%d+)-(%d+)$")
    key[i] = tonumber(y) * 10000 + tonumber(mo) * 100 + tonumber(d)
  end
  table.sort(order, function(a, b)
    if key[a] ~= key[b] then return key[a] < key[b] end
    return a < b
  end)
  local sum, rows = {}, {}
  for h = 1, #hyps do sum[h] = 0 end
  for n, i in ipairs(order) do
    local it, row = items[i], m[i]
    local w = LEVEL[it.credibility or "medium"] * LEVEL[it.relevance or "medium"]
    for h = 1, #hyps do sum[h] = sum[h] + (row[h] or 0) * w end
    if n == #order or key[order[n + 1]] ~= key[i] then
      local scores, rank = {}, {}
      local s = {}
      for h = 1, #hyps do s[h] = snap(sum[h]); scores[hyps[h]] = s[h]; rank[h] = h end
      table.sort(rank, function(a, b)
        if s[a] ~= s[b] then return s[a] > s[b] end
        return a < b
      end)
      for k = 1, #hyps do rank[k] = hyps[rank[k]] end
      rows[#rows + 1] = { date = it.date, items = n, scores = scores, ranking = rank,
                          top = rank[1] }
    end
  end
  return { hypotheses = hyps, rows = rows }
end

-- ---------------------------------------------------------------------
-- Krippendorff's alpha (ordinal) in plain Lua, with the coincidence
-- counts of each unit's pairs

local function lua_alpha_ordinal(coders, nunits)
  local counts, n = {}, 0
  local units = {}
  for u = 1, nunits do
    local vals = {}
    for c = 1, #coders do
      local v = coders[c][u]
      if v then vals[#vals + 1] = v end
    end
    if #vals >= 2 then
      units[#units + 1] = vals
      for _, v in ipairs(vals) do counts[v] = (counts[v] or 0) + 1 end
      n = n + #vals
    end
  end
  local values = {}
  for v in pairs(counts) do values[#values + 1] = v end
  table.sort(values)
  local mid, below = {}, 0
  for _, v in ipairs(values) do
    mid[v] = below + counts[v] / 2
    below = below + counts[v]
  end
  local dsum = 0
  for _, vals in ipairs(units) do
    local s = 0
    for i = 1, #vals do
      for j = 1, #vals do
        if i ~= j then s = s + (mid[vals[i]] - mid[vals[j]]) ^ 2 end
      end
    end
    dsum = dsum + s / (#vals - 1)
  end
  local esum = 0
  for _, a in ipairs(values) do
    for _, b in ipairs(values) do
      esum = esum + counts[a] * counts[b] * (mid[a] - mid[b]) ^ 2
    end
  end
  return 1 - (dsum / n) / (esum / (n * (n - 1)))
end

-- ---------------------------------------------------------------------

local rows = {}
local function row(name, cpu, wl, note)
  rows[#rows + 1] = { name, cpu and string.format("%.2f", cpu * 1000) or "",
                      wl and string.format("%.2f", wl * 1000) or "", note or "" }
end
local function ratio(name, c_cpu, l_cpu, c_wall, l_wall, target, same)
  local r = l_cpu / c_cpu
  rows[#rows + 1] = { name, string.format("%.1fx", r), string.format("%.1fx", l_wall / c_wall),
                      (target and (r >= target and "target >= " .. target .. "x: met"
                                   or "target >= " .. target .. "x: NOT MET") or "")
                      .. (same and "; results equal" or "; RESULTS DIFFER") }
end

-- scores
do
  local N = 100000
  local BANDS = { { "remote", 0.01, 0.05 }, { "very unlikely", 0.05, 0.20 },
                  { "unlikely", 0.20, 0.45 }, { "even chance", 0.45, 0.55 },
                  { "likely", 0.55, 0.80 }, { "very likely", 0.80, 0.95 },
                  { "almost certain", 0.95, 0.99 } }
  local OUT = { "yes", "no", "partly", "not_yet", "unresolvable", "yes", "no" }
  local list = {}
  for i = 1, N do
    local b = BANDS[rnd(#BANDS)]
    list[i] = { p_low = b[2], p_high = b[3], band = b[1], outcome = OUT[rnd(#OUT)] }
  end
  local c, l
  local c_cpu, c_wall = timed(function() c = sinorus.scores(list) end)
  local l_cpu, l_wall = timed(function() l = lua_scores(list) end)
  local same = c.scored == l.scored
  for _, k in ipairs { "brier", "brier_min", "brier_max", "log", "base_rate", "reliability",
                       "resolution", "uncertainty", "skill_half", "skill_base" } do
    same = same and near(c[k], l[k])
  end
  for i = 1, N, 997 do
    same = same and c.forecasts[i].brier == l.forecasts[i].brier
      and c.forecasts[i].log == l.forecasts[i].log
  end
  for i, cal in ipairs(c.calibration) do
    same = same and cal.band == l.calibration[i].band and cal.n == l.calibration[i].n
  end
  local f_cpu, f_wall = timed(function() io_scores(list) end)
  row("scores: 100,000 forecasts, C", c_cpu, c_wall)
  row("scores: plain Lua", l_cpu, l_wall)
  row("scores: Lua table traffic alone (read inputs, build rows)", f_cpu, f_wall,
      "the floor both pay")
  ratio("scores: ratio Lua / C", c_cpu, l_cpu, c_wall, l_wall, nil, same)

  -- the same forecasts as columns, aggregates only ({rows = false})
  local cols = { p_low = {}, p_high = {}, outcome = {}, band = {} }
  for i, f in ipairs(list) do
    cols.p_low[i], cols.p_high[i], cols.outcome[i], cols.band[i] = f.p_low, f.p_high,
      f.outcome, f.band
  end
  local cc, lc
  local cc_cpu, cc_wall = timed(function() cc = sinorus.scores(cols, { rows = false }) end)
  local lc_cpu, lc_wall = timed(function() lc = lua_scores_columns(cols) end)
  local same_c = cc.scored == lc.scored and #cc.forecasts == 0
  for _, k in ipairs { "brier", "brier_min", "brier_max", "log", "base_rate", "reliability",
                       "resolution", "uncertainty", "skill_half", "skill_base" } do
    same_c = same_c and near(cc[k], lc[k]) and near(cc[k], c[k])
  end
  for i, cal in ipairs(cc.calibration) do
    same_c = same_c and cal.band == lc.calibration[i].band and cal.n == lc.calibration[i].n
  end
  row("scores: 100,000 as columns, aggregates only, C", cc_cpu, cc_wall)
  row("scores: as columns, aggregates only, plain Lua", lc_cpu, lc_wall)
  ratio("scores: columns ratio Lua / C", cc_cpu, lc_cpu, cc_wall, lc_wall, 20, same_c)
end

-- timeline
do
  local NI, NH = 1000, 10
  local CODES = { "CC", "C", "N", "I", "II", "NA" }
  local LEVELS = { "low", "medium", "high" }
  local items, ratings, hyps = {}, {}, {}
  for h = 1, NH do hyps[h] = "h" .. h end
  for i = 1, NI do
    local day = 18262 + i * 2   -- days since 1970: from 2020-01-03, every other day
    local date = os.date("!%Y-%m-%d", day * 86400)
    items[i] = { id = "e" .. i, date = date, credibility = LEVELS[rnd(3)],
                 relevance = LEVELS[rnd(3)] }
    for h = 1, NH do
      ratings[#ratings + 1] = { item = "e" .. i, hypothesis = hyps[h], rating = CODES[rnd(6)] }
    end
  end
  local c, l
  local c_cpu, c_wall = timed(function()
    c = sinorus.ach_timeline(items, ratings, { hypotheses = hyps })
  end)
  local l_cpu, l_wall = timed(function() l = lua_timeline(items, ratings, hyps) end)
  local same = #c.rows == #l.rows
  for r = 1, #c.rows do
    local a, b = c.rows[r], l.rows[r]
    same = same and a.date == b.date and a.items == b.items and a.top == b.top
    for h = 1, NH do
      same = same and a.scores[hyps[h]] == b.scores[hyps[h]] and a.ranking[h] == b.ranking[h]
    end
  end
  row("timeline: 1,000 items x 10 hypotheses, C", c_cpu, c_wall)
  row("timeline: plain Lua", l_cpu, l_wall)
  ratio("timeline: ratio Lua / C", c_cpu, l_cpu, c_wall, l_wall, 20, same)
end

-- agreement
do
  local NC, NU = 5, 20000
  local coders = {}
  for c = 1, NC do
    local t = {}
    for u = 1, NU do
      local truth = u % 5 + 1
      if rnd(10) == 1 then
        t[u] = false                       -- missing
      else
        t[u] = rnd(4) == 1 and rnd(5) or truth
      end
    end
    coders[c] = t
  end
  local c, l
  local c_cpu, c_wall = timed(function() c = sinorus.agreement(coders, { level = "ordinal" }) end)
  local l_cpu, l_wall = timed(function() l = lua_alpha_ordinal(coders, NU) end)
  row("agreement: 5 x 20,000 ordinal, C", c_cpu, c_wall, string.format("alpha %.4f", c.alpha))
  row("agreement: plain Lua", l_cpu, l_wall, string.format("alpha %.4f", l))
  ratio("agreement: ratio Lua / C", c_cpu, l_cpu, c_wall, l_wall, nil,
        math.abs(c.alpha - l) <= 1e-12)
end

local head = { "", "CPU ms", "wall ms", "" }
local w = { 0, 0, 0, 0 }
for _, r in ipairs(rows) do
  for j = 1, 4 do w[j] = math.max(w[j], #r[j], #head[j]) end
end
table.insert(rows, 1, head)
for _, r in ipairs(rows) do
  print(string.format("%-" .. w[1] .. "s  %" .. w[2] .. "s  %" .. w[3] .. "s  %s",
                      r[1], r[2], r[3], r[4]))
end
