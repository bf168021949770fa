-- sinorus.wording: the rule that derives a factor's weight, range and
-- coupling from its coded wording (data/README.md section 4). These specs
-- check the rule's properties, not the numbers of any one factor.

local wording = require "sinorus.wording"

local STRENGTHS = { "main", "emphatic", "plain", "passing" }   -- strongest first
local FLAGS = { "hedged", "repeated", "attributed", "qualified" }

-- Every combination of strength and the four flags (64).
local function all_wordings()
  local out = {}
  for _, s in ipairs(STRENGTHS) do
    for mask = 0, 15 do
      local f = { strength = s }
      for i, k in ipairs(FLAGS) do
        if mask & (1 << (i - 1)) ~= 0 then f[k] = true end
      end
      out[#out + 1] = f
    end
  end
  return out
end

local function copy(t, k, v)
  local c = {}
  for key, val in pairs(t) do c[key] = val end
  c[k] = v
  return c
end

local function width(w) return w.range[2] - w.range[1] end

describe("sinorus.wording.derive", function()
  it("never looks at a factor's kind: the same wording gives the same result", function()
    for _, f in ipairs(all_wordings()) do
      assert.same(wording.derive(f), wording.derive(copy(f, "strength", f.strength)))
    end
    -- a kind is not a feature at all
    assert.is_nil((wording.derive { strength = "plain", kind = "driver" }))
  end)

  it("orders the strengths: stronger wording never weighs less", function()
    for _, f in ipairs(all_wordings()) do
      for i = 1, #STRENGTHS - 1 do
        local hi = wording.derive(copy(f, "strength", STRENGTHS[i]))
        local lo = wording.derive(copy(f, "strength", STRENGTHS[i + 1]))
        assert.is_true(hi.weight >= lo.weight)
      end
    end
  end)

  it("lowers the weight for each of hedged, attributed and qualified, and raises it when repeated",
     function()
    for _, f in ipairs(all_wordings()) do
      local w = wording.derive(f).weight
      for _, k in ipairs { "hedged", "attributed", "qualified" } do
        if not f[k] then assert.is_true(wording.derive(copy(f, k, true)).weight <= w) end
      end
      if not f.repeated then assert.is_true(wording.derive(copy(f, "repeated", true)).weight >= w) end
    end
  end)

  it("widens the range with each sign of uncertainty, never narrows it", function()
    for _, f in ipairs(all_wordings()) do
      local w = wording.derive(f)
      for _, k in ipairs { "hedged", "attributed", "qualified" } do
        if not f[k] then
          local v = wording.derive(copy(f, k, true))
          -- compare the class's half-width (clipping at 0 or 1 may cut a side)
          assert.is_true(wording.signs(copy(f, k, true)) > wording.signs(f))
          assert.is_true(v.class == w.class or width(v) >= width(w) - 1e-9
                         or v.range[1] == 0 or v.range[2] == 1)
        end
      end
    end
  end)

  it("keeps every weight inside (0, 1) and inside its range", function()
    for _, f in ipairs(all_wordings()) do
      local w = wording.derive(f)
      assert.is_true(w.weight > 0 and w.weight < 1)
      assert.is_true(w.range[1] >= 0 and w.range[1] <= w.weight)
      assert.is_true(w.range[2] <= 1 and w.range[2] >= w.weight)
    end
  end)

  it("gives the narrowest range only to strong, repeated, unhedged, first-hand wording", function()
    for _, f in ipairs(all_wordings()) do
      local narrow = wording.derive(f).class == "narrow"
      local firm = (f.strength == "main" or f.strength == "emphatic") and f.repeated == true
                   and not f.hedged and not f.attributed and not f.qualified
      assert.equals(firm, narrow)
    end
  end)

  it("derives the coupling's sign from the effect and its size from the link", function()
    local last = math.huge
    for _, link in ipairs { "defines", "stated", "inferred" } do
      local up = wording.derive { strength = "plain", pressure = link, effect = "strengthens" }
      local down = wording.derive { strength = "plain", pressure = link, effect = "weakens" }
      assert.is_true(up.coupling > 0)
      assert.equals(-up.coupling, down.coupling)
      assert.is_true(up.coupling < last)
      last = up.coupling
    end
    assert.equals(0, wording.derive { strength = "plain" }.coupling)
    assert.equals(0, wording.derive { strength = "plain", pressure = "none" }.coupling)
  end)

  it("rejects a bad wording with nil and a message naming the feature", function()
    local cases = {
      { 7, "wording must be a table" },
      { {}, "wording.strength must be one of emphatic, main, passing, plain, got nil" },
      { { strength = "strong" }, "wording.strength must be one of emphatic, main, passing, plain, got strong" },
      { { strength = "plain", hedged = "yes" }, "wording.hedged must be a boolean, got string" },
      { { strength = "plain", pressure = "some" },
        "wording.pressure must be one of defines, inferred, none, stated, got some" },
      { { strength = "plain", pressure = "stated" },
        "wording.effect must be one of strengthens, weakens, got nil" },
      { { strength = "plain", effect = "weakens" }, "wording.effect needs a pressure link" },
      { { strength = "plain", weight = 0.5 },
        "unknown wording feature 'weight' (features: strength, hedged, repeated, attributed, "
        .. "qualified, pressure, effect)" },
    }
    for _, c in ipairs(cases) do
      local r, msg = wording.derive(c[1])
      assert.is_nil(r)
      assert.equals(c[2], msg)
    end
  end)
end)

describe("a factor's wording in the authoring API", function()
  local sinorus = require "sinorus"

  local function new_kb()
    local kb = assert(sinorus.open(":memory:", { create = true, article = true }))
    return kb
  end

  it("derives weight, range and coupling when add_factor is given wording", function()
    local kb <close> = new_kb()
    local seg = kb:segments{ kind = "sentence" }[1].id
    kb:add_factor { id = "drv-x", name = "X", kind = "driver", domain = "security",
      horizon = "long", why = "a test", evidence = { seg },
      wording = { strength = "emphatic", repeated = true } }
    local f = kb:factor("drv-x")
    local w = wording.derive { strength = "emphatic", repeated = true }
    assert.same({ w.weight, w.range[1], w.range[2], 0.0 }, { f.weight, f.w_low, f.w_high, f.coupling })
  end)

  it("refuses wording together with a weight, and neither", function()
    local kb <close> = new_kb()
    local seg = kb:segments{ kind = "sentence" }[1].id
    local base = { id = "drv-y", name = "Y", kind = "driver", domain = "security",
      horizon = "long", why = "a test", evidence = { seg } }
    assert.has_error(function()
      kb:add_factor(copy(copy(base, "wording", { strength = "plain" }), "weight", 0.5))
    end)
    local ok, err = pcall(kb.add_factor, kb, base)
    assert.is_false(ok)
    assert.matches("missing field 'weight' (or give wording)", err, 1, true)
  end)
end)

describe("data/README.md section 4", function()
  local text do
    local f = assert(io.open("data/README.md", "rb"))
    text = f:read("a")
    f:close()
  end

  it("prints the rule table with wording.lua's numbers", function()
    local base = {}
    for _, s in ipairs(STRENGTHS) do
      base[#base + 1] = string.format("%s %.2f", s, wording.BASE[s])
    end
    assert.truthy(text:find("| base weight by strength | " .. table.concat(base, ", ") .. " |",
                            1, true))
    assert.truthy(text:find(string.format("| repeated | + %.2f |", wording.STEP), 1, true))
    assert.truthy(text:find(string.format("| each of hedged, attributed, qualified | − %.2f |",
                                          wording.STEP), 1, true))
    assert.truthy(text:find(string.format("the weight stays within %.2f .. %.2f",
                                          wording.CLIP[1], wording.CLIP[2]), 1, true))
    for i, c in ipairs(wording.CLASSES) do
      local signs = i < #wording.CLASSES and tostring(i - 1) or (i - 1) .. " or more"
      assert.truthy(text:find(string.format("| %s | %s | %.2f |", signs, c.name, c.half), 1, true),
                    c.name)
    end
    for link, size in pairs(wording.COUPLING) do
      assert.truthy(text:find("| `" .. link .. "` |", 1, true), link)
      assert.truthy(text:find(string.format("| %s |\n", size == 0 and "0" or string.format("%.1f", size)),
                              1, true), link)
    end
  end)

  it("lists the stance labels and relation types the model declares", function()
    local model = require "sinorus.model"
    for _, s in ipairs(model.ENUMS.quote_stance) do
      assert.truthy(text:find("| " .. s .. " |", 1, true), s)
    end
    for _, t in ipairs(model.ENUMS.relation_type) do
      assert.truthy(text:find(t, 1, true), t)
    end
  end)
end)
