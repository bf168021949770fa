-- The text layer of the built-in KB: segments, their offsets and order.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"

describe("the article's segments", function()
  local kb, text, segs
  setup(function()
    kb = sinorus.open()
    text = kb:text(1)
    segs = kb:segments()
  end)
  teardown(function() kb:close() end)

  it("hold the article text exactly as shipped in data/abb-polianskii-2022/article.txt", function()
    local f = assert(io.open("data/abb-polianskii-2022/article.txt", "rb"))
    assert.equals(f:read("a"), text)
    f:close()
  end)

  it("satisfy text:sub(start, stop) == text for every segment", function()
    for _, s in ipairs(segs) do
      assert.equals(s.text, text:sub(s.start, s.stop))
    end
  end)

  it("never begin or end with white space", function()
    for _, s in ipairs(segs) do
      assert.is_nil(s.text:find("^%s"), s.id)
      assert.is_nil(s.text:find("%s$"), s.id)
    end
  end)

  it("come in document order", function()
    for i = 2, #segs do
      assert.is_true(segs[i].ord > segs[i - 1].ord)
      assert.is_true(segs[i].start >= segs[i - 1].start)
    end
  end)

  it("put every sentence inside its paragraph", function()
    local byid = {}
    for _, s in ipairs(segs) do byid[s.id] = s end
    for _, s in ipairs(segs) do
      if s.kind == "sentence" then
        local p = byid[s.parent]
        assert.equals("paragraph", p.kind)
        assert.is_true(s.start >= p.start and s.stop <= p.stop)
      end
    end
  end)

  it("cover each paragraph's words with its sentences", function()
    local words = {}
    for _, s in ipairs(segs) do
      if s.kind == "sentence" then
        words[s.parent] = (words[s.parent] or "") .. s.text:gsub("%s", "")
      end
    end
    for _, s in ipairs(segs) do
      if s.kind == "paragraph" then
        assert.equals((s.text:gsub("%s", "")), words[s.id])
      end
    end
  end)

  it("find the three headings, without final periods", function()
    local h = kb:segments { kind = "heading" }
    assert.same({
      "Chinese-Russian coordination on Ukraine: partial alignment, substantive differences",
      "A Sino-Russian blueprint for a new world order?",
      "Conclusion",
    }, { h[1].text, h[2].text, h[3].text })
  end)

  it("give each segment its section heading, none before the first", function()
    assert.is_nil(segs[1].section)
    local last = kb:segments { kind = "sentence" }
    assert.equals("Conclusion", last[#last].section)
  end)

  it("make each heading its own section", function()
    for _, h in ipairs(kb:segments { kind = "heading" }) do
      assert.equals(h.text, h.section)
    end
  end)

  it("filter by section heading text", function()
    local s = kb:segments { section = "Conclusion", kind = "paragraph" }
    assert.equals(2, #s)
  end)

  it("find the four reference entries", function()
    local r = kb:segments { kind = "reference" }
    assert.equals(4, #r)
    assert.matches("^1%. Abb, Pascal %(2019%)", r[1].text)
    assert.matches("^4%. Stella Hong Zhang", r[4].text)
  end)

  it("keep U.S. and e.g. inside their sentences", function()
    local function sentence_with(needle)
      for _, s in ipairs(segs) do
        if s.kind == "sentence" and s.text:find(needle, 1, true) then return s.text end
      end
    end
    assert.matches("^While a number of Chinese strategists may welcome a U%.S%. reorientation",
                   sentence_with("U.S. reorientation"))
    assert.matches("e%.g%. by undermining a threatened Western sanctions regime%.$",
                   sentence_with("e.g. by undermining"))
  end)

  it("end a sentence at 'the U.S.' when a new sentence follows", function()
    local found
    for _, s in ipairs(segs) do
      if s.kind == "sentence" and s.text:find("ambassadors to the U.S.", 1, true) then
        found = s.text
      end
    end
    assert.matches("ambassadors to the U%.S%.$", found)
  end)

  it("keep an ellipsis inside a quotation within its sentence", function()
    local s = kb:search("Ukraine is no exception", { kind = "sentence" })[1]
    assert.matches("^Just recently China’s foreign minister, Wang Yi,", s.text)
    assert.matches("“Ukraine is no exception%.”$", s.text)
  end)

  it("keep a quotation of two sentences in one sentence", function()
    local s = kb:search("strongest arguments", { kind = "sentence" })[1]
    assert.matches("^Sergey Karaganov", s.text)
    assert.matches("powerfully multiplies both our forces”%.$", s.text)
  end)

  it("mark the repeated key-point paragraphs as duplicates of the first ones", function()
    local dups = kb:sql("SELECT id, duplicate_of, kind FROM segment WHERE duplicate_of IS NOT NULL AND kind = 'paragraph'")
    assert.equals(2, #dups)
    for _, d in ipairs(dups) do
      assert.equals(kb:segment(d.id).text, kb:segment(d.duplicate_of).text)
      assert.is_true(d.duplicate_of < d.id)
    end
  end)

  it("can leave duplicates out of a listing", function()
    local all = #kb:segments { kind = "sentence" }
    local once = #kb:segments { kind = "sentence", duplicates = false }
    assert.is_true(once < all)
  end)

  it("page with limit and offset", function()
    local page = kb:segments { limit = 3, offset = 2 }
    assert.equals(3, #page)
    assert.equals(segs[3].id, page[1].id)
  end)

  it("reject unknown filter keys, naming the valid ones", function()
    assert.has_error(function() kb:segments { kin = "heading" } end,
      "bad argument #1 to 'segments' (unknown filter key 'kin'; valid keys: duplicates, kind, limit, offset, section, source)")
  end)

  it("reject an unknown kind", function()
    assert.has_error(function() kb:segments { kind = "chapter" } end,
      "bad argument #1 to 'segments' (invalid option 'chapter'; expected one of: heading, paragraph, sentence, reference)")
  end)

  it("reject a negative limit", function()
    assert.has_error(function() kb:segments { limit = -1 } end,
      "bad argument #1 to 'segments' ('limit' must be a non-negative integer, got -1)")
  end)

  it("look up one segment by id, or give nil", function()
    assert.equals(segs[5].text, kb:segment(segs[5].id).text)
    assert.is_nil(kb:segment(1000000))
  end)

  it("reject a segment id that is not an integer", function()
    assert.has_error(function() kb:segment("1") end,
      "bad argument #1 to 'segment' (integer expected, got string)")
  end)

  it("print a list as a table with a row cap", function()
    local s = tostring(kb:segments())
    assert.matches("^id%s+kind%s+section%s+text\n", s)
    assert.matches("… %d+ more$", s)
  end)
end)

describe("kb:sources()", function()
  it("gives the article's bibliographic record", function()
    local kb <close> = sinorus.open()
    local s = kb:sources()[1]
    assert.equals("A new Sino-Russian Entente? The limits of cooperation on Ukraine and beyond", s.title)
    assert.same({ "Pascal Abb", "Mikhail Polianskii" }, s.authors)
    assert.equals("10.48809/prifspot2202", s.doi)
    assert.equals("2022-02-19", s.published)  -- the edition's date (source.lua says how)
    assert.same(s, kb:source(1))
    assert.is_nil(kb:source(2))
  end)
end)

describe("the text stored once (schema version 4)", function()
  local fs = require "spec.support.fs"
  local kb, p
  before_each(function()
    p = fs.tmpname(".sqlite")
    kb = assert(sinorus.open(p, { create = true, empty = true }))
  end)
  after_each(function()
    kb:close()
    fs.remove_db(p)
  end)

  local function pieces(id)
    return kb:sql([[SELECT start, stop, length(CAST(sinorus_unpack(packed) AS BLOB)) AS len
                    FROM source_text WHERE source = ? ORDER BY start]], id)
  end

  -- Every segment of a source against the source's bytes; returns how many
  -- run across two pieces.
  local function check(id)
    local text, across = kb:text(id), 0
    local ps = pieces(id)
    for _, s in ipairs(kb:segments { source = id }) do
      assert.equals(text:sub(s.start, s.stop), s.text)
      local piece = kb:sql([[SELECT p.start, length(CAST(sinorus_unpack(p.packed) AS BLOB)) AS len
        FROM segment_row r JOIN source_text p ON p.id = r.piece WHERE r.id = ?]], s.id)[1]
      assert.is_true(piece.start <= s.start)
      if s.stop >= piece.start + piece.len then
        assert.equals("paragraph", s.kind)
        across = across + 1
      end
    end
    local total = 0
    for i, piece in ipairs(ps) do
      assert.equals(total + 1, piece.start)
      assert.equals(piece.start + piece.len - 1, piece.stop)
      total = total + piece.len
      if i > 1 then assert.is_true(piece.len > 0) end
    end
    assert.equals(#text, total)
    return across, ps
  end

  -- the most bytes a piece holds where the segments allow (SN_PIECE_BYTES
  -- of csrc/sn_import.c)
  local PIECE = 3000

  it("keeps each source's bytes once, in pieces that hold whole paragraphs", function()
    local paras = {}
    for i = 1, 400 do
      paras[i] = ("Paragraph %d tells of China. It has two sentences."):format(i)
    end
    local text = "# Title\n\n" .. table.concat(paras, "\n\n") .. "\n"
    local id = kb:add_source { title = "t", text = text, format = "markdown" }
    assert.equals(text, kb:text(id))
    local across, ps = check(id)
    assert.equals(0, across)
    assert.is_true(#ps > 1)
    for _, piece in ipairs(ps) do assert.is_true(piece.len <= PIECE) end
    -- one copy: the pieces hold the text and nothing else holds it
    assert.equals(#text, kb:sql([[SELECT sum(length(CAST(sinorus_unpack(packed) AS BLOB))) AS n
                                  FROM source_text]])[1].n)
    assert.same({}, kb:sql([[SELECT name FROM pragma_table_info('segment_row')
                             WHERE name = 'text']]))
  end)

  it("cuts a paragraph longer than a piece at its sentences", function()
    local sentences = {}
    for i = 1, 2000 do sentences[i] = ("Sentence number %d names Moscow."):format(i) end
    local text = table.concat(sentences, " ")
    local id = kb:add_source { title = "t", text = text }
    local across, ps = check(id)
    assert.equals(1, across)                    -- the one paragraph
    assert.is_true(#ps >= #text // PIECE)
    for _, piece in ipairs(ps) do assert.is_true(piece.len <= PIECE) end
    local para = kb:segments { source = id, kind = "paragraph" }[1]
    assert.equals(text, para.text)
    -- a sentence far into the text is found, with its snippet and offsets
    local hits = kb:search('"Sentence number 1999"')
    assert.equals(1, #hits)
    assert.matches("«Sentence number 1999» names Moscow", hits[1].snippet)
    local s = kb:segment(hits[1].segment)
    assert.equals(kb:text(id):sub(s.start, s.stop), s.text)
    internal.exec(kb, "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
  end)

  it("keeps a segment longer than a piece whole in one piece", function()
    local long = "# " .. ("Heading "):rep(2000) .. "end"
    local text = long .. "\n\nA short paragraph.\n"
    local id = kb:add_source { title = "t", text = text, format = "markdown" }
    local across, ps = check(id)
    assert.equals(0, across)
    local heading = kb:segments { source = id, kind = "heading" }[1]
    assert.is_true(#heading.text > PIECE)
    local big = 0
    for _, piece in ipairs(ps) do big = math.max(big, piece.len) end
    assert.is_true(big >= #heading.text)
  end)

  it("gives the text back to plain SQL through the view segment", function()
    local id = kb:add_source { title = "t", text = "One here. Two there.\n\nThree.\n" }
    assert.same({ { text = "One here." }, { text = "Two there." }, { text = "Three." } },
                kb:sql([[SELECT text FROM segment WHERE source = ? AND kind = 'sentence'
                         ORDER BY ord]], id))
    assert.is_nil(kb:text(id + 1))
  end)
end)
