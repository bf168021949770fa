-- bench/graph.lua: graphs in C against the same algorithms in plain Lua.
--
-- A synthetic signed, weighted, directed graph of 100,000 nodes and
-- 1,000,000 edges (half of them between nearby nodes, so that it has
-- triangles; a quarter of the signs negative), then:
--   build     core.graph{...} from edge columns (Lua tables read by the
--             binding; in C the edge columns and PageRank's in-edge rows,
--             while the sorted CSR rows the other measures walk are built
--             on their first use, so the C balance time includes them)
--             against building the sorted out- and in-rows in Lua
--   pagerank  20 iterations (tol = 0) against a Lua power iteration
--   balance   structural balance (all triangles) against the same
--             degree-ordered triangle enumeration in Lua
-- Build and PageRank alternate three rounds of C and Lua, each side keeping
-- its best; balance runs once (its Lua version takes seconds).
-- Targets: build < 1 s, PageRank < 0.5 s and balance < 2 s, each >= 20x
-- the Lua version. (The build's time includes reading 4,000,000 Lua table
-- values through the C API, which bounds its ratio to the Lua build.)
--
-- Run: LUA_CPATH='build/?.so;;' LUA_PATH='lua/?.lua;lua/?/init.lua;;' lua5.4 bench/graph.lua
-- SINORUS_BENCH_EDGES and SINORUS_BENCH_NODES shrink it for a quick run.

local core = require "sinorus.core"

local N = tonumber(os.getenv("SINORUS_BENCH_NODES")) or 100000
local M = tonumber(os.getenv("SINORUS_BENCH_EDGES")) or 1000000
local ITERS = 20

local function time(f)
  local t0 = os.clock()
  local a, b, c = f()
  return os.clock() - t0, a, b, c
end

-- xorshift64*-like generator on Lua integers: deterministic everywhere
local state = 0x9E3779B97F4A7C15
local function rnd(k)
  state = state ~ (state << 13)
  state = state ~ (state >> 7)
  state = state ~ (state << 17)
  return (state >> 11) % k
end

local from, to, sign, weight = {}, {}, {}, {}
for i = 1, M do
  local u = rnd(N) + 1
  local v
  if i % 2 == 0 then v = (u + rnd(64) - 32) % N + 1 else v = rnd(N) + 1 end
  from[i], to[i] = u, v
  sign[i] = rnd(4) == 0 and -1 or 1
  weight[i] = (rnd(1000) + 1) / 1000
end

-- ---------------------------------------------------------------------
-- Lua versions

-- Sorted CSR rows (by key, then neighbour) by two counting sorts;
-- row u (1-based ids) is off[u] .. off[u + 1] - 1.
local function lua_rows(n, m, key, nbr, w)
  local cnt, tmp = {}, {}
  for i = 1, n + 1 do cnt[i] = 0 end
  for e = 1, m do local x = nbr[e]; cnt[x] = cnt[x] + 1 end
  local s = 1
  for i = 1, n + 1 do local c = cnt[i]; cnt[i] = s; s = s + c end
  for e = 1, m do local x = nbr[e]; tmp[cnt[x]] = e; cnt[x] = cnt[x] + 1 end
  local off, at, onbr, ow = {}, {}, {}, {}
  for i = 1, n + 1 do off[i] = 0 end
  for e = 1, m do local x = key[e]; off[x] = off[x] + 1 end
  s = 1
  for i = 1, n + 1 do local c = off[i]; off[i] = s; at[i] = s; s = s + c end
  for i = 1, m do
    local e = tmp[i]
    local k = key[e]
    local p = at[k]
    at[k] = p + 1
    onbr[p], ow[p] = nbr[e], w[e]
  end
  return off, onbr, ow
end

local function lua_build()
  local out = { lua_rows(N, M, from, to, weight) }
  local inr = { lua_rows(N, M, to, from, weight) }
  return out, inr
end

local function lua_pagerank(out, inr, iters, d)
  local ooff, ow = out[1], out[3]
  local ioff, inb, iw = inr[1], inr[2], inr[3]
  local wout, r, x = {}, {}, {}
  for u = 1, N do
    local s = 0
    for k = ooff[u], ooff[u + 1] - 1 do s = s + ow[k] end
    wout[u] = s
    r[u] = 1 / N
  end
  for _ = 1, iters do
    local dangling = 0
    for u = 1, N do
      if wout[u] > 0 then x[u] = r[u] / wout[u] else x[u] = 0; dangling = dangling + r[u] end
    end
    local base = (1 - d) / N + d * dangling / N
    local nr, sum = {}, 0
    for v = 1, N do
      local s = 0
      for k = ioff[v], ioff[v + 1] - 1 do s = s + x[inb[k]] * iw[k] end
      local val = base + d * s
      nr[v] = val
      sum = sum + val
    end
    for u = 1, N do r[u] = nr[u] / sum end
  end
  return r
end

