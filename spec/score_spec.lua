-- Forecast scores, the ACH timeline and event series (csrc/sn_score.c,
-- csrc/lscore.c, lua/sinorus/score.lua). Hand computations are in the
-- comments; doc/scoring.md has the formulas.

local sinorus = require "sinorus"

local EPS = 1e-12

-- Five forecasts worked out by hand below.
local function F5()
  return {
    { p_low = 0.55, p_high = 0.80, outcome = "yes", band = "likely" },
    { p_low = 0.20, p_high = 0.45, outcome = "no" },
    { p_low = 0.55, p_high = 0.80, outcome = "no", band = "likely" },
    { p_low = 0.00, p_high = 1.00, outcome = "partly" },
    { p_low = 0.00, p_high = 1.00, outcome = "not_yet" },
  }
end

describe("sinorus.scores", function()
  -- midpoints 0.675, 0.325, 0.675, 0.5, 0.5; outcomes 1, 0, 0, 0.5 (partly
  -- as half) and the fifth left out.
  local s = sinorus.scores(F5())

  it("counts every forecast by outcome and scores the resolved ones", function()
    assert.same({ 5, 4, 1, 2, 1, 1, 0 },
                { s.n, s.scored, s.yes, s.no, s.partly, s.not_yet, s.unresolvable })
    assert.equal("half", s.partly_rule)
  end)

  it("gives each forecast its Brier score at the band's midpoint", function()
    -- (0.675 - 1)^2 = 0.105625, (0.325 - 0)^2 = 0.105625, 0.675^2 = 0.455625, 0
    local want = { 0.105625, 0.105625, 0.455625, 0 }
    for i = 1, 4 do assert.near(want[i], s.forecasts[i].brier, EPS) end
    assert.near(0.675, s.forecasts[1].p, EPS)
    assert.is_false(s.forecasts[5].scored)
    assert.is_nil(s.forecasts[5].brier)
  end)

  it("gives the range of Brier scores over the band", function()
    -- yes over [0.55, 0.8]: 0.2^2 .. 0.45^2; no over [0.2, 0.45]: 0.2^2 ..
    -- 0.45^2; no over [0.55, 0.8]: 0.55^2 .. 0.8^2; 0.5 inside [0, 1]: 0 .. 0.25
    local lo, hi = { 0.04, 0.04, 0.3025, 0 }, { 0.2025, 0.2025, 0.64, 0.25 }
    for i = 1, 4 do
      assert.near(lo[i], s.forecasts[i].brier_min, EPS)
      assert.near(hi[i], s.forecasts[i].brier_max, EPS)
    end
    assert.near(0.3825 / 4, s.brier_min, EPS)
    assert.near(1.295 / 4, s.brier_max, EPS)
  end)

  it("averages over the scored forecasts only", function()
    assert.near(0.666875 / 4, s.brier, EPS)       -- 0.16671875
    assert.near(1.5 / 4, s.base_rate, EPS)
  end)

  it("gives the log score in bits", function()
    -- -log2 0.675 twice, -log2 0.325, and -(log2 0.5 + log2 0.5) / 2 = 1
    local l1, l3 = -math.log(0.675, 2), -math.log(0.325, 2)
    assert.near(l1, s.forecasts[1].log, EPS)
    assert.near(l3, s.forecasts[3].log, EPS)
    assert.near(1, s.forecasts[4].log, EPS)
    assert.near((2 * l1 + l3 + 1) / 4, s.log, EPS)
  end)

  it("clamps the log score's probability to [0.001, 0.999]", function()
    local r = sinorus.scores{ { p_low = 0, p_high = 0, outcome = "yes" },
                              { p_low = 1, p_high = 1, outcome = "yes" } }
    assert.near(math.log(1000, 2), r.forecasts[1].log, 1e-9)
    assert.near(-math.log(0.999, 2), r.forecasts[2].log, 1e-9)
  end)

  it("decomposes the Brier score by distinct midpoint (Murphy)", function()
    -- bins 0.325 {0}, 0.5 {0.5}, 0.675 {1, 0}; base rate 0.375
    -- REL = (0.325^2 + 0 + 2 * 0.175^2) / 4 = 0.166875 / 4
    -- RES = (0.375^2 + 0.125^2 + 2 * 0.125^2) / 4 = 0.1875 / 4
    -- UNC = (0.625^2 + 2 * 0.375^2 + 0.125^2) / 4 = 0.6875 / 4
    assert.equal(3, s.groups)
    assert.near(0.166875 / 4, s.reliability, EPS)
    assert.near(0.1875 / 4, s.resolution, EPS)
    assert.near(0.6875 / 4, s.uncertainty, EPS)
    assert.near(s.brier, s.reliability - s.resolution + s.uncertainty, EPS)
  end)

  it("gives skill against always 0.5 and always the base rate", function()
    -- always 0.5: (0.25 + 0.25 + 0.25 + 0) / 4 = 0.1875; base rate: UNC
    assert.near(1 - 0.666875 / 0.75, s.skill_half, EPS)
    assert.near(1 - 0.666875 / 0.6875, s.skill_base, EPS)
  end)

  it("tabulates calibration by band, ordered by mean forecast", function()
    local c = s.calibration
    assert.same({ "0.2-0.45", "0-1", "likely" }, { c[1].band, c[2].band, c[3].band })
    assert.same({ 1, 1, 2 }, { c[1].n, c[2].n, c[3].n })
    assert.near(0.675, c[3].mean_p, EPS)
    assert.near(0.5, c[3].observed, EPS)
    assert.near(0.5, c[2].observed, EPS)
  end)

  it("leaves partly out when asked, still counting it", function()
    local r = sinorus.scores(F5(), { partly = "exclude" })
    assert.equal(3, r.scored)
    assert.equal(1, r.partly)
    assert.equal("exclude", r.partly_rule)
    assert.near(0.666875 / 3, r.brier, EPS)
    assert.is_false(r.forecasts[4].scored)
  end)

  it("gives 0 for a perfect forecaster and 0.25 for always 0.5", function()
    local perfect, half = {}, {}
    for i = 1, 10 do
      local yes = i % 3 == 0
      perfect[i] = { p_low = yes and 1 or 0, p_high = yes and 1 or 0,
                     outcome = yes and "yes" or "no" }
      half[i] = { p_low = 0.5, p_high = 0.5, outcome = yes and "yes" or "no" }
    end
    assert.equal(0, sinorus.scores(perfect).brier)
    local h = sinorus.scores(half)
    assert.near(0.25, h.brier, EPS)
    assert.near(0, h.skill_half, EPS)
    -- one bin: no resolution; base rate 3/10, so REL = 0.2^2, UNC = 0.21
    assert.near(0.04, h.reliability, EPS)
    assert.near(0, h.resolution, EPS)
    assert.near(0.21, h.uncertainty, EPS)
  end)

  it("adds up the decomposition on many random forecasts", function()
    local rng, list = 12345, {}
    local function rand()   -- a small LCG: the same list on every machine
      rng = (rng * 1103515245 + 12345) % 2147483648
      return rng / 2147483648
    end
    local outcomes = { "yes", "no", "partly", "not_yet", "unresolvable" }
    for i = 1, 2000 do
      local lo = math.floor(rand() * 10) / 10
      list[i] = { p_low = lo, p_high = lo + 0.1 * math.floor(rand() * 2),
                  outcome = outcomes[1 + math.floor(rand() * 5)] }
      if list[i].p_high > 1 then list[i].p_high = 1 end
    end
    local r = sinorus.scores(list)
    assert.near(r.brier, r.reliability - r.resolution + r.uncertainty, 1e-12)
    assert.is_true(r.groups > 5)
  end)

  it("has no scores but the counts when nothing is resolved", function()
    local r = sinorus.scores{ { p_low = 0.1, p_high = 0.2, outcome = "unresolvable" } }
    assert.equal(0, r.scored)
    assert.equal(1, r.unresolvable)
    assert.is_nil(r.brier)
    assert.same({}, r.calibration)
    assert.equal(0, sinorus.scores({}).n)
  end)

  it("has no skill score when its reference scores 0", function()
    local r = sinorus.scores{ { p_low = 0.9, p_high = 0.9, outcome = "yes" } }
    assert.is_nil(r.skill_base)   -- the base rate forecaster is perfect
    assert.near(1 - 0.01 / 0.25, r.skill_half, EPS)
  end)

  it("prints as a table", function()
    assert.truthy(tostring(s):find("brier", 1, true))
    assert.truthy(tostring(s.calibration):find("likely", 1, true))
  end)

  describe("refuses bad input", function()
    local cases = {
      { 3, "bad argument #1 to 'scores' (table expected, got number)" },
      { { 1 }, "bad argument #1 to 'scores' (item 1: table expected, got number)" },
      { { { p_high = 0.5, outcome = "yes" } },
        "bad argument #1 to 'scores' (item 1: p_low must be a number, got nil)" },
      { { { p_low = 0.1, p_high = 0.2, outcome = "no" }, { p_low = 1.5, p_high = 2,
            outcome = "yes" } },
        "bad argument #1 to 'scores' (item 2: p_low 1.5 is outside [0, 1])" },
      { { { p_low = 0, p_high = 0 / 0, outcome = "yes" } },
        "bad argument #1 to 'scores' (item 1: p_high " .. tostring(0 / 0)
          .. " is outside [0, 1])" },
      { { { p_low = 0.6, p_high = 0.4, outcome = "yes" } },
        "bad argument #1 to 'scores' (item 1: p_low 0.6 is above p_high 0.4)" },
      { { { p_low = 0.1, p_high = 0.4, outcome = "maybe" } },
        "bad argument #1 to 'scores' (item 1: outcome must be 'yes', 'no', 'partly', "
          .. "'not_yet' or 'unresolvable', got 'maybe')" },
      { { { p_low = 0.1, p_high = 0.4 } },
        "bad argument #1 to 'scores' (item 1: outcome must be 'yes', 'no', 'partly', "
          .. "'not_yet' or 'unresolvable', got nil)" },
      { { { p_low = 0.1, p_high = 0.4, outcome = "no", band = 3 } },
        "bad argument #1 to 'scores' (item 1: band must be a string, got number)" },
    }
    for _, c in ipairs(cases) do
      it(c[2], function()
        assert.has_error(function() sinorus.scores(c[1]) end, c[2])
      end)
    end

    it("an unknown option or rule", function()
      assert.has_error(function() sinorus.scores({}, { partial = "half" }) end,
        "bad argument #2 to 'scores' (unknown option 'partial'; valid options: partly)")
      assert.has_error(function() sinorus.scores({}, { partly = "zero" }) end,
        "bad argument #2 to 'scores' (partly must be 'half' or 'exclude', got 'zero')")
    end)
  end)
end)

