"""Text preparation and readability scores, once per document (``doc.memo``), per section.

Preparation follows health-literacy practice (e.g. the SMOG instructions of McLaughlin 1969 and
the CDC's Simply Put): only the page's own prose is scored (paragraphs, list items, quotes);
headings start sections and are not scored; captions, alt text, table cells, titles and page
chrome are left out; URLs are already removed by the parsers; a section headed "References",
"Sources", "Bibliography"... and list items that look like citations are left out. Each list item
is its own sentence (a bullet list is not one long sentence), and "e.g.", "Dr." do not end
sentences (``medlint.tokens.sentences``). A "sentence" of one or two words (a label such as
"Fever") is left out, as textstat does.

Words, syllables and the other counts are textstat's own (its word list, CMU dictionary then
pyphen for syllables, its easy-word list), so on plain prose the scores agree with textstat's.
Counts are added up per section and the document figures are the sum of the sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from textstat.backend.counts._count_syllables import count_syllables as _textstat_syllables
from textstat.backend.transformations._remove_punctuation import remove_punctuation as _rp
from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

from medlint.document import Block, Document
from medlint.readability import languages
from medlint.readability.offline import cmu_dictionary
from medlint.tokens import Span


SCORED_KINDS = frozenset({"paragraph", "list_item", "quote"})
MIN_SENTENCE_WORDS = 3
_REFERENCE_HEADING = re.compile(
    r"^\W*(?:(?:show|view|hide|see)\s+)?(?:references?|sources?|bibliography|citations?|footnotes?|"
    r"further reading|works cited|related (?:articles?|links?|pages?|content|topics?|stories)|see also|"
    r"more on this topic|you (?:may|might) also like|read (?:more|next)|"
    r"referencias|bibliografía|quellen|literatur|bibliographie|références|bibliografia|fonti|"
    r"referenties|bronnen|literatuur)\W*$",
    re.IGNORECASE,
)
# Cheap test first: the citation patterns all need a digit or one of these words.
_CITATION_HINT = re.compile(r"\d|et al|[dD][oO][iI]|PMID|ISBN", re.IGNORECASE)
_CITATION = re.compile(
    r"\bdoi\b|\bet al\b|\bPMID\b|\bISBN\b|\b(?:19|20)\d\d\s*;\s*\d|\b(?:vol|pp)\.\s*\d|\(\s*(?:19|20)\d\d\s*\)\.",
    re.IGNORECASE,
)
# A photo credit or image caption written as a line of its own.
_CREDIT = re.compile(r"^\W*(?:(?:photo|image|picture|illustration|video)s?\s+(?:credits?|sources?|by)\b|credits?\s*:)", re.IGNORECASE)
# A reference-list entry: "Journal name: “Title.”"
_CITATION_ENTRY = re.compile(r"^[^.:“”\"]{2,80}:\s*[“\"]")
_remove_punctuation = getattr(_rp, "__wrapped__", _rp)
_CONTRACTION_APOSTROPHE = re.compile(r"\'(?!(?:[tsd]|ve|ll|re))")
_PUNCT_KEEP_APOSTROPHE = re.compile(r"[^\w\s\']")
_PUNCT_ALL = re.compile(r"[^\w\s]")


@dataclass
class Counts:
    """What the formulas need, summed over sentences (all as textstat counts them)."""

    sentences: int = 0
    words: int = 0  # textstat's count_words (punctuation removed)
    raw_words: int = 0  # whitespace-separated tokens (Gulpease)
    syllables: int = 0
    polysyllables: int = 0  # 3+ syllables
    monosyllables: int = 0
    long_words: int = 0  # more than 6 letters (Wiener Sachtextformel)
    letters: int = 0
    chars: int = 0  # non-space characters (Gulpease)
    fog_hard: int = 0  # not an easy word and 3+ syllables (Gunning Fog)
    not_easy: int = 0  # not on the easy-word list (Dale-Chall)

    def add(self, other: "Counts") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass
class Section:
    """From one heading to the next; ``heading`` is None for the text before the first heading."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)
    references: bool = False


