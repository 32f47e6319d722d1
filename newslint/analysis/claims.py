"""Claims that need a source: statistics and records stated as fact.

"Rose 41 percent", "doubled", "one in five", "the deadliest attack in
decades": what readers repeat, and what the AP asks be attributed in the same
sentence. Each :class:`Claim` says whether its paragraph gives a source.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.analysis._scan import fold_lower
from newslint.analysis.attribution import Attribution, attribution_covering
from newslint.analysis.segments import Paragraph, Sentence
from newslint.spans import Span

__all__ = ["Claim", "find_claims"]


@dataclass(frozen=True)
class Claim(Span):
    """A statistic or a record claim.

    :ivar phrase: its words ("rose 41 percent", "the largest ever").
    :ivar quoted: inside a quotation (the speaker's words, attributed with it).
    :ivar source: the informing attribution in its paragraph, if any.
    :ivar cited: its paragraph cites a source without a speech verb ("a survey
        by …", "data from …", "according to").
    :ivar prose: its paragraph ends as a sentence does (not a headline, a
        caption or a list item).
    """

    phrase: str
    quoted: bool
    source: Attribution | None
    cited: bool
    prose: bool


def find_claims(
    text: str,
    sentences: Sequence[Sentence],
    paragraphs: Sequence[Paragraph],
    quotes: Sequence[Span],
    attributions: Sequence[Attribution],
) -> list[Claim]:
    """Every statistic and record claim, in text order (``quotes``: the quotations' contents)."""
    starts = [p.start for p in paragraphs]
    found = []
    # The lower-cased text scanned case-sensitively: the same matches as re.IGNORECASE, faster.
    for m in _CLAIM.finditer(fold_lower(text)):
        span = Span(m.start(), m.end())
        quoted = any(q.start <= m.start() < q.end for q in quotes)
        source = None if quoted else attribution_covering(attributions, sentences, span, "paragraph")
        i = bisect.bisect_right(starts, m.start()) - 1
        para = paragraphs[i] if i >= 0 else None
        cited = para is None or bool(_CITED.search(text, para.start, para.end))
        prose = para is not None and text[para.end - 1] in '.!?”"'
        found.append(Claim(m.start(), m.end(), text[m.start() : m.end()], quoted, source, cited, prose))
    return found


# Statistics and record claims: what a reader most needs a source for (written in lower case, matched
# in the text as fold_lower() gives it).
_CLAIM = re.compile(
    r"\b(?:rose|fell|jumped|climbed|soared|surged|dropped|declined|plunged|grew|increased|decreased|"
    r"(?<!make\s)(?<!makes\s)(?<!made\s)(?<!making\s)up|down)\s+(?:by\s+)?(?:more\s+than\s+|nearly\s+|almost\s+|about\s+)?\d[\d,.]*\s*(?:%|percent\b|per\s+cent\b)"
    r"|\b(?:doubled|tripled|quadrupled|halved)\b(?!\s+down\b)"
    r"|(?<![\d,.])\b(?:one|two|three|four|five|\d{1,2})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\b(?![\d,.])"
    r"|\bthe\s+(?:\w+est|most\s+\w+|worst|best|largest|biggest)\s+(?:(?!(?:he|she|they|we|i|you)\s)\w+\s+){0,3}?"
    r"(?:ever|in\s+(?:history|decades|a\s+generation)|on\s+record|since\s+records\s+began)\b",
)


# Sources that need no speech verb: "a survey by …", "data from …", "(Pew, 2019)".
_CITED = re.compile(
    r"\b(?:survey|poll|study|report|data|figures|statistics|census|analysis|estimates?|records?|research)\s+"
    r"(?:by|from|of|published|released|conducted)\b|\baccording\s+to\b|\bcited\b|\bshow(?:s|ed|n)?\b"
    r"|\bput(?:s|ting)?\s+(?:the\s+)?(?:figure|number|total|rate|share|count)\s+at\b"
    r"|\b(?:study|studies|report|survey|analysis|poll)\s+(?:\w+\s+)?(?:points?\s+out|found|finds|says|estimates?)\b",
    re.I,
)
