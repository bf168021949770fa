-- The knowledge-base handle: opening, lifetime, description, raw SQL.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"

local function tmpname()
  local p = os.tmpname()
  os.remove(p)
  return p .. ".sqlite"
end

-- Gives each test of the enclosing block a new KB file, seeded with the
-- article (set(kb) receives it), closed and removed after the test.
local function with_new_kb(set)
  local p, kb
  before_each(function()
    p = tmpname()
    kb = assert(sinorus.open(p, { create = true, article = true }))
    set(kb)
  end)
  after_each(function()
    kb:close()
    require("spec.support.fs").remove_db(p)
  end)
end

describe("sinorus.open()", function()
  it("opens the built-in article knowledge base read-only", function()
    local kb = assert(sinorus.open())
    assert.is_true(kb:readonly())
    assert.is_nil(kb:path())
    kb:close()
  end)

  it("prints a one-line summary with the counts", function()
    local kb <close> = sinorus.open()
    local s = tostring(kb)
    assert.matches("^sinorus%.KB%(builtin, read%-only%): 1 source, %d+ sentences, %d+ entities, %d+ claims$", s)
  end)

  it("returns nil and a message for a missing file", function()
    local kb, msg = sinorus.open("/nonexistent/dir/kb.sqlite")
    assert.is_nil(kb)
    assert.equals("/nonexistent/dir/kb.sqlite: No such file or directory", msg)
  end)

  it("returns nil and a message for a file that is not a knowledge base", function()
    local p = tmpname()
    local f = assert(io.open(p, "wb"))
    f:write(("not a database\n"):rep(100))
    f:close()
    local kb, msg = sinorus.open(p)
    os.remove(p)
    assert.is_nil(kb)
    assert.matches("not a sinorus knowledge base", msg)
  end)

  it("rejects a path that is not a string", function()
    assert.has_error(function() sinorus.open(42) end,
      "bad argument #1 to 'open' (string expected, got number)")
  end)

  it("rejects unknown options, naming the valid ones", function()
    assert.has_error(function() sinorus.open("x.sqlite", { creat = true }) end,
      "bad argument #2 to 'open' (unknown option 'creat'; valid options: article, create, empty, readonly, search, timeout)")
  end)

  it("rejects options without a path", function()
    assert.has_error(function() sinorus.open(nil, { readonly = true }) end,
      "bad argument #2 to 'open' (options need a path; the built-in knowledge base is read-only)")
  end)

  it("creates a file seeded with the article and reopens it", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    assert.is_false(kb:readonly())
    local n = #kb:segments()
    kb:close()
    local again = assert(sinorus.open(p, { readonly = true }))
    assert.equals(n, #again:segments())
    assert.is_true(again:readonly())
    again:close()
    os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
  end)

  it("creates an empty file with the schema only unless asked for the article", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true }))
    assert.same({ 0, 0, 0 }, { #kb:sources(), #kb:entities(), #kb:questions() })
    kb:close()
    os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
  end)

  it("still accepts empty = true, which changes nothing", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true, empty = true }))
    assert.equals(0, #kb:sources())
    kb:close()
    os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
  end)

  it("refuses article without create, and article with empty", function()
    assert.has_error(function() sinorus.open("x.sqlite", { article = true }) end,
      "bad argument #2 to 'open' (option 'article' needs 'create')")
    assert.has_error(function()
      sinorus.open("x.sqlite", { create = true, article = true, empty = true })
    end, "bad argument #2 to 'open' (options 'article' and 'empty' exclude each other)")
  end)
end)

describe("a closed KB", function()
  it("can be closed twice", function()
    local kb = sinorus.open()
    kb:close()
    assert.has_no.errors(function() kb:close() end)
  end)

  it("raises on use", function()
    local kb = sinorus.open()
    kb:close()
    assert.has_error(function() kb:sources() end, "attempt to use a closed sinorus.KB")
  end)

  it("prints as closed", function()
    local kb = sinorus.open()
    kb:close()
    assert.equals("sinorus.KB(closed)", tostring(kb))
  end)

  it("is closed at the end of a <close> block", function()
    local outer
    do
      local kb <close> = sinorus.open()
      outer = kb
    end
    assert.is_true(outer:isclosed())
  end)

  it("is closed by the garbage collector without error", function()
    for _ = 1, 50 do sinorus.open():sources() end
    collectgarbage()
    collectgarbage()
  end)
end)

