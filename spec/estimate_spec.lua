-- Estimative language: sinorus.estimate and sinorus.hedges (csrc/sn_estimate.c).
-- The rules are in doc/estimative.md.

local core = require "sinorus.core"
local sinorus = require "sinorus"

local ARTICLE
do
  local f = assert(io.open("data/abb-polianskii-2022/article.txt", "rb"))
  ARTICLE = f:read("a")
  f:close()
end

-- The band of term on scale as {band, p_low, p_high}.
local function band(term, scale)
  local r = assert(core.estimate(term, scale))
  return { r.band, r.p_low, r.p_high }
end

describe("the ICD 203 scale", function()
  -- ICD 203, section D.6.e(2)(a): both rows of terms and their percentages
  local published = {
    { "almost no chance", "almost no chance", 0.01, 0.05 },
    { "remote", "almost no chance", 0.01, 0.05 },
    { "very unlikely", "very unlikely", 0.05, 0.20 },
    { "highly improbable", "very unlikely", 0.05, 0.20 },
    { "unlikely", "unlikely", 0.20, 0.45 },
    { "improbable", "unlikely", 0.20, 0.45 },
    { "improbably", "unlikely", 0.20, 0.45 },
    { "roughly even chance", "roughly even chance", 0.45, 0.55 },
    { "roughly even odds", "roughly even chance", 0.45, 0.55 },
    { "likely", "likely", 0.55, 0.80 },
    { "probable", "likely", 0.55, 0.80 },
    { "probably", "likely", 0.55, 0.80 },
    { "very likely", "very likely", 0.80, 0.95 },
    { "highly probable", "very likely", 0.80, 0.95 },
    { "almost certain", "almost certain", 0.95, 0.99 },
    { "almost certainly", "almost certain", 0.95, 0.99 },
    { "nearly certain", "almost certain", 0.95, 0.99 },
  }
  for _, p in ipairs(published) do
    it("maps '" .. p[1] .. "' to " .. p[2] .. " [" .. p[3] .. ", " .. p[4] .. "]", function()
      assert.same({ p[2], p[3], p[4] }, band(p[1], "icd203"))
    end)
  end

  it("is the default scale", function()
    assert.equals("icd203", core.estimate("likely").scale)
  end)

  it("gives 'very unlikely' an upper bound of exactly 0.2 (the spec's example)", function()
    assert.equals(0.2, sinorus.estimate("very unlikely").p_high)
  end)

  it("has no band for certainty, which the directive does not grade", function()
    local r, msg = core.estimate("certain")
    assert.is_nil(r)
    assert.equals("unknown estimative term 'certain' on scale 'icd203'", msg)
  end)
end)

describe("the PHIA yardstick", function()
  local published = {
    { "remote chance", "remote chance", 0.0, 0.05 },
    { "highly unlikely", "highly unlikely", 0.10, 0.20 },
    { "unlikely", "unlikely", 0.25, 0.35 },
    { "realistic possibility", "realistic possibility", 0.40, 0.50 },
    { "likely", "likely", 0.55, 0.75 },
    { "probably", "likely", 0.55, 0.75 },
    { "highly likely", "highly likely", 0.80, 0.90 },
    { "almost certain", "almost certain", 0.95, 1.0 },
  }
  for _, p in ipairs(published) do
    it("maps '" .. p[1] .. "' to " .. p[2] .. " [" .. p[3] .. ", " .. p[4] .. "]", function()
      assert.same({ p[2], p[3], p[4] }, band(p[1], "phia"))
    end)
  end
end)

