-- The authoring API (sinorus.author, SPEC.md 3.6): sources, records,
-- codes, updates and removals, transactions and the change log.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local util = require "sinorus.util"
local store = require "sinorus.store"

local fs = require "spec.support.fs"
local remove = fs.remove_db
local function tmpname() return fs.tmpname(".sqlite") end

-- A fresh KB seeded with the article, closed and removed after the test.
local kb, path
before_each(function()
  path = tmpname()
  kb = assert(sinorus.open(path, { create = true, article = true }))
end)
after_each(function()
  kb:close()
  remove(path)
end)

local function count(sql, ...)
  return kb:sql("SELECT count(*) AS n FROM " .. sql, ...)[1].n
end

-- The id of the sentence that holds text.
local function sentence(text)
  for _, s in ipairs(kb:segments { kind = "sentence" }) do
    if s.text:find(text, 1, true) then return s.id end
  end
  error("no sentence holds " .. text)
end

local function claim(t)
  local c = { id = "claim-test", text = "A test claim.", about = { "China" },
              horizon = "short", evidence = { sentence("secondary sanctions") } }
  for k, v in pairs(t or {}) do c[k] = v end
  return c
end

describe("kb:add_source", function()
  it("segments, indexes and returns the new source id", function()
    local id = kb:add_source { title = "Field notes", authors = { "A. Analyst" },
                               published = "2022-03-01",
                               text = "Pipelines matter a lot. Zyxwvut is a rare word.\n" }
    assert.equals(2, id)
    assert.equals("Field notes", kb:source(id).title)
    assert.same({ "A. Analyst" }, kb:source(id).authors)
    assert.equals(3, #kb:segments { source = id })
    assert.equals(1, #kb:search("zyxwvut"))
  end)

  it("keeps every segment's offsets into the stored text", function()
    local id = kb:add_source { title = "t", text = "# Head\n\nOne. Two!\n\nThree?\n",
                               format = "markdown" }
    local text = kb:text(id)
    for _, s in ipairs(kb:segments { source = id }) do
      assert.equals(s.text, text:sub(s.start, s.stop))
    end
    assert.equals("heading", kb:segments { source = id }[1].kind)
  end)

  it("normalises CRLF and CR line ends to LF", function()
    local id = kb:add_source { title = "t", text = "One.\r\n\r\nTwo.\rThree.\r" }
    assert.equals("One.\n\nTwo.\nThree.\n", kb:text(id))
  end)

  it("tags mentions of known entities in the new text", function()
    local id = kb:add_source { title = "t", text = "Beijing and Moscow met.\n" }
    local seg = kb:segments { source = id, kind = "sentence" }[1].id
    assert.equals(2, count("mention WHERE segment = ?", seg))
  end)

  -- The slow reference of an import: the text in one piece, the
  -- segmenter's segments stored one row at a time, all but paragraphs
  -- indexed with one INSERT ... SELECT, then KB:_tag.
  local SEG_KIND = { heading = 1, paragraph = 2, sentence = 3, reference = 4 }
  local function slow_import(src)
    local core = require "sinorus.core"
    local text = src.text
    internal.exec(kb, [[INSERT INTO source (title, authors, outlet, published, url, doi)
               VALUES (?, ?, ?, ?, ?, ?)]], src.title, util.json_array(src.authors),
             src.outlet, src.published, src.url, src.doi)
    local source = internal.insert_id(kb)
    internal.exec(kb, [[INSERT INTO source_text (source, start, stop, packed)
                        VALUES (?, 1, ?, sinorus_pack(?))]], source, #text, text)
    local piece = internal.insert_id(kb)
    local ids, seen = {}, {}
    for i, s in ipairs(core.segment(text, src.format or "plain")) do
      local t = text:sub(s.start, s.stop)
      local key = s.kind .. "\0" .. t
      -- (segment_row keeps the kind's SINORUS_SEG_* number and the length)
      internal.exec(kb, [[INSERT INTO segment_row (source, kind, section, parent, ord, start,
                 len, duplicate_of, piece) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)]],
               source, SEG_KIND[s.kind], s.section and ids[s.section], s.parent and ids[s.parent],
               i, s.start, s.stop - s.start + 1, seen[key], piece)
      ids[i] = internal.insert_id(kb)
      seen[key] = seen[key] or ids[i]
      if s.kind == "heading" then   -- a heading is its own section
        internal.exec(kb, "UPDATE segment_row SET section = id WHERE id = ?", ids[i])
      end
    end
    internal.exec(kb, [[INSERT INTO segment_fts (rowid, text)
               SELECT id, text FROM segment WHERE source = ? AND kind <> 'paragraph']], source)
    internal.tag(kb, ids)
    return source, ids
  end

  it("stores the same rows as storing each segment, then KB:_tag", function()
    local text = "# Beijing and Moscow\n\nBeijing and Moscow met. Beijing and Moscow met.\n\n" ..
                 "The EU watched.   The European Union watched, and so did the U.S.\n\n" ..
                 "## Russia\n\nRussia, Russia! Ukraine\u{2019}s \u{201C}friends\u{201D}.\n\n" ..
                 "The EU watched.\n\n1. A. Author (2020): Beijing and Moscow.\n" ..
                 "[2] B. Author: China.\n"
    local src = { title = "a\0b", authors = { 'A "q"', "B" }, outlet = "o",
                  published = "2022-03", text = text, format = "markdown" }
    local a, aids = store.import(kb, src)
    local b, bids = slow_import(src)
    assert.equals(#bids, #aids)
    assert.equals(aids[#aids] + 1, bids[1])
    local function rows(id, sql)
      local out = {}
      for _, r in ipairs(kb:sql(sql, id)) do out[#out + 1] = util.json(r) end
      return out
    end
    local src_sql = [[SELECT hex(title) AS title, authors, outlet, published, url, doi
      FROM source WHERE id = ?]]
    assert.equals(text, kb:text(a))
    assert.equals(text, kb:text(b))
    local seg_sql = [[SELECT kind, ord, start, stop, text,
      (SELECT ord FROM segment p WHERE p.id = s.parent) AS parent,
      (SELECT ord FROM segment p WHERE p.id = s.section) AS section,
      (SELECT ord FROM segment p WHERE p.id = s.duplicate_of) AS dup
      FROM segment s WHERE source = ? ORDER BY ord]]
    local men_sql = [[SELECT s.ord, m.entity, m.start, m.stop FROM mention m
      JOIN segment s ON s.id = m.segment WHERE s.source = ? ORDER BY 1, 2, 3]]
    assert.same(rows(b, src_sql), rows(a, src_sql))
    assert.same(rows(b, seg_sql), rows(a, seg_sql))
    assert.same(rows(b, men_sql), rows(a, men_sql))
    assert.truthy(#rows(a, men_sql) > 10)
    for _, word in ipairs { "beijing", "eu", "russia", "author", "friends" } do
      local fts_sql = [[SELECT s.ord FROM segment_fts JOIN segment s ON s.id = segment_fts.rowid
        WHERE segment_fts MATCH ']] .. word .. [[' AND s.source = ? ORDER BY s.ord]]
      assert.same(rows(b, fts_sql), rows(a, fts_sql))
    end
    -- the index holds the same tokens of each segment (the import feeds it
    -- from its own copy of the text, the reference through the view)
    local size_sql = [[SELECT s.ord, hex(d.sz) AS sz FROM segment_fts_docsize d
      JOIN segment s ON s.id = d.id WHERE s.source = ? ORDER BY 1]]
    assert.truthy(#rows(a, size_sql) > 5)
    assert.same(rows(b, size_sql), rows(a, size_sql))
  end)

  it("feeds the index with sinorus_feed, which no other caller may use", function()
    for _, sql in ipairs { "SELECT sinorus_feed(NULL, 1) AS t", "SELECT sinorus_feed('x', 1) AS t",
                           "SELECT sinorus_feed(1, id) AS t FROM segment_row LIMIT 1" } do
      local ok, err = pcall(kb.sql, kb, sql)
      assert.is_false(ok)
      assert.matches("sinorus_feed: only the import calls it", err)
    end
  end)

  -- "Yahoo! Japan" runs across a sentence break: no sentence holds it
  local CROSS = "Analysts met Yahoo! Japan in Tokyo. It went well.\n"
  local function yahoo_mentions(id)
    local ms = kb:mentions("yj", { kind = "paragraph" })
    local out = {}
    for _, m in ipairs(ms) do
      if m.source == id then out[#out + 1] = table.concat(m.matches, "|") end
    end
    return out, #kb:mentions("yj")
  end

  it("keeps on the paragraph a mention that runs across two of its sentences", function()
    kb:add_entity { id = "yj", name = "Yahoo! Japan", kind = "company" }
    local id = kb:add_source { title = "t", text = CROSS }
    assert.equals(4, count("segment WHERE source = ?", id))   -- a paragraph, 3 sentences
    local paragraph, sentences = yahoo_mentions(id)
    assert.same({ "Yahoo! Japan" }, paragraph)
    assert.equals(0, sentences)
  end)

  it("finds such a mention when the entity is added after the text", function()
    local id = kb:add_source { title = "t", text = CROSS }
    kb:add_entity { id = "yj", name = "Yahoo! Japan", kind = "company" }
    assert.same({ "Yahoo! Japan" }, (yahoo_mentions(id)))
    local slow = internal.tag(kb)
    assert.is_true(slow > 0)
    assert.same({ "Yahoo! Japan" }, (yahoo_mentions(id)))
  end)

  it("leaves no row of an import that fails half-way", function()
    local pages = kb:sql("SELECT page_count AS n FROM pragma_page_count")[1].n
    local size = kb:sql("SELECT page_size AS n FROM pragma_page_size")[1].n
    local sources = count("source")
    local segments = count("segment")
    -- the source row fits in the pages left; its text (packed), segments,
    -- mentions and their index do not
    local parts = {}
    for i = 1, 800 do
      parts[i] = string.format("Beijing and Moscow met on day %d, %x times. ", i, i * 7919)
    end
    local text = table.concat(parts)
    internal.exec(kb, "BEGIN")
    internal.script(kb, "PRAGMA max_page_count = " .. (pages + math.ceil(0.25 * #text / size) + 2))
    local ok, err = pcall(store.import, kb, { title = "t", text = text })
    internal.script(kb, "PRAGMA max_page_count = 1073741823")
    assert.is_false(ok)
    assert.matches("full", err)
    assert.equals(sources, count("source"))
    assert.equals(segments, count("segment"))
    if internal.in_transaction(kb) then internal.exec(kb, "ROLLBACK") end
  end)

  it("refuses to import into a read-only KB", function()
    kb:close()
    kb = assert(sinorus.open(path, { readonly = true }))
    assert.has_error(function() require("sinorus.core").import(kb, { title = "t", text = "x" }) end,
      "attempt to write to a read-only sinorus.KB")
  end)

  it("refuses invalid UTF-8, naming the byte offset", function()
    assert.has_error(function()
      kb:add_source { title = "t", text = "abc\xff def" }
    end, "bad argument #1 to 'add_source' (field 'text': invalid UTF-8 at byte 4)")
  end)

  it("refuses a missing title", function()
    assert.has_error(function() kb:add_source { text = "x" } end,
      "bad argument #1 to 'add_source' (missing field 'title')")
  end)

  it("refuses an unknown field, naming the valid ones", function()
    assert.has_error(function() kb:add_source { title = "t", text = "x", author = "me" } end,
      "bad argument #1 to 'add_source' (unknown field 'author'; valid fields: authors, " ..
      "doi, format, outlet, published, text, title, url)")
  end)

  it("refuses an unknown format", function()
    assert.has_error(function() kb:add_source { title = "t", text = "x", format = "html" } end,
      "bad argument #1 to 'add_source' (field 'format': invalid option 'html'; " ..
      "expected one of: plain, markdown)")
  end)

  it("refuses a date that is not ISO 8601", function()
    assert.has_error(function()
      kb:add_source { title = "t", text = "x", published = "March 2022" }
    end, "bad argument #1 to 'add_source' (field 'published': \"March 2022\" must be " ..
         "YYYY, YYYY-MM or YYYY-MM-DD)")
  end)

  it("refuses a table that is not one", function()
    assert.has_error(function() kb:add_source("text") end,
      "bad argument #1 to 'add_source' (table expected, got string)")
  end)

  it("logs the import without the text", function()
    local id = kb:add_source { title = "t", text = "One. Two.\n" }
    local h = kb:history { record = "source:" .. id }
    assert.equals(1, #h)
    assert.equals("add_source", h[1].operation)
    assert.matches('"bytes":10', h[1].after, 1, true)
  end)
end)

describe("kb:add_entity", function()
  it("adds an entity that kb:entity finds by its aliases", function()
    assert.equals("pipeline", kb:add_entity { id = "pipeline", name = "Power of Siberia",
      kind = "initiative", aliases = { "PoS pipeline" } })
    assert.equals("pipeline", kb:entity("pos pipeline").id)
  end)

  it("tags mentions of its names in existing text", function()
    kb:add_entity { id = "sanctions", name = "secondary sanctions", kind = "initiative" }
    assert.is_true(#kb:mentions("sanctions") >= 1)
  end)

  it("refuses a name that is already another entity's", function()
    assert.has_error(function()
      kb:add_entity { id = "prc", name = "Zhongguo", kind = "state", aliases = { "Beijing" } }
    end, "bad argument #1 to 'add_entity' (field 'aliases': \"Beijing\" is already a " ..
         "name of entity 'china')")
  end)

  it("refuses an id that exists", function()
    assert.has_error(function()
      kb:add_entity { id = "china", name = "Cathay", kind = "state" }
    end, "bad argument #1 to 'add_entity' (field 'id': entity 'china' already exists)")
  end)

  it("refuses an unknown kind", function()
    assert.has_error(function()
      kb:add_entity { id = "x", name = "X", kind = "planet" }
    end, "bad argument #1 to 'add_entity' (field 'kind': invalid option 'planet'; " ..
         "expected one of: state, organization, person, place, company, document, " ..
         "initiative, event)")
  end)
end)

describe("kb:add_claim", function()
  it("derives the band from the estimative expression", function()
    kb:add_claim(claim { estimative = "likely" })
    local c = kb:claim("claim-test")
    local band = sinorus.estimate("likely")
    assert.equals(band.p_low, c.p_low)
    assert.equals(band.p_high, c.p_high)
    assert.equals("icd203", c.scale)
  end)

  it("derives the band on the scale given", function()
    kb:add_claim(claim { estimative = "likely", scale = "phia" })
    assert.equals(sinorus.estimate("likely", "phia").p_low, kb:claim("claim-test").p_low)
  end)

  it("keeps an explicit band", function()
    kb:add_claim(claim { p_low = 0.1, p_high = 0.2 })
    assert.equals(0.1, kb:claim("claim-test").p_low)
  end)

  it("resolves entity names and aliases to ids", function()
    kb:add_claim(claim { about = { "Beijing", "russia" } })
    assert.same({ "china", "russia" }, kb:claim("claim-test").about)
  end)

  it("shows among the article's claims", function()
    local n = #kb:claims { about = "China" }
    kb:add_claim(claim())
    assert.equals(n + 1, #kb:claims { about = "China" })
  end)

  it("refuses an invalid horizon, naming the field", function()
    assert.has_error(function() kb:add_claim(claim { horizon = "soon" }) end,
      "bad argument #1 to 'add_claim' (field 'horizon': invalid option 'soon'; " ..
      "expected one of: short, long, both)")
  end)

  it("refuses a hedge that is on no scale, naming the field", function()
    assert.has_error(function() kb:add_claim(claim { estimative = "perchance" }) end,
      "bad argument #1 to 'add_claim' (field 'estimative': unknown estimative term " ..
      "'perchance' on scale 'icd203'; give p_low and p_high instead)")
  end)

  it("refuses an unknown entity", function()
    assert.has_error(function() kb:add_claim(claim { about = { "Narnia" } }) end,
      "bad argument #1 to 'add_claim' (field 'about': unknown entity 'Narnia')")
  end)

  it("refuses evidence that names no segment", function()
    assert.has_error(function() kb:add_claim(claim { evidence = { 999999 } }) end,
      "bad argument #1 to 'add_claim' (field 'evidence': no segment 999999)")
  end)

  it("refuses evidence given as phrases", function()
    assert.has_error(function() kb:add_claim(claim { evidence = { "sanctions" } }) end,
      "bad argument #1 to 'add_claim' (field 'evidence': must be a list of segment ids " ..
      "(integers), got table)")
  end)

  it("refuses a band out of [0, 1]", function()
    assert.has_error(function() kb:add_claim(claim { p_low = 0.5, p_high = 1.5 }) end,
      "bad argument #1 to 'add_claim' (field 'p_high': must lie in [0, 1], got 1.5)")
  end)

  it("refuses half a band", function()
    assert.has_error(function() kb:add_claim(claim { p_low = 0.5 }) end,
      "bad argument #1 to 'add_claim' (field 'p_high': give both p_low and p_high, or neither)")
  end)

  it("refuses a missing field", function()
    local c = claim()
    c.text = nil
    assert.has_error(function() kb:add_claim(c) end,
      "bad argument #1 to 'add_claim' (missing field 'text')")
  end)

  it("refuses an id that exists", function()
    kb:add_claim(claim())
    assert.has_error(function() kb:add_claim(claim()) end,
      "bad argument #1 to 'add_claim' (field 'id': claim 'claim-test' already exists)")
  end)

  it("does not change the caller's table", function()
    local c = claim { about = { "Beijing" } }
    kb:add_claim(c)
    assert.same({ "Beijing" }, c.about)
  end)
end)

describe("kb:add_factor, kb:add_relation, kb:add_event", function()
  local function factor(t)
    local f = { id = "factor-test", name = "Test", kind = "driver", domain = "energy",
                horizon = "long", weight = 0.5, range = { 0.3, 0.7 }, coupling = 0,
                why = "Because.", evidence = { sentence("secondary sanctions") } }
    for k, v in pairs(t or {}) do f[k] = v end
    return f
  end

  it("adds a factor that kb:factor returns", function()
    kb:add_factor(factor())
    assert.equals(0.5, kb:factor("factor-test").weight)
  end)

  it("refuses a range that does not hold the weight", function()
    assert.has_error(function() kb:add_factor(factor { range = { 0.6, 0.7 } }) end,
      "bad argument #1 to 'add_factor' (field 'range': {0.6, 0.7} must lie in [0, 1] " ..
      "and contain the weight 0.5)")
  end)

  it("adds a relation between entities named by alias", function()
    kb:add_relation { id = "rel-test", from = "Beijing", to = "Moscow", type = "trade",
                      sign = 1, weight = 0.5, horizon = "long",
                      evidence = { sentence("secondary sanctions") } }
    local r
    for _, x in ipairs(kb:relations { type = "trade" }) do
      if x.id == "rel-test" then r = x end
    end
    assert.equals("china", r.from)
    assert.equals("russia", r.to)
  end)

  it("refuses a relation of an entity with itself", function()
    assert.has_error(function()
      kb:add_relation { id = "rel-test", from = "China", to = "Beijing", type = "trade",
                        sign = 1, weight = 0.5, horizon = "long",
                        evidence = { sentence("secondary sanctions") } }
    end, "bad argument #1 to 'add_relation' (field 'to': a relation needs two " ..
         "different entities)")
  end)

  it("adds an event", function()
    kb:add_event { id = "event-test", date = "2022-03", title = "Talks", actors = { "China" },
                   evidence = { sentence("secondary sanctions") } }
    assert.equals("event-test", kb:events { actor = "China", from = "2022-03" }[1].id)
  end)

  it("refuses an impossible date", function()
    assert.has_error(function()
      kb:add_event { id = "event-test", date = "2022-02-30", title = "Talks",
                     actors = { "China" }, evidence = { sentence("secondary sanctions") } }
    end, "bad argument #1 to 'add_event' (field 'date': \"2022-02-30\" must be YYYY, " ..
         "YYYY-MM or YYYY-MM-DD)")
  end)
end)

describe("kb:add_quote", function()
  it("adds a quote that occurs verbatim in its segment", function()
    local seg = sentence("secondary sanctions")
    kb:add_quote { id = "q-test", speaker = "China", text = "secondary sanctions", segment = seg }
    local q = kb:quotes { speaker = "Beijing" }
    local found
    for _, x in ipairs(q) do if x.id == "q-test" then found = x end end
    assert.equals(seg, found.segment)
  end)

  it("refuses text that is not in the segment", function()
    assert.has_error(function()
      kb:add_quote { id = "q-test", speaker = "China", text = "tertiary sanctions",
                     segment = sentence("secondary sanctions") }
    end, "bad argument #1 to 'add_quote' (field 'text': does not occur verbatim in segment " ..
         sentence("secondary sanctions") .. ")")
  end)

  it("refuses a quote without its segment", function()
    assert.has_error(function()
      kb:add_quote { id = "q-test", speaker = "China", text = "secondary sanctions" }
    end, "bad argument #1 to 'add_quote' (field 'segment': missing (give the id of the " ..
         "segment that holds the quote, or 'evidence'))")
  end)
end)

describe("updating and removing", function()
  it("updates the given fields and keeps the others", function()
    kb:add_claim(claim { estimative = "likely" })
    kb:update_claim("claim-test", { horizon = "long", topics = { "energy" } })
    local c = kb:claim("claim-test")
    assert.equals("long", c.horizon)
    assert.same({ "energy" }, c.topics)
    assert.equals("likely", c.estimative)
  end)

  it("re-derives the band when the hedge changes", function()
    kb:add_claim(claim { estimative = "likely" })
    kb:update_claim("claim-test", { estimative = "unlikely" })
    assert.equals(sinorus.estimate("unlikely").p_high, kb:claim("claim-test").p_high)
  end)

  it("clears an optional field given as false", function()
    kb:add_claim(claim { note = "why" })
    kb:update_claim("claim-test", { note = false })
    assert.is_nil(kb:claim("claim-test").note)
  end)

  it("validates the updated record completely", function()
    kb:add_claim(claim())
    assert.has_error(function() kb:update_claim("claim-test", { horizon = "soon" }) end,
      "bad argument #2 to 'update_claim' (field 'horizon': invalid option 'soon'; " ..
      "expected one of: short, long, both)")
    assert.equals("short", kb:claim("claim-test").horizon)
  end)

  it("refuses to change an id", function()
    kb:add_claim(claim())
    assert.has_error(function() kb:update_claim("claim-test", { id = "other" }) end,
      "bad argument #2 to 'update_claim' (field 'id': cannot be changed (remove the " ..
      "record and add it anew))")
  end)

  it("refuses to update a record that does not exist", function()
    assert.has_error(function() kb:update_claim("nope", { horizon = "long" }) end,
      "bad argument #1 to 'update_claim' (no claim 'nope')")
  end)

  it("re-tags mentions when an entity gains an alias", function()
    kb:add_entity { id = "sanctions", name = "sanctions regime", kind = "initiative" }
    local before = #kb:mentions("sanctions")
    kb:update_entity("sanctions", { aliases = { "secondary sanctions" } })
    assert.is_true(#kb:mentions("sanctions") > before)
  end)

  it("removes a record", function()
    kb:add_claim(claim())
    assert.is_true(kb:remove_claim("claim-test"))
    assert.is_nil(kb:claim("claim-test"))
    assert.equals(0, count("evidence WHERE record = 'claim-test'"))
  end)

  it("refuses to remove an entity that records refer to, naming them", function()
    kb:add_entity { id = "tester", name = "Tester", kind = "person" }
    kb:add_claim(claim { about = { "Tester" } })
    assert.has_error(function() kb:remove_entity("Tester") end,
      "bad argument #1 to 'remove_entity' (entity 'tester' is referred to by claim " ..
      "'claim-test')")
    assert.is_not_nil(kb:entity("tester"))
  end)

  it("removes an entity nothing refers to, with its mentions", function()
    kb:add_entity { id = "sanctions", name = "secondary sanctions", kind = "initiative" }
    local n = count("mention WHERE entity = 'sanctions'")
    assert.is_true(n > 0)
    local key = kb:sql("SELECT id FROM entity_key WHERE entity = 'sanctions'")[1].id
    assert.equals(n, count("sinorus_mention WHERE entity = ?", key))
    local others = kb:sql([[SELECT segment, entity, start, stop FROM mention
                            WHERE entity <> 'sanctions' ORDER BY 1, 2, 3]])
    kb:remove_entity("sanctions")
    assert.is_nil(kb:entity("sanctions"))
    assert.equals(0, count("mention WHERE entity = 'sanctions'"))
    -- its mentions, its posting list and its key go; every other mention stays
    assert.equals(0, count("sinorus_mention WHERE entity = ?", key))
    assert.equals(0, count("mention_posting WHERE entity = ?", key))
    assert.equals(0, count("entity_key WHERE entity = 'sanctions'"))
    assert.same(others, kb:sql("SELECT segment, entity, start, stop FROM mention ORDER BY 1, 2, 3"))
    -- describe() counts mentions from the posting lists: the rows the view gives
    assert.equals(count("mention"), kb:describe().counts.mentions)
    assert.equals(0, count("sinorus_mention WHERE entity NOT IN (SELECT id FROM entity_key)"))
  end)
end)

describe("codes", function()
  it("codes a segment and counts the codes", function()
    local sents = kb:segments { kind = "sentence" }
    local a, b = sents[1].id, sents[2].id
    assert.is_true(kb:code(a, "energy"))
    kb:code(b, "energy")
    kb:code(a, "sanctions")
    local codes = kb:codes()
    assert.same({ { code = "energy", count = 2 }, { code = "sanctions", count = 1 } },
                { { code = codes[1].code, count = codes[1].count },
                  { code = codes[2].code, count = codes[2].count } })
  end)

  it("reports a code that is already there", function()
    kb:code(sentence("secondary sanctions"), "energy")
    assert.is_false(kb:code(sentence("secondary sanctions"), "energy"))
  end)

  it("lists the segments of a code", function()
    local a = sentence("secondary sanctions")
    kb:code(a, "energy")
    assert.equals(a, kb:coded("energy")[1].id)
  end)

  it("removes a code", function()
    local a = sentence("secondary sanctions")
    kb:code(a, "energy")
    assert.is_true(kb:uncode(a, "energy"))
    assert.equals(0, #kb:coded("energy"))
    assert.is_false(kb:uncode(a, "energy"))
  end)

  it("refuses a segment that does not exist", function()
    assert.has_error(function() kb:code(999999, "energy") end,
      "bad argument #1 to 'code' (no segment 999999)")
  end)

  it("refuses an empty code", function()
    assert.has_error(function() kb:code(1, " ") end,
      "bad argument #2 to 'code' (non-empty string expected, got \"\")")
  end)
end)

describe("kb:transaction", function()
  it("commits when the function returns, giving its results", function()
    local a, b = kb:transaction(function(k)
      k:add_claim(claim())
      return 1, 2
    end)
    assert.same({ 1, 2 }, { a, b })
    assert.is_not_nil(kb:claim("claim-test"))
    assert.is_false(internal.in_transaction(kb))
  end)

  it("rolls back and re-raises when the function raises", function()
    local ok, err = pcall(kb.transaction, kb, function(k)
      k:add_claim(claim())
      error({ code = 42 })
    end)
    assert.is_false(ok)
    assert.same({ code = 42 }, err)
    assert.is_nil(kb:claim("claim-test"))
    assert.is_false(internal.in_transaction(kb))
  end)

  it("nests as savepoints: an inner failure undoes only the inner work", function()
    kb:transaction(function(k)
      k:add_claim(claim())
      pcall(k.transaction, k, function()
        k:add_claim(claim { id = "claim-inner" })
        error("inner")
      end)
      k:add_claim(claim { id = "claim-after" })
    end)
    assert.is_not_nil(kb:claim("claim-test"))
    assert.is_nil(kb:claim("claim-inner"))
    assert.is_not_nil(kb:claim("claim-after"))
  end)

  it("undoes an inner savepoint's work when the outer transaction fails", function()
    pcall(kb.transaction, kb, function(k)
      k:transaction(function() k:add_claim(claim()) end)
      error("outer")
    end)
    assert.is_nil(kb:claim("claim-test"))
  end)

  it("keeps the work before an invalid call inside a transaction", function()
    kb:transaction(function(k)
      k:add_claim(claim())
      assert.has_error(function() k:add_claim(claim { id = "claim-2", horizon = "x" }) end)
    end)
    assert.is_not_nil(kb:claim("claim-test"))
    assert.is_nil(kb:claim("claim-2"))
  end)

  it("refuses a value that is not a function", function()
    assert.has_error(function() kb:transaction(42) end,
      "bad argument #1 to 'transaction' (function expected, got number)")
  end)

  -- Inside a transaction a new claim, factor, relation, event or quote is
  -- made atomic by deleting what a failed write left, not by a savepoint.
  -- These make the write fail after some of its rows are in.
  local function failing(rtype, after_rows, fn)
    local write = store.WRITE[rtype]
    store.WRITE[rtype] = function(k, rec)
      if after_rows then write(k, rec) end
      internal.exec(k, "INSERT INTO claim_about (claim, entity, ord) VALUES (?, 'russia', 99)",
              rec.t.id)   -- a row of the record, then the failure
      error("disk on fire", 0)
    end
    local ok, err = pcall(fn)
    store.WRITE[rtype] = write
    assert(ok, err)
  end

  local function rows_of(id)
    return count("claim WHERE id = ?", id) + count("claim_about WHERE claim = ?", id)
         + count("evidence WHERE record = ?", id) + count("changelog WHERE record = ?",
                                                          "claim:" .. id)
  end

  it("leaves nothing of a write that fails inside a transaction, and goes on", function()
    for _, after_rows in ipairs { false, true } do
      local n = after_rows and "-2" or "-1"
      kb:transaction(function(k)
        k:add_claim(claim { id = "claim-before" .. n })
        failing("claim", after_rows, function()
          assert.has_error(function() k:add_claim(claim { id = "claim-failed" }) end,
                           "disk on fire")
        end)
        assert.equals(0, rows_of("claim-failed"))
        k:add_claim(claim { id = "claim-after" .. n })
      end)
      assert.equals(0, rows_of("claim-failed"))
      assert.is_not_nil(kb:claim("claim-before" .. n))
      assert.is_not_nil(kb:claim("claim-after" .. n))
      assert.equals(1, #kb:history { record = "claim-after" .. n })
    end
  end)

  it("rolls back the innermost transaction when a failed write cannot be undone", function()
    local delete = store.DELETE.claim
    kb:close()
    local before = fs.slurp(path)
    kb = assert(sinorus.open(path))
    local ok, err = pcall(kb.transaction, kb, function(k)
      k:add_claim(claim { id = "claim-before" })
      store.DELETE.claim = function() error("undo failed too", 0) end
      failing("claim", true, function()
        assert.has_error(function() k:add_claim(claim { id = "claim-failed" }) end,
                         "disk on fire")
      end)
      store.DELETE.claim = delete
      return "the function returns normally"
    end)
    store.DELETE.claim = delete
    assert.is_false(ok)
    assert.matches("the transaction was rolled back: a write in it failed", err)
    assert.is_false(internal.in_transaction(kb))
    assert.equals(0, rows_of("claim-failed"))
    assert.is_nil(kb:claim("claim-before"))
    kb:close()
    assert.is_true(fs.slurp(path) == before)   -- the file as it was
    kb = assert(sinorus.open(path))
    -- a doomed savepoint rolls back alone; the outer transaction goes on
    kb:transaction(function(k)
      k:add_claim(claim { id = "claim-outer" })
      local iok, ierr = pcall(k.transaction, k, function()
        store.DELETE.claim = function() error("undo failed too", 0) end
        failing("claim", true, function() pcall(k.add_claim, k, claim { id = "claim-x" }) end)
        store.DELETE.claim = delete
      end)
      store.DELETE.claim = delete
      assert.is_false(iok)
      assert.matches("rolled back", ierr)
    end)
    assert.is_not_nil(kb:claim("claim-outer"))
    assert.equals(0, rows_of("claim-x"))
  end)
end)

describe("kb:history", function()
  it("times each change in UTC to the millisecond, as SQLite's clock reads", function()
    kb:add_claim(claim())
    local t = kb:history { record = "claim-test" }[1].time
    assert.matches("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d%.%d%d%dZ$", t)
    local d = kb:sql("SELECT (julianday(?) - julianday('now')) * 86400 AS d", t)[1].d
    assert.is_true(math.abs(d) < 5, "off by " .. d .. " s")
    assert.equals(t, kb:sql("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', ?) AS t", t)[1].t)
  end)

  it("logs every change with the record before and after", function()
    kb:add_claim(claim())
    kb:update_claim("claim-test", { horizon = "long" })
    kb:remove_claim("claim-test")
    local h = kb:history { record = "claim-test" }
    assert.same({ "add_claim", "update_claim", "remove_claim" },
                { h[1].operation, h[2].operation, h[3].operation })
    assert.is_nil(h[1].before)
    assert.matches('"horizon":"short"', h[2].before, 1, true)
    assert.matches('"horizon":"long"', h[2].after, 1, true)
    assert.is_nil(h[3].after)
  end)

  it("logs the band and scale derived from an estimative word", function()
    kb:add_claim(claim { estimative = "likely" })
    local after = kb:history { record = "claim-test" }[1].after
    assert.matches('"scale":"icd203"', after, 1, true)
    assert.matches('"p_low":0.55', after, 1, true)
    assert.matches('"estimative":"likely"', after, 1, true)
    kb:update_claim("claim-test", { p_low = 0.6, p_high = 0.7 })
    local upd = kb:history { record = "claim-test" }[2].after
    assert.matches('"p_low":0.6,', upd, 1, true)   -- the shortest form that reads back
  end)

  it("logs nothing for an invalid call or a rolled-back transaction", function()
    pcall(kb.add_claim, kb, claim { horizon = "x" })
    pcall(kb.transaction, kb, function(k) k:add_claim(claim()); error("no") end)
    assert.equals(0, #kb:history())
  end)

  it("filters by time, operation and page", function()
    kb:add_claim(claim())
    kb:code(sentence("secondary sanctions"), "energy")
    assert.equals(1, #kb:history { operation = "code" })
    assert.equals(2, #kb:history { since = "2000-01-01" })
    assert.equals(0, #kb:history { since = "9999" })
    assert.equals(1, #kb:history { limit = 1, offset = 1 })
  end)

  it("refuses an unknown filter key", function()
    assert.has_error(function() kb:history { who = 1 } end,
      "bad argument #1 to 'history' (unknown filter key 'who'; valid keys: limit, offset, " ..
      "operation, record, since)")
  end)
end)

describe("a read-only KB", function()
  it("refuses writes before validating them", function()
    local ro <close> = sinorus.open()
    assert.has_error(function() ro:add_claim { horizon = "soon" } end,
      "attempt to write to a read-only sinorus.KB")
    assert.has_error(function() ro:add_source(42) end,
      "attempt to write to a read-only sinorus.KB")
    assert.has_error(function() ro:code(1, "x") end,
      "attempt to write to a read-only sinorus.KB")
    assert.has_error(function() ro:transaction(function() end) end,
      "attempt to write to a read-only sinorus.KB")
  end)

  it("still reads codes and history", function()
    local ro <close> = sinorus.open()
    assert.equals(0, #ro:codes())
    assert.equals(0, #ro:history())
  end)

  it("raises for a closed KB", function()
    local k = assert(sinorus.open(path))
    k:close()
    assert.has_error(function() k:add_claim(claim()) end,
      "attempt to use a closed sinorus.KB")
  end)
end)
