-- sinorus.util: argument checks and printable lists and records, shared
-- by the Lua layer. Internal: not part of the public API.
--
--   util.check_opts(fname, argn, opts, valid) -> opts
--     Checks that opts is nil or a table whose keys are all in the list
--     valid (plus `limit` and `offset`, always accepted and checked to be
--     non-negative integers). Raises in Lua's style, naming fname and
--     argument number argn:
--       bad argument #1 to 'claims' (unknown filter key 'x'; valid keys: about, horizon, limit, offset)
--   util.argerror(fname, argn, msg, level)
--     Raises "bad argument #argn to 'fname' (msg)" at the caller's caller.
--   util.check_type(fname, argn, value, tname [, optional])
--   util.check_enum(fname, argn, value, list [, optional [, level]])
--   util.list(records, columns [, typename [, fields]]) -> records
--     Marks an array of records as a list that prints as a table of the
--     given columns (at most util.max_rows rows, then "… N more"); fields,
--     the records' full columns, are what sinorus.to_csv writes.
--   util.record(t, typename, columns) -> t
--     Marks a table as a record that prints one "field: value" per line.
--   util.page(opts) -> sql, limit, offset
--     " LIMIT ? OFFSET ?" and its two values for a checked opts table.

local core = require "sinorus.core"

local util = {}

util.max_rows = 20
util.max_width = 60

local function argerror(fname, argn, msg, level)
  error(string.format("bad argument #%d to '%s' (%s)", argn, fname, msg),
        (level or 2) + 1)
end
util.argerror = argerror

local function typename(v)
  local mt = getmetatable(v)
  if type(mt) == "table" and type(mt.__name) == "string" then
    return mt.__name
  end
  return type(v)
end
util.typename = typename

function util.check_type(fname, argn, v, tname, optional)
  if v == nil and optional then return v end
  if type(v) ~= tname then
    argerror(fname, argn, tname .. " expected, got " ..
             typename(v), 3)
  end
  return v
end

-- Raises unless v is a path (a string without a NUL byte, which no file
-- name can hold), or nil when optional.
function util.check_path(fname, argn, v, optional)
  if v == nil and optional then return v end
  if type(v) ~= "string" then
    argerror(fname, argn, "string expected, got " .. typename(v), 3)
  end
  if v:find("\0", 1, true) then
    argerror(fname, argn, "path contains a NUL byte", 3)
  end
end

function util.check_enum(fname, argn, v, list, optional, level)
  if v == nil and optional then return v end
  for i = 1, #list do
    if list[i] == v then return v end
  end
  argerror(fname, argn, string.format("invalid option '%s'; expected one of: %s",
           tostring(v), table.concat(list, ", ")), level or 3)
end

local function sorted_keys(valid)
  local keys = { "limit", "offset" }
  for i = 1, #valid do keys[#keys + 1] = valid[i] end
  table.sort(keys)
  return keys
end

function util.check_opts(fname, argn, opts, valid, level)
  level = level or 3
  if opts == nil then return {} end
  if type(opts) ~= "table" then
    argerror(fname, argn, "table expected, got " .. typename(opts), level)
  end
  for k in pairs(opts) do
    local ok = (k == "limit" or k == "offset")
    if not ok then
      for i = 1, #valid do
        if valid[i] == k then ok = true; break end
      end
    end
    if not ok then
      argerror(fname, argn, string.format("unknown filter key '%s'; valid keys: %s",
               tostring(k), table.concat(sorted_keys(valid), ", ")), level)
    end
  end
  for _, k in ipairs { "limit", "offset" } do
    local v = opts[k]
    if v ~= nil and (math.type(v) == nil or math.tointeger(v) == nil or v < 0) then
      argerror(fname, argn, string.format("'%s' must be a non-negative integer, got %s",
               k, tostring(v)), level)
    end
  end
  return opts
end

function util.page(opts)
  return " LIMIT ? OFFSET ?", math.tointeger(opts.limit or -1),
         math.tointeger(opts.offset or 0)
end

