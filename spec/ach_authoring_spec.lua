-- ACH built by the analyst (issue 14): add_question, add_hypothesis,
-- add_item, rate, with update_/remove_; a question built from scratch ranks
-- as the same matrix scored by hand; bad input leaves the file as it was.
local sinorus = require "sinorus"

local RATING = { CC = 0, C = 0, N = 0, NA = 0, I = -1, II = -2 }
local LEVEL = { low = 1 / math.sqrt(2), medium = 1, high = math.sqrt(2) }

local MATRIX = {
  hypotheses = { "h-price", "h-politics", "h-habit" },
  items = {
    { id = "i-discount", credibility = "high", relevance = "high",
      ratings = { ["h-price"] = "CC", ["h-politics"] = "I", ["h-habit"] = "N" } },
    { id = "i-volume", credibility = "medium", relevance = "high",
      ratings = { ["h-price"] = "C", ["h-politics"] = "C", ["h-habit"] = "II" } },
    { id = "i-statement", credibility = "low", relevance = "medium",
      ratings = { ["h-price"] = "I", ["h-politics"] = "CC", ["h-habit"] = "NA" } },
  },
}

-- Scores and ranking by hand: score(h) = sum of value x weight.
local function by_hand()
  local score = {}
  for _, h in ipairs(MATRIX.hypotheses) do
    score[h] = 0
    for _, it in ipairs(MATRIX.items) do
      score[h] = score[h] + RATING[it.ratings[h]] * LEVEL[it.credibility] * LEVEL[it.relevance]
    end
  end
  local order = { table.unpack(MATRIX.hypotheses) }
  table.sort(order, function(a, b) return score[a] > score[b] end)
  return order, score
end

local function new_kb()
  local path = os.tmpname()
  os.remove(path)
  local kb = assert(sinorus.open(path, { create = true }))
  kb:add_source { title = "Notes", published = "2023-01-01",
                  text = "China buys oil. Russia sells oil at a discount.\n" }
  return kb, path
end

-- Everything the ACH tables and the change log hold.
local function snapshot(kb)
  local out = {}
  for _, tbl in ipairs { "question", "hypothesis", "ach_item", "rating", "rating_reason",
                         "item_basis", "evidence", "changelog" } do
    out[tbl] = kb:sql("SELECT * FROM " .. tbl .. " ORDER BY 1, 2")
  end
  return out
end

describe("ACH built by the analyst", function()
  local kb, path, seg
  before_each(function()
    kb, path = new_kb()
    seg = kb:segments { kind = "sentence" }[1].id
    kb:add_question { id = "q-oil", text = "Why does China buy Russian oil?" }
    kb:add_hypothesis { id = "h-price", question = "q-oil", text = "Because it is cheap." }
    kb:add_hypothesis { id = "h-politics", question = "q-oil", text = "To support Russia." }
    kb:add_hypothesis { id = "h-habit", question = "q-oil", text = "Out of habit." }
    for _, it in ipairs(MATRIX.items) do
      local ratings = {}
      for h, r in pairs(it.ratings) do ratings[h] = r end
      kb:add_item { id = it.id, question = "q-oil", text = it.id, credibility = it.credibility,
                    relevance = it.relevance, evidence = { seg }, ratings = ratings }
    end
  end)
  after_each(function()
    kb:close()
    os.remove(path)
  end)

  it("ranks a question built from scratch as the matrix scored by hand", function()
    local order, score = by_hand()
    local a = kb:ach { question = "q-oil" }
    for i, h in ipairs(a.hypotheses) do
      assert.equal(order[i], h.hypothesis)
      assert.near(score[h.hypothesis], h.score, 1e-9)
    end
    assert.equal(order[1], a.top)
  end)

  it("rates with a reason, and round-trips through update_ and remove_", function()
    assert.equal("i-discount", kb:rate("i-discount", "h-habit", "C", "Habit fits a discount."))
    local it = kb:item("i-discount")
    assert.equal("C", it.ratings["h-habit"])
    assert.equal("Habit fits a discount.", it.reasons["h-habit"])
    kb:update_item("i-discount", { credibility = "low" })
    it = kb:item("i-discount")
    assert.equal("low", it.credibility)
    assert.equal("Habit fits a discount.", it.reasons["h-habit"])
    kb:update_hypothesis("h-habit", { text = "By routine." })
    assert.equal("C", kb:item("i-discount").ratings["h-habit"])
    kb:remove_hypothesis("h-habit")
    assert.is_nil(kb:item("i-discount").ratings["h-habit"])
    assert.equal(0, #kb:sql("SELECT * FROM rating_reason WHERE hypothesis = 'h-habit'"))
    for _, i in ipairs(MATRIX.items) do kb:remove_item(i.id) end
    kb:remove_hypothesis("h-price")
    kb:remove_hypothesis("h-politics")
    kb:remove_question("q-oil")
    assert.equal(0, #kb:questions())
    local ops = {}
    for _, h in ipairs(kb:history()) do ops[h.operation] = true end
    for _, op in ipairs { "add_question", "add_hypothesis", "add_item", "rate", "update_item",
                          "remove_hypothesis", "remove_item", "remove_question" } do
      assert.is_true(ops[op], op)
    end
  end)

  it("refuses bad input with nothing written", function()
    local before = snapshot(kb)
    assert.has_error(function() kb:rate("i-discount", "h-nope", "C") end,
      "bad argument #2 to 'rate' (unknown hypothesis 'h-nope')")
    assert.has_error(function() kb:rate("i-discount", "h-price", "CCC") end,
      "bad argument #3 to 'rate' (field 'ratings': rating of 'h-price' must be one of " ..
      "CC, C, N, I, II, NA, got \"CCC\")")
    assert.has_error(function()
      kb:add_hypothesis { id = "h-cheap", question = "q-oil", text = "because it is  CHEAP." }
    end, "bad argument #1 to 'add_hypothesis' (field 'text': repeats hypothesis 'h-price' " ..
         "of question 'q-oil')")
    assert.has_error(function()
      kb:add_item { id = "i-x", question = "q-oil", text = "x", credibility = "high",
                    relevance = "high", evidence = { seg },
                    ratings = { ["h-price"] = "C", ["h-politics"] = "C", ["h-habit"] = "C",
                                ["h-other"] = "C" } }
    end, "bad argument #1 to 'add_item' (rating for unknown hypothesis 'h-other')")
    assert.has_error(function()
      kb:add_hypothesis { id = "h-x", question = "q-none", text = "x" }
    end, "bad argument #1 to 'add_hypothesis' (field 'question': unknown question 'q-none')")
    assert.has_error(function() kb:remove_question("q-oil") end)
    assert.same(before, snapshot(kb))
    kb:add_question { id = "q-gas", text = "Why gas?" }
    before = snapshot(kb)
    assert.has_error(function() kb:update_hypothesis("h-price", { question = "q-gas" }) end,
      "bad argument #2 to 'update_hypothesis' (field 'question': cannot be changed (remove " ..
      "the record and add it anew))")
    assert.has_error(function() kb:update_item("i-volume", { question = "q-gas" }) end)
    assert.same(before, snapshot(kb))
  end)
end)
