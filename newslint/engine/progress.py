"""A progress bar on stderr for long runs on a terminal, and nowhere else.

It stays silent when stderr is not a terminal (pipes, files, CI logs), when a
CI variable is set, when ``TERM=dumb`` or ``NEWSLINT_NO_PROGRESS`` is set, and
for runs too short to need one: it first appears after half a second, and is
erased at the end so the findings print on a clean line.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

__all__ = ["Progress", "wanted"]

#: Runs with fewer files than this never show a bar.
MIN_FILES = 100
#: Seconds before the bar first appears, and between redraws.
DELAY = 0.5
INTERVAL = 0.1
_CI_VARIABLES = (
    "CI",
    "GITHUB_ACTIONS",
    "GITLAB_CI",
    "BUILDKITE",
    "JENKINS_URL",
    "TF_BUILD",
    "TEAMCITY_VERSION",
)


def wanted(stream: TextIO, total: int) -> bool:
    """Whether a bar helps here: a long run, an interactive terminal, no CI."""
    env = os.environ
    if total < MIN_FILES or env.get("NEWSLINT_NO_PROGRESS") or env.get("TERM") == "dumb":
        return False
    if any(env.get(v) for v in _CI_VARIABLES):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """Counts finished files; draws ``newslint [#####     ] 1234/20000 files`` when wanted."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream, total) if enabled is None else enabled
        self._start = time.monotonic()
        self._next = self._start + DELAY
        self._drawn = False

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.enabled:
            now = time.monotonic()
            if now >= self._next:
                self._next = now + INTERVAL
                self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        filled = width * self.done // max(self.total, 1)
        rate = self.done / max(now - self._start, 1e-9)
        line = (
            f"newslint [{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total} files, {rate:.0f}/s"
        )
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the bar, if one was drawn."""
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False
