-- bench/lib.lua: helpers shared by the benchmarks.

local lib = {}

-- Runs a shell command and returns its standard output; raises on failure.
function lib.sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok = p:close()
  if not ok then error("command failed: " .. cmd) end
  return out
end

-- s quoted for sh.
function lib.q(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- The median of a list of numbers (sorts the list).
function lib.median(t)
  table.sort(t)
  local n = #t
  return n % 2 == 1 and t[(n + 1) // 2] or (t[n // 2] + t[n // 2 + 1]) / 2
end

-- A fresh temporary path ending in suffix.
function lib.tmp(suffix)
  local p = os.tmpname()
  os.remove(p)
  return p .. suffix
end

-- CPU seconds of this process spent in f (the C baselines measure CPU time
-- too, with CLOCK_PROCESS_CPUTIME_ID, so in-process ratios compare alike).
function lib.cpu(f)
  local t0 = os.clock()
  f()
  return os.clock() - t0
end

-- Wall seconds of the day, to the millisecond.
function lib.wall()
  local h, m, s = require("sinorus.core").utc_now():match("T(%d+):(%d+):([%d.]+)Z")
  return h * 3600 + m * 60 + tonumber(s)
end

-- Whether valgrind is installed.
lib.has_valgrind = os.execute("command -v valgrind >/dev/null 2>&1") and true or false

-- Instructions executed by a command (with env, a prefix of assignments),
-- counted by valgrind's callgrind: exact and repeatable whatever else the
-- machine does.
function lib.irefs(cmd, env)
  local out = lib.sh((env or "") .. "valgrind --tool=callgrind --callgrind-out-file=/dev/null "
                     .. cmd .. " 2>&1")
  return tonumber((out:match("I%s+refs:%s+([%d,]+)") or ""):gsub(",", "") .. "")
end

return lib
