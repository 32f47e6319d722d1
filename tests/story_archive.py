"""An invented archive of many stories, each told by several outlets, for tests at scale.

Every sentence is written here for the tests (no corpus text). Each story is a
folder of Markdown articles with front matter (outlet, title, date); within a
story, one outlet misspells the official's name, one gives another toll with
no source, and some quote an unnamed official or an unnamed crowd, so the
story rules and the article rules all have something to find.
"""

from __future__ import annotations

import random
from pathlib import Path

OUTLETS = (
    "Valley Courier",
    "Harbour Gazette",
    "Northern Ledger",
    "Evening Lantern",
    "Plainsman Daily",
    "Riverside Herald",
    "Coastal Bulletin",
    "Metro Dispatch",
)
_SYLLABLES = ("bra", "ven", "tor", "mil", "dar", "ken", "lo", "sar", "fen", "gor", "ta", "wick", "mar", "dun")
_GIVEN = (
    "Anneliese",
    "Bogdan",
    "Corinne",
    "Dmitri",
    "Elspeth",
    "Farid",
    "Greta",
    "Hamish",
    "Ines",
    "Jaroslav",
)
_EVENTS = (
    ("a fire tore through a furniture warehouse", "Warehouse fire"),
    ("a commuter bus left the road and overturned", "Bus crash"),
    ("part of a parking garage collapsed", "Garage collapse"),
    ("a gas explosion wrecked a row of shops", "Gas explosion"),
    ("floodwater swept through the lower town", "Flash flood"),
)
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_FILLER = (
    "Residents gathered behind the police tape through the afternoon, some still in work clothes.",
    "The town council had debated a new safety budget only last month, without reaching a decision.",
    "Volunteers from the neighbouring villages brought blankets, water and hot food to the square.",
    "Traffic on the main road was diverted for most of the day while crews cleared the debris.",
    "Local schools stayed open, though several parents came early to collect their children.",
    "The weather had been dry and windy for a week, which made the work of the crews harder.",
    "Shop owners on the street said they had heard a loud noise shortly before the first sirens.",
    "A temporary information desk was set up in the library for families looking for relatives.",
    "Engineers will inspect the neighbouring buildings before anyone is allowed back inside.",
    "The regional hospital called in extra staff and postponed routine operations until Monday.",
    "Insurance assessors are expected to arrive later this week to begin estimating the damage.",
    "A book of condolence has been opened at the town hall and will stay open until the weekend.",
)


def _town(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _misspelt(surname: str) -> str:
    """One letter doubled: the kind of slip NL302 finds across a story."""
    at = next((i for i in range(len(surname) - 2, 0, -1) if surname[i] not in "aeiou"), 1)
    return surname[:at] + surname[at] + surname[at:]


def article(
    rng: random.Random,
    town: str,
    event: tuple[str, str],
    official: str,
    killed: int,
    hurt: int,
    outlet: str,
    day: int,
    unnamed: bool,
    crowd: bool,
) -> tuple[str, str]:
    """(title, body) of one outlet's article about one event."""
    what, headline = event
    title = f"{headline} in {town} leaves {_NUMBERS[killed - 2]} dead"
    surname = official.split()[-1]
    paras = [
        f"{_NUMBERS[killed - 2].capitalize()} people were killed and {_NUMBERS[hurt - 2]} were injured when {what} "
        f"in {town} on Tuesday, the regional emergency service said.",
        f"“We are still searching the site and we will not stop until everyone is accounted for,” said "
        f"Commissioner {official}, who leads the rescue effort. {surname} added that the cause was not yet known.",
    ]
    if unnamed:
        paras.append(
            "An official who was not authorized to speak publicly said the building had failed an inspection "
            "last year."
        )
    if crowd:
        paras.append("Critics say the town ignored repeated warnings about the site.")
    paras += [" ".join(rng.sample(_FILLER, 3)) for _ in range(rng.randint(3, 5))]
    paras.append(f"{surname} said a fuller statement would follow on day {day} of the inquiry.")
    return title, "\n\n".join(paras)


def write_archive(root: Path, stories: int = 250, per_story: int = 8, seed: int = 20) -> list[Path]:
    """Write ``stories`` folders of ``per_story`` Markdown articles under ``root``; returns the files.

    With ``story: {by: folder}`` in rules.yaml each folder is one story.
    """
    rng = random.Random(seed)
    written = []
    for s in range(stories):
        town = _town(rng)
        event = rng.choice(_EVENTS)
        official = f"{rng.choice(_GIVEN)} {_town(rng)}"
        killed, hurt = rng.randint(2, 6), rng.randint(2, 8)
        folder = root / f"story-{s:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        slip = rng.randrange(per_story)
        other_toll = rng.randrange(per_story)
        for k in range(per_story):
            outlet = OUTLETS[k % len(OUTLETS)]
            name = (
                official if k != slip else official.rsplit(" ", 1)[0] + " " + _misspelt(official.split()[-1])
            )
            toll = killed + 1 if k == other_toll else killed
            title, body = article(
                rng, town, event, name, toll, hurt, outlet, s, unnamed=k % 3 == 0, crowd=k % 4 == 1
            )
            path = folder / f"{outlet.lower().replace(' ', '-')}.md"
            path.write_text(
                f"---\ntitle: {title}\noutlet: {outlet}\ndate: 2024-03-{1 + s % 28:02d}\n---\n\n# {title}\n\n{body}\n",
                encoding="utf-8",
            )
            written.append(path)
    (root / "rules.yaml").write_text("story: {by: folder}\n", encoding="utf-8")
    return written
