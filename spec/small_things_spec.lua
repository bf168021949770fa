-- The small things of a new user's first hour (issue 18, item 8).

local sinorus = require "sinorus"
local util = require "sinorus.util"
local repl = require "sinorus.repl"
local doc = require "sinorus.doc"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local ENV = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' ", BUILD)

local function run(cmd)
  local p = io.popen(ENV .. cmd .. " 2>&1")
  local out = p:read("a")
  p:close()
  return out
end

local kb = sinorus.open()

describe("kb:ratings", function()
  it("raises for an unknown hypothesis, as claims{about} does for an entity", function()
    assert.has_error(function() kb:ratings { hypothesis = "h1" } end,
      "bad argument #1 to 'ratings' (unknown hypothesis 'h1' in 'hypothesis')")
  end)

  it("raises for an unknown ACH item", function()
    assert.has_error(function() kb:ratings { evidence = "nothing" } end,
      "bad argument #1 to 'ratings' (unknown ACH item 'nothing' in 'evidence')")
  end)

  it("still filters by a known hypothesis", function()
    local h = kb:hypotheses()[1].id
    local list = kb:ratings { hypothesis = h }
    assert.is_true(#list > 0)
    for _, r in ipairs(list) do assert.equal(h, r.hypothesis) end
  end)
end)

describe("grammar", function()
  it("says 'an entity' and 'an event' in the help", function()
    local text = doc.text()
    for _, name in ipairs { "update_entity", "remove_entity", "update_event" } do
      local t = doc.text(name)
      assert.falsy(t:find("a entity", 1, true) or t:find("a event", 1, true), t)
    end
    assert.falsy(text:find(" a entity", 1, true))
    assert.truthy(doc.text("update_entity"):find("an entity", 1, true))
  end)

  it("counts one source as '1 source' in the report", function()
    local out = run("lua5.4 bin/sinorus report")
    assert.truthy(out:find("1 source[,. ]"), out:sub(1, 400))
    assert.falsy(out:find("1 sources", 1, true))
  end)
end)

describe("ACH scores", function()
  it("print alike in the demo, the report and the REPL's table", function()
    local top = kb:ach().hypotheses
    local shown = string.format("%.4g", top[#top].score)
    assert.truthy(tostring(kb:ach()):find(shown, 1, true))
    assert.truthy(run("lua5.4 bin/sinorus report"):find("(score " .. shown .. ")", 1, true))
    assert.truthy(run("lua5.4 examples/outlook.lua"):find(shown, 1, true))
  end)
end)

describe("display width", function()
  it("counts CJK characters as two columns", function()
    assert.equal(4, util.width("中国"))
    assert.equal(6, util.width("Russia"))
    assert.equal(1, util.width("e\204\129"))   -- e and a combining acute
  end)

  it("aligns table columns holding Chinese text", function()
    local s = util.render({ { a = "中国", b = 1 }, { a = "Russia", b = 2 } }, { "a", "b" })
    local lines = {}
    for l in s:gmatch("[^\n]+") do lines[#lines + 1] = l end
    assert.equal(util.width(lines[3]:match("^(.-)1$")), util.width(lines[4]:match("^(.-)2$")))
  end)
end)

describe("help's pager", function()
  local long = string.rep("line\n", 100)

  it("is never used on a pipe", function()
    assert.is_nil(repl.pager(long, { tty = false, rows = 24, pager = "less" }))
  end)

  it("is used on a terminal for text taller than it, $PAGER first", function()
    assert.equal("most", repl.pager(long, { tty = true, rows = 24, pager = "most" }))
  end)

  it("is not used for text that fits, or with an empty $PAGER", function()
    assert.is_nil(repl.pager("short\n", { tty = true, rows = 24, pager = "less" }))
    assert.is_nil(repl.pager(long, { tty = true, rows = 24, pager = "" }))
  end)

  it("keeps help() out of a pipe", function()
    local out = run("printf 'help()\\n' | PAGER=false lua5.4 bin/sinorus")
    assert.truthy(out:find("Module functions", 1, true))
  end)
end)

describe("kb:sql", function()
  it("prints its rows as a table, columns in SELECT order, in a script", function()
    local out = run("lua5.4 -e " .. string.format("%q",
      'print(require("sinorus").open():sql("SELECT name, id FROM entity WHERE id = ?", "china"))'))
    assert.equal("name   id\n-----  -----\nChina  china\n", out)
  end)

  it("prints the same in the REPL", function()
    local s = repl.format(kb:sql("SELECT name, id FROM entity WHERE id = 'china'"), 80)
    assert.truthy(s:find("^name%s+id\n"), s)
  end)
end)
