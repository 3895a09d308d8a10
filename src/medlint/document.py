"""The Document every rule sees: prose blocks, sentences and words, each mapped back to the file.

Parsers strip markup, code and URLs; what is left is a list of blocks (heading, paragraph, list
item, quote, table cell, alt text, caption). A block's ``text`` is prose only, and ``to_source``
maps any offset in it back to the original file, so findings land on the right line and column.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterator

from medlint.lines import LineIndex
from medlint.tokens import Span, sentences, words

BLOCK_KINDS = frozenset(
    {"heading", "paragraph", "list_item", "quote", "table_cell", "alt_text", "caption", "title"}
)

_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]|\b[\w.+-]+@[\w-]+\.[\w.-]+\w")


class BlockBuilder:
    """Collects pieces of prose with their source offsets, then freezes them into a Block.

    ``add(text, source_start)`` is for text copied verbatim from the file; ``add(text,
    source_start, verbatim=False)`` for text that stands for a source range of another length
    (an HTML entity, a soft line break), whose offsets all map to ``source_start``.
    """

    def __init__(self, kind: str, *, level: int = 0, chrome: bool = False) -> None:
        assert kind in BLOCK_KINDS, kind
        self.kind, self.level, self.chrome = kind, level, chrome
        self._parts: list[str] = []
        self._text_starts: list[int] = []
        self._source_starts: list[int] = []
        self._verbatim: list[bool] = []
        self._length = 0

    def add(self, text: str, source_start: int, *, verbatim: bool = True) -> None:
        if not text:
            return
        if verbatim:
            pos = 0
            for m in _URL.finditer(text):  # URLs are never prose
                self._push(text[pos : m.start()], source_start + pos, True)
                self._push(" ", source_start + m.start(), False)
                pos = m.end()
            self._push(text[pos:], source_start + pos, True)
        else:
            self._push(text, source_start, False)

    def _push(self, text: str, source_start: int, verbatim: bool) -> None:
        if not text:
            return
        self._parts.append(text)
        self._text_starts.append(self._length)
        self._source_starts.append(source_start)
        self._verbatim.append(verbatim)
        self._length += len(text)

    def has_text(self) -> bool:
        return any(p.strip() for p in self._parts)

    def build(self) -> "Block":
        return Block(
            kind=self.kind,
            text="".join(self._parts),
            level=self.level,
            chrome=self.chrome,
            _text_starts=tuple(self._text_starts),
            _source_starts=tuple(self._source_starts),
            _verbatim=tuple(self._verbatim),
        )


@dataclass(frozen=True, eq=False)
class Block:
    """A unit of prose that is never merged with its neighbours (a heading, a list item...).

    ``chrome`` marks page furniture (HTML header, footer, aside): kept for rules that look for
    authors and dates, left out of readability and wording checks.
    """

    kind: str
    text: str
    level: int = 0
    chrome: bool = False
    _text_starts: tuple[int, ...] = ()
    _source_starts: tuple[int, ...] = ()
    _verbatim: tuple[bool, ...] = ()

    def to_source(self, offset: int) -> int:
        """Map an offset in ``text`` to an offset in the original file."""
        if not self._text_starts:
            return 0
        i = max(bisect_right(self._text_starts, offset) - 1, 0)
        delta = offset - self._text_starts[i]
        if self._verbatim[i]:
            return self._source_starts[i] + delta
        return self._source_starts[i]

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """Source range of [start, end): the end maps from the last character, plus one."""
        if end <= start:
            s = self.to_source(start)
            return s, s
        return self.to_source(start), self.to_source(end - 1) + 1

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.text)

    @cached_property
    def words(self) -> list[Span]:
        return words(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence that contains ``offset`` (an offset in ``text``), if any."""
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i] if i >= 0 and offset < self.sentences[i].end else None


@dataclass
class Link:
    """A hyperlink: its text, target and where it is (source offsets)."""

    text: str
    target: str
    start: int
    end: int


@dataclass
class Directive:
    """An inline ``medlint-disable``/``enable``/``disable-next-line`` comment."""

    action: str  # "disable" | "enable" | "disable-next-line"
    rules: tuple[str, ...]  # empty = every rule
    start: int  # source offset of the comment
    line: int


@dataclass
class Document:
    """A parsed file: its original text, its prose blocks and what the parser learnt about it."""

    text: str
    format: str  # "text" | "markdown" | "html"
    path: str | None = None
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def line_index(self) -> LineIndex:
        return LineIndex(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        return self.line_index.position(offset)

    def prose_blocks(self) -> Iterator[Block]:
        """Blocks that are the page's own content (not header/footer chrome)."""
        return (b for b in self.blocks if not b.chrome)

    def sentences(self) -> Iterator[tuple[Block, Span]]:
        """Every sentence of the prose, with its block."""
        for block in self.prose_blocks():
            for sentence in block.sentences:
                yield block, sentence

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute something once per document and share it between rules."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]
