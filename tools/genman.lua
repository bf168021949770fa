-- tools/genman.lua: writes the man page sinorus(1) from the same sources
-- as the command's --help (its argument parser) and the REPL's help()
-- (lua/sinorus/doc.lua).
--
--   lua5.4 tools/genman.lua COMMAND OUT      (COMMAND: how to run bin/sinorus)
--
-- Run with the build's LUA_PATH and LUA_CPATH.

local doc = require "sinorus.doc"
local sinorus = require "sinorus"

local command, out = arg[1], arg[2]
assert(command and out, "usage: lua5.4 tools/genman.lua COMMAND OUT")

local function help(args)
  local p = assert(io.popen(command .. " " .. args .. " --help 2>&1"))
  local text = p:read("a")
  assert(p:close(), "cannot run " .. command .. " " .. args .. " --help")
  return text
end

-- Text safe for roff: backslashes doubled, a leading . or ' escaped.
local function roff(s)
  s = s:gsub("\\", "\\e")
  return (s:gsub("\n([.'])", "\n\\&%1"):gsub("^([.'])", "\\&%1"))
end

-- Verbatim text (help output) as a no-fill block.
local function verbatim(s)
  return ".nf\n" .. roff(s:gsub("%s+$", "")) .. "\n.fi\n"
end

local root = help("")
local commands = {}
for line in ((root:match("\nCommands:\n(.-)\n\n") or "") .. "\n"):gmatch("([^\n]*)\n") do
  local name = line:match("^   ([%w-]+)  ")
  if name and name ~= "help" then commands[#commands + 1] = name end
end

local o = {}
o[#o + 1] = string.format(".TH SINORUS 1 \"\" \"sinorus %s\" \"User Commands\"\n",
                          sinorus.version)
o[#o + 1] = ".SH NAME\nsinorus \\- query, weigh and explore the knowledge base of one "
  .. "policy article\n"
o[#o + 1] = ".SH SYNOPSIS\n" .. verbatim(root:match("^(Usage:.-)\n\n"))
o[#o + 1] = ".SH DESCRIPTION\n" .. roff(root:match("^Usage:.-\n\n(.-)\n\n")) .. "\n"
o[#o + 1] = ".SH OPTIONS AND COMMANDS\n" .. verbatim(root:match("\n\n(Options:.*)$"))
for _, name in ipairs(commands) do
  o[#o + 1] = ".SS " .. name .. "\n" .. verbatim(help(name))
end
o[#o + 1] = ".SH LUA API\nThe functions that scripts (sinorus run) and the REPL see; "
  .. "help() in the REPL prints the same text.\n" .. verbatim(doc.text(nil, 78))
o[#o + 1] = ".SH SEE ALSO\nlua5.4(1); doc/tutorial.md and doc/API.md in the sources.\n"

local tmp = out .. ".tmp"
local f = assert(io.open(tmp, "wb"))
f:write(table.concat(o))
assert(f:close())
assert(os.rename(tmp, out))
