"""Source words: what the parts of a source noun phrase say about who speaks.

Data only; :mod:`newslint.analysis.attribution.classify` reads a source
phrase by its parts (determiner or quantifier, modifiers, head noun, what
follows it) and looks the words up here. Person nouns are listed in the
singular; the reader makes their plurals ("official" → "officials",
"spokesman" → "spokesmen", "deputy" → "deputies").

Who a head noun names, by group:

- ``INSIDER_NOUNS``: people who know by their position and pass it on: an
  unnamed one, or several, are anonymous sources ("a senior official",
  "officials said", "two former CIA officers", "prosecutors said");
- ``CROWD_NOUNS``: people who hold views as a group; in the plural, unnamed,
  they are a vague crowd ("critics say", "Democrats argue", "many economists
  expect"); one of them unnamed is an unnamed source ("a critic said");
- ``PARTY_NOUNS``: parties and camps, a crowd in the plural ("Republicans");
- ``WITNESS_NOUNS``: people who saw something: unnamed witnesses inform and are
  allowed; a group of them voicing a view is still a crowd;
- ``RELATIVE_NOUNS``: the family and friends of someone in the story, who pass
  on what they know ("an uncle said", "family members told");
- ``PLAIN_CROWDS``: plain people: a crowd unless described as sources
  ("people familiar with the talks").

And the other words of a source phrase:

- ``CROWD_ENDINGS``: endings that make a group noun of a word not listed
  ("conservationists", "Europeans", "Israelis");
- ``NOT_PEOPLE``: plurals with such an ending that name no one ("papers", "orders");
- ``QUANTIFIERS``: words that count or measure a group without naming it;
  ``VAGUE_QUANTIFIERS`` make it vague ("some", "many": not "two", "all");
- ``ANONYMITY_WORDS``: words that mark a description as withheld on purpose;
- ``REPORT_NOUNS``: reports relayed without their outlet ("according to reports");
- ``OUTLET_WORDS``, ``INSTITUTION_WORDS``: news organisations and bodies;
- ``TITLES``: titles and offices that make an office holder ("the deputy minister");
- ``SPOKESPEOPLE``: speakers for an institution.
"""

from __future__ import annotations

from newslint.analysis._scan import words

__all__ = [
    "ANONYMITY_WORDS",
    "CROWD_BODIES",
    "CROWD_ENDINGS",
    "CROWD_NOUNS",
    "DEMONYMS",
    "INSIDER_NOUNS",
    "INSTITUTION_WORDS",
    "MEMBERS_OF",
    "NOT_PEOPLE",
    "OUTLET_WORDS",
    "PARTY_NOUNS",
    "PLAIN_CROWDS",
    "POLICE_NOUNS",
    "PLAIN_PEOPLE",
    "PLAIN_PERSON_NOUNS",
    "QUANTIFIERS",
    "RELATIVE_NOUNS",
    "REPORT_MODIFIERS",
    "REPORT_NOUNS",
    "SPOKESPEOPLE",
    "TITLES",
    "VAGUE_QUANTIFIERS",
    "WITNESS_NOUNS",
]

INSIDER_NOUNS = words("""source official participant aide adviser advisor staffer staff insider diplomat negotiator spokesman
    spokeswoman spokesperson employee executive officer investigator detective prosecutor attorney lawyer counsel
    clerk manager supervisor administrator commander sergeant lieutenant operative organizer organiser
    representative associate confidant nurse agent deputy trooper planner
    consultant auditor inspector regulator negotiator envoy emissary functionary bureaucrat""")
CROWD_NOUNS = words("""critic observer expert analyst commentator skeptic sceptic opponent supporter proponent
    detractor advocate activist scientist historian economist pundit scholar researcher academic strategist
    lawmaker legislator politician leader voter citizen ally backer fan follower doctor physician teacher
    worker wonk watcher theorist campaigner protester protestor demonstrator believer evangelical hardliner
    hawk dove donor constituent taxpayer consumer forecaster pollster technologist environmentalist
    conservationist delegate superdelegate member nationalist officeholder candidate pilot farmer miner driver
    soldier veteran immigrant refugee owner investor trader banker entrepreneur homeowner tenant landlord user
    viewer reader listener athlete player coach clergyman priest pastor
    scientist engineer educator councillor councilor councilman alderman trustee""")
