-- sinorus.store: the record shapes, their validation and the SQL that
-- writes them. Internal; one implementation shared by the build-time loader
-- (tools/kbdata.lua, evidence given as verbatim phrases) and the authoring
-- API (sinorus.author, evidence given as segment ids).
--
--   store.shapes(mode) -> SHAPES     mode "build" or "runtime"
--   store.check_shape(ctx, rec)      unknown fields, required fields, types
--   store.CHECK[type](ctx, rec)      ranges, references, bands (none by default)
--   store.WRITE[type](kb, rec, ord, ctx)   inserts a validated record (by
--                                    default the row of its table, see below)
--   store.DELETE[type](kb, id)       deletes a record and its dependent rows
--   store.norm(s)                    the folded form of a name (alias.folded)
--   store.valid_date(s)              ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD
--   store.check_as_of(fname, v)      raises unless v is such a date
--
-- A record under validation is rec = { type = "claim", t = fields, ... };
-- the checks add what the writers need (rec.segments, rec.phrases,
-- rec.segment, rec.scale, rec.p_low, rec.p_high) and replace entity
-- references in rec.t by entity ids. The context ctx supplies what differs
-- between build and run time:
--
--   ctx.build                        true at build time (coding rules of data/README.md)
--   ctx:fail(rec, field, fmt, ...)   raises; field may be nil
--   ctx:entity(rec, field, v)        the id of the entity v names (or fails)
--   ctx:evidence(rec)                the segment ids of rec.t.evidence (or fails)
--   ctx:segment(id)                  { id, kind, text } of a segment, or nil
--   ctx:alias_owner(folded, rec)     the id of another entity with that name, or nil
--   ctx:quote_segment(rec)           the segment of a quote without evidence
--   ctx.hypotheses                   the hypotheses so far, by id (ACH items)
--   ctx.hyp_order[question]          the ids of a question's hypotheses, in order
--   rec.source                       the source of a reference (build time)

local core = require "sinorus.core"
local internal = require "sinorus.internal"
local util = require "sinorus.util"

local store = {}

local find, mathtype = string.find, math.type

local model = require "sinorus.model"
local ENUMS = model.ENUMS

-- The fields of each record type at build time (sinorus.model): name ->
-- checker kind; `required` lists the fields that must be present.
local SHAPES = {}
for _, t in ipairs(model.TYPES) do
  SHAPES[t.name] = { fields = t.fields, required = t.required, enums = t.enums }
end

-- At run time evidence is a list of segment ids, and a quote may name its
-- segment directly; everything else is the same.
local RUNTIME = {}
for rtype, shape in pairs(SHAPES) do
  local fields = {}
  for k, v in pairs(shape.fields) do fields[k] = v end
  if fields.evidence then fields.evidence = "segments" end
  RUNTIME[rtype] = { fields = fields, required = shape.required, enums = shape.enums }
end
RUNTIME.quote.fields.segment = "integer"

function store.shapes(mode)
  return mode == "build" and SHAPES or RUNTIME
end

local function sorted(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out, function(a, b)
    if type(a) == type(b) and (type(a) == "string" or type(a) == "number") then
      return a < b
    end
    return tostring(a) < tostring(b)
  end)
  return out
end
store.sorted = sorted

local function member(list, v)
  for i = 1, #list do if list[i] == v then return true end end
  return false
end

-- Folded form of a name for lookups: folded, white space collapsed, trimmed.
function store.norm(s)
  return (core.fold(s):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end
local norm = store.norm

function store.valid_date(d)
  -- the one date rule, in C (core.day_key: leap years, days per month)
  return core.day_key(d) ~= nil
end
local valid_date = store.valid_date

-- Raises fname's argument error unless v is an as_of date (the one check
-- of every as_of option: record lists, ratings, ach).
function store.check_as_of(fname, v)
  if type(v) ~= "string" or not valid_date(v) then
    util.argerror(fname, 1, "'as_of' must be a date YYYY, YYYY-MM or YYYY-MM-DD, got " ..
                  (type(v) == "string" and "'" .. v .. "'" or util.typename(v)), 3)
  end
end

-- The position of the first byte that is not UTF-8 in s, or nil (the
-- position utf8.len reports; in C, which skips ASCII eight bytes at a time).
local bad_utf8 = core.utf8_error
store.bad_utf8 = bad_utf8

local function is_list(v)
  if type(v) ~= "table" then return false end
  local n = 0
  for k in pairs(v) do
    if math.type(k) ~= "integer" or k < 1 then return false end
    n = n + 1
  end
  return n == #v
