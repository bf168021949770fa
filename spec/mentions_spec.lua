-- Mentions stored packed (schema version 7; csrc/sn_mention.c): a row of
-- mention_pack a segment, the posting lists of mention_posting, read back
-- by the virtual table sinorus_mention and the view mention.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local store = require "sinorus.store"
local fs = require "spec.support.fs"

local BUILD = os.getenv("SINORUS_BUILD") or "build"

-- The varints of a blob, as data/schema.sql describes them.
local function varints(blob)
  local out, v, shift = {}, 0, 0
  for i = 1, #blob do
    local c = blob:byte(i)
    v = v | ((c & 0x7f) << shift)
    if c < 0x80 then
      out[#out + 1] = v
      v, shift = 0, 0
    else
      shift = shift + 7
    end
  end
  assert(shift == 0, "a varint runs past the end")
  return out
end

-- The key of the entity mentioned in the most segments of kb.
local function busiest(kb)
  return kb:sql([[SELECT entity, count(DISTINCT segment) AS n FROM sinorus_mention
                  GROUP BY entity ORDER BY n DESC, entity LIMIT 1]])[1].entity
end

-- Damages the posting list of that entity: a second chunk that starts
-- inside the first and names its second segment again. Returns the key
-- and the entity's segments.
local function overlap_chunks(kb)
  local key = busiest(kb)
  local c = kb:sql("SELECT first FROM mention_posting WHERE entity = ? ORDER BY first", key)
  local segs = kb:sql("SELECT DISTINCT segment FROM sinorus_mention WHERE entity = ? " ..
                      "ORDER BY segment", key)
  assert(#segs >= 3 and segs[2].segment - c[1].first - 1 < 128)
  internal.exec(kb, "INSERT INTO mention_posting (entity, first, segs) VALUES (?, ?, ?)",
                key, c[1].first + 1, string.char(segs[2].segment - c[1].first - 1))
  return key, segs
end

-- Rows as "a b c" strings, sorted.
local function lines(rows, cols)
  local out = {}
  for i, r in ipairs(rows) do
    local t = {}
    for j, c in ipairs(cols) do t[j] = tostring(r[c]) end
    out[i] = table.concat(t, " ")
  end
  table.sort(out)
  return out
end

describe("packed mentions", function()
  local p, kb
  before_each(function()
    p = fs.tmpname(".sqlite")
    kb = assert(sinorus.open(p, { create = true, article = true }))
  end)
  after_each(function()
    if kb then kb:close() end
    fs.remove_db(p)
  end)

  local ALL = { "segment", "entity", "start", "len" }

  it("gives the same mentions by every plan: all, an entity, a segment, a range", function()
    local all = kb:sql("SELECT segment, entity, start, len FROM sinorus_mention")
    assert.is_true(#all > 200)
    assert.equals(#all, kb:sql("SELECT count(*) AS n FROM sinorus_mention")[1].n)
    assert.equals(#all, kb:sql("SELECT count(*) AS n FROM mention")[1].n)
    assert.equals(#all, kb:describe().counts.mentions)
    local by = { entity = {}, segment = {} }
    for _, r in ipairs(all) do
      for k, t in pairs(by) do
        t[r[k]] = t[r[k]] or {}
        table.insert(t[r[k]], r)
      end
    end
    for key, rows in pairs(by.entity) do
      assert.same(lines(rows, ALL), lines(kb:sql([[SELECT segment, entity, start, len
        FROM sinorus_mention WHERE entity = ?]], key), ALL))
      -- without the spans: a row a mention all the same, from the posting list
      assert.same(lines(rows, { "segment", "entity" }), lines(kb:sql([[SELECT segment, entity
        FROM sinorus_mention WHERE entity = ?]], key), { "segment", "entity" }))
    end
    local segs = {}
    for seg, rows in pairs(by.segment) do
      segs[#segs + 1] = seg
      assert.same(lines(rows, ALL), lines(kb:sql([[SELECT segment, entity, start, len
        FROM sinorus_mention WHERE segment = ?]], seg), ALL))
    end
    table.sort(segs)
    local lo, hi = segs[#segs // 4], segs[3 * #segs // 4]
    local want = {}
    for _, r in ipairs(all) do
      if r.segment >= lo and r.segment <= hi then want[#want + 1] = r end
    end
    assert.same(lines(want, ALL), lines(kb:sql([[SELECT segment, entity, start, len
      FROM sinorus_mention WHERE segment BETWEEN ? AND ?]], lo, hi), ALL))
    assert.equals(#want, kb:sql([[SELECT count(*) AS n FROM sinorus_mention
      WHERE segment > ?1 - 1 AND segment < ?2 + 1]], lo, hi)[1].n)
    -- a value no key or segment can be finds nothing
    for _, v in ipairs { "china", 1.5, -1, 0 } do
      assert.same({}, kb:sql("SELECT * FROM sinorus_mention WHERE entity = ?", v))
      assert.same({}, kb:sql("SELECT * FROM sinorus_mention WHERE segment = ?", v))
    end
  end)

  it("keeps each mention where an alias of its entity is, as the documented varints", function()
    local n = 0
    for _, pk in ipairs(kb:sql([[SELECT p.segment, p.spans, s.text FROM mention_pack p
                                 JOIN segment s ON s.id = p.segment]])) do
      local v = varints(pk.spans)
      assert.equals(0, #v % 3)
      local rows = kb:sql([[SELECT m.entity, m.start, m.len, k.entity AS id
        FROM sinorus_mention m JOIN entity_key k ON k.id = m.entity
        WHERE m.segment = ? ORDER BY m.entity, m.start]], pk.segment)
      assert.equals(#v // 3, #rows)
      for i, r in ipairs(rows) do
        assert.same({ v[3 * i - 2], v[3 * i - 1], v[3 * i] }, { r.entity, r.start, r.len })
        -- (folded as aliases are: "Сhina" with a Cyrillic С is China)
        local found = store.norm(pk.text:sub(r.start + 1, r.start + r.len))
        local names = {}
        for _, a in ipairs(kb:sql("SELECT folded AS a FROM alias WHERE entity = ?", r.id)) do
          names[a.a] = true
        end
        assert.is_true(names[found] ~= nil, found .. " is no alias of " .. r.id)
        n = n + 1
      end
    end
    assert.equals(kb:sql("SELECT count(*) AS n FROM mention")[1].n, n)
  end)

  it("splits a long posting list in chunks that never split a segment", function()
    local parts = {}
    for i = 1, 1500 do
      parts[i] = i % 3 == 0 and ("Beijing and Beijing again, day %d."):format(i)
                 or ("Beijing spoke on day %d."):format(i)
    end
    kb:add_source { title = "many", text = table.concat(parts, " ") .. "\n" }
    local key = kb:sql("SELECT id FROM entity_key WHERE entity = 'china'")[1].id
    local chunks = kb:sql("SELECT first, segs FROM mention_posting WHERE entity = ? ORDER BY first",
                          key)
    assert.is_true(#chunks >= 2)
    local entries, last = {}, 0
    for _, c in ipairs(chunks) do
      assert.is_true(c.first > last)          -- a segment is in one chunk only
      local seg = c.first
      for _, d in ipairs(varints(c.segs)) do
        seg = seg + d
        entries[#entries + 1] = seg
      end
      last = seg
    end
    local rows = kb:sql("SELECT segment FROM mention WHERE entity = 'china' ORDER BY segment")
    assert.equals(#rows, #entries)
    for i, r in ipairs(rows) do assert.equals(r.segment, entries[i]) end
  end)

  it("tags again after a new alias as an import after it would", function()
    local text = "Alpha met Beta. Then Alpha left, and Beta stayed with Alpha.\n\n# Alpha\n"
    local a = kb:add_source { title = "a", text = text }
    kb:add_entity { id = "alpha", name = "Alpha", kind = "person" }
    local b = kb:add_source { title = "b", text = text }
    local function spans(src)
      return lines(kb:sql([[SELECT s.ord, m.entity, m.start - s.start AS off, m.stop - m.start AS n
        FROM mention m JOIN segment s ON s.id = m.segment WHERE s.source = ?]], src),
        { "ord", "entity", "off", "n" })
    end
    assert.equals(4, #spans(b))
    assert.same(spans(b), spans(a))
    -- and the posting list holds each mention once, in order of segment
    local key = kb:sql("SELECT id FROM entity_key WHERE entity = 'alpha'")[1].id
    local n = kb:sql("SELECT count(*) AS n FROM sinorus_mention WHERE entity = ?", key)[1].n
    assert.equals(8, n)
    kb:remove_entity("alpha")
    assert.same({}, spans(a))
    assert.same({}, kb:sql("SELECT * FROM mention_posting WHERE entity = ?", key))
  end)

  describe("damaged", function()
    local function damage(sql, ...)
      internal.exec(kb, sql, ...)
    end
    local function seg()
      return kb:sql("SELECT min(segment) AS s FROM mention_pack")[1].s
    end

    it("packs are a clear error, never a crash", function()
      local s = seg()
      for _, bad in ipairs { "80", "", "000102", "01ffffffffffffffffffff0101", "010100" } do
        damage(("UPDATE mention_pack SET spans = x'%s' WHERE segment = ?"):format(bad), s)
        local ok, err = pcall(kb.sql, kb, "SELECT * FROM mention")
        assert.is_false(ok)
        assert.matches("corrupt knowledge base %(damaged mentions of segment " .. s .. "%)", err)
        ok, err = pcall(kb.sql, kb, "SELECT * FROM mention WHERE segment = ?", s)
        assert.is_false(ok)
        assert.matches("damaged mentions", err)
      end
      -- tagging it again reads its old pack
      local ok, err = pcall(internal.tag, kb, { s })
      assert.is_false(ok)
      assert.matches("corrupt knowledge base %(damaged packed mentions%)", err)
    end)

    it("posting lists are a clear error, never a crash", function()
      local r = kb:sql("SELECT entity, first FROM mention_posting LIMIT 1")[1]
      for _, bad in ipairs { "ff", "ffffffffffffffffffff7f" } do
        damage(("UPDATE mention_posting SET segs = x'%s' WHERE entity = ? AND first = ?"):format(bad),
               r.entity, r.first)
        local ok, err = pcall(kb.sql, kb, "SELECT segment FROM sinorus_mention WHERE entity = ?",
                              r.entity)
        assert.is_false(ok)
        assert.matches("corrupt knowledge base %(damaged posting list of entity key " ..
                       r.entity .. "%)", err)
      end
      -- a list that names a segment with no pack
      damage("UPDATE mention_posting SET segs = x'00', first = 999999 WHERE entity = ? " ..
             "AND first = ?", r.entity, r.first)
      local ok, err = pcall(kb.sql, kb, "SELECT * FROM sinorus_mention WHERE entity = ?", r.entity)
      assert.is_false(ok)
      assert.matches("damaged posting list", err)
    end)
  end)

  it("is read-only and reads in the sqlite3 shell with the extension", function()
    local ok, err = pcall(internal.exec, kb, "DELETE FROM sinorus_mention")
    assert.is_false(ok)
    assert.matches("may not be modified", err)
    local n = kb:sql("SELECT count(*) AS n FROM mention")[1].n
    kb:close()
    kb = nil
    local f = assert(io.popen("sqlite3 -cmd '.load " .. BUILD .. "/sinorus_sqlite' " ..
                              fs.shq(p) .. " 'SELECT count(*) FROM mention' 2>&1"))
    assert.equals(n .. "\n", f:read("a"))
    f:close()
  end)

  -- (found in review: rows a plan returns with its constraint omitted, and
  -- posting lists that disagree with the packs)
  describe("read by an entity", function()
    -- the key with the most segments, and its rows
    it("compares the entity with the column's INTEGER affinity, as SQLite does", function()
      local key = busiest(kb)
      local want = lines(kb:sql("SELECT segment, entity, start, len FROM sinorus_mention " ..
                                "WHERE entity = ?", key), ALL)
      assert.is_true(#want > 0)
      -- "3.7e1" is 37 with INTEGER affinity (and 0.9e1 is 9): the same rows
      for _, v in ipairs { ("%.1fe1"):format(key / 10), key .. ".0", key + 0.0 } do
        assert.same(want, lines(kb:sql("SELECT segment, entity, start, len FROM sinorus_mention " ..
                                       "WHERE entity = ?", v), ALL))
      end
    end)

    it("fails, not drops rows, when a listed segment's pack lacks the entity", function()
      local key = busiest(kb)
      local s = kb:sql("SELECT min(segment) AS s FROM sinorus_mention WHERE entity = ?", key)[1].s
      local other = kb:sql([[SELECT spans FROM mention_pack WHERE segment NOT IN
        (SELECT segment FROM sinorus_mention WHERE entity = ?) LIMIT 1]], key)[1].spans
      internal.exec(kb, "UPDATE mention_pack SET spans = ? WHERE segment = ?", other, s)
      local ok, err = pcall(kb.sql, kb, "SELECT start FROM sinorus_mention WHERE entity = ?", key)
      assert.is_false(ok)
      assert.matches("corrupt knowledge base %(damaged posting list of entity key " .. key .. "%)",
                     err)
    end)

    it("fails, not repeats rows, when a chunk names a segment an earlier chunk has", function()
      local key = overlap_chunks(kb)
      local ok, err = pcall(kb.sql, kb, "SELECT start FROM sinorus_mention WHERE entity = ?", key)
      assert.is_false(ok)
      assert.matches("damaged posting list of entity key " .. key, err)
    end)
  end)

  it("tags again refusing, not rewriting, a posting list whose chunks overlap", function()
    local _, segs = overlap_chunks(kb)
    local ok, err = pcall(internal.tag, kb, { segs[#segs].segment })
    assert.is_false(ok)
    assert.matches("corrupt knowledge base %(damaged packed mentions%)", err)
  end)

  it("gives every row of an OR of a segment and an entity (the plan's rowids)", function()
    local all = kb:sql("SELECT segment, entity, start, len FROM sinorus_mention")
    local s, e = all[1].segment, all[#all].entity
    local want = {}
    for _, r in ipairs(all) do
      if r.segment == s or r.entity == e then want[#want + 1] = r end
    end
    assert.is_true(#want >= 2)
    assert.same(lines(want, ALL), lines(kb:sql([[SELECT segment, entity, start, len
      FROM sinorus_mention WHERE segment = ? OR entity = ?]], s, e), ALL))
  end)

  it("reads an attached KB's own mentions through its view, as version 6 did", function()
    -- a copy of the KB without its mentions, attached to the KB
    local q = fs.tmpname(".sqlite")
    kb:close()
    fs.spit(q, fs.slurp(p))
    local other = assert(sinorus.open(q))
    internal.exec(other, "DELETE FROM mention_pack")
    internal.exec(other, "DELETE FROM mention_posting")
    other:close()
    kb = assert(sinorus.open(p))
    local n = kb:sql("SELECT count(*) AS n FROM mention")[1].n
    assert.is_true(n > 0)
    internal.exec(kb, "ATTACH ? AS other", q)
    local ok, rows = pcall(kb.sql, kb, "SELECT count(*) AS n FROM other.mention")
    internal.exec(kb, "DETACH other")
    fs.remove_db(q)
    assert.is_true(ok)
    assert.equals(0, rows[1].n)
    assert.equals(n, kb:sql("SELECT count(*) AS n FROM main.mention")[1].n)
  end)
end)
