-- Persistence: round trips, invalid calls that leave the file alone,
-- saving, migration, files from elsewhere, concurrency and writers killed
-- with SIGKILL (spec/support/killer.lua; `make crash-test N=1000` runs more).

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local util = require "sinorus.util"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local ENV = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' ", BUILD)
-- The sqlite3 shell with sinorus's extension, which the view segment
-- reads the (packed) text with since schema version 6.
local SQLITE3 = "sqlite3 -cmd '.load " .. BUILD .. "/sinorus_sqlite' "

local fs = require "spec.support.fs"
local slurp, spit, remove = fs.slurp, fs.spit, fs.remove_db
local function tmpname() return fs.tmpname(".sqlite") end
-- A small KB of this sinorus's schema version (spec/fixtures/make-schema.lua).
local CURRENT = "spec/fixtures/schema-v" .. sinorus.schema_version .. ".sqlite"

-- Opens with a lock timeout of ms milliseconds.
local function open_timeout(p, ms)
  return assert(sinorus.open(p, { timeout = ms }))
end

-- Every record of a KB as one JSON string per table, for comparisons.
local TABLES = { "source", "segment", "entity", "alias", "mention", "evidence", "claim",
                 "claim_about", "claim_topic", "factor", "relation", "event", "event_actor",
                 "quote", "code" }
local function snapshot(kb)
  local out = {}
  for _, t in ipairs(TABLES) do
    out[t] = util.json(kb:sql("SELECT * FROM " .. t .. " ORDER BY 1, 2"))
  end
  return out
end

