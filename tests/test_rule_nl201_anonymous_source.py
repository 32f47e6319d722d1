"""NL201 anonymous-source: flagged examples and traps."""

from __future__ import annotations

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.anonymous_sources import AnonymousSource

NO_REASON = "no reason for anonymity is given"
REASON = "a reason for anonymity is given"
BARE = "bare unnamed source"


def test_flags_first_mentions_of_unnamed_sources():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "A source said the harbour would reopen on Friday.",
                [at(1, 1, "A source", message=BARE)],
            ),
            Invalid(
                "The council will vote next week, sources told the Courier.",
                [at(1, 34, "sources", message=BARE)],
            ),
            Invalid(
                "The plan was shelved in March, according to two people familiar with the talks.",
                [at(1, 45, "two people familiar with the talks", message=NO_REASON)],
            ),
            Invalid(
                "A senior administration official said the tariffs would stay.",
                [at(1, 1, "A senior administration official", message=NO_REASON)],
            ),
            Invalid(
                "The state broadcaster quoted an unnamed army source as saying the bridge was hit.",
                [at(1, 30, "an unnamed army source", message=NO_REASON)],
            ),
            Invalid(
                "Officials said the convoy was delayed at the border.",
                [at(1, 1, "Officials", message=NO_REASON)],
            ),
            Invalid(
                "Aides said the governor would not seek a third term.",
                [at(1, 1, "Aides")],
            ),
        ]
    )


def test_message_says_whether_a_reason_is_given():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "An official, who spoke on condition of anonymity because he was not authorized to "
                "discuss the talks, said the deal was close.",
                [at(1, 1, "An official", message=REASON)],
            ),
            Invalid(
                "Two diplomats said the envoy had been recalled. They spoke on condition of anonymity "
                "because the decision has not been made public.",
                [at(1, 1, "Two diplomats", message=REASON)],
            ),
            Invalid(
                "An official who spoke on condition of anonymity said the deal was close.",
                [at(1, 1, "An official", message=NO_REASON)],
            ),
        ]
    )


def test_later_references_are_linked_not_flagged():
    text = (
        "An unnamed military source said the missiles came from the north.\n\n"
        "The military source added that two launchers were destroyed.\n\n"
        "According to the source, the strike lasted an hour.\n"
    )
    RuleTester(AnonymousSource).run(invalid=[Invalid(text, [at(1, 1, "An unnamed military source")])])
    (finding,) = RuleTester(AnonymousSource).findings(text)
    assert [r.location.line for r in finding.related] == [3, 5]


def test_traps():
    RuleTester(AnonymousSource).run(
        valid=[
            # institutions, not people
            "Police said the road was closed.",
            "The ministry said in a statement that the talks would resume.",
            "The Interior Ministry told reporters the border was open.",
            # unnamed people who act rather than inform
            "Iranian and Syrian military officials agreed on the delivery of missile systems.",
            "Officials reached an agreement to supply fuel to the region.",
            "Police arrested a man near the station.",
            # named people
            "Maria Lopez, a spokeswoman for the mayor, said the budget was final.",
            "The mayor's spokesman, Tom Reyes, said the budget was final.",
            "“We are ready,” said Jane Ruiz, a senior official at the ministry.",
            # a lede whose official is named soon after
            "A senior defense official has reaffirmed the pact, saying the country is obliged to help.\n\n"
            "General Ali Karimi, the deputy defense minister, made the remarks in the capital on Tuesday.\n",
            # witnesses and residents who saw something are allowed
            "Residents described hearing three blasts before dawn.",
            # people who are asked, not sources
            "Officials were told to leave the building.",
        ]
    )


def test_markdown_positions():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "---\ntitle: Port strike\n---\n\nThe port will reopen, *a source* said.\n",
                [at(5, 24, "a source")],
                suffix=".md",
            )
        ]
    )


def test_witnesses_are_not_anonymous_sources():
    RuleTester(AnonymousSource).run(
        valid=[
            "Witnesses said the car did not stop.",
            "Two residents said they heard gunfire after midnight.",
        ]
    )


