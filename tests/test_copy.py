"""Copy across a story (analysis.copy, NL501, NL502): quotations compared, sentences
fingerprinted, credits read, and the story index that never compares all pairs."""

from __future__ import annotations

import pickle

import pytest

from newslint.analysis import analyse
from newslint.analysis.copy import (
    MAX_BUCKET,
    compare_quotations,
    copy_index,
    fold_quotation,
    outlet_key,
)
from newslint.document import Document
from newslint.story import Story, StoryDocument
from newslint.testing import lint_story
from newslint_plugins.copy import QuotationDrift, UncreditedCopy
from tests.conftest import FIXTURES, SEEDS


def compare(a: str, b: str):
    return compare_quotations(fold_quotation(a), fold_quotation(b))


# --- quotations -------------------------------------------------------------------


def test_a_changed_word_is_a_difference():
    c = compare(
        "Our officers tracked the stolen van for three days before they found it behind the motel",
        "Our detectives tracked the stolen van for three days before they found it behind the motel",
    )
    assert c is not None and c.differences == ((("officers",), ("detectives",)),)


@pytest.mark.parametrize(
    "other",
    [
        # typography: marks, dashes, case, spacing, digits, number words, spelling, contractions
        "we can't  WAIT ten more years to fix the harbour wall — the families there deserve better",
        "We cannot wait 10 more years to fix the harbor wall, the families there deserve better",
        # an exact excerpt, and one with an ellipsis or an editor's insertion
        "wait ten more years to fix the harbor wall",
        "We can't wait ten more years … the families there deserve better",
        "We can't wait ten more years to fix [the seawall], the families there deserve better",
        # a word said twice
        "We can't wait, wait ten more years to fix the harbor wall, the families there deserve better",
    ],
)
def test_typography_excerpts_and_marked_omissions_are_no_difference(other):
    c = compare(
        "“We can’t wait ten more years to fix the harbor wall. The families there deserve better.”", other
    )
    assert c is not None and c.differences == ()


def test_two_ellipses_do_not_match_each_other():
    # "…" stands for words left out: "Lyster (sic)" there, nothing here.
    c = compare(
        "pretty sure Brent … Luyster, he is in big trouble now",
        "pretty sure Brent Lyster (sic) Luyster, he is in big trouble now",
    )
    assert c is not None and c.differences == ()


def test_different_remarks_are_not_compared():
    # Few content words in common: two remarks of one speaker.
    assert (
        compare(
            "We will rebuild every school that the flood destroyed, and we will do it this year",
            "We will rebuild every bridge that the water carried away, whatever it costs",
        )
        is None
    )
    # Two fragments going different ways from a few shared words.
    assert (
        compare(
            "eliminate all federal taxpayer funding for Planned Parenthood now",
            "supports federal taxpayer funding for Planned Parenthood now",
        )
        is None
    )
    assert (
        compare("I really do want to see the server", "I really would want to see what she has to say")
        is None
    )


def test_fold_quotation_writes_out_contractions_and_marks_omissions():
    assert fold_quotation("(It’s) gonna be p***y… they'd") == (
        "…",
        "going",
        "to",
        "be",
        "…",
        "…",
        "they",
        "would",
    )


# --- sentences and credits ------------------------------------------------------------


def test_fingerprints_leave_out_quoted_words():
    quoted = analyse('The mayor said "the harbor wall will rise next spring with state money" on Monday.')
    plain = analyse("The mayor said the harbor wall will rise next spring with state money on Monday.")
    assert len(plain.fingerprints.sentences) == 1
    assert quoted.fingerprints.hashes != plain.fingerprints.hashes


@pytest.mark.parametrize(
    ("text", "wire"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.\n\nIt passed 51-49.", "Associated Press"),
        (
            "The Senate voted on Tuesday.\n\nThe Associated Press contributed to this report.",
            "Associated Press",
        ),
        ("The Senate voted on Tuesday.\n\nIt passed 51-49. — Reuters", "Reuters"),
        ("The Senate voted on Tuesday.\n\nReporting by Ana Ruiz; Editing by Tom Lee", ""),
        # A wire named as a source credits that wire's report, not any copy.
        ("The Senate voted on Tuesday, Reuters reported.", ""),
    ],
)
def test_wire_credits(text, wire):
    assert analyse(text).credits.wire == wire


def test_an_outlet_named_as_a_source_is_credited():
    credits = analyse("The Senate voted on Tuesday, Reuters reported.").credits
    assert credits.credit("Reuters") and not credits.wire


def test_a_licence_line_credits_the_outlet_it_names():
    credits = analyse(
        "The vote passed.\n\nAll content by Harbor Gazette is licensed under a Creative Commons Attribution 4.0 License."
    ).credits
    assert credits.credit("Harbor Gazette") and credits.credit("harborgazette.com")
    assert not credits.credit("Coastline Daily") and not credits.wire