describe("Kent's words of estimative probability", function()
  -- Kent (1964): the centre and the spread he gave, as [centre - spread, centre + spread]
  local published = {
    { "certain", "certain", 1.0, 1.0, 1.0 },
    { "almost certain", "almost certain", 0.87, 0.99, 0.93 },
    { "probable", "probable", 0.63, 0.87, 0.75 },
    { "chances about even", "chances about even", 0.40, 0.60, 0.50 },
    { "probably not", "probably not", 0.20, 0.40, 0.30 },
    { "almost certainly not", "almost certainly not", 0.02, 0.12, 0.07 },
    { "impossible", "impossible", 0.0, 0.0, 0.0 },
  }
  for _, p in ipairs(published) do
    it("maps '" .. p[1] .. "' to " .. p[5] * 100 .. "%", function()
      local r = assert(core.estimate(p[1], "kent"))
      assert.same({ p[2], p[3], p[4] }, { r.band, r.p_low, r.p_high })
      assert.near(p[5], r.p_mid, 1e-12)
    end)
  end

  it("accepts Kent's own synonyms", function()
    assert.equals("probable", core.estimate("we believe", "kent").band)
    assert.equals("probably not", core.estimate("we doubt", "kent").band)
    assert.equals("almost certainly not", core.estimate("highly doubtful", "kent").band)
    assert.equals("almost certain", core.estimate("we are convinced", "kent").band)
  end)

  it("keeps Kent's synonyms to Kent's scale", function()
    assert.is_nil(core.estimate("we believe"))
  end)
end)

describe("sinorus.estimate", function()
  it("returns term, scale, band, p_low, p_high and p_mid", function()
    local r = sinorus.estimate("Likely", "phia")
    assert.same({ term = "Likely", scale = "phia", band = "likely", p_low = 0.55,
                  p_high = 0.75, p_mid = (0.55 + 0.75) / 2 }, {
      term = r.term, scale = r.scale, band = r.band, p_low = r.p_low,
      p_high = r.p_high, p_mid = r.p_mid })
  end)

  it("prints as a record", function()
    assert.matches("band%s+very unlikely", tostring(sinorus.estimate("very unlikely")))
  end)

  it("ignores case, extra spaces and hyphens", function()
    assert.same(band("roughly even odds"), band("  Roughly-even   ODDS "))
    assert.same(band("almost certain"), band("almost\tcertain"))
  end)

  it("ignores a trailing 'to' or 'that' and a leading article", function()
    assert.same(band("likely"), band("likely to"))
    assert.same(band("unlikely"), band("unlikely that"))
    assert.same(band("serious possibility"), band("a serious possibility"))
  end)

  it("gives comparatives no band: they grade against another outcome", function()
    for _, t in ipairs { "less likely", "far less likely", "much less likely", "more likely",
                         "far more likely", "a more serious possibility", "less probable" } do
      for _, scale in ipairs { "icd203", "phia", "kent" } do
        local r, msg = sinorus.estimate(t, scale)
        assert.is_nil(r)
        assert.equals("unknown estimative term '" .. t .. "' on scale '" .. scale .. "'", msg)
      end
    end
  end)

  it("treats conviction adverbs and approximators as no estimate", function()
    for _, t in ipairs { "certainly", "clearly", "essentially", "tend to" } do
      for _, scale in ipairs { "icd203", "phia", "kent" } do
        assert.is_nil(core.estimate(t, scale))
      end
    end
    assert.equals("certain", core.estimate("certain", "kent").band)
  end)

  it("reads the article's off-lexicon hedges by the documented rules", function()
    assert.same(band("possible"), band("arguably"))          -- a case can be made
    assert.same(band("likely"), band("hinting at"))          -- an evidential, like "seems"
    assert.same(band("likely"), band("hints at"))
  end)
  it("reads negations as the opposite band", function()
    assert.same(band("unlikely"), band("not likely"))
    assert.same(band("unlikely"), band("probably not"))
    assert.same(band("almost no chance"), band("almost certainly not"))
    assert.equals("roughly even chance", core.estimate("not unlikely").band)
  end)

  it("gives modal verbs and 'possible' the possible band (no probability)", function()
    for _, t in ipairs { "may", "might", "could", "possible", "possibly", "possibility",
                         "perhaps", "not an unavoidable", "not inevitable" } do
      assert.same({ "possible", 0.01, 0.99 }, band(t))
    end
    assert.same({ "possible", 0.0, 1.0 }, band("may", "phia"))
    assert.same({ "possible", 0.02, 0.99 }, band("might", "kent"))
  end)

  it("reads 'seems' as the likely band", function()
    assert.same(band("likely"), band("seems"))
  end)

  it("maps a serious or realistic possibility to the even band", function()
    assert.same(band("roughly even chance"), band("serious possibility"))
    assert.equals("realistic possibility", core.estimate("real possibility", "phia").band)
  end)

  it("returns nil and a message for an unknown term", function()
    local r, msg = sinorus.estimate("inconceivable")
    assert.is_nil(r)
    assert.equals("unknown estimative term 'inconceivable' on scale 'icd203'", msg)
  end)

  it("returns nil for an empty term, punctuation and idioms", function()
    assert.is_nil(core.estimate(""))
    assert.is_nil(core.estimate("likely."))
    assert.is_nil(core.estimate("as possible"))
    assert.is_nil(core.estimate("should not be underestimated"))
  end)

  it("raises for an unknown scale", function()
    assert.has_error(function() sinorus.estimate("likely", "nato") end,
      "bad argument #2 to 'estimate' (invalid option 'nato')")
  end)

  it("raises for a term that is not a string", function()
    assert.has_error(function() sinorus.estimate({}) end,
      "bad argument #1 to 'estimate' (string expected, got table)")
    assert.has_error(function() core.estimate() end,
      "bad argument #1 to 'estimate' (string expected, got no value)")
  end)

  it("raises for a scale that is not a string", function()
    assert.has_error(function() core.estimate("likely", 2) end,
      "bad argument #2 to 'estimate' (invalid option '2')")
    assert.has_error(function() core.estimate("likely", {}) end,
      "bad argument #2 to 'estimate' (string expected, got table)")
  end)
end)

