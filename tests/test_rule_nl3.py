"""NL3: names spelled two ways, in an article and across a story."""

from __future__ import annotations

from newslint.testing import Invalid, RuleTester, at
from newslint_plugins.names import NameSpellingAcrossStory, NameSpellingInArticle


def test_in_article_variant_at_the_rarer_spelling():
    RuleTester(NameSpellingInArticle).run(
        valid=[
            "White House chief of staff Reince Priebus spoke on Monday. Priebus said talks went well.",
            "Brigadier General Hamzeh Qalandari spoke. General Qalandari said more.",
            "Officer John Smith and his wife, Mary Smith, were both at home. Smith said little.",
            "President Bashar al-Assad met envoys. Assad said nothing.",
            "Gov. George W. Bush spoke. George Bush said later the vote was close.",
            # an ordinary word opening a sentence is not a misspelt surname
            "Officer Dan Moore, 41, was hurt. More officers arrived, and more followed. Moore said so.",
            # apostrophe style is typography, not spelling
            "Za’nilah Canty, 3, was hurt. Za'nilah Canty was treated. Canty is recovering.",
        ],
        invalid=[
            Invalid(
                "Chief of staff Reince Priebus spoke.\nPriebus said yes.\nPreibus said it again.\n"
                "Later Priebus left.",
                [at(3, 1, "Preibus", message="“Priebus”")],
            ),
        ],
    )


def story(rule, articles):
    return [(f.path, f.line, f.column, f.text, f.message) for f in RuleTester(rule).run_story(articles)]


def test_across_story_flags_the_minority_spelling():
    found = story(
        NameSpellingAcrossStory,
        {
            "a.txt": "Brigadier General Hamzeh Qalandari spoke in Tehran. Qalandari said so.",
            "b.txt": "General Hamze Qalandari, the deputy minister, spoke. Qalandari said so.",
            "c.txt": "Hamzeh Qalandari, Iran's deputy defense minister, said so. General Qalandari agreed.",
        },
    )
    assert len(found) == 1
    path, line, column, text, message = found[0]
    assert (path, line, column, text) == ("b.txt", 1, 9, "Hamze Qalandari")
    assert "“Hamzeh Qalandari”" in message and "a.txt" in message and "c.txt" in message


def test_across_story_traps():
    # Full name then surname; a middle initial; relatives sharing a surname;
    # the Arabic article kept or dropped.
    found = story(
        NameSpellingAcrossStory,
        {
            "a.txt": "Officer Maria Lopez, 34, was hurt. Lopez said the car sped off. President Bashar al-Assad spoke.",
            "b.txt": "Officer Mario Lopez, 36, was also hurt. John Q. Adams, a witness, said so. Assad, the president, spoke.",
            "c.txt": "Lopez was treated. John Adams, 40, said the shots were loud. President Assad spoke.",
        },
    )
    assert found == []


def test_across_story_typo_in_a_surname():
    found = story(
        NameSpellingAcrossStory,
        {
            "a.txt": "White House chief of staff Reince Priebus spoke. Priebus said yes.",
            "b.txt": "Chief of staff Reince Priebus said talks went well.",
            "c.txt": "Chief of staff Reince Preibus, a Republican, said talks went well.",
        },
    )
    assert [(f[0], f[3]) for f in found] == [("c.txt", "Reince Preibus")]


def test_ordinary_words_and_folded_lookalikes_are_not_variants():
    RuleTester(NameSpellingInArticle).run(
        valid=[
            "NBC News chairman Andrew Lack, 70, spoke. Read more: the memo. Lack said little.",
            "Robert Kennedy, 42, spoke of Indira Ghandi, who was not there. Kennedy said so.",
        ]
    )


def test_capitalised_words_that_show_no_person_are_not_variants():
    RuleTester(NameSpellingInArticle).run(
        valid=[
            # a place or demonym beside a person's name
            "Engineer Brandon Bostian, 32, was at the controls. From Washington to Boston, trains stopped.",
            "Former president Shimon Peres, 91, spoke. Ministers met in Paris with their aides.",
            # a word beside an organisation's name
            "The group Voto Latino tweeted its anger. Shoppers can find other Latin products.",
            # two spellings in one sentence name two people
            "King Hamad met Crown Prince Hamid, 40, on Monday. Hamid said little.",
            # a place after a comma is no apposition of a person
            "She travelled to Vancouver, British Columbia, for the opening. Agents erred in Colombia later.",
        ],
        invalid=[
            # a slip of the keyboard in the same sentence as the right spelling is still one
            Invalid(
                "Aide Paul Manafort, 60, spoke. Manafort said that Manfort was a typo. Manafort left.",
                [at(1, 51, "Manfort")],
            ),
            # a lone misspelt surname that acts is still flagged
            Invalid(
                "Senator Maria Kowalczyk, 52, spoke. Kowalczyk said the bill would pass. "
                "Kowalcyzk added that talks went on. Kowalczyk left.",
                [at(1, 73, "Kowalcyzk", message="“Kowalczyk”")],
            ),
        ],
    )
