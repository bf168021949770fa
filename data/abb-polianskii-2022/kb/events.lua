-- Events the article refers to.
--
-- event { id, date, title, actors, cameo, goldstein, date_source, evidence, note }
--
-- The article gives almost no dates; `date` and `date_source` come from
-- ../shared/corpus/EVENTS.md (ISO 8601: "YYYY", "YYYY-MM" or "YYYY-MM-DD"),
-- while `evidence` is always the article's own wording. `cameo` is the CAMEO
-- 1.1b3 event code (Gerner, Schrodt et al.) of the act of the first actor
-- (the acting state or organisation; a person acting for it comes later)
-- towards the second (its target, or what the act concerns); `goldstein` is the Goldstein (1992) weight of that code as
-- GDELT's CAMEO.goldsteinscale.txt lists it. An event with no interaction
-- between actors (a domestic milestone) has no code. See data/README.md.

event { id = "ev-putin-visit-beijing", date = "2022-02-04",
  title = "Putin visits Beijing for the opening of the Winter Olympics",
  actors = { "russia", "china", "putin", "olympics-2022" },
  cameo = "042", goldstein = 1.9,                 -- Make a visit
  date_source = "https://china.usc.edu/russia-china-joint-statement-international-relations-february-4-2022",
  evidence = { "highly publicized visit to the Olympic Games in Beijing" } }

event { id = "ev-joint-statement", date = "2022-02-04",
  title = "Russia and China issue their joint statement on international relations in a new era",
  actors = { "russia", "china", "joint-statement" },
  cameo = "050", goldstein = 3.5,                 -- Engage in diplomatic cooperation
  date_source = "https://china.usc.edu/russia-china-joint-statement-international-relations-february-4-2022",
  evidence = { "a joint Sino-Russian statement on", "neither side commits to any actions in response" },
  note = "Opposes NATO enlargement and voices concern about AUKUS (EVENTS.md). "
    .. "The article reads it as committing neither side to any action (\"cannot "
    .. "be read as a blueprint for a formal alliance\"), so it is diplomatic "
    .. "cooperation (050), not a formal agreement (057, +8.0)." }

event { id = "ev-gas-deal", date = "2022-02-04",
  title = "Gazprom and CNPC sign a gas supply contract (10 bcm a year, Far Eastern route)",
  actors = { "russia", "china", "gas-deal-2022" },
  cameo = "061", goldstein = 6.4,                 -- Cooperate economically
  date_source = "https://tass.com/economy/1398047",
  evidence = { "accompanied by a historic gas deal" },
  note = "A commercial contract between state companies, coded as economic "
    .. "cooperation (061) rather than a formal agreement between states (057)." }

event { id = "ev-unsc-vote-2022", date = "2022-01-31",
  title = "China and Russia vote against holding the U.S.-requested Security Council meeting on Ukraine",
  actors = { "china", "united-states", "russia", "unsc", "ukraine" },
  cameo = "125", goldstein = -5.0,                -- Reject proposal to meet, discuss, or negotiate
  date_source = "https://www.newindianexpress.com/world/2022/feb/01/ukraine-russia-tensions-india-abstains-from-unsc-procedural-vote-to-discuss-issue-2413872.html",
  evidence = { "China joined Russia in opposing a U.S.-requested debate on Ukraine" },
  note = "Procedural vote: 10 for, Russia and China against, India, Gabon and Kenya abstaining." }

event { id = "ev-unsc-crimea-2014", date = "2014-03-15",
  title = "Russia vetoes the Security Council draft on the Crimea referendum; China abstains",
  actors = { "russia", "unsc", "china", "crimea", "ukraine" },
  cameo = "129", goldstein = -5.0,                -- Veto
  date_source = "http://www.voanews.com/a/russia-vetoes-un-crimea-resolution-china-abstains/1872040.html",
  evidence = { "when it abstained from UNSC votes" },
  note = "Coded from Russia's side (the veto); China's abstention has no CAMEO "
    .. "code. EVENTS.md also lists China's abstention on UNGA resolution "
    .. "68/262 (2014-03-27, secondary source only), which the article, "
    .. "speaking of UNSC votes, does not mention; not coded." }

event { id = "ev-crimea-occupation", date = "2014",
  title = "Russia occupies and annexes Crimea",
  actors = { "russia", "ukraine", "crimea" },
  cameo = "192", goldstein = -9.5,                -- Occupy territory
  date_source = "the article itself (\"in 2014\", \"the 2014 crisis\"); not in EVENTS.md",
  evidence = { "occupation of Crimea" } }

