"""From LanguageTool matches to medlint findings: offsets, kinds, severities, messages, filters.

LanguageTool's HTTP API (``POST /v2/check``) answers ``{"matches": [...]}``; each match has
``message``, ``shortMessage``, ``offset`` and ``length`` (in UTF-16 code units of the text sent),
``replacements`` (``[{"value": ...}]``), ``context`` (``{text, offset, length}``), ``sentence``
and ``rule`` (``{id, description, issueType, category: {id, name}}``). ``language_tool_python``
wraps each one in a ``Match`` (``rule_id``, ``message``, ``replacements``, ``offset``,
``error_length``, ``category``, ``rule_issue_type``); both become an :class:`LTMatch` here, with
offsets in Python characters.

The text sent for a document is its prose blocks joined by blank lines (:func:`join_blocks`), one
request per document rather than per block; :meth:`Joined.locate` maps a match back to its block,
and ``ctx.finding(..., block=block)`` maps the block offset back to the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Iterable, Sequence

from medlint.document import Block
from medlint.findings import Severity

SPELLING, GRAMMAR, STYLE = "spelling", "grammar", "style"

#: LanguageTool categories whose matches are matters of style (reported as info).
STYLE_CATEGORIES = frozenset({
    "STYLE", "REDUNDANCY", "REPETITIONS_STYLE", "PLAIN_ENGLISH", "TYPOGRAPHY", "COLLOQUIALISMS",
    "GENDER_NEUTRALITY", "AMERICAN_ENGLISH_STYLE", "BRITISH_ENGLISH_STYLE", "WIKIPEDIA", "CREATIVE_WRITING",
    "TEXT_ANALYSIS",
})
#: Issue types (ITS 2.0 localization quality types) that are matters of style.
STYLE_ISSUE_TYPES = frozenset({"style", "register", "locale-violation", "whitespace"})
#: Categories and issue types of spelling matches (filtered against our word lists).
SPELLING_CATEGORIES = frozenset({"TYPOS"})
SPELLING_ISSUE_TYPES = frozenset({"misspelling"})

MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match; ``offset``/``length`` in Python characters of the text sent."""

    rule_id: str
    message: str
    offset: int
    length: int
    replacements: tuple[str, ...] = ()
    category: str = ""
    issue_type: str = ""

    @classmethod
    def from_json(cls, match: dict[str, Any], text: str) -> "LTMatch":
        """From one element of the HTTP API's ``matches`` (UTF-16 offsets converted)."""
        rule = match.get("rule") or {}
        category = rule.get("category") or {}
        start = utf16_to_index(text, int(match["offset"]))
        end = utf16_to_index(text, int(match["offset"]) + int(match["length"]))
        return cls(
            rule_id=str(rule.get("id", "")),
            message=str(match.get("message") or match.get("shortMessage") or rule.get("description") or ""),
            offset=start,
            length=end - start,
            replacements=tuple(str(r.get("value", "")) for r in match.get("replacements") or ()),
            category=str(category.get("id", "")),
            issue_type=str(rule.get("issueType", "")),
        )

    @classmethod
    def from_match(cls, match: Any, text: str) -> "LTMatch":
        """From a ``language_tool_python.Match``.

        ``Match`` already moved ``offset`` back by one per astral character (emoji) before it,
        but left ``error_length`` in UTF-16 units, so the length is converted here.
        """
        offset = int(match.offset)
        utf16_start = index_to_utf16(text, offset)
        end = utf16_to_index(text, utf16_start + int(match.error_length))
        return cls(
            rule_id=str(getattr(match, "rule_id", "")),
            message=str(getattr(match, "message", "") or ""),
            offset=offset,
            length=max(end - offset, 0),
            replacements=tuple(str(r) for r in getattr(match, "replacements", None) or ()),
            category=str(getattr(match, "category", "") or ""),
            issue_type=str(getattr(match, "rule_issue_type", "") or ""),
        )

    def shifted(self, delta: int) -> "LTMatch":
        return replace(self, offset=self.offset + delta) if delta else self

    @property
    def end(self) -> int:
        return self.offset + self.length

    @property
    def kind(self) -> str:
        """"spelling", "grammar" or "style"."""
        if self.category in SPELLING_CATEGORIES or self.issue_type in SPELLING_ISSUE_TYPES:
            return SPELLING
        if self.category in STYLE_CATEGORIES or self.issue_type in STYLE_ISSUE_TYPES:
            return STYLE
        return GRAMMAR

    def severity(self, base: Severity) -> Severity:
        """Style is info; spelling and grammar take the rule's severity (warning unless configured)."""
        return Severity.INFO if self.kind == STYLE else base

    def finding_message(self) -> str:
        """``[MORFOLOGIK_RULE_EN_GB] Possible spelling mistake found.``"""
        message = " ".join(self.message.split())
        return f"[{self.rule_id}] {message}" if self.rule_id else message

    def suggestions(self, limit: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
        """LanguageTool's first replacements, without repeats."""
        seen: list[str] = []
        for value in self.replacements:
            if value not in seen:
                seen.append(value)
            if len(seen) == limit:
                break
        return tuple(seen)


def utf16_to_index(text: str, units: int) -> int:
    """The Python index in ``text`` of the UTF-16 offset ``units`` (LanguageTool counts in UTF-16)."""
    if units <= 0:
        return 0
    if text.isascii():
        return min(units, len(text))
    count = 0
    for i, char in enumerate(text):
        if count >= units:
            return i
        count += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def index_to_utf16(text: str, index: int) -> int:
    """The UTF-16 offset of the Python index ``index`` in ``text``."""
    head = text[:index]
    return len(head) + sum(1 for char in head if ord(char) > 0xFFFF)


# --- documents: one text per document, mapped back to blocks ---------------------------------

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Joined:
    """Prose blocks joined into one text for LanguageTool, with where each block starts."""

    text: str
    starts: tuple[int, ...]
    blocks: tuple[Block, ...]

    def locate(self, match: LTMatch) -> tuple[Block, int, int] | None:
        """The block of a match and the match's [start, end) in ``block.text``; None in a separator."""
        for start, block in zip(reversed(self.starts), reversed(self.blocks)):
            if start <= match.offset:
                local = match.offset - start
                if local >= len(block.text):
                    return None
                return block, local, min(local + max(match.length, 0), len(block.text))
        return None


def join_blocks(blocks: Iterable[Block]) -> Joined:
    parts: list[str] = []
    starts: list[int] = []
    kept: list[Block] = []
    pos = 0
    for block in blocks:
        if not block.text.strip():
            continue
        if parts:
            parts.append(SEPARATOR)
            pos += len(SEPARATOR)
        starts.append(pos)
        kept.append(block)
        parts.append(block.text)
        pos += len(block.text)
    return Joined("".join(parts), tuple(starts), tuple(kept))


# --- words we know: drug names, medical terms, the user's own ---------------------------------

_EDGE = "\"'“”‘’()[]{}.,;:!?*_"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_PARTS = re.compile(r"[\s\-‐‑/]+")


class KnownWords:
    """Words LanguageTool must not call misspelt: drug names, words of our medical terms, user words.

    ``drugs`` is anything with ``__contains__`` on a name (a ``DrugList`` ignores case, spaces and
    hyphens); ``words`` are compared casefolded.
    """

    def __init__(self, words: Iterable[str] = (), drugs: Sequence[Any] = ()) -> None:
        self.words = frozenset(w.casefold() for w in words if w)
        self.drugs = tuple(drugs)

    def with_words(self, extra: Iterable[str]) -> "KnownWords":
        extra = [w for w in extra if w]
        if not extra:
            return self
        return KnownWords(self.words | {w.casefold() for w in extra}, self.drugs)

    def _known(self, token: str) -> bool:
        if not token:
            return True
        if token.casefold() in self.words:
            return True
        return any(token in drugs for drugs in self.drugs)

    def knows(self, matched: str) -> bool:
        """True if the matched text is a known name or made only of known words."""
        text = matched.strip().strip(_EDGE)
        text = _POSSESSIVE.sub("", text).strip(_EDGE)
        if not text:
            return False
        if self._known(text):
            return True
        parts = [p.strip(_EDGE) for p in _PARTS.split(text)]
        parts = [_POSSESSIVE.sub("", p) for p in parts if p]
        return len(parts) > 1 and all(self._known(p) for p in parts)


def term_words(lines: Iterable[str]) -> set[str]:
    """Every word of a term list (one term a line, '#' comments): whole terms, words, hyphen parts."""
    words: set[str] = set()
    for line in lines:
        term = line.strip()
        if not term or term.startswith("#"):
            continue
        for word in term.split():
            word = word.strip(_EDGE)
            if not word:
                continue
            words.add(word)
            words.add(_POSSESSIVE.sub("", word))
            words.update(p for p in _PARTS.split(word) if p)
    return words
