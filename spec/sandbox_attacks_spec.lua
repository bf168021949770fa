-- sinorus.sandbox against the attack set of spec/support/sandbox_attacks.lua
-- (issue 21, items 7-9), with the limits of the issue: time = 1 s,
-- instructions = 1e7, memory = 16 MiB. Each attack must end with its
-- limit's error (or its harmless value); how long the worst one takes and
-- how much memory it needs is measured by bench/sandbox.lua, not here.

package.path = "spec/support/?.lua;" .. package.path
local sinorus = require "sinorus"
local set = require "sandbox_attacks"
local ATTACKS = set.attacks

-- An attack that must end on the instruction or memory limit gets a time
-- limit it cannot reach first on a slow or busy machine (a sanitizer build
-- runs 1e7 instructions in well over the issue's 1 s); the attacks that end
-- on the time limit keep theirs. bench/sandbox.lua times them all at 1 s.
local function run(script, opts, fails)
  if fails and not fails:find("time limit", 1, true) then
    local o = { time = 600 }
    for k, v in pairs(opts or {}) do o[k] = v end
    opts = o
  end
  return set.run(sinorus, script, opts)
end

describe("sinorus.sandbox attack set", function()
  for _, a in ipairs(ATTACKS) do
    if a.fails then
      it("stops " .. a.name .. " with its limit's error", function()
        local res = run(a.script, a.opts, a.fails)
        assert.is_nil(res[1], "the script succeeded: " .. tostring(res[2]))
        assert.matches(a.fails, res[2])
      end)
    else
      it("ends " .. a.name .. " at once, harmlessly", function()
        local res = run(a.script, a.opts)
        assert.is_true(res[1], tostring(res[2]))
        assert.equal(a.returns, res[2])
      end)
    end
  end

  -- the host is still usable after every attack
  it("leaves the host's KB and libraries working afterwards", function()
    local kb = sinorus.open()
    assert.equal(1, kb:sql("SELECT 1 AS x")[1].x)
    assert.equal(3, select(2, ("aaa"):gsub("a", "b")))
    kb:close()
  end)
end)

describe("sinorus.sandbox leaks nothing (issue 21, item 9)", function()
  local lfs = require "lfs"
  local function fds()
    local n = 0
    for _ in lfs.dir("/proc/self/fd") do n = n + 1 end
    return n
  end

  it("closes its KB file whatever the script did, from the host side", function()
    local path = os.tmpname()
    os.remove(path)
    assert(sinorus.open(path, { create = true })):close()
    local scripts = {
      "local mt = getmetatable(kb) mt.__gc = nil mt.__close = nil",
      "local it, st = kb:rows('SELECT id FROM segment') it() return 1",
      "local keep = {} for i = 1, 60 do keep[i] = {kb:rows('SELECT ' .. i .. ' AS x')} end",
      "while true do end",
    }
    sinorus.sandbox(scripts[2], { path = path })   -- warm up the host
    collectgarbage()
    local before = fds()
    for _ = 1, 20 do
      for _, s in ipairs(scripts) do
        sinorus.sandbox(s, { path = path, instructions = 1e6 })
      end
    end
    collectgarbage()
    assert.equal(before, fds())
    os.remove(path)
  end)
end)

describe("sinorus.sandbox's default time limit", function()
  it("bounds a loop of costly C calls when the caller gives no time", function()
    local saved = sinorus.sandbox_defaults.time
    sinorus.sandbox_defaults.time = 0.3
    local t0 = os.time()
    -- each upper() is one instruction for the count hook but megabytes of C
    local ok, msg = sinorus.sandbox(
      "local s = string.rep('a', 4000000) while true do s = s:upper():lower() end",
      { instructions = 10^9 })
    sinorus.sandbox_defaults.time = saved
    assert.is_nil(ok)
    assert.equal("time limit exceeded", msg)
    assert.truthy(os.time() - t0 <= 5)
  end)

  it("is 30 seconds unless the caller gives another", function()
    assert.equal(30, sinorus.sandbox_defaults.time)
  end)
end)
