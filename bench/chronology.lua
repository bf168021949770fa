-- bench/chronology.lua: kb:suggest{kinds = {"event"}} with a chronology
-- against the same call without one, in the same run (issue 20, the
-- review's finding 4: dating by a chronology must not cost in proportion
-- to entries x sentences).
--
--   with      kb:suggest{source, kinds = {"event"}, chronology} on a
--             synthetic document of NS sentences that report an action
--             ("Alba accused Brenn of <w1>, <w2> and <w3> near Kessel, by
--             <w>."), each sharing its three rare words with one of NE dated
--             entries of the same shape (<w> is the sentence's own: no two
--             sentences are alike); every entry holds Alba, Brenn and
--             Kessel, the terms a naive scorer walks for every sentence;
--   baseline  the same call without the chronology (no sentence states a
--             date, so it proposes nothing: the rules' own cost).
--
-- CPU and wall seconds, the candidates, and the ratio, for NE = 200, 2,000
-- and 20,000 entries (SINORUS_BENCH_ENTRIES: a list) and NS = 4,000
-- sentences (SINORUS_BENCH_SENTENCES). The best of SINORUS_BENCH_ROUNDS
-- rounds (1) is kept.

local sinorus = require "sinorus"
local lib = require "bench.lib"

local NS = tonumber(os.getenv("SINORUS_BENCH_SENTENCES")) or 4000
local ROUNDS = tonumber(os.getenv("SINORUS_BENCH_ROUNDS")) or 1
local SIZES = {}
for n in (os.getenv("SINORUS_BENCH_ENTRIES") or "200 2000 20000"):gmatch("%d+") do
  SIZES[#SIZES + 1] = tonumber(n)
end

-- A word of its own for each i: letters only, so no stem merges two.
local function word(i)
  local s = {}
  repeat
    s[#s + 1] = string.char(97 + i % 26)
    i = i // 26
  until i == 0
  return "zq" .. table.concat(s) .. "vx"
end

local function since(w0)
  local w = lib.wall() - w0
  return w < 0 and w + 86400 or w
end

-- CPU and wall seconds of f() (the best of ROUNDS) and its result.
local function timed(f)
  local bt, bw, res = math.huge, math.huge, nil
  for _ = 1, ROUNDS do
    collectgarbage()
    local t0, w0 = os.clock(), lib.wall()
    res = f()
    bt, bw = math.min(bt, os.clock() - t0), math.min(bw, since(w0))
  end
  return bt, bw, res
end

print(string.format("%d sentences; CPU / wall seconds, best of %d", NS, ROUNDS))
print("entries  without chronology   with chronology      candidates  ratio CPU / wall")
for _, ne in ipairs(SIZES) do
  local path = lib.tmp(".sqlite")
  local kb = assert(sinorus.open(path, { create = true }))
  kb:add_entity { id = "alba", name = "Alba", kind = "state" }
  kb:add_entity { id = "brenn", name = "Brenn", kind = "state" }
  kb:add_entity { id = "kessel", name = "Kessel", kind = "place" }
  local entries, sents = {}, {}
  for i = 1, ne do
    entries[i] = string.format("- %04d-%02d-%02d: Alba accuses Brenn of %s, %s and %s near "
      .. "Kessel.", 1990 + i % 30, 1 + i % 12, 1 + i % 28, word(3 * i), word(3 * i + 1),
      word(3 * i + 2))
  end
  for i = 1, NS do
    local e = 1 + (i * 7919) % ne
    sents[i] = string.format("Alba accused Brenn of %s, %s and %s near Kessel, by %s.",
      word(3 * e), word(3 * e + 1), word(3 * e + 2), word(10000000 + i))
  end
  local doc = kb:add_source { title = "Brief", published = "2023-05-10",
                              text = table.concat(sents, " ") }
  local chron = kb:add_source { title = "Timeline", text = table.concat(entries, "\n") }
  local t0, w0, n0 = timed(function()
    return #kb:suggest { source = doc, kinds = { "event" } }
  end)
  local t1, w1, n1 = timed(function()
    return #kb:suggest { source = doc, kinds = { "event" }, chronology = chron }
  end)
  print(string.format("%7d  %6.2f / %6.2f      %6.2f / %6.2f      %5d / %-5d %6.1fx / %.1fx",
    ne, t0, w0, t1, w1, n0, n1, t1 / t0, w1 / w0))
  kb:close()
  for _, suf in ipairs { "", "-wal", "-shm" } do os.remove(path .. suf) end
end
