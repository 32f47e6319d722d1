"""NL102 vague-attribution: flagged examples and traps."""

from __future__ import annotations

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.attribution import VagueAttribution


def test_flags_the_weasel_phrase():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid(
                "The strikes, which many view as a warning, went on for a week.",
                [at(1, 20, "many view")],
            ),
            Invalid("Critics say the budget hides a deficit.", [at(1, 1, "Critics say")]),
            Invalid("Some people believe the vote was rigged.", [at(1, 1, "Some people believe")]),
            Invalid("It is widely believed that the mayor will resign.", [at(1, 1, "It is widely believed")]),
            Invalid("The bridge is widely regarded as unsafe.", [at(1, 12, "is widely regarded as")]),
            Invalid("The senator has been described as a maverick.", [at(1, 13, "has been described as")]),
            Invalid("Experts say the dam cannot hold another flood.", [at(1, 1, "Experts say")]),
            Invalid("Studies show the drug works.", [at(1, 1, "Studies show")]),
            Invalid("The policy failed, according to critics.", [at(1, 20, "according to critics")]),
        ]
    )


def test_traps():
    RuleTester(VagueAttribution).run(
        valid=[
            # an expert named near it
            "Experts say the dam cannot hold another flood. “The concrete is cracked,” said Dr. Lena Holm, "
            "a hydrologist at the university.",
            # the crowd is inside a speaker's own words
            "“Many believe the vote was rigged,” said Ana Ortiz, the opposition leader.",
            # counted, not vague
            "Many of them failed to appear in the media.",
            "Some residents left before the storm.",
            # described by a named person
            "The plan has been described as reckless by Senator Ruiz.",
            # ordinary verbs after "many"/"some"
            "Many died in the fire, and some fled to the hills.",
        ]
    )


def test_quantifiers_make_a_crowd_only_as_a_subject():
    RuleTester(VagueAttribution).run(
        valid=[
            "The lawyers provided some suggested changes to the draft.",
            "Polls are a snapshot of how people feel right now.",
            "Baunach's research suggests the shift is not generational.",
            "This could be a pretty safe activity, our experts say.",
            "Some 97 percent of climate scientists agree.",
            "The speech did not make people view him in a new light.",
        ],
        invalid=[
            Invalid("Even though many say the deal is dead, talks go on.", [at(1, 13, "many say")]),
            Invalid("That message was needed, some say.", [at(1, 26, "some say")]),
        ],
    )


def test_positions_in_markdown_and_html():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid(
                "---\ntitle: Dam\n---\n\nThe dam, **critics say**, is unsafe.\n",
                [at(5, 12, "critics say")],
                suffix=".md",
            ),
            Invalid(
                "<html><body><p>The dam is unsafe.</p>\n<p>It is <em>widely believed</em> that it leaks.</p></body></html>\n",
                [at(2, 4, "It is <em>widely believed", message="“It is widely believed”")],
                suffix=".html",
                note="markup inside the phrase: the prose reads 'It is widely believed'",
            ),
        ]
    )


def test_every_crowd_is_found():
    phrases = [
        "Critics say", "Observers note", "Experts say", "Analysts say", "Commentators say", "Skeptics claim",
        "Sceptics claim", "Opponents say", "Supporters say", "Scientists say", "Historians argue",
        "Economists believe", "Pundits say", "Scholars say", "Lawmakers say",
        "Legislators say", "Others say", "Most think", "Few believe",
    ]  # fmt: skip
    phrases += ["Several analysts said", "A few critics said", "Research suggests", "Evidence suggests"]
    RuleTester(VagueAttribution).run(
        invalid=[Invalid(f"{p} the plan will fail.", [at(1, 1, p)]) for p in phrases]
    )


def test_unnamed_sources_are_left_to_nl2():
    RuleTester(VagueAttribution).run(valid=["The plan was shelved, according to sources."])


def test_names_owned_crowds_and_other_peoples_words_are_not_weasels():
    RuleTester(VagueAttribution).run(
        valid=[
            # a name, not a vague verb
            "The river is called the Nam Ting, and it is known as the Salween downstream.",
            "Figures gathered by the Institute for Labour Studies show that wages fell.",
            # owned or counted crowds
            "The governor's decision goes against what her own experts have said.",
            "The unions say data refute the claim, though their evidence suggests the cost is real.",
            "Only 9% of Ruiz supporters felt the debate changed their mind.",
            # a crowd measured by a survey
            "Most believe the economy is getting worse, according to a survey by the statistics office.",
            # inside what a named person said
            "Ruiz said recent studies show the bridge is safe.",
            "The mayor told reporters that many believe the tax is unfair.",
            # acting, not holding a view
            "Some have insisted on reading their statements in full.",
            "Republican lawmakers have insisted she appear before the committee.",
        ],
        invalid=[
            # the outlet's voice takes over from the speaker
            Invalid(
                "Ruiz has warned of the costs, even though studies show the plan saves money.",
                [at(1, 43, "studies show")],
            ),
            Invalid(
                "The mayor says the tax is fair, but critics say it hurts renters.",
                [at(1, 37, "critics say")],
            ),
            # "known that" is still a weasel
            Invalid("It is known that the mill poisoned the river.", [at(1, 1, "It is known")]),
            # a crowd the outlet sums up is still vague
            Invalid("Some lawmakers say the plan will fail.", [at(1, 1, "Some lawmakers say")]),
        ],
    )


