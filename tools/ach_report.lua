-- tools/ach_report.lua: the blind second coding of the article's ACH
-- ratings and factor classes, and the ACH ranking (`make ach-report`).
--
-- Prints the agreement between the two coders before adjudication and of
-- the adjudicated set with each coder after it (sinorus.agreement:
-- Krippendorff's alpha, Cohen's kappa, percent agreement; ordinal for the
-- ratings, nominal for the classes), the factor classes the adjudication
-- would change in kb/factors.lua, and the ranking of the hypotheses with the
-- article's items and with the items after publication. A report, not a
-- test: it measures, and nothing here is expected to come out one way.
--
--   lua5.4 tools/ach_report.lua [data/abb-polianskii-2022]

local sinorus = require "sinorus"
local achrules = require "achrules"

local DIR = (arg and arg[1] or "data/abb-polianskii-2022"):gsub("/$", "") .. "/"
-- The hypothesis the article's thesis states ("Any Chinese support that
-- Russia can expect in the current crisis is likely to be rhetorical").
local THESIS = "h-rhetorical"

local kb = sinorus.open()
local data = achrules.read_records(DIR .. "kb/hypotheses.lua")
local first = achrules.read_coder(DIR .. "blind/first-coder.lua")
local second_path = DIR .. "blind/second-coder.lua"
local second = achrules.slurp(second_path) and achrules.read_coder(second_path)
local adj_path = DIR .. "blind/adjudication.lua"
local adjudication = achrules.slurp(adj_path) and achrules.read_coder(adj_path) or {}

local function fmt(x, pattern)
  if x == nil then return "n/a" end
  return (pattern or "%.3f"):format(x)
end

local function agreement_row(label, lists, level)
  local r = sinorus.agreement(lists, { level = level })
  print(("  %-30s %7s %7s %8s   (%d units)"):format(label, fmt(r.alpha), fmt(r.kappa),
    fmt(r.percent and r.percent * 100, "%.1f%%"), r.pairable_units))
end

local function header()
  print(("  %-30s %7s %7s %8s"):format("", "alpha", "kappa", "percent"))
end

-- The adjudicated ratings: the data's own, for the article's items.
local adjudicated = {}
for _, it in ipairs(achrules.article_items(data)) do
  adjudicated[it.id] = {}
  for h, r in pairs(it.ratings) do adjudicated[it.id][h] = achrules.rating(r) end
end

print("ACH ratings of the article's items (" .. DIR .. "kb/hypotheses.lua)")
if not second then
  print("  no second coding (" .. second_path .. " is missing): no agreement to report")
else
  local problems = achrules.check_blind(data, first, second)
  for _, p in ipairs(problems) do print("  PROBLEM: " .. p) end
  local lists, units = achrules.rating_units(data, { first.ratings, second.ratings, adjudicated })
  print(("  %d items x %d hypotheses = %d ratings, ordinal (II < I < N < C < CC; NA missing)")
    :format(#achrules.article_items(data), #data.hypothesis, #units))
  header()
  agreement_row("before: first vs second", { lists[1], lists[2] }, "ordinal")
  agreement_row("after: adjudicated vs first", { lists[3], lists[1] }, "ordinal")
  agreement_row("after: adjudicated vs second", { lists[3], lists[2] }, "ordinal")
  local n, to_first, to_second, other = 0, 0, 0, 0
  local by_h = {}
  for i, u in ipairs(units) do
    if lists[1][i] ~= lists[2][i] then
      n = n + 1
      by_h[u.hypothesis] = (by_h[u.hypothesis] or 0) + 1
      if lists[3][i] == lists[1][i] then to_first = to_first + 1
      elseif lists[3][i] == lists[2][i] then to_second = to_second + 1
      else other = other + 1 end
    end
  end
  print(("  disagreements: %d (adjudicated as the first coder rated: %d, as the second: %d, neither: %d)")
    :format(n, to_first, to_second, other))
  local hs = {}
  for _, h in ipairs(data.hypothesis) do hs[#hs + 1] = ("%s %d"):format(h.id, by_h[h.id] or 0) end
  print("  disagreements by hypothesis: " .. table.concat(hs, ", "))
end

print()
print("Factor classes (kb/factors.lua)")
local factors = kb:factors()
local current, ids = {}, {}
for _, f in ipairs(factors) do
  current[f.id] = f.kind
  ids[#ids + 1] = f.id
end
if not second then
  print("  no second coding: no agreement to report")
else
  -- the adjudicated classes: the first coder's, unless adjudication.lua decides
  local decided = {}
  for _, id in ipairs(ids) do
    local d = (adjudication.factor_class or {})[id]
    decided[id] = d and d[1] or first.factor_class[id]
  end
  local lists = achrules.class_units(ids, { first.factor_class, second.factor_class, decided })
  -- the coders classed the factors of their day: name those since merged or added
  local both, gone, added = 0, {}, {}
  for _, id in ipairs(ids) do
    if first.factor_class[id] and second.factor_class[id] then both = both + 1
    else added[#added + 1] = id end
  end
  for id in pairs(second.factor_class) do
    if not current[id] then gone[#gone + 1] = id end
  end
  table.sort(gone)
  print(("  %d factors, %d of them classed by both coders, nominal (driver, irritant)")
        :format(#ids, both))
  if #added > 0 then
    print("  added after the blind coding (not in the units): " .. table.concat(added, ", "))
  end
  if #gone > 0 then
    print("  blind-coded, since merged away by the codebook's rules: " .. table.concat(gone, ", "))
  end
  header()
  agreement_row("before: first vs second", { lists[1], lists[2] }, "nominal")
  agreement_row("after: adjudicated vs first", { lists[3], lists[1] }, "nominal")
  agreement_row("after: adjudicated vs second", { lists[3], lists[2] }, "nominal")
  local changes = 0
  for _, id in ipairs(ids) do
    local d = (adjudication.factor_class or {})[id]
    if d and d[1] ~= current[id] then
      changes = changes + 1
      print(("  change %s: %s -> %s: %s"):format(id, current[id], d[1], d[2]))
    elseif first.factor_class[id] ~= second.factor_class[id] then
      print(("  keep %s as %s (second coder: %s): %s"):format(id, current[id],
        tostring(second.factor_class[id]), d and d[2] or "no adjudication recorded"))
    end
  end
  print(("  classes the adjudication changes in kb/factors.lua: %d"):format(changes))
end

print()
local published = kb:sources()[1].published
for _, as_of in ipairs { published, false } do
  local r = as_of and kb:ach { as_of = as_of } or kb:ach()
  local n = #(as_of and kb:items { as_of = as_of } or kb:items())
  print(("ACH ranking (%s, %d items; least inconsistent first)")
    :format(as_of and "the article's items, as of " .. as_of or "with the items after publication", n))
  for _, h in ipairs(r.hypotheses) do
    print(("  %d. %-13s %8.2f"):format(h.rank, h.hypothesis, h.score))
    if as_of and h.hypothesis == THESIS then
      print(("     (the article's thesis, support in words only, ranks %d of %d)"):format(h.rank, #r.hypotheses))
    end
  end
  if #r.pivotal > 0 then print("  pivotal items: " .. table.concat(r.pivotal, ", ")) end
end
