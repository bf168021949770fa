-- Weighting functions: pooling, decay, the alignment model, sensitivity,
-- the Monte Carlo and ACH (csrc/sn_weight.c, lua/sinorus/weight.lua).
-- Hand computations are in the comments; doc/weighting.md has the formulas.

local core = require "sinorus.core"
local sinorus = require "sinorus"
local simulate_lua = require "bench.simlua"

local EPS = 1e-12

-- Three factors whose numbers are worked out by hand below.
local function F3()
  return {
    { id = "a", sign = 1, weight = 0.8, low = 0.5, high = 1.0, coupling = 0.5 },
    { id = "b", sign = -1, weight = 0.4, low = 0.2, high = 0.6, coupling = -0.3 },
    { id = "c", sign = 1, weight = 0.3, low = 0.1, high = 0.5 },
  }
end

describe("sinorus.pool", function()
  describe("linear", function()
    it("averages the probabilities", function()
      assert.near(0.3, sinorus.pool({ 0.2, 0.4 }), EPS)
    end)

    it("weights them: (1 * 0.2 + 3 * 0.4) / 4 = 0.35", function()
      assert.near(0.35, sinorus.pool({ 0.2, 0.4 }, { 1, 3 }), EPS)
      assert.near(0.35, sinorus.pool({ 0.2, 0.4 }, { 1, 3 }, "linear"), EPS)
    end)
  end)

  describe("log-odds", function()
    it("averages log-odds: odds sqrt(1/4 * 2/3) for 0.2 and 0.4", function()
      local o = math.sqrt(1 / 6)
      assert.near(o / (1 + o), sinorus.pool({ 0.2, 0.4 }, "logodds"), EPS)
    end)

    it("weights them: 0.5 and 0.8 with weights 1 and 1 give odds 2, p 2/3", function()
      assert.near(2 / 3, sinorus.pool({ 0.5, 0.8 }, { 1, 1 }, "logodds"), EPS)
    end)

    it("gives 1 when a probability is 1 and none is 0", function()
      assert.equals(1, sinorus.pool({ 0.5, 1 }, "logodds"))
    end)

    it("gives 0 when a probability is 0 and none is 1", function()
      assert.equals(0, sinorus.pool({ 0, 0.3 }, "logodds"))
    end)

    it("ignores a certainty with weight 0", function()
      assert.equals(0, sinorus.pool({ 0, 1 }, { 1, 0 }, "logodds"))
    end)

    it("stays finite for extreme probabilities", function()
      local p = sinorus.pool({ 1e-300, 1 - 1e-16 }, "logodds")
      assert.is_true(p >= 0 and p <= 1)
    end)

    it("raises when both 0 and 1 occur", function()
      assert.has_error(function() sinorus.pool({ 0, 1 }, "logodds") end,
        "bad argument #1 to 'pool' (log-odds pool of both 0 and 1 is undefined)")
    end)
  end)

  describe("noisy-OR", function()
    it("gives 1 - (1 - 0.5)(1 - 0.5) = 0.75", function()
      assert.near(0.75, sinorus.pool({ 0.5, 0.5 }, "noisy_or"), EPS)
    end)

    it("scales each cause by its weight: 1 - 0.5 * 0.8 = 0.6", function()
      assert.near(0.6, sinorus.pool({ 0.5, 0.4 }, { 1, 0.5 }, "noisy_or"), EPS)
    end)

    it("gives 0 when all weights are 0", function()
      assert.equals(0, sinorus.pool({ 0.5 }, { 0 }, "noisy_or"))
    end)
  end)

  describe("properties", function()
    it("returns the input exactly when all probabilities are the same", function()
      for _, m in ipairs { "linear", "logodds" } do
        for _, p in ipairs { 0, 0.1, 0.3, 0.5, 0.77, 1 } do
          assert.equals(p, sinorus.pool({ p, p, p }, { 1, 2, 5 }, m))
        end
      end
    end)

    it("does not change when all weights are scaled", function()
      local ps, w = { 0.1, 0.35, 0.9 }, { 1, 2, 3 }
      for _, m in ipairs { "linear", "logodds" } do
        assert.near(sinorus.pool(ps, w, m), sinorus.pool(ps, { 10, 20, 30 }, m), EPS)
      end
    end)

    it("treats missing weights as equal weights", function()
      local ps = { 0.1, 0.35, 0.9 }
      for _, m in ipairs { "linear", "logodds", "noisy_or" } do
        assert.near(sinorus.pool(ps, { 1, 1, 1 }, m), sinorus.pool(ps, m), EPS)
      end
    end)

    it("stays in [0, 1] and between the smallest and largest input", function()
      local seed = 1
      local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 end
      for _ = 1, 200 do
        local ps, w = {}, {}
        for i = 1, 5 do ps[i], w[i] = rnd(), rnd() + 0.01 end
        for _, m in ipairs { "linear", "logodds" } do
          local p = sinorus.pool(ps, w, m)
          assert.is_true(p >= math.min(table.unpack(ps)) - EPS)
          assert.is_true(p <= math.max(table.unpack(ps)) + EPS)
        end
      end
    end)
  end)

  describe("bad input", function()
    local cases = {
      { "an empty list", function() sinorus.pool({}) end,
        "bad argument #1 to 'pool' (empty list)" },
      { "a probability above 1", function() sinorus.pool({ 0.2, 1.5 }) end,
        "bad argument #1 to 'pool' (probability 1.5 at index 2 is outside [0, 1])" },
      { "a negative probability", function() sinorus.pool({ -1 }) end,
        "bad argument #1 to 'pool' (probability -1 at index 1 is outside [0, 1])" },
      { "NaN", function() sinorus.pool({ 0.5, 0 / 0 }) end,
        "bad argument #1 to 'pool' (probability nan at index 2 is outside [0, 1])" },
      { "infinity", function() sinorus.pool({ math.huge }) end,
        "bad argument #1 to 'pool' (probability inf at index 1 is outside [0, 1])" },
      { "a string among the probabilities", function() sinorus.pool({ 0.5, "x" }) end,
        "bad argument #1 to 'pool' (probability at index 2 is a string, expected a number)" },
      { "no list", function() sinorus.pool() end,
        "bad argument #1 to 'pool' (table expected, got no value)" },
      { "a number instead of a list", function() sinorus.pool(0.5) end,
        "bad argument #1 to 'pool' (table expected, got number)" },
      { "mismatched weights", function() sinorus.pool({ 0.1, 0.2 }, { 1 }) end,
        "bad argument #2 to 'pool' (1 weights for 2 probabilities)" },
      { "a negative weight", function() sinorus.pool({ 0.1 }, { -1 }) end,
        "bad argument #2 to 'pool' (weight -1 at index 1 is outside [0, inf))" },
      { "an infinite weight", function() sinorus.pool({ 0.1 }, { math.huge }) end,
        "bad argument #2 to 'pool' (weight inf at index 1 is not finite)" },
      { "a NaN weight", function() sinorus.pool({ 0.1 }, { 0 / 0 }) end,
        "bad argument #2 to 'pool' (weight nan at index 1 is not finite)" },
      { "weights summing to 0", function() sinorus.pool({ 0.1, 0.2 }, { 0, 0 }) end,
        "bad argument #2 to 'pool' (weights sum to 0)" },
      { "a noisy-OR weight above 1", function() sinorus.pool({ 0.1 }, { 2 }, "noisy_or") end,
        "bad argument #2 to 'pool' (weight 2 at index 1 is outside [0, 1])" },
      { "weights of the wrong type", function() sinorus.pool({ 0.1 }, true) end,
        "bad argument #2 to 'pool' (table expected, got boolean)" },
      { "an unknown method", function() sinorus.pool({ 0.1 }, { 1 }, "median") end,
        "bad argument #3 to 'pool' (invalid option 'median')" },
      { "an unknown method in place of the weights", function() sinorus.pool({ 0.1 }, "median") end,
        "bad argument #2 to 'pool' (invalid option 'median')" },
    }
    for _, c in ipairs(cases) do
      it("raises for " .. c[1], function() assert.has_error(c[2], c[3]) end)
    end
  end)
end)

