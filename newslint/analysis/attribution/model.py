"""The attribution model: one relation of cue, source and content."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.analysis.segments import Sentence
from newslint.spans import Span

__all__ = ["CUE_KINDS", "SOURCE_KINDS", "Attribution", "attribution_covering"]


@dataclass(frozen=True)
class Attribution(Span):
    """One attribution. ``start``/``end`` cover source and cue together.

    :ivar cue: the cue words ("said", "according to", "quoted").
    :ivar source: the speaker's words, or ``None`` when none could be read.
    :ivar content: what is attributed: the quotation or the reported clause.
    :ivar sentence: index of the sentence holding the cue.
    :ivar informs: True for speech and reporting cues; False for stance cues
        (think, believe, want …) that attribute a view but make no one a source.
    :ivar source_kind: one of :data:`SOURCE_KINDS` (see :func:`classify_source`).
    """

    cue: Span
    source: Span | None
    content: Span | None
    sentence: int
    informs: bool
    source_kind: str
    #: For a pronoun source (he, she, they, who): the earlier source it stands
    #: for, the last one that fits ("Ana Ortiz … she added" → "Ana Ortiz").
    resolved: Span | None = None
    #: One of :data:`CUE_KINDS`: "speech" (``informs``), "stance", or "broad".
    kind: str = "speech"
    #: The relation sits inside what an earlier speech relation of the same
    #: sentence reports ("Ortiz said [she believes] …"): a view within speech.
    nested: bool = False

    @property
    def broad(self) -> bool:
        """A cue of the broad reading only: rules that need speech or a stated view skip it."""
        return self.kind == "broad"


#: person: a named person; pronoun: he, she, who …; institution: police, the
#: ministry; outlet: a news organisation; anonymous: an unnamed person or
#: people (a source, an official, people familiar with …); crowd: a vague
#: crowd (many, critics, experts); other: anything else (a poll, a document).
SOURCE_KINDS = ("person", "pronoun", "institution", "outlet", "anonymous", "crowd", "other")

#: speech: speech and reporting cues (said, told, according to), ``informs``
#: is True; stance: a stated view (believes, wants, criticized); broad: what
#: annotation schemes such as PolNeAR also count as attribution (beliefs,
#: wishes, endorsements, evaluations: "is expected to", "praised", "sided
#: with"), and ambiguous cue words read without the clause that would make
#: them speech ("called the plan …"). Broad relations serve extraction and
#: measurement; rules ignore them.
CUE_KINDS = ("speech", "stance", "broad")


def attribution_covering(
    attributions: Sequence[Attribution], sentences: Sequence[Sentence], span: Span, scope: str = "sentence"
) -> Attribution | None:
    """The informing attribution nearest ``span`` within ``scope``, or None.

    :param scope: "sentence" (the sentence holding ``span``), "nearby" (that
        sentence and its neighbours in the same paragraph: robust when a whole
        article is one paragraph) or "paragraph".
    """
    if scope not in ("sentence", "nearby", "paragraph"):
        raise ValueError(f"scope must be 'sentence', 'nearby' or 'paragraph', not {scope!r}")
    starts = [s.start for s in sentences]
    i = bisect.bisect_right(starts, span.start) - 1
    if i < 0:
        return None
    sent = sentences[i]
    best: Attribution | None = None
    best_distance = 0
    for a in attributions:
        if not a.informs or a.source is None:
            continue
        if scope == "sentence" and a.sentence != sent.index:
            continue
        if scope == "nearby" and (
            abs(a.sentence - sent.index) > 1 or sentences[a.sentence].paragraph != sent.paragraph
        ):
            continue
        if scope == "paragraph" and sentences[a.sentence].paragraph != sent.paragraph:
            continue
        distance = 0 if a.overlaps(span) else min(abs(a.start - span.end), abs(span.start - a.end))
        if best is None or distance < best_distance:
            best, best_distance = a, distance
    return best
