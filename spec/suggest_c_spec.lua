-- The suggester's rules in C (csrc/sn_suggest.c, the default) against
-- the Lua reference they replace (lua/sinorus/suggest.lua with
-- suggest.reference(true)): the same candidates, field for field, on the
-- article, the second document and the language corpus; the same quoted
-- spans and names on every sentence and paragraph of them; and the same on
-- texts made of the pieces the rules look at, drawn at random.

local sinorus = require "sinorus"
local core = require "sinorus.core"
local suggest = require "sinorus.suggest"

local fs = require "spec.support.fs"

local slurp = fs.slurp

-- What a candidate says, as plain data (its key included).
local function plain(c)
  return { kind = c.kind, segment = c.segment, fields = c.fields, confidence = c.confidence,
           why = c.why, key = c.key, start = c.start, stop = c.stop,
           new_speaker = c.new_speaker, date_low = c.date_low, date_high = c.date_high }
end

-- The candidates of the reference and of the C rules for source id.
local function both(kb, id, kinds)
  suggest.reference(true)
  local ok, ref = pcall(kb.suggest, kb, { source = id, kinds = kinds })
  suggest.reference(false)
  assert(ok, ref)
  return ref, kb:suggest { source = id, kinds = kinds }
end

local function assert_same_candidates(kb, id, kinds)
  local ref, got = both(kb, id, kinds)
  assert.is_true(#ref > 0)
  assert.equals(#ref, #got)
  for i = 1, #ref do assert.same(plain(ref[i]), plain(got[i])) end
  return #ref
end

-- The spans and names the reference and the C rules find in text.
local C = suggest.c_rules()
local function assert_same_surface(text)
  assert.same(suggest.quoted_spans(text), C:spans(text))
  assert.same(suggest.names_in(text), C:names(text))
end

local function each_piece(text, fn)
  fn(text)
  for _, s in ipairs(core.segment(text)) do fn(text:sub(s.start, s.stop)) end
end

-- A new file holding text as a source (published 2023-05-10), with the
-- built-in article's entities when catalogue is true.
local function with_source(text, catalogue, fn)
  local path = fs.tmpname(".sqlite")
  local kb = assert(sinorus.open(path, { create = true, article = catalogue }))
  local ok, err = pcall(function()
    fn(kb, kb:add_source { title = "Differential", published = "2023-05-10", text = text })
  end)
  kb:close()
  fs.remove_db(path)
  assert(ok, err)
end

local ARTICLE = slurp("data/abb-polianskii-2022/article.txt")
local SECOND = slurp("spec/fixtures/suggest-doc/text.txt")
local LANG = {}
for _, name in ipairs { "en", "ru", "zh", "mixed" } do
  LANG[name] = slurp("spec/fixtures/lang/" .. name .. ".txt")
end

describe("the C rules of kb:suggest", function()
  it("give the reference's candidates on the built-in article, its coding in place", function()
    local kb <close> = sinorus.open()
    assert_same_candidates(kb, 1)
  end)

  it("give the reference's candidates on the article with the catalogue and without", function()
    with_source(ARTICLE, true, function(kb, id) assert_same_candidates(kb, id) end)
    with_source(ARTICLE, false, function(kb, id) assert_same_candidates(kb, id) end)
  end)

  it("give the reference's candidates on the second document with the catalogue and without", function()
    with_source(SECOND, true, function(kb, id) assert_same_candidates(kb, id) end)
    with_source(SECOND, false, function(kb, id) assert_same_candidates(kb, id) end)
  end)

  it("give the reference's candidates with a chronology dating the events", function()
    with_source(SECOND, false, function(kb, id)
      for _, e in ipairs { { id = "marovia", name = "Marovia", kind = "state" },
                           { id = "telland", name = "Telland", kind = "state" },
                           { id = "ostra", name = "Ostra", kind = "state" },
                           { id = "huayuan", name = "Huayuan Bank", kind = "company" } } do
        kb:add_entity(e)
      end
      local chron = kb:add_source { title = "Chronology", published = "2023-05-10",
                                    text = slurp("spec/fixtures/suggest-doc/chronology.md") }
      local ref, got
      suggest.reference(true)
      local ok, err = pcall(function()
        ref = kb:suggest { source = id, chronology = chron }
      end)
      suggest.reference(false)
      assert(ok, err)
      got = kb:suggest { source = id, chronology = chron }
      local dated = 0
      for _, c in ipairs(ref) do
        if c.kind == "event" and c.why:find("^chronology") then dated = dated + 1 end
      end
      assert.is_true(dated > 0)
      assert.equals(#ref, #got)
      for i = 1, #ref do assert.same(plain(ref[i]), plain(got[i])) end
    end)
  end)

  it("give a source the same candidates whatever sources come before and after it", function()
    local function summary(kb, id)
      local out = {}
      for _, c in ipairs(kb:suggest { source = id }) do
        out[#out + 1] = { c.kind, c.key, c.why, c.confidence, c.fields.about, c.fields.speaker,
                          c.fields.actors, c.fields.name }
      end
      return out
    end
    local alone, among
    with_source(SECOND, true, function(kb, id) alone = summary(kb, id) end)
    with_source(ARTICLE, true, function(kb)
      local id = kb:add_source { title = "Differential", published = "2023-05-10", text = SECOND }
      kb:add_source { title = "After", published = "2023-05-10", text = ARTICLE }
      among = summary(kb, id)
    end)
    assert.is_true(#alone > 0)
    assert.same(alone, among)
  end)

  it("give the reference's candidates of each kind alone", function()
    with_source(ARTICLE .. "\n\n" .. SECOND, true, function(kb, id)
      for _, k in ipairs(suggest.kinds) do assert_same_candidates(kb, id, { k }) end
    end)
  end)

  for _, name in ipairs { "en", "ru", "zh", "mixed" } do
    it("give the reference's candidates on the language corpus's " .. name .. " document", function()
      with_source(LANG[name], true, function(kb, id) assert_same_candidates(kb, id) end)
    end)
  end

  it("find the reference's spans and names in every sentence and paragraph of the texts", function()
    for _, text in ipairs { ARTICLE, SECOND, LANG.en, LANG.ru, LANG.zh, LANG.mixed } do
      each_piece(text, assert_same_surface)
    end
  end)

  it("find the reference's spans and names at the rules' edges", function()
    for _, text in ipairs {
      "", "A", "U.S.-led", "“", "”", "‘’", "''", '""', "«»", "St. Petersburg", "Mr. X.",
      "Russia's Foreign Ministry", "The U.S.' view", "Belt and Road Initiative",
      "Alba and Brenn met.", "Later the SCO met.", "“Gazprom” won.", "«Газпром» и ‘Rosneft’",
      "Sino-American ties", "Chinese", "In the words of Dmitrij Trenin, it is “a front”.",
      "It’s the country’s ‘best’ hope.", "Дмитрий Тренин сказал: «Да».",
      "习近平说，我们要合作。王毅表示同意。", "He met von Braun and de Gaulle.",
      "A „German“ and 「Japanese」 and 『nested “marks”』.", "x\"y\" \"z\"",
      "Mid-March the Ministry of Foreign Affairs (MFA) spoke.", "ЁЖ-Ик Ѐa",
    } do
      assert_same_surface(text)
    end
  end)

  it("give the reference's spans, names and candidates on texts drawn at random from the rules' pieces", function()
    local pieces = { "Alba", "Brenn", "Mara Ross", "Ministry", "of", "for", "the", "and",
      "Initiative", "U.S.", "St.", "Russia's", "U.S.-led", "Sino-American", "Chinese",
      "said", "according to", "in the words of", "its", "his", "statement", "It", "Its",
      "probably", "likely", "will", "not", "because of", "percent", "1999", "2023",
      "12%", "40 per cent", "March", "May", "in May", "last year", "recently", "met",
      "signed", "visited", "talks", "warned", "attacked", "opposed", "walked", "indeed",
      "“", "”", "„", "«", "»", "「", "」", "‘", "’", "\"", "'", ",", ".", ";", ":", "(",
      ")", "(UN)", "-", "Дмитрий", "Тренин", "Москва", "сказал", "习近平", "说", "表示",
      "in the long term", "now", "short-term", "One", "Later", "3 March 2023",
      -- where a hedge begins or ends (the C rules look for hedges only in a
      -- sentence where the lexicon scan found the first word of one)
      "probably_", "_likely", "likely's", "highly-likely", "very", "almost certainly",
      "\u{00A0}", "\u{2019}", "×", "2likely", "LIKELY", "unlikely", "é", "可能" }
    math.randomseed(20)
    local texts = {}
    for t = 1, 300 do
      local words = {}
      for w = 1, math.random(1, 30) do
        words[w] = pieces[math.random(#pieces)]
      end
      local text = table.concat(words, math.random() < 0.8 and " " or "")
      if t % 3 == 0 then text = text .. "." end
      assert_same_surface(text)
      texts[#texts + 1] = text
    end
    local doc = table.concat(texts, " ")
    with_source(doc, true, function(kb, id) assert_same_candidates(kb, id) end)
    with_source(doc, false, function(kb, id) assert_same_candidates(kb, id) end)
  end)
end)

describe("a candidate of the C rules not yet read", function()
  local TEXT = "Alba will probably stay close to Brenn. Mara Ross said “a common front”."
  local ENTITIES = { { id = "alba", name = "Alba", kind = "state" },
                     { id = "brenn", name = "Brenn", kind = "state" },
                     { id = "mara-ross", name = "Mara Ross", kind = "person" } }
  local function fresh(fn)
    local path = fs.tmpname(".sqlite")
    local kb = assert(sinorus.open(path, { create = true }))
    for _, e in ipairs(ENTITIES) do kb:add_entity(e) end
    local id = kb:add_source { title = "Lazy", published = "2023-05-10", text = TEXT }
    local ok, err = pcall(fn, kb, id)
    kb:close()
    fs.remove_db(path)
    assert(ok, err)
  end

  it("shows every field to pairs", function()
    fresh(function(kb, id)
      local c = kb:suggest { source = id, kinds = { "quote" } }[1]
      local keys = {}
      for k in pairs(c) do keys[#keys + 1] = k end
      table.sort(keys)
      assert.same({ "confidence", "fields", "kind", "segment", "start", "stop", "why" }, keys)
      assert.equals("mara-ross", c.fields.speaker)
    end)
  end)

  it("is written to JSON in full, alone or in its list, whether read or not", function()
    fresh(function(kb, id)
      local list = kb:suggest { source = id, kinds = { "quote" } }
      assert.is_nil(rawget(list[1], "fields"))          -- a stub so far
      local whole = sinorus.to_json(list)
      assert.matches('"speaker":"mara%-ross"', whole)
      local again = kb:suggest { source = id, kinds = { "quote" } }
      local one = sinorus.to_json(again[1])
      assert.matches('"speaker":"mara%-ross"', one)
      assert.equals(one, sinorus.to_json(again[1]))      -- the same bytes once read
      assert.equals(whole, sinorus.to_json(again))
      -- the encoder itself (core.json) still runs no metamethod
      local bare = kb:suggest { source = id, kinds = { "quote" } }[1]
      assert.matches('^{"kind":"quote","segment":%d+}$', core.json(bare))
    end)
  end)

  it("prints as a candidate", function()
    fresh(function(kb, id)
      local c = kb:suggest { source = id, kinds = { "claim" } }[1]
      assert.matches("^claim claim:%x+:%x+ %(segment %d+, 0%.%d+%): Alba will probably", tostring(c))
    end)
  end)

  it("is accepted and rejected as any candidate", function()
    fresh(function(kb, id)
      local cs = kb:suggest { source = id, kinds = { "claim", "quote" } }
      assert.equals("claim-alba-will-probably-stay-close-to", kb:accept(cs[1]))
      assert.is_true(kb:reject(cs[2]))
      assert.equals(0, #kb:suggest { source = id, kinds = { "claim", "quote" } })
    end)
  end)

  it("cannot be forged from its metatable", function()
    fresh(function(kb, id)
      local c = kb:suggest { source = id, kinds = { "claim" } }[1]
      local forged = setmetatable({ kind = "claim", segment = 1 }, getmetatable(c))
      assert.has_error(function() kb:accept(forged) end,
        "bad argument #1 to 'accept' (candidate was not made by this sinorus.KB)")
      assert.is_nil(forged.fields)
      assert.equals("sinorus.Candidate (broken)", tostring(forged))
      assert.is_string(kb:accept(c))
    end)
  end)
end)

describe("a sinorus.Suggester", function()
  it("refuses a role that names no phrase", function()
    assert.has_error(function()
      core.suggester { phrases = { "a" }, roles = { judgment2 = { 2 } }, sets = {},
                       quotes = {}, cjk_speech = {} }
    end)
  end)

  it("refuses tables that lack a list", function()
    assert.has_error(function() core.suggester { phrases = {} } end,
      "bad argument #1 to 'suggester' ('roles' must be a list)")
  end)

  it("refuses a run on a closed KB", function()
    local kb = sinorus.open()
    local run = C:run(kb, kb:text(1), "SELECT id, start, stop FROM segment WHERE source = ?",
      "SELECT segment, entity, start, stop, 'x' FROM mention WHERE 0 AND ? ", 1, nil, 15)
    kb:close()
    assert.has_error(function() run:next() end, "attempt to use a closed sinorus.KB")
    run:close()
  end)

  it("refuses a text that does not hold the source's sentences", function()
    local kb <close> = sinorus.open()
    local run <close> = C:run(kb, "too short", "SELECT id, start, stop FROM segment"
      .. " WHERE source = ? AND kind = 'sentence' AND start > 100 ORDER BY id",
      "SELECT segment, entity, start, stop, 'x' FROM mention WHERE 0 AND ?", 1, nil, 1)
    local id = kb:sql("SELECT min(id) AS id FROM segment WHERE source = 1"
      .. " AND kind = 'sentence' AND start > 100")[1].id
    assert.has_error(function() run:next() end,
      string.format("segment %d lies outside its source's text", id))
  end)

  it("reads a source to the end and then returns nil, and nothing once closed", function()
    local kb <close> = sinorus.open()
    local run <close> = C:run(kb, kb:text(1), "SELECT id, start, stop FROM segment WHERE source = ?"
      .. " AND kind = 'sentence' ORDER BY id",
      "SELECT segment, entity, start, stop, 'x' FROM mention WHERE 0 AND ?", 1, nil, 1)
    local n = 0
    repeat
      local b = run:next()
      n = n + (b and #b or 0)
    until not b
    assert.is_true(n > 0)
    assert.is_nil(run:next())
    run:close()
    assert.has_error(function() run:next() end, "attempt to use a closed sinorus.SuggestRun")
  end)
end)