def test_officials_are_unnamed_people_police_are_the_institution():
    RuleTester(AnonymousSource).run(
        valid=[
            # the force or the body speaking, as "police said" does
            "The victim died at the scene, police said.",
            "Investigators said the driver had not been drinking.",
            "Sheriff's deputies said the road would stay closed.",
            "The fire department said the blaze was contained.",
        ],
        invalid=[
            # officials of any body are unnamed people, as AP and the NYT read "officials said"
            Invalid("The victim died at the scene, police officials said.", [at(1, 31, "police officials")]),
            Invalid(
                "Hospital officials said two patients were in critical condition.",
                [at(1, 1, "Hospital officials")],
            ),
            Invalid("Campus officials say the dormitory will stay closed.", [at(1, 1, "Campus officials")]),
            # one unnamed person speaking for a body
            Invalid(
                "A spokesman for the fire department said the blaze was contained.",
                [at(1, 1, "A spokesman for the fire department")],
            ),
            Invalid("An investigator said the driver had not been drinking.", [at(1, 1, "An investigator")]),
            Invalid(
                "Seven sailors were found dead, a US military official said.",
                [at(1, 32, "a US military official")],
            ),
            Invalid(
                "The talks stalled, according to one of these people. The rationale, according to this "
                "person, is money.",
                [],
                note="'one of these people' refers back; 'this person' is a later reference",
            ),
        ],
    )


def test_repeated_and_definite_mentions():
    text = (
        "“Our mission will not change,” an official told Reuters.\n\n"
        "“We are watching the fighting closely,” an official told Reuters.\n"
    )
    RuleTester(AnonymousSource).run(
        valid=[
            # a definite first mention refers back to someone the story introduced
            "The staffer complained that nobody was happy with the trade talks.",
            # plain people are a crowd (vague attribution), not a source
            "People say they want the money out of politics.",
            "For years, many people had asked who allowed it.",
        ],
        invalid=[
            Invalid(text, [at(1, 32, "an official")]),
            Invalid(
                "The official, who spoke on condition of anonymity, said the base would close.",
                [at(1, 1, "The official")],
            ),
        ],
    )
    (finding,) = RuleTester(AnonymousSource).findings(text)
    assert [r.location.line for r in finding.related] == [3]


def test_nested_and_repeated_readings():
    RuleTester(AnonymousSource).run(
        valid=[
            # the unnamed people are the governor's source, reported in his words
            "The governor has said about 20 people have indicated an interest in the seat.",
            # lawmakers in public are a crowd, not unnamed sources
            "Lawmakers also asked whether the deals required cooperation.",
        ],
        invalid=[
            Invalid(
                "His aides say it is too early to discuss a run but noted that he won twice.",
                [at(1, 1, "His aides")],
            ),
        ],
    )


def test_public_stances_and_proposals_are_not_sourcing():
    RuleTester(AnonymousSource).run(
        valid=[
            # a group's public stance or proposal: acting, not informing
            "Opposition lawmakers vowed to block the budget in the upper house.",
            "A former party official called on the chairman to resign over the loans.",
            "Several senators have insisted she testify before the recess.",
            "A campaign aide suggested he rest before the debate.",
            "Port officials announced that the terminal would reopen on Monday.",
            # nothing was passed on
            "Nor did officials add that the contract had been signed a month earlier.",
            # a document, not a person
            "Premiums will fall next year, according to a price table released Friday by state officials.",
            # pieces of a longer phrase, not a source
            "The survey covered 12 countries and 3,250 people, reviewers said.",
            "The audit found that at least one person in the chain had a work address, the lawyers said.",
            "The nurses wrote to the board, detailing how staffers often reported missing masks.",
        ],
        invalid=[
            # a claim, not a proposal
            Invalid(
                "Security officials have insisted the tunnel could not have been dug without help.",
                [at(1, 1, "Security officials", message=NO_REASON)],
            ),
            Invalid(
                "Two senior officials suggested Thursday that a vote would come next week.",
                [at(1, 1, "Two senior officials", message=NO_REASON)],
            ),
        ],
    )


def test_lede_named_by_its_capitalised_title():
    lede = (
        "A senior Foreign Ministry official conceded on Monday that the cables had reached the capital.\n\n"
        "Deputy Foreign Minister Leila Haddad, speaking to a parliamentary committee, said the warnings "
        "were read at the ministry.\n"
    )
    RuleTester(AnonymousSource).run(valid=[lede])
    # after the lede, the same institution's named spokesman does not name an unnamed official
    later = (
        "The talks resumed in Geneva.\n\n"
        "A Foreign Ministry official said the delegation would stay another week.\n\n"
        "Foreign Ministry spokesman Omar Said told reporters the schedule was open.\n"
    )
    RuleTester(AnonymousSource).run(invalid=[Invalid(later, [at(3, 1, "A Foreign Ministry official")])])