end

-- Checker kinds: value -> ok, what was expected.
local CHECKERS = {
  id = function(v)
    return type(v) == "string" and find(v, "^[%w][%w%-%.]*$") ~= nil,
           "a string of letters, digits, '-' and '.'"
  end,
  string = function(v)
    return type(v) == "string" and find(v, "%S") ~= nil and not bad_utf8(v)
           and not find(v, "\0", 1, true), "a non-empty string"
  end,
  number = function(v)
    return type(v) == "number" and v == v and v > -math.huge and v < math.huge,
           "a finite number"
  end,
  integer = function(v) return mathtype(v) == "integer", "an integer" end,
  table = function(v) return type(v) == "table", "a table" end,
  boolean = function(v) return type(v) == "boolean", "a boolean" end,
  strings = function(v)
    if not is_list(v) then return false, "a list of strings" end
    for i = 1, #v do
      local s = v[i]
      if type(s) ~= "string" or not find(s, "%S") or bad_utf8(s)
         or find(s, "\0", 1, true) then
        return false, "a list of non-empty strings"
      end
    end
    return true
  end,
  segments = function(v)
    if not is_list(v) then return false, "a list of segment ids" end
    for i = 1, #v do
      if mathtype(v[i]) ~= "integer" then return false, "a list of segment ids (integers)" end
    end
    return true
  end,
  numbers = function(v)
    return type(v) == "table" and #v == 2 and type(v[1]) == "number"
           and type(v[2]) == "number", "a pair of numbers { low, high }"
  end,
}
store.CHECKERS = CHECKERS

local function describe(v)
  if type(v) == "string" then
    if bad_utf8(v) then
      return string.format("a string with invalid UTF-8 at byte %d", bad_utf8(v))
    end
    if find(v, "\0", 1, true) then
      return string.format("a string with a NUL byte at byte %d", find(v, "\0", 1, true))
    end
    return string.format("%q", v)
  end
  if type(v) == "number" and not (v > -math.huge and v < math.huge) then
    return v ~= v and "NaN" or tostring(v)
  end
  return util.typename(v)
end

local function check_enum(ctx, rec, field, list)
  local v = rec.t[field]
  if v ~= nil and not member(list, v) then
    ctx:fail(rec, field, "invalid option '%s'; expected one of: %s", tostring(v),
             table.concat(list, ", "))
  end
end

-- Checks the fields of a record against its shape (ctx.shapes): unknown
-- and missing fields, the kinds of the values, then the enumerated fields.
local function field_order(shape)
  local order = shape.order
  if not order then
    order = sorted(shape.fields)
    local checks, check_of = {}, {}
    for i, k in ipairs(order) do
      checks[i] = CHECKERS[shape.fields[k]]
      check_of[k] = checks[i]
    end
    shape.order, shape.checks, shape.check_of = order, checks, check_of
    shape.enum_fields = sorted(shape.enums or {})
  end
  return order
end

function store.check_shape(ctx, rec)
  local shape = ctx.shapes[rec.type]
  local order = field_order(shape)
  local fields, checks = shape.fields, shape.checks
  local t = rec.t
  -- the usual record passes in one round of its own fields; a record
  -- that does not is checked field by field in the order below, which
  -- names its first fault
  local check_of, sound = shape.check_of, true
  for k, v in pairs(t) do
    local check = check_of[k]
    if not (check and check(v)) then sound = false; break end
  end
  if not sound then
    for k in pairs(t) do
      if not fields[k] then
        if ctx.build then
          ctx:fail(rec, nil, "unknown field '%s' (valid fields: %s)", tostring(k),
                   table.concat(order, ", "))
        end
        ctx:fail(rec, nil, "unknown field '%s'; valid fields: %s", tostring(k),
                 table.concat(order, ", "))
      end
    end
  end
  local required = shape.required
  for i = 1, #required do
    local k = required[i]
    if t[k] == nil then ctx:fail(rec, nil, "missing field '%s'", k) end
  end
  if not sound then
    for i = 1, #order do
      local k = order[i]
      local v = t[k]
      if v ~= nil then
        local ok, want = checks[i](v)
        if not ok then
          ctx:fail(rec, k, "must be %s, got %s", want, describe(v))
        end
      end
    end
  end
  local enum_fields = shape.enum_fields
  for i = 1, #enum_fields do
    local k = enum_fields[i]
    check_enum(ctx, rec, k, ENUMS[shape.enums[k]])
  end
end

