"""Plain text: paragraphs are separated by blank lines; bullets and lone short lines are blocks."""

from __future__ import annotations

import re

from medlint.document import BlockBuilder, Document

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_BULLET = re.compile(r"^\s*(?:[•\-*–·▪●◦]|\d{1,3}[.)]|[a-z][.)])\s+")
_TERMINAL = re.compile(r"[.!?:;,…\"”')]\s*$")
_MAX_HEADING_WORDS = 12


def parse(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, format="text", path=path)
    lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text) if m.group()]
    groups: list[list[tuple[int, str]]] = [[]]
    for start, line in lines:
        if not line.strip():
            groups.append([])
        elif _BULLET.match(line):
            groups.append([(start, line)])
            groups.append([])
        else:
            groups[-1].append((start, line))
    for group in groups:
        if group:
            _add_group(doc, group)
    return doc


def _add_group(doc: Document, group: list[tuple[int, str]]) -> None:
    first_start, first = group[0]
    bullet = _BULLET.match(first)
    if bullet:
        kind = "list_item"
    elif len(group) == 1 and _looks_like_heading(first):
        kind = "heading"
    else:
        kind = "paragraph"
    builder = BlockBuilder(kind)
    for i, (start, line) in enumerate(group):
        skip = bullet.end() if (i == 0 and bullet) else 0
        if i:
            builder.add(" ", start - 1, verbatim=False)  # a soft line break
        builder.add(line[skip:], start + skip)
    if builder.has_text():
        doc.blocks.append(builder.build())


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    return (
        not _TERMINAL.search(stripped)
        and len(stripped.split()) <= _MAX_HEADING_WORDS
        and stripped[:1].isupper()
    )
