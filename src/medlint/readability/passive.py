"""Passive voice in English: a form of "be" (with optional adverbs) and a past participle.

Not passive: adjectives after "be" that look like participles ("I am tired", "she is worried",
"the joint is swollen"), "is called / is known as" (naming a thing), "is based on", "-eed" words
("is indeed") and "un-...-ed" adjectives ("is unexpected").
"""

from __future__ import annotations

import re
from typing import Iterator

_BE = r"(?:am|is|are|was|were|be|been|being)"
_ADVERBS = (
    r"not|also|often|usually|always|never|sometimes|only|then|still|just|rarely|normally|generally|"
    r"commonly|typically|now|already|probably|likely|easily|quickly|slowly|carefully|regularly|"
    r"routinely|currently|mainly|mostly|fully|well|first|being|so|very|too|really|further|later|"
    r"usually|frequently|sometimes|successfully|widely|closely"
)
_PASSIVE = re.compile(
    rf"\b{_BE}\b(?:\s+(?:{_ADVERBS})\b)*\s+([A-Za-z]+)\b",
    re.IGNORECASE,
)
IRREGULAR = frozenset(
    """
    known given taken seen done made shown told written kept found sent held brought built paid
    caught taught bought sold drawn chosen driven eaten forgotten hidden bitten broken spoken stolen
    frozen worn torn thrown grown blown withdrawn undertaken understood cut hurt shut spread led fed
    lost spent struck stuck won begun sought thought said heard shaken woven forbidden overtaken
    mistaken rewritten overcome upheld withheld beaten bound bred dealt dug fought ground hung
    laid lent lit overseen slept sworn swept thrust wound sewn sown proven
    """.split()
)
ADJECTIVES = frozenset(
    """
    tired worried concerned interested pleased scared frightened bored excited surprised confused
    married divorced qualified experienced advanced complicated detailed limited balanced depressed
    stressed embarrassed annoyed ashamed disappointed satisfied relaxed exhausted overwhelmed
    determined prepared supposed related based located situated aged inclined entitled obliged
    skilled talented crowded sophisticated swollen inflamed infected blocked damaged enlarged
    raised elevated dehydrated bloated constipated vaccinated immunised immunized immunocompromised
    called named termed dressed amazed delighted terrified petrified puzzled shocked upset
    motivated committed devoted dedicated convinced agitated distressed anxious isolated
    bedridden sedated paralysed paralyzed disabled impaired tailored unwell pregnant
    interested fed-up used meant born left read put set let hit run cost
    """.split()
)
NOT_PARTICIPLES = frozenset(
    """
    indeed need speed seed feed bleed breed greed weed deed steed heed proceed succeed exceed naked
    sacred hundred wicked rugged ragged crooked kindred beloved bed red shed wed fled embed shred
    """.split()
)
_NAMING_AFTER = re.compile(r"\s+as\b", re.IGNORECASE)


def passives(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, phrase) of each passive verb phrase in ``text``."""
    for m in _PASSIVE.finditer(text):
        word = m.group(1)
        low = word.lower()
        if low in ADJECTIVES or low in NOT_PARTICIPLES:
            continue
        if low in IRREGULAR:
            if low == "known" and _NAMING_AFTER.match(text, m.end()):
                continue
        elif not (low.endswith("ed") and len(low) >= 5 and not low.endswith("eed")) or low.startswith("un"):
            continue
        if low in ("referred", "described") and re.match(r"\s+(?:to\s+)?as\b", text[m.end():], re.IGNORECASE):
            continue
        yield m.start(), m.end(), m.group()
