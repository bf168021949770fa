-- Issue 17: the language corpus of spec/fixtures/lang (Chinese, Russian,
-- English, mixed), written for the purpose: its segments, mentions and
-- search hits compared in full with spec/fixtures/lang/expected.lua, and the
-- segmenter's invariants on CJK and Cyrillic text.

local sinorus = require "sinorus"
local core = require "sinorus.core"
local check_invariants = require("spec.support.segments").check_invariants

local DIR = "spec/fixtures/lang/"
local expected = dofile(DIR .. "expected.lua")

local function read(name)
  local f = assert(io.open(DIR .. name .. ".txt", "rb"))
  local t = f:read("a")
  f:close()
  return t
end

local names = {}
for name in pairs(expected) do names[#names + 1] = name end
table.sort(names)

for _, name in ipairs(names) do
  local want = expected[name]
  describe("the " .. name .. " document of the language corpus", function()
    local text = read(name)
    local segs = core.segment(text)

    it("gives the expected segments, kind and exact text", function()
      local got = {}
      for _, s in ipairs(segs) do
        if s.kind ~= "paragraph" then got[#got + 1] = { s.kind, text:sub(s.start, s.stop) } end
      end
      assert.same(want.segments, got)
    end)

    it("keeps the invariants: exact offsets on character boundaries, paragraphs covered by their sentences", function()
      check_invariants(text, segs)
    end)

    it("tags the expected mentions of the built-in entities, in every script", function()
      local kb <close> = assert(sinorus.open(":memory:", { create = true, article = true }))
      local src = kb:add_source{ title = name, text = text }
      local got = {}
      for _, e in ipairs(kb:entities{ limit = 1000 }) do
        for _, m in ipairs(kb:mentions(e.id, { limit = 1000 })) do
          if m.source == src and m.kind ~= "paragraph" then
            for _, sp in ipairs(m.spans) do
              got[#got + 1] = { e.id, sp.start, sp.stop, sp.text }
              assert.equals(sp.text, text:sub(sp.start, sp.stop))
            end
          end
        end
      end
      table.sort(got, function(a, b)
        if a[2] ~= b[2] then return a[2] < b[2] end
        return a[1] < b[1]
      end)
      assert.same(want.mentions, got)
    end)

    it("finds the expected hits for each query, with exact snippets", function()
      local kb <close> = assert(sinorus.open(":memory:", { create = true }))
      kb:add_source{ title = name, text = text }
      local queries = {}
      for q in pairs(want.search) do queries[#queries + 1] = q end
      table.sort(queries)
      for _, q in ipairs(queries) do
        local hits = kb:search(q, { limit = 100, marks = { "[", "]" } })
        table.sort(hits, function(a, b) return a.segment < b.segment end)
        local got = {}
        for i, h in ipairs(hits) do
          got[i] = h.text
          local plain = h.snippet:gsub("[%[%]]", ""):gsub("…", "")
          assert.is_truthy(h.text:find(plain, 1, true), q .. ": " .. h.snippet)
          for m in h.snippet:gmatch("%[(.-)%]") do
            assert.is_truthy(h.text:find(m, 1, true), q .. ": " .. h.snippet)
          end
        end
        assert.same(want.search[q], got, q)
      end
    end)
  end)
end

describe("the Chinese snippets", function()
  it("mark exactly the characters of the query inside a run of Han characters", function()
    local kb <close> = assert(sinorus.open(":memory:", { create = true }))
    kb:add_source{ title = "zh", text = read("zh") }
    assert.equals("中国和[俄罗斯]发表联合声明。", kb:search("俄罗斯", { marks = { "[", "]" } })[1].snippet)
    assert.equals("双方反对[北约]进一步扩大！", kb:search("北约", { marks = { "[", "]" } })[1].snippet)
  end)
end)

describe("the segmenter on random CJK and Cyrillic text", function()
  local pieces = { "中", "国", "北约", "。", "！", "？", "；", "，", "「", "」", "『", "』", "“", "”",
                   "„", "«", "»", "\"", " ", " ", "\n", "\n\n", "\u{3000}", "В.", "т. е.", "г.", "Путин",
                   "Россия", ".", "?", "!", "…", "a", "U.S.", "The", "1", "# ", "[1]" }
  it("keeps the invariants on 3,000 random texts, plain and markdown", function()
    math.randomseed(17)
    for _ = 1, 3000 do
      local t = {}
      for k = 1, math.random(1, 40) do t[k] = pieces[math.random(#pieces)] end
      local text = table.concat(t)
      check_invariants(text, core.segment(text))
      check_invariants(text, core.segment(text, "markdown"))
    end
  end)
end)

describe("the search settings of a KB", function()
  local function tmpkb()
    local p = os.tmpname()
    os.remove(p)
    return p
  end
  local function remove(p)
    for _, s in ipairs { "", "-wal", "-shm" } do os.remove(p .. s) end
  end

  it("are all of model.SEARCH_SETTINGS in a new file, and can be chosen at open", function()
    local model = require "sinorus.model"
    local p = tmpkb()
    local kb = assert(sinorus.open(p, { create = true }))
    assert.same(model.SEARCH_SETTINGS, kb:describe().search)
    kb:add_source{ title = "t", text = "Sanctions were tightened.\n\n中国和俄罗斯发表联合声明。\n" }
    assert.equals(1, #kb:search("sanction"))
    assert.equals(1, #kb:search("俄罗斯"))
    kb:close()
    -- without stems nor CJK pairs: words as written, a run of Han characters as one word
    kb = assert(sinorus.open(p, { search = {} }))
    assert.same({}, kb:describe().search)
    assert.equals(0, #kb:search("sanction"))
    assert.equals(1, #kb:search("sanctions"))
    assert.equals(0, #kb:search("俄罗斯"))
    kb:close()
    -- kept in the file: a plain open finds them again; then back to all
    kb = assert(sinorus.open(p))
    assert.same({}, kb:describe().search)
    kb:close()
    kb = assert(sinorus.open(p, { search = { "russian", "cjk", "english" } }))
    assert.same(model.SEARCH_SETTINGS, kb:describe().search)
    assert.equals(1, #kb:search("sanction"))
    assert.equals(1, #kb:search("俄罗斯"))
    kb:close()
    remove(p)
  end)

  it("rebuild the article's index when a copy is made with other settings", function()
    local p = tmpkb()
    local kb = assert(sinorus.open(p, { create = true, article = true, search = { "cjk" } }))
    assert.same({ "cjk" }, kb:describe().search)
    assert.equals(0, #kb:search("sanction"))
    assert.is_true(#kb:search("secondary sanctions") >= 1)
    kb:close()
    remove(p)
  end)

  it("are refused when unknown, repeated, not a list, or with readonly", function()
    local p = tmpkb()
    for _, bad in ipairs { { { "french" }, '"french" is not a setting' },
                           { { "cjk", "cjk" }, '"cjk" is not a setting' },
                           { "cjk", "must be a list of settings, got string" } } do
      local ok, err = pcall(sinorus.open, p, { create = true, search = bad[1] })
      assert.is_false(ok)
      assert.matches(bad[2], err, 1, true)
    end
    local ok, err = pcall(sinorus.open, p, { readonly = true, search = {} })
    assert.is_false(ok)
    assert.matches("options 'readonly' and 'search' exclude each other", err, 1, true)
    remove(p)
  end)
end)
