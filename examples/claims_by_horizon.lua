-- examples/claims_by_horizon.lua: what does the article claim about an
-- actor in the short and the long term, and how confident is it?
--
--   lua5.4 examples/claims_by_horizon.lua [ENTITY]     (default: China)
--   sinorus run examples/claims_by_horizon.lua Russia --db my.sqlite

local sinorus = require "sinorus"
local kb = rawget(_G, "kb") or sinorus.open()     -- `sinorus run` provides kb
local about = (arg and arg[1]) or "China"

local actor = kb:entity(about)
if not actor then
  io.stderr:write("no entity named '", about, "'\n")
  os.exit(1)
end
print(string.format("Claims about %s (%s), by horizon", actor.name, actor.id))

-- The band of a claim: its estimative term's, else the coded range.
local function band(c)
  if c.estimative then
    local est = sinorus.estimate(c.estimative, c.scale)
    if est then
      return string.format("“%s” = %s (%.2f–%.2f)", c.estimative, est.band, est.p_low,
                           est.p_high)
    end
  end
  if c.p_low then
    return string.format("“%s” (%.2f–%.2f)", c.estimative or "?", c.p_low, c.p_high)
  end
  return "stated flatly"
end

-- "§12, §14": the segments a claim rests on, each once.
local function cited(ids)
  local out, seen = {}, {}
  for _, id in ipairs(ids) do
    if not seen[id] then seen[id] = true; out[#out + 1] = "§" .. id end
  end
  return table.concat(out, ", ")
end

for _, horizon in ipairs { "short", "long" } do
  local claims = kb:claims { about = actor.id, horizon = horizon }
  local hedged = {}
  print(string.format("\n== %s term: %d claims", horizon, #claims))
  for _, c in ipairs(claims) do
    print(string.format("- %s\n    %s; rests on %s", c.text, band(c), cited(c.evidence)))
    if c.p_low and c.p_high then hedged[#hedged + 1] = (c.p_low + c.p_high) / 2 end
  end
  if #hedged > 0 then
    print(string.format("  mean probability of the %d hedged claims: %.2f",
                        #hedged, sinorus.pool(hedged)))
  end
end