event { id = "ev-wang-yi-sovereignty", date = "2022-02-19",
  title = "Wang Yi calls for respect for every country's sovereignty: \"Ukraine is no exception\"",
  actors = { "china", "ukraine", "wang-yi" },
  cameo = "020", goldstein = 3.0,                 -- Make an appeal or request
  date_source = "https://www.fmprc.gov.cn/eng/zxxx_662805/202202/t20220220_10643724.html",
  evidence = { "called to respect and safeguard" },
  note = "Munich Security Conference, 2022-02-19 (EVENTS.md): the earliest "
    .. "date the edition's text can have, hence its published date "
    .. "(source.lua). No appeal's addressee is named; Ukraine, whose "
    .. "sovereignty it concerns, is the second actor." }

event { id = "ev-summit-for-democracy", date = "2021-12-09",
  title = "The U.S. hosts the virtual Summit for Democracy",
  actors = { "united-states", "summit-for-democracy" },
  cameo = "040", goldstein = 1.0,                 -- Consult
  date_source = "https://www.state.gov/summit-for-democracy/",
  evidence = { "This critique is clearly triggered by the recent U.S.-sponsored" },
  note = "Held on 2021-12-09 and 2021-12-10; dated by its first day." }

event { id = "ev-ambassadors-article", date = "2021-11-26",
  title = "The Chinese and Russian ambassadors to the U.S. publish a joint article against the summit",
  actors = { "china", "united-states", "russia", "summit-for-democracy" },
  cameo = "111", goldstein = -2.0,                -- Criticize or denounce
  date_source = "https://eir.news/2021/11/news/chinese-and-russian-ambassadors-denounce-biden-democracy-summit",
  evidence = { "an earlier joint response by Russian and Chinese ambassadors" },
  note = "In The National Interest; EVENTS.md checks it against a secondary source." }

event { id = "ev-aukus", date = "2021-09-15",
  title = "Australia, the UK and the U.S. announce the AUKUS security partnership",
  actors = { "united-states", "aukus" },
  cameo = "062", goldstein = 7.4,                 -- Cooperate militarily
  date_source = "https://gov.uk/government/news/uk-us-and-australia-launch-new-security-partnership",
  evidence = { "U.S.-led alliance schemes in the Indo-Pacific like AUKUS" } }

event { id = "ev-skyrizon-stake", date = "2017",
  title = "Skyrizon acquires a majority stake in Motor Sich",
  actors = { "skyrizon", "motor-sich", "china", "ukraine" },
  cameo = "061", goldstein = 6.4,                 -- Cooperate economically
  date_source = "https://ukranews.com/en/news/724402-ban-of-chinese-investors-access-to-motor-sich-may-cost-ukraine-3-5-billion",
  evidence = { "the attempted acquisition of aircraft engine manufacturer MotorSich" },
  note = "Sources give 2016 or 2017 (EVENTS.md: partly checked); the later year is used." }

event { id = "ev-ukraine-sanctions-skyrizon", date = "2021-01-29",
  title = "Ukraine's president imposes sanctions on Skyrizon companies",
  actors = { "ukraine", "skyrizon" },
  cameo = "163", goldstein = -8.0,                -- Impose embargo, boycott, or sanctions
  date_source = "https://www.devdiscourse.com/article/business/1427223--ukraine-president-approves-sanctions-against-chinas-skyrizon",
  evidence = { "eventually canceled on grounds of national security" } }

event { id = "ev-motorsich-returned", date = "2021-03-11",
  title = "Ukraine's security council decides to return Motor Sich to state ownership",
  actors = { "ukraine", "skyrizon", "motor-sich" },
  cameo = "1711", goldstein = -9.2,               -- Confiscate property
  date_source = "https://www.rferl.org/a/ukraine-motor-sich-nationalization-china-/31146649.html",
  evidence = { "eventually canceled on grounds of national security" } }

event { id = "ev-skyrizon-arbitration", date = "2021-11",
  title = "Skyrizon files a claim against Ukraine at the Permanent Court of Arbitration",
  actors = { "skyrizon", "ukraine" },
  cameo = "115", goldstein = -2.0,                -- Bring lawsuit against
  date_source = "https://en.thepage.ua/economy/motor-sich-case-skyrizon-plans-to-sue-ukraine-for-dollar45-billion",
  evidence = { "with an international arbitration case now pending" },
  note = "EVENTS.md confirms the month only." }

