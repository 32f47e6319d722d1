"""Fast paths in the core give exactly the answers of the obvious code they replace."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newslint.document import _SPACE_LIKE, normalise_spaces

_TABLE = dict.fromkeys(map(ord, _SPACE_LIKE), " ")


@given(st.text(alphabet=st.sampled_from(list("ab \n’é“") + list(_SPACE_LIKE)), max_size=60))
def test_normalise_spaces_is_translate(text):
    assert normalise_spaces(text) == text.translate(_TABLE)
    assert len(normalise_spaces(text)) == len(text)


def test_normalise_spaces_folds_each_space_like_character():
    text = "a\u00a0b\u2007c\u202fd\u200be\u200cf\u200dg\u2060h\ufeffi"
    assert normalise_spaces(text) == "a b c d e f g h i"


def test_discover_walks_once_per_real_file(tmp_path, monkeypatch):
    """Resolving per folder (not per file) still dedupes symlinks, honours exclude, skips hidden."""
    import os

    from newslint.engine import discover

    arts = tmp_path / "arts"
    (arts / "drafts").mkdir(parents=True)
    (arts / "desk").mkdir()
    (arts / "desk" / "a.txt").write_text("A.\n")
    (arts / "desk" / "B.MD").write_text("B.\n")
    (arts / "desk" / "notes.pdf").write_text("no reader\n")
    (arts / "drafts" / "c.txt").write_text("C.\n")
    (arts / ".newslint_cache").mkdir()
    (arts / ".newslint_cache" / "x.txt").write_text("cached\n")
    os.symlink(arts / "desk" / "a.txt", arts / "link-to-a.txt")
    os.symlink(arts / "desk", arts / "desk-again")  # the same files by another folder
    os.symlink(arts, arts / "desk" / "loop")  # a loop
    monkeypatch.chdir(tmp_path)
    targets, missing = discover(["arts/desk/a.txt", "arts", "nowhere"], [".txt", ".md"], ["drafts"], tmp_path)
    assert [t.display for t in targets] == ["arts/desk/a.txt", "arts/desk/B.MD"]
    assert [t.explicit for t in targets] == [True, False]
    assert missing == ["nowhere"]
    targets, _ = discover(["."], [".txt", ".md"], [], tmp_path)
    assert sorted(t.display for t in targets) == ["arts/desk/B.MD", "arts/drafts/c.txt", "arts/link-to-a.txt"]


def _line_starts_by_hand(src: str) -> list[int]:
    """The obvious loop: find each break, "\\r\\n" counting once."""
    starts, i = [0], 0
    while i < len(src):
        n, r = src.find("\n", i), src.find("\r", i)
        j = min(x for x in (n, r) if x >= 0) if max(n, r) >= 0 else -1
        if j < 0:
            break
        i = j + 2 if src.startswith("\r\n", j) else j + 1
        starts.append(i)
    return starts


@given(st.text(alphabet=st.sampled_from(list("ab\r\n é")), max_size=40))
def test_line_starts_match_the_obvious_loop(text):
    from newslint.document import Document

    doc = Document.from_text(text)
    assert doc._line_starts == _line_starts_by_hand(text)
    for offset in range(len(text) + 1):
        line, col = doc.line_col(offset)
        assert doc._line_starts[line - 1] + col - 1 == offset
