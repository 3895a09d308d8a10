"""One pass over a Document that every SR rule shares (``doc.memo("sources.analysis", ...)``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medlint.document import Block, Document
from medlint.sources.citations import Citation, find_citations
from medlint.sources.claims import ClaimMatch, find_claim, has_attribution
from medlint.sources.common import block_range
from medlint.sources.dates import DateMention, find_authors, find_dates, has_disclosure
from medlint.sources.sections import Entry, Section, find_sections
from medlint.tokens import Span

_FACT_WORDS = re.compile(
    r"\b(?:treat(?:s|ed|ing|ment|ments)?|therap(?:y|ies)|risks?|symptoms?|caus(?:e|es|ed|ing)|diagnos\w*|diseases?|"
    r"conditions?|cancers?|tumou?rs?|infections?|medicines?|medications?|drugs?|surgery|relaps\w*|surviv\w*|"
    r"prevent\w*|cures?|incurable|side\s+effects?|complications?|outcomes?|effective|chronic|remission)\b",
    re.I,
)
_PROSE_KINDS = frozenset({"paragraph", "list_item", "quote", "table_cell", "caption"})


@dataclass(frozen=True)
class Claim:
    block: Block
    sentence: Span
    match: ClaimMatch
    supported: bool  # a citation in the sentence or its paragraph, or a named source in the sentence
    cited: bool  # a citation (not only a named source)


@dataclass
class Analysis:
    sections: list[Section] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    disclosure: bool = False
    prose_words: int = 0
    fact_words: int = 0
    front_matter_sources: bool = False

    @property
    def entries(self) -> list[Entry]:
        return [e for s in self.sections for e in s.entries]

    @property
    def has_sources_list(self) -> bool:
        return self.front_matter_sources or any(s.entries for s in self.sections)

    @property
    def formal_citations(self) -> list[Citation]:
        return [c for c in self.citations if c.formal]

    @property
    def attribution(self) -> bool:
        """JAMA attribution: references listed or cited."""
        return self.has_sources_list or bool(self.formal_citations)

    @property
    def states_facts(self) -> bool:
        return bool(self.claims) or self.fact_words >= 2

    def jama(self) -> dict[str, bool]:
        return {
            "authorship": bool(self.authors),
            "attribution": self.attribution,
            "disclosure": self.disclosure,
            "currency": bool(self.dates),
        }

    def metrics(self) -> dict[str, int]:
        return {
            "sources_sections": len(self.sections),
            "source_entries": len(self.entries),
            "citations": len(self.formal_citations),
            "claims": len(self.claims),
            "unsupported_claims": sum(not c.supported for c in self.claims),
        }


def analyse(doc: Document) -> Analysis:
    """The shared analysis of ``doc``, computed once per document."""
    return doc.memo("sources.analysis", lambda: _analyse(doc))


def _analyse(doc: Document) -> Analysis:
    result = Analysis()
    result.sections = find_sections(doc)
    section_ranges = [(s.heading_start, s.end) for s in result.sections]
    result.citations = find_citations(doc, section_ranges)
    result.front_matter_sources = any(
        str(k).lower() in ("sources", "references", "bibliography", "citations") and v for k, v in doc.metadata.items()
    )
    starts = [c.start for c in result.citations]
    for block in doc.prose_blocks():
        if block.kind not in _PROSE_KINDS:
            continue
        block_start, block_end = block_range(block)
        if any(s <= block_start < e for s, e in section_ranges):
            continue
        result.prose_words += len(block.words)
        result.fact_words += len(_FACT_WORDS.findall(block.text))
        paragraph_cited = any(block_start <= s < block_end for s in starts)
        for sentence in block.sentences:
            match = find_claim(sentence.text)
            if match is None:
                continue
            s_start, s_end = block.source_range(sentence.start, sentence.end)
            cited = paragraph_cited or any(s_start <= s < s_end for s in starts)
            supported = cited or has_attribution(sentence.text)
            result.claims.append(Claim(block, sentence, match, supported, cited))
    result.dates = find_dates(doc)
    result.authors = find_authors(doc)
    result.disclosure = has_disclosure(doc)
    return result
