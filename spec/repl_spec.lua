-- The REPL keeps `local` declarations from one input to the next, and a
-- statement of several lines is one history entry.

local repl = require "sinorus.repl"
local sinorus = require "sinorus"

-- Runs the REPL over lines; returns what it printed and the history.
local function session(lines, env)
  local i, history = 0, {}
  local out = {}
  local old_print = repl.print
  repl.print = function(...)
    local parts = {}
    for k = 1, select("#", ...) do parts[k] = tostring((select(k, ...))) end
    out[#out + 1] = table.concat(parts, "\t")
  end
  env = env or setmetatable({}, { __index = _G })
  env.print = repl.print
  local ok, err = pcall(repl.run, {
    kb = sinorus.open(), env = env, quiet = true,
    reader = {
      read = function() i = i + 1; return lines[i] end,
      add = function(entry) history[#history + 1] = entry end,
    },
  })
  repl.print = old_print
  assert(ok, err)
  return table.concat(out, "\n"), history, env
end

describe("the REPL's locals", function()
  it("last from one line to the next (the tutorial's first steps)", function()
    local out = session { "local s = kb:segment(45)", "print(s.kind)" }
    assert.equal("sentence", out)
  end)

  it("do not become globals", function()
    local _, _, env = session { "local x = 1", "print(x)" }
    assert.is_nil(rawget(env, "x"))
  end)

  it("see the outer name in their own value, as a real local does", function()
    local env = setmetatable({ x = 10 }, { __index = _G })
    local out = session({ "local x = x + 1", "print(x)", "local x = x * 2", "print(x)" }, env)
    assert.equal("11\n22", out)
    assert.equal(10, rawget(env, "x"))
  end)

  it("start as nil without a value, shadowing a global", function()
    local env = setmetatable({ y = 5 }, { __index = _G })
    assert.equal("nil", session({ "local y", "print(y)" }, env))
  end)

  it("take several names and drop <const> and <close>", function()
    assert.equal("3", session { "local a, b <const> = 1, 2", "print(a + b)" })
  end)

  it("include local functions, recursive ones too", function()
    assert.equal("10", session {
      "local function f(n) if n == 0 then return 0 end return n + f(n - 1) end",
      "print(f(4))" })
  end)

  it("leave locals in blocks and functions alone", function()
    assert.equal("1\nnil\nnil", session {
      "do local q = 1 print(q) end", "print(q)",
      "local function g() local inner = 1 return inner end", "print(inner)" })
  end)

  it("leave 'local' in strings and comments alone", function()
    local code = repl.rewrite('print("local x = 1") -- local y = 2')
    assert.equal('print("local x = 1") -- local y = 2', code)
  end)

  it("are rewritten into a declaration and an assignment", function()
    local code, names = repl.rewrite("local a, b = f()")
    assert.equal('_REPL_local({"a", "b"}, true); a, b = f()', code)
    assert.same({ "a", "b" }, names)
  end)
end)

describe("the REPL's history", function()
  it("stores a statement of several lines as one entry", function()
    local out, history = session { "for i = 1, 2 do", "print(i)", "end", "print(3)" }
    assert.equal("1\n2\n3", out)
    assert.same({ "for i = 1, 2 do\nprint(i)\nend", "print(3)" }, history)
  end)
end)

describe("the REPL without lua-readline", function()
  it("says what is missing and goes on reading lines", function()
    local build = os.getenv("SINORUS_BUILD") or "build"
    local cmd = string.format("printf 'print(1 + 1)\\n' | LUA_PATH='lua/?.lua;lua/?/init.lua;;' "
      .. "LUA_CPATH='%s/?.so;;' lua5.4 -e %q 2>&1", build,
      'package.preload.readline = function() error("module \'readline\' not found") end '
      .. 'require("sinorus.repl").run{readline = true, quiet = true}')
    local p = io.popen(cmd)
    local out = p:read("a")
    p:close()
    assert.truthy(out:find("the readline module is missing (Debian: apt-get install lua-readline)",
                           1, true), out)
    assert.truthy(out:find("\n2\n", 1, true) or out:find("^2\n"), out)
  end)
end)

describe("the REPL's printer", function()
  local util = require "sinorus.util"

  it("cuts wide characters to the terminal's columns", function()
    local s = repl.format(string.rep("中", 30), 20, 24)
    assert.is_true(util.width(s) <= 20, s)
    assert.equal(string.rep("中", 9) .. "…", s)
    assert.equal(string.rep("x", 19) .. "…", repl.format(string.rep("x", 30), 20, 24))
  end)

  it("cuts a string that is not UTF-8 instead of failing", function()
    local s = repl.format("\x80" .. string.rep("x", 100), 20, 24)
    assert.equal("\x80" .. string.rep("x", 18) .. "…", s)
  end)

  it("cuts table cells of wide or invalid text to util.max_width columns", function()
    for _, text in ipairs { string.rep("中", 100), "\x80" .. string.rep("x", 100) } do
      local out = util.render({ { id = "a", text = text } }, { "id", "text" })
      for line in out:gmatch("[^\n]+") do
        assert.is_true(util.width(line) <= util.max_width + 10, line)
      end
      assert.truthy(out:find("…", 1, true))
    end
  end)
end)
