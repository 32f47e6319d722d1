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


def test_quotations_framed_by_their_sentence_are_not_flagged():
    RuleTester(UnattributedQuote).run(
        valid=[
            # the sentence names whose words they are before the quotation
            "The Gazette reports that “the harbour will stay closed to cargo ships until June.”",
            "He kept repeating his grandmother’s favourite line, “You cannot plough a field by turning it over "
            "in your mind.”",
            "In the words of the economist Rosa Lind, “Nobody saves money in a year when prices double.”",
            "By Monday the mayor was telling the Courier, “We will have the bridge open before the holidays.”",
            "The early draft of the letter included the sentence, “I never used the private server for work.”",
            # a saying or principle named before it
            "The old rule in the newsroom was “Check it twice and then check it again.”",
            # a quotation used as a label
            "There was Ward’s “Go home and count your votes” putdown of the challenger.",
            # a range of moods, not speech
            "The crowd went from “This is the best night of my life” to silence within an hour.",
            # the same speaker goes on in the paragraph
            "“The rules were never meant for this case,” the court held. “A president acting in private "
            "answers like anyone else.”",
            # a speech verb after a quotation closed on a comma, with a long description between
            "“The tide has turned against the closures of rural clinics,” longtime health campaigner Ana "
            "Ruiz, of the Rural Care League, said in a statement.",
            "“We can strike again whenever we choose to do it,” Colonel Adel Haddad was quoted as saying by "
            "the state news agency.",
            # a sign-off with no dash
            "“The court reversed itself, holding that the jury must be unanimous in every state.” Court Watch",
            "“The plant reports more injuries than the sawmills and the gas wells combined.” Ann Lee, The Ledger",
        ]
    )


def test_quotations_with_nobody_in_the_lead_in_are_still_flagged():
    RuleTester(UnattributedQuote).run(
        invalid=[
            Invalid(
                "The plan is ambitious.\n\nWithin five years, “we will plant ten million trees along every "
                "river in the province.”\n",
                [at(3, 20, "“we will plant ten million trees along every river in the province.”")],
            ),
            Invalid(
                "The road is closed.\n\nThe result has been “a disaster for every farmer who needs to reach "
                "the market.”\n",
                [at(3, 21, "“a disaster for every farmer who needs to reach the market.”")],
            ),
        ]
    )


def test_more_layouts_that_name_the_speaker():
    RuleTester(UnattributedQuote).run(
        valid=[
            # a name right after a quotation closed on a comma, with an apposition before the verb
            "“We will be opening three more clinics,” Okafor, the regional health chief, pledged to the "
            "council.",
            # the speaker's next paragraph opens with a quotation of its own
            "“The data show the same gap year after year,” the report continues.\n\n"
            "“Families in the valley feel it in housing, in schools and in the courts.”\n",
            # the sentence before hands over to the quotation
            "We asked what to do next. The captain’s answer has stayed with me. “Turn around, we are going home.”",
            # a document that reads, a column, a slogan with its year, a question as a label
            "In its second paragraph, it reads, “Most of us rarely talk politics with people who vote the "
            "other way.”",
            "From Zito’s “Read the candidate seriously but not literally” pieces onward, the press tried.",
            "“Safe streets, safe jobs, no to the new treaty” (2005) was followed by a softer poster.",
            "But “How does a bill become a law in this state?” is a question for the classroom.",
        ]
    )


def test_a_new_speaker_after_a_paragraph_of_narration_is_still_flagged():
    RuleTester(UnattributedQuote).run(
        invalid=[
            Invalid(
                "“The harbour is safe,” the mayor said.\n\nThe tide turned at dawn and the boats stayed in."
                "\n\n“Nobody here believes a word of what the council says.”\n",
                [at(5, 1, "“Nobody here believes a word of what the council says.”")],
            ),
        ]
    )


def test_lists_citations_and_framing_nouns():
    RuleTester(UnattributedQuote).run(
        valid=[
            # a numbered list of one speaker's quotations, each with a citation
            "The mayor's most repeated claims:\n\n1. “Crime in this city has never been lower than it is now.” "
            "(March 3 in a radio interview)\n\n2. “The stadium will not cost taxpayers a single cent.”\n",
            # a sign-off after a dash, in lowercase words
            "“Young drivers think the new rules are a tax on being young.” — editorial, The Valley Ledger",
            # framed by a study, an aphorism, a bio, or "calls it"
            "A 2019 study found the data “support the view that early reading predicts later income.”",
            "The fable ends with the aphorism “Better a small house in peace than a palace in fear,” and moves on.",
            "The inspector who lent me the video calls it “a lesson in what the manual leaves out of the story.”",
            "The review blamed the mergers, suggesting “the airlines still have a lot of work to do on service.”",
            "Her party has followed the old motto (“When they shout, we whisper and we win”) for years.",
        ]
    )


def test_a_pronoun_nobody_stands_for():
    RuleTester(UnattributedQuote).run(
        invalid=[
            Invalid(
                "The ferry will stop in May, the operator announced.\n\n"
                "“We cannot run a boat that carries six people a day,” he said.\n",
                [
                    at(
                        3,
                        1,
                        "“We cannot run a boat that carries six people a day,”",
                        message="is given to “he”",
                    )
                ],
            )
        ],
        valid=[
            # someone named, or described, before the quotation
            "Ana Ruiz runs the ferry.\n\n“We cannot run a boat that carries six people a day,” she said.\n",
            "The port's manager spoke first.\n\n“We cannot run a boat that carries six people a day,” she said.\n",
            "Alves described the night.\n\n“We heard the water before we saw it coming,” he said.\n",
        ],
    )
