-- A new user's first commands: README's dependency step as root and as a
-- user, and the installed command (make install, luarocks make) run with
-- nothing but the prefix's documented environment.

local fs = require "spec.support.fs"
local shq, slurp, spit, tmpname = fs.shq, fs.slurp, fs.spit, fs.tmpname

-- Runs a shell command line; returns exit code, stdout, stderr.
local function sh(cmdline)
  local out, err = tmpname(), tmpname()
  local _, _, code = os.execute(string.format("(%s) </dev/null >%s 2>%s", cmdline, out, err))
  local o, e = slurp(out) or "", slurp(err) or ""
  os.remove(out); os.remove(err)
  return code, o, e
end

-- README's first command (the first line of the block under "Two commands").
local function readme_first_command()
  local readme = assert(slurp("README.md"))
  local block = readme:match("\n## Two commands\n.-```sh[^\n]*\n(.-)```")
  return (block:match("^([^\n#]-)%s*#") or block:match("^([^\n]*)"))
end

-- A directory of stub programs: each logs its name and arguments.
local function stubs(names, log)
  local dir = tmpname()
  assert(os.execute("mkdir -p " .. shq(dir)))
  for name, body in pairs(names) do
    local p = dir .. "/" .. name
    spit(p, "#!/bin/sh\necho \"" .. name .. " $*\" >> " .. shq(log) .. "\n" .. body .. "\n")
    assert(os.execute("chmod +x " .. shq(p)))
  end
  return dir
end

describe("README's dependency step", function()
  local cmd = readme_first_command():gsub("%s*&&.*$", "")

  it("does not start with sudo (a fresh Debian container has none)", function()
    assert.is_nil(cmd:match("^sudo"))
    assert.equal("sh tools/deps.sh", cmd)
  end)

  -- dpkg-query says nothing is installed; apt-get only logs.
  local base = {
    ["dpkg-query"] = "exit 1",
    ["apt-get"] = "exit 0",
  }

  it("installs directly as root, with no sudo on the PATH", function()
    local log = tmpname()
    local t = { id = "echo 0" }
    for k, v in pairs(base) do t[k] = v end
    local dir = stubs(t, log)
    local code, _, err = sh("PATH=" .. shq(dir) .. ":/usr/bin:/bin " .. cmd)
    assert.equal(0, code, err)
    local calls = slurp(log)
    assert.truthy(calls:find("apt%-get install"))
    assert.falsy(calls:find("sudo"))
    os.execute("rm -rf " .. shq(dir)); os.remove(log)
  end)

  it("re-runs itself through sudo as a user", function()
    local log = tmpname()
    local t = { id = "echo 1000", sudo = "exit 0" }
    for k, v in pairs(base) do t[k] = v end
    local dir = stubs(t, log)
    local code, _, err = sh("PATH=" .. shq(dir) .. ":/usr/bin:/bin " .. cmd)
    assert.equal(0, code, err)
    local calls = slurp(log)
    assert.truthy(calls:find("sudo sh tools/deps.sh", 1, true), calls)
    assert.falsy(calls:find("apt-get", 1, true))
    os.execute("rm -rf " .. shq(dir)); os.remove(log)
  end)

  it("says what to do as a user without sudo", function()
    local log = tmpname()
    local t = { id = "echo 1000" }
    for k, v in pairs(base) do t[k] = v end
    local dir = stubs(t, log)
    -- a PATH with sh and grep but no sudo
    local bin = tmpname()
    assert(os.execute("mkdir -p " .. shq(bin)))
    for _, p in ipairs { "sh", "grep" } do
      assert(os.execute(string.format("ln -s $(command -v %s) %s/%s", p, shq(bin), p)))
    end
    local code, _, err = sh("PATH=" .. shq(dir) .. ":" .. shq(bin) .. " " .. cmd)
    assert.equal(1, code)
    assert.truthy(err:find("run this script as root", 1, true), err)
    os.execute("rm -rf " .. shq(dir) .. " " .. shq(bin)); os.remove(log)
  end)
end)

-- Installing runs make (or luarocks) on the plain build; under ASan the
-- installed programs would need the sanitizer runtime, so it is skipped.
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
local PLAIN = "env -i PATH=/usr/bin:/bin HOME=" .. shq(os.getenv("HOME") or "/tmp") .. " "