event { id = "ev-varyag-purchase", date = "1998",
  title = "China buys the unfinished carrier Varyag from Ukraine",
  actors = { "china", "ukraine" },
  cameo = "061", goldstein = 6.4,                 -- Cooperate economically
  date_source = "https://www.scmp.com/topics/liaoning-aircraft-carrier",
  evidence = { "first aircraft carrier is a well-known example" },
  note = "Sold as a hulk, nominally for civilian use; coded as a sale (061), "
    .. "not military cooperation (062)." }

event { id = "ev-liaoning-commissioned", date = "2012-09-25",
  title = "The former Varyag enters service as China's first aircraft carrier, Liaoning",
  actors = { "china" },
  cameo = nil, goldstein = nil,
  date_source = "http://wiki.china.org.cn/index.php?title=Aircraft_Carrier_Varyag",
  evidence = { "first aircraft carrier is a well-known example" },
  note = "A domestic milestone with no second actor: no CAMEO code." }

------------------------------------------------------------------------------
-- What followed the article: the rows of ../shared/corpus/HINDSIGHT.md as
-- event records dated after publication (spec/forecasts_data_spec.lua
-- checks them; the CAMEO codes they use are in ../hindsight_rules.lua).
--
-- event { id, date, title, actors, cameo, goldstein, date_source,
--         source_url, checked, after_publication, votes, tally, covers, note }
--
-- Rules (data/README.md section 6, applied to events the article does not
-- refer to):
-- * One record per row of HINDSIGHT.md, dated as the row is (ISO 8601, as
--   precise as the row: "2024-02", "2024"). `source_url` is the row's URL
--   byte for byte; `date_source` names the row (these records rest on their
--   sources, never on article sentences, so they have no `evidence`);
--   `checked` copies the row's last column ("yes" or "partly").
-- * Facts come only from the row (its text and, where a row says no more,
--   the words of its URL, which is marked where used). Each record quotes its
--   row in a comment above it.
-- * `cameo` codes the act named by the row's main verb, seen from the actor
--   performing it (the Assembly adopts, Russia vetoes, China publishes).
--   As for the article's events, `actors` lists that actor first (a state or
--   organisation; the person acting for it comes later) and the act's
--   target second (a U.S. statement that China supplies Russia codes
--   China -> Russia, with the U.S. after them).
--   Third parties' votes are not CAMEO events (as for China's 2014 abstention
--   above); they are kept in `votes` (entity id -> "for",
--   "against" or "abstain", only as the row states them) with the row's
--   `tally`.
-- * A row that reports a figure of an ongoing relationship (annual trade, the
--   share of payments in national currencies, the share of imports) is coded
--   as the interaction the figure measures (061 cooperate economically), dated
--   by its publication as the row is; `covers` names the period the figure is
--   about.
-- * A row that reports that something did not happen (no contract signed)
--   has no CAMEO code: CAMEO codes acts.
-- * `goldstein` is the weight GDELT's CAMEO.goldsteinscale.txt gives the code;
--   every code used is listed once below with its CAMEO 1.1b3 name.
------------------------------------------------------------------------------
-- 2022
------------------------------------------------------------------------------

-- | 2022-02-24 | Russia begins its full-scale invasion of Ukraine ("special military operation") | https://www.info-res.org/eyes-on-russia/ukraine-'special-military-operation'-announced | yes |
event { id = "hs-invasion", date = "2022-02-24",
  title = "Russia begins its full-scale invasion of Ukraine",
  actors = { "russia", "ukraine" },
  cameo = "190", goldstein = -10.0,
  date_source = "HINDSIGHT.md, row 2022-02-24",
  source_url = "https://www.info-res.org/eyes-on-russia/ukraine-'special-military-operation'-announced",
  checked = "yes", after_publication = true,
  note = "Russia called it a \"special military operation\". An invasion is "
    .. "the use of conventional force (190) rather than the narrower 192 "
    .. "(occupy territory) used for Crimea in 2014." }

-- | 2022-02-25 | UN Security Council draft S/2022/155 on the aggression fails on Russia's veto: 11 for, Russia against; China, India and the UAE abstain | https://www.securitycouncilreport.org/un-documents/document/s-2022-155.php | yes |
event { id = "hs-unsc-veto", date = "2022-02-25",
  title = "Russia vetoes Security Council draft S/2022/155 on its aggression; China abstains",
  actors = { "russia", "unsc", "china", "ukraine" },
  cameo = "129", goldstein = -5.0,
  date_source = "HINDSIGHT.md, row 2022-02-25",
  source_url = "https://www.securitycouncilreport.org/un-documents/document/s-2022-155.php",
  checked = "yes", after_publication = true,
  votes = { russia = "against", china = "abstain" }, tally = "11-1-3",
  note = "Coded from Russia's side (the veto), as the 2014 Crimea draft is in "
    .. "data/kb/events.lua. India and the UAE also abstained (no records of "
    .. "their own)." }

