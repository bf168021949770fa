-- Factors: the drivers of Sino-Russian alignment and the irritants and limits
-- that hold it back, as the article names them.
--
-- factor { id, name, kind = "driver" | "irritant", domain,
--          horizon = "short" | "long" | "both", wording = { ... }, why, evidence }
--
-- `wording` codes what the text does with the factor (data/README.md section
-- 4): strength ("main", "emphatic", "plain", "passing"), hedged, repeated,
-- attributed, qualified, and the link to Western pressure (pressure =
-- "defines" | "stated" | "inferred" | "none", effect = "strengthens" |
-- "weakens"). The build derives the weight, its range and the coupling from
-- these features by one rule table (lua/sinorus/wording.lua) that never looks
-- at the kind, so drivers and irritants worded alike weigh the same; no
-- weight is typed here.
--
-- The alignment model (implemented in C) takes, for a horizon h, every
-- factor whose horizon is h or "both":
--   m_i = 1 + coupling_i * (2 * pressure - 1)     -- pressure in [0, 1], 0.5 = now
--   e_i = weight_i * m_i
--   index = sum(sign_i * e_i) / sum(e_i)          -- sign +1 driver, -1 irritant
-- `why` names the wording behind each feature.

------------------------------------------------------------------------------
-- Drivers
------------------------------------------------------------------------------

factor { id = "drv-western-pressure",
  name = "Shared sense of Western military and normative pressure (and of U.S. containment)",
  kind = "driver", domain = "security", horizon = "both",
  wording = { strength = "main", repeated = true, pressure = "defines", effect = "strengthens" },
  why = "Main: the key points name it what alignment is \"mainly driven by\". "
    .. "Repeated: the authors state it again in their own words among the "
    .. "fundamental reasons (\"a mutual threat perception as targets of U.S. "
    .. "containment\"), which was coded apart before and counted the same "
    .. "cause twice; the conclusion's copy of the key points is not a second "
    .. "place, and Trenin's \"common front\" is one side's view, not support. "
    .. "Pressure: the factor is that pressure.",
  evidence = { "is mainly driven by a shared feeling of facing Western military and normative pressure",
               "a mutual threat perception as targets of U.S. containment" } }

factor { id = "drv-shared-norms",
  name = "Shared normative outlook on the international order",
  kind = "driver", domain = "normative", horizon = "long",
  wording = { strength = "plain", repeated = true, pressure = "stated", effect = "strengthens" },
  why = "Plain: listed among the \"fundamental reasons\" (a list heading marks its "
    .. "items as causes, not their strength). Repeated: \"normative convictions "
    .. "are likely to deepen\" in the key points (an estimative in an echo does "
    .. "not hedge a flat first statement). Pressure stated: the statement's "
    .. "principles restate \"opposition to Western interventionism and democracy "
    .. "promotion\".",
  evidence = { "both sides share a broad outlook on the norms that should govern the international system",
               "shared interests and normative convictions are likely to deepen Sino-Russian cooperation",
               "restates long-standing opposition to Western interventionism and democracy promotion" } }

factor { id = "drv-complementary-economies",
  name = "Complementary economic ties (energy for markets; the gas deal)",
  kind = "driver", domain = "economic", horizon = "long",
  wording = { strength = "plain", qualified = true },
  why = "Plain: one of the \"fundamental reasons\"; the gas deal is a fact, not a "
    .. "second statement. Qualified: Chinese commentary sees Russia as a "
    .. "\"resource supplier rather than ideological ally\". No link to Western "
    .. "pressure in the text (the economic lifeline against sanctions is its own "
    .. "factor).",
  evidence = { "complementary economic ties", "accompanied by a historic gas deal" } }

