-- Issue 17: the language corpus of spec/fixtures/lang (Chinese, Russian,
-- English, mixed), written for the purpose: its segments, mentions and
-- search hits compared in full with spec/fixtures/lang/expected.lua, and the
-- segmenter's invariants on CJK and Cyrillic text.

local sinorus = require "sinorus"
local core = require "sinorus.core"

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
      local last = 0
      for i, s in ipairs(segs) do
        local t = text:sub(s.start, s.stop)
        assert.is_truthy(utf8.len(t), "cut inside a character")
        assert.is_nil(t:find("^%s"))
        assert.is_nil(t:find("%s$"))
        if s.kind == "paragraph" then
          local pos, j = s.start, i + 1
          while segs[j] and segs[j].parent == i do
            assert.matches("^%s*$", text:sub(pos, segs[j].start - 1))
            pos = segs[j].stop + 1
            j = j + 1
          end
          assert.equals(s.stop + 1, pos)
        end
        if s.kind ~= "sentence" then
          assert.is_true(s.start > last)
          last = s.stop
        end
      end
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
