"""The swap lexicon of GB02: fixed medical terms and, for each of their words, the words a spinner
may put in its place, with how strong each swap is as evidence of spinning.

Built once per process (through ``Resources``) from six shipped lists:

- ``lists/medical-terms.txt``: the fixed terms ("multiple myeloma", "blood pressure");
- ``lists/spinner-synonyms.tsv``: hand-written spinner vocabulary (cancer -> malignancy; a
  hyphenated word may be swapped as a whole, anti-inflammatory -> mitigating);
- ``lists/ordinary-phrases.txt``: phrases a swap makes that are ordinary English anyway ("intense
  pain" for acute pain), judged one by one: never reported;
- ``lists/spinner-thesaurus.tsv``: a broad thesaurus of the term words, written for medlint
  (joint -> shared, elbow -> bend); broad means noisy, so its swaps are trusted less (``BROAD``);
- ``lists/spinner-senses.tsv``: the term words' other senses and parts of speech (cast -> hurl,
  scan -> skim), trusted least (``SENSE``): only swaps putting in words uncommon in English and
  foreign to the terms are kept;
- ``lists/wordnet-synonyms.tsv``: WordNet 3.0 synonyms of the term words, built at build time
  by ``scripts/build_synonyms.py`` (distance 1 = same synset, distance 2 = pointer neighbours);

and word swaps learned from GB01's fixed pack (``garble/tortured-phrases.yaml``): each entry is
lined up with its original word by word ("kidney disappointment" / kidney failure gives
failure -> disappointment), and the swaps found are added to the spinner vocabulary
(``learn_swaps``), so GB02 also finds those swaps in terms that GB01 does not list
("antagonistic reactions" from GB01's "antagonistic occasions"). The hand-written table wins
where both have a swap; a learned swap that is plain English in its slot is weak. The pack's
originals ("arm pain") are added to the fixed terms. See ``lists/synonyms.PROVENANCE.md``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from medlint.cache import file_key, load_or_build
from medlint.resources import data_file, medical_terms, read_list
from medlint.tokens import fold

TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")

# Strength of a swap as evidence (higher is stronger).
SPINNER = 5  # a swap of the curated spinner table (or learned from GB01's pack)
BROAD = 4  # a swap of the broad thesaurus
SENSE = 3  # a swap from another sense or part of speech of the word (spinner-senses.tsv)
NEAR = 2  # WordNet: same synset
FAR = 1  # WordNet: pointer neighbour, or a learned swap that is plain English in its slot

FUNCTION_WORDS = frozenset(
    """a an the of and or to in on for with by at from as into out off up down over under no not
    is are be was were been it its this that these those your you we our they their my me he she
    his her him them us i do does did can may might will would should could has have had than
    then so if but all any some more most less much many few other such own same very just""".split()
)
# Far WordNet neighbours this common are everyday words that spinners rarely produce and that
# turn up next to anything ("get", "make", "part"): they are left out (Zipf scale, wordfreq).
MAX_FAR_ZIPF = 5.5
PACK_TERMS = True
# A word in this many fixed terms or more is a medical word in its own right ("infection",
# "cardiac", "treatment"): a learned swap that puts it in is weak (see ``learn_swaps``).
MEDICAL_WORD_TERMS = 10
# A learned swap that is also a WordNet synonym of the word is plain English in that slot when
# the word put in is this common (Zipf): "intense" (4.4) for acute; "brawny" (2.3) for muscular
# is not.
LEARNED_PLAIN_ZIPF = 3.3
# A phrase that swaps every word of a term needs a word this rare in English (Zipf): two common
# words side by side ("small amounts", "main concern") are most often just English; "ticker
# attack" and "bosom malignancy" are not.
RARE_ZIPF = 3.5
# A swap from another sense of the word is evidence alone only when the word it puts in is this
# rare in English (Zipf): "peruse" (2.7) for scan; "help" for care or "healthy" for fat are not.
SENSE_ZIPF = 4.0
# Any learned one-word swap this common is weak too: an everyday word fits many slots
# ("nearby" for local, "sign" for symptom, "social" for behavioural).
LEARNED_COMMON_ZIPF = 4.0


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
        medical_words: frozenset[str] = frozenset(),
        broad: dict[str, list[tuple[tuple[str, ...], int]]] | None = None,
        common_pairs: frozenset[tuple[str, str]] = frozenset(),
        ordinary: Iterable[str] = (),
        rare_words: frozenset[str] = frozenset(),
        senses: dict[str, list[tuple[tuple[str, ...], int]]] | None = None,
    ) -> None:
        self.spinner = spinner
        self.broad = broad or {}
        self.senses = senses or {}
        self.rare_words = rare_words  # words swaps put in that are rare in English ("bosom", "ticker")
        # Phrases that line up with a term by a swap but are ordinary English ("intense pain"),
        # with the plural of their last word, as the terms have.
        ordinary = list(ordinary)
        self.ordinary = frozenset(words for _, words in self._forms(ordinary + _plurals(ordinary)))
        self.medical_words = medical_words  # words of many fixed terms ("infection", "cardiac")
        self.wordnet = wordnet
        self.terms: list[Term] = []
        self.term_keys: dict[tuple[str, ...], int] = {}
        starts: dict[str, set[int]] = {}
        seconds: dict[str, set[int]] = {}
        pairs: dict[tuple[str, ...], set[int]] = {}
        self._alt_cache: dict[tuple[str, int], dict[tuple[str, ...], int]] = {}
        self._first_cache: dict[tuple[str, int], dict[str, list[tuple[tuple[str, ...], int]]]] = {}
        terms = list(terms)
        for text, words in self._forms(terms + _plurals(terms)):
            if len(words) < 2 or words in self.term_keys:
                continue
            if sum(w not in FUNCTION_WORDS for w in words) < 2:
                continue  # "the pill": swapping its one word leaves nothing of the term to line up
            # In a two-word term a far WordNet swap can never be reported (it is not evidence
            # alone, and the other word is then either kept or swapped too: see detect.py), so
            # it is not indexed: fewer phrases to line up.
            weakest = NEAR if len(words) == 2 else FAR
            slots = tuple(self.alternatives(w, weakest) for w in words)
            by_first = tuple(self._by_first(w, weakest) for w in words)
            index = len(self.terms)
            self.terms.append(Term(text, words, slots, by_first))
            self.term_keys[words] = index
            # Which terms a run of words can start: a one-word variant of slot 0 followed by the
            # first word of a variant of slot 1 (the two sets are intersected per word pair), or
            # the first two or three words of a longer variant of slot 0 ("malignant growth",
            # "in the twilight years": many variants start "in the").
            for first_word, variants in by_first[0].items():
                for v, _ in variants:
                    if len(v) == 1:
                        starts.setdefault(first_word, set()).add(index)
                    else:
                        pairs.setdefault(v[:3], set()).add(index)
            for second_word in by_first[1]:
                seconds.setdefault(second_word, set()).add(index)
        # Word pairs common in English books ("new baby"), kept where they can meet in a phrase:
        # the end of a slot's variant next to the start of the next slot's.
        followers: dict[str, set[str]] = {}
        for first, second in common_pairs:
            followers.setdefault(first, set()).add(second)
        self.common_pairs = frozenset(
            (a, b)
            for term in self.terms
            for left, right in zip(term.slots, term.slots[1:])
            for a in {v[-1] for v in left} & followers.keys()
            for b in followers[a] & {v[0] for v in right}
        )
        self.starts = {w: frozenset(ids) for w, ids in starts.items()}
        self.seconds = {w: frozenset(ids) for w, ids in seconds.items()}
        self.pairs = {p: frozenset(ids) for p, ids in pairs.items()}

    def starting_at(self, first: str, second: str, third: str = "") -> frozenset[int]:
        """The terms a phrase starting with these words may line up with."""
        ids = self.starts.get(first)
        found = ids & self.seconds.get(second, frozenset()) if ids else frozenset()
        for key in ((first, second), (first, second, third)):
            paired = self.pairs.get(key)
            if paired:
                found = found | paired
        return found

    def _forms(self, terms: list[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
        """(term, words) for each term, and again with a hyphenated word kept whole when the spinner
        table swaps it as one word ("anti-inflammatory drugs" as anti-inflammatory + drugs, so that
        "calming drugs" lines up: the hyphenated word itself never matches a token)."""
        for text in terms:
            yield text, split_words(text)
            units = text.split()
            if any("-" in u and fold(u) in self.spinner for u in units):
                yield text, tuple(
                    w for u in units for w in ((fold(u),) if "-" in u and fold(u) in self.spinner else split_words(u))
                )

    def _by_first(self, word: str, weakest: int) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        """``alternatives(word, weakest)`` grouped by their first word, for fast alignment."""
        cached = self._first_cache.get((word, weakest))
        if cached is None:
            cached = {}
            for variant, strength in self.alternatives(word, weakest).items():
                cached.setdefault(variant[0], []).append((variant, strength))
            self._first_cache[(word, weakest)] = cached
        return cached

    def alternatives(self, word: str, weakest: int = FAR) -> dict[tuple[str, ...], int]:
        """The word itself (strength 0) and its swaps of at least ``weakest`` strength."""
        cached = self._alt_cache.get((word, weakest))
        if cached is None:
            if weakest > FAR:
                cached = {v: s for v, s in self.alternatives(word).items() if s == 0 or s >= weakest}
            else:
                cached = self._swaps(word)
            self._alt_cache[(word, weakest)] = cached
        return cached

    def _swaps(self, word: str) -> dict[tuple[str, ...], int]:
        """Every swap of ``word`` from the tables and WordNet, with its strength."""
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
            # A broad swap is not pluralised: the plural of a verb sense reads as a verb ("walking
            # helps" is not walking aids). The curated table wins over the broad one and WordNet; a
            # learned swap judged weak (plain by word frequency) weakens no swap of another table.
            # Where a swap gives ordinary English ("intense pain") is judged per phrase
            # (``ordinary``), not per word: "temperature" for fever is plain in "high
            # temperature", garbled in "hay temperature".
            for variant, strength in [*self.senses.get(word, ()), *self.broad.get(word, ())]:
                alts[variant] = max(strength, alts.get(variant, 0))
            for variant, strength in [*self.spinner.get(word, ()), *_plural_swaps(self.spinner, word)]:
                alts[variant] = strength if strength == SPINNER else max(strength, alts.get(variant, 0))
            alts = {v: s for v, s in alts.items() if not all(w in FUNCTION_WORDS for w in v)}
            alts[(word,)] = 0
        return alts


def _plurals(phrases: Iterable[str]) -> list[str]:
    """Each phrase whose last word is singular, with that word in the plural ("high doses" for high
    dose), so that "high portions" is matched and the suggestion keeps the number."""
    return [
        text[: len(text) - len(text.split()[-1])] + _plural(text.split()[-1])
        for text in phrases
        if text.split() and text.split()[-1].isalpha() and not text.endswith("s")
    ]


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


def read_spinner(path: Path, strength: int = SPINNER) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """word -> [(variant, strength)] from a spinner table (``word<TAB>swap|swap``)."""
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, swaps = line.partition("\t")
        key = fold(word.strip())
        out = table.setdefault(key, [])
        for swap in swaps.split("|"):
            variant = split_words(swap.strip())
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


def read_pack(path: Path) -> list[tuple[str, str]]:
    """(spun phrase, original) for each entry of GB01's pack (the first original when several)."""
    import yaml

    if not path.is_file():
        return []
    try:
        swap = yaml.safe_load(path.read_text(encoding="utf-8")).get("swap") or {}
    except Exception:  # GB01 reports its own pack errors; GB02 then learns nothing from it
        return []
    pairs = []
    for spun, original in swap.items():
        if isinstance(original, list):
            original = original[0] if original else ""
        if isinstance(spun, str) and isinstance(original, str):
            pairs.append((spun, original))
    return pairs