factor { id = "drv-central-asia-initiatives",
  name = "Partnership in joint initiatives, especially in Central Asia",
  kind = "driver", domain = "regional", horizon = "long",
  wording = { strength = "passing", qualified = true },
  why = "Passing: the last clause of the list, never returned to. Qualified: "
    .. "offset by China's \"increasing economic penetration of post-Soviet "
    .. "Central Asia\" among the known irritants (the irritant is coded the "
    .. "same way). No link to pressure.",
  evidence = { "and partnership in joint initiatives, especially in Central Asia" } }

factor { id = "drv-defense-cooperation",
  name = "Defence cooperation and joint military drills",
  kind = "driver", domain = "security", horizon = "long",
  wording = { strength = "emphatic", pressure = "inferred", effect = "strengthens" },
  why = "Emphatic: \"a robust security element\" that \"should not be "
    .. "underestimated\". Once: only in the key points (the conclusion is their "
    .. "copy), and Karaganov's \"military rapprochement\" is reported as a "
    .. "Russian argument, not used as support. Pressure inferred: only through "
    .. "the general statement that Western assurances can influence \"the "
    .. "external and internal security perceptions of both powers\".",
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills",
               "This also creates opportunities for Western assurances to influence" } }

factor { id = "drv-financial-independence",
  name = "Shared interest in reducing dependence on the U.S.-centric financial system",
  kind = "driver", domain = "economic", horizon = "long",
  wording = { strength = "plain", hedged = true, pressure = "stated", effect = "strengthens" },
  why = "Plain and hedged (\"may share\"), once. Pressure stated: the sentence "
    .. "follows the \"threatened Western sanctions regime\" (\"Here, too\").",
  evidence = { "both sides may share a long-term interest in reducing their dependence on a U.S.-centric financial system" } }

factor { id = "drv-russian-need",
  name = "Russia's need for a partner against isolation and for rhetorical backing",
  kind = "driver", domain = "political", horizon = "both",
  wording = { strength = "plain", attributed = true, pressure = "stated", effect = "strengthens" },
  why = "Plain (\"easy to see the value\"), once; attributed: stated \"from a "
    .. "Russian perspective\", one side's need. Pressure stated: it \"changes "
    .. "the perception that it has resulted in international isolation\". The "
    .. "third value in the sentence, the hedged economic lifeline, is its own "
    .. "factor.",
  evidence = { "it is easy to see the value of closer alignment with China over both timeframes",
               "it changes the perception that it has resulted in international isolation" } }

factor { id = "drv-economic-lifeline",
  name = "China as Russia's alternative economic lifeline against Western sanctions",
  kind = "driver", domain = "economic", horizon = "both",
  wording = { strength = "plain", hedged = true, attributed = true, qualified = true,
              pressure = "stated", effect = "strengthens" },
  why = "Plain, hedged (\"it may amount to\"), once, attributed (the \"Russian "
    .. "perspective\" of the sentence), qualified (China shows \"little appetite "
    .. "for shielding Moscow\" and is \"acutely vulnerable\" to secondary "
    .. "sanctions). Horizon both: the sentence is stated \"over both "
    .. "timeframes\". Pressure stated: an \"alternative\" lifeline is one "
    .. "against Western sanctions.",
  evidence = { "it may amount to an alternative economic lifeline",
               "there also seems to be little appetite for shielding Moscow from its consequences" } }

factor { id = "drv-blame-the-west",
  name = "Sympathy for Russia and a shared belief that Western meddling caused the crisis",
  kind = "driver", domain = "normative", horizon = "short",
  wording = { strength = "plain", repeated = true, pressure = "stated", effect = "strengthens" },
  why = "Plain: one of the \"contradictory impulses\". Repeated: the key points' "
    .. "support \"expressly limited to blaming Western actions\". Pressure "
    .. "stated: the belief is that Western \"meddling\" is to blame.",
  evidence = { "sympathy for Russia and a shared belief that Western",
               "is likely to be rhetorical and expressly limited to blaming Western actions" } }

