"""Finding spun terms and other spinner signals in a Document (shared by GB02 and GB03).

A *candidate* is a run of words that lines up with a fixed medical term word by word, where each
word is either the term's own word or a swap from the lexicon ("numerous myeloma" for multiple
myeloma). Whether a candidate is reported depends on how strong its swaps are and on context:

- never: the phrase is itself a fixed term ("chest pain") or an ordinary phrase judged so by hand
  ("intense pain"); the original term is in the same sentence ("Stem cells are undifferentiated
  cells": the writer explains the term); the words run across punctuation or into a longer
  verbatim term; the last word is a verb before an article ("people with cancer manage the");
- reported alone: a swap of the curated spinner table (or learned from GB01's pack), or a broad
  thesaurus, other-sense ("plaster hurl") or same-synset WordNet swap when a word of the term is
  kept, the word put in is not a common word of the terms ("unit", "tests") and it makes no
  common English word pair with its neighbour ("new baby"); phrases these swaps make that
  reviewers judged ordinary English are never reported (above); a phrase that swaps every word
  needs curated or broad swaps, and curated only or a word rare in English ("bosom malignancy",
  "ticker strike");
- reported with context: when the document uses the original term in another sentence, weaker
  swaps will do (a broad swap putting in a common word of the terms, a pair common in English),
  as in a spun page that keeps some terms intact.

How common a phrase is: word pairs common in English books come from symspellpy's bigram list;
ordinary phrases the swaps make were judged by hand (``ordinary-phrases.txt``); wordfreq keeps
far WordNet neighbours that are everyday words (Zipf > 5.5: "get", "part") out of the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medlint.document import Block, Document
from medlint.garble.lexicon import BROAD, FUNCTION_WORDS, NEAR, SENSE, SPINNER, Lexicon, Term, tokens


@dataclass(frozen=True)
class Candidate:
    block: Block
    start: int
    end: int
    term: Term
    strengths: tuple[int, ...]  # per term word: 0 = unchanged
    sentence: int  # index of the sentence in the block
    variants: tuple[tuple[str, ...], ...]

    def swapped_spans(self) -> list[tuple[int, int]]:
        """Offsets (in the block) of the swapped words."""
        words = tokens(self.block.text[self.start : self.end])
        spans, k = [], 0
        for strength, variant in zip(self.strengths, self.variants):
            if strength and k + len(variant) <= len(words):
                spans.append((self.start + words[k][0], self.start + words[k + len(variant) - 1][1]))
            k += len(variant)
        return spans


@dataclass
class Signals:
    candidates: list[Candidate] = field(default_factory=list)
    words: int = 0
    term_sentences: dict[int, set[tuple[int, int]]] = field(default_factory=dict)  # term -> {(block, sentence)}
    term_spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # id(block) -> verbatim terms


def scan(doc: Document, lexicon: Lexicon) -> Signals:
    """All candidates and verbatim term uses in the prose of ``doc``."""
    signals = Signals()
    for b_index, block in enumerate(doc.prose_blocks()):
        toks = tokens(block.text)
        signals.words += len(toks)
        if not toks:
            continue
        sent_of = _sentence_index(block, toks)
        words = [t[2] for t in toks]
        words.append("")  # so that words[i + 2] is always there
        for i in range(len(words) - 2):
            for term_id in sorted(lexicon.starting_at(words[i], words[i + 1], words[i + 2])):
                term = lexicon.terms[term_id]
                for end, strengths, variants in _align(term, words, i):
                    if not any(strengths):
                        signals.term_sentences.setdefault(term_id, set()).add((b_index, sent_of[i]))
                        signals.term_spans.setdefault(id(block), []).append((toks[i][0], toks[end - 1][1]))
                        continue
                    signals.candidates.append(
                        Candidate(block, toks[i][0], toks[end - 1][1], term, strengths, sent_of[i], variants)
                    )
    return signals


def _align(term: Term, words: list[str], i: int):
    """Every way term's slots line up with words[i:]: (end index, strengths, variants)."""
    results = []
    n = len(words)
    last = len(term.by_first)
    stack = [(0, i, (), ())]
    while stack:
        slot, j, strengths, variants = stack.pop()
        if slot == last:
            results.append((j, strengths, variants))
            continue
        if j >= n:
            continue
        options = term.by_first[slot].get(words[j])
        if not options:
            continue
        for variant, strength in options:
            k = j + len(variant)
            if k <= n and (len(variant) == 1 or tuple(words[j:k]) == variant):
                stack.append((slot + 1, k, strengths + (strength,), variants + (variant,)))
    return results


def _sentence_index(block: Block, toks: list[tuple[int, int, str]]) -> list[int]:
    bounds = [s.end for s in block.sentences]
    out, k = [], 0
    for start, _, _ in toks:
        while k < len(bounds) - 1 and start >= bounds[k]:
            k += 1
        out.append(k)
    return out


