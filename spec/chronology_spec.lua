-- Events dated by a chronology (issue 20; lua/sinorus/chronology.lua,
-- doc/suggest.md): kb:suggest{source, chronology} dates a sentence that
-- reports an action but states no date by the entry of another source (a
-- timeline) it shares most with; entries after the source's date are not
-- used; a tie between dates leaves the date to the coder.

local sinorus = require "sinorus"
local chronology = require "sinorus.chronology"

local fs = require "spec.support.fs"

local kb, path
before_each(function()
  path = fs.tmpname(".sqlite")
  kb = assert(sinorus.open(path, { create = true }))
  kb:add_entity { id = "alba", name = "Alba", kind = "state" }
  kb:add_entity { id = "brenn", name = "Brenn", kind = "state" }
  kb:add_entity { id = "kessel", name = "Kessel", kind = "place" }
end)
after_each(function()
  kb:close()
  fs.remove_db(path)
end)

-- A document (published 2023-05-10) and a chronology; their ids.
local function sources(text, entries)
  local doc = kb:add_source { title = "Brief", published = "2023-05-10", text = text }
  local chron = kb:add_source { title = "Timeline", text = table.concat(entries, "\n") }
  return doc, chron
end

local function events(doc, chron)
  return kb:suggest { source = doc, kinds = { "event" }, chronology = chron }
end

local OTHERS = {
  "- 2020-02-01: Brenn opens a new port on the northern coast.",
  "- 2019: Alba elects a new parliament.",
  "- 2018-07: Alba and Brenn sign a fishing treaty.",
}

