-- tools/achrules.lua: the ACH coding rules of data/README.md section 9,
-- checked on the data files, and the files of the blind second coding.
--
--   local achrules = require "achrules"
--   local data = achrules.read_records("data/abb-polianskii-2022/kb/hypotheses.lua")
--   local rows = achrules.partition(readme_text)
--   local problems = achrules.check(data, rows, article_text, readme_text)
--
-- Used by spec/ach_rules_spec.lua (the data must give no problem, broken
-- copies the expected one) and tools/ach_report.lua (agreement, ranking).
-- The rules themselves are stated once, in the README; this module parses
-- the README's partition table and rule names rather than repeating them.

local M = {}

-- The ratings in order, from very inconsistent to very consistent: the
-- ordinal scale of the agreement figures. NA is no value on it (missing).
M.SCALE = { "II", "I", "N", "C", "CC" }
M.RANK = {}
for i, r in ipairs(M.SCALE) do M.RANK[r] = i end
M.RATINGS = { II = true, I = true, N = true, C = true, CC = true, NA = true }
M.CLASSES = { driver = true, irritant = true }
-- The ratings rule R3 requires a reason for.
M.NEEDS_REASON = { CC = true, I = true, II = true, NA = true }
-- The prefix of a reason that records an adjudicated disagreement.
M.ADJUDICATED = "Adjudicated:"

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end
M.slurp = slurp

