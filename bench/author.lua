-- bench/author.lua: the authoring figures (issue 6), each against its target
-- and, for the import, against a baseline measured in the same run.
--
--   import     kb:add_source of a synthetic corpus (default 100 MB) in MB/s,
--              including segmentation, mention tagging and search indexing;
--              baseline: the same sentences inserted into a bare FTS5 table
--              from C (bench/c/fts_insert.c), with the sinorus tokenizer as
--              a new KB declares it (stems, CJK pairs: the baseline of the
--              ratios), as written (no settings) and with unicode61. Both in CPU and in wall time (the import
--              is bound by the bytes it writes), with the bytes each
--              writes (write_bytes of /proc/self/io, up to the close) and
--              the size of the closed file, each against the input.
--              Targets: >= 10 MB/s; wall time >= 0.8x the baseline's;
--              bytes written <= 4x the input; file <= 2x the input.
--              (sinorus indexes the same sentences: paragraphs are not
--              indexed, since schema version 2, and stores the text once,
--              since version 4.)
--   add_claim  per call in one kb:transaction of 10,000 calls (target < 20 us)
--
-- The corpus (bench/lib.lua, article_corpus) is made of windows of 8 to 30 consecutive words of the article,
-- four to six sentences a paragraph, so its vocabulary and its density of
-- entity mentions are the article's. SINORUS_BENCH_MB sets its size
-- (`make bench-import-1g` runs the import alone at 1,000 MB: set
-- SINORUS_BENCH_IMPORT_ONLY), SINORUS_BENCH_ROUNDS the rounds (3).
-- SINORUS_BENCH_BEFORE=DIR (another checkout, built) runs its import and
-- add_claim in the same rounds, for the figures before and after a change.
-- SINORUS_BENCH_CORPUS=FILE imports that file instead (the import
-- figures only: it implies SINORUS_BENCH_IMPORT_ONLY), as Markdown when
-- its name ends in .md or SINORUS_BENCH_FORMAT=markdown, else as plain
-- text; the bare FTS5 baseline inserts the sentences sinorus finds in it.
-- `lua5.4 bench/docs_corpus.lua OUT.md` writes such a file of varied
-- prose from the documentation Debian installs.
-- The import also prints where the bytes of its file are (dbstat).
-- Times are CPU seconds (os.clock; the C baseline measures CPU time too)
-- and wall seconds (core.utc_now in Lua, to the millisecond;
-- CLOCK_MONOTONIC in C), over the same work: the import or the inserts,
-- to the end of the commit (with its checkpoint).
-- The import runs in a process of its own, as the C baseline does, so that
-- neither inherits the heap this script leaves behind while it builds the
-- corpus: `lua5.4 bench/author.lua --import CORPUS DB` imports the file
-- CORPUS into a new KB at DB and prints the seconds, segments and mentions.
-- The import and the baselines alternate three rounds; each keeps its best.
-- add_claim runs the same way (`--claims DB`), best of three.

local sinorus = require "sinorus"

local CLAIMS = 10000

if arg[1] == "--claims" then   -- CLAIMS add_claim calls in one transaction
  local kb = assert(sinorus.open(arg[2], { create = true, article = true }))
  local seg = kb:segments { kind = "sentence", limit = 1 }[1].id
  collectgarbage()
  local t0 = os.clock()
  kb:transaction(function()
    for i = 1, CLAIMS do
      kb:add_claim { id = "claim-" .. i, text = "Claim number " .. i, about = { "China" },
                     horizon = "short", estimative = "likely", evidence = { seg } }
    end
  end)
  print(os.clock() - t0)
  kb:close()
  return
end

local wall = require("bench.lib").wall

-- The bytes this process has caused to be written to storage (0 without /proc).
local function written()
  local f = io.open("/proc/self/io")
  if not f then return 0 end
  local n = f:read("a"):match("write_bytes:%s*(%d+)")
  f:close()
  return tonumber(n) or 0
end

if arg[1] == "--import" then
  -- `--import CORPUS DB [FORMAT]` prints: CPU s, wall s, segments,
  -- mentions, bytes written, file size
  local f = assert(io.open(arg[2], "rb"))
  local corpus = f:read("a")
  f:close()
  local kb = assert(sinorus.open(arg[3], { create = true, article = true }))
  collectgarbage()
  local t0, w0 = os.clock(), wall()
  kb:add_source { title = "corpus", text = corpus, format = arg[4] }
  local t, w = os.clock() - t0, wall() - w0
  if w < 0 then w = w + 86400 end
  local segs = kb:sql("SELECT count(*) AS n FROM segment")[1].n
  local mentions = kb:sql("SELECT count(*) AS n FROM mention")[1].n
  kb:close()
  f = assert(io.open(arg[3], "rb"))
  local size = f:seek("end")
  f:close()
  print(t, w, segs, mentions, written(), size)
  -- then where the bytes of the file are: a line "name bytes" a table or
  -- index (the dbstat table, when this SQLite has it)
  kb = assert(sinorus.open(arg[3], { readonly = true }))
  local ok, parts = pcall(kb.sql, kb, [[SELECT name, sum(pgsize) AS bytes FROM dbstat
                                          GROUP BY name ORDER BY bytes DESC, name]])
  kb:close()
  for _, r in ipairs(ok and parts or {}) do print(r.name, r.bytes) end
  return
