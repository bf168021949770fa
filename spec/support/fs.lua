-- Helpers shared by the specs and spec/support/killer.lua: temporary
-- names, whole-file reads and writes, and shell quoting.

local fs = {}

-- A fresh temporary path (nothing exists there) ending in suffix.
function fs.tmpname(suffix)
  local p = os.tmpname()
  os.remove(p)
  return p .. (suffix or "")
end

-- The content of a file, or nil when it cannot be read.
function fs.slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- Writes s to path, replacing it.
function fs.spit(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

-- Removes a KB file with its WAL, shared-memory and journal files.
function fs.remove_db(path)
  for _, suffix in ipairs { "", "-wal", "-shm", "-journal" } do
    os.remove(path .. suffix)
  end
end

-- A fresh empty temporary directory; fs.rmtree removes it with its files.
function fs.tmpdir()
  local p = fs.tmpname()
  assert(os.execute("mkdir -p " .. fs.shq(p)))
  return p
end

function fs.rmtree(path)
  os.execute("rm -rf " .. fs.shq(path))
end

-- The names in directory d (without . and ..), sorted.
function fs.listdir(d)
  local p = io.popen("ls -A " .. fs.shq(d))
  local out = {}
  for l in p:lines() do out[#out + 1] = l end
  p:close()
  table.sort(out)
  return out
end

-- s quoted for sh.
function fs.shq(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

return fs