-- A date field, when given, is ISO 8601 of a year, a month or a day.
local function check_date(ctx, rec, field)
  local v = rec.t[field]
  if v ~= nil and not valid_date(v) then
    ctx:fail(rec, field, "%q must be YYYY, YYYY-MM or YYYY-MM-DD", v)
  end
end

local function check_range(ctx, rec, field, lo, hi)
  local v = rec.t[field]
  if v ~= nil and (v < lo or v > hi) then
    ctx:fail(rec, field, "must lie in [%g, %g], got %g", lo, hi, v)
  end
end

-- A probability band: p_low and p_high both or neither, in [0, 1], in order.
local function check_band(ctx, rec)
  local t = rec.t
  if (t.p_low == nil) ~= (t.p_high == nil) then
    ctx:fail(rec, t.p_low == nil and "p_low" or "p_high",
             "give both p_low and p_high, or neither")
  end
  check_range(ctx, rec, "p_low", 0, 1)
  check_range(ctx, rec, "p_high", 0, 1)
  if t.p_low ~= nil and t.p_low > t.p_high then ctx:fail(rec, "p_low", "exceeds p_high") end
end

-- Resolves the entity references in the list field, in place; no entity twice.
local function check_entities(ctx, rec, field)
  local seen, list = {}, rec.t[field] or {}
  for i, v in ipairs(list) do
    local id = ctx:entity(rec, field, v)
    if seen[id] then
      ctx:fail(rec, field, "entity '%s' listed twice", id)
    end
    seen[id] = true
    list[i] = id
  end
end

local function check_unique_strings(ctx, rec, field)
  local list = rec.t[field]
  if list == nil then return end
  local seen = {}
  for _, s in ipairs(list) do
    if seen[s] then ctx:fail(rec, field, "%q listed twice", s) end
    seen[s] = true
  end
end

local function check_word(ctx, rec, field, pattern, what)
  local v = rec.t[field]
  if v ~= nil and not v:match(pattern) then
    ctx:fail(rec, field, "%q must be %s", v, what)
  end
end

-- core.estimate(term, scale), kept for the terms met (a few; at most
-- 256 a scale, then forgotten).
local bands, nbands = {}, {}
local function estimate(term, scale)
  local known = bands[scale]
  local est = known and known[term]
  if est then return est end
  local msg
  est, msg = core.estimate(term, scale)
  if not est then return nil, msg end
  if not known or nbands[scale] >= 256 then
    known = {}
    bands[scale], nbands[scale] = known, 0
  end
  known[term], nbands[scale] = est, nbands[scale] + 1
  return est
end

-- Per-type checks, after the shape check.
local CHECK = {}
store.CHECK = CHECK

