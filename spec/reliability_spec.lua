-- Issue 21, items 5, 6, 10 and 11 (the parts outside file writing): no
-- transaction half kept, no statement handed out with an authority it
-- should not have, no open that blocks, and clear messages for odd input.

package.path = "spec/support/?.lua;" .. package.path
local sinorus = require "sinorus"
local fs = require "fs"

local function fresh()
  local path = fs.tmpname(".sqlite")
  local kb = assert(sinorus.open(path, { create = true, empty = true }))
  return kb, path
end

local function entity(id)
  return { id = id, name = "Entity " .. id, kind = "state" }
end

describe("kb:transaction and coroutines (item 5)", function()
  it("refuses a yield inside the transaction and rolls it back", function()
    local kb, path = fresh()
    local co = coroutine.create(function()
      kb:transaction(function(k)
        k:add_entity(entity("yielded"))
        coroutine.yield("suspended with the transaction open")
      end)
    end)
    local ok, err = coroutine.resume(co)
    assert.is_false(ok)
    -- raised at the caller's kb:transaction line (sinorus.blame)
    assert.matches("^spec/reliability_spec%.lua:%d+: attempt to yield across a C%-call boundary$", err)
    assert.is_nil(kb:entity("yielded"))
    -- no transaction left open: a second writer gets the lock at once
    local other = assert(sinorus.open(path, { timeout = 0 }))
    other:add_entity(entity("other"))
    other:close()
    kb:close()
    fs.remove_db(path)
  end)

  it("loses nothing reported written after the refused yield", function()
    local kb, path = fresh()
    local co = coroutine.wrap(function()
      kb:transaction(function() coroutine.yield() end)
    end)
    assert.has_error(co, "attempt to yield across a C-call boundary")
    kb:add_entity(entity("after"))
    local copy = fs.tmpname(".sqlite")
    assert.is_true(kb:save(copy))
    kb:close()
    for _, p in ipairs { path, copy } do
      local k = assert(sinorus.open(p, { readonly = true }))
      assert.equal("after", k:entity("after").id)
      k:close()
      fs.remove_db(p)
    end
  end)

  it("still runs a transaction inside a coroutine that does not yield in it", function()
    local kb, path = fresh()
    local co = coroutine.wrap(function()
      kb:transaction(function(k) k:add_entity(entity("inside")) end)
      coroutine.yield("between")
      return "done"
    end)
    assert.equal("between", co())
    assert.equal("done", co())
    assert.equal("inside", kb:entity("inside").id)
    kb:close()
    fs.remove_db(path)
  end)
end)

describe("statement authority (item 6)", function()
  local CONTROL = { "COMMIT", "BEGIN", "BEGIN IMMEDIATE", "ROLLBACK", "SAVEPOINT sinorus_1",
                    "RELEASE sinorus_1", "END" }

  it("refuses transaction control in kb:sql and kb:rows after a transaction", function()
    local kb, path = fresh()
    kb:transaction(function(k)
      k:add_entity(entity("a"))
      k:transaction(function(k2) k2:add_entity(entity("b")) end)
    end)
    for _, sql in ipairs(CONTROL) do
      assert.has_error(function() kb:sql(sql) end, "bad argument #1 to 'sql' (not authorized)")
      assert.has_error(function() kb:rows(sql) end, "bad argument #1 to 'rows' (not authorized)")
    end
    kb:close()
    fs.remove_db(path)
  end)

  it("keeps none of the writes of a transaction that raises after kb:sql('COMMIT')", function()
    local kb, path = fresh()
    kb:transaction(function() end)     -- the writer has prepared its COMMIT
    local ok = pcall(kb.transaction, kb, function(k)
      k:add_entity(entity("kept"))
      pcall(k.sql, k, "COMMIT")
      error("boom")
    end)
    assert.is_false(ok)
    assert.is_nil(kb:entity("kept"))
    kb:close()
    local k = assert(sinorus.open(path, { readonly = true }))
    assert.is_nil(k:entity("kept"))
    k:close()
    fs.remove_db(path)
  end)
end)

describe("opening what is not a regular file (item 10)", function()
  -- in a child process with a time-out: a regression blocks in open(2)
  local function child(code)
    local cmd = "timeout 20 lua5.4 -e " .. fs.shq(
      "local sinorus = require 'sinorus' " .. code) .. " 2>&1"
    local f = assert(io.popen(cmd))
    local out = f:read("a")
    local ok, _, status = f:close()
    return out, ok, status
  end

  it("refuses a FIFO with nil, message, read-only, read-write and in a sandbox", function()
    local dir = fs.tmpname(".d")
    assert(os.execute("mkdir " .. fs.shq(dir)))
    local fifo = dir .. "/kb.sqlite"
    assert(os.execute("mkfifo " .. fs.shq(fifo)))
    local out, ok = child(string.format([[
      local p = %q
      print((select(2, sinorus.open(p, {readonly = true}))))
      print((select(2, sinorus.open(p))))
      print((select(2, sinorus.sandbox("return 1", {path = p}))))]], fifo))
    os.remove(fifo)
    os.remove(dir)
    assert.is_true(ok, out)
    local msg = fifo .. ": not a regular file"
    assert.equal(msg .. "\n" .. msg .. "\n" .. msg .. "\n", out)
  end)
end)