@dataclass
class SectionScore:
    section: Section
    counts: Counts
    scores: dict[str, float]

    @property
    def title(self) -> str:
        return " ".join(self.section.heading.text.split()) if self.section.heading else "(before the first heading)"


@dataclass
class Readability:
    language: str
    counts: Counts
    scores: dict[str, float]
    sections: list[SectionScore]

    def grade(self, formula: str) -> float | None:
        return languages.grade(formula, self.scores)

    def section_grade(self, section: SectionScore, formula: str) -> float | None:
        return languages.grade(formula, section.scores)


def sections(doc: Document) -> list[Section]:
    """The document cut at its headings (memoised; shared by every RD rule)."""
    return doc.memo("readability.sections", lambda: _sections(doc))


def _sections(doc: Document) -> list[Section]:
    result = [Section(None)]
    for block in doc.prose_blocks():
        if is_credit(block.text):
            continue
        if block.kind == "heading":
            result.append(Section(block, references=bool(_REFERENCE_HEADING.match(block.text.strip()))))
        else:
            result[-1].blocks.append(block)
    return [s for s in result if s.heading is not None or s.blocks]


def is_credit(text: str) -> bool:
    return bool(_CREDIT.match(text))


def is_citation(text: str) -> bool:
    """A reference-list entry or a photo credit rather than prose."""
    return bool(_CITATION_ENTRY.match(text) or _CREDIT.match(text))


def content_blocks(doc: Document) -> list[Block]:
    """Prose blocks that are the page's content: headings included; references, related-article
    lists, credits and citations left out (memoised)."""

    def compute() -> list[Block]:
        out = []
        for section in sections(doc):
            if section.heading is not None:
                out.append(section.heading)
            if not section.references:
                out.extend(b for b in section.blocks if not is_citation(b.text))
        return out

    return doc.memo("readability.content", compute)


def scored_sentences(doc: Document) -> list[tuple[Block, Span]]:
    """The sentences readability is about: prose, not references, not citations (memoised)."""

    def compute() -> list[tuple[Block, Span]]:
        out = []
        for section in sections(doc):
            if section.references:
                continue
            for block in section.blocks:
                if block.kind in SCORED_KINDS:
                    if not is_citation(block.text):
                        out.extend((block, s) for s in block.sentences if not _is_cited(s.text))
        return out

    return doc.memo("readability.sentences", compute)


def _is_cited(text: str) -> bool:
    return _CITATION_HINT.search(text) is not None and _CITATION.search(text) is not None


def readability(doc: Document, language: str = "en") -> Readability:
    """Scores for the document and each section, computed once per document and language."""
    lang = languages.language_root(language)
    return doc.memo(f"readability.scores.{lang}", lambda: _score(doc, lang))


def _score(doc: Document, lang: str) -> Readability:
    chosen = {id(s) for _, s in scored_sentences(doc)}
    total = Counts()
    per_section = []
    for section in sections(doc):
        counts = Counts()
        if not section.references:
            for block in section.blocks:
                if block.kind not in SCORED_KINDS:
                    continue
                for sentence in block.sentences:
                    if id(sentence) in chosen:
                        _count_sentence(sentence.text, lang, counts)
        total.add(counts)
        per_section.append(SectionScore(section, counts, languages.scores(counts, lang)))
    return Readability(lang, total, languages.scores(total, lang), per_section)


def score_text(text: str, language: str = "en") -> tuple[Counts, dict[str, float]]:
    """Counts and scores of a plain string taken as one unit of prose (no preparation)."""
    from medlint.tokens import sentences as split

    lang = languages.language_root(language)
    counts = Counts()
    for s in split(text):
        _count_sentence(s.text, lang, counts)
    return counts, languages.scores(counts, lang)


