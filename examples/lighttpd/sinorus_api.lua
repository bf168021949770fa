-- examples/lighttpd/sinorus_api.lua: a read-only JSON API over one sinorus
-- knowledge base, for any program that hosts Lua 5.4 and can hand over a
-- request (examples/lighttpd/magnet.lua does it for lighttpd's mod_magnet).
--
--   local api = require("sinorus_api").new{
--     path = "analysis.sqlite",     -- nil: the built-in article
--     budget = 0.5,                 -- CPU seconds a request may take
--     stat = function(path) ... end,-- identity of the file, or nil
--     log = print,
--   }
--   local status, body, headers = api:handle("GET", "/claims", "about=China")
--
-- Routes (GET or HEAD; every answer is JSON from sinorus.to_json):
--   /                      the routes and the library version
--   /search?q=...&opts     kb:search(q, opts); likewise /kwic?q=...
--   /ach?opts, /alignment?opts, /sensitivity?opts, /scores?opts,
--   /timeline?opts, /series?opts   (the forecast scores, the ACH timeline
--                          of a question, a dyad's Goldstein series)
--   /LISTING?filters       each record listing of the library (claims, ...)
--   /reader                the offline HTML reader of the KB (text/html;
--                          sinorus.html, made once per opened file)
--   /GETTER/ARG[?opts]     each one-argument record method (claim, entity,
--                          source, segment, text, mentions, evidence)
-- Parameters: `k=v` gives opts.k; `k.x=v` gives opts.k.x; `k[]=v` or a
-- repeated k gives a list. A value that reads as an integer, a decimal
-- number, true or false is passed as one; if the library refuses it for
-- that parameter it is passed again as the text it was.
--
-- Errors are {"error": message, "status": code}: 400 for a bad request (a
-- bad parameter, an unknown filter, malformed encoding, invalid UTF-8, a
-- query string over MAX_QUERY bytes), 404 for an unknown route or record,
-- 405 for a method other than GET or HEAD, 503 when the request used up
-- its time budget or the knowledge base cannot be opened. An error the
-- library raises for an argument ("bad argument #n to 'f' (...)") is the
-- client's mistake; any other error is the server's (500).
--
-- State: the knowledge base is opened once, read-only, and reused. Before
-- each request the file's identity (from the host's stat) is compared
-- with the one it was opened at; when the file was replaced (kb:save
-- renames a complete copy into place) the new file is opened and, only if
-- that succeeds, swapped in: a file that does not open as a sinorus KB
-- leaves the old one serving.

local sinorus = require "sinorus"

local M = {}

M.MAX_QUERY = 2048           -- bytes of query string
M.MAX_PATH = 1024            -- bytes of path
M.DEFAULT_BUDGET = 1.0       -- CPU seconds per request
M.HOOK_COUNT = 1000          -- VM instructions between budget checks

-- The analyses served beside the records: method -> the parameter that
-- holds its first argument (false: the method takes opts only). Raw SQL
-- (kb:rows, kb:sql) is left out on purpose, and kb:simulate too: its draws
-- run in C, out of reach of the time budget.
M.ANALYSES = {
  search = "q", kwic = "q", ach = false, alignment = false, sensitivity = false,
  scores = false, timeline = false, series = false,
}

-- The record methods, read from the library's own reference: the entries
-- of sinorus.doc in group "records" that this build has. A method taking
-- "[opts]" is a listing; one taking a single argument (with or without
-- "[, opts]") is served as /NAME/ARG. The reference's record entries are
-- themselves made from the record model (lua/sinorus/model.lua), so every
-- record type has its routes; the text listings (segments, text,
-- mentions, evidence) come with them.
function M.record_methods()
  local doc = require "sinorus.doc"
  local out = {}
  for _, e in ipairs(doc.entries) do
    local name = e.group == "records" and e.name:match("^kb:([%w_]+)$")
    if name and type(sinorus.KB[name]) == "function" then
      local args = e.args or ""
      if args == "[opts]" then
        out[name] = { opts = true }
      elseif args:match("^[%w_]+$") then
        out[name] = { arg = true }
      elseif args:match("^[%w_]+ %[, opts%]$") then
        out[name] = { arg = true, opts = true }
      end
    end
  end
  return out
end

-- ---------------------------------------------------------------------
-- Decoding a request

local function fail(status, msg)
  error({ status = status, message = msg }, 0)
end

-- Percent-decodes s (plus as space when plus is true). Raises 400 for a
-- malformed escape, invalid UTF-8 or a control character.
local function decode(s, plus, what)
  if plus then s = s:gsub("+", " ") end
  for i in s:gmatch("()%%") do
    if not s:match("^%x%x", i + 1) then fail(400, "malformed percent-encoding in " .. what) end
  end
  s = s:gsub("%%(%x%x)", function(h) return string.char(tonumber(h, 16)) end)
  if not utf8.len(s) then fail(400, "invalid UTF-8 in " .. what) end
  if s:find("%c") then fail(400, "control character in " .. what) end
  return s
end

-- Raises 400 when s is longer than max bytes.
local function check_length(s, max, what)
  if #s > max then fail(400, string.format("%s longer than %d bytes", what, max)) end
end

-- The path's segments, decoded ("/claim/a%2Fb" gives {"claim", "a/b"}).
local function path_segments(path)
  check_length(path, M.MAX_PATH, "path")
  if path:sub(1, 1) ~= "/" then fail(400, "path must start with '/'") end
  local segs = {}
  for seg in (path:sub(2) .. "/"):gmatch("([^/]*)/") do
    segs[#segs + 1] = decode(seg, false, "the path")
  end
  if segs[#segs] == "" then segs[#segs] = nil end
  return segs
end

-- A text value as the library would want it (see the header).
local function coerce(s)
  if s == "true" then return true end
  if s == "false" then return false end
  if s:match("^%-?%d+$") then return math.tointeger(tonumber(s)) or tonumber(s) end
  if s:match("^%-?%d+%.%d+$") or s:match("^%-?%d+%.?%d*[eE][-+]?%d+$") then
    return tonumber(s)
  end
  return s
end

-- The query string as an opts table, and the raw text of each top-level
-- value that was coerced (key -> text), for a retry as text.
local function parse_query(query)
  check_length(query, M.MAX_QUERY, "query string")
  local opts, raw, lists = {}, {}, {}
  for pair in query:gmatch("[^&]+") do
    local k, v = pair:match("^([^=]*)=(.*)$")
    if not k then k, v = pair, "" end
    k = decode(k, true, "a parameter name")
    v = decode(v, true, "parameter '" .. k .. "'")
    local list = k:sub(-2) == "[]"
    if list then k = k:sub(1, -3) end
    local outer, inner = k:match("^([^.]+)%.(.+)$")
    if k == "" or outer == "" or inner == "" then
      fail(400, "empty parameter name")
    end
    local val = coerce(v)
    if outer then
      if list then fail(400, "parameter '" .. k .. "[]' cannot be nested") end
      local t = opts[outer]
      if t == nil then t = {}; opts[outer] = t end
      if type(t) ~= "table" or lists[outer] or t[inner] ~= nil then
        fail(400, "parameter '" .. outer .. "' given twice")
      end
      t[inner] = val
    else
      local old = opts[k]
      if list or lists[k] or old ~= nil then
        if old ~= nil and not lists[k] then
          if type(old) == "table" then fail(400, "parameter '" .. k .. "' given twice") end
          old = { old }
        end
        old = old or {}
        old[#old + 1] = val
        opts[k], lists[k], raw[k] = old, true, nil
      else
        opts[k] = val
        if val ~= v then raw[k] = v end
      end
    end
  end
  return opts, raw
end

-- ---------------------------------------------------------------------
-- Calling the library

-- The message of a library error raised for an argument, without the
-- position prefix, or nil for any other error.
local function argument_error(e)
  if type(e) ~= "string" then return nil end
  return e:match("(bad argument #%d+ to '.-' %(.*)$")
end

-- Calls kb[method](kb, ...) with the arguments in call (arg, opts); on an
-- argument error about a value that was coerced, calls again with that
-- value as text. Returns what the method returns, or raises.
local function call_library(kb, method, call)
  while true do
    local args = {}
    if call.has_arg then args[1] = call.arg end
    if call.opts then args[#args + 1] = call.opts end
    local ok, res = pcall(kb[method], kb, table.unpack(args, 1, call.has_arg and 2 or 1))
    if ok then return res end
    local msg = argument_error(res)
    if not msg then error(res, 0) end
    local retried = false
    if call.raw_arg and msg:match("^bad argument #1 ") then
      call.arg, call.raw_arg, retried = call.raw_arg, nil, true
    else
      for k, text in pairs(call.raw) do
        if msg:find("'" .. k .. "'", 1, true) then
          call.opts[k], call.raw[k], retried = text, nil, true
          break
        end
      end
    end
    if not retried then
      -- the record the path names does not exist: 404, like a getter's nil
      if call.in_path and msg:match("^bad argument #1 to '.-' %(unknown ") then
        fail(404, msg)
      end
      fail(400, msg)
    end
  end
end

-- ---------------------------------------------------------------------
-- The API object

local Api = {}
Api.__index = Api

--- A new API over the knowledge base at opts.path (nil: the built-in
--- one). opts.budget: CPU seconds per request; opts.stat(path): the
--- file's identity (any value comparable with ==) or nil; opts.log(msg).
function M.new(opts)
  opts = opts or {}
  local budget = opts.budget or M.DEFAULT_BUDGET
  assert(type(budget) == "number" and budget > 0, "budget must be a positive number")
  return setmetatable({
    path = opts.path, budget = budget, stat = opts.stat, log = opts.log or function() end,
    records = M.record_methods(), opens = 0, requests = 0,
  }, Api)
end

-- The knowledge base to answer from, reopened when its file was
-- replaced; nil, message when none can be opened.
function Api:kb()
  if self.path == nil then
    if not self.db then
      self.db = sinorus.open()
      self.opens = self.opens + 1
      self.log("sinorus: opened the built-in knowledge base")
    end
    return self.db
  end
  local id = self.stat and self.stat(self.path)
  if self.db and (id == self.id or id == nil or id == self.bad_id) then
    return self.db
  end
  local kb, err = sinorus.open(self.path, { readonly = true })
  if not kb then
    self.bad_id = id
    self.log(string.format("sinorus: cannot open %s: %s%s", self.path, err,
                           self.db and " (still serving the previous file)" or ""))
    if self.db then return self.db end
    return nil, "knowledge base unavailable"
  end
  if self.db then self.db:close() end
  self.db, self.id, self.bad_id = kb, id, nil
  self.opens = self.opens + 1
  self.log(string.format("sinorus: opened %s (open #%d)", self.path, self.opens))
  return kb
end

-- The routes, for "/".
function Api:routes()
  local out = {}
  for name, r in pairs(self.records) do
    out[#out + 1] = "/" .. name .. (r.arg and "/{" .. name .. "}" or "")
  end
  for name, arg in pairs(M.ANALYSES) do
    out[#out + 1] = "/" .. name .. (arg and "?" .. arg .. "=" or "")
  end
  out[#out + 1] = "/reader"
  table.sort(out)
  return { routes = out, version = sinorus.version }
end

-- The offline HTML reader of kb (sinorus.html), made once per opened
-- knowledge base: a replaced file gets a new page with its new handle.
function Api:reader(kb)
  if self.page_kb ~= kb then
    self.page, self.page_kb = require("sinorus.html").site(kb), kb
  end
  return self.page
end

-- What the route asks the library for: a function(kb) returning a value
-- (nil: not found), or raises fail(404) for an unknown route.
function Api:resolve(segs, query)
  local name = segs[1]
  if name == nil then
    if query ~= "" then parse_query(query) end
    return function() return self:routes() end
  end
  local opts, raw = parse_query(query)
  local rec, analysis = self.records[name], M.ANALYSES[name]
  if rec and (#segs == (rec.arg and 2 or 1)) then
    if not rec.opts and next(opts) then
      fail(400, string.format("'%s' takes no parameters", name))
    end
    local call = { opts = rec.opts and opts or nil, raw = raw }
    if rec.arg then
      call.has_arg, call.in_path, call.arg = true, true, coerce(segs[2])
      if call.arg ~= segs[2] then call.raw_arg = segs[2] end
    end
    local what = rec.arg and string.format("%s '%s'", name, segs[2]) or name
    return function(kb)
      local v = call_library(kb, name, call)
      if name == "evidence" and type(v) == "table" and #v == 0 then
        -- kb:evidence does not tell an unknown record from one without
        -- evidence; every coded record has some
        return nil
      end
      return v
    end, what
  elseif analysis ~= nil and #segs == 1 then
    local call = { opts = opts, raw = raw }
    if analysis then
      local q = opts[analysis]
      if q == nil then fail(400, string.format("missing parameter '%s'", analysis)) end
      call.has_arg, call.arg, call.raw_arg = true, raw[analysis] or q, nil
      if type(call.arg) ~= "string" then
        fail(400, string.format("parameter '%s' must be given once", analysis))
      end
      opts[analysis], raw[analysis] = nil, nil
    end
    return function(kb) return call_library(kb, name, call) end, name
  end
  fail(404, "no such route: /" .. table.concat(segs, "/"))
end

-- Runs f(...) with the request's CPU budget, in a coroutine of its own
-- (the hook belongs to that thread, so it never fires in the host's
-- code); returns true, value or false, error, exceeded (true when the
-- budget ran out). Once the budget is out the hook raises at every
-- instruction, so that no pcall inside the library can swallow it.
function Api:within_budget(f, ...)
  local clock = os.clock
  local deadline, exceeded = clock() + self.budget, false
  local co = coroutine.create(f)
  local function hook()
    if exceeded or clock() > deadline then
      exceeded = true
      debug.sethook(co, hook, "", 1)
      error("time budget exceeded", 2)
    end
  end
  debug.sethook(co, hook, "", M.HOOK_COUNT)
  local ok, v = coroutine.resume(co, ...)
  coroutine.close(co)
  return ok, v, exceeded
end

local JSON_HEADERS = { ["Content-Type"] = "application/json" }
local HTML_HEADERS = { ["Content-Type"] = "text/html; charset=utf-8" }

local function error_body(status, msg)
  return status, sinorus.to_json({ error = msg, status = status }), JSON_HEADERS
end

--- Answers one request: method, the raw path (percent-encoded, without
--- the query) and the raw query string (without "?"; "" when none).
--- Returns status, body (JSON text), headers.
function Api:handle(method, path, query)
  self.requests = self.requests + 1
  query = query or ""
  if method ~= "GET" and method ~= "HEAD" then
    local s, b = error_body(405, "method " .. tostring(method) .. " not allowed; use GET")
    return s, b, { ["Content-Type"] = "application/json", Allow = "GET, HEAD" }
  end
  local ok, f, what = pcall(function()
    local segs = path_segments(path)
    if segs[1] == "reader" and #segs == 1 then
      if query ~= "" then fail(400, "'reader' takes no parameters") end
      return "reader"
    end
    return self:resolve(segs, query)
  end)
  if ok and f == "reader" then
    -- the page is made from the whole KB once per file, outside the
    -- per-request budget (its size is bounded by the KB's)
    local kb, err = self:kb()
    if not kb then return error_body(503, err) end
    local made, page = pcall(self.reader, self, kb)
    if not made then
      self.log("sinorus: " .. tostring(page))
      return error_body(500, "internal error")
    end
    return 200, page, HTML_HEADERS
  end
  if not ok then
    if type(f) == "table" and f.status then return error_body(f.status, f.message) end
    self.log("sinorus: " .. tostring(f))
    return error_body(500, "internal error")
  end
  local kb, err = self:kb()
  if not kb then return error_body(503, err) end
  local done, v, exceeded = self:within_budget(function()
    local value = f(kb)
    return value ~= nil and { sinorus.to_json(value) } or false
  end)
  if exceeded then
    return error_body(503, string.format("time budget of %g ms exceeded", self.budget * 1000))
  end
  if not done then
    if type(v) == "table" and v.status then return error_body(v.status, v.message) end
    local msg = argument_error(v)
    if msg then return error_body(400, msg) end
    self.log("sinorus: " .. tostring(v))
    return error_body(500, "internal error")
  end
  if v == false then
    return error_body(404, "no such record: " .. what)
  end
  return 200, v[1], JSON_HEADERS
end

return M
