"""Markdown through markdown-it-py (CommonMark + tables).

markdown-it gives line ranges for blocks but no columns for inline text, so each text piece is
found again in the block's source lines, left to right. Code, URLs, HTML and front matter are not
prose; image alt text becomes a block of its own; HTML comments may carry medlint directives.
"""

from __future__ import annotations

import re

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from medlint.document import BlockBuilder, Document, Link
from medlint.parsers.directives import parse_comment

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_MD = MarkdownIt("commonmark", {"html": True}).enable("table")
_CONTAINERS = {"list_item_open": "list_item", "blockquote_open": "quote", "th_open": "table_cell", "td_open": "table_cell"}


def parse(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, format="markdown", path=path)
    source = _mask_front_matter(text, doc)
    line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", source)] + [len(source)]
    containers: list[str] = []
    heading_level = 0
    for token in _MD.parse(source):
        if token.type in _CONTAINERS:
            containers.append(_CONTAINERS[token.type])
        elif token.type.replace("_close", "_open") in _CONTAINERS and token.nesting == -1:
            containers.pop()
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "html_block" and token.map:
            _read_comments(doc, token.content, line_starts[token.map[0]])
        elif token.type == "inline" and token.map:
            kind = "heading" if heading_level else (containers[-1] if containers else "paragraph")
            start, end = line_starts[token.map[0]], line_starts[min(token.map[1], len(line_starts) - 1)]
            _read_inline(doc, token, kind, heading_level, source, start, end)
    return doc


def _mask_front_matter(text: str, doc: Document) -> str:
    """Blank out YAML front matter (keeping line numbers) and keep its fields as metadata."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        data = None
    if isinstance(data, dict):
        doc.metadata.update({str(k).lower(): v for k, v in data.items()})
    return re.sub(r"[^\r\n]", " ", m.group()) + text[m.end():]


def _read_comments(doc: Document, html: str, offset: int) -> None:
    for m in _COMMENT.finditer(html):
        start = offset + m.start()
        line = doc.position(offset + m.end())[0]
        directive = parse_comment(m.group(1), start, line)
        if directive:
            doc.directives.append(directive)


def _read_inline(doc: Document, token: Token, kind: str, level: int, source: str, start: int, end: int) -> None:
    builder = BlockBuilder(kind, level=level)
    cursor = start
    link: tuple[str, int, int] | None = None  # (href, source start, text length before it)
    for child in token.children or ():
        if child.type == "text" and child.content:
            cursor = _align(builder, child.content, source, cursor, end)
        elif child.type in ("softbreak", "hardbreak"):
            newline = source.find("\n", cursor, end)
            cursor = newline + 1 if newline >= 0 else cursor
            builder.add(" ", max(newline, start), verbatim=False)
        elif child.type == "code_inline":
            found = source.find(child.content, cursor, end)
            if found >= 0:
                cursor = found + len(child.content)
            builder.add(" ", cursor, verbatim=False)
        elif child.type == "html_inline":
            found = source.find(child.content, cursor, end)
            if found >= 0:
                _read_comments(doc, child.content, found)
                cursor = found + len(child.content)
        elif child.type == "link_open":
            link = (str(child.attrs.get("href", "")), cursor)
        elif child.type == "link_close" and link:
            href, link_start = link
            text_start = source.find("[", link_start, end)
            label = source[text_start + 1 : cursor] if text_start >= 0 else ""
            doc.links.append(Link(text=label, target=href, start=max(text_start, link_start), end=cursor))
            close = source.find(")", cursor, end)
            if href and close >= 0 and source.startswith("](", cursor):
                cursor = close + 1
            link = None
        elif child.type == "image":
            cursor = _read_image(doc, child, source, cursor, end)
    if builder.has_text():
        doc.blocks.append(builder.build())


def _align(builder: BlockBuilder, content: str, source: str, cursor: int, end: int) -> int:
    """Add ``content`` mapped onto the source from ``cursor``; returns the new cursor.

    Usually the text is in the source as it is. Escapes ("\\*") and entities ("&amp;") change it,
    so then the text is aligned run by run, unmatched characters mapping to the nearest place.
    """
    found = source.find(content, cursor, end)
    if found >= 0:
        builder.add(content, found)
        return found + len(content)
    i = 0
    while i < len(content):
        hit = source.find(content[i], cursor, min(cursor + 12, end))
        if hit < 0:
            builder.add(content[i], cursor, verbatim=False)
            i += 1
            continue
        run = 1
        while i + run < len(content) and hit + run < end and source[hit + run] == content[i + run]:
            run += 1
        builder.add(content[i : i + run], hit)
        i += run
        cursor = hit + run
    return cursor


def _read_image(doc: Document, image: Token, source: str, cursor: int, end: int) -> int:
    alt = image.content
    found = source.find("![", cursor, end)
    if found < 0:
        return cursor
    alt_start = source.find(alt, found, end) if alt else -1
    if alt and alt_start >= 0:
        builder = BlockBuilder("alt_text")
        builder.add(alt, alt_start)
        doc.blocks.append(builder.build())
    close = source.find(")", found, end)
    return close + 1 if close >= 0 else cursor
