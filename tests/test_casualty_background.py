"""Background figures: the tally cues read the same whatever the letter case."""

import pytest

from newslint.analysis import Analysis
from newslint.analysis.casualties import _background
from newslint.document import Document


@pytest.mark.parametrize(
    "sentence",
    [
        "Two people were killed in separate shootings.",
        "Two people were killed in SEPARATE SHOOTINGS.",
        "Two people were killed in separate shootıngs.",  # dotless i: IGNORECASE reads it as "i"
        "Two people were killed in ſeparate shootings.",  # long s: read as "s"
        "Three people were killed last year.",
    ],
)
def test_tally_cues_in_any_case(sentence):
    assert _background(sentence, None)
    claims = Analysis(Document.from_text(sentence)).casualties
    assert claims and all(c.background for c in claims)


@pytest.mark.parametrize(
    "sentence",
    ["Two people were killed in a shooting.", "Two people were killed in a shootıng."],
)
def test_no_tally_cue(sentence):
    assert not _background(sentence, None)


def test_tally_cue_when_the_lower_case_is_longer():
    assert _background("Four people were killed Over The Past Week in İstanbul.", None)


@pytest.mark.parametrize("sentence", ["Two people were killed in a shootıng on İstiklal Avenue."])
def test_no_tally_cue_when_the_lower_case_is_longer(sentence):
    assert not _background(sentence, None)
