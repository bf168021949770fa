-- sinorus.records: the coded records of a knowledge base (SPEC.md 3.2).
--
--   kb:entities{kind}                 kb:entity(name_or_alias)
--   kb:mentions(entity, {kind, duplicates})
--   kb:claims{about, horizon, topic, min_p, max_p}      kb:claim(id)
--   kb:factors{kind, horizon, domain}                   kb:factor(id)
--   kb:relations{from, to, type, sign}                  kb:relation(id)
--   kb:events{from, to, actor}                          kb:event(id)
--   kb:quotes{speaker}                                  kb:quote(id)
--   kb:references()                                     kb:reference(number)
--   kb:hypotheses()                                     kb:hypothesis(id)
--   kb:items()                                          kb:item(id)
--   kb:ratings{hypothesis, evidence}
--   kb:evidence(record_or_id)
--   internal.tag(kb, segment_ids)              (internal: computes entity mentions)
--
-- The listings and getters of every record type but entities are made
-- from sinorus.model (its filters, enums, columns and classes) and one
-- query per type (QUERY below). Every listing takes `limit` and `offset`,
-- returns records in a stable order and raises on an unknown filter key,
-- naming the valid ones.
--
-- Conventions, fixed here and documented in data/README.md:
-- * An argument or filter naming an entity accepts its id, its name or any
--   alias, compared after folding (case, diacritics, typographic quotes and
--   look-alike letters). A name that matches no entity is an error: a typo
--   should not pass as "no records".
-- * horizon = "short" (or "long") selects records of that horizon and those
--   coded "both"; horizon = "both" selects only the records coded "both".
-- * min_p / max_p keep the claims whose whole band lies in [min_p, max_p];
--   claims without a band are left out whenever either is given.
-- * events{from, to}: dates may be partial ("2022", "2022-02"); an event is
--   kept when its period overlaps the period from..to.
-- * kb:mentions lists sentences, headings and reference entries by default
--   (each occurrence once); {kind = "paragraph"} lists paragraphs instead.
--
-- Returns { methods = KB methods, module = module functions }; init.lua
-- copies them into sinorus.KB and the module table.

local core = require "sinorus.core"
local internal = require "sinorus.internal"
local model = require "sinorus.model"
local store = require "sinorus.store"

local SEG_KINDS = model.ENUMS.segment_kind

