-- Packaging: the rockspec builds and installs offline, and the installed
-- module loads in a clean lua5.4.

-- Subprocesses run without the sanitizer runtime that check-asan preloads
-- into this process (luarocks and the clean lua5.4 are not instrumented),
-- and without the make variables of the run that started the suite.
local function run(cmd)
  local p = assert(io.popen("env -u LD_PRELOAD -u ASAN_OPTIONS -u MAKEFLAGS -u MFLAGS -u MAKELEVEL " .. cmd .. " 2>&1"))
  local out = p:read("a")
  local ok, _, code = p:close()
  return ok, out, code
end

describe("rockspec/sinorus-scm-1.rockspec", function()
  local tree

  setup(function()
    tree = os.tmpname()
    os.remove(tree)
  end)

  teardown(function()
    if tree then os.execute("rm -rf '" .. tree .. "'") end
  end)

  it("installs into a tree with luarocks make, offline", function()
    local ok, out = run("luarocks --lua-version=5.4 make rockspec/sinorus-scm-1.rockspec --tree='"
                        .. tree .. "'")
    assert.is_true(ok, out)
    assert.matches("sinorus scm%-1 is now installed", out)
  end)

  it("gives a module that a clean lua5.4 requires and opens", function()
    local cmd = string.format(
      "env -i PATH=/usr/bin:/bin LUA_PATH='%s/share/lua/5.4/?.lua;%s/share/lua/5.4/?/init.lua' " ..
      "LUA_CPATH='%s/lib/lua/5.4/?.so' lua5.4 -e 'local s = require \"sinorus\"; " ..
      "local kb <close> = s.open(); print(s.version, kb:search(\"Taiwan\")[1].segment ~= nil)'",
      tree, tree, tree)
    local ok, out = run(cmd)
    assert.is_true(ok, out)
    assert.matches("^%d+%.%d+%.%d+\ttrue\n$", out)
  end)
end)
