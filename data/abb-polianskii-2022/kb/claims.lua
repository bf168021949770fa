-- Claims: the article's analytic judgments.
--
-- claim { id, text, about, horizon, estimative, scale, topics, evidence,
--         p_low, p_high, note }
--
-- `text` is our paraphrase; `estimative` is the hedge exactly as the article
-- words it (nil when the judgment is stated flatly, or graded only by a
-- comparative or a conviction adverb). The build maps `estimative` to a
-- band with sinorus.estimate(estimative, scale or "icd203"); the band is the
-- probability that `text`, as worded, is true, so a text that denies the
-- event its hedge grades says `denies = true` and gets the complement. Where
-- the hedge is not on any scale the record gives p_low/p_high itself and says
-- why in `note`. Horizon: "short" = within a year of publication, "long" =
-- beyond it, "both" = stated for both (data/README.md section 3).

------------------------------------------------------------------------------
-- The core argument (key points, repeated as the conclusion)
------------------------------------------------------------------------------

claim { id = "claim-pressure-main-driver",
  text = "What chiefly pushes China and Russia together is that both feel "
    .. "squeezed by the West militarily and normatively, which makes each see "
    .. "the other as a comparatively reliable partner.",
  about = { "china", "russia", "the-west" }, horizon = "both",
  estimative = nil,
  topics = { "alignment", "western-pressure", "drivers" },
  evidence = { "is mainly driven by a shared feeling of facing Western military and normative pressure" },
  note = "Stated flatly; the article's central causal claim." }

claim { id = "claim-interests-diverge-on-cases",
  text = "Beneath the shared outlook, Chinese and Russian interests part ways "
    .. "once a concrete case such as Ukraine is at stake.",
  about = { "china", "russia", "ukraine" }, horizon = "short",
  estimative = nil,
  topics = { "ukraine", "limits" },
  evidence = { "the interests of both sides tend to diverge when looking at specific cases like Ukraine" },
  note = "Hedged only by \"tend to\", which is a frequency, not a probability." }

claim { id = "claim-diverging-interests-limit-short-term",
  text = "Because their interests over Ukraine differ, Sino-Russian "
    .. "cooperation is held back during the present crisis.",
  about = { "china", "russia", "ukraine", "ukraine-crisis-2022" }, horizon = "short",
  estimative = nil,
  topics = { "ukraine", "limits", "cooperation" },
  evidence = { "diverging interests on Ukraine limit such cooperation in the short term" } }

claim { id = "claim-joint-action-far-less-likely",
  text = "Joint Sino-Russian action is much less probable than coordination "
    .. "inside NATO, which is itself a problem.",
  about = { "china", "russia", "nato" }, horizon = "short",
  estimative = nil,
  topics = { "joint-action", "institutions", "limits" },
  evidence = { "joint action is far less likely" },
  note = "\"far less likely\" is a comparative: it grades joint action against "
    .. "coordination inside NATO, which the text gives no probability, so no "
    .. "rule anchors it and the claim has no band. Its reason (the rapport) is "
    .. "claim-relationship-rests-on-rapport." }

claim { id = "claim-relationship-rests-on-rapport",
  text = "So far the Sino-Russian relationship appears to rest mainly on the "
    .. "personal understanding between the two heads of state rather than on "
    .. "institutions.",
  about = { "china", "russia", "putin" }, horizon = "both",
  estimative = "seems",
  topics = { "leaders", "institutions" },
  evidence = { "which seems so far mainly based on the personal rapport of both leaders" },
  note = "\"seems\" is an evidential verb: the writers commit to more likely than not." }

claim { id = "claim-support-rhetorical",
  text = "Whatever backing Beijing gives Moscow in this crisis will probably "
    .. "stay verbal, confined to faulting the West instead of approving "
    .. "Russia's conduct.",
  about = { "china", "russia", "the-west", "ukraine-crisis-2022" }, horizon = "short",
  estimative = "likely",
  topics = { "ukraine", "rhetorical-support" },
  evidence = { "is likely to be rhetorical and expressly limited to blaming Western actions" } }

