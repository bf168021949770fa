-- bench/import.lua: import throughput per document format against plain
-- text of the same content, measured in the same run.
--
-- The corpus: the documents of spec/fixtures/formats/src (Chinese,
-- Russian, English, traditional Chinese), each repeated REPEAT times with
-- its paragraphs numbered, written in every format and encoding by the
-- fixtures' own generator (make-formats.lua). For each file: the
-- extraction alone (core.extract) and the whole import (kb:import into a
-- new KB with the article's entities, to the end of its commit and
-- close), CPU seconds (os.clock) and wall
-- seconds (bench.lib.wall), best of ROUNDS alternating rounds, as MB of
-- extracted UTF-8 text per second; the ratio is to the plain UTF-8 text
-- file of the same document (its .txt, or its .md for HTML and DOCX,
-- whose text is Markdown).
--
--   SINORUS_BENCH_REPEAT=N (default 300)  SINORUS_BENCH_ROUNDS=N (default 3)

local sinorus = require "sinorus"
local core = require "sinorus.core"
local lib = require "bench.lib"

local REPEAT = tonumber(os.getenv("SINORUS_BENCH_REPEAT")) or 300
local ROUNDS = tonumber(os.getenv("SINORUS_BENCH_ROUNDS")) or 3
local SRC = "spec/fixtures/formats/src/"

local dir = lib.tmp(".import-bench")
lib.sh("mkdir -p " .. lib.q(dir .. "/src") .. " && cp " .. SRC .. "meta.lua " .. lib.q(dir .. "/src"))

local slurp = require("spec.support.fs").slurp

-- Each document REPEAT times: the title once, then its sections, each
-- paragraph starting with "(N) " (N the copy, so no two are the same).
for _, lang in ipairs { "en", "ru", "zh", "zh-hant" } do
  local md = slurp(SRC .. lang .. ".md")
  local title, body = md:match("^(# [^\n]*\n\n)(.*)$")
  local parts = { title }
  for i = 1, REPEAT do
    parts[#parts + 1] = body:gsub("\n\n([^#\n])", "\n\n(" .. i .. ") %1") .. "\n"
  end
  local f = assert(io.open(dir .. "/src/" .. lang .. ".md", "wb"))
  f:write((table.concat(parts):gsub("\n+$", "\n")))
  f:close()
end
lib.sh("lua5.4 spec/fixtures/formats/make-formats.lua " .. lib.q(dir))

-- file, format, the plain file of the same text
local CASES = {}
for _, lang in ipairs { "en", "ru", "zh" } do
  CASES[#CASES + 1] = { lang .. ".txt", "text", lang .. ".txt" }
  CASES[#CASES + 1] = { lang .. ".html", "html", "src/" .. lang .. ".md" }
  CASES[#CASES + 1] = { lang .. ".docx", "docx", "src/" .. lang .. ".md" }
  CASES[#CASES + 1] = { lang .. ".pdf", "pdf", lang .. ".txt" }
end
CASES[#CASES + 1] = { "ru-cp1251.txt", "text", "ru.txt" }
CASES[#CASES + 1] = { "ru-koi8r.txt", "text", "ru.txt" }
CASES[#CASES + 1] = { "zh-gb18030.txt", "text", "zh.txt" }
CASES[#CASES + 1] = { "zh-hant-big5.txt", "text", "zh-hant.txt" }
CASES[#CASES + 1] = { "en-utf16le.txt", "text", "en.txt" }
-- the references themselves, for the Markdown ones
for _, lang in ipairs { "en", "ru", "zh", "zh-hant" } do
  CASES[#CASES + 1] = { "src/" .. lang .. ".md", "markdown", "src/" .. lang .. ".md" }
end
CASES[#CASES + 1] = { "zh-hant.txt", "text", "zh-hant.txt" }

-- {cpu, wall} of f(setup()), best of the rounds by wall time (setup untimed)
local function measure(f, setup)
  local best
  for _ = 1, ROUNDS do
    local arg = setup and setup()
    collectgarbage()
    local c0, w0 = os.clock(), lib.wall()
    f(arg)
    local r = { cpu = os.clock() - c0, wall = lib.wall() - w0 }
    if not best or r.wall < best.wall then best = r end
  end
  return best
end

local results = {}
for _, c in ipairs(CASES) do
  local data = slurp(dir .. "/" .. c[1])
  local doc = assert(core.extract(data, c[2]))
  local mb = #doc.text / 1e6
  -- the extraction alone, repeated to about 4 MB a round (the clock
  -- counts milliseconds), per run
  local reps = math.max(1, math.ceil(4 / mb))
  local ex = measure(function()
    for _ = 1, reps do assert(core.extract(data, c[2])) end
  end)
  ex.cpu, ex.wall = ex.cpu / reps, ex.wall / reps
  -- the import into a new KB with the article's entities, made untimed
  -- (the hash of the article's text is taken then, as a first import does)
  local im = measure(function(kb)
    local s = assert(kb:import { files = { dir .. "/" .. c[1] }, format = c[2] })
    assert(s.imported == 1, c[1])
    kb:close()
  end, function()
    local db = lib.tmp(".sqlite")
    local kb = assert(sinorus.open(db, { create = true, article = true }))
    local s = assert(kb:import { files = { dir .. "/src/meta.lua" }, format = "text" })
    assert(s.imported == 1)
    return kb
  end)
  results[c[1]] = { mb = mb, ex = ex, im = im, ref = c[3], bytes = #data }
end

print(string.format("%d copies of each document; MB of extracted UTF-8 text per second, best of %d",
                    REPEAT, ROUNDS))
print(string.format("%-20s %7s | %9s %9s | %9s %9s %7s %7s", "file", "MB", "extract", "(cpu)",
                    "import", "(cpu)", "x plain", "(cpu)"))
for _, c in ipairs(CASES) do
  local r, ref = results[c[1]], results[c[3]]
  print(string.format("%-20s %7.2f | %9.1f %9.1f | %9.2f %9.2f %7.2f %7.2f", c[1], r.mb,
    r.mb / r.ex.wall, r.mb / r.ex.cpu, r.mb / r.im.wall, r.mb / r.im.cpu,
    (r.mb / r.im.wall) / (ref.mb / ref.im.wall), (r.mb / r.im.cpu) / (ref.mb / ref.im.cpu)))
end
lib.sh("rm -rf " .. lib.q(dir))
