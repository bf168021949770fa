-- The HTML reader in a real browser: Debian's chromium, headless, driven
-- by spec/browser/observe.js (puppeteer-core); the page's observations are
-- compared here with the knowledge base. Needs /usr/bin/chromium and
-- `npm ci` in spec/browser (tools/deps.sh, `make test` does the latter).
local sinorus = require "sinorus"
local model = require "sinorus.model"
local fs = require "spec.support.fs"
local tmpdir, rmtree = fs.tmpdir, fs.rmtree

-- Runs observe.js over kb's site; returns its observations (observe.js
-- prints JSON; a line of node turns it into a Lua table constructor).
local function observe(kb, plan)
  local chromium = os.getenv("CHROMIUM") or "/usr/bin/chromium"
  local f = io.open(chromium, "rb")
  if not f then
    error("chromium is missing (" .. chromium .. "): install Debian's chromium package "
      .. "(tools/deps.sh) to run the browser specs", 0)
  end
  f:close()
  f = io.open("spec/browser/node_modules/puppeteer-core/package.json", "rb")
  if not f then
    error("spec/browser/node_modules is missing: run `npm ci` in spec/browser "
      .. "(`make test` does)", 0)
  end
  f:close()
  local site, shots = tmpdir(), tmpdir()
  assert(kb:export("html", site))
  local planfile = fs.tmpname(".json")
  fs.spit(planfile, sinorus.to_json(plan))
  -- node and chromium run without the sanitizer suite's preloaded ASan runtime
  local p = assert(io.popen(string.format("cd spec/browser && env -u LD_PRELOAD node -e '%s' "
    .. "\"$(env -u LD_PRELOAD node observe.js %s %s %s)\"",
    [[const o = JSON.parse(process.argv[1]);
      const lua = (v) => v === null ? "nil" : Array.isArray(v) ? "{" + v.map(lua).join(",") + "}"
        : typeof v === "object" ? "{" + Object.keys(v).map((k) => "[" + JSON.stringify(k) + "]=" + lua(v[k])).join(",") + "}"
        : typeof v === "string" ? JSON.stringify(v) : String(v);
      process.stdout.write("return " + lua(o));]], site, planfile, shots)))
  local out = p:read("a")
  p:close()
  os.remove(planfile)
  rmtree(site)
  local chunk = load(out, "=observations", "t", {})
  if not chunk then error("observe.js failed: " .. out, 0) end
  local obs = chunk()
  obs.shots = shots
  return obs
end

local function sorted(list)
  local t = {}
  for i, x in ipairs(list) do t[i] = x end
  table.sort(t)
  return t
end

