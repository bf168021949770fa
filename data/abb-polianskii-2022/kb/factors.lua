-- Factors: the drivers of Sino-Russian alignment and the irritants and limits
-- that hold it back, as the article names them.
--
-- factor { id, name, kind = "driver" | "irritant", domain,
--          horizon = "short" | "long" | "both", weight, range = { low, high },
--          coupling, why, evidence }
--
-- The alignment model (issue 4, implemented in C) takes, for a horizon h, every
-- factor whose horizon is h or "both":
--   m_i = 1 + coupling_i * (2 * pressure - 1)     -- pressure in [0, 1], 0.5 = now
--   e_i = weight_i * m_i
--   index = sum(sign_i * e_i) / sum(e_i)          -- sign +1 driver, -1 irritant
-- `coupling` in [-1, 1] says how far Western pressure strengthens (+) or
-- weakens (-) the factor. `weight` is the factor's strength at today's pressure
-- as the article's wording signals it; `range` is the band a reasonable second
-- coder might choose, its width set by how firmly the wording pins the weight.
-- `why` gives the reason for the weight (and the coupling) and names the
-- range class. See data/README.md for the scale of weights and the classes
-- ("How a weight's range was chosen").

------------------------------------------------------------------------------
-- Drivers
------------------------------------------------------------------------------

factor { id = "drv-western-pressure",
  name = "Shared sense of Western military and normative pressure",
  kind = "driver", domain = "security", horizon = "both",
  weight = 0.90, range = { 0.85, 0.95 }, coupling = 0.8,
  why = "The article names it the main driver (\"mainly driven by\") in both "
    .. "key-point paragraphs and the conclusion; it is Western pressure itself, "
    .. "so it scales almost one-to-one with the pressure level."
    .. " Range narrow (±0.05): an unhedged main-cause phrase (\"mainly "
    .. "driven by\") in the key points, repeated in the conclusion.",
  evidence = { "is mainly driven by a shared feeling of facing Western military and normative pressure" } }

factor { id = "drv-shared-norms",
  name = "Shared normative outlook on the international order",
  kind = "driver", domain = "normative", horizon = "long",
  weight = 0.70, range = { 0.60, 0.80 }, coupling = 0.4,
  why = "Listed first among the \"fundamental reasons\" and behind the "
    .. "\"likely\" long-term deepening; strengthened by Western democracy "
    .. "promotion, which the statement's first section answers."
    .. " Range moderate (±0.10): named plainly among the \"fundamental "
    .. "reasons\" and echoed later (\"normative convictions\"), but "
    .. "without wording on its strength.",
  evidence = { "both sides share a broad outlook on the norms that should govern the international system",
               "shared interests and normative convictions are likely to deepen Sino-Russian cooperation" } }

factor { id = "drv-threat-perception",
  name = "Mutual threat perception as targets of U.S. containment",
  kind = "driver", domain = "security", horizon = "long",
  weight = 0.70, range = { 0.60, 0.80 }, coupling = 0.7,
  why = "A \"fundamental reason\" the article lists explicitly and echoes in "
    .. "Trenin's \"common front\"; it is a direct function of perceived U.S. "
    .. "pressure, hence a strong coupling."
    .. " Range moderate (±0.10): named plainly among the \"fundamental "
    .. "reasons\" and echoed (Trenin's \"common front\"), but without "
    .. "wording on its strength.",
  evidence = { "a mutual threat perception as targets of U.S. containment",
               "takes Sino-Russian entente to the level of a common front" } }

factor { id = "drv-complementary-economies",
  name = "Complementary economic ties (energy for markets; the gas deal)",
  kind = "driver", domain = "economic", horizon = "long",
  weight = 0.55, range = { 0.40, 0.70 }, coupling = 0.3,
  why = "Named among the fundamental reasons and made concrete by the "
    .. "\"historic gas deal\"; moderate because China values Russia mainly as "
    .. "a resource supplier; sanctions pressure makes China Russia's lifeline."
    .. " Range wide (±0.15): a plain \"fundamental reason\" that the text "
    .. "qualifies elsewhere (\"resource supplier rather than ideological "
    .. "ally\"), its support hedged (\"may amount to\").",
  evidence = { "complementary economic ties", "accompanied by a historic gas deal",
               "it may amount to an alternative economic lifeline" } }

