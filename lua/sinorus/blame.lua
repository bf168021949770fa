-- sinorus.blame: the library's errors name the caller's line.
--
-- A misuse found deep inside the library (an argument checked in a helper,
-- a closed KB found by a C method called from Lua) is raised with the
-- position of the library's own file. The public functions are wrapped so
-- that such an error is raised again at the line of the code that called
-- the library, as Lua's own libraries do. Errors raised by the caller's
-- own code (a callback given to kb:transaction, say) pass through as they
-- are.

local M = {}

-- The chunk names (as error positions print them) of the library's files.
local ours = {}
ours[debug.getinfo(1, "S").short_src] = true

-- The message without its position when the library raised it; nil when
-- it is someone else's error.
local function bare(e)
  if type(e) ~= "string" then return nil end
  local src, rest = e:match("^([^\n]-):%d+: (.*)$")
  if src then
    if not ours[src] then return nil end
    -- raised again inside the library, each time with a position of ours
    local s2, r2 = rest:match("^([^\n]-):%d+: (.*)$")
    while s2 and ours[s2] do
      rest = r2
      s2, r2 = rest:match("^([^\n]-):%d+: (.*)$")
    end
    return rest
  end
  -- no position at all: a check raised at level 0 or from C
  if e:match("^bad argument #%d+ to '") or e:match("^attempt to ") then return e end
  return nil
end

-- Level 2 from finish: the caller of the wrapper (finish is a tail call,
-- so the wrapper's frame is gone).
local function finish(ok, ...)
  if ok then return ... end
  local e = ...
  local msg = bare(e)
  if msg then error(msg, 2) end
  error(e, 0)
end

-- wrapper -> the function it wraps (weak), for M.unwrap
local original = setmetatable({}, { __mode = "k" })

local function wrap(fn)
  local w = function(...) return finish(pcall(fn, ...)) end
  original[w] = fn
  return w
end

--- The function a wrapper wraps (a function that is no wrapper as it is).
function M.unwrap(fn)
  return original[fn] or fn
end

--- Wraps every Lua function of each table in place (once), noting the
--- library files the Lua ones come from.
function M.wrap_all(...)
  for i = 1, select("#", ...) do
    local t = select(i, ...)
    local names = {}
    for k, v in pairs(t) do
      if type(v) == "function" and type(k) == "string" then names[#names + 1] = k end
    end
    for _, k in ipairs(names) do
      -- a C function already blames its caller (luaL_error's level 1)
      local fn = t[k]
      local info = debug.getinfo(fn, "S")
      if info.what == "Lua" then
        ours[info.short_src] = true
        t[k] = wrap(fn)
      end
    end
  end
end

--- Notes a library file whose functions are not wrapped (a helper module
--- whose errors may still surface).
function M.ours(fn)
  ours[debug.getinfo(fn, "S").short_src] = true
end

return M
