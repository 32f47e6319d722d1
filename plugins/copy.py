"""NL5: copy across a story: a quotation re-worded between articles, an article that
follows another without credit."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newslint import Analysis, CorpusRule, Document, Related, Rule, Severity, Story, Violation, hookimpl
from newslint.analysis.copy import (
    PASSAGE_FACTS,
    QUOTATION_FACTS,
    Copy,
    Drift,
    copy_index,
    passage_facts,
    quotation_facts,
)

#: Longest stretch of a quotation shown in a message.
SHOWN = 100


class QuotationDrift(CorpusRule):
    """What it checks: the same remark of the same speaker quoted in different
    words by two articles of a story ("committed to help friendly countries …
    improve their air defenses" in one outlet, "committed to helping … to
    empower their air defenses" in another). Quotations are compared word by
    word once typography is set aside (case, curly or straight marks, dashes,
    spacing, "ten"/"10", British or American spelling); the speaker is the one
    the speaker model finds, across spellings of the name and through "he" or
    "the minister". The finding sits at each wording that fewer articles use
    (at both, on a tie) and shows the other wording and where it is.

    Left alone: different remarks of one speaker; an exact excerpt of a longer
    quotation (words left out at either end, or marked by an ellipsis or an
    editor's [bracket]); wordings that differ only in typography.

    Why it matters: AP and Reuters: a direct quotation is the speaker's exact
    words; a translated or paraphrased quotation says so or loses its quote
    marks. Two outlets putting different words between the same marks means
    at least one of them is not quoting.

    Example: "“We find ourselves dedicated to help friendly nations, like
    Syria, enhance their air defenses,” he stated." while another article of
    the story has "committed to help friendly countries … improve".

    How to fix: check the wording against the recording, the transcript or
    the original language; quote it exactly, or say it is a translation, or
    paraphrase it without quote marks.
    """

    code = "NL501"
    name = "quotation-drift"
    summary = "Another article of the story quotes the same remark in different words"
    severity = Severity.WARNING
    fact_kind = QUOTATION_FACTS

    def collect(self, document: Document, analysis: Analysis) -> list[Any]:
        """The document's quotations, folded, with their speakers."""
        return quotation_facts(document, analysis.quotations)

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        for drift in story.index(copy_index).drifts():
            yield self._finding(story, drift)

    def _finding(self, story: Story, drift: Drift) -> Violation:
        other_path, other = drift.others[0]
        speaker = drift.quotation.speaker or other.speaker
        where = story.document(other_path).outlet
        if drift.others_support > 1:
            where += f" and {drift.others_support - 1} other article{'s' if drift.others_support > 2 else ''}"
        here, there = drift.difference
        return self.at(
            drift.quotation.location,
            f"{where} quote{'s' if drift.others_support == 1 else ''} this remark of {speaker} as "
            f"“{_shown(other.text)}”: {_difference(here, there)}; a direct quotation is the speaker's exact words",
            [Related(o.location, f"worded so in {story.document(p).outlet}") for p, o in drift.others[:3]],
            drift.quotation.text,
        )


class UncreditedCopy(CorpusRule):
    """What it checks: an article that follows another article of the story
    sentence by sentence, verbatim or re-worded (synonyms swapped, clauses
    re-ordered), and credits neither that outlet nor a wire service. Sentences
    are compared by their content words (stemmed, with common synonyms folded);
    an article follows another when at least half of its sentences, and at
    least four, match the other's in the same order. The original is the
    earlier by date, else the one the other credits; when neither tells, the
    finding says one follows the other and sits on both. A credit is a wire
    line ("The Associated Press contributed to this report", "WASHINGTON (AP)
    —", "— Reuters"), a Creative Commons or copyright line naming the source,
    "first published by …", the byline, or the other outlet named as a
    source. An outlet re-running its own story is not flagged.

    Severity: info. The text cannot tell plagiarism from a licensed copy
    (stations of one group, a syndication agreement) or from two outlets
    pasting one press release. Of 14 findings drawn from Gun Violence Archive
    stories, each article did follow the other sentence by sentence with no
    credit, yet in four (two pairs) both outlets most likely pasted a police
    or wildlife-agency release, and two were one newspaper under two host
    names (no longer flagged). So the finding asks an editor to check where
    the copy comes from and to add the credit the standard asks for, without
    failing a build by itself; a desk where copy is never licensed raises it
    to warning in rules.yaml.

    Why it matters: Reuters and the BBC credit material taken from another
    outlet; Iraq Body Count counts an article repeating another's report as no
    independent confirmation of it.

    Example: "Israel generally stays quiet about its incursions into Syrian
    territory …" following "Israel mostly keeps quiet about its attacks on the
    Syrian territories …", and so on for 20 of 30 sentences, with no credit.

    How to fix: credit the source ("… first reported by Press TV", "The
    Associated Press contributed to this report"), or report the story
    independently.
    """

    code = "NL502"
    name = "uncredited-copy"
    summary = "The article follows another article of the story sentence by sentence without crediting it"
    severity = Severity.INFO
    fact_kind = PASSAGE_FACTS

    def collect(self, document: Document, analysis: Analysis) -> list[Any]:
        """The document's sentence fingerprints and credits."""
        return passage_facts(document, analysis.fingerprints, analysis.credits)

    def check_corpus(self, story: Story) -> Iterator[Violation]:
        if len(story) < 2:
            return
        index = story.index(copy_index)
        by_copy: dict[str, list[Copy]] = {}
        for c in index.copies():
            by_copy.setdefault(c.path, []).append(c)
        for path in sorted(by_copy):
            if any(c.credited or c.same_outlet for c in by_copy[path]):
                continue  # it credits its source: other copies of that source follow it too
            copies = sorted(by_copy[path], key=lambda c: (-c.followed, c.original))
            best = copies[0]
            original = story.document(best.original)
            also = len(copies) - 1
            order = (
                "in its order"
                if best.known
                else "in its order (or it follows this one: neither is earlier by date nor credits the other)"
            )
            yield self.at(
                index.passages[path].location(path, best.first),
                f"{best.followed} of {best.sentences} sentences follow {original.outlet}{_dated(original.date)} "
                f"{order}, and no credit names it or a wire service"
                + (f" ({also} other article{'s' if also > 1 else ''} of the story too)" if also else ""),
                [
                    Related(
                        index.passages[c.original].location(c.original, c.first_there),
                        f"followed from here ({story.document(c.original).outlet})",
                    )
                    for c in copies[:3]
                ],
            )


def _dated(date: str) -> str:
    return f" ({date[:10]})" if date else ""


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1].rsplit(" ", 1)[0] + " …"


def _difference(here: tuple[str, ...], there: tuple[str, ...]) -> str:
    if not here:
        return f"“{' '.join(there)}” there is not here"
    if not there:
        return f"“{' '.join(here)}” here is not there"
    return f"“{' '.join(here)}” here, “{' '.join(there)}” there"


@hookimpl
def newslint_rules() -> list[type[Rule]]:
    return [QuotationDrift, UncreditedCopy]
