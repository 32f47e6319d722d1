"""The attribution analysis: cues, sources, their kinds, quote speakers."""

from __future__ import annotations

import pytest

from newslint.analysis import Analysis
from newslint.analysis.attribution import classify_source
from newslint.document import Document, Span
from tests.conftest import requires_shared


def _relations(text: str) -> list[tuple[str, str, str, bool]]:
    a = Analysis(Document.from_text(text))
    return [
        (text[r.source.start : r.source.end], text[r.cue.start : r.cue.end], r.source_kind, r.informs)
        for r in a.attributions
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue", "kind"),
    [
        ("The mayor said the bridge would reopen.", "The mayor", "said", "person"),
        ("Ana Ortiz said the bridge would reopen.", "Ana Ortiz", "said", "person"),
        ("“It will reopen,” said Ana Ortiz.", "Ana Ortiz", "said", "person"),
        ("“It will reopen,” she said.", "she", "said", "pronoun"),
        (
            "Ana Ortiz, the city's chief engineer, said the bridge would reopen.",
            "Ana Ortiz, the city's chief engineer,",
            "said",
            "person",
        ),
        ("The bridge will reopen, according to the Transport Ministry.", "the Transport Ministry", "according to", "institution"),
        ("Police said two people were hurt.", "Police", "said", "institution"),
        ("Reuters reported that the talks had failed.", "Reuters", "reported", "outlet"),
        ("The agency quoted a senior official as saying the talks failed.", "a senior official", "quoted a senior official as saying", "anonymous"),
        ("Sources told the Courier the plan was dead.", "Sources", "told", "anonymous"),
        ("People familiar with the talks said no deal was near.", "People familiar with the talks", "said", "anonymous"),
        ("The mayor has since said she regrets the remark.", "The mayor", "said", "person"),
        ("The mayor called the plan reckless and said she would veto it.", "The mayor", "said", "person"),
    ],
)  # fmt: skip
def test_source_and_cue(text, source, cue, kind):
    assert (source, cue, kind, True) in _relations(text)


def test_stance_cues_do_not_inform():
    rel = _relations("Many believe the mayor will resign.")
    assert rel == [("Many", "believe", "crowd", False)]


def test_people_who_act_are_not_sources():
    assert not [r for r in _relations("Officials agreed on a new budget.") if r[3]]
    assert _relations("The officials were told to leave.") == []


def test_cues_inside_quotations_belong_to_the_speaker():
    rel = _relations("“I think we said enough,” the mayor said.")
    assert rel == [("the mayor", "said", "person", True)]


@pytest.mark.parametrize(
    ("phrase", "kind"),
    [
        ("he", "pronoun"),
        ("Brigadier General Ali Karimi", "person"),
        ("the deputy defense minister", "person"),
        ("a source", "anonymous"),
        ("two people familiar with the matter", "anonymous"),
        ("an official who spoke on condition of anonymity", "anonymous"),
        ("Tom Reyes, the mayor's spokesman", "person"),
        ("the Foreign Ministry", "institution"),
        ("police", "institution"),
        ("Syria's official SANA news agency", "outlet"),
        ("The New York Times", "outlet"),
        ("critics", "crowd"),
        ("many", "crowd"),
    ],
)
def test_classify_source(phrase, kind):
    assert classify_source(phrase) == kind


def test_quote_speakers_in_awkward_layouts():
    text = (
        "Ortiz spoke first.\n\n"
        "“The money is there. We only need the permits,” she added.\n\n"
        "“Safety comes before speed.” -Commissioner Ward\n\n"
        "From Chairwoman Ruiz:\n\n"
        "“The committee will hear every witness.”\n\n"
        "The hearing was then adjourned until the spring, and the room emptied within minutes.\n\n"
        "“Nobody knows who wrote this line at all.”\n"
    )
    a = Analysis(Document.from_text(text))
    how = [qs.how for qs in a.quote_speakers]
    assert how == ["sentence", "dash", "colon", ""]


def test_consecutive_quotations_keep_their_speaker():
    text = (
        "“We were lied to,” Ruiz said. “It is about the cover-up.”\n\n"
        "“The ministry never corrected the record, not once in ten months.”\n"
    )
    how = [qs.how for qs in Analysis(Document.from_text(text)).quote_speakers]
    assert how == ["sentence", "neighbour", "continued"]