local function sentence_ids(kb)
  local ids = {}
  for _, s in ipairs(kb:segments { kind = "sentence" }) do ids[#ids + 1] = s.id end
  return ids
end

describe("a round trip", function()
  it("gives back every one of many random records after closing and reopening", function()
    local p = tmpname()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    math.randomseed(42)
    local sents = sentence_ids(kb)
    local function pick(list) return list[math.random(#list)] end
    local entities = { "china", "russia" }
    kb:transaction(function()
      for i = 1, 30 do
        entities[#entities + 1] = kb:add_entity { id = "ent-" .. i, name = "Entity Number " .. i,
          kind = pick { "state", "person", "company" }, aliases = { "EN" .. i },
          description = i % 2 == 0 and "even" or nil }
      end
      for i = 1, 200 do
        local kind = math.random(5)
        local ev = { pick(sents) }
        if kind == 1 then
          kb:add_claim { id = "c-" .. i, text = "Claim " .. i, about = { pick(entities) },
            horizon = pick { "short", "long", "both" },
            estimative = pick { "likely", "unlikely", "almost certainly" },
            topics = { "t" .. (i % 7) }, evidence = ev }
        elseif kind == 2 then
          local w = math.random()
          kb:add_factor { id = "f-" .. i, name = "Factor " .. i, kind = pick { "driver", "irritant" },
            domain = "economy", horizon = "long", weight = w, range = { w / 2, (1 + w) / 2 },
            coupling = math.random() * 2 - 1, why = "random", evidence = ev }
        elseif kind == 3 then
          kb:add_relation { id = "r-" .. i, from = "china", to = pick { "russia", "ent-1" },
            type = "trade", sign = math.random(-1, 1), weight = math.random(),
            horizon = "short", evidence = ev }
        elseif kind == 4 then
          kb:add_event { id = "e-" .. i, date = string.format("20%02d-%02d", math.random(0, 22),
            math.random(12)), title = "Event " .. i, actors = { pick(entities) }, evidence = ev }
        else
          kb:code(pick(sents), "code-" .. (i % 11))
        end
      end
      kb:add_source { title = "Notes", authors = { "A", "B" }, text = "China and EN3 met.\n" }
    end)
    local before = snapshot(kb)
    kb:close()
    local again = assert(sinorus.open(p))
    assert.same(before, snapshot(again))
    again:close()
    remove(p)
  end)
end)

describe("an invalid call", function()
  local p, image
  setup(function()
    p = tmpname()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:add_claim { id = "claim-x", text = "x", about = { "China" }, horizon = "short",
                   evidence = { sentence_ids(kb)[1] } }
    kb:close()
    image = slurp(p)
  end)
  teardown(function() remove(p) end)

  local calls = {
    { "add_claim with a bad horizon", function(kb)
      kb:add_claim { id = "c", text = "x", about = { "China" }, horizon = "soon", evidence = { 1 } } end },
    { "add_claim with an unknown entity", function(kb)
      kb:add_claim { id = "c", text = "x", about = { "Narnia" }, horizon = "short", evidence = { 1 } } end },
    { "add_claim with a duplicate id", function(kb)
      kb:add_claim { id = "claim-x", text = "x", about = { "China" }, horizon = "short",
                     evidence = { 1 } } end },
    { "add_entity with a taken alias", function(kb)
      kb:add_entity { id = "zz", name = "Zz", kind = "state", aliases = { "Beijing" } } end },
    { "add_factor out of range", function(kb)
      kb:add_factor { id = "f", name = "f", kind = "driver", domain = "d", horizon = "long",
        weight = 2, range = { 0, 1 }, coupling = 0, why = "w", evidence = { 1 } } end },
    { "add_relation with a bad sign", function(kb)
      kb:add_relation { id = "r", from = "China", to = "Russia", type = "t", sign = 2,
        weight = 0.5, horizon = "long", evidence = { 1 } } end },
    { "add_event with a bad date", function(kb)
      kb:add_event { id = "e", date = "2022-13", title = "t", actors = { "China" },
        evidence = { 1 } } end },
    { "add_quote not in its segment", function(kb)
      kb:add_quote { id = "q", speaker = "China", text = "no such words", segment = 1 } end },
    { "add_source with invalid UTF-8", function(kb)
      kb:add_source { title = "t", text = "\xc3\x28" } end },
    { "update_claim with a bad field", function(kb)
      kb:update_claim("claim-x", { horizon = "never" }) end },
    { "remove_entity that a claim is about", function(kb) kb:remove_entity("China") end },
    { "remove_claim of a missing claim", function(kb) kb:remove_claim("nope") end },
    { "code of a missing segment", function(kb) kb:code(999999, "x") end },
    { "a transaction that raises", function(kb)
      kb:transaction(function(k)
        k:add_claim { id = "c2", text = "x", about = { "China" }, horizon = "short",
                      evidence = { 1 } }
        k:code(1, "x")
        error("stop")
      end) end },
  }

  for _, c in ipairs(calls) do
    it("leaves the file byte for byte as it was: " .. c[1], function()
      spit(p, image)
      os.remove(p .. "-wal"); os.remove(p .. "-shm")
      local kb = assert(sinorus.open(p))
      assert.has_error(function() c[2](kb) end)
      kb:close()
      assert.is_true(slurp(p) == image)
    end)
  end
end)

describe("kb:save", function()
  local p, q
  before_each(function() p, q = tmpname(), tmpname() end)
  after_each(function() remove(p); remove(q) end)

  it("writes a copy that holds the last commit of a WAL-mode KB", function()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:code(sentence_ids(kb)[1], "last-commit")
    assert.is_true(kb:save(q))
    kb:close()
    assert.is_nil(slurp(q .. "-wal"))
    local copy = assert(sinorus.open(q, { readonly = true }))
    assert.equals(1, #copy:coded("last-commit"))
    copy:close()
  end)

  it("checkpoints instead of renaming when the target is the KB's own file", function()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:code(sentence_ids(kb)[1], "own")
    assert.is_true(kb:save(p))
    kb:code(sentence_ids(kb)[2], "still-open")   -- the handle still works
    assert.equals(1, #kb:coded("still-open"))
    kb:close()
    local again = assert(sinorus.open(p, { readonly = true }))
    assert.equals(1, #again:coded("own"))
    again:close()
  end)

  it("refuses to save inside a transaction", function()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    local ok, msg = kb:transaction(function(k) return k:save(q) end)
    kb:close()
    assert.is_nil(ok)
    assert.equals(q .. ": cannot save inside a transaction; save after it commits", msg)
    assert.is_nil(slurp(q))
  end)

  it("returns nil and a message for a directory that does not exist", function()
    local kb <close> = sinorus.open()
    local ok, msg = kb:save("/nonexistent/dir/kb.sqlite")
    assert.is_nil(ok)
    assert.equals("/nonexistent/dir/kb.sqlite: No such file or directory", msg)
  end)
end)

describe("schema versions", function()
  local p
  before_each(function() p = tmpname() end)
  after_each(function() remove(p) end)

  -- Sets PRAGMA user_version in a file's header (big-endian at offset 60).
  local function set_version(path, v)
    local s = slurp(path)
    spit(path, s:sub(1, 60) .. string.pack(">I4", v) .. s:sub(65))
  end

  it("opens the schema-version-1 fixture read-write and keeps its records", function()
    spit(p, slurp("spec/fixtures/schema-v1.sqlite"))
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    assert.equals("likely", kb:claim("claim-gas").estimative)
    assert.same({ "china", "russia" }, kb:claim("claim-gas").about)
    assert.equals(1, #kb:coded("sanctions"))
    assert.equals(10, #kb:history())
    kb:add_claim { id = "claim-new", text = "x", about = { "PRC" }, horizon = "long",
                   evidence = { kb:claim("claim-gas").evidence[1] } }
    kb:close()
  end)

  it("takes paragraphs out of the search index and the mention table when it migrates 1 to 2",
     function()
    spit(p, slurp("spec/fixtures/schema-v1.sqlite"))
    -- an alias that runs across the two sentences of a paragraph ("gas. Moscow"):
    -- the migration tags the paragraphs again (by the import's rules, in C)
    assert(os.execute("sqlite3 " .. p ..
      " \"INSERT INTO alias VALUES ('russia', 'gas. Moscow', 'gas. moscow', 2)\""))
    local kb = assert(sinorus.open(p))
    local function n(sql) return kb:sql("SELECT count(*) AS n FROM " .. sql)[1].n end
    assert.equals(0, n([[segment_fts_docsize d JOIN segment s ON s.id = d.id
                          WHERE s.kind = 'paragraph']]))
    assert.equals(n("segment WHERE kind <> 'paragraph'"), n("segment_fts_docsize"))
    -- the paragraphs keep only the mention no sentence holds
    assert.same({ { segment = 2, start = 54, stop = 64 } },
                kb:sql([[SELECT m.segment, m.start, m.stop FROM mention m
                         JOIN segment s ON s.id = m.segment WHERE s.kind = 'paragraph']]))
    assert.is_true(n("mention") > 0)
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
    local SCHEMA = [[SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name]]
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    assert.same(fresh:sql("SELECT * FROM segment_fts_config ORDER BY k"),
                kb:sql("SELECT * FROM segment_fts_config ORDER BY k"))
    fresh:close()
    local hits = kb:search("Moscow gas", { kind = "paragraph" })
    assert.equals(1, #hits)
    assert.equals("paragraph", hits[1].kind)
    local ms = kb:mentions("China", { kind = "paragraph" })
    assert.same({ "paragraph", "paragraph" }, { ms[1].kind, ms[2].kind })
    assert.same({ "China" }, ms[2].matches)
    kb:close()
  end)

  local SCHEMA = [[SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name]]

  it("migrates the schema-version-2 fixture to exactly the schema of a new file", function()
    spit(p, slurp("spec/fixtures/schema-v2.sqlite"))
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    assert.equals(tostring(sinorus.schema_version),
                  kb:sql("SELECT value FROM meta WHERE key = 'schema'")[1].value)
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    fresh:close()
    assert.same({}, kb:sql("SELECT name FROM sqlite_schema WHERE sql LIKE '% IN (%'"))
    kb:close()
    -- the file is sound for SQLite itself, not only for this connection
    local f = assert(io.popen("sqlite3 " .. p .. " 'PRAGMA integrity_check'"))
    assert.equals("ok\n", f:read("a"))
    f:close()
  end)

  -- What the sqlite3 shell prints for sql on the file at p (values quoted).
  local function shell(sql)
    local f = assert(io.popen(SQLITE3 .. "-quote " .. p .. " '" .. sql .. "'"))
    local out = f:read("a")
    f:close()
    return out
  end

  -- Every row of every table of the file at p, as the sqlite3 shell prints
  -- them (a source without its text, which version 4 keeps in pieces)
  local function rows(path)
    local out = {}
    for _, t in ipairs(TABLES) do
      -- (and an alias without its script, which version 5 adds)
      local cols = t == "source" and "id, title, authors, outlet, published, url, doi"
                   or t == "alias" and "entity, alias, folded, ord" or "*"
      local f = assert(io.popen(SQLITE3 .. "-quote " .. path .. " 'SELECT " .. cols .. " FROM " ..
                                t .. " ORDER BY 1, 2'"))
      out[t] = f:read("a")
      f:close()
    end
    return out
  end

  it("keeps every record when it migrates 2 to the current version", function()
    spit(p, slurp("spec/fixtures/schema-v2.sqlite"))
    local before = rows(p)
    assert.is_true(#before.claim > 0 and #before.segment > 0)
    local kb = assert(sinorus.open(p))
    kb:close()
    assert.same(before, rows(p))
    kb = assert(sinorus.open(p))
    assert.equals("likely", kb:claim("claim-gas").estimative)
    kb:add_claim { id = "claim-new", text = "x", about = { "PRC" }, horizon = "both",
                   evidence = { kb:claim("claim-gas").evidence[1] } }
    kb:close()
  end)

  it("migrates 4 to 5 (and on): mentions by an entity key and offsets from the segment, " ..
     "the same rows through the view mention",
     function()
    spit(p, slurp("spec/fixtures/schema-v4.sqlite"))
    local MENTIONS = "SELECT segment, entity, start, stop FROM mention ORDER BY 1, 2, 3"
    -- the index is declared again with version 5's search settings and
    -- rebuilt (migrate_v5_lang; spec/lang_migrate_spec.lua checks its hits):
    -- the same rows, each of the same size (a stem shares its word's position)
    local INDEX = "SELECT * FROM segment_fts_docsize ORDER BY 1"
    local before, mentions, index = rows(p), shell(MENTIONS), shell(INDEX)
    assert.is_true(#mentions > 0)
    assert.equals("'table'\n", shell("SELECT type FROM sqlite_schema WHERE name = \"mention\""))
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    kb:close()
    -- every row and every mention as plain sqlite3 sees them, the index's rows
    assert.same(before, rows(p))
    assert.equals(mentions, shell(MENTIONS))
    assert.equals(index, shell(INDEX))
    assert.equals("'view'\n", shell("SELECT type FROM sqlite_schema WHERE name = \"mention\""))
    assert.equals("", shell("SELECT name FROM sqlite_schema WHERE name IN " ..
                            "(\"segment_parent\", \"mention_entity\", \"mention_v4\")"))
    assert.equals("'ok'\n", shell("PRAGMA integrity_check"))
    -- segment_row: the kind as its number, the length for the stop
    assert.equals("'integer',3\n", shell("SELECT DISTINCT typeof(kind), kind FROM segment_row " ..
                                         "WHERE kind = 3"))
    assert.equals("", shell("SELECT id FROM segment_row r WHERE len <> " ..
                            "(SELECT stop - start + 1 FROM segment s WHERE s.id = r.id)"))
    kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    -- the same mentions as a new file of the same text gets from its import
    assert.same(fresh:sql(MENTIONS), kb:sql(MENTIONS))
    assert.same(fresh:mentions("China"), kb:mentions("China"))
    fresh:close()
    -- a stored mention: a small key for the entity, offsets from the segment
    local r = kb:sql([[SELECT m.start, m.len, s.start AS seg, k.entity FROM sinorus_mention m
      JOIN entity_key k ON k.id = m.entity JOIN segment_row s ON s.id = m.segment
      ORDER BY m.segment, k.entity, m.start LIMIT 1]])[1]
    local first = kb:sql("SELECT start, stop, entity FROM mention ORDER BY 1, 2, 3 LIMIT 1")[1]
    assert.same({ first.start, first.stop }, { r.seg + r.start, r.seg + r.start + r.len - 1 })
    kb:close()
  end)

  it("refuses a version-4 file with a view version 4 did not have", function()
    spit(p, slurp("spec/fixtures/schema-v4.sqlite"))
    assert(os.execute("sqlite3 " .. p .. " 'CREATE VIEW v AS SELECT * FROM claim'"))
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.matches("a view sinorus does not define: 'v'", msg)
    spit(p, slurp("spec/fixtures/schema-v4.sqlite"))
    assert(os.execute("sqlite3 " .. p .. " 'DROP VIEW segment; CREATE VIEW segment AS " ..
                      "SELECT * FROM segment_row'"))
    kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.matches("a view sinorus does not define: 'segment'", msg)
  end)

  it("migrates 5 to 6: every piece packed, the same rows and index, no index on (source, ord)",
     function()
    spit(p, slurp("spec/fixtures/schema-v5.sqlite"))
    local INDEX = "SELECT * FROM segment_fts_data ORDER BY 1; " ..
                  "SELECT * FROM segment_fts_docsize ORDER BY 1"
    local TEXTS = "SELECT source, group_concat(text, \"\") FROM " ..
                  "(SELECT source, text FROM source_text ORDER BY source, start) GROUP BY source"
    local before, index, texts = rows(p), shell(INDEX), shell(TEXTS)
    assert.is_true(#before.segment > 0 and #texts > 0)
    assert.matches("sqlite_autoindex_segment_row_1", shell("SELECT name FROM sqlite_schema"))
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    kb:close()
    -- every row as the sqlite3 shell (with the extension) sees it, the
    -- index byte for byte, the text of every source
    assert.same(before, rows(p))
    assert.equals(index, shell(INDEX))
    assert.equals(texts, shell("SELECT source, group_concat(sinorus_unpack(packed), \"\") FROM " ..
                               "(SELECT source, packed FROM source_text ORDER BY source, start) " ..
                               "GROUP BY source"))
    assert.equals("'blob'\n", shell("SELECT DISTINCT typeof(packed) FROM source_text"))
    assert.equals("", shell("SELECT name FROM sqlite_schema WHERE name LIKE " ..
                            "\"%segment_row%\" AND type = \"index\" OR name LIKE \"%_v5\""))
    assert.equals("'ok'\n", shell("PRAGMA integrity_check"))
    kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    fresh:close()
    -- each segment's text is its source's bytes start..stop
    local n = 0
    for _, src in ipairs(kb:sql("SELECT id FROM source")) do
      local text = kb:text(src.id)
      for _, seg in ipairs(kb:segments { source = src.id }) do
        assert.equals(text:sub(seg.start, seg.stop), seg.text)
        n = n + 1
      end
    end
    assert.equals(kb:sql("SELECT count(*) AS n FROM segment")[1].n, n)
    assert.is_true(#kb:search("China") > 0)
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
    kb:close()
  end)

  it("refuses to migrate a version-5 file whose segments are out of document order, "
     .. "and leaves it as it was", function()
    spit(p, slurp("spec/fixtures/schema-v5.sqlite"))
    assert(os.execute("sqlite3 " .. p .. " 'UPDATE segment_row SET ord = ord + 1000 " ..
                      "WHERE id = (SELECT min(id) FROM segment_row)'"))
    local copy = slurp(p)
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.equals(p .. ": cannot migrate to schema version " .. sinorus.schema_version ..
                  " (1 segments do not follow the one "
                  .. "before in order of source and ord)", msg)
    assert.equals(copy, slurp(p))
  end)

  it("migrates 6 to 7: mentions packed, the same rows through the view mention", function()
    spit(p, slurp("spec/fixtures/schema-v6.sqlite"))
    local MENTIONS = "SELECT segment, entity, start, stop FROM mention ORDER BY 1, 2, 3"
    local before, mentions = rows(p), shell(MENTIONS)
    assert.is_true(#mentions > 0)
    assert.matches("mention_by_entity", shell("SELECT name FROM sqlite_schema"))
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    kb:close()
    -- every row and every mention as the sqlite3 shell (with the extension) sees them
    assert.same(before, rows(p))
    assert.equals(mentions, shell(MENTIONS))
    assert.equals("", shell("SELECT name FROM sqlite_schema WHERE name IN " ..
                            "(\"mention_row\", \"mention_by_entity\")"))
    assert.equals("'ok'\n", shell("PRAGMA integrity_check"))
    kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    -- the same mentions, packs and posting lists as a new file of the same text
    for _, sql in ipairs { MENTIONS, "SELECT * FROM mention_pack ORDER BY 1",
                           "SELECT * FROM mention_posting ORDER BY 1, 2" } do
      assert.same(fresh:sql(sql), kb:sql(sql))
    end
    assert.same(fresh:mentions("China"), kb:mentions("China"))
    fresh:close()
    kb:close()
  end)

  it("migrates 7 to 8: the pieces as they were, an empty table of dictionaries", function()
    spit(p, slurp("spec/fixtures/schema-v7.sqlite"))
    local PIECES = "SELECT id, source, start, stop, hex(packed) FROM source_text ORDER BY id"
    local before, pieces = rows(p), shell(PIECES)
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    assert.same({}, kb:sql("SELECT * FROM text_dict"))
    kb:close()
    assert.same(before, rows(p))
    assert.equals(pieces, shell(PIECES))
    assert.equals("'ok'\n", shell("PRAGMA integrity_check"))
    kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    fresh:close()
    -- a long source imported now is packed with a dictionary
    local para = slurp("data/abb-polianskii-2022/article.txt")
    local id = kb:add_source { title = "long", text = para:rep(20) }
    assert.equals(para:rep(20), kb:text(id))
    assert.equals(1, #kb:sql("SELECT id FROM text_dict"))
    kb:close()
  end)

  it("refuses to migrate a version-6 file whose mentions cannot be packed, and leaves it " ..
     "as it was", function()
    spit(p, slurp("spec/fixtures/schema-v6.sqlite"))
    assert(os.execute("sqlite3 " .. p .. " 'INSERT INTO mention_row VALUES (-3, 1, 0, 2)'"))
    local copy = slurp(p)
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.equals(p .. ": cannot migrate to schema version " .. sinorus.schema_version ..
                  " (mention_row has a mention that cannot be (segment -3))", msg)
    assert.equals(copy, slurp(p))
  end)

  it("refuses to migrate a version-6 file with a mention too long to be read back, with " ..
     "the mention's segment", function()
    spit(p, slurp("spec/fixtures/schema-v6.sqlite"))
    assert(os.execute("sqlite3 " .. p .. " 'UPDATE mention_row SET len = 4611686018427387904 " ..
                      "WHERE segment = (SELECT min(segment) FROM mention_row)'"))
    local f = assert(io.popen("sqlite3 " .. p .. " 'SELECT min(segment) FROM mention_row'"))
    local seg = assert(tonumber(f:read("a")))
    f:close()
    local copy = slurp(p)
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.equals(p .. ": cannot migrate to schema version " .. sinorus.schema_version ..
                  " (mention_row has a mention that cannot be (segment " .. seg .. "))", msg)
    assert.equals(copy, slurp(p))
  end)

  it("refuses a version-5 file whose view segment is not version 5's", function()
    spit(p, slurp("spec/fixtures/schema-v5.sqlite"))
    local f = assert(io.popen("sqlite3 " .. p .. " 'SELECT sql FROM sqlite_schema " ..
                              "WHERE name = \"segment\"'"))
    local v5 = f:read("a")
    f:close()
    assert.matches("CAST%(p.text AS BLOB%)", v5)
    assert(os.execute("sqlite3 " .. p .. " 'DROP VIEW segment; CREATE VIEW segment AS " ..
                      "SELECT * FROM segment_row'"))
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.matches("a view sinorus does not define: 'segment'", msg)
  end)

  it("lists segments in document order by id, without sorting them", function()
    local kb = assert(sinorus.open())
    local plan = {}
    for _, row in ipairs(kb:sql([[EXPLAIN QUERY PLAN SELECT s.id, s.text FROM segment s
                                  ORDER BY s.id LIMIT 5]])) do
      plan[#plan + 1] = row.detail
    end
    assert.not_matches("TEMP B%-TREE", table.concat(plan, "\n"))
    assert.same(kb:sql("SELECT id FROM segment_row ORDER BY source, ord"),
                kb:sql("SELECT id FROM segment_row ORDER BY id"))
    kb:close()
  end)

  it("finds mentions by entity and a paragraph's sentences without scanning a table",
     function()
    local kb = assert(sinorus.open())
    local function plan(sql, ...)
      local out = {}
      for _, row in ipairs(kb:sql("EXPLAIN QUERY PLAN " .. sql, ...)) do
        out[#out + 1] = row.detail
      end
      return table.concat(out, "\n")
    end
    -- the entity's key, then its posting list and the packs it names
    -- (sinorus_mention's plan 3, an entity), each segment's row by its id
    local by_entity = plan("SELECT DISTINCT segment FROM mention WHERE entity = ?", "china")
    assert.matches("SEARCH k USING COVERING INDEX", by_entity)
    assert.matches("SCAN m VIRTUAL TABLE INDEX 3:", by_entity)
    assert.matches("SEARCH s USING INTEGER PRIMARY KEY", by_entity)
    -- a segment's mentions: its pack (plan 2)
    assert.matches("SCAN m VIRTUAL TABLE INDEX 2:",
                   plan("SELECT entity, start FROM mention WHERE segment = ?", 5))
    local para = kb:segments { kind = "paragraph", limit = 1 }[1].id
    local sents = plan("SELECT c.id FROM segment_row c WHERE c.parent = ?1 AND " ..
                       require("sinorus.store").sentences_of("c.id", "?1"), para)
    assert.not_matches("SCAN", sents)
    -- and the range gives exactly the paragraph's sentences
    local got = kb:sql("SELECT c.id FROM segment_row c WHERE " ..
                       require("sinorus.store").sentences_of("c.id", "?1") .. " ORDER BY 1", para)
    local want = kb:sql("SELECT id FROM segment_row WHERE parent = ?1 ORDER BY 1", para)
    assert.is_true(#want > 1)
    assert.same(want, got)
    kb:close()
  end)

  it("migrates 3 to 4: the text once, with every text, offset, mention and hit kept",
     function()
    spit(p, slurp("spec/fixtures/schema-v3.sqlite"))
    -- the index, byte for byte: the same index gives the same hits
    local INDEX = "SELECT * FROM segment_fts_data ORDER BY 1; " ..
                  "SELECT * FROM segment_fts_idx ORDER BY 1, 2; " ..
                  "SELECT * FROM segment_fts_docsize ORDER BY 1"
    local before, index = rows(p), shell(INDEX)
    local texts = {}
    for id, text in shell("SELECT id, text FROM source ORDER BY id"):gmatch(
        "(%d+),'(.-)'\n%f[%d\0]") do
      texts[tonumber(id)] = text
    end
    assert.is_true(#before.segment > 0 and #before.mention > 0 and next(texts) ~= nil)
    local kb = assert(sinorus.open(p))
    kb:close()
    -- every row as plain sqlite3 sees it (segment is now the view); the
    -- index is rebuilt at version 5 (migrate_v5_lang), whose spec
    -- (lang_migrate_spec) checks that every query finds what it found
    assert.same(before, rows(p))
    assert.is_true(#index > 0 and #shell(INDEX) > 0)
    kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    fresh:close()
    -- the text is stored once: the pieces hold the sources' bytes and no more
    local stored = 0
    for id, text in pairs(texts) do
      assert.equals(text, kb:text(id))
      stored = stored + #text
    end
    assert.equals(stored, kb:sql("SELECT sum(length(CAST(sinorus_unpack(packed) AS BLOB))) " ..
                                 "AS n FROM source_text")[1].n)
    for _, seg in ipairs(kb:segments()) do
      assert.equals(seg.text, kb:text(seg.source):sub(seg.start, seg.stop))
    end
    local hits = kb:search("China")
    assert.is_true(#hits > 0)
    for _, h in ipairs(hits) do assert.matches("«China»", h.snippet) end
    assert.equals(1, #kb:search("Moscow"))
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
    kb:close()
    local f = assert(io.popen("sqlite3 " .. p .. " 'PRAGMA integrity_check'"))
    assert.equals("ok\n", f:read("a"))
    f:close()
  end)

  it("migrates 3 to 4 a paragraph longer than a piece, and segments of many sources",
     function()
    spit(p, slurp("spec/fixtures/schema-v3.sqlite"))
    -- a second source of version 3: one paragraph of 1,500 sentences
    local sents, at, values = {}, 1, {}
    for i = 1, 1500 do
      sents[i] = ("Sentence %d of the long one."):format(i)
      values[i] = ("(%d, 2, 'sentence', NULL, 1000, %d, %d, %d, NULL, '%s')"):format(
        1000 + i, i + 1, at, at + #sents[i] - 1, sents[i])
      at = at + #sents[i] + 1
    end
    local text = table.concat(sents, " ")
    local f = assert(io.open(p .. ".sql", "w"))
    f:write("INSERT INTO source (id, title, text) VALUES (2, 'long', '", text, "');\n",
            "INSERT INTO segment VALUES (1000, 2, 'paragraph', NULL, NULL, 1, 1, ", #text,
            ", NULL, '", text, "');\n",
            "INSERT INTO segment VALUES ", table.concat(values, ",\n"), ";\n")
    f:close()
    assert(os.execute("sqlite3 " .. p .. " < " .. p .. ".sql"))
    os.remove(p .. ".sql")
    local kb = assert(sinorus.open(p))
    assert.equals(text, kb:text(2))
    assert.is_true(kb:sql("SELECT count(*) AS n FROM source_text WHERE source = 2")[1].n > 1)
    assert.equals(text, kb:segment(1000).text)
    for _, seg in ipairs(kb:segments()) do
      assert.equals(seg.text, kb:text(seg.source):sub(seg.start, seg.stop))
    end
    assert.equals(sents[1500], kb:segment(2500).text)
    kb:close()
  end)

  it("refuses through a migrated file's CHECKs what the authoring API refuses", function()
    spit(p, slurp("spec/fixtures/schema-v2.sqlite"))
    local kb = assert(sinorus.open(p))
    assert.has_error(function()
      internal.exec(kb, "UPDATE claim SET horizon = 'soon' WHERE id = 'claim-gas'")
    end, "CHECK constraint failed: horizon = 'short' OR horizon = 'long' OR horizon = 'both'")
    assert.has_error(function()
      internal.exec(kb, "UPDATE relation SET sign = 2 WHERE id = 'rel-eu-china'")
    end, "CHECK constraint failed: sign = -1 OR sign = 0 OR sign = 1")
    assert.equals("short", kb:claim("claim-gas").horizon)
    kb:close()
  end)

  -- A version-3 file with references and an ACH matrix (the v3 fixture has
  -- none: version 3 had no API that added them), as the sqlite3 shell
  -- writes them.
  local function v3_with_ach()
    spit(p, slurp("spec/fixtures/schema-v3.sqlite"))
    assert(os.execute("sqlite3 " .. p .. [[ "
      INSERT INTO reference (id, authors, year, title, segment)
        VALUES (7, '[\"A. Author\"]', 2020, 'A work', 4);
      INSERT INTO evidence VALUES ('reference', '7', 1, 4, NULL);
      INSERT INTO hypothesis VALUES ('h-a', 'Hypothesis A', 1), ('h-b', 'Hypothesis B', 2);
      INSERT INTO ach_item VALUES ('e-1', 'An item', 'high', 'medium', 1);
      INSERT INTO rating VALUES ('e-1', 'h-a', 'CC'), ('e-1', 'h-b', 'II');
      INSERT INTO evidence VALUES ('ach_item', 'e-1', 1, 3, NULL);"]]))
  end

  it("keys references by source and number when it migrates 3 to 4", function()
    v3_with_ach()
    local kb = assert(sinorus.open(p))
    assert.equals(sinorus.schema_version, kb:describe().schema_version)
    local r = kb:reference(7)
    assert.same({ 7, 1, "A work", { "A. Author" } }, { r.id, r.source, r.title, r.authors })
    assert.same({ 4 }, { kb:evidence(r)[1].id })
    assert.same({ 4 }, { kb:evidence(7)[1].id })
    kb:close()
  end)

  it("puts a version-3 ACH matrix under the article's question when it migrates 3 to 4",
     function()
    v3_with_ach()
    local kb = assert(sinorus.open(p))
    assert.same({ "q-china-stance" }, { kb:questions()[1].id, kb:questions()[2] })
    assert.same({ "q-china-stance", "q-china-stance" },
                { kb:hypotheses()[1].question, kb:items()[1].question })
    assert.equals("h-a", kb:ach().top)
    assert.same({ ["h-a"] = "CC", ["h-b"] = "II" }, kb:item("e-1").ratings)
    assert.same({ 3 }, { kb:evidence(kb:item("e-1"))[1].id })
    kb:close()
  end)

  it("gives a migrated file the record tables of a new file", function()
    v3_with_ach()
    local kb = assert(sinorus.open(p))
    local fresh = assert(sinorus.open(CURRENT, { readonly = true }))
    local TABLES_SQL = [[SELECT name, sql FROM sqlite_schema
                         WHERE name IN ('question', 'hypothesis', 'ach_item', 'reference')
                         ORDER BY name]]
    assert.same(fresh:sql(TABLES_SQL), kb:sql(TABLES_SQL))
    fresh:close()
    kb:close()
    local f = assert(io.popen("sqlite3 " .. p .. " 'PRAGMA integrity_check'"))
    assert.equals("ok\n", f:read("a"))
    f:close()
  end)

  it("adds no question to a version-3 file without an ACH matrix", function()
    spit(p, slurp("spec/fixtures/schema-v3.sqlite"))
    local kb = assert(sinorus.open(p))
    assert.same({}, kb:sql("SELECT * FROM question"))
    assert.equals(1, #kb:claims())
    kb:close()
  end)

  it("opens a file of the current version read-only", function()
    local kb = assert(sinorus.open(CURRENT, { readonly = true }))
    assert.equals(1, #kb:claims())
    kb:close()
  end)

  it("refuses to open an older file read-only, saying how to migrate it", function()
    local kb, msg = sinorus.open("spec/fixtures/schema-v1.sqlite", { readonly = true })
    assert.is_nil(kb)
    assert.equals("spec/fixtures/schema-v1.sqlite: knowledge base schema version 1 is older "
                  .. "than this sinorus reads (" .. sinorus.schema_version .. "); open it "
                  .. "once read-write to migrate it", msg)
  end)

  it("refuses a file of a newer schema version", function()
    spit(p, slurp("spec/fixtures/schema-v1.sqlite"))
    set_version(p, 99)
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.equals(p .. ": knowledge base schema version 99 is newer than this sinorus " ..
                  "supports (" .. sinorus.schema_version .. "); upgrade sinorus", msg)
  end)

  it("refuses a file of schema version 0", function()
    spit(p, slurp("spec/fixtures/schema-v1.sqlite"))
    set_version(p, 0)
    local kb, msg = sinorus.open(p)
    assert.is_nil(kb)
    assert.equals(p .. ": not a sinorus knowledge base (schema version 0)", msg)
  end)
end)

describe("files from elsewhere", function()
  local p
  before_each(function() p = tmpname() end)
  after_each(function() remove(p) end)

  local function refused(pattern)
    local kb, msg = sinorus.open(p)
    if kb then kb:close() end
    assert.is_nil(kb)
    assert.matches(pattern, msg)
    kb, msg = sinorus.open(p, { readonly = true })
    if kb then kb:close() end
    assert.is_nil(kb)
    assert.matches(pattern, msg)
  end

  it("refuses an empty file", function()
    spit(p, "")
    refused("not a sinorus knowledge base")
    assert.equals("", slurp(p))
  end)

  it("refuses a file that is not SQLite", function()
    spit(p, ("%PDF-1.4 not a database\n"):rep(200))
    refused("not a sinorus knowledge base")
  end)

  it("refuses a SQLite file of another program", function()
    assert(os.execute("sqlite3 " .. p .. " 'CREATE TABLE t (x); INSERT INTO t VALUES (1)'"))
    refused("not a sinorus knowledge base %(no sinorus metadata%)")
  end)

  it("refuses a truncated KB", function()
    local s = slurp(CURRENT)
    spit(p, s:sub(1, #s // 2))
    refused("^" .. p:gsub("%p", "%%%0") .. ": ")
  end)

  -- The page size in a file's header.
  local function page_size(s)
    local n = string.unpack(">I2", s, 17)
    return n == 1 and 65536 or n
  end

  it("refuses a KB with corrupt pages", function()
    local s = slurp(CURRENT)
    local page = page_size(s)
    local bad = s:sub(1, 2 * page) .. ("\xff"):rep(page) .. s:sub(3 * page + 1)
    spit(p, bad)
    refused("^" .. p:gsub("%p", "%%%0") .. ": ")
  end)

  it("survives every truncation of the fixture at a page boundary", function()
    local s = slurp(CURRENT)
    for n = 0, #s - 1, page_size(s) do
      spit(p, s:sub(1, n))
      local kb = sinorus.open(p, { readonly = true })
      if kb then kb:close() end
    end
  end)

  it("refuses a KB whose schema has a trigger", function()
    spit(p, slurp(CURRENT))
    assert(os.execute("sqlite3 " .. p ..
      " 'CREATE TRIGGER evil AFTER INSERT ON code BEGIN DELETE FROM source; END'"))
    refused("not a sinorus knowledge base %(its schema has triggers; " ..
            "sinorus files have none%)")
  end)

  it("refuses a KB whose schema has a view of its own", function()
    spit(p, slurp(CURRENT))
    assert(os.execute("sqlite3 " .. p .. " 'CREATE VIEW v AS SELECT * FROM claim'"))
    refused("not a sinorus knowledge base %(its schema has a view sinorus does not " ..
            "define: 'v'%)")
  end)

  it("refuses a KB whose segment view is not the schema's", function()
    spit(p, slurp(CURRENT))
    assert(os.execute("sqlite3 " .. p .. " 'DROP VIEW segment; CREATE VIEW segment " ..
                      "(id, source, kind, section, parent, ord, start, stop, duplicate_of, " ..
                      "text) AS SELECT id, source, kind, section, parent, ord, start, start + len - 1, " ..
                      "duplicate_of, NULL FROM segment_row'"))
    refused("a view sinorus does not define: 'segment'")
    spit(p, slurp(CURRENT))
    assert(os.execute("sqlite3 " .. p .. " 'DROP VIEW segment'"))
    refused("not a sinorus knowledge base %(a view of the schema is missing%)")
  end)

  it("refuses a KB with a table missing", function()
    spit(p, slurp(CURRENT))
    assert(os.execute("sqlite3 " .. p .. " 'DROP TABLE changelog'"))
    refused("not a sinorus knowledge base %(table 'changelog' is missing%)")
  end)
end)

describe("concurrency", function()
  local p
  before_each(function()
    p = tmpname()
    assert(sinorus.open(p, { create = true, article = true })):close()
  end)
  after_each(function() remove(p) end)

  local function spawn(code, ...)
    local script = os.tmpname()
    spit(script, [[
local sinorus = require "sinorus"
io.stdout:setvbuf("line")
]] .. code)
    local args = {}
    for i, a in ipairs { ... } do args[i] = "'" .. tostring(a) .. "'" end
    local proc = assert(io.popen(ENV .. "lua5.4 " .. script .. " " .. table.concat(args, " ") ..
                                 " 2>&1; rm -f " .. script))
    return proc
  end

  it("lets two readers read while a third process writes", function()
    local writer = spawn([[
local kb = assert(sinorus.open(arg[1]))
local seg = kb:segments { kind = "sentence", limit = 1 }[1].id
for i = 1, 60 do kb:code(seg, "w" .. i) end
print("writer done")]], p)
    local readers = {}
    for r = 1, 2 do
      readers[r] = spawn([[
local n, last = 0, 0
for i = 1, 60 do
  local kb = assert(sinorus.open(arg[1], { readonly = true }))
  local c = #kb:codes()
  assert(c >= last, "codes went backwards")
  last = c
  n = n + 1
  kb:close()
end
print("reader done " .. n)]], p)
    end
    assert.equals("writer done\n", writer:read("a"))
    assert.is_true(writer:close())
    for r = 1, 2 do
      assert.equals("reader done 60\n", readers[r]:read("a"))
      assert.is_true(readers[r]:close())
    end
    local kb <close> = assert(sinorus.open(p))
    assert.equals(60, #kb:codes())
  end)

  it("fails a writer that finds the file locked after the timeout, clearly", function()
    local holder = spawn([[
local kb = assert(sinorus.open(arg[1]))
kb:transaction(function()
  kb:code(kb:segments { kind = "sentence", limit = 1 }[1].id, "held")
  print("locked")
  os.execute("sleep 2")
end)
print("released")]], p)
    assert.equals("locked", holder:read("l"))
    local kb = open_timeout(p, 200)
    local seg = kb:segments { kind = "sentence", limit = 1 }[1].id
    local t0 = os.time()
    assert.has_error(function() kb:code(seg, "mine") end,
      "knowledge base is locked by another process (gave up after 200 ms)")
    assert.is_true(os.time() - t0 < 2)
    assert.equals("released", holder:read("l"))
    holder:close()
    assert.is_true(kb:code(seg, "mine"))   -- the lock is gone
    kb:close()
  end)
end)

describe("the first import into a new file", function()
  -- (it runs under a rollback journal, so that its pages are written once:
  -- sn_import_once; the file is in WAL mode before and after)
  local p, q
  before_each(function() p, q = tmpname(), tmpname() end)
  after_each(function() remove(p); remove(q) end)

  local TEXT = "China buys more Russian gas.\n\nThe EU weighs secondary sanctions on Moscow.\n"

  -- Whether the closed file at path is in WAL mode (its header says so).
  local function wal(path)
    local h = slurp(path):sub(19, 20)
    return h == "\2\2"
  end
  local function sound(path)
    local f = assert(io.popen("sqlite3 " .. path .. " 'PRAGMA integrity_check'"))
    local out = f:read("a")
    f:close()
    return out == "ok\n"
  end

  local function rows(kb)
    return util.json { kb:sql("SELECT * FROM segment ORDER BY id"),
                       kb:sql("SELECT * FROM mention ORDER BY 1, 2, 3") }
  end

  it("stores what an import into an older file stores, and leaves the file in WAL mode", function()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:add_source { title = "first", text = TEXT }
    kb:add_source { title = "second", text = TEXT }
    local a = rows(kb)
    kb:close()
    assert.is_true(wal(p))
    assert.is_true(sound(p))
    assert(sinorus.open(q, { create = true, article = true })):close()
    kb = assert(sinorus.open(q))
    kb:add_source { title = "first", text = TEXT }
    kb:add_source { title = "second", text = TEXT }
    assert.equals(a, rows(kb))
    kb:close()
    kb = assert(sinorus.open(p, { readonly = true }))
    assert.equals(a, rows(kb))
    kb:close()
    assert.is_nil(io.open(p .. "-journal"))
  end)

  it("inside a transaction stays in it, and its rollback takes the import", function()
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    local before = rows(kb)
    assert.has_error(function()
      kb:transaction(function()
        kb:add_source { title = "first", text = TEXT }
        error("changed my mind", 0)
      end)
    end, "changed my mind")
    assert.equals(before, rows(kb))
    kb:add_source { title = "after", text = TEXT }   -- (not the first one)
    kb:close()
    assert.is_true(wal(p))
  end)

  it("killed with SIGKILL leaves a sound file with all or none of it", function()
    local text = {}
    for i = 1, 100000 do text[i] = "China buys Russian gas number " .. i .. "." end
    local big = os.tmpname()
    spit(big, table.concat(text, " ") .. "\n")
    local script = os.tmpname()
    spit(script, [[
local sinorus = require "sinorus"
local f = assert(io.open(arg[2], "rb"))
local text = f:read("a")
f:close()
local kb = assert(sinorus.open(arg[1], { create = true, article = true }))
io.stdout:setvbuf("line")
print("open")
kb:add_source { title = "big", text = text }
print("committed")
os.execute("sleep 5")]])
    local seen = { 0, 0 }
    for round = 1, 6 do
      remove(p)
      local pid = io.popen(ENV .. "lua5.4 " .. script .. " " .. p .. " " .. big ..
                           " >" .. q .. ".out 2>&1 & echo $!"):read("l")
      -- killed from the open on, at 0.12 s steps: in the import or after it
      -- (a kill in it leaves the rollback journal, which the next open plays)
      -- (up to a minute: a loaded machine running the sanitizer build can
      -- take seconds to start the writer; a round that never saw "open"
      -- would not count)
      for _ = 1, 1200 do
        if (slurp(q .. ".out") or ""):find("open", 1, true) then break end
        os.execute("sleep 0.05")
      end
      os.execute("sleep " .. 0.12 * (round - 1))
      os.execute("kill -9 " .. pid .. " 2>/dev/null; while kill -0 " .. pid ..
                 " 2>/dev/null; do sleep 0.05; done")
      local out = slurp(q .. ".out") or ""
      if io.open(p) then   -- read-only, it opens or says what to do
        local ro, err = sinorus.open(p, { readonly = true })
        if ro then ro:close()
        else
          assert.equals(p .. ": a write to it was interrupted and is to be rolled back: " ..
                        "open it once without readonly", err)
        end
      end
      local kb
      local there = io.open(p)
      if there then        -- (killed before the file was made: no file)
        there:close()
        local err
        kb, err = sinorus.open(p)
        assert(kb, err)    -- a file that is there opens, whatever the kill hit
      end
      if kb then
        assert.is_true(sound(p))
        local n = kb:sql("SELECT count(*) AS n FROM source WHERE title = 'big'")[1].n
        local segs = kb:sql([[SELECT count(*) AS n FROM segment s JOIN source o
                              ON o.id = s.source WHERE o.title = 'big']])[1].n
        if out:find("committed", 1, true) then assert.equals(1, n) end
        assert.is_true(n == 0 and segs == 0 or n == 1 and segs == 100001)
        seen[n + 1] = seen[n + 1] + 1
        kb:close()
      end
    end
    os.remove(big); os.remove(script); os.remove(q .. ".out")
    assert.is_true(seen[1] + seen[2] >= 4)
  end)
end)

describe("a writer killed with SIGKILL", function()
  it("leaves sound files, all or none of each change, no temporary file, 50 times", function()
    local killer = dofile("spec/support/killer.lua")
    local r = killer.run { rounds = tonumber(os.getenv("SINORUS_CRASH_ROUNDS")) or 50,
                           mode = "all", seed = 20220218 }
    assert.same({}, r.failures)
    assert.is_true(r.killed >= r.rounds * 0.9)
  end)
end)
