-- kb:series: the events of a dyad per period (sinorus.series), checked
-- against the events counted by hand.
local sinorus = require "sinorus"

describe("kb:series", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  local function has(list, v)
    for i, x in ipairs(list) do if x == v then return i end end
    return nil
  end

  -- count and Goldstein sum per year by hand
  local function by_hand(directed, upto)
    local out = {}
    for _, e in ipairs(kb:events()) do
      local c, r = has(e.actors, "china"), has(e.actors, "russia")
      local keep = c and r and (not directed or (c == 1 and r > 1))
      if keep and (not upto or e.date:sub(1, 4) <= upto) then
        local y = e.date:sub(1, 4)
        local b = out[y] or { count = 0, sum = 0 }
        b.count, b.sum = b.count + 1, b.sum + (e.goldstein or 0)
        out[y] = b
      end
    end
    return out
  end

  for _, directed in ipairs { false, true } do
    it("counts and sums the dyad's events per year (directed = " .. tostring(directed) .. ")",
       function()
      local want = by_hand(directed)
      local got = kb:series { actors = { "Beijing", "Russia" }, by = "year", directed = directed }
      local n = 0
      for _, row in ipairs(got) do
        local w = want[row.period] or { count = 0, sum = 0 }
        assert.equal(w.count, row.count, row.period)
        assert.near(w.sum, row.sum, 1e-9)
        n = n + row.count
      end
      local total = 0
      for _, w in pairs(want) do total = total + w.count end
      assert.equal(total, n)
      assert.is_true(n > 0)
    end)
  end

  it("keeps the events known on as_of", function()
    local want = by_hand(false, "2022")
    local got = kb:series { actors = { "China", "Russia" }, by = "year", as_of = "2022-12-31" }
    assert.equal(want["2022"].count, got[#got].count)
    assert.equal("2022", got[#got].period)
  end)

  it("refuses bad options", function()
    assert.has_error(function() kb:series { actors = { "China" } } end,
      "bad argument #1 to 'series' ('actors' must be a list of two entities, got 1 items)")
    assert.has_error(function() kb:series { actors = { "China", "Atlantis" } } end,
      "bad argument #1 to 'series' (unknown entity 'Atlantis' in 'actors')")
    assert.has_error(function() kb:series { actors = { "China", "Russia" }, by = "week" } end,
      "bad argument #1 to 'series' (by must be 'month', 'quarter' or 'year', got 'week')")
    assert.has_error(function() kb:series { actors = { "China", "Russia" }, directed = 1 } end,
      "bad argument #1 to 'series' ('directed' must be a boolean, got number)")
  end)
end)