def test_attribution_for_a_span():
    text = "Two civilians were killed, the ministry said. Three more were hurt.\n\nThe toll rose to nine.\n"
    a = Analysis(Document.from_text(text))
    killed = Span(text.index("Two civilians"), text.index(" were killed"))
    hurt = Span(text.index("Three more"), text.index(" were hurt"))
    toll = Span(text.index("The toll"), text.index(" rose"))
    found = a.attribution_for(killed)
    assert found is not None and text[found.source.start : found.source.end] == "the ministry"
    assert a.attribution_for(hurt) is None
    assert a.attribution_for(hurt, scope="paragraph") is found
    assert a.attribution_for(toll, scope="paragraph") is None
    assert a.attribution_for(hurt, scope="nearby") is found


def test_attribution_nearby_in_a_one_paragraph_article():
    text = (
        "Two civilians were killed, the ministry said. The strike hit a depot. The road was closed. "
        "Four soldiers were wounded in the night."
    )
    a = Analysis(Document.from_text(text))
    depot = Span(text.index("The strike"), text.index(" hit"))
    wounded = Span(text.index("Four soldiers"), text.index(" were wounded"))
    assert a.attribution_for(depot, scope="nearby") is not None
    assert a.attribution_for(wounded, scope="nearby") is None
    assert a.attribution_for(wounded, scope="paragraph") is not None


def test_anonymous_sources_link_later_references():
    text = "An unnamed source said the plant was closed. The source added that workers were sent home."
    (src,) = Analysis(Document.from_text(text)).anonymous_sources
    assert text[src.start : src.end] == "An unnamed source"
    assert [text[s.start : s.end] for s in src.later] == ["The source"]
    assert src.explicit and src.bare and src.reason is None


@pytest.mark.parametrize(
    "text",
    [
        '"We were not told what it was," says Carl Vance, who was 19 then.',
        "“We are doing all we can,” said state Rep. Tom Diaz, the party's point man.",
        "“The other side cannot stop campaigning,” Senate Leader Ann Moss (R-Ky.) told reporters.",
    ],
)
def test_speaker_after_a_quotation_ending_in_a_verb(text):
    (qs,) = Analysis(Document.from_text(text)).quote_speakers
    assert qs.how == "sentence"


def test_speaker_labels_at_the_start_of_a_paragraph():
    text = "KATE MOSS: Why not debate?\n\nJOEL REY: This is a stunt.\n\nUpdate: The debate is off.\n"
    rel = _relations(text)
    assert [(r[0], r[1]) for r in rel] == [("KATE MOSS", ":"), ("JOEL REY", ":")]


def test_trie_pattern_matches_whole_words_only():
    import re

    from newslint.analysis._scan import trie_pattern

    forms = ["say", "says", "said", "saying", "add", "added"]
    pattern = re.compile(rf"\b(?:{trie_pattern(forms)})\b")
    assert [m.group(0) for m in pattern.finditer("he says, she said, saying sayings add adds added")] == [
        "says",
        "said",
        "saying",
        "add",
        "added",
    ]


def test_pronouns_resolve_to_the_last_fitting_source():
    text = (
        "Ana Ortiz, the mayor, said the bridge would reopen. “It is safe,” she added.\n\n"
        "Officials said the cost had doubled, and they blamed the weather.\n\n"
        "The contract went to Tom Reyes, who said the work would start in May.\n"
    )
    a = Analysis(Document.from_text(text))
    resolved = {
        text[r.source.start : r.source.end]: text[r.resolved.start : r.resolved.end]
        for r in a.attributions
        if r.resolved is not None
    }
    assert resolved == {"she": "Ana Ortiz, the mayor,", "they": "Officials", "who": "Tom Reyes"}


def _polnear_module():
    import importlib.util
    import sys

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location(
        "attribution_extraction", ROOT / "benchmarks" / "attribution_extraction.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("attribution_extraction", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_polnear_benchmark_reads_brat_and_matches_spans(tmp_path):
    polnear = _polnear_module()
    text = "“We will win,” Ruiz said. Turnout was high."
    ann = tmp_path / "a.ann"
    ann.write_text(
        "T1\tSource 15 19\tRuiz\nT2\tCue 20 24\tsaid\nT3\tContent 1 12\tWe will win\n"
        "T4\tAttribution 20 24\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    gold = polnear.read_ann(ann, text)
    assert gold == {"Source": [(15, 19)], "Cue": [(20, 24)], "Quote source": [(15, 19)]}
    assert polnear.predict(text) == gold
    assert polnear._match((0, 10), (8, 20), 0) and not polnear._match((0, 10), (8, 20), 0.8)


@requires_shared("corpora", "polnear", "dev")
def test_polnear_benchmark_runs_on_the_corpus(capsys):
    assert _polnear_module().main(["--split", "dev", "--limit", "3"]) == 0
    assert "Quote source" in capsys.readouterr().out