-- Runs a data file whose only names are record constructors; returns the
-- records grouped by constructor name, in order.
function M.read_records(path)
  local src = assert(slurp(path))
  local out = setmetatable({}, { __index = function(t, k) local l = {}; rawset(t, k, l); return l end })
  local env = setmetatable({}, {
    __index = function(_, name)
      return function(t) local l = out[name]; l[#l + 1] = t end
    end,
    __newindex = function(_, k) error("assignment to global " .. tostring(k), 2) end,
  })
  assert(load(src, "=" .. path, "t", env))()
  return out
end

-- Loads a coder's file (a chunk returning a table) with no globals.
function M.read_coder(path)
  local src = assert(slurp(path))
  local t = assert(load(src, "=" .. path, "t", {}))()
  assert(type(t) == "table", path .. ": the chunk must return a table")
  return t
end

-- A rating as the data gives it: "C" or {"C", "why"}; returns rating, reason.
function M.rating(r)
  if type(r) == "table" then return r[1], r[2] end
  return r, nil
end

-- The partition table of section 9: rows {level, id, excludes = {[id] =
-- phrase}, markers = {...}}, top level first, as the README lists them.
function M.partition(readme)
  local sec = readme:match("\n## 9%. .-\n## ")
  if not sec then return nil, "section 9 not found" end
  local rows = {}
  for line in sec:gmatch("[^\n]+") do
    local cells = {}
    if line:match("^|") then
      for cell in line:sub(2):gmatch("%s*(.-)%s*|") do cells[#cells + 1] = cell end
    end
    local level, id = tonumber(cells[1]), cells[2] and cells[2]:match("^(h%-[%w-]+)$")
    if level and id and #cells == 5 then
      local row = { level = level, id = id, excludes = {}, markers = {} }
      for group in (cells[4] .. ";"):gmatch("%s*(.-)%s*;") do
        local ids, phrase = group:match('^(.-):%s*"(.-)"$')
        if ids then
          for hid in ids:gmatch("[%w-]+") do row.excludes[hid] = phrase end
        elseif group ~= "" then
          return nil, ("hypothesis %s: cannot read excludes %q"):format(id, group)
        end
      end
      for m in cells[5]:gmatch('"(.-)"') do row.markers[#row.markers + 1] = m end
      rows[#rows + 1] = row
    end
  end
  if #rows == 0 then return nil, "no partition table in section 9" end
  return rows
end

-- The rule names the README declares ("**Rule R1 (...)**").
function M.rule_names(readme)
  local names = {}
  for name in readme:gmatch("%*%*Rule (%u%d+)") do names[name] = true end
  return names
end

local function problem_list()
  local problems = {}
  return problems, function(fmt, ...) problems[#problems + 1] = fmt:format(...) end
end

local function sorted(t)
  table.sort(t)
  return t
end

-- The items of the article (evidence phrases) and after it (events).
function M.article_items(data)
  local out = {}
  for _, it in ipairs(data.item) do
    if it.evidence then out[#out + 1] = it end
  end
  return out
end

-- Every rule of section 9 that can be checked on the data; a list of
-- problems, sorted (none when the data follow the rules).
function M.check(data, rows, article, readme)
  local problems, bad = problem_list()
  local hyps = data.hypothesis
  -- H1: the table's hypotheses are the data's, in the data's order, on
  -- contiguous levels from the top; every pair declared exclusive by the
  -- lower one, with a phrase of its own text.
  local text, level = {}, {}
  for _, h in ipairs(hyps) do text[h.id] = h.text end
  if #rows ~= #hyps then bad("H1: the table has %d hypotheses, the data %d", #rows, #hyps) end
  for i, row in ipairs(rows) do
    level[row.id] = row.level
    if not hyps[i] or hyps[i].id ~= row.id then
      bad("H1: row %d of the table is %s, the data's hypothesis %d is %s", i, row.id, i,
          hyps[i] and hyps[i].id or "missing")
    end
    if row.level ~= #rows - i + 1 then bad("H1: %s is on level %d, expected %d", row.id, row.level, #rows - i + 1) end
  end
  for _, lower in ipairs(rows) do
    for _, upper in ipairs(rows) do
      if upper.level > lower.level then
        local phrase = lower.excludes[upper.id]
        if not phrase then
          bad("H1: %s does not declare how it excludes %s", lower.id, upper.id)
        elseif not (text[lower.id] or ""):find(phrase, 1, true) then
          bad("H1: %s excludes %s by %q, which its text does not say", lower.id, upper.id, phrase)
        end
      end
    end
    for hid in pairs(lower.excludes) do
      if not level[hid] then bad("H1: %s excludes unknown hypothesis %s", lower.id, hid)
      elseif level[hid] <= lower.level then bad("H1: %s excludes %s, which is not above it", lower.id, hid) end
    end
  end
  -- H2/I1: the markers are the article's words for each answer; no item
  -- carries one in its text or its evidence.
  local lower_article = article:lower()
  for _, row in ipairs(rows) do
    if #row.markers == 0 then bad("I1: %s has no marker", row.id) end
    for _, m in ipairs(row.markers) do
      if not lower_article:find(m:lower(), 1, true) then
        bad("I1: marker %q of %s is not in the article", m, row.id)
      end
      for _, it in ipairs(data.item) do
        local where = { it.text or "" }
        for _, p in ipairs(it.evidence or {}) do where[#where + 1] = p end
        for _, s in ipairs(where) do
          if s:lower():find(m:lower(), 1, true) then
            bad("I1: item %s restates %s (marker %q)", it.id, row.id, m)
            break
          end
        end
      end
    end
  end
  -- I2: no evidence phrase shared by two items, nor one inside another's.
  local items = M.article_items(data)
  for i, a in ipairs(items) do
    for _, pa in ipairs(a.evidence) do
      if not article:find(pa, 1, true) then bad("item %s: phrase not in the article: %q", a.id, pa) end
      for j = i + 1, #items do
        for _, pb in ipairs(items[j].evidence) do
          if pa:find(pb, 1, true) or pb:find(pa, 1, true) then
            bad("I2: items %s and %s rest on the same phrase %q", a.id, items[j].id,
                #pa < #pb and pa or pb)
          end
        end
      end
    end
  end
  -- R1, R2, R3 on every rating; rule names cited in reasons are the README's.
  local rules = M.rule_names(readme)
  for _, it in ipairs(data.item) do
    if not it.evidence and not (it.events and #it.events > 0) then
      bad("item %s rests on no evidence", it.id)
    end
    for _, h in ipairs(hyps) do
      local r, why = M.rating((it.ratings or {})[h.id])
      if not M.RATINGS[r] then
        bad("item %s rates %s %s", it.id, h.id, tostring(r))
      else
        if (r == "CC" or r == "II") and it.credibility ~= "high" then
          bad("R1: item %s (credibility %s) rates %s %s", it.id, tostring(it.credibility), h.id, r)
        end
        if M.NEEDS_REASON[r] and not (type(why) == "string" and why:find("%S")) then
          bad("R3: item %s rates %s %s without a reason", it.id, h.id, r)
        end
        if why and why:find("%f[%w]R2%f[%W]") and (r == "CC" or r == "II") then
          bad("R2: item %s rates a discounted reading of %s %s", it.id, h.id, r)
        end
        for name in (why or ""):gmatch("%f[%w](%u%d+)%l?%f[%W]") do
          if not rules[name] then bad("item %s cites rule %s for %s, which the README does not state", it.id, name, h.id) end
        end
      end
    end
  end
  return sorted(problems)
end

-- One coder's file: it rates every article item against every hypothesis
-- with a rating of the scale, and classes factors as drivers or irritants.
function M.check_coder(data, coder, name)
  local problems, bad = problem_list()
  if type(coder) ~= "table" or type(coder.ratings) ~= "table" then
    bad("%s coder: no ratings", name)
    return problems
  end
  for _, it in ipairs(M.article_items(data)) do
    for _, h in ipairs(data.hypothesis) do
      local v = (coder.ratings[it.id] or {})[h.id]
      if not M.RATINGS[v] then bad("%s coder rates %s against %s %s", name, it.id, h.id, tostring(v)) end
    end
  end
  for id, cls in pairs(coder.factor_class or {}) do
    if not M.CLASSES[cls] then bad("%s coder: factor %s is %s", name, id, tostring(cls)) end
  end
  return sorted(problems)
end

-- The blind coding against the adjudicated data: where the two coders
-- disagree the data's reason records the adjudication, where they agree
-- the data keep their rating. A list of problems, sorted.
function M.check_blind(data, first, second)
  local problems, bad = problem_list()
  for name, coder in pairs { first = first, second = second } do
    for _, p in ipairs(M.check_coder(data, coder, name)) do problems[#problems + 1] = p end
  end
  if #problems > 0 then return sorted(problems) end
  for _, it in ipairs(M.article_items(data)) do
    for _, h in ipairs(data.hypothesis) do
      local a, b = first.ratings[it.id][h.id], second.ratings[it.id][h.id]
      local r, why = M.rating(it.ratings[h.id])
      if a ~= b then
        if not (why and why:sub(1, #M.ADJUDICATED) == M.ADJUDICATED) then
          bad("%s/%s: coders disagree (%s, %s) and the reason records no adjudication", it.id, h.id, a, b)
        end
      elseif r ~= a then
        bad("%s/%s: both coders rate %s, the data %s", it.id, h.id, a, tostring(r))
      end
    end
  end
  return sorted(problems)
end

-- The units of a coding as parallel lists for sinorus.agreement: one
-- value per (item, hypothesis) of the article, ordinal ranks (NA missing).
function M.rating_units(data, codings)
  local lists, units = {}, {}
  for k = 1, #codings do lists[k] = {} end
  for _, it in ipairs(M.article_items(data)) do
    for _, h in ipairs(data.hypothesis) do
      units[#units + 1] = { item = it.id, hypothesis = h.id }
      for k, c in ipairs(codings) do
        lists[k][#units] = M.RANK[M.rating((c[it.id] or {})[h.id])] or false
      end
    end
  end
  return lists, units
end

-- The same for factor classes (nominal), over the factors all codings class.
function M.class_units(ids, codings)
  local lists = {}
  for k = 1, #codings do lists[k] = {} end
  for i, id in ipairs(ids) do
    for k, c in ipairs(codings) do lists[k][i] = c[id] or false end
  end
  return lists
end

return M