describe("sinorus.decay", function()
  it("halves the weight at each half-life", function()
    assert.equals(1, sinorus.decay(0, 5))
    assert.equals(0.5, sinorus.decay(10, 10))
    assert.equals(0.25, sinorus.decay(20, 10))
    assert.near(math.sqrt(0.5), sinorus.decay(5, 10), EPS)
  end)

  it("raises for a negative, infinite or NaN age", function()
    assert.has_error(function() sinorus.decay(-1, 10) end,
      "bad argument #1 to 'decay' (age -1 is not finite and >= 0)")
    assert.has_error(function() sinorus.decay(math.huge, 10) end,
      "bad argument #1 to 'decay' (age inf is not finite and >= 0)")
    assert.has_error(function() sinorus.decay(0 / 0, 10) end,
      "bad argument #1 to 'decay' (age nan is not finite and >= 0)")
  end)

  it("raises for a half-life that is not positive and finite", function()
    assert.has_error(function() sinorus.decay(1, 0) end,
      "bad argument #2 to 'decay' (half-life 0 is not finite and > 0)")
    assert.has_error(function() sinorus.decay(1, -math.huge) end,
      "bad argument #2 to 'decay' (half-life -inf is not finite and > 0)")
  end)

  it("raises for arguments that are not numbers", function()
    assert.has_error(function() sinorus.decay("x", 1) end,
      "bad argument #1 to 'decay' (number expected, got string)")
    assert.has_error(function() sinorus.decay(1) end,
      "bad argument #2 to 'decay' (number expected, got no value)")
  end)
end)

