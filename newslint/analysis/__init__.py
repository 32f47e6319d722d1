"""The shared analysis of one document, computed lazily and once.

Rules and plugins read this model instead of re-tokenising the text::

    analysis = document.analysis
    for sentence in analysis.sentences: ...
    for quote in analysis.quotes: ...

Each layer is computed the first time it is asked for and then kept, so a rule
set that never asks for names never pays for them. The analysis knows nothing
of rules, configuration or output: it only describes the text.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import TYPE_CHECKING

from newslint.analysis.attribution import Attribution, attribution_covering, find_attributions
from newslint.analysis.casualties import CasualtyClaim, find_casualty_claims, year_of
from newslint.analysis.names import NameMention, find_names
from newslint.analysis.numbers import Number, find_numbers
from newslint.analysis.quotes import Quote, find_quotes
from newslint.analysis.segments import Paragraph, Sentence, split_paragraphs, split_sentences
from newslint.analysis.sources import AnonymousSource, find_anonymous_sources
from newslint.analysis.speakers import QuoteSpeaker, find_quote_speakers

if TYPE_CHECKING:
    from newslint.document import Document, Span

__all__ = [
    "Analysis",
    "AnonymousSource",
    "Attribution",
    "CasualtyClaim",
    "NameMention",
    "Number",
    "Paragraph",
    "Quote",
    "QuoteSpeaker",
    "Sentence",
]


class Analysis:
    """Everything newslint knows about one document's prose."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text

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
        return find_quote_speakers(self.text, self.quotes, self.sentences, self.attributions)

    @cached_property
    def anonymous_sources(self) -> list[AnonymousSource]:
        """First mentions of unnamed sources of information; see analysis.sources."""
        return find_anonymous_sources(
            self.text, self.sentences, self.attributions, [q.content for q in self.quotes]
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