def test_a_lead_in_credits_the_outlet_it_names():
    credits = analyse(
        "Lawmakers face a recall.\n\nThe time has come for the recall drive, it seems. Via Harbor Gazette:\n\nTwo groups are targeting four lawmakers."
    ).credits
    assert credits.credit("Harbor Gazette")


def test_byline_metadata_is_a_credit():
    doc = Document.from_text("The vote passed on Tuesday.", metadata={"byline": "Associated Press"})
    from newslint.analysis import Analysis

    assert Analysis(doc).credits.wire == "Associated Press"


def test_two_hosts_of_one_site_are_one_outlet():
    texts = {
        "a.md": "---\noutlet: chicago.suntimes.com\n---\n\n" + _FIRE,
        "b.md": "---\noutlet: homicides.suntimes.com\n---\n\n" + _FIRE,
    }
    assert lint_story(UncreditedCopy(), texts) == []


def test_outlet_keys_match_names_and_hosts():
    assert outlet_key("The Chicago Sun-Times") == outlet_key("chicago.suntimes.com") == "chicagosuntimes"
    assert outlet_key("CNN (Web News)") == "cnn"


# --- speakers ---------------------------------------------------------------------------


def test_one_speaker_across_spellings_and_pronouns():
    a = analyse(
        "Brigadier General Hamzeh Qalandari spoke. “We will help our friends improve their defenses,” he said."
    )
    b = analyse("“We will help our friends improve their defenses,” General Hamze Qalandari said.")
    c = analyse("“We will help our friends improve their defenses,” Mayor Ana Ortiz said.")
    key = a.quotations[0].speaker_key
    assert key and key == b.quotations[0].speaker_key != c.quotations[0].speaker_key


# --- the story index ----------------------------------------------------------------------


_FIRE = "\n\n".join(
    (FIXTURES / "NL502-uncredited-copy" / "flagged-undated" / "a.txt")
    .read_text(encoding="utf-8")
    .split("\n\n")
)


def _story(texts: dict[str, str], metadata: dict[str, dict] | None = None) -> Story:
    from newslint.analysis import Analysis

    rules = (QuotationDrift(), UncreditedCopy())
    facts: dict[str, dict] = {r.kind(): {} for r in rules}
    documents = []
    for path, text in texts.items():
        meta = (metadata or {}).get(path, {})
        doc = Document.from_text(text, path=path, metadata=meta)
        analysis = Analysis(doc)
        for r in rules:
            # Facts travel between processes and through the cache: pickled here too.
            facts[r.kind()][path] = pickle.loads(pickle.dumps(r.collect(doc, analysis)))
        documents.append(StoryDocument.of(path, meta))
    return Story("s", documents, facts)


def test_only_quotations_without_the_passage_rule():
    """NL501 alone collects no sentence fingerprints (they cost most of the map step)."""
    from newslint.analysis import Analysis

    doc = Document.from_text("“We will rebuild the harbor wall before the storms,” Mayor Ana Ortiz said.")
    assert [type(f).__name__ for f in QuotationDrift().collect(doc, Analysis(doc))] == ["QuotationFact"]
    assert QuotationDrift.kind() != UncreditedCopy.kind()


def test_boilerplate_buckets_are_skipped():
    line = "Copyright 2016 Harbor Gazette Media Group, all rights reserved, no part may be reproduced."
    texts = {
        f"{i}.txt": f"Story number {i} is about topic {i * 7} in the port district.\n\n{line}"
        for i in range(MAX_BUCKET + 2)
    }
    index = copy_index(_story(texts))
    assert index._pairs() == {}


def test_seeds_third_article_is_flagged_naming_the_first():
    articles = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    findings = lint_story(UncreditedCopy(), articles)
    on_third = [f for f in findings if f.path.endswith("002_c5929a58af056e09.txt")]
    assert len(on_third) == 1 and "000_a9728a62007795e0.txt" in on_third[0].message


def test_a_wire_service_is_the_original():
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    outlets = {
        "000_a9728a62007795e0.txt": {"outlet": "Reuters"},
        "002_c5929a58af056e09.txt": {"outlet": "Mehr News Agency"},
    }
    copies = [c for c in copy_index(_story(seeds, outlets)).copies() if not c.credited]
    assert [(c.path, c.original) for c in copies] == [
        ("002_c5929a58af056e09.txt", "000_a9728a62007795e0.txt")
    ]


def test_the_earlier_article_is_the_original():
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    dates = {
        "000_a9728a62007795e0.txt": {"date": "2023-04-04", "outlet": "Press TV"},
        "002_c5929a58af056e09.txt": {"date": "2023-04-05", "outlet": "Mehr News Agency"},
    }
    copies = [c for c in copy_index(_story(seeds, dates)).copies() if not c.credited]
    assert [(c.path, c.original, c.known) for c in copies] == [
        ("002_c5929a58af056e09.txt", "000_a9728a62007795e0.txt", True)
    ]