def align_entry(spun: str, original: str) -> list[tuple[str, tuple[str, ...]]]:
    """Word swaps (original word, spun words) that turn ``original`` into ``spun``.

    The words both share at the start and end are set aside; what is left lines up word by word
    when both sides have the same number of words ("circulatory strain" / blood pressure), or is
    one original word spun into two or three ("bladder malignant growth" / bladder cancer,
    "bosom feeding" / breastfeeding). Anything else ("exercise based recuperation" / physical
    therapy), words moved about, or a hyphen put in or taken out, teaches nothing.
    """
    if spun.count("-") != original.count("-"):
        return []  # a hyphen put in or taken out: the words no longer line up ("anti-conception pill")
    s, o = split_words(spun), split_words(original)
    i = 0
    while i < min(len(s), len(o)) and s[i] == o[i]:
        i += 1
    j = 0
    while j < min(len(s), len(o)) - i and s[len(s) - 1 - j] == o[len(o) - 1 - j]:
        j += 1
    s_mid, o_mid = s[i : len(s) - j], o[i : len(o) - j]
    if not s_mid or not o_mid:
        return []
    if len(s_mid) == len(o_mid):
        pairs = [(a, (b,)) for a, b in zip(o_mid, s_mid) if a != b]
    elif len(o_mid) == 1 and len(s_mid) <= 3:
        pairs = [(o_mid[0], s_mid)]
    else:
        return []
    return [
        (a, v)
        for a, v in pairs
        if not set(v) & set(o)  # words moved about ("indications and signs" / signs and symptoms)
        and a not in FUNCTION_WORDS
        and not a.isdigit()
        and not any(w in FUNCTION_WORDS for w in v)
        and not _same_stem(v, a)
    ]