factor { id = "drv-us-reorientation",
  name = "Chinese interest in a U.S. reorientation towards Europe",
  kind = "driver", domain = "security", horizon = "long",
  wording = { strength = "plain", hedged = true, attributed = true, qualified = true,
              pressure = "stated", effect = "strengthens" },
  why = "Plain, hedged (\"may welcome\"), once, attributed (\"a number of "
    .. "Chinese strategists\"), qualified (\"a much longer-term view\"). "
    .. "Pressure stated: it would \"relieve the pressure of Sino-American "
    .. "relations\".",
  evidence = { "a number of Chinese strategists may welcome a U.S. reorientation towards Europe" } }

------------------------------------------------------------------------------
-- Irritants and limits
------------------------------------------------------------------------------

factor { id = "irr-diverging-ukraine",
  name = "Diverging interests on Ukraine",
  kind = "irritant", domain = "political", horizon = "short",
  wording = { strength = "main", repeated = true },
  why = "Main: the lede names it the one limit on short-term cooperation "
    .. "(\"limit such cooperation in the short term\"). Repeated: the key "
    .. "points' \"tend to diverge\" (a frequency, not a hedge). No link to "
    .. "pressure in the text.",
  evidence = { "diverging interests on Ukraine limit such cooperation in the short term",
               "the interests of both sides tend to diverge when looking at specific cases like Ukraine" } }

factor { id = "irr-secondary-sanctions",
  name = "China's exposure to secondary sanctions through its trade with the U.S. and EU",
  kind = "irritant", domain = "economic", horizon = "short",
  wording = { strength = "emphatic", pressure = "stated", effect = "strengthens" },
  why = "Emphatic (\"acutely vulnerable\"), unhedged, once (the \"little "
    .. "appetite\" sentence is its consequence, not a restatement). Pressure "
    .. "stated: the exposure is to a \"threatened Western sanctions regime\".",
  evidence = { "make it acutely vulnerable to secondary sanctions" } }

factor { id = "irr-company-compliance",
  name = "Chinese companies' record of complying with U.S. sanctions regimes",
  kind = "irritant", domain = "economic", horizon = "short",
  wording = { strength = "plain", attributed = true, pressure = "inferred", effect = "strengthens" },
  why = "Plain, once, attributed (\"commentators have been skeptical\"). "
    .. "Pressure inferred: compliance with \"U.S. regimes\" grows with them, "
    .. "which the text implies but does not state.",
  evidence = { "citing their past compliance with U.S. regimes" } }

factor { id = "irr-stakes-in-ukraine",
  name = "China's trade, investment and Belt and Road transit interests in Ukraine",
  kind = "irritant", domain = "economic", horizon = "short",
  wording = { strength = "plain", hedged = true, repeated = true, qualified = true },
  why = "Plain; its lead sentence is hedged (\"might also jeopardize\"). "
    .. "Repeated: \"Chinese interests in Ukraine are far more complex\" in an "
    .. "earlier section. Qualified: \"most of them predating the 2014 crisis\", "
    .. "\"a few small-scale projects\". No link to pressure.",
  evidence = { "might also jeopardize its own interests in the country",
               "Chinese interests in Ukraine are far more complex than seeing it as a mere bargaining chip",
               "accounting for about a sixth of its imports and exports",
               "Ukraine sits astride some of the trans-Eurasian transport links" } }

factor { id = "irr-sovereignty-norms",
  name = "China's norms of sovereignty and territorial integrity",
  kind = "irritant", domain = "normative", horizon = "both",
  wording = { strength = "plain", repeated = true },
  why = "Plain (\"challenging Chinese core norms\"). Repeated: \"would "
    .. "contradict both its long-standing diplomatic principles\" and, in the "
    .. "long-term section, the statement \"reflects Chinese more than Russian "
    .. "rhetoric\" because Russia justifies its interventions with other "
    .. "language: so the horizon is both. No link to pressure in the text.",
  evidence = { "an awareness that Russia", "Ukraine is no exception.",
               "support for military adventurism would contradict both its long-standing diplomatic principles",
               "it reflects Chinese more than Russian rhetoric" } }

