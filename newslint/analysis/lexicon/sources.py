"""Source words: what the head of a source noun phrase says about who speaks.

Data only; :mod:`newslint.analysis.attribution.classify` reads a source
phrase by its parts and looks its head and modifiers up here.

- ``ANON_HEADS``: people known by a role or a description, not by name
  ("a source", "officials", "an aide");
- ``CROWD_HEADS``: vague crowds that hold views ("critics", "experts", "many");
- ``PLAIN_CROWDS``: plain people, a crowd when nothing describes them further;
- ``OUTLET_WORDS``, ``INSTITUTION_WORDS``: news organisations and bodies;
- ``TITLES``: titles and offices that make an office holder ("the deputy minister");
- ``SPOKESPEOPLE``: speakers for an institution;
- ``LOCAL_SERVICES``: bodies whose officials speak for them ("police officials");
- ``VAGUE_DETERMINERS``: words before a plain crowd that leave it vague.
"""

from __future__ import annotations

from newslint.analysis._scan import words

__all__ = [
    "ANON_HEADS",
    "CROWD_HEADS",
    "INSTITUTION_WORDS",
    "LOCAL_SERVICES",
    "OUTLET_WORDS",
    "PLAIN_CROWDS",
    "SPOKESPEOPLE",
    "TITLES",
    "VAGUE_DETERMINERS",
]

ANON_HEADS = words("""source sources official officials aide aides adviser advisers advisor advisors diplomat diplomats
    insider insiders staffer staffers person people individual individuals administrator administrators executive executives
    lawmaker lawmakers negotiator negotiators employee
    employees resident residents witness witnesses""")
CROWD_HEADS = words("""many some most few critics observers experts analysts commentators skeptics sceptics opponents
    supporters others scientists historians economists pundits scholars""")
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
PLAIN_CROWDS = words("people individuals lawmakers legislators")
VAGUE_DETERMINERS = words("many some most few other the these those such ordinary")
LOCAL_SERVICES = words(
    """police sheriff hospital court fire emergency school campus county city airport prison jail coroner
    medical health transit nypd lapd fbi"""
)
SPOKESPEOPLE = words("spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen")
