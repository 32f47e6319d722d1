"""NL1: missing or vague attribution."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newslint import Document, Rule, Severity, Violation, hookimpl

# An opinion put in the mouth of an unnamed crowd (Wikipedia MOS:WEASEL).
_CROWD = r"(?:many|some|most|few|critics|observers|experts|analysts|commentators|skeptics|sceptics|opponents|supporters|others|people|scientists|historians)"
_SAY = r"(?:say|said|believe|believed|view|argue|argued|claim|claimed|think|thought|note|noted|contend|suggest|feel|fear|worry|insist|maintain)"
WEASEL = re.compile(
    rf"\b{_CROWD}\s+(?:have\s+|had\s+)?{_SAY}\b"
    r"|\bit\s+is\s+(?:widely\s+|commonly\s+|generally\s+|often\s+)?(?:believed|thought|said|claimed|argued|rumou?red|understood|reported|alleged)\b"
    r"|\b(?:is|are|was|were)\s+widely\s+(?:regarded|considered|seen|viewed|believed|thought)\b"
    r"|\b(?:has|have|had)\s+been\s+(?:described|called|characteri[sz]ed)\s+as\b"
    r"|\bsome\s+(?:people|observers|critics|experts)\s+(?:say|said|believe)\b",
    re.I,
)


class VagueAttribution(Rule):
    """What it checks: opinions attributed to an unnamed crowd: "many believe",
    "critics say", "experts say", "it is believed", "is widely regarded as",
    "has been described as".

    Why it matters: Wikipedia's MOS:WEASEL and the AP both warn that such
    phrases lend an opinion the weight of a consensus nobody can check; the
    reader cannot tell who holds it, or how many.

    Example: "Israel stays quiet about the strikes, which many believe to be a
    reaction to Syria's gains."

    How to fix: name who holds the view ("Syrian officials say"), cite the poll
    or study, or state it as the outlet's analysis.
    """

    code = "NL102"
    name = "vague-attribution"
    summary = "An opinion is attributed to an unnamed crowd"
    severity = Severity.WARNING

    def check(self, document: Document) -> Iterator[Violation]:
        for m in WEASEL.finditer(document.text):
            phrase = m.group(0)
            yield self.violation(
                document,
                m.start(),
                m.end(),
                f"“{phrase}”: who? The view is put in the mouth of an unnamed crowd",
            )


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [VagueAttribution]
