-- The knowledge-base handle: opening, lifetime, description, raw SQL.

local sinorus = require "sinorus"

local function tmpname()
  local p = os.tmpname()
  os.remove(p)
  return p .. ".sqlite"
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
      "bad argument #2 to 'open' (unknown option 'creat'; valid options: create, empty, readonly, timeout)")
  end)

  it("rejects options without a path", function()
    assert.has_error(function() sinorus.open(nil, { readonly = true }) end,
      "bad argument #2 to 'open' (options need a path; the built-in knowledge base is read-only)")
  end)

  it("creates a file seeded with the article and reopens it", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true }))
    assert.is_false(kb:readonly())
    local n = #kb:segments()
    kb:close()
    local again = assert(sinorus.open(p, { readonly = true }))
    assert.equals(n, #again:segments())
    assert.is_true(again:readonly())
    again:close()
    os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
  end)

  it("creates an empty file with the schema only", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true, empty = true }))
    assert.equals(0, #kb:sources())
    kb:close()
    os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
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
      assert.equals(1, kb:_busy())
      break
    end
    assert.equals(0, kb:_busy())
  end)

  it("releases the statement when the loop body raises", function()
    pcall(function()
      for _ in kb:rows("SELECT id FROM segment") do error("boom") end
    end)
    assert.equals(0, kb:_busy())
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
    assert.has_error(function() kb:_exec("DELETE FROM segment") end,
      "attempt to write to a read-only sinorus.KB")
  end)
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
