-- Assisted coding (issue 20, lua/sinorus/suggest.lua, doc/suggest.md):
-- kb:suggest's candidates of each kind, kb:accept through add_*, kb:reject
-- remembered, and bad input refused with nothing written.

local sinorus = require "sinorus"
local suggest = require "sinorus.suggest"

local fs = require "spec.support.fs"
local remove = fs.remove_db
local function tmpname() return fs.tmpname(".sqlite") end

local kb, path
before_each(function()
  path = tmpname()
  kb = assert(sinorus.open(path, { create = true }))
end)
after_each(function()
  kb:close()
  remove(path)
end)

local function count(sql)
  return kb:sql("SELECT count(*) AS n FROM " .. sql)[1].n
end

-- A source of text (published 2023-05-10) with the entities given.
local function source(text, entities)
  for _, e in ipairs(entities or {}) do kb:add_entity(e) end
  return kb:add_source { title = "Test brief", published = "2023-05-10", text = text }
end

local function of_kind(list, kind)
  local out = {}
  for _, c in ipairs(list) do if c.kind == kind then out[#out + 1] = c end end
  return out
end

local ALBA = { id = "alba", name = "Alba", kind = "state", aliases = { "Alban" } }
local BRENN = { id = "brenn", name = "Brenn", kind = "state" }
local ROSS = { id = "mara-ross", name = "Mara Ross", kind = "person" }

describe("kb:suggest", function()
  it("gives each candidate its segment, kind, fields, confidence, reason and key", function()
    local id = source("Alba will probably reject the offer from Brenn.", { ALBA, BRENN })
    local c = kb:suggest { source = id, kinds = { "claim" } }[1]
    assert.equals("claim", c.kind)
    assert.equals(kb:segments { source = id, kind = "sentence" }[1].id, c.segment)
    assert.equals("probably", c.fields.estimative)
    assert.same({ 0.55, 0.8 }, { c.fields.p_low, c.fields.p_high })
    assert.same({ "alba", "brenn" }, c.fields.about)
    assert.is_true(c.confidence > 0 and c.confidence < 1)
    assert.matches("hedge 'probably'", c.why)
    assert.matches("^claim:%x+:%x+$", c.key)
  end)

  it("takes the band of a negated hedge as the hedge finder reads it", function()
    local id = source("Such a war is very unlikely to happen in Brenn.", { BRENN })
    local c = kb:suggest { source = id, kinds = { "claim" } }[1]
    assert.equals("very unlikely", c.fields.estimative)
    local e = sinorus.estimate("very unlikely")
    assert.same({ e.p_low, e.p_high }, { c.fields.p_low, c.fields.p_high })
  end)

  it("reads a horizon where the text states one, else both", function()
    local id = source("In the long term, Alba is likely to lead. "
      .. "In the short term, Alba is likely to wait. Alba is likely to matter.", { ALBA })
    local got = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "claim" } }) do
      got[#got + 1] = c.fields.horizon
    end
    assert.same({ "long", "short", "both" }, got)
  end)

  it("leaves out reported views, plain dated facts and recommendations", function()
    local id = source("Officials in Alba said the deal was signed. "
      .. "In 2019 Alba exported a third of its grain. "
      .. "Donors should fund new gauges.", { ALBA })
    assert.equals(0, #kb:suggest { source = id, kinds = { "claim" } })
  end)

  it("finds quotes in every quotation-mark style, verbatim", function()
    local id = source("Mara Ross said “we stay”. Mara Ross said „wir bleiben“. "
      .. "Mara Ross said «мы остаёмся». Mara Ross said 「我们留下」. "
      .. "Mara Ross said 『残る』. Mara Ross said \"we remain\".", { ROSS })
    local texts = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "quote" } }) do
      texts[#texts + 1] = c.fields.text
      assert.equals("mara-ross", c.fields.speaker)
    end
    assert.same({ "we stay", "wir bleiben", "мы остаёмся", "我们留下", "残る", "we remain" },
                texts)
  end)

  it("does not take apostrophes for single quotation marks", function()
    local id = source("Alba’s view is ‘firm’ and Brenn’s is not.", { ALBA, BRENN })
    local qs = kb:suggest { source = id, kinds = { "quote" } }
    assert.equals(1, #qs)
    assert.equals("firm", qs[1].fields.text)
  end)

  it("resolves the speaker from the attribution around the quote", function()
    local cases = {
      { "According to Mara Ross, the plan is “dead”.", "mara-ross" },
      { "In the words of Mara Ross, it is “over”.", "mara-ross" },
      { "Mara Ross argues that Brenn must “wait”.", "mara-ross" },
      { "Brenn has turned to its “old friend” Alba.", "brenn" },
    }
    for _, case in ipairs(cases) do
      kb:close(); remove(path)
      kb = assert(sinorus.open(path, { create = true }))
      local id = source(case[1], { ALBA, BRENN, ROSS })
      local q = kb:suggest { source = id, kinds = { "quote" } }[1]
      assert.equals(case[2], q.fields.speaker, case[1])
    end
  end)

  it("gives the second of two parallel clauses to the actor of the clause that leaves the "
     .. "verb out", function()
    local id = source("Alban officials speak of “taming” the river, Brenn officials of "
      .. "“stealing” it.", { ALBA, BRENN })
    local qs = kb:suggest { source = id, kinds = { "quote" } }
    assert.same({ "alba", "brenn" }, { qs[1].fields.speaker, qs[2].fields.speaker })
    assert.equals("speech 'speak of', left out after a comma", qs[2].why)
  end)

  it("gives a quote after a comma to the person before the verb, not to the actor after "
     .. "the comma", function()
    for _, e in ipairs { ALBA, BRENN, ROSS } do kb:add_entity(e) end
    for _, text in ipairs {
      "Mara Ross said the treaty, signed by Alba in 2019 and by Brenn only “under protest”, "
        .. "was void.",
      "Mara Ross spoke of the crisis, in Brenn now “a catastrophe”.",
    } do
      local id = source(text)
      local q = kb:suggest { source = id, kinds = { "quote" } }[1]
      assert.equals("mara-ross", q.fields.speaker, text)
    end
    -- with no person before the verb, words between the actor and the quote that are not
    -- the verb's tail leave it to the actor before the verb
    local id = source("Alban officials speak of “taming” the river, Brenn officials now "
      .. "“stealing” it.")
    assert.equals("alba", kb:suggest { source = id, kinds = { "quote" } }[2].fields.speaker)
  end)

  it("gives a quote after a speech noun with no one before it to the actor after the noun",
     function()
    local id = source("Claims in the Brenn press that Alba is about to “weaponise” the river "
      .. "are overstated.", { ALBA, BRENN })
    local q = kb:suggest { source = id, kinds = { "quote" } }[1]
    assert.equals("brenn", q.fields.speaker)
    assert.equals("speech 'claims' of the actor after it", q.why)
  end)

  it("gives a document only the quotes after the sentence names it", function()
    local pact = { id = "pact", name = "Alba-Brenn Pact", kind = "document" }
    local id = source("The Alba-Brenn Pact was signed. The biggest “win” for Alba in the text "
      .. "is a clause calling for “lasting friendship”.", { ALBA, BRENN, pact })
    kb:add_entity { id = "brief", name = "Test brief", kind = "document" }
    local qs = kb:suggest { source = id, kinds = { "quote" } }
    assert.same({ "brief", "pact" }, { qs[1].fields.speaker, qs[2].fields.speaker })
  end)

  it("suggests a new entity for a speaker the catalogue lacks", function()
    local id = source("In the words of Ivo Sand, the talks are “finished”.")
    local q = kb:suggest { source = id, kinds = { "quote" } }[1]
    assert.is_nil(q.fields.speaker)
    assert.same({ name = "Ivo Sand", kind = "person" }, q.new_speaker)
  end)

  it("dates events absolutely and relative to the source's date", function()
    local id = source("Alba signed a treaty with Brenn on 3 March 2023. "
      .. "Alba criticized Brenn in April. Alba sanctioned Brenn last year. "
      .. "Alba met Brenn in 1998. Alba recently invaded Brenn.", { ALBA, BRENN })
    local got = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "event" } }) do
      got[#got + 1] = { c.fields.date or false, c.fields.cameo, c.date_low, c.date_high }
    end
    assert.same({
      { "2023-03-03", "05", "2023-03-03", "2023-03-03" },
      { "2023-04", "11", "2023-04-01", "2023-04-30" },
      { "2022", "16", "2022-01-01", "2022-12-31" },
      { "1998", "04", "1998-01-01", "1998-12-31" },
      -- "recently": a window, no ISO date (the coder gives it)
      { false, "19", "2022-05-10", "2023-05-10" },
    }, got)
  end)

  it("makes no event of a window in a sentence that reports nothing in the past", function()
    -- "recently" and a CAMEO noun ("joint"), but the verbs are in the present
    local id = source("The joint plan Alba and Brenn recently laid out is ambitious. "
      .. "Alba recently hosted Brenn.", { ALBA, BRENN })
    local list = kb:suggest { source = id, kinds = { "event" } }
    assert.equals(1, #list)
    assert.matches("^date 'recently', verb 'hosted'", list[1].why)
  end)

  it("codes no CAMEO root for a happening with one actor", function()
    local id = source("Alba opened a dam in 2015.", { ALBA })
    local c = kb:suggest { source = id, kinds = { "event" } }[1]
    assert.equals("2015", c.fields.date)
    assert.is_nil(c.fields.cameo)
    assert.is_nil(c.fields.goldstein)
  end)

  it("suggests names not in the catalogue, with aliases from the same source", function()
    local id = source("The Northern Rivers Council (NRC) met Alba. Ivo Sand spoke for it. "
      .. "Later Sand left. Then Сергей Лавров arrived. 外交部发言人汪文斌表示反对。", { ALBA })
    local got = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "entity" } }) do
      got[c.fields.name] = { c.fields.kind, c.fields.aliases }
    end
    assert.same({ "organization", { "NRC" } }, got["Northern Rivers Council"])
    assert.same({ "person", { "Sand" } }, got["Ivo Sand"])
    assert.same({ "person" }, got["Сергей Лавров"])
    assert.same({ "person" }, got["汪文斌"])
    assert.is_nil(got.Alba)
  end)

  it("takes a name that is the whole of a quotation for a name", function()
    local id = source("Alba signed with «Gazprom» and “Rosatom” agreed.", { ALBA })
    local got = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "entity" } }) do
      got[#got + 1] = c.fields.name
    end
    assert.same({ "Gazprom", "Rosatom" }, got)
  end)

  it("does not suggest again what the source already holds", function()
    local id = source("Alba will probably reject the offer.", { ALBA })
    local c = kb:suggest { source = id, kinds = { "claim" } }[1]
    kb:accept(c)
    assert.equals(0, #kb:suggest { source = id, kinds = { "claim" } })
  end)

  it("takes limit and offset", function()
    local id = source("Alba will probably win. Alba is likely to lose. Alba may draw.", { ALBA })
    local all = kb:suggest { source = id, kinds = { "claim" } }
    local page = kb:suggest { source = id, kinds = { "claim" }, limit = 1, offset = 1 }
    assert.equals(1, #page)
    assert.equals(all[2].key, page[1].key)
  end)

  it("leaves no statement open", function()
    local internal = require "sinorus.internal"
    local id = source("Alba will probably win. Alba met Brenn in 2020.", { ALBA, BRENN })
    kb:suggest { source = id }
    assert.equals(0, internal.busy(kb))
  end)

  it("prints as a table", function()
    local id = source("Alba will probably win.", { ALBA })
    assert.matches("kind%s+segment%s+confidence%s+key", tostring(kb:suggest { source = id }))
  end)

  it("refuses an unknown source, a bad source id and an unknown kind", function()
    assert.has_error(function() kb:suggest { source = 9 } end,
                     "bad argument #1 to 'suggest' (no source 9)")
    assert.has_error(function() kb:suggest { source = "1" } end,
      "bad argument #1 to 'suggest' ('source' must be an integer source id, got string)")
    local id = source("Alba will probably win.", { ALBA })
    assert.has_error(function() kb:suggest { source = id, kinds = { "claims" } } end,
      "bad argument #1 to 'suggest' (unknown kind 'claims'; valid kinds: claim, quote, event, entity)")
    assert.has_error(function() kb:suggest { sauce = id } end,
      "bad argument #1 to 'suggest' (unknown filter key 'sauce'; valid keys: chronology, kinds, limit, offset, source)")
  end)
end)

describe("kb:accept", function()
  it("makes an ordinary record through add_*, logged like one", function()
    local id = source("Alba will probably reject the offer from Brenn.", { ALBA, BRENN })
    local c = kb:suggest { source = id, kinds = { "claim" } }[1]
    local rid = kb:accept(c, { text = "Alba is expected to turn Brenn down." })
    local rec = kb:claim(rid)
    assert.equals("Alba is expected to turn Brenn down.", rec.text)
    assert.equals("probably", rec.estimative)
    assert.same({ 0.55, 0.8 }, { rec.p_low, rec.p_high })
    assert.same({ c.segment }, rec.evidence)
    local h = kb:history()
    assert.equals("add_claim", h[#h].operation)
    assert.equals("claim:" .. rid, h[#h].record)
    assert.equals(1, #kb:claims { about = "Brenn" })
  end)

  it("accepts a quote with a new speaker: the entity, then the quote, in one go", function()
    local id = source("In the words of Ivo Sand, the talks are “finished”.")
    local q = kb:suggest { source = id, kinds = { "quote" } }[1]
    local rid = kb:accept(q)
    local rec = kb:quote(rid)
    assert.equals("finished", rec.text)
    assert.equals("Ivo Sand", kb:entity(rec.speaker).name)
  end)

  it("accepts an event and an entity", function()
    local id = source("Alba signed a treaty with Brenn on 3 March 2023. Ivo Sand met Alba.",
                      { ALBA, BRENN })
    local cs = kb:suggest { source = id, kinds = { "event", "entity" } }
    local ev = kb:event(kb:accept(of_kind(cs, "event")[1]))
    assert.same({ "2023-03-03", "05", 3.5 }, { ev.date, ev.cameo, ev.goldstein })
    local en = kb:entity(kb:accept(of_kind(cs, "entity")[1]))
    assert.same({ "ivo-sand", "Ivo Sand", "person" }, { en.id, en.name, en.kind })
    -- the new name is now mentioned
    assert.equals(1, #kb:mentions("Ivo Sand"))
  end)

  it("makes records the rest of the API treats as any other", function()
    local id = source("Alba will probably sanction Brenn. Mara Ross said “no”. "
      .. "Alba met Brenn on 3 March 2023.", { ALBA, BRENN, ROSS })
    local ids = {}
    for _, c in ipairs(kb:suggest { source = id, kinds = { "claim", "quote", "event" } }) do
      ids[c.kind] = kb:accept(c)
    end
    -- evidence, listings with filters, updates, exports and removal
    assert.equals(kb:segments { source = id, kind = "sentence" }[1].id,
                  kb:evidence(kb:claim(ids.claim))[1].id)
    assert.equals(1, #kb:claims { about = "Brenn", horizon = "short" })
    assert.equals(1, #kb:quotes { speaker = "Mara Ross" })
    assert.equals(1, #kb:events { actor = "Alba", from = "2023-03" })
    kb:update_claim(ids.claim, { text = "Alba is expected to sanction Brenn." })
    assert.equals("Alba is expected to sanction Brenn.", kb:claim(ids.claim).text)
    local json = kb:export("json")
    for _, rid in pairs(ids) do assert.truthy(json:find('"' .. rid .. '"', 1, true), rid) end
    assert.is_true(kb:remove_event(ids.event))
    assert.is_nil(kb:event(ids.event))
  end)

  it("refuses what add_* refuses and writes nothing", function()
    local id = source("Alba recently invaded Brenn.", { ALBA, BRENN })
    local ev = kb:suggest { source = id, kinds = { "event" } }[1]
    local before = count("changelog")
    assert.has_error(function() kb:accept(ev, { date = "2023-13" }) end, "bad argument #1 to "
                     .. "'add_event' (field 'date': \"2023-13\" must be YYYY, YYYY-MM or YYYY-MM-DD)")
    -- a window is no date: the coder must give one
    assert.has_error(function() kb:accept(ev) end, "bad argument #1 to 'accept' (candidate has "
      .. "no single date ('recently': period 2022-05-10..2023-05-10): pass edits {date = ...})")
    assert.equals(before, count("changelog"))
    assert.equals(0, count("event"))
    -- with the date given, it goes in
    assert.is_string(kb:accept(ev, { date = "2023-04" }))
  end)

  it("cuts a long sentence to a title at a character boundary, and takes the edits' title",
     function()
    local long = "Alba met Brenn on 3 March 2023 in the old Ωmega hall, " .. string.rep("é", 60)
      .. " and more."
    local id = source(long, { ALBA, BRENN })
    local c = kb:suggest { source = id, kinds = { "event" } }[1]
    local title = kb:event(kb:accept(c)).title
    assert.is_true(#title <= 120)
    assert.truthy(utf8.len(title))
    assert.matches("%.%.%.$", title)
    kb:close(); remove(path)
    kb = assert(sinorus.open(path, { create = true }))
    id = source(long, { ALBA, BRENN })
    c = kb:suggest { source = id, kinds = { "event" } }[1]
    assert.has_error(function() kb:accept(c, { title = false }) end,
                     "bad argument #1 to 'add_event' (missing field 'title')")
    assert.equals("Alba meets Brenn", kb:event(kb:accept(c, { title = "Alba meets Brenn" })).title)
  end)

  it("refuses a claim about no entity, leaving the file as it was", function()
    local id = source("The outcome will probably be poor.")
    local c = kb:suggest { source = id, kinds = { "claim" } }[1]
    assert.has_error(function() kb:accept(c) end,
                     "bad argument #1 to 'add_claim' (field 'about': must name at least one entity)")
    assert.equals(0, count("claim"))
  end)

  it("refuses a candidate of another KB", function()
    local id = source("Alba will probably win.", { ALBA })
    local c = kb:suggest { source = id }[1]
    local p2 = tmpname()
    local other = assert(sinorus.open(p2, { create = true }))
    other:add_entity(ALBA)
    other:add_source { title = "Test brief", published = "2023-05-10",
                       text = "Alba will probably win." }
    assert.has_error(function() other:accept(c) end, "bad argument #1 to 'accept' "
                     .. "(candidate " .. c.key .. " was not made by this sinorus.KB)")
    assert.equals(0, other:sql("SELECT count(*) AS n FROM claim")[1].n)
    other:close()
    remove(p2)
  end)

  it("refuses a table that is not a candidate", function()
    assert.has_error(function() kb:accept { kind = "claim", fields = {} } end,
                     "bad argument #1 to 'accept' (sinorus.Candidate expected, got table)")
    assert.has_error(function() kb:accept(nil) end,
                     "bad argument #1 to 'accept' (sinorus.Candidate expected, got nil)")
  end)

  it("refuses a stale candidate whose segment changed since", function()
    local id = source("Alba will probably win.", { ALBA })
    local c = kb:suggest { source = id }[1]
    -- another process rewrites the text under the open KB
    assert(os.execute("sqlite3 -cmd '.load " .. (os.getenv("SINORUS_BUILD") or "build") ..
      "/sinorus_sqlite' " .. fs.shq(path) .. " \"UPDATE source_text SET packed = " ..
      "sinorus_pack(replace(sinorus_unpack(packed), 'probably', 'possibly'))\""))
    assert.has_error(function() kb:accept(c) end, "bad argument #1 to 'accept' (candidate "
      .. c.key .. " is stale: segment " .. c.segment .. " changed since it was suggested)")
    assert.equals(0, count("claim"))
  end)

  it("refuses a candidate accepted or rejected already", function()
    local id = source("Alba will probably win. Alba is likely to lose.", { ALBA })
    local cs = kb:suggest { source = id }
    kb:accept(cs[1])
    assert.has_error(function() kb:accept(cs[1]) end, "bad argument #1 to 'accept' "
                     .. "(candidate " .. cs[1].key .. " was accepted already)")
    kb:reject(cs[2])
    assert.has_error(function() kb:accept(cs[2]) end, "bad argument #1 to 'accept' "
                     .. "(candidate " .. cs[2].key .. " was rejected already)")
  end)

  it("refuses a second argument that is not a table", function()
    local id = source("Alba will probably win.", { ALBA })
    local c = kb:suggest { source = id }[1]
    assert.has_error(function() kb:accept(c, "x") end,
                     "bad argument #2 to 'accept' (table expected, got string)")
  end)

  it("refuses to write to a read-only KB", function()
    local id = source("Alba will probably win.", { ALBA })
    assert.is_number(id)
    kb:close()
    kb = assert(sinorus.open(path, { readonly = true }))
    local c = kb:suggest { source = id }[1]
    assert.has_error(function() kb:accept(c) end,
                     "attempt to write to a read-only sinorus.KB")
  end)
end)

describe("kb:reject", function()
  it("is remembered in the change log and not suggested again, after reopening too", function()
    local id = source("Alba will probably win. Alba is likely to lose.", { ALBA })
    local cs = kb:suggest { source = id, kinds = { "claim" } }
    assert.is_true(kb:reject(cs[1]))
    local h = kb:history { operation = "reject" }
    assert.equals(1, #h)
    assert.equals("suggestion:" .. cs[1].key, h[1].record)
    local again = kb:suggest { source = id, kinds = { "claim" } }
    assert.equals(1, #again)
    assert.equals(cs[2].key, again[1].key)
    kb:close()
    kb = assert(sinorus.open(path))
    assert.equals(1, #kb:suggest { source = id, kinds = { "claim" } })
  end)

  it("refuses a candidate of another KB and writes nothing", function()
    local id = source("Alba will probably win.", { ALBA })
    local c = kb:suggest { source = id }[1]
    local other = sinorus.open()
    assert.has_error(function() other:reject(c) end, "bad argument #1 to 'reject' "
                     .. "(candidate " .. c.key .. " was not made by this sinorus.KB)")
    other:close()
    assert.equals(0, #kb:history { operation = "reject" })
  end)
end)

describe("in the sandbox", function()
  it("suggests, but neither accepts nor rejects", function()
    local ok, res = sinorus.sandbox([[return kb.accept == nil and kb.reject == nil
      and #kb:suggest{source = 1, kinds = {"entity"}} >= 0]])
    assert.is_true(ok)
    assert.is_true(res)
  end)
end)

describe("the rules", function()
  it("declare every CAMEO root once, with its Goldstein weight", function()
    local seen = {}
    for _, r in ipairs(suggest.rules.cameo) do
      assert.matches("^%d%d$", r[1])
      assert.is_nil(seen[r[1]])
      seen[r[1]] = true
      assert.is_true(r[2] >= -10 and r[2] <= 10)
    end
    assert.equals(20, #suggest.rules.cameo)
  end)

  it("find the quoted spans of one style, not nested ones", function()
    local spans = suggest.quoted_spans("He said “a ‘b’ c” and «d».")
    assert.same({ "a ‘b’ c", "d" }, { spans[1].text, spans[2].text })
  end)
end)
