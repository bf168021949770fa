-- Ctrl-C reaches the long C loops: a child process with the REPL's
-- SIGINT handler installed starts a run that would take seconds, gets
-- SIGINT after a moment, and must stop at once with "interrupted".
-- The child reports the CPU time it spent in the call; the bound is
-- generous (the machine may be loaded) and far below the full run.

local fs = require "spec.support.fs"
local shq, slurp, spit, tmpname = fs.shq, fs.slurp, fs.spit, fs.tmpname

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local ENV = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' ", BUILD)

-- The child: set-up (not timed), then the call, timed in CPU seconds.
local CHILD = [[
local core = require "sinorus.core"
local sinorus = require "sinorus"
local ready_path, setup, call = ...
local ready = io.open(ready_path, "w")
local env = { sinorus = sinorus, core = core }
local fn = load(setup .. "\nreturn function() " .. call .. " end", "=run", "t",
                setmetatable(env, { __index = _G }))()
core.interrupt_install()
ready:write("go\n"); ready:close()
local t0 = os.clock()
local ok, err = pcall(fn)
io.write(tostring(ok), "\t", tostring(err), "\t", string.format("%.3f", os.clock() - t0), "\n")
-- the session goes on: the next call is not interrupted
local again = pcall(function() return sinorus.open():simulate { n = 1000 } end)
io.write(tostring(again), "\n")
]]

-- Runs setup, then call in a child; sends SIGINT once the call has run
-- for 0.3 s of wall time. Returns ok, message, cpu seconds, next ok.
local function interrupt(setup, call)
  local script, ready, out = tmpname(".lua"), tmpname(), tmpname()
  spit(script, CHILD)
  local cmd = string.format(
    "%s lua5.4 %s %s %s %s > %s 2>&1 & pid=$!; "
    .. "i=0; while [ ! -s %s ] && [ $i -lt 600 ] && kill -0 $pid 2>/dev/null; do "
    .. "sleep 0.05; i=$((i+1)); done; sleep 0.3; kill -INT $pid; wait $pid",
    ENV, shq(script), shq(ready), shq(setup), shq(call), shq(out), shq(ready))
  os.execute(cmd)
  local text = slurp(out) or ""
  os.remove(script); os.remove(ready); os.remove(out)
  local ok, msg, cpu, again = text:match("^(%a+)\t([^\t]*)\t([%d.]+)\n(%a+)\n$")
  assert(ok, text)
  return ok == "true", msg, tonumber(cpu), again == "true"
end

-- The run stopped early with "interrupted", and the session went on.
local function assert_stopped(ok, msg, cpu, again)
  assert.is_false(ok)
  assert.equal("interrupted", msg:gsub("^.-:%d+: ", ""))
  assert.is_true(cpu < 1.5, cpu)
  assert.is_true(again)
end

describe("Ctrl-C", function()
  it("stops kb:simulate in the middle (a 1e8-draw run takes seconds)", function()
    assert_stopped(interrupt("local kb = sinorus.open()",
      "return kb:simulate { n = 100000000 }"))
  end)

  it("stops PageRank in the middle (a million iterations)", function()
    assert_stopped(interrupt([[
      local n, from, to = 20000, {}, {}
      for i = 1, 5 * n do from[i] = (i % n) + 1; to[i] = (i * 7919) % n + 1 end
      local g = core.graph { nodes = n, from = from, to = to, directed = true }]],
      "return g:pagerank(0.85, 0, 1000000)"))
  end)

  it("stops the balance count in the middle (a dense signed graph)", function()
    assert_stopped(interrupt([[
      local n, from, to, sign = 1400, {}, {}, {}
      for a = 1, n do
        for b = a + 1, n do
          local i = #from + 1
          from[i], to[i], sign[i] = a, b, ((a * b) % 3 == 0) and -1 or 1
        end
      end
      local g = core.graph { nodes = n, from = from, to = to, sign = sign }]],
      "return g:balance()"))
  end)
end)