local function lua_balance()
  -- symmetric rows over both directions, then one signed tie per pair
  local key, nbr, sw, sg = {}, {}, {}, {}
  local m2 = 0
  for e = 1, M do
    local u, v = from[e], to[e]
    if u ~= v then
      m2 = m2 + 1; key[m2], nbr[m2], sw[m2], sg[m2] = u, v, sign[e] * weight[e], e
      m2 = m2 + 1; key[m2], nbr[m2], sw[m2], sg[m2] = v, u, sign[e] * weight[e], e
    end
  end
  local off, snb, sws = lua_rows(N, m2, key, nbr, sw)
  local _, _, sgs = lua_rows(N, m2, key, nbr, sg)
  local tie_nbr, tie_sign, deg = {}, {}, {}
  local toff = {}
  local t = 0
  for u = 1, N do
    toff[u] = t + 1
    local k, stop = off[u], off[u + 1] - 1
    while k <= stop do
      local v, s, ss = snb[k], 0, 0
      while k <= stop and snb[k] == v do
        s = s + sws[k]; ss = ss + sign[sgs[k]]; k = k + 1
      end
      if s ~= 0 or ss ~= 0 then
        t = t + 1
        tie_nbr[t] = v
        tie_sign[t] = (s > 0 or (s == 0 and ss > 0)) and 1 or -1
      end
    end
    deg[u] = t + 1 - toff[u]
  end
  toff[N + 1] = t + 1
  -- orient from lower (degree, index) to higher
  local ooff, onb, osg = {}, {}, {}
  local o = 0
  for u = 1, N do
    ooff[u] = o + 1
    local du = deg[u]
    for k = toff[u], toff[u + 1] - 1 do
      local v = tie_nbr[k]
      local dv = deg[v]
      if dv > du or (dv == du and v > u) then
        o = o + 1; onb[o] = v; osg[o] = tie_sign[k]
      end
    end
  end
  ooff[N + 1] = o + 1
  local mark = {}
  for u = 1, N do mark[u] = 0 end
  local tri, bal = 0, 0
  for u = 1, N do
    for k = ooff[u], ooff[u + 1] - 1 do mark[onb[k]] = osg[k] end
    for k = ooff[u], ooff[u + 1] - 1 do
      local v, suv = onb[k], osg[k]
      for j = ooff[v], ooff[v + 1] - 1 do
        local sux = mark[onb[j]]
        if sux ~= 0 then
          tri = tri + 1
          if suv * osg[j] * sux > 0 then bal = bal + 1 end
        end
      end
    end
    for k = ooff[u], ooff[u + 1] - 1 do mark[onb[k]] = 0 end
  end
  return tri, bal
end

-- ---------------------------------------------------------------------
-- Runs

collectgarbage()
-- Build and PageRank: three rounds, C and Lua alternating, each side
-- keeping its best (as bench/core.lua does), so that a slow moment of the
-- machine or of Lua's collector decides neither ratio.
local c_build, lua_build_t, c_pr, lua_pr = math.huge, math.huge, math.huge, math.huge
local g, lout, lin, cr, lr
for _ = 1, 3 do
  if g then g:close() end
  g, lout, lin = nil, nil, nil
  collectgarbage()
  local t
  t, g = time(function()
    return core.graph { nodes = N, from = from, to = to, sign = sign, weight = weight,
                        directed = true }
  end)
  c_build = math.min(c_build, t)
  collectgarbage()
  t, lout, lin = time(lua_build)
  lua_build_t = math.min(lua_build_t, t)
  t, cr = time(function() return g:pagerank(0.85, 0, ITERS) end)
  c_pr = math.min(c_pr, t)
  t, lr = time(function() return lua_pagerank(lout, lin, ITERS, 0.85) end)
  lua_pr = math.min(lua_pr, t)
end
lout, lin = nil, nil
collectgarbage()

local maxdiff = 0
for i = 1, N do maxdiff = math.max(maxdiff, math.abs(cr[i] - lr[i])) end

local c_bal, b = time(function() return g:balance(false) end)
collectgarbage()
local lua_bal, ltri, lbal = time(lua_balance)
assert(ltri == b.triangles and lbal == b.balanced,
       string.format("balance differs: C %d/%d, Lua %d/%d", b.balanced, b.triangles, lbal, ltri))
assert(maxdiff < 1e-12, "PageRank differs from the Lua version by " .. maxdiff)

local function row(name, c, l, target, min_ratio)
  local ratio = l / c
  local ok = c < target and (not min_ratio or ratio >= min_ratio)
  print(string.format("%-10s %10.3f %10.3f %9.1fx   %s: %s", name, c, l, ratio,
        string.format("< %.1f s", target) ..
        (min_ratio and string.format(", >= %dx", min_ratio) or ""),
        ok and "met" or "MISSED"))
end

print(string.format("graph: %d nodes, %d edges (directed, signed); %d triangles, balance %.4f",
                    N, M, b.triangles, b.ratio))
print(string.format("%-10s %10s %10s %10s   %s", "", "C (s)", "Lua (s)", "ratio", "target"))
row("build", c_build, lua_build_t, 1.0, 20)
row("pagerank", c_pr, lua_pr, 0.5, 20)
row("balance", c_bal, lua_bal, 2.0, 20)
print(string.format("PageRank max |C - Lua| = %.2e after %d iterations", maxdiff, ITERS))