describe("sinorus.hedges", function()
  local function found(text, scale)
    local out = {}
    for _, h in ipairs(sinorus.hedges(text, scale)) do
      out[#out + 1] = h.text .. "=" .. h.band
    end
    return out
  end

  it("consumes 'far less likely' as one comparative and reports no band for it", function()
    assert.same({ "seems=likely" }, found(
      "for the much looser Sino-Russian relationship, which seems so far mainly based "
      .. "on the personal rapport of both leaders, joint action is far less likely."))
  end)

  it("finds the hedges of the article's key-point sentence on rhetoric", function()
    assert.same({ "likely=likely" }, found("Any Chinese support that Russia can expect "
      .. "in the current crisis is likely to be rhetorical and expressly limited to "
      .. "blaming Western actions rather than endorsing Moscow."))
  end)

  it("reports neither 'a more serious possibility' nor the 'serious possibility' inside it", function()
    assert.same({}, found(
      "A long-term alignment between both sides is a more serious possibility, but can "
      .. "still be influenced by Western policy choices."))
  end)

  it("finds 'unlikely' before 'to materialize' and 'to result'", function()
    assert.same({ "unlikely=unlikely" }, found(
      "Such extreme scenarios are unlikely to materialize"))
    assert.same({ "unlikely=unlikely", "may=possible" }, found(
      "If closer Sino-Russian alignment is unlikely to result in joint action over the "
      .. "specific issue of Ukraine, it may still be significant"))
  end)

  it("finds 'not an unavoidable trend' and 'likely' but not 'highly responsive'", function()
    assert.same({ "not an unavoidable=possible", "likely=likely" }, found(
      "is not an unavoidable trend. In fact, it is likely to be highly responsive to "
      .. "Western policy choices"))
  end)

  it("finds 'probably', 'might' and 'seems'", function()
    assert.same({ "probably=likely" }, found(
      "The biggest Russian “get” in the text is probably a paragraph"))
    assert.same({ "might=possible" }, found(
      "China’s support for Russia’s policy towards Ukraine might also jeopardize"))
    assert.same({ "seems=likely" }, found("there also seems to be little appetite"))
  end)

  it("finds the article's off-lexicon hedges 'arguably' and 'hinting at', not 'essentially'", function()
    assert.same({ "arguably=possible" }, found(
      "Its most proactive, forward-looking and arguably internationally popular part"))
    assert.same({ "hinting at=likely" }, found(
      "is notable throughout, hinting at the growing asymmetry between both sides"))
    assert.same({}, found("a Chinese position on Ukraine that has essentially remained unchanged"))
    assert.same({}, found("There certainly are fundamental reasons"))
  end)

  it("does not report 'should not be underestimated', 'likelihood' or 'as possible'", function()
    assert.same({}, found("This should not be underestimated"))
    assert.same({}, found("views on the likelihood of such a development differ"))
    assert.same({}, found("behave as carefully as possible"))
  end)

  it("returns 1-based inclusive offsets into the text", function()
    local text = "It is highly likely."
    local h = sinorus.hedges(text)[1]
    assert.same({ 7, 19, "highly likely" }, { h.start, h.stop, text:sub(h.start, h.stop) })
    assert.equals("very likely", h.band)
    assert.same({ 0.80, 0.95 }, { h.p_low, h.p_high })
  end)

  it("matches whole words only and ignores case", function()
    assert.same({ "LIKELY=likely" }, found("unlikelyish LIKELY likelyhood"))
  end)

  it("does not join words across punctuation", function()
    assert.same({ "likely=likely" }, found("very, likely"))
    assert.same({ "likely=likely" }, found("less. likely"))
  end)

  it("uses the given scale", function()
    assert.same({ "highly unlikely=almost certainly not" }, found("highly unlikely", "kent"))
    assert.same({}, found("certainly", "icd203"))
    assert.same({}, found("certainly", "kent"))
    assert.same({ "certain=certain" }, found("certain", "kent"))
  end)

  it("finds every expression in the article, each one inside the text", function()
    -- 27: no comparative ("far less likely" three times, "a more serious
    -- possibility") and no "certainly"; "arguably" and "hinting at" counted
    local hs = sinorus.hedges(ARTICLE)
    assert.equals(27, #hs)
    local last = 0
    for _, h in ipairs(hs) do
      assert.equals(h.text, ARTICLE:sub(h.start, h.stop))
      assert.is_true(h.start > last)
      last = h.stop
    end
  end)

  it("handles texts with more than 64 expressions", function()
    local hs = sinorus.hedges(string.rep("likely ", 1000))
    assert.equals(1000, #hs)
    assert.equals(6994, hs[1000].start)
  end)

  it("returns an empty list for an empty text", function()
    assert.same({}, found(""))
  end)

  it("prints as a table", function()
    assert.matches("very unlikely", tostring(sinorus.hedges("very unlikely")))
  end)

  it("raises for a text that is not a string", function()
    assert.has_error(function() sinorus.hedges(nil) end,
      "bad argument #1 to 'hedges' (string expected, got nil)")
  end)

  it("raises for an unknown scale", function()
    assert.has_error(function() sinorus.hedges("likely", "x") end,
      "bad argument #2 to 'hedges' (invalid option 'x')")
  end)
end)

-- Every scale x modifier combination, table-driven. The expected bands are
-- written out per concept (doc/estimative.md, "The lexicon and its rules"):
-- an intensifier moves a gradable term one band toward the end its concept
-- leans to, never weakens it, and is refused on every other term.
describe("intensifiers on every scale", function()
  local SCALES = { "icd203", "phia", "kent" }
  -- concept -> { icd203, phia, kent } band names (false: none on that scale)
  local PLAIN = {
    remote = { "almost no chance", "remote chance", "almost certainly not" },
    unlikely = { "unlikely", "unlikely", "probably not" },
    even = { "roughly even chance", "realistic possibility", "chances about even" },
    likely = { "likely", "likely", "probable" },
    acertain = { "almost certain", "almost certain", "almost certain" },
    certain = { false, false, "certain" },
    impossible = { false, false, "impossible" },
    possible = { "possible", "possible", "possible" },
    comparative = { false, false, false },
  }
  local INTENSIFIED = {
    remote = { "almost no chance", "remote chance", "almost certainly not" },
    unlikely = { "very unlikely", "highly unlikely", "almost certainly not" },
    likely = { "very likely", "highly likely", "almost certain" },
    certain = { false, false, "certain" },
    impossible = { false, false, "impossible" },
  }
  -- the lexicon's terms: { words, concept, takes an intensifier }
  local TERMS = {
    { "almost no chance", "remote", false }, { "remote", "remote", true },
    { "remote chance", "remote", true }, { "remote possibility", "remote", true },
    { "almost impossible", "remote", false }, { "virtually impossible", "remote", false },
    { "almost certainly not", "remote", false },
    { "unlikely", "unlikely", true }, { "improbable", "unlikely", true },
    { "improbably", "unlikely", true }, { "doubtful", "unlikely", true },
    { "probably not", "unlikely", false }, { "not likely", "unlikely", false },
    { "not probable", "unlikely", false }, { "not very likely", "unlikely", false },
    { "roughly even chance", "even", false }, { "roughly even odds", "even", false },
    { "even chance", "even", false }, { "even odds", "even", false },
    { "chances about even", "even", false }, { "chances are about even", "even", false },
    { "as likely as not", "even", false }, { "realistic possibility", "even", false },
    { "real possibility", "even", false }, { "serious possibility", "even", false },
    { "distinct possibility", "even", false }, { "not unlikely", "even", false },
    { "likely", "likely", true }, { "probable", "likely", true },
    { "probably", "likely", true }, { "more likely than not", "likely", false },
    { "seems", "likely", false }, { "seem", "likely", false }, { "seemed", "likely", false },
    { "seemingly", "likely", false }, { "apparently", "likely", false },
    { "hinting at", "likely", false }, { "hints at", "likely", false },
    { "hinted at", "likely", false }, { "hint at", "likely", false },
    { "almost certain", "acertain", false }, { "almost certainly", "acertain", false },
    { "nearly certain", "acertain", false }, { "nearly certainly", "acertain", false },
    { "virtually certain", "acertain", false }, { "virtually certainly", "acertain", false },
    { "certain", "certain", true }, { "impossible", "impossible", true },
    { "possible", "possible", false }, { "possibly", "possible", false },
    { "possibility", "possible", false }, { "perhaps", "possible", false },
    { "conceivably", "possible", false }, { "arguably", "possible", false },
    { "may", "possible", false }, { "might", "possible", false },
    { "could", "possible", false }, { "not certain", "possible", false },
    { "not impossible", "possible", false }, { "not inevitable", "possible", false },
    { "not unavoidable", "possible", false }, { "not an unavoidable", "possible", false },
    { "less likely", "comparative", false }, { "far less likely", "comparative", false },
    { "much less likely", "comparative", false }, { "less probable", "comparative", false },
    { "much less probable", "comparative", false }, { "far less probable", "comparative", false },
    { "more likely", "comparative", false }, { "more probable", "comparative", false },
    { "much more likely", "comparative", false }, { "far more likely", "comparative", false },
    { "more serious possibility", "comparative", false },
    { "less serious possibility", "comparative", false },
  }

  local function distance(r) return math.abs(r.p_low + r.p_high - 1) end

  for si, scale in ipairs(SCALES) do
    for _, term in ipairs(TERMS) do
      local words, concept, mod = term[1], term[2], term[3]
      it(string.format("%s: '%s' alone", scale, words), function()
        local want = PLAIN[concept][si]
        local r = core.estimate(words, scale)
        assert.equals(want or nil, r and r.band)
      end)
      for _, m in ipairs { "very", "highly" } do
        local phrase = m .. " " .. words
        local want = mod and INTENSIFIED[concept] and INTENSIFIED[concept][si] or nil
        it(string.format("%s: '%s' %s", scale, phrase, want and "is " .. want or "is refused"),
           function()
          local r, msg = sinorus.estimate(phrase, scale)
          if want then
            assert.equals(want, r.band)
            -- never weaker than the bare term
            assert.is_true(distance(r) >= distance(core.estimate(words, scale)) - 1e-12)
          else
            assert.is_nil(r)
            assert.equals(string.format("unknown estimative term '%s' on scale '%s'",
                                        phrase, scale), msg)
          end
          -- hedges reads the same: the whole phrase, or the bare term alone
          local hs = sinorus.hedges(phrase, scale)
          local plain = PLAIN[concept][si]
          if want then
            assert.same({ phrase, want }, { hs[1].text, hs[1].band })
          elseif plain then
            assert.same({ words, plain }, { hs[1].text, hs[1].band })
          else
            assert.equals(0, #hs)
          end
        end)
      end
    end
  end

  it("covers the cases the audit named", function()
    assert.is_nil(core.estimate("very even chance", "phia"))
    assert.is_nil(core.estimate("highly realistic possibility", "phia"))
    assert.equals("certain", core.estimate("very certain", "kent").band)
    assert.equals("impossible", core.estimate("very impossible", "kent").band)
    assert.is_nil(core.estimate("highly seems"))
    assert.is_nil(core.estimate("very not likely"))
    assert.is_nil(core.estimate("very probably not"))
    assert.same({ "probably not=unlikely" }, (function()
      local h = sinorus.hedges("very probably not")[1]
      return { h.text .. "=" .. h.band }
    end)())
  end)
end)
