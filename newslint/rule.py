"""Rules: small objects with frozen metadata and a check over the shared analysis.

A document rule reads one document and its shared analysis, and yields
violations; it never re-reads the text itself::

    class ShoutingHeadline(Rule):
        '''What it checks ... Why it matters ... Example ... How to fix ...'''

        code = "HR101"
        name = "shouting-headline"
        summary = "A headline in capitals"

        def check(self, document, analysis):
            headline = analysis.headline
            if headline is not None and document.text[headline.start : headline.end].isupper():
                yield self.violation(document, headline.start, headline.end, "the headline is in capitals")

A corpus rule compares the articles of one story (map, then reduce).
``collect(document, analysis)`` runs in the per-document pass and returns
small picklable facts of one *kind* (``fact_kind``); rules that read the same
kind share one collection, made once per document. ``check_corpus(story)``
reads the facts of every document of a :class:`~newslint.story.Story` and
never the texts, so it scales to an archive and its facts can be cached.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.document import Document
from newslint.findings import Related, Severity, Violation
from newslint.fixes import Fix, Spot
from newslint.spans import Location, Span
from newslint.story import Story

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = ["DOC_SECTIONS", "CorpusRule", "Rule", "valid_code", "valid_name"]

#: The sections every rule's docstring has; ``newslint --explain`` prints them.
DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "How to fix")

_CODE = re.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def valid_code(code: str) -> bool:
    """A rule code: a prefix of capitals, then digits (``NL201``, ``HR101``)."""
    return bool(_CODE.match(code))


def valid_name(name: str) -> bool:
    """A rule name: kebab-case (``anonymous-source``)."""
    return bool(_NAME.match(name))


class Rule:
    """Base class of a document rule. Subclass it and set the class attributes."""

    #: Unique code: a prefix of capitals and digits, e.g. ``NL201`` or ``HR101``.
    code: ClassVar[str] = ""
    #: kebab-case name describing the pattern flagged, e.g. ``anonymous-source``.
    name: ClassVar[str] = ""
    #: One line for ``--list-rules``.
    summary: ClassVar[str] = ""
    #: Default severity; rules.yaml may override it.
    severity: ClassVar[Severity] = Severity.WARNING
    #: Options with their defaults; rules.yaml may override them (same types).
    options: ClassVar[Mapping[str, Any]] = {}
    #: Off unless selected (rules that trade recall for noise).
    enabled_by_default: ClassVar[bool] = True
    #: "document" or "corpus".
    scope: ClassVar[str] = "document"
    #: The rule attaches fixes to (some of) its violations (:mod:`newslint.fixes`);
    #: the engine keeps fixes only from rules that say so.
    fixable: ClassVar[bool] = False

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        merged = dict(type(self).options)
        merged.update(options or {})
        # Instances shadow the class defaults with the effective options.
        self.options = merged  # type: ignore[misc]

    @classmethod
    def metadata_problems(cls) -> list[str]:
        """What is wrong with this rule's metadata (empty when it is well formed)."""
        problems = []
        if not (isinstance(cls.code, str) and _CODE.match(cls.code)):
            problems.append(f"code {cls.code!r} is not capitals followed by digits")
        if not (isinstance(cls.name, str) and _NAME.match(cls.name)):
            problems.append(f"name {cls.name!r} is not kebab-case")
        if not cls.summary or not isinstance(cls.summary, str):
            problems.append("it has no summary")
        if not isinstance(cls.severity, Severity):
            problems.append(f"severity {cls.severity!r} is not a Severity")
        if not isinstance(cls.options, Mapping) or not all(isinstance(k, str) for k in cls.options):
            problems.append("its options are not a mapping of names to defaults")
        if issubclass(cls, CorpusRule) and not isinstance(cls.fact_kind, str):
            problems.append(f"fact_kind {cls.fact_kind!r} is not a string")
        doc = cls.__doc__ if isinstance(cls.__doc__, str) else ""
        missing = [s for s in DOC_SECTIONS if s not in doc]
        if missing:
            problems.append("its docstring lacks " + ", ".join(repr(m) for m in missing))
        for method, arguments in cls._signatures().items():
            if _positional(getattr(cls, method)) != arguments:
                wanted = ", ".join(("self",) + _ARGUMENTS[arguments])
                problems.append(f"{method}() must take ({wanted})")
        return problems

    @classmethod
    def documentation(cls) -> str:
        """The rule's docstring, dedented: what ``--explain`` prints and an editor shows on hover."""
        # The first line of a class docstring is not indented like the rest.
        first, _, rest = (cls.__doc__ or "").strip().partition("\n")
        return (first.strip() + ("\n" + textwrap.dedent(rest) if rest else "")).strip()

    @classmethod
    def _signatures(cls) -> dict[str, int]:
        """Method name -> how many arguments it takes besides self."""
        return {"check": 2}

    def check(self, document: Document, analysis: Analysis) -> Iterable[Violation]:
        """Yield the violations in one document, reading its shared analysis."""
        raise NotImplementedError

    def violation(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        related: Sequence[Related] = (),
        fix: Fix | None = None,
    ) -> Violation:
        """A violation over ``document.text[start:end]``, with a fix if the rule has one."""
        return Violation(document.locate(start, end), message, tuple(related), document.text[start:end], fix)

    @staticmethod
    def spot(document: Document, analysis: Analysis, span: Span, old: str | None = None) -> Spot | None:
        """The range of the source file that holds the prose ``span``, for a fix to rewrite.

        None when the prose is not written there character for character (markup
        or an HTML entity inside the range, a non-breaking space read as a
        space), or does not read ``old`` when it is given: such a range is left
        alone. A spot inside a quotation is marked, and a fix over it is unsafe.
        """
        if not 0 <= span.start < span.end <= len(document.text):
            return None
        if old is not None and document.text[span.start : span.end] != old:
            return None
        start = document.source_offset(span.start)
        end = document.source_offset(span.end - 1) + 1
        if document.source[start:end] != document.text[span.start : span.end]:
            return None
        return Spot(start, end, analysis.in_quote(span) is not None, document.format)

    def replacement(
        self,
        document: Document,
        analysis: Analysis,
        spans: Iterable[Span],
        text: str,
        message: str,
        old: str | None = None,
    ) -> Fix | None:
        """A fix writing ``text`` over every span of the prose; None if one cannot be rewritten.

        ``old``: what each span must read (a rule that places a span by arithmetic
        on the analysis, such as the end of a name, says what it expects there).
        """
        spots = [self.spot(document, analysis, span, old) for span in spans]
        if any(s is None for s in spots):
            return None
        return Fix.replacing([s for s in spots if s is not None], text, message)


