"""NL4: casualty figures: unattributed, uncorroborated, conflicting, single-source."""

from __future__ import annotations

import pytest

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.casualties import (
    ConflictingCasualtyFigures,
    SingleSourceCorroboration,
    UnattributedCasualtyFigure,
    UncorroboratedCasualtyFigure,
)


def test_unattributed_figure():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            "Two people were killed in the blast, police said.",
            "According to the health ministry, 14 people were injured.",
            "The military source added that missiles were intercepted. The attack left two civilians dead.",
            "“Three of my friends were killed,” she said.",
            "Several people were hurt in the crash.",
            "The Fat’h 360 launcher has a range of 300 kilometers.",
            "John Smith, 25, was taken to hospital on Jan. 12 at 8:55 p.m.",
            # one victim brought in by an article, not a figure the reporter counts
            "A man was shot and killed on Tuesday night.",
            "A man and a woman were killed on Tuesday night.",
        ],
        invalid=[
            Invalid("The attack left two civilians dead.", [at(1, 17, "two civilians dead")]),
            Invalid(
                "One man was shot and killed on Tuesday night.",
                [at(1, 1, "One man was shot and killed", message="1 killed")],
            ),
            Invalid(
                "---\ntitle: Blast\n---\nFourteen people were hospitalized.\n",
                [at(4, 1, "Fourteen people were hospitalized")],
                suffix=".md",
            ),
        ],
    )


def story(rule, articles):
    return [(f.path, f.text, f.message) for f in RuleTester(rule).run_story(articles)]


SEED_LIKE = {
    "a.txt": "An unnamed military source said missiles were intercepted. The attack left two civilians dead.",
    "b.txt": "General Hamid Rostami praised the air defenses on Tuesday.",
    "c.txt": (
        "According to the military source, most missiles were shot down. The strike killed two civilians. "
        "Israel was warned. Earlier airstrikes killed several civilians as well as two Iranian military advisers."
    ),
}


def test_uncorroborated_figure_only_one_article_reports():
    found = story(UncorroboratedCasualtyFigure, SEED_LIKE)
    assert [(p, t) for p, t, _ in found] == [("c.txt", "two Iranian military advisers")]
    assert "3 articles" in found[0][2]


def test_uncorroborated_needs_a_story():
    assert story(UncorroboratedCasualtyFigure, {"a.txt": "Two soldiers were killed, the army said."}) == []


def test_single_source_corroboration_is_said():
    found = story(SingleSourceCorroboration, SEED_LIKE)
    assert sorted(p for p, _, _ in found) == ["a.txt", "c.txt"]
    assert all("“military source”" in m for _, _, m in found)


def test_institutional_source_agreement_is_normal():
    found = story(
        SingleSourceCorroboration,
        {"a.txt": "Two men were killed, police said.", "b.txt": "Police said two men were killed."},
    )
    assert found == []


@pytest.mark.parametrize(
    ("b_text", "expected"),
    [
        ("Three people were killed in the shooting, police said.", 2),
        ("Two people were killed in the shooting, police said.", 0),
        ("At least two people were killed, police said.", 0),
        # a sub-count is not a rival toll
        ("Two people were killed, police said. One of them died at the scene.", 0),
        # another group is other victims
        ("Three officers were killed, police said.", 0),
    ],
)
def test_conflicting_figures(b_text, expected):
    found = story(
        ConflictingCasualtyFigures,
        {"a.txt": "Two people were killed in a shooting on Main Street, police said.", "b.txt": b_text},
    )
    assert len(found) == expected
    if expected:
        assert "2 killed here (a.txt), 3 in b.txt" in found[0][2] or "3 killed here (b.txt), 2 in a.txt" in (
            found[0][2] + found[1][2]
        )


def test_headlines_are_the_outlets_voice_and_named_victims_no_figures():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            "Police: two dead, three hurt in shooting\n\nTwo men were killed and three people were hurt, police said.",
            "Jessie Thompson was pronounced dead at the scene.",
            "A man who shot at officers was arrested.",
        ],
        invalid=[
            Invalid(
                "A gunman opened fire on Sunday. Four people were wounded in the attack.\n\nMore later.",
                [at(1, 33, "Four people were wounded")],
            ),
            # a headline states its toll in the outlet's own voice, whatever the body says
            Invalid(
                "Two dead, three hurt in shooting\n\nTwo men were killed and three people were hurt, police said.",
                [at(1, 1, "Two dead"), at(1, 11, "three hurt")],
            ),
        ],
    )


def test_named_victim_corroborates_a_count_of_one_and_repeats_count_once():
    found = story(
        UncorroboratedCasualtyFigure,
        {
            "a.txt": "A man was shot and killed on Main Street, police said. Three people were hurt.",
            "b.txt": "Antonio Reyes was shot and killed on Main Street, police said.",
            "c.txt": "Five people were shot. Five people were shot, the sheriff said again.",
        },
    )
    # "A man ... killed" is one victim (not flagged); the repeated figure in c.txt is flagged once.
    assert sorted((p, t) for p, t, _ in found) == [
        ("a.txt", "Three people were hurt"),
        ("c.txt", "Five people were shot"),
    ]


