"""NL2: anonymous sources.

A thin rule over ``Analysis.anonymous_sources`` (:mod:`newslint.analysis.sources`).
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint import Analysis, Document, Related, Rule, Severity, Violation, hookimpl


class AnonymousSource(Rule):
    """What it checks: the first mention of a source of information whose identity
    is withheld: "a senior official said", "sources told", "an unnamed military
    source", "people familiar with the matter", officials of any body ("State
    Department officials said", "hospital officials said"), people known only by
    their role ("a nurse who works there said", "a former staffer says", "the
    company's lawyers said", "several union leaders said"), relatives ("an
    uncle said"), reports relayed without their outlet ("according to news
    reports") and unnamed people another outlet cites ("the Post, which cited
    unnamed officials"). The message says whether the article gives a reason for
    the anonymity, wherever it stands; a bare "a source" is the worst case.
    Left alone: institutions and the police speaking ("police said", "deputies
    said", "the ministry said in a statement"), people who act rather than
    inform ("officials agreed"), witnesses, people the story identifies ("the
    victim's mother"), and a lede's source named a few sentences on.

    Why it matters: AP holds that quoting "a source", unmodified, is almost
    always prohibited and that the story must say why anonymity was granted;
    the NYT asks why the source is speaking and why confidentiality was demanded.
    Readers cannot weigh information whose origin they cannot see.

    Example: "An anonymous military source said the missiles were intercepted."

    How to fix: name the source; if that is impossible, describe how the source
    knows ("a commander who took part in the operation") and say why anonymity
    was granted ("because he was not authorized to speak publicly"). Later
    references to the same source ("the military source added") are not flagged.
    """

    code = "NL201"
    name = "anonymous-source"
    summary = "A source of information is not named"
    severity = Severity.WARNING

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        for src in analysis.anonymous_sources:
            phrase = " ".join(text[src.start : src.end].split())
            if not src.explicit and (not src.informs or src.named_in_lede):
                continue  # not a source of information, or named a few sentences on
            if src.group == "report":
                message = f"“{phrase}”: whose reports? The article relays them without naming their outlet"
            elif src.bare:
                message = f"“{phrase}” is a bare unnamed source: say who they are and how they know"
                message += (
                    "; a reason for anonymity is given" if src.reason else ", and why anonymity was granted"
                )
            elif src.reason is not None:
                message = f"“{phrase}” is not named; a reason for anonymity is given"
            else:
                message = f"“{phrase}” is not named, and no reason for anonymity is given"
            related = [
                Related(document.locate(s.start, s.end), "later reference to the same source")
                for s in src.later
            ]
            yield self.violation(document, src.start, src.end, message, related)


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [AnonymousSource]
