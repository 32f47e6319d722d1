"""NL404 counts a copy as no corroboration (the copy index of analysis.copy)."""

from __future__ import annotations

from newslint.config import Config, build_rules
from newslint.document import Document
from newslint.engine import Linter
from newslint.plugins import load_plugins

ORIGINAL = """A gunman opened fire outside a bowling alley on Route 9 late Saturday, police said.

Two people were killed in the shooting, according to police.

Officers arrived within minutes of the first call and found the victims in the parking lot.

The gunman drove away in a gray pickup truck before the officers got there.

Investigators believe the shooting followed an argument inside the bowling alley.

Police asked anyone with a dash camera on Route 9 that night to come forward.

The bowling alley will stay closed until Wednesday, its owner said in a statement.

A vigil for the victims is planned for Monday evening at the town green."""

COPY = """A gunman started shooting outside a bowling alley on Route 9 late on Saturday, police said.

Two people were killed in the attack, according to police.

Officers got there within minutes of the first call and found the victims in the parking lot.

The gunman fled in a gray pickup truck before the officers arrived.

Investigators think the shooting followed a dispute inside the bowling alley.

Police urged anyone with a dash camera on Route 9 that night to come forward.

The bowling alley will stay closed until Wednesday, its owner said in a statement.

A vigil for the victims is planned for Monday evening at the town green."""

INDEPENDENT = """Two people were killed outside the Route 9 bowling alley, police said on Sunday.

The owner, Marta Silva, said she heard the shots from her office and locked the doors.

"I saw people running between the cars," Silva said.

Regulars left flowers at the entrance on Sunday afternoon."""


def findings(articles: dict[str, str]) -> list:
    plugins = load_plugins()
    config = Config()
    linter = Linter(plugins, build_rules(config, plugins.rules, select=["NL404", "NL502"]), config)
    results = [linter.check_document(Document.from_text(text, path=name)) for name, text in articles.items()]
    return [f for f in linter.corpus_pass(results) if f.code == "NL404"]


def test_a_figure_repeated_by_a_copy_is_not_corroborated():
    found = findings({"a.txt": ORIGINAL, "b.txt": COPY})
    assert {f.path for f in found} == {"a.txt", "b.txt"}
    assert all("is not independent corroboration" in f.message and "follows" in f.message for f in found)


def test_an_independent_article_corroborates():
    assert findings({"a.txt": ORIGINAL, "c.txt": INDEPENDENT}) == []