-- | 2022-02-27 | Security Council resolution 2623 (2022) calls an emergency special session of the General Assembly: 11–1 (Russia)–3 (China, India, UAE abstain) | https://press.un.org/en/2022/sc14809.doc.htm | yes |
event { id = "hs-unsc-2623", date = "2022-02-27",
  title = "Security Council resolution 2623 calls an emergency special session of the General Assembly; China abstains",
  actors = { "unsc", "unga", "russia", "china" },
  cameo = "020", goldstein = 3.0,
  date_source = "HINDSIGHT.md, row 2022-02-27",
  source_url = "https://press.un.org/en/2022/sc14809.doc.htm",
  checked = "yes", after_publication = true,
  votes = { russia = "against", china = "abstain" }, tally = "11-1-3",
  note = "The Council's act is a call on the Assembly to convene (an appeal or "
    .. "request, 020). Russia voted against, yet the resolution was adopted; "
    .. "India and the UAE also abstained." }

-- | 2022-03-02 | General Assembly resolution ES-11/1 "Aggression against Ukraine", 141–5–35; China abstains | https://unric.org/en/general-assembly-deplores-russias-attack-on-ukraine/ | yes |
event { id = "hs-unga-es11-1", date = "2022-03-02",
  title = "General Assembly resolution ES-11/1 \"Aggression against Ukraine\"; China abstains",
  actors = { "unga", "russia", "ukraine", "china" },
  cameo = "111", goldstein = -2.0,
  date_source = "HINDSIGHT.md, row 2022-03-02",
  source_url = "https://unric.org/en/general-assembly-deplores-russias-attack-on-ukraine/",
  checked = "yes", after_publication = true,
  votes = { china = "abstain" }, tally = "141-5-35",
  note = "\"Deplores\" is the word of the row's URL; deploring is criticism "
    .. "(111)." }

-- | 2022-03-24 | ES-11/2 (humanitarian consequences of the aggression), 140–5–38; China abstains | https://nationalpost.com/pmn/news-pmn/u-n-general-assembly-adopts-ukraine-aid-resolution-criticizes-russia | yes |
event { id = "hs-unga-es11-2", date = "2022-03-24",
  title = "General Assembly resolution ES-11/2 on the humanitarian consequences of the aggression; China abstains",
  actors = { "unga", "russia", "ukraine", "china" },
  cameo = "111", goldstein = -2.0,
  date_source = "HINDSIGHT.md, row 2022-03-24",
  source_url = "https://nationalpost.com/pmn/news-pmn/u-n-general-assembly-adopts-ukraine-aid-resolution-criticizes-russia",
  checked = "yes", after_publication = true,
  votes = { china = "abstain" }, tally = "140-5-38",
  note = "The row's URL says the resolution \"criticizes Russia\" (111)." }

-- | 2022-04-07 | ES-11/3 suspends Russia from the Human Rights Council, 93–24–58; China votes against | https://www.scmp.com/news/china/diplomacy/article/3173493/ukraine-war-un-general-assembly-suspends-russia-top-human | yes |
event { id = "hs-unga-es11-3", date = "2022-04-07",
  title = "General Assembly resolution ES-11/3 suspends Russia from the Human Rights Council; China votes against",
  actors = { "unga", "russia", "china" },
  cameo = "160", goldstein = -4.0,
  date_source = "HINDSIGHT.md, row 2022-04-07",
  source_url = "https://www.scmp.com/news/china/diplomacy/article/3173493/ukraine-war-un-general-assembly-suspends-russia-top-human",
  checked = "yes", after_publication = true,
  votes = { china = "against" }, tally = "93-24-58",
  note = "Suspension from a UN body reduces relations (160); it is neither a "
    .. "sanction on trade (163) nor an expulsion of personnel (166). China's "
    .. "vote against is the only vote against a measure on the war that the "
    .. "rows record for it." }

