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

local sinorus = require "sinorus"

local build = os.getenv("SINORUS_BUILD") or "build"
local fts_insert = build .. "/bench/fts_insert"
local MB = tonumber(os.getenv("SINORUS_BENCH_MB")) or 100

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

-- text: the corpus; sent_file: its sentences, one a line.
local text, sent_file
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
  sent_file = tmp(".txt")
  local f = assert(io.open(sent_file, "wb"))
  f:write(table.concat(sentences, "\n"), "\n")
  f:close()
end
collectgarbage()

-- ---------------------------------------------------------------------
-- import

do
  local path = tmp(".sqlite")
  local kb = assert(sinorus.open(path, { create = true }))
  collectgarbage()
  settle()
  local t0 = os.clock()
  kb:add_source { title = "synthetic corpus", text = text }
  local t = os.clock() - t0
  local mentions = kb:sql("SELECT count(*) AS n FROM mention")[1].n
  local segs = kb:sql("SELECT count(*) AS n FROM segment")[1].n
  kb:close()
  remove(path)
  local mbs = #text / 1e6 / t

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
  local base = {}
  for _, tok in ipairs { "sinorus", "unicode61" } do
    base[tok] = fts(sent_file, tok)
  end
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
text = nil -- luacheck: ignore 311
collectgarbage()

-- ---------------------------------------------------------------------
-- add_claim

do
  local path = tmp(".sqlite")
  local kb = assert(sinorus.open(path, { create = true }))
  local seg = kb:segments { kind = "sentence", limit = 1 }[1].id
  local n = 10000
  local t0 = os.clock()
  kb:transaction(function()
    for i = 1, n do
      kb:add_claim { id = "claim-" .. i, text = "Claim number " .. i, about = { "China" },
                     horizon = "short", estimative = "likely", evidence = { seg } }
    end
  end)
  local t = os.clock() - t0
  kb:close()
  remove(path)
  report("add_claim: per call, transaction of 10,000", t / n * 1e6, "us", "< 20")
end
