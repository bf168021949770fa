-- sinorus.model: the one declaration of every record type of a knowledge
-- base. Everything that handles records is derived from it: validation
-- and writing (store.lua), listings, filters and singular getters
-- (records.lua), add_/update_/remove_ (author.lua), the data files of the
-- build (tools/kbdata.lua), exports and CSV/JSON columns (graph.lua, the
-- CLI's `show`), help() and doc/API.md (doc.lua), and the spec that holds
-- the declaration against data/schema.sql (spec/model_spec.lua).
--
--   model.ENUMS[name]          the allowed values of an enumerated field
--   model.TYPES                the record types, in the order they load
--   model.type(name)           a type by its name, plural or table, or nil
--
-- A type declares:
--   name, plural         "claim", "claims": kb:claim(id), kb:claims{...}
--   table                its SQL table (its id column is `id`)
--   class                the metatable name of its records ("sinorus.Claim")
--   fields               the fields a data file or add_* gives: name -> kind
--                        (kinds: store.CHECKERS); `required` the mandatory ones;
--                        `derived` those a record gives or has derived (factor)
--   enums                field -> ENUMS name; `sql_check` false when the
--                        schema has no CHECK for it (the field's column does)
--   columns              a record's fields, in order: the keys of its JSON
--                        object and the columns of its CSV (every CSV path)
--   show                 the columns a printed list shows
--   filters              the listing's filter keys (limit/offset besides)
--   entity_filters       filters that name an entity (id, name or alias)
--   order                the listing's order, as help text says it; sql_order
--                        the same as SQL, for a type listed by the plain query
--   evidence             its record_type in the `evidence` table, or nil
--   authoring            true when add_/update_/remove_ exist
--   data_file            the build's data file of its records (default: plural)
--   key                  "id" (a string) or "number" (a reference's integer)
--   tables               its SQL tables and their columns, in schema order
--   help                 one line on what it is
--   summary, filter_help, example, get_example
--                        the help() and doc/API.md text of the listing and
--                        of the getter (lua/sinorus/doc.lua makes the entries)
--
-- To add a record type: see doc/authoring.md, "Adding a record type".

local model = {}

model.ENUMS = {
  horizon = { "short", "long", "both" },
  entity_kind = { "state", "organization", "person", "place", "company",
                  "document", "initiative", "event" },
  factor_kind = { "driver", "irritant" },
  level = { "low", "medium", "high" },
  rating = { "CC", "C", "N", "I", "II", "NA" },
  scale = { "icd203", "phia", "kent" },
  segment_kind = { "heading", "paragraph", "sentence", "reference" },
  forecast_kind = { "occurs", "holds" },
  polarity = { "event", "complement" },
  claim_text = { "asserts", "denies" },
  outcome = { "yes", "no", "partly", "not_yet", "unresolvable" },
  awaiting = { "date", "source" },
  checked = { "yes", "partly" },
  -- the codebook's closed vocabulary of relation types (data/README.md
  -- section 5): the coded data must use these; the authoring API is free
  relation_type = { "abstention", "acquisition", "arbitration", "containment",
                    "criticism", "defense-cooperation", "defense-industry",
                    "diplomatic-coordination", "energy", "infrastructure", "investment",
                    "lobbying", "military-backing", "non-recognition", "occupation",
                    "opposition", "partnership", "pressure", "rhetorical-support",
                    "rivalry", "sanctions", "sanctions-exposure", "territorial-claim",
                    "trade" },
  -- the codebook's stance labels of quotes (data/README.md section 7),
  -- likewise checked on the coded data only
  quote_stance = { "pro-alignment", "cautious", "skeptical", "sovereignty",
                   "anti-western", "programmatic", "descriptive", "ironic" },
}

model.TYPES = {
  {
    name = "entity", plural = "entities", table = "entity", class = "sinorus.Entity",
    help = "an actor, place, document or initiative, with its aliases",
    summary = "Entities in id order.",
    example = 'print(kb:entities{kind = "person"})',
    get_example = 'print(kb:entity("Beijing").id)      --> china',
    fields = { id = "id", name = "string", kind = "string", aliases = "strings",
               description = "string" },
    required = { "id", "name", "kind" },
    enums = { kind = "entity_kind" },
    columns = { "id", "name", "kind", "aliases", "description" },
    show = { "id", "name", "kind", "aliases" },
    filters = { "kind" }, order = "id", authoring = true, key = "id",
    tables = { entity = { "id", "name", "kind", "description" } },
  },
  {
    name = "question", plural = "questions", table = "question",
    class = "sinorus.Question",
    help = "the question of an ACH matrix, which its hypotheses answer",
    summary = "The questions of the ACH matrices, in order.",
    example = "print(kb:questions())",
    get_example = 'print(kb:question("q-china-stance").text)',
    fields = { id = "id", text = "string" },
    required = { "id", "text" },
    columns = { "id", "text" },
    show = { "id", "text" },
    filters = {}, order = "the order of the data", sql_order = "ord, id", key = "id",
    data_file = "hypotheses", authoring = true,
    tables = { question = { "id", "text", "ord" } },
  },
  {
    name = "hypothesis", plural = "hypotheses", table = "hypothesis",
    class = "sinorus.Hypothesis",
    help = "a competing hypothesis, an answer to its ACH question",
    summary = "The competing hypotheses, in order.",
    example = "print(kb:hypotheses())",
    get_example = 'print(kb:hypothesis("h-shield").text)',
    fields = { id = "id", question = "id", text = "string" },
    required = { "id", "question", "text" },
    columns = { "id", "question", "text" },
    show = { "id", "question", "text" },
    filters = { "question" }, filter_help = { question = "a question id" },
    order = "the order of the data", key = "id", authoring = true,
    tables = { hypothesis = { "id", "question", "text", "ord" } },
  },
  {
    name = "claim", plural = "claims", table = "claim", class = "sinorus.Claim",
    help = "an assessment of the article, with its horizon and estimative band",
    summary = "The article's analytic judgments, in id order.",
    filter_help = { about = "an entity's id, name or alias", min_p = "the lowest p_low",
                    max_p = "the highest p_high",
                    as_of = "a date: the claims whose evidence was published by then" },
    example = 'print(kb:claims{about = "China", horizon = "short"})',
    get_example = 'print(kb:claim("claim-pressure-main-driver"))',
    fields = { id = "id", text = "string", about = "strings", horizon = "string",
               estimative = "string", scale = "string", topics = "strings",
               evidence = "strings", p_low = "number", p_high = "number", note = "string",
               denies = "boolean" },
    required = { "id", "text", "about", "horizon", "evidence" },
    enums = { horizon = "horizon", scale = "scale" }, sql_check = { scale = false },
    columns = { "id", "text", "about", "horizon", "estimative", "scale", "p_low", "p_high",
                "topics", "evidence", "note" },
    show = { "id", "horizon", "estimative", "p_low", "p_high", "text" },
    filters = { "about", "horizon", "topic", "min_p", "max_p", "as_of" },
    entity_filters = { about = true },
    order = "id", evidence = "claim", authoring = true, key = "id",
    tables = {
      claim = { "id", "text", "horizon", "estimative", "scale", "p_low", "p_high", "note" },
      claim_about = { "claim", "entity", "ord" },
      claim_topic = { "claim", "topic", "ord" },
    },
  },
  {
    name = "factor", plural = "factors", table = "factor", class = "sinorus.Factor",
    help = "a driver or irritant of the partnership, with its weight",
    summary = "Drivers and irritants of the alignment: drivers first, each kind in id order.",
    example = 'print(kb:factors{kind = "irritant"})',
    get_example = 'print(kb:factor("drv-western-pressure").weight)',
    fields = { id = "id", name = "string", kind = "string", domain = "string",
               horizon = "string", weight = "number", range = "numbers",
               coupling = "number", wording = "table", why = "string",
               evidence = "strings" },
    required = { "id", "name", "kind", "domain", "horizon", "why", "evidence" },
    -- given, or derived from `wording` by sinorus.wording (the coded data
    -- must give wording); stored NOT NULL either way
    derived = { "weight", "range", "coupling" },
    enums = { kind = "factor_kind", horizon = "horizon" },
    columns = { "id", "name", "kind", "domain", "horizon", "weight", "w_low", "w_high",
                "coupling", "why", "evidence" },
    show = { "id", "kind", "domain", "horizon", "weight", "coupling", "name" },
    filters = { "kind", "horizon", "domain" },
    order = "drivers first, each kind by id", evidence = "factor", authoring = true,
    key = "id",
    tables = { factor = { "id", "name", "kind", "domain", "horizon", "weight", "w_low",
                          "w_high", "coupling", "why" } },
  },
  {
    name = "relation", plural = "relations", table = "relation",
    class = "sinorus.Relation",
    help = "a signed, weighted tie between two entities",
    summary = "Signed relations between entities, in id order.",
    filter_help = { from = "an entity", to = "an entity", sign = "-1, 0 or 1" },
    example = 'print(kb:relations{from = "China", sign = 1})',
    get_example = 'print(kb:relation("rel-russia-china-partnership"))',
    fields = { id = "id", from = "string", to = "string", type = "string",
               sign = "integer", weight = "number", horizon = "string",
               evidence = "strings", note = "string" },
    required = { "id", "from", "to", "type", "sign", "weight", "horizon", "evidence" },
    enums = { horizon = "horizon" },
    columns = { "id", "from", "to", "type", "sign", "weight", "horizon", "evidence", "note" },
    show = { "id", "from", "to", "type", "sign", "weight", "horizon" },
    filters = { "from", "to", "type", "sign" },
    entity_filters = { from = true, to = true },
    order = "id", evidence = "relation", authoring = true, key = "id",
    tables = { relation = { "id", "src", "dst", "type", "sign", "weight", "horizon",
                            "note" } },
  },
  {
    name = "event", plural = "events", table = "event", class = "sinorus.Event",
    help = "a dated event with its actors (CAMEO code and Goldstein score optional), "
      .. "resting on sentences of a source or on its own source_url",
    summary = "Dated events, in date order.",
    filter_help = { from = "an ISO date, partial or whole", to = "an ISO date",
                    actor = "an entity",
                    as_of = "a date: the events whose period ends by then" },
    example = 'print(kb:events{from = "2022-01-01"})',
    get_example = 'print(kb:event("ev-joint-statement").title)',
    fields = { id = "id", date = "string", title = "string", actors = "strings",
               cameo = "string", goldstein = "number", date_source = "string",
               evidence = "strings", note = "string", source_url = "string",
               after_publication = "boolean", checked = "string", covers = "string",
               tally = "string", votes = "table" },
    -- evidence, unless the event rests on its source_url (store.lua)
    required = { "id", "date", "title", "actors" },
    enums = { checked = "checked" }, sql_check = { checked = false },
    table_enums = { event_source = { checked = "checked" } },
    columns = { "id", "date", "title", "actors", "cameo", "goldstein", "date_source",
                "evidence", "note", "source_url", "after_publication", "checked", "covers",
                "tally", "votes" },
    show = { "id", "date", "cameo", "goldstein", "title" },
    filters = { "from", "to", "actor", "as_of" },
    entity_filters = { actor = true },
    order = "date, then id", evidence = "event", authoring = true, key = "id",
    tables = {
      event = { "id", "date", "title", "cameo", "goldstein", "date_source", "note" },
      event_actor = { "event", "entity", "ord" },
      event_source = { "event", "url", "after_publication", "checked", "covers", "tally",
                       "votes" },
    },
  },
  {
    name = "quote", plural = "quotes", table = "quote", class = "sinorus.Quote",
    help = "a verbatim quotation and its speaker",
    summary = "Verbatim quotations, in the order of the text.",
    filter_help = { speaker = "an entity" },
    example = 'print(kb:quotes{speaker = "Putin"})',
    get_example = 'print(kb:quote("q-new-era").text)',
    fields = { id = "id", speaker = "string", text = "string", stance = "string",
               evidence = "strings" },
    required = { "id", "speaker", "text" },
    columns = { "id", "speaker", "text", "segment", "stance" },
    show = { "id", "speaker", "stance", "text" },
    filters = { "speaker" },
    entity_filters = { speaker = true },
    order = "the order of the text", evidence = "quote", authoring = true, key = "id",
    tables = { quote = { "id", "speaker", "text", "segment", "stance" } },
  },
  {
    name = "reference", plural = "references", table = "reference",
    class = "sinorus.Reference",
    help = "an entry of a source's list of references, by its number there",
    summary = "The references of every source, by source and number.",
    example = "print(kb:references())",
    get_example = "print(kb:reference(3).title)",
    fields = { id = "integer", authors = "strings", year = "integer", title = "string",
               container = "string", doi = "string", url = "string",
               evidence = "strings" },
    required = { "id", "authors", "title", "evidence" },
    columns = { "id", "source", "authors", "year", "title", "container", "doi", "url",
                "segment" },
    show = { "source", "id", "authors", "year", "title" },
    filters = { "source" }, filter_help = { source = "a source id" },
    order = "source, then number", evidence = "reference", key = "number",
    tables = { reference = { "source", "id", "authors", "year", "title", "container", "doi",
                             "url", "segment" } },
  },
  {
    name = "item", plural = "items", table = "ach_item", class = "sinorus.Item",
    help = "an item of evidence of the ACH matrix, rated against every hypothesis",
    summary = "The items of evidence of the ACH matrices, in order, each with its ratings.",
    example = "print(kb:items())",
    get_example = 'print(kb:item("e-unsc-vote-2022").ratings["h-shield"])',
    -- ratings: hypothesis -> rating, or -> {rating, reason}; evidence (the
    -- segments) or events (the event records) it rests on, or both; date:
    -- given with events, else the published date of its evidence's source
    fields = { id = "id", question = "id", text = "string", credibility = "string",
               relevance = "string", evidence = "strings", ratings = "table",
               date = "string", events = "strings" },
    required = { "id", "question", "text", "credibility", "relevance", "ratings" },
    enums = { credibility = "level", relevance = "level" },
    columns = { "id", "question", "text", "credibility", "relevance", "ratings", "evidence",
                "date", "events", "reasons" },
    show = { "id", "question", "credibility", "relevance", "text" },
    filters = { "question", "as_of" },
    filter_help = { question = "a question id",
                    as_of = "a date: the items whose date's period ends by then" },
    order = "the order of the data", evidence = "ach_item",
    key = "id", data_file = "hypotheses", authoring = true,
    tables = {
      ach_item = { "id", "question", "text", "credibility", "relevance", "ord" },
      rating = { "item", "hypothesis", "rating" },
      item_basis = { "item", "date", "events" },
      rating_reason = { "item", "hypothesis", "reason" },
    },
    -- rating.rating holds the values of `ratings`
    table_enums = { rating = { rating = "rating" } },
  },
  {
    name = "forecast", plural = "forecasts", table = "forecast", class = "sinorus.Forecast",
    help = "a forward-looking claim worded as a proposition that resolves yes or no",
    summary = "The forecasts made of the forward-looking claims, in id order "
      .. "(doc/forecasts.md gives the rules).",
    filter_help = { claim = "a claim id", kind = "occurs or holds" },
    example = 'print(kb:forecasts{kind = "holds"})',
    get_example = 'print(kb:forecast("fc-cooperation-limited").resolves_by)',
    fields = { id = "id", claim = "id", proposition = "string", criteria = "string",
               components = "table", uses = "strings", kind = "string", opens = "string",
               resolves_by = "string", polarity = "string", claim_text = "string",
               p_low = "number", p_high = "number", scale = "string", evidence = "strings",
               note = "string" },
    required = { "id", "claim" },
    enums = { kind = "forecast_kind", polarity = "polarity", claim_text = "claim_text",
              scale = "scale" },
    sql_check = { scale = false },
    columns = { "id", "claim", "proposition", "criteria", "components", "uses", "kind",
                "opens", "resolves_by", "polarity", "claim_text", "p_low", "p_high",
                "scale", "evidence", "note" },
    show = { "id", "kind", "resolves_by", "p_low", "p_high", "proposition" },
    filters = { "claim", "kind" }, order = "id", evidence = "forecast", key = "id",
    tables = { forecast = { "id", "claim", "proposition", "criteria", "components", "uses",
                            "kind", "opens", "resolves_by", "polarity", "claim_text", "p_low",
                            "p_high", "scale", "note" } },
  },
  {
    name = "resolution", plural = "resolutions", table = "resolution",
    class = "sinorus.Resolution",
    help = "how a forecast came out (its id is the forecast's), on the event records "
      .. "it rests on",
    summary = "The resolutions of the forecasts, in forecast id order.",
    filter_help = { outcome = "yes, no, partly, not_yet or unresolvable" },
    example = 'print(kb:resolutions{outcome = "partly"})',
    get_example = 'print(kb:resolution("fc-cooperation-limited").outcome)',
    fields = { id = "id", outcome = "string", resolved = "string", events = "strings",
               against = "strings", components = "table", awaiting = "string",
               reason = "string" },
    required = { "id", "outcome", "reason" },
    enums = { outcome = "outcome", awaiting = "awaiting" },
    columns = { "id", "outcome", "resolved", "events", "against", "components", "awaiting",
                "reason" },
    show = { "id", "outcome", "resolved", "reason" },
    filters = { "outcome" }, order = "id", key = "id",
    tables = { resolution = { "id", "outcome", "resolved", "events", "against", "components",
                              "awaiting", "reason" } },
  },
}

-- The charts of kb:chart, in the order sinorus.CHARTS lists them (drawn
-- by lua/sinorus/chart.lua, which checks that it draws these and no
-- other).
model.CHARTS = { "tornado", "contributions", "pressure", "distribution", "histogram", "ach",
                 "network", "mentions", "timeline", "goldstein", "calibration", "ach_timeline" }

-- Tables of the schema that hold no record of the model: the text (owned
-- by the storage layer: the view segment reads segment_row and
-- source_text, whose pieces text_dict's dictionaries pack, the view
-- mention the virtual table sinorus_mention, which reads mention_pack and
-- mention_posting, and entity_key), the evidence links, codes, the
-- change log.
model.OTHER_TABLES = { "meta", "source", "source_text", "text_dict", "segment_row", "segment_fts",
                       "alias",
                       "entity_key", "mention_pack", "mention_posting", "sinorus_mention",
                       "evidence", "code", "changelog" }
-- schema v5, import formats (lua/sinorus/import.lua): pages and text hashes
for _, t in ipairs { "source_page", "source_hash" } do
  model.OTHER_TABLES[#model.OTHER_TABLES + 1] = t
end

-- The scripts of aliases (alias.script, since schema version 5): the ISO
-- 15924 code of most of an alias's letters, which core.script derives
-- from it when it is written; Zyyy is an alias without Latin, Cyrillic
-- or CJK letters.
model.ALIAS_SCRIPTS = { "Latn", "Cyrl", "Hani", "Zyyy" }

-- The search settings a KB may have (sinorus.open's `search` option,
-- kb:describe().search; the arguments of the tokenizer, csrc/sn_fts.c, in
-- this order): CJK characters and their pairs, English and Russian stems.
-- A new file has them all (data/schema.sql).
model.SEARCH_SETTINGS = { "cjk", "english", "russian" }

local BY = {}

-- Completes a declaration (defaults, the CHECK lists its tables carry:
-- table -> column -> enum) and indexes it by name, plural and table.
local function register(t)
  BY[t.name], BY[t.plural], BY[t.table] = t, t, t
  t.enums = t.enums or {}
  t.entity_filters = t.entity_filters or {}
  t.data_file = t.data_file or t.plural
  local checks = {}
  for tbl in pairs(t.tables) do checks[tbl] = {} end
  for field, enum in pairs(t.enums) do
    if not (t.sql_check and t.sql_check[field] == false) then
      checks[t.table][field] = enum
    end
  end
  for tbl, cols in pairs(t.table_enums or {}) do
    for col, enum in pairs(cols) do checks[tbl][col] = enum end
  end
  t.checks = checks
end
for _, t in ipairs(model.TYPES) do register(t) end

--- Declares one more record type (an extension, or a spec showing what a
--- new type costs); before sinorus is required, since the modules derive
--- their methods, data files and help from the types when they load.
function model.add(t)
  assert(not BY[t.name], "record type '" .. tostring(t.name) .. "' exists")
  model.TYPES[#model.TYPES + 1] = t
  register(t)
  return t
end

--- The type named by its name, plural or table, or nil.
function model.type(name)
  return BY[name]
end

-- The names of the types, in order; with a predicate, those it accepts.
function model.names(key, pred)
  local out = {}
  for _, t in ipairs(model.TYPES) do
    if pred == nil or pred(t) then out[#out + 1] = t[key or "name"] end
  end
  return out
end

return model