def test_reasons_in_other_words():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "Another official, speaking on condition of anonymity to discuss a classified program, said "
                "the launch had failed.",
                [at(1, 1, "Another official", message=REASON)],
            ),
            Invalid(
                "The suspect had been treated for depression, according to a law enforcement official, who spoke under "
                "condition of anonymity due to the sensitive nature of the case.",
                [at(1, 59, "a law enforcement official", message=REASON)],
            ),
        ]
    )


def test_people_told_or_asked_are_not_sources():
    RuleTester(AnonymousSource).run(
        valid=[
            "Residents of the valley were asked to leave their homes before noon.",
            "In one message, a party employee asked a colleague to look into the rival's finances.",
        ],
        invalid=[
            Invalid(
                "A party employee told the Courier that the rival's finances had been examined.",
                [at(1, 1, "A party employee", message=NO_REASON)],
            ),
        ],
    )


def test_a_reason_after_asking_not_to_be_named():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "“They knew all along,” said a former campaign adviser who asked not to be identified because "
                "of the lawsuits.",
                [at(1, 29, "a former campaign adviser", message=REASON)],
            ),
        ]
    )


def test_unnamed_sources_that_govern_the_sentence_or_belong_to_an_institution():
    RuleTester(AnonymousSource).run(
        invalid=[
            # the unnamed source's cue governs the whole sentence, a named person inside it
            Invalid(
                "Staff would work unpaid, a step the mayor will call unfair, a city hall official said in an "
                "email.",
                [at(1, 61, "a city hall official", message=NO_REASON)],
            ),
            Invalid(
                "The newspaper reported that the firm would hire 3,000 people, people familiar with the plan said.",
                [at(1, 63, "people familiar with the plan", message=NO_REASON)],
            ),
            # one unnamed member of an institution, marked anonymous
            Invalid(
                "At least nine people died, a police official told the Courier on condition of anonymity "
                "because he was not authorized to speak.",
                [at(1, 28, "a police official", message=REASON)],
            ),
            # a lede whose description names someone else
            Invalid(
                "The senator was stunned by the attacks, according to people close to the party leader.\n\n"
                "Party leader Ana Ruiz did not comment.\n",
                [at(1, 54, "people close to the party leader", message=NO_REASON)],
            ),
        ],
        valid=[
            # still the named speaker's own unnamed people
            "The governor said about 20 people have shown interest in the plan.",
            # an institution speaking is not an anonymous source
            "Police said the road would reopen on Monday.",
        ],
    )


def test_plural_role_only_and_relayed_sources():
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                "The border will stay shut, State Department officials said.",
                [at(1, 28, "State Department officials", message=NO_REASON)],
            ),
            Invalid("The firm's lawyers said the deal was legal.", [at(1, 1, "The firm's lawyers")]),
            Invalid(
                "Several union leaders said the vote would be close.", [at(1, 1, "Several union leaders")]
            ),
            Invalid("Intelligence sources said the ship was tracked.", [at(1, 1, "Intelligence sources")]),
            Invalid("Police sources said the guards were warned.", [at(1, 1, "Police sources")]),
            Invalid("A former staffer says the manager knew.", [at(1, 1, "A former staffer")]),
            Invalid("A nurse who works at the clinic said two men were treated.", [at(1, 1, "A nurse")]),
            Invalid(
                "The ship was held, according to the Coast Post, which cited unnamed officials.",
                [at(1, 61, "unnamed officials")],
            ),
            Invalid("The driver fled, according to news reports.", [at(1, 31, "news reports")]),
            Invalid("An uncle of the boy said he had just left work.", [at(1, 1, "An uncle of the boy")]),
        ],
        valid=[
            # the force speaking, unnamed people acting, a person the story identifies
            "Sheriff's deputies said the road would stay closed.",
            "The victim's mother said he had been working late.",
            "Officers have not said whether anyone was arrested.",
            # what someone is, a question, a category
            "I would be a president who says no to waste.",
            "Nobody knows what the officials knew about the leak.",
        ],
    )


def test_a_reason_given_paragraphs_later_is_the_sources_own():
    text = (
        "The talks broke down over pensions, two union officials said.\n\n"
        "A nurse at the port clinic said two dockers had been treated.\n\n"
        "The officials asked not to be named, citing fear of reprisals from the union.\n"
    )
    RuleTester(AnonymousSource).run(
        invalid=[
            Invalid(
                text,
                [
                    at(1, 37, "two union officials", message=REASON),
                    at(3, 1, "A nurse at the port clinic", message=NO_REASON),
                ],
            )
        ]
    )