def test_shot_and_injured_corroborate_each_other():
    found = story(
        UncorroboratedCasualtyFigure,
        {"a.txt": "Five people were shot, police said.", "b.txt": "Five people were injured, police said."},
    )
    assert found == []


def test_remainders_and_single_victims_are_not_rival_tolls():
    found = story(
        ConflictingCasualtyFigures,
        {
            "a.txt": "Seven people were shot, police said. One died and six others were wounded.",
            "b.txt": "A man was shot, police said. Police said five others were wounded.",
            "c.txt": "Seven people were shot on Friday, police said.",
        },
    )
    assert found == []


def test_numbers_that_are_not_casualty_counts():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            # negation and family descriptions are not counts of victims
            "Residents said no one was hurt when the shed caught fire.",
            "The mother of three died at the scene, police said. The mother of two died later.",
            # the subject of an active verb is the attacker, not a victim
            "Last spring a gunman shot up a supermarket in the town.",
            # a rate is not a count of people
            "The county recorded 12.4 deaths per 100,000 residents.",
            # one victim named by an article and an age: no figure
            "A 36-year-old local man died after the fall.",
        ],
        invalid=[
            # two numbers in a row: the caption counter is not a count
            Invalid(
                "Photo 4 of 21 Six people were hurt in the blaze.",
                [at(1, 15, "Six people were hurt")],
            ),
            # an age is no second number
            Invalid(
                "A gunman killed 19 people at the fair on Sunday.",
                [at(1, 17, "19 people", message="19 killed")],
            ),
            Invalid(
                "Nearly two dozen people were injured in the crush.",
                [at(1, 1, "Nearly two dozen people were injured", message="24")],
            ),
        ],
    )


def test_shared_attribution_layer_attributes_figures():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            "The inquiry revealed that nine workers were injured in the collapse.",
            "Bystanders described seeing at least two riders with head injuries.",
        ],
        invalid=[
            Invalid("Nine workers were injured in the collapse.", [at(1, 1, "Nine workers were injured")])
        ],
    )


def test_background_figures_are_not_story_figures():
    # Another incident's toll, or a tally over a period, is no figure of this story.
    found = story(
        UncorroboratedCasualtyFigure,
        {
            "a.md": (
                "---\ndate: 2015-06-05\n---\n"
                "Two men were shot outside the bar on Friday, police said. In 2009, four people were "
                "killed at the same bar. Since January, 61 people have been shot in the city.\n"
            ),
            "b.txt": "Two men were shot outside a bar on Friday night, police said.",
        },
    )
    assert found == []


def test_story_conflicts_need_the_same_toll():
    found = story(
        ConflictingCasualtyFigures,
        {
            # a split of the victims, and a count that includes the gunman
            "a.txt": (
                "Four people were shot at the party, police said. Two victims were flown to the trauma "
                "centre and two others were driven to hospital. Seven people, including the gunman, died."
            ),
            "b.txt": "Four people were shot at a party, police said. The gunman killed six people.",
        },
    )
    assert found == []


def test_a_toll_that_rose_is_an_update_not_a_conflict():
    first = "---\ndate: 2021-03-01\n---\nTwo people were killed in the fire, officials said.\n"
    later = "---\ndate: 2021-03-03\n---\nThree people were killed in the fire, officials said.\n"
    fell = "---\ndate: 2021-03-04\n---\nOne person was killed in the fire, officials said.\n"
    assert story(ConflictingCasualtyFigures, {"a.md": first, "b.md": later}) == []
    # a lower toll later is still a conflict
    found = story(
        ConflictingCasualtyFigures, {"a.md": later, "b.md": fell.replace("One person was", "Two people were")}
    )
    assert [p for p, _, _ in found] == ["a.md", "b.md"]


def test_one_article_with_many_sources_does_not_hide_another_article():
    # Article a gives the same figure on four sources; b's matching figure must still be seen.
    a = (
        "Nine people were hurt, police said. Nine people were hurt, the mayor said. "
        "Nine people were hurt, a witness said. Nine people were hurt, the fire chief said."
    )
    b = "The hospital director said nine people were hurt in the blast."
    assert story(UncorroboratedCasualtyFigure, {"a.txt": a, "b.txt": b}) == []
    assert story(ConflictingCasualtyFigures, {"a.txt": a, "b.txt": b}) == []


def test_shots_fired_and_period_tallies():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            "The guard fired at least one shot into the air.",
            "Officers fired two shots at the car.",
            "At least one shot struck the van's door.",
        ],
        invalid=[Invalid("Guards found two people shot in the yard.", [at(1, 14, "two people shot")])],
    )
    # a tally over several days and a repeated toll (shot, then victims) are not story figures twice
    found = story(
        UncorroboratedCasualtyFigure,
        {
            "a.txt": (
                "Three people were shot on Elm Street on Monday, police said. Fourteen people were shot, "
                "two fatally, from Friday night to early Monday, police said. Paramedics took the "
                "additional two victims to hospital. A shooting last month left five people hurt."
            ),
            "b.txt": "Three people were shot on Elm Street, police said.",
            "c.txt": "Police said three people were wounded on Elm Street.",
        },
    )
    assert found == []
