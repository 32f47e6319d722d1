"""``newslint --init``: a starter rules.yaml generated from the rules' metadata.

Every rule the installed plugins contribute is listed with its severity and
options, commented out: defaults live with each rule, and a starter file that
repeated them would pin today's defaults forever. Uncommenting a line changes
exactly that setting. The file is plain YAML whose comments survive a
ruamel.yaml round trip, so tools can edit it later without losing them.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from newslint.rule import Rule

__all__ = ["InitError", "starter_config", "write_starter"]

HEADER = """\
# newslint configuration, written by `newslint --init`.
# Defaults live with each rule: this file only overrides them. Uncomment a
# line to change it. `newslint --list-rules` lists the rules and
# `newslint --explain CODE` explains one.

# Which rules run: codes ("NL201"), prefixes ("NL2") or names
# ("anonymous-source"). ALL runs every rule that is on by default.
select: [ALL]

# Rules not to run (same forms as select).
ignore: []

# Paths (globs, relative to this file) never linted when walking folders.
exclude: []

# How articles are grouped into stories for the cross-article rules:
#   run     every file of one run is one story
#   folder  the files of one folder are one story
#   key     files sharing a front-matter value are one story (key: story)
story:
  by: run
  key: story

# Codes ignored in files matching a glob (relative to this file): the way to
# silence a rule in plain-text files, which cannot hold suppression comments.
per-file-ignores: {}
#  "archive/2019/**": [NL201]

# Local plugin modules (paths relative to this file).
plugins: []

# Per-rule settings: severity (error, warning or info), enabled (true or
# false), and the rule's options. Each rule is shown with its defaults.
rules:
"""


def _flow(value: Any) -> str:
    """A value as one line of YAML (flow style), quoted where YAML needs it."""
    yaml = YAML(typ="rt", pure=True)
    yaml.default_flow_style = True
    yaml.width = 2**16
    out = io.StringIO()
    yaml.dump({"v": list(value) if isinstance(value, tuple) else value}, out)
    text = out.getvalue().strip()
    return text[len("{v: ") : -1] if text.startswith("{v: ") else text.split(": ", 1)[1]


def starter_config(rules: Mapping[str, type[Rule]], plugin_of: Mapping[str, str]) -> str:
    """The text of a starter rules.yaml for these rules (code -> class)."""
    lines = [HEADER.rstrip("\n")]
    for code in sorted(rules):
        rule = rules[code]
        off = "" if rule.enabled_by_default else ", off by default"
        plugin = plugin_of.get(code, "?")
        if lines[-1] != "rules:":
            lines.append("")
        lines.append(f"  # {code} {rule.name} ({plugin}{off}): {rule.summary}")
        lines.append(f"  # {rule.name}:")
        lines.append(f"  #   severity: {rule.severity.value}")
        if not rule.enabled_by_default:
            lines.append("  #   enabled: true")
        for option, default in rule.options.items():
            lines.append(f"  #   {option}: {_flow(default)}")
    return "\n".join(lines) + "\n"


class InitError(Exception):
    """The starter file cannot be written (it exists, or the folder is not writable)."""


def write_starter(path: Path, rules: Mapping[str, type[Rule]], plugin_of: Mapping[str, str]) -> None:
    """Write a starter rules.yaml at ``path``; never overwrites an existing file."""
    text = starter_config(rules, plugin_of)
    try:
        with open(path, "x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise InitError(f"{path} already exists; not overwriting it") from None
    except OSError as exc:
        raise InitError(f"cannot write {path}: {exc.strerror}") from None
