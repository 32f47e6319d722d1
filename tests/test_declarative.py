"""Declarative rules: a house rule in rules.yaml (custom-rules), without Python."""

from __future__ import annotations

import json
import pickle
import re
import textwrap

import pytest

from newslint.config import ConfigError, parse_config
from newslint.declarative import build_custom_rules, compile_phrases
from newslint.plugins import load_plugins
from newslint.testing import Invalid, RuleTester, at

HOUSE = """\
custom-rules:
  - code: HR101
    name: house-style-words
    message: "“{match}”: house style is “{replacement}”"
    severity: error
    phrases:
      war-torn: affected by the war
      slammed: criticised
      New York: New York City
      don't: do not
  - code: HR102
    name: per-cent-in-words
    message: write “percent” in one word
    pattern: '\\bper\\s+cent\\b'
    skip-quotes: true
"""


def _rules(text: str):
    return {r.code: r for r in build_custom_rules(parse_config(textwrap.dedent(text)))}


def test_a_custom_rule_fires_with_its_message_and_severity(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    (tmp_path / "story.txt").write_text(
        "Critics slammed the plan.\nPrices rose 5 per cent, the bank said.\n", encoding="utf-8"
    )
    done = run_cli("--format", "json", "--select", "HR", "story.txt")
    assert done.returncode == 1, done.stderr
    found = [
        (f["line"], f["column"], f["code"], f["severity"], f["message"])
        for f in json.loads(done.stdout)["findings"]
    ]
    assert found == [
        (1, 9, "HR101", "error", "“slammed”: house style is “criticised”"),
        (2, 15, "HR102", "warning", "write “percent” in one word"),
    ]


def test_phrases_match_whole_words_in_any_case():
    RuleTester(_rules(HOUSE)["HR101"]).run(
        valid=[
            "The unslammed door stayed shut.",  # inside a longer word
            "A war-tornado hit.",
            "She said she didn't know.",
        ],
        invalid=[
            Invalid("SLAMMED, said the headline.", [at(1, 1, "SLAMMED", message="“criticised”")]),
            Invalid("A war-torn\ncity.", [at(1, 3, "war-torn")]),
            # A phrase of several words across a line break; the longest phrase wins.
            Invalid("He flew to New\nYork on Monday.", [at(1, 12, message="“New York City”")]),
            # Either apostrophe matches.
            Invalid("We don’t know.", [at(1, 4, "don’t", message="“do not”")]),
            Invalid("---\ntitle: x\n---\n\nThey slammed it.\n", [at(5, 6, "slammed")], suffix=".md"),
        ],
    )


def test_one_compiled_alternation_per_rule():
    rule = _rules(HOUSE)["HR101"]
    assert isinstance(rule.regex, re.Pattern)
    assert rule.regex.flags & re.IGNORECASE
    # Phrases sharing a beginning share it in the regex: one pass, whatever the list.
    regex = compile_phrases(["war", "war-torn", "warlord", "war zone"])
    assert regex.pattern.count("war") == 1
    text = "A war-torn town, a warlord's war, the war zones."
    assert [m.group() for m in regex.finditer(text)] == ["war-torn", "warlord", "war", "war"]


def test_a_pattern_rule_and_skip_quotes():
    RuleTester(_rules(HOUSE)["HR102"]).run(
        valid=['He said it rose "5 per cent" in May.', "Percent is one word."],
        invalid=[Invalid("Up 5 per cent.", [at(1, 6, "per cent", code="HR102")])],
    )


def test_pattern_case_is_kept_unless_ignore_case():
    rules = _rules(
        """
        custom-rules:
          - {code: HR201, name: shouted, message: no, pattern: 'URGENT'}
          - {code: HR202, name: shouted-any, message: no, pattern: 'urgent', ignore-case: true}
        """
    )
    RuleTester(rules["HR201"]).run(valid=["An urgent call."], invalid=[Invalid("URGENT call.", [at(1, 1)])])
    RuleTester(rules["HR202"]).run(invalid=[Invalid("An Urgent call.", [at(1, 4, "Urgent")])])


def test_list_rules_and_explain_show_custom_rules(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    listed = run_cli("--list-rules")
    row = next(line for line in listed.stdout.splitlines() if line.startswith("HR101"))
    assert row.split()[:4] == ["HR101", "house-style-words", "error", "custom-rules"]
    explained = run_cli("--explain", "house-style-words")
    assert explained.returncode == 0, explained.stderr
    assert explained.stdout.startswith("HR101 house-style-words (error, plugin custom-rules)")
    for section in ("What it checks", "Why it matters", "Example", "How to fix"):
        assert section in explained.stdout
    assert "“slammed” → “criticised”" in explained.stdout
    assert "custom-rules local (HR101, HR102)" in run_cli("--version").stdout


def test_custom_rules_are_tuned_like_any_rule(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(
        HOUSE + "rules:\n  house-style-words: {severity: info}\n  HR102: false\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("The council slammed the 5 per cent rise.\n", encoding="utf-8")
    done = run_cli("--format", "json", "--select", "HR", "a.txt")
    assert [(f["code"], f["severity"]) for f in json.loads(done.stdout)["findings"]] == [("HR101", "info")]
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    off = run_cli("--disable-plugin", "custom-rules", "--select", "NL", "a.txt")
    assert "HR101" not in off.stdout and off.returncode == 0, off.stdout + off.stderr


@pytest.mark.parametrize(
    ("yaml", "where", "message"),
    [
        (
            "custom-rules:\n  - code: HR1\n    name: x\n    message: m\n    pattern: 'per (cent'\n",
            (5, 14),
            "'pattern' is not a valid regular expression: missing ), unterminated subpattern",
        ),
        ("custom-rules:\n  - code: HR1\n    name: x\n    pattern: a\n", (2, 5), "has no 'message'"),
        (
            "custom-rules:\n  - code: HR1\n    name: x\n    message: m\n",
            (2, 5),
            "either 'phrases' or 'pattern'",
        ),
        (
            "custom-rules:\n  - code: NL201\n    name: x\n    message: m\n    phrases: [a]\n",
            (2, 11),
            "code 'NL201': the NL prefix is newslint's own",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: m, phrases: [a]}\n"
            "  - {code: HR1, name: b, message: m, phrases: [b]}\n",
            (3, 12),
            "code 'HR1' is already used by custom rule HR1",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: anonymous-source, message: m, phrases: [a]}\n",
            (2, 23),
            "name 'anonymous-source' is already used by rule NL201",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: m, phrase: [a]}\n",
            (2, 38),
            "unknown key 'phrase' in a custom rule (did you mean 'phrases'?)",
        ),
        (
            "custom-rules:\n  - {code: hr1, name: a, message: m, phrases: [a]}\n",
            (2, 12),
            "capitals followed by digits",
        ),
        ("custom-rules:\n  - {code: HR1, name: A b, message: m, phrases: [a]}\n", (2, 23), "kebab-case"),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: m, severity: loud, phrases: [a]}\n",
            (2, 48),
            "severity must be one of error, warning, info",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: '{word}', phrases: [a]}\n",
            (2, 35),
            "'message' uses {word}; only {match} and {replacement} exist",
        ),
        (
            "custom-rules:\n  - code: HR1\n    name: a\n    message: 'use {replacement}'\n    phrases:\n"
            "      x: y\n      z:\n",
            (4, 14),
            "'message' uses {replacement} but phrase 'z' has none",
        ),
        ("custom-rules:\n  - {code: HR1, name: a, message: m, phrases: []}\n", (2, 47), "'phrases' is empty"),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: m, phrases: [a, 3]}\n",
            (2, 51),
            "a phrase must be",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: 'use {replacement}', pattern: x}\n",
            (2, 35),
            "'message' uses {replacement} but a pattern has none",
        ),
        (
            "custom-rules:\n  - {code: HR1, name: a, message: m, phrases: [a], ignore-case: true}\n",
            (2, 52),
            "'ignore-case' applies to 'pattern'",
        ),
        ("custom-rules: {code: HR1}\n", (1, 1), "'custom-rules' must be a list of rules"),
        ("custom-rules:\n  - HR1\n", (2, 5), "every custom rule must be a mapping"),
    ],
)
def test_mistakes_are_reported_at_their_line_and_column(yaml, where, message):
    config = parse_config(yaml, "rules.yaml")
    with pytest.raises(ConfigError) as caught:
        load_plugins(config=config)
    assert (caught.value.line, caught.value.column) == where, str(caught.value)
    assert message in caught.value.message


