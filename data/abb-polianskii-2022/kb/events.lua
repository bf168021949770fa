-- Events the article refers to.
--
-- event { id, date, title, actors, cameo, goldstein, date_source, evidence, note }
--
-- The article gives almost no dates; `date` and `date_source` come from
-- ../shared/corpus/EVENTS.md (ISO 8601: "YYYY", "YYYY-MM" or "YYYY-MM-DD"),
-- while `evidence` is always the article's own wording. `cameo` is the CAMEO
-- 1.1b3 event code (Gerner, Schrodt et al.) of the interaction from the first
-- actor's side; `goldstein` is the Goldstein (1992) weight of that code as
-- GDELT's CAMEO.goldsteinscale.txt lists it. An event with no interaction
-- between actors (a domestic milestone) has no code. See data/README.md.

event { id = "ev-putin-visit-beijing", date = "2022-02-04",
  title = "Putin visits Beijing for the opening of the Winter Olympics",
  actors = { "putin", "russia", "china", "olympics-2022" },
  cameo = "042", goldstein = 1.9,                 -- Make a visit
  date_source = "https://china.usc.edu/russia-china-joint-statement-international-relations-february-4-2022",
  evidence = { "highly publicized visit to the Olympic Games in Beijing" } }

event { id = "ev-joint-statement", date = "2022-02-04",
  title = "Russia and China issue their joint statement on international relations in a new era",
  actors = { "russia", "china", "joint-statement" },
  cameo = "057", goldstein = 8.0,                 -- Sign formal agreement
  date_source = "https://china.usc.edu/russia-china-joint-statement-international-relations-february-4-2022",
  evidence = { "a joint Sino-Russian statement on" },
  note = "Opposes NATO enlargement and voices concern about AUKUS (EVENTS.md)." }

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
  actors = { "china", "russia", "unsc", "united-states", "ukraine" },
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
  actors = { "russia", "crimea", "ukraine" },
  cameo = "192", goldstein = -9.5,                -- Occupy territory
  date_source = "the article itself (\"in 2014\", \"the 2014 crisis\"); not in EVENTS.md",
  evidence = { "occupation of Crimea" } }

event { id = "ev-wang-yi-sovereignty", date = "2022-02-19",
  title = "Wang Yi calls for respect for every country's sovereignty: \"Ukraine is no exception\"",
  actors = { "wang-yi", "china", "ukraine" },
  cameo = "020", goldstein = 3.0,                 -- Make an appeal or request
  date_source = "https://www.fmprc.gov.cn/eng/zxxx_662805/202202/t20220220_10643724.html",
  evidence = { "called to respect and safeguard" },
  note = "Munich Security Conference, 2022-02-19: one day after the blog "
    .. "version of the article is dated (2022-02-18). Either the article was "
    .. "revised for the Spotlight edition or it quotes an earlier statement "
    .. "in the same words; EVENTS.md gives only the Munich date." }

event { id = "ev-summit-for-democracy", date = "2021-12-09",
  title = "The U.S. hosts the virtual Summit for Democracy",
  actors = { "united-states", "summit-for-democracy" },
  cameo = "040", goldstein = 1.0,                 -- Consult
  date_source = "https://www.state.gov/summit-for-democracy/",
  evidence = { "This critique is clearly triggered by the recent U.S.-sponsored" },
  note = "Held on 2021-12-09 and 2021-12-10; dated by its first day." }

event { id = "ev-ambassadors-article", date = "2021-11-26",
  title = "The Chinese and Russian ambassadors to the U.S. publish a joint article against the summit",
  actors = { "china", "russia", "united-states", "summit-for-democracy" },
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

event { id = "ev-us-lists-skyrizon", date = "2021-01-14",
  title = "The U.S. Commerce Department adds Skyrizon to its Military End-User list",
  actors = { "united-states", "skyrizon" },
  cameo = "163", goldstein = -8.0,                -- Impose embargo, boycott, or sanctions
  date_source = "https://ua.usembassy.gov/chinas-skyrizon-added-to-u-s-commerce-department-military-end-user-list/",
  evidence = { "This deal was put on hold due to U.S. lobbying" },
  note = "The article speaks of U.S. lobbying; the listing is its public, dated step." }

event { id = "ev-ukraine-sanctions-skyrizon", date = "2021-01-29",
  title = "Ukraine's president imposes sanctions on Skyrizon companies",
  actors = { "ukraine", "skyrizon" },
  cameo = "163", goldstein = -8.0,                -- Impose embargo, boycott, or sanctions
  date_source = "https://www.devdiscourse.com/article/business/1427223--ukraine-president-approves-sanctions-against-chinas-skyrizon",
  evidence = { "eventually canceled on grounds of national security" } }

event { id = "ev-motorsich-returned", date = "2021-03-11",
  title = "Ukraine's security council decides to return Motor Sich to state ownership",
  actors = { "ukraine", "motor-sich", "skyrizon" },
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
