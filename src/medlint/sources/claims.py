"""Claims that need a source: statistics and research language.

A statistic is a percentage, a ratio ("1 in 5", "one in three"), a relative risk ("twice as
likely", "3 times more likely", "halves the risk"), a survival or mortality figure, a count of
people ("4 million people") or a proportion of people ("a third of adults"). Research language is
"studies show", "research suggests", "experts agree", "a recent study found", "has been shown to".
Everyday numbers are not claims: doses ("2 tablets", "500 mg"), strengths ("1% cream"), ages
("over 65"), phone numbers, dates, times, weights and durations ("2 kg in three days"), numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|a\s+hundred|a\s+thousand|hundred|thousand)"
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "fifty": 50, "hundred": 100, "thousand": 1000,
}
_PEOPLE = (
    r"(?:people|persons?|adults?|children|kids|babies|infants|women|men|girls|boys|patients|cases|deaths|"
    r"americans|britons|teenagers|adolescents|smokers|survivors|pregnancies|births|users|population|individuals|"
    r"those|sufferers|carers|residents|workers|students|participants|households)"
)
_STATISTICS = [
    # 16%, 16.5 %, 16 per cent, 16 percent
    re.compile(r"(?<![\w.])\d{1,3}(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b)", re.I),
    # 1 in 5, one in three, 1 out of every 10
    re.compile(rf"\b(?P<a>\d{{1,3}}|{_SMALL})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\d[\d,]*|{_SMALL})\b(?!\s*(?:-|to)\s*\d)", re.I),
    # twice as likely, 3 times more likely, four times the risk, two-fold
    re.compile(
        rf"\b(?:twice|thrice|half|(?:\d+(?:\.\d+)?|{_SMALL})[\s-]times?)\s+(?:as|more|less|higher|lower|greater|the)\s+"
        r"(?:likely|common|often|risk|rate|chance|high|low|deadly|frequent|effective)\b"
        rf"|\b(?:\d+(?:\.\d+)?|{_SMALL}|two|three)[\s-]fold\b",
        re.I,
    ),
    re.compile(
        r"\b(?:doubles?|doubled|doubling|triples?|tripled|halves|halved|halving)\s+(?:the\s+|your\s+|their\s+)?"
        r"(?:risk|chance|odds|rate|likelihood)s?\b",
        re.I,
    ),
    re.compile(
        r"\b(?:reduces?|reduced|lowers?|lowered|cuts?|raises?|raised|increases?|increased)\s+(?:the\s+|your\s+|their\s+)?"
        r"(?:risk|chance|odds|rate|likelihood)s?\b[^.;]{0,40}?\bby\s+(?:about\s+|around\s+|up\s+to\s+|almost\s+|nearly\s+)?"
        rf"(?:half|a\s+third|a\s+quarter|\d+|{_SMALL})",
        re.I,
    ),
    # survival and mortality figures
    re.compile(
        r"\b(?:\d+|five|ten)[\s-]year\s+(?:survival|relative\s+survival|mortality|recurrence)"
        r"|\b(?:survival|mortality|death|cure|remission|recurrence|relapse|response|success|failure|complication)\s+rates?\b"
        r"|\b(?:median|average|mean|overall)\s+survival\b|\blife\s+expectancy\b",
        re.I,
    ),
    # 4 million people, 300,000 adults, 12,000 cases a year
    re.compile(
        rf"\b\d{{1,3}}(?:,\d{{3}})+\s+{_PEOPLE}\b|\b\d+(?:\.\d+)?\s*(?:million|billion|thousand|m)\s+(?:more\s+|new\s+)?{_PEOPLE}\b",
        re.I,
    ),
    # half of all adults, a third of people, two thirds of patients, the majority of women
    re.compile(
        r"\b(?:half|a\s+third|a\s+quarter|a\s+fifth|two[\s-]thirds|three[\s-]quarters|one[\s-](?:third|quarter|fifth))"
        rf"\s+of\s+(?:all\s+|the\s+)?(?:\w+\s+)?{_PEOPLE}\b",
        re.I,
    ),
]
# a survival figure needs a number: "life expectancy" alone is not a statistic
_NEEDS_NUMBER = 5
_HAS_NUMBER = re.compile(rf"\d|\b{_SMALL}\b|\btwice\b|\bhalf\b", re.I)
_RESEARCH = re.compile(
    r"\b(?:(?:many|some|several|recent|new|large|clinical|scientific|medical)\s+)?"
    r"(?:studies|research|trials|evidence|surveys|reviews)\s+(?:has\s+|have\s+)?(?:also\s+)?(?:consistently\s+|clearly\s+)?"
    r"(?:shows?|showed|shown|suggests?|suggested|indicates?|indicated|finds|found|proves?|proved|proven|confirms?|confirmed|demonstrates?|demonstrated|reveals?|revealed|points?\s+to)\b"
    r"|\b(?:a|one|another|the\s+latest|this|that)\s+(?:(?:recent|new|large|small|major|landmark|\d{4}|clinical|scientific|published|[\w-]+-year)\s+)*"
    r"(?:study|trial|review|survey|report|meta-analysis|analysis|paper)\s+(?:has\s+)?(?:also\s+)?"
    r"(?:found|finds|shows?|showed|shown|suggests?|suggested|concluded|concludes|reported|reports|says|said|revealed|indicates?|demonstrated)\b"
    r"|\b(?:experts?|scientists?|researchers?)\s+(?:now\s+|generally\s+|widely\s+)?"
    r"(?:agree|believe|say|think|have\s+found|found|have\s+shown|showed|suggest|have\s+discovered|discovered|estimate)\b"
    r"|\b(?:most\s+)?(?:doctors|specialists|health\s+professionals)\s+(?:now\s+|generally\s+|widely\s+)?agree\b"
    r"|\b(?:has|have)\s+(?:also\s+)?been\s+(?:clinically\s+|scientifically\s+)?(?:shown|proven|proved|found|demonstrated)\s+to\b"
    r"|\b(?:clinically|scientifically|medically)\s+proven\b|\bit\s+is\s+(?:well\s+)?(?:known|established)\s+that\b"
    r"|\bthere\s+is\s+(?:good|strong|growing|some|little|no)\s+evidence\b"
    r"|\bevidence\s+(?:shows|suggests|indicates)\b",
    re.I,
)
# A percentage that is a strength or a discount, not a statistic: "1% hydrocortisone cream".
_STRENGTH_AFTER = re.compile(
    r"^\s*(?:w/w|w/v|v/v)?\s*(?:[\w-]+\s+){0,2}?(?:creams?|gels?|ointments?|lotions?|solutions?|saline|sprays?|drops|"
    r"alcohol|shampoo|wash|strength|concentrations?|juice|fat|proof|off|discount|cotton|charged|battery|proof)\b",
    re.I,
)
# A percentage that is a measurement or target: "HbA1c below 6.5%", "oxygen level of 94%".
_MEASURE_BEFORE = re.compile(
    r"\b(?:hba1c|a1c|oxygen|saturations?|sats|ejection\s+fraction|body\s+fat|abv|humidity|levels?|targets?|"
    r"scores?|battery|discount|sale|strength|concentration)\b[^.;%]{0,25}$",
    re.I,
)
# The side-effect frequency convention of medicine leaflets: "may affect up to 1 in 10 people".
_FREQUENCY_CONVENTION = re.compile(
    r"\b(?:may|can|might|could)\s+affect\s+(?:up\s+to|more\s+than|fewer\s+than|less\s+than|between)?\s*$", re.I
)
# Named attribution in the sentence: "according to the NHS", "a 2022 report from the NCI".
_ATTRIBUTION = re.compile(
    r"\b(?i:according\s+to)\s+(?:the\s+|a\s+|an\s+)?(?:\d{4}\s+)?(?:[\w-]+\s+){0,3}?[A-Z][\w&-]+"
    r"|\b(?:report|study|review|guidelines?|guidance|survey|trial|analysis|paper|statistics|figures|data)\s+"
    r"(?:from|by|published\s+by|published\s+in|in\s+the|of\s+the)\s+(?:the\s+)?[A-Z][\w&-]+"
    r"|\b(?:published|reported)\s+in\s+(?:the\s+)?[A-Z][\w&-]+",
)


@dataclass(frozen=True)
class ClaimMatch:
    kind: str  # "statistic" | "research"
    start: int  # offsets in the sentence text
    end: int
    text: str


# Every statistic pattern needs one of these: a cheap first test that most sentences fail.
_STATISTIC_HINT = re.compile(
    r"\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|fifty|hundred|thousand|"
    r"twice|thrice|half|halv|doubl|tripl|fold|surviv|mortal|rate|expectancy|third|quarter|fifth",
    re.I,
)


def find_claim(sentence: str) -> ClaimMatch | None:
    """The first statistic in a sentence, else its research language, else None."""
    stats = []
    patterns = _STATISTICS if _STATISTIC_HINT.search(sentence) else ()
    for i, pattern in enumerate(patterns):
        for m in pattern.finditer(sentence):
            if _is_everyday(sentence, m, i):
                continue
            stats.append(ClaimMatch("statistic", m.start(), m.end(), m.group()))
            break
    if stats:
        return min(stats, key=lambda c: c.start)
    m = _RESEARCH.search(sentence)
    if m and re.search(r"\b(?:what|how|whether|if)\s+(?:the\s+)?$", sentence[: m.start()], re.I):
        m = None  # "ask what the research shows" reports no finding
    if m:
        return ClaimMatch("research", m.start(), m.end(), m.group())
    return None


def _is_everyday(sentence: str, m: re.Match, index: int) -> bool:
    if index == 0:
        return bool(_STRENGTH_AFTER.match(sentence[m.end() :]) or _MEASURE_BEFORE.search(sentence[: m.start()]))
    if index == 1:
        if _FREQUENCY_CONVENTION.search(sentence[: m.start()]):
            return True
        a, b = _number(m.group("a")), _number(m.group("b"))
        after = sentence[m.end() : m.end() + 20].lower()
        if re.match(r"\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|doses?|tablets?|hands?)\b", after):
            return True
        return a is None or b is None or a >= b
    if index == _NEEDS_NUMBER:
        return not _HAS_NUMBER.search(sentence)
    return False


def _number(text: str) -> int | None:
    text = re.sub(r"\s+", " ", text.lower().replace(",", "")).replace("a ", "")
    if text.isdigit():
        return int(text)
    return _NUMBER_WORDS.get(text)


def has_attribution(sentence: str) -> bool:
    """Whether the sentence names where its claim comes from ("according to the NHS")."""
    return bool(_ATTRIBUTION.search(sentence))
