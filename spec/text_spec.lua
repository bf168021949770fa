-- The text layer of the C core, through its Lua binding: folding, query
-- translation, segmentation and the multi-pattern matcher.

local core = require "sinorus.core"

local function read_article()
  local f = assert(io.open("data/abb-polianskii-2022/article.txt", "rb"))
  local text = f:read("a")
  f:close()
  return text
end

-- The segment (and its index) of a kind whose text contains needle.
local function find_seg(text, segs, kind, needle)
  for i, s in ipairs(segs) do
    if s.kind == kind and text:sub(s.start, s.stop):find(needle, 1, true) then
      return s, i
    end
  end
end

describe("sinorus.core.segment", function()
  local text, segs
  setup(function()
    text = read_article()
    segs = core.segment(text)
  end)

  local function seg_text(s) return text:sub(s.start, s.stop) end

  local function sentence(needle)
    local s, i = find_seg(text, segs, "sentence", needle)
    assert.is_not_nil(s, "no sentence contains " .. needle)
    return seg_text(s), i
  end

  describe("over the whole article", function()
    it("gives segments with 1-based inclusive offsets inside the text", function()
      for _, s in ipairs(segs) do
        assert.is_true(s.start >= 1 and s.start <= s.stop and s.stop <= #text)
      end
    end)

    it("gives segments that never begin or end with white space", function()
      for _, s in ipairs(segs) do
        local t = seg_text(s)
        assert.is_nil(t:find("^%s"))
        assert.is_nil(t:find("%s$"))
        assert.is_nil(t:find("^\u{A0}"))
      end
    end)

    it("knows only four kinds", function()
      local kinds = { heading = true, paragraph = true, sentence = true, reference = true }
      for _, s in ipairs(segs) do assert.is_true(kinds[s.kind]) end
    end)

    it("gives every sentence a paragraph as parent, and nothing else a parent", function()
      for _, s in ipairs(segs) do
        if s.kind == "sentence" then
          assert.equals("paragraph", segs[s.parent].kind)
        else
          assert.is_nil(s.parent)
        end
      end
    end)

    it("keeps each sentence inside its paragraph", function()
      for _, s in ipairs(segs) do
        if s.kind == "sentence" then
          local p = segs[s.parent]
          assert.is_true(s.start >= p.start and s.stop <= p.stop)
        end
      end
    end)

    it("covers each paragraph's text with its sentences, in order, leaving out only white space", function()
      require("spec.support.segments").check_invariants(text, segs)
    end)

    it("lists segments in document order, each paragraph just before its sentences", function()
      local last_stop = 0
      for i, s in ipairs(segs) do
        if s.kind == "sentence" then
          assert.is_true(s.parent < i)
          for k = s.parent + 1, i - 1 do assert.equals("sentence", segs[k].kind) end
          if segs[i - 1].kind == "sentence" then assert.is_true(s.start > segs[i - 1].stop) end
        else
          assert.is_true(s.start > last_stop)
          last_stop = s.stop
        end
      end
    end)

    it("gives every segment the last heading before it as its section", function()
      local current
      for i, s in ipairs(segs) do
        if s.kind == "heading" then current = i end
        assert.equals(current, s.section)
      end
    end)

    it("finds three headings", function()
      local n = 0
      for _, s in ipairs(segs) do if s.kind == "heading" then n = n + 1 end end
      assert.equals(3, n)
    end)

    it("finds four reference entries", function()
      local n = 0
      for _, s in ipairs(segs) do if s.kind == "reference" then n = n + 1 end end
      assert.equals(4, n)
    end)

    it("finds fifteen paragraphs", function()
      local n = 0
      for _, s in ipairs(segs) do if s.kind == "paragraph" then n = n + 1 end end
      assert.equals(15, n)
    end)

    it("finds 75 sentences", function()
      local n = 0
      for _, s in ipairs(segs) do if s.kind == "sentence" then n = n + 1 end end
      assert.equals(75, n)
    end)
  end)

  describe("on the article's hard cases", function()
    it("takes the three headings whole, without a final period", function()
      local heads = {}
      for _, s in ipairs(segs) do
        if s.kind == "heading" then heads[#heads + 1] = seg_text(s) end
      end
      assert.same({
        "Chinese-Russian coordination on Ukraine: partial alignment, substantive differences",
        "A Sino-Russian blueprint for a new world order?",
        "Conclusion",
      }, heads)
    end)

    it("makes each heading its own section", function()
      for i, s in ipairs(segs) do
        if s.kind == "heading" then assert.equals(i, s.section) end
      end
    end)

    it("gives the first paragraph no section", function()
      assert.equals("paragraph", segs[1].kind)
      assert.is_nil(segs[1].section)
    end)

    it("puts the conclusion's paragraphs in the section 'Conclusion'", function()
      local s = find_seg(text, segs, "paragraph", "In fact, it is likely to be highly responsive")
      local last
      for _, p in ipairs(segs) do
        if p.kind == "paragraph" and seg_text(p):find("In fact, it is likely", 1, true) then last = p end
      end
      assert.is_not_nil(s)
      assert.equals("Conclusion", seg_text(segs[last.section]))
    end)

    it("takes the four reference entries whole, numbered 1 to 4", function()
      local n = 0
      for _, s in ipairs(segs) do
        if s.kind == "reference" then
          n = n + 1
          assert.equals(n .. ". ", seg_text(s):sub(1, #tostring(n) + 2))
        end
      end
      assert.equals(4, n)
      local s = find_seg(text, segs, "reference", "Liff, Adam P.")
      assert.matches("^3%. Liff, Adam P%. \"China and the US alliance system%.\" .*S0305741017000601$", seg_text(s))
    end)

    it("does not split at U.S. in mid-sentence (U.S. reorientation)", function()
      local t = sentence("U.S. reorientation")
      assert.matches("^While a number of Chinese strategists", t)
      assert.matches("would face%.$", t)
    end)

    it("does not split at U.S. before a hyphen (U.S.-Russian)", function()
      local t = sentence("U.S.-Russian confrontation")
      assert.matches("^Others have warned against a further spillover", t)
    end)

    it("does not split at U.S. before lowercase (the U.S. and EU)", function()
      local t = sentence("the U.S. and EU")
      assert.matches("^Here, too, both sides", t)
      assert.matches("secondary sanctions%.$", t)
    end)

    it("splits after U.S. when a sentence opener follows (the U.S. Its)", function()
      local t, i = sentence("ambassadors to the U.S.")
      assert.matches("ambassadors to the U%.S%.$", t)
      local nxt = seg_text(segs[i + 1])
      assert.matches("^Its advancement of principles", nxt)
    end)

    it("ends a sentence at U.S. at the end of a paragraph", function()
      local t = sentence("past compliance with U.S. regimes")
      assert.matches("U%.S%. regimes%.$", t)
    end)

    it("does not split after e.g.", function()
      local t = sentence("e.g. by undermining")
      assert.matches("^Apart from outright support", t)
      assert.matches("sanctions regime%.$", t)
    end)

    it("does not split at an ellipsis followed by a closing quote and lowercase", function()
      local t = sentence("any country…” adding that")
      assert.matches("^Just recently China’s foreign minister", t)
    end)

    it("keeps the closing quote with the sentence it ends (exception.” While)", function()
      local t, i = sentence("Ukraine is no exception")
      assert.equals("”", t:sub(-3))
      assert.matches("no exception%.”$", t)
      assert.matches("^While a number of Chinese strategists", seg_text(segs[i + 1]))
    end)

    it("keeps the Karaganov quotation, two sentences inside quotes, in one sentence", function()
      local t = sentence("Military rapprochement with Сhina")
      assert.matches("^Sergey Karaganov, another expert close to the Kremlin", t)
      assert.matches("both our forces”%.$", t)
    end)

    it("ends the Trenin quotation after its closing quote and period", function()
      local t = sentence("takes Sino-Russian entente")
      assert.matches("and globally”%.$", t)
    end)

    it("splits after a parenthesis closed before the period ((albeit … crisis). Moreover)", function()
      local t, i = sentence("albeit with most of them")
      assert.matches("predating the 2014 crisis%)%.$", t)
      assert.matches("^Moreover, Ukraine sits astride", seg_text(segs[i + 1]))
    end)

    it("keeps a footnote marker before the period in its sentence", function()
      local t = sentence("territorial inviolability [1]")
      assert.matches("inviolability %[1%]%.$", t)
    end)

    it("keeps quoted words with a colon inside one sentence", function()
      local t = sentence("shared belief that Western “meddling”")
      assert.matches("^This is born of a mixture", t)
    end)
  end)

  describe("on other texts", function()
    it("takes a short Chinese line that ends like a sentence for a paragraph, not a heading", function()
      for _, t in ipairs { "双方反对北约扩大。", "这份声明能改变什么？", "合作仍有限度！" } do
        local s = core.segment(t)
        assert.same({ "paragraph", "sentence" }, { s[1].kind, s[2].kind })
      end
      assert.equals("heading", core.segment("中俄合作的边界")[1].kind)
    end)

    it("splits Chinese sentences without spaces between them, not at the full-width semicolon", function()
      local t = "中国和俄罗斯发表联合声明。双方反对北约扩大！分析人士认为；合作仍有限度。"
      local got = {}
      for _, s in ipairs(core.segment(t)) do
        if s.kind == "sentence" then got[#got + 1] = t:sub(s.start, s.stop) end
      end
      assert.same({ "中国和俄罗斯发表联合声明。", "双方反对北约扩大！", "分析人士认为；合作仍有限度。" }, got)
    end)

    it("reads markdown headings without their # marks", function()
      local t = "# Title\n\nFirst line. Second\nline goes on.\n\n## Sub ##\nText here."
      local s = core.segment(t, "markdown")
      assert.equals("heading", s[1].kind)
      assert.equals("Title", t:sub(s[1].start, s[1].stop))
      assert.equals("Sub", t:sub(s[5].start, s[5].stop))
    end)

    it("joins consecutive markdown lines into one paragraph", function()
      local t = "# Title\n\nFirst line. Second\nline goes on.\n"
      local s = core.segment(t, "markdown")
      assert.equals("paragraph", s[2].kind)
      assert.equals("First line. Second\nline goes on.", t:sub(s[2].start, s[2].stop))
      assert.equals("Second\nline goes on.", t:sub(s[4].start, s[4].stop))
      assert.equals(2, s[4].parent)
      assert.equals(1, s[4].section)
    end)

    it("treats every non-blank plain line as its own paragraph", function()
      local s = core.segment("First line is here, with a comma,\nsecond line is here too.")
      assert.equals(4, #s)
      assert.equals("paragraph", s[3].kind)
    end)

    it("accepts \\r\\n line ends", function()
      local t = "Conclusion\r\nIt ends here. Then this.\r\n"
      local s = core.segment(t)
      assert.equals("heading", s[1].kind)
      assert.equals("Conclusion", t:sub(s[1].start, s[1].stop))
      assert.equals("Then this.", t:sub(s[4].start, s[4].stop))
    end)

    it("reads [N] lines as reference entries", function()
      local s = core.segment("Some text goes here, and more.\n[12] A. Author, A Book. Publisher, 2020.")
      assert.equals("reference", s[3].kind)
    end)

    it("does not split after an initial (A. Analyst)", function()
      local t = "We asked A. Analyst about it. She agreed."
      local s = core.segment(t)
      assert.equals("We asked A. Analyst about it.", t:sub(s[2].start, s[2].stop))
    end)

    it("gives no segments for empty or blank text", function()
      assert.same({}, core.segment(""))
      assert.same({}, core.segment(" \n\t\r\n \u{A0}"))
    end)

    it("survives invalid UTF-8 and NUL bytes", function()
      local t = "Bad \xff\xfe bytes.\0 Next \xe2\x80 one."
      for _, s in ipairs(core.segment(t)) do
        assert.is_true(s.start >= 1 and s.stop <= #t)
      end
    end)
  end)

  describe("given bad arguments", function()
    it("raises for a missing text", function()
      assert.has_error(function() core.segment() end,
        "bad argument #1 to 'segment' (string expected, got no value)")
    end)

    it("raises for a text that is not a string", function()
      assert.has_error(function() core.segment({}) end,
        "bad argument #1 to 'segment' (string expected, got table)")
    end)

    it("raises for an unknown format", function()
      assert.has_error(function() core.segment("x", "html") end,
        "bad argument #2 to 'segment' (invalid option 'html')")
    end)
  end)
end)

describe("sinorus.core.fold", function()
  it("folds the article's Cyrillic С in Сhina to Latin", function()
    assert.equals("china", core.fold("Сhina"))
  end)

  it("folds Cyrillic and Greek look-alikes in both cases", function()
    assert.equals("aekmhopctyx", core.fold("АЕКМНОРСТУХ"))
    assert.equals("aeopcyx", core.fold("аеорсух"))
    assert.equals("abeziknopty", core.fold("ΑΒΕΖΙΚΝΟΡΤΥ"))
  end)

  it("lowers other Cyrillic and Greek letters", function()
    assert.equals("дж", core.fold("ДЖ"))
    assert.equals("λσσ", core.fold("Λσς"))
  end)

  it("strips diacritics and expands ligatures", function()
    assert.equals("zurn strasse ete aeo lodz oe", core.fold("Zürn Straße été ÆØ Łódź Œ"))
  end)

  it("drops combining marks", function()
    assert.equals("e", core.fold("e\u{301}"))
  end)

  it("lowers ASCII and leaves digits and punctuation", function()
    assert.equals("u.s. 2014: (a)", core.fold("U.S. 2014: (A)"))
  end)

  it("maps typographic quotes to ASCII", function()
    assert.equals([['a' 'b' "c" "d" "e"]], core.fold("‘a’ ‚b‛ “c” „d“ «e»"))
  end)

  it("maps dashes, hyphens and the minus sign to -", function()
    assert.equals("a-b-c-d-e-f-g", core.fold("a‐b‑c‒d–e—f−g"))
  end)

  it("spells the ellipsis as three periods", function()
    assert.equals("wait...", core.fold("wait…"))
  end)

  it("turns Unicode spaces into plain spaces", function()
    assert.equals("a b c d", core.fold("a\u{A0}b\u{2009}c\u{3000}d"))
  end)

  it("drops zero-width characters and soft hyphens", function()
    assert.equals("cooperation", core.fold("co\u{AD}oper\u{200B}ation\u{FEFF}"))
  end)

  it("drops invalid UTF-8 one byte at a time", function()
    assert.equals("abcde", core.fold("a\xffb\xc0\xafc\xed\xa0\x80d\xf4\x90\x80\x80e\xe2\x82"))
  end)

  it("keeps NUL bytes", function()
    assert.equals("a\0b", core.fold("A\0B"))
  end)

  it("is idempotent on the article", function()
    local f = core.fold(read_article())
    assert.equals(f, core.fold(f))
  end)

  it("raises for a missing string", function()
    assert.has_error(function() core.fold() end,
      "bad argument #1 to 'fold' (string expected, got no value)")
  end)
end)

describe("sinorus.core.query", function()
  -- A valid expression: "…" strings (no quote inside), each maybe with *,
  -- separated by single spaces.
  local function well_formed(e)
    if e == "" then return true end
    local rest, n = e:gsub('"[^"]*"%*?', "X")
    return rest == ("X"):rep(n, " ") and not e:find('""', 1, true)
  end

  -- A bare word (or joined words) outside quotes and not a prefix is
  -- written as typed after the stem mark M, for a tokenizer that stems;
  -- phrases and prefixes are written folded.
  local M = "\u{E000}"
  local function w(...)
    local t = {}
    for i, x in ipairs{...} do t[i] = '"' .. M .. x .. '"' end
    return table.concat(t, " ")
  end
  local cases = {
    { "china", w"china" },
    { "Secondary Sanctions", w("Secondary", "Sanctions") },
    { [["secondary sanctions" china]], [["secondary sanctions" ]] .. w"china" },
    { "“secondary sanctions”", [["secondary sanctions"]] },
    { "sanction*", [["sanction"]] .. "*" },
    { "sanction *", w"sanction" },
    { "multi-agent", w"multi agent" },
    { "U.S.", w"U S" },
    { "China’s", w"China s" },
    { "a AND b", w("a", "AND", "b") },
    { "a OR b", w("a", "OR", "b") },
    { "NOT a", w("NOT", "a") },
    { "NEAR(a b, 3)", w("NEAR", "a", "b", "3") },
    { "(a OR b) AND c", w("a", "OR", "b", "AND", "c") },
    { "body:china", w("body", "china") },
    { "^china", w"china" },
    { "-china +russia", w("china", "russia") },
    { "*", "" },
    { "**a*", [["a"]] .. "*" },
    { '"', "" },
    { '""', "" },
    { '"a', [["a"]] },
    { 'a"b', w"a" .. [[ "b"]] },
    { "'; DROP TABLE x; --", w("DROP", "TABLE", "x") },
    { "", "" },
    { "   \t\n ", "" },
    { "\xff\xfe", "" },
    { "ch\xffina", w"china" },
    { "a\0b", w("a", "b") },
    { "Сhina", w"Сhina" },
    { "Zürn", w"Zürn" },
    { "{a b}: c", w("a", "b", "c") },
    { "\u{E000}china", w"china" },
    { "中国 \"北约\" санкций", w"中国" .. [[ "北约" ]] .. w"санкций" },
  }

  for _, c in ipairs(cases) do
    it(string.format("translates %q into %s", c[1], c[2] == "" and "nothing" or c[2]), function()
      assert.equals(c[2], core.query(c[1]))
    end)
  end

  it("always gives a well-formed expression for the hostile strings", function()
    for _, c in ipairs(cases) do assert.is_true(well_formed(core.query(c[1])), c[1]) end
  end)

  it("always gives a well-formed expression for random strings", function()
    local bits = { "a", "B", " ", '"', "*", "(", ")", ":", "^", "-", "'", "AND", "NEAR",
                   "“", "”", "é", "\xff", "\0", "С", ".", "…" }
    math.randomseed(7)
    for _ = 1, 2000 do
      local t = {}
      for k = 1, math.random(1, 12) do t[k] = bits[math.random(#bits)] end
      local q = table.concat(t)
      assert.is_true(well_formed(core.query(q)), q)
    end
  end)

  it("keeps at most 64 words of a 100 kB string", function()
    local q = core.query(string.rep("word ", 20 * 1024))
    assert.is_true(#q > 0)
    local n = select(2, q:gsub('"\u{E000}word"', ""))
    assert.equals(64, n)
    assert.is_true(well_formed(q))
  end)

  it("cuts a 100 kB word to 256 bytes", function()
    assert.equals('"\u{E000}' .. string.rep("x", 256) .. '"', core.query(string.rep("x", 100 * 1024)))
    assert.equals('"' .. string.rep("x", 256) .. '"*', core.query(string.rep("x", 100 * 1024) .. "*"))
  end)

  it("raises for a missing string", function()
    assert.has_error(function() core.query(nil) end,
      "bad argument #1 to 'query' (string expected, got nil)")
  end)
end)

describe("sinorus.core.matcher", function()
  local function compiled(list)
    local m = core.matcher()
    for i, p in ipairs(list) do m:add(p, i) end
    return m:compile()
  end

  local function surfaces(m, text)
    local out = {}
    for _, x in ipairs(m:scan(text)) do
      out[#out + 1] = x.id .. ":" .. text:sub(x.start, x.stop)
    end
    return out
  end

  it("matches on word boundaries only", function()
    local m = compiled { "China", "Russia" }
    assert.same({ "1:China", "2:Russia" }, surfaces(m, "Indochina Chinas China Russians Russia"))
  end)

  it("finds U.S. before a hyphen and before a sentence opener", function()
    local m = compiled { "U.S." }
    assert.same({ "1:U.S.", "1:U.S." }, surfaces(m, "U.S.-Russian ties and the U.S. Its"))
  end)

  it("does not find U.S. inside a longer word", function()
    local m = compiled { "U.S." }
    assert.same({}, surfaces(m, "AU.S. bus."))
  end)

  it("finds Chinese patterns inside runs of Han characters, and Latin ones next to them", function()
    local m = compiled { "中国", "北约", "China", "NATO" }
    assert.same({ "1:中国", "2:北约", "3:China", "1:中国", "4:NATO" },
      surfaces(m, "中国和俄罗斯反对北约扩大。China中国NATO扩大"))
  end)

  it("finds Russian patterns in their inflected forms, not inside longer words", function()
    local m = compiled { "Россия", "Китай", "Путин", "Си Цзиньпин", "Украина" }
    assert.same({ "1:России", "1:Россию", "2:Китаем", "2:Китая", "3:Путина", "4:Си Цзиньпина",
                  "5:Украине" },
      surfaces(m, "России, Россию, Россиянин, Китаем, Китая, Китаец, китайский, Путина, "
                  .. "Путинизм, Си Цзиньпина, Украине, украинцы"))
  end)

  it("finds acronyms in capitals and short Russian words only as written", function()
    local m = compiled { "НАТО", "США", "ЕС", "Азия" }
    assert.same({ "1:НАТО", "2:США", "3:ЕС", "4:Азия" },
      surfaces(m, "НАТО НАТОвский США СШАх ЕС ЕСть Азия Азии"))
  end)

  it("reports overlapping matches by start, longest first", function()
    local m = compiled { "Security Council", "UN Security Council", "Council", "UN" }
    assert.same({ "2:UN Security Council", "4:UN", "1:Security Council", "3:Council" },
      surfaces(m, "the UN Security Council met"))
  end)

  it("folds case, diacritics and look-alike letters", function()
    local m = compiled { "china", "Zurn", "Sino-Russian" }
    assert.same({ "1:Сhina", "2:ZÜRN", "3:Sino–Russian" },
      surfaces(m, "Сhina ZÜRN Sino–Russian"))
  end)

  it("matches a pattern's space with any run of white space", function()
    local m = compiled { "Xi  Jinping" }
    assert.same({ "1:Xi\n   Jinping" }, surfaces(m, "Xi\n   Jinping"))
  end)

  it("reports 1-based inclusive original byte offsets", function()
    local m = compiled { "Beijing" }
    local r = m:scan("«Beijing»")
    assert.equals(1, #r)
    assert.same({ id = 1, start = 3, stop = 9 }, r[1])
  end)

  it("counts what it scans", function()
    local text = read_article()
    local m = compiled { "China", "Russia", "U.S." }
    assert.equals(#m:scan(text), m:count(text))
    assert.is_true(m:count(text) > 50)
  end)

  it("finds the same mentions as a slow reference over the whole article", function()
    local aliases = {
      "China", "Chinese", "Beijing", "Russia", "Russian", "Moscow", "Kremlin", "U.S.",
      "NATO", "Ukraine", "Ukrainian", "Kiev", "Putin", "Vladimir Putin", "Sino-Russian",
      "Wang Yi", "Taiwan", "UN Security Council", "Security Council", "UN", "EU",
      "Trenin", "Dmitrij Trenin", "Karaganov", "Kolesnikov", "Crimea", "AUKUS",
      "Central Asia", "Skyrizon", "MotorSich", "Belt and Road Initiative", "West",
      "Western", "Europe", "Zürn",
    }
    local text = read_article()
    -- the reference: fold the text character by character, remembering
    -- where each folded byte came from, then look for every alias
    local f, from, to, word = {}, {}, {}, {}
    local prevsp = false
    for p, c in utf8.codes(text) do
      local ch = utf8.char(c)
      local fc = core.fold(ch)
      local sp = fc:match("^%s$") ~= nil
      if fc ~= "" and not (sp and prevsp) then
        if sp then fc = " " end
        local isword = fc:match("^%w") ~= nil or fc:byte(1) >= 0x80
        for k = 1, #fc do
          f[#f + 1] = fc:sub(k, k)
          from[#f], to[#f], word[#f] = p, p + #ch - 1, isword
        end
      end
      if fc ~= "" then prevsp = sp end
    end
    local folded = table.concat(f)
    local want = {}
    for id, a in ipairs(aliases) do
      local fa = core.fold(a):gsub("%s+", " ")
      local wfirst, wlast = fa:match("^%w") ~= nil, fa:match("%w$") ~= nil
      local init = 1
      while true do
        local s, e = folded:find(fa, init, true)
        if not s then break end
        if not (wfirst and s > 1 and word[s - 1]) and not (wlast and e < #folded and word[e + 1]) then
          want[#want + 1] = { id = id, start = from[s], stop = to[e] }
        end
        init = s + 1
      end
    end
    table.sort(want, function(a, b)
      if a.start ~= b.start then return a.start < b.start end
      if a.stop ~= b.stop then return a.stop > b.stop end
      return a.id < b.id
    end)
    local got = compiled(aliases):scan(text)
    assert.is_true(#want > 200)
    assert.equals(#want, #got)
    assert.same(want, got)
  end)

  it("prints as a sinorus.Matcher", function()
    local m = core.matcher()
    m:add("a", 1)
    assert.equals("sinorus.Matcher (1 pattern, not compiled)", tostring(m))
  end)

  describe("given bad input", function()
    it("raises for a pattern that is not a string", function()
      local m = core.matcher()
      assert.has_error(function() m:add(nil, 1) end,
        "bad argument #1 to 'add' (string expected, got nil)")
    end)

    it("raises for an id that is not an integer", function()
      local m = core.matcher()
      assert.has_error(function() m:add("x", "y") end,
        "bad argument #2 to 'add' (number expected, got string)")
    end)

    it("raises for a pattern that folds to nothing", function()
      local m = core.matcher()
      assert.has_error(function() m:add(" \u{200B} ", 1) end,
        "bad argument #1 to 'add' (pattern is empty or too long once folded)")
    end)

    it("raises when scanning before compiling", function()
      local m = core.matcher()
      m:add("x", 1)
      assert.has_error(function() m:scan("x") end,
        "attempt to scan with a matcher that is not compiled")
    end)

    it("raises when adding after compiling", function()
      local m = compiled { "x" }
      assert.has_error(function() m:add("y", 2) end,
        "attempt to add a pattern to a compiled matcher")
    end)

    it("raises for a text that is not a string", function()
      local m = compiled { "x" }
      assert.has_error(function() m:scan({}) end,
        "bad argument #1 to 'scan' (string expected, got table)")
    end)

    it("raises on use after close", function()
      local m = compiled { "x" }
      do
        local c <close> = m -- luacheck: ignore c
      end
      assert.equals("sinorus.Matcher (closed)", tostring(m))
      assert.has_error(function() m:count("x") end, "attempt to use a closed matcher")
    end)

    it("raises when called on something that is not a matcher", function()
      local m = core.matcher()
      assert.has_error(function() m.scan(42, "x") end,
        "bad argument #1 to 'scan' (sinorus.Matcher expected, got number)")
    end)
  end)
end)

describe("sinorus.core.utf8_error", function()
  -- Lua's own strict utf8.len is the reference: the same position (the
  -- first byte of the first bad sequence) or nil when all is valid
  local function reference(s)
    local ok, pos = utf8.len(s)
    if ok then return nil end
    return pos
  end

  it("agrees with utf8.len at the edges of every sequence length", function()
    local cases = {
      "", "plain ASCII", "\0", "caf\u{E9}", "\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
      "\xC2\x80", "\xC1\xBF", "\xC0\x80",                 -- overlong two-byte forms
      "\xE0\xA0\x80", "\xE0\x9F\xBF",                     -- smallest three-byte, overlong
      "\xED\x9F\xBF", "\xED\xA0\x80", "\xED\xBF\xBF",     -- before and in the surrogates
      "\xF0\x90\x80\x80", "\xF0\x8F\xBF\xBF",             -- smallest four-byte, overlong
      "\xF4\x8F\xBF\xBF", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF",
      "\x80", "abc\xC3", "abcdefgh\xE2\x82", "abcdefghijklmnop\xF0\x9F\x98",
      string.rep("x", 7) .. "\xC3\xA9" .. string.rep("y", 9) .. "\xA9",
    }
    for _, s in ipairs(cases) do
      assert.are.equal(reference(s), core.utf8_error(s), ("%q"):format(s))
    end
  end)

  it("agrees with utf8.len on random strings of edge bytes", function()
    local edge = { 0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1,
                   0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF }
    local seed = 12345
    local function rnd(n)
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n + 1
    end
    local bad = 0
    for _ = 1, 20000 do
      local t = {}
      for i = 1, rnd(25) - 1 do   -- runs of ASCII long enough for the 8-byte path
        t[i] = rnd(2) == 1 and string.rep("a", rnd(10)) or string.char(edge[rnd(#edge)])
      end
      local s = table.concat(t)
      if reference(s) then bad = bad + 1 end
      assert.are.equal(reference(s), core.utf8_error(s), ("%q"):format(s))
    end
    assert.is_true(bad > 1000 and bad < 19000)  -- both outcomes were exercised
  end)

  it("refuses a value that is not a string", function()
    assert.has_error(function() core.utf8_error({}) end)
    assert.has_error(function() core.utf8_error() end)
  end)
end)