local function ids(segs)
  local t = {}
  for i, s in ipairs(segs) do t[i] = s.id end
  table.sort(t)
  local u = {}
  for _, x in ipairs(t) do if u[#u] ~= x then u[#u + 1] = x end end
  return u
end

-- the records resting on a segment, as the page lists them (#type=id)
local function resting_on(kb, seg)
  local out = {}
  for _, t in ipairs(model.TYPES) do
    if t.evidence then
      for _, r in ipairs(kb[t.plural](kb)) do
        for _, s in ipairs(kb:evidence(r)) do
          if s.id == seg then
            out[#out + 1] = "#" .. t.name .. "=" .. tostring(r.id or r.number)
            break
          end
        end
      end
    end
  end
  table.sort(out)
  return out
end

-- kb:search's hits for q: segment ids and ranks, best first
local function search_hits(kb, q)
  local ids_, ranks = {}, {}
  for i, h in ipairs(kb:search(q, { limit = 100000 })) do
    ids_[i], ranks[i] = h.segment, h.rank
  end
  return ids_, ranks
end

-- the page's hits for q are kb:search's first ones, in its order, with its
-- BM25 ranks
local function same_ranking(kb, obs, q, shown)
  local want, ranks = search_hits(kb, q)
  assert.is_true(#want > 0, q)
  assert.equal(#want, obs.search_count[q], q)
  local got = obs.search[q]
  assert.equal(math.min(#want, shown or 200), #got, q)
  for i, id in ipairs(got) do
    assert.equal(want[i], id, q .. ": hit " .. i)
    assert.near(ranks[i], obs.search_rank[q][i], 1e-9 * math.max(1, math.abs(ranks[i])),
      q .. ": rank of hit " .. i)
  end
end

local function check_common(kb, obs)
  assert.same({}, obs.console)
  assert.same({}, obs.failed)
  for _, u in ipairs(obs.requests) do assert.truthy(u:match("^file://"), u) end
  assert.same(ids(kb:segments { duplicates = true }), sorted(obs.segments))
  for v, k in pairs(obs.keyboard) do
    assert.is_true(k.controls > 0, v)
    assert.equal(k.controls, k.reached, v)
    assert.is_true(k.focus_visible, v)
  end
  -- 200 % zoom: the reader reflows into half the width, no sideways scroll
  assert.is_true(obs.zoom.scroll <= obs.zoom.width, obs.zoom.scroll .. " > " .. obs.zoom.width)
  -- print: every view, no navigation
  assert.equal(#obs.views, obs.print.views)
  assert.is_false(obs.print.nav)
  assert.equal(2, #obs.arrow)
  assert.equal(obs.arrow[1] + 1, obs.arrow[2])
  for v, s in pairs(obs.screenshots) do
    assert.is_true(s.ink > 0.01, v .. " is blank")
    assert.is_true(s.colours > 16, v .. " is blank")
  end
end

describe("the HTML reader in chromium", function()
  local kb, obs, plan
  setup(function()
    kb = sinorus.open()
    local claim = kb:claims()[1]
    local relation = kb:relations()[2]
    local quote = kb:quotes()[3]
    plan = { records = { "claim=" .. claim.id, "relation=" .. relation.id,
                         "quote=" .. quote.id },
             -- words (looked up by their stems: "sanctioning" is not in the
             -- article, its stem is), phrases, joined words, prefixes
             search = { "Сhina", "secondary sanctions", "\"strategic partner\"", "sanction*",
                        "russia china partner", "west", "sanction", "partners", "sanctioning", "partnering",
                        "U.S.-China", "China's" },
             segment = quote.segment }
    obs = observe(kb, plan)
  end)
  teardown(function()
    kb:close()
    if obs then rmtree(obs.shots) end
  end)

  it("loads from file:// with no error, no failed request and no network", function()
    check_common(kb, obs)
  end)

  it("shows the views of the KB's record types", function()
    assert.same({ "reader", "ach", "alignment", "networks", "timeline", "forecasts" },
                obs.views)
  end)

  it("highlights exactly the evidence of three records", function()
    for _, h in ipairs(plan.records) do
      local t, id = h:match("^(%w+)=(.*)$")
      local rec = kb[t](kb, id)
      assert.same(ids(kb:evidence(rec)), obs.highlights[h], h)
      assert.is_true(#obs.highlights[h] > 0)
    end
  end)

  it("lists every record resting on a selected sentence", function()
    assert.same(resting_on(kb, plan.segment), sorted(obs.segment_records))
  end)

  it("has one ACH cell per rating with the rating's class", function()
    local ratings = kb:ratings()
    assert.equal(#ratings, #obs.cells)
    assert.equal(#ratings, obs.sorted_cells)
    -- sorting by diagnosticity: ascending, then descending, every item kept
    local diag = {}
    for _, e in ipairs(kb:ach().evidence) do diag[#diag + 1] = e.diagnosticity end
    table.sort(diag)
    assert.equal(#diag, #obs.sorted_up)
    for i = 1, #diag do
      assert.near(diag[i], obs.sorted_up[i], 1e-5)
      assert.near(diag[#diag + 1 - i], obs.sorted_down[i], 1e-5)
    end
    local want = {}
    for _, r in ipairs(ratings) do want[r.evidence .. "|" .. r.hypothesis] = "r-" .. r.rating end
    for _, c in ipairs(obs.cells) do
      assert.same({ want[c.item .. "|" .. c.hypothesis] }, c.cls)
    end
  end)

  it("draws one node per entity and one edge per relation", function()
    local nets = {}
    for _, n in ipairs(obs.networks) do nets[n.title] = n end
    for title, kind in pairs { ["Signed actor network"] = "relations",
                               ["Co-mention network"] = "mentions" } do
      local g = kb:graph { kind = kind }
      local want = {}
      for _, n in ipairs(g:nodes()) do want[#want + 1] = n.id end
      assert.same(sorted(want), sorted(nets[title].nodes))
      assert.equal(#g:edges(), #nets[title].edges)
      assert.is_true(nets[title].legend >= 1)
      assert.equal(0, nets[title].overlaps, title .. ": labels collide")
    end
    assert.equal(#kb:relations(), #nets["Signed actor network"].edges)
  end)

  it("lists one row per forecast with its outcome's class, and the calibration by band", function()
    local want = {}
    for _, f in ipairs(kb:forecasts()) do
      local r = kb:resolution(f.id)
      want[#want + 1] = { id = f.id, cls = { "outcome-" .. (r and r.outcome or "none") } }
    end
    assert.is_true(#want > 0)
    assert.same(want, obs.forecasts)
    local bands = {}
    for i, r in ipairs(kb:scores().calibration) do bands[i] = r.band end
    assert.is_true(#bands > 1)
    assert.same(bands, obs.calibration)
    local lines = {}
    for i, q in ipairs(kb:questions()) do lines[i] = #kb:timeline { question = q.id }.hypotheses end
    assert.same(lines, obs.ach_timelines)
  end)

  it("searches with kb:search's folding: Cyrillic С finds china", function()
    assert.same(sorted((search_hits(kb, "china"))), sorted(obs.search["Сhina"]))
    assert.is_true(#obs.search["Сhina"] > 10)
  end)

  it("ranks the hits as kb:search does (BM25), for words, phrases and prefixes", function()
    for _, q in ipairs(plan.search) do same_ranking(kb, obs, q) end
  end)

  it("finds a word by its stem as kb:search does: sanction finds sanctions", function()
    -- the page's hits for q whose text matches the Lua pattern p
    local function having(q, p)
      local n = 0
      for _, id in ipairs(obs.search[q]) do
        if kb:segment(id).text:lower():find(p) then n = n + 1 end
      end
      return n
    end
    -- the article writes only "sanctions", and "partner" once
    assert.equal(0, having("sanction", "sanction%f[^%a]"))
    assert.is_true(having("sanction", "sanctions") > 0)
    assert.equal(1, having("partners", "partner%f[^%a]"))
  end)

  it("paints the reader within a second", function()
    assert.is_number(obs.first_paint)
    assert.is_true(obs.first_paint < 1000, tostring(obs.first_paint))
  end)
end)

describe("the HTML reader of a KB with Chinese, Russian and mixed sources", function()
  local kb, obs, plain, plain_obs
  -- CJK words (bigrams and last character), one character, quoted and
  -- prefix CJK; Russian words by their stems, as written, by prefix
  local queries = { "北约", "中国", "国", "\"北约\"", "北*", "反对 扩大", "санкции",
                    "\"санкции\"", "санкци*", "партнёр", "Китай", "NATO", "russian" }
  -- with no search settings (words as written, a CJK run one word)
  local plain_queries = { "北约", "sanctions", "\"санкции\"", "Китай", "sanction*" }
  setup(function()
    kb = assert(sinorus.open(":memory:", { create = true, article = true }))
    plain = assert(sinorus.open(":memory:", { create = true, article = true, search = {} }))
    for _, name in ipairs { "zh", "ru", "mixed", "en" } do
      local text = fs.slurp("spec/fixtures/lang/" .. name .. ".txt")
      kb:add_source { title = name, text = text }
      plain:add_source { title = name, text = text }
    end
    obs = observe(kb, { records = {}, search = queries })
    plain_obs = observe(plain, { records = {}, search = plain_queries })
  end)
  teardown(function()
    kb:close()
    plain:close()
    if obs then rmtree(obs.shots) end
    if plain_obs then rmtree(plain_obs.shots) end
  end)

  it("ranks the hits as kb:search does", function()
    for _, q in ipairs(queries) do same_ranking(kb, obs, q) end
    -- a stem and the written word differ: санкции finds санкций too
    assert.is_true(obs.search_count["санкции"] > obs.search_count["\"санкции\""])
  end)

  it("ranks the hits as kb:search does on a KB without search settings", function()
    for _, q in ipairs(plain_queries) do same_ranking(plain, plain_obs, q) end
    assert.is_true(plain_obs.search_count["北约"] < obs.search_count["北约"])
  end)
end)

describe("the HTML reader of a KB with a long imported source", function()
  local kb, obs, file
  setup(function()
    file = os.tmpname()
    os.remove(file)
    kb = assert(sinorus.open(file, { create = true, article = true }))
    kb:add_source { title = "Generated notes", text = require("spec.support.notes")(300) }
    obs = observe(kb, { records = { "claim=" .. kb:claims()[1].id }, search = { "Сhina" } })
  end)
  teardown(function()
    kb:close()
    os.remove(file)
    if obs then rmtree(obs.shots) end
  end)

  it("shows every segment, searches and highlights as on the article", function()
    assert.is_true(#obs.segments > 3000)
    check_common(kb, obs)
    local want = search_hits(kb, "china")
    assert.is_true(#want > 200)
    obs.search_count.china = obs.search_count["Сhina"]
    obs.search.china, obs.search_rank.china = obs.search["Сhina"], obs.search_rank["Сhina"]
    same_ranking(kb, obs, "china")      -- the page lists the first 200
    local c = kb:claims()[1]
    assert.same(ids(kb:evidence(c)), obs.highlights["claim=" .. c.id])
  end)
end)