-- | 2022-05-24 | Two Chinese H-6 and two Russian Tu-95 bombers fly a joint patrol around Japan while Tokyo hosts the Quad leaders' summit | https://www.japantimes.co.jp/news/2022/05/24/national/china-russia-bombers-japan/ | yes |
event { id = "hs-joint-bomber-patrol", date = "2022-05-24",
  title = "Chinese and Russian bombers fly a joint patrol around Japan during the Quad leaders' summit in Tokyo",
  actors = { "china", "russia", "japan", "quad" },
  cameo = "062", goldstein = 7.4,
  date_source = "HINDSIGHT.md, row 2022-05-24",
  source_url = "https://www.japantimes.co.jp/news/2022/05/24/national/china-russia-bombers-japan/",
  checked = "yes", after_publication = true,
  note = "Coded as the China-Russia interaction (a joint patrol: 062). Seen "
    .. "from Japan's side it is also a show of force (150, -7.2), which this "
    .. "record does not code." }

-- | 2022-06-28 | US Commerce adds 36 entities to the Entity List; five companies in China (Hong Kong-linked) for supporting Russia's military (Reuters' count; Commerce names six entities "specifically" across six countries) | https://bis.gov/node/7120 | partly |
event { id = "hs-entity-list-2022", date = "2022-06-28",
  title = "The U.S. Commerce Department adds companies in China to its Entity List for supporting Russia's military",
  actors = { "united-states", "china", "russia" },
  cameo = "163", goldstein = -8.0,
  date_source = "HINDSIGHT.md, row 2022-06-28",
  source_url = "https://bis.gov/node/7120",
  checked = "partly", after_publication = true,
  note = "36 entities in all; five companies in China (Hong Kong-linked) by "
    .. "Reuters' count, while Commerce names six entities \"specifically\" "
    .. "across six countries: the count depends on the source. Coded like the "
    .. "Skyrizon listing in data/kb/events.lua (163)." }

-- | 2022-09-15 | Xi and Putin meet at the SCO summit in Samarkand; Putin: "We understand your questions and your concerns" about Ukraine | https://www.unionleader.com/news/military/putin-acknowledges-chinas-concerns-over-ukraine-in-sign-of-friction/article_bfb3913c-a7d0-5038-9ca6-89565d0d220a.html | yes |
event { id = "hs-samarkand", date = "2022-09-15",
  title = "Xi and Putin meet at the SCO summit in Samarkand; Putin acknowledges China's questions and concerns about Ukraine",
  actors = { "russia", "china", "putin", "xi-jinping", "sco" },
  cameo = "044", goldstein = 2.5,
  date_source = "HINDSIGHT.md, row 2022-09-15",
  source_url = "https://www.unionleader.com/news/military/putin-acknowledges-chinas-concerns-over-ukraine-in-sign-of-friction/article_bfb3913c-a7d0-5038-9ca6-89565d0d220a.html",
  checked = "yes", after_publication = true,
  note = "A meeting at a summit in a third country (044). Putin's words: \"We "
    .. "understand your questions and your concerns\"; the row's URL reads "
    .. "them as a \"sign of friction\"." }

-- | 2022-10-12 | ES-11/4 (territorial integrity; rejects the annexation "referendums"), 143–5–35; China abstains | https://en.interfax.com.ua/news/general/865264.html | yes |
event { id = "hs-unga-es11-4", date = "2022-10-12",
  title = "General Assembly resolution ES-11/4 on Ukraine's territorial integrity rejects the annexation \"referendums\"; China abstains",
  actors = { "unga", "russia", "ukraine", "china" },
  cameo = "120", goldstein = -4.0,
  date_source = "HINDSIGHT.md, row 2022-10-12",
  source_url = "https://en.interfax.com.ua/news/general/865264.html",
  checked = "yes", after_publication = true,
  votes = { china = "abstain" }, tally = "143-5-35",
  note = "The row's verb is \"rejects\" (120, reject, not specified below)." }

------------------------------------------------------------------------------
-- 2023
------------------------------------------------------------------------------

-- | 2023-01-13 | Chinese customs: China–Russia trade in 2022 US$190.27 bn, up 29.3% | https://www3.nhk.or.jp/nhkworld/en/news/20230113_36/ | yes |
event { id = "hs-trade-2022", date = "2023-01-13",
  title = "Chinese customs: China-Russia trade in 2022 was US$190.27 bn, up 29.3%",
  actors = { "china", "russia" },
  cameo = "061", goldstein = 6.4,
  date_source = "HINDSIGHT.md, row 2023-01-13",
  source_url = "https://www3.nhk.or.jp/nhkworld/en/news/20230113_36/",
  checked = "yes", after_publication = true, covers = "2022",
  note = "A figure of an ongoing relationship: coded as the trade it "
    .. "measures (061)." }