local SCRIPT = [[
local sinorus = require "sinorus"
local kb <close> = sinorus.open()
print(#kb:search("Taiwan"), kb:entity("Beijing").name)
]]

-- Runs the installed command and a script with only env (the prefix's
-- documented environment), from a directory that is not the checkout.
local function check_installed(prefix, env)
  local dir = tmpname()
  assert(os.execute("mkdir -p " .. shq(dir)))
  spit(dir .. "/s.lua", SCRIPT)
  local code, out, err = sh("cd " .. shq(dir) .. " && " .. PLAIN .. shq(prefix .. "/bin/sinorus")
    .. " search Taiwan --format csv")
  assert.equal(0, code, err)
  assert.truthy(out:find("Taiwan", 1, true))
  code, out, err = sh("cd " .. shq(dir) .. " && " .. PLAIN .. env .. " lua5.4 s.lua")
  assert.equal(0, code, err)
  assert.equal("3\tChina\n", out)
  os.execute("rm -rf " .. shq(dir))
end

-- Builds examples/host.c as its comment says, with pkg-config only.
local function check_host(pcdir)
  local exe = tmpname()
  local code, _, err = sh("PKG_CONFIG_PATH=" .. shq(pcdir) .. " cc -std=c99 examples/host.c "
    .. "$(PKG_CONFIG_PATH=" .. shq(pcdir) .. " pkg-config --cflags --libs sinorus) -o " .. shq(exe))
  assert.equal(0, code, err)
  local out
  code, out, err = sh(PLAIN .. shq(exe))
  os.remove(exe)
  assert.equal(0, code, err)
  assert.truthy(out:find("sinorus.KB(builtin", 1, true), out)
end

describe("installed as a user installs", function()
  if ASAN then
    pending("not under the sanitizer build")
    return
  end

  it("with make install PREFIX: the command, a script and a C host", function()
    local prefix = tmpname()
    local code, _, err = sh("make -s install PREFIX=" .. shq(prefix))
    assert.equal(0, code, err)
    local share, lib = prefix .. "/share/lua/5.4", prefix .. "/lib/lua/5.4"
    check_installed(prefix, string.format("LUA_PATH=%s LUA_CPATH=%s",
      shq(share .. "/?.lua;" .. share .. "/?/init.lua;;"), shq(lib .. "/?.so;;")))
    check_host(prefix .. "/lib/pkgconfig")
    -- man sinorus, from the parser's --help and doc.lua's help()
    local out
    code, out = sh("MANPATH=" .. shq(prefix .. "/share/man") .. " man sinorus 2>/dev/null")
    assert.equal(0, code)
    assert.truthy(out:find("SINORUS(1)", 1, true))
    assert.truthy(out:find("Ranked hits with highlighted snippets", 1, true))
    assert.truthy(out:find("kb:search", 1, true))
    -- bash completes the commands and their options
    code, out = sh("bash -c " .. shq(". " .. shq(prefix .. "/share/bash-completion/completions/sinorus")
      .. "; COMP_WORDS=(sinorus rep); COMP_CWORD=1; _sinorus; echo \"${COMPREPLY[*]}\";"
      .. " COMP_WORDS=(sinorus report --for); COMP_CWORD=2; _sinorus; echo \"${COMPREPLY[*]}\""))
    assert.equal(0, code)
    local first, second = out:match("^([^\n]*)\n([^\n]*)\n$")
    local words = {}
    for w in first:gmatch("%S+") do words[#words + 1] = w end
    table.sort(words)
    assert.same({ "repl", "report" }, words)
    assert.truthy((" " .. second .. " "):find(" --format ", 1, true), second)
    assert.truthy(slurp(prefix .. "/share/zsh/site-functions/_sinorus"):find("^#compdef sinorus"))
    code, _, err = sh("make -s uninstall PREFIX=" .. shq(prefix)
      .. " && test ! -e " .. shq(prefix .. "/bin/sinorus")
      .. " && test ! -e " .. shq(prefix .. "/lib/pkgconfig/sinorus.pc")
      .. " && test ! -e " .. shq(prefix .. "/share/man/man1/sinorus.1")
      .. " && test ! -e " .. shq(prefix .. "/share/bash-completion/completions/sinorus"))
    assert.equal(0, code, err)
    os.execute("rm -rf " .. shq(prefix))
  end)

  it("with luarocks make --tree, offline: the command, a script and a C host", function()
    if not os.execute("command -v luarocks >/dev/null 2>&1") then
      pending("needs luarocks")
      return
    end
    local tree = tmpname()
    local code, out, err = sh("luarocks --lua-version=5.4 make rockspec/sinorus-scm-1.rockspec "
      .. "--tree " .. shq(tree))
    assert.equal(0, code, err)
    assert.falsy((out .. err):find("[Dd]ownload"))
    local _, path = sh("luarocks --lua-version=5.4 --tree " .. shq(tree) .. " path --lr-path")
    local cpath
    code, cpath = sh("luarocks --lua-version=5.4 --tree " .. shq(tree) .. " path --lr-cpath")
    assert.equal(0, code)
    check_installed(tree, string.format("LUA_PATH=%s LUA_CPATH=%s",
      shq(path:gsub("%s+$", "") .. ";;"), shq(cpath:gsub("%s+$", "") .. ";;")))
    check_host(tree .. "/lib/lua/5.4/pkgconfig")
    os.execute("rm -rf " .. shq(tree))
  end)
end)