#: Police who speak for their force in the plural ("deputies said", "investigators
#: say") are the institution's voice, like "police said"; one of them unnamed is a source.
POLICE_NOUNS = words("officer deputy detective investigator trooper agent marshal")
#: "Members" and "leaders" take the group of what they belong to: "family members"
#: pass on what they know, "staff members" and "union leaders" are insiders, "party
#: members" and "community leaders" a crowd.
MEMBERS_OF = {
    "family": "relative",
    "union": "insider",
    "company": "insider",
    "industry": "insider",
    "military": "insider",
    "audience": "witness",
    "crowd": "witness",
    "public": "witness",
    "staff": "insider",
    "board": "insider",
    "committee": "insider",
    "council": "insider",
    "campaign": "insider",
    "cabinet": "insider",
    "team": "insider",
    "administration": "insider",
}
#: Organisations in the plural, unnamed, are a crowd too ("rights groups worry"); so is a
#: faction or a camp, one of it or not ("a vocal faction argued").
CROWD_BODIES = words("""groups organizations organisations associations unions coalitions coalition faction factions camp
    camps bloc blocs wing contingent chorus alliance""")
#: Peoples whose name ends like a surname ("Israelis", "Iraqis"), read as a people.
DEMONYMS = words("""israelis iraqis pakistanis saudis yemenis somalis kuwaitis qataris emiratis bangladeshis nepalis
    afghanis omanis bahrainis""")
PARTY_NOUNS = words("""democrat republican conservative liberal progressive moderate libertarian socialist tory
    independent centrist populist nationalist loyalist""")
WITNESS_NOUNS = words("""witness resident neighbor neighbour bystander onlooker passenger survivor student parent
    attendee customer shopper patron passerby passer-by caller victim""")
RELATIVE_NOUNS = words("""relative uncle aunt cousin brother sister mother father son daughter grandmother grandfather
    grandson granddaughter wife husband friend niece nephew fiancee fiancée girlfriend boyfriend
    stepfather stepmother stepson stepdaughter family-member""")
#: People in a story who are neither sources nor crowds: "a gunman who said …".
PLAIN_PERSON_NOUNS = words("""man woman boy girl child teen teenager gunman suspect shooter attacker killer driver
    victim assailant intruder robber thief""")
#: Plain people: "people", "a person"; "individuals".
PLAIN_CROWDS = words("people individuals folks")
PLAIN_PEOPLE = words("person individual")
CROWD_ENDINGS = ("ists", "ians", "eans", "icans")
NOT_PEOPLE = words("""papers orders numbers letters centers centres computers markets analysis basis crisis thesis
    emphasis diagnosis plans bans means loans scans fans clans vans matters layers powers waters answers offers
    towers factors sectors errors mirrors doors floors colors colours rumors rumours motors meters chapters
    headquarters quarters corners borders filters parameters disasters barriers centers containers""")
QUANTIFIERS = words("""some many most few several multiple numerous various other others another all both each
    one two three four five six seven eight nine ten dozen dozens hundreds thousands millions a an
    lot lots number majority majorities minority plurality handful half third thirds quarter""")
VAGUE_QUANTIFIERS = words("some many most few several multiple numerous various others lot lots handful")
ANONYMITY_WORDS = words("unnamed anonymous unidentified")
REPORT_NOUNS = words("report reports reporting accounts")
#: Words that describe reports without naming whose they are ("initial reports", "media reports").
REPORT_MODIFIERS = words("""initial early earlier local media news press unconfirmed published multiple several
    conflicting preliminary recent later first latest some other""")
OUTLET_WORDS = words("""agency news newspaper times post journal tribune herald guardian telegraph reuters ap afp bbc cnn
    msnbc fox npr nbc abc cbs politico axios bloomberg tass irna sana xinhua isna mehr tasnim fars
    broadcaster television tv radio magazine website outlet daily gazette press wire""")
INSTITUTION_WORDS = words("""police ministry department government army military navy campaign company committee office council
    administration agency court commission board party authority authorities house senate congress
    parliament embassy white kremlin pentagon fbi cia un nato union bank organization organisation
    group foundation institute university hospital statement report poll polls survey study data
    spokesman's prosecutors prosecutor's ministry's regime forces""")
TITLES = words("""mr mrs ms dr prof sen rep gov gen president minister secretary chairman chairwoman chief general
    brigadier colonel lieutenant major captain commissioner mayor judge senator representative governor
    ambassador director spokesman spokeswoman deputy vice prime king queen prince pope sheikh ayatollah""")
SPOKESPEOPLE = words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")
