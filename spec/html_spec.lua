-- The charts (sinorus.chart) as XML, counted against the data, and the
-- HTML reader's page (sinorus.html); spec/html_browser_spec.lua opens the
-- page in chromium.
local sinorus = require "sinorus"
local fs = require "spec.support.fs"
local tmpdir = fs.tmpdir

-- `sinorus ARGS`: its stdout (and stderr with both) and exit status.
local function cli(args, both)
  local p = assert(io.popen("SINORUS_BUILD=${SINORUS_BUILD:-build} lua5.4 bin/sinorus "
    .. args .. (both and " 2>&1" or " 2>/dev/null") .. "; echo \"rc=$?\""))
  local out = p:read("a")
  p:close()
  local text, rc = out:match("^(.-)\n?rc=(%d+)\n$")
  return text, rc
end

-- xmllint's answer to an XPath count over svg (the chart must parse).
local function xcount(svg, xpath)
  local f = fs.tmpname(".svg")
  fs.spit(f, svg)
  -- (not under the sanitizer suite's preloaded ASan runtime)
  local p = assert(io.popen("env -u LD_PRELOAD xmllint --xpath " .. fs.shq(xpath) .. " " .. f .. " 2>&1"))
  local out = p:read("a")
  p:close()
  os.remove(f)
  return tonumber(out) or error("xmllint: " .. out)
end

local function count_class(svg, class)
  return xcount(svg, "count(//*[contains(concat(\" \", @class, \" \"), \" " .. class .. " \")])")
end

describe("kb:chart", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("draws every chart kind as well-formed XML", function()
    assert.is_true(#sinorus.CHARTS >= 8)
    for _, kind in ipairs(sinorus.CHARTS) do
      local svg = kb:chart(kind)
      assert.equal(1, xcount(svg, "count(/*[local-name()=\"svg\"])"), kind)
    end
  end)

  it("has one tornado bar per factor of the horizon", function()
    for _, hz in ipairs { "short", "long" } do
      local rows = kb:sensitivity { horizon = hz }
      local svg = kb:chart("tornado", { horizon = hz })
      assert.equal(#rows, count_class(svg, "bar"))
      for _, r in ipairs(rows) do
        assert.equal(1, xcount(svg, "count(//*[@data-factor=\"" .. r.factor .. "\"])"))
      end
    end
  end)

  it("has one contribution bar per factor and horizon, classed by sign", function()
    local n, pos = 0, 0
    for _, hz in ipairs { "short", "long" } do
      for _, c in ipairs(kb:alignment { horizon = hz }.contributions) do
        n = n + 1
        if c.value >= 0 then pos = pos + 1 end
      end
    end
    local svg = kb:chart("contributions")
    assert.equal(n, count_class(svg, "bar"))
    assert.equal(pos, count_class(svg, "pos"))
  end)

  it("marks the index at eleven pressures per horizon", function()
    assert.equal(22, count_class(kb:chart("pressure"), "mark"))
    assert.equal(11, count_class(kb:chart("pressure", { horizon = "long" }), "mark"))
  end)

  it("draws the Monte Carlo quantiles of kb:simulate", function()
    local svg = kb:chart("distribution", { horizon = "short" })
    assert.equal(7, count_class(svg, "mark"))
    assert.equal(1, count_class(svg, "box"))
  end)

  it("has one ACH cell per rating with its rating's class", function()
    local svg = kb:chart("ach")
    local ratings = kb:ratings()
    assert.equal(#ratings, count_class(svg, "cell"))
    for _, r in ipairs(ratings) do
      assert.equal(1, xcount(svg, string.format("count(//*[@data-item=\"%s\" and "
        .. "@data-hypothesis=\"%s\" and contains(concat(@class, \" \"), \" r-%s \")])",
        r.evidence, r.hypothesis,
        r.rating)))
    end
  end)

  it("has one node per entity and one edge per relation, with a legend", function()
    for _, kind in ipairs { "relations", "mentions" } do
      local g = kb:graph { kind = kind }
      local svg = kb:chart(kind == "relations" and "network" or "mentions")
      assert.equal(#g:nodes(), count_class(svg, "node"))
      assert.equal(#g:edges(), count_class(svg, "edge"))
      assert.is_true(count_class(svg, "legend") >= 1)
    end
    local svg = kb:chart("network")
    local neg = 0
    for _, e in ipairs(kb:graph { kind = "relations" }:edges()) do
      if e.sign < 0 then neg = neg + 1 end
    end
    assert.is_true(neg > 0)
    assert.equal(neg, count_class(svg, "negative"))
  end)

  it("lays a network out the same way every time", function()
    assert.equal(kb:chart("mentions"), kb:chart("mentions"))
  end)

  it("puts every dated event on the timeline", function()
    local n = 0
    for _, e in ipairs(kb:events()) do
      if tostring(e.date):match("^%d%d%d%d") then n = n + 1 end
    end
    assert.is_true(n > 0)
    assert.equal(n, count_class(kb:chart("timeline"), "event"))
  end)

  it("draws one Goldstein series per dyad, one mark per scored event", function()
    local dyads, n = {}, 0
    for _, e in ipairs(kb:events()) do
      if e.goldstein and #e.actors >= 2 and tostring(e.date):match("^%d%d%d%d") then
        local a, b = e.actors[1], e.actors[2]
        if b < a then a, b = b, a end
        dyads[a .. "|" .. b] = true
        n = n + 1
      end
    end
    local nd = 0
    for _ in pairs(dyads) do nd = nd + 1 end
    assert.is_true(n > 0 and nd > 1)
    local svg = kb:chart("goldstein")
    assert.equal(nd, count_class(svg, "series"))
    assert.equal(n, count_class(svg, "mark"))
  end)

  it("draws one calibration mark per band of kb:scores, over the diagonal", function()
    local rows = kb:scores().calibration
    assert.is_true(#rows > 1)
    local svg = kb:chart("calibration")
    assert.equal(#rows, count_class(svg, "mark"))
    assert.equal(1, count_class(svg, "diagonal"))
    for _, r in ipairs(rows) do
      assert.equal(1, xcount(svg, string.format("count(//*[@data-band=\"%s\" and @data-n=\"%d\"])",
        r.band, r.n)))
    end
    local big, small
    for _, r in ipairs(rows) do
      local rad = tonumber(svg:match('data%-band="' .. r.band:gsub("%p", "%%%0") .. '"[^>]- r="([%d.]+)"'))
      if r.n > 1 then big = rad else small = rad end
    end
    assert.is_true(big > small)
    local empty = require("sinorus.chart").chart.calibration({})
    assert.equal(0, count_class(empty, "mark"))
    assert.equal(1, count_class(empty, "diagonal"))
  end)

  it("draws the ACH timeline: one line per hypothesis, one mark per score", function()
    local q = kb:questions()[1].id
    local tl = kb:timeline { question = q }
    assert.is_true(#tl.hypotheses > 1 and #tl.rows > 1)
    local svg = kb:chart("ach_timeline", { question = q })
    assert.equal(#tl.hypotheses, count_class(svg, "line"))
    local marks = 0
    for _, h in ipairs(tl.hypotheses) do
      local n = 0
      for _, r in ipairs(tl.rows) do if r.scores[h] then n = n + 1 end end
      assert.equal(n, xcount(svg, string.format("count(//*[@data-hypothesis=\"%s\"]"
        .. "/*[contains(concat(\" \", @class, \" \"), \" mark \")])", h)), h)
      marks = marks + n
    end
    assert.equal(marks, count_class(svg, "mark"))
    local none = require("sinorus.chart").chart.ach_timeline({ hypotheses = {}, rows = {} })
    assert.equal(0, count_class(none, "line"))
  end)

  it("raises on a bad kind or option", function()
    assert.has_error(function() kb:chart() end,
      "bad argument #1 to 'chart' (string expected, got nil)")
    assert.has_error(function() kb:chart("pie") end,
      "bad argument #1 to 'chart' (unknown chart 'pie'; valid charts: "
      .. table.concat(sinorus.CHARTS, ", ") .. ")")
    assert.has_error(function() kb:chart("tornado", { horizon = "mid" }) end,
      "bad argument #2 to 'chart' (horizon must be 'short' or 'long', got 'mid')")
    assert.has_error(function() kb:chart("tornado", { colour = 1 }) end)
  end)
end)

describe("kb:export('html')", function()
  local kb, dir, page
  setup(function()
    kb = sinorus.open()
    dir = tmpdir()
    assert.is_true(kb:export("html", dir))
    page = assert(fs.slurp(dir .. "/index.html"))
  end)
  teardown(function()
    kb:close()
    fs.rmtree(dir)
  end)

  it("needs nothing outside the page", function()
    assert.is_nil(page:find("<script[^>]* src="))
    assert.is_nil(page:find("<link[^>]* href="))
    assert.is_nil(page:find("url%("))
    assert.is_nil(page:find("@import"))
  end)

  it("holds every segment of every source", function()
    for _, s in ipairs(kb:segments { duplicates = true }) do
      assert.truthy(page:find('id="s-' .. s.id .. '" data-seg="' .. s.id .. '"', 1, true), s.id)
    end
  end)

  it("lists the records of every type with evidence, from the record model", function()
    local model = require "sinorus.model"
    for _, t in ipairs(model.TYPES) do
      if t.evidence and #kb[t.plural](kb) > 0 then
        assert.truthy(page:find('data-type="' .. t.name .. '"', 1, true), t.name)
        local r = kb[t.plural](kb)[1]
        assert.truthy(page:find('href="#' .. t.name .. '=' .. tostring(r.id or r.number) .. '"',
          1, true), t.name)
      end
    end
  end)

  it("escapes the text of the KB, in the markup and in the data", function()
    local file = fs.tmpname(".sqlite")
    local hostile = assert(sinorus.open(file, { create = true }))
    local evil = "</script><script>alert(1)</script><!-- <b onmouseover=x>"
    local id = hostile:add_source { title = evil, text = "Title " .. evil .. ".\n\nA sentence "
      .. evil .. " ends here.\n" }
    hostile:add_entity { id = "evil", name = "<i>Evil</i>", kind = "person",
                         aliases = { "alert" } }
    local seg = hostile:segments { source = id, kind = "sentence" }[1]
    hostile:add_claim { id = "c-evil", text = evil, about = { "evil" }, horizon = "short",
                        evidence = { seg.id } }
    local d = tmpdir()
    assert.is_true(hostile:export("html", d))
    local p = assert(fs.slurp(d .. "/index.html"))
    fs.rmtree(d)
    hostile:close()
    fs.remove_db(file)
    local scripts = 0
    for _ in p:gmatch("<script") do scripts = scripts + 1 end
    assert.equal(2, scripts)              -- the data and the page's own script
    assert.is_nil(p:find("<b ", 1, true))
    assert.is_nil(p:find("<i>", 1, true))
    assert.is_nil(p:find("<!--", 1, true))
    assert.truthy(p:find("&lt;/script&gt;&lt;script&gt;alert(1)", 1, true))
  end)

  it("needs a directory, and reports one it cannot write", function()
    assert.has_error(function() kb:export("html") end,
      "bad argument #2 to 'export' (format 'html' needs a directory)")
    local ok, msg = kb:export("html", dir .. "/no/such/dir")
    assert.is_nil(ok)
    assert.is_string(msg)
  end)

  it("shows only the views whose records the KB holds", function()
    local file = os.tmpname()
    os.remove(file)
    local empty = assert(sinorus.open(file, { create = true }))
    local d = tmpdir()
    assert.is_true(empty:export("html", d))
    local p = assert(fs.slurp(d .. "/index.html"))
    fs.rmtree(d)
    empty:close()
    os.remove(file)
    assert.truthy(p:find('data-view="reader"', 1, true))
    assert.is_nil(p:find('data-view="ach"', 1, true))
    assert.is_nil(p:find('data-view="forecasts"', 1, true))
    assert.truthy(page:find('data-view="ach"', 1, true))
    assert.truthy(page:find('data-view="timeline"', 1, true))
    assert.truthy(page:find('data-view="forecasts"', 1, true))
  end)
end)

describe("sinorus html and sinorus chart", function()
  it("writes a chart as SVG and the site into a directory", function()
    local dir = tmpdir()
    assert.equal("0", select(2, cli("chart network --svg " .. dir .. "/n.svg")))
    local svg = assert(fs.slurp(dir .. "/n.svg"))
    local kb = sinorus.open()
    assert.equal(#kb:relations(), count_class(svg, "edge"))
    kb:close()
    assert.equal("0", select(2, cli("html " .. dir)))
    assert.truthy(fs.slurp(dir .. "/index.html"))
    assert.equal("0", select(2, cli("chart calibration --svg " .. dir .. "/c.svg")))
    kb = sinorus.open()
    assert.equal(#kb:scores().calibration, count_class(assert(fs.slurp(dir .. "/c.svg")), "mark"))
    kb:close()
    assert.equal("2", select(2, cli("chart pie")))
    local msg, rc = cli("html " .. dir .. "/missing/dir", true)
    assert.equal("1", rc)
    assert.truthy(msg:find("cannot write", 1, true))
    fs.rmtree(dir)
  end)
end)

describe("sinorus export --graph", function()
  local run = cli

  it("writes the graph's own GraphML, GEXF, DOT and JSON", function()
    local kb = sinorus.open()
    for _, c in ipairs {
      { "export dot", kb:graph { kind = "relations" }:to_dot() },
      { "export graphml --graph mentions", kb:graph { kind = "mentions" }:to_graphml() },
      { "export gexf --graph relations", kb:graph { kind = "relations" }:to_gexf() },
      { "export json --graph relations --horizon short",
        kb:graph { kind = "relations", horizon = "short" }:to_json() },
    } do
      local out, rc = run(c[1])
      assert.equal("0", rc, c[1])
      assert.equal((c[2]:gsub("\n$", "")), out, c[1])
    end
    kb:close()
  end)

  it("refuses a record format or --records with a graph", function()
    local _, rc = run("export csv --graph mentions")
    assert.equal("2", rc)
    _, rc = run("export dot --records claims")
    assert.equal("2", rc)
  end)
end)

describe("sinorus report's bars", function()
  -- tty: run under script(1), whose pseudo-terminal is standard output
  local function report(env, tty)
    local cmd = env .. " SINORUS_BUILD=${SINORUS_BUILD:-build} lua5.4 bin/sinorus report"
    if tty then
      -- script(1) is not ours: under the sanitizer suite it must not report its leaks
      local asan = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
      cmd = (asan and "ASAN_OPTIONS=detect_leaks=0 " or "") .. "script -qec " .. fs.shq(cmd)
        .. " /dev/null < /dev/null"
    end
    local p = assert(io.popen(cmd))
    local out = p:read("a"):gsub("\r", "")
    p:close()
    return out
  end

  it("draws the contributions and the tornado of each horizon, names whole", function()
    local kb = sinorus.open()
    for _, c in ipairs {
      { "LC_ALL= LC_CTYPE= LANG=C.UTF-8", "█", true }, { "LC_ALL=C", "#", true },
      { "LC_ALL= LC_CTYPE= LANG=C.UTF-8", "#", false } } do
      local out = report(c[1], c[3])
      for _, hz in ipairs { "short", "long" } do
        local block = out:match("Contributions to the index, " .. hz .. " term[^\n]*\n\n```\n(.-)```")
        assert.is_string(block, hz)
        local contributions = kb:alignment { horizon = hz }.contributions
        local n = 0
        for line in block:gmatch("[^\n]+") do
          n = n + 1
          assert.truthy(line:find(c[2], 1, true), line)
          local name = kb:factor(contributions[n].factor).name
          assert.equal(1, select(2, line:gsub(name:gsub("%p", "%%%0"), "")), line)
        end
        assert.equal(#contributions, n)
        block = out:match("Tornado, " .. hz .. " term[^\n]*\n\n```\n(.-)```")
        local rows = 0
        for _ in block:gmatch("[^\n]+") do rows = rows + 1 end
        assert.equal(#kb:sensitivity { horizon = hz }, rows)
      end
    end
    kb:close()
  end)
end)

describe("the reader from the embedding host", function()
  it("comes out of the static library alone, byte for byte as from the module", function()
    local dir = tmpdir()
    -- under the sanitizer suite, the plain build's host (as spec/cli_spec.lua)
    local asan = os.getenv("LD_PRELOAD") ~= nil
    local build = asan and "build" or (os.getenv("SINORUS_BUILD") or "build")
    local host = build:match("^/") and build .. "/host" or (os.getenv("PWD") .. "/" .. build .. "/host")
    fs.spit(dir .. "/s.lua", 'local kb = require("sinorus").open()\n'
      .. 'assert(kb:export("html", "site"))\n')
    os.execute("mkdir " .. fs.shq(dir .. "/site"))
    local ok = os.execute("cd " .. fs.shq(dir) .. " && env -u LD_PRELOAD -u ASAN_OPTIONS "
      .. "-u LUA_PATH -u LUA_CPATH "
      .. fs.shq(host) .. " s.lua")
    assert.is_true(ok)
    local kb = sinorus.open()
    assert.equal(require("sinorus.html").site(kb), fs.slurp(dir .. "/site/index.html"))
    kb:close()
    fs.rmtree(dir)
  end)
end)

describe("the README's pictures", function()
  it("show a screenshot (make screenshots) of every view of the built-in KB", function()
    local kb = sinorus.open()
    local site = require("sinorus.html").site(kb)
    kb:close()
    local readme = assert(fs.slurp("README.md"))
    local n = 0
    for view in site:gmatch('<button type="button" role="tab" id="tab%-[%w_]+" aria%-controls="'
      .. 'view%-[%w_]+" data%-view="([%w_]+)"') do
      n = n + 1
      local img = "doc/img/" .. view .. ".png"
      assert.truthy(readme:find("](" .. img .. ")", 1, true), img .. " is not in the README")
      assert.equal("\137PNG\r\n\26\n", assert(fs.slurp(img), img):sub(1, 8))
    end
    assert.is_true(n >= 6)
  end)
end)

describe("the reader's search index", function()
  local util = require "sinorus.util"
  local internal = require "sinorus.internal"
  -- the page's data (the JSON in its data element)
  local function data_of(kb)
    local site = require("sinorus.html").site(kb)
    local json = site:match('<script type="application/json" id="data">(.-)</script>')
    return util.json_decode((json:gsub("\\u003c", "<")))
  end

  it("holds every row of the KB's full-text index with its size and the index's statistics",
    function()
    local kb = sinorus.open()
    local data = data_of(kb)
    local rows = kb:sql("SELECT id FROM segment_fts_docsize ORDER BY id")
    assert.equal(#rows, #data.index)
    local total = 0
    for i, r in ipairs(rows) do
      assert.equal(r.id, data.index[i][1])
      total = total + #data.index[i][3]
    end
    -- a size is the number of positions: colocated stems do not count
    assert.same({ #rows, total }, data.fts)
    assert.same(kb:describe().search, data.search)
    -- "sanctions" is indexed with its marked stem at the same position
    local want = { sanctions = true, ["\1sanction"] = true }
    local found = 0
    for _, e in ipairs(data.index) do
      for _, p in ipairs(e[3]) do
        if type(p) == "table" and #p == 2 and want[data.terms[p[1] + 1]]
           and want[data.terms[p[2] + 1]] then
          found = found + 1
        end
      end
    end
    assert.equal(#kb:search('"sanctions"', { limit = 1000 }), found)
    kb:close()
  end)

  it("indexes a CJK character with the bigram it starts", function()
    local kb = assert(sinorus.open(":memory:", { create = true }))
    kb:add_source { title = "zh", text = "双方反对北约。" }
    local data = data_of(kb)
    local terms = {}
    for i, p in ipairs(data.index[1][3]) do
      local t = {}
      for j, n in ipairs(type(p) == "table" and p or { p }) do t[j] = data.terms[n + 1] end
      table.sort(t)
      terms[i] = table.concat(t, " ")
    end
    assert.same({ "双 双方", "方 方反", "反 反对", "对 对北", "北 北约", "约" }, terms)
    kb:close()
  end)

  it("refuses an index out of step with the texts", function()
    local kb = assert(sinorus.open(":memory:", { create = true, article = true }))
    local s = kb:sql([[SELECT s.id FROM segment s JOIN segment_fts_docsize d ON d.id = s.id
      WHERE s.kind = 'sentence' AND length(s.text) > 60 LIMIT 1]])[1]
    internal.exec(kb, "UPDATE segment_row SET len = 11 WHERE id = ?", s.id)
    local ok, err = pcall(require("sinorus.html").site, kb)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("the full-text index is out of step with segment "
      .. s.id, 1, true), err)
    kb:close()
  end)
end)
