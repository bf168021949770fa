-- Competing hypotheses on how far China goes for or against Russia over
-- Ukraine, and the article's evidence rated against each (Heuer's ACH).
--
-- question { id, text }
-- hypothesis { id, text [, question] }
-- item { id, text, credibility, relevance, evidence,
--        ratings = { [h] = r | { r, reason } } [, question] }
--
-- The hypotheses and items answer the one question of this file (a file
-- with several questions names it in each of them).
--
-- The rules are those of data/README.md section 9, and
-- spec/ach_rules_spec.lua checks what of them can be checked:
-- * the hypotheses are the values of one variable, how far China goes for
--   or against Russia, classed by the most support China gives (H1), and
--   together cover what the article weighs (H2); each says in its text what
--   rules out the ones above it (the README's table declares the phrases);
-- * an item is evidence, never the authors' answer to the question: its text
--   and phrases hold no hypothesis's marker (I1); one observation per item,
--   no phrase shared (I2);
-- * CC and II only for items of high credibility recording the Chinese
--   state's conduct or words; never for structural conditions, reported
--   views or the authors' readings (R1); a reading the authors discount is
--   rated for what their reason leaves of it (R2);
-- * every CC, I, II and NA gives its reason, as does a judgment call (R3).
-- Ratings: CC very consistent, C consistent, N neutral, I inconsistent,
-- II very inconsistent, NA not applicable. credibility (low | medium |
-- high): a checkable fact or document is high, the authors' reading or a
-- reported view medium, a partisan's opinion low; relevance: how directly it
-- bears on China's stance in this crisis.
--
-- The article's ratings were coded twice, the second time blind
-- (data/abb-polianskii-2022/blind/); a rating whose reason begins
-- "Adjudicated:" is one the two coders disagreed on.

question { id = "q-china-stance",
  text = "How far does China go for or against Russia over Ukraine: what is the most support it gives Russia, or does it oppose Russia's conduct?" }

hypothesis { id = "h-military",
  text = "China backs Russia militarily over Ukraine: it arms Russia, joins its military action or commits itself to Russia's side in a military confrontation." }

hypothesis { id = "h-shield",
  text = "China helps Russia economically to withstand Western sanctions over Ukraine, but gives it no military backing." }

hypothesis { id = "h-rhetorical",
  text = "China takes Russia's side in words and diplomacy only, blaming the West and NATO for the crisis and backing Russia in the UN, but gives it no material help: neither shielding from sanctions nor military backing." }

hypothesis { id = "h-neutral",
  text = "China takes neither side: it gives Russia no support, not even in words, and does not oppose Russia's conduct either; it urges a diplomatic resolution." }

hypothesis { id = "h-distance",
  text = "China opposes Russia's conduct: it condemns it or sides with Ukraine's sovereignty and territorial integrity against Russia, and gives Russia no support." }

------------------------------------------------------------------------------
-- Evidence items
------------------------------------------------------------------------------

item { id = "e-coordinated-announcement",
  text = "Both sides announced that they had “coordinated” their positions on Ukraine.",
  credibility = "medium", relevance = "medium",
  evidence = { "has recently been rekindled by an announcement that both sides had" },
  ratings = {
    ["h-military"] = { "N", "Adjudicated: N (second coder). R2: the authors at once discount reading the “coordination” as joint military action (“far less likely ... a parallel attack”); what is left is diplomatic coordination, which says nothing about arms." },
    ["h-shield"] = "C", ["h-rhetorical"] = "C",
    ["h-neutral"] = { "I", "A China taking neither side would hardly announce that it had coordinated its position on Ukraine with Russia." },
    ["h-distance"] = { "I", "A China opposing Russia's conduct would not coordinate its position with Russia; only I, since the article does not say who announced it or what was coordinated (R1: medium credibility)." },
  } }

item { id = "e-unsc-vote-2022",
  text = "China joined Russia in opposing a U.S.-requested Security Council debate on Ukraine, saying it found Russian denials of a planned invasion credible; the authors note that no military action had yet taken place.",
  credibility = "high", relevance = "high",
  evidence = { "China joined Russia in opposing a U.S.-requested debate on Ukraine",
               "However, the obvious difference is that no military action has yet taken place" },
  ratings = {
    ["h-military"] = "N",
    ["h-shield"] = { "N", "Adjudicated: N (first coder). The text of h-shield says nothing of votes or words; backing Russia in a procedural vote is neither expected nor surprising under it (as for the 2014 abstention)." },
    ["h-rhetorical"] = { "C", "Siding with Russia on a procedural vote in the Council fits support in diplomacy; not CC, because the authors discount reading it as a shift (R2)." },
    ["h-neutral"] = { "I", "Adjudicated: I (second coder). R2 caps the rating but does not remove it: the authors' discount removes reading the vote as a change of China's stance on Russia's conduct, not the diplomatic side-taking itself (joining Russia against the debate, calling its denials credible), which h-neutral's “not even in words” excludes; so I, not II." },
    ["h-distance"] = { "I", "A China opposing Russia's conduct would not have joined Russia to block the debate; not II, since the vote concerned a threat that had not materialised (R2)." },
  } }

item { id = "e-abstention-2014",
  text = "In 2014 China abstained in the Security Council votes over Russia's occupation of Crimea.",
  credibility = "high", relevance = "medium",
  evidence = { "when it abstained from UNSC votes" },
  ratings = {
    ["h-military"] = { "I", "A China ready to back Russia militarily over Ukraine would be expected to have stood by it in the Council over Crimea." },
    ["h-shield"] = { "N", "Adjudicated: N (first coder). The text of h-shield says nothing of votes or words; economic help can go with public neutrality, so a vote in 2014 is neither expected nor surprising under it (the second coder read the levels as implying the cheaper support below them)." },
    ["h-rhetorical"] = { "I", "Backing Russia in the UN is part of this hypothesis; abstaining on the occupation of Crimea is the one vote the article reports, and it did not back Russia." },
    ["h-neutral"] = { "CC", "An abstention on Russia's occupation, with neither side, is the sideliner's vote; the stance the article says has not changed since." },
    ["h-distance"] = { "I", "A China opposing Russia's conduct would have voted for the resolution upholding Ukraine's territorial integrity, not abstained." },
  } }

item { id = "e-crimea-unrecognized",
  text = "China has not recognised Russia's annexation of Crimea.",
  credibility = "high", relevance = "high",
  evidence = { "whose annexation remains unrecognized by China" },
  ratings = {
    ["h-military"] = { "I", "A China ready to back Russia militarily over Ukraine would hardly still withhold recognition of Russia's main gain there after eight years." },
    ["h-shield"] = { "N", "Adjudicated: N (first coder). The text of h-shield says nothing of recognition; economic help against sanctions can go with a standing legal position on Ukraine's territory, so neither expected nor surprising." },
    ["h-rhetorical"] = { "I", "Judgment call: a China taking Russia's side in words would be expected to accept, at least tacitly, the annexation Russia calls settled; withholding recognition keeps China off Russia's side on Ukraine's territory itself." },
    ["h-neutral"] = { "C", "Adjudicated: C (second coder). Withholding recognition is expected of a China taking neither side, but as much of one opposing Russia (h-distance), so not less expected under a neighbour, as CC requires." },
    ["h-distance"] = "C",
  } }

item { id = "e-wang-yi-sovereignty",
  text = "Wang Yi, China's foreign minister, called for respecting every country's sovereignty, independence and territorial integrity, adding that Ukraine is no exception.",
  credibility = "high", relevance = "high",
  evidence = { "Ukraine is no exception." },
  ratings = {
    ["h-military"] = { "I", "A China about to back Russia militarily against Ukraine would hardly have its foreign minister affirm Ukraine's territorial integrity; not II, since words and deeds can part." },
    ["h-shield"] = { "I", "Helping Russia withstand sanctions imposed for breaching Ukraine's integrity sits badly with affirming that integrity in public." },
    ["h-rhetorical"] = { "I", "Taking Russia's side in words is surprising in a foreign minister who singles out Ukraine's territorial integrity while Russia masses troops at its border." },
    ["h-neutral"] = "C",
    ["h-distance"] = { "C", "Adjudicated: C (first coder). The statement upholds Ukraine's territorial integrity as one case of “any country”, names no one who threatens it and condemns nothing; h-distance sides with it against Russia, so the item fits but is no more expected under it than under h-neutral." },
  } }

item { id = "e-secondary-sanctions",
  text = "China's larger trade with the U.S. and the EU makes it acutely vulnerable to secondary sanctions.",
  credibility = "high", relevance = "high",
  evidence = { "make it acutely vulnerable to secondary sanctions" },
  ratings = {
    ["h-military"] = { "I", "Military backing would invite the sanctions China is most exposed to (R1a: a vulnerability, at most I)." },
    ["h-shield"] = { "I", "R1a: the exposure makes shielding Russia costly, not impossible; a structural vulnerability is at most I." },
    ["h-rhetorical"] = "C", ["h-neutral"] = "C",
    ["h-distance"] = { "C", "Adjudicated: C (second coder). The exposure gives China reason to give Russia no support, which h-distance includes as h-neutral does; C as under h-neutral (R1a: a condition, not conduct)." },
  } }

item { id = "e-company-compliance",
  text = "Even Russian commentators doubt that Chinese companies would risk sanctions, given their past compliance with U.S. regimes.",
  credibility = "medium", relevance = "medium",
  evidence = { "Even in Russia, commentators have been skeptical if Chinese companies would be willing to incur such risks" },
  ratings = {
    ["h-military"] = "N",
    ["h-shield"] = { "I", "R1b: a view reported of Chinese firms, not the state's conduct; their doubt makes shielding less expected, at most I." },
    ["h-rhetorical"] = "C", ["h-neutral"] = "C",
    ["h-distance"] = { "C", "Adjudicated: C (second coder). Firms unwilling to risk sanctions for Russia fit any China that gives Russia no support, h-distance as much as h-neutral (C for both)." },
  } }

item { id = "e-ukraine-trade",
  text = "China accounts for about a sixth of Ukraine's trade, and Ukraine has been a main destination of Chinese investment in Eastern Europe (most of it before 2014).",
  credibility = "high", relevance = "medium",
  evidence = { "accounting for about a sixth of its imports and exports" },
  ratings = {
    ["h-military"] = { "I", "R1a: a stake that backing an attack on Ukraine would put at risk; costly, so surprising, but a stake is at most I." },
    ["h-shield"] = { "N", "Adjudicated: N (second coder). The stake is put at risk by the attack itself, not by China's trade with Russia after it; the bearing on shielding is indirect." },
    ["h-rhetorical"] = "N", ["h-neutral"] = "C", ["h-distance"] = "C",
  } }

item { id = "e-bri-transit",
  text = "Ukraine lies on trans-Eurasian transport links of the Belt and Road Initiative and has courted Chinese infrastructure investment.",
  credibility = "high", relevance = "low",
  evidence = { "Ukraine sits astride some of the trans-Eurasian transport links",
               "Ukraine has actively courted related infrastructure investments" },
  ratings = {
    ["h-military"] = { "I", "R1a: a war over Ukraine would cut the transit links China is building; a stake, at most I." },
    ["h-shield"] = "N", ["h-rhetorical"] = "N", ["h-neutral"] = "C", ["h-distance"] = "C",
  } }

item { id = "e-motorsich",
  text = "The Chinese company Skyrizon's attempt to buy the engine maker MotorSich was put on hold after U.S. lobbying, cancelled, and is now in arbitration.",
  credibility = "high", relevance = "low",
  evidence = { "the attempted acquisition of aircraft engine manufacturer MotorSich",
               "This deal was put on hold due to U.S. lobbying" },
  ratings = {
    ["h-military"] = "N", ["h-shield"] = "N", ["h-rhetorical"] = "N",
    ["h-neutral"] = { "N", "Adjudicated: N (second coder). The failed purchase shows both a Chinese stake in Ukraine's defence industry and friction with Kyiv and Washington; it says nothing about China's stance on Russia's conduct." },
    ["h-distance"] = "N",
  } }

item { id = "e-meddling-belief",
  text = "In the authors' reading, China sympathises with Russia and shares its belief that Western “meddling” in Ukraine's politics caused the crisis.",
  credibility = "medium", relevance = "high",
  evidence = { "sympathy for Russia and a shared belief that Western" },
  ratings = {
    ["h-military"] = { "C", "Adjudicated: C (second coder). The rating asks how expected the item is under h, not whether it points to h alone: a China backing Russia militarily would be expected to share its view of who is to blame (R1c: the authors' reading, so not CC)." },
    ["h-shield"] = { "C", "Adjudicated: C (second coder). As for h-military: a motive any supportive hypothesis presumes; the authors' reading, so at most C (R1c)." },
    ["h-rhetorical"] = { "C", "Sharing Russia's view of who is to blame is what verbal side-taking expresses; not CC, since it is the authors' reading of a belief (R1c)." },
    ["h-neutral"] = { "I", "A China taking neither side, not even in words, would hardly be read as sharing Russia's belief that the West is to blame." },
    ["h-distance"] = { "I", "R1c: a China opposing Russia's conduct would not share its view that the West caused the crisis; the authors' reading, so at most I." },
  } }

item { id = "e-core-norms",
  text = "In the authors' reading, China is aware that Russia's assertive approach challenges its core norms of sovereignty and territorial inviolability.",
  credibility = "medium", relevance = "high",
  evidence = { "an awareness that Russia" },
  ratings = {
    ["h-military"] = { "I", "R1c: backing an attack that challenges China's own core norms is surprising; the authors' reading of a motive, so at most I." },
    ["h-shield"] = { "I", "Shielding Russia from the price of challenging China's core norms is surprising, if less so than arming it." },
    ["h-rhetorical"] = { "N", "Judgment call: the authors present the awareness alongside sympathy as contradictory impulses, so it does not rule out words on Russia's side." },
    ["h-neutral"] = "C", ["h-distance"] = "C",
  } }

item { id = "e-statement-core-interests",
  text = "In the joint statement both sides affirm mutual support for each other's “core interests”.",
  credibility = "high", relevance = "medium",
  evidence = { "It affirms mutual support for each other’s “core interests”" },
  ratings = {
    ["h-military"] = { "N", "Adjudicated: N (second coder). R2: the authors discount the pledge in the same passage (the document “cannot be read as a blueprint for a formal alliance, let alone justification for impending military adventurism”; the interests are rarely spelled out), which removes its bearing on military backing." },
    ["h-shield"] = "C", ["h-rhetorical"] = "C",
    ["h-neutral"] = { "I", "A China giving Russia no support, not even in words, would hardly sign a pledge of support for Russia's core interests at the height of the crisis." },
    ["h-distance"] = { "I", "A China opposing Russia's conduct would not pledge support for its core interests; not II, since the statement does not say what they are." },
  } }

item { id = "e-statement-silent-on-ukraine",
  text = "The joint statement mentions neither Ukraine nor Crimea, and commits neither side to any action against NATO expansion.",
  credibility = "high", relevance = "high",
  evidence = { "neither Ukraine nor Crimea",
               "however, neither side commits to any actions in response" },
  ratings = {
    ["h-military"] = { "I", "A China committed to Russia's side in a confrontation over Ukraine would be expected to say so, or commit to something, in the joint document of the crisis; not II, since commitments may be unwritten." },
    ["h-shield"] = { "I", "A China set on shielding Russia would be expected to commit to some action against the pressure the statement denounces." },
    ["h-rhetorical"] = { "N", "Adjudicated: N (neither coder: first C, second I). The item joins two observations that pull apart under h-rhetorical: silence on Ukraine and Crimea is surprising for a China taking Russia's side in words, while the absence of any commitment to act is what words only predict. Rule I2 would split them; the split is left to a later coding so that no item changes after the blind coding." },
    ["h-neutral"] = "C",
    ["h-distance"] = { "C", "Adjudicated: C (second coder). A China opposing Russia's conduct would put no criticism in a joint text, and the text gives Russia no support on Ukraine: the silence fits." },
  } }

item { id = "e-statement-nato-opposition",
  text = "The joint statement opposes further NATO expansion and urges NATO to abandon its Cold War approaches.",
  credibility = "high", relevance = "medium",
  evidence = { "a paragraph voicing opposition to further NATO expansion" },
  ratings = {
    ["h-military"] = "C", ["h-shield"] = "C",
    ["h-rhetorical"] = { "C", "Adjudicated: C (second coder). Expected under h-rhetorical, but as much under h-shield and h-military, which also take Russia's side; CC asks that the item be less expected under the neighbours." },
    ["h-neutral"] = { "I", "Adjudicated: I (second coder). Signing opposition to NATO expansion takes Russia's side in words, which h-neutral excludes; but the paragraph is general, names no Ukraine and serves China's own AUKUS concerns, so I, not II." },
    ["h-distance"] = { "I", "Adjudicated: I (second coder). The paragraph is general and paired with China's own concerns over AUKUS; a China opposing Russia's conduct in Ukraine could still oppose NATO expansion for its own reasons, so surprising, not near-impossible." },
  } }

item { id = "e-defense-cooperation",
  text = "The relationship includes defence cooperation and joint military drills.",
  credibility = "high", relevance = "low",
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills" },
  ratings = {
    ["h-military"] = "C", ["h-shield"] = "N", ["h-rhetorical"] = "N", ["h-neutral"] = "N",
    ["h-distance"] = { "N", "Adjudicated: N (second coder). The cooperation predates the crisis and the article ties it to the long term; it says little about whether China opposes Russia's conduct in Ukraine." },
  } }

item { id = "e-gas-deal",
  text = "A historic gas deal accompanied the joint statement.",
  credibility = "high", relevance = "medium",
  evidence = { "accompanied by a historic gas deal" },
  ratings = {
    ["h-military"] = "N", ["h-shield"] = "C",
    ["h-rhetorical"] = { "N", "Judgment call: a long-term gas contract is trade, not shielding from sanctions that did not yet exist." },
    ["h-neutral"] = "N",
    ["h-distance"] = { "N", "Adjudicated: N (second coder). A commercial contract is not support in the hypotheses' sense: states opposing Russia's conduct in Ukraine bought its gas at the time as well." },
  } }

item { id = "e-trenin-common-front",
  text = "Trenin, a leading Russian expert, reads the joint statement as a common front against U.S. pressure.",
  credibility = "low", relevance = "medium",
  evidence = { "takes Sino-Russian entente to the level of a common front" },
  ratings = {
    ["h-military"] = { "N", "Adjudicated: N (second coder). A Russian partisan's reading says more about Russian hopes than about China's conduct (R1b, as for h-neutral), and the authors warn against extrapolating the shared logic to the crisis, “let alone backing in a potential military confrontation” (R2)." },
    ["h-shield"] = { "N", "Adjudicated: N (second coder). As for h-military: a partisan's reading (R1b) that the authors decline to extrapolate to the crisis (R2)." },
    ["h-rhetorical"] = "C",
    ["h-neutral"] = { "N", "Judgment call: a Russian partisan's reading says more about Russian hopes than about China's conduct (R1b)." },
    ["h-distance"] = { "I", "R1b: a reported view, at most I; a China opposing Russia would hardly be read as its common front even by a Russian expert." },
  } }

item { id = "e-russian-caution",
  text = "Other Russian experts warn against overestimating China's willingness to get engaged in Russia's conflicts.",
  credibility = "medium", relevance = "medium",
  evidence = { "warning against an overestimation of Chinese willingness to get engaged in Russia" },
  ratings = {
    ["h-military"] = { "I", "R1b: Russian experts' warning, a reported view, at most I; it would be surprising if China were ready to fight beside Russia." },
    ["h-shield"] = { "I", "R1b: the warning covers engagement short of arms too; a reported view, at most I." },
    ["h-rhetorical"] = "C", ["h-neutral"] = "C", ["h-distance"] = "N",
  } }

item { id = "e-muted-chinese-media",
  text = "Chinese media reacted to the joint statement in a muted way; a high-profile commentary stressed the gas deal and Russia's value as a resource supplier.",
  credibility = "medium", relevance = "medium",
  evidence = { "much more muted media reaction in China" },
  ratings = {
    ["h-military"] = { "I", "A China about to back Russia militarily would be expected to rally its media behind the statement, not mute them." },
    ["h-shield"] = "N",
    ["h-rhetorical"] = { "I", "Adjudicated: I (second coder). A China taking Russia's side in words would use its media to say so; a muted reaction centred on the gas deal is surprising under it (medium credibility, so not II)." },
    ["h-neutral"] = "C", ["h-distance"] = "N",
  } }

------------------------------------------------------------------------------
-- ACH after the article: evidence from the events after publication
-- (events.lua) rated against the hypotheses above on China's stance
-- (spec/forecasts_data_spec.lua checks it).
--
-- item { id, question, text, date, credibility, relevance, events,
--        ratings = { [hypothesis] = { rating, reason } } }
--
-- Rules: those of data/README.md section 9, with these additions for
-- evidence after publication.
-- * An item rests on event records (`events`), not on article sentences,
--   and its `date` is the date of the latest event it rests on (as that
--   event gives it, "2024-02" included), so that kb:ach{as_of = ...} sees it
--   from then on.
-- * The hypotheses describe China's dominant behaviour in the 2021-22
--   crisis; after 2022-02-24 that crisis is a war, and the items rate each
--   hypothesis as a description of China's behaviour in it.
-- * Every item rates every hypothesis with CC, C, N, I, II or NA and gives
--   the reason: how surprised one would be to see the item if the
--   hypothesis were true. II is kept for items that leave the hypothesis
--   hardly tenable (issue 15 found II given to structural vulnerabilities
--   and reported views); conduct of companies and banks is not the
--   state's, and is rated more weakly than conduct of the state.
-- * credibility: high for a UN record, an official figure or a dated
--   meeting; medium for a party's own figure, a reported restriction or an
--   assessment by one side of the confrontation. relevance: high when it
--   bears directly on China's stance towards Russia's war, medium when
--   indirectly (a humanitarian vote, military cooperation away from
--   Ukraine), low when only remotely.
-- * One item per act of China or about China; the two Security Council
--   votes of one week are one item. Repeated abstentions in the General
--   Assembly are separate items because each was a separate decision under
--   new circumstances (aggression, humanitarian, annexations, peace terms);
--   they are correlated, and a reader weighing the matrix should know that
--   four items repeat one pattern.
-- * Issue 15 rewrote the hypotheses (one variable: the most support China
--   gives Russia) and the rules (R1: CC and II only for items of high
--   credibility recording the Chinese state's conduct); every rating below
--   was redone against the new texts, and a reason naming a rule (R1, R2)
--   marks a rating that rule decided.

item { id = "ea-unsc-abstentions", question = "q-china-stance",
  text = "Days after the invasion, China abstains in the Security Council on the draft on Russia's aggression (vetoed by Russia) and on calling an emergency session of the General Assembly.",
  date = "2022-02-27", credibility = "high", relevance = "high",
  events = { "hs-unsc-veto", "hs-unsc-2623" },
  ratings = {
    ["h-military"] = { "I", "A China backing Russia's war would be expected to vote with Russia; abstaining keeps it apart from the war." },
    ["h-shield"] = { "N", "Economic shielding is compatible with abstaining; the vote says nothing about trade." },
    ["h-rhetorical"] = { "I", "Backing Russia in the UN is part of this hypothesis; abstaining on a draft Russia had to veto is not backing it." },
    ["h-neutral"] = { "CC", "Abstaining is the vote of a China that neither endorses nor condemns, as in 2014." },
    ["h-distance"] = { "I", "A China siding with Ukraine's territorial integrity would have voted for a draft upholding it." },
  } }

item { id = "ea-unga-es11-1", question = "q-china-stance",
  text = "China abstains on General Assembly resolution ES-11/1, which deplores the aggression against Ukraine (141-5-35).",
  date = "2022-03-02", credibility = "high", relevance = "high",
  events = { "hs-unga-es11-1" },
  ratings = {
    ["h-military"] = { "I", "A military backer would be expected among the five votes against, not the 35 abstentions." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "I", "A China backing Russia in the UN would be expected among the five votes against; it abstained." },
    ["h-neutral"] = { "CC", "Neither with the 141 nor with the five: the sideliner's vote." },
    ["h-distance"] = { "I", "A China siding with Ukraine would have voted with the 141." },
  } }

item { id = "ea-unga-es11-2", question = "q-china-stance",
  text = "China abstains on General Assembly resolution ES-11/2 on the humanitarian consequences of the aggression (140-5-38).",
  date = "2022-03-24", credibility = "high", relevance = "medium",
  events = { "hs-unga-es11-2" },
  ratings = {
    ["h-military"] = { "N", "A humanitarian text tests little about military backing." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "N", "Neither expected nor surprising for a China supporting Russia in words only." },
    ["h-neutral"] = { "C", "A strict sideliner might have voted for a humanitarian text, but abstaining fits its refusal to take sides." },
    ["h-distance"] = { "I", "A China siding with Ukraine would hardly abstain on help for its civilians." },
  } }

item { id = "ea-hrc-suspension-vote", question = "q-china-stance",
  text = "China votes against suspending Russia from the Human Rights Council (93-24-58).",
  date = "2022-04-07", credibility = "high", relevance = "high",
  events = { "hs-unga-es11-3" },
  ratings = {
    ["h-military"] = { "C", "A China backing Russia's war would be expected to defend it in the UN as well." },
    ["h-shield"] = { "C", "A China helping Russia withstand sanctions would also oppose punishing it institutionally." },
    ["h-rhetorical"] = { "C", "Diplomatic support against a punitive measure is this hypothesis's conduct, but as much that of h-shield and h-military (C), so not CC (the CC rule as adjudicated for e-statement-nato-opposition)." },
    ["h-neutral"] = { "II", "A China giving Russia no support, not even in words, could hardly vote with Russia against its suspension, while 58 states abstained." },
    ["h-distance"] = { "II", "A China distancing itself from Russia could hardly vote to keep it on the Council." },
  } }

item { id = "ea-joint-bomber-patrol", question = "q-china-stance",
  text = "Three months into the war, Chinese and Russian bombers fly a joint patrol around Japan during the Quad summit in Tokyo.",
  date = "2022-05-24", credibility = "high", relevance = "medium",
  events = { "hs-joint-bomber-patrol" },
  ratings = {
    ["h-military"] = { "C", "Military cooperation continuing during the war fits a China ready to back Russia militarily, though the patrol is far from Ukraine." },
    ["h-shield"] = { "N", "Says nothing about sanctions or trade." },
    ["h-rhetorical"] = { "N", "A joint patrol goes beyond words but is not support for the war in Ukraine." },
    ["h-neutral"] = { "I", "A China on the sidelines of Russia's war would be expected to avoid a joint military show with Russia while the war lasts." },
    ["h-distance"] = { "II", "A China distancing itself from Russia could hardly fly joint bomber patrols with it three months into the invasion." },
  } }

item { id = "ea-entity-list-2022", question = "q-china-stance",
  text = "The U.S. adds companies in China (Hong Kong-linked) to its Entity List for supporting Russia's military.",
  date = "2022-06-28", credibility = "medium", relevance = "high",
  events = { "hs-entity-list-2022" },
  ratings = {
    ["h-military"] = { "C", "Supplies from China to Russia's military are what this hypothesis leads one to expect, though companies are not the state." },
    ["h-shield"] = { "C", "Firms in China supplying what sanctions deny Russia is shielding at work." },
    ["h-rhetorical"] = { "N", "A few companies can act against a state whose own support is verbal; neither expected nor surprising." },
    ["h-neutral"] = { "N", "A few companies can act against a neutral state's policy; neither expected nor surprising." },
    ["h-distance"] = { "I", "A China siding with Ukraine would be expected to stop its firms supplying Russia's military." },
  } }

item { id = "ea-samarkand-concerns", question = "q-china-stance",
  text = "Meeting Xi at Samarkand, Putin acknowledges China's \"questions and concerns\" about the war in Ukraine.",
  date = "2022-09-15", credibility = "high", relevance = "high",
  events = { "hs-samarkand" },
  ratings = {
    ["h-military"] = { "I", "A China backing Russia militarily would hardly have concerns that Putin must acknowledge in public." },
    ["h-shield"] = { "N", "Concerns about the war are compatible with economic help." },
    ["h-rhetorical"] = { "C", "Reservations alongside a cordial summit fit support that stops short of endorsement." },
    ["h-neutral"] = { "C", "Concerns about the war, voiced to Russia's leader, fit a China that takes neither side." },
    ["h-distance"] = { "N", "The concerns point to distance, the cordial summit away from it; the two cancel out." },
  } }

item { id = "ea-unga-es11-4", question = "q-china-stance",
  text = "China abstains on General Assembly resolution ES-11/4, which upholds Ukraine's territorial integrity and rejects the annexation referendums (143-5-35).",
  date = "2022-10-12", credibility = "high", relevance = "high",
  events = { "hs-unga-es11-4" },
  ratings = {
    ["h-military"] = { "I", "A military backer would be expected to vote against, with Russia." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "I", "A China backing Russia in the UN would be expected to vote against with Russia; abstaining on the annexations keeps it off Russia's side." },
    ["h-neutral"] = { "CC", "Declining both to endorse and to condemn the annexations is the sideliner's position." },
    ["h-distance"] = { "II", "The text is the territorial integrity this hypothesis says China sides with; a China siding with it could hardly abstain." },
  } }

item { id = "ea-trade-2022", question = "q-china-stance",
  text = "China-Russia trade grows 29.3% to US$190.27 bn in 2022, the first year of Western sanctions.",
  date = "2023-01-13", credibility = "high", relevance = "high",
  events = { "hs-trade-2022" },
  ratings = {
    ["h-military"] = { "N", "Trade figures say nothing about arms." },
    ["h-shield"] = { "C", "Trade growing by almost a third while the West cuts Russia off fits an economic shield; R1: aggregate trade is firms' conduct and prices as much as the state's, so not CC." },
    ["h-rhetorical"] = { "I", "If support stayed verbal, a surge of trade with a sanctioned belligerent would be surprising (price effects aside)." },
    ["h-neutral"] = { "I", "A sideliner would keep business roughly as usual; growth of almost a third goes well beyond it." },
    ["h-distance"] = { "I", "R1: trade is not the state's conduct alone, so at most I; still, a China opposing Russia would hardly let its trade with it grow by almost a third in the year of the invasion." },
  } }

item { id = "ea-unga-es11-6", question = "q-china-stance",
  text = "China abstains on General Assembly resolution ES-11/6 on the principles of a just and lasting peace in Ukraine (141-7-32).",
  date = "2023-02-23", credibility = "high", relevance = "medium",
  events = { "hs-unga-es11-6" },
  ratings = {
    ["h-military"] = { "I", "A military backer would be expected among the seven votes against." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "I", "A China backing Russia in the UN would be expected among the seven votes against; it abstained." },
    ["h-neutral"] = { "C", "A China urging diplomacy might have voted for a peace text, but abstaining fits not taking sides on its terms." },
    ["h-distance"] = { "I", "A China siding with Ukraine would have voted with the 141." },
  } }

item { id = "ea-position-paper", question = "q-china-stance",
  text = "China's 12-point position on a political settlement calls for respecting the sovereignty of all countries, a ceasefire, peace talks and an end to unilateral sanctions.",
  date = "2023-02-24", credibility = "high", relevance = "high",
  events = { "hs-china-position-paper" },
  ratings = {
    ["h-military"] = { "I", "A China backing Russia's war militarily would not publish a call for a ceasefire." },
    ["h-shield"] = { "C", "Calling for an end to unilateral sanctions is the political side of shielding Russia from them." },
    ["h-rhetorical"] = { "C", "Opposing Western sanctions without endorsing the war is support in words." },
    ["h-neutral"] = { "C", "Judgment call: a ceasefire, talks and sovereignty for all, naming no aggressor, is the sideliner's position; the call to end unilateral sanctions, China's standing line, leans to Russia's side in words, so not CC." },
    ["h-distance"] = { "N", "Sovereignty for all points towards Ukraine, opposing the sanctions on Russia away from it." },
  } }

item { id = "ea-xi-moscow", question = "q-china-stance",
  text = "During the war Xi makes a state visit to Moscow; joint statements deepen the partnership and plan economic cooperation to 2030.",
  date = "2023-03-21", credibility = "high", relevance = "high",
  events = { "hs-xi-moscow" },
  ratings = {
    ["h-military"] = { "N", "The row reports no military content; a state visit fits military backing without showing it." },
    ["h-shield"] = { "C", "Economic cooperation planned to 2030 fits helping Russia withstand sanctions." },
    ["h-rhetorical"] = { "C", "A state visit and partnership statements are diplomatic support." },
    ["h-neutral"] = { "II", "A China giving Russia no support, not even in words, could hardly pay it a state visit to deepen the partnership during its war." },
    ["h-distance"] = { "II", "A China distancing itself from Russia could hardly pay it a state visit to deepen the partnership." },
  } }

item { id = "ea-xi-zelensky-call", question = "q-china-stance",
  text = "Fourteen months into the war, Xi speaks with Zelensky for the first time since the invasion.",
  date = "2023-04-26", credibility = "high", relevance = "medium",
  events = { "hs-xi-zelensky-call" },
  ratings = {
    ["h-military"] = { "I", "A China backing Russia militarily would be unlikely to open a line to Zelensky." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "N", "Talking to both sides is compatible with verbal support for Russia, and the call came late." },
    ["h-neutral"] = { "CC", "Talking to both sides is what a sideliner urging diplomacy does." },
    ["h-distance"] = { "C", "Engaging Zelensky fits a China moving towards Ukraine, though the long silence before it does not." },
  } }

item { id = "ea-li-hui-tour", question = "q-china-stance",
  text = "China's special representative Li Hui tours Kyiv, European capitals and Moscow, meeting Zelensky.",
  date = "2023-05-15", credibility = "high", relevance = "medium",
  events = { "hs-li-hui-tour" },
  ratings = {
    ["h-military"] = { "I", "A China backing Russia militarily would hardly send an envoy to Kyiv." },
    ["h-shield"] = { "N", "Says nothing about economic help." },
    ["h-rhetorical"] = { "N", "A tour of both sides neither confirms nor contradicts verbal support for Russia." },
    ["h-neutral"] = { "CC", "An envoy to both sides is the diplomatic resolution this hypothesis says China urges." },
    ["h-distance"] = { "N", "The envoy went to Kyiv but also to Moscow; it does not show China siding with Ukraine." },
  } }

item { id = "ea-eu-11th-package", question = "q-china-stance",
  text = "The EU lists three Hong Kong-registered firms for helping Russia; five mainland firms are dropped from the draft after Beijing presses Brussels.",
  date = "2023-06-23", credibility = "medium", relevance = "high",
  events = { "hs-eu-11th-package" },
  ratings = {
    ["h-military"] = { "N", "The row does not say what the firms supplied." },
    ["h-shield"] = { "C", "Firms in China listed for helping Russia, and Beijing lobbying for others, fit a China that protects Russia's supply lines." },
    ["h-rhetorical"] = { "N", "Lobbying for its own firms is diplomacy for China, not for Russia." },
    ["h-neutral"] = { "N", "A neutral state may defend its firms against foreign listings; neither expected nor surprising." },
    ["h-distance"] = { "I", "A China siding with Ukraine would not press Brussels to spare firms accused of helping Russia." },
  } }

item { id = "ea-banks-restrict", question = "q-china-stance",
  text = "After a U.S. order exposes foreign banks that serve Russia's military industry to sanctions, Chinese banks restrict or return Russian payments; Chouzhou Commercial Bank halts settlements.",
  date = "2024-02", credibility = "medium", relevance = "high",
  events = { "hs-eo-14114", "hs-banks-restrict" },
  ratings = {
    ["h-military"] = { "N", "Payment channels say little about arms." },
    ["h-shield"] = { "I", "A China shielding Russia would keep payment channels open; banks retreating at the threat is surprising, though it may be the banks' choice rather than the state's." },
    ["h-rhetorical"] = { "C", "Banks' caution fits a China whose support is verbal." },
    ["h-neutral"] = { "C", "Heeding the rules of its larger trading partners fits a sideliner." },
    ["h-distance"] = { "C", "Closing payment channels fits a China distancing itself from Russia." },
  } }

item { id = "ea-putin-beijing-2024", question = "q-china-stance",
  text = "Putin makes a state visit to Beijing; a joint statement deepens the comprehensive strategic partnership for the new era.",
  date = "2024-05-16", credibility = "high", relevance = "high",
  events = { "hs-putin-beijing-2024" },
  ratings = {
    ["h-military"] = { "N", "The row reports no military content; the visit fits military backing without showing it." },
    ["h-shield"] = { "C", "A deepened partnership fits helping Russia withstand sanctions." },
    ["h-rhetorical"] = { "C", "Receiving Putin on a state visit is diplomatic support." },
    ["h-neutral"] = { "II", "A China giving Russia no support, not even in words, could hardly receive Putin to deepen the partnership in the third year of his war." },
    ["h-distance"] = { "II", "A China distancing itself from Russia could hardly receive Putin to deepen the partnership." },
  } }

item { id = "ea-national-currencies", question = "q-china-stance",
  text = "Putin says 90% of Russia-China payments are made in rubles and yuan (earlier official figures: more than 70% in April 2023, 95% in November 2023).",
  date = "2024-05-16", credibility = "medium", relevance = "high",
  events = { "hs-national-currencies" },
  ratings = {
    ["h-military"] = { "N", "Currency shares say nothing about arms." },
    ["h-shield"] = { "C", "Moving payments out of the dollar's reach fits shielding from sanctions; R1: a party's own figure (medium credibility), so not CC." },
    ["h-rhetorical"] = { "I", "Support in words only would not rebuild the payments of a whole trade relationship." },
    ["h-neutral"] = { "I", "A sideliner would have little reason to move its trade with a belligerent out of the sanctioned currencies." },
    ["h-distance"] = { "I", "A China distancing itself from Russia could still trade in yuan, but moving nine-tenths of the payments off the dollar together with Russia is surprising." },
  } }

item { id = "ea-no-real-weapons", question = "q-china-stance",
  text = "The U.S. Secretary of State says the U.S. has not seen China provide real weapons to Russia.",
  date = "2024-05-22", credibility = "high", relevance = "high",
  events = { "hs-us-no-real-weapons" },
  ratings = {
    ["h-military"] = { "II", "After more than two years of war, a China backing Russia militarily would have been seen supplying weapons by the government that most watches for it, and has every reason to say so (R1: it records the absence of Chinese conduct, attested by the best-placed observer)." },
    ["h-shield"] = { "N", "Arms are not the economic shield; neither expected nor surprising." },
    ["h-rhetorical"] = { "C", "No arms fits support that stops short of the material." },
    ["h-neutral"] = { "C", "No arms fits a China staying out of the war." },
    ["h-distance"] = { "N", "No arms fits distance as well, but says nothing about siding with Ukraine." },
  } }

item { id = "ea-dual-use-supplies", question = "q-china-stance",
  text = "According to the U.S., China supplies about 70% of Russia's machine-tool imports and about 90% of its microelectronics.",
  date = "2024-05-22", credibility = "medium", relevance = "high",
  events = { "hs-us-no-real-weapons" },
  ratings = {
    ["h-military"] = { "C", "Machine tools and microelectronics feed arms production: backing short of weapons." },
    ["h-shield"] = { "C", "Supplying most of what sanctions deny Russia is economic shielding; R1: a U.S. figure (medium credibility), so not CC." },
    ["h-rhetorical"] = { "I", "Support in words only does not make China the source of most of Russia's critical imports." },
    ["h-neutral"] = { "I", "A sideliner would not become the main supplier of a belligerent's war industry." },
    ["h-distance"] = { "I", "R1: a U.S. figure (medium credibility), at most I; a China opposing Russia would hardly supply most of the inputs of its arms industry." },
  } }

item { id = "ea-nato-enabler", question = "q-china-stance",
  text = "NATO's Washington summit declaration calls China a \"decisive enabler\" of Russia's war against Ukraine.",
  date = "2024-07-10", credibility = "medium", relevance = "high",
  events = { "hs-nato-decisive-enabler" },
  ratings = {
    ["h-military"] = { "C", "An enabler short of a supplier of weapons fits backing below arms." },
    ["h-shield"] = { "C", "An enabler of the war is most naturally the economic shield this hypothesis describes." },
    ["h-rhetorical"] = { "I", "Words alone would hardly earn the label \"decisive enabler\"." },
    ["h-neutral"] = { "I", "The alliance would hardly call a China on the sidelines a decisive enabler." },
    ["h-distance"] = { "I", "R1b: NATO's view, at most I; a China opposing Russia's conduct would hardly be called a decisive enabler of its war." },
  } }

item { id = "ea-pos2-stalled", question = "q-china-stance",
  text = "No Power of Siberia 2 gas contract is signed during or after Putin's 2024 visit; price is the sticking point.",
  date = "2024", credibility = "high", relevance = "low",
  events = { "hs-pos2-unsigned" },
  ratings = {
    ["h-military"] = { "N", "A gas contract says nothing about arms." },
    ["h-shield"] = { "I", "A China shielding Russia would be expected to sign for more of its gas while sanctions bite; stalling over price is mildly surprising." },
    ["h-rhetorical"] = { "N", "Neither expected nor surprising for support in words only." },
    ["h-neutral"] = { "C", "A hard commercial bargain fits a China that does not take sides." },
    ["h-distance"] = { "C", "Holding back on the pipeline fits a China keeping its distance." },
  } }
