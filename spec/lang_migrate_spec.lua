-- Issue 17: the migration to schema version 5 rebuilds the search index
-- with the KB's search settings (CJK pairs, stems). Every file of an
-- older version keeps every hit it had: a word finds a superset of the
-- sentences that hold it as written (now its inflected forms too), and a
-- quoted word exactly those.

local sinorus = require "sinorus"
local core = require "sinorus.core"

local function copy(from)
  local to = os.tmpname()
  local f = assert(io.open(from, "rb"))
  local data = f:read("a")
  f:close()
  f = assert(io.open(to, "wb"))
  f:write(data)
  f:close()
  return to
end

-- The words of text as schema version 4 indexed them (ASCII fixtures).
local function tokens(text)
  local t = {}
  for w in core.fold(text):gmatch("%w+") do t[#t + 1] = w end
  return t
end

-- The ids of the indexed segments that hold word w as written (folded).
local function holders(kb, w)
  local ids = {}
  for _, kind in ipairs{ "sentence", "heading", "reference" } do
    for _, s in ipairs(kb:segments{ kind = kind, duplicates = true }) do
      for _, t in ipairs(tokens(s.text)) do
        if t == w then ids[s.id] = true break end
      end
    end
  end
  return ids
end

local function hit_ids(kb, q)
  local ids = {}
  for _, h in ipairs(kb:search(q, { limit = 10000, duplicates = true })) do ids[h.segment] = true end
  return ids
end

describe("the migration to schema version 5", function()
  for v = 1, 4 do
    it("keeps every hit of the version-" .. v .. " fixture: words find a superset, quoted words the same",
       function()
      local p = copy("spec/fixtures/schema-v" .. v .. ".sqlite")
      local kb <close> = assert(sinorus.open(p))
      local words, n = {}, 0
      for _, s in ipairs(kb:segments{ kind = "sentence", duplicates = true }) do
        for t in core.fold(s.text):gmatch("%a%w*") do words[t] = true end
      end
      for w in pairs(words) do
        local want = holders(kb, w)
        local exact, stem = hit_ids(kb, '"' .. w .. '"'), hit_ids(kb, w)
        assert.same(want, exact, w)
        for id in pairs(want) do assert.is_true(stem[id], w) end
        n = n + 1
      end
      assert.is_true(n > 10)
      -- a quoted phrase of two words finds exactly the sentences that hold it
      local pairs_seen, np = {}, 0
      for _, s in ipairs(kb:segments{ kind = "sentence", duplicates = true }) do
        local toks = tokens(s.text)
        for i = 1, #toks - 1 do
          local ph = toks[i] .. " " .. toks[i + 1]
          if not pairs_seen[ph] then
            pairs_seen[ph] = true
            local want = {}
            for _, kind in ipairs{ "sentence", "heading", "reference" } do
              for _, x in ipairs(kb:segments{ kind = kind, duplicates = true }) do
                local f = " " .. table.concat(tokens(x.text), " ") .. " "
                if f:find(" " .. ph .. " ", 1, true) then want[x.id] = true end
              end
            end
            assert.same(want, hit_ids(kb, '"' .. ph .. '"'), ph)
            np = np + 1
          end
        end
      end
      assert.is_true(np > 10)
      -- the search settings of a new file
      assert.same(sinorus.open():describe().search, kb:describe().search)
      assert.same({ "cjk", "english", "russian" }, kb:describe().search)
      -- every alias has the script core.script derives from it
      local rows = kb:sql("SELECT alias, script FROM alias")
      assert.is_true(#rows > 0)
      for _, r in ipairs(rows) do assert.equals(core.script(r.alias), r.script, r.alias) end
      kb:close()
      os.remove(p)
    end)
  end
end)
