"""NL101 unattributed-quote: flagged examples and traps, including awkward layouts."""

from __future__ import annotations

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.attribution import UnattributedQuote


def test_flags_quotations_with_no_speaker():
    RuleTester(UnattributedQuote).run(
        invalid=[
            Invalid(
                "The minister left the hall early.\n\n“We will not accept this deal under any circumstances.”\n",
                [at(3, 1, "“We will not accept this deal under any circumstances.”")],
            ),
            Invalid(
                'Prices rose again in May. "This cannot go on for another year" was the verdict of the street.\n',
                [at(1, 27, '"This cannot go on for another year"')],
            ),
        ]
    )


def test_attributed_layouts_are_not_flagged():
    RuleTester(UnattributedQuote).run(
        valid=[
            # same sentence, either order
            "“We will rebuild the bridge by spring,” the mayor said.",
            "The mayor said: “We will rebuild the bridge by spring.”",
            "“We will rebuild the bridge by spring,” said Ana Ortiz, the mayor.",
            # `“…,” he added`
            "Ortiz spoke first.\n\n“The money is there,” she added. “We only need the permits.”\n",
            # speaker after the first sentence of a multi-sentence quotation
            "“The river rose fast. We had no warning at all,” the farmer told reporters.",
            "“The river rose fast. We had no warning at all. The fields are gone,” "
            "said Pedro Alves, who farms near the dam.",
            # a quotation continued across paragraphs (no closing mark on the first)
            "Alves described the night.\n\n“We heard the water before we saw it,” he said. “By two in the "
            "morning the road was under a metre of mud.\n\n“Nobody came until noon, and by then the "
            "cattle were lost.”\n",
            # dash sign-off
            "“Safety comes before speed on every site we run.” -Commissioner Ward",
            "“Safety comes before speed on every site we run.” — Commissioner Ward",
            "“I just hope this campaign gets people out to vote.” ― Jorge Falcon",
            # colon lead-in with no verb
            "From Chairwoman Ruiz:\n\n“The committee will hear every witness before it votes.”\n",
            "A statement from the ministry: “The border crossing will stay closed until further notice.”",
            # an inverted verb that is not a speech verb
            "“Nobody has any idea what the market will do next,” mused Carl Nash, a fund manager.",
            # a closing mark typed as an opening one
            "“Two people become something greater than they were,“ the judge wrote. “That is the point.”",
            # a quotation never closed that swallows its own attribution
            "“Every version of the browser is affected, including the preview, Ann Lee, a researcher, says.",
            # mismatched marks
            'The coach was blunt. “We played badly and we deserved to lose" he told the press.',
            # a sign or a document can be the source of a quotation
            "The mood was grim. “Nobody believes the count anymore,” read a banner nearby.",
            # neighbouring sentence names the speaker
            "Ortiz was asked about the delay. “It is the weather, not the money.” She did not elaborate.",
            # quoted titles and scare quotes
            "She wrote a book called “The Long Road Home From Nowhere” in 2019.",
            "The film “A Quiet Place in the Country” opened on Friday.",
            "The law, known as the “Clean Air and Water Act of 2021”, passed in May.",
            "Critics called the plan “a disaster”.",
            "The so-called “humanitarian concerns” of the ministry were not explained.",
        ]
    )


def test_minimum_length_is_an_option():
    RuleTester(UnattributedQuote, {"min_words": 2}).run(
        invalid=[Invalid("The sign was clear.\n\n“Keep out.”\n", [at(3, 1, "“Keep out.”")])],
    )
