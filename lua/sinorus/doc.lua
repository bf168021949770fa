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

-- "a claim", "an entity": the indefinite article and the noun.
local function a_an(noun)
  return (noun:match("^[aeiou]") and "an " or "a ") .. noun
end

local model = require "sinorus.model"

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
    .. "empty (the schema only), or with article = true a copy of the article's knowledge "
    .. "base (empty = true, the old way to ask for an empty file, is accepted and changes "
    .. "nothing); readonly = true opens a read-only view; timeout (ms) waits for a lock; "
    .. "search, a list of the settings \"cjk\", \"english\", \"russian\" (all by default), "
    .. "sets the KB's search settings (CJK pairs, English and Russian stems; a file whose "
    .. "settings differ has its index rebuilt with them, doc/languages.md).",
  returns = "a sinorus.KB, or nil, message if the file is missing or not a sinorus KB",
  example = 'local kb <close> = sinorus.open()\n'
    .. 'local mine = assert(sinorus.open("my.sqlite", {create = true, article = true}))' }

entry { name = "sinorus.import_files", group = "module", args = "paths",
  summary = "The files kb:import reads for a list of paths: each path that is not a "
    .. "directory, and the document files under each directory (by extension, recursively, "
    .. "in name order, hidden ones left out).",
  returns = "files, other files found in the directories, {{dir, reason}} for each directory "
    .. "with no document file; or nil, message when a directory cannot be read",
  example = 'local files = sinorus.import_files{"."}' }

entry { name = "sinorus.IMPORT_EXTENSIONS", group = "module", value = true, args = "",
  summary = "The file name extensions kb:import knows, each with its format (\"text\", "
    .. "\"markdown\", \"html\", \"pdf\" or \"docx\").",
  returns = "a table extension -> format",
  example = 'print(sinorus.IMPORT_EXTENSIONS.pdf)   --> pdf' }

entry { name = "sinorus.version", group = "module", value = true, args = "",
  summary = "The library version.",
  returns = 'a string "MAJOR.MINOR.PATCH"',
  example = "print(sinorus.version)" }

entry { name = "sinorus.estimate", group = "module", args = "term [, scale]",
  summary = "The probability band of an estimative term (\"likely\", \"almost certainly\"). "
    .. 'Scales: "icd203" (default), "phia", "kent".',
  returns = "{term, scale, band, p_low, p_high, p_mid}, or nil, message for a term with no band "
    .. "on the scale: an unknown term, a comparative (\"far less likely\"), a conviction adverb "
    .. "(\"certainly\"), or \"very\"/\"highly\" before a term that takes no intensifier "
    .. "(\"very even chance\", \"highly seems\"); an intensifier never weakens a band",
  example = 'print(sinorus.estimate("likely").p_low)   --> 0.55' }

entry { name = "sinorus.hedges", group = "module", args = "text [, scale]",
  summary = "The estimative expressions found in a text, with their positions "
    .. "(1-based, inclusive) and bands; comparatives are consumed without being reported "
    .. "(doc/estimative.md).",
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
  example = "print(sinorus.decay(365, 180))      --> 0.245..." }

entry { name = "sinorus.to_json", group = "module", args = "value",
  summary = "JSON text of a value, the same bytes for the same value (the one encoder "
    .. "of every JSON sinorus writes): a table with keys exactly 1..n is an array, any "
    .. "other table an object with keys sorted bytewise (numeric keys named as tostring "
    .. "names them, so a mixed table loses nothing); bytes that are not UTF-8 become "
    .. "U+FFFD; NaN and infinities are null; functions, cycles and keys that are not "
    .. "strings or numbers are refused.",
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
    .. "`sinorus` (also from require \"sinorus\") without open, sandbox or help, the KB methods without "
    .. "those that write or save, no io, os (but clock, time, date), load, package, debug "
    .. "or string.dump. opts: memory (bytes the script may allocate, 64 MiB, counting "
    .. "the growth of SQLite's memory at each prepare, bind and progress step), "
    .. "instructions (Lua VM instructions plus SQLite VM steps, 10^8), time (seconds of wall time, 30), "
    .. "path (a regular file), name (for messages). print() is captured. Work done in "
    .. "C is charged too: each string.find, match, gmatch and gsub is first replayed by "
    .. "a matcher that counts the steps of Lua's backtracking; table.move, insert, "
    .. "remove, sort, sinorus.hedges, scores, agreement and ach_timeline by their size; with a time limit the clock is "
    .. "also read every few calls. Metatables the script did not set are seen through "
    .. "read-only views (no finalizer can be swapped in), SQL printf/format are "
    .. "refused, and the KB is closed from the host side when the script ends.",
  returns = "true, value, output (the script's first result copied as plain data, "
    .. "the printed text), or nil, message (\"memory limit exceeded\", \"instruction "
    .. "limit exceeded\", \"time limit exceeded\" or the script's error)",
  example = 'local ok, index = sinorus.sandbox([[\n'
    .. '  return kb:alignment{horizon = "long"}.index\n'
    .. ']], {memory = 16 * 2^20, instructions = 10^7, time = 2})' }

