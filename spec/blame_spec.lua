-- The library's errors point at the caller's line (lua/sinorus/blame.lua).

local sinorus = require "sinorus"
local fs = require "spec.support.fs"

-- The error of the chunk's line 2, and that chunk's name.
local function raise(src)
  local fn = assert(load("local sinorus, kb = ...\n" .. src, "=caller"))
  local kb = sinorus.open()
  if src:find("closed") then kb:close() end
  local ok, err = pcall(fn, sinorus, kb)
  assert.is_false(ok)
  return err
end

describe("the library's errors", function()
  it("blame the caller of sinorus.hedges, not weight.lua", function()
    assert.equal("caller:2: bad argument #1 to 'hedges' (string expected, got table)",
                 raise("local x = sinorus.hedges({}) return x"))
  end)

  it("blame the caller of a filter check", function()
    assert.equal("caller:2: bad argument #1 to 'claims' (unknown entity 'Narnia' in 'about')",
                 raise("local x = kb:claims{about = 'Narnia'} return x"))
  end)

  it("blame the caller of a closed KB's Lua method, not init.lua", function()
    assert.equal("caller:2: attempt to use a closed sinorus.KB",
                 raise("-- closed\nlocal x = kb:search('x') return x"):gsub(":3:", ":2:"))
  end)

  it("leave a callback's own error as it is", function()
    local path = fs.tmpname(".sqlite")
    local kb = assert(sinorus.open(path, { create = true }))
    local ok, err = pcall(kb.transaction, kb, function() error("mine:7: boom", 0) end)
    kb:close()
    fs.remove_db(path)
    assert.is_false(ok)
    assert.equal("mine:7: boom", err)
  end)
end)

describe("graph methods' errors", function()
  it("blame the caller, not graph.lua", function()
    local fn = assert(load("local g = ...\nlocal x = g:path('china', 'narnia') return x", "=caller"))
    local ok, err = pcall(fn, sinorus.open():graph())
    assert.is_false(ok)
    assert.equal("caller:2: bad argument #2 to 'path' (unknown entity 'narnia')", err)
  end)
end)
