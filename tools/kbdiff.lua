-- tools/kbdiff.lua: the coded records of two versions of a source folder,
-- compared by record id (what a re-coding changed).
--
--   git archive main data | tar -x -C /tmp/old
--   lua5.4 tools/kbdiff.lua /tmp/old/data/abb-polianskii-2022 data/abb-polianskii-2022
--
-- Prints, per file, the ids added, removed and changed, with the fields that
-- changed. A factor coded by its wording is compared by the weight, range
-- and coupling the build derives from it (sinorus.wording), so a factor
-- whose wording changed but whose numbers did not is reported by its
-- wording only. Run with the build's LUA_PATH (lua/?.lua).

local wording = require "sinorus.wording"

local FILES = { "claims", "factors", "relations", "events", "quotes", "entities",
                "references", "hypotheses", "forecasts", "resolutions" }

-- The records of one data file, by id (or by constructor and position when
-- a record has none), each with its constructor's name.
local function read(dir, name)
  local out, order = {}, {}
  local env = setmetatable({}, { __index = function(_, ctor)
    return function(t)
      local key = t.id ~= nil and tostring(t.id) or (ctor .. "#" .. (#order + 1))
      if t.wording and t.weight == nil then
        local w = assert(wording.derive(t.wording))
        t.weight, t.range, t.coupling = w.weight, w.range, w.coupling
      end
      out[key] = t
      order[#order + 1] = key
    end
  end })
  local chunk = loadfile(dir .. "/kb/" .. name .. ".lua", "t", env)
  if not chunk then return {}, {} end
  chunk()
  return out, order
end

-- A value as one comparable string.
local function show(v)
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local parts = {}
  for _, k in ipairs(keys) do
    parts[#parts + 1] = (math.type(k) == "integer" and "" or tostring(k) .. "=") .. show(v[k])
  end
  return "{" .. table.concat(parts, ", ") .. "}"
end

local function fields(a, b)
  local keys, seen = {}, {}
  for _, t in ipairs { a, b } do
    for k in pairs(t) do
      if not seen[k] then seen[k] = true; keys[#keys + 1] = k end
    end
  end
  table.sort(keys)
  local changed = {}
  for _, k in ipairs(keys) do
    if show(a[k]) ~= show(b[k]) then changed[#changed + 1] = k end
  end
  return changed
end

local old_dir, new_dir = arg[1], arg[2]
if not old_dir or not new_dir then
  io.stderr:write("usage: lua5.4 tools/kbdiff.lua OLD_SOURCE_DIR NEW_SOURCE_DIR\n")
  os.exit(2)
end

for _, name in ipairs(FILES) do
  local old, oorder = read(old_dir, name)
  local new, norder = read(new_dir, name)
  local lines = {}
  for _, id in ipairs(oorder) do
    if not new[id] then lines[#lines + 1] = "  - " .. id end
  end
  for _, id in ipairs(norder) do
    if not old[id] then
      lines[#lines + 1] = "  + " .. id
    else
      local ch = fields(old[id], new[id])
      if #ch > 0 then lines[#lines + 1] = "  ~ " .. id .. ": " .. table.concat(ch, ", ") end
    end
  end
  if #lines > 0 then
    print(name .. ".lua")
    print(table.concat(lines, "\n"))
  end
end