factor { id = "drv-central-asia-initiatives",
  name = "Partnership in joint initiatives, especially in Central Asia",
  kind = "driver", domain = "regional", horizon = "long",
  weight = 0.35, range = { 0.10, 0.60 }, coupling = 0.1,
  why = "Mentioned once as a fundamental reason, without detail, and offset "
    .. "by the Central Asia irritant; largely independent of Western pressure."
    .. " Range widest (±0.25): one clause in a list, never returned to or "
    .. "weighed.",
  evidence = { "and partnership in joint initiatives, especially in Central Asia" } }

factor { id = "drv-defense-cooperation",
  name = "Defence cooperation and joint military drills",
  kind = "driver", domain = "security", horizon = "long",
  weight = 0.65, range = { 0.60, 0.70 }, coupling = 0.5,
  why = "Called a \"robust security element\" that \"should not be "
    .. "underestimated\", and central to Karaganov's argument; at the low end "
    .. "of strong wording because the statement commits neither side to action."
    .. " Range narrow (±0.05): emphatic wording (\"robust\", \"should not "
    .. "be underestimated\") in the key points, repeated in the "
    .. "conclusion.",
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills",
               "Military rapprochement with" } }

factor { id = "drv-leader-rapport",
  name = "Personal rapport of the two leaders",
  kind = "driver", domain = "personal", horizon = "both",
  weight = 0.40, range = { 0.15, 0.65 }, coupling = 0.1,
  why = "The relationship \"seems so far mainly based\" on it, but the article "
    .. "presents that as a weakness, not as strength; Putin's Olympic visit "
    .. "shows it at work."
    .. " Range widest (±0.25): its only statement is hedged (\"seems so "
    .. "far mainly based\").",
  evidence = { "which seems so far mainly based on the personal rapport of both leaders",
               "highly publicized visit to the Olympic Games in Beijing" } }

factor { id = "drv-financial-independence",
  name = "Shared interest in reducing dependence on the U.S.-centric financial system",
  kind = "driver", domain = "economic", horizon = "long",
  weight = 0.40, range = { 0.15, 0.65 }, coupling = 0.6,
  why = "Stated with \"may\" and explicitly only long-term; the threat of "
    .. "Western sanctions is what makes the interest salient."
    .. " Range widest (±0.25): a single hedged clause (\"may share\").",
  evidence = { "both sides may share a long-term interest in reducing their dependence on a U.S.-centric financial system" } }

factor { id = "drv-russian-need",
  name = "Russia's need for a partner against isolation and for rhetorical backing",
  kind = "driver", domain = "political", horizon = "both",
  weight = 0.50, range = { 0.35, 0.65 }, coupling = 0.6,
  why = "The article finds the value to Russia \"easy to see\" over both "
    .. "timeframes, but it is one-sided (Russia's need, not China's); the more "
    .. "the West isolates Russia, the more it needs China."
    .. " Range wide (±0.15): stated plainly (\"easy to see\") and "
    .. "elaborated, but in one paragraph only.",
  evidence = { "it is easy to see the value of closer alignment with China over both timeframes",
               "it changes the perception that it has resulted in international isolation" } }

factor { id = "drv-blame-the-west",
  name = "Sympathy for Russia and a shared belief that Western meddling caused the crisis",
  kind = "driver", domain = "normative", horizon = "short",
  weight = 0.45, range = { 0.35, 0.55 }, coupling = 0.5,
  why = "One of the two \"contradictory impulses\" behind China's stance; it "
    .. "yields the rhetorical support the article expects, no more; Western "
    .. "pressure confirms the narrative."
    .. " Range moderate (±0.10): named plainly as one of the "
    .. "\"contradictory impulses\" and echoed in the key points "
    .. "(\"expressly limited to blaming\").",
  evidence = { "sympathy for Russia and a shared belief that Western",
               "is likely to be rhetorical and expressly limited to blaming Western actions" } }

