-- Importing document files (kb:import, the CLI's import): HTML, PDF, DOCX,
-- plain text and Markdown, in Chinese, Russian and English, in UTF-8,
-- UTF-16, Windows-1251, KOI8-R, GB18030 and Big5
-- (spec/fixtures/formats, made by make-formats.lua from src/).
--
-- What the extraction decides is checked exactly: the text of every file
-- is the text of its UTF-8 source (the .md for formats with headings, the
-- .txt for PDF and text files), and the metadata, pages and encodings are
-- the ones written. The import of a file is then compared in full with
-- the import of the same text as a UTF-8 file: the same segments (kind,
-- text, section), the same mentions and the same search hits, whatever
-- the segmenter and the matcher do with them.

local sinorus = require "sinorus"
local core = require "sinorus.core"
local fs = require "spec.support.fs"
local shq, slurp, spit, tmpname = fs.shq, fs.slurp, fs.spit, fs.tmpname

local D = "spec/fixtures/formats/"
local META = dofile(D .. "src/meta.lua")
local LANGS = { "en", "ru", "zh", "zh-hant" }

-- A term of each language that the document holds (a word, or a run of
-- Han characters between punctuation).
local TERMS = { en = "Beijing", ru = "НАТО", zh = "折扣很大", ["zh-hant"] = "折扣很大" }

-- The fixtures: file -> its reference (the UTF-8 file of the same text),
-- its format, and the encoding detection names.
local CASES = {}
local function case(file, ref, format, encoding)
  CASES[#CASES + 1] = { file = file, ref = ref, format = format, encoding = encoding }
end
for _, lang in ipairs(LANGS) do
  case(lang .. ".html", "src/" .. lang .. ".md", "html", "UTF-8")
  case(lang .. ".docx", "src/" .. lang .. ".md", "docx")
  case(lang .. ".pdf", lang .. ".txt", "pdf")
  case(lang .. ".txt", lang .. ".txt", "text", "UTF-8")
  case("src/" .. lang .. ".md", "src/" .. lang .. ".md", "markdown", "UTF-8")
end
case("en-utf16le.txt", "en.txt", "text", "UTF-16LE")
case("en-utf16be.txt", "en.txt", "text", "UTF-16BE")
case("en-bom.txt", "en.txt", "text", "UTF-8")
case("ru-cp1251.txt", "ru.txt", "text", "WINDOWS-1251")
case("ru-koi8r.txt", "ru.txt", "text", "KOI8-R")
case("ru-utf16le.txt", "ru.txt", "text", "UTF-16LE")
case("ru-cp1251.md", "src/ru.md", "markdown", "WINDOWS-1251")
case("ru-cp1251.html", "src/ru.md", "html", "WINDOWS-1251")
case("zh-gb18030.txt", "zh.txt", "text", "GB18030")
case("zh-utf16be.txt", "zh.txt", "text", "UTF-16BE")
case("zh-gb18030.md", "src/zh.md", "markdown", "GB18030")
case("zh-gb18030.html", "src/zh.md", "html", "GB18030")
case("zh-hant-big5.txt", "zh-hant.txt", "text", "BIG5")

local function lang_of(file)
  return file:match("^src/(.-)%.md$") or file:match("^(zh%-hant)") or file:match("^(%a%a)")
end

local function count_sources(kb) return #kb:sources() end

-- Runs a shell command without the sanitizer runtime that check-asan
-- preloads (cp, mkdir, gzip are not instrumented).
local function shell(cmd)
  return os.execute("env -u LD_PRELOAD -u ASAN_OPTIONS sh -c " .. shq(cmd))
end

-- A new KB file with the article's entities (so mentions are tagged).
local function new_kb()
  local path = tmpname(".sqlite")
  os.remove(path)
  local kb = assert(sinorus.open(path, { create = true, article = true }))
  return kb, path
end

local function drop(kb, path)
  kb:close()
  for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(path .. suffix) end
end

-- A source as its segments (kind, text, section) and its mentions
-- (ordinal of the segment, entity, matched text), by the public API.
local function shape(kb, source)
  local segs = kb:segments { source = source, limit = 1000000 }
  local ord, out = {}, { segments = {}, mentions = {} }
  for i, s in ipairs(segs) do
    ord[s.id] = i
    out.segments[i] = { kind = s.kind, text = s.text, section = s.section }
  end
  for _, e in ipairs(kb:entities { limit = 1000000 }) do
    for _, m in ipairs(kb:mentions(e.id, { limit = 1000000 })) do
      if ord[m.segment] then
        out.mentions[#out.mentions + 1] = { ord[m.segment], e.id, table.concat(m.matches, "|") }
      end
    end
  end
  table.sort(out.mentions, function(a, b)
    if a[1] ~= b[1] then return a[1] < b[1] end
    return a[2] < b[2]
  end)
  return out
end

-- The ordinals (within its source) of the segments a search hits.
local function hits(kb, source, term)
  local ord = {}
  for i, s in ipairs(kb:segments { source = source, limit = 1000000 }) do ord[s.id] = i end
  local out = {}
  for _, h in ipairs(kb:search(term, { limit = 100000 })) do
    if ord[h.segment] then out[#out + 1] = ord[h.segment] end
  end
  table.sort(out)
  return out
end

describe("the extraction of every format and encoding", function()
  for _, c in ipairs(CASES) do
    it("gives " .. c.file .. " the text of " .. c.ref, function()
      local doc, err = core.extract(slurp(D .. c.file), c.format)
      assert.is_table(doc, err)
      assert.equal(slurp(D .. c.ref), doc.text)
      assert.equal(c.format == "html" or c.format == "docx" or c.format == "markdown",
                   doc.markdown)
      assert.equal(c.encoding, doc.encoding)
    end)
  end

  for _, lang in ipairs(LANGS) do
    for _, format in ipairs { "html", "docx", "pdf" } do
      it("reads the title, author and date of " .. lang .. "." .. format, function()
        local doc = assert(core.extract(slurp(D .. lang .. "." .. format), format))
        local m = META[lang]
        assert.same({ m.title, m.author, m.date }, { doc.title, doc.author, doc.date })
      end)
    end

    it("keeps the pages of " .. lang .. ".pdf: the title's, then one per section", function()
      local doc = assert(core.extract(slurp(D .. lang .. ".pdf"), "pdf"))
      local md = slurp(D .. "src/" .. lang .. ".md")
      -- the generator starts a page at every level-2 heading
      local want = { (md:match("^# ([^\n]*)")) }
      for h in md:gmatch("\n## ([^\n]*)") do want[#want + 1] = h end
      local got = {}
      assert.equal(0, doc.pages[1])
      for i, start in ipairs(doc.pages) do
        got[i] = doc.text:sub(start + 1):match("^[^\n]*")
        if i > 1 then assert.equal("\n\n", doc.text:sub(start - 1, start)) end
      end
      assert.same(want, got)
    end)
  end

  it("has no pages but for PDF", function()
    for _, c in ipairs(CASES) do
      local doc = assert(core.extract(slurp(D .. c.file), c.format))
      assert.equal(c.format == "pdf", doc.pages ~= nil, c.file)
    end
  end)

  it("takes a given encoding over detection, and names it", function()
    local doc = assert(core.extract(slurp(D .. "ru-koi8r.txt"), "text", "koi8-r"))
    assert.equal(slurp(D .. "ru.txt"), doc.text)
    assert.equal("KOI8-R", doc.encoding)
    -- Windows-1251 read as KOI8-R decodes, to other letters
    doc = assert(core.extract(slurp(D .. "ru-cp1251.txt"), "text", "KOI8-R"))
    assert.are_not.equal(slurp(D .. "ru.txt"), doc.text)
    -- a name iconv knows beyond the list
    doc = assert(core.extract(slurp(D .. "ru-cp1251.txt"), "text", "CP1251"))
    assert.equal(slurp(D .. "ru.txt"), doc.text)
    assert.equal("given", doc.encoding)
  end)

  it("refuses bytes that do not decode with the offset of the first bad one", function()
    local gb = slurp(D .. "zh-gb18030.txt") .. "\x81"      -- a lead byte alone at the end
    local cp = slurp(D .. "ru-cp1251.txt")
    local u16 = slurp(D .. "en-utf16le.txt") .. "\x41"     -- half a character at the end
    local cases = {
      { gb, "GB18030", "not valid GB18030 text (invalid byte at offset " .. #gb .. ")", #gb },
      -- 0x98 is no character of Windows-1251
      { "Москва\n\x98", "WINDOWS-1251", "not valid WINDOWS-1251 text (invalid byte at "
        .. "offset 14)", 14 },
      -- UTF-8 given, a Windows-1251 file: its first byte is a Cyrillic letter
      { cp, "UTF-8", "not valid UTF-8 text (invalid byte at offset 1)", 1 },
      -- detection: Latin-1 is none of the encodings detected
      { "Caf\xe9 au lait.\n", nil, "not UTF-8 text (invalid byte at offset 4)", 4 },
      { u16, nil, "not valid UTF-16LE text (invalid byte at offset " .. #u16 .. ")", #u16 },
      { "text", "NO-SUCH-ENCODING", "unknown encoding 'NO-SUCH-ENCODING'", nil },
    }
    for _, c in ipairs(cases) do
      local r = table.pack(core.extract(c[1], "text", c[2]))
      r.n = nil
      assert.same({ nil, c[3], "encoding", c[4] }, r)
    end
  end)

  it("refuses binary data that no encoding reads as text", function()
    local _, msg, kind = core.extract("abc\1\2\3\200\201", "text")
    assert.same({ "not UTF-8 text (invalid byte at offset 7)", "encoding" }, { msg, kind })
    _, msg, kind = core.extract("abc\0def\n", "text")
    assert.same({ "holds a control character (byte 3 of its text)", "encoding" }, { msg, kind })
  end)

  it("refuses HTML whose bytes break the encoding it declares", function()
    -- found by fuzz_extract: libxml2 passed the bad bytes through
    local html = '<meta charset="utf-8"><p>\xd0\xbc\xd0\xb8\xd1\x80 &\xbb\xd0\xb5 \xd0</p>'
    local doc, msg, kind, offset = core.extract(html, "html")
    assert.is_nil(doc)
    assert.same({ "encoding", nil }, { kind, offset })
    assert.matches("^does not decode as the encoding it declares %(invalid UTF%-8 at byte %d+ "
                   .. "of its text%); give the encoding$", msg)
    -- given, it decodes
    doc = assert(core.extract(html:gsub("utf%-8", "windows-1251"), "html"))
    assert.equal("WINDOWS-1251", doc.encoding)
  end)

  it("drops the scripts, styles, navigation, header, footer and aside of HTML", function()
    local doc = assert(core.extract(slurp(D .. "en.html"), "html"))
    for _, gone in ipairs { "not text", "Home", "Archive", "Related", "Footer",
                            "changed", "margin" } do
      assert.is_nil(doc.text:find(gone, 1, true), gone)
    end
  end)

  it("decodes entities and reads headings h1 to h6 and the blocks of HTML", function()
    local doc = assert(core.extract("<title>T</title><h3>A &amp; B</h3><p>x&nbsp;y &#x4E2D;"
      .. "&eacute;</p><blockquote>q</blockquote><pre>p  r</pre><ul><li>one<li>two</ul>"
      .. "<h6>six</h6><div>d<br>e</div>", "html"))
    assert.equal("### A & B\n\nx y 中é\n\nq\n\np r\n\none\n\ntwo\n\n###### six\n\nd e\n",
                 doc.text)
    assert.equal("T", doc.title)
  end)

  it("reads DOCX headings from outline levels and the style map", function()
    local doc = assert(core.extract(slurp(D .. "ru.docx"), "docx"))
    assert.truthy(doc.text:find("\n## Прогноз\n", 1, true))
  end)

  it("refuses corrupt files, zip bombs and documents with no text", function()
    local pdf = slurp(D .. "en.pdf")
    local cases = {
      { pdf:sub(1, #pdf // 3), "pdf", "corrupt" },
      { "%PDF-1.4\nnothing else", "pdf", "corrupt" },
      { "PK\3\4 not really a zip", "docx", "corrupt" },
      { slurp(D .. "en.pdf"), "docx", "corrupt" },
      { "<html><head><title>t</title><script>x()</script></head><body><nav>menu</nav>"
        .. "<footer>f</footer></body></html>", "html", "empty" },
      { " \n\t\n", "text", "empty" },
      { "", "markdown", "empty" },
    }
    for i, c in ipairs(cases) do
      local doc, msg, kind = core.extract(c[1], c[2])
      assert.is_nil(doc, i)
      assert.equal(c[3], kind, msg)
      assert.is_string(msg)
    end
    local bomb = tmpname(".docx")
    assert(shell("lua5.4 " .. D .. "make-formats.lua --bomb " .. shq(bomb) .. " 300"))
    local doc, msg, kind = core.extract(slurp(bomb), "docx")
    os.remove(bomb)
    assert.is_nil(doc)
    assert.equal("too_big", kind)
    assert.equal("word/document.xml inflates past 256 MB", msg)
  end)

  it("hashes texts alike that differ only in white space", function()
    assert.equal(core.text_hash("a b\nc"), core.text_hash("  a  b\n\n c \n"))
    assert.are_not.equal(core.text_hash("a b c"), core.text_hash("a bc"))
    assert.matches("^%x+$", core.text_hash(""))
  end)
end)

describe("kb:import", function()
  for _, c in ipairs(CASES) do
    if c.file ~= c.ref then
      it("imports " .. c.file .. " as the UTF-8 " .. c.ref .. " is imported", function()
        local kb, path = new_kb()
        local a = assert(kb:import { files = { D .. c.file } })
        local b = assert(kb:import { files = { D .. c.ref }, force = true })
        assert.equal(1, a.imported)
        assert.equal(1, b.imported)
        local sa, sb = a.sources[1].source, b.sources[1].source
        assert.equal(kb:text(sb), kb:text(sa))
        assert.same(shape(kb, sb), shape(kb, sa))
        local term = TERMS[lang_of(c.file)]
        local h = hits(kb, sa, term)
        assert.is_true(#h > 0, term)
        assert.same(hits(kb, sb, term), h)
        drop(kb, path)
      end)
    end
  end

  it("counts every language's segments and mentions in the summary", function()
    local kb, path = new_kb()
    local files = {}
    for _, lang in ipairs(LANGS) do files[#files + 1] = D .. lang .. ".pdf" end
    local s = assert(kb:import { files = files })
    local segs, mentions = 0, 0
    for i, src in ipairs(s.sources) do
      assert.equal(files[i], src.file)
      assert.equal("pdf", src.format)
      local n = #kb:segments { source = src.source, limit = 1000000 }
      assert.equal(n, src.segments)
      segs = segs + n
      mentions = mentions + src.mentions
    end
    assert.same({ 4, 4, segs, mentions, {} }, { s.files, s.imported, s.segments, s.mentions,
                                                s.skipped })
    -- English names the article's entities (China, Russia, ...)
    assert.is_true(s.sources[1].mentions > 0)
    drop(kb, path)
  end)

  it("takes title, authors and date from the document, else the file name", function()
    local kb, path = new_kb()
    local s = assert(kb:import { files = { D .. "zh.docx", D .. "zh-hant-big5.txt" } })
    assert.equal(2, s.imported)
    local a = kb:sources()[#kb:sources() - 1]
    local b = kb:sources()[#kb:sources()]
    assert.same({ META.zh.title, { META.zh.author }, META.zh.date },
                { a.title, a.authors, a.published })
    assert.equal("zh-hant-big5.txt", b.title)
    assert.equal(META.zh.title, s.sources[1].title)
    -- given ones win
    s = assert(kb:import { files = { D .. "en.html" }, title = "Given", authors = { "X", "Y" },
                           published = "2020-01", url = "https://example.org/x" })
    assert.equal("Given", s.sources[1].title)
    local c = kb:sources()[#kb:sources()]
    assert.same({ "Given", { "X", "Y" }, "2020-01", "https://example.org/x" },
                { c.title, c.authors, c.published, c.url })
    drop(kb, path)
  end)

  it("gives each segment of a PDF its page, in records and in SQL", function()
    local kb, path = new_kb()
    local s = assert(kb:import { files = { D .. "ru.pdf" } })
    local id = s.sources[1].source
    assert.equal(4, s.sources[1].pages)
    -- page 1 holds the title, each section (a level-2 heading) a page
    local sections = { ["Торговля после санкций"] = 2, ["Пределы сближения"] = 3,
                       ["Прогноз"] = 4 }
    local seen = {}
    for _, seg in ipairs(kb:segments { source = id, limit = 1000 }) do
      local want = seg.section and sections[seg.section] or 1
      if sections[seg.text] then want = sections[seg.text] end
      assert.equal(want, seg.page, seg.text)
      assert.equal(want, kb:segment(seg.id).page)
      local rows = kb:sql("SELECT page FROM segment_page WHERE segment = ?", seg.id)
      assert.same({ { page = want } }, rows)
      seen[want] = true
    end
    assert.same({ true, true, true, true }, seen)
    -- a text file has no pages
    s = assert(kb:import { files = { D .. "ru.txt" }, force = true })
    for _, seg in ipairs(kb:segments { source = s.sources[1].source }) do
      assert.is_nil(seg.page)
    end
    drop(kb, path)
  end)

  it("detects a second import of the same text, and imports it with force", function()
    local kb, path = new_kb()
    local first = assert(kb:import { files = { D .. "en.txt" } })
    local n = count_sources(kb)
    -- the same text from a PDF, and from UTF-16
    local again = assert(kb:import { files = { D .. "en.pdf", D .. "en-utf16le.txt" } })
    assert.equal(0, again.imported)
    assert.equal(2, #again.skipped)
    for _, sk in ipairs(again.skipped) do
      assert.same({ "duplicate", first.sources[1].source,
                    "already imported as source " .. first.sources[1].source },
                  { sk.kind, sk.source, sk.reason })
    end
    assert.equal(n, count_sources(kb))
    local forced = assert(kb:import { files = { D .. "en.pdf" }, force = true })
    assert.equal(1, forced.imported)
    assert.equal(n + 1, count_sources(kb))
    -- two copies in one call: the second is the duplicate
    local two = assert(kb:import { files = { D .. "ru.txt", D .. "ru-koi8r.txt" } })
    assert.same({ 1, "duplicate" }, { two.imported, two.skipped[1].kind })
    drop(kb, path)
  end)

  it("detects a document added by add_source before, white space aside", function()
    local kb, path = new_kb()
    local id = kb:add_source { title = "By hand", text = (slurp(D .. "en.txt"):gsub("\n\n", "\n\n\n")) }
    local s = assert(kb:import { files = { D .. "en-bom.txt" } })
    assert.same({ 0, "duplicate", id }, { s.imported, s.skipped[1].kind, s.skipped[1].source })
    -- the article itself is a source too
    local article = kb:sources()[1]
    local f = tmpname(".txt")
    spit(f, kb:text(article.id))
    s = assert(kb:import { files = { f } })
    os.remove(f)
    assert.same({ "duplicate", article.id }, { s.skipped[1].kind, s.skipped[1].source })
    drop(kb, path)
  end)

  it("keeps the good files of a per-file import and reports the bad ones", function()
    local kb, path = new_kb()
    local bad_pdf = tmpname(".pdf")
    spit(bad_pdf, slurp(D .. "zh.pdf"):sub(1, 300))
    local empty_html = tmpname(".html")
    spit(empty_html, "<html><body><nav>menu</nav><script>1</script></body></html>")
    local n = count_sources(kb)
    local calls = {}
    local s = assert(kb:import {
      files = { D .. "zh.html", bad_pdf, "/nonexistent/x.docx", D .. "make-formats.lua",
                empty_html, D .. "ru.docx" },
      progress = function(done, total, file) calls[#calls + 1] = { done, total, file } end,
    })
    os.remove(bad_pdf); os.remove(empty_html)
    assert.same({ 6, 2 }, { s.files, s.imported })
    assert.equal(n + 2, count_sources(kb))
    local why = {}
    for _, sk in ipairs(s.skipped) do why[#why + 1] = sk.reason end
    assert.equal(4, #why)
    assert.matches("^not a readable PDF document", why[1])
    assert.equal("No such file or directory", why[2])
    assert.equal("unknown format '.lua' (give the format)", why[3])
    assert.equal("holds no text", why[4])
    assert.equal(7, #calls)
    assert.same({ 0, 6, D .. "zh.html" }, calls[1])
    assert.same({ 6, 6 }, { calls[7][1], calls[7][2] })
    drop(kb, path)
  end)

  it("writes nothing in one transaction when a file is bad", function()
    local kb, path = new_kb()
    local n = count_sources(kb)
    local log = #kb:history { limit = 100000 }
    local s, err, partial = kb:import { files = { D .. "zh.html", D .. "nope.pdf", D .. "en.docx" },
                                        transaction = "one" }
    assert.is_nil(s)
    assert.equal(D .. "nope.pdf: No such file or directory (nothing imported)", err)
    assert.same({ 0, 1 }, { partial.imported, #partial.skipped })
    assert.equal(n, count_sources(kb))
    assert.equal(log, #kb:history { limit = 100000 })
    -- and all when every file is good
    s = assert(kb:import { files = { D .. "zh.html", D .. "en.docx" }, transaction = "one" })
    assert.equal(2, s.imported)
    assert.equal(n + 2, count_sources(kb))
    drop(kb, path)
  end)

  it("imports the document files of a directory, recursively, in name order", function()
    local kb, path = new_kb()
    local dir = tmpname("")
    os.remove(dir)
    assert(shell("mkdir -p " .. shq(dir .. "/sub") .. " && cp " .. D .. "ru.pdf " .. D
      .. "zh.docx " .. shq(dir) .. " && cp " .. D .. "en.html " .. shq(dir .. "/sub")
      .. " && echo x > " .. shq(dir .. "/notes.xyz") .. " && echo x > " .. shq(dir .. "/.hidden.txt")))
    local s = assert(kb:import { dir = dir })
    local got = {}
    for i, src in ipairs(s.sources) do got[i] = src.file:sub(#dir + 2) end
    assert.same({ "ru.pdf", "sub/en.html", "zh.docx" }, got)
    assert.same({ dir .. "/notes.xyz" }, s.ignored)
    -- a directory among files
    local s2 = assert(kb:import { files = { dir .. "/sub", D .. "zh.txt" }, force = true })
    assert.equal(2, s2.imported)
    shell("rm -rf " .. shq(dir))
    drop(kb, path)
  end)

  it("reads files in the format and encoding given", function()
    local kb, path = new_kb()
    local f = tmpname(".dat")
    spit(f, slurp(D .. "ru-koi8r.txt"))
    local s, err = kb:import { files = { f } }
    assert.equal("unknown format '.dat' (give the format)", s.skipped[1].reason, err)
    s = assert(kb:import { files = { f }, format = "text", encoding = "KOI8-R" })
    assert.same({ 1, "KOI8-R" }, { s.imported, s.sources[1].encoding })
    s = assert(kb:import { files = { f }, format = "text", encoding = "UTF-8" })
    -- the first byte, a Cyrillic letter
    assert.same({ "not valid UTF-8 text (invalid byte at offset 1)", 1 },
                { s.skipped[1].reason, s.skipped[1].offset })
    os.remove(f)
    drop(kb, path)
  end)

  it("skips the open knowledge base's file and sidecars, by any name of them", function()
    local kb, path = new_kb()
    local link = tmpname(".txt")
    os.remove(link)
    assert(shell("ln -s " .. shq(path) .. " " .. shq(link)))
    kb:add_entity { id = "xland", name = "Xland", kind = "state" }   -- a -wal to read
    local n = count_sources(kb)
    for f, why in pairs { [path] = "", [link] = "", [path .. "-wal"] = "wal ",
                          [path .. "-shm"] = "shm " } do
      local s = assert(kb:import { files = { f }, format = "text" })
      assert.same({ 0, "it is the " .. why .. "file of the open knowledge base" },
                  { s.imported, s.skipped[1].reason })
    end
    assert.equal(n, count_sources(kb))
    os.remove(link)
    drop(kb, path)
  end)

  it("raises for misuse, and refuses a read-only KB", function()
    local kb, path = new_kb()
    local cases = {
      { nil, "table expected, got nil" },
      { {}, "give either 'files' (a list of paths) or 'dir' (a directory)" },
      { { files = {}, dir = "x" }, "give either 'files' (a list of paths) or 'dir' (a directory)" },
      { { files = {} }, "'files' is empty" },
      { { files = "a.txt" }, "'files' must be a list of paths, got string" },
      { { files = { 1 } }, "'files' must hold paths (strings), got number at index 1" },
      { { files = { "a" }, transaction = "two" },
        "invalid option 'two'; expected one of: per-file, one" },
      { { files = { "a" }, format = "rtf" },
        "invalid option 'rtf'; expected one of: " .. table.concat(core.FORMATS, ", ") },
      { { files = { "a" }, force = 1 }, "'force' must be a boolean, got number" },
      { { files = { "a" }, published = "May" },
        "'published': \"May\" must be YYYY, YYYY-MM or YYYY-MM-DD" },
      { { files = { "a" }, colour = 1 }, "unknown key 'colour'; valid keys: authors, dir, "
        .. "encoding, files, force, format, progress, published, title, transaction, url" },
    }
    -- a title add_source refuses, found at the first file: raised, not skipped
    local ok, err = pcall(kb.import, kb, { files = { D .. "en.txt" }, title = "a\0b" })
    assert.is_false(ok)
    assert.matches("^bad argument #1 to 'add_source' %(field 'title': NUL byte at byte 2%)$",
                   (tostring(err):gsub("^[^\n]-:%d+: ", "")))
    for _, c in ipairs(cases) do
      ok, err = pcall(kb.import, kb, c[1])
      assert.is_false(ok)
      assert.equal("bad argument #1 to 'import' (" .. c[2] .. ")",
                   (tostring(err):gsub("^[^\n]-:%d+: ", "")))
    end
    drop(kb, path)
    local ro = sinorus.open()
    assert.has_error(function() ro:import { files = { D .. "en.txt" } } end,
                     "attempt to write to a read-only sinorus.KB")
  end)

  it("is not given to a sandboxed script, nor is the listing of directories", function()
    local ok, v = sinorus.sandbox([[local s = require "sinorus"
      return {type(s.import_files), type(kb.import)}]], {})
    assert.is_true(ok, v)
    assert.same({ "nil", "nil" }, v)
    local res, err = sinorus.sandbox([[return require("sinorus").import_files{"/etc"}]], {})
    assert.is_nil(res)
    assert.is_string(err)
  end)

  it("migrates a v4 file to pages and hashes, and finds its source again", function()
    local p = tmpname(".sqlite")
    spit(p, slurp("spec/fixtures/schema-v4.sqlite"))
    local kb = assert(sinorus.open(p))
    assert.equal(sinorus.schema_version, kb:describe().schema_version)
    assert.equal(0, #kb:sql("SELECT * FROM source_page"))
    -- the schema, hits and records of a file made new (same script, v5)
    local fresh = assert(sinorus.open("spec/fixtures/schema-v" .. sinorus.schema_version
                                      .. ".sqlite", { readonly = true }))
    local SCHEMA = "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
    assert.same(fresh:sql(SCHEMA), kb:sql(SCHEMA))
    for _, q in ipairs { "gas", "China", "sanctions" } do
      local a, b = {}, {}
      for i, h in ipairs(fresh:search(q)) do a[i] = { h.segment, h.text } end
      for i, h in ipairs(kb:search(q)) do b[i] = { h.segment, h.text } end
      assert.is_true(#a > 0, q)
      assert.same(a, b)
    end
    assert.same(fresh:claims(), kb:claims())
    assert.same(fresh:mentions("China"), kb:mentions("China"))
    fresh:close()
    local src = kb:sources()[1]
    local f = tmpname(".md")
    spit(f, kb:text(src.id))
    local s = assert(kb:import { files = { f } })
    assert.same({ "duplicate", src.id }, { s.skipped[1].kind, s.skipped[1].source })
    s = assert(kb:import { files = { D .. "en.pdf" } })
    assert.equal(4, #kb:sql("SELECT * FROM source_page WHERE source = ?", s.sources[1].source))
    kb:close()
    os.remove(f)
    for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(p .. suffix) end
  end)
end)
