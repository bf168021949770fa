-- Resolutions: how each forecast of forecasts.lua came out, on the event
-- records of events.lua dated after publication (record type `resolution`,
-- sinorus.model, whose id is its forecast's; loaded by the build;
-- spec/forecasts_data_spec.lua checks them; doc/forecasts.md explains the
-- rules).
--
-- resolution { id, outcome, resolved, events, against, components,
--              awaiting, reason }
--
-- THE RULES (the same for every forecast)
--
-- Outcomes. yes: the proposition is true by its deadline; no: it is false;
-- partly: see below; not_yet: not settled by the stored sources, either
-- because the deadline lies after the data window (awaiting = "date") or
-- because no stored source speaks to it (awaiting = "source": the corpus's
-- silence is never read as "no"); unresolvable: no source could settle it.
--
-- "Partly". Only a forecast with `components` can come out partly. Each
-- component resolves yes or no on its own, by the forecast's criteria; the
-- outcome is yes when every component is yes, no when every component is
-- no, and partly otherwise. A forecast without components is yes or no (a
-- discrete scenario whose conditions do not all hold is no, not partly).
-- For scoring, partly counts as an outcome of 0.5 (the rule of sinorus.scores; ../hindsight_rules.lua gives the reasons), in
-- the Brier score, the log score and the observed frequency of the
-- calibration table alike.
--
-- The resolved date. `events` are the records the outcome rests on; their
-- latest date (a partial date counts as the last day of its period: "2024"
-- is 2024-12-31) is when the sources settle it. An outcome that can come
-- before the deadline (yes on an "occurs" proposition, no on a "holds" one)
-- is resolved on that date, which must fall by the deadline; any other
-- outcome (no on "occurs", yes on "holds", partly) needs the whole window and
-- is resolved on the later of the deadline and that date. A source may be
-- published after the deadline if it speaks of the window (the U.S.
-- statement of 2024-05-22 that no Chinese weapons have been seen covers the
-- war from its start).
--
-- `against` lists events that point the other way without changing the
-- outcome under the criteria; they are shown to the reader and do not move
-- the resolved date.

------------------------------------------------------------------------------
-- Short term (deadline 2023-02-19)
------------------------------------------------------------------------------

resolution { id = "fc-cooperation-limited", outcome = "partly",
  resolved = "2024-05-22",
  components = { a = "yes", b = "yes", c = "no" },
  events = { "hs-us-no-real-weapons", "hs-unsc-veto", "hs-unsc-2623",
             "hs-unga-es11-1", "hs-unga-es11-2", "hs-unga-es11-3",
             "hs-unga-es11-4", "hs-trade-2022", "hs-entity-list-2022" },
  reason = "No Chinese weapons were seen and China sided with Russia in one "
    .. "of the six UN votes of the window (against the Human Rights Council "
    .. "suspension, counted as with Russia although the row gives only "
    .. "China's vote); but trade grew 29.3% in 2022 and U.S. listings named "
    .. "companies in China supplying Russia's military, so the economic form "
    .. "of weighing in was not held back." }

resolution { id = "fc-support-rhetorical", outcome = "partly",
  resolved = "2024-05-22",
  components = { a = "yes", b = "no", c = "yes" },
  events = { "hs-us-no-real-weapons", "hs-trade-2022", "hs-entity-list-2022",
             "hs-unsc-veto", "hs-unga-es11-1", "hs-unga-es11-2",
             "hs-unga-es11-3", "hs-unga-es11-4" },
  reason = "China supplied no weapons and never voted against a UN text "
    .. "criticising the war (it abstained; its vote against the suspension is "
    .. "diplomatic support, not endorsement), but the 2022 trade surge and the "
    .. "entity listings show support beyond words." }

resolution { id = "fc-joint-action-cases", outcome = "no",
  resolved = "2024-05-22",
  events = { "hs-us-no-real-weapons", "hs-unsc-veto", "hs-unga-es11-1",
             "hs-unga-es11-4", "hs-samarkand" },
  reason = "No form of joint action appears: no Chinese weapons, abstentions "
    .. "instead of a common line in the UN, and by September 2022 Putin "
    .. "publicly acknowledged China's \"questions and concerns\" about "
    .. "Ukraine." }

