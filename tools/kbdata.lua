-- tools/kbdata.lua: loads the coded knowledge base (data/kb/*.lua) into a KB.
--
--   local load = require "kbdata"
--   load(kb, "data/kb")      -- kb: a writable KB holding the article
--
-- Run at build time by tools/mkkb.lua, inside its transaction, after the
-- article has been added and segmented. Each data file is a Lua chunk run in
-- a sandbox whose only names are the record constructors (entity, claim,
-- factor, relation, event, quote, reference, hypothesis, item). Every record
-- is validated completely, its evidence phrases are resolved to segments, the
-- bands of claims are derived from their estimative expressions, and only
-- then is anything written. Entity mentions are computed last (KB._tag).
--
-- Every failure raises a message that names the file, the record and the
-- cause, e.g.
--   data/kb/claims.lua: claim 'x': evidence phrase not found: "..."
-- data/README.md gives the coding rules that these checks enforce.

local core = require "sinorus.core"
local util = require "sinorus.util"

local FILES = { "entities", "hypotheses", "claims", "factors", "relations",
                "events", "quotes", "references" }

local SCALES = { "icd203", "phia", "kent" }
local HORIZONS = { "short", "long", "both" }
local ENTITY_KINDS = { "state", "organization", "person", "place", "company",
                       "document", "initiative", "event" }
local LEVELS = { "low", "medium", "high" }
local RATINGS = { "CC", "C", "N", "I", "II", "NA" }

-- The fields of each record type: name -> checker kind; `required` lists the
-- fields that must be present.
local SHAPES = {
  entity = { fields = { id = "id", name = "string", kind = "string",
                        aliases = "strings", description = "string" },
             required = { "id", "name", "kind" } },
  claim = { fields = { id = "id", text = "string", about = "strings",
                       horizon = "string", estimative = "string", scale = "string",
                       topics = "strings", evidence = "strings", p_low = "number",
                       p_high = "number", note = "string" },
            required = { "id", "text", "about", "horizon", "evidence" } },
  factor = { fields = { id = "id", name = "string", kind = "string", domain = "string",
                        horizon = "string", weight = "number", range = "numbers",
                        coupling = "number", why = "string", evidence = "strings" },
             required = { "id", "name", "kind", "domain", "horizon", "weight",
                          "range", "coupling", "why", "evidence" } },
  relation = { fields = { id = "id", from = "string", to = "string", type = "string",
                          sign = "integer", weight = "number", horizon = "string",
                          evidence = "strings", note = "string" },
               required = { "id", "from", "to", "type", "sign", "weight", "horizon",
                            "evidence" } },
  event = { fields = { id = "id", date = "string", title = "string", actors = "strings",
                       cameo = "string", goldstein = "number", date_source = "string",
                       evidence = "strings", note = "string" },
            required = { "id", "date", "title", "actors", "evidence" } },
  quote = { fields = { id = "id", speaker = "string", text = "string", stance = "string",
                       evidence = "strings" },
            required = { "id", "speaker", "text" } },
  reference = { fields = { id = "integer", authors = "strings", year = "integer",
                           title = "string", container = "string", doi = "string",
                           url = "string", evidence = "strings" },
                required = { "id", "authors", "title", "evidence" } },
  hypothesis = { fields = { id = "id", text = "string" }, required = { "id", "text" } },
  item = { fields = { id = "id", text = "string", credibility = "string",
                      relevance = "string", evidence = "strings", ratings = "table" },
           required = { "id", "text", "credibility", "relevance", "evidence", "ratings" } },
}

local CONSTRUCTORS = { "entity", "claim", "factor", "relation", "event", "quote",
                       "reference", "hypothesis", "item" }

local function sorted(t)
  local out = {}
  for k in pairs(t) do out[#out + 1] = k end
  table.sort(out)
  return out
end

local function member(list, v)
  for i = 1, #list do if list[i] == v then return true end end
  return false
end

-- Folded form of a name for lookups: folded, white space collapsed, trimmed.
local function norm(s)
  return (core.fold(s):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- ---------------------------------------------------------------------
-- Reading the files

-- Runs one DSL file; appends its records ({type, t, file}) to records.
local function read_file(path, records)
  local f = io.open(path, "rb")
  if not f then return false end
  local src = f:read("a")
  f:close()
  local env = {}
  for _, name in ipairs(CONSTRUCTORS) do
    env[name] = function(t)
      if type(t) ~= "table" then
        error(string.format("%s expects a table, got %s", name, type(t)), 2)
      end
      records[#records + 1] = { type = name, t = t, file = path }
    end
  end
  setmetatable(env, {
    __index = function(_, k)
      error(string.format("unknown name '%s' (the constructors are: %s)",
                          tostring(k), table.concat(CONSTRUCTORS, ", ")), 2)
    end,
    __newindex = function(_, k)
      error(string.format("assignment to global '%s' (data files define records only)",
                          tostring(k)), 2)
    end,
  })
  local chunk, err = load(src, "@" .. path, "t", env)
  if not chunk then error(err, 0) end
  local ok, e = pcall(chunk)
  if not ok then error(tostring(e), 0) end
  return true
end

-- ---------------------------------------------------------------------
-- Segments and evidence phrases

local Resolver = {}
Resolver.__index = Resolver

local function new_resolver(kb)
  local r = setmetatable({ leaves = {}, paras = {}, byid = {} }, Resolver)
  for _, s in ipairs(kb:sql([[SELECT id, kind, duplicate_of, text FROM segment
                              ORDER BY source, ord]])) do
    r.byid[s.id] = s
    if s.kind == "paragraph" then r.paras[#r.paras + 1] = s
    else r.leaves[#r.leaves + 1] = s end
  end
  return r
end

-- The original of a segment (following duplicate_of).
function Resolver:original(s)
  local seen = 0
  while s.duplicate_of and self.byid[s.duplicate_of] and seen < 100 do
    s = self.byid[s.duplicate_of]
    seen = seen + 1
  end
  return s
end

-- The segments (originals, distinct, in order) of segs whose text holds phrase.
function Resolver:find_in(segs, phrase)
  local found, set = {}, {}
  for _, s in ipairs(segs) do
    if s.text:find(phrase, 1, true) then
      local o = self:original(s)
      if not set[o.id] then set[o.id] = true; found[#found + 1] = o.id end
    end
  end
  table.sort(found)
  return found
end

-- Resolves a phrase: the one sentence, heading or reference entry that holds
-- it, else the one paragraph (a phrase across sentences). Returns the segment
-- id, or nil and "not found" / "ambiguous (segments a, b)".
function Resolver:resolve(phrase)
  for _, segs in ipairs { self.leaves, self.paras } do
    local found = self:find_in(segs, phrase)
    if #found == 1 then return found[1] end
    if #found > 1 then
      local ids = {}
      for i, id in ipairs(found) do ids[i] = tostring(id) end
      return nil, "ambiguous (segments " .. table.concat(ids, ", ") .. ")"
    end
  end
  return nil, "not found"
end

-- ---------------------------------------------------------------------
-- Validation

local Loader = {}
Loader.__index = Loader

function Loader.fail(_, rec, fmt, ...)
  local what = rec.t.id ~= nil and string.format("%s '%s'", rec.type, tostring(rec.t.id))
               or rec.type .. " (no id)"
  error(string.format("%s: %s: " .. fmt, rec.file, what, ...), 0)
end

local CHECKERS = {
  id = function(v)
    return type(v) == "string" and v:match("^[%w][%w%-%.]*$") ~= nil,
           "a string of letters, digits, '-' and '.'"
  end,
  string = function(v) return type(v) == "string" and v:match("%S") ~= nil,
                              "a non-empty string" end,
  number = function(v) return type(v) == "number" and v == v, "a number" end,
  integer = function(v) return math.type(v) == "integer", "an integer" end,
  table = function(v) return type(v) == "table", "a table" end,
  strings = function(v)
    if type(v) ~= "table" then return false, "a list of strings" end
    local n = 0
    for k in pairs(v) do
      if math.type(k) ~= "integer" or k < 1 then return false, "a list of strings" end
      n = n + 1
    end
    if n ~= #v then return false, "a list of strings" end
    for _, s in ipairs(v) do
      if type(s) ~= "string" or not s:match("%S") then
        return false, "a list of non-empty strings"
      end
    end
    return true
  end,
  numbers = function(v)
    return type(v) == "table" and #v == 2 and type(v[1]) == "number"
           and type(v[2]) == "number", "a pair of numbers { low, high }"
  end,
}

-- Checks the fields of a record against its shape.
function Loader:check_shape(rec)
  local shape = SHAPES[rec.type]
  local t = rec.t
  for k in pairs(t) do
    if not shape.fields[k] then
      self:fail(rec, "unknown field '%s' (valid fields: %s)", tostring(k),
                table.concat(sorted(shape.fields), ", "))
    end
  end
  for _, k in ipairs(shape.required) do
    if t[k] == nil then self:fail(rec, "missing field '%s'", k) end
  end
  for k, kind in pairs(shape.fields) do
    if t[k] ~= nil then
      local ok, want = CHECKERS[kind](t[k])
      if not ok then
        self:fail(rec, "field '%s' must be %s, got %s", k, want,
                  type(t[k]) == "string" and string.format("%q", t[k]) or type(t[k]))
      end
    end
  end
end

function Loader:check_enum(rec, field, list)
  local v = rec.t[field]
  if v ~= nil and not member(list, v) then
    self:fail(rec, "field '%s' must be one of %s, got %q", field,
              table.concat(list, ", "), tostring(v))
  end
end

function Loader:check_range(rec, field, lo, hi)
  local v = rec.t[field]
  if v ~= nil and (v < lo or v > hi) then
    self:fail(rec, "field '%s' must lie in [%g, %g], got %g", field, lo, hi, v)
  end
end

function Loader:check_entity(rec, field, id)
  if not self.entities[id] then
    self:fail(rec, "unknown entity '%s' in '%s'", id, field)
  end
end

function Loader:check_entities(rec, field)
  local seen = {}
  for _, id in ipairs(rec.t[field] or {}) do
    self:check_entity(rec, field, id)
    if seen[id] then self:fail(rec, "entity '%s' listed twice in '%s'", id, field) end
    seen[id] = true
  end
end

function Loader:check_unique_strings(rec, field)
  local seen = {}
  for _, s in ipairs(rec.t[field] or {}) do
    if seen[s] then self:fail(rec, "%q listed twice in '%s'", s, field) end
    seen[s] = true
  end
end

-- Resolves the evidence phrases of a record to segment ids (rec.segments).
function Loader:resolve_evidence(rec)
  local segs = {}
  for i, phrase in ipairs(rec.t.evidence or {}) do
    local id, why = self.resolver:resolve(phrase)
    if not id then
      self:fail(rec, "evidence phrase %s: %q", why, phrase)
    end
    segs[i] = id
  end
  rec.segments = segs
  return segs
end

local function valid_date(d)
  local y, m, day = d:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if y then
    m, day = tonumber(m), tonumber(day)
    if m < 1 or m > 12 or day < 1 then return false end
    local len = ({ 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
    local yy = tonumber(y)
    if m == 2 and (yy % 4 == 0 and (yy % 100 ~= 0 or yy % 400 == 0)) then len = 29 end
    return day <= len
  end
  y, m = d:match("^(%d%d%d%d)%-(%d%d)$")
  if y then m = tonumber(m); return m >= 1 and m <= 12 end
  return d:match("^%d%d%d%d$") ~= nil
end

-- Per-type checks (after the shape check); `self` holds the entity and
-- hypothesis tables of records validated so far.
local CHECK = {}

function CHECK.entity(self, rec)
  local t = rec.t
  self:check_enum(rec, "kind", ENTITY_KINDS)
  local names = { t.name }
  for _, a in ipairs(t.aliases or {}) do names[#names + 1] = a end
  local mine = {}
  for _, a in ipairs(names) do
    local f = norm(a)
    if f == "" then self:fail(rec, "alias %q folds to nothing", a) end
    if mine[f] then self:fail(rec, "alias %q repeats another name of the entity", a) end
    mine[f] = true
    local other = self.folded[f]
    if other then
      self:fail(rec, "alias %q is already a name of entity '%s'", a, other)
    end
  end
  for f in pairs(mine) do self.folded[f] = t.id end
end

function CHECK.hypothesis(self, rec)
  self.hyp_order[#self.hyp_order + 1] = rec.t.id
end

function CHECK.claim(self, rec)
  local t = rec.t
  self:check_enum(rec, "horizon", HORIZONS)
  self:check_enum(rec, "scale", SCALES)
  self:check_entities(rec, "about")
  if #t.about == 0 then self:fail(rec, "field 'about' must name at least one entity") end
  self:check_unique_strings(rec, "topics")
  for _, topic in ipairs(t.topics or {}) do
    if not topic:match("^[a-z0-9][a-z0-9%-]*$") then
      self:fail(rec, "topic %q must be lower-case words joined by '-'", topic)
    end
  end
  local segs = self:resolve_evidence(rec)
  if (t.p_low == nil) ~= (t.p_high == nil) then
    self:fail(rec, "give both p_low and p_high, or neither")
  end
  self:check_range(rec, "p_low", 0, 1)
  self:check_range(rec, "p_high", 0, 1)
  local scale = t.scale or "icd203"
  rec.scale = scale
  if t.p_low ~= nil then
    if t.p_low > t.p_high then self:fail(rec, "p_low exceeds p_high") end
    if not t.note then
      self:fail(rec, "an explicit band (p_low, p_high) needs a note saying why")
    end
    rec.p_low, rec.p_high = t.p_low, t.p_high
  elseif t.estimative then
    if not core.estimate then
      error("sinorus.core.estimate is missing: build the core with its weight binding", 0)
    end
    local est, msg = core.estimate(t.estimative, scale)
    if not est then
      self:fail(rec, "%s (give p_low and p_high with a note)", msg)
    end
    rec.p_low, rec.p_high = est.p_low, est.p_high
  end
  if t.estimative then
    local found = false
    for _, id in ipairs(segs) do
      if self.resolver.byid[id].text:find(t.estimative, 1, true) then found = true end
    end
    if not found then
      self:fail(rec, "estimative %q occurs in none of its evidence segments", t.estimative)
    end
  elseif t.scale then
    self:fail(rec, "a scale without an estimative expression")
  end
end

function CHECK.factor(self, rec)
  local t = rec.t
  if t.kind ~= "driver" and t.kind ~= "irritant" then
    self:fail(rec, "field 'kind' must be one of driver, irritant, got %q", t.kind)
  end
  self:check_enum(rec, "horizon", HORIZONS)
  if not t.domain:match("^[a-z][a-z%-]*$") then
    self:fail(rec, "domain %q must be a lower-case word", t.domain)
  end
  self:check_range(rec, "weight", 0, 1)
  self:check_range(rec, "coupling", -1, 1)
  local lo, hi = t.range[1], t.range[2]
  if lo < 0 or hi > 1 or lo > t.weight or t.weight > hi then
    self:fail(rec, "range {%g, %g} must lie in [0, 1] and contain the weight %g",
              lo, hi, t.weight)
  end
  self:resolve_evidence(rec)
end

function CHECK.relation(self, rec)
  local t = rec.t
  self:check_entity(rec, "from", t.from)
  self:check_entity(rec, "to", t.to)
  if t.from == t.to then self:fail(rec, "a relation needs two different entities") end
  if t.sign < -1 or t.sign > 1 then
    self:fail(rec, "field 'sign' must be -1, 0 or 1, got %d", t.sign)
  end
  if not t.type:match("^[a-z][a-z%-]*$") then
    self:fail(rec, "type %q must be lower-case words joined by '-'", t.type)
  end
  self:check_range(rec, "weight", 0, 1)
  self:check_enum(rec, "horizon", HORIZONS)
  self:resolve_evidence(rec)
end

function CHECK.event(self, rec)
  local t = rec.t
  if not valid_date(t.date) then
    self:fail(rec, "date %q must be YYYY, YYYY-MM or YYYY-MM-DD", t.date)
  end
  self:check_entities(rec, "actors")
  if #t.actors == 0 then self:fail(rec, "field 'actors' must name at least one entity") end
  if t.cameo and not t.cameo:match("^%d%d%d?%d?$") then
    self:fail(rec, "cameo %q must be a CAMEO code of 2 to 4 digits", t.cameo)
  end
  if (t.cameo == nil) ~= (t.goldstein == nil) then
    self:fail(rec, "give both cameo and goldstein, or neither")
  end
  self:check_range(rec, "goldstein", -10, 10)
  self:resolve_evidence(rec)
end

local QUOTE_MARKS = { { "“", "”" }, { '"', '"' }, { "„", "“" }, { "‘", "’" } }

function CHECK.quote(self, rec)
  local t = rec.t
  self:check_entity(rec, "speaker", t.speaker)
  local seg
  if t.evidence then
    local segs = self:resolve_evidence(rec)
    for _, id in ipairs(segs) do
      if self.resolver.byid[id].text:find(t.text, 1, true) then seg = id; break end
    end
    if not seg then self:fail(rec, "quote text occurs in none of its evidence segments") end
  else
    local why
    for _, m in ipairs(QUOTE_MARKS) do
      seg, why = self.resolver:resolve(m[1] .. t.text .. m[2])
      if seg or why ~= "not found" then break end
    end
    if not seg and why == "not found" then seg, why = self.resolver:resolve(t.text) end
    if not seg then
      self:fail(rec, "quote text %s (give an evidence phrase): %q", why, t.text)
    end
    rec.segments = { seg }
    rec.phrases = { t.text }
  end
  rec.segment = seg
end

function CHECK.reference(self, rec)
  local t = rec.t
  if t.id < 1 then self:fail(rec, "a reference id is its number in the list (1, 2, ...)") end
  if t.year and (t.year < 1000 or t.year > 9999) then
    self:fail(rec, "year %d is not a four-digit year", t.year)
  end
  if #t.evidence ~= 1 then self:fail(rec, "give exactly one evidence phrase") end
  local segs = self:resolve_evidence(rec)
  if self.resolver.byid[segs[1]].kind ~= "reference" then
    self:fail(rec, "evidence phrase is not in a reference entry: %q", t.evidence[1])
  end
end

function CHECK.item(self, rec)
  local t = rec.t
  self:check_enum(rec, "credibility", LEVELS)
  self:check_enum(rec, "relevance", LEVELS)
  for h, r in pairs(t.ratings) do
    if not self.hypotheses[h] then
      self:fail(rec, "rating for unknown hypothesis '%s'", tostring(h))
    end
    if not member(RATINGS, r) then
      self:fail(rec, "rating of '%s' must be one of %s, got %q", h,
                table.concat(RATINGS, ", "), tostring(r))
    end
  end
  for _, h in ipairs(self.hyp_order) do
    if t.ratings[h] == nil then self:fail(rec, "no rating for hypothesis '%s'", h) end
  end
  self:resolve_evidence(rec)
end

-- Types validated in this order, so that references resolve.
local ORDER = { "entity", "hypothesis", "claim", "factor", "relation", "event",
                "quote", "reference", "item" }

-- ---------------------------------------------------------------------
-- Writing

local function write_evidence(kb, rtype, rid, rec, phrases)
  for i, seg in ipairs(rec.segments or {}) do
    kb:_exec([[INSERT INTO evidence (record_type, record, ord, segment, phrase)
               VALUES (?, ?, ?, ?, ?)]], rtype, rid, i, seg, phrases[i])
  end
end

local WRITE = {}

function WRITE.entity(kb, rec)
  local t = rec.t
  kb:_exec("INSERT INTO entity (id, name, kind, description) VALUES (?, ?, ?, ?)",
           t.id, t.name, t.kind, t.description)
  kb:_exec("INSERT INTO alias (entity, alias, folded, ord) VALUES (?, ?, ?, 0)",
           t.id, t.name, norm(t.name))
  for i, a in ipairs(t.aliases or {}) do
    kb:_exec("INSERT INTO alias (entity, alias, folded, ord) VALUES (?, ?, ?, ?)",
             t.id, a, norm(a), i)
  end
end

function WRITE.hypothesis(kb, rec, ord)
  kb:_exec("INSERT INTO hypothesis (id, text, ord) VALUES (?, ?, ?)",
           rec.t.id, rec.t.text, ord)
end

function WRITE.claim(kb, rec)
  local t = rec.t
  kb:_exec([[INSERT INTO claim (id, text, horizon, estimative, scale, p_low, p_high, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)]], t.id, t.text, t.horizon, t.estimative,
           (t.estimative and t.p_low == nil) and rec.scale or nil, rec.p_low, rec.p_high,
           t.note)
  for i, e in ipairs(t.about) do
    kb:_exec("INSERT INTO claim_about (claim, entity, ord) VALUES (?, ?, ?)", t.id, e, i)
  end
  for i, topic in ipairs(t.topics or {}) do
    kb:_exec("INSERT INTO claim_topic (claim, topic, ord) VALUES (?, ?, ?)", t.id, topic, i)
  end
  write_evidence(kb, "claim", t.id, rec, t.evidence)
end

function WRITE.factor(kb, rec)
  local t = rec.t
  kb:_exec([[INSERT INTO factor (id, name, kind, domain, horizon, weight, w_low, w_high,
             coupling, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.name, t.kind, t.domain, t.horizon, t.weight, t.range[1], t.range[2],
           t.coupling, t.why)
  write_evidence(kb, "factor", t.id, rec, t.evidence)
end

function WRITE.relation(kb, rec)
  local t = rec.t
  kb:_exec([[INSERT INTO relation (id, src, dst, type, sign, weight, horizon, note)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.from, t.to, t.type, t.sign, t.weight, t.horizon, t.note)
  write_evidence(kb, "relation", t.id, rec, t.evidence)
end

function WRITE.event(kb, rec)
  local t = rec.t
  kb:_exec([[INSERT INTO event (id, date, title, cameo, goldstein, date_source, note)
             VALUES (?, ?, ?, ?, ?, ?, ?)]],
           t.id, t.date, t.title, t.cameo, t.goldstein, t.date_source, t.note)
  for i, e in ipairs(t.actors) do
    kb:_exec("INSERT INTO event_actor (event, entity, ord) VALUES (?, ?, ?)", t.id, e, i)
  end
  write_evidence(kb, "event", t.id, rec, t.evidence)
end

function WRITE.quote(kb, rec)
  local t = rec.t
  kb:_exec("INSERT INTO quote (id, speaker, text, segment, stance) VALUES (?, ?, ?, ?, ?)",
           t.id, t.speaker, t.text, rec.segment, t.stance)
  write_evidence(kb, "quote", t.id, rec, rec.phrases or t.evidence)
end

function WRITE.reference(kb, rec)
  local t = rec.t
  kb:_exec([[INSERT INTO reference (id, authors, year, title, container, doi, url, segment)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)]],
           t.id, util.json_array(t.authors), t.year, t.title, t.container, t.doi, t.url,
           rec.segments[1])
  write_evidence(kb, "reference", tostring(t.id), rec, t.evidence)
end

function WRITE.item(kb, rec, ord, self)
  local t = rec.t
  kb:_exec([[INSERT INTO ach_item (id, text, credibility, relevance, ord)
             VALUES (?, ?, ?, ?, ?)]], t.id, t.text, t.credibility, t.relevance, ord)
  for _, h in ipairs(self.hyp_order) do
    kb:_exec("INSERT INTO rating (item, hypothesis, rating) VALUES (?, ?, ?)",
             t.id, h, t.ratings[h])
  end
  write_evidence(kb, "ach_item", t.id, rec, t.evidence)
end

-- ---------------------------------------------------------------------

-- Loads every data file of dir into kb. Raises on the first invalid record.
return function(kb, dir)
  local records = {}
  local any = false
  for _, name in ipairs(FILES) do
    if read_file(dir .. "/" .. name .. ".lua", records) then any = true end
  end
  if not any then
    error(string.format("%s: no data files (expected %s.lua)", dir,
                        table.concat(FILES, ".lua, ")), 0)
  end

  local self = setmetatable({
    resolver = new_resolver(kb),
    entities = {}, hypotheses = {}, hyp_order = {}, folded = {},
  }, Loader)

  -- validate, type by type, so that references resolve
  local by_type, seen = {}, {}
  for _, rtype in ipairs(ORDER) do by_type[rtype] = {}; seen[rtype] = {} end
  for _, rec in ipairs(records) do
    local list = by_type[rec.type]
    list[#list + 1] = rec
  end
  for _, rtype in ipairs(ORDER) do
    for _, rec in ipairs(by_type[rtype]) do
      self:check_shape(rec)
      local id = rec.t.id
      if seen[rtype][id] then
        self:fail(rec, "duplicate id (first defined in %s)", seen[rtype][id])
      end
      seen[rtype][id] = rec.file
      CHECK[rtype](self, rec)
      if rtype == "entity" then self.entities[id] = rec.t end
      if rtype == "hypothesis" then self.hypotheses[id] = rec.t end
    end
  end
  if #by_type.item > 0 and #self.hyp_order == 0 then
    self:fail(by_type.item[1], "ACH items need hypotheses")
  end

  -- write
  for _, rtype in ipairs(ORDER) do
    for ord, rec in ipairs(by_type[rtype]) do
      WRITE[rtype](kb, rec, ord, self)
    end
  end

  -- mentions, with the aliases just written
  if not kb._tag then
    local M = require "sinorus"
    require("sinorus.records")(M.KB, M, util)
  end
  kb:_tag()
end
