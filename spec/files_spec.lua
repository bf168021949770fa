-- File safety: every write (kb:save, every kb:export format, core.write_file,
-- core.write_qdpx) goes through the one atomic write, which refuses the
-- open KB's own file, its -wal/-shm/-journal and anything that is not a
-- regular file or a new name; a refused open leaves the file byte for
-- byte; NUL bytes in paths are refused; temporary files of killed writes
-- are cleaned up.

local sinorus = require "sinorus"
local core = require "sinorus.core"
local cjson = require "cjson"
local fs = require "spec.support.fs"

local slurp, spit, q = fs.slurp, fs.spit, fs.shq

local function sh(cmd) assert(os.execute(cmd), cmd) end

local function tmpdir()
  local d = fs.tmpname("-files")
  sh("mkdir -p " .. q(d))
  return d
end

local listdir = fs.listdir

local function kind(path)
  local p = io.popen("stat -c %F " .. q(path) .. " 2>/dev/null")
  local s = p:read("a"):gsub("%s+$", "")
  p:close()
  return s
end

local is_root = (function()
  local p = io.popen("id -u")
  local u = p:read("a")
  p:close()
  return tonumber(u) == 0
end)()

-- Every call that writes a file, as function(kb, path) -> ok, msg.
local WRITERS = {
  { "kb:save", function(kb, p) return kb:save(p) end },
  { "kb:export json", function(kb, p) return kb:export("json", p) end },
  { "kb:export csv", function(kb, p) return kb:export("csv", p) end },
  { "kb:export refi-qda", function(kb, p) return kb:export("refi-qda", p) end },
  { "core.write_file", function(kb, p) return core.write_file(p, "x", kb) end },
}

