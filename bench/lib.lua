-- bench/lib.lua: helpers shared by the benchmarks.

local lib = {}

-- Runs a shell command and returns its standard output; raises on failure.
function lib.sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok = p:close()
  if not ok then error("command failed: " .. cmd) end
  return out
end

-- s quoted for sh.
function lib.q(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- The median of a list of numbers (sorts the list).
function lib.median(t)
  table.sort(t)
  local n = #t
  return n % 2 == 1 and t[(n + 1) // 2] or (t[n // 2] + t[n // 2 + 1]) / 2
end

-- A synthetic corpus of mb megabytes made of windows of 8 to 30
-- consecutive words of the article, four to six sentences a paragraph, so
-- its vocabulary and its density of entity mentions are the article's
-- (bench/author.lua's import, bench/suggest.lua). With unique, each
-- sentence joins two such windows of 4 to 15 words, so that sentences
-- hardly ever repeat (the windows of one article do, from a few MB on,
-- and a repeated sentence is a duplicate the suggester skips). Returns
-- the paragraphs and the sentences (lists of strings); the text is the
-- paragraphs joined by blank lines. The same arguments give the same
-- corpus.
function lib.article_corpus(mb, unique)
  local sinorus = require "sinorus"
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
  local paras, sentences, size = {}, {}, 0
  while size < mb * 1e6 do
    local para = {}
    for s = 1, 3 + rnd(3) do
      local w
      if unique then
        local n1, s1, n2, s2 = 3 + rnd(12), rnd(#words - 31), 3 + rnd(12), rnd(#words - 31)
        w = table.move(words, s1, s1 + n1 - 1, 1, {})
        table.move(words, s2, s2 + n2 - 1, n1 + 1, w)
      else
        local n, start = 7 + rnd(23), rnd(#words - 31)
        w = table.move(words, start, start + n - 1, 1, {})
      end
      w[1] = w[1]:gsub("^%l", string.upper)
      local sent = table.concat(w, " "):gsub("[%.,;:!?]*$", "") .. "."
      para[s] = sent
      sentences[#sentences + 1] = sent
    end
    paras[#paras + 1] = table.concat(para, " ")
    size = size + #paras[#paras] + 2
  end
  return paras, sentences
end

-- Wall seconds of the day, to the millisecond (sinorus's UTC clock).
function lib.wall()
  local h, m, s = require("sinorus.core").utc_now():match("T(%d+):(%d+):([%d.]+)Z")
  return h * 3600 + m * 60 + tonumber(s)
end

-- A fresh temporary path ending in suffix.
function lib.tmp(suffix)
  local p = os.tmpname()
  os.remove(p)
  return p .. suffix
end

-- CPU seconds of this process spent in f (the C baselines measure CPU time
-- too, with CLOCK_PROCESS_CPUTIME_ID, so in-process ratios compare alike).
function lib.cpu(f)
  local t0 = os.clock()
  f()
  return os.clock() - t0
end

-- Wall seconds of the day, to the millisecond.
function lib.wall()
  local h, m, s = require("sinorus.core").utc_now():match("T(%d+):(%d+):([%d.]+)Z")
  return h * 3600 + m * 60 + tonumber(s)
end

-- Whether valgrind is installed.
lib.has_valgrind = os.execute("command -v valgrind >/dev/null 2>&1") and true or false

-- Instructions executed by a command (with env, a prefix of assignments),
-- counted by valgrind's callgrind: exact and repeatable whatever else the
-- machine does.
function lib.irefs(cmd, env)
  local out = lib.sh((env or "") .. "valgrind --tool=callgrind --callgrind-out-file=/dev/null "
                     .. cmd .. " 2>&1")
  return tonumber((out:match("I%s+refs:%s+([%d,]+)") or ""):gsub(",", "") .. "")
end

return lib
