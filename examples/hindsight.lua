-- examples/hindsight.lua: the article against what followed. Prints the
-- scorecard of its forecasts (kb:scores) and how the ranking of its
-- competing hypotheses moved as the evidence of the following years came in
-- (kb:timeline; kb:ach{as_of = ...} gives any one date).
--
--   lua5.4 examples/hindsight.lua        (or: make demo)
local sinorus = require "sinorus"

local kb = assert(sinorus.open())
local published = kb:sources()[1].published

print("The article's forecasts, as resolved (doc/forecasts.md gives the rules):")
for _, f in ipairs(kb:forecasts()) do
  local r = kb:resolution(f.id)
  print(string.format("  %-38s %-12s %s", f.id, r.outcome,
                      f.p_low and string.format("P = %.2f-%.2f", f.p_low, f.p_high) or "(no band)"))
end

local s = kb:scores()
print()
print(string.format("Scored: %d of %d forecasts with a band (%d partly, counted as 0.5)",
                    s.scored, s.n, s.partly))
print(string.format("Brier %.3f (range over the bands %.3f-%.3f), log score %.3f bits",
                    s.brier, s.brier_min, s.brier_max, s.log))
print(string.format("Skill against always-0.5: %.3f; against the base rate: %.3f",
                    s.skill_half, s.skill_base))
print()
print("Calibration by estimative band:")
print(s.calibration)

print()
print("The ranking of the hypotheses on China's stance, each time new evidence changed it:")
local t = kb:timeline()
local before
for _, row in ipairs(t.rows) do
  local ranking = table.concat(row.ranking, " > ")
  if ranking ~= before then
    print(string.format("  %s  %2d items  %s", row.date, row.items, ranking))
    before = ranking
  end
end
local at = kb:ach { as_of = published }
local now = kb:ach()
print()
print(string.format("At publication (%s) the top hypothesis was %s; with everything "
                    .. "known now it is %s.", published, at.top, now.top))
kb:close()
