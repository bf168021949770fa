-- The bibliographic record of the built-in article. The text is in
-- article.txt beside this file, exactly as in ../shared/corpus (UTF-8, one
-- paragraph, heading or reference entry per line).
source {
  title = "A new Sino-Russian Entente? The limits of cooperation on Ukraine and beyond",
  authors = { "Pascal Abb", "Mikhail Polianskii" },
  outlet = "PRIF Spotlight 2/2022, Peace Research Institute Frankfurt (PRIF)",
  -- The edition's date, from its text: it quotes Wang Yi at Munich on
  -- 2022-02-19 (EVENTS.md), so it cannot be older, and it says "no military
  -- action has yet taken place", so it predates 2022-02-24 (HINDSIGHT.md);
  -- the earliest possible date is taken. The blog version, whose text
  -- differs, is dated 2022-02-18.
  published = "2022-02-19",
  url = "https://doi.org/10.48809/prifspot2202",
  doi = "10.48809/prifspot2202",
  file = "article.txt",
}
