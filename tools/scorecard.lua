-- tools/scorecard.lua: the scorecard of doc/forecasts.md, computed by the
-- library from the built-in knowledge base (kb:scores, kb:timeline), so the
-- numbers in the doc cannot go stale: `make docs` writes it between the
-- SCORECARD markers, spec/forecasts_doc_spec.lua checks that the doc holds
-- exactly what this gives.
--
--   local scorecard = require "scorecard"
--   scorecard.text(kb)                 -> the Markdown between the markers
--   scorecard.update(path, kb)         -> rewrites the doc in place

local M = {}

M.BEGIN = "<!-- SCORECARD BEGIN: written by tools/scorecard.lua (make docs) -->"
M.END = "<!-- SCORECARD END -->"

local function num(x, fmt)
  if x == nil then return "–" end
  return string.format(fmt or "%.3f", x)
end

function M.text(kb)
  local s, ex = kb:scores(), kb:scores { partly = "exclude" }
  local out = {}
  local function add(fmt, ...) out[#out + 1] = string.format(fmt, ...) end
  add("Over the %d forecasts with a band, %d are scored (%d yes, %d no, %d partly);",
      s.n, s.scored, s.yes, s.no, s.partly)
  add("%d are not yet resolved and %d unresolvable. Computed by `kb:scores()`.", s.not_yet,
      s.unresolvable)
  add("")
  add("| measure | partly as 0.5 | partly left out |")
  add("| --- | --- | --- |")
  add("| forecasts scored | %d | %d |", s.scored, ex.scored)
  add("| Brier score at the band midpoints (mean) | %s | %s |", num(s.brier), num(ex.brier))
  add("| range of the mean Brier score over the bands | %s–%s | %s–%s |", num(s.brier_min),
      num(s.brier_max), num(ex.brier_min), num(ex.brier_max))
  add("| log score (mean, bits) | %s | %s |", num(s.log), num(ex.log))
  add("| base rate | %s | %s |", num(s.base_rate), num(ex.base_rate))
  add("| reliability | %s | %s |", num(s.reliability), num(ex.reliability))
  add("| resolution | %s | %s |", num(s.resolution), num(ex.resolution))
  add("| uncertainty | %s | %s |", num(s.uncertainty), num(ex.uncertainty))
  add("| skill against always-0.5 | %s | %s |", num(s.skill_half), num(ex.skill_half))
  add("| skill against the base rate | %s | %s |", num(s.skill_base), num(ex.skill_base))
  add("")
  add("Calibration by estimative band (partly as 0.5):")
  add("")
  add("| band | forecasts | mean forecast | observed |")
  add("| --- | --- | --- | --- |")
  for _, c in ipairs(s.calibration) do
    add("| %s | %d | %s | %s |", c.band, c.n, num(c.mean_p), num(c.observed))
  end
  add("")
  local t = kb:timeline()
  local first, last = t.rows[1], t.rows[#t.rows]
  add("The ranking of the article's hypotheses (`kb:timeline()`), at publication and at")
  add("the last evidence:")
  add("")
  add("| as of | items | ranking (least inconsistent first) |")
  add("| --- | --- | --- |")
  for _, row in ipairs { first, last } do
    local parts = {}
    for i, h in ipairs(row.ranking) do
      parts[i] = string.format("%s (%s)", h, num(row.scores[h], "%.2f"))
    end
    add("| %s | %d | %s |", row.date, row.items, table.concat(parts, ", "))
  end
  return table.concat(out, "\n")
end

-- The doc with the text between its markers replaced; nil, message when
-- the markers are missing.
function M.replace(doc, text)
  local a = doc:find(M.BEGIN, 1, true)
  local b = doc:find(M.END, 1, true)
  if not a or not b or b < a then return nil, "SCORECARD markers not found" end
  return doc:sub(1, a + #M.BEGIN - 1) .. "\n" .. text .. "\n" .. doc:sub(b)
end

-- The text between the markers of a doc, or nil.
function M.current(doc)
  local a = doc:find(M.BEGIN, 1, true)
  local b = doc:find(M.END, 1, true)
  if not a or not b or b < a then return nil end
  return doc:sub(a + #M.BEGIN + 1, b - 2)
end

function M.update(path, kb)
  local f = assert(io.open(path, "rb"))
  local doc = f:read("a")
  f:close()
  local new = assert(M.replace(doc, M.text(kb)))
  if new ~= doc then
    local tmp = path .. ".tmp"
    f = assert(io.open(tmp, "wb"))
    assert(f:write(new))
    assert(f:close())
    assert(os.rename(tmp, path))
  end
end

if arg and arg[0] and arg[0]:match("scorecard%.lua$") then
  local sinorus = require "sinorus"
  local kb = assert(sinorus.open())
  M.update(arg[1] or "doc/forecasts.md", kb)
  kb:close()
end

return M
