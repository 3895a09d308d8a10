"""In-text citations: numbered ([1], [2-4], superscripts), author and year (Smith 2020; Smith et
al., 2020; NHS, 2021), footnote marks and links. Everything is found as source offsets, so a
sentence or paragraph "has a citation" when one falls inside its source range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from medlint.document import Document
from medlint.sources.common import URL, block_range

_NUMBERED = re.compile(r"\[\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\]|\[\^[\w-]+\]")
_SUPERSCRIPT = re.compile(r"(?<=[^\W\d_]|[.,;:)”\"’%])[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?:[-–,][¹²³⁴⁵⁶⁷⁸⁹⁰]+)*")
_SUP_TAG = re.compile(
    r"<sup\b[^>]*>\s*(?:<a\b[^>]*>\s*)?\[?\s*\d{1,3}(?:\s*[-–,]\s*\d{1,3})*\s*\]?\s*(?:</a>\s*)?</sup>", re.I
)
_NAME = r"[A-Z][\w'’\-]*"
_YEAR = r"(?:19|20)\d{2}[a-z]?"
_PAREN = re.compile(
    rf"\((?:see\s+|e\.g\.,?\s+|cf\.\s+)?(?P<who>{_NAME}(?:\s+(?:{_NAME}|et\s+al\.?|and|&|of|the|for|on))*)"
    rf"\s*,?\s+(?P<year>{_YEAR})(?:\s*[;,][^()]*)?\)"
)
_NARRATIVE = re.compile(
    rf"\b(?P<who>{_NAME}(?:\s+(?:et\s+al\.?|(?:and|&)\s+{_NAME}))?)\s*,?\s*\(\s*(?P<year>{_YEAR})\s*\)"
)
_NOT_AUTHORS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue wed thu fri sat sun spring summer autumn fall winter in since from
    until till by before after during updated published reviewed revised accessed last about
    around circa approx approximately the a an this that see term year years age aged
    """.split()
)


@dataclass(frozen=True)
class Citation:
    kind: str  # "numbered" | "author-year" | "link"
    start: int  # source offsets
    end: int
    text: str

    @property
    def formal(self) -> bool:
        return self.kind != "link"


def find_citations(doc: Document, exclude: list[tuple[int, int]] = ()) -> list[Citation]:
    """Citations in the prose (and HTML superscripts), leaving out source ranges in ``exclude``
    (the sources sections themselves, whose "[1]" numbers entries rather than citing them)."""
    found: dict[tuple[int, int], Citation] = {}

    def add(kind: str, start: int, end: int, text: str) -> None:
        if any(s <= start < e for s, e in exclude):
            return
        found.setdefault((start, end), Citation(kind, start, end, text))

    for block in doc.blocks:
        if block.chrome or block.kind in ("title", "alt_text"):
            continue
        text = block.text
        for m in _NUMBERED.finditer(text):
            add("numbered", *block.source_range(m.start(), m.end()), m.group())
        for m in _SUPERSCRIPT.finditer(text):
            before = text[max(0, m.start() - 2) : m.start()]
            if m.group() in ("²", "³") and before.endswith(("m", "ft")):
                continue  # square and cubic units
            add("numbered", *block.source_range(m.start(), m.end()), m.group())
        for pattern in (_PAREN, _NARRATIVE):
            for m in pattern.finditer(text):
                first = m.group("who").split()[0].lower().rstrip(".")
                if first in _NOT_AUTHORS:
                    continue
                add("author-year", *block.source_range(m.start(), m.end()), m.group())
        if doc.format == "text":
            start, end = block_range(block)
            for m in URL.finditer(doc.text, start, end):
                add("link", m.start(), m.end(), m.group())
    if doc.format in ("html", "markdown"):
        for m in _SUP_TAG.finditer(doc.text):
            before = doc.text[max(0, m.start() - 2) : m.start()]
            digits = re.sub(r"<[^>]*>|\s", "", m.group())
            if digits in ("2", "3") and before.endswith(("m", "ft")):
                continue
            add("numbered", m.start(), m.end(), digits)
    for link in doc.links:
        target = link.target.strip()
        label = link.text.strip()
        if re.fullmatch(r"\[?\^?\d{1,3}\]?", label) or re.match(r"#(?:ref|cite|fn|footnote|note|source|bib)", target, re.I):
            add("numbered", link.start, link.end, label or target)
        elif re.match(r"(?:https?:)?//|www\.", target, re.I):
            add("link", link.start, link.end, label or target)
    return sorted(found.values(), key=lambda c: c.start)
