"""The swap lexicon of GB02: fixed medical terms and, for each of their words, the words a spinner
may put in its place, with how strong each swap is as evidence of spinning.

Built once per process (through ``Resources``) from three shipped lists:

- ``lists/medical-terms.txt``: the fixed terms ("multiple myeloma", "blood pressure");
- ``lists/spinner-synonyms.tsv``: hand-written spinner vocabulary (cancer -> malignancy);
- ``lists/wordnet-synonyms.tsv``: WordNet 3.0 synonyms of the term words, built at build time
  by ``scripts/build_synonyms.py`` (distance 1 = same synset, distance 2 = pointer neighbours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from medlint.cache import file_key, load_or_build
from medlint.resources import data_file
from medlint.tokens import fold

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")

# Strength of a swap as evidence (higher is stronger).
SPINNER = 3  # a hand-listed spinner swap
NEAR = 2  # WordNet: same synset
FAR = 1  # WordNet: pointer neighbour, or a weak spinner swap

FUNCTION_WORDS = frozenset(
    """a an the of and or to in on for with by at from as into out off up down over under no not
    is are be was were been it its this that these those your you we our they their my me he she
    his her him them us i do does did can may might will would should could has have had than
    then so if but all any some more most less much many few other such own same very just""".split()
)
# Far WordNet neighbours this common are everyday words that spinners rarely produce and that
# turn up next to anything ("get", "make", "part"): they are left out (Zipf scale, wordfreq).
MAX_FAR_ZIPF = 5.5


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text`` (offsets in ``text``)."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(fold(text))]


def split_words(phrase: str) -> tuple[str, ...]:
    return tuple(m.group() for m in TOKEN.finditer(fold(phrase)))


@dataclass(frozen=True)
class Term:
    text: str  # as written in medical-terms.txt
    words: tuple[str, ...]
    # For each position: variant (tuple of words) -> strength; the word itself has strength 0.
    slots: tuple[dict[tuple[str, ...], int], ...]
    # For each position: first word -> [(variant, strength)], for fast alignment.
    by_first: tuple[dict[str, list[tuple[tuple[str, ...], int]]], ...] = ()


class Lexicon:
    def __init__(
        self,
        terms: Iterable[str],
        spinner: dict[str, list[tuple[tuple[str, ...], int]]],
        wordnet: dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]],
    ) -> None:
        self.spinner = spinner
        self.wordnet = wordnet
        self.terms: list[Term] = []
        self.term_keys: dict[tuple[str, ...], int] = {}
        self.first: dict[str, list[tuple[int, frozenset[str] | None, frozenset[str] | None]]] = {}
        self._alt_cache: dict[str, dict[tuple[str, ...], int]] = {}
        self._first_cache: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
        terms = list(terms)
        # A plural of each term whose last word is singular ("high doses" for high dose), so that
        # "high portions" is matched and the suggestion keeps the number.
        plurals = [
            text[: len(text) - len(text.split()[-1])] + _plural(text.split()[-1])
            for text in terms
            if text.split() and text.split()[-1].isalpha() and not text.endswith("s")
        ]
        for text in terms + plurals:
            words = split_words(text)
            if len(words) < 2 or words in self.term_keys:
                continue
            slots = tuple(self.alternatives(w) for w in words)
            by_first = tuple(self._by_first(w, slot) for w, slot in zip(words, slots))
            index = len(self.terms)
            self.terms.append(Term(text, words, slots, by_first))
            self.term_keys[words] = index
            # first word -> (term, words that may follow it); the follow set rejects most
            # terms before any alignment (None when a multi-word swap starts with that word)
            # A two-word phrase whose only swaps are far WordNet neighbours is never reported
            # (see detect._convincing), so such pairs are not even aligned.
            follow_any = frozenset(by_first[1])
            if len(words) == 2:
                best1 = {w: max(s for _, s in vs) for w, vs in by_first[1].items()}
                follow_by = {
                    0: frozenset(w for w, b in best1.items() if b != FAR),
                    FAR: frozenset(w for w, b in best1.items() if b >= NEAR),
                }
            else:
                follow_by = {}
            for first_word, variants in by_first[0].items():
                single = all(len(v) == 1 for v, _ in variants)
                best0 = max(s for _, s in variants)
                follow = follow_by.get(best0, follow_any)
                follow2 = None
                if single and len(words) >= 3 and all(len(v) == 1 for v in slots[1]):
                    follow2 = frozenset(by_first[2])  # the word after next, for 3-4 word terms
                self.first.setdefault(first_word, []).append((index, follow if single else None, follow2))
        self.multiword_terms = {k for k in self.term_keys}

    def _by_first(self, word: str, slot: dict[tuple[str, ...], int]) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        cached = self._first_cache.get(word)
        if cached is None:
            cached = {}
            for variant, strength in slot.items():
                cached.setdefault(variant[0], []).append((variant, strength))
            self._first_cache[word] = cached
        return cached

    def alternatives(self, word: str) -> dict[tuple[str, ...], int]:
        cached = self._alt_cache.get(word)
        if cached is not None:
            return cached
        alts: dict[tuple[str, ...], int] = {}
        if word in FUNCTION_WORDS or word.isdigit() or len(word) < 2:
            alts = {(word,): 0}
        elif word.endswith("'s"):
            alts = {v[:-1] + (v[-1] + "'s",): s for v, s in self.alternatives(word[:-2]).items()}
        else:
            near, far = self.wordnet.get(word, ((), ()))
            for syn in far:
                if syn:
                    alts[syn] = FAR
            for syn in near:
                if syn:
                    alts[syn] = NEAR
            # Inflections and derivations of the word itself ("feel" for feeling) are not swaps.
            alts = {v: s for v, s in alts.items() if not _same_stem(v, word)}
            for variant, strength in self._spinner_swaps(word):
                alts[variant] = max(strength, alts.get(variant, 0))
            alts[(word,)] = 0
        self._alt_cache[word] = alts
        return alts

    def _spinner_swaps(self, word: str) -> list[tuple[tuple[str, ...], int]]:
        if word in self.spinner:
            return self.spinner[word]
        for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
            if word.endswith(suffix) and word[: -len(suffix)] + repl in self.spinner:
                return [(v[:-1] + (_plural(v[-1]),), s) for v, s in self.spinner[word[: -len(suffix)] + repl]]
        return []


def _same_stem(variant: tuple[str, ...], word: str) -> bool:
    if len(variant) != 1:
        return False
    v = variant[0]
    n = min(len(v), len(word), 5)
    return n >= 4 and v[:n] == word[:n]


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def read_terms(path: Path) -> list[str]:
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


def read_spinner(path: Path) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, swaps = line.partition("\t")
        key = fold(word.strip())
        out = table.setdefault(key, [])
        for swap in swaps.split("|"):
            swap = swap.strip()
            strength = SPINNER
            if swap.startswith("~"):
                strength, swap = FAR, swap[1:]
            variant = split_words(swap)
            if variant and variant != (key,):
                out.append((variant, strength))
    return table


def read_wordnet(path: Path) -> dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]]:
    table: dict[str, tuple[list[tuple[str, ...]], list[tuple[str, ...]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (3 - len(parts))
        near = [split_words(w) for w in parts[1].split(",") if w]
        far = [split_words(w) for w in parts[2].split(",") if w]
        table[parts[0]] = (near, far)
    return table


def build_lexicon() -> Lexicon:
    """The lexicon from the shipped lists (about a second: ``load_lexicon`` caches it)."""
    from wordfreq import zipf_frequency

    wordnet = read_wordnet(data_file("lists", "wordnet-synonyms.tsv"))
    for word, (near, far) in wordnet.items():
        far[:] = [syn for syn in far if all(zipf_frequency(w, "en") <= MAX_FAR_ZIPF for w in syn)]
    return Lexicon(
        read_terms(data_file("lists", "medical-terms.txt")),
        read_spinner(data_file("lists", "spinner-synonyms.tsv")),
        wordnet,
    )


def load_lexicon() -> Lexicon:
    """The lexicon, from the per-user cache when the lists and this code are unchanged."""
    sources = [data_file("lists", name) for name in _SOURCES] + [Path(__file__)]
    return load_or_build("garble-lexicon", file_key(sources), build_lexicon, Lexicon)


_SOURCES = ("medical-terms.txt", "spinner-synonyms.tsv", "wordnet-synonyms.tsv")