def word_count(text: str) -> int:
    """Words in a sentence as textstat counts them ("e.g." and "Dr." are one word each)."""
    return len(_PUNCT_KEEP_APOSTROPHE.sub("", _CONTRACTION_APOSTROPHE.sub("", text)).split())


def _count_sentence(text: str, lang: str, counts: Counts) -> None:
    words = _PUNCT_KEEP_APOSTROPHE.sub("", _CONTRACTION_APOSTROPHE.sub("", text) if "'" in text else text).split()
    if len(words) < MIN_SENTENCE_WORDS:
        return
    bare = _PUNCT_ALL.sub("", text).split()
    raw = text.split()
    counts.sentences += 1
    counts.words += len(words)
    counts.raw_words += len(raw)
    counts.chars += len("".join(raw))
    counts.letters += len("".join(bare))
    counts.long_words += sum(1 for w in bare if len(w) > 6)
    cache = _WORD_CACHE.setdefault(lang, {})
    syl = poly = mono = hard = fog = 0
    for word in words:
        features = cache.get(word)
        if features is None:
            features = cache[word] = _features(word, lang)
        n, not_easy = features
        syl += n
        if n >= 3:
            poly += 1
            fog += not_easy
        elif n == 1:
            mono += 1
        hard += not_easy
    counts.syllables += syl
    counts.polysyllables += poly
    counts.monosyllables += mono
    counts.not_easy += hard
    counts.fog_hard += fog


_WORD_CACHE: dict[str, dict[str, tuple[int, int]]] = {}  # per language: word -> (syllables, not easy)


def _features(word: str, lang: str) -> tuple[int, int]:
    if len(_WORD_CACHE[lang]) > 200_000:  # bound the memory on huge, varied corpora
        _WORD_CACHE[lang].clear()
    easy = _easy_words(lang)
    return syllables(word, lang), int(easy is not None and word.lower() not in easy)


@lru_cache(maxsize=1 << 16)
def syllables(word: str, lang: str) -> int:
    """Syllables in one word, exactly as textstat counts them (CMU dictionary, then pyphen).

    A plain word found in the CMU dictionary is answered here, so pyphen's dictionary (0.1 s to
    load) is only read for words the CMU dictionary lacks.
    """
    if lang == "en" and word.isalpha():
        count = cmu_dictionary().syllables(word.lower())
        if count is not None:
            return count
    return _textstat_syllables.__wrapped__(word, _textstat_lang(lang))


def _textstat_lang(lang: str) -> str:
    return {"en": "en_US"}.get(lang, lang)


@lru_cache(maxsize=None)
def _easy_words(lang: str) -> frozenset[str] | None:
    if lang != "en":
        return None
    return frozenset(get_lang_easy_words("en"))


def as_metrics(r: Readability, formula: str, beside: str | None) -> dict[str, Any]:
    """The ``metrics["readability"]`` figures: document and sections, rounded for display."""
    doc = _figures(r.counts, r.scores)
    doc["grade"] = _round(r.grade(formula))
    out: dict[str, Any] = {
        "language": r.language,
        "grade_formula": formula,
        "document": doc,
        "sections": [],
    }
    if beside:
        out["beside_formula"] = beside
    for s in r.sections:
        if not s.counts.sentences:
            continue
        figures = _figures(s.counts, s.scores)
        figures["grade"] = _round(r.section_grade(s, formula))
        out["sections"].append({"heading": s.title, **figures})
    return out


def _figures(c: Counts, scores: dict[str, float]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "words": c.words,
        "sentences": c.sentences,
        "syllables": c.syllables,
        "average_sentence_length": _round(c.words / c.sentences) if c.sentences else None,
        "polysyllable_share": _round(c.polysyllables / c.words) if c.words else None,
    }
    out.update((k, _round(v)) for k, v in scores.items())
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