factor { id = "drv-us-reorientation",
  name = "Chinese interest in a U.S. reorientation towards Europe",
  kind = "driver", domain = "security", horizon = "long",
  weight = 0.20, range = { 0.00, 0.45 }, coupling = 0.3,
  why = "Attributed only to \"a number of Chinese strategists\" and called a "
    .. "\"much longer-term view\"; weak."
    .. " Range widest (±0.25): hedged (\"may welcome\") and attributed to "
    .. "others (\"a number of Chinese strategists\"); clipped at 0.",
  evidence = { "a number of Chinese strategists may welcome a U.S. reorientation towards Europe" } }

------------------------------------------------------------------------------
-- Irritants and limits
------------------------------------------------------------------------------

factor { id = "irr-diverging-ukraine",
  name = "Diverging interests on Ukraine",
  kind = "irritant", domain = "political", horizon = "short",
  weight = 0.85, range = { 0.80, 0.90 }, coupling = -0.3,
  why = "The lede's main short-term limit (\"limit such cooperation in the "
    .. "short term\"), repeated in the key points; shared pressure partly "
    .. "papers over the divergence."
    .. " Range narrow (±0.05): the lede names it as the limit (\"limit "
    .. "such cooperation\"), restated in the key points and conclusion.",
  evidence = { "diverging interests on Ukraine limit such cooperation in the short term",
               "the interests of both sides tend to diverge when looking at specific cases like Ukraine" } }

factor { id = "irr-secondary-sanctions",
  name = "China's exposure to secondary sanctions through its trade with the U.S. and EU",
  kind = "irritant", domain = "economic", horizon = "short",
  weight = 0.75, range = { 0.70, 0.80 }, coupling = 0.1,
  why = "\"acutely vulnerable\" is the article's strongest wording for any "
    .. "limit; it is why there is \"little appetite\" to shield Russia. "
    .. "Sanctions threats are themselves pressure, so the coupling is slightly "
    .. "positive."
    .. " Range narrow (±0.05): an intensifier (\"acutely vulnerable\"), "
    .. "unhedged.",
  evidence = { "make it acutely vulnerable to secondary sanctions",
               "there also seems to be little appetite for shielding Moscow from its consequences" } }

factor { id = "irr-company-compliance",
  name = "Chinese companies' record of complying with U.S. sanctions regimes",
  kind = "irritant", domain = "economic", horizon = "short",
  weight = 0.40, range = { 0.15, 0.65 }, coupling = 0.0,
  why = "Reported second-hand (Russian commentators' scepticism); it "
    .. "reinforces the sanctions limit at firm level."
    .. " Range widest (±0.25): one clause, reported second-hand "
    .. "(\"commentators have been skeptical\").",
  evidence = { "citing their past compliance with U.S. regimes" } }

factor { id = "irr-stakes-in-ukraine",
  name = "China's trade, investment and Belt and Road transit interests in Ukraine",
  kind = "irritant", domain = "economic", horizon = "short",
  weight = 0.55, range = { 0.40, 0.70 }, coupling = -0.1,
  why = "A whole paragraph on it: a sixth of Ukraine's trade, a major "
    .. "investment destination, BRI transit; moderated because most "
    .. "investment predates 2014 and the projects are small."
    .. " Range wide (±0.15): a plain paragraph of facts, but its lead "
    .. "claim is hedged (\"might also jeopardize\") and qualified "
    .. "(\"predating the 2014 crisis\", \"a few small-scale projects\").",
  evidence = { "might also jeopardize its own interests in the country",
               "accounting for about a sixth of its imports and exports",
               "Ukraine sits astride some of the trans-Eurasian transport links" } }

