-- sinorus.import: kb:import, documents from files (doc/authoring.md,
-- "Importing files").
--
--   kb:import{files = {...} | dir = path, transaction = "per-file" | "one",
--             format = ..., encoding = ..., force = bool, title = ...,
--             authors = {...}, published = ..., url = ..., progress = fn}
--
-- Each file is read, its text extracted in C (core.extract: HTML, PDF,
-- DOCX, plain text, Markdown; encodings decoded), then added as
-- kb:add_source would, with its pages (PDF) and the hash of its text.
-- Returns a summary; see the doc.lua entry of import.

local core = require "sinorus.core"
local internal = require "sinorus.internal"
local store = require "sinorus.store"
local util = require "sinorus.util"

local KB, M = {}, {}

-- The format of each file name extension (lower case). One owner: the
-- command line and the docs read it from here.
local FORMAT_OF_EXT = {
  txt = "text", text = "text", md = "markdown", markdown = "markdown",
  html = "html", htm = "html", xhtml = "html", pdf = "pdf", docx = "docx",
}
M.IMPORT_EXTENSIONS = FORMAT_OF_EXT
local EXT_LIST
do
  local exts = {}
  for ext in pairs(FORMAT_OF_EXT) do exts[#exts + 1] = "." .. ext end
  table.sort(exts)
  EXT_LIST = table.concat(exts, ", ")
end

local TRANSACTIONS = { "per-file", "one" }
local OPTS = { "files", "dir", "transaction", "format", "encoding", "force", "title",
               "authors", "published", "url", "progress" }

local argerror = util.argerror

local function fail(msg, ...)
  argerror("import", 1, msg:format(...), 3)
end

local function check(opts)
  if type(opts) ~= "table" then
    argerror("import", 1, "table expected, got " .. util.typename(opts), 3)
  end
  for k in pairs(opts) do
    local known = false
    for _, o in ipairs(OPTS) do known = known or o == k end
    if not known then
      local sorted = { table.unpack(OPTS) }
      table.sort(sorted)
      fail("unknown key '%s'; valid keys: %s", tostring(k), table.concat(sorted, ", "))
    end
  end
  if (opts.files == nil) == (opts.dir == nil) then
    fail("give either 'files' (a list of paths) or 'dir' (a directory)")
  end
  if opts.files ~= nil then
    if type(opts.files) ~= "table" then
      fail("'files' must be a list of paths, got %s", util.typename(opts.files))
    end
    if #opts.files == 0 then fail("'files' is empty") end
    for i = 1, #opts.files do
      local f = opts.files[i]
      if type(f) ~= "string" or f:find("\0", 1, true) then
        fail("'files' must hold paths (strings), got %s at index %d",
             util.typename(f), i)
      end
    end
  end
  if opts.dir ~= nil and (type(opts.dir) ~= "string" or opts.dir:find("\0", 1, true)) then
    fail("'dir' must be a path (a string), got %s", util.typename(opts.dir))
  end
  util.check_enum("import", 1, opts.transaction, TRANSACTIONS, true, 4)
  util.check_enum("import", 1, opts.format, core.FORMATS, true, 4)
  for _, k in ipairs { "encoding", "title", "published", "url" } do
    if opts[k] ~= nil and type(opts[k]) ~= "string" then
      fail("'%s' must be a string, got %s", k, util.typename(opts[k]))
    end
  end
  if opts.published ~= nil and not store.valid_date(opts.published) then
    fail("'published': %q must be YYYY, YYYY-MM or YYYY-MM-DD", opts.published)
  end
  if opts.authors ~= nil and type(opts.authors) ~= "table" then
    fail("'authors' must be a list of names, got %s", util.typename(opts.authors))
  end
  if opts.force ~= nil and type(opts.force) ~= "boolean" then
    fail("'force' must be a boolean, got %s", util.typename(opts.force))
  end
  if opts.progress ~= nil and type(opts.progress) ~= "function" then
    fail("'progress' must be a function, got %s", util.typename(opts.progress))
  end
end

-- The files under dir with a known extension, recursively, sorted, hidden
-- ones (.name) left out; and the other files, as ignored.
local function dir_files(dir)
  local files, ignored = {}, {}
  local function walk(d)
    local names, kinds = core.list_dir(d)
    if not names then return nil, kinds end
    local order = {}
    for i = 1, #names do order[i] = i end
    table.sort(order, function(a, b) return names[a] < names[b] end)
    for _, i in ipairs(order) do
      local name, path = names[i], d .. "/" .. names[i]
      if name:sub(1, 1) ~= "." then
        if kinds[i] == "dir" then
          local ok, err = walk(path)
          if not ok then return nil, err end
        elseif kinds[i] == "file" and FORMAT_OF_EXT[(name:match("%.([^./]+)$") or ""):lower()] then
          files[#files + 1] = path
        else
          ignored[#ignored + 1] = path
        end
      end
    end
    return true
  end
  local ok, err = walk((dir:gsub("/+$", "")))
  if not ok then return nil, err end
  return files, ignored
end

--- The files an import of paths reads: each path that is not a
--- directory, and the document files under each directory (by extension,
--- recursively, sorted, hidden ones left out). Returns the files, the
--- other files found in the directories and, for each directory with no
--- document file, { dir, reason }; nil, message when a directory cannot
--- be read.
function M.import_files(paths)
  if type(paths) ~= "table" then
    argerror("import_files", 1, "table expected, got " .. util.typename(paths))
  end
  for i = 1, #paths do
    if type(paths[i]) ~= "string" or paths[i]:find("\0", 1, true) then
      argerror("import_files", 1, string.format("path (string) expected at index %d, got %s",
               i, util.typename(paths[i])))
    end
  end
  local files, ignored, empty_dirs = {}, {}, {}
  for _, path in ipairs(paths) do
    if core.list_dir(path) then
      local found, other = dir_files(path)
      if not found then return nil, other end
      table.move(found, 1, #found, #files + 1, files)
      table.move(other, 1, #other, #ignored + 1, ignored)
      if #found == 0 then
        empty_dirs[#empty_dirs + 1] = { path, "a directory with no document file ("
                                        .. EXT_LIST .. ")" }
      end
    else
      files[#files + 1] = path
    end
  end
  return files, ignored, empty_dirs
end

local function squeeze(s)
  return (s:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- Fills source_hash for the sources that have no hash yet (added by
-- kb:add_source, or before schema version 5).
local function hash_missing(kb)
  for _, r in ipairs(kb:sql([[SELECT id FROM source WHERE id NOT IN
                              (SELECT source FROM source_hash) ORDER BY id]])) do
    local text = kb:text(r.id)
    if text then
      internal.exec(kb, "INSERT INTO source_hash (source, hash) VALUES (?, ?)", r.id,
                    core.text_hash(text))
    end
  end
end

-- The source that holds the same text (white space aside), or nil.
local function same_text(kb, hash, text)
  local want
  for _, r in ipairs(kb:sql("SELECT source FROM source_hash WHERE hash = ? ORDER BY source",
                            hash)) do
    local t = kb:text(r.source)
    want = want or squeeze(text)
    if t and squeeze(t) == want then return r.source end
  end
  return nil
end

local function basename(path)
  return path:match("([^/]+)$") or path
end

-- Reads and extracts one file (never kb's own): the extracted document,
-- or nil, reason.
local function extract(kb, path, opts)
  local format = opts.format
  if not format then
    local ext = (basename(path):match("%.([^.]+)$") or ""):lower()
    format = FORMAT_OF_EXT[ext]
    if not format then
      return nil, ext == "" and "unknown format (no file name extension; give the format)"
        or string.format("unknown format '.%s' (give the format)", ext)
    end
  end
  local data, err = core.read_file(path, kb)   -- never blocks on a FIFO
  if not data then return nil, err end
  local doc, msg, _, offset = core.extract(data, format, opts.encoding)
  if not doc then return nil, msg, offset end
  doc.format = format
  return doc
end

-- Adds one extracted document; returns its entry of the summary.
local function add(kb, path, doc, opts)
  local authors = opts.authors
  if not authors and doc.author then
    authors = {}
    for name in doc.author:gmatch("[^;]+") do
      name = squeeze(name)
      if name ~= "" then authors[#authors + 1] = name end
    end
  end
  local published = opts.published
  if not published and doc.date and store.valid_date(doc.date) then published = doc.date end
  local id = kb:add_source {
    title = opts.title or doc.title or basename(path), authors = authors,
    published = published, url = opts.url, text = doc.text,
    format = doc.markdown and "markdown" or "plain",
  }
  internal.exec(kb, "INSERT INTO source_hash (source, hash) VALUES (?, ?)", id, doc.hash)
  local pages = doc.pages
  if pages then
    for i, start in ipairs(pages) do
      local stop = pages[i + 1] or #doc.text
      internal.exec(kb, "INSERT INTO source_page (source, page, start, stop) VALUES (?, ?, ?, ?)",
                    id, i, start + 1, stop)
    end
  end
  local segs = internal.value(kb, "SELECT count(*) FROM segment WHERE source = ?", id)
  local mentions = internal.value(kb, [[SELECT count(*) FROM mention WHERE segment IN
                                        (SELECT id FROM segment WHERE source = ?)]], id)
  return { file = path, source = id, title = opts.title or doc.title or basename(path),
           format = doc.format, encoding = doc.encoding, segments = segs,
           mentions = mentions, pages = pages and #pages or nil }
end

--- Imports document files (see help(kb.import)).
function KB:import(opts)
  check(opts)
  if self:readonly() then error("attempt to write to a read-only sinorus.KB", 2) end
  local files, ignored, empty_dirs = M.import_files(opts.files or { opts.dir })
  if not files then return nil, ignored end
  local summary = { files = #files, imported = 0, segments = 0, mentions = 0,
                    sources = {}, skipped = {}, ignored = ignored }
  local one = opts.transaction == "one"
  local function skip(path, reason, kind, offset, source)
    summary.skipped[#summary.skipped + 1] = { file = path, reason = reason, kind = kind,
                                              offset = offset, source = source }
  end
  local function count(entry)
    summary.sources[#summary.sources + 1] = entry
    summary.imported = summary.imported + 1
    summary.segments = summary.segments + entry.segments
    summary.mentions = summary.mentions + entry.mentions
  end
  for _, dir in ipairs(empty_dirs) do skip(dir[1], dir[2], "error") end
  if one and #empty_dirs > 0 then
    return nil, summary.skipped[1].file .. ": " .. summary.skipped[1].reason
      .. " (nothing imported)", summary
  end
  local function run()
    self:transaction(hash_missing)
    for i, path in ipairs(files) do
      if opts.progress then opts.progress(i - 1, #files, path) end
      local doc, why, offset = extract(self, path, opts)
      if doc then
        doc.hash = core.text_hash(doc.text)
        local dup = not opts.force and same_text(self, doc.hash, doc.text)
        if dup then
          skip(path, string.format("already imported as source %d", dup), "duplicate", nil, dup)
        elseif one then
          count(add(self, path, doc, opts))
        else
          local ok, entry = pcall(self.transaction, self, add, path, doc, opts)
          if ok then
            count(entry)
          elseif tostring(entry):find("interrupted$") or tostring(entry):find("not enough memory")
                 or tostring(entry):find("out of memory") or tostring(entry):find("^bad argument")
          then
            error(entry, 0)   -- Ctrl-C, no memory or misuse: the whole import stops
          else
            skip(path, tostring(entry), "error")
          end
        end
      else
        skip(path, why, "error", offset)
        if one then
          error({ import_failed = path .. ": " .. why }, 0)
        end
      end
    end
    if opts.progress then opts.progress(#files, #files, nil) end
  end
  if one then
    local ok, err = pcall(self.transaction, self, run)
    if not ok then
      summary.imported, summary.segments, summary.mentions, summary.sources = 0, 0, 0, {}
      if type(err) == "table" and err.import_failed then
        return nil, err.import_failed .. " (nothing imported)", summary
      end
      error(err, 0)
    end
  else
    run()
  end
  return summary
end

return { methods = KB, module = M }
