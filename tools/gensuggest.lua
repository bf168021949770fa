-- tools/gensuggest.lua: the generated parts of doc/suggest.md, the rule
-- tables of lua/sinorus/suggest.lua and the figures of the suggester on
-- the two hand-coded documents (spec/support/suggest_eval.lua).
--
--   lua5.4 tools/gensuggest.lua doc/suggest.md     rewrites the two blocks
--   lua5.4 tools/gensuggest.lua --check FILE       exits 1 when FILE differs
--
-- Each block stands between <!-- NAME --> and <!-- /NAME --> (NAME: rules,
-- figures); the rest of the file is prose and is kept. `make docs` runs
-- the first form; spec/suggest_eval_spec.lua the second.

local suggest = require "sinorus.suggest"
local eval = require "spec.support.suggest_eval"

local R = suggest.rules

local function words(list)
  local out = {}
  for i, w in ipairs(list) do out[i] = "`" .. w .. "`" end
  return table.concat(out, ", ")
end

local function rules()
  local o = {}
  local function add(s) o[#o + 1] = s end
  add("| rule | phrases |")
  add("| --- | --- |")
  add("| judgment, weight 2 (a candidate on its own) | " .. words(R.judgment[2]) .. " |")
  add("| judgment, weight 1 | " .. words(R.judgment[1]) .. " |")
  add("| reported view (-3 without a hedge of the sentence's own) | " .. words(R.reported) .. " |")
  add("| plain fact (-2) | " .. words(R.factual) .. ", and the patterns "
      .. words(R.factual_cues) .. " |")
  add("| horizon short | " .. words(R.horizon.short) .. " |")
  add("| horizon long | " .. words(R.horizon.long) .. " |")
  add("| speech (the entity before it speaks, a person first) | " .. words(R.speech) .. " |")
  add("| speech (the entity after it speaks) | " .. words(R.speech_after) .. " |")
  add("| possessive before a quote (the subject before it speaks) | "
      .. words(R.possessive) .. " |")
  add("| a document as subject | " .. words(R.document_nouns) .. " |")
  local marks = {}
  for _, q in ipairs(R.quotes) do marks[#marks + 1] = q[1] .. "…" .. q[2] end
  add("| quotation marks | " .. table.concat(marks, " ") .. " |")
  add("| future (no event on a relative date) | " .. words(R.future) .. " |")
  add("| irregular past tense | " .. words(R.past) .. " |")
  add("| -ed words that are not a past tense | " .. words(R.not_past) .. " |")
  local rel = {}
  for _, r in ipairs(R.relative) do
    rel[#rel + 1] = string.format("`%s` (%s %d)", r[1], r[2], r[3])
  end
  add("| relative dates (unit back from the source's date; window: days) | "
      .. table.concat(rel, ", ") .. " |")
  for _, k in ipairs { "company", "organization", "document", "initiative", "event", "place" } do
    add("| entity kind " .. k .. " (a word of the name) | " .. words(R.entity_kind[k]) .. " |")
  end
  add("")
  add("| CAMEO root | Goldstein | verbs and nouns |")
  add("| --- | --- | --- |")
  for _, r in ipairs(R.cameo) do
    add(string.format("| %s | %.1f | %s |", r[1], r[2], words(r[3])))
  end
  return table.concat(o, "\n")
end

local function pct(x)
  if x ~= x then return "n/a" end
  return string.format("%.2f", x)
end

local TARGETS = { claim = { 0.8, 0.6 }, quote = { 0.8, 0.6 }, event = { 0.7, 0.6 } }

local function figures()
  local o = {}
  local function add(s) o[#o + 1] = s end
  local docs = {
    { "the article (Abb & Polianskii 2022)", eval.article() },
    { "the second document (spec/fixtures/suggest-doc)", eval.folder("spec/fixtures/suggest-doc") },
    { "its last four sections, which the rules never saw before they ran on them",
      eval.folder("spec/fixtures/suggest-doc", "The view from the delta", "Recommendations\n") },
  }
  for _, d in ipairs(docs) do
    local name, r = d[1], d[2]
    add(string.format("**%s**, %d sentences:", name, r.sentences))
    add("")
    add("| kind | candidates | gold | precision | recall | more | target (recall, precision) |")
    add("| --- | --- | --- | --- | --- | --- | --- |")
    local function row(kind, more, t, label)
      t = t or r[kind]
      local tg = TARGETS[kind]
      local target = tg and string.format("%.1f, %.1f: %s", tg[1], tg[2],
        (t.recall >= tg[1] and t.precision >= tg[2]) and "met" or "missed") or ""
      add(string.format("| %s | %d | %d | %s | %s | %s | %s |", label or kind, t.candidates, t.gold,
                        pct(t.precision), pct(t.recall), more, target))
    end
    row("claim", "band overlap " .. pct(r.claim.band) .. "; every sentence a claim: precision "
        .. pct(r.claim.baseline_precision))
    row("quote", "speaker " .. pct(r.quote.speaker) .. " (target 0.9: "
        .. (r.quote.speaker >= 0.9 and "met" or "missed") .. ")")
    row("event", "on the sentence alone " .. pct(r.event.sentence_recall)
        .. "; of the " .. r.event.stated .. " whose sentence writes the year "
        .. pct(r.event.stated_recall))
    local ec = r.event_chronology
    if ec then
      row("event", string.format("%d of the candidates dated by the chronology (%d of them "
          .. "matching); on the sentence alone %s", ec.dated, ec.dated_tp,
          pct(ec.sentence_recall)), ec, "event, with the chronology")
    end
    if r.entity then row("entity", "empty catalogue; recall over the entities the text names") end
    add("")
    if #r.claim.missed > 0 then
      add("Claims missed: " .. table.concat(r.claim.missed, ", ") .. ".")
    end
    if #r.quote.wrong_speaker > 0 then
      add("Speakers missed (suggested in brackets): "
          .. table.concat(r.quote.wrong_speaker, ", ") .. ".")
    end
    add("")
  end
  return table.concat(o, "\n"):gsub("\n+$", "")
end

local function fill(doc)
  local blocks = { rules = rules(), figures = figures() }
  for name, body in pairs(blocks) do
    local open, close = "<!-- " .. name .. " -->", "<!-- /" .. name .. " -->"
    local a = doc:find(open, 1, true)
    local b = doc:find(close, 1, true)
    assert(a and b and b > a, "no block " .. name)
    doc = doc:sub(1, a + #open - 1) .. "\n" .. body .. "\n" .. doc:sub(b)
  end
  return doc
end

local check = arg[1] == "--check"
local path = check and arg[2] or arg[1]
local f = assert(io.open(path, "rb"))
local doc = f:read("a")
f:close()
local new = fill(doc)
if check then
  if new ~= doc then
    io.stderr:write(path .. ": the generated blocks are out of date (make docs)\n")
    os.exit(1)
  end
else
  f = assert(io.open(path, "wb"))
  f:write(new)
  f:close()
end
