-- bench/docs_corpus.lua: a corpus of varied prose for bench/author.lua
-- (SINORUS_BENCH_CORPUS), from the documentation Debian installs: every
-- README, NEWS, FAQ, .md and .txt file under /usr/share/doc that is UTF-8
-- and not a change log, each once (by content), in the order of their
-- paths, joined by blank lines. The documentation is Markdown or text
-- written by many authors (on this project's machine mostly Node.js's API
-- documents and Git's), unlike the article's windows of the default
-- corpus.
--
--   lua5.4 bench/docs_corpus.lua OUT.md [DIR]

local out_path, dir = arg[1], arg[2] or "/usr/share/doc"
if not out_path then
  io.stderr:write("usage: lua5.4 bench/docs_corpus.lua OUT.md [DIR]\n")
  os.exit(2)
end
local q = require("bench.lib").q

local p = assert(io.popen("find " .. q(dir) .. " -type f \\( -name 'README*' -o -name 'NEWS*'"
  .. " -o -name 'FAQ*' -o -name '*.md' -o -name '*.txt' \\) ! -name '*.gz' 2>/dev/null"))
local paths = {}
for path in p:lines() do
  if not path:lower():find("changelog", 1, true) then paths[#paths + 1] = path end
end
p:close()
table.sort(paths)

local seen, parts, bytes = {}, {}, 0
for _, path in ipairs(paths) do
  local f = io.open(path, "rb")
  local t = f and f:read("a")
  if f then f:close() end
  if t and t:find("%S") and utf8.len(t) and not t:find("\0", 1, true) and not seen[t] then
    seen[t] = true
    parts[#parts + 1] = t
    bytes = bytes + #t
  end
end
local out = assert(io.open(out_path, "wb"))
out:write(table.concat(parts, "\n\n"))
assert(out:close())
print(string.format("%s: %d files, %.1f MB", out_path, #parts, bytes / 1e6))
