-- The ACH coding rules of data/README.md section 9 (tools/achrules.lua),
-- checked on data/abb-polianskii-2022/kb/hypotheses.lua and on the blind
-- second coding (data/abb-polianskii-2022/blind/). The checks are of the
-- rules and the evidence, never of what the matrix concludes: no spec here
-- names a winning hypothesis. The data must give no problem, and a broken
-- copy must give the expected one, so that no check passes vacuously.

local achrules = require "achrules"
local fs = require "spec.support.fs"

local DIR = "data/abb-polianskii-2022/"
local README = assert(fs.slurp("data/README.md"))
local ARTICLE = assert(fs.slurp(DIR .. "article.txt"))

local function fresh() return achrules.read_records(DIR .. "kb/hypotheses.lua") end
local function rows() return assert(achrules.partition(README)) end
local function check(d, r, readme) return achrules.check(d, r or rows(), ARTICLE, readme or README) end

local function by_id(list, id)
  for _, x in ipairs(list) do if x.id == id then return x end end
  error("no record " .. id)
end

-- Asserts that the problems include one containing `expected` (plain).
local function has(problems, expected)
  for _, p in ipairs(problems) do
    if p:find(expected, 1, true) then return end
  end
  error(("no problem %q among:\n%s"):format(expected, table.concat(problems, "\n")), 2)
end

