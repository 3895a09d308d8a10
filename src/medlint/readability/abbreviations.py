"""Abbreviations and acronyms used before (or without) being spelled out (WCAG 3.1.4).

An abbreviation is a word part with at least two capital letters and no more lower-case than
capital letters ("PCP", "RRMM", "eGFR", "HbA1c", "NSAIDs"). Not abbreviations: single letters,
roman numerals ("type II", "stage IV"), capitalised units ("IU"), and ordinary words written in
capitals for emphasis or in a shouting heading ("STOP", "IMPORTANT", "WARNING"), recognised as
frequent dictionary words.

Definitions recognised (at any use, so a later definition is reported as too late):
"relapsed/refractory multiple myeloma (RRMM)", "RRMM (relapsed/refractory multiple myeloma)",
"(called RRMM)", "(also known as RRMM)", "RRMM stands for / means / is short for ...", and a
glossary line "RRMM: relapsed/refractory multiple myeloma" (or with a dash).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

from medlint.document import Block
from medlint.readability.offline import cmu_dictionary

_ROMAN_IVX = re.compile(r"^(?=[IVX]{2,}$)X{0,3}(?:IX|IV|V?I{0,3})$")
_ROMAN_ANY = re.compile(r"^(?=[IVXLC]{2,}$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_ROMAN_CONTEXT = re.compile(
    r"\b(?:stage|stages|type|types|grade|grades|phase|phases|class|part|parts|level|levels|chapter|"
    r"section|schedule|appendix|category|tier|volume|factor|trisomy|henry|elizabeth|george|"
    r"john paul|pope|world war)\s*$",
    re.IGNORECASE,
)
_PART = re.compile(r"[A-Za-z][A-Za-z0-9]*")
_PAREN_AFTER = re.compile(r"\s*\(([^()]{3,200})\)")
_PAREN_BEFORE = re.compile(
    r"\(\s*(?:(?:also\s+)?(?:called|known\s+as)|or|abbreviated(?:\s+(?:to|as))?|short\s+for|i\.\s?e\.,?|see)?\s*$",
    re.IGNORECASE,
)
_MEANS_AFTER = re.compile(
    r"\W{0,3}\s*(?:\)\s*)?(?:,\s*)?(?:which\s+|that\s+)?(?:stands\s+for|means|is\s+short\s+for|is\s+an?\s+abbreviation\s+for)\b",
    re.IGNORECASE,
)
_GLOSSARY_AFTER = re.compile(r"\s*(?::|\s[-–—]\s)\s*[A-Za-z][\w/-]*\s+[A-Za-z]")
_WORDS = re.compile(r"[A-Za-z]{2,}")
# Words (as medlint.tokens.words finds them) with at least two capital letters: the candidates.
_CANDIDATE = re.compile(r"(?<![\w'’\-])(?=[\w'’\-]*[A-Z][\w'’\-]*[A-Z])[^\W_](?:[\w'’\-]*[^\W_])?")
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")


@dataclass(frozen=True)
class Use:
    key: str  # the abbreviation without plural or possessive ending
    block: Block
    start: int  # offsets in block.text of the abbreviation itself
    end: int
    defines: bool


def is_abbreviation(part: str) -> bool:
    upper = sum(1 for ch in part if ch.isupper())
    lower = sum(1 for ch in part if ch.islower())
    return upper >= 2 and upper >= lower and part[0].isalpha()


def _strip_plural(part: str) -> str:
    if len(part) > 2 and part.endswith("s") and part[-2].isupper():
        return part[:-1]
    return part


@lru_cache(maxsize=4096)
def _ordinary_word(part: str) -> bool:
    """An everyday word written in capitals ("STOP", "IMPORTANT"), not an abbreviation."""
    if not part.isalpha() or not part.isupper():
        return False
    low = part.lower()
    from wordfreq import zipf_frequency

    freq = zipf_frequency(low, "en")
    in_dictionary = low in cmu_dictionary()
    if len(part) >= 7:
        return in_dictionary or freq >= 2.5
    if len(part) >= 4:
        return freq >= 3.5 and in_dictionary
    return freq >= 5.0 and in_dictionary


def _shouting(block: Block) -> bool:
    """A line written in capitals ("WHAT TO DO IF YOU FEEL UNWELL"): its dictionary words are words."""
    caps = _CAPS_WORD.findall(block.text)
    return len(caps) >= 3 and sum(1 for w in caps if _ordinary_word(w)) * 2 >= len(caps)


def _roman(part: str, block: Block, start: int) -> bool:
    if _ROMAN_ANY.match(part) and _ROMAN_CONTEXT.search(block.text[max(0, start - 30) : start]):
        return True
    return part != "IV" and bool(_ROMAN_IVX.match(part))


def uses(blocks: Iterable[Block], allowed: frozenset[str]) -> Iterator[Use]:
    """Every use of an abbreviation in these blocks, in order."""
    for block in blocks:
        text = block.text
        shouting = None
        for word in _CANDIDATE.finditer(text):
            token = re.sub(r"['’]s$", "", word.group())
            if token in allowed or _strip_plural(token) in allowed:
                continue
            for m in _PART.finditer(token):
                part = m.group()
                if not is_abbreviation(part):
                    continue
                key = _strip_plural(part)
                if key in allowed or _ordinary_word(key) or _roman(key, block, word.start() + m.start()):
                    continue
                if shouting is None:
                    shouting = _shouting(block)
                if shouting and key.isalpha() and key.lower() in cmu_dictionary():
                    continue
                start = word.start() + m.start()
                end = start + len(part)
                yield Use(key, block, start, end, _defines(text, start, end, key))


def _defines(text: str, start: int, end: int, key: str) -> bool:
    after = text[end:]
    m = _PAREN_AFTER.match(after)
    if m and len(_WORDS.findall(m.group(1))) >= 2 and not _all_abbreviations(m.group(1)):
        return True
    before = text[:start]
    pb = _PAREN_BEFORE.search(before)
    if pb is not None and re.match(r"s?\s*[),;]", after):
        lead = before[: pb.start()]
        if len(_WORDS.findall(lead)) >= 2:
            return True
    if _MEANS_AFTER.match(after):
        return True
    if not before.strip() and _GLOSSARY_AFTER.match(after):
        return True
    return False


def _all_abbreviations(inner: str) -> bool:
    parts = _WORDS.findall(inner)
    return all(is_abbreviation(p) for p in parts)


def undefined_first_uses(all_uses: Iterable[Use]) -> Iterator[tuple[Use, Use | None]]:
    """(first use, later definition or None) for every abbreviation not defined at its first use."""
    first: dict[str, Use] = {}
    later_definition: dict[str, Use] = {}
    for use in all_uses:
        if use.key not in first:
            first[use.key] = use
        elif use.defines and use.key not in later_definition:
            later_definition[use.key] = use
    for key, use in first.items():
        if not use.defines:
            yield use, later_definition.get(key)
