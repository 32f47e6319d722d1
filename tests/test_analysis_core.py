"""Paragraphs, sentences and quotations: the layers every rule reads."""

from __future__ import annotations

from newslint import Document
from newslint.analysis import Analysis


def sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [doc.text[s.start : s.end] for s in Analysis(doc).sentences]


def quotes(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [doc.text[q.content.start : q.content.end] for q in Analysis(doc).quotes]


def test_sentences_respect_abbreviations_and_initials():
    text = "Gen. Qalandari met U.S. envoys on Tuesday. George W. Bush was not there. Was he? Yes."
    assert sentences(text) == [
        "Gen. Qalandari met U.S. envoys on Tuesday.",
        "George W. Bush was not there.",
        "Was he?",
        "Yes.",
    ]


def test_sentence_ends_after_closing_quote():
    assert sentences("He said, “It is over.” Then he left.") == ["He said, “It is over.”", "Then he left."]


def test_sentences_never_cross_paragraphs():
    assert sentences("First line without stop\n\nSecond paragraph.") == [
        "First line without stop",
        "Second paragraph.",
    ]


def test_non_breaking_spaces_are_spaces():
    doc = Document.from_text("An\u00a0unnamed\u202fsource")
    assert doc.text == "An unnamed source" and len(doc.text) == len(doc.source)


def test_mismatched_marks_make_one_quotation():
    text = 'He said “After the removal of the embargo, we are witnessing demand."'
    assert quotes(text) == ["After the removal of the embargo, we are witnessing demand."]


def test_straight_and_curly_quotes():
    assert quotes('She said "we will rebuild" and left. “Not now,” he replied.') == [
        "we will rebuild",
        "Not now,",
    ]


def test_quotation_continued_across_paragraphs():
    text = "“We will rebuild the bridge,\n\n“and the school after it,” the mayor said.\n\nNext."
    doc = Document.from_text(text)
    [q] = Analysis(doc).quotes
    assert q.paragraphs == (0, 1) and q.closed
    assert doc.text[q.content.start : q.content.end].endswith("after it,")


def test_unbalanced_quote_ends_with_its_paragraph():
    text = "He said “this never closes\n\nNext paragraph here."
    doc = Document.from_text(text)
    [q] = Analysis(doc).quotes
    assert not q.closed and doc.text[q.content.start : q.content.end] == "this never closes"


def test_analysis_layers_are_computed_once():
    analysis = Analysis(Document.from_text("One. Two."))
    assert analysis.sentences is analysis.sentences
