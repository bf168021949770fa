-- sinorus.repl: the interactive session of the `sinorus` command.
--
--   require("sinorus.repl").run{kb = kb}       -- what `sinorus` does
--   lua5.4 -i -e 'require"sinorus.repl".setup()'
--       -- lua5.4's own REPL with kb, help() and the pretty printer
--
-- Line editing, history and completion come from Debian's lua-readline
-- when stdin is a terminal; otherwise lines are read from stdin. Results
-- print like lua5.4's REPL, but lists and records as tables capped to the
-- terminal, and plain tables by a compact printer with sorted keys.
-- Ctrl-C interrupts a running query or loop and returns to the prompt
-- (needs sinorus.core.interrupt_install, see csrc/linterrupt.c).

local util = require "sinorus.util"

local M = {}

M.prompt = "sinorus> "
M.prompt2 = "    ...> "

-- ---------------------------------------------------------------------
-- The terminal

local core_ok, core = pcall(require, "sinorus.core")
if not core_ok then core = {} end

--- Whether fd (0, 1, 2) is a terminal.
function M.isatty(fd)
  if core.isatty then return core.isatty(fd) end
  return os.execute("test -t " .. math.tointeger(fd) .. " 2>/dev/null") == true
end

--- The terminal's columns and rows (COLUMNS/LINES, else the tty, else 80x24).
function M.termsize()
  local c, r = tonumber(os.getenv("COLUMNS")), tonumber(os.getenv("LINES"))
  if not (c and r) and core.termsize then
    local tc, tr = core.termsize(1)
    if not tc then tc, tr = core.termsize(0) end
    c, r = c or tc, r or tr
  end
  return math.tointeger(c) or 80, math.tointeger(r) or 24
end

-- ---------------------------------------------------------------------
-- Pretty printing

local width = util.width

-- Cuts every line of s to w display columns.
local function clip_lines(s, w)
  if not w then return s end
  return (s:gsub("[^\n]+", function(line) return util.clip(line, w) end))
end

local function quote(s)
  return (string.format("%q", s):gsub("\\\n", "\\n"):gsub("\\9", "\\t"))
end

local KEYWORDS = {}
for w in ([[and break do else elseif end false for function goto if in
  local nil not or repeat return then true until while]]):gmatch("%a+") do
  KEYWORDS[w] = true
end

local function keystr(k)
  if type(k) == "string" and k:match("^[%a_][%w_]*$") and not KEYWORDS[k] then return k end
  if type(k) == "string" then return "[" .. quote(k) .. "]" end
  return "[" .. tostring(k) .. "]"
end

local TYPE_ORDER = { number = 1, string = 2, boolean = 3 }

