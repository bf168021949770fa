-- Events after the article's publication (issue 14): event records that rest
-- on a source of their own (source_url), not on sentences of the article.
local sinorus = require "sinorus"
local fs = require "spec.support.fs"

local function new_kb()
  local path = os.tmpname()
  os.remove(path)
  local kb = assert(sinorus.open(path, { create = true }))
  kb:add_source { title = "Notes", published = "2022-02-18", text = "China and Russia met.\n" }
  kb:add_entity { id = "china", name = "China", kind = "state" }
  kb:add_entity { id = "russia", name = "Russia", kind = "state" }
  return kb, path
end

describe("events after publication", function()
  local kb
  setup(function() kb = assert(sinorus.open()) end)
  teardown(function() kb:close() end)

  it("every event after the article carries an http(s) source URL and no evidence", function()
    local n = 0
    for _, e in ipairs(kb:events()) do
      if e.after_publication then
        n = n + 1
        assert.truthy(e.source_url and e.source_url:match("^https?://%S+$"), e.id)
        assert.equal(0, #e.evidence, e.id)
        assert.is_true(e.date > kb:sources()[1].published, e.id)
      else
        assert.is_nil(e.source_url, e.id)
        assert.is_true(#e.evidence > 0, e.id)
      end
    end
    assert.is_true(n > 0)
  end)

  it("kb:evidence gives an empty list naming the source of such an event", function()
    for _, e in ipairs(kb:events()) do
      local ev = kb:evidence(e)
      if e.after_publication then
        assert.equal(0, #ev)
        assert.equal(e.source_url, ev.source_url)
        assert.equal(e.source_url, kb:evidence(e.id).source_url)
      else
        assert.is_nil(ev.source_url)
        assert.equal(#e.evidence, #ev)
      end
    end
  end)

  it("round-trips through add_event, and refuses one without evidence or source", function()
    local w, path = new_kb()
    w:add_event { id = "ev-after", date = "2023-03-21", title = "A visit",
                  actors = { "China", "Russia" }, source_url = "https://example.org/visit",
                  after_publication = true, checked = "yes", tally = "1-0-0",
                  votes = { china = "for" } }
    local e = w:event("ev-after")
    assert.equal("https://example.org/visit", e.source_url)
    assert.is_true(e.after_publication)
    assert.equal("for", e.votes.china)
    assert.has_error(function()
      w:add_event { id = "ev-bare", date = "2023", title = "x", actors = { "China" } }
    end, "bad argument #1 to 'add_event' (missing field 'evidence')")
    assert.has_error(function()
      w:add_event { id = "ev-bad", date = "2023", title = "x", actors = { "China" },
                    source_url = "ftp://x" }
    end, "bad argument #1 to 'add_event' (field 'source_url': \"ftp://x\" must be an " ..
         "http(s) URL)")
    assert.is_nil(w:event("ev-bare"))
    assert.is_nil(w:event("ev-bad"))
    w:remove_event("ev-after")
    assert.equal(0, w:sql("SELECT count(*) AS n FROM event_source")[1].n)
    w:close()
    os.remove(path)
    assert.is_nil(fs.slurp(path))
  end)
end)

describe("update_event on an event after publication", function()
  it("keeps its source", function()
    local path = os.tmpname()
    os.remove(path)
    local kb = assert(sinorus.open(path, { create = true }))
    kb:add_source { title = "Notes", text = "China and Russia met.\n" }
    kb:add_entity { id = "china", name = "China", kind = "state" }
    kb:add_event { id = "ev-after", date = "2023-03-21", title = "A visit", actors = { "China" },
                   source_url = "https://example.org/visit", after_publication = true }
    kb:update_event("ev-after", { title = "A state visit" })
    local e = kb:event("ev-after")
    assert.equal("A state visit", e.title)
    assert.equal("https://example.org/visit", e.source_url)
    assert.is_true(e.after_publication)
    kb:close()
    os.remove(path)
  end)
end)