resolution { id = "fc-no-joint-action-ukraine", outcome = "no",
  resolved = "2024-05-22",
  events = { "hs-us-no-real-weapons", "hs-unsc-veto", "hs-unga-es11-1",
             "hs-unga-es11-4", "hs-samarkand" },
  reason = "The same event as fc-joint-action-cases, with the same sources: "
    .. "closer alignment did not produce joint action over Ukraine." }

resolution { id = "fc-shield-scenario", outcome = "yes",
  resolved = "2023-01-13",
  events = { "hs-invasion", "hs-trade-2022", "hs-entity-list-2022" },
  against = { "hs-banks-restrict" },
  reason = "Russia invaded on 2022-02-24 and, under def-shielding, China "
    .. "shielded it: trade grew 29.3% in the first sanctions year and "
    .. "companies in China were listed for supplying Russia's military. "
    .. "Whether the prospect of that backing emboldened Moscow is not part "
    .. "of the proposition and no source shows it." }

resolution { id = "fc-taiwan-spillover", outcome = "not_yet",
  awaiting = "source", events = {},
  reason = "No row of HINDSIGHT.md speaks to China's military conduct "
    .. "towards Taiwan; the outcome needs a stored source on it (a "
    .. "government's assessment for 2022-23 would do)." }

resolution { id = "fc-parallel-attack", outcome = "not_yet",
  awaiting = "source", events = { "hs-invasion" },
  reason = "Russia's half of the scenario happened on 2022-02-24, but no row "
    .. "speaks to China's conduct towards Taiwan, which the other half "
    .. "needs." }

resolution { id = "fc-no-coordinated-stance", outcome = "yes",
  resolved = "2024-05-22",
  components = { a = "yes", b = "yes" },
  events = { "hs-us-no-real-weapons", "hs-unsc-veto", "hs-unsc-2623",
             "hs-unga-es11-1", "hs-unga-es11-2", "hs-unga-es11-3",
             "hs-unga-es11-4", "hs-samarkand" },
  reason = "China abstained in five of the six UN votes of the window and "
    .. "took no joint action with Russia, and no Chinese weapons were seen: "
    .. "neither a NATO-style common line nor backing in the war." }

resolution { id = "fc-no-shielding", outcome = "no",
  resolved = "2023-01-13",
  events = { "hs-entity-list-2022", "hs-trade-2022" },
  reason = "Two forms of def-shielding are shown inside the window: U.S. "
    .. "listings of companies in China supplying Russia's military (June "
    .. "2022, a row checked only partly) and 29.3% trade growth in 2022." }

------------------------------------------------------------------------------
-- Long term and both (deadline 2024-12-31)
------------------------------------------------------------------------------

resolution { id = "fc-long-term-deepening", outcome = "yes",
  resolved = "2024-05-16",
  events = { "hs-joint-bomber-patrol", "hs-trade-2022", "hs-xi-moscow",
             "hs-trade-2023", "hs-putin-beijing-2024", "hs-national-currencies" },
  against = { "hs-banks-restrict", "hs-pos2-unsigned" },
  reason = "Cooperation deepened in all four fields the sources cover: joint "
    .. "bomber patrols, trade up 29.3% and 26.3%, two state visits with "
    .. "statements deepening the partnership, and most payments moved to "
    .. "rubles and yuan; the fields the article names (UN, cybersecurity, "
    .. "connectivity) have no row." }

resolution { id = "fc-long-term-alignment", outcome = "yes",
  resolved = "2024-12-31",
  events = { "hs-xi-moscow", "hs-putin-beijing-2024", "hs-unsc-veto",
             "hs-unga-es11-1", "hs-unga-es11-2", "hs-unga-es11-3",
             "hs-unga-es11-4", "hs-unga-es11-6" },
  reason = "Two head-of-state visits (2023, 2024) produced statements "
    .. "deepening the partnership, and China never voted for a UN text "
    .. "criticising the war. Judged on under three years: the article's long "
    .. "term may be longer." }

