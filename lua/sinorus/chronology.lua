-- sinorus.chronology: dating a document's undated events by a chronology
-- (issue 20; doc/suggest.md, "Events dated by a chronology").
--
--   local chron = chronology.load(kb, id, published)  the dated entries of source id
--   chron:date(text, mentions [, low, high])          the entry that dates a sentence,
--                                                     and the further ones it reports
--   chronology.reported_past(text)                    does a sentence report in the past
--   chronology.entries_of(text), .parse_date(s)       the entries and dates of a text
--
-- A chronology is an ordinary source (imported as any other) whose lines
-- are dated entries: a line that starts with a date ("2022-02-04 ...",
-- "- 4 February 2022: ...", "- 2019: ...": years alone need a colon or a
-- dash after them) or a table row with a cell that is a date and nothing
-- else (EVENTS.md's "| event | date | what happened | ... |"). Every
-- other line is left out. A date is an ISO date (YYYY, YYYY-MM,
-- YYYY-MM-DD), an ISO interval (a/b), two dates joined by "or" (the
-- period from the first to the second), or a written day or month
-- ("4 February 2022", "February 4, 2022", "February 2022"); its calendar
-- and its year rule are sinorus.dates'.
--
-- A sentence is dated by the entry it shares most with: the entities both
-- mention and the content words both use (folded, their ends cut), each
-- weighted by how few of the chronology's entries hold it. Entries dated
-- after the document's publication are never used (a document cannot
-- report what had not happened). None of this names anything of a
-- particular text.

local core = require "sinorus.core"
local dates = require "sinorus.dates"

local M = {}

-- Words that carry no content (folded): they never make two texts match.
M.stopwords = {
  "the", "a", "an", "and", "or", "of", "in", "on", "at", "to", "for", "from", "by", "with",
  "as", "is", "are", "was", "were", "be", "been", "being", "its", "it", "this", "that",
  "these", "those", "their", "his", "her", "has", "have", "had", "not", "no", "but", "than",
  "which", "who", "whom", "what", "when", "where", "while", "also", "into", "over", "under",
  "about", "after", "before", "between", "during", "since", "until", "more", "most", "some",
  "any", "all", "each", "other", "such", "same", "only", "both", "either", "neither", "nor",
  "can", "could", "would", "will", "shall", "should", "may", "might", "must", "does", "did",
  "do", "one", "two", "three", "first", "second", "new", "later", "earlier", "recent",
  "recently", "now", "then",
}
local STOP = {}
for _, w in ipairs(M.stopwords) do STOP[w] = true end

-- Word ends cut before two words are compared ("sanctions", "sanctioned"
-- and "sanctioning" are one word), longest first; then the first five
-- letters are kept. Crude: "protest" and "protect" are one word too. The
-- core's Snowball stemmer (csrc/sn_stem.c) has no Lua binding yet
-- (doc/suggest.md).
M.suffixes = { "ations", "ation", "itions", "ition", "ings", "ing", "ions", "ion", "ies",
               "es", "ed", "s", "e" }
local STEM_LEN = 5

-- The comparable form of a folded word, or nil for a word that carries no
-- content (a stop word, a number, fewer than four letters).
local function stem(w)
  if #w < 4 or STOP[w] or w:find("^%d") then return nil end
  for _, suf in ipairs(M.suffixes) do
    if #w > #suf + 2 and w:sub(-#suf) == suf then w = w:sub(1, -#suf - 1); break end
  end
  return w:sub(1, STEM_LEN)
end

