-- `sinorus suggest SOURCE [--kinds K,..] [--review] --db FILE`: the
-- candidates as a table, CSV or JSON, and the review that walks them on a
-- terminal (fed through stdin here, and once through a pseudo-terminal).

local sinorus = require "sinorus"
local fs = require "spec.support.fs"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local CMD = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' "
  .. "lua5.4 bin/sinorus", BUILD)
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
local NOLEAKS = ASAN and "ASAN_OPTIONS=detect_leaks=0 " or ""

-- Runs a command line with input on stdin: exit code, stdout, stderr.
local function sh(cmdline, input)
  local inp, out, err = fs.tmpname(), fs.tmpname(), fs.tmpname()
  fs.spit(inp, input or "")
  local _, _, code = os.execute(string.format("%s <%s >%s 2>%s", cmdline, inp, out, err))
  local o, e = fs.slurp(out) or "", fs.slurp(err) or ""
  os.remove(inp); os.remove(out); os.remove(err)
  return code, o, e
end

local TEXT = "Russia will probably stay close to China. "
  .. "In the words of Dmitrij Trenin, it is “a common front”. "
  .. "Ivo Sand met Wang Yi in April 2022."

local path, source
before_each(function()
  path = fs.tmpname(".sqlite")
  local kb = assert(sinorus.open(path, { create = true, article = true }))
  source = kb:add_source { title = "Notes", published = "2023-05-10", text = TEXT }
  kb:close()
end)
after_each(function() fs.remove_db(path) end)

local function db() return " --db " .. fs.shq(path) end

