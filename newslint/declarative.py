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

import re
import string
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from newslint.config import (
    Config,
    ConfigError,
    Mark,
    _fail,
    _key_mark,
    _kind,
    _value_mark,
    suggest,
)
from newslint.document import Document
from newslint.findings import Severity, Violation
from newslint.plugins import PluginInfo, Plugins
from newslint.rule import _CODE, _NAME, Rule

__all__ = ["PLUGIN_NAME", "DeclarativeRule", "add_custom_rules", "build_custom_rules"]

#: The plugin name the rules are listed under (and ``--disable-plugin`` takes).
PLUGIN_NAME = "custom-rules"

REQUIRED = ("code", "name", "message")
OPTIONAL = ("severity", "phrases", "pattern", "ignore-case", "skip-quotes", "summary", "description", "link")
KEYS = REQUIRED + OPTIONAL
PLACEHOLDERS = ("match", "replacement")


class DeclarativeRule(Rule):
    """The base of every rule defined in rules.yaml (subclassed once per rule)."""

    #: The compiled phrase alternation or pattern.
    regex: ClassVar[re.Pattern[str]]
    #: Normalised phrase -> replacement ("" when none), for phrase lists.
    replacements: ClassVar[Mapping[str, str]] = {}
    message_template: ClassVar[str] = ""
    skip_quotes: ClassVar[bool] = False

    def check(self, document: Document) -> Iterator[Violation]:
        quotes = document.analysis.quotes if self.skip_quotes else ()
        for m in self.regex.finditer(document.text):
            if m.end() == m.start():
                continue  # a pattern that can match nothing flags nothing
            if any(q.start <= m.start() and m.end() <= q.end for q in quotes):
                continue
            replacement = self.replacements.get(_normalise(m.group()), "")
            message = self.message_template.format(match=m.group(), replacement=replacement)
            yield self.violation(document, m.start(), m.end(), message)


def _normalise(phrase: str) -> str:
    return " ".join(phrase.replace("’", "'").split()).casefold()


def _phrase_regex(phrase: str) -> str:
    """A phrase as a regex: any run of spaces for a space, either apostrophe."""
    words = [re.escape(w.replace("’", "'")).replace("'", "['’]") for w in phrase.split()]
    return r"\s+".join(words)


