-- doc/forecasts.md's scorecard is what the library computes (tools/scorecard.lua,
-- written by `make docs`), and examples/hindsight.lua prints the same scores.
local sinorus = require "sinorus"
local scorecard = require "scorecard"
local fs = require "spec.support.fs"

describe("the scorecard of doc/forecasts.md", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  it("holds exactly the numbers the library computes (run make docs)", function()
    local doc = assert(fs.slurp("doc/forecasts.md"))
    local text = scorecard.text(kb)
    assert.equal(text, scorecard.current(doc))
    -- the numbers are the library's: the Brier score appears as computed
    assert.truthy(text:find(string.format("%.3f", kb:scores().brier), 1, true))
  end)

  it("replaces only the text between the markers", function()
    local doc = "a\n" .. scorecard.BEGIN .. "\nold\n" .. scorecard.END .. "\nb\n"
    local new = assert(scorecard.replace(doc, "new"))
    assert.equal("a\n" .. scorecard.BEGIN .. "\nnew\n" .. scorecard.END .. "\nb\n", new)
    assert.equal("new", scorecard.current(new))
    assert.is_nil(scorecard.replace("no markers", "x"))
  end)
end)

describe("examples/hindsight.lua", function()
  it("prints the scorecard and how the ranking moved", function()
    local build = os.getenv("SINORUS_BUILD") or "build"
    local p = assert(io.popen(string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' " ..
      "LUA_CPATH='%s/?.so;;' lua5.4 examples/hindsight.lua 2>&1", build)))
    local out = p:read("a")
    local ok = p:close()
    assert.is_true(ok, out)
    local kb = assert(sinorus.open())
    local s = kb:scores()
    assert.truthy(out:find(string.format("Brier %.3f", s.brier), 1, true), out)
    local published = kb:sources()[1].published
    assert.truthy(out:find(string.format("At publication (%s) the top hypothesis was %s",
                                         published, kb:ach { as_of = published }.top), 1, true))
    for _, f in ipairs(kb:forecasts()) do assert.truthy(out:find(f.id, 1, true), f.id) end
    kb:close()
  end)
end)
