-- sinorus.html: the offline HTML reader of a knowledge base.
--
--   html.site(kb)          the site as one HTML document (a string)
--   html.write(kb, dir)    writes dir/index.html; true, or nil, message
--
-- kb:export("html", dir) calls html.write. The page carries everything it
-- needs (styles, script, charts as inline SVG, the data as JSON): it opens
-- from file:// with no server and no network.
--
-- The views are declared once in VIEWS; a view is shown when the KB holds
-- records of the types it needs (model.TYPES), so a view for a new record
-- type is one more entry there (doc/reader.md). The reader's record lists
-- derive from the record model: every type with evidence gets a list whose
-- items link to #TYPE=ID and highlight the sentences kb:evidence gives.
-- Search runs in the page over the tokens of the KB's full-text index
-- (fulltext below: each indexed segment as its positions, each position
-- the terms FTS5 holds there: the folded word, its marked stem, a CJK
-- bigram); the query is folded in the page with a table of every character
-- the fold changes (made here from core.fold), translated as sn_query.c
-- translates it, and hits are ranked by FTS5's BM25 over the index's own
-- statistics, as kb:search ranks them (doc/reader.md, "Search").

local core = require "sinorus.core"
local model = require "sinorus.model"
local chartmod = require("sinorus.chart").chart

local M = {}

local esc = chartmod.escape

local function json(v)
  -- "</script" or "<!--" in a string would end or confuse the <script>
  -- element the data sits in: every "<" (only ever inside a JSON string)
  -- goes as its escape
  return (require("sinorus").to_json(v):gsub("<", "\\u003c"))
end

-- ---------------------------------------------------------------------
-- Folding: the characters core.fold changes, for the page's query fold.

local FOLD_RANGES = { { 0x41, 0x5A }, { 0xA0, 0x24F }, { 0x370, 0x3FF }, { 0x400, 0x52F },
                      { 0x1E00, 0x1EFF }, { 0x2000, 0x206F }, { 0xFF01, 0xFF5E } }

local fold_table_cache
local function fold_table()
  if fold_table_cache then return fold_table_cache end
  local t = {}
  for _, r in ipairs(FOLD_RANGES) do
    for cp = r[1], r[2] do
      local c = utf8.char(cp)
      local f = core.fold(c)
      if f ~= c then t[c] = f end
    end
  end
  fold_table_cache = t
  return t
end

-- ---------------------------------------------------------------------
-- The full-text index, as the page searches it.

-- The varint of SQLite's format (FTS5's too) at s[i]: its value, the next
-- i; 0 past the end (the averages record of an index that never held a
-- row is empty).
local function varint(s, i)
  local v = 0
  for k = 0, 7 do
    local b = s:byte(i + k)
    if b == nil then return v, i + k end
    v = (v << 7) | (b & 0x7F)
    if b < 0x80 then return v, i + k + 1 end
  end
  return (v << 8) | (s:byte(i + 8) or 0), i + 9
end

