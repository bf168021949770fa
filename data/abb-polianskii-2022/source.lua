-- The bibliographic record of the built-in article. The text is in
-- article.txt beside this file, exactly as in ../shared/corpus (UTF-8, one
-- paragraph, heading or reference entry per line).
source {
  title = "A new Sino-Russian Entente? The limits of cooperation on Ukraine and beyond",
  authors = { "Pascal Abb", "Mikhail Polianskii" },
  outlet = "PRIF Spotlight 2/2022, Peace Research Institute Frankfurt (PRIF)",
  published = "2022-02-18",
  url = "https://doi.org/10.48809/prifspot2202",
  doi = "10.48809/prifspot2202",
  file = "article.txt",
}