function CHECK.entity(ctx, rec)
  local t = rec.t
  local names = { t.name }
  for _, a in ipairs(t.aliases or {}) do names[#names + 1] = a end
  local mine = {}
  for i, a in ipairs(names) do
    local field = i == 1 and "name" or "aliases"
    local f = norm(a)
    if f == "" then ctx:fail(rec, field, "%q folds to nothing", a) end
    if mine[f] then ctx:fail(rec, field, "%q repeats another name of the entity", a) end
    mine[f] = true
    local other = ctx:alias_owner(f, rec)
    if other then
      ctx:fail(rec, field, "%q is already a name of entity '%s'", a, other)
    end
  end
  rec.folded = mine
end

function CHECK.question(ctx, rec)
  ctx.hyp_order[rec.t.id] = {}
end

-- The hypotheses of the record's question, in order (or fails).
local function question_of(ctx, rec)
  local hyps = ctx.hyp_order[rec.t.question]
  if not hyps then
    ctx:fail(rec, "question", "unknown question '%s'", tostring(rec.t.question))
  end
  return hyps
end

-- The hypotheses of a question are told apart by their folded text: two
-- answers worded alike are one hypothesis.
function CHECK.hypothesis(ctx, rec)
  local hyps = question_of(ctx, rec)
  local t = rec.t
  local mine = norm(t.text)
  for _, h in ipairs(hyps) do
    local other = h ~= t.id and ctx.hypotheses[h]
    if other and norm(other.text) == mine then
      ctx:fail(rec, "text", "repeats hypothesis '%s' of question '%s'", h, t.question)
    end
  end
  if not member(hyps, t.id) then hyps[#hyps + 1] = t.id end
end

function CHECK.claim(ctx, rec)
  local t = rec.t
  check_entities(ctx, rec, "about")
  if #t.about == 0 then ctx:fail(rec, "about", "must name at least one entity") end
  check_unique_strings(ctx, rec, "topics")
  for _, topic in ipairs(t.topics or {}) do
    if not topic:match("^[a-z0-9][a-z0-9%-]*$") then
      ctx:fail(rec, "topics", "%q must be lower-case words joined by '-'", topic)
    end
  end
  local segs = ctx:evidence(rec)
  check_band(ctx, rec)
  local scale = t.scale or "icd203"
  rec.scale = scale
  if t.p_low ~= nil then
    if ctx.build and not t.note then
      ctx:fail(rec, "note", "an explicit band (p_low, p_high) needs a note saying why")
    end
    rec.p_low, rec.p_high = t.p_low, t.p_high
  elseif t.estimative then
    local est, msg = estimate(t.estimative, scale)
    if not est then
      if ctx.build then ctx:fail(rec, nil, "%s (give p_low and p_high with a note)", msg) end
      ctx:fail(rec, "estimative", "%s; give p_low and p_high instead", msg)
    end
    rec.p_low, rec.p_high = est.p_low, est.p_high
  end
  -- `denies`: the text denies the event the estimative grades, so its
  -- band (the probability that the text as worded is true) is the
  -- complement (data/README.md section 3)
  if t.denies then
    if not t.estimative or t.p_low ~= nil then
      ctx:fail(rec, "denies", "needs an estimative expression and no explicit band")
    end
    if ctx.build and not t.note then
      ctx:fail(rec, "note", "a denied estimate needs a note saying what it denies")
    end
    rec.p_low, rec.p_high = 1 - rec.p_high, 1 - rec.p_low
  end
  if t.estimative then
    if ctx.build then
      local found = false
      for _, id in ipairs(segs) do
        if ctx:segment(id).text:find(t.estimative, 1, true) then found = true end
      end
      if not found then
        ctx:fail(rec, "estimative", "%q occurs in none of its evidence segments",
                 t.estimative)
      end
    end
  elseif t.scale then
    ctx:fail(rec, "scale", "a scale without an estimative expression")
  end
end

-- The fields sinorus.wording derives from a factor's wording.
local DERIVED = model.type("factor").derived

function CHECK.factor(ctx, rec)
  local t = rec.t
  if t.wording ~= nil then
    for _, k in ipairs(DERIVED) do
      if t[k] ~= nil then
        ctx:fail(rec, k, "is derived from the wording; give one or the other")
      end
    end
    local w, msg = require("sinorus.wording").derive(t.wording)
    if not w then ctx:fail(rec, "wording", "%s", msg) end
    t.weight, t.range, t.coupling = w.weight, w.range, w.coupling
  else
    if ctx.build then
      ctx:fail(rec, "wording", "the coded data give the wording features, not weights")
    end
    for _, k in ipairs(DERIVED) do
      if t[k] == nil then ctx:fail(rec, nil, "missing field '%s' (or give wording)", k) end
    end
  end
  check_word(ctx, rec, "domain", "^[a-z][a-z%-]*$", "a lower-case word")
  check_range(ctx, rec, "weight", 0, 1)
  check_range(ctx, rec, "coupling", -1, 1)
  local lo, hi = t.range[1], t.range[2]
  if lo < 0 or hi > 1 or lo > t.weight or t.weight > hi then
    ctx:fail(rec, "range", "{%g, %g} must lie in [0, 1] and contain the weight %g",
             lo, hi, t.weight)
  end
  ctx:evidence(rec)
end

function CHECK.relation(ctx, rec)
  local t = rec.t
  t.from = ctx:entity(rec, "from", t.from)
  t.to = ctx:entity(rec, "to", t.to)
  if t.from == t.to then ctx:fail(rec, "to", "a relation needs two different entities") end
  if t.sign < -1 or t.sign > 1 then
    ctx:fail(rec, "sign", "must be -1, 0 or 1, got %d", t.sign)
  end
  check_word(ctx, rec, "type", "^[a-z][a-z%-]*$", "lower-case words joined by '-'")
  if ctx.build and not member(ENUMS.relation_type, t.type) then
    ctx:fail(rec, "type", "%q is not in the codebook's relation types (%s)", t.type,
             table.concat(ENUMS.relation_type, ", "))
  end
  check_range(ctx, rec, "weight", 0, 1)
  ctx:evidence(rec)
end

function CHECK.event(ctx, rec)
  local t = rec.t
  check_date(ctx, rec, "date")
  check_entities(ctx, rec, "actors")
  if #t.actors == 0 then ctx:fail(rec, "actors", "must name at least one entity") end
  if t.cameo and not t.cameo:match("^%d%d%d?%d?$") then
    ctx:fail(rec, "cameo", "%q must be a CAMEO code of 2 to 4 digits", t.cameo)
  end
  if (t.cameo == nil) ~= (t.goldstein == nil) then
    ctx:fail(rec, t.cameo == nil and "cameo" or "goldstein",
             "give both cameo and goldstein, or neither")
  end
  check_range(ctx, rec, "goldstein", -10, 10)
  -- an event rests on sentences of a source (evidence) or on its own
  -- source (source_url), and only the latter can be after publication
  if t.source_url == nil then
    if t.evidence == nil then ctx:fail(rec, nil, "missing field 'evidence'") end
    for _, k in ipairs { "after_publication", "checked", "covers", "tally", "votes" } do
      if t[k] ~= nil then ctx:fail(rec, k, "needs source_url (the source it rests on)") end
    end
  elseif not t.source_url:match("^https?://%S+$") then
    ctx:fail(rec, "source_url", "%q must be an http(s) URL", t.source_url)
  end
  for k, v in pairs(t.votes or {}) do
    if type(k) ~= "string" or (v ~= "for" and v ~= "against" and v ~= "abstain") then
      ctx:fail(rec, "votes", "must map entity ids to 'for', 'against' or 'abstain'")
    end
  end
  ctx:evidence(rec)
end

function CHECK.quote(ctx, rec)
  local t = rec.t
  t.speaker = ctx:entity(rec, "speaker", t.speaker)
  if ctx.build and t.stance ~= nil and not member(ENUMS.quote_stance, t.stance) then
    ctx:fail(rec, "stance", "%q is not one of the codebook's stances (%s)", t.stance,
             table.concat(ENUMS.quote_stance, ", "))
  end
  local seg
  if t.segment ~= nil and t.evidence ~= nil then
    ctx:fail(rec, "segment", "give either segment or evidence, not both")
  end
  if t.segment ~= nil then
    local s = ctx:segment(t.segment)
    if not s then ctx:fail(rec, "segment", "no segment %d", t.segment) end
    if not s.text:find(t.text, 1, true) then
      ctx:fail(rec, "text", "does not occur verbatim in segment %d", t.segment)
    end
    seg = t.segment
    rec.segments = { seg }
  elseif t.evidence then
    local segs = ctx:evidence(rec)
    for _, id in ipairs(segs) do
      if ctx:segment(id).text:find(t.text, 1, true) then seg = id; break end
    end
    if not seg then
      ctx:fail(rec, "text", "occurs verbatim in none of its evidence segments")
    end
  else
    seg = ctx:quote_segment(rec)
    rec.segments = { seg }
    rec.phrases = { t.text }
  end
  rec.segment = seg
end

function CHECK.reference(ctx, rec)
  local t = rec.t
  if t.id < 1 then ctx:fail(rec, nil, "a reference id is its number in the list (1, 2, ...)") end
  if t.year and (t.year < 1000 or t.year > 9999) then
    ctx:fail(rec, "year", "%d is not a four-digit year", t.year)
  end
  if #t.evidence ~= 1 then ctx:fail(rec, "evidence", "give exactly one evidence phrase") end
  local segs = ctx:evidence(rec)
  if ctx:segment(segs[1]).kind ~= "reference" then
    ctx:fail(rec, "evidence", "not in a reference entry: %q", tostring(t.evidence[1]))
  end
end

-- The event records a list field names must exist.
local function check_events(ctx, rec, field)
  for _, e in ipairs(rec.t[field] or {}) do
    if not ctx:record("event", e) then ctx:fail(rec, field, "unknown event '%s'", e) end
  end
end

function CHECK.item(ctx, rec)
  local t = rec.t
  local hyps = question_of(ctx, rec)
  if #hyps == 0 then
    ctx:fail(rec, "question", "question '%s' has no hypotheses", t.question)
  end
  -- a rating with its reason, {rating, reason}, is split into the two
  local reasons = {}
  for h, r in pairs(t.ratings) do
    if type(r) == "table" then
      if type(r[2]) ~= "string" or not r[2]:find("%S") or r[3] ~= nil then
        ctx:fail(rec, "ratings", "rating of '%s' must be a rating or {rating, reason}",
                 tostring(h))
      end
      t.ratings[h], reasons[h] = r[1], r[2]
    end
  end
  rec.reasons = reasons
  if t.evidence == nil and t.events == nil then
    ctx:fail(rec, nil, "give evidence (segments), events (event records) or both")
  end
  check_date(ctx, rec, "date")
  if t.events ~= nil and t.date == nil then
    ctx:fail(rec, "date", "an item resting on events needs its date")
  end
  check_events(ctx, rec, "events")
  for _, h in ipairs(sorted(t.ratings)) do
    local r = t.ratings[h]
    local of = ctx.hypotheses[h]
    if not of then
      ctx:fail(rec, nil, "rating for unknown hypothesis '%s'", tostring(h))
    end
    if of.question ~= t.question then
      ctx:fail(rec, "ratings", "hypothesis '%s' answers question '%s', not '%s'", h,
               of.question, t.question)
    end
    if not member(ENUMS.rating, r) then
      ctx:fail(rec, "ratings", "rating of '%s' must be one of %s, got %q", h,
               table.concat(ENUMS.rating, ", "), tostring(r))
    end
  end
  for _, h in ipairs(hyps) do
    if t.ratings[h] == nil then ctx:fail(rec, "ratings", "no rating for hypothesis '%s'", h) end
  end
  ctx:evidence(rec)
end

function CHECK.forecast(ctx, rec)
  local t = rec.t
  if not ctx:record("claim", t.claim) then
    ctx:fail(rec, "claim", "unknown claim '%s'", t.claim)
  end
  check_date(ctx, rec, "opens")
  check_date(ctx, rec, "resolves_by")
  check_band(ctx, rec)
  for i, c in ipairs(t.components or {}) do
    if type(c) ~= "table" or type(c.id) ~= "string" or type(c.text) ~= "string" then
      ctx:fail(rec, "components", "component %d must be {id = string, text = string}", i)
    end
  end
  if t.evidence then ctx:evidence(rec) end
end

function CHECK.resolution(ctx, rec)
  local t = rec.t
  if not ctx:record("forecast", t.id) then
    ctx:fail(rec, "id", "no forecast '%s' (a resolution's id is its forecast's)", t.id)
  end
  check_date(ctx, rec, "resolved")
  check_events(ctx, rec, "events")
  check_events(ctx, rec, "against")
  for k, v in pairs(t.components or {}) do
    if type(k) ~= "string" or (v ~= "yes" and v ~= "no") then
      ctx:fail(rec, "components", "must map component ids to 'yes' or 'no'")
    end
  end
end

-- Validates a record completely: its shape, then its type's checks.
function store.check(ctx, rec)
  store.check_shape(ctx, rec)
  CHECK[rec.type](ctx, rec)
  return rec
end

-- ---------------------------------------------------------------------
-- Writing (the record is valid; the caller owns the transaction)

local function write_evidence(kb, rtype, rid, rec, phrases)
  local segs = rec.segments
  if segs == nil then return end
  for i = 1, #segs do
    internal.exec(kb, [[INSERT INTO evidence (record_type, record, ord, segment, phrase)
               VALUES (?, ?, ?, ?, ?)]], rtype, rid, i, segs[i], phrases and phrases[i])
  end
end

local WRITE = {}
store.WRITE = WRITE

-- The `record` of a reference's evidence rows: its source and number.
function store.reference_key(source, number)
  return string.format("%d:%d", source, number)
end

function WRITE.entity(kb, rec)
  local t = rec.t
  internal.exec(kb, "INSERT INTO entity (id, name, kind, description) VALUES (?, ?, ?, ?)",
           t.id, t.name, t.kind, t.description)
  local sql = "INSERT INTO alias (entity, alias, folded, ord, script) VALUES (?, ?, ?, ?, ?)"
  internal.exec(kb, sql, t.id, t.name, norm(t.name), 0, core.script(t.name))
  for i, a in ipairs(t.aliases or {}) do
    internal.exec(kb, sql, t.id, a, norm(a), i, core.script(a))
  end
end

function WRITE.hypothesis(kb, rec, ord)
  internal.exec(kb, "INSERT INTO hypothesis (id, question, text, ord) VALUES (?, ?, ?, ?)",
           rec.t.id, rec.t.question, rec.t.text, ord)
end

function WRITE.claim(kb, rec)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO claim (id, text, horizon, estimative, scale, p_low, p_high, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)]], t.id, t.text, t.horizon, t.estimative,
           (t.estimative and t.p_low == nil) and rec.scale or nil, rec.p_low, rec.p_high,
           t.note)
  for i, e in ipairs(t.about) do
    internal.exec(kb, "INSERT INTO claim_about (claim, entity, ord) VALUES (?, ?, ?)", t.id, e, i)
  end
  for i, topic in ipairs(t.topics or {}) do
    internal.exec(kb, "INSERT INTO claim_topic (claim, topic, ord) VALUES (?, ?, ?)", t.id, topic, i)
  end
  write_evidence(kb, "claim", t.id, rec, rec.phrases)