-- | 2023-02-23 | ES-11/6 (principles of a just and lasting peace), 141–7–32; China abstains | https://en.interfax.com.ua/news/general/893606.html | yes |
event { id = "hs-unga-es11-6", date = "2023-02-23",
  title = "General Assembly resolution ES-11/6 on the principles of a just and lasting peace in Ukraine; China abstains",
  actors = { "unga", "russia", "ukraine", "china" },
  cameo = "027", goldstein = 4.0,
  date_source = "HINDSIGHT.md, row 2023-02-23",
  source_url = "https://en.interfax.com.ua/news/general/893606.html",
  checked = "yes", after_publication = true,
  votes = { china = "abstain" }, tally = "141-7-32",
  note = "The row names only the subject (principles of a just and lasting "
    .. "peace): coded as an appeal to settle the dispute (027)." }

-- | 2023-02-24 | China's foreign ministry publishes "China's Position on the Political Settlement of the Ukraine Crisis": 12 points, among them respecting the sovereignty of all countries, ceasing hostilities, resuming peace talks, stopping unilateral sanctions | https://www.globaltimes.cn/page/202302/1286153.shtml | yes |
event { id = "hs-china-position-paper", date = "2023-02-24",
  title = "China publishes its 12-point position on the political settlement of the Ukraine crisis",
  actors = { "china", "russia", "ukraine" },
  cameo = "027", goldstein = 4.0,
  date_source = "HINDSIGHT.md, row 2023-02-24",
  source_url = "https://www.globaltimes.cn/page/202302/1286153.shtml",
  checked = "yes", after_publication = true,
  note = "Among the 12 points: respect for the sovereignty of all countries, "
    .. "a ceasefire, resumed peace talks, an end to unilateral sanctions. "
    .. "Coded as an appeal to settle the dispute (027); the paper names no "
    .. "side as the aggressor in the row." }

-- | 2023-03-21 | Xi's state visit to Moscow (20–22 March): joint statement on deepening the comprehensive strategic partnership for the new era, and one on economic cooperation to 2030 | http://en.people.cn/n3/2023/0320/c90000-10224952.html | yes |
event { id = "hs-xi-moscow", date = "2023-03-21",
  title = "Xi's state visit to Moscow: joint statements on deepening the partnership and on economic cooperation to 2030",
  actors = { "china", "russia", "xi-jinping", "putin" },
  cameo = "042", goldstein = 1.9,
  date_source = "HINDSIGHT.md, row 2023-03-21",
  source_url = "http://en.people.cn/n3/2023/0320/c90000-10224952.html",
  checked = "yes", after_publication = true,
  note = "The visit ran 20-22 March; the row dates it 2023-03-21. Coded as the "
    .. "visit (042), as Putin's 2022 visit to Beijing is; the two joint "
    .. "statements would be separate records (the 2022 statement's code, 057, "
    .. "is questioned in issue 15 because it commits neither side to action, "
    .. "and the row gives only the statements' titles)." }

-- | 2023-04-26 | First phone call between Xi Jinping and Volodymyr Zelensky since the invasion | https://www.bbc.co.uk/news/world-europe-65396613 | yes |
event { id = "hs-xi-zelensky-call", date = "2023-04-26",
  title = "Xi Jinping and Volodymyr Zelensky hold their first phone call since the invasion",
  actors = { "china", "ukraine", "xi-jinping", "zelensky" },
  cameo = "041", goldstein = 1.0,
  date_source = "HINDSIGHT.md, row 2023-04-26",
  source_url = "https://www.bbc.co.uk/news/world-europe-65396613",
  checked = "yes", after_publication = true }

-- | 2023-05-15 | China's special representative Li Hui starts a tour of Ukraine, Poland, France, Germany, Brussels and Moscow (to 2023-05-26; meets Zelensky in Kyiv) | https://en.interfax.com.ua/news/general/909605.html | yes |
event { id = "hs-li-hui-tour", date = "2023-05-15",
  title = "China's special representative Li Hui begins a tour of Ukraine, Poland, France, Germany, Brussels and Moscow",
  actors = { "china", "ukraine", "li-hui", "zelensky", "russia" },
  cameo = "042", goldstein = 1.9,
  date_source = "HINDSIGHT.md, row 2023-05-15",
  source_url = "https://en.interfax.com.ua/news/general/909605.html",
  checked = "yes", after_publication = true,
  note = "The tour ran to 2023-05-26; Li Hui met Zelensky in Kyiv. Coded as a "
    .. "visit (042) from its first stop, Ukraine." }