local function key_less(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (TYPE_ORDER[ta] or 9) < (TYPE_ORDER[tb] or 9) or
    ((TYPE_ORDER[ta] or 9) == (TYPE_ORDER[tb] or 9) and ta < tb) end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local function has_tostring(v)
  local mt = getmetatable(v)
  return type(mt) == "table" and rawget(mt, "__tostring") ~= nil
end

local function scalar(v)
  local t = type(v)
  if t == "string" then return quote(v) end
  if math.type(v) == "float" then return string.format("%.14g", v) end
  if t == "table" or t == "userdata" then
    if has_tostring(v) then
      local ok, s = pcall(tostring, v)
      if ok and not s:find("\n") then return s end
      local mt = getmetatable(v)
      return "<" .. tostring(rawget(mt, "__name") or t) ..
        (t == "table" and (" #" .. #v) or "") .. ">"
    end
  end
  return tostring(v)
end

M.max_items = 50
M.max_depth = 4

-- Renders v compactly: inline when it fits in room, else one entry a line.
local function pp(v, indent, room, seen, depth)
  if type(v) ~= "table" or (has_tostring(v) and depth > 0) then return scalar(v) end
  if seen[v] then return "<cycle>" end
  if depth >= M.max_depth then return "{…}" end
  seen[v] = true
  local n = #v
  local keys = {}
  for k in pairs(v) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
  end
  table.sort(keys, key_less)
  local parts, total = {}, n + #keys
  local shown = 0
  for i = 1, n do
    if shown >= M.max_items then break end
    parts[#parts + 1] = pp(v[i], indent .. "  ", room - 2, seen, depth + 1)
    shown = shown + 1
  end
  for _, k in ipairs(keys) do
    if shown >= M.max_items then break end
    parts[#parts + 1] = keystr(k) .. " = " .. pp(v[k], indent .. "  ", room - 2, seen, depth + 1)
    shown = shown + 1
  end
  if total > shown then parts[#parts + 1] = string.format("… %d more", total - shown) end
  seen[v] = nil
  if #parts == 0 then return "{}" end
  local inline = "{ " .. table.concat(parts, ", ") .. " }"
  if width(inline) <= room and not inline:find("\n") then return inline end
  return "{\n" .. indent .. "  " .. table.concat(parts, ",\n" .. indent .. "  ") ..
    "\n" .. indent .. "}"
end

-- The columns of an array of plain records, or nil if it is not one.
local function record_columns(t)
  local n = #t
  if n == 0 then return nil end
  for k in pairs(t) do
    if not (math.type(k) == "integer" and k >= 1 and k <= n) then return nil end
  end
  local seen, cols = {}, {}
  for i = 1, n do
    local r = t[i]
    if type(r) ~= "table" or has_tostring(r) and getmetatable(r).columns == nil then
      return nil
    end
    for k, v in pairs(r) do
      if type(k) ~= "string" then return nil end
      if type(v) == "table" and getmetatable(v) == nil and #v == 0 and next(v) then
        return nil   -- nested maps do not fit in a cell
      end
      if not seen[k] then seen[k] = true; cols[#cols + 1] = k end
    end
  end
  table.sort(cols, function(a, b)
    if a == "id" or b == "id" then return a == "id" and b ~= "id" end
    return a < b
  end)
  return cols
end

--- The text of a value as the REPL prints it, cut to cols columns and
--- about rows lines (lists and tables end in "… N more").
function M.format(v, cols, rows)
  cols = cols or select(1, M.termsize())
  rows = rows or select(2, M.termsize())
  local old_rows = util.max_rows
  util.max_rows = math.max(5, math.min(old_rows, rows - 4))
  local ok, s = pcall(function()
    if type(v) == "string" then return v end
    if has_tostring(v) then return tostring(v) end
    if type(v) == "table" then
      local columns = record_columns(v)
      if columns then return util.render(v, columns) end
      return pp(v, "", cols, {}, 0)
    end
    return scalar(v)
  end)
  util.max_rows = old_rows
  if not ok then error(s, 0) end
  return clip_lines(s, cols)
end

--- Prints the values like the REPL does (several values on one line
--- when they are short, else one after the other).
function M.print(...)
  local n = select("#", ...)
  if n == 0 then return end
  local cols = M.termsize()
  local out, multi = {}, false
  for i = 1, n do
    out[i] = M.format((select(i, ...)), cols)
    if out[i]:find("\n") then multi = true end
  end
  io.stdout:write(table.concat(out, multi and "\n" or "\t"), "\n")
  io.stdout:flush()
end

-- ---------------------------------------------------------------------
-- Completion

local LUA_WORDS = {}
for w in pairs(KEYWORDS) do LUA_WORDS[#LUA_WORDS + 1] = w end

-- The fields reachable from v by indexing: own keys and those of
-- __index tables, up to a few levels.
local function fields(v, methods_only)
  local names, seen = {}, {}
  local function add(t, depth)
    if type(t) ~= "table" or depth > 4 then return end
    for k, x in pairs(t) do
      if type(k) == "string" and k:match("^[%a_][%w_]*$") and not seen[k]
          and (not methods_only or type(x) == "function") then
        seen[k] = true
        names[#names + 1] = k
      end
    end
    local mt = getmetatable(t)
    if type(mt) == "table" and type(rawget(mt, "__index")) == "table" then
      add(rawget(mt, "__index"), depth + 1)
    end
  end
  if type(v) == "table" then add(v, 0) end
  local mt = getmetatable(v)
  if type(v) ~= "table" and type(mt) == "table" and type(rawget(mt, "__index")) == "table" then
    add(rawget(mt, "__index"), 1)
  end
  if type(v) == "string" then add(string, 1) end
  return names
end

--- The completions of word (e.g. "kb:sea", "sinorus.op", "pri") in env.
function M.complete(word, env)
  env = env or _G
  local matches = {}
  local head, sep, tail = word:match("^(.-)([.:])([%w_]*)$")
  if head and head ~= "" then
    local v = env
    for name in (head .. "."):gmatch("([^.:]+)[.:]") do
      if not name:match("^[%a_][%w_]*$") then return {} end
      local ok, x = pcall(function() return v[name] end)
      if not ok or x == nil then return {} end
      v = x
    end
    for _, k in ipairs(fields(v, sep == ":")) do
      if k:sub(1, #tail) == tail and (k:sub(1, 1) ~= "_" or tail:sub(1, 1) == "_") then
        matches[#matches + 1] = head .. sep .. k
      end
    end
  else
    local tail2 = word
    for _, k in ipairs(fields(env)) do
      if k:sub(1, #tail2) == tail2 and (k:sub(1, 1) ~= "_" or tail2:sub(1, 1) == "_") then
        matches[#matches + 1] = k
      end
    end
    for _, k in ipairs(LUA_WORDS) do
      if k:sub(1, #tail2) == tail2 then matches[#matches + 1] = k end
    end
  end
  table.sort(matches)
  return matches
end

-- ---------------------------------------------------------------------
-- Reading and evaluating

local function traceback(msg)
  if type(msg) ~= "string" then
    local mt = getmetatable(msg)
    if mt and mt.__tostring then return tostring(msg) end
    return "(error object is a " .. type(msg) .. " value)"
  end
  if msg:match("interrupted$") then return "interrupted" end
  if msg:match("^bad argument") or msg:match("^[^\n]-:%d+: bad argument")
      or msg:match("attempt to use a closed") then
    return msg
  end
  local tb = debug.traceback(msg, 2)
  -- leave out the frames of lua/sinorus/blame.lua, which re-raises the
  -- library's errors at the caller's line
  tb = tb:gsub("\n%s*%[C%]: in function 'error'\n%s*[^\n]*sinorus/blame%.lua:%d+:[^\n]*", "")
  tb = tb:gsub("\n%s*[^\n]*sinorus/blame%.lua:%d+:[^\n]*", "")
  -- leave out the REPL's own frames
  tb = tb:gsub("\n%s*%[C%]: in function 'xpcall'.*$", "")
  tb = tb:gsub("\n%s*%(%.%.%.tail calls%.%.%.%)$", "")
  if not tb:find("\n%s+%S", 1) or tb:match("stack traceback:%s*$") then
    return msg
  end
  return tb
end

-- ---------------------------------------------------------------------
-- Locals that last: `local x = 1` at the prompt, then `print(x)`.
--
-- Each input is its own chunk, so a plain `local` would end with it. A
-- session has a scope (M.scope) that chunks use as _ENV: names declared
-- `local` at the top level of an input live there and shadow globals;
-- other names are the globals of env. The declarations are rewritten
-- (M.rewrite) into a call that declares the names, then an assignment:
--   local a, b <const> = f()   ->   _REPL_local({"a", "b"}, true); a, b = f()
--   local a                    ->   _REPL_local({"a"}, false);
--   local function g(...)      ->   _REPL_local({"g"}, false); g = function(...)
-- With "=", a name is declared holding what it meant before, so values
-- that read it (local x = x + 1) see the outer name, as with a real local.
-- Locals inside functions and blocks are left alone. The attributes
-- <const> and <close> are dropped (a session local is neither closed at
-- the end of its line nor read-only).

local LOCAL_FN = "_REPL_local"

-- The tokens of src: {kind, text, start, stop}; kind is "name", "string",
-- "number", "comment", "space" or "op". Never fails: an unfinished string
-- or comment runs to the end.
local function tokens(src)
  local out, i, n = {}, 1, #src
  local function add(kind, j) out[#out + 1] = { kind, src:sub(i, j), i, j }; i = j + 1 end
  while i <= n do
    local c = src:sub(i, i)
    local lvl = src:match("^%[(=*)%[", i) or (src:match("^%-%-%[(=*)%[", i))
    if src:match("^%-%-", i) then
      if lvl and src:match("^%-%-%[", i) then
        local _, e = src:find("]" .. lvl .. "]", i, true)
        add("comment", e or n)
      else
        add("comment", (src:find("\n", i, true) or (n + 1)) - 1)
      end
    elseif lvl then
      local _, e = src:find("]" .. lvl .. "]", i, true)
      add("string", e or n)
    elseif c == '"' or c == "'" then
      local j = i + 1
      while j <= n do
        local d = src:sub(j, j)
        if d == "\\" then j = j + 2
        elseif d == c or d == "\n" then break
        else j = j + 1 end
      end
      add("string", math.min(j, n))
    elseif c:match("%s") then
      add("space", select(2, src:find("^%s+", i)))
    elseif c:match("[%a_]") then
      add("name", select(2, src:find("^[%w_]+", i)))
    elseif c:match("%d") or (c == "." and src:match("^%.%d", i)) then
      add("number", select(2, src:find("^[%w_.]+", i)))
    else
      add("op", select(2, src:find("^[%.=~<>:/]+", i)) or i)
    end
  end
  return out
end

local OPENS = { ["function"] = true, ["do"] = true, ["if"] = true, ["repeat"] = true }
local CLOSES = { ["end"] = true, ["until"] = true }

--- src with its top-level `local` declarations rewritten (see above),
--- and the list of names it declares.
function M.rewrite(src)
  local toks = tokens(src)
  local out, names, depth, paren, k = {}, {}, 0, 0, 1
  -- the next token that is not space or comment, from index j
  local function next_tok(j)
    while toks[j] and (toks[j][1] == "space" or toks[j][1] == "comment") do j = j + 1 end
    return toks[j], j
  end
  while k <= #toks do
    local t = toks[k]
    local kind, text = t[1], t[2]
    if kind == "name" and OPENS[text] then depth = depth + 1
    elseif kind == "name" and CLOSES[text] then depth = depth - 1
    elseif kind == "op" and (text == "(" or text == "{" or text == "[") then paren = paren + 1
    elseif kind == "op" and (text == ")" or text == "}" or text == "]") then paren = paren - 1
    end
    if kind == "name" and text == "local" and depth == 0 and paren == 0 then
      local nt, j = next_tok(k + 1)
      if nt and nt[1] == "name" and nt[2] == "function" then
        local nm, j2 = next_tok(j + 1)
        if nm and nm[1] == "name" then
          names[#names + 1] = nm[2]
          out[#out + 1] = string.format("%s({%q}, false); %s = function", LOCAL_FN, nm[2], nm[2])
          depth = depth + 1          -- the function's body
          k = j2 + 1
          goto continue
        end
      elseif nt and nt[1] == "name" then
        -- a name list with attributes, then "=" or the end of the statement
        local list, j2 = {}, j
        while true do
          local nm
          nm, j2 = next_tok(j2)
          if not (nm and nm[1] == "name") then break end
          list[#list + 1] = nm[2]
          local after, j3 = next_tok(j2 + 1)
          if after and after[2] == "<" then          -- <const> / <close>
            local _, j4 = next_tok(j3 + 1)
            local close, j5 = next_tok(j4 + 1)
            if close and close[2] == ">" then after, j3 = next_tok(j5 + 1) end
          end
          if after and after[2] == "," then j2 = j3 + 1
          else j2 = j3; break end
        end
        local quoted = {}
        for i, nm in ipairs(list) do
          quoted[i] = string.format("%q", nm)
          names[#names + 1] = nm
        end
        local head = LOCAL_FN .. "({" .. table.concat(quoted, ", ") .. "}"
        local eq = toks[j2]
        if eq and eq[2] == "=" then
          -- declared holding what the names meant before, then assigned:
          -- the values see the outer names, as with a real local
          out[#out + 1] = head .. ", true); " .. table.concat(list, ", ") .. " "
        else
          out[#out + 1] = head .. ", false);"
        end
        k = j2
        goto continue
      end
    end
    out[#out + 1] = text
    k = k + 1
    ::continue::
  end
  return table.concat(out), names
end

--- A session scope over env: the _ENV of the REPL's chunks. Names
--- declared with _REPL_local live in it; the rest are env's.
function M.scope(env)
  local locals, declared = {}, {}
  local proxy = {}
  -- declares the names, holding nil or (with outer) their current values
  local function declare(list, outer)
    for _, name in ipairs(list) do
      local v = nil
      if outer then
        if declared[name] then v = locals[name] else v = env[name] end
      end
      declared[name] = true
      locals[name] = v
    end
  end
  return setmetatable(proxy, {
    __index = function(_, k)
      if declared[k] then return locals[k] end
      if k == LOCAL_FN then return declare end
      return env[k]
    end,
    __newindex = function(_, k, v)
      if declared[k] then locals[k] = v else env[k] = v end
    end,
    __pairs = function()
      local seen, keys = {}, {}
      for k in pairs(declared) do seen[k] = true; keys[#keys + 1] = k end
      for k in pairs(env) do if not seen[k] then keys[#keys + 1] = k end end
      local i = 0
      return function()
        i = i + 1
        local k = keys[i]
        if k ~= nil then return k, proxy[k] end
      end
    end,
  })
end

-- Compiles a line: as an expression first (so `1 + 1` and `kb` print),
-- then as a statement (top-level locals rewritten when env is a scope).
-- Returns fn, or nil, message, incomplete.
function M.compile(src, env)
  local code = src:gsub("^%s*=", "return ")
  local fn = load("return " .. code, "=stdin", "t", env)
  if fn then return fn end
  local err
  fn, err = load(code, "=stdin", "t", env)
  if fn then
    local mt = getmetatable(env)
    if mt and mt.__index and rawget(env, LOCAL_FN) == nil and env[LOCAL_FN] then
      local rewritten, names = M.rewrite(code)
      if #names > 0 then
        local fn2 = load(rewritten, "=stdin", "t", env)
        if fn2 then return fn2 end
      end
    end
    return fn
  end
  if err:match("<eof>$") then return nil, err, true end
  return nil, err, false
end

-- Runs fn; prints its results or the error. Returns true on success.
local function eval(fn, out)
  local r = table.pack(xpcall(fn, traceback))
  if core.interrupted then core.interrupted() end   -- a late Ctrl-C is moot
  if not r[1] then
    io.stderr:write(tostring(r[2]), "\n")
    return false
  end
  if r.n > 1 then
    local ok, err = xpcall(out, traceback, table.unpack(r, 2, r.n))
    if core.interrupted then core.interrupted() end
    if not ok then io.stderr:write(tostring(err), "\n") end
  end
  return true
end
M.eval = eval

-- A line reader: readline on a terminal, else stdin. Returns
-- read(prompt) -> line | nil (end of input) | false (Ctrl-C), close(),
-- whether it is readline, and add(entry), which stores one entry (a whole
-- statement, however many lines it took) in the history.
local function reader(opts, env)
  local use_rl = opts.readline
  if use_rl == nil then use_rl = M.isatty(0) and M.isatty(1) end
  local rl = use_rl and (function()
    local ok, r = pcall(require, "readline")
    if not ok then
      io.stderr:write("sinorus: no line editing, completion or history: "
        .. "the readline module is missing (Debian: apt-get install lua-readline)\n")
    end
    return ok and r or nil
  end)()
  if rl then
    local last_entry
    local hist = opts.history or os.getenv("SINORUS_HISTORY") or "~/.sinorus_history"
    rl.set_options { histfile = hist, keeplines = 1000, completion = true,
                     minlength = 1, ignoredups = true, auto_add = false }
    if rl.set_readline_name then rl.set_readline_name("sinorus") end
    rl.set_complete_function(function(text, from, to)
      local word = text:sub(from, to)
      local ok, list = pcall(M.complete, word, env)
      if not ok then return {} end
      local append = ""
      if #list == 1 then
        if list[1]:find(":", 1, true) then
          append = "("
        else
          local ok2, v = pcall(load("return " .. list[1], "=c", "t", env) or
                               function() end)
          if ok2 and type(v) == "function" then append = "(" end
        end
      end
      rl.set_completion_append_character(append)
      return list
    end)
    return function(prompt)
      local ok, line = pcall(rl.readline, prompt)
      local hit = core.interrupted and core.interrupted()
      if not ok or hit then
        io.stdout:write("\n")
        return false
      end
      return line
    end, function() pcall(rl.save_history) end, true, function(entry)
      if entry ~= last_entry then pcall(rl.add_history, entry) end
      last_entry = entry
    end
  end
  local interactive = M.isatty(0)
  return function(prompt)
    if interactive then io.stdout:write(prompt); io.stdout:flush() end
    local ok, line = pcall(io.read, "L")
    local hit = core.interrupted and core.interrupted()
    if not ok or hit then return false end
    if line then line = line:gsub("\r?\n$", "") end
    return line
  end, function() end, false, function() end
end

--- The pager command for text, or nil: only when stdout and stdin are
--- terminals and the text is taller than the terminal; $PAGER when set
--- (empty: never), else less -FRX. env: {tty, rows, pager} overrides
--- what is asked of the system (for tests).
function M.pager(text, env)
  env = env or {}
  local tty = env.tty
  if tty == nil then tty = M.isatty(1) and M.isatty(0) end
  if not tty then return nil end
  local rows = env.rows or select(2, M.termsize())
  local _, lines = text:gsub("\n", "")
  if lines < rows - 1 then return nil end
  local pager = env.pager
  if pager == nil then pager = os.getenv("PAGER") end
  if pager == "" then return nil end
  return pager or "less -FRX"
end

--- Writes text to stdout, through the pager when M.pager says so.
function M.show(text)
  local cmd = M.pager(text)
  if cmd then
    io.stdout:flush()
    local p = io.popen(cmd, "w")
    if p then
      p:write(text)
      if p:close() ~= nil then return end
    end
  end
  io.stdout:write(text)
end

--- Makes the session's globals: sinorus, kb, help.
function M.setup(opts)
  opts = opts or {}
  local env = opts.env or _G
  local sinorus = opts.sinorus or require "sinorus"
  env.sinorus = sinorus
  if opts.kb ~= nil or env.kb == nil then env.kb = opts.kb or sinorus.open() end
  local doc = require "sinorus.doc"
  env.help = function(x)
    M.show(doc.text(x, (M.termsize())) .. "\n")
  end
  if opts.print ~= false and env == _G and not opts.run then
    env.print = M.print   -- lua5.4 -i prints results with the global print
  end
  return env
end

--- Runs the session until end of input (Ctrl-D) or os.exit().
--- opts: kb, sinorus, env, history (file), readline (boolean), quiet,
--- reader ({read, close, add}: another line source, for tests), scope
--- (M.scope(env) of an earlier session, to go on with its locals).
function M.run(opts)
  opts = opts or {}
  opts.run = true
  local env = M.setup(opts)
  local scope = opts.scope or M.scope(env)
  local read, close, rl, add
  if opts.reader then
    read, close, rl, add = opts.reader.read, opts.reader.close or function() end, false,
      opts.reader.add or function() end
  else
    read, close, rl, add = reader(opts, scope)
  end
  local installed = false
  if core.interrupt_install then installed = pcall(core.interrupt_install) end
  if not opts.quiet and (rl or M.isatty(0)) then
    io.stdout:write(string.format("sinorus %s, %s\nhelp() lists the functions; "
      .. "Ctrl-D leaves.%s\n", env.sinorus.version, tostring(env.kb),
      installed and " Ctrl-C interrupts a query." or ""))
  end
  local buf
  while true do
    local line = read(buf and M.prompt2 or M.prompt)
    if line == nil then
      if rl then io.stdout:write("\n") end
      break
    end
    if line == false then
      buf = nil
    else
      local src = buf and (buf .. "\n" .. line) or line
      if src:match("^%s*$") then
        buf = nil
      else
        local fn, err, incomplete = M.compile(src, scope)
        if fn then
          buf = nil
          add(src)
          eval(fn, M.print)
        elseif incomplete then
          buf = src
        else
          buf = nil
          add(src)
          io.stderr:write(err, "\n")
        end
      end
    end
  end
  close()
  if installed and core.interrupt_uninstall then core.interrupt_uninstall() end
  return true
end

return M
