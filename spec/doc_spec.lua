-- The help text (lua/sinorus/doc.lua): every public function has an
-- entry, help finds entries by function and by name, doc/API.md is
-- generated from the same source.

local sinorus = require "sinorus"
local doc = require "sinorus.doc"

local function sample_graph()
  if not rawget(sinorus.KB, "graph") then return nil end
  return sinorus.open():graph()
end

describe("sinorus.doc", function()
  it("has an entry for every public function of the module and of sinorus.KB", function()
    assert.same({}, doc.undocumented(sinorus))
  end)

  it("has an entry for every public method of a graph", function()
    local g = sample_graph()
    assert.same({}, doc.undocumented(sinorus, g))
  end)

  it("finds every KB method's entry by function identity", function()
    for name, fn in pairs(sinorus.KB) do
      if type(fn) == "function" and name:sub(1, 1) ~= "_" then
        local e = doc.find(fn)
        assert.is_table(e, "no entry for kb:" .. name)
        assert.equal("kb:" .. name, e.name)
      end
    end
  end)

  it("finds every module function's entry by function identity", function()
    for name, fn in pairs(sinorus) do
      if type(fn) == "function" and name:sub(1, 1) ~= "_" then
        local e = doc.find(fn)
        assert.is_table(e, "no entry for sinorus." .. name)
        assert.equal("sinorus." .. name, e.name)
      end
    end
  end)

  it("finds an entry by short name, full name or call", function()
    assert.equal("kb:search", doc.find("search").name)
    assert.equal("kb:search", doc.find("kb:search").name)
    assert.equal("kb:search", doc.find("kb.search").name)
    assert.equal("sinorus.open", doc.find("open").name)
    assert.equal("sinorus.open", doc.find("sinorus.open()").name)
  end)

  it("gives the same text for a function and its name", function()
    assert.equal(doc.text("search"), doc.text(sinorus.KB.search))
  end)

  it("gives every entry a name, arguments, a summary, a result and an example", function()
    for _, e in ipairs(doc.entries) do
      assert.is_string(e.name)
      assert.is_string(e.args, e.name)
      assert.is_string(e.summary, e.name)
      assert.is_string(e.returns, e.name)
      assert.is_string(e.example, e.name)
      assert.is_string(e.group, e.name)
    end
  end)

  it("gives examples that are valid Lua", function()
    for _, e in ipairs(doc.entries) do
      local src = e.example:gsub("%-%->[^\n]*", "")
      local fn, err = load(src, "=" .. e.name, "t", {})
      assert.is_function(fn, e.name .. ": " .. tostring(err))
    end
  end)

  -- Runs every example (but the graph objects'): those of the authoring
  -- group in order on one writable copy of the article (an update follows
  -- its add), the others on the built-in KB; in a directory of its own,
  -- since some write files. Reports the examples that raised on stderr.
  local RUNNER = [=[
local sinorus = require "sinorus"
local doc = require "sinorus.doc"
local writable = assert(sinorus.open("w.sqlite", { create = true, article = true }))
for _, e in ipairs(doc.entries) do
  if not e.name:match("^graph:") then
    local kb = e.group == "author" and writable or sinorus.open()
    local env = setmetatable({ kb = kb, sinorus = sinorus, print = function() end },
                             { __index = _G })
    local ok, err = pcall(assert(load(e.example, "=" .. e.name, "t", env)))
    if not ok then io.stderr:write("FAILED ", e.name, ": ", tostring(err), "\n") end
    if kb ~= writable then kb:close() end
  end
end
writable:close()
]=]

  it("gives examples that run", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p '" .. dir .. "'"))
    local f = assert(io.open(dir .. "/run.lua", "w"))
    f:write(RUNNER)
    f:close()
    local here = assert(io.popen("pwd")):read("l")
    local build = os.getenv("SINORUS_BUILD") or "build"
    local p = assert(io.popen(string.format("cd '%s' && LUA_PATH='%s/lua/?.lua;%s/lua/?/init.lua;;' " ..
      "LUA_CPATH='%s/%s/?.so;;' lua5.4 run.lua 2>&1 >/dev/null", dir, here, here, here,
      build)))
    local out = p:read("a")
    p:close()
    os.execute("rm -rf '" .. dir .. "'")
    assert.equal("", out)
  end)

  it("names each entry once", function()
    local seen = {}
    for _, e in ipairs(doc.entries) do
      assert.is_nil(seen[e.name], e.name)
      seen[e.name] = true
    end
  end)

  it("lists every existing function in the overview", function()
    local text = doc.text()
    for name, fn in pairs(sinorus.KB) do
      if type(fn) == "function" and name:sub(1, 1) ~= "_" then
        assert.truthy(text:find("kb:" .. name .. "(", 1, true) or
                      text:find("kb:" .. name .. "{", 1, true), name)
      end
    end
  end)

  it("documents only functions that exist in this build", function()
    for _, e in ipairs(doc.entries) do
      if not e.optional and not e.name:match("^graph:") then
        assert.is_true(doc.exists(e), e.name)
      end
    end
  end)

  it("says so when there is no help for a name", function()
    assert.equal("no help for 'frobnicate'; help() lists every function",
                 doc.text("frobnicate"))
  end)

  it("generates doc/API.md (run tools/gendoc.lua doc/API.md after editing doc.lua)", function()
    local f = assert(io.open("doc/API.md", "rb"))
    local text = f:read("a")
    f:close()
    assert.equal(doc.markdown(), text)
  end)
end)
