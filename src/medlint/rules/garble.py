"""GB family, code rules: synonym-swapped medical terms (GB02) and machine-reworded pages (GB03).

GB01 (fixed tortured phrases) is the YAML pack ``rules/garble/tortured-phrases.yaml``. GB02 and
GB03 share one scan per document (``doc.memo("garble.signals")``); GB02 leaves alone the spans
that GB01's pack already flags, so a phrase is reported once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterator

from medlint.document import Document
from medlint.findings import Applicability, Finding, Severity
from medlint.garble.detect import Candidate, accepted, scan
from medlint.garble.lexicon import load_lexicon, tokens
from medlint.garble.markers import MARKERS
from medlint.phrases import PhraseMatcher
from medlint.resources import data_file
from medlint.rule import Option, Rule, RuleContext, register
from medlint.ruletypes.substitution import _proper_name, _quoted

_SOURCES = (
    "Cabanac G., Labbé C., Magazinov A. (2021). Tortured phrases: a dubious writing style emerging in science. "
    "arXiv:2107.06751",
    "Problematic Paper Screener (Cabanac, Labbé, Magazinov): tortured-phrases detector",
    "WordNet 3.0, Princeton University (2006): synonym table built by scripts/build_synonyms.py",
)


@dataclass
class GarbleSignals:
    tortured: list[tuple[Any, int, int]]  # (block, start, end) of GB01 pack matches
    swaps: list[Candidate]  # GB02 findings, GB01 spans removed
    markers: list[tuple[Any, int, int, float]]
    words: int
    tortured_spans: dict[int, list[tuple[int, int]]]

    def new_swaps(self) -> list[Candidate]:
        """GB02 candidates that GB01's pack does not already flag.

        A candidate that takes in a GB01 match and more ("urinary plot contamination" around GB01's
        "urinary plot") is kept: GB01 only knows part of the term, and GB02 gives the whole one."""
        out = []
        for c in self.swaps:
            overlapping = [(s, e) for s, e in self.tortured_spans.get(id(c.block), ()) if s < c.end and c.start < e]
            if all(c.start <= s and e <= c.end and e - s < c.end - c.start for s, e in overlapping):
                out.append(c)
        return out


def _tortured_matcher():
    from medlint.ruletypes import load_pack

    path = data_file("garble", "tortured-phrases.yaml")
    if not path.is_file():
        return None
    try:
        return load_pack(path)
    except Exception:  # GB01 reports its own pack errors; GB02/GB03 carry on without it
        return None


def signals_for(doc: Document, ctx: RuleContext) -> GarbleSignals:
    def compute() -> GarbleSignals:
        resources = ctx.resources
        lexicon = resources.get("garble.lexicon", load_lexicon) if resources else load_lexicon()
        pack = resources.get("garble.gb01", _tortured_matcher) if resources else _tortured_matcher()
        markers = resources.get("garble.markers", lambda: PhraseMatcher(MARKERS.items())) if resources else PhraseMatcher(MARKERS.items())
        tortured, marks = [], []
        spans: dict[int, list[tuple[int, int]]] = {}
        for block in doc.prose_blocks():
            if pack is not None:
                for start, end, _ in pack.matcher.find(block.text):
                    tortured.append((block, start, end))
                    spans.setdefault(id(block), []).append((start, end))
            for start, end, weight in markers.find(block.text):
                marks.append((block, start, end, weight))
        raw = scan(doc, lexicon)
        swaps = [
            c
            for c in accepted(raw, lexicon, doc)
            if not _quoted(c.block, c.start, c.end) and not _proper_name(c.block, _first_swapped(c))
        ]
        return GarbleSignals(tortured, swaps, marks, raw.words, spans)

    return doc.memo("garble.signals", compute)


def _first_swapped(c: Candidate) -> int:
    """Offset of the first swapped word of ``c``: a capital on the term's own word is the term's
    ("Parkinson's sickness"); only a capitalised swapped word makes the phrase a name."""
    spans = c.swapped_spans()
    return spans[0][0] if spans else c.start


def _match_case(matched: str, replacement: str) -> str:
    if matched[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


@register
class SynonymSwap(Rule):
    id = "GB02"
    name = "garble.synonym-swap"
    summary = "A fixed medical term seems to have had its words swapped for synonyms."
    default_severity = Severity.WARNING
    applicability = Applicability.UNSAFE
    why = (
        "Article-spinning tools reword copied health pages by swapping words for thesaurus synonyms, "
        "turning fixed terms into nonsense (\"numerous myeloma\" for multiple myeloma, \"circulatory strain\" "
        "for blood pressure). Patients cannot look such phrases up or match them to what their doctor said, "
        "and the page may be an unreliable copy. GB02 generalises the fixed list of GB01: it lines a phrase "
        "up with a list of fixed medical terms word by word, using hand-written spinner swaps (a curated "
        "table, a broad thesaurus, the words' other senses) and WordNet synonyms. Phrases judged ordinary "
        "English (\"intense pain\") are never reported, and context decides the rest: the term itself in the "
        "same sentence means it is being explained; elsewhere in the page, it makes a weak swap count."
    )
    example = "Your nurse will check your circulatory strain at every visit."
    better = "Your nurse will check your blood pressure at every visit."
    sources = _SOURCES
    options = {
        "defer_to_gb01": Option(
            bool, True, "Leave alone phrases that GB01's fixed list flags, when GB01 runs too (no double report)."
        )
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        signals = signals_for(doc, ctx)
        defer = ctx.options["defer_to_gb01"] and "GB01" in ctx.active
        for c in signals.new_swaps() if defer else signals.swaps:
            matched = c.block.text[c.start : c.end]
            term = _match_case(matched, c.term.text)
            yield ctx.finding(
                c.start,
                c.end,
                f"'{matched}' looks like a machine-reworded '{c.term.text}' (words swapped for synonyms); "
                f"use '{term}'.",
                block=c.block,
                suggestions=(term,),
            )


@register
class SpunDocument(Rule):
    id = "GB03"
    name = "garble.spun-document"
    summary = "The document as a whole looks machine-reworded (spun)."
    default_severity = Severity.WARNING
    why = (
        "A page with many tortured phrases, synonym-swapped terms and stiff spinner wording (\"at the point "
        "when\" for when, \"or on the other hand\" for or) is most likely a copy run through a rewording "
        "tool. Such pages are unreliable as a source and should be rejected or rewritten, not corrected "
        "phrase by phrase. The spin score (0 to 1) is in the file's metrics under 'spin'."
    )
    example = "At the point when your circulatory strain is high, or on the other hand you have chest torment, ..."
    better = "When your blood pressure is high, or you have chest pain, ..."
    sources = _SOURCES
    options = {
        "threshold": Option(float, 0.5, "Spin score (0 to 1) above which the document is reported."),
        "min_signals": Option(int, 3, "Fewest spin signals a document needs before it can be reported."),
    }

    def check(self, doc: Document, ctx: RuleContext) -> Iterator[Finding]:
        s = signals_for(doc, ctx)
        swaps = s.new_swaps()
        weighted = len(s.tortured) + len(swaps) + sum(m[3] for m in s.markers)
        count = len(s.tortured) + len(swaps) + len(s.markers)
        density = 100.0 * weighted / max(s.words, 100)  # signals per 100 words
        score = (1.0 - math.exp(-density)) * min(1.0, count / (2 * max(ctx.options["min_signals"], 1)))
        score = round(score, 3)
        ctx.metrics["spin"] = {
            "score": score,
            "tortured_phrases": len(s.tortured),
            "synonym_swaps": len(swaps),
            "spinner_markers": len(s.markers),
            "words": s.words,
        }
        if score > ctx.options["threshold"] and count >= ctx.options["min_signals"]:
            yield ctx.document_finding(
                f"This document looks machine-reworded (spin score {score:.2f}: {len(s.tortured)} tortured "
                f"phrases, {len(swaps)} synonym-swapped terms, {len(s.markers)} spinner wordings in "
                f"{s.words} words); check it against its source or rewrite it."
            )
