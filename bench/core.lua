-- bench/core.lua: the foundation's figures, each against a baseline
-- measured in the same run.
--
--   open     sinorus.open() of the built-in KB, per call in process;
--            `lua5.4 -e 'require"sinorus".open()'` against `lua5.4 -e ''`
--   rows     kb:rows per row over 1,000,000 rows, against a C loop of
--            sqlite3_step over the same query (and LuaSQL if it loads)
--   search   kb:search median latency on 1,000,000 sentences, against the
--            same FTS5 query and snippet call run bare from C
--
-- Set SINORUS_BENCH_SENTENCES to shrink the search corpus for a quick run.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local build = os.getenv("SINORUS_BUILD") or "build"
local baseline = build .. "/bench/baseline"

local lib = require "bench.lib"
local sh, median, tmp, cpu, irefs = lib.sh, lib.median, lib.tmp, lib.cpu, lib.irefs

-- Instructions per unit of work: cmd run with `more` and with `fewer` as
-- its last argument, the difference divided by the units between them.
local function per_unit(cmd, more, fewer, units, env)
  return (irefs(cmd .. " " .. more, env) - irefs(cmd .. " " .. fewer, env)) / units
end
local has_valgrind = lib.has_valgrind
local now = os.clock

local LUAENV = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' ", build)

local results = {}
local function report(name, value, unit, base, base_name, target)
  results[#results + 1] = { name = name, value = value, unit = unit, base = base,
                            base_name = base_name, target = target }
  local ratio = base and string.format("%.2fx %s", value / base, base_name) or ""
  io.write(string.format("%-44s %12.3f %-6s %s\n", name, value, unit, ratio))
  io.flush()
end


-- ---------------------------------------------------------------------
-- open

do
  local n = 2000
  for _ = 1, 50 do sinorus.open():close() end
  local t = cpu(function()
    for _ = 1, n do sinorus.open():close() end
  end)
  report("open: sinorus.open() + close, in process", t / n * 1e3, "ms", nil, nil, "< 1 ms")

  local env = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' ", build)
  local bare = tonumber(sh(baseline .. " spawn 40 lua5.4 -e ''"):match("%S+"))
  local with = tonumber(sh(env .. baseline ..
    " spawn 40 lua5.4 -e 'require\"sinorus\".open()'"):match("%S+"))
  report("open: lua5.4 -e '' (process)", bare / 1e6, "ms")
  report("open: lua5.4 -e 'require\"sinorus\".open()'", with / 1e6, "ms")
  report("open: extra start-up cost", (with - bare) / 1e6, "ms", nil, nil, "< 10 ms")
end

-- ---------------------------------------------------------------------
-- rows

do
  local path = tmp(".sqlite")
  local kb = assert(sinorus.open(path, { create = true, empty = true }))
  internal.script(kb, "CREATE TABLE bench (id INTEGER PRIMARY KEY, n INTEGER, x REAL, t TEXT)")
  internal.exec(kb, "BEGIN")
  for i = 1, 1000000 do
    internal.exec(kb, "INSERT INTO bench VALUES (?, ?, ?, ?)", i, i * 7 % 1000, i / 3, "row")
  end
  internal.exec(kb, "COMMIT")
  kb:close()
  kb = assert(sinorus.open(path, { readonly = true }))
  local sql = "SELECT id, n, x, t FROM bench"
  local reps = 2
  for _ in kb:rows(sql) do end  -- warm the page cache
  local best, c = math.huge, math.huge
  for _ = 1, 3 do
    local cc = tonumber(sh(string.format("%s rows %s '%s' %d", baseline, path, sql, reps)):match("%S+"))
    if cc < c then c = cc end
    local t = cpu(function()
      for _ = 1, reps do
        local sink = 0
        for row in kb:rows(sql) do sink = sink + row.n end
      end
    end)
    local per_row = t / (reps * 1e6) * 1e9
    if per_row < best then best = per_row end
  end
  report("rows: C loop of sqlite3_step, per row", c, "ns")
  report("rows: kb:rows, per row", best, "ns", c, "C loop", "<= 2x")
  if has_valgrind then  -- the same in instructions, over 100,000 rows
    local lim = sql .. " LIMIT 100000"
    local script = tmp(".lua")
    local f = assert(io.open(script, "w"))
    f:write(string.format([[
local kb = require("sinorus").open(%q, { readonly = true })
for _ = 1, tonumber(arg[1]) do
  local sink = 0
  for row in kb:rows(%q) do sink = sink + row.n end
end
]], path, lim))
    f:close()
    local lua_per = per_unit("lua5.4 " .. script, 1, 0, 1e5, LUAENV)
    local c_per = per_unit(string.format("%s rows %s '%s'", baseline, path, lim), 2, 1, 1e5)
    os.remove(script)
    report("rows: C loop, instructions per row", c_per, "")
    report("rows: kb:rows, instructions per row", lua_per, "", c_per, "C loop", "<= 2x")
  end
  local ok, luasql = pcall(require, "luasql.sqlite3")
  if ok then
    local env = luasql.sqlite3()
    local con = env:connect(path)
    local t2 = cpu(function()
      for _ = 1, reps do
        local cur = con:execute(sql)
        local row = cur:fetch({}, "a")
        while row do row = cur:fetch(row, "a") end
        cur:close()
      end
    end)
    report("rows: LuaSQL cursor:fetch, per row", t2 / (reps * 1e6) * 1e9, "ns", c, "C loop")
    con:close(); env:close()
  else
    io.write("rows: LuaSQL (lua-sql-sqlite3) does not load under Lua 5.4: skipped\n")
  end
  kb:close()
  os.remove(path); os.remove(path .. "-wal"); os.remove(path .. "-shm")
