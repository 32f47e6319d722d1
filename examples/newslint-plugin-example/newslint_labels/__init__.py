"""newslint-plugin-example: loaded labels in the outlet's own voice (code prefix LBL)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from newslint import Analysis, Document, Rule, Severity, Violation, hookimpl

__version__ = "1.1.0"

_WORD_BEFORE = re.compile(r"([\w’'-]+)\s*$")
_CHANGE = re.compile(r"\s+change\b", re.IGNORECASE)


class LoadedLabel(Rule):
    """What it checks: value-laden labels ("regime", "terrorists",
    "extremists", "thugs") used in the outlet's own voice, outside quotations
    and reported speech. "regime" is flagged only in its political sense
    ("the regime", "the Assad regime"), not in "tax regime" or "regime change".

    Why it matters: Wikipedia's MOS:LABEL and most stylebooks warn that such
    labels express a judgement; in the outlet's own voice they take a side the
    reporting should leave to the reader, or to a named source.

    Example: "The regime frequently violates the border, backing terrorists."

    How to fix: describe what was done and by whom ("the Syrian government",
    "fighters of the group"), or attribute the label to whoever uses it
    ("which the US designates a terrorist organisation").
    """

    code = "LBL101"
    name = "loaded-label"
    summary = "A loaded label is used in the outlet's own voice"
    severity = Severity.WARNING
    options = {
        "labels": [
            "regime",
            "terrorist",
            "terrorists",
            "terror group",
            "terror groups",
            "extremist",
            "extremists",
            "thug",
            "thugs",
        ]
    }

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        super().__init__(options)
        words = sorted(self.options["labels"], key=len, reverse=True)
        alternation = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        for m in self.pattern.finditer(text):
            if analysis.voice_at(m.start()).kind != "outlet":
                continue  # a quotation or reported speech: the speaker's word, not the outlet's
            sentence = analysis.sentence_at(m.start())
            before = text[sentence.start if sentence else 0 : m.start()]
            label = m.group()
            if label.lower() == "regime" and not _political_regime(text, before, m.end()):
                continue
            yield self.violation(
                document,
                m.start(),
                m.end(),
                f"“{label}” is a loaded label in the outlet's own voice: describe, or attribute it",
            )


def _political_regime(text: str, before: str, end: int) -> bool:
    """ "the regime", "the Assad regime", but not "tax regime" or "regime change"."""
    if _CHANGE.match(text, end):
        return False
    previous = _WORD_BEFORE.search(before)
    if previous is None:
        return False  # "Regime" opening a sentence: too little to go on
    word = previous.group(1)
    return word.lower() == "the" or word[0].isupper()


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [LoadedLabel]
