-- Hard-wrapped plain text (sn_segment.c, wrap_width): paragraphs broken
-- into lines of a fixed width segment as the same paragraphs written one
-- a line; texts that are not wrapped segment as before.
local core = require "sinorus.core"
local check_invariants = require("spec.support.segments").check_invariants

local function slurp(path)
  return assert(require("spec.support.fs").slurp(path), path)
end

-- The texts of text's segments of kind (plain text), in order.
local function texts(text, kind)
  local out = {}
  for _, s in ipairs(core.segment(text, "plain")) do
    if s.kind == kind then out[#out + 1] = text:sub(s.start, s.stop) end
  end
  return out
end

-- Greedy wrapping of one paragraph at width characters (a CJK run breaks
-- anywhere, as editors wrap Chinese; its characters count one here, two
-- columns for the segmenter).
local function wrap(par, width)
  local lines, line, n = {}, {}, 0
  local function flush()
    if #line > 0 then lines[#lines + 1] = table.concat(line) end
    line, n = {}, 0
  end
  for word in par:gmatch("%S+") do
    local w = utf8.len(word)
    if w > width then                      -- no spaces (Chinese): cut by characters
      if n > 0 then flush() end
      for _, c in utf8.codes(word) do
        if n + 1 > width then flush() end
        line[#line + 1] = utf8.char(c)
        n = n + 1
      end
    else
      if n > 0 and n + 1 + w > width then flush() end
      if n > 0 then line[#line + 1] = " "; n = n + 1 end
      line[#line + 1] = word
      n = n + w
    end
  end
  flush()
  return table.concat(lines, "\n")
end

-- The segments of text as {kind, text without white space}.
local function shape(text)
  local out = {}
  for i, s in ipairs(core.segment(text, "plain")) do
    out[i] = s.kind .. ": " .. text:sub(s.start, s.stop):gsub("%s+", "")
  end
  return out
end

local function lines_of(text)
  local t = {}
  for l in (text .. "\n"):gmatch("([^\n]*)\n") do
    if l:find("%S") then t[#t + 1] = l end
  end
  return t
end

local ARTICLE = "data/abb-polianskii-2022/article.txt"
-- texts and the widths they are wrapped at. The language fixtures are
-- short: their paragraphs are joined into one (with sep), and the heading
-- and that paragraph come four times over. English is the article's (the
-- English fixture's sentences are so short that most of its lines would
-- end one, which reads as notes, one sentence a line).
local CASES = {
  { ARTICLE, nil, { 60, 72, 100 } },
  { "spec/fixtures/lang/ru.txt", " ", { 40, 60, 72 } },
  { "spec/fixtures/lang/zh.txt", "", { 20, 24, 30 } },   -- 40 to 60 columns
}

describe("hard-wrapped plain text", function()
  for _, case in ipairs(CASES) do
    local path, sep, widths = case[1], case[2], case[3]
    for _, width in ipairs(widths) do
      it(("%s wrapped at %d, blank lines between paragraphs: the same segments")
         :format(path, width), function()
        local lines = lines_of(slurp(path))
        if sep then
          local body = table.concat(lines, sep, 2)
          lines = {}
          for _ = 1, 4 do
            lines[#lines + 1] = lines_of(slurp(path))[1]
            lines[#lines + 1] = body
          end
        end
        local pars = {}
        for i, l in ipairs(lines) do pars[i] = wrap(l, width) end
        local text = table.concat(lines, "\n") .. "\n"
        local wrapped = table.concat(pars, "\n\n") .. "\n"
        assert.is_true(#lines_of(wrapped) > 1.5 * #pars)   -- it was wrapped
        assert.same(shape(text), shape(wrapped))
        check_invariants(wrapped, core.segment(wrapped))
      end)
    end
  end

  it("joins a paragraph whose lines were not filled to the width", function()
    local text = table.concat({
      "The GNU General Public License is a free, copyleft license for",
      "software and other kinds of works, and this line runs right on to",
      "the next one, as lines of a paragraph do when they are wrapped by",
      "hand.",
      "",
      "A second paragraph starts after the blank line and it is wrapped",
      "at the same width as the first one was, more or less, by a person",
      "who did not fill every line.",
    }, "\n")
    local pars = texts(text, "paragraph")
    assert.equal(2, #pars)
    assert.matches("^The GNU.-by\nhand%.$", pars[1])
    assert.matches("^A second.-every line%.$", pars[2])
    assert.same({}, texts(text, "heading"))
  end)

  it("ends a paragraph at a short line that ends a sentence, with no blank line", function()
    local text = table.concat({
      "Closer Sino-Russian alignment is mainly driven by a shared feeling",
      "of facing Western military and normative pressure, resulting in a",
      "growing identification of each other as partners.",
      "However, the devil is as always in the details, and the interests of",
      "both sides tend to diverge when looking at specific cases like",
      "Ukraine.",
    }, "\n")
    local pars = texts(text, "paragraph")
    assert.same({ "Closer Sino-Russian alignment is mainly driven by a shared feeling\n" ..
                  "of facing Western military and normative pressure, resulting in a\n" ..
                  "growing identification of each other as partners.",
                  "However, the devil is as always in the details, and the interests of\n" ..
                  "both sides tend to diverge when looking at specific cases like\n" ..
                  "Ukraine." }, pars)
  end)

  it("keeps list items and reference entries apart, each with its own wrapped lines", function()
    local text = table.concat({
      "The sources below were read for this note on the limits of the",
      "partnership between the two states in the winter of that year, when",
      "the crisis over Ukraine came to a head and both capitals were asked",
      "where they stood.",
      "",
      "- a joint statement that both sides published on the fourth of",
      "  February, before the opening of the games",
      "- a speech",
      "1. Abb, Pascal and Polianskii, Mikhail: A new Sino-Russian Entente?",
      "   The limits of cooperation on Ukraine and beyond, PRIF 2022.",
      "2. Trenin, Dmitri: a second entry.",
    }, "\n")
    local got = {}
    for _, s in ipairs(core.segment(text, "plain")) do
      if s.kind ~= "sentence" then
        got[#got + 1] = s.kind .. ": " .. text:sub(s.start, s.stop):gsub("%s+", " ")
      end
    end
    assert.same({
      "paragraph: The sources below were read for this note on the limits of the " ..
        "partnership between the two states in the winter of that year, when the " ..
        "crisis over Ukraine came to a head and both capitals were asked where they stood.",
      "paragraph: - a joint statement that both sides published on the fourth of " ..
        "February, before the opening of the games",
      "paragraph: - a speech",
      "reference: 1. Abb, Pascal and Polianskii, Mikhail: A new Sino-Russian Entente? " ..
        "The limits of cooperation on Ukraine and beyond, PRIF 2022.",
      "reference: 2. Trenin, Dmitri: a second entry.",
    }, got)
  end)

  it("keeps the segmenter's invariants on 500 random wrapped texts", function()
    local words = { "the", "sanctions", "regime", "was", "tightened.", "Beijing,", "e.g.",
                    "U.S.", "Moscow", "talks?", "-", "*", "•", "[3]", "1.", "12.", "“We", "object.”",
                    "中国和俄罗斯", "发表联合声明。", "北约", "В.", "В.", "Путин", "т.", "е.", "заявил:",
                    "«Мы", "против»", "and", "of", "a", "partnership", "between", "two", "states" }
    math.randomseed(23)
    local joined = 0
    for _ = 1, 500 do
      local pars = {}
      for p = 1, math.random(1, 8) do
        local w = {}
        for k = 1, math.random(1, 60) do w[k] = words[math.random(#words)] end
        pars[p] = wrap(table.concat(w, " "), math.random(40, 80))
      end
      local text = table.concat(pars, math.random(2) == 1 and "\n" or "\n\n")
      local segs = core.segment(text)
      check_invariants(text, segs)
      for _, seg in ipairs(segs) do
        if seg.kind == "paragraph" and text:sub(seg.start, seg.stop):find("\n") then
          joined = joined + 1
          break
        end
      end
    end
    assert.is_true(joined > 50, "read as wrapped: " .. joined)   -- the wrapped path ran
  end)

  it("keeps consecutive reference entries apart, whatever their lines end in", function()
    local text = table.concat({
      "The committee met four times that year and each time it weighed the",
      "funding of the programmes against the reports of the reviewers, who",
      "had read every proposal at least twice before the meetings were held",
      "and who wrote their opinions down for the members of the committee",
      "to read in advance.",
      "",
      "References",
      "1. Smith, J. and K. Jones, Funding of research programmes, vol. 3, 2001",
      "2. Brown, A., A history of the committee and its many meetings, 2nd ed",
      "[3] Green, B., Peer review in practice and in theory: a survey, pp. 12-40",
      "[4] https://example.org/reports/committee/2003/annual-review-of-funding",
    }, "\n")
    local refs = texts(text, "reference")
    for i, r in ipairs(refs) do refs[i] = r:sub(1, 3) end
    assert.same({ "1. ", "2. ", "[3]", "[4]" }, refs)
    assert.matches("\n", texts(text, "paragraph")[1])   -- read as wrapped
  end)

  describe("texts that are not wrapped segment a line at a time", function()
    local function kinds(text)
      local t = {}
      for _, s in ipairs(core.segment(text, "plain")) do
        if s.kind ~= "sentence" then t[#t + 1] = s.kind end
      end
      return t
    end

    it("notes of one sentence a line", function()
      assert.same({ "paragraph", "paragraph", "paragraph", "paragraph" }, kinds(
        "China buys more Russian gas than it did.\nRussia sells oil to India at a discount.\n" ..
        "Both sides hold joint naval exercises.\nThe West watches the two of them closely.\n"))
    end)

    it("a list of a few words an item", function()
      assert.same({ "heading", "heading", "heading", "heading" }, kinds(
        "apples and pears\nplums and cherries\noranges and limes\ngrapes and melons\n"))
    end)

    it("a list of titles", function()
      assert.same({ "heading", "heading", "heading", "heading" }, kinds(
        "Russia and China sign a new gas deal\nChina abstains in the Security Council\n" ..
        "Moscow hosts the foreign ministers\nBeijing calls for talks on Ukraine\n"))
    end)

    it("the article, one paragraph a line", function()
      local text = slurp(ARTICLE)
      local paras = 0
      for _, s in ipairs(core.segment(text, "plain")) do
        if s.kind == "paragraph" then
          paras = paras + 1
          assert.is_nil(text:sub(s.start, s.stop):find("\n"))
        end
      end
      assert.is_true(paras > 10)
    end)

    it("Markdown, which has paragraphs of its own", function()
      local text = "A line that is wrapped\nby hand in Markdown.\n"
      local segs = core.segment(text, "markdown")
      assert.equal("paragraph", segs[1].kind)
      assert.equal(#text - 1, segs[1].stop)
    end)
  end)
end)
