-- Quotes: every quotation in the article, verbatim.
--
-- quote { id, speaker, text, stance [, evidence] }
--
-- `text` is exactly what stands between the quotation marks, byte for byte
-- (Karaganov's "Сhina" is spelled in the article with a Cyrillic С, U+0421,
-- and is kept so). The build finds the segment of a quote by looking for the
-- text inside typographic quotation marks first, then bare; a quote whose text
-- is not unique may give an `evidence` phrase to pick its sentence.
-- `speaker` is the entity quoted: a person, a state, the joint statement, or
-- "article" for the authors' own scare quotes.
-- stance: pro-alignment, cautious, skeptical, sovereignty, anti-western,
-- programmatic, descriptive, ironic (see data/README.md).

-- Russia's term for China
quote { id = "q-strategic-partner", speaker = "russia", stance = "pro-alignment",
  text = "strategic partner" }

-- the statement's title
quote { id = "q-new-era", speaker = "joint-statement", stance = "programmatic",
  text = "international relations in a new era" }

quote { id = "q-trenin-common-front", speaker = "trenin", stance = "pro-alignment",
  text = "takes Sino-Russian entente to the level of a common front to push back against U.S. pressure on Russia and China in Europe, Asia, and globally" }

-- the partnership as leverage on the West
quote { id = "q-karaganov-ace", speaker = "karaganov", stance = "pro-alignment",
  text = "Military rapprochement with Сhina is one of the strongest arguments in our conversations with the West. Our military-political rapprochement with Beijing powerfully multiplies both our forces" }

quote { id = "q-kolesnikov-caution", speaker = "kolesnikov", stance = "cautious",
  text = "take the needs of ideological partners into account and behave as carefully as possible" }

-- The article does not say who announced the coordination; attributed to
-- Russia, the side seeking support (a coding choice, see data/README.md).
quote { id = "q-coordinated", speaker = "russia", stance = "pro-alignment",
  text = "coordinated" }

-- the authors' scare quotes
quote { id = "q-coordination", speaker = "article", stance = "skeptical",
  text = "coordination" }

quote { id = "q-wang-yi-sovereignty", speaker = "wang-yi", stance = "sovereignty",
  text = "sovereignty, independence and territorial integrity of any country…" }

quote { id = "q-wang-yi-no-exception", speaker = "wang-yi", stance = "sovereignty",
  text = "Ukraine is no exception." }

-- the shared Chinese-Russian narrative
quote { id = "q-meddling", speaker = "china", stance = "anti-western",
  text = "meddling" }

quote { id = "q-core-interests", speaker = "joint-statement", stance = "pro-alignment",
  text = "core interests" }

quote { id = "q-one-china", speaker = "joint-statement", stance = "sovereignty",
  text = "One China" }

quote { id = "q-taiwan-independence", speaker = "joint-statement", stance = "sovereignty",
  text = "opposing Taiwan independence" }

-- the authors' scare quotes
quote { id = "q-get", speaker = "article", stance = "ironic",
  text = "get" }

quote { id = "q-cold-war-approaches", speaker = "joint-statement", stance = "anti-western",
  text = "abandon its ideologized Cold War approaches" }

quote { id = "q-democracy", speaker = "joint-statement", stance = "anti-western",
  text = "democracy" }

-- the summit's own name
quote { id = "q-summit-for-democracy", speaker = "united-states", stance = "descriptive",
  text = "Summit for Democracy" }

quote { id = "q-indivisible", speaker = "joint-statement", stance = "anti-western",
  text = "indivisible" }

quote { id = "q-inclusive", speaker = "joint-statement", stance = "anti-western",
  text = "inclusive" }

-- an allusion to Fukuyama, who is not named
quote { id = "q-end-of-history", speaker = "article", stance = "ironic",
  text = "end of history" }

quote { id = "q-development", speaker = "joint-statement", stance = "programmatic",
  text = "development" }
