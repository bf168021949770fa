-- The mention matcher's throughput against grep and a pure-Lua loop.
--
-- Builds a synthetic corpus of at least 100 MB from the article's
-- sentences (shuffled, with words varied), takes ~150 aliases of the
-- actors it names, and measures in the same run:
--   * sinorus: m:count(corpus), one pass of the C matcher;
--   * grep -F -o -w -i -f aliases corpus | wc -l (wall time), in the
--     machine's locale (UTF-8 on Debian: grep folds case in UTF-8, the
--     comparable job) and with LC_ALL=C (bytes only, grep's fastest);
--   * Lua: string.find per alias per line on a 5 MB slice, scaled, plain
--     with byte checks for word boundaries, and with %f[%w] patterns (1 MB).
-- Targets: at least 10x grep and at least 100x the Lua loop.
--
-- Run: LUA_CPATH='build/?.so;;' LUA_PATH='lua/?.lua;lua/?/init.lua;;' lua5.4 bench/matcher.lua
-- SINORUS_BENCH_MB sets the corpus size (default 100).

local core = require "sinorus.core"

local MB = tonumber(os.getenv("SINORUS_BENCH_MB")) or 100
local LUA_SLICE = 5 * 1024 * 1024

local aliases = {
  -- states, capitals and their adjectives
  "China", "Chinese", "PRC", "People's Republic of China", "Beijing", "Peking",
  "Russia", "Russian", "Russians", "Russian Federation", "Moscow", "Kremlin",
  "United States", "U.S.", "US", "USA", "America", "American", "Americans", "Washington",
  "White House", "Pentagon", "Ukraine", "Ukrainian", "Ukrainians", "Kiev", "Kyiv",
  "Taiwan", "Taiwanese", "Taipei", "Crimea", "Crimean", "Donbas", "Donbass",
  "Donetsk", "Luhansk", "Belarus", "Minsk", "Kazakhstan", "Central Asia",
  "Europe", "European", "Europeans", "European Union", "EU", "Brussels",
  "Germany", "German", "Berlin", "France", "French", "Paris", "United Kingdom",
  "UK", "Britain", "British", "London", "Japan", "Japanese", "Tokyo", "India",
  "Indian", "New Delhi", "Iran", "Tehran", "Turkey", "Ankara", "Poland", "Warsaw",
  "Baltic states", "Lithuania", "Georgia", "Tbilisi", "Syria", "Hong Kong",
  "Xinjiang", "Tibet", "Indo-Pacific", "Eurasia", "Eurasian", "Soviet",
  "Soviet Union", "post-Soviet", "Sino-Russian", "Sino-American", "Chinese-Russian",
  "U.S.-Russian", "the West", "West", "Western",
  -- organisations, agreements, initiatives
  "NATO", "UN", "United Nations", "UN Security Council", "Security Council", "UNSC",
  "AUKUS", "Quad", "G7", "G20", "OSCE", "CSTO", "SCO",
  "Shanghai Cooperation Organisation", "BRICS", "Eurasian Economic Union", "EAEU",
  "Belt and Road Initiative", "BRI", "Olympic Games", "Winter Olympics",
  "Summit for Democracy", "Nord Stream 2", "Power of Siberia", "SWIFT",
  "World Trade Organization", "WTO", "IMF", "PRIF",
  -- companies
  "Gazprom", "Rosneft", "CNPC", "Huawei", "Skyrizon", "MotorSich", "Motor Sich",
  -- people
  "Xi", "Xi Jinping", "President Xi", "Putin", "Vladimir Putin", "President Putin",
  "Wang Yi", "Sergey Lavrov", "Lavrov", "Biden", "Joe Biden", "Zelensky",
  "Zelenskyy", "Lukashenko", "Trenin", "Dmitrij Trenin", "Dmitri Trenin",
  "Karaganov", "Sergey Karaganov", "Kolesnikov", "Andrei Kolesnikov", "Abb",
  "Pascal Abb", "Polianskii", "Mikhail Polianskii", "Stoltenberg", "Scholz",
  "Macron", "Blinken",
}

-- Wall-clock seconds of a shell command, and its output.
local function timed_shell(cmd)
  local p = assert(io.popen("s=$(date +%s%N); " .. cmd ..
    "; e=$(date +%s%N); echo \" $(( (e - s) / 1000 ))\""))
  local out = p:read("a")
  p:close()
  local result, us = out:match("^(.-)%s+(%d+)%s*$")
  return (tonumber(us) or 0) / 1e6, result
end

-- The article's sentences, and its vocabulary, for the corpus.
local function article_parts()
  local f = assert(io.open("data/abb-polianskii-2022/article.txt", "rb"))
  local text = f:read("a")
  f:close()
  local sentences, words, seen = {}, {}, {}
  for _, s in ipairs(core.segment(text)) do
    if s.kind == "sentence" then
      local t = text:sub(s.start, s.stop)
      sentences[#sentences + 1] = t
      for w in t:gmatch("%a+") do
        if #w > 3 and not seen[w] then seen[w] = true; words[#words + 1] = w end
      end
    end
  end
  return sentences, words
end

-- A corpus of at least mb megabytes: random variants of the sentences.
local function build_corpus(mb)
  local sentences, words = article_parts()
  math.randomseed(20220218)
  local variants = {}
  for i = 1, 4000 do
    local s = sentences[math.random(#sentences)]
    variants[i] = s:gsub("%a+", function(w)
      if #w > 3 and math.random() < 0.15 then return words[math.random(#words)] end
    end)
  end
  local parts, size, target = {}, 0, mb * 1024 * 1024
  while size < target do
    local v = variants[math.random(#variants)]
    parts[#parts + 1] = v
    parts[#parts + 1] = (math.random() < 0.2) and "\n" or " "
    size = size + #v + 1
  end
  return table.concat(parts)
end

-- The straightforward Lua loops: each alias on each lowered line, with
-- string.find, either plain with byte checks for the word boundaries
-- (the fast way) or with frontier patterns (the idiomatic way).
local function lua_count(text, list, frontier)
  local needles = {}
  for i, a in ipairs(list) do
    local l = a:lower()
    needles[i] = frontier and ("%f[%w]" .. l:gsub("%p", "%%%0") .. "%f[%W]") or l
  end
  local n = 0
  for line in text:gmatch("[^\n]+") do
    local l = line:lower()
    for _, a in ipairs(needles) do
      local init = 1
      while true do
        local s, e = l:find(a, init, not frontier)
        if not s then break end
        if frontier then
          n = n + 1
        else
          local before, after = l:sub(s - 1, s - 1), l:sub(e + 1, e + 1)
          if not before:find("^%w") and not after:find("^%w") then n = n + 1 end
        end
        init = s + 1
      end
    end
  end
  return n
end

local corpus = build_corpus(MB)
local size_mb = #corpus / (1024 * 1024)
local corpus_path, alias_path = os.tmpname(), os.tmpname()
do
  local f = assert(io.open(corpus_path, "wb")); f:write(corpus); f:close()
  f = assert(io.open(alias_path, "wb")); f:write(table.concat(aliases, "\n"), "\n"); f:close()
end

-- sinorus
local m = core.matcher()
for i, a in ipairs(aliases) do m:add(a, i) end
m:compile()
m:count(corpus:sub(1, 1024 * 1024)) -- warm up
local best, n_sinorus = math.huge, 0
for _ = 1, 3 do
  local t0 = os.clock()
  n_sinorus = m:count(corpus)
  best = math.min(best, os.clock() - t0)
end
local t_sinorus = best

-- grep, as this machine runs it (its locale), and bytes-only (LC_ALL=C)
local locale = os.getenv("LC_ALL") or os.getenv("LC_CTYPE") or os.getenv("LANG") or "C"
if locale == "" then locale = "C" end
local t_grep, grep_out = timed_shell(string.format(
  "grep -F -o -w -i -f %s %s | wc -l", alias_path, corpus_path))
local n_grep = tonumber(grep_out) or 0
local t_grepc, grepc_out = timed_shell(string.format(
  "LC_ALL=C grep -F -o -w -i -f %s %s | wc -l", alias_path, corpus_path))
local n_grepc = tonumber(grepc_out) or 0

-- pure Lua, on a slice
local slice = corpus:sub(1, LUA_SLICE)
local slice_mb = #slice / (1024 * 1024)
local t0 = os.clock()
local n_lua = lua_count(slice, aliases, false)
local t_lua = os.clock() - t0
local fslice = corpus:sub(1, 1024 * 1024)  -- the slow one gets 1 MB
t0 = os.clock()
local n_luaf = lua_count(fslice, aliases, true)
local t_luaf = (os.clock() - t0) * #slice / #fslice

os.remove(corpus_path)
os.remove(alias_path)

local s_mbs = size_mb / t_sinorus
local rows = {
  { "sinorus m:count (C, one pass)", t_sinorus, s_mbs, tostring(n_sinorus) },
  { "grep -F -o -w -i -f (" .. locale .. ")", t_grep, size_mb / t_grep, tostring(n_grep) },
  { "grep -F -o -w -i -f (LC_ALL=C)", t_grepc, size_mb / t_grepc, tostring(n_grepc) },
  { "Lua find, plain (5 MB, scaled)", t_lua * size_mb / slice_mb, slice_mb / t_lua, n_lua .. " in 5 MB" },
  { "Lua find, %f patterns (1 MB, scaled)", t_luaf * size_mb / slice_mb, slice_mb / t_luaf, n_luaf .. " in 1 MB" },
}
print(string.format("corpus: %.1f MB of English, %d aliases; folded, on word boundaries", size_mb, #aliases))
print(string.format("%-40s %9s %9s %16s %10s", "method", "seconds", "MB/s", "matches", "sinorus is"))
for _, r in ipairs(rows) do
  print(string.format("%-40s %9.3f %9.1f %16s %9.1fx", r[1], r[2], r[3], r[4], s_mbs / r[3]))
end
local function verdict(ratio, target)
  return string.format("%.1fx (%s)", ratio, ratio >= target and "met" or "MISSED")
end
print(string.format("targets: >= 200 MB/s: %s; >= 10x grep (%s): %s; >= 10x grep (LC_ALL=C): %s",
  s_mbs >= 200 and "met" or "MISSED", locale, verdict(s_mbs * t_grep / size_mb, 10),
  verdict(s_mbs * t_grepc / size_mb, 10)))
print(string.format("         >= 100x Lua (plain find): %s; >= 100x Lua (%%f patterns): %s",
  verdict(s_mbs * t_lua / slice_mb, 100), verdict(s_mbs * t_luaf / slice_mb, 100)))
print("(counts differ: grep -w -i neither folds nor reads 'U.S.' or multi-word aliases as sinorus does)")
