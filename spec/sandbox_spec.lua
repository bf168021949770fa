-- sinorus.sandbox (issue 8, item 5): hostile scripts. The host survives
-- every attack and gets a clean result: true, value or nil, message.

local sinorus = require "sinorus"

-- Small limits keep each attack short.
local LIMITS = { memory = 16 * 1024 * 1024, instructions = 10000000, time = 5 }

local function run(script, opts)
  local o = {}
  for k, v in pairs(LIMITS) do o[k] = v end
  for k, v in pairs(opts or {}) do o[k] = v end
  local t0 = os.clock()
  local res = table.pack(sinorus.sandbox(script, o))
  return res, os.clock() - t0
end

-- Asserts the script failed with a message matching pattern, quickly.
local function refused(script, pattern, opts)
  local res, secs = run(script, opts)
  assert.is_nil(res[1], "the script succeeded: " .. tostring(res[2]))
  assert.is_string(res[2])
  assert.matches(pattern, res[2])
  assert.is_true(secs < 10, "took " .. secs .. " s")
end

describe("sinorus.sandbox", function()
  describe("runs analysis scripts", function()
    it("returns the script's result as plain data", function()
      local res = run([[
        local sinorus = require "sinorus"
        local a = kb:alignment{horizon = "long"}
        return {index = a.index, claims = #kb:claims(), est = sinorus.estimate("likely").band}
      ]])
      assert.is_true(res[1])
      assert.is_number(res[2].index)
      assert.equal(#sinorus.open():claims(), res[2].claims)
      assert.equal("likely", res[2].est)
      assert.is_nil(getmetatable(res[2]))
    end)

    it("gives the module's scoring functions, as the host has them", function()
      local script = [[
        local sinorus = require "sinorus"
        return {
          brier = sinorus.scores({{p_low = 0.6, p_high = 0.8, outcome = "yes"},
                                  {p_low = 0.1, p_high = 0.3, outcome = "no"}}).brier,
          alpha = sinorus.agreement({{1, 2, 3, 3}, {1, 2, 3, 1}}).alpha,
          months = #sinorus.series({{date = "2022-01-05", value = 1},
                                    {date = "2022-03-05", value = 2}}),
          rows = #sinorus.ach_timeline({{id = "a", date = "2022"}},
                                       {{item = "a", hypothesis = "h", rating = "C"}}).rows,
        }
      ]]
      local res = run(script)
      assert.is_true(res[1], tostring(res[2]))
      local env = { require = function() return sinorus end }
      assert.same(load(script, "=host", "t", env)(), res[2])
      assert.equal(3, res[2].months)
    end)

    it("blames the script's line for misuse of the string and table functions", function()
      for _, call in ipairs { "table.insert(1, 2)", "table.sort({3, 1}, 5)",
                              "string.rep(nil, 2)", "('x'):find('[')", "('x'):match('(()')",
                              "string.gsub('x', '%1', '')", "table.move({}, 1, 2)",
                              "table.remove(5)" } do
        local res = run("local x = 1\n" .. call .. "\nreturn x")
        assert.is_nil(res[1], call)
        assert.matches("^sandbox:2: ", res[2], 1, false, call)
      end
    end)

    it("captures what the script prints", function()
      local res = run("print('a', 1, nil); print(true); return 7")
      assert.same({ true, 7, "a\t1\tnil\ntrue\n", n = 3 }, res)
    end)

    it("copies shared and cyclic tables once", function()
      local res = run("local t = {}; t.self = t; return {t, t}")
      assert.is_true(res[1])
      assert.equal(res[2][1], res[2][2])
      assert.equal(res[2][1], res[2][1].self)
    end)

    it("refuses to return functions and userdata", function()
      refused("return {f = print}", "holds a function")
      refused("return kb", "holds a userdata")
    end)

    it("opens a KB file read-only with opts.path", function()
      local path = os.tmpname()
      os.remove(path)
      local k = assert(sinorus.open(path, { create = true, article = true }))
      k:code(3, "mine")
      k:close()
      local res = run("return {ro = kb:readonly(), codes = #kb:codes()}", { path = path })
      assert.same({ ro = true, codes = 1 }, res[2])
      refused("return kb:sql('DELETE FROM code')", "not authorized", { path = path })
      os.remove(path)
    end)

    it("reports syntax errors and the script's errors as nil, message", function()
      refused("return +", "^sandbox:1:")
      refused("error('mine')", "mine")
      refused("error({})", "error object is a table")
      refused("x = ", "^myscript:1:", { name = "myscript" })
    end)

    it("checks its arguments", function()
      assert.has_error(function() sinorus.sandbox() end,
        "bad argument #1 to 'sandbox' (string expected, got nil)")
      assert.has_error(function() sinorus.sandbox("", { memory = -1 }) end,
        "bad argument #2 to 'sandbox' (option 'memory' must be a positive integer, got -1)")
      assert.has_error(function() sinorus.sandbox("", { nope = 1 }) end,
        "bad argument #2 to 'sandbox' (unknown option 'nope'; valid options: "
        .. "instructions, memory, name, path, time)")
    end)
  end)

  describe("bounds time", function()
    it("stops an infinite loop", function()
      refused("while true do end", "^instruction limit exceeded$")
    end)

    it("cannot be caught by pcall", function()
      refused("while true do pcall(function() while true do end end) end",
              "^instruction limit exceeded$")
    end)

    it("skips an xpcall message handler once the limit is hit", function()
      refused("xpcall(function() while true do end end, function() while true do end end)"
              .. " while true do end", "^instruction limit exceeded$")
    end)

    it("refuses __gc metamethods, which Lua runs without hooks", function()
      refused("setmetatable({}, {__gc = function() while true do end end})",
              "__gc metamethods are not available")
    end)

    it("stops at the wall-clock limit", function()
      refused("while true do end", "^time limit exceeded$",
              { instructions = 1 << 50, time = 0.2 })
    end)

    it("counts time inside SQLite: a recursive CTE", function()
      refused([[return kb:sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                .. "SELECT max(x) AS m FROM c")]], "^instruction limit exceeded$")
    end)

    it("bounds huge LIKE patterns", function()
      refused([[return kb:sql("SELECT count(*) AS n FROM segment WHERE text LIKE ?",
                string.rep("%a", 200) .. "b")]], "LIKE or GLOB pattern too complex")
    end)

    it("bounds strings built inside SQLite", function()
      refused([[return kb:sql("SELECT hex(zeroblob(1000000000)) AS n")]], "too big")
      refused([[return kb:sql("SELECT length(randomblob(100000000)) AS n")]], "too big")
    end)

    it("refuses patterns whose backtracking would run away", function()
      refused([[return ("a"):rep(3e4):find(("a*"):rep(3) .. "b")]],
              "^instruction limit exceeded$")
      refused([[return (("a"):rep(3e4)):match("a-a-a-b")]], "^instruction limit exceeded$")
      refused([[local n = 0 for _ in (("a"):rep(3e4)):gmatch("a*a*b") do n = n + 1 end]],
              "^instruction limit exceeded$")
    end)

    it("still runs ordinary patterns and plain finds", function()
      local res = run([[local s = ("word "):rep(1000)
        return select(2, s:gsub("%s+", " ")) + #(s:match("^(%a+)")) + s:find("d w", 1, true)]])
      assert.same({ true, 1000 + 4 + 4, "", n = 3 }, res)
    end)

    it("charges C loops of table.move, insert and string.rep", function()
      refused("table.move({}, 1, math.maxinteger - 1, 2, {})", "instruction limit exceeded")
      refused("local t = {} for i = 1, 1e6 do table.insert(t, 1, i) end",
              "limit exceeded")
      local res = run("return #string.rep('', 1 << 50)")
      assert.same({ true, 0, "", n = 3 }, res)
    end)

    it("charges the C loops of the scoring functions by their size", function()
      -- two tiny tables span a grid of 2 x 2^20 units: 2^21 cells
      refused("return require('sinorus').agreement({{[1 << 20] = 1}, {[1 << 20] = 2}})",
              "instruction limit exceeded", { memory = 64 * 1024 * 1024 })
      refused([[local f = {}
        for i = 1, 20000 do f[i] = {p_low = 0.5, p_high = 0.5, outcome = "yes"} end
        return require('sinorus').scores(f).brier]], "instruction limit exceeded")
      local res = run("return require('sinorus').agreement({{[100] = 1}, {[100] = 1}}).units")
      assert.same({ true, 100, "", n = 3 }, res)
    end)
  end)

  describe("bounds memory", function()
    it("stops a string.rep bomb", function()
      refused("return #string.rep('x', 1 << 40)", "too large")
      refused("local s = string.rep('x', 1 << 20); local t = {} "
              .. "for i = 1, 100 do t[i] = s .. i end", "^memory limit exceeded$")
    end)

    it("stops table growth", function()
      refused("local t = {} for i = 1, math.huge do t[i] = i end", "^memory limit exceeded$")
    end)

    it("stops string doubling", function()
      refused("local s = 'x' while true do s = s .. s end", "^memory limit exceeded$")
    end)

    it("bounds SQLite's memory", function()
      refused([[return kb:sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 "
                .. "FROM c LIMIT 5000000) SELECT x FROM c ORDER BY random()")]],
              "limit exceeded", { memory = 4 * 1024 * 1024, instructions = 1 << 40 })
    end)
  end)

  describe("bounds the C stack", function()
    it("stops deep Lua recursion", function()
      refused("local function f(n) return 1 + f(n + 1) end return f(1)", "exceeded")
    end)

    it("stops coroutine.wrap recursion", function()
      refused("local function f() return coroutine.wrap(f)() end return f()",
              "C stack overflow")
    end)

    it("stops string.gsub callback recursion", function()
      refused("local function f(s) return (s:gsub('.', f)) end return f('ab')",
              "C stack overflow")
    end)
  end)

  describe("keeps the script away from the host", function()
    for _, name in ipairs { "io", "load", "loadstring", "dofile", "loadfile", "package",
                            "debug", "os.execute", "os.getenv", "os.remove",
                            "string.dump", "getmetatable('').__index.dump", "require('io')",
                            "require('sinorus').open", "require('sinorus').sandbox",
                            "sinorus.help" } do
      it("gives nothing for " .. name, function()
        local res = run("local ok, v = pcall(function() return " .. name .. " end) "
                        .. "return ok and v or nil")
        assert.is_true(res[1])
        assert.is_nil(res[2])
      end)
    end

    it("refuses collectgarbage options that change the collector", function()
      refused("collectgarbage('stop')", "not available in the sandbox")
      local res = run("collectgarbage(); return collectgarbage('count') > 0")
      assert.is_true(res[2])
    end)

    it("refuses precompiled chunks", function()
      refused(string.dump(function() return 1 end), "binary")
    end)

    for _, call in ipairs {
      "kb:add_claim{id = 'x'}", "kb:code(1, 'x')", "kb:transaction(function() end)",
      "kb:save('/tmp/sinorus-sandbox-escape')", "kb:_exec('DELETE FROM claim')",
      "kb:_script('DELETE FROM claim')", "kb:sql('DELETE FROM claim')",
      "kb:sql(\"ATTACH '/tmp/sinorus-x.db' AS x\")",
      "kb:export('json', '/tmp/sinorus-sandbox-escape')",
      "getmetatable(kb).__index._exec(kb, 'DELETE FROM claim')",
    } do
      it("cannot write through " .. call, function()
        refused("return " .. call, ".")
        local k = sinorus.open()
        assert.equal(#k:claims(), #sinorus.open():claims())
      end)
    end

    it("leaves the host's string library alone", function()
      run("string.rep = nil; getmetatable('').__index.find = nil")
      assert.is_function(string.rep)
      assert.is_function(("x").find)
    end)
  end)
end)
