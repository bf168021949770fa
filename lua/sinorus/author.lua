-- sinorus.author: the authoring API of a writable knowledge base
-- (SPEC.md 3.6, doc/authoring.md).
--
--   kb:add_source{title, authors, outlet, published, url, doi, text, format}
--   kb:add_entity{...}  kb:add_claim{...}  kb:add_factor{...}
--   kb:add_relation{...}  kb:add_event{...}  kb:add_quote{...}
--   kb:update_<type>(id, fields)  kb:remove_<type>(id)
--   kb:code(segment, code)  kb:uncode(segment, code)  kb:codes()  kb:coded(code)
--   kb:transaction(fn, ...)  kb:history{record, operation, since, limit, offset}
--
-- Every call validates everything (with sinorus.store, the implementation
-- the build uses too) before it writes, writes in one transaction (a
-- savepoint inside kb:transaction) and appends to the change log, so an
-- invalid call leaves the file as it was. Misuse raises in Lua's style:
--   bad argument #1 to 'add_claim' (field 'horizon': invalid option 'soon'; expected one of: short, long, both)
--
-- Returns { methods = KB methods, module = module functions }; init.lua
-- copies them into sinorus.KB and the module table.

local core = require "sinorus.core"
local internal = require "sinorus.internal"
local store = require "sinorus.store"

local READONLY = "attempt to write to a read-only sinorus.KB"

local model = require "sinorus.model"

-- The record types of the authoring API (sinorus.model) and their tables.
local TYPES = model.names("name", function(t) return t.authoring end)
local TABLE = {}
for _, name in ipairs(TYPES) do TABLE[name] = model.type(name).table end

local util = require "sinorus.util"

-- What this module adds: methods of sinorus.KB and functions of the
-- module table (init.lua copies both in).
local KB, M = {}, {}

