-- bench/simlua.lua: the alignment model's Monte Carlo written plainly in
-- Lua, generator included: xoshiro256** seeded by splitmix64 on Lua's
-- 64-bit integers, triangular draws by inverse CDF, the index per draw,
-- then mean, sd, P(index > 0), min, max and the quantiles read from all
-- draws sorted (returned as `draws`, ascending). The arithmetic follows doc/weighting.md step by step, so
-- its numbers equal the C core's bit for bit. bench/weight.lua times it
-- against the C core; spec/weight_spec.lua checks the C core against it.
--
--   simulate(factors, n, seed, pressure [, "math.random"]) -> result
--     factors: {sign, weight, low, high, coupling}; with "math.random" the
--     draws come from Lua's own generator instead (a second baseline).

return function(fs, n, seed, pressure, uniform)
  local s0, s1, s2, s3
  do
    local x = seed
    local function sm()
      x = x + 0x9E3779B97F4A7C15
      local z = x
      z = (z ~ (z >> 30)) * 0xBF58476D1CE4E5B9
      z = (z ~ (z >> 27)) * 0x94D049BB133111EB
      return z ~ (z >> 31)
    end
    s0, s1, s2, s3 = sm(), sm(), sm(), sm()
  end
  local function xoshiro()
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
  if uniform == "math.random" then
    math.randomseed(seed)
    xoshiro = math.random
  end
  local prep = {}
  for i, f in ipairs(fs) do
    local lo, hi, mode = f.low or f.weight, f.high or f.weight, f.weight
    local range = hi - lo
    prep[i] = { lo = lo, hi = hi, mode = mode, fc = range > 0 and (mode - lo) / range or 0,
                a = range * (mode - lo), b = range * (hi - mode),
                m = 1.0 + (f.coupling or 0) * (2.0 * pressure - 1.0), sign = f.sign }
  end
  local xs, sum, pos = {}, 0.0, 0
  for d = 1, n do
    local num, den = 0.0, 0.0
    for i = 1, #prep do
      local f = prep[i]
      local u = xoshiro()
      local w
      if f.hi <= f.lo then w = f.mode
      elseif u < f.fc then w = f.lo + math.sqrt(u * f.a)
      else w = f.hi - math.sqrt((1.0 - u) * f.b) end
      local e = w * f.m
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
  local q = {}
  for _, p in ipairs { 0.05, 0.25, 0.5, 0.75, 0.95 } do
    local h = (n - 1) * p
    local fl = math.floor(h)
    if fl + 1 >= n then q[p] = xs[n]
    else q[p] = xs[fl + 1] + (h - fl) * (xs[fl + 2] - xs[fl + 1]) end
  end
  return { mean = mean, sd = n > 1 and math.sqrt(ss / (n - 1)) or 0.0, p_positive = pos / n,
           min = xs[1], max = xs[n], quantiles = q, draws = xs }
end
