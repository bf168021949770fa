-- tools/kbdata.lua: loads the coded records of one source folder
-- (data/<source>/kb/*.lua) into a KB.
--
--   local load = require "kbdata"
--   load(kb, "data/abb-polianskii-2022/kb", source_id)
--
-- Run at build time by tools/mkkb.lua, inside its transaction, after the
-- folder's document has been added and segmented. Each data file is a Lua
-- chunk run in a sandbox whose only names are the record constructors (one
-- per type of sinorus.model: entity, question, hypothesis, claim, ...). Every record
-- is validated completely, its evidence phrases are resolved to segments, the
-- bands of claims are derived from their estimative expressions, and only
-- then is anything written. Entity mentions are computed last (internal.tag).
--
-- Every failure raises a message that names the file, the record and the
-- cause, e.g.
--   data/abb-polianskii-2022/kb/claims.lua: claim 'x': evidence phrase not found: "..."
-- data/README.md gives the coding rules that these checks enforce.

local internal = require "sinorus.internal"
local store = require "sinorus.store"

local model = require "sinorus.model"

-- The data files (each type's `data_file`, sinorus.model) and the
-- constructors (one per type, by its name).
local FILES, CONSTRUCTORS, listed = {}, model.names("name"), {}
for _, t in ipairs(model.TYPES) do
  if not listed[t.data_file] then FILES[#FILES + 1] = t.data_file end
  listed[t.data_file] = true
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

-- The segments of one source: evidence phrases resolve within their own
-- source only.
local function new_resolver(kb, source)
  local r = setmetatable({ leaves = {}, paras = {}, byid = {} }, Resolver)
  for _, s in ipairs(kb:sql([[SELECT id, kind, duplicate_of, text FROM segment
                              WHERE source = ? ORDER BY id]], source)) do
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
-- The build-time context of sinorus.store: evidence as phrases, entities
-- by id, messages naming the file and the record.

local Loader = {}
Loader.__index = Loader

function Loader.fail(_, rec, field, fmt, ...)
  local what = rec.t.id ~= nil and string.format("%s '%s'", rec.type, tostring(rec.t.id))
               or rec.type .. " (no id)"
  error(string.format("%s: %s: %s" .. fmt, rec.file, what,
                      field and "field '" .. field .. "': " or "", ...), 0)
end

function Loader:entity(rec, field, id)
  if not self.entities[id] then
    self:fail(rec, nil, "unknown entity '%s' in '%s'", tostring(id), field)
  end
  return id
end

-- Resolves the evidence phrases of a record to segment ids (rec.segments).
function Loader:evidence(rec)
  local segs = {}
  for i, phrase in ipairs(rec.t.evidence or {}) do
    local id, why = self.resolver:resolve(phrase)
    if not id then
      self:fail(rec, nil, "evidence phrase %s: %q", why, phrase)
    end
    segs[i] = id
  end
  rec.segments = segs
  rec.phrases = rec.t.evidence
  return segs
end

function Loader:segment(id)
  return self.resolver.byid[id]
end

-- Whether a record of the type exists: in this folder (checked before, by
-- the order of the types) or in a source loaded before.
function Loader:record(rtype, id)
  if self.seen[rtype] and self.seen[rtype][id] then return true end
  local t = model.type(rtype)
  return internal.value(self.kb, "SELECT 1 FROM " .. t.table .. " WHERE id = ?", id) ~= nil
end

function Loader:alias_owner(folded)
  return self.folded[folded]
end

local QUOTE_MARKS = { { "“", "”" }, { '"', '"' }, { "„", "“" }, { "‘", "’" } }

-- A quote without evidence: its text inside quotation marks, else bare.
function Loader:quote_segment(rec)
  local t = rec.t
  local seg, why
  for _, m in ipairs(QUOTE_MARKS) do
    seg, why = self.resolver:resolve(m[1] .. t.text .. m[2])
    if seg or why ~= "not found" then break end
  end
  if not seg and why == "not found" then seg, why = self.resolver:resolve(t.text) end
  if not seg then
    self:fail(rec, nil, "quote text %s (give an evidence phrase): %q", why, t.text)
  end
  return seg
end

-- Types validated in the model's order, so that references resolve.
local ORDER = CONSTRUCTORS

-- ---------------------------------------------------------------------

-- The id of each record of this type already in kb: a second source
-- folder may not reuse them. nil for references (keyed by their source).
local function existing_ids(kb, t)
  if t.key ~= "id" then return {} end
  local out = {}
  for _, r in ipairs(kb:sql("SELECT id FROM " .. t.table)) do out[r.id] = true end
  return out
end

-- The highest `ord` of a type's table (0 when it has none or no column
-- `ord`): a second source's questions, hypotheses and items come after.
local function ord_base(kb, t)
  for _, c in ipairs(t.tables[t.table]) do
    if c == "ord" then
      return internal.value(kb, "SELECT ifnull(max(ord), 0) FROM " .. t.table)
    end
  end
  return 0
end

-- Loads every data file of dir into kb, its records resting on the
-- segments of source (default: the last source added). Entities of
-- sources loaded before may be named. Raises on the first invalid record.
return function(kb, dir, source)
  source = source or internal.value(kb, "SELECT max(id) FROM source")
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
    build = true, shapes = store.shapes("build"), source = source,
    resolver = new_resolver(kb, source),
    entities = {}, hypotheses = {}, hyp_order = {}, folded = {},
  }, Loader)
  for _, r in ipairs(kb:sql("SELECT entity, folded FROM alias")) do
    self.entities[r.entity] = true
    self.folded[r.folded] = r.entity
  end

  -- validate, type by type, so that references resolve
  local by_type, seen = {}, {}
  for _, rtype in ipairs(ORDER) do by_type[rtype] = {}; seen[rtype] = {} end
  self.seen, self.kb = seen, kb
  for _, rec in ipairs(records) do
    local list = by_type[rec.type]
    list[#list + 1] = rec
  end
  -- a hypothesis or an item names its question; one may be left out when
  -- the folder declares only one
  local questions = by_type.question
  for _, rtype in ipairs { "hypothesis", "item" } do
    for _, rec in ipairs(by_type[rtype]) do
      if rec.t.question == nil and #questions == 1 then rec.t.question = questions[1].t.id end
    end
  end
  for _, rtype in ipairs(ORDER) do
    local before = existing_ids(kb, model.type(rtype))
    for _, rec in ipairs(by_type[rtype]) do
      store.check_shape(self, rec)
      local id = rec.t.id
      if seen[rtype][id] then
        self:fail(rec, nil, "duplicate id (first defined in %s)", seen[rtype][id])
      end
      if before[id] then
        self:fail(rec, nil, "duplicate id (a source loaded before defines it)")
      end
      seen[rtype][id] = rec.file
      rec.source = source
      store.CHECK[rtype](self, rec)
      if rtype == "entity" then
        self.entities[id] = rec.t
        for f in pairs(rec.folded) do self.folded[f] = id end
      end
      if rtype == "hypothesis" then self.hypotheses[id] = rec.t end
    end
  end

  -- write, after the records of the sources loaded before
  for _, rtype in ipairs(ORDER) do
    local base = ord_base(kb, model.type(rtype))
    for ord, rec in ipairs(by_type[rtype]) do
      store.WRITE[rtype](kb, rec, base + ord, self)
    end
  end

  -- mentions, with the aliases just written (internal.tag comes with
  -- sinorus.records, which require "sinorus" loads)
  require "sinorus"
  internal.tag(kb)
end
