"""Broad cues, new speech cues and source boundaries of the attribution analysis."""

from __future__ import annotations

import pytest

from newslint.analysis import Analysis
from newslint.document import Document
from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.attribution import VagueAttribution


def _relations(text: str) -> list[tuple[str, str, str]]:
    a = Analysis(Document.from_text(text))
    return [
        (text[r.source.start : r.source.end], text[r.cue.start : r.cue.end], r.kind) for r in a.attributions
    ]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Councillor Bea Lund notes that the budget is late.", "Councillor Bea Lund", "notes"),
        ("The treasurer clarified that two audits were pending.", "The treasurer", "clarified"),
        ("Dr. Amal Kerr cautioned that the vaccine supply was thin.", "Dr. Amal Kerr", "cautioned"),
        ("The union's president emailed that talks would resume.", "The union's president", "emailed"),
        ("Residents insist that the well has run dry.", "Residents", "insist"),
        ("The treasurer speculated that rates would fall.", "The treasurer", "speculated"),
        ("“Not yet,” Judge Ray Pike interjected.", "Judge Ray Pike", "interjected"),
    ],
)  # fmt: skip
def test_new_speech_cues_inform(text, source, cue):
    assert (source, cue, "speech") in _relations(text)


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Mayor Tess Ortiz denounced the toll increase.", "Mayor Tess Ortiz", "denounced"),
        ("Senator Ray Pike called the measure a giveaway.", "Senator Ray Pike", "called"),
        ("The teachers' union backed the harbour plan.", "The teachers' union", "backed"),
        ("She railed against the new parking fees.", "She", "railed"),
        ("Governor Li touted the jobs figures on Monday.", "Governor Li", "touted"),
        ("Councillor Bea Lund lambasted the ferry operator.", "Councillor Bea Lund", "lambasted"),
        ("Mayor Tess Ortiz is eager to dredge the channel.", "Mayor Tess Ortiz", "eager"),
    ],
)  # fmt: skip
def test_views_and_evaluations_are_broad(text, source, cue):
    rel = _relations(text)
    assert (source, cue, "broad") in rel
    a = Analysis(Document.from_text(text)).attributions
    assert not any(r.informs for r in a)


def test_broad_cues_need_a_source_that_holds_a_view():
    # "the plan" is no one: a thing that is "called" something is not attributed.
    assert _relations("The new plan called for two bridges.") == []
    assert _relations("It listed four bridges.") == []
    # "eager" only before "to"; "expected to" names no one who expects.
    assert _relations("An eager crowd filled the hall.") == []
    assert _relations("The bridge is expected to reopen in June.") == []


def test_broad_cues_make_no_quote_speaker():
    text = "Ortiz denounced the fees. “This is a tax on the poor and nobody voted for it.”"
    analysis = Analysis(Document.from_text(text))
    assert all(q.attribution is None or not q.attribution.broad for q in analysis.quote_speakers)


def test_broad_cues_do_not_name_an_expert_near_a_weasel():
    # NL101 looks for a named speaker near "experts say"; an evaluation is not one.
    RuleTester(VagueAttribution).run(
        valid=["Experts say the dam is safe. Dr. Ana Ruiz, a hydrologist, said the spillway held."],
        invalid=[
            Invalid(
                "Experts say the dam is safe. Dr. Ana Ruiz touted the spillway design.",
                [at(1, 1, "Experts say")],
            )
        ],
    )


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "“The law is clear,” said Ana Ortiz, a lawyer for the tenants' union.",
            "Ana Ortiz, a lawyer for the tenants' union",
        ),
        (
            "“We expect delays,” said Tom Reyes, who runs the port authority.",
            "Tom Reyes, who runs the port authority",
        ),
        (
            "“We expect delays,” said Tom Reyes, adding that crews were ready.",
            "Tom Reyes",
        ),
        (
            "“It held,” said the Harbour Board, a public body, in a statement.",
            "the Harbour Board, a public body",
        ),
    ],
)
def test_inverted_source_keeps_its_appositive(text, source):
    assert source in [r[0] for r in _relations(text)]


