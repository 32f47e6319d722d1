"""Source classification: what kind of source a phrase names.

:func:`classify_source` reads a source phrase by its parts (the head phrase
before "of", "for", "with" …, an appositive after a comma) and returns one of
:data:`~newslint.analysis.attribution.model.SOURCE_KINDS`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newslint.analysis.attribution.tokens import PRONOUNS, TOKEN
from newslint.analysis.lexicon.sources import (
    ANON_HEADS,
    CROWD_HEADS,
    INSTITUTION_WORDS,
    LOCAL_SERVICES,
    OUTLET_WORDS,
    PLAIN_CROWDS,
    SPOKESPEOPLE,
    TITLES,
    VAGUE_DETERMINERS,
)

__all__ = ["ANON_MARK", "classify_source"]

ANON_MARK = re.compile(
    r"\b(?:unnamed|anonymous|unidentified|familiar\s+with|briefed\s+on|close\s+to|with\s+knowledge\s+of|"
    r"knowledgeable|who\s+(?:spoke|asked|requested|declined)|speaking\s+on)\b",
    re.I,
)


# A pure function of the phrase, asked again for the same sources across an
# article (and every "he", "officials", "the spokesman"): memoised.
@lru_cache(maxsize=65536)
def classify_source(phrase: str) -> str:
    """What kind of source a phrase names: one of :data:`SOURCE_KINDS`.

    With an appositive ("Tom Reyes, the mayor's spokesman,"), a name in any
    part makes a named person; otherwise the first part decides.
    """
    if "," in phrase:
        parts = [p for p in phrase.split(",") if p.strip()]
        kinds = [_classify_part(p) for p in parts]
        if "person" in kinds:
            return "person"
        return kinds[0] if kinds else "other"
    return _classify_part(phrase)


def _classify_part(phrase: str) -> str:
    toks = [w for w in TOKEN.findall(phrase) if w[0].isalnum()]
    if not toks:
        return "other"
    lows = [w.lower().rstrip(".") for w in toks]
    if len(toks) == 1 and lows[0] in PRONOUNS:
        return "pronoun"
    # Only the head phrase decides (before "of", "for", "with", an appositive comma).
    head_words, head_lows = _head_part(toks, lows)
    head = head_lows[-1] if head_lows else lows[-1]
    if head in ANON_HEADS and ANON_MARK.search(phrase):
        return "anonymous"
    if (
        not OUTLET_WORDS.isdisjoint(head_lows)
        and (head in OUTLET_WORDS or any(w[0].isupper() for w in head_words))
        and head not in ANON_HEADS
    ):
        return "outlet"
    if head in CROWD_HEADS and (
        len(head_lows) == 1 or head_lows[0] in ("many", "some", "most", "few", "other", "the")
    ):
        return "crowd"
    names = [
        w
        for w, lw in zip(head_words, head_lows, strict=True)
        if w[0].isupper() and lw not in TITLES and lw not in ("the", "a", "an")
    ]
    if head in SPOKESPEOPLE:
        return "person" if names and any(w.endswith(("’s", "'s")) for w in head_words) else "institution"
    if head in TITLES:
        return "person"  # an office holder: "the deputy minister", "the general"
    if head in PLAIN_CROWDS and all(lw in VAGUE_DETERMINERS for lw in head_lows[:-1]):
        return "crowd"  # "people say", "many people had asked": nobody in particular
    if head in ANON_HEADS and len(head_lows) >= 2 and _POSSESSIVE.sub("", head_lows[-2]) in LOCAL_SERVICES:
        return "institution"  # "police officials", "hospital officials": an institution's voice
    if head in ANON_HEADS:
        # "Smith's spokesman", "Defense Minister Ali Smith's aide": tied to a named person.
        if names and head not in ("source", "sources", "people", "person", "officials", "official"):
            return "person" if any(w.endswith(("’s", "'s")) for w in head_words) else "anonymous"
        return "anonymous"
    if not INSTITUTION_WORDS.isdisjoint(head_lows):
        return "institution"
    if names and head_words[-1][0].isupper():
        return "person"
    return "other"


_POSSESSIVE = re.compile(r"[’']s?$")


def _head_part(words: list[str], lows: list[str]) -> tuple[list[str], list[str]]:
    for i, lw in enumerate(lows):
        if i and lw in ("of", "for", "with", "at", "in", "from", "on", "close", "familiar", "who", "briefed"):
            return words[:i], lows[:i]
    return words, lows
