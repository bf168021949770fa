-- bench/weight.lua: the weighting functions against straightforward Lua.
--
--   simulate: 10^6 draws of the alignment model through the C core
--             (kb:simulate on the built-in KB when it has factors) against
--             the same model written plainly in Lua below (target >= 50x)
--   ach:      a synthetic 1,000 x 50 matrix (target < 10 ms)
--
-- Run with `make bench`, or:
--   LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='build/?.so;;' lua5.4 bench/weight.lua

local core = require "sinorus.core"

local DRAWS = 1000000
local clock = os.clock

-- The best of k runs of f, in seconds.
local function best(k, f)
  local t = math.huge
  for _ = 1, k do
    local t0 = clock()
    f()
    local dt = clock() - t0
    if dt < t then t = dt end
  end
  return t
end

-- ---------------------------------------------------------------------
-- The model's factors: the built-in KB's long horizon, or a synthetic set

local kb, factors, source
do
  local ok, sinorus = pcall(require, "sinorus")
  if ok then
    local ok2, k = pcall(sinorus.open)
    if ok2 and k and k.simulate and #k:sql("SELECT id FROM factor") > 0 then
      kb = k
      factors = {}
      for _, r in ipairs(kb:sql([[SELECT id, kind, weight, w_low, w_high, coupling
                                  FROM factor WHERE horizon IN ('long', 'both')
                                  ORDER BY id]])) do
        factors[#factors + 1] = { id = r.id, sign = r.kind == "driver" and 1 or -1,
                                  weight = r.weight, low = r.w_low, high = r.w_high,
                                  coupling = r.coupling }
      end
      source = string.format("built-in KB, long horizon, %d factors", #factors)
    end
  end
end
if not factors then
  factors = {}
  for i = 1, 16 do
    local w = 0.3 + (i % 5) * 0.1
    factors[i] = { id = "f" .. i, sign = i % 3 == 0 and -1 or 1, weight = w,
                   low = w - 0.15, high = w + 0.15, coupling = (i % 7 - 3) / 4 }
  end
  source = string.format("synthetic, %d factors", #factors)
end

-- ---------------------------------------------------------------------
-- The same model in plain Lua (bench/simlua.lua): its numbers must equal
-- the C core's bit for bit (checked below).

local lua_simulate = require "bench.simlua"

local rows = {}
local function row(name, value, unit, note)
  rows[#rows + 1] = { name, value, unit, note or "" }
end

-- C
local c_result
local c_time = best(3, function()
  if kb then
    c_result = kb:simulate{ n = DRAWS, seed = 7, horizon = "long" }
  else
    c_result = core.simulate(factors, { n = DRAWS, seed = 7 })
  end
end)
-- Lua (one run each: they are slow)
local lua_result, rnd_result
local lua_time = best(1, function() lua_result = lua_simulate(factors, DRAWS, 7, 0.5) end)
local rnd_time = best(1, function()
  rnd_result = lua_simulate(factors, DRAWS, 7, 0.5, "math.random")
end)
local same = lua_result.mean == c_result.mean and lua_result.sd == c_result.sd
  and lua_result.p_positive == c_result.p_positive
for _, p in ipairs { 0.05, 0.25, 0.5, 0.75, 0.95 } do
  same = same and lua_result.quantiles[p] == c_result.quantiles[p]
end

row("simulate: model", source, "", "")
row("simulate: C core", string.format("%.0f", DRAWS / c_time), "draws/s",
    string.format("%.3f s for 10^6 draws", c_time))
row("simulate: plain Lua, same generator", string.format("%.0f", DRAWS / lua_time), "draws/s",
    string.format("%.3f s; results %s", lua_time,
                  same and "bit-identical to C" or "DIFFER FROM C"))
row("simulate: ratio C / Lua (same model)", string.format("%.1fx", lua_time / c_time), "",
    lua_time / c_time >= 50 and "target >= 50x: met" or "target >= 50x: NOT MET")
row("simulate: plain Lua, math.random", string.format("%.0f", DRAWS / rnd_time), "draws/s",
    string.format("%.3f s; mean %.5f (C %.5f)", rnd_time, rnd_result.mean, c_result.mean))
row("simulate: ratio C / Lua (math.random)", string.format("%.1fx", rnd_time / c_time), "",
    "Lua's generator is C, so this is the harder comparison")

-- ---------------------------------------------------------------------
-- ACH on a synthetic 1,000 x 50 matrix

local NI, NH = 1000, 50
local CODES = { "CC", "C", "N", "I", "II", "NA" }
local LEVELS = { "low", "medium", "high" }
local hyps, items = {}, {}
for h = 1, NH do hyps[h] = "h" .. h end
local state = 12345
local function rnd(k)
  state = (state * 1103515245 + 12345) % 2147483648
  return state % k + 1
end
for i = 1, NI do
  local ratings = {}
  for h = 1, NH do ratings[h] = CODES[rnd(#CODES)] end
  items[i] = { id = "e" .. i, credibility = LEVELS[rnd(3)], relevance = LEVELS[rnd(3)],
               ratings = ratings }
end
local ach_result
local ach_time = best(10, function() ach_result = core.ach(items, hyps) end)
row("ach: 1000 x 50 (Lua tables in, result out)", string.format("%.2f", ach_time * 1000), "ms",
    ach_time < 0.010 and "target < 10 ms: met" or "target < 10 ms: NOT MET")
row("ach: top hypothesis, pivotal items", ach_result.top, "", #ach_result.pivotal .. " pivotal")

-- ---------------------------------------------------------------------

local w = { 0, 0, 0, 0 }
for _, r in ipairs(rows) do
  for j = 1, 4 do w[j] = math.max(w[j], #r[j]) end
end
for _, r in ipairs(rows) do
  print(string.format("%-" .. w[1] .. "s  %" .. w[2] .. "s  %-" .. w[3] .. "s  %s",
                      r[1], r[2], r[3], r[4]))
end
