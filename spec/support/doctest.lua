-- luacheck: ignore 122 (the REPL's errors are captured by swapping io.stderr)
-- The doc-test runner: runs the code blocks of one Markdown file in order,
-- as the text says, and prints one line per block: "ok LINE KIND",
-- "skip LINE KIND" or "FAIL LINE KIND: why". Run by spec/doctest_spec.lua
-- in a scratch directory that links to the checkout's files, with
-- `sinorus` on the PATH.
--
--   lua5.4 spec/support/doctest.lua FILE.md [--no-shell]
--
-- The convention, by the block's info string (the words after ```):
--
--   lua          typed line by line into one REPL session per file, as in
--                `sinorus` (kb and sinorus are there; locals last). A
--                comment "--> text" after a statement, or alone on the
--                line after it, is what it prints: some line it prints
--                must read text ("..." stands for anything; runs of white
--                space count as one space). Any error fails the block.
--   sh           run by `sh -e`; it must exit 0.
--   new          (with lua) a new REPL session starts with this block;
--   writable     (with new) its kb is a new file seeded with the article,
--                as `sinorus --db FILE` opens it, rather than the built-in.
--   text         output or messages shown to the reader; not run.
--   file=NAME    (with any kind) the block is also written to NAME first,
--                so a later block can use it (a C host, say).
--   norun        not run, on purpose (a fragment, or a command that the
--                suite runs elsewhere: make test, make install); keep it rare.
--
-- A block without an info string fails: every block says what it is.

local repl = require "sinorus.repl"
local sinorus = require "sinorus"

local path, mode = arg[1], arg[2]
local no_shell = mode == "--no-shell"

-- The blocks: {line, info, words (set), kind, text}.
local function blocks(md)
  local out, cur, n = {}, nil, 0
  for line in (md .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    local fence, info = line:match("^(```+)%s*(.-)%s*$")
    if cur then
      if fence and info == "" and #fence >= #cur.fence then
        cur.text = table.concat(cur.lines, "\n") .. (#cur.lines > 0 and "\n" or "")
        out[#out + 1] = cur
        cur = nil
      else
        cur.lines[#cur.lines + 1] = line
      end
    elseif fence then
      local words = {}
      for w in info:gmatch("%S+") do words[w] = true end
      cur = { line = n, info = info, words = words, kind = info:match("^(%S+)") or "",
              fence = fence, lines = {} }
    end
  end
  return out
end

-- "..." is a wildcard; white space runs are one space.
local function norm(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end
local function matcher(expected)
  local e, parts, at = norm(expected), {}, 1
  while true do
    local i = e:find("...", at, true)
    parts[#parts + 1] = e:sub(at, (i or #e + 1) - 1):gsub("%p", "%%%0")
    if not i then break end
    at = i + 3
  end
  local pat = "^" .. table.concat(parts, ".-") .. "$"
  return function(s) return norm(s):find(pat) ~= nil end
end

-- The REPL session of the file.
local env, session_kb, scope
local function new_session(writable)
  env = setmetatable({}, { __index = _G })
  if writable then
    local p = os.tmpname()
    os.remove(p)
    session_kb = assert(sinorus.open(p .. ".sqlite", { create = true, article = true }))
  else
    session_kb = sinorus.open()
  end
  scope = repl.scope(env)
end
new_session(false)

-- Runs a lua block in the session; returns nil or why it failed.
local function run_lua(b)
  local lines = b.lines
  local outputs, errors = {}, {}
  local stmt_end = {}        -- line index -> the line that completes it
  local i, current = 0, 0
  local buf_start
  local function capture(...)
    local parts = {}
    for k = 1, select("#", ...) do
      local v = select(k, ...)
      parts[k] = type(v) == "string" and v or repl.format(v, 200)
    end
    local text = table.concat(parts, "\t")
    for l in (text .. "\n"):gmatch("([^\n]*)\n") do
      outputs[current] = outputs[current] or {}
      table.insert(outputs[current], l)
    end
  end
  env.print = capture
  local old_print, old_stderr = repl.print, io.stderr
  repl.print = capture
  io.stderr = { write = function(_, ...)
    errors[#errors + 1] = table.concat({ ... })
    return io.stderr
  end, flush = function() end }
  local ok, err = pcall(repl.run, {
    kb = session_kb, env = env, scope = scope, quiet = true,
    reader = { read = function()
      i = i + 1
      if lines[i] == nil then return nil end
      buf_start = buf_start or i
      current = i
      return lines[i]
    end, add = function()
      for k = buf_start, i do stmt_end[k] = i end
      buf_start = nil
    end },
  })
  repl.print, io.stderr = old_print, old_stderr
  if not ok then return "the REPL failed: " .. tostring(err) end
  if #errors > 0 then return "error: " .. norm(table.concat(errors, " ")) end
  -- the shown outputs
  local last_code
  for k, line in ipairs(lines) do
    local code, shown = line:match("^(.-)%-%->%s?(.*)$")
    local target
    if code and code:match("^%s*$") then target = last_code
    elseif code then target = k end
    if target then
      local at = stmt_end[target] or target
      local match = matcher(shown)
      local found = false
      for _, o in ipairs(outputs[at] or {}) do
        if match(o) then found = true; break end
      end
      if not found then
        return string.format("line %d shows '%s' but printed: %s", b.line + k, shown,
          outputs[at] and norm(table.concat(outputs[at], " | ")) or "(nothing)")
      end
    end
    if not line:match("^%s*%-%-") and line:match("%S") then last_code = k end
  end
  return nil
end

local function run_sh(b)
  local script = os.tmpname()
  local f = assert(io.open(script, "w"))
  f:write(b.text)
  f:close()
  local log = os.tmpname()
  local ok = os.execute(string.format("sh -e %s </dev/null >%s 2>&1", script, log))
  local text = io.open(log):read("a")
  os.remove(script); os.remove(log)
  if not ok then return "exited with an error: " .. norm(text):sub(1, 400) end
  return nil
end

local md = assert(io.open(path)):read("a")
for _, b in ipairs(blocks(md)) do
  local kind = b.kind
  local file = b.info:match("file=(%S+)")
  if file then
    local f = assert(io.open(file, "w"))
    f:write(b.text)
    f:close()
  end
  local why, status
  if kind == "" then
    status, why = "FAIL", "no info string (lua, sh, text, or norun)"
  elseif b.words.norun or kind == "text" then
    status = "skip"
  elseif kind == "lua" then
    if b.words.new then new_session(b.words.writable) end
    why = run_lua(b)
    status = why and "FAIL" or "ok"
  elseif kind == "sh" then
    if no_shell then status = "skip"
    else
      why = run_sh(b)
      status = why and "FAIL" or "ok"
    end
  elseif file then
    status = "ok"            -- written for the blocks after it
  else
    status, why = "FAIL", "unknown kind '" .. kind .. "' (lua, sh, text, or norun)"
  end
  io.write(status, " ", b.line, " ", b.info, why and (": " .. why) or "", "\n")
end
