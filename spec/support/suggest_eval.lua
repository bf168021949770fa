-- spec/support/suggest_eval.lua: measures kb:suggest against a hand-coded
-- document with its coding hidden (issue 20, item 3). Shared by
-- spec/suggest_eval_spec.lua, bench/suggest.lua and tools/gensuggest.lua
-- (the figures of doc/suggest.md).
--
--   local eval = require "spec.support.suggest_eval"
--   local r = eval.article()            -- the built-in article
--   local r = eval.folder(dir)          -- a folder as data/README.md codes one
--   r.claim.precision, r.claim.recall, r.claim.band, r.quote.speaker, ...
--
-- The document is imported into a new file with the entity catalogue of
-- its coding (the names an analyst has before coding) and nothing else;
-- kb:suggest runs there. Matching (the issue's rules):
--   claim   a candidate on a sentence a gold claim rests on; band: the
--           intervals of a matched pair overlap (both without one agree)
--   quote   the same quoted text in the same sentence; speaker: the entity
--   event   a candidate on a sentence a gold event rests on whose date's
--           period overlaps the gold date's
--   entity  (run again with an empty catalogue) a suggested name equal,
--           after folding, to a gold entity's name or alias; recall over
--           the gold entities the text mentions
-- Segments are compared by their offsets, not their ids.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local core = require "sinorus.core"
local suggest = require "sinorus.suggest"

local fs = require "spec.support.fs"

local M = {}

local function tmpdb() return fs.tmpname(".sqlite") end
local drop = fs.remove_db

-- The gold coding of source `source` of kb, keyed by segment offsets.
local function gold_of(kb, source)
  local start = {}
  for r in kb:rows("SELECT id, start FROM segment WHERE source = ?", source) do
    start[r.id] = r.start
  end
  local g = { claims = {}, quotes = {}, events = {}, entities = {} }
  local function starts(ids)
    local out = {}
    for _, id in ipairs(ids or {}) do if start[id] then out[#out + 1] = start[id] end end
    return out
  end
  for _, c in ipairs(kb:claims()) do
    local at = starts(c.evidence)
    if #at > 0 then g.claims[#g.claims + 1] = { id = c.id, at = at, p_low = c.p_low,
                                                 p_high = c.p_high } end
  end
  for _, q in ipairs(kb:quotes()) do
    if start[q.segment] then
      g.quotes[#g.quotes + 1] = { id = q.id, at = start[q.segment], text = q.text,
                                  speaker = q.speaker }
    end
  end
  for _, e in ipairs(kb:events()) do
    local at = starts(e.evidence)
    if #at > 0 then g.events[#g.events + 1] = { id = e.id, at = at, date = e.date } end
  end
  local mentioned = {}
  for r in kb:rows([[SELECT DISTINCT m.entity AS e FROM mention m JOIN segment s
      ON s.id = m.segment WHERE s.source = ?]], source) do mentioned[r.e] = true end
  for _, e in ipairs(kb:entities()) do
    local names = { [core.fold(e.name)] = true }
    for _, a in ipairs(e.aliases or {}) do names[core.fold(a)] = true end
    g.entities[#g.entities + 1] = { id = e.id, names = names, mentioned = mentioned[e.id] }
  end
  g.catalogue = kb:entities()
  g.source = kb:source(source)
  g.text = kb:text(source)
  return g
end

-- A new file holding the document and, with catalogue, the entities.
local function fresh(g, catalogue)
  local path = tmpdb()
  local kb = assert(sinorus.open(path, { create = true }))
  local s = g.source
  local id = kb:add_source { title = s.title, authors = s.authors, published = s.published,
                             text = g.text }
  if catalogue then
    kb:transaction(function()
      for _, e in ipairs(g.catalogue) do
        kb:add_entity { id = e.id, name = e.name, kind = e.kind, aliases = e.aliases }
      end
    end)
  end
  return kb, id, path
end

local function overlaps(a1, a2, b1, b2) return a1 <= b2 and b1 <= a2 end

local function ratio(n, d) return d > 0 and n / d or 0 / 0 end

-- Runs the suggester against gold g; returns the figures.
-- Runs the suggester against gold g; returns the figures. With range
-- ({first, last} offsets in the text), only the gold records resting on
-- a sentence starting there and the candidates there count, and entities
-- are not measured.
local function measure(g, range, chron_file)
  local function within(a) return not range or (a >= range[1] and a < range[2]) end
  if range then
    local kept = {}
    for _, k in ipairs { "claims", "events" } do
      kept[k] = {}
      for _, rec in ipairs(g[k]) do
        local at = {}
        for _, a in ipairs(rec.at) do if within(a) then at[#at + 1] = a end end
        if #at > 0 then
          local copy = {}
          for f, v in pairs(rec) do copy[f] = v end
          copy.at = at
          kept[k][#kept[k] + 1] = copy
        end
      end
    end
    kept.quotes = {}
    for _, q in ipairs(g.quotes) do if within(q.at) then kept.quotes[#kept.quotes + 1] = q end end
    g = setmetatable(kept, { __index = g })
  end
  local kb, id, path = fresh(g, true)
  local t0 = os.clock()
  local cands = kb:suggest { source = id, kinds = { "claim", "quote", "event" } }
  local secs = os.clock() - t0
  local start = {}
  for r in kb:rows("SELECT id, start FROM segment WHERE source = ?", id) do
    start[r.id] = r.start
  end
  local by = { claim = {}, quote = {}, event = {} }
  for _, c in ipairs(cands) do
    if within(start[c.segment]) then
      local list = by[c.kind]
      list[#list + 1] = c
    end
  end
  local r = { seconds = secs, sentences = kb:sql([[SELECT count(*) AS n FROM segment
    WHERE source = ? AND kind = 'sentence' AND duplicate_of IS NULL
    AND start >= ? AND start < ?]], id, range and range[1] or 0,
    range and range[2] or math.maxinteger)[1].n }
  local text_at = {}
  for s in kb:rows("SELECT start, text FROM segment WHERE source = ?", id) do
    text_at[s.start] = s.text
  end

  -- claims
  local claim_at, gold_at = {}, {}
  for _, c in ipairs(by.claim) do claim_at[start[c.segment]] = c end
  for _, gc in ipairs(g.claims) do for _, a in ipairs(gc.at) do gold_at[a] = true end end
  local tp, found, band_ok, band_n, misses = 0, 0, 0, 0, {}
  for _, c in ipairs(by.claim) do if gold_at[start[c.segment]] then tp = tp + 1 end end
  for _, gc in ipairs(g.claims) do
    local hit
    for _, a in ipairs(gc.at) do hit = hit or claim_at[a] end
    if hit then
      found = found + 1
      band_n = band_n + 1
      local f = hit.fields
      if (gc.p_low == nil and f.p_low == nil) or (gc.p_low and f.p_low and
          overlaps(gc.p_low, gc.p_high, f.p_low, f.p_high)) then
        band_ok = band_ok + 1
      end
    else
      misses[#misses + 1] = gc.id
    end
  end
  r.claim = { candidates = #by.claim, gold = #g.claims, precision = ratio(tp, #by.claim),
              recall = ratio(found, #g.claims), band = ratio(band_ok, band_n), missed = misses }

  -- quotes
  local qkey = function(at, text) return at .. "\0" .. text end
  local cq = {}
  for _, c in ipairs(by.quote) do cq[qkey(start[c.segment], c.fields.text)] = c end
  local gq = {}
  for _, q in ipairs(g.quotes) do gq[qkey(q.at, q.text)] = q end
  local qtp, qfound, sp_ok, wrong = 0, 0, 0, {}
  for k in pairs(cq) do if gq[k] then qtp = qtp + 1 end end
  local names = {}
  for _, e in ipairs(g.entities) do names[e.id] = e.names end
  for _, q in ipairs(g.quotes) do
    local c = cq[qkey(q.at, q.text)]
    if c then
      qfound = qfound + 1
      local ok = c.fields.speaker == q.speaker or (c.fields.speaker == nil and c.new_speaker
        and names[q.speaker] and names[q.speaker][core.fold(c.new_speaker.name)])
      if ok then sp_ok = sp_ok + 1 else
        wrong[#wrong + 1] = q.id .. " (" .. tostring(c.fields.speaker or
          (c.new_speaker and c.new_speaker.name)) .. ")"
      end
    end
  end
  r.quote = { candidates = #by.quote, gold = #g.quotes, precision = ratio(qtp, #by.quote),
              recall = ratio(qfound, #g.quotes), speaker = ratio(sp_ok, qfound),
              wrong_speaker = wrong }

  -- events: without a chronology, then with the one given (imported as
  -- any document is) when there is one
  local function events_of(list)
  local etp, efound, esent, stated, stated_found = 0, 0, 0, 0, 0
  local function ev_match(c, ge)
    local a1, a2 = suggest.period(c.date_low), select(2, suggest.period(c.date_high))
    local b1, b2 = suggest.period(ge.date)
    local in_sentence = false
    for _, a in ipairs(ge.at) do if a == start[c.segment] then in_sentence = true end end
    return in_sentence, in_sentence and a1 and b1 and overlaps(a1, a2, b1, b2)
  end
  -- the candidates a chronology dated, and those of them that match
  local dated, dated_tp = 0, 0
  for _, c in ipairs(list) do
    local m = false
    for _, ge in ipairs(g.events) do
      local _, both = ev_match(c, ge)
      if both then m = true end
    end
    if m then etp = etp + 1 end
    if c.why:find("^chronology") then
      dated = dated + 1
      if m then dated_tp = dated_tp + 1 end
    end
  end
  for _, ge in ipairs(g.events) do
    local s_hit, hit = false, false
    for _, c in ipairs(list) do
      local s1, both = ev_match(c, ge)
      s_hit = s_hit or s1
      hit = hit or both
    end
    if hit then efound = efound + 1 end
    if s_hit then esent = esent + 1 end
    -- the events whose sentence writes their year
    local written = false
    for _, a in ipairs(ge.at) do
      if text_at[a]:find(ge.date:sub(1, 4), 1, true) then written = true end
    end
    if written then
      stated = stated + 1
      if hit then stated_found = stated_found + 1 end
    end
  end
  return { candidates = #list, gold = #g.events, precision = ratio(etp, #list),
           recall = ratio(efound, #g.events), sentence_recall = ratio(esent, #g.events),
           stated = stated, stated_recall = ratio(stated_found, stated),
           dated = dated, dated_tp = dated_tp }
  end
  r.event = events_of(by.event)
  if chron_file then
    local summary = kb:import { files = { chron_file } }
    local chron = summary.sources[1].source
    local with = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "event" }, chronology = chron }) do
      if within(start[c.segment]) then with[#with + 1] = c end
    end
    r.event_chronology = events_of(with)
  end

  -- the all-sentences baseline of claims: every sentence a candidate
  local gold_sents = 0
  for a in pairs(gold_at) do if a then gold_sents = gold_sents + 1 end end
  r.claim.baseline_precision = ratio(gold_sents, r.sentences)
  kb:close()
  drop(path)
  if range then return r end

  -- entities, with an empty catalogue
  local kb2, id2, path2 = fresh(g, false)
  local ents = kb2:suggest { source = id2, kinds = { "entity" } }
  local gold_names, want = {}, 0
  for _, e in ipairs(g.entities) do
    if e.mentioned then
      want = want + 1
      for n in pairs(e.names) do gold_names[n] = e.id end
    end
  end
  local ntp, hit = 0, {}
  for _, c in ipairs(ents) do
    local id_hit = gold_names[core.fold(c.fields.name)]
    for _, a in ipairs(c.fields.aliases or {}) do id_hit = id_hit or gold_names[core.fold(a)] end
    if id_hit then ntp = ntp + 1; hit[id_hit] = true end
  end
  local nfound = 0
  for _ in pairs(hit) do nfound = nfound + 1 end
  r.entity = { candidates = #ents, gold = want, precision = ratio(ntp, #ents),
               recall = ratio(nfound, want) }
  kb2:close()
  drop(path2)
  return r
end

--- The figures on the built-in article (source 1), its coding hidden.
function M.article()
  local kb = sinorus.open()
  local g = gold_of(kb, 1)
  kb:close()
  return measure(g, nil, M.ARTICLE_CHRONOLOGY)
end

-- The article's chronology: the dated facts its coders looked up
-- (a copy of the shared corpus's EVENTS.md).
M.ARTICLE_CHRONOLOGY = "data/abb-polianskii-2022/EVENTS.md"

--- The figures on a folder coded as data/README.md says (source.lua, the
--- text it names, kb/*.lua), loaded by tools/kbdata.lua; with from and to
--- (two strings of the text), on the part from the first to the second.
function M.folder(dir, from, to)
  local load = require "kbdata"
  local src
  local env = { source = function(t) src = t end }
  assert(loadfile(dir .. "/source.lua", "t", env))()
  local f = assert(io.open(dir .. "/" .. src.file, "rb"))
  local text = f:read("a")
  f:close()
  local path = tmpdb()
  local kb = assert(sinorus.open(path, { create = true }))
  local id = internal.add_source(kb, { title = src.title, authors = src.authors,
                                       published = src.published, text = text })
  kb:transaction(function() load(kb, dir .. "/kb", id) end)
  local g = gold_of(kb, id)
  kb:close()
  drop(path)
  local range
  if from then
    range = { assert(text:find(from, 1, true), from), assert(text:find(to, 1, true), to) }
  end
  return measure(g, range, src.chronology and dir .. "/" .. src.chronology)
end

return M
