"""Small helpers shared by the sources modules: block ranges and the lines of a block."""

from __future__ import annotations

import re

from medlint.document import Block, Document

URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\"']+[^\s<>()\"'.,;:!?]", re.I)


def block_range(block: Block) -> tuple[int, int]:
    """Source range [start, end) covered by a block's text."""
    return block.source_range(0, len(block.text)) if block.text else (0, 0)


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it has no surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def block_lines(doc: Document, block: Block) -> list[tuple[int, int]]:
    """Spans of ``block.text`` that were separate lines of the file (stripped, non-empty).

    Plain text and Markdown join the lines of a paragraph with a space that maps back to the
    newline; HTML keeps the newline itself in the text.
    """
    text = block.text
    cuts: list[int] = []
    for i, ch in enumerate(text):
        if ch == "\n":
            cuts.append(i)
        elif ch == " " and doc.format != "html":
            src = block.to_source(i)
            if src < len(doc.text) and doc.text[src] in "\r\n":
                cuts.append(i)
    spans = []
    start = 0
    for cut in cuts + [len(text)]:
        s, e = strip_span(text, start, cut)
        if e > s:
            spans.append((s, e))
        start = cut + 1
    return spans
