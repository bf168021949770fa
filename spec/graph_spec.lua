-- Graphs and exports: measures on small graphs worked out by hand, the
-- writers parsed back, the knowledge-base layer (kb:graph, kb:export).

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local core = require "sinorus.core"
local cjson = require "cjson"


-- ---------------------------------------------------------------------
-- Helpers

local function sh(cmd)
  local ok = os.execute(cmd)
  return ok == true or ok == 0
end

local function tmpdir()
  local p = io.popen("mktemp -d /tmp/sinorus-graph-XXXXXX")
  local d = p:read("l")
  p:close()
  return d
end

local fs = require "spec.support.fs"
local function slurp(path) return assert(fs.slurp(path)) end
local spit = fs.spit

local listdir = fs.listdir

local function xml_ok(s)
  local f = os.tmpname()
  spit(f, s)
  local ok = sh("xmllint --noout '" .. f .. "' 2>/dev/null")
  os.remove(f)
  return ok
end

-- A strict RFC 4180 reader: CRLF records, quoted fields with "" escapes.
local function parse_csv(s)
  local rows, row, field = {}, {}, {}
  local i, n, inq, quoted = 1, #s, false, false
  while i <= n do
    local c = s:sub(i, i)
    if inq then
      if c == '"' then
        if s:sub(i + 1, i + 1) == '"' then field[#field + 1] = '"'; i = i + 1
        else inq = false end
      else
        field[#field + 1] = c
      end
    elseif c == '"' then
      assert(#field == 0 and not quoted, "quote inside an unquoted field")
      inq, quoted = true, true
    elseif c == "," then
      row[#row + 1] = table.concat(field); field = {}; quoted = false
    elseif c == "\r" then
      assert(s:sub(i + 1, i + 1) == "\n", "CR without LF")
      row[#row + 1] = table.concat(field); field = {}; quoted = false
      rows[#rows + 1] = row; row = {}
      i = i + 1
    else
      assert(c ~= "\n", "bare LF outside quotes")
      assert(not quoted, "text after a closing quote")
      field[#field + 1] = c
    end
    i = i + 1
  end
  assert(not inq, "unterminated quoted field")
  if #field > 0 or #row > 0 then
    row[#row + 1] = table.concat(field)
    rows[#rows + 1] = row
  end
  return rows
end

-- The double-quoted strings of a DOT text, unescaped.
local function dot_strings(s)
  local out, i = {}, 1
  while true do
    local q = s:find('"', i, true)
    if not q then break end
    local buf, j = {}, q + 1
    while true do
      local c = s:sub(j, j)
      assert(c ~= "", "unterminated DOT string")
      assert(c ~= "\n", "raw newline in a DOT string")
      if c == '"' then break end
      if c == "\\" then
        local e = s:sub(j + 1, j + 1)
        buf[#buf + 1] = e == "n" and "\n" or e
        j = j + 2
      else
        buf[#buf + 1] = c
        j = j + 1
      end
    end
    out[#out + 1] = table.concat(buf)
    i = j + 1
  end
  return out
end

local function contains(list, v)
  for _, x in ipairs(list) do if x == v then return true end end
  return false
end

local function close(a, b, eps)
  return math.abs(a - b) <= (eps or 1e-9)
end

-- A power-iteration PageRank in plain Lua with the documented rules:
-- weighted out-edges (both ways when undirected), dangling mass spread
-- uniformly, L1 stopping rule.
local function lua_pagerank(n, edges, directed, d, tol, max_iter)
  local wout, ins = {}, {}
  for i = 1, n do wout[i] = 0; ins[i] = {} end
  local function add(u, v, w)
    wout[u] = wout[u] + w
    local t = ins[v]
    t[#t + 1] = u; t[#t + 1] = w
  end
  for _, e in ipairs(edges) do
    add(e[1], e[2], e[3])
    if not directed and e[1] ~= e[2] then add(e[2], e[1], e[3]) end
  end
  local r = {}
  for i = 1, n do r[i] = 1 / n end
  for _ = 1, max_iter do
    local dangling = 0
    for i = 1, n do if wout[i] == 0 then dangling = dangling + r[i] end end
    local base = (1 - d) / n + d * dangling / n
    local nr, sum = {}, 0
    for v = 1, n do
      local s, t = 0, ins[v]
      for k = 1, #t, 2 do s = s + r[t[k]] / wout[t[k]] * t[k + 1] end
      nr[v] = base + d * s
      sum = sum + nr[v]
    end
    local delta = 0
    for i = 1, n do
      nr[i] = nr[i] / sum
      delta = delta + math.abs(nr[i] - r[i])
    end
    r = nr
    if delta < tol then break end
  end
  return r
end

local NASTY = {
  'say "hello"', "<b>&amp;</b>", "a, b", "line\nbreak", "Кремль", "中国",
  "Erdoğan's", "tab\there", "back\\slash",
}

-- ---------------------------------------------------------------------

describe("core.graph", function()

  describe("building", function()
    it("keeps nodes and edges as given", function()
      local g = core.graph { nodes = { "a", "b" }, directed = true,
        edges = { { from = "a", to = "b", sign = -1, weight = 0.5, type = "t" } } }
      assert.same({ "a", "b" }, g:nodes())
      assert.same({ { from = "a", to = "b", sign = -1, weight = 0.5, type = "t" } }, g:edges())
      assert.is_true(g:directed())
      assert.equal("sinorus.Graph(directed, 2 nodes, 1 edges)", tostring(g))
    end)

    it("defaults sign and weight to 1", function()
      local g = core.graph { nodes = { "a", "b" }, edges = { { "a", "b" } } }
      assert.same({ from = "a", to = "b", sign = 1, weight = 1 }, g:edges()[1])
    end)

    it("accepts integer nodes and edge columns", function()
      local g = core.graph { nodes = 3, from = { 1, 2 }, to = { 2, 3 },
                             sign = { 1, -1 }, weight = { 2, 3 } }
      assert.equal(3, g:order())
      assert.equal(2, g:size())
      assert.same({ from = 2, to = 3, sign = -1, weight = 3 }, g:edges()[2])
    end)

    it("rejects an edge to an unknown node", function()
      assert.has_error(function()
        core.graph { nodes = { "a" }, edges = { { from = "a", to = "zz" } } }
      end, "bad argument #1 to 'graph' (edge 1: unknown node 'zz')")
    end)

    it("rejects a sign other than -1, 0 or 1", function()
      assert.has_error(function()
        core.graph { nodes = { "a" }, edges = { { from = "a", to = "a", sign = 2 } } }
      end, "bad argument #1 to 'graph' (edge 1: sign must be -1, 0 or 1)")
    end)

    it("rejects a negative or non-finite weight", function()
      assert.has_error(function()
        core.graph { nodes = { "a" }, edges = { { "a", "a", weight = -1 } } }
      end, "bad argument #1 to 'graph' (edge 1: weight must be a finite number >= 0)")
      assert.has_error(function()
        core.graph { nodes = { "a" }, edges = { { "a", "a", weight = 0 / 0 } } }
      end, "bad argument #1 to 'graph' (edge 1: weight must be a finite number >= 0)")
    end)

    it("takes node numbers of a graph of n nodes as Lua takes integers (2.0 and \"2\" are 2)",
       function()
      local g = core.graph { nodes = 3, from = { 1, 2.0, "3" }, to = { 2.0, "3", 1 } }
      local plain = core.graph { nodes = 3, from = { 1, 2, 3 }, to = { 2, 3, 1 } }
      assert.same(plain:pagerank(0.85, 1e-12, 100), g:pagerank(0.85, 1e-12, 100))
      assert.same(g:degree(2), g:degree(2.0))
      assert.same(g:degree(2), g:degree("2"))
      assert.has_error(function() g:degree(2.5) end)
      assert.has_error(function()
        core.graph { nodes = 3, from = { 1 }, to = { "two" } }
      end, "bad argument #1 to 'graph' (edge 1: unknown node 'two')")
    end)

    it("reads each column of the spec once, whatever its __index does", function()
      local calls = 0
      local spec = setmetatable({ nodes = 2, from = { 1, 2 }, to = { 2, 1 } }, {
        __index = function(_, k)
          if k == "type" then
            calls = calls + 1
            if calls >= 2 then return { "a", "b" } end
          end
        end })
      local g = core.graph(spec)
      assert.equals(1, calls)
      assert.equals(2, #g:pagerank(0.85, 1e-12, 100))
    end)

    it("names the edge and field of a bad value in a later batch of columns", function()
      -- each case spoils one value of otherwise good columns of 100 edges
      local cases = {
        { "weight", 70, -1, "edge 70: weight must be a finite number >= 0" },
        { "sign", 41, 5, "edge 41: sign must be -1, 0 or 1" },
        { "to", 99, 3, "edge 99: unknown node '3'" },
        { "from", 33, 2.5, "edge 33: unknown node '2.5'" },
        { "to", 100, nil, "edge 100: missing 'to'" },
      }
      for _, case in ipairs(cases) do
        local cols = { from = {}, to = {}, sign = {}, weight = {} }
        for i = 1, 100 do
          cols.from[i], cols.to[i], cols.sign[i], cols.weight[i] = 1, 2, 1, 1
        end
        local field, edge, value, msg = table.unpack(case, 1, 4)
        cols[field][edge] = value
        assert.has_error(function()
          core.graph { nodes = 2, from = cols.from, to = cols.to, sign = cols.sign,
                       weight = cols.weight }
        end, "bad argument #1 to 'graph' (" .. msg .. ")")
      end
    end)

    it("rejects a node given twice", function()
      assert.has_error(function() core.graph { nodes = { "a", "a" } } end,
        "bad argument #1 to 'graph' (node 'a' given twice)")
    end)

    it("rejects a spec that is not a table", function()
      assert.has_error(function() core.graph("x") end,
        "bad argument #1 to 'graph' (table expected, got string)")
    end)

    it("is closed by close, __close and idempotently", function()
      local g = core.graph { nodes = 1 }
      g:close()
      g:close()
      assert.equal("sinorus.Graph (closed)", tostring(g))
      assert.has_error(function() g:nodes() end, "attempt to use a closed graph")
      do
        local h <close> = core.graph { nodes = 1 }
        assert.equal(1, h:order())
      end
    end)

    it("names an unknown node in a method's error", function()
      local g = core.graph { nodes = { "a" } }
      assert.has_error(function() g:degree("zz") end,
        "bad argument #1 to 'degree' (no node 'zz' in the graph)")
    end)
  end)

  describe("structural balance", function()
    local function triangle(s1, s2, s3)
      return core.graph { nodes = { "a", "b", "c" }, edges = {
        { "a", "b", sign = s1 }, { "b", "c", sign = s2 }, { "c", "a", sign = s3 } } }
    end

    it("finds an all-positive triangle balanced", function()
      local b = triangle(1, 1, 1):balance()
      assert.same({ 1, 1, 0, 1.0, 3 }, { b.triangles, b.balanced, b.unbalanced, b.ratio, b.ties })
      assert.same({}, b.triads)
    end)

    it("finds a friendly pair with a common enemy balanced", function()
      local b = triangle(1, -1, -1):balance()
      assert.equal(1, b.balanced)
      assert.equal(1.0, b.ratio)
    end)

    it("finds a triangle with one negative tie unbalanced and lists it", function()
      local b = triangle(1, 1, -1):balance()
      assert.same({ 1, 0, 1, 0.0 }, { b.triangles, b.balanced, b.unbalanced, b.ratio })
      assert.same({ { "a", "b", "c", 1, 1, -1 } }, b.triads)
    end)

    it("finds an all-negative triangle unbalanced", function()
      assert.equal(0.0, triangle(-1, -1, -1):balance().ratio)
    end)

    it("leaves out ties of sign 0", function()
      local b = triangle(1, 0, 1):balance()
      assert.equal(0, b.triangles)
      assert.equal(2, b.ties)
      assert.equal(1.0, b.ratio)   -- vacuously balanced
    end)

    it("combines reciprocal edges by the sign of the summed signed weights", function()
      -- a->b +0.2 and b->a -0.9: the tie a-b is negative
      local g = core.graph { nodes = { "a", "b", "c" }, directed = true, edges = {
        { "a", "b", sign = 1, weight = 0.2 }, { "b", "a", sign = -1, weight = 0.9 },
        { "b", "c", sign = 1 }, { "c", "a", sign = 1 } } }
      local b = g:balance()
      assert.equal(3, b.ties)
      assert.same({ { "a", "b", "c", -1, 1, 1 } }, b.triads)
    end)

    it("falls back to the sum of signs when the signed weights cancel", function()
      local g = core.graph { nodes = { "a", "b", "c" }, directed = true, edges = {
        { "a", "b", sign = 1, weight = 0 }, { "b", "c", sign = -1 }, { "c", "a", sign = 1 } } }
      assert.equal(1, g:balance().unbalanced)
    end)

    it("counts the triangles of a complete signed graph", function()
      -- K4 with one negative edge: triangles through it are unbalanced (2 of 4)
      local g = core.graph { nodes = 4, edges = {
        { 1, 2, sign = -1 }, { 1, 3 }, { 1, 4 }, { 2, 3 }, { 2, 4 }, { 3, 4 } } }
      local b = g:balance()
      assert.same({ 4, 2, 2, 0.5 }, { b.triangles, b.balanced, b.unbalanced, b.ratio })
      assert.same({ { 1, 2, 3, -1, 1, 1 }, { 1, 2, 4, -1, 1, 1 } }, b.triads)
    end)

    it("skips the list when asked", function()
      local b = triangle(1, 1, -1):balance(false)
      assert.equal(1, b.unbalanced)
      assert.same({}, b.triads)
    end)
  end)

  describe("on a star", function()
    local star = core.graph { nodes = { "c", "l1", "l2", "l3", "l4" }, edges = {
      { "c", "l1", sign = 1, weight = 2 }, { "c", "l2", sign = -1, weight = 1 },
      { "l3", "c", sign = 1, weight = 1 }, { "l4", "c", sign = 0, weight = 1 } } }

    it("gives the centre degree 4 and each leaf 1", function()
      assert.equal(4, star:degree("c").degree)
      assert.equal(1, star:degree("l1").degree)
    end)

    it("sums signed and absolute strength", function()
      local d = star:degree("c")
      assert.equal(2 - 1 + 1 + 0, d.strength)
      assert.equal(5, d.abs_strength)
    end)

    it("ranks the centre first with the PageRank worked out by hand", function()
      -- unweighted star: c = 0.03 + 3.4 l, l = 0.03 + 0.2125 c
      local g = core.graph { nodes = 5, edges = { { 1, 2 }, { 1, 3 }, { 1, 4 }, { 1, 5 } } }
      local r, iters, conv = g:pagerank(0.85, 1e-12, 1000)
      local l = 0.036375 / 0.2775
      assert.is_true(close(r[1], 0.03 + 3.4 * l, 1e-9))
      for i = 2, 5 do assert.is_true(close(r[i], l, 1e-9)) end
      assert.is_true(conv)
      assert.is_true(iters > 1)
    end)

    it("gives an ego network of the centre and its neighbours", function()
      local e = star:ego("l1")
      assert.same({ "c", "l1" }, e:nodes())
      assert.equal(1, e:size())
      assert.same({ "c", "l1", "l2", "l3", "l4" }, star:ego("l1", 2):nodes())
      assert.same({ "l1" }, star:ego("l1", 0):nodes())
    end)
  end)

  describe("on a directed path a -> b -> c", function()
    local g = core.graph { nodes = { "a", "b", "c" }, directed = true, edges = {
      { "a", "b", weight = 1 }, { "b", "c", weight = 4 } } }

    it("counts in- and out-degree and strength", function()
      local d = g:degree("b")
      assert.same({ 2, 1, 1, 5, 1, 4 },
        { d.degree, d.in_degree, d.out_degree, d.strength, d.in_strength, d.out_strength })
    end)

    it("computes PageRank with the dangling node's mass spread uniformly", function()
      -- base = (0.15 + 0.85 r_c) / 3, r_a = base, r_b = 1.85 base, r_c = 2.5725 base
      local r = g:pagerank(0.85, 1e-14, 1000)
      local base = 1 / 5.4225
      assert.is_true(close(r[1], base, 1e-9))
      assert.is_true(close(r[2], 1.85 * base, 1e-9))
      assert.is_true(close(r[3], 2.5725 * base, 1e-9))
    end)

    it("stops after max_iter iterations", function()
      local _, iters, conv = g:pagerank(0.85, 0, 7)
      assert.equal(7, iters)
      assert.is_false(conv)
    end)

    it("rejects a damping outside [0, 1]", function()
      assert.has_error(function() g:pagerank(1.5) end,
        "bad argument #1 to 'pagerank' (damping must be in [0, 1])")
    end)

    it("follows edges forwards and not backwards", function()
      assert.same({ "a", "b", "c" }, (g:path("a", "c")))
      assert.is_nil(g:path("c", "a"))
    end)

    it("ignores direction when asked", function()
      assert.same({ "c", "b", "a" }, (g:path("c", "a", "hops", true)))
    end)

    it("costs an edge 1 / weight by weight", function()
      local p, cost = g:path("a", "c", "weight")
      assert.same({ "a", "b", "c" }, p)
      assert.equal(1 + 0.25, cost)
    end)

    it("gives a path of one node from a node to itself", function()
      local p, cost = g:path("b", "b")
      assert.same({ "b" }, p)
      assert.equal(0, cost)
    end)
  end)

  describe("paths", function()
    it("prefers fewer hops by hops and strong ties by weight", function()
      -- a-d directly (weak, 0.1) or a-b-c-d (strong, 1 each)
      local g = core.graph { nodes = { "a", "b", "c", "d" }, edges = {
        { "a", "d", weight = 0.1 }, { "a", "b" }, { "b", "c" }, { "c", "d" } } }
      assert.same({ "a", "d" }, (g:path("a", "d", "hops")))
      local p, cost = g:path("a", "d", "weight")
      assert.same({ "a", "b", "c", "d" }, p)
      assert.equal(3, cost)
    end)

    it("never uses an edge of weight 0 by weight", function()
      local g = core.graph { nodes = { "a", "b" }, edges = { { "a", "b", weight = 0 } } }
      assert.is_nil(g:path("a", "b", "weight"))
      assert.same({ "a", "b" }, (g:path("a", "b", "hops")))
    end)

    it("rejects an unknown mode", function()
      local g = core.graph { nodes = { "a" } }
      assert.has_error(function() g:path("a", "a", "fast") end,
        "bad argument #3 to 'path' (invalid option 'fast')")
    end)
  end)

  describe("components", function()
    it("separates a disconnected pair", function()
      local g = core.graph { nodes = { "a", "b", "c", "d" }, edges = { { "a", "b" }, { "c", "d" } } }
      assert.same({ { "a", "b" }, { "c", "d" } }, g:components())
      assert.is_nil(g:path("a", "d"))
    end)

    it("joins nodes weakly on a directed graph", function()
      local g = core.graph { nodes = { "a", "b", "c" }, directed = true,
                             edges = { { "a", "b" }, { "c", "b" } } }
      assert.same({ { "a", "b", "c" } }, g:components())
    end)

    it("puts an isolated node in its own component", function()
      local g = core.graph { nodes = { "x", "y" } }
      assert.same({ { "x" }, { "y" } }, g:components())
    end)
  end)

  describe("PageRank", function()
    -- a small pseudo-random signed graph with dangling nodes and self-loops
    local n, edges, spec = 60, {}, { nodes = 60, from = {}, to = {}, weight = {}, directed = true }
    local seed = 7
    local function rnd(k) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % k end
    for i = 1, 300 do
      local u, v, w = rnd(50) + 1, rnd(60) + 1, (rnd(100) + 1) / 100
      edges[i] = { u, v, w }
      spec.from[i], spec.to[i], spec.weight[i] = u, v, w
    end
    local g = core.graph(spec)

    it("sums to 1", function()
      local r = g:pagerank()
      local s = 0
      for i = 1, n do s = s + r[i] end
      assert.is_true(close(s, 1, 1e-12))
    end)

    it("matches a power iteration written in Lua", function()
      local r = g:pagerank(0.85, 1e-13, 500)
      local ref = lua_pagerank(n, edges, true, 0.85, 1e-13, 500)
      for i = 1, n do assert.is_true(close(r[i], ref[i], 1e-10)) end
    end)

    it("matches the Lua reference on an undirected graph", function()
      local u = core.graph { nodes = spec.nodes, from = spec.from, to = spec.to,
                             weight = spec.weight }
      local r = u:pagerank(0.7, 1e-13, 500)
      local ref = lua_pagerank(n, edges, false, 0.7, 1e-13, 500)
      for i = 1, n do assert.is_true(close(r[i], ref[i], 1e-10)) end
    end)

    it("is uniform on a graph without edges", function()
      local r = core.graph { nodes = 4 }:pagerank()
      assert.same({ 0.25, 0.25, 0.25, 0.25 }, r)
    end)
  end)

  describe("writers", function()
    local ids = { "a", "b", "c" }
    local labels = { a = NASTY[1], b = NASTY[2], c = NASTY[5] }
    local attrs = { a = { kind = NASTY[3], note = NASTY[4] }, b = { kind = NASTY[6] }, c = {} }
    local g = core.graph { nodes = ids, directed = true, name = NASTY[7],
      labels = labels, attrs = attrs, edges = {
        { "a", "b", sign = 1, weight = 0.1, type = NASTY[8] },
        { "b", "c", sign = -1, weight = 2.5, type = NASTY[9] },
        { "c", "a", sign = 0, weight = 1 } } }

    it("writes JSON that parses back to the same graph", function()
      local j = cjson.decode(g:write("json"))
      assert.is_true(j.directed)
      assert.equal(NASTY[7], j.name)
      assert.equal(3, #j.nodes)
      assert.same({ id = "a", label = NASTY[1], attributes = { kind = NASTY[3], note = NASTY[4] } },
                  j.nodes[1])
      assert.same({ id = "c", label = NASTY[5], attributes = {} }, j.nodes[3])
      assert.same({ source = "a", target = "b", sign = 1, weight = 0.1, type = NASTY[8] },
                  j.edges[1])
      assert.equal(cjson.null, j.edges[3].type)
    end)

    it("writes well-formed GraphML with every name escaped", function()
      local x = g:write("graphml")
      assert.is_true(xml_ok(x))
      assert.truthy(x:find("&lt;b&gt;&amp;amp;&lt;/b&gt;", 1, true))
      assert.truthy(x:find("line&#10;break", 1, true))
      assert.truthy(x:find("Кремль", 1, true))
      assert.truthy(x:find('edgedefault="directed"', 1, true))
    end)

    it("writes well-formed GEXF", function()
      local x = g:write("gexf")
      assert.is_true(xml_ok(x))
      assert.truthy(x:find('<gexf xmlns="http://gexf.net/1.3" version="1.3">', 1, true))
      assert.truthy(x:find('weight="2.5"', 1, true))
    end)

    it("writes DOT whose strings read back as the names", function()
      local d = g:write("dot")
      assert.truthy(d:find("^digraph "))
      local strs = dot_strings(d)
      for _, s in ipairs { NASTY[1], NASTY[2], NASTY[3], NASTY[4], NASTY[5], NASTY[7],
                           NASTY[8], NASTY[9] } do
        assert.is_true(contains(strs, s), s)
      end
    end)

    it("writes the same text twice", function()
      for _, f in ipairs { "dot", "graphml", "gexf", "json" } do
        assert.equal(g:write(f), g:write(f))
      end
    end)

    it("replaces invalid UTF-8 so the output stays well-formed", function()
      local h = core.graph { nodes = { "bad\xff\xfeid" } }
      assert.is_true(xml_ok(h:write("graphml")))
      assert.equal("bad\u{FFFD}\u{FFFD}id", cjson.decode(h:write("json")).nodes[1].id)
    end)

    it("writes an undirected graph as such", function()
      local h = core.graph { nodes = { "a", "b" }, edges = { { "a", "b" } } }
      assert.truthy(h:write("dot"):find('"a" -- "b"', 1, true))
      assert.truthy(h:write("gexf"):find('defaultedgetype="undirected"', 1, true))
    end)

    it("rejects an unknown format", function()
      assert.has_error(function() g:write("svg") end,
        "bad argument #1 to 'write' (invalid option 'svg')")
    end)
  end)

  describe("escaping", function()
    it("quotes CSV fields as RFC 4180 says", function()
      assert.equal("plain", core.escape("csv", "plain"))
      assert.equal('"a, b"', core.escape("csv", "a, b"))
      assert.equal('"say ""hi"""', core.escape("csv", 'say "hi"'))
      assert.equal('"x\ny"', core.escape("csv", "x\ny"))
      assert.equal("中国", core.escape("csv", "中国"))
    end)

    it("escapes JSON strings so cjson reads them back", function()
      for _, s in ipairs(NASTY) do
        assert.equal(s, cjson.decode("[" .. core.escape("json", s) .. "]")[1])
      end
      assert.equal('"\\u0001"', core.escape("json", "\1"))
    end)

    it("escapes XML entities and line breaks", function()
      assert.equal("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&#10;",
                   core.escape("xml", "<a href=\"x\">&'\n"))
      assert.equal("ok", core.escape("xml", "o\1k"))
    end)

    it("escapes DOT strings", function()
      assert.equal('"a\\"b\\\\c\\nd"', core.escape("dot", 'a"b\\c\nd'))
    end)

    it("rejects an unknown format", function()
      assert.has_error(function() core.escape("yaml", "x") end,
        "bad argument #1 to 'escape' (invalid option 'yaml')")
    end)
  end)

  describe("files", function()
    it("writes a file atomically", function()
      local d = tmpdir()
      assert.is_true(core.write_file(d .. "/out.txt", "hello"))
      assert.equal("hello", slurp(d .. "/out.txt"))
      assert.is_true(core.write_file(d .. "/out.txt", "again"))
      assert.equal("again", slurp(d .. "/out.txt"))
      assert.same({ "out.txt" }, listdir(d))
      sh("rm -rf '" .. d .. "'")
    end)

    it("returns nil and a message for an unwritable path and leaves nothing", function()
      local d = tmpdir()
      local ok, msg = core.write_file(d .. "/no/such/dir/x.json", "x")
      assert.is_nil(ok)
      assert.equal("cannot write '" .. d .. "/no/such/dir/x.json': No such file or directory", msg)
      -- a directory in the way: the rename fails, the temporary file goes
      sh("mkdir '" .. d .. "/sub'")
      ok, msg = core.write_file(d .. "/sub", "x")
      assert.is_nil(ok)
      assert.truthy(msg:find("^cannot write"))
      assert.same({ "sub" }, listdir(d))
      sh("rm -rf '" .. d .. "'")
    end)

    it("derives the same GUID from the same key", function()
      local g1 = core.guid("code:china")
      assert.equal(g1, core.guid("code:china"))
      assert.not_equal(g1, core.guid("code:russia"))
      assert.truthy(g1:match("^%x%x%x%x%x%x%x%x%-%x%x%x%x%-8%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$"))
    end)
  end)

  describe("REFI-QDA projects", function()
    local text = "Кремль and Beijing met. \"Quotes\" & <tags>, too.\n"
    local project = {
      name = "test <project>",
      codes = { { key = "g", name = "Entities" },
                { key = "c1", name = NASTY[1], parent = "g", description = NASTY[4] },
                { key = "c2", name = "Beijing" } },
      sources = { { key = "s1", name = NASTY[3], text = text } },
      selections = {
        { key = "x1", name = "Kremlin", source = "s1", code = "c1", start = 1, stop = 12 },
        { key = "x2", source = "s1", code = "c2", start = 18, stop = 24 },
      },
    }

    local function unzip(path, entry)
      local p = io.popen("unzip -p '" .. path .. "' '" .. entry .. "'")
      local s = p:read("a")
      p:close()
      return s
    end

    it("writes a zip with a well-formed project.qde and the source text", function()
      local d = tmpdir()
      local path = d .. "/p.qdpx"
      assert.is_true(core.write_qdpx(path, project))
      local qde = unzip(path, "project.qde")
      assert.is_true(xml_ok(qde))
      local sguid = core.guid("source:s1")
      assert.truthy(qde:find('plainTextPath="internal://' .. sguid .. '.txt"', 1, true))
      assert.equal(text, unzip(path, "Sources/" .. sguid .. ".txt"))
      sh("rm -rf '" .. d .. "'")
    end)

    it("gives selections 0-based character positions, end exclusive", function()
      local d = tmpdir()
      assert.is_true(core.write_qdpx(d .. "/p.qdpx", project))
      local qde = unzip(d .. "/p.qdpx", "project.qde")
      -- bytes 1..12 are the six Cyrillic letters: characters [0, 6)
      assert.truthy(qde:find('startPosition="0" endPosition="6"', 1, true))
      -- bytes 18..24 ("Beijing") are characters 11..17: [11, 18)
      assert.truthy(qde:find('startPosition="11" endPosition="18"', 1, true))
      assert.truthy(qde:find('<CodeRef targetGUID="' .. core.guid("code:c2") .. '"/>', 1, true))
      sh("rm -rf '" .. d .. "'")
    end)

    it("nests codes under their parents", function()
      local d = tmpdir()
      assert.is_true(core.write_qdpx(d .. "/p.qdpx", project))
      local qde = unzip(d .. "/p.qdpx", "project.qde")
      local g = qde:find('name="Entities"', 1, true)
      local c1 = qde:find('name="say &quot;hello&quot;"', 1, true)
      local close1 = qde:find("</Code>", 1, true)
      assert.truthy(g < c1 and c1 < close1)
      sh("rm -rf '" .. d .. "'")
    end)

    it("writes the same bytes twice", function()
      local d = tmpdir()
      assert.is_true(core.write_qdpx(d .. "/a.qdpx", project))
      assert.is_true(core.write_qdpx(d .. "/b.qdpx", project))
      assert.equal(slurp(d .. "/a.qdpx"), slurp(d .. "/b.qdpx"))
      sh("rm -rf '" .. d .. "'")
    end)

    it("returns nil and a message for an unwritable path and leaves nothing", function()
      local d = tmpdir()
      local ok, msg = core.write_qdpx(d .. "/missing/p.qdpx", project)
      assert.is_nil(ok)
      local prefix = "cannot write '" .. d .. "/missing/p.qdpx': "
      assert.equal(prefix, msg:sub(1, #prefix))
      assert.same({}, listdir(d))
      sh("rm -rf '" .. d .. "'")
    end)

    it("rejects a selection that splits a character", function()
      local bad = { codes = project.codes, sources = project.sources,
        selections = { { key = "x", source = "s1", code = "c2", start = 2, stop = 5 } } }
      assert.has_error(function() core.write_qdpx("/tmp/never.qdpx", bad) end,
        "bad argument #2 to 'write_qdpx' (cannot write '/tmp/never.qdpx': " ..
        "a selection lies outside its source or splits a character)")
    end)

    it("rejects a selection of an unknown code", function()
      local bad = { codes = project.codes, sources = project.sources,
        selections = { { key = "x", source = "s1", code = "nope", start = 1, stop = 1 } } }
      assert.has_error(function() core.write_qdpx("/tmp/never.qdpx", bad) end,
        "bad argument #2 to 'write_qdpx' (selection 1: unknown code)")
    end)
  end)
end)

-- ---------------------------------------------------------------------
-- The knowledge-base layer, on a small KB made for the test

describe("kb:graph and kb:export", function()
  local dir, kb

  local TEXT = "China backs Russia. Russia and Ukraine fight.\n\n" ..
               "The USA backs Ukraine, and China trades with the USA."

  setup(function()
    dir = tmpdir()
    kb = assert(sinorus.open(dir .. "/t.sqlite", { create = true, empty = true }))
    local src, segs = internal.add_source(kb, { title = 'Test "source" <1>', text = TEXT })
    local function ent(id, name, kind)
      internal.exec(kb, "INSERT INTO entity (id, name, kind) VALUES (?, ?, ?)", id, name, kind)
      internal.exec(kb, "INSERT INTO alias (entity, alias, folded, ord, script) "
                    .. "VALUES (?, ?, ?, 1, 'Latn')", id, name, name:lower())
    end
    ent("china", "China", "state")
    ent("russia", "Russia", "state")
    ent("ukraine", "Ukraine", "state")
    ent("usa", "United States, the \"USA\"", "state")
    ent("nobody", "Nobody", "person")
    local function rel(id, a, b, sign, w, h)
      internal.exec(kb, [[INSERT INTO relation (id, src, dst, type, sign, weight, horizon)
                 VALUES (?, ?, ?, 'test', ?, ?, ?)]], id, a, b, sign, w, h)
    end
    rel("r1", "china", "russia", 1, 0.8, "both")
    rel("r2", "russia", "ukraine", -1, 1.0, "short")
    rel("r3", "usa", "ukraine", 1, 0.9, "long")
    rel("r4", "china", "usa", 1, 0.4, "long")
    rel("r5", "usa", "russia", -1, 0.7, "both")
    -- mentions: every occurrence of each name in each sentence, as the
    -- tagger finds them (the USA by a second alias, gone again after, so
    -- that the exports below show the entity as it was written)
    internal.exec(kb, "INSERT INTO alias (entity, alias, folded, ord, script) "
                  .. "VALUES ('usa', 'USA', 'usa', 2, 'Latn')")
    internal.tag(kb)
    internal.exec(kb, "DELETE FROM alias WHERE entity = 'usa' AND ord = 2")
    assert.equal(8, kb:sql("SELECT count(*) AS n FROM mention")[1].n)
    internal.exec(kb, "INSERT INTO code (segment, code) VALUES (?, 'conflict')", segs[#segs])
    assert.equal(1, src)
  end)

  teardown(function()
    kb:close()
    sh("rm -rf '" .. dir .. "'")
  end)

  describe("relations", function()
    it("has the entities that take part as nodes, in id order", function()
      local g = kb:graph()
      local ids = {}
      for i, n in ipairs(g:nodes()) do ids[i] = n.id end
      assert.same({ "china", "russia", "ukraine", "usa" }, ids)
      assert.equal(5, #g:edges())
    end)

    it("keeps a horizon and the relations marked both", function()
      local ids = {}
      for i, e in ipairs(kb:graph { horizon = "short" }:edges()) do ids[i] = e.from .. ">" .. e.to end
      assert.same({ "china>russia", "russia>ukraine", "usa>russia" }, ids)
      assert.equal(4, #kb:graph { horizon = "long" }:edges())
      assert.equal(2, #kb:graph { horizon = "both" }:edges())
    end)

    it("prints a signed summary", function()
      assert.equal("sinorus.Graph(relations, directed): 4 nodes, 5 edges (3 positive, 2 negative, 0 unsigned)",
                   tostring(kb:graph()))
    end)

    it("gives degree and strength of an entity", function()
      local g = kb:graph()
      assert.same({ 3, 2, 1 }, { g:degree("russia") })
      local s, a = g:strength("russia")
      assert.is_true(close(s, 0.8 - 0.7 - 1.0))
      assert.is_true(close(a, 2.5))
    end)

    it("ranks nodes by PageRank, summing to 1", function()
      local pr = kb:graph():pagerank { damping = 0.85 }
      local s = 0
      for _, r in ipairs(pr) do s = s + r.score end
      assert.is_true(close(s, 1, 1e-12))
      assert.equal(1, pr[1].rank)
      assert.is_true(pr[1].score >= pr[2].score)
      assert.truthy(tostring(pr):find("rank", 1, true))
    end)

    it("finds the unbalanced triangle and names it", function()
      -- china-russia +, russia-usa -, china-usa +: unbalanced
      -- russia-ukraine -, usa-ukraine +, russia-usa -: balanced
      local b = kb:graph():balance()
      assert.same({ 2, 1, 1, 0.5 }, { b.triangles, b.balanced, b.unbalanced, b.ratio })
      assert.same({ "china", "russia", "usa" }, b.unbalanced_triangles[1].ids)
      assert.equal("China", b.unbalanced_triangles[1].a)
      assert.truthy(tostring(b):find("0.500 (1 of 2 triangles balanced", 1, true))
    end)

    it("finds paths between entity ids", function()
      local p = kb:graph():path("china", "ukraine")
      assert.equal(2, p.hops)
      assert.equal("china", p[1].id)
      assert.equal("ukraine", p[3].id)
      local w = kb:graph():path("china", "ukraine", { by = "weight", directed = true })
      assert.same({ "china", "russia", "ukraine" }, { w[1].id, w[2].id, w[3].id })
      assert.is_true(close(w.cost, 1 / 0.8 + 1))
    end)

    it("gives the ego network of an entity", function()
      local e = kb:graph():ego("ukraine")
      assert.equal(3, #e:nodes())
      assert.truthy(tostring(e):find("ego of ukraine", 1, true))
    end)

    it("lists one component", function()
      local c = kb:graph():components()
      assert.equal(1, #c)
      assert.equal(4, c[1].size)
    end)

    it("labels nodes with entity names in every writer", function()
      local j = cjson.decode(kb:graph():to_json())
      assert.equal('United States, the "USA"', j.nodes[4].label)
      assert.equal("state", j.nodes[4].attributes.kind)
      assert.is_true(xml_ok(kb:graph():to_graphml()))
      assert.is_true(xml_ok(kb:graph():to_gexf()))
      assert.truthy(kb:graph():to_dot():find('label="United States, the \\"USA\\""', 1, true))
    end)

    it("resolves names and aliases", function()
      assert.same({ 3, 2, 1 }, { kb:graph():degree("Russia") })
    end)

    it("raises for an unknown entity", function()
      assert.has_error(function() kb:graph():degree("Atlantis") end,
        "bad argument #1 to 'degree' (unknown entity 'Atlantis')")
    end)

    it("raises for an entity that is not in the graph", function()
      assert.has_error(function() kb:graph():degree("nobody") end,
        "bad argument #1 to 'degree' (entity 'nobody' is not in the graph)")
    end)

    it("raises for an unknown kind", function()
      assert.has_error(function() kb:graph { kind = "friends" } end,
        "bad argument #1 to 'graph' (invalid option 'friends'; expected one of: relations, mentions)")
    end)

    it("raises for an unknown option", function()
      assert.has_error(function() kb:graph { knd = "relations" } end,
        "bad argument #1 to 'graph' (unknown filter key 'knd'; valid keys: horizon, kind, limit, offset, unit)")
    end)
  end)

  describe("mentions", function()
    it("joins entities that share a sentence, weighted by sentences", function()
      local g = kb:graph { kind = "mentions" }
      assert.is_false(g:core():directed())
      local w = {}
      for _, e in ipairs(g:edges()) do w[e.from .. "-" .. e.to] = e.weight end
      assert.same({ ["china-russia"] = 1, ["russia-ukraine"] = 1, ["ukraine-usa"] = 1,
                    ["china-usa"] = 1, ["china-ukraine"] = 1 }, w)
    end)

    it("joins entities that share a paragraph by paragraph", function()
      local g = kb:graph { kind = "mentions", unit = "paragraph" }
      local w = {}
      for _, e in ipairs(g:edges()) do w[e.from .. "-" .. e.to] = e.weight end
      assert.equal(1, w["china-russia"])
      assert.equal(1, w["russia-ukraine"])
      assert.is_nil(w["russia-usa"])
    end)

    it("rejects a horizon", function()
      assert.has_error(function() kb:graph { kind = "mentions", horizon = "long" } end,
        "bad argument #1 to 'graph' ('horizon' applies to kind 'relations' only)")
    end)
  end)

  describe("export", function()
    it("returns every record type as one JSON document", function()
      local j = cjson.decode(kb:export("json"))
      assert.equal("sinorus", j.format)
      assert.equal(5, #j.relations)
      assert.equal("r1", j.relations[1].id)
      assert.equal('United States, the "USA"', j.entities[5].name)
      assert.equal(TEXT, j.sources[1].text)
      assert.same({}, j.claims)
    end)

    it("exports a source's authors as a list, as kb:sources() gives them", function()
      local art = sinorus.open()
      local j = cjson.decode(art:export("json", nil, { records = "sources" }))
      assert.same(art:sources()[1].authors, j.sources[1].authors)
      assert.equal("table", type(j.sources[1].authors))
      local rows = parse_csv(art:export("csv", nil, { records = "sources" }))
      assert.equal("authors", rows[1][3])
      assert.equal(table.concat(art:sources()[1].authors, "; "), rows[2][3])
      art:close()
    end)

    it("exports one record type as JSON", function()
      local j = cjson.decode(kb:export("json", nil, { records = "relations" }))
      assert.equal(5, #j.relations)
      assert.is_nil(j.entities)
    end)

    it("exports records as RFC 4180 CSV that parses back", function()
      local rows = parse_csv(kb:export("csv", nil, { records = "entities" }))
      assert.same({ "id", "name", "kind", "aliases", "description" }, rows[1])
      assert.same({ "usa", 'United States, the "USA"', "state", 'United States, the "USA"', "" },
                  rows[6])
      local src = parse_csv(kb:export("csv", nil, { records = "sources" }))
      assert.equal(TEXT, src[2][8])
    end)

    it("writes a file atomically and returns true", function()
      assert.is_true(kb:export("json", dir .. "/all.json"))
      assert.equal(kb:export("json"), slurp(dir .. "/all.json"))
    end)

    it("writes a REFI-QDA project with codes, mentions and sources", function()
      local path = dir .. "/kb.qdpx"
      assert.is_true(kb:export("refi-qda", path))
      local p = io.popen("unzip -p '" .. path .. "' project.qde")
      local qde = p:read("a")
      p:close()
      assert.is_true(xml_ok(qde))
      assert.truthy(qde:find('name="conflict"', 1, true))
      assert.truthy(qde:find('name="United States, the &quot;USA&quot;"', 1, true))
      local _, sels = qde:gsub("<PlainTextSelection ", "")
      assert.equal(8 + 1, sels)   -- 8 mentions and one code
      -- the first mention of China: "China" at characters [0, 5)
      assert.truthy(qde:find('startPosition="0" endPosition="5"', 1, true))
    end)

    it("returns nil and a message for an unwritable path, leaving no file", function()
      local ok, msg = kb:export("json", dir .. "/none/x.json")
      assert.is_nil(ok)
      assert.equal("cannot write '" .. dir .. "/none/x.json': No such file or directory", msg)
      ok = kb:export("refi-qda", dir .. "/none/x.qdpx")
      assert.is_nil(ok)
      assert.is_false(contains(listdir(dir), "none"))
    end)

    it("needs a path for refi-qda", function()
      assert.has_error(function() kb:export("refi-qda") end,
        "bad argument #2 to 'export' (format 'refi-qda' needs a path)")
    end)

    it("raises for an unknown format", function()
      assert.has_error(function() kb:export("xlsx") end,
        "bad argument #1 to 'export' (invalid option 'xlsx'; expected one of: json, csv, refi-qda, html)")
    end)

    it("raises for an unknown record type, naming the valid ones", function()
      assert.has_error(function() kb:export("csv", nil, { records = "spies" }) end,
        "bad argument #3 to 'export' (unknown record type 'spies'; valid types: sources, " ..
        "segments, mentions, evidence, " ..
        table.concat(require("sinorus.model").names("plural"), ", ") .. ", codes)")
    end)

    it("exports every record type in the shape of its API records", function()
      local builtin <close> = sinorus.open()
      local model = require "sinorus.model"
      local all = cjson.decode(builtin:export("json"))
      for _, t in ipairs(model.TYPES) do
        local list = builtin[t.plural](builtin)
        assert.same(cjson.decode(sinorus.to_json(list)), all[t.plural], t.plural)
        assert.equal(builtin:export("json", nil, { records = t.plural }),
                     sinorus.to_json { format = "sinorus", version = sinorus.version,
                                       schema = sinorus.schema_version, [t.plural] = list }
                     .. "\n")
      end
    end)

    it("gives one record type the same CSV columns by export and by to_csv", function()
      local builtin <close> = sinorus.open()
      local model = require "sinorus.model"
      for _, t in ipairs(model.TYPES) do
        local csv = builtin:export("csv", nil, { records = t.plural })
        assert.equal(sinorus.to_csv(builtin[t.plural](builtin)), csv, t.plural)
        assert.same(t.columns, parse_csv(csv)[1], t.plural)
      end
    end)
  end)

  describe("record writers", function()
    it("writes any record list as CSV with its printed columns", function()
      local csv = sinorus.to_csv(kb:graph():nodes())
      local rows = parse_csv(csv)
      assert.same({ "id", "name", "kind" }, rows[1])
      assert.equal(5, #rows)
    end)

    it("writes any value as JSON with sorted keys", function()
      assert.equal('{"a":[1,2.5,"x\\n"],"b":"é"}',
                   sinorus.to_json { b = "é", a = { 1, 2.5, "x\n" } })
    end)
  end)
end)

-- ---------------------------------------------------------------------
-- The built-in article network

describe("the built-in network", function()
  local kb = sinorus.open()
  local n_rel = kb:sql("SELECT count(*) AS n FROM relation")[1].n

  it("has the article's relations", function()
    assert.is_true(n_rel > 20)
  end)

  local g = kb:graph()

  it("has a PageRank that sums to 1 and matches the Lua reference", function()
    local pr = g:pagerank { tol = 1e-13, max_iter = 1000 }
    local nodes, index, edges = g:nodes(), {}, {}
    for i, n in ipairs(nodes) do index[n.id] = i end
    for i, e in ipairs(g:edges()) do edges[i] = { index[e.from], index[e.to], e.weight } end
    local ref = lua_pagerank(#nodes, edges, true, 0.85, 1e-13, 1000)
    local s = 0
    for _, r in ipairs(pr) do
      s = s + r.score
      assert.is_true(close(r.score, ref[index[r.id]], 1e-10))
    end
    assert.is_true(close(s, 1, 1e-12))
  end)

  it("has a balance in [0, 1] whose unbalanced triangles are real", function()
    local b = g:balance()
    assert.is_true(b.ratio >= 0 and b.ratio <= 1)
    -- recompute each tie's sign from the relations
    local sum, cnt = {}, {}
    local function key(a, c) return a < c and a .. "|" .. c or c .. "|" .. a end
    for _, r in ipairs(kb:sql("SELECT src, dst, sign, weight FROM relation")) do
      if r.src ~= r.dst then
        local k = key(r.src, r.dst)
        sum[k] = (sum[k] or 0) + r.sign * r.weight
        cnt[k] = (cnt[k] or 0) + r.sign
      end
    end
    local function tie(a, c)
      local k = key(a, c)
      local s = sum[k] ~= 0 and sum[k] or cnt[k]
      return s > 0 and 1 or -1
    end
    for _, t in ipairs(b.unbalanced_triangles) do
      local a, bb, c = t.ids[1], t.ids[2], t.ids[3]
      assert.equal(-1, tie(a, bb) * tie(bb, c) * tie(c, a))
      assert.same({ t.ab, t.bc, t.ca }, { tie(a, bb), tie(bb, c), tie(c, a) })
    end
    assert.equal(b.unbalanced, #b.unbalanced_triangles)
  end)

  it("exports every format so that it parses back", function()
    assert.is_true(xml_ok(g:to_graphml()))
    assert.is_true(xml_ok(g:to_gexf()))
    assert.equal(#g:edges(), #cjson.decode(g:to_json()).edges)
    assert.equal(n_rel, #cjson.decode(kb:export("json")).relations)
    assert.equal(n_rel + 1, #parse_csv(kb:export("csv", nil, { records = "relations" })))
  end)
end)