describe("smaller items (item 11)", function()
  it("refuses a NUL in the sandbox's path, which C would cut", function()
    assert.has_error(function() sinorus.sandbox("return 1", { path = "/tmp/a\0b" }) end,
      "bad argument #2 to 'sandbox' (option 'path' contains a NUL byte)")
  end)

  it("refuses fts3_tokenizer, which hands out a pointer of the process", function()
    local kb = sinorus.open()
    assert.has_error(function() kb:sql("SELECT hex(fts3_tokenizer('simple')) AS h") end,
      "bad argument #1 to 'sql' (not authorized to use function: fts3_tokenizer)")
    kb:close()
  end)

  it("accepts trailing comments and blanks after the one statement", function()
    local kb = sinorus.open()
    assert.equal(1, kb:sql("SELECT 1 AS x; -- note")[1].x)
    assert.equal(1, kb:sql("SELECT 1 AS x; /* note */ ;\n")[1].x)
    assert.equal(1, kb:sql("SELECT 1 AS x -- note")[1].x)
    for row in kb:rows("SELECT 2 AS y; -- note") do assert.equal(2, row.y) end
    kb:close()
  end)

  it("still refuses a second statement, behind a comment too", function()
    local kb = sinorus.open()
    for _, sql in ipairs { "SELECT 1; SELECT 2", "SELECT 1; -- x\nSELECT 2",
                           "SELECT 1; /* x */ SELECT 2", "SELECT 1; garbage" } do
      assert.has_error(function() kb:sql(sql) end,
        "bad argument #1 to 'sql' (only one SQL statement is allowed)")
    end
    kb:close()
  end)

  it("refuses NUL bytes in titles, names, aliases and codes", function()
    local kb, path = fresh()
    assert.has_error(function() kb:add_entity { id = "x", name = "A\0B", kind = "state" } end,
      "bad argument #1 to 'add_entity' (field 'name': must be a non-empty string, "
      .. "got a string with a NUL byte at byte 2)")
    assert.has_error(function()
      kb:add_entity { id = "x", name = "AB", kind = "state", aliases = { "x\0" } }
    end, "bad argument #1 to 'add_entity' (field 'aliases': must be a list of non-empty "
      .. "strings, got table)")
    assert.has_error(function() kb:add_source { title = "T\0", text = "Some text." } end,
      "bad argument #1 to 'add_source' (field 'title': NUL byte at byte 2)")
    local id = kb:add_source { title = "T", text = "Some text." }
    local seg = kb:segments { source = id }[1].id
    assert.has_error(function() kb:code(seg, "c\0d") end,
      "bad argument #2 to 'code' (NUL byte at byte 2)")
    assert.same({}, kb:codes())
    kb:close()
    fs.remove_db(path)
  end)

  it("calls a NaN or infinite goldstein not a finite number", function()
    local kb, path = fresh()
    kb:add_entity(entity("cn"))
    local id = kb:add_source { title = "T", text = "Some text." }
    local seg = kb:segments { source = id }[1].id
    local function event(g)
      return function()
        kb:add_event { id = "e", date = "2022", title = "x", actors = { "cn" },
                       evidence = { seg }, cameo = "010", goldstein = g }
      end
    end
    assert.has_error(event(0 / 0), "bad argument #1 to 'add_event' (field 'goldstein': "
      .. "must be a finite number, got NaN)")
    assert.has_error(event(-math.huge), "bad argument #1 to 'add_event' (field 'goldstein': "
      .. "must be a finite number, got -inf)")
    kb:close()
    fs.remove_db(path)
  end)

  describe("the full-text index, checked at open", function()
    local function damaged(sql)
      local kb, path = fresh()
      kb:close()
      assert(os.execute("sqlite3 " .. fs.shq(path) .. " " .. fs.shq(sql) .. " >/dev/null"))
      return path
    end

    it("reports a damaged FTS5 configuration as a corrupt knowledge base", function()
      local path = damaged("UPDATE segment_fts_config SET v = 99 WHERE k = 'version'")
      for _, opts in ipairs { {}, { readonly = true } } do
        local kb, err = sinorus.open(path, opts)
        assert.is_nil(kb)
        assert.equal(path .. ": corrupt knowledge base (full-text index: invalid fts5 file "
          .. "format (found 99, expected 4) - run 'rebuild')", err)
      end
      fs.remove_db(path)
    end)

    it("detects segment_fts redeclared with another tokenizer", function()
      local path = damaged("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
        .. "replace(sql, 'sinorus', 'porter') WHERE name = 'segment_fts'")
      local kb, err = sinorus.open(path)
      assert.is_nil(kb)
      assert.equal(path .. ": corrupt knowledge base (the full-text index segment_fts is "
        .. "not declared with the sinorus tokenizer)", err)
      fs.remove_db(path)
    end)

    it("accepts the declaration however it is spaced and quoted", function()
      local path = damaged("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = "
        .. "replace(replace(sql, 'tokenize = ''sinorus''', 'tokenize  =  \"sinorus\"'), "
        .. "'content = ', 'content=') WHERE name = 'segment_fts'")
      local kb = assert(sinorus.open(path))
      assert.is_table(kb:search("anything"))
      kb:close()
      fs.remove_db(path)
    end)
  end)
end)
