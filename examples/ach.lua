-- examples/ach.lua: an Analysis of Competing Hypotheses walk-through.
-- Which stance of China's on Ukraine does the article's evidence favour,
-- and how robust is that verdict?
--
--   lua5.4 examples/ach.lua      (or: sinorus run examples/ach.lua)

local sinorus = require "sinorus"
local kb = rawget(_G, "kb") or sinorus.open()

print("The hypotheses:")
print(kb:hypotheses())

-- The matrix: each evidence item rated against each hypothesis
-- (CC, C consistent; N neutral; I, II inconsistent).
local ratings = kb:ratings()
print(string.format("\n%d ratings of %d evidence items", #ratings,
                    #kb:sql("SELECT id FROM ach_item")))

local r = kb:ach()
print("\n" .. tostring(r))

-- Sensitivity: drop each pivotal item and see which hypothesis wins.
for _, item in ipairs(r.pivotal) do
  local without = kb:ach { exclude = { item } }
  print(string.format("\nwithout %s the top hypothesis is %s (was %s)", item,
                      without.top, r.top))
  for _, seg in ipairs(kb:evidence(item)) do
    print(string.format("  §%d %s", seg.id, seg.text))
  end
end

-- Halving the weight of low-credibility items.
local weights = {}
for _, row in ipairs(kb:sql("SELECT id FROM ach_item WHERE credibility = 'low'")) do
  weights[row.id] = 0.5
end
print(string.format("\nwith low-credibility items at half weight the top is %s",
                    kb:ach { weights = weights }.top))
