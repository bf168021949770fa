-- `sinorus ach [QUESTION]`: the ACH matrix as a grid, items by
-- diagnosticity, hypotheses by score; coloured on a terminal only, never
-- with NO_COLOR; csv/json as rows.
local sinorus = require "sinorus"
local fs = require "spec.support.fs"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local CMD = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' "
  .. "lua5.4 bin/sinorus", BUILD)
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
local NOLEAKS = ASAN and "ASAN_OPTIONS=detect_leaks=0 " or ""

local function sh(cmdline)
  local out, err = fs.tmpname(), fs.tmpname()
  local _, _, code = os.execute(string.format("%s </dev/null >%s 2>%s", cmdline, out, err))
  local o, e = fs.slurp(out) or "", fs.slurp(err) or ""
  os.remove(out); os.remove(err)
  return code, o, e
end

describe("sinorus ach", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  it("prints the matrix: hypotheses by score across, items by diagnosticity down", function()
    local code, out = sh(CMD .. " ach")
    assert.equal(0, code)
    assert.falsy(out:find("\27", 1, true))
    local a = kb:ach()
    local lines = {}
    for l in out:gmatch("[^\n]+") do lines[#lines + 1] = l end
    local pos = 0
    for _, h in ipairs(a.hypotheses) do
      local p = lines[2]:find(h.hypothesis, 1, true)
      assert.is_true(p > pos, h.hypothesis)
      pos = p
    end
    for i, e in ipairs(a.evidence) do
      assert.equal(e.item, lines[3 + i]:match("^(%S+)"))
    end
  end)

  it("gives the ratings as CSV rows", function()
    local code, out = sh(CMD .. " ach q-china-stance --format csv")
    assert.equal(0, code)
    local header = out:match("^[^\r\n]+")
    local a = kb:ach()
    local want = { "item", "diagnosticity" }
    for _, h in ipairs(a.hypotheses) do want[#want + 1] = h.hypothesis end
    assert.equal(table.concat(want, ","), header)
    local first = a.evidence[1].item
    local row = out:match("\n(" .. first:gsub("%-", "%%-") .. ",[^\r\n]+)")
    local rating = kb:ratings { evidence = first, hypothesis = a.hypotheses[1].hypothesis }[1]
    assert.equal(rating.rating, row:match("^[^,]+,[^,]+,([^,]+)"))
  end)

  it("colours the grid on a terminal, never with NO_COLOR", function()
    local code, out = sh(NOLEAKS .. "script -qec " .. fs.shq(CMD .. " ach") .. " /dev/null")
    assert.equal(0, code)
    assert.truthy(out:find("\27[31m", 1, true))
    assert.truthy(out:find("\27[32m", 1, true))
    code, out = sh(NOLEAKS .. "NO_COLOR=1 script -qec " .. fs.shq(CMD .. " ach") .. " /dev/null")
    assert.equal(0, code)
    assert.falsy(out:find("\27[", 1, true))
  end)

  it("names an unknown question and exits 2", function()
    local code, _, err = sh(CMD .. " ach q-nope")
    assert.equal(2, code)
    assert.truthy(err:find("unknown question 'q-nope'; questions: q-china-stance", 1, true))
  end)
end)
