-- The stored text, compressed (schema version 6; csrc/sn_text.c): each
-- piece of a source's text is a zstd frame, which sinorus_unpack gives
-- back to the view segment, kb:text and the sqlite3 shell (through the
-- loadable extension build/sinorus_sqlite.so).

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local fs = require "spec.support.fs"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local ARTICLE = "data/abb-polianskii-2022/article.txt"

describe("the stored text", function()
  local p, kb
  before_each(function()
    p = fs.tmpname(".sqlite")
    kb = assert(sinorus.open(p, { create = true, empty = true }))
  end)
  after_each(function()
    if kb then kb:close() end
    fs.remove_db(p)
  end)

  -- What the sqlite3 shell prints for sql on the file at p, with the
  -- extension loaded unless bare.
  local function shell(sql, bare)
    local f = assert(io.popen((bare and "sqlite3 " or "sqlite3 -cmd '.load " .. BUILD ..
                                "/sinorus_sqlite' ") .. fs.shq(p) .. " " .. fs.shq(sql) ..
                              " 2>&1"))
    local out = f:read("a")
    f:close()
    return out
  end

  local function article()
    return kb:add_source { title = "article", text = fs.slurp(ARTICLE), format = "markdown" }
  end

  it("packs each piece into fewer bytes than its text, and gives the text back", function()
    local id = article()
    local text = fs.slurp(ARTICLE)
    assert.equals(text, kb:text(id))
    local r = kb:sql([[SELECT sum(length(packed)) AS packed, sum(stop - start + 1) AS text,
                              count(*) AS n FROM source_text WHERE source = ?]], id)[1]
    assert.equals(#text, r.text)
    assert.is_true(r.n > 1)
    assert.is_true(r.packed < 0.6 * r.text)
    assert.same({ { t = "blob" } }, kb:sql("SELECT DISTINCT typeof(packed) AS t FROM source_text"))
    for _, s in ipairs(kb:segments { source = id }) do
      assert.equals(text:sub(s.start, s.stop), s.text)
    end
  end)

  it("packs and unpacks any text, the empty one included", function()
    for _, t in ipairs { "", "a", "héllo, 世界\n", ("Sanctions bite. "):rep(2000) } do
      assert.equals(t, kb:sql("SELECT sinorus_unpack(sinorus_pack(?)) AS t", t)[1].t)
    end
  end)

  it("cuts a piece: sinorus_unpack(packed, from, len) gives len bytes from byte from", function()
    assert.equals("bite", kb:sql("SELECT sinorus_unpack(sinorus_pack(?), 10, 4) AS t",
                                 "Sanctions bite.")[1].t)
    assert.has_error(function()
      kb:sql("SELECT sinorus_unpack(sinorus_pack('abc'), 2, 2)")
    end, "sql: corrupt knowledge base (a piece of the stored text is damaged: a segment lies "
         .. "outside its piece)")
    assert.has_error(function() kb:sql("SELECT sinorus_unpack(x'00', 1)") end,
                     "sql: sinorus_unpack takes 1 or 3 arguments")
  end)

  it("reports a truncated piece as a corrupt knowledge base, never a crash", function()
    local id = article()
    kb:close()
    kb = nil
    assert.equals("", shell("UPDATE source_text SET packed = substr(packed, 1, " ..
                            "length(packed) - 7) WHERE id = 1", true))
    kb = assert(sinorus.open(p))
    local msg = "corrupt knowledge base (a piece of the stored text is damaged: Src size is "
                .. "incorrect)"
    assert.has_error(function() kb:text(id) end, "rows: " .. msg)
    local ok, err = pcall(kb.segments, kb)
    assert.is_false(ok)
    assert.equals("sql: " .. msg, (err:gsub("^[^:]*:%d+: ", "")))
    assert.has_error(function() kb:sql("SELECT sinorus_unpack(x'00112233') AS t") end,
                     "sql: corrupt knowledge base (a piece of the stored text is damaged: not "
                     .. "a zstd frame of known size)")
    -- the segments of the other pieces read as before
    local s = kb:sql([[SELECT start, stop, text FROM segment WHERE id =
                       (SELECT min(id) FROM segment_row WHERE piece = 2)]])[1]
    assert.equals(fs.slurp(ARTICLE):sub(s.start, s.stop), s.text)
  end)

  it("reports a piece with a damaged byte as a corrupt knowledge base", function()
    local id = article()
    kb:close()
    kb = nil
    -- a byte in the middle of the frame (its data): the frame's checksum fails
    assert.equals("", shell([[UPDATE source_text SET packed = substr(packed, 1, 99) ||
      (CASE WHEN substr(packed, 100, 1) = x'41' THEN x'42' ELSE x'41' END) ||
      substr(packed, 101) WHERE id = 1]], true))
    kb = assert(sinorus.open(p))
    local ok, err = pcall(kb.text, kb, id)
    assert.is_false(ok)
    assert.matches("^rows: corrupt knowledge base %(a piece of the stored text is damaged: ",
                   err)
  end)

  it("reads a piece again after it changes on the same connection", function()
    local id = kb:add_source { title = "t", text = "Alba will probably win. Bo will not." }
    local seg = kb:segments { source = id, kind = "sentence" }[1].id
    assert.equals("Alba will probably win.", kb:segment(seg).text)
    internal.exec(kb, [[UPDATE source_text SET packed =
      sinorus_pack(replace(sinorus_unpack(packed), 'probably', 'possibly')) WHERE source = ?]], id)
    assert.equals("Alba will possibly win.", kb:segment(seg).text)
  end)

  it("numbers the segments of sources imported one after another in document order",
     function()
    for i = 1, 3 do
      kb:add_source { title = "s" .. i, text = ("# H%d\n\nOne. Two.\n\nThree.\n"):format(i),
                      format = "markdown" }
    end
    local by_ord = kb:sql("SELECT id FROM segment_row ORDER BY source, ord")
    assert.is_true(#by_ord > 9)
    assert.same(by_ord, kb:sql("SELECT id FROM segment_row ORDER BY id"))
    assert.same({}, kb:sql([[SELECT name FROM sqlite_schema WHERE type = 'index'
                             AND tbl_name = 'segment_row']]))
  end)

  it("gives back at the end of an import the pages freed inside the file", function()
    -- (the sqlite3 shell reads the file beside the open KB: WAL)
    local function value(pragma) return math.tointeger(tonumber(shell("PRAGMA " .. pragma, true))) end
    assert.equals(2, value("auto_vacuum"))   -- incremental
    for i = 1, 3 do
      kb:add_source { title = "s" .. i, text = fs.slurp(ARTICLE), format = "markdown" }
    end
    -- merging the index's segments frees the pages of the merged ones
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('optimize')")
    local pages = value("page_count")
    assert.is_true(value("freelist_count") > 0)
    kb:add_source { title = "short", text = "China will likely buy gas." }
    assert.equals(0, value("freelist_count"))
    assert.is_true(value("page_count") < pages)
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
    assert.equals("ok\n", shell("PRAGMA integrity_check", true))
  end)

  it("is read by the sqlite3 shell with build/sinorus_sqlite loaded, and only then", function()
    local id = article()
    local seg = kb:segments { source = id, kind = "sentence" }[3]
    local hits = kb:sql([[SELECT count(*) AS n FROM segment_fts
                          WHERE segment_fts MATCH 'sanctions']])[1].n
    assert.is_true(hits > 0)
    kb:close()
    kb = nil
    assert.equals(seg.text .. "\n", shell("SELECT text FROM segment WHERE id = " .. seg.id))
    assert.equals(hits .. "\n", shell("SELECT count(*) FROM segment_fts " ..
                                      "WHERE segment_fts MATCH 'sanctions'"))
    assert.matches("no such function: sinorus_unpack",
                   shell("SELECT text FROM segment WHERE id = " .. seg.id, true))
  end)
end)
