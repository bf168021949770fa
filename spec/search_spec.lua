-- Full-text search and keyword in context on the built-in KB.

local sinorus = require "sinorus"

describe("kb:search()", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("finds the sentence about secondary sanctions first", function()
    local hits = kb:search("secondary sanctions", { limit = 3 })
    assert.is_true(#hits >= 1)
    assert.matches("acutely vulnerable to secondary sanctions", hits[1].text)
    assert.matches("«secondary sanctions»", hits[1].snippet)
  end)

  it("marks the words found by their stem where they are, after stemmed and CJK words", function()
    -- highlight() reads a hit's words without their stems (sn_fts.c)
    local fs = require "spec.support.fs"
    local path = fs.tmpname(".sqlite")
    local k2 <close> = assert(sinorus.open(path, { create = true }))
    k2:add_source { title = "Stems", text = "Banks lending faced sanctions, 中国 sanctioned them." }
    assert.equals("Banks lending faced «sanctions», 中国 «sanctioned» them.",
                  k2:search("sanction")[1].snippet)
    assert.equals("Banks «lending» faced sanctions, 中国 sanctioned them.", k2:search("lend")[1].snippet)
    assert.equals("Banks lending faced sanctions, «中国» sanctioned them.", k2:search("中国")[1].snippet)
    k2:close()
    fs.remove_db(path)
  end)

  it("ranks hits by descending relevance", function()
    local hits = kb:search("Ukraine", { limit = 50 })
    assert.is_true(#hits > 10)
    for i = 2, #hits do assert.is_true(hits[i - 1].rank >= hits[i].rank) end
  end)

  it("returns the hit fields", function()
    local h = kb:search("Taiwan")[1]
    assert.is_number(h.segment)
    assert.is_number(h.rank)
    assert.is_string(h.snippet)
    assert.equals(kb:segment(h.segment).text, h.text)
  end)

  it("shows each repeated passage once unless asked", function()
    local once = kb:search("devil is as always in the details", { kind = "sentence" })
    assert.equals(1, #once)
    local both = kb:search("devil is as always in the details",
                           { kind = "sentence", duplicates = true })
    assert.equals(2, #both)
  end)

  it("matches a phrase in double quotes", function()
    local hits = kb:search('"joint military drills"')
    assert.is_true(#hits >= 1)
    assert.matches("joint military drills", hits[1].text)
  end)

  it("matches a prefix with *", function()
    local exact = kb:search('"sanction"', { limit = 50 })
    local prefix = kb:search("sanction*", { limit = 50 })
    assert.equals(0, #exact)
    assert.is_true(#prefix >= 3)
  end)

  it("finds a word's inflected forms by its stem, but a quoted word as written", function()
    local stem = kb:search("sanction", { limit = 50 })
    local prefix = kb:search("sanction*", { limit = 50 })
    assert.equals(#prefix, #stem)
    for _, h in ipairs(stem) do assert.matches("[Ss]anctions", h.text) end
  end)

  it("folds case and diacritics", function()
    assert.equals(#kb:search("BEIJING"), #kb:search("beijing"))
    assert.equals(#kb:search("Zürn"), #kb:search("zurn"))
    assert.is_true(#kb:search("ZURN", { kind = "reference" }) == 1)
  end)

  it("finds the Cyrillic look-alike letter in 'Сhina' by a Latin query", function()
    local hits = kb:search("rapprochement china", { limit = 5 })
    local found = false
    for _, h in ipairs(hits) do
      if h.text:find("Military rapprochement with Сhina", 1, true) then found = true end
    end
    assert.is_true(found)
  end)

  it("folds typographic quotes and dashes", function()
    assert.is_true(#kb:search("China’s first aircraft carrier") >= 1)
    assert.is_true(#kb:search("China's first aircraft carrier") >= 1)
    assert.equals(#kb:search("West, or—in a broader sense"), #kb:search("West, or-in a broader sense"))
  end)

  it("filters by kind", function()
    for _, h in ipairs(kb:search("China", { kind = "heading" })) do
      assert.equals("heading", h.kind)
    end
    assert.equals(1, #kb:search("blueprint", { kind = "heading" }))
  end)

  describe("of paragraphs", function()
    -- the paragraphs in which every word occurs in some sentence, by a
    -- plain scan of the sentences (words here are plain ASCII)
    local function reference(words, duplicates)
      local found = {}
      for _, p in ipairs(kb:segments { kind = "paragraph", duplicates = duplicates }) do
        local all = true
        for _, w in ipairs(words) do
          local any = false
          for _, s in ipairs(kb:sql("SELECT text FROM segment WHERE parent = ?", p.id)) do
            if s.text:lower():find("%f[%w]" .. w .. "%f[%W]") then any = true end
          end
          all = all and any
        end
        if all then found[#found + 1] = p.id end
      end
      table.sort(found)
      return found
    end
    local function ids(hits)
      local out = {}
      for i, h in ipairs(hits) do out[i] = h.segment end
      table.sort(out)
      return out
    end

    it("finds the paragraphs whose sentences hold every word, as a plain scan does", function()
      for _, q in ipairs { "china", "russia ukraine", "sanctions china", "taiwan" } do
        local words = {}
        for w in q:gmatch("%a+") do words[#words + 1] = w end
        local got = ids(kb:search(q, { kind = "paragraph", limit = 100 }))
        assert.is_true(#got > 0, q)
        assert.same(reference(words, false), got, q)
        assert.same(reference(words, true),
                    ids(kb:search(q, { kind = "paragraph", limit = 100, duplicates = true })), q)
      end
    end)

    -- a paragraph of two or more sentences, the last word of its first
    -- sentence and the first word of its second
    local function boundary()
      for _, p in ipairs(kb:segments { kind = "paragraph" }) do
        local ss = kb:sql("SELECT text FROM segment WHERE parent = ? ORDER BY ord", p.id)
        if #ss >= 2 then
          return p.id, ss[1].text:match("(%a+)%W*$"), ss[2].text:match("^%W*(%a+)")
        end
      end
    end
    local function has(hits, id)
      for _, h in ipairs(hits) do if h.segment == id then return true end end
      return false
    end

    it("matches words of one paragraph found in different sentences", function()
      local p, last, first = boundary()
      assert.is_true(has(kb:search(last .. " " .. first, { kind = "paragraph", limit = 100 }), p))
    end)

    it("keeps a phrase within one sentence", function()
      local p, last, first = boundary()
      local q = '"' .. last .. " " .. first .. '"'
      assert.is_false(has(kb:search(q, { kind = "paragraph", limit = 100 }), p))
      assert.equals(1, #kb:search('"strategic partner"', { kind = "paragraph" }))
    end)

    it("returns paragraphs with their text, a ranked order and a snippet of a sentence", function()
      local hits = kb:search("China Russia", { kind = "paragraph", limit = 50 })
      assert.is_true(#hits > 3)
      for i, h in ipairs(hits) do
        assert.equals("paragraph", h.kind)
        assert.equals(kb:segment(h.segment).text, h.text)
        assert.matches("«", h.snippet)
        assert.truthy(h.text:find((h.snippet:gsub("[«»]", ""):gsub("^…", ""):gsub("…$", "")), 1,
                                  true))
        if i > 1 then assert.is_true(hits[i - 1].rank >= h.rank) end
      end
    end)

    it("pages paragraphs with limit and offset", function()
      local all = kb:search("China", { kind = "paragraph", limit = 20 })
      local page = kb:search("China", { kind = "paragraph", limit = 3, offset = 2 })
      assert.same({ all[3].segment, all[4].segment, all[5].segment },
                  { page[1].segment, page[2].segment, page[3].segment })
    end)

  end)

  it("pages with limit and offset", function()
    local all = kb:search("China", { limit = 20 })
    local page = kb:search("China", { limit = 5, offset = 5 })
    assert.equals(all[6].segment, page[1].segment)
  end)

  local hostile = {
    '"', '""', '"unbalanced', "multi-agent", "U.S.-Russian", "AND", "OR", "NOT",
    "NEAR", "China AND", "OR Russia", "NOT Ukraine", "NEAR(China Russia)",
    "(", ")", "((China)", "*", "**", "China*Russia", "^China", "segment_fts:china",
    "text:china", "'; DROP TABLE segment; --", "SELECT * FROM segment",
    "", "   ", "\t\n", ("China "):rep(20000), "\0", "China\0Russia",
    "\xff\xfe", "\xc3", "abc\xed\xa0\x80def", "-China", "+China", "{text}: x",
    "\\", "%", "_", "?", "ｃｈｉｎａ", "❤", "🙂 Ukraine",
  }
  for _, q in ipairs(hostile) do
    it(string.format("treats %q as plain text", q:sub(1, 40)), function()
      local ok, hits = pcall(kb.search, kb, q)
      assert.is_true(ok, hits)
      assert.is_table(hits)
      ok, hits = pcall(kb.search, kb, q, { kind = "paragraph" })
      assert.is_true(ok, hits)
      assert.is_table(hits)
    end)
  end

  it("answers a paragraph search of the longest query (64 words, each a term)", function()
    local p = kb:search("China", { kind = "paragraph" })[1].segment
    local words = {}
    for w in kb:segment(p).text:gmatch("%s(%a+)%s") do words[#words + 1] = w end
    assert.is_true(#words >= 30)
    local q = table.concat(words, " "):rep(3, " ")
    local hits = kb:search(q, { kind = "paragraph", limit = 3 })
    assert.equals(p, hits[1].segment)
  end)

  it("still has its tables after a query that looks like SQL", function()
    kb:search("'; DROP TABLE segment; --")
    assert.is_true(#kb:segments() > 0)
  end)

  it("returns no hits for a string without words", function()
    assert.equals(0, #kb:search("  ...  "))
  end)

  it("matches operator words as words", function()
    -- "not" occurs in the article: "is not an unavoidable trend"
    assert.is_true(#kb:search("NOT unavoidable") >= 1)
  end)

  it("rejects a query that is not a string", function()
    assert.has_error(function() kb:search(nil) end,
      "bad argument #1 to 'search' (string expected, got nil)")
    assert.has_error(function() kb:search(42) end,
      "bad argument #1 to 'search' (string expected, got number)")
  end)

  it("rejects unknown option keys, naming the valid ones", function()
    assert.has_error(function() kb:search("China", { limt = 3 }) end,
      "bad argument #2 to 'search' (unknown filter key 'limt'; valid keys: duplicates, kind, limit, marks, offset, source, words)")
  end)

  it("prints hits as a table", function()
    assert.matches("^segment%s+kind%s+rank%s+snippet", tostring(kb:search("Taiwan")))
  end)
end)

describe("kb:kwic()", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("gives each occurrence with its left and right context", function()
    local lines = kb:kwic("secondary sanctions", { width = 20 })
    assert.equals(1, #lines)
    assert.equals("secondary sanctions", lines[1].keyword)
    assert.matches("vulnerable to $", lines[1].left)
    assert.equals(".", lines[1].right)
  end)

  it("clips context to width characters", function()
    for _, l in ipairs(kb:kwic("Ukraine", { width = 10 })) do
      assert.is_true(utf8.len(l.left) <= 11 and utf8.len(l.right) <= 11)
    end
  end)

  it("finds every occurrence in document order", function()
    local lines = kb:kwic("Taiwan")
    assert.is_true(#lines >= 4)
    for i = 2, #lines do assert.is_true(lines[i].segment >= lines[i - 1].segment) end
  end)

  it("matches folded text, keeping the original spelling", function()
    local lines = kb:kwic("china", { width = 30 })
    local cyr = false
    for _, l in ipairs(lines) do if l.keyword == "Сhina" then cyr = true end end
    assert.is_true(cyr)
  end)

  it("prints aligned lines", function()
    assert.matches("with «Taiwan»%.", tostring(kb:kwic("Taiwan")))
  end)

  it("rejects a width that is not an integer", function()
    assert.has_error(function() kb:kwic("x", { width = "wide" }) end,
      "bad argument #2 to 'kwic' ('width' must be an integer in 0..1000)")
  end)
end)
