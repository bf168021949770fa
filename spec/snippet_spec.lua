-- Snippets: centred on the first match, a phrase marked as one span, the
-- same marks for search and KWIC (sinorus.marks, or opts.marks).

local sinorus = require "sinorus"
local core = require "sinorus.core"
local repl = require "sinorus.repl"
local fs = require "spec.support.fs"

local kb = sinorus.open()
local O, C = "\xff", "\xfe"

describe("snippets", function()
  it("show «Taiwan» in every hit, whatever the terminal's width", function()
    local hits = kb:search("Taiwan")
    assert.is_true(#hits >= 3)
    for _, w in ipairs { 80, 100, 120, 160, 200, 300 } do
      local lines = {}
      for line in repl.format(hits, w):gmatch("[^\n]+") do lines[#lines + 1] = line end
      for i = 3, #lines do
        assert.truthy(lines[i]:find("«Taiwan»", 1, true), w .. ": " .. lines[i])
      end
    end
  end)

  it("centre the window on the first match", function()
    local text = "one two three four five six " .. O .. "seven" .. C
      .. " eight nine ten eleven twelve thirteen"
    assert.equal("…five six [seven] eight nine…", core.snippet(text, 5, 200, "[", "]"))
  end)

  it("move the window inward at the end of the text", function()
    local text = "one two three four five six seven " .. O .. "eight" .. C
    assert.equal("…five six seven [eight]", core.snippet(text, 4, 200, "[", "]"))
  end)

  it("keep within the character limit, marks and ellipses counted", function()
    local text = "aaaa bbbb cccc " .. O .. "dddd" .. C .. " eeee ffff gggg"
    assert.equal("…cccc «dddd» eeee…", core.snippet(text, 16, 18, "«", "»"))
    assert.equal("…«dddd» eeee…", core.snippet(text, 16, 17, "«", "»"))
  end)

  it("count the close mark of a span the window cuts against the character limit", function()
    local text = "aaaa " .. O .. "bbbb" .. C .. " cccc " .. O .. "dddd" .. C .. " " .. O .. "eeee" .. C
      .. " ffff"
    assert.equal("aaaa «bbbb» cccc «dddd»…", core.snippet(text, 4, 24, "«", "»"))
    assert.equal("aaaa «bbbb» cccc…", core.snippet(text, 4, 23, "«", "»"))
  end)

  it("mark matches separated only by white space as one span", function()
    local text = "open " .. O .. "letters" .. C .. " " .. O .. "of" .. C .. "  "
      .. O .. "credit" .. C .. ", then " .. O .. "more" .. C
    assert.equal("open «letters of  credit», then «more»", core.snippet(text, 16, 200, "«", "»"))
  end)

  it("mark a phrase query as one span in search", function()
    local path = fs.tmpname(".sqlite")
    local k2 <close> = assert(sinorus.open(path, { create = true }))
    k2:add_source { title = "Trade notes", text = "Banks stopped issuing letters of credit "
      .. "for exporters in the spring, and trade finance dried up across the region." }
    local hits = k2:search('"letters of credit"')
    assert.equal(1, #hits)
    assert.truthy(hits[1].snippet:find("«letters of credit»", 1, true), hits[1].snippet)
    k2:close()
    fs.remove_db(path)
  end)

  it("take the marks given to search", function()
    local hits = kb:search("Taiwan", { marks = { "<", ">" } })
    for _, h in ipairs(hits) do assert.truthy(h.snippet:find("<Taiwan>", 1, true)) end
  end)

  it("use the same marks in KWIC as in search", function()
    assert.truthy(tostring(kb:kwic("Taiwan")):find("«Taiwan»", 1, true))
    local old = sinorus.marks
    sinorus.marks = { "[", "]" }
    local ok, s = pcall(tostring, kb:kwic("Taiwan"))
    local hits = kb:search("Taiwan")
    sinorus.marks = old
    assert.is_true(ok)
    assert.truthy(s:find("[Taiwan]", 1, true))
    assert.truthy(hits[1].snippet:find("[Taiwan]", 1, true))
  end)
end)