factor { id = "irr-loose-relationship",
  name = "A loose, uninstitutionalised relationship resting on the leaders' rapport",
  kind = "irritant", domain = "institutional", horizon = "both",
  wording = { strength = "plain", repeated = true, pressure = "inferred", effect = "weakens" },
  why = "Plain (\"the much looser\" relationship, \"so far mainly based on the "
    .. "personal rapport of both leaders\", given as the reason joint action is "
    .. "less likely): the rapport explains weakness, so it belongs here and is "
    .. "no driver. The \"seems\" hedges its basis, not its looseness. Repeated: "
    .. "\"cannot be read as a blueprint for a formal alliance\". Pressure "
    .. "inferred, weakening: alignment \"can still be influenced by Western "
    .. "policy choices\".",
  evidence = { "for the much looser Sino-Russian relationship",
               "which seems so far mainly based on the personal rapport of both leaders",
               "the document cannot be read as a blueprint for a formal alliance" } }

factor { id = "irr-power-gap",
  name = "Growing power gap and asymmetry between the partners",
  kind = "irritant", domain = "power", horizon = "long",
  wording = { strength = "plain", repeated = true },
  why = "Plain: first of the \"known irritants\" (a list heading, as for the "
    .. "drivers' \"fundamental reasons\"). Repeated: \"hinting at the growing "
    .. "asymmetry\" (a hedge in an echo). No link to pressure.",
  evidence = { "from the growing power gap between both sides to",
               "hinting at the growing asymmetry between both sides" } }

factor { id = "irr-central-asia",
  name = "China's economic penetration of post-Soviet Central Asia",
  kind = "irritant", domain = "regional", horizon = "long",
  wording = { strength = "passing", qualified = true },
  why = "Passing: the last item of the list of known irritants. Qualified: "
    .. "offset by the \"partnership in joint initiatives, especially in "
    .. "Central Asia\" among the drivers (coded alike). No link to pressure.",
  evidence = { "increasing economic penetration of post-Soviet Central Asia" } }

factor { id = "irr-reactive-agenda",
  name = "A reactive rather than proactive common agenda",
  kind = "irritant", domain = "normative", horizon = "long",
  wording = { strength = "emphatic", repeated = true, pressure = "stated", effect = "weakens" },
  why = "Emphatic: \"fundamentally reactive\", unhedged. Repeated: \"marked by a "
    .. "fundamentally reactive attitude\" in the long-term section. Pressure "
    .. "stated, weakening: the agenda coheres against \"U.S. actions\", which "
    .. "\"also creates opportunities for Western assurances\".",
  evidence = { "showing both its fundamentally reactive nature",
               "the text is marked by a fundamentally reactive attitude" } }

factor { id = "irr-transactional-view",
  name = "China values Russia as a resource supplier rather than an ideological ally",
  kind = "irritant", domain = "economic", horizon = "long",
  wording = { strength = "plain", attributed = true },
  why = "Plain, once, attributed: it rests on \"a high-profile commentary\" in "
    .. "Chinese media. No link to pressure.",
  evidence = { "much more muted media reaction in China" } }

factor { id = "irr-options-open",
  name = "China keeps its options open rather than tie itself to Russia's conflicts",
  kind = "irritant", domain = "political", horizon = "short",
  wording = { strength = "plain", repeated = true, attributed = true },
  why = "Plain: Russian experts warn against overestimating China's willingness "
    .. "to \"limit its own options\" (attributed: a reported view). Repeated: "
    .. "the authors' own reading of China's position, \"staying on the "
    .. "sidelines of the conflict\" and \"neither endorsing nor condemning\". "
    .. "No link to pressure in the text.",
  evidence = { "willingness to get engaged in Russia",
               "staying on the sidelines of the conflict" } }
