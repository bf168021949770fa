-- sinorus.graph: kb:graph{...} (the signed actor network and the
-- co-mention network, measured in C) and kb:export(format, path).
--
--   local g = kb:graph{kind = "relations", horizon = "long"}
--   print(g:pagerank())          -- ranked table
--   print(g:balance())           -- share of balanced triangles, unbalanced ones named
--   print(g:path("China", "Ukraine"))
--   kb:export("refi-qda", "article.qdpx")
--
-- Rules (see include/sinorus_graph.h for the C contracts):
--   * relations: one directed edge per row of `relation` (src -> dst), with
--     its sign, weight and type; horizon = "short" or "long" keeps that
--     horizon and "both"; horizon = "both" keeps only rows marked "both".
--   * mentions: an undirected edge between two entities mentioned in the
--     same sentence (unit = "sentence", the default) or paragraph; its
--     weight is the number of such units, its sign 0 (unsigned).
--   * nodes are the entities that take part, in id order.
--   * balance: reciprocal and parallel edges form one tie whose sign is the
--     sign of the sum of sign * weight (of the sum of signs if that is 0).
--   * path: by hops or by weight (an edge costs 1 / weight); direction is
--     ignored unless {directed = true}.
--   * pagerank: stops when the L1 change of an iteration is below tol
--     (default 1e-10) or after max_iter (default 100) iterations.

local core = require "sinorus.core"
local model = require "sinorus.model"

local util = require "sinorus.util"

-- What this module adds: methods of sinorus.KB and functions of the
-- module table (init.lua copies both in).
local KB, M = {}, {}

