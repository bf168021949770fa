-- examples/outlook.lua: the article's argument as numbers.
--
-- Abb and Polianskii argue that Sino-Russian alignment is driven by a shared
-- sense of Western pressure and held back by irritants; that it is limited in
-- the short term (Ukraine) and more serious in the long term; and that it "is
-- likely to be highly responsive to Western policy choices". This script
-- computes each step on the built-in knowledge base and prints the sentences
-- behind the largest numbers.
--
--   LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='build/?.so;;' lua5.4 examples/outlook.lua

local sinorus = require "sinorus"

local kb <close> = assert(sinorus.open())

local function rule(title)
  print()
  print(title)
  print(string.rep("=", #title))
end

-- The sentences a factor rests on.
local function evidence(id)
  return kb:sql([[SELECT s.text FROM evidence e JOIN segment s ON s.id = e.segment
                  WHERE e.record_type = 'factor' AND e.record = ? ORDER BY e.ord]], id)
end

local function quote(id, indent)
  for _, row in ipairs(evidence(id)) do
    print(indent .. "“" .. row.text .. "”")
  end
end

local function sign(x) return x >= 0 and "+" or "" end

-- 1. Alignment by horizon -----------------------------------------------

rule("1. Alignment by horizon (status-quo pressure 0.5)")
local by = {}
for _, h in ipairs { "short", "long" } do
  by[h] = kb:alignment{ horizon = h }
  print(string.format("%-5s term: index %s%.3f  (%d factors)", h, sign(by[h].index),
                      by[h].index, #by[h].contributions))
end
print(string.format("The long-term index exceeds the short-term one by %.3f.",
                    by.long.index - by.short.index))
for _, h in ipairs { "short", "long" } do
  print()
  print("Largest contributions, " .. h .. " term:")
  for i = 1, math.min(3, #by[h].contributions) do
    local c = by[h].contributions[i]
    print(string.format("  %s%.3f  %s (%s)", sign(c.value), c.value, c.name, c.kind))
    quote(c.factor, "           ")
  end
end

-- 2. The tornado table --------------------------------------------------

rule("2. Which weights matter: the tornado table (long term)")
local s = kb:sensitivity{ horizon = "long" }
print(string.format("index %.3f; d index / d pressure = %.3f", s.index, s.dpressure))
print(string.format("%-45s %8s %8s %8s", "factor", "at low", "at high", "swing"))
for i = 1, #s do
  local r = s[i]
  print(string.format("%-45s %8.3f %8.3f %8.3f", r.name:sub(1, 45), r.low, r.high, r.swing))
end
if s[1] then
  print()
  print("The widest swing rests on:")
  quote(s[1].factor, "  ")
end

-- 3. The effect of Western pressure ---------------------------------------

rule("3. The effect of Western pressure")
print(string.format("%-9s %8s %8s", "pressure", "short", "long"))
for _, p in ipairs { 0, 0.25, 0.5, 0.75, 1 } do
  print(string.format("%-9.2f %8.3f %8.3f", p,
                      kb:alignment{ horizon = "short", pressure = p }.index,
                      kb:alignment{ horizon = "long", pressure = p }.index))
end
for _, h in ipairs { "short", "long" } do
  local sim = kb:simulate{ horizon = h, n = 100000, seed = 7 }
  print(string.format("%-5s term, weights uncertain (100000 draws): mean %.3f, "
                      .. "90%% interval [%.3f, %.3f], P(index > 0) = %.3f",
                      h, sim.mean, sim.quantiles[0.05], sim.quantiles[0.95], sim.p_positive))
end
do
  local hi = kb:alignment{ horizon = "long", pressure = 1 }
  print()
  print("Under maximal pressure the largest long-term contribution is:")
  local c = hi.contributions[1]
  if c then
    print(string.format("  %s%.3f  %s", sign(c.value), c.value, c.name))
    quote(c.factor, "    ")
  end
end

-- 4. Competing hypotheses -------------------------------------------------

rule("4. Competing hypotheses on China's stance (ACH)")
local ach = kb:ach()
if not ach.top then
  print("(the knowledge base has no ACH matrix)")
else
  for _, h in ipairs(ach.hypotheses) do
    print(string.format("%d. %-8s %s", h.rank, string.format("%.4g", h.score), h.text))
  end
  print()
  print("Most diagnostic evidence:")
  for i = 1, math.min(3, #ach.evidence) do
    local e = ach.evidence[i]
    print(string.format("  %.3f  %s", e.diagnosticity, e.text))
    for _, row in ipairs(kb:sql([[SELECT s.text FROM evidence e JOIN segment s
                                  ON s.id = e.segment WHERE e.record_type = 'ach_item'
                                  AND e.record = ? ORDER BY e.ord]], e.item)) do
      print("         “" .. row.text .. "”")
    end
  end
  print()
  print("Pivotal items: " .. (#ach.pivotal > 0 and table.concat(ach.pivotal, ", ") or "none"))
end
