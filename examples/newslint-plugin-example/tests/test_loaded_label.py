"""LBL101 loaded-label, tested with newslint.testing (the fixture and the classes)."""

from pathlib import Path

from newslint_labels import LoadedLabel

from newslint.testing import Invalid, Valid, at

FIXTURE = Path(__file__).parent / "fixtures" / "story.md"


def test_flags_labels_in_the_outlets_own_voice(newslint_rule_tester):
    newslint_rule_tester(LoadedLabel).run(
        valid=[
            'The minister said, "These terrorists will be caught."',
            "Officials called the fighters terrorists.",
            "The US designated the group a terrorist organisation in 2019.",
            "A new tax regime takes effect in March.",
            "Protesters called for regime change.",
            "The regime change came in 2003.",
            Valid("---\ntitle: x\n---\n\nThe government denied it.\n", suffix=".md"),
        ],
        invalid=[
            Invalid("The regime denied it.", [at(1, 5, "regime", code="LBL101")]),
            Invalid("Aid reached areas held by the Assad regime.", [at(1, 37, "regime")]),
            Invalid(
                "Terrorists attacked the post. Officials said nothing.",
                [at(1, 1, "Terrorists", message="loaded label")],
            ),
            Invalid("---\ntitle: x\n---\n\nThugs looted the shop.\n", [at(5, 1, "Thugs")], suffix=".md"),
        ],
    )


def test_the_word_list_is_an_option(newslint_rule_tester):
    tester = newslint_rule_tester(LoadedLabel, {"labels": ["martyr"]})
    tester.run(
        valid=["The regime denied it."],
        invalid=[Invalid("The martyr was buried.", [at(1, 5, "martyr")])],
    )


def test_fixture_story(newslint_rule_tester):
    source = FIXTURE.read_text(encoding="utf-8")
    found = newslint_rule_tester(LoadedLabel).findings(source, ".md")
    # "The regime has moved artillery …, residents said": reported speech, the residents' word.
    assert [(f.line, f.column, f.text) for f in found] == [(16, 1, "Extremists")]
