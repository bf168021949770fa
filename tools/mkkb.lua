-- tools/mkkb.lua DATA_DIR OUT: builds the built-in knowledge base.
--
-- Run by the Makefile with the stage-0 module (no built-in KB) on the
-- path. It creates an empty KB file with the schema, adds the article
-- as source 1 (segmented by the C segmenter and indexed), loads the
-- coded records from DATA_DIR/kb (tools/kbdata.lua) and compacts the
-- file. Any error stops the build with a message naming its cause.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"

local dir, out = arg[1], arg[2]
if not dir or not out then
  io.stderr:write("usage: lua5.4 tools/mkkb.lua DATA_DIR OUT\n")
  os.exit(2)
end

local function fail(msg)
  io.stderr:write("mkkb: ", msg, "\n")
  os.remove(out)
  os.exit(1)
end

local function slurp(path)
  local f, err = io.open(path, "rb")
  if not f then fail(err) end
  local s = f:read("a")
  f:close()
  return s
end

-- data/source.lua holds one `source { ... }` record.
local record
local chunk, err = load(slurp(dir .. "/source.lua"), "@" .. dir .. "/source.lua", "t",
                        { source = function(t) record = t end })
if not chunk then fail(err) end
chunk()
if type(record) ~= "table" then fail(dir .. "/source.lua: no source record") end
record.text = slurp(dir .. "/" .. record.file)

os.remove(out)
local kb, msg = sinorus.open(out, { create = true, empty = true })
if not kb then fail(msg) end

local ok, e = pcall(function()
  internal.exec(kb, "BEGIN")
  internal.add_source(kb, record)
  -- The coded records (entities, claims, ...) come with tools/kbdata.lua.
  if package.searchpath("kbdata", package.path) then
    require("kbdata")(kb, dir .. "/kb")
  end
  internal.exec(kb, "COMMIT")
  internal.script(kb, "PRAGMA journal_mode = DELETE; VACUUM;")
end)
if not ok then
  kb:close()
  fail(tostring(e))
end
print(kb)
kb:close()