def test_a_bad_custom_rule_stops_the_cli_with_its_location(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text("custom-rules:\n  - {code: HR1, name: a, message: m}\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    done = run_cli("a.txt")
    assert done.returncode == 2
    assert done.stderr.startswith("rules.yaml:2:5: custom rule HR1 needs either 'phrases' or 'pattern'")


def test_custom_rules_survive_pickling_and_worker_processes(run_cli, tmp_path):
    rule = _rules(HOUSE)["HR101"]({})
    again = pickle.loads(pickle.dumps(rule))
    assert type(again) is type(rule) and again.code == "HR101"
    (tmp_path / "rules.yaml").write_text(HOUSE, encoding="utf-8")
    for i in range(8):
        (tmp_path / f"a{i}.txt").write_text(f"Story {i}: critics slammed it.\n", encoding="utf-8")
    done = run_cli("--jobs", "2", "--select", "HR101", ".")
    assert done.returncode == 1, done.stderr
    assert len(done.stdout.splitlines()) == 8


def test_description_and_link_are_explained(run_cli, tmp_path):
    (tmp_path / "rules.yaml").write_text(
        "custom-rules:\n"
        "  - code: HR401\n    name: no-amid\n    message: avoid “{match}”\n    pattern: '\\bamid\\b'\n"
        "    summary: Avoid 'amid'\n    description: the stylebook bans it.\n"
        "    link: https://example.org/style#amid\n",
        encoding="utf-8",
    )
    done = run_cli("--explain", "HR401")
    assert "Why it matters: the stylebook bans it. See https://example.org/style#amid" in done.stdout
    assert done.stdout.splitlines()[1] == "Avoid 'amid'"


def test_a_code_taken_by_an_installed_plugin_is_refused():
    config = parse_config("custom-rules:\n  - {code: LBL101, name: a, message: m, phrases: [a]}\n")
    with pytest.raises(ConfigError, match=r"rules.yaml:2:12: code 'LBL101' is already used by plugin x"):
        build_custom_rules(config, {"LBL101": "plugin x"})
