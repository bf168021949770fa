-- sinorus.weight: estimative language and the weighting functions.
--
-- Module functions (implemented in C, csrc/sn_estimate.c and sn_weight.c):
--   sinorus.estimate(term [, scale]), sinorus.hedges(text [, scale]),
--   sinorus.pool(ps [, weights] [, method]), sinorus.decay(age, half_life)
-- Knowledge-base methods (this file reads the KB, the C core computes):
--   kb:alignment{horizon, pressure, weights}
--   kb:sensitivity{horizon, pressure, weights}
--   kb:simulate{n, seed, horizon, pressure, weights}
--   kb:ach{weights, exclude}
-- doc/weighting.md and doc/estimative.md give the models and the rules.
--
-- Returns { methods = KB methods, module = module functions }; init.lua
-- copies them into sinorus.KB and the module table.

local core = require "sinorus.core"

local HORIZONS = { short = true, long = true }
local DEFAULT_HORIZON = "long"
local DEFAULT_PRESSURE = 0.5
local MAX_DRAWS = 100000000

local util = require "sinorus.util"
local store = require "sinorus.store"
local score = require("sinorus.score").module

-- What this module adds: methods of sinorus.KB and functions of the
-- module table (init.lua copies both in).
local KB, M = {}, {}

do
  local argerror = util.argerror

  -- -------------------------------------------------------------------
  -- Module functions

  local EST_COLS = { "term", "scale", "band", "p_low", "p_high", "p_mid" }
  local HEDGE_COLS = { "text", "start", "stop", "band", "p_low", "p_high" }

  --- The probability band of an estimative term, or nil, message.
  function M.estimate(...)
    local r, msg = core.estimate(...)
    if not r then return r, msg end
    return util.record(r, "sinorus.Estimate", EST_COLS)
  end

  --- The estimative expressions in a text, with 1-based inclusive offsets.
  function M.hedges(...)
    local list = core.hedges(...)
    for i = 1, #list do util.record(list[i], "sinorus.Hedge", HEDGE_COLS) end
    return util.list(list, HEDGE_COLS, "sinorus.Hedges")
  end

  M.pool = core.pool
  M.decay = core.decay

  -- -------------------------------------------------------------------
  -- Reading the model from a KB

  local function fmt(x)
    if math.type(x) == "float" then return string.format("%.4g", x) end
    return tostring(x)
  end

  -- Checks a weights option (id -> weight) of fname: a table whose ids are
  -- all in known (what names their kind), each weight passing bad(id, w),
  -- which returns the message of a bad one; ids are checked in sorted order.
  local function check_weights(fname, weights, known, what, bad)
    if type(weights) ~= "table" then
      argerror(fname, 1, "weights must be a table, got " .. util.typename(weights), 4)
    end
    local ids = {}
    for id in pairs(weights) do ids[#ids + 1] = tostring(id) end
    table.sort(ids)
    for _, id in ipairs(ids) do
      if not known[id] then
        argerror(fname, 1, string.format("unknown %s '%s' in weights", what, id), 4)
      end
      local msg = bad(id, weights[id])
      if msg then argerror(fname, 1, msg, 4) end
    end
  end

  local function check_horizon(fname, h)
    if h == nil then return DEFAULT_HORIZON end
    if not HORIZONS[h] then
      argerror(fname, 1, string.format("horizon must be 'short' or 'long', got %s",
               type(h) == "string" and "'" .. h .. "'" or util.typename(h)), 3)
    end
    return h
  end

  local function check_pressure(fname, p)
    if p == nil then return DEFAULT_PRESSURE end
    if type(p) ~= "number" then
      argerror(fname, 1, "pressure must be a number, got " .. util.typename(p), 3)
    end
    if not (p >= 0 and p <= 1) then
      argerror(fname, 1, string.format("pressure %s is outside [0, 1]",
               p ~= p and "nan" or fmt(p)), 3)
    end
    return p
  end

  -- All factors, in id order, as rows of the factor table.
  local function all_factors(kb)
    return kb:sql([[SELECT id, name, kind, domain, horizon, weight, w_low, w_high,
                           coupling FROM factor ORDER BY id]])
  end

  --[[
  The factors of a horizon (its own and those of horizon 'both') as the
  core takes them, with weight overrides applied. An override outside a
  factor's range widens the range to include it.
  ]]
  local function model(kb, fname, opts)
    local horizon = check_horizon(fname, opts.horizon)
    local pressure = check_pressure(fname, opts.pressure)
    local rows = all_factors(kb)
    local weights = opts.weights
    if weights ~= nil then
      local known = {}
      for _, r in ipairs(rows) do known[r.id] = true end
      check_weights(fname, weights, known, "factor", function(id, w)
        if type(w) ~= "number" then
          return string.format("weight of factor '%s' must be a number, got %s",
                               id, util.typename(w))
        elseif not (w >= 0 and w <= 1) then
          return string.format("weight %s of factor '%s' is outside [0, 1]",
                               w ~= w and "nan" or fmt(w), id)
        end
      end)
    end
    local factors = {}
    for _, r in ipairs(rows) do
      if r.horizon == horizon or r.horizon == "both" then
        local w = weights and weights[r.id] or r.weight
        factors[#factors + 1] = {
          id = r.id, name = r.name, kind = r.kind, domain = r.domain,
          sign = r.kind == "driver" and 1 or -1,
          weight = w, low = math.min(r.w_low, w), high = math.max(r.w_high, w),
          coupling = r.coupling,
        }
      end
    end
    return factors, horizon, pressure
  end

  -- -------------------------------------------------------------------
  -- Printing

  -- Bars under a printed table, drawn by the chart module's text_bars in
  -- the style standard output allows (block characters on a UTF-8
  -- terminal, ASCII otherwise); rows {{name, value}} or {{name, lo, hi}}.
  local function bars(heading, rows, base)
    local chart = require("sinorus.chart").chart
    local o = chart.text_style()
    o.base = base
    return "\n\n" .. heading .. "\n" .. chart.text_bars(rows, o):gsub("\n$", "")
  end

  local CONTRIB_COLS = { "factor", "kind", "weight", "effective", "value" }
  local Alignment = { __name = "sinorus.Alignment" }
  Alignment.__tostring = function(a)
    local rows = {}
    for i, c in ipairs(a.contributions) do rows[i] = { c.name or c.factor, c.value } end
    return string.format("alignment index %s (horizon %s, pressure %s)\n",
                         fmt(a.index), a.horizon, fmt(a.pressure))
           .. util.render(a.contributions, CONTRIB_COLS, math.huge)
           .. bars("contributions (right: towards alignment)", rows)
  end

  local SENS_COLS = { "factor", "kind", "w_low", "weight", "w_high", "low", "high",
                      "swing" }
  local function rows_of(s)
    local rows = {}
    for i, r in ipairs(s) do rows[i] = { r.name or r.factor, r.low, r.high } end
    return rows
  end
  local Sensitivity = { __name = "sinorus.Sensitivity" }
  Sensitivity.__tostring = function(s)
    return string.format("index %s at pressure %s (horizon %s); "
                         .. "d index / d pressure = %s\n",
                         fmt(s.index), fmt(s.pressure), s.horizon, fmt(s.dpressure))
           .. util.render(s, SENS_COLS, math.huge)
           .. bars("tornado: the index as each weight runs from w_low to w_high", rows_of(s),
                   s.index)
  end

  -- A histogram as text bars: one row per bin, its range and share of draws.
  local function histogram_bars(h)
    local rows, n = {}, 0
    for _, c in ipairs(h.counts) do n = n + c end
    for i, c in ipairs(h.counts) do
      local a = h.lo + (i - 1) * h.width
      rows[i] = { string.format("%+.3f to %+.3f", a, i == #h.counts and h.hi or a + h.width),
                  c / n }
    end
    return bars("histogram: the share of draws in each bin", rows)
  end

  local Simulation = { __name = "sinorus.Simulation" }
  Simulation.__tostring = function(s)
    local q = s.quantiles
    return table.concat({
      string.format("simulation: %d draws, seed %s, horizon %s, pressure %s",
                    s.n, tostring(s.seed), s.horizon, fmt(s.pressure)),
      string.format("mean %s  sd %s  P(index > 0) %s", fmt(s.mean), fmt(s.sd),
                    fmt(s.p_positive)),
      string.format("min %s  q05 %s  q25 %s  median %s  q75 %s  q95 %s  max %s",
                    fmt(s.min), fmt(q[0.05]), fmt(q[0.25]), fmt(q[0.5]), fmt(q[0.75]),
                    fmt(q[0.95]), fmt(s.max)),
    }, "\n") .. (s.histogram and histogram_bars(s.histogram) or "")
  end

  local HYP_COLS = { "rank", "hypothesis", "score", "text" }
  local EV_COLS = { "item", "diagnosticity", "weight", "pivotal", "text" }
  local Ach = { __name = "sinorus.ACH" }
  Ach.__tostring = function(r)
    local piv = #r.pivotal > 0 and table.concat(r.pivotal, ", ") or "(none)"
    return table.concat({
      "hypotheses, least inconsistent first (top: " .. tostring(r.top) .. ")",
      util.render(r.hypotheses, HYP_COLS, math.huge),
      "",
      "evidence by diagnosticity",
      util.render(r.evidence, EV_COLS),
      "",
      "pivotal items (removing one alone changes the top hypothesis): " .. piv,
    }, "\n")
  end

  -- -------------------------------------------------------------------
  -- Methods

  local MODEL_KEYS = { "horizon", "pressure", "weights" }

  --- The alignment index of a horizon with each factor's contribution.
  function KB:alignment(opts)
    opts = util.check_opts("alignment", 1, opts, MODEL_KEYS)
    local factors, horizon, pressure = model(self, "alignment", opts)
    local r = core.alignment(factors, pressure)
    local contributions = {}
    for i, c in ipairs(r.contributions) do
      local f = factors[i]
      contributions[i] = {
        factor = f.id, name = f.name, kind = f.kind, sign = f.sign,
        weight = f.weight, coupling = f.coupling,
        effective = f.weight * (1 + f.coupling * (2 * pressure - 1)),
        value = c.value,
      }
    end
    -- largest contributions first; ties by id
    table.sort(contributions, function(a, b)
      local x, y = math.abs(a.value), math.abs(b.value)
      if x ~= y then return x > y end
      return a.factor < b.factor
    end)
    util.list(contributions, CONTRIB_COLS, "sinorus.Contributions")
    return setmetatable({ index = r.index, horizon = horizon, pressure = pressure,
                          contributions = contributions }, Alignment)
  end

  --- A tornado table: the index at each weight's low and high end.
  function KB:sensitivity(opts)
    opts = util.check_opts("sensitivity", 1, opts, MODEL_KEYS)
    local factors, horizon, pressure = model(self, "sensitivity", opts)
    local byid = {}
    for _, f in ipairs(factors) do byid[f.id] = f end
    local s = core.sensitivity(factors, pressure)
    for _, row in ipairs(s) do
      local f = byid[row.factor]
      row.name, row.kind = f.name, f.kind
    end
    s.horizon = horizon
    return setmetatable(s, Sensitivity)
  end

  local SIM_KEYS = { "n", "seed", "horizon", "pressure", "weights", "bins" }
  local MAX_BINS = 1000

  --- Monte Carlo over the weights' ranges (triangular around the defaults).
  function KB:simulate(opts)
    opts = util.check_opts("simulate", 1, opts, SIM_KEYS)
    local n, seed = opts.n, opts.seed
    if n == nil then n = 10000 end
    if math.type(n) == "float" and n == math.floor(n) and n >= 1 and n <= MAX_DRAWS then
      n = math.tointeger(n)
    end
    if math.type(n) ~= "integer" or n < 1 or n > MAX_DRAWS then
      argerror("simulate", 1, string.format("n must be an integer in [1, %d], got %s",
               MAX_DRAWS, type(n) == "number" and fmt(n) or util.typename(n)))
    end
    if seed == nil then seed = 1 end
    if math.type(seed) == "float" and seed == math.floor(seed) then
      seed = math.tointeger(seed) or seed
    end
    if math.type(seed) ~= "integer" then
      argerror("simulate", 1, string.format("seed must be an integer, got %s",
               type(seed) == "number" and fmt(seed) or util.typename(seed)))
    end
    local bins = opts.bins
    if bins ~= nil then
      local b = math.type(bins) == "float" and math.tointeger(bins) or bins
      if math.type(b) ~= "integer" or b < 1 or b > MAX_BINS then
        argerror("simulate", 1, string.format("bins must be an integer in [1, %d], got %s",
                 MAX_BINS, type(bins) == "number" and fmt(bins) or util.typename(bins)))
      end
      bins = b
    end
    local factors, horizon, pressure = model(self, "simulate", opts)
    local r = core.simulate(factors, { n = n, seed = seed, pressure = pressure, bins = bins })
    r.horizon = horizon
    return setmetatable(r, Simulation)
  end

  local ACH_KEYS = { "weights", "exclude", "question", "as_of" }

  -- The question whose matrix kb:ach weighs: opts.question, else the only
  -- one (nil when the KB has none).
  local function ach_question(kb, q, fname)
    fname = fname or "ach"
    local ids = {}
    for i, r in ipairs(kb:sql("SELECT id FROM question ORDER BY ord, id")) do ids[i] = r.id end
    if q == nil then
      if #ids > 1 then
        argerror(fname, 1, "the knowledge base has several questions (" ..
                 table.concat(ids, ", ") .. "); choose one with 'question'", 3)
      end
      return ids[1]
    end
    if type(q) ~= "string" then
      argerror(fname, 1, "'question' must be a string, got " .. util.typename(q), 3)
    end
    for _, id in ipairs(ids) do if id == q then return q end end
    argerror(fname, 1, string.format("unknown question '%s'; questions: %s", q,
             #ids > 0 and table.concat(ids, ", ") or "none"), 3)
  end


  -- The weights and exclude options of kb:ach and kb:timeline, checked
  -- against the question's items (byid): weights as given, exclude as a set.
  local function item_opts(fname, opts, byid)
    local weights, exclude = opts.weights, opts.exclude
    if weights ~= nil then
      check_weights(fname, weights, byid, "item", function(id, w)
        if type(w) ~= "number" or not (w >= 0 and w < math.huge) then
          return string.format("weight of item '%s' must be a finite number >= 0, got %s",
                               id, type(w) == "number" and fmt(w) or util.typename(w))
        end
      end)
    end
    if exclude ~= nil then
      if type(exclude) ~= "table" then
        argerror(fname, 1, "exclude must be a table, got " .. util.typename(exclude))
      end
      local set = {}
      for k, v in pairs(exclude) do
        local id = math.type(k) == "integer" and v or (v and k or nil)
        if id ~= nil then
          if not byid[id] then
            argerror(fname, 1, string.format("unknown item '%s' in exclude", tostring(id)))
          end
          set[id] = true
        end
      end
      exclude = set
    end
    return weights, exclude
  end

  --- Each hypothesis's ACH score at each date where evidence of the question
  --- was added (sinorus.ach_timeline over its dated items): the row of date
  --- d is kb:ach{question, as_of = d, weights, exclude}. opts: question,
  --- weights and exclude (as kb:ach).
  function KB:timeline(opts)
    opts = util.check_opts("timeline", 1, opts, { "question", "weights", "exclude" })
    local question = ach_question(self, opts.question, "timeline")
    local hyps = {}
    for i, h in ipairs(self:hypotheses { question = question }) do hyps[i] = h.id end
    local all, byid = self:items { question = question }, {}
    for _, it in ipairs(all) do byid[it.id] = it end
    local weights, exclude = item_opts("timeline", opts, byid)
    local items, ratings = {}, {}
    for _, it in ipairs(all) do
      if it.date and not (exclude and exclude[it.id]) then
        items[#items + 1] = { id = it.id, date = it.date, credibility = it.credibility,
                              relevance = it.relevance }
        for _, h in ipairs(hyps) do
          ratings[#ratings + 1] = { item = it.id, hypothesis = h, rating = it.ratings[h] }
        end
      end
    end
    local r = score.ach_timeline(items, ratings, { hypotheses = hyps, weights = weights })
    r.question = question
    return r
  end

  --- Analysis of Competing Hypotheses over the matrix of one question.
  function KB:ach(opts)
    opts = util.check_opts("ach", 1, opts, ACH_KEYS)
    local question = ach_question(self, opts.question)
    local hyps = self:sql([[SELECT id, text FROM hypothesis
                           WHERE ?1 IS NULL OR question = ?1 ORDER BY ord, id]], question)
    local items = self:sql([[SELECT id, text, credibility, relevance FROM ach_item
                             WHERE ?1 IS NULL OR question = ?1 ORDER BY ord, id]], question)
    local ratings = self:sql("SELECT item, hypothesis, rating FROM rating")
    local byid, htext = {}, {}
    for _, it in ipairs(items) do
      it.ratings = {}
      byid[it.id] = it
    end
    for _, h in ipairs(hyps) do htext[h.id] = h.text end
    for _, r in ipairs(ratings) do
      local it = byid[r.item]
      if it and htext[r.hypothesis] then it.ratings[r.hypothesis] = r.rating end
    end
    local weights, exclude = item_opts("ach", opts, byid)
    if opts.as_of ~= nil then
      -- the matrix as it stood on as_of: the items dated on or before it
      -- (weights and exclude may name the later ones)
      store.check_as_of("ach", opts.as_of)
      local known = {}
      for _, it in ipairs(self:items { question = question, as_of = opts.as_of }) do
        known[it.id] = true
      end
      local kept = {}
      for _, it in ipairs(items) do if known[it.id] then kept[#kept + 1] = it end end
      items = kept
      local function only_known(t)
        if t == nil then return nil end
        local out = {}
        for id, v in pairs(t) do if known[id] then out[id] = v end end
        return out
      end
      weights, exclude = only_known(weights), only_known(exclude)
    end
    if #hyps == 0 then
      return setmetatable({ hypotheses = util.list({}, HYP_COLS), question = question,
                            evidence = util.list({}, EV_COLS), pivotal = {} }, Ach)
    end
    local r = core.ach(items, hyps, { weights = weights, exclude = exclude })
    r.question = question
    for _, h in ipairs(r.hypotheses) do h.text = htext[h.hypothesis] end
    for _, e in ipairs(r.evidence) do e.text = byid[e.item].text end
    util.list(r.hypotheses, HYP_COLS, "sinorus.Hypotheses")
    util.list(r.evidence, EV_COLS, "sinorus.Diagnosticity")
    return setmetatable(r, Ach)
  end
end

return { methods = KB, module = M }
