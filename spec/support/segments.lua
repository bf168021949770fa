-- spec/support/segments.lua: the segmenter's invariants, checked on the
-- article (spec/text_spec.lua) and on the CJK and Cyrillic corpus and
-- random texts (spec/lang_corpus_spec.lua).

local M = {}

-- The segmenter's invariants on text and its segments: offsets inside the
-- text and on character boundaries (for valid UTF-8), no white space at
-- either end, each paragraph exactly covered by its sentences in order
-- (only white space between them), nothing else overlapping.
function M.check_invariants(text, segs)
  local last = 0
  local valid = utf8.len(text) ~= nil
  local assert = require "luassert"
  for i, s in ipairs(segs) do
    assert.is_true(s.start >= 1 and s.start <= s.stop and s.stop <= #text)
    local t = text:sub(s.start, s.stop)
    if valid then assert.is_truthy(utf8.len(t), "cut inside a character") end
    assert.is_nil(t:find("^%s"))
    assert.is_nil(t:find("%s$"))
    assert.is_nil(t:find("^\u{3000}"))
    assert.is_nil(t:find("\u{3000}$"))
    if s.kind == "paragraph" then
      local pos, j = s.start, i + 1
      while segs[j] and segs[j].parent == i do
        assert.matches("^[%s\u{3000}]*$", text:sub(pos, segs[j].start - 1))
        pos = segs[j].stop + 1
        j = j + 1
      end
      assert.is_true(j > i + 1, "a paragraph without sentences")
      assert.equals(s.stop + 1, pos)
    end
    if s.kind ~= "sentence" then
      assert.is_true(s.start > last)
      last = s.stop
    end
  end
end

return M
