"""Currency, authorship and disclosure: review dates, authors or responsible organisations, and
statements about funding and conflicts of interest (JAMA benchmarks; DISCERN; HONcode).

Dates come from labelled text ("Page last reviewed: 3 May 2023", "Updated March 2022", "Next
review due: 2026"), from Markdown front matter, and from HTML ``<meta>`` dates and ``<time>``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from medlint.document import Block, Document

_MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
_MONTHS["sept"] = 9
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_Y = r"(?:19|20)\d{2}"
DATE = re.compile(
    rf"(?P<iso>\b{_Y}-\d{{1,2}}(?:-\d{{1,2}})?\b)"
    rf"|(?P<dmy>\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_Y}\b)"
    rf"|(?P<mdy>\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_Y}\b)"
    rf"|(?P<my>\b{_MONTH},?\s+{_Y}\b)"
    rf"|(?P<num>\b\d{{1,2}}[/.]\d{{1,2}}[/.]{_Y}\b)"
    rf"|(?P<year>\b{_Y}\b)",
    re.I,
)
_LABEL = re.compile(
    r"\b(?P<label>(?:page\s+|content\s+|article\s+)?last\s+(?:medically\s+|clinically\s+)?(?:reviewed|updated|revised|modified|checked|edited)"
    r"|(?:medically\s+|clinically\s+|fact[\s-]checked\s+and\s+)?reviewed|updated|revised|modified|published|posted|first\s+published"
    r"|date\s+of\s+(?:publication|review|last\s+review|issue)|review(?:ed)?\s+date|publication\s+date|date\s+published|issue\s+date"
    r"|next\s+review(?:\s+(?:due|date))?|review\s+due|due\s+for\s+review|created|written|issued|produced)\b",
    re.I,
)
_THIS_PAGE = re.compile(
    r"\b(?:this|the)\s+(?:page|leaflet|article|information|content|guide|booklet|fact\s*sheet)\s+(?:was|is|has\s+been)(?:\s+last)?$",
    re.I,
)
_PASSIVE = re.compile(r"\b(?:were|was|is|are|been|be|being|gets?|got|will|should|must|can|be)(?:\s+last)?$", re.I)
_BETWEEN = re.compile(r"^[^.!?]{0,60}?$")
_DATE_KEYS = re.compile(r"review|updat|modif|date|publish|revis|issued|created", re.I)
_AUTHOR_KEYS = frozenset(
    "author authors byline reviewer reviewers reviewed_by reviewed-by written_by written-by editor editors "
    "organisation organization publisher owner source_organisation contributors medical_reviewer".split()
)
_AUTHOR_LINE = re.compile(
    r"^(?i:(?:medical|clinical|lead|expert)\s+)?(?i:authors?|written\s+by|editors?|reviewers?|reviewed\s+by|byline|contributors?)\s*:\s*\S"
    r"|^(?i:(?:this\s+)?(?:page|leaflet|article|information|content|guide|booklet|fact\s*sheet|resource)\s+)?"
    r"(?i:(?:was\s+|is\s+|has\s+been\s+)?(?:written|reviewed|medically\s+reviewed|clinically\s+reviewed|fact[\s-]checked|produced|prepared|"
    r"compiled|edited|authored|developed|published|provided|created|supplied|issued|approved)\s+by:?\s+(?:the\s+|our\s+)?)[A-Z0-9]"
    r"|^(?i:by)\s+(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z]\.?)*\s+[A-Z][\w'’\-]+"
    r"|^(?:©|\([cC]\)|(?i:copyright)\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?:the\s+)?[A-Z]",
)
_AUTHOR_ANYWHERE = re.compile(
    r"\b(?:[Tt]his|[Tt]he)\s+(?:page|leaflet|article|information|content|guide|booklet|fact\s*sheet|resource)\s+"
    r"(?:was|is|has\s+been)\s+(?:written|reviewed|produced|prepared|compiled|developed|published|provided|created)\s+by\s+(?:the\s+|our\s+)?[A-Z]"
    r"|(?:[Ww]ritten|[Rr]eviewed|[Pp]roduced|[Pp]repared|[Ee]dited)\s+by\s+(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+",
)
_DISCLOSURE = re.compile(
    r"\b(?:conflicts?\s+of\s+interests?|competing\s+interests?|declarations?\s+of\s+interests?|disclosures?|"
    r"funded\s+by|funding\s*:|sponsored\s+by|sponsorship|advertising\s+policy|editorial\s+(?:policy|independence)|"
    r"no\s+(?:commercial|industry)\s+(?:funding|support|interests?|sponsorship)|paid\s+for\s+by|"
    r"(?:unrestricted|educational)\s+grant|we\s+(?:do\s+not|don't)\s+(?:accept|take)\s+(?:advertising|advertisements|money)|"
    r"financial\s+(?:support|interests?)|this\s+(?:page|site|content)\s+(?:contains|includes)\s+(?:advertising|adverts))\b",
    re.I,
)


@dataclass(frozen=True)
class DateMention:
    """A date the page gives for itself. ``block`` is None for metadata, front matter and <time>."""

    label: str  # "reviewed" | "updated" | "published" | "next-review" | "meta" | "time" | ...
    when: date
    text: str
    block: Block | None = None
    start: int = 0  # offsets in block.text
    end: int = 0

    @property
    def next_review(self) -> bool:
        return self.label == "next-review"


def parse_date(text: str) -> date | None:
    """The date in ``text``: the last day of a month or year when only those are given."""
    m = DATE.search(text)
    return _to_date(m) if m else None


def _to_date(m: re.Match) -> date | None:
    g = m.lastgroup
    s = m.group().lower().replace(",", " ")
    try:
        if g == "iso":
            parts = [int(p) for p in s.split("-")]
            if len(parts) == 2:
                return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
            return date(*parts)
        if g in ("dmy", "mdy", "my"):
            year = int(re.search(_Y, s).group())
            month = next(_MONTHS[w.rstrip(".")] for w in re.findall(r"[a-z]+\.?", s) if w.rstrip(".") in _MONTHS)
            day_m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", re.sub(_Y, "", s))
            day = int(day_m.group(1)) if day_m else calendar.monthrange(year, month)[1]
            return date(year, month, day)
        if g == "num":
            a, b, year = (int(p) for p in re.split(r"[/.]", s))
            day, month = (a, b) if a > 12 or b <= 12 else (b, a)
            return date(year, month, day)
        if g == "year":
            return date(int(s), 12, 31)
    except (ValueError, StopIteration):
        return None
    return None


def _label_kind(label: str) -> str:
    label = label.lower()
    if "next" in label or "due" in label:
        return "next-review"
    for word, kind in (("review", "reviewed"), ("check", "reviewed"), ("updat", "updated"), ("revis", "updated"),
                       ("modif", "updated"), ("edit", "updated"), ("publi", "published"), ("post", "published"),
                       ("issue", "published"), ("creat", "published"), ("writ", "published"), ("produc", "published")):
        if word in label:
            return kind
    return "dated"


def find_dates(doc: Document) -> list[DateMention]:
    """Every date the page gives for its own review, update or publication."""
    found: list[DateMention] = []
    for block in doc.blocks:
        if block.kind in ("alt_text",):
            continue
        text = block.text
        short = len(text.split()) <= 12 or block.chrome
        for label in _LABEL.finditer(text):
            before = text[: label.start()].rstrip()
            if _PASSIVE.search(before) and not _THIS_PAGE.search(before):
                continue  # "the guidelines were updated in 2019" is about something else
            if not (
                short
                or not before.strip("*_ ")
                or before.endswith(("|", "·", "•", "—", "–", "-", ":"))
                or _THIS_PAGE.search(before)
            ):
                continue
            m = DATE.search(text, label.end(), label.end() + 70)
            if not m or not _BETWEEN.match(text[label.end() : m.start()]):
                continue
            when = _to_date(m)
            if when:
                found.append(DateMention(_label_kind(label.group("label")), when, m.group(), block, m.start(), m.end()))
    for key, value in doc.metadata.items():
        if key in ("dates", "times") or not _DATE_KEYS.search(str(key)):
            continue
        when = _value_date(value)
        if when:
            found.append(DateMention("next-review" if "next" in str(key).lower() else "meta", when, str(value)))
    for item in doc.metadata.get("dates", []) or []:
        when = _value_date(item.get("value") if isinstance(item, dict) else item)
        if when:
            found.append(DateMention("meta", when, str(item.get("value") if isinstance(item, dict) else item)))
    for item in doc.metadata.get("times", []) or []:
        if not isinstance(item, dict):
            continue
        when = _value_date(item.get("datetime")) or _value_date(item.get("text"))
        if when:
            found.append(DateMention("time", when, str(item.get("text") or item.get("datetime"))))
    # the same date found in text and in <time> (or twice) counts once
    unique: dict[tuple, DateMention] = {}
    for mention in found:
        unique.setdefault((mention.label, mention.when, id(mention.block), mention.start), mention)
    return list(unique.values())


def _value_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and 1900 <= value <= 2100:
        return date(value, 12, 31)
    if isinstance(value, str):
        return parse_date(value)
    return None


def find_authors(doc: Document) -> list[str]:
    """Who wrote, reviewed or is responsible for the page (names or by-lines)."""
    found: list[str] = []
    for key, value in doc.metadata.items():
        if str(key).lower() in _AUTHOR_KEYS and value:
            found.append(value if isinstance(value, str) else ", ".join(map(str, value)) if isinstance(value, list) else str(value))
    for author in doc.metadata.get("authors", []) or []:
        if author:
            found.append(str(author))
    for block in doc.blocks:
        text = block.text.strip()
        if not text or block.kind == "alt_text":
            continue
        short = len(text.split()) <= 25 or block.chrome
        m = _AUTHOR_LINE.match(text) if short else None
        m = m or _AUTHOR_ANYWHERE.search(text)
        if m:
            found.append(text[m.start() : m.start() + 80])
    return found


def has_disclosure(doc: Document) -> bool:
    """Whether the page says who funds it or declares (no) conflicts of interest."""
    if any(re.search(r"disclos|funding|conflict|sponsor|competing", str(k), re.I) for k in doc.metadata):
        return True
    return any(_DISCLOSURE.search(block.text) for block in doc.blocks)
