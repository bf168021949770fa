-- tools/thesis_report.lua: a report, not a test. Prints whether the coded
-- model still reproduces the article's thesis, with the alignment indices,
-- after the data were coded by the codebook's rules (data/README.md). The
-- data spec checks the rules and the evidence; what the rules make of the
-- thesis is measured here, never asserted, so nobody tunes a weight toward
-- the expected answer.
--
--   make thesis        (or: lua5.4 tools/thesis_report.lua, with the build's paths)

local sinorus = require "sinorus"

local kb <close> = sinorus.open()

local PRESSURES = { 0, 0.25, 0.5, 0.75, 1 }

local function index(horizon, pressure)
  return kb:alignment{ horizon = horizon, pressure = pressure }.index
end

local lines = {}
local function row(what, value, holds)
  lines[#lines + 1] = string.format("  %-64s %-20s %s", what, value,
                                    holds and "reproduced" or "NOT reproduced")
end

local short, long = index("short", 0.5), index("long", 0.5)
row("short-term alignment index at today's pressure is negative", string.format("%.3f", short),
    short < 0)
row("long-term alignment index at today's pressure is positive", string.format("%.3f", long),
    long > 0)

local above = true
for _, p in ipairs(PRESSURES) do
  if index("long", p) <= index("short", p) then above = false end
end
row("the long term is more aligned than the short at every pressure", "", above)

local rises = true
for _, h in ipairs { "short", "long" } do
  local last = -math.huge
  for i = 0, 8 do
    local v = index(h, i / 8)
    if v <= last then rises = false end
    last = v
  end
end
row("alignment rises with Western pressure (both horizons)", "", rises)

local top
for _, f in ipairs(kb:factors{ kind = "driver" }) do
  if not top or f.weight > top.weight then top = f end
end
row("the shared sense of Western pressure is the heaviest driver", top.id,
    top.id == "drv-western-pressure")

-- the article's matrix as of publication: hypotheses are ordered from the
-- most to the least supportive (data/README.md section 9); the thesis is that
-- China's support stays short of military backing and an economic shield
local published = kb:sources()[1].published
local ach = kb:ach{ as_of = published }
local order = {}
for i, h in ipairs(kb:hypotheses()) do order[h.id] = i end
row("the ACH ranking (as of publication) puts neither backing nor shield first",
    tostring(ach.top), ach.top ~= nil and order[ach.top] > 2)

print("Does the re-coded model still reproduce the article's thesis? (a report, not a test)")
print(string.format("alignment index: short term %.3f, long term %.3f (pressure 0.5)", short, long))
for _, p in ipairs(PRESSURES) do
  print(string.format("  pressure %.2f: short %7.3f  long %7.3f", p, index("short", p),
                      index("long", p)))
end
print("")
for _, l in ipairs(lines) do print(l) end
