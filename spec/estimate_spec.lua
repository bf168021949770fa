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
    assert.same(band("serious possibility"), band("a more serious possibility"))
  end)

  it("shifts 'very' and 'highly' one band toward the nearer extreme", function()
    assert.equals("very likely", core.estimate("very probable").band)
    assert.equals("very unlikely", core.estimate("highly unlikely").band)
    assert.equals("highly likely", core.estimate("very likely", "phia").band)
    assert.equals("almost certain", core.estimate("highly likely", "kent").band)
    assert.equals("almost certainly not", core.estimate("very unlikely", "kent").band)
  end)

  it("stops a shift at the last graded band", function()
    assert.equals("almost certain", core.estimate("very almost certain").band)
    assert.equals("almost certain", core.estimate("highly almost certain", "kent").band)
  end)

  it("refuses to shift an even chance or a bare possibility", function()
    assert.is_nil(core.estimate("very even chance"))
    assert.is_nil(core.estimate("highly possible"))
  end)

  it("maps the comparatives to fixed bands", function()
    assert.equals("unlikely", core.estimate("less likely").band)
    assert.equals("very unlikely", core.estimate("far less likely").band)
    assert.equals("very unlikely", core.estimate("much less likely").band)
    assert.equals("likely", core.estimate("more likely").band)
    assert.equals("very likely", core.estimate("far more likely").band)
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

  it("finds 'far less likely' as one expression", function()
    assert.same({ "seems=likely", "far less likely=very unlikely" }, found(
      "for the much looser Sino-Russian relationship, which seems so far mainly based "
      .. "on the personal rapport of both leaders, joint action is far less likely."))
  end)

  it("finds the hedges of the article's key-point sentence on rhetoric", function()
    assert.same({ "likely=likely" }, found("Any Chinese support that Russia can expect "
      .. "in the current crisis is likely to be rhetorical and expressly limited to "
      .. "blaming Western actions rather than endorsing Moscow."))
  end)

  it("finds 'a more serious possibility'", function()
    assert.same({ "more serious possibility=roughly even chance" }, found(
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
    assert.same({ "certainly=certain" }, found("certainly", "kent"))
  end)

  it("finds every expression in the article, each one inside the text", function()
    local hs = sinorus.hedges(ARTICLE)
    assert.equals(29, #hs)
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
    assert.matches("far less likely", tostring(sinorus.hedges("far less likely")))
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
