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
    assert.matches("«secondary» «sanctions»", hits[1].snippet)
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
    local plain = kb:search("sanction", { limit = 50 })
    local prefix = kb:search("sanction*", { limit = 50 })
    assert.equals(0, #plain)
    assert.is_true(#prefix >= 3)
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
    end)
  end

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
    assert.matches("%[Taiwan%]", tostring(kb:kwic("Taiwan")))
  end)

  it("rejects a width that is not an integer", function()
    assert.has_error(function() kb:kwic("x", { width = "wide" }) end,
      "bad argument #2 to 'kwic' ('width' must be an integer in 0..1000)")
  end)
end)