end

local build = os.getenv("SINORUS_BUILD") or "build"
local lua = arg[-1] or "lua5.4"    -- the interpreter running this script
-- Another checkout of sinorus, built (make all): its import and add_claim
-- run in the same rounds as this one's, as the "before" of a change.
local BEFORE = os.getenv("SINORUS_BENCH_BEFORE")
local fts_insert = build .. "/bench/fts_insert"
-- the baseline indexes as a new KB does: the sinorus tokenizer with every
-- search setting (stems, CJK pairs), the arguments a new KB's index declares
local KB_TOKENIZER = "sinorus " .. table.concat(require("sinorus.model").SEARCH_SETTINGS, " ")
local MB = tonumber(os.getenv("SINORUS_BENCH_MB")) or 100
local ROUNDS = tonumber(os.getenv("SINORUS_BENCH_ROUNDS")) or 3
local CORPUS = os.getenv("SINORUS_BENCH_CORPUS")
local FORMAT = os.getenv("SINORUS_BENCH_FORMAT")
  or (CORPUS and CORPUS:match("%.md$") and "markdown") or "plain"
local IMPORT_ONLY = os.getenv("SINORUS_BENCH_IMPORT_ONLY") ~= nil or CORPUS ~= nil

local function tmp(suffix)
  local p = os.tmpname()
  os.remove(p)
  return p .. suffix
end

local function remove(p)
  os.remove(p); os.remove(p .. "-wal"); os.remove(p .. "-shm")
end

