-- sinorus.internal: the helpers the library's own modules share, kept off
-- the public sinorus.KB object (issue 13, item 7). Not an API: scripts and
-- the sandbox never see these through a KB.
--
--   internal.exec(kb, sql, ...)      runs a writing statement; changed rows
--   internal.value(kb, sql, ...)     the first column of the first row, or nil
--   internal.script(kb, sql)         runs several statements, no parameters
--   internal.in_transaction(kb)      true inside BEGIN ... COMMIT
--   internal.insert_id(kb)           the rowid of the last insert
--   internal.busy(kb)                statements stepped and not yet reset (specs)
--   internal.tag(kb [, segment_ids]) tags entity mentions (set by records.lua)
--   internal.add_source(kb, src)     imports a source (set by init.lua)
--
-- The C binding (csrc/lkb.c) registers its internal methods with a leading
-- underscore; requiring this module takes every one of them out of the KB
-- method table and keeps it here.

local core = require "sinorus.core"

-- Kept in the registry: a test runner that unloads modules between files
-- loads this one again, while the KB method table (made once by the C
-- module) no longer holds the methods.
local registry = debug.getregistry()
local internal = registry["sinorus.internal"] or {}
registry["sinorus.internal"] = internal

local methods = core.KB.__index
local names = {}
for name, f in pairs(methods) do
  if type(name) == "string" and name:sub(1, 1) == "_" and type(f) == "function" then
    names[#names + 1] = name
  end
end
for _, name in ipairs(names) do
  internal[name:sub(2)] = methods[name]
  methods[name] = nil
end

return internal
