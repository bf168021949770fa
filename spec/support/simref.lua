-- A plain-Lua reference for core.simulate, written from doc/weighting.md:
-- xoshiro256** seeded by splitmix64, triangular draws by the inverse CDF,
-- the index per draw, then mean, sd, P(index > 0), and min, max and the
-- quantiles read from the fully sorted draws. The spec compares the C
-- core's numbers with these bit for bit.

local simref = {}

local QS = { 0.05, 0.25, 0.5, 0.75, 0.95 }

-- The result of simulate(fs, {n = n, seed = seed, pressure = pressure}).
function simref.simulate(fs, n, seed, pressure)
  local x = seed
  local function splitmix()
    x = x + 0x9E3779B97F4A7C15
    local z = x
    z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
    z = (z ~ (z >> 27)) * 0x94D049BB133111EB
    return z ~ (z >> 31)
  end
  local s0, s1, s2, s3 = splitmix(), splitmix(), splitmix(), splitmix()
  local function uniform()
    local v = s1 * 5
    v = ((v << 7) | (v >> 57)) * 9
    local t = s1 << 17
    s2 = s2 ~ s0
    s3 = s3 ~ s1
    s1 = s1 ~ s2
    s0 = s0 ~ s3
    s2 = s2 ~ t
    s3 = (s3 << 45) | (s3 >> 19)
    return (v >> 11) * (1.0 / 9007199254740992.0)
  end
  local xs, sum, pos = {}, 0.0, 0
  for d = 1, n do
    local num, den = 0.0, 0.0
    for _, f in ipairs(fs) do
      local lo, hi, mode = f.low or f.weight, f.high or f.weight, f.weight
      local range = hi - lo
      local u = uniform()
      local w
      if hi <= lo then w = mode
      elseif u < (mode - lo) / range then w = lo + math.sqrt(u * (range * (mode - lo)))
      else w = hi - math.sqrt((1.0 - u) * (range * (hi - mode))) end
      local e = w * (1.0 + (f.coupling or 0) * (2.0 * pressure - 1.0))
      if f.sign > 0 then num = num + e else num = num - e end
      den = den + e
    end
    local v = 0.0
    if den > 0 then
      v = num / den
      if v < -1 then v = -1.0 elseif v > 1 then v = 1.0 end
    end
    xs[d] = v
    sum = sum + v
    if v > 0 then pos = pos + 1 end
  end
  local mean = sum / n
  local ss = 0.0
  for d = 1, n do ss = ss + (xs[d] - mean) * (xs[d] - mean) end
  table.sort(xs)
  local r = { mean = mean, sd = n > 1 and math.sqrt(ss / (n - 1)) or 0.0,
              p_positive = pos / n, min = xs[1], max = xs[n], quantiles = {} }
  for _, q in ipairs(QS) do
    local h = (n - 1) * q
    local fl = math.floor(h)
    if fl + 1 >= n then r.quantiles[q] = xs[n]
    else r.quantiles[q] = xs[fl + 1] + (h - fl) * (xs[fl + 2] - xs[fl + 1]) end
  end
  return r
end

return simref