def test_anonymous_inverted_source_keeps_its_span():
    text = "“It is over,” said an official, who was not authorized to speak publicly."
    assert ("an official", "said", "speech") in _relations(text)


def test_a_poll_is_the_source_of_its_figures():
    text = "In a new Harbour Institute poll released Monday, 40 percent backed the toll."
    rel = _relations(text)
    assert ("a new Harbour Institute poll released Monday", "In", "broad") in rel


def test_in_a_statement_is_not_a_poll():
    rel = _relations("In a statement, the ministry said the toll would stay.")
    assert ("the ministry", "said", "speech") in rel
    assert not [r for r in rel if r[1] == "In"]


def test_title_case_headline_attributes_broadly():
    assert ("Ortiz", "Says", "broad") in _relations("Ortiz Says Bridge Will Reopen by June")
    # Inside a sentence, a capitalised cue word is part of a name.
    assert _relations("The children played Simon Says at the fair.") == []


def test_according_to_after_said_is_a_second_relation():
    text = "“We are ready,” Ortiz said, according to the Harbour Gazette."
    rel = _relations(text)
    assert ("Ortiz", "said", "speech") in rel
    assert ("the Harbour Gazette", "according to", "speech") in rel


def test_counted_people_hold_views():
    text = "About a third of voters want a new bridge."
    assert ("About a third of voters", "want", "broad") in _relations(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Ruiz, however, said the plan was sound.", "Ruiz"),
        ("Tom Reyes, in turn, said the port was ready.", "Tom Reyes"),
        ("Ana Ortiz, 61, said the bridge had always leaked.", "Ana Ortiz"),
        ("Ana Ortiz, a retired engineer, said the bridge leaked.", "Ana Ortiz, a retired engineer,"),
    ],
)
def test_an_aside_is_not_part_of_the_source(text, source):
    assert (source, "said", "speech") in _relations(text)


def test_passive_with_agent_is_a_broad_relation():
    # The agent of a speech verb informs ("was confirmed by three sources"); of a view, it is broad.
    rel = _relations("As reported by the Harbour Gazette, the toll will rise.")
    assert ("the Harbour Gazette", "reported", "speech") in rel
    rel = _relations("The plan was confirmed by two people briefed on the talks.")
    assert ("two people briefed on the talks", "confirmed", "speech") in rel
    rel = _relations("The toll was sharply criticized by Mayor Tess Ortiz.")
    assert ("Mayor Tess Ortiz", "criticized", "broad") in rel
    # No agent, no relation: "the deal was reported" names no one.
    assert _relations("The deal was reported on Monday.") == []


def test_participle_after_said_keeps_the_speaker():
    text = "“The port is open,” Ortiz said on Monday, adding that ferries would run."
    rel = _relations(text)
    assert ("Ortiz", "said", "speech") in rel
    assert ("Ortiz", "adding", "speech") in rel


def test_a_view_within_speech_is_nested():
    text = "Ortiz said she believes the bridge is safe."
    rel = {r.cue.start: r for r in Analysis(Document.from_text(text)).attributions}
    said, believes = rel[text.index("said")], rel[text.index("believes")]
    assert not said.nested and believes.nested
    assert not Analysis(Document.from_text("Ortiz believes the bridge is safe.")).attributions[0].nested


def test_negated_auxiliary_is_not_part_of_the_source():
    assert ("Mayor Ortiz", "said", "speech") in _relations("Mayor Ortiz hasn't said whether she will run.")
    assert ("The council", "say", "speech") in _relations("The council didn’t say when it would vote.")


