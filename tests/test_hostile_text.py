"""Adversarial text through every installed rule: no exception, no runaway time, spans inside.

Every rule the installed plugins contribute runs (off-by-default ones too),
each bounded by the runner's own time limit, so a pathological pattern shows
up here as an NL006 finding instead of a hung test run.
"""

from __future__ import annotations

import pytest

from newslint.analysis import Analysis
from newslint.config import Config, build_rules
from newslint.document import Document
from newslint.engine import Linter
from newslint.engine.deadline import enforceable
from newslint.plugins import load_plugins
from tests.test_properties import assert_inside

pytestmark = pytest.mark.slow

PLUGINS = load_plugins()
N = 100_000

PATHOLOGICAL = {
    "straight quote marks": '"' * N,
    "curly quote marks": "“" * N,
    "closing quote marks": "”" * N,
    "alternating quote marks": "“”" * (N // 2),
    "spaced quote marks": ' "' * (N // 2),
    "apostrophes": "'" * N,
    "capitals": "A" * N,
    "capital words": "OFFICIALS SAID " * (N // 15),
    "digits": "7" * N,
    "digit groups": "1,000,000 " * (N // 10),
    "full stops": "." * N,
    "initials": "A. " * (N // 3),
    "one endless sentence": "and the official said that " * (N // 27),
    "one endless word": "a" * N,
    "hyphens and dashes": "-—–" * (N // 3),
    "brackets": "([{" * (N // 3),
    "blank lines": "\n" * N,
    "carriage returns": "\r" * N,
    "nested quotations": "“He said ‘she said “they said ‘no’ ” ’ ” " * (N // 40),
    "unbalanced quotations": "“An unnamed official said. " * (N // 27),
    "rtl and mixed scripts": "قال المسؤول \u200f“نعم” said שלום Президент 42 " * (N // 45),
    "zero-width and non-breaking spaces": "\u200b\u200c\u200d\u2060\u00a0\ufeff" * (N // 6),
    "emoji": "🔥👍🏽 said 👨‍👩‍👧 " * (N // 12),
    "combining marks": "e\u0301\u0301\u0301" * (N // 4),
    "names": "Mr. John Smith and Jon Smyth said " * (N // 34),
    "casualties": "at least 12 people were killed and 300 injured, police said. " * (N // 60),
    "all caps article": "AN UNNAMED OFFICIAL SAID THE DEATH TOLL ROSE TO 12. " * (N // 52),
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    config = Config()
    ruleset = build_rules(
        config, PLUGINS.rules, select=sorted(PLUGINS.rules)
    )  # every rule, even off by default
    # A generous limit on a busy machine: a hang, not slowness, is what fails.
    return Linter(PLUGINS, ruleset, config, timeout=20.0)


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_pathological_text_is_survived(linter, name, suffix):
    text = PATHOLOGICAL[name]
    source = f"<html><body><p>{text}</p></body></html>" if suffix == ".html" else text
    document = PLUGINS.readers[suffix].read(f"x{suffix}", source)
    result = linter.check_document(document)
    trouble = [f for f in result.findings if f.code in ("NL004", "NL006")]
    assert not trouble, trouble[0].message
    for finding in result.findings:
        assert_inside(document, finding_location(finding))


def finding_location(finding):
    from newslint.document import Location

    return Location(finding.path, finding.line, finding.column, finding.end_line, finding.end_column)


@pytest.mark.skipif(not enforceable(), reason="time limits need SIGALRM")
def test_the_time_limit_bounds_the_pathological_runs(linter):
    assert linter.per_document.timeout  # the tests above are bounded, not merely lucky


# The core keeps columns right whatever the characters around a finding.
FLAG = "an unnamed official said so."


@pytest.mark.parametrize(
    "prefix",
    [
        "",
        "🔥👨‍👩‍👧 ",  # emoji: columns count code points
        "قال المسؤول \u200f ",  # right-to-left text and a direction mark
        "José\u00a0",  # a non-breaking space
        "e\u0301 ",  # a combining accent
        "\u200b",  # a zero-width space
        "“Unclosed quote. ",
    ],
)
def test_findings_point_at_the_right_column_whatever_precedes_them(prefix):
    config = Config()
    linter = Linter(PLUGINS, build_rules(config, PLUGINS.rules, select=["NL201"]), config)
    text = f"First line.\n{prefix}{FLAG}\n"
    result = linter.check_document(Document.from_text(text, path="a.txt"))
    found = [(f.line, f.column, f.end_column) for f in result.findings if f.code == "NL201"]
    col = len(prefix) + 1
    assert found == [(2, col, col + len("an unnamed official"))], found


def test_zero_width_and_non_breaking_spaces_do_not_hide_a_phrase():
    config = Config()
    linter = Linter(PLUGINS, build_rules(config, PLUGINS.rules, select=["NL201"]), config)
    for space in ("\u00a0", "\u200b", "\u2060", "\u202f"):
        text = f"An{space}unnamed{space}official said so."
        codes = [f.code for f in linter.check_document(Document.from_text(text)).findings]
        assert codes == ["NL201"], repr(space)


def test_a_runaway_sentence_is_cut_at_spaces_into_bounded_pieces():
    from newslint.analysis.segments import MAX_SENTENCE

    words = "and the official said that " * 400  # 10,800 characters, no full stop
    pieces = Analysis(Document.from_text(words)).sentences
    assert len(pieces) > 1 and all(len(s) <= MAX_SENTENCE for s in pieces)
    assert all(words[s.end] == " " for s in pieces[:-1])  # cut between words
    assert "".join(words[s.start : s.end] + " " for s in pieces) == words
    one_word = "a" * 5000
    assert [len(s) for s in Analysis(Document.from_text(one_word)).sentences] == [2000, 2000, 1000]
    real = "The mayor, who spoke for an hour, said the budget " + "would grow " * 100 + "next year."
    assert len(Analysis(Document.from_text(real)).sentences) == 1