end

-- ---------------------------------------------------------------------
-- search

do
  local total = tonumber(os.getenv("SINORUS_BENCH_SENTENCES")) or 1000000
  local path = tmp(".sqlite")
  local kb = assert(sinorus.open(path, { create = true, empty = true }))
  -- Synthetic sentences from the article's vocabulary, with one rare word.
  local words = {}
  for w in assert(io.open("data/abb-polianskii-2022/article.txt")):read("a"):gmatch("%a+") do
    words[#words + 1] = w:lower()
  end
  local seed = 12345
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local per_source = 20000
  local t_import = cpu(function()
    internal.exec(kb, "BEGIN")
    local made = 0
    while made < total do
      local lines = {}
      for i = 1, math.min(per_source, total - made) do
        local s = {}
        for j = 1, 8 + rand(10) do s[j] = words[rand(#words)] end
        if (made + i) % 50000 == 0 then s[#s + 1] = "zyxwv" end
        s[1] = s[1]:gsub("^%l", string.upper)
        lines[i] = table.concat(s, " ") .. "."
      end
      internal.add_source(kb, { title = "synthetic", authors = {}, text = table.concat(lines, " ") })
      made = made + #lines
    end
    internal.exec(kb, "COMMIT")
  end)
  report(string.format("search: import %d sentences", total), t_import, "s")
  kb:close()
  kb = assert(sinorus.open(path, { readonly = true }))
  local queries = { rare = "zyxwv", common = "china", two = "secondary sanctions" }
  -- Three rounds, C and Lua alternating, so that both see the same load;
  -- each side keeps its best median.
  for _, name in ipairs { "rare", "common", "two" } do
    local q = queries[name]
    local reps = name == "common" and 15 or 60
    local expr = require("sinorus.core").query(q)
    kb:search(q)
    local best_lua, best_c = math.huge, math.huge
    for _ = 1, 3 do
      local c = tonumber(sh(string.format("%s search %s '%s' %d", baseline, path, expr,
                                          reps)):match("%S+"))
      if c < best_c then best_c = c end
      local t = {}
      for i = 1, reps do
        local t0 = now()
        kb:search(q)
        t[i] = now() - t0
      end
      local m = median(t) * 1e9
      if m < best_lua then best_lua = m end
    end
    report(string.format("search %-6s bare FTS5 from C, median", name), best_c / 1e6, "ms")
    report(string.format("search %-6s kb:search, median", name), best_lua / 1e6, "ms",
           best_c / 1e6, "bare FTS5", "<= 1.2x")
  end
  kb:close()

  -- The same comparison in instructions (valgrind's callgrind counts them
  -- exactly, whatever else the machine does): per query, the difference
  -- between a run with 50 queries and one with none, for each side.
  if has_valgrind then
    local script = tmp(".lua")
    local f = assert(io.open(script, "w"))
    f:write(string.format([[
local kb = require("sinorus").open(%q, { readonly = true })
kb:search(%q)
for _ = 1, tonumber(arg[1]) do kb:search(%q) end
]], path, queries.rare, queries.rare))
    f:close()
    local expr = require("sinorus.core").query(queries.rare)
    local lua_per = per_unit("lua5.4 " .. script, 50, 0, 50, LUAENV)
    local c_per = per_unit(string.format("%s search %s '%s'", baseline, path, expr), 51, 1, 50)
    os.remove(script)
    report("search rare   bare FTS5 from C, instructions", c_per / 1e3, "k")
    report("search rare   kb:search, instructions", lua_per / 1e3, "k", c_per / 1e3,
           "bare FTS5", "<= 1.2x")
  end
  os.remove(path); os.remove(path .. "-wal"); os.remove(path .. "-shm")
end
