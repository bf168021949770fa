-- sinorus.sandbox: sinorus.sandbox(script, opts) runs an untrusted analysis
-- script in a new Lua state (csrc/lsandbox.c) with the read-only API only
-- and bounded memory, instructions and time.
--
--   local ok, value, output = sinorus.sandbox([[
--     local sinorus = require "sinorus"
--     print(#kb:claims())
--     return kb:alignment{horizon = "long"}.index
--   ]], {memory = 32 * 2^20, instructions = 10^7, time = 2})
--
-- Inside, the script sees `kb` (a read-only KB: the built-in one, or
-- opts.path opened read-only), `sinorus` (also from require "sinorus")
-- without open, sandbox or help, the KB methods without any that write,
-- save or export to a file, and Lua's base functions, string, table, math,
-- utf8, coroutine and os.clock/time/date/difftime. No io, os.execute,
-- load, dofile, require of other modules, package, debug or string.dump;
-- collectgarbage answers "count", "collect", "step" and "isrunning" only.
-- print() is captured and returned as the third result.
--
-- This module also holds the function that builds that environment
-- (M._sandbox_env), which runs inside the new state.

local core = require "sinorus.core"

local util = require "sinorus.util"

-- What this module adds: methods of sinorus.KB and functions of the
-- module table (init.lua copies both in).
local KB, M = {}, {}

do
  local argerror = util.argerror

  -- time: work done in C (a pattern, string.rep, a sort, SQLite inside one
  -- row) is charged against the instructions too, but only a clock bounds
  -- a loop that calls a costly C function many times, so every run has one
  M.sandbox_defaults = { memory = 64 * 1024 * 1024, instructions = 100000000, time = 30 }

  local OPTS = { "instructions", "memory", "name", "path", "time" }

  --- Runs script (Lua source text) in a sandbox. Returns true, value,
  --- output (the script's first result as plain data, what it printed) or
  --- nil, message.
  function M.sandbox(script, opts)
    util.check_type("sandbox", 1, script, "string")
    if opts ~= nil and type(opts) ~= "table" then
      argerror("sandbox", 2, "table expected, got " .. util.typename(opts))
    end
    opts = opts or {}
    for k in pairs(opts) do
      local known = false
      for _, o in ipairs(OPTS) do known = known or o == k end
      if not known then
        argerror("sandbox", 2, string.format("unknown option '%s'; valid options: %s",
                 tostring(k), table.concat(OPTS, ", ")))
      end
    end
    local function count(k)
      local v = opts[k]
      if v == nil then return M.sandbox_defaults[k] end
      if math.type(v) == "float" and v == math.floor(v) and v < 2^62 then
        v = math.tointeger(v)
      end
      if math.type(v) ~= "integer" or v <= 0 then
        argerror("sandbox", 2, string.format("option '%s' must be a positive integer, got %s",
                 k, tostring(v)), 3)
      end
      return v
    end
    local memory, instructions = count("memory"), count("instructions")
    local time = opts.time
    if time == nil then time = M.sandbox_defaults.time end
    if time ~= nil and (type(time) ~= "number" or not (time > 0 and time < 1e9)) then
      argerror("sandbox", 2, "option 'time' must be a positive number of seconds, got " ..
               tostring(time))
    end
    for _, k in ipairs { "path", "name" } do
      if opts[k] ~= nil and type(opts[k]) ~= "string" then
        argerror("sandbox", 2, string.format("option '%s' must be a string, got %s",
                 k, util.typename(opts[k])))
      end
    end
    if opts.path ~= nil and opts.path:find("\0", 1, true) then
      argerror("sandbox", 2, "option 'path' contains a NUL byte")
    end
    local name = opts.name and "=" .. opts.name or "=sandbox"
    return core.sandbox(script, memory, instructions, time, opts.path, name)
  end

  -- -------------------------------------------------------------------
  -- Inside the sandbox

  -- KB methods a sandboxed script may not call.
  local function forbidden(name)
    return name:match("^add_") or name:match("^update_") or name:match("^remove_")
      or name == "code" or name == "uncode" or name == "rate" or name == "transaction" or name == "save"
      or name == "accept" or name == "reject"
      or name == "_exec" or name == "_script" or name == "_add_source" or name == "_tag"
      or name == "_import" or name == "import"   -- kb:import reads files
  end

  local function copy(t, except)
    local c = {}
    for k, v in pairs(t) do
      if not (except and except[k]) then c[k] = v end
    end
    return c
  end

  -- Module functions a sandboxed script does not get.
  local HIDDEN = { open = true, sandbox = true, sandbox_defaults = true, help = true,
                   import_files = true }   -- lists directories

  local GC_OPTIONS = { collect = true, count = true, step = true, isrunning = true }

  --- Builds the environment of a sandboxed script (internal: called once,
  --- in the sandbox's own state, by csrc/lsandbox.c). Returns env and the
  --- list that print() appends to.
  function M._sandbox_env(kb)
    local charge = core.sandbox_charge
    local out = {}

    -- the state's own libraries, changed in place: they are what the
    -- layer uses too, and what getmetatable("").__index reaches
    -- luacheck: push ignore 122 142
    local strlib, tablib = string, table
    strlib.dump = nil
    local rep = string.rep
    strlib.rep = function(s, n, sep)
      -- rep loops n times in C, out of the hook's reach, even when the
      -- result is empty; n may be a numeric string ("1e15")
      local k = tonumber(n)
      if s == "" and (sep == nil or sep == "") and k then
        return rep(s, k % 1 == 0 and 0 or k)   -- 1.5, inf, nan: rep's error
      end
      return rep(s, n, sep)
    end
    -- Lua's pattern matcher backtracks in C, out of the hook's reach
    -- (".-b" is n^2 steps on n bytes): each call is first replayed by a
    -- counting matcher (core.sandbox_pattern) that charges its steps and
    -- stops at the budget. A plain find is charged what memcmp may do.
    local replay = core.sandbox_pattern
    local find = strlib.find
    strlib.find = function(s, p, init, plain, ...)
      if plain and type(s) == "string" and type(p) == "string" and #p > 0 then
        charge((#s // 64 + 1) * (#p + 1))
      elseif not plain then
        replay("find", s, p, init)
      end
      return find(s, p, init, plain, ...)
    end
    for _, name in ipairs { "match", "gmatch" } do
      local f = strlib[name]
      strlib[name] = function(s, p, init, ...)
        replay(name, s, p, init)
        return f(s, p, init, ...)
      end
    end
    local gsub = strlib.gsub
    strlib.gsub = function(s, p, repl, n, ...)
      replay("gsub", s, p, n)
      return gsub(s, p, repl, n, ...)
    end
    local move, insert, remove, sort = table.move, table.insert, table.remove, table.sort
    -- ends as Lua's own table functions read them: integers, floats with
    -- an integer value, numeric strings
    local function int(v)
      v = tonumber(v)
      return v and math.tointeger(v)
    end
    tablib.move = function(a1, f, e, t, a2)
      local fi, ei = int(f), int(e)
      if fi and ei and ei >= fi then
        local n = ei - fi + 1
        charge(n > 0 and n or math.huge)   -- wrapped past maxinteger
      end
      return move(a1, f, e, t, a2)
    end
    tablib.insert = function(t, ...)
      if select("#", ...) == 2 and type(t) == "table" then charge(rawlen(t)) end
      return insert(t, ...)
    end
    tablib.remove = function(t, ...)
      if type(t) == "table" then charge(rawlen(t)) end
      return remove(t, ...)
    end
    tablib.sort = function(t, ...)
      if type(t) == "table" then
        local n = rawlen(t)
        charge(n * (math.log(n + 1, 2) + 1))
      end
      return sort(t, ...)
    end
    -- an error of a wrapper (a bad argument, a malformed pattern) names
    -- the script's line, as Lua's own would, not the wrapper's line in
    -- this file. Only the original functions run while an error unwinds
    -- (a wrapper there would fail again at the C stack's limit).
    local here = debug.getinfo(1, "S").short_src .. ":"
    local sfind, ssub = find, strlib.sub
    local function finish(ok, ...)
      if ok then return ... end
      local e = ...
      if type(e) == "string" and ssub(e, 1, #here) == here then
        local _, stop = sfind(e, ": ", #here, true)
        if stop then error(ssub(e, stop + 1), 2) end
      end
      error(e, 0)
    end
    for _, lib in ipairs { strlib, tablib } do
      for name, f in pairs(lib) do
        if debug.getinfo(f, "S").what == "Lua" then
          lib[name] = function(...) return finish(pcall(f, ...)) end
        end
      end
    end
    -- C functions of the core whose one call costs in proportion to its
    -- input, charged before it runs, whoever calls them (the layer too):
    -- hedges compares every word with the whole lexicon (~100 ns a byte),
    -- simulate draws n samples of every factor (~2 ns each)
    local hedges, simulate = core.hedges, core.simulate
    core.hedges = function(text, ...)
      if type(text) == "string" then charge(#text * 128) end
      return hedges(text, ...)
    end
    core.simulate = function(factors, o, ...)
      if type(factors) == "table" and type(o) == "table" and type(o.n) == "number" then
        charge(o.n * (#factors + 1) * 2)
      end
      return simulate(factors, o, ...)
    end
    -- and the scoring functions, ~1 us a forecast; ~250 ns a cell of the
    -- coders x units grid of agreement (units: the largest unit number,
    -- however sparse the tables); ~20 ns a cell of the items x hypotheses
    -- of ach_timeline (hypotheses: at most one a rating or a given id)
    local scores, agreement, timeline = core.scores, core.agreement, core.ach_timeline
    core.scores = function(forecasts, ...)
      if type(forecasts) == "table" then
        local n = #forecasts
        if n == 0 and type(forecasts.p_low) == "table" then n = #forecasts.p_low end
        charge(n * 1024)
      end
      return scores(forecasts, ...)
    end
    core.agreement = function(coders, ...)
      if type(coders) == "table" then
        local nc, nu = #coders, 0
        for c = 1, nc do
          local t = coders[c]
          if type(t) == "table" then
            for k in next, t do
              k = math.type(k) and math.tointeger(k)
              if k and k > nu then nu = k end
            end
          end
        end
        charge(nc * (nu + 0.0) * 256)
      end
      return agreement(coders, ...)
    end
    core.ach_timeline = function(items, ratings, opts, ...)
      if type(items) == "table" and type(ratings) == "table" then
        local hyps = #ratings
        if type(opts) == "table" and type(opts.hypotheses) == "table" then
          hyps = hyps + #opts.hypotheses
        end
        charge(#items * (hyps + 1.0) * 32)
      end
      return timeline(items, ratings, opts, ...)
    end
    -- luacheck: pop

    -- KB methods that write, save or write files
    local methods = getmetatable(kb).__index
    local names = {}
    for name in pairs(methods) do
      if type(name) == "string" and forbidden(name) then names[#names + 1] = name end
    end
    for _, name in ipairs(names) do methods[name] = nil end
    local export = methods.export
    if export then
      methods.export = function(self, format, path, ...)
        if path ~= nil then
          argerror("export", 2, "no files in the sandbox; export without a path")
        end
        return export(self, format, path, ...)
      end
    end

    local env = {}
    for _, k in ipairs { "assert", "error", "ipairs", "next", "pairs",
                         "pcall", "rawequal", "rawget", "rawlen", "rawset", "select",
                         "tonumber", "tostring", "type" } do
      env[k] = _G[k]
    end
    -- Lua runs finalizers without hooks: no __gc for the script's tables
    -- (a metatable that had none when set never gets one that counts)
    local own = setmetatable({}, { __mode = "k" })   -- metatables it set
    env.setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("__gc metamethods are not available in the sandbox", 2)
      end
      local r = setmetatable(t, mt)
      if type(mt) == "table" then own[mt] = true end
      return r
    end
    -- and no finalizer swapped into a metatable it did not make (the KB's,
    -- a statement's, a record's: the layer gives them to new objects):
    -- those it sees through a read-only view
    local views = setmetatable({}, { __mode = "k" })
    local function readonly()
      error("metatables of the sandbox's values are read-only", 2)
    end
    env.getmetatable = function(v)
      local mt = getmetatable(v)
      if type(mt) ~= "table" or own[mt] then return mt end
      local view = views[mt]
      if not view then
        view = setmetatable({}, { __index = mt, __newindex = readonly, __metatable = false })
        views[mt] = view
      end
      return view
    end
    -- and it runs the message handler of an error raised by the limit
    -- hook without hooks: the handler is skipped once a limit is exceeded
    local exceeded = core.sandbox_exceeded
    env.xpcall = function(f, handler, ...)
      return xpcall(f, function(e)
        if exceeded() then return e end
        return handler(e)
      end, ...)
    end
    env._VERSION = _VERSION
    env.string = copy(string)
    env.table = copy(table)
    env.math = copy(math)
    env.utf8 = copy(utf8)
    env.coroutine = copy(coroutine)
    env.os = { clock = os.clock, time = os.time, date = os.date, difftime = os.difftime }
    env.collectgarbage = function(opt, ...)
      opt = opt or "collect"
      if not GC_OPTIONS[opt] then
        argerror("collectgarbage", 1, string.format("option '%s' is not available in the "
                 .. "sandbox", tostring(opt)))
      end
      return collectgarbage(opt, ...)
    end
    env.print = function(...)
      local n = select("#", ...)
      local parts = { ... }
      for i = 1, n do parts[i] = tostring(parts[i]) end
      out[#out + 1] = table.concat(parts, "\t", 1, n) .. "\n"
    end

    -- the module without what opens files, nests sandboxes or prints,
    -- and without the layer's internals (names beginning with _)
    local s = {}
    for k, v in pairs(require "sinorus") do
      if type(k) == "string" and not HIDDEN[k] and not k:match("^_") then s[k] = v end
    end
    s.KB = methods
    env.sinorus = s
    env.kb = kb
    env.require = function(name)
      if name == "sinorus" then return s end
      error(string.format("module '%s' is not available in the sandbox", tostring(name)), 2)
    end
    env._G = env
    return env, out
  end
end

return { methods = KB, module = M }
