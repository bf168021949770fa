-- The chart module outside the site: text bars in the terminal (the REPL's
-- printed tables, `sinorus report`), charts as PNG (`sinorus chart --png`)
-- and the Monte Carlo histogram.
local sinorus = require "sinorus"
local chart = require("sinorus.chart").chart
local fs = require "spec.support.fs"

-- Under `make check-asan` this process runs with the sanitizer runtime
-- preloaded; programs that are not ours (script, rsvg-convert) must not
-- report their own leaks.
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
local NOLEAKS = ASAN and "ASAN_OPTIONS=detect_leaks=0 " or ""
local LUA = "SINORUS_BUILD=${SINORUS_BUILD:-build} lua5.4 "

-- Runs a shell command; its stdout (and stderr with both) and exit status.
local function sh(cmd, both)
  local p = assert(io.popen(NOLEAKS .. cmd .. (both and " 2>&1" or " 2>/dev/null")
    .. "; echo \"rc=$?\""))
  local out = p:read("a")
  p:close()
  return out:match("^(.-)\n?rc=(%d+)\n$")
end

-- Runs Lua code in a pseudo-terminal (script(1)) with env; its output.
local function in_tty(env, code)
  local cmd = env .. " " .. LUA .. "-e " .. fs.shq(code)
  local out = sh("script -qec " .. fs.shq(cmd) .. " /dev/null < /dev/null")
  return (out:gsub("\r", ""))
end