describe("the alignment model (core.alignment)", function()
  -- pressure 0.7: 2p - 1 = 0.4; m = 1.2, 0.88, 1; e = 0.96, 0.352, 0.3;
  -- sum e = 1.612; index = (0.96 - 0.352 + 0.3) / 1.612 = 0.908 / 1.612
  it("computes the index and contributions by hand", function()
    local a = core.alignment(F3(), 0.7)
    assert.near(0.908 / 1.612, a.index, EPS)
    assert.near(0.96 / 1.612, a.contributions[1].value, EPS)
    assert.near(-0.352 / 1.612, a.contributions[2].value, EPS)
    assert.near(0.3 / 1.612, a.contributions[3].value, EPS)
    assert.same({ "a", "b", "c" }, { a.contributions[1].factor, a.contributions[2].factor,
                                     a.contributions[3].factor })
  end)

  it("ignores coupling at the status quo pressure 0.5 (the default)", function()
    assert.near((0.8 - 0.4 + 0.3) / 1.5, core.alignment(F3()).index, EPS)
  end)

  it("gives 0 for no factors or weights that are all 0", function()
    assert.equals(0, core.alignment({}, 0.5).index)
    assert.equals(0, core.alignment({ { sign = 1, weight = 0 }, { sign = -1, weight = 0 } }).index)
  end)

  it("gives 0 when pressure cancels every factor (coupling -1 at pressure 1)", function()
    local a = core.alignment({ { sign = 1, weight = 0.5, coupling = -1 } }, 1)
    assert.equals(0, a.index)
    assert.equals(0, a.contributions[1].value)
  end)

  it("names factors without an id by their index", function()
    assert.equals(1, core.alignment({ { sign = 1, weight = 0.5 } }).contributions[1].factor)
  end)

  it("has contributions that sum to the index and an index in [-1, 1]", function()
    local seed = 7
    local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 end
    for _ = 1, 300 do
      local fs = {}
      for i = 1, 1 + math.floor(rnd() * 8) do
        fs[i] = { sign = rnd() < 0.5 and 1 or -1, weight = rnd(), coupling = 2 * rnd() - 1 }
      end
      local a = core.alignment(fs, rnd())
      local sum = 0
      for _, c in ipairs(a.contributions) do sum = sum + c.value end
      assert.near(a.index, sum, 1e-12)
      assert.is_true(a.index >= -1 and a.index <= 1)
    end
  end)

  it("is +1 with drivers only and -1 with irritants only", function()
    assert.equals(1, core.alignment({ { sign = 1, weight = 0.3 } }).index)
    assert.equals(-1, core.alignment({ { sign = -1, weight = 0.3 }, { sign = -1, weight = 1 } }).index)
  end)

  describe("bad input", function()
    local cases = {
      { "a weight above 1", { { id = "x", sign = 1, weight = 1.5 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': weight 1.5 is outside [0, 1])" },
      { "a NaN weight", { { sign = 1, weight = 0 / 0 } }, nil,
        "bad argument #1 to 'alignment' (factor 1: weight nan is outside [0, 1])" },
      { "a missing weight", { { id = "x", sign = 1 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': weight must be a number, got nil)" },
      { "a bad sign", { { id = "x", sign = 0, weight = 0.5 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': sign must be 1 or -1, got 0)" },
      { "a sign that is a string", { { id = "x", sign = "driver", weight = 0.5 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': sign must be a number, got string)" },
      { "low above weight", { { id = "x", sign = 1, weight = 0.5, low = 0.6 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': low 0.6 is outside [0, weight])" },
      { "high below weight", { { id = "x", sign = 1, weight = 0.5, high = 0.4 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': high 0.4 is outside [weight, 1])" },
      { "a coupling outside [-1, 1]", { { id = "x", sign = 1, weight = 0.5, coupling = -2 } }, nil,
        "bad argument #1 to 'alignment' (factor 'x': coupling -2 is outside [-1, 1])" },
      { "a factor that is not a table", { 3 }, nil,
        "bad argument #1 to 'alignment' (factor 1 is a number, expected a table)" },
      { "a pressure above 1", {}, 1.5,
        "bad argument #2 to 'alignment' (pressure 1.5 is outside [0, 1])" },
      { "a NaN pressure", {}, 0 / 0,
        "bad argument #2 to 'alignment' (pressure nan is outside [0, 1])" },
    }
    for _, c in ipairs(cases) do
      it("raises for " .. c[1], function()
        assert.has_error(function() core.alignment(c[2], c[3]) end, c[4])
      end)
    end

    it("raises for factors that are not a list", function()
      assert.has_error(function() core.alignment("x") end,
        "bad argument #1 to 'alignment' (table expected, got string)")
    end)

    it("raises for a pressure that is not a number", function()
      assert.has_error(function() core.alignment({}, "high") end,
        "bad argument #2 to 'alignment' (number expected, got string)")
    end)
  end)
end)

describe("core.sensitivity", function()
  -- b at 0.2: e_b = 0.176, sum e = 1.436, index = 1.084 / 1.436;
  -- b at 0.6: e_b = 0.528, sum e = 1.788, index = 0.732 / 1.788
  it("computes the index at each end of a weight's range", function()
    local s = core.sensitivity(F3(), 0.7)
    local b
    for _, r in ipairs(s) do if r.factor == "b" then b = r end end
    assert.near(1.084 / 1.436, b.low, EPS)
    assert.near(0.732 / 1.788, b.high, EPS)
    assert.near(math.abs(b.high - b.low), b.swing, EPS)
  end)

  it("sorts the rows by swing, largest first", function()
    local s = core.sensitivity(F3(), 0.7)
    assert.same({ "b", "a", "c" }, { s[1].factor, s[2].factor, s[3].factor })
    for i = 2, #s do assert.is_true(s[i - 1].swing >= s[i].swing) end
  end)

  it("keeps input order among equal swings", function()
    local fs = { { id = "x", sign = 1, weight = 0.5 }, { id = "y", sign = 1, weight = 0.5 } }
    local s = core.sensitivity(fs)
    assert.same({ "x", "y" }, { s[1].factor, s[2].factor })
  end)

  -- N' = 2(0.8)(0.5) - 2(0.4)(-0.3) = 1.04; D' = 0.8 - 0.24 = 0.56;
  -- d index / d p = (1.04 * 1.612 - 0.908 * 0.56) / 1.612^2
  it("gives the derivative of the index with respect to pressure", function()
    local s = core.sensitivity(F3(), 0.7)
    assert.near((1.04 * 1.612 - 0.908 * 0.56) / 1.612 ^ 2, s.dpressure, EPS)
    assert.near(0.908 / 1.612, s.index, EPS)
  end)

  it("agrees with a central difference for the pressure derivative", function()
    local h = 1e-6
    local d = (core.alignment(F3(), 0.7 + h).index - core.alignment(F3(), 0.7 - h).index) / (2 * h)
    assert.near(d, core.sensitivity(F3(), 0.7).dpressure, 1e-8)
  end)

  it("gives the derivative with respect to each weight: m (s - index) / sum e", function()
    local s = core.sensitivity(F3(), 0.7)
    local I = 0.908 / 1.612
    for _, r in ipairs(s) do
      if r.factor == "a" then assert.near(1.2 * (1 - I) / 1.612, r.dweight, EPS) end
      if r.factor == "b" then assert.near(0.88 * (-1 - I) / 1.612, r.dweight, EPS) end
    end
  end)

  it("raises for bad input like alignment", function()
    assert.has_error(function() core.sensitivity({ { sign = 1, weight = 2 } }) end,
      "bad argument #1 to 'sensitivity' (factor 1: weight 2 is outside [0, 1])")
    assert.has_error(function() core.sensitivity({}, -0.1) end,
      "bad argument #2 to 'sensitivity' (pressure -0.1 is outside [0, 1])")
  end)
end)

describe("core.simulate", function()
  it("gives the same numbers for the same seed, pinned bit for bit", function()
    local m = core.simulate(F3(), { n = 1000, seed = 42, pressure = 0.7 })
    assert.equals(1000, m.n)
    assert.equals(42, m.seed)
    assert.equals(0x1.19f9dbfb2b884p-1, m.mean)
    assert.equals(0x1.55f15cd733078p-4, m.sd)
    assert.equals(1, m.p_positive)
    assert.equals(0x1.2de8267ff1d09p-2, m.min)
    assert.equals(0x1.8476e64cf2748p-1, m.max)
    assert.equals(0x1.b025f73aa174p-2, m.quantiles[0.05])
    assert.equals(0x1.f9d0287c5f829p-2, m.quantiles[0.25])
    assert.equals(0x1.18a1402420c22p-1, m.quantiles[0.5])
    assert.equals(0x1.378ba62a052c6p-1, m.quantiles[0.75])
    assert.equals(0x1.6153749138d0ap-1, m.quantiles[0.95])
  end)

  it("pins a second case with both signs (n = 1001, seed 7)", function()
    local m = core.simulate({ { sign = 1, weight = 0.5, low = 0, high = 1 },
                              { sign = -1, weight = 0.5, low = 0, high = 1 } },
                            { n = 1001, seed = 7 })
    assert.equals(-0x1.0e0f16c05756p-6, m.mean)
    assert.equals(0x1.43eba3df53a5dp-2, m.sd)
    assert.equals(465 / 1001, m.p_positive)
    assert.equals(-0x1.2d3da2b1845c2p-5, m.q50)
    assert.equals(m.quantiles[0.5], m.q50)
  end)

  -- The C core picks the order statistics out without sorting every draw
  -- (a bucket pass, then only the buckets holding the ranks); a plain Lua
  -- model that sorts all draws must give the same numbers bit for bit.
  local function same_as_reference(fs, n, seed, pressure)
    local m = core.simulate(fs, { n = n, seed = seed, pressure = pressure })
    local r = simulate_lua(fs, n, seed, pressure)
    local got, want = {}, {}
    for _, k in ipairs { "mean", "sd", "p_positive", "min", "max" } do
      got[k], want[k] = m[k], r[k]
    end
    for _, q in ipairs { 0.05, 0.25, 0.5, 0.75, 0.95 } do
      got[q], want[q] = m.quantiles[q], r.quantiles[q]
    end
    assert.same(want, got)
  end

  it("matches a full sort for small n, where most draws hold a wanted rank", function()
    for n = 1, 12 do same_as_reference(F3(), n, n, 0.7) end
  end)

  it("matches a full sort for larger n, where only a few buckets are sorted", function()
    same_as_reference(F3(), 1000, 42, 0.7)
    same_as_reference(F3(), 4099, 5, 0.2)
    same_as_reference({ { sign = 1, weight = 0.5, low = 0, high = 1 },
                        { sign = -1, weight = 0.5, low = 0, high = 1 } }, 20001, 7, 0.5)
  end)

  it("matches a full sort when one skewed factor alone varies", function()
    -- two factors fixed to within 1e-9, one triangular with its mode near 0
    same_as_reference({ { sign = 1, weight = 0.5, low = 0.5 - 1e-9, high = 0.5 + 1e-9 },
                        { sign = -1, weight = 0.4, low = 0.4 - 1e-9, high = 0.4 + 1e-9 },
                        { sign = 1, weight = 0.01, low = 0, high = 1 } }, 3001, 9, 0.5)
  end)

  it("repeats itself and changes with the seed", function()
    local a = core.simulate(F3(), { n = 500, seed = 3 })
    local b = core.simulate(F3(), { n = 500, seed = 3 })
    local c = core.simulate(F3(), { n = 500, seed = 4 })
    assert.equals(a.mean, b.mean)
    assert.are_not.equal(a.mean, c.mean)
  end)

  it("reduces to the alignment index when no weight can vary", function()
    local fs = { { sign = 1, weight = 0.6, coupling = 0.5 }, { sign = -1, weight = 0.3 } }
    local m = core.simulate(fs, { n = 100, pressure = 0.9 })
    local idx = core.alignment(fs, 0.9).index
    assert.near(idx, m.mean, EPS)
    assert.near(0, m.sd, EPS)
    assert.equals(idx, m.min)
    for _, q in ipairs { 0.05, 0.25, 0.5, 0.75, 0.95 } do assert.equals(idx, m.quantiles[q]) end
  end)

  it("has ordered quantiles inside [min, max] and a mean near the model's", function()
    local m = core.simulate(F3(), { n = 20000, seed = 11, pressure = 0.7 })
    assert.is_true(m.min <= m.q05 and m.q05 <= m.q25 and m.q25 <= m.q50
                   and m.q50 <= m.q75 and m.q75 <= m.q95 and m.q95 <= m.max)
    assert.near(core.alignment(F3(), 0.7).index, m.mean, 0.02)
  end)

  it("uses n = 10000, seed 1 and pressure 0.5 by default", function()
    local m = core.simulate(F3())
    assert.same({ 10000, 1, 0.5 }, { m.n, m.seed, m.pressure })
    assert.equals(m.mean, core.simulate(F3(), { n = 10000, seed = 1, pressure = 0.5 }).mean)
  end)

  it("gives sd 0 for one draw", function()
    assert.equals(0, core.simulate(F3(), { n = 1 }).sd)
  end)

  it("accepts negative and large seeds", function()
    assert.is_number(core.simulate(F3(), { n = 10, seed = -1 }).mean)
    assert.is_number(core.simulate(F3(), { n = 10, seed = math.maxinteger }).mean)
  end)

  describe("bad input", function()
    local cases = {
      { { n = 0 }, "bad argument #2 to 'simulate' (n 0 is not an integer in [1, 100000000])" },
      { { n = 1.5 }, "bad argument #2 to 'simulate' (n 1.5 is not an integer in [1, 100000000])" },
      { { n = 1e9 }, "bad argument #2 to 'simulate' (n 1000000000 is not an integer in [1, 100000000])" },
      { { n = "10" }, "bad argument #2 to 'simulate' (option 'n' must be a number, got string)" },
      { { seed = 1.5 }, "bad argument #2 to 'simulate' (seed must be an integer, got 1.5)" },
      { { seed = "x" }, "bad argument #2 to 'simulate' (seed must be an integer, got string)" },
      { { pressure = 2 }, "bad argument #2 to 'simulate' (pressure 2 is outside [0, 1])" },
      { { draws = 5 }, "bad argument #2 to 'simulate' (unknown option 'draws'; valid options: bins, n, pressure, seed)" },
    }
    for _, c in ipairs(cases) do
      it("raises: " .. c[2], function()
        assert.has_error(function() core.simulate(F3(), c[1]) end, c[2])
      end)
    end

    it("raises for options that are not a table", function()
      assert.has_error(function() core.simulate(F3(), 5) end,
        "bad argument #2 to 'simulate' (table expected, got number)")
    end)

    it("raises for bad factors", function()
      assert.has_error(function() core.simulate({ { sign = 1, weight = 0.5, low = -1 } }) end,
        "bad argument #1 to 'simulate' (factor 1: low -1 is outside [0, weight])")
    end)
  end)
end)

describe("core.ach", function()
  -- e1: credibility high (sqrt 2) x relevance medium (1) = sqrt 2; C, I, II
  -- e2: medium x medium = 1; I, C, C (ratings keyed by hypothesis id)
  -- e3: low x low = 1/2; NA, N, I
  -- scores: h1 = -1 (e2), h2 = -sqrt 2 (e1), h3 = -2 sqrt 2 - 1/2 (e1, e3)
  -- diagnosticity (CC 2, C 1, N 0, I -1, II -2): e1 (1 - -2) sqrt 2 = 3 sqrt 2;
  --   e2 (1 - -1) 1 = 2; e3 (0 - -1) / 2 = 1/2 (NA takes no part)
  -- without e1: h1 -1, h2 0, h3 -1/2, so h2 comes top: e1 is pivotal.
  local function items()
    return {
      { id = "e1", credibility = "high", relevance = "medium", ratings = { "C", "I", "II" } },
      { id = "e2", ratings = { h1 = "I", h2 = "C", h3 = "C" } },
      { id = "e3", credibility = "low", relevance = "low", ratings = { "NA", "N", "I" } },
    }
  end
  local H = { "h1", "h2", "h3" }

  it("scores and ranks the hypotheses, least inconsistent first", function()
    local r = core.ach(items(), H)
    assert.equals("h1", r.top)
    assert.same({ "h1", "h2", "h3" }, { r.hypotheses[1].hypothesis, r.hypotheses[2].hypothesis,
                                        r.hypotheses[3].hypothesis })
    assert.near(-1, r.hypotheses[1].score, 1e-9)
    assert.near(-math.sqrt(2), r.hypotheses[2].score, 1e-9)
    assert.near(-2 * math.sqrt(2) - 0.5, r.hypotheses[3].score, 1e-9)
    assert.same({ 1, 2, 3 }, { r.hypotheses[1].rank, r.hypotheses[2].rank, r.hypotheses[3].rank })
  end)

  it("ranks the evidence by diagnosticity", function()
    local r = core.ach(items(), H)
    assert.same({ "e1", "e2", "e3" }, { r.evidence[1].item, r.evidence[2].item, r.evidence[3].item })
    assert.near(3 * math.sqrt(2), r.evidence[1].diagnosticity, 1e-9)  -- the 1e-9 grid
    assert.near(2, r.evidence[2].diagnosticity, EPS)
    assert.near(0.5, r.evidence[3].diagnosticity, EPS)
  end)

  it("gives diagnosticity on the same 1e-9 grid as the scores (high x high is 2, not 2 + 4e-16)", function()
    local r = core.ach({ { id = "e", credibility = "high", relevance = "high",
                           ratings = { "CC", "II" } } }, { "h1", "h2" })
    assert.equal(8, r.evidence[1].diagnosticity)
    assert.equal("8.0", tostring(r.evidence[1].diagnosticity))
  end)

  it("finds the pivotal items", function()
    assert.same({ "e1" }, core.ach(items(), H).pivotal)
  end)

  it("gives an item rated the same against every hypothesis diagnosticity 0", function()
    local r = core.ach({ { id = "x", ratings = { "I", "I", "I" } } }, H)
    assert.equals(0, r.evidence[1].diagnosticity)
  end)

  it("breaks ties between hypotheses by input order", function()
    local r = core.ach({ { id = "x", ratings = { "C", "CC", "N" } } }, { "h3", "h1", "h2" })
    assert.same({ "h3", "h1", "h2" }, { r.hypotheses[1].hypothesis, r.hypotheses[2].hypothesis,
                                        r.hypotheses[3].hypothesis })
  end)

  it("lets the analyst override an item's weight", function()
    -- e2 at weight 3: h1 = -3, so h2 (-sqrt 2) comes top
    local r = core.ach(items(), H, { weights = { e2 = 3 } })
    assert.equals("h2", r.top)
    assert.near(-3, r.hypotheses[2].score, 1e-9)
  end)

  it("excludes items, given as a list or a set", function()
    local a = core.ach(items(), H, { exclude = { "e1" } })
    local b = core.ach(items(), H, { exclude = { e1 = true } })
    assert.equals("h2", a.top)
    assert.equals("h2", b.top)
    assert.equals(0, a.hypotheses[1].score)
    for _, e in ipairs(a.evidence) do
      if e.item == "e1" then assert.is_true(e.excluded); assert.equals(0, e.diagnosticity) end
    end
  end)

  it("accepts hypotheses as tables with an id", function()
    assert.equals("h1", core.ach(items(), { { id = "h1" }, { id = "h2" }, { id = "h3" } }).top)
  end)

  it("treats a missing rating as NA", function()
    local r = core.ach({ { id = "x", ratings = { h1 = "I" } } }, H)
    assert.equals("h2", r.top)
  end)

  describe("bad input", function()
    local cases = {
      { "an unknown rating", { { id = "x", ratings = { "C", "Z", "N" } } }, H, nil,
        "bad argument #1 to 'ach' (item 'x': unknown rating 'Z' for hypothesis 'h2' "
        .. "(expected CC, C, N, I, II or NA))" },
      { "a rating for an unknown hypothesis", { { id = "x", ratings = { h9 = "C" } } }, H, nil,
        "bad argument #1 to 'ach' (item 'x': unknown hypothesis 'h9')" },
      { "an unknown credibility", { { id = "x", credibility = "top", ratings = {} } }, H, nil,
        "bad argument #1 to 'ach' (item 'x': credibility must be 'low', 'medium' or 'high', got top)" },
      { "an item without an id", { { ratings = {} } }, H, nil,
        "bad argument #1 to 'ach' (item 1 has no string id)" },
      { "an item that is not a table", { "x" }, H, nil,
        "bad argument #1 to 'ach' (item 1 is a string, expected a table)" },
      { "duplicate items", { { id = "x", ratings = {} }, { id = "x", ratings = {} } }, H, nil,
        "bad argument #1 to 'ach' (duplicate item 'x')" },
      { "no hypotheses", {}, {}, nil, "bad argument #2 to 'ach' (empty list)" },
      { "duplicate hypotheses", {}, { "h", "h" }, nil,
        "bad argument #2 to 'ach' (duplicate hypothesis 'h')" },
      { "a weight for an unknown item", {}, H, { weights = { q = 1 } },
        "bad argument #3 to 'ach' (unknown item 'q' in weights)" },
      { "a negative weight", { { id = "x", ratings = {} } }, H, { weights = { x = -1 } },
        "bad argument #3 to 'ach' (weight -1 of item 'x' is not finite and >= 0)" },
      { "an exclusion of an unknown item", {}, H, { exclude = { "q" } },
        "bad argument #3 to 'ach' (unknown item 'q' in exclude)" },
      { "an unknown option", {}, H, { drop = {} },
        "bad argument #3 to 'ach' (unknown option 'drop'; valid options: exclude, weights)" },
    }
    for _, c in ipairs(cases) do
      it("raises for " .. c[1], function()
        assert.has_error(function() core.ach(c[2], c[3], c[4]) end, c[5])
      end)
    end
  end)
end)

-- ---------------------------------------------------------------------
-- The KB methods, on a small KB whose numbers are worked out by hand.

local function fake_kb(tables)
  local kb = setmetatable({}, { __index = require("sinorus.weight").methods })
  function kb.sql(_, q)
    local t = assert(q:match("FROM ([%w_]+)"), q)
    local out = {}
    for i, r in ipairs(tables[t] or {}) do
      local c = {}
      for k, v in pairs(r) do c[k] = v end
      out[i] = c
    end
    return out
  end
  return kb
end

local SMALL = {
  factor = {  -- in id order, as the query asks
    { id = "d-long", name = "Long driver", kind = "driver", domain = "normative", horizon = "long",
      weight = 0.6, w_low = 0.4, w_high = 0.8, coupling = 0.5 },
    { id = "d-press", name = "Pressure", kind = "driver", domain = "security", horizon = "both",
      weight = 0.8, w_low = 0.6, w_high = 1.0, coupling = 1 },
    { id = "i-short", name = "Short irritant", kind = "irritant", domain = "regional",
      horizon = "short", weight = 0.7, w_low = 0.5, w_high = 0.9, coupling = 0 },
  },
  hypothesis = { { id = "h1", text = "Backing", ord = 1 }, { id = "h2", text = "Distance", ord = 2 } },
  ach_item = {
    { id = "e1", text = "Stays on the sidelines", credibility = "high", relevance = "high", ord = 1 },
    { id = "e2", text = "Joint statement", credibility = "medium", relevance = "medium", ord = 2 },
  },
  rating = {
    { item = "e1", hypothesis = "h1", rating = "II" }, { item = "e1", hypothesis = "h2", rating = "C" },
    { item = "e2", hypothesis = "h1", rating = "C" }, { item = "e2", hypothesis = "h2", rating = "I" },
  },
}

describe("kb:alignment (on a small KB)", function()
  local kb = fake_kb(SMALL)

  -- long at 0.5: drivers 0.6 + 0.8, index 1
  -- short at 0.5: (0.8 - 0.7) / 1.5
  it("selects the factors of the horizon and those of both", function()
    assert.equals(1, kb:alignment{ horizon = "long" }.index)
    assert.near(0.1 / 1.5, kb:alignment{ horizon = "short" }.index, EPS)
  end)

  it("uses the long horizon and pressure 0.5 by default", function()
    local a = kb:alignment()
    assert.same({ "long", 0.5, 1 }, { a.horizon, a.pressure, a.index })
  end)

  -- short at 0.9: m = 1.8 for d-press, e = 1.44; (1.44 - 0.7) / 2.14
  it("applies pressure through the coupling", function()
    assert.near(0.74 / 2.14, kb:alignment{ horizon = "short", pressure = 0.9 }.index, EPS)
  end)

  it("lists contributions largest first, with names and effective weights", function()
    local a = kb:alignment{ horizon = "short", pressure = 0.9 }
    assert.same({ "d-press", "i-short" }, { a.contributions[1].factor, a.contributions[2].factor })
    assert.near(1.44, a.contributions[1].effective, EPS)
    assert.near(-0.7 / 2.14, a.contributions[2].value, EPS)
    assert.equals("Pressure", a.contributions[1].name)
  end)

  it("overrides weights by factor id", function()
    local a = kb:alignment{ horizon = "short", weights = { ["i-short"] = 0.1 } }
    assert.near(0.7 / 0.9, a.index, EPS)
  end)

  it("accepts an override for a factor of the other horizon", function()
    assert.equals(1, kb:alignment{ horizon = "long", weights = { ["i-short"] = 0.1 } }.index)
  end)

  it("prints as a readable table", function()
    local s = tostring(kb:alignment{ horizon = "short" })
    assert.matches("^alignment index 0%.06667 %(horizon short, pressure 0%.5%)\n", s)
    assert.matches("d%-press", s)
  end)

  local errors = {
    { { weights = { nope = 0.5 } }, "bad argument #1 to 'alignment' (unknown factor 'nope' in weights)" },
    { { weights = { ["d-long"] = 1.5 } },
      "bad argument #1 to 'alignment' (weight 1.5 of factor 'd-long' is outside [0, 1])" },
    { { weights = { ["d-long"] = "x" } },
      "bad argument #1 to 'alignment' (weight of factor 'd-long' must be a number, got string)" },
    { { weights = 3 }, "bad argument #1 to 'alignment' (weights must be a table, got number)" },
    { { horizon = "medium" }, "bad argument #1 to 'alignment' (horizon must be 'short' or 'long', got 'medium')" },
    { { horizon = "both" }, "bad argument #1 to 'alignment' (horizon must be 'short' or 'long', got 'both')" },
    { { pressure = 1.5 }, "bad argument #1 to 'alignment' (pressure 1.5 is outside [0, 1])" },
    { { pressure = 0 / 0 }, "bad argument #1 to 'alignment' (pressure nan is outside [0, 1])" },
    { { pressure = "high" }, "bad argument #1 to 'alignment' (pressure must be a number, got string)" },
    { { x = 1 }, "bad argument #1 to 'alignment' (unknown filter key 'x'; "
      .. "valid keys: horizon, limit, offset, pressure, weights)" },
  }
  for _, e in ipairs(errors) do
    it("raises: " .. e[2], function()
      assert.has_error(function() kb:alignment(e[1]) end, e[2])
    end)
  end
end)

describe("kb:sensitivity and kb:simulate (on a small KB)", function()
  local kb = fake_kb(SMALL)

  it("gives a tornado table sorted by swing with the pressure derivative", function()
    local s = kb:sensitivity{ horizon = "short" }
    assert.equals(2, #s)
    assert.is_true(s[1].swing >= s[2].swing)
    assert.equals("short", s.horizon)
    assert.near(kb:alignment{ horizon = "short" }.index, s.index, EPS)
    assert.is_true(s.dpressure > 0)
    assert.matches("d index / d pressure", tostring(s))
  end)

  it("simulates reproducibly with the documented defaults", function()
    local a = kb:simulate{ horizon = "short" }
    local b = kb:simulate{ horizon = "short", n = 10000, seed = 1, pressure = 0.5 }
    assert.equals(a.mean, b.mean)
    assert.equals(10000, a.n)
    assert.matches("P%(index > 0%)", tostring(a))
  end)

  it("raises for bad simulate options, naming argument #1", function()
    assert.has_error(function() kb:simulate{ n = 0 } end,
      "bad argument #1 to 'simulate' (n must be an integer in [1, 100000000], got 0)")
    assert.has_error(function() kb:simulate{ seed = 0.5 } end,
      "bad argument #1 to 'simulate' (seed must be an integer, got 0.5)")
    assert.has_error(function() kb:simulate{ pressure = -1 } end,
      "bad argument #1 to 'simulate' (pressure -1 is outside [0, 1])")
  end)
end)

describe("kb:ach (on a small KB)", function()
  local kb = fake_kb(SMALL)
  -- e1 weight 2 (high x high): h1 -4; e2 weight 1: h2 -1. h2 top.
  -- without e1: h1 0, h2 -1: h1 top, so e1 is pivotal; without e2: h2 0, still top.
  it("ranks the KB's hypotheses and finds the pivotal items", function()
    local r = kb:ach()
    assert.equals("h2", r.top)
    assert.near(-1, r.hypotheses[1].score, 1e-9)
    assert.near(-4, r.hypotheses[2].score, 1e-9)
    assert.equals("Distance", r.hypotheses[1].text)
    assert.same({ "e1" }, r.pivotal)
    assert.equals("Stays on the sidelines", r.evidence[1].text)
  end)

  it("takes weights and exclusions by item id", function()
    assert.equals("h1", kb:ach{ exclude = { "e1" } }.top)
    assert.equals("h1", kb:ach{ weights = { e1 = 0.1 } }.top)
  end)

  it("prints the ranking", function()
    assert.matches("least inconsistent first %(top: h2%)", tostring(kb:ach()))
  end)

  it("raises for unknown items, naming argument #1", function()
    assert.has_error(function() kb:ach{ weights = { zz = 1 } } end,
      "bad argument #1 to 'ach' (unknown item 'zz' in weights)")
    assert.has_error(function() kb:ach{ exclude = { "zz" } } end,
      "bad argument #1 to 'ach' (unknown item 'zz' in exclude)")
    assert.has_error(function() kb:ach{ weights = { e1 = -1 } } end,
      "bad argument #1 to 'ach' (weight of item 'e1' must be a finite number >= 0, got -1)")
  end)

  it("returns an empty ranking for a KB without hypotheses", function()
    local r = fake_kb({}):ach()
    assert.same({}, r.pivotal)
    assert.equals(0, #r.hypotheses)
  end)
end)

-- ---------------------------------------------------------------------
-- The article's conclusions, on the built-in KB.

describe("the built-in KB", function()
  local ok, kb = pcall(sinorus.open)
  local ready = ok and kb and kb.alignment
                and #kb:sql("SELECT id FROM factor") > 0
  local test = ready and it or pending

  test("shows a higher index under more Western pressure, on both horizons", function()
    for _, h in ipairs { "short", "long" } do
      local last = -math.huge
      for _, p in ipairs { 0, 0.25, 0.5, 0.75, 1 } do
        local x = kb:alignment{ horizon = h, pressure = p }.index
        assert.is_true(x > last, h .. " at pressure " .. p)
        last = x
      end
      assert.is_true(kb:sensitivity{ horizon = h }.dpressure > 0)
    end
  end)

  test("shows a higher long-term index than the short-term one (Ukraine)", function()
    assert.is_true(kb:alignment{ horizon = "long" }.index > kb:alignment{ horizon = "short" }.index)
  end)

  test("keeps every contribution sum equal to the index", function()
    for _, h in ipairs { "short", "long" } do
      local a = kb:alignment{ horizon = h, pressure = 0.8 }
      local sum = 0
      for _, c in ipairs(a.contributions) do sum = sum + c.value end
      assert.near(a.index, sum, 1e-12)
    end
  end)

  test("ranks its hypotheses when it has an ACH matrix", function()
    local r = kb:ach()
    if #kb:sql("SELECT item FROM rating") > 0 then
      assert.is_string(r.top)
      for i = 2, #r.hypotheses do
        assert.is_true(r.hypotheses[i - 1].score >= r.hypotheses[i].score)
      end
    end
  end)
end)
