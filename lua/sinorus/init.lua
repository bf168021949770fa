-- sinorus: a queryable, weighted knowledge base of Abb & Polianskii,
-- "A new Sino-Russian Entente?" (PRIF Spotlight 2/2022), for Lua 5.4.
--
--   local sinorus = require "sinorus"
--   local kb <close> = sinorus.open()       -- the built-in article
--   print(kb)
--   for _, hit in ipairs(kb:search("secondary sanctions")) do print(hit.snippet) end
--
-- This file is the friendly layer over the C core (sinorus.core): the
-- knowledge-base object, the text queries and the module functions.
-- Further methods come from the extension modules listed in EXTENSIONS.

local core = require "sinorus.core"
local util = require "sinorus.util"
local internal = require "sinorus.internal"

local M = {}
M.version = core.version
M.schema_version = core.schema_version

-- The KB metatable is made in C (csrc/lkb.c); its __index table holds the
-- C methods (close, rows, sql, save, ...) and gets the Lua ones below.
local KB_META = core.KB
local KB = KB_META.__index
M.KB = KB

local argerror, check_type = util.argerror, util.check_type

-- kb:sql's results (made in C with their columns in order) print as tables.
core.Rows.__tostring = function(rows)
  return util.render(rows, getmetatable(rows).columns)
end

local SEG_KINDS = { "heading", "paragraph", "sentence", "reference" }

-- ---------------------------------------------------------------------
-- Opening

local OPEN_KEYS = { create = true, article = true, empty = true, readonly = true,
                    timeout = true, search = true }

