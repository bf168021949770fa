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

  -- What the sqlite3 shell prints for sql on the file at path (p), with
  -- the extension loaded unless bare.
  local function shell(sql, bare, path)
    local f = assert(io.popen((bare and "sqlite3 " or "sqlite3 -cmd '.load " .. BUILD ..
                                "/sinorus_sqlite' ") .. fs.shq(path or p) .. " " .. fs.shq(sql) ..
                              " 2>&1"))
    local out = f:read("a")
    f:close()
    return out
  end

  -- Damages the closed file with sql (in the bare shell), opens it again
  -- and checks that reading source id's text fails as damaged text does
  -- (for the reason want, when given).
  local function fails_damaged(sql, id, want)
    kb:close()
    kb = nil
    assert.equals("", shell(sql, true))
    kb = assert(sinorus.open(p))
    local ok, err = pcall(kb.text, kb, id)
    assert.is_false(ok)
    local head = "rows: corrupt knowledge base (a piece of the stored text is damaged: "
    if want then assert.equals(head .. want .. ")", err)
    else assert.equals(head, err:sub(1, #head)) end
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
    -- a byte in the middle of the frame (its data): the frame's checksum fails
    fails_damaged([[UPDATE source_text SET packed = substr(packed, 1, 99) ||
      (CASE WHEN substr(packed, 100, 1) = x'41' THEN x'42' ELSE x'41' END) ||
      substr(packed, 101) WHERE id = 1]], id)
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

  -- Dictionaries (schema version 8; csrc/sn_text.c, text_dict): a long
  -- source's pieces are packed with a dictionary trained on it, later
  -- sources it suits use it again, and a frame names the one it needs.
  describe("with dictionaries", function()

    -- About n bytes of prose: the article's sentences in a shuffled order,
    -- paragraphs of four to six (seed: which order).
    local sentences
    local function prose(n, seed)
      if not sentences then
        sentences = {}
        for s in fs.slurp(ARTICLE):gsub("%s+", " "):gmatch("[^.!?]+[.!?]") do
          sentences[#sentences + 1] = s:gsub("^ ", "")
        end
      end
      local out, size, x = {}, 0, seed or 1
      while size < n do
        local para = {}
        for i = 1, 4 + x % 3 do
          x = (x * 1103515245 + 12345) % 2147483648
          para[i] = sentences[x % #sentences + 1]
        end
        out[#out + 1] = table.concat(para, " ")
        size = size + #out[#out] + 2
      end
      return table.concat(out, "\n\n") .. "\n"
    end

    -- The pieces of a source: how many, how many are packed without a
    -- dictionary (sinorus_pack packs without one, the same bytes again),
    -- their largest text and their packed bytes.
    local function pieces(id)
      return kb:sql([[SELECT count(*) AS n,
                             sum(packed = sinorus_pack(sinorus_unpack(packed))) AS plain,
                             max(stop - start + 1) AS largest, sum(length(packed)) AS bytes,
                             sum(length(sinorus_pack(sinorus_unpack(packed)))) AS without
                      FROM source_text WHERE source = ?]], id)[1]
    end

    local function same_text(id, text)
      assert.equals(text, kb:text(id))
      for _, s in ipairs(kb:segments { source = id }) do
        assert.equals(text:sub(s.start, s.stop), s.text)
      end
    end

    it("packs a long source with a dictionary of its own, in smaller pieces that take less",
       function()
      local text = prose(300000)
      local id = kb:add_source { title = "long", text = text }
      same_text(id, text)
      local d = kb:sql("SELECT id, zid, length(dict) AS n FROM text_dict")
      assert.equals(1, #d)
      assert.is_true(d[1].n > 1000 and d[1].n <= 16384)
      local pc = pieces(id)
      assert.equals(0, pc.plain)
      -- (a piece is larger only where one paragraph is)
      assert.is_true(text:len() / pc.n <= 700, pc.n)
      assert.is_true(pc.largest < 1500, pc.largest)
      assert.is_true(pc.bytes < 0.8 * pc.without, pc.bytes .. " " .. pc.without)
      -- a short source gets none: it does not pay for one
      local short = kb:add_source { title = "short", text = "Двадцать лет спустя. 二十年后。" }
      assert.equals(1, pieces(short).plain)
      assert.equals(1, #kb:sql("SELECT id FROM text_dict"))
    end)

    it("packs a later source with an earlier dictionary that suits it, and no other", function()
      kb:add_source { title = "first", text = prose(300000, 1) }
      local second = prose(20000, 2)
      local id = kb:add_source { title = "second", text = second }
      same_text(id, second)
      assert.equals(0, pieces(id).plain)
      assert.equals(1, #kb:sql("SELECT id FROM text_dict"))
      -- text the dictionary does not suit is packed without it
      local other = {}
      for i = 1, 400 do other[i] = ("Строка %d: 中文字符 %d, %x."):format(i, i * 7919, i * 104729) end
      other = table.concat(other, " ")
      local id2 = kb:add_source { title = "other", text = other }
      same_text(id2, other)
      local pc = pieces(id2)
      assert.equals(pc.n, pc.plain)
      -- a second long source of other text trains a dictionary of its own
      local long = {}
      for i = 1, 9000 do long[i] = ("Строка %d: 中文字符 %d, %x."):format(i, i * 7919, i * 104729) end
      long = table.concat(long, " ")
      local id3 = kb:add_source { title = "other, long", text = long }
      same_text(id3, long)
      assert.equals(0, pieces(id3).plain)
      assert.equals(2, #kb:sql("SELECT id FROM text_dict"))
    end)

    it("searches, snippets and offsets read the packed text as before", function()
      local text = prose(300000)
      local id = kb:add_source { title = "long", text = text }
      local hits = kb:search("sanctions", { limit = 50 })
      assert.is_true(#hits > 10)
      for _, h in ipairs(hits) do
        local s = kb:segment(h.segment)
        assert.equals(s.text, h.text)
        assert.equals(text:sub(s.start, s.stop), h.text)
        assert.matches("«[Ss]anction", h.snippet)
      end
      assert.equals(id, kb:segment(hits[1].segment).source)
    end)

    it("is read by the sqlite3 shell with build/sinorus_sqlite loaded", function()
      local text = prose(300000)
      local id = kb:add_source { title = "long", text = text }
      local seg = kb:segments { source = id, kind = "sentence" }[700]
      kb:close()
      kb = nil
      assert.equals(seg.text .. "\n", shell("SELECT text FROM segment WHERE id = " .. seg.id))
      assert.equals(#text .. "\n", shell("SELECT sum(length(CAST(sinorus_unpack(packed) AS BLOB)))"
                                         .. " FROM source_text"))
    end)

    it("reads an attached file's pieces with that file's dictionary", function()
      local text = prose(300000, 5)
      kb:add_source { title = "long", text = text }
      local q = fs.tmpname(".sqlite")
      local other = assert(sinorus.open(q, { create = true, empty = true }))
      local otext = prose(300000, 6):upper()
      local oid = other:add_source { title = "other", text = otext }
      other:close()
      assert.are_not.same(kb:sql("SELECT zid FROM text_dict"),
                          shell("SELECT zid FROM text_dict", true, q))
      internal.exec(kb, "ATTACH ? AS other", q)
      assert.equals(#otext, kb:sql([[SELECT sum(length(CAST(sinorus_unpack(packed) AS BLOB))) AS n
                                     FROM other.source_text WHERE source = ?]], oid)[1].n)
      local s = kb:sql("SELECT start, stop, text FROM other.segment WHERE id = 500")[1]
      assert.equals(otext:sub(s.start, s.stop), s.text)
      internal.exec(kb, "DETACH other")
      fs.remove_db(q)
    end)

    local function damaged(sql, want)
      local text = prose(300000)
      local id = kb:add_source { title = "long", text = text }
      fails_damaged(sql, id, want)
      -- (a search reads the text inside FTS5, which keeps SQLite's words)
      local ok, err = pcall(kb.search, kb, "sanctions")
      assert.is_false(ok)
      assert.matches("database disk image is malformed", err)
      -- and an import, which would pack with it, refuses it
      if want == "its dictionary is damaged" then
        local ok2, err2 = pcall(kb.add_source, kb, { title = "more", text = prose(20000, 3) })
        assert.is_false(ok2)
        assert.equals("corrupt knowledge base (a dictionary of text_dict is damaged)", err2)
        assert.equals(1, #kb:sql("SELECT id FROM source"))
      end
    end

    it("reports a missing dictionary as a corrupt knowledge base", function()
      damaged("DELETE FROM text_dict", "its dictionary is missing")
    end)

    it("reports a dictionary under another id as a corrupt knowledge base", function()
      damaged("UPDATE text_dict SET zid = zid + 1", "its dictionary is missing")
    end)

    it("reports a dictionary whose bytes are not one as a corrupt knowledge base", function()
      damaged("UPDATE text_dict SET dict = x'37a430ec' || substr(dict, 5, 4) || zeroblob(64)",
              "its dictionary is damaged")
    end)

    it("reports a dictionary with a damaged byte as a corrupt knowledge base", function()
      local text = prose(300000)
      local id = kb:add_source { title = "long", text = text }
      -- a byte of its content (past the tables): the frames' checksums fail
      fails_damaged([[UPDATE text_dict SET dict = substr(dict, 1, length(dict) - 100) ||
        (CASE WHEN substr(dict, -100, 1) = x'41' THEN x'42' ELSE x'41' END) ||
        substr(dict, length(dict) - 98)]], id)
    end)
  end)
end)