def accepted(signals: Signals, lexicon: Lexicon, doc: Document) -> list[Candidate]:
    """Candidates that are reported as spun terms, best first where they overlap."""
    blocks = {id(b): i for i, b in enumerate(doc.prose_blocks())}
    keep = []
    for c in signals.candidates:
        if _BREAK.search(c.block.text, c.start, c.end):
            continue  # the words run across punctuation ("spread. Check"): not one phrase
        phrase = tuple(w for v in c.variants for w in v)
        if sorted(phrase) == sorted(c.term.words):
            continue  # the term's own words moved about ("symptoms and signs"), not swapped
        if phrase in lexicon.term_keys or phrase in lexicon.ordinary:
            continue  # the phrase is itself a fixed term ("chest pain") or ordinary English ("intense pain")
        term_id = lexicon.term_keys[c.term.words]
        seen = signals.term_sentences.get(term_id, set())
        here = (blocks[id(c.block)], c.sentence)
        if here in seen:
            continue  # "Stem cells are undifferentiated cells": explained, not spun
        elsewhere = bool(seen)
        if any(
            s < c.end and c.start < e and not (c.start <= s and e <= c.end)
            for s, e in signals.term_spans.get(id(c.block), ())
        ):
            continue  # part of a verbatim term ("marrow biopsy" in "bone marrow biopsy")
        if c.strengths[-1] and _OBJECT.match(c.block.text, c.end):
            continue  # the last word is a verb taking an object ("people with cancer manage the side effects")
        if not _convincing(c, lexicon, elsewhere):
            continue
        keep.append(c)
    keep.sort(key=lambda c: (blocks[id(c.block)], c.start, -(c.end - c.start), -_score(c)))
    result: list[Candidate] = []
    last = (-1, -1)
    for c in keep:
        b = blocks[id(c.block)]
        if b == last[0] and c.start < last[1]:
            continue
        result.append(c)
        last = (b, c.end)
    return result


# An article right after the phrase: its last word is a verb taking an object, not the noun of a term.
_OBJECT = re.compile(r"\s+(?:the|a|an|them)\b", re.I)
# Punctuation that ends a phrase: a double quote too ('"pink eye" looks'); a full stop only after
# a word of two or more letters, closing quotes allowed ("c. diff" and "e. coli" are terms).
_BREAK = re.compile(r"[,;:!?()\[\]\n\"\u201c\u201d]|\w\w\.[\"'\u2019\u201d]*(?:\s|$)")


def _convincing(c: Candidate, lexicon: Lexicon, elsewhere: bool) -> bool:
    """Is this swap pattern evidence of spinning? (See the module docstring.)

    - a phrase that keeps a word of the term needs one strong swap: a swap of the curated spinner
      table, or a broad-thesaurus, other-sense or same-synset WordNet swap (phrases judged
      ordinary, "minor operation", never get here) whose word put in is not a common word of the
      fixed terms (the broad thesaurus gives "stroke unit" for stroke ward and "liver tests" for
      liver biopsies: ordinary phrases); no swap is strong when it makes a common English word
      pair with its neighbour ("new baby"), or gives another fixed term;
    - a phrase that swaps every word needs every swap strong, none of them other-sense or
      same-synset (their phrases were judged one swap at a time), and curated or putting in a
      word rare in English ("ticker strike", "bosom malignancy"), since two common words side by
      side ("small amounts", "main concern") are most often just English;
    - with the original term in another sentence of the document, weaker evidence will do: any
      swap of at least same-synset strength when a word is kept; same-synset or curated swaps
      when none is ("sensitive gut" in a page about irritable bowel is English, not a swap).
    """
    swaps = [(s, v) for s, v in zip(c.strengths, c.variants) if s]
    # a kept function word is no kept word of the term ("ready to go" swaps all of fitness to work)
    full = all(s for s, w in zip(c.strengths, c.term.words) if w not in FUNCTION_WORDS)
    if elsewhere:
        if full:
            return all(s in (NEAR, SPINNER) for s, _ in swaps)
        return any(s >= NEAR for s, _ in swaps)
    strong = [
        s
        for i, (s, v) in enumerate(zip(c.strengths, c.variants))
        if v not in lexicon.term_keys
        and (s == SPINNER or (s in (BROAD, SENSE, NEAR) and not any(w in lexicon.medical_words for w in v)))
        and not _common_with_neighbours(c, i, lexicon)
    ]
    if not full:
        return bool(strong)
    return (
        len(strong) == len(swaps)
        and all(s in (SPINNER, BROAD) for s in strong)
        and (all(s == SPINNER for s in strong) or any(w in lexicon.rare_words for _, v in swaps for w in v))
    )


def _common_with_neighbours(c: Candidate, slot: int, lexicon: Lexicon) -> bool:
    """Does the swap in ``slot`` make a common English word pair with the words beside it in the
    phrase ("new baby", "fair skin")? Then the phrase is most likely just English."""
    v = c.variants[slot]
    if not c.strengths[slot]:
        return False
    before = c.variants[slot - 1][-1] if slot > 0 else None
    after = c.variants[slot + 1][0] if slot + 1 < len(c.variants) else None
    # a function word goes with anything ("force of" is common; "force of attorney" is not English)
    return any(
        pair in lexicon.common_pairs and not any(w in FUNCTION_WORDS for w in pair)
        for pair in ((before, v[0]), (v[-1], after))
    )


def _score(c: Candidate) -> float:
    swaps = [s for s in c.strengths if s]
    return sum(swaps) / len(swaps) + 0.1 * (len(c.strengths) - len(swaps))
