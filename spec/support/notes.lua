-- A generated document of 10 * paragraphs sentences naming entities of the
-- article (China, Russia, Ukraine, NATO, Beijing) with a hedge in each:
-- the long imported source of the HTML reader's browser spec and of
-- bench/html.lua.
return function(paragraphs)
  local words = { "China", "Russia", "Ukraine", "NATO", "sanctions", "trade", "Beijing" }
  local paras = {}
  for p = 1, paragraphs do
    local sents = {}
    for s = 1, 10 do
      local n = (p - 1) * 10 + s
      sents[s] = string.format("Sentence %d notes that %s and %s discussed %s likely.", n,
        words[n % 7 + 1], words[(n * 3) % 7 + 1], words[(n * 5) % 7 + 1])
    end
    paras[p] = table.concat(sents, " ")
  end
  return table.concat(paras, "\n\n") .. "\n"
end
