-- tools/gendoc.lua: writes doc/API.md from lua/sinorus/doc.lua, the one
-- source of help text (help() in the REPL prints the same entries).
--
--   lua5.4 tools/gendoc.lua [OUT]      (default: stdout)
--
-- Run with the build's LUA_PATH; needs no compiled module.

local doc = require "sinorus.doc"

local text = doc.markdown()
local out = arg[1]
if out == nil or out == "-" then
  io.stdout:write(text)
else
  local tmp = out .. ".tmp"
  local f = assert(io.open(tmp, "wb"))
  f:write(text)
  assert(f:close())
  assert(os.rename(tmp, out))
end