-- The search settings of kb: the arguments of its index's tokenizer
-- (doc/languages.md), as the file declares them.
local function search_settings(kb)
  local decl = kb:sql("SELECT sql FROM sqlite_schema WHERE name = 'segment_fts'")[1]
  local list = {}
  for a in (decl and decl.sql:match("tokenize%s*=%s*'sinorus%s*([^']*)'") or ""):gmatch("%S+") do
    list[#list + 1] = a
  end
  return list
end

-- The tokenizer arguments of a `search` option (a list of settings), in
-- the order of model.SEARCH_SETTINGS; raises for anything else.
local function search_args(list)
  if type(list) ~= "table" then
    argerror("open", 2, "option 'search' must be a list of settings, got " .. util.typename(list))
  end
  local want, known = {}, {}
  for _, s in ipairs(require("sinorus.model").SEARCH_SETTINGS) do known[s] = true end
  for k, v in pairs(list) do
    if math.type(k) ~= "integer" or not known[v] or want[v] then
      argerror("open", 2, string.format("option 'search': %s is not a setting (%s, once each)",
               util.typename(v) == "string" and string.format("%q", v) or util.typename(v),
               table.concat(require("sinorus.model").SEARCH_SETTINGS, ", ")))
    end
    want[v] = true
  end
  local args = {}
  for _, s in ipairs(require("sinorus.model").SEARCH_SETTINGS) do
    if want[s] then args[#args + 1] = s end
  end
  return table.concat(args, " ")
end

--- Opens a knowledge base: the built-in article (no path) or a file.
function M.open(path, opts)
  util.check_path("open", 1, path, true)
  if opts ~= nil and type(opts) ~= "table" then
    argerror("open", 2, "table expected, got " .. util.typename(opts))
  end
  opts = opts or {}
  for k, v in pairs(opts) do
    if not OPEN_KEYS[k] then
      argerror("open", 2, string.format(
        "unknown option '%s'; valid options: article, create, empty, readonly, search, timeout",
        tostring(k)))
    end
    if k == "timeout" then
      if math.type(v) ~= "integer" or v < 0 then
        argerror("open", 2, "option 'timeout' must be a non-negative integer (ms)")
      end
    elseif k == "search" then
      search_args(v)
    elseif type(v) ~= "boolean" then
      argerror("open", 2, string.format("option '%s' must be a boolean, got %s",
               k, util.typename(v)))
    end
  end
  if path == nil then
    if next(opts) then
      argerror("open", 2, "options need a path; the built-in knowledge base is read-only")
    end
    return core.open()
  end
  -- A new file is empty (the schema only) unless article = true asks for
  -- a copy of the built-in article. empty = true, what version 3 needed
  -- for an empty file, is still accepted and changes nothing.
  for _, k in ipairs { "article", "empty" } do
    if opts[k] and not opts.create then
      argerror("open", 2, string.format("option '%s' needs 'create'", k))
    end
  end
  if opts.article and opts.empty then
    argerror("open", 2, "options 'article' and 'empty' exclude each other")
  end
  if opts.readonly and opts.create then
    argerror("open", 2, "options 'readonly' and 'create' exclude each other")
  end
  if opts.readonly and opts.search then
    argerror("open", 2, "options 'readonly' and 'search' exclude each other")
  end
  local kb, msg, code = core.open(path, opts.readonly, opts.create, not opts.article)
  if kb and opts.timeout then M._set_timeout(kb, opts.timeout) end
  -- search settings other than the file's: the index is declared again
  -- with them and rebuilt (a new file has every setting)
  if kb and opts.search then
    local args = search_args(opts.search)
    if args ~= table.concat(search_settings(kb), " ") then
      local ok, err = pcall(require("sinorus.internal").set_search, kb, args)
      if not ok then
        kb:close()
        return nil, path .. ": cannot set the search settings: " .. tostring(err)
      end
    end
  end
  return kb, msg, code
end

-- ---------------------------------------------------------------------
-- Describing

-- What describe() counts: the text, every record type of sinorus.model
-- (by its plural), the mentions, ratings, codes and changes.
local COUNTED = { { "sources", "source" }, { "segments", "segment" } }
for _, t in ipairs(require("sinorus.model").TYPES) do
  COUNTED[#COUNTED + 1] = { t.plural, t.table }
end
-- (mentions are counted in sinorus_mention, whose rows the view mention
-- gives one for one, without the view's joins: from the posting lists)
for _, c in ipairs { { "mentions", "sinorus_mention" }, { "ratings", "rating" }, { "codes", "code" },
                     { "changes", "changelog" } } do
  COUNTED[#COUNTED + 1] = c
end

local function count(kb, tbl)
  return kb:sql("SELECT count(*) AS n FROM " .. tbl)[1].n
end

--- A table of counts per record type and basic facts.
function KB:describe()
  local d = {
    path = self:path(),
    builtin = self:path() == nil,
    readonly = self:readonly(),
    schema_version = self:sql("PRAGMA user_version")[1].user_version,
    counts = {},
  }
  for _, c in ipairs(COUNTED) do d.counts[c[1]] = count(self, c[2]) end
  d.search = search_settings(self)
  for _, r in ipairs(self:sql("SELECT kind, count(*) AS n FROM segment GROUP BY kind")) do
    d.counts[r.kind .. "s"] = r.n
  end
  return d
end

local function plural(n, one, many)
  return string.format("%d %s", n, n == 1 and one or many)
end

function KB_META.__tostring(kb)
  if kb:isclosed() then return "sinorus.KB(closed)" end
  local where = kb:path() or "builtin"
  local mode = kb:readonly() and "read-only" or "read-write"
  local r = kb:sql([[SELECT (SELECT count(*) FROM source) AS sources,
    (SELECT count(*) FROM segment WHERE kind = 'sentence') AS sentences,
    (SELECT count(*) FROM entity) AS entities,
    (SELECT count(*) FROM claim) AS claims]])[1]
  return string.format("sinorus.KB(%s, %s): %s, %s, %s, %s", where, mode,
    plural(r.sources, "source", "sources"), plural(r.sentences, "sentence", "sentences"),
    plural(r.entities, "entity", "entities"), plural(r.claims, "claim", "claims"))
end

-- ---------------------------------------------------------------------
-- Sources and segments

local SOURCE_COLS = { "id", "title", "authors", "outlet", "published", "url", "doi" }

local function source_record(r)
  r.authors = util.json_strings(r.authors)
  return util.record(r, "sinorus.Source", SOURCE_COLS)
end

--- All sources, in id order.
function KB:sources(opts)
  opts = util.check_opts("sources", 1, opts, {})
  local page, lim, off = util.page(opts)
  local rows = self:sql("SELECT id, title, authors, outlet, published, url, doi " ..
                        "FROM source ORDER BY id" .. page, lim, off)
  for i, r in ipairs(rows) do rows[i] = source_record(r) end
  return util.list(rows, { "id", "title", "authors", "published" }, "sinorus.Sources")
end

--- The source with id, or nil.
function KB:source(id)
  if math.type(id) ~= "integer" then
    argerror("source", 1, "integer expected, got " ..
             (math.type(id) or util.typename(id)))
  end
  local r = self:sql("SELECT id, title, authors, outlet, published, url, doi " ..
                     "FROM source WHERE id = ?", id)[1]
  return r and source_record(r)
end

--- The full text of a source (a string), or nil.
function KB:text(id)
  if math.type(id) ~= "integer" then
    argerror("text", 1, "integer expected, got " ..
             (math.type(id) or util.typename(id)))
  end
  -- the pieces of source_text, in order, are the text (data/schema.sql)
  local parts = {}
  for r in self:rows("SELECT sinorus_unpack(packed) AS text FROM source_text " ..
                     "WHERE source = ? ORDER BY start", id) do
    parts[#parts + 1] = r.text
  end
  if #parts == 0 then return nil end
  return table.concat(parts)
end

-- page: the first page the segment lies on, for a source with pages (PDF)
local SEG_COLS = { "id", "source", "kind", "section", "parent", "ord", "start", "stop",
                   "duplicate_of", "page", "text" }
local SEG_SELECT = [[SELECT s.id, s.source, s.kind, h.text AS section, s.parent,
  s.ord, s.start, s.stop, s.duplicate_of,
  (SELECT min(p.page) FROM source_page p WHERE p.source = s.source
     AND s.start <= p.stop AND s.stop >= p.start) AS page, s.text
  FROM segment s LEFT JOIN segment h ON h.id = s.section ]]

local function seg_record(r)
  return util.record(r, "sinorus.Segment", SEG_COLS)
end
M._seg_record = seg_record

--- Segments in document order; filters: source, kind, section, duplicates.
function KB:segments(opts)
  opts = util.check_opts("segments", 1, opts, { "source", "kind", "section", "duplicates" })
  if opts.source ~= nil and math.type(opts.source) ~= "integer" then
    argerror("segments", 1, "'source' must be an integer source id")
  end
  util.check_enum("segments", 1, opts.kind, SEG_KINDS, true)
  local section = opts.section
  if section ~= nil and type(section) ~= "string" and math.type(section) ~= "integer" then
    argerror("segments", 1, "'section' must be a heading text or segment id")
  end
  local _, lim, off = util.page(opts)
  local rows = self:sql(SEG_SELECT .. [[
    WHERE (?1 IS NULL OR s.source = ?1) AND (?2 IS NULL OR s.kind = ?2)
      AND (?3 IS NULL OR h.text = ?3 OR s.section = ?3)
      AND (?4 OR s.duplicate_of IS NULL)
    ORDER BY s.id LIMIT ?5 OFFSET ?6]],
    opts.source, opts.kind, section, opts.duplicates ~= false, lim, off)
  for i, r in ipairs(rows) do rows[i] = seg_record(r) end
  return util.list(rows, { "id", "kind", "section", "text" }, "sinorus.Segments")
end

--- The segment with id, or nil.
function KB:segment(id)
  if math.type(id) ~= "integer" then
    argerror("segment", 1, "integer expected, got " ..
             (math.type(id) or util.typename(id)))
  end
  local r = self:sql(SEG_SELECT .. "WHERE s.id = ?", id)[1]
  return r and seg_record(r)
end

-- ---------------------------------------------------------------------
-- Search

-- highlight() marks matches with bytes valid UTF-8 never holds;
-- core.snippet cuts the window around the first match and puts the marks,
-- and gives back the text without them (so a hit's text is not read from
-- its piece a second time).
local HL_OPEN, HL_CLOSE = "\xff", "\xfe"

local SEARCH_SQL = [[
SELECT s.id AS segment, s.kind, s.source,
       -bm25(segment_fts) AS rank,
       highlight(segment_fts, 0, ?1, ?2) AS snippet
FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid
WHERE segment_fts MATCH ?4
  AND ((?5 IS NULL AND s.kind <> 'paragraph') OR s.kind = ?5)
  AND (?6 IS NULL OR s.source = ?6)
  AND (?7 OR s.duplicate_of IS NULL)
ORDER BY bm25(segment_fts), s.id
LIMIT ?8 OFFSET ?9]]

-- Paragraphs are not indexed (their sentences are): a paragraph matches
-- when each term of the query ("word", "a phrase" or "prefix"*) matches
-- one of its sentences; its rank is the sum, over the terms, of the best
-- BM25 rank of a sentence of it for that term alone, and its snippet that
-- of its best sentence for any term. The statement is made per number of
-- terms (and cached as any other).
local PARA_HEAD = [[
WITH hit(par, term, rank) AS MATERIALIZED (%s),
best AS (SELECT par, term, max(rank) AS rank FROM hit GROUP BY par, term)
SELECT p.id AS segment, p.kind, p.source, p.text, sum(b.rank) AS rank
FROM best b JOIN segment p ON p.id = b.par
WHERE ?2 OR p.duplicate_of IS NULL
GROUP BY p.id HAVING count(*) = ?3
ORDER BY rank DESC, p.id
LIMIT ?4 OFFSET ?5]]
local PARA_TERM = [[
SELECT s.parent, %d, -bm25(segment_fts) FROM segment_fts
JOIN segment s ON s.id = segment_fts.rowid
WHERE segment_fts MATCH ?%d AND s.kind = 'sentence' AND s.parent IS NOT NULL
  AND (?1 IS NULL OR s.source = ?1)]]
-- (The index is searched within the rowids of the paragraph's sentences,
-- which a paragraph's long run of sentences makes much the faster way.)
local PARA_SNIPPET = [[
SELECT highlight(segment_fts, 0, ?1, ?2) AS snippet, ?3 AS words
FROM segment_fts CROSS JOIN segment s ON s.id = segment_fts.rowid
WHERE segment_fts MATCH ?4 AND s.parent = ?5
  AND ]] .. require("sinorus.store").sentences_of("segment_fts.rowid", "?5") .. [[

ORDER BY bm25(segment_fts), s.id LIMIT 1]]

local para_sql = {}
local function paragraph_sql(k)
  local sql = para_sql[k]
  if not sql then
    local arms = {}
    for i = 1, k do arms[i] = PARA_TERM:format(i, 5 + i) end
    sql = PARA_HEAD:format(table.concat(arms, "\nUNION ALL\n"))
    para_sql[k] = sql
  end
  return sql
end

-- Paragraphs matching the translated query expr (see above).
local function search_paragraphs(kb, expr, opts, words)
  local terms = {}
  for t in expr:gmatch('"[^"]*"%*?') do terms[#terms + 1] = t end
  local hits = kb:sql(paragraph_sql(#terms), opts.source, opts.duplicates == true, #terms,
                      math.tointeger(opts.limit or 10), math.tointeger(opts.offset or 0),
                      table.unpack(terms))
  local any = table.concat(terms, " OR ")
  for _, h in ipairs(hits) do
    h.snippet = kb:sql(PARA_SNIPPET, HL_OPEN, HL_CLOSE, words, any, h.segment)[1].snippet
  end
  return hits
end

--- The marks around matches in snippets and KWIC lines (configurable).
M.marks = { "«", "»" }

--- Segments matching query, most relevant first (BM25).
function KB:search(query, opts)
  check_type("search", 1, query, "string")
  opts = util.check_opts("search", 2, opts,
                         { "kind", "source", "duplicates", "words", "marks" })
  util.check_enum("search", 2, opts.kind, SEG_KINDS, true)
  if opts.source ~= nil and math.type(opts.source) ~= "integer" then
    argerror("search", 2, "'source' must be an integer source id")
  end
  local words = opts.words or 16
  if math.type(words) ~= "integer" or words < 1 or words > 64 then
    argerror("search", 2, "'words' must be an integer in 1..64")
  end
  local marks = opts.marks or M.marks
  if type(marks) ~= "table" or type(marks[1]) ~= "string" or type(marks[2]) ~= "string" then
    argerror("search", 2, "'marks' must be a pair of strings")
  end
  local expr = core.query(query)
  local hits
  if expr == "" then
    hits = {}
  elseif opts.kind == "paragraph" then
    hits = search_paragraphs(self, expr, opts, words)
  else
    hits = self:sql(SEARCH_SQL, HL_OPEN, HL_CLOSE, words, expr, opts.kind,
                    opts.source, opts.duplicates == true,
                    math.tointeger(opts.limit or 10), math.tointeger(opts.offset or 0))
  end
  for _, h in ipairs(hits) do
    local text
    h.snippet, text = core.snippet(h.snippet, words, util.max_width, marks[1], marks[2])
    h.text = h.text or text
    util.record(h, "sinorus.Hit", { "segment", "kind", "rank", "snippet" })
  end
  return util.list(hits, { "segment", "kind", "rank", "snippet" }, "sinorus.Hits")
end

-- Cuts s to at most n code points, from the left or the right end.
local function clip(s, n, from_right)
  local len = utf8.len(s)
  if not len then return s end
  if len <= n then return s end
  if from_right then
    return "…" .. s:sub(utf8.offset(s, len - n + 2))
  end
  return s:sub(1, utf8.offset(s, n) - 1) .. "…"
end

local function kwic_tostring(lines)
  local out, wl = {}, 0
  for _, l in ipairs(lines) do
    local n = utf8.len(l.left) or #l.left
    if n > wl then wl = n end
  end
  for i = 1, math.min(#lines, util.max_rows) do
    local l = lines[i]
    out[#out + 1] = string.format("%6d  %s%s%s%s%s%s", l.segment,
      string.rep(" ", wl - (utf8.len(l.left) or #l.left)), l.left, M.marks[1], l.keyword,
      M.marks[2], l.right)
  end
  if #lines > util.max_rows then
    out[#out + 1] = string.format("… %d more", #lines - util.max_rows)
  end
  if #lines == 0 then out[1] = "(none)" end
  return table.concat(out, "\n")
end

local KWIC_META = { __name = "sinorus.KWIC", __tostring = kwic_tostring }

--- Keyword in context: each occurrence of term with width characters of
--- context on either side, in document order.
function KB:kwic(term, opts)
  check_type("kwic", 1, term, "string")
  opts = util.check_opts("kwic", 2, opts, { "width", "source" })
  local width = opts.width or 40
  if math.type(width) ~= "integer" or width < 0 or width > 1000 then
    argerror("kwic", 2, "'width' must be an integer in 0..1000")
  end
  local lines = setmetatable({}, KWIC_META)
  local expr = core.query(term:gsub("%*", " "))
  if expr == "" then return lines end
  local m = core.matcher()
  local ok, err = pcall(m.add, m, term, 1)
  if not ok then
    argerror("kwic", 1, tostring(err):match("%((.*)%)$") or tostring(err))
  end
  m:compile()
  local skip, limit = opts.offset or 0, opts.limit or math.huge
  for row in self:rows([[SELECT s.id, s.text FROM segment_fts
      JOIN segment s ON s.id = segment_fts.rowid
      WHERE segment_fts MATCH ?1 AND s.kind IN ('sentence', 'heading', 'reference')
        AND s.duplicate_of IS NULL AND (?2 IS NULL OR s.source = ?2)
      ORDER BY s.id]], '"' .. expr:gsub('"', '') .. '"', opts.source) do
    for _, hit in ipairs(m:scan(row.text)) do
      if skip > 0 then
        skip = skip - 1
      elseif #lines < limit then
        lines[#lines + 1] = {
          segment = row.id,
          left = clip(row.text:sub(1, hit.start - 1), width, true),
          keyword = row.text:sub(hit.start, hit.stop),
          right = clip(row.text:sub(hit.stop + 1), width),
        }
      end
    end
  end
  return lines
end

-- ---------------------------------------------------------------------
-- Adding a source (internal; the authoring API validates and logs)

-- Segments text and stores the source, its segments, their index and
-- their mentions (lua/sinorus/store.lua). Returns the new source id. The
-- caller owns the transaction; the authoring API validates and logs.
function internal.add_source(kb, src)
  return require("sinorus.store").import(kb, src)
end

-- ---------------------------------------------------------------------
-- Extensions: each module returns { methods = ..., module = ... }, the
-- methods of sinorus.KB and the functions of this module it adds.

local EXTENSIONS = { "records", "weight", "graph", "author", "sandbox", "score", "import" }
for _, name in ipairs(EXTENSIONS) do
  local ext = require("sinorus." .. name)
  for k, f in pairs(ext.methods) do KB[k] = f end
  for k, v in pairs(ext.module) do M[k] = v end
end

-- Extensions loaded on first use, by the KB methods named here (they add
-- no module function; the charts' names are model.CHARTS): `require
-- "sinorus"` parses a fifth less Lua without them (bench/README.md,
-- start-up). A spec checks each list against the module's methods.
internal.LAZY = { suggest = { "suggest", "accept", "reject" }, chart = { "chart" } }
M.CHARTS = require("sinorus.model").CHARTS
for name, methods in pairs(internal.LAZY) do
  for _, m in ipairs(methods) do
    KB[m] = function(...)
      local ext = require("sinorus." .. name)
      local f = ext.methods[m]
      require("sinorus.blame").ours(f)
      return f(...)
    end
  end
end

--- Help on a function or a name; with no argument, the list of all.
function M.help(x)
  return require("sinorus.doc").help(x)
end

-- Misuse found inside the library is reported at the caller's line
-- (lua/sinorus/blame.lua).
do
  local blame = require "sinorus.blame"
  blame.ours(util.argerror)
  -- (the C import's errors are raised from store.import, at its line)
  blame.ours(require("sinorus.store").import)
  blame.wrap_all(KB, M)
end

return M
