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

  M.sandbox_defaults = { memory = 64 * 1024 * 1024, instructions = 100000000 }

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
    local name = opts.name and "=" .. opts.name or "=sandbox"
    return core.sandbox(script, memory, instructions, time, opts.path, name)
  end

  -- -------------------------------------------------------------------
  -- Inside the sandbox

  -- KB methods a sandboxed script may not call.
  local function forbidden(name)
    return name:match("^add_") or name:match("^update_") or name:match("^remove_")
      or name == "code" or name == "uncode" or name == "transaction" or name == "save"
      or name == "_exec" or name == "_script" or name == "_add_source" or name == "_tag"
      or name == "_import"
  end

  local function copy(t, except)
    local c = {}
    for k, v in pairs(t) do
      if not (except and except[k]) then c[k] = v end
    end
    return c
  end

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
      if s == "" and (sep == nil or sep == "") and type(n) == "number" then
        return ""   -- would loop n times in C, out of the hook's reach
      end
      return rep(s, n, sep)
    end
    -- Lua's pattern matcher backtracks in C, out of the hook's reach: a
    -- pattern with k quantifiers can take about n^(k+1) steps on a subject
    -- of n bytes. Patterns with two or more quantifiers are refused where
    -- that bound passes PATTERN_STEPS (one quantifier is at most n^2).
    local PATTERN_STEPS = 1e10
    local gsub = strlib.gsub
    local function guard(fname, s, p, plain)
      if type(s) ~= "string" or type(p) ~= "string" or plain then return end
      local k = select(2, gsub(gsub(p, "%%.", ""), "[%*%+%-%?]", ""))
      local n = #s + 1
      if k >= 2 and n ^ (k + 1) > PATTERN_STEPS then
        error(string.format("bad argument #2 to '%s' (pattern with %d quantifiers is too "
              .. "costly on %d bytes in the sandbox)", fname, k, #s), 3)
      end
    end
    for _, name in ipairs { "find", "match", "gmatch", "gsub" } do
      local f = strlib[name]
      strlib[name] = function(s, p, a, b, ...)
        guard(name, s, p, name == "find" and b)
        return f(s, p, a, b, ...)
      end
    end
    local move, insert, remove, sort = table.move, table.insert, table.remove, table.sort
    tablib.move = function(a1, f, e, t, a2)
      if math.type(f) == "integer" and math.type(e) == "integer" and e >= f then
        charge(e - f + 1)
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
    for _, k in ipairs { "assert", "error", "getmetatable", "ipairs", "next", "pairs",
                         "pcall", "rawequal", "rawget", "rawlen", "rawset", "select",
                         "tonumber", "tostring", "type" } do
      env[k] = _G[k]
    end
    -- Lua runs finalizers without hooks: no __gc for the script's tables
    -- (a metatable that had none when set never gets one that counts)
    env.setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("__gc metamethods are not available in the sandbox", 2)
      end
      return setmetatable(t, mt)
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

    local s, sinorus = {}, require "sinorus"
    for _, k in ipairs { "version", "schema_version", "estimate", "hedges", "pool", "decay",
                         "to_json", "to_csv", "marks" } do
      s[k] = sinorus[k]
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
