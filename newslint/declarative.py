"""Declarative rules: a newsroom's own rule in rules.yaml, without Python.

Each item of the ``custom-rules:`` list becomes a :class:`newslint.Rule`
class that joins the rule registry like any plugin's rule, so it can be
selected, ignored, tuned under ``rules:``, listed and explained::

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
alternation per rule; a ``pattern`` is a Python regular expression
(case-sensitive unless ``ignore-case: true``). Every mistake is reported at
its line and column in rules.yaml.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from newslint.analysis._scan import trie_pattern
from newslint.config import (
    Config,
    ConfigError,
    Mark,
    _fail,
    _key_mark,
    _kind,
    _value_mark,
    suggest,
    suggest_key,
)
from newslint.document import Document
from newslint.findings import Severity, Violation
from newslint.plugins import PluginInfo, Plugins
from newslint.rule import Rule, valid_code, valid_name
from newslint.spans import Span

if TYPE_CHECKING:
    from newslint.analysis import Analysis

__all__ = ["PLUGIN_NAME", "CustomRuleSpec", "DeclarativeRule", "add_custom_rules", "build_custom_rules"]

#: The plugin name the rules are listed under (and ``--disable-plugin`` takes).
PLUGIN_NAME = "custom-rules"

REQUIRED = ("code", "name", "message")
OPTIONAL = ("severity", "phrases", "pattern", "ignore-case", "skip-quotes", "summary", "description", "link")
KEYS = REQUIRED + OPTIONAL
PLACEHOLDERS = ("match", "replacement")


@dataclass(frozen=True)
class CustomRuleSpec:
    """One checked ``custom-rules`` item, as plain data."""

    code: str
    name: str
    message: str
    severity: Severity
    summary: str
    #: (phrase, replacement or "") pairs; empty for a pattern rule.
    phrases: tuple[tuple[str, str], ...] = ()
    pattern: str = ""
    ignore_case: bool = False
    skip_quotes: bool = False
    description: str = ""
    link: str = ""

    def compile(self) -> re.Pattern[str]:
        if self.phrases:
            return compile_phrases([p for p, _ in self.phrases])
        return re.compile(self.pattern, re.IGNORECASE if self.ignore_case else 0)


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
            yield self.violation(document, m.start(), m.end(), message)

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
        "regex": spec.compile(),
        "replacements": {_normalise(p): rep for p, rep in spec.phrases},
    }
    class_name = "Custom" + "".join(part.title() for part in spec.name.split("-"))
    return type(class_name, (DeclarativeRule,), attrs)


def _instance(spec: CustomRuleSpec, options: dict[str, Any]) -> DeclarativeRule:
    return make_rule(spec)(options)


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
        what = f"text matching the regular expression {spec.pattern!r}"
        example = "text matching the pattern"
        fix = "rephrase."
    why = spec.description or "a house rule of this newsroom, defined in rules.yaml."
    if spec.link:
        why += f" See {spec.link}"
    if spec.skip_quotes:
        what += "; quotations are left alone"
    return f"What it checks: {what}.\n\nWhy it matters: {why}\n\nExample: {example}\n\nHow to fix: {fix}\n"


# --------------------------------------------------------------------------
# Reading rules.yaml
# --------------------------------------------------------------------------


class _Reader:
    """Reads one ``custom-rules`` item, raising ConfigError at the right place."""

    def __init__(self, display: str, item: CommentedMap, mark: Mark) -> None:
        self.display, self.item, self.mark = display, item, mark

    def fail_key(self, key: str, message: str) -> ConfigError:
        return _fail(self.display, _key_mark(self.item, key), message)

    def fail_value(self, key: str, message: str) -> ConfigError:
        return _fail(self.display, _value_mark(self.item, key), message)

    def text(self, key: str, default: str = "") -> str:
        if key not in self.item:
            return default
        value = self.item[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail_value(key, f"'{key}' must be a non-empty string, not {_kind(value)}")
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail_value(key, f"'{key}' must be true or false, not {_kind(value)}")
        return value

    def severity(self) -> Severity:
        value = self.item.get("severity", Severity.WARNING.value)
        choices = [s.value for s in Severity]
        if not isinstance(value, str) or value.lower() not in choices:
            raise self.fail_value(
                "severity",
                f"severity must be one of {', '.join(choices)}, not {value!r}{suggest(str(value), choices)}",
            )
        return Severity.parse(value)

    def phrases(self) -> tuple[tuple[str, str], ...]:
        """(phrase, replacement or ''), from a list or a mapping."""
        value = self.item["phrases"]
        if isinstance(value, CommentedSeq):
            items = [(p, None, _value_mark(value, i)) for i, p in enumerate(value)]
        elif isinstance(value, CommentedMap):
            items = [(p, value[p], _key_mark(value, p)) for p in value]
        else:
            raise self.fail_value(
                "phrases",
                f"'phrases' must be a list of phrases or a mapping of phrase to replacement, not {_kind(value)}",
            )
        if not items:
            raise self.fail_value("phrases", "'phrases' is empty: give at least one phrase")
        out = []
        for phrase, replacement, mark in items:
            if not isinstance(phrase, str) or not phrase.strip():
                raise _fail(self.display, mark, f"a phrase must be a non-empty string, not {_kind(phrase)}")
            if replacement is not None and not isinstance(replacement, str):
                raise _fail(
                    self.display,
                    _value_mark(value, phrase),
                    f"the replacement of {phrase!r} must be a string, not {_kind(replacement)}",
                )
            out.append((phrase.strip(), (replacement or "").strip()))
        return tuple(out)

    def pattern(self) -> str:
        pattern = self.text("pattern")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise self.fail_value("pattern", f"'pattern' is not a valid regular expression: {exc}") from None
        return pattern

    def check_message(self, message: str, phrases: tuple[tuple[str, str], ...]) -> None:
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
        except ValueError as exc:
            raise self.fail_value(
                "message", f"'message' is not a valid template: {exc} (write {{{{ for a brace)"
            ) from None
        for name in fields:
            if name not in PLACEHOLDERS:
                raise self.fail_value(
                    "message",
                    f"'message' uses {{{name}}}; only {{match}} and {{replacement}} exist{suggest(name, PLACEHOLDERS)}",
                )
        if "replacement" in fields:
            missing = [p for p, rep in phrases if not rep]
            if not phrases or missing:
                what = f"phrase {missing[0]!r} has none" if missing else "a pattern has none"
                raise self.fail_value("message", f"'message' uses {{replacement}} but {what}")


def read_spec(display: str, item: Any, mark: Mark) -> CustomRuleSpec:
    """Check one ``custom-rules`` item; ``mark`` is where the item starts."""
    if not isinstance(item, CommentedMap):
        raise _fail(
            display,
            mark,
            f"every custom rule must be a mapping of keys ({', '.join(REQUIRED)}, ...), not {_kind(item)}",
        )
    r = _Reader(display, item, mark)
    for key in item:
        if key not in KEYS:
            raise r.fail_key(key, f"unknown key {key!r} in a custom rule{suggest_key(str(key), KEYS)}")
    for key in REQUIRED:
        if key not in item:
            raise _fail(
                display, mark, f"this custom rule has no {key!r} (a custom rule needs {', '.join(REQUIRED)})"
            )
    code, name, message = r.text("code"), r.text("name"), r.text("message")
    if not valid_code(code):
        raise r.fail_value("code", f"code {code!r} must be capitals followed by digits, like HR101")
    if code.startswith("NL"):
        raise r.fail_value(
            "code", f"code {code!r}: the NL prefix is newslint's own; use your own, like HR101"
        )
    if not valid_name(name):
        raise r.fail_value("name", f"name {name!r} must be kebab-case, like house-style-words")
    if ("phrases" in item) == ("pattern" in item):
        raise _fail(display, mark, f"custom rule {code} needs either 'phrases' or 'pattern' (exactly one)")
    if "phrases" in item and "ignore-case" in item:
        raise r.fail_key("ignore-case", "'ignore-case' applies to 'pattern'; phrases always ignore case")
    phrases = r.phrases() if "phrases" in item else ()
    pattern = r.pattern() if "pattern" in item else ""
    r.check_message(message, phrases)
    return CustomRuleSpec(
        code=code,
        name=name,
        message=message,
        severity=r.severity(),
        summary=r.text("summary", "House rule (rules.yaml): " + name.replace("-", " ")),
        phrases=phrases,
        pattern=pattern,
        ignore_case=r.flag("ignore-case"),
        skip_quotes=r.flag("skip-quotes"),
        description=r.text("description"),
        link=r.text("link"),
    )


def build_custom_rules(config: Config, taken: Mapping[str, str] | None = None) -> list[type[DeclarativeRule]]:
    """The rule classes of ``custom-rules:`` in rules.yaml, checked.

    :param taken: code or name -> who uses it, of the rules that already
        exist; a custom rule may not reuse one.
    :raises ConfigError: at the line and column of the first problem.
    """
    section = config.sections.get("custom-rules")
    display = config.path or "rules.yaml"
    if section is None:
        return []
    if not isinstance(section, CommentedSeq):
        raise config.error("custom-rules", f"'custom-rules' must be a list of rules, not {_kind(section)}")
    rules: list[type[DeclarativeRule]] = []
    seen = dict(taken or {})
    for i, item in enumerate(section):
        spec = read_spec(display, item, _value_mark(section, i))
        for key, value in (("code", spec.code), ("name", spec.name)):
            if value in seen:
                raise _fail(
                    display,
                    _value_mark(item, key),
                    f"{key} {value!r} is already used by {seen[value]}; choose another",
                )
            seen[value] = f"custom rule {spec.code} above"
        rules.append(make_rule(spec))
    return rules


def add_custom_rules(plugins: Plugins, config: Config) -> None:
    """Build the custom rules of ``config`` and add them to the loaded plugins."""
    taken: dict[str, str] = {}
    for code, rule in plugins.rules.items():
        owner = f"rule {code} ({rule.name}) of plugin {plugins.plugin_of(code)!r}"
        taken[code] = taken[rule.name] = owner
    rules = build_custom_rules(config, taken)
    if not rules:
        return
    for rule in rules:
        plugins.rules[rule.code] = rule
        plugins.rule_plugin[rule.code] = PLUGIN_NAME
    plugins.info[PLUGIN_NAME] = PluginInfo(PLUGIN_NAME, "local", config.path or "rules.yaml", False)
