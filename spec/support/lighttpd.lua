-- Helpers of spec/lighttpd_spec.lua and bench/http.lua: a lighttpd running
-- examples/lighttpd/lighttpd.conf on a free loopback port, its workers,
-- raw requests to it, and the load client (build/httpload).

local fs = require "spec.support.fs"

local M = {}

M.CONF = "examples/lighttpd/lighttpd.conf"
M.MODULE_DIR = "/usr/lib/lighttpd"

-- Runs a shell command (without the sanitizer preload of check-asan, which
-- the shell and its tools are not built for); returns ok, output.
local function sh(cmd)
  local p = assert(io.popen("env -u LD_PRELOAD sh -c " .. fs.shq(cmd) .. " 2>&1"))
  local out = p:read("a")
  local ok = p:close()
  return ok, out
end
M.sh = sh

local function sleep(s)
  os.execute("sleep " .. s)
end

--- true, or nil and what is missing (lighttpd, or its Lua module).
function M.available()
  local ok, out = sh("lighttpd -v")
  if not ok then
    return nil, "lighttpd is not installed (Debian: apt-get install lighttpd " ..
      "lighttpd-modules-lua; tools/deps.sh installs both): " .. out
  end
  local f = io.open(M.MODULE_DIR .. "/mod_magnet.so", "rb")
  if not f then
    return nil, "lighttpd's mod_magnet is not installed (Debian: apt-get install " ..
      "lighttpd-modules-lua; tools/deps.sh installs it)"
  end
  f:close()
  return true
end

-- TCP ports in use on this machine (from /proc/net/tcp and tcp6).
local function ports_in_use()
  local used = {}
  for _, file in ipairs { "/proc/net/tcp", "/proc/net/tcp6" } do
    local f = io.open(file, "r")
    if f then
      for line in f:lines() do
        local hex = line:match("^%s*%d+:%s+%x+:(%x+)")
        if hex then used[tonumber(hex, 16)] = true end
      end
      f:close()
    end
  end
  return used
end

-- The parent pid of a process, or nil.
local function ppid(pid)
  local s = fs.slurp("/proc/" .. pid .. "/stat")
  return s and tonumber(s:match("^%d+ %b() %S+ (%d+)"))
end

