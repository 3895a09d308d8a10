"""Recognise a sources section (Sources, References, Show Sources, Bibliography, Further reading)
and its entries, in plain text, Markdown and HTML, and judge how traceable each entry is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medlint.document import Block, Document
from medlint.sources.common import URL, block_lines, block_range, strip_span
from medlint.tokens import fold

_HEADING = re.compile(
    r"""^(?:\d{1,2}[.)]?\s+)?(?:show\s+|view\s+|hide\s+|see\s+)?(?:all\s+)?(?:our\s+)?
    (?P<name>
      sources?(?:\s+(?:and|&)\s+(?:references|further\s+reading|citations))?
      | references?(?:\s+list)?(?:\s+(?:and|&)\s+(?:further\s+reading|sources|notes))?
      | reference\s+list | key\s+references | selected\s+references | cited\s+references
      | bibliography | works\s+cited | literature\s+cited | citations | notes\s+and\s+references
      | sources\s+of\s+information | evidence(?:\s+sources)? | further\s+reading | read\s+more
    )\s*[:.]?$""",
    re.I | re.X,
)
# "Sources: NHS (2023) ...; Diabetes UK (2022) ..." on one line.
_INLINE = re.compile(r"^(?:sources?|references?)\s*:\s*(?=\S)", re.I)
# Lines in a sources section that are not references.
_NOT_ENTRY = re.compile(
    r"^(?:photo|image|picture|illustration|video|cover)\s+(?:credits?|by|source)\b|^credits?\b|^©|^copyright\b"
    r"|^(?:page\s+)?(?:last\s+)?(?:medically\s+|clinically\s+)?(?:reviewed|updated)\b|^next\s+review\b",
    re.I,
)
_LINK_DEFINITION = re.compile(r"^\s*\[[^\]]+\]:\s")
_TAG = re.compile(r"<(?!https?:|www\.)[a-zA-Z/!][^>]*>")
_NUMBERING = re.compile(r"^\s*(?:\[\d{1,3}\]|\(\d{1,3}\)|\d{1,3}[.)]|[•\-*–·▪●◦])\s*")
_YEAR = re.compile(r"(?<![\d/.-])(?:19[4-9]\d|20\d{2})[a-z]?(?![\d/])")
_ACCESSED = re.compile(r"\b(?:accessed|retrieved|viewed|cited|consulted)\b[^.;]{0,25}$", re.I)
_QUOTED = re.compile(r"“[^”]{2,}”|\"[^\"]{2,}\"|«[^»]{2,}»")
_WORD = re.compile(r"[^\W\d_][\w'’\-]+")
_FUNCTION_WORDS = frozenset("of for and the on de van von der et al in at to".split())


@dataclass
class Entry:
    """One reference in a sources section. ``block`` is None for a bare URL that is no prose."""

    text: str  # prose of the entry (URLs removed)
    start: int  # source offsets of the entry
    end: int
    block: Block | None = None
    block_start: int = 0  # offsets in block.text
    block_end: int = 0
    urls: tuple[str, ...] = ()
    link_texts: tuple[str, ...] = ()
    bare_url: bool = False
    reading: bool = False  # a "Further reading" list, where a year is not expected

    @property
    def years(self) -> list[int]:
        return entry_years(self.text)

    @property
    def has_title(self) -> bool:
        return has_title(self.text, self.link_texts)

    def key(self) -> str:
        """What makes two entries the same reference."""
        body = _NUMBERING.sub("", self.text)
        words = re.sub(r"[^\w]+", "", fold(body))
        return words or " ".join(sorted(u.rstrip("/").lower() for u in self.urls))


@dataclass
class Section:
    heading: Block
    heading_start: int  # source offset of the heading text
    reading: bool
    level: int
    chrome: bool
    end: int = -1  # source offset where the section ends
    entries: list[Entry] = field(default_factory=list)
    inline: bool = False


def heading_name(text: str) -> str | None:
    """The kind of sources heading ``text`` is ("references" or "reading"), else None."""
    stripped = text.strip().strip("*_#").strip()
    if len(stripped) > 60:
        return None
    m = _HEADING.match(stripped)
    if not m:
        return None
    name = m.group("name").lower()
    return "reading" if name.startswith(("further", "read")) else "references"


def entry_years(text: str) -> list[int]:
    """Publication years in an entry (not "accessed 2024" dates)."""
    years = []
    for m in _YEAR.finditer(text):
        if _ACCESSED.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        years.append(int(m.group()[:4]))
    return years


def has_title(text: str, link_texts: tuple[str, ...] = ()) -> bool:
    """Whether an entry names the work (a quoted title, a link label or a title-like phrase)."""
    if _QUOTED.search(text):
        return True
    for label in link_texts:
        if len(_WORD.findall(URL.sub(" ", label))) >= 2:
            return True
    body = _NUMBERING.sub("", URL.sub(" ", text))
    body = re.sub(r"\bet\s+al\b\.?|\bdoi:\S+|\b(?:19|20)\d{2}[a-z]?\b", " ", body, flags=re.I)
    for segment in re.split(r"[.:;,()\[\]|–—]\s*|\s-\s", body):
        words = _WORD.findall(segment)
        if len(words) >= 3:  # "British National Formulary" names a work as well as an organisation
            return True
        if len(words) >= 2 and any(w[0].islower() and w.lower() not in _FUNCTION_WORDS for w in words):
            return True
    return False


def _looks_like_entry(text: str) -> bool:
    return bool(_YEAR.search(text) or URL.search(text) or _QUOTED.search(text) or ":" in text or "et al" in text)


def find_sections(doc: Document) -> list[Section]:
    """Every sources section of the document with its entries."""
    sections: list[Section] = []
    current: Section | None = None
    for block in doc.blocks:
        if block.kind in ("title", "alt_text"):
            continue
        lines = block_lines(doc, block) if doc.format != "html" else [strip_span(block.text, 0, len(block.text))]
        lines = [span for span in lines if span[1] > span[0]]
        if not lines:
            continue
        first_text = block.text[lines[0][0] : lines[0][1]]
        kind = heading_name(first_text) if block.kind in ("heading", "paragraph") else None
        if kind and (block.kind == "heading" or len(lines) >= 1):
            if current:
                current.end = block.to_source(0)
            current = Section(block, block.to_source(lines[0][0]), kind == "reading",
                              block.level if block.kind == "heading" else 0, block.chrome)
            sections.append(current)
            for s, e in lines[1:]:
                _add_entry(doc, current, block, s, e)
            continue
        inline = _INLINE.match(block.text[lines[0][0] :]) if block.kind == "paragraph" else None
        if inline:
            if current:
                current.end = block.to_source(0)
            section = Section(block, block.to_source(lines[0][0]), False, 0, block.chrome, inline=True)
            sections.append(section)
            body_start = lines[0][0] + inline.end()
            for part in re.finditer(r"[^;]+", block.text[body_start:]):
                s, e = strip_span(block.text, body_start + part.start(), body_start + part.end())
                if e > s:
                    _add_entry(doc, section, block, s, e)
            section.end = block_range(block)[1]
            current = None
            continue
        if current is None:
            continue
        if _ends(doc, current, block):
            current.end = block.to_source(0)
            current = None
            continue
        if block.kind == "heading":
            continue  # a sub-heading inside the list ("Journals", "Websites")
        if doc.format != "html" and block.kind == "paragraph" and len(lines) > 1:
            for s, e in _split_entries(block.text, lines):
                _add_entry(doc, current, block, s, e)
        else:
            _add_entry(doc, current, block, lines[0][0], lines[-1][1])
    if current:
        current.end = len(doc.text)
    for section in sections:
        _add_bare_urls(doc, section)
    return sections


def _ends(doc: Document, section: Section, block: Block) -> bool:
    if block.chrome != section.chrome:
        return True
    if block.kind != "heading":
        return False
    if doc.format == "text":
        return not _looks_like_entry(block.text)
    return section.level == 0 or block.level <= section.level


def _split_entries(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join wrapped lines of one paragraph into entries: a new entry starts after a line that
    ends a reference (full stop, bracket, quote, digit) when the next line starts like one."""
    entries = [list(lines[0])]
    for s, e in lines[1:]:
        prev = text[entries[-1][0] : entries[-1][1]]
        starts_new = bool(re.match(r"[A-Z0-9\[(•\-*“\"]", text[s:e]))
        ended = bool(re.search(r"[.)\]”\"\d]$", prev))
        if starts_new and ended:
            entries.append([s, e])
        else:
            entries[-1][1] = e
    return [(s, e) for s, e in entries]