claim { id = "claim-long-term-deepening",
  text = "Over time, common interests and beliefs will probably widen "
    .. "Sino-Russian cooperation across the statement's agenda, from the UN "
    .. "and global governance to cybersecurity and connectivity.",
  about = { "china", "russia", "un", "joint-statement" }, horizon = "long",
  estimative = "likely",
  topics = { "cooperation", "global-governance", "norms" },
  evidence = { "shared interests and normative convictions are likely to deepen Sino-Russian cooperation" } }

claim { id = "claim-long-term-alignment-possible",
  text = "A durable long-run alignment of the two powers is a more serious "
    .. "prospect than short-term joint action.",
  about = { "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "alignment" },
  evidence = { "A long-term alignment between both sides is a more serious possibility" },
  note = "\"a more serious possibility\" is a comparative: its reference, "
    .. "short-term cooperation, has no probability in the text, so no rule "
    .. "anchors it and the claim has no band. The sentence's second judgment "
    .. "(Western choices can still shape it) is claim-responsive-to-western-policy." }

claim { id = "claim-security-element-robust",
  text = "Defence cooperation and joint exercises give the partnership a "
    .. "solid security dimension that feeds talk of an emerging alliance and "
    .. "should be taken seriously.",
  about = { "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "security", "defense", "alliance" },
  evidence = { "The relationship also contains a robust security element in defense cooperation and joint military drills",
               "This should not be underestimated" } }

claim { id = "claim-known-irritants",
  text = "Well-known frictions persist, notably the widening power gap between "
    .. "the two and China's expanding economic reach into post-Soviet Central "
    .. "Asia.",
  about = { "china", "russia", "central-asia" }, horizon = "long",
  estimative = nil,
  topics = { "irritants", "asymmetry", "central-asia" },
  evidence = { "from the growing power gap between both sides to" } }

claim { id = "claim-agenda-us-centred",
  text = "The joint agenda is at its most concrete where it opposes U.S. "
    .. "actions, which shows that it reacts rather than initiates and that "
    .. "relations with Washington still dominate strategic thinking in both "
    .. "capitals.",
  about = { "joint-statement", "united-states", "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "joint-statement", "reactive", "united-states" },
  evidence = { "is the most specific joint document wherever it positions itself against U.S. actions" } }

claim { id = "claim-western-assurances",
  text = "Because the partners' agenda is driven by their view of the U.S., "
    .. "Western reassurance could change how both perceive their external and "
    .. "internal security.",
  about = { "the-west", "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "western-policy", "assurances", "threat-perception" },
  evidence = { "This also creates opportunities for Western assurances to influence" } }

claim { id = "claim-counterweight-not-inevitable",
  text = "A Sino-Russian bloc opposing the West, or a return to rigid "
    .. "ideological camps, is possible but not bound to happen.",
  about = { "china", "russia", "the-west" }, horizon = "long",
  estimative = "not an unavoidable",
  topics = { "blocs", "world-order", "western-policy" },
  evidence = { "is not an unavoidable trend" },
  note = "Negated certainty asserts only that the outcome is open: the "
    .. "lexicon's possible band (doc/estimative.md, rule 3), not a band chosen "
    .. "by hand." }

claim { id = "claim-responsive-to-western-policy",
  text = "Whether such a counterweight emerges will probably depend strongly "
    .. "on what Western governments do.",
  about = { "the-west", "china", "russia" }, horizon = "long",
  estimative = "likely",
  topics = { "western-policy", "blocs" },
  evidence = { "it is likely to be highly responsive to Western policy choices",
               "but can still be influenced by Western policy choices" },
  note = "\"highly\" qualifies \"responsive\", not the probability. The "
    .. "sentence's recommendation (more attention to Chinese and Russian "
    .. "perceptions) is not a claim." }

------------------------------------------------------------------------------
-- Scenarios raised by others and rejected
------------------------------------------------------------------------------

claim { id = "claim-shield-scenario-unlikely",
  text = "The feared scenario in which Chinese cover from sanctions "
    .. "emboldens Russia to attack is not expected to come about.",
  about = { "china", "russia", "the-west" }, horizon = "short",
  estimative = "unlikely", denies = true,
  topics = { "sanctions", "scenarios", "rejected" },
  evidence = { "with commentaries warning that Chinese backing could embolden Russia into military action",
               "Such extreme scenarios are unlikely to materialize" },
  note = "\"unlikely\" grades the shield scenario; the text denies it, so the band is the "
    .. "complement of unlikely: the probability that the text is true." }

claim { id = "claim-taiwan-spillover-unlikely",
  text = "The idea that a U.S.-Russian clash over Ukraine would prompt China "
    .. "to seize Taiwan by force is an extreme scenario that is not expected "
    .. "to occur.",
  about = { "china", "taiwan", "united-states", "russia" }, horizon = "short",
  estimative = "unlikely", denies = true,
  topics = { "taiwan", "scenarios", "rejected" },
  evidence = { "might even encourage China to pursue military reunification with Taiwan",
               "Such extreme scenarios are unlikely to materialize" },
  note = "\"unlikely\" grades the Taiwan spillover; the text denies it, so the band is the "
    .. "complement of unlikely: the probability that the text is true." }

claim { id = "claim-parallel-attack-far-less-likely",
  text = "A coordinated simultaneous assault on Ukraine and Taiwan meant to "
    .. "overstretch American defence commitments is even less probable than "
    .. "the shift the UN vote may show.",
  about = { "china", "russia", "ukraine", "taiwan", "united-states" }, horizon = "short",
  estimative = nil,
  topics = { "taiwan", "joint-action", "scenarios", "rejected" },
  evidence = { "would amount to a parallel attack on both Ukraine and Taiwan" },
  note = "\"still far less likely\" is a comparative whose reference has no "
    .. "probability in the text: no band." }

claim { id = "claim-no-joint-action-ukraine",
  text = "Closer alignment is not expected to produce joint Sino-Russian "
    .. "action on Ukraine specifically.",
  about = { "china", "russia", "ukraine" }, horizon = "short",
  estimative = "unlikely", denies = true,
  topics = { "joint-action", "ukraine", "rejected" },
  evidence = { "is unlikely to result in joint action over the specific issue of Ukraine" },
  note = "\"unlikely\" grades joint action on Ukraine; the text denies it, so the band is the "
    .. "complement of unlikely: the probability that the text is true." }

claim { id = "claim-no-coordinated-stance",
  text = "The structural reasons for cooperation do not carry over to the "
    .. "crisis: they yield neither a NATO-style common line on Ukraine nor "
    .. "Chinese backing in a war.",
  about = { "china", "russia", "ukraine", "nato" }, horizon = "short",
  estimative = nil,
  topics = { "ukraine", "joint-action", "limits" },
  evidence = { "this logic should not be extrapolated to the current crisis" } }

claim { id = "claim-adventurism-contradicts-principles",
  text = "Endorsing a Russian military gamble would run against China's "
    .. "established diplomatic principles and against the joint agenda itself.",
  about = { "china", "russia", "joint-statement" }, horizon = "short",
  estimative = nil,
  topics = { "norms", "sovereignty", "ukraine" },
  evidence = { "support for military adventurism would contradict both its long-standing diplomatic principles" } }

claim { id = "claim-china-interests-complex",
  text = "China does not treat Ukraine as a mere chip in its dealings with "
    .. "Russia; its interests there are considerably more varied.",
  about = { "china", "ukraine", "russia" }, horizon = "short",
  estimative = nil,
  topics = { "ukraine", "china-interests" },
  evidence = { "Chinese interests in Ukraine are far more complex than seeing it as a mere bargaining chip" } }

------------------------------------------------------------------------------
-- China's position on the Ukraine crisis
------------------------------------------------------------------------------

claim { id = "claim-unsc-shift-limited",
  text = "Voting with Russia against a Security Council debate can look like a "
    .. "departure from China's 2014 abstention, but no military action has yet "
    .. "happened, so the comparison is weak.",
  about = { "china", "russia", "unsc", "crimea" }, horizon = "short",
  estimative = nil,
  topics = { "unsc", "ukraine", "diplomacy" },
  evidence = { "This may be seen as a shift from China", "the obvious difference is that no military action has yet taken place" },
  note = "\"may be seen\" concedes a reading; the judgment itself (the shift "
    .. "is slight) is stated flatly." }

claim { id = "claim-us-reorientation-long-view",
  text = "Some Chinese strategists might welcome a U.S. turn towards Europe, "
    .. "but that is a long-range calculation, not a reason to treat the "
    .. "crisis as a chance to invade Taiwan.",
  about = { "china", "united-states", "europe", "taiwan" }, horizon = "long",
  estimative = nil,
  topics = { "taiwan", "united-states", "china-interests" },
  evidence = { "this is a much longer-term view than treating Ukraine as an immediate opportunity" },
  note = "The sentence's \"may\" belongs to the strategists' reported view "
    .. "(\"a number of Chinese strategists may welcome\"); the authors' "
    .. "judgment on it is stated flatly." }

claim { id = "claim-little-appetite-shielding",
  text = "Beijing shows small interest in protecting Moscow from the fallout, "
    .. "for example by undercutting Western sanctions.",
  about = { "china", "russia", "the-west" }, horizon = "short",
  estimative = "seems",
  topics = { "sanctions", "economy" },
  evidence = { "there also seems to be little appetite for shielding Moscow from its consequences" },
  note = "\"seems\" is an evidential verb: the writers commit to more likely than not." }

claim { id = "claim-dedollarization-long-term",
  text = "Both may have a long-run stake in becoming less dependent on a "
    .. "financial system centred on the U.S.",
  about = { "china", "russia", "united-states" }, horizon = "long",
  estimative = "may",
  topics = { "finance", "economy" },
  evidence = { "both sides may share a long-term interest in reducing their dependence on a U.S.-centric financial system" },
  note = "A bare modal: the band is the whole \"possible\" range (0.01-0.99)." }

claim { id = "claim-secondary-sanctions-vulnerable",
  text = "For now China's larger trade with the U.S. and the EU leaves it "
    .. "highly exposed to secondary sanctions.",
  about = { "china", "united-states", "eu" }, horizon = "short",
  estimative = nil,
  topics = { "sanctions", "trade", "economy" },
  evidence = { "make it acutely vulnerable to secondary sanctions" } }

claim { id = "claim-support-jeopardizes-interests",
  text = "Backing Russia's Ukraine policy could damage China's own trade, "
    .. "investment and transit interests in Ukraine.",
  about = { "china", "russia", "ukraine", "bri" }, horizon = "short",
  estimative = "might",
  topics = { "ukraine", "trade", "investment", "china-interests" },
  evidence = { "might also jeopardize its own interests in the country" },
  note = "A bare modal: the band is the whole \"possible\" range (0.01-0.99)." }

claim { id = "claim-position-unchanged",
  text = "China's stance on Ukraine has hardly moved since 2014: it stays out "
    .. "of the conflict, calls for a negotiated settlement and neither backs "
    .. "nor criticises Russia.",
  about = { "china", "ukraine", "russia", "ukraine-crisis-2014" }, horizon = "short",
  estimative = nil,
  topics = { "ukraine", "neutrality", "diplomacy" },
  evidence = { "a Chinese position on Ukraine that has essentially remained unchanged since 2014" } }

claim { id = "claim-contradictory-impulses",
  text = "That stance reflects conflicting pulls: sympathy with Russia and a "
    .. "common view that Western interference caused the crisis, against the "
    .. "recognition that Russia's conduct threatens China's core norms of "
    .. "sovereignty and territorial integrity.",
  about = { "china", "russia", "the-west", "ukraine" }, horizon = "short",
  estimative = nil,
  topics = { "norms", "sovereignty", "ukraine" },
  evidence = { "This is born of a mixture of contradictory impulses and interests",
               "an awareness that Russia" } }

------------------------------------------------------------------------------
-- The joint statement and the world order
------------------------------------------------------------------------------

claim { id = "claim-new-battle-line-possible",
  text = "Even without joint action on Ukraine, the alignment may matter by "
    .. "marking a new divide between rival visions of global order.",
  about = { "china", "russia" }, horizon = "long",
  estimative = "may",
  topics = { "world-order", "norms", "blocs" },
  evidence = { "it may still be significant in drawing a new battle line over contending global orders" },
  note = "A bare modal: the band is the whole \"possible\" range (0.01-0.99)." }

claim { id = "claim-statement-not-alliance",
  text = "The joint statement is no charter for a formal alliance and still "
    .. "less a licence for imminent military adventures.",
  about = { "joint-statement", "china", "russia" }, horizon = "both",
  estimative = nil,
  topics = { "joint-statement", "alliance" },
  evidence = { "the document cannot be read as a blueprint for a formal alliance" } }

claim { id = "claim-core-interests-unspecified",
  text = "The statement pledges support for each side's core interests without "
    .. "naming them: Ukraine and Crimea are absent, and China still does not "
    .. "recognise the annexation.",
  about = { "joint-statement", "ukraine", "crimea", "china" }, horizon = "short",
  estimative = nil,
  topics = { "joint-statement", "ukraine", "crimea" },
  evidence = { "but rarely spells them out" } }

claim { id = "claim-nato-paragraph-biggest-get",
  text = "Russia's main gain from the text is probably its paragraph against "
    .. "further NATO enlargement, matched by Chinese worries about AUKUS.",
  about = { "russia", "nato", "china", "aukus", "joint-statement" }, horizon = "both",
  estimative = "probably",
  topics = { "joint-statement", "nato", "alliances" },
  evidence = { "in the text is probably a paragraph voicing opposition to further NATO expansion" },
  note = "The sentence's flat second judgment (neither side commits to any "
    .. "action) is claim-no-commitments." }

claim { id = "claim-no-commitments",
  text = "The statement commits neither side to any action in response to "
    .. "NATO's or the U.S.-led alliances' expansion.",
  about = { "joint-statement", "china", "russia", "nato" }, horizon = "both",
  estimative = nil,
  topics = { "joint-statement", "alliance" },
  evidence = { "however, neither side commits to any actions in response" } }

claim { id = "claim-statement-defensive",
  text = "Most of the statement is a defensive restatement of principles and "
    .. "a rebuttal of parts of the Western agenda, opening with a bid to "
    .. "de-Westernize the meaning of democracy.",
  about = { "joint-statement", "the-west", "united-states" }, horizon = "long",
  estimative = nil,
  topics = { "joint-statement", "democracy", "norms" },
  evidence = { "the bulk of the text is devoted to a largely defensive statement of principles",
               "its first section is devoted to de-Westernizing the concept of" } }

claim { id = "claim-democracy-critique-triggered",
  text = "The statement's attack on Western democracy discourse is plainly a "
    .. "reaction to the U.S. Summit for Democracy.",
  about = { "joint-statement", "summit-for-democracy", "united-states" }, horizon = "long",
  estimative = nil,
  topics = { "democracy", "reactive" },
  evidence = { "This critique is clearly triggered by the recent U.S.-sponsored" },
  note = "\"clearly\" marks confidence but is on no probability scale." }

claim { id = "claim-reflects-chinese-rhetoric",
  text = "Its stress on strict sovereignty and non-interference echoes Chinese "
    .. "rather than Russian rhetoric, since Moscow has borrowed Western R2P and "
    .. "self-determination language to justify its own interventions.",
  about = { "joint-statement", "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "sovereignty", "norms", "asymmetry" },
  evidence = { "it reflects Chinese more than Russian rhetoric" } }

claim { id = "claim-security-concepts-little-uptake",
  text = "The \"indivisible\" and \"inclusive\" security concepts offered "
    .. "as substitutes for U.S.-centred alliances have found little support.",
  about = { "joint-statement", "united-states" }, horizon = "long",
  estimative = nil,
  topics = { "security-order", "alliances" },
  evidence = { "which, however, have seen little uptake in an era marked by power shifts" } }

claim { id = "claim-reactive-not-revisionist",
  text = "The text seeks to turn back the clock rather than to overturn the "
    .. "present world order aggressively.",
  about = { "joint-statement", "china", "russia" }, horizon = "long",
  estimative = nil,
  topics = { "reactive", "world-order" },
  evidence = { "not an aggressive agenda for revising the current world order" } }

claim { id = "claim-asymmetry-complicates-alliance",
  text = "The predominance of Chinese concepts in the statement signals a "
    .. "widening imbalance between the partners that would make a lasting "
    .. "alliance harder.",
  about = { "china", "russia", "joint-statement" }, horizon = "long",
  estimative = "hinting at",
  topics = { "asymmetry", "alliance" },
  evidence = { "hinting at the growing asymmetry between both sides",
               "mainly reflects growing Chinese capabilities" },
  note = "\"hinting at\" marks evidence that points to a reading: an "
    .. "evidential, read as likely like \"seems\" (doc/estimative.md)." }

claim { id = "claim-muted-chinese-reaction",
  text = "Chinese media responded coolly, treating Russia as a source of "
    .. "energy rather than an ideological ally.",
  about = { "china", "russia", "gas-deal-2022" }, horizon = "long",
  estimative = nil,
  topics = { "asymmetry", "economy", "media" },
  evidence = { "much more muted media reaction in China" } }

claim { id = "claim-russia-values-alignment",
  text = "For Russia closeness to China pays off in both timeframes: verbal "
    .. "backing on Ukraine and NATO, and relief from the image of isolation.",
  about = { "russia", "china", "nato", "ukraine" }, horizon = "both",
  estimative = nil,
  topics = { "russia-interests", "isolation", "economy" },
  evidence = { "it is easy to see the value of closer alignment with China over both timeframes" },
  note = "The sentence's hedged third value is claim-economic-lifeline." }

claim { id = "claim-economic-lifeline",
  text = "For Russia, China may become an alternative economic lifeline.",
  about = { "russia", "china" }, horizon = "both",
  estimative = "may",
  topics = { "russia-interests", "economy", "sanctions" },
  evidence = { "it may amount to an alternative economic lifeline" },
  note = "A bare modal: the band is the whole \"possible\" range (0.01-0.99). "
    .. "Split from claim-russia-values-alignment: one sentence, two hedges." }

claim { id = "claim-fundamental-drivers",
  text = "Deep-seated factors push cooperation forward: common "
    .. "normative views, a shared sense of being contained by the U.S., "
    .. "complementary economies and joint projects, above all in Central Asia.",
  about = { "china", "russia", "united-states", "central-asia" }, horizon = "long",
  estimative = nil,
  topics = { "drivers", "norms", "economy", "central-asia" },
  evidence = { "There certainly are fundamental reasons that drive Sino-Russian cooperation further" },
  note = "\"certainly\" is concessive (\"There certainly are ... However\"): a "
    .. "conviction adverb, not an estimate, like \"clearly\"; stated flatly." }
