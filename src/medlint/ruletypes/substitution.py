"""``type: substitution``: phrases with a better wording (``swap: {bad: good}``).

A value may be a list of candidates; then the finding suggests them all but offers no edit.
Three contexts are left alone, because in them the word is already fine: the text explains it
("high blood pressure (hypertension)", "hypertension (high blood pressure)"), it is quoted, or it
is part of a proper name (capitalised mid-sentence: "the Hypertension Clinic").
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar, Iterable, Iterator

from medlint.document import Block, Document
from medlint.findings import Applicability, Finding
from medlint.phrases import PhraseMatcher
from medlint.rule import RuleContext
from medlint.ruletypes.base import DataRule
from medlint.tokens import fold, phrase_key

class SubstitutionRule(DataRule):
    PACK_KEYS: ClassVar[dict[str, type]] = {"swap": dict}
    PACK_REQUIRED: ClassVar[tuple[str, ...]] = ("swap",)

    def __init__(self, meta: dict[str, Any], message: str, swap: dict[str, tuple[str, ...]], path: Path | None) -> None:
        super().__init__(meta, message, path)
        self.swap = swap
        self.matcher = PhraseMatcher((key, (phrase_key(key), values)) for key, values in swap.items())

    @classmethod
    def from_pack(cls, data: dict[str, Any], meta: dict[str, Any], path: Path | None = None) -> "SubstitutionRule":
        swap: dict[str, tuple[str, ...]] = {}
        for key, value in data["swap"].items():
            values = tuple(value) if isinstance(value, list) else (value,)
            if not isinstance(key, str) or not key.strip() or not all(isinstance(v, str) and v for v in values):
                raise ValueError(f"key 'swap.{key}' must map a phrase to a text or a list of texts")
            swap[key] = values
        return cls(meta, data["message"], swap, path)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        ignored = self.ignored(ctx.options)
        for block in doc.prose_blocks():
            for start, end, (key, values) in self.matcher.find(block.text):
                if key in ignored or _already_fine(block, start, end, values):
                    continue
                matched = block.text[start:end]
                suggestions = tuple(_match_case(matched, v) for v in values)
                message = self.message.format(match=matched, replacement="' or '".join(suggestions))
                applicability = self.applicability if len(values) == 1 else Applicability.DISPLAY_ONLY
                yield ctx.finding(start, end, message, block=block, suggestions=suggestions, applicability=applicability)


_EXPLAINING_ENDS = ("(", ", or", " or", "also called", "known as")
_EXPLAINING_START = re.compile(r"(?:\(|,\s*(?:or|that is|which means)\s)")


def _already_fine(block: Block, start: int, end: int, plain: Iterable[str]) -> bool:
    return _explained(block.text, start, end, plain) or _quoted(block, start, end) or _proper_name(block, start)


def _explained(text: str, start: int, end: int, plain: Iterable[str]) -> bool:
    """"plain (term)" or "term (plain)": the text already tells the reader what it means."""
    before = text[max(0, start - 80) : start].rstrip()
    after = text[end : end + 80].lstrip()
    if not (after.startswith(("(", ",")) or before.lower().endswith(_EXPLAINING_ENDS)):
        return False  # the usual case, decided without folding
    before, after = fold(before), fold(after)
    for candidate in plain:
        c = fold(candidate)
        if before.endswith("(") and before[:-1].rstrip().endswith(c):
            return True
        if after.startswith("(") and after[1:].lstrip().startswith(c):
            return True
        if before.endswith(_EXPLAINING_ENDS) and c in before:
            return True
        if _EXPLAINING_START.match(after) and c in after[:60]:
            return True
    return False


def _quoted(block: Block, start: int, end: int) -> bool:
    """Inside a quotation in its sentence: an opening quote before and its closing quote after."""
    sentence = block.sentence_at(start)
    if sentence is None:
        return False
    before, after = block.text[sentence.start : start], block.text[end : sentence.end]
    if before.count("“") > before.count("”") and "”" in after:
        return True
    if before.count("‘") > before.count("’") and "’" in after:
        return True
    return before.count('"') % 2 == 1 and '"' in after


def _proper_name(block: Block, start: int) -> bool:
    """Capitalised mid-sentence ("the Hypertension Clinic"): a name, not the word."""
    if not block.text[start : start + 1].isupper() or block.kind in ("heading", "title"):
        return False
    sentence = block.sentence_at(start)
    if sentence is None:
        return False
    lead = block.text[sentence.start : start].strip(" \"'“‘(")
    return bool(lead) and not lead.endswith(":")


def _match_case(matched: str, replacement: str) -> str:
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
