-- examples/lighttpd/magnet.lua: the mod_magnet script that serves a sinorus
-- knowledge base as JSON (examples/lighttpd/sinorus_api.lua does the work).
--
-- mod_magnet runs this chunk afresh for every request, with a global
-- table it empties afterwards; what lives on between requests is what
-- require keeps in package.loaded, in the Lua state lighttpd keeps for the
-- script (one per worker process). So the API object is made once per
-- worker, on its first request, and reused.
--
-- Settings (setenv.set-environment in lighttpd.conf, else the server's
-- environment):
--   SINORUS_KB         the knowledge base file; unset or "": the built-in one
--   SINORUS_BUDGET_MS  CPU milliseconds a request may take (default 1000)
--   SINORUS_BUILD      the build directory of a source tree (default build)
-- A source tree's lua/ and build directory are found from this file's own
-- place (examples/lighttpd/ of the tree); an installed sinorus is found
-- on the usual package paths.

-- luacheck: globals lighty
local r = lighty.r
local KEY = "sinorus_api (this worker's API)"   -- where package.loaded keeps it

local function setting(name)
  local v = r.req_env[name]
  if v == nil or v == "" then v = os.getenv(name) end
  if v == "" then v = nil end
  return v
end

local function make_api()
  -- (mod_magnet names the chunk by the script's path, without Lua's "@")
  local dir = debug.getinfo(1, "S").source:match("^@?(.*)/[^/]*$") or "."
  local root = dir .. "/../.."
  local build = setting("SINORUS_BUILD") or "build"
  if build:sub(1, 1) ~= "/" then build = root .. "/" .. build end
  local function prepend(field, paths)
    if not package[field]:find(paths, 1, true) then
      package[field] = paths .. package[field]
    end
  end
  local probe = io.open(build .. "/sinorus/core.so", "rb")
  if probe then
    probe:close()
    prepend("path", root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;")
    prepend("cpath", build .. "/?.so;")
  end
  prepend("path", dir .. "/?.lua;")
  local f = io.open("/proc/self/stat", "r")   -- this worker's pid, for the log
  local pid = f and f:read("n")
  if f then f:close() end
  local budget_ms = tonumber(setting("SINORUS_BUDGET_MS") or "1000")
  if not budget_ms or budget_ms <= 0 then
    error("SINORUS_BUDGET_MS must be a positive number of milliseconds")
  end
  local api = require("sinorus_api").new {
    path = setting("SINORUS_KB"),
    budget = budget_ms / 1000,
    -- the file's identity: a rename into place gives a new inode
    stat = function(path)
      local st = lighty.c.stat(path)
      if not st then return nil end
      local sec, nsec = st.st_mtim()
      return string.format("%d:%d.%09d:%d", st.st_ino, sec, nsec, st.st_size)
    end,
    log = function(msg)           -- mod_magnet's print writes the error log
      print(string.format("[%s] %s", pid or "?", msg))
    end,
  }
  package.loaded[KEY] = api
  return api
end

local api = package.loaded[KEY] or make_api()

local uri = r.req_attr["request.uri"] or "/"
local path, query = uri:match("^([^?]*)%??(.*)$")
local status, body, headers = api:handle(r.req_attr["request.method"], path, query)
for k, v in pairs(headers) do r.resp_header[k] = v end
r.resp_body.set({ body })
return status
