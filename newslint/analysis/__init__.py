"""The shared analysis of one document, computed lazily and once.

Rules and plugins read this model instead of re-tokenising the text; the
engine makes one per document and hands it to every rule beside the document::

    def check(self, document, analysis):
        for sentence in analysis.sentences: ...
        for quote in analysis.quotes: ...
        if analysis.in_quote(offset) or analysis.is_headline(offset): ...

Outside a rule, ``Analysis(document)`` (or ``analyse(text)``) makes one.

Each layer is computed the first time it is asked for and then kept, so a rule
set that never asks for names never pays for them. The analysis knows nothing
of rules, configuration or output: it only describes the text. What a
built-in rule knows about the text, a third-party rule can ask here too.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from newslint.analysis.attribution import Attribution, attribution_covering, find_attributions
from newslint.analysis.casualties import CasualtyClaim, find_casualty_claims, year_of
from newslint.analysis.claims import Claim, find_claims
from newslint.analysis.copy import (
    Credits,
    Fingerprints,
    Quotation,
    find_credits,
    find_quotations,
    fingerprint_sentences,
)
from newslint.analysis.names import NameMention, find_names
from newslint.analysis.numbers import Number, find_numbers
from newslint.analysis.quotes import Quote, find_quotes
from newslint.analysis.segments import Paragraph, Sentence, split_paragraphs, split_sentences
from newslint.analysis.sources import AnonymousSource, find_anonymous_sources
from newslint.analysis.speakers import QuoteSpeaker, find_quote_speakers
from newslint.analysis.vague import VagueAttribution, find_vague_attributions
from newslint.document import Document
from newslint.spans import Span

__all__ = [
    "Analysis",
    "Voice",
    "analyse",
    "AnonymousSource",
    "Attribution",
    "CasualtyClaim",
    "Claim",
    "Credits",
    "Fingerprints",
    "NameMention",
    "Number",
    "Paragraph",
    "Quotation",
    "Quote",
    "QuoteSpeaker",
    "Sentence",
    "VagueAttribution",
]


@dataclass(frozen=True)
class Voice:
    """Who speaks at a place of the text (:meth:`Analysis.voice_at`).

    ``kind`` is ``"quote"`` (inside a quotation: ``quote`` is it, ``attribution``
    gives its speaker when one is found), ``"attributed"`` (reported speech or a
    view, ``attribution`` is the relation whose sentence holds the place) or
    ``"outlet"`` (the article's own voice).
    """

    kind: str
    quote: Quote | None = None
    attribution: Attribution | None = None


class Analysis:
    """Everything newslint knows about one document's prose."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text

    # -- questions any rule may ask -------------------------------------------

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, at: int | Span) -> Quote | None:
        """The quotation (marks included) holding an offset or a whole span, or None."""
        start, end = (at, at + 1) if isinstance(at, int) else (at.start, max(at.end, at.start + 1))
        i = bisect.bisect_right(self._quote_starts, start) - 1
        # Quotations never overlap, so only the last one starting at or before
        # ``start`` can hold it.
        if i >= 0 and end <= self.quotes[i].end:
            return self.quotes[i]
        return None

    @cached_property
    def _speaker_of(self) -> dict[int, QuoteSpeaker]:
        return {qs.quote.start: qs for qs in self.quote_speakers}

    @cached_property
    def _attributions_by_sentence(self) -> dict[int, list[Attribution]]:
        by_sentence: dict[int, list[Attribution]] = {}
        for a in self.attributions:
            by_sentence.setdefault(a.sentence, []).append(a)
        return by_sentence

    def voice_at(self, offset: int) -> Voice:
        """Whose words stand at ``offset``: a quotation's, an attributed source's, or the outlet's.

        Attributed: inside what any relation of its sentence attributes ("officials
        called [the fighters terrorists]"), or in a sentence with a speech cue
        ("…, police said").
        """
        quote = self.in_quote(offset)
        if quote is not None:
            speaker = self._speaker_of.get(quote.start)
            return Voice("quote", quote, speaker.attribution if speaker is not None else None)
        sentence = self.sentence_at(offset)
        if sentence is not None:
            for a in self._attributions_by_sentence.get(sentence.index, ()):
                if a.content is not None and a.content.start <= offset < a.content.end:
                    return Voice("attributed", None, a)
        found = self.attribution_for(Span(offset, offset + 1))
        if found is not None:
            return Voice("attributed", None, found)
        return Voice("outlet")

    @cached_property
    def headline(self) -> Span | None:
        """The title line opening a plain-text article, or None.

        The first paragraph when it is one short line with no closing full
        stop and other paragraphs follow (a headline, a kicker, a dateline).
        """
        paragraphs = self.paragraphs
        if len(paragraphs) < 2:
            return None
        first = paragraphs[0]
        line = self.text[first.start : first.end]
        if len(line) > 160 or "\n" in line or line.rstrip().endswith((".", "!", "?", "”", '"')):
            return None
        return Span(first.start, first.end)

    def is_headline(self, offset: int) -> bool:
        """Whether ``offset`` falls in the headline (:attr:`headline`)."""
        headline = self.headline
        return headline is not None and headline.start <= offset < headline.end

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.paragraphs)

    @cached_property
    def quotes(self) -> list[Quote]:
        return find_quotes(self.text, self.paragraphs)

    @cached_property
    def attributions(self) -> list[Attribution]:
        """Attribution relations (cue, source, content), in text order; see analysis.attribution."""
        return find_attributions(self.text, self.sentences, self.quotes)

    @cached_property
    def quote_speakers(self) -> list[QuoteSpeaker]:
        """Every quotation with the attribution giving its speaker (or None)."""
        return find_quote_speakers(self.text, self.quotes, self.sentences, self.attributions, self.paragraphs)

    @cached_property
    def anonymous_sources(self) -> list[AnonymousSource]:
        """First mentions of unnamed sources of information; see analysis.sources."""
        return find_anonymous_sources(
            self.text, self.sentences, self.attributions, [q.content for q in self.quotes], self.headline
        )

    @cached_property
    def vague_attributions(self) -> list[VagueAttribution]:
        """Opinions put in the mouth of an unnamed crowd ("many believe"); see analysis.vague."""
        return find_vague_attributions(
            self.text, self.sentences, [q.content for q in self.quotes], self.attributions, self.headline
        )

    @cached_property
    def claims(self) -> list[Claim]:
        """Statistics and record claims, with the source their paragraph gives; see analysis.claims."""
        return find_claims(
            self.text, self.sentences, self.paragraphs, [q.content for q in self.quotes], self.attributions
        )

    def attribution_for(self, span: Span, scope: str = "sentence") -> Attribution | None:
        """The informing attribution that covers ``span``, or None.

        ``scope="sentence"`` looks only in the sentence holding ``span`` (AP:
        attribute in the same sentence); ``"nearby"`` also in the sentences just
        before and after it in its paragraph; ``"paragraph"`` anywhere in its
        paragraph. The nearest attribution wins.
        """
        return attribution_covering(self.attributions, self.sentences, span, scope)

    @cached_property
    def numbers(self) -> list[Number]:
        """Counts in digits and words ("two", "1.5 million", "at least 30")."""
        return find_numbers(self.text)

    @cached_property
    def casualties(self) -> list[CasualtyClaim]:
        """Explicit casualty figures with condition, victim group and source."""
        return find_casualty_claims(
            self.text,
            self.sentences,
            self.paragraphs,
            self.quotes,
            self.attributions,
            year_of(self.document.metadata.get("date")),
        )

    @cached_property
    def names(self) -> list[NameMention]:
        """Mentions of people by name, with titles, first and later references."""
        return find_names(self.text, self.sentences)

    @cached_property
    def quotations(self) -> list[Quotation]:
        """Quotations of six words or more, folded for comparison, with a speaker key
        shared across articles; see analysis.copy."""
        return find_quotations(self.text, self.quote_speakers, self.names)

    @cached_property
    def fingerprints(self) -> Fingerprints:
        """Each sentence's content words outside quotations, stemmed and with synonyms
        folded; see analysis.copy."""
        return fingerprint_sentences(self.text, self.sentences, self.quotes)

    @cached_property
    def credits(self) -> Credits:
        """The wire services and outlets the article credits or names as a source."""
        outlets = [
            self.text[a.source.start : a.source.end]
            for a in self.attributions
            if a.source_kind == "outlet" and a.source is not None
        ]
        return find_credits(self.text, self.paragraphs, self.sentences, outlets, self.document.metadata)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding ``offset`` (or the one before it, between sentences)."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 else None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph | None:
        i = bisect.bisect_right(self._paragraph_starts, offset) - 1
        return self.paragraphs[i] if i >= 0 else None

    def sentences_of(self, paragraph: Paragraph) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph.index]


def analyse(text: str, path: str = "<text>") -> Analysis:
    """The analysis of a plain text (for scripts, notebooks and tests)."""
    return Analysis(Document.from_text(text, path=path))
