"""Numbers in digits and words, and the casualty claims built on them."""

from __future__ import annotations

import pytest

from newslint import Document
from newslint.analysis import Analysis
from newslint.analysis.casualties import tally
from newslint.analysis.numbers import parse_count


def numbers(text: str) -> list[tuple[str, float, float | None]]:
    doc = Document.from_text(text)
    return [(doc.text[n.start : n.end], n.low, n.high) for n in Analysis(doc).numbers]


def claims(text: str) -> list[tuple[str, str, str, str]]:
    doc = Document.from_text(text)
    return [
        (doc.text[c.start : c.end], c.figure(), c.condition, c.group_key)
        for c in Analysis(doc).casualties
        if not c.definite
    ]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("two", (2, 2, True, False)),
        ("twenty-one", (21, 21, True, False)),
        ("a dozen", (12, 12, True, False)),
        ("more than 4,000", (4001, None, False, False)),
        ("1.5 million", (1_500_000, 1_500_000, True, False)),
        ("at least 30", (30, None, False, False)),
        ("three or four", (3, 4, False, False)),
        ("between 10 and 12", (10, 12, False, False)),
        ("one hundred and five", (105, 105, True, False)),
        ("several", (3, 9, False, True)),
    ],
)
def test_parse_count(phrase, expected):
    assert parse_count(phrase) == expected


def test_numbers_skip_model_numbers_times_and_ages():
    found = numbers("The Bavar-373 system, a 2-year-old, at 8:55 p.m., in 4B, two launchers, 1,200 troops.")
    assert [f[0] for f in found] == ["two", "1,200"]


def test_casualty_claims_in_their_common_shapes():
    assert claims("The attack left two civilians dead.") == [
        ("two civilians dead", "2", "killed", "civilian")
    ]
    assert claims("Airstrikes killed 14 people on Sunday.") == [("14 people", "14", "killed", "people")]
    assert claims("The death toll rose to 30, officials said.")[0][1:] == ("30", "killed", "people")
    assert claims("A man was shot and killed Tuesday night.") == [
        ("A man was shot and killed", "1", "killed", "man")
    ]
    assert claims("Fourteen people were hospitalized.") == [
        ("Fourteen people were hospitalized", "14", "injured", "people")
    ]
    assert claims("Police found five shooting victims.") == [("five shooting victims", "5", "shot", "victim")]
    assert claims("At least 30 people were killed, police said.")[0][1] == "at least 30"


def test_coordinated_victims_share_the_verb():
    found = claims("Airstrikes have killed several civilians as well as two Iranian military advisers.")
    assert [(c[0], c[3]) for c in found] == [
        ("several civilians", "civilian"),
        ("two Iranian military advisers", "adviser"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Fat’h 360 rocket launcher was shown.",
        "It has a range of 300 kilometers.",
        "The Bavar-373 air defense system hit a target.",
        "John Smith, 25, was shot in the leg.",
        "The 2014 shooting was the worst in years.",
        "Two men were arrested on Tuesday.",
        "The shooting happened at 10:30 p.m. on Jan. 12.",
    ],
)
def test_numbers_that_are_not_casualty_figures(text):
    assert [c for c in claims(text) if c[1] not in ("1",)] == []


def test_ages_are_not_counts():
    assert claims("John Smith, 25, was shot in the leg.") == []


def test_named_victims_count_in_a_tally_but_are_not_figures():
    doc = Document.from_text("Jessie Thompson, 25, was pronounced dead at the scene. He was shot twice.")
    found = Analysis(doc).casualties
    assert [(c.definite, c.condition) for c in found] == [(True, "killed"), (True, "shot")]
    assert tally(found) == (1, 0)
    assert claims("Airstrikes killed 14 people.") == [("14 people", "14", "killed", "people")]
    assert [c.definite for c in Analysis(Document.from_text("Airstrikes killed 14 people.")).casualties] == [
        False
    ]


def test_tally_reads_shot_victims_who_survived_as_injured():
    doc = Document.from_text("Three people were shot, one fatally, police said.")
    assert tally(Analysis(doc).casualties) == (1, 2)
    doc = Document.from_text("Two men were killed and four people were wounded, police said.")
    assert tally(Analysis(doc).casualties) == (2, 4)


def test_attribution_in_sentence_or_short_paragraph():
    doc = Document.from_text("Police said two men were killed.\n\nThree others were hurt.")
    found = Analysis(doc).casualties
    assert [c.source for c in found] == ["police", ""]


def test_an_age_without_hyphens_is_one_victim():
    assert [c[1:3] for c in claims("A 6 month old baby is shot, police said.")] == [("1", "shot")]


def test_one_victim_without_a_count_counts_in_a_tally_only():
    doc = Document.from_text(
        "Man shot in knee at range\n\nThe boy accidentally shot himself. He is in stable condition."
    )
    found = Analysis(doc).casualties
    assert found and all(c.definite for c in found)
    assert tally(found) == (0, 1)
    assert claims("The video runs 0:47 Driver shot to death near the park.") == []


def test_murder_suicide_and_negation():
    assert tally(Analysis(Document.from_text("Police called it a murder-suicide.")).casualties) == (2, 0)
    assert Analysis(Document.from_text("Nobody was killed in the crash.")).casualties == []


def test_large_counts_are_read_whole_and_habitual_statistics_skipped():
    assert claims("A quake killed more than 8,000 people.") == [
        ("more than 8,000 people", "at least 8,001", "killed", "people")
    ]
    assert claims("Wars killed nearly 3.5 million people.")[0][1] == "3,500,000"
    assert claims("About 4 million people die each year.") == []


def test_killed_someone_and_has_died():
    doc = Document.from_text(
        "A boy accidentally shot and killed his friend. Later, an Opelousas teen has died."
    )
    assert tally(Analysis(doc).casualties) == (1, 0)
    assert [c.definite for c in Analysis(Document.from_text("A man had shot two people.")).casualties] == [
        False
    ]
    assert claims("A man had shot two people.")[0][:3] == ("two people", "2", "shot")


def test_objects_and_another():
    doc = Document.from_text(
        "Three people were killed, and another injured. Three other men were subsequently hurt."
    )
    assert tally(Analysis(doc).casualties) == (3, 3)
    doc = Document.from_text("Investigators say the boy accidentally shot his younger brother.")
    assert tally(Analysis(doc).casualties) == (0, 1)


def test_possessive_before_the_count():
    assert claims("He was charged with killing his two young daughters.") == [
        ("two young daughters", "2", "killed", "daughter")
    ]
    assert [c[1] for c in claims("An 8 yo girl killed in the crash.")] != ["8"]


@pytest.mark.parametrize(
    "plain, odd",
    [
        ("A triple shooting left two people dead.", "A trıple shooting left two people dead."),
        ("Three men were killed in the crash.", "Three men were kılled in the crash."),
        ("Police found five shooting victims.", "Police found five shooting vıctims."),
        (
            "Four people were killed in Ankara on Monday.",
            "Four people were killed in İstanbul on Monday.",
        ),
        ("Two people were seriously injured.", "Two people were ſeriously injured."),
    ],
)
def test_letters_ignorecase_equates_with_ascii_read_as_ascii(plain, odd):
    # The patterns match "ı" and "ſ" as "i" and "s"; the words they match must
    # then read as the ASCII spelling, not fall out of the lexicons (or raise),
    # and a letter whose lower case is longer ("İ") must not hide the sentence.
    assert [c[1:] for c in claims(odd)] == [c[1:] for c in claims(plain)]
    assert claims(plain)
