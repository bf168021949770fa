-- The `sinorus` command (bin/sinorus), its REPL (lua/sinorus/repl.lua),
-- the embedding host (examples/host.c) and the example scripts.
-- Run from the source tree (make test); SINORUS_BUILD names the build.

local cjson = require "cjson"
local sinorus = require "sinorus"
local repl = require "sinorus.repl"

local BUILD = os.getenv("SINORUS_BUILD") or "build"
local ENV = string.format("LUA_PATH='lua/?.lua;lua/?/init.lua;;' LUA_CPATH='%s/?.so;;' "
  .. "SINORUS_BUILD='%s' ", BUILD, BUILD)
local CMD = ENV .. "lua5.4 bin/sinorus"

local fs = require "spec.support.fs"
local shq, slurp, spit, tmpname = fs.shq, fs.slurp, fs.spit, fs.tmpname

-- Runs a shell command line; returns exit code, stdout, stderr.
local function sh(cmdline, input)
  local out, err, inp = tmpname(), tmpname(), tmpname()
  spit(inp, input or "")
  local _, _, code = os.execute(string.format("%s <%s >%s 2>%s", cmdline, inp, out, err))
  local o, e = slurp(out) or "", slurp(err) or ""
  os.remove(out); os.remove(err); os.remove(inp)
  return code, o, e
end

-- Under `make check-asan` this process runs with the sanitizer runtime
-- preloaded. Programs that are not ours (cc, script) must not report their
-- own leaks, and the C host is built from the uninstrumented library.
local ASAN = (os.getenv("LD_PRELOAD") or ""):find("asan", 1, true) ~= nil
local NOLEAKS = ASAN and "ASAN_OPTIONS=detect_leaks=0 " or ""
local PLAIN = "env -u LD_PRELOAD -u ASAN_OPTIONS -u UBSAN_OPTIONS "
local HOST_BUILD = ASAN and "build" or BUILD

-- Runs bin/sinorus with the given argument string.
local function sinorus_cmd(args, input, env)
  return sh((env or "") .. " " .. CMD .. " " .. args, input)
end


