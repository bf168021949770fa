-- bench/author.lua: the authoring figures (issue 6), each against its target
-- and, for the import, against a baseline measured in the same run.
--
--   import     kb:add_source of a synthetic corpus (default 100 MB) in MB/s,
--              including segmentation, mention tagging and search indexing;
--              baseline: the same sentences inserted into a bare FTS5 table
--              from C (bench/c/fts_insert.c), with the sinorus tokenizer and
--              with unicode61. Targets: >= 10 MB/s, >= 0.5x the baseline.
--              (sinorus indexes the same sentences: paragraphs are not
--              indexed, since schema version 2.)
--   add_claim  per call in one kb:transaction of 10,000 calls (target < 20 us)
--
-- The corpus is made of windows of 8 to 30 consecutive words of the article,
-- four to six sentences a paragraph, so its vocabulary and its density of
-- entity mentions are the article's. SINORUS_BENCH_MB sets its size.
-- Times are CPU seconds (os.clock; the C baseline measures CPU time too).
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

if arg[1] == "--import" then
  local f = assert(io.open(arg[2], "rb"))
  local corpus = f:read("a")
  f:close()
  local kb = assert(sinorus.open(arg[3], { create = true, article = true }))
  collectgarbage()
  local t0 = os.clock()
  kb:add_source { title = "synthetic corpus", text = corpus }
  local t = os.clock() - t0
  print(t, kb:sql("SELECT count(*) AS n FROM segment")[1].n,
        kb:sql("SELECT count(*) AS n FROM mention")[1].n)
  kb:close()
  return
end

local build = os.getenv("SINORUS_BUILD") or "build"
local lua = arg[-1] or "lua5.4"    -- the interpreter running this script
local fts_insert = build .. "/bench/fts_insert"
local MB = tonumber(os.getenv("SINORUS_BENCH_MB")) or 100
local ROUNDS = 3

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

local words = {}
do
  local kb <close> = sinorus.open()
  for _, s in ipairs(kb:segments { kind = "sentence" }) do
    for w in s.text:gmatch("%S+") do words[#words + 1] = w end
  end
end

local seed = 1
local function rnd(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed % n + 1
end

-- text: the corpus, also in text_file; sent_file: its sentences, one a line.
local text, text_file, sent_file
do
  local paras, sentences, size = {}, {}, 0
  while size < MB * 1e6 do
    local para = {}
    for s = 1, 3 + rnd(3) do
      local n, start = 7 + rnd(23), rnd(#words - 31)
      local w = table.move(words, start, start + n - 1, 1, {})
      w[1] = w[1]:gsub("^%l", string.upper)
      local sent = table.concat(w, " "):gsub("[%.,;:!?]*$", "") .. "."
      para[s] = sent
      sentences[#sentences + 1] = sent
    end
    paras[#paras + 1] = table.concat(para, " ")
    size = size + #paras[#paras] + 2
  end
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
  -- the import in a process of its own: seconds, segments, mentions
  local function import()
    local path = tmp(".sqlite")
    settle()
    local p = assert(io.popen(string.format("%s %s --import %s %s", lua, arg[0], text_file,
                                            path)))
    local t, segs, mentions = p:read("n", "n", "n")
    assert(p:close() and t, "the import failed")
    remove(path)
    return t, segs, mentions
  end

  -- bare FTS5 from C: MB/s of the bytes inserted
  local function fts(file, tok)
    local db = tmp(".sqlite")
    settle()
    local p = assert(io.popen(string.format("%s %s %s %s", fts_insert, db, file, tok)))
    local secs, bytes = p:read("n", "n")
    p:close()
    remove(db)
    return bytes / 1e6 / secs
  end
  -- three rounds, each side's best kept (as bench/core.lua does)
  local t, segs, mentions = math.huge, 0, 0
  local base = { sinorus = 0, unicode61 = 0 }
  for _ = 1, ROUNDS do
    local ti, s, m = import()
    if ti < t then t, segs, mentions = ti, s, m end
    for _, tok in ipairs { "sinorus", "unicode61" } do
      base[tok] = math.max(base[tok], fts(sent_file, tok))
    end
  end
  local mbs = #text / 1e6 / t
  print(string.format("(corpus: %.1f MB, %d segments, %d mentions)", #text / 1e6, segs,
                      mentions))
  report("import: kb:add_source", mbs, "MB/s", ">= 10")
  report("import: C, bare FTS5 (sinorus tokenizer)", base.sinorus, "MB/s")
  report("import: C, bare FTS5 (unicode61)", base.unicode61, "MB/s")
  report("import: kb:add_source vs bare FTS5 (sinorus)", mbs, "MB/s", ">= 0.5x",
         base.sinorus, "of C")
  report("import: kb:add_source vs bare FTS5 (unicode61)", mbs, "MB/s", "",
         base.unicode61, "of C")
end
os.remove(sent_file)
os.remove(text_file)
text = nil -- luacheck: ignore 311
collectgarbage()

-- ---------------------------------------------------------------------
-- add_claim

do
  local best = math.huge
  for _ = 1, ROUNDS do
    local path = tmp(".sqlite")
    local p = assert(io.popen(string.format("%s %s --claims %s", lua, arg[0], path)))
    local t = p:read("n")
    assert(p:close() and t, "add_claim failed")
    remove(path)
    best = math.min(best, t)
  end
  report("add_claim: per call, transaction of 10,000", best / CLAIMS * 1e6, "us", "< 20")
end
