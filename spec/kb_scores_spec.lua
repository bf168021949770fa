-- kb:scores: the scores of the KB's resolved forecasts (issue 14), checked
-- against the forecasts and resolutions scored by hand here.
local sinorus = require "sinorus"

local VALUE = { yes = 1, no = 0, partly = 0.5 }

-- The Brier scores of the forecasts with a band whose outcome is scored,
-- computed from the records (p the band's midpoint, partly as 0.5).
local function by_hand(kb, keep)
  local sum, n = 0, 0
  for _, f in ipairs(kb:forecasts()) do
    local r = kb:resolution(f.id)
    local o = VALUE[r.outcome]
    if f.p_low and o and keep(kb:claim(f.claim)) then
      local p = (f.p_low + f.p_high) / 2
      sum, n = sum + (p - o) ^ 2, n + 1
    end
  end
  return sum / n, n
end

describe("kb:scores", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  it("gives every forecast a resolution", function()
    for _, f in ipairs(kb:forecasts()) do
      assert.is_not_nil(kb:resolution(f.id), f.id)
    end
    assert.equal(#kb:forecasts(), #kb:resolutions())
  end)

  it("scores the forecasts that have a band, as scored by hand", function()
    local brier, n = by_hand(kb, function() return true end)
    local r = kb:scores()
    assert.equal(n, r.scored)
    assert.near(brier, r.brier, 1e-12)
    for _, row in ipairs(r.forecasts) do
      assert.is_not_nil(kb:forecast(row.id).p_low)
    end
  end)

  it("filters by the claim's horizon and the entity it is about", function()
    for _, h in ipairs { "short", "long", "both" } do
      local brier, n = by_hand(kb, function(c) return c.horizon == h end)
      local r = kb:scores { horizon = h }
      assert.equal(n, r.scored)
      if n > 0 then assert.near(brier, r.brier, 1e-12) end
    end
    local brier, n = by_hand(kb, function(c)
      for _, a in ipairs(c.about) do if a == "russia" then return true end end
      return false
    end)
    local r = kb:scores { about = "Moscow" }
    assert.equal(n, r.scored)
    assert.near(brier, r.brier, 1e-12)
    assert.equal(0, kb:scores { scale = "kent" }.n)
  end)

  it("applies the partly rule of sinorus.scores", function()
    local half, excl = kb:scores(), kb:scores { partly = "exclude" }
    assert.equal(half.scored - half.partly, excl.scored)
  end)

  it("refuses bad filters", function()
    assert.has_error(function() kb:scores { horizon = "mid" } end,
      "bad argument #1 to 'scores' (invalid option 'mid'; expected one of: short, long, both)")
    assert.has_error(function() kb:scores { about = "Atlantis" } end,
      "bad argument #1 to 'scores' (unknown entity 'Atlantis' in 'about')")
    assert.has_error(function() kb:scores { when = 1 } end)
  end)
end)
