-- sinorus.suggest: assisted coding (issue 20, doc/suggest.md).
--
--   kb:suggest{source [, kinds, chronology]}
--                                  candidate claims, quotes, events, entities
--   kb:accept(candidate [, edits]) the candidate as a record, through add_*
--   kb:reject(candidate)           remembered: never suggested again
--
-- Every rule below reads the surface of one sentence (and, for a quote's
-- speaker, the sentence before it): lexicons of general analytic English,
-- the estimative lexicon and hedge finder of the C core, the entity
-- catalogue's mentions and the quotation marks of the languages sinorus
-- reads. None names anything of a particular text; doc/suggest.md lists
-- them with the figures they reach on two hand-coded documents.
--
-- A candidate's identity is its `key`: kind, a hash of its segment's text
-- and a hash of what it proposes. kb:accept refuses a candidate this KB
-- did not make (another KB's, or a table dressed as one) and one whose
-- segment's text changed since (stale); kb:reject logs the key in the
-- change log (operation "reject"), which kb:suggest reads back.
--
-- Returns { methods = KB methods, module = module functions } (init.lua
-- copies them into sinorus.KB and the module table) and, for
-- doc/suggest.md and the specs, the rule tables (rules), the kinds, the
-- quote-span and name finders and the period of an ISO date.

local core = require "sinorus.core"
local internal = require "sinorus.internal"
local util = require "sinorus.util"
local chronology = require "sinorus.chronology"
local dates = require "sinorus.dates"

local KB, M = {}, {}
local argerror = util.argerror

local KINDS = { "claim", "quote", "event", "entity" }
local KIND_SET = {}
for _, k in ipairs(KINDS) do KIND_SET[k] = true end

-- ---------------------------------------------------------------------
-- Small helpers

-- A 64-bit hash of s as 16 hex digits (the hashes of a candidate's key):
-- a polynomial over its 8-byte words (wrapping integer arithmetic), then
-- over its last bytes, mixed at the end; fast enough for every candidate.
local function hash(s)
  local h, n = #s, #s
  local i = 1
  while i + 7 <= n do
    h = h * 0x100000001b3 + string.unpack("<i8", s, i)
    i = i + 8
  end
  for j = i, n do h = h * 31 + s:byte(j) end
  h = (h ~ (h >> 29)) * 0x5851f42d4c957f2d
  h = h ~ (h >> 32)
  return string.format("%016x", h)
end

-- ASCII lower case: byte offsets stay those of the text.
local lower = string.lower

-- The lexicon's phrases in a sentence are found by one scan of the C
-- matcher (folded, on word boundaries): H[phrase] = the list of starts.
-- has(H, p) and any(H, list) read it.
local function has(H, phrase)
  return H[phrase] ~= nil
end

-- phrase -> its place in a list, per list (made on first use)
local INDEX = {}
local function index_of(list)
  local ix = INDEX[list]
  if not ix then
    ix = {}
    for i, p in ipairs(list) do ix[p:lower()] = ix[p:lower()] or i end
    INDEX[list] = ix
  end
  return ix
end

-- The first phrase of list (in the list's order) that the sentence holds:
-- a walk over the sentence's few hits, not over the list.
local function any(H, list)
  local ix, best, bi = index_of(list), nil, nil
  for p in pairs(H) do
    local i = ix[p]
    if i and (not bi or i < bi) then best, bi = p, i end
  end
  return best
end

local function slug(s, max)
  local out = lower(s):gsub("[^%w]+", "-"):gsub("^%-+", ""):gsub("%-+$", "")
  if #out > (max or 40) then out = out:sub(1, max or 40):gsub("%-[^%-]*$", "") end
  return out ~= "" and out or "x"
end

-- ---------------------------------------------------------------------
-- The rule tables (doc/suggest.md prints them)

local R = {}

-- A judgment of the author's own: causal readings, evaluations, modal
-- and comparative judgments, negated or limiting assessments. Each
-- phrase found adds its weight; a hedge of the estimative lexicon adds 2.
-- A sentence with a hedge or a phrase of weight 2 is a candidate, unless
-- an exclusion below applies. Deontic modals (should, must, need to) are
-- left out: a recommendation is not a claim (data/README.md section 3).
R.judgment = {
  [2] = {
    -- causal and explanatory readings
    "driven by", "because of", "due to", "result in", "results in", "resulting in",
    "lead to", "leads to", "stems from", "rooted in", "roots", "born of", "reflects",
    "reflect", "reflecting", "triggered by", "has to do with", "explains", "explanation",
    "at the heart of", "the root of",
    -- inference and evidence
    "amounts to", "amount to", "means that", "implies", "suggests that", "indicates that",
    "shows that", "show how", "showing", "hinting at", "evident", "obvious", "clearly",
    "in fact", "indeed", "arguably", "therefore",
    -- modal and predictive judgments
    "would", "will", "cannot", "can not", "can only", "unlikely", "tend to", "tends to",
    "likelihood",
    -- appraisal: importance, quality, difficulty, degree
    "important", "significant", "notable", "notably", "striking", "remarkable",
    "essential", "essentially", "fundamental", "fundamentally", "crucial", "critical",
    "decisive", "serious", "marginal", "modest", "minor", "manageable", "costly",
    "harder", "easier", "difficult", "problem", "risk", "risky", "dangerous",
    "fragile", "weak", "strong", "effective", "ineffective",
    "best", "worst", "better", "worse", "matters", "merit", "real", "genuine",
    "aggressive", "overstate", "overstates",
    "exaggerate", "exaggerates", "underestimated", "overestimated", "well-tested",
    "proven", "limit", "limits", "limited", "mere", "merely", "largely", "mainly",
    "mostly", "primarily", "too", "rather than", "more than", "less than", "remains",
    "remain" },
  [1] = { "not", "never", "neither", "nor", "little", "few", "rarely", "only", "still",
          "however", "instead", "although", "while", "but", "yet", "both", "key", "central",
          "major", "can", "could" },
}

-- What others say or think, reported: the sentence reports a view it does
-- not itself judge unless it also carries a hedge of its own.
R.reported = { "said", "says", "stated", "told", "according to", "in the words of",
               "argues", "argued", "claimed", "claims", "urged", "called", "announced",
               "responded", "speculation", "commentators", "experts", "analysts",
               "observers", "have warned", "has warned", "warned that" }

-- A past action reported as fact, with a number or date: an event or a
-- figure, not a judgment (unless a judgment phrase of weight 2 is there).
R.factual_cues = { "%f[%d]1[89]%d%d%f[%D]", "%f[%d]20%d%d%f[%D]", "%d+ per ?cent", "%d+%%" }
R.factual = { "one of the", "percent", "per cent", "a third of", "a quarter of",
              "a fifth of", "a sixth of", "about a third", "about a quarter", "about a fifth",
              "about a sixth", "about half" }

-- Horizon cues (codebook: short = the present crisis, long = the lasting
-- relationship and order; neither: "both", stated for both or timeless).
R.horizon = {
  short = { "short term", "short-term", "current crisis", "at present", "currently",
            "immediate", "this year", "coming weeks", "coming months", "now",
            "present crisis", "near term", "near-term" },
  long = { "long term", "long-term", "longer term", "longer-term", "in the long run",
           "decades", "future", "world order", "lasting", "over time", "eventually" },
}

-- Speech verbs and nouns: the entity before them (a person first) speaks.
R.speech = { "said", "says", "say", "stated", "states", "told", "argues", "argued",
             "arguing", "claimed", "claims", "urged", "urging", "called", "calls",
             "warned", "warns", "wrote", "writes", "noted", "notes", "added", "adding",
             "declared", "insisted", "described", "put it", "announced",
             "announcement", "affirms", "affirmed", "proclaimed", "voicing", "speak of",
             "speaks of", "spoke of", "speaking of" }
-- Attribution naming the speaker after it.
R.speech_after = { "according to", "in the words of", "as put by", "quoting" }
-- A quote preceded by a possessive belongs to the subject before it.
R.possessive = { "its", "their", "his", "her" }
-- Nouns that make a document the subject: its wording is quoted.
R.document_nouns = { "statement", "document", "text", "declaration", "communique",
                     "communiqué", "report", "treaty", "agreement", "paper", "resolution",
                     "paragraph", "section", "strategy", "charter", "manifesto" }

-- Quotation marks: opening -> closing (languages issue: English, German,
-- French/Russian, Chinese/Japanese).
R.quotes = {
  { "\u{201C}", "\u{201D}" }, { "\u{201E}", "\u{201C}" }, { "\u{00AB}", "\u{00BB}" },
  { "\u{300C}", "\u{300D}" }, { "\u{300E}", "\u{300F}" }, { "\u{2018}", "\u{2019}" },
  { '"', '"' },
}

-- Events: a verb of a CAMEO root (1.1b3) in a sentence with a date and an
-- actor. The root's Goldstein weight is GDELT's for the two-digit code.
R.cameo = {
  { "01", 0.0, { "announced", "stated", "declared", "published", "issued" } },
  { "02", 3.0, { "appealed", "called on", "called for", "called to", "urged", "requested" } },
  { "03", 4.0, { "pledged", "promised", "offered", "agreed to" } },
  { "04", 1.0, { "visited", "visit", "met", "meeting", "hosted", "talks", "summit" } },
  { "05", 3.5, { "signed", "statement", "joint", "recognized", "endorsed",
                 "praised", "backed", "supported" } },
  { "06", 6.0, { "deal", "trade", "traded", "invested", "investment", "exercises",
                 "drills", "cooperated", "acquisition", "acquired", "bought", "purchased" } },
  { "07", 7.0, { "aid", "donated", "delivered", "provided" } },
  { "08", 5.0, { "withdrew", "released", "eased", "lifted", "conceded" } },
  { "09", -2.0, { "investigated", "inquiry", "arbitration", "probe" } },
  { "10", -5.0, { "demanded", "demand" } },
  { "11", -2.0, { "criticized", "condemned", "accused", "denounced", "blamed",
                  "critique", "lobbying", "lobbied", "abstained" } },
  { "12", -4.0, { "rejected", "opposed", "opposing", "refused", "vetoed", "canceled",
                  "cancelled", "put on hold", "blocked", "denied" } },
  { "13", -6.0, { "threatened", "warned" } },
  { "14", -6.5, { "protested", "demonstrated", "boycotted" } },
  { "15", -7.2, { "mobilized", "deployed", "standoff", "alert" } },
  { "16", -4.0, { "sanctioned", "sanctions", "suspended", "expelled", "severed", "halted" } },
  { "17", -7.0, { "seized", "arrested", "confiscated", "detained" } },
  { "18", -9.0, { "attacked", "bombed", "assassinated" } },
  { "19", -10.0, { "invaded", "invasion", "occupied", "occupation", "annexed",
                   "annexation", "fought" } },
  { "20", -10.0, { "massacre", "genocide" } },
}

local MONTHS = dates.months

-- Relative date expressions, against the source's date: a calendar unit
-- (the year, month or day that many units before), or a window of days
-- before it that the date lies in. A month named without a year is the
-- last such month up to the source's date.
R.relative = {
  { "last year", "year", 1 }, { "this year", "year", 0 }, { "earlier this year", "year", 0 },
  { "last month", "month", 1 }, { "this month", "month", 0 },
  { "yesterday", "day", 1 }, { "today", "day", 0 },
  { "last week", "window", 14 }, { "this week", "window", 7 },
  { "just recently", "window", 365 }, { "recently", "window", 365 },
}
-- (the adjective "recent" dates a thing the text refers to, not an action
-- it reports: it is no cue)

-- Entity kinds by the last word (or any word) of a new name.
R.entity_kind = {
  company = { "inc", "ltd", "corp", "corporation", "company", "group", "gmbh", "llc",
              "bank", "holdings" },
  organization = { "ministry", "council", "organization", "organisation", "union",
                   "agency", "committee", "party", "forum", "institute", "assembly",
                   "nations", "alliance", "court", "commission", "parliament", "army" },
  document = { "statement", "declaration", "treaty", "agreement", "report", "charter",
               "act", "accord", "communique", "plan" },
  initiative = { "initiative", "programme", "program", "project", "strategy" },
  event = { "summit", "games", "olympics", "war", "crisis", "conference", "election" },
  place = { "sea", "river", "mountains", "region", "province", "island", "islands",
            "strait", "peninsula", "basin", "city" },
}
-- Capitalised words that start sentences or name no one.
R.not_names = { "the", "a", "an", "this", "that", "these", "those", "it", "its", "in",
                "on", "at", "for", "from", "with", "by", "as", "and", "but", "or", "if",
                "while", "when", "however", "moreover", "additionally", "firstly",
                "secondly", "finally", "instead", "notably", "here", "there", "such",
                "both", "any", "much", "others", "other", "some", "even", "just", "what",
                "following", "apart", "accordingly", "we", "our", "they", "their", "he",
                "she", "his", "her", "one", "no", "not", "all", "each", "after", "before",
                "since", "until", "during", "yet", "so", "also", "closer", "then", "thus",
                "although", "though", "because", "until", "where", "which", "who",
                "why", "how", "conclusion", "introduction", "january", "february", "march",
                "april", "june", "july", "august", "september", "october", "november",
                "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                "saturday", "sunday", "later", "today", "yesterday" }
local NOT_NAME = {}
for _, w in ipairs(R.not_names) do NOT_NAME[w] = true end
-- Lower-case words allowed inside a name ("Summit for Democracy").
local NAME_GLUE = { ["of"] = true, ["for"] = true, ["and"] = true, ["the"] = true,
                    ["de"] = true, ["von"] = true, ["van"] = true }

-- ---------------------------------------------------------------------
-- The lexicon: every phrase of the lists above in one C matcher

local LEX, PHRASES
local function lexicon()
  if LEX then return LEX end
  local m, ids, phrases = core.matcher(), {}, {}
  local function add(list)
    for _, p in ipairs(list) do
      p = p:lower()
      if not ids[p] then
        phrases[#phrases + 1] = p
        ids[p] = #phrases
        m:add(p, #phrases)
      end
    end
  end
  for _, list in pairs(R.judgment) do add(list) end
  for _, list in pairs(R.horizon) do add(list) end
  for _, r in ipairs(R.cameo) do add(r[3]) end
  for _, r in ipairs(R.relative) do add { r[1] } end
  for _, k in ipairs { "reported", "factual", "speech", "speech_after", "document_nouns",
                       "future", "past" } do
    add(R[k])
  end
  add(MONTHS)
  LEX, PHRASES = m:compile(), phrases
  return LEX
end

-- The lexicon's phrases in text: phrase -> list of starts.
local function scan(text)
  local H = {}
  for _, x in ipairs(LEX:scan(text)) do
    local p = PHRASES[x.id]
    local l = H[p]
    if l then l[#l + 1] = x.start else H[p] = { x.start } end
  end
  return H
end

-- ---------------------------------------------------------------------
-- Reading a source

-- Day numbers and the period of an ISO date: sinorus.dates owns the calendar.
local period, iso_of = dates.period, dates.iso_of

local MAY_AFTER = { ["in"] = true, since = true, ["until"] = true, from = true, by = true,
                    early = true, late = true, mid = true, of = true }

-- The date a sentence states: absolute (day month year, month year,
-- year) or relative to the source's date. Returns iso, low, high, phrase.
local function find_date(text, low, published)
  local months = any(low, MONTHS) ~= nil
  -- "3 March 2023", "March 3, 2023", "March 2023"
  if months then
    local iso, cap, impossible = dates.find_written(text)
    -- a sentence that gives a day no month has ("30 February 2021") is not dated
    if impossible then return nil end
    if iso then
      local a, b = period(iso)
      return iso, a, b, cap
    end
  end
  for year in text:gmatch("%f[%d](%d%d%d%d)%f[%D]") do
    if dates.year(year) then
      local a, b = period(year)
      return year, a, b, year
    end
  end
  if not published then return nil end
  local py, pm = tonumber(published:sub(1, 4)), tonumber(published:sub(6, 7)) or 12
  for i, name in ipairs(months and MONTHS or {}) do
    local cap = name:sub(1, 1):upper() .. name:sub(2)
    -- "May" is a month only after in/since/until/from/by/early/late
    local at = text:find("%f[%a]" .. cap .. "%f[%A]")
    local prev = at and text:sub(1, at - 1):match("(%a+)%s+$")
    if at and (name ~= "may" or MAY_AFTER[prev and prev:lower()]) then
      local y = i <= pm and py or py - 1
      local iso = string.format("%04d-%02d", y, i)
      local a, b = period(iso)
      return iso, a, b, cap
    end
  end
  local base = period(published)
  for _, r in ipairs(R.relative) do
    if has(low, r[1]) then
      local iso
      if r[2] == "year" then
        iso = string.format("%04d", py - r[3])
      elseif r[2] == "month" then
        local m, y = pm - r[3], py
        if m < 1 then m, y = m + 12, y - 1 end
        iso = string.format("%04d-%02d", y, m)
      elseif r[2] == "day" then
        iso = iso_of(base - r[3]) or ""
      else
        -- a window no ISO date names: the record's date is left to the coder
        return false, base - r[3], base, r[1]
      end
      -- a date before the year 0000 is none
      local a, b = period(iso)
      if not a then return nil end
      return iso, a, b, r[1]
    end
  end
end

-- The sentences of a source (no duplicates) in the order of the text, their
-- text cut from the source's, read once (the segment view's text column
-- cuts it from the source's pieces sentence by sentence: 0.07 s against
-- 0.03 s on 10 MB), and
-- the mentions of the segments from its first sentence's on (? = its id)
-- in the same order (offsets the source's): kb:suggest reads both as it
-- goes, one sentence at a time, passing over the mentions of segments that
-- are none of its sentences and stopping at its last sentence. (The range
-- of segments reads the mentions in order and sorts each segment's few;
-- joining the source's segments sorted all of them: 0.18 s against 0.14 s
-- on 10 MB.)
local SENTENCES = [[SELECT id, start, stop FROM segment WHERE source = ?
  AND kind = 'sentence' AND duplicate_of IS NULL ORDER BY id]]
local MENTIONS = [[SELECT m.segment AS seg, m.entity AS entity, m.start AS start,
  m.stop AS stop, e.kind AS kind FROM mention m JOIN entity e ON e.id = m.entity
  WHERE m.segment >= ? ORDER BY m.segment, m.start, m.stop DESC]]

-- The entity ids a sentence mentions (of the kinds given, else any), in
-- order, each once; overlapping mentions all count, as the catalogue's
-- matcher reports them ("UN Security Council": the UN and the UNSC).
local function about(s, kinds)
  local out, seen = {}, {}
  for _, m in ipairs(s.mentions) do
    if not seen[m.entity] and (not kinds or kinds[m.kind]) then
      seen[m.entity] = true; out[#out + 1] = m.entity
    end
  end
  return out
end

local ACTOR_KINDS = { state = true, organization = true, person = true, company = true }

-- ---------------------------------------------------------------------
-- Claims

local hedges, estimate = core.hedges, core.estimate

-- The claim rules' reading of a sentence, before the plain-fact patterns
-- (which only lower it), set on the sentence s: claim (the score, nil
-- when under 2 already), why (the judgment phrases found, joined by
-- "\0"), hedge, scale, p_low, p_high (the narrowest hedge), cue (the
-- patterns may apply), short, long (horizon cues). sn_suggest.c sets the
-- same on the records it hands over.
local function claim_features(s, low)
  local score, why = 0, {}
  local hs = hedges(s.text)
  local best
  for _, h in ipairs(hs) do
    if h.p_low and (not best or h.p_high - h.p_low < best.p_high - best.p_low) then best = h end
  end
  if best then score = score + 2 end
  for p in pairs(low) do
    local weight = index_of(R.judgment[2])[p] and 2 or index_of(R.judgment[1])[p] and 1
    if weight then score = score + weight; why[#why + 1] = p end
  end
  local reported = any(low, R.reported)
  local factual = any(low, R.factual) ~= nil
  if reported and not best then score = score - 3 end
  if factual then score = score - 2 end
  local n = 0
  for _, q in ipairs(s.spans) do n = n + #q.text end
  if n / #s.text > 0.5 then score = score - 3 end
  if score < 2 then return end
  s.claim, s.why, s.cue = score, table.concat(why, "\0"), not factual and s.text:find("%d") ~= nil
  s.short, s.long = any(low, R.horizon.short) ~= nil, any(low, R.horizon.long) ~= nil
  if best then s.hedge, s.scale, s.p_low, s.p_high = best.text, best.scale, best.p_low, best.p_high end
end

-- The claim candidate of a sentence from its features (claim_features)
-- and the entities it mentions (about: their ids joined by "\0"), or nil.
local function claim_candidate(s)
  local score = s.claim
  if s.cue then
    for _, pat in ipairs(R.factual_cues) do
      if s.text:find(pat) then score = score - 2; break end
    end
  end
  if score < 2 then return nil end
  local why, ids = {}, {}
  for p in s.why:gmatch("[^%z]+") do why[#why + 1] = p end
  for e in s.about:gmatch("[^%z]+") do ids[#ids + 1] = e end
  local fields = { text = s.text, about = ids, evidence = { s.id } }
  if s.hedge then
    why[#why + 1] = "hedge '" .. s.hedge .. "'"
    fields.estimative = s.hedge
    fields.scale = s.scale
    fields.p_low, fields.p_high = s.p_low, s.p_high
  end
  fields.horizon = (s.short and not s.long) and "short" or (s.long and not s.short) and "long"
    or "both"
  table.sort(why)
  return { kind = "claim", segment = s.id, fields = fields,
           confidence = math.min(0.95, 0.3 + 0.08 * score),
           why = table.concat(why, ", "), span = "" }
end

-- ---------------------------------------------------------------------
-- Quotes

-- The quoted spans of a text: { open, close, start (of the text inside),
-- stop, text }, each pair of one style, not nested.
local function quoted_spans(text)
  local out = {}
  for _, q in ipairs(R.quotes) do
    local o, c = q[1], q[2]
    local pos = 1
    while true do
      local a = text:find(o, pos, true)
      if not a then break end
      local inner = a + #o
      -- an apostrophe is not an opening single quote: it follows a letter
      local prev = a > 1 and text:sub(a - 1, a - 1) or " "
      if o == "\u{2018}" and prev:match("%w") then pos = inner; goto continue end
      if o == '"' and prev:match("%w") then pos = inner; goto continue end
      do
        local b = text:find(c, inner, true)
        -- a closing single quote followed by a letter is an apostrophe
        while b and (c == "\u{2019}") and text:sub(b + #c, b + #c):match("%a") do
          b = text:find(c, b + #c, true)
        end
        if not b then break end
        if b > inner then
          out[#out + 1] = { start = inner, stop = b - 1, text = text:sub(inner, b - 1),
                            open = a, close = b + #c - 1 }
        end
        pos = b + #c
      end
      ::continue::
    end
  end
  table.sort(out, function(x, y) return x.start < y.start end)
  -- drop spans inside another (a ‘single’ inside “double” quotes)
  local kept, last = {}, 0
  for _, q in ipairs(out) do
    if q.open > last then kept[#kept + 1] = q; last = q.close end
  end
  return kept
end

-- A capitalised name right after position i of text (for "said X").
local function name_after(text, i)
  local rest = text:sub(i)
  local n = rest:match("^%s*([%u][%a%-\u{2019}']+%s[%u][%a%-']+)")
  return n
end
local function name_before(text, i)
  local head = text:sub(1, i - 1)
  local n = head:match("([%u][%a%-']+%s[%u][%a%-']+)[%s,]*[^%s]*%s*$")
  return n
end

local function speaker_of(s, q, ctx)
  local text = s.text
  local H = s.hits
  -- the sentence is about a document before this quote: it names a
  -- document noun before it, or goes on with "It"/"Its" after one
  local doc_ctx = ctx.doc_cont or (ctx.doc_noun_at ~= nil and ctx.doc_noun_at < q.open)
  -- the last start of phrase p before the quote
  local function before_quote(p)
    local at
    for _, a in ipairs(H[p] or {}) do if a < q.open then at = a end end
    return at
  end
  local function mention_near(before, pos, prefer)
    local pick
    for _, m in ipairs(s.mentions) do
      if before and m.stop < pos or not before and m.start > pos then
        if ACTOR_KINDS[m.kind] or m.kind == "document" then
          if not pick then pick = m
          elseif before then
            if prefer and (m.kind == "person") and pick.kind ~= "person" then pick = m
            elseif not (prefer and pick.kind == "person" and m.kind ~= "person") then
              pick = m
            end
          end
        end
      end
    end
    return pick
  end
  -- "according to X", "in the words of X"
  for _, p in ipairs(R.speech_after) do
    local a = before_quote(p)
    local b = a and a + #p - 1
    if a then
      local m = mention_near(false, b)
      if m and m.start < q.open then return m.entity, "attribution '" .. p .. "'" end
      local n = name_after(text, b + 1)
      if n then return nil, "attribution '" .. p .. "'", n end
    end
  end
  -- "X argues", "X urged Y to", "Y announced that"
  local verb_at, verb
  local speech = index_of(R.speech)
  for v in pairs(H) do
    if speech[v] then
      local a = before_quote(v)
      if a and (not verb_at or a > verb_at or (a == verb_at and speech[v] < speech[verb])) then
        verb_at, verb = a, v
      end
    end
  end
  if verb_at then
    local after = verb_at + #verb
    local m = mention_near(true, verb_at, true)
    -- a clause that leaves the verb out ("X speak of “a”, Y officials of
    -- “b”"): the actor after a comma past the verb, with nothing before the
    -- quote, or a few lower-case words that end with the verb's own tail
    -- ("of"); never past a person who speaks
    local tail = verb:match("%s(%a+)$")
    for _, x in ipairs((m and m.kind == "person") and {} or s.mentions) do
      local between = x.stop < q.open and text:sub(x.stop + 1, q.open - 1):match("^%s*(.-)%s*$")
      if x.start > after and between and ACTOR_KINDS[x.kind]
          and text:sub(after, x.start - 1):find("[,;]")
          and (between == "" or tail and between:match("^[%l%s]*$")
               and (" " .. between):match("%s(%l+)$") == tail
               and select(2, between:gsub("%l+", "")) <= 3) then
        return x.entity, "speech '" .. verb .. "', left out after a comma"
      end
    end
    -- a speech noun with no one before it ("claims by X that “…”"): the
    -- first actor after it, before the "that" that opens what was said
    if not m then
      local that = text:find("%f[%a]that%f[%A]", after)
      for _, x in ipairs(that and that < q.open and s.mentions or {}) do
        if x.start > after and x.stop < that and ACTOR_KINDS[x.kind] then
          return x.entity, "speech '" .. verb .. "' of the actor after it"
        end
      end
    end
    if m and m.kind == "person" then return m.entity, "speech '" .. verb .. "'" end
    if doc_ctx and ctx.doc then return ctx.doc, "document subject" end
    if m then return m.entity, "speech '" .. verb .. "'" end
    local n = name_before(text, verb_at)
    if n then return nil, "speech '" .. verb .. "'", n end
  end
  -- a quoted proper name: the entity just before it coined it
  if q.text:match("^%u") and not q.text:find("%f[%a]%l%l%l%l+") then
    local m = mention_near(true, q.open, false)
    if m and q.open - m.stop <= 12 then return m.entity, "name's sponsor" end
  end
  -- "its “…”": the subject before the possessive
  local tail = lower(text:sub(math.max(1, q.open - 12), q.open - 1)):match("(%a+)%s*$")
  for _, p in ipairs(R.possessive) do
    if tail == p then
      local m = mention_near(true, q.open - #p - 1, false)
      if m then return m.entity, "possessive '" .. p .. "'" end
    end
  end
  if doc_ctx and ctx.doc then return ctx.doc, "document subject" end
  if ctx.self then return ctx.self, "the source's own words" end
  return nil, "the source's own words", ctx.title
end

-- ---------------------------------------------------------------------
-- Events

R.future = { "will", "would", "shall", "going to" }

-- A verb in the past tense: a regular one, or an irregular one of R.past.
R.past, R.not_past = dates.past, dates.not_past
local function past_tense(text, H)
  for w in lower(text):gmatch("%f[%a](%a+ed)%f[%A]") do
    if dates.regular_past(w) then return w end
  end
  return any(H, R.past)
end

-- The date a chronology gives a sentence with no date of its own, or
-- only a window (a, b: day numbers; phrase: the window's words), as
-- find_date returns one, and the entry cited in words. A tie between
-- entries of different dates gives the period they span and no ISO date
-- (the coder chooses); no entry reaching the threshold gives nil.
local function chronology_date(chron, s, a, b, phrase)
  local e, sc, more, others = chron:date(s.text, s.mentions, a, b)
  if e == nil then return nil end
  -- an entry cited: its text, a long one cut at a word before 80 bytes
  local function cite(x)
    local t = x.text
    if #t > 80 then t = t:sub(1, 80):gsub("%s+%S*$", "") .. "\u{2026}" end
    return string.format("'%s' (%s)", t, x.label)
  end
  if e == false then
    local lo, hi, cites = math.huge, -math.huge, {}
    for _, x in ipairs(more) do
      lo, hi = math.min(lo, x.low), math.max(hi, x.high)
      cites[#cites + 1] = cite(x)
    end
    return false, lo, hi, "tie", "chronology: " .. #more .. " entries tie, "
      .. table.concat(cites, ", ") .. (phrase and ", within '" .. phrase .. "'" or "") .. "; date"
  end
  local within = phrase and ", within '" .. phrase .. "'" or ""
  -- the further happenings of other dates it reports (Chron:further)
  local further = {}
  for _, f in ipairs(others) do
    local x = f.entry
    further[#further + 1] = { x.date or false, x.low, x.high, x.label,
      "chronology, a further entry: " .. cite(x) .. string.format(", score %.1f, sharing ",
      f.score) .. table.concat(f.shared, ", ") .. " (not shared with the first entry)"
      .. within .. "; date" }
  end
  return e.date or false, e.low, e.high, e.label, "chronology: " .. cite(e)
    .. string.format(", score %.1f, sharing ", sc) .. table.concat(more, ", ")
    .. within .. "; date", further
end

-- An event candidate of sentence s: its actors, CAMEO root (or nil),
-- verb, date (iso or false, low, high: day numbers, phrase: the date as
-- written), the chronology entry cited (or nil) and a confidence less by
-- `less`.
local function event_of(s, actors, root, verb, iso, a, b, phrase, dated_by, less)
  local fields = { date = iso or nil, actors = actors, evidence = { s.id }, title = s.text }
  -- a code needs an interaction: two actors at least
  if root and #actors > 1 then fields.cameo, fields.goldstein = root.code, root.goldstein end
  local conf = 0.4 + (#actors > 1 and 0.15 or 0) + (a == b and 0.15 or 0)
    + (fields.cameo and 0.1 or 0) - (dated_by and 0.2 or 0) - less
  return { kind = "event", segment = s.id, fields = fields, date_low = iso_of(a),
           date_high = iso_of(b), confidence = conf,
           why = string.format("%s '%s', verb '%s'%s", dated_by or "date", phrase, verb,
                               fields.cameo and " (CAMEO " .. fields.cameo .. ")" or ""),
           span = phrase }
end

-- The event candidates of a sentence (a list: more than one when a
-- chronology finds it reports happenings of several dates), or nil.
local DATE_WORDS
local function event_candidate(s, low, ctx)
  -- no digit and no month or relative date: no date (the common case)
  if not DATE_WORDS then
    DATE_WORDS = table.move(MONTHS, 1, #MONTHS, 1, {})
    for _, r in ipairs(R.relative) do DATE_WORDS[#DATE_WORDS + 1] = r[1] end
  end
  local chron = ctx.chronology
  if not chron and not s.text:find("%d") and not any(low, DATE_WORDS) then return nil end
  local iso, a, b, phrase = find_date(s.text, low, ctx.published)
  if iso == nil and not chron then return nil end
  -- a forecast or a judgment is not a happening: with a hedge or a future
  -- modal, a window ("recently") or a date from the chronology makes no
  -- event
  if not iso and (#hedges(s.text) > 0 or any(low, R.future)) then
    return nil
  end
  local actors = about(s, ACTOR_KINDS)
  if #actors == 0 then return nil end
  local root
  for _, r in ipairs(R.cameo) do
    local hit = any(low, r[3])
    if hit then root = { code = r[1], goldstein = r[2], verb = hit }; break end
  end
  local verb = root and root.verb or past_tense(s.text, low)
  if not verb then return nil end
  -- no date of its own (none, or only a window): it must report in the
  -- past (chronology.reported_past), and a date from elsewhere needs a
  -- verb or noun of the CAMEO table (a past tense alone, "shared",
  -- "received", too often describes a state)
  if not iso and not chronology.reported_past(s.text) then return nil end
  if iso == nil and not root then return nil end
  if not iso and chron and root then
    local windowed = iso == false
    local ciso, ca, cb, cphrase, by, further = chronology_date(chron, s,
      windowed and a or nil, windowed and b or nil, windowed and phrase or nil)
    if ciso ~= nil then
      local out = { event_of(s, actors, root, verb, ciso, ca, cb, cphrase, by, 0) }
      -- the happenings of other dates it reports: a candidate each, after it
      for _, f in ipairs(further or {}) do
        out[#out + 1] = event_of(s, actors, root, verb, f[1], f[2], f[3], f[4], f[5], 0.1)
      end
      return out
    elseif not windowed then
      return nil
    end
  end
  return { event_of(s, actors, root, verb, iso, a, b, phrase, nil, 0) }
end

-- ---------------------------------------------------------------------
-- Entities not in the catalogue

local KIND_ORDER = { "company", "organization", "document", "initiative", "event", "place" }
local function entity_kind(name, is_cyr_or_cjk)
  local low = lower(name)
  local last = low:match("(%w+)$") or low
  local words = {}
  for w in low:gmatch("%w+") do words[w] = true end
  for _, k in ipairs(KIND_ORDER) do
    local ix = index_of(R.entity_kind[k])
    -- a place only by the last word ("Sea"); the others by any word
    if ix[last] then return k end
    if k ~= "place" then
      for w in pairs(words) do if ix[w] then return k end end
    end
  end
  local n = select(2, name:gsub("%S+", ""))
  if is_cyr_or_cjk or (n >= 2 and n <= 3 and not name:find("%f[%a]%l")) then
    return "person"
  end
  return "organization"
end

-- Names in a text: runs of capitalised words (Latin or Cyrillic) that
-- punctuation does not break, "of"/"for"/"the" inside; "and" only in a
-- name whose last word is a kind's word ("Belt and Road Initiative").
-- Left out: a lone capitalised word first in its sentence, a lone
-- adjective of nationality (-ese, -ian, -ish, -ern) or combining form
-- (a hyphen before a lower-case part: "U.S.-led" gives "U.S."). Han
-- names: two or three characters before a speech verb. Returns
-- { name, start, stop, script }.
local CYR_UPPER = "^[\208][\144-\175]"     -- А..Я (U+0410..U+042F)
local CJK_SPEECH = { "说", "表示", "指出", "认为", "称", "宣布", "强调" }
-- adjectives of nationality by their ending, and combining forms alone
local ADJECTIVE = { suffixes = { "ese", "ian", "ish", "ern" }, words = { "sino" } }
local KIND_WORD = {}
for _, list in pairs(R.entity_kind) do for _, w in ipairs(list) do KIND_WORD[w] = true end end

local function is_cap(w)
  if w:match("^%u") then return "latin" end
  if w:match(CYR_UPPER) or w:match("^\208\129") then return "cyrillic" end
end

-- true when head ends with an opening quotation mark (a word after it
-- starts the quoted sentence)
local OPEN_LAST = {}
for _, q in ipairs(R.quotes) do OPEN_LAST[q[1]:byte(-1)] = true end
local function opened(head)
  if not OPEN_LAST[head:byte(-1)] then return false end
  for _, q in ipairs(R.quotes) do
    if head:sub(-#q[1]) == q[1] then return true end
  end
  return false
end

-- The capitalised words of a text (Latin, and Cyrillic when it has any),
-- in order: { w, a, b, stop_after }. A word ends at a full stop unless it
-- is an abbreviation (U.S., St.), and loses a possessive 's.
-- true when a closing quotation mark starts at position i of text
local function closes(text, i)
  for _, q in ipairs(R.quotes) do
    if text:sub(i, i + #q[2] - 1) == q[2] then return true end
  end
  return false
end

local function cap_words(text)
  local out = {}
  local function add(a, w)
    local core_w = w
    if core_w:match("%.$") and not core_w:match("^%u%.") and not core_w:match("^%u%l?%.$") then
      core_w = core_w:sub(1, -2)
    end
    core_w = core_w:gsub("'s?$", "")
    out[#out + 1] = { w = core_w, a = a, b = a + #core_w - 1, stop_after = core_w ~= w }
  end
  for a, w in text:gmatch("%f[%w]()(%u[%w%-'%.]*)") do
    if a == 1 or text:sub(a - 1, a - 1) ~= "-" then add(a, w) end
  end
  if text:find("[\208\209]") then
    for a, w in text:gmatch("()(\208[\128-\175][\208\209\128-\191%-]*)") do
      local prev = a > 1 and text:byte(a - 1) or 32
      if prev < 128 or opened(text:sub(1, a - 1)) then add(a, w) end
    end
    table.sort(out, function(x, y) return x.a < y.a end)
  end
  return out
end

local function adjective(w)
  local l = lower(w)
  for _, p in ipairs(ADJECTIVE.suffixes) do if l:sub(-#p) == p then return true end end
  for _, p in ipairs(ADJECTIVE.words) do if l == p then return true end end
  return false
end

local function names_in(text)
  local out = {}
  local words = cap_words(text)
  -- the text between two capitalised words: nothing but spaces, or a
  -- glue word ("of", "for", "the", "and") between spaces
  local function gap(i)
    if words[i].stop_after then return nil end
    local g = text:sub(words[i].b + 1, words[i + 1].a - 1)
    if g:match("^ +$") then return "" end
    local glue = g:match("^ +(%l+) +$")
    if glue and (NAME_GLUE[glue] or glue == "and") then return glue end
  end
  local i = 1
  while i <= #words do
    local w = words[i]
    local script = is_cap(w.w)
    if script and not NOT_NAME[lower(w.w)] then
      local last, ands = i, {}
      while words[last + 1] and gap(last) do
        if gap(last) == "and" then ands[#ands + 1] = last end
        last = last + 1
      end
      -- "A and B" is two names unless the whole ends with a kind's word
      local parts = { { i, last } }
      if #ands > 0 and not KIND_WORD[lower(words[last].w)] then
        parts = {}
        local from = i
        for _, k in ipairs(ands) do parts[#parts + 1] = { from, k }; from = k + 1 end
        parts[#parts + 1] = { from, last }
      end
      for _, pr in ipairs(parts) do
        local x, y = pr[1], pr[2]
        -- a sentence's first word before a glue word is not part of a name
        -- ("Later the SCO")
        if x < y and words[x].a == 1 and gap(x) ~= "" then x = x + 1 end
        local name = text:sub(words[x].a, words[y].b)
        -- a combining form: "U.S.-led" is "U.S."; "Sino-American" none
        name = name:gsub("%-%l[%w%-]*$", "")
        local lone = x == y
        local head = text:sub(math.max(1, words[x].a - 8), words[x].a - 1)
        local first = words[x].a == 1 or head:match("[%.:;!?]%s*$") ~= nil or opened(head)
        -- a word that is the whole of a quotation is a quoted name
        -- («Gazprom», “Rosatom”), not the start of a quoted sentence
        if lone and opened(head) and closes(text, words[y].b + 1) then first = false end
        if #name > 1 and not (lone and (first or adjective(name) or name:find("%-")))
            and not NOT_NAME[lower(name)] then
          out[#out + 1] = { name = name, start = words[x].a, stop = words[x].a + #name - 1,
                            script = script }
        end
      end
      i = last + 1
    else
      i = i + 1
    end
  end
  -- Han names: 2 or 3 characters right before a speech verb
  for _, v in ipairs(text:find("[\228-\233]") and CJK_SPEECH or {}) do
    local pos = 1
    while true do
      local at = text:find(v, pos, true)
      if not at then break end
      local a = at
      while at - a < 9 and a > 3 and text:sub(a - 3, a - 1):match("^[\228-\233][\128-\191][\128-\191]$") do
        a = a - 3
      end
      if at - a >= 6 then
        out[#out + 1] = { name = text:sub(a, at - 1), start = a, stop = at - 1, script = "han" }
      end
      pos = at + #v
    end
  end
  return out
end

-- ---------------------------------------------------------------------
-- The suggester

-- The keys of the rejected candidates (the change log's reject rows).
local function rejected(kb)
  local set = {}
  for r in kb:rows("SELECT record FROM changelog WHERE operation = 'reject'") do
    set[r.record:gsub("^suggestion:", "")] = true
    set.any = true
  end
  return set
end

-- What the source's sentences already hold: claim evidence by segment,
-- the periods of the events each segment is evidence of, quotes by
-- segment and text (a candidate already coded is not suggested again).
-- (CROSS JOIN: the coded records drive, each looking up its segment; the
-- other way round read every segment of a large source and scanned the
-- quotes for each, 0.16 s on 10 MB)
local function coded_here(kb, source)
  local got = { claim = {}, event = {}, quote = {} }
  for r in kb:rows([[SELECT e.segment AS seg FROM evidence e
      CROSS JOIN segment s ON s.id = e.segment WHERE s.source = ?
      AND e.record_type = 'claim']], source) do
    got.claim[r.seg] = true
  end
  -- events: the periods of their dates, by segment (a sentence can report
  -- happenings of several dates; one coded leaves the others to suggest)
  for r in kb:rows([[SELECT e.segment AS seg, v.date AS date FROM evidence e
      CROSS JOIN segment s ON s.id = e.segment JOIN event v ON v.id = e.record
      WHERE s.source = ? AND e.record_type = 'event']], source) do
    local a, b = period(r.date)
    local l = got.event[r.seg]
    if not l then l = {}; got.event[r.seg] = l end
    l[#l + 1] = { a or -math.huge, b or math.huge }
  end
  for r in kb:rows([[SELECT q.segment AS seg, q.text AS text FROM quote q
      CROSS JOIN segment s ON s.id = q.segment WHERE s.source = ?]], source) do
    got.quote[r.seg .. "\0" .. r.text] = true
  end
  return got
end

-- Candidates this KB made, weakly: kb:accept checks a candidate's origin;
-- and what became of them ("accepted", "rejected").
local issued = setmetatable({}, { __mode = "k" })
local done = setmetatable({}, { __mode = "k" })

-- What a candidate rests on, kept off the candidate: the text of its
-- segment when it was suggested (kb:accept compares it with the text
-- now), and the span its key hashes.
local seg_text_of = setmetatable({}, { __mode = "k" })
local span_of = setmetatable({}, { __mode = "k" })

-- A candidate's key is made when first read (most are never printed or
-- rejected, and hashing every one would cost as much as finding them).
local CAND_META = { __name = "sinorus.Candidate" }
CAND_META.__index = function(c, k)
  if k ~= "key" then return nil end
  local key = c.kind .. ":" .. hash(seg_text_of[c]) .. ":" .. hash(span_of[c])
  rawset(c, "key", key)
  return key
end
CAND_META.__tostring = function(c)
  local f = c.fields
  local what = f.text or f.name or f.title or ""
  return string.format("%s %s (segment %d, %.2f): %s", c.kind, c.key, c.segment,
                       c.confidence, what)
end

-- Completes a candidate (seg_text: its segment's text) and keeps it
-- unless it was rejected (any: the KB holds rejections).
local function finish(kb, c, seg_text, out, rej)
  seg_text_of[c], span_of[c] = seg_text, c.span or ""
  c.span = nil
  setmetatable(c, CAND_META)
  if rej.any and rej[c.key] then return end
  issued[c] = kb
  out[#out + 1] = c
end

-- A candidate of the C rules is made in full when first read (most of a
-- large source's are never read): kb:suggest keeps a stub { kind,
-- segment } and what makes the rest (the sentence's record, or a quote's
-- span with its record); reading any field, pairs, tostring or kb:accept
-- make it, the same table as finish() would have kept.
local LAZY = { __name = "sinorus.Candidate" }
local SUGG    -- the C rules, once made (c_rules below)
local pending = setmetatable({}, { __mode = "k" })

local function quote_candidate(s, q, ctx)
  ctx.doc, ctx.doc_noun_at, ctx.doc_cont = s.doc, s.doc_noun_at, s.doc_cont
  local speaker, why, new = speaker_of(s, q, ctx)
  local c = { kind = "quote", segment = s.id,
              fields = { text = q.text, speaker = speaker, segment = s.id },
              start = s.start + q.start - 1, stop = s.start + q.stop - 1,
              confidence = speaker and 0.8 or 0.5, why = why,
              span = tostring(q.start) .. ":" .. q.text }
  if new then c.new_speaker = { name = new, kind = entity_kind(new) } end
  return c
end

-- Makes the stub c in full; false when c is no stub waiting.
local function materialize(c)
  local from = pending[c]
  if not from then return false end
  pending[c] = nil
  local full
  local s = c.kind == "claim" and from or from.sentence
  -- the C rules hand over a sentence whose candidates are all made when
  -- read without its text: cut from the source's now
  if not s.text then s.text = s.ctx.text:sub(s.start, s.stop) end
  if c.kind == "claim" then
    if from.why == nil then SUGG:features(from) end
    full = claim_candidate(from)
  else
    -- a quote's sentence comes without its lexicon hits: found again now
    if not s.hits then s.hits = SUGG:hits(s.text) end
    full = quote_candidate(s, from, s.ctx)
  end
  local seg_text = s.text
  issued[c] = s.ctx.kb
  seg_text_of[c], span_of[c] = seg_text, full.span or ""
  full.span = nil
  for k, v in pairs(full) do rawset(c, k, v) end
  setmetatable(c, CAND_META)
  return true
end
LAZY.__sinorus_full = materialize   -- sinorus.to_json makes it before writing
LAZY.__index = function(c, k)
  if not materialize(c) then return nil end
  return c[k]
end
LAZY.__pairs = function(c)
  materialize(c)
  return next, c, nil
end
LAZY.__tostring = function(c)
  if not materialize(c) then return "sinorus.Candidate (broken)" end
  return tostring(c)
end

-- Keeps a stub of kind for the record (or span) from, as finish() keeps a
-- candidate; with rejections in the KB it is made at once (its key).
local function finish_lazy(kind, segment, from, out, rej)
  local c = setmetatable({ kind = kind, segment = segment }, LAZY)
  pending[c] = from
  if rej.any then
    materialize(c)
    if rej[c.key] then return end
  end
  out[#out + 1] = c
end

-- The rules in C (csrc/sn_suggest.c), made once from the tables above:
-- the same lexicon, roles, word sets and quotation marks.
local ROLES = { judgment2 = R.judgment[2], judgment1 = R.judgment[1], reported = R.reported,
                factual = R.factual, short = R.horizon.short, long = R.horizon.long,
                document_nouns = R.document_nouns }
local function c_rules()
  if SUGG then return SUGG end
  lexicon()
  local ids = {}
  for i, p in ipairs(PHRASES) do ids[p] = i end
  local roles = {}
  for name, list in pairs(ROLES) do
    roles[name] = {}
    for _, p in ipairs(list) do table.insert(roles[name], ids[p:lower()]) end
  end
  roles.date_words = {}
  for _, p in ipairs(MONTHS) do table.insert(roles.date_words, ids[p]) end
  for _, r in ipairs(R.relative) do table.insert(roles.date_words, ids[r[1]]) end
  roles.event_verbs = {}
  for _, r in ipairs(R.cameo) do
    for _, p in ipairs(r[3]) do table.insert(roles.event_verbs, ids[p]) end
  end
  for _, p in ipairs(R.past) do table.insert(roles.event_verbs, ids[p]) end
  local function keys(t)
    local out = {}
    for k in pairs(t) do out[#out + 1] = k end
    return out
  end
  SUGG = core.suggester {
    phrases = PHRASES, roles = roles, quotes = R.quotes, cjk_speech = CJK_SPEECH,
    sets = { not_names = R.not_names, name_glue = keys(NAME_GLUE), kind_words = keys(KIND_WORD),
             adjective_suffixes = ADJECTIVE.suffixes, adjective_words = ADJECTIVE.words,
             actor_kinds = keys(ACTOR_KINDS) },
  }
  return SUGG
end

-- true: kb:suggest runs the rules in Lua (the reference the C rules are
-- compared with in spec/suggest_c_spec.lua)
local REFERENCE = false

-- The sentences of a source with what the rules read of them, one at a
-- time, in the Lua reference: { id, text, start, mentions, hits, spans,
-- doc, doc_noun_at, doc_cont, claim = claim_features, about, names (not inside a
-- mention), event (the event rules apply) }.
local function lua_sentences(kb, text, source, self_id, want)
  local next_mention, mstmt, closing, mrow
  local next_sentence, sstmt, _, sclosing = kb:rows(SENTENCES, source)
  local doc, prev_doc = nil, false
  local function step()
    local r = next_sentence(sstmt)
    if not r then return nil end
    local s = { id = r.id, text = text:sub(r.start, r.stop), start = r.start, mentions = {} }
    if not next_mention then
      next_mention, mstmt, _, closing = kb:rows(MENTIONS, s.id)
      mrow = next_mention(mstmt)
    end
    while mrow and mrow.seg < s.id do mrow = next_mention(mstmt) end
    while mrow and mrow.seg == s.id do
      s.mentions[#s.mentions + 1] = { entity = mrow.entity, start = mrow.start - s.start + 1,
                                      stop = mrow.stop - s.start + 1, kind = mrow.kind }
      mrow = next_mention(mstmt)
    end
    local low = scan(s.text)
    s.hits = low
    s.spans = quoted_spans(s.text)
    -- the document in play: the last document entity mentioned (not the
    -- source itself); a sentence about it names a document noun, or goes
    -- on with "It"/"Its" after one that did
    for _, m in ipairs(s.mentions) do
      if m.kind == "document" and m.entity ~= self_id then doc = m.entity end
    end
    -- where the sentence first names a document noun (a quote before it
    -- is not the document's: "the biggest “get” in the text")
    local noun_at
    for _, p in ipairs(R.document_nouns) do
      local at = low[p] and low[p][1]
      if at and (not noun_at or at < noun_at) then noun_at = at end
    end
    s.doc, s.doc_noun_at = doc, noun_at
    s.doc_cont = prev_doc and (s.text:match("^Its?%s") ~= nil)
    prev_doc = noun_at ~= nil or s.doc_cont
    if want.claim then
      claim_features(s, low)
      s.about = table.concat(about(s), "\0")
    end
    s.event = want.event
    if want.entity then
      s.names = {}
      for _, n in ipairs(names_in(s.text)) do
        local covered = false
        for _, m in ipairs(s.mentions) do
          if m.start <= n.start and m.stop >= n.stop then covered = true end
        end
        if not covered then s.names[#s.names + 1] = n end
      end
    end
    return s
  end
  -- the statements are closed with the returned to-be-closed value
  local both = setmetatable({}, { __close = function()
    if closing then closing:close() end
    sclosing:close()
  end })
  return step, both
end

-- The same from the C rules: only the sentences that yield something.
-- (undated: a chronology may date an event, which then needs no date of
-- its own)
local WANT_BITS = { claim = 1, quote = 2, event = 4, entity = 8 }
local function c_sentences(kb, text, source, self_id, want, undated)
  local bits = undated and 16 or 0
  for k in pairs(want) do bits = bits | WANT_BITS[k] end
  local run = c_rules():run(kb, text, SENTENCES, MENTIONS, source, self_id, bits)
  local batch, i = nil, 0
  local function step()
    while not batch or i >= #batch do
      batch, i = run:next(), 0
      if not batch then return nil end
    end
    i = i + 1
    return batch[i]
  end
  return step, run
end

local SUGGEST_KEYS = { "source", "kinds", "chronology" }

--- Candidate records for a source: claims, quotes, events and entities,
--- each with segment, kind, fields, confidence and why.
-- Raises unless opts[key] is a source id (an integer: 2.0 is none).
local function check_source_id(opts, key)
  local v = opts[key]
  if math.type(v) ~= "integer" then
    argerror("suggest", 1, string.format("'%s' must be an integer source id, got %s", key,
             type(v) == "number" and tostring(v) or util.typename(v)), 3)
  end
end

function KB:suggest(opts)
  opts = util.check_opts("suggest", 1, opts, SUGGEST_KEYS)
  local source = opts.source
  check_source_id(opts, "source")
  local src = internal.value(self, "SELECT published FROM source WHERE id = ?", source)
  local title = internal.value(self, "SELECT title FROM source WHERE id = ?", source)
  if not title then argerror("suggest", 1, string.format("no source %d", source)) end
  local want = {}
  if opts.kinds == nil then
    for _, k in ipairs(KINDS) do want[k] = true end
  elseif type(opts.kinds) ~= "table" then
    argerror("suggest", 1, "'kinds' must be a list, got " .. util.typename(opts.kinds))
  else
    for _, k in ipairs(opts.kinds) do
      if not KIND_SET[k] then
        argerror("suggest", 1, string.format("unknown kind '%s'; valid kinds: %s",
                 tostring(k), table.concat(KINDS, ", ")))
      end
      want[k] = true
    end
  end
  local published = src
  local chron = opts.chronology
  if chron ~= nil then
    check_source_id(opts, "chronology")
    if chron == source then
      argerror("suggest", 1, string.format("'chronology' is the source itself (%d): "
               .. "a document cannot date its own events", source))
    end
    if not internal.value(self, "SELECT 1 FROM source WHERE id = ?", chron) then
      argerror("suggest", 1, string.format("no source %d for 'chronology'", chron))
    end
  end
  -- the source's own entity: a document entity named by its title
  local self_id = internal.value(self, [[SELECT id FROM entity WHERE kind = 'document'
    AND lower(name) = lower(?) ORDER BY id LIMIT 1]], title)
  lexicon()
  local rej = rejected(self)

  local coded = coded_here(self, source)
  local out = {}
  local ctx = { published = published, self = self_id, title = title, kb = self }
  if chron and want.event then ctx.chronology = chronology.load(self, chron, published) end
  local known = {}
  if want.entity then
    for r in self:rows("SELECT folded FROM alias") do known[r.folded] = true end
    for r in self:rows("SELECT name FROM entity") do known[core.fold(r.name)] = true end
  end
  local new_names, ents = {}, {}
  -- the statements are closed when this function returns or raises
  local text = self:text(source) or ""
  ctx.text = text
  local next_sentence, closing <close> = (REFERENCE and lua_sentences or c_sentences)( -- luacheck: ignore 211/closing
    self, text, source, self_id, want, ctx.chronology ~= nil)
  for s in next_sentence do
    ctx.doc, ctx.doc_noun_at, ctx.doc_cont = s.doc, s.doc_noun_at, s.doc_cont
    if s.claim and not coded.claim[s.id] then
      -- the C rules hand over a claim without its features (why) when the
      -- plain-fact patterns cannot drop it (it scores 4 or more, or has no
      -- digit): it is made when read
      if s.why == nil then
        s.ctx = ctx
        finish_lazy("claim", s.id, s, out, rej)
      else
        local c = claim_candidate(s)
        if c then finish(self, c, s.text, out, rej) end
      end
    end
    if want.quote and s.spans then
      s.ctx = ctx
      for _, q in ipairs(s.spans) do
        if not coded.quote[s.id .. "\0" .. q.text] then
          if not REFERENCE then
            q.sentence = s
            finish_lazy("quote", s.id, q, out, rej)
          else
            finish(self, quote_candidate(s, q, ctx), s.text, out, rej)
          end
        end
      end
    end
    if s.event then
      local had = coded.event[s.id]
      for _, c in ipairs(event_candidate(s, s.hits, ctx) or {}) do
        -- not one whose period overlaps an event coded on the sentence
        local a, b = period(c.date_low), select(2, period(c.date_high))
        for _, p in ipairs(had or {}) do
          if a <= p[2] and b >= p[1] then goto next_event end
        end
        finish(self, c, s.text, out, rej)
        ::next_event::
      end
    end
    for _, n in ipairs(s.names or {}) do
      local f = core.fold(n.name)
      if not known[f] then
        local e = new_names[f]
        if not e then
          e = { name = n.name, segment = s.id, seg_text = s.text, count = 0, aliases = {},
                script = n.script }
          new_names[f] = e
          new_names[#new_names + 1] = e
        end
        e.count = e.count + 1
      end
    end
  end
  if want.entity then
    -- aliases in the same source: "Full Name (ABBR)", a person's surname,
    -- a name whose words are a prefix of a longer one
    local by_fold = {}
    for _, e in ipairs(new_names) do by_fold[core.fold(e.name)] = e end
    -- "Name (ABBR)": one pass over the text's brackets
    local abbr_of = {}
    for at, abbr in text:gmatch("()%((%u[%u%.%-]+)%)") do
      local head = text:sub(math.max(1, at - 120), at - 1):gsub("%s+$", "")
      for _, n in ipairs(REFERENCE and names_in(head) or c_rules():names(head)) do
        if n.stop == #head then abbr_of[core.fold(n.name)] = abbr_of[core.fold(n.name)] or abbr end
      end
    end
    for _, e in ipairs(new_names) do
      local abbr = abbr_of[core.fold(e.name)]
      if abbr then e.aliases[#e.aliases + 1] = abbr; by_fold[core.fold(abbr)] = nil end
      e.kind = entity_kind(e.name, e.script ~= "latin")
      if e.kind == "person" then
        -- the surname alone, found as a name of its own in the source
        local surname = e.name:match("(%S+)$")
        local other = by_fold[core.fold(surname)]
        if other and other ~= e then
          e.aliases[#e.aliases + 1] = surname
          other.merged = true
        end
      end
    end
    for _, e in ipairs(new_names) do
      if not e.merged and by_fold[core.fold(e.name)] then
        local conf = math.min(0.9, 0.4 + 0.1 * e.count + (e.kind ~= "organization" and 0.1 or 0))
        local c = { kind = "entity", segment = e.segment,
                    fields = { id = slug(e.name), name = e.name, kind = e.kind,
                               aliases = #e.aliases > 0 and e.aliases or nil },
                    confidence = conf, why = string.format("%s name, %d occurrence%s",
                      e.script, e.count, e.count == 1 and "" or "s"),
                    span = e.name }
        finish(self, c, e.seg_text, ents, rej)
      end
    end
  end
  -- claims, quotes and events came in the order of the text (by segment,
  -- then kind, then a quote's start); the entities, each at its first
  -- occurrence, go in after the other candidates of their segment
  if #ents > 0 then
    local merged, j = {}, 1
    for _, c in ipairs(out) do
      while ents[j] and ents[j].segment < c.segment do
        merged[#merged + 1] = ents[j]; j = j + 1
      end
      merged[#merged + 1] = c
    end
    for k = j, #ents do merged[#merged + 1] = ents[k] end
    out = merged
  end
  local _, lim, off = util.page(opts)
  local page = out
  if lim >= 0 or off > 0 then
    page = {}
    for i = off + 1, lim < 0 and #out or math.min(#out, off + lim) do page[#page + 1] = out[i] end
  end
  return util.list(page, { "kind", "segment", "confidence", "key" }, "sinorus.Candidates")
end

-- ---------------------------------------------------------------------
-- Accepting and rejecting

-- Checks that c is a current candidate of kb; raises for fname otherwise.
local function check_candidate(kb, fname, c)
  if type(c) == "table" and getmetatable(c) == LAZY and not materialize(c) then
    argerror(fname, 1, "candidate was not made by this sinorus.KB")
  end
  if type(c) ~= "table" or getmetatable(c) ~= CAND_META then
    argerror(fname, 1, "sinorus.Candidate expected, got " .. util.typename(c))
  end
  if issued[c] ~= kb then
    argerror(fname, 1, string.format("candidate %s was not made by this sinorus.KB", c.key))
  end
  if done[c] then
    argerror(fname, 1, string.format("candidate %s was %s already", c.key, done[c]))
  end
  local text = internal.value(kb, "SELECT text FROM segment WHERE id = ?", c.segment)
  if text == nil or text ~= seg_text_of[c] then
    argerror(fname, 1, string.format("candidate %s is stale: segment %d changed since it "
             .. "was suggested", c.key, c.segment))
  end
end

-- A record id of the kind not yet used: prefix-slug, then -2, -3, ...
local function fresh_id(kb, tbl, base)
  local id, n = base, 1
  while internal.value(kb, "SELECT 1 FROM " .. tbl .. " WHERE id = ?", id) do
    n = n + 1
    id = base .. "-" .. n
  end
  return id
end

local PREFIX = { claim = "claim-", quote = "q-", event = "ev-", entity = "" }
local TABLE = { claim = "claim", quote = "quote", event = "event", entity = "entity" }

--- Turns a candidate into a record through add_<kind> (its validation,
--- change log and atomicity); edits override its fields. Returns the id.
function KB:accept(c, edits)
  check_candidate(self, "accept", c)
  if edits ~= nil and type(edits) ~= "table" then
    argerror("accept", 2, "table expected, got " .. util.typename(edits))
  end
  local f = {}
  for k, v in pairs(c.fields) do f[k] = v end
  if c.kind == "claim" and f.estimative then
    -- the band is derived from the expression by add_claim
    f.p_low, f.p_high = nil, nil
    if estimate(f.estimative, f.scale) == nil then f.scale = nil end
  end
  for k, v in pairs(edits or {}) do
    if v == false then f[k] = nil else f[k] = v end
  end
  if c.kind == "event" and f.date == nil then
    -- a window, a period of two dates or a tie: the coder picks the date
    local what = span_of[c] == "tie" and "entries tie" or "'" .. span_of[c] .. "'"
    argerror("accept", 1, string.format("candidate has no single date (%s: period %s..%s): "
             .. "pass edits {date = ...}", what, c.date_low, c.date_high))
  end
  local new_speaker = c.kind == "quote" and f.speaker == nil and c.new_speaker
  local id = self:transaction(function()
    if new_speaker then
      f.speaker = self:add_entity { id = fresh_id(self, "entity", slug(new_speaker.name)),
                                    name = new_speaker.name, kind = new_speaker.kind }
    end
    if f.id == nil then
      local base = PREFIX[c.kind] .. slug(f.name or f.title or f.text or c.key, 36)
      f.id = fresh_id(self, TABLE[c.kind], base)
    end
    -- a sentence is long for a title: cut it at a character boundary
    if c.kind == "event" and type(f.title) == "string" and #f.title > 120 then
      f.title = f.title:sub(1, 117):gsub("[\128-\191]*$", ""):gsub("[\192-\255]$", "") .. "..."
    end
    return self["add_" .. c.kind](self, f)
  end)
  done[c] = "accepted"
  return id
end

--- Remembers that a candidate was rejected (a "reject" row of the change
--- log): kb:suggest leaves it out from then on.
function KB:reject(c)
  check_candidate(self, "reject", c)
  self:transaction(function()
    internal.log(self, "reject", "suggestion:" .. c.key, nil,
                 { kind = c.kind, segment = c.segment, fields = c.fields })
  end)
  done[c] = "rejected"
  return true
end

-- rules, kinds and the span and name finders: for doc/suggest.md and the specs
-- c_rules(): the C rules (sinorus.Suggester); sql: the queries a run
-- reads (bench/suggest.lua --parts, with the source's text); reference(on): kb:suggest runs the Lua
-- reference (true) or the C rules (false, the default).
return { methods = KB, module = M, rules = R, kinds = KINDS, quoted_spans = quoted_spans,
         names_in = names_in, period = period, months = MONTHS, c_rules = c_rules,
         sql = { sentences = SENTENCES, mentions = MENTIONS },
         reference = function(on) REFERENCE = on and true or false end }