def learn_swaps(
    entries: Iterable[tuple[str, str]],
    medical_words: frozenset[str] = frozenset(),
    plain: Callable[[str, tuple[str, ...]], bool] = lambda word, variant: False,
) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """Spinner swaps (word -> [(variant, strength)]) learned from (spun, original) pairs.

    A swap is strong (SPINNER) unless every word it puts in is a common word of medical terms
    (``medical_words``): "infection" for disease (Addison's infection) or "cardiac" for heart
    are right in other terms ("bowel infection", "cardiac failure"), so they are weak (FAR).
    So is a swap for which ``plain(word, variant)`` is true: the build passes a test for an
    everyday English word, or a WordNet synonym that is fairly common ("intense" for acute, "huge"
    for large: "intense pain" is plain English). (The tables' swaps are judged per phrase instead:
    ``ordinary-phrases.txt``; learned swaps reach terms no reviewer saw.)
    A plural pair ("assaults" for attacks) is stored under the singular, so that it also
    reaches the singular word and its other plurals."""
    table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for spun, original in entries:
        for word, variant in align_entry(spun, original):
            if _is_plural(word) and _is_plural(variant[-1]):
                word, variant = _singular(word), variant[:-1] + (_singular(variant[-1]),)
            strength = FAR if all(w in medical_words for w in variant) or plain(word, variant) else SPINNER
            swaps = table.setdefault(word, [])
            if all(v != variant for v, _ in swaps):
                swaps.append((variant, strength))
    return table


