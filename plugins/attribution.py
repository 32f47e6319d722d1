"""NL1: missing or vague attribution.

Thin rules over the sourcing model of :mod:`newslint.analysis`: quotation
speakers (``Analysis.quote_speakers``), vague attributions
(``Analysis.vague_attributions``) and claims (``Analysis.claims``).
"""

from __future__ import annotations

from collections.abc import Iterator

from newslint import Analysis, Document, Rule, Severity, Violation, hookimpl


class VagueAttribution(Rule):
    """What it checks: a view put in the mouth of no one in particular. A crowd
    as the source of a view, whatever describes it: "many believe", "some
    Democrats argue", "critics of the plan say", "those who oppose the bill
    warn", "some in the party feared", "conservationists say" (unless one of
    them is named and quoted at once); a view with no one holding it: "is seen
    as", "was widely viewed as", "has been accused of", "is believed to be", "is
    considered one of", "has been described as", "it is thought that"; a crowd
    that is not the subject: "revered by some on the right", "the perception
    among some that", "led many analysts to conclude", "what aid workers
    describe as". Left alone: counted groups ("two senators"), polls cited,
    groups named before ("the analysts"), crowds that act ("many people
    attended"), witnesses telling what they saw, a participle with no verb of
    being ("those considered at risk"), and words inside a quotation or inside
    what a named speaker said.

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

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        for v in analysis.vague_attributions:
            if v.kind in ("passive", "impersonal"):
                message = f"“{v.phrase}”: by whom? The view is given with no one holding it"
            else:
                message = f"“{v.phrase}”: who? The view is put in the mouth of an unnamed crowd"
            yield self.violation(document, v.start, v.end, message)


class UnattributedQuote(Rule):
    """What it checks: a direct quotation of four words or more whose speaker
    cannot be found in its sentence, the neighbouring sentences or its
    paragraph. Speakers are found in the layouts news copy uses: “…,” he
    added; a speaker named after the first sentence of a long quotation; a
    quotation continued across paragraphs; “…,” Ali joined in; a colon lead-in
    ("From Chairwoman Ruiz:"); a dash sign-off (“…” -Commissioner Ward); more
    quotations from the speaker of the one before. Quoted titles (books, films,
    laws, slogans), quotations of fewer than ``min_words`` words and partial
    quotations starting in lowercase inside a sentence, of fewer than
    ``fragment_words`` words, are not checked. A quotation given to "he", "she"
    or "they" when no one is named or described anywhere before it is flagged
    too: attributed in form, to nobody in fact.

    Why it matters: the Reuters Handbook asks that every quotation be
    attributed and that quotes from different speakers never run together; a
    quotation with no speaker cannot be checked, and readers assume the
    outlet vouches for it.

    Example: "The minister left the hall. “We will not accept this deal under
    any circumstances.”"

    How to fix: say who said it, in the same or the next sentence
    (“…,” the minister said).
    """

    code = "NL101"
    name = "unattributed-quote"
    summary = "A quotation has no identifiable speaker"
    severity = Severity.WARNING
    options = {"min_words": 4, "fragment_words": 8}

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        text = document.text
        min_words = int(self.options["min_words"])
        for qs in analysis.quote_speakers:
            if (qs.attributed and not qs.dangling) or qs.framing or qs.words < min_words:
                continue
            if qs.fragment and qs.words < self.options["fragment_words"]:
                continue  # a short partial quotation or scare quote inside a sentence
            q = qs.quote
            end = q.end if len(q.paragraphs) == 1 else analysis.paragraphs[q.paragraph].end
            opening = " ".join(text[q.content.start : q.content.end].split()[:6])
            if qs.dangling and qs.speaker is not None:
                pronoun = text[qs.speaker.start : qs.speaker.end]
                message = f"the quotation “{opening}…” is given to “{pronoun}”, and no one is named before it"
            else:
                message = f"the quotation “{opening}…” has no identifiable speaker"
            yield self.violation(document, q.start, end, message)


class UnattributedClaim(Rule):
    """What it checks: a statistic ("rose 41 percent", "doubled", "one in five") or a
    record claim ("the deadliest attack in decades", "the largest ever") stated
    in the outlet's own voice, with no attribution in its sentence or its
    paragraph. Off by default: select it with ``--extend-select NL103``.

    Why it matters: the AP asks that any disputable fact the reporter did not
    witness or confirm be attributed in the same sentence; the Reuters
    Handbook asks that every statement that is not established fact be
    sourced. Figures and records are what readers repeat.

    Example: "Unemployment among young people has doubled since the war began."

    How to fix: say whose figure or finding it is ("according to the
    statistics office"), or link the study in the same sentence.
    """

    code = "NL103"
    name = "unattributed-claim"
    summary = "A statistic or record claim in the outlet's own voice has no source"
    severity = Severity.INFO
    enabled_by_default = False

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        for c in analysis.claims:
            if c.quoted or c.source is not None or c.cited or not c.prose:
                continue  # a speaker's words, sourced, or not prose (a headline, a caption, a list)
            yield self.violation(
                document, c.start, c.end, f"“{c.phrase}”: whose figure or finding is this? Say who says so"
            )


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [UnattributedQuote, VagueAttribution, UnattributedClaim]