--- The worker processes (children) of a lighttpd master, sorted.
function M.workers(master)
  local out = {}
  local ok, list = sh("ls /proc")
  assert(ok, list)
  for pid in list:gmatch("%d+") do
    if ppid(pid) == master then out[#out + 1] = tonumber(pid) end
  end
  table.sort(out)
  return out
end

--- Starts lighttpd on the example configuration with settings replaced:
--- opts.kb (path or "" for the built-in), opts.budget_ms, opts.workers,
--- opts.build (the build directory). Returns a server table {port, pid,
--- workers, dir, log}; raises when it cannot start.
function M.start(opts)
  local dir = fs.tmpname("-lighttpd")
  assert(os.execute("mkdir -p " .. fs.shq(dir)))
  local cwd = os.getenv("PWD")
  local used = ports_in_use()
  local last
  for _ = 1, 10 do
    local port
    repeat port = math.random(20000, 60999) until not used[port]
    used[port] = true
    local conf = dir .. "/server.conf"
    fs.spit(conf, table.concat({
      string.format('include "%s/%s"', cwd, M.CONF),
      string.format("server.port := %d", port),
      string.format('server.errorlog := "%s/error.log"', dir),
      string.format('server.pid-file = "%s/pid"', dir),
      string.format("server.max-worker := %d", (opts.workers or 2) > 1 and opts.workers or 0),
      string.format('setenv.set-environment := ( "SINORUS_KB" => "%s", ' ..
                    '"SINORUS_BUDGET_MS" => "%s", "SINORUS_BUILD" => "%s" )',
                    opts.kb or "", tostring(opts.budget_ms or 1000), opts.build or "build"),
    }, "\n") .. "\n")
    -- without -D lighttpd returns once it listens, and forks its workers;
    -- under check-asan it gets the sanitizer runtime the module needs
    -- (its own leaks at exit are not the module's: leak checks off)
    local preload = os.getenv("LD_PRELOAD")
    local env = preload and string.format("env LD_PRELOAD=%s ASAN_OPTIONS=%s ", fs.shq(preload),
      "detect_leaks=0:abort_on_error=1:quarantine_size_mb=8") or ""
    local ok, out = sh("cd " .. fs.shq(cwd) .. " && " .. env .. "lighttpd -f " .. fs.shq(conf))
    if ok then
      local master = tonumber(fs.slurp(dir .. "/pid"))
      -- with one worker lighttpd does not fork: the master serves
      local want = opts.workers or 2
      local workers = { master }
      for _ = 1, want > 1 and 50 or 0 do
        workers = M.workers(master)
        if #workers >= want then break end
        sleep(0.1)
      end
      assert(#workers == want, "lighttpd started " .. #workers .. " workers, not " .. want)
      return { port = port, pid = master, workers = workers, dir = dir,
               log = dir .. "/error.log" }
    end
    last = out
  end
  error("lighttpd did not start: " .. tostring(last))
end

--- Stops a server and waits until its master has gone.
function M.stop(server)
  if not server then return end
  os.execute("kill -TERM " .. server.pid .. " 2>/dev/null")
  for _ = 1, 50 do
    if not fs.slurp("/proc/" .. server.pid .. "/stat") then break end
    sleep(0.1)
  end
  os.execute("rm -rf " .. fs.shq(server.dir))
end

--- The server's error log.
function M.log(server)
  return fs.slurp(server.log) or ""
end

--- Sends raw request bytes on a new connection; returns the status, the
--- headers (lower-case names) and the body of the answer.
function M.raw(server, request)
  local req = fs.tmpname(".req")
  fs.spit(req, request)
  local ok, out = sh(string.format(
    "bash -c 'exec 3<>/dev/tcp/127.0.0.1/%d && cat %s >&3 && timeout 10 cat <&3'",
    server.port, req))
  os.remove(req)
  assert(ok, "request failed: " .. out)
  local head, body = out:match("^(.-)\r\n\r\n(.*)$")
  assert(head, "no HTTP answer: " .. out)
  local status = tonumber(head:match("^HTTP/1%.%d (%d%d%d)"))
  local headers = {}
  for k, v in head:gmatch("\r\n([^:\r\n]+):%s*([^\r\n]*)") do headers[k:lower()] = v end
  return status, headers, body
end

--- GET target (sent exactly as given) on a new connection.
function M.get(server, target)
  return M.raw(server, "GET " .. target .. " HTTP/1.1\r\nHost: 127.0.0.1\r\n" ..
                       "Connection: close\r\n\r\n")
end

-- %-encodes everything but unreserved characters.
function M.urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", c:byte()) end))
end

--- Writes the load client's EXPECT file: entries {path, status, a, b}.
function M.write_expect(path, entries)
  local f = assert(io.open(path, "wb"))
  for _, e in ipairs(entries) do
    f:write(string.format("%d %d %d %d\n", e.status or 200, #e.path, #e.a, e.b and #e.b or -1),
            e.path, e.a, e.b or "")
  end
  f:close()
end

--- Runs the load client; returns its exit status, its "key value" results
--- (rss samples as rss[sample][pid] = kB) and its stderr.
function M.load(build, server, expect, opts)
  local errf = fs.tmpname(".err")
  local cmd = string.format("%s/httpload -p %d -c %d -n %d", build, server.port,
                            opts.concurrency or 16, opts.requests or 10000)
  if opts.swap then
    cmd = cmd .. string.format(" -s %d:%s:%s", opts.swap.at, opts.swap.from, opts.swap.to)
  end
  if opts.rss then cmd = cmd .. " -m " .. table.concat(opts.rss, ",") end
  local p = assert(io.popen("env -u LD_PRELOAD " .. cmd .. " " .. expect .. " 2>" .. errf))
  local out = p:read("a")
  local ok = p:close()
  local res = { rss = {} }
  for line in out:gmatch("[^\n]+") do
    local s, pid, kb = line:match("^rss (%d+) (%d+) (%-?%d+)$")
    if s then
      s, pid = tonumber(s), tonumber(pid)
      res.rss[s] = res.rss[s] or {}
      res.rss[s][pid] = tonumber(kb)
    else
      local k, v = line:match("^(%S+) (%S+)$")
      if k then res[k] = tonumber(v) end
    end
  end
  local err = fs.slurp(errf) or ""
  os.remove(errf)
  return ok, res, err
end

return M
