"""Attribution: who said what, as one sourcing model every rule reads.

- :mod:`.model`: :class:`Attribution` (cue, source, content, kinds) and
  :func:`attribution_covering`;
- :mod:`.extraction`: :func:`find_attributions`, from each cue outwards;
- :mod:`.phrases`: the noun-phrase readers next to a cue;
- :mod:`.classify`: :func:`classify_source`, what kind of source a phrase names;
- :mod:`.tokens`: the words those readers see.
"""

from __future__ import annotations

from newslint.analysis.attribution.classify import classify_source
from newslint.analysis.attribution.extraction import find_attributions
from newslint.analysis.attribution.model import CUE_KINDS, SOURCE_KINDS, Attribution, attribution_covering
from newslint.analysis.attribution.tokens import PRONOUNS

__all__ = [
    "CUE_KINDS",
    "PRONOUNS",
    "SOURCE_KINDS",
    "Attribution",
    "attribution_covering",
    "classify_source",
    "find_attributions",
]