-- Writes out the dirty pages of earlier steps (the corpus files, the
-- last run's database), so that no run pays for another's I/O.
local function settle()
  os.execute("sync")
end

local rows = {}
local function report(name, value, unit, target, base, base_name)
  local ratio = base and string.format("%.2fx %s", value / base, base_name) or ""
  rows[#rows + 1] = string.format("%-46s %10.2f %-5s %-10s %s", name, value, unit,
                                  target or "", ratio)
  print(rows[#rows])
  io.flush()
end

print(string.format("%-46s %10s %-5s %-10s %s", "figure", "value", "unit", "target", "ratio"))

-- ---------------------------------------------------------------------
-- The corpus

local text, text_file, sent_file
if CORPUS then
  -- the file given, and the sentences sinorus finds in it, one a line
  local f = assert(io.open(CORPUS, "rb"))
  text = f:read("a")
  f:close()
  -- absolute, for the import run from another checkout's directory
  text_file = CORPUS:sub(1, 1) == "/" and CORPUS or os.getenv("PWD") .. "/" .. CORPUS
  sent_file = tmp(".txt")
  local db = tmp(".sqlite")
  local kb = assert(sinorus.open(db, { create = true }))
  local id = kb:add_source { title = "corpus", text = text, format = FORMAT }
  local out = assert(io.open(sent_file, "wb"))
  for r in kb:rows("SELECT text FROM segment WHERE source = ? AND kind = ? ORDER BY id",
                   id, "sentence") do
    out:write((r.text:gsub("%s+", " ")), "\n")
  end
  out:close()
  kb:close()
  remove(db)
else
  local paras, sentences = require("bench.lib").article_corpus(MB)
  text = table.concat(paras, "\n\n") .. "\n"
  sent_file, text_file = tmp(".txt"), tmp(".txt")
  local f = assert(io.open(sent_file, "wb"))
  f:write(table.concat(sentences, "\n"), "\n")
  f:close()
  f = assert(io.open(text_file, "wb"))
  f:write(text)
  f:close()
end
collectgarbage()

-- ---------------------------------------------------------------------
-- import

do
  -- the import in a process of its own: {cpu, wall, written, size, segs,
  -- mentions, parts = {{name, bytes}}}; dir: another checkout's (BEFORE)
  local function import(dir)
    local path = tmp(".sqlite")
    settle()
    local q = require("bench.lib").q
    local cmd = string.format("%s %s --import %s %s %s", lua, arg[0], q(text_file), path, FORMAT)
    if dir then
      cmd = string.format("cd %s && LUA_PATH='lua/?.lua;lua/?/init.lua;;' " ..
                          "LUA_CPATH='build/?.so;;' %s bench/author.lua --import %s %s %s",
                          dir, lua, q(text_file), path, FORMAT)
    end
    local p = assert(io.popen(cmd))
    local r = { parts = {} }
    r.cpu, r.wall, r.segs, r.mentions, r.written, r.size = p:read("n", "n", "n", "n", "n", "n")
    for name, bytes in p:read("a"):gmatch("(%S+)%s+(%d+)") do
      r.parts[#r.parts + 1] = { name, tonumber(bytes) }
    end
    assert(p:close() and r.size, "the import failed")
    remove(path)
    r.bytes = #text
    return r
  end

  -- bare FTS5 from C, the same figures over the sentences it inserts
  local function fts(file, tok)
    local db = tmp(".sqlite")
    settle()
    local p = assert(io.popen(string.format("%s %s %s '%s'", fts_insert, db, file, tok)))
    local r = {}
    r.cpu, r.bytes, r.wall, r.written, r.size = p:read("n", "n", "n", "n", "n")
    assert(p:close() and r.size, "the bare FTS5 insert failed")
    remove(db)
    return r
  end

  -- rounds, each side's best kept (as bench/core.lua does), by wall time
  local best = {}
  local function keep(key, r)
    if not best[key] or r.wall < best[key].wall then best[key] = r end
  end
  for _ = 1, ROUNDS do
    keep("import", import())
    if BEFORE then keep("before", import(BEFORE)) end
    for _, tok in ipairs { KB_TOKENIZER, "sinorus", "unicode61" } do
      keep(tok, fts(sent_file, tok))
    end
  end
  local im, base = best.import, best[KB_TOKENIZER]
  local function cpu(r) return r.bytes / 1e6 / r.cpu end
  local function wl(r) return r.bytes / 1e6 / r.wall end
  print(string.format("(corpus: %.1f MB, %d segments, %d mentions)", #text / 1e6, im.segs,
                      im.mentions))
  report("import: kb:add_source, CPU", cpu(im), "MB/s", ">= 10")
  report("import: kb:add_source, wall", wl(im), "MB/s", ">= 10")
  report("import: C, bare FTS5 (the KB's tokenizer, " .. KB_TOKENIZER .. "), CPU", cpu(base),
         "MB/s")
  report("import: C, bare FTS5 (the KB's tokenizer), wall", wl(base), "MB/s")
  report("import: C, bare FTS5 (sinorus, words as written), wall", wl(best.sinorus), "MB/s")
  report("import: C, bare FTS5 (unicode61), wall", wl(best.unicode61), "MB/s")
  report("import: kb:add_source vs bare FTS5, CPU", cpu(im), "MB/s", "", cpu(base), "of C")
  report("import: kb:add_source vs bare FTS5, wall", wl(im), "MB/s", ">= 0.8x", wl(base),
         "of C")
  report("import: bytes written / input", im.written / im.bytes, "x", "<= 4x")
  report("import: C, bare FTS5: bytes written / input", base.written / base.bytes, "x")
  report("import: file / input", im.size / im.bytes, "x", "<= 2x")
  report("import: C, bare FTS5: file / input", base.size / base.bytes, "x")
  local function parts(r, who)
    for _, part in ipairs(r.parts) do
      if part[2] >= r.size / 100 then
        report(string.format("import%s: file: %s / input", who, part[1]), part[2] / r.bytes, "x")
      end
    end
  end
  parts(im, "")
  local b = best.before
  if b then
    report("import, before: kb:add_source vs bare FTS5, CPU", cpu(b), "MB/s", "", cpu(base),
           "of C")
    report("import, before: kb:add_source vs bare FTS5, wall", wl(b), "MB/s", "", wl(base),
           "of C")
    report("import, before: bytes written / input", b.written / b.bytes, "x")
    report("import, before: file / input", b.size / b.bytes, "x")
    report("import: file, after vs before", im.size / b.size, "x")
    report("import: bytes written, after vs before", im.written / b.written, "x")
    report("import: wall MB/s, after vs before", wl(im) / wl(b), "x")
    report("import: CPU MB/s, after vs before", cpu(im) / cpu(b), "x")
    parts(b, ", before")
  end
end
if IMPORT_ONLY then
  os.remove(sent_file)
  if not CORPUS then os.remove(text_file) end
  return
end
os.remove(sent_file)
os.remove(text_file)
text = nil -- luacheck: ignore 311
collectgarbage()

-- ---------------------------------------------------------------------
-- add_claim

do
  local function claims(dir)
    local path = tmp(".sqlite")
    local cmd = string.format("%s %s --claims %s", lua, arg[0], path)
    if dir then
      cmd = string.format("cd %s && LUA_PATH='lua/?.lua;lua/?/init.lua;;' " ..
                          "LUA_CPATH='build/?.so;;' %s bench/author.lua --claims %s",
                          dir, lua, path)
    end
    local p = assert(io.popen(cmd))
    local t = p:read("n")
    assert(p:close() and t, "add_claim failed")
    remove(path)
    return t
  end
  local best, before = math.huge, math.huge
  for _ = 1, ROUNDS do
    best = math.min(best, claims())
    if BEFORE then before = math.min(before, claims(BEFORE)) end
  end
  report("add_claim: per call, transaction of 10,000", best / CLAIMS * 1e6, "us", "< 20")
  if BEFORE then
    report("add_claim, before: per call", before / CLAIMS * 1e6, "us")
    report("add_claim: after vs before", best / before, "x")
  end
end