do
  local argerror, check_enum = util.argerror, util.check_enum

  local Graph = {}
  local GRAPH_META = { __name = "sinorus.Graph", __index = Graph }

  -- Node id for x (a node id, or an entity's id, name or alias).
  local function node(self, fname, argn, x)
    if self._index[x] then return x end
    if type(x) ~= "string" then
      argerror(fname, argn, "entity id, name or alias expected, got " ..
               util.typename(x), 2)
    end
    local e = self._kb.entity and self._kb:entity(x)
    if not e then
      argerror(fname, argn, string.format("unknown entity '%s'", x), 2)
    end
    if not self._index[e.id] then
      argerror(fname, argn, string.format("entity '%s' is not in the graph", x), 2)
    end
    return e.id
  end

  local function name_of(self, id)
    local i = self._index[id]
    return i and self._nodes[i].name or id
  end

  local function wrap(kb, g, nodes, meta)
    local index = {}
    for i, n in ipairs(nodes) do index[n.id] = i end
    return setmetatable({ _kb = kb, _g = g, _nodes = nodes, _index = index,
                          _meta = meta }, GRAPH_META)
  end

  -- Builds the C graph from node records {id, name, kind} and edge lists.
  local function build(kb, nodes, edges, meta)
    local ids, labels, attrs = {}, {}, {}
    for i, n in ipairs(nodes) do
      ids[i] = n.id
      labels[n.id] = n.name
      attrs[n.id] = { kind = n.kind }
    end
    local g = core.graph { nodes = ids, edges = edges, directed = meta.directed,
                           labels = labels, attrs = attrs, name = meta.name }
    return wrap(kb, g, nodes, meta)
  end

  local ENTITY_SQL = "SELECT id, name, kind FROM entity ORDER BY id"

  local function node_records(kb, used)
    local nodes = {}
    for _, r in ipairs(kb:sql(ENTITY_SQL)) do
      if used[r.id] then nodes[#nodes + 1] = r end
    end
    return nodes
  end

  local RELATIONS_SQL = [[
    SELECT id, src, dst, type, sign, weight, horizon FROM relation
    WHERE ?1 IS NULL OR horizon = ?1 OR (?1 <> 'both' AND horizon = 'both')
    ORDER BY id]]

  local MENTIONS_SQL = [[
    WITH m AS (
      SELECT DISTINCT
        CASE WHEN ?1 = 'paragraph' AND s.kind = 'sentence' THEN s.parent
             ELSE s.id END AS unit,
        mn.entity AS entity
      FROM mention mn JOIN segment s ON s.id = mn.segment
      WHERE s.kind = ?1 OR (?1 = 'paragraph' AND s.kind = 'sentence'
                            AND s.parent IS NOT NULL))
    SELECT a.entity AS src, b.entity AS dst, count(*) AS weight
    FROM m a JOIN m b ON a.unit = b.unit AND a.entity < b.entity
    GROUP BY a.entity, b.entity ORDER BY a.entity, b.entity]]

  local MENTIONED_SQL = [[
    SELECT DISTINCT mn.entity AS id FROM mention mn
    JOIN segment s ON s.id = mn.segment
    WHERE s.kind = ?1 OR (?1 = 'paragraph' AND s.kind = 'sentence')]]

  --- The relation network or the co-mention network as a graph.
  function KB:graph(opts)
    opts = util.check_opts("graph", 1, opts, { "kind", "horizon", "unit" })
    local kind = opts.kind or "relations"
    check_enum("graph", 1, kind, { "relations", "mentions" })
    check_enum("graph", 1, opts.horizon, { "short", "long", "both" }, true)
    check_enum("graph", 1, opts.unit, { "sentence", "paragraph" }, true)
    local used, edges = {}, {}
    if kind == "relations" then
      if opts.unit ~= nil then
        argerror("graph", 1, "'unit' applies to kind 'mentions' only")
      end
      for _, r in ipairs(self:sql(RELATIONS_SQL, opts.horizon)) do
        used[r.src], used[r.dst] = true, true
        edges[#edges + 1] = { from = r.src, to = r.dst, sign = r.sign,
                              weight = r.weight, type = r.type }
      end
      return build(self, node_records(self, used), edges,
                   { kind = kind, horizon = opts.horizon, directed = true,
                     name = "sinorus relations" .. (opts.horizon and
                       " (" .. opts.horizon .. ")" or "") })
    end
    if opts.horizon ~= nil then
      argerror("graph", 1, "'horizon' applies to kind 'relations' only")
    end
    local unit = opts.unit or "sentence"
    for _, r in ipairs(self:sql(MENTIONED_SQL, unit)) do used[r.id] = true end
    for _, r in ipairs(self:sql(MENTIONS_SQL, unit)) do
      edges[#edges + 1] = { from = r.src, to = r.dst, sign = 0,
                            weight = r.weight, type = "co-mention" }
    end
    return build(self, node_records(self, used), edges,
                 { kind = kind, unit = unit, directed = false,
                   name = "sinorus co-mentions by " .. unit })
  end

  -- -------------------------------------------------------------------
  -- Graph methods

  local NODE_COLS = { "id", "name", "kind" }

  --- The nodes: entity records {id, name, kind} in id order.
  function Graph:nodes()
    local out = {}
    for i, n in ipairs(self._nodes) do
      out[i] = util.record({ id = n.id, name = n.name, kind = n.kind },
                           "sinorus.Node", NODE_COLS)
    end
    return util.list(out, NODE_COLS, "sinorus.Nodes")
  end

  local EDGE_COLS = { "from", "to", "type", "sign", "weight" }

  --- The edges {from, to, type, sign, weight} in the order they were built.
  function Graph:edges()
    local out = self._g:edges()
    for i, e in ipairs(out) do
      out[i] = util.record(e, "sinorus.Edge", EDGE_COLS)
    end
    return util.list(out, EDGE_COLS, "sinorus.Edges")
  end

  local function all_nodes(self, field, cols, tname, fill)
    local out = {}
    for i, n in ipairs(self._nodes) do
      local d = self._g:degree(n.id)
      local r = { id = n.id, name = n.name }
      fill(r, d)
      out[i] = r
    end
    table.sort(out, function(a, b)
      if a[field] ~= b[field] then return a[field] > b[field] end
      return a.id < b.id
    end)
    return util.list(out, cols, tname)
  end

  --- degree(x) -> total, in, out (counts of edges); degree() -> a table of
  --- every node, highest first.
  function Graph:degree(x)
    if x == nil then
      return all_nodes(self, "degree", { "id", "name", "degree", "in", "out" },
                       "sinorus.Degrees", function(r, d)
        r.degree, r["in"], r.out = d.degree, d.in_degree, d.out_degree
      end)
    end
    local d = self._g:degree(node(self, "degree", 1, x))
    return d.degree, d.in_degree, d.out_degree
  end

  --- strength(x) -> signed, absolute (sums of sign * weight and of weight,
  --- over in- and out-edges); strength() -> a table of every node.
  function Graph:strength(x)
    if x == nil then
      return all_nodes(self, "abs_strength",
        { "id", "name", "strength", "abs_strength", "in_strength", "out_strength" },
        "sinorus.Strengths", function(r, d)
          r.strength, r.abs_strength = d.strength, d.abs_strength
          r.in_strength, r.out_strength = d.in_strength, d.out_strength
        end)
    end
    local d = self._g:degree(node(self, "strength", 1, x))
    return d.strength, d.abs_strength, d
  end

  local RANK_COLS = { "rank", "id", "name", "score" }

  --- Weighted PageRank, highest first: records {rank, id, name, score};
  --- the list also has iterations, converged and scores (id -> score).
  function Graph:pagerank(opts)
    opts = util.check_opts("pagerank", 1, opts, { "damping", "tol", "max_iter" })
    for _, k in ipairs { "damping", "tol" } do
      if opts[k] ~= nil and type(opts[k]) ~= "number" then
        argerror("pagerank", 1, string.format("'%s' must be a number", k))
      end
    end
    local d, tol = opts.damping or 0.85, opts.tol or 1e-10
    if d < 0 or d > 1 then argerror("pagerank", 1, "'damping' must be in [0, 1]") end
    if tol < 0 then argerror("pagerank", 1, "'tol' must be >= 0") end
    local mi = opts.max_iter or 100
    if math.type(mi) ~= "integer" or mi < 1 then
      argerror("pagerank", 1, "'max_iter' must be a positive integer")
    end
    local r, iters, conv = self._g:pagerank(d, tol, mi)
    local out, scores = {}, {}
    for i, n in ipairs(self._nodes) do
      out[i] = { id = n.id, name = n.name, score = r[i] }
      scores[n.id] = r[i]
    end
    table.sort(out, function(a, b)
      if a.score ~= b.score then return a.score > b.score end
      return a.id < b.id
    end)
    for i, rec in ipairs(out) do
      rec.rank = i
      util.record(rec, "sinorus.Rank", RANK_COLS)
    end
    out = util.list(out, RANK_COLS, "sinorus.PageRank")
    out.iterations, out.converged, out.scores = iters, conv, scores
    return out
  end

  local function sign_char(s) return s > 0 and "+" or "-" end

  local function balance_tostring(b)
    local lines = {
      string.format("structural balance: %.3f (%d of %d triangles balanced, %d ties)",
                    b.ratio, b.balanced, b.triangles, b.ties),
    }
    if #b.unbalanced_triangles > 0 then
      lines[#lines + 1] = "unbalanced triangles:"
      lines[#lines + 1] = util.render(b.unbalanced_triangles,
                                      { "a", "b", "c", "signs" })
    end
    return table.concat(lines, "\n")
  end

  local BALANCE_META = { __name = "sinorus.Balance", __tostring = balance_tostring }

  --- Structural balance (Cartwright-Harary) of the signed ties: ratio (the
  --- share of balanced triangles), triangles, balanced, unbalanced, ties and
  --- unbalanced_triangles {a, b, c, ab, bc, ca, signs} (names in a, b, c;
  --- ids in ids).
  function Graph:balance()
    local b = self._g:balance()
    local list = {}
    for i, t in ipairs(b.triads) do
      list[i] = { a = name_of(self, t[1]), b = name_of(self, t[2]),
                  c = name_of(self, t[3]), ids = { t[1], t[2], t[3] },
                  ab = t[4], bc = t[5], ca = t[6],
                  signs = sign_char(t[4]) .. sign_char(t[5]) .. sign_char(t[6]) }
    end
    b.triads = nil
    b.unbalanced_triangles = list
    return setmetatable(b, BALANCE_META)
  end

  local PATH_COLS = { "step", "id", "name" }

  --- A shortest path from a to b: a list of {step, id, name} with fields
  --- cost and hops, or nil when there is none. opts: by = "hops" (default)
  --- | "weight" (an edge costs 1 / weight); directed = true to follow edge
  --- direction (default: ignored).
  function Graph:path(a, b, opts)
    local from = node(self, "path", 1, a)
    local to = node(self, "path", 2, b)
    opts = util.check_opts("path", 3, opts, { "by", "directed" })
    check_enum("path", 3, opts.by, { "hops", "weight" }, true)
    local ids, cost = self._g:path(from, to, opts.by or "hops", not opts.directed)
    if not ids then return nil end
    local out = {}
    for i, id in ipairs(ids) do
      out[i] = { step = i - 1, id = id, name = name_of(self, id) }
    end
    out = util.list(out, PATH_COLS, "sinorus.Path")
    out.cost, out.hops = cost, #ids - 1
    return out
  end

  --- Connected components (weakly, for relations), largest first:
  --- records {component, size, ids, names}.
  function Graph:components()
    local comps = self._g:components()
    local out = {}
    for i, ids in ipairs(comps) do
      local names = {}
      for j, id in ipairs(ids) do names[j] = name_of(self, id) end
      out[i] = { size = #ids, ids = ids, names = names, first = ids[1] }
    end
    table.sort(out, function(x, y)
      if x.size ~= y.size then return x.size > y.size end
      return x.first < y.first
    end)
    for i, c in ipairs(out) do c.component, c.first = i, nil end
    return util.list(out, { "component", "size", "names" }, "sinorus.Components")
  end

  --- The ego network of an entity: the graph of the nodes within radius
  --- (default 1) edges of it, with every edge among them.
  function Graph:ego(x, opts)
    local id = node(self, "ego", 1, x)
    opts = util.check_opts("ego", 2, opts, { "radius" })
    local radius = opts.radius or 1
    if math.type(radius) ~= "integer" or radius < 0 then
      argerror("ego", 2, "'radius' must be a non-negative integer")
    end
    local g = self._g:ego(id, radius)
    local nodes = {}
    for i, nid in ipairs(g:nodes()) do nodes[i] = self._nodes[self._index[nid]] end
    local meta = {}
    for k, v in pairs(self._meta) do meta[k] = v end
    meta.ego, meta.radius = id, radius
    return wrap(self._kb, g, nodes, meta)
  end

  function Graph:to_dot() return self._g:write("dot") end
  function Graph:to_graphml() return self._g:write("graphml") end
  function Graph:to_gexf() return self._g:write("gexf") end
  function Graph:to_json() return self._g:write("json") end

  --- The underlying sinorus.core graph (ids are entity ids).
  function Graph:core() return self._g end

  function GRAPH_META.__tostring(self)
    local pos, neg, zero = 0, 0, 0
    for _, e in ipairs(self._g:edges()) do
      if e.sign > 0 then pos = pos + 1 elseif e.sign < 0 then neg = neg + 1
      else zero = zero + 1 end
    end
    local m = self._meta
    local what = m.kind .. (m.horizon and (", horizon " .. m.horizon) or "") ..
                 (m.unit and (", by " .. m.unit) or "") ..
                 (m.ego and (", ego of " .. m.ego) or "")
    return string.format("sinorus.Graph(%s, %s): %d nodes, %d edges (%d positive, %d negative, %d unsigned)",
      what, self._g:directed() and "directed" or "undirected",
      #self._nodes, pos + neg + zero, pos, neg, zero)
  end

  -- -------------------------------------------------------------------
  -- Record writers: JSON and CSV (RFC 4180) for any record list

  -- The one JSON encoder is core.json (csrc/ljson.c): keys sorted bytewise,
  -- tables with keys exactly 1..n as arrays and every other table as an
  -- object (numeric keys named as tostring names them, so a mixed table
  -- loses nothing), invalid UTF-8 replaced by U+FFFD, NaN and infinities
  -- as null, the same bytes for the same value.
  local json = core.json

  -- A number as every writer writes it (core.json's digits).
  local function num(v)
    local s = json(v)
    return s ~= "null" and s or nil
  end

  -- A value made in full when first read (a candidate of kb:suggest)
  -- names what makes it in its metatable's __sinorus_full; the encoder
  -- runs no metamethod, so to_json makes such a value, or such items of
  -- a list, before it writes them.
  local function make_full(v)
    local mt = getmetatable(v)
    local full = type(mt) == "table" and rawget(mt, "__sinorus_full")
    if full then full(v) end
  end

  --- JSON text of a value: records and lists as objects (keys sorted) and
  --- arrays; strings escaped, non-finite numbers as null.
  function M.to_json(v)
    if type(v) == "table" then
      make_full(v)
      for i = 1, rawlen(v) do
        if type(rawget(v, i)) == "table" then make_full(rawget(v, i)) end
      end
    end
    local ok, text = pcall(json, v)
    if not ok then argerror("to_json", 1, text) end
    return text
  end

  local function csv_cell(v)
    if v == nil then return "" end
    if type(v) == "table" then
      v = util.joined(v, "; ")
    elseif type(v) == "number" then
      v = num(v) or ""
    else
      v = tostring(v)
    end
    return core.escape("csv", v)
  end

  --- CSV text (RFC 4180: CRLF line ends, a header row, fields quoted when
  --- needed) of a list of records. columns defaults to the record type's
  --- columns (sinorus.model; the same as `export csv` and the CLI's
  --- `show --format csv`), else the list's printed columns, else the union
  --- of the records' keys, sorted.
  function M.to_csv(records, columns)
    util.check_type("to_csv", 1, records, "table")
    util.check_type("to_csv", 2, columns, "table", true)
    for i, r in ipairs(records) do
      if type(r) ~= "table" then
        argerror("to_csv", 1, string.format("list of records expected, item %d is a %s",
                 i, util.typename(r)))
      end
    end
    for i, c in ipairs(columns or {}) do
      if type(c) ~= "string" then
        argerror("to_csv", 2, string.format("list of column names expected, item %d is a %s",
                 i, util.typename(c)))
      end
    end
    if not columns then
      local mt = getmetatable(records)
      columns = mt and (rawget(mt, "fields") or rawget(mt, "columns"))
      if not columns then
        local seen = {}
        columns = {}
        for _, r in ipairs(records) do
          for k in pairs(r) do
            if type(k) == "string" and not seen[k] then
              seen[k] = true
              columns[#columns + 1] = k
            end
          end
        end
        table.sort(columns)
      end
    end
    local lines = {}
    local head = {}
    for j, c in ipairs(columns) do head[j] = core.escape("csv", c) end
    lines[1] = table.concat(head, ",")
    for i, r in ipairs(records) do
      local row = {}
      for j, c in ipairs(columns) do row[j] = csv_cell(r[c]) end
      lines[i + 1] = table.concat(row, ",")
    end
    return table.concat(lines, "\r\n") .. "\r\n"
  end

  -- -------------------------------------------------------------------
  -- kb:export

  -- What export writes: the text tables as rows of the schema, then the
  -- records of every type of sinorus.model in the shape of its API
  -- records (the same JSON as to_json(kb:claims()), the same CSV columns
  -- as to_csv(kb:claims())), then the analysts' codes.
  local RECORD_TYPES = { { "sources", "source" }, { "segments", "segment" },
                         { "mentions", "mention" }, { "evidence", "evidence" } }
  for _, t in ipairs(model.TYPES) do RECORD_TYPES[#RECORD_TYPES + 1] = { t.plural } end
  RECORD_TYPES[#RECORD_TYPES + 1] = { "codes", "code" }
  local TABLE_OF, RECORD_NAMES = {}, {}
  for i, r in ipairs(RECORD_TYPES) do
    TABLE_OF[r[1]] = r
    RECORD_NAMES[i] = r[1]
  end

  -- Columns of a table in schema order, and its primary-key order.
  local function table_rows(kb, tbl)
    local cols, pk = {}, {}
    for _, c in ipairs(kb:sql("SELECT name, pk FROM pragma_table_info(?) ORDER BY cid", tbl)) do
      cols[#cols + 1] = c.name
      if c.pk > 0 then pk[c.pk] = c.name end
    end
    local order = #pk > 0 and table.concat(pk, ", ") or table.concat(cols, ", ")
    -- tbl and the columns come from the fixed list above and the schema
    local rows = kb:sql("SELECT " .. table.concat(cols, ", ") .. " FROM " .. tbl ..
                        " ORDER BY " .. order)
    if tbl == "source" then   -- the text is kept in pieces (source_text)
      cols[#cols + 1] = "text"
      for _, r in ipairs(rows) do
        r.text = kb:text(r.id)
        r.authors = util.json_strings(r.authors)   -- a list, as kb:sources() gives it
      end
    end
    return rows, cols
  end

  -- The JSON export: one object (keys sorted, as core.json writes every
  -- object) with the format, the version, the schema version and, per
  -- record type, its rows with every column (NULL as null).
  local function export_json(kb, tables)
    local doc = { format = "sinorus", version = core.version or "",
                  schema = kb:sql("PRAGMA user_version")[1].user_version or 0 }
    for _, tbl in ipairs(tables) do
      if tbl[2] then
        -- a table without a record type: its rows, every column (NULL as null)
        local rows, cols = table_rows(kb, tbl[2])
        local list = {}
        for i, r in ipairs(rows) do
          local row = {}
          for _, c in ipairs(cols) do
            local v = r[c]
            if v == nil then v = core.null end
            row[c] = v
          end
          list[i] = row
        end
        doc[tbl[1]] = list
      else
        doc[tbl[1]] = kb[tbl[1]](kb)   -- the records, as the API gives them
      end
    end
    return json(doc) .. "\n"
  end

  local function span_key(s)
    return string.format("%012d %012d %012d %s", s.src_ord, s.start, s.stop, s.key)
  end

  -- The REFI-QDA project: the sources, and as codes the analyst's codes,
  -- the entities (their mentions) and the records with evidence (their
  -- segments), each group under a parent code.
  local function qda_project(kb)
    local sources, src_ord = {}, {}
    for i, s in ipairs(kb:sql("SELECT id, title FROM source ORDER BY id")) do
      sources[i] = { key = "source:" .. s.id, name = s.title, text = kb:text(s.id) }
      src_ord[s.id] = i
    end
    local codes, sels, code_key = {}, {}, {}
    local function code(key, name, parent, description)
      if not code_key[key] then
        codes[#codes + 1] = { key = key, name = name, parent = parent,
                              description = description }
        code_key[key] = true
      end
      return key
    end
    local function select(key, name, src, start, stop, c)
      sels[#sels + 1] = { key = key, name = name, source = "source:" .. src,
                          src_ord = src_ord[src], start = start, stop = stop, code = c }
    end
    -- analyst codes
    local rows = kb:sql([[SELECT c.segment, c.code, s.source, s.start, s.stop
      FROM code c JOIN segment s ON s.id = c.segment ORDER BY c.code, c.segment]])
    if #rows > 0 then
      code("group:codes", "Codes", nil, "Codes applied by analysts")
      for _, r in ipairs(rows) do
        local c = code("code:" .. r.code, r.code, "group:codes")
        select("code:" .. r.segment .. ":" .. r.code, r.code, r.source, r.start, r.stop, c)
      end
    end
    -- entity mentions
    rows = kb:sql([[SELECT m.segment, m.entity, m.start, m.stop, s.source,
        e.name, e.description
      FROM mention m JOIN segment s ON s.id = m.segment JOIN entity e ON e.id = m.entity
      ORDER BY m.entity, m.segment, m.start]])
    if #rows > 0 then
      code("group:entities", "Entities", nil, "Mentions of the knowledge base's entities")
      for _, r in ipairs(rows) do
        local c = code("entity:" .. r.entity, r.name, "group:entities", r.description)
        select(string.format("mention:%d:%s:%d", r.segment, r.entity, r.start),
               r.name, r.source, r.start, r.stop, c)
      end
    end
    -- evidence of records
    rows = kb:sql([[SELECT v.record_type, v.record, v.ord, v.segment, s.source,
        s.start, s.stop FROM evidence v JOIN segment s ON s.id = v.segment
      ORDER BY v.record_type, v.record, v.ord]])
    for _, r in ipairs(rows) do
      local group = code("group:" .. r.record_type, "Evidence: " .. r.record_type, nil,
                         "Segments that " .. r.record_type .. " records rest on")
      local c = code(r.record_type .. ":" .. r.record, r.record, group)
      select(string.format("evidence:%s:%s:%d", r.record_type, r.record, r.ord),
             r.record, r.source, r.start, r.stop, c)
    end
    table.sort(sels, function(a, b) return span_key(a) < span_key(b) end)
    for _, s in ipairs(sels) do s.src_ord = nil end
    return { name = "sinorus: " .. ((sources[1] and sources[1].name) or "knowledge base"),
             codes = codes, sources = sources, selections = sels }
  end

  --- Exports records. format "json": every record type as one JSON object
  --- (or one type: {records = "claims"}); "csv": one record type (default
  --- "claims") as RFC 4180 CSV; "refi-qda": a REFI-QDA project (.qdpx) of
  --- the sources with their codes, entity mentions and evidence (needs a
  --- path); "html": the offline reader (sinorus.html) as PATH/index.html,
  --- PATH an existing directory. With a path the file is written atomically and the result is
  --- true, or nil and a message; without one the text is returned.
  function KB:export(format, path, opts)
    check_enum("export", 1, format, { "json", "csv", "refi-qda", "html" })
    util.check_path("export", 2, path, true)
    if format == "html" then   -- a static site: path is its directory
      if path == nil then argerror("export", 2, "format 'html' needs a directory") end
      util.check_opts("export", 3, opts, {})
      return require("sinorus.html").write(self, path)
    end
    opts = util.check_opts("export", 3, opts, { "records" })
    local records = opts.records
    if records ~= nil and not TABLE_OF[records] then
      argerror("export", 3, string.format("unknown record type '%s'; valid types: %s",
               tostring(records), table.concat(RECORD_NAMES, ", ")))
    end
    local text
    if format == "refi-qda" then
      if path == nil then argerror("export", 2, "format 'refi-qda' needs a path") end
      if records ~= nil then argerror("export", 3, "format 'refi-qda' takes no 'records'") end
      return core.write_qdpx(path, qda_project(self), self)
    elseif format == "json" then
      local tables = RECORD_TYPES
      if records then tables = { TABLE_OF[records] } end
      text = export_json(self, tables)
    else
      local r = TABLE_OF[records or "claims"]
      if r[2] then
        text = M.to_csv(table_rows(self, r[2]))
      else
        text = M.to_csv(self[r[1]](self), model.type(r[1]).columns)
      end
    end
    if path == nil then return text end
    return core.write_file(path, text, self)
  end

  -- graph methods blame their caller's line too (lua/sinorus/blame.lua)
  require("sinorus.blame").wrap_all(Graph)
end

return { methods = KB, module = M }
