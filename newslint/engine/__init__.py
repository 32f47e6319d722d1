"""The engine: from paths on the command line to sorted findings.

One module per part, each with one job, the dependencies running one way:

- :mod:`~newslint.engine.discovery`: the files to lint (folders walked, ``exclude:`` globs);
- :mod:`~newslint.engine.intake`: a file's bytes, decoded (:mod:`~newslint.engine.decode`)
  and read into a Document, or a notice saying why not;
- :mod:`~newslint.engine.document_pass`: the analysis once, every document rule and
  every kind of facts, under time limits (:mod:`~newslint.engine.deadline`) and error isolation;
- :mod:`~newslint.engine.corpus_pass`: the results grouped into stories, every corpus rule on each;
- :mod:`~newslint.engine.parallel`: the per-document work in a pool of forked workers;
- :mod:`~newslint.engine.cache`: a passive store of per-file results (key, get, put);
- :mod:`~newslint.engine.results`: each file's result, findings and notices, the run's result;
- :mod:`~newslint.engine.suppressions`: inline suppressions and per-file ignores applied,
  and the ones that silence nothing;
- :mod:`~newslint.engine.run`: the parts put together (:class:`Linter`, :func:`run`).
"""

from newslint.engine.discovery import Target, discover
from newslint.engine.results import DocumentResult, RunResult
from newslint.engine.run import Linter, run

__all__ = ["DocumentResult", "Linter", "RunResult", "Target", "discover", "run"]
