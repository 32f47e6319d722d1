"""Casualty words: data only (read by :mod:`newslint.analysis.casualties`)."""

from __future__ import annotations

__all__ = ["INSTITUTIONAL_SOURCES", "SOURCE_PRONOUNS"]

#: Sources that are institutions every outlet quotes (police, a ministry): an
#: agreement resting on them is the normal state of a story, not one voice
#: repeated. "quotation" is the key of a figure inside a quotation.
INSTITUTIONAL_SOURCES = frozenset(
    [
        "police",
        "officials",
        "authorities",
        "sheriff",
        "coroner",
        "medical examiner",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "ministry",
        "hospital officials",
        "quotation",
    ]
)

#: A source key ending in one of these names nobody in particular.
SOURCE_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "who", "which", "that", "this"])
