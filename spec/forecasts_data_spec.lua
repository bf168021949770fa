-- The data of issue 14 (data/abb-polianskii-2022: kb/forecasts.lua,
-- kb/resolutions.lua, the events after publication in kb/events.lua, the
-- ACH items after the article in kb/hypotheses.lua, hindsight_rules.lua),
-- checked beyond what the loader checks: every reference resolves, every evidence phrase
-- is the article's, every event rests on a row of HINDSIGHT.md, every
-- derived field (dates, bands, outcomes) follows its documented rule.
--
-- Each check returns a list of problems (strings); the data must give none,
-- and a few broken copies must give the expected one, so that no check can
-- pass vacuously. Checks that need ../shared/corpus/HINDSIGHT.md (outside
-- the repository) are pending when it cannot be found; SINORUS_CORPUS names
-- its folder explicitly.

local sinorus = require "sinorus"
local core = require "sinorus.core"
local fs = require "spec.support.fs"

local read = fs.slurp

-- ---------------------------------------------------------------------
-- Reading data files

-- Runs a data file whose only names are the given constructors (all names
-- when constructors is nil, for the KB files this spec only reads); returns
-- the records grouped by constructor, in order.
local function load_records(path, constructors)
  local src = assert(read(path), "cannot read " .. path)
  local out, env = {}, {}
  local function collector(name)
    out[name] = out[name] or {}
    return function(t)
      assert(type(t) == "table", name .. " expects a table")
      local list = out[name]
      list[#list + 1] = t
    end
  end
  if constructors then
    for _, name in ipairs(constructors) do env[name] = collector(name) end
  end
  setmetatable(env, {
    __index = function(_, k)
      if constructors then error("unknown name '" .. tostring(k) .. "' in " .. path, 2) end
      return collector(k)
    end,
    __newindex = function(_, k) error("assignment to global '" .. tostring(k) .. "' in " .. path, 2) end,
  })
  assert(load(src, "@" .. path, "t", env))()
  return out
end

local function by_id(list, key)
  local m = {}
  for _, r in ipairs(list or {}) do m[r[key or "id"]] = r end
  return m
end

local function copy(t)
  if type(t) ~= "table" then return t end
  local c = {}
  for k, v in pairs(t) do c[k] = copy(v) end
  return c
end

local function nonempty(s) return type(s) == "string" and s:match("%S") ~= nil end

-- The corpus folder, or nil.
local function corpus_dir()
  local candidates = { os.getenv("SINORUS_CORPUS"), "../shared/corpus", "../../shared/corpus" }
  for i = 1, 3 do
    local d = candidates[i]
    if d and read(d .. "/HINDSIGHT.md") then return d end
  end
  return nil
end

-- ---------------------------------------------------------------------
-- Dates: ISO 8601 "YYYY", "YYYY-MM" or "YYYY-MM-DD"

local function days_in(y, m)
  local leap = (y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0
  return ({ 31, leap and 29 or 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 })[m]
end

local function valid_date(d)
  if type(d) ~= "string" then return false end
  local y, m, dd = d:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if y then
    y, m, dd = tonumber(y), tonumber(m), tonumber(dd)
    return m >= 1 and m <= 12 and dd >= 1 and dd <= days_in(y, m)
  end
  y, m = d:match("^(%d%d%d%d)%-(%d%d)$")
  if y then m = tonumber(m); return m >= 1 and m <= 12 end
  return d:match("^%d%d%d%d$") ~= nil
end

local function full_date(d)
  return type(d) == "string" and d:match("^%d%d%d%d%-%d%d%-%d%d$") ~= nil and valid_date(d)
end

-- First and last day of the period a (valid) date names.
local function period_start(d)
  if #d == 4 then return d .. "-01-01" end
  if #d == 7 then return d .. "-01" end
  return d
end

local function period_end(d)
  if #d == 4 then return d .. "-12-31" end
  if #d == 7 then
    local y, m = d:match("^(%d+)%-(%d+)$")
    return string.format("%s-%02d", d, days_in(tonumber(y), tonumber(m)))
  end
  return d
end

local function plus_one_year(d)
  local y, m, dd = d:match("^(%d+)%-(%d+)%-(%d+)$")
  y, m, dd = tonumber(y) + 1, tonumber(m), tonumber(dd)
  return string.format("%04d-%02d-%02d", y, m, math.min(dd, days_in(y, m)))
end

-- ---------------------------------------------------------------------
-- The article and its segments

local ARTICLE = assert(read("data/abb-polianskii-2022/article.txt"))

-- An evidence phrase resolves as tools/kbdata.lua resolves it: to the one
-- sentence, heading or reference entry (duplicates counting as their
-- original) that holds it, else to the one paragraph.
local SEGMENTS
do
  local kb = sinorus.open()
  SEGMENTS = kb:sql([[SELECT id, kind, duplicate_of, text FROM segment ORDER BY source, ord]])
  kb:close()
end

local function resolve_phrase(phrase)
  local byid = {}
  for _, s in ipairs(SEGMENTS) do byid[s.id] = s end
  local function original(s)
    local n = 0
    while s.duplicate_of and byid[s.duplicate_of] and n < 100 do
      s, n = byid[s.duplicate_of], n + 1
    end
    return s
  end
  for _, paragraphs in ipairs { false, true } do
    local found, seen = {}, {}
    for _, s in ipairs(SEGMENTS) do
      if (s.kind == "paragraph") == paragraphs and s.text:find(phrase, 1, true) then
        local o = original(s)
        if not seen[o.id] then seen[o.id] = true; found[#found + 1] = o.id end
      end
    end
    if #found == 1 then return found[1] end
    if #found > 1 then return nil, "ambiguous" end
  end
  return nil, "not found"
end

-- Whether word occurs in text as a whole word, after folding both.
local function has_word(text, word)
  local t, w = core.fold(text), core.fold(word)
  local init = 1
  while true do
    local a, b = t:find(w, init, true)
    if not a then return false end
    local before, after = t:sub(a - 1, a - 1), t:sub(b + 1, b + 1)
    if not before:match("[%w\128-\255]") and not after:match("[%w\128-\255]") then return true end
    init = a + 1
  end
end

-- ---------------------------------------------------------------------
-- The data

-- The records of what followed the article share the files of the
-- article's: events after publication are those whose id starts "hs-" (one
-- per row of HINDSIGHT.md), the entities they added those whose
-- description says they come from HINDSIGHT.md; the checks below hold each
-- part to its own rules.
local function after(e) return e.id:match("^hs%-") ~= nil end
local function added(n) return (n.description or ""):find("HINDSIGHT.md", 1, true) ~= nil end
local function split(list, pred)
  local yes, no = {}, {}
  for _, r in ipairs(list) do
    local into = pred(r) and yes or no
    into[#into + 1] = r
  end
  return yes, no
end
local HS_EVENTS, ARTICLE_EVENTS = split(load_records("data/abb-polianskii-2022/kb/events.lua").event,
                                        after)
local HS_ENTITIES, ARTICLE_ENTITIES = split(
  load_records("data/abb-polianskii-2022/kb/entities.lua").entity, added)
local KB = {
  claims = by_id(load_records("data/abb-polianskii-2022/kb/claims.lua").claim),
  entities = by_id(ARTICLE_ENTITIES),
  events = by_id(ARTICLE_EVENTS),
}
do
  local h = load_records("data/abb-polianskii-2022/kb/hypotheses.lua")
  -- the items after the article are those that rest on events
  local after_items, article_items = split(h.item, function(it) return it.events ~= nil end)
  KB.hypotheses, KB.items, KB.after_items = h.hypothesis, by_id(article_items), after_items
end

-- The records of the folder grouped as the checks read them: a forecast
-- that has no proposition and is resolved "unresolvable" is an
-- `unresolvable {claim, reason}`; a resolution names its forecast.
local FOLDER = "data/abb-polianskii-2022/"
local function load_drafts()
  local rules = load_records(FOLDER .. "hindsight_rules.lua",
    { "publication", "horizon_rule", "definition", "not_forecast", "outcome_value",
      "cameo_code" })
  local fc = load_records(FOLDER .. "kb/forecasts.lua", { "forecast" }).forecast
  local res = load_records(FOLDER .. "kb/resolutions.lua", { "resolution" }).resolution
  local forecasts = { publication = rules.publication, horizon_rule = rules.horizon_rule,
                      definition = rules.definition, not_forecast = rules.not_forecast,
                      forecast = {}, unresolvable = {} }
  local resolutions = { outcome_value = rules.outcome_value, resolution = {} }
  local unresolvable = {}
  for _, r in ipairs(res) do
    if r.outcome == "unresolvable" then unresolvable[r.id] = r end
  end
  for _, f in ipairs(fc) do
    local u = unresolvable[f.id]
    if u and f.proposition == nil then
      forecasts.unresolvable[#forecasts.unresolvable + 1] = { claim = f.claim, reason = u.reason }
    else
      forecasts.forecast[#forecasts.forecast + 1] = f
      unresolvable[f.id] = nil
    end
  end
  for _, r in ipairs(res) do
    if not (unresolvable[r.id] and r.outcome == "unresolvable") then
      local c = copy(r)
      c.forecast, c.id = r.id, nil
      resolutions.resolution[#resolutions.resolution + 1] = c
    end
  end
  return {
    forecasts = forecasts,
    events = { cameo_code = rules.cameo_code, new_entity = copy(HS_ENTITIES),
               event = copy(HS_EVENTS) },
    resolutions = resolutions,
    ach = { item = copy(KB.after_items) },
  }
end

local DRAFTS = load_drafts()

-- The rows of HINDSIGHT.md's table: {date, what, url, checked}.
local function hindsight_rows(text)
  local rows = {}
  for line in text:gmatch("[^\n]+") do
    local date, what, url, checked = line:match("^| (%d[%d%-]*) | (.-) | (%S+) | (%a+) |$")
    if date then rows[#rows + 1] = { date = date, what = what, url = url, checked = checked } end
  end
  return rows
end

-- ---------------------------------------------------------------------
-- Checks: each returns its problems, sorted

local function problem_list()
  local problems = {}
  return problems, function(fmt, ...) problems[#problems + 1] = string.format(fmt, ...) end
end

local function sorted(list)
  table.sort(list)
  return list
end

local function publication_date(d)
  local p = d.forecasts.publication
  return p and p[1] and p[1].date
end

local function check_forecasts(d)
  local problems, bad = problem_list()
  local F = d.forecasts

  -- the publication date: one record, not before the words it quotes (Wang
  -- Yi at Munich, an event of data/abb-polianskii-2022/kb/events.lua), before the invasion
  local pubs = F.publication or {}
  if #pubs ~= 1 then bad("%d publication records (want 1)", #pubs) end
  local pub = publication_date(d)
  local munich = KB.events["ev-wang-yi-sovereignty"]
  if not full_date(pub) then bad("publication date %s is not YYYY-MM-DD", tostring(pub))
  else
    if not ARTICLE:find("Ukraine is no exception", 1, true) then bad("the article no longer quotes Wang Yi at Munich") end
    if pub < munich.date then bad("publication %s is before the Munich speech it quotes (%s)", pub, munich.date) end
    if not ARTICLE:find("no military action has yet taken place", 1, true) then
      bad("the article no longer says no military action has taken place")
    end
    for _, e in ipairs(d.events.event or {}) do
      if e.id == "hs-invasion" and pub >= e.date then bad("publication %s is not before the invasion (%s)", pub, e.date) end
    end
    if not nonempty(pubs[1].why) then bad("publication has no why") end
  end

  -- horizon rules: short = one year after publication; long = the end of
  -- the last year of the hindsight events; both = long
  local rules = by_id(F.horizon_rule, "horizon")
  local last_year = "0000"
  for _, e in ipairs(d.events.event or {}) do
    if valid_date(e.date) and e.date:sub(1, 4) > last_year then last_year = e.date:sub(1, 4) end
  end
  local want = { short = full_date(pub) and plus_one_year(pub), long = last_year .. "-12-31",
                 both = last_year .. "-12-31" }
  for _, h in ipairs { "short", "long", "both" } do
    local r = rules[h]
    if not r then bad("no horizon rule for %s", h)
    else
      if r.resolves_by ~= want[h] then
        bad("horizon %s resolves by %s (the rule gives %s)", h, tostring(r.resolves_by), tostring(want[h]))
      end
      if not nonempty(r.why) then bad("horizon %s has no why", h) end
    end
  end
  if #(F.horizon_rule or {}) ~= 3 then bad("%d horizon rules (want 3)", #(F.horizon_rule or {})) end

  local defs = by_id(F.definition)
  for _, def in ipairs(F.definition or {}) do
    if not nonempty(def.text) then bad("definition %s has no text", tostring(def.id)) end
  end

  -- every claim in exactly one of forecast / unresolvable / not_forecast
  local placed = {}
  local function place(claim, where)
    if not KB.claims[claim] then bad("%s names unknown claim %s", where, tostring(claim)); return end
    if placed[claim] and placed[claim] ~= where then bad("claim %s is both %s and %s", claim, placed[claim], where) end
    if placed[claim] == where and where ~= "forecast" then bad("claim %s listed twice as %s", claim, where) end
    placed[claim] = where
  end
  local ids = {}
  for _, f in ipairs(F.forecast or {}) do
    local id = tostring(f.id)
    if ids[id] then bad("duplicate forecast id %s", id) end
    ids[id] = true
    place(f.claim, "forecast")
    local c = KB.claims[f.claim]
    if not nonempty(f.proposition) then bad("forecast %s has no proposition", id) end
    if not nonempty(f.criteria) then bad("forecast %s has no criteria", id) end
    if f.opens ~= pub then bad("forecast %s opens %s, not on publication (%s)", id, tostring(f.opens), tostring(pub)) end
    if c and rules[c.horizon] and f.resolves_by ~= rules[c.horizon].resolves_by then
      bad("forecast %s resolves by %s, but its claim's horizon (%s) gives %s", id, tostring(f.resolves_by),
          c.horizon, rules[c.horizon].resolves_by)
    end
    if f.kind ~= "occurs" and f.kind ~= "holds" then bad("forecast %s: kind %s", id, tostring(f.kind)) end
    if f.claim_text ~= "asserts" and f.claim_text ~= "denies" then bad("forecast %s: claim_text %s", id, tostring(f.claim_text)) end
    -- every definition named in the text is listed in uses, and exists
    local used = {}
    for _, u in ipairs(f.uses or {}) do
      used[u] = true
      if not defs[u] then bad("forecast %s uses unknown definition %s", id, u) end
    end
    local text = (f.proposition or "") .. " " .. (f.criteria or "")
    for _, comp in ipairs(f.components or {}) do text = text .. " " .. tostring(comp.text) end
    for ref in text:gmatch("def%-[%w%-]+%w") do
      if not used[ref] then bad("forecast %s names %s but does not list it in uses", id, ref) end
    end
    -- components
    local cids = {}
    for _, comp in ipairs(f.components or {}) do
      if cids[comp.id] or not nonempty(comp.id) then bad("forecast %s: bad or duplicate component id", id) end
      cids[comp.id or ""] = true
      if not nonempty(comp.text) then bad("forecast %s: component %s has no text", id, tostring(comp.id)) end
    end
    if f.components and #f.components < 2 then bad("forecast %s: fewer than two components", id) end
    -- the probability: the claim's band (estimate or explicit), by polarity
    if c then
      local lo, hi, scale
      if c.p_low then lo, hi, scale = c.p_low, c.p_high, nil
      elseif c.estimative then
        scale = c.scale or "icd203"
        local e = assert(sinorus.estimate(c.estimative, scale))
        lo, hi = e.p_low, e.p_high
      end
      if lo then
        if f.polarity == "complement" then lo, hi = 1 - hi, 1 - lo
        elseif f.polarity ~= "event" then bad("forecast %s: polarity %s", id, tostring(f.polarity)) end
        if type(f.p_low) ~= "number" or type(f.p_high) ~= "number"
           or math.abs(f.p_low - lo) > 1e-9 or math.abs(f.p_high - hi) > 1e-9 then
          bad("forecast %s: p %s-%s, but the claim's band gives %.2f-%.2f", id, tostring(f.p_low), tostring(f.p_high), lo, hi)
        end
        if f.scale ~= scale then bad("forecast %s: scale %s, claim's %s", id, tostring(f.scale), tostring(scale)) end
      elseif f.p_low or f.p_high or f.polarity or f.scale then
        bad("forecast %s: its claim has no band, so it has no probability", id)
      end
    end
    if type(f.p_low) == "number" and type(f.p_high) == "number" then
      if not (f.p_low >= 0 and f.p_high <= 1 and f.p_low <= f.p_high) then
        bad("forecast %s: p %s-%s outside [0, 1] or reversed", id, tostring(f.p_low), tostring(f.p_high))
      end
      -- the authors deny what they give less than even odds, and assert
      -- what they give more
      if f.claim_text == "denies" and f.p_high >= 0.5 then bad("forecast %s: denied, yet p_high >= 0.5", id) end
      if f.claim_text == "asserts" and f.p_high <= 0.5 then bad("forecast %s: asserted, yet p_high <= 0.5", id) end
    end
    -- evidence: verbatim in the article, resolving to one segment
    if type(f.evidence) ~= "table" or #f.evidence == 0 then bad("forecast %s has no evidence", id) end
    for _, phrase in ipairs(f.evidence or {}) do
      if not ARTICLE:find(phrase, 1, true) then bad("forecast %s: phrase not in the article: %q", id, phrase)
      else
        local seg, why = resolve_phrase(phrase)
        if not seg then bad("forecast %s: phrase %s: %q", id, why, phrase) end
      end
    end
  end
  for _, u in ipairs(F.unresolvable or {}) do
    place(u.claim, "unresolvable")
    if not nonempty(u.reason) then bad("unresolvable %s has no reason", tostring(u.claim)) end
  end
  for _, n in ipairs(F.not_forecast or {}) do
    place(n.claim, "not_forecast")
    if not nonempty(n.reason) then bad("not_forecast %s has no reason", tostring(n.claim)) end
  end
  for id in pairs(KB.claims) do
    if not placed[id] then bad("claim %s is neither forecast, unresolvable nor not_forecast", id) end
  end
  return sorted(problems)
end

local KINDS = { state = true, organization = true, person = true, place = true,
                company = true, document = true, initiative = true, event = true }
local VOTES = { ["for"] = true, against = true, abstain = true }

-- rows: HINDSIGHT.md's rows, or nil to skip the checks that need them.
local function check_events(d, rows)
  local problems, bad = problem_list()
  local E = d.events
  local pub = publication_date(d) or "2022-02-19"

  -- new entities: new ids, allowed kinds, names that clash with nothing and
  -- that the article does not contain (so they add no mentions), all used
  local names = {}
  for id, e in pairs(KB.entities) do
    names[core.fold(e.name)] = id
    for _, a in ipairs(e.aliases or {}) do names[core.fold(a)] = id end
  end
  local new, used = {}, {}
  for _, n in ipairs(E.new_entity or {}) do
    local id = tostring(n.id)
    if KB.entities[id] or new[id] then bad("new entity %s already exists", id) end
    new[id] = n
    if not KINDS[n.kind] then bad("new entity %s: kind %s", id, tostring(n.kind)) end
    if not nonempty(n.name) or not nonempty(n.description) then bad("new entity %s lacks name or description", id) end
    local forms = { n.name }
    for _, a in ipairs(n.aliases or {}) do forms[#forms + 1] = a end
    for _, form in ipairs(forms) do
      if names[core.fold(form)] then bad("new entity %s: %q is already a name of %s", id, form, names[core.fold(form)]) end
      names[core.fold(form)] = id
      if has_word(ARTICLE, form) then bad("new entity %s: the article contains %q", id, form) end
    end
  end

  local codes = {}
  for _, c in ipairs(E.cameo_code or {}) do
    if codes[c.code] then bad("CAMEO code %s listed twice", c.code) end
    codes[c.code] = c
    if not nonempty(c.name) or type(c.goldstein) ~= "number" then bad("CAMEO code %s lacks name or weight", tostring(c.code)) end
  end
  -- the weights agree with those of the coded article
  for _, e in pairs(KB.events) do
    if e.cameo and codes[e.cameo] and codes[e.cameo].goldstein ~= e.goldstein then
      bad("CAMEO %s weighs %s here but %s in the article's events", e.cameo,
          codes[e.cameo].goldstein, e.goldstein)
    end
  end

  local ids, by_url = {}, {}
  for _, e in ipairs(E.event or {}) do
    local id = tostring(e.id)
    if ids[id] or KB.events[id] then bad("duplicate event id %s", id) end
    ids[id] = true
    if not valid_date(e.date) then bad("event %s: date %s", id, tostring(e.date))
    elseif period_start(e.date) <= pub or period_start(e.date) <= "2022-02-18" then
      bad("event %s (%s) is not after publication (%s)", id, e.date, pub)
    end
    if e.after_publication ~= true then bad("event %s is not marked after_publication", id) end
    if not nonempty(e.title) then bad("event %s has no title", id) end
    if not nonempty(e.date_source) then bad("event %s has no date_source", id) end
    if e.evidence then bad("event %s has article evidence (it rests on its source)", id) end
    if e.checked ~= "yes" and e.checked ~= "partly" then bad("event %s: checked %s", id, tostring(e.checked)) end
    if not nonempty(e.source_url) or not e.source_url:match("^https?://") then bad("event %s has no source URL", id)
    else
      if by_url[e.source_url] then bad("events %s and %s share a URL", by_url[e.source_url], id) end
      by_url[e.source_url] = id
    end
    local actors = {}
    if type(e.actors) ~= "table" or #e.actors == 0 then bad("event %s has no actors", id) end
    for _, a in ipairs(e.actors or {}) do
      if not KB.entities[a] and not new[a] then bad("event %s: unknown actor %s", id, a) end
      if actors[a] then bad("event %s: actor %s twice", id, a) end
      actors[a], used[a] = true, true
    end
    if (e.cameo == nil) ~= (e.goldstein == nil) then bad("event %s: cameo and goldstein go together", id)
    elseif e.cameo then
      local c = codes[e.cameo]
      if not c then bad("event %s: CAMEO %s is not in the code table", id, e.cameo)
      elseif c.goldstein ~= e.goldstein then
        bad("event %s: Goldstein %s, but CAMEO %s weighs %s", id, e.goldstein, e.cameo, c.goldstein)
      end
    end
    for who, v in pairs(e.votes or {}) do
      if not VOTES[v] then bad("event %s: vote %s", id, tostring(v)) end
      if not actors[who] then bad("event %s: %s votes but is no actor", id, who) end
    end
    if e.votes and not (type(e.tally) == "string" and e.tally:match("^%d+%-%d+%-%d+$")) then
      bad("event %s: votes without a tally", id)
    end
  end
  for id in pairs(new) do
    if not used[id] then bad("new entity %s is used by no event", id) end
  end

  -- one event per row of HINDSIGHT.md, with its date, URL and check
  if rows then
    local row_of = {}
    for _, r in ipairs(rows) do row_of[r.url] = r end
    for _, e in ipairs(E.event or {}) do
      local r = row_of[e.source_url or ""]
      if not r then bad("event %s: URL is in no row of HINDSIGHT.md", tostring(e.id))
      else
        if r.date ~= e.date then bad("event %s dated %s, its row %s", tostring(e.id), tostring(e.date), r.date) end
        if r.checked ~= e.checked then bad("event %s checked %s, its row %s", tostring(e.id), tostring(e.checked), r.checked) end
        -- China's vote as the row states it
        local china = (e.votes or {}).china
        local stated = (r.what:find("China votes against", 1, true) and "against")
          or (r.what:match("China[^;]-abstain") and "abstain") or nil
        if china ~= stated then bad("event %s: China's vote %s, its row %s", tostring(e.id), tostring(china), tostring(stated)) end
      end
    end
    for _, r in ipairs(rows) do
      if not by_url[r.url] then bad("row %s (%s) has no event", r.date, r.url) end
    end
  end
  return sorted(problems)
end

local OUTCOMES = { yes = true, no = true, partly = true, not_yet = true, unresolvable = true }

local function check_resolutions(d)
  local problems, bad = problem_list()
  local forecasts = by_id(d.forecasts.forecast)
  local events = by_id(d.events.event)
  local R = d.resolutions

  local values = by_id(R.outcome_value, "outcome")
  for o, v in pairs { yes = 1, no = 0 } do
    if not values[o] or values[o].value ~= v then bad("outcome %s must count as %d", o, v) end
  end
  if not values.partly or type(values.partly.value) ~= "number" or values.partly.value <= 0
     or values.partly.value >= 1 then bad("partly must count strictly between 0 and 1") end

  local window_end = "0000-00-00"
  for _, e in ipairs(d.events.event or {}) do
    if valid_date(e.date) and period_end(e.date) > window_end then window_end = period_end(e.date) end
  end

  local seen = {}
  for _, r in ipairs(R.resolution or {}) do
    local id = tostring(r.forecast)
    local f = forecasts[r.forecast]
    if not f then bad("resolution of unknown forecast %s", id) end
    if seen[id] then bad("forecast %s resolved twice", id) end
    seen[id] = true
    if not OUTCOMES[r.outcome] then bad("forecast %s: outcome %s", id, tostring(r.outcome)) end
    if not nonempty(r.reason) then bad("forecast %s: no reason", id) end
    local latest = "0000-00-00"
    for _, list in ipairs { r.events or {}, r.against or {} } do
      for _, ev in ipairs(list) do
        if not events[ev] then bad("forecast %s: unknown event %s", id, ev) end
      end
    end
    for _, ev in ipairs(r.events or {}) do
      if events[ev] and valid_date(events[ev].date) and period_end(events[ev].date) > latest then
        latest = period_end(events[ev].date)
      end
    end
    if f then
      -- components and the partly rule
      if f.components then
        if r.outcome ~= "not_yet" and r.outcome ~= "unresolvable" then
          local n, yes, no = 0, 0, 0
          for _, comp in ipairs(f.components) do
            local v = (r.components or {})[comp.id]
            n = n + 1
            if v == "yes" then yes = yes + 1 elseif v == "no" then no = no + 1
            else bad("forecast %s: component %s resolved %s", id, tostring(comp.id), tostring(v)) end
          end
          for k in pairs(r.components or {}) do
            local known = false
            for _, comp in ipairs(f.components) do known = known or comp.id == k end
            if not known then bad("forecast %s: unknown component %s", id, k) end
          end
          local want = (yes == n and "yes") or (no == n and "no") or "partly"
          if yes + no == n and r.outcome ~= want then
            bad("forecast %s: components give %s, outcome is %s", id, want, tostring(r.outcome))
          end
        end
      else
        if r.components then bad("forecast %s has no components to resolve", id) end
        if r.outcome == "partly" then bad("forecast %s: partly needs components", id) end
      end
      -- dates
      if r.outcome == "not_yet" or r.outcome == "unresolvable" then
        if r.resolved then bad("forecast %s: %s but resolved %s", id, r.outcome, r.resolved) end
        if r.outcome == "not_yet" then
          if r.awaiting ~= "date" and r.awaiting ~= "source" then
            bad("forecast %s: not_yet awaits %s", id, tostring(r.awaiting))
          end
          if r.awaiting == "date" and f.resolves_by <= window_end then
            bad("forecast %s awaits its date, but %s lies inside the data window", id, f.resolves_by)
          end
        end
      else
        if r.awaiting then bad("forecast %s: resolved but awaiting %s", id, r.awaiting) end
        if #(r.events or {}) == 0 then bad("forecast %s: an outcome must rest on events", id) end
        if not full_date(r.resolved) then bad("forecast %s: resolved %s", id, tostring(r.resolved))
        else
          local early = (f.kind == "occurs" and r.outcome == "yes") or (f.kind == "holds" and r.outcome == "no")
          local want = early and latest or (latest > f.resolves_by and latest or f.resolves_by)
          if r.resolved ~= want then bad("forecast %s: resolved %s, the rule gives %s", id, r.resolved, want) end
          if early and latest > f.resolves_by then
            bad("forecast %s: %s before the deadline needs events by %s, latest is %s", id, r.outcome, f.resolves_by, latest)
          end
        end
      end
    end
  end
  for id in pairs(forecasts) do
    if not seen[id] then bad("forecast %s has no resolution", id) end
  end
  return sorted(problems)
end

local RATINGS = { CC = true, C = true, N = true, I = true, II = true, NA = true }
local LEVELS = { low = true, medium = true, high = true }

local function check_ach(d)
  local problems, bad = problem_list()
  local events = by_id(d.events.event)
  local pub = publication_date(d) or "2022-02-19"
  local hyps = {}
  for _, h in ipairs(KB.hypotheses) do hyps[h.id] = true end
  local ids = {}
  for _, it in ipairs(d.ach.item or {}) do
    local id = tostring(it.id)
    if ids[id] or KB.items[id] then bad("duplicate item id %s", id) end
    ids[id] = true
    if not nonempty(it.text) then bad("item %s has no text", id) end
    if not LEVELS[it.credibility] then bad("item %s: credibility %s", id, tostring(it.credibility)) end
    if not LEVELS[it.relevance] then bad("item %s: relevance %s", id, tostring(it.relevance)) end
    if it.evidence then bad("item %s rests on article phrases; after the article it rests on events", id) end
    -- the item's date is that of the latest event it rests on
    local latest
    if type(it.events) ~= "table" or #it.events == 0 then bad("item %s rests on no event", id) end
    for _, ev in ipairs(it.events or {}) do
      local e = events[ev]
      if not e then bad("item %s: unknown event %s", id, ev)
      elseif not latest or period_end(e.date) > period_end(latest) then latest = e.date end
    end
    if latest and it.date ~= latest then bad("item %s dated %s, its latest event %s", id, tostring(it.date), latest) end
    if valid_date(it.date) and period_start(it.date) <= pub then bad("item %s is not after publication", id) end
    for h in pairs(hyps) do
      local r = (it.ratings or {})[h]
      if type(r) ~= "table" then bad("item %s does not rate %s", id, h)
      else
        if not RATINGS[r[1]] then bad("item %s rates %s %s", id, h, tostring(r[1])) end
        if not nonempty(r[2]) then bad("item %s rates %s without a reason", id, h) end
      end
    end
    for h in pairs(it.ratings or {}) do
      if not hyps[h] then bad("item %s rates unknown hypothesis %s", id, tostring(h)) end
    end
  end
  return sorted(problems)
end

-- doc/forecasts.md's table and counts against the data: the table is a
-- view of the data, so it must say what the data says.
local function check_doc(d, doc)
  local problems, bad = problem_list()
  local rows = {}
  for line in doc:gmatch("[^\n]+") do
    if line:match("^| claim%-") then
      local cells = {}
      for cell in (line:sub(2) .. "|"):gmatch("%s*(.-)%s*|") do cells[#cells + 1] = cell end
      rows[cells[1]] = cells
    end
  end
  local res = by_id(d.resolutions.resolution, "forecast")
  local scored, total = 0, 0
  for _, f in ipairs(d.forecasts.forecast) do
    total = total + 1
    local r, row = res[f.id] or {}, rows[f.claim]
    local p = f.p_low and string.format("%.2f-%.2f", f.p_low, f.p_high) or "flat"
    local expects = (not f.p_low and (f.claim_text == "asserts" and "yes" or "no"))
      or (f.p_low > 0.5 and "yes") or (f.p_high < 0.5 and "no") or "open"
    local resolved = r.resolved or (r.awaiting == "source" and "(awaits a source)") or "(awaits its date)"
    local want = { f.claim, f.id, nil, p, expects, r.outcome, resolved }
    if not row then bad("doc: no row for %s", f.claim)
    else
      for i, v in pairs(want) do
        if row[i] ~= v then bad("doc: row %s, column %d: %q, the data gives %q", f.claim, i, tostring(row[i]), tostring(v)) end
      end
    end
    if f.p_low and r.outcome ~= "not_yet" and r.outcome ~= "unresolvable" then scored = scored + 1 end
  end
  for _, u in ipairs(d.forecasts.unresolvable) do
    local row = rows[u.claim]
    if not row or row[6] ~= "unresolvable" then bad("doc: no unresolvable row for %s", u.claim) end
  end
  for _, n in ipairs(d.forecasts.not_forecast) do
    if not (doc:find(n.claim .. ",", 1, true) or doc:find(n.claim .. ".", 1, true)) then
      bad("doc: %s missing from the not-forward-looking list", n.claim)
    end
  end
  local n, m = doc:match("have a band %((%d+) of the (%d+):")
  if tonumber(n) ~= scored or tonumber(m) ~= total then
    bad("doc: says %s of %s forecasts are scored, the data gives %d of %d", tostring(n), tostring(m), scored, total)
  end
  return sorted(problems)
end

-- ---------------------------------------------------------------------
-- The specs

describe("forecasts (data/abb-polianskii-2022/kb/forecasts.lua)", function()
  it("places every claim once and derives each forecast's dates and band by the rules", function()
    assert.same({}, check_forecasts(DRAFTS))
  end)

  it("places every one of the coded claims", function()
    local n = 0
    for _ in pairs(KB.claims) do n = n + 1 end
    local F = DRAFTS.forecasts
    local forecast_claims = {}
    for _, f in ipairs(F.forecast) do forecast_claims[f.claim] = true end
    local m = #F.unresolvable + #F.not_forecast
    for _ in pairs(forecast_claims) do m = m + 1 end
    assert.equals(n, m)
  end)

  it("finds a forecast whose band does not follow from its claim, or whose claim is unknown", function()
    local d = copy(DRAFTS)
    local f = d.forecasts.forecast
    for _, x in ipairs(f) do
      if x.id == "fc-support-rhetorical" then x.polarity = "complement" end
      if x.id == "fc-no-shielding" then x.claim = "claim-nonexistent" end
    end
    local p = table.concat(check_forecasts(d), "\n")
    assert.matches("fc-support-rhetorical: p 0.55-0.8, but the claim's band gives 0.20-0.45", p, 1, true)
    assert.matches("forecast names unknown claim claim-nonexistent", p, 1, true)
    assert.matches("claim claim-little-appetite-shielding is neither", p, 1, true)
  end)

  it("finds an evidence phrase that is not verbatim or not unique, and a wrong deadline", function()
    local d = copy(DRAFTS)
    for _, x in ipairs(d.forecasts.forecast) do
      if x.id == "fc-counterweight" then x.evidence = { "is not an unavoidable trend!", "China" } end
      if x.id == "fc-no-alliance" then x.resolves_by = "2023-02-19" end
    end
    local p = table.concat(check_forecasts(d), "\n")
    assert.matches("phrase not in the article: \"is not an unavoidable trend!\"", p, 1, true)
    assert.matches("phrase ambiguous: \"China\"", p, 1, true)
    assert.matches("fc-no-alliance resolves by 2023-02-19, but its claim's horizon (long) gives 2024-12-31", p, 1, true)
  end)
end)

describe("doc/forecasts.md", function()
  local doc = assert(read("doc/forecasts.md"))

  it("shows every forecast with the data's band, expectation, outcome and resolved date", function()
    assert.same({}, check_doc(DRAFTS, doc))
  end)

  it("finds a row that disagrees with the data", function()
    local broken = doc:gsub("| fc%-no%-shielding | (.-) | no | 2023%-01%-13 |",
                            "| fc-no-shielding | %1 | yes | 2023-01-13 |")
    local p = table.concat(check_doc(DRAFTS, broken), "\n")
    assert.matches('doc: row claim-little-appetite-shielding, column 6: "yes", the data gives "no"', p, 1, true)
  end)
end)

describe("events after the article (data/abb-polianskii-2022/kb/events.lua)", function()
  it("dates every event after publication, with known actors and a Goldstein weight from its CAMEO code", function()
    assert.same({}, check_events(DRAFTS, nil))
  end)

  it("has one event per row of HINDSIGHT.md, with the row's date, URL and check", function()
    local dir = corpus_dir()
    if not dir then pending("../shared/corpus/HINDSIGHT.md not found (set SINORUS_CORPUS)"); return end
    local rows = hindsight_rows(read(dir .. "/HINDSIGHT.md"))
    assert.is_true(#rows >= 20)
    assert.same({}, check_events(DRAFTS, rows))
    -- the corpus edition is the one the publication date is argued from
    local text = read(dir .. "/HINDSIGHT.md")
    assert.equals(publication_date(DRAFTS), text:match("Wang Yi at Munich on (%d%d%d%d%-%d%d%-%d%d)"))
    local article = read(dir .. "/abb-polianskii-2022.txt")
    if article then assert.equals(article, ARTICLE) end
  end)

  it("finds an event before publication, an unknown actor, a wrong weight and a URL of no row", function()
    local d = copy(DRAFTS)
    for _, e in ipairs(d.events.event) do
      if e.id == "hs-invasion" then e.date = "2022-02-18" end
      if e.id == "hs-samarkand" then e.actors[#e.actors + 1] = "uzbekistan" end
      if e.id == "hs-trade-2022" then e.goldstein = 7.0 end
      if e.id == "hs-xi-moscow" then e.source_url = "https://example.org/" end
    end
    for _, e in ipairs(d.events.event) do
      if e.id == "hs-unga-es11-3" then e.votes.china = "abstain" end
    end
    local rows = {
      { date = "2022-02-24", checked = "yes", what = "Russia begins its full-scale invasion of Ukraine",
        url = "https://www.info-res.org/eyes-on-russia/ukraine-'special-military-operation'-announced" },
      { date = "2022-04-07", checked = "yes",
        what = "ES-11/3 suspends Russia from the Human Rights Council, 93–24–58; China votes against",
        url = "https://www.scmp.com/news/china/diplomacy/article/3173493/"
          .. "ukraine-war-un-general-assembly-suspends-russia-top-human" },
    }
    local p = table.concat(check_events(d, rows), "\n")
    assert.matches("event hs-invasion (2022-02-18) is not after publication", p, 1, true)
    assert.matches("event hs-samarkand: unknown actor uzbekistan", p, 1, true)
    assert.matches("event hs-trade-2022: Goldstein 7.0, but CAMEO 061 weighs 6.4", p, 1, true)
    assert.matches("event hs-xi-moscow: URL is in no row of HINDSIGHT.md", p, 1, true)
    assert.matches("event hs-invasion dated 2022-02-18, its row 2022-02-24", p, 1, true)
    assert.matches("event hs-unga-es11-3: China's vote abstain, its row against", p, 1, true)
  end)

  it("refuses a new entity whose name the article contains", function()
    local d = copy(DRAFTS)
    d.events.new_entity[1].aliases = { "Kolesnikov's friend", "Samarkandia", "Putin" }
    local p = table.concat(check_events(d, nil), "\n")
    assert.matches("\"Putin\" is already a name of putin", p, 1, true)
    assert.matches("the article contains \"Putin\"", p, 1, true)
  end)
end)

describe("resolutions (data/abb-polianskii-2022/kb/resolutions.lua)", function()
  it("resolves every forecast once, on known events, by the partly and resolved-date rules", function()
    assert.same({}, check_resolutions(DRAFTS))
  end)

  it("finds an outcome that does not follow from its components and a resolved date off the rule", function()
    local d = copy(DRAFTS)
    for _, r in ipairs(d.resolutions.resolution) do
      if r.forecast == "fc-counterweight" then r.outcome = "yes" end
      if r.forecast == "fc-no-shielding" then r.resolved = "2023-02-19" end
      if r.forecast == "fc-joint-action-cases" then r.outcome = "partly" end
      if r.forecast == "fc-no-alliance" then r.events[#r.events + 1] = "hs-nonexistent" end
    end
    local p = table.concat(check_resolutions(d), "\n")
    assert.matches("forecast fc-counterweight: components give partly, outcome is yes", p, 1, true)
    assert.matches("forecast fc-no-shielding: resolved 2023-02-19, the rule gives 2023-01-13", p, 1, true)
    assert.matches("forecast fc-joint-action-cases: partly needs components", p, 1, true)
    assert.matches("forecast fc-no-alliance: unknown event hs-nonexistent", p, 1, true)
  end)

  it("finds a forecast without a resolution", function()
    local d = copy(DRAFTS)
    table.remove(d.resolutions.resolution, 1)
    local p = table.concat(check_resolutions(d), "\n")
    assert.matches("has no resolution", p, 1, true)
  end)
end)

describe("ACH items after the article (data/abb-polianskii-2022/kb/hypotheses.lua)", function()
  it("rates every hypothesis of the article's question with an allowed value and a reason", function()
    assert.same({}, check_ach(DRAFTS))
    assert.is_true(#DRAFTS.ach.item > 0)
  end)

  it("finds a missing rating, a value off the scale, an empty reason and a wrong date", function()
    local d = copy(DRAFTS)
    local it = d.ach.item[1]
    it.ratings["h-distance"] = nil
    it.ratings["h-neutral"][1] = "CCC"
    it.ratings["h-military"][2] = " "
    it.date = "2022-02-25"
    local p = table.concat(check_ach(d), "\n")
    assert.matches("item ea-unsc-abstentions does not rate h-distance", p, 1, true)
    assert.matches("item ea-unsc-abstentions rates h-neutral CCC", p, 1, true)
    assert.matches("item ea-unsc-abstentions rates h-military without a reason", p, 1, true)
    assert.matches("item ea-unsc-abstentions dated 2022-02-25, its latest event 2022-02-27", p, 1, true)
  end)
end)