entry { name = "sinorus.help", group = "module", args = "[fn_or_name]",
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
  summary = "Counts per record type and basic facts, with the KB's search settings "
    .. "(search: the options of its tokenizer, e.g. {\"cjk\", \"english\", \"russian\"}: "
    .. "CJK pairs and English and Russian stems, doc/languages.md).",
  returns = "{path, builtin, readonly, schema_version, search, counts = {sources, segments, "
    .. "claims, ...}}",
  example = "print(kb:describe().counts.sentences)" }

entry { name = "kb:save", group = "open", args = "path",
  summary = "Writes a complete copy of the knowledge base atomically: the target is "
    .. "either the old file or the whole new one. The target must be a new name or a "
    .. "regular file, not this KB's -wal, -shm or -journal; onto the KB's own file it "
    .. "checkpoints instead.",
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
  returns = "a list of {id, source, kind, section, parent, ord, start, stop, duplicate_of, "
    .. "page, text}; page is the first page a segment lies on, for a source imported with "
    .. "pages (PDF), else nil",
  example = 'print(kb:segments{kind = "heading"})' }

entry { name = "kb:segment", group = "records", args = "id",
  summary = "One segment by its integer id.",
  returns = "a segment record, or nil",
  example = "print(kb:segment(12).text)" }

