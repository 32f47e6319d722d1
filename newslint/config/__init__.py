"""newslint's configuration: rules.yaml read and checked, then bound to the rules.

- :mod:`~newslint.config.load`: find and read rules.yaml, refusing anything
  but plain data, and check the shape of every key;
- :mod:`~newslint.config.pyproject`: the same keys in pyproject.toml's
  ``[tool.newslint]``, with their lines and columns;
- :mod:`~newslint.config.custom_rules`: the ``custom-rules:`` items;
- :mod:`~newslint.config.selection`: which rules run, with which severity and
  options, and the one selector matcher;
- :mod:`~newslint.config.errors`: every mistake as a :class:`ConfigError` at
  its line and column, with the nearest valid name.
"""

from newslint.config.custom_rules import CustomRuleSpec, read_custom_rules
from newslint.config.errors import ConfigError, Mark, suggest
from newslint.config.load import (
    Config,
    ConfigFinder,
    RuleSettings,
    find_config,
    load_config,
    parse_config,
    parse_pyproject,
)
from newslint.config.selection import RuleSet, build_rules, selects

__all__ = [
    "Config",
    "ConfigError",
    "ConfigFinder",
    "CustomRuleSpec",
    "Mark",
    "RuleSet",
    "RuleSettings",
    "build_rules",
    "find_config",
    "load_config",
    "parse_config",
    "parse_pyproject",
    "read_custom_rules",
    "selects",
    "suggest",
]