end

function WRITE.factor(kb, rec)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO factor (id, name, kind, domain, horizon, weight, w_low, w_high,
             coupling, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.name, t.kind, t.domain, t.horizon, t.weight, t.range[1], t.range[2],
           t.coupling, t.why)
  write_evidence(kb, "factor", t.id, rec, rec.phrases)
end

function WRITE.relation(kb, rec)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO relation (id, src, dst, type, sign, weight, horizon, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.from, t.to, t.type, t.sign, t.weight, t.horizon, t.note)
  write_evidence(kb, "relation", t.id, rec, rec.phrases)
end

function WRITE.event(kb, rec)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO event (id, date, title, cameo, goldstein, date_source, note)
             VALUES (?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.date, t.title, t.cameo, t.goldstein, t.date_source, t.note)
  for i, e in ipairs(t.actors) do
    internal.exec(kb, "INSERT INTO event_actor (event, entity, ord) VALUES (?, ?, ?)", t.id, e, i)
  end
  if t.source_url then
    internal.exec(kb, [[INSERT INTO event_source (event, url, after_publication, checked,
      covers, tally, votes) VALUES (?, ?, ?, ?, ?, ?, ?)]], t.id, t.source_url,
      t.after_publication and 1 or 0, t.checked, t.covers, t.tally,
      t.votes and util.json(t.votes) or nil)
  end
  write_evidence(kb, "event", t.id, rec, rec.phrases)
