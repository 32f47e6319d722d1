"""Casualty words: data only (read by :mod:`newslint.analysis.casualties`)."""

from __future__ import annotations

__all__ = ["INSTITUTIONAL_SOURCES", "MORE_PERSON_NOUNS", "NO_SOURCE", "SOURCE_PRONOUNS"]

#: Sources that are institutions every outlet quotes (police, a ministry): an
#: agreement resting on them is the normal state of a story, not one voice
#: repeated. "quotation" is the key of a figure inside a quotation.
INSTITUTIONAL_SOURCES = frozenset(
    [
        "police",
        "officials",
        "authorities",
        "sheriff",
        "coroner",
        "medical examiner",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "statement",
        "ministry",
        "hospital officials",
        "quotation",
    ]
)

#: A source key ending in one of these names nobody in particular.
SOURCE_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "who", "which", "that", "this"])

#: More nouns for people who can be casualties, plural and singular, with
#: the group key a toll is compared under ("bailiffs" and "bailiff" are one
#: group; most are their own). Read with the core person nouns of
#: :mod:`newslint.analysis.casualties` ("people", "men", "victims", ...).
MORE_PERSON_NOUNS = {
    word: key
    for key, words in {
        "bailiff": "bailiff bailiffs",
        "juror": "juror jurors",
        "hunter": "hunter hunters",
        "camper": "camper campers",
        "cyclist": "cyclist cyclists biker bikers motorcyclist motorcyclists rider riders",
        "cashier": "cashier cashiers teller tellers clerks bartender bartenders waiter waiters waitress",
        "owner": "owner owners homeowners shopkeeper shopkeepers manager managers",
        "tenant": "tenant tenants roommate roommates neighbour",
        "relative": "relative sibling siblings cousin cousins nephew nephews niece nieces uncle uncles aunt aunts",
        "grandchild": "grandchild grandchildren grandson grandsons granddaughter granddaughters",
        "stepchild": "stepchild stepchildren stepson stepsons stepdaughter stepdaughters",
        "parent": "parent parents grandparents stepfather stepmother fiance fiancee",
        "spouse": "spouse spouses wives husbands partner partners",
        "coworker": "coworker coworkers co-worker co-workers colleague colleagues",
        "classmate": "classmate classmates teammate teammates",
        "teacher": "teacher teachers principal coach coaches",
        "player": "player players",
        "fan": "fan fans",
        "guest": "guest guests visitor visitors tourist tourists diner diners commuter commuters",
        "occupant": "occupant occupants",
        "doctor": "doctor doctors nurse nurses paramedic paramedics medic medics",
        "detective": "detective detectives sergeant sergeants lieutenant cop cops",
        "bouncer": "bouncer bouncers",
        "shooter": "shooter shooters attacker attackers assailant assailants robber robbers burglar burglars intruder intruders",
        "minor": "minor minors youngster youngsters twin twins",
        "senior": "senior seniors",
    }.items()
    for word in words.split()
}

#: Subjects of a reporting or knowing verb that deny a source ("No one knows how
#: many died", "nobody has said"): the figure has none.
NO_SOURCE = frozenset(["no one", "nobody", "none", "no", "noone", "nor"])