def _add_entry(doc: Document, section: Section, block: Block, s: int, e: int) -> None:
    text = block.text[s:e]
    body = _NUMBERING.sub("", text).strip()
    if not body or _NOT_ENTRY.match(body):
        return
    start, end = block.source_range(s, e)
    raw = doc.text[start:end]
    links = [link for link in doc.links if start <= link.start < end or link.start <= start < link.end]
    urls = tuple(dict.fromkeys([m.group() for m in URL.finditer(raw)] + [l.target for l in links if l.target]))
    section.entries.append(
        Entry(text=text, start=start, end=end, block=block, block_start=s, block_end=e, urls=urls,
              link_texts=tuple(l.text for l in links), reading=section.reading)
    )


def _add_bare_urls(doc: Document, section: Section) -> None:
    """Entries that are only a URL leave no prose block: find them in the section's lines."""
    if section.inline:
        return
    _, heading_end = block_range(section.heading)
    if doc.format == "html":
        _add_bare_links(doc, section, heading_end)
        return
    covered = [(e.start, e.end) for e in section.entries]
    covered += [block_range(b) for b in doc.blocks if b.text.strip()]
    found = []
    for m in re.finditer(r"[^\r\n]+", doc.text[heading_end : section.end]):
        line = m.group()
        line_start = heading_end + m.start()
        if _LINK_DEFINITION.match(line):
            continue
        visible = _TAG.sub(" ", line)
        urls = [u.group() for u in URL.finditer(visible)]
        if not urls:
            continue
        rest = URL.sub(" ", visible)
        if re.search(r"[^\W\d_]", re.sub(r"&\w+;", " ", rest)):
            continue
        first = next((u for u in URL.finditer(line) if line[u.start() - 1 : u.start()] not in ("\"", "'", "=")), None)
        first = first or URL.search(line)
        if first is None:
            continue
        url_start = line_start + first.start()
        if any(s <= url_start < e for s, e in covered):
            continue
        found.append(Entry(text="", start=url_start, end=line_start + first.end(), urls=tuple(urls),
                           bare_url=True, reading=section.reading))
    section.entries = sorted(section.entries + found, key=lambda e: e.start)


_BOUNDARY = re.compile(r"<(?:/?(?:li|p|dd|dt|div|tr|td|ul|ol|section)\b|br\b)", re.I)


def _add_bare_links(doc: Document, section: Section, heading_end: int) -> None:
    """HTML: a link whose label is a URL (or nothing), alone in its list item or paragraph."""
    found = []
    for link in doc.links:
        if not (heading_end <= link.start < section.end):
            continue
        label = link.text.strip()
        if label and not URL.fullmatch(label):
            continue
        before = [e.end for e in section.entries if e.end <= link.start]
        after = [e.start for e in section.entries if e.start >= link.end]
        alone_before = not before or _BOUNDARY.search(doc.text, max(before), link.start)
        alone_after = not after or _BOUNDARY.search(doc.text, link.end, min(after))
        if not (alone_before and alone_after):
            continue
        open_end = doc.text.find(">", link.start) + 1
        start = doc.text.find(label, open_end, link.end) if label else -1
        if start < 0:
            start, end = link.start, link.end
        else:
            end = start + len(label)
        found.append(Entry(text="", start=start, end=end, urls=(link.target or label,), bare_url=True,
                           reading=section.reading))
    section.entries = sorted(section.entries + found, key=lambda e: e.start)