end

function WRITE.quote(kb, rec)
  local t = rec.t
  internal.exec(kb, "INSERT INTO quote (id, speaker, text, segment, stance) VALUES (?, ?, ?, ?, ?)",
           t.id, t.speaker, t.text, rec.segment, t.stance)
  write_evidence(kb, "quote", t.id, rec, rec.phrases)
end

function WRITE.reference(kb, rec)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO reference (source, id, authors, year, title, container,
             doi, url, segment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)]],
           rec.source, t.id, util.json_array(t.authors), t.year, t.title, t.container, t.doi,
           t.url, rec.segments[1])
  write_evidence(kb, "reference", store.reference_key(rec.source, t.id), rec, rec.phrases)
end

function WRITE.item(kb, rec, ord, ctx)
  local t = rec.t
  internal.exec(kb, [[INSERT INTO ach_item (id, question, text, credibility, relevance, ord)
             VALUES (?, ?, ?, ?, ?, ?)]], t.id, t.question, t.text, t.credibility, t.relevance,
           ord)
  for _, h in ipairs(ctx.hyp_order[t.question]) do
    internal.exec(kb, "INSERT INTO rating (item, hypothesis, rating) VALUES (?, ?, ?)",
             t.id, h, t.ratings[h])
    if rec.reasons and rec.reasons[h] then
      internal.exec(kb, "INSERT INTO rating_reason (item, hypothesis, reason) VALUES (?, ?, ?)",
                    t.id, h, rec.reasons[h])
    end
  end
  if t.date ~= nil then
    internal.exec(kb, "INSERT INTO item_basis (item, date, events) VALUES (?, ?, ?)", t.id,
                  t.date, t.events and util.json(t.events) or nil)
  end
  write_evidence(kb, "ach_item", t.id, rec, rec.phrases)
