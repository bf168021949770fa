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
  local block = readme:match("\n## Two commands\n.-```sh\n(.-)```")
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
