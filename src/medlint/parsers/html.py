"""HTML through the standard library's HTML tokenizer, which reports where every piece starts.

Script, style and navigation are dropped; header, footer and aside are kept as "chrome" blocks
(rules looking for authors and review dates read them; prose rules do not). Each block element
starts a new block; image alt text is a block of its own; link text stays in its sentence.
"""

from __future__ import annotations

import html as html_lib
import re
from html.parser import HTMLParser

from medlint.document import BlockBuilder, Document, Link
from medlint.parsers.directives import parse_comment

_DROPPED = frozenset(
    "script style noscript template nav svg math form button select textarea iframe object canvas pre head".split()
)
_CHROME = frozenset("header footer aside".split())
_CODE = frozenset({"code", "kbd", "samp"})  # inline code: not prose, left as a space
_DROPPED_ROLES = frozenset({"navigation", "search", "menu", "menubar"})
_CHROME_ROLES = frozenset({"banner", "contentinfo", "complementary"})
_BLOCK_KIND = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list_item",
    "blockquote": "quote",
    "td": "table_cell",
    "th": "table_cell",
    "figcaption": "caption",
    "caption": "caption",
    "title": "title",
    "dt": "paragraph",
    "dd": "paragraph",
    "p": "paragraph",
}
_BLOCK_TAGS = frozenset(_BLOCK_KIND) | frozenset(
    "div section article main body html ul ol dl table tr thead tbody tfoot figure hr address details summary".split()
) | _CHROME
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_DATE_META = frozenset(
    {"date", "dcterms.modified", "dcterms.date", "dc.date", "article:modified_time", "article:published_time",
     "last-modified", "citation_date", "citation_publication_date", "revised"}
)
_AUTHOR_META = frozenset({"author", "dc.creator", "dcterms.creator", "citation_author", "article:author"})


def parse(text: str, path: str | None = None) -> Document:
    doc = Document(text=text, format="html", path=path)
    reader = _Reader(doc)
    reader.feed(text)
    reader.close()
    reader.flush()
    return doc


class _Reader(HTMLParser):
    def __init__(self, doc: Document) -> None:
        super().__init__(convert_charrefs=False)
        self.doc = doc
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", doc.text)]
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, dropped, chrome)
        self.builder: BlockBuilder | None = None
        self.link: tuple[str, int] | None = None
        self.time: tuple[str, int] | None = None
        self.title_parts: list[str] = []

    # where the tokenizer is, as an offset into the document
    def here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    @property
    def dropped(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    @property
    def chrome(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def current_kind(self) -> tuple[str, int]:
        for tag, _, _ in reversed(self.stack):
            if tag in _BLOCK_KIND:
                return _BLOCK_KIND[tag], int(tag[1]) if _BLOCK_KIND[tag] == "heading" else 0
        return "paragraph", 0

    def flush(self) -> None:
        if self.builder is not None and self.builder.has_text():
            self.doc.blocks.append(self.builder.build())
        self.builder = None

    def add_text(self, text: str, start: int, *, verbatim: bool = True) -> None:
        if self.dropped or not text:
            return
        if self.builder is None:
            if not text.strip():
                return
            kind, level = self.current_kind()
            self.builder = BlockBuilder(kind, level=level, chrome=self.chrome)
        self.builder.add(text, start, verbatim=verbatim)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: (v or "") for k, v in attrs}
        start = self.here()
        if tag == "meta":
            self._read_meta(attr)
        if tag == "img" and not self.dropped and attr.get("alt", "").strip():
            self._read_alt(attr["alt"], start)
        if tag in _BLOCK_TAGS:
            self.flush()
        if tag == "br":
            self.add_text(" ", start, verbatim=False)
        if tag == "a" and not self.dropped:
            self.link = (attr.get("href", ""), start)
        if tag == "time":
            self.time = (attr.get("datetime", ""), start)
        if tag in _CODE:
            self.add_text(" ", start, verbatim=False)
        if tag in _VOID:
            return
        role = attr.get("role", "").lower()
        parent_dropped, parent_chrome = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)
        # <title> is read even inside <head>, which is otherwise dropped with scripts and navigation
        dropped = tag != "title" and (parent_dropped or tag in _DROPPED or role in _DROPPED_ROLES or tag in _CODE)
        chrome = parent_chrome or tag in _CHROME or role in _CHROME_ROLES
        self.stack.append((tag, dropped, chrome))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        end = self.here()
        if tag == "a" and self.link is not None:
            href, start = self.link
            label = re.sub(r"<[^>]*>", "", self.doc.text[start:end])
            label = html_lib.unescape(label.split(">", 1)[-1] if label.startswith("<") else label)
            self.doc.links.append(Link(text=label.strip(), target=href, start=start, end=end))
            self.link = None
        if tag == "time" and self.time is not None:
            stamp, start = self.time
            label = re.sub(r"<[^>]*>", "", self.doc.text[start:end]).strip()
            self.doc.metadata.setdefault("times", []).append({"datetime": stamp, "text": label})
            self.time = None
        if tag in _BLOCK_TAGS:
            self.flush()
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in _CODE:
            self.add_text(" ", end, verbatim=False)

    def handle_data(self, data: str) -> None:
        self.add_text(data, self.here())

    def handle_entityref(self, name: str) -> None:
        self.add_text(html_lib.unescape(f"&{name};"), self.here(), verbatim=False)

    def handle_charref(self, name: str) -> None:
        self.add_text(html_lib.unescape(f"&#{name};"), self.here(), verbatim=False)

    def handle_comment(self, data: str) -> None:
        start = self.here()
        end_line = self.doc.position(start + len(data) + 7)[0]
        directive = parse_comment(data, start, end_line)
        if directive:
            self.doc.directives.append(directive)

    def _read_meta(self, attr: dict[str, str]) -> None:
        name = (attr.get("name") or attr.get("property") or attr.get("itemprop") or "").lower()
        content = attr.get("content", "").strip()
        if not content:
            return
        if name in _DATE_META or "date" in name or "modified" in name:
            self.doc.metadata.setdefault("dates", []).append({"name": name, "value": content})
        elif name in _AUTHOR_META:
            self.doc.metadata.setdefault("authors", []).append(content)

    def _read_alt(self, alt: str, tag_start: int) -> None:
        raw = self.get_starttag_text() or ""
        m = re.search(r"""\balt\s*=\s*(["']?)""", raw, re.I)
        builder = BlockBuilder("alt_text", chrome=self.chrome)
        if m and raw[m.end(): m.end() + len(alt)] == alt:
            builder.add(alt, tag_start + m.end())
        else:
            builder.add(alt, tag_start, verbatim=False)
        if builder.has_text():
            self.doc.blocks.append(builder.build())
