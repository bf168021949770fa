-- The command's exit codes and messages, per subcommand: usage errors exit
-- 2 with the command's usage line; data and file errors exit 1 with one
-- line naming the file, in the user's terms (no Lua file names, no
-- "bad argument #N to", no "--help" hint).

local fs = require "spec.support.fs"
local shq, slurp, spit, tmpname = fs.shq, fs.slurp, fs.spit, fs.tmpname
local sinorus = require "sinorus"

-- the import corpus (spec/formats_spec.lua)
local D = "spec/fixtures/formats/"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local CMD = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' "
  .. "SINORUS_BUILD='%s' lua5.4 bin/sinorus ", BUILD, BUILD)

local function run(args)
  local out, err = tmpname(), tmpname()
  local _, _, code = os.execute(string.format("%s%s </dev/null >%s 2>%s", CMD, args, out, err))
  local o, e = slurp(out) or "", slurp(err) or ""
  os.remove(out); os.remove(err)
  return code, o, e
end

-- Nothing of Lua's internals reaches the user.
local function plain(err)
  assert.falsy(err:find("%.lua:%d+:"), err)
  assert.falsy(err:find("bad argument #", 1, true), err)
  assert.falsy(err:find("--help'", 1, true), err)
  assert.falsy(err:find("traceback", 1, true), err)
end

local function failure(args, line)
  local code, _, err = run(args)
  assert.equal(1, code, err)
  assert.equal("sinorus: " .. line .. "\n", err)
end

