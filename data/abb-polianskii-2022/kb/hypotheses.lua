-- Competing hypotheses on China's stance towards Russia's conduct on Ukraine,
-- and the article's evidence rated against each (Heuer's ACH).
--
-- question { id, text }
-- hypothesis { id, text [, question] }
-- item { id, text, credibility, relevance, evidence, ratings = { [h] = r } [, question] }
--
-- The hypotheses and items answer the one question of this file (a file
-- with several questions names it in each of them).
--
-- The hypotheses run from full backing to distance and are mutually exclusive
-- as descriptions of China's dominant behaviour in the 2021-22 crisis.
-- Ratings (every item rates every hypothesis):
--   CC  very consistent: the item is what one would expect if h were true
--   C   consistent
--   N   neutral: neither expected nor surprising under h
--   I   inconsistent: the item would be surprising under h
--   II  very inconsistent: h can hardly be true if the item is
--   NA  not applicable: the item says nothing about h
-- credibility (low | medium | high): how reliable the item is as the article
-- reports it (a checkable fact is high, the authors' reading of a document
-- medium, a partisan's opinion low); relevance: how directly it bears on
-- China's stance in this crisis. See data/README.md.

question { id = "q-china-stance",
  text = "Which stance does China take towards Russia's conduct in the Ukraine crisis?" }

hypothesis { id = "h-military",
  text = "China backs Russia militarily, or would back it in a military confrontation over Ukraine." }

hypothesis { id = "h-shield",
  text = "China shields Russia economically, helping it to withstand Western sanctions." }

hypothesis { id = "h-rhetorical",
  text = "China gives Russia rhetorical and diplomatic support only, blaming the West for the crisis." }

hypothesis { id = "h-neutral",
  text = "China stays on the sidelines, neither endorsing nor condemning Russia, and urges a diplomatic resolution." }

hypothesis { id = "h-distance",
  text = "China distances itself from Russia and sides with Ukraine's sovereignty and territorial integrity." }

------------------------------------------------------------------------------
-- Evidence items
------------------------------------------------------------------------------

item { id = "e-unsc-vote-2022",
  text = "China joined Russia in opposing the U.S.-requested Security Council debate on Ukraine, calling Russian denials credible.",
  credibility = "high", relevance = "high",
  evidence = { "China joined Russia in opposing a U.S.-requested debate on Ukraine" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "N", ["h-rhetorical"] = "CC",
              ["h-neutral"] = "I", ["h-distance"] = "II" } }

item { id = "e-coordinated-announcement",
  text = "Both sides announced that they had coordinated their positions on Ukraine.",
  credibility = "medium", relevance = "medium",
  evidence = { "has recently been rekindled by an announcement that both sides had" },
  ratings = { ["h-military"] = "C", ["h-shield"] = "C", ["h-rhetorical"] = "C",
              ["h-neutral"] = "I", ["h-distance"] = "II" } }

item { id = "e-abstention-2014",
  text = "In 2014 China abstained in the Security Council on Crimea rather than vote with Russia.",
  credibility = "high", relevance = "medium",
  evidence = { "when it abstained from UNSC votes" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "N", ["h-rhetorical"] = "I",
              ["h-neutral"] = "CC", ["h-distance"] = "C" } }

item { id = "e-wang-yi-sovereignty",
  text = "Wang Yi called for respecting every country's sovereignty and territorial integrity, Ukraine included.",
  credibility = "high", relevance = "high",
  evidence = { "Ukraine is no exception." },
  ratings = { ["h-military"] = "II", ["h-shield"] = "I", ["h-rhetorical"] = "I",
              ["h-neutral"] = "C", ["h-distance"] = "CC" } }

item { id = "e-secondary-sanctions",
  text = "China's larger trade with the U.S. and the EU makes it acutely vulnerable to secondary sanctions.",
  credibility = "high", relevance = "high",
  evidence = { "make it acutely vulnerable to secondary sanctions" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "II", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "C" } }

item { id = "e-company-compliance",
  text = "Even Russian commentators doubt that Chinese companies would risk sanctions, given their past compliance with U.S. regimes.",
  credibility = "medium", relevance = "medium",
  evidence = { "Even in Russia, commentators have been skeptical if Chinese companies would be willing to incur such risks" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "II", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }

item { id = "e-little-appetite-shield",
  text = "There seems to be little appetite in Beijing for undermining a Western sanctions regime.",
  credibility = "medium", relevance = "high",
  evidence = { "there also seems to be little appetite for shielding Moscow from its consequences" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "II", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }

item { id = "e-ukraine-trade",
  text = "China accounts for about a sixth of Ukraine's trade and has invested heavily there.",
  credibility = "high", relevance = "medium",
  evidence = { "accounting for about a sixth of its imports and exports" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "I", ["h-rhetorical"] = "N",
              ["h-neutral"] = "C", ["h-distance"] = "C" } }

item { id = "e-bri-transit",
  text = "Ukraine lies on trans-Eurasian transport links of the Belt and Road Initiative and has courted Chinese infrastructure investment.",
  credibility = "high", relevance = "low",
  evidence = { "Ukraine sits astride some of the trans-Eurasian transport links" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "N", ["h-rhetorical"] = "N",
              ["h-neutral"] = "C", ["h-distance"] = "C" } }

item { id = "e-motorsich",
  text = "China's attempt to buy Motor Sich was blocked after U.S. lobbying and is now in arbitration.",
  credibility = "high", relevance = "low",
  evidence = { "This deal was put on hold due to U.S. lobbying" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "N", ["h-rhetorical"] = "N",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }

item { id = "e-position-unchanged",
  text = "China's position has stayed the same since 2014: on the sidelines, urging diplomacy, neither endorsing nor condemning Russia.",
  credibility = "medium", relevance = "high",
  evidence = { "staying on the sidelines of the conflict, urging a diplomatic resolution" },
  ratings = { ["h-military"] = "II", ["h-shield"] = "I", ["h-rhetorical"] = "C",
              ["h-neutral"] = "CC", ["h-distance"] = "I" } }

item { id = "e-meddling-belief",
  text = "China sympathises with Russia and shares the belief that Western meddling in Ukraine caused the crisis.",
  credibility = "medium", relevance = "high",
  evidence = { "sympathy for Russia and a shared belief that Western" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "N", ["h-rhetorical"] = "CC",
              ["h-neutral"] = "C", ["h-distance"] = "II" } }

item { id = "e-core-norms",
  text = "China is aware that Russia's assertive approach challenges its core norms of sovereignty and territorial inviolability.",
  credibility = "medium", relevance = "high",
  evidence = { "an awareness that Russia" },
  ratings = { ["h-military"] = "II", ["h-shield"] = "I", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "C" } }

item { id = "e-statement-silent-on-ukraine",
  text = "The joint statement mentions neither Ukraine nor Crimea and commits neither side to any action.",
  credibility = "high", relevance = "high",
  evidence = { "neither Ukraine nor Crimea, whose annexation remains unrecognized by China, are mentioned at all",
               "however, neither side commits to any actions in response" },
  ratings = { ["h-military"] = "II", ["h-shield"] = "I", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }

item { id = "e-statement-nato-opposition",
  text = "The joint statement opposes further NATO expansion and urges NATO to abandon its Cold War approaches.",
  credibility = "high", relevance = "medium",
  evidence = { "a paragraph voicing opposition to further NATO expansion" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "N", ["h-rhetorical"] = "CC",
              ["h-neutral"] = "I", ["h-distance"] = "II" } }

item { id = "e-defense-cooperation",
  text = "The relationship includes defence cooperation and joint military drills.",
  credibility = "high", relevance = "low",
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills" },
  ratings = { ["h-military"] = "C", ["h-shield"] = "N", ["h-rhetorical"] = "N",
              ["h-neutral"] = "N", ["h-distance"] = "I" } }

item { id = "e-gas-deal",
  text = "A historic gas deal accompanied the joint statement.",
  credibility = "high", relevance = "medium",
  evidence = { "accompanied by a historic gas deal" },
  ratings = { ["h-military"] = "N", ["h-shield"] = "C", ["h-rhetorical"] = "N",
              ["h-neutral"] = "N", ["h-distance"] = "I" } }

item { id = "e-trenin-common-front",
  text = "Trenin, a leading Russian expert, reads the statement as a common front against U.S. pressure.",
  credibility = "low", relevance = "medium",
  evidence = { "takes Sino-Russian entente to the level of a common front" },
  ratings = { ["h-military"] = "C", ["h-shield"] = "C", ["h-rhetorical"] = "C",
              ["h-neutral"] = "I", ["h-distance"] = "II" } }

item { id = "e-russian-caution",
  text = "Other Russian experts warn against overestimating China's willingness to get engaged in Russia's conflicts.",
  credibility = "medium", relevance = "medium",
  evidence = { "warning against an overestimation of Chinese willingness to get engaged in Russia" },
  ratings = { ["h-military"] = "II", ["h-shield"] = "I", ["h-rhetorical"] = "C",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }

item { id = "e-muted-chinese-media",
  text = "Chinese media reacted to the statement in a muted way, stressing the gas deal and Russia as a resource supplier.",
  credibility = "medium", relevance = "medium",
  evidence = { "much more muted media reaction in China" },
  ratings = { ["h-military"] = "I", ["h-shield"] = "N", ["h-rhetorical"] = "N",
              ["h-neutral"] = "C", ["h-distance"] = "N" } }
