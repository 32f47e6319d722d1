"""Name words: data only (read by :mod:`newslint.analysis.names`)."""

from __future__ import annotations

__all__ = ["NICKNAMES"]


def _pairs(block: str) -> dict[str, str]:
    """Short forms of given names, one formal name a line: "robert: bob bobby rob"."""
    out: dict[str, str] = {}
    for line in block.strip().splitlines():
        formal, shorts = line.split(":")
        for short in shorts.split():
            out[short] = formal.strip()
    return out


#: English short forms of given names and the formal name they stand for
#: ("Bob Menendez" is "Robert Menendez"). A short form shared by two formal
#: names ("Pat", "Sam", "Alex", "Chris") is left out: it proves nothing.
NICKNAMES = _pairs(
    """
    robert: bob bobby rob robbie bert
    william: bill billy will willie
    james: jim jimmy jamie
    john: jack johnny
    richard: rick ricky rich dick
    michael: mike mikey mick
    david: dave davey
    thomas: tom tommy
    joseph: joe joey
    anthony: tony
    christopher: topher
    daniel: dan danny
    matthew: matt
    steven: steve stevie
    jeffrey: jeff
    gregory: greg
    benjamin: ben benny
    andrew: andy drew
    nicholas: nick nicky
    timothy: tim timmy
    ronald: ron ronnie
    donald: don donnie
    lawrence: larry
    charles: charlie chuck
    henry: hank
    edward: ted teddy eddie
    kenneth: ken kenny
    douglas: doug
    raymond: ray
    gerald: jerry
    walter: walt
    frederick: fred freddie
    samuel: sammy
    zachary: zach zack
    jonathan: jon
    nathaniel: nate
    elizabeth: liz lizzie beth betsy betty
    katherine: kate katie kathy
    margaret: peggy maggie meg
    jennifer: jen jenny
    susan: sue susie
    deborah: debbie deb
    patricia: patty trish
    rebecca: becky
    victoria: vicky tori
    kimberly: kim
    abigail: abby
    """
)
