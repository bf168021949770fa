-- sinorus.doc: the one source of help text. help() in the REPL, the
-- command's --help pages and doc/API.md (tools/gendoc.lua) all read it.
--
--   local doc = require "sinorus.doc"
--   print(doc.text())              -- every function, grouped
--   print(doc.text(kb.search))     -- one entry, found by function identity
--   print(doc.text("search"))      -- or by name ("kb:search", "sinorus.open")
--   doc.undocumented(sinorus)      -- public functions without an entry
--
-- An entry: {name, args, summary, returns, example, group}. Names are
-- "sinorus.NAME" for module functions, "kb:NAME" for KB methods and
-- "graph:NAME" for graph methods. `optional = true` marks functions that
-- a later version may add; they are listed only when they exist.

local M = {}

M.groups = {
  { id = "module", title = "Module functions" },
  { id = "open", title = "Opening and lifetime" },
  { id = "records", title = "Records" },
  { id = "text", title = "Text queries" },
  { id = "weight", title = "Weighting and analysis" },
  { id = "graph", title = "Graphs and exports" },
  { id = "author", title = "Authoring" },
  { id = "graphobj", title = "Graph objects (from kb:graph)" },
}

local E = {}
M.entries = E

local function entry(t) E[#E + 1] = t end

-- ---------------------------------------------------------------------
-- Module

entry { name = "sinorus.open", group = "module", args = "[path [, opts]]",
  summary = "Opens a knowledge base: the built-in article (no path, read-only, in memory) "
    .. "or an analyst's file (read-write). opts: create = true makes the file if missing, "
    .. "seeded with the article (empty = true: schema only); readonly = true opens a "
    .. "read-only view.",
  returns = "a sinorus.KB, or nil, message if the file is missing or not a sinorus KB",
  example = 'local kb <close> = sinorus.open()\n'
    .. 'local mine = assert(sinorus.open("my.sqlite", {create = true}))' }

entry { name = "sinorus.version", group = "module", value = true, args = "",
  summary = "The library version.",
  returns = 'a string "MAJOR.MINOR.PATCH"',
  example = "print(sinorus.version)" }

entry { name = "sinorus.estimate", group = "module", args = "term [, scale]",
  summary = "The probability band of an estimative term (\"likely\", \"almost certainly\"). "
    .. 'Scales: "icd203" (default), "phia", "kent".',
  returns = "{term, scale, band, p_low, p_high, p_mid}, or nil, message for an unknown term",
  example = 'sinorus.estimate("likely")          --> band "likely", 0.55..0.80' }

entry { name = "sinorus.hedges", group = "module", args = "text [, scale]",
  summary = "The estimative expressions found in a text, with their positions "
    .. "(1-based, inclusive) and bands.",
  returns = "a list of {text, start, stop, band, p_low, p_high}",
  example = 'print(sinorus.hedges("It is likely, though not certain, that ..."))' }

entry { name = "sinorus.pool", group = "module", args = "ps [, weights] [, method]",
  summary = 'Combines probabilities into one. Methods: "linear" (default), '
    .. '"logodds", "noisy_or"; weights default to equal.',
  returns = "a number in [0, 1]",
  example = 'sinorus.pool({0.6, 0.8}, {2, 1}, "logodds")' }

entry { name = "sinorus.decay", group = "module", args = "age_days, half_life_days",
  summary = "Exponential time weight: 1 for age 0, 0.5 at one half-life.",
  returns = "a number in (0, 1]",
  example = "sinorus.decay(365, 180)             --> about 0.245" }

entry { name = "sinorus.to_json", group = "module", args = "value",
  summary = "JSON text of a value: records and lists as objects (keys sorted) and arrays.",
  returns = "a string",
  example = 'print(sinorus.to_json(kb:claims{horizon = "short"}))' }

entry { name = "sinorus.to_csv", group = "module", args = "records [, columns]",
  summary = "RFC 4180 CSV text (CRLF, header row) of a list of records; columns default "
    .. "to the list's printed columns.",
  returns = "a string",
  example = 'io.write(sinorus.to_csv(kb:factors(), {"id", "kind", "weight"}))' }

entry { name = "sinorus.sandbox", group = "module", args = "script [, opts]",
  summary = "Runs an untrusted analysis script (Lua source text) in a new Lua state with "
    .. "the read-only API only: `kb` (the built-in KB, or opts.path opened read-only), "
    .. "`sinorus` (also from require \"sinorus\") without open, the KB methods without "
    .. "those that write or save, no io, os (but clock, time, date), load, package, debug "
    .. "or string.dump. opts: memory (bytes the script may allocate, 64 MiB, counting "
    .. "the growth of SQLite's memory at each prepare, bind and progress step), "
    .. "instructions (Lua VM instructions plus SQLite VM steps, 10^8), time (seconds), "
    .. "path (a regular file), name (for messages). print() is captured. Work done in "
    .. "C is charged too: each string.find, match, gmatch and gsub is first replayed by "
    .. "a matcher that counts the steps of Lua's backtracking; table.move, insert, "
    .. "remove, sort and sinorus.hedges by their size; with a time limit the clock is "
    .. "also read every few calls. Metatables the script did not set are seen through "
    .. "read-only views (no finalizer can be swapped in), SQL printf/format are "
    .. "refused, and the KB is closed from the host side when the script ends.",
  returns = "true, value, output (the script's first result copied as plain data, "
    .. "the printed text), or nil, message (\"memory limit exceeded\", \"instruction "
    .. "limit exceeded\", \"time limit exceeded\" or the script's error)",
  example = 'local ok, index = sinorus.sandbox([[\n'
    .. '  return kb:alignment{horizon = "long"}.index\n'
    .. ']], {memory = 16 * 2^20, instructions = 10^7, time = 2})' }

entry { name = "sinorus.help", group = "module", args = "[fn_or_name]", optional = true,
  summary = "Prints this help: every function, or one entry found by function or name.",
  returns = "nothing",
  example = "sinorus.help(kb.search)" }

-- ---------------------------------------------------------------------
-- Opening and lifetime

entry { name = "kb:close", group = "open", args = "",
  summary = "Closes the knowledge base; idempotent. `local kb <close> = ...` and "
    .. "garbage collection close it too.",
  returns = "nothing",
  example = "kb:close()" }

entry { name = "kb:isclosed", group = "open", args = "",
  summary = "Whether the knowledge base was closed.",
  returns = "a boolean",
  example = "assert(not kb:isclosed())" }

entry { name = "kb:readonly", group = "open", args = "",
  summary = "Whether the knowledge base is read-only (the built-in one always is).",
  returns = "a boolean",
  example = "print(kb:readonly())" }

entry { name = "kb:path", group = "open", args = "",
  summary = "The file the knowledge base lives in.",
  returns = "a string, or nil for the built-in KB",
  example = "print(kb:path() or \"builtin\")" }

entry { name = "kb:describe", group = "open", args = "",
  summary = "Counts per record type and basic facts.",
  returns = "{path, builtin, readonly, schema_version, counts = {sources, segments, "
    .. "claims, ...}}",
  example = "print(kb:describe().counts.sentences)" }

entry { name = "kb:save", group = "open", args = "path",
  summary = "Writes a complete copy of the knowledge base atomically: the target is "
    .. "either the old file or the whole new one.",
  returns = "true, or nil, message",
  example = 'assert(kb:save("analysis.sqlite"))' }

-- ---------------------------------------------------------------------
-- Records

entry { name = "kb:sources", group = "records", args = "[opts]",
  summary = "All sources, in id order. opts: limit, offset.",
  returns = "a list of {id, title, authors, outlet, published, url, doi}",
  example = "print(kb:sources())" }

entry { name = "kb:source", group = "records", args = "id",
  summary = "One source by its integer id.",
  returns = "a source record, or nil",
  example = "print(kb:source(1).title)" }

entry { name = "kb:text", group = "records", args = "source_id",
  summary = "The full text of a source.",
  returns = "a string, or nil",
  example = "local s = kb:segment(5); assert(kb:text(s.source):sub(s.start, s.stop) == s.text)" }

entry { name = "kb:segments", group = "records", args = "[opts]",
  summary = "Segments in document order. opts: source, kind (\"heading\", \"paragraph\", "
    .. "\"sentence\", \"reference\"), section (heading text or id), duplicates, limit, offset.",
  returns = "a list of {id, source, kind, section, parent, ord, start, stop, duplicate_of, text}",
  example = 'print(kb:segments{kind = "heading"})' }

entry { name = "kb:segment", group = "records", args = "id",
  summary = "One segment by its integer id.",
  returns = "a segment record, or nil",
  example = "print(kb:segment(12).text)" }

entry { name = "kb:entities", group = "records", args = "[opts]",
  summary = "Entities in id order. opts: kind (\"state\", \"organization\", \"person\", "
    .. "\"place\", \"company\", \"document\", \"initiative\", \"event\"), limit, offset.",
  returns = "a list of {id, name, kind, aliases, description}",
  example = 'print(kb:entities{kind = "person"})' }

entry { name = "kb:entity", group = "records", args = "name_or_alias",
  summary = "One entity by id, name or alias, case-insensitively (\"Beijing\" gives China).",
  returns = "an entity record, or nil",
  example = 'print(kb:entity("Beijing").id)      --> china' }

entry { name = "kb:mentions", group = "records", args = "entity [, opts]",
  summary = "The segments in which an entity is mentioned, with the matched spans. "
    .. "opts: kind, duplicates, limit, offset.",
  returns = "a list of segments, each with spans",
  example = 'print(kb:mentions("Xi Jinping"))' }

entry { name = "kb:claims", group = "records", args = "[opts]",
  summary = "The article's analytic judgments. opts: about (an entity's id, name or alias), "
    .. "horizon (\"short\", \"long\", \"both\"), topic, min_p, max_p, limit, offset.",
  returns = "a list of {id, text, about, horizon, estimative, scale, p_low, p_high, topics, "
    .. "evidence}",
  example = 'print(kb:claims{about = "China", horizon = "short"})' }

entry { name = "kb:claim", group = "records", args = "id",
  summary = "One claim by id.",
  returns = "a claim record, or nil",
  example = 'print(kb:claim("claim-pressure-main-driver"))' }

entry { name = "kb:factors", group = "records", args = "[opts]",
  summary = "Drivers and irritants of the alignment. opts: kind (\"driver\", \"irritant\"), "
    .. "horizon, domain, limit, offset.",
  returns = "a list of {id, name, kind, domain, horizon, weight, evidence}",
  example = 'print(kb:factors{kind = "irritant"})' }

entry { name = "kb:factor", group = "records", args = "id",
  summary = "One factor by id.",
  returns = "a factor record, or nil",
  example = 'print(kb:factor("drv-western-pressure").weight)' }

entry { name = "kb:relations", group = "records", args = "[opts]",
  summary = "Signed relations between entities. opts: from, to (entities), type, sign "
    .. "(-1, 0, 1), limit, offset.",
  returns = "a list of {id, from, to, type, sign, weight, horizon, evidence}",
  example = 'print(kb:relations{from = "China", sign = 1})' }

entry { name = "kb:events", group = "records", args = "[opts]",
  summary = "Dated events, in date order. opts: from, to (ISO dates), actor (an entity), "
    .. "limit, offset.",
  returns = "a list of {id, date, title, actors, cameo, goldstein, date_source, evidence}",
  example = 'print(kb:events{from = "2022-01-01"})' }

entry { name = "kb:quotes", group = "records", args = "[opts]",
  summary = "Verbatim quotations, in the order of the text. opts: speaker (an entity), "
    .. "limit, offset.",
  returns = "a list of {id, speaker, text, segment, stance}",
  example = 'print(kb:quotes{speaker = "Putin"})' }

entry { name = "kb:references", group = "records", args = "[opts]",
  summary = "The article's reference list, by number. opts: limit, offset.",
  returns = "a list of {id, authors, year, title, container, doi, url, segment}",
  example = "print(kb:references())" }

entry { name = "kb:hypotheses", group = "records", args = "[opts]",
  summary = "The competing hypotheses on China's stance, in order.",
  returns = "a list of {id, text}",
  example = "print(kb:hypotheses())" }

entry { name = "kb:ratings", group = "records", args = "[opts]",
  summary = "The ACH matrix as rows. opts: hypothesis, evidence (an item id), limit, offset.",
  returns = "a list of {evidence, hypothesis, rating, credibility, relevance}",
  example = 'print(kb:ratings{hypothesis = "h1"})' }

entry { name = "kb:evidence", group = "records", args = "record_or_id",
  summary = "The segments a record rests on (a claim, factor, relation, event, quote, "
    .. "reference, rating, or a record id).",
  returns = "a list of segments",
  example = 'print(kb:evidence(kb:claims()[1]))' }

-- Lookups a later version may add (listed only when they exist).
for _, t in ipairs {
  { "relation", "relation" }, { "event", "event" }, { "quote", "quote" },
  { "reference", "reference (by number)" }, { "hypothesis", "hypothesis" },
} do
  entry { name = "kb:" .. t[1], group = "records", args = "id", optional = true,
    summary = "One " .. t[2] .. " by id.",
    returns = "a record, or nil",
    example = string.format("print(kb:%s(kb:%s()[1].id))", t[1],
      ({ relation = "relations", event = "events", quote = "quotes",
         reference = "references", hypothesis = "hypotheses" })[t[1]]) }
end

-- ---------------------------------------------------------------------
-- Text queries

entry { name = "kb:search", group = "text", args = "query [, opts]",
  summary = "Segments matching query, most relevant first (BM25). Any string is a valid "
    .. "query: words match as words, \"quoted text\" as a phrase, word* as a prefix; case, "
    .. "diacritics, typographic quotes and dashes are folded. opts: limit (10), offset, "
    .. "kind, source, duplicates, words (snippet length), marks ({open, close}). Paragraphs "
    .. "only with kind = \"paragraph\": one matches when each word or phrase occurs in one "
    .. "of its sentences.",
  returns = "a list of hits {segment, kind, source, text, rank, snippet}",
  example = 'print(kb:search("secondary sanctions", {limit = 3}))' }

entry { name = "kb:kwic", group = "text", args = "term [, opts]",
  summary = "Keyword in context: each occurrence of term with width characters either "
    .. "side. opts: width (40), source, limit, offset.",
  returns = "a list of {segment, left, keyword, right}",
  example = 'print(kb:kwic("Taiwan", {width = 30}))' }

entry { name = "kb:rows", group = "text", args = "sql, ...",
  summary = "Iterates over the rows of one read-only SQL statement with bound "
    .. "parameters (?); `break` releases the statement at once.",
  returns = "an iterator (for ... in), each row a table keyed by column name",
  example = 'for r in kb:rows("SELECT kind, count(*) AS n FROM segment GROUP BY kind") do\n'
    .. '  print(r.kind, r.n)\nend' }

entry { name = "kb:sql", group = "text", args = "sql, ...",
  summary = "All rows of one read-only SQL statement with bound parameters (?); "
    .. "comments and semicolons may follow it. Transaction control (BEGIN, COMMIT, "
    .. "SAVEPOINT, ...) and fts3_tokenizer are refused.",
  returns = "a list of rows",
  example = 'kb:sql("SELECT id, text FROM segment WHERE kind = ?", "heading")' }

-- ---------------------------------------------------------------------
-- Weighting and analysis

entry { name = "kb:ach", group = "weight", args = "[opts]",
  summary = "Analysis of Competing Hypotheses over the KB's matrix. opts: weights "
    .. "({item = w}), exclude ({item, ...}).",
  returns = "{top, hypotheses (ranked by weighted inconsistency), evidence (by "
    .. "diagnosticity), pivotal (items whose removal changes the top)}",
  example = "print(kb:ach())" }

entry { name = "kb:alignment", group = "weight", args = "[opts]",
  summary = "The alignment index in [-1, 1] from the weighted drivers and irritants. "
    .. "opts: horizon (\"short\", \"long\"), pressure (0..1, 0.5 = status quo), "
    .. "weights ({factor = w}).",
  returns = "{index, horizon, pressure, contributions}",
  example = 'print(kb:alignment{horizon = "long", pressure = 0.8})' }

entry { name = "kb:sensitivity", group = "weight", args = "[opts]",
  summary = "A tornado table: how far the index moves as each weight runs over its range. "
    .. "opts: horizon, pressure, weights.",
  returns = "a list of {factor, kind, w_low, weight, w_high, low, high, swing}, with index",
  example = 'print(kb:sensitivity{horizon = "short"})' }

entry { name = "kb:simulate", group = "weight", args = "[opts]",
  summary = "Monte Carlo over the weights' uncertainty; the same seed gives the same "
    .. "numbers everywhere. opts: n (10000), seed (1), horizon, pressure, weights.",
  returns = "{n, seed, mean, sd, min, max, quantiles, p_positive}",
  example = 'print(kb:simulate{n = 20000, seed = 7, horizon = "long"})' }

-- ---------------------------------------------------------------------
-- Graphs and exports

entry { name = "kb:graph", group = "graph", args = "[opts]",
  summary = "The signed relation network or the co-mention network. opts: kind "
    .. "(\"relations\" or \"mentions\"), horizon, unit (\"sentence\", \"paragraph\").",
  returns = "a sinorus.Graph (see the graph: entries)",
  example = 'local g = kb:graph{kind = "relations"}\nprint(g:pagerank())' }

entry { name = "kb:export", group = "graph", args = "format [, path [, opts]]",
  summary = "Exports records as \"json\", \"csv\" (one record type, opts.records) or "
    .. "\"refi-qda\" (a .qdpx project; needs a path). With a path the file is written "
    .. "atomically.",
  returns = "the text (no path), or true / nil, message",
  example = 'kb:export("refi-qda", "article.qdpx")' }

-- ---------------------------------------------------------------------
-- Authoring

entry { name = "kb:add_source", group = "author",
  args = "{title, text [, authors, outlet, published, url, doi, format]}",
  summary = "Adds a document: segments it, tags entity mentions and indexes the text.",
  returns = "the new source id",
  example = 'local id = kb:add_source{title = "Field notes", text = io.open("notes.txt"):read("a")}' }

entry { name = "kb:add_entity", group = "author", args = "{id, name, kind [, aliases, description]}",
  summary = "Adds an entity; its name and aliases are matched in every source.",
  returns = "the entity id",
  example = 'kb:add_entity{id = "sco", name = "Shanghai Cooperation Organisation", '
    .. 'kind = "organization", aliases = {"SCO"}}' }

entry { name = "kb:add_claim", group = "author",
  args = "{id, text, about, horizon [, estimative, topics, evidence]}",
  summary = "Adds a claim; evidence phrases must occur in the KB's text.",
  returns = "the claim id",
  example = 'kb:add_claim{id = "my-claim", text = "...", about = {"china"}, horizon = "short"}' }

entry { name = "kb:add_factor", group = "author",
  args = "{id, name, kind, domain, horizon, weight [, range, coupling, why, evidence]}",
  summary = "Adds a driver or irritant of the alignment.",
  returns = "the factor id",
  example = 'kb:add_factor{id = "drv-x", name = "...", kind = "driver", domain = "economic", '
    .. 'horizon = "long", weight = 0.4}' }

entry { name = "kb:add_relation", group = "author",
  args = "{id, from, to, type, sign, weight, horizon [, evidence]}",
  summary = "Adds a signed relation between two entities.",
  returns = "the relation id",
  example = 'kb:add_relation{id = "rel-x", from = "china", to = "russia", type = "trade", '
    .. 'sign = 1, weight = 0.5, horizon = "long"}' }

entry { name = "kb:add_event", group = "author", args = "{id, date, title [, actors, evidence]}",
  summary = "Adds a dated event.",
  returns = "the event id",
  example = 'kb:add_event{id = "ev-x", date = "2022-03", title = "..."}' }

entry { name = "kb:add_quote", group = "author", args = "{id, speaker, text, segment [, stance]}",
  summary = "Adds a quotation; its text must occur verbatim in the segment.",
  returns = "the quote id",
  example = 'kb:add_quote{id = "q-x", speaker = "putin", text = "...", segment = 42}' }

entry { name = "kb:code", group = "author", args = "segment_id, code",
  summary = "Attaches a qualitative code to a segment.",
  returns = "nothing",
  example = 'kb:code(42, "energy")' }

entry { name = "kb:codes", group = "author", args = "[opts]",
  summary = "The codes attached to segments.",
  returns = "a list of {segment, code}",
  example = "print(kb:codes())" }

entry { name = "kb:transaction", group = "author", args = "fn, ...",
  summary = "Runs fn(kb, ...) in one transaction: all its changes or none (nested calls "
    .. "use savepoints). fn may not yield: coroutine.yield inside it raises \"attempt "
    .. "to yield across a C-call boundary\" and the transaction rolls back.",
  returns = "what fn returns",
  example = 'kb:transaction(function(kb) kb:code(1, "a"); kb:code(2, "b") end)' }

for _, t in ipairs {
  { "entity", '"sco", {description = "..."}' }, { "claim", '"my-claim", {horizon = "long"}' },
  { "factor", '"drv-x", {weight = 0.5}' }, { "relation", '"rel-x", {sign = -1}' },
  { "event", '"ev-x", {date = "2022-03-02"}' }, { "quote", '"q-x", {stance = "cautious"}' },
} do
  entry { name = "kb:update_" .. t[1], group = "author", args = "id, fields", optional = true,
    summary = "Changes fields of a " .. t[1] .. "; validated like add_" .. t[1] ..
      ", logged in the change history.",
    returns = "true",
    example = "kb:update_" .. t[1] .. "(" .. t[2] .. ")" }
  entry { name = "kb:remove_" .. t[1], group = "author", args = "id", optional = true,
    summary = "Removes a " .. t[1] .. " (refused while other records refer to it); logged.",
    returns = "true",
    example = "kb:remove_" .. t[1] .. "(" .. t[2]:match("^[^,]+") .. ")" }
end

entry { name = "kb:uncode", group = "author", args = "segment_id, code", optional = true,
  summary = "Removes a code from a segment.",
  returns = "true if the code was there",
  example = 'kb:uncode(42, "energy")' }

entry { name = "kb:coded", group = "author", args = "code", optional = true,
  summary = "The segments that carry a code.",
  returns = "a list of segments",
  example = 'print(kb:coded("energy"))' }

entry { name = "kb:history", group = "author", args = "[opts]", optional = true,
  summary = "The change log of the authoring API, oldest first. opts: record, operation, "
    .. "since, limit, offset.",
  returns = "a list of {id, time, operation, record, before, after}",
  example = 'print(kb:history{operation = "add_claim"})' }

-- ---------------------------------------------------------------------
-- Graph objects

for _, g in ipairs {
  { "nodes", "", "The nodes (entities taking part), in id order.", "a list of {id, name, kind}" },
  { "edges", "", "The edges with their sign, weight and type.", "a list of edges" },
  { "degree", "id", "The number of edges at a node (id, name or alias).", "an integer" },
  { "strength", "id", "The summed edge weight at a node.", "a number" },
  { "pagerank", "[opts]", "PageRank of every node. opts: damping (0.85), tol, max_iter.",
    "a ranked list of {id, name, score}" },
  { "balance", "", "Structural balance of the signed network: the share of balanced "
    .. "triangles, with the unbalanced ones named.", "{ratio, triangles, unbalanced}" },
  { "path", "a, b [, opts]", "A shortest path between two nodes (hops, or weight with "
    .. "{weighted = true}; {directed = true} follows direction).", "a list of node ids, or nil" },
  { "components", "", "The connected components.", "a list of lists of node ids" },
  { "ego", "id [, opts]", "The subgraph around a node.", "a sinorus.Graph" },
  { "to_dot", "", "Graphviz DOT text.", "a string" },
  { "to_graphml", "", "GraphML text.", "a string" },
  { "to_gexf", "", "GEXF text (Gephi).", "a string" },
  { "to_json", "", "JSON text {nodes, edges}.", "a string" },
  { "core", "", "The underlying C graph (sinorus.core), for measures not wrapped here.",
    "a C graph handle" },
} do
  entry { name = "graph:" .. g[1], group = "graphobj", args = g[2], summary = g[3],
    returns = g[4], example = 'print(kb:graph():' .. g[1] ..
      (g[2] == "" and "()" or (g[1] == "path" and '("china", "ukraine")' or
        (g[2]:match("^id") and '("china")' or "()"))) .. ")" }
end

-- ---------------------------------------------------------------------
-- Lookup

local by_name = {}
for _, e in ipairs(E) do
  by_name[e.name] = e
end

-- The short name of an entry: "search" for "kb:search".
local function short(name)
  return name:match("[.:](.*)$") or name
end

local function loaded_sinorus()
  return package.loaded.sinorus
end

-- The runtime value an entry names, or nil.
local function lookup_value(e, sinorus, graph)
  sinorus = sinorus or loaded_sinorus()
  if not sinorus then return nil end
  local prefix, n = e.name:match("^(%w+)[.:](.+)$")
  if prefix == "sinorus" then
    return sinorus[n]
  elseif prefix == "kb" then
    return sinorus.KB and rawget(sinorus.KB, n)
  elseif prefix == "graph" and graph then
    local mt = getmetatable(graph)
    local idx = mt and mt.__index
    return type(idx) == "table" and idx[n] or nil
  end
end

--- Whether the function an entry documents exists now.
function M.exists(e, sinorus, graph)
  if e.name:match("^graph:") and not graph then
    local s = sinorus or loaded_sinorus()
    return s ~= nil and s.KB ~= nil and rawget(s.KB, "graph") ~= nil
  end
  return lookup_value(e, sinorus, graph) ~= nil
end

-- A graph object to find graph methods on (from the built-in KB), or nil.
local sample
function M.sample_graph(sinorus)
  if sample ~= nil then return sample or nil end
  sinorus = sinorus or loaded_sinorus()
  sample = false
  if sinorus and sinorus.KB and rawget(sinorus.KB, "graph") then
    local ok, kb = pcall(sinorus.open)
    if ok and kb then
      local ok2, g = pcall(kb.graph, kb)
      if ok2 and g then sample = g end
    end
  end
  return sample or nil
end

-- A map from function values to entries, built from the live tables.
local function reverse_map(sinorus, graph)
  local map = {}
  for _, e in ipairs(E) do
    local v = lookup_value(e, sinorus, graph)
    if type(v) == "function" then map[v] = e end
  end
  return map
end

--- The entry for x: a function (by identity), or a name ("search",
--- "kb:search", "sinorus.open", "open"). Returns nil when there is none.
function M.find(x, sinorus, graph)
  if type(x) == "function" then
    return reverse_map(sinorus, graph or M.sample_graph(sinorus))[x]
  end
  if type(x) ~= "string" then return nil end
  x = x:gsub("^%s+", ""):gsub("%s+$", ""):gsub("%(%)$", "")
  if by_name[x] then return by_name[x] end
  for _, p in ipairs { "kb:", "sinorus.", "graph:" } do
    if by_name[p .. x] then return by_name[p .. x] end
  end
  local s = x:match("^[%w_]+[.:]([%w_]+)$")
  if s then
    for _, p in ipairs { "kb:", "sinorus.", "graph:" } do
      if by_name[p .. s] then return by_name[p .. s] end
    end
  end
  return nil
end

--- The names of public functions on sinorus and sinorus.KB (and on
--- graph, a sinorus.Graph, if given) that have no entry.
function M.undocumented(sinorus, graph)
  sinorus = sinorus or loaded_sinorus() or require "sinorus"
  local out = {}
  local function scan(tbl, prefix)
    if type(tbl) ~= "table" then return end
    for k, v in pairs(tbl) do
      if type(k) == "string" and k:sub(1, 1) ~= "_" and type(v) == "function"
          and not by_name[prefix .. k] then
        out[#out + 1] = prefix .. k
      end
    end
  end
  scan(sinorus, "sinorus.")
  scan(sinorus.KB, "kb:")
  if graph then
    local mt = getmetatable(graph)
    scan(mt and mt.__index, "graph:")
  end
  table.sort(out)
  return out
end

--- The call line of an entry: "kb:search(query [, opts])".
function M.signature(e)
  if e.value then return e.name end
  return e.name .. "(" .. e.args .. ")"
end

-- Wraps text to width columns, indented by indent.
local function wrap(text, width, indent)
  local out, line = {}, indent
  for word in text:gmatch("%S+") do
    if #line > #indent and #line + 1 + #word > width then
      out[#out + 1] = line
      line = indent .. word
    elseif #line > #indent then
      line = line .. " " .. word
    else
      line = line .. word
    end
  end
  if #line > #indent then out[#out + 1] = line end
  return table.concat(out, "\n")
end
M.wrap = wrap

--- The help text of one entry.
function M.entry_text(e, width)
  width = width or 78
  local out = { M.signature(e) }
  if not M.exists(e) and not e.name:match("^graph:") then
    out[1] = out[1] .. "    (not available in this build)"
  end
  out[#out + 1] = wrap(e.summary, width, "  ")
  out[#out + 1] = wrap("Returns " .. e.returns .. ".", width, "  ")
  if e.example then
    out[#out + 1] = "  Example:"
    for l in (e.example .. "\n"):gmatch("(.-)\n") do out[#out + 1] = "    " .. l end
  end
  return table.concat(out, "\n")
end

-- The first sentence of a summary, cut to n characters.
local function brief(s, n)
  local first = s:match("^(.-%.)%s") or s
  if utf8.len(first) and utf8.len(first) > n then
    first = first:sub(1, utf8.offset(first, n - 1) - 1) .. "…"
  end
  return first
end

--- The overview: every entry, grouped; functions missing from this
--- build are marked (optional ones are left out).
function M.overview(width)
  width = width or 78
  local out = { "sinorus " .. ((loaded_sinorus() or {}).version or "") ..
    " — help(fn) or help(\"name\") shows one entry, e.g. help(kb.search)" }
  for _, g in ipairs(M.groups) do
    local lines = {}
    for _, e in ipairs(E) do
      if e.group == g.id then
        local present = M.exists(e)
        if present or not e.optional then
          local sig = M.signature(e)
          if e.args:sub(1, 1) == "{" then sig = e.name .. "{...}" end
          local mark = present and "" or " [not available]"
          local room = math.max(20, width - 35 - #mark)
          if #sig > 32 then
            lines[#lines + 1] = "  " .. sig
            sig = ""
          end
          lines[#lines + 1] = string.format("  %-32s %s%s", sig, brief(e.summary, room), mark)
        end
      end
    end
    if #lines > 0 then
      out[#out + 1] = ""
      out[#out + 1] = g.title
      for _, l in ipairs(lines) do out[#out + 1] = l end
    end
  end
  return table.concat(out, "\n")
end

--- Help for x: nil gives the overview; a function, a name, the module,
--- a KB or a graph give the matching entries.
function M.text(x, width)
  if x == nil then return M.overview(width) end
  local s = loaded_sinorus()
  if s and (x == s or x == s.KB) then return M.overview(width) end
  local e = M.find(x)
  if e then return M.entry_text(e, width) end
  local mt = getmetatable(x)
  if type(mt) == "table" then
    local name = rawget(mt, "__name")
    if name == "sinorus.KB" then return M.overview(width) end
    if name == "sinorus.Graph" then
      local out = {}
      for _, en in ipairs(E) do
        if en.group == "graphobj" then out[#out + 1] = M.entry_text(en, width) end
      end
      return table.concat(out, "\n\n")
    end
  end
  if type(x) == "function" then
    local info = debug.getinfo(x, "S")
    return "no help for this function (defined at " .. info.short_src ..
      (info.linedefined > 0 and ":" .. info.linedefined or "") .. ")"
  end
  if type(x) == "string" then
    local near = {}
    for _, en in ipairs(E) do
      if short(en.name):find(x, 1, true) then near[#near + 1] = en.name end
    end
    if #near > 0 then
      return "no help for '" .. x .. "'; did you mean: " .. table.concat(near, ", ") .. "?"
    end
    return "no help for '" .. x .. "'; help() lists every function"
  end
  return "no help for a " .. type(x) .. "; help() lists every function"
end

--- Prints the help for x (what the REPL's help() does).
function M.help(x)
  io.write(M.text(x), "\n")
end

--- doc/API.md: the reference in Markdown.
function M.markdown()
  local out = {
    "# sinorus API reference",
    "",
    "Generated from `lua/sinorus/doc.lua` by `tools/gendoc.lua`; the same text is",
    "what `help()` prints in the REPL. `local sinorus = require \"sinorus\"`; `kb` is",
    "a knowledge base from `sinorus.open()`.",
  }
  for _, g in ipairs(M.groups) do
    out[#out + 1] = ""
    out[#out + 1] = "## " .. g.title
    for _, e in ipairs(E) do
      if e.group == g.id then
        out[#out + 1] = ""
        out[#out + 1] = "### `" .. M.signature(e) .. "`"
        if e.optional then
          out[#out + 1] = ""
          out[#out + 1] = "*Planned; present only in builds that provide it.*"
        end
        out[#out + 1] = ""
        out[#out + 1] = e.summary
        out[#out + 1] = ""
        out[#out + 1] = "Returns " .. e.returns .. "."
        if e.example then
          out[#out + 1] = ""
          out[#out + 1] = "```lua"
          out[#out + 1] = e.example
          out[#out + 1] = "```"
        end
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end

return M
