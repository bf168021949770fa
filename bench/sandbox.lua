-- bench/sandbox.lua: how long the sandbox's worst attack holds the host and
-- how much memory it takes (issue 21), with the issue's limits: time = 1 s,
-- instructions = 1e7, memory = 16 MiB (an attack may raise instructions,
-- as spec/support/sandbox_attacks.lua says, to reach the time limit).
-- Targets: every attack ends within 2 s of wall time; peak RSS <= 64 MB.
--
-- Each attack runs in a process of its own (`lua5.4 bench/sandbox.lua
-- --one N`, N = 0 for the baseline) so that its peak RSS (VmHWM) is its
-- own; the process prints wall seconds, CPU seconds and the peak in kB.
-- Baseline: the same process running the script "return 1" in the same
-- sandbox. Wall time is what the host waits; CPU time beside it shows how
-- loaded the machine was. The attack set itself, and the error each one
-- must end with, is asserted by spec/sandbox_attacks_spec.lua.

package.path = "spec/support/?.lua;" .. package.path
local set = require "sandbox_attacks"
local ATTACKS = set.attacks
local WALL_TARGET, RSS_TARGET = 2.0, 64 * 1024

-- Wall-clock seconds (Lua has none finer than os.time): the system's
-- date in nanoseconds; the few milliseconds of that one call are inside
-- each figure, baseline included.
local function now()
  local p = assert(io.popen("date +%s.%N"))
  local t = assert(tonumber(p:read("l")))
  p:close()
  return t
end

if arg[1] == "--one" then
  local sinorus = require "sinorus"
  local n = tonumber(arg[2])
  local a = n == 0 and { script = "return 1" } or ATTACKS[n]
  local t0, c0 = now(), os.clock()
  local res = set.run(sinorus, a.script, a.opts)
  local ok, msg = res[1], res[2]
  local secs, cpu = now() - t0, os.clock() - c0
  local hwm
  for line in io.lines("/proc/self/status") do
    hwm = hwm or tonumber(line:match("^VmHWM:%s*(%d+)"))
  end
  print(string.format("%.3f %.3f %d %s", secs, cpu, hwm,
        ok and "ok" or tostring(msg):gsub("%s", "_")))
  return
end

local lib = require "bench.lib"

local function one(n)
  local out = lib.sh(string.format("%s bench/sandbox.lua --one %d", arg[-1] or "lua5.4", n))
  local secs, cpu, kb, msg = out:match("^(%S+) (%S+) (%S+) (%S+)")
  return tonumber(secs), tonumber(cpu), tonumber(kb), msg
end

local b_secs, b_cpu, b_kb = one(0)
print(string.format("baseline (\"return 1\"): wall %.3f s, CPU %.3f s, peak RSS %.1f MB",
      b_secs, b_cpu, b_kb / 1024))
print(string.format("%-58s %8s %8s %9s %7s", "attack", "wall s", "CPU s", "RSS MB",
      "x base"))
local worst_secs, worst_name, worst_kb, worst_kb_name = 0, nil, 0, nil
for i, a in ipairs(ATTACKS) do
  local secs, cpu, kb = one(i)
  print(string.format("%-58s %8.3f %8.3f %9.1f %7.1f", a.name:sub(1, 58), secs, cpu,
        kb / 1024, kb / b_kb))
  if secs > worst_secs then worst_secs, worst_name = secs, a.name end
  if kb > worst_kb then worst_kb, worst_kb_name = kb, a.name end
end
print(string.format("worst wall time: %.3f s (%s); target <= %.1f s: %s", worst_secs,
      worst_name, WALL_TARGET, worst_secs <= WALL_TARGET and "met" or "MISSED"))
print(string.format("worst peak RSS: %.1f MB (%s), %.1fx the baseline's %.1f MB; "
      .. "target <= %d MB: %s", worst_kb / 1024, worst_kb_name, worst_kb / b_kb, b_kb / 1024,
      RSS_TARGET // 1024, worst_kb <= RSS_TARGET and "met" or "MISSED"))
