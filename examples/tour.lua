-- examples/tour.lua: a first look at the built-in knowledge base.
--   make demo    (or: lua5.4 examples/tour.lua with LUA_PATH/LUA_CPATH set)

local sinorus = require "sinorus"
local kb <close> = sinorus.open()

print(kb)
print()

local src = kb:sources()[1]
print(string.format("%s\n  by %s, %s (%s), doi:%s", src.title,
  table.concat(src.authors, " and "), src.outlet, src.published, src.doi))
print()

print("Headings:")
for _, h in ipairs(kb:segments { kind = "heading" }) do
  print("  " .. h.text)
end
print()

print('Search: "secondary sanctions"')
for _, hit in ipairs(kb:search("secondary sanctions", { limit = 3 })) do
  print(string.format("  %6.2f  %s", hit.rank, hit.snippet))
end
print()

print('Keyword in context: "Taiwan"')
print(kb:kwic("Taiwan", { width = 30 }))
print()

print("Sentences per section:")
for row in kb:rows([[SELECT coalesce(h.text, '(opening)') AS section, count(*) AS n
                     FROM segment s LEFT JOIN segment h ON h.id = s.section
                     WHERE s.kind = 'sentence' AND s.duplicate_of IS NULL
                     GROUP BY s.section ORDER BY min(s.ord)]]) do
  print(string.format("  %3d  %s", row.n, row.section))
end
