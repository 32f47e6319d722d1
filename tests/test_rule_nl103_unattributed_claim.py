"""NL103 unattributed-claim (off by default): flagged examples and traps."""

from __future__ import annotations

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.attribution import UnattributedClaim


def test_off_by_default():
    assert UnattributedClaim.enabled_by_default is False


def test_flags_figures_and_records_in_the_outlets_voice():
    RuleTester(UnattributedClaim).run(
        invalid=[
            Invalid("Youth unemployment has doubled since the war began.", [at(1, 24, "doubled")]),
            Invalid("Prices rose 41 percent last year.", [at(1, 8, "rose 41 percent")]),
            Invalid("One in five children now skips breakfast.", [at(1, 1, "One in five")]),
            Invalid(
                "It was the deadliest attack in decades.",
                [at(1, 8, "the deadliest attack in decades")],
            ),
        ]
    )


def test_attributed_or_cited_claims_pass():
    RuleTester(UnattributedClaim).run(
        valid=[
            "Youth unemployment has doubled since the war began, the statistics office said.",
            "Prices rose 41 percent last year, according to the central bank.",
            "A survey by the health ministry found that one in five children skips breakfast.",
            "The ministry said the figures were final. Prices rose 41 percent last year.",
            "“Prices rose 41 percent,” the minister said.",
            "The poll shows 52 percent support the plan.",
            # plain numbers that are not statistics
            "The bridge is 300 metres long and opened in 1990.",
            "He organised two conferences, one in 1979 and another in 1984.",
            # rates and shares in a plan are not claims
            "The plan cuts the top tax rate from 39.6 percent to 25 percent.",
            # headlines and list items are not prose
            "Prices Rose 41 Percent Last Year",
        ]
    )


def test_idioms_and_cited_figures_are_not_claims():
    RuleTester(UnattributedClaim).run(
        valid=[
            "After the first defeat the senator doubled down on her attacks on the plan.",
            "The national helpline puts the figure at one in five young adults.",
        ],
        invalid=[
            Invalid(
                "Rents in the old town have doubled since the bridge opened.",
                [at(1, 28, "doubled")],
            ),
        ],
    )


def test_phrasal_verbs_and_studies_that_point_out():
    RuleTester(UnattributedClaim).run(
        valid=[
            "Small donors make up about 40% of the party's income.",
            "He was mild; the meanest he ever got was a sharp letter to the editor.",
            "As one study points out, exports fell by 60% in five years.",
        ],
        invalid=[
            Invalid("Exports fell by 60% in five years.", [at(1, 9, "fell by 60%")]),
        ],
    )
