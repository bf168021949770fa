-- The attack set of sinorus.sandbox (issues 8 and 21): scripts that try to
-- run past a limit, hold the host, leak or read what they should not.
-- spec/sandbox_attacks_spec.lua asserts how each one ends; bench/sandbox.lua
-- measures the worst wall time and peak RSS over the set.
--
-- Each entry: name, script, and either fails (a pattern the message must
-- match) or returns (the value the script must give back); opts override
-- the issue's limits (LIMITS below), which run() applies.

local ROWS_NEVER_STEPPED = [[
  local list = {}
  for j = 1, 15000 do list[j] = j end
  local sql = "SELECT 1 AS x WHERE ? IN (" .. table.concat(list, ",") .. ")"
  local keep = {}
  for i = 1, 3000 do keep[i] = { kb:rows(sql, i) } end
]]

local BIND_COPIES = [[
  local s = ("x"):rep(199999)
  local args = {}
  for i = 1, 999 do args[i] = s end
  return kb:sql("SELECT " .. ("length(?) + "):rep(998) .. "length(?) AS n",
                table.unpack(args))
]]

local ATTACKS = {
  -- C loops out of the hook's reach
  { name = "string.rep of an empty string, count as a string",
    script = [[return string.rep("", "1e15")]], returns = "" },
  { name = "string.rep of an empty string, empty separator",
    script = [[return ("").rep("", 1e15, "")]], returns = "" },
  { name = "table.move with a float end",
    script = [[table.move({1}, 1, 2^62, 1, {})]], fails = "^instruction limit exceeded$" },
  { name = "table.move with string ends",
    script = [[table.move({1}, "1", "4e18", 1, {})]], fails = "^instruction limit exceeded$" },
  { name = "table.move over the whole integer range",
    script = [[table.move({}, math.mininteger, math.maxinteger, 1, {})]],
    fails = "limit exceeded$" },
  { name = "a C function called in a loop (s:upper() on 5 MB)",
    script = [[local s = ("x"):rep(5e6) while true do s:upper() end]],
    fails = "^time limit exceeded$", opts = { instructions = 1e12 } },
  { name = "full collections in a loop",
    script = [[local t = {} for i = 1, 1e5 do t[i] = {i} end while true do collectgarbage() end]],
    fails = "^time limit exceeded$", opts = { instructions = 1e12 } },
  { name = "sinorus.hedges on megabytes",
    script = [[return #require("sinorus").hedges(("xx "):rep(2e6))]],
    fails = "limit exceeded$" },
  { name = "sinorus.hedges on megabytes, huge budget",
    script = [[return #require("sinorus").hedges(("xx "):rep(2e6))]],
    fails = "^time limit exceeded$", opts = { instructions = 1e15, time = 0.3 } },
  { name = "kb:simulate of 1e8 draws, huge budget",
    script = [[return kb:simulate{n = 1e8}.mean]],
    fails = "^time limit exceeded$", opts = { instructions = 1e15 } },

  -- patterns that backtrack
  { name = "string.find '.-b' on 2e6 bytes",
    script = [[return string.find(string.rep("a", 2e6), ".-b")]],
    fails = "^instruction limit exceeded$" },
  { name = "string.find '%bab' on 2e6 bytes",
    script = [[return string.find(string.rep("a", 2e6), "%bab")]],
    fails = "^instruction limit exceeded$" },
  { name = "string.match '.-b' on 2e6 bytes",
    script = [[return (string.rep("a", 2e6)):match(".-b")]],
    fails = "^instruction limit exceeded$" },
  { name = "string.gmatch '%bab' on 2e6 bytes",
    script = [[for _ in (string.rep("a", 2e6)):gmatch("%bab") do end]],
    fails = "^instruction limit exceeded$" },
  { name = "string.gsub '.-b' on 2e6 bytes",
    script = [[return (string.rep("a", 2e6)):gsub(".-b", "")]],
    fails = "^instruction limit exceeded$" },
  { name = "string.find with a back reference",
    script = [[return (string.rep("a", 2e5)):find("(a*)%1b")]],
    fails = "^instruction limit exceeded$" },
  { name = "patterns with a time limit and a huge budget",
    script = [[return string.find(string.rep("a", 2e6), ".-b")]],
    fails = "^time limit exceeded$", opts = { instructions = 1e15 } },
  { name = "a plain find of half the subject",
    script = [[local s = ("a"):rep(4e6) return s:find(("a"):rep(2e6) .. "b", 1, true)]],
    fails = "^instruction limit exceeded$" },

  -- finalizers, which Lua runs without hooks
  { name = "__gc swapped on the KB's metatable",
    script = [[getmetatable(kb).__gc = function() while true do end end]],
    fails = "metatables of the sandbox's values are read%-only" },
  { name = "__gc swapped on a statement's metatable",
    script = [[local _, st = kb:rows("SELECT 1 AS x")
               getmetatable(st).__gc = function() while true do end end]],
    fails = "metatables of the sandbox's values are read%-only" },
  { name = "__gc swapped on a record list's metatable",
    script = [[getmetatable(kb:claims()).__gc = function() while true do end end]],
    fails = "metatables of the sandbox's values are read%-only" },
  { name = "__gc and __close cleared on the KB's metatable",
    script = [[local mt = getmetatable(kb) mt.__gc = nil mt.__close = nil]],
    fails = "metatables of the sandbox's values are read%-only" },
  { name = "rawset on a metatable view",
    script = [[local v = getmetatable(kb) rawset(v, "__gc", function() while true do end end)
               collectgarbage() return getmetatable(v)]], returns = false },

  -- SQL functions, inside which no progress handler runs
  { name = "three printf('%.*c', 2e9, 'x') in one row",
    script = [[return kb:sql("SELECT length(printf('%.*c', 2e9, 'x')) AS a, " ..
               "length(printf('%.*c', 2e9, 'x')) AS b, length(printf('%.*c', 2e9, 'x')) AS c")]],
    fails = "not authorized to use function: printf" },
  { name = "format('%.*c', 2e9, 'x')",
    script = [[return kb:sql("SELECT length(format('%.*c', 2e9, 'x')) AS a")]],
    fails = "not authorized to use function: format" },
  { name = "zeroblob of 1e9 bytes",
    script = [[return kb:sql("SELECT hex(zeroblob(1000000000)) AS n")]], fails = "too big" },
  { name = "randomblob of 1e8 bytes",
    script = [[return kb:sql("SELECT length(randomblob(100000000)) AS n")]], fails = "too big" },
  { name = "replace that grows a string",
    script = [[return kb:sql("SELECT length(replace(hex(randomblob(90000)), 'A', " ..
               "hex(randomblob(90000)))) AS n")]], fails = "too big" },
  { name = "group_concat over a recursive CTE",
    script = [[return kb:sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) " ..
               "SELECT length(group_concat(hex(randomblob(1000)))) AS n FROM c")]],
    fails = "limit exceeded$" },
  { name = "an endless recursive CTE",
    script = [[return kb:sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) " ..
               "SELECT count(*) AS n FROM c")]], fails = "limit exceeded$" },
  { name = "fts3_tokenizer, which hands out a host pointer",
    script = [[return kb:sql("SELECT hex(fts3_tokenizer('simple')) AS h")]],
    fails = "not authorized to use function: fts3_tokenizer" },

  -- SQLite's memory, counted at each prepare and bind
  { name = "3000 statements with a 15000-item IN list, never stepped",
    script = ROWS_NEVER_STEPPED, fails = "^memory limit exceeded$",
    opts = { instructions = 1e9 } },
  { name = "2000 blobs of 150 kB kept by DISTINCT",
    script = [[return kb:sql("WITH RECURSIVE c(x, b) AS (SELECT 1, randomblob(150000) " ..
               "UNION ALL SELECT x + 1, randomblob(150000) FROM c LIMIT 2000) " ..
               "SELECT count(DISTINCT b) AS n FROM c")]], fails = "^memory limit exceeded$" },
  { name = "a 200 kB string bound 999 times",
    script = BIND_COPIES, fails = "^memory limit exceeded$" },
}

-- The limits of the issue; an attack's opts override them.
local LIMITS = { memory = 16 * 1024 * 1024, instructions = 10000000, time = 1 }

-- Runs script in sinorus.sandbox under LIMITS and opts; returns its
-- results packed.
local function run(sinorus, script, opts)
  local o = {}
  for k, v in pairs(LIMITS) do o[k] = v end
  for k, v in pairs(opts or {}) do o[k] = v end
  return table.pack(sinorus.sandbox(script, o))
end

return { attacks = ATTACKS, limits = LIMITS, run = run }
