-- The coded knowledge base (data/abb-polianskii-2022/kb/*.lua) as built into the library, the
-- record API over it (lua/sinorus/records.lua) and the loader's failures
-- on broken data (tools/kbdata.lua, spec/fixtures/baddata/).

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local core = require "sinorus.core"
local util = require "sinorus.util"

-- The record API is an extension loaded by init.lua; install it if this
-- build does not (idempotent).
if not sinorus.KB.claims then require("sinorus.records")(sinorus.KB, sinorus, util) end

local kb = sinorus.open()

local function ids(list)
  local out = {}
  for i, r in ipairs(list) do out[i] = r.id end
  return out
end

local function set(list)
  local s = {}
  for _, v in ipairs(list) do s[v] = true end
  return s
end

local function count(sql, ...)
  return kb:sql(sql, ...)[1].n
end

-- The records of one data file as coded (fields the KB does not store,
-- such as a claim's `denies` or a factor's `wording`, included), by id.
local function coded(file)
  local out = {}
  local env = setmetatable({}, { __index = function()
    return function(t) if t.id then out[t.id] = t end end
  end })
  assert(loadfile("data/abb-polianskii-2022/kb/" .. file, "t", env))()
  return out
end

-- ---------------------------------------------------------------------
-- A slow reference implementation of the mention matcher: fold the text
-- code point by code point (remembering where each folded byte came from),
-- collapse white space, find every alias with string.find and check word
-- boundaries as documented in csrc/sn_match.c.

local function norm(s)
  return (core.fold(s):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

local function is_word_byte(b)
  return b and (b >= 0x80 or (b >= 48 and b <= 57) or (b >= 65 and b <= 90)
                or (b >= 97 and b <= 122))
end

local function fold_map(text)
  local bytes, from, to = {}, {}, {}
  local last_space = false
  for p, c in utf8.codes(text) do
    local ch = utf8.char(c)
    local f = core.fold(ch)
    local stop = p + #ch - 1
    if f:match("^%s+$") then
      if not last_space then
        bytes[#bytes + 1] = " "; from[#bytes] = p; to[#bytes] = stop
      end
      last_space = true
    elseif #f > 0 then
      last_space = false
      for i = 1, #f do
        bytes[#bytes + 1] = f:sub(i, i); from[#bytes] = p; to[#bytes] = stop
      end
    end
  end
  return table.concat(bytes), from, to
end

local function slow_scan(text, patterns)
  local folded, from, to = fold_map(text)
  local out = {}
  for _, pat in ipairs(patterns) do
    local p = pat.folded
    local wfirst, wlast = is_word_byte(p:byte(1)), is_word_byte(p:byte(#p))
    local init = 1
    while true do
      local a = folded:find(p, init, true)
      if not a then break end
      local b = a + #p - 1
      if not (wfirst and is_word_byte(folded:byte(a - 1)))
         and not (wlast and is_word_byte(folded:byte(b + 1))) then
        out[#out + 1] = { id = pat.id, start = from[a], stop = to[b] }
      end
      init = a + 1
    end
  end
  return out
end

local function alias_patterns()
  local pats = {}
  for _, a in ipairs(kb:sql("SELECT entity, alias FROM alias ORDER BY entity, ord")) do
    pats[#pats + 1] = { id = a.entity, alias = a.alias, folded = norm(a.alias) }
  end
  return pats
end

-- Keeps the longest match per (entity, start), as the mention table does.
local function mention_set(matches, key)
  local best = {}
  for _, m in ipairs(matches) do
    local k = key .. "|" .. m.id .. "|" .. m.start
    if not best[k] or best[k] < m.stop then best[k] = m.stop end
  end
  local out = {}
  for k, stop in pairs(best) do out[k .. "|" .. stop] = true end
  return out
end

-- ---------------------------------------------------------------------

describe("the built-in knowledge base", function()
  describe("counts", function()
    it("has exactly the article's four references", function()
      assert.same({ 1, 2, 3, 4 }, ids(kb:references()))
    end)

    it("has five competing hypotheses", function()
      assert.equals(5, #kb:hypotheses())
    end)

    it("has every quotation of the article", function()
      assert.equals(21, #kb:quotes())
    end)

    it("has a plausible number of each record type", function()
      assert.is_true(#kb:entities() >= 40)
      assert.is_true(#kb:claims() >= 25)
      assert.is_true(#kb:factors{ kind = "driver" } >= 8)
      assert.is_true(#kb:factors{ kind = "irritant" } >= 8)
      assert.is_true(#kb:relations() >= 20)
      assert.is_true(#kb:events() >= 15)
      assert.is_true(count("SELECT count(*) AS n FROM ach_item") >= 12)
    end)

    it("rates every evidence item against every hypothesis", function()
      assert.equals(count("SELECT count(*) AS n FROM ach_item") * #kb:hypotheses(),
                    #kb:ratings())
    end)
  end)

  describe("evidence", function()
    it("names an existing segment in every row", function()
      assert.equals(0, count([[SELECT count(*) AS n FROM evidence e
        LEFT JOIN segment s ON s.id = e.segment WHERE s.id IS NULL]]))
    end)

    it("locates every row by a phrase that occurs in its segment", function()
      for _, r in ipairs(kb:sql([[SELECT e.record, e.phrase, s.text FROM evidence e
                                  JOIN segment s ON s.id = e.segment]])) do
        assert.is_truthy(r.text:find(r.phrase, 1, true), r.record .. ": " .. r.phrase)
      end
    end)

    it("never points at a duplicated passage", function()
      assert.equals(0, count([[SELECT count(*) AS n FROM evidence e
        JOIN segment s ON s.id = e.segment WHERE s.duplicate_of IS NOT NULL]]))
    end)

    -- an event after publication rests on its source (event_source), an
    -- ACH item about it on event records (item_basis), not on sentences
    it("backs every claim, factor, relation, event and ACH item", function()
      local own = { event = "event_source s WHERE s.event", ach_item = [[item_basis b
        WHERE b.events IS NOT NULL AND b.item]] }
      for _, t in ipairs { "claim", "factor", "relation", "event", "ach_item" } do
        local other = own[t] and string.format(" AND NOT EXISTS (SELECT 1 FROM %s = x.id)",
                                               own[t]) or ""
        assert.equals(0, count(string.format([[SELECT count(*) AS n FROM %s x
          WHERE NOT EXISTS (SELECT 1 FROM evidence e
                            WHERE e.record_type = '%s' AND e.record = x.id)%s]], t, t,
                            other)), t)
      end
      assert.is_true(count("SELECT count(*) AS n FROM event_source") > 0)
    end)

    it("returns the segments of a record, a record id or a reference number", function()
      local c = kb:claim("claim-support-rhetorical")
      local segs = kb:evidence(c)
      assert.same(c.evidence, ids(segs))
      assert.matches("likely to be rhetorical", segs[1].text, 1, true)
      assert.same(c.evidence, ids(kb:evidence("claim-support-rhetorical")))
      assert.equals("reference", kb:evidence(3)[1].kind)
      assert.equals(1, #kb:evidence("e-gas-deal"))
    end)

    it("returns an empty list for an unknown id", function()
      assert.same({}, { table.unpack(kb:evidence("no-such-record")) })
    end)

    it("rejects arguments that are neither records nor ids", function()
      assert.has_error(function() kb:evidence(true) end,
        "bad argument #1 to 'evidence' (record or record id expected, got boolean)")
    end)
  end)

  describe("quotes", function()
    it("occur verbatim in their segments", function()
      for _, q in ipairs(kb:quotes()) do
        assert.is_truthy(kb:segment(q.segment).text:find(q.text, 1, true), q.id)
      end
    end)

    it("carry one of the codebook's stance labels", function()
      local stances = set(require("sinorus.model").ENUMS.quote_stance)
      for _, q in ipairs(kb:quotes()) do assert.is_true(stances[q.stance], q.id) end
    end)

    it("keep Karaganov's Cyrillic letter as the article spells it", function()
      local q = kb:quotes{ speaker = "Karaganov" }[1]
      assert.matches("rapprochement with \u{421}hina", q.text, 1, true)
    end)

    it("are listed in the order of the text", function()
      local qs = kb:quotes()
      assert.equals("q-strategic-partner", qs[1].id)
      assert.equals("q-development", qs[#qs].id)
    end)
  end)

  describe("claims", function()
    it("find their estimative expression in one of their evidence segments", function()
      for _, c in ipairs(kb:claims()) do
        if c.estimative then
          local found = false
          for _, s in ipairs(kb:evidence(c)) do
            if s.text:find(c.estimative, 1, true) then found = true end
          end
          assert.is_true(found, c.id)
        end
      end
    end)

    -- data/README.md section 3: the band is the probability that the text,
    -- as worded, is true; a text that denies the graded event stores the
    -- complement, and says so in its note
    it("take their band from the estimative scale, complemented when the text denies it", function()
      local data = coded("claims.lua")
      for _, c in ipairs(kb:claims()) do
        local d = data[c.id]
        if c.estimative and not d.p_low then
          local e = assert(core.estimate(c.estimative, c.scale), c.id)
          local lo, hi = e.p_low, e.p_high
          if d.denies then lo, hi = 1 - hi, 1 - lo; assert.is_string(c.note, c.id) end
          assert.near(lo, c.p_low, 1e-12, c.id)
          assert.near(hi, c.p_high, 1e-12, c.id)
        elseif c.p_low then
          assert.is_string(c.note, c.id)
        else
          assert.is_nil(c.estimative and c.p_high, c.id)
        end
      end
    end)

    it("give every band an upper bound above even: a claim is the authors' judgment", function()
      for _, c in ipairs(kb:claims()) do
        if c.p_high then assert.is_true(c.p_high > 0.5, c.id) end
      end
    end)

    it("put the rejected scenarios with a band among the claims at least even", function()
      local high = set(ids(kb:claims{ min_p = 0.5 }))
      local n = 0
      for _, c in ipairs(kb:claims{ topic = "rejected" }) do
        if c.p_low then n = n + 1; assert.is_true(high[c.id], c.id) end
      end
      assert.is_true(n >= 1)
      assert.same({}, ids(kb:claims{ topic = "rejected", max_p = 0.5 }))
    end)

    it("keep a denied claim's band when an update changes another field", function()
      local path = os.tmpname()
      os.remove(path)
      path = path .. ".sqlite"
      local w = assert(sinorus.open(path, { create = true, article = true }))
      local before = w:claim("claim-shield-scenario-unlikely")
      assert.same({ 0.55, 0.80 }, { before.p_low, before.p_high })
      w:update_claim("claim-shield-scenario-unlikely", { text = "The shield scenario will not happen." })
      local after = w:claim("claim-shield-scenario-unlikely")
      assert.same({ before.p_low, before.p_high, before.scale },
                  { after.p_low, after.p_high, after.scale })
      -- and a plain claim keeps its own band
      w:update_claim("claim-support-rhetorical", { text = "Support stays rhetorical." })
      assert.same({ 0.55, 0.80 }, { w:claim("claim-support-rhetorical").p_low,
                                    w:claim("claim-support-rhetorical").p_high })
      w:close()
      os.remove(path)
    end)

    it("never take a comparative or a conviction adverb as their estimative", function()
      for _, c in ipairs(kb:claims()) do
        if c.estimative then
          assert.is_nil(c.estimative:find("certainly", 1, true), c.id)
          assert.is_nil(c.estimative:find("clearly", 1, true), c.id)
          assert.is_truthy(core.estimate(c.estimative, c.scale or "icd203") or c.p_low, c.id)
        end
      end
      -- the article's comparatives are on record in the notes, without a band
      for _, id in ipairs { "claim-joint-action-far-less-likely",
                            "claim-parallel-attack-far-less-likely",
                            "claim-long-term-alignment-possible" } do
        local c = kb:claim(id)
        assert.is_nil(c.p_low, id)
        assert.matches("comparative", c.note, 1, true)
      end
    end)

    it("record every hedge of their evidence sentences in some claim (one sentence, one hedge each)",
       function()
      -- a claim's sentence with a hedge the claim does not carry must have
      -- another claim on the same sentence that does (claim splitting rule)
      local by_seg = {}
      for _, c in ipairs(kb:claims()) do
        for _, sg in ipairs(kb:evidence(c)) do
          by_seg[sg.id] = by_seg[sg.id] or { text = sg.text, hedges = {} }
          if c.estimative then by_seg[sg.id].hedges[c.estimative] = true end
        end
      end
      local data = coded("claims.lua")
      for _, c in ipairs(kb:claims()) do
        local seg = kb:evidence(c)[1]
        for _, h in ipairs(sinorus.hedges(seg.text)) do
          if not c.estimative and not (data[c.id].note or ""):find(h.text, 1, true) then
            local covered = false
            for e in pairs(by_seg[seg.id].hedges) do
              if h.text:find(e, 1, true) or e:find(h.text, 1, true) then covered = true end
            end
            assert.is_true(covered, c.id .. ": " .. h.text)
          end
        end
      end
    end)

    it("return nil for an unknown id", function()
      assert.is_nil(kb:claim("claim-nonexistent"))
    end)
  end)

  describe("entities", function()
    it("are used only by existing ids", function()
      for _, q in ipairs {
        "SELECT entity AS id FROM claim_about", "SELECT src AS id FROM relation",
        "SELECT dst AS id FROM relation", "SELECT entity AS id FROM event_actor",
        "SELECT speaker AS id FROM quote", "SELECT entity AS id FROM mention",
        "SELECT entity AS id FROM alias",
      } do
        assert.equals(0, count("SELECT count(*) AS n FROM (" .. q ..
          ") WHERE id NOT IN (SELECT id FROM entity)"), q)
      end
    end)

    it("resolve every name and alias, in any case", function()
      for _, e in ipairs(kb:entities()) do
        for _, a in ipairs { e.name, table.unpack(e.aliases) } do
          assert.equals(e.id, kb:entity(a).id, a)
          assert.equals(e.id, kb:entity(a:upper()).id, a)
          assert.equals(e.id, kb:entity(a:lower()).id, a)
        end
      end
    end)

    it("resolve capitals and adjectives to their states", function()
      assert.equals("China", kb:entity("Beijing").name)
      assert.equals("china", kb:entity("beijing").id)
      assert.equals("russia", kb:entity("Kremlin").id)
      assert.equals("ukraine", kb:entity("Kiev").id)
      assert.equals("united-states", kb:entity("U.S.").id)
      assert.equals("trenin", kb:entity("Dmitri Trenin").id)
    end)

    it("resolve ids as well as names", function()
      assert.equals("Vladimir Putin", kb:entity("putin").name)
    end)

    it("do not take the pronoun 'us' for the United States", function()
      assert.is_nil(kb:entity("us"))
    end)

    it("return nil for an unknown name", function()
      assert.is_nil(kb:entity("Narnia"))
    end)

    it("list aliases without the name", function()
      local e = kb:entity("China")
      assert.same({ "Chinese", "Beijing", "Sino", "PRC", "People's Republic of China",
                    "中国", "中华人民共和国", "北京", "中方", "Китай", "КНР", "Пекин" },
                  { table.unpack(e.aliases) })
    end)

    it("filter by kind", function()
      for _, e in ipairs(kb:entities{ kind = "person" }) do
        assert.equals("person", e.kind)
      end
      assert.is_true(set(ids(kb:entities{ kind = "person" }))["wang-yi"])
    end)
  end)

  describe("mentions", function()
    it("agree with a slow reference matcher on the whole article", function()
      local text = kb:text(1)
      local pats = alias_patterns()
      local m = core.matcher()
      for i, p in ipairs(pats) do m:add(p.alias, i) end
      m:compile()
      local fast = {}
      for i, hit in ipairs(m:scan(text)) do
        fast[i] = { id = pats[hit.id].id, start = hit.start, stop = hit.stop }
      end
      local a, b = mention_set(fast, "t"), mention_set(slow_scan(text, pats), "t")
      assert.same(b, a)
      assert.is_true(next(a) ~= nil)
    end)

    it("are stored for every segment exactly as the reference matcher finds them, "
       .. "a paragraph keeping those across its sentences", function()
      local pats = alias_patterns()
      local want = {}
      for _, s in ipairs(kb:sql("SELECT id, kind, start, text FROM segment")) do
        local sentences = s.kind == "paragraph"
          and kb:sql("SELECT start, stop FROM segment WHERE parent = ?", s.id) or {}
        for _, m in ipairs(slow_scan(s.text, pats)) do
          m.start, m.stop = s.start + m.start - 1, s.start + m.stop - 1
          local inside = false
          for _, c in ipairs(sentences) do
            if c.start <= m.start and m.stop <= c.stop then inside = true end
          end
          if not inside then
            for k in pairs(mention_set({ m }, tostring(s.id))) do want[k] = true end
          end
        end
      end
      -- the stored table keeps one (longest) span per segment, entity and start
      local best = {}
      for k in pairs(want) do
        local seg, ent, start, stop = k:match("^(%d+)|(.-)|(%d+)|(%d+)$")
        local key = seg .. "|" .. ent .. "|" .. start
        if not best[key] or best[key] < tonumber(stop) then best[key] = tonumber(stop) end
      end
      local expected, got = {}, {}
      for k, stop in pairs(best) do expected[k .. "|" .. stop] = true end
      for _, r in ipairs(kb:sql("SELECT segment, entity, start, stop FROM mention")) do
        got[r.segment .. "|" .. r.entity .. "|" .. r.start .. "|" .. r.stop] = true
      end
      assert.same(expected, got)
    end)

    it("list the segments of an entity named by any alias, with spans", function()
      local ms = kb:mentions("Beijing")
      assert.is_true(#ms > 20)
      local text = kb:text(1)
      for _, m in ipairs(ms) do
        assert.equals("china", m.entity)
        assert.is_true(#m.spans >= 1)
        for _, sp in ipairs(m.spans) do
          assert.equals(sp.text, text:sub(sp.start, sp.stop))
        end
      end
    end)

    it("find Sino-Russian as a mention of both partners", function()
      local seg = kb:sql("SELECT id FROM segment WHERE kind = 'heading' AND text LIKE 'A Sino%'")[1].id
      local function has(e)
        for _, m in ipairs(kb:mentions(e, { kind = "heading" })) do
          if m.segment == seg then return true end
        end
        return false
      end
      assert.is_true(has("china"))
      assert.is_true(has("russia"))
    end)

    it("list paragraphs only when asked", function()
      for _, m in ipairs(kb:mentions("Wang Yi", { kind = "paragraph" })) do
        assert.equals("paragraph", m.kind)
      end
      for _, m in ipairs(kb:mentions("Wang Yi")) do
        assert.is_true(m.kind ~= "paragraph")
      end
    end)

    it("reject an unknown entity", function()
      assert.has_error(function() kb:mentions("Narnia") end,
        "bad argument #1 to 'mentions' (unknown entity 'Narnia')")
    end)
  end)

  describe("factors", function()
    local wording = require "sinorus.wording"
    local data = coded("factors.lua")

    -- data/README.md section 4: weights come from the wording by one rule
    it("take weight, range and coupling from their coded wording by the rule", function()
      for _, f in ipairs(kb:factors()) do
        local d = assert(data[f.id], f.id)
        assert.is_nil(d.weight, f.id)
        local w = assert(wording.derive(d.wording))
        assert.same({ w.weight, w.range[1], w.range[2], w.coupling },
                    { f.weight, f.w_low, f.w_high, f.coupling }, f.id)
      end
    end)

    it("rest a hedged factor on a hedged sentence and an unhedged one on an unhedged one",
       function()
      for _, f in ipairs(kb:factors()) do
        local first = kb:evidence(f)[1]
        local hedged = #sinorus.hedges(first.text) > 0
        if data[f.id].wording.hedged then assert.is_true(hedged, f.id) end
      end
    end)

    it("rest a repeated factor on at least two distinct sentences", function()
      for _, f in ipairs(kb:factors()) do
        if data[f.id].wording.repeated then
          local segs = {}
          for _, s in ipairs(kb:evidence(f)) do segs[s.id] = true end
          local n = 0
          for _ in pairs(segs) do n = n + 1 end
          assert.is_true(n >= 2, f.id)
        end
      end
    end)

    it("name the wording behind the weight in `why`", function()
      for _, f in ipairs(kb:factors()) do
        local strength = data[f.id].wording.strength
        assert.matches(strength:sub(1, 1):upper() .. strength:sub(2), f.why, 1, true)
      end
    end)

    it("do not count one cause twice: no evidence phrase serves two factors", function()
      local seen = {}
      for id, d in pairs(data) do
        for _, phrase in ipairs(d.evidence) do
          assert.is_nil(seen[phrase], id .. " and " .. tostring(seen[phrase]))
          seen[phrase] = id
        end
      end
    end)
  end)

  describe("relations and events", function()
    it("use the codebook's closed vocabulary of relation types", function()
      local types = set(require("sinorus.model").ENUMS.relation_type)
      for _, r in ipairs(kb:relations()) do assert.is_true(types[r.type], r.id) end
    end)

    it("code a tie that rests on a rejected scenario's own words as neutral and weak", function()
      local rejected = {}
      local claims = coded("claims.lua")
      for _, c in ipairs(kb:claims{ topic = "rejected" }) do
        for _, phrase in ipairs(claims[c.id].evidence) do rejected[phrase] = c.id end
      end
      local n = 0
      for id, r in pairs(coded("relations.lua")) do
        for _, phrase in ipairs(r.evidence) do
          if rejected[phrase] then
            n = n + 1
            assert.equals(0, r.sign, id)
            assert.is_true(r.weight <= 0.2, id)
          end
        end
      end
      assert.is_true(n >= 1)
    end)

    it("code an article event from its acting state or organisation towards a second actor",
       function()
      local kind = {}
      for _, e in ipairs(kb:entities()) do kind[e.id] = e.kind end
      for _, e in ipairs(kb:events()) do
        if e.cameo and not e.source_url then
          assert.is_true(#e.actors >= 2, e.id)
          local k = kind[e.actors[1]]
          assert.is_true(k == "state" or k == "organization" or k == "company", e.id)
        end
      end
    end)

    it("give one CAMEO code one Goldstein weight", function()
      local g = {}
      for _, e in ipairs(kb:events()) do
        if e.cameo then
          g[e.cameo] = g[e.cameo] or e.goldstein
          assert.equals(g[e.cameo], e.goldstein, e.id)
        end
      end
    end)
  end)

  describe("filters", function()
    it("select claims about an entity named by an alias, with 'both' in each horizon", function()
      local cs = kb:claims{ about = "Beijing", horizon = "short" }
      assert.is_true(#cs > 5)
      for _, c in ipairs(cs) do
        assert.is_true(set(c.about).china)
        assert.is_true(c.horizon == "short" or c.horizon == "both")
      end
    end)

    it("select only claims coded 'both' with horizon = 'both'", function()
      for _, c in ipairs(kb:claims{ horizon = "both" }) do
        assert.equals("both", c.horizon)
      end
    end)

    it("keep claims whose whole band lies within min_p and max_p", function()
      local cs = kb:claims{ min_p = 0.55, max_p = 0.8 }
      assert.is_true(#cs >= 3)
      for _, c in ipairs(cs) do
        assert.is_true(c.p_low >= 0.55 and c.p_high <= 0.8)
      end
    end)

    it("select claims by topic", function()
      for _, c in ipairs(kb:claims{ topic = "taiwan" }) do
        assert.is_true(set(c.topics).taiwan)
      end
    end)

    it("select factors by kind, horizon and domain", function()
      for _, f in ipairs(kb:factors{ kind = "irritant", horizon = "long", domain = "regional" }) do
        assert.equals("irritant", f.kind)
        assert.is_true(f.horizon == "long" or f.horizon == "both")
        assert.equals("regional", f.domain)
      end
      assert.same({ "irr-central-asia" },
                  ids(kb:factors{ kind = "irritant", horizon = "long", domain = "regional" }))
    end)

    it("select relations by endpoints named by aliases, type and sign", function()
      local rs = kb:relations{ from = "Moscow", to = "Beijing" }
      assert.is_true(#rs >= 1)
      for _, r in ipairs(rs) do
        assert.equals("russia", r.from)
        assert.equals("china", r.to)
      end
      for _, r in ipairs(kb:relations{ sign = -1, type = "opposition" }) do
        assert.equals(-1, r.sign)
        assert.equals("opposition", r.type)
      end
    end)

    it("select events by partial dates and actor", function()
      local evs = kb:events{ from = "2022" }
      assert.is_true(#evs >= 4)
      for _, e in ipairs(evs) do assert.is_true(e.date >= "2022") end
      assert.same({ "ev-crimea-occupation", "ev-unsc-crimea-2014" },
                  ids(kb:events{ from = "2014", to = "2014-12" }))
      for _, e in ipairs(kb:events{ actor = "Skyrizon" }) do
        assert.is_true(set(e.actors).skyrizon)
      end
    end)

    it("list events in date order with CAMEO codes and Goldstein weights", function()
      local last = ""
      for _, e in ipairs(kb:events()) do
        assert.is_true(e.date >= last)
        last = e.date
        assert.is_true(e.cameo == nil or e.cameo:match("^%d%d%d?%d?$") ~= nil)
        assert.is_true(e.goldstein == nil or (e.goldstein >= -10 and e.goldstein <= 10))
        assert.is_string(e.date_source)
      end
    end)

    it("select quotes by speaker", function()
      assert.same({ "q-wang-yi-sovereignty", "q-wang-yi-no-exception" },
                  ids(kb:quotes{ speaker = "Wang Yi" }))
    end)

    it("select ratings by hypothesis", function()
      for _, r in ipairs(kb:ratings{ hypothesis = "h-shield" }) do
        assert.equals("h-shield", r.hypothesis)
      end
    end)

    it("page every listing with limit and offset", function()
      local all = ids(kb:claims())
      assert.same({ all[3], all[4] }, ids(kb:claims{ limit = 2, offset = 2 }))
      assert.equals(2, #kb:entities{ limit = 2 })
      assert.same({ 4 }, ids(kb:references{ offset = 3 }))
      assert.equals(1, #kb:mentions("China", { limit = 1 }))
    end)

    it("give references their DOIs or URLs and segments", function()
      for _, r in ipairs(kb:references()) do
        assert.is_true(r.doi ~= nil or r.url ~= nil)
        assert.equals("reference", kb:segment(r.segment).kind)
      end
      assert.equals("10.1017/S0305741017000601", kb:references()[3].doi)
    end)
  end)

  describe("bad input", function()
    it("names the valid keys for an unknown filter key", function()
      assert.has_error(function() kb:claims{ abut = "China" } end,
        "bad argument #1 to 'claims' (unknown filter key 'abut'; valid keys: " ..
        "about, as_of, horizon, limit, max_p, min_p, offset, topic)")
      assert.has_error(function() kb:factors{ sign = 1 } end,
        "bad argument #1 to 'factors' (unknown filter key 'sign'; valid keys: " ..
        "domain, horizon, kind, limit, offset)")
      assert.has_error(function() kb:references{ year = 2019 } end,
        "bad argument #1 to 'references' (unknown filter key 'year'; valid keys: " ..
        "limit, offset, source)")
    end)

    it("rejects a filter that is not a table", function()
      assert.has_error(function() kb:claims("China") end,
        "bad argument #1 to 'claims' (table expected, got string)")
    end)

    it("rejects a filter naming an unknown entity", function()
      assert.has_error(function() kb:claims{ about = "Narnia" } end,
        "bad argument #1 to 'claims' (unknown entity 'Narnia' in 'about')")
    end)

    it("rejects an unknown horizon", function()
      assert.has_error(function() kb:claims{ horizon = "medium" } end,
        "bad argument #1 to 'claims' (invalid option 'medium'; expected one of: short, long, both)")
    end)

    it("rejects probabilities outside [0, 1]", function()
      assert.has_error(function() kb:claims{ min_p = 2 } end,
        "bad argument #1 to 'claims' ('min_p' must be a number in [0, 1], got 2)")
    end)

    it("rejects malformed dates", function()
      assert.has_error(function() kb:events{ from = "Feb 2022" } end,
        "bad argument #1 to 'events' ('from' must be a date (YYYY, YYYY-MM or YYYY-MM-DD), got Feb 2022)")
    end)

    it("rejects a name that is not a string", function()
      assert.has_error(function() kb:entity(42) end,
        "bad argument #1 to 'entity' (string expected, got number)")
      assert.has_error(function() kb:claim() end,
        "bad argument #1 to 'claim' (string expected, got no value)")
    end)
  end)
end)

-- ---------------------------------------------------------------------

describe("the data loader", function()
  local load = require "kbdata"
  local article do
    local f = assert(io.open("data/abb-polianskii-2022/article.txt", "rb"))
    article = f:read("a")
    f:close()
  end

  local function with_kb(dir)
    local path = os.tmpname()
    os.remove(path)
    path = path .. ".sqlite"
    local k = assert(sinorus.open(path, { create = true, empty = true }))
    internal.add_source(k, { title = "fixture", authors = {}, text = article })
    local ok, err = pcall(load, k, "spec/fixtures/baddata/" .. dir)
    k:close()
    os.remove(path)
    return ok, err
  end

  it("fails on a phrase that occurs nowhere", function()
    local ok, err = with_kb("notfound")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/notfound/claims.lua: claim 'claim-bad': " ..
      "evidence phrase not found: \"Beijing has pledged troops to Moscow\"", err)
  end)

  it("fails on a phrase found in two different sentences", function()
    local ok, err = with_kb("ambiguous")
    assert.is_false(ok)
    assert.matches("^spec/fixtures/baddata/ambiguous/claims%.lua: claim 'claim%-bad': " ..
      "evidence phrase ambiguous %(segments %d+, %d+.*%): \"Sino%-Russian cooperation\"$", err)
  end)

  it("fails on an unknown entity id", function()
    local ok, err = with_kb("unknown-entity")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/unknown-entity/claims.lua: claim 'claim-bad': " ..
      "unknown entity 'narnia' in 'about'", err)
  end)

  it("fails on an unknown field, naming the valid ones", function()
    local ok, err = with_kb("bad-field")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/bad-field/claims.lua: claim 'claim-bad': " ..
      "unknown field 'horizn' (valid fields: about, denies, estimative, evidence, horizon, " ..
      "id, note, p_high, p_low, scale, text, topics)", err)
  end)

  it("fails on the codebook's rules: a typed weight, an unknown relation type or stance, "
     .. "a denial without a hedge", function()
    local cases = {
      { "typed-weight", "factors.lua: factor 'drv-bad': field 'wording': the coded data give "
        .. "the wording features, not weights" },
      { "relation-type", "relations.lua: relation 'rel-bad': field 'type': \"friendship\" is "
        .. "not in the codebook's relation types (" },
      { "quote-stance", "quotes.lua: quote 'q-bad': field 'stance': \"hopeful\" is not one of "
        .. "the codebook's stances (" },
      { "denied-flat", "claims.lua: claim 'claim-bad': field 'denies': needs an estimative "
        .. "expression and no explicit band" },
    }
    for _, c in ipairs(cases) do
      local ok, err = with_kb(c[1])
      assert.is_false(ok)
      assert.equals("spec/fixtures/baddata/" .. c[1] .. "/" .. c[2], err:sub(1, #("spec/fixtures/baddata/" .. c[1] .. "/" .. c[2])))
    end
  end)

  it("fails on a hedge that is on no scale when no band is given", function()
    local ok, err = with_kb("bad-estimative")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/bad-estimative/claims.lua: claim 'claim-bad': " ..
      "unknown estimative term 'not an unavoidable trend' on scale 'icd203' " ..
      "(give p_low and p_high with a note)", err)
  end)

  it("fails on a forecast of an unknown claim, a resolution without its forecast, "
     .. "and an unknown event", function()
    local cases = {
      { "forecast-claim", "forecasts.lua: forecast 'fc-bad': field 'claim': unknown claim " ..
        "'claim-missing'" },
      { "resolution-orphan", "resolutions.lua: resolution 'fc-other': field 'id': no " ..
        "forecast 'fc-other' (a resolution's id is its forecast's)" },
      { "resolution-event", "resolutions.lua: resolution 'fc-ok': field 'events': unknown " ..
        "event 'hs-missing'" },
      { "item-event", "hypotheses.lua: item 'e-bad': field 'events': unknown event " ..
        "'hs-missing'" },
    }
    for _, c in ipairs(cases) do
      local ok, err = with_kb(c[1])
      assert.is_false(ok)
      assert.equals("spec/fixtures/baddata/" .. c[1] .. "/" .. c[2], err)
    end
  end)

  it("fails on a rating of an unknown hypothesis", function()
    local ok, err = with_kb("bad-rating")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/bad-rating/hypotheses.lua: item 'e-bad': " ..
      "rating for unknown hypothesis 'h-c'", err)
  end)

  it("fails on an item rating a hypothesis of another question", function()
    local ok, err = with_kb("cross-question")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/cross-question/hypotheses.lua: item 'e-bad': " ..
      "field 'ratings': hypothesis 'h-b' answers question 'q-b', not 'q-a'", err)
  end)

  it("fails on a hypothesis without its question when the file has several", function()
    local ok, err = with_kb("no-question")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/no-question/hypotheses.lua: hypothesis 'h-a': " ..
      "missing field 'question'", err)
  end)

  it("loads the real data into a fresh knowledge base", function()
    local path = os.tmpname()
    os.remove(path)
    path = path .. ".sqlite"
    local k = assert(sinorus.open(path, { create = true, empty = true }))
    internal.add_source(k, { title = "fixture", authors = {}, text = article })
    load(k, "data/abb-polianskii-2022/kb")
    assert.equals(#kb:claims(), #k:claims())
    assert.equals(count("SELECT count(*) AS n FROM mention"),
                  k:sql("SELECT count(*) AS n FROM mention")[1].n)
    k:close()
    os.remove(path)
  end)
end)

-- ---------------------------------------------------------------------
-- Many sources (issue 13, item 2)

describe("a knowledge base of two coded documents", function()
  local BUILD = os.getenv("SINORUS_BUILD") or "build"
  local path, two

  setup(function()
    path = os.tmpname()
    os.remove(path)
    path = path .. ".sqlite"
    local cmd = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;tools/?.lua;;' " ..
      "LUA_CPATH='%s/stage0/?.so;;' lua5.4 tools/mkkb.lua %s data/abb-polianskii-2022 " ..
      "spec/fixtures/second-source >/dev/null", BUILD, path)
    assert(os.execute(cmd))
    two = assert(sinorus.open(path, { readonly = true }))
  end)
  teardown(function()
    two:close()
    os.remove(path)
  end)

  it("is built from one folder per document, in name order", function()
    local s = two:sources()
    assert.equal(2, #s)
    assert.equal(kb:sources()[1].title, s[1].title)
    assert.equal("Field notes on Central Asia", s[2].title)
    assert.equal(#kb:claims() + 1, #two:claims())
  end)

  it("lets a folder name the entities of a folder loaded before it", function()
    assert.same({ "kazakhstan", "china" }, two:claim("claim-kz-hedges").about)
  end)

  it("resolves evidence in the record's own document", function()
    local seg = two:segment(two:claim("claim-kz-hedges").evidence[1])
    assert.equal(2, seg.source)
  end)

  it("keys references by source and number", function()
    assert.same({ 1, 2 }, { two:references { source = 1 }[1].source,
                            two:references { source = 2 }[1].source })
    assert.equal("Hedging on the steppe", two:reference(1, 2).title)
    assert.equal(kb:reference(1).title, two:reference(1, 1).title)
    assert.has_error(function() two:reference(1) end,
      "bad argument #1 to 'reference' (reference 1 is in sources 1, 2; give the source " ..
      "as argument #2)")
    assert.equal(2, two:evidence(two:reference(1, 2))[1].source)
    assert.has_error(function() two:evidence(1) end,
      "bad argument #1 to 'evidence' (reference 1 is in sources 1, 2; give the record)")
  end)

  it("scopes each ACH matrix to its question", function()
    assert.same({ "q-china-stance", "q-kz-hedging" },
                { two:questions()[1].id, two:questions()[2].id })
    assert.equal(2, #two:hypotheses { question = "q-kz-hedging" })
    assert.equal(#kb:hypotheses(), #two:hypotheses { question = "q-china-stance" })
    assert.equal("h-kz-china", two:ach { question = "q-kz-hedging" }.top)
    assert.equal(kb:ach().top, two:ach { question = "q-china-stance" }.top)
    assert.same({ "e-kz-bri" }, { two:items { question = "q-kz-hedging" }[1].id })
    assert.equal(2, #two:ratings { question = "q-kz-hedging" })
  end)

  it("asks for the question when there are several, naming them", function()
    assert.has_error(function() two:ach() end,
      "bad argument #1 to 'ach' (the knowledge base has several questions " ..
      "(q-china-stance, q-kz-hedging); choose one with 'question')")
    assert.has_error(function() two:ach { question = "q-x" } end,
      "bad argument #1 to 'ach' (unknown question 'q-x'; questions: q-china-stance, " ..
      "q-kz-hedging)")
    assert.has_error(function() two:hypotheses { question = "q-x" } end,
      "bad argument #1 to 'hypotheses' (unknown question 'q-x'; questions: " ..
      "q-china-stance, q-kz-hedging)")
  end)

  it("tags the mentions of every document with every entity", function()
    assert.is_true(#two:mentions("Kazakhstan") > 0)
    local in_notes = false
    for _, m in ipairs(two:mentions("China")) do
      if two:segment(m.segment).source == 2 then in_notes = true end
    end
    assert.is_true(in_notes)
  end)
end)

-- Loads a data folder into a copy of the article with a second source,
-- the folder's records resting on that source; returns pcall's results.
local function load_after_article(dir)
  local load = require "kbdata"
  local path = os.tmpname()
  os.remove(path)
  local k = assert(sinorus.open(path, { create = true, article = true }))
  local id = internal.add_source(k, { title = "other", text = "Short notes on China." })
  local ok, err = pcall(load, k, dir, id)
  k:close()
  os.remove(path)
  return ok, err
end

describe("the data loader with two sources", function()
  it("resolves an evidence phrase in the source it loads, not in another", function()
    local ok, err = load_after_article("spec/fixtures/baddata/other-source")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/other-source/claims.lua: claim 'claim-bad': " ..
      "evidence phrase not found: \"make it acutely vulnerable to secondary sanctions\"", err)
  end)

  it("refuses an id that a source loaded before defines", function()
    local ok, err = load_after_article("spec/fixtures/baddata/dup-across")
    assert.is_false(ok)
    assert.equals("spec/fixtures/baddata/dup-across/entities.lua: entity 'china': " ..
      "duplicate id (a source loaded before defines it)", err)
  end)
end)