-- The set of stems of a text, the words inside the spans given ({a, b},
-- 1-based, inclusive: the entity mentions, which count as entities) left
-- out.
local function stems(text, spans)
  local set = {}
  if spans and #spans > 0 then
    local parts, from = {}, 1
    table.sort(spans, function(x, y) return x[1] < y[1] end)
    for _, sp in ipairs(spans) do
      if sp[1] > from then parts[#parts + 1] = text:sub(from, sp[1] - 1) end
      from = math.max(from, sp[2] + 1)
    end
    parts[#parts + 1] = text:sub(from)
    text = table.concat(parts, " ")
  end
  for w in core.fold(text):gmatch("[%w\128-\255]+") do
    local s = stem(w)
    if s then set[s] = true end
  end
  return set
end
M.stems = stems

-- ---------------------------------------------------------------------
-- Dates

-- The period of one date written as a chronology writes it: ISO (its year
-- one dates.year reads) or a written day or month (dates.written_date).
-- Returns iso, low, high (day numbers) or nil.
local function one_date(s)
  s = s:match("^%s*(.-)%s*$")
  local iso
  if s:match("^%d%d%d%d$") or s:match("^%d%d%d%d%-%d%d$") or s:match("^%d%d%d%d%-%d%d%-%d%d$") then
    if dates.year(s:sub(1, 4)) then iso = s end
  else
    iso = dates.written_date(s)
  end
  -- a month or day that is none ("2021-13", "2021-02-31") is no date
  if not iso then return nil end
  local a, b = dates.period(iso)
  if not a then return nil end
  return iso, a, b
end

-- A date cell or a line's leading date: one date, an ISO interval "a/b"
-- or two dates joined by "or". Returns iso (nil for a period no single
-- ISO date names), low, high; nil when s is not a date.
function M.parse_date(s)
  local iso, a, b = one_date(s)
  if iso then return iso, a, b end
  local x, y = s:match("^%s*([^/]-)%s*/%s*([^/]-)%s*$")
  if not x then x, y = s:match("^%s*(.-)%s+or%s+(.-)%s*$") end
  if not x then return nil end
  local _, a1, b1 = one_date(x)
  local _, a2, b2 = one_date(y)
  if not a1 or not a2 or a2 < a1 then return nil end
  return nil, a1, math.max(b1, b2)
end

-- The leading date of a line (after a list marker): the longest prefix of
-- its first five words that is a date, and where the rest starts. A date
-- of years alone ("2019", "2016 or 2017") must be followed by a colon or a
-- dash: "1500 soldiers crossed the border" starts with a count.
local MAX_DATE_WORDS, MAX_DATE_BYTES = 5, 80
local MONTH = {}
for _, m in ipairs(dates.months) do MONTH[m] = true end
local DASHES = { "-", "\u{2013}", "\u{2014}" }
local function leading_date(line)
  local body = line:match("^%s*[-*+]?%s*()")
  local words = {}
  -- the words a date can be made of: a number, a month's name, "or"
  for w, e in line:gmatch("()%S+()", body) do
    local word = line:sub(w, math.min(e - 1, w + 16)):lower():gsub("[,:;.]+$", "")
    if not (word:find("^%d") or MONTH[word] or word == "or") then break end
    words[#words + 1] = { w, e }
    if #words == MAX_DATE_WORDS then break end
  end
  for n = #words, 1, -1 do
    local raw = line:sub(words[1][1], words[n][2] - 1)
    if #raw > MAX_DATE_BYTES then goto next end
    -- a date ends before the punctuation or dash that parts it from the text
    local head = raw:gsub("[:,;.]+$", "")
    for _, d in ipairs(DASHES) do
      if head:sub(-#d) == d then head = head:sub(1, -#d - 1) end
    end
    head = head:match("^(.-)%s*$")
    local iso, a, b = M.parse_date(head)
    if a then
      local k = line:find("%S", words[1][1] + #head)
      local parted = k and line:sub(k, k) == ":"
      for _, d in ipairs(DASHES) do
        if k and line:sub(k, k + #d - 1) == d then parted = true end
      end
      local years_only = head:gsub("%s+or%s+", " "):match("^[%d%s/]+$")
      if parted or not years_only then return iso, a, b, head, words[n][2] end
    end
    ::next::
  end
end

-- ---------------------------------------------------------------------
-- Entries

-- The headers of a table's columns that hold no part of what happened: a
-- row's cell under one is not part of its entry's text (EVENTS.md's
-- "source" and "checked", a link, a coder's note).
M.skipped_columns = { "source", "sources", "checked", "url", "link", "links", "note", "notes" }
local SKIPPED_COLUMN = {}
for _, w in ipairs(M.skipped_columns) do SKIPPED_COLUMN[w] = true end

-- The dated entries of a text: { date (iso or nil), low, high, label (the
-- date as written), text (the entry without its date and links), ranges
-- (the byte ranges of that text, 1-based) }.
function M.entries_of(text)
  local out = {}
  -- the previous table row's cells; the columns of this table left out
  local prev_row, skip = nil, {}
  for at, line in text:gmatch("()([^\n]*)") do
    local iso, a, b, label, ranges, parts
    if line:match("^%s*|") then
      local cells = {}
      for c0, cell, c1 in line:gmatch("|()([^|]*)()") do
        if c1 <= #line + 1 and line:sub(c1, c1) == "|" then
          cells[#cells + 1] = { c0, cell:match("^%s*(.-)%s*$"), c1 }
        end
      end
      if line:match("^[%s|:%-]+$") and line:find("%-") then
        -- the rule under a header row: the header names the columns
        skip = {}
        for i, c in ipairs(prev_row or {}) do
          if SKIPPED_COLUMN[core.fold(c[2])] then skip[i] = true end
        end
        cells = {}
      end
      prev_row = cells
      -- a table row: the cell that is a date dates it; the other cells,
      -- links and the columns left out excepted, are its text
      ranges, parts = {}, {}
      for i, c in ipairs(cells) do
        local ciso, ca, cb = M.parse_date(c[2])
        if ca and not a then
          iso, a, b, label = ciso, ca, cb, c[2]
        elseif not skip[i] and not c[2]:match("^%a+://") and c[2] ~= "" then
          ranges[#ranges + 1] = { at + c[1] - 1, at + c[3] - 2 }
          parts[#parts + 1] = c[2]
        end
      end
    else
      prev_row, skip = nil, {}
      local rest
      iso, a, b, label, rest = leading_date(line)
      if a then
        ranges = { { at + rest - 1, at + #line - 1 } }
        local body = line:sub(rest):gsub("^[%s:,;%-]+", "")
        body = body:gsub("^\u{2013}%s*", ""):gsub("^\u{2014}%s*", "")
        parts = { body }
      end
    end
    if a and #parts > 0 then
      out[#out + 1] = { date = iso, low = a, high = b, label = label,
                        text = table.concat(parts, " | "), ranges = ranges }
    end
  end
  return out
end

-- ---------------------------------------------------------------------
-- Which sentences

-- Words after which a past participle reads as a present passive or a
-- state ("are mentioned", "remains unrecognized", "is clearly
-- triggered"): the sentence describes, it does not report a happening.
M.present_state = { "is", "are", "am", "remain", "remains", "seem", "seems" }
local PRESENT_STATE = {}
for _, w in ipairs(M.present_state) do PRESENT_STATE[w] = true end

--- The first verb of text (lower-cased) in the past tense that reports a
--- happening, or nil: a past tense of dates.past_word (a regular "-ed"
--- word of five letters or more not of dates.not_past, or an irregular
--- past of dates.past) not standing after a word of
--- M.present_state (an adverb in "-ly" between allowed). A sentence
--- dated by a chronology needs one: a sentence in the present tense only
--- ("the joint statement offers a few clues", "the second path is a
--- standoff in which X fills the reservoir") describes a state, a habit
--- or a scenario, and shares words with an entry without reporting it.
function M.reported_past(text)
  local prev, prev2
  for w in text:lower():gmatch("%a+") do
    if dates.past_word(w) and not (PRESENT_STATE[prev] or (prev and prev:find("ly$")
                                             and PRESENT_STATE[prev2])) then
      return w
    end
    prev, prev2 = w, prev
  end
  return nil
end

-- ---------------------------------------------------------------------
-- Matching a sentence

local Chron = {}
Chron.__index = Chron

-- The entries of source `id` of kb usable for a document published on
-- `published` (ISO, or nil: every entry; an entry that starts after it is
-- left out), with the entities each mentions (the catalogue's mentions
-- inside its text) and its stems; the weight of each term (an entity as
-- "@id", a stem as itself): log((N + 1) / n), n the entries that hold it;
-- and the entries holding each term.
function M.load(kb, id, published)
  local text = kb:text(id)
  local limit = published and select(2, dates.period(published))
  local entries, ranges = {}, {}
  for _, e in ipairs(M.entries_of(text)) do
    if not limit or e.low <= limit then
      entries[#entries + 1] = e
      e.entities, e.spans = {}, {}
      for _, rg in ipairs(e.ranges) do
        ranges[#ranges + 1] = { rg[1], rg[2], e, rg }
        e.spans[rg] = {}
      end
    end
  end
  -- the mentions inside each range (both in the order of the text)
  local i = 1
  for m in kb:rows([[SELECT DISTINCT m.entity AS entity, m.start AS start, m.stop AS stop
      FROM mention m JOIN segment s ON s.id = m.segment WHERE s.source = ?
      ORDER BY m.start, m.stop]], id) do
    while ranges[i] and ranges[i][2] < m.start do i = i + 1 end
    local rg = ranges[i]
    if rg and m.start >= rg[1] and m.stop <= rg[2] then
      local e, sp = rg[3], rg[3].spans[rg[4]]
      e.entities[m.entity] = true
      sp[#sp + 1] = { m.start - rg[1] + 1, m.stop - rg[1] + 1 }
    end
  end
  local postings = {}
  local function post(term, e)
    local l = postings[term]
    if l then l[#l + 1] = e else postings[term] = { e } end
  end
  for _, e in ipairs(entries) do
    -- the words of its text, its mentions blanked
    local st = {}
    for _, rg in ipairs(e.ranges) do
      for k in pairs(stems(text:sub(rg[1], rg[2]), e.spans[rg])) do st[k] = true end
    end
    e.spans = nil
    e.stems = st
    e.terms = {}
    for k in pairs(e.entities) do post("@" .. k, e); e.terms["@" .. k] = true end
    for k in pairs(st) do post(k, e); e.terms[k] = true end
  end
  local weight = {}
  for k, l in pairs(postings) do weight[k] = math.log((#entries + 1) / #l) end
  for n, e in ipairs(entries) do e.n = n end
  return setmetatable({ entries = entries, weight = weight, postings = postings, source = id },
                      Chron)
end

-- A shared entity counts this many times a shared word: a name picks out
-- who acted, a word can be said of anything.
M.entity_weight = 2

-- The least score an entry needs to date a sentence, in units of the
-- weight of a term only one entry holds (log(N + 1)): the terms a match
-- shares must weigh more than two such terms do (a rare name and a rare
-- word, three rare words, or more of the common ones; two rare words
-- alone are not enough).
M.threshold = 2

-- The entry that dates a sentence (its text and its mentions: {entity,
-- start, stop}, offsets in the text), among the entries inside [low,
-- high] when given (a window the sentence states). An entry's score is
-- the sum of the weights of the terms it shares with the sentence.
-- Returns
--   entry, score, shared, further    one entry scores highest (shared:
--                                    the terms, sorted; further: the
--                                    entries of other dates the sentence
--                                    also reports, Chron:further)
--   false, score, ties               entries of different dates tie
--   nil                              no entry reaches the threshold
-- The cost grows with the entries that hold one of the sentence's heavier
-- terms, not with the chronology: the lightest terms (a name most entries
-- hold) weigh no more than the threshold together, so an entry that
-- passes it, first or further, holds one of the others; only those
-- entries are scored.
function Chron:date(text, mentions, low, high)
  local terms, spans = {}, {}
  for _, m in ipairs(mentions) do
    terms["@" .. m.entity] = M.entity_weight
    spans[#spans + 1] = { m.start, m.stop }
  end
  for k in pairs(stems(text, spans)) do terms[k] = 1 end
  -- the sentence's terms the chronology holds, with their weight here,
  -- lightest first
  local list = {}
  for term, factor in pairs(terms) do
    local w = self.weight[term]
    if w then list[#list + 1] = { term = term, w = factor * w } end
  end
  table.sort(list, function(x, y)
    if x.w ~= y.w then return x.w < y.w end
    return x.term < y.term
  end)
  local least = M.threshold * math.log(#self.entries + 1)
  local light, sum = 0, 0
  while light < #list and sum + list[light + 1].w < least - 1e-6 do
    light = light + 1
    sum = sum + list[light].w
  end
  -- the entries holding a heavier term: each one's score, the terms it
  -- shares, and the best in one pass
  local seen, scored, shared = {}, {}, {}
  local best, best_score, ties = nil, least - 1e-9, nil
  for i = light + 1, #list do
    for _, e in ipairs(self.postings[list[i].term]) do
      if not seen[e] and (not low or (e.low <= high and e.high >= low)) then
        seen[e] = true
        local sc, sh = 0, {}
        for _, t in ipairs(list) do
          if e.terms[t.term] then sc, sh[#sh + 1] = sc + t.w, t.term end
        end
        scored[#scored + 1], shared[e] = e, sh
        if sc > best_score + 1e-9 then
          best, best_score, ties = e, sc, { e }
        elseif best and math.abs(sc - best_score) <= 1e-9 then
          -- a tie: the first in the entries' order is the best
          ties[#ties + 1] = e
          if e.n < best.n then best = e end
        end
      end
    end
  end
  if not best then return nil end
  table.sort(ties, function(x, y) return x.n < y.n end)
  for _, e in ipairs(ties) do
    if e.low ~= best.low or e.high ~= best.high then return false, best_score, ties end
  end
  local further = self:further(best, scored, shared, terms, least)
  return best, best_score, M.names(shared[best]), further
end

-- The terms of a list as a reader sees them (an entity without its "@"),
-- sorted.
function M.names(list)
  local out = {}
  for i, t in ipairs(list) do out[i] = (t:gsub("^@", "")) end
  table.sort(out)
  return out
end

-- The further entries a sentence dated by `first` reports: a sentence can
-- report several happenings of different dates ("the carrier's provenance
-- ... the attempted acquisition of X by Y"), and the entry that shares
-- most with it explains only some of its words. Another entry dates it
-- too when the terms it shares with the sentence and `first` does not
-- (its own evidence) weigh more than the threshold, as a first entry's
-- must, and its period overlaps neither first's nor that of a further
-- entry of more weight (that happening has its candidate). `scored`: the
-- entries Chron:date scored, in any order. Returns a list
-- of { entry, score (of its own terms), shared (their names) }, heaviest
-- first (entries of equal weight in the entries' order).
function Chron:further(first, scored, shared, terms, least)
  local taken = {}
  for _, t in ipairs(shared[first]) do taken[t] = true end
  local list = {}
  for _, e in ipairs(scored) do
    local sc, own = 0, {}
    for _, t in ipairs(shared[e]) do
      if not taken[t] then
        sc = sc + terms[t] * self.weight[t]
        own[#own + 1] = t
      end
    end
    if sc > least then list[#list + 1] = { entry = e, score = sc, shared = M.names(own) } end
  end
  table.sort(list, function(x, y)
    if math.abs(x.score - y.score) > 1e-9 then return x.score > y.score end
    return x.entry.n < y.entry.n
  end)
  local chosen, out = { first }, {}
  for _, f in ipairs(list) do
    local e, free = f.entry, true
    for _, c in ipairs(chosen) do
      if e.low <= c.high and e.high >= c.low then free = false end
    end
    if free then
      chosen[#chosen + 1] = e
      out[#out + 1] = f
    end
  end
  return out
end

return M
