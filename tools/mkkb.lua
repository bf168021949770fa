-- tools/mkkb.lua OUT SOURCE_DIR...: builds the built-in knowledge base.
--
-- Run by the Makefile with the stage-0 module (no built-in KB) on the
-- path, with every folder data/*/ that holds a source.lua, in name order.
-- It creates an empty KB file with the schema; then, for each folder, adds
-- its document as the next source (segmented by the C segmenter and
-- indexed) and loads the folder's coded records from DIR/kb
-- (tools/kbdata.lua), their evidence resolved in that document only; and
-- compacts the file. A second coded document is a folder, not a code
-- change. Any error stops the build with a message naming its cause.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"

local out = arg[1]
if not out or not arg[2] then
  io.stderr:write("usage: lua5.4 tools/mkkb.lua OUT SOURCE_DIR...\n")
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

-- DIR/source.lua holds one `source { ... }` record; `file` names its text.
local function source_record(dir)
  local record
  local path = dir .. "/source.lua"
  local chunk, err = load(slurp(path), "@" .. path, "t",
                          { source = function(t) record = t end })
  if not chunk then fail(err) end
  chunk()
  if type(record) ~= "table" then fail(path .. ": no source record") end
  if type(record.file) ~= "string" then fail(path .. ": no 'file' naming the text") end
  record.text = slurp(dir .. "/" .. record.file)
  record.file = nil
  return record
end

os.remove(out)
local kb, msg = sinorus.open(out, { create = true })
if not kb then fail(msg) end

local ok, e = pcall(function()
  internal.exec(kb, "BEGIN")
  for i = 2, #arg do
    local dir = arg[i]:gsub("/$", "")
    local id = internal.add_source(kb, source_record(dir))
    -- The coded records (entities, claims, ...) come with tools/kbdata.lua.
    if package.searchpath("kbdata", package.path) then
      require("kbdata")(kb, dir .. "/kb", id)
    end
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
