-- Relations: signed, typed, weighted ties between actors as the article
-- describes them.
--
-- relation { id, from, to, type, sign, weight, horizon, evidence, note }
--
-- `from` acts on or stands towards `to`. sign: +1 cooperative or supportive,
-- -1 hostile, opposing or constraining, 0 neutral (abstention, arbitration
-- pending, a tie the article rules out). weight in [0, 1]: how strong and how central the tie is in the
-- article (0.8-1 a tie the argument turns on; 0.5 a stated tie; 0.2-0.3 a tie
-- mentioned in passing or in the past). Types: the closed list of the
-- codebook (sinorus.model's relation_type; the build refuses others):
--   partnership, rhetorical-support, diplomatic-coordination, military-backing,
--   pressure, containment, opposition, trade, investment, infrastructure,
--   defense-cooperation, defense-industry, acquisition, lobbying, sanctions, sanctions-exposure,
--   abstention, non-recognition, occupation, territorial-claim, rivalry,
--   energy, arbitration, criticism
-- See data/README.md.

-- China and Russia ----------------------------------------------------------

relation { id = "rel-russia-china-partnership", from = "russia", to = "china",
  type = "partnership", sign = 1, weight = 0.8, horizon = "both",
  evidence = { "Russia has turned to its" },
  note = "Russia calls China its \"strategic partner\" and turns to it for support." }

relation { id = "rel-china-russia-rhetorical", from = "china", to = "russia",
  type = "rhetorical-support", sign = 1, weight = 0.5, horizon = "short",
  evidence = { "is likely to be rhetorical and expressly limited to blaming Western actions" },
  note = "Expected support in the crisis: verbal, limited to blaming the West." }

relation { id = "rel-china-russia-unsc", from = "china", to = "russia",
  type = "diplomatic-coordination", sign = 1, weight = 0.5, horizon = "short",
  evidence = { "China joined Russia in opposing a U.S.-requested debate on Ukraine" } }

relation { id = "rel-china-russia-defense", from = "china", to = "russia",
  type = "defense-cooperation", sign = 1, weight = 0.6, horizon = "long",
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills" } }

relation { id = "rel-china-russia-energy", from = "china", to = "russia",
  type = "energy", sign = 1, weight = 0.5, horizon = "long",
  evidence = { "accompanied by a historic gas deal",
               "focused squarely on the simultaneous gas deal" },
  note = "China buys Russian gas; Chinese commentary sees Russia as a resource supplier." }

relation { id = "rel-russia-china-taiwan-support", from = "russia", to = "china",
  type = "rhetorical-support", sign = 1, weight = 0.3, horizon = "long",
  evidence = { "Its brief mention of Taiwan occurs in the generic context of the" },
  note = "The statement endorses the \"One China\" principle and opposes Taiwan independence." }

relation { id = "rel-china-russia-rivalry", from = "china", to = "russia",
  type = "rivalry", sign = -1, weight = 0.35, horizon = "long",
  evidence = { "from the growing power gap between both sides to",
               "increasing economic penetration of post-Soviet Central Asia" },
  note = "The known irritants: power gap and competition in Central Asia." }

relation { id = "rel-china-russia-no-military-backing", from = "china", to = "russia",
  type = "military-backing", sign = 0, weight = 0.2, horizon = "short",
  evidence = { "let alone backing in a potential military confrontation" },
  note = "Absent: coded with sign 0 so that the tie the article rules out is on record." }

-- China and Ukraine ---------------------------------------------------------

relation { id = "rel-china-ukraine-trade", from = "china", to = "ukraine",
  type = "trade", sign = 1, weight = 0.6, horizon = "both",
  evidence = { "China is one of Ukraine" },
  note = "About a sixth of Ukraine's imports and exports." }

relation { id = "rel-china-ukraine-investment", from = "china", to = "ukraine",
  type = "investment", sign = 1, weight = 0.45, horizon = "both",
  evidence = { "one of the biggest destinations for Chinese investments in Eastern Europe" },
  note = "Mostly in agribusiness and mostly before 2014." }

relation { id = "rel-ukraine-china-infrastructure", from = "ukraine", to = "china",
  type = "infrastructure", sign = 1, weight = 0.3, horizon = "long",
  evidence = { "Ukraine has actively courted related infrastructure investments" },
  note = "BRI transit; a few small projects in ports and energy." }

relation { id = "rel-ukraine-china-defense-industry", from = "ukraine", to = "china",
  type = "defense-industry", sign = 1, weight = 0.3, horizon = "both",
  evidence = { "provenance of China", "the highly sensitive defense industry" },
  note = "China's first aircraft carrier came from Ukraine (the Varyag)." }

relation { id = "rel-china-ukraine-sovereignty", from = "china", to = "ukraine",
  type = "rhetorical-support", sign = 1, weight = 0.3, horizon = "short",
  evidence = { "Ukraine is no exception." },
  note = "Wang Yi on the sovereignty and territorial integrity of every country." }

relation { id = "rel-skyrizon-motorsich", from = "skyrizon", to = "motor-sich",
  type = "acquisition", sign = 1, weight = 0.4, horizon = "short",
  evidence = { "the attempted acquisition of aircraft engine manufacturer MotorSich" },
  note = "Attempted; put on hold and eventually cancelled." }

relation { id = "rel-ukraine-skyrizon", from = "ukraine", to = "skyrizon",
  type = "sanctions", sign = -1, weight = 0.4, horizon = "short",
  evidence = { "eventually canceled on grounds of national security" } }

relation { id = "rel-skyrizon-ukraine-arbitration", from = "skyrizon", to = "ukraine",
  type = "arbitration", sign = 0, weight = 0.2, horizon = "short",
  evidence = { "with an international arbitration case now pending" },
  note = "Pending: the dispute is before a neutral forum and undecided, so the "
    .. "tie is neutral (sign 0), as the codebook's example says." }

-- The United States, the West and NATO ---------------------------------------

relation { id = "rel-us-skyrizon-lobbying", from = "united-states", to = "skyrizon",
  type = "lobbying", sign = -1, weight = 0.4, horizon = "short",
  evidence = { "This deal was put on hold due to U.S. lobbying" },
  note = "The lobbying was against Skyrizon's deal (its target), which it put "
    .. "on hold; whom the U.S. lobbied the article does not say." }

relation { id = "rel-nato-ukraine-backing", from = "nato", to = "ukraine",
  type = "military-backing", sign = 1, weight = 0.7, horizon = "short",
  evidence = { "Kiev has received increasingly robust NATO backing" } }

relation { id = "rel-us-russia-pressure", from = "united-states", to = "russia",
  type = "pressure", sign = -1, weight = 0.7, horizon = "both",
  evidence = { "a U.S.-Russian confrontation over Ukraine",
               "push back against U.S. pressure on Russia and China" } }

relation { id = "rel-us-china-containment", from = "united-states", to = "china",
  type = "containment", sign = -1, weight = 0.6, horizon = "long",
  evidence = { "a mutual threat perception as targets of U.S. containment" } }

relation { id = "rel-us-china-sanctions-exposure", from = "united-states", to = "china",
  type = "sanctions-exposure", sign = -1, weight = 0.6, horizon = "short",
  evidence = { "make it acutely vulnerable to secondary sanctions" },
  note = "Secondary sanctions threaten China's trade with the U.S. and EU." }

relation { id = "rel-china-us-trade", from = "china", to = "united-states",
  type = "trade", sign = 1, weight = 0.7, horizon = "both",
  evidence = { "greater trade links with the U.S. and EU" } }

relation { id = "rel-china-eu-trade", from = "china", to = "eu",
  type = "trade", sign = 1, weight = 0.6, horizon = "both",
  evidence = { "greater trade links with the U.S. and EU" } }

relation { id = "rel-russia-nato-opposition", from = "russia", to = "nato",
  type = "opposition", sign = -1, weight = 0.8, horizon = "both",
  evidence = { "a paragraph voicing opposition to further NATO expansion",
               "broader concerns over NATO expansion" } }

relation { id = "rel-china-aukus-opposition", from = "china", to = "aukus",
  type = "opposition", sign = -1, weight = 0.5, horizon = "long",
  evidence = { "paired with similar Chinese concerns over U.S.-led alliance schemes" } }

relation { id = "rel-china-west-blame", from = "china", to = "the-west",
  type = "criticism", sign = -1, weight = 0.5, horizon = "short",
  evidence = { "a shared belief that Western" },
  note = "Western \"meddling\" in Ukraine's politics is blamed for the crisis." }

relation { id = "rel-china-summit-criticism", from = "china", to = "summit-for-democracy",
  type = "criticism", sign = -1, weight = 0.4, horizon = "long",
  evidence = { "This critique is clearly triggered by the recent U.S.-sponsored" } }

relation { id = "rel-russia-summit-criticism", from = "russia", to = "summit-for-democracy",
  type = "criticism", sign = -1, weight = 0.4, horizon = "long",
  evidence = { "This critique is clearly triggered by the recent U.S.-sponsored" } }

-- Russia, Ukraine and Crimea; China and Taiwan --------------------------------

relation { id = "rel-russia-ukraine-standoff", from = "russia", to = "ukraine",
  type = "pressure", sign = -1, weight = 0.9, horizon = "short",
  evidence = { "As the military standoff over Ukraine continues" } }

relation { id = "rel-russia-crimea-occupation", from = "russia", to = "crimea",
  type = "occupation", sign = -1, weight = 0.5, horizon = "both",
  evidence = { "occupation of Crimea" } }

relation { id = "rel-china-crimea-nonrecognition", from = "china", to = "crimea",
  type = "non-recognition", sign = 0, weight = 0.3, horizon = "both",
  evidence = { "whose annexation remains unrecognized by China" },
  note = "China does not recognise Russia's annexation." }

relation { id = "rel-china-russia-abstention-2014", from = "china", to = "russia",
  type = "abstention", sign = 0, weight = 0.3, horizon = "short",
  evidence = { "when it abstained from UNSC votes" },
  note = "2014: China abstained instead of voting with Russia." }

relation { id = "rel-china-taiwan-claim", from = "china", to = "taiwan",
  type = "territorial-claim", sign = 0, weight = 0.2, horizon = "long",
  evidence = { "might even encourage China to pursue military reunification with Taiwan" },
  note = "Military reunification is raised by others and judged unlikely "
    .. "(claim-taiwan-spillover-unlikely): a tie the article rules out, kept "
    .. "with sign 0 and weight 0.2." }
