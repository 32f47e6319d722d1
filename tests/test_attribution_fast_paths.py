"""Fast paths of the attribution layer give exactly the answers of the plain code they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.analysis._scan import WordScanner
from newslint.analysis.attribution import extraction as A

# Words that make cue matches and near misses, in several cases and with the
# characters that decide word boundaries and the slow path.
_CUE_VOCABULARY = [
    "said", "Said", "SAID", "says", "saying", "told", "added", "according", "According", "to", "in", "In",
    "a", "an", "the", "statement", "interview", "e-mail", "email", "press", "release", "news", "conference",
    "quoted", "as", "made", "the", "remarks", "it", "clear", "poll", "Polls", "survey", "surveys", "eager",
    "believes", "thinks", "backed", "reading", "reads", "Ortiz", "officials", "unsaid", "sayings", "pre-said",
]  # fmt: skip
_GLUE = [" ", "  ", "\n", ", ", ". ", "“", "”", "'", "’", "-", "_", "1", "é", "ſ", "ı", "İ", ":", ""]


def _texts(vocabulary: list[str]):
    piece = st.one_of(st.sampled_from(vocabulary), st.sampled_from(_GLUE))
    return st.lists(piece, max_size=30).map("".join)


def _spans(matches) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in matches]


@settings(max_examples=400)
@given(_texts(_CUE_VOCABULARY))
def test_cue_scanner_finds_what_the_pattern_finds(text):
    plain = re.compile(A._CUE_SOURCE, re.I)
    assert _spans(A._CUE.finditer(text)) == _spans(plain.finditer(text))


_PHRASE_EXAMPLES = ["according to", "in a statement", "quoted", "made the remarks", "made clear", "polls"]


def test_phrase_first_words_open_every_phrase_cue():
    # A new phrase cue needs an example here, and its first word in _PHRASE_FIRST_WORDS.
    for phrase in A._PHRASE_CUES:
        examples = [e for e in _PHRASE_EXAMPLES if re.fullmatch(phrase, e)]
        assert examples, f"no example of {phrase}"
        assert all(e.split()[0] in A._PHRASE_FIRST_WORDS for e in examples)


def test_word_scanner_needs_a_word_start():
    import pytest

    with pytest.raises(ValueError):
        WordScanner(r"said")


@given(st.text(alphabet=st.sampled_from(list("aB’' ,.\n1é-")), max_size=60))
def test_prev_word_is_the_last_word_of_the_last_40_characters(before):
    m = re.search(r"([A-Za-z’']+)[^A-Za-z’']*$", before[-40:])
    assert A._prev_word(before) == (m.group(1).lower() if m else "")


_CLAUSE_VOCABULARY = [
    "who", "that", "Who", "spoke", "asked", "was", "not", "were", "is", "on", "condition", "the", "of",
    "anonymity", "speaking", "talking", "official", "insisted", "thatch",
]  # fmt: skip


@given(_texts(_CLAUSE_VOCABULARY), st.integers(0, 20))
def test_anon_clause_is_the_plain_search(text, start):
    start = min(start, len(text))
    expected = A._ANON_CLAUSE.search(text, start, len(text))
    found = A._anon_clause(text, start, len(text))
    assert (found and found.span()) == (expected and expected.span())


# One or more examples of each distinctive word of the vague-attribution scanner, and near misses.
_VAGUE_EXAMPLES = [
    "is said to be", "are thought to have", ", believed to be", "is widely regarded as", "was seen as",
    "has been described as", "is considered one of", "deemed the best", "has been accused of",
    "is widely credited with", "widely seen as", "routinely described as", "it is widely believed",
    "It was said", "studies show", "research has shown", "evidence suggests", "by some accounts",
    "in many tellings", "much speculation", "among some that", "for many, it", "revered by some on the right",
    "warnings from lawmakers and some inside", "led many analysts to conclude", "what critics describe as",
    "said", "seen", "known as the Big Apple", "some reason", "many people", "considered for",
]  # fmt: skip


def test_vague_scanner_finds_every_example():
    from newslint.analysis.vague import _VAGUE_SCANNER, VAGUE

    text = ". ".join(_VAGUE_EXAMPLES)
    found = _spans(_VAGUE_SCANNER.finditer(text))
    assert found == _spans(VAGUE.finditer(text))
    assert len(found) > 25  # nearly every example is a match


@settings(max_examples=300)
@given(
    _texts(
        sorted({w for e in _VAGUE_EXAMPLES for w in e.split()} | {"the", "Ortiz", "SAID", "ſome", "is", "by"})
    )
)
def test_vague_scanner_finds_what_the_pattern_finds(text):
    from newslint.analysis.vague import _VAGUE_SCANNER, VAGUE

    assert _spans(_VAGUE_SCANNER.finditer(text)) == _spans(VAGUE.finditer(text))