def test_appositive_stops_at_a_new_quotation():
    text = "''It is late,'' said Ana Ortiz, a port engineer. ''We will not finish by June,'' she said."
    assert "Ana Ortiz, a port engineer" in [r[0] for r in _relations(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("He and Ortiz said the vote was fair.", "He and Ortiz"),
        ("Mayor Ortiz and the city council said the vote was fair.", "Mayor Ortiz and the city council"),
        # An unnamed conjunct keeps its own span, for the anonymous-source rule.
        ("Mayor Ortiz and other officials said the vote was fair.", "other officials"),
        ("Neither Ortiz nor the council said when the vote would be.", "Neither Ortiz nor the council"),
        # A clause before "and" is no conjunct: only the second subject speaks.
        ("The vote was close and the mayor said it was fair.", "the mayor"),
    ],
)
def test_coordinated_sources(text, source):
    assert source in [r[0] for r in _relations(text)]


def test_present_speech_verbs_need_a_clause():
    # "will not insist on" is a demand, not speech: broad, so no rule reads it.
    rel = _relations("Mayor Ortiz will not insist on a new toll, an aide said.")
    assert ("Mayor Ortiz", "insist", "broad") in rel
    assert ("an aide", "said", "speech") in rel
    assert ("Mayor Ortiz", "insist", "speech") in _relations("Mayor Ortiz insist that the toll stays.")


def test_a_mention_is_broad():
    rel = _relations("Ortiz did not mention the toll in her speech, officials said.")
    assert ("Ortiz", "mention", "broad") in rel
    assert ("officials", "said", "speech") in rel
    # "officials" still counts as an unnamed source: Ortiz reported nothing.
    analysis = Analysis(Document.from_text("Ortiz did not mention the toll in her speech, officials said."))
    assert len(analysis.anonymous_sources) == 1


def test_a_participle_after_a_view_reads_its_own_subject():
    text = "State lawmakers have cast doubt on the count, noting that the tally changed."
    rel = _relations(text)
    assert ("State lawmakers", "noting", "speech") in rel


def test_an_anonymity_aside_stays_in_the_source():
    text = "An official, also speaking on condition of anonymity, said the talks had stalled."
    assert ("An official, also speaking on condition of anonymity,", "said", "speech") in _relations(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Rep. Ann Moss (D-Md.), chair of the budget committee, said the bill was dead.",
            "Rep. Ann Moss (D-Md.), chair of the budget committee,",
        ),
        ("Gov. John Diaz (R-Ohio), said, “We are ready.”", "Gov. John Diaz (R-Ohio)"),
        (
            "Sen. Ann Moss (D-Md.), who wrote the bill, said it would pass.",
            "Sen. Ann Moss (D-Md.), who wrote the bill,",
        ),
    ],
)
def test_party_tag_before_an_appositive(text, source):
    assert (source, "said", "speech") in _relations(text)


def test_with_a_share_saying():
    text = "The survey split the town, with about three in 10 residents saying the toll was fair."
    assert ("about three in 10 residents", "saying", "broad") in _relations(text)


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        ("Mayor Ortiz is calling for a second bridge.", "Mayor Ortiz", "calling"),
        ("He’s not saying what the toll will be.", "He", "saying"),
        ("The union was quietly urging a strike.", "The union", "urging"),
    ],
)
def test_progressive_forms_are_broad(text, source, cue):
    assert (source, cue, "broad") in _relations(text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kelly said the ferry would run.", "Kelly"),
        ("Ana Beverly said the ferry would run.", "Ana Beverly"),
        ("Prime Minister Ann May said the ferry would run.", "Prime Minister Ann May"),
        ("The mayor on Monday said the ferry would run.", "The mayor"),
        ("The mayor repeatedly said the ferry would run.", "The mayor"),
    ],
)
def test_names_that_look_like_adverbs_or_auxiliaries(text, source):
    assert (source, "said", "speech") in _relations(text)


def test_made_it_clear_is_speech():
    assert ("Mayor Ortiz", "made it clear", "speech") in _relations(
        "Mayor Ortiz made it clear that the toll stays."
    )
    # "made clear" needs a subject that speaks: a thing that makes something clear is no source.
    assert _relations("The flood made clear the levee was weak.") == []
