-- examples/graph_export.lua: the signed actor network — who matters, is
-- it balanced — written out for Gephi and Graphviz.
--
--   lua5.4 examples/graph_export.lua [OUTDIR]    (default: a temporary directory)

local sinorus = require "sinorus"
local kb = rawget(_G, "kb") or sinorus.open()

local outdir = arg and arg[1]
if not outdir then
  outdir = os.tmpname()
  os.remove(outdir)
  assert(os.execute("mkdir -p '" .. outdir .. "'"))
end

local g = kb:graph { kind = "relations" }
print(string.format("%d actors, %d relations", #g:nodes(), #g:edges()))
print("\nMost central (PageRank):")
print(g:pagerank())
print()
print(g:balance())
print("\nFrom China to the United States:")
print(g:path("China", "United States"))

local co = kb:graph { kind = "mentions" }
print(string.format("\nCo-mention network: %d entities, %d ties", #co:nodes(), #co:edges()))

local function write(name, text)
  local path = outdir .. "/" .. name
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
  print("wrote " .. path)
end
print()
write("relations.dot", g:to_dot())
write("relations.gexf", g:to_gexf())
write("mentions.graphml", co:to_graphml())
assert(kb:export("json", outdir .. "/kb.json"))
print("wrote " .. outdir .. "/kb.json")
assert(kb:export("csv", outdir .. "/claims.csv", { records = "claims" }))
print("wrote " .. outdir .. "/claims.csv")
