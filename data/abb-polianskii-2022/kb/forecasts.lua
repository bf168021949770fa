-- Forecasts: the article's forward-looking judgments as propositions that
-- resolve yes or no (record type `forecast`, sinorus.model; loaded by the
-- build; spec/forecasts_data_spec.lua checks them against the rules of
-- ../hindsight_rules.lua; doc/forecasts.md explains the rules).
--
-- forecast { id, claim, proposition, criteria, components, uses, kind,
--            opens, resolves_by, polarity, claim_text, p_low, p_high,
--            scale, evidence, note }
--
-- The rules they follow (the publication date, the horizon rules, the
-- shared definitions that `uses` names, the claims that are not
-- forward-looking) are in ../hindsight_rules.lua. Every claim of
-- claims.lua has a forecast here or a not_forecast there. A forward-looking
-- claim that no proposition can resolve has a forecast with only its id
-- and claim, resolved "unresolvable" (resolutions.lua gives the reason).
--
-- Fields of a forecast:
-- * `proposition` is true or false of the world by `resolves_by`; `criteria`
--   says what counts, what does not and which kind of source settles it.
--   Criteria follow the article's words, not the outcome: they were written
--   after the fact (the only way to write them now), so each test is taken
--   from the claim's sentence and the shared definitions below.
-- * `components` (optional): a judgment that asserts several things at once,
--   or a matter of degree, is split into parts that resolve on their own;
--   the outcome then follows the "partly" rule of resolutions.lua. A discrete
--   scenario (an attack together with shielding) is one proposition whose
--   conditions must all hold, never components.
-- * `kind`: "occurs" (something happens by the deadline: yes can come early,
--   no only at the deadline) or "holds" (something stays true until the
--   deadline: no can come early, yes only at the deadline).
-- * `opens` is the publication date; `resolves_by` comes from the horizon
--   rule of the claim's horizon.
-- * Probability: P(proposition as worded). `polarity = "event"`: the
--   proposition is the event the claim's estimative term grades, so p_low and
--   p_high are sinorus.estimate(estimative, scale) of the claim (or its
--   explicit band); `polarity = "complement"`: the proposition is that
--   event's negation, so p_low = 1 - p_high and p_high = 1 - p_low. Every
--   forecast below uses "event": then a calibration table by estimative band
--   reads the way the band is named ("very unlikely" events happened k of n
--   times). A claim stated flatly has no band (data/README.md section 3): its
--   forecast has no p, is resolved, and is left out of the scores.
-- * `claim_text`: "asserts" when the claim's text (our paraphrase of the
--   authors' judgment) says the proposition is true, "denies" when it says
--   it is false. The five rejected scenarios are "denies": their band is the
--   probability of the scenario (issue 15's polarity point), so P(proposition)
--   is low and the authors' expectation is "no".
-- * `evidence`: verbatim phrases of the article sentences the forecast rests
--   on, resolved as the other data files' phrases are (data/README.md section 1).

------------------------------------------------------------------------------
-- Short term: the crisis over Ukraine (resolve by 2023-02-19)
------------------------------------------------------------------------------

forecast { id = "fc-cooperation-limited", claim = "claim-diverging-interests-limit-short-term",
  proposition = "Until 2023-02-19, China does not weigh in on Russia's side "
    .. "over Ukraine: it gives Russia no military support, does not vote with "
    .. "Russia in most of the UN votes on the war, and does not shield it from "
    .. "Western sanctions.",
  components = {
    { id = "a", text = "China gives Russia no military support up to 2023-02-19 (def-military-support)." },
    { id = "b", text = "China votes with Russia in fewer than half of the UN votes on the war held up to 2023-02-19 (def-un-votes)." },
    { id = "c", text = "China does not shield Russia from Western sanctions up to 2023-02-19 (def-shielding)." },
  },
  criteria = "\"Such cooperation\" is the lede's speculation that Beijing "
    .. "could weigh in on Moscow's side; the components are its military, "
    .. "diplomatic and economic forms, each resolved on its own by the shared "
    .. "tests. \"Limit\" names no threshold, so each form is read at the "
    .. "level the article itself sets: no arms, no shielding, and in the UN "
    .. "not siding with Russia in most votes (the article judged cooperation "
    .. "limited after China had joined Russia in one Security Council vote). "
    .. "Sources: HINDSIGHT.md rows (official statements, UN records, customs "
    .. "figures).",
  uses = { "def-military-support", "def-un-votes", "def-shielding" },
  kind = "holds", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = nil, claim_text = "asserts", p_low = nil, p_high = nil, scale = nil,
  evidence = { "diverging interests on Ukraine limit such cooperation in the short term",
               "Beijing could weigh in on Moscow’s side" },
  note = "Stated flatly: no band, not scored." }

forecast { id = "fc-support-rhetorical", claim = "claim-support-rhetorical",
  proposition = "Until 2023-02-19, the support China gives Russia over "
    .. "Ukraine stays rhetorical: no military support, no shielding from "
    .. "Western sanctions and no endorsement of the war.",
  components = {
    { id = "a", text = "China gives Russia no military support up to 2023-02-19 (def-military-support)." },
    { id = "b", text = "China does not shield Russia from Western sanctions up to 2023-02-19 (def-shielding)." },
    { id = "c", text = "China does not endorse Russia's war up to 2023-02-19 (def-endorsement)." },
  },
  criteria = "Rhetorical support is support by words and votes; the "
    .. "components are the three things it excludes: material support, by "
    .. "arms (a) or by economic shielding (b), and endorsement, which the "
    .. "article sets against rhetoric (\"rather than endorsing Moscow\", c). "
    .. "The article's further detail, that the rhetoric would be limited to "
    .. "blaming Western actions, describes what China would say; the rows "
    .. "record China's votes and documents but no Chinese statement before "
    .. "2023-02-19 (the position paper comes on 2023-02-24), so it is not a "
    .. "component.",
  uses = { "def-military-support", "def-shielding", "def-endorsement" },
  kind = "holds", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = "event", claim_text = "asserts", p_low = 0.55, p_high = 0.80, scale = "icd203",
  evidence = { "is likely to be rhetorical and expressly limited to blaming Western actions",
               "Any Chinese support that Russia can expect in the current crisis" } }

forecast { id = "fc-joint-action-cases", claim = "claim-joint-action-far-less-likely",
  proposition = "By 2023-02-19, China and Russia take joint action over "
    .. "Ukraine.",
  criteria = "Joint action as def-joint-action defines it. Yes: a source "
    .. "reports any of its forms dated up to 2023-02-19. No: the sources show "
    .. "China short of each form through 2023-02-19 (no military support; "
    .. "abstentions, not joint declarations). The article's comparison (far "
    .. "less likely than coordination inside NATO) is not part of the "
    .. "proposition, which is the event the hedge grades. "
    .. "fc-no-joint-action-ukraine grades the same event with another hedge: "
    .. "the two forecasts are not independent.",
  uses = { "def-joint-action", "def-military-support" },
  kind = "occurs", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = nil, claim_text = "denies", p_low = nil, p_high = nil, scale = nil,
  evidence = { "joint action is far less likely",
               "for the much looser Sino-Russian relationship" },
  note = "\"far less likely\" is a comparative with no anchored reference: "
    .. "the claim has no band (data/README.md section 3), so the forecast is "
    .. "resolved and not scored." }

forecast { id = "fc-no-joint-action-ukraine", claim = "claim-no-joint-action-ukraine",
  proposition = "By 2023-02-19, closer Sino-Russian alignment results in "
    .. "joint action over Ukraine.",
  criteria = "Joint action as def-joint-action defines it; yes and no as for "
    .. "fc-joint-action-cases, of which this is the later, less confident "
    .. "statement (\"unlikely\" rather than \"far less likely\"). The two "
    .. "forecasts share their outcome and are not independent.",
  uses = { "def-joint-action", "def-military-support" },
  kind = "occurs", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = "event", claim_text = "denies", p_low = 0.20, p_high = 0.45, scale = "icd203",
  evidence = { "is unlikely to result in joint action over the specific issue of Ukraine" } }

forecast { id = "fc-shield-scenario", claim = "claim-shield-scenario-unlikely",
  proposition = "By 2023-02-19, Russia takes military action against Ukraine "
    .. "while China shields it from the consequences of Western sanctions.",
  criteria = "One scenario, so both conditions must hold: Russian military "
    .. "action against Ukraine dated by a source, and one of def-shielding's "
    .. "forms up to 2023-02-19. The commentators' mechanism, that the "
    .. "prospect of Chinese backing emboldens Russia by removing the deterrent "
    .. "of sanctions, is a motive no source can show; it is not part of the "
    .. "proposition. No: either condition fails.",
  uses = { "def-shielding" },
  kind = "occurs", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = "event", claim_text = "denies", p_low = 0.20, p_high = 0.45, scale = "icd203",
  evidence = { "with commentaries warning that Chinese backing could embolden Russia into military action",
               "Such extreme scenarios are unlikely to materialize" } }

forecast { id = "fc-taiwan-spillover", claim = "claim-taiwan-spillover-unlikely",
  proposition = "By 2023-02-19, China takes military action to bring Taiwan "
    .. "under its control.",
  criteria = "Counts: an armed attack on, invasion or blockade of territory "
    .. "Taiwan holds, reported by a government or a major news organisation. "
    .. "Does not count: exercises, incursions into air defence zones, "
    .. "threats. The mechanism the commentators saw (a U.S.-Russian "
    .. "confrontation encouraging China) is not part of the proposition. No "
    .. "needs a source that speaks to China's conduct towards Taiwan in the "
    .. "window; silence of the corpus is not a source.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = "event", claim_text = "denies", p_low = 0.20, p_high = 0.45, scale = "icd203",
  evidence = { "might even encourage China to pursue military reunification with Taiwan",
               "Such extreme scenarios are unlikely to materialize" } }

forecast { id = "fc-parallel-attack", claim = "claim-parallel-attack-far-less-likely",
  proposition = "By 2023-02-19, Russia and China attack Ukraine and Taiwan in "
    .. "a coordinated, parallel campaign.",
  criteria = "Both attacks must take place (Russia's on Ukraine; China's on "
    .. "Taiwan as fc-taiwan-spillover counts it) and a source must report "
    .. "them as coordinated or simultaneous. Russia's attack alone does not "
    .. "count. No needs a source on China's conduct towards Taiwan, as for "
    .. "fc-taiwan-spillover.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = nil, claim_text = "denies", p_low = nil, p_high = nil, scale = nil,
  evidence = { "would amount to a parallel attack on both Ukraine and Taiwan" },
  note = "\"still far less likely\" is a comparative with no anchored "
    .. "reference: no band, resolved and not scored." }

forecast { id = "fc-no-coordinated-stance", claim = "claim-no-coordinated-stance",
  proposition = "Until 2023-02-19, China and Russia hold no coordinated "
    .. "stance on Ukraine of the kind NATO members hold, and China does not "
    .. "back Russia in the military confrontation.",
  components = {
    { id = "a", text = "China and Russia take no joint action over Ukraine (def-joint-action) and China votes with Russia in fewer than half of the UN votes on the war (def-un-votes), up to 2023-02-19." },
    { id = "b", text = "China gives Russia no military support up to 2023-02-19 (def-military-support)." },
  },
  criteria = "The judgment denies two things: a NATO-level common line (a) "
    .. "and backing in a war (b). A common line is shown by joint action or "
    .. "by voting as one in the UN; backing in a war is military support.",
  uses = { "def-joint-action", "def-un-votes", "def-military-support" },
  kind = "holds", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = nil, claim_text = "asserts", p_low = nil, p_high = nil, scale = nil,
  evidence = { "nor does it equate to a coordinated stance on Ukraine",
               "let alone backing in a potential military confrontation" },
  note = "Stated flatly: no band, not scored." }

forecast { id = "fc-no-shielding", claim = "claim-little-appetite-shielding",
  proposition = "Until 2023-02-19, China does not shield Russia from the "
    .. "consequences of Western sanctions.",
  criteria = "Shielding as def-shielding defines it. Yes: none of its forms "
    .. "is shown for the window. No: any one is. The article's reason (China's "
    .. "acute vulnerability to secondary sanctions) is not part of the "
    .. "proposition.",
  uses = { "def-shielding" },
  kind = "holds", opens = "2022-02-19", resolves_by = "2023-02-19",
  polarity = "event", claim_text = "asserts", p_low = 0.55, p_high = 0.80, scale = "icd203",
  evidence = { "there also seems to be little appetite for shielding Moscow from its consequences",
               "by undermining a threatened Western sanctions regime" } }

------------------------------------------------------------------------------
-- Long term: the alignment and the world order (resolve by 2024-12-31)
------------------------------------------------------------------------------

forecast { id = "fc-long-term-deepening", claim = "claim-long-term-deepening",
  proposition = "By 2024-12-31, Sino-Russian cooperation has deepened beyond "
    .. "its level at publication in at least two distinct fields.",
  criteria = "Fields and what shows deepening in each: partnership (a new "
    .. "head-of-state joint document that deepens or extends the partnership "
    .. "or sets a programme); trade (Chinese customs report year-on-year "
    .. "growth); finance (a majority of bilateral payments settled in rubles "
    .. "and yuan); defence (a joint military exercise or patrol). Two fields "
    .. "suffice. Does not count: declarations without a document. The article "
    .. "names the UN, global governance, cybersecurity and connectivity; the "
    .. "rows record none of these, so the proposition is about deepening as "
    .. "such, shown in the fields the sources cover.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = "event", claim_text = "asserts", p_low = 0.55, p_high = 0.80, scale = "icd203",
  evidence = { "shared interests and normative convictions are likely to deepen Sino-Russian cooperation",
               "from the UN and global governance to narrower issues like cybersecurity and connectivity" } }

forecast { id = "fc-long-term-alignment", claim = "claim-long-term-alignment-possible",
  proposition = "By 2024-12-31, China and Russia are in a long-term "
    .. "alignment: after the invasion the two leaders reaffirm and deepen "
    .. "their strategic partnership in head-of-state documents at least "
    .. "twice, and China votes for none of the UN texts that criticise "
    .. "Russia's war.",
  criteria = "Alignment, not alliance: a lasting common orientation shown by "
    .. "(i) two or more head-of-state joint documents after 2022-02-24 that "
    .. "deepen the partnership and (ii) China never joining the UN texts that "
    .. "criticise the war (it abstains or votes against; def-un-votes). Both "
    .. "are needed. No: a downgrade, a break, or a Chinese vote for such a "
    .. "text. The claim's rider (\"can still be influenced by Western policy "
    .. "choices\") is claim-responsive-to-western-policy, not this "
    .. "proposition.",
  uses = { "def-un-votes" },
  kind = "holds", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = nil, claim_text = "asserts", p_low = nil, p_high = nil, scale = nil,
  evidence = { "A long-term alignment between both sides is a more serious possibility" },
  note = "\"a more serious possibility\" is a comparative with no anchored "
    .. "reference: the claim has no band (data/README.md section 3), so the "
    .. "forecast is resolved and not scored." }

forecast { id = "fc-counterweight", claim = "claim-counterweight-not-inevitable",
  proposition = "By 2024-12-31, a Sino-Russian counterweight to the West has "
    .. "emerged: China and Russia stand together as one camp against the "
    .. "West.",
  components = {
    { id = "a", text = "China votes with Russia in most of the UN votes on the war (def-un-votes)." },
    { id = "b", text = "The two leaders renew a joint agenda after the invasion in a head-of-state document that deepens the partnership." },
    { id = "c", text = "A Western alliance or government names China, in an official document or statement, as being on Russia's side in the war (an enabler or supporter)." },
  },
  criteria = "A counterweight is a matter of degree, so the proposition is "
    .. "split into the marks of one camp: voting together (a), a shared "
    .. "agenda (b), and being treated as one camp by the West (c). The "
    .. "article's alternative, a return to fixed ideological blocks, would "
    .. "need third states lining up behind the two; the rows give UN tallies "
    .. "but name no third state's vote, so it is not a component.",
  uses = { "def-un-votes" },
  kind = "occurs", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = "event", claim_text = "asserts", p_low = 0.01, p_high = 0.99, scale = "icd203",
  evidence = { "The emergence of a Sino-Russian counterweight to the West",
               "is not an unavoidable trend" },
  note = "Negated certainty (\"not an unavoidable\") is the possible band "
    .. "(doc/estimative.md, rule 3), which grades the emergence and its "
    .. "absence alike. claim_text is \"asserts\" in the sense that the "
    .. "authors hold the emergence possible; they expect neither outcome." }

forecast { id = "fc-national-currencies", claim = "claim-dedollarization-long-term",
  proposition = "By 2024-12-31, China and Russia settle most of their "
    .. "bilateral payments in rubles and yuan.",
  criteria = "Counts: an official figure (a government, a central bank or a "
    .. "head of state) putting the share of bilateral payments in the two "
    .. "national currencies above one half within the window. Does not "
    .. "count: statements of intent. The claim is about an interest the two "
    .. "\"may share\"; acting on it by moving their payments off the dollar "
    .. "is its observable form.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = "event", claim_text = "asserts", p_low = 0.01, p_high = 0.99, scale = "icd203",
  evidence = { "both sides may share a long-term interest in reducing their dependence on a U.S.-centric financial system" } }

forecast { id = "fc-no-alliance", claim = "claim-asymmetry-complicates-alliance",
  proposition = "Until 2024-12-31, China and Russia conclude no formal "
    .. "alliance.",
  criteria = "A formal alliance is a treaty or joint document that calls the "
    .. "relationship an alliance or binds each side to defend the other. "
    .. "Head-of-state documents that describe a partnership (\"comprehensive "
    .. "strategic partnership\") do not count. Yes needs a source in the "
    .. "window's last year describing the relationship, and none showing an "
    .. "alliance. The claim's reason, the growing asymmetry between the two, "
    .. "is not resolved: the rows give snapshots of Russia's dependence "
    .. "(shares of its imports), no measure of its growth.",
  kind = "holds", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = "event", claim_text = "asserts", p_low = 0.55, p_high = 0.80, scale = "icd203",
  evidence = { "that would further complicate any attempts to forge a long-term alliance",
               "hinting at the growing asymmetry between both sides" },
  note = "\"hinting at\" is an evidential, read as likely (doc/estimative.md)." }

------------------------------------------------------------------------------
-- Both timeframes (resolve by 2024-12-31)
------------------------------------------------------------------------------

forecast { id = "fc-value-for-russia", claim = "claim-russia-values-alignment",
  proposition = "By 2024-12-31, closer alignment with China has given Russia "
    .. "the two things the article states flatly: diplomatic support over its "
    .. "war and a counter to its isolation.",
  components = {
    { id = "a", text = "China supports Russia diplomatically over the war: it votes against a UN measure against Russia, or an official Chinese document takes up a Russian position such as opposing the sanctions." },
    { id = "b", text = "Alignment with China counters Russia's isolation: China's head of state visits Russia, or receives Putin, on a state visit after the invasion." },
  },
  criteria = "The components are the article's first two values of alignment "
    .. "for Russia, in its order (rhetorical support, an end to the "
    .. "perception of isolation); the third, hedged one is fc-economic-lifeline. "
    .. "The support on NATO expansion that (a) also names has no row and is "
    .. "not required.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = nil, claim_text = "asserts", p_low = nil, p_high = nil, scale = nil,
  evidence = { "it is easy to see the value of closer alignment with China over both timeframes" },
  note = "Stated flatly: no band, not scored." }

forecast { id = "fc-economic-lifeline", claim = "claim-economic-lifeline",
  proposition = "By 2024-12-31, China has become an alternative economic "
    .. "lifeline for Russia: China-Russia trade grows year on year while "
    .. "Western sanctions are in force, or China supplies most of Russia's "
    .. "imports of a critical good.",
  criteria = "Yes: a source reports either mark dated by 2024-12-31. No: "
    .. "trade falls in every sanctions year and no critical good comes "
    .. "mostly from China. Banks' retreat or a stalled gas deal point the "
    .. "other way without undoing either mark.",
  kind = "occurs", opens = "2022-02-19", resolves_by = "2024-12-31",
  polarity = "event", claim_text = "asserts", p_low = 0.01, p_high = 0.99, scale = "icd203",
  evidence = { "it may amount to an alternative economic lifeline" },
  note = "A bare modal (\"may\"): the possible band, which a yes and a no "
    .. "score alike." }

------------------------------------------------------------------------------
-- Forward-looking, but no proposition can be resolved: a forecast without
-- one, resolved "unresolvable" with its reason in resolutions.lua
------------------------------------------------------------------------------

forecast { id = "fc-western-assurances", claim = "claim-western-assurances" }
forecast { id = "fc-responsive-to-western-policy", claim = "claim-responsive-to-western-policy" }
forecast { id = "fc-adventurism-contradicts-principles", claim = "claim-adventurism-contradicts-principles" }
forecast { id = "fc-support-jeopardizes-interests", claim = "claim-support-jeopardizes-interests" }
forecast { id = "fc-new-battle-line-possible", claim = "claim-new-battle-line-possible" }
