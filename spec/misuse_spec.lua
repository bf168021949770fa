-- The misuse matrix (issue 8, item 3): every documented function, generated
-- from the list help() uses (sinorus.doc.entries), called with every wrong
-- kind of argument, on a closed KB, and through objects that outlive their
-- KB; errors inside iterators and callbacks; close inside an iteration;
-- garbage collection in any order. Every call must give a result or raise
-- a string naming the function (or saying the KB is closed); none may
-- crash. A function added to doc.lua is covered without touching this file.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local doc = require "sinorus.doc"

local TMP = os.tmpname()
os.remove(TMP)
assert(os.execute("mkdir -p '" .. TMP .. "'"))

local function cleanup()
  os.execute("rm -rf '" .. TMP .. "'")
end

-- A writable copy of the article for the authoring methods.
local function writable()
  local path = TMP .. "/w" .. math.random(1, 1 << 30) .. ".sqlite"
  return assert(sinorus.open(path, { create = true, article = true })), path
end

local closed_kb = sinorus.open()
closed_kb:close()

-- Wrong values of every kind.
local BAD = {
  { "nil", nil },
  { "false", false },
  { "true", true },
  { "zero", 0 },
  { "negative", -1 },
  { "float", 0.5 },
  { "huge", math.huge },
  { "-huge", -math.huge },
  { "NaN", 0 / 0 },
  { "maxinteger", math.maxinteger },
  { "mininteger", math.mininteger },
  { "2^63", 2 ^ 63 },
  { "empty string", "" },
  { "NUL string", "a\0b" },
  { "invalid UTF-8", "\xff\xfe\xc3" },
  { "long string", string.rep("x", 70000) },
  { "SQL string", "'; DROP TABLE segment; --" },
  { "empty table", {} },
  { "table with junk", { 1, "x", foo = true, [{}] = 1 } },
  { "function", function() return 1 end },
  { "raising function", function() error("from a callback") end },
  { "userdata", io.stdout },
  { "closed KB", closed_kb },
  { "coroutine", coroutine.create(function() end) },
}

-- Option tables with bad values for the paging keys every listing takes.
local BAD_OPTS = {
  { "limit = -1", { limit = -1 } },
  { "limit = NaN", { limit = 0 / 0 } },
  { "limit = huge", { limit = math.huge } },
  { "limit = 2^63", { limit = 2 ^ 63 } },
  { "offset = maxinteger", { offset = math.maxinteger } },
  { "limit = 'x'", { limit = "x" } },
  { "unknown key", { ["no such key"] = 1 } },
  { "non-string key", { [1] = 1 } },
}

-- Arguments that are paths: wrong strings go into the temporary directory.
local PATH_ARG = { ["sinorus.open"] = 1, ["kb:save"] = 1, ["kb:export"] = 2 }

-- Methods whose calls would take long with a wrong but valid value.
local SKIP = {}

local function short(name) return name:match("[.:]([%w_]+)$") end

-- The number of arguments an entry documents (at least 1, at most 3).
local function arity(e)
  local n = 0
  if e.args:sub(1, 1) == "{" then return 1 end
  for _ in e.args:gmatch("[%w_]+") do n = n + 1 end
  return math.max(1, math.min(n, 3))
end

-- Checks the outcome of pcall(f, ...): a result, or an error that is a
-- string naming the function or saying the KB is closed.
local function check(fname, ok, err)
  if ok then return end
  assert(type(err) == "string", fname .. " raised a " .. type(err))
  local s = short(fname)
  assert(err:find("'" .. s .. "'", 1, true) or err:find(s, 1, true)
         or err:find("closed", 1, true)
         -- a C function reached through pcall has no name: Lua's own wording
         or err:find("^bad argument #%d+ to '%?'")
         -- an error of a callback passes through unchanged
         or err:find("from a callback", 1, true),
         string.format("the error of %s names neither it nor 'closed': %s", fname, err))
end

local quiet_write = function() return io.stdout end

-- Calls f(...) with io.write silenced (help prints).
local iolib = io
-- luacheck: push ignore 142
local function call(f, ...)
  local w = iolib.write
  iolib.write = quiet_write  -- luacheck: ignore
  local res = table.pack(pcall(f, ...))
  iolib.write = w  -- luacheck: ignore
  return table.unpack(res, 1, res.n)