-- The code point ranges a terminal shows two columns wide (East Asian
-- Wide and Fullwidth, as wcwidth has them) and zero wide (combining marks).
local WIDE = {
  { 0x1100, 0x115F }, { 0x2E80, 0x303E }, { 0x3041, 0x33FF }, { 0x3400, 0x4DBF },
  { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
  { 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
  { 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
}
local ZERO = { { 0x0300, 0x036F }, { 0x200B, 0x200F }, { 0xFE00, 0xFE0F } }

local function in_ranges(c, ranges)
  for _, r in ipairs(ranges) do
    if c < r[1] then return false end
    if c <= r[2] then return true end
  end
  return false
end

-- Display width of a string in terminal columns: CJK and other wide
-- characters count two, combining marks none; bytes of invalid UTF-8 one.
local function char_width(c)
  if in_ranges(c, WIDE) then return 2 end
  return in_ranges(c, ZERO) and 0 or 1
end

local function width(s)
  if not utf8.len(s) then return #s end
  if not s:find("[\xCC-\xF4]") then return utf8.len(s) end   -- nothing wide or zero here
  local w = 0
  for _, c in utf8.codes(s) do w = w + char_width(c) end
  return w
end
util.width = width

-- s cut to at most w columns (as width counts them) when it is wider,
-- ending in "…" then.
local function clip(s, w)
  if width(s) <= w then return s end
  if not utf8.len(s) then return s:sub(1, math.max(w - 1, 0)) .. "…" end
  local used = 0
  for p, c in utf8.codes(s) do
    used = used + char_width(c)
    if used > w - 1 then return s:sub(1, p - 1) .. "…" end
  end
  return s
end
util.clip = clip

local function cell(v)
  if v == nil then return "" end
  if type(v) == "table" then
    local parts = {}
    for i = 1, #v do parts[i] = tostring(v[i]) end
    v = table.concat(parts, ", ")
  elseif math.type(v) == "float" then
    v = string.format("%.4g", v)
  else
    v = tostring(v)
  end
  v = v:gsub("%s+", " ")
  return clip(v, util.max_width)
end

local function pad(s, n)
  return s .. string.rep(" ", n - width(s))
end

-- Renders rows (arrays of records) as an aligned text table.
function util.render(rows, columns, max_rows)
  max_rows = max_rows or util.max_rows
  local n = math.min(#rows, max_rows)
  local w, cells = {}, {}
  for j, c in ipairs(columns) do w[j] = width(c) end
  for i = 1, n do
    local line = {}
    for j, c in ipairs(columns) do
      line[j] = cell(rows[i][c])
      if width(line[j]) > w[j] then w[j] = width(line[j]) end
    end
    cells[i] = line
  end
  local out = {}
  local head, rule = {}, {}
  for j, c in ipairs(columns) do
    head[j] = pad(c, w[j]); rule[j] = string.rep("-", w[j])
  end
  out[1] = table.concat(head, "  "):gsub("%s+$", "")
  out[2] = table.concat(rule, "  ")
  for i = 1, n do
    local line = {}
    for j = 1, #columns do line[j] = pad(cells[i][j], w[j]) end
    out[#out + 1] = table.concat(line, "  "):gsub("%s+$", "")
  end
  if #rows > n then
    out[#out + 1] = string.format("… %d more", #rows - n)
  end
  if #rows == 0 then out[#out + 1] = "(none)" end
  return table.concat(out, "\n")
end

local List = { __name = "sinorus.List" }
List.__index = List

function List.__tostring(l)
  local mt = getmetatable(l)
  return util.render(l, rawget(mt, "columns") or {})
end

local list_mts = {}

function util.list(records, columns, tname, fields)
  local key = table.concat(columns, "\0") .. "\0" .. (tname or "") .. "\0" ..
              table.concat(fields or {}, "\0")
  local mt = list_mts[key]
  if not mt then
    mt = { __name = tname or "sinorus.List", __index = List,
           __tostring = List.__tostring, columns = columns, fields = fields }
    list_mts[key] = mt
  end
  return setmetatable(records, mt)
end

local record_mts = {}

-- The text of a list field (its items joined by sep) or of a map field
-- (its "key=value" pairs, keys sorted, joined by sep), as records print
-- and CSV cells hold them.
function util.joined(v, sep)
  local parts = {}
  -- an element that is itself a table is written as JSON
  local function str(x) return type(x) == "table" and util.json(x) or tostring(x) end
  if #v == 0 and next(v) ~= nil then
    for k in pairs(v) do parts[#parts + 1] = tostring(k) end
    table.sort(parts)
    for i, k in ipairs(parts) do parts[i] = k .. "=" .. str(v[k]) end
  else
    for i = 1, #v do parts[i] = str(v[i]) end
  end
  return table.concat(parts, sep)
end

local function record_tostring(r)
  local mt = getmetatable(r)
  local out = {}
  local cols = mt.columns
  local wmax = 0
  for _, c in ipairs(cols) do if #c > wmax then wmax = #c end end
  for _, c in ipairs(cols) do
    local v = r[c]
    if v ~= nil then
      if type(v) == "table" then v = util.joined(v, ", ") end
      out[#out + 1] = pad(c, wmax) .. "  " .. tostring(v)
    end
  end
  return table.concat(out, "\n")
end

function util.record(t, tname, columns)
  local mt = record_mts[tname]
  if not mt then
    mt = { __name = tname, __tostring = record_tostring, columns = columns }
    record_mts[tname] = mt
  end
  return setmetatable(t, mt)
end

-- JSON string escapes (util.json_decode).
local unescape = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f',
                   n = '\n', r = '\r', t = '\t' }

-- Encodes a list of strings as a JSON array (with core.json, the one
-- encoder).
function util.json_array(list)
  local t = {}
  for i, v in ipairs(list or {}) do t[i] = tostring(v) end
  return core.json(t)
end

-- Decodes the JSON that util.json writes (objects, arrays, strings,
-- numbers, true, false; null as nil), as stored in a column of a list or
-- table field; nil for nil. Raises on malformed text.
function util.json_decode(s)
  if s == nil then return nil end
  local pos = 1
  local value
  local function skip() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local function fail() error(string.format("malformed JSON at byte %d", pos), 0) end
  local function str()
    local q, buf = pos + 1, {}
    while true do
      local c = s:sub(q, q)
      if c == "" then fail() end
      if c == '"' then break end
      if c == "\\" then
        local e = s:sub(q + 1, q + 1)
        if e == "u" then
          buf[#buf + 1] = utf8.char(tonumber(s:sub(q + 2, q + 5), 16) or 0xFFFD)
          q = q + 6
        else
          buf[#buf + 1] = unescape[e] or e
          q = q + 2
        end
      else
        local r = s:find('["\\]', q) or #s + 1
        buf[#buf + 1] = s:sub(q, r - 1)
        q = r
      end
    end
    pos = q + 1
    return table.concat(buf)
  end
  function value()
    skip()
    local c = s:sub(pos, pos)
    if c == "{" or c == "[" then
      local out, close = {}, c == "{" and "}" or "]"
      pos = pos + 1
      skip()
      if s:sub(pos, pos) == close then pos = pos + 1 return out end
      while true do
        skip()
        if c == "{" then
          if s:sub(pos, pos) ~= '"' then fail() end
          local k = str()
          skip()
          if s:sub(pos, pos) ~= ":" then fail() end
          pos = pos + 1
          out[k] = value()
        else
          out[#out + 1] = value()
        end
        skip()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == close then return out end
        if d ~= "," then fail() end
      end
    elseif c == '"' then
      return str()
    end
    for word, v in pairs({ ["true"] = true, ["false"] = false, null = false }) do
      if s:sub(pos, pos + #word - 1) == word then
        pos = pos + #word
        if word == "null" then return nil end
        return v
      end
    end
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", pos)
    if not num or num == "" then fail() end
    pos = pos + #num
    return math.tointeger(tonumber(num)) or tonumber(num)
  end
  local v = value()
  skip()
  if pos <= #s then fail() end
  return v
end

-- Decodes a JSON array of strings as stored in the schema ('["a","b"]');
-- {} for nil.
function util.json_strings(s)
  return s and util.json_decode(s) or {}
end

-- Encodes a Lua value as JSON (core.json, in C): tables with only keys
-- 1..n are arrays, other tables objects with sorted keys (so output is
-- stable); strings must be UTF-8. Raises for values JSON cannot hold
-- (functions, NaN, inf, cycles).
util.json = core.json

return util