def merge_spinner(
    hand: dict[str, list[tuple[tuple[str, ...], int]]], learned: dict[str, list[tuple[tuple[str, ...], int]]]
) -> dict[str, list[tuple[tuple[str, ...], int]]]:
    """The hand-written table plus learned swaps it does not already list (its strengths win)."""
    merged = {word: list(swaps) for word, swaps in hand.items()}
    for word, swaps in learned.items():
        known = {v for v, _ in merged.get(word, ())} | {v for v, _ in _plural_swaps(hand, word)}
        merged.setdefault(word, []).extend((v, s) for v, s in swaps if v not in known)
    return merged


def _plural_swaps(table, word):
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in table:
            return [(v[:-1] + (_plural(v[-1]),), s) for v, s in table[word[: -len(suffix)] + repl]]
    return []


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _is_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")) and len(word) > 3


def build_lexicon(pack: Iterable[tuple[str, str]] | None = None) -> Lexicon:
    """The lexicon from the shipped lists (about a second: ``load_lexicon`` caches it).

    ``pack``: the (spun, original) pairs to learn swaps from; GB01's pack when None (a benchmark
    passes part of the pack to measure GB02 on the rest)."""
    from wordfreq import zipf_frequency

    wordnet = read_wordnet(data_file("lists", "wordnet-synonyms.tsv"))
    for word, (near, far) in wordnet.items():
        far[:] = [syn for syn in far if all(zipf_frequency(w, "en") <= MAX_FAR_ZIPF for w in syn)]
    if pack is None:
        pack = read_pack(data_file("garble", "tortured-phrases.yaml"))
    pack = list(pack)
    terms = list(medical_terms())
    in_terms = Counter(w for t in terms for w in set(split_words(t)) if w not in FUNCTION_WORDS)
    medical_words = frozenset(w for w, n in in_terms.items() if n >= MEDICAL_WORD_TERMS)

    def plain(word: str, variant: tuple[str, ...]) -> bool:
        near, far = wordnet.get(word, ((), ()))
        zipf = max(zipf_frequency(w, "en") for w in variant)
        if len(variant) == 1 and zipf >= LEARNED_COMMON_ZIPF:
            return True
        return (variant in near or variant in far) and zipf >= LEARNED_PLAIN_ZIPF

    learned = learn_swaps(pack, medical_words, plain)
    spinner = merge_spinner(read_spinner(data_file("lists", "spinner-synonyms.tsv")), learned)
    if PACK_TERMS:
        # The pack's originals are fixed terms too ("arm pain", "amino acid"): their other spins
        # ("arm agony") are found with the swaps of every term.
        known = {fold(t) for t in terms}
        terms += sorted({o for _, o in pack if fold(o) not in known})
    broad = read_spinner(data_file("lists", "spinner-thesaurus.tsv"), BROAD)
    # A swap from another sense is kept only when the words it puts in are uncommon in English and
    # no words of the fixed terms: "help" for care, "healthy" for fat are everyday English in any
    # text, "myeloma cells" for cancer cells is a real term.
    senses = {
        word: kept
        for word, swaps in read_spinner(data_file("lists", "spinner-senses.tsv"), SENSE).items()
        if (kept := [(v, s) for v, s in swaps if _uncommon(v, in_terms, zipf_frequency)])
    }
    swapped_in = {w for table in (spinner, broad, senses) for swaps in table.values() for v, _ in swaps for w in v}
    ordinary = read_list(data_file("lists", "ordinary-phrases.txt"))
    rare = frozenset(w for w in swapped_in if zipf_frequency(w, "en") < RARE_ZIPF)
    return Lexicon(
        terms,
        spinner,
        wordnet,
        medical_words=medical_words,
        broad=broad,
        senses=senses,
        common_pairs=read_common_pairs(),
        ordinary=ordinary,
        rare_words=rare,
    )