local function csv_rows(text)
  local rows = {}
  local i, row, field = 1, {}, {}
  local n = #text
  while i <= n do
    local c = text:sub(i, i)
    if c == '"' then
      local j = i + 1
      while true do
        local q = text:find('"', j, true)
        if text:sub(q + 1, q + 1) == '"' then
          field[#field + 1] = text:sub(j, q)
          j = q + 2
        else
          field[#field + 1] = text:sub(j, q - 1)
          i = q + 1
          break
        end
      end
    elseif c == "," then
      row[#row + 1] = table.concat(field); field = {}; i = i + 1
    elseif c == "\r" and text:sub(i + 1, i + 1) == "\n" then
      row[#row + 1] = table.concat(field); field = {}
      rows[#rows + 1] = row; row = {}
      i = i + 2
    else
      field[#field + 1] = c; i = i + 1
    end
  end
  return rows
end

describe("the sinorus command", function()
  describe("options", function()
    it("prints the version with --version", function()
      local code, out = sinorus_cmd("--version")
      assert.equal(0, code)
      assert.equal("sinorus " .. sinorus.version .. "\n", out)
    end)

    it("lists the subcommands with --help", function()
      local code, out = sinorus_cmd("--help")
      assert.equal(0, code)
      for _, c in ipairs { "search", "show", "run", "import", "export", "report" } do
        assert.truthy(out:find(c, 1, true), c)
      end
    end)

    it("explains each subcommand with --help", function()
      for _, c in ipairs { "search", "show", "run", "import", "export", "report" } do
        local code, out = sinorus_cmd(c .. " --help")
        assert.equal(0, code, c)
        assert.truthy(out:find("Usage: sinorus " .. c, 1, true), c)
      end
    end)

    it("exits 2 on an unknown subcommand", function()
      local code, out, err = sinorus_cmd("frobnicate")
      assert.equal(2, code)
      assert.equal("", out)
      assert.truthy(err:find("unknown command 'frobnicate'", 1, true))
    end)

    it("exits 2 on an unknown option", function()
      local code, _, err = sinorus_cmd("search x --frobnicate")
      assert.equal(2, code)
      assert.truthy(err:find("unknown option '--frobnicate'", 1, true))
    end)

    it("exits 2 on an unknown format", function()
      local code, _, err = sinorus_cmd("search x --format xml")
      assert.equal(2, code)
      assert.truthy(err:find("argument for option '--format' must be one of 'table', 'csv', 'json'", 1, true))
    end)

    it("exits 1 when --db names a missing file (a file error, not usage)", function()
      local code, _, err = sinorus_cmd("search x --db /nonexistent/kb.sqlite")
      assert.equal(1, code)
      assert.equal("sinorus: /nonexistent/kb.sqlite: no such knowledge base file\n", err)
    end)

    it("accepts --db and --format before the subcommand", function()
      local code, out = sinorus_cmd("--format json search sanctions --limit 1")
      assert.equal(0, code)
      assert.equal(1, #cjson.decode(out))
    end)
  end)

  describe("search", function()
    it("prints ranked hits with highlighted snippets", function()
      local code, out, err = sinorus_cmd("search 'secondary sanctions'")
      assert.equal(0, code)
      assert.equal("", err)
      assert.truthy(out:find("«secondary sanctions»", 1, true))
      assert.truthy(out:match("^%s*1%.%s+%d+%.%d%d"))
    end)

    it("writes JSON that parses back", function()
      local code, out = sinorus_cmd("search sanctions --format json --limit 3")
      assert.equal(0, code)
      local hits = cjson.decode(out)
      assert.equal(3, #hits)
      local direct = sinorus.open():search("sanctions", { limit = 3 })
      for i, h in ipairs(hits) do
        assert.equal(direct[i].segment, h.segment)
        assert.equal(direct[i].text, h.text)
        assert.is_number(h.rank)
      end
    end)

    it("writes RFC 4180 CSV with a header and CRLF line ends", function()
      local code, out = sinorus_cmd("search China --format csv --limit 4")
      assert.equal(0, code)
      assert.truthy(out:find("\r\n", 1, true))
      local rows = csv_rows(out)
      assert.same({ "segment", "kind", "source", "rank", "snippet", "text" }, rows[1])
      assert.equal(5, #rows)
      local direct = sinorus.open():search("China", { limit = 4 })
      for i = 2, 5 do assert.equal(direct[i - 1].text, rows[i][6]) end
    end)

    it("takes --limit and --kind", function()
      local code, out = sinorus_cmd("search Ukraine --kind heading --format json --limit 5")
      assert.equal(0, code)
      local hits = cjson.decode(out)
      assert.is_true(#hits >= 1 and #hits <= 5)
      for _, h in ipairs(hits) do assert.equal("heading", h.kind) end
    end)

    it("writes an empty JSON array when nothing matches", function()
      local code, out = sinorus_cmd("search zzzqqqxx --format json")
      assert.equal(0, code)
      assert.equal("[]\n", out)
    end)

    it("treats any query as words", function()
      local code = sinorus_cmd([[search '"NEAR( OR ) AND; DROP TABLE segment --']])
      assert.equal(0, code)
    end)

    it("prints no colour when stdout is not a terminal", function()
      local _, out = sinorus_cmd("search sanctions")
      assert.falsy(out:find("\27", 1, true))
    end)

    it("colours matches on a terminal", function()
      local code, out = sh(NOLEAKS .. "script -qec " .. shq(CMD .. " search sanctions --limit 2")
                           .. " /dev/null")
      assert.equal(0, code)
      assert.truthy(out:find("\27[1;33m", 1, true))
    end)

    it("prints no colour on a terminal when NO_COLOR is set", function()
      local code, out = sh(NOLEAKS .. "NO_COLOR=1 script -qec " .. shq(CMD .. " search sanctions --limit 2")
                           .. " /dev/null")
      assert.equal(0, code)
      assert.falsy(out:find("\27[", 1, true))
      assert.truthy(out:find("«sanctions»", 1, true))
    end)
  end)

  describe("show", function()
    it("prints the headings as a table", function()
      local code, out = sinorus_cmd("show segments --kind heading")
      assert.equal(0, code)
      assert.truthy(out:find("^id%s+kind%s+section%s+text\n"))
      assert.truthy(out:find("Conclusion", 1, true))
    end)

    it("writes sources as JSON with their authors as an array", function()
      local code, out = sinorus_cmd("show sources --format json")
      assert.equal(0, code)
      local src = cjson.decode(out)
      assert.equal(1, #src)
      assert.same(sinorus.open():source(1).authors, src[1].authors)
    end)

    it("writes every field of the records as CSV", function()
      local code, out = sinorus_cmd("show segments --kind heading --format csv")
      assert.equal(0, code)
      local rows = csv_rows(out)
      assert.same({ "id", "source", "kind", "section", "parent", "ord", "start", "stop",
                    "duplicate_of", "page", "text" }, rows[1])
      assert.equal(#sinorus.open():segments { kind = "heading" } + 1, #rows)
    end)

    it("exits 2 on an unknown record type", function()
      local code, _, err = sinorus_cmd("show claimz")
      assert.equal(2, code)
      assert.truthy(err:find("unknown record type 'claimz'; valid types: sources, segments",
                             1, true))
    end)

    it("exits 2 on a filter the record type does not take", function()
      local code, _, err = sinorus_cmd("show sources --about China")
      assert.equal(2, code)
      assert.truthy(err:find("\nError: unknown filter key --about; valid keys:", 1, true))
    end)

    it("exits 2 on a bad filter value", function()
      local code, _, err = sinorus_cmd("show segments --kind chapter")
      assert.equal(2, code)
      assert.truthy(err:find("\nError: invalid option 'chapter'", 1, true))
    end)

    it("exits 2 on a number filter that is not a number", function()
      local code, _, err = sinorus_cmd("show segments --limit many")
      assert.equal(2, code)
      assert.truthy(err:find("option '--limit' expects an integer, got 'many'", 1, true))
    end)


    it("shows claims with the API's filters as CSV", function()
      local code, out = sinorus_cmd("show claims --about China --horizon short --format csv")
      assert.equal(0, code)
      local rows = csv_rows(out)
      local want = sinorus.open():claims { about = "China", horizon = "short" }
      assert.equal(#want + 1, #rows)
      local hcol
      for i, c in ipairs(rows[1]) do if c == "horizon" then hcol = i end end
      for i = 2, #rows do
        assert.truthy(rows[i][hcol] == "short" or rows[i][hcol] == "both")
      end
    end)

    it("exits 2 on an unknown entity", function()
      local code, _, err = sinorus_cmd("show claims --about Atlantis")
      assert.equal(2, code)
      assert.truthy(err:find("\nError: unknown entity 'Atlantis' in --about\n", 1, true))
    end)

    it("shows factors as JSON", function()
      local code, out = sinorus_cmd("show factors --kind irritant --format json")
      assert.equal(0, code)
      local factors = cjson.decode(out)
      assert.is_true(#factors > 0)
      for _, f in ipairs(factors) do assert.equal("irritant", f.kind) end
    end)

    it("gives the same CSV as export csv and sinorus.to_csv, and the same JSON as " ..
       "export json and sinorus.to_json", function()
      local kb = sinorus.open()
      for _, t in ipairs(require("sinorus.model").TYPES) do
        local _, csv = sinorus_cmd("show " .. t.plural .. " --format csv")
        local _, exported = sinorus_cmd("export csv --records " .. t.plural)
        assert.equal(exported, csv, t.plural)
        assert.equal(sinorus.to_csv(kb[t.plural](kb)), csv, t.plural)
        local _, json = sinorus_cmd("show " .. t.plural .. " --format json")
        assert.equal(sinorus.to_json(kb[t.plural](kb)) .. "\n", json, t.plural)
        local _, all = sinorus_cmd("export json --records " .. t.plural)
        assert.same(cjson.decode(json), cjson.decode(all)[t.plural], t.plural)
      end
    end)

    it("takes every filter of the record model as an option", function()
      local model = require "sinorus.model"
      local kb = sinorus.open()
      local code, out = sinorus_cmd("show hypotheses --question q-china-stance --format json")
      assert.equal(0, code)
      assert.equal(#kb:hypotheses { question = "q-china-stance" }, #cjson.decode(out))
      code, out = sinorus_cmd("show references --source 1 --format json")
      assert.equal(0, code)
      assert.equal(#kb:references { source = 1 }, #cjson.decode(out))
      local _, help = sinorus_cmd("show --help")
      for _, t in ipairs(model.TYPES) do
        for _, key in ipairs(t.filters) do
          assert.truthy(help:find("--" .. key:gsub("_", "-"), 1, true), key)
        end
      end
    end)

    it("gives the same JSON bytes on every run", function()
      local _, a = sinorus_cmd("show claims --format json")
      local _, b = sinorus_cmd("show claims --format json")
      assert.equal(a, b)
    end)

    for _, t in ipairs { "entities", "relations", "events", "quotes", "references",
                         "hypotheses", "items", "ratings" } do
      it("shows " .. t, function()
        local code, out = sinorus_cmd("show " .. t .. " --format json")
        assert.equal(0, code)
        assert.equal(#sinorus.open()[t](sinorus.open()), #cjson.decode(out))
      end)
    end
  end)

  describe("run", function()
    it("runs a script with kb, sinorus and arg", function()
      local script = tmpname(".lua")
      spit(script, [[print(tostring(kb):match("^sinorus%.KB"), sinorus.version, arg[0] ~= nil,
        arg[1], arg[2], select("#", ...))]])
      local code, out = sinorus_cmd("run " .. script .. " one two")
      os.remove(script)
      assert.equal(0, code)
      assert.equal("sinorus.KB\t" .. sinorus.version .. "\ttrue\tone\ttwo\t2\n", out)
    end)

    it("passes options after -- to the script", function()
      local script = tmpname(".lua")
      spit(script, "print(arg[1])")
      local code, out = sinorus_cmd("run " .. script .. " -- --flag")
      os.remove(script)
      assert.equal(0, code)
      assert.equal("--flag\n", out)
    end)

    it("exits 1 when the script raises", function()
      local script = tmpname(".lua")
      spit(script, "error('boom')")
      local code, _, err = sinorus_cmd("run " .. script)
      os.remove(script)
      assert.equal(1, code)
      assert.truthy(err:find("boom", 1, true))
    end)

    it("exits 1 on a missing script (a file error, not usage)", function()
      local code, _, err = sinorus_cmd("run /nonexistent/script.lua")
      assert.equal(1, code)
      assert.equal("sinorus: /nonexistent/script.lua: no such file\n", err)
    end)
  end)

  describe("import", function()
    it("exits 1 on a missing file (a file error, not usage)", function()
      local code, _, err = sinorus_cmd("import /nonexistent/notes.txt --title T --db x.sqlite")
      assert.equal(1, code)
      assert.equal("sinorus: /nonexistent/notes.txt: no such file\n", err)
    end)

    it("takes the file name as the title of a text without --title", function()
      local notes, db = tmpname(".txt"), tmpname(".sqlite")
      os.remove(db)
      spit(notes, "Some notes.\n")
      local code, _, err = sinorus_cmd("import " .. notes .. " --db " .. db)
      os.remove(notes)
      assert.equal(0, code, err)
      local kb = assert(sinorus.open(db, { readonly = true }))
      assert.equal(notes:match("[^/]*$"), kb:sources()[1].title)
      kb:close()
      os.remove(db)
    end)

    it("exits 2 without --db", function()
      local notes = tmpname(".txt")
      spit(notes, "Some notes.\n")
      local code, _, err = sinorus_cmd("import " .. notes .. " --title T")
      os.remove(notes)
      assert.equal(2, code)
      assert.truthy(err:find("import needs --db FILE", 1, true))
    end)


    it("adds a document that search then finds", function()
      local notes, db = tmpname(".txt"), tmpname(".sqlite")
      spit(notes, "Field notes.\n\nThe zebrafish memorandum surfaced in Minsk.\n")
      local code, _, err = sinorus_cmd("import " .. notes .. " --title 'Field notes' "
        .. "--authors 'A. Analyst' --published 2022-03-01 --db " .. db)
      assert.equal(0, code, err)
      assert.truthy(err:find("imported 'Field notes'", 1, true))
      local code2, out = sinorus_cmd("search zebrafish --format json --db " .. db)
      os.remove(notes); os.remove(db)
      assert.equal(0, code2)
      assert.equal(1, #cjson.decode(out))
    end)

    it("makes a new file empty, or a copy of the article with --article", function()
      local notes = tmpname(".txt")
      spit(notes, "Field notes.\n\nThe zebrafish memorandum surfaced in Minsk.\n")
      for _, with in ipairs { false, true } do
        local db = tmpname(".sqlite")
        local code, _, err = sinorus_cmd("import " .. notes .. " --title N --db " .. db ..
                                         (with and " --article" or ""))
        assert.equal(0, code, err)
        local kb = assert(sinorus.open(db, { readonly = true }))
        assert.equal(with and 2 or 1, #kb:sources())
        assert.equal(with and #sinorus.open():claims() or 0, #kb:claims())
        kb:close()
        os.remove(db)
      end
      os.remove(notes)
    end)
  end)

  describe("export", function()
    it("writes JSON to stdout", function()
      local code, out = sinorus_cmd("export json --records claims")
      assert.equal(0, code)
      local v = cjson.decode(out)
      assert.is_table(v)
    end)

    it("writes CSV to a file with --out", function()
      local path = tmpname(".csv")
      local code, out, err = sinorus_cmd("export csv --records factors --out " .. path)
      local text = slurp(path)
      os.remove(path)
      assert.equal(0, code, err)
      assert.equal("", out)
      assert.truthy(text:find("\r\n", 1, true))
    end)

    it("exits 2 on an unknown format", function()
      local code = sinorus_cmd("export yaml")
      assert.equal(2, code)
    end)
  end)

  describe("report", function()
    local code, out, err
    setup(function() code, out, err = sinorus_cmd("report") end)

    it("writes a Markdown brief", function()
      assert.equal(0, code, err)
      assert.truthy(out:find("^# Brief: A new Sino%-Russian Entente%?"))
      assert.truthy(out:find("\n## Structure\n", 1, true))
    end)

    it("cites segments", function()
      assert.truthy(out:find("§%d+"))
    end)

    it("lists the claims by horizon", function()
      assert.truthy(out:find("\n## Key claims by horizon\n", 1, true))
      assert.truthy(out:find("\n### Short term", 1, true))
      for _, c in ipairs(sinorus.open():claims()) do
        assert.truthy(out:find("**" .. c.id .. "**", 1, true), c.id)
      end
    end)

    it("lists drivers and irritants", function()
      assert.truthy(out:find("\n## Drivers and irritants\n", 1, true))
    end)

    it("lists the quotes", function()
      assert.truthy(out:find("\n## Who is quoted\n", 1, true))
    end)

    it("gives a timeline", function()
      assert.truthy(out:find("\n## Timeline\n", 1, true))
    end)

    it("ranks the hypotheses", function()
      assert.truthy(out:find("\n## Competing hypotheses (ACH)\n", 1, true))
    end)
  end)
end)

describe("the REPL module", function()
  it("completes methods after a colon", function()
    local env = { kb = sinorus.open() }
    assert.same({ "kb:search" }, repl.complete("kb:sea", env))
  end)

  it("completes fields after a dot", function()
    assert.same({ "sinorus.open" }, repl.complete("sinorus.op", { sinorus = sinorus }))
  end)

  it("completes global names and keywords", function()
    local list = repl.complete("pri", { print = print, private = 1 })
    assert.same({ "print", "private" }, list)
    assert.same({ "function" }, repl.complete("functi", {}))
  end)

  it("prints plain tables with sorted keys", function()
    assert.equal('{ 1, 2, a = true, b = "x" }', repl.format({ b = "x", a = true, 1, 2 }, 80, 24))
  end)

  it("prints nested tables one entry a line when they do not fit", function()
    local s = repl.format({ alpha = string.rep("x", 30), beta = { 1, 2, 3 } }, 50, 24)
    assert.equal('{\n  alpha = "' .. string.rep("x", 30) .. '",\n  beta = { 1, 2, 3 }\n}', s)
  end)

  it("prints rows of kb:sql as a table", function()
    local s = repl.format(sinorus.open():sql("SELECT kind, count(*) AS n FROM segment "
      .. "GROUP BY kind ORDER BY kind"), 80, 24)
    assert.truthy(s:find("^kind%s+n\n"))
  end)

  it("caps lists to the terminal with … N more", function()
    local s = repl.format(sinorus.open():segments(), 80, 14)
    local n = select(2, s:gsub("\n", "\n")) + 1
    assert.is_true(n <= 14)
    assert.truthy(s:find("… %d+ more$"))
    for line in s:gmatch("[^\n]+") do assert.is_true(utf8.len(line) <= 80) end
  end)

  it("marks cycles", function()
    local t = {}
    t.self = t
    assert.equal("{ self = <cycle> }", repl.format(t, 80, 24))
  end)

  it("compiles expressions, statements and =expr", function()
    local env = {}
    assert.equal(3, repl.compile("1 + 2", env)())
    assert.equal(4, repl.compile("=2 * 2", env)())
    repl.compile("x = 5", env)()
    assert.equal(5, env.x)
  end)

  it("recognises incomplete input", function()
    local fn, _, incomplete = repl.compile("for i = 1, 3 do", {})
    assert.is_nil(fn)
    assert.is_true(incomplete)
    local fn2, err, incomplete2 = repl.compile("1 +* 2", {})
    assert.is_nil(fn2)
    assert.is_string(err)
    assert.is_false(incomplete2)
  end)
end)

describe("the REPL", function()
  it("evaluates lines from a pipe", function()
    local code, out = sinorus_cmd("", "1 + 1\nfor i = 1, 2 do\nprint(i)\nend\nx = 3\nx * 2\n")
    assert.equal(0, code)
    assert.equal("2\n1\n2\n6\n", out)
  end)

  it("reports errors and goes on", function()
    local code, out, err = sinorus_cmd("", "kb:search(nil)\n1 + 1\n")
    assert.equal(0, code)
    assert.equal("2\n", out)
    assert.truthy(err:find("bad argument #1 to 'search' (string expected, got nil)", 1, true))
  end)

  it("prints help", function()
    local _, out = sinorus_cmd("", "help(kb.search)\n")
    assert.truthy(out:find("^kb:search%(query %[, opts%]%)\n"))
  end)

  it("opens --db files", function()
    local db = tmpname(".sqlite")
    assert(sinorus.open(db, { create = true, empty = true })):close()
    local _, out = sinorus_cmd("--db " .. db, "kb:path()\n")
    os.remove(db)
    assert.equal(db .. "\n", out)
  end)

  describe("on a terminal", function()
    local socket = "sinorus-spec-" .. tostring(os.time()) .. "-" .. tostring(math.random(1e6))
    local hist = tmpname(".history")
    local TMUX = "tmux -L " .. socket .. " "
    local session = "repl"

    local function pane()
      local _, out = sh(TMUX .. "capture-pane -p -t " .. session .. " -S -200")
      return out
    end

    -- Waits until the pane matches pattern (a plain string); returns the pane.
    local function wait_for(text, seconds, from)
      local deadline = os.time() + (seconds or 10)
      repeat
        local p = pane()
        if p:find(text, from or 1, true) then return p end
        os.execute("sleep 0.1")
      until os.time() > deadline
      return nil, pane()
    end

    local function keys(...)
      local args = {}
      for i = 1, select("#", ...) do args[i] = shq((select(i, ...))) end
      sh(TMUX .. "send-keys -t " .. session .. " " .. table.concat(args, " "))
    end

    setup(function()
      sh(TMUX .. "new-session -d -s " .. session .. " -x 120 -y 40 "
        .. shq("cd " .. shq(os.getenv("PWD") or ".") .. " && SINORUS_HISTORY=" .. hist
          .. " TERM=xterm " .. CMD))
      assert(wait_for("sinorus>"))
    end)

    teardown(function()
      sh(TMUX .. "kill-server")
      os.remove(hist)
    end)

    it("completes a method name with Tab", function()
      keys("kb:segm", "Tab")
      local p = wait_for("kb:segment", 5)
      assert.truthy(p)
      keys("C-u")
    end)

    it("prints a list as a table", function()
      keys("kb:segments{kind = \"heading\"}", "Enter")
      local p = assert(wait_for("Conclusion", 10))
      assert.truthy(p:find("id%s+kind%s+section%s+text"))
    end)

    it("prints help", function()
      keys("help(kb.kwic)", "Enter")
      assert.truthy(wait_for("Keyword in context", 10))
    end)

    it("interrupts a long query with Ctrl-C and keeps the session", function()
      keys("kb:sql(\"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) "
        .. "SELECT count(*) FROM c\")", "Enter")
      os.execute("sleep 0.7")
      keys("C-c")
      assert.truthy(wait_for("interrupted", 10))
      keys("x_after = 40 + 2", "Enter")
      keys("x_after", "Enter")
      assert.truthy(wait_for("\n42\n", 10))
    end)

    it("interrupts a Lua loop with Ctrl-C", function()
      local before = #pane()
      keys("while true do end", "Enter")
      os.execute("sleep 0.5")
      keys("C-c")
      local p = assert(wait_for("interrupted", 10, before - 200 > 0 and before - 200 or 1))
      assert.truthy(p)
      keys("kb:isclosed()", "Enter")
      assert.truthy(wait_for("false", 5))
    end)

    it("saves the history when it ends", function()
      keys("C-d")
      local deadline = os.time() + 10
      local text
      repeat
        text = slurp(hist)
        if text and text:find("help(kb.kwic)", 1, true) then break end
        os.execute("sleep 0.1")
      until os.time() > deadline
      assert.truthy(text and text:find("help(kb.kwic)", 1, true))
    end)
  end)
end)

describe("the embedding host", function()
  local dir = tmpname(".host")
  local exe = dir .. "/host"
  local built, build_err

  setup(function()
    os.execute("mkdir -p " .. shq(dir))
    local code, _, err = sh(PLAIN .. "cc -std=c99 -Wall -Wextra -Iinclude $(pkg-config --cflags lua5.4) "
      .. "examples/host.c " .. HOST_BUILD .. "/libsinorus.a $(pkg-config --libs lua5.4) "
      .. "-lsqlite3 -lstemmer -lzstd -lm -lpthread -ldl -o "
      .. shq(exe))
    built, build_err = code == 0, err
  end)

  teardown(function() os.execute("rm -rf " .. shq(dir)) end)

  it("builds from libsinorus.a without warnings", function()
    assert.is_true(built, build_err)
    assert.equal("", build_err)
  end)

  it("runs its built-in script from a directory with no sinorus files", function()
    local code, out = sh(PLAIN .. "sh -c " .. shq("cd " .. shq(dir) .. " && env -u LUA_PATH -u LUA_CPATH ./host"))
    assert.equal(0, code)
    assert.truthy(out:find("^sinorus%.KB%(builtin, read%-only%)"))
    assert.truthy(out:find("«secondary sanctions»", 1, true))
  end)

  it("runs a script with arguments", function()
    local script = dir .. "/s.lua"
    spit(script, "local s = require 'sinorus'\nprint(s.version, ...)\nprint(arg[0], arg[1])")
    local code, out = sh(PLAIN .. "sh -c " .. shq("cd " .. shq(dir) .. " && ./host s.lua a b"))
    assert.equal(0, code)
    assert.equal(sinorus.version .. "\ta\tb\ns.lua\ta\n", out)
  end)

  it("exits 1 when the script fails", function()
    spit(dir .. "/bad.lua", "error('nope')")
    local code, _, err = sh(PLAIN .. "sh -c " .. shq("cd " .. shq(dir) .. " && ./host bad.lua"))
    assert.equal(1, code)
    assert.truthy(err:find("nope", 1, true))
  end)

  it("runs two Lua states in two threads independently", function()
    local code, out, err = sh(PLAIN .. shq(exe) .. " --threads")
    assert.equal(0, code, err)
    assert.truthy(out:find("threads: ok", 1, true))
  end)
end)

describe("the examples", function()
  local function run_example(name, args)
    return sh(ENV .. "lua5.4 examples/" .. name .. (args and (" " .. args) or ""))
  end

  it("tour.lua runs", function()
    local code, _, err = run_example("tour.lua")
    assert.equal(0, code, err)
  end)

  it("claims_by_horizon.lua runs", function()
    local code, out, err = run_example("claims_by_horizon.lua", "Beijing")
    assert.equal(0, code, err)
    assert.truthy(out:find("Claims about China (china)", 1, true))
    assert.truthy(out:find("== short term", 1, true))
  end)

  it("ach.lua runs", function()
    local code, out, err = run_example("ach.lua")
    assert.equal(0, code, err)
    assert.truthy(out:find("top:", 1, true))
  end)

  it("graph_export.lua runs", function()
    local dir = tmpname(".graph")
    os.execute("mkdir -p " .. shq(dir))
    local code, _, err = run_example("graph_export.lua", shq(dir))
    local dot = slurp(dir .. "/relations.dot")
    os.execute("rm -rf " .. shq(dir))
    assert.equal(0, code, err)
    assert.truthy(dot and dot:find("digraph", 1, true))
  end)

  it("extend.lua runs", function()
    local code, out, err = run_example("extend.lua")
    assert.equal(0, code, err)
    assert.truthy(out:find("Field notes", 1, true))
  end)

  it("runs under `sinorus run` too", function()
    local code, _, err = sinorus_cmd("run examples/claims_by_horizon.lua Russia")
    assert.equal(0, code, err)
  end)
end)
