-- Every code block of README.md and doc/*.md runs as the text says
-- (spec/support/doctest.lua has the convention of info strings): Lua
-- blocks in a REPL session per file, comparing the output they show;
-- shell blocks with `sinorus` on the PATH. Each file runs in a scratch
-- directory that links to the checkout's files, so what the blocks write
-- (my-analysis.sqlite, brief.md, ...) stays out of the checkout.

local fs = require "spec.support.fs"
local shq, slurp, tmpname = fs.shq, fs.slurp, fs.tmpname

local BUILD = os.getenv("SINORUS_BUILD") or "build"
-- Under the sanitizer build the shell blocks (which build C hosts and run
-- make) are left to the plain suite; the Lua blocks still run.
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil

local root = io.popen("pwd"):read("l")

local function files()
  local list = { "README.md" }
  local p = io.popen("ls doc/*.md")
  for f in p:lines() do list[#list + 1] = f end
  p:close()
  return list
end

-- A scratch directory: links to every top-level entry of the checkout,
-- and bin/ with a `sinorus` that runs the checkout's command.
local function scratch()
  local dir = tmpname()
  local cmd = { "mkdir -p " .. shq(dir .. "/.bin") }
  local p = io.popen("ls -A " .. shq(root))
  for name in p:lines() do
    if name ~= ".git" then
      cmd[#cmd + 1] = string.format("ln -s %s %s", shq(root .. "/" .. name), shq(dir .. "/" .. name))
    end
  end
  p:close()
  local shim = dir .. "/.bin/sinorus"
  cmd[#cmd + 1] = string.format("printf '#!/bin/sh\\nexec lua5.4 %s \"$@\"\\n' > %s && chmod +x %s",
    root .. "/bin/sinorus", shq(shim), shq(shim))
  assert(os.execute(table.concat(cmd, " && ")))
  return dir
end

describe("the code blocks of the docs", function()
  for _, file in ipairs(files()) do
    it("run as " .. file .. " says", function()
      local dir = scratch()
      local out = tmpname()
      local env = string.format("PATH=%s:$PATH LUA_PATH=%s LUA_CPATH=%s SINORUS_BUILD=%s",
        shq(dir .. "/.bin"), shq(root .. "/lua/?.lua;" .. root .. "/lua/?/init.lua;;"),
        shq(root .. "/" .. BUILD .. "/?.so;;"), shq(root .. "/" .. BUILD))
      os.execute(string.format("cd %s && %s lua5.4 %s %s %s > %s 2>&1", shq(dir), env,
        shq(root .. "/spec/support/doctest.lua"), shq(root .. "/" .. file),
        ASAN and "--no-shell" or "", shq(out)))
      local report = slurp(out) or ""
      os.remove(out)
      os.execute("rm -rf " .. shq(dir))
      local fails, blocks = {}, 0
      for line in report:gmatch("[^\n]+") do
        if line:match("^FAIL") then fails[#fails + 1] = line end
        if line:match("^%a+ %d+ ") then blocks = blocks + 1 end
      end
      local expected = 0
      for _ in (slurp(file) or ""):gmatch("\n```+[^\n]*\n") do expected = expected + 1 end
      assert.same({}, fails)
      -- every block reported (the fences pair up)
      assert.equal(expected // 2, blocks, report)
    end)
  end
end)
