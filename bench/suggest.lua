-- bench/suggest.lua: kb:suggest on a large source against the import of
-- the same source (issue 20, item 4; target: suggesting costs at most as
-- much as importing).
--
--   suggest   kb:suggest{source} of every kind for a synthetic corpus
--             (default 100 MB: bench/lib.lua's article_corpus, pairs of
--             windows of the article's words, so its density of hedges,
--             names and mentions is the article's and its sentences do not
--             repeat), CPU and wall seconds, with the sentences suggested
--             for (those that are no duplicate);
--   baseline  the import of the same text (kb:add_source into a file seeded
--             with the article: segmenting, tagging, indexing), run by
--             `bench/author.lua --import CORPUS DB`, CPU and wall seconds.
--
-- Each runs in a process of its own, the suggestion on the file the import
-- wrote (`lua5.4 bench/suggest.lua --suggest DB` prints CPU and wall
-- seconds and the number of candidates). SINORUS_BENCH_MB sets the size,
-- SINORUS_BENCH_ROUNDS the rounds (1); the best of each is kept.
-- SINORUS_BENCH_REFERENCE=1 also times the rules in Lua that the C rules
-- replaced (suggest.reference(true), `--suggest DB --reference`): the
-- suggester as it was, on the same file.

local sinorus = require "sinorus"
local lib = require "bench.lib"

local function since(w0)
  local w = lib.wall() - w0
  return w < 0 and w + 86400 or w
end

if arg[1] == "--suggest" then
  if arg[3] == "--reference" then require("sinorus.suggest").reference(true) end
  local kb = assert(sinorus.open(arg[2]))
  local id = kb:sql("SELECT max(id) AS id FROM source")[1].id
  collectgarbage()
  local t0, w0 = os.clock(), lib.wall()
  local n = #kb:suggest { source = id }
  local t, w = os.clock() - t0, since(w0)
  print(t, w, n, kb:sql([[SELECT count(*) AS n FROM segment WHERE source = ?
    AND kind = 'sentence' AND duplicate_of IS NULL]], id)[1].n)
  kb:close()
  return
end

-- `lua5.4 bench/suggest.lua --parts DB`: where the time of the suggestion
-- on the file the import wrote goes, best of five rounds each (CPU
-- seconds): the C rules' pass (csrc/sn_suggest.c, through
-- suggester:run) reading the sentences and scanning the lexicon, then with
-- the mentions, then with each kind's rules and the records they hand to
-- Lua, then all kinds; and kb:suggest as a whole (the rest is Lua: the
-- candidates, a quote's speaker, an event's date, the entities), and with
-- every candidate read (made in full).
if arg[1] == "--parts" then
  local suggest = require "sinorus.suggest"
  local kb = assert(sinorus.open(arg[2]))
  local id = kb:sql("SELECT max(id) AS id FROM source")[1].id
  local NONE = "SELECT 0, '', 0, 0, '' WHERE 0 AND ?"
  local text = kb:text(id)
  local function best(fn)
    local t = math.huge
    for _ = 1, 5 do
      collectgarbage()
      local t0 = os.clock()
      fn()
      t = math.min(t, os.clock() - t0)
    end
    return t
  end
  local function pass(mentions, want)
    return best(function()
      local run <close> = suggest.c_rules():run(kb, text, suggest.sql.sentences, mentions, id,
                                                nil, want)
      while run:next() do end
    end)
  end
  local rows = {}
  local function row(name, t) rows[#rows + 1] = { name, t } end
  local base0 = pass(NONE, 0)
  local base = pass(suggest.sql.mentions, 0)
  row("read the sentences, scan the lexicon", base0 + best(function() kb:text(id) end))
  row("read the mentions", base - base0)
  for i, k in ipairs(suggest.kinds) do
    row(k .. " rules in C, their records", pass(suggest.sql.mentions, 1 << (i - 1)) - base)
  end
  local all = pass(suggest.sql.mentions, 15)
  row("the C pass, every kind", all)
  local whole = best(function() return kb:suggest { source = id } end)
  row("kb:suggest", whole)
  row("  of which Lua after the C pass", whole - all)
  row("kb:suggest, every candidate read", best(function()
    for _, c in ipairs(kb:suggest { source = id }) do local _ = c.fields end
  end))
  for _, r in ipairs(rows) do print(string.format("%-44s %8.3fs", r[1], r[2])) end
  kb:close()
  return
end

local MB = tonumber(os.getenv("SINORUS_BENCH_MB")) or 100
local ROUNDS = tonumber(os.getenv("SINORUS_BENCH_ROUNDS")) or 1
local lua = arg[-1] or "lua5.4"

local corpus = lib.tmp(".txt")
do
  local paras = lib.article_corpus(MB, true)
  local f = assert(io.open(corpus, "wb"))
  f:write(table.concat(paras, "\n\n"), "\n")
  f:close()
end
collectgarbage()

local function numbers(out)
  local v = {}
  for x in out:gmatch("%S+") do v[#v + 1] = tonumber(x) end
  return v
end

local REFERENCE = os.getenv("SINORUS_BENCH_REFERENCE") == "1"
local ti, wi, ts, ws, count, sentences = math.huge, math.huge, math.huge, math.huge, 0, 0
local tr, wr, rcount = math.huge, math.huge, 0
for _ = 1, ROUNDS do
  local db = lib.tmp(".sqlite")
  os.execute("sync")
  local imp = numbers(lib.sh(string.format("%s bench/author.lua --import %s %s", lua,
                                           lib.q(corpus), lib.q(db))))
  os.execute("sync")
  local sug = numbers(lib.sh(string.format("%s bench/suggest.lua --suggest %s", lua, lib.q(db))))
  if REFERENCE then
    os.execute("sync")
    local ref = numbers(lib.sh(string.format("%s bench/suggest.lua --suggest %s --reference", lua,
                                             lib.q(db))))
    tr, wr, rcount = math.min(tr, ref[1]), math.min(wr, ref[2]), ref[3]
  end
  for _, s in ipairs { "", "-wal", "-shm" } do os.remove(db .. s) end
  ti, wi = math.min(ti, imp[1]), math.min(wi, imp[2])
  ts, ws, count, sentences = math.min(ts, sug[1]), math.min(ws, sug[2]), sug[3], sug[4]
end
os.remove(corpus)

print(string.format("%-44s %10s %10s %s", "figure", "CPU", "wall", "target"))
print(string.format("%-44s %9.2fs %9.2fs", string.format("import, %d MB (baseline)", MB), ti, wi))
print(string.format("%-44s %9.2fs %9.2fs", string.format("suggest, %d MB (%d candidates)", MB,
                    count), ts, ws))
print(string.format("%-44s %10d", "sentences suggested for (no duplicates)", sentences))
print(string.format("%-44s %9.2fx %9.2fx %s", "suggest / import", ts / ti, ws / wi,
                    "<= 1x: " .. ((ts <= ti and ws <= wi) and "met" or
                                  (ws <= wi and "met in wall time only" or "missed"))))
print(string.format("%-44s %8.1f MB/s %6.1f MB/s", "suggest throughput", MB / ts, MB / ws))
if REFERENCE then
  print(string.format("%-44s %9.2fs %9.2fs", string.format("suggest, rules in Lua (%d candidates)",
                      rcount), tr, wr))
  print(string.format("%-44s %9.2fx %9.2fx", "suggest in Lua / import", tr / ti, wr / wi))
end
