-- Agreement between coders (csrc/sn_agree.c, csrc/lscore.c): checked
-- against published worked examples; doc/scoring.md has the formulas.

local sinorus = require "sinorus"

local EPS = 1e-12

describe("sinorus.agreement", function()
  -- Krippendorff's own reliability data: 4 observers, 12 units, values 1-5,
  -- missing values. K. Krippendorff, "Computing Krippendorff's Alpha-
  -- Reliability" (2011), https://repository.upenn.edu/asc_papers/43 (a copy:
  -- https://studylib.net/doc/5840696/reliability-data-reliability-data-observed-difference-a).
  -- Published: n = 40 pairable values, alpha nominal 0.743, ordinal 0.815,
  -- interval 0.849 (three decimals; the same data and figures appear in the
  -- examples of R's irr::kripp.alpha, https://rdrr.io/cran/irr/man/kripp.alpha.html).
  local A = { 1, 2, 3, 3, 2, 1, 4, 1, 2, false, false, false }
  local B = { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, false, 3 }
  local C = { false, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, false }
  local D = { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, false }

  it("reproduces Krippendorff's nominal alpha 0.743", function()
    local r = sinorus.agreement({ A, B, C, D })
    assert.equal("nominal", r.level)
    assert.equal(40, r.pairable)
    assert.equal(11, r.pairable_units)   -- unit 12 has one value
    assert.near(0.743, r.alpha, 0.0005)
  end)

  it("reproduces Krippendorff's ordinal alpha 0.815", function()
    assert.near(0.815, sinorus.agreement({ A, B, C, D }, { level = "ordinal" }).alpha, 0.0005)
  end)

  it("reproduces Krippendorff's interval alpha 0.849", function()
    assert.near(0.849, sinorus.agreement({ A, B, C, D }, { level = "interval" }).alpha, 0.0005)
  end)

  it("gives the nominal disagreements exactly", function()
    -- Observed: the units with disagreement are 2 (2,2,3,2: 6 ordered unequal
    -- pairs / 3), 6 (1,2,3,4: 12 / 3) and 8 (1,1,2,1: 6 / 3): 2 + 4 + 2 = 8,
    -- D_o = 8 / 40 = 0.2. Expected: value counts 1:9, 2:13, 3:10, 4:5, 5:3;
    -- pairs of unequal values 40 * 39 - (72 + 156 + 90 + 20 + 6) = 1216,
    -- D_e = 1216 / 1560; alpha = 1 - 0.2 * 1560 / 1216 = 0.74342...
    local r = sinorus.agreement({ A, B, C, D })
    assert.near(0.2, r.observed, EPS)
    assert.near(1216 / 1560, r.expected, EPS)
    assert.near(1 - 0.2 * 1560 / 1216, r.alpha, EPS)
  end)

  -- Cohen's kappa, the worked example of
  -- https://www.easycalculation.com/statistics/learn-cohens-kappa-index.php:
  -- 20 patients, doctor A and doctor B: yes/yes 12, A yes B no 4, A no B yes
  -- 2, no/no 2. Pr(a) = 14/20 = 0.7, Pr(e) = 0.8 * 0.7 + 0.2 * 0.3 = 0.62,
  -- kappa = 0.08 / 0.38 = 0.21.
  local function doctors()
    local a, b = {}, {}
    local function add(x, y, n)
      for _ = 1, n do a[#a + 1], b[#b + 1] = x, y end
    end
    add("yes", "yes", 12); add("yes", "no", 4); add("no", "yes", 2); add("no", "no", 2)
    return a, b
  end

  it("reproduces the textbook Cohen's kappa 0.21", function()
    local r = sinorus.agreement({ doctors() })
    assert.near(0.08 / 0.38, r.kappa, EPS)
    assert.equal(20, r.kappa_units)
    assert.near(0.7, r.percent, EPS)
  end)

  it("computes kappa over the units both coders coded", function()
    local a, b = doctors()
    a[21], b[22] = "yes", "no"   -- each coded by one coder only
    local r = sinorus.agreement({ a, b })
    assert.equal(22, r.units)
    assert.equal(20, r.kappa_units)
    assert.near(0.08 / 0.38, r.kappa, EPS)
  end)

  it("gives alpha 1 and kappa 1 for perfect agreement", function()
    local r = sinorus.agreement({ { 1, 2, 3, 1 }, { 1, 2, 3, 1 } })
    assert.equal(1, r.alpha)
    assert.equal(1, r.kappa)
    assert.equal(1, r.percent)
  end)

  it("counts percent agreement over the pairs within units", function()
    -- unit 1: 3 values, all equal (6 ordered pairs agree); unit 2: 2, 2, 3
    -- (2 of 6 agree); unit 3: one value (no pairs): 8 / 12
    local r = sinorus.agreement({ { 1, 2, 5 }, { 1, 2 }, { 1, 3 } })
    assert.near(8 / 12, r.percent, EPS)
    assert.is_nil(r.kappa)   -- three coders
  end)

  it("has no alpha when no value varies", function()
    local r = sinorus.agreement({ { 1, 1 }, { 1, 1 } })
    assert.is_nil(r.alpha)
    assert.equal(1, r.percent)
  end)

  it("treats strings as nominal categories", function()
    local r1 = sinorus.agreement({ { "CC", "I", "N" }, { "CC", "II", "N" } })
    local r2 = sinorus.agreement({ { 1, 2, 3 }, { 1, 4, 3 } })
    assert.equal(r2.alpha, r1.alpha)
  end)

  describe("refuses bad input", function()
    local cases = {
      { { nil }, nil,
        "bad argument #1 to 'agreement' (no coders (expected a list of coders' values))" },
      { { 1, 2 }, nil,
        "bad argument #1 to 'agreement' (coder 1 is a number, expected a table of values "
          .. "by unit)" },
      { { { 1 }, { x = 1 } }, nil,
        "bad argument #1 to 'agreement' (coder 2: key x is not a unit number)" },
      { { { 1, "a" }, { 1, 2 } }, { level = "interval" },
        "bad argument #1 to 'agreement' (coder 1, unit 2: interval values must be "
          .. "numbers, got a string)" },
      { { { 1, 1 / 0 }, { 1, 2 } }, { level = "interval" },
        "bad argument #1 to 'agreement' (coder 1, unit 2: value inf is not finite)" },
      { { { 1, {} }, { 1, 2 } }, nil,
        "bad argument #1 to 'agreement' (coder 1, unit 2: value is a table (expected a "
          .. "number or a string; nil or false when missing))" },
      { { { 1 } }, { level = "ratio" },
        "bad argument #2 to 'agreement' (level must be 'nominal', 'ordinal' or "
          .. "'interval', got 'ratio')" },
      { { { 1 } }, { levels = "nominal" },
        "bad argument #2 to 'agreement' (unknown option 'levels'; valid options: level)" },
    }
    for _, c in ipairs(cases) do
      it(c[3], function()
        assert.has_error(function() sinorus.agreement(c[1], c[2]) end, c[3])
      end)
    end
  end)
end)