describe("ACH rules (data/README.md section 9)", function()
  it("the article's matrix follows every rule", function()
    assert.same({}, check(fresh()))
  end)

  describe("the partition table", function()
    it("lists the data's hypotheses top down, each pair declared exclusive", function()
      local r = rows()
      assert.equal(#fresh().hypothesis, #r)
      local pairs_declared = 0
      for _, row in ipairs(r) do
        for _ in pairs(row.excludes) do pairs_declared = pairs_declared + 1 end
      end
      assert.equal(#r * (#r - 1) / 2, pairs_declared)
    end)

    it("is an error when missing or unreadable", function()
      local ok, err = achrules.partition("# no section 9\n")
      assert.is_nil(ok)
      assert.matches("section 9 not found", err, 1, true)
      local broken = README:gsub('h%-military: "no military backing"', 'h-military "no military backing"')
      ok, err = achrules.partition(broken)
      assert.is_nil(ok)
      assert.matches("cannot read excludes", err, 1, true)
    end)

    it("H1: a hypothesis whose text drops its exclusion phrase is caught", function()
      local d = fresh()
      local h = by_id(d.hypothesis, "h-rhetorical")
      h.text = h.text:gsub("no material help", "little material help")
      has(check(d), 'H1: h-rhetorical excludes h-shield by "no material help", which its text does not say')
    end)

    it("H1: an undeclared pair, a reordered list and a wrong level are caught", function()
      local r = rows()
      r[5].excludes["h-neutral"] = nil
      has(check(fresh(), r), "H1: h-distance does not declare how it excludes h-neutral")
      local d = fresh()
      d.hypothesis[1], d.hypothesis[2] = d.hypothesis[2], d.hypothesis[1]
      has(check(d), "H1: row 1 of the table is h-military, the data's hypothesis 1 is h-shield")
      r = rows()
      r[2].level = 7
      has(check(fresh(), r), "H1: h-shield is on level 7, expected 4")
      r = rows()
      r[2].excludes["h-distance"] = "no support"
      has(check(fresh(), r), "H1: h-shield excludes h-distance, which is not above it")
    end)
  end)

  describe("items", function()
    it("I1: an item restating a hypothesis (its marker) is caught", function()
      local d = fresh()
      -- the dropped item of the earlier coding: the authors' own summary
      d.item[#d.item + 1] = { id = "e-position-unchanged", credibility = "medium", relevance = "high",
        text = "China's position has stayed the same since 2014.",
        evidence = { "staying on the sidelines of the conflict, urging a diplomatic resolution" },
        ratings = by_id(d.item, "e-motorsich").ratings }
      has(check(d), 'I1: item e-position-unchanged restates h-neutral (marker "sidelines")')
      d = fresh()
      by_id(d.item, "e-secondary-sanctions").text = "There is little appetite for shielding Moscow."
      has(check(d), 'I1: item e-secondary-sanctions restates h-shield (marker "shielding")')
    end)

    it("I1: every marker is the article's own word", function()
      local r = rows()
      r[1].markers[#r[1].markers + 1] = "armed to the teeth"
      has(check(fresh(), r), 'I1: marker "armed to the teeth" of h-military is not in the article')
    end)

    it("I2: two items on one phrase are caught", function()
      local d = fresh()
      by_id(d.item, "e-statement-silent-on-ukraine").evidence[1] =
        "neither Ukraine nor Crimea, whose annexation remains unrecognized by China"
      has(check(d), "I2: items e-crimea-unrecognized and e-statement-silent-on-ukraine rest on the same phrase")
    end)

    it("every item rests on evidence the article holds", function()
      local d = fresh()
      by_id(d.item, "e-gas-deal").evidence = { "a historic oil deal" }
      has(check(d), 'item e-gas-deal: phrase not in the article: "a historic oil deal"')
      d = fresh()
      local it = by_id(d.item, "ea-li-hui-tour")
      it.events = {}
      has(check(d), "item ea-li-hui-tour rests on no evidence")
    end)
  end)

  describe("ratings", function()
    it("R1: CC and II only on items of high credibility", function()
      local d = fresh()
      by_id(d.item, "e-russian-caution").ratings["h-military"] = { "II", "Russian experts warn." }
      has(check(d), "R1: item e-russian-caution (credibility medium) rates h-military II")
    end)

    it("R2: a discounted reading never earns CC or II", function()
      local d = fresh()
      local r = by_id(d.item, "e-unsc-vote-2022").ratings
      r["h-distance"] = { "II", "Rated despite the discount (R2)." }
      has(check(d), "R2: item e-unsc-vote-2022 rates a discounted reading of h-distance II")
    end)

    it("R3: every CC, I, II and NA gives its reason", function()
      for _, v in ipairs { "CC", "I", "II", "NA" } do
        local d = fresh()
        by_id(d.item, "e-abstention-2014").ratings["h-shield"] = v
        has(check(d), "R3: item e-abstention-2014 rates h-shield " .. v .. " without a reason")
      end
      local d = fresh()
      by_id(d.item, "e-abstention-2014").ratings["h-shield"] = "C"
      assert.same({}, check(d))
    end)

    it("a reason cites only rules the README states, and every hypothesis is rated", function()
      local d = fresh()
      by_id(d.item, "e-gas-deal").ratings["h-military"] = { "N", "By rule R9." }
      has(check(d), "item e-gas-deal cites rule R9 for h-military, which the README does not state")
      d = fresh()
      by_id(d.item, "e-gas-deal").ratings["h-military"] = nil
      has(check(d), "item e-gas-deal rates h-military nil")
      d = fresh()
      by_id(d.item, "e-gas-deal").ratings["h-military"] = "X"
      has(check(d), "item e-gas-deal rates h-military X")
    end)
  end)
end)

describe("the blind second coding (data/abb-polianskii-2022/blind/)", function()
  local first = achrules.read_coder(DIR .. "blind/first-coder.lua")
  local second_path = DIR .. "blind/second-coder.lua"
  local second = fs.slurp(second_path) and achrules.read_coder(second_path)

  it("the first coder rated every item of the article against every hypothesis", function()
    local d = fresh()
    assert.same({}, achrules.check_coder(d, first, "first"))
    local n = 0
    for _ in pairs(first.ratings) do n = n + 1 end
    assert.equal(#achrules.article_items(d), n)
  end)

  if second then
    it("every disagreement is adjudicated with its reason, every agreement kept", function()
      assert.same({}, achrules.check_blind(fresh(), first, second))
    end)
  end

  it("a disagreement without an adjudication, or an agreed rating changed, is caught", function()
    local d = fresh()
    local other = { ratings = {}, factor_class = {} }
    for id, r in pairs(first.ratings) do
      other.ratings[id] = {}
      for h, v in pairs(r) do other.ratings[id][h] = v end
    end
    -- a disagreement the data do not record as adjudicated
    other.ratings["e-gas-deal"]["h-military"] = "C"
    has(achrules.check_blind(d, first, other),
        "e-gas-deal/h-military: coders disagree (N, C) and the reason records no adjudication")
    by_id(d.item, "e-gas-deal").ratings["h-military"] = { "C", achrules.ADJUDICATED .. " the deal is no arms." }
    local problems = achrules.check_blind(d, first, other)
    for _, p in ipairs(problems) do assert.is_nil(p:find("e-gas-deal/h-military", 1, true)) end
    -- an agreed rating the data changed
    d = fresh()
    by_id(d.item, "e-motorsich").ratings["h-shield"] = "C"
    has(achrules.check_blind(d, first, first), "e-motorsich/h-shield: both coders rate N, the data C")
    -- a coder's bad or missing value
    other.ratings["e-gas-deal"]["h-shield"] = "maybe"
    other.factor_class["irr-power-gap"] = "limit"
    local p = achrules.check_blind(fresh(), first, other)
    has(p, "second coder: factor irr-power-gap is limit")
    has(p, "second coder rates e-gas-deal against h-shield maybe")
    other.ratings["e-gas-deal"] = nil
    has(achrules.check_blind(fresh(), first, other), "second coder rates e-gas-deal against h-military nil")
    has(achrules.check_coder(fresh(), {}, "second"), "second coder: no ratings")
  end)
end)