do
  local argerror = util.argerror

  -- Per-KB state: transaction depth and lock timeout, keyed weakly.
  local states = setmetatable({}, { __mode = "k" })
  local function state(kb)
    local s = states[kb]
    if not s then
      s = { depth = 0, timeout = 5000, entities = {}, segments = {} }
      states[kb] = s
    end
    return s
  end

  -- Raises "bad argument" without a position: the public methods re-raise
  -- every error at their caller (guarded).
  local function bad(fname, argn, msg)
    error(string.format("bad argument #%d to '%s' (%s)", argn, fname, msg), 0)
  end

  -- Raises the read-only error at the caller of the public method. Reading
  -- the mode also raises for a closed KB.
  local function writable(kb)
    if kb:readonly() then error(READONLY, 3) end
  end

  -- Runs f(...) and re-raises a string error at the caller of the public
  -- method (level 3 from here), so messages point at the user's line.
  local function guarded(f, ...)
    local ok, a, b = pcall(f, ...)
    if not ok then error(a, type(a) == "string" and 3 or 0) end
    return a, b
  end

  -- -------------------------------------------------------------------
  -- Transactions

  local function locked_message(kb)
    return string.format("knowledge base is locked by another process " ..
                         "(gave up after %d ms)", state(kb).timeout)
  end

  -- Lookups cached while a transaction is open (this connection is then
  -- the only writer): entity names and segments. Cleared when the
  -- transaction ends, on every rollback and when an entity changes.
  local function forget(s)
    if next(s.entities) then s.entities = {} end
    if next(s.segments) then s.segments = {} end
  end

  -- The statements of the savepoints of the first few depths.
  local SAVEPOINT, RELEASE = {}, {}
  for d = 1, 8 do
    SAVEPOINT[d], RELEASE[d] = "SAVEPOINT sinorus_" .. d, "RELEASE sinorus_" .. d
  end

  -- Opens a transaction (or a savepoint inside one); returns its depth.
  local function begin(kb)
    local s = state(kb)
    if s.depth == 0 and internal.in_transaction(kb) then
      error("a transaction opened outside kb:transaction is active", 0)
    end
    if s.depth == 0 then
      local ok, err = pcall(internal.exec, kb, "BEGIN IMMEDIATE")
      if not ok then
        if tostring(err):find("locked", 1, true) or tostring(err):find("busy", 1, true) then
          error(locked_message(kb), 0)
        end
        error(err, 0)
      end
    else
      internal.exec(kb, SAVEPOINT[s.depth] or "SAVEPOINT sinorus_" .. s.depth)
    end
    s.depth = s.depth + 1
    return s.depth
  end

  local DOOMED = "the transaction was rolled back: a write in it failed and " ..
                 "could not be undone"

  -- Ends the transaction or savepoint of depth (raises when it is doomed:
  -- the caller then rolls it back).
  local function commit(kb, depth)
    local s = state(kb)
    if s.doomed == depth then error(DOOMED, 0) end
    if depth == 1 then
      forget(s)
      internal.exec(kb, "COMMIT")
    else
      internal.exec(kb, RELEASE[depth - 1] or "RELEASE sinorus_" .. (depth - 1))
    end
    s.depth = depth - 1
  end

  -- True (and the state reset) when SQLite has rolled back the whole
  -- transaction on its own (disk full, I/O error, interrupt) or the KB
  -- was closed.
  local function lost(kb, s)
    if kb:isclosed() or not internal.in_transaction(kb) then
      forget(s)
      s.depth, s.doomed = 0, nil
      return true
    end
    return false
  end

  -- Undoes everything since begin(depth); never raises.
  local function rollback(kb, depth)
    local s = state(kb)
    forget(s)
    s.depth = depth - 1
    if s.doomed and s.doomed >= depth then s.doomed = nil end
    if lost(kb, s) then return end
    if depth == 1 then
      pcall(internal.exec, kb, "ROLLBACK")
    else
      local name = "sinorus_" .. (depth - 1)
      if pcall(internal.exec, kb, "ROLLBACK TO " .. name) then
        pcall(internal.exec, kb, "RELEASE " .. name)
      end
    end
  end

  -- Runs f(...) in a transaction: commits when it returns, rolls back and
  -- re-raises when it raises. Returns f's first two results.
  local function atomically(kb, f, ...)
    local depth = begin(kb)
    local ok, a, b = pcall(f, ...)
    if not ok then
      rollback(kb, depth)
      error(a, 0)
    end
    local cok, err = pcall(commit, kb, depth)
    if not cok then
      rollback(kb, depth)
      error(err, 0)
    end
    return a, b
  end

  --- Runs fn(kb, ...) in a transaction: commits if it returns (giving its
  --- results), rolls back and re-raises its error if it raises. Nested
  --- calls are savepoints: an inner failure undoes only the inner work.
  function KB:transaction(fn, ...)
    writable(self)
    if type(fn) ~= "function" then
      argerror("transaction", 1, "function expected, got " .. util.typename(fn))
    end
    local depth = guarded(begin, self)
    -- fn may not yield: a coroutine never resumed would hold the
    -- transaction open, and lose at close what it reported written
    local res = table.pack(core.pcall_noyield(fn, self, ...))
    if not res[1] then
      rollback(self, depth)
      error(res[2], 0)
    end
    local ok, err = pcall(commit, self, depth)
    if not ok then
      rollback(self, depth)
      error(err, 2)
    end
    return table.unpack(res, 2, res.n)
  end

  -- Sets how long a writer waits for a lock, in ms (sinorus.open's
  -- `timeout` option). Internal.
  function M._set_timeout(kb, ms)
    if math.type(ms) ~= "integer" or ms < 0 then
      argerror("open", 2, "option 'timeout' must be a non-negative integer (ms)")
    end
    if not kb:readonly() then
      internal.script(kb, string.format("PRAGMA busy_timeout = %d", ms))
    end
    state(kb).timeout = ms
    return kb
  end

  -- -------------------------------------------------------------------
  -- The change log

  -- The time of a change is UTC to the millisecond, as SQLite's
  -- strftime('%Y-%m-%dT%H:%M:%fZ', 'now') writes it (core.utc_now).
  local LOG_SQL = [[INSERT INTO changelog (time, operation, record, before, after)
    VALUES (?, ?, ?, ?, ?)]]
  local utc_now = core.utc_now

  local function log(kb, operation, record, before, after)
    internal.exec(kb, LOG_SQL, utc_now(), operation, record, before ~= nil and util.json(before) or nil,
             after ~= nil and util.json(after) or nil)
  end
  -- the change log's writer, for the modules that log decisions of their
  -- own (kb:reject of sinorus.suggest)
  internal.log = log

  local HISTORY_COLS = { "id", "time", "operation", "record", "before", "after" }

  --- The change log, oldest first; filters: record ("claim-x" or
  --- "claim:claim-x"), operation, since (an ISO 8601 time or date).
  function KB:history(opts)
    opts = util.check_opts("history", 1, opts, { "record", "operation", "since" })
    for _, k in ipairs { "record", "operation", "since" } do
      if opts[k] ~= nil and type(opts[k]) ~= "string" then
        argerror("history", 1, string.format("'%s' must be a string, got %s", k,
                 util.typename(opts[k])))
      end
    end
    local _, lim, off = util.page(opts)
    local rows = self:sql([[SELECT id, time, operation, record, before, after
      FROM changelog
      WHERE (?1 IS NULL OR record = ?1 OR substr(record, instr(record, ':') + 1) = ?1)
        AND (?2 IS NULL OR operation = ?2) AND (?3 IS NULL OR time >= ?3)
      ORDER BY id LIMIT ?4 OFFSET ?5]], opts.record, opts.operation, opts.since, lim, off)
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Change", HISTORY_COLS) end
    return util.list(rows, { "id", "time", "operation", "record" }, "sinorus.History")
  end

  -- -------------------------------------------------------------------
  -- Reading records back in the shape the API takes them

  local function column(kb, sql, id)
    local out = {}
    for i, r in ipairs(kb:sql(sql, id)) do out[i] = r.v end
    return out
  end

  local function evidence_ids(kb, rtype, id)
    return column(kb, [[SELECT segment AS v FROM evidence WHERE record_type = ']] ..
                  rtype .. [[' AND record = ? ORDER BY ord]], id)
  end

  -- A record's fields as add_* takes them (the state before an update
  -- or a removal). By default the record of its getter, kept to the
  -- fields the authoring API takes (relation, quote and new types).
  local LOAD = setmetatable({}, { __index = function(_, rtype)
    local t = model.type(rtype)
    local fields = store.shapes("runtime")[rtype].fields
    return function(kb, id)
      local r = kb[t.name](kb, id)
      if not r then return nil end
      local out = {}
      for k, v in pairs(r) do
        if fields[k] then out[k] = v end
      end
      return out
    end
  end })

  function LOAD.entity(kb, id)
    local t = kb:sql("SELECT id, name, kind, description FROM entity WHERE id = ?", id)[1]
    if not t then return nil end
    local aliases = column(kb, [[SELECT alias AS v FROM alias WHERE entity = ? AND ord > 0
                                 ORDER BY ord]], id)
    if #aliases > 0 then t.aliases = aliases end
    return t
  end

  function LOAD.claim(kb, id)
    local t = kb:sql([[SELECT id, text, horizon, estimative, scale, p_low, p_high, note
                       FROM claim WHERE id = ?]], id)[1]
    if not t then return nil end
    if t.scale ~= nil then
      -- derived from the hedge; a stored band that is the hedge's complement
      -- was derived with `denies` (data/README.md section 3), which an
      -- update must keep
      local e = core.estimate(t.estimative, t.scale)
      if e and (e.p_low ~= t.p_low or e.p_high ~= t.p_high)
         and math.abs(t.p_low - (1 - e.p_high)) < 1e-12
         and math.abs(t.p_high - (1 - e.p_low)) < 1e-12 then
        t.denies = true
      end
      t.p_low, t.p_high = nil, nil
    end
    t.about = column(kb, "SELECT entity AS v FROM claim_about WHERE claim = ? ORDER BY ord", id)
    local topics = column(kb, "SELECT topic AS v FROM claim_topic WHERE claim = ? ORDER BY ord",
                          id)
    if #topics > 0 then t.topics = topics end
    t.evidence = evidence_ids(kb, "claim", id)
    return t
  end

  function LOAD.factor(kb, id)
    local t = kb:sql([[SELECT id, name, kind, domain, horizon, weight, w_low, w_high,
                       coupling, why FROM factor WHERE id = ?]], id)[1]
    if not t then return nil end
    t.range, t.w_low, t.w_high = { t.w_low, t.w_high }, nil, nil
    t.evidence = evidence_ids(kb, "factor", id)
    return t
  end

  -- An item as add_item takes it: ratings with their reasons, its own
  -- date only (not the date derived from its sources).
  function LOAD.item(kb, id)
    local t = kb:sql([[SELECT id, question, text, credibility, relevance FROM ach_item
                       WHERE id = ?]], id)[1]
    if not t then return nil end
    t.ratings = {}
    for _, r in ipairs(kb:sql([[SELECT r.hypothesis, r.rating, w.reason FROM rating r
        LEFT JOIN rating_reason w ON w.item = r.item AND w.hypothesis = r.hypothesis
        WHERE r.item = ?]], id)) do
      t.ratings[r.hypothesis] = r.reason and { r.rating, r.reason } or r.rating
    end
    local basis = kb:sql("SELECT date, events FROM item_basis WHERE item = ?", id)[1]
    if basis then t.date, t.events = basis.date, util.json_decode(basis.events) end
    local ev = evidence_ids(kb, "ach_item", id)
    if #ev > 0 or not t.events then t.evidence = ev end
    return t
  end

  function LOAD.event(kb, id)
    local t = kb:sql([[SELECT id, date, title, cameo, goldstein, date_source, note
                       FROM event WHERE id = ?]], id)[1]
    if not t then return nil end
    t.actors = column(kb, "SELECT entity AS v FROM event_actor WHERE event = ? ORDER BY ord", id)
    t.evidence = evidence_ids(kb, "event", id)
    local src = kb:sql([[SELECT url, after_publication, checked, covers, tally, votes
                         FROM event_source WHERE event = ?]], id)[1]
    if src then
      t.source_url, t.after_publication = src.url, src.after_publication == 1
      t.checked, t.covers, t.tally = src.checked, src.covers, src.tally
      t.votes = util.json_decode(src.votes)
      if #t.evidence == 0 then t.evidence = nil end
    end
    return t
  end


  -- -------------------------------------------------------------------
  -- The run-time context of sinorus.store

  local Ctx = {}
  Ctx.__index = Ctx

  local RUNTIME_SHAPES = store.shapes("runtime")

  -- The ACH matrices a check reads, fetched when first needed: hyp_order
  -- maps a question to its hypotheses in order (nil for no such
  -- question), hypotheses a hypothesis to its row. Each context has its
  -- own two tables, which hold their KB under the key KB_OF.
  local KB_OF = {}
  local HYP_ORDER = { __index = function(t, q)
    local kb = rawget(t, KB_OF)
    if kb == nil or type(q) ~= "string"
        or not internal.value(kb, "SELECT 1 FROM question WHERE id = ?", q) then
      return nil
    end
    local ids = column(kb, "SELECT id AS v FROM hypothesis WHERE question = ? ORDER BY ord, id", q)
    t[q] = ids
    return ids
  end }
  local HYPOTHESES = { __index = function(t, h)
    local kb = rawget(t, KB_OF)
    if kb == nil or type(h) ~= "string" then return nil end
    local row = kb:sql("SELECT id, question, text FROM hypothesis WHERE id = ?", h)[1]
    t[h] = row
    return row
  end }

  local function context(kb, fname, argn, self_id)
    local s = kb and state(kb)
    local cached = s and s.depth > 0
    return setmetatable({ kb = kb, fname = fname, argn = argn, self_id = self_id,
                          shapes = RUNTIME_SHAPES,
                          segs = cached and s.segments or {},
                          names = cached and s.entities or {},
                          hyp_order = setmetatable({ [KB_OF] = kb }, HYP_ORDER),
                          hypotheses = setmetatable({ [KB_OF] = kb }, HYPOTHESES) }, Ctx)
  end

  function Ctx:fail(_, field, fmt, ...)
    local msg = string.format(fmt, ...)
    if field then msg = "field '" .. field .. "': " .. msg end
    error(string.format("bad argument #%d to '%s' (%s)", self.argn, self.fname, msg), 0)
  end

  -- The id of the entity named by v (its id, name or alias, folded).
  local function lookup(kb, v)
    return internal.value(kb, "SELECT id FROM entity WHERE id = ?", v)
        or internal.value(kb, [[SELECT entity FROM alias WHERE folded = ?
                       ORDER BY ord, entity LIMIT 1]], store.norm(v))
  end

  function Ctx:entity(rec, field, v)
    local id = type(v) == "string" and self.names[v]
    if not id then
      id = type(v) == "string" and lookup(self.kb, v)
      if id then self.names[v] = id end
    end
    if not id then self:fail(rec, field, "unknown entity '%s'", tostring(v)) end
    return id
  end

  function Ctx:segment(id)
    local s = self.segs[id]
    if s == nil then
      s = self.kb:sql("SELECT id, kind, text FROM segment WHERE id = ?", id)[1] or false
      self.segs[id] = s
    end
    return s or nil
  end

  -- Whether a record of the type exists (the record being updated aside).
  function Ctx:record(rtype, id)
    local t = model.type(rtype)
    return type(id) == "string" and internal.value(self.kb, "SELECT 1 FROM " .. t.table ..
                                                   " WHERE id = ?", id) ~= nil
  end

  function Ctx:evidence(rec)
    local segs, seen = {}, {}
    for i, id in ipairs(rec.t.evidence or {}) do
      if not self:segment(id) then self:fail(rec, "evidence", "no segment %d", id) end
      if seen[id] then self:fail(rec, "evidence", "segment %d listed twice", id) end
      seen[id] = true
      segs[i] = id
    end
    rec.segments = segs
    return segs
  end

  function Ctx:alias_owner(folded)
    local r = self.kb:sql([[SELECT entity FROM alias WHERE folded = ?1
                            AND (?2 IS NULL OR entity <> ?2) ORDER BY entity LIMIT 1]],
                          folded, self.self_id)[1]
    return r and r.entity
  end

  function Ctx:quote_segment(rec)
    self:fail(rec, "segment", "missing (give the id of the segment that holds the " ..
              "quote, or 'evidence')")
  end

  -- A deep copy of plain data (the caller's tables are never changed).
  local function copy(v, depth)
    if type(v) ~= "table" then return v end
    depth = (depth or 0) + 1
    if depth > 8 then error("value nested too deeply", 0) end
    local t = {}
    for k, x in pairs(v) do
      if type(x) == "table" then x = copy(x, depth) end
      t[k] = x
    end
    return t
  end

  -- What the log records of a validated record: its fields as given (with
  -- entity ids) and what was derived from them. Takes over rec.t (the
  -- record's own copy), so it comes after the write.
  local function logged(rec)
    local t = rec.t
    if rec.type == "claim" then
      if t.estimative and t.p_low == nil then t.scale = rec.scale end  -- derived
      t.p_low, t.p_high = rec.p_low, rec.p_high
    elseif rec.type == "quote" then
      t.segment, t.evidence = rec.segment, nil
    end
    return t
  end

  local EXISTS = {}
  for _, rtype in ipairs(TYPES) do
    EXISTS[rtype] = "SELECT 1 FROM " .. TABLE[rtype] .. " WHERE id = ?"
  end
  -- the types kept in an order of their own (an `ord` column): a new
  -- record comes last
  local ORDERED = {}
  for _, rtype in ipairs(TYPES) do
    local t = model.type(rtype)
    for _, c in ipairs(t.tables[t.table]) do
      if c == "ord" then
        ORDERED[rtype] = "SELECT ifnull(max(ord), 0) + 1 FROM " .. t.table
      end
    end
  end

  local function exists(kb, rtype, id)
    return internal.value(kb, EXISTS[rtype], id) ~= nil
  end

  -- Segments whose text may mention one of names (a superset, by the
  -- search index; nil: any segment may): the indexed segments holding the
  -- name as a phrase, and the paragraphs with a sentence holding its first
  -- word (a name may run across two sentences of a paragraph).
  local function candidates(kb, names)
    local set, ids = {}, {}
    local function add(id)
      if not set[id] then set[id] = true; ids[#ids + 1] = id end
    end
    for _, name in ipairs(names) do
      local expr = core.query('"' .. name:gsub('"', " ") .. '"')
      if expr == "" then return nil end
      for r in kb:rows("SELECT rowid AS id FROM segment_fts WHERE segment_fts MATCH ?", expr) do
        add(r.id)
      end
      local first = core.query(name):match('^"[^"]*"')
      for r in kb:rows([[SELECT DISTINCT s.parent AS id FROM segment_fts
          JOIN segment s ON s.id = segment_fts.rowid
          WHERE segment_fts MATCH ? AND s.parent IS NOT NULL]], first) do
        add(r.id)
      end
    end
    table.sort(ids)
    return ids
  end

  local function names_of(t)
    local names = { t.name }
    for _, a in ipairs(t.aliases or {}) do names[#names + 1] = a end
    return names
  end

  -- Re-tags the mentions in the segments that may hold one of names
  -- (after an entity's names changed); `also` lists segments to redo too.
  local function retag(kb, names, also)
    local ids = candidates(kb, names)
    if ids == nil then return internal.tag(kb) end
    if also then
      local set = {}
      for _, id in ipairs(ids) do set[id] = true end
      for _, id in ipairs(also) do
        if not set[id] then set[id] = true; ids[#ids + 1] = id end
      end
      table.sort(ids)
    end
    if #ids > 0 then internal.tag(kb, ids) end
  end

  -- -------------------------------------------------------------------
  -- add_*, update_*, remove_*

  local function check_fields(fname, argn, t)
    if type(t) ~= "table" then
      bad(fname, argn, "table expected, got " .. util.typename(t))
    end
  end

  -- Writes a validated new record and its log entry; returns its id.
  local function write_new(kb, rtype, fname, rec)
    store.WRITE[rtype](kb, rec, rec.ord, rec.ctx)
    if rtype == "entity" then retag(kb, names_of(rec.t)) end
    log(kb, fname, rtype .. ":" .. rec.t.id, nil, logged(rec))
    return rec.t.id
  end

  -- Inside an open transaction a new record other than an entity is
  -- written without a savepoint of its own: a savepoint has SQLite copy
  -- each page the call touches into its sub-journal, a third of what an
  -- add_claim costs. All the record's rows are keyed by its id, which no
  -- record had (add checks), and the log row is written last by one
  -- statement (which SQLite makes atomic), so a failed write is undone by
  -- deleting the record as remove_* does. Should that fail too, the
  -- innermost transaction is doomed: it rolls back when it ends, whatever
  -- its function returns, so partial rows never outlive it.
  local function write_undoable(kb, rtype, fname, rec)
    local ok, err = pcall(write_new, kb, rtype, fname, rec)
    if ok then return err end
    local s = state(kb)
    if not lost(kb, s) and not pcall(store.DELETE[rtype], kb, rec.t.id) then
      s.doomed = s.doomed or s.depth
    end
    error(err, 0)
  end

  local ADD = {}
  for _, rtype in ipairs(TYPES) do ADD[rtype] = "add_" .. rtype end

  local function add(kb, rtype, fields)
    local fname = ADD[rtype]
    check_fields(fname, 1, fields)
    local rec = { type = rtype, t = copy(fields) }
    local ctx = context(kb, fname, 1)
    store.check(ctx, rec)
    if exists(kb, rtype, rec.t.id) then
      ctx:fail(rec, "id", "%s '%s' already exists", rtype, rec.t.id)
    end
    rec.ctx = ctx
    if ORDERED[rtype] then rec.ord = internal.value(kb, ORDERED[rtype]) end
    if rtype == "entity" then
      forget(state(kb))
    elseif state(kb).depth > 0 then
      return write_undoable(kb, rtype, fname, rec)
    end
    return atomically(kb, write_new, kb, rtype, fname, rec)
  end

  local function check_id(fname, id)
    if type(id) ~= "string" then
      bad(fname, 1, "string expected, got " .. util.typename(id))
    end
  end

  -- The id of the existing record named by id (an entity also by name).
  local function existing(kb, rtype, fname, id)
    check_id(fname, id)
    local real = id
    if rtype == "entity" then real = lookup(kb, id) end
    if not real or not exists(kb, rtype, real) then
      bad(fname, 1, string.format("no %s '%s'", rtype, id))
    end
    return real
  end

  local function update(kb, rtype, id, fields, fname, argn)
    fname = fname or "update_" .. rtype
    id = existing(kb, rtype, fname, id)
    check_fields(fname, 2, fields)
    local before = LOAD[rtype](kb, id)
    local t = copy(before)
    for k, v in pairs(copy(fields)) do
      if v == false then t[k] = nil else t[k] = v end
    end
    local ctx = context(kb, fname, argn or 2, id)
    local rec = { type = rtype, t = t, ctx = ctx }
    if ORDERED[rtype] then
      rec.ord = internal.value(kb, "SELECT ord FROM " .. TABLE[rtype] .. " WHERE id = ?", id)
    end
    if t.id ~= id then
      ctx:fail(rec, "id", "cannot be changed (remove the record and add it anew)")
    end
    -- the ratings of a matrix stay within its question
    if t.question ~= before.question then
      ctx:fail(rec, "question", "cannot be changed (remove the record and add it anew)")
    end
    if rtype == "quote" and fields.evidence ~= nil and fields.segment == nil then
      t.segment = nil
    end
    store.check(ctx, rec)
    if rtype == "entity" then forget(state(kb)) end
    return atomically(kb, function()
      local mentioned
      if rtype == "entity" then
        mentioned = column(kb, "SELECT DISTINCT segment AS v FROM mention WHERE entity = ?", id)
      end
      store.DELETE[rtype](kb, id)
      store.WRITE[rtype](kb, rec, rec.ord, rec.ctx)
      if rtype == "entity" then retag(kb, names_of(rec.t), mentioned) end
      log(kb, fname, rtype .. ":" .. id, before, logged(rec))
      return id
    end)
  end

  -- The records that refer to an entity: { "claim 'x'", ... }, sorted.
  local function referrers(kb, id)
    local out = {}
    local function add_refs(sql, what)
      for _, r in ipairs(kb:sql(sql, id)) do out[#out + 1] = what .. " '" .. r.v .. "'" end
    end
    add_refs("SELECT DISTINCT claim AS v FROM claim_about WHERE entity = ?", "claim")
    add_refs("SELECT id AS v FROM relation WHERE src = ?1 OR dst = ?1", "relation")
    add_refs("SELECT DISTINCT event AS v FROM event_actor WHERE entity = ?", "event")
    add_refs("SELECT id AS v FROM quote WHERE speaker = ?", "quote")
    table.sort(out)
    return out
  end

  local function remove(kb, rtype, id)
    local fname = "remove_" .. rtype
    id = existing(kb, rtype, fname, id)
    if rtype == "entity" then
      local refs = referrers(kb, id)
      if #refs > 0 then
        bad(fname, 1, string.format("entity '%s' is referred to by %s%s", id,
                 table.concat(refs, ", ", 1, math.min(#refs, 5)),
                 #refs > 5 and string.format(" and %d more", #refs - 5) or ""))
      end
    end
    if rtype == "question" then
      local refs = column(kb, [[SELECT 'hypothesis ' || quote(id) AS v FROM hypothesis
        WHERE question = ?1 UNION ALL SELECT 'item ' || quote(id) FROM ach_item
        WHERE question = ?1]], id)
      if #refs > 0 then
        bad(fname, 1, string.format("question '%s' has %s%s", id,
                 table.concat(refs, ", ", 1, math.min(#refs, 5)),
                 #refs > 5 and string.format(" and %d more", #refs - 5) or ""))
      end
    end
    local before = LOAD[rtype](kb, id)
    if rtype == "entity" then forget(state(kb)) end
    return atomically(kb, function()
      if rtype == "hypothesis" then
        -- its ratings go with it
        internal.exec(kb, "DELETE FROM rating_reason WHERE hypothesis = ?", id)
        internal.exec(kb, "DELETE FROM rating WHERE hypothesis = ?", id)
      end
      store.DELETE[rtype](kb, id)
      log(kb, fname, rtype .. ":" .. id, before, nil)
      return true
    end)
  end

  local function rate(kb, item, hypothesis, rating, reason)
    item = existing(kb, "item", "rate", item)
    if type(hypothesis) ~= "string" then
      bad("rate", 2, "string expected, got " .. util.typename(hypothesis))
    end
    if type(rating) ~= "string" then
      bad("rate", 3, "string expected, got " .. util.typename(rating))
    end
    if reason ~= nil and type(reason) ~= "string" then
      bad("rate", 4, "string or nil expected, got " .. util.typename(reason))
    end
    local ratings = LOAD.item(kb, item).ratings
    if ratings[hypothesis] == nil and not internal.value(kb,
        "SELECT 1 FROM hypothesis WHERE id = ?", hypothesis) then
      bad("rate", 2, string.format("unknown hypothesis '%s'", hypothesis))
    end
    ratings[hypothesis] = reason and { rating, reason } or rating
    return update(kb, "item", item, { ratings = ratings }, "rate", 3)
  end

  --- Rates an ACH item against a hypothesis of its question (CC, C, N, I,
  --- II or NA), with an optional reason: update_item of one rating.
  function KB:rate(item, hypothesis, rating, reason)
    writable(self)
    return (guarded(rate, self, item, hypothesis, rating, reason))
  end

  for _, rtype in ipairs(TYPES) do
    KB["add_" .. rtype] = function(self, fields)
      writable(self)
      return (guarded(add, self, rtype, fields))
    end
    KB["update_" .. rtype] = function(self, id, fields)
      writable(self)
      return (guarded(update, self, rtype, id, fields))
    end
    KB["remove_" .. rtype] = function(self, id)
      writable(self)
      return (guarded(remove, self, rtype, id))
    end
  end

  -- -------------------------------------------------------------------
  -- Sources

  local SOURCE_FIELDS = { title = "string", authors = "strings", outlet = "string",
                          published = "string", url = "string", doi = "string",
                          text = "text", format = "string" }

  local function check_source(src)
    local ctx = context(nil, "add_source", 1)
    for k in pairs(src) do
      if not SOURCE_FIELDS[k] then
        ctx:fail(nil, nil, "unknown field '%s'; valid fields: %s", tostring(k),
                 table.concat(store.sorted(SOURCE_FIELDS), ", "))
      end
    end
    for _, k in ipairs { "title", "text" } do
      if src[k] == nil then ctx:fail(nil, nil, "missing field '%s'", k) end
    end
    for _, k in ipairs(store.sorted(SOURCE_FIELDS)) do
      local v, kind = src[k], SOURCE_FIELDS[k]
      if v ~= nil then
        if kind == "text" then
          if type(v) ~= "string" then
            ctx:fail(nil, k, "must be a string, got %s", util.typename(v))
          end
          local pos = store.bad_utf8(v)
          if pos then ctx:fail(nil, k, "invalid UTF-8 at byte %d", pos) end
          local nul = v:find("\0", 1, true)
          if nul then ctx:fail(nil, k, "NUL byte at byte %d", nul) end
          if not v:find("%S") then ctx:fail(nil, k, "must hold some text") end
        else
          local ok, want = store.CHECKERS[kind](v)
          if not ok then
            local pos = type(v) == "string" and store.bad_utf8(v)
            if pos then ctx:fail(nil, k, "invalid UTF-8 at byte %d", pos) end
            pos = type(v) == "string" and v:find("\0", 1, true)
            if pos then ctx:fail(nil, k, "NUL byte at byte %d", pos) end
            ctx:fail(nil, k, "must be %s, got %s", want,
                     type(v) == "string" and string.format("%q", v) or util.typename(v))
          end
        end
      end
    end
    if src.format ~= nil and src.format ~= "plain" and src.format ~= "markdown" then
      ctx:fail(nil, "format", "invalid option '%s'; expected one of: plain, markdown",
               src.format)
    end
    if src.published ~= nil and not store.valid_date(src.published) then
      ctx:fail(nil, "published", "%q must be YYYY, YYYY-MM or YYYY-MM-DD", src.published)
    end
  end

  --- Adds a document: segments it, indexes it and tags entity mentions, in
  --- one transaction. Returns the new source id.
  function KB:add_source(src)
    writable(self)
    guarded(check_fields, "add_source", 1, src)
    guarded(check_source, src)
    local text = src.text
    if text:find("\r", 1, true) then text = text:gsub("\r\n?", "\n") end
    local rec = { title = src.title, authors = copy(src.authors) or {}, outlet = src.outlet,
                  published = src.published, url = src.url, doi = src.doi, text = text,
                  format = src.format or "plain" }
    -- the first import into a new file writes its pages once, when it is
    -- not inside a transaction (sn_import.c)
    local once = core.import_once(self, true)
    local ok, id = pcall(guarded, atomically, self, function()
      local id, ids = store.import(self, rec)
      log(self, "add_source", "source:" .. id, nil, {
        id = id, title = rec.title, authors = rec.authors, outlet = rec.outlet,
        published = rec.published, url = rec.url, doi = rec.doi, format = rec.format,
        bytes = #text, segments = ids and #ids or nil,
      })
      return id
    end)
    if once then core.import_once(self, false) end
    if not ok then error(id, 0) end
    return id
  end

  -- -------------------------------------------------------------------
  -- Codes

  local function check_code(fname, segment, code)
    if math.type(segment) ~= "integer" then
      bad(fname, 1, "segment id expected, got " ..
               (math.type(segment) or util.typename(segment)))
    end
    if type(code) ~= "string" or not code:find("%S") then
      bad(fname, 2, "non-empty string expected, got " ..
               (type(code) == "string" and '""' or util.typename(code)))
    end
    local pos = store.bad_utf8(code)
    if pos then bad(fname, 2, string.format("invalid UTF-8 at byte %d", pos)) end
    pos = code:find("\0", 1, true)
    if pos then bad(fname, 2, string.format("NUL byte at byte %d", pos)) end
  end

  local function code(kb, segment, c)
    check_code("code", segment, c)
    if not kb:sql("SELECT 1 AS x FROM segment WHERE id = ?", segment)[1] then
      bad("code", 1, "no segment " .. segment)
    end
    return atomically(kb, function()
      local n = internal.exec(kb, "INSERT OR IGNORE INTO code (segment, code) VALUES (?, ?)", segment, c)
      if n > 0 then log(kb, "code", "segment:" .. segment, nil, { segment = segment, code = c }) end
      return n > 0
    end)
  end

  --- Codes a segment; true if the code is new on it, false if it was there.
  function KB:code(segment, c)
    writable(self)
    return (guarded(code, self, segment, c))
  end

  local function uncode(kb, segment, c)
    check_code("uncode", segment, c)
    return atomically(kb, function()
      local n = internal.exec(kb, "DELETE FROM code WHERE segment = ? AND code = ?", segment, c)
      if n > 0 then
        log(kb, "uncode", "segment:" .. segment, { segment = segment, code = c }, nil)
      end
      return n > 0
    end)
  end

  --- Removes a code from a segment; true if it was there.
  function KB:uncode(segment, c)
    writable(self)
    return (guarded(uncode, self, segment, c))
  end

  --- Every code with the number of segments it is on, by code.
  function KB:codes(opts)
    opts = util.check_opts("codes", 1, opts, {})
    local page, lim, off = util.page(opts)
    local rows = self:sql([[SELECT code, count(*) AS count FROM code GROUP BY code
                            ORDER BY code]] .. page, lim, off)
    for i, r in ipairs(rows) do rows[i] = util.record(r, "sinorus.Code", { "code", "count" }) end
    return util.list(rows, { "code", "count" }, "sinorus.Codes")
  end

  --- The segments coded with code, in document order.
  function KB:coded(c, opts)
    util.check_type("coded", 1, c, "string")
    opts = util.check_opts("coded", 2, opts, {})
    local page, lim, off = util.page(opts)
    local out = {}
    for i, r in ipairs(self:sql([[SELECT s.id FROM code c JOIN segment s ON s.id = c.segment
                                  WHERE c.code = ? ORDER BY s.id]] .. page,
                                c, lim, off)) do
      out[i] = self:segment(r.id)
    end
    return util.list(out, { "id", "kind", "section", "text" }, "sinorus.Segments")
  end
end

return { methods = KB, module = M }