describe("kb:suggest with a chronology", function()
  it("dates an undated action by the entry it shares most with, citing it", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 2023-03-03: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.equals("2023-03-03", c.fields.date)
    assert.same({ "alba", "brenn" }, c.fields.actors)
    assert.equals("11", c.fields.cameo)
    assert.matches("^chronology: 'Alba accuses Brenn of diverting water from the Kessel "
      .. "reservoir%.' %(2023%-03%-03%), score [%d.]+, sharing accus, alba, brenn, diver, "
      .. "kessel, reser, water; date '2023%-03%-03', verb 'accused' %(CAMEO 11%)$", c.why)
  end)

  it("reads a table's rows, the words of a link left out", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "| what | date | source |", "| --- | --- | --- |",
        "| Brenn protests | 2023-03-03 | https://news.example/alba-accuses-brenn-of-diverting-"
          .. "water-from-the-kessel-reservoir |",
        "| Alba accuses Brenn of diverting water | 2022-12 | a newspaper |",
        "| Brenn opens a port | 2020-02-01 | a newspaper |",
        "| Alba elects a parliament | 2019 | a newspaper |" })
    assert.equals("2022-12", events(doc, chron)[1].fields.date)
  end)

  it("gives a date from the chronology less confidence than a date of the sentence", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir. "
      .. "Alba accused Brenn of diverting water from the Kessel reservoir on 3 March 2023.",
      { "- 2023-03-03: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        table.unpack(OTHERS) })
    local list = events(doc, chron)
    assert.equals(2, #list)
    assert.equals(list[1].fields.date, list[2].fields.date)
    assert.is_true(list[1].confidence < list[2].confidence)
  end)

  it("proposes no event when no entry shares enough with the sentence", function()
    local doc, chron = sources("Alba accused Brenn of hoarding grain.",
      { "- 2023-03-03: Alba and Brenn hold talks on the Kessel reservoir.",
        table.unpack(OTHERS) })
    assert.equals(0, #events(doc, chron))
  end)

  it("proposes no event for an undated action without a chronology", function()
    local doc = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 2023-03-03: Alba accuses Brenn of diverting water from the Kessel reservoir." })
    assert.equals(0, #kb:suggest { source = doc, kinds = { "event" } })
  end)

  it("leaves the date to the coder when entries of different dates tie, citing both",
     function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 2021-05-01: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        "- 2022-05-01: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.is_nil(c.fields.date)
    assert.same({ "2021-05-01", "2022-05-01" }, { c.date_low, c.date_high })
    assert.matches("^chronology: 2 entries tie, '.-' %(2021%-05%-01%), '.-' %(2022%-05%-01%)",
                   c.why)
  end)

  it("accepts a candidate with no single date only with the date given", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 2021-05-01: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        "- 2022-05-01: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.has_error(function() kb:accept(c) end, "bad argument #1 to 'accept' (candidate has "
      .. "no single date (entries tie: period 2021-05-01..2022-05-01): pass edits {date = ...})")
    assert.equals(0, #kb:events {})
    assert.equals("2022-05-01", kb:event(kb:accept(c, { date = "2022-05-01" })).date)
    -- an entry dated by two years: a period, not a tie
    local doc2, chron2 = sources("Alba accused Brenn of diverting water from the Kessel "
      .. "reservoir.", { "- 2016 or 2017: Alba accuses Brenn of diverting water from the Kessel "
      .. "reservoir.", table.unpack(OTHERS) })
    local c2 = events(doc2, chron2)[1]
    assert.has_error(function() kb:accept(c2) end, "bad argument #1 to 'accept' (candidate has "
      .. "no single date ('2016 or 2017': period 2016-01-01..2017-12-31): pass edits "
      .. "{date = ...})")
  end)

  it("never uses an entry dated after the source's date", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 2023-06-01: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        "- 2022-11: Alba accuses Brenn over the reservoir.",
        table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.equals("2022-11", c.fields.date)
    -- with only the later entry, no date at all
    local doc2, chron2 = sources("Alba accused Brenn of diverting water from the Kessel "
      .. "reservoir again.", { "- 2023-06-01: Alba accuses Brenn of diverting water from the "
      .. "Kessel reservoir.", table.unpack(OTHERS) })
    assert.equals(0, #events(doc2, chron2))
  end)

  it("narrows a window the sentence states to an entry inside it", function()
    local doc, chron = sources("Alba recently accused Brenn of diverting water from the Kessel "
      .. "reservoir.", { "- 2023-03-03: Alba accuses Brenn of diverting water from the Kessel "
      .. "reservoir.", table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.equals("2023-03-03", c.fields.date)
    assert.matches("within 'recently'", c.why)
  end)

  it("keeps the window when no entry inside it matches", function()
    local doc, chron = sources("Alba recently accused Brenn of diverting water from the Kessel "
      .. "reservoir.", { "- 2019-03-03: Alba accuses Brenn of diverting water from the Kessel "
      .. "reservoir.", table.unpack(OTHERS) })
    local c = events(doc, chron)[1]
    assert.is_nil(c.fields.date)
    assert.same({ "2022-05-10", "2023-05-10" }, { c.date_low, c.date_high })
  end)

  it("dates only a sentence that reports in the past, not a description or a scenario",
     function()
    local entries = { "- 2023-03-03: Alba and Brenn sign a joint statement on the Kessel "
      .. "reservoir.", table.unpack(OTHERS) }
    -- the present tense: a description ("offers"), a scenario ("fills")
    for _, text in ipairs {
      "The joint statement of Alba and Brenn on the Kessel reservoir offers a few clues.",
      "The second path is a standoff in which Alba fills the Kessel reservoir and Brenn "
        .. "answers with a joint statement.",
      -- a past participle after "is", "are", "remains" (an adverb between) is a state
      "The joint statement of Alba and Brenn on the Kessel reservoir is widely cited.",
      "The joint statement of Alba and Brenn on the Kessel reservoir remains unsigned.",
    } do
      local doc, chron = sources(text, entries)
      assert.same({}, events(doc, chron), text)
    end
    -- the same words, reported in the past
    for _, text in ipairs {
      "Alba and Brenn signed a joint statement on the Kessel reservoir.",
      "The joint statement Alba and Brenn published on the Kessel reservoir offers a few clues.",
    } do
      local doc, chron = sources(text, entries)
      assert.equals("2023-03-03", events(doc, chron)[1].fields.date, text)
    end
  end)

  it("tells a past tense that reports from one that describes", function()
    assert.equals("signed", chronology.reported_past("Alba signed the treaty."))
    assert.equals("met", chronology.reported_past("Alba met Brenn."))
    assert.equals("sponsored", chronology.reported_past("the Alba-sponsored summit"))
    assert.is_nil(chronology.reported_past("Alba signs the treaty."))
    assert.is_nil(chronology.reported_past("The treaty is clearly limited."))   -- not_past
    assert.is_nil(chronology.reported_past("The dam is clearly needed."))
    assert.is_nil(chronology.reported_past("Both are mentioned; the claim remains unproved."))
  end)

  it("gives a sentence that reports happenings of several dates a candidate for each",
     function()
    kb:add_entity { id = "orvan", name = "Orvan", kind = "company" }
    local text = "Alba bought the Kessel dam from Brenn, and later sanctioned the Orvan shipyard."
    local doc, chron = sources(text, {
      "- 2021-05-01: Alba buys the Kessel dam from Brenn.",
      "- 2019-03: Alba sanctions the Orvan shipyard over its dredging contracts.",
      table.unpack(OTHERS) })
    local list = events(doc, chron)
    assert.equals(2, #list)
    -- the entry that shares most first, then the one its own terms date
    assert.same({ "2019-03", "2021-05-01" }, { list[1].fields.date, list[2].fields.date })
    assert.matches("^chronology, a further entry: 'Alba buys the Kessel dam from Brenn%.' "
      .. "%(2021%-05%-01%), score [%d.]+, sharing brenn, kessel %(not shared with the first "
      .. "entry%); date '2021%-05%-01'", list[2].why)
    -- 0.1 less than as a first entry: 0.4, 0.15 for two actors, 0.15 for a day, 0.1 for
    -- a CAMEO code, less 0.2 for a chronology's date and 0.1 for a further one
    assert.near(0.5, list[2].confidence, 1e-9)
    assert.not_equals(list[1].key, list[2].key)
  end)

  it("still suggests the other happenings of a sentence once one is coded", function()
    kb:add_entity { id = "orvan", name = "Orvan", kind = "company" }
    local doc, chron = sources("Alba bought the Kessel dam from Brenn, and later sanctioned "
      .. "the Orvan shipyard.", {
      "- 2021-05-01: Alba buys the Kessel dam from Brenn.",
      "- 2019-03: Alba sanctions the Orvan shipyard over its dredging contracts.",
      table.unpack(OTHERS) })
    kb:accept(events(doc, chron)[2])
    local left = events(doc, chron)
    assert.equals(1, #left)
    assert.equals("2019-03", left[1].fields.date)
    kb:accept(left[1])
    assert.same({}, events(doc, chron))
  end)

  it("gives no further candidate for an entry of the first's terms, of too little of its "
     .. "own, or of an overlapping period", function()
    kb:add_entity { id = "orvan", name = "Orvan", kind = "company" }
    -- the second entry shares only what the first shares (Alba, Orvan, shipyard)
    local doc, chron = sources("Alba sanctioned the Orvan shipyard.", {
      "- 2019-03: Alba sanctions the Orvan shipyard over its dredging contracts.",
      "- 2017-06: Alba inspects the Orvan shipyard.", table.unpack(OTHERS) })
    assert.equals(1, #events(doc, chron))
    -- its own term (Brenn, which two of the four entries hold) weighs too little
    doc, chron = sources("Alba sanctioned the Orvan shipyard and Brenn.", {
      "- 2019-03: Alba sanctions the Orvan shipyard over its dredging contracts.",
      table.unpack(OTHERS) })
    assert.equals(1, #events(doc, chron))
    -- a period that overlaps the first's: that happening has its candidate
    doc, chron = sources("Alba bought the Kessel dam from Brenn, and later sanctioned the "
      .. "Orvan shipyard.", {
      "- 2021-05-01: Alba buys the Kessel dam from Brenn.",
      "- 2021-05: Alba sanctions the Orvan shipyard over its dredging contracts.",
      table.unpack(OTHERS) })
    local list = events(doc, chron)
    assert.equals(1, #list)
    assert.equals("2021-05", list[1].fields.date)
  end)

  it("never walks the entries of the names most entries hold", function()
    local lines = {}
    for i = 1, 2000 do
      lines[i] = string.format("- %04d-%02d-01: Alba and Brenn meet on zq%dx, zq%dy and zq%dz "
        .. "near Kessel.", 1990 + i % 30, 1 + i % 12, i, i, i)
    end
    local doc, chron = sources("Alba and Brenn met on zq77x, zq77y and zq77z near Kessel.",
                               lines)
    local c = chronology.load(kb, chron, "2023-05-10")
    -- the postings of Alba, Brenn and Kessel count the entries read in them
    local read = 0
    for _, term in ipairs { "@alba", "@brenn", "@kessel" } do
      local l = c.postings[term]
      assert.equals(2000, #l)
      c.postings[term] = setmetatable({}, {
        __index = function(_, i) read = read + 1; return l[i] end,
        __len = function() return #l end })
    end
    local s = kb:sql([[SELECT id, text, start FROM segment WHERE source = ?
      AND kind = 'sentence']], doc)[1]
    local mentions = kb:sql([[SELECT entity, start - ?1 + 1 AS start, stop - ?1 + 1 AS stop
      FROM mention WHERE segment = ?2]], s.start, s.id)
    assert.equals(3, #mentions)
    local e = c:date(s.text, mentions)
    assert.equals("Alba and Brenn meet on zq77x, zq77y and zq77z near Kessel.", e.text)
    assert.equals(0, read)
  end)

  it("refuses an unknown chronology, the source itself and an id that is no integer", function()
    local doc = sources("Alba accused Brenn.", { "- 2020: Alba and Brenn meet." })
    assert.has_error(function() kb:suggest { source = doc, chronology = 99 } end,
      "bad argument #1 to 'suggest' (no source 99 for 'chronology')")
    assert.has_error(function() kb:suggest { source = doc, chronology = doc } end,
      "bad argument #1 to 'suggest' ('chronology' is the source itself (" .. doc
      .. "): a document cannot date its own events)")
    assert.has_error(function() kb:suggest { source = doc, chronology = "2" } end,
      "bad argument #1 to 'suggest' ('chronology' must be an integer source id, got string)")
    assert.has_error(function() kb:suggest { source = doc, chronology = 2.0 } end,
      "bad argument #1 to 'suggest' ('chronology' must be an integer source id, got 2.0)")
  end)
end)

describe("a chronology's entries", function()
  it("are the lines that start with a date and the table rows with a date cell", function()
    local got = {}
    for _, e in ipairs(chronology.entries_of(table.concat({
      "# Timeline",
      "Some prose from 2020 that is no entry.",
      "- 2021-12-09/2021-12-10: A summit is held.",
      "* 4 February 2022 — A visit.",
      "March 3, 2023: A signing.",
      "- 1998: A purchase.",
      "1500 soldiers crossed the border.",
      "2000 people protested in the capital.",
      "2016 or 2017 brought a slump.",
      "- 0800: Alba is founded.",
      "| event | date | what | source |",
      "| --- | --- | --- | --- |",
      "| Stake | 2016 or 2017 | A stake is bought | https://example.org/x |",
      "| Claim | 2021-11 | A claim is filed | secondary |",
      "| Bad | 2021-13 | Not a month | x |",
      "- 2021-02-31: Not a day.",
      "- 30 February 2021: Not a day either.",
    }, "\n"))) do
      got[#got + 1] = { e.date or false, e.label, e.text }
    end
    assert.same({
      { false, "2021-12-09/2021-12-10", "A summit is held." },
      { "2022-02-04", "4 February 2022", "A visit." },
      { "2023-03-03", "March 3, 2023", "A signing." },
      { "1998", "1998", "A purchase." },
      { false, "2016 or 2017", "Stake | A stake is bought" },
      { "2021-11", "2021-11", "Claim | A claim is filed" },
    }, got)
  end)

  it("give a period for an interval and for dates joined by or", function()
    local _, a, b = chronology.parse_date("2016 or 2017")
    local _, c, d = chronology.parse_date("2016-01-01/2017-12-31")
    assert.same({ a, b }, { c, d })
    assert.is_nil(chronology.parse_date("2017 or 2016"))
    assert.is_nil(chronology.parse_date("sometime"))
  end)

  it("leave out a table's columns of sources, checks, links and notes", function()
    local got = {}
    for _, e in ipairs(chronology.entries_of(table.concat({
      "| event | date | what | Sources | checked | URL | Link | Notes |",
      "| :--- | --- | --- | --- | --- | --- | --- | --- |",
      "| Stake | 2017 | A stake is bought | a news site | yes | u | l | n |",
      "",
      "| event | date | checked |",
      "| --- | --- | --- |",
      "| Claim | 2021-11 | partly |",
      "",
      "| Sale | 2019 | kept, no header |",
    }, "\n"))) do
      got[#got + 1] = e.text
    end
    assert.same({ "Stake | A stake is bought", "Claim", "Sale | kept, no header" }, got)
    -- the words of EVENTS.md's columns are no stop words
    assert.same({ sourc = true, partl = true }, chronology.stems("source partly"))
  end)

  it("read a year alone only before a colon or a dash", function()
    local got = {}
    for _, e in ipairs(chronology.entries_of(table.concat({
      "2019: a colon.", "2019 - a hyphen.", "2019 \u{2013} an en dash.",
      "2019 \u{2014} an em dash.", "2019-05 a month needs none.", "2019 a count.",
    }, "\n"))) do
      got[#got + 1] = e.text
    end
    assert.same({ "a colon.", "a hyphen.", "an en dash.", "an em dash.", "a month needs none." },
                got)
  end)

  it("read only the first five words of a line for its date", function()
    -- a line of a million words: its date is looked for among five
    local long = "- 2019: " .. string.rep("word ", 1000000)
    -- the memory it takes: a few copies of the line, not a record per word
    collectgarbage("collect")
    collectgarbage("stop")
    local before = collectgarbage("count")
    local e = chronology.entries_of(long)[1]
    local used = (collectgarbage("count") - before) * 1024
    collectgarbage("restart")
    assert.equals("2019", e.date)
    assert.is_true(used < 8 * #long, string.format("%.0f bytes for a line of %d", used, #long))
    assert.is_nil(chronology.entries_of(string.rep("word ", 1000000) .. "2019: late.")[1])
  end)
end)

describe("dates", function()
  local dates = require "sinorus.dates"

  it("are day numbers from 1970-01-01 by arithmetic alone", function()
    assert.same({ 0, 0 }, { dates.period("1970-01-01") })
    assert.same({ 19419, 19419 }, { dates.period("2023-03-03") })
    assert.same({ 19754, 19782 }, { dates.period("2024-02") })
    assert.equals("2024-02-29", dates.iso_of(19782))
    assert.equals("0800-01-01", dates.iso_of((dates.period("0800"))))
    assert.equals("1900-02-28", dates.iso_of(select(2, dates.period("1900-02"))))
    assert.is_nil(dates.period("2021-02-29"))
    assert.is_nil(dates.period("2021-13"))
    assert.is_nil(dates.period("2021-1"))
  end)

  it("are the same in a time zone ahead of UTC+12", function()
    -- a process of its own in UTC+14 (a POSIX zone: no tz database
    -- needed), with this one's LUA_PATH and LUA_CPATH
    local cmd = [[TZ=XYZ-14 lua5.4 -e '
      local c = require "sinorus.chronology"
      local iso, a, b = c.parse_date("2023-03-03")
      io.write(tostring(iso), " ", a, " ", b, " ", require "sinorus.dates".iso_of(a))' 2>&1]]
    local p = assert(io.popen(cmd))
    local out = p:read("a")
    p:close()
    assert.equals("2023-03-03 19419 19419 2023-03-03", out)
  end)

  it("read a written date only when the day is one of its month", function()
    assert.equals("2021-02-28", dates.written_date("28 February 2021"))
    assert.equals("2020-02-29", dates.written_date("february 29, 2020"))
    assert.is_nil(dates.written_date("30 February 2021"))
    assert.is_nil(dates.written_date("31 April 2021"))
    assert.equals("2021-02", (dates.find_written("in February 2021, Alba")))
    assert.same({ nil, nil, "30 February 2021" },
                { dates.find_written("Alba met Brenn on 30 February 2021.") })
  end)

  it("read a year of 1800 to 2100 only", function()
    assert.equals(2019, dates.year("2019"))
    assert.is_nil(dates.year("1500"))
    assert.is_nil(dates.year("0800"))
    assert.is_nil(dates.year("2101"))
  end)

  it("tell a past tense by one rule, -ceed words and the not_past list left out", function()
    assert.is_true(dates.past_word("signed"))
    assert.is_true(dates.past_word("met"))
    for _, w in ipairs { "proceed", "exceed", "succeed", "limited", "need", "hundred" } do
      assert.is_false(dates.past_word(w), w)
    end
    assert.is_nil(chronology.reported_past("The talks proceed; costs exceed the budget."))
  end)
end)

describe("kb:suggest on dates it cannot read", function()
  it("reads no event date from an impossible day", function()
    local doc = kb:add_source { title = "Brief", published = "2023-05-10",
      text = "Alba accused Brenn of diverting water on 30 February 2021." }
    assert.same({}, kb:suggest { source = doc, kinds = { "event" } })
  end)

  it("reads no entry of a year below 1000 and counts from a source published then", function()
    local doc, chron = sources("Alba accused Brenn of diverting water from the Kessel reservoir.",
      { "- 0800: Alba is founded.",
        "- 2023-03-03: Alba accuses Brenn of diverting water from the Kessel reservoir.",
        table.unpack(OTHERS) })
    assert.equals("2023-03-03", events(doc, chron)[1].fields.date)
    local old = kb:add_source { title = "Old", published = "0999",
      text = "Alba accused Brenn of diverting water from the Kessel reservoir last year." }
    assert.same({ "0998" }, { kb:suggest { source = old, kinds = { "event" } }[1].fields.date })
    -- every entry is after 0999: none dates it
    local undated = kb:add_source { title = "Older", published = "0999",
      text = "Alba accused Brenn of diverting water from the Kessel reservoir." }
    assert.same({}, kb:suggest { source = undated, kinds = { "event" }, chronology = chron })
  end)
end)