-- The KB's full-text index for the page: index, terms, fts.
-- The rows are those of the index (segment_fts_docsize: no paragraphs;
-- repeated passages are indexed, so they count in BM25's statistics, but
-- kb:search does not list them, nor does the page): {id, 1 if repeated
-- else 0, positions}, a position being the index (from 0) in terms of the
-- one term FTS5 holds there, or the list of its colocated terms. An
-- fts5vocab table over the KB's index would be a table created on the
-- KB's connection (a write: refused on a read-only KB), so the texts are
-- tokenized again, by the KB's own tokenizer with its own arguments
-- (settings: kb:describe().search), in a scratch table of an in-memory
-- KB, and read back with an fts5vocab table of type instance; each row's
-- number of positions must be its size in the KB's index (its docsize
-- record, which counts no colocated token), or the index is out of step
-- with the texts (an error). fts is {rows, tokens} of the index's
-- averages record (block 1 of segment_fts_data), which BM25 reads.
local function fulltext(kb, settings)
  local sinorus = require "sinorus"
  local internal = require "sinorus.internal"
  local rows = kb:sql([[SELECT d.id, d.sz, s.text, s.duplicate_of FROM segment_fts_docsize d
    JOIN segment s ON s.id = d.id ORDER BY d.id]])
  local texts, at = {}, {}
  for i, r in ipairs(rows) do
    texts[i] = { r.id, r.text }
    at[r.id] = i
  end
  local scratch <close> = assert(sinorus.open(":memory:", { create = true }))
  internal.exec(scratch, "CREATE VIRTUAL TABLE temp.t USING fts5(text, tokenize = 'sinorus "
    .. table.concat(settings, " ") .. "')")
  internal.exec(scratch, "CREATE VIRTUAL TABLE temp.v USING fts5vocab(temp, t, instance)")
  internal.exec(scratch, [[INSERT INTO temp.t (rowid, text) SELECT value ->> 0, value ->> 1
    FROM json_each(?)]], sinorus.to_json(texts))
  local terms, number, pos = {}, {}, {}
  for i = 1, #rows do pos[i] = {} end
  for r in scratch:rows("SELECT term, doc, offset FROM temp.v") do
    local n = number[r.term]
    if not n then
      terms[#terms + 1] = r.term
      n = #terms - 1
      number[r.term] = n
    end
    local p, o = pos[at[r.doc]], r.offset + 1
    local x = p[o]
    if x == nil then p[o] = n
    elseif type(x) == "table" then x[#x + 1] = n
    else p[o] = { x, n } end
  end
  local index = {}
  for i, r in ipairs(rows) do
    local size = varint(r.sz, 1)
    if #pos[i] ~= size then
      error(string.format("the full-text index is out of step with segment %d (%d tokens "
        .. "indexed, %d in its text)", r.id, size, #pos[i]), 2)
    end
    index[i] = { r.id, r.duplicate_of and 1 or 0, pos[i] }
  end
  local avg = kb:sql("SELECT block FROM segment_fts_data WHERE id = 1")[1]
  local n, tokens = 0, 0
  if avg then
    local i
    n, i = varint(avg.block, 1)
    tokens = varint(avg.block, i)
  end
  return index, terms, { n, tokens }
end

-- ---------------------------------------------------------------------
-- The records resting on segments, from the record model.

-- The label of a record in a list: its text, title or name, else its id.
local function label_of(r)
  if r.from and r.to then   -- a relation
    return string.format("%s %s %s", tostring(r.from), tostring(r.type or "–"), tostring(r.to))
  end
  return r.text or r.title or r.name or tostring(r.id or r.number)
end

-- types: the model's types with evidence and records in this KB;
-- recs[type] = {{id, label, ev = {segment ids}}}; byseg[seg] = {{type, id}}.
local function records(kb)
  local types, recs, byseg = {}, {}, {}
  for _, t in ipairs(model.TYPES) do
    if t.evidence and type(kb[t.plural]) == "function" then
      local list = kb[t.plural](kb)
      if #list > 0 then
        local out = {}
        for _, r in ipairs(list) do
          local id = r.id
          if id == nil then id = r.number end
          local ev = {}
          for _, s in ipairs(kb:evidence(r)) do
            ev[#ev + 1] = s.id
            local b = byseg[s.id]
            if not b then b = {}; byseg[s.id] = b end
            b[#b + 1] = { t.name, id }
          end
          out[#out + 1] = { id = id, label = label_of(r), ev = ev }
        end
        types[#types + 1] = { name = t.name, plural = t.plural, help = t.help }
        recs[t.name] = out
      end
    end
  end
  return types, recs, byseg
end

-- ---------------------------------------------------------------------
-- The reader

-- Wraps the byte ranges [a, b] (1-based, inclusive) of text: marks =
-- {{a, b, class, title}}; overlapping marks split into pieces that carry
-- every class covering them.
local function marked(text, marks)
  if #marks == 0 then return esc(text) end
  local cuts = { [1] = true, [#text + 1] = true }
  for _, m in ipairs(marks) do
    if m[1] >= 1 and m[2] <= #text and m[1] <= m[2] then
      cuts[m[1]] = true; cuts[m[2] + 1] = true
    end
  end
  local pos = {}
  for p in pairs(cuts) do pos[#pos + 1] = p end
  table.sort(pos)
  local out = {}
  for i = 1, #pos - 1 do
    local a, b = pos[i], pos[i + 1] - 1
    local cls, titles = {}, {}
    for _, m in ipairs(marks) do
      if m[1] <= a and m[2] >= b and m[2] <= #text then
        cls[#cls + 1] = m[3]
        if m[4] then titles[#titles + 1] = m[4] end
      end
    end
    local piece = esc(text:sub(a, b))
    if #cls > 0 then
      out[#out + 1] = string.format('<span class="%s" title="%s">%s</span>',
        table.concat(cls, " "), esc(table.concat(titles, "; ")), piece)
    else
      out[#out + 1] = piece
    end
  end
  return table.concat(out)
end

local BANDS_SCALE = {}

local function band_of(sinorus, c)
  if not c.estimative then return "flat" end
  local key = c.estimative .. "\0" .. tostring(c.scale)
  if BANDS_SCALE[key] == nil then
    local ok, e = pcall(sinorus.estimate, c.estimative, c.scale)
    BANDS_SCALE[key] = ok and e and e.band or "unknown"
  end
  return BANDS_SCALE[key]
end

local function band_class(band)
  return "band-" .. band:gsub("[^%w]+", "-")
end

local function reader(kb, sinorus)
  local ents = kb:entities()
  local ent_class, ent_name = {}, {}
  for i, e in ipairs(ents) do
    ent_class[e.id] = "m ent-" .. ((i - 1) % 8)
    ent_name[e.id] = e.name
  end
  -- marks by segment: mentions, quotes, hedges; claim badges
  local marks = {}
  local function add(seg, m)
    local l = marks[seg]
    if not l then l = {}; marks[seg] = l end
    l[#l + 1] = m
  end
  local segs_by_id = {}
  for _, src in ipairs(kb:sources()) do
    for _, s in ipairs(kb:segments { source = src.id, duplicates = true }) do
      segs_by_id[s.id] = s
    end
  end
  for _, e in ipairs(ents) do
    for _, s in ipairs(kb:mentions(e.id, { duplicates = true })) do
      local seg = segs_by_id[s.segment]
      if seg then
        for _, sp in ipairs(s.spans) do
          add(seg.id, { sp.start - seg.start + 1, sp.stop - seg.start + 1,
                        ent_class[e.id] .. " e-" .. e.id, ent_name[e.id] })
        end
      end
    end
  end
  if type(kb.quotes) == "function" then
    for _, q in ipairs(kb:quotes()) do
      local seg = segs_by_id[q.segment]
      if seg then
        local a, b = seg.text:find(q.text, 1, true)
        if a then add(seg.id, { a, b, "quote", "quote " .. q.id .. " (" .. tostring(q.speaker)
          .. ")" }) end
      end
    end
  end
  local badges = {}
  if type(kb.claims) == "function" then
    for _, c in ipairs(kb:claims()) do
      local band = band_of(sinorus, c)
      for _, sid in ipairs(c.evidence or {}) do
        local l = badges[sid]
        if not l then l = {}; badges[sid] = l end
        l[#l + 1] = string.format('<a class="badge %s" href="#claim=%s" title="claim %s: %s">%s</a>',
          band_class(band), esc(c.id), esc(c.id), esc(band), esc(band))
      end
    end
  end
  local children = {}
  for _, s in pairs(segs_by_id) do
    if s.parent and segs_by_id[s.parent] then
      local l = children[s.parent]
      if not l then l = {}; children[s.parent] = l end
      l[#l + 1] = s
    end
  end
  for _, l in pairs(children) do table.sort(l, function(a, b) return a.id < b.id end) end

  local function leaf(s)
    local m = marks[s.id] or {}
    for _, h in ipairs(sinorus.hedges(s.text)) do
      m[#m + 1] = { h.start, h.stop, "hedge " .. band_class(h.band), "hedge: " .. h.band }
    end
    return marked(s.text, m) .. table.concat(badges[s.id] or {})
  end

  local out = {}
  local function render(s, inner)
    local kids = children[s.id]
    local tag = inner and "span" or (s.kind == "heading" and "h3" or "p")
    local body
    if kids then
      local parts = {}
      for _, k in ipairs(kids) do parts[#parts + 1] = render(k, true) end
      body = table.concat(parts, " ") .. table.concat(badges[s.id] or {})
    else
      body = leaf(s)
    end
    local focus = kids and "" or ' tabindex="-1"'
    return string.format('<%s class="seg %s" id="s-%d" data-seg="%d"%s>%s</%s>',
      tag, s.kind, s.id, s.id, focus, body, tag)
  end
  for _, src in ipairs(kb:sources()) do
    out[#out + 1] = string.format('<article class="source" id="src-%d"><h2>%s</h2>', src.id,
      esc(src.title))
    local by = table.concat(src.authors or {}, ", ")
    if by ~= "" or src.published then
      out[#out + 1] = string.format('<p class="byline">%s%s</p>', esc(by),
        src.published and (" (" .. esc(src.published) .. ")") or "")
    end
    for _, s in ipairs(kb:segments { source = src.id, duplicates = true }) do
      if not (s.parent and segs_by_id[s.parent]) then out[#out + 1] = render(s) end
    end
    out[#out + 1] = "</article>"
  end
  -- the legend of entity colours and marks
  local legend = { '<details class="legend"><summary>Legend</summary><ul>' }
  for i = 0, 7 do
    local names = {}
    for j, e in ipairs(ents) do
      if (j - 1) % 8 == i then names[#names + 1] = esc(e.name) end
    end
    if #names > 0 then
      legend[#legend + 1] = string.format('<li><span class="m ent-%d">entity</span> %s</li>',
        i, table.concat(names, ", "))
    end
  end
  legend[#legend + 1] = '<li><span class="quote">quote</span> a quoted phrase</li>'
  legend[#legend + 1] = '<li><span class="hedge">hedge</span> an estimative term</li>'
  legend[#legend + 1] = '<li><span class="badge band-likely">band</span> a claim resting on '
    .. "the sentence, by estimative band (flat: stated without one)</li></ul></details>"
  return table.concat(legend) .. table.concat(out, "\n")
end

-- ---------------------------------------------------------------------
-- The ACH matrices: one sortable table per question.

local function ach_view(kb)
  local out = {}
  for _, q in ipairs(kb:questions()) do
    local hyps = kb:hypotheses { question = q.id }
    local items = kb:items { question = q.id }
    local r = kb:ach { question = q.id }
    local diag, piv = {}, {}
    for _, e in ipairs(r.evidence) do diag[e.item], piv[e.item] = e.diagnosticity, e.pivotal end
    local score = {}
    for _, h in ipairs(r.hypotheses) do score[h.hypothesis] = h end
    out[#out + 1] = string.format('<section class="ach-q" id="ach-%s"><h3>%s</h3>'
      .. '<p>Top hypothesis: <strong>%s</strong>. Under each hypothesis: its score (weighted '
      .. 'inconsistency, negated: closer to 0 is better) and its rank; rows marked ★ are '
      .. 'pivotal (removing the item changes the top hypothesis).</p>', esc(q.id), esc(q.text), esc(r.top or "none"))
    out[#out + 1] = '<div class="scroll"><table class="ach sortable"><thead><tr>'
      .. '<th><button type="button" data-sort="0">#</button></th>'
      .. '<th><button type="button" data-sort="1">item</button></th>'
    for j, h in ipairs(hyps) do
      local sc = score[h.id]
      out[#out + 1] = string.format('<th title="%s"><button type="button" data-sort="%d">%s'
        .. '</button><br><small>%s</small></th>', esc(h.text), j + 1, esc(h.id),
        sc and string.format("%.2f (#%d)", sc.score, sc.rank) or "")
    end
    out[#out + 1] = string.format('<th><button type="button" data-sort="%d">diagnosticity'
      .. '</button></th></tr></thead><tbody>', #hyps + 2)
    local order = { CC = 1, C = 2, N = 3, I = 4, II = 5, NA = 6 }
    for i, it in ipairs(items) do
      out[#out + 1] = string.format('<tr%s><td data-v="%d">%d</td><td class="item" data-v="%s">'
        .. '%s%s <a href="#item=%s">%s</a></td>', piv[it.id] and ' class="pivotal"' or "", i, i,
        esc(it.id), piv[it.id] and '<span aria-label="pivotal">★</span> ' or "",
        esc(it.text), esc(it.id), esc(it.id))
      for _, h in ipairs(hyps) do
        local rt = it.ratings and it.ratings[h.id]
        if rt then
          out[#out + 1] = string.format('<td class="cell r-%s" data-v="%d" data-item="%s" '
            .. 'data-hypothesis="%s" title="%s vs %s">%s</td>', rt, order[rt], esc(it.id),
            esc(h.id), esc(it.id), esc(h.id), rt)
        else
          out[#out + 1] = '<td data-v="9"></td>'
        end
      end
      out[#out + 1] = string.format('<td data-v="%.6f">%.2f</td></tr>', diag[it.id] or 0,
        diag[it.id] or 0)
    end
    out[#out + 1] = "</tbody></table></div></section>"
  end
  out[#out + 1] = '<p class="key">Ratings: <span class="cell r-CC">CC</span> very consistent, '
    .. '<span class="cell r-C">C</span> consistent, <span class="cell r-N">N</span> neutral, '
    .. '<span class="cell r-I">I</span> inconsistent, <span class="cell r-II">II</span> very '
    .. 'inconsistent, <span class="cell r-NA">NA</span> not applicable.</p>'
  return table.concat(out)
end

local function figure(svg, caption)
  return '<figure class="chart">' .. svg .. "<figcaption>" .. esc(caption)
    .. "</figcaption></figure>"
end

-- ---------------------------------------------------------------------
-- The forecasts: each with its band, outcome, reason and events; the
-- scorecard of kb:scores; the calibration chart; the ACH timelines.

-- The scorecard's numbers: kb:scores's key and its label.
local SCORECARD = { { "n", "forecasts scored or pending" }, { "scored", "scored" },
  { "brier", "Brier score (0 is best)" }, { "base_rate", "base rate" },
  { "skill_base", "skill against the base rate" }, { "skill_half", "skill against 0.5" },
  { "reliability", "reliability (0 is best)" }, { "resolution", "resolution" },
  { "uncertainty", "uncertainty" }, { "log", "log score" } }

local function forecasts_view(kb)
  local sc = kb:scores()
  local scored = {}
  for _, r in ipairs(sc.forecasts) do scored[r.id] = r end
  local out = { '<section class="scorecard"><h3>Scorecard</h3><dl>' }
  for _, k in ipairs(SCORECARD) do
    local v = sc[k[1]]
    if v ~= nil then
      out[#out + 1] = string.format("<dt>%s</dt><dd>%s</dd>", esc(k[2]),
        math.type(v) == "integer" and tostring(v) or string.format("%.3f", v))
    end
  end
  out[#out + 1] = "</dl></section>"
  out[#out + 1] = figure(kb:chart("calibration"), "Calibration: mean forecast probability "
    .. "against the observed frequency per estimative band (area by the number of forecasts)")
  out[#out + 1] = '<h3>Forecasts</h3><div class="scroll"><table class="forecasts"><thead><tr>'
    .. "<th>forecast</th><th>proposition</th><th>band</th><th>outcome</th><th>reason</th>"
    .. "<th>events</th><th>Brier</th></tr></thead><tbody>"
  for _, f in ipairs(kb:forecasts()) do
    local c = kb:claim(f.claim)
    local r = kb:resolution(f.id)
    local outcome = r and r.outcome or "none"
    local band = c and c.estimative or ""
    if f.p_low then band = string.format("%s %.2f–%.2f", band, f.p_low, f.p_high) end
    local evs = {}
    for _, e in ipairs(r and r.events or {}) do
      evs[#evs + 1] = string.format('<a href="#event=%s">%s</a>', esc(e), esc(e))
    end
    for _, e in ipairs(r and r.against or {}) do
      evs[#evs + 1] = string.format('<a class="against" href="#event=%s">%s</a> (against)',
        esc(e), esc(e))
    end
    local b = scored[f.id]
    out[#out + 1] = string.format('<tr class="forecast outcome-%s" data-forecast="%s" '
      .. 'data-outcome="%s"><td><a href="#forecast=%s">%s</a></td><td>%s</td><td>%s</td>'
      .. '<td class="outcome">%s</td><td>%s</td><td>%s</td><td>%s</td></tr>', outcome,
      esc(f.id), outcome, esc(f.id), esc(f.id), esc(f.proposition or (c and c.text) or ""),
      esc(band), outcome:gsub("_", " "), esc(r and r.reason or ""), table.concat(evs, ", "),
      b and b.brier and string.format("%.3f", b.brier) or "")
  end
  out[#out + 1] = "</tbody></table></div>"
  for _, q in ipairs(kb:questions()) do
    out[#out + 1] = figure(kb:chart("ach_timeline", { question = q.id }),
      "ACH scores over time: " .. q.text)
  end
  return table.concat(out)
end

-- The views: id, title, the record types a view needs (any of them
-- present), and its body. A view for a new record type is one more entry.
local VIEWS = {
  { id = "reader", title = "Reader", needs = {}, body = function(kb, s) return reader(kb, s) end },
  { id = "ach", title = "ACH", needs = { "item" }, body = function(kb) return ach_view(kb) end },
  { id = "alignment", title = "Alignment", needs = { "factor" }, body = function(kb)
      return figure(kb:chart("contributions"), "Contributions of each factor, by horizon")
        .. figure(kb:chart("tornado", { horizon = "short" }), "Tornado, short horizon")
        .. figure(kb:chart("tornado", { horizon = "long" }), "Tornado, long horizon")
        .. figure(kb:chart("pressure"), "The index against Western pressure")
        .. figure(kb:chart("distribution"), "Monte Carlo distribution (10000 draws, seed 1): "
          .. "quartiles, 5% and 95%")
        .. figure(kb:chart("histogram"), "Monte Carlo histogram of the same draws (40 bins)")
    end },
  { id = "networks", title = "Networks", needs = { "relation", "entity" }, body = function(kb)
      local parts = {}
      if #kb:relations() > 0 then
        parts[#parts + 1] = figure(kb:chart("network"),
          "The signed actor network (relations); hover or focus a node for details")
      end
      parts[#parts + 1] = figure(kb:chart("mentions"),
        "The co-mention network: entities named in the same sentence; width by count")
      return table.concat(parts)
    end },
  { id = "timeline", title = "Timeline", needs = { "event" }, body = function(kb)
      local rows = {}
      for _, e in ipairs(kb:events()) do
        rows[#rows + 1] = string.format('<li><a href="#event=%s">%s</a> %s%s</li>', esc(e.id),
          esc(e.date), esc(e.title), e.goldstein and string.format(" (Goldstein %.1f)",
          e.goldstein) or "")
      end
      return figure(kb:chart("timeline"), "Events by date")
        .. figure(kb:chart("goldstein"), "The Goldstein score of each dyad's events over time")
        .. "<h3>Events</h3><ol class=\"events\">"
        .. table.concat(rows) .. "</ol>"
    end },
  { id = "forecasts", title = "Forecasts", needs = { "forecast" },
    body = function(kb) return forecasts_view(kb) end },
}
M.VIEWS = VIEWS

local function present(kb, view)
  if #view.needs == 0 then return true end
  for _, name in ipairs(view.needs) do
    local t = model.type(name)
    if t and type(kb[t.plural]) == "function" and #kb[t.plural](kb, { limit = 1 }) > 0 then
      return true
    end
  end
  return false
end

-- ---------------------------------------------------------------------
-- The page

local function asset(name)
  return require("sinorus.html_assets")[name]
end

--- The site as one HTML document.
function M.site(kb)
  local sinorus = require "sinorus"
  local views = {}
  for _, v in ipairs(VIEWS) do
    if present(kb, v) then views[#views + 1] = v end
  end
  local types, recs, byseg = records(kb)
  local settings = kb:describe().search
  local index, terms, fts = fulltext(kb, settings)
  local byseg_s = {}
  for k, v in pairs(byseg) do byseg_s[tostring(k)] = v end
  local data = { types = types, records = recs, byseg = byseg_s, index = index, terms = terms,
                 fts = fts, search = settings, fold = fold_table(), views = {} }
  local title = (kb:sources()[1] or {}).title or "Knowledge base"
  local nav, bodies = {}, {}
  for i, v in ipairs(views) do
    data.views[i] = v.id
    nav[#nav + 1] = string.format('<button type="button" role="tab" id="tab-%s" '
      .. 'aria-controls="view-%s" data-view="%s">%s</button>', v.id, v.id, v.id, esc(v.title))
    bodies[#bodies + 1] = string.format('<section class="view" id="view-%s" role="tabpanel" '
      .. 'aria-labelledby="tab-%s"><h2 class="print-only">%s</h2>%s</section>', v.id, v.id,
      esc(v.title), v.body(kb, sinorus))
  end
  local lists = {}
  for _, t in ipairs(types) do
    local items = {}
    for _, r in ipairs(recs[t.name]) do
      items[#items + 1] = string.format('<li><a href="#%s=%s">%s</a></li>', t.name,
        esc(r.id), esc(r.label))
    end
    lists[#lists + 1] = string.format('<details class="records" data-type="%s"><summary>%s '
      .. '(%d)</summary><ul>%s</ul></details>', t.name, esc(t.plural), #recs[t.name],
      table.concat(items))
  end
  return table.concat {
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    "<title>", esc(title), " — sinorus reader</title><style>", asset("css"), "</style></head>",
    '<body><header><h1>', esc(title), '</h1><nav role="tablist" aria-label="Views">',
    table.concat(nav), '</nav><form class="search" role="search" onsubmit="return false">',
    '<label for="q">Search</label> <input id="q" type="search" autocomplete="off" ',
    'placeholder="words, &quot;a phrase&quot;, prefix*"></form></header>',
    '<div id="results" class="results" aria-live="polite" hidden></div>',
    '<div class="layout"><aside class="records-pane" aria-label="Records">',
    '<h2>Records</h2>', table.concat(lists), '</aside><main>', table.concat(bodies),
    '</main><aside class="detail" id="detail" aria-live="polite" aria-label="Selection">',
    "<p>Select a record to highlight the sentences it rests on, or a sentence (click, or ",
    "arrow keys then Enter in the text) to list the records resting on it.</p></aside></div>",
    '<script type="application/json" id="data">', json(data), "</script>",
    "<script>", asset("js"), "</script></body></html>\n" }
end

--- Writes dir/index.html.
function M.write(kb, dir)
  return core.write_file(dir .. "/index.html", M.site(kb))
end

return M
