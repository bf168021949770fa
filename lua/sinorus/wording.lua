-- sinorus.wording: the rule that turns a factor's coded wording into its
-- weight, its range and its coupling to Western pressure (data/README.md,
-- section 4). One table, the same for drivers and irritants: the rule never
-- looks at a factor's kind, so a driver and an irritant worded alike weigh
-- the same.
--
--   local wording = require "sinorus.wording"
--   local w, err = wording.derive{ strength = "plain", repeated = true,
--                                  pressure = "stated", effect = "strengthens" }
--   -- w = { weight = 0.65, range = { 0.55, 0.75 }, class = "moderate",
--   --       coupling = 0.5 }, or nil and a message naming the bad feature
--
-- The features (each a fact about the text, decided by the codebook):
--   strength   how the authors' own wording marks the factor's strength:
--              "main" (named as the principal or sole cause or limit of an
--              outcome), "emphatic" (an intensifier or a statement of
--              strength applied to this factor itself), "plain" (named as a
--              cause or limit, nothing said of its strength), "passing" (one
--              item of a list, never returned to)
--   hedged     the authors' statement of the factor carries an estimative
--              or possibility expression ("may", "seems", "arguably")
--   repeated   the authors state it again in a second, distinct place (a
--              duplicated paragraph is one place; a quotation counts only
--              when the authors use it as support)
--   attributed it rests on others' reported views, or on one side's
--              perspective rather than the authors' judgment of both
--   qualified  the text limits or offsets it elsewhere
--   pressure   how the text ties the factor to Western pressure or policy:
--              "defines" (the factor is that pressure), "stated" (the text
--              states the link for this factor), "inferred" (only through a
--              general statement about Western policy), "none"
--   effect     with a link: "strengthens" or "weakens" (what more pressure
--              does to the factor)

local M = {}

-- The rule table. Weights and steps are the codebook's (data/README.md
-- section 4 prints them from here); everything else is derived.
M.BASE = { main = 0.90, emphatic = 0.75, plain = 0.55, passing = 0.35 }
M.STEP = 0.10                 -- one step up (repeated) or down (each demotion)
M.DEMOTIONS = { "hedged", "attributed", "qualified" }
M.CLIP = { 0.05, 0.95 }       -- a weight never reaches "absent" or "all"
-- signs of uncertainty: each one widens the range by a class
M.UNCERTAIN = { "hedged", "attributed", "qualified", "once", "unmarked" }
M.CLASSES = {                 -- by the number of signs of uncertainty
  { name = "narrow", half = 0.05 },    -- 0
  { name = "moderate", half = 0.10 },  -- 1
  { name = "wide", half = 0.15 },      -- 2
  { name = "widest", half = 0.25 },    -- 3 or more
}
M.COUPLING = { defines = 0.8, stated = 0.5, inferred = 0.2, none = 0.0 }
M.EFFECT = { strengthens = 1, weakens = -1 }
M.FEATURES = { "strength", "hedged", "repeated", "attributed", "qualified",
               "pressure", "effect" }

local BOOLEANS = { hedged = true, repeated = true, attributed = true, qualified = true }

local function round2(x)
  return math.floor(x * 100 + 0.5) / 100
end

local function keys(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return table.concat(out, ", ")
end

-- Checks a features table; returns true or nil, message.
function M.check(f)
  if type(f) ~= "table" then return nil, "wording must be a table" end
  local known = {}
  for _, k in ipairs(M.FEATURES) do known[k] = true end
  for k in pairs(f) do
    if not known[k] then
      return nil, string.format("unknown wording feature '%s' (features: %s)", tostring(k),
                                table.concat(M.FEATURES, ", "))
    end
  end
  if not M.BASE[f.strength] then
    return nil, string.format("wording.strength must be one of %s, got %s", keys(M.BASE),
                              tostring(f.strength))
  end
  for k in pairs(BOOLEANS) do
    if f[k] ~= nil and type(f[k]) ~= "boolean" then
      return nil, string.format("wording.%s must be a boolean, got %s", k, type(f[k]))
    end
  end
  local link = f.pressure or "none"
  if M.COUPLING[link] == nil then
    return nil, string.format("wording.pressure must be one of %s, got %s", keys(M.COUPLING),
                              tostring(f.pressure))
  end
  if link == "none" and f.effect ~= nil then
    return nil, "wording.effect needs a pressure link"
  end
  if link ~= "none" and not M.EFFECT[f.effect] then
    return nil, string.format("wording.effect must be one of %s, got %s", keys(M.EFFECT),
                              tostring(f.effect))
  end
  return true
end

-- The number of signs of uncertainty of a features table.
function M.signs(f)
  local n = 0
  local has = {
    hedged = f.hedged, attributed = f.attributed, qualified = f.qualified,
    once = not f.repeated,
    unmarked = f.strength == "plain" or f.strength == "passing",
  }
  for _, k in ipairs(M.UNCERTAIN) do
    if has[k] then n = n + 1 end
  end
  return n
end

--- The weight, range, range class and coupling of a factor worded as f,
--- or nil, message.
function M.derive(f)
  local ok, msg = M.check(f)
  if not ok then return nil, msg end
  local w = M.BASE[f.strength] + (f.repeated and M.STEP or 0)
  for _, k in ipairs(M.DEMOTIONS) do
    if f[k] then w = w - M.STEP end
  end
  w = round2(math.min(M.CLIP[2], math.max(M.CLIP[1], w)))
  local class = M.CLASSES[math.min(M.signs(f) + 1, #M.CLASSES)]
  local lo = round2(math.max(0, w - class.half))
  local hi = round2(math.min(1, w + class.half))
  local link = f.pressure or "none"
  local coupling = M.COUPLING[link] * (M.EFFECT[f.effect] or 0)
  return { weight = w, range = { lo, hi }, class = class.name, coupling = coupling + 0.0 }
end

return M
