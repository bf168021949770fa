-- bench/http.lua: kb:search served by lighttpd through mod_magnet
-- (examples/lighttpd) against the same search called in process, on
-- loopback, measured in the same run.
--
--   in process   kb:search(q, {limit = 10}) and sinorus.to_json of the
--                hits, as the server does them, one call after another:
--                per-call CPU time (p50, p99) and calls per second
--   1 client     one keep-alive connection to one worker: latency (p50,
--                p99) and requests per second; the HTTP overhead is the
--                ratio of its p50 to the in-process p50
--   16 clients   16 connections to 2 workers: requests per second
-- Wall time beside CPU time: the workers' CPU (from /proc) per request
-- against the in-process CPU per call. The load client is spec/c/httpload.c.
--
-- Run by `make bench`; SINORUS_BENCH_REQUESTS sets the number of requests
-- of each HTTP run (default 5000).

local sinorus = require "sinorus"
local L = require "spec.support.lighttpd"
local lib = require "bench.lib"

local build = os.getenv("SINORUS_BUILD") or "build"
local n = math.tointeger(tonumber(os.getenv("SINORUS_BENCH_REQUESTS") or "5000")) or 5000

local ok, why = L.available()
if not ok then
  io.stderr:write("bench/http.lua: ", why, "\n")
  os.exit(1)
end

local QUERIES = { "secondary sanctions", "china", "Ukraine", "\"strategic partnership\"",
                  "sanction*", "Putin Xi", "energy cooperation", "Taiwan" }

local function pct(sorted, p)
  return sorted[math.max(1, math.ceil(#sorted * p))]
end

-- Wall-clock seconds (date's nanoseconds; called around whole runs only).
local function wall()
  return tonumber(lib.sh("date +%s.%N"))
end

-- CPU seconds (utime + stime) of processes, from /proc/PID/stat.
local function cpu_of(pids)
  local ticks = tonumber(lib.sh("getconf CLK_TCK")) or 100
  local total = 0
  for _, pid in ipairs(pids) do
    local s = io.open("/proc/" .. pid .. "/stat"):read("a")
    local fields = {}
    for f in s:match("^%d+ %b() (.*)$"):gmatch("%S+") do fields[#fields + 1] = f end
    total = total + (tonumber(fields[12]) + tonumber(fields[13])) / ticks
  end
  return total
end

-- ---------------------------------------------------------------------
-- In process

local kb <close> = sinorus.open()
local inproc = {}
do
  for _, q in ipairs(QUERIES) do sinorus.to_json(kb:search(q, { limit = 10 })) end  -- warm
  local times = {}
  local w0, c0 = wall(), os.clock()
  for i = 1, n do
    local q = QUERIES[(i - 1) % #QUERIES + 1]
    local t0 = os.clock()
    sinorus.to_json(kb:search(q, { limit = 10 }))
    times[i] = os.clock() - t0
  end
  inproc.cpu, inproc.wall = os.clock() - c0, wall() - w0
  table.sort(times)
  inproc.p50, inproc.p99 = pct(times, 0.5), pct(times, 0.99)
  inproc.rps = n / inproc.wall
end

-- ---------------------------------------------------------------------
-- Through lighttpd

local entries = {}
for _, q in ipairs(QUERIES) do
  entries[#entries + 1] = { path = "/search?q=" .. L.urlencode(q) .. "&limit=10",
                            a = sinorus.to_json(kb:search(q, { limit = 10 })) }
end
local expect = lib.tmp(".expect")
L.write_expect(expect, entries)

local function http_run(workers, clients)
  local server = L.start { kb = "", workers = workers, build = build }
  local okw, _, errw = L.load(build, server, expect, { requests = 500, concurrency = clients })
  assert(okw, "warm-up: " .. errw)
  local c0 = cpu_of(server.workers)
  local okr, res, err = L.load(build, server, expect, { requests = n, concurrency = clients })
  local cpu = cpu_of(server.workers) - c0
  L.stop(server)
  assert(okr and res.errors == 0 and res.mismatches == 0, "load run failed: " .. err)
  res.server_cpu = cpu
  return res
end

local one = http_run(1, 1)
local many = http_run(2, 16)
os.remove(expect)

-- ---------------------------------------------------------------------

local function us(s) return s * 1e6 end
io.write(string.format("search, %d queries cycled, limit 10, JSON included; %d requests a run\n",
                       #QUERIES, n))
io.write(string.format("%-34s %10s %10s %10s %12s %12s\n", "", "p50 us", "p99 us", "req/s",
                       "wall s", "CPU s"))
io.write(string.format("%-34s %10.1f %10.1f %10.0f %12.3f %12.3f\n", "in process (CPU per call)",
                       us(inproc.p50), us(inproc.p99), inproc.rps, inproc.wall, inproc.cpu))
io.write(string.format("%-34s %10.1f %10.1f %10.0f %12.3f %12.3f\n",
                       "lighttpd, 1 worker, 1 client", one.p50_us, one.p99_us, one.rps,
                       one.wall_s, one.server_cpu))
io.write(string.format("%-34s %10.1f %10.1f %10.0f %12.3f %12.3f\n",
                       "lighttpd, 2 workers, 16 clients", many.p50_us, many.p99_us, many.rps,
                       many.wall_s, many.server_cpu))
io.write(string.format("HTTP overhead (1 client): p50 %.2fx, p99 %.2fx, req/s %.2fx of in process; "
                       .. "worker CPU per request %.2fx of the in-process call\n",
                       one.p50_us / us(inproc.p50), one.p99_us / us(inproc.p99),
                       one.rps / inproc.rps, (one.server_cpu / n) / (inproc.cpu / n)))
io.write(string.format("16 clients, 2 workers: %.2fx the requests per second of 1 client "
                       .. "(client CPU %.3f s)\n", many.rps / one.rps, many.cpu_s))