-- The lines of the bar block that follows the heading line in text.
local function block_after(text, heading)
  local i = assert(text:find(heading, 1, true), heading)
  local lines = {}
  for line in text:sub(i):gmatch("[^\n]+") do lines[#lines + 1] = line end
  table.remove(lines, 1)
  return lines
end

describe("text bars", function()
  it("draw a signed bar per row, proportional to its value, around one axis", function()
    local out = chart.text_bars({ { "up", 1 }, { "down", -0.5 } }, { unicode = false })
    local up, down = out:match("^(.-)\n(.-)\n$")
    local _, n_up = up:gsub("#", "")
    local _, n_down = down:gsub("#", "")
    assert.is_true(math.abs(n_up - 2 * n_down) <= 1, out)
    -- the axis sits where 0 is: right of the negative bar, left of the positive one
    assert.is_true(down:find("#", 1, true) < up:find("#", 1, true))
    assert.truthy(up:find("+1.00", 1, true))
    assert.truthy(down:find("-0.50", 1, true))
  end)

  it("use block characters when asked, ASCII otherwise", function()
    local rows = { { "a", 0.5 }, { "b", -0.25 } }
    assert.truthy(chart.text_bars(rows, { unicode = true }):find("█", 1, true))
    local ascii = chart.text_bars(rows, { unicode = false })
    assert.is_nil(ascii:find("[\128-\255]"))
  end)

  it("keep labels whole when the width allows and cut them with … when not", function()
    local long = string.rep("Lengthy factor name ", 4)
    local whole = chart.text_bars({ { long, 0.3 } }, { unicode = false })
    assert.truthy(whole:find(long, 1, true))
    local wide = chart.text_bars({ { long, 0.3 } }, { unicode = false, width = 200 })
    assert.truthy(wide:find(long, 1, true))
    local narrow = chart.text_bars({ { long, 0.3 } }, { unicode = false, width = 60 })
    assert.is_nil(narrow:find(long, 1, true))
    assert.truthy(narrow:find("…", 1, true))
    assert.is_true(require("sinorus.util").width((narrow:gsub("\n$", ""))) <= 60)
  end)

  it("draw a range bar per row of a tornado around its base", function()
    local out = chart.text_bars({ { "wide", 0.1, 0.9 }, { "narrow", 0.4, 0.6 } },
                                { unicode = false, base = 0.5 })
    local wide, narrow = out:match("^(.-)\n(.-)\n$")
    local _, a = wide:gsub("#", "")
    local _, b = narrow:gsub("#", "")
    assert.is_true(a > 3 * b, out)
  end)
end)

describe("printed analyses in the REPL", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("show the contributions as bars with every factor's whole name", function()
    for _, hz in ipairs { "short", "long" } do
      local a = kb:alignment { horizon = hz }
      local lines = block_after(tostring(a), "contributions (right: towards alignment)")
      assert.equal(#a.contributions, #lines)
      for i, c in ipairs(a.contributions) do
        assert.equal(1, select(2, lines[i]:gsub(kb:factor(c.factor).name:gsub("%p", "%%%0"), "")),
          lines[i])
        assert.truthy(lines[i]:find(string.format("%+.2f", c.value), 1, true), lines[i])
      end
    end
  end)

  it("show the tornado as bars, one per factor, in the table's order", function()
    local s = kb:sensitivity { horizon = "long" }
    local lines = block_after(tostring(s), "tornado:")
    assert.equal(#s, #lines)
    for i, r in ipairs(s) do
      assert.equal(1, select(2, lines[i]:gsub(kb:factor(r.factor).name:gsub("%p", "%%%0"), "")))
    end
  end)

  it("are what the REPL shows for a value, bars included", function()
    local shown = require("sinorus.repl").format(kb:alignment { horizon = "short" }, 200, 100)
    local lines = block_after(shown, "contributions (right: towards alignment)")
    assert.equal(#kb:alignment { horizon = "short" }.contributions, #lines)
  end)

  it("draw block characters on a UTF-8 terminal, ASCII elsewhere", function()
    local code = 'print(require("sinorus").open():sensitivity{horizon = "short"})'
    local utf = in_tty("LC_ALL= LC_CTYPE= LANG=C.UTF-8", code)
    local c = in_tty("LC_ALL=C", code)
    local piped = sh("LC_ALL= LC_CTYPE= LANG=C.UTF-8 " .. LUA .. "-e " .. fs.shq(code))
    assert.truthy(utf:find("█", 1, true), utf)
    for _, out in ipairs { c, piped } do
      assert.is_nil(out:find("█", 1, true), out)
      assert.truthy(out:find("#", 1, true), out)
    end
  end)
end)

-- The width and height of a PNG's IHDR chunk.
local function png_size(png)
  assert.equal("\137PNG\r\n\26\n", png:sub(1, 8))
  assert.equal("IHDR", png:sub(13, 16))
  return string.unpack(">I4>I4", png, 17)
end

local function svg_size(svg)
  local w, h = svg:match('^<svg[^>]- width="([%d.]+)" height="([%d.]+)"')
  return tonumber(w), tonumber(h)
end

describe("sinorus chart --png", function()
  local dir
  setup(function() dir = fs.tmpdir() end)
  teardown(function() fs.rmtree(dir) end)

  it("writes a PNG of the chart's own size for every kind", function()
    local kb = sinorus.open()
    for _, kind in ipairs(sinorus.CHARTS) do
      local file = dir .. "/" .. kind .. ".png"
      local _, rc = sh(LUA .. "bin/sinorus chart " .. kind .. " --png " .. file)
      assert.equal("0", rc, kind)
      local w, h = png_size(assert(fs.slurp(file)))
      local sw, sh_ = svg_size(kb:chart(kind))
      assert.is_true(math.abs(w - sw) < 1 and math.abs(h - sh_) < 1,
        string.format("%s: %dx%d for an SVG of %sx%s", kind, w, h, sw, sh_))
    end
    kb:close()
  end)

  it("scales the PNG by --zoom and writes the SVG beside it", function()
    local _, rc = sh(LUA .. "bin/sinorus chart tornado --zoom 2 --png " .. dir .. "/z.png --svg "
      .. dir .. "/z.svg")
    assert.equal("0", rc)
    local svg = assert(fs.slurp(dir .. "/z.svg"))
    local sw, sh_ = svg_size(svg)
    local w, h = png_size(assert(fs.slurp(dir .. "/z.png")))
    assert.is_true(math.abs(w - 2 * sw) < 2 and math.abs(h - 2 * sh_) < 2)
  end)

  it("fails with a clear message when the renderer is missing", function()
    local out, rc = sh("PATH=/nonexistent SINORUS_BUILD=${SINORUS_BUILD:-build} "
      .. "$(command -v lua5.4) bin/sinorus chart tornado --png " .. dir .. "/none.png", true)
    assert.equal("1", rc)
    assert.equal("sinorus: cannot render PNG: rsvg-convert not found (install Debian's "
      .. "librsvg2-bin)", out)
    assert.is_nil(fs.slurp(dir .. "/none.png"))
  end)

  it("returns nil and the renderer's message for a document it cannot read", function()
    local png, msg = chart.png("<svg")
    assert.is_nil(png)
    assert.truthy(msg:find("^cannot render PNG: rsvg%-convert failed"), msg)
  end)

  it("checks its arguments", function()
    assert.has_error(function() chart.png(nil) end,
      "bad argument #1 to 'png' (string expected, got nil)")
    assert.has_error(function() chart.png("<svg/>", 0) end,
      "bad argument #2 to 'png' (zoom must be a number in (0, 16])")
  end)
end)

-- The edge statements of a DOT text: {from, to, attrs = {name = value}}.
local function dot_edges(dot)
  local edges = {}
  for from, to, attrs in dot:gmatch('\n  "([^"]*)" %-[%->] "([^"]*)" %[(.-)%];') do
    local a = {}
    for k, v in attrs:gmatch('([%w_]+)=("?[^,"]*"?)') do a[k] = v:gsub('^"(.*)"$', "%1") end
    edges[#edges + 1] = { from = from, to = to, attrs = a }
  end
  return edges
end

-- The legend node's label (an HTML-like table) of a DOT text.
local function dot_legend(dot, name)
  return dot:match('\n  "' .. (name or "legend") .. '" %[shape=plaintext, [^\n]-label=<(.-)>%];\n')
end

describe("DOT for Graphviz", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("sets a layout engine with overlap removal", function()
    local dot = kb:graph { kind = "relations" }:to_dot()
    assert.truthy(dot:find("\n  graph %[layout=neato, overlap=false, "), dot:sub(1, 200))
  end)

  it("renders with Graphviz: every node, every edge and the legend drawn", function()
    for _, kind in ipairs { "relations", "mentions" } do
      local g = kb:graph { kind = kind }
      local file = os.tmpname()
      fs.spit(file, g:to_dot())
      -- dot(1) honours the graph's own layout= (neato here)
      local svg, rc = sh("env -u LD_PRELOAD dot -Tsvg " .. fs.shq(file))
      os.remove(file)
      assert.equal("0", rc, kind)
      assert.truthy(svg:find("<svg", 1, true), kind)
      local nodes = select(2, svg:gsub('<g id="node%d+" class="node">', ""))
      local edges = select(2, svg:gsub('<g id="edge%d+" class="edge">', ""))
      assert.equal(#g:nodes() + 1, nodes, kind .. ": the nodes and the legend")
      assert.equal(#g:edges(), edges, kind)
    end
  end)

  it("lays out a graph of more than 200 nodes with sfdp", function()
    local core = require "sinorus.core"
    local from, to = {}, {}
    for i = 1, 201 do from[i], to[i] = i, i % 201 + 1 end
    local g = core.graph { nodes = 201, from = from, to = to }
    assert.truthy(g:write("dot"):find("graph %[layout=sfdp, overlap=false, "))
    g = core.graph { nodes = 200, from = { 1 }, to = { 2 } }
    assert.truthy(g:write("dot"):find("graph %[layout=neato, overlap=false, "))
  end)

  it("colours and styles each relation by sign and widens its pen by weight", function()
    local g = kb:graph { kind = "relations" }
    local edges, dot = g:edges(), g:to_dot()
    local drawn = dot_edges(dot)
    assert.equal(#edges, #drawn)
    local wmax = 0
    for _, e in ipairs(edges) do wmax = math.max(wmax, e.weight) end
    local colour = chart.SIGN_COLOUR   -- the SVG charts' colours
    local style = { [1] = "solid", [-1] = "dashed", [0] = "dotted" }
    for i, e in ipairs(edges) do
      local a = drawn[i].attrs
      assert.equal(e.from, drawn[i].from)
      assert.equal(colour[e.sign], a.color)
      assert.equal(style[e.sign], a.style)
      assert.near(1 + 3 * e.weight / wmax, tonumber(a.penwidth), 0.006)
      assert.equal(e.type, a.xlabel)
      assert.equal(e.type, a.tooltip)
    end
  end)

  it("draws a legend of the signs present and the pen width's scale", function()
    local g = kb:graph { kind = "relations" }
    local present, wmax = {}, 0
    for _, e in ipairs(g:edges()) do
      present[e.sign] = true
      wmax = math.max(wmax, e.weight)
    end
    local legend = assert(dot_legend(g:to_dot()))
    for sign, name in pairs { [1] = "positive", [-1] = "negative", [0] = "neutral" } do
      assert.equal(present[sign] and 1 or 0, select(2, legend:gsub(">" .. name .. " %(", "")),
        name)
    end
    assert.truthy(legend:find("(4 pt = " .. string.format("%.15g", wmax) .. ")", 1, true))
  end)

  it("names the one edge type of the co-mention graph in its legend, not on each edge", function()
    local g = kb:graph { kind = "mentions" }
    local edges, dot = g:edges(), g:to_dot()
    local wmax, heaviest = 0, nil
    for i, e in ipairs(edges) do
      if e.weight > wmax then wmax, heaviest = e.weight, i end
    end
    local drawn = dot_edges(dot)
    assert.equal(#edges, #drawn)
    for _, d in ipairs(drawn) do
      assert.is_nil(d.attrs.xlabel)
      assert.is_nil(d.attrs.label)
      assert.equal("solid", d.attrs.style)   -- no signs to tell apart
    end
    assert.equal("4.00", drawn[heaviest].attrs.penwidth)
    local legend = assert(dot_legend(dot))
    assert.truthy(legend:find("every edge: " .. edges[1].type, 1, true))
    assert.truthy(legend:find(">neutral (solid)<", 1, true))
  end)

  it("names the legend apart from a node called legend", function()
    local core = require "sinorus.core"
    local g = core.graph { nodes = { "legend", "legend_" }, edges = { { "legend", "legend_" } } }
    local dot = g:write("dot")
    assert.truthy(dot_legend(dot, "legend__"))
    assert.is_nil(dot_legend(dot, "legend"))
  end)

  it("draws no legend for a graph without edges", function()
    local core = require "sinorus.core"
    assert.is_nil(core.graph { nodes = { "a" } }:write("dot"):find("Legend", 1, true))
  end)
end)

describe("the Monte Carlo histogram", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  -- xmllint's count of the elements of class cls in svg
  local function count_class(svg, cls)
    local f = fs.tmpname(".svg")
    fs.spit(f, svg)
    local out = sh("env -u LD_PRELOAD xmllint --xpath 'count(//*[contains(concat(\" \", @class, "
      .. "\" \"), \" " .. cls .. " \")])' " .. f)
    os.remove(f)
    return tonumber(out)
  end

  it("bins every draw, from min to max in bins of equal width", function()
    for _, hz in ipairs { "short", "long" } do
      local s = kb:simulate { horizon = hz, n = 5000, seed = 3, bins = 25 }
      local h = s.histogram
      assert.equal(25, #h.counts)
      local total = 0
      for _, c in ipairs(h.counts) do total = total + c end
      assert.equal(s.n, total)
      assert.equal(s.min, h.lo)
      assert.equal(s.max, h.hi)
      assert.near((s.max - s.min) / 25, h.width, 1e-15)
      assert.is_true(h.counts[1] > 0 and h.counts[25] > 0)   -- the min's bin, the max's
    end
  end)

  it("counts the draws the plain-Lua model of the simulation makes, bin by bin", function()
    local core = require "sinorus.core"
    local factors = {
      { id = "a", sign = 1, weight = 0.8, low = 0.5, high = 1.0, coupling = 0.5 },
      { id = "b", sign = -1, weight = 0.4, low = 0.2, high = 0.6, coupling = -0.3 },
      { id = "c", sign = 1, weight = 0.3, low = 0.1, high = 0.5, coupling = 0 },
    }
    for _, bins in ipairs { 1, 7, 64 } do
      local h = core.simulate(factors, { n = 4000, seed = 11, pressure = 0.7, bins = bins })
        .histogram
      local ref = require("bench.simlua")(factors, 4000, 11, 0.7)
      local want = {}
      for b = 1, bins do want[b] = 0 end
      for _, x in ipairs(ref.draws) do
        local t = (x - ref.min) / (ref.max - ref.min) * bins
        local b = t >= bins and bins or math.floor(t) + 1
        want[b] = want[b] + 1
      end
      assert.same(want, h.counts, bins .. " bins")
      assert.equal(ref.min, h.lo)
      assert.equal(ref.max, h.hi)
    end
  end)

  it("agrees with the quantiles: bins wholly below a quantile hold at most its share", function()
    local s = kb:simulate { horizon = "short", n = 20000, seed = 9, bins = 50 }
    local h = s.histogram
    for _, q in ipairs { 0.05, 0.25, 0.5, 0.75, 0.95 } do
      local below, upto = 0, 0
      for i, c in ipairs(h.counts) do
        local a, z = h.lo + (i - 1) * h.width, h.lo + i * h.width
        if z <= s.quantiles[q] then below = below + c end
        if a <= s.quantiles[q] then upto = upto + c end
      end
      assert.is_true(below <= q * s.n + 1, q)
      assert.is_true(upto >= q * s.n - 1, q)
    end
  end)

  it("leaves the other figures as they are without bins", function()
    local a = kb:simulate { horizon = "long", n = 3000, seed = 5 }
    local b = kb:simulate { horizon = "long", n = 3000, seed = 5, bins = 7 }
    assert.is_nil(a.histogram)
    for _, k in ipairs { "mean", "sd", "min", "max", "p_positive", "q05", "q50", "q95" } do
      assert.equal(a[k], b[k], k)
    end
  end)

  it("puts a single draw in the first bin, of width 0", function()
    local h = kb:simulate { n = 1, bins = 4 }.histogram
    assert.same({ 1, 0, 0, 0 }, h.counts)
    assert.equal(0, h.width)
  end)

  it("prints its bins under the summary", function()
    local s = kb:simulate { horizon = "long", n = 1000, bins = 6 }
    local lines = block_after(tostring(s), "histogram: the share of draws in each bin")
    assert.equal(6, #lines)
    assert.truthy(lines[1]:find(string.format("%+.3f to", s.min), 1, true))
  end)

  it("refuses bins outside 1 to 1000", function()
    for v, got in pairs { [0] = "0", [1001] = "1001", [2.5] = "2.5", x = "string" } do
      assert.has_error(function() kb:simulate { bins = v } end,
        "bad argument #1 to 'simulate' (bins must be an integer in [1, 1000], got " .. got .. ")")
    end
  end)

  it("is drawn as a chart: one bin per bin of each horizon, the mean and median marked", function()
    local svg = kb:chart("histogram")
    assert.equal(80, count_class(svg, "bin"))
    assert.equal(4, count_class(svg, "mark"))
    local total = 0
    for c in svg:gmatch('class="bin" data%-count="(%d+)"') do total = total + tonumber(c) end
    assert.equal(2 * kb:simulate().n, total)
    assert.equal(40, count_class(kb:chart("histogram", { horizon = "long" }), "bin"))
  end)

  it("is in the site's alignment view", function()
    local site = require("sinorus.html").site(kb)
    local view = site:match('<section class="view" id="view%-alignment".-</section>')
    assert.truthy(view:find('class="chart histogram"', 1, true))
  end)
end)
