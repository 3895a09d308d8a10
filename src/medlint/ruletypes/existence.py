"""``type: existence``: phrases that should not appear at all (``tokens: [...]``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar, Iterator

from medlint.document import Document
from medlint.findings import Finding
from medlint.phrases import PhraseMatcher
from medlint.rule import RuleContext
from medlint.ruletypes.base import DataRule
from medlint.tokens import phrase_key


class ExistenceRule(DataRule):
    PACK_KEYS: ClassVar[dict[str, type]] = {"tokens": list}
    PACK_REQUIRED: ClassVar[tuple[str, ...]] = ("tokens",)

    def __init__(self, meta: dict[str, Any], message: str, tokens: list[str], path: Path | None) -> None:
        super().__init__(meta, message, path)
        self.matcher = PhraseMatcher((t, phrase_key(t)) for t in tokens)

    @classmethod
    def from_pack(cls, data: dict[str, Any], meta: dict[str, Any], path: Path | None = None) -> "ExistenceRule":
        if not all(isinstance(t, str) and t.strip() for t in data["tokens"]):
            raise ValueError("key 'tokens' must be a list of non-empty texts")
        return cls(meta, data["message"], data["tokens"], path)

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        ignored = self.ignored(ctx.options)
        for block in doc.prose_blocks():
            for start, end, key in self.matcher.find(block.text):
                if key not in ignored:
                    yield ctx.finding(start, end, self.message.format(match=block.text[start:end]), block=block)