-- | 2023-06-23 | EU's 11th sanctions package: three Hong Kong-registered firms listed; five mainland firms of the draft dropped after Beijing pressed Brussels | https://ciba-cy.org/sanctions-against-russia-11th-package-of-sanctions-announced-by-the-european-commission/ | partly |
event { id = "hs-eu-11th-package", date = "2023-06-23",
  title = "The EU's 11th sanctions package lists three Hong Kong-registered firms; five mainland firms are dropped after Beijing presses Brussels",
  actors = { "eu", "china", "russia" },
  cameo = "163", goldstein = -8.0,
  date_source = "HINDSIGHT.md, row 2023-06-23",
  source_url = "https://ciba-cy.org/sanctions-against-russia-11th-package-of-sanctions-announced-by-the-european-commission/",
  checked = "partly", after_publication = true,
  note = "Coded as the EU's listing (163). China's pressure on Brussels to "
    .. "drop the mainland firms is a second interaction the row reports "
    .. "without a date of its own; not coded." }

-- | 2023-12-22 | US Executive Order 14114: sanctions on foreign financial institutions that facilitate significant transactions for Russia's military-industrial base | https://www.federalregister.gov/documents/full_text/text/2023/12/26/2023-28662.txt | yes |
event { id = "hs-eo-14114", date = "2023-12-22",
  title = "U.S. Executive Order 14114 exposes foreign financial institutions that serve Russia's military-industrial base to sanctions",
  actors = { "united-states", "russia" },
  cameo = "163", goldstein = -8.0,
  date_source = "HINDSIGHT.md, row 2023-12-22",
  source_url = "https://www.federalregister.gov/documents/full_text/text/2023/12/26/2023-28662.txt",
  checked = "yes", after_publication = true,
  note = "The order targets foreign banks in general; the row names no "
    .. "Chinese bank, so China is not an actor here." }

------------------------------------------------------------------------------
-- 2024
------------------------------------------------------------------------------

-- | 2024-01-12 | Chinese customs: China–Russia trade in 2023 US$240.1 bn, up 26.3% | https://www.themoscowtimes.com/2024/01/12/russia-china-trade-hits-record-240bln-in-2023-a83703 | yes |
event { id = "hs-trade-2023", date = "2024-01-12",
  title = "Chinese customs: China-Russia trade in 2023 was US$240.1 bn, up 26.3%",
  actors = { "china", "russia" },
  cameo = "061", goldstein = 6.4,
  date_source = "HINDSIGHT.md, row 2024-01-12",
  source_url = "https://www.themoscowtimes.com/2024/01/12/russia-china-trade-hits-record-240bln-in-2023-a83703",
  checked = "yes", after_publication = true, covers = "2023",
  note = "A figure of an ongoing relationship: coded as the trade it "
    .. "measures (061). The row's URL calls it a record." }

-- | 2024-02 | Chinese banks restrict or return Russian payments for fear of secondary sanctions (reported from Russian outlets, passed on by Reuters and Bloomberg; Chouzhou Commercial Bank halts settlements) | https://www.devdiscourse.com/article/technology/2801406-chinas-chouzhou-commercial-bank-halts-settlements-with-russia---vedomosti | yes |
event { id = "hs-banks-restrict", date = "2024-02",
  title = "Chinese banks restrict or return Russian payments for fear of secondary sanctions; Chouzhou Commercial Bank halts settlements",
  actors = { "chouzhou-commercial-bank", "russia", "china" },
  cameo = "160", goldstein = -4.0,
  date_source = "HINDSIGHT.md, row 2024-02",
  source_url = "https://www.devdiscourse.com/article/technology/2801406-chinas-chouzhou-commercial-bank-halts-settlements-with-russia---vedomosti",
  checked = "yes", after_publication = true,
  note = "Reported from Russian outlets and passed on by Reuters and "
    .. "Bloomberg. Halting settlements reduces relations (160); it is not a "
    .. "sanction the banks impose (163) nor a cut in aid (162)." }

-- | 2024-05-16 | Putin's state visit to Beijing: joint statement on deepening the comprehensive strategic partnership of coordination for the new era (75 years of relations) | https://tass.com/politics/1788875 | yes |
event { id = "hs-putin-beijing-2024", date = "2024-05-16",
  title = "Putin's state visit to Beijing: joint statement on deepening the comprehensive strategic partnership of coordination for the new era",
  actors = { "russia", "china", "putin", "xi-jinping" },
  cameo = "042", goldstein = 1.9,
  date_source = "HINDSIGHT.md, row 2024-05-16 (state visit)",
  source_url = "https://tass.com/politics/1788875",
  checked = "yes", after_publication = true,
  note = "75 years of relations. Coded as the visit (042), like Xi's 2023 "
    .. "visit; the row describes the relationship as a partnership." }

