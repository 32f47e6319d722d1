"""newslint.testing: the helper rule authors (and newslint's own rules) test with."""

from __future__ import annotations

import pytest

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.anonymous_sources import AnonymousSource


def test_passes_on_correct_expectations():
    RuleTester(AnonymousSource).run(
        valid=["Police said the road was closed."],
        invalid=[
            Invalid("An unnamed official said so.", [at(1, 1, "An unnamed official")]),
            Invalid("---\ntitle: A story\n---\n\nAn unnamed official said so.\n", [at(5, 1)], suffix=".md"),
        ],
    )


def test_fails_with_a_readable_message():
    with pytest.raises(AssertionError, match=r"expected a finding at 1:5, got 1:1"):
        RuleTester(AnonymousSource).run(invalid=[Invalid("An unnamed official said so.", [at(1, 5)])])
    with pytest.raises(AssertionError, match="valid example was flagged"):
        RuleTester(AnonymousSource).run(valid=["An unnamed official said so."])
