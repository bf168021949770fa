-- The rules of the forecasts of kb/forecasts.lua and kb/resolutions.lua:
-- facts about the coding, not records of the KB (the build does not load
-- this file; spec/forecasts_data_spec.lua checks the records against it;
-- doc/forecasts.md explains them).
--
-- publication   { date, why }                  the date every forecast opens
-- horizon_rule  { horizon, resolves_by, why }  one per claim horizon
-- definition    { id, text }                   a test several forecasts share
-- not_forecast  { claim, reason }              a claim that is not forward-looking
-- outcome_value { outcome, value, why }        how an outcome is scored
-- cameo_code    { code, name, goldstein }      a CAMEO code the events after
--                                              publication use (kb/events.lua)
--
-- outcome_value must give the values of sinorus.scores (doc/scoring.md);
-- spec/forecasts_data_spec.lua checks that they do.

publication { date = "2022-02-19",
  why = "The edition in ../shared/corpus quotes Wang Yi's words at Munich on "
    .. "2022-02-19 (\"Ukraine is no exception\"; EVENTS.md, HINDSIGHT.md), so "
    .. "its text cannot be older; the blog version (data/source.lua) is dated "
    .. "2022-02-18. The text also says no military action has yet taken "
    .. "place, so it predates 2022-02-24. No row of HINDSIGHT.md falls between "
    .. "2022-02-19 and 2022-02-24, so no outcome depends on the choice." }

horizon_rule { horizon = "short", resolves_by = "2023-02-19",
  why = "One year after publication. The article's short term is the current "
    .. "crisis; five days later it became a war, and a year covers the "
    .. "invasion, the first Western sanctions and China's first answers to "
    .. "them (its UN votes, a full year of trade) without stretching the "
    .. "crisis into the long term." }

horizon_rule { horizon = "long", resolves_by = "2024-12-31",
  why = "The end of HINDSIGHT.md's data window (2022-2024). A later deadline "
    .. "(five years) would leave every long forecast 'not yet' except those "
    .. "already true, and resolving yes early but no only at a deadline "
    .. "beyond the data would bias the scorecard towards events that "
    .. "happened. The cost: 'long term' is judged on under three years, and "
    .. "doc/forecasts.md says so beside every long outcome." }

horizon_rule { horizon = "both", resolves_by = "2024-12-31",
  why = "A judgment stated for both timeframes is complete only when the "
    .. "long one ends; its short-term part is judged on the same evidence, "
    .. "which lies inside the long window." }

------------------------------------------------------------------------------
-- Shared tests (one owner each; forecasts name them in `uses`)
------------------------------------------------------------------------------

definition { id = "def-military-support",
  text = "China gives Russia military support in its war against Ukraine when "
    .. "the Chinese state supplies Russia with weapons or ammunition, or "
    .. "Chinese forces take part in military action against Ukraine. Counts: "
    .. "an official statement of a government or alliance that such supplies "
    .. "or participation took place. Does not count: dual-use goods, machine "
    .. "tools and components sold by companies in China (they fall under "
    .. "def-shielding); joint exercises or patrols away from Ukraine (they are "
    .. "not action in the war). Absence is shown by an official statement of "
    .. "a government that watches for such supplies that none has been seen, "
    .. "covering the period in question." }

definition { id = "def-shielding",
  text = "China shields Russia from the consequences of Western sanctions when, "
    .. "while those sanctions are in force, (i) China-Russia trade grows year "
    .. "on year by Chinese customs figures (China takes up trade the West cuts "
    .. "off), or (ii) entities in China supply Russia's military or "
    .. "military-industrial base as a Western government's listing or an "
    .. "official statement documents, or (iii) the Chinese state takes "
    .. "measures that offset the sanctions (state credit, payment channels "
    .. "built around them). Any one suffices. Does not count: statements "
    .. "against sanctions alone (rhetorical support). Reports that Chinese "
    .. "banks or firms avoid Russian business for fear of sanctions limit "
    .. "shielding but do not undo what (i)-(iii) show. Known weakness of (i): "
    .. "trade values include price effects; the customs figure is used as "
    .. "reported." }

definition { id = "def-joint-action",
  text = "China and Russia take joint action over Ukraine when they act "
    .. "together on it: a joint military operation, Chinese military support "
    .. "(def-military-support), a joint economic programme declared as an "
    .. "answer to the sanctions over Ukraine, or a joint initiative or "
    .. "declaration of both governments on Ukraine. Does not count: voting "
    .. "the same way in a UN body (the article, published after China joined "
    .. "Russia against a Security Council debate, still treats joint action as "
    .. "unlikely, so a shared vote is below its threshold); summits and joint "
    .. "statements whose record does not address Ukraine; exercises away from "
    .. "Ukraine." }

definition { id = "def-un-votes",
  text = "The UN votes on the war are those HINDSIGHT.md records: Security "
    .. "Council draft S/2022/155 and resolution 2623, and General Assembly "
    .. "resolutions ES-11/1, ES-11/2, ES-11/3, ES-11/4 and ES-11/6. China "
    .. "votes with Russia when it votes against a measure that criticises or "
    .. "sanctions Russia (the rows do not always give Russia's own vote); an "
    .. "abstention is not a vote with Russia." }

definition { id = "def-endorsement",
  text = "China endorses Russia's war when it votes against a UN text that "
    .. "criticises the aggression, its consequences or the annexations "
    .. "(S/2022/155, ES-11/1, ES-11/2, ES-11/4, ES-11/6), recognises an "
    .. "annexation, or calls the invasion justified in an official document. "
    .. "A vote against a measure that sanctions Russia institutionally "
    .. "(ES-11/3, the suspension from the Human Rights Council) is diplomatic "
    .. "support, not endorsement of the war." }

