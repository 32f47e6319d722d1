"""Declarative rules: a newsroom's own rule in rules.yaml, without Python.

Each item of the ``custom-rules:`` list becomes a :class:`newslint.Rule`
class, contributed by the custom-rules plugin (:class:`CustomRules`), which is
registered at start-up like any other plugin, so its rules can be selected,
ignored, tuned under ``rules:``, listed and explained::

    custom-rules:
      - code: HR101
        name: house-style-words
        message: "“{match}”: house style is “{replacement}”"
        severity: warning
        phrases:
          war-torn: affected by the war
          slammed: criticised
      - code: HR102
        name: per-cent-in-words
        message: "write “percent” in one word"
        pattern: '\\bper cent\\b'

A phrase list is matched case-insensitively, on whole words, as one compiled
alternation per rule; a phrase with a replacement is fixable (``--fix``
writes the replacement, in the case of the text it replaces, and leaves
quotations alone unless ``--unsafe-fixes``); a ``pattern`` is a Python regular expression
(case-sensitive unless ``ignore-case: true``). Every mistake is reported at
its line and column in rules.yaml (:mod:`newslint.config.custom_rules` reads
the items).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.analysis._scan import trie_pattern
from newslint.config import Config, CustomRuleSpec, read_custom_rules
from newslint.document import Document
from newslint.findings import Violation
from newslint.markers import hookimpl
from newslint.rule import Rule
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = [
    "PLUGIN_NAME",
    "CustomRules",
    "DeclarativeRule",
    "build_custom_rules",
    "cased_like",
    "compile_phrases",
    "make_rule",
]

#: The plugin name the rules are listed under (and ``--disable-plugin`` takes).
PLUGIN_NAME = "custom-rules"


class DeclarativeRule(Rule):
    """The base of every rule defined in rules.yaml (subclassed once per rule)."""

    spec: ClassVar[CustomRuleSpec]
    #: The compiled phrase alternation or pattern.
    regex: ClassVar[re.Pattern[str]]
    #: Normalised phrase -> replacement ("" when none), for phrase lists.
    replacements: ClassVar[Mapping[str, str]] = {}

    def check(self, document: Document, analysis: Analysis) -> Iterator[Violation]:
        skip_quotes = self.spec.skip_quotes
        for m in self.regex.finditer(document.text):
            if m.end() == m.start():
                continue  # a pattern that can match nothing flags nothing
            if skip_quotes and analysis.in_quote(Span(m.start(), m.end())) is not None:
                continue
            replacement = self.replacements.get(_normalise(m.group()), "")
            message = self.spec.message.format(match=m.group(), replacement=replacement)
            fix = None
            if replacement:
                written = cased_like(m.group(), replacement)
                span = Span(m.start(), m.end())
                fix = self.replacement(document, analysis, [span], written, f"write “{written}”")
            yield self.violation(document, m.start(), m.end(), message, fix=fix)

    def __reduce__(self) -> tuple[Any, ...]:
        # The class is made at run time, so pickle (worker processes, caches)
        # rebuilds it from its spec instead of looking it up by name.
        return (_instance, (self.spec, dict(self.options)))


@functools.cache
def make_rule(spec: CustomRuleSpec) -> type[DeclarativeRule]:
    """The rule class of a spec (one class per spec)."""
    attrs = {
        "__doc__": _docstring(spec),
        "__module__": __name__,
        "code": spec.code,
        "name": spec.name,
        "summary": spec.summary,
        "severity": spec.severity,
        "spec": spec,
        "regex": _compile(spec),
        "replacements": {_normalise(p): rep for p, rep in spec.phrases},
        "fixable": any(rep for _, rep in spec.phrases),
    }
    class_name = "Custom" + "".join(part.title() for part in spec.name.split("-"))
    return type(class_name, (DeclarativeRule,), attrs)


def _compile(spec: CustomRuleSpec) -> re.Pattern[str]:
    if spec.phrases:
        return compile_phrases([p for p, _ in spec.phrases])
    return re.compile(spec.pattern, re.IGNORECASE if spec.ignore_case else 0)


def _instance(spec: CustomRuleSpec, options: dict[str, Any]) -> DeclarativeRule:
    return make_rule(spec)(options)


def cased_like(match: str, replacement: str) -> str:
    """The replacement in the case of the text it replaces: “KIEV” -> “KYIV”, and a
    capital kept at the start of a sentence (“Slammed” -> “Criticised”)."""
    if len(match) > 1 and match.isupper() and not replacement.isupper():
        return replacement.upper()
    if match[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _normalise(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").split()).casefold()


def _token(ch: str) -> str:
    """One character of a phrase as a regex: any run of spaces for a space, either apostrophe."""
    if ch == " ":
        return r"\s+"
    if ch == "'":
        return "['’]"
    return re.escape(ch)


def compile_phrases(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word regex for a whole phrase list.

    The phrases are factored into a trie (``war(?:\\-torn)?``), so the regex
    engine tries each character once whatever the length of the list; a
    plain alternation of hundreds of phrases is ten times slower. The
    longest phrase that ends on a word boundary wins.
    """
    folded = (" ".join(phrase.replace("’", "'").lower().split()) for phrase in phrases)
    return re.compile(r"(?<!\w)" + trie_pattern(folded, _token) + r"(?!\w)", re.IGNORECASE)


def _docstring(spec: CustomRuleSpec) -> str:
    if spec.phrases:
        listed = ", ".join(f"“{p}”" for p, _ in spec.phrases[:8])
        more = ", …" if len(spec.phrases) > 8 else ""
        what = f"the phrases {listed}{more} (any case, whole words)"
        example = spec.phrases[0][0]
        swaps = [f"“{p}” → “{rep}”" for p, rep in spec.phrases if rep]
        fix = "use the house form: " + ", ".join(swaps[:8]) if swaps else "rephrase."
    else:
        # As written in rules.yaml, not as a Python string literal (no doubled backslashes).
        what = f"text matching the regular expression `{spec.pattern}`" + (
            " (any case)" if spec.ignore_case else ""
        )
        example = "text matching the pattern"
        fix = "rephrase."
    why = spec.description or "a house rule of this newsroom, defined in rules.yaml."
    if spec.link:
        why += f" See {spec.link}"
    if spec.skip_quotes:
        what += "; quotations are left alone"
    return f"What it checks: {what}.\n\nWhy it matters: {why}\n\nExample: {example}\n\nHow to fix: {fix}\n"


def build_custom_rules(config: Config, taken: Mapping[str, str] | None = None) -> list[type[DeclarativeRule]]:
    """The rule classes of ``custom-rules:`` in rules.yaml, checked.

    :param taken: code or name -> who uses it, of the rules that already
        exist; a custom rule may not reuse one.
    :raises ConfigError: at the line and column of the first problem.
    """
    return [make_rule(spec) for spec in read_custom_rules(config, taken)]


class CustomRules:
    """The custom-rules plugin: the house rules of one rules.yaml, contributed
    through the ``newslint_rules`` hook like any other plugin's rules."""

    def __init__(self, rules: list[type[DeclarativeRule]]) -> None:
        self.rules = rules

    @hookimpl
    def newslint_rules(self) -> list[type[DeclarativeRule]]:
        return list(self.rules)
