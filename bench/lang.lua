-- bench/lang.lua: Chinese and Russian text against English of the same
-- byte size, each measured in the same run (issue 17).
--
--   segment  core.segment throughput (MB/s) of each language's text
--   import   kb:add_source throughput into a file with the built-in
--            entities (segments, search index with CJK pairs and stems,
--            mentions), CPU and wall time
--   search   kb:search median latency on N sentences of each language,
--            for a common word, a rare word and two words
--
-- The text is synthetic, made from the word lists below (written for this
-- bench), with a fixed seed. Targets: segmentation and import of Chinese
-- and Russian >= 0.5x English; search latency on Chinese <= 1.5x English.
-- SINORUS_BENCH_LANG_MB (default 4) sets the size of the texts,
-- SINORUS_BENCH_LANG_SENTENCES (default 100,000) the search corpus; the
-- figures of bench/README.md are of 1,000,000 sentences.

local sinorus = require "sinorus"
local internal = require "sinorus.internal"
local core = require "sinorus.core"
local lib = require "bench.lib"
local median, tmp, wall = lib.median, lib.tmp, lib.wall

local MB = tonumber(os.getenv("SINORUS_BENCH_LANG_MB")) or 4
local SENTENCES = tonumber(os.getenv("SINORUS_BENCH_LANG_SENTENCES")) or 100000

local WORDS = {
  zh = { "中国", "俄罗斯", "关系", "合作", "双方", "能源", "安全", "经济", "政策", "制裁",
         "分析", "声明", "会谈", "边界", "伙伴", "市场", "发展", "地区", "领导人", "外交",
         "立场", "问题", "谈判", "贸易", "军事", "支持", "反对", "扩大", "联合", "世界",
         "国际", "秩序", "战略", "信任", "风险", "影响", "未来", "历史", "利益", "局势" },
  ru = { "Россия", "Китай", "отношения", "сотрудничество", "стороны", "энергетика",
         "безопасность", "экономика", "политика", "санкции", "анализ", "заявление",
         "переговоры", "граница", "партнёры", "рынок", "развитие", "регион", "лидеры",
         "дипломатия", "позиция", "вопрос", "торговля", "военный", "поддержка", "против",
         "расширение", "совместный", "мир", "международный", "порядок", "стратегия",
         "доверие", "риск", "влияние", "будущее", "история", "интересы", "ситуация", "союз" },
  en = { "Russia", "China", "relations", "cooperation", "parties", "energy", "security",
         "economy", "policy", "sanctions", "analysis", "statement", "talks", "border",
         "partners", "market", "development", "region", "leaders", "diplomacy", "position",
         "question", "trade", "military", "support", "against", "expansion", "joint", "world",
         "international", "order", "strategy", "trust", "risk", "influence", "future",
         "history", "interests", "situation", "alliance" },
}
local RARE = { zh = "蝴蝶", ru = "бабочка", en = "butterfly" }
local QUERIES = {
  zh = { common = "合作", rare = "蝴蝶", two = "能源 安全" },
  ru = { common = "сотрудничество", rare = "бабочка", two = "энергетика безопасность" },
  en = { common = "cooperation", rare = "butterfly", two = "energy security" },
}

-- w with its first letter in capitals (ASCII or Cyrillic а..я).
local function upper_first(w)
  local c = utf8.codepoint(w)
  if c >= 0x430 and c <= 0x44F then return utf8.char(c - 0x20) .. w:sub(3) end
  return (w:gsub("^%l", string.upper))
end

