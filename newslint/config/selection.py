"""Which rules run, with which severity and options: rules.yaml and the command line bound to the rules.

A *selector* names rules the same way wherever one is written (``select``,
``ignore``, ``per-file-ignores``, a suppression comment): ``ALL`` or ``*``
(every rule), a code or a prefix of codes (``NL2``), or a rule's name
(``anonymous-source``). :func:`selects` is the one place that says whether a
selector picks a rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.config.errors import ConfigError, suggest
from newslint.config.load import Config, RuleSettings
from newslint.findings import Severity
from newslint.rule import Rule

__all__ = ["EVERY_RULE", "RuleSet", "build_rules", "check_selectors", "names", "selects", "unknown_selector"]

#: The selector of every rule.
EVERY_RULE = "ALL"
_EVERY = (EVERY_RULE, "*")


def selects(selector: str, code: str, name: str) -> bool:
    """Whether ``selector`` picks the rule with this code and name."""
    return selector in _EVERY or code.startswith(selector) or selector == name


def names(selector: str, code: str, name: str) -> bool:
    """Whether ``selector`` names this very rule (its code or its name), not a group of rules."""
    return selector in (code, name)


def _unknown(selector: str, rules: Iterable[type[Rule]]) -> bool:
    return selector not in _EVERY and not any(selects(selector, r.code, r.name) for r in rules)


def unknown_selector(selector: str, rules: Mapping[str, type[Rule]]) -> str:
    """Why ``selector`` picks no rule, with the nearest valid one ("" when it picks some)."""
    if not _unknown(selector, rules.values()):
        return ""
    known = [r.name for r in rules.values()] + list(rules)
    return f"no rule has the code, prefix or name {selector!r}{suggest(selector, known)}"


def check_selectors(
    config: Config,
    available: Mapping[str, type[Rule]],
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> None:
    """Every selector of rules.yaml (select, extend-select, ignore, per-file-ignores) and of
    the command line must pick a rule.

    :raises ConfigError: one error per selector that picks none, each at its own
        item, with the nearest valid code or name.
    """
    errors: list[ConfigError] = []
    for key, selectors in (
        ("select", config.select),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
    ):
        for i, sel in enumerate(selectors):
            why = unknown_selector(sel, available)
            if why:
                errors.append(config.error(key, f"{key}: {why}", i))
    for pattern, codes in config.per_file_ignores.items():
        for i, sel in enumerate(codes):
            why = unknown_selector(sel, available)
            if why:
                errors.append(
                    config.error("per-file-ignores", f"per-file-ignores for {pattern!r}: {why}", pattern, i)
                )
    for option, given in (("--select", select), ("--ignore", ignore), ("--extend-select", extend_select)):
        for sel in given:
            why = unknown_selector(sel, available)
            if why:
                errors.append(ConfigError("<command line>", 1, 1, f"{option}: {why}"))
    ConfigError.raise_all(errors)


@dataclass
class RuleSet:
    """The rules that will run, instantiated with their effective options."""

    rules: list[Rule]
    severities: dict[str, Severity]
    enabled_codes: set[str]

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severities.get(code, default)


def build_rules(
    config: Config,
    available: Mapping[str, type[Rule]],
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    extend_select: Sequence[str] = (),
) -> RuleSet:
    """Resolve rules.yaml and the command line into the rules to run.

    :param available: every rule the plugins contributed, by code.

    ``select`` from the command line replaces rules.yaml's; ``ignore`` adds to
    it. Selecting a prefix (``NL2``) or ``ALL`` turns on the rules that are on
    by default; naming a rule's exact code or name turns it on even if it is
    off by default.

    :raises ConfigError: at the line and column of rules.yaml (or on the
        command line) of a selector, rule or option that does not exist.
    """
    by_key: dict[str, type[Rule]] = {}
    for rule in available.values():
        by_key[rule.code] = rule
        by_key[rule.name] = rule
    check_selectors(config, available, select or (), ignore, extend_select)

    chosen_by = list(select) if select else (config.select or [EVERY_RULE])
    chosen_by += list(config.extend_select) + list(extend_select)
    ignores = list(config.ignore) + list(ignore)

    settings: dict[str, RuleSettings] = {}
    for s in config.rules:
        found = by_key.get(s.key)
        if found is None:
            raise ConfigError(
                config.path or "rules.yaml",
                s.mark.line,
                s.mark.column,
                f"unknown rule {s.key!r}{suggest(s.key, by_key)}",
            )
        settings[found.code] = s

    chosen: list[Rule] = []
    severities: dict[str, Severity] = {}
    enabled: set[str] = set()
    for code in sorted(available):
        rule = available[code]
        setting = settings.get(code)
        on = any(
            names(sel, rule.code, rule.name)
            or (selects(sel, rule.code, rule.name) and rule.enabled_by_default)
            for sel in chosen_by
        )
        # newslint's own notices (a file skipped or not fully checked) survive a
        # narrow --select: only an explicit ignore or "enabled: false" hides them.
        on = on or (rule.code.startswith("NL0") and rule.enabled_by_default)
        if setting is not None and setting.enabled is not None:
            on = setting.enabled
        if any(selects(sel, rule.code, rule.name) for sel in ignores):
            on = False
        # The severity of every rule, on or off (--list-rules shows both).
        severities[code] = setting.severity if setting is not None and setting.severity else rule.severity
        if not on:
            continue
        options = _options(rule, setting, config) if setting is not None else {}
        enabled.add(code)
        chosen.append(rule(options))
    return RuleSet(chosen, severities, enabled)


def _options(rule: type[Rule], settings: RuleSettings, config: Config) -> dict[str, Any]:
    """A rule's options from rules.yaml, each checked against the rule's own defaults."""
    options: dict[str, Any] = {}
    for opt, value in settings.options.items():
        mark = settings.option_marks.get("key:" + opt, settings.mark)
        if opt not in rule.options:
            known = list(rule.options) + ["severity", "enabled"]
            raise ConfigError(
                config.path or "rules.yaml",
                mark.line,
                mark.column,
                f"rule {rule.code} ({rule.name}) has no option {opt!r}{suggest(opt, known)}"
                + ("" if rule.options else "; it takes only 'severity' and 'enabled'"),
            )
        default = rule.options[opt]
        vmark = settings.option_marks.get(opt, mark)
        if not _same_type(default, value):
            raise ConfigError(
                config.path or "rules.yaml",
                vmark.line,
                vmark.column,
                f"option {opt!r} of rule {rule.code} must be {_type_name(default)}, not {_type_name(value)}",
            )
        options[opt] = value
    return options


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, (list, tuple)):
        return isinstance(value, list)
    return isinstance(value, type(default))


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return "a string"
