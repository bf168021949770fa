-- sinorus.score: forecast scores, the ACH timeline, agreement between
-- coders and event series: pure functions over plain tables, for the
-- knowledge-base methods to call on records.
--
-- Module functions (the first three in C, csrc/sn_score.c, sn_agree.c):
--   sinorus.scores(forecasts [, {partly}])
--   sinorus.ach_timeline(items, ratings [, {weights, hypotheses}])
--   sinorus.agreement(coders [, {level}])
--   sinorus.series(values [, {by}])
-- doc/scoring.md gives every formula and rule.
--
-- Returns { methods = {}, module = M } like the other extensions (init.lua).

local core = require "sinorus.core"

-- Periods of a series: the label of the period a day key falls in, and
-- the precision (a date's length) a date needs to be placed in one.
local PERIODS = {
  month = { len = 7, label = function(y, m) return string.format("%04d-%02d", y, m) end,
            step = 1 },
  quarter = { len = 7, label = function(y, m) return string.format("%04d-Q%d", y, (m + 2) // 3) end,
              step = 3 },
  year = { len = 4, label = function(y) return string.format("%04d", y) end, step = 12 },
}
local PERIOD_NAMES = "'month', 'quarter' or 'year'"

local util = require "sinorus.util"
local M = {}

do
  local argerror = util.argerror

  local FORECAST_COLS = { "index", "outcome", "p", "o", "brier", "brier_min", "brier_max",
                          "log" }
  local CAL_COLS = { "band", "n", "mean_p", "observed" }
  local SUMMARY_COLS = { "n", "scored", "yes", "no", "partly", "not_yet", "unresolvable",
                         "partly_rule", "brier", "brier_min", "brier_max", "log",
                         "base_rate", "reliability", "resolution", "uncertainty", "groups",
                         "skill_half", "skill_base" }

  --- Brier and log scores, calibration, Murphy decomposition and skill.
  function M.scores(forecasts, opts)
    local r = core.scores(forecasts, opts)
    util.list(r.forecasts, FORECAST_COLS, "sinorus.ForecastScores")
    util.list(r.calibration, CAL_COLS, "sinorus.Calibration")
    return util.record(r, "sinorus.Scores", SUMMARY_COLS)
  end

  local ROW_COLS = { "date", "items", "top" }

  --- Each hypothesis's ACH score at each date where evidence is added.
  function M.ach_timeline(items, ratings, opts)
    local r = core.ach_timeline(items, ratings, opts)
    util.list(r.rows, ROW_COLS, "sinorus.Timeline")
    return r
  end

  local AGREE_COLS = { "level", "coders", "units", "pairable_units", "pairable", "alpha",
                       "kappa", "kappa_units", "percent", "observed", "expected" }

  --- Krippendorff's alpha, Cohen's kappa and percent agreement.
  function M.agreement(coders, opts)
    return util.record(core.agreement(coders, opts), "sinorus.Agreement", AGREE_COLS)
  end

  local SERIES_COLS = { "period", "count", "sum", "mean" }

  --- Dated values bucketed by month, quarter or year: count, sum, mean.
  function M.series(values, opts)
    util.check_type("series", 1, values, "table")
    opts = util.check_opts("series", 2, opts, { "by" })
    local by = opts.by or "month"
    local period = PERIODS[by]
    if not period then
      argerror("series", 2, string.format("by must be %s, got %s", PERIOD_NAMES,
               type(by) == "string" and "'" .. by .. "'" or util.typename(by)))
    end
    local buckets, keys, unplaced = {}, {}, 0
    for i = 1, #values do
      local v = values[i]
      if type(v) ~= "table" then
        argerror("series", 1, string.format("item %d: table expected, got %s", i,
                 util.typename(v)))
      end
      local d, x = v.date, v.value
      local key = type(d) == "string" and core.day_key(d)
      if not key then
        argerror("series", 1, string.format("item %d: date must be YYYY, YYYY-MM or "
                 .. "YYYY-MM-DD, got %s", i, type(d) == "string" and "'" .. d .. "'"
                 or util.typename(d)))
      end
      if x ~= nil and (type(x) ~= "number" or x - x ~= 0) then
        argerror("series", 1, string.format("item %d: value must be a finite number or "
                 .. "nil, got %s", i, type(x) == "number" and tostring(x)
                 or util.typename(x)))
      end
      if #d < period.len then
        unplaced = unplaced + 1
      else
        -- months counted from year 0, on the period's grid
        local m = (key // 10000) * 12 + (key // 100 % 100) - 1
        m = m - m % period.step
        local b = buckets[m]
        if not b then
          b = { count = 0, sum = 0, values = 0 }
          buckets[m] = b
          keys[#keys + 1] = m
        end
        b.count = b.count + 1
        if x ~= nil then b.sum, b.values = b.sum + x, b.values + 1 end
      end
    end
    table.sort(keys)
    local out = {}
    if #keys > 0 then
      for m = keys[1], keys[#keys], period.step do
        local b = buckets[m] or { count = 0, sum = 0, values = 0 }
        out[#out + 1] = { period = period.label(m // 12, m % 12 + 1), count = b.count,
                          sum = b.sum, mean = b.values > 0 and b.sum / b.values or nil }
      end
    end
    util.list(out, SERIES_COLS, "sinorus.Series")
    out.by, out.unplaced = by, unplaced
    return out
  end
end

return { methods = {}, module = M }
