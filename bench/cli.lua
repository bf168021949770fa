-- bench/cli.lua: the command's start-up and the REPL's memory, each
-- against bare lua5.4 measured in the same run.
--
--   start-up  `sinorus search WORD` against `lua5.4 -e ''`: the median
--             wall time of N runs (build/bench/baseline spawn); target:
--             under 20 ms more
--   memory    peak resident set (VmHWM) of the REPL with the built-in KB
--             open, against bare lua5.4; target: under 10 MB more
--
-- Run by `make bench` (the build's LUA_PATH/LUA_CPATH are set);
-- SINORUS_BENCH_RUNS sets N (default 40).

local build = os.getenv("SINORUS_BUILD") or "build"
local baseline = build .. "/bench/baseline"
local runs = math.tointeger(tonumber(os.getenv("SINORUS_BENCH_RUNS") or "40")) or 40

local lib = require "bench.lib"
local sh, q = lib.sh, lib.q

local rows = {}
local function row(name, value, unit, base, target, ok)
  rows[#rows + 1] = { name = name, value = value, unit = unit, base = base,
                      target = target, ok = ok }
end

-- Median wall ns of a shell command line (its stdout discarded).
local function spawn(cmdline)
  local out = sh(baseline .. " spawn " .. runs .. " sh -c " .. q("exec " .. cmdline .. " >/dev/null"))
  return assert(tonumber(out:match("%S+")), "baseline printed no number")
end

-- ---------------------------------------------------------------------
-- start-up

do
  spawn("lua5.4 -e ''")                             -- warm the caches
  local bare = spawn("lua5.4 -e ''")
  local search = spawn("lua5.4 bin/sinorus search sanctions")
  local version = spawn("lua5.4 bin/sinorus --version")
  local extra = (search - bare) / 1e6
  row("start-up: lua5.4 -e ''", bare / 1e6, "ms")
  row("start-up: sinorus --version", version / 1e6, "ms", bare / 1e6)
  row("start-up: sinorus search sanctions", search / 1e6, "ms", bare / 1e6)
  row("start-up: extra cost of search", extra, "ms", nil, "< 20 ms", extra < 20)
end

-- ---------------------------------------------------------------------
-- memory

-- VmHWM (kB) as the process itself reads it from /proc.
local HWM = [[io.open("/proc/self/status"):read("a"):match("VmHWM:%s*(%d+)")]]

local function kb_of(s) return assert(tonumber(s:match("(%d+)")), "no VmHWM in: " .. s) end

do
  local f = io.open("/proc/self/status")
  if not f then
    io.write("memory: /proc is not available; skipped\n")
  else
    f:close()
    local bare = kb_of(sh("lua5.4 -e " .. q("print(" .. HWM .. ")")))
    -- the REPL reads its input from a pipe: same session, no readline
    local repl = kb_of(sh("printf '%s\\n' " .. q("kb:search('sanctions'); " ..
      "io.stdout:write(" .. HWM .. ', "\\n")') .. " | lua5.4 bin/sinorus"))
    local rl = kb_of(sh("lua5.4 -e " .. q("require 'readline'; print(" .. HWM .. ")")))
    local extra = (repl - bare) / 1024
    row("memory: lua5.4 (VmHWM)", bare / 1024, "MB")
    row("memory: sinorus REPL, built-in KB open", repl / 1024, "MB", bare / 1024)
    row("memory: extra cost of the REPL", extra, "MB", nil, "< 10 MB", extra < 10)
    row("memory: lua5.4 + readline (a terminal REPL adds it)", rl / 1024, "MB", bare / 1024)
    local time = io.open("/usr/bin/time")
    if time then
      time:close()
      local out = sh("printf 'kb\\n' | /usr/bin/time -v lua5.4 bin/sinorus 2>&1 >/dev/null")
      local max = tonumber(out:match("Maximum resident set size %(kbytes%):%s*(%d+)"))
      if max then
        row("memory: REPL max RSS (/usr/bin/time -v)", max / 1024, "MB", bare / 1024)
      end
    end
  end
end

-- ---------------------------------------------------------------------

io.write(string.format("%-52s %10s %-4s %10s  %s\n", "", "value", "", "vs lua5.4", "target"))
for _, r in ipairs(rows) do
  local ratio = r.base and string.format("%9.2fx", r.value / r.base) or ""
  local target = r.target and (r.target .. (r.ok and "  ok" or "  MISSED")) or ""
  io.write(string.format("%-52s %10.2f %-4s %10s  %s\n", r.name, r.value, r.unit, ratio, target))
end
