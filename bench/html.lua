-- bench/html.lua: the offline HTML reader (kb:export("html")).
--
--   export      CPU time of kb:export("html", dir) for the built-in KB,
--               against kb:export("json") of the same KB (every record)
--   size        the page's bytes, against the article's text and the JSON
--               export
--   first paint time from navigation to the first frame showing the
--               reader's text in headless chromium (spec/browser/paint.js,
--               median of 7 fresh loads), against a plain HTML page of the
--               article's text loaded the same way; target < 1 s
--   large       the same three figures for the article's KB with an
--               imported source of 3,000 sentences
--
-- Run: make bench (needs chromium and `npm ci` in spec/browser).

local sinorus = require "sinorus"
local lib = require "bench.lib"

local kb = sinorus.open()
local dir = lib.tmp("-site")
assert(os.execute("mkdir -p " .. lib.q(dir)))

local function best(f, n)
  local b = math.huge
  for _ = 1, n do b = math.min(b, lib.cpu(f)) end
  return b
end

local t_html = best(function() assert(kb:export("html", dir)) end, 3)
local json
local t_json = best(function() json = kb:export("json") end, 3)
print(string.format("export html  %8.1f ms CPU   export json %6.1f ms   ratio %.1fx",
  t_html * 1000, t_json * 1000, t_html / t_json))

local f = assert(io.open(dir .. "/index.html", "rb"))
local size = #f:read("a")
f:close()
local text = kb:text(kb:sources()[1].id)
print(string.format("site size    %8d bytes       article text %d bytes (%.1fx), JSON export "
  .. "%d bytes (%.1fx)", size, #text, size / #text, #json, size / #json))

-- the baseline page: the article's text as plain paragraphs
local plain = dir .. "/plain.html"
f = assert(io.open(plain, "wb"))
f:write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>plain</title>'
  .. "</head><body>")
for para in text:gmatch("[^\n]+") do
  f:write("<p>", (para:gsub("&", "&amp;"):gsub("<", "&lt;")), "</p>")
end
f:write("</body></html>\n")
f:close()

local out = lib.sh("cd spec/browser && node paint.js 7 " .. lib.q(dir .. "/index.html") .. " "
  .. lib.q(plain))
local p_site, l_site = out:match("index%.html (%S+) (%S+)")
local p_plain, l_plain = out:match("plain%.html (%S+) (%S+)")
p_site, p_plain = tonumber(p_site), tonumber(p_plain)
print(string.format("first paint  %8.1f ms wall  plain page %6.1f ms   ratio %.1fx   "
  .. "(load %s ms / %s ms)   target < 1000 ms: %s", p_site, p_plain, p_site / p_plain,
  l_site, l_plain, p_site < 1000 and "met" or "missed"))

-- the article's KB with an imported source of 3,000 sentences
local file = lib.tmp(".sqlite")
local big = assert(sinorus.open(file, { create = true, article = true }))
big:add_source { title = "Generated notes", text = require("spec.support.notes")(300) }
local t_big = best(function() assert(big:export("html", dir)) end, 1)
f = assert(io.open(dir .. "/index.html", "rb"))
local size_big = #f:read("a")
f:close()
out = lib.sh("cd spec/browser && node paint.js 7 " .. lib.q(dir .. "/index.html"))
local p_big = tonumber(out:match("index%.html (%S+)"))
print(string.format("3,000 more sentences: export %.1f ms CPU (%.1fx the article's), %d bytes "
  .. "(%.1fx), first paint %.1f ms (%.1fx); target < 1000 ms: %s", t_big * 1000,
  t_big / t_html, size_big, size_big / size, p_big, p_big / p_site,
  p_big < 1000 and "met" or "missed"))
big:close()
for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(file .. suffix) end

os.remove(dir .. "/index.html")
os.remove(plain)
os.remove(dir)
kb:close()