-- Folded form of a name: the same normalisation as the loader's alias.folded.
local function norm(s)
  return (core.fold(s):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local util = require "sinorus.util"

-- What this module adds: methods of sinorus.KB and functions of the
-- module table (init.lua copies both in).
local KB, M = {}, {}

do
  local argerror, check_type = util.argerror, util.check_type

  -- -------------------------------------------------------------------
  -- Helpers

  -- Groups rows of (key, value) into lists keyed by key, in row order.
  local function group(rows, key, value)
    local out = {}
    for _, r in ipairs(rows) do
      local k = r[key]
      local l = out[k]
      if not l then l = {}; out[k] = l end
      l[#l + 1] = r[value]
    end
    return out
  end

  -- The segment ids a record type's records rest on, by record id.
  local function evidence_of(kb, rtype)
    return group(kb:sql([[SELECT record, segment FROM evidence WHERE record_type = ?
                          ORDER BY record, ord]], rtype), "record", "segment")
  end

  -- Fills the list fields of records from grouped lists (empty when absent).
  local function fill(records, field, lists, key)
    for _, r in ipairs(records) do r[field] = lists[r[key or "id"]] or {} end
  end

  -- SQL condition for a horizon filter on column col (parameter ?n).
  local function horizon_sql(col, n)
    return string.format("(?%d IS NULL OR %s = ?%d OR (?%d <> 'both' AND %s = 'both'))",
                         n, col, n, n, col)
  end

  -- The entity id named by v (id, name or alias), or nil.
  local function lookup(kb, v)
    local r = kb:sql("SELECT id FROM entity WHERE id = ?", v)[1]
    if r then return r.id end
    r = kb:sql([[SELECT a.entity AS id FROM alias a WHERE a.folded = ?
                 ORDER BY a.ord, a.entity LIMIT 1]], norm(v))[1]
    return r and r.id
  end

  -- The entity id named by an argument or filter value; raises when the
  -- value is not a string or names no entity. what: "'about'" or nil.
  local function entity_arg(kb, fname, argn, v, what, level)
    if type(v) ~= "string" then
      argerror(fname, argn, (what and what .. " must be an entity name, got "
                             or "string expected, got ") ..
               (v == nil and "no value" or util.typename(v)), level or 3)
    end
    local id = lookup(kb, v)
    if not id then
      argerror(fname, argn, string.format("unknown entity '%s'%s", v,
               what and " in " .. what or ""), level or 3)
    end
    return id
  end

  local function check_string_opt(fname, key, v, level)
    if v ~= nil and type(v) ~= "string" then
      argerror(fname, 1, string.format("'%s' must be a string, got %s", key,
               util.typename(v)), level or 3)
    end
  end

  -- -------------------------------------------------------------------
  -- Entities

  local ENTITY = model.type("entity")

  local function entity_records(kb, rows)
    local aliases = group(kb:sql([[SELECT entity, alias FROM alias WHERE ord > 0
                                   ORDER BY entity, ord]]), "entity", "alias")
    for i, r in ipairs(rows) do
      r.aliases = aliases[r.id] or {}
      rows[i] = util.record(r, ENTITY.class, ENTITY.columns)
    end
    return rows
  end

  --- Entities in id order; filter: kind.
  function KB:entities(opts)
    opts = util.check_opts("entities", 1, opts, ENTITY.filters)
    util.check_enum("entities", 1, opts.kind, model.ENUMS.entity_kind, true)
    local page, lim, off = util.page(opts)
    local rows = self:sql([[SELECT id, name, kind, description FROM entity
                            WHERE (?1 IS NULL OR kind = ?1) ORDER BY id]] .. page,
                          opts.kind, lim, off)
    return util.list(entity_records(self, rows), ENTITY.show, "sinorus.Entities",
                     ENTITY.columns)
  end

  --- The entity with this id, name or alias (case-insensitive), or nil.
  function KB:entity(name)
    check_type("entity", 1, name, "string")
    local id = lookup(self, name)
    if not id then return nil end
    local rows = self:sql("SELECT id, name, kind, description FROM entity WHERE id = ?", id)
    return entity_records(self, rows)[1]
  end

  -- -------------------------------------------------------------------
  -- Mentions

  local MENTION_COLS = { "segment", "kind", "matches", "text" }

  --- The segments in which an entity is mentioned, with the matched spans
  --- (offsets into the source text); filters: kind, duplicates. A
  --- paragraph's mentions are those of its sentences and those that run
  --- across two of them.
  function KB:mentions(entity, opts)
    local id = entity_arg(self, "mentions", 1, entity)
    opts = util.check_opts("mentions", 2, opts, { "kind", "duplicates" })
    util.check_enum("mentions", 2, opts.kind, SEG_KINDS, true)
    if opts.duplicates ~= nil and type(opts.duplicates) ~= "boolean" then
      argerror("mentions", 2, "'duplicates' must be a boolean, got " ..
               util.typename(opts.duplicates))
    end
    local _, lim, off = util.page(opts)
    local segs = self:sql([[SELECT s.id AS segment, s.source, s.kind, s.start, s.stop,
        s.duplicate_of, s.text FROM segment s
      WHERE s.id IN (SELECT segment FROM mention WHERE entity = ?1
                     UNION ALL -- a paragraph's mentions are its sentences'
                     SELECT c.parent FROM mention m JOIN segment c ON c.id = m.segment
                     WHERE ?2 = 'paragraph' AND m.entity = ?1)
        AND ((?2 IS NULL AND s.kind <> 'paragraph') OR s.kind = ?2)
        AND (?3 OR s.duplicate_of IS NULL)
      ORDER BY s.id LIMIT ?4 OFFSET ?5]],
      id, opts.kind, opts.duplicates ~= false, lim, off)
    for i, s in ipairs(segs) do
      local spans, matches = {}, {}
      for _, m in ipairs(self:sql([[SELECT m.start, m.stop FROM mention m
          WHERE m.entity = ?2 AND m.segment IN
            (SELECT ?1 UNION ALL SELECT c.id FROM segment_row c
             WHERE c.parent = ?1 AND ]] .. store.sentences_of("c.id", "?1") .. [[)
          ORDER BY m.start]], s.segment, id)) do
        local text = s.text:sub(m.start - s.start + 1, m.stop - s.start + 1)
        spans[#spans + 1] = { start = m.start, stop = m.stop, text = text }
        matches[#matches + 1] = text
      end
      s.entity, s.spans, s.matches = id, spans, matches
      segs[i] = util.record(s, "sinorus.Mention",
                            { "segment", "kind", "entity", "matches", "text" })
    end
    return util.list(segs, MENTION_COLS, "sinorus.Mentions")
  end

  -- Tags entity mentions in the given segments (all when nil) with a
  -- matcher over every alias; replaces their earlier mentions. A
  -- paragraph keeps only the mentions that run across two of its
  -- sentences (the others are its sentences'). The one entry point of
  -- tagging: internal.tag(kb, segment_ids), used by the authoring API and
  -- the build; the C core tags (sinorus_tag), by the import's rules.
  -- Returns the rows written.
  local function tag(self, ids)
    return core.tag(self, ids)
  end
  internal.tag = tag

  -- -------------------------------------------------------------------
  -- Queries: one per record type (sinorus.model), QUERY[name](kb, fname,
  -- opts, id) -> records. opts holds the checked filters and the page;
  -- id (not nil) selects the one record with that id, for the singular
  -- getter. kb:<plural>{...} and kb:<name>(id) below are made from them.

  local QUERY = {}

  local function records_of(rows, rtype)
    local t = model.type(rtype)
    for i, r in ipairs(rows) do rows[i] = util.record(r, t.class, t.columns) end
    return rows
  end

  local function check_p(fname, key, v)
    if v ~= nil and (type(v) ~= "number" or v ~= v or v < 0 or v > 1) then
      argerror(fname, 1, string.format("'%s' must be a number in [0, 1], got %s", key,
               tostring(v)), 4)
    end
  end

  function QUERY.claim(kb, fname, opts, id)
    check_string_opt(fname, "topic", opts.topic, 4)
    check_p(fname, "min_p", opts.min_p)
    check_p(fname, "max_p", opts.max_p)
    local _, lim, off = util.page(opts)
    local rows = kb:sql([[SELECT id, text, horizon, estimative, scale, p_low, p_high, note
      FROM claim c
      WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM claim_about a
                                   WHERE a.claim = c.id AND a.entity = ?1))
        AND ]] .. horizon_sql("c.horizon", 2) .. [[
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM claim_topic t
                                   WHERE t.claim = c.id AND t.topic = ?3))
        AND (?4 IS NULL OR (c.p_low IS NOT NULL AND c.p_low >= ?4))
        AND (?5 IS NULL OR (c.p_high IS NOT NULL AND c.p_high <= ?5))
        AND (?8 IS NULL OR c.id = ?8)
      ORDER BY c.id LIMIT ?6 OFFSET ?7]],
      opts.about, opts.horizon, opts.topic, opts.min_p, opts.max_p, lim, off, id)
    fill(rows, "about", group(kb:sql(
      "SELECT claim, entity FROM claim_about ORDER BY claim, ord"), "claim", "entity"))
    fill(rows, "topics", group(kb:sql(
      "SELECT claim, topic FROM claim_topic ORDER BY claim, ord"), "claim", "topic"))
    fill(rows, "evidence", evidence_of(kb, "claim"))
    return records_of(rows, "claim")
  end

  function QUERY.factor(kb, fname, opts, id)
    check_string_opt(fname, "domain", opts.domain, 4)
    local _, lim, off = util.page(opts)
    local rows = kb:sql([[SELECT id, name, kind, domain, horizon, weight, w_low, w_high,
        coupling, why FROM factor f
      WHERE (?1 IS NULL OR f.kind = ?1) AND ]] .. horizon_sql("f.horizon", 2) .. [[
        AND (?3 IS NULL OR f.domain = ?3) AND (?6 IS NULL OR f.id = ?6)
      ORDER BY f.kind, f.id LIMIT ?4 OFFSET ?5]],
      opts.kind, opts.horizon, opts.domain, lim, off, id)
    fill(rows, "evidence", evidence_of(kb, "factor"))
    return records_of(rows, "factor")
  end

  function QUERY.relation(kb, fname, opts, id)
    check_string_opt(fname, "type", opts.type, 4)
    local sign = opts.sign
    if sign ~= nil and sign ~= -1 and sign ~= 0 and sign ~= 1 then
      argerror(fname, 1, "'sign' must be -1, 0 or 1, got " .. tostring(sign), 3)
    end
    local _, lim, off = util.page(opts)
    local rows = kb:sql([[SELECT id, src AS "from", dst AS "to", type, sign, weight,
        horizon, note FROM relation
      WHERE (?1 IS NULL OR src = ?1) AND (?2 IS NULL OR dst = ?2)
        AND (?3 IS NULL OR type = ?3) AND (?4 IS NULL OR sign = ?4)
        AND (?7 IS NULL OR id = ?7)
      ORDER BY id LIMIT ?5 OFFSET ?6]],
      opts.from, opts.to, opts.type, sign and math.tointeger(sign), lim, off, id)
    fill(rows, "evidence", evidence_of(kb, "relation"))
    return records_of(rows, "relation")
  end

  -- The first and last day of a partial ISO date, as comparable strings.
  local function date_bounds(fname, key, d)
    if type(d) ~= "string" or not (d:match("^%d%d%d%d$") or d:match("^%d%d%d%d%-%d%d$")
                                   or d:match("^%d%d%d%d%-%d%d%-%d%d$")) then
      argerror(fname, 1, string.format("'%s' must be a date (YYYY, YYYY-MM or " ..
               "YYYY-MM-DD), got %s", key, type(d) == "string" and d or util.typename(d)), 4)
    end
    return d .. ("0000-01-01"):sub(#d + 1), d .. ("0000-99-99"):sub(#d + 1)
  end

  function QUERY.event(kb, fname, opts, id)
    local lo = opts.from ~= nil and (date_bounds(fname, "from", opts.from)) or nil
    local hi = opts.to ~= nil and select(2, date_bounds(fname, "to", opts.to)) or nil
    local _, lim, off = util.page(opts)
    -- an event's own period: its date padded to the first and last day
    local rows = kb:sql([[SELECT id, date, title, cameo, goldstein, date_source, note,
        s.url AS source_url, s.after_publication, s.checked, s.covers, s.tally, s.votes
      FROM event e LEFT JOIN event_source s ON s.event = e.id
      WHERE (?1 IS NULL OR e.date || substr('0000-99-99', length(e.date) + 1) >= ?1)
        AND (?2 IS NULL OR e.date || substr('0000-01-01', length(e.date) + 1) <= ?2)
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM event_actor a
                                   WHERE a.event = e.id AND a.entity = ?3))
        AND (?6 IS NULL OR e.id = ?6)
      ORDER BY e.date, e.id LIMIT ?4 OFFSET ?5]], lo, hi, opts.actor, lim, off, id)
    fill(rows, "actors", group(kb:sql(
      "SELECT event, entity FROM event_actor ORDER BY event, ord"), "event", "entity"))
    fill(rows, "evidence", evidence_of(kb, "event"))
    for _, r in ipairs(rows) do
      r.after_publication, r.votes = r.after_publication == 1, util.json_decode(r.votes)
    end
    return records_of(rows, "event")
  end

  function QUERY.quote(kb, _, opts, id)
    local _, lim, off = util.page(opts)
    local rows = kb:sql([[SELECT q.id, q.speaker, q.text, q.segment, q.stance
      FROM quote q JOIN segment s ON s.id = q.segment
      WHERE (?1 IS NULL OR q.speaker = ?1) AND (?4 IS NULL OR q.id = ?4)
      ORDER BY s.id, instr(s.text, q.text), q.id LIMIT ?2 OFFSET ?3]],
      opts.speaker, lim, off, id)
    return records_of(rows, "quote")
  end

  function QUERY.reference(kb, fname, opts, id)
    local src = opts.source
    if src ~= nil and math.type(src) ~= "integer" then
      argerror(fname, 1, "'source' must be an integer, got " .. util.typename(src), 3)
    end
    local _, lim, off = util.page(opts)
    local rows = kb:sql([[SELECT id, source, authors, year, title, container, doi, url, segment
      FROM reference WHERE (?3 IS NULL OR id = ?3) AND (?4 IS NULL OR source = ?4)
      ORDER BY source, id LIMIT ?1 OFFSET ?2]], lim, off, id, src)
    for _, r in ipairs(rows) do r.authors = util.json_strings(r.authors) end
    return records_of(rows, "reference")
  end

  -- Checks a question filter: nil, or the id of a question.
  local function check_question(kb, fname, q)
    if q == nil then return end
    check_string_opt(fname, "question", q, 5)
    if not kb:sql("SELECT 1 AS x FROM question WHERE id = ?", q)[1] then
      local ids = {}
      for i, r in ipairs(kb:sql("SELECT id FROM question ORDER BY ord, id")) do ids[i] = r.id end
      argerror(fname, 1, string.format("unknown question '%s'; questions: %s", q,
               #ids > 0 and table.concat(ids, ", ") or "none"), 4)
    end
  end

  function QUERY.hypothesis(kb, fname, opts, id)
    check_question(kb, fname, opts.question)
    local _, lim, off = util.page(opts)
    return records_of(kb:sql([[SELECT h.id, h.question, h.text FROM hypothesis h
      JOIN question q ON q.id = h.question
      WHERE (?3 IS NULL OR h.id = ?3) AND (?4 IS NULL OR h.question = ?4)
      ORDER BY q.ord, h.ord, h.id LIMIT ?1 OFFSET ?2]], lim, off, id, opts.question),
      "hypothesis")
  end

  function QUERY.item(kb, fname, opts, id)
    check_question(kb, fname, opts.question)
    local _, lim, off = util.page(opts)
    -- the date: its own, else the latest published date of its evidence's sources
    local rows = kb:sql([[SELECT i.id, i.question, i.text, i.credibility, i.relevance,
        ifnull(b.date, (SELECT max(s.published) FROM evidence e
                        JOIN segment g ON g.id = e.segment JOIN source s ON s.id = g.source
                        WHERE e.record_type = 'ach_item' AND e.record = i.id)) AS date,
        b.events
      FROM ach_item i JOIN question q ON q.id = i.question
        LEFT JOIN item_basis b ON b.item = i.id
      WHERE (?3 IS NULL OR i.id = ?3) AND (?4 IS NULL OR i.question = ?4)
      ORDER BY q.ord, i.ord, i.id LIMIT ?1 OFFSET ?2]], lim, off, id, opts.question)
    local ratings, reasons = {}, {}
    for _, r in ipairs(kb:sql("SELECT item, hypothesis, rating FROM rating")) do
      local m = ratings[r.item]
      if not m then m = {}; ratings[r.item] = m end
      m[r.hypothesis] = r.rating
    end
    for _, r in ipairs(kb:sql("SELECT item, hypothesis, reason FROM rating_reason")) do
      local m = reasons[r.item]
      if not m then m = {}; reasons[r.item] = m end
      m[r.hypothesis] = r.reason
    end
    for _, r in ipairs(rows) do
      r.ratings, r.reasons = ratings[r.id] or {}, reasons[r.id] or {}
      r.events = util.json_decode(r.events)
    end
    fill(rows, "evidence", evidence_of(kb, "ach_item"))
    return records_of(rows, "item")
  end

  -- The query of a type without one of its own: the columns of its table
  -- that are fields of its records, its filters compared with the columns
  -- of the same name (a list or table field decoded from its JSON), its
  -- evidence, in its sql_order. A type whose records are the rows of one
  -- table needs no query here.
  local function plain_query(t)
    local cols, json_cols, where = {}, {}, { "(?1 IS NULL OR id = ?1)" }
    local fields = " " .. table.concat(t.columns, " ") .. " "
    for _, c in ipairs(t.tables[t.table]) do
      if fields:find(" " .. c .. " ", 1, true) then cols[#cols + 1] = c end
      if store.JSON_KINDS[t.fields[c]] then json_cols[#json_cols + 1] = c end
    end
    for i, k in ipairs(t.filters) do
      where[#where + 1] = string.format("(?%d IS NULL OR %s = ?%d)", i + 3, k, i + 3)
    end
    -- the names come from sinorus.model, not from a caller
    local sql = string.format("SELECT %s FROM %s WHERE %s ORDER BY %s LIMIT ?2 OFFSET ?3",
                              table.concat(cols, ", "), t.table, table.concat(where, " AND "),
                              t.sql_order or "id")
    return function(kb, _, opts, id)
      local _, lim, off = util.page(opts)
      local args = { id, lim, off }
      for i, k in ipairs(t.filters) do args[i + 3] = opts[k] end
      local rows = kb:sql(sql, table.unpack(args, 1, #t.filters + 3))
      for _, c in ipairs(json_cols) do
        for _, r in ipairs(rows) do r[c] = util.json_decode(r[c]) end
      end
      if t.evidence then fill(rows, "evidence", evidence_of(kb, t.evidence)) end
      return records_of(rows, t.name)
    end
  end

  -- Checks a listing's filters by the model: unknown keys, the page,
  -- enumerated filters, entity filters (resolved to ids in a copy).
  local function list_opts(kb, t, fname, opts)
    opts = util.check_opts(fname, 1, opts, t.filters, 4)
    local out = {}
    for k, v in pairs(opts) do out[k] = v end
    for _, k in ipairs(t.filters) do
      local v = opts[k]
      if v ~= nil then
        local enum = t.enums[k]
        if k == "as_of" then
          store.check_as_of(fname, v)
        elseif enum then
          util.check_enum(fname, 1, v, model.ENUMS[enum], true, 4)
        elseif t.entity_filters[k] then
          out[k] = entity_arg(kb, fname, 1, v, "'" .. k .. "'", 4)
        end
      end
    end
    return out
  end

  -- The date by which a record was known (doc/forecasts.md): its own
  -- `date` (an event, an ACH item), else the latest published date of the
  -- sources of its evidence segments; nil when neither is known.
  local function record_date(kb, r)
    if r.date ~= nil then return r.date end
    local segs = r.evidence
    if type(segs) ~= "table" or #segs == 0 then return nil end
    local marks = ("?, "):rep(#segs - 1) .. "?"
    local row = kb:sql([[SELECT max(s.published) AS d FROM segment g
      JOIN source s ON s.id = g.source WHERE g.id IN (]] .. marks .. ")",
      table.unpack(segs))[1]
    return row and row.d
  end

  -- Checks the arguments of a singular getter: a string id, or a
  -- reference's number and, optionally, its source.
  local function check_key(t, v, source)
    local want = t.key == "number" and "integer" or "string"
    if (want == "integer" and math.type(v) ~= "integer")
        or (want == "string" and type(v) ~= "string") then
      argerror(t.name, 1, want .. " expected, got " ..
               (v == nil and "no value" or util.typename(v)), 4)
    end
    if source ~= nil and (t.key ~= "number" or math.type(source) ~= "integer") then
      argerror(t.name, 2, (t.key == "number" and "integer (a source id) expected, got "
                           or "no second argument expected, got ") .. util.typename(source), 4)
    end
  end

  -- The one record with this key, or nil; a reference number that more
  -- than one source has needs the source.
  local function get(kb, t, key, source, fname)
    check_key(t, key, source)
    local rows = QUERY[t.name](kb, t.name, { source = source }, key)
    if #rows > 1 then
      local srcs = {}
      for i, r in ipairs(rows) do srcs[i] = tostring(r.source) end
      argerror(fname or t.name, 1, string.format("%s %s is in sources %s; give %s", t.name,
               tostring(key), table.concat(srcs, ", "),
               fname and "the record" or "the source as argument #2"), 3)
    end
    return rows[1]
  end

  for _, t in ipairs(model.TYPES) do
    if t.name ~= "entity" then QUERY[t.name] = QUERY[t.name] or plain_query(t) end
    local query = QUERY[t.name]
    if query then
      local plural, list_class = t.plural, "sinorus." .. t.plural:gsub("^%l", string.upper)
      KB[plural] = function(self, opts)
        opts = list_opts(self, t, plural, opts)
        local rows
        if opts.as_of ~= nil then
          -- the records known on as_of: dated on or before it, then paged
          local all = {}
          for k, v in pairs(opts) do all[k] = v end
          all.limit, all.offset = nil, nil
          local upto, first = core.day_key(opts.as_of), 1 + (opts.offset or 0)
          rows = {}
          for _, r in ipairs(query(self, plural, all, nil)) do
            local d = record_date(self, r)
            if d and core.day_key(d) <= upto then rows[#rows + 1] = r end
          end
          local last = opts.limit and first + opts.limit - 1 or #rows
          rows = table.move(rows, first, math.min(last, #rows), 1, {})
        else
          rows = query(self, plural, opts, nil)
        end
        return util.list(rows, t.show, list_class, t.columns)
      end
      KB[t.name] = function(self, key, source)
        return (get(self, t, key, source))
      end
    end
  end

  -- -------------------------------------------------------------------
  -- Ratings (the ACH matrix as rows)

  local RATING_COLS = { "evidence", "hypothesis", "rating", "credibility", "relevance",
                        "text" }

  --- The ACH matrices as rows, by question, evidence item, then
  --- hypothesis; filters: hypothesis, evidence (an item id), question,
  --- as_of (the ratings of the items known on that date, as kb:items).
  function KB:ratings(opts)
    opts = util.check_opts("ratings", 1, opts,
                           { "hypothesis", "evidence", "question", "as_of" })
    if opts.as_of ~= nil then store.check_as_of("ratings", opts.as_of) end
    check_string_opt("ratings", "hypothesis", opts.hypothesis)
    check_string_opt("ratings", "evidence", opts.evidence)
    check_question(self, "ratings", opts.question)
    -- an unknown id raises, as an unknown entity does for claims{about}
    for _, f in ipairs { { "hypothesis", "hypothesis", "hypothesis" },
                         { "evidence", "ach_item", "ACH item" } } do
      local v = opts[f[1]]
      if v ~= nil and #self:sql("SELECT 1 FROM " .. f[2] .. " WHERE id = ?", v) == 0 then
        argerror("ratings", 1, string.format("unknown %s '%s' in '%s'", f[3], v, f[1]))
      end
    end
    local _, lim, off = util.page(opts)
    local known   -- the item ids known on as_of, as a JSON array for SQL
    if opts.as_of ~= nil then
      local ids = {}
      for i, it in ipairs(self:items { question = opts.question, as_of = opts.as_of }) do
        ids[i] = it.id
      end
      known = core.json(ids)
    end
    local rows = self:sql([[SELECT r.item AS evidence, r.hypothesis, r.rating,
        i.credibility, i.relevance, i.text
      FROM rating r JOIN ach_item i ON i.id = r.item
      JOIN hypothesis h ON h.id = r.hypothesis JOIN question q ON q.id = i.question
      WHERE (?1 IS NULL OR r.hypothesis = ?1) AND (?2 IS NULL OR r.item = ?2)
        AND (?5 IS NULL OR i.question = ?5)
        AND (?6 IS NULL OR r.item IN (SELECT value FROM json_each(?6)))
      ORDER BY q.ord, i.ord, h.ord LIMIT ?3 OFFSET ?4]],
      opts.hypothesis, opts.evidence, lim, off, opts.question, known)
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Rating", RATING_COLS) end
    return util.list(rows, { "evidence", "hypothesis", "rating", "credibility", "relevance" },
                     "sinorus.Ratings", RATING_COLS)
  end

  -- -------------------------------------------------------------------
  -- Evidence

  -- record class -> its record_type in the evidence table (sinorus.model)
  local RECORD_TYPES = {}
  for _, t in ipairs(model.TYPES) do
    if t.evidence then RECORD_TYPES[t.class] = t.evidence end
  end

  --- The segments a record rests on, in the record's order: a record
  --- returned by this API, or a record id (a reference's number, when one
  --- source alone has a reference of that number).
  function KB:evidence(r)
    local rtype, id
    if type(r) == "table" then
      local mt = getmetatable(r)
      rtype = mt and RECORD_TYPES[mt.__name]
      id = r.id
      if rtype == nil and mt and mt.__name == "sinorus.Rating" then
        rtype, id = "ach_item", r.evidence
      end
      if id == nil then
        argerror("evidence", 1, "record or record id expected, got " .. util.typename(r))
      end
      if rtype == "reference" then id = store.reference_key(r.source, id) end
    elseif type(r) == "string" then
      id = r
    elseif math.type(r) == "integer" then
      rtype = "reference"
      local ref = get(self, model.type("reference"), r, nil, "evidence")
      id = ref and store.reference_key(ref.source, ref.id) or ""
    else
      argerror("evidence", 1, "record or record id expected, got " ..
               (r == nil and "no value" or util.typename(r)))
    end
    local rows = self:sql([[SELECT DISTINCT segment, record_type, ord FROM evidence
      WHERE record = ?1 AND (?2 IS NULL OR record_type = ?2)
      ORDER BY record_type, ord]], id, rtype)
    local out, seen = {}, {}
    for _, row in ipairs(rows) do
      if not seen[row.segment] then
        seen[row.segment] = true
        out[#out + 1] = self:segment(row.segment)
      end
    end
    util.list(out, { "id", "kind", "section", "text" }, "sinorus.Segments")
    -- an event that rests on a source of its own has no segments: the
    -- list is empty and names that source
    if rtype == "event" or rtype == nil then
      local src = self:sql("SELECT url FROM event_source WHERE event = ?", id)[1]
      if src then out.source_url = src.url end
    end
    return out
  end
end

return { methods = KB, module = M }
