-- spec/support/killer.lua: kills writers with SIGKILL at random moments and
-- checks what they leave behind.
--
--   local killer = require "spec.support.killer"   (or dofile)
--   local r = killer.run { rounds = 50, mode = "both", seed = 1 }
--   -- r.rounds, r.failures (list of messages), r.killed, r.finished
--
--   lua5.4 spec/support/killer.lua [ROUNDS [MODE [SEED]]]    (make crash-test N=1000;
--   MODE defaults to "all")
--
-- Each round copies a template KB (the article) and starts a child Lua that
-- writes in a loop, under `timeout -s KILL` with a random delay:
--   import  each transaction adds a source (a few hundred KB: segmenting,
--           tagging, indexing) and a claim resting on it, then prints
--           "committed K"
--   save    each step codes a segment (a commit), saves the KB to a second
--           file with kb:save and prints "saved K"
--   export  the same with kb:export("json", target): "exported K"
--   qdpx    the same with kb:export("refi-qda", target): "exported K"
-- After the kill the round checks that the KB (and the saved copy) pass
-- PRAGMA integrity_check and the FTS5 integrity check, that every change
-- the child reported committed is there, and that the interrupted change
-- is there completely or not at all; that an exported file is whole (it
-- parses, and holds the codes of the last reported export or of the one
-- in progress); and that no temporary file is left once the KB was opened
-- again and the target written again (the clean-up rule of the one atomic
-- write). Mode "both" alternates import and save; "all" cycles through
-- the four. The children run with the module of
-- $SINORUS_BUILD (default build) and inherit the environment (so the
-- sanitizer preloads of make check-asan apply to them too).

local killer = {}

local sinorus = require "sinorus"
local internal = require "sinorus.internal"

local LUA = os.getenv("LUA") or "lua5.4"
local BUILD = os.getenv("SINORUS_BUILD") or "build"

local fs = require "spec.support.fs"
local q, slurp, spit, remove_db = fs.shq, fs.slurp, fs.spit, fs.remove_db

local CHILD = [=[
local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local mode, path, aux = arg[1], arg[2], arg[3]
local kb = assert(sinorus.open(path))
io.stdout:setvbuf("line")
if mode == "import" then
  local f = assert(io.open(aux, "rb"))
  local text = f:read("a")
  f:close()
  for k = 1, 100000 do
    kb:transaction(function()
      local id = kb:add_source { title = "import-" .. k, text = text }
      kb:add_claim { id = "claim-import-" .. k, text = "x", about = { "China" },
                     horizon = "short", evidence = { kb:segments { source = id, limit = 1 }[1].id } }
    end)
    print("committed " .. k)
  end
else
  local seg = kb:segments { kind = "sentence", limit = 1 }[1].id
  for k = 1, 100000 do
    kb:code(seg, "save-" .. k)
    if mode == "save" then
      assert(kb:save(aux))
      print("saved " .. k)
    else
      assert(kb:export(mode == "qdpx" and "refi-qda" or "json", aux))
      print("exported " .. k)
    end
  end
end
]=]

