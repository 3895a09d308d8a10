"""Sentences and words with offsets: the units most rules count and match on."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations whose full stop does not end a sentence (lower-cased, without the final dot).
_ABBREVIATIONS = frozenset(
    """
    e.g i.e etc vs approx cf dr mr mrs ms prof st no nos fig figs vol ch sec esp incl ref refs
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    a.m p.m u.s u.k et al ca tel
    """.split()
)
# Abbreviations after which a capitalised word still may start a new sentence.
_SENTENCE_FINAL_OK = frozenset({"etc", "al"})
# Words that usually start a sentence rather than follow an initial ("vitamin D. It ...").
_COMMON_STARTERS = frozenset(
    """
    a an the it its this that these those there they their you your we our i he she his her if in
    on at for to of by with when while what which who how why some most many all any each after
    before during then also but and or so as do does ask take talk tell call see find read keep
    """.split()
)

_WORD = re.compile(r"\d+(?:[.,]\d+)+|[^\W_](?:[\w'’\-]*[^\W_])?")
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_ALNUM = re.compile(r"[^\W_]")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")
_OPENING = re.compile(r"[\"'“‘(\[]*\s*(\S)")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range [start, end) in a block's text, with the text itself."""

    start: int
    end: int
    text: str


def words(text: str, offset: int = 0) -> list[Span]:
    """Words (letters/digits with inner apostrophes and hyphens) with offsets."""
    return [Span(m.start() + offset, m.end() + offset, m.group()) for m in _WORD.finditer(text)]


def _ends_sentence(text: str, dot_start: int, dot_end: int) -> bool:
    punct = text[dot_start:dot_end]
    if not punct.startswith(".") or len(punct.rstrip("\"'”’)]")) > 1:
        return True
    token_start = dot_start
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:dot_start]
    if not token:
        return True
    word = token.lstrip("(\"'“‘").lower()
    if word in _ABBREVIATIONS or _DOTTED.fullmatch(word):
        nxt = _OPENING.match(text, dot_end)
        return word in _SENTENCE_FINAL_OK and nxt is not None and nxt.group(1).isupper()
    if len(word) == 1 and word.isalpha() and token[-1].isupper():
        # "J. Smith" is an initial; "vitamin D. It helps." ends a sentence.
        following = _NEXT_WORD.match(text, dot_end)
        return following is None or following.group(1).lower() in _COMMON_STARTERS
    return True


def sentences(text: str) -> list[Span]:
    """Split a block's text into sentences, not breaking on "e.g.", "Dr." or decimals.

    Lines never split a sentence: blocks (headings, list items) are already separate.
    """
    result: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if not _ends_sentence(text, m.start(), m.end()):
            continue
        _append(result, text, start, m.end())
        start = m.end()
    _append(result, text, start, len(text))
    return result


def _append(result: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped or not _ALNUM.search(stripped):
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    e = s + len(stripped)
    result.append(Span(s, e, text[s:e]))


def phrase_key(text: str) -> str:
    """The form phrases are compared in: folded, with single spaces ("Side-effects " -> "side effects")."""
    return " ".join(fold(text).split())


_FOLD_TABLE = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "‐": " ", "‑": " ", "–": " "})


def fold(text: str) -> str:
    """Lower-case and unify apostrophes and hyphens, keeping every offset where it was.

    Phrase matching works on this form so that "Side-Effects" matches "side effects".
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two ("İ"): keep those as they are
        lowered = "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)
    return lowered.translate(_FOLD_TABLE)