resolution { id = "fc-counterweight", outcome = "partly",
  resolved = "2024-12-31",
  components = { a = "no", b = "yes", c = "yes" },
  events = { "hs-unsc-veto", "hs-unsc-2623", "hs-unga-es11-1", "hs-unga-es11-2",
             "hs-unga-es11-3", "hs-unga-es11-4", "hs-unga-es11-6",
             "hs-xi-moscow", "hs-putin-beijing-2024", "hs-nato-decisive-enabler" },
  reason = "The two renewed their agenda at the top and NATO named China a "
    .. "\"decisive enabler\" of Russia's war, but China voted with Russia in "
    .. "only one of the seven UN votes recorded: a camp in the making, not a "
    .. "formed bloc." }

resolution { id = "fc-national-currencies", outcome = "yes",
  resolved = "2024-05-16",
  events = { "hs-national-currencies" },
  reason = "Putin put the share of payments in rubles and yuan at 90% in May "
    .. "2024; the figure depends on the source (the row is checked only "
    .. "partly), but every official figure it cites, from April 2023 on, is "
    .. "above half." }

resolution { id = "fc-no-alliance", outcome = "yes",
  resolved = "2024-12-31",
  events = { "hs-xi-moscow", "hs-putin-beijing-2024" },
  reason = "The 2023 and 2024 summit statements describe a comprehensive "
    .. "strategic partnership, and no row reports a treaty or a document "
    .. "calling the relationship an alliance." }

resolution { id = "fc-value-for-russia", outcome = "yes",
  resolved = "2024-05-16",
  components = { a = "yes", b = "yes" },
  events = { "hs-unga-es11-3", "hs-china-position-paper", "hs-xi-moscow",
             "hs-putin-beijing-2024" },
  reason = "China voted against suspending Russia and called for an end to "
    .. "unilateral sanctions, and exchanged state visits with it." }

resolution { id = "fc-economic-lifeline", outcome = "yes",
  resolved = "2023-01-13",
  events = { "hs-trade-2022" },
  against = { "hs-banks-restrict", "hs-pos2-unsigned" },
  reason = "China-Russia trade grew 29.3% in 2022, the first sanctions year "
    .. "(and again in 2023), though banks retreated in 2024 and the Power of "
    .. "Siberia 2 deal stalled." }

------------------------------------------------------------------------------
-- Forward-looking claims that no proposition can resolve (forecasts.lua)
------------------------------------------------------------------------------

resolution { id = "fc-western-assurances", outcome = "unresolvable",
  reason = "A capacity claim about a policy not tried in the corpus: it says "
    .. "Western assurances could change how China and Russia perceive their "
    .. "security. No row records such assurances, and perceptions are not "
    .. "observed events." }

resolution { id = "fc-responsive-to-western-policy", outcome = "unresolvable",
  reason = "A counterfactual: whether the emergence of a counterweight "
    .. "depends on Western choices can only be judged against the choices not "
    .. "made. One observed path cannot say no (more pressure with deeper "
    .. "alignment, and banks retreating after secondary sanctions, both fit "
    .. "it); those rows enter as ACH items instead." }

resolution { id = "fc-adventurism-contradicts-principles", outcome = "unresolvable",
  reason = "A conditional about consistency (support for military adventurism "
    .. "would contradict China's principles and the joint agenda): whether a "
    .. "policy contradicts a principle is an interpretation, not an event. "
    .. "China's conduct itself is resolved by fc-support-rhetorical." }

resolution { id = "fc-support-jeopardizes-interests", outcome = "unresolvable",
  reason = "A conditional whose antecedent (Chinese support for Russia's "
    .. "Ukraine policy) is itself in question, whose consequent (harm to "
    .. "China's trade, investment and transit interests in Ukraine) has no "
    .. "row in HINDSIGHT.md, and which the war itself would confound: any "
    .. "harm observed could not be told apart from the war's." }

resolution { id = "fc-new-battle-line-possible", outcome = "unresolvable",
  reason = "Vague: \"significant in drawing a new battle line over contending "
    .. "global orders\" names no threshold, and the rows give the later joint "
    .. "statements' titles, not their content on world order. The observable "
    .. "part, a camp against the West, is fc-counterweight." }
