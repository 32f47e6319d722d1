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
        ],
        invalid=[
            Invalid("The attack left two civilians dead.", [at(1, 17, "two civilians dead")]),
            Invalid(
                "A man was shot and killed on Tuesday night.",
                [at(1, 1, "A man was shot and killed", message="1 killed")],
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


def test_headlines_and_named_victims_are_not_unattributed_figures():
    RuleTester(UnattributedCasualtyFigure).run(
        valid=[
            "Two dead, three hurt in shooting\n\nTwo men were killed and three people were hurt, police said.",
            "Jessie Thompson was pronounced dead at the scene.",
            "A man who shot at officers was arrested.",
        ],
        invalid=[
            Invalid(
                "A gunman opened fire on Sunday. Four people were wounded in the attack.\n\nMore later.",
                [at(1, 33, "Four people were wounded")],
            )
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