------------------------------------------------------------------------------
-- Not forward-looking: judgments of the present or past, readings of the
-- joint statement, causal readings. Rule: a claim is forward-looking when
-- its sentence judges a state of affairs after publication (future tense, a
-- hedge on a future outcome, or a scenario it rejects).
------------------------------------------------------------------------------

not_forecast { claim = "claim-pressure-main-driver",
  reason = "A causal reading of the present (\"is mainly driven by\")." }
not_forecast { claim = "claim-interests-diverge-on-cases",
  reason = "A standing generalisation (\"tend to diverge\"); its forward "
    .. "implications are fc-cooperation-limited and the joint-action forecasts." }
not_forecast { claim = "claim-relationship-rests-on-rapport",
  reason = "Describes the relationship \"so far\"." }
not_forecast { claim = "claim-security-element-robust",
  reason = "Describes what the relationship contains now; \"should not be "
    .. "underestimated\" is advice, not an estimate." }
not_forecast { claim = "claim-known-irritants",
  reason = "Names present irritants; the growing power gap is a trend "
    .. "described, not predicted." }
not_forecast { claim = "claim-agenda-us-centred",
  reason = "A reading of the joint statement." }
not_forecast { claim = "claim-china-interests-complex",
  reason = "Describes China's present interests in Ukraine." }
not_forecast { claim = "claim-unsc-shift-limited",
  reason = "Interprets a vote of January 2022 against 2014. (China's "
    .. "abstentions after the invasion bear on it; they are ACH items.)" }
not_forecast { claim = "claim-us-reorientation-long-view",
  reason = "Characterises some Chinese strategists' view; its observable "
    .. "implication (no attack on Taiwan) is fc-taiwan-spillover." }
not_forecast { claim = "claim-secondary-sanctions-vulnerable",
  reason = "States a present vulnerability (\"at present\"). (Chinese banks' "
    .. "retreat in 2024 bears on it; an ACH item.)" }
not_forecast { claim = "claim-position-unchanged",
  reason = "Describes China's position from 2014 to publication." }
not_forecast { claim = "claim-contradictory-impulses",
  reason = "Explains the present position." }
not_forecast { claim = "claim-statement-not-alliance",
  reason = "A reading of the joint statement (what it can be read as); "
    .. "whether an alliance followed is fc-no-alliance." }
not_forecast { claim = "claim-core-interests-unspecified",
  reason = "A reading of the joint statement." }
not_forecast { claim = "claim-nato-paragraph-biggest-get",
  reason = "A reading of the joint statement; \"probably\" grades the "
    .. "reading, not a future event." }
not_forecast { claim = "claim-statement-defensive",
  reason = "A reading of the joint statement." }
not_forecast { claim = "claim-democracy-critique-triggered",
  reason = "A causal reading of the past." }
not_forecast { claim = "claim-reflects-chinese-rhetoric",
  reason = "A reading of the joint statement." }
not_forecast { claim = "claim-security-concepts-little-uptake",
  reason = "Describes the past uptake of security concepts." }
not_forecast { claim = "claim-reactive-not-revisionist",
  reason = "A reading of the joint statement's agenda." }
not_forecast { claim = "claim-muted-chinese-reaction",
  reason = "Reports the past reaction of Chinese media." }
not_forecast { claim = "claim-no-commitments",
  reason = "Reads what the joint statement says (it commits neither side)." }
not_forecast { claim = "claim-fundamental-drivers",
  reason = "Asserts that drivers exist now (\"There certainly are\"); their "
    .. "forward effect is fc-long-term-deepening." }

outcome_value { outcome = "yes", value = 1,
  why = "The proposition held." }
outcome_value { outcome = "no", value = 0,
  why = "The proposition failed." }
outcome_value { outcome = "partly", value = 0.5,
  why = "Some asserted parts held and some failed. Half credit costs a "
    .. "confident forecaster more than an even one and keeps the mixed "
    .. "outcomes, the ones that matter most here, in the scores; dropping "
    .. "them would score only the clear cases. The scorecard also reports "
    .. "the scores with partly counted as 0 and as 1, so a reader sees how "
    .. "much the rule matters." }

------------------------------------------------------------------------------
-- The CAMEO codes used here, with their Goldstein weights
------------------------------------------------------------------------------

cameo_code { code = "020",  name = "Make an appeal or request, not specified below", goldstein = 3.0 }
cameo_code { code = "027",  name = "Appeal to others to settle dispute",             goldstein = 4.0 }
cameo_code { code = "041",  name = "Discuss by telephone",                           goldstein = 1.0 }
cameo_code { code = "042",  name = "Make a visit",                                   goldstein = 1.9 }
cameo_code { code = "044",  name = "Meet at a 'third' location",                     goldstein = 2.5 }
cameo_code { code = "061",  name = "Cooperate economically",                         goldstein = 6.4 }
cameo_code { code = "062",  name = "Cooperate militarily",                           goldstein = 7.4 }
cameo_code { code = "111",  name = "Criticize or denounce",                          goldstein = -2.0 }
cameo_code { code = "112",  name = "Accuse, not specified below",                    goldstein = -2.0 }
cameo_code { code = "120",  name = "Reject, not specified below",                    goldstein = -4.0 }
cameo_code { code = "129",  name = "Veto",                                           goldstein = -5.0 }
cameo_code { code = "160",  name = "Reduce relations, not specified below",          goldstein = -4.0 }
cameo_code { code = "163",  name = "Impose embargo, boycott, or sanctions",          goldstein = -8.0 }
cameo_code { code = "190",  name = "Use conventional military force, not specified below", goldstein = -10.0 }
