-- The assessment as of a date (issue 14): every ACH item, claim and event
-- has a date; as_of keeps what was known by then, and kb:timeline agrees
-- with kb:ach{as_of = d} at every date d where evidence was added.
local sinorus = require "sinorus"

describe("as_of", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  it("dates the article's items by its published date, the later ones by their own", function()
    local published = kb:sources()[1].published
    for _, it in ipairs(kb:items()) do
      if it.events then
        assert.is_true(it.date > published, it.id)
      else
        assert.equal(published, it.date, it.id)
      end
    end
  end)

  it("excludes later evidence exactly at the boundary", function()
    local it = kb:item("ea-unsc-abstentions")   -- dated 2022-02-27
    local function has(list, id)
      for _, r in ipairs(list) do if r.id == id then return true end end
      return false
    end
    assert.is_false(has(kb:items { as_of = "2022-02-26" }, it.id))
    assert.is_true(has(kb:items { as_of = "2022-02-27" }, it.id))
    -- a partial date stands for the last day of its period
    assert.is_true(has(kb:items { as_of = "2022-02" }, it.id))
    assert.is_false(has(kb:items { as_of = "2022-01" }, it.id))
    local published = kb:sources()[1].published
    local y, m, d = published:match("^(%d+)-(%d+)-(%d+)$")
    local before = os.date("!%Y-%m-%d", os.time { year = y, month = m, day = d, hour = 12 } - 86400)
    assert.equal(0, #kb:claims { as_of = before })
    assert.equal(#kb:claims(), #kb:claims { as_of = published })
    assert.is_true(has(kb:events { as_of = "2022-02-24" }, "hs-invasion"))
    assert.is_false(has(kb:events { as_of = "2022-02-23" }, "hs-invasion"))
  end)

  it("pages after filtering", function()
    local all = kb:events { as_of = "2022-12-31" }
    local page = kb:events { as_of = "2022-12-31", limit = 2, offset = 1 }
    assert.same({ all[2], all[3] }, { page[1], page[2] })
  end)

  it("gives kb:ach the matrix of the items known on the date", function()
    local a = kb:ach { as_of = "2022-02-26" }
    assert.equal(#kb:items { as_of = "2022-02-26" }, #a.evidence)
    assert.is_true(#a.evidence < #kb:ach().evidence)
    -- weights and exclude may name items of later dates
    local w = kb:ach { as_of = "2022-02-26", weights = { ["ea-trade-2022"] = 3 },
                       exclude = { "ea-unsc-abstentions" } }
    assert.same(a.hypotheses, w.hypotheses)
    assert.has_error(function() kb:ach { as_of = "2022-02-26", weights = { nope = 1 } } end,
      "bad argument #1 to 'ach' (unknown item 'nope' in weights)")
  end)

  it("kb:timeline agrees with kb:ach{as_of = d} at every date", function()
    local t = kb:timeline { question = "q-china-stance" }
    assert.is_true(#t.rows > 1)
    for _, row in ipairs(t.rows) do
      local a = kb:ach { question = "q-china-stance", as_of = row.date }
      assert.equal(#a.evidence, row.items, row.date)
      assert.equal(a.top, row.top, row.date)
      for _, h in ipairs(a.hypotheses) do
        assert.near(h.score, row.scores[h.hypothesis], 1e-9)
      end
    end
    local last = kb:ach()
    assert.equal(last.top, t.rows[#t.rows].top)
  end)

  it("kb:timeline takes kb:ach's weights and exclude and agrees with it at every date", function()
    local q = "q-china-stance"
    local first = kb:ach { question = q }.evidence[1].item
    local weights, exclude = { [first] = 0.25 }, { kb:items { question = q }[2].id }
    local t = kb:timeline { question = q, weights = weights, exclude = exclude }
    local plain = kb:timeline { question = q }
    local differs = false
    for i, row in ipairs(t.rows) do
      local a = kb:ach { question = q, as_of = row.date, weights = weights, exclude = exclude }
      assert.equal(a.top, row.top, row.date)
      for _, h in ipairs(a.hypotheses) do
        assert.near(h.score, row.scores[h.hypothesis], 1e-9)
        local p = plain.rows[i]
        if p and p.scores[h.hypothesis] ~= row.scores[h.hypothesis] then differs = true end
      end
    end
    assert.is_true(differs)
    assert.has_error(function() kb:timeline { weights = { nope = 1 } } end,
      "bad argument #1 to 'timeline' (unknown item 'nope' in weights)")
    assert.has_error(function() kb:timeline { exclude = { "nope" } } end,
      "bad argument #1 to 'timeline' (unknown item 'nope' in exclude)")
    assert.has_error(function() kb:timeline { weights = 3 } end,
      "bad argument #1 to 'timeline' (weights must be a table, got number)")
  end)

  it("kb:ratings{as_of} gives the ratings of the items known then, as kb:ach{as_of} uses", function()
    local d = "2022-02-26"
    local known = {}
    for _, it in ipairs(kb:items { as_of = d }) do known[it.id] = true end
    local rows = kb:ratings { as_of = d }
    assert.is_true(#rows > 0 and #rows < #kb:ratings())
    local items = {}
    for _, r in ipairs(rows) do
      assert.is_true(known[r.evidence], r.evidence)
      items[r.evidence] = true
    end
    for id in pairs(known) do assert.is_true(items[id], id) end
    local n = 0
    for _ in pairs(items) do n = n + 1 end
    assert.equal(#kb:ach { as_of = d }.evidence, n)
    assert.equal(2, #kb:ratings { as_of = d, limit = 2 })
    assert.has_error(function() kb:ratings { as_of = "soon" } end,
      "bad argument #1 to 'ratings' ('as_of' must be a date YYYY, YYYY-MM or YYYY-MM-DD, " ..
      "got 'soon')")
  end)

  it("leaves out an item whose source has no published date", function()
    local path = os.tmpname()
    os.remove(path)
    local w = assert(sinorus.open(path, { create = true }))
    w:add_source { title = "Undated", text = "China buys oil.\n" }
    local seg = w:segments { kind = "sentence" }[1].id
    w:add_question { id = "q", text = "Why?" }
    w:add_hypothesis { id = "h", question = "q", text = "Price." }
    w:add_item { id = "i-undated", question = "q", text = "x", credibility = "low",
                 relevance = "low", evidence = { seg }, ratings = { h = "C" } }
    w:add_item { id = "i-dated", question = "q", text = "y", credibility = "low",
                 relevance = "low", evidence = { seg }, date = "2023-05", ratings = { h = "I" } }
    assert.is_nil(w:item("i-undated").date)
    local known = w:items { as_of = "2024" }
    assert.equal(1, #known)
    assert.equal("i-dated", known[1].id)
    local t = w:timeline()
    assert.equal(1, #t.rows)
    assert.equal("2023-05-31", t.rows[1].date)
    assert.equal(1, t.rows[1].items)
    w:close()
    os.remove(path)
  end)

  it("refuses a date that is not one", function()
    assert.has_error(function() kb:items { as_of = "soon" } end,
      "bad argument #1 to 'items' ('as_of' must be a date YYYY, YYYY-MM or YYYY-MM-DD, " ..
      "got 'soon')")
    assert.has_error(function() kb:ach { as_of = 2022 } end,
      "bad argument #1 to 'ach' ('as_of' must be a date YYYY, YYYY-MM or YYYY-MM-DD, " ..
      "got number)")
    assert.has_error(function() kb:timeline { question = "q-none" } end)
  end)
end)
