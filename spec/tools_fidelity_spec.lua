-- tools/thesis_report.lua (the thesis report of `make thesis`) and
-- tools/kbdiff.lua (records changed between two codings): they run and
-- print what the library computes. Neither checks the article's thesis.

local sinorus = require "sinorus"

local ENV = "LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;;' LUA_CPATH='"
  .. (os.getenv("SINORUS_BUILD") or "build") .. "/?.so;;' "

local function run(cmd)
  local p = assert(io.popen(ENV .. cmd .. " 2>&1"))
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, ok and 0 or code
end

describe("tools/thesis_report.lua", function()
  it("prints the alignment indices the library computes and a verdict per part", function()
    local out, code = run("lua5.4 tools/thesis_report.lua")
    assert.equals(0, code, out)
    local kb <close> = sinorus.open()
    local short = kb:alignment{ horizon = "short" }.index
    local long = kb:alignment{ horizon = "long" }.index
    assert.truthy(out:find(string.format("short term %.3f, long term %.3f", short, long), 1, true),
                  out)
    local verdicts = 0
    for _ in out:gmatch("reproduced\n") do verdicts = verdicts + 1 end
    assert.equals(6, verdicts)
  end)
end)

describe("tools/kbdiff.lua", function()
  local function tmpdir()
    local d = os.tmpname()
    os.remove(d)
    assert(os.execute("mkdir -p " .. d .. "/kb"))
    return d
  end

  local function spit(path, text)
    local f = assert(io.open(path, "wb"))
    f:write(text)
    f:close()
  end

  it("reports nothing for a folder against itself", function()
    local out, code = run("lua5.4 tools/kbdiff.lua data/abb-polianskii-2022 data/abb-polianskii-2022")
    assert.equals(0, code)
    assert.equals("", out)
  end)

  it("reports records added, removed and changed by id, with the changed fields", function()
    local a, b = tmpdir(), tmpdir()
    spit(a .. "/kb/claims.lua", 'claim { id = "c1", text = "x", horizon = "long" }\n'
      .. 'claim { id = "c2", text = "y" }\n')
    spit(b .. "/kb/claims.lua", 'claim { id = "c1", text = "x", horizon = "short" }\n'
      .. 'claim { id = "c3", text = "z" }\n')
    -- a factor by weight before, by wording after, with the same numbers
    spit(a .. "/kb/factors.lua", 'factor { id = "f1", weight = 0.65, range = { 0.55, 0.75 }, '
      .. 'coupling = 0.0 }\n')
    spit(b .. "/kb/factors.lua", 'factor { id = "f1", wording = { strength = "plain", '
      .. 'repeated = true } }\n')
    local out, code = run("lua5.4 tools/kbdiff.lua " .. a .. " " .. b)
    os.execute("rm -r " .. a .. " " .. b)
    assert.equals(0, code)
    assert.equals("claims.lua\n  - c2\n  ~ c1: horizon\n  + c3\nfactors.lua\n  ~ f1: wording\n", out)
  end)

  it("prints its usage and exits 2 without two folders", function()
    local out, code = run("lua5.4 tools/kbdiff.lua")
    assert.equals(2, code)
    assert.matches("usage: lua5.4 tools/kbdiff.lua OLD_SOURCE_DIR NEW_SOURCE_DIR", out, 1, true)
  end)
end)
