"""Numbers written in digits or words, with the qualifiers news copy puts on them.

"two", "twenty-one", "a dozen", "14", "4,000", "1.5 million", "more than 4,000",
"at least 30", "three or four", "between 10 and 12", "dozens" (vague) all become
a :class:`Number` with a ``low``..``high`` range (``high`` is ``None`` when open:
"more than 30", "dozens").

The pattern is built once from the word lists below and has no open-ended
repetition, so a scan is linear in the text. :data:`COUNT` is its source, for
layers (casualty claims) that embed a count inside a larger pattern and read it
back with :func:`parse_count`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newslint.spans import Span

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Counts with no exact value: (low, high); high None means open-ended.
VAGUE = {
    "several": (3, 9),
    "a few": (2, 5),
    "few": (2, 5),
    "a couple of": (2, 2),
    "a couple": (2, 2),
    "a handful of": (3, 6),
    "dozens of": (24, None),
    "dozens": (24, None),
    "scores of": (40, None),
    "hundreds of": (200, None),
    "hundreds": (200, None),
    "thousands of": (2000, None),
    "thousands": (2000, None),
    "many": (3, None),
    "numerous": (3, None),
    "multiple": (2, None),
}
#: Qualifiers before a count and how they bound it.
QUALIFIERS = {
    "at least": "min",
    "no fewer than": "min",
    "more than": "above",
    "over": "above",
    "upwards of": "min",
    "at most": "max",
    "up to": "max",
    "as many as": "max",
    "no more than": "max",
    "fewer than": "below",
    "less than": "below",
    "nearly": "approx",
    "almost": "approx",
    "about": "approx",
    "around": "approx",
    "roughly": "approx",
    "approximately": "approx",
    "some": "approx",
    "an estimated": "approx",
}


class LazyPattern:
    """A regular expression compiled on its first use.

    A pattern that embeds :data:`COUNT` is several kilobytes long and takes
    4-7 ms to compile: a run that never reads a count (an article without a
    casualty sentence, a rule selection without the casualty rules) should not
    pay for a dozen of them when the module is imported. On first use the
    compiled pattern's methods become attributes of the instance, so later
    calls go straight to them.
    """

    _METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "split")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for attributes the instance does not have yet.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.source, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_UNIT = _alt(UNITS)
_TEN = _alt(TENS)
_SCALE = _alt(SCALES)
# A word number: "twenty-one", "one hundred", "two thousand five hundred", "a dozen".
_WORDNUM = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|(?:{_UNIT}))(?:\s+(?:{_SCALE})(?:\s+(?:and\s+)?(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|(?:{_UNIT})))?)?"
# Digits: "14", "4,000", "1.5", then an optional scale word ("1.5 million").
_DIGITS = rf"\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+(?:\.\d+)?(?:\s+(?:{_SCALE}))?"
_SIMPLE = rf"(?:(?:{_UNIT}|\d{{1,2}}|a)\s+dozen|dozen|{_DIGITS}|{_WORDNUM})"
_QUAL = _alt(QUALIFIERS)
_VAGUE = _alt(VAGUE)

#: A count as a pattern source: qualifier, a number or a range, or a vague word.
COUNT = (
    rf"(?:(?:{_QUAL})\s+)?"
    rf"(?:between\s+(?:{_SIMPLE})\s+and\s+(?:{_SIMPLE})"
    rf"|(?:{_SIMPLE})(?:\s*(?:-|–|to|or)\s*(?:{_SIMPLE}))?"
    rf"|(?:{_VAGUE}))"
)
# Word boundaries that also refuse a number glued to a hyphen or letters
# ("Bavar-373", "4B", "2-year-old", "9mm").
NUMBER = LazyPattern(rf"(?<![\w’'.,:/$£€-])(?:{COUNT})(?![\w-]|[.,:/]\d)", re.I)
_PART = LazyPattern(rf"{_SIMPLE}", re.I)


@dataclass(frozen=True)
class Number(Span):
    """A count in the text: ``low``..``high`` (``high`` None: open above).

    ``exact`` is True for a plain number ("14", "two"); False for ranges,
    qualified ("at least 30") and vague ("several") counts.
    """

    low: float
    high: float | None
    exact: bool
    vague: bool


def word_value(words: str) -> float | None:
    """The value of one number written in digits or words, or None."""
    w = re.sub(r"\s+", " ", words.strip().lower().replace("–", "-"))
    if not w:
        return None
    if w in ("a dozen", "dozen"):
        return 12
    if w.endswith(" dozen"):  # "two dozen", "3 dozen"
        times = word_value(w[: -len(" dozen")])
        return None if times is None else times * 12
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: (\w+))?", w)
    if m:
        try:
            value = float(m.group(1).replace(",", ""))
        except ValueError:
            return None
        return value * SCALES.get(m.group(2) or "", 1)
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s-]+", w):
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_count(phrase: str) -> tuple[float, float | None, bool, bool] | None:
    """``(low, high, exact, vague)`` of a phrase matched by :data:`COUNT`, or None."""
    p = re.sub(r"\s+", " ", phrase.strip().lower())
    kind = None
    for qual in sorted(QUALIFIERS, key=len, reverse=True):
        if p.startswith(qual + " "):
            kind = QUALIFIERS[qual]
            p = p[len(qual) + 1 :]
            break
    if p in VAGUE:
        vague_low, vague_high = VAGUE[p]
        return float(vague_low), (float(vague_high) if vague_high is not None else None), False, True
    parts = [m.group(0) for m in _PART.finditer(p)]
    values = [word_value(x) for x in parts]
    if not values or any(v is None for v in values):
        return None
    nums = [float(v) for v in values if v is not None]
    low: float = min(nums)
    high: float | None = max(nums)
    exact = len(nums) == 1 and kind is None
    if kind == "min":
        high = None
    elif kind == "above":
        low, high = low + 1, None
    elif kind == "max":
        low = 0
    elif kind == "below":
        low, high = 0, max(0, low - 1)
    return low, high, exact, False


def find_numbers(text: str) -> list[Number]:
    """Every count in ``text``, in order."""
    found = []
    for m in NUMBER.finditer(text):
        parsed = parse_count(m.group(0))
        if parsed is None:
            continue
        low, high, exact, vague = parsed
        found.append(Number(m.start(), m.end(), low, high, exact, vague))
    return found