-- | 2024-05-16 | Putin: 90% of Russia–China payments are made in rubles and yuan (earlier official figures: >70% April 2023, >80% July 2023, 95% November 2023) | https://www.devdiscourse.com/article/law-order/2940330-putin-90-of-russia-china-settlements-are-in-yuan-and-rouble | partly |
event { id = "hs-national-currencies", date = "2024-05-16",
  title = "Putin: 90% of Russia-China payments are made in rubles and yuan",
  actors = { "russia", "china", "putin" },
  cameo = "061", goldstein = 6.4,
  date_source = "HINDSIGHT.md, row 2024-05-16 (payments)",
  source_url = "https://www.devdiscourse.com/article/law-order/2940330-putin-90-of-russia-china-settlements-are-in-yuan-and-rouble",
  checked = "partly", after_publication = true, covers = "2024",
  note = "Earlier official figures: more than 70% (April 2023), more than 80% "
    .. "(July 2023), 95% (November 2023); the figure depends on the source, "
    .. "but every one is above half. Coded as the economic cooperation it "
    .. "measures (061)." }

-- | 2024-05-22 | US Secretary of State: "We have not seen China provide real weapons to Russia"; China supplies about 70% of Russia's machine-tool imports and about 90% of its microelectronics | https://unn.ua/en/news/blinken-the-us-will-continue-to-persuade-china-to-abandon-its-support-for-russia-in-the-war-in-ukraine | yes |
event { id = "hs-us-no-real-weapons", date = "2024-05-22",
  title = "U.S. Secretary of State: China has not been seen to provide real weapons to Russia, but supplies about 70% of its machine-tool imports and 90% of its microelectronics",
  actors = { "china", "russia", "united-states" },
  cameo = "061", goldstein = 6.4,
  date_source = "HINDSIGHT.md, row 2024-05-22",
  source_url = "https://unn.ua/en/news/blinken-the-us-will-continue-to-persuade-china-to-abandon-its-support-for-russia-in-the-war-in-ukraine",
  checked = "yes", after_publication = true, covers = "2022-02/2024-05",
  note = "A U.S. statement that reports figures of China's trade with Russia: "
    .. "coded as the China-Russia cooperation it measures (061), not as the "
    .. "U.S. speech act. Its first half (\"We have not seen China provide "
    .. "real weapons to Russia\") is the corpus's only source on the absence "
    .. "of Chinese arms supplies; it speaks of the whole war to its date." }

-- | 2024-07-10 | NATO's Washington Summit Declaration: the PRC "has become a decisive enabler of Russia's war against Ukraine" | https://www.pravda.com.ua/eng/news/2024/07/11/7465103/ | yes |
event { id = "hs-nato-decisive-enabler", date = "2024-07-10",
  title = "NATO's Washington Summit Declaration calls the PRC a \"decisive enabler of Russia's war against Ukraine\"",
  actors = { "nato", "china", "russia", "ukraine" },
  cameo = "112", goldstein = -2.0,
  date_source = "HINDSIGHT.md, row 2024-07-10",
  source_url = "https://www.pravda.com.ua/eng/news/2024/07/11/7465103/",
  checked = "yes", after_publication = true,
  note = "Naming China an enabler of a war is an accusation (112)." }

-- | 2024 | No Power of Siberia 2 contract signed during or after Putin's May 2024 visit; price demands the sticking point (a "legally binding memorandum" was reported in September 2025, price still open) | https://jacksnewswatch.ca/archives/80231 | yes |
event { id = "hs-pos2-unsigned", date = "2024",
  title = "No Power of Siberia 2 gas contract is signed during or after Putin's May 2024 visit; price demands are the sticking point",
  actors = { "russia", "china" },
  cameo = nil, goldstein = nil,
  date_source = "HINDSIGHT.md, row 2024",
  source_url = "https://jacksnewswatch.ca/archives/80231",
  checked = "yes", after_publication = true,
  note = "Something that did not happen: no CAMEO code. The row also reports "
    .. "a \"legally binding memorandum\" in September 2025 with the price "
    .. "still open; that lies outside the 2022-2024 window and is not used." }