describe("kb:describe()", function()
  it("counts each record type", function()
    local kb <close> = sinorus.open()
    local d = kb:describe()
    assert.equals(1, d.counts.sources)
    assert.equals(3, d.counts.headings)
    assert.equals(4, d.counts.references)
    assert.is_true(d.counts.sentences > 60)
    assert.is_true(d.builtin)
    assert.is_true(d.readonly)
    assert.equals(sinorus.schema_version, d.schema_version)
  end)
end)

describe("kb:sql() and kb:rows()", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("returns rows keyed by column name with bound parameters", function()
    local rows = kb:sql("SELECT id, kind FROM segment WHERE kind = ? ORDER BY id", "heading")
    assert.equals(3, #rows)
    assert.equals("heading", rows[1].kind)
    assert.equals("integer", math.type(rows[1].id))
  end)

  it("leaves NULL columns out of the row", function()
    local r = kb:sql("SELECT 1 AS a, NULL AS b")[1]
    assert.same({ a = 1 }, r)
  end)

  it("binds nil, booleans, integers, floats and strings", function()
    local r = kb:sql("SELECT ?1 IS NULL AS n, ?2 AS t, ?3 AS i, ?4 AS f, ?5 AS s",
                     nil, true, 7, 2.5, "x\0y")[1]
    assert.same({ n = 1, t = 1, i = 7, f = 2.5, s = "x\0y" }, r)
  end)

  it("iterates rows lazily", function()
    local n = 0
    for row in kb:rows("SELECT id FROM segment ORDER BY id") do
      n = n + 1
      assert.is_number(row.id)
    end
    assert.equals(#kb:sql("SELECT id FROM segment"), n)
  end)

  it("releases the statement at once on break", function()
    for _ in kb:rows("SELECT id FROM segment") do  -- luacheck: ignore 512
      assert.equals(1, internal.busy(kb))
      break
    end
    assert.equals(0, internal.busy(kb))
  end)

  it("releases the statement when the loop body raises", function()
    pcall(function()
      for _ in kb:rows("SELECT id FROM segment") do error("boom") end
    end)
    assert.equals(0, internal.busy(kb))
  end)

  it("lets the same query run nested", function()
    local n = 0
    for _ in kb:rows("SELECT id FROM segment WHERE kind = 'heading'") do
      for _ in kb:rows("SELECT id FROM segment WHERE kind = 'heading'") do n = n + 1 end
    end
    assert.equals(9, n)
  end)

  it("refuses statements that write", function()
    assert.has_error(function() kb:sql("DELETE FROM segment") end)
    assert.has_error(function() kb:sql("INSERT INTO meta VALUES ('a', 'b')") end)
    assert.has_error(function() kb:sql("DROP TABLE segment") end)
    assert.has_error(function() kb:sql("PRAGMA user_version = 7") end)
    assert.has_error(function() kb:sql("ATTACH ':memory:' AS x") end)
  end)

  it("refuses several statements in one string", function()
    assert.has_error(function() kb:sql("SELECT 1; DELETE FROM segment") end,
      "bad argument #1 to 'sql' (only one SQL statement is allowed)")
  end)

  it("reports SQL errors as argument errors", function()
    assert.has_error(function() kb:sql("SELEC 1") end,
      'bad argument #1 to \'sql\' (near "SELEC": syntax error)')
  end)

  it("checks the number of parameters", function()
    assert.has_error(function() kb:sql("SELECT ?", 1, 2) end,
      "bad argument #2 to 'sql' (statement takes 1 parameter, got 2)")
  end)

  it("refuses to bind a table", function()
    assert.has_error(function() kb:sql("SELECT ?", {}) end,
      "bad argument #2 to 'sql' (cannot bind a table)")
  end)

  it("raises when the KB is closed during an iteration", function()
    local k = sinorus.open()
    assert.has_error(function()
      for _ in k:rows("SELECT id FROM segment") do k:close() end
    end, "attempt to use a closed sinorus.KB")
  end)

  it("lets a statement outlive its KB", function()
    local k = sinorus.open()
    local iter, state = k:rows("SELECT id FROM segment")
    k:close()
    assert.has_error(function() iter(state) end, "attempt to use a closed sinorus.KB")
    state = nil
    collectgarbage()
  end)

  it("keeps the built-in KB read-only even through the authoring hooks", function()
    assert.has_error(function() internal.exec(kb, "DELETE FROM segment") end,
      "attempt to write to a read-only sinorus.KB")
  end)
end)

describe("the public KB object (issue 13, item 7)", function()
  it("holds no internal helper", function()
    for name in pairs(sinorus.KB) do
      assert.is_false(name:sub(1, 1) == "_", "sinorus.KB." .. name)
    end
    local kb <close> = sinorus.open()
    for _, name in ipairs { "_exec", "_value", "_script", "_in_transaction", "_tag",
                            "_add_source", "_busy", "_insert_id" } do
      assert.is_nil(kb[name], name)
    end
  end)

  it("is built from modules that return tables of methods and functions", function()
    for _, name in ipairs { "records", "weight", "graph", "author", "sandbox" } do
      local ext = require("sinorus." .. name)
      assert.is_table(ext.methods, name)
      assert.is_table(ext.module, name)
      -- the public functions are the modules' own, wrapped by sinorus.blame
      local unwrap = require("sinorus.blame").unwrap
      for k, f in pairs(ext.methods) do
        assert.equal(unwrap(f), unwrap(sinorus.KB[k]), name .. "." .. k)
      end
      for k, v in pairs(ext.module) do
        assert.equal(unwrap(v), unwrap(sinorus[k]), name .. "." .. k)
      end
    end
  end)

  it("keeps the helpers for the library's own modules in sinorus.internal", function()
    for _, name in ipairs { "exec", "value", "script", "in_transaction", "tag",
                            "add_source" } do
      assert.is_function(internal[name], name)
    end
  end)
end)

describe("the internal helpers exec and value (sinorus.internal)", function()
  local kb
  with_new_kb(function(k) kb = k end)

  it("gives the first column of the first row, or nil for no row", function()
    assert.equals("china", internal.value(kb, "SELECT id FROM entity WHERE id = ?", "china"))
    assert.equals(3, internal.value(kb, "SELECT 1 + ?, 'x'", 2))
    assert.is_nil(internal.value(kb, "SELECT id FROM entity WHERE id = ?", "atlantis"))
    assert.is_nil(internal.value(kb, "SELECT NULL"))
    assert.equals(0, internal.busy(kb))
  end)

  it("refuses a statement that writes in internal.value", function()
    assert.has_error(function() internal.value(kb, "DELETE FROM code") end,
      "bad argument #2 to 'value' (not authorized)")
  end)

  it("checks the parameters of internal.value and internal.exec", function()
    assert.has_error(function() internal.value(kb, "SELECT ?") end,
      "bad argument #2 to '_value' (statement takes 1 parameter, got 0)")
    assert.has_error(function() internal.exec(kb, "DELETE FROM code WHERE code = ?", {}) end,
      "bad argument #2 to '_exec' (cannot bind a table)")
    assert.equals(0, internal.busy(kb))
    assert.equals(0, internal.exec(kb, "DELETE FROM code WHERE code = ?", "none"))
  end)

  it("holds no statement after a write that fails, and runs it again", function()
    local sql = "INSERT INTO code (segment, code) VALUES (?, ?)"
    local seg = internal.value(kb, "SELECT min(id) FROM segment")
    assert.equals(1, internal.exec(kb, sql, seg, "a"))
    assert.has_error(function() internal.exec(kb, sql, seg, "a") end,
      "UNIQUE constraint failed: code.segment, code.code")
    assert.equals(0, internal.busy(kb))
    assert.is_false(internal.in_transaction(kb))
    assert.equals(1, internal.exec(kb, sql, seg, "b"))
    assert.equals(2, internal.value(kb, "SELECT count(*) FROM code WHERE segment = ?", seg))
  end)

  it("keeps working when more statements are in use than the cache holds", function()
    local iters = {}
    local function sql(i) return "SELECT " .. i .. " AS n UNION ALL SELECT 0" end
    for i = 1, 60 do kb:sql(sql(i)) end   -- the cache keeps the last ones
    for i = 1, 60 do   -- each taken from the cache (or prepared), on its first row
      local it, st = kb:rows(sql(i))
      assert.equals(i, it(st).n)
      iters[i] = { it, st }
    end
    assert.equals(60, internal.busy(kb))
    assert.equals(7, internal.value(kb, "SELECT 7"))
    assert.equals(0, internal.exec(kb, "DELETE FROM code WHERE code = 'none'"))
    for i = 1, 60 do assert.equals(0, iters[i][1](iters[i][2]).n) end
  end)
end)

describe("the schema's CHECK constraints", function()
  local kb
  with_new_kb(function(k) kb = k end)

  -- table, column, a value it allows, one it refuses
  local CASES = {
    { "segment_row", "kind", "3", "5" },          -- SINORUS_SEG_*: 3 sentence
    { "entity", "kind", "'place'", "'planet'" },
    { "claim", "horizon", "'both'", "'soon'" },
    { "factor", "kind", "'irritant'", "'booster'" },
    { "factor", "horizon", "'long'", "'Long'" },
    { "relation", "sign", "-1", "2" },
    { "relation", "horizon", "'short'", "''" },
    { "ach_item", "credibility", "'medium'", "'none'" },
    { "ach_item", "relevance", "'high'", "'low '" },
    { "rating", "rating", "'II'", "'III'" },
  }

  for _, c in ipairs(CASES) do
    local tbl, col, good, bad = c[1], c[2], c[3], c[4]
    it("refuses a raw write of " .. bad .. " to " .. tbl .. "." .. col ..
       " and allows " .. good, function()
      local key = tbl == "rating" and "item" or (tbl == "segment_row" and "rowid" or "id")
      local id = internal.value(kb, "SELECT " .. key .. " FROM " .. tbl .. " ORDER BY 1 LIMIT 1")
      assert.is_not_nil(id)
      local before = internal.value(kb, "SELECT " .. col .. " FROM " .. tbl .. " WHERE " .. key ..
                               " = ? ORDER BY 1 LIMIT 1", id)
      local ok, err = pcall(internal.exec, kb, "UPDATE " .. tbl .. " SET " .. col .. " = " .. bad ..
                            " WHERE " .. key .. " = ?", id)
      assert.is_false(ok)
      assert.matches("^CHECK constraint failed: " .. col .. " = ", err)
      assert.equals(before, internal.value(kb, "SELECT " .. col .. " FROM " .. tbl .. " WHERE " ..
                                      key .. " = ? ORDER BY 1 LIMIT 1", id))
      assert.is_true(internal.exec(kb, "UPDATE " .. tbl .. " SET " .. col .. " = " .. good ..
                              " WHERE " .. key .. " = ?", id) > 0)
    end)
  end
end)

describe("kb:save()", function()
  it("writes a complete copy that opens as a KB", function()
    local p = tmpname()
    local kb <close> = sinorus.open()
    assert.is_true(kb:save(p))
    local copy <close> = assert(sinorus.open(p, { readonly = true }))
    assert.equals(#kb:segments(), #copy:segments())
    copy:close()
    os.remove(p)
  end)

  it("returns nil and a message for an unwritable path", function()
    local kb <close> = sinorus.open()
    local ok, msg = kb:save("/nonexistent/dir/x.sqlite")
    assert.is_nil(ok)
    assert.matches("^/nonexistent/dir/x%.sqlite: ", msg)
  end)
end)

describe("extensions loaded on first use", function()
  it("name in init.lua's list every KB method of each module, and no other", function()
    local n = 0
    for name, listed in pairs(internal.LAZY) do
      local ext = require("sinorus." .. name)
      local names, want = {}, {}
      for k in pairs(ext.methods) do names[#names + 1] = k end
      for i, k in ipairs(listed) do want[i] = k end
      table.sort(names)
      table.sort(want)
      assert.same(names, want)
      assert.same({}, ext.module)
      n = n + 1
    end
    assert.is_true(n >= 2)
  end)

  it("stay unloaded until one of their methods is called", function()
    local f = assert(io.popen("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='"
      .. (os.getenv("SINORUS_BUILD") or "build") .. "/?.so;;' lua5.4 -e '"
      .. "local kb = require(\"sinorus\").open() "
      .. "local function loaded() return tostring(package.loaded[\"sinorus.suggest\"] ~= nil) "
      .. "  .. tostring(package.loaded[\"sinorus.chart\"] ~= nil) end "
      .. "io.write(loaded(), \" \") kb:chart(\"tornado\") io.write(loaded(), \" \") "
      .. "kb:suggest{source = 1, kinds = {\"claim\"}} io.write(loaded())' 2>&1"))
    local out = f:read("a")
    f:close()
    assert.equals("falsefalse falsetrue truetrue", out)
  end)
end)
