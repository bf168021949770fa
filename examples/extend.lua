-- examples/extend.lua: extend the knowledge base with your own note, save
-- the analysis to a file and query it again.
--
--   lua5.4 examples/extend.lua [FILE]     (default: a temporary file)

local sinorus = require "sinorus"

local path = arg and arg[1]
if not path then
  local base = os.tmpname()
  os.remove(base)
  path = base .. ".sqlite"
end
os.remove(path)

-- A new file, seeded with the article's knowledge base.
local kb <close> = assert(sinorus.open(path, { create = true, article = true }))

local note = "Field notes, March 2022.\n\n"
  .. "After the invasion, Chinese state media repeated Russian talking points about "
  .. "NATO enlargement. Chinese banks nevertheless restricted letters of credit for "
  .. "Russian commodities, which suggests that exposure to secondary sanctions still "
  .. "weighs heavily in Beijing.\n"

local id = kb:add_source {
  title = "Field notes", authors = { "A. Analyst" }, published = "2022-03-15", text = note,
}
print(string.format("added source %d: %d segments", id,
                    #kb:segments { source = id }))

-- The new text is searchable and tagged with the KB's entities.
print(kb:search("secondary sanctions", { source = id }))
print(kb:mentions("Beijing", { limit = 3 }))

-- Code a sentence, then save a copy.
local hit = kb:search("letters of credit", { source = id })[1]
kb:code(hit.segment, "sanctions-compliance")
print(kb:codes())

local copy = path:gsub("%.sqlite$", "") .. "-copy.sqlite"
assert(kb:save(copy))
kb:close()

-- The saved analysis opens again, with the note in it.
local again <close> = assert(sinorus.open(copy, { readonly = true }))
print(again)
print(again:source(id).title)
os.remove(copy)
if not (arg and arg[1]) then os.remove(path) end