end

-- ---------------------------------------------------------------------
-- Deleting (for updates and removals; the caller checks references)

local DELETE = {}
store.DELETE = DELETE

local function delete_evidence(kb, rtype, id)
  internal.exec(kb, "DELETE FROM evidence WHERE record_type = ? AND record = ?", rtype, id)
end

function DELETE.entity(kb, id)
  -- its mentions (packed with others' a segment: the segments that
  -- mention it are tagged again once its aliases are gone), then its key
  local mentioned = {}
  for _, r in ipairs(kb:sql("SELECT DISTINCT segment FROM mention WHERE entity = ?", id)) do
    mentioned[#mentioned + 1] = r.segment
  end
  internal.exec(kb, "DELETE FROM alias WHERE entity = ?", id)
  if #mentioned > 0 then internal.tag(kb, mentioned) end
  internal.exec(kb, "DELETE FROM entity_key WHERE entity = ?", id)
  internal.exec(kb, "DELETE FROM entity WHERE id = ?", id)
end

function DELETE.claim(kb, id)
  internal.exec(kb, "DELETE FROM claim_about WHERE claim = ?", id)
  internal.exec(kb, "DELETE FROM claim_topic WHERE claim = ?", id)
  delete_evidence(kb, "claim", id)
  internal.exec(kb, "DELETE FROM claim WHERE id = ?", id)
end

function DELETE.event(kb, id)
  internal.exec(kb, "DELETE FROM event_actor WHERE event = ?", id)
  internal.exec(kb, "DELETE FROM event_source WHERE event = ?", id)
  delete_evidence(kb, "event", id)
  internal.exec(kb, "DELETE FROM event WHERE id = ?", id)
end

function DELETE.item(kb, id)
  for _, tbl in ipairs { "rating_reason", "rating", "item_basis" } do
    internal.exec(kb, "DELETE FROM " .. tbl .. " WHERE item = ?", id)
  end
  delete_evidence(kb, "ach_item", id)
  internal.exec(kb, "DELETE FROM ach_item WHERE id = ?", id)
end

-- ---------------------------------------------------------------------
-- Types without rules, writer or deleter of their own (sinorus.model):
-- no checks beyond the shape and enums but that the evidence exists; a
-- writer that inserts the row of
-- the type's table (its columns from the record's fields of the same
-- name, `ord` and `source` from the loader) and its evidence; a deleter
-- of that row and its evidence. A type whose fields are its columns
-- needs nothing in this file (a list or table field is stored as JSON).

