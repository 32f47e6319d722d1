"""The ``custom-rules:`` section of rules.yaml: house rules written as data.

Each item is checked here, every mistake reported at its line and column, and
becomes a :class:`CustomRuleSpec`, plain data from which
:mod:`newslint.declarative` makes a rule class. The section is read when the
custom-rules plugin is built (so ``--disable-plugin custom-rules`` skips it),
against the codes and names the other plugins' rules already use.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from newslint.config.errors import (
    ConfigError,
    Mark,
    describe,
    fail,
    key_mark,
    suggest,
    suggest_key,
    value_mark,
)
from newslint.config.load import Config
from newslint.findings import Severity
from newslint.rule import valid_code, valid_name

__all__ = ["KEYS", "PLACEHOLDERS", "REQUIRED", "CustomRuleSpec", "read_custom_rules", "read_spec"]

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


class _Reader:
    """Reads one ``custom-rules`` item, raising ConfigError at the right place."""

    def __init__(self, display: str, item: CommentedMap, mark: Mark) -> None:
        self.display, self.item, self.mark = display, item, mark

    def fail_key(self, key: str, message: str) -> ConfigError:
        return fail(self.display, key_mark(self.item, key), message)

    def fail_value(self, key: str, message: str) -> ConfigError:
        return fail(self.display, value_mark(self.item, key), message)

    def text(self, key: str, default: str = "") -> str:
        if key not in self.item:
            return default
        value = self.item[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail_value(key, f"'{key}' must be a non-empty string, not {describe(value)}")
        return value.strip()

    def flag(self, key: str) -> bool:
        value = self.item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail_value(key, f"'{key}' must be true or false, not {describe(value)}")
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
            items = [(p, None, value_mark(value, i)) for i, p in enumerate(value)]
        elif isinstance(value, CommentedMap):
            items = [(p, value[p], key_mark(value, p)) for p in value]
        else:
            raise self.fail_value(
                "phrases",
                f"'phrases' must be a list of phrases or a mapping of phrase to replacement, not {describe(value)}",
            )
        if not items:
            raise self.fail_value("phrases", "'phrases' is empty: give at least one phrase")
        out = []
        for phrase, replacement, mark in items:
            if not isinstance(phrase, str) or not phrase.strip():
                raise fail(self.display, mark, f"a phrase must be a non-empty string, not {describe(phrase)}")
            if replacement is not None and not isinstance(replacement, str):
                raise fail(
                    self.display,
                    value_mark(value, phrase),
                    f"the replacement of {phrase!r} must be a string, not {describe(replacement)}",
                )
            out.append((phrase.strip(), (replacement or "").strip()))
        return tuple(out)

    def pattern(self) -> str:
        pattern = self.text("pattern")
        try:
            re.compile(pattern)
        except re.error as exc:
            raise self.fail_value("pattern", f"'pattern' is not a valid regular expression: {exc}") from None
        except (RecursionError, OverflowError, MemoryError):  # nested thousands of groups deep
            raise self.fail_value(
                "pattern", "'pattern' is too large or nested too deeply to compile"
            ) from None
        return pattern

    def check_message(self, message: str, phrases: tuple[tuple[str, str], ...]) -> None:
        try:
            parsed = [(f, spec, conversion) for _, f, spec, conversion in string.Formatter().parse(message)]
        except ValueError as exc:
            raise self.fail_value(
                "message", f"'message' is not a valid template: {exc} (write {{{{ for a brace)"
            ) from None
        fields = {f for f, _, _ in parsed if f is not None}
        for name, spec, conversion in parsed:
            if name is not None and (spec or conversion):
                # ({match:>300000000} would write 300 MB per finding.)
                written = (
                    "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
                )
                raise self.fail_value(
                    "message",
                    f"'message' uses {written}: a placeholder takes no format or conversion; write {{{name}}}",
                )
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
        raise fail(
            display,
            mark,
            f"every custom rule must be a mapping of keys ({', '.join(REQUIRED)}, ...), not {describe(item)}",
        )
    r = _Reader(display, item, mark)
    for key in item:
        if key not in KEYS:
            raise r.fail_key(key, f"unknown key {key!r} in a custom rule{suggest_key(str(key), KEYS)}")
    for key in REQUIRED:
        if key not in item:
            raise fail(
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
        raise fail(display, mark, f"custom rule {code} needs either 'phrases' or 'pattern' (exactly one)")
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


def read_custom_rules(config: Config, taken: Mapping[str, str] | None = None) -> list[CustomRuleSpec]:
    """The checked items of ``custom-rules:`` in rules.yaml.

    :param taken: code or name -> who uses it, of the rules that already
        exist; a custom rule may not reuse one.
    :raises ConfigError: at the line and column of the first problem.
    """
    section = config.sections.get("custom-rules")
    display = config.path or "rules.yaml"
    if section is None:
        return []
    if not isinstance(section, CommentedSeq):
        raise config.error("custom-rules", f"'custom-rules' must be a list of rules, not {describe(section)}")
    specs: list[CustomRuleSpec] = []
    seen = dict(taken or {})
    for i, item in enumerate(section):
        spec = read_spec(display, item, value_mark(section, i))
        for key, value in (("code", spec.code), ("name", spec.name)):
            if value in seen:
                raise fail(
                    display,
                    value_mark(item, key),
                    f"{key} {value!r} is already used by {seen[value]}; choose another",
                )
            seen[value] = f"custom rule {spec.code} above"
        specs.append(spec)
    return specs