-- A text of about n bytes built from the article's sentences, shuffled.
local function corpus(kb, n, rnd)
  local sents = {}
  for _, s in ipairs(kb:segments { kind = "sentence" }) do sents[#sents + 1] = s.text end
  local out, size, para = {}, 0, {}
  while size < n do
    para[#para + 1] = sents[rnd(#sents)]
    if #para >= 4 then
      out[#out + 1] = table.concat(para, " ")
      size = size + #out[#out] + 2
      para = {}
    end
  end
  return table.concat(out, "\n\n") .. "\n"
end

-- Runs sqlite3's integrity check on a file; "ok" or the problem.
local function integrity(path)
  local p = io.popen("sqlite3 " .. q(path) .. " 'PRAGMA integrity_check' 2>&1")
  local out = p:read("a")
  p:close()
  return (out:gsub("%s+$", ""))
end

-- Opens a KB and runs the FTS5 integrity check; the KB or nil, message.
local function open_checked(path)
  local kb, err = sinorus.open(path)
  if not kb then return nil, err end
  local ok, e = pcall(internal.exec, kb,
    "INSERT INTO segment_fts (segment_fts) VALUES ('integrity-check')")
  if not ok then
    kb:close()
    return nil, "FTS5 integrity check: " .. tostring(e)
  end
  return kb
end

-- Runs the child under timeout; returns the last number it reported.
local function run_child(script, mode, path, aux, delay)
  local cmd = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH=%s " ..
    "timeout -s KILL %.3f %s %s %s %s %s 2>&1", q(BUILD .. "/?.so;;"), delay, LUA, q(script),
    mode, q(path), q(aux))
  local p = assert(io.popen(cmd))
  local last, other = 0, {}
  for line in p:lines() do
    local k = line:match("^%a+ (%d+)$")
    if k then last = tonumber(k) else other[#other + 1] = line end
  end
  local _, _, code = p:close()
  return last, code, table.concat(other, "\n")
end

local function check_import(path, reported, nsegs)
  if integrity(path) ~= "ok" then return "integrity_check: " .. integrity(path) end
  local kb, err = open_checked(path)
  if not kb then return err end
  local rows = kb:sql([[SELECT s.id, CAST(substr(s.title, 8) AS INTEGER) AS k,
    (SELECT count(*) FROM segment g WHERE g.source = s.id) AS n
    FROM source s WHERE s.title LIKE 'import-%' ORDER BY k]])
  local claims = {}
  for _, c in ipairs(kb:sql("SELECT id FROM claim WHERE id LIKE 'claim-import-%'")) do
    claims[c.id] = true
  end
  local nclaims = 0
  for _ in pairs(claims) do nclaims = nclaims + 1 end
  kb:close()
  if #rows < reported or #rows > reported + 1 then
    return string.format("%d imports in the file, %d reported committed", #rows, reported)
  end
  if nclaims ~= #rows then
    return string.format("%d imports but %d claims", #rows, nclaims)
  end
  for i, r in ipairs(rows) do
    if r.k ~= i then return "imports are not 1.." .. #rows end
    if r.n ~= nsegs then
      return string.format("import %d has %d segments, expected %d", i, r.n, nsegs)
    end
    if not claims["claim-import-" .. i] then return "import " .. i .. " has no claim" end
  end
  return nil
end

local function check_codes(path, reported, what)
  if integrity(path) ~= "ok" then return what .. ": integrity_check: " .. integrity(path) end
  local kb, err = open_checked(path)
  if not kb then return what .. ": " .. err end
  local rows = kb:sql("SELECT code FROM code WHERE code LIKE 'save-%'")
  kb:close()
  local set = {}
  for _, r in ipairs(rows) do set[r.code] = true end
  if #rows < reported or #rows > reported + 1 then
    return string.format("%s: %d codes, %d reported", what, #rows, reported)
  end
  for i = 1, #rows do
    if not set["save-" .. i] then return what .. ": codes are not 1.." .. #rows end
  end
  return nil
end

-- The number of "save-K" codes in an exported file (json or qdpx), or
-- nil and what is wrong with it.
local function exported_codes(path, format)
  local n = 0
  if format == "json" then
    local ok, v = pcall(require("cjson").decode, slurp(path) or "")
    if not ok or type(v) ~= "table" or type(v.codes) ~= "table" then
      return nil, "not a whole JSON export"
    end
    for _, c in ipairs(v.codes) do
      if type(c.code) == "string" and c.code:match("^save%-") then n = n + 1 end
    end
    return n
  end
  local p = io.popen("unzip -tqq " .. q(path) .. " >/dev/null 2>&1 && unzip -p " .. q(path) ..
                     " project.qde")
  local xml = p:read("a")
  p:close()
  if not xml:find("</Project>", 1, true) then return nil, "not a whole .qdpx" end
  for _ in xml:gmatch('<Code guid="[^"]*" name="save%-%d+"') do n = n + 1 end
  return n
end

-- Files in dir whose names hold ".tmp-": temporaries left behind.
local function strays(dir)
  local out = {}
  for _, name in ipairs(fs.listdir(dir)) do
    if name:find(".tmp-", 1, true) then out[#out + 1] = name end
  end
  return out
end

--- Runs the rounds; returns { rounds, killed, finished, failures }.
function killer.run(opts)
  opts = opts or {}
  local rounds = opts.rounds or 50
  local mode = opts.mode or "both"
  math.randomseed(opts.seed or os.time())
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. q(dir)))
  local script = dir .. "/child.lua"
  spit(script, CHILD)
  local template = dir .. "/template.sqlite"
  local base = assert(sinorus.open(template, { create = true, article = true }))
  local text = corpus(base, opts.bytes or 200000, math.random)
  spit(dir .. "/text.txt", text)
  base:close()
  remove_db(template .. "-wal")
  -- the segments one import makes
  local probe = assert(sinorus.open(dir .. "/probe.sqlite", { create = true, empty = true }))
  local _, ids = internal.add_source(probe, { title = "probe", text = text })
  local nsegs = #ids
  probe:close()
  local image = slurp(template)
  local result = { rounds = 0, killed = 0, finished = 0, failures = {}, strays = 0,
                   by_mode = {} }
  local CYCLE = { "import", "save", "export", "qdpx" }
  for round = 1, rounds do
    local m = mode
    if m == "both" then m = round % 2 == 1 and "import" or "save" end
    if m == "all" then m = CYCLE[(round - 1) % #CYCLE + 1] end
    result.by_mode[m] = (result.by_mode[m] or 0) + 1
    local path = dir .. "/kb.sqlite"
    local copy = dir .. "/saved.sqlite"
    if m == "export" then copy = dir .. "/export.json" end
    if m == "qdpx" then copy = dir .. "/export.qdpx" end
    remove_db(path); remove_db(copy)
    spit(path, image)
    local delay = 0.04 + math.random() * (m == "import" and 0.36 or 0.24)
    local last, code, other = run_child(script, m, path, m == "import" and dir .. "/text.txt"
                                        or copy, delay)
    if code == 137 or code == 9 then
      result.killed = result.killed + 1
    else
      result.finished = result.finished + 1
      if other ~= "" then
        result.failures[#result.failures + 1] =
          string.format("round %d (%s): child failed (%s): %s", round, m, tostring(code), other)
      end
    end
    local err
    if m == "import" then
      err = check_import(path, last, nsegs)
    elseif m == "export" or m == "qdpx" then
      err = check_codes(path, last, "kb")
      local f = io.open(copy, "rb")
      if not err and f then
        f:close()
        local n, why = exported_codes(copy, m == "export" and "json" or "qdpx")
        if not n then err = "export: " .. why
        elseif n < last or n > last + 1 then
          err = string.format("export: %d codes, %d reported", n, last)
        end
      elseif not err and last > 0 then
        err = "export missing after " .. last .. " exports"
      end
      if not err then   -- the next write to the target cleans up after a killed one
        local kb = assert(sinorus.open(path))
        local ok, why = kb:export(m == "export" and "json" or "refi-qda", copy)
        kb:close()
        if not ok then err = "export again: " .. tostring(why) end
      end
    else
      err = check_codes(path, last, "kb")
      local f = io.open(copy, "rb")
      if not err and f then
        f:close()
        err = check_codes(copy, math.max(last, 0), "saved copy")
        -- the copy holds the state of one completed save: the last reported
        -- one or the one in progress
      elseif not err and last > 0 then
        err = "saved copy missing after " .. last .. " saves"
      elseif not err then   -- killed before the first save: the next one cleans up
        local kb = assert(sinorus.open(path))
        local ok, why = kb:save(copy)
        kb:close()
        if not ok then err = "save again: " .. tostring(why) end
      end
    end
    -- every check above opened the files read-write (or wrote the target
    -- again): no temporary file may be left
    local left = strays(dir)
    if #left > 0 then   -- counted once: removed for the next round
      result.strays = result.strays + #left
      err = err or "temporary files left: " .. table.concat(left, ", ")
      for _, name in ipairs(left) do os.remove(dir .. "/" .. name) end
    end
    if err then
      result.failures[#result.failures + 1] =
        string.format("round %d (%s, killed after %.3f s, %d reported): %s",
                      round, m, delay, last, err)
    end
    result.rounds = round
    result.reported = (result.reported or 0) + last
  end
  os.execute("rm -rf " .. q(dir))
  return result
end

-- Run as a script: lua5.4 spec/support/killer.lua [ROUNDS [MODE [SEED]]]
if arg and arg[0] and arg[0]:match("killer%.lua$") and not package.loaded.busted then
  local r = killer.run { rounds = tonumber(arg[1]) or 50, mode = arg[2] or "all",
                         seed = tonumber(arg[3]) }
  for _, f in ipairs(r.failures) do io.stderr:write(f, "\n") end
  local modes = {}
  for m, n in pairs(r.by_mode) do modes[#modes + 1] = m .. " " .. n end
  table.sort(modes)
  print(string.format("crash test: %d rounds (%s), %d killed, %d finished, %d changes " ..
                      "reported committed, %d failures, %d stray temporary files", r.rounds,
                      table.concat(modes, ", "), r.killed, r.finished, r.reported or 0,
                      #r.failures, r.strays))
  os.exit(#r.failures == 0 and 0 or 1)
end

return killer