-- A list or table field of a plain type is the JSON text of its column.
local JSON_KINDS = { strings = true, table = true }
store.JSON_KINDS = JSON_KINDS

local function plain_writer(t)
  local cols = t.tables[t.table]
  local sql = string.format("INSERT INTO %s (%s) VALUES (%s)", t.table,
                            table.concat(cols, ", "), ("?, "):rep(#cols - 1) .. "?")
  return function(kb, rec, ord)
    local v = {}
    for i, c in ipairs(cols) do
      if c == "ord" then v[i] = ord
      elseif c == "source" then v[i] = rec.source
      elseif JSON_KINDS[t.fields[c]] and rec.t[c] ~= nil then v[i] = util.json(rec.t[c])
      else v[i] = rec.t[c] end
    end
    internal.exec(kb, sql, table.unpack(v, 1, #cols))
    if t.evidence then write_evidence(kb, t.evidence, rec.t.id, rec, rec.phrases) end
  end
end

local function plain_deleter(t)
  local sql = "DELETE FROM " .. t.table .. " WHERE id = ?"
  return function(kb, id)
    if t.evidence then delete_evidence(kb, t.evidence, id) end
    internal.exec(kb, sql, id)
  end
end

local function by_model(make)
  return { __index = function(tbl, name)
    local t = model.type(name)
    if not t or t.name ~= name then return nil end
    local f = make(t)
    rawset(tbl, name, f)
    return f
  end }
end
setmetatable(CHECK, by_model(function(t)
  return function(ctx, rec) if t.evidence then ctx:evidence(rec) end end
end))
setmetatable(WRITE, by_model(plain_writer))
setmetatable(DELETE, by_model(plain_deleter))

-- ---------------------------------------------------------------------
-- The sentences of a paragraph

--- A condition on `col` (a segment id column) that holds for the
--- sentences of the paragraph whose id is the SQL expression `p`, as a
--- range of ids: a paragraph's sentences follow it in order of id (an
--- import writes a paragraph, then its sentences), so they are the ids
--- after it up to the first segment that is not one of them. Schema
--- version 5 has no index on segment_row.parent: this range is how its
--- queries find a paragraph's sentences (csrc/sn_import.c's tagger reads
--- them the same way).
function store.sentences_of(col, p)
  return string.format([[(%s > %s AND %s < ifnull((SELECT n.id FROM segment_row n
    WHERE n.id > %s AND n.parent IS NOT %s ORDER BY n.id LIMIT 1), 9223372036854775807))]],
    col, p, col, p, p)
end

-- ---------------------------------------------------------------------
-- Importing a source (the caller owns the transaction)

--- Stores a source, its segments (segmented by the C segmenter), their
--- search index and the entity mentions in them, in C (core.import, under
--- a savepoint of its own); src holds title, authors, outlet, published,
--- url, doi, text and format ("plain" or "markdown"). Gives the same rows
--- as storing each segment, then KB:_tag of the new segments. Returns the
--- source id and the segment ids.
function store.import(kb, src)
  return core.import(kb, {
    title = src.title, authors = util.json_array(src.authors), outlet = src.outlet,
    published = src.published, url = src.url, doi = src.doi, text = src.text,
    format = src.format or "plain",
  })
end

return store
