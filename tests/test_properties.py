"""Property tests: arbitrary text through every reader, analysis layer and installed rule.

The rules are those the installed plugins contribute when the tests run, so
rules added later are covered without touching this file. Each must finish
without an exception, and every finding must point inside the document.
"""

from __future__ import annotations

from functools import cached_property

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from newslint.analysis import Analysis
from newslint.document import Document, Location
from newslint.plugins import load_plugins
from newslint.rule import CorpusRule
from newslint.story import Story, StoryDocument

PLUGINS = load_plugins()
RULES = sorted(PLUGINS.rules)
LAYERS = sorted(k for k, v in vars(Analysis).items() if isinstance(v, cached_property))
READERS = sorted({reader.name: suffix for suffix, reader in PLUGINS.readers.items()}.items())

#: Pieces of news copy and of its pathologies, to reach deep into the rules.
PIECES = [
    "said",
    " said ",
    "told reporters",
    "according to",
    "An unnamed official said",
    "a senior official familiar with the matter said",
    "who spoke on condition of anonymity",
    "because he was not authorized to speak",
    "Many believe",
    "critics say",
    "Mr. Smith",
    "John Smith",
    "Jon Smyth",
    "Dr. Ali al-Hassan",
    "Smith said",
    "killed",
    "at least 12 people were killed",
    "three dead",
    "1,000",
    "20 injured",
    "police said",
    '"',
    "“",
    "”",
    "„",
    "«",
    "»",
    "'",
    "’",
    ". ",
    "? ",
    "! ",
    "...",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\u00a0",
    "\u200b",
    "\u200f",
    "\ufeff",
    "—",
    "(",
    ")",
    "[",
    "]",
    "U.S.",
    "A. B.",
    "BREAKING",
    "قال المسؤول",
    "שלום",
    "Президент",
    "🔥",
    "👨‍👩‍👧",
    "7",
    "e\u0301",
]
NEWSY = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=60).map("".join)
TEXT = NEWSY | st.text(max_size=400)
#: Markup pieces for the Markdown and HTML readers.
MARKUP = [
    "---\n",
    "```\n",
    *[
        "# ",
        "> ",
        "* ",
        "[",
        "](",
        ")",
        "`",
        "<!--",
        "-->",
        "<p>",
        "</p>",
        "<b>",
        "&amp;",
        "&#8220;",
        "<article>",
        "<script>",
        "&",
    ],
]
MARKED = st.lists(st.sampled_from(PIECES + MARKUP) | st.text(max_size=5), max_size=60).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _offset(document: Document, line: int, column: int) -> int:
    starts = document._line_starts
    assert 1 <= line <= len(starts), (line, len(starts))
    offset = starts[line - 1] + column - 1
    line_end = starts[line] if line < len(starts) else len(document.source)
    assert starts[line - 1] <= offset <= line_end, (line, column)
    return offset


def assert_inside(document: Document, location: Location) -> None:
    assert location.path == document.path
    start = _offset(document, location.line, location.column)
    end = _offset(document, location.end_line, location.end_column)
    assert 0 <= start <= end <= len(document.source), location


def _run_rule(code: str, document: Document, path_facts: dict) -> list:
    """Run a rule on a document; a corpus rule on the story of every document given so far."""
    rule = PLUGINS.rules[code]()
    analysis = Analysis(document)
    if isinstance(rule, CorpusRule):
        path_facts[document.path] = (document, list(rule.collect(document, analysis)))
        documents = [StoryDocument.of(d.path, d.metadata) for d, _ in path_facts.values()]
        story = Story("any", documents, {rule.kind(): {p: f for p, (_, f) in path_facts.items()}})
        return list(rule.check_corpus(story))
    return list(rule.check(document, analysis))


@pytest.mark.parametrize("code", RULES)
@SETTINGS
@given(text=TEXT)
def test_every_rule_survives_any_text(code, text):
    document = Document.from_text(text, path="any.txt")
    for violation in _run_rule(code, document, {}):
        assert_inside(document, violation.location)
        assert isinstance(violation.message, str) and violation.message