describe("sinorus.ach_timeline", function()
  -- a (2022-02-18, high x low = 1): h1 I, h2 C
  -- d (2022-02-18, weight 1):       h2 I
  -- b (2022-03, the 31st; 1):       h1 N, h2 II
  -- c (2023, Dec 31; high x high = 2): h1 II
  local items = {
    { id = "a", date = "2022-02-18", credibility = "high", relevance = "low" },
    { id = "b", date = "2022-03" },
    { id = "c", date = "2023", credibility = "high", relevance = "high" },
    { id = "d", date = "2022-02-18" },
  }
  local ratings = {
    { item = "a", hypothesis = "h1", rating = "I" },
    { item = "a", hypothesis = "h2", rating = "C" },
    { item = "b", hypothesis = "h1", rating = "N" },
    { item = "b", hypothesis = "h2", rating = "II" },
    { evidence = "c", hypothesis = "h1", rating = "II" },
    { item = "d", hypothesis = "h2", rating = "I" },
  }

  it("gives one row per distinct date, scores cumulative", function()
    local t = sinorus.ach_timeline(items, ratings)
    assert.same({ "h1", "h2" }, t.hypotheses)
    assert.equal(3, #t.rows)
    local r1, r2, r3 = t.rows[1], t.rows[2], t.rows[3]
    assert.same({ "2022-02-18", "2022-03-31", "2023-12-31" }, { r1.date, r2.date, r3.date })
    assert.same({ 2, 3, 4 }, { r1.items, r2.items, r3.items })
    assert.near(-1, r1.scores.h1, EPS)
    assert.near(-1, r1.scores.h2, EPS)
    assert.same({ "h1", "h2" }, r1.ranking)   -- a tie keeps the order
    assert.near(-3, r2.scores.h2, EPS)
    assert.equal("h1", r2.top)
    assert.near(-1 - 2 * 2, r3.scores.h1, 1e-9)
    assert.same({ "h2", "h1" }, r3.ranking)
  end)

  it("counts an item dated exactly at the boundary", function()
    local more = { table.unpack(items) }
    more[#more + 1] = { id = "e", date = "2022-03-31" }   -- the day "2022-03" stands for
    local r = sinorus.ach_timeline(more, ratings).rows
    assert.equal(3, #r)
    assert.equal("2022-03-31", r[2].date)
    assert.equal(4, r[2].items)
  end)

  it("takes the analyst's weights and the hypotheses' order", function()
    local t = sinorus.ach_timeline(items, ratings, { weights = { c = 0.5 },
                                                     hypotheses = { "h2", "h1" } })
    assert.same({ "h2", "h1" }, t.hypotheses)
    assert.near(-2, t.rows[3].scores.h1, 1e-9)
    assert.same({ "h2", "h1" }, t.rows[1].ranking)
  end)

  describe("on the built-in KB", function()
    local kb = sinorus.open()
    local published = kb:sources()[1].published
    local hyps = {}
    for i, h in ipairs(kb:hypotheses()) do hyps[i] = h.id end

    local function kb_items(date_of)
      local list = kb:sql("SELECT id, credibility, relevance FROM ach_item ORDER BY ord, id")
      for i, it in ipairs(list) do it.date = date_of(i) end
      return list
    end

    local function same_as_ach(row)
      local ach = kb:ach()
      for i, h in ipairs(ach.hypotheses) do
        assert.equal(h.score, row.scores[h.hypothesis])
        assert.equal(h.hypothesis, row.ranking[i])
      end
    end

    it("ends on kb:ach()'s scores and ranking", function()
      assert.is_true(#hyps > 1)
      local t = sinorus.ach_timeline(kb_items(function() return published end),
                                     kb:ratings(), { hypotheses = hyps })
      assert.equal(1, #t.rows)
      assert.equal(published, t.rows[1].date)
      same_as_ach(t.rows[1])
    end)

    it("ends there too when the items come on several dates", function()
      local dates = { "2022-02-18", "2022-06", "2023", "2022-02-19" }
      local t = sinorus.ach_timeline(kb_items(function(i) return dates[i % 4 + 1] end),
                                     kb:ratings(), { hypotheses = hyps })
      assert.equal(4, #t.rows)
      same_as_ach(t.rows[#t.rows])
    end)
  end)

  describe("refuses bad input", function()
    local R = { { item = "a", hypothesis = "h", rating = "I" } }
    local cases = {
      { { { id = "a" } }, R,
        "bad argument #1 to 'ach_timeline' (item 1: date must be a string, got nil)" },
      { { { id = "a", date = "2022-02-30" } }, R,
        "bad argument #1 to 'ach_timeline' (item 1: date '2022-02-30' is not YYYY, "
          .. "YYYY-MM or YYYY-MM-DD)" },
      { { { id = "a", date = "2022", credibility = "huge" } }, R,
        "bad argument #1 to 'ach_timeline' (item 1: credibility must be 'low', 'medium' "
          .. "or 'high', got huge)" },
      { { { id = "a", date = "2022" }, { id = "a", date = "2022" } }, R,
        "bad argument #1 to 'ach_timeline' (item 2: duplicate item 'a')" },
      { { { id = "a", date = "2022" } }, { { item = "a", hypothesis = "h", rating = "X" } },
        "bad argument #2 to 'ach_timeline' (rating 1: unknown rating 'X' (expected CC, C, "
          .. "N, I, II or NA))" },
      { { { id = "a", date = "2022" } }, { { item = "b", hypothesis = "h", rating = "I" } },
        "bad argument #2 to 'ach_timeline' (rating 1: unknown item 'b')" },
      { { { id = "a", date = "2022" } }, {},
        "bad argument #2 to 'ach_timeline' (no hypotheses (no ratings and no "
          .. "opts.hypotheses))" },
    }
    for _, c in ipairs(cases) do
      it(c[3], function()
        assert.has_error(function() sinorus.ach_timeline(c[1], c[2]) end, c[3])
      end)
    end

    it("a pair rated twice", function()
      assert.has_error(function()
        sinorus.ach_timeline({ { id = "a", date = "2022" } },
                             { { item = "a", hypothesis = "h", rating = "I" },
                               { evidence = "a", hypothesis = "h", rating = "C" } })
      end, "bad argument #2 to 'ach_timeline' (rating 2: item 'a' is rated against 'h' twice)")
    end)

    it("a rating of a hypothesis not in opts.hypotheses", function()
      assert.has_error(function()
        sinorus.ach_timeline({ { id = "a", date = "2022" } },
                             { { item = "a", hypothesis = "h9", rating = "I" } },
                             { hypotheses = { "h1" } })
      end, "bad argument #2 to 'ach_timeline' (rating 1: unknown hypothesis 'h9')")
    end)

    it("a negative weight", function()
      assert.has_error(function()
        sinorus.ach_timeline({ { id = "a", date = "2022" } },
                             { { item = "a", hypothesis = "h", rating = "I" } },
                             { weights = { a = -1 } })
      end, "bad argument #3 to 'ach_timeline' (weight -1 of item 'a' is not finite and >= 0)")
    end)
  end)
end)

describe("sinorus.series", function()
  local values = {
    { date = "2022-02-18", value = 1 },
    { date = "2022-05", value = 3 },
    { date = "2022" },
    { date = "2022-04-01", value = -2 },
    { date = "2022-04-30" },
  }

  it("buckets by month, listing the empty months between", function()
    local s = sinorus.series(values)
    assert.equal("month", s.by)
    assert.equal(1, s.unplaced)   -- "2022" has no month
    assert.same({ "2022-02", "2022-03", "2022-04", "2022-05" },
                { s[1].period, s[2].period, s[3].period, s[4].period })
    assert.same({ 1, 0, 2, 1 }, { s[1].count, s[2].count, s[3].count, s[4].count })
    assert.equal(-2, s[3].sum)
    assert.equal(-2, s[3].mean)   -- the value-less event is counted, not averaged
    assert.is_nil(s[2].mean)
  end)

  it("buckets by quarter and by year", function()
    local q = sinorus.series(values, { by = "quarter" })
    assert.same({ "2022-Q1", "2022-Q2" }, { q[1].period, q[2].period })
    assert.same({ 1, 3 }, { q[1].count, q[2].count })
    assert.equal(1, q.unplaced)
    local y = sinorus.series(values, { by = "year" })
    assert.equal(1, #y)
    assert.equal(5, y[1].count)
    assert.equal(2, y[1].sum)
    assert.equal(0, y.unplaced)
  end)

  it("refuses a bad date, value or period", function()
    assert.has_error(function() sinorus.series({ { date = "22-01" } }) end,
      "bad argument #1 to 'series' (item 1: date must be YYYY, YYYY-MM or YYYY-MM-DD, "
        .. "got '22-01')")
    assert.has_error(function() sinorus.series({ { date = "2022", value = "x" } }) end,
      "bad argument #1 to 'series' (item 1: value must be a finite number or nil, got "
        .. "string)")
    assert.has_error(function() sinorus.series({}, { by = "week" }) end,
      "bad argument #2 to 'series' (by must be 'month', 'quarter' or 'year', got 'week')")
  end)
end)