def _uncommon(variant: tuple[str, ...], term_words: Counter[str], zipf: Callable[[str, str], float]) -> bool:
    """Are the content words ``variant`` puts in uncommon in English and no words of the fixed terms?"""
    content = [w for w in variant if w not in FUNCTION_WORDS]
    return all(w not in term_words and zipf(w, "en") < SENSE_ZIPF for w in content)


def read_common_pairs() -> frozenset[tuple[str, str]]:
    """Word pairs common in English: SymSpell's bigram list (the 243,000 most frequent word pairs of
    the Google Books Ngram corpus, in the symspellpy package).

    This is the phrase-frequency test GB02 needs: "new baby" and "fair skin" are in it, spun
    pairs ("bosom malignancy", "heart tempo") are not. Its absence says nothing: the list stops at
    common pairs ("chronic cough" is not in it)."""
    from importlib import resources

    try:
        text = (resources.files("symspellpy") / "frequency_bigramdictionary_en_243_342.txt").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    return frozenset((parts[0], parts[1]) for parts in map(str.split, text.splitlines()) if len(parts) == 3)


def load_lexicon() -> Lexicon:
    """The lexicon, from the per-user cache when the lists, GB01's pack and this code are unchanged."""
    sources = [data_file("lists", name) for name in _SOURCES] + [Path(__file__)]
    pack = data_file("garble", "tortured-phrases.yaml")
    if pack.is_file():
        sources.append(pack)
    return load_or_build("garble-lexicon", file_key(sources), build_lexicon, Lexicon)


_SOURCES = (
    "medical-terms.txt",
    "spinner-synonyms.tsv",
    "spinner-thesaurus.tsv",
    "spinner-senses.tsv",
    "wordnet-synonyms.tsv",
    "ordinary-phrases.txt",
)
