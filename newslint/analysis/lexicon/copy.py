"""Words for comparing the articles of a story: what a fingerprint leaves out, which words
re-worded copy swaps for each other, and the wire services a credit names.

Data only; :mod:`newslint.analysis.copy` compiles it.
"""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS", "SYNONYMS", "WIRES"]

#: Function words, speech verbs and fillers: a sentence's fingerprint is made of the
#: other words (names, numbers, nouns, verbs), which a re-worded copy mostly keeps.
FUNCTION_WORDS = """
a an the and or but if of to in on at by for with from as into onto upon over under about after before
since than that this these those there here it its is are was were be been being am has have had having
do does did done will would shall should can could may might must not no nor so too very just also
only even still yet then thus however nonetheless furthermore additionally moreover meanwhile
he she they them their theirs his her hers him we us our ours you your yours i me my mine
who whom whose which what when where why how while during all any some each every both either neither
one other another such own more most much many few several numerous s t mr mrs ms dr
said says say saying told tell tells added adds stated states noted notes according
"""

#: Words a re-worded copy swaps for one another, a class a line (stems of the first word
#: stand for the class). Only swaps that keep the meaning in news copy: a word listed
#: here must not be the usual word for something else ("state" is not listed: it is
#: also a U.S. state).
SYNONYMS = """
help aid assist support
country nation
attack strike raid assault incursion airstrike
improve enhance boost strengthen empower bolster reinforce
use employ utilize utilise
large big significant sizable
main major key principal chief
violate infringe breach
warn caution
buy purchase procure
begin start commence
fight battle combat confront
group organization organisation outfit
supporter sponsor backer
area location place locality
intercept repel fend ward
damage harm
kill slay
injure wound hurt
vehicle car
gunman shooter assailant attacker
home house residence
residents locals
investigate probe
arrest detain apprehend
reveal disclose
killing slaying homicide murder
rise increase grow
decline decrease drop fall
"""

#: Wire services and syndicates: an article crediting one of them ("The Associated Press
#: contributed to this report", "WASHINGTON (AP) —", "— Reuters") credits its copy.
#: Long names first on a line, then their short forms.
WIRES = """
Associated Press | AP
Reuters | Thomson Reuters
Agence France-Presse | Agence France Presse | AFP
United Press International | UPI
Bloomberg News | Bloomberg
Deutsche Presse-Agentur | dpa
Xinhua News Agency | Xinhua
Kyodo News | Kyodo
Press Association | PA Media
Canadian Press | CP
Australian Associated Press | AAP
CNN Wire | CNN Newsource
Tribune News Service | Tribune Content Agency
McClatchy-Tribune | McClatchy
City News Service
Bay City News
States Newsroom
Kaiser Health News | KFF Health News
The Conversation
"""