end
-- luacheck: pop

local function args_with(n, pos, v, fname)
  local a = {}
  for i = 1, n do a[i] = nil end
  -- (numbers too: luaL_checkstring takes them, so kb:save(0) writes "0")
  if PATH_ARG[fname] == pos and (type(v) == "string" or type(v) == "number") then
    v = TMP .. "/" .. tostring(v):sub(1, 200)
  end
  a[pos] = v
  return a
end

local entries = {}
for _, e in ipairs(doc.entries) do
  if not e.value and doc.exists(e, sinorus) then entries[#entries + 1] = e end
end

local cases = 0

describe("misuse matrix", function()
  local kb, wkb, g
  setup(function()
    kb = sinorus.open()
    wkb = writable()
    g = kb:graph()
  end)
  teardown(function()
    kb:close()
    wkb:close()
    cleanup()
  end)

  it("covers every documented function of this build", function()
    assert.is_true(#entries > 60)
    -- and doc.lua documents every public function
    assert.same({}, doc.undocumented(sinorus, g))
  end)

  for _, e in ipairs(entries) do
    local fname, kind = e.name, e.name:match("^(%w+)")
    if not SKIP[fname] then
      it(fname .. " survives every wrong argument", function()
        local n = arity(e)
        for pos = 1, n do
          for _, b in ipairs(BAD) do
            local a = args_with(n, pos, b[2], fname)
            local ok, err
            if kind == "sinorus" then
              ok, err = call(sinorus[short(fname)], table.unpack(a, 1, n))
            elseif kind == "kb" then
              local target = e.group == "author" and wkb or kb
              if target:isclosed() then
                if target == wkb then wkb = writable() else kb = sinorus.open() end
                target = e.group == "author" and wkb or kb
              end
              local m = target[short(fname)]
              ok, err = call(m, target, table.unpack(a, 1, n))
              if kb:isclosed() then kb = sinorus.open(); g = kb:graph() end
              if wkb:isclosed() then wkb = writable() end
            else
              ok, err = call(g[short(fname)], g, table.unpack(a, 1, n))
            end
            cases = cases + 1
            check(fname, ok, err)
          end
        end
      end)

      if e.args:find("opts", 1, true) then
        it(fname .. " survives wrong option values", function()
          for _, b in ipairs(BAD_OPTS) do
            local ok, err
            local pos = arity(e)
            local a = {}
            if e.args:match("^%[opts%]") then pos = 1 end
            if fname == "kb:mentions" then a[1] = "China"
            elseif fname == "kb:search" or fname == "kb:kwic" then a[1] = "China"
            elseif fname == "kb:export" then a[1] = "json"
            elseif fname == "kb:coded" then a[1] = "x"
            elseif fname == "graph:ego" then a[1] = "china"
            elseif fname == "graph:path" then a[1], a[2] = "china", "russia" end
            a[pos] = b[2]
            if kind == "kb" then
              local target = e.group == "author" and wkb or kb
              ok, err = call(target[short(fname)], target, table.unpack(a, 1, pos))
            elseif kind == "graph" then
              ok, err = call(g[short(fname)], g, table.unpack(a, 1, pos))
            else
              ok, err = call(sinorus[short(fname)], table.unpack(a, 1, pos))
            end
            cases = cases + 1
            check(fname, ok, err)
          end
        end)
      end
    end
  end

  for _, e in ipairs(entries) do
    local fname = e.name
    if fname:match("^kb:") then
      it(fname .. " on a closed KB raises 'closed' or names itself", function()
        local k = sinorus.open()
        k:close()
        local m = k[short(fname)]
        for _, a in ipairs { {}, { "china" }, { 1 }, { {} } } do
          local ok, err = call(m, k, table.unpack(a))
          cases = cases + 1
          check(fname, ok, err)
          if not ok and fname ~= "kb:close" and #a == 0 and e.args:sub(1, 1) == "[" then
            assert.matches("closed", err)
          end
        end
      end)
    elseif fname:match("^graph:") then
      it(fname .. " works or raises cleanly once its KB is closed and collected", function()
        local k = sinorus.open()
        local gr = k:graph { kind = "mentions" }
        k:close()
        k = nil            -- luacheck: ignore
        collectgarbage()
        for _, a in ipairs { {}, { "china" }, { "china", "russia" } } do
          local ok, err = call(gr[short(fname)], gr, table.unpack(a))
          cases = cases + 1
          check(fname, ok, err)
        end
      end)
    end
  end

  describe("lifetimes", function()
    it("a closed KB keeps close idempotent and prints as closed", function()
      local k = sinorus.open()
      k:close(); k:close()
      assert.is_true(k:isclosed())
      assert.equal("sinorus.KB(closed)", tostring(k))
    end)

    it("an iterator outliving its closed KB raises 'closed'", function()
      local k = sinorus.open()
      local it = k:rows("SELECT id FROM segment")
      assert.is_table(it())
      k:close()
      assert.has_error(function() it() end, "attempt to use a closed sinorus.KB")
      collectgarbage()
    end)

    it("an iterator keeps its KB alive when the KB is dropped", function()
      local it = sinorus.open():rows("SELECT id FROM segment ORDER BY id")
      collectgarbage(); collectgarbage()
      assert.is_table(it())
    end)

    it("close from inside an iteration ends it with 'closed'", function()
      local k = sinorus.open()
      local n = 0
      assert.has_error(function()
        for _ in k:rows("SELECT id FROM segment") do
          n = n + 1
          k:close()
        end
      end, "attempt to use a closed sinorus.KB")
      assert.equal(1, n)
    end)

    it("an error inside a rows loop releases the statement", function()
      local k = sinorus.open()
      for _ = 1, 3 do
        local ok, err = pcall(function()
          for _ in k:rows("SELECT id FROM segment") do error("boom", 0) end
        end)
        assert.is_false(ok)
        assert.equal("boom", err)
      end
      collectgarbage()
      assert.equal(0, internal.busy(k))
      assert.equal(3, #k:sql("SELECT id FROM segment LIMIT 3"))
      k:close()
    end)

    it("an error inside a transaction callback rolls back and re-raises", function()
      local k = writable()
      local before = #k:codes()
      assert.has_error(function()
        k:transaction(function(t) t:code(1, "x"); error("inside", 0) end)
      end, "inside")
      assert.equal(before, #k:codes())
      assert.is_false(internal.in_transaction(k))
      k:close()
    end)

    it("close inside a transaction callback raises cleanly", function()
      local k = writable()
      local ok, err = pcall(k.transaction, k, function(t) t:close() end)
      if not ok then assert.is_string(err) end
      assert.is_true(k:isclosed())
    end)

    it("a graph outlives its KB", function()
      local k = sinorus.open()
      local gr = k:graph()
      k:close()
      k = nil  -- luacheck: ignore
      collectgarbage()
      assert.is_table(gr:nodes())
      assert.is_string(gr:to_json())
    end)

    -- every order of dropping a KB, a suspended iterator and a graph
    local perms = {}
    local function permute(a, n)
      if n == 0 then perms[#perms + 1] = { table.unpack(a) } return end
      for i = 1, n do
        a[n], a[i] = a[i], a[n]
        permute(a, n - 1)
        a[n], a[i] = a[i], a[n]
      end
    end
    permute({ "kb", "rows", "graph", "close" }, 4)
    for _, order in ipairs(perms) do
      it("garbage collection in the order " .. table.concat(order, ", ") .. " is safe",
         function()
        local objs = { kb = sinorus.open() }
        objs.rows = objs.kb:rows("SELECT id FROM segment")
        objs.rows()
        objs.graph = objs.kb:graph()
        local k = objs.kb
        for _, what in ipairs(order) do
          if what == "close" then k:close() else objs[what] = nil end
          collectgarbage()
        end
        k = nil  -- luacheck: ignore
        collectgarbage(); collectgarbage()
        cases = cases + 1
      end)
    end
  end)

  it("ran the matrix (count printed for the record)", function()
    assert.is_true(cases > 1000)
    io.stderr:write(string.format("\nmisuse matrix: %d cases\n", cases))
  end)
end)