local function generator(lang)
  local seed, words = 4242, WORDS[lang]
  local function rand(n)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n + 1
  end
  local n = 0
  return function()                    -- one sentence
    local s = {}
    for j = 1, 5 + rand(8) do s[j] = words[rand(#words)] end
    n = n + 1
    if n % 50000 == 0 then s[#s + 1] = RARE[lang] end
    if lang == "zh" then return table.concat(s) .. "。" end
    s[1] = upper_first(s[1])
    return table.concat(s, " ") .. "."
  end
end

-- About bytes of text: paragraphs of six sentences, one per line.
local function text_of(lang, bytes)
  local next_sentence, lines, size = generator(lang), {}, 0
  local sep = lang == "zh" and "" or " "
  while size < bytes do
    local p = {}
    for i = 1, 6 do p[i] = next_sentence() end
    local line = table.concat(p, sep)
    lines[#lines + 1] = line
    size = size + #line + 1
  end
  -- cut at bytes, less the last (perhaps partial) character
  return (table.concat(lines, "\n"):sub(1, bytes):gsub("[\192-\244][\128-\191]*$", ""))
end

local function report(name, value, unit, base, target)
  io.write(string.format("%-46s %10.3f %-5s %s\n", name, value, unit,
    base and string.format("%.2fx English (target %s)", value / base, target) or ""))
  io.flush()
end

local texts = {}
for _, lang in ipairs { "en", "zh", "ru" } do texts[lang] = text_of(lang, MB * 1e6) end

-- segmentation: the best of three rounds, languages alternating
do
  local best = {}
  for _ = 1, 3 do
    for _, lang in ipairs { "en", "zh", "ru" } do
      local t = lib.cpu(function() core.segment(texts[lang]) end)
      local rate = #texts[lang] / 1e6 / t
      if not best[lang] or rate > best[lang] then best[lang] = rate end
    end
  end
  for _, lang in ipairs { "en", "zh", "ru" } do
    report("segment " .. lang .. ", CPU", best[lang], "MB/s", lang ~= "en" and best.en or nil, ">= 0.5x")
  end
end

-- import: into a file with the built-in entities, CPU and wall
do
  local cpu_rate, wall_rate = {}, {}
  for _ = 1, 2 do
    for _, lang in ipairs { "en", "zh", "ru" } do
      local path = tmp(".sqlite")
      local kb = assert(sinorus.open(path, { create = true, article = true }))
      local t0, w0 = os.clock(), wall()
      kb:add_source { title = lang, text = texts[lang] }
      local t, w = os.clock() - t0, wall() - w0
      kb:close()
      for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(path .. suffix) end
      local mb = #texts[lang] / 1e6
      if not cpu_rate[lang] or mb / t > cpu_rate[lang] then cpu_rate[lang] = mb / t end
      if not wall_rate[lang] or mb / w > wall_rate[lang] then wall_rate[lang] = mb / w end
    end
  end
  for _, lang in ipairs { "en", "zh", "ru" } do
    report("import " .. lang .. ", CPU", cpu_rate[lang], "MB/s", lang ~= "en" and cpu_rate.en or nil, ">= 0.5x")
    report("import " .. lang .. ", wall", wall_rate[lang], "MB/s", lang ~= "en" and wall_rate.en or nil, ">= 0.5x")
  end
end

-- search on SENTENCES sentences of each language
do
  local paths = {}
  for _, lang in ipairs { "en", "zh", "ru" } do
    local path = tmp(".sqlite")
    local kb = assert(sinorus.open(path, { create = true, empty = true }))
    local next_sentence, made = generator(lang), 0
    local t = lib.cpu(function()
      internal.exec(kb, "BEGIN")
      while made < SENTENCES do
        local s = {}
        for i = 1, math.min(20000, SENTENCES - made) do s[i] = next_sentence() end
        internal.add_source(kb, { title = "synthetic", authors = {},
                                  text = table.concat(s, lang == "zh" and "" or " ") })
        made = made + #s
      end
      internal.exec(kb, "COMMIT")
    end)
    report(string.format("search: import %d %s sentences, CPU", SENTENCES, lang), t, "s")
    kb:close()
    paths[lang] = path
  end
  local kbs = {}
  for lang, path in pairs(paths) do kbs[lang] = assert(sinorus.open(path, { readonly = true })) end
  for _, name in ipairs { "rare", "common", "two" } do
    local reps = name == "common" and 9 or 31
    local best = {}
    for _ = 1, 3 do                     -- languages alternating, best median kept
      for _, lang in ipairs { "en", "zh", "ru" } do
        local q, t = QUERIES[lang][name], {}
        kbs[lang]:search(q)
        for i = 1, reps do
          local t0 = os.clock()
          kbs[lang]:search(q)
          t[i] = os.clock() - t0
        end
        local m = median(t) * 1e3
        if not best[lang] or m < best[lang] then best[lang] = m end
      end
    end
    for _, lang in ipairs { "en", "zh", "ru" } do
      report(string.format("search %-6s %s, median, CPU", name, lang), best[lang], "ms",
             lang ~= "en" and best.en or nil, "<= 1.5x")
    end
  end
  for lang, kb in pairs(kbs) do
    kb:close()
    for _, suffix in ipairs { "", "-wal", "-shm" } do os.remove(paths[lang] .. suffix) end
  end
end
