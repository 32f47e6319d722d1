"""Property tests at the boundaries: any rules.yaml is a Config or a ConfigError at a place,
and anything a rule yields is a Finding or a reported mistake (never a crash)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.config import ConfigError
from newslint.config.load import parse_config
from newslint.engine.results import InvalidViolation, finding
from newslint.findings import Finding, Related, Severity, Violation
from newslint.plugins import load_plugins
from newslint.spans import Location

KEYS = ["select", "ignore", "rules", "plugins", "custom-rules", "exclude", "per-file-ignores", "severity"]
KEYS += ["NL201", "code", "name", "phrases", "pattern", "message", "story-by", "x"]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from(
        ["NL2", "NL201", "error", "{match}", "{match:>9}", "'", '"', "&a", "*a", "!!python/name:os.system"]
    ),
    st.text(max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)
    ),
    max_leaves=25,
)


def _yaml(value: object, indent: int = 0) -> str:
    """Block YAML, written by hand so that odd scalars stay odd (no quoting by a library)."""
    pad = "  " * indent
    if isinstance(value, dict):
        if not value:
            return pad + "{}\n"
        return "".join(
            f"{pad}{k}:\n{_yaml(v, indent + 1)}"
            if isinstance(v, (dict, list)) and v
            else f"{pad}{k}: {_flat(v)}\n"
            for k, v in value.items()
        )
    if isinstance(value, list):
        if not value:
            return pad + "[]\n"
        return "".join(f"{pad}-\n{_yaml(v, indent + 1)}" for v in value)
    return f"{pad}{_flat(value)}\n"


def _flat(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "{}" if isinstance(value, dict) else "[]"
    return "null" if value is None else str(value)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=5), st.text(max_size=20))
def test_any_rules_yaml_is_a_config_or_an_error_at_a_place(data, tail):
    for text in (_yaml(data), _yaml(data) + tail):
        try:
            parse_config(text)
        except ConfigError as exc:
            assert exc.line >= 1 and exc.column >= 1


PLUGINS = load_plugins()
RULE = PLUGINS.rules["NL201"]()

junk = st.one_of(
    st.none(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5), st.booleans(), st.just(b"x")
)
numbers = st.one_of(st.integers(min_value=-3, max_value=10**20), junk)
locations = st.one_of(
    st.builds(Location, st.one_of(st.just("a.txt"), junk), numbers, numbers, numbers, numbers), junk
)
related = st.one_of(st.builds(Related, locations, st.one_of(st.text(max_size=5), junk)), junk)
violations = st.one_of(
    st.builds(
        Violation,
        locations,
        st.one_of(st.text(max_size=10), junk),
        st.one_of(st.lists(related, max_size=3).map(tuple), st.lists(related, max_size=3), junk),
        st.one_of(st.text(max_size=5), junk),
    ),
    junk,
)


@settings(max_examples=500, deadline=None)
@given(violations)
def test_anything_a_rule_yields_is_a_finding_or_a_reported_mistake(v):
    try:
        made = finding(RULE, Severity.WARNING, v)
    except InvalidViolation as exc:
        assert str(exc).startswith("yielded ")
        return
    assert isinstance(made, Finding)
    assert all(type(n) is int and n >= 1 for n in (made.line, made.column, made.end_line, made.end_column))
    assert isinstance(made.message, str) and all(isinstance(r, Related) for r in made.related)