@pytest.mark.parametrize("code", RULES)
@SETTINGS
@given(texts=st.lists(NEWSY, min_size=2, max_size=3))
def test_every_rule_survives_a_story_of_any_texts(code, texts):
    """Corpus rules compare articles: feed them several (document rules run on each)."""
    documents = [Document.from_text(t, path=f"{i}.txt") for i, t in enumerate(texts)]
    facts: dict = {}
    violations = []
    for document in documents:
        violations = _run_rule(code, document, facts)
    by_path = {d.path: d for d in documents}
    for violation in violations:
        assert_inside(by_path[violation.location.path], violation.location)


@pytest.mark.parametrize("reader_name, suffix", READERS)
@SETTINGS
@given(source=MARKED | st.text(max_size=300))
def test_every_reader_maps_every_character_inside_the_source(reader_name, suffix, source):
    document = PLUGINS.readers[suffix].read(f"any{suffix}", source)
    assert document.format == reader_name
    for i in range(len(document.text)):
        assert 0 <= document.source_offset(i) <= len(document.source)
    if document.text:
        assert_inside(document, document.locate(0, len(document.text)))
    for offset, message in document.problems:
        assert 0 <= offset <= len(source) and message
    for code in RULES:  # and the rules read whatever the reader made
        for violation in _run_rule(code, document, {}):
            assert_inside(document, violation.location)


@SETTINGS
@given(text=TEXT)
def test_every_analysis_layer_keeps_its_spans_inside_the_text(text):
    document = Document.from_text(text)
    for layer in LAYERS:
        value = getattr(Analysis(document), layer)
        for item in value if isinstance(value, (list, tuple)) else ():
            if hasattr(item, "start") and hasattr(item, "end"):
                assert 0 <= item.start <= item.end <= len(text), (layer, item)


#: Byte soups: text in assorted encodings, stray high bytes, NULs, marks.
CHUNKS = st.sampled_from(
    [
        "An unnamed official said “so”. ".encode(),
        "Núñez café".encode("cp1252"),
        "Президент заявил".encode("cp1251"),
        "首相は述べた".encode("shift_jis"),
        "Zoë".encode("utf-16-le"),
        b"\xef\xbb\xbf",
        b"\xff\xfe",
        b"\xfe\xff",
        b"\x00",
        b"\r\n",
        b"\r",
        b"\x80\x81\x8d\x8f\x90\x9d",
        b"\xc3(",
        "Itâ€™s".encode(),
    ]
)
BYTES = st.lists(CHUNKS | st.binary(max_size=20), max_size=20).map(b"".join) | st.binary(max_size=300)


@SETTINGS
@given(data=BYTES, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_are_read_or_reported_never_raised(tmp_path_factory, data, suffix):
    from newslint.config import Config, build_rules
    from newslint.engine import Linter, Target

    path = tmp_path_factory.mktemp("bytes") / f"soup{suffix}"
    path.write_bytes(data)
    config = Config()
    linter = Linter(PLUGINS, build_rules(config, PLUGINS.rules), config)
    document, notices = linter.intake.read(Target(path, path.name, True))
    assert document is not None or notices
    result = linter.lint_target(Target(path, path.name, True))
    assert not [f for f in result.findings if f.code in ("NL004", "NL006")]
    if document is not None:
        for f in result.findings:
            assert_inside(document, Location(f.path, f.line, f.column, f.end_line, f.end_column))


@SETTINGS
@given(
    lines=st.lists(st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=12), max_size=12),
    data=st.data(),
)
def test_line_and_column_find_each_character_whatever_the_line_breaks(lines, data):
    breaks = data.draw(
        st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines))
    )
    source = "".join(line + brk for line, brk in zip(lines, breaks, strict=True))
    # A lone "\r" then an empty line's "\n" is "\r\n": one break, by definition.
    assume(
        all(
            not (b == "\r" and nxt == "" and nb.startswith("\n"))
            for b, nxt, nb in zip(breaks[:-1], lines[1:], breaks[1:], strict=True)
        )
    )
    document = Document.from_text(source)
    pos = 0
    for number, line in enumerate(lines, start=1):
        for column, ch in enumerate(line, start=1):
            location = document.locate(pos + column - 1, pos + column)
            assert (location.line, location.column) == (number, column)
            assert document.source_line(number)[column - 1] == ch
        pos += len(line) + len(breaks[number - 1])