local function usage(args, command, msg)
  local code, _, err = run(args)
  assert.equal(2, code, err)
  assert.equal("Usage: sinorus " .. command, err:sub(1, 15 + #command))
  assert.truthy(err:find("\n\nError: " .. msg .. "\n", 1, true), err)
  plain(err)
end

local notutf8 = tmpname(".txt")
local notes = tmpname(".txt")
local db = tmpname(".sqlite")
local script = tmpname(".lua")
spit(notutf8, "Caf\xe9 au lait.\n")
spit(notes, "Field notes on the entente. Beijing and Moscow keep their distance.\n")
spit(script, "print(kb:claims{about = 'Narnia'})\n")

teardown(function()
  os.remove(notutf8); os.remove(notes); os.remove(script); fs.remove_db(db)
end)

describe("the command's exit codes and messages", function()
  describe("--db", function()
    it("exits 1 naming a missing file", function()
      failure("search x --db /nonexistent/kb.sqlite",
              "/nonexistent/kb.sqlite: no such knowledge base file")
    end)

    it("exits 1 naming a file that is not a knowledge base", function()
      failure("search x --db /etc/passwd",
              "/etc/passwd: not a sinorus knowledge base (file is not a database)")
    end)
  end)

  describe("search", function()
    it("exits 2 with the usage line without a query", function()
      usage("search", "search", "missing argument 'query'")
    end)

    it("lists the formats in its usage line", function()
      local _, _, err = run("search")
      assert.truthy(err:find("--format {table,csv,json}", 1, true), err)
    end)
  end)

  describe("show", function()
    it("names the option, not the API's argument, for an unknown entity", function()
      usage("show claims --about Narnia", "show", "unknown entity 'Narnia' in --about")
    end)

    it("names --min-p as typed", function()
      usage("show claims --min-p 2", "show", "--min-p must be a number in [0, 1], got 2")
    end)
  end)

  describe("run", function()
    it("exits 1 naming a missing script", function()
      failure("run /nonexistent/x.lua", "/nonexistent/x.lua: no such file")
    end)

    it("exits 1 naming a directory", function()
      failure("run /tmp", "/tmp: is a directory, not a file")
    end)

    it("takes no --format", function()
      usage("run " .. shq(script) .. " --format csv", "run", "'run' takes no --format")
    end)
  end)

  describe("import", function()
    it("exits 1 naming a missing file, and creates no knowledge base", function()
      failure("import /nonexistent/n.txt --title T --db " .. shq(db),
              "/nonexistent/n.txt: no such file")
      assert.is_nil(io.open(db))
    end)

    it("exits 1 naming a directory with no document file, and creates no knowledge base",
       function()
      local dir = tmpname("")
      os.remove(dir)
      assert(os.execute("mkdir " .. shq(dir) .. " && echo x > " .. shq(dir .. "/a.xyz")))
      failure("import " .. shq(dir) .. " --title T --db " .. shq(db), dir .. ": a directory "
        .. "with no document file (" .. table.concat((function()
          local t = {}
          for ext in pairs(require("sinorus").IMPORT_EXTENSIONS) do t[#t + 1] = "." .. ext end
          table.sort(t)
          return t
        end)(), ", ") .. ")")
      os.execute("rm -rf " .. shq(dir))
      assert.is_nil(io.open(db))
    end)

    it("exits 1 naming a file that is not UTF-8", function()
      failure("import " .. shq(notutf8) .. " --title T --db " .. shq(db),
              notutf8 .. ": not UTF-8 text (invalid byte at offset 4)")
    end)

    it("refuses the same text twice unless --force", function()
      local code, _, err = run("import " .. shq(notes) .. " --title Notes --db " .. shq(db))
      assert.equal(0, code, err)
      failure("import " .. shq(notes) .. " --title Again --db " .. shq(db),
              notes .. ": already imported as source 1 (\"Notes\"); --force imports it again")
      code, _, err = run("import " .. shq(notes) .. " --title Again --force --db " .. shq(db))
      assert.equal(0, code, err)
    end)

    it("imports many files, with a summary, and fails naming the files it skipped", function()
      local kbf = tmpname(".sqlite")
      os.remove(kbf)
      local code, _, err = run("import " .. D .. "en.pdf " .. D .. "zh.docx --db " .. shq(kbf))
      assert.equal(0, code, err)
      local kb = assert(sinorus.open(kbf, { readonly = true }))
      local n1, n2 = #kb:segments { source = 1 }, #kb:segments { source = 2 }
      kb:close()
      assert.equal("imported 'Partners of Convenience' as source 1 (" .. n1 .. " segments, "
        .. "0 mentions, 4 pages) into " .. kbf .. "\n"
        .. "imported '权宜的伙伴' as source 2 (" .. n2 .. " segments, 0 mentions) into "
        .. kbf .. "\n"
        .. "2 files: 2 imported (" .. n1 + n2 .. " segments, 0 mentions), 0 skipped\n", err)
      local out
      code, out, err = run("import " .. D .. "en.txt " .. D .. "ru-koi8r.txt --db " .. shq(kbf)
        .. " --format json")
      assert.equal(1, code)
      assert.equal("sinorus: " .. D .. "en.txt: already imported as source 1 (\"Partners of "
        .. "Convenience\"); --force imports it again\n", err:match("^[^\n]*\n"))
      assert.truthy(err:find("2 files: 1 imported", 1, true), err)
      local cjson = require "cjson"
      local j = cjson.decode(out)
      assert.same({ 2, 1, "KOI8-R" }, { j.files, j.imported, j.sources[1].encoding })
      for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(kbf .. suffix) end
    end)

    it("draws a progress bar on a terminal only", function()
      if not os.execute("command -v script >/dev/null 2>&1") then
        pending("needs script(1)")
        return
      end
      local kbf, log = tmpname(".sqlite"), tmpname()
      os.remove(kbf)
      os.execute("script -qec " .. shq(CMD .. "import " .. D .. "en.txt " .. D .. "ru.txt --db "
        .. shq(kbf)) .. " " .. shq(log) .. " >/dev/null 2>&1 </dev/null")
      local text = slurp(log) or ""
      os.remove(log)
      assert.truthy(text:find("import [", 1, true), text)
      assert.truthy(text:find("1/2 en.txt", 1, true), text)
      assert.truthy(text:find("100% done", 1, true), text)
      -- not on a file
      for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(kbf .. suffix) end
      local code, _, err = run("import " .. D .. "en.txt --db " .. shq(kbf))
      assert.equal(0, code, err)
      assert.falsy(err:find("[", 1, true), err)
      for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(kbf .. suffix) end
    end)

    it("takes --from, --encoding and --transaction one", function()
      local kbf = tmpname(".sqlite")
      os.remove(kbf)
      local f = tmpname(".dat")
      spit(f, slurp(D .. "zh-gb18030.txt"))
      local code, _, err = run("import " .. shq(f) .. " --from text --encoding GB18030 --db "
        .. shq(kbf))
      assert.equal(0, code, err)
      code, _, err = run("import " .. D .. "ru.html " .. shq(f) .. " --transaction one --db "
        .. shq(kbf))
      assert.equal(1, code)
      assert.truthy(err:find(f .. ": unknown format '.dat' (give the format) (nothing imported)",
                             1, true), err)
      local kb = assert(sinorus.open(kbf, { readonly = true }))
      assert.equal(1, #kb:sources())
      kb:close()
      os.remove(f)
      for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(kbf .. suffix) end
    end)
  end)

  describe("export", function()
    it("writes a binary format whole to a redirected stdout", function()
      local out = tmpname(".qdpx")
      local _, _, code = os.execute(CMD .. "export refi-qda > " .. shq(out) .. " 2>/dev/null")
      assert.equal(0, code)
      local data = slurp(out)
      os.remove(out)
      assert.equal("PK\3\4", data:sub(1, 4))
    end)

    it("refuses a binary format to a terminal", function()
      if not os.execute("command -v script >/dev/null 2>&1") then
        pending("needs script(1)")
        return
      end
      local log = tmpname()
      os.execute("script -qec " .. shq(CMD .. "export refi-qda") .. " " .. shq(log)
        .. " >/dev/null 2>&1 </dev/null")
      local text = slurp(log) or ""
      os.remove(log)
      assert.truthy(text:find("export refi-qda writes a binary file: give --out FILE", 1, true),
                    text)
      assert.falsy(text:find("PK", 1, true))
    end)

    it("names the file once when a write fails (export, html, chart)", function()
      local dir = "/nonexistent-sinorus-dir"
      failure("export json --out " .. dir .. "/x.json",
              dir .. "/x.json: cannot write: No such file or directory")
      failure("html " .. dir, dir .. "/index.html: cannot write: No such file or directory")
      failure("chart tornado --svg " .. dir .. "/a.svg",
              dir .. "/a.svg: cannot write: No such file or directory")
    end)
  end)

  describe("report", function()
    it("refuses --format csv (it writes Markdown or JSON)", function()
      local code, _, err = run("report --format csv")
      assert.equal(2, code)
      assert.truthy(err:find("'markdown', 'json'", 1, true), err)
    end)

    it("refuses a global --format it does not write", function()
      usage("--format csv report", "report",
            "'report' does not write --format csv; it writes: markdown, json")
    end)
  end)

  describe("files that must be refused", function()
    local dir, kbfile
    setup(function()
      dir = tmpname()
      os.remove(dir)
      assert(os.execute("mkdir " .. shq(dir) .. " && mkfifo " .. shq(dir .. "/fifo.txt")))
      kbfile = dir .. "/kb.sqlite"
      local kb = assert(sinorus.open(kbfile, { create = true }))
      kb:close()
    end)
    teardown(function() os.execute("rm -rf " .. shq(dir)) end)

    it("writes no chart or graph onto the open KB or its -wal", function()
      local before = slurp(kbfile)
      local on = " --db " .. shq(kbfile)
      failure("chart tornado" .. on .. " --svg " .. shq(kbfile),
              kbfile .. ": cannot write: it is the file of the open knowledge base")
      -- the PNG is rendered by rsvg-convert first, which leaks by design
      -- (fontconfig): under AddressSanitizer it runs without leak detection
      local asan = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true)
      local errf = tmpname()
      local _, _, code = os.execute((asan and "ASAN_OPTIONS=detect_leaks=0 " or "") .. CMD
        .. "chart tornado" .. on .. " --png " .. shq(kbfile .. "-wal") .. " </dev/null "
        .. ">/dev/null 2>" .. shq(errf))
      assert.equal(1, code)
      assert.equal("sinorus: " .. kbfile .. "-wal: cannot write: it is the wal file of the "
                   .. "open knowledge base\n", slurp(errf))
      os.remove(errf)
      local err
      code, _, err = run("export dot --graph relations" .. on .. " --out " .. shq(kbfile))
      assert.equal(1, code)
      assert.truthy(err:find("it is the file of the open knowledge base", 1, true), err)
      assert.equal(before, slurp(kbfile))
    end)

    it("refuses a FIFO to import or run at once, without waiting on it", function()
      local fifo = dir .. "/fifo.txt"
      for _, args in ipairs { "import " .. shq(fifo) .. " --db " .. shq(kbfile),
                              "run " .. shq(fifo) } do
        -- under timeout(1): a read that blocked would end with 124, not hang
        local errf = tmpname()
        local _, _, code = os.execute("timeout 20 env " .. CMD .. args .. " </dev/null >/dev/null 2>"
                                      .. shq(errf))
        local err = slurp(errf) or ""
        os.remove(errf)
        assert.equal(1, code, args)
        assert.truthy(err:find(fifo .. ": ", 1, true) and err:find("not a regular file", 1, true),
                      err)
      end
      local kb = assert(sinorus.open(kbfile))
      local summary = kb:import { files = { fifo } }
      assert.same({ { file = fifo, kind = "error", reason = "not a regular file" } },
                  summary.skipped)
      assert.equal(0, #kb:sources())
      kb:close()
    end)
  end)

  describe("a script's own error", function()
    it("exits 1 and names the script's line, not the library's", function()
      local code, _, err = run("run " .. shq(script))
      assert.equal(1, code)
      assert.truthy(err:find(script .. ":1: bad argument #1 to 'claims'", 1, true), err)
      assert.falsy(err:find("records.lua", 1, true), err)
    end)
  end)
end)
