-- sinorus.chart: the charts of a knowledge base as SVG text, shared by the
-- HTML reader (sinorus.html) and `sinorus chart KIND`.
--
--   kb:chart(kind [, opts])     an SVG document (a string) of one chart
--   sinorus.CHARTS              the chart kinds, in order
--
-- Every chart draws from the KB's own analysis (kb:sensitivity,
-- kb:alignment, kb:simulate, kb:ach, kb:graph, kb:events); the marks carry
-- classes a test can count: `bar` (one per factor), `mark` (one per point),
-- `cell` (one per rating), `node` / `edge` (one per graph node / edge),
-- `event` (one per event). Colours come from one palette (PALETTE), chosen
-- to stay apart under the common colour-vision deficiencies (Okabe & Ito).
--
-- The network layout is a force layout computed here, deterministic: nodes
-- start on a circle in id order, then 300 rounds of Fruchterman-Reingold
-- (attraction d^2/k along edges, repulsion k^2/d between all pairs, a
-- temperature falling linearly), then the drawing is scaled into the box.
-- Labels go right, left, above or below their node, the first place that
-- overlaps no label placed before (nodes by degree, highest first).

local util = require "sinorus.util"
local core = require "sinorus.core"

local M = {}

-- Okabe-Ito: distinguishable with protanopia, deuteranopia, tritanopia.
local PALETTE = {
  blue = "#0072B2", orange = "#E69F00", sky = "#56B4E9", green = "#009E73",
  yellow = "#F0E442", vermillion = "#D55E00", purple = "#CC79A7", grey = "#777777",
  black = "#000000",
}
M.PALETTE = PALETTE

-- The ACH ratings' colours: consistent in blue, inconsistent in vermillion.
local RATING_FILL = { CC = "#0072B2", C = "#8EC3E6", N = "#EEEEEE", I = "#F2B38A",
                      II = "#D55E00", NA = "#FFFFFF" }
M.RATING_FILL = RATING_FILL

-- the sign colours: the DOT writer's, in C (one owner)
local SIGN_COLOUR = { [1] = core.sign_colour(1), [-1] = core.sign_colour(-1),
                      [0] = core.sign_colour(0) }
-- The factor kinds' colours, those of the sign each contributes.
local KINDS_DRAWN = { { "driver", SIGN_COLOUR[1] }, { "irritant", SIGN_COLOUR[-1] } }
local KIND_FILL = {}
for _, k in ipairs(KINDS_DRAWN) do KIND_FILL[k[1]] = k[2] end
local SIGN_NAME = { [1] = "positive", [-1] = "negative", [0] = "neutral" }
local SIGN_DASH = { [1] = nil, [-1] = "6 3", [0] = "2 3" }
-- (the DOT writer, csrc/sn_writers.c, draws signs in the same colours;
-- spec/chart_spec.lua holds the two together)
M.SIGN_COLOUR = SIGN_COLOUR
M.SIGN_NAME = SIGN_NAME

local function esc(s)
  return (tostring(s):gsub("[&<>\"']", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
                                         ['"'] = "&quot;", ["'"] = "&#39;" }))
end
M.escape = esc

local function num(x)
  local s = string.format("%.2f", x):gsub("0+$", ""):gsub("%.$", "")
  if s == "-0" then s = "0" end
  return s
end

local function fmt(x)
  return (string.format("%.3f", x):gsub("0+$", ""):gsub("%.$", ".0"))
end