def compile_phrases(phrases: list[str]) -> re.Pattern[str]:
    """One case-insensitive, whole-word alternation; longest phrases first."""
    alternatives = sorted({_phrase_regex(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


class _Reader:
    """Reads one ``custom-rules`` item, raising ConfigError at the right place."""

    def __init__(self, display: str, item: CommentedMap, mark: Mark) -> None:
        self.display, self.item, self.mark = display, item, mark

    def fail_key(self, key: str, message: str) -> ConfigError:
        return _fail(self.display, _key_mark(self.item, key), message)

    def fail_value(self, key: str, message: str) -> ConfigError:
        return _fail(self.display, _value_mark(self.item, key), message)

    def text(self, key: str) -> str:
        value = self.item[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail_value(key, f"'{key}' must be a non-empty string, not {_kind(value)}")
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail_value(key, f"'{key}' must be true or false, not {_kind(value)}")
        return value


def _read_phrases(r: _Reader) -> dict[str, str]:
    """phrase -> replacement ('' when none), from a list or a mapping."""
    value = r.item["phrases"]
    if isinstance(value, CommentedSeq):
        pairs = [(p, None, value, i) for i, p in enumerate(value)]
    elif isinstance(value, CommentedMap):
        pairs = [(p, value[p], value, p) for p in value]
    else:
        raise r.fail_value(
            "phrases",
            f"'phrases' must be a list of phrases or a mapping of phrase to replacement, not {_kind(value)}",
        )
    if not pairs:
        raise r.fail_value("phrases", "'phrases' is empty: give at least one phrase")
    out: dict[str, str] = {}
    for phrase, replacement, container, key in pairs:
        if not isinstance(phrase, str) or not phrase.strip():
            raise _fail(
                r.display,
                _value_mark(container, key)
                if isinstance(container, CommentedSeq)
                else _key_mark(container, key),
                f"a phrase must be a non-empty string, not {_kind(phrase)}",
            )
        if replacement is not None and not isinstance(replacement, str):
            raise _fail(
                r.display,
                _value_mark(container, key),
                f"the replacement of {phrase!r} must be a string, not {_kind(replacement)}",
            )
        out[phrase.strip()] = (replacement or "").strip()
    return out


def _read_pattern(r: _Reader) -> re.Pattern[str]:
    pattern = r.text("pattern")
    try:
        return re.compile(pattern, re.IGNORECASE if r.flag("ignore-case") else 0)
    except re.error as exc:
        raise r.fail_value("pattern", f"'pattern' is not a valid regular expression: {exc}") from None


def _check_message(r: _Reader, message: str, replacements: Mapping[str, str]) -> None:
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        raise r.fail_value(
            "message", f"'message' is not a valid template: {exc} (write {{{{ for a brace)"
        ) from None
    for name in fields:
        if name not in PLACEHOLDERS:
            raise r.fail_value(
                "message",
                f"'message' uses {{{name}}}; only {{match}} and {{replacement}} exist{suggest(name, PLACEHOLDERS)}",
            )
    if "replacement" in fields:
        missing = [p for p, rep in replacements.items() if not rep]
        if not replacements or missing:
            what = f"phrase {missing[0]!r} has none" if missing else "a pattern has none"
            raise r.fail_value("message", f"'message' uses {{replacement}} but {what}")


def _docstring(spec: dict[str, Any]) -> str:
    if spec["phrases"]:
        listed = ", ".join(f"“{p}”" for p in list(spec["phrases"])[:8])
        more = ", …" if len(spec["phrases"]) > 8 else ""
        what = f"the phrases {listed}{more} (any case, whole words)"
        example = next(iter(spec["phrases"]))
        swaps = [f"“{p}” → “{rep}”" for p, rep in spec["phrases"].items() if rep]
        fix = "use the house form: " + ", ".join(swaps[:8]) if swaps else "rephrase."
    else:
        what = f"text matching the regular expression {spec['pattern']!r}"
        example = "text matching the pattern"
        fix = "rephrase."
    why = spec["description"] or "a house rule of this newsroom, defined in rules.yaml."
    if spec["link"]:
        why += f" See {spec['link']}"
    return f"What it checks: {what}.\n\nWhy it matters: {why}\n\nExample: {example}\n\nHow to fix: {fix}\n"


def _build_one(display: str, item: Any, mark: Mark) -> type[DeclarativeRule]:
    if not isinstance(item, CommentedMap):
        raise _fail(
            display,
            mark,
            f"every custom rule must be a mapping of keys ({', '.join(REQUIRED)}, ...), not {_kind(item)}",
        )
    r = _Reader(display, item, mark)
    for key in item:
        if key not in KEYS:
            raise r.fail_key(key, f"unknown key {key!r} in a custom rule{suggest(str(key), KEYS)}")
    for key in REQUIRED:
        if key not in item:
            raise _fail(
                display, mark, f"this custom rule has no {key!r} (a custom rule needs {', '.join(REQUIRED)})"
            )
    code, name, message = r.text("code"), r.text("name"), r.text("message")
    if not _CODE.match(code):
        raise r.fail_value("code", f"code {code!r} must be capitals followed by digits, like HR101")
    if not _NAME.match(name):
        raise r.fail_value("name", f"name {name!r} must be kebab-case, like house-style-words")
    if ("phrases" in item) == ("pattern" in item):
        raise _fail(display, mark, f"custom rule {code} needs either 'phrases' or 'pattern' (exactly one)")
    severity = Severity.WARNING
    if "severity" in item:
        choices = [s.value for s in Severity]
        value = item["severity"]
        if not isinstance(value, str) or value.lower() not in choices:
            raise r.fail_value(
                "severity",
                f"severity must be one of {', '.join(choices)}, not {value!r}{suggest(str(value), choices)}",
            )
        severity = Severity.parse(value)
    if "phrases" in item:
        if "ignore-case" in item:
            raise r.fail_key("ignore-case", "'ignore-case' applies to 'pattern'; phrases always ignore case")
        phrases = _read_phrases(r)
        regex = compile_phrases(list(phrases))
    else:
        phrases = {}
        regex = _read_pattern(r)
    _check_message(r, message, phrases)
    spec = {
        "phrases": phrases,
        "pattern": regex.pattern,
        "description": r.text("description") if "description" in item else "",
        "link": r.text("link") if "link" in item else "",
    }
    summary = r.text("summary") if "summary" in item else "House rule (rules.yaml): " + name.replace("-", " ")
    attrs = {
        "__doc__": _docstring(spec),
        "__module__": __name__,
        "code": code,
        "name": name,
        "summary": summary,
        "severity": severity,
        "regex": regex,
        "replacements": {_normalise(p): rep for p, rep in phrases.items()},
        "message_template": message,
        "skip_quotes": r.flag("skip-quotes"),
    }
    class_name = "Custom" + "".join(part.title() for part in name.split("-"))
    return type(class_name, (DeclarativeRule,), attrs)


def build_custom_rules(config: Config, taken: Mapping[str, str] | None = None) -> list[type[DeclarativeRule]]:
    """The rule classes of ``custom-rules:`` in rules.yaml, checked.

    :param taken: code or name -> plugin, of the rules that already exist; a
        custom rule may not reuse one.
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
        rule = _build_one(display, item, _value_mark(section, i))
        for key in ("code", "name"):
            value = getattr(rule, key)
            if value in seen:
                raise _fail(
                    display,
                    _value_mark(item, key),
                    f"{key} {value!r} is already used by {seen[value]}; choose another",
                )
            seen[value] = f"custom rule {rule.code} above"
        rules.append(rule)
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
