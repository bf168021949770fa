-- The record model (lua/sinorus/model.lua): held against the schema of a
-- new knowledge base (data/schema.sql as SQLite keeps it), so the two
-- cannot drift, and the API derived from it (a listing and a getter for
-- every type, the same columns everywhere).

local sinorus = require "sinorus"
local model = require "sinorus.model"

local function new_kb()
  local path = os.tmpname()
  os.remove(path)
  local kb = assert(sinorus.open(path, { create = true, empty = true }))
  return kb, path
end

-- The values a CHECK constraint of the table allows for column col, in
-- the order the schema lists them (`col = 'a' OR col = 'b' ...`), or nil.
local function check_values(sql, col)
  local out = {}
  for v in sql:gmatch("%f[%w_]" .. col .. " = '([^']*)'") do out[#out + 1] = v end
  return #out > 0 and out or nil
end

describe("sinorus.model", function()
  local kb, path
  setup(function() kb, path = new_kb() end)
  teardown(function()
    kb:close()
    os.remove(path)
  end)

  local function table_sql(tbl)
    local r = kb:sql("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?", tbl)[1]
    return r and r.sql
  end

  local function columns(tbl)
    local out = {}
    -- a primary key counts as NOT NULL (an INTEGER PRIMARY KEY is the rowid)
    for _, c in ipairs(kb:sql("SELECT name, \"notnull\" OR pk > 0 AS nn " ..
                              "FROM pragma_table_info(?) ORDER BY cid", tbl)) do
      out[#out + 1] = c
    end
    return out
  end

  it("declares the scripts of aliases as the schema's CHECK lists them, and core.script gives only those",
     function()
    assert.same(model.ALIAS_SCRIPTS, check_values(table_sql("alias"), "script"))
    local known = {}
    for _, c in ipairs(model.ALIAS_SCRIPTS) do known[c] = true end
    local core = require "sinorus.core"
    local want = { ["China"] = "Latn", ["Китай"] = "Cyrl", ["中国"] = "Hani", ["НАТО"] = "Cyrl",
                   ["1234"] = "Zyyy", ["Сhina"] = "Latn", ["G7"] = "Latn", [""] = "Zyyy" }
    for s, code in pairs(want) do
      assert.equals(code, core.script(s), s)
      assert.is_true(known[code])
    end
  end)

  it("declares every table of the schema, once", function()
    local declared = {}
    for _, t in ipairs(model.TYPES) do
      for tbl in pairs(t.tables) do
        assert.is_nil(declared[tbl], tbl)
        declared[tbl] = t.name
      end
    end
    for _, tbl in ipairs(model.OTHER_TABLES) do
      assert.is_nil(declared[tbl], tbl)
      declared[tbl] = "other"
    end
    for _, r in ipairs(kb:sql([[SELECT name FROM sqlite_schema WHERE type = 'table'
        AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'segment_fts_%' ORDER BY name]])) do
      assert.is_string(declared[r.name], "table '" .. r.name .. "' is in no model type")
    end
  end)

  for _, t in ipairs(model.TYPES) do
    describe(t.name, function()
      it("names the columns of its tables as the schema does, in order", function()
        for tbl, want in pairs(t.tables) do
          assert.is_string(table_sql(tbl), "no table " .. tbl)
          local got = {}
          for i, c in ipairs(columns(tbl)) do got[i] = c.name end
          assert.same(want, got, tbl)
        end
      end)

      it("has the schema's CHECK lists as its enums", function()
        for tbl, want_cols in pairs(t.tables) do
          local sql = table_sql(tbl)
          for _, col in ipairs(want_cols) do
            local enum = t.checks[tbl][col]
            local got = check_values(sql, col)
            if enum then
              assert.same(model.ENUMS[enum], got, tbl .. "." .. col)
            else
              assert.is_nil(got, tbl .. "." .. col .. " has a CHECK list the model lacks")
            end
          end
        end
      end)

      it("requires exactly the fields whose columns are NOT NULL", function()
        local required = {}
        for _, f in ipairs(t.required) do required[f] = true end
        -- a derived field (a factor's weight from its wording) is stored
        -- NOT NULL but need not be given
        for _, f in ipairs(t.derived or {}) do required[f] = true end
        for _, c in ipairs(columns(t.table)) do
          if t.fields[c.name] then
            assert.equal(c.nn == 1, required[c.name] == true, t.table .. "." .. c.name)
          end
        end
      end)

      it("uses enums, filters and columns that exist", function()
        for field, enum in pairs(t.enums) do
          assert.is_table(model.ENUMS[enum], enum)
          assert.is_string(t.fields[field], field)
        end
        for k in pairs(t.entity_filters) do
          assert.truthy(table.concat(t.filters, " "):find(k, 1, true), k)
        end
        for _, c in ipairs(t.show) do
          assert.truthy(table.concat(t.columns, " "):find(c, 1, true), c)
        end
        for _, f in ipairs(t.required) do assert.is_string(t.fields[f], f) end
      end)

      it("is found by its name, plural and table", function()
        assert.equal(t, model.type(t.name))
        assert.equal(t, model.type(t.plural))
        assert.equal(t, model.type(t.table))
      end)
    end)
  end
end)

describe("the API made from the model", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  for _, t in ipairs(model.TYPES) do
    describe(t.name, function()
      it("has a listing whose records carry the model's class and columns", function()
        local list = kb[t.plural](kb)
        assert.is_true(#list > 0)
        local mt = getmetatable(list[1])
        assert.equal(t.class, mt.__name)
        assert.same(t.columns, mt.columns)
        assert.same(t.show, getmetatable(list).columns)
        for _, r in ipairs(list) do
          for k in pairs(r) do
            assert.truthy(table.concat(t.columns, " "):find(k, 1, true), t.name .. "." .. k)
          end
        end
      end)

      it("has a getter giving the listing's record for every id", function()
        for _, r in ipairs(kb[t.plural](kb)) do
          assert.same(r, kb[t.name](kb, r.id))
        end
      end)

      it("gives nil for an id that does not exist", function()
        assert.is_nil(kb[t.name](kb, t.key == "number" and 999999 or "no-such-id"))
      end)

      it("raises naming the getter for a key of the wrong type", function()
        local want = t.key == "number" and "integer" or "string"
        assert.has_error(function() kb[t.name](kb, {}) end,
          string.format("bad argument #1 to '%s' (%s expected, got table)", t.name, want))
      end)

      it("raises on an unknown filter key, naming the valid keys", function()
        local keys = { "limit", "offset" }
        table.move(t.filters, 1, #t.filters, 3, keys)
        table.sort(keys)
        assert.has_error(function() kb[t.plural](kb, { nope = 1 }) end,
          string.format("bad argument #1 to '%s' (unknown filter key 'nope'; valid keys: %s)",
                        t.plural, table.concat(keys, ", ")))
      end)

      it("pages with limit and offset", function()
        local all = kb[t.plural](kb)
        local page = kb[t.plural](kb, { limit = 1, offset = #all - 1 })
        assert.equal(1, #page)
        assert.same(all[#all], page[1])
      end)
    end)
  end

  it("resolves entity filters by name or alias and rejects unknown entities", function()
    assert.same(kb:relations { from = "china" }, kb:relations { from = "Beijing" })
    assert.has_error(function() kb:quotes { speaker = "Atlantis" } end,
      "bad argument #1 to 'quotes' (unknown entity 'Atlantis' in 'speaker')")
  end)

  it("checks enumerated filters against the model's enums", function()
    assert.has_error(function() kb:factors { kind = "motive" } end,
      "bad argument #1 to 'factors' (invalid option 'motive'; expected one of: " ..
      table.concat(model.ENUMS.factor_kind, ", ") .. ")")
  end)

  it("lists an ACH item with its rating of every hypothesis", function()
    local item = kb:items()[1]
    local n = 0
    for h, r in pairs(item.ratings) do
      n = n + 1
      assert.equal(r, kb:ratings { evidence = item.id, hypothesis = h }[1].rating)
    end
    assert.equal(#kb:hypotheses(), n)
  end)

  it("validates an enumerated field with the model's list", function()
    local w, path = new_kb()
    w:add_source { title = "t", text = "China trades." }
    local ok, err = pcall(w.add_entity, w, { id = "x", name = "X", kind = "planet" })
    w:close()
    os.remove(path)
    assert.is_false(ok)
    assert.equal("bad argument #1 to 'add_entity' (field 'kind': invalid option 'planet'; " ..
                 "expected one of: " .. table.concat(model.ENUMS.entity_kind, ", ") .. ")", err)
  end)
end)

describe("a new record type", function()
  it("costs its table, its model entry and its data file", function()
    local path = os.tmpname()
    os.remove(path)
    local build = os.getenv("SINORUS_BUILD") or "build"
    local p = assert(io.popen(string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;" ..
      ";' LUA_CPATH='%s/?.so;;' lua5.4 spec/support/new_type.lua %s " ..
      "spec/fixtures/new-type/kb 2>&1", build, path)))
    local out = p:read("a")
    p:close()
    os.remove(path)
    assert.equal("ok\n", out)
  end)
end)
