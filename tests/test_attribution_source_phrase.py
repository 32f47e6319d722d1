"""Source phrases read by their parts: determiner, quantifier, head, what follows, and the group the head names."""

from __future__ import annotations

import pytest

from newslint.analysis.attribution.classify import classify_source, read_source


@pytest.mark.parametrize(
    ("phrase", "kind", "group"),
    [
        # people known by their position: anonymous sources, in the singular or the plural
        ("a senior administration official", "anonymous", "insider"),
        ("Transport Ministry officials", "anonymous", "insider"),
        ("the shipping company's lawyers", "anonymous", "insider"),
        ("a Los Angeles harbour police sergeant", "anonymous", "insider"),
        ("union leaders", "anonymous", "insider"),
        ("people familiar with the talks", "anonymous", "insider"),
        # groups that hold views: a crowd in the plural, one unnamed person in the singular
        ("critics of the plan", "crowd", "crowd"),
        ("Senate Democrats", "crowd", "crowd"),
        ("conservationists", "crowd", "crowd"),
        ("Europeans", "crowd", "crowd"),
        ("rights groups", "crowd", "crowd"),
        ("a vocal faction", "crowd", "crowd"),
        ("a state lawmaker", "anonymous", "crowd"),
        ("party members", "crowd", "crowd"),
        # family, witnesses, reports
        ("family members", "anonymous", "relative"),
        ("an uncle of the victim", "anonymous", "relative"),
        ("residents of the block", "anonymous", "witness"),
        ("initial reports", "anonymous", "report"),
        ("reports Saturday night", "anonymous", "report"),
        # institutions speaking, named people, outlets
        ("police", "institution", ""),
        ("sheriff's deputies", "institution", ""),
        ("the harbour board", "institution", ""),
        ("Ana Ortiz", "person", ""),
        ("Evans", "person", ""),
        ("Dave Camp", "person", ""),
        ("Tom Reyes, the mayor's spokesman", "person", ""),
        ("candidate for the nomination John Kasich", "person", ""),
        ("the deputy minister", "person", ""),
        ("The Harbour Gazette", "outlet", ""),
        ("reports by the Harbour Gazette", "outlet", ""),
    ],
)  # fmt: skip
def test_kind_and_group(phrase, kind, group):
    read = read_source(phrase)
    assert (read.kind, read.group) == (kind, group)
    assert classify_source(phrase) == kind


def test_parts_of_a_phrase():
    read = read_source("some of Trump's closest advisers")
    assert read.quantifier == "some of" and read.vague
    assert read.determiner == "trump's" and read.head == "advisers" and read.plural
    read = read_source("two people familiar with the negotiations")
    assert read.quantifier == "two" and not read.vague and read.marked
    assert read.post == "familiar with the negotiations"
    read = read_source("Critics of the harbour plan")
    assert read.head == "critics" and read.post == "of the harbour plan" and not read.quantifier
    assert read_source("Tom Reyes, the mayor's spokesman").apposition == "the mayor's spokesman"


def test_counted_and_vague_quantifiers():
    assert read_source("many economists").vague
    assert read_source("a few critics").vague
    assert read_source("strong majorities of Republicans").vague
    assert not read_source("two senators").vague
    assert not read_source("12 majorities of voters").vague