_ARGUMENTS = {1: ("story",), 2: ("document", "analysis")}


def _positional(function: Any) -> int | None:
    """How many positional arguments a method takes besides self (None: any number)."""
    try:
        params = list(inspect.signature(function).parameters.values())[1:]
    except (TypeError, ValueError):
        return None
    if any(p.kind is p.VAR_POSITIONAL for p in params):
        return None
    return sum(
        p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty for p in params
    )


class CorpusRule(Rule):
    """Base class of a rule over the articles of a story (map: collect, reduce: check_corpus)."""

    scope: ClassVar[str] = "corpus"
    #: The kind of facts ``collect`` makes; rules naming one kind share one
    #: collection per document (and one ``collect``, defined once in a shared
    #: base class). Default: the rule's own code.
    fact_kind: ClassVar[str] = ""

    @classmethod
    def kind(cls) -> str:
        """The kind of facts this rule collects and reads."""
        return cls.fact_kind or cls.code

    @classmethod
    def _signatures(cls) -> dict[str, int]:
        return {"collect": 2, "check_corpus": 1}

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        return iter(())

    def collect(self, document: Document, analysis: Analysis) -> list[Any]:
        """Small picklable facts about one document (the map step).

        Facts must not hold anything the engine knows better at reduce time
        (the document's path as a label, its outlet or date): a story gives
        those (:meth:`Story.document`), so facts can be cached and reused after
        a file is renamed.
        """
        raise NotImplementedError

    def check_corpus(self, story: Story) -> Iterable[Violation]:
        """Violations across one story (the reduce step): ``story.facts(self.kind())``."""
        raise NotImplementedError

    @staticmethod
    def at(
        location: Location,
        message: str,
        related: Sequence[Related] = (),
        text: str = "",
        fix: Fix | None = None,
    ) -> Violation:
        """A violation at a location carried by a fact (with a fix built from spots its facts keep)."""
        return Violation(location, message, tuple(related), text, fix)