describe("sinorus suggest", function()
  it("lists the candidates as a table: kind, segment, confidence, key, record, why", function()
    local code, out = sh(CMD .. " suggest " .. source .. db())
    assert.equal(0, code)
    assert.matches("^kind%s+segment%s+confidence%s+key%s+record%s+why\n", out)
    assert.matches("\nclaim%s.-probably %[0%.55%-0%.80%] about russia, china", out)
    assert.matches("\nquote%s.-\"a common front\" by trenin", out)
    assert.matches("\nevent%s.-2022%-04", out)
    assert.matches("\nentity%s.-Ivo Sand, person", out)
  end)

  it("takes --kinds and writes CSV and JSON", function()
    local code, out = sh(CMD .. " suggest " .. source .. " --kinds quote --format csv" .. db())
    assert.equal(0, code)
    local lines = {}
    for l in out:gmatch("[^\r\n]+") do lines[#lines + 1] = l end
    assert.equal(2, #lines)
    assert.equal("kind,segment,confidence,key,record,why", lines[1])
    assert.matches("^quote,", lines[2])
    code, out = sh(CMD .. " suggest " .. source .. " --kinds claim --format json" .. db())
    assert.equal(0, code)
    assert.matches('"estimative":"probably"', out)
    assert.matches('"kind":"claim"', out)
  end)

  it("refuses an unknown source, a bad id and an unknown kind with a usage error", function()
    local code, _, err = sh(CMD .. " suggest 99" .. db())
    assert.equal(2, code)
    assert.matches("Error: no source 99\n$", err)
    code, _, err = sh(CMD .. " suggest x" .. db())
    assert.equal(2, code)
    assert.matches("Error: source must be an integer source id, got 'x'\n$", err)
    code, _, err = sh(CMD .. " suggest " .. source .. " --kinds claims" .. db())
    assert.equal(2, code)
    assert.matches("unknown kind 'claims'; valid kinds: claim, quote, event, entity", err)
  end)

  it("dates the events whose sentence states no date by --chronology SOURCE", function()
    local kb = assert(sinorus.open(path))
    local doc = kb:add_source { title = "Brief", published = "2023-05-10",
      text = "China criticized Russia over the pipeline tariffs." }
    local chron = kb:add_source { title = "Timeline", text = table.concat({
      "- 2023-02-01: China criticizes Russia over the pipeline tariffs.",
      "- 2022-06: Russia and China hold talks on grain.",
      "- 2021: China opens a new port." }, "\n") }
    kb:close()
    local code, out = sh(CMD .. " suggest " .. doc .. " --kinds event" .. db())
    assert.equal(0, code)
    assert.matches("^kind%s+segment%s+confidence%s+key%s+record%s+why\n[-%s]+\n%(none%)\n$", out)
    code, out = sh(CMD .. " suggest " .. doc .. " --kinds event --format csv --chronology "
                   .. chron .. db())
    assert.equal(0, code)
    assert.matches("\nevent,.-,\"2023%-02%-01 CAMEO 11 china, russia\",\"chronology: 'China "
      .. "criticizes Russia over the pipeline tariffs%.' %(2023%-02%-01%)", out)
  end)

  it("refuses a --chronology that is no source id, or no source", function()
    local code, _, err = sh(CMD .. " suggest " .. source .. " --chronology x" .. db())
    assert.equal(2, code)
    assert.matches("Error: %-%-chronology must be an integer source id, got 'x'\n$", err)
    -- numbers Lua reads as integers are still no source id
    for _, bad in ipairs { "2.0", "1e3", "0x2" } do
      code, _, err = sh(CMD .. " suggest " .. source .. " --chronology " .. bad .. db())
      assert.equal(2, code)
      assert.matches("Error: %-%-chronology must be an integer source id, got '"
        .. bad:gsub("%.", "%%.") .. "'\n$", err)
    end
    code, _, err = sh(CMD .. " suggest 1.0 --chronology 2" .. db())
    assert.equal(2, code)
    assert.matches("Error: source must be an integer source id, got '1%.0'\n$", err)
    code, _, err = sh(CMD .. " suggest " .. source .. " --chronology 99" .. db())
    assert.equal(2, code)
    assert.matches("Error: no source 99 for 'chronology'\n$", err)
  end)

  it("refuses --review on the built-in knowledge base", function()
    local code, _, err = sh(CMD .. " suggest 1 --review")
    assert.equal(2, code)
    assert.matches("suggest %-%-review needs %-%-db FILE", err)
  end)
end)

describe("sinorus suggest --review", function()
  it("accepts, rejects, edits and skips as answered, and says what it did", function()
    -- claim: accept; quote: an unknown answer, then reject; event: edit
    -- (a date and the actors), accept; entity: skip
    local input = "a\nx\nr\ne\ndate=2022-04-02\nactors=wang-yi,china\n\ns\n"
    local code, out, err = sh(CMD .. " suggest " .. source .. " --review" .. db(), input)
    assert.equal(0, code)
    assert.matches("candidate 1/4", out)
    assert.matches("accepted as claim%-russia%-will%-probably%-stay%-close%-to", out)
    assert.matches("answer a, e, r, s or q", err)
    assert.matches("2 accepted, 1 rejected, 1 skipped, 0 left\n$", out)
    local kb = assert(sinorus.open(path))
    assert.equal("probably", kb:claim("claim-russia-will-probably-stay-close-to").estimative)
    local ev = kb:events { from = "2022-04-02", to = "2022-04-02" }
    assert.equal(1, #ev)
    assert.same({ "wang-yi", "china" }, ev[1].actors)
    assert.equal(1, #kb:history { operation = "reject" })
    -- what was decided is not proposed again; the skipped entity is
    local left = kb:suggest { source = source }
    assert.equal(1, #left)
    assert.equal("entity", left[1].kind)
    kb:close()
  end)

  it("says why a record was refused and asks again", function()
    -- the event without its actor: add_event refuses, then the answer is s
    local input = "s\ns\ne\nactors=-\n\ns\nq\n"
    local code, out, err = sh(CMD .. " suggest " .. source .. " --review" .. db(), input)
    assert.equal(0, code)
    assert.matches("sinorus: missing field 'actors'", err)
    assert.matches("0 accepted, 0 rejected, 3 skipped, 1 left\n$", out)
  end)

  it("stops at the end of the input", function()
    local code, out = sh(CMD .. " suggest " .. source .. " --review" .. db(), "a\n")
    assert.equal(0, code)
    assert.matches("1 accepted, 0 rejected, 0 skipped, 3 left\n$", out)
  end)

  it("runs on a terminal", function()
    -- script(1) gives the command a pseudo-terminal; the answers come
    -- through it as typed
    local code, out = sh(NOLEAKS .. "script -qec " .. fs.shq(CMD .. " suggest " .. source
      .. " --kinds claim --review" .. db()) .. " /dev/null", "a\n")
    assert.equal(0, code)
    assert.matches("accepted as claim%-", out)
    local kb = assert(sinorus.open(path))
    assert.equal(1, #kb:history { operation = "add_claim" })
    kb:close()
  end)
end)