def test_feelings_and_crowds_measured_just_before():
    RuleTester(VagueAttribution).run(
        valid=[
            "The furloughs hit hard, and even some lawmakers feel their pain.",
            "Eighty percent of members approve of the leader, a new poll shows. Most believe the party is "
            "heading the right way.",
        ],
        invalid=[
            Invalid("Some lawmakers feel the budget is too generous.", [at(1, 1, "Some lawmakers feel")]),
            Invalid(
                "The leader spoke for an hour. Most believe the party is heading the wrong way.",
                [at(1, 31, "Most believe")],
            ),
        ],
    )


def test_a_named_persons_supporters_are_still_a_crowd():
    RuleTester(VagueAttribution).run(
        valid=["The mayor's plan goes against what his experts have said for years."],
        invalid=[
            Invalid(
                "If Ruiz loses, many of his supporters say, they will leave the party.",
                [at(1, 16, "many of his supporters say")],
            )
        ],
    )


def test_more_of_the_weasel_family():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid("Analysts warned that the ceasefire would not hold.", [at(1, 1, "Analysts warned")]),
            Invalid("Critics charge that the audit was rigged.", [at(1, 1, "Critics charge")]),
            Invalid(
                "The mayor has called the plan a triumph -- though most analysts believe it is dead.",
                [at(1, 51, "most analysts believe")],
            ),
            Invalid("Advocates say the law still protects tenants.", [at(1, 1, "Advocates say")]),
            Invalid(
                "The reshuffle was seen by some as a demotion for the treasurer.",
                [at(1, 15, "was seen by some")],
            ),
            Invalid(
                "She is the candidate widely regarded as the favourite.", [at(1, 22, "widely regarded as")]
            ),
            # an unrelated person quoted next does not name the experts
            Invalid(
                "Experts say the levee will fail again. “We rebuilt it twice,” said Mayor Ana Ruiz.",
                [at(1, 1, "Experts say")],
            ),
        ],
        valid=[
            "Many worried about their jobs after the mill closed.",
            "The word became a flashpoint because it was claimed by Senator Ruiz in a speech.",
            "Diplomats shrugged off the outbursts because they generally thought she was fair to them.",
            "The president wants to reopen, even as his top experts say it will take months.",
            # the expert is named next
            "Experts say the levee will fail again. “The soil is too soft,” said Ana Ruiz, a hydrologist and "
            "professor at the state university.",
        ],
    )


def test_the_forms_a_crowd_takes():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid("Some councillors argue the levy is too low.", [at(1, 1, "Some councillors argue")]),
            Invalid("Critics of the plan say it was rushed.", [at(1, 1, "Critics of the plan say")]),
            Invalid(
                "Those who oppose the bill warn that fares will double.",
                [at(1, 1, "Those who oppose the bill warn")],
            ),
            Invalid("Some in the party feared a backlash.", [at(1, 1, "Some in the party feared")]),
            Invalid("Conservationists say the reef is dying.", [at(1, 1, "Conservationists say")]),
            Invalid(
                "A vocal faction — including two former mayors — argued the vote should wait.",
                [at(1, 1, "A vocal faction — including two former mayors — argued")],
            ),
            Invalid("Residents have complained about the noise.", [at(1, 1, "Residents have complained")]),
        ],
        valid=[
            # a count, an address, a category, testimony
            "Only 28 councillors signed the letter.",
            "Analysts at the Coastal Trade Institute said traffic would grow.",
            "A hotline has been set up for those who believe they were affected.",
            "Residents said they heard shots after midnight.",
            # a group the story named before
            "Analysts at Coastal Bank said traffic would grow. The analysts expect a surplus.",
        ],
    )


def test_views_with_no_one_holding_them():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid("The mayor is seen as the plan's champion.", [at(1, 11, "is seen as")]),
            Invalid("The pier is believed to be unsafe.", [at(1, 10, "is believed to be")]),
            Invalid("The firm has been accused of cutting corners.", [at(1, 10, "has been accused of")]),
            Invalid("The quay is widely considered among the busiest.", [at(1, 10, "is widely considered")]),
            Invalid("The man, 24, believed to be one of two suspects, died.", [at(1, 14, "believed to be")]),
            Invalid("It is thought that the work will take a year.", [at(1, 1, "It is thought")]),
        ],
        valid=[
            # a participle with no verb of being, a name, an active verb, a modal hedge, an agent
            "Those considered at risk will be tested first.",
            "The northern quay is known as the Salt Steps.",
            "It was what he has often described as a duty.",
            "They generally thought the plan was fair.",
            "Some algorithms can be considered as a sort of fact.",
            "The plan was described as reckless by Councillor Vidal.",
            "The resolution cites, among others, two colleges in the south.",
        ],
    )


def test_hidden_crowds():
    RuleTester(VagueAttribution).run(
        invalid=[
            Invalid(
                "The tax is revered by some on the right.", [at(1, 9, "is revered by some on the right")]
            ),
            Invalid(
                "The delay fed the perception among some that the board was hiding costs.",
                [at(1, 30, "among some")],
            ),
            Invalid(
                "The early figures led many analysts to conclude that traffic had peaked.",
                [at(1, 19, "led many analysts to conclude")],
            ),
            Invalid(
                "It is what aid workers describe as a crisis.", [at(1, 7, "what aid workers describe as")]
            ),
        ]
    )
