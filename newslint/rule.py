"""Rules: small objects with frozen metadata and a check over the shared analysis.

A document rule reads one document's analysis and yields violations::

    class ShoutingHeadline(Rule):
        '''What it checks ... Why it matters ... Example ... How to fix ...'''

        code = "HR101"
        name = "shouting-headline"
        summary = "A headline in capitals"

        def check(self, document):
            title = document.metadata.get("title", "")
            if title.isupper():
                yield self.violation(document, 0, 1, "the headline is in capitals")

A corpus rule compares the articles of one story. ``collect`` runs in the
per-document pass and returns small picklable facts; ``check_corpus`` reads the
facts of every document of a story group and never the texts, so it scales to
an archive and its facts can be cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

from newslint.document import Document, Location
from newslint.findings import Related, Severity, Violation

#: The sections every rule's docstring has; ``newslint --explain`` prints them.
DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "How to fix")

_CODE = re.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


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

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        merged = dict(type(self).options)
        merged.update(options or {})
        # Instances shadow the class defaults with the effective options.
        self.options = merged  # type: ignore[misc]

    @classmethod
    def metadata_problems(cls) -> list[str]:
        """What is wrong with this rule's metadata (empty when it is well formed)."""
        problems = []
        if not _CODE.match(cls.code or ""):
            problems.append(f"code {cls.code!r} is not capitals followed by digits")
        if not _NAME.match(cls.name or ""):
            problems.append(f"name {cls.name!r} is not kebab-case")
        if not cls.summary:
            problems.append("it has no summary")
        doc = cls.__doc__ or ""
        missing = [s for s in DOC_SECTIONS if s not in doc]
        if missing:
            problems.append("its docstring lacks " + ", ".join(repr(m) for m in missing))
        return problems

    def check(self, document: Document) -> Iterable[Violation]:
        """Yield the violations in one document."""
        raise NotImplementedError

    def violation(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        related: Sequence[Related] = (),
    ) -> Violation:
        """A violation over ``document.text[start:end]``."""
        return Violation(document.locate(start, end), message, tuple(related), document.text[start:end])


class CorpusRule(Rule):
    """Base class of a rule over the articles of a story (map: collect, reduce: check)."""

    scope: ClassVar[str] = "corpus"

    def check(self, document: Document) -> Iterator[Violation]:
        return iter(())

    def collect(self, document: Document) -> list[Any]:
        """Small picklable facts about one document (the map step)."""
        raise NotImplementedError

    def check_corpus(self, facts: Mapping[str, Sequence[Any]]) -> Iterable[Violation]:
        """Violations across one story group, from ``{path: facts}`` (the reduce step)."""
        raise NotImplementedError

    @staticmethod
    def at(location: Location, message: str, related: Sequence[Related] = (), text: str = "") -> Violation:
        """A violation at a location carried by a fact."""
        return Violation(location, message, tuple(related), text)