describe("writing files", function()
  local d, p, kb
  before_each(function()
    d = tmpdir()
    p = d .. "/kb.sqlite"
    kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:code(kb:segments { kind = "sentence", limit = 1 }[1].id, "mine")
  end)
  after_each(function()
    if kb then kb:close() end
    sh("rm -rf " .. q(d))
  end)

  for _, w in ipairs(WRITERS) do
    local name, write = w[1], w[2]

    if name ~= "kb:save" then   -- kb:save onto its own file checkpoints (persist_spec)
      it(name .. " refuses the open KB's own file, which stays intact", function()
        local ok, msg = write(kb, p)
        assert.is_nil(ok)
        assert.truthy(msg:find("it is the file of the open knowledge base", 1, true), msg)
        kb:close()
        kb = assert(sinorus.open(p))
        assert.equals(1, #kb:coded("mine"))
      end)

      it(name .. " refuses the KB's file through a symbolic link and a hard link", function()
        sh("ln -s " .. q(p) .. " " .. q(d .. "/soft") .. " && ln " .. q(p) .. " " .. q(d .. "/hard"))
        for _, t in ipairs { d .. "/soft", d .. "/hard", d .. "/../" .. d:match("[^/]+$") .. "/kb.sqlite" } do
          local ok, msg = write(kb, t)
          assert.is_nil(ok)
          assert.truthy(msg:find("it is the file of the open knowledge base", 1, true), msg)
        end
        assert.equals("symbolic link", kind(d .. "/soft"))
        kb:close()
        kb = assert(sinorus.open(p))
        assert.equals(1, #kb:coded("mine"))
      end)
    end

    it(name .. " refuses the KB's -wal, -shm and -journal, existing or not", function()
      for _, suffix in ipairs { "-wal", "-shm", "-journal" } do
        local before = slurp(p .. suffix)
        local ok, msg = write(kb, p .. suffix)
        assert.is_nil(ok)
        assert.truthy(msg:find("it is the " .. suffix:sub(2) .. " file of the open knowledge base",
                               1, true), msg)
        assert.equals(before, slurp(p .. suffix))
      end
      kb:code(kb:segments { kind = "sentence", limit = 2 }[2].id, "after")
      kb:close()
      kb = assert(sinorus.open(p))
      assert.equals(1, #kb:coded("after"))
    end)

    it(name .. " refuses a FIFO and leaves it a FIFO", function()
      local f = d .. "/fifo"
      sh("mkfifo " .. q(f))
      local ok, msg = write(kb, f)
      assert.is_nil(ok)
      assert.truthy(msg:find("not a regular file", 1, true), msg)
      assert.equals("fifo", kind(f))
      assert.same({ "fifo", "kb.sqlite", "kb.sqlite-shm", "kb.sqlite-wal" }, listdir(d))
    end)

    it(name .. " refuses a device node and leaves it one", function()
      if not is_root then return pending("needs root to make a device node") end
      local f = d .. "/null"
      sh("mknod " .. q(f) .. " c 1 3")
      local ok, msg = write(kb, f)
      assert.is_nil(ok)
      assert.truthy(msg:find("not a regular file", 1, true), msg)
      assert.equals("character special file", kind(f))
    end)

    it(name .. " refuses a directory and a symbolic link to nothing", function()
      sh("mkdir " .. q(d .. "/dir") .. " && ln -s " .. q(d .. "/nowhere") .. " " .. q(d .. "/dangling"))
      local ok, msg = write(kb, d .. "/dir")
      assert.is_nil(ok)
      assert.truthy(msg:find("Is a directory", 1, true), msg)
      ok, msg = write(kb, d .. "/dangling")
      assert.is_nil(ok)
      assert.truthy(msg:find("a symbolic link to nothing", 1, true), msg)
      assert.equals("symbolic link", kind(d .. "/dangling"))
      assert.is_nil(slurp(d .. "/nowhere"))
    end)

    it(name .. " writes through a symbolic link to a regular file, keeping the link", function()
      spit(d .. "/target", "old")
      sh("chmod 0640 " .. q(d .. "/target") .. " && ln -s target " .. q(d .. "/link"))
      assert.is_true(write(kb, d .. "/link"))
      assert.equals("symbolic link", kind(d .. "/link"))
      assert.not_equals("old", slurp(d .. "/target"))
      local p2 = io.popen("stat -c %a " .. q(d .. "/target"))
      assert.equals("640", p2:read("a"):gsub("%s+$", ""))
      p2:close()
    end)

    it(name .. " refuses a path with a NUL byte instead of cutting it", function()
      local ok, err = pcall(write, kb, d .. "/a\0b")
      assert.is_false(ok)
      assert.truthy(tostring(err):find("path contains a NUL byte", 1, true), err)
      assert.is_nil(slurp(d .. "/a"))
    end)

    it(name .. " removes temporary files that a killed write to the same target left", function()
      local t = d .. "/out"
      spit(t .. ".tmp-Ab3xY9", "left by a killed write")
      spit(t .. ".tmp-Zz0000-journal", "a journal of one gone")
      spit(t .. ".tmp-Ab3xY9-wal", "its WAL")
      spit(t .. ".tmp-Ab3xY9-shm", "its shared memory")
      spit(t .. ".tmp-keepme!", "not our name")
      spit(d .. "/other.tmp-Ab3xY9", "another target's")
      assert.is_true(write(kb, t))
      assert.same({ "kb.sqlite", "kb.sqlite-shm", "kb.sqlite-wal", "other.tmp-Ab3xY9", "out",
                    "out.tmp-keepme!" }, listdir(d))
    end)
  end

  it("messages name the path and the reason", function()
    local ok, msg = kb:save(p .. "-wal")
    assert.is_nil(ok)
    assert.equals(p .. "-wal: it is the wal file of the open knowledge base", msg)
    ok, msg = kb:export("json", p)
    assert.is_nil(ok)
    assert.equals("cannot write '" .. p .. "': it is the file of the open knowledge base", msg)
  end)

  it("leaves a temporary file that a live writer holds locked", function()
    local t = d .. "/out"
    local tmp = t .. ".tmp-Live01"
    spit(tmp, "being written")
    -- flock(1) holds an flock(2) lock on the file while the command runs
    local holder = io.popen("flock " .. q(tmp) .. " sh -c 'echo locked; sleep 3'")
    assert.equals("locked", holder:read("l"))
    assert.is_true(core.write_file(t, "x"))
    assert.equals("being written", slurp(tmp))
    holder:close()
    assert.is_true(core.write_file(t, "y"))
    assert.is_nil(slurp(tmp))
  end)

  it("a read-write open removes the temporaries of killed saves of that file", function()
    kb:close()
    kb = nil
    spit(p .. ".tmp-Qw12er", "a killed save")
    spit(p .. ".tmp-Qw12er-journal", "its journal")
    local ro = assert(sinorus.open(p, { readonly = true }))
    ro:close()
    assert.equals("a killed save", slurp(p .. ".tmp-Qw12er"))   -- read-only writes nothing
    kb = assert(sinorus.open(p))
    assert.is_nil(slurp(p .. ".tmp-Qw12er"))
    assert.is_nil(slurp(p .. ".tmp-Qw12er-journal"))
  end)
end)

describe("opening", function()
  local d
  before_each(function() d = tmpdir() end)
  after_each(function() sh("rm -rf " .. q(d)) end)

  it("a read-write open refused for a stale foreign WAL leaves the file byte for byte", function()
    local p = d .. "/kb.sqlite"
    local kb = assert(sinorus.open(p, { create = true, article = true }))
    kb:close()
    os.remove(p .. "-wal"); os.remove(p .. "-shm")
    local image = slurp(p)
    -- the WAL of another database, left beside the KB
    sh("cd " .. q(d) .. " && sqlite3 other.db 'PRAGMA journal_mode=WAL;' " ..
       "'CREATE TABLE t(x);' 'INSERT INTO t VALUES (randomblob(5000));' " ..
       "'.shell cp other.db-wal kb.sqlite-wal' >/dev/null")
    local k2, msg = sinorus.open(p)
    assert.is_nil(k2)
    assert.truthy(msg:find(p, 1, true), msg)
    collectgarbage()
    assert.is_true(slurp(p) == image, "the KB file changed")
    os.remove(p .. "-wal"); os.remove(p .. "-shm")
    kb = assert(sinorus.open(p))
    assert.is_true(#kb:claims() > 0)
    kb:close()
  end)

  it("refuses a path with a NUL byte", function()
    assert.has_error(function() sinorus.open(d .. "/a\0b", { create = true }) end,
                     "bad argument #1 to 'open' (path contains a NUL byte)")
    assert.same({}, listdir(d))
  end)

  it("kb:save and kb:export name the argument that holds a NUL byte", function()
    local kb <close> = sinorus.open()
    assert.has_error(function() kb:save(d .. "/a\0b") end,
                     "bad argument #1 to 'save' (path contains a NUL byte)")
    assert.has_error(function() kb:export("json", d .. "/a\0b") end,
                     "bad argument #2 to 'export' (path contains a NUL byte)")
    assert.has_error(function() sinorus.sandbox("return 1", { path = d .. "/a\0b" }) end,
                     "bad argument #2 to 'sandbox' (option 'path' contains a NUL byte)")
    assert.same({}, listdir(d))
  end)
end)

describe("one JSON encoder", function()
  local kb
  setup(function() kb = sinorus.open() end)
  teardown(function() kb:close() end)

  it("sinorus.to_json is core.json's bytes", function()
    local claims = kb:claims { horizon = "short" }
    assert.equals(core.json(claims), sinorus.to_json(claims))
  end)

  it("to_json never writes invalid UTF-8", function()
    local text = sinorus.to_json { name = "bad \xff\xfe byte", [1] = "\xc3" }
    assert.truthy(utf8.len(text))
    assert.equals('{"1":"\u{FFFD}","name":"bad \u{FFFD}\u{FFFD} byte"}', text)
  end)

  it("to_json keeps the array part of a mixed table (an object with every key)", function()
    assert.equals('{"1":"a","2":"b","n":2}', sinorus.to_json { "a", "b", n = 2 })
  end)

  it("to_json gives the same bytes for the same value however it was built", function()
    local a, b = {}, {}
    for i = 1, 50 do a["k" .. i] = i / 7 end
    for i = 50, 1, -1 do b["k" .. i] = i / 7 end
    assert.equals(sinorus.to_json(a), sinorus.to_json(b))
  end)

  it("graph JSON is what core.json writes for the same value", function()
    for _, g in ipairs { kb:graph { kind = "relations" }, kb:graph { kind = "mentions" } } do
      local text = g:to_json()
      local v = cjson.decode(text)
      assert.equals(core.json(v) .. "\n", text)
    end
  end)

  it("the JSON export is what core.json writes for the same value", function()
    local text = kb:export("json")
    local v = cjson.decode(text)
    assert.equals(core.json(v) .. "\n", text)
    assert.truthy(#v.claims > 0)
  end)

  it("the JSON export keeps NULL columns of a table's rows as null", function()
    -- (records of a record type are written as the API gives them: an
    -- absent field is left out, as sinorus.to_json of the list does)
    local text = kb:export("json", nil, { records = "segments" })
    local first = cjson.decode(text).segments[1]
    local nulls = 0
    for _, v in pairs(first) do if v == cjson.null then nulls = nulls + 1 end end
    assert.truthy(nulls > 0)
  end)

  it("to_csv writes numbers as the JSON encoder does", function()
    local csv = sinorus.to_csv({ { x = 0.1, y = 1 / 0, z = 3 } }, { "x", "y", "z" })
    assert.equals("x,y,z\r\n0.1,,3\r\n", csv)
  end)
end)
