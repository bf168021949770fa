-- sinorus.records: the coded records of a knowledge base (SPEC.md 3.2).
--
--   kb:entities{kind}                 kb:entity(name_or_alias)
--   kb:mentions(entity, {kind, duplicates})
--   kb:claims{about, horizon, topic, min_p, max_p}      kb:claim(id)
--   kb:factors{kind, horizon, domain}                   kb:factor(id)
--   kb:relations{from, to, type, sign}
--   kb:events{from, to, actor}
--   kb:quotes{speaker}
--   kb:references()   kb:hypotheses()   kb:ratings{hypothesis, evidence}
--   kb:evidence(record_or_id)
--   kb:_tag(segment_ids)              (internal: computes entity mentions)
--
-- Every listing takes `limit` and `offset`, returns records in a stable
-- order and raises on an unknown filter key, naming the valid ones.
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
-- Loaded by init.lua as require("sinorus.records")(KB, M, util).

local core = require "sinorus.core"

local HORIZONS = { "short", "long", "both" }
local ENTITY_KINDS = { "state", "organization", "person", "place", "company",
                       "document", "initiative", "event" }
local SEG_KINDS = { "heading", "paragraph", "sentence", "reference" }

-- Folded form of a name: the same normalisation as the loader's alias.folded.
local function norm(s)
  return (core.fold(s):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

return function(KB, _, util)
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

  local function check_horizon(fname, h)
    util.check_enum(fname, 1, h, HORIZONS, true)
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
  local function entity_arg(kb, fname, argn, v, what)
    if type(v) ~= "string" then
      argerror(fname, argn, (what and what .. " must be an entity name, got "
                             or "string expected, got ") ..
               (v == nil and "no value" or util.typename(v)), 3)
    end
    local id = lookup(kb, v)
    if not id then
      argerror(fname, argn, string.format("unknown entity '%s'%s", v,
               what and " in " .. what or ""), 3)
    end
    return id
  end

  local function check_string_opt(fname, key, v)
    if v ~= nil and type(v) ~= "string" then
      argerror(fname, 1, string.format("'%s' must be a string, got %s", key,
               util.typename(v)), 3)
    end
  end

  local function check_id(fname, v)
    if type(v) ~= "string" then
      argerror(fname, 1, "string expected, got " ..
               (v == nil and "no value" or util.typename(v)), 3)
    end
  end

  -- -------------------------------------------------------------------
  -- Entities

  local ENTITY_COLS = { "id", "name", "kind", "aliases", "description" }

  local function entity_records(kb, rows)
    local aliases = group(kb:sql([[SELECT entity, alias FROM alias WHERE ord > 0
                                   ORDER BY entity, ord]]), "entity", "alias")
    for i, r in ipairs(rows) do
      r.aliases = aliases[r.id] or {}
      rows[i] = util.record(r, "sinorus.Entity", ENTITY_COLS)
    end
    return rows
  end

  --- Entities in id order; filter: kind.
  function KB:entities(opts)
    opts = util.check_opts("entities", 1, opts, { "kind" })
    util.check_enum("entities", 1, opts.kind, ENTITY_KINDS, true)
    local page, lim, off = util.page(opts)
    local rows = self:sql([[SELECT id, name, kind, description FROM entity
                            WHERE (?1 IS NULL OR kind = ?1) ORDER BY id]] .. page,
                          opts.kind, lim, off)
    return util.list(entity_records(self, rows), { "id", "name", "kind", "aliases" },
                     "sinorus.Entities")
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
      ORDER BY s.source, s.ord LIMIT ?4 OFFSET ?5]],
      id, opts.kind, opts.duplicates ~= false, lim, off)
    for i, s in ipairs(segs) do
      local spans, matches = {}, {}
      for _, m in ipairs(self:sql([[SELECT m.start, m.stop FROM mention m
          WHERE m.entity = ?2 AND m.segment IN
            (SELECT ?1 UNION ALL SELECT id FROM segment WHERE parent = ?1)
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

  --- Tags entity mentions in the given segments (all when nil) with a
  --- matcher over every alias; replaces their earlier mentions. A
  --- paragraph keeps only the mentions that run across two of its
  --- sentences (the others are its sentences'). Internal: the C core
  --- tags (sinorus_tag), by the import's rules. Returns the rows written.
  function KB:_tag(ids)
    return core.tag(self, ids)
  end

  -- -------------------------------------------------------------------
  -- Claims

  local CLAIM_COLS = { "id", "text", "about", "horizon", "estimative", "scale",
                       "p_low", "p_high", "topics", "evidence", "note" }

  local CLAIM_SELECT = [[SELECT id, text, horizon, estimative, scale, p_low, p_high, note
                         FROM claim c ]]

  local function claim_records(kb, rows)
    local about = group(kb:sql("SELECT claim, entity FROM claim_about ORDER BY claim, ord"),
                        "claim", "entity")
    local topics = group(kb:sql("SELECT claim, topic FROM claim_topic ORDER BY claim, ord"),
                         "claim", "topic")
    fill(rows, "about", about)
    fill(rows, "topics", topics)
    fill(rows, "evidence", evidence_of(kb, "claim"))
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Claim", CLAIM_COLS) end
    return rows
  end

  local function check_p(fname, key, v)
    if v ~= nil and (type(v) ~= "number" or v ~= v or v < 0 or v > 1) then
      argerror(fname, 1, string.format("'%s' must be a number in [0, 1], got %s", key,
               tostring(v)), 3)
    end
  end

  --- Claims in id order; filters: about, horizon, topic, min_p, max_p.
  function KB:claims(opts)
    opts = util.check_opts("claims", 1, opts,
                           { "about", "horizon", "topic", "min_p", "max_p" })
    local about = opts.about ~= nil and entity_arg(self, "claims", 1, opts.about, "'about'")
    check_horizon("claims", opts.horizon)
    check_string_opt("claims", "topic", opts.topic)
    check_p("claims", "min_p", opts.min_p)
    check_p("claims", "max_p", opts.max_p)
    local _, lim, off = util.page(opts)
    local rows = self:sql(CLAIM_SELECT .. [[
      WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM claim_about a
                                   WHERE a.claim = c.id AND a.entity = ?1))
        AND ]] .. horizon_sql("c.horizon", 2) .. [[
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM claim_topic t
                                   WHERE t.claim = c.id AND t.topic = ?3))
        AND (?4 IS NULL OR (c.p_low IS NOT NULL AND c.p_low >= ?4))
        AND (?5 IS NULL OR (c.p_high IS NOT NULL AND c.p_high <= ?5))
      ORDER BY c.id LIMIT ?6 OFFSET ?7]],
      about or nil, opts.horizon, opts.topic, opts.min_p, opts.max_p, lim, off)
    return util.list(claim_records(self, rows),
                     { "id", "horizon", "estimative", "p_low", "p_high", "text" },
                     "sinorus.Claims")
  end

  --- The claim with id, or nil.
  function KB:claim(id)
    check_id("claim", id)
    local rows = self:sql(CLAIM_SELECT .. "WHERE id = ?", id)
    return claim_records(self, rows)[1]
  end

  -- -------------------------------------------------------------------
  -- Factors

  local FACTOR_COLS = { "id", "name", "kind", "domain", "horizon", "weight", "w_low",
                        "w_high", "coupling", "why", "evidence" }
  local FACTOR_SELECT = [[SELECT id, name, kind, domain, horizon, weight, w_low, w_high,
                          coupling, why FROM factor f ]]

  local function factor_records(kb, rows)
    fill(rows, "evidence", evidence_of(kb, "factor"))
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Factor", FACTOR_COLS) end
    return rows
  end

  --- Factors, drivers first, each kind in id order; filters: kind, horizon, domain.
  function KB:factors(opts)
    opts = util.check_opts("factors", 1, opts, { "kind", "horizon", "domain" })
    util.check_enum("factors", 1, opts.kind, { "driver", "irritant" }, true)
    check_horizon("factors", opts.horizon)
    check_string_opt("factors", "domain", opts.domain)
    local _, lim, off = util.page(opts)
    local rows = self:sql(FACTOR_SELECT .. [[
      WHERE (?1 IS NULL OR f.kind = ?1) AND ]] .. horizon_sql("f.horizon", 2) .. [[
        AND (?3 IS NULL OR f.domain = ?3)
      ORDER BY f.kind, f.id LIMIT ?4 OFFSET ?5]],
      opts.kind, opts.horizon, opts.domain, lim, off)
    return util.list(factor_records(self, rows),
                     { "id", "kind", "domain", "horizon", "weight", "coupling", "name" },
                     "sinorus.Factors")
  end

  --- The factor with id, or nil.
  function KB:factor(id)
    check_id("factor", id)
    return factor_records(self, self:sql(FACTOR_SELECT .. "WHERE id = ?", id))[1]
  end

  -- -------------------------------------------------------------------
  -- Relations

  local RELATION_COLS = { "id", "from", "to", "type", "sign", "weight", "horizon",
                          "evidence", "note" }

  --- Relations in id order; filters: from, to (entities), type, sign.
  function KB:relations(opts)
    opts = util.check_opts("relations", 1, opts, { "from", "to", "type", "sign" })
    local from = opts.from ~= nil and entity_arg(self, "relations", 1, opts.from, "'from'")
    local to = opts.to ~= nil and entity_arg(self, "relations", 1, opts.to, "'to'")
    check_string_opt("relations", "type", opts.type)
    if opts.sign ~= nil and opts.sign ~= -1 and opts.sign ~= 0 and opts.sign ~= 1 then
      argerror("relations", 1, "'sign' must be -1, 0 or 1, got " .. tostring(opts.sign))
    end
    local _, lim, off = util.page(opts)
    local rows = self:sql([[SELECT id, src AS "from", dst AS "to", type, sign, weight,
        horizon, note FROM relation
      WHERE (?1 IS NULL OR src = ?1) AND (?2 IS NULL OR dst = ?2)
        AND (?3 IS NULL OR type = ?3) AND (?4 IS NULL OR sign = ?4)
      ORDER BY id LIMIT ?5 OFFSET ?6]],
      from or nil, to or nil, opts.type, opts.sign and math.tointeger(opts.sign), lim, off)
    fill(rows, "evidence", evidence_of(self, "relation"))
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Relation", RELATION_COLS) end
    return util.list(rows, { "id", "from", "to", "type", "sign", "weight", "horizon" },
                     "sinorus.Relations")
  end

  -- -------------------------------------------------------------------
  -- Events

  local EVENT_COLS = { "id", "date", "title", "actors", "cameo", "goldstein",
                       "date_source", "evidence", "note" }

  -- The first and last day of a partial ISO date, as comparable strings.
  local function date_bounds(fname, key, d)
    if type(d) ~= "string" or not (d:match("^%d%d%d%d$") or d:match("^%d%d%d%d%-%d%d$")
                                   or d:match("^%d%d%d%d%-%d%d%-%d%d$")) then
      argerror(fname, 1, string.format("'%s' must be a date (YYYY, YYYY-MM or " ..
               "YYYY-MM-DD), got %s", key, type(d) == "string" and d or util.typename(d)), 3)
    end
    return d .. ("0000-01-01"):sub(#d + 1), d .. ("0000-99-99"):sub(#d + 1)
  end

  --- Events in date order; filters: from, to (dates), actor (an entity).
  function KB:events(opts)
    opts = util.check_opts("events", 1, opts, { "from", "to", "actor" })
    local lo = opts.from ~= nil and (date_bounds("events", "from", opts.from)) or nil
    local hi = opts.to ~= nil and select(2, date_bounds("events", "to", opts.to)) or nil
    local actor = opts.actor ~= nil and entity_arg(self, "events", 1, opts.actor, "'actor'")
    local _, lim, off = util.page(opts)
    -- an event's own period: its date padded to the first and last day
    local rows = self:sql([[SELECT id, date, title, cameo, goldstein, date_source, note
      FROM event e
      WHERE (?1 IS NULL OR e.date || substr('0000-99-99', length(e.date) + 1) >= ?1)
        AND (?2 IS NULL OR e.date || substr('0000-01-01', length(e.date) + 1) <= ?2)
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM event_actor a
                                   WHERE a.event = e.id AND a.entity = ?3))
      ORDER BY e.date, e.id LIMIT ?4 OFFSET ?5]], lo, hi, actor or nil, lim, off)
    fill(rows, "actors", group(self:sql(
      "SELECT event, entity FROM event_actor ORDER BY event, ord"), "event", "entity"))
    fill(rows, "evidence", evidence_of(self, "event"))
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Event", EVENT_COLS) end
    return util.list(rows, { "id", "date", "cameo", "goldstein", "title" }, "sinorus.Events")
  end

  -- -------------------------------------------------------------------
  -- Quotes

  local QUOTE_COLS = { "id", "speaker", "text", "segment", "stance" }

  --- Quotes in the order of the text; filter: speaker (an entity).
  function KB:quotes(opts)
    opts = util.check_opts("quotes", 1, opts, { "speaker" })
    local speaker = opts.speaker ~= nil and
                    entity_arg(self, "quotes", 1, opts.speaker, "'speaker'")
    local _, lim, off = util.page(opts)
    local rows = self:sql([[SELECT q.id, q.speaker, q.text, q.segment, q.stance
      FROM quote q JOIN segment s ON s.id = q.segment
      WHERE ?1 IS NULL OR q.speaker = ?1
      ORDER BY s.source, s.ord, instr(s.text, q.text), q.id LIMIT ?2 OFFSET ?3]],
      speaker or nil, lim, off)
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Quote", QUOTE_COLS) end
    return util.list(rows, { "id", "speaker", "stance", "text" }, "sinorus.Quotes")
  end

  -- -------------------------------------------------------------------
  -- References, hypotheses, ratings

  local REF_COLS = { "id", "authors", "year", "title", "container", "doi", "url", "segment" }

  --- The article's references, by number.
  function KB:references(opts)
    opts = util.check_opts("references", 1, opts, {})
    local page, lim, off = util.page(opts)
    local rows = self:sql([[SELECT id, authors, year, title, container, doi, url, segment
                            FROM reference ORDER BY id]] .. page, lim, off)
    for i, r in ipairs(rows) do
      r.authors = util.json_strings(r.authors)
      rows[i] = util.record(r, "sinorus.Reference", REF_COLS)
    end
    return util.list(rows, { "id", "authors", "year", "title" }, "sinorus.References")
  end

  --- The competing hypotheses, in order.
  function KB:hypotheses(opts)
    opts = util.check_opts("hypotheses", 1, opts, {})
    local page, lim, off = util.page(opts)
    local rows = self:sql("SELECT id, text FROM hypothesis ORDER BY ord, id" .. page, lim, off)
    for i, r in ipairs(rows) do
      rows[i] = util.record(r, "sinorus.Hypothesis", { "id", "text" })
    end
    return util.list(rows, { "id", "text" }, "sinorus.Hypotheses")
  end

  local RATING_COLS = { "evidence", "hypothesis", "rating", "credibility", "relevance",
                        "text" }

  --- The ACH matrix as rows, by evidence item then hypothesis; filters:
  --- hypothesis, evidence (an item id).
  function KB:ratings(opts)
    opts = util.check_opts("ratings", 1, opts, { "hypothesis", "evidence" })
    check_string_opt("ratings", "hypothesis", opts.hypothesis)
    check_string_opt("ratings", "evidence", opts.evidence)
    local _, lim, off = util.page(opts)
    local rows = self:sql([[SELECT r.item AS evidence, r.hypothesis, r.rating,
        i.credibility, i.relevance, i.text
      FROM rating r JOIN ach_item i ON i.id = r.item
      JOIN hypothesis h ON h.id = r.hypothesis
      WHERE (?1 IS NULL OR r.hypothesis = ?1) AND (?2 IS NULL OR r.item = ?2)
      ORDER BY i.ord, h.ord LIMIT ?3 OFFSET ?4]], opts.hypothesis, opts.evidence, lim, off)
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Rating", RATING_COLS) end
    return util.list(rows, { "evidence", "hypothesis", "rating", "credibility", "relevance" },
                     "sinorus.Ratings")
  end

  -- -------------------------------------------------------------------
  -- Evidence

  local RECORD_TYPES = {
    ["sinorus.Claim"] = "claim", ["sinorus.Factor"] = "factor",
    ["sinorus.Relation"] = "relation", ["sinorus.Event"] = "event",
    ["sinorus.Quote"] = "quote", ["sinorus.Reference"] = "reference",
  }

  --- The segments a record rests on, in the record's order: a record
  --- returned by this API, or a record id (a reference's number).
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
    elseif type(r) == "string" or math.type(r) == "integer" then
      id = r
    else
      argerror("evidence", 1, "record or record id expected, got " ..
               (r == nil and "no value" or util.typename(r)))
    end
    if math.type(id) == "integer" then rtype, id = "reference", tostring(id) end
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
    return util.list(out, { "id", "kind", "section", "text" }, "sinorus.Segments")
  end
end