factor { id = "irr-sovereignty-norms",
  name = "China's norms of sovereignty and territorial integrity",
  kind = "irritant", domain = "normative", horizon = "short",
  weight = 0.60, range = { 0.50, 0.70 }, coupling = -0.2,
  why = "Russia's conduct challenges \"Chinese core norms\", Wang Yi said "
    .. "\"Ukraine is no exception\", and backing adventurism would contradict "
    .. "China's principles; pressure makes China put them second."
    .. " Range moderate (±0.10): stated plainly (\"challenging Chinese "
    .. "core norms\") and echoed (\"would contradict\", Wang Yi), but "
    .. "without wording on its strength.",
  evidence = { "an awareness that Russia", "Ukraine is no exception.",
               "support for military adventurism would contradict both its long-standing diplomatic principles" } }

factor { id = "irr-loose-relationship",
  name = "A loose, uninstitutionalised relationship",
  kind = "irritant", domain = "institutional", horizon = "both",
  weight = 0.50, range = { 0.40, 0.60 }, coupling = -0.2,
  why = "Coordination fails even in NATO, so it weighs more for \"the much "
    .. "looser\" partnership; the statement is no blueprint for an alliance. "
    .. "Pressure invites closer institutions."
    .. " Range moderate (±0.10): stated plainly (\"the much looser\" "
    .. "relationship) and echoed (\"cannot be read as a blueprint\"), but "
    .. "without wording on its strength.",
  evidence = { "for the much looser Sino-Russian relationship",
               "the document cannot be read as a blueprint for a formal alliance" } }

factor { id = "irr-power-gap",
  name = "Growing power gap and asymmetry between the partners",
  kind = "irritant", domain = "power", horizon = "long",
  weight = 0.55, range = { 0.45, 0.65 }, coupling = -0.2,
  why = "Named first among the \"known irritants\" and visible in the "
    .. "prevalence of Chinese concepts in the statement; under strong pressure "
    .. "Russia accepts a junior role more readily."
    .. " Range moderate (±0.10): named plainly among the \"known "
    .. "irritants\" and echoed (\"growing asymmetry\"), but without "
    .. "wording on its strength.",
  evidence = { "from the growing power gap between both sides to",
               "hinting at the growing asymmetry between both sides" } }

factor { id = "irr-central-asia",
  name = "China's economic penetration of post-Soviet Central Asia",
  kind = "irritant", domain = "regional", horizon = "long",
  weight = 0.35, range = { 0.10, 0.60 }, coupling = -0.2,
  why = "Named as a known irritant, without elaboration."
    .. " Range widest (±0.25): one clause in a list of \"known "
    .. "irritants\", never returned to or weighed.",
  evidence = { "increasing economic penetration of post-Soviet Central Asia" } }

factor { id = "irr-reactive-agenda",
  name = "A reactive rather than proactive common agenda",
  kind = "irritant", domain = "normative", horizon = "long",
  weight = 0.40, range = { 0.30, 0.50 }, coupling = -0.6,
  why = "The agenda is specific only against U.S. actions and \"fundamentally "
    .. "reactive\"; it holds together only as long as there is something to "
    .. "react to, so pressure strongly weakens this limit."
    .. " Range moderate (±0.10): \"fundamentally reactive\" is stated "
    .. "twice, but the text does not say how far reactivity limits "
    .. "alignment.",
  evidence = { "showing both its fundamentally reactive nature",
               "the text is marked by a fundamentally reactive attitude" } }

factor { id = "irr-transactional-view",
  name = "China values Russia as a resource supplier rather than an ideological ally",
  kind = "irritant", domain = "economic", horizon = "long",
  weight = 0.30, range = { 0.05, 0.55 }, coupling = -0.2,
  why = "One piece of evidence (the muted Chinese media reaction, a single "
    .. "commentary), so a low weight."
    .. " Range widest (±0.25): one sentence resting on a single commentary "
    .. "(\"much more muted media reaction\").",
  evidence = { "much more muted media reaction in China" } }