-- Approximate text width at 12 px sans-serif.
local function text_width(s, size)
  return (utf8.len(s) or #s) * (size or 12) * 0.56
end

-- An SVG document: w x h, a title, the body's parts.
local function document(w, h, title, parts, class)
  return table.concat {
    '<svg xmlns="http://www.w3.org/2000/svg" class="chart ', class, '" viewBox="0 0 ',
    num(w), " ", num(h), '" width="', num(w), '" height="', num(h),
    '" role="img" aria-label="', esc(title), '" font-family="sans-serif" font-size="12">',
    "<title>", esc(title), "</title>", table.concat(parts), "</svg>\n" }
end

local function text(x, y, s, attrs)
  return string.format('<text x="%s" y="%s"%s>%s</text>', num(x), num(y),
                       attrs and (" " .. attrs) or "", esc(s))
end

-- A horizontal axis from lo to hi over [x0, x1] at y, with ticks.
local function axis(parts, lo, hi, x0, x1, y, ticks, label)
  local function sx(v) return x0 + (v - lo) / (hi - lo) * (x1 - x0) end
  parts[#parts + 1] = string.format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" '
    .. 'stroke="#333"/>', num(x0), num(y), num(x1), num(y))
  for i = 0, ticks do
    local v = lo + (hi - lo) * i / ticks
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>',
      num(sx(v)), num(y), num(sx(v)), num(y + 4))
    parts[#parts + 1] = text(sx(v), y + 16, num(v), 'text-anchor="middle"')
  end
  if label then
    parts[#parts + 1] = text((x0 + x1) / 2, y + 32, label, 'text-anchor="middle"')
  end
  return sx
end

-- A vertical scale from lo to hi over [y1, y0] beside [x0, x1]: four
-- gridlines with their values and the rotated label; returns the scale.
local function vaxis(parts, lo, hi, x0, x1, y0, y1, label)
  local function sy(v) return y1 - (v - lo) / (hi - lo) * (y1 - y0) end
  for i = 0, 4 do
    local v = lo + (hi - lo) * i / 4
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#ddd"/>',
      num(x0), num(sy(v)), num(x1), num(sy(v)))
    parts[#parts + 1] = text(x0 - 6, sy(v) + 4, num(v), 'text-anchor="end"')
  end
  parts[#parts + 1] = text(14, (y0 + y1) / 2, label,
    string.format('transform="rotate(-90 14 %s)" text-anchor="middle"', num((y0 + y1) / 2)))
  return sy
end

local function extent(values, pad)
  local lo, hi = math.huge, -math.huge
  for _, v in ipairs(values) do
    if v < lo then lo = v end
    if v > hi then hi = v end
  end
  if lo == math.huge then lo, hi = -1, 1 end
  if lo == hi then lo, hi = lo - 0.5, hi + 0.5 end
  local p = (hi - lo) * (pad or 0.05)
  return lo - p, hi + p
end

local function longest(labels)
  local w = 0
  for _, s in ipairs(labels) do w = math.max(w, text_width(s)) end
  return w
end

-- ---------------------------------------------------------------------
-- Bars

-- The tornado: one bar per factor from its low to its high index, around
-- the index at the given weights. rows: kb:sensitivity's list.
function M.tornado(rows, opts)
  opts = opts or {}
  local labels, vals = {}, { rows.index or 0 }
  for i, r in ipairs(rows) do
    labels[i] = r.name or r.factor
    vals[#vals + 1] = r.low; vals[#vals + 1] = r.high
  end
  local lw = longest(labels) + 12
  local w, bh = lw + 420, 22
  local h = 40 + #rows * bh + 50
  local lo, hi = extent(vals)
  local parts = {}
  local sx = axis(parts, lo, hi, lw, w - 20, 30 + #rows * bh + 6, 4, "alignment index")
  local x0 = sx(rows.index or 0)
  parts[#parts + 1] = text(10, 18, string.format("Tornado: horizon %s, pressure %s, index %s",
    tostring(rows.horizon), fmt(rows.pressure or 0.5), fmt(rows.index or 0)),
    'font-weight="bold"')
  for i, r in ipairs(rows) do
    local y = 30 + (i - 1) * bh
    local a, b = sx(math.min(r.low, r.high)), sx(math.max(r.low, r.high))
    local fill = KIND_FILL[r.kind] or PALETTE.grey
    parts[#parts + 1] = text(lw - 6, y + 15, labels[i], 'text-anchor="end"')
    parts[#parts + 1] = string.format(
      '<rect class="bar %s" data-factor="%s" x="%s" y="%s" width="%s" height="%s" fill="%s">'
      .. "<title>%s: index %s at weight %s, %s at weight %s (swing %s)</title></rect>",
      esc(r.kind), esc(r.factor), num(a), num(y + 3), num(math.max(b - a, 1)), bh - 6, fill,
      esc(labels[i]), fmt(r.low), fmt(r.w_low), fmt(r.high), fmt(r.w_high), fmt(r.swing))
  end
  parts[#parts + 1] = string.format('<line x1="%s" y1="26" x2="%s" y2="%s" stroke="#000" '
    .. 'stroke-dasharray="3 2"/>', num(x0), num(x0), num(30 + #rows * bh + 6))
  for i, k in ipairs(KINDS_DRAWN) do
    local x = w - 190 + (i - 1) * 80
    parts[#parts + 1] = string.format('<rect x="%s" y="%s" width="12" height="12" fill="%s"/>',
      num(x), num(h - 16), k[2])
    parts[#parts + 1] = text(x + 16, h - 6, k[1])
  end
  return document(w, h, opts.title or "Tornado chart of the alignment index", parts, "tornado")
end

-- Contributions: one signed bar per factor, for each horizon given.
-- models: a list of kb:alignment results.
function M.contributions(models, opts)
  opts = opts or {}
  local labels, vals, nrows = {}, { 0 }, 0
  for _, m in ipairs(models) do
    for _, c in ipairs(m.contributions) do
      labels[#labels + 1] = c.name or c.factor
      vals[#vals + 1] = c.value
      nrows = nrows + 1
    end
  end
  local lw = longest(labels) + 12
  local w, bh = lw + 380, 20
  local h = 40 + nrows * bh + #models * 26 + 40
  local lo, hi = extent(vals)
  local parts = {}
  local axis_y = h - 44
  local sx = axis(parts, lo, hi, lw, w - 20, axis_y, 4, "contribution to the index")
  local y = 26
  for _, m in ipairs(models) do
    parts[#parts + 1] = text(10, y + 14, string.format("horizon %s: index %s at pressure %s",
      m.horizon, fmt(m.index), fmt(m.pressure)), 'font-weight="bold"')
    y = y + 26
    for _, c in ipairs(m.contributions) do
      local a, b = sx(math.min(0, c.value)), sx(math.max(0, c.value))
      local pos = c.value >= 0
      parts[#parts + 1] = text(lw - 6, y + 14, c.name or c.factor, 'text-anchor="end"')
      parts[#parts + 1] = string.format(
        '<rect class="bar %s" data-factor="%s" data-horizon="%s" x="%s" y="%s" width="%s" '
        .. 'height="%s" fill="%s"><title>%s (%s): %s</title></rect>',
        pos and "pos" or "neg", esc(c.factor), esc(m.horizon), num(a), num(y + 3),
        num(math.max(b - a, 1)), bh - 6, SIGN_COLOUR[pos and 1 or -1],
        esc(c.name or c.factor), esc(c.kind), fmt(c.value))
      y = y + bh
    end
  end
  parts[#parts + 1] = string.format('<line x1="%s" y1="26" x2="%s" y2="%s" stroke="#000"/>',
    num(sx(0)), num(sx(0)), num(axis_y))
  return document(w, h, opts.title or "Contributions to the alignment index", parts,
                  "contributions")
end

-- ---------------------------------------------------------------------
-- Lines and distributions

-- The index against pressure: series = {{horizon, points = {{pressure,
-- index}, ...}}, ...}; one `mark` per point.
function M.pressure(series, opts)
  opts = opts or {}
  local w, h = 560, 340
  local x0, x1, y0, y1 = 60, w - 130, 30, h - 60
  local vals = {}
  for _, s in ipairs(series) do
    for _, p in ipairs(s.points) do vals[#vals + 1] = p[2] end
  end
  local lo, hi = extent(vals, 0.1)
  local parts = {}
  local sx = axis(parts, 0, 1, x0, x1, y1, 4, "Western pressure (0.5 = status quo)")
  local sy = vaxis(parts, lo, hi, x0, x1, y0, y1, "index")
  local colours = { PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.purple }
  local dashes = { "", ' stroke-dasharray="6 3"', ' stroke-dasharray="2 2"', "" }
  for k, s in ipairs(series) do
    local col = colours[(k - 1) % #colours + 1]
    local pts = {}
    for _, p in ipairs(s.points) do pts[#pts + 1] = num(sx(p[1])) .. "," .. num(sy(p[2])) end
    parts[#parts + 1] = string.format('<polyline class="line" fill="none" stroke="%s" '
      .. 'stroke-width="2"%s points="%s"/>', col, dashes[(k - 1) % #dashes + 1],
      table.concat(pts, " "))
    for _, p in ipairs(s.points) do
      parts[#parts + 1] = string.format('<circle class="mark" data-horizon="%s" cx="%s" '
        .. 'cy="%s" r="3.5" fill="%s"><title>%s: pressure %s, index %s</title></circle>',
        esc(s.horizon), num(sx(p[1])), num(sy(p[2])), col, esc(s.horizon), fmt(p[1]),
        fmt(p[2]))
    end
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" '
      .. 'stroke-width="2"%s/>', num(x1 + 14), num(y0 + 10 + 20 * (k - 1)), num(x1 + 40),
      num(y0 + 10 + 20 * (k - 1)), col, dashes[(k - 1) % #dashes + 1])
    parts[#parts + 1] = text(x1 + 46, y0 + 14 + 20 * (k - 1), s.horizon)
  end
  return document(w, h, opts.title or "Alignment index against Western pressure", parts,
                  "pressure")
end

-- The calibration plot: mean forecast against observed frequency per band,
-- over the diagonal of perfect calibration; rows = kb:scores's calibration
-- list ({band, n, mean_p, observed}); one `mark` per row, its area by n.
function M.calibration(rows, opts)
  opts = opts or {}
  local labels = {}
  for i, r in ipairs(rows) do labels[i] = string.format("%s (n=%d)", r.band, r.n) end
  local x0, x1, y0, y1 = 60, 380, 30, 350
  local w, h = math.ceil(x1 + 44 + longest(labels)), 400
  local parts = {}
  local sx = axis(parts, 0, 1, x0, x1, y1, 4, "mean forecast probability")
  local sy = vaxis(parts, 0, 1, x0, x1, y0, y1, "observed frequency")
  parts[#parts + 1] = string.format('<line class="diagonal" x1="%s" y1="%s" x2="%s" y2="%s" '
    .. 'stroke="%s" stroke-dasharray="4 3"/>', num(sx(0)), num(sy(0)), num(sx(1)), num(sy(1)),
    PALETTE.grey)
  local nmax = 1
  for _, r in ipairs(rows) do nmax = math.max(nmax, r.n) end
  local colours = { PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.purple,
                    PALETTE.vermillion, PALETTE.sky, PALETTE.yellow }
  for i, r in ipairs(rows) do
    local col = colours[(i - 1) % #colours + 1]
    local rad = 4 + 8 * math.sqrt(r.n / nmax)
    parts[#parts + 1] = string.format('<circle class="mark" data-band="%s" data-n="%d" '
      .. 'cx="%s" cy="%s" r="%s" fill="%s" fill-opacity="0.75" stroke="#333">'
      .. '<title>%s: %d forecast%s, mean p %s, observed %s</title></circle>', esc(r.band), r.n,
      num(sx(r.mean_p)), num(sy(r.observed)), num(rad), col, esc(r.band), r.n,
      r.n == 1 and "" or "s", fmt(r.mean_p), fmt(r.observed))
    local ly = y0 + 10 + 18 * (i - 1)
    parts[#parts + 1] = string.format('<circle cx="%s" cy="%s" r="5" fill="%s"/>',
      num(x1 + 24), num(ly - 4), col)
    parts[#parts + 1] = text(x1 + 34, ly, labels[i])
  end
  if #rows == 0 then
    parts[#parts + 1] = text((x0 + x1) / 2, (y0 + y1) / 2, "no scored forecast",
                             'text-anchor="middle"')
  end
  return document(w, h, opts.title or "Calibration of the forecasts", parts, "calibration")
end

-- The ACH timeline: each hypothesis's score at each date of kb:timeline
-- (tl = {question, hypotheses, rows = {{date, scores, top}}}), dates evenly
-- spaced in order; one `line` per hypothesis, a `mark` per score.
function M.ach_timeline(tl, opts)
  opts = opts or {}
  local hyps, rows = tl.hypotheses, tl.rows
  local x0, y0, y1 = 70, 30, 300
  local x1 = x0 + math.max(200, 28 * #rows)
  local w, h = math.ceil(x1 + 56 + longest(hyps)), 380
  local vals = {}
  for _, r in ipairs(rows) do
    for _, hy in ipairs(hyps) do vals[#vals + 1] = r.scores[hy] end
  end
  local lo, hi = extent(vals, 0.05)
  local parts = {}
  local function sx(i) return #rows < 2 and (x0 + x1) / 2 or x0 + (i - 1) / (#rows - 1) * (x1 - x0) end
  local sy = vaxis(parts, lo, hi, x0, x1, y0, y1, "ACH score (0 is best)")
  parts[#parts + 1] = string.format('<line class="axis" x1="%s" y1="%s" x2="%s" y2="%s" '
    .. 'stroke="#333"/>', num(x0), num(y1), num(x1), num(y1))
  local step = math.max(1, math.ceil(#rows / 6))
  for i, r in ipairs(rows) do
    if (i - 1) % step == 0 or i == #rows then
      parts[#parts + 1] = text(sx(i), y1 + 16, tostring(r.date), 'text-anchor="middle"')
    end
  end
  parts[#parts + 1] = text((x0 + x1) / 2, y1 + 34, "date (in order; the top hypothesis after "
    .. "each dated item)", 'text-anchor="middle"')
  local colours = { PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.vermillion,
                    PALETTE.purple, PALETTE.sky, PALETTE.black }
  local dashes = { "", ' stroke-dasharray="6 3"', ' stroke-dasharray="2 2"' }
  for k, hy in ipairs(hyps) do
    local col, dash = colours[(k - 1) % #colours + 1], dashes[(k - 1) % #dashes + 1]
    local pts, marks = {}, {}
    for i, r in ipairs(rows) do
      local v = r.scores[hy]
      if v then
        pts[#pts + 1] = num(sx(i)) .. "," .. num(sy(v))
        marks[#marks + 1] = string.format('<circle class="mark" cx="%s" cy="%s" r="3" '
          .. 'fill="%s"><title>%s on %s: %s%s</title></circle>', num(sx(i)), num(sy(v)), col,
          esc(hy), esc(r.date), fmt(v), r.top == hy and " (top)" or "")
      end
    end
    parts[#parts + 1] = string.format('<g data-hypothesis="%s"><polyline class="line" '
      .. 'fill="none" stroke="%s" stroke-width="2"%s points="%s"/>%s</g>', esc(hy), col, dash,
      table.concat(pts, " "), table.concat(marks))
    local ly = y0 + 10 + 20 * (k - 1)
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" '
      .. 'stroke-width="2"%s/>', num(x1 + 14), num(ly - 4), num(x1 + 40), num(ly - 4), col, dash)
    parts[#parts + 1] = text(x1 + 46, ly, hy)
  end
  return document(w, h, opts.title or ("ACH scores over time" .. (tl.question
    and (", " .. tl.question) or "")), parts, "ach-timeline")
end

local QUANTILES = { { "min", "min" }, { "q05", "5%" }, { "q25", "25%" }, { "q50", "median" },
                    { "q75", "75%" }, { "q95", "95%" }, { "max", "max" } }

-- The Monte Carlo distribution of the index: one box per simulation
-- (kb:simulate results), whiskers at 5% and 95%, min and max as ticks.
function M.distribution(sims, opts)
  opts = opts or {}
  local w = 560
  local h = 70 + #sims * 60 + 40
  local vals = { 0 }
  for _, s in ipairs(sims) do vals[#vals + 1] = s.min; vals[#vals + 1] = s.max end
  local lo, hi = extent(vals)
  local parts = {}
  local x0, x1 = 90, w - 30
  local sx = axis(parts, lo, hi, x0, x1, h - 50, 4, "alignment index")
  parts[#parts + 1] = string.format('<line x1="%s" y1="20" x2="%s" y2="%s" stroke="#999" '
    .. 'stroke-dasharray="3 2"/>', num(sx(0)), num(sx(0)), num(h - 50))
  for i, s in ipairs(sims) do
    local y = 30 + (i - 1) * 60
    local c = y + 20
    parts[#parts + 1] = text(x0 - 8, c + 4, s.horizon, 'text-anchor="end"')
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>',
      num(sx(s.q05)), num(c), num(sx(s.q95)), num(c))
    parts[#parts + 1] = string.format(
      '<rect class="box" x="%s" y="%s" width="%s" height="24" fill="%s" stroke="#333">'
      .. "<title>%s: %d draws (seed %s); mean %s, sd %s, P(index &gt; 0) %s</title></rect>",
      num(sx(s.q25)), num(c - 12), num(math.max(sx(s.q75) - sx(s.q25), 1)), PALETTE.sky,
      esc(s.horizon), s.n, tostring(s.seed), fmt(s.mean), fmt(s.sd), fmt(s.p_positive))
    for _, q in ipairs(QUANTILES) do
      local x = sx(s[q[1]])
      local half = (q[1] == "q50") and 12 or 6
      parts[#parts + 1] = string.format('<line class="mark" data-q="%s" x1="%s" y1="%s" '
        .. 'x2="%s" y2="%s" stroke="#000" stroke-width="2"><title>%s %s</title></line>',
        q[1], num(x), num(c - half), num(x), num(c + half), q[2], fmt(s[q[1]]))
    end
    parts[#parts + 1] = text(x0, y + 2, string.format("mean %s, sd %s, P(index > 0) = %s, n = %d",
      fmt(s.mean), fmt(s.sd), fmt(s.p_positive), s.n), 'font-size="11"')
  end
  return document(w, h, opts.title or "Monte Carlo distribution of the alignment index",
                  parts, "distribution")
end

-- The Monte Carlo histograms of the index: sims = kb:simulate results
-- with a histogram (opts.bins), one panel per simulation over a shared
-- axis; one `bin` per histogram bin (its range and count in its title),
-- the mean and the median as `mark`s.
function M.histogram(sims, opts)
  opts = opts or {}
  local w, ph = 560, 110
  local h = 40 + #sims * (ph + 24) + 50
  local vals = { 0 }
  for _, s in ipairs(sims) do
    vals[#vals + 1] = s.histogram.lo; vals[#vals + 1] = s.histogram.hi
  end
  local lo, hi = extent(vals)
  local parts = {}
  local x0, x1 = 90, w - 30
  local base = h - 50
  local sx = axis(parts, lo, hi, x0, x1, base, 4, "alignment index")
  parts[#parts + 1] = string.format('<line x1="%s" y1="20" x2="%s" y2="%s" stroke="#999" '
    .. 'stroke-dasharray="3 2"/>', num(sx(0)), num(sx(0)), num(base))
  for i, s in ipairs(sims) do
    local hg = s.histogram
    local top = 40 + (i - 1) * (ph + 24)
    local bottom = top + ph
    local cmax = 1
    for _, c in ipairs(hg.counts) do cmax = math.max(cmax, c) end
    parts[#parts + 1] = text(x0, top - 6, string.format("%s: n = %d, mean %s, sd %s, "
      .. "P(index > 0) = %s", s.horizon, s.n, fmt(s.mean), fmt(s.sd), fmt(s.p_positive)),
      'font-size="11"')
    parts[#parts + 1] = text(x0 - 8, bottom - ph / 2, s.horizon, 'text-anchor="end"')
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#333"/>',
      num(x0), num(bottom), num(x1), num(bottom))
    for b, c in ipairs(hg.counts) do
      local a = hg.lo + (b - 1) * hg.width
      local z = b == #hg.counts and hg.hi or a + hg.width
      local bh = c / cmax * (ph - 10)
      parts[#parts + 1] = string.format('<rect class="bin" data-count="%d" x="%s" y="%s" '
        .. 'width="%s" height="%s" fill="%s"><title>%s: %s to %s, %d draws (%.1f%%)</title>'
        .. "</rect>", c, num(sx(a)), num(bottom - bh), num(math.max(sx(z) - sx(a) - 0.5, 0.5)),
        num(bh), PALETTE.sky, esc(s.horizon), fmt(a), fmt(z), c, 100 * c / s.n)
    end
    for _, m in ipairs { { "mean", s.mean, PALETTE.vermillion, "" },
                         { "median", s.q50, PALETTE.black, ' stroke-dasharray="4 2"' } } do
      parts[#parts + 1] = string.format('<line class="mark" data-stat="%s" x1="%s" y1="%s" '
        .. 'x2="%s" y2="%s" stroke="%s" stroke-width="2"%s><title>%s %s</title></line>', m[1],
        num(sx(m[2])), num(top), num(sx(m[2])), num(bottom), m[3], m[4], m[1], fmt(m[2]))
    end
  end
  -- the key of the two marks
  local ky = h - 12
  parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" '
    .. 'stroke-width="2"/>', num(x1 - 150), num(ky - 4), num(x1 - 130), num(ky - 4),
    PALETTE.vermillion)
  parts[#parts + 1] = text(x1 - 126, ky, "mean", 'font-size="11"')
  parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#000" '
    .. 'stroke-width="2" stroke-dasharray="4 2"/>', num(x1 - 80), num(ky - 4), num(x1 - 60),
    num(ky - 4))
  parts[#parts + 1] = text(x1 - 56, ky, "median", 'font-size="11"')
  return document(w, h, opts.title or "Monte Carlo histogram of the alignment index", parts,
                  "histogram")
end

-- ---------------------------------------------------------------------
-- The ACH heat map

-- ach: kb:ach's result; items: the question's items (kb:items); hyps: its
-- hypotheses. One `cell` per rating, classed `r-CC` ... `r-NA`.
function M.ach(ach, items, hyps, opts)
  opts = opts or {}
  local diag, pivotal = {}, {}
  for _, e in ipairs(ach.evidence or {}) do
    diag[e.item], pivotal[e.item] = e.diagnosticity, e.pivotal
  end
  local score = {}
  for _, r in ipairs(ach.hypotheses or {}) do score[r.hypothesis] = r end
  local cw, ch, lw = 74, 22, 60
  local top = 120
  local w = lw + #hyps * cw + 110
  local h = top + #items * ch + 40
  local parts = {}
  for j, hy in ipairs(hyps) do
    local x = lw + (j - 1) * cw + cw / 2
    parts[#parts + 1] = string.format('<text class="hyp" x="%s" y="%s" transform="rotate(-35 %s %s)"'
      .. '><title>%s</title>%s</text>', num(x), num(top - 26), num(x), num(top - 26),
      esc(hy.text or hy.id), esc(hy.id))
    local sc = score[hy.id]
    if sc then
      parts[#parts + 1] = text(x, top - 6, string.format("%s #%d", fmt(sc.score), sc.rank),
        'text-anchor="middle" font-size="11"')
    end
  end
  parts[#parts + 1] = text(lw + #hyps * cw + 8, top - 6, "diagnosticity", 'font-size="11"')
  for i, it in ipairs(items) do
    local y = top + (i - 1) * ch
    parts[#parts + 1] = string.format('<text x="4" y="%s"%s><title>%s</title>%s%s</text>',
      num(y + 15), pivotal[it.id] and ' font-weight="bold"' or "", esc(it.text), esc(i),
      pivotal[it.id] and " *" or "")
    for j, hy in ipairs(hyps) do
      local r = it.ratings and it.ratings[hy.id]
      if r then
        parts[#parts + 1] = string.format(
          '<rect class="cell r-%s" data-item="%s" data-hypothesis="%s" x="%s" y="%s" '
          .. 'width="%s" height="%s" fill="%s" stroke="#fff"><title>%s vs %s: %s</title></rect>',
          r, esc(it.id), esc(hy.id), num(lw + (j - 1) * cw), num(y), cw, ch, RATING_FILL[r],
          esc(it.id), esc(hy.id), r)
        parts[#parts + 1] = text(lw + (j - 1) * cw + cw / 2, y + 15, r,
          'text-anchor="middle" fill="' .. ((r == "CC" or r == "II") and "#fff" or "#000") .. '"')
      end
    end
    local d = diag[it.id] or 0
    parts[#parts + 1] = string.format('<rect x="%s" y="%s" width="%s" height="%s" fill="#999"/>',
      num(lw + #hyps * cw + 8), num(y + 5), num(math.max(d * 6, 1)), ch - 10)
    parts[#parts + 1] = text(lw + #hyps * cw + 12 + math.max(d * 6, 1), y + 15, fmt(d),
      'font-size="11"')
  end
  parts[#parts + 1] = text(4, h - 12, "* pivotal: removing the item changes the top hypothesis",
    'font-size="11"')
  return document(w, h, opts.title or ("ACH matrix " .. tostring(ach.question or "")), parts,
                  "ach")
end

-- ---------------------------------------------------------------------
-- Networks

-- A deterministic force layout of nodes (ids) and edges ({from, to,
-- weight}) in a w x h box; returns id -> {x, y}.
function M.layout(nodes, edges, w, h)
  local n = #nodes
  local pos, idx = {}, {}
  for i, id in ipairs(nodes) do
    idx[id] = i
    local a = 2 * math.pi * (i - 1) / math.max(n, 1)
    pos[i] = { math.cos(a) * w / 3, math.sin(a) * h / 3 }
  end
  if n == 0 then return {} end
  local k = math.sqrt(w * h / n) * 0.8
  local rounds = 300
  local pairs_ = {}
  for _, e in ipairs(edges) do
    local a, b = idx[e.from], idx[e.to]
    if a and b and a ~= b then pairs_[#pairs_ + 1] = { a, b } end
  end
  for round = 1, rounds do
    local t = (w / 10) * (1 - (round - 1) / rounds)
    local disp = {}
    for i = 1, n do disp[i] = { 0, 0 } end
    for i = 1, n do
      for j = i + 1, n do
        local dx, dy = pos[i][1] - pos[j][1], pos[i][2] - pos[j][2]
        local d = math.max(math.sqrt(dx * dx + dy * dy), 0.01)
        local f = k * k / d
        dx, dy = dx / d * f, dy / d * f
        disp[i][1], disp[i][2] = disp[i][1] + dx, disp[i][2] + dy
        disp[j][1], disp[j][2] = disp[j][1] - dx, disp[j][2] - dy
      end
    end
    for _, p in ipairs(pairs_) do
      local i, j = p[1], p[2]
      local dx, dy = pos[i][1] - pos[j][1], pos[i][2] - pos[j][2]
      local d = math.max(math.sqrt(dx * dx + dy * dy), 0.01)
      local f = d * d / k
      dx, dy = dx / d * f, dy / d * f
      disp[i][1], disp[i][2] = disp[i][1] - dx, disp[i][2] - dy
      disp[j][1], disp[j][2] = disp[j][1] + dx, disp[j][2] + dy
    end
    for i = 1, n do
      -- a weak pull to the centre keeps unconnected nodes in the picture
      disp[i][1] = disp[i][1] - pos[i][1] * 0.05
      disp[i][2] = disp[i][2] - pos[i][2] * 0.05
      local d = math.max(math.sqrt(disp[i][1] ^ 2 + disp[i][2] ^ 2), 0.01)
      local s = math.min(d, t) / d
      pos[i][1] = pos[i][1] + disp[i][1] * s
      pos[i][2] = pos[i][2] + disp[i][2] * s
    end
  end
  local minx, maxx, miny, maxy = math.huge, -math.huge, math.huge, -math.huge
  for i = 1, n do
    minx, maxx = math.min(minx, pos[i][1]), math.max(maxx, pos[i][1])
    miny, maxy = math.min(miny, pos[i][2]), math.max(maxy, pos[i][2])
  end
  local out = {}
  local sxr, syr = math.max(maxx - minx, 1), math.max(maxy - miny, 1)
  for i, id in ipairs(nodes) do
    out[id] = { (pos[i][1] - minx) / sxr * w, (pos[i][2] - miny) / syr * h }
  end
  return out
end

local function overlaps(a, b)
  return a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
end

-- nodes: {id, name, kind}; edges: {from, to, sign, weight, type}.
-- One `node` (a circle) per node, one `edge` (a line) per edge.
function M.network(nodes, edges, opts)
  opts = opts or {}
  local W, H, margin = opts.width or 900, opts.height or 640, 90
  local ids, name = {}, {}
  for i, nd in ipairs(nodes) do ids[i] = nd.id; name[nd.id] = nd.name or nd.id end
  local pos = M.layout(ids, edges, W - 2 * margin, H - 2 * margin - 40)
  local deg = {}
  for _, e in ipairs(edges) do
    deg[e.from] = (deg[e.from] or 0) + 1
    deg[e.to] = (deg[e.to] or 0) + 1
  end
  local maxw = 0
  for _, e in ipairs(edges) do maxw = math.max(maxw, math.abs(e.weight or 1)) end
  if maxw == 0 then maxw = 1 end
  local parts = {}
  local function P(id) return margin + pos[id][1], margin + pos[id][2] end
  local signs_seen = {}
  -- parallel edges (one pair, several relations) bend apart
  local pair_n, pair_i = {}, {}
  for _, e in ipairs(edges) do
    local key = e.from < e.to and (e.from .. "\0" .. e.to) or (e.to .. "\0" .. e.from)
    pair_n[key] = (pair_n[key] or 0) + 1
  end
  for _, e in ipairs(edges) do
    local x1, y1 = P(e.from)
    local x2, y2 = P(e.to)
    local key = e.from < e.to and (e.from .. "\0" .. e.to) or (e.to .. "\0" .. e.from)
    pair_i[key] = (pair_i[key] or 0) + 1
    -- the k-th of n parallel edges bows out by (k - (n+1)/2) * 14 px,
    -- on the same side whichever way it runs
    local bow = (pair_i[key] - (pair_n[key] + 1) / 2) * 14
    if e.from > e.to then bow = -bow end
    local dx, dy = x2 - x1, y2 - y1
    local len = math.max(math.sqrt(dx * dx + dy * dy), 1)
    local cx, cy = (x1 + x2) / 2 - dy / len * bow * 2, (y1 + y2) / 2 + dx / len * bow * 2
    local sign = e.sign or 0
    signs_seen[sign] = true
    local dash = opts.sign_dash ~= false and SIGN_DASH[sign] or nil
    parts[#parts + 1] = string.format(
      '<path class="edge %s" data-from="%s" data-to="%s" d="M%s %sQ%s %s %s %s" fill="none" '
      .. 'stroke="%s" stroke-width="%s" stroke-opacity="0.75"%s><title>%s – %s: %s (%s, '
      .. 'weight %s)</title></path>',
      SIGN_NAME[sign] or "neutral", esc(e.from), esc(e.to), num(x1), num(y1), num(cx), num(cy),
      num(x2), num(y2), SIGN_COLOUR[sign] or PALETTE.grey,
      num(0.8 + 4.5 * math.abs(e.weight or 1) / maxw),
      dash and (' stroke-dasharray="' .. dash .. '"') or "", esc(name[e.from] or e.from),
      esc(name[e.to] or e.to), esc(e.type or ""), SIGN_NAME[sign] or "neutral",
      fmt(e.weight or 1))
  end
  -- labels: nodes by degree (then id), each at the first free place
  local order = {}
  for i, id in ipairs(ids) do order[i] = id end
  table.sort(order, function(a, b)
    if (deg[a] or 0) ~= (deg[b] or 0) then return (deg[a] or 0) > (deg[b] or 0) end
    return a < b
  end)
  local boxes, labels = {}, {}
  for _, id in ipairs(order) do
    local x, y = P(id)
    boxes[#boxes + 1] = { x - 6, y - 6, x + 6, y + 6 }
  end
  for _, id in ipairs(order) do
    local x, y = P(id)
    local tw = text_width(name[id], 11)
    local tries = {
      { x + 9, y + 4, "start", { x + 8, y - 7, x + 10 + tw, y + 6 } },
      { x - 9, y + 4, "end", { x - 10 - tw, y - 7, x - 8, y + 6 } },
      { x, y - 10, "middle", { x - tw / 2, y - 21, x + tw / 2, y - 8 } },
      { x, y + 19, "middle", { x - tw / 2, y + 8, x + tw / 2, y + 21 } },
      { x + 9, y - 10, "start", { x + 8, y - 21, x + 10 + tw, y - 8 } },
      { x + 9, y + 18, "start", { x + 8, y + 7, x + 10 + tw, y + 20 } },
      { x - 9, y - 10, "end", { x - 10 - tw, y - 21, x - 8, y - 8 } },
      { x - 9, y + 18, "end", { x - 10 - tw, y + 7, x - 8, y + 20 } },
    }
    local pick = tries[1]
    for _, t in ipairs(tries) do
      local free = t[4][1] >= 0 and t[4][3] <= W and t[4][2] >= 0 and t[4][4] <= H - 40
      for _, b in ipairs(boxes) do
        if overlaps(t[4], b) then free = false; break end
      end
      if free then pick = t; break end
    end
    boxes[#boxes + 1] = pick[4]
    labels[id] = pick
  end
  for _, nd in ipairs(nodes) do
    local x, y = P(nd.id)
    local d = deg[nd.id] or 0
    parts[#parts + 1] = string.format(
      '<g class="node" data-id="%s" tabindex="0" role="img" aria-label="%s"><circle cx="%s" '
      .. 'cy="%s" r="%s" fill="%s" stroke="#000"/><text x="%s" y="%s" text-anchor="%s" '
      .. 'font-size="11" paint-order="stroke" stroke="#fff" stroke-width="3">%s</text>'
      .. "<title>%s (%s): %d links</title></g>",
      esc(nd.id), esc(name[nd.id]), num(x), num(y), num(4 + math.min(d, 12) * 0.6),
      PALETTE.sky, num(labels[nd.id][1]), num(labels[nd.id][2]), labels[nd.id][3],
      esc(name[nd.id]), esc(name[nd.id]), esc(nd.kind or ""), d)
  end
  -- the legend: sign by colour and dash, weight by width
  local ly = H - 30
  local lx = 20
  for _, sign in ipairs { 1, -1, 0 } do
    if signs_seen[sign] then
      local dash = opts.sign_dash ~= false and SIGN_DASH[sign] or nil
      parts[#parts + 1] = string.format('<line class="legend" x1="%s" y1="%s" x2="%s" y2="%s" '
        .. 'stroke="%s" stroke-width="3"%s/>', num(lx), num(ly), num(lx + 30), num(ly),
        SIGN_COLOUR[sign], dash and (' stroke-dasharray="' .. dash .. '"') or "")
      parts[#parts + 1] = text(lx + 36, ly + 4, opts.edge_label or SIGN_NAME[sign])
      lx = lx + 120
    end
  end
  parts[#parts + 1] = text(lx, ly + 4, "line width: weight (max " .. fmt(maxw) .. ")")
  return document(W, H, opts.title or "Network", parts, "network")
end

-- ---------------------------------------------------------------------
-- The timeline

-- A date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a fractional year, or nil.
local function year_of(d)
  local y, m, dd = tostring(d or ""):match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)")
  if not y then return nil end
  return tonumber(y) + ((tonumber(m) or 1) - 1) / 12 + ((tonumber(dd) or 1) - 1) / 365
end
M.year_of = year_of

-- events: kb:events; one `event` mark per dated event, in date order,
-- coloured by the sign of its Goldstein score.
function M.timeline(events, opts)
  opts = opts or {}
  local dated = {}
  for _, e in ipairs(events) do
    local y = year_of(e.date)
    if y then dated[#dated + 1] = { e = e, y = y } end
  end
  table.sort(dated, function(a, b)
    if a.y ~= b.y then return a.y < b.y end
    return a.e.id < b.e.id
  end)
  local rows = #dated
  local w
  local h = 60 + rows * 20 + 50
  local ys = {}
  for i, d in ipairs(dated) do ys[i] = d.y end
  local lo, hi = extent(ys, 0.03)
  lo, hi = math.floor(lo), math.ceil(hi)
  -- whole years on the axis, at most 8 ticks
  local step = math.max(1, math.ceil((hi - lo) / 8))
  hi = lo + step * math.max(1, math.ceil((hi - lo) / step))
  local parts = {}
  local x0, x1 = 30, 430
  local lw = 0
  for _, d in ipairs(dated) do
    lw = math.max(lw, text_width(tostring(d.e.date) .. "  " .. d.e.title, 11))
  end
  w = x1 + 14 + lw + 10
  local sx = axis(parts, lo, hi, x0, x1, h - 46, (hi - lo) // step, "year")
  for i, d in ipairs(dated) do
    local y = 30 + (i - 1) * 20
    local g = d.e.goldstein
    local col = (g == nil) and PALETTE.grey or (g >= 0 and PALETTE.blue or PALETTE.vermillion)
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#eee"/>',
      num(sx(d.y)), num(y + 6), num(sx(d.y)), num(h - 46))
    parts[#parts + 1] = string.format(
      '<circle class="event" data-id="%s" cx="%s" cy="%s" r="5" fill="%s" stroke="#000">'
      .. "<title>%s %s (Goldstein %s)</title></circle>", esc(d.e.id), num(sx(d.y)), num(y + 6),
      col, esc(d.e.date), esc(d.e.title), g and fmt(g) or "n/a")
    parts[#parts + 1] = text(x1 + 14, y + 10, tostring(d.e.date) .. "  " .. d.e.title,
      'font-size="11"')
  end
  parts[#parts + 1] = text(x0, 16, "Events (colour: Goldstein score, blue cooperative, "
    .. "vermillion conflictual)", 'font-size="11"')
  return document(w, h, opts.title or "Events on a timeline", parts, "timeline")
end

-- The Goldstein score of the events of each dyad (the event's first two
-- actors, in id order) over time: one `series` (a line) per dyad, one
-- `mark` per scored event of a dyad.
function M.goldstein(events, opts)
  opts = opts or {}
  local dyads, order = {}, {}
  for _, e in ipairs(events) do
    local y = year_of(e.date)
    local a = e.actors or {}
    if y and e.goldstein and #a >= 2 then
      local p, q = a[1], a[2]
      if q < p then p, q = q, p end
      local key = p .. " – " .. q
      if not dyads[key] then dyads[key] = {}; order[#order + 1] = key end
      local l = dyads[key]
      l[#l + 1] = { y = y, e = e }
    end
  end
  table.sort(order)
  local ys = {}
  for _, key in ipairs(order) do
    table.sort(dyads[key], function(a, b)
      if a.y ~= b.y then return a.y < b.y end
      return a.e.id < b.e.id
    end)
    for _, d in ipairs(dyads[key]) do ys[#ys + 1] = d.y end
  end
  local lo, hi = extent(ys, 0.03)
  lo, hi = math.floor(lo), math.ceil(hi)
  local step = math.max(1, math.ceil((hi - lo) / 8))
  hi = lo + step * math.max(1, math.ceil((hi - lo) / step))
  local lw = longest(order)
  local w, h = 520 + lw, 320
  local x0, x1, y0, y1 = 50, 480, 24, h - 60
  local parts = {}
  local sx = axis(parts, lo, hi, x0, x1, y1, (hi - lo) // step, "year")
  local function sy(g) return y1 - (g + 10) / 20 * (y1 - y0) end
  for _, g in ipairs { -10, -5, 0, 5, 10 } do
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>',
      num(x0), num(sy(g)), num(x1), num(sy(g)), g == 0 and "#777" or "#ddd")
    parts[#parts + 1] = text(x0 - 6, sy(g) + 4, tostring(g), 'text-anchor="end"')
  end
  parts[#parts + 1] = text(14, (y0 + y1) / 2, "Goldstein",
    string.format('transform="rotate(-90 14 %s)" text-anchor="middle"', num((y0 + y1) / 2)))
  local colours = { PALETTE.blue, PALETTE.vermillion, PALETTE.green, PALETTE.orange,
                    PALETTE.purple, PALETTE.sky, PALETTE.black, PALETTE.grey }
  local dashes = { "", "6 3", "2 2", "8 3 2 3" }
  for k, key in ipairs(order) do
    local col = colours[(k - 1) % #colours + 1]
    local dash = dashes[((k - 1) // #colours) % #dashes + 1]
    local dash_attr = dash ~= "" and (' stroke-dasharray="' .. dash .. '"') or ""
    local pts = {}
    for _, d in ipairs(dyads[key]) do pts[#pts + 1] = num(sx(d.y)) .. "," .. num(sy(d.e.goldstein)) end
    parts[#parts + 1] = string.format('<polyline class="series" data-dyad="%s" fill="none" '
      .. 'stroke="%s" stroke-width="2"%s points="%s"/>', esc(key), col, dash_attr,
      table.concat(pts, " "))
    for _, d in ipairs(dyads[key]) do
      parts[#parts + 1] = string.format('<circle class="mark" data-id="%s" cx="%s" cy="%s" '
        .. 'r="4" fill="%s"><title>%s %s: %s (Goldstein %s)</title></circle>', esc(d.e.id),
        num(sx(d.y)), num(sy(d.e.goldstein)), col, esc(d.e.date), esc(key), esc(d.e.title),
        fmt(d.e.goldstein))
    end
    local ly = y0 + 4 + (k - 1) * 16
    parts[#parts + 1] = string.format('<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" '
      .. 'stroke-width="2"%s/>', num(x1 + 14), num(ly), num(x1 + 36), num(ly), col, dash_attr)
    parts[#parts + 1] = text(x1 + 40, ly + 4, key, 'font-size="11"')
  end
  h = math.max(h, y0 + #order * 16 + 20)
  return document(w, h, opts.title or "Goldstein score per dyad", parts, "goldstein")
end

-- ---------------------------------------------------------------------
-- PNG

-- The renderer `sinorus chart --png` uses: librsvg's rsvg-convert (Debian's
-- librsvg2-bin; tools/deps.sh installs it).
M.RENDERER = "rsvg-convert"

local function shell_quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- An SVG document (a string) as PNG bytes at its own size times zoom
-- (default 1), rendered by M.RENDERER; nil, message when the renderer is
-- missing or fails (its message then).
function M.png(svg, zoom)
  util.check_type("png", 1, svg, "string")
  zoom = zoom or 1
  if type(zoom) ~= "number" or not (zoom > 0 and zoom <= 16) then
    error("bad argument #2 to 'png' (zoom must be a number in (0, 16])", 2)
  end
  if os.execute("command -v " .. M.RENDERER .. " >/dev/null 2>&1") ~= true then
    return nil, "cannot render PNG: " .. M.RENDERER .. " not found (install Debian's "
      .. "librsvg2-bin)"
  end
  local input, errs = os.tmpname(), os.tmpname()
  local f, msg = io.open(input, "wb")
  if not f then os.remove(errs); return nil, msg end
  f:write(svg)
  f:close()
  local p = assert(io.popen(string.format("%s -f png -z %s %s 2>%s", M.RENDERER,
    string.format("%.6g", zoom), shell_quote(input), shell_quote(errs)), "r"))
  local png = p:read("a")
  local ok = p:close()
  local ef = io.open(errs, "rb")
  local err = ef and ef:read("a") or ""
  if ef then ef:close() end
  os.remove(input); os.remove(errs)
  if not ok or png:sub(1, 8) ~= "\137PNG\r\n\26\n" then
    return nil, "cannot render PNG: " .. M.RENDERER .. " failed"
      .. (err:match("%S") and (": " .. err:gsub("%s+$", "")) or "")
  end
  return png
end

-- ---------------------------------------------------------------------
-- Bars in a terminal

-- s padded or cut (ending in "…") to n columns.
local function cut(s, n)
  return util.clip(s, n) .. string.rep(" ", n - util.width(util.clip(s, n)))
end

-- How text bars suit standard output: block characters when it is a
-- terminal and the locale is UTF-8 (LC_ALL, else LC_CTYPE, else LANG),
-- ASCII otherwise; the terminal's width, else `width` (nil: no limit).
-- Returns {unicode, width}, the options text_bars takes.
function M.text_style(width)
  local tty = core.isatty ~= nil and core.isatty(1) or false
  local loc = os.getenv("LC_ALL")
  if loc == nil or loc == "" then loc = os.getenv("LC_CTYPE") end
  if loc == nil or loc == "" then loc = os.getenv("LANG") end
  local utf = (loc or ""):lower():match("utf%-?8") ~= nil
  local cols = tty and core.termsize and core.termsize(1) or nil
  return { unicode = tty and utf, width = cols or width }
end

-- Text bars, one line per row, for a terminal or a Markdown code block.
-- rows: {{label, value}} (a signed bar from 0) or {{label, low, high}}
-- (a bar over a range, as the tornado's); opts: width (the columns of a
-- line; nil: labels whole and 40 columns of bars), unicode (true: block
-- characters; false: ASCII), base (the range bars' line, default 0),
-- digits (2). Labels are whole when the width leaves the bars 30 columns;
-- longer ones are cut with "…".
function M.text_bars(rows, opts)
  opts = opts or {}
  local width = opts.width
  local full, axis_c = opts.unicode == false and "#" or "█", opts.unicode == false and "|" or "│"
  local base = opts.base or 0
  local lo, hi = base, base
  local lw = 0
  for _, r in ipairs(rows) do
    lw = math.max(lw, util.width(r[1]))
    for i = 2, 3 do
      if r[i] then lo, hi = math.min(lo, r[i]), math.max(hi, r[i]) end
    end
  end
  if lo == hi then hi = lo + 1 end
  local fmt_v = "%+." .. (opts.digits or 2) .. "f"
  local vw = #string.format(fmt_v, -1) * 2 + 1
  local n = 40
  if width then
    lw = math.min(lw, math.max(12, width - vw - 3 - 30))
    n = math.max(10, width - lw - vw - 3)
  end
  local function col(v) return math.floor((v - lo) / (hi - lo) * (n - 1) + 0.5) + 1 end
  local zc = col(base)
  local out = {}
  for _, r in ipairs(rows) do
    local a, b, val
    if r[3] then
      a, b = col(math.min(r[2], r[3])), col(math.max(r[2], r[3]))
      val = string.format(fmt_v .. " " .. fmt_v, r[2], r[3])
    else
      a, b = col(math.min(0, r[2])), col(math.max(0, r[2]))
      val = string.format(fmt_v, r[2])
    end
    local cells = {}
    for i = 1, n do
      if i >= a and i <= b and not (a == b and r[3] == nil and r[2] == 0) then
        cells[i] = full
      elseif i == zc then
        cells[i] = axis_c
      else
        cells[i] = " "
      end
    end
    out[#out + 1] = (cut(r[1], lw) .. " " .. table.concat(cells) .. " " .. val):gsub("%s+$", "")
  end
  return table.concat(out, "\n") .. "\n"
end

-- ---------------------------------------------------------------------
-- From a knowledge base

local HORIZONS = { "short", "long" }
local PRESSURES = { 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1 }
local HISTOGRAM_BINS = 40

-- f(horizon) for opts.horizon, else for each horizon, as a list.
local function per_horizon(o, f)
  local out = {}
  for _, hz in ipairs(o.horizon and { o.horizon } or HORIZONS) do out[#out + 1] = f(hz) end
  return out
end

-- The charts, in order; each draws from a KB with opts.
local DRAW = {
  tornado = function(kb, o)
      local rows = kb:sensitivity { horizon = o.horizon or "short" }
      local names = {}
      for _, f in ipairs(kb:factors()) do names[f.id] = f.name end
      for _, r in ipairs(rows) do r.name = names[r.factor] end
      return M.tornado(rows)
    end,
  contributions = function(kb, o)
      return M.contributions(per_horizon(o, function(hz) return kb:alignment { horizon = hz } end))
    end,
  pressure = function(kb, o)
      return M.pressure(per_horizon(o, function(hz)
        local pts = {}
        for _, p in ipairs(PRESSURES) do
          pts[#pts + 1] = { p, kb:alignment { horizon = hz, pressure = p }.index }
        end
        return { horizon = hz, points = pts }
      end))
    end,
  distribution = function(kb, o)
      return M.distribution(per_horizon(o, function(hz) return kb:simulate { horizon = hz } end))
    end,
  histogram = function(kb, o)
      return M.histogram(per_horizon(o, function(hz)
        return kb:simulate { horizon = hz, bins = HISTOGRAM_BINS }
      end))
    end,
  ach = function(kb, o)
      local qs = kb:questions()
      local q = o.question or (qs[1] and qs[1].id)
      if q == nil then return M.ach({}, {}, {}, { title = "ACH matrix (no question)" }) end
      return M.ach(kb:ach { question = q }, kb:items { question = q },
                   kb:hypotheses { question = q }, { title = "ACH matrix " .. q })
    end,
  network = function(kb, o)
      local g = kb:graph { kind = "relations", horizon = o.horizon }
      return M.network(g:nodes(), g:edges(), { title = "Signed actor network" })
    end,
  mentions = function(kb, o)
      local g = kb:graph { kind = "mentions", horizon = o.horizon }
      return M.network(g:nodes(), g:edges(), { title = "Co-mention network",
        sign_dash = false, edge_label = "named in one sentence" })
    end,
  timeline = function(kb)
      return M.timeline(kb:events())
    end,
  goldstein = function(kb)
      return M.goldstein(kb:events())
    end,
  calibration = function(kb)
      return M.calibration(kb:scores().calibration)
    end,
  ach_timeline = function(kb, o)
      local qs = kb:questions()
      local q = o.question or (qs[1] and qs[1].id)
      if q == nil then return M.ach_timeline({ hypotheses = {}, rows = {} }) end
      return M.ach_timeline(kb:timeline { question = q })
    end,
}
-- (the names, and their order, are model.CHARTS's, which sinorus.CHARTS
-- gives without loading this module)
local NAMES, named = require("sinorus.model").CHARTS, {}
for _, k in ipairs(NAMES) do
  named[k] = true
  assert(DRAW[k], "no chart drawn for " .. k)
end
for k in pairs(DRAW) do assert(named[k], "chart " .. k .. " is not in model.CHARTS") end

local KB = {}

--- kb:chart(kind [, opts]): one chart of the KB as an SVG document.
-- opts: horizon ("short" or "long"; default both where a chart shows
-- both), question (the ACH question; default the first).
function KB:chart(kind, opts)
  util.check_type("chart", 1, kind, "string")
  if not DRAW[kind] then
    error(string.format("bad argument #1 to 'chart' (unknown chart '%s'; valid charts: %s)",
      kind, table.concat(NAMES, ", ")), 2)
  end
  opts = util.check_opts("chart", 2, opts, { "horizon", "question" })
  if opts.horizon ~= nil and opts.horizon ~= "short" and opts.horizon ~= "long" then
    error(string.format("bad argument #2 to 'chart' (horizon must be 'short' or 'long', "
      .. "got '%s')", tostring(opts.horizon)), 2)
  end
  return DRAW[kind](self, opts)
end

return { methods = KB, module = {}, chart = M }
