"""Paragraphs and sentences of a document's prose."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newslint.spans import Span

# A line break is "\n", "\r\n" or a lone "\r" (old Mac files, some CMS exports).
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t\f\v]*(?:\r\n?|\n)\s*")
# A line that goes on in lower case is the same paragraph, wrapped ("Critics\nsay …").
_LINE = re.compile(r"(?:\r\n?|\n)\s*(?![a-z\s])")

# Words that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "rep",
        "sen",
        "gov",
        "pres",
        "supt",
        "insp",
        "det",
        "rev",
        "fr",
        "hon",
        "amb",
        "atty",
        "mt",
        "ft",
        "vs",
        "etc",
        "inc",
        "ltd",
        "corp",
        "co",
        "bros",
        "no",
        "nos",
        "vol",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "fig",
        "al",
        "ave",
        "blvd",
        "rd",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "d.c",
        "a.m",
        "p.m",
        "i.e",
        "e.g",
    ]
)
# A sentence ends at . ! ? (and any closing quotes or brackets after it),
# followed by space and something that can start a sentence. Written to open
# with a character class ("[.!?]", not "[.!?]+") so that the regex engine
# jumps from one candidate character to the next (four times faster). Group 1
# is the space after the end: the next sentence starts where it stops.
_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?:(\s+)(?=[\"'“‘(\[]?[A-Z0-9\u00C0-\u024F])|$)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


#: Longer "sentences" are cut into pieces of at most this many characters.
MAX_SENTENCE = 2000


@dataclass(frozen=True)
class Paragraph(Span):
    index: int


@dataclass(frozen=True)
class Sentence(Span):
    index: int
    paragraph: int


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blocks separated by blank lines; a file with none breaks at every line
    that does not go on in lower case."""
    splitter = _BLANK_LINE if _BLANK_LINE.search(text) else _LINE
    paragraphs: list[Paragraph] = []
    pos = 0
    for m in splitter.finditer(text):
        _add_trimmed(paragraphs, text, pos, m.start())
        pos = m.end()
    _add_trimmed(paragraphs, text, pos, len(text))
    return paragraphs


def _add_trimmed(out: list[Paragraph], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Paragraph(start, end, len(out)))


def split_sentences(text: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences within each paragraph (never across one)."""
    sentences: list[Sentence] = []
    add = sentences.append
    for para in paragraphs:
        start = para.start
        index = para.index
        # A paragraph is trimmed and a sentence end is followed by space (or
        # the paragraph's end) that ``_END`` skips: the pieces need no trimming
        # unless they are too long.
        for m in _END.finditer(text, start, para.end):
            dot = m.start()
            if text[dot] == "." and _is_abbreviation(text, dot):
                continue
            end, after = m.span(1) if m.lastindex else (m.end(), m.end())
            if end - start > MAX_SENTENCE:
                _add_sentence(sentences, text, start, end, index)
            else:
                add(Sentence(start, end, len(sentences), index))
            start = after
        if para.end - start > MAX_SENTENCE:
            _add_sentence(sentences, text, start, para.end, index)
        elif start < para.end:
            add(Sentence(start, para.end, len(sentences), index))
    return sentences


def _is_abbreviation(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "George W. Bush"
    return word.lower().rstrip(".") in ABBREVIATIONS


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # No news sentence runs this long (under 1,600 characters in 89,000 of
        # them); such a run is a table, a list or garbage. Cutting it at a
        # space bounds the cost of everything that reads sentence by sentence.
        cut = start + MAX_SENTENCE
        space = next((i for i in range(cut, cut - MAX_SENTENCE // 2, -1) if text[i].isspace()), cut)
        _add_sentence(out, text, start, space, paragraph)
        start = space
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, len(out), paragraph))