-- The listing and the getter of every record type, from sinorus.model.
local function opts_text(t)
  local parts = {}
  for _, k in ipairs(t.filters) do
    local enum = t.enums[k]
    local what = t.filter_help and t.filter_help[k]
    if enum and (k == "kind" or k == "horizon") then
      what = '"' .. table.concat(model.ENUMS[enum], '", "') .. '"'
    elseif t.entity_filters[k] and not what then
      what = "an entity's id, name or alias"
    end
    parts[#parts + 1] = what and string.format("%s (%s)", k, what) or k
  end
  parts[#parts + 1] = "limit, offset"
  return table.concat(parts, ", ")
end

for _, t in ipairs(model.TYPES) do
  entry { name = "kb:" .. t.plural, group = "records", args = "[opts]",
    summary = t.summary .. " opts: " .. opts_text(t) .. ".",
    returns = "a list of {" .. table.concat(t.columns, ", ") .. "}",
    example = t.example }
  if t.name == "entity" then
    entry { name = "kb:entity", group = "records", args = "name_or_alias",
      summary = "One entity by id, name or alias, case-insensitively (\"Beijing\" gives "
        .. "China).",
      returns = "an entity record, or nil",
      example = t.get_example }
  else
    entry { name = "kb:" .. t.name, group = "records",
      args = t.key == "number" and "number" or "id",
      summary = "One " .. t.name .. " (" .. t.help .. ") by its "
        .. (t.key == "number" and "number" or "id") .. ".",
      returns = "a " .. t.name .. " record {" .. table.concat(t.columns, ", ") .. "}, or nil",
      example = t.get_example }
  end
end

entry { name = "kb:mentions", group = "records", args = "entity [, opts]",
  summary = "The segments in which an entity is mentioned, with the matched spans. "
    .. "opts: kind, duplicates, limit, offset.",
  returns = "a list of segments, each with spans",
  example = 'print(kb:mentions("Putin"))' }

entry { name = "kb:ratings", group = "records", args = "[opts]",
  summary = "The ACH matrix as rows. opts: hypothesis, evidence (an item id), question, "
    .. "as_of (the ratings of the items known on that date, as kb:items), limit, offset.",
  returns = "a list of {evidence, hypothesis, rating, credibility, relevance}",
  example = 'print(kb:ratings{hypothesis = "h-shield"})' }

entry { name = "kb:evidence", group = "records", args = "record_or_id",
  summary = "The segments a record rests on (a claim, factor, relation, event, quote, "
    .. "reference, forecast, rating, or a record id). An event after the article's "
    .. "publication rests on a source of its own, not on sentences: its list is empty "
    .. "and its field source_url gives that source.",
  returns = "a list of segments (source_url set for an event that rests on its source)",
  example = 'print(kb:evidence(kb:claims()[1]))' }

-- ---------------------------------------------------------------------
-- Text queries

entry { name = "kb:search", group = "text", args = "query [, opts]",
  summary = "Segments matching query, most relevant first (BM25). Any string is a valid "
    .. "query: words match as words in their English and Russian inflected forms "
    .. "(sanction finds sanctions), Chinese words inside runs of Han characters, "
    .. "\"quoted text\" as a phrase as written, word* as a prefix; case, "
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
  summary = "Analysis of Competing Hypotheses over the matrix of one question. opts: "
    .. "question (default: the only one), weights ({item = w}), exclude ({item, ...}), "
    .. "as_of (a date: only the items dated on or before it; a partial date stands for "
    .. "the last day of its period).",
  returns = "{top, hypotheses (ranked by weighted inconsistency), evidence (by "
    .. "diagnosticity), pivotal (items whose removal changes the top)}",
  example = "print(kb:ach())" }

entry { name = "kb:timeline", group = "weight", args = "[opts]",
  summary = "How the ACH ranking of a question moved: sinorus.ach_timeline over its dated "
    .. "items (an item's date is its own, else its source's published date); the row of "
    .. "date d equals kb:ach{question, as_of = d, weights, exclude}. opts: question "
    .. "(default: the only one), weights and exclude (as kb:ach).",
  returns = "{question, hypotheses, rows = list of {date, items, scores, ranking, top}}",
  example = 'for _, r in ipairs(kb:timeline().rows) do print(r.date, r.top) end' }

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
    .. "numbers everywhere. opts: n (10000), seed (1), horizon, pressure, weights, bins "
    .. "(1 to 1000: adds the draws' histogram, bins of equal width from min to max, the "
    .. "last one closed; kb:chart(\"histogram\") draws it).",
  returns = "{n, seed, mean, sd, min, max, quantiles, p_positive [, histogram = {lo, hi, "
    .. "width, counts}]}",
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
    .. "\"refi-qda\" (a .qdpx project; needs a path) or \"html\" (the offline reader, "
    .. "written as path/index.html; path an existing directory). With a path the file is "
    .. "written atomically; the target must be a new name or a regular file, never the open "
    .. "KB's file or its -wal, -shm or -journal.",
  returns = "the text (no path), or true / nil, message",
  example = 'kb:export("refi-qda", "article.qdpx")' }

-- The charts and the HTML reader (sinorus.chart, sinorus.html)
entry { name = "kb:chart", group = "graph", args = "kind [, opts]",
  summary = "One chart of the KB as an SVG document: \"tornado\", \"contributions\", "
    .. "\"pressure\", \"distribution\" (Monte Carlo quantiles), \"histogram\" (the same "
    .. "draws, 40 bins), \"ach\", \"network\" (relations), "
    .. "\"mentions\" (co-mentions), \"timeline\", \"goldstein\" (per dyad), "
    .. "\"calibration\" (kb:scores by band) or \"ach_timeline\" (kb:timeline, a line per "
    .. "hypothesis) (sinorus.CHARTS). opts: horizon (\"short\" or \"long\"), question (the "
    .. "ACH matrix's or timeline's; default the first). `sinorus chart KIND --png FILE` "
    .. "renders one as PNG (with rsvg-convert).",
  returns = "the SVG text",
  example = 'local svg = kb:chart("tornado", {horizon = "long"})' }

-- ---------------------------------------------------------------------
-- Authoring

entry { name = "kb:add_source", group = "author",
  args = "{title, text [, authors, outlet, published, url, doi, format]}",
  summary = "Adds a document: segments it, tags entity mentions and indexes the text. "
    .. "Markdown (format = \"markdown\"): # lines are headings, consecutive non-blank lines "
    .. "a paragraph. Plain text (the default): each non-blank line is a paragraph, or a "
    .. "heading when it is short, holds one sentence, does not end in punctuation and is not "
    .. "a list item; a line "
    .. "starting \"N. \" or \"[N]\" is a reference entry. Hard-wrapped plain text (lines "
    .. "broken at a fixed width, as in e-mail, RFCs and many .txt reports) is recognised "
    .. "and read in blocks: lines that run on to the width make one paragraph, which ends at "
    .. "a blank line, a list item (\"- \", \"* \", \"• \"), a reference entry after a "
    .. "sentence, or a line that stops short. Paragraphs are split into sentences.",
  returns = "the new source id",
  example = 'local id = kb:add_source{title = "Field notes", text = "China buys more Russian gas.\\n"}' }

entry { name = "kb:import", group = "author",
  args = "{files = {...} | dir = path [, transaction, format, encoding, force, title, "
    .. "authors, published, url, progress]}",
  summary = "Imports document files: HTML, PDF, DOCX, plain text and Markdown "
    .. "(by extension, sinorus.IMPORT_EXTENSIONS, or format = \"text\", \"markdown\", "
    .. "\"html\", \"pdf\", \"docx\"). A directory (dir, or a directory among files) gives "
    .. "its document files, recursively, in name order. Text is decoded from UTF-8, UTF-16 "
    .. "with a byte order mark, Windows-1251, KOI8-R, GB18030 or Big5, detected (the mark, "
    .. "else valid UTF-8, else the legacy encoding whose text reads as Chinese or Russian) "
    .. "or given (encoding = any iconv name); HTML honours its <meta charset>. Title, "
    .. "authors and date come from the document's metadata (HTML <title> and <meta>, DOCX "
    .. "core properties, the PDF information dictionary), else the title is the file name; "
    .. "given ones win. A PDF keeps its pages (a segment's page field, the view "
    .. "segment_page). A document whose text (white space aside) is already a source is "
    .. "skipped as a duplicate unless force = true. transaction = \"per-file\" (the default) "
    .. "imports each file in a transaction of its own, skipping and reporting the bad ones; "
    .. "\"one\" imports all or nothing. progress(done, total, file) is called before each "
    .. "file and once at the end.",
  returns = "a summary {files, imported, segments, mentions, sources = {{file, source, title, "
    .. "format, encoding, segments, mentions, pages}}, skipped = {{file, reason, kind = "
    .. "\"error\" or \"duplicate\", offset (of the first byte that does not decode, from 1), "
    .. "source (of a duplicate)}}, ignored = {files in directories with other extensions}}; "
    .. "with transaction = \"one\" and a bad file: nil, message, the summary",
  example = 'local f = assert(io.open("notes.html", "w"))\n'
    .. 'f:write("<title>Notes</title><h1>Notes</h1><p>Moscow and Beijing met again.</p>")\n'
    .. 'f:close()\n'
    .. 'local s = kb:import{files = {"notes.html"}}\n'
    .. 'print(s.imported, s.segments, s.mentions, s.sources[1].title)   --> 1 ... Notes' }

entry { name = "kb:add_entity", group = "author", args = "{id, name, kind [, aliases, description]}",
  summary = "Adds an entity; its name and aliases are matched in every source.",
  returns = "the entity id",
  example = 'kb:add_entity{id = "csto", name = "Collective Security Treaty Organization", '
    .. 'kind = "organization", aliases = {"CSTO"}}' }

entry { name = "kb:add_claim", group = "author",
  args = "{id, text, about, horizon, evidence [, estimative, scale, p_low, p_high, topics, note]}",
  summary = "Adds a claim; evidence phrases must occur in the KB's text.",
  returns = "the claim id",
  example = 'kb:add_claim{id = "my-claim", text = "...", about = {"china"}, horizon = "short",\n'
    .. '  evidence = {kb:search("secondary sanctions")[1].segment}}' }

entry { name = "kb:add_factor", group = "author",
  args = "{id, name, kind, domain, horizon, weight, range, coupling, why, evidence}",
  summary = "Adds a driver or irritant of the alignment.",
  returns = "the factor id",
  example = 'kb:add_factor{id = "drv-x", name = "...", kind = "driver", domain = "economic", '
    .. 'horizon = "long",\n  weight = 0.4, range = {0.3, 0.5}, coupling = 0, why = "...", '
    .. 'evidence = {kb:search("gas")[1].segment}}' }

entry { name = "kb:add_relation", group = "author",
  args = "{id, from, to, type, sign, weight, horizon, evidence [, note]}",
  summary = "Adds a signed relation between two entities.",
  returns = "the relation id",
  example = 'kb:add_relation{id = "rel-x", from = "china", to = "russia", type = "trade", '
    .. 'sign = 1, weight = 0.5,\n  horizon = "long", evidence = {kb:search("gas")[1].segment}}' }

entry { name = "kb:add_event", group = "author",
  args = "{id, date, title, actors, evidence [, cameo, goldstein, date_source, note]}",
  summary = "Adds a dated event.",
  returns = "the event id",
  example = 'kb:add_event{id = "ev-x", date = "2022-03", title = "...", actors = {"China"},\n'
    .. '  evidence = {kb:search("gas")[1].segment}}' }

entry { name = "kb:add_quote", group = "author", args = "{id, speaker, text, segment [, stance]}",
  summary = "Adds a quotation; its text must occur verbatim in the segment.",
  returns = "the quote id",
  example = 'local s = kb:segment(42)\n'
    .. 'kb:add_quote{id = "q-x", speaker = "putin", text = s.text:match("^%S+ %S+"), segment = s.id}' }

entry { name = "kb:add_question", group = "author", args = "{id, text}",
  summary = "Adds the question of a new ACH matrix (kb:ach{question = id} weighs it).",
  returns = "the question id",
  example = 'kb:add_question{id = "q-x", text = "Why does China buy Russian oil?"}' }

entry { name = "kb:add_hypothesis", group = "author", args = "{id, question, text}",
  summary = "Adds a hypothesis to a question; one worded like another of the same "
    .. "question (case and spacing aside) is refused.",
  returns = "the hypothesis id",
  example = 'kb:add_hypothesis{id = "h-x", question = "q-x", text = "Because it is cheap."}' }

entry { name = "kb:add_item", group = "author",
  args = "{id, question, text, credibility, relevance, ratings [, evidence, events, date]}",
  summary = "Adds an item of evidence to a question's matrix: it rests on segments "
    .. "(evidence), on event records (events, with its date) or both; ratings maps every "
    .. "hypothesis of the question to CC, C, N, I, II or NA, or to {rating, reason}. Its "
    .. "date is its own, else the published date of its evidence's source.",
  returns = "the item id",
  example = 'kb:add_item{id = "i-x", question = "q-x", text = "Oil sold at a discount.",\n'
    .. '  credibility = "high", relevance = "medium", evidence = {42},\n'
    .. '  ratings = {["h-x"] = {"C", "A discount is what a buyer of cheap oil seeks."}}}' }

entry { name = "kb:rate", group = "author", args = "item, hypothesis, rating [, reason]",
  summary = "Rates an ACH item against a hypothesis of its question (CC, C, N, I, II or "
    .. "NA) with an optional reason: update_item of one rating, validated and logged alike.",
  returns = "the item id",
  example = 'kb:rate("i-x", "h-x", "I", "The discount came after the sanctions.")' }

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

-- update_* and remove_* of every type of the authoring API (sinorus.model).
local UPDATE_EXAMPLE = {
  entity = '"csto", {description = "..."}', claim = '"my-claim", {horizon = "long"}',
  factor = '"drv-x", {weight = 0.5}', relation = '"rel-x", {sign = -1}',
  event = '"ev-x", {date = "2022-03-02"}', quote = '"q-x", {stance = "cautious"}',
  question = '"q-x", {text = "Why does China buy more Russian oil?"}',
  hypothesis = '"h-x", {text = "Because it is cheaper than any other."}',
  item = '"i-x", {relevance = "high"}',
}
-- A remove_ example that needs a record of its own (a question is refused
-- while it has hypotheses or items; the item of the examples rates h-x).
local REMOVE_EXAMPLE = {
  question = 'kb:add_question{id = "q-y", text = "..."}\nkb:remove_question("q-y")',
  hypothesis = 'kb:add_hypothesis{id = "h-y", question = "q-x", text = "Out of habit."}\n'
    .. 'kb:remove_hypothesis("h-y")',
}
local function has_entry(name)
  for _, e in ipairs(E) do if e.name == name then return true end end
  return false
end

for _, name in ipairs(model.names("name", function(t) return t.authoring end)) do
  local mt = model.type(name)
  -- a type without a hand-written add_ entry gets one from the model
  if not has_entry("kb:add_" .. name) then
    local optional = {}
    for _, f in ipairs(mt.columns) do
      local required = false
      for _, r in ipairs(mt.required) do required = required or r == f end
      if mt.fields[f] and not required then optional[#optional + 1] = f end
    end
    entry { name = "kb:add_" .. name, group = "author",
      args = "{" .. table.concat(mt.required, ", ") ..
        (#optional > 0 and " [, " .. table.concat(optional, ", ") .. "]" or "") .. "}",
      summary = "Adds " .. a_an(name) .. " (" .. mt.help .. ").",
      returns = "the " .. name .. " id",
      example = "kb:add_" .. name .. "{id = \"" .. name .. "-x\", ...}" }
  end
  local t = { name, UPDATE_EXAMPLE[name] or string.format('"%s-x", {}', name) }
  entry { name = "kb:update_" .. t[1], group = "author", args = "id, fields",
    summary = "Changes fields of " .. a_an(t[1]) .. "; validated like add_" .. t[1] ..
      ", logged in the change history.",
    returns = "true",
    example = "kb:update_" .. t[1] .. "(" .. t[2] .. ")" }
  entry { name = "kb:remove_" .. t[1], group = "author", args = "id",
    summary = "Removes " .. a_an(t[1]) .. " (refused while other records refer to it); logged.",
    returns = "true",
    example = REMOVE_EXAMPLE[name] or "kb:remove_" .. t[1] .. "(" .. t[2]:match("^[^,]+") .. ")" }
end

entry { name = "kb:uncode", group = "author", args = "segment_id, code",
  summary = "Removes a code from a segment.",
  returns = "true if the code was there",
  example = 'kb:uncode(42, "energy")' }

entry { name = "kb:coded", group = "author", args = "code",
  summary = "The segments that carry a code.",
  returns = "a list of segments",
  example = 'print(kb:coded("energy"))' }

entry { name = "kb:history", group = "author", args = "[opts]",
  summary = "The change log of the authoring API, oldest first. opts: record, operation, "
    .. "since, limit, offset.",
  returns = "a list of {id, time, operation, record, before, after}",
  example = 'print(kb:history{operation = "add_claim"})' }

entry { name = "kb:suggest", group = "author",
  args = "{source [, kinds, chronology, limit, offset]}",
  summary = "Candidate claims, quotes, events and entities for a source, by general rules "
    .. "(doc/suggest.md): kinds a list of claim, quote, event, entity (default all); "
    .. "chronology another source of dated entries (a timeline) that dates the events "
    .. "whose sentence states no date; "
    .. "rejected candidates and what the source already holds are left out.",
  returns = "a list of candidates {kind, segment, fields, confidence, why, key}",
  example = 'print(kb:suggest{source = 1, kinds = {"quote"}})' }
entry { name = "kb:accept", group = "author", args = "candidate [, edits]",
  summary = "Turns a candidate of kb:suggest into a record through add_<kind> (its "
    .. "validation, change log and atomicity), with edits over its fields; refuses a "
    .. "candidate of another KB, a stale one and one accepted or rejected already.",
  returns = "the new record's id",
  example = 'local id = kb:add_source{title = "Note", text = "Russia will probably stay close to China."}\n'
    .. 'print(kb:accept(kb:suggest{source = id, kinds = {"claim"}}[1], {text = "Our paraphrase."}))' }
entry { name = "kb:reject", group = "author", args = "candidate",
  summary = "Remembers that a candidate was rejected (a 'reject' entry of the change log): "
    .. "kb:suggest does not propose it again.",
  returns = "true",
  example = 'local id = kb:add_source{title = "Note 2", text = "China is likely to hedge."}\n'
    .. 'kb:reject(kb:suggest{source = id}[1])' }

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
  { "to_dot", "", "Graphviz DOT text, ready to draw: the layout engine set in the graph "
    .. "(neato, sfdp past 200 nodes) with overlap removal; edges coloured and styled by sign "
    .. "(blue solid, vermillion dashed, grey dotted), pen width by weight, their type as a "
    .. "tooltip and, when edges have several types, as a label; a legend node.", "a string" },
  { "to_graphml", "", "GraphML text.", "a string" },
  { "to_gexf", "", "GEXF text (Gephi).", "a string" },
  { "to_json", "", "JSON text {directed, edges, name, nodes}: keys sorted, the bytes "
    .. "sinorus.to_json gives for the same value.", "a string" },
  { "core", "", "The underlying C graph (sinorus.core), for measures not wrapped here.",
    "a C graph handle" },
} do
  entry { name = "graph:" .. g[1], group = "graphobj", args = g[2], summary = g[3],
    returns = g[4], example = 'print(kb:graph():' .. g[1] ..
      (g[2] == "" and "()" or (g[1] == "path" and '("china", "ukraine")' or
        (g[2]:match("^id") and '("china")' or "()"))) .. ")" }
end

-- ---------------------------------------------------------------------
-- Scores, timeline, agreement, series (lua/sinorus/score.lua; doc/scoring.md)

entry { name = "sinorus.scores", group = "module", args = "forecasts [, opts]",
  summary = "Scores forecasts against outcomes. Each forecast: {p_low, p_high, outcome, "
    .. "band} with p_low <= p_high in [0, 1], outcome \"yes\", \"no\", \"partly\", "
    .. "\"not_yet\" or \"unresolvable\", band an optional label for the calibration "
    .. "table (default the interval, e.g. \"0.55-0.8\"); or the same as columns, "
    .. "{p_low = {...}, p_high = {...}, outcome = {...} [, band = {...}]}, and "
    .. "opts.rows = false to leave out the per-forecast rows (several times faster for "
    .. "many forecasts). The point forecast is the band's "
    .. "midpoint. \"partly\" counts as the outcome 0.5 (opts.partly = \"half\", the "
    .. "default) or is left out (\"exclude\"); \"not_yet\" and \"unresolvable\" are "
    .. "left out of every score and counted. Brier (p - o)^2 with its range over the "
    .. "band; log score in bits, -log2 of the probability given to the outcome, p "
    .. "clamped to [0.001, 0.999]; Murphy decomposition binned by distinct midpoint "
    .. "(brier = reliability - resolution + uncertainty); skill against always 0.5 and "
    .. "always the base rate.",
  returns = "{n, scored, yes, no, partly, not_yet, unresolvable, partly_rule, brier, "
    .. "brier_min, brier_max, log, base_rate, reliability, resolution, uncertainty, "
    .. "groups, skill_half, skill_base, forecasts = list of {index, outcome, scored, p, "
    .. "o, brier, brier_min, brier_max, log}, calibration = list of {band, n, mean_p, "
    .. "observed} by mean forecast}; a score is nil when nothing is scored",
  example = 'local s = sinorus.scores{\n'
    .. '  {p_low = 0.55, p_high = 0.80, outcome = "yes", band = "likely"},\n'
    .. '  {p_low = 0.20, p_high = 0.45, outcome = "no", band = "unlikely"},\n'
    .. '}\nprint(s.brier, s.calibration)' }

entry { name = "kb:scores", group = "weight", args = "[opts]",
  summary = "The scores of the KB's forecasts (kb:forecasts, kb:resolutions) by "
    .. "sinorus.scores: each forecast with a band (p_low, p_high) and its resolution's "
    .. "outcome, its claim's estimative term as the calibration band. opts: horizon and "
    .. "about (an entity) filter by the forecast's claim, scale by the forecast's scale; "
    .. "partly as in sinorus.scores. doc/forecasts.md gives the rules.",
  returns = "the result of sinorus.scores, each row of forecasts with the forecast's id",
  example = 'print(kb:scores{horizon = "long"}.brier)' }

entry { name = "kb:series", group = "weight", args = "opts",
  summary = "The events of a dyad per period, the way GDELT users follow a relationship: "
    .. "sinorus.series over the Goldstein weights of the events both actors take part in. "
    .. "opts: actors (two entities, by id, name or alias), by (\"month\" (default), "
    .. "\"quarter\", \"year\"), directed (true: only events whose first actor is the "
    .. "first of actors), as_of (a date: the events known then).",
  returns = "the list of sinorus.series ({period, count, sum, mean}, by, unplaced) with "
    .. "actors (their ids) and directed",
  example = 'print(kb:series{actors = {"China", "Russia"}, by = "year"})' }

entry { name = "sinorus.ach_timeline", group = "module", args = "items, ratings [, opts]",
  summary = "ACH scores as evidence accumulates: for each distinct item date, each "
    .. "hypothesis's score over exactly the items dated on or before it, scored as "
    .. "kb:ach scores (weighted inconsistency). items: {id, date (YYYY, YYYY-MM or "
    .. "YYYY-MM-DD; a partial date counts from the last day of its period), "
    .. "credibility, relevance (\"low\", \"medium\" (default), \"high\")}; ratings: "
    .. "{item (or evidence), hypothesis, rating} rows as kb:ratings() gives them "
    .. "(an unrated pair is NA). opts: weights (item id -> weight, as kb:ach), "
    .. "hypotheses (the ids in ranking order for ties; default: first seen in ratings).",
  returns = "{hypotheses = list of ids, rows = list of {date, items (how many count), "
    .. "scores (hypothesis id -> score), ranking (ids, least inconsistent first), top}}",
  example = 'local items = {{id = "e1", date = "2022-02"}, {id = "e2", date = "2023-05-01"}}\n'
    .. 'local t = sinorus.ach_timeline(items, {\n'
    .. '  {item = "e1", hypothesis = "h1", rating = "C"}, {item = "e1", hypothesis = "h2", rating = "I"},\n'
    .. '  {item = "e2", hypothesis = "h1", rating = "II"}, {item = "e2", hypothesis = "h2", rating = "C"}})\n'
    .. 'for _, r in ipairs(t.rows) do print(r.date, r.top) end' }

entry { name = "sinorus.agreement", group = "module", args = "coders [, opts]",
  summary = "Agreement between coders: Krippendorff's alpha (any number of coders, "
    .. "missing values allowed), Cohen's kappa (two coders, the units both coded) and "
    .. "percent agreement (agreeing pairs of values within units). coders: a list, one "
    .. "table per coder mapping unit numbers to values (nil or false when missing). "
    .. "opts.level: \"nominal\" (default; numbers or strings), \"ordinal\" or "
    .. "\"interval\" (numbers).",
  returns = "{level, coders, units, pairable_units, pairable, alpha, kappa, kappa_units, "
    .. "percent, observed, expected}; alpha is nil when undefined (fewer than two "
    .. "pairable values, or no expected disagreement), kappa when not two coders",
  example = 'local r = sinorus.agreement({{1, 2, 3, 3}, {1, 2, 3, 4}}, {level = "ordinal"})\n'
    .. 'print(r.alpha, r.kappa, r.percent)' }

entry { name = "sinorus.series", group = "module", args = "values [, opts]",
  summary = "Dated values in periods: values is a list of {date, value} (value a number "
    .. "or nil: counted, not summed); opts.by is \"month\" (default), \"quarter\" or "
    .. "\"year\". A date goes in the period that contains it; one coarser than the "
    .. "period (\"2022\" by month or quarter) is counted in `unplaced`. Periods between "
    .. "the first and the last are all listed, empty ones with count 0.",
  returns = "a list of {period (\"2022-03\", \"2022-Q1\", \"2022\"), count, sum, mean} "
    .. "in period order, with fields by and unplaced",
  example = 'print(sinorus.series({{date = "2022-02-24", value = -10}, '
    .. '{date = "2022-03", value = 3}}, {by = "quarter"}))' }

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
  local author_started = false
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
          -- how spec/support/doctest.lua runs it: planned entries not at
          -- all; the authoring ones in one session on a writable file, in
          -- order; every other one in a new session
          local info = "lua new"
          if e.planned then info = "lua norun"
          elseif e.group == "author" then
            info = author_started and "lua" or "lua new writable"
            author_started = true
          end
          out[#out + 1] = "```" .. info
          out[#out + 1] = e.example
          out[#out + 1] = "```"
        end
      end
    end
  end
  return table.concat(out, "\n") .. "\n"
end

return M
